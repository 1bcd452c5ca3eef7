"""``python -m govdisclosure``: the same command line as the ``govdisclosure`` program."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
