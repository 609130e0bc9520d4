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

Translation quality, wherever a reference English translation exists (``reference_translation``
on a manifest entry, or the entry's ``english`` in ``translations_en.json`` beside the
manifest): the English of the recording's translated segments, in time order, against the
reference, with sacrebleu's chrF (character n-grams up to 6, beta 2) and BLEU (13a tokens),
both on text lower-cased and with punctuation removed, on sacrebleu's 0-100 scale. Files keep
both texts, so that any group of files pools as one corpus (``translation_chrf`` and
``translation_bleu``, threshold metrics) and per language of the recording.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hearingproc.transcript import Segment

ENGLISH = "en"
METRIC = "translation_presence"
CHRF_METRIC = "translation_chrf"
BLEU_METRIC = "translation_bleu"
REFERENCES_FILE = "translations_en.json"  # beside the manifest: id -> reference English
_SPACES = re.compile(r"\s+")


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


def reference_translations(manifest: Path) -> dict[str, str]:
    """Reference English by recording id from ``translations_en.json`` beside ``manifest``
    (a JSON list of objects with ``id`` and ``english``); empty when there is no such file."""
    from hearingproc.errors import EvaluationError

    path = manifest.parent / REFERENCES_FILE
    if not path.is_file():
        return {}
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read reference translations ({exc})") from exc
    if not isinstance(entries, list) or not all(
            isinstance(e, dict) and isinstance(e.get("id"), str)
            and isinstance(e.get("english"), str) for e in entries):
        raise EvaluationError(f"{path}: reference translations are a JSON list of objects "
                              "with id and english")
    return {e["id"]: e["english"] for e in entries}


def normalise(text: str) -> str:
    """Lower case, every punctuation mark a space, runs of spaces one: what chrF and BLEU
    compare here (the reference's and the engine's punctuation and casing are conventions,
    not meaning)."""
    chars = (" " if unicodedata.category(c).startswith("P") else c for c in text.lower())
    return _SPACES.sub(" ", "".join(chars)).strip()


def hypothesis_english(segments: Sequence[Segment]) -> str:
    """The English translations of ``segments`` in time order, one text."""
    ordered = sorted(segments, key=lambda s: (s.start, s.id))
    return " ".join(s.translation.text.strip() for s in ordered
                    if s.translation is not None and s.translation.text.strip())


def quality(hypotheses: Sequence[str], references: Sequence[str]) -> dict[str, float]:
    """Corpus chrF and BLEU (0-100) of ``hypotheses`` against one reference each."""
    from sacrebleu.metrics import BLEU, CHRF

    hyps = [normalise(h) for h in hypotheses]
    refs = [[normalise(r) for r in references]]
    return {"chrf": CHRF().corpus_score(hyps, refs).score,
            "bleu": BLEU().corpus_score(hyps, refs).score}


def score_translation(entry: dict[str, Any], segments: Sequence[Segment],
                      reference: str | None = None) -> dict[str, Any] | None:
    """``{"translated", "total", "presence"}`` for one recording, and with a ``reference``
    English (else the entry's ``reference_translation``) also ``hypothesis_en``,
    ``reference_en``, ``chrf``, ``bleu`` and ``flagged`` (segments whose translation the engine
    flagged as doubtful); None when it has neither non-English reference
    speech nor a reference translation."""
    reference = entry.get("reference_translation") or reference
    units = _units(entry, segments)
    if units is None and not reference:
        return None
    scored: dict[str, Any] = {}
    if units is not None:
        translated = sum(1 for unit in units if _translated(unit))
        scored = {"translated": translated, "total": len(units),
                  METRIC: translated / len(units)}
    if reference:
        english = hypothesis_english(segments)
        flagged = sum(1 for s in segments if s.translation is not None and s.translation.flags)
        scored |= {"hypothesis_en": english, "reference_en": reference, "flagged": flagged,
                   **quality([english], [reference])}
    return scored


def pool_translation(files: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """Translation presence, and chrF/BLEU over all files with a reference translation and
    per language, pooled over the files that have them."""
    present = [f["translation"] for f in files if "total" in (f.get("translation") or {})]
    with_reference = [f for f in files if (f.get("translation") or {}).get("reference_en")]
    if not present and not with_reference:
        return None
    pooled: dict[str, Any] = {}
    if present:
        translated = sum(s["translated"] for s in present)
        total = sum(s["total"] for s in present)
        pooled = {"files": len(present), "translated": translated, "total": total,
                  METRIC: translated / total if total else None}
    if with_reference:
        by_language: dict[str, list[dict[str, Any]]] = {}
        for f in with_reference:
            by_language.setdefault(f["language"], []).append(f["translation"])
        pooled["quality"] = {
            "files": len(with_reference),
            **_pooled_quality([f["translation"] for f in with_reference]),
            "languages": {lang: {"files": len(items), **_pooled_quality(items)}
                          for lang, items in sorted(by_language.items())},
        }
    return pooled


def _pooled_quality(items: Sequence[dict[str, Any]]) -> dict[str, float]:
    return quality([t["hypothesis_en"] for t in items], [t["reference_en"] for t in items])


def metric(overall: dict[str, Any], name: str = METRIC) -> float | None:
    """A pooled translation figure of an aggregate for threshold checks: ``name`` is
    ``translation_presence``, ``translation_chrf`` or ``translation_bleu``."""
    pooled = overall.get("translation") or {}
    if name == METRIC:
        return pooled.get(METRIC)
    key = {CHRF_METRIC: "chrf", BLEU_METRIC: "bleu"}[name]
    return (pooled.get("quality") or {}).get(key)


def is_translation_metric(name: str) -> bool:
    return name in (METRIC, CHRF_METRIC, BLEU_METRIC)


def markdown_lines(report: dict[str, Any]) -> list[str]:
    """The "Translation" sections of report.md (empty when no file has non-English speech
    or a reference translation)."""
    return _presence_lines(report) + _quality_lines(report)


def _presence_lines(report: dict[str, Any]) -> list[str]:
    files = [f for f in report["files"] if (f.get("translation") or {}).get("total")]
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
    if pooled.get(METRIC) is not None:
        lines.append(f"| **overall** | {pooled['translated']} | {pooled['total']} | "
                     f"{pooled[METRIC]:.3f} |")
    return lines


def _quality_lines(report: dict[str, Any]) -> list[str]:
    files = [f for f in report["files"] if (f.get("translation") or {}).get("reference_en")]
    pooled = (report["overall"].get("translation") or {}).get("quality")
    if not files or not pooled:
        return []
    lines = ["", "## Translation quality", "",
             "chrF and BLEU (sacrebleu, 0-100, lower-cased, punctuation removed) of the English "
             "translations against reference translations, pooled as one corpus.", "",
             "| language | files | chrF | BLEU |", "|---|---|---|---|"]
    for lang, q in pooled["languages"].items():
        lines.append(f"| {lang} | {q['files']} | {q['chrf']:.1f} | {q['bleu']:.1f} |")
    lines += [f"| **overall** | {pooled['files']} | {pooled['chrf']:.1f} | {pooled['bleu']:.1f} |",
              "", "| id | chrF | flagged | machine English | reference English |",
              "|---|---|---|---|---|"]
    for f in files:
        t = f["translation"]
        lines.append(f"| {f['id']} | {t['chrf']:.1f} | {t.get('flagged', '-')} | "
                     f"{_cell(t['hypothesis_en'])} | {_cell(t['reference_en'])} |")
    return lines


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ") or "-"
