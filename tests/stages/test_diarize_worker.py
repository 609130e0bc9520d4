"""Diarization and the roles stage's voice embeddings in a child process
(stages/diarize_worker.py): the same turns and vectors as in this process, progress relayed,
the child kept for the next recording and ended by the stage's release, a crashed child
reported with the file's name and replaced, and a pipeline that never imports torch or
pyannote up to the end of translation."""

from __future__ import annotations

import gc
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from hearingproc.audio import load_audio
from hearingproc.errors import ModelError
from hearingproc.stages.diarize import DiarizeOptions, diarize
from hearingproc.stages.diarize_worker import diarization_worker, diarize_in_worker

pytestmark = pytest.mark.models  # the child loads the diarization models

REPO = Path(__file__).resolve().parents[2]
CLIP_ID = "en_pyannote-audio_sample"  # two voices, 30 s


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as status:
            return "zombie" in status.read().lower()
    except FileNotFoundError:
        return True


def test_the_worker_gives_the_turns_this_process_gives(audio_path):
    audio = load_audio(audio_path(CLIP_ID))
    steps: list[tuple[str, int, int]] = []
    in_worker = diarize_in_worker(audio, DiarizeOptions(),
                                  progress=lambda s, c, t: steps.append((s, int(c), int(t))))
    assert in_worker == diarize(audio, DiarizeOptions())
    assert len(in_worker.speakers) == 2
    # pyannote's steps reached the caller, the last one to its end
    assert {"segmentation", "embeddings"} <= {s for s, _, _ in steps}
    assert steps[-1][0] == "embeddings" and steps[-1][1] == steps[-1][2]

    pid = diarization_worker().pid
    options = DiarizeOptions(num_speakers=1)  # options travel with each request
    assert diarize_in_worker(audio, options) == diarize(audio, options)
    assert diarization_worker().pid == pid  # one child for every recording of the process
    diarization_worker.cache_clear()  # what the stage's release does
    gc.collect()
    assert _gone(pid)


def test_no_copy_of_the_samples_stays_on_disk_while_the_worker_diarizes(audio_path, tmp_path,
                                                                        monkeypatch):
    """The samples reach the child through a temporary file, which the child unlinks once it
    has mapped it: a parent killed mid-diarization leaves no copy of the hearing behind."""
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    audio = load_audio(audio_path(CLIP_ID))
    on_disk: list[int] = []
    diarize_in_worker(audio, DiarizeOptions(), progress=lambda *_: on_disk.append(
        len(list(tmp_path.glob("hearingproc-diarize-*/*")))))
    assert on_disk and max(on_disk) == 0, on_disk
    assert not list(tmp_path.iterdir())  # and the folder is gone after


def test_voices_embedded_in_the_worker_equal_this_process(audio_path):
    from hearingproc.stages.diarize_worker import DiarizationWorker
    from hearingproc.stages.role_voices import embed_here

    samples = load_audio(audio_path(CLIP_ID)).samples
    worker = DiarizationWorker()
    try:
        for start, end in ((0.0, 4.0), (10.0, 25.0), (3.0, 3.2)):  # the last: padded
            piece = samples[int(start * 16000):int(end * 16000)]
            there, here = worker.embed_voice(piece), embed_here(piece)
            assert there.shape == here.shape == (256,)
            assert abs(float(there @ there) - 1.0) < 1e-5
            assert float(there @ here) > 0.99999
    finally:
        worker.close()
    assert _gone(worker.pid)


def test_a_crashed_worker_is_named_and_replaced(audio_path):
    audio = load_audio(audio_path(CLIP_ID))
    worker = diarization_worker()
    os.kill(worker.pid, signal.SIGKILL)
    with pytest.raises(ModelError, match=rf"{CLIP_ID}.*worker process ended.*exit code -9"):
        worker.diarize(audio, DiarizeOptions())
    # the next recording gets a new child
    assert diarize_in_worker(audio, DiarizeOptions()) == diarize(audio, DiarizeOptions())
    assert diarization_worker().pid != worker.pid
    diarization_worker.cache_clear()


def test_an_error_in_the_worker_reaches_the_caller(audio_path, tmp_path):
    audio = load_audio(audio_path(CLIP_ID))
    missing = tmp_path / "no-such-pipeline"
    with pytest.raises(ModelError, match="cannot load the pyannote pipeline"):
        diarize_in_worker(audio, DiarizeOptions(pipeline=str(missing)))
    # the child survives its request's failure and serves the next one
    assert diarization_worker().alive
    assert diarize_in_worker(audio, DiarizeOptions()).speakers
    diarization_worker.cache_clear()


def test_transcription_runs_without_torch_in_the_process(audio_path, tmp_path):
    """The point of the worker: a fresh process that diarizes, transcribes, assigns roles
    (comparing voices) and translates has imported neither torch nor pyannote.audio."""
    script = textwrap.dedent(f"""
        import json, sys
        from hearingproc._env import apply_private_defaults
        apply_private_defaults()
        from hearingproc.audio import load_audio
        from hearingproc.config import PipelineConfig
        from hearingproc.pipeline.stages import Run, named
        from hearingproc.progress import no_progress
        config = PipelineConfig()
        run = Run(load_audio({str(audio_path(CLIP_ID))!r}), {{}})
        for name in ("diarize", "transcribe", "roles", "translate"):
            run = named(name).function(run, config, no_progress)
        print(json.dumps({{"torch": "torch" in sys.modules,
                          "pyannote": "pyannote.audio" in sys.modules,
                          "speakers": len(run.diarization.speakers),
                          "segments": len(run.transcript.segments),
                          "roles": [s.role for s in run.transcript.speakers]}}))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=900, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["speakers"] == 2 and found["segments"] > 0
    assert len(found["roles"]) == 2 and None not in found["roles"]
    assert not found["torch"] and not found["pyannote"]


def test_the_cli_loads_diarization_in_the_worker(audio_path, tmp_path):
    """`hearingproc process` loads its models before the first file (a bad setting fails at
    once): diarization's in the child, so torch is still not imported when translation ends
    (the interpretation check's sentence encoder imports it afterwards); Whisper, loaded to
    check it, is not held while diarization runs, but is loaded for transcription."""
    script = textwrap.dedent(f"""
        import json, sys
        import hearingproc.pipeline.memory as memory
        from hearingproc.models import whisper
        seen = {{}}
        release = memory.release_after
        def watched(stage, later):
            seen[stage] = "torch" in sys.modules or "pyannote.audio" in sys.modules
            seen["whisper_held_" + stage] = whisper._load_engine.cache_info().currsize
            return release(stage, later)
        memory.release_after = watched
        from hearingproc.cli import main
        code = main(["process", {str(audio_path(CLIP_ID))!r}, "--out", {str(tmp_path / "out")!r}])
        assert code == 0, code
        print(json.dumps(seen))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=900, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert {"diarize", "transcribe", "roles", "translate"} <= set(seen)
    assert not any(seen[s] for s in ("diarize", "transcribe", "roles", "translate")), seen
    assert seen["whisper_held_diarize"] == 0, seen
    assert seen["whisper_held_transcribe"] == 1, seen
    assert (tmp_path / "out" / Path(audio_path(CLIP_ID)).stem / "transcript.json").is_file()


def test_the_worker_ends_when_its_parent_is_killed_mid_request(tmp_path):
    """`kill -9` of the parent while the child is busy (loading the models here): the child
    ends within seconds, not when its request is done (it used to go on computing)."""
    script = textwrap.dedent("""
        import sys
        from hearingproc.stages.diarize import DiarizeOptions
        from hearingproc.stages.diarize_worker import diarization_worker
        worker = diarization_worker()
        print(worker.pid, flush=True)
        worker.load(DiarizeOptions())
        print("loaded", flush=True)
    """)
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                              cwd=tmp_path)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    try:
        # the child is busy: importing torch and pyannote.audio and loading the pipeline
        with open(f"/proc/{child}/cmdline", "rb") as cmdline:
            assert b"diarize_worker" in cmdline.read()
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=30)
        deadline = time.monotonic() + 5
        while not _gone(child) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _gone(child), "the diarization child outlived its killed parent by 5 s"
    finally:
        if not _gone(child):
            os.kill(child, signal.SIGKILL)
