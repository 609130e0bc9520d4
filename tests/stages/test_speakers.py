"""Who spoke when, end to end through `hearingproc process`: the committed sample hearing
(5 voices, 24 turns), one speaker, no speech, and the speaker options."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from pyannote.database.util import load_rttm

from hearingproc.audio import SAMPLE_RATE, Audio, load_audio
from hearingproc.cli import main
from hearingproc.config import PipelineConfig
from hearingproc.pipeline.memory import process_audio
from hearingproc.transcript import load_transcript

REFERENCE = Path(__file__).resolve().parents[2] / "sample_audio" / "mock_hearing_es.reference.json"
SINGLE_SPEAKER_ID = "en_spkanon_eval_2412-153948-0000"  # LibriSpeech, 11.7 s, one woman


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))


def test_sample_hearing_has_its_five_voices(sample_output: Path):
    transcript = load_transcript(sample_output / "transcript.json")
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    assert len(transcript.speakers) == len({t["speaker"] for t in reference}) == 5
    assert [s.id for s in transcript.speakers] == [f"SPEAKER_{k:02d}" for k in range(5)]
    assert all(s.talk_time > 0 for s in transcript.speakers)
    assert {s.speaker for s in transcript.segments} == {s.id for s in transcript.speakers}
    interpreter = {s.id: set(s.languages) for s in transcript.speakers}
    assert sorted(map(sorted, interpreter.values())) == [["en"], ["en"], ["en"], ["en", "es"],
                                                         ["es"]]


def test_every_sample_turn_is_attributed_to_its_speaker(sample_output: Path):
    """Map each diarized label to the reference voice it shares most speech with (one label
    per voice); then every word spoken inside a reference turn carries that voice's label."""
    transcript = load_transcript(sample_output / "transcript.json")
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    shared: Counter[tuple[str, str]] = Counter()
    for turn in reference:
        for seg in transcript.segments:
            shared[(seg.speaker, turn["speaker"])] += _overlap(seg.start, seg.end,
                                                                turn["start"], turn["end"])
    label_of: dict[str, str] = {}
    for (label, voice), _ in shared.most_common():
        if voice not in label_of and label not in label_of.values():
            label_of[voice] = label
    assert len(label_of) == 5
    for turn in reference:
        speakers = [seg.speaker for seg in transcript.segments for w in seg.words
                    if turn["start"] <= (w.start + w.end) / 2 <= turn["end"]]
        assert speakers, f"turn at {turn['start']} s ({turn['role']}) has no words"
        assert set(speakers) == {label_of[turn["speaker"]]}, (turn, Counter(speakers))


def test_sample_rttm_and_timeline(sample_output: Path):
    transcript = load_transcript(sample_output / "transcript.json")
    (annotation,) = load_rttm(sample_output / "transcript.rttm").values()
    assert sorted(annotation.labels()) == [s.id for s in transcript.speakers]
    assert len(list(annotation.itertracks())) == len(transcript.turns)
    png = (sample_output / "timeline.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000


def test_one_voice_gives_one_speaker(audio_path):
    transcript = process_audio(load_audio(audio_path(SINGLE_SPEAKER_ID)), PipelineConfig())
    assert [s.id for s in transcript.speakers] == ["SPEAKER_00"]
    assert transcript.segments and all(s.speaker == "SPEAKER_00" for s in transcript.segments)
    assert not any("overlapping_speech" in s.flags for s in transcript.segments)


def test_no_speech_gives_no_speakers_and_no_segments():
    noise = np.random.default_rng(0).normal(0.0, 1e-3, 15 * SAMPLE_RATE).astype(np.float32)
    audio = Audio(noise, "0" * 64, "noise", SAMPLE_RATE, 1, "memory")
    transcript = process_audio(audio, PipelineConfig())
    assert transcript.speakers == () and transcript.turns == () and transcript.segments == ()


def test_cli_speaker_count_and_no_diarization(tmp_path: Path, audio_path):
    """--num-speakers reaches the diarization; --no-diarization gives no speakers at all."""
    path = audio_path(SINGLE_SPEAKER_ID)
    assert main(["process", str(path), "--out", str(tmp_path / "two"), "--num-speakers", "2"]) == 0
    two = load_transcript(tmp_path / "two" / path.stem / "transcript.json")
    assert len(two.speakers) == 2
    assert two.pipeline.options["diarize"]["num_speakers"] == 2
    assert main(["process", str(path), "--out", str(tmp_path / "none"), "--no-diarization"]) == 0
    none = load_transcript(tmp_path / "none" / path.stem / "transcript.json")
    assert none.speakers == () and none.turns == () and none.segments
    assert all(s.speaker is None for s in none.segments)
    assert (tmp_path / "none" / path.stem / "transcript.rttm").read_text() == ""


@pytest.mark.parametrize("args", [["--num-speakers", "0"],
                                  ["--num-speakers", "3", "--max-speakers", "4"],
                                  ["--min-speakers", "5", "--max-speakers", "2"]])
def test_cli_refuses_conflicting_speaker_counts(tmp_path: Path, args: list[str]):
    wav = Path(__file__).resolve().parents[2] / "sample_audio" / "mock_hearing_es.wav"
    code = main(["process", str(wav), "--out", str(tmp_path), *args])
    assert code == 2
    assert not any(tmp_path.iterdir())


def test_token_is_never_written(tmp_path: Path):
    config = PipelineConfig().with_overrides(speakers={"pipeline": str(tmp_path), "token": "hf_s"})
    assert config.public_options()["diarize"]["token"] == "***"
