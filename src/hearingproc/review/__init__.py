"""The review web app: listen to a recording, check and correct its transcript in a browser.

``hearingproc review DIR`` serves the recordings that ``hearingproc process --out DIR`` wrote
(see :func:`create_app`); every change is kept, with who made it and when, in
``DIR/.review.sqlite3`` and written back into each recording's ``transcript.json`` and exports.
"""

from __future__ import annotations

from hearingproc.review.app import create_app
from hearingproc.review.options import ReviewOptions

__all__ = ["ReviewOptions", "create_app"]
