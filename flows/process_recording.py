"""Deployment entry point: ``flows/process_recording.py:process_recording`` for
``flow.from_source`` or ``prefect deploy``; the flow itself is
:mod:`hearingproc.flows.process_recording`."""

from hearingproc.flows.process_recording import process_recording

__all__ = ["process_recording"]
