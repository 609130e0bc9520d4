"""The inbox rules the watcher relies on (no models, no Prefect): when a file is ready, that
only one watcher takes it, that a second copy of the same bytes is recognised, quarantine
with a reason, a half-uploaded file put back until it is whole, and recovery of what a dead
watcher held. Also the option tables the flows pass around."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hearingproc.audio import load_audio
from hearingproc.config import PipelineConfig, load_config
from hearingproc.errors import AudioError, ConfigError
from hearingproc.flows.inbox import Claim, Inbox, InboxOptions
from hearingproc.pipeline.stored import config_from_options, run_key, stage_names
from test_audio import _encode

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "sample_audio" / "mock_hearing_es.wav"
UPLOAD_S = 6  # seconds of the sample hearing in the uploaded MP3


def _boxes(tmp_path: Path, settle_s: float = 0.0, stall_s: float = 60.0) -> tuple[Inbox, Inbox]:
    options = InboxOptions(settle_s=settle_s, stall_s=stall_s)
    return (Inbox(tmp_path / "inbox", tmp_path / "out", options),
            Inbox(tmp_path / "inbox", tmp_path / "out", options))


def test_a_file_is_ready_only_after_it_stops_growing(tmp_path):
    box, _ = _boxes(tmp_path, settle_s=0.3)
    path = box.inbox / "a.wav"
    path.write_bytes(b"RIFF")
    assert box.ready() == []  # first sight: no earlier size to compare with
    with open(path, "ab") as grow:
        grow.write(b"more")
    assert box.ready() == []  # it grew since the last scan
    time.sleep(0.35)
    assert box.ready() == [path]
    (box.inbox / "b.wav.part").write_bytes(b"x")
    (box.inbox / "a.wav.meta.json").write_text("{}")
    box.ready()
    time.sleep(0.35)
    assert box.ready() == [path]  # partial downloads and sidecars are never recordings


def test_only_one_watcher_takes_a_file_and_a_copy_is_a_duplicate(tmp_path):
    first, second = _boxes(tmp_path)
    (first.inbox / "x.wav").write_bytes(b"same bytes")
    (first.inbox / "x.wav.meta.json").write_text('{"case": "A"}')
    (first.inbox / "copy.wav").write_bytes(b"same bytes")
    claim = first.claim(first.inbox / "x.wav")
    assert second.claim(second.inbox / "x.wav") is None  # already renamed away
    assert claim is not None and claim.duplicate_of is None
    assert claim.path.parent == first.processing
    assert Path(str(claim.path) + ".meta.json").is_file()  # the sidecar travels along
    copy = second.claim(second.inbox / "copy.wav")
    assert copy is not None and copy.duplicate_of == "x.wav" and copy.sha256 == claim.sha256
    first.finish(claim, output="out/x")
    second.finish(copy, output="")
    assert sorted(p.name for p in first.done.iterdir()) == ["copy.wav", "x.wav",
                                                            "x.wav.meta.json"]
    record = json.loads((first.claims / f"{claim.sha256}.json").read_text())
    assert record["status"] == "done" and record["output"] == "out/x"


def test_racing_watcher_processes_take_each_file_once(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(40):
        (inbox / f"r{i}.wav").write_bytes(f"recording {i}".encode())
    script = ("import sys\nfrom pathlib import Path\nfrom hearingproc.flows.inbox import Inbox\n"
              "box = Inbox(Path(sys.argv[1]), Path(sys.argv[2]))\n"
              "for p in sorted(box.inbox.glob('*.wav')):\n"
              "    c = box.claim(p)\n"
              "    if c: print(c.name)\n")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    racers = [subprocess.Popen([sys.executable, "-c", script, str(inbox), str(tmp_path / "out")],
                               stdout=subprocess.PIPE, text=True, env=env) for _ in range(3)]
    taken = [name for racer in racers for name in racer.communicate(timeout=120)[0].split()]
    assert sorted(taken) == sorted(f"r{i}.wav" for i in range(40))


def test_quarantine_says_why_and_releases_the_claim(tmp_path):
    box, _ = _boxes(tmp_path)
    (box.inbox / "bad.wav").write_bytes(b"not audio")
    claim = box.claim(box.inbox / "bad.wav")
    box.reject(claim, "AudioError: bad.wav: not an audio file")
    assert (box.quarantine / "bad.wav").read_bytes() == b"not audio"
    reason = (box.quarantine / "bad.wav.error.txt").read_text()
    assert "not an audio file" in reason and claim.sha256 in reason
    assert not (box.claims / f"{claim.sha256}.json").exists()


def _process(box: Inbox, claim: Claim) -> str:
    """What flows/watch_inbox.py does with a claim, without Prefect or models: decode it,
    then done/, back to the inbox, or quarantine/."""
    try:
        load_audio(claim.path)
    except AudioError as exc:
        reason = f"AudioError: {exc}"
        if box.requeue(claim, reason):
            return "requeued"
        box.reject(claim, reason)
        return "quarantined"
    box.finish(claim, output=str(box.store / claim.stem))
    return "processed"


def _take(box: Inbox, settle_s: float) -> Claim | None:
    """Scan until the inbox's one file is ready (or it stays unready) and claim it."""
    for _ in range(2):
        ready = box.ready()
        if ready:
            return box.claim(ready[0])
        time.sleep(settle_s + 0.05)
    return None


@pytest.fixture(scope="module")
def upload(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """An MP3 of UPLOAD_S seconds of the sample hearing, as a court's recorder writes one."""
    path = tmp_path_factory.mktemp("upload") / "hearing.mp3"
    _encode(load_audio(SAMPLE).samples[:UPLOAD_S * 16_000], path, "libmp3lame", 22_050, 1)
    return path.read_bytes()


def test_an_upload_that_pauses_goes_back_until_it_is_whole(tmp_path, upload):
    """Issue 20: an upload pausing past the settle time was processed half-written and moved
    to done/. Now it is put back, its claim released, and taken again once it is whole."""
    box, _ = _boxes(tmp_path, settle_s=0.1)
    with open(box.inbox / "hearing.mp3", "wb") as uploader:
        uploader.write(upload[: len(upload) // 2])
        uploader.flush()
        claim = _take(box, 0.1)  # the upload paused: the half file settles and is claimed
        assert claim is not None
        assert _process(box, claim) == "requeued"
        assert (box.inbox / "hearing.mp3").is_file() and not list(box.done.iterdir())
        assert not list(box.claims.iterdir()) and not list(box.processing.iterdir())
        assert _take(box, 0.1) is None  # unchanged: not taken again
        assert box.quarantine_stalled() == []  # nor quarantined: written to just now
        uploader.write(upload[len(upload) // 2:])  # the upload resumes, on the same handle
    claim = _take(box, 0.1)
    assert claim is not None and _process(box, claim) == "processed"
    assert (box.done / "hearing.mp3").read_bytes() == upload
    record = json.loads((box.claims / f"{claim.sha256}.json").read_text())
    assert record["status"] == "done"


def test_a_file_that_stays_truncated_is_quarantined_after_stall_s(tmp_path, upload):
    box, _ = _boxes(tmp_path, settle_s=0.1, stall_s=2.0)
    (box.inbox / "cut.mp3").write_bytes(upload[: len(upload) // 2])
    claim = _take(box, 0.1)
    assert claim is not None and _process(box, claim) == "requeued"
    assert _take(box, 0.1) is None and box.quarantine_stalled() == []
    time.sleep(2.0)
    assert box.quarantine_stalled() == [box.quarantine / "cut.mp3"]
    reason = (box.quarantine / "cut.mp3.error.txt").read_text()
    assert "audio is truncated (decoded " in reason and "unchanged for 2 s" in reason
    assert not [p for p in box.inbox.iterdir() if p.is_file()] and not list(box.claims.iterdir())
    # a failure that is not a truncation is quarantined at once, however recent the file
    (box.inbox / "notes.mp3").write_bytes(b"not audio" * 100)
    claim = _take(box, 0.1)
    assert claim is not None and _process(box, claim) == "quarantined"


def test_recover_returns_what_a_dead_watcher_held(tmp_path):
    box, _ = _boxes(tmp_path)
    (box.inbox / "held.wav").write_bytes(b"held")
    claim = box.claim(box.inbox / "held.wav")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    record = json.loads((box.claims / f"{claim.sha256}.json").read_text())
    (box.claims / f"{claim.sha256}.json").write_text(json.dumps({**record, "pid": int(dead)}))
    assert box.recover() == ["held.wav"]
    assert (box.inbox / "held.wav").read_bytes() == b"held"
    assert not list(box.processing.iterdir())


def test_a_live_watchers_claims_are_left_alone(tmp_path):
    box, _ = _boxes(tmp_path)
    (box.inbox / "mine.wav").write_bytes(b"mine")
    box.claim(box.inbox / "mine.wav")
    assert box.recover() == []


def test_inbox_folders_match_the_pipeline(tmp_path):
    from hearingproc import audio
    from hearingproc.flows import inbox
    from hearingproc.pipeline import memory as pipeline
    from hearingproc.pipeline import stored as stagewise

    assert inbox.SIDECAR_SUFFIX == pipeline.SIDECAR_SUFFIX
    assert inbox.STORE_DIR == stagewise.STORE_DIR
    assert inbox.TRUNCATED == audio.TRUNCATED


def test_inbox_options_are_checked():
    with pytest.raises(ConfigError):
        InboxOptions(poll_s=0)
    with pytest.raises(ConfigError):
        InboxOptions(stall_s=-1)


def test_options_survive_the_round_trip_through_a_flow_parameter(tmp_path):
    config_file = tmp_path / "c.toml"
    config_file.write_text('[transcribe]\nlanguage = "en"\n[diarize]\nmax_speakers = 3\n'
                           '[transcribe.vad]\nthreshold = 0.4\n')
    config = load_config(config_file)
    options = json.loads(json.dumps(config.public_options()))  # as Prefect stores it
    assert config_from_options(options) == config
    assert run_key(config, {}) != run_key(PipelineConfig(), {})
    assert run_key(config, {}) != run_key(config, {"case": "A"})
    assert stage_names(config) == ["ingest", "diarize", "transcribe", "roles", "translate",
                                   "interpretation", "tag", "write"]
    off = config_from_options({**options, "diarization": False})
    assert stage_names(off) == ["ingest", "transcribe", "roles", "translate", "interpretation",
                                "tag", "write"]  # roles and the check find nothing to do
    with pytest.raises(ConfigError):
        config_from_options({**options, "asr": {"engine": "nope"}})
