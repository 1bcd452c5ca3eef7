"""Hypothesis strategies for the checks: consistent reports, and one changed cell of 表三 or 表四."""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from govdisclosure import model as m
from govdisclosure.testing import consistent_report

editions = st.sampled_from(["2019", "2021"])
seeds = st.integers(min_value=0, max_value=2**32 - 1)


@st.composite
def consistent_reports(draw: st.DrawFn) -> m.Report:
    """A report of either edition whose figures satisfy every arithmetic rule."""
    return consistent_report(draw(editions), seed=draw(seeds))


@attrs.frozen
class Change:
    """One cell of a consistent report changed: where, from what, to what."""

    original: m.Report
    changed: m.Report
    table: str
    row: str
    column: str
    before: int
    after: int

    @property
    def path(self) -> str:
        """Canonical path of the changed cell."""
        return f"{self.table}.{self.row}.{self.column}"


def arithmetic_cells(report: m.Report) -> list[tuple[str, str, str, int]]:
    """Every cell of 表三 and 表四 (the tables C1-C4 read), with its value."""
    return [
        (table, row, column, value)
        for table, row, column, value in report.cells()
        if table in ("applications", "review_litigation") and isinstance(value, int)
    ]


@st.composite
def single_changes(draw: st.DrawFn) -> Change:
    """A consistent report with one cell of 表三 or 表四 changed by a non-zero delta, keeping it ≥ 0."""
    report = draw(consistent_reports())
    table, row, column, value = draw(st.sampled_from(arithmetic_cells(report)))
    delta = draw(st.integers(min_value=-value, max_value=40).filter(lambda d: d != 0))
    changed = report.with_cell(f"{table}.{row}.{column}", value + delta)
    return Change(report, changed, table, row, column, value, value + delta)


def expected_codes(table: str, row: str) -> set[str]:
    """The error codes a change to a cell in this row must raise (in any column)."""
    if table == "review_litigation":
        return {"C4"}
    if row == "outcomes.total":
        return {"C1", "C2", "C3"}
    if row.startswith("outcomes."):
        return {"C1", "C3"}
    return {"C2", "C3"}
