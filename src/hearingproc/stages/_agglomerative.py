"""pyannote's ``SpeakerDiarization`` with agglomerative clustering: the embedded pipeline's
class, in a module of its own so that :mod:`hearingproc.stages.diarize` imports pyannote (and
torch) only when a pipeline is built."""

from __future__ import annotations

from typing import Any

import numpy as np
from pyannote.audio import Model
from pyannote.audio.core.plda import PLDA
from pyannote.audio.pipelines import SpeakerDiarization

# Chunks per forward pass of the segmentation and embedding models: larger batches amortise
# the per-call overhead on CPU; pyannote's default of 1 is several times slower.
BATCH_SIZE = 32
# Embed each local speaker from the frames where it talks alone (pyannote falls back to the
# whole mask where that is too short): a mixed chunk would pull two voices together.
EXCLUDE_OVERLAP = True


class _UnusedPLDA(PLDA):
    """Stands in for the PLDA that ``SpeakerDiarization.__init__`` always loads (pyannote.audio
    4.0.7's ``get_plda(None)`` raises TypeError) although only VBx clustering uses one."""

    def __init__(self) -> None:  # no transform or PLDA files
        pass

    def __call__(self, embeddings: np.ndarray) -> np.ndarray:
        raise NotImplementedError("agglomerative clustering uses no PLDA")


class AgglomerativeDiarization(SpeakerDiarization):
    """pyannote's ``SpeakerDiarization`` with agglomerative clustering and no PLDA.

    Hyper-parameters: ``segmentation.min_duration_off``, ``clustering.method``,
    ``clustering.threshold``, ``clustering.min_cluster_size``.
    """

    def __init__(self, segmentation: Model, embedding: Model, batch_size: int = BATCH_SIZE,
                 exclude_overlap: bool = EXCLUDE_OVERLAP,
                 der_variant: dict[str, Any] | None = None) -> None:
        super().__init__(segmentation=segmentation, embedding=embedding, plda=_UnusedPLDA(),
                         clustering="AgglomerativeClustering",
                         embedding_exclude_overlap=exclude_overlap,
                         embedding_batch_size=batch_size, segmentation_batch_size=batch_size,
                         der_variant=der_variant)
