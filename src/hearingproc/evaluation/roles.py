"""Role accuracy: the share of reference speech time whose hypothesis role is right.

Each reference segment with a ``role`` (manifest ``reference_segments``) is cut into 10 ms
frames; a frame is right when a hypothesis segment covering it has the reference role
(with overlapping speech, any covering segment may). Hypothesis segments are bounded by
word times, so speech between two of them (a pause inside a turn, a word edge) takes the
role of the nearest segment within ``FILL_S``; reference speech farther from any segment is
missed, and counts as wrong. Seconds are kept per reference role and hypothesis role, so
files pool by adding them.

Confidence bands: each hypothesis segment with a role is right when the reference role
covering most of its time is its role; segments are counted per band of their voice's
``role_confidence`` (>= 0.8, 0.5-0.8, < 0.5), so a reviewer knows which roles to check.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from hearingproc.evaluation import fmt
from hearingproc.transcript import ROLES, Segment, Speaker

FRAME_S = 0.01  # scoring resolution, seconds
FILL_S = 0.5  # reference speech outside every segment takes the nearest segment's role this close
MISSED = "(none)"  # hypothesis "role" of reference speech no segment covers or neighbours
NO_ROLE = "(no role)"  # hypothesis segments without a role (no diarization)
_LABELS = (*ROLES, NO_ROLE)
BANDS = ((">= 0.8", 0.8), ("0.5-0.8", 0.5), ("< 0.5", float("-inf")))  # (name, lower bound)


@dataclass(frozen=True)
class RoleRef:
    start: float
    end: float
    role: str


def role_references(entry: dict[str, Any]) -> list[RoleRef] | None:
    """Reference segments with times and a role; None unless every timed segment has one."""
    segs = [s for s in entry.get("reference_segments") or () if "start" in s and "end" in s]
    if not segs or not all(s.get("role") for s in segs):
        return None
    return [RoleRef(float(s["start"]), float(s["end"]), s["role"]) for s in segs]


def _frames(seconds: float) -> int:
    return int(math.floor(seconds / FRAME_S + 0.5))


def _coverage(hyps: Sequence[Segment], frames: int) -> np.ndarray:
    """``[label, frame]``: which hypothesis labels cover each frame, gaps filled (FILL_S)."""
    cover = np.zeros((len(_LABELS), frames), dtype=bool)
    for s in hyps:
        label = _LABELS.index(s.role) if s.role in ROLES else len(ROLES)
        cover[label, max(0, _frames(s.start)):max(0, _frames(s.end))] = True
    covered = cover.any(axis=0)
    index = np.arange(frames)
    before = np.maximum.accumulate(np.where(covered, index, -1))
    after = np.minimum.accumulate(np.where(covered, index, frames)[::-1])[::-1]
    distance_before = np.where(before >= 0, index - before, frames)
    distance_after = np.where(after < frames, after - index, frames)
    nearest = np.where(distance_before <= distance_after, before, after)
    reach = np.minimum(distance_before, distance_after) <= _frames(FILL_S)
    filled = np.zeros_like(cover)
    usable = reach & (nearest >= 0) & (nearest < frames)
    filled[:, usable] = cover[:, nearest[usable]]
    return filled


def confidence_bands(refs: Sequence[RoleRef], hyps: Sequence[Segment],
                     speakers: Sequence[Speaker]) -> dict[str, dict[str, int]]:
    """Band name -> ``segments`` and ``right``: hypothesis segments with a role and a voice,
    by their own role confidence where a rule moved their role away from their voice's, else
    their voice's, and how many have the role of the reference speech
    covering most of their time."""
    confidence = {s.id: s.role_confidence for s in speakers}
    bands = {name: {"segments": 0, "right": 0} for name, _ in BANDS}
    for seg in hyps:
        if seg.role is None or seg.speaker not in confidence:
            continue
        overlap: dict[str, float] = {}
        for ref in refs:
            shared = min(ref.end, seg.end) - max(ref.start, seg.start)
            if shared > 0:
                overlap[ref.role] = overlap.get(ref.role, 0.0) + shared
        truth = max(sorted(overlap), key=overlap.__getitem__) if overlap else None
        sure = (seg.role_confidence if seg.role_confidence is not None
                else confidence[seg.speaker])
        name = next(n for n, low in BANDS if sure >= low)
        bands[name]["segments"] += 1
        bands[name]["right"] += truth == seg.role
    return bands


def score_roles(entry: dict[str, Any], hyps: Sequence[Segment],
                speakers: Sequence[Speaker] = ()) -> dict[str, Any] | None:
    """``correct_s``, ``total_s``, ``accuracy`` and ``confusion`` (reference role -> hypothesis
    role -> seconds) for a recording whose reference gives roles, and with ``speakers`` the
    segments right per confidence band (``bands``); else None."""
    refs = role_references(entry)
    if refs is None:
        return None
    frames = _frames(max([r.end for r in refs] + [s.end for s in hyps])) + 1
    filled = _coverage(hyps, frames)
    confusion: dict[str, dict[str, float]] = {}
    for ref in refs:
        span = filled[:, _frames(ref.start):_frames(ref.end)]
        right = (span[_LABELS.index(ref.role)] if ref.role in _LABELS
                 else np.zeros(span.shape[1], bool))
        row = confusion.setdefault(ref.role, {})
        row[ref.role] = row.get(ref.role, 0.0) + float(right.sum()) * FRAME_S
        wrong = span[:, ~right]
        for label_index in range(len(_LABELS)):  # a wrong frame counts for its first label
            first = wrong[label_index] & ~wrong[:label_index].any(axis=0)
            if first.any():
                label = _LABELS[label_index]
                row[label] = row.get(label, 0.0) + float(first.sum()) * FRAME_S
        missed = float((~wrong.any(axis=0)).sum()) * FRAME_S
        if missed:
            row[MISSED] = row.get(MISSED, 0.0) + missed
    summary = _summary(confusion)
    if speakers:
        summary["bands"] = confidence_bands(refs, hyps, speakers)
    return summary


def _summary(confusion: dict[str, dict[str, float]]) -> dict[str, Any]:
    confusion = {ref: {hyp: round(s, 3) for hyp, s in row.items()}
                 for ref, row in confusion.items()}
    correct = sum(row.get(ref, 0.0) for ref, row in confusion.items())
    total = sum(sum(row.values()) for row in confusion.values())
    return {"correct_s": round(correct, 3), "total_s": round(total, 3),
            "accuracy": correct / total if total else None, "confusion": confusion}


def pool_roles(files: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """Role accuracy over every file that has role references (seconds added up)."""
    scored = [f["roles"] for f in files if f.get("roles")]
    if not scored:
        return None
    confusion: dict[str, dict[str, float]] = {}
    for item in scored:
        for ref, row in item["confusion"].items():
            for hyp, seconds in row.items():
                confusion.setdefault(ref, {})[hyp] = confusion.get(ref, {}).get(hyp, 0.0) + seconds
    pooled = {"files": len(scored), **_summary(confusion)}
    if any("bands" in item for item in scored):
        pooled["bands"] = {name: {key: sum(item.get("bands", {}).get(name, {}).get(key, 0)
                                           for item in scored) for key in ("segments", "right")}
                           for name, _ in BANDS}
    return pooled


def markdown_lines(report: dict[str, Any]) -> list[str]:
    """The report's "Roles" section: accuracy per recording and overall, and where the
    wrong seconds went."""
    files = [f for f in report["files"] if f.get("roles")]
    if not files:
        return []
    lines = ["", "## Roles", "",
             "Share of reference speech time whose hypothesis segment has the reference role "
             f"(10 ms frames; gaps between segments up to {FILL_S} s take the nearest segment's "
             "role). Wrong seconds: reference role -> hypothesis role.", "",
             "| id | role accuracy | speech s | wrong seconds |", "|---|---|---|---|"]
    for name, item in [(f["id"], f["roles"]) for f in files] + [
            ("**overall**", report["overall"].get("roles"))]:
        if not item:
            continue
        wrong = ", ".join(f"{ref} -> {hyp} {s:.1f}"
                          for ref, row in sorted(item["confusion"].items())
                          for hyp, s in sorted(row.items()) if hyp != ref and s >= 0.05)
        lines.append(f"| {name} | {fmt(item['accuracy'])} | {item['total_s']:.1f} "
                     f"| {wrong or '-'} |")
    return lines + role_lines(report["overall"].get("roles") or {}) + band_lines(
        report["overall"].get("roles") or {})


def per_role(pooled: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Reference role -> its ``speech_s``, the share of it ``right`` and the role it was most
    often ``taken_for`` (None when never wrong), from a pooled ``confusion``."""
    out: dict[str, dict[str, Any]] = {}
    for ref, row in sorted(pooled.get("confusion", {}).items()):
        total = sum(row.values())
        wrong = {hyp: s for hyp, s in row.items() if hyp != ref and s > 0}
        out[ref] = {"speech_s": round(total, 3),
                    "right": row.get(ref, 0.0) / total if total else None,
                    "taken_for": max(sorted(wrong), key=wrong.__getitem__) if wrong else None}
    return out


def role_lines(pooled: dict[str, Any]) -> list[str]:
    """Role accuracy per reference role over every scored recording."""
    roles = per_role(pooled)
    if not roles:
        return []
    lines = ["", "Per role (all recordings): share of each reference role's speech time given "
             "that role, and what it was most often taken for.", "",
             "| role | speech s | right | most often taken for |", "|---|---|---|---|"]
    for ref, item in roles.items():
        lines.append(f"| {ref} | {item['speech_s']:.1f} | {fmt(item['right'])} "
                     f"| {item['taken_for'] or '-'} |")
    return lines


def band_lines(pooled: dict[str, Any]) -> list[str]:
    """Segments whose role is right, by the role confidence of their voice."""
    if not pooled.get("bands"):
        return []
    lines = ["", "Role confidence: share of segments whose role is right, by the confidence "
             "of their voice's role (check the low bands first).", "",
             "| confidence | segments | right |", "|---|---|---|"]
    for name, _ in BANDS:
        band = pooled["bands"][name]
        share = band["right"] / band["segments"] if band["segments"] else None
        lines.append(f"| {name} | {band['segments']} | {fmt(share)} |")
    return lines
