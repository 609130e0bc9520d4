"""Fixes read from the misses of the set as (as01-as28, written blind in stop 51 and scored
before this round), developed against later in stop 51, each checked on sentences written for
this test, not taken from the excerpts.

Scope: the Department's burden of rebutting a presumption is no burden of proof of the
respondent's; "nothing independent" supports nothing; "I am not going to decide whether ..."
leaves the question open; "The respondent, a farmer from ..., says ..." reports; speech
recognition's "if she went back and withholding ... is granted" rules after the condition; "the
law does not let me give you asylum" refuses; a favorable exercise "not earned" is unfavorable;
a warning promised "when it is filed" is none; "twenty twenty" is a year, not a stutter, and
"over come" is one word.
Findings in other words: "nothing further I would want her to bring", papers that "leave no need
for anything more"; "I also want the hospital record" (required; "I want the record to reflect"
is not); "it was her ... activity that brought it on her", "at the core of why they came for
him", "tied to his open opposition", "no doubt what they were punishing her for", "political
opinion, actual or imputed", "..., and that is why they want him"; "a reasonable person would
fear going back", "not unlikely that she would be singled out", "unlikely that he would be
targeted", "nothing establishes that he was ever harmed, or that anyone ... is interested in him
now"; "does not reach the level of harm the law treats as persecution", "I find no past
persecution", "thats persecution"; "a reasonable possibility, more than that, that ..."; "I
accept every part of it", an account of something "detailed and sincere"; "no reason to
exercise discretion against him"; "I cannot excuse a delay", "the filing was late", "... so its
timely"; "everything the statute asks of her"; "I will permit you to leave ... voluntarily";
"Will you interpret everything said today ..., accurately and completely?".
Appeal: "I take it neither side intends to take this further." answered "Correct." """

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_tags, _found, _judge, _labelled, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


def _labels(tags) -> set[str]:
    return {t.label for t in tags}


# --- scope ----------------------------------------------------------------------------------


def test_the_departments_burden_of_rebuttal_is_not_the_burden_of_proof():
    tags = _judge("She is presumed to fear persecution, and the Department has not carried its "
                  "burden of rebutting that presumption.")
    assert "burden_of_proof" not in _labels(tags)


def test_nothing_independent_supports_the_account():
    tags = _judge("He produced no arrest record and no letter from his party; nothing "
                  "independent supports what he told me.")
    assert _labelled(tags, "corroboration") == [("insufficient", (1,))]


def test_nothing_independent_props_up_the_account():
    tags = _judge("Without the hospital file, nothing independent props up his account of the "
                  "beating.")
    assert _labelled(tags, "corroboration") == [("insufficient", (1,))]


def test_not_going_to_decide_whether_leaves_it_open():
    tags = _judge("I am not going to decide whether Ms. Haile testified truthfully, because the "
                  "claim fails on nexus in any event.")
    assert "credibility" not in _labels(tags)


def test_the_respondent_with_an_aside_says_is_reported():
    tags = _judge("The respondent, a forty-year-old shopkeeper from Lahore, says party workers "
                  "attacked him because he is Ahmadi.")
    assert "nexus" not in _labels(tags)


def test_a_run_on_ruling_after_a_condition_is_made():
    tags = _judge("so its more likely than not hed be harmed if he went back and withholding "
                  "under two forty one b three is granted")
    assert _labelled(tags, "withholding_of_removal") == [("granted", (1,))]


def test_the_law_not_letting_the_court_grant_is_a_denial():
    tags = _judge("Because of the conviction, the law does not let me give you asylum.")
    assert _labelled(tags, "asylum") == [("denied", (1,))]


def test_a_favorable_exercise_not_earned_is_unfavorable():
    tags = _judge("Having lied to the asylum officer under oath, she has not earned a favorable "
                  "exercise of discretion.")
    assert _labelled(tags, "discretion") == [("unfavorable", (1,))]


def test_a_warning_promised_for_when_it_is_filed_is_none():
    tags = _judge("When your application is filed, I will also warn you about what happens to "
                  "people who file frivolous applications.")
    assert "frivolousness_warning" not in _labels(tags)


# --- findings in other words ----------------------------------------------------------------


def test_nothing_further_wanted_is_sufficient():
    assert _labelled(_judge("The pastor's letter fills in the gaps, and there is nothing further "
                            "I would want her to bring me."),
                     "corroboration") == [("sufficient", (1,))]
    assert _labelled(_judge("The arrest warrant and the two affidavits leave no need for "
                            "anything more."), "corroboration") == [("sufficient", (1,))]


def test_papers_asked_for_are_required():
    assert _labelled(_judge("I also want the hospital record from Herat before I decide."),
                     "corroboration") == [("required", (1,))]
    assert "corroboration" not in _labels(_judge(
        "I want the record to reflect that the respondent has the documents in hand."))


def test_the_ground_named_as_what_brought_the_harm():
    for sentence in (
            "Two weeks in a cell rises to persecution, and it was her union activity that "
            "brought it on her.",
            "His Hazara identity lay at the core of why they came for him.",
            "What the police want from him is tied to his open opposition to the ruling party.",
            "The guards read her leaflets aloud while they beat her; I have no doubt what they "
            "were punishing her for.",
            "he mocked the colonel on the radio so theres a political opinion here actual or "
            "imputed",
            "His writing for the banned paper is a political opinion, and that is why they want "
            "him."):
        assert ("nexus", "established") in _found(_judge(sentence)), sentence


def test_a_reasonable_person_would_fear_going_back():
    tags = _judge("Her brother was arrested last month; a reasonable person would fear going "
                  "back.")
    assert _labelled(tags, "well_founded_fear") == [("established", (1,))]


def test_likely_and_unlikely_to_be_singled_out():
    assert _labelled(_judge("It is not unlikely, I think, that she would be singled out at the "
                            "airport."), "well_founded_fear") == [("established", (1,))]
    assert _labelled(_judge("It is unlikely that he would be targeted now that the war is "
                            "over."), "well_founded_fear") == [("not_established", (1,))]


def test_nothing_establishes_harm_or_interest():
    tags = _judge("Without her testimony nothing establishes that she was ever harmed, or that "
                  "anyone in Kenya is interested in her now.")
    assert _labelled(tags, "past_persecution") == [("not_established", (1,))]
    assert _labelled(tags, "well_founded_fear") == [("not_established", (1,))]


def test_harm_short_of_the_laws_level_and_none_found():
    assert _labelled(_judge("The slap was wrong, but it does not reach the level of harm the law "
                            "treats as persecution."),
                     "past_persecution") == [("not_established", (1,))]
    assert _labelled(_judge("She was never detained herself, and I find no past persecution."),
                     "past_persecution") == [("not_established", (1,))]
    assert _labelled(_judge("they burned his shop with him inside thats persecution"),
                     "past_persecution") == [("established", (1,))]


def test_a_reasonable_possibility_with_an_aside():
    tags = _judge("There is a reasonable possibility, and more, that he would be persecuted for "
                  "his faith.")
    assert _labelled(tags, "well_founded_fear") == [("established", (1,))]


def test_an_account_accepted_in_full_or_found_detailed():
    assert _labelled(_judge("I accept every part of it."),
                     "credibility") == [("positive", (1,))]
    assert _labelled(_judge("I found Ms. Nazari's account of the raid on her school detailed and "
                            "sincere."), "credibility") == [("positive", (1,))]


def test_no_reason_to_exercise_discretion_against_him():
    tags = _judge("I see no reason to exercise discretion against him.")
    assert _labelled(tags, "discretion") == [("favorable", (1,))]


def test_a_delay_not_excused_and_a_late_filing():
    assert _labelled(_judge("I cannot excuse a delay of three years on this record."),
                     "one_year_bar") == [("untimely", (1,))]
    assert _labelled(_judge("The filing was late, and no exception applies."),
                     "one_year_bar") == [("untimely", (1,))]


def test_a_year_spoken_is_no_stutter_and_the_filing_is_timely():
    tags = _judge("she applied in uh june of twenty twenty eight months after she arrived so its "
                  "timely")
    assert _labelled(tags, "one_year_bar") == [("timely", (1,))]


def test_everything_the_statute_asks_meets_the_burden():
    tags = _judge("She has shown everything the statute asks of her.")
    assert _labelled(tags, "burden_of_proof") == [("met", (1,))]


def test_permission_to_leave_voluntarily_grants_voluntary_departure():
    tags = _judge("I will permit you to leave the United States voluntarily.")
    assert _labelled(tags, "voluntary_departure") == [("granted", (1,))]


def test_the_interpreters_oath_with_a_long_clause():
    tags = _tags(("judge", "Will you interpret everything said today from English into Pashto "
                           "and from Pashto into English, accurately and completely?"),
                 ("interpreter", "I will."))
    assert [t.label for t in tags] == ["interpreter_sworn"]


def test_over_come_is_one_word():
    tags = _judge("the reports show arrests are still going on so the presumption has not been "
                  "over come")
    assert _labelled(tags, "well_founded_fear") == [("established", (1,))]


# --- appeal ---------------------------------------------------------------------------------


def test_neither_side_taking_it_further_answered_correct_is_a_waiver():
    assert _appeal_tags(("judge", "Asylum is granted."),
                        ("judge", "I take it neither side intends to take this further."),
                        ("dhs_counsel", "Correct, Judge."),
                        ("respondent_counsel", "Correct.")) == [
        ("waived", "dhs", (2, 3)), ("waived", "respondent", (2, 4))]

