"""The model registry: the one source of names, packages, files and sha256, the generated
MANIFEST.toml, the modules that read their pins from it, and light imports."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from hearingproc.models import registry

MANIFEST = Path(__file__).resolve().parents[2] / "models" / "MANIFEST.toml"
HEAVY = ("torch", "pyannote", "faster_whisper", "whisper", "ctranslate2", "transformers")


def test_committed_manifest_is_the_generated_one():
    assert MANIFEST.read_text(encoding="utf-8") == registry.manifest_toml(), (
        "models/MANIFEST.toml is out of date: "
        "python -m hearingproc.models.registry > models/MANIFEST.toml")


def test_manifest_holds_every_model_and_checksum():
    tables = tomllib.loads(registry.manifest_toml())
    assert list(tables) == [entry.name for entry in registry.MODELS]
    for entry in registry.MODELS:
        table = tables[entry.name]
        assert table["packages"] == list(entry.pypi) and table["loader"] == entry.loader
        assert table["install"] == entry.install and table["license"]
        assert table.get("files", {}) == {f"{f.package}/{f.path}": f.sha256 for f in entry.files}
        assert table.get("sha256", {}) == dict(entry.sha256)
        assert table.get("converter") == entry.converter


def test_every_model_is_registered_once_with_what_installs_it():
    assert len(registry.REGISTRY) == len(registry.MODELS) == 7
    for entry in registry.MODELS:
        assert all(len(f.sha256) == 64 for f in entry.files)
        assert all("==" in requirement for requirement in entry.pypi)  # pinned
        if entry.install == "in place":
            assert entry.files and entry.folder is None and entry.converter is None
        else:
            assert entry.installed_as()
            assert (entry.converter is not None) == (entry.install == "converted")
            assert entry.files or entry.source in registry.REGISTRY
    with pytest.raises(ValueError, match="in place"):
        registry.spec(registry.SILERO_VAD).installed_as()


def test_importing_the_registry_loads_no_model_library():
    code = ("import sys\n"
            "import hearingproc.models, hearingproc.models.registry, hearingproc.models.bundle\n"
            "import hearingproc.models.whisper, hearingproc.models.cache\n"
            f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.models
def test_pins_match_the_installed_packages():
    for entry in registry.MODELS:
        assert registry.package_file_problems(entry.name) == [], entry.name


@pytest.mark.models
def test_modules_read_their_pins_from_the_registry():
    from hearingproc.models import bundle, segmentation, sentence_encoder, speaker_embedding

    assert sentence_encoder.MINILM_SHA256 == registry.pinned_sha256(
        registry.SENTENCE_ENCODER, "model/model.safetensors")
    assert speaker_embedding.WEIGHTS_SHA256 == registry.pinned_sha256(
        registry.SPEAKER_EMBEDDING, "pretrained.pt")
    assert segmentation.ONNX_SHA256 == registry.pinned_sha256(
        registry.SEGMENTATION, "segmentation-3.0.onnx")
    assert bundle.WHISPER_BASE_SPEC is registry.spec(registry.WHISPER_BASE)
    assert speaker_embedding.weights_path() == registry.locate(
        registry.SPEAKER_EMBEDDING, registry.spec(registry.SPEAKER_EMBEDDING).files[0])
    assert sentence_encoder.minilm_dir() / sentence_encoder.MINILM_WEIGHTS == registry.locate(
        registry.SENTENCE_ENCODER, registry.spec(registry.SENTENCE_ENCODER).files[0])


@pytest.mark.models
def test_loaders_and_converters_are_importable():
    for entry in registry.MODELS:
        for dotted in filter(None, (entry.loader, entry.converter)):
            assert callable(registry.resolve(dotted)), dotted
