"""Deployment entry point: serve every hearingproc deployment from this process
(``python flows/serve.py``); the same as ``python -m hearingproc.flows.serve``."""

import sys

from hearingproc.flows.serve import main

if __name__ == "__main__":
    sys.exit(main())
