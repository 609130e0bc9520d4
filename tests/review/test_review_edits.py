"""Reviewer edits as pure functions over the sample hearing's real transcript: each changes
only what it says, and the snapshot it leaves undoes it exactly."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from hearingproc.review import edits
from hearingproc.transcript import Transcript, Word, load_transcript


@pytest.fixture(scope="module")
def transcript(committed_output: Path) -> Transcript:
    return load_transcript(committed_output / "transcript.json")


def _other(role: str | None) -> str:
    """A role other than ``role``, so that setting it is a change whatever the stages found."""
    return "witness" if role != "witness" else "judge"


def _undo(old: Transcript, edit: edits.Edit) -> Transcript:
    before, _ = edits.diff(old, edit.transcript)
    return edits.restore(edit.transcript, before)


def _with_tag(transcript: Transcript) -> Transcript:
    """The transcript with one reviewer tag on its first English line."""
    line = next(s for s in transcript.segments if s.language == "en")
    return edits.add_tag(transcript, line.id, line.id, "interpreter_sworn", None).transcript


def test_speaker_role_follows_to_their_lines_and_undoes(transcript: Transcript):
    speaker = transcript.speakers[0]
    theirs = {s.id for s in transcript.segments if s.speaker == speaker.id}
    assert theirs, "the sample hearing's first speaker has lines"
    role = _other(speaker.role)
    edit = edits.set_speaker_role(transcript, speaker.id, role)
    new = edit.transcript
    assert edit.target == f"speaker:{speaker.id}"
    assert next(s for s in new.speakers if s.id == speaker.id).role == role
    assert next(s for s in new.speakers if s.id == speaker.id).role_confidence == 1.0
    for old_seg, new_seg in zip(transcript.segments, new.segments, strict=True):
        followed = old_seg.id in theirs and old_seg.role in (speaker.role, None)
        assert new_seg.role == (role if followed else old_seg.role)
    before, after = edits.diff(transcript, new)
    assert set(after["segments"]) == {str(s.id) for s in transcript.segments
                                      if s.id in theirs and s.role in (speaker.role, None)}
    assert set(after["speakers"]) == {speaker.id}
    followed = {str(t.id) for t in transcript.tags  # their tags with the old role follow too
                if t.speaker == speaker.id and t.role in (speaker.role, None)}
    assert set(after.get("tags", {})) == followed
    assert all(t["role"] == role for t in after.get("tags", {}).values())
    assert _undo(transcript, edit) == transcript


def test_segment_role_touches_one_line(transcript: Transcript):
    line = transcript.segments[2]
    role = _other(line.role)
    edit = edits.set_segment_role(transcript, line.id, role)
    before, after = edits.diff(transcript, edit.transcript)
    assert after == {"segments": {str(line.id): {**before["segments"][str(line.id)],
                                                 "role": role}}}
    assert _undo(transcript, edit) == transcript
    with pytest.raises(edits.EditError, match="role must be one of"):
        edits.set_segment_role(transcript, line.id, "bailiff")
    with pytest.raises(edits.NotFoundError):
        edits.set_segment_role(transcript, 10_000, "judge")


def test_corrected_word_keeps_the_other_words_timings(transcript: Transcript):
    line = max((s for s in transcript.segments if s.language == "en"), key=lambda s: len(s.words))
    words = line.words
    tokens = line.text.split()
    middle = len(tokens) // 2
    corrected = " ".join(tokens[:middle] + ["Honduras"] + tokens[middle + 1:])
    new = edits.correct_text(transcript, line.id, corrected).transcript
    segment = next(s for s in new.segments if s.id == line.id)
    assert segment.text.strip() == corrected
    assert "".join(w.text for w in segment.words).strip() == corrected
    assert len(segment.words) == len(words)
    for k, (old, now) in enumerate(zip(words, segment.words, strict=True)):
        assert (now.start, now.end) == (old.start, old.end)  # same slot, same time
        if k == middle:
            assert now.text == " Honduras" and now.probability == 1.0
        else:
            assert now == old


def test_inserted_and_deleted_words_stay_inside_the_line(transcript: Transcript):
    line = max(transcript.segments, key=lambda s: len(s.words))
    tokens = line.text.split()
    corrected = " ".join(tokens[1:3] + ["(indiscernible)", "and", "so"] + tokens[3:])
    segment = next(s for s in edits.correct_text(transcript, line.id, corrected).transcript.segments
                   if s.id == line.id)
    assert [w.text.strip() for w in segment.words] == corrected.split()
    assert all(line.start <= w.start <= w.end <= line.end for w in segment.words)
    assert all(a.start <= b.start for a, b in pairwise(segment.words))


def test_chinese_text_is_realigned_by_character():
    words = (Word(1.0, 1.4, "我是", 0.9), Word(1.4, 2.0, "记者", 0.8))
    new = edits.realign_words(words, "我是律师")
    assert [w.text for w in new] == ["我", "是", "律", "师"]
    assert [(w.start, w.end) for w in new] == [(1.0, 1.2), (1.2, 1.4), (1.4, 1.7), (1.7, 2.0)]
    assert [w.probability for w in new] == [0.9, 0.9, 1.0, 1.0]


def test_unchanged_text_is_refused(transcript: Transcript):
    line = transcript.segments[0]
    with pytest.raises(edits.EditError, match="unchanged"):
        edits.correct_text(transcript, line.id, "  " + line.text + " ")


def test_translation_written_corrected_and_removed(transcript: Transcript):
    line = next(s for s in transcript.segments if s.language == "es")
    written = edits.correct_translation(transcript, line.id, "Why did you leave Honduras?")
    segment = next(s for s in written.transcript.segments if s.id == line.id)
    assert segment.translation.text == "Why did you leave Honduras?"
    assert segment.translation.engine == edits.REVIEWER_SOURCE
    removed = edits.correct_translation(written.transcript, line.id, "")
    assert next(s for s in removed.transcript.segments if s.id == line.id).translation is None


def test_added_tag_quotes_its_line_and_is_accepted(transcript: Transcript):
    line = next(s for s in transcript.segments if "Honduras" in s.text)
    words = line.text.split()
    quote = " ".join(words[1:3])
    edit = edits.add_tag(transcript, line.id, line.id, "credibility", "positive", quote)
    tag = edit.transcript.tags[-1]
    assert (tag.id, tag.label, tag.polarity, tag.quote) == (
        max([0] + [t.id for t in transcript.tags]) + 1, "credibility", "positive", quote)
    assert (tag.start, tag.end, tag.segments) == (line.start, line.end, (line.id,))
    assert (tag.review, tag.source, tag.speaker) == ("accepted", "reviewer", line.speaker)
    assert _undo(transcript, edit) == transcript
    with pytest.raises(edits.EditError, match="quote is not in"):
        edits.add_tag(transcript, line.id, line.id, "credibility", "positive", "not said here")
    with pytest.raises(edits.EditError, match="label"):
        edits.add_tag(transcript, line.id, line.id, "Credibility!", None)
    with pytest.raises(edits.EditError, match="comes before"):
        edits.add_tag(transcript, line.id, line.id - 1, "credibility", None)


@pytest.mark.skipif(not edits.known_labels(), reason="the tag stage's vocabulary is not installed")
def test_polarity_must_fit_a_known_label(transcript: Transcript):
    line = transcript.segments[0]
    label, polarities = next((k, v) for k, v in edits.known_labels().items() if v)
    with pytest.raises(edits.EditError, match="polarity of"):
        edits.add_tag(transcript, line.id, line.id, label, "sideways")
    assert edits.add_tag(transcript, line.id, line.id, label, polarities[0]).transcript.tags


def test_tag_review_and_edit(transcript: Transcript):
    tagged = _with_tag(transcript)
    tag = tagged.tags[-1]
    rejected = edits.review_tag(tagged, tag.id, "rejected")
    assert rejected.transcript.tags[-1].review == "rejected"
    assert rejected.action == "tag.reject"
    first, last = transcript.segments[3].id, transcript.segments[5].id
    edited = edits.edit_tag(tagged, tag.id, "continuance", None, first, last).transcript.tags[-1]
    assert (edited.label, edited.review, edited.segments) == ("continuance", "edited",
                                                              (first, first + 1, last))
    assert edited.start == transcript.segments[3].start and edited.end == transcript.segments[5].end
    assert edited.quote == " ".join(s.text.strip() for s in transcript.segments[3:6])
    with pytest.raises(edits.EditError, match="review status"):
        edits.review_tag(tagged, tag.id, "maybe")
    with pytest.raises(edits.NotFoundError):
        edits.review_tag(tagged, tag.id + 1, "accepted")


def test_restore_removes_an_added_tag_and_keeps_order(transcript: Transcript):
    tagged = _with_tag(_with_tag(transcript))
    first, second = tagged.tags[-2:]
    state = {"tags": {str(first.id): None}}
    assert [t.id for t in edits.restore(tagged, state).tags] == [
        t.id for t in tagged.tags if t.id != first.id]
    back = edits.restore(edits.restore(tagged, state),
                         {"tags": {str(first.id): edits._plain(first)}})
    assert back == tagged and [t.id for t in back.tags] == sorted(t.id for t in back.tags)
    assert second in back.tags
