"""staged_dir: a folder replaced in one step, even when the writer is killed (kill -9) in the
middle of the swap, and staging folders of dead writers cleaned up by the next writer."""

from __future__ import annotations

import ctypes
import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hearingproc import _fsutil
from hearingproc._fsutil import staged_dir

OLD = {"transcript.json": b'{"v": "old"}', "transcript.txt": b"old text\n"}
NEW = {"transcript.json": b'{"v": "new"}', "transcript.txt": b"new text\n", "timeline.png": b"PNG"}

# The child writes NEW over the folder argv[2] and SIGKILLs itself right after the first folder
# move the swap makes (a rename, or the one-step exchange), whichever the implementation uses.
# argv[1] "fallback" makes the exchange unavailable, as on a filesystem without it.
KILLED_AT_SWAP = r"""
import os, signal, sys
from pathlib import Path
from hearingproc import _fsutil

mode, target = sys.argv[1], Path(sys.argv[2])
new = {"transcript.json": b'{"v": "new"}', "transcript.txt": b"new text\n", "timeline.png": b"PNG"}

def killed_after(move):
    def wrapper(*args, **kwargs):
        result = move(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGKILL)
        return result
    return wrapper

if mode == "fallback":
    _fsutil._exchange = lambda staging, target: False
with _fsutil.staged_dir(target) as staging:
    for name, blob in new.items():
        (staging / name).write_bytes(blob)
    os.rename, os.replace = killed_after(os.rename), killed_after(os.replace)
    if hasattr(_fsutil, "_exchange"):
        _fsutil._exchange = killed_after(_fsutil._exchange)
print("not killed", flush=True)
"""

# The child starts writing argv[1] and SIGKILLs itself before the block ends.
KILLED_WHILE_WRITING = r"""
import os, signal, sys
from pathlib import Path
from hearingproc._fsutil import staged_dir

with staged_dir(Path(sys.argv[1])) as staging:
    (staging / "half").write_bytes(b"half")
    os.kill(os.getpid(), signal.SIGKILL)
"""

# The child writes argv[1], prints its staging folder, and finishes when stdin gets a line.
WAITING_WRITER = r"""
import sys
from pathlib import Path
from hearingproc._fsutil import staged_dir

with staged_dir(Path(sys.argv[1])) as staging:
    (staging / "who").write_text("child", encoding="utf-8")
    print(staging, flush=True)
    sys.stdin.readline()
"""


def _run_child(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True,
                          text=True, timeout=60, check=False)


def _write(target: Path, files: dict[str, bytes]) -> None:
    with staged_dir(target) as staging:
        for name, blob in files.items():
            (staging / name).write_bytes(blob)


def _content(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def _hidden(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.startswith("."))


def _dead_pid() -> int:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)
    return int(child.stdout)


def test_replaces_whole_folder(tmp_path: Path) -> None:
    target = tmp_path / "out" / "rec"
    _write(target, OLD)
    _write(target, NEW)
    assert _content(target) == NEW
    assert _hidden(target.parent) == []


def test_failure_leaves_target_untouched(tmp_path: Path) -> None:
    target = tmp_path / "rec"
    _write(target, OLD)
    with pytest.raises(RuntimeError), staged_dir(target) as staging:
        (staging / "transcript.json").write_bytes(b"half")
        raise RuntimeError("renderer failed")
    assert _content(target) == OLD
    assert _hidden(tmp_path) == []


def test_kill_at_swap_leaves_complete_old_or_new(tmp_path: Path) -> None:
    """kill -9 right after the swap's first move: OUT/NAME is there, whole, at once."""
    target = tmp_path / "rec"
    _write(target, OLD)
    child = _run_child(KILLED_AT_SWAP, "exchange", str(target))
    assert child.returncode == -signal.SIGKILL, child.stdout + child.stderr
    assert target.is_dir(), f"{target.name} missing after kill -9; left: {_hidden(tmp_path)}"
    assert _content(target) in (OLD, NEW)
    _write(target, NEW)  # the next writer cleans up what the dead one left
    assert _content(target) == NEW
    assert _hidden(tmp_path) == []


def test_kill_at_fallback_swap_is_recovered_by_next_writer(tmp_path: Path) -> None:
    """Without the exchange the two-rename swap can leave only .NAME.old; the next writer of
    NAME puts it back first, so a writer that then fails still leaves the old folder."""
    target = tmp_path / "rec"
    _write(target, OLD)
    child = _run_child(KILLED_AT_SWAP, "fallback", str(target))
    assert child.returncode == -signal.SIGKILL, child.stdout + child.stderr
    with pytest.raises(RuntimeError), staged_dir(target):
        raise RuntimeError("the next run fails")
    assert target.is_dir(), f"{target.name} not restored; left: {_hidden(tmp_path)}"
    assert _content(target) == OLD
    assert _hidden(tmp_path) == []


def test_recover_swap_for_readers(tmp_path: Path) -> None:
    """A reader can restore a folder left aside by a fallback swap killed half-way."""
    target = tmp_path / "rec"
    aside = tmp_path / ".rec.old"
    aside.mkdir()
    (aside / "transcript.json").write_bytes(OLD["transcript.json"])
    _fsutil.recover_swap(target)
    assert _content(target) == {"transcript.json": OLD["transcript.json"]}
    assert not aside.exists()


def test_fallback_swap_replaces_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_fsutil, "_exchange", lambda staging, target: False)
    target = tmp_path / "rec"
    _write(target, OLD)
    _write(target, NEW)
    assert _content(target) == NEW
    assert _hidden(tmp_path) == []


def test_exchange_swaps_two_folders(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "one").write_bytes(b"1")
    if not _fsutil._exchange(first, second):
        pytest.skip("this filesystem has no RENAME_EXCHANGE")
    assert (second / "one").is_file() and not (first / "one").exists()
    with pytest.raises(FileNotFoundError):
        _fsutil._exchange(first, tmp_path / "missing")


def test_stale_staging_of_dead_writer_is_removed(tmp_path: Path) -> None:
    target = tmp_path / "rec"
    _write(target, OLD)
    child = _run_child(KILLED_WHILE_WRITING, str(target))
    assert child.returncode == -signal.SIGKILL, child.stdout + child.stderr
    left = [name for name in _hidden(tmp_path) if name.endswith(".partial")]
    assert len(left) == 1 and left[0].startswith(".rec.")
    other = tmp_path / f".rec.b.{_dead_pid()}.abcd1234.partial"  # the target "rec.b", not "rec"
    other.mkdir()
    (tmp_path / ".rec.old").mkdir()  # a leftover beside an existing rec
    _write(target, NEW)
    assert _content(target) == NEW
    assert _hidden(tmp_path) == [other.name]


def test_staging_of_live_writer_is_kept(tmp_path: Path) -> None:
    """Another process writing the same target keeps its staging folder; the last swap wins."""
    target = tmp_path / "rec"
    _write(target, OLD)
    child = subprocess.Popen([sys.executable, "-c", WAITING_WRITER, str(target)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        staging = Path(child.stdout.readline().strip())
        assert staging.name.startswith(f".rec.{child.pid}.")
        _write(target, NEW)
        assert _content(target) == NEW
        assert (staging / "who").read_text(encoding="utf-8") == "child"
    finally:
        child.communicate("\n", timeout=60)
    assert child.returncode == 0
    assert _content(target) == {"who": b"child"}
    assert _hidden(tmp_path) == []


def test_staging_named_after_reused_pid(tmp_path: Path) -> None:
    """A staging folder that names a running pid but that no process holds is the leftover
    of a dead writer whose pid was reused, once it is older than the start-up grace."""
    target = tmp_path / "rec"
    live_pid = os.getppid()
    old = tmp_path / f".rec.{live_pid}.oldabcde.partial"
    young = tmp_path / f".rec.{live_pid}.newabcde.partial"
    old.mkdir()
    young.mkdir()
    past = time.time() - 2 * _fsutil.STAGING_GRACE_S
    os.utime(old, (past, past))
    _write(target, NEW)
    assert _hidden(tmp_path) == [young.name]


@pytest.mark.parametrize("code", [errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP])
def test_exchange_unsupported_is_false(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """A kernel or filesystem without RENAME_EXCHANGE sends staged_dir to its fallback."""
    def refused(a: Path, b: Path, flags: int) -> int:
        ctypes.set_errno(code)
        return -1
    monkeypatch.setattr(_fsutil, "_renameat2", lambda: refused)
    assert _fsutil._exchange(Path("a"), Path("b")) is False
