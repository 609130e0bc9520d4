"""What a reviewer can change, as pure functions from one transcript to the next.

Each edit returns an :class:`Edit`: the new transcript plus the action, target and a one-line
summary. :func:`diff` then finds the speakers, segments and tags that differ, as a
:data:`Snapshot` (their JSON form before and after); :func:`restore` puts a snapshot back,
which is how a change is undone. Snapshots name objects by id, so an undo touches only what its
change touched.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, replace
from difflib import SequenceMatcher
from typing import Any

from hearingproc.errors import HearingProcError
from hearingproc.transcript import ROLES, Segment, Speaker, Tag, Transcript, Translation, Word

REVIEW_STATES = ("unreviewed", "accepted", "rejected", "edited")
REVIEWER_SOURCE = "reviewer"  # Tag.source of a tag a reviewer added; Translation.engine of a
# translation a reviewer wrote
MAX_TEXT_CHARS = 10_000
_LABEL = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_POLARITY = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")

# kind -> its objects in the transcript; JSON keys are strings, so ids are kept as strings
Snapshot = dict[str, dict[str, Any]]
KINDS = ("speakers", "segments", "tags")


class EditError(HearingProcError):
    """An edit a reviewer asked for is not valid (bad value)."""


class NotFoundError(EditError):
    """An edit names a speaker, segment, tag or change that does not exist."""


class ConflictError(EditError):
    """An undo would overwrite a later change to the same object."""


@dataclass(frozen=True)
class Edit:
    transcript: Transcript  # the transcript after the edit
    action: str  # e.g. "tag.accept"
    target: str  # e.g. "tag:3"
    summary: str  # one line for people


def known_labels() -> dict[str, tuple[str, ...]]:
    """Tag labels and their polarities from the tag stage's vocabulary, when installed."""
    try:
        from hearingproc.tagging import LABELS  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return {}
    return dict(LABELS)


# --- snapshots --------------------------------------------------------------------------

def _objects(transcript: Transcript, kind: str) -> dict[str, Any]:
    return {str(obj.id): obj for obj in getattr(transcript, kind)}


def _plain(obj: Any) -> dict[str, Any]:
    return json.loads(json.dumps(asdict(obj), ensure_ascii=False))


def diff(old: Transcript, new: Transcript) -> tuple[Snapshot, Snapshot]:
    """(before, after): the speakers, segments and tags that differ, by id (None: absent)."""
    before: Snapshot = {}
    after: Snapshot = {}
    for kind in KINDS:
        was, now = _objects(old, kind), _objects(new, kind)
        for key in dict.fromkeys([*was, *now]):
            if was.get(key) != now.get(key):
                before.setdefault(kind, {})[key] = _plain(was[key]) if key in was else None
                after.setdefault(kind, {})[key] = _plain(now[key]) if key in now else None
    return before, after


def snapshot_of(transcript: Transcript, like: Snapshot) -> Snapshot:
    """The transcript's current state of the objects ``like`` names."""
    state: Snapshot = {}
    for kind, entries in like.items():
        objects = _objects(transcript, kind)
        state[kind] = {key: _plain(objects[key]) if key in objects else None for key in entries}
    return state


def _tuples(cls: type, data: dict[str, Any]) -> Any:
    return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})


def _rebuild(kind: str, data: dict[str, Any]) -> Any:
    if kind == "segments":
        words = tuple(Word(**w) for w in data.get("words", ()))
        translation = _tuples(Translation, data["translation"]) if data.get("translation") else None
        return _tuples(Segment, {**data, "words": words, "translation": translation})
    return _tuples(Speaker if kind == "speakers" else Tag, data)


def restore(transcript: Transcript, state: Snapshot) -> Transcript:
    """The transcript with the objects of ``state`` put back (None removes one)."""
    changes: dict[str, Any] = {}
    for kind, entries in state.items():
        if kind not in KINDS:
            raise EditError(f"unknown kind {kind!r} in a stored change")
        objects = _objects(transcript, kind)
        for key, data in entries.items():
            if data is None:
                objects.pop(key, None)
            else:
                objects[key] = _rebuild(kind, data)
        values = list(objects.values())
        if kind != "speakers":  # segments and tags stay in id order
            values.sort(key=lambda obj: obj.id)
        changes[kind] = tuple(values)
    return replace(transcript, **changes)


# --- lookups and checks -----------------------------------------------------------------

def _tag(transcript: Transcript, tag_id: int) -> Tag:
    for tag in transcript.tags:
        if tag.id == tag_id:
            return tag
    raise NotFoundError(f"no tag {tag_id}")


def _segment(transcript: Transcript, segment_id: int) -> Segment:
    for segment in transcript.segments:
        if segment.id == segment_id:
            return segment
    raise NotFoundError(f"no segment {segment_id}")


def _role(role: str) -> str:
    if role not in ROLES:
        raise EditError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    return role


def _label_polarity(label: str, polarity: str | None) -> tuple[str, str | None]:
    label = label.strip()
    polarity = (polarity or "").strip() or None
    if not _LABEL.match(label):
        raise EditError(f"tag label {label!r} must be lower-case letters, digits and _")
    if polarity is not None and not _POLARITY.match(polarity):
        raise EditError(f"polarity {polarity!r} must be lower-case letters, digits and _")
    allowed = known_labels().get(label)
    if allowed is not None and polarity is not None and polarity not in allowed:
        choice = ", ".join(allowed) if allowed else "none"
        raise EditError(f"polarity of {label} must be one of: {choice}")
    return label, polarity


def _span(transcript: Transcript, first: int, last: int) -> tuple[Segment, ...]:
    if last < first:
        raise EditError(f"a tag's last line ({last}) comes before its first ({first})")
    _segment(transcript, first), _segment(transcript, last)
    return tuple(s for s in transcript.segments if first <= s.id <= last)


def _text(text: str) -> str:
    if len(text) > MAX_TEXT_CHARS:
        raise EditError(f"text longer than {MAX_TEXT_CHARS} characters")
    return " ".join(text.split())


def _replace_tag(transcript: Transcript, tag: Tag) -> Transcript:
    return replace(transcript, tags=tuple(tag if t.id == tag.id else t for t in transcript.tags))


# --- tags -------------------------------------------------------------------------------

def review_tag(transcript: Transcript, tag_id: int, status: str) -> Edit:
    """Accept, reject or reset (``unreviewed``) one tag."""
    if status not in ("accepted", "rejected", "unreviewed"):
        raise EditError(f"review status must be accepted, rejected or unreviewed, not {status!r}")
    tag = _tag(transcript, tag_id)
    verb = {"accepted": "accept", "rejected": "reject", "unreviewed": "reset"}[status]
    return Edit(_replace_tag(transcript, replace(tag, review=status)), f"tag.{verb}",
                f"tag:{tag_id}", f"tag {tag_id} {tag.label}: {tag.review} -> {status}")


def edit_tag(transcript: Transcript, tag_id: int, label: str, polarity: str | None,
             first: int, last: int) -> Edit:
    """Change a tag's label, polarity or span (first and last line); it becomes ``edited``."""
    tag = _tag(transcript, tag_id)
    label, polarity = _label_polarity(label, polarity)
    span = _span(transcript, first, last)
    new = replace(tag, label=label, polarity=polarity, review="edited")
    if tuple(s.id for s in span) != tag.segments:
        new = replace(new, segments=tuple(s.id for s in span), start=span[0].start,
                      end=span[-1].end, quote=" ".join(s.text.strip() for s in span),
                      speaker=span[0].speaker, role=span[0].role)
    was = f"{tag.label}/{tag.polarity or '-'} {_lines(tag.segments)}"
    now = f"{new.label}/{new.polarity or '-'} {_lines(new.segments)}"
    return Edit(_replace_tag(transcript, new), "tag.edit", f"tag:{tag_id}",
                f"tag {tag_id}: {was} -> {now}")


def _lines(ids: tuple[int, ...]) -> str:
    if not ids:
        return "no lines"
    return f"line {ids[0]}" if len(ids) == 1 else f"lines {ids[0]}-{ids[-1]}"


def add_tag(transcript: Transcript, first: int, last: int, label: str, polarity: str | None,
            quote: str | None = None) -> Edit:
    """A reviewer's own tag on lines ``first``..``last``, accepted; ``quote`` must be in them."""
    label, polarity = _label_polarity(label, polarity)
    span = _span(transcript, first, last)
    text = " ".join(s.text.strip() for s in span)
    quote = " ".join((quote or "").split()) or text
    if quote not in " ".join(text.split()):
        raise EditError(f"the quote is not in {_lines(tuple(s.id for s in span))}")
    tag_id = max((t.id for t in transcript.tags), default=0) + 1
    tag = Tag(id=tag_id, label=label, polarity=polarity, start=span[0].start, end=span[-1].end,
              segments=tuple(s.id for s in span), quote=quote, confidence=1.0,
              source=REVIEWER_SOURCE, speaker=span[0].speaker, role=span[0].role,
              review="accepted")
    return Edit(replace(transcript, tags=transcript.tags + (tag,)), "tag.add", f"tag:{tag_id}",
                f"tag {tag_id} added: {label}/{polarity or '-'} {_lines(tag.segments)}")


# --- roles ------------------------------------------------------------------------------

def set_speaker_role(transcript: Transcript, speaker_id: str, role: str) -> Edit:
    """Give a speaker a role, with every segment and tag of theirs that had the old one (or
    none); a line given another role of its own keeps it."""
    role = _role(role)
    speakers = {s.id: s for s in transcript.speakers}
    if speaker_id not in speakers:
        raise NotFoundError(f"no speaker {speaker_id!r}")
    old = speakers[speaker_id]
    evidence = tuple(e for e in old.role_evidence if e != "set by reviewer") + ("set by reviewer",)
    speakers[speaker_id] = replace(old, role=role, role_confidence=1.0, role_evidence=evidence)
    followed = (old.role, None)  # lines without a role of their own show the speaker's
    segments = tuple(replace(s, role=role) if s.speaker == speaker_id and s.role in followed
                     else s for s in transcript.segments)
    tags = tuple(replace(t, role=role) if t.speaker == speaker_id and t.role in followed else t
                 for t in transcript.tags)
    new = replace(transcript, speakers=tuple(speakers.values()), segments=segments, tags=tags)
    return Edit(new, "role.speaker", f"speaker:{speaker_id}",
                f"{speaker_id} role: {old.role} -> {role}")


def set_segment_role(transcript: Transcript, segment_id: int, role: str) -> Edit:
    """Give one line a role of its own (its speaker keeps theirs)."""
    role = _role(role)
    segment = _segment(transcript, segment_id)
    segments = tuple(replace(s, role=role) if s.id == segment_id else s
                     for s in transcript.segments)
    return Edit(replace(transcript, segments=segments), "role.segment", f"segment:{segment_id}",
                f"line {segment_id} role: {segment.role or 'none'} -> {role}")


# --- text -------------------------------------------------------------------------------

def _spread(start: float, end: float, texts: list[str], space: str,
            probability: float = 1.0) -> list[Word]:
    """``texts`` as words sharing ``start``..``end`` evenly."""
    step = (end - start) / max(len(texts), 1)
    return [Word(round(start + k * step, 3), round(start + (k + 1) * step, 3), space + text,
                 probability) for k, text in enumerate(texts)]


def realign_words(words: tuple[Word, ...], text: str) -> tuple[Word, ...]:
    """Word timings for corrected text: unchanged words keep theirs; new words share the time
    of the words they replace (or sit at the point where they were inserted) with probability
    1.0. Text without spaces between words (Chinese, Japanese) is aligned character by
    character."""
    if not words:
        return ()
    by_char = bool(_CJK.search(text)) and " " not in text.strip()
    if by_char:  # one pseudo-word per character, each word's time split among its characters
        old = [part for w in words
               for part in _spread(w.start, w.end, list(w.text.strip()), "", w.probability)]
        new_tokens, space = [c for c in text if not c.isspace()], ""
    else:
        old, new_tokens, space = list(words), text.split(), " "
    matcher = SequenceMatcher(a=[w.text.strip() for w in old], b=new_tokens, autojunk=False)
    result: list[Word] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            result += old[i1:i2]
        elif j2 > j1:  # replaced or inserted
            if i2 > i1:
                start, end = old[i1].start, old[i2 - 1].end
            else:
                start = end = old[i1 - 1].end if i1 else old[0].start
            result += _spread(start, end, new_tokens[j1:j2], space)
    return tuple(result)


def correct_text(transcript: Transcript, segment_id: int, text: str) -> Edit:
    """Replace a line's text; its word timings follow (see :func:`realign_words`)."""
    segment = _segment(transcript, segment_id)
    text = _text(text)
    if text == segment.text.strip():
        raise EditError(f"line {segment_id}: the text is unchanged")
    lead = " " if segment.text.startswith(" ") else ""
    new = replace(segment, text=lead + text, words=realign_words(segment.words, text))
    segments = tuple(new if s.id == segment_id else s for s in transcript.segments)
    return Edit(replace(transcript, segments=segments), "text", f"segment:{segment_id}",
                f"line {segment_id} text corrected")


def correct_translation(transcript: Transcript, segment_id: int, text: str) -> Edit:
    """Replace (or write, or with empty text remove) a line's English translation."""
    segment = _segment(transcript, segment_id)
    text = _text(text)
    translation = Translation(text, REVIEWER_SOURCE) if text else None
    if translation == segment.translation or (
            segment.translation and segment.translation.text == text):
        raise EditError(f"line {segment_id}: the translation is unchanged")
    new = replace(segment, translation=translation)
    segments = tuple(new if s.id == segment_id else s for s in transcript.segments)
    return Edit(replace(transcript, segments=segments), "translation", f"segment:{segment_id}",
                f"line {segment_id} translation {'corrected' if text else 'removed'}")
