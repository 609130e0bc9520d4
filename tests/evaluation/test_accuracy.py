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
    assert len(report["checks"]) == 11 and all(c["files"] > 0 for c in report["checks"])


def test_every_reference_translation_is_scored(shared_eval, shared_data):
    """chrF and BLEU for each of the clips with a reference English translation, per
    language and pooled (the figures thresholds.toml bounds)."""
    from hearingproc.evaluation.translation import reference_translations

    _, report = shared_eval
    references = reference_translations(shared_data / "manifest.json")
    scored = {f["id"]: f["translation"] for f in report["files"]
              if (f.get("translation") or {}).get("reference_en")}
    assert set(scored) == set(references) and len(scored) == 22
    for rid, item in scored.items():
        assert item["reference_en"] == references[rid]
        assert item["hypothesis_en"].strip(), rid  # every clip got some English
        assert 0 <= item["bleu"] <= 100 and 0 < item["chrf"] <= 100, rid
    quality = report["overall"]["translation"]["quality"]
    assert quality["files"] == 22
    assert set(quality["languages"]) == {"es", "pt", "fr", "de", "zh"}


def test_every_single_language_clip_identified(shared_eval, shared_manifest):
    _, report = shared_eval
    for item in report["files"]:
        if item["language"] in {"es", "pt", "fr", "de", "zh"}:
            assert item["languages_detected"] == [item["language"]], item["id"]


def test_mixed_hearing_turns_in_language_and_script(shared_eval, shared_manifest, audio_path,
                                                     fw_engine):
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
    # case and punctuation differ before normalising
    assert english["wer_raw"] > english["wer_normalised"]
    assert report["overall"]["scores"]["zh"]["cer"] is not None
    jfk = next(f for f in report["files"] if f["id"] == "en_whisper_jfk")
    assert jfk["scores"]["en"]["wer_normalised"] == 0.0


def test_report_has_der_for_every_reference_rttm(shared_eval, shared_manifest, shared_data):
    """DER at both collars, with components, for all 12 recordings with a reference RTTM;
    cpWER where the reference gives words per speaker."""
    from hearingproc.evaluation.runner import read_rttm

    _, report = shared_eval
    files = {f["id"]: f for f in report["files"]}
    with_rttm = [rid for rid, e in shared_manifest.items() if e.get("reference_rttm")]
    assert len(with_rttm) == 12
    for rid in with_rttm:
        d = files[rid]["diarization"]
        reference = read_rttm(shared_data / shared_manifest[rid]["reference_rttm"])
        assert d["reference_speakers"] == len({t.speaker for t in reference}), rid
        for metric in ("der", "der_collar0"):
            parts = d["components"][metric]
            assert parts["total"] > 0, rid
            errors = parts["missed"] + parts["false_alarm"] + parts["confusion"]
            assert d[metric] == errors / parts["total"], rid
    for rid, item in files.items():
        if rid not in with_rttm:
            assert item["diarization"] is None, rid
    overall = report["overall"]["diarization"]
    assert overall["files"] == 12 and overall["der"] is not None
    with_words = {rid for rid, e in shared_manifest.items() if e.get("reference_segments")
                  and all(s.get("speaker") and s.get("text") for s in e["reference_segments"])}
    assert with_words == {"en_lhotse_ES2011a.Headset-0-40s-46s",
                          "en_faster-whisper_stereo_diarization",
                          "en_pyannote-audio_sample", "en-zh_constructed_mock_hearing_zh"}
    for rid in with_words:
        cpwer = files[rid]["cpwer"]
        assert cpwer["ref_words"] > 0 and cpwer["cpwer"] is not None, rid
    assert report["overall"]["cpwer"]["files"] == 4
