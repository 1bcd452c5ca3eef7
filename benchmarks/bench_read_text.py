"""Benchmark: importing text and Markdown reports with govdisclosure.read().

Run ``python benchmarks/bench_read_text.py``. Prints the minimum and median time of a text import of the seed document
(target: ≤ 5 ms) and of every text or Markdown file of the shared corpus, plus synthetic reports printed as
tab-separated text and as crawled text (cells run together), and the share of cells read as printed over the
corpus (expectations in ``tests/corpus_expected.py``). Reads ``../shared/corpus/`` when present.
"""

from __future__ import annotations

import contextlib
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from govdisclosure.errors import ReadError
from govdisclosure.importers import read
from govdisclosure.testing import consistent_report

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
sys.path.insert(0, str(ROOT / "tests"))


def timings_ms(fn: Callable[[], object], repeat: int = 50) -> tuple[float, float]:
    """(minimum, median) wall time of ``fn`` in milliseconds, after one warm-up call.

    The minimum is the figure to compare with a target (it is the least disturbed by other processes); the
    median shows the spread on a busy machine.
    """
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000, statistics.median(times) * 1000


def attempt(text: str) -> None:
    """Read, accepting a refusal (the pre-2019 file is refused by design)."""
    with contextlib.suppress(ReadError):
        read(text)


def main() -> None:
    """Print the figures."""
    from strategies_read import crawled_text, tab_text

    print("text import, min / median of 50 runs")
    if CORPUS.is_dir():
        files = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md"))
        for path in files:
            text = path.read_text(encoding="utf-8")
            low, mid = timings_ms(lambda text=text: attempt(text))
            target = "  (target ≤ 5 ms)" if path.name.startswith("000-") else ""
            print(f"  {path.name:40} {len(text):7} chars  {low:6.2f} / {mid:6.2f} ms{target}")
    else:
        print("  ../shared/corpus/ not present: corpus figures skipped")
    if CORPUS.is_dir():
        accuracy()
    for edition in ("2019", "2021"):
        report = consistent_report(edition, seed=1)
        for label, writer in (("tab-separated", tab_text), ("crawled", crawled_text)):
            text = writer(report)
            low, mid = timings_ms(lambda text=text: read(text))
            print(f"  synthetic {edition} {label:30} {len(text):7} chars  {low:6.2f} / {mid:6.2f} ms")


def accuracy() -> None:
    """Share of cells equal to what each document prints (expectations in tests/corpus_expected.py)."""
    from corpus_expected import APPLICANT_FIELDS, EXPECTED, REVIEW_FIELDS

    print("cells as printed (表三 + 表四, then 表二), per file")
    totals = [0, 0, 0, 0]
    for file, expected in EXPECTED.items():
        report = read(CORPUS / file).report
        cells = [
            (f"applications.{row}.{field}", value)
            for row, values in expected.applications.items()
            for field, value in zip(APPLICANT_FIELDS, values, strict=True)
        ] + [
            (f"review_litigation.{row}.{field}", value)
            for row, values in expected.review_litigation.items()
            for field, value in zip(REVIEW_FIELDS, values, strict=True)
        ]
        right = sum(report.get(path) == value for path, value in cells)
        active = [
            (f"active_disclosure.{row}", values)
            for row, values in expected.active_disclosure.items()
            if row not in expected.active_unsplittable
        ]
        active_cells = sum(len(v) for _, v in active)
        active_right = sum(
            a == b for path, values in active for a, b in zip(report.get(path).values(), values, strict=True)
        )
        table3 = sum(1 for _ in report.applications.rows()) * 7
        totals = [totals[0] + right, totals[1] + len(cells), totals[2] + active_right, totals[3] + active_cells]
        scope = "every cell" if expected.legible else f"{len(cells)} certain cells of {table3 + 15}"
        print(f"  {file:40} {right:4}/{len(cells):<4} ({scope})   表二 {active_right}/{active_cells}")
    print(f"  total 表三+表四 {totals[0]}/{totals[1]} = {totals[0] / totals[1]:.1%};  表二 {totals[2]}/{totals[3]}")


if __name__ == "__main__":
    main()
