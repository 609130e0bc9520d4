"""Where a recording's files live: its metadata sidecar beside it, and the folders of the
output store. Light on purpose (no numpy, no model code): the inbox and the CLI import it.

The output store ``OUT/``::

    OUT/<name>/                                  a recording's transcript.json and exports
    OUT/.hearingproc/work/<sha256>/              its decoded audio and what the source was
    OUT/.hearingproc/work/<sha256>/<run key>/    one JSON result per stage of one run
    OUT/.hearingproc/claims/<sha256>.json        which inbox watcher took the recording
    OUT/.hearingproc/prefect/                    Prefect's home (its SQLite database)
    OUT/.hearingproc/prefect-results/            the flow tasks' cached results
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hearingproc.errors import ConfigError
from hearingproc.sidecar import parse_metadata

SIDECAR_SUFFIX = ".meta.json"  # AUDIO.meta.json beside a recording holds its metadata
STORE_DIR = ".hearingproc"  # inside the output folder: work folders, claims, Prefect's files
WORK_DIR = "work"  # under STORE_DIR: one folder per recording
INGEST_FILE = "recording.json"  # in a recording's work folder: what ingest found
AUDIO_FILE = "audio.npy"  # beside it: the decoded 16 kHz mono float32 samples


def read_sidecar(audio_path: Path, meta_path: Path | None = None) -> dict[str, Any]:
    """Metadata from ``--meta FILE`` or ``AUDIO.meta.json`` (empty when there is none)."""
    path = meta_path or audio_path.with_name(audio_path.name + SIDECAR_SUFFIX)
    if meta_path is None and not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read metadata sidecar ({exc})") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: metadata sidecar must be a JSON object")
    parse_metadata(data, path)  # known keys checked here, so an error names the file
    return data


@dataclass(frozen=True)
class Work:
    """Where one recording's stage results live."""

    store: Path  # the output folder
    sha256: str  # the recording id
    key: str  # the run key (options, models, metadata, version)

    @property
    def recording_dir(self) -> Path:
        return self.store / STORE_DIR / WORK_DIR / self.sha256

    @property
    def run_dir(self) -> Path:
        return self.recording_dir / self.key

    @property
    def audio_file(self) -> Path:
        return self.recording_dir / AUDIO_FILE

    def stage_file(self, stage: str) -> Path:
        """The JSON result of ``stage`` (ingest: the recording's description, shared by every
        run of the recording)."""
        if stage == "ingest":
            return self.recording_dir / INGEST_FILE
        return self.run_dir / f"{stage}.json"
