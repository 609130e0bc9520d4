"""The interpretation check: does the interpreter's rendering say what was said?

Under consecutive interpretation every applicant answer is followed by the interpreter's
English rendering, and every English question (judge, counsel) by its rendering into the
applicant's language. This stage pairs them (a turn is consecutive segments of one speaker in
one language) and compares the two sides in two ways:

- **length coverage**: the rendering's length over the source's, both in English words (the
  non-English side's transcript words, or characters for Chinese and Japanese, times a
  per-language factor). A dropped sentence shows as a rendering much shorter than its
  source, an added one as much longer; both a ratio and an absolute difference in words are
  required, so that a short answer ("Sí, dos veces...": 9 words rendered in 7) is not flagged.
  This uses the transcripts, not the machine translation, so it holds where Whisper base's
  translation is poor (it is, on synthetic voices: see :mod:`tools.tune_interpretation`).
- **meaning**: the machine English of the non-English side (its segments' ``translation``)
  and the English side are split into sentences and embedded with the MiniLM sentence encoder
  (:mod:`hearingproc.models.sentence_encoder`); every sentence looks for its best counterpart
  on the other side (a sentence, two neighbouring sentences, or the whole turn). Where the two
  turns agree
  as a whole (the translation is usable), a sentence of a two-or-more-sentence side with no
  counterpart is flagged too.

What is stored per pair (:class:`~hearingproc.transcript.InterpretationCheck`):

- ``score``: cosine similarity of the two whole English sides (1: same meaning);
- ``verdict``: ``"consistent"``, ``"review: possible omission"`` (the rendering leaves out
  part of the source), ``"review: possible addition"`` (it says more than the source) or
  ``"review: possible omission and addition"`` (both signals);
- ``evidence``: why, for the reviewer: the length ratio when it is off, and the unmatched
  sentences with their best similarity.

Thresholds (defaults of :class:`InterpretationOptions`) were set on eight spoken two-sentence
Spanish answers with faithful, one-sentence-shorter and one-sentence-longer renderings (run
``python -m tools.tune_interpretation``). Pairing needs roles (``Segment.role``);
without an interpreter there is nothing to check.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from hearingproc.errors import ConfigError
from hearingproc.transcript import InterpretationCheck, Segment

log = logging.getLogger(__name__)

ENGLISH = "en"
INTERPRETER = "interpreter"
TESTIFYING_ROLES = ("applicant", "witness")  # speak through the interpreter
QUESTIONING_ROLES = ("judge", "dhs_counsel", "respondent_counsel")  # speak English
CONSISTENT = "consistent"
OMISSION = "review: possible omission"
ADDITION = "review: possible addition"
OMISSION_AND_ADDITION = "review: possible omission and addition"
VERDICTS = (CONSISTENT, OMISSION, ADDITION, OMISSION_AND_ADDITION)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?;…。？！；])\s+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
CHARACTER_LANGUAGES = ("zh", "ja")  # no spaces between words: length counted in characters
# English words per source word (per character for zh/ja). A rule of thumb, not calibrated
# here except Spanish (1.0 fits the sample hearing and the calibration answers); a language
# not listed counts 1.0.
ENGLISH_WORDS_PER_TOKEN = {"zh": 0.6, "ja": 0.5}


@dataclass(frozen=True)
class InterpretationOptions:
    enabled: bool = True  # pair source turns with their renderings and check each pair
    encoder: str | None = None  # sentence-encoder folder; None: the embedded MiniLM
    max_gap_s: float = 10.0  # a rendering starts at most this long after its source ends
    # length coverage (rendering / source, in English words): below omission_ratio or above
    # addition_ratio is flagged when the difference is also at least min_length_gap words.
    # Calibration (8 answers): faithful 0.94-1.27, a sentence left out 0.38-0.73 (at least 3
    # words short), one added 1.35-1.91: 8/8, 16/16 and 8/8 verdicts right
    omission_ratio: float = 0.8
    addition_ratio: float = 1.3
    min_length_gap: float = 3.0
    # meaning: a sentence whose best counterpart is below match_threshold is unmatched, judged
    # only where the whole turns agree at least reliable_similarity (a usable translation).
    # Calibration (same answers' machine English): added sentences matched 0.02-0.21,
    # faithful ones 0.45 or more, where the whole turns agreed at 0.5 or more
    match_threshold: float = 0.3
    reliable_similarity: float = 0.5
    min_sentence_words: int = 3  # shorter sentences ("Yes.") are judged with their neighbour

    def __post_init__(self) -> None:
        if self.max_gap_s < 0 or self.min_length_gap < 0:
            raise ConfigError("max_gap_s and min_length_gap must not be negative")
        if not 0 < self.omission_ratio < 1 < self.addition_ratio:
            raise ConfigError(f"need 0 < omission_ratio < 1 < addition_ratio, got "
                              f"{self.omission_ratio} and {self.addition_ratio}")
        for name in ("match_threshold", "reliable_similarity"):
            if not -1.0 <= getattr(self, name) <= 1.0:
                raise ConfigError(f"{name} is a cosine similarity in [-1, 1], got "
                                  f"{getattr(self, name)}")
        if self.min_sentence_words < 1:
            raise ConfigError(f"min_sentence_words must be at least 1, got "
                              f"{self.min_sentence_words}")


@dataclass(frozen=True)
class LanguageTurn:
    """Consecutive segments of one speaker in one language."""

    speaker: str | None
    role: str | None
    language: str
    segments: tuple[Segment, ...]

    @property
    def start(self) -> float:
        return self.segments[0].start

    @property
    def end(self) -> float:
        return self.segments[-1].end

    @property
    def ids(self) -> tuple[int, ...]:
        return tuple(s.id for s in self.segments)

    def english_length(self) -> float:
        """Its length in English words: words of its text, or for another language its
        words (characters for zh/ja) times :data:`ENGLISH_WORDS_PER_TOKEN`."""
        text = " ".join(s.text.strip() for s in self.segments)
        if self.language == ENGLISH:
            return float(len(text.split()))
        if self.language in CHARACTER_LANGUAGES:
            tokens = len(_CJK.findall(text)) + len(_CJK.sub(" ", text).split())
        else:
            tokens = len(text.split())
        return tokens * ENGLISH_WORDS_PER_TOKEN.get(self.language, 1.0)

    def english(self) -> str | None:
        """The turn in English: its text, or its segments' translations (None when one of
        its segments has no translation)."""
        if self.language == ENGLISH:
            return " ".join(s.text.strip() for s in self.segments if s.text.strip())
        if any(s.translation is None for s in self.segments if s.text.strip()):
            return None
        return " ".join(s.translation.text.strip() for s in self.segments
                        if s.translation is not None and s.translation.text.strip())


def build_turns(segments: Sequence[Segment]) -> list[LanguageTurn]:
    """Group consecutive segments of the same speaker, role and language (in time order)."""
    turns: list[LanguageTurn] = []
    for seg in sorted(segments, key=lambda s: s.start):
        if not seg.text.strip():
            continue
        last = turns[-1] if turns else None
        if last is not None and (last.speaker, last.role, last.language) == (
                seg.speaker, seg.role, seg.language):
            turns[-1] = LanguageTurn(last.speaker, last.role, last.language, (*last.segments, seg))
        else:
            turns.append(LanguageTurn(seg.speaker, seg.role, seg.language, (seg,)))
    return turns


def is_rendering(source: LanguageTurn, rendering: LanguageTurn, max_gap_s: float) -> bool:
    """``rendering`` is the interpreter's rendering of ``source``: it follows within
    ``max_gap_s``, and either a testifying turn in another language is rendered into English
    or an English question is rendered out of English."""
    if rendering.role != INTERPRETER or rendering.start - source.end > max_gap_s:
        return False
    if source.role in TESTIFYING_ROLES:
        return source.language != ENGLISH and rendering.language == ENGLISH
    if source.role in QUESTIONING_ROLES:
        return source.language == ENGLISH and rendering.language != ENGLISH
    return False


def pair_turns(segments: Sequence[Segment],
               max_gap_s: float) -> list[tuple[LanguageTurn, LanguageTurn]]:
    """Each source turn with the interpreter turn right after it that renders it."""
    turns = build_turns(segments)
    return [(a, b) for a, b in zip(turns, turns[1:], strict=False) if is_rendering(a, b, max_gap_s)]


def split_sentences(text: str, min_words: int) -> list[str]:
    """Sentences of English ``text``; one shorter than ``min_words`` is joined to the next
    (the last to the one before), so "Yes." is judged with what follows it."""
    pieces = [p.strip() for p in _SENTENCE_BREAK.split(text.strip()) if p.strip()]
    joined: list[str] = []
    carry = ""
    for piece in pieces:
        piece = f"{carry} {piece}".strip()
        if len(piece.split()) < min_words:
            carry = piece
            continue
        joined.append(piece)
        carry = ""
    if carry:
        if joined:
            joined[-1] = f"{joined[-1]} {carry}"
        else:
            joined.append(carry)
    return joined


def _candidates(sentences: Sequence[str]) -> list[str]:
    """What a sentence of the other side may match: each sentence, each two neighbours
    together (a sentence rendered as two), and the whole side."""
    pairs = [f"{a} {b}" for a, b in zip(sentences, sentences[1:], strict=False)]
    whole = [" ".join(sentences)] if len(sentences) > 2 else []
    return [*sentences, *pairs, *whole]


def best_matches(sentences: Sequence[str], other: Sequence[str], encoder: object) -> list[float]:
    """For each of ``sentences``, its highest cosine similarity to a candidate of ``other``."""
    candidates = _candidates(other)
    vectors = encoder.encode([*sentences, *candidates])  # type: ignore[attr-defined]
    mine, theirs = vectors[:len(sentences)], vectors[len(sentences):]
    return [float(v) for v in np.max(mine @ theirs.T, axis=1)]


def length_signal(source_words: float, rendering_words: float, options: InterpretationOptions,
                  ) -> tuple[bool, bool, str | None]:
    """(omitted, added, evidence) from the two lengths in English words."""
    if source_words <= 0:
        return False, rendering_words > 0, None
    ratio = rendering_words / source_words
    gap = rendering_words - source_words
    omitted = ratio < options.omission_ratio and -gap >= options.min_length_gap
    added = ratio > options.addition_ratio and gap >= options.min_length_gap
    note = (f"rendering is {ratio:.2f} of the source's length ({rendering_words:.0f} English "
            f"words for about {source_words:.0f})") if omitted or added else None
    return omitted, added, note


def meaning_signal(source_english: str, rendering_english: str, encoder: object,
                   options: InterpretationOptions) -> tuple[float, bool, bool, list[str]]:
    """(whole-turn similarity, omitted, added, evidence) from sentence embeddings."""
    source = split_sentences(source_english, options.min_sentence_words)
    rendering = split_sentences(rendering_english, options.min_sentence_words)
    if not source or not rendering:
        return 0.0, bool(source), bool(rendering), []
    whole = encoder.encode([" ".join(source), " ".join(rendering)])  # type: ignore[attr-defined]
    similarity = float(whole[0] @ whole[1])
    forward = best_matches(source, rendering, encoder)
    backward = best_matches(rendering, source, encoder)
    judged = similarity >= options.reliable_similarity

    def unmatched(side: list[str], matches: list[float]) -> list[tuple[str, float]]:
        if not judged or len(side) < 2:
            return []
        return [(s, m) for s, m in zip(side, matches, strict=True) if m < options.match_threshold]

    lost, extra = unmatched(source, forward), unmatched(rendering, backward)
    evidence = ([f"source sentence without a counterpart ({m:.2f}): {s}" for s, m in lost]
                + [f"rendering sentence without a counterpart ({m:.2f}): {s}" for s, m in extra])
    return similarity, bool(lost), bool(extra), evidence


def judge(source: LanguageTurn, rendering: LanguageTurn, encoder: object,
          options: InterpretationOptions) -> InterpretationCheck | None:
    """The check of one pair (see the module text); None when a side has no English."""
    source_english, rendering_english = source.english(), rendering.english()
    if source_english is None or rendering_english is None:
        return None
    short, long, note = length_signal(source.english_length(), rendering.english_length(),
                                      options)
    similarity, lost, extra, evidence = meaning_signal(source_english, rendering_english,
                                                       encoder, options)
    omitted, added = short or lost, long or extra
    verdict = (OMISSION_AND_ADDITION if omitted and added else OMISSION if omitted
               else ADDITION if added else CONSISTENT)
    return InterpretationCheck(source.ids, rendering.ids, round(similarity, 4), verdict,
                               tuple(([note] if note else []) + evidence))


def check_interpretation(segments: Sequence[Segment], options: InterpretationOptions,
                         encoder: object | None = None) -> list[InterpretationCheck]:
    """One check per (source turn, rendering) pair of ``segments``; empty when no segment
    has the interpreter role, or when a pair's non-English side has no translation."""
    if not options.enabled or not any(s.role == INTERPRETER for s in segments):
        return []
    pairs = pair_turns(segments, options.max_gap_s)
    if not pairs:
        return []
    if encoder is None:
        from hearingproc.models.sentence_encoder import load_sentence_encoder

        encoder = load_sentence_encoder(options.encoder)
    checks = []
    for source, rendering in pairs:
        check = judge(source, rendering, encoder, options)
        if check is None:
            log.debug("turn at %.2f s: no translation to compare; not checked", source.start)
            continue
        checks.append(check)
    log.info("interpretation check: %d pairs, %d for review", len(checks),
             sum(c.verdict != CONSISTENT for c in checks))
    return checks
