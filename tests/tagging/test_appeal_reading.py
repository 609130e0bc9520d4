"""Appeal answers and the judge's record of them, read by concept and scoped to the party
(hearingproc.tagging.appeal; no model)."""

from __future__ import annotations

import pytest

from hearingproc.tagging.appeal import answer_stances, record_stances, retracts
from hearingproc.tagging.lexicon import normalise


def _answer(text: str, party: str | None) -> list[tuple[str, str | None]]:
    return [(s.polarity, s.party) for s in answer_stances(normalise(text), party)]


def _record(text: str, last: str | None = None) -> list[tuple[str, str | None]]:
    return [(s.polarity, s.party) for s in record_stances(normalise(text), last)]


@pytest.mark.parametrize(("text", "polarity"), [
    ("He wants to keep that right open, Your Honor.", "reserved"),
    ("We'd like to preserve the issue.", "reserved"),
    ("We intend to hold on to it for now.", "reserved"),
    ("The government will be appealing.", "reserved"),
    ("We will be challenging the relocation finding.", "reserved"),
    ("He doesn't agree with the decision.", "reserved"),
    ("We won't accept it.", "reserved"),
    ("We'll let the ruling stand.", "waived"),
    ("She is satisfied with it.", "waived"),
    ("Nothing further from us.", "waived"),
    ("There will be no appeal.", "waived"),
    ("We are not going to appeal.", "waived"),
    ("He won't be challenging it.", "waived"),
    ("No, we're all set.", "waived"),
    ("We waive appeal.", "waived"),  # "appeal" as what is waived
])
def test_an_answer_takes_the_stance_of_its_words(text: str, polarity: str):
    assert _answer(text, "dhs") == [(polarity, "dhs")]


def test_an_answer_is_the_speakers_unless_it_names_the_party_as_subject():
    # the client named after the verb is what the answer is about, not who answers
    assert _answer("Reserve as to the father; we accept as to the daughter.", "dhs") == [
        ("reserved", "dhs"), ("waived", "dhs")]
    assert _answer("The Department waives as well.", None) == [("waived", "dhs")]
    assert _answer("Good morning, Judge.", "dhs") == []


def test_the_judge_records_each_party_in_its_own_clause():
    assert _record("DHS reserves, the respondent waives.") == [
        ("reserved", "dhs"), ("waived", "respondent")]
    assert _record("Appeal waived by the government and reserved by the respondent.") == [
        ("waived", "dhs"), ("reserved", "respondent")]
    assert _record("Both sides have waived; the order is final.") == [
        ("waived", "respondent"), ("waived", "dhs")]
    assert _record("Waived.", last="dhs") == [("waived", "dhs")]  # the party that answered
    assert _record("Waived.") == []  # nobody answered: nothing to record
    assert _record("The respondent's request for a continuance is noted.") == []


def test_a_correction_is_recognised():
    assert retracts(normalise("Actually, no, we will reserve."))
    assert retracts(normalise("I will deny it, no, strike that, I will grant it."))
    assert not retracts(normalise("We reserve, Judge."))


def test_an_undecided_party_keeps_the_appeal_and_a_record_may_say_final():
    assert _answer("She wants to think it over with her family first.", "respondent") == [
        ("reserved", "respondent")]
    assert _answer("We'll abide by the ruling.", "dhs") == [("waived", "dhs")]
    assert _record("The order is final as to the Department.") == [("waived", "dhs")]
    assert _record("The order is final.") == []  # no party named


def test_a_negation_reaches_the_whole_phrase_about_the_board():
    assert _answer("The Department won't be bringing this before the Board.", "dhs") == [
        ("waived", "dhs")]
    assert _answer("We will be taking it up with the Board.", "respondent") == [
        ("reserved", "respondent")]


def test_a_record_run_on_without_punctuation_reads_each_party():
    """Speech recognition runs two records together: each party-and-verb pair is its own."""
    assert _record("all right appeal waived by the government reserved by the respondent "
                   "due in thirty days") == [("waived", "dhs"), ("reserved", "respondent")]


@pytest.mark.parametrize("text", [
    "appeal waived thirty days department",
    "Reserved, thirty calendar days. Counsel?",
])
def test_a_bare_record_may_run_on_into_the_deadline_and_the_next_party(text: str):
    assert _record(text, "respondent")[0][1] == "respondent"
    assert len(_record(text, "respondent")) == 1


@pytest.mark.parametrize(("text", "polarity"), [
    ("The government is taking this up.", "reserved"),
    ("No, Judge, we won't take it up.", "waived"),
])
def test_taking_it_up_is_the_appeal_with_the_board_unsaid(text: str, polarity: str):
    assert (polarity, "dhs") in _answer(text, "dhs")
