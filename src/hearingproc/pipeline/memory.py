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


# The modules whose cached loaders (models/cache.py) hold the models each stage uses. After a
# stage, the models no later stage uses are freed before the next stage loads its own: the
# diarization models before Whisper decodes, Whisper and the translation models before the
# sentence encoder. A stage missing here uses no model. Diarization and the roles stage's voice
# embeddings run in child processes (stages/diarize_worker.py), each ended by its release.
STAGE_MODELS: dict[str, tuple[str, ...]] = {
    "diarize": ("hearingproc.stages.diarize", "hearingproc.stages.diarize_worker"),
    "transcribe": ("hearingproc.models.whisper",),
    "roles": ("hearingproc.stages.role_voices",),
    "translate": ("hearingproc.models.whisper", "hearingproc.models.text_translation"),
    "interpretation": ("hearingproc.models.sentence_encoder",),
    "tag": ("hearingproc.models.sentence_encoder", "hearingproc.tagging.classifier"),
}


def release_after(stage: str, later: list[str]) -> None:
    """Free the models of ``stage`` that none of the ``later`` stages uses, and hand the
    memory the stage freed (models and working buffers) back to the system."""
    from hearingproc.models.cache import release, return_free_memory

    needed = {module for name in later for module in STAGE_MODELS.get(name, ())}
    freed = release(m for m in STAGE_MODELS.get(stage, ()) if m not in needed)
    if freed:
        log.debug("after %s, freed %s", stage, ", ".join(freed))
    return_free_memory()


def process_audio(audio: Audio, config: PipelineConfig, metadata: dict[str, Any] | None = None,
                  progress: Progress = no_progress, keep_models: bool = False) -> Transcript:
    """Every stage on a decoded recording: diarize, transcribe, roles, translation, the
    interpretation check and tags, into one :class:`Transcript`.

    After each stage the models no later stage needs are freed (``STAGE_MODELS``), so a long
    hearing's peak memory holds one stage's models, not all of them; ``keep_models`` keeps
    every model loaded, for a caller with more recordings to process in this process, where
    loading them again per recording would cost more than the memory."""
    run = Run(audio, metadata or {})
    names = [stage.name for stage in active(config)]
    for i, stage in enumerate(active(config)):
        if stage.function is not None:  # ingest and write are process_file's
            run = stage.function(run, config, progress)
            if not keep_models:
                release_after(stage.name, names[i + 1:])
    return run.current_transcript("write")


def process_file(path: Path, out_dir: Path, config: PipelineConfig, name: str | None = None,
                 meta_path: Path | None = None, progress: Progress = no_progress,
                 keep_models: bool = False) -> Path:
    """Decode, transcribe and write every export into ``out_dir/<name or stem>/``
    (``keep_models``: as :func:`process_audio`)."""
    metadata = read_sidecar(path, meta_path)
    audio = load_audio(path)
    transcript = process_audio(audio, config, metadata, progress, keep_models)
    target = out_dir / (name or path.stem)
    write_outputs(transcript, target)
    keep_current(out_dir, target.name)  # searchable at once
    log.info("%s: %d segments, %d speakers, languages %s -> %s", path.name,
             len(transcript.segments), len(transcript.speakers),
             ",".join(transcript.languages) or "-", target)
    return target
