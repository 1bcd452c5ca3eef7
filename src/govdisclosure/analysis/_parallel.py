"""Parallel work over a corpus: chunks of sources sent to a process pool, results back in input order.

Only a bounded number of chunks is in flight at any time (twice the number of workers), so memory stays flat
however long the input is, and results are yielded as soon as the chunks before them are done.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

from ..model import Report
from ._collection import LoadFailure, Source, _chunks, load_report

__all__ = ["map_reports", "map_sources"]

T = TypeVar("T")


def _run_chunk(fn: Callable[[Report], T], chunk: list[Source]) -> list[T | LoadFailure]:
    out: list[T | LoadFailure] = []
    for source in chunk:
        loaded = load_report(source)
        if loaded.report is not None:
            out.append(fn(loaded.report))
        elif loaded.failure is not None:
            out.append(loaded.failure)
    return out


def _workers(workers: int | None) -> int:
    if workers is None:
        return os.cpu_count() or 1
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    return workers


def map_sources(
    fn: Callable[[Report], T],
    sources: Iterable[Source],
    *,
    workers: int | None = None,
    chunk_size: int = 256,
) -> Iterator[T | LoadFailure]:
    """Read each source (path or report) and apply ``fn``, on ``workers`` processes (all cores by default).

    Results come back in input order; a source that cannot be read yields its :class:`LoadFailure`. With
    ``workers=1`` everything runs in this process (no pool). ``fn`` must be picklable: a module-level function.
    """
    count = _workers(workers)
    chunks = _chunks(sources, chunk_size)
    if count == 1:
        for chunk in chunks:
            yield from _run_chunk(fn, chunk)
        return
    with ProcessPoolExecutor(max_workers=count) as pool:
        pending: deque[Future[list[T | LoadFailure]]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(_run_chunk, fn, chunk))
            if len(pending) >= 2 * count:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def map_reports(
    fn: Callable[[Report], T], reports: Iterable[Report], *, workers: int | None = None, chunk_size: int = 256
) -> Iterator[T]:
    """Apply ``fn`` to reports already in memory, on all cores, results in input order.

    >>> from govdisclosure.analysis import map_reports, indicators
    >>> from govdisclosure.testing import consistent_report
    >>> reports = [consistent_report(seed=s) for s in range(4)]
    >>> [i.granted_share for i in map_reports(indicators, reports, workers=1)] == [
    ...     indicators(r).granted_share for r in reports
    ... ]
    True
    """
    for result in map_sources(fn, reports, workers=workers, chunk_size=chunk_size):
        if isinstance(result, LoadFailure):  # pragma: no cover - reports in memory always load
            raise TypeError(str(result))
        yield result
