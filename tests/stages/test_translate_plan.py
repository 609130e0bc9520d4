"""How segments are grouped and cut for translation, how turns are paired and measured, and
the options: pure functions on the sample hearing's own sentences."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from hearingproc.config import load_config
from hearingproc.errors import ConfigError
from hearingproc.models.whisper import Decoded
from hearingproc.stages.interpretation import (
    InterpretationOptions,
    build_turns,
    length_signal,
    pair_turns,
    split_sentences,
)
from hearingproc.stages.translate import (
    TranslateOptions,
    clip_bounds,
    copies_prompt,
    decode_flags,
    mean_logprob,
    plan_groups,
    previous_english,
    share_words,
)
from hearingproc.transcript import Segment, Translation


def seg(i: int, start: float, end: float, text: str, language: str = "es",
        speaker: str = "A", role: str | None = "applicant") -> Segment:
    return Segment(id=i, start=start, end=end, text=text, language=language,
                   language_probability=1.0, speaker=speaker, role=role)


def test_a_turn_is_translated_as_one_and_shared():
    segments = [
        seg(1, 0.0, 2.0, "Why did you leave Honduras?", "en", "J", "judge"),
        seg(2, 3.0, 5.0, "Una pandilla me amenazó"),  # Whisper cut the sentence here
        seg(3, 5.2, 7.0, "porque no quise pagar la extorsión."),
        seg(4, 7.1, 9.0, "Sí, dos veces."),  # the same turn, after a finished sentence
        seg(5, 9.2, 11.0, "pero la policía", speaker="B"),  # another speaker: alone
        seg(6, 11.1, 12.0, "no hizo nada.", "pt", "B"),  # another language: alone
        seg(7, 14.0, 15.0, "Nada.", "pt", "B"),  # 2 s after: a turn of its own
    ]
    assert plan_groups(segments, TranslateOptions()) == [[1, 2, 3], [4], [5], [6]]
    assert plan_groups(segments, TranslateOptions(join_gap_s=0.1)) == [
        [1], [2, 3], [4], [5], [6]]
    assert plan_groups(segments, TranslateOptions(max_join_s=5.0)) == [
        [1, 2], [3], [4], [5], [6]]
    pieces = share_words("A gang threatened me because I refused to pay the extortion.", [2.0, 1.8])
    assert " ".join(pieces) == "A gang threatened me because I refused to pay the extortion."
    assert [len(p.split()) for p in pieces] == [6, 5]
    assert share_words("Yes.", [1.0, 1.0, 1.0]) == ["Yes.", "", ""]


def test_the_previous_english_is_the_prompt_of_a_turn():
    segments = [
        seg(1, 0.0, 2.0, "Why did you leave Honduras?", "en", "C", "respondent_counsel"),
        seg(2, 3.0, 4.5, "¿Por qué salió de Honduras?", "es", "I", "interpreter"),
        seg(3, 5.0, 7.0, "Una pandilla me amenazó.", "es", "A", "applicant"),
    ]
    assert previous_english(segments, 0) is None
    assert previous_english(segments, 1) == "Why did you leave Honduras?"
    assert previous_english(segments, 2) == "Why did you leave Honduras?"
    segments[1] = replace(segments[1], translation=Translation("Why did you leave?", "t"))
    assert previous_english(segments, 2) == "Why did you leave?"
    assert not TranslateOptions().prompt_previous  # Whisper base copies its prompt
    # the sample hearing's answer decoded with the question as prompt: decoded again
    assert copies_prompt(" Why did you leave Honduras? A gang", "Why did you leave Honduras?")
    assert copies_prompt("why did you leave honduras", "Why did you leave Honduras?")
    assert not copies_prompt(" A gang threatened me.", "Why did you leave Honduras?")
    assert not copies_prompt(" Why did you go?", "Why did you leave Honduras?")


def _decoded(text: str, logprob: float, ratio: float = 1.2, temperature: float = 0.0) -> Decoded:
    return Decoded(0.0, 2.0, text, (), logprob, 0.01, ratio, temperature)


def test_degenerate_decodes_are_flagged_with_their_confidence():
    fine = [_decoded(" Why did you leave Honduras?", -0.3)]
    assert decode_flags(fine, False, -1.0) == ()
    assert mean_logprob(fine) == pytest.approx(-0.3)
    assert decode_flags([_decoded(" a pandemic", -1.6)], False, -1.0) == ("low_confidence",)
    assert decode_flags([_decoded(" no no no no no no", -0.2, ratio=3.1)], False, -1.0) == (
        "repetition",)
    assert decode_flags(fine, True, -1.0) == ("repetition",)  # a loop the guard collapsed
    hot = [_decoded(" Why are you crying?", -0.9, temperature=0.4)]
    assert decode_flags(hot, False, -1.0) == ("temperature_fallback",)
    # weighted by text length: the long confident piece outweighs the short doubtful one
    mixed = [_decoded(" " + "x" * 30, -0.2), _decoded(" y" * 5, -2.0)]
    assert -1.0 < mean_logprob(mixed) < -0.2
    with pytest.raises(ConfigError, match="temperatures"):
        TranslateOptions(temperatures=())
    with pytest.raises(ConfigError, match="logprob_threshold"):
        TranslateOptions(logprob_threshold=0.5)


def test_padding_never_reaches_into_a_neighbour():
    segments = [seg(1, 0.1, 2.0, "Hola."), seg(2, 2.1, 4.0, "Sí."), seg(3, 6.0, 9.9, "No.")]
    assert clip_bounds(segments, [0], 0.2, 10.0) == (0.0, pytest.approx(2.05))
    assert clip_bounds(segments, [1], 0.2, 10.0) == (pytest.approx(2.05), pytest.approx(4.2))
    assert clip_bounds(segments, [2], 0.2, 10.0) == (pytest.approx(5.8), 10.0)


def test_turns_pair_answers_and_questions_with_their_renderings():
    es, en = "es", "en"
    segments = [
        seg(1, 0.0, 2.0, "Why did you leave Honduras?", en, "C", "respondent_counsel"),
        seg(2, 3.0, 4.5, "¿Por qué salió de Honduras?", es, "I", "interpreter"),
        seg(3, 5.0, 7.0, "Una pandilla me amenazó", es, "A", "applicant"),
        seg(4, 7.1, 9.0, "porque no quise pagar.", es, "A", "applicant"),
        seg(5, 9.5, 12.0, "A gang threatened me because I refused to pay.", en, "I", "interpreter"),
        seg(6, 12.5, 13.0, "Thank you.", en, "C", "respondent_counsel"),
        seg(7, 30.0, 31.0, "You're welcome.", en, "I", "interpreter"),  # English to English
        seg(8, 32.0, 33.0, "Sí.", es, "A", "applicant"),
        seg(9, 50.0, 51.0, "Yes.", en, "I", "interpreter"),  # too late to be its rendering
    ]
    pairs = pair_turns(segments, max_gap_s=10.0)
    assert [(a.ids, b.ids) for a, b in pairs] == [((1,), (2,)), ((3, 4), (5,))]
    assert len(build_turns(segments)) == 8
    translated = [s if s.language == en else
                  Segment(**{**s.__dict__, "translation": Translation("x", "test")})
                  for s in segments]
    assert build_turns(translated)[2].english() == "x x"
    assert build_turns(segments)[2].english() is None  # untranslated: cannot be compared


def test_length_signal_on_the_calibrated_thresholds():
    options = InterpretationOptions()
    # the sample hearing's "Sí, dos veces, pero la policía no hizo nada." (9 words) rendered
    # "Yes, twice, but the police did nothing." (7): short, but not a dropped sentence
    assert length_signal(9, 7, options)[:2] == (False, False)
    assert length_signal(13, 7, options)[:2] == (True, False)  # a sentence left out
    assert length_signal(13, 20, options)[:2] == (False, True)  # a sentence added
    assert "0.54" in length_signal(13, 7, options)[2]
    assert split_sentences("Yes. I told them that I support the party. No.", 3) == [
        "Yes. I told them that I support the party. No."]
    assert split_sentences("I left in January. I traveled by land for two months.", 3) == [
        "I left in January.", "I traveled by land for two months."]


def test_options_from_the_config_file(tmp_path: Path):
    path = tmp_path / "hearingproc.toml"
    path.write_text('[translate]\nengine = "transformers"\nlanguage_models = {es = "/m/es-en"}\n'
                    '[interpretation]\nomission_ratio = 0.7\n', encoding="utf-8")
    config = load_config(path)
    assert config.translate.language_models == {"es": "/m/es-en"}
    assert config.interpretation.omission_ratio == 0.7
    assert config.public_options()["translate"]["engine"] == "transformers"
    path.write_text('[translate]\nengine = "google"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown translation engine 'google'"):
        load_config(path)
    with pytest.raises(ConfigError, match="omission_ratio < 1 < addition_ratio"):
        InterpretationOptions(omission_ratio=1.2)


def test_checks_and_translations_are_valid_transcript_json():
    import json

    from hearingproc.transcript import (
        InterpretationCheck,
        ModelInfo,
        PipelineInfo,
        Recording,
        Transcript,
        from_dict,
        to_dict,
        validate,
    )

    check = InterpretationCheck((3,), (4,), 0.7574, "review: possible omission",
                                ("rendering is 0.50 of the source's length (7 English words "
                                 "for about 14)",))
    transcript = Transcript(
        recording=Recording(id="a" * 64, source="h.wav", duration=9.0, sample_rate=16_000,
                            source_sample_rate=16_000, channels=1, format="wav"),
        pipeline=PipelineInfo(engines={"translation": "whisper-translate:whisper-base"},
                              models=(ModelInfo("translation", "whisper-base", "/m", None),),
                              options={}, versions={}, created_at="2026-11-27T00:00:00+00:00"),
        segments=(Segment(3, 0.0, 4.0, "Me escapé de mi pueblo en marzo.", "es", 0.9,
                          translation=Translation("I escaped from my town in March.",
                                                  "whisper-translate:whisper-base", -0.4123,
                                                  ("low_confidence",))),),
        interpretation_checks=(check,))
    data = json.loads(json.dumps(to_dict(transcript)))
    validate(data)
    assert from_dict(data).interpretation_checks == (check,)
    assert from_dict(data).segments == transcript.segments  # confidence and flags kept
    del data["segments"][0]["translation"]["avg_logprob"]  # written before confidence existed
    del data["segments"][0]["translation"]["flags"]
    validate(data)
    assert from_dict(data).segments[0].translation == Translation(
        "I escaped from my town in March.", "whisper-translate:whisper-base")
    del data["interpretation_checks"][0]["evidence"]  # written before evidence existed
    validate(data)
    assert from_dict(data).interpretation_checks[0].evidence == ()
