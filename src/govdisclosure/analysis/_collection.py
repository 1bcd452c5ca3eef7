"""A lazy collection of many reports: from files, folders, globs or an iterable of reports.

Nothing is read until the collection is iterated, and iteration reads one report at a time, so memory stays flat
however many files there are. A file that cannot be read does not stop the iteration: it becomes a
:class:`LoadFailure`, collected in :attr:`ReportCollection.failures`.
"""

from __future__ import annotations

import glob as _glob
import os
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

import attrs

from ..errors import GovDisclosureError
from ..model import Report
from ..records import Record, iter_records

__all__ = ["LoadFailure", "Loaded", "ReportCollection", "load_report"]

T = TypeVar("T")
Source = str | os.PathLike[str] | Report


@attrs.frozen(kw_only=True)
class LoadFailure:
    """A source that could not be read as a report: where it came from and why, in one line."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@attrs.frozen(kw_only=True)
class Loaded:
    """The outcome of reading one source: a report, or a failure (exactly one of the two is set)."""

    source: str
    report: Report | None = None
    failure: LoadFailure | None = None


def _reader_for(path: Path) -> Callable[[Path], Report]:
    """JSON files are loaded as the interchange format; anything else is imported with :func:`govdisclosure.read`."""
    if path.suffix.lower() == ".json":
        from ..serialize import load

        return load
    from .. import importers

    def via_read(p: Path) -> Report:
        return importers.read(p).report

    return via_read


def load_report(source: Source) -> Loaded:
    """Read one source (a path or a report already in memory) without raising for a bad file.

    JSON files are read with :func:`govdisclosure.load`; other formats with ``govdisclosure.read`` when the
    importers are installed.
    """
    if isinstance(source, Report):
        return Loaded(source=source.source or f"{source.agency} {source.year}", report=source)
    path = Path(source)
    name = str(path)
    reader = _reader_for(path)
    try:
        report = reader(path)
    except (GovDisclosureError, OSError, ValueError, TypeError) as exc:
        text = " ".join(str(exc).split()) or type(exc).__name__
        return Loaded(source=name, failure=LoadFailure(source=name, message=text))
    return Loaded(source=name, report=report)


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    if size < 1:
        raise ValueError(f"chunk size must be at least 1, got {size}")
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class ReportCollection:
    """Many reports, read lazily one at a time.

    Build one with :meth:`from_paths`, :meth:`from_folder`, :meth:`from_glob` or :meth:`from_reports`. Iterating
    yields the reports that could be read, in source order; sources that failed are listed in :attr:`failures`
    (reset at the start of every pass).

    >>> from govdisclosure.analysis import ReportCollection
    >>> from govdisclosure.testing import consistent_report
    >>> reports = ReportCollection.from_reports([consistent_report(seed=s, year=2021 + s) for s in range(3)])
    >>> [r.year for r in reports]
    [2021, 2022, 2023]
    >>> sum(1 for _ in reports.records())
    600
    """

    __slots__ = ("_factory", "failures")

    def __init__(self, sources: Callable[[], Iterable[Source]]) -> None:
        """Wrap a callable returning the sources afresh on each pass (so a collection can be iterated twice)."""
        self._factory = sources
        self.failures: list[LoadFailure] = []
        """Sources of the last (or current) pass that could not be read."""

    # -- construction -----------------------------------------------------------------------------------------

    @classmethod
    def from_paths(cls, paths: Iterable[str | os.PathLike[str]]) -> ReportCollection:
        """Reports read from these files (the iterable is listed once so that the collection can be re-read)."""
        items = list(paths)
        return cls(lambda: items)

    @classmethod
    def from_folder(
        cls, folder: str | os.PathLike[str], pattern: str = "*.json", *, recursive: bool = True
    ) -> ReportCollection:
        """Reports read from the files of a folder matching ``pattern`` (sorted, sub-folders too by default)."""
        root = Path(folder)
        if not root.is_dir():
            raise FileNotFoundError(f"no such folder: {root}")

        def listing() -> Iterator[Path]:
            found = root.rglob(pattern) if recursive else root.glob(pattern)
            return iter(sorted(p for p in found if p.is_file()))

        return cls(listing)

    @classmethod
    def from_glob(cls, pattern: str) -> ReportCollection:
        """Reports read from the files matching a glob pattern (``**`` allowed), in sorted order."""
        return cls(lambda: sorted(_glob.glob(pattern, recursive=True)))

    @classmethod
    def from_reports(cls, reports: Iterable[Report]) -> ReportCollection:
        """Reports already in memory (or produced lazily by a generator, which can then be iterated only once)."""
        if isinstance(reports, (list, tuple)):
            items = reports
            return cls(lambda: items)
        iterator = iter(reports)
        return cls(lambda: iterator)

    # -- iteration --------------------------------------------------------------------------------------------

    def sources(self) -> Iterator[Source]:
        """The sources (paths or reports) this collection reads, without reading them."""
        return iter(self._factory())

    def results(self) -> Iterator[Loaded]:
        """Every source read in turn: a :class:`Loaded` with the report or the failure."""
        for source in self.sources():
            yield load_report(source)

    def __iter__(self) -> Iterator[Report]:
        self.failures = []
        for loaded in self.results():
            if loaded.report is not None:
                yield loaded.report
            elif loaded.failure is not None:
                self.failures.append(loaded.failure)

    def chunks(self, size: int = 1000) -> Iterator[list[Report]]:
        """The reports in lists of at most ``size`` (the unit of work for frames, files and parallel jobs)."""
        return _chunks(self, size)

    def materialise(self) -> list[Report]:
        """Every readable report in a list (this is the one method that holds them all in memory)."""
        return list(self)

    def records(self) -> Iterator[Record]:
        """The long format (spec §8) of every report, one record per cell, streamed."""
        for report in self:
            yield from iter_records(report)

    # -- frames and files -------------------------------------------------------------------------------------

    def to_dataframe(self, *, labels: bool = True) -> Any:
        """The long format as one pandas DataFrame (see :func:`govdisclosure.analysis.to_dataframe`)."""
        from ._frame import to_dataframe

        return to_dataframe(self, labels=labels)

    def iter_dataframes(self, chunk_size: int = 1000, *, labels: bool = True) -> Iterator[Any]:
        """The long format as a stream of DataFrames, one per chunk of ``chunk_size`` reports."""
        from ._frame import to_dataframe

        for chunk in self.chunks(chunk_size):
            yield to_dataframe(chunk, labels=labels)

    def to_wide_dataframe(self) -> Any:
        """One row per report, one column per cell (see :func:`govdisclosure.analysis.to_wide_dataframe`)."""
        from ._frame import to_wide_dataframe

        return to_wide_dataframe(self)

    def to_csv(self, target: str | os.PathLike[str], *, labels: bool = True) -> int:
        """Write the long format to a CSV file, streaming; returns the number of rows written."""
        from ._frame import write_csv

        return write_csv(self, target, labels=labels)

    def to_parquet(self, target: str | os.PathLike[str], *, chunk_size: int = 1000, labels: bool = True) -> int:
        """Write the long format to a Parquet file chunk by chunk (needs pyarrow); returns the rows written."""
        from ._frame import write_parquet

        return write_parquet(self, target, chunk_size=chunk_size, labels=labels)

    # -- checks -----------------------------------------------------------------------------------------------

    def check(self, *, workers: int | None = 1, **options: Any) -> Iterator[Any]:
        """:func:`govdisclosure.checks.check` on every readable report, streamed, one ``CheckReport`` each.

        ``options`` are those of ``check``; ``workers`` as in :meth:`map` (1: in this process).
        """
        from ._checking import check_all

        return check_all(self, workers=workers, **options)

    # -- parallel work ----------------------------------------------------------------------------------------

    def map(
        self, fn: Callable[[Report], T], *, workers: int | None = None, chunk_size: int = 256
    ) -> Iterator[T | LoadFailure]:
        """Apply ``fn`` to every report on all cores; results come back in source order.

        Files are read inside the worker processes. ``fn`` must be picklable (a module-level function). A source
        that cannot be read gives its :class:`LoadFailure` in place of a result.
        """
        from ._parallel import map_sources

        return map_sources(fn, self.sources(), workers=workers, chunk_size=chunk_size)
