"""Fixes read from the misses and false tags of the blind set ad (ad01-ad28, stop 45), developed
against in the same stop, each checked on sentences written for this test, not taken from the
excerpts: credibility in other words ("I have no reason to doubt it" after the testimony named,
"satisfied she told me the truth", "I can't say that I disbelieve her", "I accept as truthful
her account", "found Ms. Ruiz candid") and speech recognition's "i dont believe him im making
an adverse credibility finding" (a negated verb with a person for object ends before a new
clause); a persecutor's "fabricated case" is no credibility finding; nexus through political
acts ("visited on her because she organized", "because of his work for the union", "because
you are Black and Fulani"); "a private debt"; "I'm prepared to call persecution", "harm of the
kind the refugee definition guards against"; papers that "fit her account", "what she did
bring does not fill the gap", "neither fills the hole"; "I'm going to need the death
certificate"; "nothing in the record rebuts it" after the presumption; "proven her
eligibility"; "discretion favors her"; what "excuses the delay" outranks the delay stated
before it; "unpersuaded" as a negation ("Nor am I unpersuaded by ..."); the order of removal
the court "still has to sign"; "so thats denied" after a run-on about the one application;
and appeal answers: "We accept the decision", "no intention of appealing", "won't be seeking
further review", "we'll be filing the EOIR-26" (the judge naming the form reserves nothing)."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_answers, _found, _judge

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


@pytest.mark.parametrize("sentence, found", [
    ("His account of the raid on the clinic was steady and detailed, and I have no reason to "
     "doubt it.", ("credibility", "positive")),
    ("All in all I'm satisfied she told me the truth about the arrests.",
     ("credibility", "positive")),
    ("Still, I can't say that I disbelieve her.", ("credibility", "positive")),
    ("I accept as truthful her account of the two detentions.", ("credibility", "positive")),
    ("I found Ms. Ruiz candid about the gaps in her memory.", ("credibility", "positive")),
    ("so um looking at all of it i dont believe her im making an adverse credibility finding",
     ("credibility", "adverse")),
    ("The threats were persecution, and they were visited on her because she organized the "
     "market women.", ("nexus", "established")),
    ("He was jailed because of his work for the union; the warden said so.",
     ("nexus", "established")),
    ("They beat you, and they did it because you are Black and Haratine.",
     ("nexus", "established")),
    ("The men wanted the money he owed their boss; that is a private debt.",
     ("nexus", "not_established")),
    ("Three weeks in a cell and a beating on release is harm I'm prepared to call persecution.",
     ("past_persecution", "established")),
    ("The mock execution was harm of precisely the kind the refugee definition guards against.",
     ("past_persecution", "established")),
    ("The clinic's discharge note fits her account in every particular.",
     ("corroboration", "sufficient")),
    ("The bank records were easy to get, and what she did bring does not fill the gap.",
     ("corroboration", "insufficient")),
    ("There is a church card and a letter from a cousin; neither fills the hole in her story.",
     ("corroboration", "insufficient")),
    ("Counsel, I'm going to need the arrest warrant and the hospital record before the next "
     "hearing.", ("corroboration", "required")),
    ("That triggers the presumption, and nothing in this record rebuts it.",
     ("well_founded_fear", "established")),
    ("She has therefore proven her eligibility.", ("burden_of_proof", "met")),
    ("She has met her burden, and discretion favors her.", ("discretion", "favorable")),
    ("She filed two years after she arrived, but a serious illness is an extraordinary "
     "circumstance that excuses the delay.", ("one_year_bar", "exception")),
    ("Nor am I unpersuaded by the union's letter, which fits his account closely.",
     ("corroboration", "sufficient")),
    ("I still have to sign an order of removal, though it cannot be carried out to Eritrea.",
     ("removal_order", None)),
    ("uh and the torture claim the reports dont show anyone would single him out for it so "
     "thats denied", ("cat_protection", "denied")),
])
def test_finding_in_other_words(sentence, found):
    assert found in _found(_judge(sentence))


@pytest.mark.parametrize("sentence, not_found", [
    ("He was beaten, and then he faced a fabricated criminal case.",
     ("credibility", "adverse")),
    ("I do not find her to be a credible witness.", ("credibility", "positive")),
    ("Reserved and waived. Thirty days for the EOIR-26.", ("appeal", "reserved")),
    ("She filed two years after she arrived, but a serious illness is an extraordinary "
     "circumstance that excuses the delay.", ("one_year_bar", "untimely")),
])
def test_no_finding_there(sentence, not_found):
    assert not_found not in _found(_judge(sentence))


@pytest.mark.parametrize("answer, party, polarity", [
    ("No, Your Honor. We accept the decision.", "respondent_counsel", "waived"),
    ("Judge, the Department has no intention of appealing.", "dhs_counsel", "waived"),
    ("The government won't be seeking further review.", "dhs_counsel", "waived"),
    ("um we'll be filing the e o i r twenty six judge", "respondent_counsel", "reserved"),
])
def test_appeal_answer_in_other_words(answer, party, polarity):
    answers = _appeal_answers(("judge", "The application for asylum is granted."),
                              ("judge", "Anything further from either side?"), (party, answer))
    who = "dhs" if party == "dhs_counsel" else "respondent"
    assert answers == [(polarity, who)]
