"""Tuning and data-generation scripts that need the repository checkout (run from its root: ``python -m tools.NAME``)."""
