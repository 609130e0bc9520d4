"""Resemblyzer's GE2E speaker encoder as a pyannote.audio embedding ``Model``.

pyannote's ``SpeakerDiarization`` pipeline accepts a ``Model`` instance as its ``embedding``
and wraps it in its own ``PyannoteAudioPretrainedSpeakerEmbedding``, which moves it to the
device, calls it on ``(batch, 1, samples)`` chunks with ``weights`` (frame-level speaker
masks, ``(batch, frames)``), reads ``dimension`` and ``audio.sample_rate``, and probes
``min_num_samples`` by calling it on ever shorter noise until it raises. So the encoder is a
``Model`` subclass, not a look-alike class that would have to be patched into the pipeline's
private ``_embedding`` attribute.

The encoder is used as it was trained (Resemblyzer 0.1.4, weights ``resemblyzer/pretrained.pt``):
audio raised to -30 dBFS (never lowered), a 40-band power mel spectrogram on librosa's Slaney
scale (25 ms Hann window, 10 ms hop, centred frames), cut into 1.6 s partials placed as
``VoiceEncoder.embed_utterance`` places them; each partial goes through a 3-layer LSTM whose
last hidden state passes linear + ReLU + L2 normalisation, and an utterance's embedding is the
L2-normalised mean of its partials.

A (chunk, local speaker) is embedded the way Resemblyzer embeds an utterance after its
``preprocess_wav`` has cut the silences out: the mel frames where the speaker's mask is on are
joined, and the partials are cut from that joined speech. So every partial holds this speaker
only; partials of the whole chunk weighted by the mask (the first version) mixed the other
voices of the chunk into each partial and pulled two similar voices together (pyannote's
two-speaker call: nearest cross-speaker cosine distance 0.02 that way, 0.11 this way).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F
import torchaudio.functional as AF
from pyannote.audio import Model
from pyannote.audio.core.task import Task
from torch import nn

from hearingproc._fsutil import sha256_of_file
from hearingproc.errors import ModelError
from hearingproc.models.resemblyzer_weights import (
    REINSTALL_HINT,
    WEIGHTS_SHA256,
    weights_path,
)

SAMPLE_RATE = 16_000  # Hz; Resemblyzer's sampling_rate
WINDOW_MS = 25  # mel analysis window
HOP_MS = 10  # mel frame step
N_FFT = SAMPLE_RATE * WINDOW_MS // 1000  # 400 samples, also the Hann window length
HOP_LENGTH = SAMPLE_RATE * HOP_MS // 1000  # 160 samples
N_FREQS = N_FFT // 2 + 1  # 201 one-sided STFT bins
N_MELS = 40  # mel bands, 0 Hz to Nyquist
PARTIAL_FRAMES = 160  # frames per partial the encoder was trained on: 160 * 10 ms = 1.6 s
PARTIALS_PER_SECOND = 1.3  # embed_utterance's default rate
# 77 frames (0.77 s) between partial starts, so consecutive partials overlap by 52%
PARTIAL_STEP_FRAMES = round(SAMPLE_RATE / PARTIALS_PER_SECOND / HOP_LENGTH)
MIN_LAST_PARTIAL_COVERAGE = 0.75  # a trailing partial is kept if audio fills this much of it
TARGET_DBFS = -30.0  # Resemblyzer's audio_norm_target_dBFS
TARGET_RMS = 10.0 ** (TARGET_DBFS / 20.0)  # 0.0316 of full scale
MASK_ON = 0.5  # a mel frame belongs to the speaker where the (0/1) mask is at least this
SILENT_RMS = 1e-10  # below this a chunk is digital silence: no gain is applied
HIDDEN_SIZE = 256  # LSTM units per layer
NUM_LAYERS = 3
EMBEDDING_DIM = 256
# Shorter inputs raise, so pyannote's probe (which searches 2 .. 0.5 s) reports 0.5 s: with
# embedding_exclude_overlap, a speaker with less clean speech falls back to the full mask.
MIN_NUM_SAMPLES = SAMPLE_RATE // 2



def load_encoder_state(path: Path | None = None) -> dict[str, torch.Tensor]:
    """The LSTM and linear weights of the GE2E encoder, checked against their sha256.

    The checkpoint also holds GE2E's similarity scale and bias and the optimizer state, which
    only training uses; they are dropped.
    """
    path = weights_path() if path is None else path
    try:
        digest = sha256_of_file(path)
    except OSError as exc:
        raise ModelError(f"speaker embedding: cannot read {path}: {exc}; {REINSTALL_HINT}") from exc
    if digest != WEIGHTS_SHA256:
        raise ModelError(f"speaker embedding: {path} is corrupt (sha256 {digest}, "
                         f"expected {WEIGHTS_SHA256}); {REINSTALL_HINT}")
    checkpoint = torch.load(path, map_location="cpu", weights_only=True)
    return {name: tensor for name, tensor in checkpoint["model_state"].items()
            if name.startswith(("lstm.", "linear."))}


class MelFrontEnd(nn.Module):
    """librosa's ``melspectrogram(y, sr=16000, n_fft=400, hop_length=160, n_mels=40)`` in torch:
    power (not log) mel, periodic Hann window, centred frames padded with zeros."""

    window: torch.Tensor
    filterbank: torch.Tensor

    def __init__(self) -> None:
        super().__init__()
        self.register_buffer("window", torch.hann_window(N_FFT, periodic=True), persistent=False)
        filterbank = AF.melscale_fbanks(N_FREQS, f_min=0.0, f_max=SAMPLE_RATE / 2, n_mels=N_MELS,
                                        sample_rate=SAMPLE_RATE, norm="slaney", mel_scale="slaney")
        self.register_buffer("filterbank", filterbank, persistent=False)  # (N_FREQS, N_MELS)

    def forward(self, waveforms: torch.Tensor) -> torch.Tensor:
        """``(batch, samples)`` -> ``(batch, 1 + samples // HOP_LENGTH, N_MELS)``."""
        spectrum = torch.stft(waveforms, N_FFT, hop_length=HOP_LENGTH, window=self.window,
                              center=True, pad_mode="constant", return_complex=True)
        power = spectrum.real.square() + spectrum.imag.square()  # (batch, N_FREQS, frames)
        return power.transpose(1, 2) @ self.filterbank


class GE2EEncoder(nn.Module):
    """The network of Resemblyzer's ``VoiceEncoder``: LSTM, last hidden state, linear, ReLU."""

    def __init__(self) -> None:
        super().__init__()
        self.lstm = nn.LSTM(N_MELS, HIDDEN_SIZE, NUM_LAYERS, batch_first=True)
        self.linear = nn.Linear(HIDDEN_SIZE, EMBEDDING_DIM)

    def forward(self, mels: torch.Tensor) -> torch.Tensor:
        """``(partials, PARTIAL_FRAMES, N_MELS)`` power mels -> ``(partials, EMBEDDING_DIM)``
        unit-length embeddings (all components >= 0)."""
        _, (hidden, _) = self.lstm(mels)
        return F.normalize(torch.relu(self.linear(hidden[-1])), dim=-1)


def partial_layout(num_samples: int) -> tuple[int, int]:
    """How ``embed_utterance`` cuts ``num_samples`` of audio into partials.

    Partial ``p`` covers mel frames ``[p * PARTIAL_STEP_FRAMES, + PARTIAL_FRAMES)``. Returns
    ``(num_partials, padded_samples)``: the audio is zero-padded to ``padded_samples`` so that
    the last partial has all its frames (short audio becomes one padded partial).
    """
    num_frames = math.ceil((num_samples + 1) / HOP_LENGTH)
    steps = max(1, num_frames - PARTIAL_FRAMES + PARTIAL_STEP_FRAMES + 1)
    num_partials = (steps - 1) // PARTIAL_STEP_FRAMES + 1
    last_start = (num_partials - 1) * PARTIAL_STEP_FRAMES * HOP_LENGTH
    coverage = (num_samples - last_start) / (PARTIAL_FRAMES * HOP_LENGTH)
    if coverage < MIN_LAST_PARTIAL_COVERAGE and num_partials > 1:
        num_partials -= 1
    last_stop = ((num_partials - 1) * PARTIAL_STEP_FRAMES + PARTIAL_FRAMES) * HOP_LENGTH
    return num_partials, max(num_samples, last_stop)


def normalize_volume(waveforms: torch.Tensor) -> torch.Tensor:
    """Raise each row of ``(batch, samples)`` to ``TARGET_DBFS`` RMS; louder rows and digital
    silence are left as they are (Resemblyzer's ``normalize_volume(increase_only=True)``)."""
    rms = waveforms.square().mean(dim=-1, keepdim=True).sqrt()
    gain = TARGET_RMS / rms.clamp_min(SILENT_RMS)
    return waveforms * torch.where(rms > SILENT_RMS, gain.clamp_min(1.0), torch.ones_like(gain))


def frame_weights(weights: torch.Tensor, num_frames: int, num_samples: int) -> torch.Tensor:
    """Resample ``(batch, num_weights)`` masks, assumed to tile the ``num_samples`` chunk
    evenly, to ``(batch, num_frames)`` mel frames: frame ``t`` (centred on sample
    ``t * HOP_LENGTH``) takes the mask value at that instant; frames in the padding past the
    chunk's end take the last value."""
    num_weights = weights.shape[-1]
    centres = torch.arange(num_frames, device=weights.device) * HOP_LENGTH
    index = torch.div(centres * num_weights, num_samples, rounding_mode="floor")
    return weights[:, index.clamp_max(num_weights - 1)]


def utterance_partials(mels: torch.Tensor, num_samples: int) -> torch.Tensor:
    """``(frames, N_MELS)`` mel frames of ``num_samples`` of speech -> ``(partials,
    PARTIAL_FRAMES, N_MELS)``, cut as ``embed_utterance`` cuts that audio (see
    :func:`partial_layout`); the frames are zero-padded so that the last partial is whole."""
    num_partials, _ = partial_layout(num_samples)
    needed = (num_partials - 1) * PARTIAL_STEP_FRAMES + PARTIAL_FRAMES
    padded = F.pad(mels, (0, 0, 0, max(0, needed - mels.shape[0])))
    windows = padded.unfold(0, PARTIAL_FRAMES, PARTIAL_STEP_FRAMES)[:num_partials]
    return windows.movedim(-1, 1)


def joined_length(num_frames: int) -> int:
    """Samples of speech whose centred mel spectrogram has ``num_frames`` frames (the
    shortest such length): the length given to :func:`utterance_partials` for frames joined
    from under a mask."""
    return (num_frames - 1) * HOP_LENGTH


def _runs_of_identical_rows(rows: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Group consecutive equal rows of ``(batch, samples)``: returns the ``(groups,)`` index of
    each group's first row and the ``(batch,)`` group of every row."""
    starts = torch.ones(rows.shape[0], dtype=torch.bool, device=rows.device)
    starts[1:] = (rows[1:] != rows[:-1]).any(dim=-1)
    return starts.nonzero().squeeze(-1), starts.cumsum(dim=0) - 1


class ResemblyzerEmbedding(Model):
    """Resemblyzer's GE2E encoder as a pyannote.audio embedding model (256-d, cosine).

    Build it with :func:`load_resemblyzer_embedding`; the constructor leaves it untrained.
    """

    def __init__(self, sample_rate: int = SAMPLE_RATE, num_channels: int = 1,
                 task: Task | None = None) -> None:
        if sample_rate != SAMPLE_RATE:
            raise ValueError(f"the Resemblyzer encoder works at {SAMPLE_RATE} Hz, "
                             f"not {sample_rate}")
        super().__init__(sample_rate=sample_rate, num_channels=num_channels, task=task)
        self.mel = MelFrontEnd()
        self.encoder = GE2EEncoder()

    @property
    def dimension(self) -> int:
        """Size of an embedding."""
        return EMBEDDING_DIM

    def forward(self, waveforms: torch.Tensor, weights: torch.Tensor | None = None,
                **kwargs: Any) -> torch.Tensor:
        """``(batch, 1, samples)`` 16 kHz chunks, optional ``(batch, frames)`` masks ->
        ``(batch, EMBEDDING_DIM)`` unit-length embeddings of the speech where each mask is
        on (at least ``MASK_ON``); NaN rows where it is nowhere on (pyannote's clustering
        drops NaN embeddings). Raises ValueError for chunks shorter than
        ``MIN_NUM_SAMPLES``; TypeError for any other keyword argument (``Model.forward``
        declares ``**kwargs``)."""
        if kwargs:
            raise TypeError(f"unexpected keyword arguments {sorted(kwargs)}")
        if waveforms.dim() != 3 or waveforms.shape[1] != 1:
            raise ValueError(f"expected (batch, 1, samples) mono audio, "
                             f"got {tuple(waveforms.shape)}")
        batch, _, num_samples = waveforms.shape
        if num_samples < MIN_NUM_SAMPLES:
            raise ValueError(f"{num_samples} samples is too short for a speaker embedding "
                             f"(at least {MIN_NUM_SAMPLES}, {MIN_NUM_SAMPLES / SAMPLE_RATE} s)")
        if weights is None:
            weights = waveforms.new_ones(batch, 1)
        if weights.dim() != 2 or weights.shape[0] != batch:
            raise ValueError(f"expected (batch, frames) weights for batch {batch}, "
                             f"got {tuple(weights.shape)}")
        # pyannote sends each chunk once per local speaker, one after the other: compute the
        # mel spectrogram once per distinct chunk.
        first, group = _runs_of_identical_rows(waveforms[:, 0])
        mels = self.mel(normalize_volume(waveforms[first, 0]))  # (chunks, frames, N_MELS)
        active = frame_weights(weights.to(waveforms.dtype), mels.shape[1],
                               num_samples) >= MASK_ON  # (batch, frames)
        speakers = [row for row in range(batch) if active[row].any()]
        embeddings = waveforms.new_full((batch, EMBEDDING_DIM), math.nan)
        if not speakers:
            return embeddings
        partials = [utterance_partials(mels[group[row]], num_samples) if active[row].all()
                    else utterance_partials(mels[group[row]][active[row]],
                                            joined_length(int(active[row].sum())))
                    for row in speakers]
        owner = torch.repeat_interleave(torch.tensor(speakers, device=waveforms.device),
                                        torch.tensor([len(p) for p in partials],
                                                     device=waveforms.device))
        summed = waveforms.new_zeros(batch, EMBEDDING_DIM).index_add_(
            0, owner, self.encoder(torch.cat(partials)))
        embeddings[speakers] = F.normalize(summed[speakers], dim=-1)
        return embeddings


def load_resemblyzer_embedding(path: Path | None = None) -> ResemblyzerEmbedding:
    """The encoder with Resemblyzer's verified weights (from the installed package unless
    ``path`` is given), in eval mode on the CPU."""
    model = ResemblyzerEmbedding()
    model.encoder.load_state_dict(load_encoder_state(path))
    return model.eval()
