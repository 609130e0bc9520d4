"""Role accuracy: seconds of reference speech with the right role, gaps, misses, overlaps,
pooling and the `role_accuracy` threshold."""

from __future__ import annotations

import pytest

from hearingproc.evaluation.roles import MISSED, NO_ROLE, pool_roles, score_roles
from hearingproc.evaluation.runner import check_thresholds, render_markdown
from hearingproc.transcript import Segment


def _entry(*refs: tuple[float, float, str]) -> dict:
    return {"id": "x", "language": "en+es", "reference_segments": [
        {"start": a, "end": b, "role": role, "speaker": role, "language": "en", "text": "t"}
        for a, b, role in refs]}


def _hyp(*pieces: tuple[float, float, str | None]) -> list[Segment]:
    return [Segment(i + 1, a, b, "t", "en", 0.9, role=role)
            for i, (a, b, role) in enumerate(pieces)]


def test_right_roles_and_gaps_filled_from_the_nearest_segment():
    entry = _entry((0.0, 10.0, "judge"), (10.0, 20.0, "interpreter"))
    scored = score_roles(entry, _hyp((0.3, 10.0, "judge"), (10.0, 19.5, "interpreter")))
    assert scored["accuracy"] == 1.0 and scored["total_s"] == pytest.approx(20.0)
    wrong = score_roles(entry, _hyp((0.3, 10.0, "judge"), (10.0, 15.0, "interpreter"),
                                    (15.0, 19.5, "applicant")))
    assert wrong["accuracy"] == pytest.approx(0.75)
    assert wrong["confusion"]["interpreter"] == pytest.approx(
        {"interpreter": 5.0, "applicant": 5.0})


def test_missed_speech_counts_as_wrong():
    scored = score_roles(_entry((0.0, 10.0, "judge"), (10.0, 20.0, "interpreter")),
                         _hyp((0.0, 10.0, "judge")))
    assert scored["accuracy"] == pytest.approx(0.5)
    assert scored["confusion"]["interpreter"] == pytest.approx(
        {"interpreter": 0.0, "judge": 0.5, MISSED: 9.5})
    nothing = score_roles(_entry((0.0, 4.0, "judge")), [])
    assert nothing["accuracy"] == 0.0
    assert nothing["confusion"]["judge"] == {"judge": 0.0, MISSED: 4.0}


def test_overlapping_speech_and_segments_without_roles():
    entry = _entry((0.0, 6.0, "judge"), (5.0, 10.0, "interpreter"))
    both = score_roles(entry, _hyp((0.0, 6.0, "judge"), (5.0, 10.0, "interpreter")))
    assert both["accuracy"] == 1.0 and both["total_s"] == pytest.approx(11.0)
    unlabelled = score_roles(entry, _hyp((0.0, 10.0, None)))
    assert unlabelled["accuracy"] == 0.0
    assert unlabelled["confusion"]["judge"] == pytest.approx({"judge": 0.0, NO_ROLE: 6.0})


def test_references_without_roles_are_not_scored():
    assert score_roles({"id": "x", "reference_text": "hello"}, _hyp((0.0, 1.0, "judge"))) is None
    partial = _entry((0.0, 1.0, "judge"))
    partial["reference_segments"].append({"start": 1.0, "end": 2.0, "text": "t"})
    assert score_roles(partial, _hyp((0.0, 2.0, "judge"))) is None


def _file(name: str, roles: dict | None) -> dict:
    return {"id": name, "language": "en", "duration": 10.0, "seconds": 1.0, "rtf": 0.1,
            "counts": {}, "scores": {}, "lid": {"correct": 0, "total": 0, "accuracy": None},
            "flags": [], "roles": roles}


def test_pooled_and_threshold():
    good = score_roles(_entry((0.0, 10.0, "judge")), _hyp((0.0, 10.0, "judge")))
    half = score_roles(_entry((0.0, 10.0, "judge"), (10.0, 20.0, "interpreter")),
                       _hyp((0.0, 20.0, "judge")))
    files = [_file("a", good), _file("b", half), _file("c", None)]
    pooled = pool_roles(files)
    assert pooled["files"] == 2 and pooled["accuracy"] == pytest.approx(20 / 30)
    assert pool_roles([_file("c", None)]) is None
    report = {"manifest": "m.json", "config": {"engine": "e", "model": "m"}, "files": files,
              "overall": {"scores": {}, "lid": {"accuracy": None}, "rtf": 0.1,
                          "audio_seconds": 30.0, "roles": pooled}}
    failures = check_thresholds(report, [
        {"name": "a only", "metric": "role_accuracy", "min": 0.95, "ids": ["a"]},
        {"name": "a and b", "metric": "role_accuracy", "min": 0.95, "ids": ["a", "b"]},
        {"name": "no roles", "metric": "role_accuracy", "min": 0.5, "ids": ["c"]}])
    assert [f.split(":")[0] for f in failures] == ["a and b", "no roles"]
    assert "role_accuracy = 0.6667" in failures[0]
    markdown = render_markdown(report)
    assert "## Roles" in markdown and "| b | 0.500 | 20.0 | interpreter -> judge 10.0 |" in markdown
