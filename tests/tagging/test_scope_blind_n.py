"""Fixes read from the misses and false tags of the seventh blind set (n01-n28), each checked
on sentences written for this test: findings addressed to the respondent in the second
person, negation and open questions read as scope, rulings by reference (a demonstrative
inside a run-on sentence, a selection from a partitive, three applications left unnamed),
concepts stated in other words (discretion exercised, the withholding presumption, nothing
more needed), reported views of the Board and of a party, the definition of a frivolous
application, the record merely listed, a late filing excused in the same turn, and general
crime named without the reason for the harm."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _found, _judge

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


# --- the respondent addressed in the second person ------------------------------------------

def test_findings_addressed_to_the_respondent():
    assert ("credibility", "positive") in _found(_judge("Ma'am, I believe you."))
    assert ("credibility", "positive") in _found(
        _judge("you answered everything and you testified honestly about the checkpoint"))
    assert ("burden_of_proof", "not_met") in _found(
        _judge("You have not met your burden on either of your claims."))
    # believing the respondent's fear is no credibility finding
    assert "credibility" not in {t.label for t in _judge("I believe you are frightened.")}


# --- negation and open questions as scope -----------------------------------------------------

def test_short_of_persecution_and_its_negation():
    assert ("past_persecution", "not_established") in _found(
        _judge("The two slaps at the checkpoint were something short of persecution."))
    tags = _judge("I cannot accept the suggestion that nine weeks in a prison camp was "
                  "something short of persecution.")
    assert ("past_persecution", "established") in _found(tags)
    assert ("past_persecution", "not_established") not in _found(tags)


def test_it_cannot_be_said_negates_what_follows():
    tags = _judge("It cannot be said that she carried her burden of proof.")
    assert ("burden_of_proof", "not_met") in _found(tags)
    assert ("burden_of_proof", "met") not in _found(tags)


def test_the_reason_for_leaving_a_question_open_is_a_finding():
    tags = _judge("It is not necessary to decide whether the arrest amounted to past "
                  "persecution, because she has a well-founded fear of persecution on the "
                  "country evidence alone.")
    assert ("well_founded_fear", "established") in _found(tags)
    assert "past_persecution" not in {t.label for t in tags}
    # "because of" still belongs to the question left open
    tags = _judge("I need not decide whether he was beaten because of his political opinion.")
    assert "nexus" not in {t.label for t in tags}


# --- rulings by reference ---------------------------------------------------------------------

def test_a_demonstrative_opening_a_run_on_clause_rules():
    tags = _judge("as for the convention against torture nothing shows an official would "
                  "turn a blind eye to his torture and that is denied as well")
    assert ("cat_protection", "denied") in _found(tags)


def test_a_selection_from_a_partitive_rules_on_the_one_selected():
    tags = _judge("She applies for withholding of removal and for deferral of removal under "
                  "the Convention Against Torture.",
                  "Her testimony was consistent and I find her credible.",
                  "Of those two applications, the latter succeeds.")
    assert ("cat_protection", "granted") in _found(tags)
    assert "withholding_of_removal" not in {t.label for t in tags}
    tags = _judge("He applied for asylum and for withholding of removal.",
                  "He is from Chad.", "He arrived in 2015.", "He filed in 2021.",
                  "No exception was raised.", "The Department did not object.",
                  "His wife testified.", "Her testimony was consistent.", "She is his witness.",
                  "The second of the applications I listed is granted.")
    assert ("withholding_of_removal", "granted") in _found(tags)
    assert ("asylum", "granted") not in _found(tags)


def test_three_applications_left_unnamed_are_those_of_the_i589():
    tags = _judge("He has not shown that anyone in Guinea would harm him.",
                  "All three of his applications therefore fail.")
    assert {("asylum", "denied"), ("withholding_of_removal", "denied"),
            ("cat_protection", "denied")} <= _found(tags)


# --- concepts in other words ------------------------------------------------------------------

def test_discretion_exercised_in_so_many_words():
    assert ("discretion", "favorable") in _found(
        _judge("She is eligible, and the Court exercises its discretion in her favor."))
    assert ("discretion", "favorable") in _found(
        _judge("He is eligible and I exercise discretion favorably."))
    assert ("discretion", "unfavorable") in _found(
        _judge("Given the fraud, I will not exercise discretion for him."))


def test_a_threatened_life_is_the_withholding_presumption():
    tags = _judge("The Department has not shown that conditions in Eritrea have changed "
                  "enough that her life would no longer be threatened.")
    assert "well_founded_fear" not in {t.label for t in tags}
    # the asylum standard named keeps the fear
    tags = _judge("There is a reasonable possibility that he would be persecuted and that his "
                  "life would be threatened.")
    assert ("well_founded_fear", "established") in _found(tags)


def test_nothing_more_needed_is_sufficient_corroboration():
    tags = _judge("The clinic note and two letters from neighbours are in the file; nothing "
                  "further in the way of documents is needed.")
    assert ("corroboration", "sufficient") in _found(tags)
    tags = _judge("The union card is in the record, and nothing more is required.")
    assert ("corroboration", "sufficient") in _found(tags)


# --- reported views ---------------------------------------------------------------------------

def test_the_boards_view_recounted_on_remand_is_not_the_courts():
    tags = _judge("The Board noted the absence of any letter from his father.")
    assert "corroboration" not in {t.label for t in tags}


def test_a_partys_suggestion_is_reported():
    tags = _judge("Government counsel suggested she should have submitted her brother's "
                  "death certificate.")
    assert "corroboration" not in {t.label for t in tags}


# --- what is no finding -----------------------------------------------------------------------

def test_the_definition_of_a_frivolous_application_is_no_credibility_finding():
    tags = _judge("An application is frivolous when any of its material elements was "
                  "deliberately fabricated.")
    assert "credibility" not in {t.label for t in tags}


def test_the_record_listed_is_no_corroboration_finding():
    tags = _judge("The record includes his declaration, his mother's affidavit, and the "
                  "Human Rights Watch report.")
    assert "corroboration" not in {t.label for t in tags}
    tags = _judge("Her two arrests for shoplifting appear in the FBI records.")
    assert "corroboration" not in {t.label for t in tags}


def test_a_late_filing_excused_in_the_same_turn_is_the_exception():
    tags = _judge("He filed three years after he arrived. For most of that time he was "
                  "confined to a psychiatric ward, which is an extraordinary circumstance, and "
                  "the delay is excused.")
    assert ("one_year_bar", "exception") in _found(tags)
    assert ("one_year_bar", "untimely") not in _found(tags)
    # a late filing found in one turn and excused in the next stays untimely there
    tags = _judge("He filed three years after he arrived, so the application is untimely.",
                  "But he was confined to a psychiatric ward, which is an extraordinary "
                  "circumstance, and the delay is excused.")
    assert {("one_year_bar", "untimely"), ("one_year_bar", "exception")} <= _found(tags)


def test_general_crime_without_the_reason_for_the_harm_is_no_nexus_finding():
    tags = _judge("The general violence in his city touches everyone who lives there.")
    assert "nexus" not in {t.label for t in tags}
    tags = _judge("The robbers wanted his wages; that is general crime, not harm on account "
                  "of a protected ground.")
    assert ("nexus", "not_established") in _found(tags)
