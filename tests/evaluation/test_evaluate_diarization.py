"""Diarization scores of `hearingproc eval`: DER (pyannote.metrics) with its components pooled
over files, cpWER, thresholds on them and the report's "Diarization" table, on hand-built
turns and segments with known answers."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import numpy as np
import pytest

from hearingproc.audio import SAMPLE_RATE, Audio
from hearingproc.config import PipelineConfig
from hearingproc.evaluation import runner as evaluate
from hearingproc.evaluation.runner import aggregate, check_thresholds, render_markdown, summary_line
from hearingproc.evaluation.speakers import (
    UNKNOWN_SPEAKER,
    cp_counts,
    der_components,
    read_rttm,
    score_cpwer,
    score_diarization,
)
from hearingproc.evaluation.text import word_counts
from hearingproc.transcript import (
    PipelineInfo,
    Recording,
    Segment,
    SpeakerTurn,
    Transcript,
    load_transcript,
)

A, B = SpeakerTurn(0.0, 10.0, "alice"), SpeakerTurn(10.0, 20.0, "bob")


def turns(*spans: tuple[float, float, str]) -> tuple[SpeakerTurn, ...]:
    return tuple(SpeakerTurn(*span) for span in spans)


def segment(i: int, start: float, end: float, text: str, speaker: str | None,
            language: str = "en") -> Segment:
    return Segment(i, start, end, text, language, 1.0, speaker=speaker)


def file_item(file_id: str, diarization: dict | None = None, cpwer: dict | None = None) -> dict:
    """A report's per-file entry with only what aggregate() and the report read."""
    return {"id": file_id, "language": "en", "duration": 20.0, "seconds": 1.0, "rtf": 0.05,
            "counts": {}, "scores": {}, "lid": {"correct": 0, "total": 0, "accuracy": None},
            "flags": [], "diarization": diarization, "cpwer": cpwer}


# --- DER --------------------------------------------------------------------------------

def test_swapped_labels_cost_nothing():
    result = score_diarization((A, B), turns((0, 10, "SPEAKER_01"), (10, 20, "SPEAKER_00")), 20.0)
    assert result["der"] == 0.0 and result["der_collar0"] == 0.0
    assert result["reference_speakers"] == 2 and result["hypothesis_speakers"] == 2
    assert result["components"]["der_collar0"] == {
        "collar": 0.0, "total": 20.0, "missed": 0.0, "false_alarm": 0.0, "confusion": 0.0}


def test_missed_turn_is_its_share_of_reference_speech():
    result = score_diarization((A, B), turns((0, 10, "x")), 20.0)
    assert result["der_collar0"] == pytest.approx(0.5)
    assert result["components"]["der_collar0"]["missed"] == pytest.approx(10.0)
    assert result["hypothesis_speakers"] == 1


def test_confusion_and_false_alarm():
    # x covers alice and 5 s of bob; y the rest of bob and 5 s where nobody speaks
    result = score_diarization((A, B), turns((0, 15, "x"), (15, 25, "y")), 25.0)
    parts = result["components"]["der_collar0"]
    assert (parts["total"], parts["missed"], parts["false_alarm"], parts["confusion"]) == (
        pytest.approx(20.0), 0.0, pytest.approx(5.0), pytest.approx(5.0))
    assert result["der_collar0"] == pytest.approx(0.5)


def test_overlapped_speech_is_scored():
    reference = turns((0, 10, "alice"), (5, 10, "bob"))
    parts = der_components(reference, turns((0, 10, "x")), collar=0.0)
    assert parts["total"] == pytest.approx(15.0)  # both voices in the overlap count
    assert parts["missed"] == pytest.approx(5.0)


def test_same_speaker_overlapping_turns_count_once():
    parts = der_components((A,), turns((0, 6, "x"), (4, 10, "x")), collar=0.0)
    assert parts["false_alarm"] == 0.0 and parts["missed"] == 0.0


def test_collar_forgives_boundary_errors():
    hypothesis = turns((0, 9.9, "x"))  # ends 0.1 s early
    result = score_diarization((A,), hypothesis, 10.0)
    assert result["der_collar0"] == pytest.approx(0.01)
    assert result["der"] == 0.0  # 0.25 s collar: 0.125 s each side of the boundary at 10 s
    assert result["components"]["der"]["total"] == pytest.approx(9.75)  # 0.125 s at 0 and 10


def test_no_hypothesis_is_all_missed():
    result = score_diarization((A, B), (), 20.0)
    assert result["der"] == 1.0 and result["hypothesis_speakers"] == 0


def test_der_pools_seconds_not_rates():
    short = score_diarization((SpeakerTurn(0, 10, "a"),), (), 10.0)  # DER 1.0 over 10 s
    long = score_diarization((SpeakerTurn(0, 30, "a"),), turns((0, 30, "b")), 30.0)  # 0.0 over 30 s
    overall = aggregate([file_item("short", short), file_item("long", long), file_item("no-rttm")])
    pooled = overall["diarization"]
    assert pooled["der_collar0"] == pytest.approx(10 / 40)  # not the mean of the rates, 0.5
    assert pooled["components"]["der_collar0"]["total"] == pytest.approx(40.0)
    assert pooled["files"] == 2 and pooled["speaker_count_exact"] == 1
    assert aggregate([file_item("no-rttm")])["diarization"] is None


def test_read_rttm_merges_every_uri(tmp_path: Path):
    rttm = tmp_path / "ref.rttm"
    rttm.write_text("SPEAKER left 1 2.5 1.0 <NA> <NA> B <NA> <NA>\n"
                    "SPEAKER right 1 0.300 2.100 <NA> <NA> MÉO069 <NA> <NA>\n", encoding="utf-8")
    assert read_rttm(rttm) == (SpeakerTurn(0.3, 2.4, "MÉO069"), SpeakerTurn(2.5, 3.5, "B"))


def test_read_rttm_says_what_is_wrong(tmp_path: Path):
    rttm = tmp_path / "bad.rttm"
    rttm.write_text("SPEAKER x 1 abc\n", encoding="utf-8")
    with pytest.raises(evaluate.EvaluationError, match="bad.rttm:1"):
        read_rttm(rttm)


# --- cpWER ------------------------------------------------------------------------------

REFERENCE = [("alice", "en", "Good morning, your honor."), ("bob", "en", "Good morning."),
             ("alice", "en", "We are ready to proceed.")]


def test_permuted_labels_give_plain_wer():
    hypothesis = [("SPEAKER_01", "en", "Good morning, your owner."),
                  ("SPEAKER_00", "en", "Good morning."),
                  ("SPEAKER_01", "en", "We are ready to proceed.")]
    counts = cp_counts(REFERENCE, hypothesis)
    plain = word_counts(" ".join(t for _, _, t in REFERENCE),
                        " ".join(t for _, _, t in hypothesis), "en")
    assert counts["errors"] == plain["errors"] == 1
    assert counts["ref_words"] == plain["ref_words"] == 11
    assert counts["mapping"] == {"alice": "SPEAKER_01", "bob": "SPEAKER_00"}


def test_words_given_to_the_wrong_speaker_are_errors():
    hypothesis = [("s1", "en", "Good morning, your honor. Good morning."),
                  ("s1", "en", "We are ready to proceed.")]
    counts = cp_counts(REFERENCE, hypothesis)
    # s1 pairs with alice (2 insertions), bob's 2 words are deleted
    assert counts["errors"] == 4 and counts["mapping"] == {"alice": "s1", "bob": None}


def test_unmatched_extra_speaker_counts_as_insertions():
    hypothesis = [("s1", "en", "Good morning, your honor."), ("s2", "en", "Good morning."),
                  ("s1", "en", "We are ready to proceed."), ("s3", "en", "Thank you, judge.")]
    counts = cp_counts(REFERENCE, hypothesis)
    assert counts["errors"] == 3 and counts["hyp_words"] == 14
    assert counts["mapping"] == {"alice": "s1", "bob": "s2"}


def test_segments_without_speaker_are_one_unknown_speaker():
    entry = {"id": "x", "language": "en", "reference_segments": [
        {"start": s, "end": s + 1, "speaker": who, "text": text}
        for s, (who, _, text) in enumerate(REFERENCE)]}
    segments = [segment(1, 0, 1, "Good morning, your honor.", "SPEAKER_00"),
                segment(2, 1, 2, "Good morning.", None),
                segment(3, 2, 3, "We are ready to proceed.", "SPEAKER_00")]
    result = score_cpwer(entry, segments)
    assert result["mapping"] == {"alice": "SPEAKER_00", "bob": UNKNOWN_SPEAKER}
    assert result["errors"] == 0
    # unlabelled segments of two speakers are one speaker: "good morning we are ready to
    # proceed" pairs best with alice (2 deletions), bob with SPEAKER_00 (2 insertions)
    segments = [segments[0], segments[1], segment(3, 2, 3, "We are ready to proceed.", None)]
    result = score_cpwer(entry, segments)
    assert result["mapping"] == {"alice": UNKNOWN_SPEAKER, "bob": "SPEAKER_00"}
    assert result["errors"] == 4 and result["cpwer"] == pytest.approx(4 / 11)


def test_mixed_language_entry_scores_chinese_by_character():
    entry = {"id": "x", "language": "en+zh", "reference_segments": [
        {"start": 0, "end": 2, "speaker": "judge", "language": "en", "text": "Please sit down."},
        {"start": 3, "end": 5, "speaker": "applicant", "language": "zh", "text": "我想问一下。"}]}
    segments = [segment(1, 0, 2, "please sit down", "A"),
                segment(2, 3, 5, "我想问一个", "B", language="zh")]
    result = score_cpwer(entry, segments)
    assert (result["errors"], result["ref_words"]) == (1, 8)  # 3 words + 5 characters


def test_references_without_speaker_words_have_no_cpwer():
    timed = {"id": "x", "language": "en",
             "reference_segments": [{"start": 0, "end": 1, "speaker": "a"}]}
    assert score_cpwer(timed, []) is None
    assert score_cpwer({"id": "y", "language": "en", "reference_segments": None}, []) is None


def test_untimed_reference_keeps_listing_order():
    entry = {"id": "x", "language": "en", "reference_segments": [
        {"channel": 0, "speaker": "left", "text": "hello there"},
        {"channel": 1, "speaker": "right", "text": "general"}]}
    result = score_cpwer(entry, [segment(1, 0, 1, "hello there", "a"),
                                 segment(2, 0, 1, "general", "b")])
    assert result["errors"] == 0 and result["ref_words"] == 3


def test_cpwer_pools_counts():
    one = {"errors": 1, "ref_words": 10, "hyp_words": 10, "mapping": {}, "cpwer": 0.1}
    two = {"errors": 9, "ref_words": 30, "hyp_words": 25, "mapping": {}, "cpwer": 0.3}
    pooled = aggregate([file_item("a", cpwer=one), file_item("b", cpwer=two)])["cpwer"]
    assert pooled == {"files": 2, "errors": 10, "ref_words": 40, "hyp_words": 35, "cpwer": 0.25}


# --- thresholds and report ---------------------------------------------------------------

def report_of(files: list[dict]) -> dict:
    return {"manifest": "m.json", "config": {"engine": "faster-whisper", "model": "whisper-base"},
            "files": files, "overall": aggregate(files)}


def test_der_threshold_fails_and_passes():
    good = score_diarization((A, B), turns((0, 10, "x"), (10, 20, "y")), 20.0)
    bad = score_diarization((A, B), turns((0, 20, "x")), 20.0)  # bob confused with alice: 0.5
    report = report_of([file_item("good", good), file_item("bad", bad)])
    checks = [{"name": "both", "metric": "der", "max": 0.2, "ids": ["good", "bad"]},
              {"name": "good only", "metric": "der", "max": 0.2, "ids": ["good"]},
              {"name": "no rttm", "metric": "der_collar0", "max": 0.2, "ids": ["plain"]},
              {"name": "cp", "metric": "cpwer", "max": 0.5, "ids": ["good"]}]
    report["files"].append(file_item("plain"))
    failures = check_thresholds(report, checks)
    assert [c["passed"] for c in report["checks"]] == [False, True, False, False]
    assert report["checks"][0]["value"] == pytest.approx(10 / 40)  # pooled seconds, not 0.5 / 2
    assert failures[0].startswith("both: der = 0.2500, required <= 0.2 over 2 file(s)")
    assert "no data" in failures[1] and "no data" in failures[2]


def test_report_has_diarization_table_and_summary():
    d = score_diarization((A, B), turns((0, 15, "x"), (15, 25, "y")), 25.0)
    cp = {"errors": 1, "ref_words": 4, "hyp_words": 4, "mapping": {}, "cpwer": 0.25}
    report = report_of([file_item("call", d, cp), file_item("clip")])
    text = render_markdown(report)
    assert "## Diarization" in text
    table = text.split("## Diarization")[1]
    row = next(line for line in table.splitlines() if line.startswith("| call |"))
    collar = d["components"]["der"]
    assert row == (f"| call | 0.500 | {d['der']:.3f} | 0.000 | "
                   f"{collar['false_alarm'] / collar['total']:.3f} | "
                   f"{collar['confusion'] / collar['total']:.3f} | {collar['total']:.1f} | 2/2 |"
                   f" 0.250 |")
    assert "| **overall** | 0.500 |" in text and "1/1 exact" in text
    assert "| clip |" not in table
    assert f"DER {d['der']:.3f}" in summary_line(report) and "cpWER 0.250" in summary_line(report)


def test_report_without_speaker_references_has_no_table():
    report = report_of([file_item("clip")])
    assert "Diarization" not in render_markdown(report) and "DER" not in summary_line(report)


# --- a manifest through evaluate_manifest, with the pipeline stubbed ----------------------

def test_manifest_entry_scored_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "refs").mkdir()
    (tmp_path / "refs" / "call.rttm").write_text(
        "SPEAKER call 1 0.000 10.000 <NA> <NA> alice <NA> <NA>\n"
        "SPEAKER call 1 10.000 10.000 <NA> <NA> bob <NA> <NA>\n", encoding="utf-8")
    entry = {"id": "call", "audio": "call.wav", "language": "en",
             "reference_rttm": "refs/call.rttm", "reference_text": "Good morning. Hello.",
             "reference_segments": [
                 {"start": 0, "end": 10, "speaker": "alice", "text": "Good morning."},
                 {"start": 10, "end": 20, "speaker": "bob", "text": "Hello."}]}
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps([entry]), encoding="utf-8")
    audio = Audio(np.zeros(20 * SAMPLE_RATE, np.float32), "0" * 64, "call.wav", SAMPLE_RATE, 1,
                  "wav")
    transcript = Transcript(
        Recording("0" * 64, "call.wav", 20.0, SAMPLE_RATE, SAMPLE_RATE, 1, "wav"),
        PipelineInfo({}, (), {}, {}, "2025-01-01T00:00:00Z"),
        segments=(segment(1, 0.5, 2, "Good morning.", "SPEAKER_01"),
                  segment(2, 10.5, 11, "Hello.", "SPEAKER_00")),
        turns=turns((0, 10, "SPEAKER_01"), (10, 18, "SPEAKER_00")))
    monkeypatch.setattr(evaluate, "load_audio", lambda path: audio)
    monkeypatch.setitem(sys.modules, "hearingproc.pipeline.memory",
                        types.SimpleNamespace(
                            process_audio=lambda audio, config, metadata: transcript))
    report = evaluate.evaluate_manifest(manifest, PipelineConfig(),
                                        hypotheses_dir=tmp_path / "out" / "hypotheses")
    (item,) = report["files"]
    kept = load_transcript(tmp_path / "out" / "hypotheses" / "call.json")  # the hypothesis
    assert [(s.text, s.speaker) for s in kept.segments] == [
        ("Good morning.", "SPEAKER_01"), ("Hello.", "SPEAKER_00")]
    assert item["diarization"]["der_collar0"] == pytest.approx(0.1)  # bob's last 2 s missed
    assert item["diarization"]["components"]["der_collar0"]["missed"] == pytest.approx(2.0)
    assert item["cpwer"]["cpwer"] == 0.0 and item["cpwer"]["mapping"] == {
        "alice": "SPEAKER_01", "bob": "SPEAKER_00"}
    assert report["overall"]["diarization"]["der_collar0"] == pytest.approx(0.1)
    evaluate.write_report(report, tmp_path / "out")
    saved = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert saved["files"][0]["diarization"] == item["diarization"]
    assert "## Diarization" in (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
