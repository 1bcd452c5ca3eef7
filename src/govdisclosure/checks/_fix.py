"""Likely fixes: single cells whose change would make a group of failing arithmetic rules pass."""

from __future__ import annotations

from typing import Final

from ..model import Report
from ._findings import CellRef, Finding, LikelyFix, SumMismatch
from ._within import C1, C2, C3, C4

__all__ = ["likely_fixes"]

_ARITHMETIC: Final = (C1, C2, C3, C4)


def _failing(report: Report) -> set[tuple[str, CellRef]]:
    out: list[Finding] = []
    for function in _ARITHMETIC:
        function(report, out)
    return {(f.code, f.cells[0]) for f in out if isinstance(f, SumMismatch)}


def _groups(failing: list[SumMismatch]) -> list[list[SumMismatch]]:
    """Failing equations grouped when they share cells (a change to one cell can only mend its own group)."""
    groups: list[tuple[set[CellRef], list[SumMismatch]]] = []
    for finding in failing:
        cells = set(finding.cells)
        merged = [g for g in groups if g[0] & cells]
        for g in merged:
            groups.remove(g)
            cells |= g[0]
        members = [f for g in merged for f in g[1]] + [finding]
        groups.append((cells, members))
    return [members for _, members in groups]


def likely_fixes(report: Report, findings: list[Finding] | tuple[Finding, ...]) -> tuple[LikelyFix, ...]:
    """Single-cell changes that mend a group of failing C1-C4 equations without breaking any other.

    Failing equations that share cells form a group. A cell qualifies when it takes part in every equation of
    its group and each asks for the same non-negative value; the change is then verified by checking the
    changed report again: the group's failures must be gone and no new one may appear. When several cells
    qualify (a failing 表四 block can be mended at its 总计 or at a part), each reading is returned, printed
    totals first; the readings of one group share ``LikelyFix.group``.
    """
    failing = [f for f in findings if isinstance(f, SumMismatch) and f.code in ("C1", "C2", "C3", "C4")]
    if not failing:
        return ()
    before = {(f.code, f.cells[0]) for f in failing}
    fixes: list[LikelyFix] = []
    for group in _groups(failing):
        number = len({x.group for x in fixes})
        common = set(group[0].cells)
        for finding in group[1:]:
            common &= set(finding.cells)
        mended = before - {(f.code, f.cells[0]) for f in group}
        readings = []
        for cell in sorted(common, key=group[0].cells.index):
            printed = report.get(cell.path)
            if printed is None:
                continue
            proposals = {f.proposal(f.cells.index(cell), printed) for f in group}
            if len(proposals) != 1:
                continue
            proposed = proposals.pop()
            if proposed < 0 or proposed == printed:
                continue
            if _failing(report.with_cell(cell.path, proposed)) != mended:
                continue
            sums = [f for f in group if f.code != "C2"]
            readings.append(
                LikelyFix(
                    cell=cell,
                    printed=printed,
                    proposed=proposed,
                    rules=tuple(dict.fromkeys(f.code for f in group)),
                    is_total=bool(sums) and all(f.cells[0] == cell for f in sums),
                    edition=report.edition,
                    group=number,
                )
            )
        readings.sort(key=lambda x: not x.is_total)
        fixes += readings
    return tuple(fixes)
