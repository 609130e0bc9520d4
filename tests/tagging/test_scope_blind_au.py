"""Fixes read from the misses of the set au (au01-au28, written blind in stop 51 and scored
before this round), developed against in stop 52, each checked on sentences written for this
test, not taken from the excerpts.

Scope: "Nor, on this record, has she shown ..." negates its clause; "without that, there is
nothing ... that shows ..." is negated once, by its "nothing"; "I am not prepared to say she
was anything other than ..." without "that"; "that does not make a protected ground one central
reason" denies the ground; a bar, then "and I deny it", is a denial; harm whose reason is in
question ("for any reason the Act protects") is nexus, no finding of harm; the Department's
suggestion left unsupported is no want of corroboration; a credibility determination the court
is "not going to make", and testimony it "hasn't made up its mind about", find nothing; a group
that "may well be cognizable" is no finding.
Findings in other words: "shown that anyone harmed her", "shown that she was harmed or that
she would be", "nothing ... that shows harm in the past"; "no hesitation in accepting it as
true"; "I have no doubt she means it"; "gave me nothing from her aunt"; "a changed circumstance
that materially affects her eligibility", "the filing is excused"; "which is all that could
reasonably be expected of her"; "nothing in her record would lead me to withhold relief",
"nothing in his background counsels against a grant"; the premise of future danger left
undispelled; "that's persecution and it was because she is ..."; "not out of any animus
toward the clan"; withholding "under the regulations implementing the torture convention"."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _found, _judge, _labelled

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


# --- scope ----------------------------------------------------------------------------------


def test_nor_with_an_aside_negates_what_she_has_shown():
    tags = _judge("Nor, given these gaps, has she shown that anyone hurt her before she left or "
                  "that there is a reasonable possibility that the militia would hurt her now.")
    assert ("past_persecution", "not_established") in _found(tags)
    assert ("well_founded_fear", "not_established") in _found(tags)
    assert ("well_founded_fear", "established") not in _found(tags)


def test_a_condition_before_nothing_is_no_second_negation():
    tags = _judge("Without her testimony, there is nothing in this file that shows harm in the "
                  "past.")
    assert _labelled(tags, "past_persecution") == [("not_established", (1,))]


def test_not_prepared_to_say_without_that_negates_a_litotes():
    tags = _judge("I am not prepared to say she was anything other than candid with me.")
    assert _labelled(tags, "credibility") == [("positive", (1,))]


def test_what_does_not_make_a_ground_central_denies_the_ground():
    tags = _judge("His ethnicity was incidental to a robbery, and that does not make it one "
                  "central reason for what they did.")
    assert _labelled(tags, "nexus") == [("not_established", (1,))]


def test_a_bar_and_then_i_deny_it_is_a_denial():
    tags = _judge("Asylum is barred by her conviction, and I deny it.")
    assert _labelled(tags, "asylum") == [("denied", (1,))]


def test_harm_for_a_reason_in_question_is_no_finding_of_harm():
    tags = _judge("She has not shown that she was mistreated, or that she faces mistreatment, on "
                  "account of anything the statute protects.")
    assert "past_persecution" not in {t.label for t in tags}


def test_the_departments_suggestion_left_unsupported_is_no_want_of_corroboration():
    tags = _judge("The Department hints that the arrest warrant was bought. It offered nothing to "
                  "back that up.")
    assert "corroboration" not in {t.label for t in tags}


def test_a_credibility_determination_not_going_to_be_made_finds_nothing():
    tags = _judge("I am not going to make a credibility determination, since the claim fails on "
                  "nexus whatever I think of her.")
    assert "credibility" not in {t.label for t in tags}


def test_testimony_the_court_has_not_made_up_its_mind_about_finds_nothing():
    tags = _judge("His account was moving, though short on the details I would expect, and I "
                  "have not made up my mind about it.")
    assert "credibility" not in {t.label for t in tags}


def test_a_group_that_may_be_cognizable_is_no_finding():
    tags = _judge("If I come to believe him, the group he proposes may well be cognizable, and "
                  "if not, it does not matter.")
    assert "nexus" not in {t.label for t in tags}


# --- findings in other words -----------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "He has not shown that anyone beat him while he lived in Oaxaca.",
    "She has not shown that she was ever mistreated by the police.",
])
def test_harm_not_shown_in_plain_words_is_no_past_persecution(sentence: str):
    assert ("past_persecution", "not_established") in _found(_judge(sentence))


def test_harmed_or_would_be_reads_both_the_past_and_the_future():
    tags = _judge("Because I cannot credit her, she has not shown that she was harmed or that "
                  "she would be.")
    assert ("past_persecution", "not_established") in _found(tags)
    assert ("well_founded_fear", "not_established") in _found(tags)


def test_no_hesitation_in_accepting_it_as_true_is_credible():
    assert _labelled(_judge("I have no hesitation in accepting it as truthful."),
                     "credibility") == [("positive", (1,))]


def test_no_doubt_she_means_it_is_credible():
    tags = _judge("She described her baptism in her own words, and I have no doubt she means "
                  "it.")
    assert _labelled(tags, "credibility") == [("positive", (1,))]


def test_nothing_given_from_a_named_witness_is_insufficient_corroboration():
    tags = _judge("She gave me nothing from her aunt, who she says hid her for a month.")
    assert _labelled(tags, "corroboration") == [("insufficient", (1,))]


def test_a_changed_circumstance_outranks_the_late_filing_it_excuses():
    tags = _judge("She filed four years after entering, but her husband's arrest last spring is "
                  "a changed circumstance that materially affects her claim.")
    assert _labelled(tags, "one_year_bar") == [("exception", (1,))]


def test_the_filing_is_excused():
    assert _labelled(_judge("His filing is therefore excused."),
                     "one_year_bar") == [("exception", (1,))]


def test_all_that_could_reasonably_be_expected_is_sufficient_corroboration():
    tags = _judge("Her testimony is supported by the hospital card and her brother's letter, "
                  "which is all that could fairly be asked of her.")
    assert _labelled(tags, "corroboration") == [("sufficient", (1,))]


@pytest.mark.parametrize("sentence", [
    "Nothing in her record would lead me to withhold relief she has earned.",
    "Nothing in his background counsels against a grant.",
])
def test_nothing_against_the_relief_is_a_favorable_exercise(sentence: str):
    assert _labelled(_judge(sentence), "discretion") == [("favorable", (1,))]


def test_the_premise_of_future_danger_left_undispelled_is_a_well_founded_fear():
    tags = _judge("Her past harm means I begin from the premise that she faces future harm, and "
                  "the Department has offered nothing to dispel it.")
    assert ("well_founded_fear", "established") in _found(tags)


def test_persecution_and_it_was_because_she_is_names_the_ground():
    tags = _judge("they burned the church with her inside that's persecution and it was because "
                  "she's a christian")
    assert ("nexus", "established") in _found(tags)


def test_not_out_of_animus_toward_the_clan_denies_the_ground():
    tags = _judge("Every threat was about cash; they named his wife as leverage, not out of any "
                  "hostility toward the clan.")
    assert _labelled(tags, "nexus") == [("not_established", (1,))]


def test_withholding_under_the_regulations_implementing_the_convention_is_cat():
    tags = _judge("Withholding under the regulations that implement the Convention is denied.")
    assert _labelled(tags, "cat_protection") == [("denied", (1,))]
    assert "withholding_of_removal" not in {t.label for t in tags}
