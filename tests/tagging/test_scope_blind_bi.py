"""Fixes read from the misses of the set bi (bi01-bi28, written blind in stop 55 and scored
before any round read it), developed against in stop 55, each checked on sentences written for
this test, not taken from the excerpts.

Scope: "I am not prepared to say he was not telling the truth" (two negations); a group
"defined by the harm and has no particularity, so it is not cognizable" (the clause after
", so" stands alone); "close to the line of persecution" settles nothing; "I have granted you
asylum" to the respondent tells the grant again.
Findings in other words: "nothing kept him from filing on time" under an operator; relocation
"not a realistic answer"; "the danger has not gone away"; "the government didn't rebuttal it"
(speech recognition); a list of papers "... are adequate"; "the account of the threat is not
sufficiently supported"; a prosecution "a pretext for punishing a perceived political
opinion"; an interest that "stems from his faith"; harm "because it treated medical aid to
protesters as opposition activity"; "the proposed group lacks social distinction"; an arrival
at "the U.S. border" and an application that "followed".
Appeal: "That's right." after the judge's record of the party's answer confirms that record."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_tags, _judge, _labelled

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


# --- scope ----------------------------------------------------------------------------------


def test_not_prepared_to_say_she_was_not_telling_the_truth():
    tags = _judge("I am not prepared to say that she was not telling the truth.")
    assert _labelled(tags, "credibility") == [("positive", (1,))]


def test_not_telling_the_truth():
    tags = _judge("I find that he was not telling the truth about the second arrest.")
    assert _labelled(tags, "credibility") == [("adverse", (1,))]


def test_a_clause_after_so_stands_alone():
    tags = _judge("The group is defined by the threats themselves and has no particularity, so "
                  "it is not cognizable.")
    assert [p for p, _ in _labelled(tags, "nexus")] == ["not_established"]


def test_close_to_the_line_settles_nothing():
    tags = _judge("Two weeks in a cell with one beating comes close to the line of persecution.")
    assert _labelled(tags, "past_persecution") == []


def test_the_grant_told_again_to_the_respondent():
    tags = _judge("I grant asylum.",
                  "Ma'am, I have granted you asylum, but the government may still appeal.")
    assert _labelled(tags, "asylum") == [("granted", (1, 2))]


# --- findings in other words ----------------------------------------------------------------


def test_nothing_kept_her_from_filing_on_time():
    tags = _judge("I cannot find that anything kept her from filing on time.")
    assert _labelled(tags, "one_year_bar") == [("untimely", (1,))]


def test_relocation_not_a_realistic_answer():
    tags = _judge("Relocating to the coast is not a realistic option for a woman the gang has "
                  "already found twice.")
    assert _labelled(tags, "well_founded_fear") == [("established", (1,))]


def test_the_danger_has_not_gone_away():
    tags = _judge("The threat to her has not receded since she left.")
    assert _labelled(tags, "well_founded_fear") == [("established", (1,))]


def test_didnt_rebuttal_it():
    tags = _judge("there's a presumption of future persecution and the department didn't "
                  "rebuttal it")
    assert _labelled(tags, "well_founded_fear") == [("established", (1,))]


def test_a_list_of_papers_called_adequate():
    tags = _judge("The clinic record, the letter from her cousin in the refugee settlement and "
                  "the news report are adequate.")
    assert _labelled(tags, "corroboration") == [("sufficient", (1,))]


def test_the_account_of_the_arrest_not_sufficiently_supported():
    tags = _judge("Without those letters, the account of the arrest is not sufficiently "
                  "supported.")
    assert _labelled(tags, "corroboration") == [("insufficient", (1,))]


def test_a_prosecution_as_pretext():
    tags = _judge("The charge is a pretext for punishing his imputed political opinion.")
    assert _labelled(tags, "nexus") == [("established", (1,))]


def test_an_interest_that_stems_from_her_faith():
    tags = _judge("The militia's interest in her stems from her Christian faith.")
    assert _labelled(tags, "nexus") == [("established", (1,))]


def test_an_act_treated_as_opposition():
    tags = _judge("They beat him because the authorities regarded his reporting on the flood as "
                  "political opposition.")
    assert _labelled(tags, "nexus") == [("established", (1,))]


def test_the_group_lacks_particularity():
    tags = _judge("The group she proposes lacks particularity.")
    assert _labelled(tags, "nexus") == [("not_established", (1,))]


def test_arrival_at_the_us_border_and_the_application_that_followed():
    tags = _judge("She reached the U.S. border in June 2021, and her application followed in "
                  "March 2022.")
    assert _labelled(tags, "one_year_bar") == [("timely", (1,))]


# --- appeal ---------------------------------------------------------------------------------


def test_thats_right_confirms_the_judges_record():
    tags = _appeal_tags(("judge", "Asylum is denied. Will the respondent appeal?"),
                        ("respondent_counsel", "We reserve."),
                        ("judge", "Reserved. And I understand the government waives."),
                        ("dhs_counsel", "That's right."))
    assert sorted(tags) == [("reserved", "respondent", (2, 3)), ("waived", "dhs", (3, 4))]


def test_may_be_telling_the_truth_concedes():
    tags = _judge("She may be telling the truth about parts of it, but on this record I cannot "
                  "find her credible.")
    assert _labelled(tags, "credibility") == [("adverse", (1,))]


def test_moving_elsewhere_after_asylum_was_barred_serves_withholding():
    tags = _judge("The asylum application was not filed within a year, and it is pretermitted.",
                  "The police cannot protect her, and moving elsewhere is not a reasonable option.")
    assert _labelled(tags, "well_founded_fear") == []
