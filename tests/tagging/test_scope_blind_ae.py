"""Fixes read from the misses and false tags of the blind set ae (ae01-ae28, stop 45), developed
against in the same stop, each checked on sentences written for this test, not taken from the
excerpts: the interpreter's oath as a promise or a "will you render ... accurately?"; the
alternate order in plain words ("an order sending you back", "a backup order that removes
you"); "no independent evidence that could carry the claim", "nothing else in the record fills
the gap", "all the corroboration this case requires", "you did not give me enough to back up
your story"; "no hesitation in relying on his testimony", "I don't think you were lying", "You
seemed honest"; nexus in plain words ("punishing her for standing against the regime", "and
that it is why he was threatened"); "the kind of serious harm this law was written for" after
a list set off by commas (a free relative, not a question); "reasonably possible that she
would be detained"; "the law assumes she would face the same again ... nothing that changes
it"; "nothing in her history gives me pause about granting relief"; "It isn't as though ..."
as a negation; "giving you until May 2 to leave ... bond" (departure, not a continuance); "the
application he filed"; "As to torture, ... Denied."; filing "four months later" as a filing
fact; and no finding in "That leaves discretion", "I do not find the application frivolous",
"I don't say that he invented his story"; appeal questions "any further review sought from
your side?", "content with today's decision?", "And respondent's counsel?", and answers
"We'll let it stand", "we'll let the decision become final"."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_answers, _found, _judge, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


@pytest.mark.parametrize("sentence, found", [
    ("Sir, do you promise to interpret completely and faithfully between Tigrinya and English?",
     ("interpreter_sworn", None)),
    ("Will you render every word accurately from English into Dari and back?",
     ("interpreter_sworn", None)),
    ("If you stay past June 1, this becomes an order sending you back to Guatemala.",
     ("removal_order", None)),
    ("If you don't leave in time, there is a backup order that removes you to Haiti.",
     ("removal_order", None)),
    ("There is no independent evidence that could carry the claim, and his brother never "
     "wrote.", ("corroboration", "insufficient")),
    ("The clinic card is real, but nothing else in the record fills the gap about the arrest.",
     ("corroboration", "insufficient")),
    ("Her testimony matched the church letter and the photographs, which is all the "
     "corroboration this case requires.", ("corroboration", "sufficient")),
    ("So I find that you did not give me enough to back up your story.",
     ("corroboration", "insufficient")),
    ("I have no hesitation in relying on her testimony.", ("credibility", "positive")),
    ("I don't think you were lying to me.", ("credibility", "positive")),
    ("You seemed honest to me.", ("credibility", "positive")),
    ("The soldiers were punishing him for standing against the junta.",
     ("nexus", "established")),
    ("Her work for the opposition newspaper reflects a political opinion, and that is why she "
     "was detained.", ("nexus", "established")),
    ("What the militia did to him, the beatings, the mock burial, the threats to his children, "
     "is exactly the kind of serious harm this law was written for.",
     ("past_persecution", "established")),
    ("I think it is reasonably possible that he would be arrested and beaten on return.",
     ("well_founded_fear", "established")),
    ("So the law assumes he would face the same again, and the government showed me nothing "
     "that changes it.", ("well_founded_fear", "established")),
    ("He proved his case, and nothing in his past gives me pause about granting relief.",
     ("discretion", "favorable")),
    ("I'm giving you until May 2 to leave the country, and you must post a $700 bond within "
     "five business days.", ("voluntary_departure", "granted")),
    ("So I will grant the application she filed.", ("asylum", "granted")),
    ("He came in on a student visa in 2021 and filed for asylum five months later.",
     ("one_year_bar", "timely")),
])
def test_finding_in_other_words(sentence, found):
    assert found in _found(_judge(sentence))


@pytest.mark.parametrize("sentence, not_found", [
    ("That leaves discretion, and here the question is close.", ("discretion", "unfavorable")),
    ("That leaves discretion, and here the question is close.", ("discretion", "favorable")),
    ("I do not find the application frivolous.", ("frivolousness_warning", None)),
    ("The gaps do not show that she deliberately fabricated a material element.",
     ("credibility", "adverse")),
    ("I don't say that she invented the whole account.", ("credibility", "positive")),
    ("I'm giving you until May 2 to leave the country, and you must post a $700 bond within "
     "five business days.", ("continuance", None)),
])
def test_no_finding_there(sentence, not_found):
    assert not_found not in _found(_judge(sentence))


def test_it_isnt_as_though_negates_the_private_reason():
    found = _found(_judge("It isn't as though the gang came after her over a debt; they called "
                          "her a traitor to the party."))
    assert ("nexus", "not_established") not in found


def test_the_torture_claim_named_then_denied_in_a_word():
    tags = _tags(("judge", "As to torture, nothing shows an official would take part in harming "
                  "her. Denied."))
    assert ("cat_protection", "denied") in _found(tags)


@pytest.mark.parametrize("question, answer, party", [
    ("Counsel, will there be any further review sought from your side?",
     "No, Judge, we're satisfied.", "respondent_counsel"),
    ("Ms. Lin, is the respondent content with today's decision?", "She is, Judge.",
     "respondent_counsel"),
])
def test_appeal_question_in_other_words(question, answer, party):
    answers = _appeal_answers(("judge", "Asylum is granted."), ("judge", question),
                              (party, answer))
    assert answers == [("waived", "respondent")]


def test_the_other_party_lets_it_stand():
    answers = _appeal_answers(
        ("judge", "Asylum is granted."),
        ("judge", "Does the government accept the decision?"),
        ("dhs_counsel", "We'll let the decision become final."),
        ("judge", "And respondent's counsel?"),
        ("respondent_counsel", "Accepted."))
    assert answers == [("waived", "dhs"), ("waived", "respondent")]
