"""Several short stretches of one language decoded in one Whisper window.

Whisper encodes a fixed 30 s window whatever the clip's length, so a 3 s turn decoded alone
pays for ten times the audio it holds. Stretches in the same language (not necessarily
neighbours: an interpreted hearing alternates languages every turn) are therefore laid end to
end with a short silence between them, decoded as one clip, and each decoded word is handed
back to the stretch it fell in, by time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from hearingproc.models.whisper import Decoded, DecodedWord


@dataclass(frozen=True)
class Pack:
    """Clips laid end to end: clip ``i`` starts ``offsets[i]`` s into the packed clip."""

    members: tuple[int, ...]  # indices of the packed clips in the caller's list
    offsets: tuple[float, ...]
    lengths: tuple[float, ...]
    gap_s: float

    def owner(self, t: float) -> int:
        """Position (in ``members``) of the clip that time ``t`` of the packed clip belongs
        to: the clip it falls in, or in a gap the nearer of the two clips around it."""
        for k in range(len(self.offsets) - 1):
            boundary = self.offsets[k] + self.lengths[k] + self.gap_s / 2
            if t < boundary:
                return k
        return len(self.offsets) - 1


def plan_packs(lengths: Sequence[float], keys: Sequence[object], window_s: float,
               gap_s: float) -> list[Pack]:
    """Group clips (in the given order) that share a key (their language and decode options)
    into packs of at most ``window_s`` seconds, gaps included; a clip longer than the window
    stays alone. Linear in the number of clips."""
    open_packs: dict[object, list[int]] = {}
    used: dict[object, float] = {}
    packs: list[list[int]] = []
    for i, (length, key) in enumerate(zip(lengths, keys, strict=True)):
        current = open_packs.get(key)
        if current is not None and used[key] + gap_s + length <= window_s:
            current.append(i)
            used[key] += gap_s + length
            continue
        current = [i]
        packs.append(current)
        open_packs[key], used[key] = current, length
    out = []
    for members in packs:
        offsets, at = [], 0.0
        for i in members:
            offsets.append(at)
            at += lengths[i] + gap_s
        out.append(Pack(tuple(members), tuple(offsets), tuple(lengths[i] for i in members),
                        gap_s))
    return out


def packed_clip(pack: Pack, clips: Sequence[np.ndarray], rate: int) -> np.ndarray:
    """The pack's clips end to end, ``gap_s`` of silence between them."""
    gap = np.zeros(int(round(pack.gap_s * rate)), dtype=np.float32)
    parts: list[np.ndarray] = []
    for k, i in enumerate(pack.members):
        if k:
            parts.append(gap)
        parts.append(np.asarray(clips[i], dtype=np.float32))
    return np.concatenate(parts)


def _piece(words: Sequence[DecodedWord], parent: Decoded, offset: float,
           length: float) -> Decoded:
    def local(t: float) -> float:
        return min(max(t - offset, 0.0), length)

    return Decoded(
        start=local(words[0].start), end=local(words[-1].end),
        text="".join(w.text for w in words),
        words=tuple(DecodedWord(local(w.start), local(w.end), w.text, w.probability)
                    for w in words),
        avg_logprob=parent.avg_logprob, no_speech_prob=parent.no_speech_prob,
        compression_ratio=parent.compression_ratio, temperature=parent.temperature)


def unpack(pack: Pack, pieces: Sequence[Decoded]) -> list[list[Decoded]]:
    """The packed decode's pieces split back into each member clip's own pieces, with times
    relative to that clip. A piece whose words all fall in one clip (by their midpoints; a
    piece without words: by its own) goes to it whole; a piece that spans the silence between
    two clips is cut there, each part's text its words'."""
    if len(pack.members) == 1:
        return [list(pieces)]  # nothing was packed: the decode is the clip's own
    out: list[list[Decoded]] = [[] for _ in pack.members]
    for piece in pieces:
        owners = {pack.owner((w.start + w.end) / 2) for w in piece.words}
        if len(owners) <= 1:  # the piece lies in one clip: its own text, its times shifted
            k = owners.pop() if owners else pack.owner((piece.start + piece.end) / 2)
            offset, length = pack.offsets[k], pack.lengths[k]
            out[k].append(Decoded(
                start=min(max(piece.start - offset, 0.0), length),
                end=min(max(piece.end - offset, 0.0), length), text=piece.text,
                words=tuple(DecodedWord(min(max(w.start - offset, 0.0), length),
                                        min(max(w.end - offset, 0.0), length), w.text,
                                        w.probability) for w in piece.words),
                avg_logprob=piece.avg_logprob, no_speech_prob=piece.no_speech_prob,
                compression_ratio=piece.compression_ratio, temperature=piece.temperature))
            continue
        run: list[DecodedWord] = []
        owner = -1
        for word in piece.words:
            k = pack.owner((word.start + word.end) / 2)
            if run and k != owner:
                out[owner].append(_piece(run, piece, pack.offsets[owner], pack.lengths[owner]))
                run = []
            run.append(word)
            owner = k
        out[owner].append(_piece(run, piece, pack.offsets[owner], pack.lengths[owner]))
    return out
