"""Diarization in a process of its own.

Diarization is the only stage that needs torch and pyannote.audio for its whole length, and
importing them leaves about 770 MiB resident (the CUDA wheels' libraries, lightning) that no
release gives back while the process lives. The stages after it decode with CTranslate2, which
needs neither, so a long hearing's transcription used to carry that weight at its peak. Run in
a child process, diarization's imports, models and working buffers go back to the system when
the child ends; the recording's samples reach it through a private temporary file it maps
(copy-on-write), and its progress and result (plain dataclasses) come back through a pipe.

The child is a fresh interpreter (``python -m hearingproc.stages.diarize_worker FD PPID``, talking
over a socket pair), not a ``multiprocessing`` process: ``fork`` is unsafe once CTranslate2's
or OpenMP's threads run, and ``spawn`` would run the caller's main script again in the child
(a user's unguarded script would start itself twice). It turns telemetry off before importing
anything (the environment is the parent's, HEARINGPROC_THREADS included) and keeps its models
loaded between recordings: it is a model under
:func:`~hearingproc.models.cache.model_cache`, so the stage's release (after diarization,
unless the caller keeps models for more recordings) ends it.
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import weakref
from dataclasses import replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import numpy as np

from hearingproc.audio import Audio
from hearingproc.errors import ModelError
from hearingproc.models.cache import model_cache
from hearingproc.progress import Progress, no_progress
from hearingproc.stages.diarize import Diarization, DiarizeOptions

log = logging.getLogger(__name__)

# requests: ("diarize", samples_path, audio_without_samples, options), ("load", options) and
# ("embed", samples);
# answers: ("progress", step, completed, total)*, then ("result", value) or ("error", exception)


class DiarizationWorker:
    """A child process that diarizes one recording at a time and embeds voices for the roles
    stage (see the module's docstring)."""

    def __init__(self) -> None:
        ours, theirs = socket.socketpair()
        with theirs:
            self._process = subprocess.Popen(
                [sys.executable, "-m", __name__, str(theirs.fileno()), str(os.getpid())],
                pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL)
        self._conn = Connection(ours.detach())
        # ends the child when this object is dropped (the stage's release) or at exit
        self._finalizer = weakref.finalize(self, _stop, self._process, self._conn)

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def alive(self) -> bool:
        return self._process.poll() is None

    def diarize(self, audio: Audio, options: DiarizeOptions,
                progress: Progress = no_progress) -> Diarization:
        """:func:`hearingproc.stages.diarize.diarize` of ``audio``, run in the child."""
        with tempfile.TemporaryDirectory(prefix="hearingproc-diarize-") as folder:
            path = Path(folder) / "samples.npy"
            np.save(path, audio.samples, allow_pickle=False)
            bare = replace(audio, samples=np.zeros(0, dtype=np.float32))
            result: Diarization = self._ask(("diarize", str(path), bare, options),
                                            f"{audio.source}: diarization", progress)
            return result

    def load(self, options: DiarizeOptions) -> None:
        """Load the diarization pipeline for ``options`` in the child now (a bad pipeline
        setting fails before any recording, as the CLI wants)."""
        self._ask(("load", options), "diarization")

    def embed_voice(self, samples: np.ndarray) -> np.ndarray:
        """The roles stage's unit-length voice embedding of ``samples`` (16 kHz), computed in
        the child (:func:`hearingproc.stages.role_voices.embed_here`)."""
        vector: np.ndarray = self._ask(
            ("embed", np.ascontiguousarray(samples, dtype=np.float32)), "voice embedding")
        return vector

    def _ask(self, request: tuple[object, ...], what: str,
             progress: Progress = no_progress) -> Any:
        try:
            self._conn.send(request)
            while True:
                kind, *payload = self._conn.recv()
                if kind == "progress":
                    progress(*payload)
                elif kind == "result":
                    return payload[0]
                else:
                    raise payload[0]
        except (EOFError, OSError) as exc:
            try:
                code: int | None = self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                code = None
            raise ModelError(f"{what}: the worker process ended without an answer "
                             f"(exit code {code})") from exc

    def close(self) -> None:
        self._finalizer()


def _stop(process: subprocess.Popen[bytes], conn: Connection) -> None:
    try:
        conn.close()  # the child's recv() ends, and with it the child
    finally:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@model_cache(maxsize=1)
def diarization_worker() -> DiarizationWorker:
    """The diarization child of this process, started on first use."""
    return DiarizationWorker()


def load_diarization(options: DiarizeOptions) -> None:
    """Load diarization's models where the pipeline will run them: in the child with
    ``options.own_process`` (this process then never imports torch), else here."""
    if options.own_process:
        _live_worker().load(options)
    else:
        from hearingproc.stages.diarize import load_pipeline

        load_pipeline(options)


def _live_worker() -> DiarizationWorker:
    worker = diarization_worker()
    if not worker.alive:
        diarization_worker.cache_clear()
        worker = diarization_worker()
    return worker


def diarize_in_worker(audio: Audio, options: DiarizeOptions,
                      progress: Progress = no_progress) -> Diarization:
    """Diarize ``audio`` in this process's diarization child (started if need be); a child
    that died is replaced once, so one crash does not fail every later recording."""
    return _live_worker().diarize(audio, options, progress)


PARENT_POLL_S = 0.5  # how often the child checks that its parent still lives


def _exit_with_parent(parent: int) -> None:  # pragma: no cover - runs in the child
    """End this child as soon as ``parent`` is gone (``kill -9`` of the CLI or a worker).

    The closed pipe ends it too, but only once the request under way is done: a parent killed
    while this loads the models or diarizes a long hearing left it computing for minutes. A
    thread that watches the parent's pid ends it at once instead. Not PR_SET_PDEATHSIG: that
    fires when the *thread* that started the child ends, and the stage may run in a task
    thread that ends before the child should."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_S)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _serve(conn: Connection) -> None:  # pragma: no cover - runs in the child
    """The child: diarize each request until the parent closes the pipe."""
    from hearingproc._env import apply_private_defaults

    apply_private_defaults()  # before torch, pyannote or anything that might phone home
    from hearingproc.stages.diarize import diarize, load_pipeline

    while True:
        try:
            kind, *request = conn.recv()
        except (EOFError, OSError):
            return

        def report(step: str, completed: int, total: int) -> None:
            conn.send(("progress", step, completed, total))

        try:
            if kind == "diarize":
                path, bare, options = request
                samples = np.load(path, mmap_mode="c", allow_pickle=False)
                # mapped, the samples need no name: unlinked now, no copy of the hearing is
                # left in the temporary folder if the parent is killed while this runs
                Path(path).unlink(missing_ok=True)
                result: object = diarize(replace(bare, samples=samples), options,
                                         progress=report)
                del samples
            elif kind == "load":
                load_pipeline(request[0])
                result = None
            else:
                from hearingproc.stages.role_voices import embed_here

                result = embed_here(request[0])
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the caller
            try:
                conn.send(("error", exc))
            except Exception:  # noqa: BLE001 - an exception that does not pickle
                conn.send(("error", ModelError(f"{kind} failed: {type(exc).__name__}: {exc}")))
            continue
        conn.send(("result", result))


if __name__ == "__main__":  # the child: python -m hearingproc.stages.diarize_worker FD PPID
    _exit_with_parent(int(sys.argv[2]))
    _serve(Connection(int(sys.argv[1])))
