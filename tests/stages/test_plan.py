"""How speech chunks become decoding regions with a language each (pure functions)."""

from __future__ import annotations

from hearingproc.stages.transcribe import (
    Region,
    TranscribeOptions,
    choose_languages,
    padded_regions,
    plan_regions,
    uncovered_chunks,
)
from hearingproc.stages.vad import Span
from hearingproc.transcript import Segment, Word

OPTIONS = TranscribeOptions()
MERGING = TranscribeOptions(merge_min_chunk_s=0.0)
# es_leopard_test_es: its speech chunks and their identification, measured there (the last
# phrase heard as Portuguese)
LEOPARD_CHUNKS = [Span(0.56, 3.31), Span(3.31, 5.17), Span(5.2, 8.02)]
LEOPARD_PROBS = [{"es": 0.925, "en": 0.024, "pt": 0.005, "it": 0.005},
                 {"es": 0.603, "it": 0.345, "en": 0.014, "pt": 0.01},
                 {"pt": 0.766, "es": 0.103, "it": 0.052, "en": 0.01}]


def test_same_language_neighbours_merge_other_languages_do_not():
    chunks = [Span(0, 3), Span(3.5, 6), Span(7, 10), Span(10.4, 12), Span(20, 25)]
    langs = [("en", 0.9), ("en", 0.99), ("zh", 0.98), ("en", 0.97), ("en", 0.95)]
    regions = plan_regions(chunks, langs, MERGING)
    assert [(r.start, r.end, r.language) for r in regions] == [
        (0, 6, "en"), (7, 10, "zh"), (10.4, 12, "en"), (20, 25, "en")]
    assert regions[0].chunks == (Span(0, 3), Span(3.5, 6))
    assert abs(regions[0].language_probability - (0.9 * 3 + 0.99 * 2.5) / 5.5) < 1e-9


def test_regions_never_exceed_whisper_window():
    chunks = [Span(i * 10.0, i * 10.0 + 9.5) for i in range(5)]
    regions = plan_regions(chunks, [("es", 0.99)] * 5, MERGING)
    assert all(r.end - r.start <= MERGING.max_region_s for r in regions)
    assert sum(len(r.chunks) for r in regions) == 5


def test_regions_are_padded_into_the_pauses_only():
    regions = [Region(0.03, 5.0, "zh", 0.9), Region(5.1, 8.0, "en", 0.9),
               Region(9.0, 12.0, "en", 0.9), Region(11.5, 14.0, "zh", 0.9),
               Region(14.9, 15.9, "en", 0.9)]
    padded = padded_regions(regions, duration=16.0, pad_s=0.2)
    assert [(round(r.start, 6), round(r.end, 6)) for r in padded] == [
        (0.0, 5.05),  # the recording's start; half the 0.1 s pause to the next
        (5.05, 8.2),  # half the pause before, the full pad after
        (8.8, 12.0),  # no pad where another region overlaps it
        (11.5, 14.2),
        (14.7, 16.0)]  # the recording's end
    assert [r.chunks for r in padded] == [r.chunks for r in regions]
    assert padded_regions(regions[::-1], 16.0, 0.2) == padded[::-1]  # order kept, not assumed
    assert padded_regions(regions, 16.0, 0.0) == regions


def test_uncertain_chunk_takes_a_language_of_the_recording():
    chunks = [Span(0, 5), Span(6, 7.2), Span(8, 12)]
    probs = [{"en": 0.97, "es": 0.01}, {"la": 0.28, "en": 0.25, "es": 0.2},
             {"es": 0.95, "en": 0.02}]
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


def test_uncertain_confusion_settled_by_decoding():
    """Whisper base heard the last phrase of a Spanish clip as Portuguese (identification
    and decode log-probs measured on es_leopard_test_es); decoding settles it for Spanish,
    keeping the chunk's own low probability for the flag."""
    chunks, probs = LEOPARD_CHUNKS, LEOPARD_PROBS
    asked = []

    def verify(index, languages):
        asked.append((index, list(languages)))
        return {"pt": -0.667, "es": -0.47, "it": -0.905, "en": -1.5}

    assert choose_languages(chunks, probs, OPTIONS) [2][0] == "pt"  # without decoding
    chosen = choose_languages(chunks, probs, OPTIONS, verify)
    assert [c[0] for c in chosen] == ["es", "es", "es"]
    assert chosen[2] == ("es", 0.103)
    assert [i for i, _ in asked] == [2] and asked[0][1][:2] == ["pt", "es"]


def test_lone_uncertain_chunk_settled_by_decoding():
    """A 3.3 s Spanish clip identified as Hindi 0.26 / Greek 0.24 / Spanish 0.09
    (es_cheetah_test_es, decode log-probs measured there)."""
    probs = [{"hi": 0.263, "el": 0.242, "es": 0.09, "pt": 0.05}]
    fit = {"hi": -1.016, "el": -0.911, "es": -0.743, "pt": -0.806}
    assert choose_languages([Span(0.37, 3.67)], probs, OPTIONS, lambda i, c: fit) == [("es", 0.09)]


def test_confident_chunk_is_not_decoded_again():
    def verify(index, languages):
        raise AssertionError("a confident chunk needs no verification")

    probs = [{"en": 0.97, "es": 0.01}, {"zh": 0.99, "en": 0.005}, {"en": 0.95, "zh": 0.01}]
    chunks = [Span(0, 5), Span(6, 9), Span(10, 14)]
    assert [c[0] for c in choose_languages(chunks, probs, OPTIONS, verify)] == ["en", "zh", "en"]


def test_stretched_last_word_does_not_hide_a_skipped_answer():
    """The judge's last word runs into the padded chunk of a short "I do." that the decoder
    skipped: the chunk still counts as uncovered."""
    region = Region(8.0, 16.6, "en", 0.99, (Span(7.7, 14.9), Span(15.1, 16.6)))
    words = (Word(13.9, 14.4, " Spanish", 0.9), Word(14.4, 15.3, " English?", 0.8))
    segment = Segment(1, 8.1, 15.3, "... to English?", "en", 0.99, words)
    assert uncovered_chunks(region, [segment], min_s=0.5) == [Span(15.1, 16.6)]


def test_short_answers_are_decoded_alone():
    """ "I do." between the judge's oath and counsel's appearance is never merged into a
    longer stretch, where Whisper tends to drop it."""
    chunks = [Span(7.7, 14.9), Span(15.1, 16.5), Span(16.6, 23.3), Span(23.3, 25.9)]
    regions = plan_regions(chunks, [("en", 0.99)] * 4, OPTIONS)
    assert [r.chunks for r in regions] == [(chunks[0],), (chunks[1],), (chunks[2], chunks[3])]


def test_near_tie_keeps_the_context_language():
    """es_leopard_test_es on another CPU's kernels: the Portuguese decode of the last phrase
    scored close to the Spanish one (the posterior leaning to Portuguese). A near-tie is
    numeric noise; the chunk keeps
    the language the rest of the recording speaks."""
    chunks, probs = LEOPARD_CHUNKS, LEOPARD_PROBS
    near_tie = {"pt": -0.60, "es": -0.50, "it": -0.905, "en": -1.5}
    assert choose_languages(chunks, probs, OPTIONS, lambda i, c: near_tie)[2][0] == "es"
    # without the margin the same figures switch it
    no_margin = TranscribeOptions(switch_margin=0.0)
    assert choose_languages(chunks, probs, no_margin, lambda i, c: near_tie)[2][0] == "pt"
    # a clear win is a real switch
    clear = {"pt": -0.35, "es": -0.9, "it": -0.905, "en": -1.5}
    assert choose_languages(chunks, probs, OPTIONS, lambda i, c: clear)[2][0] == "pt"


def test_a_voice_keeps_its_language_in_a_recording_of_another():
    """An applicant's uncertain Spanish answer in an English-dominated hearing: the speaker's
    own other turns (Spanish) make Spanish the context, so a near-tie with Portuguese stays
    Spanish, and Spanish is decoded even when identification did not rank it."""
    chunks = [Span(0, 10), Span(11, 14), Span(15, 25), Span(26, 28), Span(29, 31)]
    keys = ["judge", "applicant", "judge", "applicant", "applicant"]
    probs = [{"en": 0.98, "es": 0.01, "pt": 0.005, "it": 0.005},
             {"es": 0.95, "pt": 0.03, "en": 0.01, "it": 0.01},
             {"en": 0.97, "es": 0.01, "pt": 0.01, "it": 0.01},
             {"pt": 0.55, "it": 0.3, "en": 0.1, "es": 0.05},
             {"es": 0.9, "pt": 0.05, "en": 0.03, "it": 0.02}]
    asked = []

    def verify(index, languages):
        asked.append((index, list(languages)))
        return {"pt": -0.58, "es": -0.50, "it": -0.9, "en": -1.4}

    chosen = choose_languages(chunks, probs, OPTIONS, verify, keys)
    assert [c[0] for c in chosen] == ["en", "es", "en", "es", "es"]
    assert [i for i, _ in asked] == [3] and "es" in asked[0][1]
    # without speakers the recording's English is the context, and Portuguese wins outright
    assert choose_languages(chunks, probs, OPTIONS, verify)[3][0] == "pt"
