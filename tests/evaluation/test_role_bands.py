"""Role confidence bands in the eval report: segments whose role is right, by the confidence
of their voice's role."""

from __future__ import annotations

from hearingproc.evaluation.roles import band_lines, pool_roles, score_roles
from hearingproc.transcript import Segment, Speaker


def _entry(*refs: tuple[float, float, str]) -> dict:
    return {"id": "x", "language": "en+es", "reference_segments": [
        {"start": a, "end": b, "role": role, "speaker": role, "language": "en", "text": "t"}
        for a, b, role in refs]}


def test_segments_counted_by_the_confidence_of_their_voice():
    entry = _entry((0.0, 4.0, "judge"), (4.0, 8.0, "dhs_counsel"), (8.0, 12.0, "applicant"),
                   (12.0, 16.0, "respondent_counsel"))
    hyps = [Segment(1, 0.0, 4.0, "t", "en", 0.9, speaker="J", role="judge"),
            Segment(2, 4.0, 8.0, "t", "en", 0.9, speaker="C1", role="respondent_counsel"),
            Segment(3, 8.2, 11.5, "t", "es", 0.9, speaker="A", role="applicant"),
            Segment(4, 12.0, 16.0, "t", "en", 0.9, speaker="C2", role="dhs_counsel"),
            Segment(5, 16.5, 17.0, "t", "en", 0.9, speaker=None, role="unknown")]
    speakers = [Speaker("J", "judge", 0.97), Speaker("C1", "respondent_counsel", 0.55),
                Speaker("A", "applicant", 0.62), Speaker("C2", "dhs_counsel", 0.3)]
    scored = score_roles(entry, hyps, speakers)
    assert scored["bands"] == {">= 0.8": {"segments": 1, "right": 1},
                               "0.5-0.8": {"segments": 2, "right": 1},
                               "< 0.5": {"segments": 1, "right": 0}}
    assert "bands" not in score_roles(entry, hyps)  # without speakers: no bands
    pooled = pool_roles([{"roles": scored}, {"roles": scored}])
    assert pooled["bands"]["0.5-0.8"] == {"segments": 4, "right": 2}
    lines = band_lines(pooled)
    assert "| >= 0.8 | 2 | 1.000 |" in lines
    assert "| 0.5-0.8 | 4 | 0.500 |" in lines
    assert "| < 0.5 | 2 | 0.000 |" in lines


def test_a_moved_segment_counted_by_its_own_confidence():
    """A segment whose role a rule moved away from its voice's is banded by its own
    confidence, not its voice's."""
    entry = _entry((0.0, 4.0, "judge"), (4.0, 8.0, "interpreter"))
    hyps = [Segment(1, 0.0, 4.0, "t", "en", 0.9, speaker="J", role="judge"),
            Segment(2, 4.0, 8.0, "t", "es", 0.9, speaker="J", role="interpreter",
                    role_confidence=0.4)]
    scored = score_roles(entry, hyps, [Speaker("J", "judge", 0.97)])
    assert scored["bands"] == {">= 0.8": {"segments": 1, "right": 1},
                               "0.5-0.8": {"segments": 0, "right": 0},
                               "< 0.5": {"segments": 1, "right": 1}}
