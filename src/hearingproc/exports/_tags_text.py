"""The tags section of the EOIR-style text transcript: each finding, ruling and appeal
event with its time, its page:line in the paginated transcript (``Tr. 14:3-9``, as a brief
cites it), speaker, segments, confidence and the quoted words, then what the legal
co-occurrence checks found missing."""

from __future__ import annotations

from hearingproc.exports._time import clock, speaker_label
from hearingproc.exports.paginated import Span, paginate
from hearingproc.transcript import Tag, Transcript

QUOTE_WIDTH = 88  # quoted words are wrapped at this width, indented


def _when(tag: Tag) -> str:
    if tag.start is None or tag.end is None:
        return "[no time]"
    return f"[{clock(tag.start)}-{clock(tag.end)}]"


def _headline(tag: Tag, span: Span | None) -> str:
    what = tag.label.replace("_", " ").upper()
    if tag.polarity:
        what += f": {tag.polarity.replace('_', ' ')}"
    details = []
    for key, value in tag.attributes.items():
        if key in ("missing", "notes"):
            continue
        shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        details.append(f"{key.replace('_', ' ')} {shown}")
    if details:
        what += f" ({'; '.join(details)})"
    who = speaker_label(tag.role, tag.speaker) or "unknown speaker"
    segments = ", ".join(map(str, tag.segments))
    where = f" ({span.cite})" if span else ""
    return (f"{_when(tag)}{where} {what} - {who}, segment {segments}, "
            f"confidence {tag.confidence:.2f}, {tag.review}")


def _wrapped(text: str, indent: str = "    ") -> list[str]:
    lines, line = [], ""
    for word in f'"{text}"'.split():
        if line and len(indent) + len(line) + 1 + len(word) > QUOTE_WIDTH:
            lines.append(indent + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + ([indent + line] if line else [])


def tags_section(transcript: Transcript) -> list[str]:
    """The section's lines (none when there are no tags)."""
    if not transcript.tags:
        return []
    spans = paginate(transcript).tags
    lines = ["FINDINGS, RULINGS AND EVENTS (machine-tagged; verify against the recording)"]
    for tag in transcript.tags:
        lines.append(_headline(tag, spans.get(tag.id)))
        lines += _wrapped(tag.quote)
    notes = [(tag, note) for tag in transcript.tags for note in tag.attributes.get("notes", [])]
    if notes:
        lines += ["", "NOT STATED ON THE RECORD (legal co-occurrence checks)"]
        lines += [f"- {note} (tag {tag.id}, {tag.label.replace('_', ' ')})" for tag, note in notes]
    return lines
