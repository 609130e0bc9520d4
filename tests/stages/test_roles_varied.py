"""Roles on hearings drawn by sample_audio/make_varied_hearings.py (development seeds; the
evaluation seed is kept for the CLI figures), as exact transcripts (turns, voices, languages,
translations; times proportional to the text): worded differently from the committed sample,
without counsel introductions, and with the applicant's voice split by diarization."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest

from hearingproc.stages.roles import assign_roles
from hearingproc.transcript import Segment, Speaker, Translation

GENERATOR = Path(__file__).resolve().parents[2] / "sample_audio" / "make_varied_hearings.py"
DEV_SEEDS = range(1, 6)


@pytest.fixture(scope="module")
def generator():
    spec = importlib.util.spec_from_file_location("make_varied_hearings", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_varied_hearings"] = module
    spec.loader.exec_module(module)
    return module


def _transcript(hearing, *, introductions: bool, split: bool) -> tuple[list[Segment], list[str]]:
    counsel_names = [p["name"] for p in hearing.participants if p["role"].endswith("counsel")]
    lines = [line for line in hearing.script if introductions or not (
        line.speaker.role.endswith("counsel") and any(n in line.text for n in counsel_names))]
    answers = [i for i, line in enumerate(lines) if line.speaker.role == "applicant"]
    segments, start = [], 1.0
    for i, line in enumerate(lines):
        length = max(0.8, len(line.text) * (0.25 if line.language == "zh" else 0.065))
        voice = line.speaker.label + ("_B" if split and i in answers[len(answers) // 2:] else "")
        translation = None
        if line.language != "en":  # the interpretation gives its English
            source = lines[i - 1] if line.speaker.role == "interpreter" else lines[i + 1]
            translation = Translation(source.text, "reference")
        segments.append(Segment(i + 1, start, start + length, line.text, line.language, 0.9,
                                speaker=voice, translation=translation))
        start += length + 0.6
    return segments, [line.speaker.role for line in lines]


@pytest.mark.parametrize(("introductions", "split"), [(True, False), (False, False),
                                                      (False, True)])
def test_varied_hearings_roles(generator, introductions, split):
    right = total = 0.0
    for seed in DEV_SEEDS:
        rng = random.Random(seed)
        for index in range(4):
            hearing = generator.draw_hearing(rng, index, ("es", "zh")[index % 2], "dev")
            segments, roles = _transcript(hearing, introductions=introductions, split=split)
            talk: dict[str, float] = {}
            for s in segments:
                talk[s.speaker or ""] = talk.get(s.speaker or "", 0.0) + s.end - s.start
            result = assign_roles(segments, [Speaker(w, talk_time=t) for w, t in talk.items()])
            for segment, role in zip(result.segments, roles, strict=True):
                total += segment.end - segment.start
                right += (segment.end - segment.start) * (segment.role == role)
    assert right / total >= 0.98


@pytest.mark.parametrize("language", ["es", "zh"])
def test_generated_sidecar_is_one_the_pipeline_accepts(generator, language: str):
    """Each generated hearing's AUDIO.meta.json names the five participants (the interpreter
    by role) and the hearing's languages, and passes the sidecar's own validation."""
    from hearingproc.sidecar import parse_metadata

    hearing = generator.draw_hearing(random.Random(3), 0, language, "t")
    meta = parse_metadata(generator.sidecar(hearing), Path("t.wav.meta.json"))
    assert meta.expected_language == language and meta.court_language == "en"
    assert sorted(p.role for p in meta.participants) == sorted(
        ["judge", "dhs_counsel", "respondent_counsel", "applicant", "interpreter"])
    assert all(p.name for p in meta.participants if p.role != "interpreter")
