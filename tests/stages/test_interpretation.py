"""Translation and the interpretation check on real speech: a spoken mock exchange where the
interpreter drops a sentence, the committed sample hearing, and an English-only recording.

Roles are given (from the script or the reference), as the roles stage would set them."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from hearingproc.evaluation.translation import score_translation
from hearingproc.stages.interpretation import (
    CONSISTENT,
    OMISSION,
    InterpretationOptions,
    check_interpretation,
    pair_turns,
)
from hearingproc.stages.translate import TranslateOptions, needs_translation, translate
from hearingproc.transcript import Segment, load_transcript

pytestmark = [pytest.mark.models, pytest.mark.slow]

SAMPLE = Path(__file__).resolve().parents[2] / "sample_audio"
HAVE_TTS = bool(shutil.which("flite") and shutil.which("espeak-ng"))

# one answer, rendered twice: in full, then without its second sentence
ANSWER = "Me escapé de mi pueblo en marzo. Mi hermano fue asesinado por la pandilla."
FULL = "I escaped from my town in March. My brother was murdered by the gang."
SHORT = "I escaped from my town in March."


def _with_reference_roles(segments, references) -> list[Segment]:
    """Each segment gets the speaker and role of the reference turn it overlaps most."""
    out = []
    for seg in segments:
        overlap = [max(0.0, min(seg.end, r["end"]) - max(seg.start, r["start"]))
                   for r in references]
        ref = references[overlap.index(max(overlap))]
        out.append(replace(seg, speaker=ref["speaker"], role=ref["role"]))
    return out


@pytest.mark.skipif(not HAVE_TTS, reason="flite and espeak-ng are installed by scripts/setup.sh")
def test_a_dropped_sentence_is_flagged_and_a_faithful_rendering_is_not(fw_engine):
    from tools.tune_interpretation import process_exchange, synthesize

    audio, spoken = synthesize([("applicant", "es", ANSWER), ("interpreter", "en", FULL),
                                ("applicant", "es", ANSWER), ("interpreter", "en", SHORT)])
    segments, checks = process_exchange(audio, spoken, fw_engine)
    spanish = [s for s in segments if s.language == "es"]
    assert spanish and all(s.translation and s.translation.text.strip() for s in spanish)
    assert all(s.translation is None for s in segments if s.language == "en")
    assert len(checks) == 2, checks
    by_turn = {}
    for check in checks:
        first = next(s for s in segments if s.id == check.source_segments[0])
        by_turn[min(range(len(spoken)), key=lambda i: abs(spoken[i].start - first.start))] = check
    faithful, dropped = by_turn[0], by_turn[2]
    assert faithful.verdict == CONSISTENT, faithful
    assert dropped.verdict == OMISSION, dropped
    assert dropped.evidence  # the reviewer is told why
    rendering = {s.id: s for s in segments}
    assert all(rendering[i].start >= spoken[3].start - 0.5 for i in dropped.rendering_segments)


def test_sample_hearing_non_english_segments_are_translated(sample_output: Path):
    transcript = load_transcript(sample_output / "transcript.json")
    spanish = [s for s in transcript.segments if needs_translation(s)]
    assert len(spanish) >= 6
    for seg in spanish:
        assert seg.translation is not None and seg.translation.text.strip(), seg
        assert seg.translation.engine == "whisper-translate:whisper-base"
    assert all(s.translation is None for s in transcript.segments if s.language == "en")
    assert transcript.pipeline.engines["translation"] == "whisper-translate:whisper-base"
    assert any(m.role == "translation" for m in transcript.pipeline.models)
    assert transcript.pipeline.timings["translate"] > 0
    entry = json.loads((SAMPLE / "manifest.json").read_text(encoding="utf-8"))[0]
    spanish_turns = sum(r["language"] == "es" for r in entry["reference_segments"])
    presence = score_translation(entry, transcript.segments)
    assert presence == {"translated": spanish_turns, "total": spanish_turns,
                        "translation_presence": 1.0}


def test_sample_hearing_pairs_every_interpreted_exchange(sample_output: Path):
    """With the reference roles, each of the six question/answer exchanges is paired with its
    rendering, the Spanish side translated, and every check has a verdict."""
    transcript = load_transcript(sample_output / "transcript.json")
    references = json.loads((SAMPLE / "mock_hearing_es.reference.json").read_text(encoding="utf-8"))
    segments = _with_reference_roles(transcript.segments, references)
    pairs = pair_turns(segments, InterpretationOptions().max_gap_s)
    directions = [(a.role, a.language, b.language) for a, b in pairs]
    assert directions.count(("applicant", "es", "en")) == 3
    assert sum(1 for d in directions if d[1:] == ("en", "es")) == 3
    checks = check_interpretation(segments, InterpretationOptions())
    assert len(checks) == 6
    assert all(c.verdict.startswith(("consistent", "review: ")) for c in checks)


def test_english_only_speech_gets_no_translation_and_no_check(fw_engine, audio_path,
                                                             shared_manifest):
    """Three English voices given judge, applicant and interpreter roles: nothing to
    translate, and no English turn is a rendering of another English turn."""
    from hearingproc.audio import load_audio
    from hearingproc.stages.transcribe import transcribe

    entry = shared_manifest["en_falcon_test"]
    audio = load_audio(audio_path("en_falcon_test"))
    roles = {"spk1": "judge", "spk2": "applicant", "spk3": "interpreter"}
    references = [{**r, "role": roles[r["speaker"]]} for r in entry["reference_segments"]]
    segments = _with_reference_roles(transcribe(audio, fw_engine), references)
    assert {s.language for s in segments} == {"en"}
    assert {s.role for s in segments} == set(roles.values())
    translated = translate(audio, segments, TranslateOptions(), fw_engine)
    assert translated == segments
    assert check_interpretation(translated, InterpretationOptions()) == []
    assert score_translation(entry, translated) is None  # nothing to translate, not scored
