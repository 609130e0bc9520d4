"""The review app's tests read the sample hearing's processed output from
``tests/data/review/`` instead of running the pipeline: they test the app, not the stages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
COMMITTED = REPO / "tests" / "data" / "review" / "mock_hearing_es"
SAMPLE_AUDIO = REPO / "sample_audio"
# Files that name the recording's path (the JSON transcript and the text export's heading).
NAMING_THE_SOURCE = ("transcript.json", "transcript.txt")


@pytest.fixture(scope="session")
def committed_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample hearing as ``hearingproc process sample_audio/mock_hearing_es.wav --out OUT``
    left it in ``OUT/mock_hearing_es``, with the recording's path pointed at this checkout's
    ``sample_audio/``. Tests copy it before changing anything."""
    target = tmp_path_factory.mktemp("committed-output") / COMMITTED.name
    shutil.copytree(COMMITTED, target)
    data = json.loads((target / "transcript.json").read_text(encoding="utf-8"))
    recorded = Path(data["recording"]["source"])
    here = SAMPLE_AUDIO / recorded.name
    for name in NAMING_THE_SOURCE:
        path = target / name
        text = path.read_text(encoding="utf-8")
        if name.endswith(".json"):
            text = text.replace(json.dumps(str(recorded)), json.dumps(str(here)))
        else:
            text = text.replace(str(recorded), str(here))
        path.write_text(text, encoding="utf-8")
    return target
