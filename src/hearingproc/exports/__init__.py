"""Writers over the :class:`~hearingproc.transcript.Transcript` model, one module per format.

``write_outputs`` renders every format first and then moves the whole folder into place, so a
failure leaves no partial output and never touches what an earlier run wrote.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hearingproc._fsutil import staged_dir
from hearingproc.exports import json_export, srt, text, vtt
from hearingproc.transcript import Transcript

# file name -> renderer; every renderer is a pure function of the transcript
WRITERS: dict[str, Callable[[Transcript], str]] = {
    "transcript.json": json_export.render,
    "transcript.txt": text.render,
    "transcript.srt": srt.render,
    "transcript.vtt": vtt.render,
}


def write_outputs(transcript: Transcript, target: Path) -> list[Path]:
    """Write every format into the folder ``target`` atomically; returns the files."""
    rendered = {name: render(transcript) for name, render in WRITERS.items()}
    with staged_dir(target) as staging:
        for name, content in rendered.items():
            (staging / name).write_text(content, encoding="utf-8", newline="\n")
    return [target / name for name in rendered]
