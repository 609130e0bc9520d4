"""The committed sample hearing: reproducible from its script, references consistent, and
scored by `hearingproc eval` with its own thresholds."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from hearingproc.cli import main

SAMPLE = Path(__file__).resolve().parents[1] / "sample_audio"
COMMITTED = Path(__file__).resolve().parents[1] / "tests" / "data" / "review" / "mock_hearing_es"
FILES = ("mock_hearing_es.wav", "mock_hearing_es.reference.json", "mock_hearing_es.rttm",
         "manifest.json")


@pytest.mark.slow  # synthesises the whole hearing with flite and espeak-ng
@pytest.mark.skipif(not (shutil.which("flite") and shutil.which("espeak-ng")),
                    reason="flite and espeak-ng are installed by scripts/setup.sh")
def test_committed_sample_is_what_the_script_makes(tmp_path: Path):
    subprocess.run([sys.executable, str(SAMPLE / "make_mock_hearing.py"), "--out", str(tmp_path)],
                   check=True, capture_output=True)
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (SAMPLE / name).read_bytes(), name


def test_reference_rttm_and_manifest_agree():
    turns = json.loads((SAMPLE / "mock_hearing_es.reference.json").read_text(encoding="utf-8"))
    rttm = [line.split() for line in (SAMPLE / "mock_hearing_es.rttm").read_text().splitlines()]
    assert len(rttm) == len(turns) == 24
    for turn, fields in zip(turns, rttm, strict=True):
        assert float(fields[3]) == pytest.approx(turn["start"], abs=1e-3)
        assert float(fields[4]) == pytest.approx(turn["end"] - turn["start"], abs=1e-3)
    assert all(a["end"] < b["start"] for a, b in pairwise(turns))
    roles = {t["role"] for t in turns}
    assert roles == {"judge", "interpreter", "applicant", "dhs_counsel", "respondent_counsel"}
    interpreter = {t["language"] for t in turns if t["role"] == "interpreter"}
    assert interpreter == {"en", "es"}
    assert len({t["speaker"] for t in turns if t["role"] == "interpreter"}) == 1
    manifest = json.loads((SAMPLE / "manifest.json").read_text(encoding="utf-8"))
    assert manifest[0]["reference_segments"] == turns


def test_sample_eval_meets_its_thresholds(sample_output: Path, tmp_path: Path):
    """The sample as `hearingproc process` transcribed it (the default pipeline, as an eval runs
    it) meets its thresholds; `eval --transcripts` reads that run's output instead of running
    the models a second time."""
    made = sample_output.parent
    code = main(["eval", str(SAMPLE / "manifest.json"), "--out", str(tmp_path),
                 "--thresholds", str(SAMPLE / "thresholds.toml"), "--transcripts", str(made)])
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert code == 0, report["checks"]
    assert report["config"]["transcripts"] == str(made)
    assert report["overall"]["rtf"] is None  # nothing was run, so nothing was timed
    assert (tmp_path / "hypotheses" / "mock_hearing_es.json").read_bytes() == (
        sample_output / "transcript.json").read_bytes()
    (item,) = report["files"]
    assert item["lid"] == {"correct": 24, "total": 24, "accuracy": 1.0}
    assert set(item["scores"]) == {"en", "es"}
    assert item["roles"]["total_s"] > 70
    assert "role_accuracy" in {c["metric"] for c in report["checks"]}
    assert "## Roles" in (tmp_path / "report.md").read_text(encoding="utf-8")


def _manifest_beside(folder: Path, audio: bytes) -> Path:
    """The sample's manifest and references in ``folder``, with ``audio`` as its recording."""
    folder.mkdir()
    for name in FILES[1:]:
        shutil.copy(SAMPLE / name, folder / name)
    (folder / FILES[0]).write_bytes(audio)
    return folder / "manifest.json"


def test_eval_of_made_transcripts_refuses_another_recording(tmp_path: Path, capsys):
    """`eval --transcripts` scores a transcript only against the recording it was made from
    (its sha256), and names both files when they differ; with none, it names where it looked.
    Nothing is reported either way."""
    made = tmp_path / "made"
    shutil.copytree(COMMITTED, made / "mock_hearing_es")
    edited = (SAMPLE / FILES[0]).read_bytes() + b"\0\0"  # another recording, the same name
    manifest = _manifest_beside(tmp_path / "other", edited)
    out = tmp_path / "out"
    assert main(["eval", str(manifest), "--out", str(out), "--transcripts", str(made)]) == 6
    error = capsys.readouterr().err
    assert str(made / "mock_hearing_es" / "transcript.json") in error
    assert "another recording" in error and str(tmp_path / "other" / FILES[0]) in error
    assert not (out / "report.json").exists()

    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["eval", str(SAMPLE / "manifest.json"), "--out", str(out),
                 "--transcripts", str(empty)]) == 6
    error = capsys.readouterr().err
    assert "no transcript of" in error and str(empty / "mock_hearing_es.json") in error
    assert not (out / "report.json").exists()
