"""The EOIR-style text export and subtitles with roles: header from the sidecar metadata, role
labels, translations in brackets under non-English lines, voices that share a role."""

from __future__ import annotations

from hearingproc.exports import srt, text, vtt
from hearingproc.transcript import (
    PipelineInfo,
    Recording,
    Segment,
    Speaker,
    Transcript,
    Translation,
)


def _transcript() -> Transcript:
    return Transcript(
        recording=Recording(id="d" * 64, source="hearing.wav", duration=3725.0, sample_rate=16_000,
                            source_sample_rate=16_000, channels=1, format="wav",
                            metadata={"case_number": "A123-456-789", "hearing_date": "2026-03-02",
                                      "hearing_type": "merits", "participants": ["judge"]}),
        pipeline=PipelineInfo(engines={"asr": "faster-whisper"}, models=(), options={},
                              versions={}, created_at="2026-11-26T12:00:00+00:00"),
        speakers=(Speaker("SPEAKER_00", "judge", 0.97, ("opens the hearing",), ("en",), 20.0),
                  Speaker("SPEAKER_01", "interpreter", 0.8, (), ("es",), 9.0),
                  Speaker("SPEAKER_02", "interpreter", 0.7, (), ("en",), 8.0),
                  Speaker("SPEAKER_03", "witness", 0.5, (), ("es",), 5.0),
                  Speaker("SPEAKER_04", "witness", 0.4, (), ("es",), 4.0),
                  Speaker("SPEAKER_05", "unknown", 0.1, (), ("en",), 1.0)),
        segments=(
            Segment(1, 3661.4, 3663.0, "Where were you born?", "en", 0.99, speaker="SPEAKER_00",
                    role="judge"),
            Segment(2, 3663.5, 3665.0, "¿Dónde nació?", "es", 0.95, speaker="SPEAKER_01",
                    role="interpreter", translation=Translation("Where were you born?", "w")),
            Segment(3, 3665.5, 3667.0, "En Tegucigalpa.", "es", 0.9, speaker="SPEAKER_03",
                    role="witness", translation=Translation("In Tegucigalpa.", "w")),
            Segment(4, 3667.5, 3669.0, "In Tegucigalpa.", "en", 0.9, speaker="SPEAKER_02",
                    role="interpreter"),
            Segment(5, 3669.5, 3670.0, "Sí.", "es", 0.9, speaker="SPEAKER_04", role="witness"),
            Segment(6, 3670.5, 3671.0, "Okay.", "en", 0.9, speaker="SPEAKER_05", role="unknown"),
        ),
    )


def test_eoir_text_header_labels_and_translations():
    lines = text.render(_transcript()).splitlines()
    assert lines[0] == "TRANSCRIPT OF HEARING"
    assert lines[1:4] == ["Case number: A123-456-789", "Hearing type: merits",
                          "Hearing date: 2026-03-02"]
    assert "  JUDGE (SPEAKER_00): en, 20 s, role confidence 0.97" in lines
    assert "  SPEAKER_05: en, 1 s" in lines
    body = lines[lines.index("[01:01:01] JUDGE: Where were you born?"):]
    assert body == [
        "[01:01:01] JUDGE: Where were you born?",
        "[01:01:03] INTERPRETER (es): ¿Dónde nació?",
        "           [English translation: Where were you born?]",
        "[01:01:05] WITNESS · SPEAKER_03 (es): En Tegucigalpa.",
        "           [English translation: In Tegucigalpa.]",
        "[01:01:07] INTERPRETER: In Tegucigalpa.",
        "[01:01:09] WITNESS · SPEAKER_04 (es): Sí.",
        "[01:01:10] SPEAKER_05: Okay.",
    ]
    # header, speakers, body; no tags, so no tags section
    assert [len(part) > 0 for part in text.sections(_transcript())] == [True, True, True, False]


def test_subtitles_carry_roles():
    transcript = _transcript()
    assert srt.cue_text(transcript.segments[1]) == "[INTERPRETER] (es) ¿Dónde nació?"
    assert vtt.cue_text(transcript.segments[0]) == "<v JUDGE><lang en>Where were you born?</lang>"
    assert srt.cue_text(transcript.segments[5]) == "[SPEAKER_05] Okay."
