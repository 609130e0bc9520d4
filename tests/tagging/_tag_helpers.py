"""Helpers the tagging tests share: tag a few lines, read what was found.

tests/conftest.py marks a test ``models`` when the helpers *of its own module* that it calls
run the tagger; helpers imported from here are not seen by that rule, so a test module that
uses them carries the mark itself (``pytestmark`` or ``@pytest.mark.models``)."""

from __future__ import annotations

from hearingproc.stages.tag import tag_utterances
from hearingproc.tagging.sentences import Utterance


def _tags_and_notes(*lines: tuple[str, str]):
    """Tag ``(role, text)`` lines, numbered from 1; the tags and the co-occurrence notes."""
    utterances = [Utterance(i, text, role, speaker=role) for i, (role, text) in enumerate(lines, 1)]
    return tag_utterances(utterances)


def _tags(*lines: tuple[str, str]):
    """The tags of ``(role, text)`` lines, numbered from 1."""
    return _tags_and_notes(*lines)[0]


def _found(tags) -> set[tuple[str, str | None]]:
    """The (label, polarity) pairs of ``tags``."""
    return {(t.label, t.polarity) for t in tags}


def _labelled(tags, label: str) -> list[tuple[str | None, tuple[int, ...]]]:
    """The (polarity, segments) of the tags of ``label``, in order."""
    return [(t.polarity, tuple(t.segments)) for t in tags if t.label == label]


def _appeal_tags(*lines: tuple[str, str]) -> list[tuple[str | None, str | None, tuple[int, ...]]]:
    """The appeal tags of ``(role, text)`` lines, in order: (polarity, party, segments)."""
    return [(t.polarity, t.attributes.get("party"), tuple(t.segments)) for t in _tags(*lines)
            if t.label == "appeal"]


def _appeal_answers(*lines: tuple[str, str]) -> list[tuple[str | None, str | None]]:
    """The appeal tags of ``(role, text)`` lines, in order: (polarity, party)."""
    return [(polarity, party) for polarity, party, _ in _appeal_tags(*lines)]


def _judge(*sentences: str):
    """The tags of the judge saying ``sentences``, one line each."""
    return _tags(*(("judge", s) for s in sentences))
