"""Fixes read from the misses of the set bg (bg01-bg28, written blind in stop 54 and scored
before any round read it), developed against in stop 55, each checked on sentences written for
this test, not taken from the excerpts.

Scope: "no evidence that ... or that she could safely relocate" negates past the first clause;
an aside "singly or together" sits inside the negation; "I'm not making any credibility
finding" and "I turn now to the question of X, which ..." find nothing; harm "of the kind the
regulation describes" is torture's acquiescence, not persecution.
Findings in other words: "not enough to shore up his account"; a history "well documented";
"nothing ... independently shows"; "accepts it as true"; "no reason to doubt a word she said";
"the link to religion is there"; harm "aimed at her political views", "hurt because she is
Christian", "because of the union work", "unconnected to his politics"; "severe enough to be
persecution"; "Burden met."; "Exception established" and "treated as timely"; years alone
("came in 2015 and asked in 2019").
References: "I have to say no to that" after torture weighed in plain words; "Withholding, same
result." Appeal: "Both counsel have told me that they waive appeal." records two answers."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_tags, _judge, _labelled

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


# --- scope ----------------------------------------------------------------------------------


def test_no_evidence_that_reaches_the_second_that_clause():
    tags = _judge("The presumption stands; the government presented no evidence that the "
                  "militia has disbanded or that he could safely move to the capital.")
    assert [p for p, _ in _labelled(tags, "well_founded_fear")] == ["established"]


def test_an_aside_singly_or_together_stays_inside_the_negation():
    tags = _judge("The two arrests were frightening, but they do not, individually or "
                  "cumulatively, rise to the level of persecution.")
    assert _labelled(tags, "past_persecution") == [("not_established", (1,))]


def test_a_credibility_finding_not_made_today():
    tags = _judge("We will hear the rest of her testimony in March; I am not making any "
                  "credibility determination at this point.")
    assert _labelled(tags, "credibility") == []


def test_a_topic_announced_finds_nothing():
    tags = _judge("I turn now to the issue of discretion, which the parties have briefed at "
                  "length.")
    assert _labelled(tags, "discretion") == []


def test_a_topic_announced_then_decided_in_the_same_sentence_still_counts():
    tags = _judge("Turning to credibility, I find her a credible witness.")
    assert _labelled(tags, "credibility") == [("positive", (1,))]


def test_the_torture_regulations_kind_of_blindness_is_no_persecution():
    tags = _judge("Local officers tipped off the gang about his address, which is acquiescence "
                  "of the kind the regulation describes.")
    assert _labelled(tags, "past_persecution") == []


# --- findings in other words ----------------------------------------------------------------


def test_not_enough_to_shore_up_his_account():
    tags = _judge("A single undated photograph is not enough to shore up his account.")
    assert _labelled(tags, "corroboration") == [("insufficient", (1,))]


def test_a_history_called_well_documented():
    tags = _judge("Her employment with the aid agency is thoroughly documented, down to the "
                  "pay slips.")
    assert _labelled(tags, "corroboration") == [("sufficient", (1,))]


def test_country_conditions_well_documented_are_no_corroboration():
    tags = _judge("Her country's treatment of journalists is well documented.")
    assert _labelled(tags, "corroboration") == []


def test_nothing_independently_shows_it():
    tags = _judge("Nothing in the exhibits independently shows that she was ever detained.")
    assert _labelled(tags, "corroboration") == [("insufficient", (1,))]


def test_the_court_accepts_it_as_true():
    tags = _judge("Her account of the raid was specific and steady, and the Court accepts it "
                  "as true.")
    assert _labelled(tags, "credibility") == [("positive", (1,))]


def test_accepted_as_true_for_arguments_sake_is_no_finding():
    tags = _judge("I accept it as true for purposes of this decision only, without deciding "
                  "credibility.")
    assert _labelled(tags, "credibility") == []


def test_no_reason_to_doubt_a_word_she_said():
    tags = _judge("I have no reason to doubt a word she told me.")
    assert _labelled(tags, "credibility") == [("positive", (1,))]


def test_the_link_to_the_ground_is_there():
    tags = _judge("They burned the church because of what it preached. The link to religion is "
                  "plainly there.")
    assert ("established", (1,)) in _labelled(tags, "nexus")


def test_harm_aimed_at_her_views():
    tags = _judge("The raids on her home were aimed squarely at her political views.")
    assert _labelled(tags, "nexus") == [("established", (1,))]


def test_harm_not_aimed_at_his_faith():
    tags = _judge("The fines were not aimed at his faith but at his unpaid taxes.")
    assert _labelled(tags, "nexus") == [("not_established", (1,))]


def test_hurt_because_she_is_christian():
    tags = _judge("The men hurt her because she is Christian.")
    assert _labelled(tags, "nexus") == [("established", (1,))]


def test_because_of_the_union_work():
    tags = _judge("He was beaten twice, and it was because of the union work.")
    assert _labelled(tags, "nexus") == [("established", (1,))]


def test_cannot_say_the_harm_was_unconnected_to_his_politics():
    tags = _judge("I cannot say that what he endured was unconnected to his politics.")
    assert _labelled(tags, "nexus") == [("established", (1,))]


def test_the_harm_unconnected_to_her_religion():
    tags = _judge("What happened to her was unconnected to her religion.")
    assert _labelled(tags, "nexus") == [("not_established", (1,))]


def test_not_severe_enough_to_be_persecution():
    tags = _judge("A night in a holding cell is not, on this record, harm serious enough to "
                  "amount to persecution.")
    assert _labelled(tags, "past_persecution") == [("not_established", (1,))]


def test_burden_met_as_a_bench_note():
    tags = _judge("Burden met. Asylum granted.")
    assert _labelled(tags, "burden_of_proof") == [("met", (1,))]


def test_burden_not_met_as_a_bench_note():
    tags = _judge("Burden not met. Asylum denied.")
    assert _labelled(tags, "burden_of_proof") == [("not_met", (1,))]


def test_exception_established_as_a_bench_note():
    tags = _judge("Filed two years after entry. Extraordinary circumstances: hospitalised for "
                  "ten months. Exception established.")
    assert [p for p, _ in _labelled(tags, "one_year_bar")] == ["exception"]


def test_treated_as_timely_is_the_exception():
    tags = _judge("Given the coup, the application is treated as timely filed.")
    assert _labelled(tags, "one_year_bar") == [("exception", (1,))]


def test_years_alone_years_apart_is_late():
    tags = _judge("You came here in 2015 and you asked for asylum in 2019.")
    assert _labelled(tags, "one_year_bar") == [("untimely", (1,))]


def test_years_alone_the_same_year_is_in_time():
    tags = _judge("She arrived in 2021 and applied in 2021, well inside the deadline.")
    assert _labelled(tags, "one_year_bar") == [("timely", (1,))]


def test_years_one_apart_decide_nothing():
    tags = _judge("He came in 2020 and filed in 2021.")
    assert _labelled(tags, "one_year_bar") == []


def test_asked_for_asylum_with_months():
    tags = _judge("You got here in March 2022 and asked for asylum in October 2022.")
    assert _labelled(tags, "one_year_bar") == [("timely", (1,))]


# --- references and appeal ------------------------------------------------------------------


def test_say_no_to_that_after_torture_weighed_in_plain_words():
    tags = _judge("Asylum is denied.",
                  "Nobody here showed me that somebody official would turn a blind eye if they "
                  "hurt you, so I have to say no to that as well.")
    assert _labelled(tags, "cat_protection") == [("denied", (2,))]


def test_thats_denied_after_officials_looking_the_other_way():
    tags = _judge("Withholding is denied.",
                  "Nothing suggests anyone official would look the other way. That is denied "
                  "too.")
    assert _labelled(tags, "cat_protection") == [("denied", (2,))]
    assert _labelled(tags, "withholding_of_removal") == [("denied", (1,))]


def test_withholding_same_result():
    tags = _judge("Asylum is denied. Withholding, same outcome.")
    assert _labelled(tags, "withholding_of_removal") == [("denied", (1,))]


def test_both_counsel_told_the_court_they_waive():
    tags = _appeal_tags(("judge", "Asylum is granted."),
                        ("judge", "Both counsel have told me that they waive appeal."))
    assert sorted(tags) == [("waived", "dhs", (2,)), ("waived", "respondent", (2,))]


def test_persecutions_definition_stated_finds_nothing():
    tags = _judge("Persecution must come from the state or from people the state cannot or "
                  "will not control.")
    assert _labelled(tags, "past_persecution") == []


def test_both_counsel_waiving_closing_is_no_appeal_answer():
    tags = _appeal_tags(("judge", "Both counsel have waived closing argument, so I will rule "
                                  "now."))
    assert tags == []


def test_both_counsel_named_before_each_partys_own_answer():
    tags = _appeal_tags(("judge", "Asylum is denied."),
                        ("judge", "I conferred with both counsel about appeal: the Department "
                                  "waives and the respondent reserves."))
    assert sorted(tags) == [("reserved", "respondent", (2,)), ("waived", "dhs", (2,))]
