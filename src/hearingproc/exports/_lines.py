"""Words into lines of the paginated transcript: at most :data:`LINE_WIDTH` columns of a
monospace font, each line knowing which segments' words it holds. A wide character (Chinese,
Japanese, Korean: East Asian width W or F) takes two columns, as in a terminal, so a Mandarin
passage (one unspaced "word" per sentence) is cut into lines that fit the page too."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

LINE_WIDTH = 64  # characters per line: a SHA-256 (64 hex digits) fits on one line

WordKey = tuple[int, int]  # segment id, index of the word in its spoken text (-1: translation)
Token = tuple[str, WordKey | None]  # a word and where it comes from (None: no segment)
Line = tuple[str, set[WordKey]]  # a line and the words it holds


def columns(text: str) -> int:
    """How many monospace columns ``text`` takes: two for a wide character, else one."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cut(word: str, room: int) -> int:
    """How many leading characters of ``word`` fit in ``room`` columns (at least one, so a wide
    character never stalls a one-column room)."""
    used = 0
    for k, c in enumerate(word):
        used += 2 if unicodedata.east_asian_width(c) in "WF" else 1
        if used > room:
            return max(k, 1)
    return len(word)


def flow(items: Sequence[Token], first: str = "", rest: str = "") -> list[Line]:
    """Words filled greedily into lines of at most LINE_WIDTH columns (a word longer than a
    line is cut), each line with the words of segments it holds."""
    lines: list[Line] = []
    line, owners = first, set[WordKey]()
    fresh = True  # nothing on the line yet but its indent
    for word, owner in items:
        while word:
            room = LINE_WIDTH - columns(line) - (0 if fresh else 1)
            if columns(word) <= room:
                line += word if fresh else " " + word
                word = ""
            elif fresh and room > 0:  # longer than a whole line: cut it
                cut = _cut(word, room)
                line, word = line + word[:cut], word[cut:]
            else:
                lines.append((line, owners))
                line, owners, fresh = rest, set(), True
                continue
            fresh = False
            if owner is not None:
                owners.add(owner)
    if not fresh or not lines:
        lines.append((line.rstrip(), owners))
    return lines


def tokens(text: str, segment: int | None = None, spoken: bool = True) -> list[Token]:
    if segment is None:
        return [(word, None) for word in text.split()]
    return [(word, (segment, k if spoken else -1)) for k, word in enumerate(text.split())]



def wrap(text: str, first: str = "", rest: str = "") -> list[str]:
    """Plain text (no segment's words) in lines, the first indented by ``first``."""
    return [line for line, _ in flow(tokens(text), first, rest)]


def centered(text: str) -> list[str]:
    return [(" " * ((LINE_WIDTH - columns(line.strip())) // 2) + line.strip()).rstrip()
            for line in wrap(text)]
