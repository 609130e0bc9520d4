"""WebVTT: one cue per segment, the speaker as a voice span and the language as a lang span."""

from __future__ import annotations

from hearingproc.exports._time import clock, speaker_label
from hearingproc.transcript import Segment, Transcript


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def voice(label: str) -> str:
    """The annotation of a ``<v ...>`` span: one line, escaped, so the span stays valid."""
    return _escape(" ".join(label.split()))


def cue_text(segment: Segment) -> str:
    body = f"<lang {segment.language}>{_escape(segment.text.strip())}</lang>"
    label = voice(speaker_label(segment.role, segment.speaker))
    return f"<v {label}>{body}" if label else body


def render(transcript: Transcript) -> str:
    cues = ["WEBVTT\n"]
    for segment in transcript.segments:
        cues.append(f"{segment.id}\n{clock(segment.start)} --> {clock(segment.end)}\n"
                    f"{cue_text(segment)}\n")
    return "\n".join(cues)
