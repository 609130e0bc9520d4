"""The review app over a copy of the sample hearing's real output: changes are stored with who
and when, written back into transcript.json and the exports, and can be undone; the guard
refuses requests without the token, cross-site writes, foreign hosts and paths outside DIR."""

from __future__ import annotations

import http.client
import json
import logging
import re
import select
import shutil
import socket
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from hearingproc.cli import main
from hearingproc.errors import ConfigError
from hearingproc.exports import json_export
from hearingproc.review import ReviewOptions, create_app
from hearingproc.review.server import background, free_port
from hearingproc.review.store import ReviewStore
from hearingproc.transcript import InterpretationCheck, Translation, load_transcript, validate

NAME = "mock_hearing_es"
ORIGIN = "http://127.0.0.1"
TOKEN = "test-token-0123456789abcdef"
CSRF = re.compile(r'<meta name="csrf-token" content="([0-9a-f]{64})">')
EXTERNAL = re.compile(r"""(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}|@import|@font-face""", re.I)


@pytest.fixture()
def root(committed_output: Path, tmp_path: Path) -> Path:
    """A private copy of the processed sample hearing, as `process --out ROOT` left it."""
    shutil.copytree(committed_output, tmp_path / "out" / NAME)
    return tmp_path / "out"


def _audio_dir(root: Path) -> Path:
    """The folder of the sample hearing's audio: the app serves audio only from the recording's
    folder and the ``--audio-dir`` folders."""
    return Path(load_transcript(root / NAME / "transcript.json").recording.source).parent


@pytest.fixture()
def client(root: Path) -> Iterator[TestClient]:
    app = create_app(ReviewOptions(root, reviewer="Pat Reviewer", audio_dirs=(_audio_dir(root),)))
    with TestClient(app, base_url=ORIGIN) as test_client:
        yield test_client


def _csrf(client: TestClient, path: str = f"/r/{NAME}") -> str:
    page = client.get(path)
    assert page.status_code == 200
    return CSRF.search(page.text).group(1)


def _post(client: TestClient, path: str, body: dict, token: str | None = None,
          **headers: str):
    token = token or _csrf(client)
    sent = {"origin": ORIGIN, "x-csrf-token": token, **headers}
    return client.post(path, json=body, headers=sent)


def _on_disk(root: Path) -> dict:
    data = json.loads((root / NAME / "transcript.json").read_text(encoding="utf-8"))
    validate(data)
    return data


# --- changes, history, undo, exports ------------------------------------------------------

def test_changes_are_stored_written_and_exported(client: TestClient, root: Path):
    original = load_transcript(root / NAME / "transcript.json")
    speaker = original.speakers[0].id
    role = "witness" if original.speakers[0].role != "witness" else "judge"  # a real change
    line = next(s for s in original.segments if s.speaker == speaker and len(s.words) > 3)
    corrected = line.text.strip().rsplit(" ", 1)[0] + " (indiscernible)."
    csrf = _csrf(client)
    picture = (root / NAME / "timeline.png").read_bytes()

    r1 = _post(client, f"/api/r/{NAME}/speakers/{speaker}/role", {"role": role}, csrf)
    relabelled = (root / NAME / "timeline.png").read_bytes()
    assert relabelled != picture  # the timeline names the speaker by the new role
    r2 = _post(client, f"/api/r/{NAME}/segments/{line.id}/text", {"text": corrected}, csrf)
    r3 = _post(client, f"/api/r/{NAME}/tags", {"first": line.id, "label": "continuance",
                                                "reviewer": "Ana Interpreter"}, csrf)
    assert (root / NAME / "timeline.png").read_bytes() == relabelled
    assert [r.status_code for r in (r1, r2, r3)] == [200, 200, 200], (r1.text, r2.text, r3.text)
    assert r1.json()["change"]["reviewer"] == "Pat Reviewer"
    assert r3.json()["change"]["reviewer"] == "Ana Interpreter"

    data = _on_disk(root)
    assert next(s for s in data["speakers"] if s["id"] == speaker)["role"] == role
    assert all(s["role"] == role for s in data["segments"] if s["speaker"] == speaker)
    assert next(s for s in data["segments"] if s["id"] == line.id)["text"].strip() == corrected
    assert data["tags"][-1]["label"] == "continuance" and data["tags"][-1]["review"] == "accepted"
    history = data["review_history"]
    assert [h["action"] for h in history] == ["role.speaker", "text", "tag.add"]
    assert [h["reviewer"] for h in history] == ["Pat Reviewer", "Pat Reviewer", "Ana Interpreter"]
    assert all(re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$", h["at"]) for h in history)

    text = (root / NAME / "transcript.txt").read_text(encoding="utf-8")
    assert re.search(rf"^\[\d\d:\d\d:\d\d\] {role.upper()}( · \S+)?: {re.escape(corrected)}$", text,
                     re.MULTILINE), text
    assert "not reviewed" not in text
    assert "reviewed by Pat Reviewer, Ana Interpreter (3 changes in effect, last at " in text
    for fmt in ("txt", "srt", "vtt"):
        export = client.get(f"/r/{NAME}/export/{fmt}")
        assert export.status_code == 200 and corrected.replace("(", "").split()[0] in export.text
        assert "attachment" in export.headers["content-disposition"]
        assert export.text == (root / NAME / f"transcript.{fmt}").read_text(encoding="utf-8")
    assert f"[{role.upper()}]" in client.get(f"/r/{NAME}/export/srt").text
    assert client.get(f"/r/{NAME}/export/json").json() == data

    store = ReviewStore(root / ".review.sqlite3")  # another process sees the same history
    try:
        stored = store.history(NAME, f"{original.recording.id}@{original.pipeline.created_at}")
    finally:
        store.close()
    assert [c.summary for c in stored] == [h["summary"] for h in history]
    assert stored[0].before["speakers"][speaker]["role"] == original.speakers[0].role
    assert stored[0].after["speakers"][speaker]["role"] == role


def test_tag_edited_through_the_api(client: TestClient, root: Path):
    lines = load_transcript(root / NAME / "transcript.json").segments
    csrf = _csrf(client)
    added = _post(client, f"/api/r/{NAME}/tags", {"first": lines[0].id, "label": "continuance"},
                  csrf).json()["change"]
    tag_id = int(added["target"].split(":")[1])
    edited = _post(client, f"/api/r/{NAME}/tags/{tag_id}",
                   {"label": "termination", "polarity": None, "first": lines[1].id,
                    "last": lines[2].id}, csrf)
    assert edited.status_code == 200, edited.text
    tag = next(t for t in _on_disk(root)["tags"] if t["id"] == tag_id)
    assert (tag["label"], tag["review"], tag["segments"]) == (
        "termination", "edited", [lines[1].id, lines[2].id])
    assert tag["quote"] == f"{lines[1].text.strip()} {lines[2].text.strip()}"
    assert (tag["start"], tag["end"]) == (lines[1].start, lines[2].end)
    page = client.get(f"/r/{NAME}").text
    assert re.search(rf'id="tag-{tag_id}"[^>]*data-label="termination"', page)
    assert re.search(r'<option value="termination">termination</option>', page)  # filter


def test_undo_restores_and_refuses_conflicts(client: TestClient, root: Path):
    before = _on_disk(root)
    line = before["segments"][1]
    csrf = _csrf(client)
    first = _post(client, f"/api/r/{NAME}/segments/{line['id']}/text",
                  {"text": "First correction."}, csrf).json()["change"]
    second = _post(client, f"/api/r/{NAME}/segments/{line['id']}/text",
                   {"text": "Second correction."}, csrf).json()["change"]
    role = _post(client, f"/api/r/{NAME}/segments/{line['id'] + 1}/role",
                 {"role": "witness"}, csrf).json()["change"]

    conflict = _post(client, f"/api/r/{NAME}/undo/{first['id']}", {}, csrf)
    assert conflict.status_code == 409 and "later change" in conflict.json()["error"]
    for change in (second, first, role):
        undone = _post(client, f"/api/r/{NAME}/undo/{change['id']}", {}, csrf)
        assert undone.status_code == 200, undone.text
        assert undone.json()["change"]["undoes"] == change["id"]
    again = _post(client, f"/api/r/{NAME}/undo/{role['id']}", {}, csrf)
    assert again.status_code == 409 and "already undone" in again.json()["error"]
    assert _post(client, f"/api/r/{NAME}/undo/9999", {}, csrf).status_code == 404

    after = _on_disk(root)
    assert {k: v for k, v in after.items() if k != "review_history"} == {
        k: v for k, v in before.items() if k != "review_history"}
    history = after["review_history"]
    assert [h["action"] for h in history] == [
        "text", "text", "role.segment", "undo", "undo", "undo"]
    assert {h["id"]: h.get("undone_by") for h in history[:3]} == {
        first["id"]: history[4]["id"], second["id"]: history[3]["id"], role["id"]: history[5]["id"]}
    page = client.get(f"/r/{NAME}").text
    assert page.count('class="undo"') == 0 and "undone by #" in page
    assert "(0 changes in effect" in (root / NAME / "transcript.txt").read_text(encoding="utf-8")


def test_history_survives_a_restart(root: Path):
    line = load_transcript(root / NAME / "transcript.json").segments[0]
    with TestClient(create_app(ReviewOptions(root, reviewer="A")), base_url=ORIGIN) as first:
        assert _post(first, f"/api/r/{NAME}/segments/{line.id}/role",
                     {"role": "witness"}).status_code == 200
    with TestClient(create_app(ReviewOptions(root, reviewer="B")), base_url=ORIGIN) as second:
        history = second.get(f"/api/r/{NAME}/history").json()["changes"]
        assert [(c["reviewer"], c["action"]) for c in history] == [("A", "role.segment")]
        row = second.get("/").text
        assert re.search(r'class="num changes">1<', row)


def test_bad_edits_are_refused_without_writing(client: TestClient, root: Path):
    before = (root / NAME / "transcript.json").read_bytes()
    csrf = _csrf(client)
    cases = [
        (f"/api/r/{NAME}/speakers/NOBODY/role", {"role": "judge"}, 404),
        (f"/api/r/{NAME}/segments/1/role", {"role": "clerk"}, 400),
        (f"/api/r/{NAME}/segments/1/text", {"text": "x" * 10_001}, 422),
        (f"/api/r/{NAME}/tags", {"first": 1, "label": "DROP TABLE"}, 400),
        (f"/api/r/{NAME}/tags/10000/review", {"status": "accepted"}, 404),
        (f"/api/r/{NAME}/tags", {"first": 1, "label": "continuance", "extra": 1}, 422),
        (f"/api/r/{NAME}/segments/1/role", {"role": "judge", "reviewer": "\x00"}, 400),
        ("/api/r/nothing_here/segments/1/role", {"role": "judge"}, 404),
    ]
    for path, body, status in cases:
        response = _post(client, path, body, csrf)
        assert response.status_code == status, (path, body, response.text)
    assert (root / NAME / "transcript.json").read_bytes() == before
    assert client.get(f"/api/r/{NAME}/history").json()["changes"] == []


def test_works_without_speakers_roles_or_tags(root: Path):
    """A transcript from `process --no-diarization`: no speakers, turns or roles."""
    path = root / NAME / "transcript.json"
    bare = load_transcript(path)
    bare = replace(bare, speakers=(), turns=(),
                   segments=tuple(replace(s, speaker=None, role=None, overlap_speakers=(),
                                          flags=()) for s in bare.segments))
    path.write_text(json_export.render(bare), encoding="utf-8")
    with TestClient(create_app(ReviewOptions(root)), base_url=ORIGIN) as client:
        page = client.get(f"/r/{NAME}")
        assert page.status_code == 200 and 'class="speakers"' not in page.text
        assert page.text.count('class="line role-unknown') == len(bare.segments)
        assert _post(client, f"/api/r/{NAME}/segments/2/role", {"role": "judge"}).status_code == 200
    assert _on_disk(root)["segments"][1]["role"] == "judge"


def test_translations_and_interpretation_flags_are_shown(root: Path):
    """Source beside translation for non-English lines; each check's verdict at its lines."""
    path = root / NAME / "transcript.json"
    transcript = load_transcript(path)
    spanish = [s for s in transcript.segments if s.language == "es"][:2]
    english = [transcript.segments[transcript.segments.index(s) + 1] for s in spanish]
    checks = (InterpretationCheck((spanish[0].id,), (english[0].id,), 0.93, "consistent"),
              InterpretationCheck((spanish[1].id,), (english[1].id,), 0.41,
                                  "review: possible omission"))
    segments = tuple(replace(s, translation=s.translation or Translation(f"English of {s.id}",
                                                                         "whisper-translate"))
                     if s in spanish else s for s in transcript.segments)
    path.write_text(json_export.render(replace(transcript, segments=segments,
                                               interpretation_checks=checks)), encoding="utf-8")
    with TestClient(create_app(ReviewOptions(root)), base_url=ORIGIN) as client:
        listing = client.get("/").text
        assert re.search(r'<td class="num">1</td>\s*<td class="num">\d+</td>\s*<td class="num '
                         r'changes">0<', listing)  # one flagged interpretation
        page = client.get(f"/r/{NAME}").text
        for line in spanish:
            item = re.search(rf'<li class="line[^"]*" id="line-{line.id}".*?</li>', page, re.S)[0]
            translation = next(s for s in segments if s.id == line.id).translation.text
            assert 'class="texts pair"' in item and f">{translation}</p>" in item
        for side in (spanish[1], english[1]):
            item = re.search(rf'id="line-{side.id}".*?</li>', page, re.S)[0]
            assert re.search(r'class="check flagged"[^>]*>interpretation 2: review: possible '
                             r'omission \(0\.41\)', item)
        first = re.search(rf'id="line-{english[0].id}".*?</li>', page, re.S)[0]
        assert 'class="check"' in first and "interpretation 1: consistent (0.93)" in first
        assert _post(client, f"/api/r/{NAME}/segments/{spanish[0].id}/translation",
                     {"text": "Why did you leave?"}).status_code == 200
    saved = next(s for s in _on_disk(root)["segments"] if s["id"] == spanish[0].id)
    assert saved["translation"] == {"text": "Why did you leave?", "engine": "reviewer"}


def test_audio_is_served_with_ranges_only_when_its_hash_matches(client: TestClient, root: Path):
    source = Path(load_transcript(root / NAME / "transcript.json").recording.source)
    whole = source.read_bytes()
    part = client.get(f"/r/{NAME}/audio", headers={"range": "bytes=1000-1999"})
    assert part.status_code == 206 and part.content == whole[1000:2000]
    assert part.headers["content-range"] == f"bytes 1000-1999/{len(whole)}"
    assert part.headers["content-type"].startswith("audio/")
    # a transcript pointing at another file (e.g. edited by hand) gets no audio from the app
    path = root / NAME / "transcript.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["recording"]["source"] = str(root / NAME / "transcript.txt")
    path.write_text(json.dumps(data), encoding="utf-8")
    assert client.get(f"/r/{NAME}/audio").status_code == 404
    assert "audio of this recording was not found" in client.get(f"/r/{NAME}").text
    # moved recordings are found by name in --audio-dir folders (and checked the same way)
    data["recording"]["source"] = f"/no/longer/here/{source.name}"
    path.write_text(json.dumps(data), encoding="utf-8")
    with TestClient(create_app(ReviewOptions(root, audio_dirs=(source.parent,))),
                    base_url=ORIGIN) as moved:
        assert moved.get(f"/r/{NAME}/audio").content == whole


def test_audio_is_served_only_from_the_recording_folder_or_an_audio_dir(root: Path,
                                                                        tmp_path: Path):
    """A transcript naming a file elsewhere gets nothing, though the file's sha256 matches."""
    source = Path(load_transcript(root / NAME / "transcript.json").recording.source)
    whole = source.read_bytes()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(source, elsewhere / source.name)
    path = root / NAME / "transcript.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["recording"]["source"] = str(elsewhere / source.name)
    path.write_text(json.dumps(data), encoding="utf-8")
    (root / NAME / source.name).symlink_to(elsewhere / source.name)  # links are followed first
    with TestClient(create_app(ReviewOptions(root)), base_url=ORIGIN) as plain:
        assert plain.get(f"/r/{NAME}/audio").status_code == 404
        assert 'id="no-audio"' in plain.get(f"/r/{NAME}").text
    with TestClient(create_app(ReviewOptions(root, audio_dirs=(elsewhere,))),
                    base_url=ORIGIN) as given:
        assert given.get(f"/r/{NAME}/audio").content == whole
    (root / NAME / source.name).unlink()
    shutil.copy(source, root / NAME / source.name)  # beside its transcript: served
    with TestClient(create_app(ReviewOptions(root)), base_url=ORIGIN) as beside:
        assert beside.get(f"/r/{NAME}/audio").content == whole


def test_a_link_outside_the_folder_is_warned_about_once(root: Path, tmp_path: Path,
                                                        caplog: pytest.LogCaptureFixture):
    outside = tmp_path / "elsewhere"
    shutil.copytree(root / NAME, outside)
    (root / "linked").symlink_to(outside, target_is_directory=True)
    caplog.set_level(logging.INFO, logger="hearingproc.review")
    with TestClient(create_app(ReviewOptions(root)), base_url=ORIGIN) as client:
        for path in ("/", f"/r/{NAME}", f"/r/{NAME}/panels", "/r/linked", "/"):
            client.get(path)
    warnings = [r for r in caplog.records if "links outside" in r.getMessage()]
    assert len(warnings) == 1, [r.getMessage() for r in warnings]


# --- the guard ----------------------------------------------------------------------------

def test_token_is_required_when_set(root: Path):
    app = create_app(ReviewOptions(root, host="0.0.0.0", token=TOKEN,
                                   audio_dirs=(_audio_dir(root),)))
    with TestClient(app, base_url="http://review.example:8000") as client:
        for path in ("/", f"/r/{NAME}", f"/r/{NAME}/audio", "/static/review.js",
                     f"/r/{NAME}/export/json", "/nowhere"):
            refused = client.get(path)
            assert refused.status_code == 401, path
            assert NAME not in refused.text
        assert client.get("/", headers={"authorization": "Bearer wrong-token-0123456789"}
                          ).status_code == 401
        assert client.get("/?token=wrong-token-0123456789").status_code == 401
        assert client.get("/", headers={"authorization": f"Bearer {TOKEN}"}).status_code == 200
        first = client.get(f"/r/{NAME}?token={TOKEN}", follow_redirects=False)
        assert first.status_code == 303 and first.headers["location"] == f"/r/{NAME}"
        assert TOKEN not in first.headers["set-cookie"]  # the cookie holds a digest only
        assert client.get(f"/r/{NAME}").status_code == 200  # the cookie now carries it
        assert client.get(f"/r/{NAME}/audio", headers={"range": "bytes=0-9"}).status_code == 206


def test_binding_beyond_loopback_needs_a_long_token(root: Path, capsys: pytest.CaptureFixture):
    with pytest.raises(ConfigError, match="--token"):
        ReviewOptions(root, host="0.0.0.0")
    with pytest.raises(ConfigError, match="at least 16"):
        ReviewOptions(root, host="0.0.0.0", token="short")
    with pytest.raises(ConfigError, match="not a folder"):
        ReviewOptions(root / "missing")
    assert main(["review", str(root), "--host", "0.0.0.0"]) == 2
    assert "--token" in capsys.readouterr().err


def test_cli_reports_a_busy_port(root: Path, capsys: pytest.CaptureFixture):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["review", str(root), "--port", str(port)]) == 1
    assert f"could not listen on 127.0.0.1:{port}" in capsys.readouterr().err


def test_cross_site_writes_are_refused(client: TestClient, root: Path):
    path = f"/api/r/{NAME}/segments/1/role"
    body = {"role": "witness"}  # nobody in the sample hearing is a witness: a real change
    csrf = _csrf(client)
    assert client.post(path, json=body).status_code == 403  # no origin, no token
    assert client.post(path, json=body, headers={"origin": ORIGIN}).status_code == 403
    assert _post(client, path, body, csrf, origin="http://evil.example").status_code == 403
    assert _post(client, path, body, csrf, origin=f"{ORIGIN}:9999").status_code == 403
    assert _post(client, path, body, csrf, origin="null").status_code == 403
    assert _post(client, path, body, csrf, **{"sec-fetch-site": "cross-site"}).status_code == 403
    assert _post(client, path, body, "0" * 64).status_code == 403
    other = TestClient(client.app, base_url=ORIGIN)  # another browser: its own session cookie
    other.get("/")
    assert _post(other, path, body, csrf).status_code == 403
    assert client.get(f"/api/r/{NAME}/history").json()["changes"] == []
    referer = client.post(path, json=body, headers={"referer": f"{ORIGIN}/r/{NAME}",
                                                    "x-csrf-token": csrf})
    assert referer.status_code == 200


def test_foreign_host_names_are_refused_on_loopback(client: TestClient):
    """DNS rebinding: a page on attacker.example resolving to 127.0.0.1 gets nothing."""
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200
    assert client.get("/", headers={"host": "[::1]:8000"}).status_code == 200


def _raw_get(port: int, path: str) -> tuple[int, bytes]:
    """GET a path exactly as written (no client-side normalisation of ``..``)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def _session(port: int) -> tuple[str, str]:
    """A browser session on the app: (its session cookie, the page's CSRF token)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", f"/r/{NAME}")
        response = conn.getresponse()
        page = response.read().decode("utf-8")
        cookie = response.getheader("set-cookie", "").split(";", 1)[0]
    finally:
        conn.close()
    return cookie, CSRF.search(page).group(1)


def test_a_chunked_body_over_the_limit_is_refused(root: Path):
    """No Content-Length, a 1 MiB body in chunks: refused with 413 once past the limit."""
    before = (root / NAME / "transcript.json").read_bytes()
    options = ReviewOptions(root, port=free_port())
    chunk = b"x" * 16384
    with background(options):
        cookie, csrf = _session(options.port)
        head = (f"POST /api/r/{NAME}/segments/1/text HTTP/1.1\r\n"
                f"Host: 127.0.0.1:{options.port}\r\nOrigin: {ORIGIN}:{options.port}\r\n"
                f"Cookie: {cookie}\r\nX-CSRF-Token: {csrf}\r\n"
                "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
        parts = [b'{"text": "', *[chunk] * (2**20 // len(chunk) + 1), b'"}']
        with socket.create_connection(("127.0.0.1", options.port), timeout=30) as sock:
            sock.sendall(head.encode())
            sent = 0
            try:
                for part in parts:
                    if select.select([sock], [], [], 0)[0]:  # answered already: stop sending
                        break
                    sock.sendall(b"%x\r\n%s\r\n" % (len(part), part))
                    sent += len(part)
                else:
                    sock.sendall(b"0\r\n\r\n")
            except (BrokenPipeError, ConnectionResetError):
                pass
            status_line = sock.makefile("rb").readline()
    assert status_line.split()[1:2] == [b"413"], (status_line, sent)
    assert (root / NAME / "transcript.json").read_bytes() == before


def test_paths_never_leave_the_folder(root: Path, tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("confidential note", encoding="utf-8")
    outside = tmp_path / "elsewhere"
    shutil.copytree(root / NAME, outside)
    (root / "linked").symlink_to(outside, target_is_directory=True)
    attempts = [
        "/static/../../../../../../etc/passwd", "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/static/%2e%2e/app.py", "/static/../app.py", "/r/..%2F..%2Fsecret.txt",
        "/r/../secret.txt", f"/r/{NAME}/../../secret.txt", "/r/%2e%2e/audio",
        "/r/.review.sqlite3", "/r/linked", "/r/linked/audio", f"/r/{NAME}/export/..%2fsecret",
        f"/r/{NAME}/export/json%00", "/r/%2Fetc%2Fpasswd/audio", "/r/%2e%2e%2fsecret.txt/panels",
    ]
    options = ReviewOptions(root, port=free_port())
    with background(options):
        for path in attempts:
            status, body = _raw_get(options.port, path)
            assert status == 404, (path, status)
            assert b"confidential" not in body and b"root:" not in body
        status, listing = _raw_get(options.port, "/")
        assert status == 200 and b"linked" not in listing


def test_no_external_resources_and_a_strict_policy(client: TestClient):
    csp = client.get("/").headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe" not in csp
    pages = ["/", f"/r/{NAME}", f"/r/{NAME}/panels", "/static/review.js", "/static/review.css"]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert not EXTERNAL.search(response.text), (path, EXTERNAL.search(response.text))
        if not path.startswith("/static/"):  # nothing inline that the policy would block
            assert "<script>" not in response.text and "<style" not in response.text
            assert not re.search(r"<[^>]+\s(?:on[a-z]+|style)\s*=", response.text), path


def test_serves_with_networking_cut_off(root: Path, monkeypatch: pytest.MonkeyPatch):
    """The app opens no connection of its own: with every non-loopback connect refused, the
    pages, a change and an export still work."""
    real_connect = socket.socket.connect

    def loopback_only(sock: socket.socket, address) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and host not in ("127.0.0.1", "::1", "localhost"):
            raise OSError(f"network access attempted: {address}")
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", loopback_only)
    options = ReviewOptions(root, port=free_port())
    with background(options):
        assert _raw_get(options.port, f"/r/{NAME}")[0] == 200
        assert _raw_get(options.port, f"/r/{NAME}/export/vtt")[0] == 200
    with TestClient(create_app(ReviewOptions(root)), base_url=ORIGIN) as client:
        assert _post(client, f"/api/r/{NAME}/segments/1/role",
                     {"role": "witness"}).status_code == 200
