"""Speaker accuracy: diarization error rate (pyannote.metrics, overlap scored, collars 0.25
and 0 s) and speaker-attributed WER (cpWER)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from hearingproc.errors import EvaluationError
from hearingproc.evaluation import fmt
from hearingproc.evaluation.text import CHARACTER_LANGUAGES, characters, pool, whisper_normaliser
from hearingproc.transcript import Segment, SpeakerTurn, Transcript

# DER threshold metric -> collar in seconds, in pyannote.metrics' convention: the collar is
# centred on each reference boundary (half of it on each side) and left out of scoring.
DER_COLLARS = {"der": 0.25, "der_collar0": 0.0}
# Our names for pyannote.metrics' DER components (seconds).
DER_COMPONENTS = {"total": "total", "missed": "missed detection",
                  "false_alarm": "false alarm", "confusion": "confusion"}
UNKNOWN_SPEAKER = "<unknown>"  # the one hypothesis speaker of all segments with speaker None
SECONDS_DECIMALS = 3  # DER components are rounded to milliseconds


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
    return {key: round(float(detail[name]), SECONDS_DECIMALS)
            for key, name in DER_COMPONENTS.items()}


def der(components: dict[str, float]) -> float | None:
    """(missed + false alarm + confusion) / reference speech; None without reference speech."""
    errors = components["missed"] + components["false_alarm"] + components["confusion"]
    return errors / components["total"] if components["total"] else None


def score_diarization(reference: Sequence[SpeakerTurn], hypothesis: Sequence[SpeakerTurn],
                      duration: float = 0.0) -> dict[str, Any]:
    """DER at each collar of :data:`DER_COLLARS` (with components) and the speaker counts."""
    components = {metric: {"collar": collar,
                           **der_components(reference, hypothesis, collar, duration)}
                  for metric, collar in DER_COLLARS.items()}
    return {"reference_speakers": len({t.speaker for t in reference}),
            "hypothesis_speakers": len({t.speaker for t in hypothesis}),
            **{metric: der(c) for metric, c in components.items()}, "components": components}


def pool_diarization(files: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """DER pooled over the files scored for diarization (seconds summed); None without any."""
    scored = [f["diarization"] for f in files if f.get("diarization")]
    if not scored:
        return None
    components = {metric: {"collar": collar,
                           **{key: round(sum(d["components"][metric][key] for d in scored),
                                         SECONDS_DECIMALS) for key in DER_COMPONENTS}}
                  for metric, collar in DER_COLLARS.items()}
    return {"files": len(scored), **{metric: der(c) for metric, c in components.items()},
            "components": components,
            "speaker_count_exact": sum(d["reference_speakers"] == d["hypothesis_speakers"]
                                       for d in scored)}


def _tokens(text: str, language: str) -> list[str]:
    """What WER counts: Whisper-normalised words, or characters for zh/ja (as CER does)."""
    if language in CHARACTER_LANGUAGES:
        return list(characters(text))
    return whisper_normaliser(language)(text).split()


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
    pairs = list(zip(rows, cols, strict=True))
    return {"errors": int(sum(cost[i][j] for i, j in pairs)),
            "ref_words": sum(len(w) for w in ref_words),
            "hyp_words": sum(len(w) for w in hyp_words),
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
    return {**counts,
            "cpwer": counts["errors"] / counts["ref_words"] if counts["ref_words"] else None}


def pool_cpwer(files: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """cpWER counts pooled over the files that have them; None without any."""
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
        diarization = score_diarization(reference_turns, transcript.turns,
                                        transcript.recording.duration)
    return {"diarization": diarization, "cpwer": score_cpwer(entry, transcript.segments)}


def _diarization_row(name: str, d: dict[str, Any] | None, cp: dict[str, Any] | None,
                     speakers: str) -> str:
    cells = ["-"] * 6
    if d:
        c = d["components"]["der"]
        share = [c[k] / c["total"] if c["total"] else None
                 for k in ("missed", "false_alarm", "confusion")]
        cells = [fmt(d["der_collar0"]), fmt(d["der"]), *map(fmt, share), f"{c['total']:.1f}"]
    return f"| {name} | {' | '.join(cells)} | {speakers} | {fmt(cp['cpwer'] if cp else None)} |"


CV_RESULT = "diarization_cv.json"  # in hearingproc/data: written by tools/tune_diarization.py


def cross_validated() -> dict[str, Any] | None:
    """The committed cross-validated DER of the embedded pipeline's defaults (held-out files
    only); None where the file is missing."""
    import json
    from importlib import resources

    try:
        text = resources.files("hearingproc").joinpath("data", CV_RESULT).read_text("utf-8")
    except (FileNotFoundError, OSError):
        return None
    return dict(json.loads(text))


def cross_validated_line(cv: dict[str, Any] | None) -> str | None:
    """One sentence quoting the held-out figures of :func:`cross_validated`."""
    if not cv:
        return None
    held = cv["held_out"]
    return (f"Held out (the figure to quote for recordings the clustering was not tuned on): "
            f"{held['files']} recordings of ../shared/data with a reference RTTM, each diarized "
            f"with clustering parameters chosen on the other folds ({cv['folds']}-fold cross "
            f"validation, `{cv['command']}`): pooled DER {held['der']:.3f} at the 0.25 s collar, "
            f"worst {held['worst_file']} {held['worst_der']:.3f}, number of voices right on "
            f"{held['voices_right']}/{held['files']}. The table above scores the shipped "
            f"defaults, tuned on some of those recordings: in-sample there. "
            f"{cv.get('note', '')}").rstrip()


def diarization_lines(report: dict[str, Any]) -> list[str]:
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
    held_out = cross_validated_line(cross_validated())
    return lines + (["", held_out] if held_out else [])
