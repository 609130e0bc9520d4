"""The transformers translation engine, through exactly the loading code a user's Marian,
NLLB or M2M100 folder goes through, on a tiny randomly initialised Marian model built here
(random weights translate into gibberish, so the test checks structure, not wording)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from hearingproc.errors import ConfigError, ModelError
from hearingproc.stages.translate import TranslateOptions, needs_translation, translate
from hearingproc.transcript import Segment

SAMPLE = Path(__file__).resolve().parents[2] / "sample_audio"
# sentences the tiny tokenizer is trained on: the sample hearing's Spanish and English
TRAINING_REPEATS = 5
VOCAB_SIZE = 60


def _sample_segments() -> list[Segment]:
    """The sample hearing's reference turns as segments (real text in es and en)."""
    turns = json.loads((SAMPLE / "mock_hearing_es.reference.json").read_text(encoding="utf-8"))
    return [Segment(id=i + 1, start=t["start"], end=t["end"], text=t["text"],
                    language=t["language"], language_probability=1.0, speaker=t["speaker"],
                    role=t["role"]) for i, t in enumerate(turns)]


@pytest.fixture(scope="module")
def tiny_marian(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Marian es->en model folder as ``save_pretrained`` writes one: sentencepiece models
    trained on the sample's sentences, a 1-layer random model whose output never ends in
    special tokens only (they are pushed down), so each text gets some English-side tokens."""
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    work = tmp_path_factory.mktemp("tiny-marian")
    sentences = [s.text for s in _sample_segments()] * TRAINING_REPEATS
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(sentences), model_prefix=str(work / "sp"), vocab_size=VOCAB_SIZE,
        character_coverage=1.0, model_type="unigram", minloglevel=2,
        unk_id=0, eos_id=1, pad_id=2, bos_id=-1)
    processor = spm.SentencePieceProcessor(model_file=str(work / "sp.model"))
    vocab = {processor.id_to_piece(i): i for i in range(processor.get_piece_size())}
    (work / "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
    folder = work / "opus-mt-es-en"
    tokenizer = MarianTokenizer(str(work / "sp.model"), str(work / "sp.model"),
                                str(work / "vocab.json"), source_lang="es", target_lang="en")
    tokenizer.save_pretrained(folder)
    torch.manual_seed(0)
    config = MarianConfig(
        vocab_size=len(vocab), d_model=16, encoder_layers=1, decoder_layers=1,
        encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=32,
        decoder_ffn_dim=32, max_position_embeddings=128, pad_token_id=vocab["<pad>"],
        eos_token_id=vocab["</s>"], decoder_start_token_id=vocab["<pad>"])
    model = MarianMTModel(config)
    with torch.no_grad():
        for special in ("<unk>", "</s>", "<pad>"):
            model.final_logits_bias[0, vocab[special]] = -30.0
    model.save_pretrained(folder)
    return folder


def test_marian_folder_translates_every_non_english_segment(tiny_marian: Path):
    segments = _sample_segments()
    options = TranslateOptions(engine="transformers", model=str(tiny_marian), max_new_tokens=8)
    out = translate(None, segments, options, asr_engine=None)  # text engine: no audio needed
    spanish = [s for s in segments if needs_translation(s)]
    assert len(spanish) == 6
    for before, after in zip(segments, out, strict=True):
        assert (after.text, after.language, after.start, after.end) == (
            before.text, before.language, before.start, before.end)
        if before.language == "en":
            assert after == before  # English segments are left as they were
        else:
            assert after.translation is not None and after.translation.text.strip()
            assert after.translation.engine == "transformers:opus-mt-es-en"
            # the beam's length-normalised log-probability: random weights are unsure
            logprob = after.translation.avg_logprob
            assert logprob is not None and logprob < 0
            assert after.translation.flags == (("low_confidence",) if logprob < -1.0 else ())


def test_a_language_no_model_takes_goes_to_whisper_or_is_an_error(tiny_marian: Path, fw_engine):
    """The sample hearing's Spanish answers, one of them labelled Portuguese (Whisper base
    mistakes one for the other): the es->en Marian model takes the Spanish, Whisper the
    Portuguese one from the recording's audio; without the audio that is an error."""
    from hearingproc.audio import load_audio
    from hearingproc.stages.translate import translation_models

    segments = [s for s in _sample_segments() if s.role == "applicant"]
    segments[1] = replace(segments[1], language="pt")
    options = TranslateOptions(engine="transformers", language_models={"es": str(tiny_marian)},
                               max_new_tokens=8)
    with pytest.raises(ModelError, match="no text translation model takes language.s. pt"):
        translate(None, segments, options, asr_engine=None)
    out = translate(load_audio(SAMPLE / "mock_hearing_es.wav"), segments, options, fw_engine)
    engines = [s.translation.engine for s in out]
    assert engines == ["transformers:opus-mt-es-en", "whisper-translate:whisper-base",
                       "transformers:opus-mt-es-en"]
    assert out[1].translation.text.strip()  # Whisper's English from the audio
    assert out[1].translation.avg_logprob is not None and out[1].translation.avg_logprob < 0
    assert set(out[1].translation.flags) <= {"repetition", "low_confidence"}  # no fallback
    assert [s.text for s in out] == [s.text for s in segments]  # sources kept
    name, models = translation_models(options, fw_engine, out)
    assert name == "transformers:opus-mt-es-en, whisper-translate:whisper-base"
    assert sorted(m.name for m in models) == ["opus-mt-es-en", "whisper-base"]


def test_missing_models_fail_clearly(tmp_path: Path):
    with pytest.raises(ConfigError, match="needs a model"):
        TranslateOptions(engine="transformers")
    segment = Segment(id=1, start=0.0, end=1.0, text="Sí.", language="es", language_probability=1.0)
    empty = tmp_path / "empty-model"
    empty.mkdir()
    for model in (str(empty), "nobody/not-in-your-cache"):
        options = TranslateOptions(engine="transformers", model=model)
        with pytest.raises(ModelError, match="nothing is downloaded"):
            translate(None, [segment], options, asr_engine=None)
