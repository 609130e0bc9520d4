"""Two processes writing to one store's index at once (as two watchers, or a watcher and the
review app, do): every write lands, none fails on SQLite's lock, and the index ends up
holding each transcript as it is on disk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from tests.search._hearings import HEARINGS, transcript_for, write_hearing

from hearingproc.search import Query, SearchIndex, search

REPO = Path(__file__).resolve().parents[2]
ROUNDS = 12
OWN = 6  # recordings each writer has to itself; both also rewrite one shared recording
WRITER = textwrap.dedent("""
    import json, logging, os, sys, time
    from pathlib import Path
    from hearingproc._fsutil import atomic_write_text
    from hearingproc.search import SearchIndex, keep_current

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    root, who, rounds, own = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    template = json.loads((root / "shared" / "transcript.json").read_text("utf-8"))
    go = root.parent / "go"
    while not go.exists():  # both start writing at the same moment
        time.sleep(0.001)
    SearchIndex(root).close()  # both make the index at once (the store has none yet)
    for n in range(rounds):
        names = [f"{who}_{i}" for i in range(own)] + ["shared"]
        for name in names:
            template["segments"][0]["text"] = f"marker{who}round{n}x{name.replace('_', 'y')}"
            atomic_write_text(root / name / "transcript.json", json.dumps(template))
            keep_current(root, name)  # as the pipeline and the review app do after a write
        with SearchIndex(root) as index:  # and as a search does: refresh the whole store
            index.refresh()
    print("done", who)
""")


def _writer(root: Path, who: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.Popen([sys.executable, "-c", WRITER, str(root), who, str(ROUNDS), str(OWN)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_processes_write_at_once_and_lose_nothing(tmp_path: Path) -> None:
    root = tmp_path / "out"
    data = transcript_for(HEARINGS[0])
    for name in ["shared"] + [f"{who}_{i}" for who in "ab" for i in range(OWN)]:
        write_hearing(root, name, data)
    writers = [_writer(root, who) for who in "ab"]
    time.sleep(1.0)  # both have imported and are waiting
    (tmp_path / "go").touch()
    results = [w.communicate(timeout=300) for w in writers]
    for writer, (out, err) in zip(writers, results, strict=True):
        assert writer.returncode == 0, err
        assert err == "", err  # no lock error, no "search index not updated" warning
        assert out.startswith("done")

    last = ROUNDS - 1
    with SearchIndex(root) as index:
        assert index.refresh().indexed == []  # the writers left nothing for a refresh to do
        for who in "ab":
            for i in range(OWN):
                name = f"{who}_{i}"
                newest = search(index, Query(text=f"marker{who}round{last}x{who}y{i}"))
                assert [h.recording for h in newest.hits] == [name]
                assert search(index, Query(text=f"marker{who}round{last - 1}x{who}y{i}")).total == 0
        on_disk = json.loads((root / "shared" / "transcript.json").read_text("utf-8"))
        marker = on_disk["segments"][0]["text"]
        shared = search(index, Query(text=marker))
        assert [h.recording for h in shared.hits] == ["shared"]  # the last write won, as on disk
        lines = index.connection.execute("SELECT count(*) FROM lines").fetchone()[0]
        assert lines == (2 * OWN + 1) * len(data["segments"])  # no hearing twice, none lost


def test_opening_a_new_index_waits_for_another_writer_s_lock(tmp_path: Path) -> None:
    """Switching a new index into WAL mode fails at once, without SQLite's busy handler, while
    another connection holds a write lock on the file (what made the test above fail now and
    then): opening waits for the lock instead."""
    import sqlite3
    import threading

    from hearingproc.search.index import index_path

    root = tmp_path / "out"
    write_hearing(root, "one", transcript_for(HEARINGS[0]))
    path = index_path(root)
    path.parent.mkdir(parents=True)
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE early (x)")
    other.execute("BEGIN IMMEDIATE")  # another process's write, in the file's first mode
    other.execute("INSERT INTO early VALUES (1)")
    release = threading.Timer(0.5, lambda: other.execute("COMMIT"))
    release.start()
    try:
        with SearchIndex(root) as index:
            mode = index.connection.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
    finally:
        release.join()
        other.close()
