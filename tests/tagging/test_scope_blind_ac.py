"""Fixes read from the misses and false tags of the blind set ac (ac01-ac28, stop 44), developed
against in stop 45, each checked on sentences written for this test, not taken from the
excerpts: corroboration through a need denied as a noun ("I see no need to ask for more
records"), papers called "more than enough support for what she told me", "all the
corroboration the Court could reasonably expect", a list of records of which "no medical or
police report was offered", and the court awaiting evidence ("if it isn't filed I will draw an
inference from its absence"); nexus in other words ("beaten because he preached", "it was
because she is Hazara", "because of the party she campaigned for", "because of the political
loyalty they ascribe to him", the traits "were the reasons for it", "so it was because of ..."
after a run-on report, a group "it's cognizable" or "isn't cognizable"); the court's own word
for the harm ("I would not call that persecution", "serious enough to count ... as the kind of
harm asylum protects against"); credibility ("I accept your account", "no hesitation in
crediting her", "no doubt he went through what he described"); a presumption that "nothing has
happened that would rebut" or that the Department "has done nothing to rebut"; departure
ordered by a date; withholding in speech recognition's numbers after a run-on "if"; and what
rules on nothing: a ruling the court asks itself about, relief "not discretionary", a claim
that "does not need a protected ground", the reason named inside a fear found wanting,
"neither ... nor ... is an extraordinary circumstance", and appeal questions put as "is she
content with the decision?", "your position?" and "ask whether he accepts"."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_answers, _found, _judge, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


@pytest.mark.parametrize("sentence, found", [
    ("I see no need to ask for more records from a woman who fled at night; the clinic note and "
     "her sister's letter are enough.", ("corroboration", "sufficient")),
    ("The birth certificate and the church register are more than enough support for what she "
     "told me.", ("corroboration", "sufficient")),
    ("Her union card and the newspaper article provide all the corroboration the Court could "
     "reasonably ask for.", ("corroboration", "sufficient")),
    ("There is only a photocopied summons, and no medical or police report was offered though "
     "his brother still works at the clinic.", ("corroboration", "insufficient")),
    ("I will expect those letters at the next hearing, and if they are not filed I will draw an "
     "inference from their absence.", ("corroboration", "required")),
    ("The beatings were persecution, and he was beaten because he preached in the market every "
     "Friday.", ("nexus", "established")),
    ("They burned the shop, and there is no doubt it was because she is Hazara.",
     ("nexus", "established")),
    ("They did it because of the party she campaigned for.", ("nexus", "established")),
    ("He would be detained on return, and it would be because of the political loyalty they "
     "ascribe to him.", ("nexus", "established")),
    ("The soldiers' words show that her faith and her husband's activism were the reasons for "
     "it.", ("nexus", "established")),
    ("um she said they called him a traitor at the checkpoint so it was because of his uh "
     "political opinion that they held him", ("nexus", "established")),
    ("people who report the cartel to police are a group the courts have looked at and i find "
     "it's cognizable",
     ("nexus", "established")),
    ("So the proposed group isn't cognizable, and the claim has no protected ground.",
     ("nexus", "not_established")),
    ("Being fired and questioned twice, without more, I would not call persecution.",
     ("past_persecution", "not_established")),
    ("What the militia did to him was serious enough to count, under our case law, as the kind "
     "of harm asylum protects against.", ("past_persecution", "established")),
    ("I accept your account; it was the same in your declaration and in your interview.",
     ("credibility", "positive")),
    ("I have no hesitation in crediting her testimony.", ("credibility", "positive")),
    ("I have no doubt he went through what he described.", ("credibility", "positive")),
    ("Nothing has happened in Eritrea since then that would rebut the presumption of future "
     "persecution.", ("well_founded_fear", "established")),
    ("The government has done nothing to rebut the presumption that she would be harmed again.",
     ("well_founded_fear", "established")),
    ("He must depart by March 2, and he will post a bond of $500 within five business days.",
     ("voluntary_departure", "granted")),
    ("her life would be at risk if she goes back so withholding under two forty one b three is "
     "granted", ("withholding_of_removal", "granted")),
    ("Neither a busy work schedule nor bad advice from a friend is an extraordinary "
     "circumstance.", ("one_year_bar", "untimely")),
])
def test_finding_in_other_words(sentence, found):
    assert found in _found(_judge(sentence))


@pytest.mark.parametrize("sentence, not_found", [
    ("I have asked myself whether her suffering was so severe that I should grant asylum on "
     "humanitarian grounds alone, and it was not.", ("asylum", "granted")),
    ("Withholding is not discretionary. She has shown it is more likely than not that she would "
     "be persecuted, and I grant it.", ("discretion", "favorable")),
    ("The Convention claim stands apart; it does not need a protected ground.",
     ("nexus", "not_established")),
    ("The presumption is rebutted, and he no longer faces a reasonable chance of being harmed "
     "for his politics.", ("nexus", "not_established")),
    ("Neither a busy work schedule nor bad advice from a friend is an extraordinary "
     "circumstance.", ("one_year_bar", "exception")),
    ("She must leave no later than sixty days from today and post a bond of $800.",
     ("voluntary_departure", "denied")),
])
def test_no_finding_there(sentence, not_found):
    assert not_found not in _found(_judge(sentence))


def test_a_filing_fact_gives_way_to_the_bar_stated_in_the_same_sentence():
    """A ruling that the application is untimely stands beside the exception ruled on later;
    the lateness told as the premise of that exception ('did not file until ..., well beyond
    one year', on the judge's line before) and the dates alone give way to it. (Stop 48: of
    the 54 excerpts whose references hold an exception, 50 mark the exception alone where
    the judge told the lateness on an earlier line and then excused it.)"""
    ruled = _tags(("judge", "He came in 2015 and did not file for asylum until 2022, so his "
                   "application is untimely."),
                  ("judge", "His conversion in 2021 is a changed circumstance, and he filed "
                   "within a reasonable time after it; the late filing is excused."))
    assert {(t.label, t.polarity) for t in ruled if t.label == "one_year_bar"} == {
        ("one_year_bar", "untimely"), ("one_year_bar", "exception")}
    stated = _tags(("judge", "He came in 2015 and did not file for asylum until 2022, well "
                    "beyond one year."),
                   ("judge", "His conversion in 2021 is a changed circumstance, and he filed "
                    "within a reasonable time after it; the late filing is excused."))
    assert [(t.label, t.polarity) for t in stated if t.label == "one_year_bar"] == [
        ("one_year_bar", "exception")]
    dates = _tags(("judge", "She did not apply for asylum until 2023, more than six years after "
                   "she arrived."),
                  ("judge", "Her father's arrest that spring changed her circumstances, and the "
                   "late filing is excused."))
    assert [(t.label, t.polarity) for t in dates if t.label == "one_year_bar"] == [
        ("one_year_bar", "exception")]


@pytest.mark.parametrize("question", [
    "Counsel for Ms. Rahimi, is she content with the decision?",
    "Mr. Ortiz for the respondent, your position?",
])
def test_appeal_question_without_its_word(question):
    answers = _appeal_answers(("judge", "Asylum is granted."), ("judge", question),
                              ("respondent_counsel", "We're content, Judge. We'll take it as "
                               "final."))
    assert answers == [("waived", "respondent")]


def test_the_judge_asks_through_the_interpreter_whether_the_respondent_accepts():
    answers = _appeal_answers(
        ("judge", "Withholding of removal is granted."),
        ("judge", "Madam interpreter, please tell him he has won and ask whether he accepts."),
        ("interpreter", "I accept. Thank you. I want nothing else."))
    assert answers == [("waived", "respondent")]
