"""Speech the decoder skipped is decoded again on its own, in its own language where that is
clear: one voice's speech across a pause may be two people in two languages (diarization
merged an interpreter's Mandarin with a counsel's English), and decoded as one stretch in one
language, the other language's words were lost."""

from __future__ import annotations

import numpy as np
import pytest

from hearingproc.audio import SAMPLE_RATE, Audio, load_audio
from hearingproc.stages.transcribe import (
    Region,
    TranscribeOptions,
    refill_language,
    transcribe,
    uncovered_chunks,
)
from hearingproc.stages.turn_spans import KeyedSpan, plan_turn_spans
from hearingproc.stages.vad import Span
from hearingproc.transcript import Segment, SpeakerTurn, Word

OPTIONS = TranscribeOptions()


def test_one_voice_across_a_pause_keeps_its_pieces():
    """Two speech chunks of one voice that touch are one span to decode, and the span keeps
    the chunks it joins, so a chunk the decoder passes over can be found."""
    turns = [SpeakerTurn(0.5, 3.0, "A"), SpeakerTurn(3.6, 5.5, "A")]
    planned = plan_turn_spans(turns, [Span(0.3, 3.3), Span(3.3, 5.8)])
    assert planned == [KeyedSpan(Span(0.3, 5.8), "A")]
    assert planned[0].pieces == (Span(0.3, 3.3), Span(3.3, 5.8))
    alone = plan_turn_spans(turns[:1], [Span(0.3, 3.3)])
    assert alone[0].pieces == ()


def test_a_piece_without_words_is_uncovered():
    region = Region(0.3, 5.8, "en", 0.12, (Span(0.3, 5.8),))
    words = (Word(0.6, 1.4, " Has", 0.9), Word(1.4, 2.9, " questioned?", 0.9))
    segment = Segment(1, 0.6, 2.9, "Has ... questioned?", "en", 0.12, words)
    assert uncovered_chunks(region, [segment], 0.5) == []  # the span as one chunk: covered
    pieces = (Span(0.3, 3.3), Span(3.3, 5.8))
    assert uncovered_chunks(region, [segment], 0.5, pieces) == [Span(3.3, 5.8)]


def test_a_skipped_piece_is_decoded_in_its_own_clear_language():
    region = Region(0.3, 5.8, "en", 0.12, (Span(0.3, 5.8),))
    assert refill_language(region, ("zh", 0.99), OPTIONS) == ("zh", 0.99)
    assert refill_language(region, ("zh", 0.6), OPTIONS) == ("en", 0.12)  # not clear: kept
    assert refill_language(region, ("en", 0.99), OPTIONS) == ("en", 0.12)
    assert refill_language(region, None, OPTIONS) == ("en", 0.12)


@pytest.mark.models
def test_two_languages_in_one_voice_across_a_pause_are_both_transcribed(fw_engine, audio_path):
    """An English sentence, 0.6 s of silence, then a 1.8 s Mandarin sentence, given as one
    voice's span (its two chunks kept): decoded as one stretch in one language, Whisper
    skips the other language's sentence; the skipped chunk is decoded again alone in its own
    language, so both sentences are in the transcript, each in its language."""
    english = load_audio(audio_path("en_spkanon_eval_3752-4944-0000")).samples
    mandarin = load_audio(
        audio_path("zh_FireRedASR_TEST_NET_Y0000000000_-KTKHdZ2fb8_S00000")).samples
    pause = np.zeros(int(0.6 * SAMPLE_RATE), dtype=np.float32)
    samples = np.concatenate([english, pause, mandarin])
    audio = Audio(samples, "0" * 64, "refill-test", SAMPLE_RATE, 1, "wav")
    cut = (len(english) + len(pause) // 2) / SAMPLE_RATE
    whole = Span(0.0, len(samples) / SAMPLE_RATE)
    pieces = (Span(0.0, cut), Span(cut, whole.end))
    segments = transcribe(audio, fw_engine, TranscribeOptions(), spans=[whole],
                          span_keys=["A"], span_pieces=[pieces])
    languages = {s.language for s in segments}
    assert languages == {"en", "zh"}, [(s.language, s.text) for s in segments]
    chinese = "".join(s.text for s in segments if s.language == "zh")
    assert sum(ch in chinese for ch in "我有的时候说不清楚你们知道吗") >= 10, chinese
    assert "scenery" in " ".join(s.text for s in segments if s.language == "en").lower()
