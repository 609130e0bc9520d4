"""The paginated transcript: numbered pages of 25 numbered lines, as court transcripts are laid
out, so that a brief can cite the record as ``Tr. 14:3-9``.

The layout is decided here, once, in fixed-width characters (:data:`LINE_WIDTH` columns of a
monospace font): every line break and page break is a pure function of the transcript, never of
a font renderer's measurements, so the same transcript always gives the same page:line and the
PDF (:mod:`hearingproc.exports.pdf`) and DOCX (:mod:`hearingproc.exports.docx`) writers draw
exactly the same lines. :func:`paginate` returns the pages and the page:line span of every
segment and every tag; ``transcript.json`` carries those spans (:func:`page_line_json`).

Page 1 is the caption (court, case, hearing, judge, appearances, language, interpreter); the
record follows from page 2, one paragraph per segment under EOIR speaker labels (JUDGE,
INTERPRETER, RESPONDENT, MS. CARTER for counsel the sidecar names); a word the recogniser was
less sure of than ``indiscernible_below`` is written ``(indiscernible)`` (``transcript.json``
keeps the guess); the English translation of a passage in another language is set off,
indented, under it; the last page says that this is a machine transcript, not certified, and
names the recording by its SHA-256.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from hearingproc._fsutil import atomic_binary
from hearingproc.exports._court_pages import (
    INDISCERNIBLE,
    RECORD_LANGUAGE,
    caption_lines,
    closing_lines,
    language_name,
    participant_names,
)
from hearingproc.exports._lines import LINE_WIDTH, Line, WordKey, flow, tokens
from hearingproc.transcript import Segment, Tag, Transcript

__all__ = ["INDISCERNIBLE", "LINES_PER_PAGE", "LINE_WIDTH", "Layout", "Page", "PaginateOptions",
           "Place", "Span", "counsel_label", "options_of", "page_line_json", "paginate",
           "speaker_labels", "spoken_text"]

LINES_PER_PAGE = 25  # numbered lines on every page, as on a court reporter's page
LABEL_INDENT = 5  # a speaker's label starts here; the text wraps back to column 0
TRANSLATION_INDENT = 10  # the English under a passage in another language is set off this far
K = TypeVar("K")
NO_SPEAKER = "UNIDENTIFIED SPEAKER"
# EOIR labels by role; counsel named in the sidecar get "MS. NAME" / "MR. NAME" instead
ROLE_LABELS = {
    "judge": "JUDGE",
    "interpreter": "INTERPRETER",
    "applicant": "RESPONDENT",
    "witness": "WITNESS",
    "dhs_counsel": "DHS COUNSEL",
    "respondent_counsel": "COUNSEL FOR RESPONDENT",
}
TITLES = {"mr": "MR.", "ms": "MS.", "mrs": "MRS.", "mx": "MX.", "dr": "DR."}


@dataclass(frozen=True)
class PaginateOptions:
    """Options of the paginated transcript (``[paginate]`` in the config file)."""

    # a word the recogniser gave a probability below this is written "(indiscernible)";
    # 0 keeps every word. Whisper gives correct words 0.1 and below rarely (sample hearing)
    indiscernible_below: float = 0.1

    def __post_init__(self) -> None:
        if not 0.0 <= self.indiscernible_below <= 1.0:
            raise ValueError(f"indiscernible_below must be between 0 and 1, got "
                             f"{self.indiscernible_below!r}")


@dataclass(frozen=True, order=True)
class Place:
    """A line of the transcript: page and line number, both from 1."""

    page: int
    line: int


@dataclass(frozen=True)
class Span:
    """The lines from ``start`` to ``end`` (inclusive)."""

    start: Place
    end: Place

    @property
    def cite(self) -> str:
        """``Tr. 14:3-9``, ``Tr. 14:3``, or across a page break ``Tr. 14:20-15:4``."""
        first = f"{self.start.page}:{self.start.line}"
        if self.end == self.start:
            return f"Tr. {first}"
        if self.end.page == self.start.page:
            return f"Tr. {first}-{self.end.line}"
        return f"Tr. {first}-{self.end.page}:{self.end.line}"

    def to_json(self) -> dict[str, Any]:
        return {"start": [self.start.page, self.start.line],
                "end": [self.end.page, self.end.line], "cite": self.cite}


@dataclass(frozen=True)
class Page:
    number: int
    lines: tuple[str, ...]  # exactly LINES_PER_PAGE, "" for a blank line
    kind: str  # "caption", "record" or "closing"


@dataclass(frozen=True)
class Layout:
    """A transcript laid out in pages, and where each segment and tag fell."""

    pages: tuple[Page, ...]
    segments: dict[int, Span]  # segment id -> its lines (translation included)
    tags: dict[int, Span]  # tag id -> the lines of its quote (else of its segments)
    case: str  # the case number for the running head, "" when not known


def options_of(transcript: Transcript) -> PaginateOptions:
    """The options the transcript was made with (``pipeline.options["paginate"]``), else the
    defaults: a transcript always paginates the same way."""
    recorded = transcript.pipeline.options.get("paginate")
    if isinstance(recorded, dict) and isinstance(recorded.get("indiscernible_below"),
                                                 (int, float)):
        return PaginateOptions(float(recorded["indiscernible_below"]))
    return PaginateOptions()


def spoken_text(segment: Segment, indiscernible_below: float) -> str:
    """The segment's words with each run of doubtful ones as ``(indiscernible)``. When the words
    no longer spell the text (a reviewer corrected it), the text as it stands."""
    words = segment.words
    if not words or "".join(w.text for w in words).strip() != segment.text.strip():
        return " ".join(segment.text.split())
    parts: list[str] = []
    doubtful = False
    for word in words:
        if word.probability < indiscernible_below:
            if not doubtful:
                parts.append(" " + INDISCERNIBLE)
            doubtful = True
        else:
            parts.append(word.text)
            doubtful = False
    return " ".join("".join(parts).split())


# --- who is who ----------------------------------------------------------------------------

def counsel_label(name: str) -> str:
    """``Ms. Sarah Collins`` -> ``MS. COLLINS``; without a title the full name, upper case
    (a title is never guessed from a first name)."""
    parts = name.replace(",", " ").split()
    title = TITLES.get(parts[0].lower().rstrip(".")) if parts else None
    if title and len(parts) > 1:
        return f"{title} {parts[-1].upper()}"
    return " ".join(parts).upper()


def speaker_labels(transcript: Transcript) -> dict[str, str]:
    """role -> the EOIR label; counsel by name where the sidecar names exactly one."""
    labels = dict(ROLE_LABELS)
    for role, names in participant_names(transcript).items():
        if role in ("dhs_counsel", "respondent_counsel") and len(names) == 1:
            labels[role] = counsel_label(names[0])
    return labels


def _label(segment: Segment, labels: dict[str, str]) -> str:
    if segment.role and segment.role != "unknown":
        return labels.get(segment.role, segment.role.replace("_", " ").upper())
    return f"SPEAKER {segment.speaker.rsplit('_', 1)[-1]}" if segment.speaker else NO_SPEAKER


def paragraph_lines(segments: Sequence[Segment], label: str,
                    indiscernible_below: float) -> list[Line]:
    """One speaker's consecutive segments in one language as one paragraph: the label and the
    words, then, for another language than English, the English translations set off."""
    language = segments[0].language
    foreign = language != RECORD_LANGUAGE
    head = f"{label} (in {language_name(language)})" if foreign else label
    words = [token for s in segments for token in tokens(spoken_text(s, indiscernible_below),
                                                            s.id)]
    lines = flow(words, " " * LABEL_INDENT + f"{head}:  ")
    english = [token for s in segments if s.translation and s.translation.text.strip()
               for token in tokens(s.translation.text, s.id, spoken=False)]
    if foreign and english:
        indent = " " * TRANSLATION_INDENT
        english[-1] = (english[-1][0] + "]", english[-1][1])
        lines += flow([("[English translation:", None), *english], indent, indent)
    return lines


# --- pages ---------------------------------------------------------------------------------

def _widen(table: dict[K, Span], key: K, place: Place) -> None:
    span = table.get(key)
    table[key] = Span(span.start, place) if span else Span(place, place)


class _Pager:
    """Lines into pages of LINES_PER_PAGE, remembering where each block began and ended."""

    def __init__(self) -> None:
        self.pages: list[Page] = []
        self.lines: list[str] = []
        self.kind = "caption"

    def here(self) -> Place:
        return Place(len(self.pages) + 1, len(self.lines) + 1)

    def add_owned(self, lines: Iterable[Line], spans: dict[int, Span],
                  words: dict[WordKey, Span]) -> None:
        """Lines that hold segments' words; widens the span of each segment (``spans``) and of
        each spoken word (``words``) to cover its lines."""
        for text, owners in lines:
            place = self.add([text]).start
            for key in sorted(owners):  # segments in time order
                _widen(spans, key[0], place)
                if key[1] >= 0:
                    _widen(words, key, place)

    def add(self, lines: Iterable[str]) -> Span:
        first: Place | None = None
        last = self.here()
        for line in lines:
            if len(self.lines) == LINES_PER_PAGE:
                self.new_page(self.kind)
            last = self.here()
            first = first or last
            self.lines.append(line)
        return Span(first or last, last)

    def new_page(self, kind: str) -> None:
        if self.lines:
            padding = [""] * (LINES_PER_PAGE - len(self.lines))
            self.pages.append(Page(len(self.pages) + 1, tuple(self.lines + padding), self.kind))
        self.lines = []
        self.kind = kind


def _plain(word: str) -> str:
    return re.sub(r"[^\w']+", "", word.casefold())


def _quote_span(tag: Tag, spoken: dict[int, list[str]], words: dict[WordKey, Span]) -> Span | None:
    """The lines of the tag's quote among its segments' printed words (each part of a quote
    elided with "…" found in turn), or None when it is not there word for word (a reviewer
    changed it, or a word of it is indiscernible)."""
    printed = [(plain, (i, k)) for i in tag.segments for k, word in enumerate(spoken.get(i, ()))
               if (plain := _plain(word))]
    found: list[WordKey] = []
    at = 0
    for part in re.split(r"…|\.\.\.", tag.quote):
        quote = [w for w in map(_plain, part.split()) if w]
        if not quote:
            continue
        start = next((i for i in range(at, len(printed) - len(quote) + 1)
                      if [plain for plain, _ in printed[i:i + len(quote)]] == quote), None)
        if start is None:
            return None
        at = start + len(quote)
        found += [printed[start][1], printed[at - 1][1]]
    if not found or found[0] not in words or found[-1] not in words:
        return None
    return Span(words[found[0]].start, words[found[-1]].end)


def _tag_spans(tags: Sequence[Tag], segments: dict[int, Span], spoken: dict[int, list[str]],
               words: dict[WordKey, Span]) -> dict[int, Span]:
    """Each tag's lines: those of its quote, else all of its segments'."""
    spans: dict[int, Span] = {}
    for tag in tags:
        found = [segments[i] for i in tag.segments if i in segments]
        if found:
            spans[tag.id] = _quote_span(tag, spoken, words) or Span(
                min(s.start for s in found), max(s.end for s in found))
    return spans


def _paragraphs(segments: Sequence[Segment],
                labels: dict[str, str]) -> list[tuple[str, list[Segment]]]:
    """Runs of segments with the same speaker label and language."""
    runs: list[tuple[str, list[Segment]]] = []
    for segment in segments:
        label = _label(segment, labels)
        if runs and runs[-1][0] == label and runs[-1][1][-1].language == segment.language:
            runs[-1][1].append(segment)
        else:
            runs.append((label, [segment]))
    return runs


def paginate(transcript: Transcript, options: PaginateOptions | None = None) -> Layout:
    """The transcript in pages; ``options`` None: those it was made with (:func:`options_of`)."""
    options = options or options_of(transcript)
    labels = speaker_labels(transcript)
    pager = _Pager()
    pager.add(caption_lines(transcript))
    pager.new_page("record")
    spans: dict[int, Span] = {}
    words: dict[WordKey, Span] = {}
    for label, segments in _paragraphs(transcript.segments, labels):
        pager.add_owned(paragraph_lines(segments, label, options.indiscernible_below), spans,
                        words)
    if not transcript.segments:
        pager.add(["     (no speech transcribed)"])
    pager.new_page("closing")
    pager.add(closing_lines(transcript, options.indiscernible_below))
    pager.new_page("")
    case = str(transcript.recording.metadata.get("case_number") or "")
    spoken = {s.id: spoken_text(s, options.indiscernible_below).split()
              for s in transcript.segments}
    return Layout(tuple(pager.pages), spans, _tag_spans(transcript.tags, spans, spoken, words),
                  case)


def created_at(transcript: Transcript) -> datetime:
    """The transcript's own creation time, stamped into the PDF and DOCX so that the same
    transcript gives the same file."""
    try:
        made = datetime.fromisoformat(transcript.pipeline.created_at.replace("Z", "+00:00"))
    except ValueError:
        made = datetime(1970, 1, 1)
    return made if made.tzinfo else made.replace(tzinfo=UTC)


def write_layout(render_layout: Callable[[Layout, Transcript], bytes], transcript: Transcript,
                 path: str | Path, options: PaginateOptions | None = None) -> Path:
    """Paginate ``transcript`` and write what ``render_layout`` (the PDF's or the DOCX's) makes
    of it at ``path``, atomically; returns the path."""
    path = Path(path)
    blob = render_layout(paginate(transcript, options), transcript)
    with atomic_binary(path) as stream:
        stream.write(blob)
    return path


def page_line_json(data: dict[str, Any], layout: Layout) -> dict[str, Any]:
    """The JSON form of a transcript (:func:`~hearingproc.transcript.to_dict`) with each
    segment's and each tag's ``page_line`` added (None where a tag has no segment)."""
    for key, spans in (("segments", layout.segments), ("tags", layout.tags)):
        for item in data.get(key, ()):
            span = spans.get(item["id"])
            item["page_line"] = span.to_json() if span else None
    return data
