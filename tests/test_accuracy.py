"""Accuracy on real speech from ../shared/data through `hearingproc eval`, against the
thresholds kept in tests/thresholds.toml (the same command CI users run)."""

from __future__ import annotations

import re

from hearingproc.transcript import Segment

HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
TRADITIONAL_ONLY = set("們個這說會來時對為後們經與書車門問題國學壓區實從")


def test_every_threshold_met(shared_eval):
    code, report = shared_eval
    failed = [c for c in report["checks"] if not c["passed"]]
    assert not failed, failed
    assert code == 0
    assert len(report["checks"]) == 4 and all(c["files"] > 0 for c in report["checks"])


def test_every_single_language_clip_identified(shared_eval, shared_manifest):
    _, report = shared_eval
    for item in report["files"]:
        if item["language"] in {"es", "pt", "fr", "de", "zh"}:
            assert item["languages_detected"] == [item["language"]], item["id"]


def test_mixed_hearing_turns_in_language_and_script(shared_eval, shared_manifest, audio_path, fw_engine):
    """The en/zh mock hearing: each reference turn comes out in its language and script."""
    from hearingproc.audio import load_audio
    from hearingproc.stages.transcribe import transcribe

    entry = shared_manifest["en-zh_constructed_mock_hearing_zh"]
    segments = transcribe(load_audio(audio_path(entry["id"])), fw_engine)
    for turn in entry["reference_segments"]:
        mine = [s for s in segments if _overlap(s, turn) > 0.5 * (s.end - s.start)]
        assert mine, f"turn at {turn['start']} s not transcribed"
        for segment in mine:
            assert segment.language == turn["language"], (turn["start"], segment)
            if turn["language"] == "zh":
                assert HAN.search(segment.text) and not LATIN.search(segment.text), segment.text
                assert not TRADITIONAL_ONLY & set(segment.text), segment.text
            else:
                assert LATIN.search(segment.text) and not HAN.search(segment.text), segment.text


def _overlap(segment: Segment, turn: dict) -> float:
    return max(0.0, min(segment.end, turn["end"]) - max(segment.start, turn["start"]))


def test_report_has_raw_and_normalised_wer_and_cer(shared_eval):
    _, report = shared_eval
    english = report["overall"]["scores"]["en"]
    assert english["wer_raw"] > english["wer_normalised"]  # case/punctuation differ before normalising
    assert report["overall"]["scores"]["zh"]["cer"] is not None
    jfk = next(f for f in report["files"] if f["id"] == "en_whisper_jfk")
    assert jfk["scores"]["en"]["wer_normalised"] == 0.0
