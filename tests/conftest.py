"""Shared fixtures: the real speech in ../shared/data, the embedded models loaded once per
session, and a session-wide evaluation run that several tests read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from hearingproc._env import apply_private_defaults

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample_audio"
SHARED = Path(os.environ.get("HEARINGPROC_SHARED_DATA", REPO.parent / "shared" / "data"))

apply_private_defaults()


def _require_shared() -> Path:
    if not (SHARED / "manifest.json").is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{SHARED}/manifest.json is missing; CI must have ../shared/data")
        pytest.skip(f"real-speech data not found at {SHARED} (set HEARINGPROC_SHARED_DATA)")
    return SHARED


@pytest.fixture(scope="session")
def shared_data() -> Path:
    return _require_shared()


@pytest.fixture(scope="session")
def shared_manifest(shared_data: Path) -> dict[str, dict]:
    entries = json.loads((shared_data / "manifest.json").read_text(encoding="utf-8"))
    return {e["id"]: e for e in entries}


@pytest.fixture(scope="session")
def audio_path(shared_data: Path, shared_manifest: dict[str, dict]):
    def path(recording_id: str) -> Path:
        return shared_data / shared_manifest[recording_id]["audio"]
    return path


@pytest.fixture(scope="session")
def fw_engine():
    from hearingproc.models.whisper import load_engine

    return load_engine("faster-whisper")


@pytest.fixture(scope="session")
def shared_eval(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[int, dict]:
    """`hearingproc eval` over all of ../shared/data with the repository's thresholds."""
    from hearingproc.cli import main

    out = tmp_path_factory.mktemp("eval-shared")
    code = main(["eval", str(shared_data / "manifest.json"), "--out", str(out),
                 "--thresholds", str(REPO / "tests" / "thresholds.toml")])
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert (out / "report.md").is_file()
    return code, report


@pytest.fixture(scope="session")
def sample_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed sample hearing processed by the CLI, as in README."""
    from hearingproc.cli import main

    out = tmp_path_factory.mktemp("sample-out")
    assert main(["process", str(SAMPLE / "mock_hearing_es.wav"), "--out", str(out)]) == 0
    return out / "mock_hearing_es"
