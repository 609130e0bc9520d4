"""Accuracy of the pipeline against references: WER, CER, language identification, DER,
speaker-attributed WER (cpWER), role accuracy, translation presence, translation chrF and
BLEU against reference translations, and tag F1 (the scores
themselves are in :mod:`hearingproc.evaluation`; this module runs a manifest, applies the
thresholds and writes the report).

A manifest (the format of ``../shared/data/manifest.json``) lists recordings with reference
text, and where known reference segments with time, speaker, role and language, and a
reference RTTM. Each recording is run through the same ``process_audio`` as the CLI, with the
metadata sidecar the CLI would read (``AUDIO.meta.json`` beside the recording, where there is
one: the participants, the expected language); scores
keep their raw counts (errors and reference length, seconds of missed speech, ...) so that any
group of files can be pooled the way jiwer pools a corpus and pyannote.metrics pools DER.
"""

from __future__ import annotations

import json
import time
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hearingproc._fsutil import atomic_write_text, sha256_of_file
from hearingproc.audio import load_audio
from hearingproc.config import PipelineConfig
from hearingproc.errors import EvaluationError, HearingProcError
from hearingproc.evaluation import fmt
from hearingproc.evaluation import roles as scoring_roles
from hearingproc.evaluation import tags as tag_eval
from hearingproc.evaluation import translation as evaluate_translation
from hearingproc.evaluation.speakers import (
    DER_COLLARS,
    diarization_lines,
    pool_cpwer,
    pool_diarization,
    read_rttm,
    score_speakers,
)
from hearingproc.evaluation.text import pool, rate, score_entry
from hearingproc.pipeline.store import read_sidecar
from hearingproc.progress import Progress, no_progress
from hearingproc.transcript import Transcript, load_transcript

# --- a manifest ---------------------------------------------------------------------------

def read_manifest(path: Path) -> list[dict[str, Any]]:
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read manifest ({exc})") from exc
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "id" in e and (
            ("audio" in e and "language" in e) or "transcript" in e) for e in entries):
        raise EvaluationError(f"{path}: a manifest is a JSON list of objects with id, audio, "
                              "language (or id and transcript, for tags only)")
    return entries


def evaluate_manifest(manifest: Path, config: PipelineConfig, only: Sequence[str] = (),
                      progress: Progress = no_progress,
                      hypotheses_dir: Path | None = None,
                      jobs: int = 1, transcripts_dir: Path | None = None) -> dict[str, Any]:
    """Run the pipeline on every (selected) recording of ``manifest`` and score it.

    With ``hypotheses_dir``, each recording's transcript is kept there as ``<id>.json`` (the
    ``transcript.json`` of ``hearingproc process``) as soon as it is made, so that a miss can be
    read, and a run that stops early keeps what it had done, without running it again.

    Text-only entries (a transcript with reference tags) are tagged in ``jobs`` processes
    (spawned: a script that passes ``jobs`` > 1 needs the ``if __name__ == "__main__":``
    guard); recordings run one at a time, each with every thread.

    With ``transcripts_dir``, nothing is run: each recording's transcript is read from there
    (:func:`made_transcript`) and scored, without a real-time factor."""
    from hearingproc.exports import json_export
    from hearingproc.pipeline.memory import process_audio

    entries = [e for e in read_manifest(manifest) if not only or any(o in e["id"] for o in only)]
    english = evaluate_translation.reference_translations(manifest)
    tag_files = tag_eval.evaluate_text_entries(
        [e for e in entries if "audio" not in e], manifest.parent, config.tag,
        jobs=jobs, progress=progress)
    entries = [e for e in entries if "audio" in e]
    files = []
    for i, entry in enumerate(entries):
        path = manifest.parent / entry["audio"]
        rttm = entry.get("reference_rttm")
        reference_turns = read_rttm(manifest.parent / rttm) if rttm else None
        elapsed: float | None = None
        try:
            metadata = read_sidecar(path)
            if transcripts_dir is not None:
                transcript = made_transcript(transcripts_dir, entry, path)
                duration = transcript.recording.duration
            else:
                audio = load_audio(path)
                started = time.perf_counter()
                transcript = process_audio(audio, config, metadata)
                elapsed, duration = time.perf_counter() - started, audio.duration
        except HearingProcError as exc:
            raise EvaluationError(f"{entry['id']}: {exc}") from exc
        if hypotheses_dir is not None:
            hypotheses_dir.mkdir(parents=True, exist_ok=True)
            atomic_write_text(hypotheses_dir / f"{hypothesis_name(entry)}.json",
                              json_export.render(transcript))
        files.append({
            "id": entry["id"], "language": entry["language"], "duration": round(duration, 3),
            "seconds": None if elapsed is None else round(elapsed, 3),
            "rtf": None if elapsed is None else round(elapsed / duration, 4),
            "sidecar": bool(metadata),
            **score_entry(entry, transcript.segments),
            **score_speakers(entry, transcript, reference_turns),
            "roles": scoring_roles.score_roles(entry, transcript.segments, transcript.speakers),
            "translation": evaluate_translation.score_translation(
                entry, transcript.segments, english.get(entry["id"])),
            "hypothesis": transcript.text, "reference": entry.get("reference_text") or "",
            "languages_detected": list(transcript.languages),
            "flags": sorted({f for s in transcript.segments for f in s.flags}),
        })
        if (scored := tag_eval.score_tags(entry, transcript.tags)) is not None:
            tag_files.append({"id": entry["id"], "tags": scored})
        progress("evaluate", i + 1, len(entries))
    for item in files:
        item["scores"] = {lang: rate(c, lang) for lang, c in item["counts"].items()}
        lid = item["lid"]
        lid["accuracy"] = lid["correct"] / lid["total"] if lid["total"] else None
    made = {"transcripts": str(transcripts_dir)} if transcripts_dir is not None else {}
    return {"manifest": str(manifest), "config": {"engine": config.asr.engine,
                                                   "model": config.asr.model or "whisper-base",
                                                   **made},
            "files": files, "overall": aggregate(files), "tag_files": tag_files,
            "tags": tag_eval.aggregate(tag_files) if tag_files else None}


def aggregate(files: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Pooled scores per language, language-ID accuracy, DER and cpWER (None where no file
    has that reference) and real-time factor."""
    languages = sorted({lang for f in files for lang in f["counts"]})
    pooled = {lang: pool(f["counts"][lang] for f in files if lang in f["counts"])
              for lang in languages}
    lid = pool({"correct": f["lid"]["correct"], "total": f["lid"]["total"]} for f in files)
    timed = all(f["seconds"] is not None for f in files)  # not when transcripts were read
    seconds = sum(f["seconds"] for f in files) if timed else 0.0
    duration = sum(f["duration"] for f in files)
    return {
        "scores": {lang: {**rate(c, lang), **c} for lang, c in pooled.items()},
        "lid": {**lid, "accuracy": lid["correct"] / lid["total"] if lid.get("total") else None},
        "diarization": pool_diarization(files), "cpwer": pool_cpwer(files),
        "roles": scoring_roles.pool_roles(files),
        "translation": evaluate_translation.pool_translation(files),
        "files": len(files), "audio_seconds": round(duration, 3),
        "rtf": round(seconds / duration, 4) if duration and timed else None,
    }


def hypothesis_name(entry: dict[str, Any]) -> str:
    """The file name (without ``.json``) of an entry's transcript in ``hypotheses/``."""
    return str(entry["id"]).replace("/", "_").replace("\\", "_")


def made_transcript(folder: Path, entry: dict[str, Any], audio: Path) -> Transcript:
    """The transcript of ``entry``'s recording that an earlier run left in ``folder``: the
    ``STEM/transcript.json`` of ``hearingproc process --out FOLDER``, else the ``ID.json`` of
    an eval's ``hypotheses/``. It must be of that very recording (its sha256)."""
    candidates = [folder / audio.stem / "transcript.json",
                  folder / f"{hypothesis_name(entry)}.json"]
    found = next((p for p in candidates if p.is_file()), None)
    if found is None:
        raise EvaluationError(f"no transcript of {audio} in {folder} (looked for "
                              f"{' and '.join(str(p) for p in candidates)})")
    transcript = load_transcript(found)
    if transcript.recording.id != sha256_of_file(audio):
        raise EvaluationError(f"{found} is the transcript of another recording "
                              f"({transcript.recording.source}), not of {audio}")
    return transcript


# --- thresholds ---------------------------------------------------------------------------

def load_thresholds(path: Path) -> list[dict[str, Any]]:
    """``[[check]]`` tables: name, ids (list) or id_prefix, metric, language, and max or min."""
    try:
        checks = tomllib.loads(path.read_text(encoding="utf-8")).get("check", [])
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read thresholds ({exc})") from exc
    for check in checks:
        if "metric" not in check or ("max" in check) == ("min" in check):
            raise EvaluationError(f"{path}: check {check.get('name')!r} needs a metric and one "
                                  "of max/min")
    return checks


def _selected(check: dict[str, Any], files: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    ids = check.get("ids")
    prefixes = tuple(check.get("id_prefixes", ()))
    return [f for f in files
            if (ids and f["id"] in ids) or (prefixes and f["id"].startswith(prefixes))]


def check_thresholds(report: dict[str, Any], checks: Sequence[dict[str, Any]]) -> list[str]:
    """One line per failed check; empty when every figure is within its threshold. A check
    whose recordings are all missing from the report fails (a threshold must not pass
    by selecting nothing)."""
    failures, results = [], []
    for check in checks:
        if tag_eval.is_tag_metric(check["metric"]):  # text-only entries count as files too
            value, count = tag_eval.metric(report, check)
        else:
            files = _selected(check, report["files"])
            overall = aggregate(files) if files else None
            value, count = _metric(overall, check) if overall else None, len(files)
        bound = check["max"] if "max" in check else check["min"]
        ok = value is not None and (value <= bound if "max" in check else value >= bound)
        results.append({"name": check.get("name", check["metric"]), "metric": check["metric"],
                        "language": check.get("language"), "value": value, "files": count,
                        ("max" if "max" in check else "min"): bound, "passed": ok})
        if not ok:
            shown = "no data" if value is None else f"{value:.4f}"
            relation = f"<= {bound}" if "max" in check else f">= {bound}"
            failures.append(f"{check.get('name', check['metric'])}: {check['metric']} = {shown}, "
                            f"required {relation} over {count} file(s)")
    report["checks"] = results
    return failures


def _metric(overall: dict[str, Any], check: dict[str, Any]) -> float | None:
    if check["metric"] == "lid_accuracy":
        return overall["lid"]["accuracy"]
    if check["metric"] in DER_COLLARS:
        return (overall.get("diarization") or {}).get(check["metric"])
    if check["metric"] == "cpwer":
        return (overall.get("cpwer") or {}).get("cpwer")
    if check["metric"] == "role_accuracy":
        return (overall.get("roles") or {}).get("accuracy")
    if evaluate_translation.is_translation_metric(check["metric"]):
        return evaluate_translation.metric(overall, check["metric"])
    return overall["scores"].get(check.get("language", ""), {}).get(check["metric"])


# --- report -------------------------------------------------------------------------------

def summary_line(report: dict[str, Any]) -> str:
    overall = report["overall"]
    parts = [f"{len(report['files'])} recordings"]
    for lang, scores in overall["scores"].items():
        name = "CER" if "cer" in scores else "WER"
        parts.append(f"{lang} {name} {fmt(scores.get('cer', scores.get('wer_normalised')))}")
    parts.append(f"LID {fmt(overall['lid']['accuracy'])}")
    if overall.get("diarization"):
        parts.append(f"DER {fmt(overall['diarization']['der'])}")
    if overall.get("cpwer"):
        parts.append(f"cpWER {fmt(overall['cpwer']['cpwer'])}")
    if overall.get("roles"):
        parts.append(f"roles {fmt(overall['roles']['accuracy'])}")
    if (quality := (overall.get("translation") or {}).get("quality")):
        parts.append(f"translation chrF {quality['chrf']:.1f}")
    parts.append(f"RTF {fmt(overall['rtf'])}")
    return ", ".join(parts + ([tag_eval.summary(report)] if report.get("tags") else []))


def render_markdown(report: dict[str, Any]) -> str:
    made = report["config"].get("transcripts")
    lines = ["# hearingproc evaluation", "", f"Manifest: `{report['manifest']}`  ",
             f"Transcripts made earlier, read from `{made}` (not timed)" if made else
             f"Engine: {report['config']['engine']}, model: {report['config']['model']}", "",
             "## Overall", "", "| language | WER raw | WER normalised | CER | units |",
             "|---|---|---|---|---|"]
    for lang, s in report["overall"]["scores"].items():
        units = s.get("ref_chars", s.get("ref_words"))
        lines.append(f"| {lang} | {fmt(s.get('wer_raw'))} | {fmt(s.get('wer_normalised'))} | "
                     f"{fmt(s.get('cer'))} | {units} |")
    lid = report["overall"]["lid"]
    lines += ["", f"Language identification: {lid.get('correct', 0)}/{lid.get('total', 0)} "
              f"segments correct ({fmt(lid['accuracy'])}). Real-time factor: "
              f"{fmt(report['overall']['rtf'])} over {report['overall']['audio_seconds']} s.", ""]
    if report.get("checks"):
        lines += ["## Thresholds", "", "| check | metric | value | bound | files | result |",
                  "|---|---|---|---|---|---|"]
        for c in report["checks"]:
            bound = f"<= {c['max']}" if "max" in c else f">= {c['min']}"
            lines.append(f"| {c['name']} | {c['metric']} | {fmt(c['value'])} | {bound} | "
                         f"{c['files']} | {'pass' if c['passed'] else '**FAIL**'} |")
        lines.append("")
    lines += ["## Per recording", "",
              "| id | lang | s | WER raw | WER norm | CER | LID | RTF | flags |",
              "|---|---|---|---|---|---|---|---|---|"]
    for f in report["files"]:
        s = pool_scores(f["scores"])
        lines.append(f"| {f['id']} | {f['language']} | {f['duration']:.1f} | "
                     f"{fmt(s.get('wer_raw'))} | {fmt(s.get('wer_normalised'))} | "
                     f"{fmt(s.get('cer'))} | {fmt(f['lid']['accuracy'])} | {fmt(f['rtf'])} | "
                     f"{', '.join(f['flags'])} |")
    return "\n".join(lines + diarization_lines(report) + scoring_roles.markdown_lines(report)
                     + evaluate_translation.markdown_lines(report)
                     + tag_eval.markdown_lines(report)) + "\n"


def pool_scores(scores: dict[str, dict[str, float | None]]) -> dict[str, float | None]:
    """Merge a file's per-language rates into one row (each metric from its language)."""
    merged: dict[str, float | None] = {}
    for values in scores.values():
        merged.update({k: v for k, v in values.items() if v is not None})
    return merged


def write_report(report: dict[str, Any], out_dir: Path) -> None:
    """``report.json`` and ``report.md``, each written atomically."""
    out_dir.mkdir(parents=True, exist_ok=True)
    atomic_write_text(out_dir / "report.json",
                      json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    atomic_write_text(out_dir / "report.md", render_markdown(report))
