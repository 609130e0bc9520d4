"""Fixes read from the misses of the set aq (aq01-aq28, written blind in stop 50 and scored
before this round), developed against in stop 51, each checked on sentences written for this
test, not taken from the excerpts.

Scope: speech recognition's run-on ruling after a negated clause ("nothing showing the police
would hurt him withholding is denied") is a ruling of its own; "nor" inside a "has not shown
that ..." goes on with that negation rather than undoing it; a conclusion drawn with ", so"
ends a reported "suggests that"; "it would be unrealistic to conclude that ... anything less
than ..." affirms; "I need not decide that" leaves the clause before it open; a condition put
to the respondent ("if you do not leave ..., my order becomes an order of removal ..., you
will pay a fine") still states the alternate order; "testified frankly ..., and I accept his
account" is the court's own finding; an application "not addressed" is not ruled on; the
asylum office's approval is no ruling of this court; a dispute named as the time of an event
("during a boundary dispute") says nothing on nexus.
Findings in other words: papers that "confirm the essential points", that "support his
account" by pronoun, "from ... are enough", "don't fix it"; "I take her account as true";
"serious harm by any measure", harm "of the gravest kind"; a fear "not objectively
reasonable", a risk "shown to be a reasonable possibility", "every reason to fear"; harm
"aimed at Yazidis as Yazidis", "no evidence anyone cared about her religion"; filed "within
four months of his parole", "three months after she arrived"; "he qualifies for it"; "nothing
counsels against it as a matter of discretion"; "In my discretion I decline to grant voluntary
departure"; a bar that "takes withholding off the table".
Appeal: "neither side intends to contest ... before the Board?" answered "Correct." (waived);
"what's the Department's pleasure?" answered "We won't be taking this any further." """

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_tags, _found, _judge, _labelled

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


# --- scope ----------------------------------------------------------------------------------


def test_a_run_on_ruling_after_a_negated_clause_keeps_its_own_polarity():
    tags = _judge("theres nothing showing the police would hurt him because of the party uh "
                  "withholding is denied")
    assert _labelled(tags, "withholding_of_removal") == [("denied", (1,))]


def test_nor_inside_not_shown_goes_on_with_the_negation():
    tags = _judge("She has not shown by clear and convincing evidence that she applied within "
                  "one year of arrival, nor any circumstance excusing the delay.")
    assert _labelled(tags, "one_year_bar") == [("untimely", (1,))]


def test_a_conclusion_drawn_with_so_ends_a_reported_suggestion():
    tags = _judge("Nothing in the country evidence suggests that a public official would "
                  "torture her, so her claim under the Convention is denied.")
    assert _labelled(tags, "cat_protection") == [("denied", (1,))]


def test_unrealistic_to_conclude_anything_less_affirms():
    tags = _judge("It would be unrealistic to conclude that he faces anything less than a "
                  "reasonable possibility of persecution in Asmara.")
    assert _labelled(tags, "well_founded_fear") == [("established", (1,))]


def test_a_question_left_open_by_pronoun_finds_nothing():
    tags = _judge("I am not prepared to say the beating was not persecution, but I need not "
                  "decide that, because the future risk is enough on its own.")
    assert "past_persecution" not in {t.label for t in tags}


def test_a_condition_put_to_the_respondent_still_states_the_alternate_order():
    tags = _judge("If you do not depart by June 2, my order becomes an order of removal to "
                  "Honduras, you will pay a fine, and you will be barred from returning.")
    assert _labelled(tags, "removal_order") == [(None, (1,))]


def test_testified_frankly_then_accepted_is_the_courts_finding():
    tags = _judge("She testified frankly about the night the militia came to her village, and "
                  "I accept her account.")
    assert _labelled(tags, "credibility") == [("positive", (1,))]


def test_applications_not_addressed_are_not_ruled_on():
    tags = _judge("Asylum is granted. Withholding and protection under the torture convention "
                  "are not addressed given that grant.")
    assert _labelled(tags, "asylum") == [("granted", (1,))]
    assert not {"withholding_of_removal", "cat_protection"} & {t.label for t in tags}


def test_the_asylum_offices_approval_is_no_ruling_of_this_court():
    tags = _judge("Ma'am, the asylum office has already approved your case, so these "
                  "proceedings can end today.")
    assert "asylum" not in {t.label for t in tags}


def test_a_dispute_named_as_the_time_of_an_event_says_nothing_on_nexus():
    tags = _judge("Her brother shot a neighbor during a boundary dispute in 2018, and the "
                  "neighbor's clan has sworn revenge on the whole family.")
    assert not [t for t in tags if t.label == "nexus" and "lexicon" in t.source]


# --- findings in other words ----------------------------------------------------------------


def test_papers_confirming_the_essential_points_are_sufficient():
    tags = _judge("The hospital discharge note and the party membership card confirm the "
                  "essential points.")
    assert _labelled(tags, "corroboration") == [("sufficient", (1,))]


def test_papers_named_then_supporting_the_account_by_pronoun():
    tags = _judge("The police summons, the court record and his wife's affidavit are what one "
                  "would expect to find, and they support his account.")
    assert _labelled(tags, "corroboration") == [("sufficient", (1,))]


def test_papers_with_a_phrase_after_them_called_enough():
    tags = _judge("The missing hospital record does not trouble me; the affidavit from his "
                  "cousin in Kabul is enough.")
    assert ("corroboration", "sufficient") in _found(tags)


def test_papers_that_do_not_fix_it_are_insufficient():
    tags = _judge("and the letters don't fix that the uh affidavit from the neighbor never says "
                  "who took him")
    assert _labelled(tags, "corroboration") == [("insufficient", (1,))]


def test_an_account_taken_as_true_is_credible():
    tags = _judge("I take her account as true.")
    assert _labelled(tags, "credibility") == [("positive", (1,))]


def test_an_account_taken_as_true_for_argument_finds_nothing():
    tags = _judge("I take her account as true for purposes of this analysis only.")
    assert "credibility" not in {t.label for t in tags}


def test_harm_named_for_its_weight_is_past_persecution():
    assert ("past_persecution", "established") in _found(_judge(
        "Four months in an unlit basement cell, beaten every week by prison guards, is serious "
        "harm by any measure."))
    assert ("past_persecution", "established") in _found(_judge(
        "What was done to her in that camp was of the gravest kind."))


def test_a_fear_not_objectively_reasonable_is_not_well_founded():
    tags = _judge("Her fear of being harmed if she returned now is not objectively reasonable.")
    assert _labelled(tags, "well_founded_fear") == [("not_established", (1,))]


def test_a_risk_not_shown_to_be_a_reasonable_possibility():
    tags = _judge("The old regime is gone, and whatever danger she once faced has not been "
                  "shown to be a reasonable possibility now.")
    assert _labelled(tags, "well_founded_fear") == [("not_established", (1,))]


def test_every_reason_to_fear_is_a_well_founded_fear():
    tags = _judge("The same commanders still run the district, and she has every reason to fear "
                  "them.")
    assert _labelled(tags, "well_founded_fear") == [("established", (1,))]


def test_harm_aimed_at_a_group_as_such_is_nexus():
    tags = _judge("The shelling of the village was aimed at Yazidis as Yazidis.")
    assert _labelled(tags, "nexus") == [("established", (1,))]


def test_no_evidence_anyone_cared_about_the_ground():
    tags = _judge("The men wanted the truck. I see no evidence that anyone cared about her "
                  "religion, as opposed to her property.")
    assert _labelled(tags, "nexus") == [("not_established", (1,))]


def test_filing_counted_from_parole_or_arrival_is_timely():
    assert _labelled(_judge("His application reached the court within four months of his "
                            "parole."), "one_year_bar") == [("timely", (1,))]
    assert _labelled(_judge("She filed from detention three months after she arrived."),
                     "one_year_bar") == [("timely", (1,))]


def test_qualifies_for_it_meets_the_burden():
    tags = _judge("Turning to asylum: she qualifies for it.")
    assert _labelled(tags, "burden_of_proof") == [("met", (1,))]


def test_nothing_counsels_against_it_as_a_matter_of_discretion():
    tags = _judge("Nothing in his history counsels against it as a matter of discretion.")
    assert _labelled(tags, "discretion") == [("favorable", (1,))]


def test_declining_to_grant_in_discretion_is_unfavorable():
    tags = _judge("In my discretion I decline to grant her voluntary departure.")
    assert _labelled(tags, "discretion") == [("unfavorable", (1,))]
    assert _labelled(tags, "voluntary_departure") == [("denied", (1,))]


def test_a_bar_taking_withholding_off_the_table_pretermits_it():
    tags = _judge("The offense was a particularly serious crime, which takes withholding of "
                  "removal off the table too.")
    assert _labelled(tags, "withholding_of_removal") == [("pretermitted", (1,))]


# --- appeal ---------------------------------------------------------------------------------


def test_nobody_contesting_before_the_board_answered_correct_is_a_waiver():
    assert _appeal_tags(("judge", "The case is administratively closed."),
                        ("judge", "I take it neither side intends to contest that before the "
                                  "Board?"),
                        ("dhs_counsel", "Correct."),
                        ("respondent_counsel", "Yes, Judge.")) == [
        ("waived", "dhs", (2, 3)), ("waived", "respondent", (2, 4))]


def test_the_departments_pleasure_answered_with_no_further_step():
    tags = _appeal_tags(("judge", "Asylum is granted."),
                        ("judge", "Ms. Greer, what's the Department's pleasure?"),
                        ("dhs_counsel", "We won't be taking this any further."),
                        ("respondent_counsel", "Nor will we."))
    assert [(p, party) for p, party, _ in tags] == [("waived", "dhs"), ("waived", "respondent")]
