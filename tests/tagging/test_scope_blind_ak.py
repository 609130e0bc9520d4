"""Fixes read from the misses of the blind set ak (ak01-ak28, stop 48), developed against in
the same stop, each checked on sentences written for this test, not taken from the excerpts.

Appeal answers: the next party asked as "And for the applicant?" or by a title in the hearing's
language ("Maître Ngassa?"); "the Department's position?" after the decision; a question with
its "?" lost after fillers ("okay uh counsel does he accept or"); a respondent's "waiver" (an
application for one) asks nothing about appeal. Scope: "nothing in the way he testified
suggested he was anything but truthful"; "not an incredible witness"; "I am not satisfied that
any extraordinary circumstance accounts for the delay". Findings in other words: harm "tied
to" a ground, "the only reason for it was his faith", "punishment for a perceived political
allegiance", "the nexus is political opinion", "no reason to doubt any of that", papers that
"settle the points that worried me", evidence the court "would expect to be available" and
"will need to see", a "material change" and a filing "within a reasonable period" of it,
"has not suffered past harm", the oath recalled ("was sworn at the start of the docket"), the
respondent's fear stated ("She fears return"), the alternate order named after it. Discourse:
"I deny that as well" after the torture standard, "it" after a comparison ("more than asylum
does") is the application compared, "for me to give you asylum" states what a grant needs, an
order told again after its interpretation is one order, and a consolidated case's dates stay
with the brother they are about when the judge turns to the other."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_tags, _found, _judge, _labelled, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


# --- appeal answers -----------------------------------------------------------------------


def test_the_next_party_asked_for_the_applicant():
    assert _appeal_tags(("judge", "Withholding is granted."),
                        ("interpreter", "Thank you, Judge."),
                        ("judge", "Mr. Park for the Department, your position?"),
                        ("dhs_counsel", "The Department will accept the decision."),
                        ("judge", "And for the applicant?"),
                        ("respondent_counsel", "Likewise, we accept.")) == [
        ("waived", "dhs", (4,)), ("waived", "respondent", (5, 6))]


def test_a_title_in_the_hearings_language_asks_the_party():
    assert _appeal_tags(("judge", "Asylum is granted. Does the Department reserve?"),
                        ("dhs_counsel", "We reserve, Judge."),
                        ("judge", "Reserved. Monsieur Diallo?"),
                        ("respondent_counsel", "We are content, Judge.")) == [
        ("reserved", "dhs", (2, 3)), ("waived", "respondent", (3, 4))]


def test_the_departments_position_asked_after_the_decision():
    assert _appeal_tags(("judge", "The application for asylum is granted."),
                        ("judge", "Ms. Ortiz, the Department's position?"),
                        ("dhs_counsel", "The Department would like to keep its options open.")) == [
        ("reserved", "dhs", (2, 3))]


def test_a_question_after_fillers_its_mark_lost():
    assert _appeal_tags(("judge", "all right um counsel does she accept or"),
                        ("respondent_counsel", "she accepts judge")) == [
        ("waived", "respondent", (1, 2))]


def test_a_waiver_application_asks_nothing_about_appeal():
    assert _appeal_tags(
        ("judge", "Sir, your attorney wants me to pause your case while the agency decides your "
                  "waiver. Is that all right with you?"),
        ("interpreter", "Yes, that is all right.")) == []


# --- scope --------------------------------------------------------------------------------


def test_nothing_in_the_way_he_testified_suggested_otherwise():
    assert _found(_judge("Nothing in the way she testified suggested she was anything other than "
                         "candid.")) == {("credibility", "positive")}


def test_not_an_incredible_witness():
    tags = _judge("I do not find her to be an incredible witness.",
                  "As for her husband, I found him incredible.")
    assert _labelled(tags, "credibility") == [("positive", (1,)), ("adverse", (2,))]


def test_no_circumstance_accounts_for_the_delay():
    assert _found(_judge("I am not satisfied that any changed circumstance accounts for the "
                         "delay of four years.")) == {("one_year_bar", "untimely")}


# --- findings in other words --------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "The beatings were plainly tied to the political work he did for the union.",
    "The only reason for the raids was her faith.",
    "This was no ordinary prosecution; it was retaliation for a perceived political loyalty.",
    "they beat him because he organized the strike so the nexus is political opinion",
])
def test_the_ground_in_other_words(sentence):
    assert ("nexus", "established") in _found(_judge(sentence))


def test_harm_not_tied_to_a_ground():
    assert ("nexus", "not_established") in _found(_judge(
        "The extortion was not tied to his religion."))


def test_no_reason_to_doubt_any_of_it():
    assert _found(_judge("I have no reason to doubt any of it.")) == {("credibility", "positive")}


def test_papers_that_settle_the_courts_doubts():
    tags = _judge("The clinic's record and the pastor's letter resolve the concerns I had.",
                  "Her cousin's affidavit does not answer my doubts.")
    assert _labelled(tags, "corroboration") == [("sufficient", (1,)), ("insufficient", (2,))]


def test_evidence_the_court_expects_to_see():
    assert _found(_judge("A letter from the hospital is the kind of document I would expect to be "
                         "available.")) == {("corroboration", "required")}
    assert _found(_judge("At the next hearing I will need to see the arrest warrant.")) == {
        ("corroboration", "required")}


def test_a_material_change_and_a_reasonable_period():
    assert _found(_judge("Her baptism was a material change in her circumstances, and she filed "
                         "within two months of it, which is a reasonable period.")) == {
        ("one_year_bar", "exception")}


def test_no_past_harm():
    assert _found(_judge("She has not suffered past harm.")) == {
        ("past_persecution", "not_established")}


def test_the_oath_recalled_is_no_oath():
    assert "interpreter_sworn" not in {t.label for t in _judge(
        "The Somali interpreter was sworn at the start of the calendar.")}


def test_the_fear_stated_is_no_finding():
    assert "well_founded_fear" not in {t.label for t in _judge(
        "The respondent is a thirty-year-old teacher from Minsk. She fears return as a known "
        "protester.")}


def test_the_alternate_order_named_after_it():
    assert _found(_judge("if she doesnt leave by then shes ordered removed to peru thats the "
                         "alternate order")) == {("removal_order", None)}


# --- discourse ----------------------------------------------------------------------------


def test_i_deny_that_after_the_torture_standard():
    tags = _judge("Nothing shows that any official would torture you or allow it. I deny that "
                  "as well.")
    assert _labelled(tags, "cat_protection") == [("denied", (1,))]


def test_it_after_a_comparison_is_the_application_compared():
    tags = _judge("Asylum is denied.", "Withholding requires more than asylum does.",
                  "It therefore fails too.")
    assert _labelled(tags, "withholding_of_removal") == [("denied", (2, 3))]


def test_what_a_grant_needs_is_no_grant():
    tags = _judge("For me to give you asylum, the law says they must have hurt you because of "
                  "your religion or your politics.")
    assert "asylum" not in {t.label for t in tags}


def test_an_order_told_again_after_its_interpretation_is_one_order():
    tags = _tags(("judge", "So I am going to order you sent back to Laos. Do you understand?"),
                 ("interpreter", "Vì vậy tôi sẽ ra lệnh đưa ông về Lào. Ông hiểu không?"),
                 ("applicant", "Dạ hiểu."),
                 ("interpreter", "Yes, I understand."),
                 ("judge", "The respondent is ordered removed to Laos."))
    assert _labelled(tags, "removal_order") == [(None, (1, 5))]


def test_a_brothers_dates_stay_with_him_when_the_judge_turns_to_the_other():
    tags = _judge("I'll start with the older brother, Mr. Karim.",
                  "He arrived in March 2022 and filed his asylum application in October 2022.",
                  "Now the younger brother, Mr. Rahim.",
                  "He entered in May 2018 and did not file until June 2022, and I can't find a "
                  "changed circumstance that explains a delay of four years.")
    assert _labelled(tags, "one_year_bar") == [("timely", (2,)), ("untimely", (4,))]
