"""models/cache.py ``release``: frees the models of the named modules only, and the
executors' table of which stage uses which models names modules that hold cached loaders."""

from __future__ import annotations

import importlib

from hearingproc.models.cache import cached_loaders, model_cache, release
from hearingproc.pipeline.memory import STAGE_MODELS, release_after


class Model:
    pass


@model_cache
def _load_here() -> Model:
    return Model()


def test_release_frees_only_the_named_modules():
    from hearingproc.models.sentence_encoder import load_sentence_encoder

    first = _load_here()
    assert _load_here() is first  # cached
    untouched = load_sentence_encoder.cache_info().currsize
    freed = release(["hearingproc.models.whisper", __name__])
    assert f"{__name__}._load_here" in freed
    assert _load_here() is not first  # loaded again after the release
    assert load_sentence_encoder.cache_info().currsize == untouched
    assert release(["no.such.module"]) == []


def test_every_stage_model_module_holds_a_cached_loader():
    names = set()
    for modules in STAGE_MODELS.values():
        for module in modules:
            importlib.import_module(module)
            names.add(module)
    loaders = cached_loaders()
    missing = [m for m in names if not any(name.startswith(m + ".") for name in loaders)]
    assert not missing, f"STAGE_MODELS names modules without a model_cache loader: {missing}"


def test_release_after_keeps_what_a_later_stage_needs(monkeypatch):
    cleared: list[list[str]] = []
    monkeypatch.setattr("hearingproc.models.cache.release",
                        lambda modules: cleared.append(sorted(modules)) or [])
    release_after("transcribe", ["roles", "translate", "tag"])  # translate decodes with Whisper
    release_after("translate", ["interpretation", "tag"])
    release_after("diarize", ["transcribe"])
    assert cleared == [[], ["hearingproc.models.text_translation", "hearingproc.models.whisper"],
                       ["hearingproc.stages.diarize", "hearingproc.stages.diarize_worker"]]
