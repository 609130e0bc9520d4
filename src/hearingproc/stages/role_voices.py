"""What the voices sound like, for the role stage: how alike two voices or two segments sound
(diarization's speaker embeddings), and the repairs that read it.

* :func:`applicant_halves`: a voice that would be a witness but is the applicant's voice split
  in two by diarization.
* :func:`stray_segments`: a segment that diarization gave to one voice but that sounds like
  another voice of the hearing, clearly more than like its own (a counsel's question labelled
  with the interpreter's voice, a counsel's "Nothing further" labelled with the judge's): it
  goes to the voice it sounds like, before any role is weighed.
* :func:`rendering_run`: where the interpreter's rendering and the applicant's answer share a
  voice (diarization merged the two people), which segments of the run after a question are
  still the rendering: the run splits where its two parts sound most unlike each other.

Embeddings are unit vectors, so similarities are cosines in [-1, 1]. Without audio (a
transcript given alone) none of this runs and the roles come from the words and turns only.
In the pipeline (``[diarize] own_process``) the embeddings are computed in a child process
(stages/diarize_worker.py), so that torch is never imported by the process that decodes with
Whisper; the child ends with the stage's release.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from hearingproc.models.cache import model_cache
from hearingproc.sidecar import HearingMetadata
from hearingproc.stages import role_cues
from hearingproc.transcript import Segment

if TYPE_CHECKING:
    import numpy as np

    from hearingproc.audio import Audio
    from hearingproc.stages.roles import RoleOptions

# how alike two voices sound: cosine similarity of their speaker embeddings; None: unknown
VoiceSimilarity = Callable[[str, str], float | None]
VOICE_SAMPLE_S = 30.0  # each voice is embedded from at most this much of its longest segments
MIN_VOICE_S = 1.0  # a voice with less speech than this is not compared
MIN_SEGMENT_S = 1.0  # a segment shorter than this is too short to embed on its own
_A, _I, _W, UNKNOWN = "applicant", "interpreter", "witness", "unknown"
STRAY_FLAG = "speaker_reassigned"  # a segment moved to the voice it sounds like


@runtime_checkable
class VoiceBank(Protocol):
    """A :data:`VoiceSimilarity` that also embeds single segments."""

    def __call__(self, a: str, b: str) -> float | None: ...

    def to_voices(self, segment: Segment) -> dict[str, float]:
        """Voice -> how alike ``segment`` sounds to it; empty when it is too short."""
        ...

    def between(self, a: Segment, b: Segment) -> float | None:
        """How alike two segments sound; None when either is too short."""
        ...


@model_cache(maxsize=1)
def _speaker_encoder() -> Callable[[np.ndarray], np.ndarray]:
    """Diarization's speaker-embedding model (Resemblyzer's GE2E encoder, verified weights)."""
    import torch

    from hearingproc.models.speaker_embedding import MIN_NUM_SAMPLES, load_resemblyzer_embedding

    model = load_resemblyzer_embedding()

    def embed(samples: np.ndarray) -> np.ndarray:
        import numpy as np

        if len(samples) < MIN_NUM_SAMPLES:
            samples = np.pad(samples, (0, MIN_NUM_SAMPLES - len(samples)))
        with torch.inference_mode():
            vector = model(torch.from_numpy(samples).float().reshape(1, 1, -1))[0].numpy()
        return np.asarray(vector / max(float(np.linalg.norm(vector)), 1e-12))
    return embed


def embed_here(samples: np.ndarray) -> np.ndarray:
    """The unit-length voice embedding of ``samples`` (16 kHz), in this process."""
    return _speaker_encoder()(samples)


@model_cache(maxsize=1)
def _worker_encoder() -> Callable[[np.ndarray], np.ndarray]:
    """:func:`embed_here` in a child process of its own, ended when this is released."""
    from hearingproc.stages.diarize_worker import DiarizationWorker

    return DiarizationWorker().embed_voice


class Voices:
    """How alike the voices and segments of ``segments`` sound in ``audio``. Each voice is
    embedded once, when first asked, from its longest segments (up to :data:`VOICE_SAMPLE_S`);
    each segment of at least :data:`MIN_SEGMENT_S` once, from its own audio."""

    def __init__(self, audio: Audio, segments: Sequence[Segment],
                 own_process: bool = False) -> None:
        self._audio = audio
        self._encoder = _worker_encoder if own_process else _speaker_encoder
        self._segments = tuple(segments)
        self._names = tuple(sorted({s.speaker for s in self._segments if s.speaker}))
        self._voices: dict[str, np.ndarray | None] = {}
        self._clips: dict[tuple[float, float], np.ndarray | None] = {}

    def voice(self, who: str) -> np.ndarray | None:
        if who not in self._voices:
            import numpy as np

            own = sorted((s for s in self._segments if s.speaker == who),
                         key=lambda s: s.start - s.end)
            pieces, total = [], 0.0
            for s in own:
                if total >= VOICE_SAMPLE_S:
                    break
                end = min(s.end, s.start + VOICE_SAMPLE_S - total)
                pieces.append(self._audio.clip(s.start, end))
                total += end - s.start
            self._voices[who] = (self._encoder()(np.concatenate(pieces).astype(np.float32))
                                 if total >= MIN_VOICE_S else None)
        return self._voices[who]

    def segment(self, segment: Segment) -> np.ndarray | None:
        key = (segment.start, segment.end)
        if key not in self._clips:
            import numpy as np

            self._clips[key] = (
                self._encoder()(self._audio.clip(segment.start, segment.end)
                                .astype(np.float32))
                if segment.end - segment.start >= MIN_SEGMENT_S else None)
        return self._clips[key]

    def __call__(self, a: str, b: str) -> float | None:
        va, vb = self.voice(a), self.voice(b)
        return None if va is None or vb is None else round(float(va @ vb), 3)

    def to_voices(self, segment: Segment) -> dict[str, float]:
        own = self.segment(segment)
        if own is None:
            return {}
        return {who: round(float(own @ v), 3) for who in self._names
                if (v := self.voice(who)) is not None}

    def between(self, a: Segment, b: Segment) -> float | None:
        va, vb = self.segment(a), self.segment(b)
        return None if va is None or vb is None else round(float(va @ vb), 3)


def voice_similarity(audio: Audio, segments: Sequence[Segment],
                     own_process: bool = False) -> Voices:
    """How alike the voices (and segments) of ``segments`` sound in ``audio`` (embedded in a
    child process with ``own_process``)."""
    return Voices(audio, segments, own_process)


def stray_segments(segments: Sequence[Segment], voices: VoiceBank, options: RoleOptions
                   ) -> tuple[list[Segment], dict[str, list[str]]]:
    """``segments`` with each one that sounds like another voice moved to it: at least
    ``options.stray_similarity`` like that voice and at least ``options.stray_margin`` more
    than like its own. Also voice -> evidence lines for the voices that gained segments."""
    if options.stray_margin <= 0:
        return list(segments), {}
    out = list(segments)
    moved: dict[str, list[str]] = {}
    for i, segment in enumerate(segments):
        own = segment.speaker
        close = voices.to_voices(segment) if own else {}
        if own not in close:
            continue
        best = max((who for who in close if who != own), key=close.__getitem__, default=None)
        if (best is None or close[best] < options.stray_similarity
                or close[best] - close[own] < options.stray_margin):
            continue
        out[i] = replace(segment, speaker=best, flags=(*segment.flags, STRAY_FLAG))
        moved.setdefault(best, []).append(f"{own} ({close[best]:.2f} against {close[own]:.2f})")
    evidence = {who: [f"{len(whence)} segment{'s' if len(whence) > 1 else ''} that "
                      f"diarization gave to another voice sound like this one (from "
                      f"{'; '.join(whence[:3])})"]
                for who, whence in moved.items()}
    return out, evidence


def rendering_run(segments: Sequence[Segment], first: int, foreign: str, gap_s: float,
                  voices: VoiceBank | None) -> int:
    """The end (exclusive) of the interpreter's rendering that begins at ``first`` in a voice
    shared with the applicant. The run of that voice and language after ``first`` is the
    rendering, then the answer; the turn changes where the two parts sound most unlike each
    other: the split with the highest mean similarity between segments on the same side
    less the mean between the sides (a segment too short to embed goes to the side across
    the shorter pause). One segment when they cannot be compared."""
    run = first + 1
    while (run < len(segments) and segments[run].speaker == segments[first].speaker
           and segments[run].language == foreign
           and segments[run].start - segments[run - 1].end <= gap_s):
        run += 1
    if voices is None or run - first < 3:
        return first + 1
    heard = {(a, b): sim for a in range(first, run) for b in range(a + 1, run)
             if (sim := voices.between(segments[a], segments[b])) is not None}
    best, best_key = first + 1, None
    for split in range(first + 1, run):
        same = [sim for (a, b), sim in heard.items() if (a < split) == (b < split)]
        across = [sim for (a, b), sim in heard.items() if (a < split) != (b < split)]
        if not same or not across:
            continue
        # equal scores (a piece too short to hear at the boundary): the longer pause
        key = (round(sum(same) / len(same) - sum(across) / len(across), 6),
               segments[split].start - segments[split - 1].end)
        if best_key is None or key > best_key:
            best, best_key = split, key
    return best


CALLS_WITNESS = re.compile(r"\b(?:call|calls|calling|next|another|second|other) "
                           r"(?:(?:a|the|our|your|my|its|his|her|their|one) )?witness(?:es)?\b",
                           re.I)


def applicant_halves(segments: Sequence[Segment], voice_roles: dict[str, str],
                     cues: dict[str, role_cues.Cue], languages: role_cues.Languages,
                     metadata: HearingMetadata, options: RoleOptions,
                     similarity: VoiceSimilarity | None = None) -> dict[str, list[str]]:
    """Voices that would be a ``witness`` (or ``unknown``) but are the applicant's voice that
    diarization split off: they speak the applicant's language, answer the interpreter's
    renderings as the applicant does, never speak while the applicant speaks, sound close to
    the applicant (``similarity`` at least ``options.split_similarity``, where it is known),
    and nobody calls or swears a witness before them (nor does the sidecar list one). Voice ->
    the evidence for calling it the applicant."""
    applicants = [who for who, role in voice_roles.items() if role == _A]
    interpreters = {who for who, role in voice_roles.items() if role == _I}
    listed = metadata.participants is not None and any(
        p.role == _W for p in metadata.participants)
    if len(applicants) != 1 or not interpreters or languages.foreign is None or listed:
        return {}
    applicant, foreign = applicants[0], languages.foreign
    spans = [(s.start, s.end) for s in segments if s.speaker == applicant]
    if not spans:
        return {}
    found: dict[str, list[str]] = {}
    for who, role in voice_roles.items():
        if role not in (_W, UNKNOWN) or cues.get("foreign_only", {}).get(who, (0.0, ""))[0] < 0.5:
            continue
        if who in cues.get("truth_oath", {}):
            continue  # sworn in on its own: a witness
        own = [i for i, s in enumerate(segments) if s.speaker == who]
        first = segments[own[0]].start
        if any(CALLS_WITNESS.search(english(s, languages.court)) for s in segments
               if spans[0][0] <= s.start < first):
            continue  # a witness is called after the applicant began to testify
        if any(s.start < e and b < s.end for i in own for s in (segments[i],) for b, e in spans):
            continue  # speaks over the applicant: another person
        answers = sum(1 for i in own if i and segments[i].language == foreign
                      and segments[i - 1].speaker in interpreters
                      and segments[i - 1].language == foreign
                      and segments[i].start - segments[i - 1].end <= options.max_gap_s)
        if not answers:
            continue
        close = similarity(who, applicant) if similarity is not None else None
        if close is not None and close < options.split_similarity:
            continue  # sounds like another person: a witness
        found[who] = [f"answers the interpreter's {foreign} renderings "
                      f"{role_cues.times(answers)}, as the applicant does",
                      "never speaks while the applicant speaks",
                      (f"sounds close to the applicant (voice similarity {close:.2f}, at "
                       f"least {options.split_similarity:.2f})" if close is not None
                       else "voice not compared with the applicant's (no audio)"),
                      "no witness is called or sworn: the applicant's voice, split by "
                      "diarization"]
    return found


def english(segment: Segment, court: str) -> str:
    """A segment's words in the court language: its text, else its translation."""
    if segment.language == court:
        return segment.text
    return segment.translation.text if segment.translation else ""
