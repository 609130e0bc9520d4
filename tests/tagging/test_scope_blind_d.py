"""Fixes read from the misses and false tags of the blind set d (d01-d28, stop 39), developed
against in stop 42, each checked on sentences written for this test, not taken from the
excerpts: negators whose apostrophe speech recognition dropped ("i cant grant asylum", "i dont
believe your account") and "nobody"; a question left to the parties' briefs; findings in other
words (corroboration that "falls well short", "carried what the law asks", a fear "not well
founded" several words after it, "has not suffered harm", a tie "connected to any protected
ground" under "I am not satisfied that", an account the court is "unable to accept", "serious
reservations about" the testimony, testimony that "standing alone, did not persuade me", "no
quarrel with her honesty", testimony found "careful and consistent", "I'm resetting this",
"nothing further on that score", "no need for anything further"); and appeal questions and
answers without the word (a decision to "challenge", "is the Department satisfied?", "another
court", a question whose "?" speech recognition lost, "Nor the Department.")."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_answers, _found, _judge

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


@pytest.mark.parametrize("sentence, found", [
    ("The supporting documentation falls well short.", ("corroboration", "insufficient")),
    ("she has carried what the law asks her to carry", ("burden_of_proof", "met")),
    ("Whatever fear she has of going back is not well founded on this record.",
     ("well_founded_fear", "not_established")),
    ("thats not a reason the law protects so i cant grant asylum", ("asylum", "denied")),
    ("i have to be frank with you i dont believe your account", ("credibility", "adverse")),
    ("She has not suffered harm in Peru; she left before any of this began.",
     ("past_persecution", "not_established")),
    ("I am not satisfied that a quarrel over a shop lease is connected to any protected ground.",
     ("nexus", "not_established")),
    ("On balance I am unable to accept her account of the detentions as believable.",
     ("credibility", "adverse")),
    ("I have serious reservations about the applicant's testimony.", ("credibility", "adverse")),
    ("Her testimony, standing alone, did not persuade me that the raids happened as she says.",
     ("credibility", "adverse")),
    ("I have no quarrel with her honesty.", ("credibility", "positive")),
    ("I found the applicant's testimony careful and consistent with her declaration.",
     ("credibility", "positive")),
    ("I'm resetting this to an in-person interpreter.", ("continuance", None)),
    ("The letter from the union secretary confirms the arrests, and I need nothing further on "
     "that score.", ("corroboration", "sufficient")),
    ("Her hospital card and her brother's statement match what she told us, and I see no need "
     "for anything further to support her account.", ("corroboration", "sufficient")),
])
def test_finding_in_other_words(sentence, found):
    assert found in _found(_judge(sentence))


@pytest.mark.parametrize("sentence, not_found", [
    ("thats not a reason the law protects so i cant grant asylum", ("asylum", "granted")),
    ("On balance I am unable to accept her account of the detentions as believable.",
     ("credibility", "positive")),
    ("I am not satisfied that a quarrel over a shop lease is connected to any protected ground.",
     ("nexus", "established")),
    ("Sir, I believe you are afraid, but fear of crime is not enough.",
     ("credibility", "positive")),
    ("I want written briefs on whether the loss of her license and the travel ban amount to "
     "persecution.", ("past_persecution", "established")),
])
def test_no_wrong_finding(sentence, not_found):
    assert not_found not in _found(_judge(sentence))


def test_nobody_appealing_is_no_reservation():
    found = _found(_judge("Since both of you accept it, nobody is appealing and the decision "
                          "is final."))
    assert ("appeal", "reserved") not in found


def test_a_challenge_declined_by_both_sides():
    assert _appeal_answers(
        ("judge", "The motion is granted and these proceedings are dismissed."),
        ("judge", "Does either side intend to challenge that?"),
        ("respondent_counsel", "No, Your Honor."),
        ("dhs_counsel", "Nor the Department.")) == [("waived", "respondent"), ("waived", "dhs")]


def test_is_the_department_satisfied():
    assert _appeal_answers(
        ("judge", "I will grant her application."),
        ("judge", "Mr. Ruiz, is the Department satisfied?"),
        ("dhs_counsel", "We are, Judge. We'll treat this as final."),
        ("judge", "And Ms. Kim?"),
        ("respondent_counsel", "Final for the respondent.")) == [("waived", "dhs"),
                                                                 ("waived", "respondent")]


def test_another_court_asked_for():
    assert _appeal_answers(
        ("judge", "Do you want another court to review my decision, or is this the end of it?"),
        ("interpreter", "I want another court to look at it."),
        ("judge", "And Mr. Berg?"),
        ("dhs_counsel", "The Department is content with the decision.")) == [
            ("reserved", "respondent"), ("waived", "dhs")]


def test_a_question_run_on_without_its_question_mark():
    assert _appeal_answers(
        ("judge", "you can appeal to the board you have thirty days do you want to do that or "
                  "accept my decision"),
        ("interpreter", "i won't accept it i will uh appeal")) == [("reserved", "respondent")]
