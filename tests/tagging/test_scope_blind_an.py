"""Fixes read from the misses of the set an (an01-an28, written blind at the start of stop 49
and scored before this round), developed against in the same stop, each checked on sentences
written for this test, not taken from the excerpts.

Appeal answers: the judge recording one party's answer after the other party has answered
("Reserve." - "Department?" - "Waived." - "Appeal is reserved for the respondent.") is that
answer, not a second one, where both name the same party (a record that names none joins only
at the usual distance); the other side echoing an answer to a question put to the first ("The
Department will not be appealing." - "Nor will we."); "we're going to take this up, Your
Honor"; the question put in the turn that rules ("Withholding is granted. Counsel, your
position?"). Scope: the law asked of anyone, said to the respondent ("the law usually requires
you to apply within one year") is no finding; "it does not persuade me that she was untruthful"
negates what follows; "presumed to have a well-founded fear, and the burden shifts" finds
nothing yet.
Findings in other words: "as a matter of discretion I see no reason to deny it",
"less deserving of an unfavorable exercise of discretion"; papers "enough to establish" what
they show; "within her first year here", an application that "came in within a year",
"timeliness is not in question"; a fear "therefore not well founded"; "far from rebutting the
presumption", nothing offered "to rebut that"; the harm "over his political views", "because
of where his loyalties lay"; "more than enough harm to qualify"; asylum named by its section
("section 208"); "I accepted her account", "credibility is not the issue"."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_tags, _found, _judge, _labelled

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


# --- appeal answers -----------------------------------------------------------------------


def test_the_record_after_the_other_party_answered_is_the_same_answer():
    assert _appeal_tags(("judge", "Asylum is denied. Counsel, do you reserve or waive?"),
                        ("respondent_counsel", "We reserve, Judge."),
                        ("judge", "And the government?"),
                        ("dhs_counsel", "Waive."),
                        ("judge", "Appeal is reserved on the respondent's side; the Board "
                                  "must receive the notice within thirty days.")) == [
        ("reserved", "respondent", (2, 5)), ("waived", "dhs", (4,))]


def test_a_record_that_names_no_party_stays_apart_from_a_later_answer():
    tags = _appeal_tags(("judge", "You waived your appeal when you took voluntary departure."),
                        ("interpreter", "I understand."),
                        ("judge", "Government, you also waive?"),
                        ("dhs_counsel", "Yes, we waive."))
    assert tags == [("waived", None, (1,)), ("waived", "dhs", (4,))]


def test_the_other_side_echoes_an_answer_to_a_question_put_to_the_first():
    assert _appeal_tags(("judge", "Withholding is granted. Ms. Ortiz for the Department, your "
                                  "position?"),
                        ("dhs_counsel", "We will not be appealing, Judge."),
                        ("respondent_counsel", "Nor will we.")) == [
        ("waived", "dhs", (2,)), ("waived", "respondent", (2, 3))]


def test_going_to_take_this_up_with_an_address():
    assert _appeal_tags(("judge", "Asylum is granted. Is the Department content with that?"),
                        ("dhs_counsel", "We're going to take this up, Your Honor.")) == [
        ("reserved", "dhs", (1, 2))]


# --- scope --------------------------------------------------------------------------------


def test_the_law_asked_of_anyone_is_no_finding():
    assert "one_year_bar" not in {t.label for t in _judge(
        "If you want asylum, the law usually requires you to apply within one year of "
        "arriving, and you came last May, so do not wait.")}


def test_not_persuaded_that_she_was_untruthful():
    assert _found(_judge("The gap in the dates is small, and it does not persuade me that she "
                         "was untruthful.")) == {("credibility", "positive")}


def test_the_presumption_that_arises_is_not_yet_weighed():
    assert "well_founded_fear" not in {t.label for t in _judge(
        "He is therefore presumed to have a well-founded fear, and the burden moves to the "
        "government.")}


# --- findings in other words --------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "As a matter of discretion, I see no reason to deny it.",
    "I have rarely seen a record less deserving of an adverse exercise of discretion.",
])
def test_discretion_in_other_words(sentence):
    assert ("discretion", "favorable") in _found(_judge(sentence))


@pytest.mark.parametrize("sentence, polarity", [
    ("The membership card and the party's emails are enough to establish his role.",
     "sufficient"),
    ("The membership card and the party's emails are not enough to establish his role.",
     "insufficient"),
])
def test_papers_enough_to_establish(sentence, polarity):
    assert _labelled(_judge(sentence), "corroboration") == [(polarity, (1,))]


@pytest.mark.parametrize("sentence", [
    "She applied within her first year here.",
    "Nobody disputes that her application came in within a year of her entry.",
    "She arrived in March, and timeliness is not in dispute.",
])
def test_timely_in_other_words(sentence):
    assert ("one_year_bar", "timely") in _found(_judge(sentence))


def test_a_fear_therefore_not_well_founded():
    assert _labelled(_judge("He could live safely in the capital; his fear of return is "
                            "therefore not well founded."), "well_founded_fear") == [
        ("not_established", (1,))]


@pytest.mark.parametrize("sentence", [
    "Far from rebutting the presumption, the government's own report describes new arrests.",
    "The Department offered nothing to rebut that.",
])
def test_the_presumption_left_standing(sentence):
    assert ("well_founded_fear", "established") in _found(_judge(sentence))


@pytest.mark.parametrize("sentence", [
    "His captors' questions show the detention was over his political views.",
    "The gendarmes told him he would rot, and they did this because of where his loyalties lay.",
])
def test_the_ground_in_plain_words(sentence):
    assert ("nexus", "established") in _found(_judge(sentence))


@pytest.mark.parametrize("sentence, polarity", [
    ("Four days of beatings in a police cell is more than enough harm to qualify.",
     "established"),
    ("A single slap at a checkpoint is not enough harm to qualify.", "not_established"),
])
def test_enough_harm_to_qualify(sentence, polarity):
    assert _labelled(_judge(sentence), "past_persecution") == [(polarity, (1,))]


def test_asylum_named_by_its_section():
    assert ("asylum", "granted") in _found(_judge(
        "I will give her the protection she asked for under section 208."))


@pytest.mark.parametrize("sentence", [
    "Let me be clear that I accepted her account.",
    "Her answers never changed, and credibility is not the issue here.",
])
def test_credibility_in_other_words(sentence):
    assert _found(_judge(sentence)) == {("credibility", "positive")}
