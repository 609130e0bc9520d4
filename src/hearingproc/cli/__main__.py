"""``python -m hearingproc.cli``: the same as the ``hearingproc`` command."""

import sys

from hearingproc.cli.commands import main

sys.exit(main())
