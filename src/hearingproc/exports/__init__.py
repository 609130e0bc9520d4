"""Writers over the :class:`~hearingproc.transcript.Transcript` model, one module per format.

``write_outputs`` renders every format first and then moves the whole folder into place, so a
failure leaves no partial output and never touches what an earlier run wrote. A renderer
returns ``str`` for a text format (written as UTF-8 with ``\\n`` line ends) or ``bytes`` for a
binary one (the timeline picture).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hearingproc._fsutil import staged_dir
from hearingproc.exports import docx, json_export, pdf, rttm, srt, text, timeline, vtt
from hearingproc.transcript import Transcript

Renderer = Callable[[Transcript], str | bytes]

# file name -> renderer; every renderer is a pure function of the transcript
WRITERS: dict[str, Renderer] = {
    "transcript.json": json_export.render,
    "transcript.txt": text.render,
    "transcript.srt": srt.render,
    "transcript.vtt": vtt.render,
    "transcript.rttm": rttm.render,
    "timeline.png": timeline.render,
    "transcript.pdf": pdf.render,  # paginated, page:line as in transcript.json
    "transcript.docx": docx.render,
}


def _render_all(transcript: Transcript) -> dict[str, bytes]:
    """Every format as the bytes to write; raises ``TypeError`` for a renderer of another type."""
    rendered: dict[str, bytes] = {}
    for name, render in WRITERS.items():
        content = render(transcript)
        if isinstance(content, str):
            rendered[name] = content.encode("utf-8")
        elif isinstance(content, bytes):
            rendered[name] = content
        else:
            raise TypeError(f"renderer for {name} returned {type(content).__name__}, "
                            "expected str or bytes")
    return rendered


def write_outputs(transcript: Transcript, target: Path) -> list[Path]:
    """Write every format into the folder ``target`` atomically; returns the files."""
    rendered = _render_all(transcript)
    with staged_dir(target) as staging:
        for name, content in rendered.items():
            (staging / name).write_bytes(content)
    return [target / name for name in rendered]
