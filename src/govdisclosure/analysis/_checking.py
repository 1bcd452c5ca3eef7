"""The rules of :mod:`govdisclosure.checks` run over many reports: streamed, in parallel, or as one DataFrame."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..model import Report

if TYPE_CHECKING:
    from ..checks import CheckReport

__all__ = ["FINDING_COLUMNS", "check_all", "findings_frame"]

FINDING_COLUMNS = (
    "agency",
    "year",
    "edition",
    "code",
    "rule",
    "severity",
    "table",
    "row",
    "column",
    "label",
    "expected",
    "actual",
    "message",
)
"""Columns of :func:`findings_frame`, in order."""


def check_all(
    reports: Iterable[Report], *, workers: int | None = 1, chunk_size: int = 256, **options: Any
) -> Iterator[CheckReport]:
    """:func:`govdisclosure.checks.check` on every report, one :class:`CheckReport` per report, in input order.

    ``options`` are those of ``check`` (``select``, ``ignore``, ``min_severity``, ``fixes``...). With ``workers``
    other than 1, the reports are checked on that many processes (``None``: all cores).

    >>> from govdisclosure.analysis import check_all
    >>> from govdisclosure.testing import consistent_report
    >>> bad = consistent_report(seed=2).with_cell("applications.new_received.total", 0)
    >>> [result.codes() for result in check_all([consistent_report(seed=1), bad])]
    [[], ['C2', 'C3']]
    """
    from ..checks import check

    run: Callable[[Report], CheckReport] = functools.partial(check, **options) if options else check
    if workers == 1:
        for report in reports:
            yield run(report)
        return
    from ._parallel import map_reports

    yield from map_reports(run, reports, workers=workers, chunk_size=chunk_size)


def findings_frame(reports: Iterable[Report], *, lang: str = "en", **options: Any) -> Any:
    """Every finding of every report as a pandas DataFrame, one row per finding (columns :data:`FINDING_COLUMNS`).

    ``table``/``row``/``column``/``label`` describe the finding's main cell; ``message`` is in ``lang`` (``en`` or
    ``zh``). ``options`` are those of :func:`govdisclosure.checks.check`. Needs the optional ``pandas`` extra.

    >>> from govdisclosure.analysis import findings_frame
    >>> from govdisclosure.testing import consistent_report
    >>> bad = consistent_report(seed=2).with_cell("review_litigation.reconsideration.upheld", 99)
    >>> frame = findings_frame([consistent_report(seed=1), bad], fixes=False)
    >>> frame[["year", "code", "table", "row", "column"]].values.tolist()
    [[2023, 'C4', 'review_litigation', 'reconsideration', 'total']]
    """
    from ._frame import _pandas

    pd = _pandas()
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', got {lang!r}")
    from ..checks import check

    rows: dict[str, list[Any]] = {name: [] for name in FINDING_COLUMNS}
    for report in reports:
        for finding in check(report, **options):
            cell = finding.location
            values = (
                report.agency,
                report.year,
                report.edition,
                finding.code,
                finding.rule,
                finding.severity,
                cell.table if cell else None,
                cell.row if cell else None,
                cell.column if cell else None,
                finding.label,
                finding.expected,
                finding.actual,
                finding.message_en if lang == "en" else finding.message_zh,
            )
            for name, value in zip(FINDING_COLUMNS, values, strict=True):
                rows[name].append(value)
    data: dict[str, Any] = {name: pd.array(rows[name], dtype="string") for name in FINDING_COLUMNS}
    for name in ("year", "expected", "actual"):
        data[name] = pd.array(rows[name], dtype="Int64")
    for name in ("edition", "code", "rule", "severity", "table"):
        data[name] = pd.Categorical(rows[name])
    return pd.DataFrame(data)
