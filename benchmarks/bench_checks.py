"""Speed of govdisclosure.checks.check: per report, and 10,000 reports on one core.

Targets: at most 100 µs per report; 10,000 reports in at most 1.5 s. Run with ``python benchmarks/bench_checks.py``.
"""

from __future__ import annotations

import time
import timeit
from collections.abc import Callable

from govdisclosure.checks import check
from govdisclosure.samples import sample_report
from govdisclosure.testing import consistent_report


def _per_call(fn: Callable[[], object], number: int = 2000, repeat: int = 5) -> float:
    """Best time of one call, in microseconds."""
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number * 1e6


def main() -> None:
    """Print the figures."""
    seed = sample_report("tacheng-2024")
    example = sample_report("example-2019")
    flawed = seed.with_cell("review_litigation.reconsideration.upheld", 3)
    print(f"check(sample_report())                   {_per_call(lambda: check(seed)):7.1f} µs/report")
    print(f"check(sample_report('example-2019'))     {_per_call(lambda: check(example)):7.1f} µs/report")
    print(f"check(flawed seed, with likely fix)      {_per_call(lambda: check(flawed), number=500):7.1f} µs/report")
    print(f"check(flawed seed, fixes=False)          {_per_call(lambda: check(flawed, fixes=False)):7.1f} µs/report")

    reports = [consistent_report("2021" if i % 2 else "2019", seed=i) for i in range(10_000)]
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for report in reports:
            check(report)
        best = min(best, time.perf_counter() - start)
    print(f"10,000 consistent reports (both editions) {best:6.3f} s ({best / len(reports) * 1e6:.1f} µs/report)")


if __name__ == "__main__":
    main()
