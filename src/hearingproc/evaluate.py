"""Accuracy of the pipeline against references: WER, CER and language identification.

A manifest (the format of ``../shared/data/manifest.json``) lists recordings with reference
text, and where known reference segments with time, role and language. Each recording is run
through the same ``process_audio`` as the CLI; scores keep their raw counts (errors and
reference length) so that any group of files can be pooled the way jiwer pools a corpus.
"""

from __future__ import annotations

import json
import time
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hearingproc._fsutil import atomic_write_text
from hearingproc.audio import load_audio
from hearingproc.config import PipelineConfig
from hearingproc.errors import EvaluationError, HearingProcError
from hearingproc.progress import Progress, no_progress
from hearingproc.transcript import Segment

CHARACTER_LANGUAGES = {"zh", "ja"}  # scored by CER: no spaces between words


# --- normalisation and error counts -------------------------------------------------------

def _whisper_normaliser(language: str) -> Callable[[str], str]:
    from whisper.normalizers import BasicTextNormalizer, EnglishTextNormalizer

    return EnglishTextNormalizer() if language == "en" else BasicTextNormalizer()


def _collapse(text: str) -> str:
    return " ".join(text.split())


def characters(text: str) -> str:
    """Text scored by CER: spaces and punctuation removed."""
    return "".join(c for c in text if not c.isspace()
                   and not unicodedata.category(c).startswith(("P", "S")))


def word_counts(reference: str, hypothesis: str, language: str) -> dict[str, int]:
    """Word errors before (raw) and after Whisper's normaliser, and reference lengths."""
    import jiwer

    normalise = _whisper_normaliser(language)
    raw_ref, raw_hyp = _collapse(reference), _collapse(hypothesis)
    norm_ref, norm_hyp = _collapse(normalise(reference)), _collapse(normalise(hypothesis))
    counts = {"ref_words_raw": len(raw_ref.split()), "ref_words": len(norm_ref.split())}
    for key, ref, hyp in (("errors_raw", raw_ref, raw_hyp), ("errors", norm_ref, norm_hyp)):
        if not ref:
            counts[key] = len(hyp.split())
            continue
        out = jiwer.process_words(ref, hyp)
        counts[key] = out.substitutions + out.deletions + out.insertions
    return counts


def char_counts(reference: str, hypothesis: str) -> dict[str, int]:
    """Character errors with spaces and punctuation removed."""
    import jiwer

    ref, hyp = characters(reference), characters(hypothesis)
    if not ref:
        return {"errors": len(hyp), "ref_chars": 0}
    out = jiwer.process_characters(ref, hyp)
    return {"errors": out.substitutions + out.deletions + out.insertions, "ref_chars": len(ref)}


def text_counts(reference: str, hypothesis: str, language: str) -> dict[str, int]:
    if language in CHARACTER_LANGUAGES:
        return char_counts(reference, hypothesis)
    return word_counts(reference, hypothesis, language)


def rate(counts: dict[str, int], language: str) -> dict[str, float | None]:
    """WER (raw and normalised) or CER from pooled counts."""
    def ratio(errors: str, length: str) -> float | None:
        return counts[errors] / counts[length] if counts.get(length) else None

    if language in CHARACTER_LANGUAGES:
        return {"cer": ratio("errors", "ref_chars")}
    return {"wer_raw": ratio("errors_raw", "ref_words_raw"), "wer_normalised": ratio("errors", "ref_words")}


def pool(items: Iterable[dict[str, int]]) -> dict[str, int]:
    total: dict[str, int] = {}
    for counts in items:
        for key, value in counts.items():
            total[key] = total.get(key, 0) + value
    return total


# --- one recording ------------------------------------------------------------------------

@dataclass(frozen=True)
class RefSegment:
    start: float
    end: float
    language: str
    text: str


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))


def assign_to_references(refs: Sequence[RefSegment], hyps: Sequence[Segment]) -> list[list[Segment]]:
    """Each hypothesis segment goes to the reference segment it overlaps most (ties: the
    earlier); segments overlapping none are left out (they count as insertions nowhere)."""
    assigned: list[list[Segment]] = [[] for _ in refs]
    for hyp in hyps:
        overlaps = [_overlap(r.start, r.end, hyp.start, hyp.end) for r in refs]
        if overlaps and max(overlaps) > 0:
            assigned[overlaps.index(max(overlaps))].append(hyp)
    return assigned


def _score_segmented(refs: Sequence[RefSegment], hyps: Sequence[Segment]) -> dict[str, Any]:
    """Per-language counts and language-ID accuracy for a recording with timed references."""
    by_language: dict[str, list[dict[str, int]]] = {}
    correct = 0
    for ref, mine in zip(refs, assign_to_references(refs, hyps)):
        text = (" " if ref.language not in CHARACTER_LANGUAGES else "").join(s.text for s in mine)
        by_language.setdefault(ref.language, []).append(text_counts(ref.text, text, ref.language))
        duration = {lang: sum(s.end - s.start for s in mine if s.language == lang)
                    for lang in {s.language for s in mine}}
        correct += bool(duration) and max(duration, key=duration.__getitem__) == ref.language
    return {"counts": {lang: pool(c) for lang, c in by_language.items()},
            "lid": {"correct": correct, "total": len(refs)}}


def _score_whole(reference: str, language: str, hyps: Sequence[Segment]) -> dict[str, Any]:
    joiner = "" if language in CHARACTER_LANGUAGES else " "
    hypothesis = joiner.join(s.text.strip() for s in hyps)
    counts = {language: text_counts(reference, hypothesis, language)} if reference else {}
    right = sum(s.language == language for s in hyps)
    # no output on a recording with no reference words (AMI excerpts that are mostly silence)
    # has no language to get wrong; no output where words were expected is a miss
    total = len(hyps) if hyps else int(bool(reference))
    return {"counts": counts, "lid": {"correct": right, "total": total}}


def _references(entry: dict[str, Any]) -> list[RefSegment] | None:
    segs = entry.get("reference_segments") or []
    if "+" not in entry.get("language", "") or not all("language" in s for s in segs):
        return None
    return [RefSegment(s["start"], s["end"], s["language"], s["text"]) for s in segs]


def score_entry(entry: dict[str, Any], segments: Sequence[Segment]) -> dict[str, Any]:
    refs = _references(entry)
    if refs:
        return _score_segmented(refs, segments)
    return _score_whole(entry.get("reference_text") or "", entry["language"], segments)


# --- a manifest ---------------------------------------------------------------------------

def read_manifest(path: Path) -> list[dict[str, Any]]:
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read manifest ({exc})") from exc
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "id" in e and "audio" in e
                                                 and "language" in e for e in entries):
        raise EvaluationError(f"{path}: a manifest is a JSON list of objects with id, audio, language")
    return entries


def evaluate_manifest(manifest: Path, config: PipelineConfig, only: Sequence[str] = (),
                      progress: Progress = no_progress) -> dict[str, Any]:
    """Run the pipeline on every (selected) recording of ``manifest`` and score it."""
    from hearingproc.pipeline import process_audio

    entries = [e for e in read_manifest(manifest) if not only or any(o in e["id"] for o in only)]
    files = []
    for i, entry in enumerate(entries):
        path = manifest.parent / entry["audio"]
        try:
            audio = load_audio(path)
            started = time.perf_counter()
            transcript = process_audio(audio, config)
            elapsed = time.perf_counter() - started
        except HearingProcError as exc:
            raise EvaluationError(f"{entry['id']}: {exc}") from exc
        files.append({
            "id": entry["id"], "language": entry["language"], "duration": round(audio.duration, 3),
            "seconds": round(elapsed, 3), "rtf": round(elapsed / audio.duration, 4),
            **score_entry(entry, transcript.segments),
            "hypothesis": transcript.text, "reference": entry.get("reference_text") or "",
            "languages_detected": list(transcript.languages),
            "flags": sorted({f for s in transcript.segments for f in s.flags}),
        })
        progress("evaluate", i + 1, len(entries))
    for item in files:
        item["scores"] = {lang: rate(c, lang) for lang, c in item["counts"].items()}
        lid = item["lid"]
        lid["accuracy"] = lid["correct"] / lid["total"] if lid["total"] else None
    return {"manifest": str(manifest), "config": {"engine": config.asr.engine,
                                                   "model": config.asr.model or "whisper-base"},
            "files": files, "overall": aggregate(files)}


def aggregate(files: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Pooled scores per language, language-ID accuracy and real-time factor."""
    languages = sorted({lang for f in files for lang in f["counts"]})
    pooled = {lang: pool(f["counts"][lang] for f in files if lang in f["counts"]) for lang in languages}
    lid = pool({"correct": f["lid"]["correct"], "total": f["lid"]["total"]} for f in files)
    seconds = sum(f["seconds"] for f in files)
    duration = sum(f["duration"] for f in files)
    return {
        "scores": {lang: {**rate(c, lang), **c} for lang, c in pooled.items()},
        "lid": {**lid, "accuracy": lid["correct"] / lid["total"] if lid.get("total") else None},
        "files": len(files), "audio_seconds": round(duration, 3),
        "rtf": round(seconds / duration, 4) if duration else None,
    }


# --- thresholds ---------------------------------------------------------------------------

def load_thresholds(path: Path) -> list[dict[str, Any]]:
    """``[[check]]`` tables: name, ids (list) or id_prefix, metric, language, and max or min."""
    try:
        checks = tomllib.loads(path.read_text(encoding="utf-8")).get("check", [])
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read thresholds ({exc})") from exc
    for check in checks:
        if "metric" not in check or ("max" in check) == ("min" in check):
            raise EvaluationError(f"{path}: check {check.get('name')!r} needs a metric and one of max/min")
    return checks


def _selected(check: dict[str, Any], files: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    ids = check.get("ids")
    prefixes = tuple(check.get("id_prefixes", ()))
    return [f for f in files if (ids and f["id"] in ids) or (prefixes and f["id"].startswith(prefixes))]


def check_thresholds(report: dict[str, Any], checks: Sequence[dict[str, Any]]) -> list[str]:
    """One line per failed check; empty when every figure is within its threshold. A check
    whose recordings are all missing from the report fails (a threshold must not pass
    by selecting nothing)."""
    failures, results = [], []
    for check in checks:
        files = _selected(check, report["files"])
        overall = aggregate(files) if files else None
        value = _metric(overall, check) if overall else None
        bound = check.get("max", check.get("min"))
        ok = value is not None and (value <= bound if "max" in check else value >= bound)
        results.append({"name": check.get("name", check["metric"]), "metric": check["metric"],
                        "language": check.get("language"), "value": value, "files": len(files),
                        ("max" if "max" in check else "min"): bound, "passed": ok})
        if not ok:
            shown = "no data" if value is None else f"{value:.4f}"
            relation = f"<= {bound}" if "max" in check else f">= {bound}"
            failures.append(f"{check.get('name', check['metric'])}: {check['metric']} = {shown}, "
                            f"required {relation} over {len(files)} file(s)")
    report["checks"] = results
    return failures


def _metric(overall: dict[str, Any], check: dict[str, Any]) -> float | None:
    if check["metric"] == "lid_accuracy":
        return overall["lid"]["accuracy"]
    return overall["scores"].get(check.get("language", ""), {}).get(check["metric"])


# --- report -------------------------------------------------------------------------------

def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def summary_line(report: dict[str, Any]) -> str:
    overall = report["overall"]
    parts = [f"{len(report['files'])} recordings"]
    for lang, scores in overall["scores"].items():
        name = "CER" if "cer" in scores else "WER"
        parts.append(f"{lang} {name} {_fmt(scores.get('cer', scores.get('wer_normalised')))}")
    parts.append(f"LID {_fmt(overall['lid']['accuracy'])}")
    parts.append(f"RTF {_fmt(overall['rtf'])}")
    return ", ".join(parts)


def render_markdown(report: dict[str, Any]) -> str:
    lines = ["# hearingproc evaluation", "", f"Manifest: `{report['manifest']}`  ",
             f"Engine: {report['config']['engine']}, model: {report['config']['model']}", "",
             "## Overall", "", "| language | WER raw | WER normalised | CER | units |",
             "|---|---|---|---|---|"]
    for lang, s in report["overall"]["scores"].items():
        units = s.get("ref_chars", s.get("ref_words"))
        lines.append(f"| {lang} | {_fmt(s.get('wer_raw'))} | {_fmt(s.get('wer_normalised'))} | "
                     f"{_fmt(s.get('cer'))} | {units} |")
    lid = report["overall"]["lid"]
    lines += ["", f"Language identification: {lid.get('correct', 0)}/{lid.get('total', 0)} "
              f"segments correct ({_fmt(lid['accuracy'])}). Real-time factor: "
              f"{_fmt(report['overall']['rtf'])} over {report['overall']['audio_seconds']} s.", ""]
    if report.get("checks"):
        lines += ["## Thresholds", "", "| check | metric | value | bound | files | result |",
                  "|---|---|---|---|---|---|"]
        for c in report["checks"]:
            bound = f"<= {c['max']}" if "max" in c else f">= {c['min']}"
            lines.append(f"| {c['name']} | {c['metric']} | {_fmt(c['value'])} | {bound} | "
                         f"{c['files']} | {'pass' if c['passed'] else '**FAIL**'} |")
        lines.append("")
    lines += ["## Per recording", "", "| id | lang | s | WER raw | WER norm | CER | LID | RTF | flags |",
              "|---|---|---|---|---|---|---|---|---|"]
    for f in report["files"]:
        s = pool_scores(f["scores"])
        lines.append(f"| {f['id']} | {f['language']} | {f['duration']:.1f} | {_fmt(s.get('wer_raw'))} | "
                     f"{_fmt(s.get('wer_normalised'))} | {_fmt(s.get('cer'))} | "
                     f"{_fmt(f['lid']['accuracy'])} | {_fmt(f['rtf'])} | {', '.join(f['flags'])} |")
    return "\n".join(lines) + "\n"


def pool_scores(scores: dict[str, dict[str, float | None]]) -> dict[str, float | None]:
    """Merge a file's per-language rates into one row (each metric from its language)."""
    merged: dict[str, float | None] = {}
    for values in scores.values():
        merged.update({k: v for k, v in values.items() if v is not None})
    return merged


def write_report(report: dict[str, Any], out_dir: Path) -> None:
    """``report.json`` and ``report.md``, each written atomically."""
    out_dir.mkdir(parents=True, exist_ok=True)
    atomic_write_text(out_dir / "report.json", json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    atomic_write_text(out_dir / "report.md", render_markdown(report))
