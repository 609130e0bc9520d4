"""The hallucination guard: drop text invented in silence, collapse repetition loops, and
flag what looks unreliable instead of silently keeping it.

Whisper invents whole phrases, most often after silence and in loops (Koenecke et al., 2024).
In a legal record an invented sentence is worse than a gap, so the rules here are strict and
every kept-but-doubtful segment carries a flag a reviewer sees.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from hearingproc.models.whisper import Decoded

LOOP_MIN_REPEATS = 3  # a phrase said this many times in a row is a loop...
LOOP_MIN_TOKENS = 6  # ...when the repeats add up to at least this many tokens
LOOP_MAX_NGRAM = 10  # longest phrase (in tokens) searched for loops


@dataclass(frozen=True)
class GuardOptions:
    no_speech_threshold: float = 0.6  # above (with low log-prob): the decoder heard no speech
    logprob_threshold: float = -1.0  # mean token log-prob below: low confidence
    compression_ratio_threshold: float = 2.4  # gzip ratio above: repetitive text
    language_probability_threshold: float = 0.5  # below: language is uncertain


@dataclass(frozen=True)
class Guarded:
    decoded: Decoded
    flags: tuple[str, ...]


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _key(token: str) -> str:
    """A token compared for loops: case and punctuation ignored."""
    return "".join(c for c in token.lower() if not unicodedata.category(c).startswith("P")).strip()


def find_loop(keys: list[str]) -> tuple[int, int, int] | None:
    """The first run of one n-gram repeated back to back: (start, n, repeats), or None."""
    for start in range(len(keys)):
        for n in range(1, LOOP_MAX_NGRAM + 1):
            gram = keys[start:start + n]
            if len(gram) < n or not any(gram):
                break
            repeats = 1
            while keys[start + repeats * n:start + (repeats + 1) * n] == gram:
                repeats += 1
            if repeats >= LOOP_MIN_REPEATS and repeats * n >= LOOP_MIN_TOKENS:
                return start, n, repeats
    return None


def collapse_loops(decoded: Decoded) -> tuple[Decoded, bool]:
    """Keep one copy of every looped phrase; words and text stay in step."""
    words = list(decoded.words)
    changed = False
    if words:
        while (loop := find_loop([_key(w.text) for w in words])) is not None:
            start, n, repeats = loop
            del words[start + n:start + repeats * n]
            changed = True
        text = "".join(w.text for w in words) if changed else decoded.text
    else:
        text, changed = _collapse_text(decoded.text)
    if not changed:
        return decoded, False
    end = words[-1].end if words else decoded.end
    return replace(decoded, text=text, words=tuple(words), end=end), True


def _collapse_text(text: str) -> tuple[str, bool]:
    tokens = list(text) if _CJK.search(text) else text.split(" ")
    changed = False
    while (loop := find_loop([_key(t) for t in tokens])) is not None:
        start, n, repeats = loop
        del tokens[start + n:start + repeats * n]
        changed = True
    joiner = "" if _CJK.search(text) else " "
    return joiner.join(tokens), changed


def guard(pieces: list[Decoded], language_probability: float,
          options: GuardOptions = GuardOptions()) -> list[Guarded]:
    """Drop silent or looping pieces, collapse loops, and flag doubtful ones."""
    kept: list[Guarded] = []
    for piece in pieces:
        if not piece.text.strip():
            continue
        if (piece.no_speech_prob > options.no_speech_threshold
                and piece.avg_logprob < options.logprob_threshold):
            continue  # the decoder itself says this is not speech
        piece, looped = collapse_loops(piece)
        flags = []
        if looped or piece.compression_ratio > options.compression_ratio_threshold:
            flags.append("repetition")
        if kept and _key(kept[-1].decoded.text) == _key(piece.text):
            kept[-1] = Guarded(kept[-1].decoded, _merge_flags(kept[-1].flags, ("repetition",)))
            continue  # the same sentence again, back to back: a cross-segment loop
        if piece.avg_logprob < options.logprob_threshold:
            flags.append("low_confidence")
        if piece.no_speech_prob > options.no_speech_threshold:
            flags.append("possible_hallucination")
        if language_probability < options.language_probability_threshold:
            flags.append("language_uncertain")
        kept.append(Guarded(piece, tuple(flags)))
    return kept


def _merge_flags(old: tuple[str, ...], new: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(old + new))
