"""Fixes read from the misses and false tags of the blind set f (f01-f28, stop 39), each
checked on sentences written for this test, not taken from the excerpts: a negation inside an
opening "because"/"since" clause that stops where the main clause begins, a burden not carried
"of showing either X or Y", findings in other words ("persecution on any view", "falls short",
"nothing rebuts the presumption", "permitted to stay as an asylee", "what more she could have
produced", an opinion the persecutors imputed), negated need after "think", a refusal to
withhold discretion, a ruling by reference on "the outcome is no different", an oath promised
for another day, a presumption that arises but is not yet weighed, the judge recounting the
testimony, and appeal answers (to "what does the government want to do?", "taking it any
further", speech recognition's "waves", an interpreter's "understood")."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _judge, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


@pytest.mark.parametrize("sentence, found", [
    # a negation in the opening reason clause stops at its comma
    ("Since she has not shown that the soldiers singled her out for her faith, she has not "
     "carried her burden, and asylum is denied.", ("burden_of_proof", "not_met")),
    ("Because he has not established that the threats were about his union work, he has not "
     "met his burden.", ("burden_of_proof", "not_met")),
    # the burden of showing either of two things, neither shown
    ("She has not carried her burden of showing either past harm rising to persecution or a "
     "well-founded fear of it.", ("well_founded_fear", "not_established")),
    # findings in other words
    ("What the militia did to him over those three weeks was persecution on any view.",
     ("past_persecution", "established")),
    ("What was done to him in that cell was persecution.", ("past_persecution", "established")),
    ("And it was done because the army and its informers saw him as an opponent.",
     ("nexus", "established")),
    ("The documentary support falls short.", ("corroboration", "insufficient")),
    ("Nothing in this record rebuts the presumption that she would be targeted again.",
     ("well_founded_fear", "established")),
    ("The Department has not rebutted the presumption that he would be harmed on return.",
     ("well_founded_fear", "established")),
    ("He will be permitted to stay in the United States as an asylee.", ("asylum", "granted")),
    ("I cannot see what more she could reasonably have produced.",
     ("corroboration", "sufficient")),
    ("The two affidavits and the hospital record are the corroboration one would look for, "
     "and they are enough.", ("corroboration", "sufficient")),
    ("I cannot say that anything she told me gave me reason to disbelieve her.",
     ("credibility", "positive")),
    # negated need with a verb of thinking before it
    ("Nor do I think further documents were required; what she filed is what one would "
     "expect.", ("corroboration", "sufficient")),
    ("I do not think more corroboration was needed here.", ("corroboration", "sufficient")),
    # a refusal to withhold the favorable exercise
    ("I see no reason to withhold a favorable exercise of discretion.",
     ("discretion", "favorable")),
])
def test_a_finding_in_other_words_takes_its_polarity(sentence, found):
    label, polarity = found
    assert {t.polarity for t in _judge(sentence) if t.label == label} == {polarity}


def test_a_claim_whose_result_is_no_different_is_denied():
    tags = _judge("The asylum application is therefore denied.",
                  "As to withholding, with its higher standard, the outcome is no different.")
    assert [(t.polarity, 2 in t.segments) for t in tags
            if t.label == "withholding_of_removal"] == [("denied", True)]


@pytest.mark.parametrize("sentence, label", [
    # an oath promised for another day administers none
    ("If a relay is needed, we will swear the second interpreter at the next hearing.",
     "interpreter_sworn"),
    # the presumption arises; whether it is rebutted is still to be decided
    ("That gives her a presumption of a well-founded fear, and the question is whether the "
     "Department has overcome it.", "well_founded_fear"),
    # the judge recounting the testimony rules on nothing
    ("He described two visits by men from the gang who demanded a monthly fee from his "
     "taxi.", "nexus"),
])
def test_no_finding_is_read_where_none_is_made(sentence, label):
    assert label not in {t.label for t in _judge(sentence)}


def test_what_a_party_wants_to_do_after_the_decision_asks_about_appeal():
    tags = _tags(("judge", "She will be permitted to stay in the United States as an asylee."),
                 ("judge", "Ms. Park, what does the government want to do?"),
                 ("dhs_counsel", "We won't be taking it any further, Judge."),
                 ("judge", "And his lawyer?"),
                 ("respondent_counsel", "We're content with the decision."))
    assert sorted((t.polarity, t.attributes.get("party")) for t in tags
                  if t.label == "appeal") == [("waived", "dhs"), ("waived", "respondent")]


def test_speech_recognition_waves_is_a_waiver():
    tags = _tags(("judge", "the asylum application is denied"),
                 ("judge", "does the respondent want to appeal"),
                 ("respondent_counsel", "no we waive"),
                 ("judge", "and the department"),
                 ("dhs_counsel", "department waves too"))
    assert sorted((t.polarity, t.attributes.get("party")) for t in tags
                  if t.label == "appeal") == [("waived", "dhs"), ("waived", "respondent")]


def test_an_interpreter_saying_understood_answers_no_appeal_question():
    tags = _tags(("judge", "Appeal, Ms. Ruiz?"),
                 ("respondent_counsel", "Reserved, Judge."),
                 ("judge", "Sir, do you understand that your lawyer has reserved appeal?"),
                 ("interpreter", "Yes, I understood."))
    assert [(t.polarity, t.attributes.get("party")) for t in tags if t.label == "appeal"] == [
        ("reserved", "respondent")]
