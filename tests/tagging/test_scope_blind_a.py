"""Fixes read from the misses and false tags of the blind set a (a01-a28, stop 42), developed
against in stop 43, each checked on sentences written for this test, not taken from the
excerpts: a decision in plain words to a person without counsel ("I have to say no to your
asylum request", "the torture protection", "I order you to be sent back to"); "past
prosecution", as speech recognition hears "past persecution"; findings under a negated frame
("I am unable to find that the beatings fell short of persecution", "I see no basis for
concluding that he falls short of his burden", "anything less than candid"); a burden "fallen
short of what the law requires"; a filing "inside of one year" or "..., which was timely"; an
application named by its place in a list ("I will grant the second request"); and the appeal
question and answer "on behalf of the respondent?" and "Nor from the Department."."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_answers, _found, _judge, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


@pytest.mark.parametrize("sentence, found", [
    ("Sir, I have to say no to your asylum request.", ("asylum", "denied")),
    ("I also say no to withholding and to the torture protection.",
     ("withholding_of_removal", "denied")),
    ("I also say no to withholding and to the torture protection.",
     ("cat_protection", "denied")),
    ("I order you to be sent back to Honduras.", ("removal_order", None)),
    ("She suffered past prosecution at the hands of the militia in her village.",
     ("past_persecution", "established")),
    ("I am unable to find that the two detentions fell short of persecution.",
     ("past_persecution", "established")),
    ("I see no basis for concluding that he falls short of his burden.",
     ("burden_of_proof", "met")),
    ("I cannot say the witness was anything less than candid with me.",
     ("credibility", "positive")),
    ("In the end he has fallen short of what the law requires of an applicant.",
     ("burden_of_proof", "not_met")),
    ("She filed her application in March of 2022, which was timely.",
     ("one_year_bar", "timely")),
    ("He lodged his application inside of one year of coming to this country.",
     ("one_year_bar", "timely")),
])
def test_finding_in_other_words(sentence, found):
    assert found in _found(_judge(sentence))


@pytest.mark.parametrize("sentence, not_found", [
    ("Sir, I have to say no to your asylum request.", ("asylum", "granted")),
    ("I am unable to find that the two detentions fell short of persecution.",
     ("past_persecution", "not_established")),
    ("I see no basis for concluding that he falls short of his burden.",
     ("burden_of_proof", "not_met")),
    ("I cannot say the witness was anything less than candid with me.",
     ("credibility", "adverse")),
])
def test_no_wrong_finding(sentence, not_found):
    assert not_found not in _found(_judge(sentence))


def test_an_application_named_by_its_place_in_the_list():
    tags = _tags(
        ("judge", "He asks for asylum, for withholding of removal and for protection under "
                  "the Convention Against Torture."),
        ("judge", "The first request fails on the one-year deadline."),
        ("judge", "I will grant the second request."),
    )
    got = {(t.label, t.polarity) for t in tags}
    assert ("withholding_of_removal", "granted") in got
    assert ("asylum", "granted") not in got
    assert ("cat_protection", "granted") not in got


def test_appeal_asked_on_behalf_of_a_party_and_answered_nor_from():
    assert _appeal_answers(
        ("judge", "Your application is granted. Does the Department reserve appeal?"),
        ("dhs_counsel", "Waived, Judge."),
        ("judge", "And on behalf of the respondent?"),
        ("respondent_counsel", "Waived as well."),
    ) == [("waived", "dhs"), ("waived", "respondent")]
    assert _appeal_answers(
        ("judge", "The application for asylum is granted. Does the respondent reserve appeal?"),
        ("respondent_counsel", "No, Your Honor."),
        ("judge", "Mr. Hale?"),
        ("dhs_counsel", "Nor from the Department."),
    ) == [("waived", "respondent"), ("waived", "dhs")]
