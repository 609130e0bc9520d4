"""Fixes read from the misses of the set at (at01-at28, written blind in stop 51 and scored
before this round), developed against later in stop 51, each checked on sentences written for
this test, not taken from the excerpts.

Scope: a presumption raised and then left unrebutted is a finding on the fear; "I do not find
that he deserves that privilege as a matter of discretion, and I deny it" denies the deserving;
"..., no exception excuses the delay" is a clause of its own after "has not shown that ...";
"I ask whether ..." finds nothing; the Department's burden on relocation is not the
respondent's; the filing's recital gives way to the ruling in a later sentence of the same
turn, not only of a later turn; an order "entered ... in absentia" before is history; "No
criminal history ..." answers no question about appeal; a supposition that draws its own
record ("..., so both parties waive").
Findings in other words: "barred for the rest of your life from every benefit" (the warning);
"the corroboration one would reasonably look for", "I don't think anything more could
reasonably be asked of him"; "his politics were why", "because they took him for an enemy of
..."; "I do not doubt what happened to her"; harm that "is persecution on account of race";
an account "vivid"; "nothing left to carry his burden"; "I am ordering that you be returned
to ..."; "the protection against torture" named, then "that protection" by reference.
Appeal: "where does the Department stand?" and "where is the Department?" after the decision;
"And for the respondent I assume the decision is accepted." - "It is."; "I want to keep
fighting."; "we'll take it up judge" without its comma."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_tags, _found, _judge, _labelled, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


# --- scope ----------------------------------------------------------------------------------


def test_a_presumption_left_unrebutted_is_a_well_founded_fear():
    tags = _judge("Her past persecution raises a presumption that her fear is well founded, and "
                  "the Department has not rebutted it.")
    assert ("well_founded_fear", "established") in _found(tags)


def test_the_deserving_denied_is_an_unfavorable_exercise():
    tags = _judge("I do not find that she merits that relief as a matter of discretion, and I "
                  "deny it.")
    assert _labelled(tags, "discretion") == [("unfavorable", (1,))]


def test_no_exception_excuses_the_delay_is_a_clause_of_its_own():
    tags = _judge("She has not shown by clear and convincing evidence that she filed within a "
                  "year, no exception excuses the delay, and asylum is pretermitted.")
    assert _labelled(tags, "one_year_bar") == [("untimely", (1,))]


def test_the_court_asking_itself_finds_nothing():
    tags = _judge("Having found no past harm, I ask whether her fear is objectively reasonable "
                  "now.")
    assert "well_founded_fear" not in {t.label for t in tags}


def test_the_departments_burden_on_relocation_is_not_the_burden_of_proof():
    tags = _judge("A state persecutor can reach her anywhere, and the Department has not carried "
                  "its burden on relocation.")
    assert "burden_of_proof" not in {t.label for t in tags}


def test_the_ruling_in_the_next_sentence_of_the_turn_supersedes_the_recital():
    tags = _judge("She converted in March 2023 and filed five months later. Her conversion is a "
                  "changed circumstance, and the late filing is excused.")
    assert _labelled(tags, "one_year_bar") == [("exception", (1,))]


def test_an_order_entered_before_is_history():
    tags = _judge("An order of removal was entered against him in absentia in 2021, and counsel "
                  "now moves to reopen.")
    assert "removal_order" not in {t.label for t in tags}


def test_a_determiner_no_answers_no_question_about_appeal():
    tags = _tags(("judge", "If I give you voluntary departure, you give up your right to have a "
                           "higher court review this. Do you understand?"),
                 ("respondent_counsel", "He understands, Judge."),
                 ("judge", "Department?"),
                 ("dhs_counsel", "No criminal record that would bar it. The Department doesn't "
                                 "oppose."))
    assert not [t for t in tags if t.label == "appeal" and t.attributes.get("party") == "dhs"]


def test_a_supposition_that_draws_its_own_record():
    assert _appeal_tags(("judge", "These proceedings are terminated."),
                        ("judge", "I take it neither side wants the Board to look at that, so "
                                  "both parties waive."),
                        ("dhs_counsel", "Correct.")) == [
        ("waived", "respondent", (2,)), ("waived", "dhs", (2, 3))]


# --- findings in other words ----------------------------------------------------------------


def test_the_frivolousness_warning_in_plain_words():
    tags = _judge("If you knowingly invent an important part of your application, you can be "
                  "barred for the rest of your life from every benefit under our laws.")
    assert _labelled(tags, "frivolousness_warning") == [(None, (1,))]


def test_the_corroboration_one_would_look_for_is_sufficient():
    assert _labelled(_judge("The arrest warrant and the clinic record are the corroboration one "
                            "would reasonably look for."),
                     "corroboration") == [("sufficient", (1,))]
    assert _labelled(_judge("With the priest's letter, I don't think anything more could "
                            "reasonably be asked of her."),
                     "corroboration") == [("sufficient", (1,))]


def test_the_ground_named_as_the_why():
    assert ("nexus", "established") in _found(_judge(
        "They shouted his party's name while they beat him, which leaves no doubt that his "
        "politics were why."))
    assert ("nexus", "established") in _found(_judge(
        "They held her because they took her for an enemy of the regime."))


def test_not_doubting_what_happened_is_credible():
    tags = _judge("I do not doubt what happened to him in that cell.")
    assert _labelled(tags, "credibility") == [("positive", (1,))]


def test_harm_that_is_persecution_on_account_of_a_ground():
    tags = _judge("Burning her family's house because they are Tutsi is persecution on account "
                  "of ethnicity.")
    assert ("past_persecution", "established") in _found(tags)


def test_a_future_harm_which_is_persecution_is_not_past_persecution():
    tags = _judge("He would be jailed for his preaching, which is persecution on account of "
                  "religion.")
    assert "past_persecution" not in {t.label for t in tags}


def test_a_vivid_account_is_credible():
    tags = _judge("Her account was vivid, and it held together from start to finish.")
    assert _labelled(tags, "credibility") == [("positive", (1,))]


def test_nothing_left_to_carry_the_burden():
    tags = _judge("without believable testimony there's nothing uh left to carry her burden")
    assert _labelled(tags, "burden_of_proof") == [("not_met", (1,))]


def test_ordering_the_respondent_returned_is_a_removal_order():
    tags = _judge("That means I am ordering that you be returned to Honduras.")
    assert _labelled(tags, "removal_order") == [(None, (1,))]


def test_the_protection_against_torture_then_that_protection():
    tags = _judge("For the protection against torture, you would have to show the police would "
                  "hurt you or let it happen.", "So I cannot give you that protection either.")
    assert _labelled(tags, "cat_protection") == [("denied", (1, 2))]


# --- appeal ---------------------------------------------------------------------------------


def test_where_the_department_stands_after_the_decision():
    assert _appeal_tags(("judge", "Asylum is granted."),
                        ("judge", "Ms. Park, where does the Department stand?"),
                        ("dhs_counsel", "The Department is content with the decision.")) == [
        ("waived", "dhs", (2, 3))]
    tags = _appeal_tags(("judge", "I'm granting asylum."),
                        ("judge", "Mr. Ruiz, where is the Department?"),
                        ("dhs_counsel", "We're going to let it stand, Judge."))
    assert [(p, party) for p, party, _ in tags] == [("waived", "dhs")]


def test_a_supposition_for_the_respondent_confirmed():
    tags = _appeal_tags(("judge", "Asylum is granted."),
                        ("judge", "Does the Department wish to reserve?"),
                        ("dhs_counsel", "We reserve."),
                        ("judge", "And for the respondent I assume the decision is accepted."),
                        ("respondent_counsel", "It is, Your Honor."))
    assert [(p, party) for p, party, _ in tags] == [("reserved", "dhs"), ("waived", "respondent")]


def test_keep_fighting_and_take_it_up_reserve():
    tags = _appeal_tags(("judge", "Asylum is denied."),
                        ("judge", "You can ask a higher court to look at my decision. Do you "
                                  "want to do that, or do you accept my decision as final?"),
                        ("interpreter", "I want to keep fighting."))
    assert [(p, party) for p, party, _ in tags] == [("reserved", "respondent")]
    tags = _appeal_tags(("judge", "asylum is denied respondent reserve or waive"),
                        ("respondent_counsel", "uh we'll take it up judge"))
    assert [(p, party) for p, party, _ in tags] == [("reserved", "respondent")]


# --- review: an optional space in a rule's pattern -----------------------------------------


def test_an_optional_space_in_a_rule_matches_none():
    # (a space in a rule stands for whitespace, and " ?" used to need one: "241(b)(3)",
    # "wellfounded" and "timebarred" written solid were never read)
    assert _labelled(_judge("His claim under 241(b)(3) is denied."),
                     "withholding_of_removal") == [("denied", (1,))]
    assert _labelled(_judge("Her fear is wellfounded."),
                     "well_founded_fear") == [("established", (1,))]
    assert _labelled(_judge("The application is timebarred."),
                     "one_year_bar") == [("untimely", (1,))]
