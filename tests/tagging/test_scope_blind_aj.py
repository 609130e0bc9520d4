"""Fixes read from the misses of the blind set aj (aj01-aj28, stop 47), developed against in
stop 48, each checked on sentences written for this test, not taken from the excerpts.

Appeal answers: the question about "finality"; "nothing to take up"; a question whose "?" speech
recognition lost; the interpreter putting the judge's question to the respondent (a rendering,
no answer); "give that up, or keep it?" (a choice, either answer possible) and "I don't want to
fight it"; the judge's run-on record "appeal's waived both sides". Scope: "no trouble finding",
"nor is it disputed that", "hard to describe ... as anything less than a reasonable possibility",
"more than a reasonable possibility", "without any need for further documents", a negated
report ("the Department has not argued otherwise"). Findings in other words: the supporting
evidence considered adequate, the evidence that could have been supplied and was not, the filing
month told against the arrival's year, "inside a year of his arrival", "neither exception",
testimony found trustworthy, the ground that "placed him at risk", permission to leave at one's
own cost. Discourse: a withdrawn application is no antecedent, "the first of those" after three
forms of protection counted, "the application" after the asylum elements were weighed, a
pretermission put plainly ("I can't give you asylum"), the persecutor bar's grounds (others'),
and lateness excused on the judge's next line."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_tags, _found, _judge, _labelled, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


# --- appeal answers -----------------------------------------------------------------------


def test_a_question_about_finality_asks_about_appeal():
    assert _appeal_tags(("judge", "Withholding is granted. Mr. Okoro, any position on finality?"),
                        ("dhs_counsel", "We won't be challenging it, Your Honor.")) == [
        ("waived", "dhs", (1, 2))]


def test_nothing_to_take_up_waives():
    assert _appeal_tags(("judge", "Department?"),
                        ("dhs_counsel", "We reserve, Judge."),
                        ("judge", "Reserved by the government. Counsel for the respondent?"),
                        ("respondent_counsel", "Nothing to take up for my client, Judge.")) == [
        ("reserved", "dhs", (2, 3)), ("waived", "respondent", (3, 4))]


def test_a_question_whose_question_mark_was_lost():
    assert _appeal_tags(("judge", "mister diaz does your client accept the decision"),
                        ("respondent_counsel", "uh yes judge we accept it")) == [
        ("waived", "respondent", (1, 2))]


def test_the_interpreter_putting_the_question_answers_nothing():
    assert _appeal_tags(
        ("judge", "Sir, you may accept my decision or have the Board look at it. Which will it "
                  "be?"),
        ("interpreter", "The judge says you can accept his decision or send it to the Board for "
                        "another look. What do you choose?")) == []


def test_give_it_up_or_keep_it_is_a_choice():
    assert _appeal_tags(
        ("judge", "If you accept this, you give up your right to have a higher court review it. "
                  "Do you want to give it up, or keep it?"),
        ("interpreter", "I don't want to fight it anymore. I want to go back to my children.")) == [
        ("waived", "respondent", (1, 2))]


def test_the_run_on_record_of_both_sides_repeats_their_answers():
    assert _appeal_tags(("judge", "counsel does your client take the decision as final"),
                        ("respondent_counsel", "yes judge we accept"),
                        ("judge", "and the government"),
                        ("dhs_counsel", "the department waives"),
                        ("judge", "all right appeal waived both sides")) == [
        ("waived", "respondent", (1, 2, 5)), ("waived", "dhs", (4, 5))]


# --- scope --------------------------------------------------------------------------------


def test_no_trouble_finding_finds():
    assert _found(_judge("I have no difficulty concluding that the beatings rose to the level of "
                         "persecution.")) == {("past_persecution", "established")}


def test_what_nobody_disputes_is_found():
    assert ("nexus", "established") in _found(_judge(
        "Nor is it seriously contested that the soldiers singled him out for his religion."))


def test_hard_to_call_it_anything_less_than_a_reasonable_possibility():
    assert _found(_judge("It would be difficult to characterise the risk he faces on return as "
                         "anything short of a real chance.")) == {
        ("well_founded_fear", "established")}


def test_more_than_a_reasonable_possibility():
    assert _found(_judge("The likelihood that the militia would find him again is well more than "
                         "a reasonable possibility.")) == {("well_founded_fear", "established")}


def test_without_any_need_for_further_documents():
    assert _found(_judge("The pastor's letter and the hospital record, taken with his testimony, "
                         "leave me without any need for further documents.")) == {
        ("corroboration", "sufficient")}


def test_a_negated_argument_reports_nothing():
    assert _found(_judge("The Department has not argued otherwise, so the filing deadline is no "
                         "obstacle.")) == {("one_year_bar", "timely")}


# --- findings in other words --------------------------------------------------------------


def test_the_supporting_material_regarded_as_sufficient():
    assert _found(_judge("I regard that documentary material as sufficient.")) == {
        ("corroboration", "sufficient")}


def test_what_could_have_been_supplied_was_not():
    assert _found(_judge("Nor has he provided the records he could easily have obtained: his "
                         "brother lives in Houston and sent nothing.")) == {
        ("corroboration", "insufficient")}


@pytest.mark.parametrize("sentence", [
    "She arrived in February 2021 and filed that November.",
    "He entered in October 2018 and applied the following March.",
    "The application was lodged seven months after her arrival; it is timely.",
    "Her I-589 came in inside a year of her entry.",
])
def test_the_filing_counted_from_arrival_is_timely(sentence):
    assert _found(_judge(sentence)) == {("one_year_bar", "timely")}


def test_the_following_month_after_the_arrival_month_is_left_unread():
    # "arrived in May and filed the following June": which June is not said
    assert ("one_year_bar", "timely") not in _found(_judge(
        "He entered in May 2020 and applied the following June."))


def test_neither_exception_is_untimely():
    assert _found(_judge("He waited four years, and his illness in the first month fits neither "
                         "of the exceptions.")) == {("one_year_bar", "untimely")}


def test_testimony_found_trustworthy():
    tags = _judge("I found his account trustworthy.", "I did not find her account trustworthy.")
    assert _labelled(tags, "credibility") == [("positive", (1,)), ("adverse", (2,))]


def test_the_ground_that_placed_him_at_risk():
    assert _found(_judge("His political views are what placed him at risk.")) == {
        ("nexus", "established")}


@pytest.mark.parametrize("sentence", [
    "I'm giving you permission to depart the United States at your own expense by May first.",
    "I will permit him to depart within ninety days.",
    "He has until March 3 to depart at his own cost.",
])
def test_leave_at_ones_own_cost_by_a_date(sentence):
    assert _found(_judge(sentence)) == {("voluntary_departure", "granted")}


# --- discourse ----------------------------------------------------------------------------


def test_a_withdrawn_application_is_no_antecedent():
    tags = _tags(("judge", "Ms. Haddad, do you understand that you are withdrawing your asylum "
                           "application?"),
                 ("interpreter", "Yes, I understand."),
                 ("judge", "Then the request is granted; she has until June 5 to leave at her own "
                           "expense."))
    assert _found(tags) == {("voluntary_departure", "granted")}


def test_the_first_of_three_forms_of_protection_counted():
    tags = _judge("He has asked for three forms of protection.",
                  "I grant the first of them, and I need not reach the other two.")
    assert _labelled(tags, "asylum") == [("granted", (1, 2))]


def test_the_application_after_the_asylum_elements_were_weighed():
    tags = _judge("The chance that he would be jailed again is a reasonable possibility.",
                  "Nothing in his record weighs against him as a matter of discretion.",
                  "So the application is granted.")
    assert ("granted", (1, 3)) in _labelled(tags, "asylum")


def test_the_application_with_nothing_before_it_is_left_alone():
    tags = _judge("Counsel filed a motion to change venue.", "The application is granted.")
    assert _labelled(tags, "asylum") == []


def test_a_pretermission_put_plainly_is_one_ruling():
    tags = _judge("So I cannot give you asylum. The deadline takes it away, and your asylum "
                  "application is pretermitted.")
    assert _labelled(tags, "asylum") == [("pretermitted", (1,))]


def test_a_denial_in_its_own_words_stays_beside_a_pretermission():
    tags = _judge("Asylum is pretermitted as untimely.", "Withholding of removal is denied.")
    assert _found(tags) >= {("asylum", "pretermitted"), ("withholding_of_removal", "denied")}


def test_the_persecutor_bar_names_others_grounds():
    found = _found(_judge("As a prison guard he took part in the persecution of detainees because "
                          "of their ethnicity."))
    assert not {label for label, _ in found} & {"nexus", "past_persecution"}


def test_lateness_excused_on_the_judges_next_line():
    tags = _judge("She entered in January 2017 but did not file until August 2020, well past the "
                  "deadline.",
                  "Her counsel points to the stroke she suffered in 2017.",
                  "I accept that this was an extraordinary circumstance, and the late filing is "
                  "excused.")
    assert _labelled(tags, "one_year_bar") == [("exception", (3,))]


def test_lateness_stated_before_another_speaker_stays():
    tags = _tags(("judge", "She entered in January 2017 but did not file until August 2020, well "
                           "past the deadline."),
                 ("respondent_counsel", "She had a stroke, Judge."),
                 ("judge", "I accept that this was an extraordinary circumstance, and the late "
                           "filing is excused."))
    assert _labelled(tags, "one_year_bar") == [("untimely", (1,)), ("exception", (3,))]
