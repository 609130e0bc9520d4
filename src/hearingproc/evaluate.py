"""Accuracy of the pipeline against references: WER, CER, language identification, DER and
speaker-attributed WER (cpWER).

A manifest (the format of ``../shared/data/manifest.json``) lists recordings with reference
text, and where known reference segments with time, speaker, role and language, and a
reference RTTM. Each recording is run through the same ``process_audio`` as the CLI; scores
keep their raw counts (errors and reference length, seconds of missed speech, ...) so that any
group of files can be pooled the way jiwer pools a corpus and pyannote.metrics pools DER.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import time
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hearingproc import scoring_roles
from hearingproc import tag_eval
from hearingproc._fsutil import atomic_write_text
from hearingproc import evaluate_translation
from hearingproc.audio import load_audio
from hearingproc.config import PipelineConfig
from hearingproc.errors import EvaluationError, HearingProcError
from hearingproc.progress import Progress, no_progress
from hearingproc.transcript import Segment, SpeakerTurn, Transcript, Word

CHARACTER_LANGUAGES = {"zh", "ja"}  # scored by CER: no spaces between words
# DER threshold metric -> collar in seconds, in pyannote.metrics' convention: the collar is
# centred on each reference boundary (half of it on each side) and left out of scoring.
DER_COLLARS = {"der": 0.25, "der_collar0": 0.0}
# Our names for pyannote.metrics' DER components (seconds).
DER_COMPONENTS = {"total": "total", "missed": "missed detection",
                  "false_alarm": "false alarm", "confusion": "confusion"}
UNKNOWN_SPEAKER = "<unknown>"  # the one hypothesis speaker of all segments with speaker None
SECONDS_DECIMALS = 3  # DER components are rounded to milliseconds


# --- normalisation and error counts -------------------------------------------------------

@functools.lru_cache(maxsize=None)
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


def _most_overlapped(refs: Sequence[RefSegment], start: float, end: float) -> int | None:
    overlaps = [_overlap(r.start, r.end, start, end) for r in refs]
    return overlaps.index(max(overlaps)) if overlaps and max(overlaps) > 0 else None


def assign_to_references(refs: Sequence[RefSegment], hyps: Sequence[Segment]) -> list[list[Segment]]:
    """Each hypothesis segment goes to the reference segment it overlaps most (ties: the
    earlier); segments overlapping none are left out (they count as insertions nowhere).

    A segment with word times is divided word by word instead, so that one decode spanning two
    reference sentences (one speaker's "Sarah Collins for the respondent. Why did you leave
    Honduras?") is scored against both: each word goes to the reference it overlaps most, and a
    word overlapping none goes where the whole segment does. Each piece keeps the segment's
    language."""
    assigned: list[list[Segment]] = [[] for _ in refs]
    for hyp in hyps:
        home = _most_overlapped(refs, hyp.start, hyp.end)
        if home is None:
            continue
        if not hyp.words:
            assigned[home].append(hyp)
            continue
        pieces: dict[int, list[Word]] = {}
        for word in hyp.words:
            index = _most_overlapped(refs, word.start, word.end)
            pieces.setdefault(home if index is None else index, []).append(word)
        for index, words in pieces.items():
            assigned[index].append(dataclasses.replace(
                hyp, start=words[0].start, end=words[-1].end, words=tuple(words),
                text="".join(w.text for w in words).strip()))
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


# --- speakers: DER and cpWER --------------------------------------------------------------

def read_rttm(path: Path) -> tuple[SpeakerTurn, ...]:
    """The ``SPEAKER`` lines of an RTTM file as turns in time order, every uri merged into one
    recording (a file may hold one uri per channel)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot read reference RTTM ({exc})") from exc
    turns = []
    for number, line in enumerate(lines, 1):
        fields = line.split()
        if not fields or fields[0] != "SPEAKER":
            continue
        try:
            start, duration = float(fields[3]), float(fields[4])
            turns.append(SpeakerTurn(start, start + duration, fields[7]))
        except (IndexError, ValueError) as exc:
            raise EvaluationError(f"{path}:{number}: not an RTTM SPEAKER line ({exc})") from exc
    return tuple(sorted(turns, key=lambda t: (t.start, t.end, t.speaker)))


def _annotation(turns: Sequence[SpeakerTurn]) -> Any:
    """A pyannote ``Annotation``; overlapping turns of one speaker are joined (pyannote would
    otherwise count that speaker twice there)."""
    from pyannote.core import Annotation
    from pyannote.core import Segment as Span

    annotation = Annotation(uri="recording")
    for track, turn in enumerate(turns):
        if turn.end > turn.start:
            annotation[Span(turn.start, turn.end), track] = turn.speaker
    return annotation.support()


def der_components(reference: Sequence[SpeakerTurn], hypothesis: Sequence[SpeakerTurn],
                   collar: float, duration: float = 0.0) -> dict[str, float]:
    """Seconds of reference speech (``total``), ``missed``, ``false_alarm`` and ``confusion``
    from pyannote.metrics' DER with overlapped speech scored, over [0, duration] (extended to
    the last turn)."""
    from pyannote.core import Segment as Span
    from pyannote.core import Timeline
    from pyannote.metrics.diarization import DiarizationErrorRate

    end = max([duration, *(t.end for t in (*reference, *hypothesis))])
    if end <= 0:
        return {key: 0.0 for key in DER_COMPONENTS}
    metric = DiarizationErrorRate(collar=collar, skip_overlap=False)
    detail = metric(_annotation(reference), _annotation(hypothesis),
                    uem=Timeline([Span(0.0, end)]), detailed=True)
    return {key: round(float(detail[name]), SECONDS_DECIMALS) for key, name in DER_COMPONENTS.items()}


def der(components: dict[str, float]) -> float | None:
    """(missed + false alarm + confusion) / reference speech; None without reference speech."""
    errors = components["missed"] + components["false_alarm"] + components["confusion"]
    return errors / components["total"] if components["total"] else None


def score_diarization(reference: Sequence[SpeakerTurn], hypothesis: Sequence[SpeakerTurn],
                      duration: float = 0.0) -> dict[str, Any]:
    """DER at each collar of :data:`DER_COLLARS` (with components) and the speaker counts."""
    components = {metric: {"collar": collar, **der_components(reference, hypothesis, collar, duration)}
                  for metric, collar in DER_COLLARS.items()}
    return {"reference_speakers": len({t.speaker for t in reference}),
            "hypothesis_speakers": len({t.speaker for t in hypothesis}),
            **{metric: der(c) for metric, c in components.items()}, "components": components}


def _pool_diarization(files: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    scored = [f["diarization"] for f in files if f.get("diarization")]
    if not scored:
        return None
    components = {metric: {"collar": collar, **{key: round(sum(d["components"][metric][key] for d in scored),
                                                         SECONDS_DECIMALS) for key in DER_COMPONENTS}}
                  for metric, collar in DER_COLLARS.items()}
    return {"files": len(scored), **{metric: der(c) for metric, c in components.items()},
            "components": components,
            "speaker_count_exact": sum(d["reference_speakers"] == d["hypothesis_speakers"] for d in scored)}


def _tokens(text: str, language: str) -> list[str]:
    """What WER counts: Whisper-normalised words, or characters for zh/ja (as CER does)."""
    if language in CHARACTER_LANGUAGES:
        return list(characters(text))
    return _whisper_normaliser(language)(text).split()


def _word_errors(reference: Sequence[str], hypothesis: Sequence[str]) -> int:
    import jiwer

    if not reference or not hypothesis:
        return len(reference) + len(hypothesis)
    out = jiwer.process_words(" ".join(reference), " ".join(hypothesis))
    return out.substitutions + out.deletions + out.insertions


def _by_speaker(pieces: Iterable[tuple[str, str, str]]) -> dict[str, list[str]]:
    words: dict[str, list[str]] = {}
    for speaker, language, text in pieces:
        words.setdefault(speaker, []).extend(_tokens(text, language))
    return words


def cp_counts(reference: Sequence[tuple[str, str, str]],
              hypothesis: Sequence[tuple[str, str, str]]) -> dict[str, Any]:
    """Concatenated minimum-permutation word errors (cpWER counts).

    Both sides are ``(speaker, language, text)`` pieces in time order; each speaker's words
    are concatenated, and speakers are paired one to one (Hungarian algorithm) to minimise
    the total errors. A reference speaker left unpaired counts all its words as deletions, a
    hypothesis speaker left unpaired all its words as insertions.
    """
    from scipy.optimize import linear_sum_assignment

    ref, hyp = _by_speaker(reference), _by_speaker(hypothesis)
    ref_ids, hyp_ids = sorted(ref), sorted(hyp)
    size = max(len(ref_ids), len(hyp_ids))  # padded with empty speakers: pairing never costs more
    ref_words = [ref[s] for s in ref_ids] + [[]] * (size - len(ref_ids))
    hyp_words = [hyp[s] for s in hyp_ids] + [[]] * (size - len(hyp_ids))
    cost = [[_word_errors(r, h) for h in hyp_words] for r in ref_words]
    rows, cols = linear_sum_assignment(cost) if size else ([], [])
    pairs = list(zip(rows, cols))
    return {"errors": int(sum(cost[i][j] for i, j in pairs)),
            "ref_words": sum(len(w) for w in ref_words), "hyp_words": sum(len(w) for w in hyp_words),
            "mapping": {ref_ids[i]: hyp_ids[j] if j < len(hyp_ids) else None
                        for i, j in pairs if i < len(ref_ids)}}


def _speaker_references(entry: dict[str, Any]) -> list[tuple[str, str, str]] | None:
    """Reference ``(speaker, language, text)`` in time order, where every segment has both a
    speaker and text (listing order where segments have no times)."""
    segs = entry.get("reference_segments") or []
    if not segs or not all(s.get("speaker") and s.get("text") for s in segs):
        return None
    ordered = sorted(segs, key=lambda s: s.get("start", 0.0))  # stable: untimed keep their order
    return [(s["speaker"], s.get("language", entry["language"]), s["text"]) for s in ordered]


def score_cpwer(entry: dict[str, Any], segments: Sequence[Segment]) -> dict[str, Any] | None:
    """cpWER counts for a recording whose reference gives words per speaker, else None. The
    hypothesis language of a piece is the entry's, or in a mixed-language entry the segment's."""
    reference = _speaker_references(entry)
    if reference is None:
        return None
    mixed = "+" in entry["language"]
    hypothesis = [(s.speaker or UNKNOWN_SPEAKER, s.language if mixed else entry["language"], s.text)
                  for s in sorted(segments, key=lambda s: s.start)]
    counts = cp_counts(reference, hypothesis)
    return {**counts, "cpwer": counts["errors"] / counts["ref_words"] if counts["ref_words"] else None}


def _pool_cpwer(files: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    scored = [f["cpwer"] for f in files if f.get("cpwer")]
    if not scored:
        return None
    counts = pool({k: c[k] for k in ("errors", "ref_words", "hyp_words")} for c in scored)
    return {"files": len(scored), **counts,
            "cpwer": counts["errors"] / counts["ref_words"] if counts["ref_words"] else None}


def score_speakers(entry: dict[str, Any], transcript: Transcript,
                   reference_turns: Sequence[SpeakerTurn] | None) -> dict[str, Any]:
    """``diarization`` (where a reference RTTM exists) and ``cpwer`` of one recording."""
    diarization = None
    if reference_turns is not None:
        diarization = score_diarization(reference_turns, transcript.turns, transcript.recording.duration)
    return {"diarization": diarization, "cpwer": score_cpwer(entry, transcript.segments)}


# --- a manifest ---------------------------------------------------------------------------

def read_manifest(path: Path) -> list[dict[str, Any]]:
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read manifest ({exc})") from exc
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "id" in e and (
            ("audio" in e and "language" in e) or "transcript" in e) for e in entries):
        raise EvaluationError(f"{path}: a manifest is a JSON list of objects with id, audio, language"
                              " (or id and transcript, for tags only)")
    return entries


def evaluate_manifest(manifest: Path, config: PipelineConfig, only: Sequence[str] = (),
                      progress: Progress = no_progress) -> dict[str, Any]:
    """Run the pipeline on every (selected) recording of ``manifest`` and score it."""
    from hearingproc.pipeline import process_audio

    entries = [e for e in read_manifest(manifest) if not only or any(o in e["id"] for o in only)]
    tag_files = [tag_eval.evaluate_text_entry(e, manifest.parent, config.tag) for e in entries if "audio" not in e]
    entries = [e for e in entries if "audio" in e]
    files = []
    for i, entry in enumerate(entries):
        path = manifest.parent / entry["audio"]
        rttm = entry.get("reference_rttm")
        reference_turns = read_rttm(manifest.parent / rttm) if rttm else None
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
            **score_speakers(entry, transcript, reference_turns),
            "roles": scoring_roles.score_roles(entry, transcript.segments),
            "translation": evaluate_translation.score_translation(entry, transcript.segments),
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
    return {"manifest": str(manifest), "config": {"engine": config.asr.engine,
                                                   "model": config.asr.model or "whisper-base"},
            "files": files, "overall": aggregate(files), "tag_files": tag_files,
            "tags": tag_eval.aggregate(tag_files) if tag_files else None}


def aggregate(files: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Pooled scores per language, language-ID accuracy, DER and cpWER (None where no file
    has that reference) and real-time factor."""
    languages = sorted({lang for f in files for lang in f["counts"]})
    pooled = {lang: pool(f["counts"][lang] for f in files if lang in f["counts"]) for lang in languages}
    lid = pool({"correct": f["lid"]["correct"], "total": f["lid"]["total"]} for f in files)
    seconds = sum(f["seconds"] for f in files)
    duration = sum(f["duration"] for f in files)
    return {
        "scores": {lang: {**rate(c, lang), **c} for lang, c in pooled.items()},
        "lid": {**lid, "accuracy": lid["correct"] / lid["total"] if lid.get("total") else None},
        "diarization": _pool_diarization(files), "cpwer": _pool_cpwer(files),
        "roles": scoring_roles.pool_roles(files),
        "translation": evaluate_translation.pool_translation(files),
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
        if tag_eval.is_tag_metric(check["metric"]):  # text-only entries count as files too
            value, count = tag_eval.metric(report, check)
        else:
            files = _selected(check, report["files"])
            overall = aggregate(files) if files else None
            value, count = _metric(overall, check) if overall else None, len(files)
        bound = check.get("max", check.get("min"))
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
    if check["metric"] == evaluate_translation.METRIC:
        return evaluate_translation.metric(overall)
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
    if overall.get("diarization"):
        parts.append(f"DER {_fmt(overall['diarization']['der'])}")
    if overall.get("cpwer"):
        parts.append(f"cpWER {_fmt(overall['cpwer']['cpwer'])}")
    if overall.get("roles"):
        parts.append(f"roles {_fmt(overall['roles']['accuracy'])}")
    parts.append(f"RTF {_fmt(overall['rtf'])}")
    return ", ".join(parts + ([tag_eval.summary(report)] if report.get("tags") else []))


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
    return "\n".join(lines + _diarization_lines(report) + scoring_roles.markdown_lines(report)
                     + evaluate_translation.markdown_lines(report)
                     + tag_eval.markdown_lines(report)) + "\n"


def _diarization_row(name: str, d: dict[str, Any] | None, cp: dict[str, Any] | None,
                     speakers: str) -> str:
    cells = ["-"] * 6
    if d:
        c = d["components"]["der"]
        share = [c[k] / c["total"] if c["total"] else None for k in ("missed", "false_alarm", "confusion")]
        cells = [_fmt(d["der_collar0"]), _fmt(d["der"]), *map(_fmt, share), f"{c['total']:.1f}"]
    return f"| {name} | {' | '.join(cells)} | {speakers} | {_fmt(cp['cpwer'] if cp else None)} |"


def _diarization_lines(report: dict[str, Any]) -> list[str]:
    """The "Diarization" section: DER, its components and cpWER per recording and overall."""
    files = [f for f in report["files"] if f.get("diarization") or f.get("cpwer")]
    if not files:
        return []
    lines = ["", "## Diarization", "",
             "DER from pyannote.metrics with overlapped speech scored, at collar 0 and 0.25 s "
             "(centred on each reference boundary); missed, false alarm and confusion are shares "
             "of the reference speech at the 0.25 s collar. cpWER: words per speaker, speakers "
             "paired to minimise errors.", "",
             "| id | DER c0 | DER c0.25 | missed | false alarm | confusion | speech s "
             "| speakers ref/hyp | cpWER |", "|---|---|---|---|---|---|---|---|---|"]
    for f in files:
        d = f.get("diarization")
        speakers = f"{d['reference_speakers']}/{d['hypothesis_speakers']}" if d else "-"
        lines.append(_diarization_row(f["id"], d, f.get("cpwer"), speakers))
    overall = report["overall"]
    d = overall.get("diarization")
    speakers = f"{d['speaker_count_exact']}/{d['files']} exact" if d else "-"
    lines.append(_diarization_row("**overall**", d, overall.get("cpwer"), speakers))
    return lines


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
