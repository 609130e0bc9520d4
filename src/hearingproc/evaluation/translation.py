"""Translation presence: did every non-English stretch of speech get an English translation?

Scored against the references of a manifest entry (see :mod:`hearingproc.evaluation.runner`):

- with timed reference segments in several languages (a hearing), each non-English reference
  segment is one unit; the hypothesis segments go to the references they overlap as for WER
  (:func:`hearingproc.evaluation.text.assign_to_references`, word by word where words are timed);
- a single-language recording in a language other than English is one unit, all its segments;
- English-only recordings have nothing to translate and are not scored (None).

A unit counts as translated when most of its hypothesis speech (by duration) carries a
non-empty English translation; a unit the pipeline left without any segment, or heard as
English, counts as not translated. ``translation_presence`` is translated units / units,
per file and pooled over files (a threshold metric in ``thresholds.toml``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hearingproc.transcript import Segment

ENGLISH = "en"
METRIC = "translation_presence"


def _translated(segments: Sequence[Segment]) -> bool:
    """Most of the speech time of ``segments`` has an English translation."""
    spoken = [s for s in segments if s.text.strip()]
    total = sum(max(float(s.end - s.start), 0.0) for s in spoken)
    done = sum(max(float(s.end - s.start), 0.0) for s in spoken
               if s.translation is not None and s.translation.text.strip())
    if not spoken:
        return False
    return done > total / 2 if total > 0 else all(s.translation is not None for s in spoken)


def _units(entry: dict[str, Any], segments: Sequence[Segment]) -> list[list[Segment]] | None:
    """The hypothesis segments of each non-English reference unit; None: nothing to score."""
    from hearingproc.evaluation.text import assign_to_references, reference_segments

    refs = reference_segments(entry)
    if refs:
        assigned = assign_to_references(refs, segments)
        units = [mine for ref, mine in zip(refs, assigned, strict=True)
                 if ref.language != ENGLISH]
        return units or None
    if entry["language"] == ENGLISH or "+" in entry["language"]:
        return None
    return [list(segments)]


def score_translation(entry: dict[str, Any], segments: Sequence[Segment]) -> dict[str, Any] | None:
    """``{"translated", "total", "presence"}`` for one recording, or None when it has no
    non-English reference speech."""
    units = _units(entry, segments)
    if units is None:
        return None
    translated = sum(1 for unit in units if _translated(unit))
    return {"translated": translated, "total": len(units), METRIC: translated / len(units)}


def pool_translation(files: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """Translation presence pooled over the files that have it."""
    scored = [f["translation"] for f in files if f.get("translation")]
    if not scored:
        return None
    translated = sum(s["translated"] for s in scored)
    total = sum(s["total"] for s in scored)
    return {"files": len(scored), "translated": translated, "total": total,
            METRIC: translated / total if total else None}


def metric(overall: dict[str, Any]) -> float | None:
    """The pooled ``translation_presence`` of an aggregate, for threshold checks."""
    return (overall.get("translation") or {}).get(METRIC)


def markdown_lines(report: dict[str, Any]) -> list[str]:
    """The "Translation" section of report.md (empty when no file has non-English speech)."""
    files = [f for f in report["files"] if f.get("translation")]
    if not files:
        return []
    pooled = report["overall"].get("translation") or {}
    lines = ["", "## Translation", "",
             "Share of non-English reference segments (or whole non-English recordings) that "
             "received an English translation.", "",
             "| id | translated | units | presence |", "|---|---|---|---|"]
    for f in files:
        t = f["translation"]
        lines.append(f"| {f['id']} | {t['translated']} | {t['total']} | {t[METRIC]:.3f} |")
    if pooled:
        lines.append(f"| **overall** | {pooled['translated']} | {pooled['total']} | "
                     f"{pooled[METRIC]:.3f} |")
    return lines
