"""Packing same-language stretches into one Whisper window (stages/packing.py): the plan, the
split of decoded words back to their stretches, and on real speech that four turns of four
voices take fewer windows packed than alone, each with its own words, as good as alone."""

from __future__ import annotations

import jiwer
import numpy as np
import pytest

from hearingproc.audio import SAMPLE_RATE, Audio, load_audio
from hearingproc.evaluation.text import whisper_normaliser
from hearingproc.models.whisper import Decoded, DecodedWord
from hearingproc.stages.packing import Pack, packed_clip, plan_packs, unpack
from hearingproc.stages.transcribe import TranscribeOptions, transcribe
from hearingproc.stages.vad import Span


def test_packs_hold_one_key_each_and_never_exceed_the_window():
    lengths = [3.0, 4.0, 10.0, 2.0, 8.0, 29.0, 1.0]
    keys = ["en", "es", "en", "es", "en", "en", "en"]
    packs = plan_packs(lengths, keys, window_s=24.0, gap_s=1.0)
    assert sorted(i for p in packs for i in p.members) == list(range(len(lengths)))
    for pack in packs:
        assert len({keys[i] for i in pack.members}) == 1
        if len(pack.members) > 1:
            assert pack.offsets[-1] + pack.lengths[-1] <= 24.0
    assert [p.members for p in packs] == [(0, 2, 4), (1, 3), (5,), (6,)]
    assert packs[0].offsets == (0.0, 4.0, 15.0)


def test_no_window_means_every_clip_alone():
    packs = plan_packs([1.0, 1.0, 1.0], ["en"] * 3, window_s=0.0, gap_s=1.0)
    assert [p.members for p in packs] == [(0,), (1,), (2,)]


def test_packed_clip_puts_silence_between_clips():
    clips = [np.ones(SAMPLE_RATE, dtype=np.float32), np.full(SAMPLE_RATE // 2, 2.0, np.float32)]
    pack = plan_packs([1.0, 0.5], ["en", "en"], 24.0, 0.5)[0]
    joined = packed_clip(pack, clips, SAMPLE_RATE)
    assert len(joined) == SAMPLE_RATE * 2
    assert not joined[SAMPLE_RATE:SAMPLE_RATE * 3 // 2].any()
    assert (joined[SAMPLE_RATE * 3 // 2:] == 2.0).all()


def test_a_piece_across_the_gap_is_cut_between_its_clips():
    pack = Pack(members=(4, 9), offsets=(0.0, 3.0), lengths=(2.0, 2.5), gap_s=1.0)
    words = (DecodedWord(0.1, 0.6, " Yes,", 0.9), DecodedWord(0.7, 1.9, " twice.", 0.8),
             DecodedWord(2.3, 3.4, " No", 0.7), DecodedWord(3.5, 4.0, " more.", 0.6))
    piece = Decoded(0.1, 4.0, " Yes, twice. No more.", words, -0.3, 0.01, 1.2)
    first, second = unpack(pack, [piece])
    assert [p.text for p in first] == [" Yes, twice."]
    assert [p.text for p in second] == [" No more."]
    # times are the member clip's own, clamped into it
    assert second[0].start == 0.0 and second[0].words[1].end == pytest.approx(1.0)
    assert first[0].avg_logprob == second[0].avg_logprob == -0.3


CLIPS = ("en_spkanon_eval_3752-4944-0000", "en_spkanon_eval_1988-24833-0000",
         "en_cuttledoc_fleurs-en-004", "en_leopard_test")


NORMALISE = whisper_normaliser("en")


def _words(text: str) -> set[str]:
    return set(NORMALISE(text).split())


def _wer(reference: str, hypothesis: str) -> float:
    return jiwer.wer(NORMALISE(reference), NORMALISE(hypothesis) or "-")


class _Counting:
    """The engine, counting the clips (Whisper windows) given to ``decode_many``."""

    def __init__(self, engine):
        self._engine, self.windows = engine, 0

    def __getattr__(self, name):
        return getattr(self._engine, name)

    def decode_many(self, clips, options, batch_size=8, encoded=None):
        self.windows += len(clips)
        return self._engine.decode_many(clips, options, batch_size, encoded)


@pytest.mark.models
def test_packed_turns_each_get_their_own_words(fw_engine, audio_path, shared_manifest):
    """Four turns of four voices, 1.5 s apart: packed, they take two windows (one pack, and the
    refill of the turn Whisper skips inside the pack: the FLEURS clip), not four, and each
    turn's text is as good as when it is decoded alone."""
    pause = np.zeros(int(1.5 * SAMPLE_RATE), dtype=np.float32)
    parts, spans, at = [], [], 0.0
    for rid in CLIPS:
        samples = load_audio(audio_path(rid)).samples
        spans.append(Span(at, at + len(samples) / SAMPLE_RATE))
        parts += [samples, pause]
        at = spans[-1].end + 1.5
    audio = Audio(np.concatenate(parts), "0" * 64, "packed-test", SAMPLE_RATE, 1, "wav")
    references = [shared_manifest[rid]["reference_text"] for rid in CLIPS]

    def by_turn(options: TranscribeOptions) -> tuple[list[str], int]:
        engine = _Counting(fw_engine)
        segments = transcribe(audio, engine, options, spans=spans, span_keys=list(CLIPS))
        texts = [" ".join(s.text for s in segments if span.start <= (s.start + s.end) / 2
                          < span.end) for span in spans]
        return texts, engine.windows

    packed, windows = by_turn(TranscribeOptions(language="en", pack_window_s=24.0))
    alone, alone_windows = by_turn(TranscribeOptions(language="en", pack_window_s=0.0))
    assert alone_windows == len(CLIPS)
    assert windows < alone_windows
    for k, text in enumerate(packed):
        assert _wer(references[k], text) <= _wer(references[k], alone[k]) + 0.1, (CLIPS[k], text)
        others = set().union(*(_words(references[j]) for j in range(len(CLIPS)) if j != k))
        leaked = (_words(text) - _words(references[k])) & others  # a neighbour's words
        assert not leaked, (CLIPS[k], leaked)
