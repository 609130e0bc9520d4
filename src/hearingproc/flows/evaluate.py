"""Prefect flow: ``hearingproc eval`` as a flow.

Scores the pipeline on a manifest of recordings with references, writes report.json and
report.md, publishes the report as a markdown artifact (scores only, never transcript text)
and fails when a figure crosses its threshold.
"""

from __future__ import annotations

import logging
from pathlib import Path

from hearingproc._env import apply_prefect_defaults

apply_prefect_defaults()

from prefect import flow, task  # noqa: E402
from prefect.artifacts import create_markdown_artifact  # noqa: E402
from prefect.logging import get_run_logger  # noqa: E402

from hearingproc.config import load_config  # noqa: E402
from hearingproc.errors import EvaluationError  # noqa: E402
from hearingproc.evaluation import runner as scoring  # noqa: E402

ARTIFACT_KEY = "hearingproc-evaluation"  # the artifact's key: each run adds a version


@task(name="score", persist_result=False)
def score(manifest: str, config_path: str | None, only: list[str], out_dir: str) -> dict:
    """Run the pipeline on every selected recording and score it; each transcript is kept in
    OUT/hypotheses/<id>.json."""
    config = load_config(Path(config_path) if config_path else None)
    return scoring.evaluate_manifest(Path(manifest), config, only=only,
                                     hypotheses_dir=Path(out_dir) / "hypotheses")


@task(name="check-and-report", persist_result=False)
def check_and_report(report: dict, thresholds: str | None, out_dir: str) -> list[str]:
    """Compare with the thresholds, write report.json and report.md; the failed checks."""
    failed = []
    if thresholds:
        failed = scoring.check_thresholds(report, scoring.load_thresholds(Path(thresholds)))
    scoring.write_report(report, Path(out_dir))
    create_markdown_artifact(scoring.render_markdown(report), key=ARTIFACT_KEY,
                             description=scoring.summary_line(report))
    return failed


@flow(name="evaluate", validate_parameters=False)
def evaluate(manifest: str, out_dir: str, thresholds: str | None = None,
             config_path: str | None = None, only: list[str] | None = None) -> str:
    """Score a manifest; fails (EvaluationError) when a figure is worse than its threshold."""
    logging.getLogger("hearingproc").setLevel(logging.INFO)
    logger = get_run_logger()
    report = score(manifest, config_path, list(only or []), out_dir)
    failed = check_and_report(report, thresholds, out_dir)
    logger.info("%s", scoring.summary_line(report))
    if failed:
        raise EvaluationError("thresholds crossed: " + "; ".join(failed))
    return str(Path(out_dir) / "report.md")
