"""Fixes read from the misses and false tags of the blind set k (k01-k28), each checked on
sentences written for this test, not taken from the excerpts: legal words speech recognition
wrote in pieces, negation's scope (an aside between commas, "without" and a relative clause
inside the subject, "failed to show that" under a sentential negation, nothing that would
lead the court to doubt), what is no finding (an account taken as true without deciding, a
question named as the subject, a disclaimer, an oath recalled, a hearing date kept, a visa
obtained by fraud, consistency with the country reports), who speaks (a "what"-clause as a
subject, the respondent's own attribution, the court's own voice ending a run-on account),
reference ("so is CAT", "the first two", a restated premise, the filing's facts and the
later ruling on the deadline), appeal answers ("you waive your appeal?" - "Yes."), and
concepts in the court's own words (relocation, evidence that falls short, nothing weighing
against discretion)."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _found, _judge, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


def _labels(tags) -> set[str]:
    return {t.label for t in tags}


# --- legal words in pieces --------------------------------------------------------------------

def test_legal_words_speech_recognition_wrote_in_pieces():
    found = _found(_judge("the court finds she merits a favorable exercise of dis cretion and a "
                          "sylum is granted"))
    assert {("discretion", "favorable"), ("asylum", "granted")} <= found
    assert ("past_persecution", "established") in _found(
        _judge("what the militia did to him rises to per secution"))
    # (named as past persecution too)
    assert ("past_persecution", "established") in _found(
        _judge("The beatings rose to the level of past per secution."))
    # a negative prefix is a word of its own: "in consistent detail" stays two words
    assert ("credibility", "adverse") not in _found(
        _judge("he testified in consistent detail about the raid"))


# --- negation's scope -------------------------------------------------------------------------

def test_an_aside_between_commas_keeps_the_negation():
    found = _found(_judge("His two arrests do not, in my view, amount to persecution."))
    assert ("past_persecution", "not_established") in found
    assert ("past_persecution", "established") not in found


def test_without_inside_the_subject_negates_only_its_object():
    found = _found(_judge("An arrest without harm is not persecution."))
    assert ("past_persecution", "not_established") in found
    assert ("past_persecution", "established") not in found


def test_a_negated_relative_clause_on_the_subject_leaves_the_main_negation():
    found = _found(_judge("Threats that were never carried out do not rise to the level of "
                          "persecution."))
    assert ("past_persecution", "not_established") in found
    assert ("past_persecution", "established") not in found


def test_failed_to_show_that_under_a_sentential_negation():
    found = _found(_judge("Nor can I say that he has failed to show that his work for the "
                          "teachers' union was at least one central reason for the threats."))
    assert ("nexus", "established") in found
    assert ("nexus", "not_established") not in found


def test_nothing_that_would_lead_the_court_to_doubt():
    assert ("credibility", "positive") in _found(
        _judge("Nothing he said would lead me to doubt him."))
    assert ("credibility", "positive") in _found(
        _judge("I see nothing in this file that would lead me not to believe her."))


def test_a_reasonable_possibility_with_a_contraction():
    found = _found(_judge("I cannot say there is a reasonable possibility you'd be persecuted "
                          "in Lagos."))
    assert ("well_founded_fear", "not_established") in found


# --- what is no finding -----------------------------------------------------------------------

def test_an_account_taken_as_true_without_deciding_is_no_finding():
    assert "credibility" not in _labels(
        _judge("I will treat his account as true without deciding credibility."))


def test_a_question_named_as_the_subject_is_no_finding():
    assert "past_persecution" not in _labels(
        _judge("Whether three threats by telephone amount to persecution is a hard question."))


def test_a_finding_disclaimed_is_no_warning():
    assert "frivolousness_warning" not in _labels(
        _judge("I make no finding that the asylum application is frivolous."))


def test_an_oath_recalled_is_no_oath_taken():
    assert "interpreter_sworn" not in _labels(
        _judge("The Arabic interpreter, Ms. Haddad, is a staff interpreter and remains under "
               "oath."))


def test_a_hearing_date_kept_as_scheduled_is_no_continuance():
    assert "continuance" not in _labels(
        _judge("Okay. His master calendar stays on January 12th as previously set."))


def test_a_visa_obtained_by_fraud_is_no_credibility_finding():
    assert "credibility" not in _labels(
        _judge("He got his visa using a fabricated job offer, and he has two arrests for "
               "theft."))


def test_consistency_with_the_country_reports_is_the_credibility_finding():
    found = _found(_judge("I found her candid, and her account is consistent with the State "
                          "Department report."))
    assert ("credibility", "positive") in found
    assert "corroboration" not in {label for label, _ in found}


def test_changed_conditions_weighed_after_asylum_is_barred_are_no_fear_finding():
    tags = _judge("Your asylum application is pretermitted as untimely.",
                  "The Department has not shown that anything changed for union organizers in "
                  "Haiti. So withholding of removal is granted.")
    assert "well_founded_fear" not in _labels(tags)


# --- who speaks -------------------------------------------------------------------------------

def test_a_what_clause_as_the_subject_is_no_question():
    assert ("corroboration", "insufficient") in _found(
        _judge("What was filed does not corroborate her account."))


def test_the_respondents_own_attribution_is_her_account():
    assert ("nexus", "established") not in _found(
        _judge("She attributed every attack to her work for the opposition party."))


def test_the_courts_own_voice_ends_a_run_on_account():
    assert ("credibility", "positive") in _found(
        _judge("she testified the police came to her house twice and took her husband i have "
               "no reason to doubt her"))


# --- reference --------------------------------------------------------------------------------

def test_so_is_takes_the_ruling_just_made():
    found = _found(_judge("Withholding is denied, and since no official would look away from "
                          "his torture, so is the Convention claim."))
    assert ("cat_protection", "denied") in found


def test_the_first_two_without_a_noun():
    tags = _judge("She asks for asylum, withholding of removal and protection under the "
                  "Convention Against Torture.",
                  "None of it was on account of a protected ground.",
                  "The first two are therefore denied.")
    found = _found(tags)
    assert {("asylum", "denied"), ("withholding_of_removal", "denied")} <= found
    assert ("cat_protection", "denied") not in found


def test_a_ruling_in_a_run_on_is_not_the_next_clauses_moot_application():
    assert ("asylum", "granted") in _found(
        _judge("asylum is granted withholding and the torture claim are moot"))


def test_the_same_facts_restate_the_finding_made_before():
    tags = _judge("The attacks on his shop were on account of his Ahmadi faith.",
                  "He is credible.", "The country reports describe attacks on Ahmadis.",
                  "His fear is objectively reasonable.",
                  "The same facts show a clear probability of persecution on account of "
                  "religion, and withholding of removal is granted.")
    assert len([t for t in tags if t.label == "nexus"]) == 1


def test_the_filing_facts_give_way_to_the_later_ruling_on_the_deadline():
    tags = _judge("She came in May 2017 and filed in June 2020.",
                  "She was treated for cancer until early 2020.",
                  "That illness was an extraordinary circumstance, and she filed within a "
                  "reasonable time after it.")
    found = _found(tags)
    assert ("one_year_bar", "exception") in found
    assert ("one_year_bar", "untimely") not in found


# --- appeal answers ---------------------------------------------------------------------------

def test_yes_to_you_waive_your_appeal_waives():
    tags = _tags(("judge", "Voluntary departure is granted. Ma'am, you waive your appeal?"),
                 ("interpreter", "Yes."))
    assert {(t.attributes.get("party"), t.polarity) for t in tags
            if t.label == "appeal"} == {("respondent", "waived")}


# --- concepts in the court's own words --------------------------------------------------------

def test_relocation_stated_after_the_verb():
    assert ("well_founded_fear", "not_established") in _found(
        _judge("She could settle safely in the capital, far from her village."))
    assert ("well_founded_fear", "not_established") in _found(
        _judge("He could move to the north of the country, and it would be reasonable to "
               "expect him to do so."))


def test_evidence_that_falls_short_of_the_events():
    assert ("corroboration", "insufficient") in _found(
        _judge("There is not enough evidence to support his account of the beating."))
    assert ("corroboration", "insufficient") in _found(
        _judge("The letters from his cousins do not establish that the arrests took place."))


def test_nothing_in_the_record_weighs_against_discretion():
    assert ("discretion", "favorable") in _found(
        _judge("I see nothing in her history that weighs against her as a matter of "
               "discretion."))
