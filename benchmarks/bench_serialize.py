"""Benchmark: govdisclosure.loads/dumps against json.loads/json.dumps on the same text.

Targets (issue 2): ``loads`` within 3x of ``json.loads`` on the same text; ``dumps`` within 3x of ``json.dumps``
of the equivalent dict with the same options. Run: ``python benchmarks/bench_serialize.py``.
"""

from __future__ import annotations

import json
import timeit

import govdisclosure as g


def _best(fn: object, number: int) -> float:
    return min(timeit.repeat(fn, number=number, repeat=7)) / number  # type: ignore[arg-type]


def main() -> None:
    """Print per-call times and ratios for each bundled sample."""
    head = f"{'json.loads':>11} {'g.loads':>9} {'ratio':>6}   {'json.dumps':>11} {'g.dumps':>9} {'ratio':>6}"
    print(f"{'sample':<14} {head}")
    for name in ("tacheng-2024", "example-2019"):
        report = g.sample_report(name)
        text = g.dumps(report)
        data = g.to_dict(report)
        n = 2000
        jl = _best(lambda text=text: json.loads(text), n)
        gl = _best(lambda text=text: g.loads(text), n)
        jd = _best(lambda data=data: json.dumps(data, ensure_ascii=False, indent=2), n)
        gd = _best(lambda report=report: g.dumps(report), n)
        print(
            f"{name:<14} {jl * 1e6:>9.1f}µs {gl * 1e6:>7.1f}µs {gl / jl:>5.2f}x   "
            f"{jd * 1e6:>9.1f}µs {gd * 1e6:>7.1f}µs {gd / jd:>5.2f}x"
        )


if __name__ == "__main__":
    main()
