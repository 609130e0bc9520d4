"""Tests of hearingproc.models.speaker_embedding: Resemblyzer's GE2E encoder wrapped as a
pyannote.audio embedding model must compute what Resemblyzer itself computes.

The references are librosa's mel spectrogram and Resemblyzer 0.1.4's own ``VoiceEncoder``
(with its volume normalisation, without its WebRTC silence trimming) on real speech from
../shared/data: pyannote's sample call (two speakers, reference turns in its RTTM).
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest
import torch
from pyannote.core import Annotation, Segment

from hearingproc.audio import SAMPLE_RATE, Audio, load_audio
from hearingproc.errors import ModelError
from hearingproc.models.speaker_embedding import (
    EMBEDDING_DIM,
    HOP_LENGTH,
    MIN_NUM_SAMPLES,
    PARTIAL_FRAMES,
    PARTIAL_STEP_FRAMES,
    TARGET_DBFS,
    ResemblyzerEmbedding,
    load_encoder_state,
    load_resemblyzer_embedding,
    partial_layout,
    weights_path,
)

pytestmark = pytest.mark.models

RECORDING = "en_pyannote-audio_sample"
MEL_RTOL = 1e-4  # relative to each value; measured max 9e-6
MEL_ATOL_FRACTION = 1e-6  # of the spectrogram's maximum; measured max abs error 3e-7 of it
PARTIAL_TOLERANCE = 1e-4  # max abs difference of a unit embedding; measured 3e-7
# Stricter than needed for "the same embedding" (0.99): a partial layout off by one frame
# would still pass 0.99. Measured 1 - 1e-7.
UTTERANCE_MIN_COSINE = 0.9999
MIN_TURN_S = 1.5  # reference turns shorter than this are not used for speaker checks
# (start, end) seconds of utterances of the sample call: the whole call, one turn, and a clip
# shorter than a partial (the zero-padding path).
UTTERANCES = [(0.0, 30.0), (11.03, 14.49), (3.0, 4.2)]
PARTIAL_START_S = 11.5  # a 1.6 s stretch of speaker90 alone
SPEAKER_MARGIN = 0.05  # mean same-speaker minus mean different-speaker cosine; measured 0.09
# Joining mel frames instead of samples changes the frames at each join (their 25 ms windows
# see the neighbouring audio), and the 17 ms segmentation frames place each stretch's edges
# to within a mel frame. Measured 0.99913.
JOINED_MIN_COSINE = 0.998
SEGMENTATION_FRAMES = 589  # frames segmentation-3.0 gives a 10 s chunk (pyannote's masks)


@pytest.fixture(scope="module")
def model() -> ResemblyzerEmbedding:
    return load_resemblyzer_embedding()


@pytest.fixture(scope="module")
def voice_encoder():
    from resemblyzer import VoiceEncoder

    return VoiceEncoder("cpu", verbose=False)


@pytest.fixture(scope="module")
def sample(shared_data: Path) -> Audio:
    return load_audio(shared_data / "audio" / f"{RECORDING}.wav")


@pytest.fixture(scope="module")
def clean_turns(shared_data: Path) -> list[tuple[Segment, str]]:
    """Reference turns with the overlapped stretches cut out, at least MIN_TURN_S long."""
    reference = Annotation(uri=RECORDING)
    for line in (shared_data / "refs" / f"{RECORDING}.rttm").read_text().splitlines():
        fields = line.split()
        start, duration = float(fields[3]), float(fields[4])
        reference[Segment(start, start + duration)] = fields[7]
    clean = reference.extrude(reference.get_overlap())
    return [(segment, label) for segment, _, label in clean.itertracks(yield_label=True)
            if segment.duration >= MIN_TURN_S - 1e-6]


def _normalized(samples: np.ndarray) -> np.ndarray:
    """Resemblyzer's preprocess_wav volume step (its silence trimming left out)."""
    from resemblyzer.audio import normalize_volume

    return normalize_volume(samples, TARGET_DBFS, increase_only=True).astype(np.float32)


def _embed(model: ResemblyzerEmbedding, samples: np.ndarray,
           weights: np.ndarray | None = None) -> np.ndarray:
    """One chunk ``(samples,)`` -> its ``(EMBEDDING_DIM,)`` embedding."""
    with torch.inference_mode():
        mask = None if weights is None else torch.from_numpy(weights)[None]
        return model(torch.from_numpy(samples)[None, None], weights=mask)[0].numpy()


def test_mel_matches_librosa(model: ResemblyzerEmbedding, sample: Audio) -> None:
    import librosa

    filterbank = librosa.filters.mel(sr=SAMPLE_RATE, n_fft=400, n_mels=40)
    np.testing.assert_allclose(model.mel.filterbank.T.numpy(), filterbank, rtol=0, atol=1e-7)
    speech = sample.clip(10.0, 20.0)
    expected = librosa.feature.melspectrogram(y=speech, sr=SAMPLE_RATE, n_fft=400,
                                              hop_length=HOP_LENGTH, n_mels=40).T
    with torch.inference_mode():
        ours = model.mel(torch.from_numpy(speech)[None])[0].numpy()
    assert ours.shape == expected.shape == (1 + len(speech) // HOP_LENGTH, 40)
    print(f"mel: max abs error {np.abs(ours - expected).max():.2e} of max {expected.max():.2f}")
    np.testing.assert_allclose(ours, expected, rtol=MEL_RTOL,
                               atol=MEL_ATOL_FRACTION * expected.max())


def test_one_partial_matches_voice_encoder(model: ResemblyzerEmbedding, voice_encoder,
                                           sample: Audio) -> None:
    from resemblyzer.audio import wav_to_mel_spectrogram

    partial_s = PARTIAL_FRAMES * HOP_LENGTH / SAMPLE_RATE
    speech = _normalized(sample.clip(PARTIAL_START_S, PARTIAL_START_S + partial_s))
    assert partial_layout(len(speech)) == (1, len(speech))
    mels = torch.from_numpy(wav_to_mel_spectrogram(speech)[:PARTIAL_FRAMES])[None]
    with torch.inference_mode():
        expected = voice_encoder(mels)[0].numpy()
    ours = _embed(model, speech)
    print(f"partial: max abs difference {np.abs(ours - expected).max():.2e}")
    np.testing.assert_allclose(ours, expected, rtol=0, atol=PARTIAL_TOLERANCE)


@pytest.mark.parametrize(("start", "end"), UTTERANCES)
def test_utterance_matches_embed_utterance(model: ResemblyzerEmbedding, voice_encoder,
                                           sample: Audio, start: float, end: float) -> None:
    speech = _normalized(sample.clip(start, end))
    expected = voice_encoder.embed_utterance(speech)
    ours = _embed(model, speech)
    cosine = float(ours @ expected / np.linalg.norm(ours) / np.linalg.norm(expected))
    print(f"utterance {start}-{end} s: cosine {cosine:.7f}")
    assert cosine > UTTERANCE_MIN_COSINE


def test_partial_layout_matches_embed_utterance(voice_encoder) -> None:
    for seconds in (0.5, 1.6, 2.0, 3.3, 10.0, 30.0):
        num_samples = int(seconds * SAMPLE_RATE)
        wav_slices, _ = voice_encoder.compute_partial_slices(num_samples, 1.3, 0.75)
        expected = (len(wav_slices), max(num_samples, wav_slices[-1].stop))
        assert partial_layout(num_samples) == expected, seconds
        steps = {b.start - a.start for a, b in zip(wav_slices, wav_slices[1:], strict=False)}
        assert steps <= {PARTIAL_STEP_FRAMES * HOP_LENGTH}


def test_same_speaker_turns_are_closer(model: ResemblyzerEmbedding, sample: Audio,
                                       clean_turns: list[tuple[Segment, str]]) -> None:
    labels = np.array([label for _, label in clean_turns])
    assert sorted(set(labels)) == ["speaker90", "speaker91"] and len(labels) >= 4
    embeddings = np.stack([_embed(model, sample.clip(s.start, s.end)) for s, _ in clean_turns])
    similarity = embeddings @ embeddings.T
    same = labels[:, None] == labels[None, :]
    off_diagonal = ~np.eye(len(labels), dtype=bool)
    same_mean = similarity[same & off_diagonal].mean()
    different_mean = similarity[~same].mean()
    print(f"same speaker {same_mean:.3f}, different {different_mean:.3f}\n{similarity.round(3)}")
    assert same_mean - different_mean > SPEAKER_MARGIN
    for turn in range(len(labels)):  # each turn is nearer its own speaker's other turns
        own = similarity[turn, same[turn] & off_diagonal[turn]].mean()
        assert own > similarity[turn, ~same[turn]].mean(), clean_turns[turn]


def test_mask_joins_the_speech_under_it(model: ResemblyzerEmbedding, voice_encoder,
                                        sample: Audio) -> None:
    """A mask over two stretches of a chunk gives ``embed_utterance`` of the two stretches
    joined, as Resemblyzer embeds speech once ``preprocess_wav`` has cut the pauses out."""
    chunk = sample.clip(10.0, 20.0)
    seconds = np.arange(SEGMENTATION_FRAMES) * 10.0 / SEGMENTATION_FRAMES
    kept = [(0.5, 3.5), (5.0, 8.0)]
    mask = np.zeros(SEGMENTATION_FRAMES, np.float32)
    for start, end in kept:
        mask[(seconds >= start) & (seconds < end)] = 1.0
    ours = _embed(model, chunk, mask)
    normalized = _normalized(chunk)  # the chunk's volume, as the model normalises it
    joined = np.concatenate([normalized[int(start * SAMPLE_RATE):int(end * SAMPLE_RATE)]
                             for start, end in kept])
    expected = voice_encoder.embed_utterance(joined)
    cosine = float(ours @ expected / np.linalg.norm(expected))
    # The whole chunk, partials and all, is another embedding.
    whole = float(ours @ _embed(model, chunk))
    print(f"masked stretches: cosine {cosine:.5f} to embed_utterance of them, "
          f"{whole:.5f} to the whole chunk")
    assert cosine > JOINED_MIN_COSINE
    assert whole < cosine


def test_mask_picks_the_speaker(model: ResemblyzerEmbedding, sample: Audio,
                                clean_turns: list[tuple[Segment, str]]) -> None:
    """A chunk holding a speaker90 turn then a speaker91 turn, masked to one of them, gives an
    embedding nearer that speaker's turn alone."""
    (turn_a, speaker_a), (turn_b, speaker_b) = clean_turns[1], clean_turns[2]
    assert speaker_a != speaker_b  # 11.03-14.49 s speaker90, 14.70-17.92 s speaker91
    a, b = sample.clip(turn_a.start, turn_a.end), sample.clip(turn_b.start, turn_b.end)
    chunk = np.concatenate([a, b])
    in_a = (np.arange(SEGMENTATION_FRAMES) + 0.5) / SEGMENTATION_FRAMES < len(a) / len(chunk)
    alone_a, alone_b = _embed(model, a), _embed(model, b)
    masked_a = _embed(model, chunk, in_a.astype(np.float32))
    masked_b = _embed(model, chunk, (~in_a).astype(np.float32))
    assert masked_a @ alone_a > masked_a @ alone_b
    assert masked_b @ alone_b > masked_b @ alone_a


def test_batch_as_pyannote_sends_it(model: ResemblyzerEmbedding, sample: Audio) -> None:
    """Through pyannote's own wrapper: each chunk repeated once per local speaker, with
    masks that are full, partial or empty; rows equal one-at-a-time calls, and an empty mask
    gives NaN (which pyannote's clustering drops)."""
    from pyannote.audio.pipelines.speaker_verification import (  # seconds to import
        PyannoteAudioPretrainedSpeakerEmbedding,
    )

    embedding = PyannoteAudioPretrainedSpeakerEmbedding(model)
    assert (embedding.sample_rate, embedding.dimension, embedding.metric) == (
        SAMPLE_RATE, EMBEDDING_DIM, "cosine")
    assert embedding.min_num_samples == MIN_NUM_SAMPLES
    chunks = [sample.clip(start, start + 10.0) for start in (5.0, 15.0)]
    masks = np.zeros((3, SEGMENTATION_FRAMES), np.float32)
    masks[0] = 1.0
    masks[1, 100:400] = 1.0
    waveforms = torch.from_numpy(np.stack([c for c in chunks for _ in masks]))[:, None]
    batch = torch.from_numpy(np.concatenate([masks, masks]))
    started = time.perf_counter()
    got = embedding(waveforms, masks=batch)
    print(f"batch of {len(batch)} (10 s chunks): {time.perf_counter() - started:.2f} s")
    assert got.shape == (6, EMBEDDING_DIM)
    assert np.isnan(got[[2, 5]]).all() and not np.isnan(got[[0, 1, 3, 4]]).any()
    for row in (0, 1, 4):
        alone = _embed(model, chunks[row // 3], masks[row % 3])
        np.testing.assert_allclose(got[row], alone, rtol=0, atol=1e-5)
    np.testing.assert_allclose(got[0], _embed(model, chunks[0]), rtol=0, atol=1e-6)


def test_short_input_is_refused(model: ResemblyzerEmbedding) -> None:
    with pytest.raises(ValueError, match="too short"):
        model(torch.zeros(1, 1, MIN_NUM_SAMPLES - 1))
    with pytest.raises(ValueError, match="mono"):
        model(torch.zeros(1, MIN_NUM_SAMPLES))


def test_corrupt_or_missing_weights_name_the_fix(tmp_path: Path) -> None:
    assert weights_path().name == "pretrained.pt"
    corrupt = tmp_path / "pretrained.pt"
    corrupt.write_bytes(weights_path().read_bytes()[:-10])
    with pytest.raises(ModelError, match="corrupt.*pip install --force-reinstall resemblyzer"):
        load_encoder_state(corrupt)
    with pytest.raises(ModelError, match="cannot read.*resemblyzer==0.1.4"):
        load_encoder_state(tmp_path / "absent.pt")
    with pytest.raises(ModelError, match="not installed.*resemblyzer==0.1.4"):
        weights_path("resemblyzer_not_installed_here")
