"""The sample hearing as ``hearingproc process`` wrote it (``tests/data/review/``), its
recording in ``sample_audio/``, with a sidecar naming the people and identifiers planted in
some of its lines: what a redacted copy must not let through."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import numpy as np

from hearingproc.transcript import Segment, Transcript, Word

REPO = Path(__file__).resolve().parents[2]
COMMITTED = REPO / "tests" / "data" / "review" / "mock_hearing_es"
RECORDING = REPO / "sample_audio" / "mock_hearing_es.wav"

SIDECAR = {
    "case_number": "A123-456-789",
    "hearing_type": "merits",
    "participants": [{"role": "judge", "name": "Anne Carter"}, "interpreter",
                     {"role": "applicant", "name": "Luis Ramirez"},
                     {"role": "dhs_counsel", "name": "Mark Delgado"},
                     {"role": "respondent_counsel", "name": "Ms. Sarah Collins"}],
}
# segment index -> (text, English translation or None), said over that segment's time
PLANTED = {
    8: ("Mi número A es 123 456 789, nací el 3 de marzo de 1990.",
        "My A number is 123 456 789, I was born on March 3, 1990."),
    9: ("My A number is A-123-456-789, on the notice A123456789, and my phone is "
        "(212) 555-0147.", None),
    13: ("I was born on March 3, 1990 and I live at 1420 Oak Street, Houston, Texas 77002.",
         None),
    16: ("Mr. Ramirez, is your brother Jose Hernandez at 347-555-0199?", None),
}
# Every identifier planted or in the sidecar, as a literal search finds it (case-insensitive,
# whole words); first names are searched as written (capitalised).
IDENTIFIERS = ("A123-456-789", "A-123-456-789", "123-456-789", "123 456 789", "A123456789",
               "(212) 555-0147", "555-0147", "347-555-0199", "March 3, 1990",
               "3 de marzo de 1990", "1420 Oak Street", "Anne Carter", "Carter",
               "Luis Ramirez", "Ramirez", "Mark Delgado", "Delgado", "Sarah Collins", "Collins")
FIRST_NAMES = ("Anne", "Luis", "Mark", "Sarah")


def leaks(text: str) -> list[str]:
    """The identifiers ``text`` still holds."""
    found = [v for v in IDENTIFIERS
             if re.search(rf"(?<![\w]){re.escape(v)}(?![\w])", text, re.IGNORECASE)]
    return found + [v for v in FIRST_NAMES if re.search(rf"\b{v}\b", text)]


def _planted(segment: Segment, text: str, translation: str | None) -> Segment:
    tokens = text.split()
    edges = np.linspace(segment.start, segment.end, len(tokens) + 1)
    words = tuple(Word(round(float(a), 3), round(float(b), 3), f" {t}", 0.9)
                  for t, a, b in zip(tokens, edges[:-1], edges[1:], strict=True))
    new = replace(segment, text=text, words=words)
    if translation is not None:
        assert segment.translation is not None
        new = replace(new, translation=replace(segment.translation, text=translation))
    return new


def planted_transcript(transcript: Transcript) -> Transcript:
    segments = list(transcript.segments)
    for index, (text, translation) in PLANTED.items():
        segments[index] = _planted(segments[index], text, translation)
    tags = list(transcript.tags)
    tags[1] = replace(tags[1], quote="I find Luis Ramirez credible, his testimony was "
                                     "detailed, consistent and plausible.")
    recording = replace(transcript.recording, source=str(RECORDING), metadata=dict(SIDECAR))
    return replace(transcript, recording=recording, segments=tuple(segments), tags=tuple(tags))


