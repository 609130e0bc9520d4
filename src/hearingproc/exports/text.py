"""An EOIR-style plain-text transcript: a header, the speakers, then one line per segment.

Each line is ``[HH:MM:SS] ROLE: text``, with the role label (JUDGE, INTERPRETER, APPLICANT,
DHS COUNSEL, ...) or, for a voice without one, its diarization label. Speech in another
language than English carries its language, ``APPLICANT (es): ...``, and where the segment
has an English translation it follows on the next line in brackets, ``[English translation:
...]``. Flags a reviewer must see are written inline, e.g. ``[low confidence]``; overlapping
speech names the other speakers, e.g. ``[overlapping speech: INTERPRETER]``.

The text is a list of sections (:func:`sections`) separated by blank lines; a new section is
one more entry there.
"""

from __future__ import annotations

from collections.abc import Callable

from hearingproc.exports._tags_text import tags_section
from hearingproc.exports._time import clock, speaker_label
from hearingproc.transcript import Segment, Transcript

OVERLAP_FLAG = "overlapping_speech"
RECORD_LANGUAGE = "en"  # lines in other languages show their language
NO_SPEAKER = "UNIDENTIFIED SPEAKER"  # EOIR's label for speech no voice was found for
SHARED_ROLES = ("interpreter",)  # one person even when diarization gives two voices
TRANSLATION = "[English translation: {}]"
METADATA_LINES = (("case_number", "Case number"), ("hearing_type", "Hearing type"),
                  ("hearing_date", "Hearing date"))


def hms(seconds: float) -> str:
    """``HH:MM:SS``, rounded down to the second."""
    whole = max(0, int(seconds))
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def _header(transcript: Transcript) -> list[str]:
    rec = transcript.recording
    languages = ", ".join(transcript.languages) or "none detected"
    lines = ["TRANSCRIPT OF HEARING"]
    lines += [f"{label}: {rec.metadata[key]}" for key, label in METADATA_LINES
              if rec.metadata.get(key) not in (None, "")]
    lines += [
        f"Recording: {rec.source}",
        f"SHA-256:   {rec.id}",
        f"Duration:  {clock(rec.duration)}",
        f"Languages: {languages}",
        f"Produced by hearingproc ({transcript.pipeline.engines.get('asr', '')}, "
        f"{transcript.pipeline.created_at}); {review_note(transcript)}.",
    ]
    return lines


def _speakers(transcript: Transcript) -> list[str]:
    """One line per voice: label, id, languages, talk time and role confidence."""
    if not transcript.speakers:
        return []
    lines = ["SPEAKERS"]
    for s in transcript.speakers:
        label = speaker_label(s.role, s.id)
        role = f"{label} ({s.id})" if label != s.id else label
        confidence = f", role confidence {s.role_confidence:.2f}" if s.role != "unknown" else ""
        lines.append(f"  {role}: {', '.join(s.languages) or '-'}, {s.talk_time:.0f} s{confidence}")
    return lines


def segment_labels(segments: tuple[Segment, ...]) -> Callable[[Segment], str]:
    """Segment -> its label: the role, with the voice's id added where two voices share a
    role that is not one person's (``WITNESS · SPEAKER_03``); ``UNIDENTIFIED SPEAKER`` without a
    voice."""
    voices: dict[str, set[str | None]] = {}
    for s in segments:
        if s.role:
            voices.setdefault(s.role, set()).add(s.speaker)

    def label(segment: Segment) -> str:
        name = speaker_label(segment.role, segment.speaker) or NO_SPEAKER
        role = segment.role or ""
        if (segment.speaker and name != segment.speaker and role not in SHARED_ROLES
                and len(voices.get(role, ())) > 1):
            name = f"{name} · {segment.speaker}"  # as the timeline keeps them apart
        return name
    return label


def review_note(transcript: Transcript) -> str:
    """``machine transcript, not reviewed``, or who reviewed it, how much and until when."""
    history = transcript.review_history
    if not history:
        return "machine transcript, not reviewed"
    standing = sum(h.get("action") != "undo" and not h.get("undone_by") for h in history)
    reviewers = ", ".join(dict.fromkeys(str(h.get("reviewer", "")) for h in history))
    return (f"reviewed by {reviewers} ({standing} change{'s' if standing != 1 else ''} in "
            f"effect, last at {history[-1].get('at', '')})")


def flag_marks(segment: Segment, labels: dict[str, str]) -> list[str]:
    """The inline marks for a segment's flags, e.g. ``[low confidence]``.

    Overlapping speech is marked once, naming the others who talk meanwhile (by role when
    known, via ``labels``: speaker id -> label), whether or not the flag itself is set.
    """
    others = ", ".join(labels.get(who) or who for who in segment.overlap_speakers)
    overlap = f"[{OVERLAP_FLAG.replace('_', ' ')}: {others}]" if others else ""
    marks = []
    for flag in dict.fromkeys(segment.flags):
        if flag == OVERLAP_FLAG and overlap:
            marks.append(overlap)
            overlap = ""
        else:
            marks.append(f"[{flag.replace('_', ' ')}]")
    return marks + ([overlap] if overlap else [])


def segment_lines(segment: Segment, label: str, labels: dict[str, str]) -> list[str]:
    """``[HH:MM:SS] LABEL (lang): text [flags]`` and, for translated speech, its English."""
    stamp = f"[{hms(segment.start)}]"
    language = f" ({segment.language})" if segment.language != RECORD_LANGUAGE else ""
    flags = "".join(f" {mark}" for mark in flag_marks(segment, labels))
    lines = [f"{stamp} {label}{language}: {segment.text.strip()}{flags}"]
    if segment.translation and segment.language != RECORD_LANGUAGE:
        lines.append(" " * (len(stamp) + 1) + TRANSLATION.format(segment.translation.text.strip()))
    return lines


def _body(transcript: Transcript) -> list[str]:
    if not transcript.segments:
        return ["(no speech transcribed)"]
    labels = {s.id: speaker_label(s.role, s.id) for s in transcript.speakers}
    label = segment_labels(transcript.segments)
    return [line for segment in transcript.segments
            for line in segment_lines(segment, label(segment), labels)]


def sections(transcript: Transcript) -> list[list[str]]:
    """The parts of the text in order (empty ones are left out)."""
    return [_header(transcript), _speakers(transcript), _body(transcript),
            tags_section(transcript)]


def render(transcript: Transcript) -> str:
    return "\n\n".join("\n".join(part) for part in sections(transcript) if part) + "\n"
