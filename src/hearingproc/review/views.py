"""What the pages show, computed from a transcript and its history (no web framework here).

Each function returns plain dicts and lists for the templates; whatever a stage has not run
for (no speakers, roles, translations, tags or interpretation checks) is simply empty.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import PurePath
from typing import Any

from hearingproc.exports.paginated import paginate
from hearingproc.review.edits import known_labels
from hearingproc.review.store import Change
from hearingproc.transcript import ROLES, InterpretationCheck, Segment, Transcript, Translation

# avg_logprob at or above: "high" confidence; at or above the guard's own low-confidence
# threshold (stages/guard.py, -1.0): "mid"; below: "low"
CONFIDENCE_LEVELS = ((-0.5, "high"), (-1.0, "mid"))
# word probability below: shaded as doubtful ("low"), or as worth a look ("mid")
WORD_LEVELS = ((0.4, "low"), (0.7, "mid"))
CONSISTENT_VERDICTS = frozenset({"consistent", "ok"})
TIMELINE_WIDTH = 1000  # the SVG timeline's x axis, in its own units (it scales to the page)


def clock(seconds: float | None) -> str:
    """``m:ss``, or ``h:mm:ss`` from an hour on."""
    if seconds is None:
        return ""
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def role_label(role: str | None) -> str:
    return (role or "unknown").replace("_", " ")


def flagged(check: InterpretationCheck) -> bool:
    return check.verdict.strip().lower() not in CONSISTENT_VERDICTS


def _confidence(segment: Segment) -> str:
    if segment.avg_logprob is None:
        return "none"
    for bound, level in CONFIDENCE_LEVELS:
        if segment.avg_logprob >= bound:
            return level
    return "low"


def _translation_confidence(translation: Translation | None) -> dict[str, Any]:
    """A translation's mean log-probability and how doubtful it is, shaded like words:
    "low" when the engine flagged it or its log-probability is below the low bound of
    CONFIDENCE_LEVELS, "mid" below the high bound, else ""."""
    logprob = translation.avg_logprob if translation else None
    flags = list(translation.flags) if translation else []
    level = "" if logprob is None else {"high": "", "mid": "mid"}.get(
        next((name for bound, name in CONFIDENCE_LEVELS if logprob >= bound), "low"), "low")
    if flags:
        level = "low"
    return {"translation_level": level, "translation_flags": [f.replace("_", " ") for f in flags],
            "translation_logprob": None if logprob is None else f"{logprob:.2f}"}


def _words(segment: Segment) -> list[dict[str, Any]] | None:
    """The words with their shading, or None when they no longer spell the text."""
    if not segment.words or "".join(w.text for w in segment.words).strip() != segment.text.strip():
        return None
    shaded = []
    for word in segment.words:
        level = next((name for bound, name in WORD_LEVELS if word.probability < bound), "")
        core = word.text.lstrip()
        shaded.append({"lead": word.text[:len(word.text) - len(core)], "text": core,
                       "level": level, "probability": f"{word.probability:.2f}"})
    return shaded


def summary(name: str, transcript: Transcript, history: list[Change]) -> dict[str, Any]:
    """One row of the list page."""
    meta = transcript.recording.metadata
    reviewed = sum(t.review != "unreviewed" for t in transcript.tags)
    last = history[-1] if history else None
    return {
        "name": name,
        "case": meta.get("case_number") or "",
        "hearing_type": meta.get("hearing_type") or "",
        "source": PurePath(transcript.recording.source.replace("\\", "/")).name,
        "duration": clock(transcript.recording.duration),
        "languages": ", ".join(transcript.languages),
        "segments": len(transcript.segments),
        "tags": len(transcript.tags),
        "tags_reviewed": reviewed,
        "checks_flagged": sum(flagged(c) for c in transcript.interpretation_checks),
        "segment_flags": sum(bool(s.flags) for s in transcript.segments),
        "changes": len(history),
        "last_change": f"{last.reviewer}, {last.at}" if last else "",
        "progress": round(100 * reviewed / len(transcript.tags)) if transcript.tags else None,
    }


def _checks_by_segment(transcript: Transcript) -> dict[int, list[dict[str, Any]]]:
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for number, check in enumerate(transcript.interpretation_checks, start=1):
        info = {"number": number, "verdict": check.verdict, "score": f"{check.score:.2f}",
                "flagged": flagged(check), "source": list(check.source_segments),
                "rendering": list(check.rendering_segments),
                "evidence": list(getattr(check, "evidence", ()) or ())}
        for side, ids in (("source", check.source_segments),
                          ("rendering", check.rendering_segments)):
            for segment_id in ids:
                found[segment_id].append({**info, "side": side})
    return found


def _segments(transcript: Transcript) -> list[dict[str, Any]]:
    speaker_roles = {s.id: s.role for s in transcript.speakers}
    checks = _checks_by_segment(transcript)
    tags: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for tag in transcript.tags:
        for segment_id in tag.segments:
            tags[segment_id].append({"id": tag.id, "label": tag.label, "review": tag.review})
    rows = []
    for segment in transcript.segments:
        role = segment.role or speaker_roles.get(segment.speaker or "", None) or "unknown"
        translation = segment.translation
        rows.append({
            "id": segment.id, "start": segment.start, "end": segment.end,
            "clock": clock(segment.start), "speaker": segment.speaker or "",
            "role": role, "role_label": role_label(role),
            "own_role": segment.role, "language": segment.language,
            "english": segment.language == "en", "text": segment.text.strip(),
            "words": _words(segment),
            "translation": translation.text if translation else None,
            "translation_engine": translation.engine if translation else None,
            **_translation_confidence(translation),
            "flags": [f.replace("_", " ") for f in segment.flags],
            "confidence": _confidence(segment),
            "avg_logprob": segment.avg_logprob,
            "tags": tags.get(segment.id, []), "checks": checks.get(segment.id, []),
        })
    return rows


def _tags(transcript: Transcript) -> list[dict[str, Any]]:
    return [{"id": t.id, "label": t.label, "polarity": t.polarity, "quote": t.quote,
             "clock": clock(t.start), "start": t.start, "segments": list(t.segments),
             "first": t.segments[0] if t.segments else None,
             "last": t.segments[-1] if t.segments else None,
             "confidence": f"{t.confidence:.2f}", "source": t.source, "review": t.review,
             "role": role_label(t.role) if t.role else "", "speaker": t.speaker or "",
             "attributes": t.attributes}
            for t in transcript.tags]


def _timeline(transcript: Transcript, roles: dict[str, str]) -> dict[str, Any]:
    """One SVG row per speaker, bars from the diarization turns (or the segments)."""
    spans = [(t.start, t.end, t.speaker) for t in transcript.turns]
    if not spans:
        spans = [(s.start, s.end, s.speaker) for s in transcript.segments if s.speaker]
    duration = max([transcript.recording.duration] + [end for _, end, _ in spans]) or 1.0
    ids = list(dict.fromkeys([s.id for s in transcript.speakers] + [w for _, _, w in spans]))
    scale = TIMELINE_WIDTH / duration
    rows = []
    for index, who in enumerate(ids):
        bars = [{"x": round(start * scale, 2), "width": max(round((end - start) * scale, 2), 1),
                 "start": start} for start, end, speaker in spans if speaker == who]
        rows.append({"speaker": who, "role": roles.get(who, "unknown"), "y": index * 14,
                     "bars": bars})
    return {"rows": rows, "width": TIMELINE_WIDTH, "height": max(len(rows), 1) * 14,
            "duration": duration}


def _history(history: list[Change]) -> list[dict[str, Any]]:
    return [{"id": c.id, "at": c.at, "reviewer": c.reviewer, "summary": c.summary,
             "action": c.action, "undone_by": c.undone_by, "undoes": c.undoes,
             "undoable": c.undone_by is None and c.action != "undo"}
            for c in reversed(history)]


def transcript_page(name: str, transcript: Transcript, history: list[Change],
                    has_audio: bool) -> dict[str, Any]:
    """Everything the transcript page shows."""
    roles = {s.id: s.role for s in transcript.speakers}
    segments = _segments(transcript)
    tags = _tags(transcript)
    layout = paginate(transcript)  # "Tr. page:line" as transcript.pdf and .json cite it
    for rows, spans in ((segments, layout.segments), (tags, layout.tags)):
        for row in rows:
            span = spans.get(row["id"])
            row["cite"] = span.cite if span else ""
    for row in segments:  # speakers without a speakers entry still get a colour
        if row["speaker"]:
            roles.setdefault(row["speaker"], row["role"])
    labels = known_labels()
    for tag in transcript.tags:
        labels.setdefault(tag.label, ())
    return {
        "name": name,
        "summary": summary(name, transcript, history),
        "has_audio": has_audio,
        "speakers": [{"id": s.id, "role": s.role, "role_label": role_label(s.role),
                      "confidence": f"{s.role_confidence:.2f}",
                      "evidence": list(s.role_evidence), "languages": ", ".join(s.languages),
                      "talk_time": clock(s.talk_time)} for s in transcript.speakers],
        "segments": segments,
        "tags": tags,
        "tag_labels": sorted({t.label for t in transcript.tags}),
        "label_choices": {label: list(polarities) for label, polarities in sorted(labels.items())},
        "checks_flagged": sum(flagged(c) for c in transcript.interpretation_checks),
        "timeline": _timeline(transcript, roles),
        "history": _history(history),
        "roles": [{"value": r, "label": role_label(r)} for r in ROLES],
    }
