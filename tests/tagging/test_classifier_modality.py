"""The sentence classifier cannot read modality: a general statement of what testimony "may
need" is the law, not the judge requiring corroboration of this respondent, so the classifier
alone does not tag it (the lexicon decides such sentences)."""

from __future__ import annotations

from hearingproc.stages.tag import TagOptions, _classifier_draft
from hearingproc.tagging.classifier import NONE, class_name
from hearingproc.tagging.sentences import Utterance, sentences_of


def _draft(text: str, label: str, polarity: str | None, p: float = 0.9):
    sentence = sentences_of(Utterance(1, text, "judge", speaker="judge"))[0]
    probs = {class_name(label, polarity): p, NONE: 1.0 - p}
    return _classifier_draft(sentence, probs, set(), TagOptions())


def test_what_testimony_may_need_is_no_requirement():
    assert _draft("Sincere testimony may need some corroborating evidence.",
                  "corroboration", "required") is None
    assert _draft("An honest account may require documents in support.",
                  "corroboration", "required") is None
    # the judge requiring it of this respondent is still read
    draft = _draft("I need corroborating evidence of the arrest from the respondent.",
                   "corroboration", "required")
    assert draft is not None and (draft.label, draft.polarity) == ("corroboration", "required")
