"""SubRip subtitles: one cue per segment, speaker and language marked in the text."""

from __future__ import annotations

from hearingproc.exports._time import clock, speaker_label
from hearingproc.transcript import Segment, Transcript


def cue_text(segment: Segment) -> str:
    """``[ROLE] (lang) text`` — the language shown only for non-English speech."""
    label = speaker_label(segment.role, segment.speaker)
    parts = [f"[{label}]" if label else "",
             f"({segment.language})" if segment.language != "en" else "",
             segment.text.strip()]
    return " ".join(p for p in parts if p)


def render(transcript: Transcript) -> str:
    cues = []
    for index, segment in enumerate(transcript.segments, start=1):
        span = f"{clock(segment.start, ',')} --> {clock(segment.end, ',')}"
        cues.append(f"{index}\n{span}\n{cue_text(segment)}\n")
    return "\n".join(cues)
