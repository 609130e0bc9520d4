"""Fixes read from the misses of the set ay (ay01-ay28, written blind in stop 53 and scored
before the rounds on aw and ax), developed against later in stop 53, each checked on sentences
written for this test, not taken from the excerpts.

Scope: "Counsel, where does everybody stand?" asks about appeal; the respondent saying unasked,
right after the decision, what he will do about it ("I want to take it to other judges")
opens the question for his counsel's answer too; the interpreter "already been sworn" is no
oath now; a continuance weighed and rejected, or the day's hearing adjourned with no date, is
no continuance; the Lozada requirements are no corroboration of the claim; "a clear
probability of persecution" is no finding on past harm; the court's options ("I can order
you deported, or I can let you leave on your own") grant nothing; a party's argument named as
a noun ("the Department's argument, which is that ...") is reported.
Findings in other words: "he was not harmed himself"; "In the exercise of discretion I
decline to grant"; "the link between the threats and his religion is missing"; "otherwise he
is to be removed to Mali"; "an expression of political opinion"; "I'm going to need them: ...
a letter from your mother"; papers that "do not corroborate the core of his claim", and
corroboration "missing"."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_tags, _found, _judge, _labelled, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


# --- scope ----------------------------------------------------------------------------------


def test_where_does_everybody_stand_asks_about_appeal():
    tags = _appeal_tags(
        ("judge", "Withholding of removal is granted."),
        ("judge", "Counsel, where does everyone stand?"),
        ("respondent_counsel", "We are content with the decision, Judge."),
        ("dhs_counsel", "The Department would like the Board to look at it."))
    assert [(p, party) for p, party, _ in tags] == [("waived", "respondent"),
                                                    ("reserved", "dhs")]


def test_the_respondent_unasked_after_the_decision_opens_the_question():
    tags = _appeal_tags(
        ("judge", "Your application for asylum is denied, and you are ordered removed to "
                  "Guinea."),
        ("judge", "Ms. Bah, do you understand my decision?"),
        ("interpreter", "Yes, I understand. But I want to take it to a higher court."),
        ("respondent_counsel", "Then we'll take it up, Your Honor."),
        ("judge", "Noted. Ms. Reyes?"),
        ("dhs_counsel", "We're content, Judge."))
    assert [(p, party) for p, party, _ in tags] == [("reserved", "respondent"),
                                                    ("waived", "dhs")]


def test_an_interpreter_already_sworn_is_no_oath_now():
    assert not _labelled(_judge("Ms. Noor is present, and the Somali interpreter has already "
                                "been sworn."), "interpreter_sworn")


def test_a_continuance_weighed_and_rejected_or_the_day_closed_is_no_continuance():
    assert not _judge("Continuing this case for another six months only to reset it again "
                      "makes little sense.")
    assert not _judge("Good. We'll see you then. This hearing is adjourned.")
    assert _labelled(_judge("This hearing is adjourned to March 3rd."),
                     "continuance") == [(None, (1,))]


def test_the_lozada_requirements_are_no_corroboration():
    tags = _judge("She has not met the Lozada requirements: there is no bar complaint, no "
                  "affidavit and nothing from the prior attorney.")
    assert not _labelled(tags, "corroboration")


def test_a_clear_probability_is_no_finding_on_past_harm():
    tags = _judge("I cannot say that she has shown a clear probability of persecution.")
    assert not _labelled(tags, "past_persecution")


def test_the_courts_options_grant_nothing():
    tags = _judge("I can do one of two things. I can order you removed, or I can let you "
                  "leave on your own, which is called voluntary departure.")
    assert not _labelled(tags, "voluntary_departure")


def test_an_argument_named_as_a_noun_is_reported():
    tags = _judge("I turn to the Department's chief argument, which is that her account is "
                  "too vague to be believed.")
    assert not _labelled(tags, "credibility")


# --- findings in other words ----------------------------------------------------------------


def test_not_harmed_himself():
    tags = _judge("She was only a child when her brother was shot, she was not hurt herself, "
                  "and nothing shows the militia looks for the siblings.")
    assert _labelled(tags, "past_persecution") == [("not_established", (1,))]


def test_discretion_named_then_the_grant_declined():
    tags = _judge("In the exercise of discretion I decline to grant voluntary departure.")
    assert _labelled(tags, "discretion") == [("unfavorable", (1,))]
    assert _labelled(tags, "voluntary_departure") == [("denied", (1,))]


def test_the_link_said_to_be_missing():
    tags = _judge("The connection between the extortion and her ethnicity is simply missing.")
    assert _labelled(tags, "nexus") == [("not_established", (1,))]


def test_the_alternate_order_in_its_own_words():
    tags = _judge("She must leave by June 30 and post the bond within five business days; "
                  "otherwise she is to be removed to Senegal.")
    assert _labelled(tags, "removal_order") == [(None, (1,))]


def test_an_expression_of_political_opinion():
    tags = _judge("Reporting on police abuses is an expression of political opinion, and the "
                  "officers who threatened him were answering exactly that.")
    assert _labelled(tags, "nexus") == [("established", (1,))]


def test_papers_the_court_will_need():
    tags = _judge("I'm going to need them: the police report, the clinic record, and a letter "
                  "from your aunt about what happened.")
    assert _labelled(tags, "corroboration") == [("required", (1,))]


def test_papers_that_do_not_bear_out_the_claim():
    tags = _judge("What she has filed does not corroborate the heart of her claim, and the "
                  "missing records were reasonably available.")
    assert _labelled(tags, "corroboration") == [("insufficient", (1,))]
    tags = _judge("Even apart from credibility, corroboration she could reasonably have "
                  "obtained is missing.")
    assert _labelled(tags, "corroboration") == [("insufficient", (1,))]
    assert ("corroboration", "required") not in _found(_tags(
        ("judge", "The letters he filed do not support his account.")))
