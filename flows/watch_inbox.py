"""Deployment entry point: ``flows/watch_inbox.py:watch_inbox`` for ``flow.from_source`` or
``prefect deploy``; the flow itself is :mod:`hearingproc.flows.watch_inbox`."""

from hearingproc.flows.watch_inbox import watch_inbox

__all__ = ["watch_inbox"]
