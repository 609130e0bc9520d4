"""``transcript.rttm``: the diarization turns in NIST RTTM, one ``SPEAKER`` line per turn.

Each line is ``SPEAKER <uri> 1 <start> <duration> <NA> <NA> <speaker> <NA> <NA>`` with times in
seconds to milliseconds, in time order; pyannote's ``load_rttm`` and the usual DER tools read it.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from hearingproc.transcript import TIME_DECIMALS, Transcript

FALLBACK_URI = "recording"  # when the recording has no usable source name
UNKNOWN_SPEAKER = "unknown"  # for a turn whose speaker label is blank
_WHITESPACE = re.compile(r"\s+")


def _token(value: str) -> str:
    """One RTTM field: whitespace would split it, so it becomes ``_``."""
    return _WHITESPACE.sub("_", value.strip())


def uri(transcript: Transcript) -> str:
    """The recording's source file stem with whitespace replaced, e.g. ``hearing_2024-03-01``."""
    source = transcript.recording.source
    stem = PurePath(source.replace("\\", "/")).stem if source else ""
    return _token(stem) or FALLBACK_URI


def render(transcript: Transcript) -> str:
    """All turns of positive length (after rounding to milliseconds), sorted by start."""
    name = uri(transcript)
    lines = []
    for turn in sorted(transcript.turns, key=lambda t: (t.start, t.end, t.speaker)):
        start = max(0.0, round(turn.start, TIME_DECIMALS))
        duration = round(round(turn.end, TIME_DECIMALS) - start, TIME_DECIMALS)
        if duration <= 0:
            continue  # an empty turn says nothing and RTTM readers drop it anyway
        lines.append(f"SPEAKER {name} 1 {start:.3f} {duration:.3f} <NA> <NA> "
                     f"{_token(turn.speaker) or UNKNOWN_SPEAKER} <NA> <NA>\n")
    return "".join(lines)
