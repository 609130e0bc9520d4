"""Fixes read from the misses of the set ba (ba01-ba28, written blind at the end of stop 53 and
scored before any round read it), developed against in stop 54, each checked on sentences
written for this test, not taken from the excerpts.

Speech recognition: "the alternate older" and "the exorcise of discretion" (homophones, read
only where the legal phrase frames them).
Findings in other words: "no concerns about her truthfulness"; testimony "untruthful" and a
person who "lacked candor" (negated: "I cannot say ..."); "the harm he fears is (not) a
reasonable possibility"; "has not proven her case for withholding"; papers that "corroborate
it" after the testimony; "I need nothing more to corroborate her account"; the papers' absence
"not explained"; the court "requiring it here" after stating the law it applies.
Scope: the persecutors' demands told as the story state no reason for the harm; "deliberate
fabrication of a material element" is the frivolousness standard, not credibility; "So does
the claim under the Convention" takes the ruling before it; the reason for the harm feared is
the nexus finding, not one on the fear."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _found, _judge, _labelled

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


# --- speech recognition ---------------------------------------------------------------------


def test_the_alternate_older_is_the_alternate_order():
    tags = _judge("voluntary departure is granted and if she does not leave the alternate older "
                  "of removal to honduras takes effect")
    assert ("removal_order", None) in _found(tags)


def test_the_exorcise_of_discretion():
    tags = _judge("i grant voluntary departure in the exorcise of discretion")
    assert _labelled(tags, "discretion") == [("favorable", (1,))]


# --- findings in other words ----------------------------------------------------------------


def test_no_concerns_about_her_honesty():
    assert _labelled(_judge("I have no real concerns about her honesty."),
                     "credibility") == [("positive", (1,))]


@pytest.mark.parametrize("sentence, polarity", [
    ("Her account of the raid was untruthful in its central parts.", "adverse"),
    ("I am unable to say that her account was untruthful.", "positive"),
    ("He lacked candor about his two earlier arrests.", "adverse"),
    ("I cannot find that she lacked candor with this Court.", "positive"),
])
def test_untruthful_testimony_and_candor(sentence, polarity):
    assert _labelled(_judge(sentence), "credibility") == [(polarity, (1,))]


@pytest.mark.parametrize("sentence, polarity", [
    ("Given who now runs the district, the harm he fears is a reasonable possibility.",
     "established"),
    ("Her parents have lived there untouched for six years, so the harm she fears is not a "
     "reasonable possibility.", "not_established"),
])
def test_the_harm_feared_as_a_reasonable_possibility(sentence, polarity):
    assert _labelled(_judge(sentence), "well_founded_fear") == [(polarity, (1,))]


def test_not_proven_her_case_for_withholding():
    tags = _judge("On this record she has not proven her case for withholding.")
    assert _labelled(tags, "burden_of_proof") == [("not_met", (1,))]


def test_papers_that_corroborate_it_after_the_testimony():
    tags = _judge("She testified in detail about the raid on the union office, and the police "
                  "report and her sister's letter corroborate it.")
    assert _labelled(tags, "corroboration") == [("sufficient", (1,))]


def test_nothing_more_needed_to_corroborate_her_account():
    tags = _judge("With the union letters, the medical note and the photographs in the record, "
                  "I need nothing more to corroborate her account.")
    assert _labelled(tags, "corroboration") == [("sufficient", (1,))]


def test_the_absence_of_the_papers_left_unexplained():
    tags = _judge("He was told in March to bring his mother's affidavit.",
                  "It has not come, and he did not explain why it was unavailable.")
    assert _labelled(tags, "corroboration") == [("insufficient", (2,))]


def test_the_court_requiring_it_after_stating_the_law():
    tags = _judge("Under the regulations I may require corroboration where it is reasonably "
                  "available, and I am requiring it in this case: the arrest warrant and the "
                  "clinic record.")
    assert _labelled(tags, "corroboration") == [("required", (1,))]


# --- scope ----------------------------------------------------------------------------------


def test_demands_told_as_the_story_state_no_reason():
    tags = _judge("Gang members demanded rent from his bakery and, when he refused, burned his "
                  "van.")
    assert _labelled(tags, "nexus") == []


@pytest.mark.parametrize("sentence", [
    "The gang only demanded rent from his bakery.",
    "They demanded the same fee from every bus driver on the route.",
])
def test_demands_called_all_they_wanted_deny_the_nexus(sentence):
    assert _labelled(_judge(sentence), "nexus") == [("not_established", (1,))]


def test_fabrication_of_a_material_element_is_the_frivolousness_standard():
    tags = _judge("I do not find the application frivolous; nothing shows deliberate "
                  "fabrication of a material element.")
    assert _labelled(tags, "credibility") == []


def test_so_does_takes_the_ruling_before_it():
    tags = _judge("The withholding claim fails on the same record.",
                  "So does the claim under the Convention Against Torture.")
    assert _labelled(tags, "withholding_of_removal") == [("denied", (1,))]
    assert [p for p, _ in _labelled(tags, "cat_protection")] == ["denied"]
    assert 2 in _labelled(tags, "cat_protection")[0][1]


def test_the_reason_for_the_harm_feared_is_no_finding_on_the_fear():
    tags = _judge("The threats came after each march she led; the harm she fears is on account "
                  "of her political opinion.")
    assert _labelled(tags, "nexus") == [("established", (1,))]
    assert _labelled(tags, "well_founded_fear") == []
