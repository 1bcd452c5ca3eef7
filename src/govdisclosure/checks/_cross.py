"""Rules across several reports: continuity from year to year (X1), in-force stock (X2), aggregation (A1)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import ClassVar, Final

import attrs

from .. import layout as _layout
from ..model import ActiveDisclosure2021, ApplicantRow, Report
from ._findings import CellRef, CheckReport, Finding, NotAssessable, Severity, SumMismatch
from ._registry import rule

__all__ = [
    "AggregationMismatch",
    "ContinuityMismatch",
    "InForceMismatch",
    "check_across",
    "check_aggregation",
    "check_continuity",
    "check_in_force",
]

_CARRIED_FORWARD: Final = _layout.row_label("2021", "applications", "carried_forward")
"""四、结转下年度继续办理."""
_DOCS_2021: Final = {f.key: f.label for f in _layout.table("2021", "active_disclosure").node("regulations").fields}
"""本年制发件数, 本年废止件数, 现行有效件数 by field key."""


def _name(report: Report) -> str:
    return f"{report.agency} {report.year}"


def _series(reports: Iterable[Report]) -> list[tuple[Report, Report]]:
    """Pairs (year N, year N+1) of reports of the same body."""
    by_body: dict[str, dict[int, Report]] = defaultdict(dict)
    for report in reports:
        by_body[report.agency][report.year] = report
    pairs = []
    for years in by_body.values():
        for year in sorted(years):
            if year + 1 in years:
                pairs.append((years[year], years[year + 1]))
    return pairs


@attrs.frozen(slots=True, kw_only=True)
class ContinuityMismatch(Finding):
    """二 of year N+1 differs from 四 of year N for the same body.

    ``cells`` are 二 of N+1 then 四 of N; ``expected`` is 四 of N, ``actual`` 二 of N+1.
    """

    code: ClassVar[str] = "X1"
    title: ClassVar[str] = "Carried over (N+1) equals carried forward (N)"
    severity: ClassVar[Severity] = "warning"

    def _message(self, lang: str) -> str:
        if lang == "zh":
            return f"{self.label}：填报 {self.actual}，但上一年度“{_CARRIED_FORWARD}”为 {self.expected}"
        return f"{self.label}: printed {self.actual}, but the previous year's {_CARRIED_FORWARD} is {self.expected}"


@rule(
    "X1",
    title="二 of year N+1 equals 四 of year N, in every column",
    title_zh="本年上年结转等于上一年度结转下年度",
    severity="warning",
    tags=("continuity", "applications", "across"),
    emits=(ContinuityMismatch, NotAssessable),
    scope="across",
)
def check_continuity(reports: Iterable[Report]) -> CheckReport:
    """For the same body, per column of 表三, 四、结转下年度继续办理 of year N = 二、上年结转政府信息公开申请数量 of
    year N+1 (spec §6 X1; unofficial, but what carrying forward means).

    Reports are paired by ``agency`` and consecutive ``year``; unpaired reports are ignored.
    """
    out: list[Finding] = []
    for before, after in _series(reports):
        for column in ApplicantRow.FIELDS:
            forward = getattr(before.applications.carried_forward, column)
            carried = getattr(after.applications.carried_over, column)
            cells = (
                CellRef("applications", "carried_over", column, _name(after)),
                CellRef("applications", "carried_forward", column, _name(before)),
            )
            if forward is None or carried is None:
                blanks = tuple(c for c, v in zip(cells, (carried, forward), strict=True) if v is None)
                out.append(
                    NotAssessable(
                        of_rule="X1",
                        edition=after.edition,
                        cells=(cells[0], *blanks[blanks[0] == cells[0] :]),
                        blanks=len(blanks),
                        expected=forward,
                        actual=carried,
                    )
                )
            elif forward != carried:
                out.append(ContinuityMismatch(edition=after.edition, cells=cells, expected=forward, actual=carried))
    return CheckReport(findings=tuple(out), subject="continuity")


@attrs.frozen(slots=True, kw_only=True)
class InForceMismatch(SumMismatch):
    """现行有效件数 of year N differs from that of N-1 plus 本年制发 minus 本年废止 of N.

    ``cells`` are 现行有效 (N), 现行有效 (N-1), 本年制发 (N), 本年废止 (N).
    """

    code: ClassVar[str] = "X2"
    title: ClassVar[str] = "In-force stock follows from last year's, issued and repealed"
    severity: ClassVar[Severity] = "warning"

    def _message(self, lang: str) -> str:
        if lang == "zh":
            return (
                f"{self.label}：填报 {self.actual}，上年{_DOCS_2021['in_force']}加{_DOCS_2021['issued']}"
                f"减{_DOCS_2021['repealed']}为 {self.expected}"
                f"（相差 {self.difference:+d}）"
            )
        return (
            f"{self.label}: printed {self.actual}, last year's in-force count + issued - repealed is {self.expected} "
            f"({self.difference:+d})"
        )


@rule(
    "X2",
    title=f"{_DOCS_2021['in_force']}(N) = {_DOCS_2021['in_force']}(N-1) + {_DOCS_2021['issued']}(N) - "
    f"{_DOCS_2021['repealed']}(N)",
    title_zh="现行有效件数与上年及本年制发、废止件数相符",
    severity="warning",
    tags=("continuity", "active_disclosure", "across"),
    emits=(InForceMismatch, NotAssessable),
    editions=("2021",),
    scope="across",
)
def check_in_force(reports: Iterable[Report]) -> CheckReport:
    """For 规章 and 行政规范性文件 in 表二 of the 2021 edition (国办公开办函〔2021〕30号: 本年制发件数, 本年废止件数,
    现行有效件数): the stock in force at the end of year N is last year's stock plus what was issued minus what
    was repealed (spec §6 X2; unofficial, a warning).
    """
    out: list[Finding] = []
    for before, after in _series(reports):
        old, new = before.active_disclosure, after.active_disclosure
        if not (isinstance(old, ActiveDisclosure2021) and isinstance(new, ActiveDisclosure2021)):
            continue
        for row in ("regulations", "normative_documents"):
            a, b = getattr(old, row), getattr(new, row)
            values = (b.in_force, a.in_force, b.issued, b.repealed)
            cells = (
                CellRef("active_disclosure", row, "in_force", _name(after)),
                CellRef("active_disclosure", row, "in_force", _name(before)),
                CellRef("active_disclosure", row, "issued", _name(after)),
                CellRef("active_disclosure", row, "repealed", _name(after)),
            )
            if None in values:
                blanks = tuple(c for c, v in zip(cells, values, strict=True) if v is None)
                out.append(
                    NotAssessable(
                        of_rule="X2",
                        edition="2021",
                        cells=(cells[0], *blanks[blanks[0] == cells[0] :]),
                        blanks=len(blanks),
                        actual=values[0],
                    )
                )
                continue
            expected = a.in_force + b.issued - b.repealed
            if expected != values[0]:
                out.append(InForceMismatch(edition="2021", cells=cells, expected=expected, actual=values[0]))
    return CheckReport(findings=tuple(out), subject="in-force stock")


def check_across(reports: Iterable[Report]) -> CheckReport:
    """X1 and X2 on a set of reports (several bodies and years may be mixed)."""
    reports = list(reports)
    found = check_continuity(reports).findings + check_in_force(reports).findings
    return CheckReport(findings=found, subject=f"{len(reports)} reports")


@attrs.frozen(slots=True, kw_only=True)
class AggregationMismatch(Finding):
    """A cell of a parent report differs from the sum of the same cell of its sub-units."""

    code: ClassVar[str] = "A1"
    title: ClassVar[str] = "Parent figure equals the sum of the sub-units"
    severity: ClassVar[Severity] = "warning"

    units: int

    def _message(self, lang: str) -> str:
        if lang == "zh":
            return f"{self.label}：填报 {self.actual}，{self.units} 个下属单位之和为 {self.expected}"
        return f"{self.label}: printed {self.actual}, the {self.units} sub-units sum to {self.expected}"


@rule(
    "A1",
    title="A parent report equals the sum of its sub-units",
    title_zh="汇总报告等于所属单位之和",
    severity="warning",
    tags=("aggregation", "across"),
    emits=(AggregationMismatch, NotAssessable),
    scope="across",
)
def check_aggregation(parent: Report, units: Sequence[Report]) -> CheckReport:
    """Where a report aggregates sub-units, each count of 表二, 表三 and 表四 equals the sum of the same cell of
    the sub-units' reports (spec §6; unofficial, a warning). Amounts are not summed. A cell where the parent or
    any sub-unit is blank is reported as not assessable.
    """
    name = _name(parent)
    unit_cells = [{(t, r, c): v for t, r, c, v in u.cells()} for u in units]
    out: list[Finding] = []
    for table, row, column, value in parent.cells():
        if not (value is None or type(value) is int):
            continue
        key = (table, row, column)
        values = [cells.get(key) for cells in unit_cells]
        cell = CellRef(table, row, column, name)
        if value is None or None in values or any(type(v) is not int for v in values):
            blanks = (value is None) + sum(v is None for v in values)
            out.append(NotAssessable(of_rule="A1", edition=parent.edition, cells=(cell,), blanks=blanks, actual=value))
            continue
        expected = sum(values)  # type: ignore[arg-type]
        if expected != value:
            out.append(
                AggregationMismatch(
                    edition=parent.edition, cells=(cell,), expected=expected, actual=value, units=len(units)
                )
            )
    return CheckReport(findings=tuple(out), subject=f"{name} = Σ {len(units)} sub-units")
