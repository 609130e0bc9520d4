"""The one caching convention for loaded models (hearingproc.models.cache)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hearingproc.models import cache, whisper


def test_a_loader_returns_the_same_object_until_released(monkeypatch: pytest.MonkeyPatch):
    calls: list[str] = []

    @cache.model_cache
    def load(name: str) -> object:
        calls.append(name)
        return object()

    @cache.model_cache(maxsize=1)
    def load_one(name: str) -> object:
        return object()

    # release_all clears every registered loader; here only these two
    monkeypatch.setattr(cache, "_LOADERS", [load, load_one])
    first = load("a")
    assert load("a") is first and load("b") is not first and calls == ["a", "b"]
    kept = load_one("a")
    assert load_one("a") is kept
    load_one("b")
    assert load_one("a") is not kept  # maxsize bounds the copies kept alive
    cache.release_all()
    assert load("a") is not first and calls == ["a", "b", "a"]


def test_every_model_loader_uses_the_cache():
    import hearingproc.models.sentence_encoder  # noqa: F401
    import hearingproc.models.text_translation  # noqa: F401

    assert {"hearingproc.models.whisper._load_engine",
            "hearingproc.models.sentence_encoder.load_sentence_encoder",
            "hearingproc.models.text_translation.load_translator"} <= set(cache.cached_loaders())


def test_load_engine_keys_one_model_once(monkeypatch: pytest.MonkeyPatch):
    from hearingproc.models import bundle

    class Engine:
        def __init__(self, path: Path, name: str, *args: object, **kwargs: object) -> None:
            self.path = path

    resolved = bundle.ResolvedModel("stub", Path("/nowhere/stub"), None)
    monkeypatch.setattr(bundle, "resolve_whisper", lambda model, engine: resolved)
    monkeypatch.setattr(whisper, "FasterWhisperEngine", Engine)
    model = f"/nowhere/stub-{id(Engine)}"  # a cache key no real model has
    engine = whisper.load_engine(model=model)
    assert isinstance(engine, Engine)
    # defaults given or not, positional or by name: one model, one entry
    assert whisper.load_engine("faster-whisper", model, "cpu", "default") is engine
    assert whisper.load_engine("faster-whisper", model=model, device="cpu") is engine
    assert whisper.load_engine("faster-whisper", model, "cpu", "int8") is not engine
