"""Roles end to end on the committed sample hearing (real models on its audio): every voice
gets its role, the exports carry the role labels, and `hearingproc eval` scores role accuracy
(its threshold, >= 0.95, is in sample_audio/thresholds.toml and checked by
tests/test_sample_audio.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hearingproc.evaluation.roles import score_roles
from hearingproc.transcript import load_transcript

SAMPLE = Path(__file__).resolve().parents[2] / "sample_audio"
ENTRY = json.loads((SAMPLE / "manifest.json").read_text(encoding="utf-8"))[0]


def test_sample_hearing_roles(sample_output: Path):
    transcript = load_transcript(sample_output / "transcript.json")
    roles = sorted(s.role for s in transcript.speakers)
    assert roles == sorted(["judge", "interpreter", "applicant", "dhs_counsel",
                            "respondent_counsel"])
    interpreter = next(s for s in transcript.speakers if s.role == "interpreter")
    assert set(interpreter.languages) == {"en", "es"}
    assert all(s.role_evidence and 0 < s.role_confidence <= 1 for s in transcript.speakers)
    assert all(s.role for s in transcript.segments)
    assert "roles" in transcript.pipeline.timings
    scored = score_roles(ENTRY, transcript.segments)
    assert scored["accuracy"] >= 0.95, scored["confusion"]


def test_sample_hearing_exports_show_roles(sample_output: Path):
    transcript = load_transcript(sample_output / "transcript.json")
    text = (sample_output / "transcript.txt").read_text(encoding="utf-8").splitlines()
    # the transcript's own lines ([HH:MM:SS] stamps; the tags section below uses time spans)
    body = [line for line in text if re.match(r"\[\d\d:\d\d:\d\d\] ", line)]
    assert len(body) == len(transcript.segments)
    spoken = {line.split("] ", 1)[1].split(":", 1)[0] for line in body}
    assert {"JUDGE", "INTERPRETER", "INTERPRETER (es)", "APPLICANT (es)", "DHS COUNSEL",
            "RESPONDENT COUNSEL"} <= spoken
    swear = next(line for line in body if "swear" in line.lower())
    assert swear.split("] ", 1)[1].startswith("JUDGE: ")
    assert "SPEAKERS" in text
    srt = (sample_output / "transcript.srt").read_text(encoding="utf-8")
    vtt = (sample_output / "transcript.vtt").read_text(encoding="utf-8")
    for label in ("JUDGE", "INTERPRETER", "APPLICANT", "DHS COUNSEL", "RESPONDENT COUNSEL"):
        assert f"[{label}] " in srt and f"<v {label}>" in vtt


@pytest.mark.models  # the speaker-embedding model diarization uses
def test_voice_similarity_tells_one_person_from_another(shared_data: Path, shared_manifest):
    """voice_similarity on the real voices of the shared mock hearing: two turns of one person,
    given as two voices, sound close (at least RoleOptions.split_similarity, the bar a voice
    split off the applicant must clear); two people do not."""
    from hearingproc.audio import load_audio
    from hearingproc.stages.role_voices import voice_similarity
    from hearingproc.stages.roles import RoleOptions
    from hearingproc.transcript import Segment

    entry = shared_manifest["en-zh_constructed_mock_hearing_zh"]
    audio = load_audio(shared_data / entry["audio"])
    turns = entry["reference_segments"]
    seen: dict[str, int] = {}
    segments = []
    for i, turn in enumerate(turns):  # each person's turns as voices <person>#1, <person>#2
        seen[turn["speaker"]] = seen.get(turn["speaker"], 0) + 1
        segments.append(Segment(i + 1, turn["start"], turn["end"], turn["text"],
                                turn["language"], 0.9,
                                speaker=f"{turn['speaker']}#{seen[turn['speaker']]}"))
    similarity = voice_similarity(audio, segments)
    bar = RoleOptions().split_similarity
    same = [similarity("LS1988#1", "LS1988#2"), similarity("LS3752#1", "LS3752#2")]
    others = [similarity("LS1988#1", "LS3752#1"), similarity("LS1988#2", "LS2412#1"),
              similarity("LS3752#2", "LS2412#1"), similarity("AISHELL_S0764#1", "FunASR_sample#1")]
    assert all(s is not None and s >= bar for s in same), same
    assert all(s is not None and s < bar for s in others), others
