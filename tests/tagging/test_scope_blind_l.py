"""Fixes read from the misses and false tags of the blind set l (l01-l28), each checked on
sentences written for this test, not taken from the excerpts: negation's scope (a refusal
inside a relative clause, "let alone", a flaw found absent, double negation of a finding about
the witness), reference (a negative reference after a selection, "that relief", a ruling verb
inside a relative clause, the leave itself by a date), who speaks and what is reported (a
party's reply, a run-on account that the court's conclusion ends), how appeal answers are read
(a right "given up" asked about and agreed to, a condition set by the other side), what is no
ruling (a paper handed over, a bar that follows a failure to depart), and concepts in the
court's own words (what had to be shown, the ground as the reason for the harm, a private
reason, evidence asked for or never produced, "more than harassment", a real chance of harm,
nothing weighing against discretion, a filing counted from arrival)."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _found, _judge, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


def _appeals(tags) -> set[tuple[str | None, str | None]]:
    return {(t.attributes.get("party"), t.polarity) for t in tags if t.label == "appeal"}


# --- negation's scope -------------------------------------------------------------------------

def test_a_refusal_inside_a_relative_clause_negates_nothing_the_finding_states():
    assert ("nexus", "not_established") in _found(
        _judge("The proposed group of farmers who refuse to sell their land is not cognizable."))
    assert ("nexus", "established") in _found(
        _judge("The group of women who refuse to marry is cognizable."))


def test_let_alone_carries_the_negation_forward():
    found = _found(_judge("She has not shown that anyone is looking for her, let alone because "
                          "of her support for the opposition."))
    assert ("nexus", "not_established") in found
    assert ("nexus", "established") not in found


def test_a_flaw_found_absent_is_no_adverse_credibility():
    assert ("credibility", "adverse") not in _found(
        _judge("I saw nothing evasive in the way she answered."))


def test_a_finding_about_the_witness_negated_is_positive():
    assert ("credibility", "positive") in _found(_judge("I do not find her incredible."))
    assert ("credibility", "positive") in _found(
        _judge("I am not prepared to say that the applicant testified falsely."))
    assert ("credibility", "positive") in _found(_judge("Sir, I don't doubt what you told me."))
    assert ("credibility", "adverse") in _found(
        _judge("I could not credit her account of the second detention."))


# --- reference --------------------------------------------------------------------------------

def test_a_negative_reference_after_a_selection_denies():
    tags = _judge("She seeks asylum, withholding of removal and protection under the Convention "
                  "Against Torture.",
                  "As the first two applications depend on the same testimony, none of those "
                  "can be granted.")
    found = _found(tags)
    assert {("asylum", "denied"), ("withholding_of_removal", "denied")} <= found
    assert not {("asylum", "granted"), ("withholding_of_removal", "granted")} & found


def test_that_relief_after_the_torture_standard_is_the_torture_claim():
    tags = _judge("He asks for asylum and protection under the Convention Against Torture.",
                  "Asylum is denied for want of a nexus.",
                  "Nothing shows that a public official would acquiesce in his torture, and "
                  "that relief is denied as well.")
    assert ("cat_protection", "denied") in _found(tags)


def test_a_ruling_verb_in_a_relative_clause_rules_on_its_head_alone():
    found = _found(_judge("That leaves two claims: asylum, which I have already found time "
                          "barred, and withholding of removal."))
    assert ("asylum", "pretermitted") in found
    assert ("withholding_of_removal", "pretermitted") not in found


def test_the_leave_by_a_date_names_voluntary_departure():
    tags = _judge("Asylum and withholding fail for want of a nexus and are denied.",
                  "As to the alternative request, she has no record and a passport. I will "
                  "grant that request and allow her to leave by June 1.")
    assert ("voluntary_departure", "granted") in _found(tags)


def test_convention_protection_is_the_torture_claim():
    assert ("cat_protection", "denied") in _found(
        _judge("Asylum, withholding and Convention protection are each denied."))


# --- who speaks, what is reported -------------------------------------------------------------

def test_the_other_sides_reply_is_reported():
    assert "nexus" not in {t.label for t in _judge(
        "The government replies that journalists are not a cognizable group and that the "
        "threats were personal.")}


def test_a_run_on_account_ends_at_the_courts_conclusion():
    assert ("asylum", "pretermitted") in _found(_judge(
        "he says he did not know there was a deadline so the asylum application is "
        "pretermitted"))
    # the account alone is still reported
    assert "asylum" not in {t.label for t in _judge(
        "he says he did not know there was a deadline and he wanted asylum")}


# --- appeal answers ---------------------------------------------------------------------------

def test_a_right_to_appeal_given_up_and_agreed_to_is_waived():
    tags = _tags(("judge", "Sir, if I grant voluntary departure now, you lose your appeal. Do you "
                           "agree to that?"),
                 ("interpreter", "Yes, I agree."))
    assert _appeals(tags) == {("respondent", "waived")}
    tags = _tags(("judge", "Do you agree with the decision or will you appeal?"),
                 ("interpreter", "I do not agree."))
    assert _appeals(tags) == {("respondent", "reserved")}


def test_a_condition_set_by_the_other_side_waives_nothing():
    tags = _tags(("judge", "Any objection to voluntary departure before the end of proceedings?"),
                 ("dhs_counsel", "None, so long as he waives appeal."))
    assert "appeal" not in {t.label for t in tags}


# --- what is no ruling -----------------------------------------------------------------------

def test_a_paper_handed_over_is_no_grant():
    assert "asylum" not in {t.label for t in _judge(
        "I am also giving you the asylum application form to fill out at home.")}
    assert ("asylum", "granted") in _found(_judge("I am giving her asylum."))


def test_a_bar_that_follows_a_failure_to_depart_is_no_pretermission():
    assert "voluntary_departure" not in {t.label for t in _judge(
        "If he does not leave, he will be barred for ten years from voluntary departure and "
        "cancellation.")}


# --- concepts in the court's own words --------------------------------------------------------

def test_what_had_to_be_shown_shown_or_not():
    assert ("burden_of_proof", "met") in _found(_judge("She has proven what she needed to prove."))
    assert ("burden_of_proof", "met") in _found(_judge("In the end he made out his case."))
    assert ("burden_of_proof", "not_met") in _found(
        _judge("He has not shown what the law requires for withholding."))
    assert ("burden_of_proof", "not_met") in _found(
        _judge("Without that, you have not shown what you need for asylum."))


def test_the_ground_named_as_the_reason_for_the_harm():
    for sentence in ("They beat her because of the religion she practices.",
                     "His fear is tied directly to his political opinion.",
                     "Her ethnicity was the reason for the raid on her home.",
                     "The threats were aimed at him because of his work as a union organizer.",
                     "It happened because the soldiers saw you as against the government."):
        assert ("nexus", "established") in _found(_judge(sentence)), sentence


def test_a_private_reason_outranks_the_ground_named_before_it():
    found = _found(_judge("he never said they threatened him for his politics it was all about "
                          "the farm"))
    assert ("nexus", "not_established") in found
    assert ("nexus", "established") not in found


def test_evidence_asked_for_or_never_produced():
    assert ("corroboration", "required") in _found(
        _judge("This is a case where I may call for evidence that corroborates her account."))
    assert ("corroboration", "insufficient") in _found(
        _judge("She offered no explanation for that, and none was ever submitted."))
    assert ("corroboration", "insufficient") in _found(
        _judge("The file does not contain any letters from her church."))
    assert ("corroboration", "sufficient") in _found(
        _judge("The hospital note and the two photographs back her account up."))


def test_harm_beyond_harassment_and_a_real_chance_of_more():
    assert ("past_persecution", "established") in _found(
        _judge("Being beaten three times and cut with a machete is more than harassment."))
    assert ("past_persecution", "not_established") in _found(
        _judge("What she described was no more than harassment."))
    assert ("well_founded_fear", "established") in _found(
        _judge("There is a real chance the militia would find her."))
    assert ("well_founded_fear", "not_established") in _found(
        _judge("She has not shown that the soldiers would single her out now."))
    assert ("well_founded_fear", "not_established") in _found(
        _judge("The evidence does not show a reasonable possibility of that."))


def test_nothing_weighs_against_discretion():
    assert ("discretion", "favorable") in _found(
        _judge("There is nothing that counts against her in the exercise of discretion."))


def test_a_filing_counted_from_arrival_and_timeliness_set_aside():
    assert ("one_year_bar", "timely") in _found(
        _judge("She came in March 2022 and applied within a few months."))
    assert ("one_year_bar", "timely") in _found(
        _judge("The deadline is not an issue in this case."))
    # counted from a change of circumstances, it says nothing of the year after arrival
    assert "one_year_bar" not in {t.label for t in _judge(
        "She converted in 2023 and filed within months of her conversion.")}


def test_the_deadline_read_from_two_dates():
    assert ("one_year_bar", "timely") in _found(
        _judge("She entered in March 2019, and her application was filed in January 2020."))
    assert ("one_year_bar", "untimely") in _found(
        _judge("She arrived in June 2018 and applied in October 2020."))
    # the twelfth month turns on the days
    assert "one_year_bar" not in {t.label for t in _judge(
        "He came on August 3, 2020 and filed in August 2021.")}


def test_the_hearing_date_kept_is_no_continuance():
    assert "continuance" not in {t.label for t in _judge(
        "The individual hearing stays on for April 14, and nothing changes about that date.")}
    assert "continuance" in {t.label for t in _judge("The hearing is continued to June 12.")}


def test_kinship_as_the_reason_through_a_double_negation():
    assert ("nexus", "established") in _found(_judge(
        "It cannot be said that the threats were not aimed at her because she is her father's "
        "daughter."))
    assert ("nexus", "established") in _found(_judge(
        "The threats were directed at her because of her role as a farmworkers' organizer."))


def test_a_reset_to_a_date_is_a_continuance():
    assert "continuance" in {t.label for t in _judge(
        "Given the missing records, I'm continuing it until March 3 for the documents.")}


def test_the_refusal_declined_even_in_the_counterfactual():
    assert ("discretion", "favorable") in _found(_judge(
        "Even if I had the discretion to deny her application, I would not; she has supported "
        "her children and has no arrests."))


def test_the_judges_reading_put_for_confirmation_is_what_yes_confirms():
    tags = _tags(("judge", "Asylum is denied. Counsel, accept or reserve for your client?"),
                 ("respondent_counsel", "Reserve."),
                 ("judge", "Reserved for the respondent. Mr. Lin?"),
                 ("dhs_counsel", "We have no quarrel with the ruling."),
                 ("judge", "I take that as the government waiving."),
                 ("dhs_counsel", "That's right."))
    assert _appeals(tags) == {("respondent", "reserved"), ("dhs", "waived")}


def test_the_closing_record_repeats_an_answer_given_to_an_earlier_question():
    tags = _tags(("judge", "Sir, if you take voluntary departure today you give up any appeal. "
                           "Do you agree?"),
                 ("interpreter", "I agree."),
                 ("judge", "Voluntary departure is granted; he must leave by May 30."),
                 ("judge", "Does the government waive as well?"),
                 ("dhs_counsel", "Yes."),
                 ("judge", "Both sides waived, so the order is final."))
    respondent = [t for t in tags if t.label == "appeal"
                  and t.attributes.get("party") == "respondent"]
    assert [t.polarity for t in respondent] == ["waived"]
    assert {2, 6} <= set(respondent[0].segments)


def test_an_application_found_barred_is_not_denied_again_by_reference():
    tags = _judge("Her asylum application was filed four years late and is pretermitted.",
                  "The other two claims rest on the same testimony I have rejected.",
                  "So none of the three can be granted, and the other two are denied.")
    found = _found(tags)
    assert ("asylum", "pretermitted") in found
    assert ("asylum", "denied") not in found
    assert {("withholding_of_removal", "denied"), ("cat_protection", "denied")} <= found


def test_the_reason_for_the_harm_called_protected():
    assert ("nexus", "established") in _found(_judge(
        "I find that the cartel went after her because she reported them to the police, a ground "
        "the Board has recognized as protected."))
