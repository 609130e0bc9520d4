"""Fixes read from the misses and false tags of the blind set ah (ah01-ah28, stop 46), developed
against in the same stop, each checked on sentences written for this test, not taken from the
excerpts: credibility ("anything other than true", "no quarrel with her honesty", "at no point
did I find myself doubting her", "nothing that goes to the heart of the claim" is no flaw);
"it would be hard to conclude that she failed to show ..."; "rises without question to
persecution"; "I'm not prepared to call that persecution"; "the fear she describes falls short
of being well founded"; nexus ("because of a person's religion", "because of her
campaigning", "went after her for one of those reasons"); "she has shown she is eligible";
corroboration ("back up the core of the claim", "What she did file, ..., does not fill that
gap", "Without credible testimony or adequate corroboration" is a premise); "filed ... well
inside a year"; a filing fact that another verb's negation does not deny; answers about
appeal ("Are you content with what I have decided?", "whether he wants to hold on to his right
to have it reviewed", "let this decision stand, or ask the Board" is no yes-or-no question,
"I want to appeal" unasked right after the decision); the oath as "You'll carry everything
... faithfully ...?"; and no finding in a motion to dismiss named, "asylum is a discretionary
grant", "You'd also have to file within a year", "the burden ... stays with him", a decision
quoted, or papers that "give independent support"."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_tags, _found, _judge, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


@pytest.mark.parametrize("sentence, found", [
    ("I cannot say that her account of the raid on the clinic was anything other than true.",
     ("credibility", "positive")),
    ("I have no quarrel with Ms. Okoro's honesty.", ("credibility", "positive")),
    ("At no point did I find myself doubting her.", ("credibility", "positive")),
    ("there were one or two slips about dates but nothing that goes to the heart of the claim "
     "i find her credible", ("credibility", "positive")),
    ("It would be hard to conclude that she has failed to show a reasonable possibility of harm "
     "on return, and I do not conclude it.", ("well_founded_fear", "established")),
    ("Burned out of her village and beaten twice, her treatment rises without question to "
     "persecution.", ("past_persecution", "established")),
    ("Two short detentions and a shove: I'm not prepared to call that persecution.",
     ("past_persecution", "not_established")),
    ("In the end, the fear she describes falls short of being well founded.",
     ("well_founded_fear", "not_established")),
    ("This was violence visited on her because of a person's religion, nothing else.",
     ("nexus", "established")),
    ("I accept that the threats came because of her campaigning.", ("nexus", "established")),
    ("I can't find that the gang went after her for one of those reasons.",
     ("nexus", "not_established")),
    ("She has shown she is eligible, and I see no reason to deny relief.",
     ("burden_of_proof", "met")),
    ("The arrest warrant and the pastor's letter back up the core of her account.",
     ("corroboration", "sufficient")),
    ("What she did file, a single photocopied card, does not fill that gap.",
     ("corroboration", "insufficient")),
    ("She applied for asylum and withholding of removal in the spring of 2023, well inside a "
     "year from her arrival.", ("one_year_bar", "timely")),
    ("I cannot find that anything excuses a filing more than three years past the deadline.",
     ("one_year_bar", "untimely")),
])
def test_finding_in_other_words(sentence, found):
    assert found in _found(_judge(sentence))


@pytest.mark.parametrize("sentence, not_found", [
    ("We have a motion from the government to dismiss these proceedings; counsel, go ahead.",
     ("termination", None)),
    ("She has carried her burden, but asylum is a discretionary grant, and I must weigh "
     "everything.", ("asylum", "granted")),
    ("You'd also have to file the application within a year of arriving.",
     ("one_year_bar", "timely")),
    ("Without past persecution there is no presumption, and the burden of showing relocation is "
     "unreasonable stays with her.", ("well_founded_fear", "established")),
    ('The earlier judge wrote, and I quote, "the Court finds her testimony vague and not '
     'credible."', ("credibility", "adverse")),
    ("Without credible testimony or adequate corroboration, she has not met her burden.",
     ("corroboration", "sufficient")),
])
def test_no_finding_there(sentence, not_found):
    assert not_found not in _found(_judge(sentence))


def test_papers_that_give_support_rule_on_nothing():
    tags = _tags(("judge", "She applied for asylum, withholding and protection under the "
                           "Convention Against Torture within a year of arriving."),
                 ("judge", "The hospital record and the union letter give independent support "
                           "to each key part of her account."))
    assert not {"asylum", "withholding_of_removal", "cat_protection"} & {t.label for t in tags}


def test_content_with_what_i_have_decided_through_the_interpreter():
    got = _appeal_tags(("judge", "Asylum is granted."),
                       ("judge", "And you, ma'am? Are you content with what I have decided?"),
                       ("interpreter", "I'm satisfied. I accept it."))
    assert [(p, party) for p, party, _ in got] == [("waived", "respondent")]


def test_holding_on_to_the_right_of_review():
    got = _appeal_tags(("judge", "I am granting asylum."),
                       ("judge", "Please ask her whether she is content with the decision or "
                                 "wants to hold on to her right to have it reviewed."),
                       ("interpreter", "Yes, I'm content."),
                       ("dhs_counsel", "The Department would like to hold on to its right of "
                                       "review."))
    assert [(p, party) for p, party, _ in got] == [("waived", "respondent"), ("reserved", "dhs")]


def test_a_choice_is_no_yes_or_no_question():
    got = _appeal_tags(("judge", "Asylum is denied."),
                       ("judge", "Please ask her what she wants to do: let this decision stand, "
                                 "or ask the Board to look at it."),
                       ("interpreter", "I don't know."))
    assert got == []


def test_the_respondent_says_unasked_that_she_will_appeal():
    got = _appeal_tags(("judge", "She is ordered removed, with removal to Peru withheld."),
                       ("judge", "Ma'am, you can stay and work, but you do not have asylum."),
                       ("interpreter", "I understand. I want to appeal the asylum part."))
    assert [(p, party) for p, party, _ in got] == [("reserved", "respondent")]


def test_the_oath_put_as_a_statement_and_a_question_mark():
    tags = _tags(("judge", "You'll carry everything said here faithfully between English and "
                           "Somali for the rest of the hearing?"),
                 ("interpreter", "I will, Judge."))
    assert [(t.label, t.segments) for t in tags] == [("interpreter_sworn", (1, 2))]
