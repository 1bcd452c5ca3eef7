"""Aggregation: the reports of sub-units summed into one, and compared with a published parent report.

Sums are None-aware. A cell that is blank in some sub-units cannot be summed honestly: by default the aggregate
cell is blank (None) and an :class:`AggregationNote` says which cell and which sub-units were blank. With
``blanks="skip"`` the known values are summed instead (the note is still given); a cell blank in every sub-unit
stays blank either way.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Literal

import attrs

from ..errors import AggregationError
from ..model import ApplicantRow, Report
from ..records import from_records
from ._frame import cell_label

__all__ = [
    "Aggregate",
    "AggregationError",
    "AggregationNote",
    "CellDifference",
    "aggregate",
    "compare_aggregate",
]

_SPLIT = "outcomes.other_handling."
_SINGLE = "outcomes.other_handling"


@attrs.frozen(kw_only=True)
class AggregationNote:
    """A cell of the aggregate that is blank, or summed over known values only, because sub-units left it blank."""

    path: str
    """Canonical path of the cell (``applications.outcomes.total.total``)."""
    label: str
    """Official label (``表三 （七）总计 · 总计``)."""
    blank_in: tuple[str, ...]
    """Agencies (sub-units) whose cell is blank."""
    summed: bool
    """True when the known values were summed anyway (``blanks="skip"``); False when the cell was left blank."""

    def __str__(self) -> str:
        units = "、".join(self.blank_in)
        what = "summed over the others" if self.summed else "left blank"
        return f"{self.label} ({self.path}): blank in {units}; {what}"


@attrs.frozen(kw_only=True)
class Aggregate:
    """The result of :func:`aggregate`: the summed report, its sub-units and the notes on blank cells."""

    report: Report
    units: tuple[str, ...]
    notes: tuple[AggregationNote, ...] = ()


def _merge_other_handling(report: Report) -> list[tuple[str, str, str, Any]]:
    """Cells with the three （六） rows of 2021 folded into the single row (None-aware), for mixed inputs."""
    cells: list[tuple[str, str, str, Any]] = []
    folded: dict[str, Any] = dict.fromkeys(ApplicantRow.FIELDS, 0)
    for table, row, column, value in report.cells():
        if table == "applications" and row.startswith(_SPLIT):
            previous = folded[column]
            folded[column] = None if previous is None or value is None else previous + value
            continue
        if table == "applications" and row == "outcomes.total" and column == ApplicantRow.FIELDS[0]:
            cells.extend(("applications", _SINGLE, c, v) for c, v in folded.items())
        cells.append((table, row, column, value))
    return cells


def aggregate(
    reports: Iterable[Report],
    *,
    agency: str,
    year: int | None = None,
    title: str = "",
    blanks: Literal["blank", "skip"] = "blank",
) -> Aggregate:
    """Sum the tables of sub-units' reports cell by cell into one report for ``agency``.

    Every report must be of the same edition and data year (``year`` only confirms which year is expected).
    Narrative sections are not carried over. Where some sub-units print one （六）其他处理 row and others three,
    the three rows are folded into one first (and the aggregate has one row).

    >>> from govdisclosure.analysis import aggregate
    >>> from govdisclosure.testing import consistent_report
    >>> units = [consistent_report(seed=s, agency=f"第{s}街道办事处") for s in (1, 2)]
    >>> total = aggregate(units, agency="某某区人民政府")
    >>> total.report.applications.new_received.total == sum(u.applications.new_received.total for u in units)
    True
    >>> total.notes
    ()
    """
    if blanks not in ("blank", "skip"):
        raise ValueError(f"blanks must be 'blank' or 'skip', got {blanks!r}")
    units = list(reports)
    if not units:
        raise AggregationError("nothing to aggregate: give the reports of at least one sub-unit")
    first = units[0]
    for unit in units[1:]:
        if unit.edition != first.edition:
            raise AggregationError(
                f"cannot sum reports of different editions: {first.agency} {first.year} is {first.edition}, "
                f"{unit.agency} {unit.year} is {unit.edition}; aggregate each edition separately"
            )
        if unit.year != first.year:
            raise AggregationError(
                f"cannot sum reports of different data years: {first.agency} is {first.year}, "
                f"{unit.agency} is {unit.year}; aggregate one year at a time"
            )
    if year is not None and year != first.year:
        raise AggregationError(f"the sub-units report on {first.year}, not on the requested year {year}")
    mixed = len({u.uses_single_other_handling for u in units}) > 1
    sums: dict[tuple[str, str, str], Any] = {}
    blank_in: dict[tuple[str, str, str], list[str]] = {}
    known: dict[tuple[str, str, str], int] = {}
    for unit in units:
        cells = _merge_other_handling(unit) if mixed and not unit.uses_single_other_handling else unit.cells()
        for table, row, column, value in cells:
            key = (table, row, column)
            if value is None:
                blank_in.setdefault(key, []).append(unit.agency)
                sums.setdefault(key, None)
                continue
            known[key] = known.get(key, 0) + 1
            previous = sums.get(key)
            sums[key] = value if previous is None else previous + value
    notes: list[AggregationNote] = []
    for key, names in blank_in.items():
        if known.get(key, 0) == 0:
            sums[key] = None  # blank everywhere: nothing to sum, and nothing to note
            continue
        summed = blanks == "skip"
        if not summed:
            sums[key] = None
        table, row, column = key
        notes.append(
            AggregationNote(
                path=f"{table}.{row}.{column}",
                label=cell_label(first.edition, table, row, column),
                blank_in=tuple(names),
                summed=summed,
            )
        )
    records = [
        {
            "agency": agency,
            "year": first.year,
            "edition": first.edition,
            "table": t,
            "row": r,
            "column": c,
            "value": v,
        }
        for (t, r, c), v in sums.items()
    ]
    report = attrs.evolve(from_records(records), title=title)
    return Aggregate(report=report, units=tuple(u.agency for u in units), notes=tuple(notes))


@attrs.frozen(kw_only=True)
class CellDifference:
    """A cell where the published parent report differs from the sum of its sub-units."""

    path: str
    label: str
    published: int | Decimal | None
    summed: int | Decimal | None

    @property
    def difference(self) -> int | Decimal | None:
        """published - summed, or None when either is blank."""
        if self.published is None or self.summed is None:
            return None
        return self.published - self.summed

    def __str__(self) -> str:
        return f"{self.label}: published {self.published}, sub-units sum to {self.summed}"


def compare_aggregate(
    parent: Report, units: Iterable[Report], *, blanks: Literal["blank", "skip"] = "blank"
) -> tuple[CellDifference, ...]:
    """Compare a published parent report with the sum of its sub-units, cell by cell (only differences).

    A cell the sum leaves blank (because a sub-unit is blank) is not compared. Both sides must be of the same
    edition and year (:class:`AggregationError` otherwise).

    >>> from govdisclosure.analysis import aggregate, compare_aggregate
    >>> from govdisclosure.testing import consistent_report
    >>> units = [consistent_report(seed=s) for s in (1, 2)]
    >>> parent = aggregate(units, agency="某某区人民政府").report
    >>> compare_aggregate(parent, units)
    ()
    >>> [str(d) for d in compare_aggregate(parent.with_cell("review_litigation.reconsideration.upheld", 0), units)]
    ['表四 行政复议 · 结果维持: published 0, sub-units sum to 6']
    """
    summed = aggregate(units, agency=parent.agency, year=parent.year, blanks=blanks).report
    if summed.edition != parent.edition:
        raise AggregationError(
            f"the parent report {parent.agency} {parent.year} is {parent.edition} "
            f"but its sub-units are {summed.edition}"
        )
    expected = {(t, r, c): v for t, r, c, v in summed.cells()}
    differences: list[CellDifference] = []
    for table, row, column, value in parent.cells():
        key = (table, row, column)
        if key not in expected:
            continue
        other = expected[key]
        if other is None or value == other:
            continue
        differences.append(
            CellDifference(
                path=f"{table}.{row}.{column}",
                label=cell_label(parent.edition, table, row, column),
                published=value,
                summed=other,
            )
        )
    return tuple(differences)
