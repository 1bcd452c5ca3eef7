"""Benchmark: importing text and Markdown reports with govdisclosure.read.read().

Run ``python benchmarks/bench_read_text.py``. Prints the median time of a text import of the seed document
(target: ≤ 5 ms) and of every text or Markdown file of the shared corpus, plus synthetic reports printed as
tab-separated text and as crawled text (cells run together). Reads ``../shared/corpus/`` when present.
"""

from __future__ import annotations

import contextlib
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from govdisclosure.errors import ReadError
from govdisclosure.read import read
from govdisclosure.testing import consistent_report

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
sys.path.insert(0, str(ROOT / "tests"))


def median_ms(fn: Callable[[], object], repeat: int = 30) -> float:
    """Median wall time of ``fn`` in milliseconds (after one warm-up call)."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def attempt(text: str) -> None:
    """Read, accepting a refusal (the pre-2019 file is refused by design)."""
    with contextlib.suppress(ReadError):
        read(text)


def main() -> None:
    """Print the figures."""
    from strategies_read import crawled_text, tab_text

    print("text import, median of 30 runs")
    if CORPUS.is_dir():
        files = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md"))
        for path in files:
            text = path.read_text(encoding="utf-8")
            ms = median_ms(lambda text=text: attempt(text))
            target = "  (target ≤ 5 ms)" if path.name.startswith("000-") else ""
            print(f"  {path.name:40} {len(text):7} chars  {ms:7.2f} ms{target}")
    else:
        print("  ../shared/corpus/ not present: corpus figures skipped")
    for edition in ("2019", "2021"):
        report = consistent_report(edition, seed=1)
        for label, writer in (("tab-separated", tab_text), ("crawled", crawled_text)):
            text = writer(report)
            ms = median_ms(lambda text=text: read(text))
            print(f"  synthetic {edition} {label:30} {len(text):7} chars  {ms:7.2f} ms")


if __name__ == "__main__":
    main()
