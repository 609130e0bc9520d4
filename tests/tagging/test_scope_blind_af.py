"""Fixes read from the misses and false tags of the blind set af (af01-af28, stop 45), developed
against in the same stop, each checked on sentences written for this test, not taken from the
excerpts: a credibility finding stated, its reasons given over several lines and stated again
is one finding (credibility restatements join across 5 segments); credibility in other words
("no serious doubts about her account", "not left with any real doubt", "can't say anything
... struck me as untruthful", "I believe you were beaten", "I'm not able to accept that
account"); corroboration ("I couldn't reasonably expect more from him", the papers "dont carry
it on their own", "They don't rescue his testimony", "He produced nothing"); "hard to call that
anything other than persecution", "I can't say it falls short", "the kind of harm the asylum
laws are meant for"; the presumption ("DHS hasn't rebutted that presumption", "hasn't tried to
show that anything has improved"), "well above a reasonable possibility", "isn't merely a
reasonable possibility"; "his fear ... isn't a fear of persecution"; "the reason would be her
faith", "That is political opinion"; "eligible for asylum", "qualifies as a refugee"; "nothing
... would lead me to deny relief as a matter of discretion"; "As for the Convention, ...
Denied."; and no ruling in "Counsel asked me to grant humanitarian asylum", "I don't need to
reach his claim under the Convention", or a reason named after a withholding standard denied."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _found, _judge, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


@pytest.mark.parametrize("sentence, found", [
    ("I have no serious doubts about his account.", ("credibility", "positive")),
    ("I'm not left with any real doubt about what happened to her.",
     ("credibility", "positive")),
    ("I can't say anything in his answers struck me as untruthful.",
     ("credibility", "positive")),
    ("I believe you were detained; you described it the same way each time.",
     ("credibility", "positive")),
    ("I'm not able to accept that account.", ("credibility", "adverse")),
    ("There is a church letter and a clinic card, and I couldn't reasonably expect more from "
     "her.", ("corroboration", "sufficient")),
    ("the letters she gave the court dont carry it on their own the stamp is unreadable",
     ("corroboration", "insufficient")),
    ("They don't rescue her testimony.", ("corroboration", "insufficient")),
    ("I gave him three months to get the record, and he produced nothing.",
     ("corroboration", "insufficient")),
    ("Five weeks in a military cell, it would be hard to call that anything other than "
     "persecution.", ("past_persecution", "established")),
    ("On these facts, a beating by soldiers because of his union work, I can't say it falls "
     "short.", ("past_persecution", "established")),
    ("The beatings in detention are serious harm of the kind the asylum laws are meant for.",
     ("past_persecution", "established")),
    ("He is presumed to face future persecution, and the government hasn't rebutted that "
     "presumption.", ("well_founded_fear", "established")),
    ("The law presumes he would face the same again, and the Department hasn't tried to show "
     "that anything has changed.", ("well_founded_fear", "established")),
    ("The chance he'd be arrested on return is well above a reasonable possibility.",
     ("well_founded_fear", "established")),
    ("This isn't merely a reasonable possibility of harm; it's a likely one.",
     ("well_founded_fear", "established")),
    ("His fear of his former employer isn't a fear of persecution.",
     ("well_founded_fear", "not_established")),
    ("And the reason would be his Ahmadi faith, nothing else.", ("nexus", "established")),
    ("That is political opinion, as the soldiers saw it.", ("nexus", "established")),
    ("So she has shown she's statutorily eligible for asylum.", ("burden_of_proof", "met")),
    ("He has not shown that he qualifies as a refugee.", ("burden_of_proof", "not_met")),
    ("I see nothing in her history that would lead me to deny relief as a matter of "
     "discretion.", ("discretion", "favorable")),
])
def test_finding_in_other_words(sentence, found):
    assert found in _found(_judge(sentence))


@pytest.mark.parametrize("sentence, not_found", [
    ("Counsel asked me to grant humanitarian asylum because the harm was severe.",
     ("asylum", "granted")),
    ("Having granted withholding, I don't need to reach her claim under the Convention Against "
     "Torture.", ("cat_protection", "granted")),
    ("I don't think it's more likely than not she'd be harmed for her religion.",
     ("nexus", "not_established")),
    ("I see nothing in her history that would lead me to deny relief as a matter of "
     "discretion.", ("discretion", "unfavorable")),
])
def test_no_finding_there(sentence, not_found):
    assert not_found not in _found(_judge(sentence))


def test_the_convention_claim_named_then_denied_in_a_word():
    tags = _tags(("judge", "As for the Convention, nothing shows an official would torture him. "
                  "Denied."))
    assert ("cat_protection", "denied") in _found(tags)


def test_a_credibility_finding_restated_after_its_reasons_is_one_tag():
    tags = _tags(("judge", "I am unable to credit his account."),
                 ("judge", "He put the arrest in May, then in October."),
                 ("judge", "He could not say which station held him."),
                 ("judge", "His wife's letter describes a different arrest."),
                 ("judge", "For these reasons the Court makes an adverse credibility finding."))
    credibility = [t for t in tags if t.label == "credibility"]
    assert [(t.polarity, t.segments) for t in credibility] == [("adverse", (1, 5))]
