"""A plain-text transcript for reading: header, then one timestamped line per segment.

Flags a reviewer must see are written inline, e.g. ``[low confidence]``; overlapping speech
names the other speakers, e.g. ``[overlapping speech: INTERPRETER]``.
"""

from __future__ import annotations

from hearingproc.exports._time import clock, speaker_label
from hearingproc.transcript import Segment, Transcript

OVERLAP_FLAG = "overlapping_speech"


def _header(transcript: Transcript) -> list[str]:
    rec = transcript.recording
    languages = ", ".join(transcript.languages) or "none detected"
    lines = [
        "TRANSCRIPT OF RECORDING",
        f"Recording: {rec.source}",
        f"SHA-256:   {rec.id}",
        f"Duration:  {clock(rec.duration)}",
        f"Languages: {languages}",
    ]
    for key in ("case_number", "hearing_type"):
        if key in rec.metadata:
            lines.append(f"{key.replace('_', ' ').capitalize()}: {rec.metadata[key]}")
    lines.append(f"Produced by hearingproc ({transcript.pipeline.engines.get('asr', '')}, "
                 f"{transcript.pipeline.created_at}); {review_note(transcript)}.")
    return lines


def review_note(transcript: Transcript) -> str:
    """``machine transcript, not reviewed``, or who reviewed it, how much and until when."""
    history = transcript.review_history
    if not history:
        return "machine transcript, not reviewed"
    standing = sum(h.get("action") != "undo" and not h.get("undone_by") for h in history)
    reviewers = ", ".join(dict.fromkeys(str(h.get("reviewer", "")) for h in history))
    return (f"reviewed by {reviewers} ({standing} change{'s' if standing != 1 else ''} in "
            f"effect, last at {history[-1].get('at', '')})")


def flag_marks(segment: Segment, labels: dict[str, str]) -> list[str]:
    """The inline marks for a segment's flags, e.g. ``[low confidence]``.

    Overlapping speech is marked once, naming the others who talk meanwhile (by role when
    known, via ``labels``: speaker id -> label), whether or not the flag itself is set.
    """
    others = ", ".join(labels.get(who) or who for who in segment.overlap_speakers)
    overlap = f"[{OVERLAP_FLAG.replace('_', ' ')}: {others}]" if others else ""
    marks = []
    for flag in dict.fromkeys(segment.flags):
        if flag == OVERLAP_FLAG and overlap:
            marks.append(overlap)
            overlap = ""
        else:
            marks.append(f"[{flag.replace('_', ' ')}]")
    return marks + ([overlap] if overlap else [])


def render(transcript: Transcript) -> str:
    lines = _header(transcript) + [""]
    if not transcript.segments:
        lines.append("(no speech transcribed)")
    labels = {s.id: speaker_label(s.role, s.id) for s in transcript.speakers}
    for segment in transcript.segments:
        label = speaker_label(segment.role, segment.speaker)
        who = f"{label} " if label else ""
        flags = "".join(f" {mark}" for mark in flag_marks(segment, labels))
        lines.append(f"[{clock(segment.start)}] {who}({segment.language}): "
                     f"{segment.text.strip()}{flags}")
    return "\n".join(lines) + "\n"
