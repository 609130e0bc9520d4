"""The review app in Debian's Chromium (driven by Playwright, which never downloads a browser
here) over a copy of the sample hearing's real output: list, open, play a line, tag, reassign
a role, correct a word, accept and reject the pipeline's tags, reload, export.

Chromium runs with every host name but 127.0.0.1 unresolvable, so the pages can only work if
they need nothing from the network. A screenshot of the transcript page is kept in
``test-artifacts/``.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.util import find_spec
from pathlib import Path

import pytest

from hearingproc.review import ReviewOptions
from hearingproc.review.server import background, free_port
from hearingproc.transcript import Transcript, load_transcript, validate

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
SAMPLE_AUDIO = REPO / "sample_audio"  # where the sample hearing's audio lies
NAME = "mock_hearing_es"
pytestmark = pytest.mark.slow  # a real Chromium: about 15 s
PLAYER = "document.querySelector('#player')"


@pytest.fixture()
def root(committed_output: Path, tmp_path: Path) -> Path:
    shutil.copytree(committed_output, tmp_path / "out" / NAME)
    return tmp_path / "out"


@contextmanager
def opened(browser, root: Path) -> Iterator[tuple[object, str, list[str], list[str]]]:
    """The app on a free port and a fresh browser page: (page, base URL, every URL the page
    requested, page errors)."""
    options = ReviewOptions(root, port=free_port(), reviewer="Default Reviewer",
                            audio_dirs=(SAMPLE_AUDIO,))  # audio is served from here only
    with background(options) as base:
        context = browser.new_context(viewport={"width": 1400, "height": 1000},
                                      accept_downloads=True)
        page = context.new_page()
        requested: list[str] = []
        errors: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        try:
            yield page, base, requested, errors
        finally:
            context.close()


def _export_json(page) -> dict:
    with page.expect_download() as download:
        page.click("a.export[data-format=json]")
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    validate(data)
    return data


def _screenshot(page, name: str) -> None:
    """A full-page picture kept in test-artifacts/ (the path is printed)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)
    print(f"screenshot: {ARTIFACTS / name}")


def _play_line(page, segment) -> float:
    """Click a line; wait until the audio plays from it with the line marked as the current
    one (checked together, in the page); returns where playback then was."""
    page.click(f"#line-{segment.id} .source")
    playing = page.wait_for_function(
        f"""([start, id]) => {{
            const player = {PLAYER};
            const current = document.querySelector('#line-' + id).classList.contains('current');
            return !player.paused && player.currentTime > start + 0.1 && current
                && player.currentTime;
        }}""", arg=[segment.start, segment.id], timeout=10_000)
    return float(playing.json_value())


def _play_and_step(page, transcript: Transcript, line) -> object:
    """Play ``line`` by clicking it, then the next line from the keyboard; returns that one."""
    position = _play_line(page, line)
    assert line.start <= position < line.start + 3  # it jumped to the line, not elsewhere
    page.keyboard.press(" ")  # pause, then: next line, play it, pause
    page.wait_for_function(f"{PLAYER}.paused")
    page.keyboard.press("j")
    following = transcript.segments[transcript.segments.index(line) + 1]
    expect(page.locator(f"#line-{following.id}")).to_have_class(re.compile(r"\bselected\b"))
    page.keyboard.press("Enter")
    page.wait_for_function(f"([s]) => !{PLAYER}.paused && {PLAYER}.currentTime >= s",
                           arg=[following.start])
    page.keyboard.press(" ")
    page.wait_for_function(f"{PLAYER}.paused")
    return following


def _add_tag(page, line) -> None:
    """Tag the selected line through the tag form."""
    page.fill("#new-label", "credibility")
    page.fill("#new-polarity", "positive")
    page.click("#add-tag-form button[type=submit]")
    added = page.locator("#tags .tag[data-label='credibility']").last
    expect(added).to_contain_text("accepted")
    expect(added.locator("blockquote")).to_have_text(line.text.strip())


def _reassign(page, speaker_id: str, role: str) -> None:
    page.select_option(f"tr.speaker[data-speaker='{speaker_id}'] select.speaker-role", role)
    expect(page.locator(f"tr.speaker[data-speaker='{speaker_id}']")).to_have_class(
        re.compile(rf"\brole-{role}\b"))
    badges = page.locator(f"#lines .line[data-speaker='{speaker_id}'] .role-badge")
    expect(badges.first).to_have_text(role)


def _correct(page, line, corrected: str) -> None:
    page.click(f"#line-{line.id} .line-no")
    expect(page.locator("#line-text")).to_have_value(line.text.strip())
    page.fill("#line-text", corrected)
    page.click("#text-form button[type=submit]")
    expect(page.locator(f"#line-{line.id} .source")).to_have_text(corrected)


def _change_and_undo(page, line) -> None:
    """Give one line another role, then undo that from the history panel."""
    badge = page.locator(f"#line-{line.id} .role-badge")
    was = badge.inner_text().strip().lower()
    other = "interpreter" if was != "interpreter" else "judge"
    page.click(f"#line-{line.id} .line-no")
    page.select_option("#line-role", other)
    page.click("#role-form button[type=submit]")
    expect(badge).to_have_text(other)
    newest = page.locator("#history li").first
    expect(newest).to_contain_text(f"line {line.id} role")
    newest.locator("button.undo").click()
    expect(badge).to_have_text(was)
    expect(page.locator("#history li.undone")).to_have_count(1)


def test_review_in_the_browser(browser, root: Path):
    transcript = load_transcript(root / NAME / "transcript.json")
    spanish = next(s for s in transcript.segments if s.language == "es")
    speaker = transcript.speakers[0]
    role = "witness" if speaker.role != "witness" else "judge"  # a real change either way
    english = next(s for s in transcript.segments
                   if s.language == "en" and s.speaker != speaker.id and len(s.text.split()) >= 4)
    corrected = " ".join(english.text.split()[:-1] + ["(indiscernible)."])

    with opened(browser, root) as (page, base, requested, errors):
        page.goto(base + "/")
        row = page.locator(f"tr[data-name='{NAME}']")
        expect(row).to_contain_text("1:38")
        expect(row).to_contain_text("en, es")
        row.locator("a.open").click()
        expect(page).to_have_url(f"{base}/r/{NAME}")
        expect(page.locator("#lines .line")).to_have_count(len(transcript.segments))
        page.fill("#reviewer", "Rosa Paralegal")
        page.press("#reviewer", "Tab")

        tagged = _play_and_step(page, transcript, spanish)
        _add_tag(page, tagged)
        _reassign(page, speaker.id, role)
        _correct(page, english, corrected)
        _change_and_undo(page, english)

        page.reload()  # everything persists, with who did it
        expect(page.locator(f"#line-{english.id} .source")).to_have_text(corrected)
        expect(page.locator(f"tr.speaker[data-speaker='{speaker.id}'] select.speaker-role")
               ).to_have_value(role)
        expect(page.locator("#tags .tag[data-label='credibility']").last).to_contain_text(
            "accepted")
        expect(page.locator("#history li")).to_have_count(5)
        expect(page.locator("#history")).to_contain_text("Rosa Paralegal")
        _screenshot(page, "review-transcript.png")
        data = _export_json(page)
        assert requested and all(url.startswith(base + "/") for url in requested), requested
        assert not errors, errors

    assert next(s for s in data["speakers"] if s["id"] == speaker.id)["role"] == role
    assert all(s["role"] == role for s in data["segments"] if s["speaker"] == speaker.id)
    assert next(s for s in data["segments"] if s["id"] == english.id)["text"].strip() == corrected
    tag = next(t for t in data["tags"] if t["source"] == "reviewer")
    assert (tag["label"], tag["polarity"], tag["segments"], tag["review"]) == (
        "credibility", "positive", [tagged.id], "accepted")
    assert [(h["action"], h["reviewer"]) for h in data["review_history"]] == [
        ("tag.add", "Rosa Paralegal"), ("role.speaker", "Rosa Paralegal"),
        ("text", "Rosa Paralegal"), ("role.segment", "Rosa Paralegal"),
        ("undo", "Rosa Paralegal")]
    assert data["review_history"][3]["undone_by"] == data["review_history"][4]["id"]
    assert data == json.loads((root / NAME / "transcript.json").read_text(encoding="utf-8"))


def _pipeline_tags(transcript: Transcript) -> list:
    tags = [t for t in transcript.tags if t.source != "reviewer"]
    if not tags and find_spec("hearingproc.stages.tag") is None:
        pytest.skip("this build has no tag stage, so the sample output has no tags to review")
    assert len(tags) >= 2, "the tag stage found fewer than two findings in the sample hearing"
    return tags


def test_pipeline_tags_accepted_and_rejected(browser, root: Path):
    transcript = load_transcript(root / NAME / "transcript.json")
    first, second = _pipeline_tags(transcript)[:2]
    with opened(browser, root) as (page, base, requested, errors):
        page.goto(f"{base}/r/{NAME}")
        page.select_option("#tag-filter", first.label)  # the filter shows only that label
        expect(page.locator("#tags .tag:visible")).to_have_count(
            sum(t.label == first.label for t in transcript.tags))
        page.click(f"#tag-{first.id} .tag-accept")
        expect(page.locator(f"#tag-{first.id} .status")).to_have_text("accepted")
        page.select_option("#tag-filter", "")
        page.click(f"#tag-{second.id} .tag-reject")
        expect(page.locator(f"#tag-{second.id} .status")).to_have_text("rejected")
        page.reload()
        expect(page.locator(f"#tag-{first.id} .status")).to_have_text("accepted")
        expect(page.locator(f"#tag-{second.id} .status")).to_have_text("rejected")
        _screenshot(page, "review-tags.png")
        data = _export_json(page)
        assert all(url.startswith(base + "/") for url in requested), requested
        assert not errors, errors
    reviews = {t["id"]: t["review"] for t in data["tags"]}
    assert (reviews[first.id], reviews[second.id]) == ("accepted", "rejected")
    assert [h["action"] for h in data["review_history"]] == ["tag.accept", "tag.reject"]
