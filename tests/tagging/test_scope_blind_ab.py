"""Fixes read from the misses and false tags of the blind set ab (ab01-ab28, stop 44),
developed against in the same stop, each checked on sentences written for this test, not taken
from the excerpts: papers asked for of which "neither was provided", with "no reason given why
they could not be obtained"; a late filing in speech recognition's words ("extra ordinary
circumstances", "outside the one year") or left unexcused ("no exception to the deadline
applies"); a filing "comfortably within the deadline"; discretion through a double negation
("no reason why discretion should not be exercised in her favor", "no reason to hold anything
in his past against him") or a request declined "in the exercise of discretion"; harm that
amounts to "harassment rather than persecution", "never arrested, much less persecuted"; a
presumption of fear named, not found; a presumption the Department "has not tried to rebut";
nobody shown to be "looking for him"; the cause of the harm named as a protected trait; an
argument reported, then "I reject it"; the issue posed ("The question is why ...", "The harder
question is past persecution."); and appeal questions and answers ("I assume no appeal from
you?" - "You assume right", "will the respondent be taking this up?", an advisal "you can
appeal ... or you can except it as final")."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_answers, _found, _judge

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


@pytest.mark.parametrize("sentence, found", [
    ("I asked for the hospital record and a letter from her cousin; neither was provided, and "
     "no reason was given why they could not be obtained.", ("corroboration", "insufficient")),
    ("i didn't hear any changed or extra ordinary circumstances so he's outside the one year",
     ("one_year_bar", "untimely")),
    ("She waited two years after the coup; no exception to the deadline applies.",
     ("one_year_bar", "untimely")),
    ("She filed three months after she landed, comfortably within the deadline.",
     ("one_year_bar", "timely")),
    ("I see no reason why discretion should not be exercised in his favor.",
     ("discretion", "favorable")),
    ("There is no reason to hold anything in her past against her.",
     ("discretion", "favorable")),
    ("He also asked for voluntary departure, and I decline it in the exercise of discretion.",
     ("discretion", "unfavorable")),
    ("He also asked for voluntary departure, and I decline it in the exercise of discretion.",
     ("voluntary_departure", "denied")),
    ("Taken together, the incidents amount to harassment rather than persecution.",
     ("past_persecution", "not_established")),
    ("She has not shown she was ever detained, much less persecuted.",
     ("past_persecution", "not_established")),
    ("Her fear is presumed well founded, and the government has not tried to rebut that "
     "presumption.", ("well_founded_fear", "established")),
    ("She has not shown that anyone in Kinshasa is looking for her today.",
     ("well_founded_fear", "not_established")),
    ("That was persecution, and its cause was her Tutsi ethnicity.", ("nexus", "established")),
])
def test_finding_in_other_words(sentence, found):
    assert found in _found(_judge(sentence))


@pytest.mark.parametrize("sentence, not_found", [
    ("She is therefore entitled to a presumption that her fear of future harm is well founded.",
     ("well_founded_fear", "established")),
    ("The question in this case is why the soldiers came for him.", ("nexus", "established")),
    ("The harder question is past persecution.", ("past_persecution", "established")),
    ("Those are serious matters, and I decline to grant asylum as a matter of discretion.",
     ("discretion", "favorable")),
])
def test_no_wrong_finding(sentence, not_found):
    assert not_found not in _found(_judge(sentence))


def test_an_argument_reported_then_rejected_rules_on_nothing():
    found = _found(_judge("She filed for asylum that spring.",
                          "The Department argued that she could move to the capital; I have "
                          "weighed that and I reject it, because the police there are the same."))
    assert ("asylum", "denied") not in found


def test_appeal_questions_and_answers():
    assert _appeal_answers(
        ("judge", "Asylum is granted."),
        ("judge", "Mr. Odum, I assume no appeal from you?"),
        ("respondent_counsel", "You assume correctly."),
    ) == [("waived", "respondent")]
    assert _appeal_answers(
        ("judge", "She is ordered removed to Ghana."),
        ("judge", "Ms. Lind, will your client be taking this up?"),
        ("respondent_counsel", "Yes, Judge, we will take it up."),
    ) == [("reserved", "respondent")]
    assert _appeal_answers(
        ("judge", "i'm ordering you removed to kenya"),
        ("judge", "you can appeal my decision if you think it's wrong or you can except it as "
                  "final"),
        ("interpreter", "i accept"),
    ) == [("waived", "respondent")]
