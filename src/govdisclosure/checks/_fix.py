"""Likely fixes: single cells whose change would make every failing arithmetic rule pass."""

from __future__ import annotations

from typing import Final

from ..model import Report
from ._findings import CellRef, Finding, LikelyFix, SumMismatch
from ._within import C1, C2, C3, C4

__all__ = ["likely_fixes"]

_ARITHMETIC: Final = (C1, C2, C3, C4)


def _failing(report: Report) -> list[SumMismatch]:
    out: list[Finding] = []
    for function in _ARITHMETIC:
        function(report, out)
    return [f for f in out if isinstance(f, SumMismatch)]


def likely_fixes(report: Report, findings: list[Finding] | tuple[Finding, ...]) -> tuple[LikelyFix, ...]:
    """Every single-cell change that makes all failing C1-C4 equations hold, without breaking another.

    A cell qualifies when it takes part in every failing equation and each of them asks for the same,
    non-negative, value; the change is then verified by checking the changed report again. When several cells
    qualify (one failing 表四 block can be mended at its 总计 or at a part), each reading is returned, printed
    totals first.
    """
    failing = [f for f in findings if isinstance(f, SumMismatch)]
    if not failing:
        return ()
    candidates: dict[CellRef, int] | None = None
    for finding in failing:
        mine = {cell: index for index, cell in enumerate(finding.cells)}
        candidates = mine if candidates is None else {c: i for c, i in candidates.items() if c in mine}
    fixes = []
    for cell in candidates or {}:
        printed = report.get(cell.path)
        if printed is None:
            continue
        proposals = {f.proposal(f.cells.index(cell), printed) for f in failing}
        if len(proposals) != 1:
            continue
        proposed = proposals.pop()
        if proposed < 0 or proposed == printed:
            continue
        if _failing(report.with_cell(cell.path, proposed)):
            continue
        is_total = all(f.cells[0] == cell for f in failing if type(f).code != "C2")
        fixes.append(
            LikelyFix(
                cell=cell,
                printed=printed,
                proposed=proposed,
                rules=tuple(dict.fromkeys(f.code for f in failing)),
                is_total=is_total and any(type(f).code != "C2" for f in failing),
                edition=report.edition,
            )
        )
    fixes.sort(key=lambda x: not x.is_total)
    return tuple(fixes)
