"""Fixtures of the redaction tests: the sample hearing with planted identifiers (see
``tests/redaction/_planted.py``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tests.redaction._planted import COMMITTED, planted_transcript

from hearingproc.transcript import load_transcript, to_dict


@pytest.fixture
def planted_folder(tmp_path: Path) -> Path:
    """``OUT/mock_hearing_es`` with the planted transcript (its other exports as committed)."""
    folder = tmp_path / "out" / COMMITTED.name
    shutil.copytree(COMMITTED, folder)
    transcript = planted_transcript(load_transcript(folder / "transcript.json"))
    (folder / "transcript.json").write_text(json.dumps(to_dict(transcript), indent=2,
                                                       ensure_ascii=False), encoding="utf-8")
    return folder
