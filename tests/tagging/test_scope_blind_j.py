"""Fixes read from the misses and false tags of the blind set j (j01-j28), each checked on
sentences written for this test, not taken from the excerpts: a filler after "so" (speech
recognition), negation's and modality's scope (an inability
inside a relative clause on the subject, a claim's ground put as the respondent's, an
application "not denied", a "give" that gives a reason), what is no finding (the law stated as
an entitlement or as the court's power, a finding restated as the premise of the next step,
evidence called credible, an order that stands from before or a ruling told with its year,
another judge's finding with an aside, an assumption with an adverb, a claim not reached, a
motion only filed, discrepancies left unresolved, a determination the court says it could not
fairly make), reference ("the claim" after three applications, "it" after "the former", "So
is the third.", a verdict on a checklist's heading), appeal answers ("Nothing further", an
answer given twice, "yes" to a question after a record), and concepts in the court's own
words (a claim failing on nexus, nothing supporting the testimony, papers asked for, the
exercise of discretion before a grant, the lateness counted in years, the oath recorded, a
terse continuance)."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _found, _judge, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


def _labels(tags) -> set[str]:
    return {t.label for t in tags}


def _appeals(tags) -> set[tuple[str | None, str | None]]:
    return {(t.attributes.get("party"), t.polarity) for t in tags if t.label == "appeal"}


# --- speech recognition -----------------------------------------------------------------------

def test_a_filler_after_so_still_ends_the_sentential_negation():
    found = _found(_judge("i can't accept that explanation so um the court finds he is not "
                          "credible"))
    assert ("credibility", "adverse") in found
    assert ("credibility", "positive") not in found


# --- negation's and modality's scope ----------------------------------------------------------

def test_an_inability_inside_a_relative_clause_on_the_subject_negates_nothing():
    found = _found(_judge("The group she proposes, Honduran mothers who are unable to leave "
                          "their partners, is cognizable."))
    assert ("nexus", "established") in found
    assert ("nexus", "not_established") not in found


def test_the_ground_an_application_rests_on_is_the_respondents_account():
    assert "nexus" not in _labels(_judge(
        "She seeks asylum and withholding of removal based on threats from a gang that wanted "
        "money from her bakery."))


def test_an_application_not_denied_is_pending_not_granted():
    assert "withholding_of_removal" not in _labels(_judge(
        "Your application for withholding is not denied; it remains pending before me."))


def test_a_claim_that_gives_a_reason_grants_nothing():
    assert "asylum" not in _labels(_judge(
        "Her asylum claim looks substantial, which gives her every reason to come to court."))


# --- what is no finding -----------------------------------------------------------------------

def test_the_law_stated_as_an_entitlement_is_no_finding():
    assert "past_persecution" not in _labels(_judge(
        "An applicant who shows past persecution is entitled to a presumption of future harm."))


def test_the_courts_power_stated_as_law_is_no_finding():
    labels = _labels(_judge("The court may ask for corroborating documents even from a credible "
                            "witness when they can be obtained."))
    assert not labels & {"corroboration", "credibility"}


def test_a_finding_restated_as_the_premise_of_the_next_step_is_the_same_finding():
    tags = _judge("I find that she did not testify credibly.",
                  "Her brother's letter is vague.",
                  "The country reports are general.",
                  "Without credible testimony, she cannot show that the arrest happened.",
                  "Given my finding that she invented the arrest, I deny voluntary departure in "
                  "the exercise of discretion.")
    assert len([t for t in tags if t.label == "credibility"]) == 1


def test_evidence_called_credible_is_no_credibility_finding():
    assert "credibility" not in _labels(_judge(
        "The record holds no credible evidence that the police know of him."))


def test_an_order_that_stands_from_before_is_no_order_made():
    assert "removal_order" not in _labels(_judge(
        "The motion is denied, and the deportation order of 2018 remains in force."))


def test_a_ruling_told_with_its_year_is_history():
    labels = _labels(_judge("She was ordered removed by this court in 2016 after her asylum "
                            "claim was denied."))
    assert not labels & {"removal_order", "asylum"}


def test_another_judges_finding_with_an_aside_is_reported():
    assert "credibility" not in _labels(_judge(
        "Judge Moreno, who has since left the bench, found the respondent not credible."))


def test_an_assumption_with_an_adverb_is_no_finding():
    assert "nexus" not in _labels(_judge(
        "I will also assume, without deciding, that her group is cognizable."))


def test_a_claim_the_court_need_not_get_to_is_not_ruled_on():
    assert "cat_protection" not in _labels(_judge(
        "I do not need to get to the torture claim, because I am granting withholding."))


def test_a_motion_only_filed_is_no_termination():
    assert "termination" not in _labels(_judge(
        "Both parties have now filed a joint motion to terminate."))


def test_discrepancies_left_unresolved_are_no_finding():
    tags = _judge("There were some inconsistencies between her declaration and her testimony "
                  "about the dates.", "I need not resolve them.")
    assert "credibility" not in _labels(tags)


def test_a_determination_the_court_could_not_fairly_make_is_none():
    assert "credibility" not in _labels(_judge(
        "I couldn't make a fair credibility finding on answers she may not follow, and I won't "
        "attempt it."))


# --- reference --------------------------------------------------------------------------------

def test_the_claim_after_three_applications_is_the_case_not_the_last():
    found = _found(_judge("She applied for asylum, withholding of removal and protection under "
                          "the Convention.", "The claim fails on nexus."))
    assert ("nexus", "not_established") in found
    assert ("cat_protection", "denied") not in found


def test_it_after_the_former_is_the_former():
    found = _found(_judge("He asked for asylum, withholding of removal and CAT.",
                          "Asylum is denied.",
                          "What remains is withholding of removal and the Convention claim. The "
                          "former calls for the same nexus under a stricter standard, so it is "
                          "denied too."))
    assert ("withholding_of_removal", "denied") in found
    assert ("cat_protection", "denied") not in found


def test_so_is_the_third():
    found = _found(_judge("He applied for asylum, withholding of removal and protection under "
                          "the Convention Against Torture.", "Asylum is denied.",
                          "Withholding is denied as well.", "So is the third."))
    assert ("cat_protection", "denied") in found


def test_a_verdict_on_a_checklist_heading():
    found = _found(_judge("Item four, nexus.", "Box checked: not established.",
                          "Item six, burden of proof.", "Met."))
    assert {("nexus", "not_established"), ("burden_of_proof", "met")} <= found


# --- appeal answers ---------------------------------------------------------------------------

def test_nothing_further_is_no_appeal_answer():
    tags = _tags(("judge", "Asylum is denied. Counsel, do you reserve appeal?"),
                 ("respondent_counsel", "We reserve."),
                 ("judge", "Reserved. Anything from the government?"),
                 ("dhs_counsel", "Nothing further, Your Honor."))
    assert _appeals(tags) == {("respondent", "reserved")}


def test_an_answer_given_twice_is_one_appeal():
    tags = _tags(("judge", "Withholding is denied. Do you accept the decision or reserve "
                           "appeal?"),
                 ("interpreter", "I am not sure. I want to think about it."),
                 ("applicant", "Не знаю."),
                 ("judge", "If you appeal you have thirty days to file. If you accept, it is "
                           "final today."),
                 ("applicant", "Тогда обжалую."),
                 ("interpreter", "Then I will reserve my appeal."),
                 ("judge", "Reserved for the respondent."))
    assert len([t for t in tags if t.label == "appeal"]) == 1


def test_yes_to_the_question_after_a_record():
    tags = _tags(("judge", "Voluntary departure is granted."),
                 ("judge", "Appeal waived by the respondent. The government waives as well?"),
                 ("dhs_counsel", "Yes."))
    assert ("dhs", "waived") in _appeals(tags)


# --- concepts in the court's own words --------------------------------------------------------

def test_nothing_supports_the_testimony():
    assert ("corroboration", "insufficient") in _found(
        _judge("Nothing you filed supports your testimony."))


def test_papers_the_court_asks_for():
    assert ("corroboration", "required") in _found(
        _judge("I want you to bring a letter from your brother and the police report to the "
               "next hearing."))


def test_the_exercise_of_discretion_before_a_grant():
    assert ("discretion", "favorable") in _found(
        _judge("In the exercise of discretion, and given his clean record, I grant voluntary "
               "departure."))


def test_lateness_counted_in_years_far_from_the_filing():
    assert ("one_year_bar", "untimely") in _found(
        _judge("she filed the asylum application in uh june of twenty twenty three which is "
               "what eleven years after she came"))


def test_the_oath_recorded():
    assert "interpreter_sworn" in _labels(
        _judge("For the record, the Tigrinya interpreter, Ms. Haile, has affirmed that she "
               "will interpret accurately."))


def test_a_terse_continuance():
    assert "continuance" in _labels(_judge("Continued for merits; we resume in the spring."))
