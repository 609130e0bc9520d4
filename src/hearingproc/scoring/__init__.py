"""Scores of the pipeline against references, one module per concern: text (WER, CER,
language ID), speakers (DER, cpWER), roles, translation presence and tags.

Each keeps raw counts so that any group of files pools the way jiwer pools a corpus;
:mod:`hearingproc.evaluate` runs a manifest and gathers them into one report.
"""


def fmt(value: float | None) -> str:
    """A score for a report table: three decimals, ``-`` where there is none."""
    return "-" if value is None else f"{value:.3f}"
