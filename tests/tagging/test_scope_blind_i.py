"""Fixes read from the misses of the blind set i (i01-i28), each checked on sentences written
for this test, not taken from the excerpts: the interpreter's oath answered first in the
other language ("Oui. I do."), and an oath put without a question mark (speech recognition),
both tagged on the question and on the interpreter's answer."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


def _oath_segments(tags) -> list[list[int]]:
    return [sorted(t.segments) for t in tags if t.label == "interpreter_sworn"]


def test_an_oath_answered_first_in_the_other_language_takes_the_answer():
    tags = _tags(("judge", "Sir, do you swear or affirm that you will interpret accurately and "
                           "completely from English to French and from French to English?"),
                 ("interpreter", "Oui. I do."),
                 ("judge", "Thank you, be seated."))
    assert _oath_segments(tags) == [[1, 2]]


def test_a_long_sentence_in_the_other_language_does_not_hold_the_oath_open():
    tags = _tags(("judge", "Do you swear to interpret truly from English into Wolof and back?"),
                 ("interpreter", "Maa ngi lay laaj nga wax ma lu xew. I do not follow."),
                 ("judge", "Let me repeat the oath."))
    assert _oath_segments(tags) == [[1]]


def test_an_oath_put_without_a_question_mark_takes_the_answer():
    tags = _tags(("judge", "okay madam interpreter raise your right hand do you swear you will "
                           "translate accurately from english to pashto and pashto to english"),
                 ("interpreter", "yes i will"),
                 ("judge", "thank you"))
    assert _oath_segments(tags) == [[1, 2]]
