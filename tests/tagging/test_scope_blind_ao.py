"""Fixes read from the misses of the set ao (ao01-ao28, written blind in stop 49 and scored
before this round), developed against in stop 50, each checked on sentences written for this
test, not taken from the excerpts.

Scope: a hedge set off by commas no longer parts the words it sits between ("is not, as far as
this record goes, persecution"; "are, I believe, enough to back up the central facts"); "nothing
in the letters" negates what it does ("fills the gap"), not what it weighs against or gives
pause about; a negated cue's negation stays with it when speech recognition runs the next
clause on ("i cant believe him the contradictions go to the heart"); a finding declined by
pronoun ("..., and I make no finding on it"); the other side's answer reported ("The
Department answers that ..."); the outcome a condition foretells ("even if I accepted ..., the
claim would fail") is no ruling by reference.
Findings in other words: "I heard nothing in it that I had reason to doubt"; "I would not have
expected more of him"; "I did not need anything beyond that"; "something he could reasonably
obtain"; "none of that arrived", "gave no reason it was unavailable"; "reasonably possible,
perhaps likely, that he would be ..."; "his work with the union would be the reason"; harm "the
refugee law exists to address"; "the order of the court is that you are removed".
Appeal: "I assume neither side is taking this to the Board." - "Correct."; "Mr. X, your
client?" after the other side answered; "We'll leave it at that."."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_tags, _found, _judge, _labelled, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


# --- scope ----------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "Being passed over for one promotion is not, as far as I can tell, persecution.",
    "Two days of questioning at the station was not, in my judgment, persecution.",
])
def test_a_hedge_between_commas_does_not_part_the_finding(sentence):
    assert ("past_persecution", "not_established") in _found(_judge(sentence))


def test_a_hedge_between_the_papers_and_their_weight():
    tags = _judge("The union card, the clinic note and his employer's letter are, I believe, "
                  "enough to back up the central facts.")
    assert ("corroboration", "sufficient") in _found(tags)


@pytest.mark.parametrize("sentence", [
    "Nothing in the affidavits fills the gap in his account.",
    "There is nothing among the exhibits that fills that gap.",
])
def test_nothing_in_the_papers_negates_what_they_do(sentence):
    assert _labelled(_judge(sentence), "corroboration") == [("insufficient", (1,))]


@pytest.mark.parametrize("sentence", [
    "He carried his burden, and nothing in the record counts against a favorable exercise of "
    "discretion.",
    "She met her burden, and nothing in her background gives me any pause about granting "
    "relief as a matter of discretion.",
])
def test_what_nothing_weighs_against_stands(sentence):
    assert _labelled(_judge(sentence), "discretion") == [("favorable", (1,))]


def test_the_negation_stays_with_its_cue_in_a_run_on():
    tags = _judge("okay so i cant believe him the contradictions go to the heart of the claim")
    assert _labelled(tags, "credibility") == [("adverse", (1,))]


def test_a_finding_declined_by_pronoun():
    tags = _judge("Counsel does not argue that she was persecuted in the past, and I make no "
                  "finding on that.")
    assert "past_persecution" not in {t.label for t in tags}


def test_the_other_sides_answer_reported():
    tags = _judge("The Department answers that this was a private matter between neighbours.")
    assert "nexus" not in {t.label for t in tags}


def test_the_outcome_a_condition_foretells_is_no_ruling_by_reference():
    tags = _judge("The respondent seeks asylum.",
                  "I need not settle the discrepancies, because even if I believed all of it, "
                  "the claim would still fail.")
    assert _labelled(tags, "asylum") == []


# --- findings in other words ---------------------------------------------------------------


def test_nothing_heard_that_gave_reason_to_doubt():
    tags = _judge("His testimony was calm and matched the declaration, and I heard nothing in "
                  "it that I had any reason to doubt.")
    assert ("credibility", "positive") in _found(tags)


@pytest.mark.parametrize("sentence", [
    "The baptism record and the pastor's letter cover the main points, and I would not have "
    "expected more of him.",
    "The hospital record describes the fractures. I did not need anything beyond that.",
])
def test_the_expectation_met(sentence):
    assert ("corroboration", "sufficient") in _found(_judge(sentence))


def test_evidence_he_could_reasonably_obtain():
    tags = _judge("A letter from the pastor is something he could reasonably obtain, and I "
                  "want it.")
    assert _labelled(tags, "corroboration") == [("required", (1,))]


@pytest.mark.parametrize("sentence", [
    "None of that came in before today's hearing.",
    "The record has no school certificate, and she gave no reason it was unavailable.",
])
def test_the_papers_asked_for_never_came(sentence):
    tags = _judge("I continued the case so that she could file the certificate and a letter "
                  "from her uncle.", sentence)
    assert ("insufficient", (2,)) in _labelled(tags, "corroboration")


def test_a_fear_reasonably_possible_with_an_aside_and_its_reason():
    tags = _judge("I find it reasonably possible, perhaps likely, that he would be detained "
                  "if returned, and that his work with the union would be the reason.")
    assert {("well_founded_fear", "established"), ("nexus", "established")} <= _found(tags)


def test_harm_the_law_exists_to_address():
    tags = _judge("What the militia did to him is the kind of harm the refugee law exists to "
                  "address.")
    assert ("past_persecution", "established") in _found(tags)


def test_the_order_of_the_court_after_the_condition():
    tags = _judge("if you do not leave by june the order of the court is that you are removed "
                  "to honduras")
    assert [t.label for t in tags if t.label == "removal_order"] == ["removal_order"]


# --- appeal --------------------------------------------------------------------------------


def test_nobody_taking_it_to_the_board_confirmed_by_both():
    assert _appeal_tags(("judge", "The case is administratively closed."),
                        ("judge", "I assume neither side is taking this to the Board."),
                        ("respondent_counsel", "Correct, Your Honor."),
                        ("dhs_counsel", "That's right.")) == [
        ("waived", "respondent", (2, 3)), ("waived", "dhs", (2, 4))]


def test_the_other_side_asked_with_its_client_named():
    assert _appeal_tags(("judge", "Asylum is granted. Mr. Reyes, will the Department appeal?"),
                        ("dhs_counsel", "No, Judge."),
                        ("judge", "Ms. Bauer, your client?"),
                        ("respondent_counsel", "Accepted, Your Honor.")) == [
        ("waived", "dhs", (1, 2)), ("waived", "respondent", (3, 4))]


def test_leaving_it_at_that():
    tags = _tags(("judge", "Withholding is granted. Does either party wish to appeal?"),
                 ("respondent_counsel", "We'll leave it at that, Judge."))
    assert [(t.polarity, t.attributes.get("party")) for t in tags if t.label == "appeal"] == [
        ("waived", "respondent")]
