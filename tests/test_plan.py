"""How speech chunks become decoding regions with a language each (pure functions)."""

from __future__ import annotations

from hearingproc.stages.transcribe import (Region, TranscribeOptions, choose_languages,
                                            plan_regions, uncovered_chunks)
from hearingproc.stages.vad import Span
from hearingproc.transcript import Segment, Word

OPTIONS = TranscribeOptions()


def test_same_language_neighbours_merge_other_languages_do_not():
    chunks = [Span(0, 3), Span(3.5, 6), Span(7, 10), Span(10.4, 12), Span(20, 25)]
    langs = [("en", 0.9), ("en", 0.99), ("zh", 0.98), ("en", 0.97), ("en", 0.95)]
    regions = plan_regions(chunks, langs, OPTIONS)
    assert [(r.start, r.end, r.language) for r in regions] == [
        (0, 6, "en"), (7, 10, "zh"), (10.4, 12, "en"), (20, 25, "en")]
    assert regions[0].chunks == (Span(0, 3), Span(3.5, 6))
    assert abs(regions[0].language_probability - (0.9 * 3 + 0.99 * 2.5) / 5.5) < 1e-9


def test_regions_never_exceed_whisper_window():
    chunks = [Span(i * 10.0, i * 10.0 + 9.5) for i in range(5)]
    regions = plan_regions(chunks, [("es", 0.99)] * 5, OPTIONS)
    assert all(r.end - r.start <= OPTIONS.max_region_s for r in regions)
    assert sum(len(r.chunks) for r in regions) == 5


def test_uncertain_chunk_takes_a_language_of_the_recording():
    chunks = [Span(0, 5), Span(6, 7.2), Span(8, 12)]
    probs = [{"en": 0.97, "es": 0.01}, {"la": 0.28, "en": 0.25, "es": 0.2}, {"es": 0.95, "en": 0.02}]
    assert choose_languages(chunks, probs, OPTIONS) == [("en", 0.97), ("en", 0.25), ("es", 0.95)]


def test_confident_new_language_is_kept():
    chunks = [Span(0, 5), Span(6, 9)]
    probs = [{"en": 0.97}, {"pt": 0.91, "es": 0.05}]
    assert [c[0] for c in choose_languages(chunks, probs, OPTIONS)] == ["en", "pt"]


def test_chunks_the_decoder_skipped_are_found():
    region = Region(0, 20, "zh", 0.99, (Span(0, 4), Span(5.5, 12), Span(12.2, 12.4), Span(14, 20)))
    words = (Word(0.5, 1.0, "甚", 0.9), Word(15.0, 15.5, "我", 0.9))
    segment = Segment(1, 0.5, 15.5, "甚我", "zh", 0.99, words)
    assert uncovered_chunks(region, [segment], min_s=0.5) == [Span(5.5, 12)]


def test_uncertain_confusion_follows_the_recording():
    """Whisper base heard the last phrase of a Spanish clip as Portuguese (figures measured
    on es_leopard_test_es); the rest of the recording overrules it, keeping its low
    probability for the flag."""
    chunks = [Span(0.76, 3.21), Span(3.42, 4.97), Span(5.4, 7.82)]
    probs = [{"es": 0.91, "pt": 0.01, "en": 0.02}, {"es": 0.94, "pt": 0.01, "it": 0.02},
             {"pt": 0.58, "es": 0.2, "it": 0.06}]
    assert choose_languages(chunks, probs, OPTIONS)[2] == ("es", 0.2)


def test_lone_uncertain_chunk_prefers_a_court_language():
    """A 4 s Spanish clip identified as Greek 0.38 / Spanish 0.31 (es_cheetah_test_es)."""
    probs = [{"el": 0.375, "es": 0.312, "hi": 0.047}]
    assert choose_languages([Span(0, 4.1)], probs, OPTIONS) == [("es", 0.312)]
    assert choose_languages([Span(0, 4.1)], [{"el": 0.9, "es": 0.05}], OPTIONS)[0][0] == "el"
