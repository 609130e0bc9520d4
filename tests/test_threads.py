"""Threads per recording: HEARINGPROC_THREADS, and a server running several recordings at once
giving each its share of the cores (``hearingproc watch --limit N``; the end-to-end check is in
tests/flows/test_flows.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from hearingproc import _env
from hearingproc.errors import ConfigError

LIBRARY_VARS = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for key in (_env.THREADS_ENV, *LIBRARY_VARS):
        monkeypatch.delenv(key, raising=False)
    return monkeypatch


def test_every_core_unless_told(clean_env: pytest.MonkeyPatch) -> None:
    assert _env.cpu_threads() == len(os.sched_getaffinity(0))
    clean_env.setenv(_env.THREADS_ENV, "3")
    assert _env.cpu_threads() == 3


@pytest.mark.parametrize("value", ["two", "0", "-1", "1.5"])
def test_a_bad_thread_count_is_named(clean_env: pytest.MonkeyPatch, value: str) -> None:
    clean_env.setenv(_env.THREADS_ENV, value)
    with pytest.raises(ConfigError, match=f"HEARINGPROC_THREADS={value!r}"):
        _env.cpu_threads()


def test_runs_side_by_side_share_the_cores(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setattr(_env, "_cores", lambda: 8)
    assert _env.share_cores(1) == 8  # one run at a time: the libraries' own defaults
    assert _env.THREADS_ENV not in os.environ
    assert not any(key in os.environ for key in LIBRARY_VARS)
    assert _env.share_cores(3) == 2
    assert os.environ[_env.THREADS_ENV] == "2"
    assert all(os.environ[key] == "2" for key in LIBRARY_VARS)


def test_more_runs_than_cores_get_one_thread_each(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setattr(_env, "_cores", lambda: 2)
    assert _env.share_cores(4) == 1


def test_the_users_setting_wins(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setattr(_env, "_cores", lambda: 8)
    clean_env.setenv(_env.THREADS_ENV, "5")
    clean_env.setenv("OMP_NUM_THREADS", "7")
    assert _env.share_cores(4) == 5
    assert os.environ["OMP_NUM_THREADS"] == "7"
    assert os.environ["MKL_NUM_THREADS"] == "5"


def test_torch_in_a_recording_process_takes_the_setting() -> None:
    """The entry points' defaults reach torch, which reads OMP_NUM_THREADS when it loads."""
    env = {k: v for k, v in os.environ.items() if k not in LIBRARY_VARS}
    env[_env.THREADS_ENV] = "1"
    code = ("from hearingproc._env import apply_private_defaults; apply_private_defaults(); "
            "import torch; print(torch.get_num_threads())")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          timeout=300, check=True)
    assert done.stdout.strip() == "1"
