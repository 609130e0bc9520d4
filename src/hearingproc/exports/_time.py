"""Timestamp formatting shared by the subtitle and text writers."""

from __future__ import annotations


def clock(seconds: float, decimal: str = ".", hours_always: bool = True) -> str:
    """``HH:MM:SS.mmm`` (or ``,`` as the decimal mark for SRT)."""
    millis = max(0, int(round(seconds * 1000)))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    head = f"{hours:02d}:" if hours or hours_always else ""
    return f"{head}{minutes:02d}:{secs:02d}{decimal}{millis:03d}"


def speaker_label(role: str | None, speaker: str | None) -> str:
    """What a reader sees as the speaker: the role when known, else the diarization label."""
    if role and role != "unknown":
        return role.replace("_", " ").upper()
    return speaker or ""
