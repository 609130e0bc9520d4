"""Text-to-text translation into English with a transformers sequence-to-sequence model.

The selectable upgrade over Whisper's own translate task: a Marian (``opus-mt-xx-en``, one
folder per language pair), NLLB-200 or M2M100 model from a local folder or from the user's
Hugging Face cache. Loading never downloads (``local_files_only``); the same code loads every
family, and the family only decides how the source and target languages are given:

- NLLB: the tokenizer's ``src_lang`` is a FLORES-200 code (``spa_Latn``) and generation is
  forced to start with ``eng_Latn``;
- M2M100: ``src_lang`` is the ISO 639-1 code and generation is forced to start with the
  ``__en__`` token (``get_lang_id("en")``);
- anything else (Marian): the model knows its pair; nothing is set.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from hearingproc.errors import ModelError
from hearingproc.models.cache import model_cache

log = logging.getLogger(__name__)

# ISO 639-1 (Whisper's codes) -> FLORES-200 codes used by NLLB; the languages most heard in
# US immigration court first, then other common ones.
NLLB_CODES = {
    "en": "eng_Latn", "es": "spa_Latn", "pt": "por_Latn", "zh": "zho_Hans", "ht": "hat_Latn",
    "ru": "rus_Cyrl", "pa": "pan_Guru", "tr": "tur_Latn", "ar": "arb_Arab", "fr": "fra_Latn",
    "hi": "hin_Deva", "ro": "ron_Latn", "vi": "vie_Latn", "uk": "ukr_Cyrl", "bn": "ben_Beng",
    "ne": "npi_Deva", "ur": "urd_Arab", "fa": "pes_Arab", "ps": "pbt_Arab", "so": "som_Latn",
    "ko": "kor_Hang", "hy": "hye_Armn", "de": "deu_Latn", "it": "ita_Latn", "ja": "jpn_Jpan",
    "pl": "pol_Latn", "ka": "kat_Geor", "am": "amh_Ethi", "ti": "tir_Ethi", "my": "mya_Mymr",
    "id": "ind_Latn", "tl": "tgl_Latn", "km": "khm_Khmr", "th": "tha_Thai", "sw": "swh_Latn",
    "uz": "uzn_Latn", "kk": "kaz_Cyrl", "mn": "khk_Cyrl", "el": "ell_Grek", "nl": "nld_Latn",
}
_MARIAN_PAIR = re.compile(r"opus-mt-([a-z]+(?:_[a-z]+)*)-en\b", re.IGNORECASE)
MULTILINGUAL_SOURCE = "mul"  # Marian's name for "any source language" (opus-mt-mul-en)


def model_name(model: str) -> str:
    """How a model is named in a transcript: a folder by its name, a cache entry by its id."""
    where = Path(model).expanduser()
    return where.name if where.exists() else model


@dataclass(frozen=True)
class TranslatorInfo:
    name: str  # what was asked for: a folder's name or a cache id
    path: str  # where the weights were found
    family: str  # "nllb", "m2m100" or "marian" (any model without language tokens)


class TextTranslator:
    """A loaded seq2seq model; ``translate`` turns sentences of one language into English."""

    def __init__(self, model: str) -> None:
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
        where = Path(model).expanduser()
        source = str(where) if where.exists() else model
        if where.exists() and not where.is_dir():
            raise ModelError(f"translation model {model}: not a model folder")
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=True)
            self.model = AutoModelForSeq2SeqLM.from_pretrained(source, local_files_only=True)
        except (OSError, ValueError, ImportError) as exc:
            raise ModelError(
                f"translation model {model}: cannot load it as a local folder or from your "
                f"Hugging Face cache (nothing is downloaded) ({exc})") from exc
        self.model.eval()
        path = getattr(self.model.config, "_name_or_path", "") or source
        self.info = TranslatorInfo(model_name(model), str(path), self._family())
        self._lock = threading.Lock()  # one generate call at a time per loaded model

    def _family(self) -> str:
        vocab = self.tokenizer.get_vocab()
        if "eng_Latn" in vocab:
            return "nllb"
        if hasattr(self.tokenizer, "get_lang_id") and "__en__" in vocab:
            return "m2m100"
        return "marian"

    def source_languages(self) -> set[str] | None:
        """The ISO codes this model translates from; None: any (or unknown)."""
        if self.info.family == "nllb":
            vocab = self.tokenizer.get_vocab()
            return {iso for iso, code in NLLB_CODES.items() if code in vocab}
        if self.info.family == "m2m100":
            vocab = self.tokenizer.get_vocab()
            return {token.strip("_") for token in vocab if re.fullmatch(r"__[a-z]{2,3}__", token)}
        declared = getattr(self.tokenizer, "source_lang", None)
        match = _MARIAN_PAIR.search(f"{self.info.name} {self.info.path}")
        code = declared or (match.group(1) if match else None)
        if not code or code == MULTILINGUAL_SOURCE:
            return None
        return {part for part in code.lower().split("_")}

    def _generate_options(self, language: str) -> dict[str, int]:
        if self.info.family == "nllb":
            if language not in NLLB_CODES:
                raise ModelError(f"translation model {self.info.name}: no NLLB code for "
                                 f"language {language!r}")
            self.tokenizer.src_lang = NLLB_CODES[language]
            english = self.tokenizer.convert_tokens_to_ids(NLLB_CODES["en"])
            if not isinstance(english, int):  # one token in, one id out
                raise ModelError(f"translation model {self.info.name}: no single token for "
                                 f"{NLLB_CODES['en']}")
            return {"forced_bos_token_id": english}
        if self.info.family == "m2m100":
            self.tokenizer.src_lang = language
            return {"forced_bos_token_id": self.tokenizer.get_lang_id("en")}
        return {}

    def translate(self, texts: Sequence[str], language: str, batch_size: int = 8,
                  max_new_tokens: int = 256, num_beams: int = 4) -> list[str]:
        """English for each of ``texts`` (all in ``language``), ``batch_size`` at a time."""
        return [english for english, _ in self.translate_scored(
            texts, language, batch_size, max_new_tokens, num_beams)]

    def translate_scored(self, texts: Sequence[str], language: str, batch_size: int = 8,
                         max_new_tokens: int = 256, num_beams: int = 4,
                         ) -> list[tuple[str, float]]:
        """English for each of ``texts`` with the decoder's length-normalised log-probability
        of it (the beam's score: summed token log-probabilities over the length, with the
        model's own length penalty, 1.0 for Marian, NLLB and M2M100)."""
        import torch

        out: list[tuple[str, float]] = []
        with self._lock, torch.inference_mode():
            extra = self._generate_options(language)
            for begin in range(0, len(texts), batch_size):
                batch = self.tokenizer(list(texts[begin:begin + batch_size]), return_tensors="pt",
                                       padding=True, truncation=True)
                generated = self.model.generate(
                    **batch, max_new_tokens=max_new_tokens, num_beams=num_beams,
                    output_scores=True, return_dict_in_generate=True, **extra)
                english = self.tokenizer.batch_decode(generated.sequences,
                                                      skip_special_tokens=True)
                scores = _sequence_scores(self.model, generated, num_beams)
                out += [(t.strip(), float(score)) for t, score in zip(english, scores,
                                                                     strict=True)]
        return out


def _sequence_scores(model: object, generated: object, num_beams: int) -> list[float]:
    """Each sequence's length-normalised log-probability: the beam score under beam search,
    else the mean of the chosen tokens' log-probabilities."""
    scores = getattr(generated, "sequences_scores", None)
    if num_beams > 1 and scores is not None:
        return [float(v) for v in scores]
    transition = model.compute_transition_scores(  # type: ignore[attr-defined]
        generated.sequences, generated.scores, normalize_logits=True)  # type: ignore[attr-defined]
    finite = transition.masked_fill(~transition.isfinite(), 0.0)
    counts = (transition.isfinite() & (transition != 0)).sum(dim=1).clamp(min=1)
    return [float(v) for v in finite.sum(dim=1) / counts]


@model_cache(maxsize=4)
def load_translator(model: str) -> TextTranslator:
    """The model at ``model`` (a local folder, or a name in your Hugging Face cache); loaded
    once per process."""
    log.info("loading translation model %s", model)
    return TextTranslator(model)
