"""The index follows what is written, without a refresh: a change in the review app and a
recording the pipeline's write stage puts into the store are found at once; the review app's
search page answers with links to the lines."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fastapi.testclient import TestClient
from tests.search._hearings import (
    CREDIBILITY_LINE,
    HEARINGS,
    SAMPLE_AUDIO,
    committed,
    transcript_for,
)

from hearingproc.pipeline.store import Work
from hearingproc.pipeline.stored import write_stage
from hearingproc.review import ReviewOptions, create_app
from hearingproc.search import Query, SearchIndex, search

ORIGIN = "http://127.0.0.1"
CSRF = re.compile(r'<meta name="csrf-token" content="([0-9a-f]{64})">')


def _found(root: Path, query: Query) -> list[tuple[str, int]]:
    """What the index holds now: no refresh first, so only what the writers put in it."""
    with SearchIndex(root) as index:
        return [(hit.recording, hit.segment) for hit in search(index, query).hits]


def test_a_review_edit_shows_in_search_at_once(store: Path) -> None:
    name = HEARINGS[0].name
    with SearchIndex(store) as index:
        index.refresh()
    assert _found(store, Query(tag="credibility", polarity="positive")) == [
        (name, CREDIBILITY_LINE)]
    app = create_app(ReviewOptions(store, reviewer="Pat Reviewer", audio_dirs=(SAMPLE_AUDIO,)))
    with TestClient(app, base_url=ORIGIN) as client:
        token = CSRF.search(client.get(f"/r/{name}").text).group(1)
        headers = {"origin": ORIGIN, "x-csrf-token": token}
        corrected = "I find the respondent credible; his account of the Mara Salvatrucha was " \
                    "detailed."
        response = client.post(f"/api/r/{name}/segments/{CREDIBILITY_LINE}/text",
                               json={"text": corrected}, headers=headers)
        assert response.status_code == 200, response.text
        assert _found(store, Query(text='"mara salvatrucha"')) == [(name, CREDIBILITY_LINE)]
        tag = next(t for t in committed()["tags"] if t["label"] == "credibility")
        response = client.post(f"/api/r/{name}/tags/{tag['id']}/review",
                               json={"status": "rejected"}, headers=headers)
        assert response.status_code == 200, response.text
        assert _found(store, Query(tag="credibility", polarity="positive")) == []

        page = client.get("/search", params={"q": "salvatrucha", "tag": ""})
        assert page.status_code == 200
        assert f'href="/r/{name}#line-{CREDIBILITY_LINE}"' in page.text
        assert "1 lines in 4 hearings" in page.text
        adverse = client.get("/search", params={"tag": "credibility:adverse", "judge": "carter"})
        assert adverse.text.count('class="hit line') == 1
        assert 'href="/r/carter_2026_04_es#line-21"' in adverse.text
        bad = client.get("/search", params={"q": "police", "from": "soon"})
        assert bad.status_code == 200 and 'id="search-error"' in bad.text
        assert "date from must be a date" in bad.text
        assert 'id="hits"' not in client.get("/search").text  # nothing asked, nothing shown


def test_the_write_stage_indexes_what_it_writes(tmp_path: Path) -> None:
    """What a watcher's flow runs last: the transcript of the last stage into OUT/<name>/."""
    out = tmp_path / "out"
    out.mkdir()
    SearchIndex(out).close()  # the store has an index (someone searched it)
    work = Work(out, "0" * 64, "runkey")
    data = transcript_for(HEARINGS[1])
    work.stage_file("tag").parent.mkdir(parents=True)
    work.stage_file("tag").write_text(json.dumps(data), encoding="utf-8")
    write_stage(work, out, "from_the_flow", "tag")
    assert _found(out, Query(tag="asylum", polarity="denied")) == [
        ("from_the_flow", 22), ("from_the_flow", 23)]


def test_an_output_store_nobody_searches_gets_no_index(tmp_path: Path) -> None:
    """``process`` into a new OUT leaves only the recordings' folders there."""
    out = tmp_path / "out"
    work = Work(out, "0" * 64, "runkey")
    work.stage_file("tag").parent.mkdir(parents=True)
    work.stage_file("tag").write_text(json.dumps(transcript_for(HEARINGS[1])), encoding="utf-8")
    write_stage(work, out, "from_the_flow", "tag")
    assert not (out / ".hearingproc" / "search.sqlite3").exists()
