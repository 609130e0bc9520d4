"""The tag stage: credibility findings, rulings and appeal events in a transcript.

Each segment (or line of a plain-text transcript) is split into sentences. In each
sentence the phrase lexicon (:mod:`hearingproc.tagging.lexicon`, with negation) and the
MiniLM sentence classifier (:mod:`hearingproc.tagging.classifier`) propose tags; scope rules
drop what is no finding (a question, a quoted legal standard), and the speaker's role
decides what may be tagged at all:

- the judge: every label;
- DHS or respondent's counsel: only their own appeal reserved or waived (a question from
  counsel or an argument in closing is no ruling);
- applicant, interpreter, witness: nothing (an interpreter rendering the applicant's words
  is testimony, not a finding);
- unknown role (no roles assigned yet): every label, at lower confidence.

A lexicon tag takes its confidence from how strongly the classifier agrees; a sentence the
lexicon misses (ASR noise, unusual phrasing) is tagged by the classifier alone when its
probability is high and the sentence names the subject at all (a loose keyword gate).
Restatements of one finding in neighbouring segments are merged into one tag, and the legal
co-occurrence checks (:mod:`hearingproc.tagging.checks`) note what a ruling lacks.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from typing import Any

from hearingproc.errors import ConfigError
from hearingproc.tagging import (
    COUNSEL_LABELS,
    COUNSEL_ROLES,
    EVENT_LABELS,
    JUDGE_ROLES,
    UNKNOWN_ROLES,
)
from hearingproc.tagging import attributes as attrs
from hearingproc.tagging.checks import run_checks
from hearingproc.tagging.lexicon import NOT_REACHED, Hit, bare_appeal_hit, find_hits, normalise
from hearingproc.tagging.scope import is_question, is_reported, is_standard
from hearingproc.tagging.sentences import (
    Sentence,
    Utterance,
    join_run_ons,
    sentences_of,
    utterances_of,
)
from hearingproc.transcript import ModelInfo, Tag, Transcript

log = logging.getLogger(__name__)

CLASSIFIER_SOURCE = "classifier:minilm-softmax"
APPLICATION_LABELS = frozenset({"asylum", "withholding_of_removal", "cat_protection",
                                "voluntary_departure"})
APPEAL_WORD = re.compile(r"\bappeal")
APPEAL_CONTEXT = 3  # sentences back in which the appeal question counts as just asked
# Words a sentence must contain before the classifier alone may give it a label.
GATES = {label: re.compile(p) for label, p in {
    "credibility": r"credib|believ|testimon|testif|consisten|plausib|truth|demeano|candid|detail",
    "corroboration": r"corroborat|evidence|document|letter|affidavit|record",
    "burden_of_proof": r"burden",
    "nexus": r"account of|central reason|nexus|because of|protected ground|motivat",
    "past_persecution": r"persecut|presumption",
    "well_founded_fear": r"fear|affair|persecut|relocat",
    "one_year_bar": r"one year|1 year|deadline|timely|circumstances",
    "discretion": r"discretion",
    "asylum": r"asyl|sylum",
    "withholding_of_removal": r"withh?old",
    "cat_protection": r"torture|convention|\bcat\b|deferral",
    "voluntary_departure": r"voluntar",
    "removal_order": r"remov|deport",
    "continuance": r"continu|reset|next hearing|postpone|reschedul",
    "termination": r"terminat|dismiss|administrativ",
    "appeal": r"appeal",
    "interpreter_sworn": r"interpret|swear|affirm|oath",
    "frivolousness_warning": r"frivolous",
}.items()}


@dataclass(frozen=True)
class TagOptions:
    enabled: bool = True  # run the tag stage in `hearingproc process`
    classifier: bool = True  # use the sentence classifier beside the lexicon
    min_probability: float = 0.7  # least label probability for a classifier-only tag
    unknown_role_factor: float = 0.8  # confidence multiplier where the speaker's role is unknown
    merge_gap: int = 2  # restatements at most this many segments apart become one tag
    encoder: str | None = None  # sentence-encoder folder; None: the embedded MiniLM

    def __post_init__(self) -> None:
        if not 0.0 < self.min_probability <= 1.0:
            raise ConfigError(f"tag min_probability must be in (0, 1], got {self.min_probability}")
        if not 0.0 < self.unknown_role_factor <= 1.0:
            raise ConfigError(f"tag unknown_role_factor must be in (0, 1], got "
                              f"{self.unknown_role_factor}")
        if self.merge_gap < 0:
            raise ConfigError(f"tag merge_gap must be >= 0, got {self.merge_gap}")


@dataclass
class Draft:
    """A tag being built: one or more supporting sentences."""

    label: str
    polarity: str | None
    sentences: list[Sentence]
    confidence: float
    sources: list[str]
    attributes: dict[str, Any] = field(default_factory=dict)

    @property
    def first(self) -> int:
        """The first segment id."""
        return self.sentences[0].segments[0]

    @property
    def last(self) -> int:
        return self.sentences[-1].segments[-1]


def allowed(label: str, role: str | None) -> bool:
    """May speech of ``role`` carry a ``label`` tag?"""
    if role in JUDGE_ROLES or role in UNKNOWN_ROLES:
        return True
    return role in COUNSEL_ROLES and label in COUNSEL_LABELS


def _in_scope(label: str, norm: str) -> bool:
    return label in EVENT_LABELS or not (is_question(norm) or is_standard(norm)
                                         or is_reported(norm))


def _attributes(label: str, sentence: Sentence) -> dict[str, Any]:
    return attrs.extract(label, sentence.text)


def _hits(sentence: Sentence, appeal_asked: bool) -> list[Hit]:
    """The lexicon's hits, and counsel's one-word answer to the appeal question."""
    hits = find_hits(sentence.text)
    role = sentence.utterance.role
    if (role in COUNSEL_ROLES or (role in UNKNOWN_ROLES and appeal_asked)) and not any(
            h.label == "appeal" for h in hits):
        answer = bare_appeal_hit(sentence.text)
        hits += [answer] if answer else []
    return hits


def _lexicon_drafts(sentence: Sentence, probs: dict[str, float], appeal_asked: bool) -> list[Draft]:
    from hearingproc.tagging.classifier import class_name

    drafts = []
    norm = normalise(sentence.text)
    for hit in _hits(sentence, appeal_asked):
        if not allowed(hit.label, sentence.utterance.role) or not _in_scope(hit.label, norm):
            continue
        same = probs.get(class_name(hit.label, hit.polarity), 0.0)
        label_p = _label_probability(probs, hit.label)
        confidence = min(0.99, 0.6 + 0.25 * label_p + 0.1 * same)
        source = f"lexicon:{hit.rule}" + ("+classifier" if label_p >= 0.5 else "")
        drafts.append(Draft(hit.label, hit.polarity, [sentence], confidence, [source],
                            _attributes(hit.label, sentence)))
    return drafts


def _label_probability(probs: dict[str, float], label: str) -> float:
    """The classifier's probability of ``label`` whatever its polarity."""
    return sum(p for c, p in probs.items() if c == label or c.startswith(label + "/"))


def _classifier_draft(sentence: Sentence, probs: dict[str, float], taken: set[str],
                      options: TagOptions) -> Draft | None:
    from hearingproc.tagging.classifier import NONE, split_class

    labels = {label for c in probs if (label := split_class(c)[0]) is not None}
    label = max(labels, key=lambda name: _label_probability(probs, name))
    label_p = _label_probability(probs, label)
    if label in taken or label_p < options.min_probability or label_p < probs.get(NONE, 0.0):
        return None
    best = max((c for c in probs if split_class(c)[0] == label), key=probs.__getitem__)
    polarity = split_class(best)[1]
    norm = normalise(sentence.text)
    if not GATES[label].search(norm) or not allowed(label, sentence.utterance.role):
        return None
    if label in APPLICATION_LABELS and NOT_REACHED.search(norm):
        return None  # "I do not reach the Convention Against Torture claim"
    if not _in_scope(label, norm):
        return None
    return Draft(label, polarity, [sentence], 0.85 * label_p, [CLASSIFIER_SOURCE],
                 _attributes(label, sentence))


def _sentence_drafts(sentences: list[Sentence], options: TagOptions) -> list[Draft]:
    probabilities: list[dict[str, float]] = [{} for _ in sentences]
    if options.classifier and sentences:
        from hearingproc.tagging.classifier import load_classifier

        classifier = load_classifier(options.encoder)
        matrix = classifier.probabilities([s.text for s in sentences])
        probabilities = [dict(zip(classifier.classes, map(float, row), strict=True))
                         for row in matrix]
    drafts: list[Draft] = []
    recent: list[str] = []  # the last few sentences, for "was appeal just asked about?"
    for sentence, probs in zip(sentences, probabilities, strict=True):
        mine = _lexicon_drafts(sentence, probs, any(APPEAL_WORD.search(t) for t in recent))
        recent = (recent + [normalise(sentence.text)])[-APPEAL_CONTEXT:]
        extra = (_classifier_draft(sentence, probs, {d.label for d in mine}, options)
                 if probs else None)
        for draft in mine + ([extra] if extra else []):
            if sentence.utterance.role in UNKNOWN_ROLES:
                draft.confidence *= options.unknown_role_factor
            drafts.extend(_split_appeal(draft))
    return drafts


def _split_appeal(draft: Draft) -> list[Draft]:
    """An appeal event per party ("Both sides waive appeal": two tags)."""
    if draft.label != "appeal":
        return [draft]
    sentence = draft.sentences[0]
    parties = attrs.appeal_parties(sentence.text, sentence.utterance.role)
    if len(parties) <= 1:
        draft.attributes["party"] = parties[0] if parties else None
        return [draft]
    return [replace(draft, attributes={**draft.attributes, "party": p},
                    sentences=list(draft.sentences), sources=list(draft.sources))
            for p in parties]


def _compatible(a: Draft, b: Draft) -> bool:
    if a.label != b.label or a.polarity != b.polarity:
        return False
    pa, pb = a.attributes.get("party"), b.attributes.get("party")
    return pa is None or pb is None or pa == pb


def merge(drafts: list[Draft], position: dict[int, int], gap: int) -> list[Draft]:
    """Join each draft into an earlier one of the same finding at most ``gap`` segments
    back (``position``: utterance id -> index in the transcript)."""
    merged: list[Draft] = []
    for draft in drafts:
        here = position[draft.first]
        target = next((m for m in reversed(merged) if _compatible(m, draft)
                       and here - position[m.last] <= gap), None)
        if target is None:
            merged.append(draft)
            continue
        target.sentences.extend(s for s in draft.sentences if s not in target.sentences)
        target.confidence = max(target.confidence, draft.confidence)
        target.sources.extend(s for s in draft.sources if s not in target.sources)
        for key, value in draft.attributes.items():
            if key == "basis":
                basis = target.attributes.get("basis", []) + value
                target.attributes["basis"] = list(dict.fromkeys(basis))
            elif target.attributes.get(key) is None:
                target.attributes[key] = value
    return merged


def _appeal_due(draft: Draft, utterances: list[Utterance], position: dict[int, int],
                gap: int) -> None:
    last, first = position[draft.last], position[draft.first]
    for utterance in utterances[first:last + gap + 1]:
        due = attrs.appeal_due(utterance.text)
        if due and (utterance.role in JUDGE_ROLES or utterance.role in UNKNOWN_ROLES
                    or first <= position[utterance.id] <= last):
            draft.attributes["due"] = due
            return


def _to_tag(number: int, draft: Draft) -> Tag:
    times = [s.span for s in draft.sentences if s.span is not None]
    return Tag(
        id=number, label=draft.label, polarity=draft.polarity,
        start=min(t[0] for t in times) if times else None,
        end=max(t[1] for t in times) if times else None,
        segments=tuple(sorted({i for s in draft.sentences for i in s.segments})),
        quote=" … ".join(dict.fromkeys(s.text for s in draft.sentences)),
        confidence=round(draft.confidence, 3), source="; ".join(draft.sources),
        speaker=draft.sentences[0].utterance.speaker, role=draft.sentences[0].utterance.role,
        attributes={k: v for k, v in draft.attributes.items() if v is not None},
    )


def tag_utterances(utterances: list[Utterance], options: TagOptions = TagOptions()
                   ) -> tuple[list[Tag], list[dict[str, Any]]]:
    """Tags (numbered from 1, in order) and the co-occurrence notes of a transcript."""
    sentences = [s for u in join_run_ons(utterances) for s in sentences_of(u)]
    position = {u.id: i for i, u in enumerate(utterances)}
    drafts = merge(_sentence_drafts(sentences, options), position, options.merge_gap)
    for draft in drafts:
        if draft.label == "appeal":
            _appeal_due(draft, utterances, position, options.merge_gap)
    drafts.sort(key=lambda d: position[d.first])
    tags = [_to_tag(i, d) for i, d in enumerate(drafts, 1)]
    tags, notes = run_checks(tags)
    log.info("tagged %d sentences: %d tags, %d notes", len(sentences), len(tags), len(notes))
    return tags, notes


def tagger_model(options: TagOptions) -> ModelInfo:
    """The classifier as the transcript records it (its training file's sha256)."""
    from hearingproc.tagging.classifier import TRAINING_FILE, load_classifier

    classifier = load_classifier(options.encoder)
    return ModelInfo("tag_classifier", f"softmax regression on {classifier.encoder.info.name}",
                     f"hearingproc/{TRAINING_FILE}", classifier.training_sha256)


def tag_transcript(transcript: Transcript, options: TagOptions = TagOptions()) -> Transcript:
    """The transcript with its ``tags`` (notes of the checks are in the tags' attributes),
    the tagger recorded in its pipeline info."""
    tags, _ = tag_utterances(utterances_of(transcript), options)
    pipeline = transcript.pipeline
    engines = {**pipeline.engines,
               "tagger": "lexicon+classifier" if options.classifier else "lexicon"}
    models = pipeline.models + ((tagger_model(options),) if options.classifier else ())
    return replace(transcript, tags=tuple(tags),
                   pipeline=replace(pipeline, engines=engines, models=models))
