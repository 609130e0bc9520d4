"""The Prefect flows: recordings processed on arrival exactly once, resumed after a SIGKILL,
and pulled from a work pool by worker processes of a real Prefect server on PostgreSQL.

Every flow runs in a subprocess, as a user runs it (``hearingproc watch``, ``hearingproc
process --flow``, ``prefect worker start``), on short slices of the committed sample hearing.
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import wave
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from hearingproc._fsutil import sha256_of_file
from hearingproc.audio import load_audio
from hearingproc.flows.local_api import STOP_BOUND_S, free_port, healthy

REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
SAMPLE = REPO / "sample_audio" / "mock_hearing_es.wav"
CLIP_S = 2.5  # each inbox recording: 2.5 s of English from the sample hearing
OFFSETS = (1.0, 3.5, 8.2, 10.7, 17.0, 19.5, 23.7, 26.3)  # eight different recordings
FAST_CONFIG = '[transcribe]\nlanguage = "en"\n'  # one decode per stretch keeps the test short
WAIT_S = 900  # the most any subprocess wait may take on a loaded CI machine
STOP_MARGIN_S = 30  # beyond the watcher's own stop bound: interpreter exit on a loaded machine

pytestmark = [pytest.mark.slow, pytest.mark.models]


# --- helpers --------------------------------------------------------------------------------

def _write_wav(path: Path, samples: np.ndarray) -> None:
    pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(pcm.tobytes())


def _env(home: Path, api_url: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PYTHONPATH=os.pathsep.join([str(REPO / "src"), str(REPO)]), PREFECT_HOME=str(home),
               DO_NOT_TRACK="1", PYANNOTE_METRICS_ENABLED="false", PYTHONUNBUFFERED="1",
               PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="300",
               PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_API_REQUEST_TIMEOUT="120")
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env


def _start(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    handle = open(log, "wb")
    return subprocess.Popen(args, env=env, stdout=handle, stderr=subprocess.STDOUT, cwd=REPO,
                            start_new_session=True)


def _stop(process: subprocess.Popen, sig: int = signal.SIGINT, wait_s: float = 30) -> float:
    """Stop a subprocess and everything it started (its own process group); the seconds it
    took to exit by itself (inf when it had to be killed)."""
    started, took = time.monotonic(), float("inf")
    if process.poll() is None:
        try:
            os.killpg(process.pid, sig)
            process.wait(timeout=wait_s)
            took = time.monotonic() - started
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass
    else:
        took = 0.0
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    return took


def _wait_for(condition, timeout: float, what: str, processes=()) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        for process in processes:
            assert process.poll() is None, f"{process.args} exited with {process.returncode}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.5)


@pytest.fixture(scope="module")
def clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Eight different 2.5 s recordings and a truncated WAV."""
    folder = tmp_path_factory.mktemp("clips")
    samples = load_audio(SAMPLE).samples
    clips = {}
    for i, offset in enumerate(OFFSETS):
        first = int(offset * 16000)
        clips[f"hearing_{i}"] = folder / f"hearing_{i}.wav"
        _write_wav(clips[f"hearing_{i}"], samples[first:first + int(CLIP_S * 16000)])
    whole = clips["hearing_0"].read_bytes()
    clips["corrupt"] = folder / "corrupt.wav"
    clips["corrupt"].write_bytes(whole[:len(whole) // 2])  # the header promises twice this
    return clips


@contextlib.contextmanager
def _prefect_server(home: Path, *options: str, database: str | None = None) -> Iterator[str]:
    """``prefect server start`` on a free port for the block (its SQLite database in
    ``home``, or ``database``: a PREFECT_API_DATABASE_CONNECTION_URL); yields its API URL."""
    port = free_port(0)
    url = f"http://127.0.0.1:{port}/api"
    env = _env(home)
    if database:
        env["PREFECT_API_DATABASE_CONNECTION_URL"] = database
    server = _start([PYTHON, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                     "--port", str(port), *options], env, home / "server.log")
    try:
        _wait_for(lambda: healthy(url), 300, "the Prefect server", [server])
        yield url
    finally:
        _stop(server)


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A real ``prefect server start`` (SQLite in a temporary PREFECT_HOME, a free port)."""
    home = tmp_path_factory.mktemp("prefect-server-home")
    with _prefect_server(home, "--no-services") as url:
        yield url, home


PG_PASSWORD = "prefect"  # of the role prefect, as in README's recipe


def _postgres_bin() -> Path:
    """The newest PostgreSQL binaries of Debian's ``postgresql`` package (scripts/setup.sh
    installs it); the test is skipped without them, and fails in CI."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                   key=lambda path: int(path.parts[-3]) if path.parts[-3].isdigit() else 0)
    problem = "" if found else ("no PostgreSQL server binaries in /usr/lib/postgresql/*/bin "
                                "(Debian package postgresql; scripts/setup.sh installs it)")
    if found and os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            problem = "running as root, and there is no postgres user to run PostgreSQL as"
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"{problem}: CI must run the server-and-workers test on PostgreSQL")
        pytest.skip(problem)
    return found[-1].parent


@pytest.fixture(scope="module")
def postgres_database() -> Iterator[str]:
    """A throwaway PostgreSQL cluster on a free port, with the role and database ``prefect``
    of README's recipe; yields its PREFECT_API_DATABASE_CONNECTION_URL."""
    bin_dir = _postgres_bin()
    # not under pytest's temporary folder (mode 0700, root's): the postgres user must reach it
    root = Path(tempfile.mkdtemp(prefix="hearingproc-pg-"))
    as_owner: list[str] = []
    password = root / "password"
    password.write_text(PG_PASSWORD, encoding="utf-8")
    if os.geteuid() == 0:  # initdb and postgres refuse to run as root
        owner = pwd.getpwnam("postgres")
        for path in (root, password):
            os.chown(path, owner.pw_uid, owner.pw_gid)
        as_owner = ["runuser", "-u", "postgres", "--"]
    data, port = root / "data", free_port(0)

    def run(tool: str, *args: str) -> None:
        done = subprocess.run([*as_owner, str(bin_dir / tool), *args], cwd=root,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"{tool}: {done.stdout}{done.stderr}"

    try:
        run("initdb", "-D", str(data), "-U", "prefect", "--pwfile", str(password), "-E", "UTF8",
            "--locale", "C", "--auth-local", "trust", "--auth-host", "scram-sha-256")
        run("pg_ctl", "-D", str(data), "-l", str(root / "server.log"), "-w", "-t", "120", "-o",
            f"-p {port} -k {root} -c listen_addresses=127.0.0.1", "start")
        try:
            run("createdb", "-h", str(root), "-p", str(port), "-U", "prefect", "prefect")
            yield f"postgresql+asyncpg://prefect:{PG_PASSWORD}@127.0.0.1:{port}/prefect"
        finally:
            run("pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop")
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def postgres_prefect_server(postgres_database: str,
                            tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``prefect server start`` on PostgreSQL, services included, as README's recipe has it."""
    home = tmp_path_factory.mktemp("prefect-postgres-home")
    with _prefect_server(home, database=postgres_database) as url:
        yield url


# --- two watchers, ten recordings ---------------------------------------------------------

def test_two_watchers_process_each_recording_once(clips, prefect_server, tmp_path):
    url, _ = prefect_server
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    config = tmp_path / "fast.toml"
    config.write_text(FAST_CONFIG, encoding="utf-8")
    watch = [PYTHON, "-m", "hearingproc.cli", "-v", "watch", str(inbox), "--out", str(out),
             "--config", str(config), "--settle", "1.5", "--stall", "5", "--poll", "0.5"]
    logs = [tmp_path / "watcher-a.log", tmp_path / "watcher-b.log"]
    watchers = [_start(watch, _env(tmp_path / "home", url), log) for log in logs]
    try:
        goods = [clips[f"hearing_{i}"] for i in range(len(OFFSETS))]
        # the first recording arrives slowly, as over a network share: it must not be taken
        # (and found truncated) while it grows
        data = goods[0].read_bytes()
        with open(inbox / goods[0].name, "wb") as growing:
            for start in range(0, len(data), len(data) // 6 + 1):
                growing.write(data[start:start + len(data) // 6 + 1])
                growing.flush()
                time.sleep(0.6)
        for path in goods[1:]:
            (inbox / path.name).write_bytes(path.read_bytes())
        (inbox / "same_as_hearing_3.wav").write_bytes(goods[3].read_bytes())
        (inbox / "corrupt.wav").write_bytes(clips["corrupt"].read_bytes())

        done, quarantine = inbox / "done", inbox / "quarantine"
        _wait_for(lambda: len(list(done.glob("*.wav"))) == 9
                  and (quarantine / "corrupt.wav.error.txt").is_file(), WAIT_S,
                  "every recording to be done or quarantined", watchers)
        time.sleep(2)
        assert all(w.poll() is None for w in watchers), "a watcher stopped"
    finally:
        for watcher in watchers:
            _stop(watcher)
    text = "".join(log.read_text(encoding="utf-8", errors="replace") for log in logs)

    # every good recording processed exactly once, by one watcher or the other
    shas = {sha256_of_file(p)[:12] for p in goods}
    for sha in shas:
        assert text.count(f"stage transcribe: {sha} ") == 1, sha
        assert text.count(f"stage diarize: {sha} ") == 1, sha
    for path in goods:
        transcript = json.loads((out / path.stem / "transcript.json").read_text(encoding="utf-8"))
        assert transcript["recording"]["id"] == sha256_of_file(path)
        assert transcript["segments"], f"{path.name}: no speech transcribed"
    # the duplicate is recognised: set aside in done/, no output of its own
    assert (done / "same_as_hearing_3.wav").is_file()
    assert not (out / "same_as_hearing_3").exists()
    assert "duplicate recording" in text
    # the corrupt one is quarantined with its reason, and the inbox is empty
    reason = (quarantine / "corrupt.wav.error.txt").read_text(encoding="utf-8")
    assert "truncated" in reason and "corrupt.wav" in reason
    assert not (out / "corrupt").exists()
    assert not [p for p in inbox.iterdir() if p.is_file()]
    assert not list((inbox / "processing").iterdir())
    # outputs appear atomically: nothing half-written is left anywhere
    assert not [p for p in out.rglob("*") if p.name.endswith((".partial", ".tmp", ".old"))]
    # no transcript text in the logs
    for path in goods:
        transcript = json.loads((out / path.stem / "transcript.json").read_text(encoding="utf-8"))
        for segment in transcript["segments"]:
            if len(segment["text"].strip()) > 12:
                assert segment["text"].strip() not in text


# --- a run killed after diarization resumes -----------------------------------------------

def test_sigkilled_run_resumes_without_redoing_finished_stages(tmp_path):
    samples = load_audio(SAMPLE).samples
    clip = tmp_path / "hearing.wav"
    _write_wav(clip, samples[16000:16000 * 15])  # 14 s: the judge, the oath, "I do."
    out = tmp_path / "out"
    config = tmp_path / "fast.toml"
    config.write_text(FAST_CONFIG, encoding="utf-8")
    # the default: Prefect's embedded API with SQLite under OUT/.hearingproc/prefect
    command = [PYTHON, "-m", "hearingproc.cli", "-v", "process", str(clip), "--out", str(out),
               "--config", str(config), "--flow"]
    env = _env(tmp_path / "unused-home")
    del env["PREFECT_HOME"]
    first = _start(command, env, tmp_path / "first.log")
    try:
        _wait_for(lambda: list(out.glob(".hearingproc/work/*/*/diarize.json")), WAIT_S,
                  "diarization to finish", [first])
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=30)
    finally:
        _stop(first, signal.SIGKILL)
    (diarized,) = out.glob(".hearingproc/work/*/*/diarize.json")
    before = diarized.stat().st_mtime_ns
    assert not (out / "hearing").exists()
    assert (out / ".hearingproc" / "prefect").is_dir()  # Prefect's database is in the store

    second = subprocess.run(command, env=env, capture_output=True, text=True, cwd=REPO,
                            timeout=WAIT_S)
    log = second.stdout + second.stderr
    assert second.returncode == 0, log[-3000:]
    assert diarized.stat().st_mtime_ns == before
    sha = sha256_of_file(clip)[:12]
    assert f"stage diarize: {sha} " not in log  # not computed again...
    assert log.count("Finished in state Cached(type=COMPLETED)") == 2  # ingest, diarize
    assert f"stage transcribe: {sha} " in log
    transcript = json.loads((out / "hearing" / "transcript.json").read_text(encoding="utf-8"))
    assert transcript["recording"]["id"] == sha256_of_file(clip)
    assert {p.name for p in (out / "hearing").iterdir()} == {
        "transcript.json", "transcript.txt", "transcript.srt", "transcript.vtt",
        "transcript.rttm", "timeline.png", "transcript.pdf", "transcript.docx"}
    assert not [p for p in out.rglob("*") if p.name.endswith((".partial", ".tmp", ".old"))]


# --- a Prefect server, a work pool and two workers ------------------------------------------

DEPLOY = """
from prefect import flow
flow.from_source(source={repo!r}, entrypoint="flows/process_recording.py:process_recording"
                 ).deploy(name="test", work_pool_name={pool!r}, print_next_steps=False)
"""


def test_server_work_pool_and_two_workers(clips, postgres_prefect_server, tmp_path):
    """A watcher hands recordings to a work pool; two worker processes pull and process them.
    The server runs on PostgreSQL, as README's "Beyond one machine" sets it up (the other
    tests' server keeps SQLite)."""
    url = postgres_prefect_server
    env = _env(tmp_path / "home", url)
    pool = "hearingproc-test"
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    config = tmp_path / "fast.toml"
    config.write_text(FAST_CONFIG, encoding="utf-8")
    created = subprocess.run([PYTHON, "-m", "prefect", "work-pool", "create", pool, "--type",
                              "process"], env=env, capture_output=True, text=True, timeout=300)
    assert created.returncode == 0, created.stdout + created.stderr
    deployed = subprocess.run([PYTHON, "-c", DEPLOY.format(repo=str(REPO), pool=pool)], env=env,
                              capture_output=True, text=True, timeout=300, cwd=REPO)
    assert deployed.returncode == 0, deployed.stdout + deployed.stderr
    logs = [tmp_path / "worker-a.log", tmp_path / "worker-b.log"]
    workers = [_start([PYTHON, "-m", "prefect", "worker", "start", "--pool", pool, "--limit",
                       "1", "--name", f"worker-{n}"], env, log)
               for n, log in zip("ab", logs, strict=True)]
    watch_log = tmp_path / "watcher.log"
    watcher = _start([PYTHON, "-m", "hearingproc.cli", "-v", "watch", str(inbox), "--out",
                      str(out), "--config", str(config), "--settle", "1", "--poll", "0.5",
                      "--deployment", "process-recording/test"], env, watch_log)
    processes = [*workers, watcher]
    paths = [clips[f"hearing_{i}"] for i in (4, 5, 6)]
    try:
        _wait_for(lambda: all("started" in log.read_text(errors="replace") for log in logs),
                  300, "both workers to start", processes)
        for path in paths:
            (inbox / path.name).write_bytes(path.read_bytes())
        _wait_for(lambda: len(list((inbox / "done").glob("*.wav"))) == len(paths), WAIT_S,
                  "the workers to process every recording", processes)
    finally:
        for process in processes:
            _stop(process)
    watched = watch_log.read_text(encoding="utf-8", errors="replace")
    run_ids = re.findall(r"submitted to process-recording/test as flow run (\S+)", watched)
    assert len(run_ids) == len(paths)
    assert _flow_run_states(env, run_ids) == ["COMPLETED"] * len(paths)
    # Both workers may pick up the same scheduled run; the server lets one move it to Pending
    # and tells the other to abort, so a worker ran a run when it submitted it and was not
    # told to abort (log lines may be wrapped, hence the whitespace folding).
    text = [" ".join(log.read_text(encoding="utf-8", errors="replace").split()) for log in logs]

    def ran(worker_log: str, run_id: str) -> bool:
        return (f"submitting flow run '{run_id}'" in worker_log
                and f"Aborted submission of flow run '{run_id}'" not in worker_log)

    for run_id in run_ids:
        assert sum(ran(t, run_id) for t in text) == 1, f"flow run {run_id} not run by one worker"
    assert all(any(ran(t, r) for r in run_ids) for t in text), "one worker ran nothing"
    for path in paths:
        transcript = json.loads((out / path.stem / "transcript.json").read_text("utf-8"))
        assert transcript["recording"]["id"] == sha256_of_file(path)
        assert transcript["segments"]


def _flow_runs(env: dict[str, str], run_ids: list[str]) -> list[tuple[str, str | None]]:
    """(state type, 'flow/deployment' or None) of each flow run, read from the API."""
    script = ("import json,sys\nfrom prefect.client.orchestration import get_client\n"
              "with get_client(sync_client=True) as c:\n"
              "    runs = [c.read_flow_run(i) for i in sys.argv[1:]]\n"
              "    deps = [c.read_deployment(r.deployment_id) if r.deployment_id else None\n"
              "            for r in runs]\n"
              "    print(json.dumps([[r.state.type.value, d and c.read_flow(d.flow_id).name\n"
              "                       + '/' + d.name] for r, d in zip(runs, deps)]))")
    reply = subprocess.run([PYTHON, "-c", script, *run_ids], env=env, capture_output=True,
                           text=True, timeout=120)
    assert reply.returncode == 0, reply.stderr
    return [tuple(run) for run in json.loads(reply.stdout.strip().splitlines()[-1])]


def _flow_run_states(env: dict[str, str], run_ids: list[str]) -> list[str]:
    return [state for state, _ in _flow_runs(env, run_ids)]


# --- the default: a watcher serving the deployments on a server of its own ------------------

def test_watch_serves_deployments_on_a_server_of_its_own(clips, tmp_path):
    """With no PREFECT_API_URL, ``hearingproc watch`` starts a Prefect server for its output
    store, serves the deployments, runs each recording as a run of process-recording (two at
    once, each on its share of the cores), and stops the server and the runner when it
    stops."""
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    config = tmp_path / "fast.toml"
    config.write_text(FAST_CONFIG, encoding="utf-8")
    env = _env(tmp_path / "unused-home")
    del env["PREFECT_HOME"]  # the default: Prefect's home in the output store
    watch = [PYTHON, "-m", "hearingproc.cli", "-v", "watch", str(inbox), "--out", str(out),
             "--config", str(config), "--settle", "1", "--stall", "5", "--poll", "0.5",
             "--limit", "2", "--ui-port", str(free_port(0))]
    env.pop("HEARINGPROC_THREADS", None)
    log = tmp_path / "watcher.log"
    watcher = _start(watch, env, log)
    home = out / ".hearingproc" / "prefect"
    paths = [clips["hearing_6"], clips["hearing_7"]]
    try:
        _wait_for(lambda: "watching" in log.read_text(errors="replace"), WAIT_S,
                  "the server, the runner and the watcher to start", [watcher])
        api_url = json.loads((home / "server.json").read_text(encoding="utf-8"))["api_url"]
        # a second watcher over the same store does not start a second server on its database
        second = subprocess.run(watch, env=env, capture_output=True, text=True, cwd=REPO,
                                timeout=300)
        assert second.returncode == 2, second.stdout + second.stderr
        assert "already runs a Prefect server" in second.stderr and api_url in second.stderr
        for path in paths:
            (inbox / path.name).write_bytes(path.read_bytes())
        (inbox / "corrupt.wav").write_bytes(clips["corrupt"].read_bytes())
        _wait_for(lambda: len(list((inbox / "done").glob("*.wav"))) == len(paths)
                  and (inbox / "quarantine" / "corrupt.wav.error.txt").is_file(), WAIT_S,
                  "the served runs to process every recording", [watcher])
        text = log.read_text(encoding="utf-8", errors="replace")
        run_ids = re.findall(r"submitted to process-recording/hearingproc as flow run (\S+)",
                             text)
        assert len(run_ids) == len(paths) + 1
        runs = _flow_runs(dict(env, PREFECT_API_URL=api_url), run_ids)
    finally:
        # the watcher bounds its own stop (server and runner included) at STOP_BOUND_S; wait
        # for that with a margin for a loaded machine before killing it
        stop_s = _stop(watcher, wait_s=STOP_BOUND_S + STOP_MARGIN_S)
    assert stop_s <= STOP_BOUND_S + STOP_MARGIN_S, "the watcher had to be killed"
    threads_each = max(1, len(os.sched_getaffinity(0)) // 2)
    # every run is a run of the served deployment; the corrupt one failed, the others completed
    assert all(deployment == "process-recording/hearingproc" for _, deployment in runs)
    assert sorted(state for state, _ in runs) == ["COMPLETED", "COMPLETED", "FAILED"]
    reason = (inbox / "quarantine" / "corrupt.wav.error.txt").read_text(encoding="utf-8")
    assert "truncated" in reason and "FAILED" in reason
    for path in paths:
        transcript = json.loads((out / path.stem / "transcript.json").read_text("utf-8"))
        assert transcript["recording"]["id"] == sha256_of_file(path)
        assert transcript["segments"]
        # two runs side by side: each engine got half the cores, not every core each
        assert transcript["pipeline"]["engines"]["cpu_threads"] == str(threads_each)
    # stopping the watcher stopped its server and its runner
    assert watcher.returncode == 0
    assert not (home / "server.json").exists()
    assert not healthy(api_url)
    assert "serving process-recording/hearingproc" in log.read_text(errors="replace")


# --- the evaluation flow --------------------------------------------------------------------

EVALUATE = """
from hearingproc.flows.evaluate import evaluate
evaluate({manifest!r}, {out!r}, thresholds={thresholds!r})
"""
ARTIFACT = """
from prefect.artifacts import Artifact
found = Artifact.get("hearingproc-evaluation")
print(found.data if found else "")
"""


def test_evaluate_flow_publishes_report_and_fails_on_threshold(shared_data, prefect_server,
                                                               tmp_path):
    url, _ = prefect_server
    env = _env(tmp_path / "home", url)
    entries = json.loads((shared_data / "manifest.json").read_text(encoding="utf-8"))
    (entry,) = [e for e in entries if e["id"] == "en_spkanon_eval_1988-24833-0000"]
    entry = {**entry, "audio": str(shared_data / entry["audio"])}
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps([entry]), encoding="utf-8")
    thresholds = tmp_path / "thresholds.toml"
    thresholds.write_text(  # the repository's English bound, and one no result can meet
        '[[check]]\nname = "English"\nmetric = "wer_normalised"\nlanguage = "en"\nmax = 0.08\n'
        f'ids = ["{entry["id"]}"]\n\n'
        '[[check]]\nname = "impossible"\nmetric = "lid_accuracy"\nmin = 1.5\n'
        f'ids = ["{entry["id"]}"]\n', encoding="utf-8")
    out = tmp_path / "report"
    ran = subprocess.run([PYTHON, "-c", EVALUATE.format(manifest=str(manifest), out=str(out),
                                                        thresholds=str(thresholds))],
                         env=env, capture_output=True, text=True, timeout=WAIT_S, cwd=REPO)
    log = ran.stdout + ran.stderr
    assert ran.returncode != 0, log[-3000:]
    assert "thresholds crossed: impossible: lid_accuracy" in log
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [c["passed"] for c in report["checks"]] == [True, False]
    artifact = subprocess.run([PYTHON, "-c", ARTIFACT], env=env, capture_output=True, text=True,
                              timeout=120)
    assert artifact.returncode == 0, artifact.stderr
    assert "| English | wer_normalised |" in artifact.stdout
    assert "| impossible | lid_accuracy |" in artifact.stdout and "**FAIL**" in artifact.stdout
    assert entry["reference_text"] not in artifact.stdout


# --- a killed command leaves no Prefect server behind ---------------------------------------

def _live_parents() -> dict[int, int]:
    """pid -> parent pid of every live (not zombie) process, read from /proc."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            state, parent = stat.read_text().rsplit(")", 1)[1].split()[:2]
        except (OSError, ValueError):
            continue
        if state != "Z":
            parents[int(stat.parent.name)] = int(parent)
    return parents


def _descendants(pid: int) -> set[int]:
    """The live processes below ``pid``."""
    parents, found, frontier = _live_parents(), set(), {pid}
    while frontier:
        frontier = {p for p, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


@pytest.mark.parametrize("command", ["process", "watch"])
def test_sigkilled_command_leaves_no_prefect_server(command, clips, tmp_path):
    """``kill -9`` of ``process --flow`` or ``watch --in-process`` with no PREFECT_API_URL
    takes the Prefect API server they started down with them (Prefect's own temporary server
    kept listening)."""
    out, inbox = tmp_path / "out", tmp_path / "inbox"
    inbox.mkdir()
    args = {"process": ["process", str(clips["hearing_0"]), "--out", str(out), "--flow"],
            "watch": ["watch", str(inbox), "--out", str(out), "--in-process"]}[command]
    env = _env(tmp_path / "unused-home")
    del env["PREFECT_HOME"]
    log = tmp_path / "cli.log"
    cli = _start([PYTHON, "-m", "hearingproc.cli", "-v", *args], env, log)
    below: set[int] = set()
    try:
        _wait_for(lambda: "Beginning flow run" in log.read_text(errors="replace"), WAIT_S,
                  "the flow run to begin on its API", [cli])
        below = _descendants(cli.pid)
        assert below, "no Prefect API server process found"
        urls = set(re.findall(r"http://127\.0\.0\.1:\d+", log.read_text(errors="replace")))
        os.kill(cli.pid, signal.SIGKILL)  # the command alone, as `kill -9 PID` does
        cli.wait(timeout=30)
        deadline = time.monotonic() + 10
        while set(_live_parents()) & below and time.monotonic() < deadline:
            time.sleep(0.5)
        left = set(_live_parents()) & below
        listening = [url for url in urls if healthy(f"{url}/api")]
    finally:
        _stop(cli, signal.SIGKILL)
        for pid in set(_live_parents()) & below:
            os.kill(pid, signal.SIGKILL)
    assert not left, f"processes of the killed command still running 10 s later: {left}"
    assert not listening, f"a Prefect API still answers: {listening}"


# --- a signal ends the watch run Completed ----------------------------------------------------

WATCH_RUNS = """
import sys
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import FlowFilter, FlowFilterName
with get_client(sync_client=True) as client:
    runs = client.read_flow_runs(flow_filter=FlowFilter(name=FlowFilterName(any_=["watch-inbox"])))
    print(" ".join(r.state.type.value for r in runs if r.parameters.get("inbox") == sys.argv[1]))
"""


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_signal_ends_the_watch_run_completed(sig, prefect_server, tmp_path):
    """SIGTERM stops a watcher as Ctrl-C does: its watch-inbox run ends Completed, not
    Crashed (Prefect's own SIGTERM handler, in place while a flow runs, crashed it)."""
    url, _ = prefect_server
    env = _env(tmp_path / "home", url)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    log = tmp_path / "watcher.log"
    watcher = _start([PYTHON, "-m", "hearingproc.cli", "-v", "watch", str(inbox), "--out",
                      str(tmp_path / "out"), "--in-process", "--poll", "0.5"], env, log)
    try:
        _wait_for(lambda: "watching" in log.read_text(errors="replace"), WAIT_S,
                  "the watcher to start", [watcher])
        stop_s = _stop(watcher, sig, wait_s=STOP_BOUND_S + STOP_MARGIN_S)
    finally:
        _stop(watcher, signal.SIGKILL)
    assert stop_s <= STOP_BOUND_S + STOP_MARGIN_S and watcher.returncode == 0
    reply = subprocess.run([PYTHON, "-c", WATCH_RUNS, str(inbox.resolve())], env=env,
                           capture_output=True, text=True, timeout=120)
    assert reply.returncode == 0, reply.stderr
    assert reply.stdout.split() == ["COMPLETED"]
