"""Importing the core, the config, the command line and the stages loads no model library:
torch, pyannote, the Whisper engines and transformers load when a stage runs (DESIGN.md,
"Layout"). Each check runs in a fresh interpreter, so what other tests imported does not count.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

HEAVY = ("torch", "torchaudio", "pyannote", "pyannote.audio", "faster_whisper", "whisper",
         "ctranslate2", "transformers", "lightning")
LIGHT_MODULES = (
    "hearingproc", "hearingproc.cli", "hearingproc.config", "hearingproc.transcript",
    "hearingproc.audio", "hearingproc.sidecar", "hearingproc.progress", "hearingproc.errors",
    "hearingproc.stages.assign", "hearingproc.stages.diarize", "hearingproc.stages.guard",
    "hearingproc.stages.interpretation", "hearingproc.stages.role_cues",
    "hearingproc.stages.roles", "hearingproc.stages.tag", "hearingproc.stages.transcribe",
    "hearingproc.stages.translate", "hearingproc.stages.turn_spans", "hearingproc.stages.vad",
    "hearingproc.pipeline.memory",
    # the commands that run no stage: review, watch, search/stats/index, redact, bench, tag
    "hearingproc.review.server", "hearingproc.flows.watch_inbox", "hearingproc.search.index",
    "hearingproc.search.query", "hearingproc.redaction.apply", "hearingproc.evaluation.benchmark",
    "hearingproc.tagging.classifier", "hearingproc.models.sentence_encoder",
)
# Imports each module in turn and prints, per module, the heavy modules it brought in.
BLAME = ("import importlib, json, sys\n"
         "heavy, blame = {heavy!r}, {{}}\n"
         "for name in {modules!r}:\n"
         "    before = {{m for m in heavy if m in sys.modules}}\n"
         "    importlib.import_module(name)\n"
         "    blame[name] = sorted({{m for m in heavy if m in sys.modules}} - before)\n"
         "print(json.dumps(blame))\n")


def _run(script: str) -> Any:
    """Run ``script`` in a fresh interpreter; its last line of output, read as JSON."""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_importing_loads_no_model_library():
    blame = _run(BLAME.format(heavy=HEAVY, modules=LIGHT_MODULES))
    offending = {module: loaded for module, loaded in blame.items() if loaded}
    assert not offending, "; ".join(f"import {module} loaded {', '.join(loaded)}"
                                    for module, loaded in offending.items())


def _run_cli(argv: list[str]) -> dict:
    """``hearingproc ARGV`` in a child, as the command runs it: its exit code and the model
    libraries it imported."""
    script = ("import json, runpy, sys\n"
              f"sys.argv = ['hearingproc', *{argv!r}]\n"
              "try:\n"
              "    runpy.run_module('hearingproc.cli', run_name='__main__')\n"
              "    code = 0\n"
              "except SystemExit as exc:\n"
              "    code = exc.code\n"
              f"heavy = [m for m in {HEAVY!r} if m in sys.modules]\n"
              "print(json.dumps({'code': code, 'heavy': heavy}))\n")
    return _run(script)


def test_help_exits_0_and_loads_no_model_library():
    """``python -m hearingproc.cli --help``, as the ``hearingproc`` command runs it."""
    done = _run_cli(['--help'])
    assert done["code"] == 0
    assert not done["heavy"], f"hearingproc --help loaded {', '.join(done['heavy'])}"


@pytest.mark.models  # it loads the sentence encoder, in the child
def test_tag_command_loads_no_model_library(tmp_path):
    """``hearingproc tag`` on a plain-text transcript embeds its sentences with the numpy
    MiniLM: no torch, transformers, pyannote or Whisper engine is imported."""
    source = tmp_path / "ten.txt"
    source.write_text("JUDGE: I find the respondent credible; his testimony was detailed.\n"
                      "JUDGE: Asylum is granted.\n"
                      "DHS_COUNSEL: The Department reserves appeal.\n", encoding="utf-8")
    out = tmp_path / "tags.json"
    done = _run_cli(['tag', str(source), '--out', str(out)])
    assert done["code"] in (0, None)
    assert not done["heavy"], f"hearingproc tag loaded {', '.join(done['heavy'])}"
    labels = {tag["label"] for tag in json.loads(out.read_text(encoding="utf-8"))["tags"]}
    assert {"credibility", "asylum", "appeal"} <= labels  # the tagger ran, as with torch
