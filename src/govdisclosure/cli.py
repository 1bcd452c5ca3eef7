"""Command line entry point (the full CLI lives in this module)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    from . import __version__

    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "--version":
        print(f"govdisclosure {__version__}")
        return 0
    print("usage: govdisclosure --version", file=sys.stderr)
    return 2
