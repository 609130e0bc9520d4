"""Fixes read from the misses and false tags of the blind set c (c01-c28, stop 40), each
checked on sentences written for this test, not taken from the excerpts: findings in other
words (harm that "rises, taken together, to the level of persecution", papers that "cannot
fill the gap" or "do not save the claim", "I ask for nothing more", "not prepared to say he
lied", a question the judge answers at once, "established her eligibility", harm not to be
"treated as persecution", "not something I would call mere harassment", a filing that "came
too late" with "nothing to excuse it", "that fear is well grounded", the reasons a persecutor
imputed, a group one is born into); negation carried through "X or Y" after a burden not met,
through "nothing showing", and through a rejected argument; what is no finding or ruling
(weight given to testimony, a warning given to everyone, a doctor's finding on scars, the
statute's "otherwise credible testimony", a concessive "whether or not", a reset recalled
from the last hearing, a claim the court declines to rule on, "because you are appealing",
counsel framing the claim, a classifier denial in a sentence with nothing that denies); and
appeal answers (a supposition put for confirmation, the Board called "a higher court", a
record with "of course", a question about understanding after the record, and the same waiver
given twice)."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _judge, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


@pytest.mark.parametrize("sentence, found", [
    ("Two beatings and a night in a police cell rise, viewed together, to the level of "
     "persecution.", ("past_persecution", "established")),
    ("She has shown that she was beaten in the past because of her union work.",
     ("past_persecution", "established")),
    ("He has not met his burden of proving past persecution or a well-founded fear of future "
     "harm.", ("well_founded_fear", "not_established")),
    ("There is nothing showing she was hurt before or that she would be harmed if she went "
     "back.", ("well_founded_fear", "not_established")),
    ("There is nothing showing she was hurt before or that she would be harmed if she went "
     "back.", ("past_persecution", "not_established")),
    ("The cousin's note is unsigned and vague, so it cannot fill that gap.",
     ("corroboration", "insufficient")),
    ("The records she brought do not save the claim.", ("corroboration", "insufficient")),
    ("The church letter and the hospital card confirm what she said, and I ask for nothing "
     "more.", ("corroboration", "sufficient")),
    ("Those slips are minor, and I am not prepared to find that she was untruthful.",
     ("credibility", "positive")),
    ("I must decide whether to believe her, and I do.", ("credibility", "positive")),
    ("She has therefore established her eligibility for asylum.",
     ("burden_of_proof", "met")),
    ("The police did act on her complaint, so what she went through cannot be regarded as "
     "persecution.", ("past_persecution", "not_established")),
    ("A broken jaw and a knife wound are not something I would call mere harassment.",
     ("past_persecution", "established")),
    ("Her application came too late, and nothing excuses that.",
     ("one_year_bar", "untimely")),
    ("Whatever the first arrest was, the warrant now pending gives him good reason to fear "
     "going back, and that fear is well founded.", ("well_founded_fear", "established")),
    ("The beating was inflicted because the militia ascribed her husband's disloyalty to her.",
     ("nexus", "established")),
    ("They did it because he was born into a family the landlords treat as bonded labour.",
     ("nexus", "established")),
    ("I am not persuaded by the government's argument that the men were common criminals, "
     "because they took nothing and named his tribe.", ("nexus", "established")),
    ("He was punished for reporting the theft, which is revenge for a complaint, not harm on "
     "a protected ground.", ("nexus", "not_established")),
    ("Her evidence on this point defeats the torture claim, so it too is denied.",
     ("cat_protection", "denied")),
    ("Do you affirm that you will render all that is said today faithfully between Dari and "
     "English?", ("interpreter_sworn", None)),
    # speech recognition, no commas: the condition is the alternate order's own
    ("if she doesn't leave or doesn't pay the bond the alternate order kicks in she's ordered "
     "removed to peru", ("removal_order", None)),
])
def test_a_finding_in_other_words_takes_its_polarity(sentence, found):
    label, polarity = found
    assert {t.polarity for t in _judge(sentence) if t.label == label} == {polarity}


@pytest.mark.parametrize("sentence, label", [
    ("She filed her application in March, well inside the year. I find her testimony "
     "believable and give it full weight.", "asylum"),
    ("Before we start, I have to give you a warning that I give to everyone who applies for "
     "asylum.", "asylum"),
    ("The examining physician found her scars consistent with the cuts she described.",
     "credibility"),
    ("The statute lets me require corroboration of otherwise credible testimony where it is "
     "reasonably available.", "credibility"),
    ("Whether or not the raid on his shop was itself persecution, the threats since then give "
     "him good reason to fear.", "past_persecution"),
    ("At our last hearing I explained what was missing, and I reset the case so she could "
     "get it.", "continuance"),
    ("Having granted withholding, I decline to rule on the claim under the Convention Against "
     "Torture.", "cat_protection"),
    ("Ma'am, because you are appealing, your bond must still be posted within five days.",
     "appeal"),
    ("Counsel frames this as persecution on account of his membership in a group of former "
     "soldiers.", "nexus"),
])
def test_no_finding_is_read_where_none_is_made(sentence, label):
    assert label not in {t.label for t in _tags(*(("judge", s) for s in sentence.split(". ")))}


def test_a_classifier_denial_needs_a_word_that_denies():
    tags = _judge("He does qualify for voluntary departure at the conclusion of proceedings, and "
                  "given his long employment and clean record, I will exercise discretion in his "
                  "favor.")
    assert ("voluntary_departure", "denied") not in {(t.label, t.polarity) for t in tags}


def test_a_reset_to_a_named_date_is_a_continuance():
    tags = _judge("I'm going to reset this for a merits hearing on June 9 at 1:00, and the delay "
                  "will not count against her.")
    assert "continuance" in {t.label for t in tags}


def _appeals(tags) -> list[tuple[str | None, str | None]]:
    return sorted((t.polarity, t.attributes.get("party")) for t in tags if t.label == "appeal")


def test_a_supposition_put_for_confirmation_is_the_question_answered():
    tags = _tags(("judge", "Mr. Lee, does the Department reserve?"),
                 ("dhs_counsel", "We reserve, Judge."),
                 ("judge", "And the respondent, I assume, waives."),
                 ("respondent_counsel", "That is correct."))
    assert _appeals(tags) == [("reserved", "dhs"), ("waived", "respondent")]


def test_a_higher_court_is_the_board():
    tags = _tags(("judge", "Asylum is granted."),
                 ("judge", "The government may ask a higher court to look at my decision. Does "
                           "the Department want to do that?"),
                 ("dhs_counsel", "No, Your Honor, we accept it."))
    assert _appeals(tags) == [("waived", "dhs")]


def test_a_record_with_of_course_records_the_answer():
    tags = _tags(("judge", "Asylum is granted. Ms. Ford for the government?"),
                 ("dhs_counsel", "We won't be seeking review, Judge."),
                 ("judge", "And the respondent of course accepts."))
    assert _appeals(tags) == [("waived", "dhs"), ("waived", "respondent")]


def test_a_question_about_understanding_after_the_record_is_no_appeal_question():
    tags = _tags(("judge", "Asylum is granted. Reserve or waive, Ms. Dunn?"),
                 ("dhs_counsel", "Reserve, Judge."),
                 ("judge", "Reserved. Mr. Obi?"),
                 ("respondent_counsel", "The respondent accepts."),
                 ("judge", "Final as to the respondent. Sir, do you understand what happened "
                           "today?"),
                 ("interpreter", "Yes, the judge gave me protection."))
    assert _appeals(tags) == [("reserved", "dhs"), ("waived", "respondent")]
    assert all(6 not in t.segments for t in tags if t.label == "appeal")


def test_the_same_waiver_given_again_is_one_answer():
    tags = _tags(("respondent_counsel", "He asks for voluntary departure and waives appeal."),
                 ("judge", "Sir, do you understand you give up the right to have a higher "
                           "court look at your case?"),
                 ("interpreter", "Yes. I will not appeal."))
    waivers = [t for t in tags if t.label == "appeal"]
    assert [(t.polarity, t.attributes.get("party")) for t in waivers] == [
        ("waived", "respondent")]
    assert {1, 3} <= set(waivers[0].segments)
