"""Fixes read from the misses of the set ap (ap01-ap28, written blind in stop 49 and scored
before this round), developed against in stop 50, each checked on sentences written for this
test, not taken from the excerpts.

Scope: a ruling verb negated before the discretion it is exercised in ("I'm not going to
exercise my discretion to grant her asylum"); "I don't think it can seriously be disputed that
..." affirms what follows; "a real chance, not a remote one, that ..." reads across the aside;
a party's claim with "that" left out ("she says the three arrests ... amount to persecution");
a condition on the respondent with a modal does not reach past a clause of its own ("... if
he went back, and even if the north were unsafe he could live in the capital").
Findings in other words: "nothing ... that would excuse the delay" and "neither of those is an
extraordinary circumstance" (untimely); "timing isn't an issue"; "a presumption ..., which the
Department hasn't overcome"; "a genuine fear of harm"; "I found his testimony convincing" (not
"clear and convincing evidence"); "no real problem with her testimony", "being straight with
the court", "came away believing him", "she was candid"; papers that "are enough" with an aside
between, evidence not "thin", "I wouldn't ask her for anything more", "not the corroboration a
case like this needs"; the harm "she already suffered is enough"; "singled him out as a
member of ...", harm "because of who lived there"; "I grant it, and I do so as a matter of
discretion", "nothing weighs against him on the equities", no reason "to hold it back as a
matter of discretion"; voluntary departure as "she'll have sixty days ... and must post a
bond".
Appeal: "Do you want to preserve that?" put to the Department's counsel who just spoke, in a
represented case."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_tags, _found, _judge, _labelled

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


# --- scope ----------------------------------------------------------------------------------


def test_not_exercising_discretion_to_grant_is_a_denial():
    tags = _judge("It is a close call, but I am not going to exercise my discretion to grant "
                  "her asylum.")
    assert _labelled(tags, "asylum") == [("denied", (1,))]
    assert ("discretion", "unfavorable") in _found(tags)


def test_a_doubt_denied_affirms_the_reason():
    tags = _judge("I do not think it can seriously be disputed that the cause was her political "
                  "activity and nothing else.")
    assert _labelled(tags, "nexus") == [("established", (1,))]


def test_a_degree_set_aside_between_commas():
    tags = _judge("There is a real chance, not a remote one, that he would be detained and "
                  "beaten on return.")
    assert ("well_founded_fear", "established") in _found(tags)


def test_a_partys_claim_without_that_is_reported():
    tags = _judge("Second, counsel argues the three arrests in Minsk, taken together, amount to "
                  "persecution.")
    assert "past_persecution" not in {t.label for t in tags}


def test_a_modal_after_a_later_condition_does_not_make_the_finding_law():
    tags = _judge("I do not see a reasonable possibility that he would be harmed if he went "
                  "back, and even if the north were unsafe he could live in the capital.")
    assert _labelled(tags, "well_founded_fear") == [("not_established", (1,))]


# --- findings in other words ---------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "She was caring for her mother, and nothing in her circumstances or in Guinea shifted in "
    "a way that would excuse the delay.",
    "Neither of those is an extraordinary circumstance.",
])
def test_the_delay_not_excused(sentence):
    assert _labelled(_judge(sentence), "one_year_bar") == [("untimely", (1,))]


def test_timing_is_not_an_issue():
    tags = _judge("She applied a few months after arriving, so timing isn't an issue.")
    assert _labelled(tags, "one_year_bar") == [("timely", (1,))]


def test_a_presumption_the_department_has_not_overcome():
    tags = _judge("Her past harm earns her a presumption, which the government hasn't "
                  "overcome.")
    assert ("well_founded_fear", "established") in _found(tags)


def test_a_genuine_fear_not_established():
    tags = _judge("She has not shown that she was hurt before or that she has a genuine fear "
                  "of harm if she returns.")
    assert ("well_founded_fear", "not_established") in _found(tags)


@pytest.mark.parametrize("sentence", [
    "I found his testimony convincing from start to finish.",
    "i dont have any real problem with her testimony she answered what was asked",
    "I think she was being straight with the court throughout.",
    "After three hours of questioning I came away believing him.",
    "She was candid, and her account of the raid was hard to hear.",
])
def test_credibility_in_other_words(sentence):
    assert ("credibility", "positive") in _found(_judge(sentence))


def test_clear_and_convincing_evidence_is_no_credibility_finding():
    tags = _judge("On the pleadings I find removability established by clear and convincing "
                  "evidence.")
    assert "credibility" not in {t.label for t in tags}


@pytest.mark.parametrize("sentence", [
    "The letters themselves, the church's above all, are enough.",
    "I would not call her supporting evidence thin.",
    "The clinic record covers the injuries, and I wouldn't ask her for anything more.",
])
def test_the_papers_called_enough(sentence):
    assert ("corroboration", "sufficient") in _found(_judge(sentence))


def test_not_the_corroboration_the_case_needs():
    tags = _judge("Two unsigned notes are not the corroboration a case like this needs.")
    assert _labelled(tags, "corroboration") == [("insufficient", (1,))]


def test_the_harm_already_suffered_not_enough():
    tags = _judge("I'm not going to say the harm he already suffered is enough on its own.")
    assert ("past_persecution", "not_established") in _found(tags)


@pytest.mark.parametrize("sentence", [
    "The soldiers singled her out as an Ahmadi and beat her at the checkpoint.",
    "The militia burned the village because of who lived there.",
])
def test_the_reason_in_other_words(sentence):
    assert ("nexus", "established") in _found(_judge(sentence))


def test_the_laws_because_of_who_they_are_is_no_finding():
    tags = _judge("The law protects people who are harmed because of who they are.")
    assert "nexus" not in {t.label for t in tags}


@pytest.mark.parametrize("sentence", [
    "I grant her asylum, and I do so as a matter of discretion.",
    "He proved his case, and nothing weighs against him on the equities.",
    "She is eligible, and I see no reason to hold it back as a matter of discretion.",
])
def test_discretion_in_other_words(sentence):
    assert ("discretion", "favorable") in _found(_judge(sentence))


def test_voluntary_departure_as_days_and_a_bond():
    tags = _judge("She'll have sixty days, until the fifth of June, and must post a bond of "
                  "eight hundred dollars within five business days.")
    assert ("voluntary_departure", "granted") in _found(tags)


# --- appeal --------------------------------------------------------------------------------


def test_you_said_to_the_departments_counsel_who_just_spoke():
    assert _appeal_tags(("respondent_counsel", "Nothing further from the respondent."),
                        ("judge", "Asylum is granted."),
                        ("dhs_counsel", "For the record, the Department says the presumption "
                                        "was rebutted."),
                        ("judge", "Noted. Do you want to preserve that?"),
                        ("dhs_counsel", "We do."),
                        ("judge", "Reserved. Counsel for the respondent?"),
                        ("respondent_counsel", "We accept.")) == [
        ("reserved", "dhs", (4, 5, 6)), ("waived", "respondent", (6, 7))]


def test_you_said_to_an_unrepresented_respondent_stays_the_respondents():
    assert _appeal_tags(("dhs_counsel", "No objection to voluntary departure."),
                        ("judge", "Voluntary departure is granted until May 1."),
                        ("judge", "You give up your right to appeal. Is that all right with "
                                  "you?"),
                        ("interpreter", "Yes, that is fine.")) == [
        ("waived", "respondent", (3, 4))]
