"""Searching the index: words and phrases in the lines and their translations, narrowed by
tag, role, language, judge and hearing date.

The words are what a person types, not FTS5 syntax: ``gang threatened`` finds lines with both
words, ``"did nothing"`` the phrase, ``persecut*`` any word starting so, ``Honduras OR
Guatemala`` either; case and accents are ignored. Hits come in hearing date and time order
(a hit has every word, so ranking them by FTS5's bm25 adds little, and it costs: 1.9 s for a
word in 232,000 of 300,000 lines, against 0.2 s for date order).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from hearingproc.errors import ConfigError
from hearingproc.search.index import SearchIndex
from hearingproc.search.records import tokenizable

DEFAULT_LIMIT = 50
_TERMS = re.compile(r'"([^"]*)"|(\S+)')
_LABEL = re.compile(r"^[a-z][a-z0-9_]*$")


def iso_date(value: str | None, what: str) -> str | None:
    """``value`` as an ISO date (None for none); :class:`ConfigError` naming ``what``."""
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError as exc:
        raise ConfigError(f"{what} must be a date such as 2026-03-02, got {value!r}") from exc


@dataclass(frozen=True)
class Query:
    text: str = ""  # words and "phrases" to find in a line or its translation; "" for any
    tag: str | None = None  # a tag label, e.g. "credibility"
    polarity: str | None = None  # with tag: e.g. "adverse"
    role: str | None = None  # the line's role, e.g. "judge"
    language: str | None = None  # the line's language, e.g. "es"
    hearing_language: str | None = None  # the hearing's (the applicant's) language
    judge: str | None = None  # part of the judge's name, any case
    date_from: str | None = None  # hearings on or after this ISO date
    date_to: str | None = None  # ... on or before it
    limit: int = DEFAULT_LIMIT

    def __post_init__(self) -> None:
        for name in ("date_from", "date_to"):
            object.__setattr__(self, name, iso_date(getattr(self, name), name.replace("_", " ")))
        if self.tag is not None and not _LABEL.match(self.tag):
            raise ConfigError(f"tag label {self.tag!r} must be lower-case words joined by _, "
                              "e.g. credibility or asylum")
        if self.polarity is not None and self.tag is None:
            raise ConfigError("a polarity needs a tag label (LABEL:POLARITY)")
        if self.limit < 1:
            raise ConfigError(f"limit must be at least 1, got {self.limit}")
        if not self.text.strip() and self.tag is None and self.role is None:
            raise ConfigError("give words to search for, or --tag or --role")

    @classmethod
    def tag_spec(cls, spec: str | None) -> tuple[str | None, str | None]:
        """``LABEL[:POLARITY]`` split in two."""
        if not spec:
            return None, None
        label, _, polarity = spec.strip().lower().partition(":")
        return label, polarity or None


def fts_expression(text: str) -> str | None:
    """The FTS5 query for what a person typed (see the module docstring); None for no words."""
    parts: list[str] = []
    for phrase, word in _TERMS.findall(text):
        if word == "OR" and parts and parts[-1] != "OR":
            parts.append("OR")
            continue
        term = phrase or word
        prefix = not phrase and term.endswith("*")
        term = term.rstrip("*") if prefix else term
        if not re.search(r"\w", term):
            continue
        quoted = '"' + tokenizable(term).replace('"', '""') + '"'
        parts.append(quoted + ("*" if prefix else ""))
    while parts and parts[-1] == "OR":
        parts.pop()
    return " ".join(parts) or None


@dataclass(frozen=True)
class Hit:
    recording: str  # the output folder's name
    segment: int
    start: float
    end: float
    role: str
    speaker: str
    language: str
    text: str
    translation: str | None
    page_line: str | None
    judge: str
    hearing_date: str | None
    tags: tuple[str, ...] = ()  # "label:polarity (review)" of the tags on this line

    @property
    def where(self) -> str:
        """``Tr. 14:3`` where the paginated transcript gives it, else the time."""
        return f"Tr. {self.page_line}" if self.page_line else clock(self.start)


def clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


@dataclass(frozen=True)
class Result:
    hits: tuple[Hit, ...]
    total: int  # every hit, of which ``hits`` are the first ``limit``
    hearings: int = 0  # hearings in the index
    notes: tuple[str, ...] = field(default=())  # e.g. transcripts that could not be read


def _where(query: Query, match: str | None) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    args: list[Any] = []
    if match is not None:
        clauses.append("lines_fts MATCH ?")
        args.append(match)
    if query.tag is not None:  # the tagged lines, found from the tags (an index on label)
        clauses.append(
            "l.id IN (SELECT tagged.id FROM tags t JOIN tag_lines tl ON tl.tag = t.id "
            "JOIN lines tagged ON tagged.hearing = tl.hearing AND tagged.segment = tl.segment "
            "WHERE t.label = ? AND t.review != 'rejected'"
            + (" AND t.polarity = ?)" if query.polarity else ")"))
        args += [query.tag] + ([query.polarity] if query.polarity else [])
    simple = (("l.role = ?", query.role), ("l.language = ?", query.language),
              ("h.language = ?", query.hearing_language),
              ("h.hearing_date >= ?", query.date_from), ("h.hearing_date <= ?", query.date_to))
    for clause, value in simple:
        if value:
            clauses.append(clause)
            args.append(value.lower() if clause.startswith(("l.", "h.lang")) else value)
    if query.judge:
        clauses.append("h.judge LIKE ? ESCAPE '\\'")
        escaped = query.judge.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        args.append(f"%{' '.join(escaped.split())}%")
    return clauses, args


def search(index: SearchIndex, query: Query) -> Result:
    """The lines that match ``query``, in hearing date and time order."""
    match = fts_expression(query.text)
    if match is None and query.tag is None and query.role is None:
        raise ConfigError(f"no words to search for in {query.text!r}")
    clauses, args = _where(query, match)
    source = ("lines_fts JOIN lines l ON l.id = lines_fts.rowid" if match else "lines l")
    where = " AND ".join(clauses)
    order = "h.hearing_date, h.name, l.start_s"
    conn = index.connection
    select = (f"SELECT h.name, l.segment, l.start_s, l.end_s, l.role, l.speaker, l.language, "
              f"l.text, l.translation, l.page_line, h.judge, h.hearing_date, l.hearing "
              f"FROM {source} JOIN hearings h ON h.id = l.hearing WHERE {where} "
              f"ORDER BY {order} LIMIT ?")
    rows = conn.execute(select, [*args, query.limit]).fetchall()
    total = len(rows)
    if total == query.limit:
        total = conn.execute(f"SELECT count(*) FROM {source} JOIN hearings h ON "
                             f"h.id = l.hearing WHERE {where}", args).fetchone()[0]
    hits = tuple(_hit(row, _tags_of(conn, row[12], row[1])) for row in rows)
    hearings = conn.execute("SELECT count(*) FROM hearings").fetchone()[0]
    return Result(hits=hits, total=int(total), hearings=int(hearings))


def _hit(row: tuple[Any, ...], tags: tuple[str, ...]) -> Hit:
    (recording, segment, start, end, role, speaker, language, text, translation, page_line,
     judge, hearing_date) = row[:12]
    return Hit(recording=recording, segment=segment, start=start, end=end, role=role,
               speaker=speaker, language=language, text=text, translation=translation,
               page_line=page_line, judge=judge, hearing_date=hearing_date, tags=tags)


def _tags_of(conn: Any, hearing: int, segment: int) -> tuple[str, ...]:
    rows = conn.execute(
        "SELECT t.label, t.polarity, t.review FROM tag_lines tl JOIN tags t ON t.id = tl.tag "
        "WHERE tl.hearing = ? AND tl.segment = ? ORDER BY t.tag", (hearing, segment)).fetchall()
    return tuple(f"{label}{':' + polarity if polarity else ''} ({review})"
                 for label, polarity, review in rows)
