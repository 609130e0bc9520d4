"""What Whisper decodes when speakers are known: one stretch per speaker turn.

Each stretch is decoded on its own with its own language, so an interpreter's Spanish
rendering is never decoded as part of the judge's English question. From the exclusive
(one speaker at a time) turns of the diarization:

- fragments (a few hundred milliseconds of one voice touching another's turn, where the
  clustering wavered inside a short word) are given to the neighbour they touch;
- turns of one speaker separated by a short pause are merged (more context per decode);
- turns longer than Whisper's window are split at the pauses voice activity finds in them;
- very short turns are kept (a "Yes." answers a question) but padded a little, never into a
  neighbouring stretch;
- speech that voice activity hears but no turn covers (a voice the diarization missed) is
  decoded too, without a speaker, so no speech is silently dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hearingproc.stages.diarize import Turn
from hearingproc.stages.vad import Span


@dataclass(frozen=True)
class TurnSpanOptions:
    merge_gap_s: float = 1.0  # same-speaker turns closer than this are decoded together
    max_span_s: float = 30.0  # Whisper's window: longer turns are split at pauses
    pad_s: float = 0.2  # context added on each side (at most half the gap to a neighbour)
    min_uncovered_s: float = 1.0  # speech outside every turn this long is decoded alone
    min_turn_s: float = 0.3  # a shorter turn touching another one is a fragment of it...
    touch_s: float = 0.1  # ...when the gap between them is at most this


@dataclass(frozen=True)
class KeyedSpan:
    span: Span
    speaker: str | None  # the turn's speaker; None for speech outside every turn


def absorb_fragments(turns: Sequence[Turn], min_turn_s: float, touch_s: float) -> list[Turn]:
    """Exclusive turns with fragments removed: repeatedly, the shortest turn under
    ``min_turn_s`` that touches a neighbour (gap <= ``touch_s``) is given to the longer
    touching neighbour (ties: the earlier). Isolated short turns ("Yes.") are kept."""
    out = sorted(turns)
    while True:
        candidates = []
        for i, turn in enumerate(out):
            if turn.end - turn.start >= min_turn_s:
                continue
            touching = [j for j in (i - 1, i + 1) if 0 <= j < len(out)
                        and max(out[j].start - turn.end, turn.start - out[j].end) <= touch_s]
            if touching:
                candidates.append((turn.end - turn.start, turn.start, i, touching))
        if not candidates:
            return _joined(out)
        _, _, i, touching = min(candidates)
        j = max(touching, key=lambda k: (out[k].end - out[k].start, -k))
        host, fragment = out[j], out[i]
        out[j] = Turn(min(host.start, fragment.start), max(host.end, fragment.end), host.speaker)
        del out[i]


def _joined(turns: list[Turn]) -> list[Turn]:
    """Touching turns of one speaker as one turn."""
    joined: list[Turn] = []
    for turn in turns:
        if joined and joined[-1].speaker == turn.speaker and turn.start <= joined[-1].end + 1e-9:
            joined[-1] = Turn(joined[-1].start, max(joined[-1].end, turn.end), turn.speaker)
        else:
            joined.append(turn)
    return joined


def merge_turns(turns: Sequence[Turn], merge_gap_s: float, max_span_s: float) -> list[Turn]:
    """Consecutive turns of one speaker joined across pauses shorter than ``merge_gap_s``,
    as long as the result fits in ``max_span_s``."""
    merged: list[Turn] = []
    for turn in sorted(turns):
        last = merged[-1] if merged else None
        if (last and last.speaker == turn.speaker and turn.start - last.end < merge_gap_s
                and turn.end - last.start <= max_span_s):
            merged[-1] = Turn(last.start, max(last.end, turn.end), turn.speaker)
        else:
            merged.append(turn)
    return merged


def split_long(span: Span, speech: Sequence[Span], max_span_s: float) -> list[Span]:
    """``span`` cut into pieces of at most ``max_span_s``: each cut at the latest pause
    (the middle of a gap between ``speech`` chunks) that keeps the piece short enough, or
    at ``max_span_s`` where no pause does."""
    inner = sorted(Span(max(c.start, span.start), min(c.end, span.end)) for c in speech
                   if c.end > span.start and c.start < span.end)
    pauses = [(a.end + b.start) / 2 for a, b in zip(inner, inner[1:]) if b.start > a.end]
    pieces: list[Span] = []
    start = span.start
    while span.end - start > max_span_s:
        fitting = [p for p in pauses if start < p <= start + max_span_s]
        cut = fitting[-1] if fitting else start + max_span_s
        pieces.append(Span(start, cut))
        start = cut
    pieces.append(Span(start, span.end))
    return pieces


def uncovered(speech: Sequence[Span], turns: Sequence[Turn], min_s: float) -> list[Span]:
    """Parts of ``speech`` outside every turn, at least ``min_s`` long."""
    covered = sorted((t.start, t.end) for t in turns)
    gaps: list[Span] = []
    for chunk in speech:
        cursor = chunk.start
        for start, end in covered:
            if end <= cursor or start >= chunk.end:
                continue
            if start > cursor:
                gaps.append(Span(cursor, start))
            cursor = max(cursor, end)
        if cursor < chunk.end:
            gaps.append(Span(cursor, chunk.end))
    return [g for g in gaps if g.duration >= min_s]


def plan_turn_spans(exclusive: Sequence[Turn], speech: Sequence[Span], duration: float,
                    options: TurnSpanOptions = TurnSpanOptions()) -> list[KeyedSpan]:
    """The stretches of a ``duration``-second recording to decode, in time order, none
    overlapping another."""
    keyed: list[KeyedSpan] = []
    for turn in merge_turns(exclusive, options.merge_gap_s, options.max_span_s):
        keyed += [KeyedSpan(piece, turn.speaker)
                  for piece in split_long(Span(turn.start, turn.end), speech, options.max_span_s)]
    for gap in uncovered(speech, exclusive, options.min_uncovered_s):
        keyed += [KeyedSpan(piece, None) for piece in split_long(gap, speech, options.max_span_s)]
    keyed.sort(key=lambda k: k.span)
    return _padded(keyed, options.pad_s, options.max_span_s, duration)


def _padded(keyed: list[KeyedSpan], pad_s: float, max_span_s: float,
            duration: float) -> list[KeyedSpan]:
    out = []
    for i, item in enumerate(keyed):
        before = keyed[i - 1].span.end if i > 0 else 0.0
        after = keyed[i + 1].span.start if i + 1 < len(keyed) else 2 * duration - item.span.end
        room = max(0.0, max_span_s - item.span.duration) / 2
        start = max(item.span.start - min(pad_s, room), (before + item.span.start) / 2, 0.0)
        end = min(item.span.end + min(pad_s, room), (item.span.end + after) / 2)
        out.append(KeyedSpan(Span(round(start, 3), round(end, 3)), item.speaker))
    return out
