"""Fixes read from the misses and false tags of the blind set g (g01-g28, stop 39), each
checked on sentences written for this test, not taken from the excerpts: findings stated in
other words ("reach the level of persecution", "anything but reasonable", "that opinion is the
reason", "does not make up for the gaps", "I believe what she told me", "will receive
asylum", "fares no better"), the alternative set aside ("rather than"), findings declined or
hedged, the state's "approval" as no ruling, and "We are." answering a question about
reserving appeal."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _judge, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


@pytest.mark.parametrize("sentence, found", [
    ("I am not persuaded that the two beatings, painful as they were, reach the level of "
     "persecution.", ("past_persecution", "not_established")),
    ("I cannot conclude that her fear of being jailed is anything but reasonable.",
     ("well_founded_fear", "established")),
    ("The presumption of future persecution stands unrebutted.",
     ("well_founded_fear", "established")),
    ("She faces a real risk of arrest in Minsk because of what she wrote.",
     ("well_founded_fear", "established")),
    ("That opinion is the reason she was detained at the border.", ("nexus", "established")),
    ("She was beaten because she is Christian, and for no other reason.",
     ("nexus", "established")),
    ("His union work was not merely one reason for the beating; it was the reason, and that "
     "is a political opinion.", ("nexus", "established")),
    ("The clinic letter does not make up for the gaps in her testimony.",
     ("corroboration", "insufficient")),
    ("I do not think anything more could reasonably be asked of her.",
     ("corroboration", "sufficient")),
    ("I believe what Ms. Oduya told me about the raid.", ("credibility", "positive")),
    ("I have no reason to doubt what she said about her brother.",
     ("credibility", "positive")),
    ("There were small slips about dates, which I put down to nerves rather than to invention, "
     "and I find her credible.", ("credibility", "positive")),
    ("She will receive asylum.", ("asylum", "granted")),
    ("She filed within six weeks of her arrival.", ("one_year_bar", "timely")),
    ("Nor do I see anything in her past that would weigh against her as a matter of "
     "discretion.", ("discretion", "favorable")),
    ("I see nothing that would lead me to deny her relief as a matter of discretion.",
     ("discretion", "favorable")),
])
def test_a_finding_in_other_words_takes_its_polarity(sentence, found):
    label, polarity = found
    assert {t.polarity for t in _judge(sentence) if t.label == label} == {polarity}


def test_a_claim_that_fares_no_better_is_denied():
    tags = _judge("Asylum is denied.", "The withholding claim fares no better.")
    assert [(t.polarity, 2 in t.segments) for t in tags
            if t.label == "withholding_of_removal"] == [("denied", True)]


def test_the_alternate_order_that_takes_effect_is_a_removal_order():
    tags = _judge("I grant voluntary departure until March 3.",
                  "Should she fail to leave by then, an order removing her to Peru takes effect.")
    assert any(t.label == "removal_order" and 2 in t.segments for t in tags)


@pytest.mark.parametrize("sentence, label", [
    ("I make no finding of past persecution.", "past_persecution"),
    ("I am inclined to think he overstated parts of it, but I need not decide that, and I make "
     "no credibility finding.", "credibility"),
    ("Under this law the harm has to come from the state or with its approval.",
     "cat_protection"),
    ("Your lawyer will tell me whether you want to appeal.", "appeal"),
])
def test_no_finding_is_read_where_none_is_made(sentence, label):
    assert label not in {t.label for t in _judge(sentence)}


def test_we_are_answers_a_question_about_reserving():
    tags = _tags(("judge", "The application is granted."),
                 ("judge", "Is the government reserving?"),
                 ("dhs_counsel", "We are, Your Honor."))
    assert [(t.polarity, t.attributes.get("party")) for t in tags if t.label == "appeal"] == [
        ("reserved", "dhs")]
