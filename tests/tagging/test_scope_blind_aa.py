"""Fixes read from the misses and false tags of the blind set aa (aa01-aa28, stop 43),
developed against in stop 44, each checked on sentences written for this test, not taken from
the excerpts: corroboration in other words (papers "from" a witness not provided, the
explanation for their absence rejected, the statement the court "would have expected", papers
that "back it up"); a fear judged "not objectively well founded", or left to rest on its
presumption ("the Department hasn't rebutted it", "has shown neither a fundamental change");
the ground denied ("no protected ground was, or would be, one central reason"; "on account of
his age, not his views"); the bench's "VD"; "a silem" for asylum; a filing "so you were in
time"; rulings carried over ("So are her requests for ...", "It meets the same end.", "I'll
allow it."); an argument rejected ("I reject it") that rules on nothing; "He testified
through the interpreter, and ..." reporting nothing; the person found "forthright"; the
court's own question answered at once; what the respondent fears, stated, no finding; and
appeal questions and answers ("what's your client's position?", "I take it no one is
appealing", "And for DHS?", a question run on without its "?", part of a decision accepted
and the rest reserved, an order "not final while the appeal is pending")."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_answers, _found, _judge

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


@pytest.mark.parametrize("sentence, found", [
    ("She submitted no statement from her neighbour, who saw the soldiers take her.",
     ("corroboration", "insufficient")),
    ("Her explanation for not producing the clinic records was unpersuasive.",
     ("corroboration", "insufficient")),
    ("I would have expected a letter from the pastor who baptised him.",
     ("corroboration", "insufficient")),
    ("the union card and the hospital record back it up", ("corroboration", "sufficient")),
    ("Her fear is sincere, but it is not objectively well founded.",
     ("well_founded_fear", "not_established")),
    ("there's a presumption of a well founded fear and the government hasn't rebutted it",
     ("well_founded_fear", "established")),
    ("The Department has shown neither a fundamental change in Eritrea nor a safe place for "
     "him to go.", ("well_founded_fear", "established")),
    ("I find that no protected ground was, or ever would be, a central reason for the threats.",
     ("nexus", "not_established")),
    ("The beating was on account of the debt he owed, not his faith or his politics.",
     ("nexus", "not_established")),
    ("VD granted, sixty days, bond of five hundred dollars.", ("voluntary_departure", "granted")),
    ("so i will grant a silem today", ("asylum", "granted")),
    ("You sent in your papers seven months after you came, so you were in time.",
     ("one_year_bar", "timely")),
    ("She testified through the Tigrinya interpreter, and I have no reason to doubt what she "
     "told me.", ("credibility", "positive")),
    ("She was forthright even when the answer did not help her.", ("credibility", "positive")),
])
def test_finding_in_other_words(sentence, found):
    assert found in _found(_judge(sentence))


@pytest.mark.parametrize("sentence, not_found", [
    ("with nothing from the clinic or anyone else to back it up he has not met his burden",
     ("corroboration", "sufficient")),
    ("Her fear is that the militia will conscript her brother and come for her next.",
     ("well_founded_fear", "established")),
    ("The beating was on account of the debt he owed, not his faith or his politics.",
     ("nexus", "established")),
    ("Nothing shows the police would torture him or allow it.", ("cat_protection", "granted")),
])
def test_no_wrong_finding(sentence, not_found):
    assert not_found not in _found(_judge(sentence))


def test_rulings_carried_over_and_an_argument_rejected():
    found = _found(_judge("Her asylum application is denied.",
                          "So are her requests for withholding and for protection under the "
                          "Torture Convention, since each asks for more."))
    assert {("withholding_of_removal", "denied"), ("cat_protection", "denied")} <= found
    third = _found(_judge("She seeks asylum, withholding and protection under the Convention "
                          "Against Torture.",
                          "Asylum is denied.",
                          "As for the third, the record shows no official who would harm her.",
                          "It meets the same end."))
    assert ("cat_protection", "denied") in third
    allowed = _found(_judge("She also asked for voluntary departure in the alternative.",
                            "She has a passport and a ticket. I'll allow it."))
    assert ("voluntary_departure", "granted") in allowed
    argued = _found(_judge("She applied for asylum last spring.",
                           "The Department says she is firmly resettled in Brazil. I have "
                           "weighed that argument and I reject it."))
    assert ("asylum", "denied") not in argued


def test_the_courts_own_question_answered():
    assert ("credibility", "positive") in _found(_judge("Was he truthful? I believe he was."))
    assert ("burden_of_proof", "not_met") in _found(_judge("Did she meet her burden? She did "
                                                           "not."))


def test_appeal_questions_and_answers():
    assert _appeal_answers(
        ("judge", "He is ordered removed to Peru."),
        ("judge", "Counsel, what's your client's position?"),
        ("respondent_counsel", "We'll be filing with the Board."),
    ) == [("reserved", "respondent")]
    assert _appeal_answers(
        ("judge", "The case is dismissed."),
        ("judge", "I take it nobody is appealing."),
        ("respondent_counsel", "That's right."),
        ("dhs_counsel", "Nor the Department."),
    ) == [("waived", "respondent"), ("waived", "dhs")]
    assert _appeal_answers(
        ("judge", "Counsel, is this accepted, or will there be an appeal?"),
        ("respondent_counsel", "Reserved."),
        ("judge", "And for DHS?"),
        ("dhs_counsel", "The Department accepts the decision."),
    ) == [("reserved", "respondent"), ("waived", "dhs")]
    assert _appeal_answers(
        ("judge", "okay sir uh do you want to accept this or reserve appeal"),
        ("interpreter", "i accept it"),
    ) == [("waived", "respondent")]
    assert _appeal_answers(
        ("judge", "Does the respondent accept or reserve?"),
        ("respondent_counsel", "We accept the grant of deferral but reserve on asylum."),
    ) == [("reserved", "respondent")]
    assert _appeal_answers(("judge", "the order is not final while the appeal is pending")) == []
