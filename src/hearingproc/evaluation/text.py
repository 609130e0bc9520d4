"""Text accuracy: WER (raw and after Whisper's normaliser), CER for Chinese and Japanese, and
language-identification accuracy per reference segment."""

from __future__ import annotations

import dataclasses
import functools
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from hearingproc.transcript import Segment, Word

CHARACTER_LANGUAGES = {"zh", "ja"}  # scored by CER: no spaces between words


# --- normalisation and error counts -------------------------------------------------------

@functools.cache
def whisper_normaliser(language: str) -> Callable[[str], str]:
    from whisper.normalizers import BasicTextNormalizer, EnglishTextNormalizer

    return EnglishTextNormalizer() if language == "en" else BasicTextNormalizer()


def _collapse(text: str) -> str:
    return " ".join(text.split())


def characters(text: str) -> str:
    """Text scored by CER: spaces and punctuation removed."""
    return "".join(c for c in text if not c.isspace()
                   and not unicodedata.category(c).startswith(("P", "S")))


def word_counts(reference: str, hypothesis: str, language: str) -> dict[str, int]:
    """Word errors before (raw) and after Whisper's normaliser, and reference lengths."""
    import jiwer

    normalise = whisper_normaliser(language)
    raw_ref, raw_hyp = _collapse(reference), _collapse(hypothesis)
    norm_ref, norm_hyp = _collapse(normalise(reference)), _collapse(normalise(hypothesis))
    counts = {"ref_words_raw": len(raw_ref.split()), "ref_words": len(norm_ref.split())}
    for key, ref, hyp in (("errors_raw", raw_ref, raw_hyp), ("errors", norm_ref, norm_hyp)):
        if not ref:
            counts[key] = len(hyp.split())
            continue
        out = jiwer.process_words(ref, hyp)
        counts[key] = out.substitutions + out.deletions + out.insertions
    return counts


def char_counts(reference: str, hypothesis: str) -> dict[str, int]:
    """Character errors with spaces and punctuation removed."""
    import jiwer

    ref, hyp = characters(reference), characters(hypothesis)
    if not ref:
        return {"errors": len(hyp), "ref_chars": 0}
    out = jiwer.process_characters(ref, hyp)
    return {"errors": out.substitutions + out.deletions + out.insertions, "ref_chars": len(ref)}


def text_counts(reference: str, hypothesis: str, language: str) -> dict[str, int]:
    if language in CHARACTER_LANGUAGES:
        return char_counts(reference, hypothesis)
    return word_counts(reference, hypothesis, language)


def rate(counts: dict[str, int], language: str) -> dict[str, float | None]:
    """WER (raw and normalised) or CER from pooled counts."""
    def ratio(errors: str, length: str) -> float | None:
        return counts[errors] / counts[length] if counts.get(length) else None

    if language in CHARACTER_LANGUAGES:
        return {"cer": ratio("errors", "ref_chars")}
    return {"wer_raw": ratio("errors_raw", "ref_words_raw"),
            "wer_normalised": ratio("errors", "ref_words")}


def pool(items: Iterable[dict[str, int]]) -> dict[str, int]:
    total: dict[str, int] = {}
    for counts in items:
        for key, value in counts.items():
            total[key] = total.get(key, 0) + value
    return total


# --- one recording ------------------------------------------------------------------------

@dataclass(frozen=True)
class RefSegment:
    start: float
    end: float
    language: str
    text: str


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))


def _most_overlapped(refs: Sequence[RefSegment], start: float, end: float) -> int | None:
    overlaps = [_overlap(r.start, r.end, start, end) for r in refs]
    return overlaps.index(max(overlaps)) if overlaps and max(overlaps) > 0 else None


def assign_to_references(refs: Sequence[RefSegment],
                         hyps: Sequence[Segment]) -> list[list[Segment]]:
    """Each hypothesis segment goes to the reference segment it overlaps most (ties: the
    earlier); segments overlapping none are left out (they count as insertions nowhere).

    A segment with word times is divided word by word instead, so that one decode spanning two
    reference sentences (one speaker's "Sarah Collins for the respondent. Why did you leave
    Honduras?") is scored against both: each word goes to the reference it overlaps most, and a
    word overlapping none goes where the whole segment does. Each piece keeps the segment's
    language."""
    assigned: list[list[Segment]] = [[] for _ in refs]
    for hyp in hyps:
        home = _most_overlapped(refs, hyp.start, hyp.end)
        if home is None:
            continue
        if not hyp.words:
            assigned[home].append(hyp)
            continue
        pieces: dict[int, list[Word]] = {}
        for word in hyp.words:
            index = _most_overlapped(refs, word.start, word.end)
            pieces.setdefault(home if index is None else index, []).append(word)
        for index, words in pieces.items():
            assigned[index].append(dataclasses.replace(
                hyp, start=words[0].start, end=words[-1].end, words=tuple(words),
                text="".join(w.text for w in words).strip()))
    return assigned


def _score_segmented(refs: Sequence[RefSegment], hyps: Sequence[Segment]) -> dict[str, Any]:
    """Per-language counts and language-ID accuracy for a recording with timed references."""
    by_language: dict[str, list[dict[str, int]]] = {}
    correct = 0
    for ref, mine in zip(refs, assign_to_references(refs, hyps), strict=True):
        text = (" " if ref.language not in CHARACTER_LANGUAGES else "").join(s.text for s in mine)
        by_language.setdefault(ref.language, []).append(text_counts(ref.text, text, ref.language))
        duration = {lang: sum(s.end - s.start for s in mine if s.language == lang)
                    for lang in {s.language for s in mine}}
        correct += bool(duration) and max(duration, key=duration.__getitem__) == ref.language
    return {"counts": {lang: pool(c) for lang, c in by_language.items()},
            "lid": {"correct": correct, "total": len(refs)}}


def _score_whole(reference: str, language: str, hyps: Sequence[Segment]) -> dict[str, Any]:
    joiner = "" if language in CHARACTER_LANGUAGES else " "
    hypothesis = joiner.join(s.text.strip() for s in hyps)
    counts = {language: text_counts(reference, hypothesis, language)} if reference else {}
    right = sum(s.language == language for s in hyps)
    # no output on a recording with no reference words (AMI excerpts that are mostly silence)
    # has no language to get wrong; no output where words were expected is a miss
    total = len(hyps) if hyps else int(bool(reference))
    return {"counts": counts, "lid": {"correct": right, "total": total}}


def reference_segments(entry: dict[str, Any]) -> list[RefSegment] | None:
    segs = entry.get("reference_segments") or []
    if "+" not in entry.get("language", "") or not all("language" in s for s in segs):
        return None
    return [RefSegment(s["start"], s["end"], s["language"], s["text"]) for s in segs]


def score_entry(entry: dict[str, Any], segments: Sequence[Segment]) -> dict[str, Any]:
    refs = reference_segments(entry)
    if refs:
        return _score_segmented(refs, segments)
    return _score_whole(entry.get("reference_text") or "", entry["language"], segments)
