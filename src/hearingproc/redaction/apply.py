"""Redact a transcript: every identifier becomes a labelled placeholder, the same value the
same placeholder everywhere (segment text, words, translations, tag quotes, role evidence,
interpretation evidence, the sidecar's metadata).

Three passes over every text of the transcript, in time order: the entity recognizer's names
join the sidecar's people; the rules, the people and the recognizer give spans, and each
value found (an address, a date of birth) is then looked for everywhere, cue or not; the
placeholders are numbered in order of first appearance. A redacted word's time goes to the
audio to silence. What was replaced is logged by kind and place, never by value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any, Protocol

from hearingproc.errors import HearingProcError
from hearingproc.redaction.names import People, fold
from hearingproc.redaction.rules import NAME, Found, find_rules, settle
from hearingproc.transcript import Segment, Transcript, Translation, Word

ENGLISH = "en"


class RedactionError(HearingProcError):
    """The redacted copy cannot be made safely (an identifier would be left in it)."""


class EntityFinder(Protocol):
    """What finds names and phone numbers (see :mod:`hearingproc.redaction.ner`)."""

    name: str

    def find(self, text: str, english: bool) -> list[Found]: ...


# Whether a text is English (True), another language (False: the recognizer looks for phone
# numbers only) or a field of structured data (None: sidecar metadata, tag attributes, review
# history; the recognizer is not run on it, the rules, names and values found are).
Language = bool | None


@dataclass(frozen=True)
class RedactionOptions:
    margin_s: float = 0.2  # audio silenced this long before and after each redacted word
    names: tuple[str, ...] = ()  # more names of people to redact, beside the sidecar's

    def __post_init__(self) -> None:
        if not 0 <= self.margin_s <= 2:
            raise ValueError(f"margin_s must be within 0..2 s, got {self.margin_s}")


@dataclass(frozen=True)
class LogEntry:
    kind: str  # e.g. "NAME", "A-NUMBER"
    placeholder: str  # e.g. "[NAME 1]"
    where: str  # the JSON path of the field, e.g. "segments[3].text"
    detector: str  # which rule or model found it
    start: float | None = None  # seconds, for a redacted word of a segment
    end: float | None = None


@dataclass(frozen=True)
class Redacted:
    transcript: Transcript
    log: tuple[LogEntry, ...]
    silence: tuple[tuple[float, float], ...]  # seconds of the recording to silence, merged
    placeholders: dict[str, int]  # kind -> how many different values were replaced


class _Known:
    """Values found once (an address after "I live at"), looked for everywhere after."""

    def __init__(self) -> None:
        self.values: dict[str, tuple[str, str]] = {}  # folded value -> (kind, key)

    def add(self, value: str, kind: str, key: str) -> None:
        value = " ".join(fold(value).split())
        if len(value) >= 3:
            self.values.setdefault(value, (kind, key))

    def find(self, text: str) -> list[Found]:
        folded, found = fold(text), []
        for value, (kind, key) in self.values.items():
            pattern = r"\s+".join(re.escape(part) for part in value.split())
            for match in re.finditer(rf"(?<![\w]){pattern}(?![\w])", folded):
                found.append(Found(kind, match.start(), match.end(), key, "value"))
        return found


class _Finder:
    """Spans of any text of one transcript, with the placeholders they get."""

    def __init__(self, people: People, entities: EntityFinder | None) -> None:
        self.people, self.entities, self.known = people, entities, _Known()
        self._entity_cache: dict[tuple[str, bool], list[Found]] = {}
        self.labels: dict[tuple[str, str], str] = {}  # (kind, key) -> placeholder

    def entity_spans(self, text: str, english: Language) -> list[Found]:
        if self.entities is None or english is None:
            return []
        cached = self._entity_cache.get((text, english))
        if cached is None:
            cached = self._entity_cache[(text, english)] = self.entities.find(text, english)
        return cached

    def learn_names(self, text: str, english: Language) -> None:
        for item in self.entity_spans(text, english):
            if item.kind == NAME:
                self.people.add(text[item.start:item.end], item.detector)

    def spans(self, text: str, english: Language) -> list[Found]:
        found = find_rules(text) + self.people.find(text) + self.known.find(text)
        for item in self.entity_spans(text, english):
            if item.kind == NAME:  # one key per person, whichever way the name is written
                person = self.people.add(text[item.start:item.end], item.detector)
                if person is None:
                    continue
                item = replace(item, key=str(person))
            found.append(item)
        return settle(found)

    def learn_values(self, text: str, english: Language) -> None:
        for item in self.spans(text, english):
            if item.kind != NAME:
                self.known.add(text[item.start:item.end], item.kind, item.key)

    def number(self, order: list[tuple[str, str]]) -> None:
        """Placeholders for the values in ``order`` (first appearance): ``[NAME n]`` always,
        another kind numbered only where it has more than one value."""
        distinct: dict[str, list[str]] = {}
        for kind, key in order:
            keys = distinct.setdefault(kind, [])
            if key not in keys:
                keys.append(key)
        for kind, keys in distinct.items():
            for number, key in enumerate(keys, 1):
                numbered = kind == NAME or len(keys) > 1
                self.labels[(kind, key)] = f"[{kind} {number}]" if numbered else f"[{kind}]"


@dataclass
class _Texts:
    """Every text of a transcript with where it is and whether it is English."""

    items: list[tuple[str, str, Language]]  # (where, text, English or not or data)

    @classmethod
    def of(cls, transcript: Transcript) -> _Texts:
        items: list[tuple[str, str, Language]] = []
        for n, segment in enumerate(transcript.segments):
            english = segment.language == ENGLISH
            items.append((f"segments[{n}].text", segment.text, english))
            items.append((f"segments[{n}].words", _joined(segment.words), english))
            if segment.translation is not None:
                items.append((f"segments[{n}].translation.text", segment.translation.text, True))
        data = _other_fields(transcript)
        items += [(where, text, _kind_of(where)) for where, text in _strings(data, "")]
        return cls(items)


def _joined(words: tuple[Word, ...]) -> str:
    return "".join(w.text for w in words)


def _kind_of(where: str) -> Language:
    """English free text (role and interpretation evidence, tag quotes), else data."""
    free = where.startswith(("speakers", "interpretation_checks")) or (
        where.startswith("tags") and where.endswith(".quote"))
    return True if free else None


def _other_fields(transcript: Transcript) -> dict[str, Any]:
    """The fields beside the segments that may hold what a person said or is called, as
    plain strings (the pipeline's options are settings, not the hearing's: kept as they are)."""
    return {
        "recording.metadata": transcript.recording.metadata,
        "speakers": [list(s.role_evidence) for s in transcript.speakers],
        "tags": [{"quote": t.quote, "attributes": t.attributes} for t in transcript.tags],
        "interpretation_checks": [list(c.evidence) for c in transcript.interpretation_checks],
        "review_history": list(transcript.review_history),
    }


def _strings(value: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{where}.{key}" if where else str(key))
    elif isinstance(value, (list, tuple)):
        for n, item in enumerate(value):
            yield from _strings(item, f"{where}[{n}]")


def _map_strings(value: Any, change: Callable[[str, str], str], where: str) -> Any:
    if isinstance(value, str):
        return change(value, where)
    if isinstance(value, dict):
        return {key: _map_strings(item, change, f"{where}.{key}" if where else str(key))
                for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_map_strings(item, change, f"{where}[{n}]")
                           for n, item in enumerate(value))
    return value


class _Writer:
    """Applies the placeholders, keeping the log and the times to silence."""

    def __init__(self, finder: _Finder) -> None:
        self.finder = finder
        self.log: list[LogEntry] = []
        self.silence: list[tuple[float, float]] = []

    def text(self, text: str, where: str, english: Language = True) -> str:
        spans = self.finder.spans(text, english)
        for item in reversed(spans):
            label = self.finder.labels[(item.kind, item.key)]
            text = text[:item.start] + label + text[item.end:]
        self.log += [LogEntry(item.kind, self.finder.labels[(item.kind, item.key)], where,
                              item.detector) for item in spans]
        return text

    def words(self, segment: Segment, where: str) -> tuple[Word, ...]:
        """The segment's words with each redacted run of words one placeholder word spanning
        their time; those times are kept to silence."""
        joined = _joined(segment.words)
        spans = self.finder.spans(joined, segment.language == ENGLISH)
        if not spans:
            return segment.words
        offsets, position = [], 0
        for word in segment.words:
            offsets.append((position, position + len(word.text)))
            position += len(word.text)
        words: list[Word] = []
        index = 0
        for item in spans:
            touched = [i for i, (a, b) in enumerate(offsets) if a < item.end and b > item.start]
            first, last = touched[0], touched[-1]
            if first < index:  # two spans in one word: the word was already redacted
                continue
            words += segment.words[index:first]
            label = self.finder.labels[(item.kind, item.key)]
            prefix = joined[offsets[first][0]:item.start]
            suffix = joined[item.end:offsets[last][1]]
            run = segment.words[first:last + 1]
            words.append(Word(run[0].start, run[-1].end, prefix + label + suffix,
                              min(w.probability for w in run)))
            self.silence.append((run[0].start, run[-1].end))
            self.log.append(LogEntry(item.kind, label, where, item.detector,
                                     run[0].start, run[-1].end))
            index = last + 1
        return tuple(words + list(segment.words[index:]))

    def segment(self, segment: Segment, n: int) -> Segment:
        english = segment.language == ENGLISH
        text = self.text(segment.text, f"segments[{n}].text", english)
        words = self.words(segment, f"segments[{n}].words")
        if text != segment.text and not segment.words:  # no word times: the whole segment
            self.silence.append((segment.start, segment.end))
        translation = segment.translation
        if translation is not None:
            translation = Translation(**{**translation.__dict__, "text": self.text(
                translation.text, f"segments[{n}].translation.text")})
        return replace(segment, text=text, words=words, translation=translation)


def redact_transcript(transcript: Transcript, entities: EntityFinder | None,
                      options: RedactionOptions | None = None) -> Redacted:
    """``transcript`` with every identifier replaced (see the module's docstring);
    ``entities`` None: rules and the sidecar's and ``options``' names only."""
    options = options or RedactionOptions()
    people = People()
    people.add_all(_sidecar_names(transcript.recording.metadata))
    people.add_all(options.names, "option --name")
    finder = _Finder(people, entities)
    texts = _Texts.of(transcript).items
    for _, text, english in texts:
        finder.learn_names(text, english)
    for _, text, english in texts:
        finder.learn_values(text, english)
    finder.number([(f.kind, f.key) for _, text, english in texts
                   for f in finder.spans(text, english)])
    writer = _Writer(finder)
    segments = tuple(writer.segment(s, n) for n, s in enumerate(transcript.segments))
    other = _map_strings(_other_fields(transcript),
                         lambda text, where: writer.text(text, where, _kind_of(where)), "")
    redacted = replace(
        transcript, segments=segments,
        recording=replace(transcript.recording,
                          metadata=_bare_participants(other["recording.metadata"])),
        speakers=tuple(replace(s, role_evidence=tuple(e))
                       for s, e in zip(transcript.speakers, other["speakers"], strict=True)),
        tags=tuple(replace(t, quote=o["quote"], attributes=o["attributes"])
                   for t, o in zip(transcript.tags, other["tags"], strict=True)),
        interpretation_checks=tuple(
            replace(c, evidence=tuple(e))
            for c, e in zip(transcript.interpretation_checks, other["interpretation_checks"],
                            strict=True)),
        review_history=tuple(other["review_history"]),
    )
    _check(redacted, finder)
    counts: dict[str, int] = {}
    for kind, _ in finder.labels:
        counts[kind] = counts.get(kind, 0) + 1
    return Redacted(redacted, tuple(writer.log), _merged(writer.silence, options.margin_s),
                    counts)


def _check(redacted: Transcript, finder: _Finder) -> None:
    """RedactionError naming the kind and place of any known person or value found that is
    still in ``redacted``. The rules and the recognizer are not run again: a placeholder is
    not the words it replaced ("[DATE OF BIRTH]" would be a cue for the next date)."""
    left = [f"{item.kind} in {where}" for where, text, _ in _Texts.of(redacted).items
            for item in finder.people.find(text) + finder.known.find(text)]
    if left:
        raise RedactionError(f"an identifier would be left in the redacted copy "
                             f"({'; '.join(left[:5])}); nothing was written")


def _bare_participants(metadata: dict[str, Any]) -> dict[str, Any]:
    """A participant's redacted name is its placeholder alone: "Ms. [NAME 4]" would be
    labelled "MS. 4]" by a writer that takes a title and the last word."""
    participants = metadata.get("participants")
    if not isinstance(participants, list):
        return metadata
    bare = []
    for item in participants:
        name = item.get("name") if isinstance(item, dict) else None
        placeholder = re.search(rf"\[{NAME} \d+\]", name) if isinstance(name, str) else None
        bare.append({**item, "name": placeholder.group()} if placeholder else item)
    return {**metadata, "participants": bare}


def _sidecar_names(metadata: dict[str, Any]) -> list[str]:
    participants = metadata.get("participants")
    if not isinstance(participants, list):
        return []
    return [p["name"] for p in participants
            if isinstance(p, dict) and isinstance(p.get("name"), str)]


def _merged(spans: list[tuple[float, float]], margin: float) -> tuple[tuple[float, float], ...]:
    """The spans widened by ``margin`` (not before 0), overlapping ones joined, in order."""
    merged: list[tuple[float, float]] = []
    widened = ((round(max(0.0, s - margin), 3), round(e + margin, 3)) for s, e in spans)
    for start, end in sorted(widened):  # milliseconds, as the log gives them
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)
