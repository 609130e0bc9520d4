"""Words to speakers and speaker turns to decoded stretches: pure functions, exact answers."""

from __future__ import annotations

from hearingproc.stages.assign import (
    assign_speakers,
    overlapping_speakers,
    speaker_at,
    speaker_table,
    split_by_speaker,
)
from hearingproc.stages.diarize import Turn
from hearingproc.stages.turn_spans import (
    TurnSpanOptions,
    absorb_fragments,
    merge_turns,
    plan_turn_spans,
    split_long,
    uncovered,
)
from hearingproc.stages.vad import Span
from hearingproc.transcript import Segment, Word

A, B, C = "SPEAKER_00", "SPEAKER_01", "SPEAKER_02"
TURNS = [Turn(0.0, 5.0, A), Turn(5.0, 9.0, B), Turn(12.0, 15.0, A)]


def _segment(words: list[tuple[float, float, str]], language: str = "en", **kw) -> Segment:
    ws = tuple(Word(s, e, t, 0.9) for s, e, t in words)
    return Segment(id=1, start=ws[0].start, end=ws[-1].end, text="".join(w.text for w in ws).strip(),
                   language=language, language_probability=0.99, words=ws, **kw)


# --- speaker_at ---------------------------------------------------------------------------

def test_largest_overlap_wins():
    assert speaker_at(4.0, 5.5, TURNS) == A  # 1.0 s in A, 0.5 s in B
    assert speaker_at(4.8, 6.0, TURNS) == B  # 0.2 s in A, 1.0 s in B


def test_tie_goes_to_the_earlier_turn_then_the_lower_label():
    assert speaker_at(4.5, 5.5, TURNS) == A  # 0.5 s each: A starts earlier
    assert speaker_at(5.0, 5.0, TURNS) == A  # a zero-length word on the boundary
    same_start = [Turn(0.0, 2.0, B), Turn(0.0, 2.0, A)]
    assert speaker_at(0.5, 1.0, same_start) == A
    assert speaker_at(0.5, 1.0, list(reversed(same_start))) == A  # order of input is irrelevant


def test_word_in_no_turn_goes_to_the_nearest_turn_within_the_gap():
    assert speaker_at(9.3, 9.6, TURNS, max_gap_s=1.0) == B  # 0.3 s after B ends
    assert speaker_at(11.2, 11.5, TURNS, max_gap_s=1.0) == A  # 0.5 s before A's next turn
    assert speaker_at(10.3, 10.7, TURNS, max_gap_s=1.0) is None  # 1.3 s from both: unknown
    assert speaker_at(10.3, 10.7, TURNS, max_gap_s=2.0) == B  # 1.3 s each way: tie, earlier
    assert speaker_at(1.0, 2.0, []) is None


# --- segments -----------------------------------------------------------------------------

def test_segment_is_cut_where_the_speaker_changes():
    segment = _segment([(3.0, 3.5, " Do"), (3.5, 4.0, " you"), (4.0, 4.6, " swear?"),
                        (5.2, 5.6, " I"), (5.6, 6.0, " do.")])
    pieces = split_by_speaker(segment, TURNS)
    assert [(p.speaker, p.text, p.start, p.end) for p in pieces] == [
        (A, "Do you swear?", 3.0, 4.6), (B, "I do.", 5.2, 6.0)]


def test_chinese_pieces_are_joined_without_spaces():
    segment = _segment([(4.0, 4.5, "我"), (4.5, 4.9, "是"), (5.3, 5.8, "律师")], language="zh")
    assert [p.text for p in split_by_speaker(segment, TURNS)] == ["我是", "律师"]


def test_one_speaker_keeps_the_segment_text_untouched():
    segment = _segment([(1.0, 1.5, " Hello,"), (1.5, 2.0, " world.")])
    (piece,) = split_by_speaker(segment, TURNS)
    assert piece.text == segment.text and piece.speaker == A and piece.flags == ()


def test_unattributed_words_are_flagged():
    segment = _segment([(10.3, 10.6, " Um.")])
    (piece,) = split_by_speaker(segment, TURNS)
    assert piece.speaker is None and piece.flags == ("speaker_unknown",)


def test_segment_without_words_uses_its_own_times():
    segment = Segment(id=1, start=12.5, end=13.5, text="Sí.", language="es",
                      language_probability=0.9)
    assert split_by_speaker(segment, TURNS)[0].speaker == A


def test_overlap_is_marked_with_the_other_speakers():
    turns = [Turn(0.0, 6.0, A), Turn(4.0, 8.0, B), Turn(5.9, 6.05, C)]  # C: 0.15 s, jitter
    segment = _segment([(3.0, 4.0, " So"), (4.0, 5.5, " then")])
    (piece,) = assign_speakers([segment], turns, [Turn(0.0, 6.0, A), Turn(6.0, 8.0, B)])
    assert piece.speaker == A
    assert piece.overlap_speakers == (B,)
    assert "overlapping_speech" in piece.flags
    assert overlapping_speakers(piece, [Turn(5.0, 5.1, B)]) == ()


def test_assign_renumbers_in_time_order():
    late = _segment([(12.5, 13.0, " Late.")])
    early = _segment([(1.0, 1.5, " Early"), (6.0, 6.5, " reply.")])
    out = assign_speakers([late, early], TURNS, TURNS)
    assert [(s.id, s.speaker, s.text) for s in out] == [
        (1, A, "Early"), (2, B, "reply."), (3, A, "Late.")]


def test_speaker_table_counts_talk_time_and_languages():
    segments = assign_speakers([_segment([(1.0, 4.0, " Hi.")]),
                                _segment([(5.5, 6.0, " Hola.")], language="es"),
                                _segment([(6.5, 8.5, " Hello.")])], TURNS, TURNS)
    table = speaker_table(TURNS, segments)
    assert [(s.id, s.talk_time, s.languages) for s in table] == [
        (A, 8.0, ("en",)), (B, 4.0, ("en", "es"))]


# --- turn spans ---------------------------------------------------------------------------

def test_fragments_are_given_to_the_longer_touching_neighbour():
    # measured on the sample hearing: "I do." came out as three touching bits of 3 voices
    turns = [Turn(8.063, 14.476, A), Turn(15.505, 15.674, A), Turn(15.674, 15.725, B),
             Turn(15.725, 16.079, C), Turn(16.94, 23.015, B)]
    out = absorb_fragments(turns, min_turn_s=0.3, touch_s=0.1)
    assert out == [Turn(8.063, 14.476, A), Turn(15.505, 16.079, C), Turn(16.94, 23.015, B)]


def test_isolated_short_turns_are_kept():
    turns = [Turn(0.0, 3.0, A), Turn(3.5, 3.7, B), Turn(4.5, 8.0, A)]  # "Yes." alone
    assert absorb_fragments(turns, min_turn_s=0.3, touch_s=0.1) == turns


def test_same_speaker_turns_are_merged_across_short_pauses_only():
    turns = [Turn(0.0, 4.0, A), Turn(4.5, 8.0, A), Turn(10.0, 12.0, A), Turn(12.2, 13.0, B)]
    assert merge_turns(turns, merge_gap_s=1.0, max_span_s=30.0) == [
        Turn(0.0, 8.0, A), Turn(10.0, 12.0, A), Turn(12.2, 13.0, B)]
    assert merge_turns(turns[:2], merge_gap_s=1.0, max_span_s=6.0) == turns[:2]


def test_long_turn_is_split_at_the_latest_fitting_pause():
    speech = [Span(0.0, 12.0), Span(13.0, 25.0), Span(26.0, 40.0), Span(41.0, 70.0)]
    pieces = split_long(Span(0.0, 70.0), speech, max_span_s=30.0)
    assert pieces == [Span(0.0, 25.5), Span(25.5, 40.5), Span(40.5, 70.0)]
    assert all(p.duration <= 30.0 for p in pieces)
    # no pause at all: equal cuts at the window
    assert split_long(Span(0.0, 65.0), [Span(0.0, 65.0)], 30.0) == [
        Span(0.0, 30.0), Span(30.0, 60.0), Span(60.0, 65.0)]


def test_speech_outside_every_turn_is_found():
    speech = [Span(0.0, 10.0), Span(20.0, 21.5)]
    turns = [Turn(0.5, 4.0, A), Turn(4.2, 9.8, B)]
    assert uncovered(speech, turns, min_s=1.0) == [Span(20.0, 21.5)]
    assert uncovered(speech, turns, min_s=0.1) == [Span(0.0, 0.5), Span(4.0, 4.2),
                                                    Span(9.8, 10.0), Span(20.0, 21.5)]


def test_planned_spans_are_padded_but_never_overlap():
    turns = [Turn(1.0, 3.0, A), Turn(3.1, 3.6, B), Turn(6.0, 9.0, A)]
    speech = [Span(0.8, 3.8), Span(5.8, 9.2), Span(12.0, 14.0)]
    planned = plan_turn_spans(turns, speech, duration=14.1, options=TurnSpanOptions(pad_s=0.2))
    spans = [k.span for k in planned]
    assert [k.speaker for k in planned] == [A, B, A, None]
    assert spans[0] == Span(0.8, 3.05) and spans[1] == Span(3.05, 3.8)
    assert spans[3] == Span(11.8, 14.1)  # padded, clipped at the end of the recording
    for before, after in zip(spans, spans[1:]):
        assert before.end <= after.start


def test_no_turns_and_a_lone_short_turn():
    assert absorb_fragments([], 0.3, 0.1) == []
    assert plan_turn_spans([], [], duration=1.0) == []
    (only,) = plan_turn_spans([Turn(0.0, 0.1, A)], [], duration=1.0)
    assert only.span == Span(0.0, 0.3) and only.speaker == A
