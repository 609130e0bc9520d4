"""The pipeline run stage by stage (what the flows do, without Prefect): the same transcript
as the one-call pipeline, every stage's result kept as JSON, and a rerun that recomputes
nothing."""

from __future__ import annotations

import json
import wave
from pathlib import Path
from types import SimpleNamespace

import pytest

from hearingproc.audio import load_audio
from hearingproc.config import PipelineConfig
from hearingproc.errors import AudioError
from hearingproc.pipeline.memory import process_file
from hearingproc.pipeline.stored import plan, run_all
from hearingproc.transcript import load_transcript, to_dict

REPO = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.models]


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """9 s of the sample hearing: the oath and "I do."."""
    samples = load_audio(REPO / "sample_audio" / "mock_hearing_es.wav").samples
    path = tmp_path_factory.mktemp("stagewise") / "oath.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes((samples[8 * 16000:17 * 16000] * 32767).astype("<i2").tobytes())
    return path


def _comparable(path: Path) -> dict:
    data = to_dict(load_transcript(path))
    data["pipeline"].pop("created_at")
    data["pipeline"].pop("timings")
    data["recording"].pop("source")
    return data


def test_stagewise_matches_the_pipeline_and_resumes(clip, tmp_path):
    config = PipelineConfig()
    whole = process_file(clip, tmp_path / "whole", config)
    staged = run_all(clip, tmp_path / "staged", config)
    assert _comparable(staged / "transcript.json") == _comparable(whole / "transcript.json")

    work = plan(clip, tmp_path / "staged", config)
    files = {name: work.stage_file(name) for name in ("ingest", "diarize", "transcribe")}
    diarized = json.loads(files["diarize"].read_text(encoding="utf-8"))
    written = json.loads((staged / "transcript.json").read_text(encoding="utf-8"))
    assert diarized["turns"] and [(t["speaker"], round(t["start"], 3)) for t in diarized["turns"]] \
        == [(t["speaker"], t["start"]) for t in written["turns"]]
    assert (work.recording_dir / "audio.npy").is_file()
    stamps = {name: path.stat().st_mtime_ns for name, path in files.items()}
    run_all(clip, tmp_path / "staged", config)
    assert {name: path.stat().st_mtime_ns for name, path in files.items()} == stamps


def test_bad_audio_is_not_retried_but_io_errors_are(tmp_path):
    import sys

    sys.path.insert(0, str(REPO))  # flows/ sits beside src/
    from hearingproc.flows.process_recording import retry_on_io

    assert retry_on_io(None, None, SimpleNamespace(data=OSError("share unavailable")))
    assert not retry_on_io(None, None, SimpleNamespace(data=AudioError("x.wav: corrupt")))
    assert not retry_on_io(None, None, SimpleNamespace(data=ValueError("bug")))
    corrupt = tmp_path / "corrupt.wav"
    corrupt.write_bytes(b"RIFF\x00\x00\x00\x00WAVEnot really")
    with pytest.raises(AudioError, match="corrupt.wav"):
        run_all(corrupt, tmp_path / "out", PipelineConfig())
    assert not (tmp_path / "out" / "corrupt").exists()
