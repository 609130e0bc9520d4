"""Scoring text and language against timed reference segments."""

from __future__ import annotations

from hearingproc.evaluation.text import RefSegment, _score_segmented, assign_to_references
from hearingproc.transcript import Segment, Word

REFS = [RefSegment(23.0, 25.5, "en", "Sarah Collins for the respondent."),
        RefSegment(26.5, 28.1, "en", "Why did you leave Honduras?"),
        RefSegment(29.2, 30.8, "es", "¿Por qué salió de Honduras?")]


def _segment(id_: int, words: list[tuple[float, float, str]], language: str,
             timed: bool = True) -> Segment:
    items = tuple(Word(a, b, t, 0.9) for a, b, t in words)
    return Segment(id=id_, start=words[0][0], end=words[-1][1], language=language,
                   language_probability=0.9, text="".join(t for _, _, t in words).strip(),
                   words=items if timed else ())


# one decode of one speaker across two reference sentences; "why" swallowed the pause
SPANNING = [(23.3, 23.9, " Sarah"), (23.9, 24.3, " Collins"), (24.3, 24.7, " for"),
            (24.7, 24.8, " the"), (24.8, 25.5, " respondent."), (25.5, 26.7, " Why"),
            (26.7, 26.9, " did"), (26.9, 27.1, " you"), (27.1, 27.4, " leave"),
            (27.4, 27.8, " Honduras?")]
SPANISH = [(29.2, 29.5, " ¿Por"), (29.5, 29.7, " qué"), (29.7, 30.1, " salió"),
           (30.1, 30.2, " de"), (30.2, 30.7, " Honduras?")]


def test_segment_spanning_two_references_is_divided_by_word_time():
    pieces = assign_to_references(REFS, [_segment(1, SPANNING, "en"), _segment(2, SPANISH, "es")])
    assert [[p.text for p in group] for group in pieces] == [
        ["Sarah Collins for the respondent."], ["Why did you leave Honduras?"],
        ["¿Por qué salió de Honduras?"]]
    scores = _score_segmented(REFS, [_segment(1, SPANNING, "en"), _segment(2, SPANISH, "es")])
    assert scores["lid"] == {"correct": 3, "total": 3}
    assert scores["counts"]["en"]["errors"] == 0


def test_segment_without_word_times_goes_whole_to_its_largest_overlap():
    scores = _score_segmented(REFS, [_segment(1, SPANNING, "en", timed=False),
                                     _segment(2, SPANISH, "es", timed=False)])
    # the second English sentence got nothing: a language miss and five deleted words there,
    # five inserted words in the first
    assert scores["lid"] == {"correct": 2, "total": 3}
    assert scores["counts"]["en"]["errors"] == 10


def test_word_outside_every_reference_stays_with_its_segment():
    words = [(20.0, 20.5, " Um,"), *SPANNING[:5]]  # "Um," lies before the first reference
    pieces = assign_to_references(REFS, [_segment(1, words, "en")])
    assert [p.text for p in pieces[0]] == ["Um, Sarah Collins for the respondent."]
    assert pieces[1] == [] and pieces[2] == []


def test_wrong_language_piece_is_a_language_miss():
    scores = _score_segmented(REFS, [_segment(1, SPANNING, "en"), _segment(2, SPANISH, "pt")])
    assert scores["lid"] == {"correct": 2, "total": 3}
