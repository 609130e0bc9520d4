"""A plain-text transcript for reading: header, then one timestamped line per segment.

Flags a reviewer must see are written inline, e.g. ``[low confidence]``.
"""

from __future__ import annotations

from hearingproc.exports._time import clock, speaker_label
from hearingproc.transcript import Transcript


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
                 f"{transcript.pipeline.created_at}); machine transcript, not reviewed.")
    return lines


def render(transcript: Transcript) -> str:
    lines = _header(transcript) + [""]
    if not transcript.segments:
        lines.append("(no speech transcribed)")
    for segment in transcript.segments:
        label = speaker_label(segment.role, segment.speaker)
        who = f"{label} " if label else ""
        flags = "".join(f" [{flag.replace('_', ' ')}]" for flag in segment.flags)
        lines.append(f"[{clock(segment.start)}] {who}({segment.language}): "
                     f"{segment.text.strip()}{flags}")
    return "\n".join(lines) + "\n"
