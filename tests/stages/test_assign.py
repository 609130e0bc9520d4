"""Words to speakers and speaker turns to decoded stretches: pure functions, exact answers."""

from __future__ import annotations

from hearingproc.stages.assign import (
    assign_speakers,
    overlapping_speakers,
    speaker_at,
    speaker_table,
    split_by_speaker,
)
from hearingproc.stages.turn_spans import (
    KeyedSpan,
    TurnSpanOptions,
    absorb_fragments,
    cut_points,
    plan_turn_spans,
)
from hearingproc.stages.vad import Span
from hearingproc.transcript import Segment, SpeakerTurn, Word

A, B, C = "SPEAKER_00", "SPEAKER_01", "SPEAKER_02"
TURNS = [SpeakerTurn(0.0, 5.0, A), SpeakerTurn(5.0, 9.0, B), SpeakerTurn(12.0, 15.0, A)]


def _segment(words: list[tuple[float, float, str]], language: str = "en", **kw) -> Segment:
    ws = tuple(Word(s, e, t, 0.9) for s, e, t in words)
    return Segment(id=1, start=ws[0].start, end=ws[-1].end,
                   text="".join(w.text for w in ws).strip(), language=language,
                   language_probability=0.99, words=ws, **kw)


# --- speaker_at ---------------------------------------------------------------------------

def test_largest_overlap_wins():
    assert speaker_at(4.0, 5.5, TURNS) == A  # 1.0 s in A, 0.5 s in B
    assert speaker_at(4.8, 6.0, TURNS) == B  # 0.2 s in A, 1.0 s in B


def test_tie_goes_to_the_earlier_turn_then_the_lower_label():
    assert speaker_at(4.5, 5.5, TURNS) == A  # 0.5 s each: A starts earlier
    assert speaker_at(5.0, 5.0, TURNS) == A  # a zero-length word on the boundary
    same_start = [SpeakerTurn(0.0, 2.0, B), SpeakerTurn(0.0, 2.0, A)]
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
    # C: 0.15 s, jitter
    turns = [SpeakerTurn(0.0, 6.0, A), SpeakerTurn(4.0, 8.0, B), SpeakerTurn(5.9, 6.05, C)]
    segment = _segment([(3.0, 4.0, " So"), (4.0, 5.5, " then")])
    exclusive = [SpeakerTurn(0.0, 6.0, A), SpeakerTurn(6.0, 8.0, B)]
    (piece,) = assign_speakers([segment], turns, exclusive)
    assert piece.speaker == A
    assert piece.overlap_speakers == (B,)
    assert "overlapping_speech" in piece.flags
    assert overlapping_speakers(piece, [SpeakerTurn(5.0, 5.1, B)]) == ()


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
    turns = [SpeakerTurn(8.063, 14.476, A), SpeakerTurn(15.505, 15.674, A),
             SpeakerTurn(15.674, 15.725, B), SpeakerTurn(15.725, 16.079, C),
             SpeakerTurn(16.94, 23.015, B)]
    out = absorb_fragments(turns, min_turn_s=0.3, touch_s=0.1)
    assert out == [SpeakerTurn(8.063, 14.476, A), SpeakerTurn(15.505, 16.079, C),
                   SpeakerTurn(16.94, 23.015, B)]


def test_isolated_short_turns_are_kept():
    # B: "Yes." alone
    turns = [SpeakerTurn(0.0, 3.0, A), SpeakerTurn(3.5, 3.7, B), SpeakerTurn(4.5, 8.0, A)]
    assert absorb_fragments(turns, min_turn_s=0.3, touch_s=0.1) == turns


def test_chunks_are_cut_where_the_speaker_changes():
    turns = [SpeakerTurn(1.0, 3.0, A), SpeakerTurn(3.2, 5.0, B), SpeakerTurn(5.0, 6.0, A),
             SpeakerTurn(8.0, 9.0, A)]
    assert cut_points(Span(0.8, 6.3), turns) == [3.1, 5.0]
    assert cut_points(Span(7.8, 9.3), turns) == []  # one speaker: no cut


def test_planned_spans_follow_speech_chunks_and_speakers():
    turns = [SpeakerTurn(1.0, 3.0, A), SpeakerTurn(3.2, 5.0, B), SpeakerTurn(5.0, 6.0, A),
             SpeakerTurn(8.0, 9.0, A)]
    speech = [Span(0.8, 6.3), Span(7.8, 9.3), Span(20.0, 22.0)]
    planned = plan_turn_spans(turns, speech, TurnSpanOptions(key_gap_s=1.0))
    assert planned == [KeyedSpan(Span(0.8, 3.1), A), KeyedSpan(Span(3.1, 5.0), B),
                       KeyedSpan(Span(5.0, 6.3), A), KeyedSpan(Span(7.8, 9.3), A),
                       KeyedSpan(Span(20.0, 22.0), None)]  # speech no turn covers: kept


def test_a_sliver_left_by_a_cut_joins_its_neighbour():
    # the chunk's padding reaches 0.1 s into the previous speaker's turn: cut at 4.15 s, the
    # 0.25 s sliver joins the rest
    turns = [SpeakerTurn(0.0, 4.0, A), SpeakerTurn(4.3, 8.0, B)]
    planned = plan_turn_spans(turns, [Span(3.9, 8.2)], TurnSpanOptions(min_piece_s=0.3))
    assert cut_points(Span(3.9, 8.2), turns) == [4.15]
    assert planned == [KeyedSpan(Span(3.9, 8.2), B)]


def test_without_turns_every_chunk_is_kept_unkeyed():
    speech = [Span(0.5, 2.0), Span(3.0, 4.0)]
    assert plan_turn_spans([], speech) == [KeyedSpan(s, None) for s in speech]
    assert absorb_fragments([], 0.3, 0.1) == []
    assert plan_turn_spans([SpeakerTurn(0.0, 1.0, A)], []) == []


# --- the turn index: same answers as reading every turn, reading only the nearby ones -------

def _every_turn_speaker(start: float, end: float, turns: list[SpeakerTurn],
                        max_gap_s: float) -> str | None:
    """The rules of the module docstring applied to every turn (the definition)."""
    overlaps = [(-(min(end, t.end) - max(start, t.start)), t.start, t.speaker) for t in turns
                if min(end, t.end) - max(start, t.start) > 0]
    if overlaps:
        return min(overlaps)[2]
    gaps = [(max(t.start - end, start - t.end, 0.0), t.start, t.speaker) for t in turns]
    return min(gaps)[2] if gaps and min(gaps)[0] <= max_gap_s else None


def _random_hearing(seed: int, n: int) -> list[SpeakerTurn]:
    """Turns of three voices with pauses, overlaps, long and zero-gap turns."""
    import random

    rng = random.Random(seed)
    turns, t = [], 0.0
    for _ in range(n):
        start = round(t + rng.choice([-1.5, -0.2, 0.0, 0.0, 0.3, 0.9, 2.5]), 2)
        end = round(max(start, t) + rng.choice([0.1, 0.8, 2.0, 6.0, 25.0]), 2)
        turns.append(SpeakerTurn(max(0.0, start), end, rng.choice([A, B, C])))
        t = end
    return turns


def test_indexed_lookup_gives_what_reading_every_turn_gives():
    import random

    from hearingproc.stages.assign import TurnIndex

    turns = _random_hearing(7, 400)
    index = TurnIndex(turns)
    rng = random.Random(11)
    horizon = max(t.end for t in turns) + 3.0
    for _ in range(3000):
        start = round(rng.uniform(-2.0, horizon), 2)
        end = round(start + rng.choice([0.0, 0.05, 0.4, 1.5, 7.0]), 2)
        gap = rng.choice([0.0, 0.5, 1.0, 3.0])
        assert speaker_at(start, end, index, gap) == _every_turn_speaker(start, end, turns, gap)
    for turn in turns[:50]:  # boundaries exactly
        for point in (turn.start, turn.end):
            assert (speaker_at(point, point, index, 1.0)
                    == _every_turn_speaker(point, point, turns, 1.0))


def test_lookup_reads_only_the_turns_near_the_word():
    """On a hearing of 20,000 turns a word meets a handful of turns, so assignment grows with
    the number of words, not words times turns (a count, not a timing)."""
    from hearingproc.stages.assign import TurnIndex

    turns = [SpeakerTurn(i * 4.0, i * 4.0 + 3.5, (A, B)[i % 2]) for i in range(20_000)]
    index = TurnIndex(turns)
    assert [t.speaker for t in index.near(40_001.0, 40_001.5)] == [A]
    assert [t.speaker for t in index.near(40_003.0, 40_003.2, margin=1.0)] == [A, B]
    assert speaker_at(40_003.6, 40_003.7, index, 1.0) == A  # in the pause, nearer A's end
    # one long turn that spans everything is still found from anywhere
    long = [SpeakerTurn(0.0, 80_000.0, C), *turns]
    assert C in {t.speaker for t in TurnIndex(long).near(60_001.0, 60_001.5)}


def test_assignment_on_a_long_hearing_matches_reading_every_turn():
    turns = _random_hearing(3, 300)
    words = [(round(t.start + k * 0.37, 2), round(t.start + k * 0.37 + 0.3, 2), f" w{k}")
             for t in turns[::7] for k in range(4)]
    words.sort()
    segment = _segment(words)
    pieces = split_by_speaker(segment, turns)
    labels = [p.speaker for p in pieces for _ in p.words]
    assert labels == [_every_turn_speaker(w.start, w.end, turns, 1.0) for w in segment.words]
    for piece in pieces:
        slow: dict[str, float] = {}
        for t in turns:
            inside = min(piece.end, t.end) - max(piece.start, t.start)
            if t.speaker != piece.speaker and inside > 0:
                slow[t.speaker] = slow.get(t.speaker, 0.0) + inside
        assert overlapping_speakers(piece, turns) == tuple(
            sorted(s for s, v in slow.items() if v >= 0.3))
