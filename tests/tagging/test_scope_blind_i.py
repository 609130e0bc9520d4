"""Fixes read from the misses of the blind set i (i01-i28), each checked on sentences written
for this test, not taken from the excerpts: the interpreter's oath answered first in the
other language ("Oui. I do."), and an oath put without a question mark (speech recognition),
both tagged on the question and on the interpreter's answer."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _judge, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


def _oath_segments(tags) -> list[list[int]]:
    return [sorted(t.segments) for t in tags if t.label == "interpreter_sworn"]


def test_an_oath_answered_first_in_the_other_language_takes_the_answer():
    tags = _tags(("judge", "Sir, do you swear or affirm that you will interpret accurately and "
                           "completely from English to French and from French to English?"),
                 ("interpreter", "Oui. I do."),
                 ("judge", "Thank you, be seated."))
    assert _oath_segments(tags) == [[1, 2]]


def test_a_long_sentence_in_the_other_language_does_not_hold_the_oath_open():
    tags = _tags(("judge", "Do you swear to interpret truly from English into Wolof and back?"),
                 ("interpreter", "Maa ngi lay laaj nga wax ma lu xew. I do not follow."),
                 ("judge", "Let me repeat the oath."))
    assert _oath_segments(tags) == [[1]]


def test_an_oath_put_without_a_question_mark_takes_the_answer():
    tags = _tags(("judge", "okay madam interpreter raise your right hand do you swear you will "
                           "translate accurately from english to pashto and pashto to english"),
                 ("interpreter", "yes i will"),
                 ("judge", "thank you"))
    assert _oath_segments(tags) == [[1, 2]]


# The rest of the round on i (misses and false tags read by kind), each on sentences written
# here: a hearing named "continued" and an interpreter sworn before, the court's earlier
# decision recalled, the law stated, a concession beside the finding, negation said to the
# respondent, findings in other words, speech recognition's split words, an ordinal after a
# connective, and counsel answering a decision after an advisal the respondent acknowledged.

@pytest.mark.parametrize("sentence, label", [
    ("This is a continued merits hearing for the respondent.", "continuance"),
    ("The Arabic interpreter was previously sworn for today's calendar.", "interpreter_sworn"),
    ("In my decision of May 2023 I denied withholding, finding her testimony vague.",
     "withholding_of_removal"),
    ("In my decision of May 2023 I denied withholding, finding her testimony vague.",
     "credibility"),
    ("Ma'am, I must give you a warning about your asylum application.", "asylum"),
    ("Asylum protects people who are hurt because of their religion or their politics.",
     "nexus"),
    ("Extraordinary circumstances include a serious illness during the year after arrival.",
     "one_year_bar"),
    ("He testified in sufficient detail about the night of the raid.", "corroboration"),
])
def test_no_finding_is_read_where_none_is_made(sentence, label):
    assert label not in {t.label for t in _judge(sentence)}


@pytest.mark.parametrize("sentence, found", [
    ("You did not show me that the men who came to your farm and burned the barn did it "
     "because of your religion.",
     ("nexus", "not_established")),
    ("Although some of his answers about the timeline were vague, he was forthright, and I "
     "find him credible.",
     ("credibility", "positive")),
    ("I find that corroboration of his employment and of the later threats is required.",
     ("corroboration", "required")),
    ("The documentary corroboration in this record is adequate.",
     ("corroboration", "sufficient")),
    ("With the clinic record and your sister's letter, you have given me enough evidence.",
     ("corroboration", "sufficient")),
    ("the court finds that the corroboration he offered is in sufficient",
     ("corroboration", "insufficient")),
    ("You were a child in Lima then, so you did not suffer persecution yourself.",
     ("past_persecution", "not_established")),
    ("She has therefore shown that she is eligible for withholding.",
     ("burden_of_proof", "met")),
    ("The letters are not enough to cure the gaps in her account or to meet her burden.",
     ("burden_of_proof", "not_met")),
    ("the a sigh lum claim is denied", ("asylum", "denied")),
])
def test_a_finding_in_other_words_takes_its_polarity(sentence, found):
    label, polarity = found
    assert {t.polarity for t in _judge(sentence) if t.label == label} == {polarity}


def test_an_ordinal_after_a_connective_takes_the_listed_application():
    tags = _judge("She applies for asylum, for withholding of removal and for protection under "
                  "the Convention Against Torture.",
                  "She has shown a clear probability of persecution.",
                  "Accordingly, the second application is granted.")
    ruled = [t for t in tags if t.label == "withholding_of_removal"]
    assert [(t.polarity, 3 in t.segments) for t in ruled] == [("granted", True)]


def test_counsel_answers_the_decision_after_an_advisal_the_respondent_acknowledged():
    tags = _tags(("judge", "Protection under the Convention Against Torture is granted as "
                           "deferral of removal."),
                 ("judge", "Sir, do you understand that deferral can be ended if conditions "
                           "in your country change?"),
                 ("applicant", "Waan fahmay."),
                 ("interpreter", "I understand."),
                 ("judge", "Counsel?"),
                 ("respondent_counsel", "We won't be challenging it, Judge."))
    answers = [(t.polarity, t.attributes.get("party")) for t in tags if t.label == "appeal"]
    assert answers == [("waived", "respondent")]
