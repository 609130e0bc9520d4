"""Fixes read from the misses of the set bd (bd01-bd28, written blind in stop 54 and scored
before any round read it), developed against in stop 54, each checked on sentences written for
this test, not taken from the excerpts.

Scope: "The Court is therefore unable to
conclude that ..." is the sentential negation; "He claims no change in circumstances" reports
no claim; the presumption of "future persecution" is asylum's, beside withholding's standard in
the same sentence; a presumption of a threat to life or freedom, unrebutted after asylum was
barred, is withholding's; "That brings me to discretion" exercises none; "I don't find that
you'd more likely than not be persecuted" is no finding on past harm; the reason inside the
withholding standard restates the nexus found before, and is the nexus finding where none was.
Appeal: "I take it neither side needs to reserve?" - "Correct."
References: "... his life or freedom would more likely than not be threatened ..." - "I grant
it." grants withholding.
Findings in other words: testified "other than truthfully" under negation; "no hesitation in
accepting both witnesses as truthful"; "I find none" after past persecution; "not
time-barred"; papers that "back up every part of his account"; "the photographs are enough"."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_tags, _judge, _labelled

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


# --- scope ----------------------------------------------------------------------------------


def test_therefore_unable_to_conclude_that_he_failed():
    tags = _judge("The Court is therefore unable to conclude that the respondent has failed to "
                  "meet his burden.")
    assert _labelled(tags, "burden_of_proof") == [("met", (1,))]


def test_a_claim_said_not_to_be_made_reports_nothing():
    tags = _judge("She claims no change in circumstances, and her only reason, that she was "
                  "busy working, is not an extraordinary circumstance.")
    assert _labelled(tags, "one_year_bar") == [("untimely", (1,))]


def test_the_presumption_of_future_persecution_beside_the_withholding_standard():
    tags = _judge("The presumption of future persecution stands unrebutted, and I also find it "
                  "more likely than not that her life or freedom would be threatened.")
    assert _labelled(tags, "well_founded_fear") == [("established", (1,))]


def test_withholdings_presumption_unrebutted_after_asylum_was_barred():
    tags = _judge("The asylum application was filed years late and is pretermitted.",
                  "That raises a presumption that her life or freedom would be threatened on "
                  "return. The Department offered nothing to show conditions have improved for "
                  "her.")
    assert _labelled(tags, "well_founded_fear") == []


def test_that_brings_me_to_discretion():
    tags = _judge("That brings me to discretion. In 2019 she was convicted of fraud and served "
                  "six months.")
    assert _labelled(tags, "discretion") == []


def test_a_future_harm_standard_is_no_finding_on_past_harm():
    tags = _judge("I don't find that you would more likely than not be persecuted in Honduras, "
                  "and both applications are denied.")
    assert _labelled(tags, "past_persecution") == []


def test_the_withholding_reason_restates_the_nexus_found_before():
    tags = _judge("The soldiers beat him because of his ethnicity.",
                  "His asylum application is untimely and pretermitted.",
                  "Having found a clear probability of persecution on account of his ethnicity, "
                  "I grant withholding of removal.")
    assert [p for p, _ in _labelled(tags, "nexus")] == ["established"]
    assert 3 in _labelled(tags, "nexus")[0][1]


def test_the_withholding_reason_is_the_nexus_finding_where_none_was_found():
    tags = _judge("She faces a clear probability of persecution on account of her religion.")
    assert _labelled(tags, "nexus") == [("established", (1,))]


# --- appeal and references ------------------------------------------------------------------


def test_neither_side_needs_to_reserve_confirmed():
    tags = _appeal_tags(
        ("judge", "Asylum is granted. I take it neither side needs to reserve?"),
        ("respondent_counsel", "That's right, Judge."))
    assert [p for p, _, _ in tags] == ["waived"]


def test_i_grant_it_after_withholdings_standard_in_its_own_words():
    tags = _judge("I find it more likely than not that her freedom would be threatened in "
                  "Eritrea on account of her religion.",
                  "I grant it.")
    assert [p for p, _ in _labelled(tags, "withholding_of_removal")] == ["granted"]


# --- findings in other words ----------------------------------------------------------------


def test_testified_other_than_truthfully_under_negation():
    tags = _judge("I cannot say that she testified other than truthfully.")
    assert _labelled(tags, "credibility") == [("positive", (1,))]


def test_no_hesitation_in_accepting_both_witnesses():
    tags = _judge("I have no hesitation in accepting both witnesses as truthful.")
    assert _labelled(tags, "credibility") == [("positive", (1,))]


def test_i_find_none_after_past_persecution():
    tags = _judge("She does not claim past persecution, and I find none; she left before anyone "
                  "touched her.")
    assert _labelled(tags, "past_persecution") == [("not_established", (1,))]


def test_not_time_barred():
    assert _labelled(_judge("His application is not time-barred."),
                     "one_year_bar") == [("timely", (1,))]


def test_papers_that_back_up_every_part_of_the_account():
    tags = _judge("The facts are agreed, and the letters back up every part of her account.")
    assert _labelled(tags, "corroboration") == [("sufficient", (1,))]


def test_the_photographs_are_enough():
    tags = _judge("I won't require a police report here, and the photographs of the burned shop "
                  "are enough.")
    assert _labelled(tags, "corroboration") == [("sufficient", (1,))]
