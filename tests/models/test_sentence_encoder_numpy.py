"""The embedded MiniLM runs in numpy (no torch) and gives transformers' embeddings."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from hearingproc.models.sentence_encoder import (
    MINILM_NAME,
    NumpyBertEncoder,
    SentenceEncoder,
    load_sentence_encoder,
    minilm_dir,
)
from hearingproc.tagging.classifier import _training_text, read_examples

pytestmark = pytest.mark.models

SAMPLE_REFERENCE = Path(__file__).parents[2] / "sample_audio" / "mock_hearing_es.reference.json"


def test_numpy_encoder_matches_transformers_on_hearing_sentences():
    encoder = load_sentence_encoder()
    assert isinstance(encoder, NumpyBertEncoder)  # the default path imports no torch
    turns = json.loads(SAMPLE_REFERENCE.read_text(encoding="utf-8"))
    turns = turns if isinstance(turns, list) else turns["segments"]
    texts = [t["text"] for t in turns]  # English and Spanish turns of the sample hearing
    texts += [e.text for e in read_examples(_training_text())][:60]  # the tagger's sentences
    texts += ["", "一个中文句子。", "word " * 400]  # empty, CJK, longer than 256 tokens
    ours = encoder.encode(texts)
    theirs = SentenceEncoder(minilm_dir(), MINILM_NAME, None).encode(texts)
    assert ours.shape == theirs.shape == (len(texts), 384)
    assert np.abs(ours - theirs).max() < 1e-5
    assert not ours[len(texts) - 3].any()  # empty text: zeros, as before


def test_batches_group_sentences_of_like_length():
    from hearingproc.models.sentence_encoder import BATCH, PAD_SLACK, _batches

    lengths = [3, 60, 4, 58, 12, 5, 61, 13] + [20] * (BATCH + 3)
    batches = _batches(list(range(len(lengths))), lengths)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    for batch in batches:
        widths = [lengths[i] for i in batch]
        assert len(batch) <= BATCH and max(widths) <= PAD_SLACK * min(widths)
    assert len(batches) == 6  # 3-4-5, 12-13, 20 x 32, 20 x 3, 58-60-61


def test_a_sentence_embeds_alike_alone_and_among_others():
    encoder = load_sentence_encoder()
    texts = ["Yes.", "I find the respondent credible and I grant asylum.",
             "The respondent testified at length about the events of March 2019 in his "
             "village, and about what the police did to him after the demonstration.", "No."]
    together = encoder.encode(texts)
    alone = np.stack([encoder.encode([t])[0] for t in texts])
    assert np.abs(together - alone).max() < 1e-5
