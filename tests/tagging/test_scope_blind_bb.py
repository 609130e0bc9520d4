"""Fixes read from the misses of the set bb (bb01-bb28, written blind in stop 54 and scored
before any round read it), developed against in stop 54, each checked on sentences written for
this test, not taken from the excerpts.

Languages: a line noted as spoken in another language ("[in Nepali] ...") or a long line with
none of English's function words renders the court's words to the respondent, and answers no
question.
Appeal: the choice put without a question mark ("... which one"); "I want them to review it"
reserves; "Happily." says yes.
Events: "your new date" tells the continuance again; "Last time I reset this case" recalls one;
a motion withdrawn is not the motion then granted; the clerk who "will give it to you" grants
nothing, nor does "the benefit of the doubt"; "I expect to grant asylum" and "I am not granting
it today" rule on nothing; "I make no frivolousness finding" and "whether the application was
frivolous" warn of nothing; speech recognition's "defer all of removal".
Scope: the conclusion run on after a condition ("... if he's returned so he has carried his
burden"); "The Department says it was ..." and "counsel calls this persecution" report; "the
third application fares no better" after a reason clause with a negation of its own; "so i'm
denying that too" after "you said ..., but ..."; "Even if that were so, ... leave the
presumption unrebutted"; "compelling reasons for her unwillingness to return" (humanitarian
asylum) and a Convention claim weigh no fear of persecution.
Findings in other words: testimony that "hung together"; papers that "confirm the conversion";
the filing "way more than one year" after entry; ignorance of the rule "not a reason the law
accepts"; "can fall short of the legal standard, and she has"."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_tags, _found, _judge, _labelled, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


# --- languages and appeal -------------------------------------------------------------------


@pytest.mark.parametrize("rendering", [
    "[in Tamil] Neethipathi ungal manuvai etrukkondar. Arasu vakeel appeal seyya mudiyum.",
    "Neethipathi ungal manuvai etrukkondar arasu vakeel muppathu naalil appeal seyya mudiyum "
    "ungalukku puriyutha",
])
def test_the_courts_words_rendered_in_another_language_answer_nothing(rendering):
    tags = _appeal_tags(
        ("judge", "Asylum is granted. Ms. Dunn, does the respondent accept the decision?"),
        ("respondent_counsel", "We accept it, Judge."),
        ("judge", "Mr. Park?"),
        ("dhs_counsel", "The government reserves."),
        ("judge", "Reserved for the government. Please explain to her."),
        ("interpreter", rendering))
    assert [(p, party) for p, party, _ in tags] == [("waived", "respondent"), ("reserved", "dhs")]


def test_the_choice_put_without_a_question_mark_and_review_asked_for():
    tags = _appeal_tags(
        ("judge", "i am ordering you removed to guatemala"),
        ("judge", "you can accept my decision and it is final or you can ask the board to look "
                  "at it you would have thirty days which one"),
        ("interpreter", "i would like them to look at it again please"))
    assert [(p, party) for p, party, _ in tags] == [("reserved", "respondent")]


def test_happily_says_yes():
    tags = _appeal_tags(
        ("judge", "Voluntary departure is granted. Ms. Obi, does your client accept that?"),
        ("respondent_counsel", "Gladly, Your Honor."))
    assert [(p, party) for p, party, _ in tags] == [("waived", "respondent")]


# --- events ---------------------------------------------------------------------------------


def test_the_new_date_tells_the_continuance_again():
    tags = _tags(
        ("judge", "I will give you one more chance to find a lawyer. Your next hearing is May "
                  "ninth at eight thirty."),
        ("judge", "You must come even if you have no lawyer."),
        ("interpreter", "I understand."),
        ("judge", "If you miss it, you can be ordered removed."),
        ("dhs_counsel", "No objection."),
        ("judge", "Sir, the clerk has a paper for you with the new date on it."))
    assert [s for p, s in _labelled(tags, "continuance")] == [(1, 6)]


def test_last_time_recalls_a_reset():
    tags = _judge("Last time I reset her case so the Department could verify her TPS.")
    assert _labelled(tags, "continuance") == []


def test_a_motion_withdrawn_is_not_the_motion_granted():
    tags = _tags(
        ("dhs_counsel", "The Department moves to dismiss without prejudice."),
        ("respondent_counsel", "We had asked to continue, but we will withdraw that motion."),
        ("judge", "The request to continue is withdrawn."),
        ("judge", "The Department's motion is granted, and the case is dismissed."))
    found = _found(tags)
    assert ("continuance", None) not in found
    assert ("termination", None) in found


@pytest.mark.parametrize("sentence", [
    "The form is the E-26; the clerk will give it to you on your way out.",
    "The dates differ by a week, and I give her the benefit of it.",
])
def test_what_staff_hand_over_or_a_doubt_resolved_grants_nothing(sentence):
    tags = _judge("She applied for asylum and for withholding of removal.", sentence)
    assert not any(t.polarity == "granted" for t in tags)


def test_a_grant_foreseen_or_put_off_rules_on_nothing():
    tags = _judge("Once the background checks clear, I expect to grant asylum.",
                  "But I am not granting it yet.")
    assert _labelled(tags, "asylum") == []


@pytest.mark.parametrize("sentence", [
    "I do not find that she deliberately fabricated a material element, so I make no "
    "frivolousness finding.",
    "I have considered whether the application was frivolous.",
])
def test_no_frivolousness_finding_is_no_warning(sentence):
    assert _labelled(_judge(sentence), "frivolousness_warning") == []


def test_defer_all_of_removal_is_deferral_and_no_ruling_yet():
    tags = _judge("what remains is defer all of removal under the convention against torture "
                  "which carries no bar")
    assert _labelled(tags, "cat_protection") == []


# --- scope ----------------------------------------------------------------------------------


def test_the_conclusion_run_on_after_a_condition():
    tags = _judge("it is more likely than not the police would torture her if she goes back so "
                  "she has met her burden")
    assert _labelled(tags, "burden_of_proof") == [("met", (1,))]


@pytest.mark.parametrize("sentence", [
    "The government says it was a robbery and nothing more.",
    "Her attorney calls this persecution on account of her faith.",
])
def test_a_party_naming_the_harm_reports_it(sentence):
    assert {label for label, _ in _found(_judge(sentence))} & {
        "past_persecution", "nexus"} == set()


def test_fares_no_better_after_a_reason_with_its_own_negation():
    tags = _judge("He applied for asylum, withholding, and protection under the Convention "
                  "Against Torture.",
                  "Asylum is denied, and withholding goes the same way.",
                  "Since nothing suggests that any official would harm him, or stand by while "
                  "others did, the third application fares no better.")
    assert [p for p, _ in _labelled(tags, "cat_protection")] == ["denied"]


def test_denying_that_too_after_what_you_said():
    tags = _judge("for the torture claim you have to show the police would torture you or allow "
                  "it",
                  "you said the police did nothing when you reported it but that's not the same "
                  "as helping the gang and you lived in puebla a year without trouble so i'm "
                  "denying that too")
    assert [p for p, _ in _labelled(tags, "cat_protection")] == ["denied"]


def test_a_concession_then_the_presumption_left_unrebutted():
    tags = _judge("Even if that were true, his brother's arrest last spring leaves the "
                  "presumption intact.")
    assert _labelled(tags, "well_founded_fear") == [("established", (1,))]


@pytest.mark.parametrize("sentence", [
    "There are compelling reasons for his unwillingness to go back.",
    "For the Convention request, there is no evidence that any official ever hurt her or that "
    "anyone in government is searching for her now.",
])
def test_no_fear_of_persecution_weighed(sentence):
    assert _labelled(_judge(sentence), "well_founded_fear") == []


# --- findings in other words ----------------------------------------------------------------


def test_testimony_that_hung_together():
    assert _labelled(_judge("His account hung together from start to finish."),
                     "credibility") == [("positive", (1,))]


def test_papers_that_confirm_an_event_of_the_claim():
    tags = _judge("The imam's affidavit and the party card confirm his membership.")
    assert _labelled(tags, "corroboration") == [("sufficient", (1,))]


def test_the_filing_far_more_than_a_year_after_entry():
    tags = _judge("you entered in twenty sixteen and filed for asylum in twenty twenty two that "
                  "is much more than one year")
    assert _labelled(tags, "one_year_bar") == [("untimely", (1,))]


def test_ignorance_of_the_rule_is_no_reason_the_law_accepts():
    tags = _judge("you told me nobody explained the deadline to you but that is not a reason the "
                  "law accepts so your asylum application is pretermitted")
    assert _labelled(tags, "one_year_bar") == [("untimely", (1,))]


def test_can_fall_short_and_she_has():
    tags = _judge("A sincere witness can still fall short of the legal standard, and she has.")
    assert _labelled(tags, "burden_of_proof") == [("not_met", (1,))]
