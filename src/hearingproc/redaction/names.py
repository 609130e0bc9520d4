"""Names of people: who is who, so that each person gets one ``[NAME n]`` everywhere.

A person is known from the sidecar's participants or from a name the entity recognizer
found. Every part of a name (``Luis``, ``Ramirez``) points to its person, so "Mr. Ramirez",
"Luis" and "Luis Ramirez" are all ``[NAME 1]``; a found name that shares a part with a known
person is that person. Matching ignores accents ("Ramírez" is "Ramirez"); a whole name is
matched in any case, a single part only capitalised as names are written (so a first name
such as "Mark" does not take the verb "mark"). Titles ("Mr.", "Judge", "Señor") are kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from hearingproc.redaction.rules import NAME, Found

MIN_PART = 2  # letters; a shorter part ("J.") is an initial, not matched on its own
TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "judge", "sir", "madam", "senor", "senora",
                    "senorita", "don", "dona", "doctor", "counsel", "officer", "attorney",
                    "honorable", "the", "de", "del", "la", "los", "las", "y", "van", "von", "da"})


def fold(text: str) -> str:
    """``text`` lower-cased without accents, one character per character (offsets hold)."""
    return "".join(unicodedata.normalize("NFD", ch)[0].lower()[0] for ch in text)


def name_parts(name: str) -> list[str]:
    """The folded parts of a name that identify a person (titles and particles left out)."""
    return [part for part in re.findall(r"[^\W\d_]+(?:['-][^\W\d_]+)*", fold(name))
            if len(part) >= MIN_PART and part not in TITLES]


class People:
    """The people of one transcript, numbered in the order they are first met."""

    def __init__(self) -> None:
        self._of_part: dict[str, int] = {}  # folded part -> person
        self._full: dict[str, int] = {}  # folded whole name -> person
        self._source: list[str] = []  # person -> who named them first ("sidecar", "ner:...")
        self.count = 0

    def add(self, name: str, source: str = "sidecar") -> int | None:
        """The person ``name`` is (a new one, first named by ``source``, when no part is
        known); None for no name."""
        parts = name_parts(name)
        if not parts:
            return None
        known = [self._of_part[p] for p in parts if p in self._of_part]
        person = known[0] if known else self.count
        if not known:
            self.count += 1
            self._source.append(source)
        for part in parts:
            self._of_part.setdefault(part, person)
        if len(parts) > 1:
            self._full.setdefault(" ".join(parts), person)
        return person

    def add_all(self, names: Iterable[str], source: str = "sidecar") -> None:
        for name in names:
            self.add(name, source)

    def find(self, text: str) -> list[Found]:
        """Every mention of a known person in ``text`` (adjacent parts of one person joined)."""
        folded = fold(text)
        found: list[Found] = []
        for part, person in self._of_part.items():
            for match in re.finditer(rf"(?<![\w]){re.escape(part)}(?![\w])", folded):
                original = text[match.start():match.end()]
                if original[:1].isupper():  # as a name is written
                    found.append(Found(NAME, match.start(), match.end(), str(person),
                                       self._source[person]))
        for whole, person in self._full.items():
            pattern = r"\s+".join(re.escape(p) for p in whole.split())
            for match in re.finditer(rf"(?<![\w]){pattern}(?![\w])", folded):
                found.append(Found(NAME, match.start(), match.end(), str(person),
                                   self._source[person]))
        return _join_adjacent(found, text)


def _join_adjacent(found: list[Found], text: str) -> list[Found]:
    """One span per run of one person's parts separated only by spaces or hyphens."""
    joined: list[Found] = []
    for item in sorted(found, key=lambda f: (f.start, -f.end)):
        last = joined[-1] if joined else None
        if last and item.start <= last.end:  # inside or overlapping the previous one
            if item.end > last.end and item.key == last.key:
                joined[-1] = Found(NAME, last.start, item.end, last.key, last.detector)
            continue
        if (last and item.key == last.key
                and re.fullmatch(r"[\s-]+", text[last.end:item.start] or "x")):
            joined[-1] = Found(NAME, last.start, item.end, last.key, last.detector)
            continue
        joined.append(item)
    return joined
