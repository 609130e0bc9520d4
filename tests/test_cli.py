"""The command line end to end on the committed sample hearing and on bad input."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from hearingproc.audio import load_audio
from hearingproc.cli import main
from hearingproc.transcript import load_transcript, validate
from test_audio import _deny_reading, _encode

OUTPUTS = ("transcript.json", "transcript.txt", "transcript.srt", "transcript.vtt",
           "transcript.rttm", "timeline.png", "transcript.pdf",
           "transcript.docx")
SRT_CUE = re.compile(r"^\d+\n\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}\n.+$")
VTT_TIME = re.compile(r"^\d\d:\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}$")
SAMPLE = Path(__file__).resolve().parents[1] / "sample_audio" / "mock_hearing_es.wav"


def test_sample_hearing_outputs(sample_output: Path):
    for name in OUTPUTS:
        assert (sample_output / name).stat().st_size > 0
    data = json.loads((sample_output / "transcript.json").read_text(encoding="utf-8"))
    validate(data)
    transcript = load_transcript(sample_output / "transcript.json")
    assert set(transcript.languages) == {"en", "es"}
    assert transcript.recording.duration == pytest.approx(98.019, abs=0.01)
    for segment in transcript.segments:
        assert 0 <= segment.start < segment.end <= transcript.recording.duration
        assert segment.words, f"segment {segment.id} has no word timings"
        assert all(segment.start - 0.01 <= w.start <= w.end <= segment.end + 0.01
                   for w in segment.words)
    cues = (sample_output / "transcript.srt").read_text(encoding="utf-8").strip().split("\n\n")
    assert len(cues) == len(transcript.segments)
    assert all(SRT_CUE.match(cue) for cue in cues)
    vtt = (sample_output / "transcript.vtt").read_text(encoding="utf-8").splitlines()
    assert vtt[0] == "WEBVTT"
    assert sum(bool(VTT_TIME.match(line)) for line in vtt) == len(transcript.segments)
    text = (sample_output / "transcript.txt").read_text(encoding="utf-8")
    assert "(es): " in text and "JUDGE: " in text


def test_sample_hearing_turns_in_their_language(sample_output: Path):
    """Every reference turn is covered by transcript text in the turn's own language."""
    reference = json.loads((Path(__file__).parents[1] / "sample_audio" /
                            "mock_hearing_es.reference.json").read_text(encoding="utf-8"))
    transcript = load_transcript(sample_output / "transcript.json")
    for turn in reference:
        overlapping = [s for s in transcript.segments
                       if min(s.end, turn["end"]) - max(s.start, turn["start"]) > 0]
        assert overlapping, f"turn at {turn['start']} s ({turn['role']}) was not transcribed"
        spoken = max(overlapping,
                     key=lambda s: min(s.end, turn["end"]) - max(s.start, turn["start"]))
        assert spoken.language == turn["language"], (turn, spoken)


def _write_wav(path: Path, samples: np.ndarray) -> None:
    import wave

    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16_000)
        w.writeframes((np.clip(samples, -1, 1) * 32767).astype(np.int16).tobytes())


def test_batch_with_bad_inputs(tmp_path: Path, audio_path, capsys, monkeypatch):
    """Each bad file gets one error line naming it, and the others are processed; an
    unreadable one (issue 20) stopped the whole batch."""
    good = tmp_path / "good.flac"
    shutil.copy(audio_path("en_spkanon_eval_3752-4944-0000"), good)
    locked = tmp_path / "locked.flac"
    shutil.copy(good, locked)
    _deny_reading(monkeypatch, locked)
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    text = tmp_path / "notes.wav"
    text.write_text("not audio\n" * 50)
    folder = tmp_path / "a_folder"
    folder.mkdir()
    missing = tmp_path / "missing.mp3"
    out = tmp_path / "out"
    code = main(["process", str(empty), str(locked), str(good), str(text), str(folder),
                 str(missing), "--out", str(out)])
    assert code == 1  # some files done
    errors = [line for line in capsys.readouterr().err.splitlines()
              if line.startswith("hearingproc:")]
    assert len(errors) == 5
    for bad, line in zip((empty, locked, text, folder, missing), errors, strict=True):
        assert str(bad) in line
    assert sorted(p.name for p in out.iterdir()) == ["good"]
    assert sorted(p.name for p in (out / "good").iterdir()) == sorted(OUTPUTS)
    assert "captain" in load_transcript(out / "good" / "transcript.json").text.lower()


def _half_an_mp3(path: Path) -> None:
    """The first half of an MP3 of 8 s of the sample hearing (issue 20: `head -c`)."""
    whole = path.with_name("whole.mp3")
    _encode(load_audio(SAMPLE).samples[:8 * 16_000], whole, "libmp3lame", 22_050, 1)
    path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    whole.unlink()


BROKEN = {
    "hearing.wav": lambda path: path.write_bytes(b"RIFF....WAVEjunk"),
    "hearing.mp3": _half_an_mp3,  # decoded in part, with no error, before issue 20
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_failure_keeps_earlier_output(tmp_path: Path, sample_output: Path, name: str, capsys):
    out = tmp_path / "out"
    shutil.copytree(sample_output, out / "hearing")
    before = {p.name: p.read_bytes() for p in (out / "hearing").iterdir()}
    broken = tmp_path / name
    BROKEN[name](broken)
    assert main(["process", str(broken), "--out", str(out)]) == 3  # AudioError's code
    assert str(broken) in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in (out / "hearing").iterdir()} == before
    assert [p.name for p in out.iterdir()] == ["hearing"]  # no staging folders left behind


@pytest.mark.parametrize("kind", ["silence", "noise"])
def test_silence_and_noise_give_empty_transcript(tmp_path: Path, kind: str):
    rng = np.random.default_rng(7)
    seconds = 20
    samples = (np.zeros(16_000 * seconds) if kind == "silence"
               else rng.normal(0, 0.05, 16_000 * seconds))
    path = tmp_path / f"{kind}.wav"
    _write_wav(path, samples)
    assert main(["process", str(path), "--out", str(tmp_path / "out")]) == 0
    transcript = load_transcript(tmp_path / "out" / kind / "transcript.json")
    assert transcript.segments == ()
    assert "(no speech transcribed)" in (tmp_path / "out" / kind / "transcript.txt").read_text()


def test_forced_language(tmp_path: Path, audio_path):
    path = audio_path("es_leopard_test_es")
    assert main(["process", str(path), "--out", str(tmp_path), "--language", "es"]) == 0
    transcript = load_transcript(tmp_path / path.stem / "transcript.json")
    assert transcript.segments and {s.language for s in transcript.segments} == {"es"}
    assert transcript.pipeline.options["transcribe"]["language"] == "es"


def test_unknown_model_is_a_clear_error(tmp_path: Path, audio_path, capsys):
    code = main(["process", str(audio_path("en_leopard_test")), "--out", str(tmp_path),
                 "--model", "no-such-size"])
    assert code == 4
    err = capsys.readouterr().err
    assert "no-such-size" in err and "never downloads" in err
    assert not any(tmp_path.iterdir())


def test_both_engines_through_the_pipeline(tmp_path: Path, audio_path):
    """The same recording through `process` with each engine: same type, same words."""
    from hearingproc.evaluation.text import whisper_normaliser

    path = audio_path("en_wenet_librispeech-1995-1837-0001")
    words = {}
    for engine in ("faster-whisper", "openai-whisper"):
        out = tmp_path / engine
        assert main(["process", str(path), "--out", str(out), "--engine", engine]) == 0
        transcript = load_transcript(out / path.stem / "transcript.json")
        assert transcript.pipeline.engines["asr"] == engine
        assert transcript.languages == ("en",)
        assert all(s.words for s in transcript.segments)
        words[engine] = whisper_normaliser("en")(transcript.text).split()
    assert words["faster-whisper"] == words["openai-whisper"]
    assert len(words["faster-whisper"]) > 15
