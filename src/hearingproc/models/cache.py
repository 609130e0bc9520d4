"""One caching convention for loaded models.

Every loader of a model is decorated with :func:`model_cache`: it loads once per process and
set of arguments (called again with the same arguments it returns the same object), and
:func:`release_all` forgets every loaded model at once, so that a stage that is done can let
the next one have the memory. The cache is ``functools.lru_cache``; ``maxsize`` bounds how
many differently-configured copies of one loader's model are kept alive.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterable
from typing import Generic, ParamSpec, TypeVar, cast, overload

from hearingproc._heap import return_free_memory

P = ParamSpec("P")
R = TypeVar("R")


class CachedLoader(Generic[P, R]):
    """The type of a loader under :func:`model_cache`: the loader's own signature, plus
    ``cache_clear`` and ``cache_info`` from ``functools.lru_cache``."""

    __wrapped__: Callable[P, R]

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:  # pragma: no cover - typing
        raise NotImplementedError

    def cache_clear(self) -> None:  # pragma: no cover - typing
        raise NotImplementedError

    def cache_info(self) -> functools._CacheInfo:  # pragma: no cover - typing
        raise NotImplementedError


_LOADERS: list[CachedLoader[..., object]] = []  # every loader decorated in this process


@overload
def model_cache(loader: Callable[P, R], /) -> CachedLoader[P, R]: ...


@overload
def model_cache(*, maxsize: int | None = None) -> Callable[[Callable[P, R]], CachedLoader[P, R]]:
    ...


def model_cache(loader: Callable[P, R] | None = None, /, *, maxsize: int | None = None
                ) -> CachedLoader[P, R] | Callable[[Callable[P, R]], CachedLoader[P, R]]:
    """Cache ``loader`` (``@model_cache`` or ``@model_cache(maxsize=2)``) and register it
    with :func:`release_all`. Arguments are cache keys as given, so a loader whose arguments
    have defaults should normalise them before calling its cached part."""

    def decorate(function: Callable[P, R]) -> CachedLoader[P, R]:
        cached = cast(CachedLoader[P, R], functools.lru_cache(maxsize=maxsize)(function))
        _LOADERS.append(cast(CachedLoader[..., object], cached))
        return cached

    return decorate(loader) if loader is not None else decorate


def cached_loaders() -> list[str]:
    """The dotted names of the registered loaders (for diagnostics and tests)."""
    return [f"{c.__wrapped__.__module__}.{c.__wrapped__.__qualname__}" for c in _LOADERS]


def release_all() -> None:
    """Forget every loaded model of every registered loader, then collect the garbage so that
    their memory is freed once the caller holds no reference either."""
    for cached in _LOADERS:
        cached.cache_clear()
    gc.collect()
    return_free_memory()


def release(modules: Iterable[str]) -> list[str]:
    """Forget the models of the loaders defined in ``modules`` (dotted module names), then
    collect the garbage; the others stay loaded. Returns the names of the loaders that held a
    model and were cleared."""
    wanted = set(modules)
    cleared = []
    for cached in _LOADERS:
        if cached.__wrapped__.__module__ in wanted and cached.cache_info().currsize:
            cached.cache_clear()
            cleared.append(f"{cached.__wrapped__.__module__}.{cached.__wrapped__.__qualname__}")
    if cleared:
        gc.collect()
    return cleared
