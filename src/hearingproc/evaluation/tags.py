"""Tag precision, recall and F1 against references that list the expected tags.

A manifest entry carries ``reference_tags``: ``label``, ``polarity`` (null for labels without
one) and ``segments`` (the segment ids, or line numbers of a plain-text transcript, where
the finding is stated; any one of them will do) or a single ``segment``. A tag matches an
expected one when label and polarity are equal and its segments include one of the
expected segments; each tag matches at most one expected tag and vice versa. Counts (true
positives, false positives, false negatives) are kept per label and pooled over files, so
the overall F1 is micro-averaged.

Entries with ``transcript`` instead of ``audio`` are text-only: a plain-text ``ROLE: words``
transcript (or a ``transcript.json``) that is tagged without any speech model.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hearingproc.errors import EvaluationError, HearingProcError
from hearingproc.evaluation import fmt
from hearingproc.progress import Progress, no_progress
from hearingproc.transcript import Tag

TAG_METRICS = {"tag_f1": "f1", "tag_precision": "precision", "tag_recall": "recall"}


def _expected_segments(ref: dict[str, Any]) -> set[int]:
    segments = ref.get("segments", [ref["segment"]] if "segment" in ref else [])
    return {int(s) for s in segments}


def match_tags(reference: Sequence[dict[str, Any]], tags: Sequence[Tag]) -> dict[str, Any]:
    """Counts per label and the unmatched tags on either side."""
    counts: dict[str, dict[str, int]] = {}
    used: set[int] = set()
    missed = []
    for ref in reference:
        wanted = _expected_segments(ref)
        hit = next((i for i, t in enumerate(tags) if i not in used and t.label == ref["label"]
                    and t.polarity == ref.get("polarity") and wanted & set(t.segments)), None)
        row = counts.setdefault(ref["label"], {"tp": 0, "fp": 0, "fn": 0})
        if hit is None:
            row["fn"] += 1
            missed.append({"label": ref["label"], "polarity": ref.get("polarity"),
                           "segments": sorted(wanted)})
        else:
            used.add(hit)
            row["tp"] += 1
    spurious = []
    for i, tag in enumerate(tags):
        if i not in used:
            counts.setdefault(tag.label, {"tp": 0, "fp": 0, "fn": 0})["fp"] += 1
            spurious.append({"label": tag.label, "polarity": tag.polarity,
                             "segments": list(tag.segments), "source": tag.source})
    return {"counts": counts, "missed": missed, "spurious": spurious}


def scores(counts: dict[str, int]) -> dict[str, float | None]:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None
    return {"precision": precision, "recall": recall, "f1": f1}


def aggregate(files: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Pooled counts and scores per label and overall."""
    per_label: dict[str, dict[str, int]] = {}
    for f in files:
        for label, c in f["tags"]["counts"].items():
            row = per_label.setdefault(label, {"tp": 0, "fp": 0, "fn": 0})
            for key in row:
                row[key] += c[key]
    total = {k: sum(c[k] for c in per_label.values()) for k in ("tp", "fp", "fn")}
    return {"files": len(files), "overall": {**total, **scores(total)},
            "labels": {label: {**c, **scores(c)} for label, c in sorted(per_label.items())}}


def score_tags(entry: dict[str, Any], tags: Sequence[Tag]) -> dict[str, Any] | None:
    """The tag scores of one entry, None when it lists no ``reference_tags``."""
    if "reference_tags" not in entry:
        return None
    reference = entry["reference_tags"]
    if not isinstance(reference, list) or not all(isinstance(r, dict) and "label" in r
                                                  for r in reference):
        raise EvaluationError(f"{entry['id']}: reference_tags must be a list of objects with "
                              "a label")
    return match_tags(reference, tags)


def evaluate_text_entry(entry: dict[str, Any], base: Path, options: Any = None) -> dict[str, Any]:
    """Tag a text-only entry's transcript (``options``: TagOptions, default when None) and
    score it."""
    from hearingproc.stages.tag import TagOptions, tag_utterances
    from hearingproc.tagging.io import read_utterances

    if "reference_tags" not in entry:
        raise EvaluationError(f"{entry['id']}: a text-only entry needs reference_tags to score")
    path = base / entry["transcript"]
    try:
        tags, _ = tag_utterances(read_utterances(path), options or TagOptions())
    except HearingProcError as exc:
        raise EvaluationError(f"{entry['id']}: {exc}") from exc
    return {"id": entry["id"], "tags": score_tags(entry, tags)}


def evaluate_text_entries(entries: Sequence[dict[str, Any]], base: Path, options: Any = None,
                          jobs: int = 1, progress: Progress = no_progress) -> list[dict[str, Any]]:
    """:func:`evaluate_text_entry` on each entry, in manifest order. With ``jobs`` > 1 and at
    least PARALLEL_FROM entries, they are tagged in that many processes (spawned, so nothing
    of a parent's threads or loaded models is inherited; each loads the tagger once): tagging
    is pure Python and one-thread numpy, so a second core all but halves a large text set."""
    done: list[dict[str, Any]] = []
    jobs = min(jobs, len(entries) // PARALLEL_FROM)
    if jobs < 2:
        for entry in entries:
            done.append(evaluate_text_entry(entry, base, options))
            progress("tag text", len(done), len(entries))
        return done
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        try:
            for item in pool.map(_evaluate_entry_in_worker, entries,
                                 [(base, options)] * len(entries), chunksize=CHUNK):
                done.append(item)
                progress("tag text", len(done), len(entries))
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return done


PARALLEL_FROM = 32  # entries per process below which a pool's start-up costs more than it saves
CHUNK = 8  # entries sent to a worker at a time


def _evaluate_entry_in_worker(entry: dict[str, Any], where: tuple[Path, Any]) -> dict[str, Any]:
    return evaluate_text_entry(entry, *where)


def is_tag_metric(metric: str) -> bool:
    return metric in TAG_METRICS


def metric(report: dict[str, Any], check: dict[str, Any]) -> tuple[float | None, int]:
    """A tag threshold's value over the selected files (all tag-scored files when the check
    names none), optionally for one ``label``; and how many files it covers."""
    ids, prefixes = check.get("ids"), tuple(check.get("id_prefixes", ()))
    files = [f for f in report.get("tag_files", [])
             if (not ids and not prefixes) or (ids and f["id"] in ids)
             or (prefixes and f["id"].startswith(prefixes))]
    if not files:
        return None, 0
    pooled = aggregate(files)
    row = pooled["labels"].get(check["label"]) if check.get("label") else pooled["overall"]
    return (row or {}).get(TAG_METRICS[check["metric"]]), len(files)


def summary(report: dict[str, Any]) -> str:
    tags = report.get("tags")
    return f"tag F1 {fmt(tags['overall']['f1'])}" if tags else ""


def markdown_lines(report: dict[str, Any]) -> list[str]:
    """The "Tags" section: precision, recall and F1 per label and overall, then the misses."""
    tags = report.get("tags")
    if not tags:
        return []
    lines = ["", "## Tags", "",
             (f"{tags['files']} transcript(s); a tag matches when label, polarity and segment "
              "agree."),
             "", "| label | expected | tagged | correct | precision | recall | F1 |",
             "|---|---|---|---|---|---|---|"]
    rows = [*tags["labels"].items(), ("**overall**", tags["overall"])]
    for label, r in rows:
        lines.append(f"| {label} | {r['tp'] + r['fn']} | {r['tp'] + r['fp']} | {r['tp']} | "
                     f"{fmt(r['precision'])} | {fmt(r['recall'])} | {fmt(r['f1'])} |")
    errors = [(f["id"], kind, t) for f in report.get("tag_files", [])
              for kind in ("missed", "spurious") for t in f["tags"][kind]]
    if errors:
        lines += ["", "| id | error | label | polarity | segments |", "|---|---|---|---|---|"]
        lines += [f"| {i} | {kind} | {t['label']} | {t['polarity'] or '-'} | "
                  f"{', '.join(map(str, t['segments']))} |" for i, kind, t in errors]
    return lines
