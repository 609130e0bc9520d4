"""What Whisper decodes when speakers are known: speech chunks cut where the speaker changes.

Voice activity detection cuts the recording at pauses into chunks (tuned for Whisper: padding,
short answers kept), and the diarization's exclusive turns say who talks when. A chunk in
which the speaker changes without a pause (a quick reply, an interpreter starting at once) is
cut at the middle of the gap between the two speakers' turns, so that no decoded stretch holds
two voices and every piece's language is identified on one speaker's words. Each piece is
keyed by its speaker; the transcribe stage then merges neighbouring pieces only when they have
the same speaker and language (so one speaker's long answer is decoded with context, and is
split at pauses when longer than Whisper's window). Speech that no turn covers (a voice the
diarization missed) is still decoded, keyed ``None``. Before that, fragments (a few hundred
milliseconds of one voice touching another's turn, where the clustering wavered inside a short
word) are given to the neighbour they touch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from hearingproc.stages.assign import TurnIndex, speaker_at
from hearingproc.stages.vad import Span
from hearingproc.transcript import SpeakerTurn


@dataclass(frozen=True)
class TurnSpanOptions:
    min_turn_s: float = 0.3  # a shorter turn touching another one is a fragment of it...
    touch_s: float = 0.1  # ...when the gap between them is at most this
    min_piece_s: float = 0.3  # a shorter piece of a chunk joins its neighbour
    key_gap_s: float = 1.0  # speech within this of a turn is keyed with its speaker


@dataclass(frozen=True)
class KeyedSpan:
    span: Span
    speaker: str | None  # the turn's speaker; None for speech outside every turn
    # the speech chunks (cut at speaker changes) it joins, where it joins more than one: one
    # voice's speech across a pause, which may hold two people diarization merged
    pieces: tuple[Span, ...] = field(default=(), compare=False)


def absorb_fragments(turns: Sequence[SpeakerTurn], min_turn_s: float,
                     touch_s: float) -> list[SpeakerTurn]:
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
        out[j] = SpeakerTurn(min(host.start, fragment.start), max(host.end, fragment.end),
                             host.speaker)
        del out[i]


def _joined(turns: list[SpeakerTurn]) -> list[SpeakerTurn]:
    """Touching turns of one speaker as one turn."""
    joined: list[SpeakerTurn] = []
    for turn in turns:
        if joined and joined[-1].speaker == turn.speaker and turn.start <= joined[-1].end + 1e-9:
            joined[-1] = SpeakerTurn(joined[-1].start, max(joined[-1].end, turn.end), turn.speaker)
        else:
            joined.append(turn)
    return joined


def cut_points(chunk: Span, turns: Sequence[SpeakerTurn] | TurnIndex) -> list[float]:
    """Where the speaker changes inside ``chunk``: the middle of the gap (or the boundary)
    between consecutive exclusive turns of different speakers."""
    near = (turns if isinstance(turns, TurnIndex) else TurnIndex(turns)).near(chunk.start,
                                                                             chunk.end)
    inside = sorted(t for t in near if t.end > chunk.start and t.start < chunk.end)
    cuts = [(a.end + b.start) / 2 for a, b in zip(inside, inside[1:], strict=False)
            if a.speaker != b.speaker]
    return [c for c in cuts if chunk.start < c < chunk.end]


def plan_turn_spans(exclusive: Sequence[SpeakerTurn], speech: Sequence[Span],
                    options: TurnSpanOptions = TurnSpanOptions()) -> list[KeyedSpan]:
    """The speech chunks cut at speaker changes, each with its speaker, in time order."""
    keyed: list[KeyedSpan] = []
    index = TurnIndex(exclusive)
    for chunk in speech:
        bounds = [chunk.start, *cut_points(chunk, index), chunk.end]
        pieces = [Span(a, b) for a, b in zip(bounds, bounds[1:], strict=False)]
        merged: list[Span] = []
        for piece in pieces:  # a sliver left by a cut joins the piece before (or after) it
            if merged and (piece.duration < options.min_piece_s
                           or merged[-1].duration < options.min_piece_s):
                merged[-1] = Span(merged[-1].start, piece.end)
            else:
                merged.append(piece)
        for piece in merged:
            speaker = speaker_at(piece.start, piece.end, index, options.key_gap_s)
            if keyed and keyed[-1].speaker == speaker and keyed[-1].span.end == piece.start:
                last = keyed[-1]
                keyed[-1] = KeyedSpan(Span(last.span.start, piece.end), speaker,
                                      (*(last.pieces or (last.span,)), piece))
            else:
                keyed.append(KeyedSpan(piece, speaker))
    return keyed
