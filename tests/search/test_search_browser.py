"""The review app's search page in Debian's Chromium (Playwright, no browser download), over
several hearings made from the sample hearing's real output: search by tag and by a phrase
of a translation, then open a hit: its line is selected on the recording's page and the audio
plays from it. Every host name but 127.0.0.1 is unresolvable, as in the review browser test."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.search._hearings import (
    ADVERSE_TEXT,
    CREDIBILITY_LINE,
    POLICE_LINE,
    SAMPLE_AUDIO,
    TRANSLATION_PHRASE,
    committed,
)

from hearingproc.review import ReviewOptions
from hearingproc.review.server import background, free_port

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

PLAYER = "document.querySelector('#player')"
pytestmark = pytest.mark.slow  # a real Chromium: about 10 s


def test_search_page_finds_tags_and_translations_and_opens_the_line(browser, store: Path):
    start = next(s["start"] for s in committed()["segments"] if s["id"] == CREDIBILITY_LINE)
    options = ReviewOptions(store, port=free_port(), reviewer="Rosa Paralegal",
                            audio_dirs=(SAMPLE_AUDIO,))
    with background(options) as base:
        context = browser.new_context(viewport={"width": 1300, "height": 900})
        page = context.new_page()
        errors: list[str] = []
        requested: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("request", lambda request: requested.append(request.url))
        try:
            page.goto(base + "/")
            page.click("#nav-search")
            expect(page).to_have_url(f"{base}/search")
            page.fill("#search-tag", "credibility:adverse")
            page.fill("#search-judge", "Carter")
            page.click("#search-form button[type=submit]")
            hits = page.locator("#hits .hit")
            expect(hits).to_have_count(1)
            expect(hits.first).to_contain_text(ADVERSE_TEXT)
            expect(hits.first).to_contain_text("carter_2026_04_es · 0:01:15")
            expect(page.locator("#search-count")).to_have_text("1 lines in 4 hearings")

            page.fill("#search-tag", "")
            page.fill("#search-judge", "")
            page.fill("#search-q", f'"{TRANSLATION_PHRASE}"')
            page.click("#search-form button[type=submit]")
            expect(hits).to_have_count(1)
            expect(hits.first.locator(".translation")).to_contain_text(TRANSLATION_PHRASE)
            expect(hits.first.locator("a.open-hit")).to_have_attribute(
                "href", f"/r/carter_2026_04_es#line-{POLICE_LINE}")

            page.fill("#search-q", "credible")
            page.fill("#search-tag", "credibility:positive")
            page.click("#search-form button[type=submit]")
            expect(hits).to_have_count(1)
            hits.first.locator("a.open-hit").click()
            expect(page).to_have_url(f"{base}/r/carter_2026_03_es#line-{CREDIBILITY_LINE}")
            line = page.locator(f"#line-{CREDIBILITY_LINE}")
            expect(line).to_have_class(re.compile(r"\bselected\b"))
            playing = page.wait_for_function(
                f"([s]) => !{PLAYER}.paused && {PLAYER}.currentTime > s && {PLAYER}.currentTime",
                arg=[start], timeout=10_000)
            assert start < float(playing.json_value()) < start + 5
            assert errors == []
            assert all(url.startswith(base) for url in requested)
        finally:
            context.close()
