"""The in-memory executor: one recording through the declared stages
(``pipeline.stages.STAGES``) as plain function calls, for the CLI and the evaluation."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from hearingproc.audio import Audio, load_audio
from hearingproc.config import PipelineConfig
from hearingproc.exports import write_outputs
from hearingproc.pipeline.stages import Run, active
from hearingproc.pipeline.store import SIDECAR_SUFFIX, read_sidecar
from hearingproc.progress import Progress, no_progress
from hearingproc.search.index import keep_current
from hearingproc.transcript import Transcript

log = logging.getLogger(__name__)

__all__ = ["SIDECAR_SUFFIX", "process_audio", "process_file", "read_sidecar"]


def process_audio(audio: Audio, config: PipelineConfig, metadata: dict[str, Any] | None = None,
                  progress: Progress = no_progress) -> Transcript:
    """Every stage on a decoded recording: diarize, transcribe, roles, translation, the
    interpretation check and tags, into one :class:`Transcript`."""
    run = Run(audio, metadata or {})
    for stage in active(config):
        if stage.function is not None:  # ingest and write are process_file's
            run = stage.function(run, config, progress)
    return run.current_transcript("write")


def process_file(path: Path, out_dir: Path, config: PipelineConfig, name: str | None = None,
                 meta_path: Path | None = None, progress: Progress = no_progress) -> Path:
    """Decode, transcribe and write every export into ``out_dir/<name or stem>/``."""
    metadata = read_sidecar(path, meta_path)
    audio = load_audio(path)
    transcript = process_audio(audio, config, metadata, progress)
    target = out_dir / (name or path.stem)
    write_outputs(transcript, target)
    keep_current(out_dir, target.name)  # searchable at once
    log.info("%s: %d segments, %d speakers, languages %s -> %s", path.name,
             len(transcript.segments), len(transcript.speakers),
             ",".join(transcript.languages) or "-", target)
    return target
