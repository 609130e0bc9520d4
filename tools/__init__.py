"""Tuning and data-generation scripts that need the repository checkout.

Run them from its root: ``python -m tools.NAME``.
"""
