"""How long the paginated transcript takes to lay out and write, on the processed sample hearing
(tests/data/review) repeated to the length of a long hearing. The review app writes every
output after each change, so this is the time an edit waits for transcript.pdf and .docx.

    .venv/bin/python tools/bench_paginated.py [COPIES]   # default 37: about an hour of record
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

from hearingproc.exports import docx, json_export, paginated, pdf
from hearingproc.transcript import Transcript, load_transcript

SAMPLE = Path(__file__).resolve().parents[1] / "tests/data/review/mock_hearing_es/transcript.json"


def repeated(transcript: Transcript, copies: int) -> Transcript:
    n, t = len(transcript.segments), len(transcript.tags)
    return replace(
        transcript,
        segments=tuple(replace(s, id=s.id + k * n) for k in range(copies)
                       for s in transcript.segments),
        tags=tuple(replace(g, id=g.id + k * t, segments=tuple(i + k * n for i in g.segments))
                   for k in range(copies) for g in transcript.tags))


def main(copies: int) -> None:
    sample = load_transcript(SAMPLE)
    pdf.render(sample), docx.render(sample)  # imports and fonts loaded: not timed
    transcript = repeated(sample, copies)
    layout = paginated.paginate(transcript)
    print(f"{len(transcript.segments)} segments, {transcript.recording.duration * copies / 60:.0f}"
          f" min of record, {len(layout.pages)} pages")
    for name, work in (("paginate", lambda: paginated.paginate(transcript)),
                       ("transcript.json", lambda: json_export.render(transcript)),
                       ("transcript.pdf", lambda: pdf.render(transcript)),
                       ("transcript.docx", lambda: docx.render(transcript))):
        started = time.perf_counter()
        result = work()
        size = len(result) if isinstance(result, (str, bytes)) else 0
        print(f"{name:16s} {time.perf_counter() - started:6.2f} s"
              + (f"  {size / 1024:.0f} KiB" if size else ""))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 37)
