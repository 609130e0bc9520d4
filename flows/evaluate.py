"""Deployment entry point: ``flows/evaluate.py:evaluate`` for ``flow.from_source`` or
``prefect deploy``; the flow itself is :mod:`hearingproc.flows.evaluate`."""

from hearingproc.flows.evaluate import evaluate

__all__ = ["evaluate"]
