"""Benchmark of govdisclosure.analysis on large generated corpora: throughput and peak memory.

Run: ``python benchmarks/bench_analysis.py`` (all stages at 10,000 and 100,000 reports) or
``python benchmarks/bench_analysis.py --sizes 1000 --stages records checks``.

The corpus is generated cheaply: a few hundred distinct consistent reports (both editions), varied by agency and
year with ``attrs.evolve`` and produced lazily, so the input itself takes no memory. Each stage runs in a fresh
process; peak memory is the growth of the resident set (``ru_maxrss``) above the level reached after imports and
the distinct reports were built, so it shows what the stage itself holds. Streaming stages should stay flat from
10,000 to 100,000 reports; ``frame-full`` (one DataFrame of every cell) grows with the corpus by design.

Stages: ``generate`` (the input alone), ``records`` (long format, streamed), ``frame-chunks`` (one DataFrame per
1000 reports), ``frame-full`` (one DataFrame), ``parquet`` (streamed to a file), ``indicators``, ``checks`` (every
rule of govdisclosure.checks), ``checks-parallel`` (reports in memory pickled to all cores), ``files-checks`` and
``files-checks-parallel`` (JSON files read and checked, in one process or inside the workers of all cores).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from typing import Any

import attrs

import govdisclosure as g
from govdisclosure import analysis
from govdisclosure.testing import consistent_report

DISTINCT = 300
STAGES = (
    "generate",
    "records",
    "frame-chunks",
    "frame-full",
    "parquet",
    "indicators",
    "checks",
    "checks-parallel",
    "files-checks",
    "files-checks-parallel",
)


def corpus(size: int) -> Iterator[g.Report]:
    """``size`` reports: DISTINCT consistent ones, repeated with other agencies and years."""
    base = [
        consistent_report("2019" if i % 5 == 0 else "2021", seed=i, year=2020 if i % 5 == 0 else 2023)
        for i in range(DISTINCT)
    ]
    for n in range(size):
        report = base[n % DISTINCT]
        yield attrs.evolve(report, agency=f"第{n // 7}号单位", year=report.year + (n % 7 == 0))


def _check(report: g.Report) -> int:
    from govdisclosure.checks import check

    return len(check(report).findings)


def run_stage(stage: str, size: int) -> dict[str, Any]:
    """Run one stage over a corpus of ``size`` reports in this process; return the figures."""
    import pandas  # noqa: F401  (optional imports happen before the baseline: their memory is not the stage's)
    import pyarrow.parquet  # noqa: F401

    import govdisclosure.checks  # noqa: F401

    reports = corpus(size)
    first = next(reports)  # builds the distinct reports before the baseline is taken
    items = iter([first, *(r for r in reports)]) if stage == "frame-full" else _chain(first, reports)
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    work: dict[str, Callable[[], int]] = {
        "generate": lambda: sum(1 for _ in items),
        "records": lambda: sum(1 for r in items for _ in g.iter_records(r)),
        "frame-chunks": lambda: sum(
            len(f) for f in analysis.ReportCollection.from_reports(items).iter_dataframes(1000)
        ),
        "frame-full": lambda: len(analysis.to_dataframe(items)),
        "parquet": lambda: _parquet(items),
        "indicators": lambda: sum(1 for r in items if analysis.indicators(r).granted_share is not None),
        "checks": lambda: sum(_check(r) for r in items),
        "checks-parallel": lambda: sum(analysis.map_reports(_check, items, workers=os.cpu_count(), chunk_size=500)),
    }
    if stage.startswith("files-"):
        tmp = tempfile.TemporaryDirectory()
        paths = _files(tmp.name)
        sources = (paths[n % len(paths)] for n in range(size))
        workers = os.cpu_count() if stage.endswith("-parallel") else 1
        work[stage] = lambda: sum(
            r for r in analysis.map_sources(_check, sources, workers=workers, chunk_size=500) if isinstance(r, int)
        )
    start = time.perf_counter()
    count = work[stage]()
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "stage": stage,
        "reports": size,
        "items": count,
        "seconds": round(seconds, 2),
        "reports_per_s": round(size / seconds),
        "peak_mib": round((peak - baseline) / 1024, 1),  # ru_maxrss is in KiB on Linux
    }


def _files(folder: str) -> list[str]:
    """The DISTINCT reports written as JSON files (the file-reading stages cycle through them)."""
    paths = []
    for i, report in enumerate(corpus(DISTINCT)):
        path = os.path.join(folder, f"{i:04}.json")
        g.dump(report, path)
        paths.append(path)
    return paths


def _collection(items: Iterator[g.Report]) -> analysis.ReportCollection:
    return analysis.ReportCollection.from_reports(items)


def _chain(first: g.Report, rest: Iterator[g.Report]) -> Iterator[g.Report]:
    yield first
    yield from rest


def _parquet(items: Iterator[g.Report]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        return analysis.write_parquet(items, os.path.join(tmp, "cells.parquet"), chunk_size=1000, labels=False)


def main() -> None:
    """Run every stage at every size, each in a fresh process, and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--stages", nargs="+", default=list(STAGES), choices=STAGES)
    parser.add_argument("--one", nargs=2, metavar=("STAGE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_stage(args.one[0], int(args.one[1]))))
        return
    print(f"govdisclosure {g.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    print(f"{'stage':<23}{'reports':>9}{'items':>12}{'seconds':>9}{'reports/s':>11}{'peak MiB':>10}")
    for stage in args.stages:
        for size in args.sizes:
            out = subprocess.run(
                [sys.executable, __file__, "--one", stage, str(size)], capture_output=True, text=True, check=True
            )
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(
                f"{r['stage']:<23}{r['reports']:>9}{r['items']:>12}{r['seconds']:>9}"
                f"{r['reports_per_s']:>11}{r['peak_mib']:>10}"
            )


if __name__ == "__main__":
    main()
