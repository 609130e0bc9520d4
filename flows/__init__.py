"""Thin Prefect deployment entry points; the flows live in :mod:`hearingproc.flows`."""
