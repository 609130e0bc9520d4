"""Who said each word: words to speaker turns, as pure functions of times and turns.

Rules, in order, for one word (or a segment without word times):

1. **Largest overlap.** The word goes to the speaker of the exclusive turn it overlaps most.
2. **Ties** (the word straddles two turns equally, e.g. a zero-length word on a boundary)
   go to the turn that starts earlier; equal starts go to the lower speaker label. The same
   input always gives the same answer.
3. **In no turn** (a pause the diarization left out, or speech it missed): the nearest turn
   wins when its edge is within ``max_gap_s``, with ties broken as in rule 2; farther away,
   the word keeps no speaker (``None``) and its segment is flagged ``speaker_unknown``,
   because a guessed speaker is worse in a court record than an admitted unknown.

A segment whose words belong to several speakers is cut where the speaker changes. Overlapped
speech stays visible: a segment during which another speaker's (non-exclusive) turn runs for
at least ``min_overlap_s`` lists that speaker in ``overlap_speakers`` and is flagged
``overlapping_speech``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import accumulate

from hearingproc.transcript import Segment, Speaker, SpeakerTurn, Word

CJK_LANGUAGES = {"zh", "ja", "yue"}  # words are joined without spaces


@dataclass(frozen=True)
class AssignOptions:
    max_gap_s: float = 1.0  # a word in no turn goes to a turn at most this far away
    # another speaker this long inside a segment is an overlap (shorter ones are mostly
    # turn-boundary jitter of the diarization)
    min_overlap_s: float = 0.3


class TurnIndex:
    """Turns ordered by start, to find those near a stretch of time without reading them all
    (a word, or a segment, meets a handful of turns; reading every turn for every word made
    assignment grow with the square of the hearing's length)."""

    def __init__(self, turns: Sequence[SpeakerTurn]) -> None:
        self._turns = sorted(turns, key=lambda t: t.start)
        self._starts = [t.start for t in self._turns]
        # the latest end among the turns up to each position: never decreasing, so a bisect
        # finds the first turn that can reach a given time
        self._reach = list(accumulate((t.end for t in self._turns), max))

    def near(self, start: float, end: float, margin: float = 0.0) -> list[SpeakerTurn]:
        """Every turn within ``margin`` seconds of ``start``..``end`` (overlapping it, or
        with a gap of at most ``margin``), in start order."""
        first = bisect_left(self._reach, start - margin)
        last = bisect_right(self._starts, end + margin)
        return [t for t in self._turns[first:last] if t.end >= start - margin]


def _index(turns: Sequence[SpeakerTurn] | TurnIndex) -> TurnIndex:
    return turns if isinstance(turns, TurnIndex) else TurnIndex(turns)


def speaker_at(start: float, end: float, turns: Sequence[SpeakerTurn] | TurnIndex,
               max_gap_s: float = AssignOptions.max_gap_s) -> str | None:
    """The speaker of the stretch ``start``..``end`` by the rules in the module docstring.
    Only turns within ``max_gap_s`` can win, so only those are read (``turns`` may be a
    :class:`TurnIndex` built once for many calls)."""
    near = _index(turns).near(start, end, max(max_gap_s, 0.0))
    best: tuple[float, float, str] | None = None  # (-overlap, turn start, label): min wins
    for turn in near:
        overlap = min(end, turn.end) - max(start, turn.start)
        if overlap > 0:
            key = (-overlap, turn.start, turn.speaker)
            if best is None or key < best:
                best = key
    if best is not None:
        return best[2]
    nearest: tuple[float, float, str] | None = None  # (gap, turn start, label)
    for turn in near:
        gap = max(turn.start - end, start - turn.end, 0.0)
        key = (gap, turn.start, turn.speaker)
        if nearest is None or key < nearest:
            nearest = key
    if nearest is not None and nearest[0] <= max_gap_s:
        return nearest[2]
    return None


def _text_of(words: Sequence[Word], language: str) -> str:
    joined = "".join(w.text for w in words)
    return joined.strip() if language not in CJK_LANGUAGES else joined.replace(" ", "").strip()


def split_by_speaker(segment: Segment, turns: Sequence[SpeakerTurn] | TurnIndex,
                     options: AssignOptions = AssignOptions()) -> list[Segment]:
    """``segment`` with a speaker, cut into pieces where its words change speaker."""
    turns = _index(turns)
    if not segment.words:
        return [_with_speaker(segment, speaker_at(segment.start, segment.end, turns,
                                                  options.max_gap_s))]
    labels = [speaker_at(w.start, w.end, turns, options.max_gap_s) for w in segment.words]
    if len(set(labels)) == 1:
        return [_with_speaker(segment, labels[0])]
    runs: list[tuple[str | None, list[Word]]] = []
    for word, label in zip(segment.words, labels, strict=True):
        if runs and runs[-1][0] == label:
            runs[-1][1].append(word)
        else:
            runs.append((label, [word]))
    return [_with_speaker(replace(segment, start=words[0].start, end=words[-1].end,
                                  text=_text_of(words, segment.language), words=tuple(words)),
                          label)
            for label, words in runs]


def _with_speaker(segment: Segment, speaker: str | None) -> Segment:
    flags = tuple(f for f in segment.flags if f != "speaker_unknown")
    if speaker is None:
        flags += ("speaker_unknown",)
    return replace(segment, speaker=speaker, flags=flags)


def overlapping_speakers(segment: Segment, turns: Sequence[SpeakerTurn] | TurnIndex,
                         min_overlap_s: float = AssignOptions.min_overlap_s) -> tuple[str, ...]:
    """Speakers other than the segment's own whose turns run at least ``min_overlap_s``
    inside it, in label order."""
    talk: dict[str, float] = {}
    for turn in _index(turns).near(segment.start, segment.end):
        if turn.speaker != segment.speaker:
            inside = min(segment.end, turn.end) - max(segment.start, turn.start)
            if inside > 0:
                talk[turn.speaker] = talk.get(turn.speaker, 0.0) + inside
    return tuple(sorted(s for s, seconds in talk.items() if seconds >= min_overlap_s))


def assign_speakers(segments: Sequence[Segment], turns: Sequence[SpeakerTurn],
                    exclusive: Sequence[SpeakerTurn],
                    options: AssignOptions = AssignOptions()) -> list[Segment]:
    """Every segment with its speaker (cut where the speaker changes) and the overlapping
    speakers marked; ids renumbered 1.. in time order."""
    out: list[Segment] = []
    own, every = TurnIndex(exclusive), TurnIndex(turns)
    for segment in segments:
        for piece in split_by_speaker(segment, own, options):
            others = overlapping_speakers(piece, every, options.min_overlap_s)
            flags = tuple(f for f in piece.flags if f != "overlapping_speech")
            if others:
                flags += ("overlapping_speech",)
            out.append(replace(piece, overlap_speakers=others, flags=flags))
    out.sort(key=lambda s: (s.start, s.end))
    return [replace(s, id=i + 1) for i, s in enumerate(out)]


def speaker_table(turns: Sequence[SpeakerTurn], segments: Sequence[Segment]) -> tuple[Speaker, ...]:
    """One :class:`Speaker` per diarized voice (order of first appearance): talk time from
    its turns, languages by how long it spoke each (longest first)."""
    order = list(dict.fromkeys(t.speaker for t in sorted(turns)))
    speakers = []
    for label in order:
        talk = sum(t.end - t.start for t in turns if t.speaker == label)
        by_language: dict[str, float] = {}
        for s in segments:
            if s.speaker == label:
                by_language[s.language] = by_language.get(s.language, 0.0) + (s.end - s.start)
        languages = tuple(sorted(by_language, key=lambda code: (-by_language[code], code)))
        speakers.append(Speaker(id=label, languages=languages, talk_time=round(talk, 3)))
    return tuple(speakers)


def transcript_turns(turns: Sequence[SpeakerTurn]) -> tuple[SpeakerTurn, ...]:
    """The turns as a transcript records them: in time order."""
    return tuple(sorted(turns))
