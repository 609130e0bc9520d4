"""Fixes read from the misses of the set av (av01-av28, written blind in stop 52 and scored
before the round on au), developed against later in stop 52, each checked on sentences
written for this test, not taken from the excerpts.

Scope: ", so the presumption ..." ends a report the Department did not make; the likelier
cause named first sets aside the cue after "than" ("more likely ... than from any
fabrication"); "I have no reason to doubt him, and I do not" is no ellipsis of a negation;
"whether X or Y, ..." concedes either and states its main clause; a ruling that refers back past
a reported claim to the application named before it ("As for the Convention, she does not
claim ..., and that application is denied"); "the law does not allow me to let you leave on
your own" denies the departure, while "voluntary departure, which would let you leave on your
own" grants nothing; a hearing vacated, or taken off the calendar, with no new date is no
continuance.
Findings in other words: the presumption "stands unrebutted", "is not merely unrebutted",
"the government hasn't rebutted the presumption", "has not tried to overcome it"; "a
reasonable likelihood of harm in the future" not shown; "nor has she filled that gap", "gave
no reason why her brother ... could not write a statement"; "the documentary record leaves
nothing missing"; "comfortably within a year of her arrival", "filed in her fourth month
here"; "no negative factors weigh against her"; "prepared to accept that account as true", "a
compelling witness"; "singled her out in part because of her union work", "the protected
ground is central", "would be a reason for the gang to come after her" not shown."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _found, _judge, _labelled, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


# --- scope ----------------------------------------------------------------------------------


def test_so_the_presumption_ends_a_report_the_department_did_not_make():
    tags = _judge("The Department did not suggest that he could live safely in another "
                  "province, so the presumption stands unrebutted.")
    assert _labelled(tags, "well_founded_fear") == [("established", (1,))]


def test_the_likelier_cause_sets_aside_the_cue_after_than():
    tags = _judge("I think the error more probably comes from a rushed airport interview than "
                  "from any fabrication by her.")
    assert ("credibility", "adverse") not in _found(tags)


def test_no_reason_to_doubt_and_i_do_not_is_credible():
    tags = _judge("I have no reason to doubt him, and I do not.")
    assert _labelled(tags, "credibility") == [("positive", (1,))]


def test_whether_x_or_y_states_its_main_clause():
    tags = _judge("Whether it is called religion or imputed political opinion, the protected "
                  "ground is at the center of what happened to her.")
    assert _labelled(tags, "nexus") == [("established", (1,))]


def test_a_ruling_refers_back_past_a_reported_claim():
    tags = _judge("As for the Convention Against Torture, she does not claim that any official "
                  "ever touched her, and that application is denied too.")
    assert _labelled(tags, "cat_protection") == [("denied", (1,))]


def test_the_law_not_allowing_the_leave_denies_voluntary_departure():
    tags = _judge("Because of the aggravated felony, the law does not allow me to let him leave "
                  "on his own.")
    assert _labelled(tags, "voluntary_departure") == [("denied", (1,))]


def test_what_the_relief_would_do_grants_nothing():
    tags = _judge("I will hear from the Department on voluntary departure, which would let you "
                  "leave on your own.")
    assert "voluntary_departure" not in {t.label for t in tags}


@pytest.mark.parametrize("sentence", [
    "The May twelfth hearing comes off the calendar.",
    "The individual hearing set for March 3 is vacated, and no new date will be given.",
])
def test_a_hearing_vacated_with_no_new_date_is_no_continuance(sentence: str):
    assert "continuance" not in {t.label for t in _judge(sentence)}


def test_a_hearing_vacated_and_reset_is_a_continuance():
    tags = _judge("The March 3 hearing is vacated and reset to July 8.")
    assert "continuance" in {t.label for t in tags}


# --- findings in other words -----------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "The presumption therefore stands unrebutted.",
    "With a new warrant issued, the presumption is not merely unrebutted, it is strengthened.",
    "The government hasn't rebutted the resulting presumption.",
    "She is presumed to face persecution again, and the Department has not tried to overcome "
    "it.",
])
def test_a_presumption_left_standing_is_a_well_founded_fear(sentence: str):
    assert ("well_founded_fear", "established") in _found(_judge(sentence))


def test_a_reasonable_likelihood_of_future_harm_not_shown():
    tags = _judge("She has not shown a reasonable likelihood of harm if she returns.")
    assert _labelled(tags, "well_founded_fear") == [("not_established", (1,))]


@pytest.mark.parametrize("sentence", [
    "Nor has he closed that gap in any other way.",
    "He gave no reason why his brother, who saw the arrest, could not write a letter.",
])
def test_a_gap_left_open_is_insufficient_corroboration(sentence: str):
    assert _labelled(_judge(sentence), "corroboration") == [("insufficient", (1,))]


def test_a_record_that_leaves_nothing_missing_is_sufficient_corroboration():
    tags = _judge("The warrant and the hospital record were authenticated; the documentary "
                  "evidence leaves nothing wanting.")
    assert _labelled(tags, "corroboration") == [("sufficient", (1,))]


@pytest.mark.parametrize("sentence", [
    "That was well within a year of her arrival.",
    "He filed his application in his fourth month here.",
])
def test_a_filing_inside_the_year_in_other_words_is_timely(sentence: str):
    assert _labelled(_judge(sentence), "one_year_bar") == [("timely", (1,))]


def test_no_negative_factors_is_a_favorable_exercise():
    tags = _judge("No adverse factors weigh against her, and asylum is granted.")
    assert _labelled(tags, "discretion") == [("favorable", (1,))]


@pytest.mark.parametrize("sentence", [
    "I am willing to accept her account as true.",
    "I found him a convincing witness.",
])
def test_credibility_in_other_words(sentence: str):
    assert _labelled(_judge(sentence), "credibility") == [("positive", (1,))]


@pytest.mark.parametrize("sentence", [
    "I accept that the militia singled her out in part because of her union work.",
    "The protected ground was central to what the police did.",
])
def test_the_ground_in_other_words(sentence: str):
    assert ("nexus", "established") in _found(_judge(sentence))


def test_a_ground_not_shown_to_be_the_reason_to_come_after_her():
    tags = _tags(("judge", "She has not shown that her clan membership would be a reason for "
                           "the gang to come after her."))
    assert _labelled(tags, "nexus") == [("not_established", (1,))]
