"""Translation quality against reference translations: chrF and BLEU (sacrebleu) per file,
per language and pooled, the reference file beside a manifest, and thresholds on them."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from hearingproc.errors import EvaluationError
from hearingproc.evaluation import translation as scoring
from hearingproc.evaluation.runner import check_thresholds, render_markdown
from hearingproc.transcript import Segment, Translation


def _segment(id_: int, start: float, end: float, text: str, english: str | None,
             language: str = "es") -> Segment:
    return Segment(id=id_, start=start, end=end, text=text, language=language,
                   language_probability=0.9,
                   translation=Translation(english, "test") if english is not None else None)


def _entry(rid: str, language: str) -> dict:
    return {"id": rid, "language": language, "audio": f"{rid}.wav", "reference_text": "x"}


def test_normalise_ignores_case_and_punctuation_and_keeps_every_script():
    assert scoring.normalise("¿Why did you LEAVE Honduras?!") == "why did you leave honduras"
    assert scoring.normalise("你好，世界。") == "你好 世界"
    assert scoring.normalise('He said: "fine" -- and left.') == "he said fine and left"


def test_reference_file_beside_the_manifest(shared_data, shared_manifest):
    references = scoring.reference_translations(shared_data / "manifest.json")
    assert len(references) == 22
    assert set(references) <= set(shared_manifest)
    assert all(shared_manifest[rid]["language"] != "en" for rid in references)


def test_missing_reference_file_is_no_reference_and_a_bad_one_names_itself(tmp_path: Path):
    manifest = tmp_path / "manifest.json"
    assert scoring.reference_translations(manifest) == {}
    bad = tmp_path / scoring.REFERENCES_FILE
    bad.write_text(json.dumps([{"id": "a", "text": "no english field"}]), encoding="utf-8")
    with pytest.raises(EvaluationError, match=scoring.REFERENCES_FILE):
        scoring.reference_translations(manifest)
    bad.write_text("[{", encoding="utf-8")
    with pytest.raises(EvaluationError, match="cannot read"):
        scoring.reference_translations(manifest)


def test_a_right_translation_scores_high_and_a_wrong_one_low():
    reference = "Why did you leave Honduras?"
    right = scoring.score_translation(
        _entry("a", "es"), [_segment(1, 0.0, 2.0, "¿Por qué salió de Honduras?",
                                     "why did you leave Honduras")], reference)
    wrong = scoring.score_translation(
        _entry("a", "es"), [_segment(1, 0.0, 2.0, "¿Por qué salió de Honduras?",
                                     "Why are you crying?")], reference)
    assert right is not None and wrong is not None
    assert right["chrf"] == pytest.approx(100.0) and right["bleu"] == pytest.approx(100.0)
    assert wrong["chrf"] < 40 and wrong["bleu"] < right["bleu"]
    flagged = scoring.score_translation(_entry("a", "es"), [replace(
        _segment(1, 0.0, 2.0, "¿Por qué salió de Honduras?", None),
        translation=Translation("Why are you crying?", "test", -1.7, ("low_confidence",)))],
        reference)
    assert flagged is not None and (flagged["flagged"], right["flagged"]) == (1, 0)
    assert right["translation_presence"] == 1.0 and right["reference_en"] == reference


def test_hypothesis_is_the_translations_in_time_order_and_a_missing_one_costs():
    segments = [_segment(2, 3.0, 5.0, "segunda", "the second part"),
                _segment(1, 0.0, 2.5, "primera", "The first part,")]
    scored = scoring.score_translation(_entry("b", "es"), segments,
                                       "The first part, the second part.")
    assert scored is not None
    assert scored["hypothesis_en"] == "The first part, the second part"
    assert scored["chrf"] == pytest.approx(100.0)
    half = scoring.score_translation(
        _entry("b", "es"), [segments[1], _segment(2, 3.0, 5.0, "segunda", None)],
        "The first part, the second part.")
    assert half is not None and half["chrf"] < 80 and half["translated"] == 1


def test_reference_on_the_manifest_entry_wins_over_the_file():
    entry = {**_entry("c", "fr"), "reference_translation": "the red house"}
    scored = scoring.score_translation(
        entry, [_segment(1, 0.0, 1.0, "la maison rouge", "the red house", "fr")], "unrelated")
    assert scored is not None and scored["chrf"] == pytest.approx(100.0)


def _file(rid: str, language: str, english: str, reference: str) -> dict:
    scored = scoring.score_translation(
        _entry(rid, language), [_segment(1, 0.0, 2.0, "src", english, language)], reference)
    return {"id": rid, "language": language, "translation": scored, "counts": {},
            "lid": {"correct": 1, "total": 1, "accuracy": 1.0}, "duration": 2.0,
            "seconds": 1.0, "rtf": 0.5, "scores": {}, "flags": []}


FILES = [_file("es_1", "es", "The sands are white and fine.", "The sands are whitish."),
         _file("es_2", "es", "An old fox cannot learn a trade.", "An old fox learns no trade."),
         _file("zh_1", "zh", "A pandemic with many people.", "A gang came to my house.")]


def test_pooled_per_language_and_overall_as_one_corpus():
    pooled = scoring.pool_translation(FILES)
    assert pooled is not None
    quality = pooled["quality"]
    assert quality["files"] == 3 and set(quality["languages"]) == {"es", "zh"}
    spanish = scoring.quality([f["translation"]["hypothesis_en"] for f in FILES[:2]],
                              [f["translation"]["reference_en"] for f in FILES[:2]])
    assert quality["languages"]["es"]["chrf"] == pytest.approx(spanish["chrf"])
    assert quality["languages"]["zh"]["chrf"] < quality["chrf"] < quality["languages"]["es"]["chrf"]
    assert pooled["translated"] == 3 and pooled["translation_presence"] == 1.0


def test_chrf_thresholds_pass_and_fail_on_the_pooled_figure():
    pooled = scoring.pool_translation(FILES)
    assert pooled is not None
    spanish = pooled["quality"]["languages"]["es"]["chrf"]
    report = {"files": FILES, "overall": {}}
    checks = [
        {"name": "es", "metric": "translation_chrf", "min": round(spanish - 1, 1),
         "id_prefixes": ["es_"]},
        {"name": "zh", "metric": "translation_chrf", "min": 35.0, "id_prefixes": ["zh_"]},
        {"name": "nothing selected", "metric": "translation_chrf", "min": 1.0, "ids": ["de_1"]},
        {"name": "bleu", "metric": "translation_bleu", "min": 0.0, "id_prefixes": ["es_"]},
    ]
    failures = check_thresholds(report, checks)
    assert [c["passed"] for c in report["checks"]] == [True, False, False, True]
    assert len(failures) == 2 and "translation_chrf" in failures[0]


def test_report_markdown_has_the_quality_table():
    from hearingproc.evaluation.runner import aggregate

    report = {"manifest": "m.json", "config": {"engine": "e", "model": "m"}, "files": FILES,
              "overall": aggregate(FILES)}
    text = render_markdown(report)
    assert "## Translation quality" in text
    zh = report["overall"]["translation"]["quality"]["languages"]["zh"]["chrf"]
    assert f"| zh | 1 | {zh:.1f} |" in text
    assert "| zh_1 |" in text and "| 0 | A pandemic with many people. |" in text
    assert "A gang came to my house." in text
