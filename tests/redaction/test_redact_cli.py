"""``hearingproc redact`` as a user runs it, with the entity recognizer (Presidio on the
embedded spaCy pipeline): a name no sidecar gives is found in the text and goes everywhere,
nothing is sent over the network, and ``hearingproc process --redact`` writes the copy."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import av
import numpy as np
import pytest
from tests.redaction._planted import RECORDING, leaks
from tests.redaction.test_redacted_copy import SILENT_DBFS, dbfs, exported_text
from tests.test_no_network import USER_LACKS, outside_addresses

from hearingproc.audio import SAMPLE_RATE, load_audio
from hearingproc.cli import main
from hearingproc.redaction.audio import WAV_NAME

pytestmark = pytest.mark.models
FOUND_BY_NER = ("Jose Hernandez", "Hernandez", "Jose")  # in a planted line, not the sidecar


def test_a_name_only_the_recognizer_knows_is_redacted_everywhere(planted_folder: Path,
                                                                 tmp_path: Path) -> None:
    target = tmp_path / "shared" / "hearing"
    assert main(["redact", str(planted_folder), "--out", str(target)]) == 0
    texts = exported_text(target)
    for name, text in texts.items():
        assert leaks(text) == [], name
        assert [n for n in FOUND_BY_NER if re.search(rf"\b{n}\b", text)] == [], name
    data = json.loads(texts["transcript.json"])
    line = data["segments"][16]["text"]
    brother = re.search(r"your brother (\[NAME \d\])", line)
    assert brother and brother.group(1) not in line.split(",")[0]  # not the applicant's number
    entry = data["recording"]["metadata"]["redaction"]
    assert any(e["detector"].startswith("ner:presidio+spacy-en-core-web-sm")
               and e["where"] == "segments[16].words" for e in entry["log"])
    assert "presidio+spacy-en-core-web-sm" in entry["detectors"]
    original = json.loads((planted_folder / "transcript.json").read_text(encoding="utf-8"))
    assert data["pipeline"]["options"] == original["pipeline"]["options"]
    assert data["speakers"] == original["speakers"]  # no name in the role evidence to take
    after = load_audio(target / WAV_NAME).samples
    for e in entry["log"]:
        if e["where"] == "segments[16].words":
            span = after[int(e["start"] * SAMPLE_RATE):int(e["end"] * SAMPLE_RATE)]
            assert dbfs(span) < SILENT_DBFS


@pytest.mark.skipif(not (shutil.which("strace") and shutil.which("unshare")),
                    reason="needs strace and unshare (scripts/setup.sh installs strace)")
def test_redact_sends_nothing_outside(planted_folder: Path, tmp_path: Path) -> None:
    """Under strace, inside a network namespace with no route: the recognizer loads from its
    files and the copy is made, with nothing sent anywhere but loopback."""
    trace = tmp_path / "strace.txt"
    env = {k: v for k, v in os.environ.items() if k not in USER_LACKS}
    command = ["unshare", "-rn", "strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg",
               "-s", "64", "-o", str(trace), sys.executable, "-m", "hearingproc.cli", "redact",
               str(planted_folder)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert (planted_folder.with_name("mock_hearing_es.redacted") / WAV_NAME).is_file()
    assert outside_addresses(trace.read_text(encoding="utf-8", errors="replace")) == []


def _clip(source: Path, target: Path, seconds: float) -> None:
    """The first ``seconds`` of ``source`` as a 16-bit WAV."""
    samples = load_audio(source).samples[:int(seconds * SAMPLE_RATE)]
    with av.open(str(target), mode="w", format="wav") as container:
        stream = container.add_stream("pcm_s16le", rate=SAMPLE_RATE, layout="mono")
        pcm = np.round(samples * 32767).astype(np.int16).reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="mono")
        frame.sample_rate = SAMPLE_RATE
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            container.mux(packet)


def test_process_redact_writes_the_redacted_copy_beside(tmp_path: Path) -> None:
    """The judge's opening ("... Immigration Judge Anne Carter, in the matter of Luis
    Ramirez ...", 7 s) processed with --redact and a sidecar naming both."""
    audio = tmp_path / "opening.wav"
    _clip(RECORDING, audio, 7.2)
    sidecar = {"participants": [{"role": "judge", "name": "Anne Carter"},
                                {"role": "applicant", "name": "Luis Ramirez"}]}
    audio.with_name("opening.wav.meta.json").write_text(json.dumps(sidecar))
    out = tmp_path / "out"
    assert main(["process", str(audio), "--out", str(out), "--no-diarization", "--redact"]) == 0
    original = (out / "opening" / "transcript.txt").read_text(encoding="utf-8")
    assert "Ramirez" in original  # what there was to redact
    copy = out / "opening.redacted"
    texts = exported_text(copy)
    assert {name: leaks(text) for name, text in texts.items() if leaks(text)} == {}
    assert "[NAME " in texts["transcript.txt"]
    entry = json.loads(texts["transcript.json"])["recording"]["metadata"]["redaction"]
    words = [(e["start"], e["end"]) for e in entry["log"] if "start" in e]
    assert words
    after = load_audio(copy / WAV_NAME).samples
    for start, end in words:
        assert dbfs(after[int(start * SAMPLE_RATE):int(end * SAMPLE_RATE)]) < SILENT_DBFS
