"""The transcript model: JSON round trip, schema validation, versions, and the writers."""

from __future__ import annotations

import json

import pytest

from hearingproc.errors import TranscriptError
from hearingproc.exports import srt, text, vtt
from hearingproc.transcript import (
    SCHEMA_VERSION,
    ModelInfo,
    PipelineInfo,
    Recording,
    Segment,
    Transcript,
    Translation,
    Word,
    from_dict,
    to_dict,
    validate,
)


def _transcript() -> Transcript:
    words = (Word(1.00049, 1.4, " Do", 0.98), Word(1.4, 1.9, " you", 0.97))
    return Transcript(
        recording=Recording(id="a" * 64, source="hearing.wav", duration=12.34567,
                            sample_rate=16_000, source_sample_rate=44_100, channels=2, format="wav",
                            metadata={"case_number": "A123"}),
        pipeline=PipelineInfo(engines={"asr": "faster-whisper"},
                              models=(ModelInfo("asr", "whisper-base", "/m", "b" * 64),),
                              options={"language": "auto"}, versions={"hearingproc": "0.1.0"},
                              created_at="2026-11-26T12:00:00+00:00"),
        segments=(
            Segment(1, 1.00049, 1.9, "Do you swear?", "en", 0.99, words, avg_logprob=-0.2,
                    no_speech_prob=0.01, compression_ratio=1.1),
            Segment(2, 2.5, 4.0, "我发誓 <真的>", "zh", 0.97, speaker="SPEAKER_01",
                    role="applicant", translation=Translation("I swear", "whisper-translate"),
                    flags=("low_confidence",)),
        ),
    )


def test_round_trip_and_schema():
    original = _transcript()
    data = json.loads(json.dumps(to_dict(original)))
    validate(data)
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["segments"][0]["start"] == 1.0 and data["recording"]["duration"] == 12.346
    again = from_dict(data)
    assert again.segments[1].translation == Translation("I swear", "whisper-translate")
    assert to_dict(again) == data


def test_schema_rejects_bad_values():
    data = to_dict(_transcript())
    data["segments"][0]["flags"] = ["made_up_flag"]
    with pytest.raises(TranscriptError, match="segments/0/flags"):
        validate(data)
    data = to_dict(_transcript())
    data["segments"][1]["role"] = "bailiff"
    with pytest.raises(TranscriptError, match="segments/1/role"):
        validate(data)


def test_newer_or_missing_schema_version_refused():
    data = to_dict(_transcript())
    data["schema_version"] = SCHEMA_VERSION + 1
    with pytest.raises(TranscriptError, match="upgrade hearingproc"):
        from_dict(data)
    del data["schema_version"]
    with pytest.raises(TranscriptError, match="schema_version"):
        from_dict(data)


def test_srt_and_vtt():
    transcript = _transcript()
    assert srt.render(transcript).splitlines()[:3] == ["1", "00:00:01,000 --> 00:00:01,900",
                                                       "Do you swear?"]
    assert "[APPLICANT] (zh) 我发誓 <真的>" in srt.render(transcript)
    lines = vtt.render(transcript).splitlines()
    assert lines[0] == "WEBVTT"
    assert "<v APPLICANT><lang zh>我发誓 &lt;真的&gt;</lang>" in lines
    assert "00:00:02.500 --> 00:00:04.000" in lines


def test_text_export_marks_language_role_and_flags():
    rendered = text.render(_transcript())
    assert "Case number: A123" in rendered
    assert "[00:00:02] APPLICANT (zh): 我发誓 <真的> [low confidence]" in rendered
