"""Fixes read from the misses of the blind set ai (ai01-ai28, stop 46), developed against in
stop 47, each checked on sentences written for this test, not taken from the excerpts: the
findings and rulings of a family's consolidated case are one tag per person (two people named
apart, by name or by the sex of the pronouns, or a derivative's grant after the principal's),
while a ruling told again to the same person stays one; a derivative who "receives asylum
through" the principal; the Convention named as "the torture treaty"."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _found, _labelled, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


def test_two_people_named_apart_are_two_credibility_findings():
    tags = _tags(("judge", "Ms. Banda testified credibly about the night of the raid."),
                 ("judge", "Mr. Phiri also testified credibly."))
    assert _labelled(tags, "credibility") == [("positive", (1,)), ("positive", (2,))]


def test_spouses_sharing_a_name_are_two_rulings():
    tags = _tags(("judge", "Mr. Tembo's application for asylum is granted."),
                 ("judge", "Mrs. Tembo's application for asylum is granted as well."))
    assert _labelled(tags, "asylum") == [("granted", (1,)), ("granted", (2,))]


def test_the_pronouns_tell_two_people_apart():
    tags = _tags(("judge", "She was a credible witness, specific and consistent."),
                 ("judge", "I also found him credible."))
    assert _labelled(tags, "credibility") == [("positive", (1,)), ("positive", (2,))]


def test_one_person_restated_stays_one_finding():
    tags = _tags(("judge", "She was a credible witness, specific and consistent."),
                 ("judge", "Her account matched her declaration, and I found her credible."))
    assert _labelled(tags, "credibility") == [("positive", (1, 2))]


def test_a_derivative_grant_after_the_principal_is_its_own_ruling():
    tags = _tags(("judge", "Her application for asylum is granted."),
                 ("judge", "Her daughter, as a derivative, receives asylum with her."))
    assert _labelled(tags, "asylum") == [("granted", (1,)), ("granted", (2,))]


def test_a_ruling_told_again_to_the_same_person_stays_one_tag():
    tags = _tags(("judge", "His application for asylum is granted."),
                 ("judge", "Mr. Tembo, you have been granted asylum."))
    assert _labelled(tags, "asylum") == [("granted", (1, 2))]


def test_a_principal_grant_and_its_derivative_told_again_stay_one_tag():
    tags = _tags(("judge", "Asylum is granted to the respondent, and derivatively to her son."),
                 ("judge", "You and your son have been granted asylum."))
    assert _labelled(tags, "asylum") == [("granted", (1, 2))]


def test_the_torture_treaty_is_the_convention():
    assert ("cat_protection", "denied") in _found(_tags(
        ("judge", "And I must say no to what you asked under the torture treaty as well.")))
