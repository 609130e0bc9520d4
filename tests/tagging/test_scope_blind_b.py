"""Fixes read from the misses and false tags of the blind set b (b01-b28, stop 41), each
checked on sentences written for this test, not taken from the excerpts: negation ("Nor am I
persuaded that ..." across an aside; a relative clause's own negation, "a cut, no stitches,
that doesn't rise to ...", against a "no" in the noun phrase before it); what is no finding
(a credibility question the court need not resolve, an account "hard to invent", a witness's
date moved in testimony); findings in other words (harm "inflicted because of who she is" or
"to punish her opposition", "I find that this was the reason he hurt her", a record that
"points to greed", "would face the same treatment if sent back", "no objective basis to fear",
papers that "cannot shore up" the account, "I will need them before I decide", "nothing
negative on the discretion side", "not shown she is a refugee", a late filing "not excused",
"so you were on time", an account "I accept" with its object first, a manner that "struck me
as honest rather than evasive"); rulings by reference ("meets the same fate", "So too is her
claim under the Convention"); orders in plain words (the alternate order "is removal to ...",
"this becomes an order deporting you", an order that "takes effect" after "Should she fail
...", an order kept beside deferral, voluntary departure as "let you leave on your own" or
days granted with a bond); "no more" asked for in a sentence after the papers; and appeal
questions and answers without the word (the right "to have a higher court look at" given up,
"that higher court", "satisfied", "content to let it stand", "taking this further", "same for
the Department?", "Nothing." to "nothing from the respondent, I assume?")."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_tags as _appeals
from tests.tagging._tag_helpers import _found, _judge

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


@pytest.mark.parametrize("sentence, found", [
    ("Nor am I persuaded that two slaps and a shove, upsetting as they were, amount to "
     "persecution.", ("past_persecution", "not_established")),
    ("the harm she describes a cut on the hand no hospital stay that doesn't rise to the level "
     "of persecution", ("past_persecution", "not_established")),
    ("The detention was persecution, inflicted because of who she is and what she believes.",
     ("nexus", "established")),
    ("The detention was persecution, and it was inflicted to punish her opposition to the "
     "ruling party.", ("nexus", "established")),
    ("He hurt her because she was a wife he would not let leave, and I find that this was the "
     "reason he hurt her.", ("nexus", "established")),
    ("The record points to greed, not to her uncle's politics.", ("nexus", "not_established")),
    ("She would face the same treatment if sent back.", ("well_founded_fear", "established")),
    ("That leaves her no objective basis to fear persecution now.",
     ("well_founded_fear", "not_established")),
    ("The unsworn note from her aunt cannot shore up the testimony.",
     ("corroboration", "insufficient")),
    ("They appear to be obtainable, and I will need them before I decide.",
     ("corroboration", "required")),
    ("she's carried her burden and there's nothing negative on the discretion side so asylum "
     "is granted", ("discretion", "favorable")),
    ("I therefore conclude that she has not shown she is a refugee.",
     ("burden_of_proof", "not_met")),
    ("She has therefore not established eligibility for asylum.",
     ("burden_of_proof", "not_met")),
    ("Her delay in filing is not excused.", ("one_year_bar", "untimely")),
    ("The late filing is excused.", ("one_year_bar", "exception")),
    ("You arrived in May of last year and filed your application in January, so you were on "
     "time.", ("one_year_bar", "timely")),
    ("Her account of the raid itself I accept; it matches the newspaper article.",
     ("credibility", "positive")),
    ("Where she was vague, the vagueness struck me as honest rather than evasive.",
     ("credibility", "positive")),
    ("Her story of the checkpoint would be hard to invent.", ("credibility", "positive")),
    ("if she doesn't leave or doesn't post the bond the alternate order is removal to peru",
     ("removal_order", None)),
    ("If you are still here after May first, this becomes an order deporting you to Peru.",
     ("removal_order", None)),
    ("Should she fail to depart, an order of removal to Peru takes effect.",
     ("removal_order", None)),
    ("To be clear, she is ordered removed from the United States, but that order may not be "
     "carried out to Syria while deferral remains in place.", ("removal_order", None)),
    ("I am going to let you leave on your own.", ("voluntary_departure", "granted")),
    ("I'll grant sixty days, until the first of May, on condition that she post a bond of "
     "three thousand dollars.", ("voluntary_departure", "granted")),
])
def test_finding_in_other_words(sentence, found):
    assert found in _found(_judge(sentence))


@pytest.mark.parametrize("sentence, not_found", [
    ("the harm she describes a cut on the hand no hospital stay that doesn't rise to the level "
     "of persecution", ("past_persecution", "established")),
    ("Nor am I persuaded that two slaps and a shove, upsetting as they were, amount to "
     "persecution.", ("past_persecution", "established")),
    ("she's carried her burden and there's nothing negative on the discretion side so asylum "
     "is granted", ("discretion", "unfavorable")),
    ("she's carried her burden and there's nothing negative on the discretion side so asylum "
     "is granted", ("asylum", "denied")),
    ("Where she was vague, the vagueness struck me as honest rather than evasive.",
     ("credibility", "adverse")),
    ("She described the raid with a precision that would be hard to invent, and she readily "
     "admitted what she did not know.", ("credibility", "adverse")),
    ("Her delay in filing is not excused.", ("one_year_bar", "exception")),
])
def test_no_wrong_finding(sentence, not_found):
    assert not_found not in _found(_judge(sentence))


def test_a_credibility_question_left_unresolved_is_no_finding():
    tags = _judge("Parts of her testimony were vague, but I need not resolve her credibility, "
                  "because for purposes of this decision I will assume that everything she "
                  "said is true.")
    assert not any(t.label == "credibility" for t in tags)


def test_a_witness_date_moved_is_no_continuance():
    tags = _judge("On the stand she first said May, and only after the interpreter read her "
                  "statement back did she move it back to June.")
    assert not any(t.label == "continuance" for t in tags)
    assert ("continuance", None) in _found(_judge("I'm going to move it to June 3."))


@pytest.mark.parametrize("second, label", [
    ("The withholding claim, resting on the same facts, meets the same fate.",
     "withholding_of_removal"),
    ("So too is her claim under the Convention Against Torture.", "cat_protection"),
])
def test_a_ruling_by_reference(second, label):
    tags = _judge("The asylum application is denied.", second)
    assert any(t.label == label and t.polarity == "denied" and 2 in t.segments for t in tags)


@pytest.mark.parametrize("papers, more", [
    ("The birth records and the union card are in the record;",
     "I would not ask for anything further."),
    ("The police report and the clinic letter support the core of her account;",
     "nothing more is needed."),
])
def test_no_more_asked_after_the_papers(papers, more):
    tags = _judge(f"{papers} {more}")
    assert ("corroboration", "sufficient") in _found(tags)
    # said alone, with no papers named, it finds nothing
    assert ("corroboration", "sufficient") not in _found(_judge("Thank you, counsel. " + more))


def test_the_right_to_a_higher_court_given_up_and_the_same_asked_of_the_department():
    found = _appeals(
        ("judge", "If you take this, you give up your right to have a higher court review what "
                  "I decided. Is that all right with you?"),
        ("interpreter", "Yes. I don't need another court."),
        ("judge", "Mr. Diaz, same for the Department?"),
        ("dhs_counsel", "Yes, we'll treat it as final."))
    assert [p for p, _, _ in found] == ["waived", "waived"]
    assert 2 in found[0][2] and 4 in found[1][2]
    assert found[1][1] == "dhs"


def test_satisfied_after_that_higher_court_named():
    found = _appeals(
        ("judge", "You could ask that higher court to review my decision, but since you won, I "
                  "take it you're satisfied?"),
        ("interpreter", "Yes, I'm satisfied. I want nothing more."))
    assert [p for p, _, _ in found] == ["waived"]


def test_taking_it_further_and_nothing_from_the_respondent():
    found = _appeals(
        ("judge", "Counsel for the government, will you be taking this further?"),
        ("dhs_counsel", "No, Your Honor. We see no reason to."),
        ("judge", "And nothing from the respondent's side, I assume?"),
        ("respondent_counsel", "Nothing."))
    assert [(p, party) for p, party, _ in found] == [("waived", "dhs"), ("waived", "respondent")]


def test_content_to_let_it_stand():
    found = _appeals(
        ("judge", "Mr. Park, is the Department content to let the decision stand?"),
        ("dhs_counsel", "We are, Judge."))
    assert [(p, party) for p, party, _ in found] == [("waived", "dhs")]
