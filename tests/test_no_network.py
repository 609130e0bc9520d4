"""No network at run time: `hearingproc process` on a real clip, every stage on, inside a
network namespace with no route and under strace, tries no connection and sends no DNS query
to anything but loopback. (onnxruntime's 1DS telemetry queried
mobile.events.data.microsoft.com from the voice-activity step before ORT_DISABLE_TELEMETRY.)"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.models]

REPO = Path(__file__).resolve().parents[1]
CLIP = "en_spkanon_eval_1988-24833-0000"
INET = re.compile(r"\b(connect|sendto|sendmsg)\(.*sa_family=AF_INET6?\b")
# Absent on a user's machine: onnxruntime sends no telemetry when it sees a CI variable, so
# the child runs without them (and without our own switch, which the CLI sets itself).
USER_LACKS = {"ORT_DISABLE_TELEMETRY", "CI", "TF_BUILD", "GITHUB_ACTIONS", "GITLAB_CI",
              "CIRCLECI", "TRAVIS", "JENKINS_URL", "CODEBUILD_BUILD_ID", "BUILDKITE",
              "TEAMCITY_VERSION", "APPVEYOR", "BITBUCKET_BUILD_NUMBER"}
LOOPBACK = re.compile(r'inet_addr\("127\.|inet_pton\(AF_INET6, "::1"|"::ffff:127\.')


def outside_addresses(trace: str) -> list[str]:
    """strace lines that connect or send to an internet address other than loopback."""
    return [line for line in trace.splitlines()
            if INET.search(line) and not LOOPBACK.search(line)]


def test_outside_addresses_found_in_a_trace():
    trace = "\n".join([
        '7815  connect(8, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr('
        '"10.255.255.53")}, 16) = 0',
        '7815  connect(9, {sa_family=AF_INET, sin_port=htons(4200), sin_addr=inet_addr('
        '"127.0.0.1")}, 16) = 0',
        '7816  connect(3, {sa_family=AF_UNIX, sun_path="/run/x"}, 110) = 0',
        '7817  sendto(5, "\\1", 1, 0, {sa_family=AF_INET6, sin6_port=htons(443), '
        'inet_pton(AF_INET6, "2603:1030::1", &sin6_addr)}, 28) = 28',
    ])
    found = outside_addresses(trace)
    assert len(found) == 2 and "10.255.255.53" in found[0] and "2603:1030" in found[1]


def _traced_process(audio: Path, out: Path, trace: Path, namespace: bool) -> None:
    """`hearingproc process AUDIO` under strace (connect, sendto, sendmsg of every thread),
    optionally inside a network namespace with no route; it must succeed."""
    env = {k: v for k, v in os.environ.items() if k not in USER_LACKS}
    command = (["unshare", "-rn"] if namespace else []) + [
        "strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-s", "64", "-o", str(trace),
        sys.executable, "-m", "hearingproc.cli", "process", str(audio), "--out", str(out)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=REPO,
                          timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    assert (out / audio.stem / "transcript.json").is_file()
    assert trace.is_file()


@pytest.mark.skipif(not (shutil.which("strace") and shutil.which("unshare")),
                    reason="needs strace and unshare (scripts/setup.sh installs strace)")
def test_process_sends_nothing_outside(shared_data, shared_manifest, tmp_path):
    """With the machine's network there (where telemetry would try: onnxruntime's does not
    try without a route), nothing is sent anywhere but loopback; and without any network
    the whole pipeline still runs."""
    audio = shared_data / shared_manifest[CLIP]["audio"]
    for namespace in (False, True):
        trace = tmp_path / f"strace-{namespace}.txt"
        _traced_process(audio, tmp_path / f"out-{namespace}", trace, namespace)
        assert outside_addresses(trace.read_text(encoding="utf-8", errors="replace")) == []
