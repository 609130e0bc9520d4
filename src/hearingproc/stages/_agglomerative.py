"""pyannote's ``SpeakerDiarization`` with agglomerative clustering: the embedded pipeline's
class, in a module of its own so that :mod:`hearingproc.stages.diarize` imports pyannote (and
torch) only when a pipeline is built."""

from __future__ import annotations

from typing import Any

import numpy as np
from pyannote.audio import Model
from pyannote.audio.core.plda import PLDA
from pyannote.audio.pipelines import SpeakerDiarization
from pyannote.audio.pipelines.clustering import AgglomerativeClustering
from pyannote.pipeline.parameter import Integer, Uniform
from scipy.cluster.hierarchy import fcluster, linkage
from sklearn.metrics import silhouette_score

# Chunks per forward pass of the segmentation and embedding models: larger batches amortise
# the per-call overhead on CPU; pyannote's default of 1 is several times slower.
BATCH_SIZE = 32
# Embed each local speaker from the frames where it talks alone (pyannote falls back to the
# whole mask where that is too short): a mixed chunk would pull two voices together.
EXCLUDE_OVERLAP = True
# Agglomerative clustering keeps a distance matrix of the embeddings it clusters (quadratic in
# their number: about 5 000 on an hour of hearing). Beyond this many, an evenly spaced subset
# is clustered and every embedding is then given to the nearest centroid, which is linear.
MAX_CLUSTERED = 2000
MAX_COUNTED = 12  # the silhouette count tries at most this many voices (a hearing has 3-8)


class _UnusedPLDA(PLDA):
    """Stands in for the PLDA that ``SpeakerDiarization.__init__`` always loads (pyannote.audio
    4.0.7's ``get_plda(None)`` raises TypeError) although only VBx clustering uses one."""

    def __init__(self) -> None:  # no transform or PLDA files
        pass

    def __call__(self, embeddings: np.ndarray) -> np.ndarray:
        raise NotImplementedError("agglomerative clustering uses no PLDA")


def _centroids(embeddings: np.ndarray, clusters: np.ndarray, k: int) -> np.ndarray:
    """Unit-length mean of each cluster's embeddings, ``(k, dimension)``."""
    sums = np.zeros((k, embeddings.shape[1]))
    np.add.at(sums, clusters, embeddings)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    return sums / np.where(norms > 0, norms, 1.0)


def silhouette_count(units: np.ndarray, method: str, min_clusters: int, max_clusters: int,
                     min_silhouette: float) -> int:
    """How many voices ``(n, dimension)`` unit embeddings hold, from the dendrogram of
    ``method`` linkage cut into k = 2 .. ``max_clusters`` (at most ``MAX_COUNTED``) clusters:
    the k whose cut has the highest mean silhouette (cosine distance), or ``min_clusters``
    (at least 1) when no cut reaches ``min_silhouette``. A silhouette compares each
    embedding's distance to its own cluster with that to the nearest other one, so it adapts
    to recordings where all voices sound alike (one microphone in a meeting room), which a
    fixed merging distance does not."""
    n = len(units)
    lowest = max(1, min_clusters)
    if n < 3:
        return lowest
    if method in ("centroid", "median", "ward"):
        dendrogram = linkage(units, method=method, metric="euclidean")
    else:
        dendrogram = linkage(units, method=method, metric="cosine")
    distance = np.clip(1.0 - units @ units.T, 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    best_k, best = lowest, -1.0
    for k in range(max(2, lowest), min(max_clusters, MAX_COUNTED, n - 1) + 1):
        labels = fcluster(dendrogram, k, criterion="maxclust")
        if len(np.unique(labels)) < 2:
            continue
        score = float(silhouette_score(distance, labels, metric="precomputed"))
        if score > best:
            best_k, best = k, score
    return best_k if best >= min_silhouette or lowest >= 2 else lowest


def refine(embeddings: np.ndarray, clusters: np.ndarray, iterations: int, merge: float,
           min_clusters: int = 1) -> np.ndarray:
    """Clusters of ``(n, dimension)`` unit ``embeddings`` after agglomerative ``clusters``:

    * up to ``iterations`` rounds of centroid reassignment (each embedding to the cluster
      with the most similar centroid, centroids recomputed; k-means on the cosine from the
      agglomerative start), so that a voice heard again after minutes joins the centroid of
      its earlier turns rather than the cluster its neighbours in the dendrogram happened to
      build;
    * then the two clusters with the closest centroids merge while their cosine distance is
      below ``merge`` (0: never) and more than ``min_clusters`` remain.

    Emptied clusters vanish; labels are renumbered 0..k-1 in order of first appearance."""
    _, clusters = np.unique(clusters, return_inverse=True)
    for _ in range(iterations):
        k = int(clusters.max()) + 1
        moved = np.argmax(embeddings @ _centroids(embeddings, clusters, k).T, axis=1)
        _, moved = np.unique(moved, return_inverse=True)
        if np.array_equal(moved, clusters) or moved.max() + 1 < min(k, min_clusters):
            break  # settled, or a cluster emptied below the bound
        clusters = moved
    while merge > 0:
        k = int(clusters.max()) + 1
        if k <= max(1, min_clusters):
            break
        centroids = _centroids(embeddings, clusters, k)
        distance = 1.0 - centroids @ centroids.T
        np.fill_diagonal(distance, np.inf)
        i, j = np.unravel_index(np.argmin(distance), distance.shape)
        if distance[i, j] >= merge:
            break
        clusters[clusters == max(i, j)] = min(i, j)
        _, clusters = np.unique(clusters, return_inverse=True)
    order = {c: n for n, c in enumerate(dict.fromkeys(clusters.tolist()))}
    return np.array([order[c] for c in clusters.tolist()], dtype=int)


class RefinedAgglomerativeClustering(AgglomerativeClustering):
    """pyannote's agglomerative clustering, plus:

    * ``min_active_ratio``: how much of a chunk a local speaker must talk alone for its
      embedding to be clustered (pyannote fixes 0.2, i.e. 2 s of a 10 s chunk, which leaves
      a short recording, or a voice that only answers "yes", with nothing to cluster); when
      no embedding qualifies, every valid one is clustered rather than none;
    * ``min_silhouette`` (0: off): the number of voices from :func:`silhouette_count` rather
      than from the merging ``threshold`` (unless the caller gives it);
    * ``refine_iterations`` and ``merge_threshold``: :func:`refine` after the dendrogram cut;
    * at most ``MAX_CLUSTERED`` embeddings go through the dendrogram (an evenly spaced
      subset); all of them are then assigned to the nearest centroid, as pyannote does.
    """

    def __init__(self, metric: str = "cosine", max_clustered: int = MAX_CLUSTERED) -> None:
        super().__init__(metric=metric)
        self.max_clustered = max_clustered
        self.min_active_ratio = Uniform(0.0, 1.0)
        self.refine_iterations = Integer(0, 50)
        self.merge_threshold = Uniform(0.0, 2.0)
        self.min_silhouette = Uniform(0.0, 1.0)

    def filter_embeddings(self, embeddings: np.ndarray, segmentations: Any = None,
                          min_active_ratio: float = 0.2,
                          ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        kept = super().filter_embeddings(embeddings, segmentations=segmentations,
                                         min_active_ratio=self.min_active_ratio)
        if len(kept[0]) or not self.min_active_ratio:
            return kept
        return super().filter_embeddings(embeddings, segmentations=segmentations,
                                         min_active_ratio=0.0)

    def cluster(self, embeddings: np.ndarray, min_clusters: int | None = None,
                max_clusters: int | None = None,
                num_clusters: int | None = None) -> np.ndarray:
        n = len(embeddings)
        # the dendrogram gets the embeddings as pyannote gives them (float32, normalised by
        # pyannote where its linkage needs it)
        units = embeddings / np.maximum(np.linalg.norm(embeddings, axis=1, keepdims=True),
                                        1e-12)
        subset = np.linspace(0, n - 1, min(n, self.max_clustered)).round().astype(int)
        if num_clusters is None and self.min_silhouette > 0:
            num_clusters = silhouette_count(units[subset], self.method, min_clusters or 1,
                                            max_clusters or n, self.min_silhouette)
        if n > self.max_clustered:
            partial = super().cluster(embeddings[subset].copy(), min_clusters=min_clusters,
                                      max_clusters=max_clusters, num_clusters=num_clusters)
            centroids = _centroids(units[subset], partial, int(partial.max()) + 1)
            clusters = np.argmax(units @ centroids.T, axis=1)
        else:
            clusters = super().cluster(embeddings.copy(), min_clusters=min_clusters,
                                       max_clusters=max_clusters, num_clusters=num_clusters)
        if not (self.refine_iterations or self.merge_threshold):
            # pyannote's own labels: their order breaks ties between clusters in frames where
            # two are equally active (reconstruction keeps the first), so renumbering alone
            # moved the DER (mock hearing zh 0.108 -> 0.091; cross-validated 0.198 -> 0.222)
            return np.asarray(clusters)
        if num_clusters is not None:  # an exact count: no merging below it
            lowest = num_clusters
        else:
            lowest = min_clusters or 1
        return refine(units, np.asarray(clusters), self.refine_iterations,
                      self.merge_threshold, lowest)


class AgglomerativeDiarization(SpeakerDiarization):
    """pyannote's ``SpeakerDiarization`` with agglomerative clustering and no PLDA.

    Hyper-parameters: ``segmentation.min_duration_off``, ``clustering.method``,
    ``clustering.threshold``, ``clustering.min_cluster_size``, and those of
    :class:`RefinedAgglomerativeClustering` (``clustering.min_active_ratio``,
    ``clustering.refine_iterations``, ``clustering.merge_threshold``).
    """

    def __init__(self, segmentation: Model, embedding: Model, batch_size: int = BATCH_SIZE,
                 exclude_overlap: bool = EXCLUDE_OVERLAP,
                 der_variant: dict[str, Any] | None = None) -> None:
        super().__init__(segmentation=segmentation, embedding=embedding, plda=_UnusedPLDA(),
                         clustering="AgglomerativeClustering",
                         embedding_exclude_overlap=exclude_overlap,
                         embedding_batch_size=batch_size, segmentation_batch_size=batch_size,
                         der_variant=der_variant)
        self.clustering = RefinedAgglomerativeClustering(metric="cosine")
