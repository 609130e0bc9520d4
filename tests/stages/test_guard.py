"""The hallucination guard, on decoder outputs shaped like Whisper's failure modes."""

from __future__ import annotations

from hearingproc.models.whisper import Decoded, DecodedWord
from hearingproc.stages.guard import collapse_loops, find_loop, guard


def _piece(text: str, logprob: float = -0.2, no_speech: float = 0.05, ratio: float = 1.2,
           start: float = 0.0) -> Decoded:
    words = []
    t = start
    for token in text.split(" "):
        words.append(DecodedWord(t, t + 0.3, f" {token}", 0.9))
        t += 0.35
    return Decoded(start, t, " " + text, tuple(words), logprob, no_speech, ratio)


def test_find_loop_needs_three_repeats_and_six_tokens():
    assert find_loop("thank you thank you thank you".split()) == (0, 2, 3)
    assert find_loop("no no no".split()) is None  # said three times: speech, not a loop
    assert find_loop("i said that i said that".split()) is None


def test_loop_collapsed_with_words_in_step():
    piece = _piece("I was detained I was detained I was detained I was detained for three days")
    collapsed, changed = collapse_loops(piece)
    assert changed
    assert collapsed.text.split() == "I was detained for three days".split()
    assert [w.text.strip() for w in collapsed.words] == collapsed.text.split()


def test_cjk_loop_without_word_timings():
    piece = Decoded(0, 5, "我很害怕我很害怕我很害怕我很害怕", (), -0.3, 0.1, 3.0)
    collapsed, changed = collapse_loops(piece)
    assert changed and collapsed.text == "我很害怕"


def test_silence_dropped_doubt_flagged_and_repeats_removed():
    pieces = [
        _piece("Thank you for watching", logprob=-1.4, no_speech=0.9),  # silence: dropped
        _piece("The respondent entered in 2019", logprob=-0.3),
        _piece("The respondent entered in 2019", logprob=-0.3, start=3.0),  # cross-segment loop
        _piece("he said something unclear", logprob=-1.3, no_speech=0.2, start=6.0),
        _piece("Objection your honor", logprob=-0.4, no_speech=0.7, start=9.0),
        _piece("la la la la la la", ratio=3.1, start=12.0),
    ]
    kept = guard(pieces, language_probability=0.4)
    texts = [k.decoded.text.strip() for k in kept]
    assert texts == ["The respondent entered in 2019", "he said something unclear",
                     "Objection your honor", "la"]
    flags = {k.decoded.text.strip(): set(k.flags) for k in kept}
    assert "repetition" in flags["The respondent entered in 2019"]
    assert "low_confidence" in flags["he said something unclear"]
    assert "possible_hallucination" in flags["Objection your honor"]
    assert "repetition" in flags["la"]
    assert all("language_uncertain" in f for f in flags.values())
