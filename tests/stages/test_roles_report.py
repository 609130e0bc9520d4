"""The eval report's roles section gives role accuracy per reference role (issue 15: "report
per hearing and per role"), pooled over the recordings, beside the per-recording table."""

from __future__ import annotations

from hearingproc.evaluation.roles import markdown_lines, per_role, pool_roles, score_roles
from hearingproc.transcript import Segment


def _entry(turns):
    return {"reference_segments": [{"start": a, "end": b, "role": r} for a, b, r in turns]}


def test_per_role_accuracy_pooled_over_recordings():
    # recording 1: the respondent's counsel (2 s of 4) taken for the judge; recording 2: right
    one = score_roles(_entry([(0, 4, "judge"), (5, 9, "respondent_counsel")]),
                      [Segment(1, 0, 4, "a", "en", 0.9, role="judge"),
                       Segment(2, 5, 7, "b", "en", 0.9, role="respondent_counsel"),
                       Segment(3, 7, 9, "c", "en", 0.9, role="judge")])
    two = score_roles(_entry([(0, 2, "judge"), (3, 5, "respondent_counsel")]),
                      [Segment(1, 0, 2, "a", "en", 0.9, role="judge"),
                       Segment(2, 3, 5, "b", "en", 0.9, role="respondent_counsel")])
    pooled = pool_roles([{"id": "one", "roles": one}, {"id": "two", "roles": two}])
    assert pooled is not None
    roles = per_role(pooled)
    assert roles["judge"] == {"speech_s": 6.0, "right": 1.0, "taken_for": None}
    counsel = roles["respondent_counsel"]
    assert counsel["speech_s"] == 6.0 and counsel["taken_for"] == "judge"
    assert abs(counsel["right"] - 4 / 6) < 1e-9
    report = {"files": [{"id": "one", "roles": one}, {"id": "two", "roles": two}],
              "overall": {"roles": pooled}}
    lines = markdown_lines(report)
    assert "| respondent_counsel | 6.0 | 0.667 | judge |" in lines
    assert "| judge | 6.0 | 1.000 | - |" in lines
