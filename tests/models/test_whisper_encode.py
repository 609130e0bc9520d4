"""The engines' split of encoding from decoding (models/whisper.py): one encoder pass per clip,
batched, serves language identification, language scoring and the decode, and a decode from
a stored encoder output gives the words a decode from the samples gives, on both engines."""

from __future__ import annotations

import numpy as np
import pytest

from hearingproc.audio import load_audio
from hearingproc.errors import ModelError
from hearingproc.models.whisper import AsrEngine, Decoded, DecodeOptions, load_engine

CLIPS = {  # id: language
    "en_whisper_jfk": "en",
    "zh_wenet_aishell-BAC009S0724W0121": "zh",
    "es_leopard_test_es": "es",
}
ENGINES = ("faster-whisper", "openai-whisper")

pytestmark = pytest.mark.models


@pytest.fixture(scope="module", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> AsrEngine:
    return load_engine(request.param)


@pytest.fixture(scope="module")
def clips(audio_path) -> dict[str, np.ndarray]:
    return {rid: load_audio(audio_path(rid)).samples for rid in CLIPS}


def _words(pieces: list[Decoded]) -> list[str]:
    return [w.text.strip() for p in pieces for w in p.words]


def test_decode_from_batched_encoder_output_gives_the_same_words(
        engine: AsrEngine, clips: dict[str, np.ndarray]) -> None:
    encoded = engine.encode(list(clips.values()))  # one batch of three clips
    assert len(encoded) == len(clips)
    for (rid, language), samples, enc in zip(CLIPS.items(), clips.values(), encoded,
                                             strict=True):
        options = DecodeOptions(language=language)
        again = engine.decode(samples, options)
        reused = engine.decode(samples, options, enc)
        assert [p.text for p in reused] == [p.text for p in again], rid
        assert _words(reused) == _words(again) and _words(reused), rid
        starts = [w.start for p in reused for w in p.words]
        assert np.allclose(starts, [w.start for p in again for w in p.words], atol=0.02), rid


def test_language_evidence_comes_from_the_encoder_output(
        engine: AsrEngine, clips: dict[str, np.ndarray]) -> None:
    encoded = engine.encode(list(clips.values()))
    probs = engine.language_probabilities(encoded)
    for (rid, language), p in zip(CLIPS.items(), probs, strict=True):
        top = sorted(p, key=p.__getitem__, reverse=True)[:3]
        assert top[0] == language, (rid, top)
        assert abs(sum(p.values()) - 1.0) < 0.01
    for (rid, language), enc in zip(CLIPS.items(), encoded, strict=True):
        fit = engine.score_languages(enc, ["en", "es", "zh"])
        assert set(fit) == {"en", "es", "zh"}
        assert max(fit, key=fit.__getitem__) == language, (rid, fit)
        assert all(value < 0 for value in fit.values())


def test_decode_refuses_the_encoder_output_of_another_clip(
        engine: AsrEngine, clips: dict[str, np.ndarray]) -> None:
    jfk, aishell = clips["en_whisper_jfk"], clips["zh_wenet_aishell-BAC009S0724W0121"]
    [encoded] = engine.encode([aishell])
    with pytest.raises(ModelError, match="another clip"):
        engine.decode(jfk, DecodeOptions(language="en"), encoded)


def test_both_engines_read_the_same_language_evidence(clips: dict[str, np.ndarray]) -> None:
    fast, slow = (load_engine(name) for name in ENGINES)
    samples = list(clips.values())
    for p, q in zip(fast.language_probabilities(fast.encode(samples)),
                    slow.language_probabilities(slow.encode(samples)), strict=True):
        assert max(p, key=p.__getitem__) == max(q, key=q.__getitem__)
        assert abs(max(p.values()) - max(q.values())) < 0.05
