"""Input and output of ``hearingproc tag``: a ``transcript.json`` or a plain-text
``ROLE: words`` transcript in, a JSON document with the ``tags`` out."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from hearingproc._fsutil import atomic_write_text
from hearingproc.errors import TranscriptError
from hearingproc.tagging.sentences import Utterance, read_text_transcript, utterances_of
from hearingproc.transcript import TIME_DECIMALS, Tag, load_transcript


def _looks_like_json(path: Path) -> bool:
    if path.suffix.lower() == ".json":
        return True
    try:
        with open(path, "rb") as handle:
            return handle.read(64).lstrip().startswith(b"{")
    except OSError as exc:
        raise TranscriptError(f"{path}: cannot read ({exc})") from exc


def read_utterances(path: Path) -> list[Utterance]:
    """The utterances of a ``transcript.json`` (schema-checked) or a plain-text transcript."""
    if not path.is_file():
        raise TranscriptError(f"{path}: no such file")
    if _looks_like_json(path):
        return utterances_of(load_transcript(path))
    return read_text_transcript(path)


def tags_document(source: Path, tags: list[Tag], notes: list[dict[str, Any]]) -> dict[str, Any]:
    """What ``hearingproc tag`` writes: the tags as in a transcript, and the checks' notes."""
    rows = []
    for tag in tags:
        row = asdict(tag)
        for key in ("start", "end"):  # milliseconds, as in a transcript
            row[key] = None if row[key] is None else round(row[key], TIME_DECIMALS)
        row["segments"] = list(row["segments"])
        rows.append(row)
    return {"source": str(source), "tags": rows, "notes": notes}


def write_tags(out: Path, document: dict[str, Any]) -> None:
    atomic_write_text(out, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
