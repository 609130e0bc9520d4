"""The declared stage list and its two executors: in memory (CLI, eval) and stored and
resumable (the Prefect flows); the output store's layout."""
