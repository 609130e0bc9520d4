"""The search tests' output store: several processed hearings made from the sample
hearing's real output (see ``_hearings.py``), no model runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.search._hearings import HEARINGS, transcript_for, write_hearing

from hearingproc.transcript import validate


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    """An output store with the four :data:`HEARINGS`, each a valid transcript."""
    root = tmp_path / "out"
    for hearing in HEARINGS:
        data = transcript_for(hearing)
        validate(data)
        write_hearing(root, hearing.name, data)
    return root
