"""Speaker diarization on the embedded weights: real speech, silence, options, output shape."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from pyannote.core import Annotation, Segment
from pyannote.database.util import load_rttm
from pyannote.metrics.diarization import DiarizationErrorRate

from hearingproc.audio import SAMPLE_RATE, Audio, load_audio
from hearingproc.errors import ConfigError
from hearingproc.stages.diarize import Diarization, DiarizeOptions, diarize, from_pyannote
from hearingproc.transcript import SpeakerTurn

REPO = Path(__file__).resolve().parents[2]
SAMPLE_ID = "en_pyannote-audio_sample"
SINGLE_SPEAKER_ID = "en_spkanon_eval_2412-153948-0000"  # LibriSpeech, 11.7 s, one woman
# Four LibriSpeech voices (2 women, 2 men), 3 to 12 s each, joined with short pauses.
FOUR_VOICES_IDS = ("en_spkanon_eval_3752-4944-0000", "en_spkanon_eval_1988-24833-0000",
                   "en_wenet_librispeech-1995-1837-0001", "en_spkanon_eval_2412-153948-0000")
PAUSE_S = 0.7
SILENCE_S = 20.0
NOISE_RMS = 1e-3  # -60 dBFS white noise: a quiet room, no voice


def _audio(samples: np.ndarray, name: str) -> Audio:
    return Audio(samples=samples.astype(np.float32), sha256=name, source=name,
                 source_sample_rate=SAMPLE_RATE, source_channels=1, source_format="memory")


def _reference(rttm: Path) -> Annotation:
    reference = Annotation()
    for annotation in load_rttm(rttm).values():
        for segment, _, label in annotation.itertracks(yield_label=True):
            reference[segment] = label
    return reference


def _hypothesis(result: Diarization) -> Annotation:
    hypothesis = Annotation()
    for k, turn in enumerate(result.turns):
        hypothesis[Segment(turn.start, turn.end), k] = turn.speaker
    return hypothesis


def _der(result: Diarization, rttm: Path) -> float:
    metric = DiarizationErrorRate(collar=0.25, skip_overlap=False)
    return metric(_reference(rttm), _hypothesis(result))


def _check_shape(result: Diarization) -> None:
    """Time order, labels by first appearance, an exclusive view that never overlaps."""
    assert list(result.turns) == sorted(result.turns)
    expected = [f"SPEAKER_{k:02d}" for k in range(len(result.speakers))]
    assert list(result.speakers) == expected
    assert {t.speaker for t in result.exclusive} <= set(expected)
    for before, after in zip(result.exclusive, result.exclusive[1:], strict=False):
        assert before.end <= after.start
    assert all(t.end > t.start for t in result.turns + result.exclusive)


@pytest.fixture(scope="module")
def sample(shared_data: Path, audio_path) -> tuple[Diarization, Path]:
    result = diarize(load_audio(audio_path(SAMPLE_ID)))
    return result, shared_data / "refs" / f"{SAMPLE_ID}.rttm"


@pytest.fixture(scope="module")
def four_voices(audio_path) -> Audio:
    pause = np.zeros(int(PAUSE_S * SAMPLE_RATE), dtype=np.float32)
    clips = [load_audio(audio_path(rid)).samples for rid in FOUR_VOICES_IDS]
    return _audio(np.concatenate([part for clip in clips for part in (clip, pause)]),
                  "four-voices")


def test_two_speaker_sample(sample: tuple[Diarization, Path]):
    result, rttm = sample
    _check_shape(result)
    assert len(result.speakers) == 2
    assert _der(result, rttm) <= 0.12
    assert result.overlaps  # the sample has overlapped speech (18.05-18.59 s)


def test_mock_hearing_has_five_voices():
    result = diarize(load_audio(REPO / "sample_audio" / "mock_hearing_es.wav"))
    _check_shape(result)
    assert len(result.speakers) == 5


def test_single_speaker(audio_path):
    result = diarize(load_audio(audio_path(SINGLE_SPEAKER_ID)))
    _check_shape(result)
    assert result.speakers == ("SPEAKER_00",)
    assert result.overlaps == ()


@pytest.mark.parametrize("kind", ["silence", "noise"])
def test_no_speech_gives_no_turns(kind: str):
    n = int(SILENCE_S * SAMPLE_RATE)
    samples = (np.zeros(n) if kind == "silence"
               else np.random.default_rng(0).normal(0.0, NOISE_RMS, n))
    result = diarize(_audio(samples, kind))
    assert result == Diarization(turns=(), exclusive=(), overlaps=())


def test_num_speakers_is_honoured(four_voices: Audio):
    result = diarize(four_voices, DiarizeOptions(num_speakers=3))
    _check_shape(result)
    assert len(result.speakers) == 3


def test_max_speakers_is_honoured(four_voices: Audio):
    result = diarize(four_voices, DiarizeOptions(max_speakers=2))
    _check_shape(result)
    assert 1 <= len(result.speakers) <= 2


@pytest.mark.parametrize("kwargs", [
    {"num_speakers": 0}, {"num_speakers": 3, "max_speakers": 4},
    {"min_speakers": 5, "max_speakers": 3}, {"linkage": "ward-ish"}, {"threshold": 2.5},
    {"token": "hf_x"},
])
def test_conflicting_options_are_refused(kwargs: dict):
    with pytest.raises(ConfigError):
        DiarizeOptions(**kwargs)


def test_legacy_annotation_is_converted():
    """A bare Annotation (older pretrained pipelines) gets labels by first appearance and an
    exclusive view where the later-starting turn holds the overlap."""
    annotation = Annotation()
    annotation[Segment(5.0, 9.0)] = "B"
    annotation[Segment(1.0, 6.0)] = "A"
    annotation[Segment(10.0, 11.0)] = "A"
    result = from_pyannote(annotation)
    assert [(t.start, t.end, t.speaker) for t in result.turns] == [
        (1.0, 6.0, "SPEAKER_00"), (5.0, 9.0, "SPEAKER_01"), (10.0, 11.0, "SPEAKER_00")]
    assert [(t.start, t.end, t.speaker) for t in result.exclusive] == [
        (1.0, 5.0, "SPEAKER_00"), (5.0, 9.0, "SPEAKER_01"), (10.0, 11.0, "SPEAKER_00")]
    assert [(s.start, s.end) for s in result.overlaps] == [(5.0, 6.0)]


def _voice_embed(samples: np.ndarray) -> np.ndarray:
    """Stand-in encoder for the relabelling rule: the audio's level says whose voice it is
    (level 0.1 * k + 0.1 -> voice k, 3 voices), mixed levels give a mixed embedding."""
    vector = np.zeros(3)
    for level in np.round(samples[samples > 0] * 10).astype(int) - 1:
        vector[level] += 1
    return vector / np.linalg.norm(vector)


def _voices(*spans: tuple[float, float, int]) -> Audio:
    samples = np.zeros(int(20 * SAMPLE_RATE), dtype=np.float32)
    for start, end, voice in spans:
        samples[int(start * SAMPLE_RATE):int(end * SAMPLE_RATE)] = 0.1 * voice + 0.1
    return _audio(samples, "voices")


def test_short_utterance_goes_to_the_voice_it_sounds_like():
    """Measured on the sample hearing: pyannote split the interpreter's "I do." (0.6 s) into
    three touching bits of three other voices; embedded whole it matches the interpreter."""
    from hearingproc.stages.diarize import relabel_short_utterances

    audio = _voices((1.0, 4.0, 0), (5.0, 5.6, 2), (6.0, 9.0, 1), (10.0, 13.0, 2))
    exclusive = (SpeakerTurn(1.0, 4.0, "A"), SpeakerTurn(5.0, 5.2, "A"),
                 SpeakerTurn(5.2, 5.3, "B"), SpeakerTurn(5.3, 5.6, "B"),
                 SpeakerTurn(6.0, 9.0, "B"), SpeakerTurn(10.0, 13.0, "C"))
    result = Diarization(turns=exclusive, exclusive=exclusive, overlaps=())
    fixed = relabel_short_utterances(result, audio, max_s=1.5, margin=0.05, embed=_voice_embed)
    assert [(t.start, t.end, t.speaker) for t in fixed.exclusive] == [
        (1.0, 4.0, "SPEAKER_00"), (5.0, 5.6, "SPEAKER_01"), (6.0, 9.0, "SPEAKER_02"),
        (10.0, 13.0, "SPEAKER_01")]
    assert fixed.turns == fixed.exclusive and fixed.overlaps == ()


def test_short_utterance_keeps_its_voice_without_clear_evidence():
    from hearingproc.stages.diarize import relabel_short_utterances

    # the short utterance sounds half like A and half like B: pyannote's choice (A) stays
    audio = _voices((1.0, 4.0, 0), (5.0, 5.3, 0), (5.3, 5.6, 1), (6.0, 9.0, 1))
    exclusive = (SpeakerTurn(1.0, 4.0, "A"), SpeakerTurn(5.0, 5.6, "A"), SpeakerTurn(6.0, 9.0, "B"))
    result = Diarization(turns=exclusive, exclusive=exclusive, overlaps=())
    assert relabel_short_utterances(result, audio, 1.5, 0.05, _voice_embed) is result
    # one voice with long turns only: nothing to compare against, nothing changes
    single = Diarization(turns=exclusive[:2], exclusive=exclusive[:2], overlaps=())
    assert relabel_short_utterances(single, audio, 1.5, 0.05, _voice_embed) is single
