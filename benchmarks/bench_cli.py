"""Benchmark of the command line: ``govdisclosure check`` over 1,000 JSON reports.

Generates 1,000 consistent reports (``govdisclosure.testing.consistent_report``) into a temporary directory, then
times, as separate processes (best of ``--repeat`` runs, wall clock):

* ``python -c pass`` — the interpreter start-up;
* ``python -m govdisclosure --version`` — start-up plus importing the command line;
* ``python -m govdisclosure check DIR/*.json`` (text output) and the same with ``--format json``.

The target is ≤ 2 s for the check beyond interpreter start-up. Run: ``python benchmarks/bench_cli.py [-n 1000]``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import govdisclosure
from govdisclosure.testing import consistent_report


def best_of(command: list[str], repeat: int, expect: int = 0) -> float:
    """The fastest wall-clock time of ``repeat`` runs of ``command``, checking its exit status."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        elapsed = time.perf_counter() - start
        if done.returncode != expect:
            raise SystemExit(f"{' '.join(command[:4])} …: exit {done.returncode}: {done.stderr.decode()[:500]}")
        best = min(best, elapsed)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="number of reports (default 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (default 3)")
    args = parser.parse_args(argv)

    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        paths = []
        for i in range(args.n):
            edition = "2019" if i % 5 == 0 else "2021"
            path = folder / f"r{i:05}.json"
            govdisclosure.dump(consistent_report(edition, seed=i, agency=f"机关{i}"), path)
            paths.append(str(path))
        generated = time.perf_counter() - start

        startup = best_of([python, "-c", "pass"], args.repeat)
        version = best_of([python, "-m", "govdisclosure", "--version"], args.repeat)
        check_text = best_of([python, "-m", "govdisclosure", "check", *paths], args.repeat)
        check_json = best_of([python, "-m", "govdisclosure", "check", "--format", "json", *paths], args.repeat)
        export = best_of([python, "-m", "govdisclosure", "export", *paths], args.repeat)

    print(f"reports: {args.n} JSON files (generated in {generated:.2f} s)")
    rows = [
        ("interpreter start-up (python -c pass)", startup, False),
        ("start-up + import (govdisclosure --version)", version, False),
        ("govdisclosure check (text)", check_text, True),
        ("govdisclosure check --format json", check_json, True),
        ("govdisclosure export (csv)", export, True),
    ]
    for name, seconds, beyond in rows:
        extra = f"  ({seconds - startup:.3f} s beyond start-up)" if beyond else ""
        print(f"{name:<45}{seconds:.3f} s{extra}")
    per_report_ms = (check_text - version) / args.n * 1000
    print(f"{'check per report (beyond import)':<45}{per_report_ms:.2f} ms")
    target = 2.0
    verdict = "meets" if check_text - startup <= target else "misses"
    print(f"target ≤ {target:.1f} s beyond start-up for check: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
