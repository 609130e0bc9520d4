"""The redacted copy of a processed recording's folder: ``OUT/NAME`` -> ``OUT/NAME.redacted``.

Every export is made again from the redacted transcript by the exports module's own writer
(so every format it writes is redacted), beside the redacted audio; the redaction log goes
into ``transcript.json`` under ``recording.metadata.redaction``. The copy is written into a
staging folder and swapped in whole: a failure leaves nothing behind, and the original folder
is never written to.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import av

from hearingproc._fsutil import sha256_of_file, staged_dir
from hearingproc.errors import AudioError, ConfigError, TranscriptError
from hearingproc.redaction.apply import (
    EntityFinder,
    Redacted,
    RedactionOptions,
    redact_transcript,
)
from hearingproc.redaction.audio import WAV_NAME, write_redacted_audio
from hearingproc.transcript import Transcript, load_transcript

log = logging.getLogger(__name__)

TRANSCRIPT = "transcript.json"
SUFFIX = ".redacted"  # the default copy of OUT/NAME is OUT/NAME.redacted
LOG_KEY = "redaction"  # recording.metadata's key for the redaction log
Echo = Callable[[str], None]


def default_target(folder: Path) -> Path:
    return folder.with_name(folder.name + SUFFIX)


def _read(folder: Path) -> Transcript:
    if not folder.exists():
        raise TranscriptError(f"{folder}: no such folder (give OUT/NAME, the folder "
                              "hearingproc process wrote)")
    if not folder.is_dir():
        raise TranscriptError(f"{folder}: is not a folder (give OUT/NAME, the folder "
                              "hearingproc process wrote)")
    path = folder / TRANSCRIPT
    if not path.is_file():
        raise TranscriptError(f"{path}: no such file; {folder} is not a processed recording")
    return load_transcript(path)


def _check_target(folder: Path, target: Path) -> None:
    here, there = folder.resolve(), target.resolve()
    if here == there or here in there.parents or there in here.parents:
        raise ConfigError(f"{target}: the redacted copy must go outside {folder}, never over "
                          "or into the original")
    if target.exists():
        try:
            metadata = load_transcript(target / TRANSCRIPT).recording.metadata
        except TranscriptError:
            metadata = {}
        if LOG_KEY not in metadata:
            raise ConfigError(f"{target}: exists and is not a redacted copy; choose another "
                              "--out (an earlier redacted copy is replaced, nothing else)")


def find_audio(transcript: Transcript, folder: Path, given: Path | None) -> Path:
    """The recording behind ``transcript``: ``given``, else its source path, else a file of
    that name in ``folder``; its sha256 must be the recording id."""
    candidates = [given] if given is not None else [
        Path(transcript.recording.source), folder / Path(transcript.recording.source).name]
    path = next((p for p in candidates if p.is_file()), None)
    if path is None:
        raise AudioError(f"{candidates[0]}: no such file (the recording of "
                         f"{folder / TRANSCRIPT}); give it with --audio, or --no-audio for a "
                         "copy without audio")
    if sha256_of_file(path) != transcript.recording.id:
        raise AudioError(f"{path}: is not the recording of {folder / TRANSCRIPT} (its sha256 "
                         "differs from the recording id)")
    try:  # before the recognizer is loaded: a file that is no audio fails at once
        with av.open(str(path)) as container:
            if not container.streams.audio:
                raise AudioError(f"{path}: contains no audio stream")
    except av.error.FFmpegError as exc:
        raise AudioError(f"{path}: cannot decode audio ({exc})") from exc
    return path


def _with_log(redacted: Redacted, original: Transcript, audio: dict[str, Any] | None,
              detectors: list[str]) -> Transcript:
    transcript = redacted.transcript
    entry = {
        "original_recording_sha256": original.recording.id,
        "detectors": detectors,
        "placeholders": redacted.placeholders,
        "audio": audio,
        "log": [{k: v for k, v in asdict(e).items() if v is not None} for e in redacted.log],
    }
    metadata = {**transcript.recording.metadata, LOG_KEY: entry}
    return replace(transcript, recording=replace(transcript.recording, metadata=metadata))


def redact_folder(folder: Path, target: Path | None = None, *, audio: Path | None = None,
                  with_audio: bool = True,
                  entities: Callable[[], EntityFinder] | None = None,
                  options: RedactionOptions | None = None,
                  echo: Echo | None = None) -> Path:
    """Write the redacted copy of ``folder`` (``OUT/NAME``) to ``target`` (default
    ``OUT/NAME.redacted``); returns ``target``. ``entities`` loads the entity recognizer once
    the inputs are checked (None: rules and names only)."""
    say = echo or (lambda _: None)
    options = options or RedactionOptions()
    target = target if target is not None else default_target(folder)
    original = _read(folder)
    _check_target(folder, target)
    source = find_audio(original, folder, audio) if with_audio else None
    finder = None
    if entities is not None:
        say("loading the entity recognizer")
        finder = entities()
    say(f"{folder}: finding identifiers")
    redacted = redact_transcript(original, finder, options)
    detectors = ["rules", "sidecar names"] + ([finder.name] if finder else [])
    with staged_dir(target) as staging:
        transcript = redacted.transcript
        audio_log: dict[str, Any] | None = None
        if source is not None:
            say(f"{folder}: silencing {len(redacted.silence)} stretches of the recording")
            wav = staging / WAV_NAME
            write_redacted_audio(source, wav, redacted.silence)
            audio_log = {"file": WAV_NAME, "margin_s": options.margin_s,
                         "silenced": [list(span) for span in redacted.silence]}
            transcript = replace(transcript, recording=replace(
                transcript.recording, id=sha256_of_file(wav), source=WAV_NAME, format="wav"))
        else:
            transcript = replace(transcript, recording=replace(transcript.recording, source=""))
        final = _with_log(replace(redacted, transcript=transcript), original, audio_log,
                          detectors)
        _write_exports(final, staging)
    log.info("redacted copy of %s written to %s (%d replacements)", folder, target,
             len(redacted.log))
    return target


def _write_exports(transcript: Transcript, staging: Path) -> None:
    """Every export of ``transcript`` by the exports module's writer, into ``staging``."""
    from hearingproc.exports import write_outputs

    exports = staging / ".exports"
    for path in write_outputs(transcript, exports):
        os.replace(path, staging / path.name)
    shutil.rmtree(exports)
