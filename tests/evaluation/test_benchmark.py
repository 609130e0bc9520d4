"""hearingproc bench: the hearing it builds and the table it prints (no pipeline run here: the
benchmark itself is run by hand, its figures are in README)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import soundfile

from hearingproc.evaluation import benchmark

ROOT = Path(__file__).parents[2]
SAMPLE = ROOT / "sample_audio" / "mock_hearing_es.wav"
SHARED = ROOT.parent / "shared" / "data" / "manifest.json"


def test_the_built_hearing_is_at_least_as_long_as_asked(tmp_path: Path):
    manifest = SHARED if SHARED.is_file() else None
    wav = benchmark.build_hearing(3, tmp_path, SAMPLE, manifest)
    info = soundfile.info(str(wav))
    assert info.samplerate == 16000 and info.channels == 1
    assert 180.0 <= info.duration < 180.0 + 98.1 + 2  # at most one more piece than needed
    meta = json.loads(wav.with_name(wav.name + ".meta.json").read_text(encoding="utf-8"))
    assert meta["expected_language"] == "es"
    again = benchmark.build_hearing(3, tmp_path, SAMPLE, manifest)
    assert again == wav and not list(tmp_path.glob("*.partial"))  # built once, then reused


def test_the_plan_alternates_the_sample_hearing_with_clips():
    hearing = benchmark.Piece(Path("h.wav"), 98.0)
    clips = [benchmark.Piece(Path(f"c{i}.wav"), 30.0) for i in range(3)]
    pieces = benchmark.plan(hearing, clips, 600.0)
    total = sum(p.duration_s + benchmark.GAP_S for p in pieces)
    assert total >= 600.0
    assert pieces[0] == hearing and pieces.count(hearing) >= 2
    assert {p.path.name for p in pieces} == {"h.wav", "c0.wav", "c1.wav", "c2.wav"}


def _figures(scale_wall: dict[int, float], engine: str = "faster-whisper",
             help_s: float = 0.5) -> dict:
    runs = [{"engine": engine, "scale": scale, "audio_s": 600.0 * scale, "wall_s": wall,
             "rtf": round(wall / (600.0 * scale), 3), "peak_mib": 1800,
             "stages": {"diarize": wall / 10, "transcribe": wall / 2}, "other_s": 5.0,
             "segments": 10, "speakers": 5} for scale, wall in scale_wall.items()]
    return {"format": benchmark.FORMAT, "minutes": 10, "revision": "abc", "cpus": 2,
            "startup": {"help_s": help_s, "import_s": 1.0}, "runs": runs}


def test_the_table_shows_before_and_the_ratio(tmp_path: Path):
    before = _figures({1: 400.0}, help_s=2.0)
    saved = tmp_path / "before.json"
    benchmark.save_figures(before, saved)
    text = benchmark.table(_figures({1: 200.0}), benchmark.load_figures(saved))
    rows = {line.split(" | ")[0]: line.split(" | ") for line in text.splitlines()
            if " | " in line}
    assert rows["faster-whisper 1x"][2] == "200.0"
    assert rows["faster-whisper 1x before"][2] == "400.0"
    assert rows["faster-whisper 1x new/before"][2] == "0.50"  # wall s: half the time
    assert "diarize s" in rows["run"] and "transcribe s" in rows["run"]
    assert "hearingproc --help 0.5 s" in text and "new/before 0.25" in text


def test_growth_and_engine_ratios_are_printed():
    figures = _figures({1: 100.0, 4: 450.0})
    figures["runs"] += _figures({1: 400.0}, engine="openai-whisper")["runs"]
    text = benchmark.table(figures)
    assert "growth faster-whisper 4x/1x: audio 4.00, wall 4.50" in text
    assert "openai-whisper/faster-whisper 1x: wall 4.00, transcribe 4.00" in text


def test_a_file_that_is_not_saved_figures_is_refused(tmp_path: Path):
    other = tmp_path / "transcript.json"
    other.write_text('{"segments": []}', encoding="utf-8")
    with pytest.raises(ValueError, match="transcript.json"):
        benchmark.load_figures(other)
