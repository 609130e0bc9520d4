"""The redacted recording keeps the source's rate and channels and every sample outside the
silenced spans; a segment without word times is silenced whole."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import av
import numpy as np
from tests.redaction._planted import COMMITTED

from hearingproc.redaction.apply import RedactionOptions, redact_transcript
from hearingproc.redaction.audio import write_redacted_audio
from hearingproc.transcript import load_transcript

RATE = 44_100


def _write_stereo(path: Path, samples: np.ndarray) -> None:
    with av.open(str(path), mode="w", format="wav") as container:
        stream = container.add_stream("pcm_s16le", rate=RATE, layout="stereo")
        interleaved = np.ascontiguousarray(samples.reshape(1, -1))  # [n, 2] -> L R L R ...
        frame = av.AudioFrame.from_ndarray(interleaved, format="s16", layout="stereo")
        frame.sample_rate = RATE
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            container.mux(packet)


def _read(path: Path) -> tuple[np.ndarray, int, int]:
    """(int16 samples [n, channels], rate, channels) exactly as stored."""
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        channels = stream.codec_context.channels
        frames = [f.to_ndarray().reshape(-1, channels) for f in container.decode(stream)]
        return np.concatenate(frames), stream.codec_context.sample_rate, channels


def test_a_stereo_44k_source_keeps_its_form_and_every_other_sample(tmp_path: Path) -> None:
    rng = np.random.default_rng(18)
    samples = rng.integers(-12000, 12000, size=(3 * RATE, 2), dtype=np.int16)
    source, target = tmp_path / "two-mics.wav", tmp_path / "redacted.wav"
    _write_stereo(source, samples)
    write_redacted_audio(source, target, [(0.5, 0.75), (2.0, 2.5)])
    out, rate, channels = _read(target)
    assert (rate, channels, out.shape) == (RATE, 2, samples.shape)
    hidden = np.zeros(len(samples), dtype=bool)
    hidden[int(0.5 * RATE):int(np.ceil(0.75 * RATE))] = True
    hidden[2 * RATE:int(2.5 * RATE)] = True
    assert not out[hidden].any()  # both channels, digital silence
    assert np.array_equal(out[~hidden], samples[~hidden])


def test_a_segment_without_word_times_is_silenced_whole() -> None:
    transcript = load_transcript(COMMITTED / "transcript.json")
    segments = list(transcript.segments)
    judge = segments[0]  # "... in the matter of Luis Ramirez ..."
    segments[0] = replace(judge, words=())
    metadata = {"participants": [{"role": "applicant", "name": "Luis Ramirez"}]}
    transcript = replace(transcript, segments=tuple(segments),
                         recording=replace(transcript.recording, metadata=metadata))
    result = redact_transcript(transcript, None, RedactionOptions(margin_s=0.1))
    assert "[NAME 1]" in result.transcript.segments[0].text
    assert result.silence[0] == (round(judge.start - 0.1, 3), round(judge.end + 0.1, 3))
