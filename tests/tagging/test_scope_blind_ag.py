"""Fixes read from the misses and false tags of the blind set ag (ag01-ag28, stop 45), developed
against in stop 46, each checked on sentences written for this test, not taken from the
excerpts: double negation ("not something I would hesitate to call persecution", "I can't say
his account was anything other than believable, and I see no reason to doubt it" - a rule that
states its own negative over two clauses is negated by what governs its last); "I am unable to
find that she told me the truth"; a condition inside the subject ("threats to kill him if he
came back rise to ...") is no condition on the finding; "filed on time"; a filing "two and a
half years after" he arrived; "I consider that corroboration adequate", "substantial weight as
corroboration"; "shown neither that he was harmed ... nor that he has reason to fear ...";
a reason denied by the verb it follows ("They did not choose him because of his tribe"); "a
quarrel about money"; "because of the tribe he was born into"; "the protected ground isn't
there"; the presumption "does not overcome that"; answers about appeal ("No, Judge, we're fine
with it", the other side's "And the respondent accepts" to a question put to DHS, "I take it
your client is as well" - "Yes, he is"); the oath put as "Please affirm that you will carry
everything across ..." or "will you faithfully translate ..."; and no finding in "Without
credible testimony, ...", a private dispute a paper confirms, "The law I have to apply protects
people who ...", "You told me ...", a motion for administrative closure, "Given that grant,
the remaining claims are moot", or what withholding "doesn't give you"."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_tags, _found, _judge, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


@pytest.mark.parametrize("sentence, found", [
    ("Three weeks in a cell with beatings every night is not something I would hesitate to call "
     "persecution.", ("past_persecution", "established")),
    ("I can't say his account was anything other than believable, and I see no reason to doubt "
     "it.", ("credibility", "positive")),
    ("After two days of testimony, I am unable to find that she told me the truth.",
     ("credibility", "adverse")),
    ("A burned house, a broken arm and threats to kill him if he came back rise to the level of "
     "persecution.", ("past_persecution", "established")),
    ("She filed on time; she entered in March and the application came in that December.",
     ("one_year_bar", "timely")),
    ("His application reached the court in 2023, some three and a half years after he arrived.",
     ("one_year_bar", "untimely")),
    ("The clinic notes confirm the burns, and I consider that corroboration adequate.",
     ("corroboration", "sufficient")),
    ("Her cousin's testimony bears out the arrest, and I give it considerable weight as "
     "corroboration.", ("corroboration", "sufficient")),
    ("She has shown neither that she was harmed in the past nor that she has reason to fear harm "
     "now.", ("well_founded_fear", "not_established")),
    ("She has shown neither that she was harmed in the past nor that she has reason to fear harm "
     "now.", ("past_persecution", "not_established")),
    ("The militia did not choose him because of his tribe or his faith.",
     ("nexus", "not_established")),
    ("The shopkeeper beat him because of a quarrel about money.", ("nexus", "not_established")),
    ("I am satisfied they attacked him because of the tribe he was born into.",
     ("nexus", "established")),
    ("nothing shows they cared about her faith so the protected ground just isn't there",
     ("nexus", "not_established")),
    ("He is presumed to face persecution on return, and the suggestion that he could live in the "
     "capital does not overcome that.", ("well_founded_fear", "established")),
])
def test_finding_in_other_words(sentence, found):
    assert found in _found(_judge(sentence))


@pytest.mark.parametrize("sentence, not_found", [
    ("Without credible testimony, she has not met her burden.", ("credibility", "adverse")),
    ("The deed and the neighbour's letter confirm both the beating and the boundary dispute.",
     ("nexus", "not_established")),
    ("The law I have to apply protects people who are harmed because of their religion or their "
     "politics.", ("nexus", "established")),
    ("You told me the landlord beat you because you owed him rent.",
     ("nexus", "not_established")),
    ("Ms. Ruiz, you've moved for administrative closure.", ("termination", None)),
    ("The Department does not dispute that he was beaten on account of his political opinion.",
     ("nexus", "not_established")),
    ("If the threats had been carried out they would rise to the level of persecution.",
     ("past_persecution", "established")),
    ("I see nothing in his record that would make me hesitate to grant relief as a matter of "
     "discretion.", ("discretion", "unfavorable")),
])
def test_no_finding_there(sentence, not_found):
    assert not_found not in _found(_judge(sentence))


def test_claims_left_moot_are_not_ruled_on_by_reference():
    tags = _tags(("judge", "She applies for asylum, withholding of removal and protection under "
                           "the Convention Against Torture."),
                 ("judge", "Her asylum application is granted."),
                 ("judge", "Given that grant, the remaining claims are moot and I do not reach "
                           "them."))
    assert {t.label for t in tags} == {"asylum"}


def test_what_withholding_does_not_give_is_no_ruling():
    tags = _tags(("judge", "Because withholding is granted, I do not reach the claim under the "
                           "Convention Against Torture."),
                 ("judge", "Sir, it means you can't be sent to Peru, but it doesn't give you a "
                           "green card."))
    assert "cat_protection" not in {t.label for t in tags}


def test_no_with_an_address_before_the_answer():
    assert _appeal_tags(("judge", "Asylum is granted."),
                        ("judge", "counsel for the government any reservation"),
                        ("dhs_counsel", "no judge we're good with it")) == [
        ("waived", "dhs", (3,))]


def test_the_other_side_answers_in_its_own_words():
    assert _appeal_tags(("judge", "I grant withholding."),
                        ("judge", "Mr. Ochoa, will the Department be contesting that?"),
                        ("dhs_counsel", "Yes, we'll reserve."),
                        ("respondent_counsel", "And the respondent accepts.")) == [
        ("reserved", "dhs", (3,)), ("waived", "respondent", (4,))]


def test_the_question_put_again_to_the_other_side():
    assert _appeal_tags(("judge", "His application for asylum is granted."),
                        ("judge", "Ms. Lee, is the Department content with that?"),
                        ("dhs_counsel", "We are, Judge."),
                        ("judge", "And Mr. Park, I take it your client is as well."),
                        ("respondent_counsel", "Yes, he is.")) == [
        ("waived", "dhs", (2, 3)), ("waived", "respondent", (4, 5))]


@pytest.mark.parametrize("oath, answer", [
    ("Ms. Haile, please affirm that you will carry everything across completely and accurately.",
     "I affirm."),
    ("mister tran will you uh faithfully translate everything said here between english and "
     "vietnamese", "yes i will"),
])
def test_the_oath_in_other_words(oath, answer):
    tags = _tags(("judge", oath), ("interpreter", answer))
    assert [(t.label, t.segments) for t in tags] == [("interpreter_sworn", (1, 2))]
