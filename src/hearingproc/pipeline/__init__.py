"""The declared stage list and its executors: in memory (CLI, eval) and stored and resumable (the Prefect flows)."""
