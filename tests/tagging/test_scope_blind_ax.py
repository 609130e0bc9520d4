"""Fixes read from the misses of the set ax (ax01-ax28, written blind in stop 53 and scored
before the round on aw), developed against later in stop 53, each checked on sentences written
for this test, not taken from the excerpts.

Scope: "is the Department content to leave it there?" asks about appeal; "Mr. Sandhu, on behalf
of your client?" right after the decision asks the party's answer ("We'll be filing with the
Board"); the papers asked for at an earlier hearing, recalled, require nothing now; "nothing
credible in this record" weighs evidence, not the witness; a reason that opens the sentence
("Since nothing before me suggests ..., his claim under the Convention is denied") keeps its
operator out of the ruling, and what the record does not suggest is no party's report; "Nor is
it the case that the record lacks support" and "no reason for me not to grant" are double
negations; speech recognition's "i wont reach withholding" leaves it undecided.
Findings in other words: harm "tied squarely to his opposition"; "because they thought you
were against the Ortega government"; "the government lawyer did not show me anything that says
the danger is gone"; "you win your asylum case"; "I find her credible and the corroboration
more than adequate"; "the record lacks support"."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_tags, _found, _judge, _labelled, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


# --- scope ----------------------------------------------------------------------------------


def test_content_to_leave_it_there_asks_about_appeal():
    tags = _appeal_tags(
        ("judge", "Withholding of removal is granted."),
        ("judge", "Ms. Ortiz, is the government content to leave it there?"),
        ("dhs_counsel", "We'll let that stand, Your Honor."))
    assert [(p, party) for p, party, _ in tags] == [("waived", "dhs")]


def test_a_party_asked_by_name_alone_after_the_decision_answers_about_appeal():
    tags = _appeal_tags(
        ("judge", "Asylum and withholding are denied, and she is ordered removed to Peru."),
        ("judge", "Ms. Vega, on behalf of your client?"),
        ("respondent_counsel", "We will be filing with the Board, Your Honor."))
    assert [(p, party) for p, party, _ in tags] == [("reserved", "respondent")]


def test_papers_asked_for_at_an_earlier_hearing_recalled_require_nothing_now():
    tags = _judge("At the previous hearing I told her I expected a statement from her cousin "
                  "and the clinic's records. None of it has been filed, and her explanation "
                  "does not persuade me.")
    assert ("corroboration", "required") not in _found(tags)


def test_nothing_credible_in_the_record_is_no_credibility_finding():
    assert not _labelled(_judge("Nothing credible before me shows that any official would "
                                "torture him."), "credibility")


def test_a_reason_that_opens_the_sentence_keeps_its_operator_from_the_ruling():
    tags = _judge("Since nothing before me suggests that any official would torture him, his "
                  "claim under the Convention is denied as well.")
    assert _labelled(tags, "cat_protection") == [("denied", (1,))]
    tags = _judge("Because she has not shown that anyone in authority would torture her, her "
                  "request under the Convention is also denied.")
    assert _labelled(tags, "cat_protection") == [("denied", (1,))]


def test_support_said_not_to_be_lacking_is_double_negation():
    tags = _judge("It is not true that her story lacks corroboration.")
    assert _labelled(tags, "corroboration") == [("sufficient", (1,))]
    tags = _judge("Her account lacks any independent support.")
    assert _labelled(tags, "corroboration") == [("insufficient", (1,))]


def test_no_reason_not_to_grant_is_favourable():
    tags = _judge("I see no reason not to grant her asylum as a matter of discretion.")
    assert _labelled(tags, "discretion") == [("favorable", (1,))]
    assert _labelled(tags, "asylum") == [("granted", (1,))]
    tags = _judge("I decline to grant asylum as a matter of discretion.")
    assert _labelled(tags, "discretion") == [("unfavorable", (1,))]


def test_an_application_not_reached_in_speech_recognition_text():
    tags = _judge("uh since i granted asylum i dont need to reach withholding or the "
                  "convention claim")
    assert not _labelled(tags, "withholding_of_removal")
    assert not _labelled(tags, "cat_protection")
    tags = _judge("so asylum is granted um i wont reach withholding")
    assert _labelled(tags, "asylum") == [("granted", (1,))]
    assert not _labelled(tags, "withholding_of_removal")


# --- findings in other words ----------------------------------------------------------------


def test_harm_linked_to_the_trait():
    tags = _judge("The men shouted that apostates deserve to die, which links the beating "
                  "directly to her faith.")
    assert _labelled(tags, "nexus") == [("established", (1,))]
    tags = _judge("Nothing in the record links the threats to his union work.")
    assert _labelled(tags, "nexus") == [("not_established", (1,))]


def test_what_the_persecutors_believed_of_a_named_regime():
    tags = _judge("They hurt you because they believed you were against the Maduro regime.")
    assert _labelled(tags, "nexus") == [("established", (1,))]


def test_the_danger_not_shown_gone_in_plain_words():
    tags = _tags(("judge", "Because you were already persecuted, the law says I should assume "
                           "you would be in danger again. The government lawyer did not show "
                           "me anything that says the danger has passed."))
    assert _labelled(tags, "well_founded_fear") == [("established", (1,))]


def test_you_win_your_asylum_case():
    assert _labelled(_judge("So my decision is that you win your asylum case. You can stay "
                            "here."), "asylum") == [("granted", (1,))]
    assert _labelled(_judge("I am sorry, but you did not win your asylum case."),
                     "asylum") == [("denied", (1,))]


def test_corroboration_found_adequate_beside_the_credibility_finding():
    tags = _judge("Her testimony matched the records. I find her credible and the "
                  "corroboration more than adequate.")
    assert _labelled(tags, "corroboration") == [("sufficient", (1,))]
    assert _labelled(tags, "credibility") == [("positive", (1,))]
