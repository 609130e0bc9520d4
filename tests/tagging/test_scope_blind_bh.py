"""Fixes read from the misses of the set bh (bh01-bh28, written blind in stop 55 and scored
before any round read it), developed against in stop 55, each checked on sentences written for
this test, not taken from the excerpts.

Scope: "neither X nor Y was ..." is one negation; ", real or imputed," is an aside; "does not
find ... and makes an adverse credibility finding" starts a second predicate; the law stated
and then applied after ", so ..." is a finding; "I'll turn to whether ..." and a motion to
pretermit, unruled, find nothing; the presumption of a well-founded fear stated, or weighed in
a sentence about withholding, is no fear finding; "I need not take up" reaches nothing; "I am
not finding that ... frivolous" warns of nothing.
Findings in other words: papers "I'm going to require"; evidence "reasonably available and
she didn't provide it"; a fear "a reasonable person in his position would share"; "not shown
she would be singled out"; "anyone ... is looking for you"; pursued "for that perceived
affiliation"; "carried out because he is ..."; "asked too late"; "comfortably inside a year";
a date "the 4th of May, 2022"; "reached this Court on"; discretion "exercised against".
Events: a continuance told again without its date is the one set before; a continuance only
suggested ("could ask for a continuance instead") is no motion the court grants.
Appeal: "from the Department's side?" asks for the party's answer; "We'll let it stand"
accepts the decision."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_tags, _judge, _labelled, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


# --- scope ----------------------------------------------------------------------------------


def test_neither_nor_is_one_negation():
    tags = _judge("I find that neither his religion nor his politics was one central reason "
                  "for the beating.")
    assert [p for p, _ in _labelled(tags, "nexus")] == ["not_established"]


def test_real_or_imputed_is_an_aside():
    tags = _judge("No opinion, real or imputed, was a central reason for the arrest.")
    assert [p for p, _ in _labelled(tags, "nexus")] == ["not_established"]


def test_and_makes_an_adverse_finding_is_a_second_predicate():
    tags = _judge("The court does not find his account plausible and makes an adverse "
                  "credibility finding.")
    assert _labelled(tags, "credibility") == [("adverse", (1,))]


def test_the_law_stated_then_applied_after_so():
    tags = _judge("The rule is that you must apply within a year of arriving, and nothing "
                  "stopped you, so you applied too late.")
    assert _labelled(tags, "one_year_bar") == [("untimely", (1,))]


def test_the_law_stated_alone_finds_nothing():
    tags = _judge("The law says you have to apply within one year of arriving.")
    assert _labelled(tags, "one_year_bar") == []


def test_turning_to_whether_finds_nothing():
    tags = _judge("I turn next to whether the beating was on account of his religion.")
    assert _labelled(tags, "nexus") == []


def test_a_motion_to_pretermit_unruled_finds_nothing():
    tags = _judge("The Department has filed a motion to pretermit the asylum application as "
                  "untimely.")
    assert _labelled(tags, "asylum") == []
    assert _labelled(tags, "one_year_bar") == []


def test_a_motion_to_pretermit_granted_pretermits():
    tags = _judge("I grant the Department's motion to pretermit, and the asylum application is "
                  "pretermitted as untimely.")
    assert [p for p, _ in _labelled(tags, "asylum")] == ["pretermitted"]


def test_the_presumption_stated_is_no_fear_finding():
    tags = _judge("She begins with a presumption that her fear of future persecution is well "
                  "founded.")
    assert _labelled(tags, "well_founded_fear") == []


def test_the_presumption_unrebutted_is_the_fear_finding():
    tags = _judge("There is a presumption that his fear is well founded, and the government has "
                  "not rebutted it.")
    assert _labelled(tags, "well_founded_fear") == [("established", (1,))]


def test_the_presumption_weighed_for_withholding_is_no_fear_finding():
    tags = _judge("Withholding is another matter; its standard is met, because the presumption "
                  "that follows from his past persecution stands unrebutted.")
    assert _labelled(tags, "well_founded_fear") == []


def test_need_not_take_up_the_convention_claim():
    tags = _judge("Having granted asylum, I need not take up the torture claim.")
    assert _labelled(tags, "cat_protection") == []
    assert _labelled(tags, "asylum") == [("granted", (1,))]


def test_not_finding_a_frivolous_application():
    tags = _judge("I am not finding that he knowingly filed a frivolous application.")
    assert _labelled(tags, "frivolousness_warning") == []


# --- findings in other words ----------------------------------------------------------------


def test_papers_named_then_required():
    tags = _judge("A letter from the hospital and his mother's statement should be easy to get.",
                  "I'm going to require those before the next hearing.")
    assert ("required", (2,)) in _labelled(tags, "corroboration")


def test_available_and_not_provided():
    tags = _judge("His brother's statement was reasonably available and he never submitted it.")
    assert _labelled(tags, "corroboration") == [("insufficient", (1,))]


def test_a_fear_a_reasonable_person_would_share():
    tags = _judge("She has a fear of persecution that a reasonable person in her circumstances "
                  "would share.")
    assert _labelled(tags, "well_founded_fear") == [("established", (1,))]


def test_not_shown_she_would_be_singled_out():
    tags = _judge("The violence touches everyone in the province, and she has not shown that "
                  "she would be targeted.")
    assert _labelled(tags, "well_founded_fear") == [("not_established", (1,))]


def test_nobody_looking_for_you():
    tags = _judge("You have not shown that anyone in Honduras is still looking for you.")
    assert _labelled(tags, "well_founded_fear") == [("not_established", (1,))]


def test_pursued_for_a_perceived_affiliation():
    tags = _judge("The police are hunting him for his imputed membership in the banned party.")
    assert _labelled(tags, "nexus") == [("established", (1,))]


def test_carried_out_because_of_who_he_is():
    tags = _judge("The raids were carried out because he is a Hazara.")
    assert _labelled(tags, "nexus") == [("established", (1,))]


def test_asked_too_late():
    tags = _judge("You came in 2012 and waited eight years, so you filed too late.")
    assert _labelled(tags, "one_year_bar") == [("untimely", (1,))]


def test_comfortably_inside_a_year():
    tags = _judge("Her application was lodged that autumn, comfortably within a year.")
    assert _labelled(tags, "one_year_bar") == [("timely", (1,))]


def test_day_first_dates():
    tags = _judge("She entered on the 9th of March, 2021, and her application reached the court "
                  "on the 1st of December, 2021.")
    assert _labelled(tags, "one_year_bar") == [("timely", (1,))]


def test_discretion_exercised_against():
    tags = _judge("This is a case where discretion should be exercised against the applicant.")
    assert _labelled(tags, "discretion") == [("unfavorable", (1,))]


def test_i_exercise_my_discretion_against_a_grant():
    tags = _judge("Weighing the fraud against the equities, I exercise my discretion against a "
                  "grant.")
    assert _labelled(tags, "discretion") == [("unfavorable", (1,))]


# --- events and appeal ----------------------------------------------------------------------


def test_a_continuance_told_again_without_its_date():
    tags = _judge("I'll give you time to find a lawyer. Come back on March 3 at nine.",
                  "We're going to take a short break.",
                  "Ma'am, do you understand?",
                  "Okay. The case is continued so the respondent can find a lawyer.")
    assert [s for _, s in _labelled(tags, "continuance")] == [(1, 4)]


def test_a_continuance_only_suggested_is_no_motion():
    tags = _tags(("respondent_counsel", "We move to administratively close these proceedings."),
                 ("dhs_counsel", "We oppose. Counsel could ask for a continuance instead."),
                 ("judge", "The motion is granted."))
    assert _labelled(tags, "continuance") == []
    assert [3 in s for _, s in _labelled(tags, "termination")] == [True]


def test_from_the_departments_side_and_let_it_stand():
    tags = _appeal_tags(("judge", "Asylum is granted."),
                        ("judge", "Ms. Ruiz, from the government's side?"),
                        ("dhs_counsel", "We'll let it stand."))
    assert tags == [("waived", "dhs", (2, 3))]
