"""``hearingproc redact OUT/NAME``: the redacted copy of a processed recording for sharing
(see :mod:`hearingproc.redaction`). ``hearingproc process --redact`` calls
:func:`redact_processed` on each folder it writes."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from hearingproc.redaction.apply import RedactionOptions


def _echo(line: str) -> None:
    if sys.stderr.isatty():
        click.echo(line, err=True)


def redact_processed(folder: Path, target: Path | None = None, audio: Path | None = None,
                     with_audio: bool = True, options: RedactionOptions | None = None) -> Path:
    """Write the redacted copy of ``folder``; returns where it went."""
    from hearingproc.redaction.folder import redact_folder
    from hearingproc.redaction.ner import load_recognizer

    return redact_folder(folder, target, audio=audio, with_audio=with_audio,
                         entities=load_recognizer, options=options or RedactionOptions(),
                         echo=_echo)


@click.command("redact")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--out", "target", type=click.Path(path_type=Path), default=None,
              help="Where the redacted copy goes (default: FOLDER.redacted beside FOLDER); "
              "never the original folder.")
@click.option("--audio", type=click.Path(path_type=Path), default=None,
              help="The recording, when it is no longer where transcript.json says.")
@click.option("--no-audio", is_flag=True, help="Make the copy without the redacted audio.")
@click.option("--name", "names", multiple=True,
              help="Another name of a person to redact, beside the sidecar's (repeatable).")
@click.option("--margin", type=click.FloatRange(0, 2), default=RedactionOptions.margin_s,
              show_default=True, help="Seconds of audio also silenced before and after each "
              "redacted word.")
def redact(folder: Path, target: Path | None, audio: Path | None, no_audio: bool,
           names: tuple[str, ...], margin: float) -> None:
    """Write a redacted copy of FOLDER (OUT/NAME from hearingproc process) for sharing:
    A-numbers, names of people, dates of birth, addresses, phone and ID numbers become
    placeholders ([A-NUMBER], [NAME 1], ...) in every export, and the recording is silenced
    over each redacted word."""
    options = RedactionOptions(margin_s=margin, names=names)
    done = redact_processed(folder, target, audio, not no_audio, options)
    click.echo(f"{folder} -> {done}")
