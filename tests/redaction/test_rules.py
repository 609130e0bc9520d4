"""The rules find identifiers as people say them and as Whisper writes them, and leave the
rest of a hearing alone."""

from __future__ import annotations

import pytest
from tests.redaction._planted import COMMITTED

from hearingproc.redaction.names import People
from hearingproc.redaction.rules import (
    A_NUMBER,
    ADDRESS,
    DATE_OF_BIRTH,
    ID_NUMBER,
    NAME,
    PHONE,
    Found,
    find_rules,
    settle,
)
from hearingproc.transcript import load_transcript


def spans(text: str) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start:f.end]) for f in settle(find_rules(text))]


@pytest.mark.parametrize(("text", "expected"), [
    ("My A number is A-123-456-789.", [(A_NUMBER, "A-123-456-789")]),
    ("It is A123456789, sir.", [(A_NUMBER, "A123456789")]),
    ("My A number is 123 456 789.", [(A_NUMBER, "A number is 123 456 789")]),
    ("Alien number 98765432 on the notice.", [(A_NUMBER, "Alien number 98765432")]),
    ("Mi número A es 123 456 789.", [(A_NUMBER, "A es 123 456 789")]),
    ("Case 208-555-019 is called.", [(A_NUMBER, "208-555-019")]),
    ("Call (212) 555-0147 or 347.555.0199.", [(PHONE, "(212) 555-0147"),
                                              (PHONE, "347.555.0199")]),
    ("I was born on March 3rd, 1990 in Honduras.", [(DATE_OF_BIRTH, "March 3rd, 1990")]),
    ("Date of birth: 03/03/1990.", [(DATE_OF_BIRTH, "03/03/1990")]),
    ("Nací el 3 de marzo de 1990.", [(DATE_OF_BIRTH, "3 de marzo de 1990")]),
    ("I live at 1420 Oak Street, Apt. 4, Houston, Texas 77002 now.",
     [(ADDRESS, "1420 Oak Street, Apt. 4, Houston, Texas 77002")]),
    ("Vivía en la colonia Los Pinos, calle 5 número 23.",
     [(ADDRESS, "colonia Los Pinos"), (ADDRESS, "calle 5 número 23")]),
    ("My social security number is 123-45-6789.", [(ID_NUMBER, "123-45-6789")]),
    ("Passport number AB1234567 was issued.", [(ID_NUMBER, "AB1234567")]),
])
def test_each_kind_is_found_as_said(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


def test_one_value_has_one_key_however_it_is_written() -> None:
    keys = {f.key for text in ("A-123-456-789", "A123456789", "A number 123 456 789",
                               "case A123-456-789") for f in find_rules(text)}
    assert keys == {"123456789"}


def test_a_date_without_a_birth_cue_and_plain_numbers_are_kept() -> None:
    assert spans("The hearing is on March 2, 2026 at 9 a.m. in courtroom 4.") == []
    assert spans("He has waited 30 days; 2 of 3 witnesses came, in 2019.") == []


def test_the_sample_hearing_has_nothing_the_rules_take() -> None:
    transcript = load_transcript(COMMITTED / "transcript.json")
    texts = [s.text for s in transcript.segments] + [
        s.translation.text for s in transcript.segments if s.translation]
    assert [(t, spans(t)) for t in texts if spans(t)] == []


def test_an_a_number_wins_over_a_phone_read_in_the_same_digits() -> None:
    overlapping = [Found(PHONE, 2, 14, "2125550147", "rule:phone"),
                   Found(A_NUMBER, 0, 13, "212555014", "rule:a-number")]
    assert [f.kind for f in settle(overlapping)] == [A_NUMBER]
    assert spans("A 212 555 0147") == [(PHONE, "212 555 0147")]  # ten digits: a phone


def test_people_are_one_person_however_named() -> None:
    people = People()
    people.add("Luis Ramírez")
    assert people.add("Mr. Ramirez") == 0 and people.add("Jose Hernandez") == 1
    text = "Señor RAMÍREZ, luis ramirez and Luis met Jose. Mark the exhibit."
    found = [(f.kind, text[f.start:f.end], f.key) for f in people.find(text)]
    assert found == [(NAME, "RAMÍREZ", "0"), (NAME, "luis ramirez", "0"), (NAME, "Luis", "0"),
                     (NAME, "Jose", "1")]
