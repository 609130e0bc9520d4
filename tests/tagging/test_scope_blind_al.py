"""Fixes read from the misses of the blind set al (al01-al28, stop 48), developed against in
the same stop, each checked on sentences written for this test, not taken from the excerpts.

Appeal answers: the other party asked after the judge recorded one answer ("The respondent
accepts the decision as final. Department?" - "Same for the Department."); "your client's
position on the decision?", "positions on the decision?", "Anything from either party on the
decision?" and "is that your client's position?" ask about appeal; a supposition after a
vocative ("Department, I take it you're not appealing your own motion." - "No, Judge."); "we're
happy with it". Scope: "no adverse factor ... would lead me to deny it" (no denial); "not so
severe that I would grant asylum" (no grant); "I turn to withholding" (no ruling on it); "does
not now have a well-founded fear"; "I doubt ... would amount to persecution"; a summary's "and
says the police detained him because ..." (the respondent's account); "cannot be relied on to
protect him" (no credibility finding); who the wrongdoers were, weighed for the torture claim
(no nexus). Findings in other words: "his status as a witness was the reason", "punished for
his work for the party", "I find the documents ample", "not able to give weight to the
letters", papers that "don't fix the problem", "told me the truth", "met that standard", "made
no attempt to rebut the presumption". Discourse: the grant told to the respondent after the
record ("I have granted your asylum case") is the grant made before."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_tags, _found, _judge, _labelled, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


# --- appeal answers -----------------------------------------------------------------------


def test_the_other_party_asked_after_the_record():
    assert _appeal_tags(("judge", "Asylum is denied. Do you accept my decision?"),
                        ("interpreter", "Yes, I accept it."),
                        ("judge", "The respondent accepts the decision as final. Government?"),
                        ("dhs_counsel", "Same for the government.")) == [
        ("waived", "respondent", (1, 2, 3)), ("waived", "dhs", (2, 4))]


@pytest.mark.parametrize("question", [
    "Ms. Cole, your client's position on the decision?",
    "Counsel, positions on the ruling?",
    "Anything from either party on the decision?",
])
def test_positions_on_the_decision_ask_about_appeal(question):
    assert _appeal_tags(("judge", "Withholding of removal is granted."),
                        ("judge", question),
                        ("respondent_counsel", "She accepts it, Judge.")) == [
        ("waived", "respondent", (2, 3))]


def test_is_that_your_clients_position():
    assert _appeal_tags(("judge", "He is ordered removed to Georgia."),
                        ("interpreter", "I do not agree. I want another court to look at it."),
                        ("judge", "Ms. Abashidze, is that your client's position?"),
                        ("respondent_counsel", "Yes, Judge, we will be going to the Board.")) == [
        ("reserved", "respondent", (2, 3, 4))]  # his own words after the ruling, confirmed


def test_a_supposition_after_a_vocative():
    assert _appeal_tags(("judge", "The motion is granted, and the case is terminated."),
                        ("judge", "Government, I take it you're not appealing your own motion."),
                        ("dhs_counsel", "No, Your Honor.")) == [("waived", "dhs", (2, 3))]


def test_happy_with_it_waives():
    assert _appeal_tags(("judge", "Asylum is granted. Does the Department reserve?"),
                        ("dhs_counsel", "We reserve."),
                        ("judge", "Reserved by DHS. And for the respondent?"),
                        ("respondent_counsel", "We're happy with it, Judge.")) == [
        ("reserved", "dhs", (2, 3)), ("waived", "respondent", (3, 4))]


# --- scope --------------------------------------------------------------------------------


def test_what_no_factor_would_lead_to_is_no_denial():
    tags = _judge("She has met her burden of showing she is eligible for asylum,",
                  "and there is no negative factor in the record that would lead me to deny it in "
                  "the exercise of discretion.")
    assert ("discretion", "favorable") in _found(tags)
    assert "asylum" not in {t.label for t in tags}


def test_not_so_severe_that_i_would_grant():
    assert "asylum" not in {t.label for t in _judge(
        "His past harm, serious as it was, is not so severe that I would grant asylum on "
        "humanitarian grounds alone.")}


def test_the_application_turned_to_is_not_ruled_on():
    tags = _judge("Asylum is therefore barred, and I turn now to withholding of removal.")
    assert _found(tags) == {("asylum", "pretermitted")}


def test_does_not_now_have_a_well_founded_fear():
    assert _found(_judge("Conditions have changed, and the respondent does not now have a "
                         "well-founded fear of persecution.")) == {
        ("well_founded_fear", "not_established")}


def test_i_doubt_it_would_amount_to_persecution():
    assert _found(_judge("I doubt that two days of questioning without any mistreatment would "
                         "amount to persecution.")) == {("past_persecution", "not_established")}


def test_the_summary_of_the_account_finds_nothing():
    assert "nexus" not in {t.label for t in _judge(
        "The respondent is a pastor from Bauchi who arrived in 2021 and says the militia burned "
        "his church because he preached to converts.")}


def test_relied_on_to_protect_is_no_credibility_finding():
    assert "credibility" not in {t.label for t in _judge(
        "The police, who have ignored every report she made, cannot be relied on to protect her.")}


def test_the_wrongdoers_weighed_for_the_torture_claim_find_no_nexus():
    # (speech recognition's run-on sentence; a semicolon that splits the torture standard from
    # the robbers is not yet read this way)
    assert "nexus" not in {t.label for t in _judge(
        "as to the torture claim nothing shows any official would acquiesce these were common "
        "robbers with no tie to the police")}


# --- findings in other words --------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "Her role as a union steward who led the strike was the reason, not a dispute over money.",
    "The soldiers told him he was being punished for his work for the opposition party.",
])
def test_the_ground_in_other_words(sentence):
    assert ("nexus", "established") in _found(_judge(sentence))


def test_the_documents_found_ample():
    assert _found(_judge("I find the letters ample.")) == {("corroboration", "sufficient")}


def test_papers_given_no_weight_and_that_fix_nothing():
    tags = _judge("I am unable to give any weight to the affidavits.",
                  "The clinic letters were written years later, and they do not fix the problem.")
    assert _labelled(tags, "corroboration") == [("insufficient", (1,)), ("insufficient", (2,))] \
        or _labelled(tags, "corroboration") == [("insufficient", (1, 2))]


def test_told_me_the_truth():
    tags = _judge("i cant find that she told me the truth about the arrest",
                  "As for her brother, he told me the truth.")
    assert _labelled(tags, "credibility") == [("adverse", (1,)), ("positive", (2,))]


def test_met_that_standard():
    assert _found(_judge("She has not met that standard, and withholding is denied.")) == {
        ("burden_of_proof", "not_met"), ("withholding_of_removal", "denied")}


def test_no_attempt_to_rebut_the_presumption():
    assert _found(_judge("The government has made no attempt to rebut the presumption.")) == {
        ("well_founded_fear", "established")}


# --- discourse ----------------------------------------------------------------------------


def test_the_grant_told_to_the_respondent_is_the_grant_made():
    tags = _tags(("judge", "He merits asylum in the exercise of discretion, and I grant it."),
                 ("judge", "Anything from either party on the decision?"),
                 ("dhs_counsel", "The Department accepts the decision as final."),
                 ("respondent_counsel", "As does the respondent."),
                 ("judge", "Then it is final. Sir, I have granted your asylum case."))
    assert _labelled(tags, "asylum") == [("granted", (1, 5))]
