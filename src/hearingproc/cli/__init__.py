"""The command line: ``hearingproc`` and its subcommands, calling the same functions as the
flows."""

from hearingproc.cli.commands import cli, main

__all__ = ["cli", "main"]
