"""Benchmark of the renderers: whole-report text and HTML (and Markdown) rendering of both bundled samples.

Times, per sample and format, the median of many calls (after a warm-up, so the per-edition layout caches are
built) of a configured renderer (``TextRenderer()(report)``), of the one-call ``render(report, format)``, and a
cold first call in a fresh process. The target is ≤ 2 ms per whole report in text and in HTML. Word (``docx``,
python-docx) is timed too when installed: it builds and zips a document, so it is measured with fewer calls and
has no target.

Run: ``python benchmarks/bench_render.py [-n 300]``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

import govdisclosure
from govdisclosure.renderers import HtmlRenderer, MarkdownRenderer, TextRenderer, render

SAMPLES = ("tacheng-2024", "example-2019")
TARGET_MS = 2.0


def median_ms(fn: Callable[[], object], n: int) -> float:
    """Median wall-clock time of ``n`` calls, in milliseconds."""
    fn()
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def cold_ms(sample: str, fmt: str) -> float:
    """The first render in a fresh process (layout caches empty), in milliseconds."""
    code = (
        "import time, govdisclosure; from govdisclosure.renderers import render; "
        f"r = govdisclosure.sample_report({sample!r}); t = time.perf_counter(); render(r, {fmt!r}); "
        "print((time.perf_counter() - t) * 1000)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout)


def docx_timing(n: int) -> None:
    """Whole report and one table as Word, per sample (skipped without python-docx)."""
    try:
        import docx  # noqa: F401
    except ImportError:
        print("docx: python-docx is not installed, skipped")
        return
    from govdisclosure.renderers import DocxRenderer

    whole, table = DocxRenderer(), DocxRenderer(table="三")
    for sample in SAMPLES:
        report = govdisclosure.sample_report(sample)
        warm = median_ms(lambda rep=report: whole(rep), n)  # type: ignore[misc]
        one = median_ms(lambda rep=report: table(rep), n)  # type: ignore[misc]
        cold = cold_ms(sample, "docx")
        print(f"{sample:<14} {'docx':<9} {warm:>12.3f} {one:>12.3f} {cold:>9.2f} {len(whole(report)):>8}")
    print("docx: 'render() ms' column is 表三 alone; size in bytes")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=300, help="calls per measurement (default 300)")
    args = parser.parse_args(argv)
    renderers = {"text": TextRenderer(), "html": HtmlRenderer(), "markdown": MarkdownRenderer()}
    print(f"govdisclosure {govdisclosure.__version__}, Python {sys.version.split()[0]}, median of {args.n} calls")
    print(f"{'sample':<14} {'format':<9} {'renderer ms':>12} {'render() ms':>12} {'cold ms':>9} {'size':>8}")
    worst = 0.0
    for sample in SAMPLES:
        report = govdisclosure.sample_report(sample)
        for fmt, renderer in renderers.items():
            warm = median_ms(lambda r=renderer, rep=report: r(rep), args.n)  # type: ignore[misc]
            once = median_ms(lambda f=fmt, rep=report: render(rep, f), args.n)  # type: ignore[misc]
            cold = cold_ms(sample, fmt)
            size = len(renderer(report))
            if fmt in ("text", "html"):
                worst = max(worst, warm, once)
            print(f"{sample:<14} {fmt:<9} {warm:>12.3f} {once:>12.3f} {cold:>9.2f} {size:>8}")
    docx_timing(max(args.n // 10, 5))
    verdict = "meets" if worst <= TARGET_MS else "MISSES"
    print(f"slowest whole-report text/HTML render: {worst:.3f} ms ({verdict} the {TARGET_MS} ms target)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
