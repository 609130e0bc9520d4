"""`hearingproc eval` runs each recording with the metadata sidecar the CLI would read
(``AUDIO.meta.json`` beside it): the participants and the expected language reach the
pipeline, and a broken sidecar fails the evaluation naming the recording and the file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from hearingproc.config import PipelineConfig
from hearingproc.errors import EvaluationError
from hearingproc.evaluation import runner
from hearingproc.pipeline import memory

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
CLIP = SHARED / "audio" / "en_faster-whisper_stereo_diarization.wav"


class _Stop(Exception):
    """Raised by the stand-in pipeline once it has seen what the runner passed it."""


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    if not CLIP.is_file():
        pytest.skip(f"{CLIP} is absent (../shared/data is only guaranteed in CI)")
    shutil.copy(CLIP, tmp_path / "clip.wav")
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps([{"id": "clip", "audio": "clip.wav", "language": "en",
                                 "reference_text": "x"}]), encoding="utf-8")
    return path


def _passed_metadata(manifest: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    seen: dict[str, Any] = {}

    def pipeline(audio, config, metadata=None, **_):
        seen["metadata"] = metadata
        seen["duration"] = audio.duration
        raise _Stop

    monkeypatch.setattr(memory, "process_audio", pipeline)
    with pytest.raises(_Stop):
        runner.evaluate_manifest(manifest, PipelineConfig())
    assert seen["duration"] > 1.0  # the real recording was decoded and handed over
    return seen["metadata"]


def test_sidecar_beside_the_recording_reaches_the_pipeline(manifest: Path,
                                                          monkeypatch: pytest.MonkeyPatch):
    sidecar = {"expected_language": "es", "participants": [
        {"role": "judge", "name": "Linda Moreno"}, "interpreter", "applicant"]}
    (manifest.parent / "clip.wav.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    assert _passed_metadata(manifest, monkeypatch) == sidecar


def test_recording_without_sidecar_gets_no_metadata(manifest: Path,
                                                    monkeypatch: pytest.MonkeyPatch):
    assert _passed_metadata(manifest, monkeypatch) == {}


def test_broken_sidecar_names_the_recording_and_the_file(manifest: Path):
    bad = manifest.parent / "clip.wav.meta.json"
    bad.write_text('{"participants": [{"role": "bailiff"}]}', encoding="utf-8")
    with pytest.raises(EvaluationError) as raised:
        runner.evaluate_manifest(manifest, PipelineConfig())
    assert "clip" in str(raised.value) and str(bad) in str(raised.value)
