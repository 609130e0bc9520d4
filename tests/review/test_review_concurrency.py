"""Two ``hearingproc review`` processes on one output folder: edits sent to both at once are
all kept, in the store and in ``transcript.json``, and none fails."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from hearingproc.review.server import free_port
from hearingproc.review.store import ReviewStore
from hearingproc.transcript import load_transcript

NAME = "mock_hearing_es"
pytestmark = pytest.mark.slow  # two server processes and 100 edits: about 20 s
CSRF = re.compile(r'<meta name="csrf-token" content="([0-9a-f]{64})">')
EDITS_EACH = 50
STARTUP_SECONDS = 60.0  # two interpreters importing FastAPI on a busy machine


@pytest.fixture()
def root(committed_output: Path, tmp_path: Path) -> Path:
    shutil.copytree(committed_output, tmp_path / "out" / NAME)
    return tmp_path / "out"


def _wait_listening(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"review server exited: {log.read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"review server did not listen on port {port}")


@pytest.fixture()
def servers(root: Path, tmp_path: Path) -> Iterator[list[str]]:
    """Two real ``hearingproc review ROOT`` processes; yields their base URLs (their output
    goes to ``server-N.log`` in ``tmp_path``)."""
    env = {**os.environ, "HEARINGPROC_REVIEWER": "Probe"}
    started: list[tuple[subprocess.Popen, int, Path]] = []
    try:
        for number in range(2):
            port, log = free_port(), tmp_path / f"server-{number}.log"
            with log.open("wb") as output:
                process = subprocess.Popen(
                    [sys.executable, "-m", "hearingproc.cli", "review", str(root), "--port",
                     str(port)], env=env, stdout=output, stderr=subprocess.STDOUT)
            started.append((process, port, log))
        for process, port, log in started:
            _wait_listening(port, process, log)
        yield [f"http://127.0.0.1:{port}" for _, port, _ in started]
    finally:
        for process, _, _ in started:
            process.terminate()
        for process, _, _ in started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _send_edits(base: str, prefix: str, lines: list[int], results: list[tuple[int, str]]) -> None:
    """Add ``EDITS_EACH`` tags through one server, each with a label of its own."""
    with httpx.Client(base_url=base, timeout=120) as client:
        page = client.get(f"/r/{NAME}")
        headers = {"origin": base, "x-csrf-token": CSRF.search(page.text).group(1)}
        for number in range(EDITS_EACH):
            body = {"first": lines[number % len(lines)], "label": f"{prefix}_{number}"}
            response = client.post(f"/api/r/{NAME}/tags", json=body, headers=headers)
            results.append((response.status_code, response.text))


def test_two_servers_keep_every_concurrent_edit(servers: list[str], root: Path):
    original = load_transcript(root / NAME / "transcript.json")
    lines = [s.id for s in original.segments]
    results: list[tuple[int, str]] = []
    threads = [threading.Thread(target=_send_edits, args=(base, prefix, lines, results))
               for base, prefix in zip(servers, ("a", "b"), strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(results) == 2 * EDITS_EACH
    failed = [(status, text) for status, text in results if status != 200]
    assert not failed, failed
    wanted = {f"{prefix}_{n}" for prefix in "ab" for n in range(EDITS_EACH)}
    final = load_transcript(root / NAME / "transcript.json")
    labels = {t.label for t in final.tags}
    assert wanted <= labels, f"lost: {sorted(wanted - labels)}"
    assert len(final.tags) == len(original.tags) + 2 * EDITS_EACH
    assert len(final.review_history) == 2 * EDITS_EACH
    store = ReviewStore(root / ".review.sqlite3")
    try:
        stored = store.history(NAME, f"{original.recording.id}@{original.pipeline.created_at}")
    finally:
        store.close()
    assert len(stored) == 2 * EDITS_EACH
    text = (root / NAME / "transcript.txt").read_text(encoding="utf-8")
    assert f"({2 * EDITS_EACH} changes in effect" in text


def _open_store_at(path: str, start: float, results) -> None:
    from hearingproc.review.store import StoreError

    while time.time() < start:
        pass
    try:
        ReviewStore(Path(path)).close()
        results.put(None)
    except StoreError as exc:
        results.put(str(exc))


def test_processes_opening_a_new_store_at_once_all_open_it(tmp_path: Path) -> None:
    """Six processes open the same new review store at the same instant, ten times over: each
    opens it. Switching a new store to WAL takes a lock SQLite does not wait for, so before
    the store retried, some lost with "database is locked" (6 of 90 opens in one run; the
    two-server test above failed so in a CI rehearsal)."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    failures = []
    for trial in range(10):
        path = tmp_path / f"store-{trial}" / ".review.sqlite3"
        path.parent.mkdir()
        results = context.Queue()
        start = time.time() + 0.5
        workers = [context.Process(target=_open_store_at, args=(str(path), start, results))
                   for _ in range(6)]
        for worker in workers:
            worker.start()
        failures += [error for _ in workers if (error := results.get(timeout=60))]
        for worker in workers:
            worker.join(timeout=60)
    assert failures == []
