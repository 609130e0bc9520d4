"""Prefect flows over the hearingproc library (the library itself imports no Prefect)."""
