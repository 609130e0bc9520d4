"""Doubtful translations are shown the way doubtful words are: a translation with a low mean
log-probability is shaded, one the engine flagged also carries the flag, and its confidence is
in the line's tooltip; a confident one is not shaded."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

from fastapi.testclient import TestClient

from hearingproc.exports import json_export
from hearingproc.review import ReviewOptions, create_app
from hearingproc.transcript import Translation, load_transcript

NAME = "mock_hearing_es"
ORIGIN = "http://127.0.0.1"


def _line(page: str, segment_id: int) -> str:
    return re.search(rf'<li class="line[^"]*" id="line-{segment_id}".*?</li>', page, re.S)[0]


def test_translation_confidence_is_shaded_like_words(committed_output: Path, tmp_path: Path):
    shutil.copytree(committed_output, tmp_path / "out" / NAME)
    path = tmp_path / "out" / NAME / "transcript.json"
    transcript = load_transcript(path)
    sure, unsure, flagged = [s for s in transcript.segments if s.language != "en"][:3]
    english = {sure.id: Translation("Why did you leave Honduras?", "whisper-translate", -0.21),
               unsure.id: Translation("A gang threatened me.", "whisper-translate", -0.83),
               flagged.id: Translation("a pandemic with many people", "whisper-translate",
                                       -1.62, ("low_confidence",))}
    segments = tuple(replace(s, translation=english[s.id]) if s.id in english else s
                     for s in transcript.segments)
    path.write_text(json_export.render(replace(transcript, segments=segments)), encoding="utf-8")
    with TestClient(create_app(ReviewOptions(tmp_path / "out")), base_url=ORIGIN) as client:
        page = client.get(f"/r/{NAME}").text
    confident = _line(page, sure.id)
    assert re.search(r'<p class="translation" lang="en"[^>]*title="translation confidence: '
                     r'mean log-prob -0.21">Why did you leave Honduras\?</p>', confident)
    assert "translation low confidence" not in confident
    middling = _line(page, unsure.id)
    assert '<p class="translation w-mid"' in middling and "mean log-prob -0.83" in middling
    doubtful = _line(page, flagged.id)
    assert '<p class="translation w-low"' in doubtful and "mean log-prob -1.62" in doubtful
    assert '<span class="flag">translation low confidence</span>' in doubtful
