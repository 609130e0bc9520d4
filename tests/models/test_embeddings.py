"""The embedded MiniLM sentence encoder."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from hearingproc.errors import ModelError
from hearingproc.models.sentence_encoder import MINILM_SHA256, load_sentence_encoder

pytestmark = pytest.mark.models


def test_paraphrases_are_closer_than_unrelated_sentences():
    encoder = load_sentence_encoder()
    assert encoder.info.sha256 == MINILM_SHA256
    vectors = encoder.encode([
        "A gang threatened me because I refused to pay the extortion.",
        "The gang made threats against me since I would not pay them.",
        "Appeal is reserved; it is due within thirty days.",
        "",
    ])
    assert vectors.shape == (4, 384)
    assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1.0, atol=1e-5)
    assert not vectors[3].any()  # empty text embeds to zeros, not to noise
    same, other = float(vectors[0] @ vectors[1]), float(vectors[0] @ vectors[2])
    assert same > 0.7 and other < 0.3


def test_a_folder_that_is_not_a_model_is_refused(tmp_path: Path):
    with pytest.raises(ModelError, match="not a model folder"):
        load_sentence_encoder(str(tmp_path / "nowhere"))
    with pytest.raises(ModelError, match=str(tmp_path)):
        load_sentence_encoder(str(tmp_path))
