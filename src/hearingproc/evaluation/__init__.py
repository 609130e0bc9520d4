"""Scoring against references (WER, CER, DER, roles, tags, translation), the eval runner and
the benchmark.

Each scorer keeps raw counts so that any group of files pools the way jiwer pools a corpus;
:mod:`hearingproc.evaluation.runner` runs a manifest and gathers them into one report.
"""


def fmt(value: float | None) -> str:
    """A score for a report table: three decimals, ``-`` where there is none."""
    return "-" if value is None else f"{value:.3f}"
