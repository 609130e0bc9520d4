"""What the index keeps of one ``transcript.json``: the hearing, its lines and its tags.

Read from the JSON itself (after :func:`hearingproc.transcript.migrate`) rather than through
the :class:`~hearingproc.transcript.Transcript` model: an index of a thousand hearings does not
need a dataclass per word, and a field another tool adds to a segment (``page_line``, from the
paginated transcript) is read where present and ignored otherwise.

The hearing's facts come from the metadata sidecar kept in the transcript
(``recording.metadata``): the judge is a ``judge`` key, else the name of the participant whose
role is ``judge``; the language is ``expected_language`` (the applicant's), else the
non-English language spoken longest; the date is ``hearing_date`` when it is an ISO date.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from hearingproc.errors import TranscriptError
from hearingproc.transcript import migrate

COURT_LANGUAGE = "en"
UNKNOWN = "unknown"  # a hearing fact the sidecar and the transcript do not give
# Han, kana and Hangul have no spaces between words: each character is indexed as a token of
# its own, so a query of several characters is a phrase of single characters (FTS5's unicode61
# tokenizer would otherwise take a whole sentence as one token)
_CJK = re.compile(r"([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff])")


def tokenizable(text: str) -> str:
    """``text`` as the index sees it: CJK characters spaced apart, all else unchanged."""
    return _CJK.sub(r" \1 ", text) if _CJK.search(text) else text


def page_line(value: Any) -> str | None:
    """A ``page_line`` span as people cite it (``"14:3"``, ``"14:3-9"``, ``"14:24-15:2"``);
    None when absent or not understood. Takes what the paginated transcript writes
    (``{"start": [page, line], "end": [page, line], "cite": "Tr. 14:3-9"}``), or a citation
    (``"Tr. 14:3-9"``), ``{"page", "line"}``, ``[page, line]``, ``[start, end]``."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip().removeprefix("Tr.").strip() or None
    if isinstance(value, dict) and isinstance(value.get("cite"), str):
        return page_line(value["cite"])
    if isinstance(value, dict) and "page" in value and "line" in value:
        return f"{value['page']}:{value['line']}"
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(
            isinstance(v, int) for v in value):
        return f"{value[0]}:{value[1]}"
    ends: tuple[Any, Any] | None = None
    if isinstance(value, dict) and "start" in value:
        ends = (value["start"], value.get("end", value["start"]))
    elif isinstance(value, (list, tuple)) and len(value) == 2:
        ends = (value[0], value[1])
    if ends is None:
        return None
    first, last = page_line(ends[0]), page_line(ends[1])
    if first is None or last is None or first == last:
        return first
    first_page, _, _ = first.partition(":")
    last_page, _, last_line = last.partition(":")
    return f"{first}-{last_line}" if first_page == last_page else f"{first}-{last}"


@dataclass(frozen=True)
class Line:
    segment: int  # the segment's id in its transcript
    start: float
    end: float
    role: str  # the segment's role, else its speaker's, else "unknown"
    speaker: str
    language: str
    text: str
    translation: str | None  # English, for a line in another language
    page_line: str | None  # "page:line" in the paginated transcript, where given


@dataclass(frozen=True)
class TagEntry:
    tag: int  # the tag's id in its transcript
    label: str
    polarity: str | None
    review: str  # unreviewed, accepted or rejected
    start: float | None
    segments: tuple[int, ...]
    role: str | None
    quote: str
    page_line: str | None


@dataclass(frozen=True)
class Hearing:
    name: str  # the output folder's name
    recording_id: str  # sha256 of the audio
    case_number: str | None
    judge: str
    hearing_type: str
    language: str
    hearing_date: str | None  # ISO 8601 date, or None
    duration: float
    lines: tuple[Line, ...]
    tags: tuple[TagEntry, ...]


def _judge(metadata: dict[str, Any]) -> str:
    if isinstance(metadata.get("judge"), str) and metadata["judge"].strip():
        return " ".join(metadata["judge"].split())
    for person in metadata.get("participants") or ():
        if isinstance(person, dict) and person.get("role") == "judge" and person.get("name"):
            return " ".join(str(person["name"]).split())
    return UNKNOWN


def _language(metadata: dict[str, Any], lines: tuple[Line, ...]) -> str:
    court = str(metadata.get("court_language") or COURT_LANGUAGE).lower()
    expected = metadata.get("expected_language")
    if isinstance(expected, str) and expected.strip():
        return expected.strip().lower()
    talk: dict[str, float] = defaultdict(float)
    for line in lines:
        if line.language != court:
            talk[line.language] += line.end - line.start
    return max(talk, key=lambda code: (talk[code], code)) if talk else court


def _date(value: Any) -> str | None:
    try:
        return date.fromisoformat(str(value).strip()[:10]).isoformat() if value else None
    except ValueError:
        return None


def _line(segment: dict[str, Any], speaker_roles: dict[str, str]) -> Line:
    speaker = segment.get("speaker") or ""
    translation = segment.get("translation")
    return Line(
        segment=int(segment["id"]), start=float(segment["start"]), end=float(segment["end"]),
        role=segment.get("role") or speaker_roles.get(speaker) or UNKNOWN, speaker=speaker,
        language=str(segment.get("language") or ""), text=str(segment["text"]).strip(),
        translation=str(translation["text"]).strip() if translation else None,
        page_line=page_line(segment.get("page_line")))


def _tag(tag: dict[str, Any]) -> TagEntry:
    return TagEntry(
        tag=int(tag["id"]), label=str(tag["label"]), polarity=tag.get("polarity"),
        review=str(tag.get("review") or "unreviewed"),
        start=None if tag.get("start") is None else float(tag["start"]),
        segments=tuple(int(s) for s in tag.get("segments") or ()), role=tag.get("role"),
        quote=str(tag.get("quote") or ""), page_line=page_line(tag.get("page_line")))


def hearing_from_dict(name: str, data: dict[str, Any], where: Path | str) -> Hearing:
    """The index's view of one transcript; :class:`TranscriptError` naming ``where`` when the
    transcript lacks what the index needs."""
    try:
        data = migrate(data)
        recording = data["recording"]
        metadata = recording.get("metadata") or {}
        speaker_roles = {s["id"]: s.get("role") or UNKNOWN for s in data.get("speakers", ())}
        lines = tuple(_line(s, speaker_roles) for s in data["segments"])
        tags = tuple(_tag(t) for t in data.get("tags", ()))
        return Hearing(
            name=name, recording_id=str(recording["id"]),
            case_number=metadata.get("case_number"), judge=_judge(metadata),
            hearing_type=str(metadata.get("hearing_type") or UNKNOWN).strip().lower(),
            language=_language(metadata, lines), hearing_date=_date(metadata.get("hearing_date")),
            duration=float(recording.get("duration") or 0.0), lines=lines, tags=tags)
    except TranscriptError as exc:
        raise TranscriptError(f"{where}: {exc}") from exc
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise TranscriptError(f"{where}: not a transcript the index can read "
                              f"({type(exc).__name__}: {exc})") from exc
