"""Fixes read from the misses of the set aw (aw01-aw28, written blind in stop 52 and scored
before the round on av), developed against in stop 53, each checked on sentences written for
this test, not taken from the excerpts.

Scope: "I take it you are not challenging this?" - "Correct." waives; "it would not be
accurate to say that ..." negates its clause; the testimony described "so far" is no finding
yet; the respondent's own proposal of groups, or whom he fears, is his claim; his own
declaration that leaves something out corroborates nothing either way; the Department's
burden carried is not the respondent's; the classifier's polarity gives way to the lexicon's
reading of the same finding in the same turn; a continuance told again with its date, and
papers required told again to the respondent, are one tag; an interpreter sworn "for the whole
docket" earlier is no oath now.
Findings in other words: the Department has not shown that conditions changed (the presumption
stands, even in the sentence that raises it); "someone in his position would reasonably fear
return"; "prepared to credit her"; papers that "back up what she says", "documents that
undercut him", the supporting evidence that "falls short"; harm that does not reach "the
extreme level"; "he suffered it because he is Rohingya"; harm "unrelated to" the trait."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_answers, _found, _judge, _labelled, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


# --- scope ----------------------------------------------------------------------------------


def test_a_negated_appeal_question_confirmed_waives():
    assert _appeal_answers(
        ("judge", "Asylum is granted. Mr. Ruiz, I take it your client is not contesting the "
                  "decision?"),
        ("respondent_counsel", "That's right, Judge.")) == [("waived", "respondent")]
    assert _appeal_answers(
        ("judge", "Counsel for the Department, you're not appealing, are you?"),
        ("dhs_counsel", "No, Your Honor.")) == [("waived", "dhs")]


def test_the_appeal_question_put_plainly_still_reserves_on_yes():
    assert _appeal_answers(("judge", "Counsel, do you want to appeal?"),
                           ("respondent_counsel", "Yes.")) == [("reserved", "respondent")]


def test_it_would_not_be_accurate_to_say_negates_its_clause():
    tags = _judge("It would not be fair to say that the beating, which came after months of "
                  "warnings, was unrelated to her church work.")
    assert _labelled(tags, "nexus") == [("established", (1,))]
    tags = _judge("The extortion was unrelated to his clan.")
    assert _labelled(tags, "nexus") == [("not_established", (1,))]


def test_testimony_described_so_far_is_no_finding_yet():
    assert not _labelled(_judge("Her account so far has been consistent, but there is nothing "
                                "from her sister."), "credibility")
    assert not _labelled(_judge("Thus far her testimony has been specific."), "credibility")
    assert _labelled(_judge("Her testimony was specific and consistent, and I find her "
                            "credible."), "credibility") == [("positive", (1,))]


def test_the_respondents_own_framing_of_the_claim_is_reported():
    assert not _labelled(_judge("She fears her former husband's brothers, who swore revenge "
                                "after a dispute over a family plot of land."), "nexus")
    assert not _judge("She proposes a particular social group of women who resist forced "
                      "marriage.")
    tags = _judge("He fears the army, and that fear is objectively reasonable.")
    assert _labelled(tags, "well_founded_fear") == [("established", (1,))]


def test_the_respondents_own_declaration_silent_is_no_corroboration():
    assert not _labelled(_judge("Her own declaration says nothing about the union."),
                         "corroboration")
    assert _labelled(_judge("His brother's declaration says nothing about the beating."),
                     "corroboration") == [("insufficient", (1,))]


def test_the_departments_burden_is_not_the_respondents():
    assert not _labelled(_judge("The government has carried that burden."), "burden_of_proof")
    assert not _labelled(_judge("The Department has met its burden of showing that she could "
                                "move to Lagos."), "burden_of_proof")
    assert _labelled(_judge("The respondent has met her burden."),
                     "burden_of_proof") == [("met", (1,))]


def test_a_continuance_told_again_with_its_date_is_one_tag():
    tags = _tags(("judge", "I'll give you sixty days. I find good cause and we will resume on "
                           "March 4th at 1 p.m."),
                 ("respondent_counsel", "Thank you, Judge."),
                 ("judge", "Ma'am, do you understand what is happening today?"),
                 ("interpreter", "Yes, I understand."),
                 ("judge", "Is there anything further from either side?"),
                 ("dhs_counsel", "Nothing, Judge."),
                 ("judge", "Then this matter is adjourned to March 4."))
    assert _labelled(tags, "continuance") == [(None, (1, 7))]


def test_continuances_to_different_dates_stay_apart():
    tags = _tags(("judge", "We will continue the case to March 4th for the interpreter."),
                 ("judge", "Okay."), ("judge", "Call the next one."), ("judge", "Good morning."),
                 ("judge", "Counsel, state your appearance."), ("judge", "Thank you."),
                 ("judge", "This case is continued to April 9th."))
    assert _labelled(tags, "continuance") == [(None, (1,)), (None, (7,))]


def test_the_oath_for_the_whole_calendar_recalled_is_no_oath():
    assert not _tags(("judge", "ma'am you were sworn in for the entire calendar today correct"))


def test_the_turn_concludes_one_way():
    tags = _judge("Because the persecutor is the state, moving is not realistic, and nothing "
                  "suggests the authorities have lost interest in her; a 2021 summons is in "
                  "the file. Her fear of future persecution is well founded.")
    assert _labelled(tags, "well_founded_fear") == [("established", (1,))]


# --- findings in other words ----------------------------------------------------------------


def test_conditions_not_shown_changed_leave_the_presumption_standing():
    tags = _judge("Since he was persecuted in the past he gets a presumption that his fear of "
                  "future persecution is well founded, and the government has not shown that "
                  "conditions in Nicaragua have changed or that he could safely move to "
                  "another region.")
    assert _labelled(tags, "well_founded_fear") == [("established", (1,))]
    tags = _judge("The Department has shown that conditions have changed.")
    assert ("well_founded_fear", "established") not in _found(tags)


def test_the_reasonable_person_in_her_place_fears():
    tags = _judge("I have no doubt that a woman in her circumstances would reasonably fear "
                  "going back.")
    assert _labelled(tags, "well_founded_fear") == [("established", (1,))]
    tags = _judge("I do not think a person in his situation would fear returning.")
    assert _labelled(tags, "well_founded_fear") == [("not_established", (1,))]


def test_prepared_to_credit():
    assert _labelled(_judge("Weighing it all, I am prepared to credit him."),
                     "credibility") == [("positive", (1,))]
    assert _labelled(_judge("I am not prepared to believe her account of the arrest."),
                     "credibility") == [("adverse", (1,))]


def test_papers_that_back_up_or_undercut_the_account():
    assert _labelled(_judge("The medical letter and the church membership card back up what "
                            "he told me."), "corroboration") == [("sufficient", (1,))]
    assert _labelled(_judge("The photos do not support what she claims."),
                     "corroboration") == [("insufficient", (1,))]
    assert _labelled(_judge("With papers that contradict her rather than support her, she has "
                            "not carried her burden."), "corroboration") == [("insufficient",
                                                                               (1,))]


def test_supporting_evidence_that_falls_short_is_not_a_requirement():
    tags = _judge("That letter was reasonably available, its absence goes unexplained, and the "
                  "independent evidence therefore falls short.")
    assert _labelled(tags, "corroboration") == [("insufficient", (1,))]


def test_harm_short_of_the_extreme_level():
    tags = _judge("Two days in a police station, a shove and some insults are serious, but "
                  "they do not reach the extreme level the law requires.")
    assert _labelled(tags, "past_persecution") == [("not_established", (1,))]


def test_persecution_suffered_because_of_who_she_is():
    tags = _judge("That's persecution, and she suffered it because she is Ahmadi.")
    assert _labelled(tags, "nexus") == [("established", (1,))]
    tags = _judge("What happened to him was persecution, and he endured it precisely because "
                  "of his union organizing.")
    assert _labelled(tags, "nexus") == [("established", (1,))]
