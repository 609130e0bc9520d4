"""The clustering refinements of the embedded diarization pipeline
(hearingproc.stages._agglomerative) and the linear-time exclusive view of diarize.py, on
embeddings drawn around known voices: centroid reassignment, merging, the silhouette count,
the bounded dendrogram and the fallback for recordings with little clean speech."""

from __future__ import annotations

import random

import numpy as np
import pytest
from pyannote.audio.pipelines import clustering as pyannote_clustering
from pyannote.core import SlidingWindow, SlidingWindowFeature

from hearingproc.stages._agglomerative import (
    RefinedAgglomerativeClustering,
    refine,
    silhouette_count,
)
from hearingproc.stages.diarize import _exclusive
from hearingproc.transcript import SpeakerTurn

DIM = 32


def voices(sizes: list[int], spread: float = 0.15, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Unit embeddings scattered around one random direction per voice, and their voices."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(len(sizes), DIM))
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    points = np.vstack([centre + spread * rng.normal(size=(n, DIM)) / np.sqrt(DIM)
                        for centre, n in zip(centres, sizes, strict=True)])
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    return points, np.repeat(np.arange(len(sizes)), sizes)


def same_partition(a: np.ndarray, b: np.ndarray) -> bool:
    return len(set(zip(a.tolist(), b.tolist(), strict=True))) == len(set(a.tolist())) == len(
        set(b.tolist()))


def test_a_voice_split_in_two_is_merged_back():
    points, truth = voices([20, 20, 20])
    split = truth.copy()
    split[10:20] = 3  # voice 0's second answer, minutes later, came out as a new voice
    assert not same_partition(refine(points, split, 0, 0.0), truth)  # off: kept apart
    assert same_partition(refine(points, split, 0, 0.3), truth)


def test_merging_stops_at_the_lower_bound():
    points, truth = voices([20, 20])
    merged = refine(points, truth, 0, 1.99, min_clusters=2)
    assert same_partition(merged, truth)
    assert len(set(refine(points, truth, 0, 1.99).tolist())) == 1


def test_reassignment_moves_stray_embeddings_to_their_voice():
    points, truth = voices([30, 30, 30])
    noisy = truth.copy()
    noisy[[0, 1, 40, 70]] = [1, 2, 0, 1]  # four embeddings left in a neighbour's cluster
    assert same_partition(refine(points, noisy, 10, 0.0), truth)
    assert not same_partition(refine(points, noisy, 0, 0.0), truth)


def test_labels_follow_first_appearance():
    points, truth = voices([5, 5])
    assert refine(points, 1 - truth, 0, 0.0).tolist() == truth.tolist()


@pytest.mark.parametrize("sizes", [[25, 25, 25], [40, 10], [12, 12, 12, 12, 12]])
def test_silhouette_counts_distinct_voices(sizes: list[int]):
    points, _ = voices(sizes)
    assert silhouette_count(points, "average", 1, 10, 0.3) == len(sizes)


def test_silhouette_keeps_one_voice_when_no_cut_is_convincing():
    points, _ = voices([60], spread=1.0)
    assert silhouette_count(points, "average", 1, 10, 0.6) == 1
    assert silhouette_count(points, "average", 2, 10, 0.6) >= 2  # the lower bound wins


def clustering(**params: float) -> RefinedAgglomerativeClustering:
    values = {"method": "centroid", "threshold": 0.5, "min_cluster_size": 3,
              "min_active_ratio": 0.2, "refine_iterations": 0, "merge_threshold": 0.0,
              "min_silhouette": 0.0, **params}
    pipeline = RefinedAgglomerativeClustering(max_clustered=int(values.pop("max_clustered",
                                                                           2000)))
    return pipeline.instantiate(values)


def test_a_long_recording_clusters_a_bounded_subset(monkeypatch: pytest.MonkeyPatch):
    points, truth = voices([1500, 1500, 1000])
    sizes: list[int] = []
    linkage = pyannote_clustering.linkage

    def spy(embeddings: np.ndarray, *args: object, **kwargs: object) -> np.ndarray:
        sizes.append(len(embeddings))
        return linkage(embeddings, *args, **kwargs)

    monkeypatch.setattr(pyannote_clustering, "linkage", spy)
    clusters = clustering(max_clustered=500).cluster(points.copy(), min_clusters=1,
                                                     max_clusters=10)
    assert sizes == [500]
    assert same_partition(np.asarray(clusters), truth)  # every embedding assigned


def test_recordings_with_little_clean_speech_still_cluster():
    points, _ = voices([3, 3])
    embeddings = points.reshape(3, 2, DIM)  # 3 chunks, 2 local speakers
    frames = np.zeros((3, 100, 2))
    frames[:, :10, 0] = 1  # each local speaker alone on 10% of its chunk
    frames[:, 50:60, 1] = 1
    segmentations = SlidingWindowFeature(frames, SlidingWindow(duration=10.0, step=1.0))
    strict = clustering()  # pyannote's 20% of a chunk: nothing qualifies...
    kept, _, _ = strict.filter_embeddings(embeddings, segmentations=segmentations)
    assert len(kept) == 6  # ...so every valid embedding is clustered rather than none
    lenient = clustering(min_active_ratio=0.05)
    assert len(lenient.filter_embeddings(embeddings, segmentations=segmentations)[0]) == 6
    frames[0, :, 0] = 1  # one speaker talks alone for the whole first chunk
    assert len(strict.filter_embeddings(embeddings, segmentations=segmentations)[0]) == 1


def brute_force_exclusive(turns: list[SpeakerTurn]) -> list[SpeakerTurn]:
    """The definition: between consecutive bounds, the latest-starting turn under way."""
    bounds = sorted({t.start for t in turns} | {t.end for t in turns})
    pieces: list[SpeakerTurn] = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        active = [t for t in turns if t.start <= start and t.end >= end]
        if not active:
            continue
        speaker = max(active, key=lambda t: (t.start, t.speaker)).speaker
        if pieces and pieces[-1].speaker == speaker and pieces[-1].end == start:
            pieces[-1] = SpeakerTurn(pieces[-1].start, end, speaker)
        else:
            pieces.append(SpeakerTurn(start, end, speaker))
    return pieces


def test_exclusive_view_matches_its_definition():
    rng = random.Random(0)
    for _ in range(500):
        turns = []
        for _ in range(rng.randint(0, 12)):
            start = rng.randint(0, 20) / 2
            turns.append(SpeakerTurn(start, start + rng.randint(1, 8) / 2,
                                     f"S{rng.randint(0, 3)}"))
        turns.sort()
        assert _exclusive(turns) == brute_force_exclusive(turns)
