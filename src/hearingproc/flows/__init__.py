"""Prefect flows over the stage list, the inbox they watch, and the local Prefect server helpers."""
