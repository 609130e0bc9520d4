"""Batched decoding (models/whisper.py ``decode_many``): many clips, in different languages and
lengths, decoded in one batched encoder and beam-search call give exactly the pieces a decode
of each clip alone gives (text, word times, confidences), on real speech; clips the batch
cannot finish alone (longer than Whisper's window) go through the single decode."""

from __future__ import annotations

import numpy as np
import pytest

from hearingproc.audio import load_audio
from hearingproc.models.whisper import AsrEngine, Decoded, DecodeOptions

pytestmark = pytest.mark.models

CLIPS = (  # id, language, task: short and long turns, four languages, both tasks
    ("es_cheetah_test_es", "es", "transcribe"),
    ("en_spkanon_eval_3752-4944-0000", "en", "transcribe"),
    ("zh_wenet_aishell-BAC009S0724W0121", "zh", "transcribe"),
    ("es_cuttledoc_fleurs-es-001", "es", "transcribe"),  # 21 s
    ("zh_FireRedASR_TEST_NET_Y0000000000_-KTKHdZ2fb8_S00000", "zh", "transcribe"),  # 1.8 s
    ("en_whisper_jfk", "en", "transcribe"),
    ("pt_leopard_test_pt", "pt", "transcribe"),
    ("fr_cuttledoc_fleurs-fr-002", "fr", "transcribe"),
    ("en_leopard_test", "en", "transcribe"),  # the ninth: a second batch
    ("es_leopard_test_es", "es", "translate"),
    ("zh_FunASR_sample", "zh", "translate"),
)


@pytest.fixture(scope="module")
def clips(audio_path) -> list[np.ndarray]:
    return [load_audio(audio_path(rid)).samples for rid, _, _ in CLIPS]


def _options() -> list[DecodeOptions]:
    return [DecodeOptions(language=language, task=task, word_timestamps=task == "transcribe")
            for _, language, task in CLIPS]


def _same(batched: list[Decoded], alone: list[Decoded], rid: str) -> None:
    assert [p.text for p in batched] == [p.text for p in alone], rid
    assert [w.text for p in batched for w in p.words] == [w.text for p in alone
                                                           for w in p.words], rid
    assert np.allclose([(p.start, p.end) for p in batched], [(p.start, p.end) for p in alone],
                       atol=0.02), rid
    assert np.allclose([(w.start, w.end) for p in batched for w in p.words],
                       [(w.start, w.end) for p in alone for w in p.words], atol=0.02), rid
    assert np.allclose([p.avg_logprob for p in batched], [p.avg_logprob for p in alone],
                       atol=1e-3), rid


def test_batched_decode_gives_the_pieces_of_one_decode_per_clip(
        fw_engine: AsrEngine, clips: list[np.ndarray]) -> None:
    options = _options()
    batched = fw_engine.decode_many(clips, options)
    assert len(batched) == len(clips)
    for (rid, _, task), clip, option, pieces in zip(CLIPS, clips, options, batched, strict=True):
        assert pieces and "".join(p.text for p in pieces).strip(), rid
        if task == "transcribe":
            assert all(p.words for p in pieces), rid
        _same(pieces, fw_engine.decode(clip, option), rid)


def test_a_clip_longer_than_the_window_is_decoded_alone(
        fw_engine: AsrEngine, audio_path) -> None:
    """The 40 s clip goes through the single decode and gives what it gives alone, its
    temperature fallback included (its Mandarin forced to English falls back to sampling)."""
    hearing = load_audio(audio_path("en-zh_constructed_mock_hearing_zh")).samples
    long_clip, short_clip = hearing[:16000 * 40], hearing[:16000 * 4]
    options = [DecodeOptions(language="en"), DecodeOptions(language="en")]
    batched = fw_engine.decode_many([long_clip, short_clip], options)
    assert max(p.end for p in batched[0]) > 30.0  # the second window was decoded too
    assert max(p.temperature for p in batched[0]) > 0.0  # a piece was sampled
    _same(batched[0], fw_engine.decode(long_clip, options[0]), "40 s")
    _same(batched[1], fw_engine.decode(short_clip, options[1]), "4 s")


def test_a_sampled_decode_gives_the_same_text_whatever_was_sampled_before(
        fw_engine: AsrEngine, audio_path) -> None:
    """Sampling (every temperature above 0) is seeded per decode: the same clip decoded again
    after another clip was sampled gives the same pieces. CTranslate2 seeds a worker thread's
    generator only at its first sample; before the fix the second decode of this clip read
    'cat has taught them that he is in charge here.' where the first read 'Kat has taught
    them'."""
    hearing = load_audio(audio_path("en-zh_constructed_mock_hearing_zh")).samples
    clip, other = hearing[:16000 * 20], hearing[16000 * 20:16000 * 30]
    sampled = DecodeOptions(language="en", temperatures=(1.0,))
    first = fw_engine.decode(clip, sampled)
    assert first and all(p.temperature == 1.0 for p in first)
    fw_engine.decode(other, sampled)
    _same(fw_engine.decode(clip, sampled), first, "20 s sampled again")


def test_encoding_in_small_batches_gives_every_window_its_own_output(
        fw_engine: AsrEngine, clips: list[np.ndarray]) -> None:
    """The encoder takes ENCODE_BATCH windows per call (memory: its attention scores grow with
    the batch); what each window gets is bit for bit what it gets encoded alone."""
    from hearingproc.models.whisper import ENCODE_BATCH

    some = clips[:2 * ENCODE_BATCH + 1]  # two full calls and a short one
    together = fw_engine.encode(some)
    assert len(together) == len(some)
    for clip, got in zip(some, together, strict=True):
        alone = fw_engine.encode([clip])[0]
        assert got.encodes(clip) and np.array_equal(got.output, alone.output)


def test_a_sampled_decode_never_holds_two_copies_of_the_weights(
        fw_engine: AsrEngine, audio_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The temperature fallback samples on a model built for the call; the long-lived model's
    weights are unloaded while it exists (the fallback was where transcription's memory
    peaked) and are back afterwards, decoding as before."""
    hearing = load_audio(audio_path("en-zh_constructed_mock_hearing_zh")).samples
    clip = hearing[:16000 * 10]
    greedy = DecodeOptions(language="en")
    before = fw_engine.decode(clip, greedy)
    seeded = fw_engine._model.model  # type: ignore[attr-defined]
    build = seeded._build
    loaded_when_built: list[bool] = []

    def watched_build():
        loaded_when_built.append(seeded.model_is_loaded)
        return build()

    monkeypatch.setattr(seeded, "_build", watched_build)
    assert fw_engine.decode(clip, DecodeOptions(language="en", temperatures=(1.0,)))
    assert loaded_when_built == [False]
    assert seeded.model_is_loaded
    _same(fw_engine.decode(clip, greedy), before, "greedy after a sampled decode")


def test_decode_many_wants_one_options_per_clip(fw_engine: AsrEngine,
                                                clips: list[np.ndarray]) -> None:
    with pytest.raises(ValueError, match="one DecodeOptions per clip"):
        fw_engine.decode_many(clips[:2], _options()[:1])


class _Counting:
    """CTranslate2's Whisper under the engine's sampling wrapper, counting the windows its
    encoder runs on and its beam searches (the sampled decodes run on models built apart)."""

    def __init__(self, model):
        self._model, self.windows, self.beam_searches = model, 0, 0

    def __getattr__(self, name):
        return getattr(self._model, name)

    def encode(self, features, *args, **kwargs):
        self.windows += int(features.shape[0])
        return self._model.encode(features, *args, **kwargs)

    def generate(self, features, prompts, *args, **kwargs):
        self.beam_searches += 1
        return self._model.generate(features, prompts, *args, **kwargs)


def test_a_batched_clip_that_falls_back_is_not_encoded_or_searched_twice(
        fw_engine: AsrEngine, clips: list[np.ndarray]) -> None:
    """A clip whose decode at temperature 0 in a batch looks degenerate goes on to the
    temperature fallback from that batch's encoder output and that decode: the fallback adds
    only its sampled decodes (before, the clip was encoded again and searched again at
    temperature 0), and the pieces are those of the clip decoded alone."""
    spanish, english = clips[0], clips[1]
    options = [DecodeOptions(language="zh"), DecodeOptions(language="en")]  # Spanish as zh
    alone = fw_engine.decode(spanish, options[0])
    assert max(p.temperature for p in alone) > 0.0  # it does fall back
    seeded = fw_engine._model.model  # type: ignore[attr-defined]
    counting = _Counting(seeded._model)
    seeded._model = counting
    try:
        batched = fw_engine.decode_many([spanish, english], options)
    finally:
        seeded._model = model = counting._model
    assert model is not counting
    assert counting.windows == 2  # each clip once, in the batch
    assert counting.beam_searches == 1  # the batch's; the fallback only sampled
    _same(batched[0], alone, "Spanish decoded as Mandarin")
    _same(batched[1], fw_engine.decode(english, options[1]), "English")
    assert seeded._primed is None  # nothing left for another clip
