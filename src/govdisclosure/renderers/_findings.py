"""The duck-typed contract for findings from the checks, and their numbering as footnotes of rendered tables."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol, runtime_checkable

from ._grid import Mark

__all__ = ["CellRef", "Finding", "FindingIndex", "Findings"]


@runtime_checkable
class CellRef(Protocol):
    """A cell a finding points at: table key, dotted row path inside the table, column key (None: whole row)."""

    @property
    def table(self) -> str: ...

    @property
    def row(self) -> str: ...

    @property
    def column(self) -> str | None: ...


@runtime_checkable
class Finding(Protocol):
    """What the renderers need from a finding of :func:`govdisclosure.check`."""

    @property
    def code(self) -> str: ...

    @property
    def severity(self) -> Any:
        """``"error"``, ``"warning"`` or ``"info"`` (a string, or an enum whose value is one)."""

    @property
    def cells(self) -> Iterable[CellRef]: ...

    @property
    def message_zh(self) -> str: ...

    @property
    def message_en(self) -> str: ...


Findings = Iterable[Finding] | Any
"""An iterable of findings, or an object with a ``findings`` attribute (a check report)."""


def _severity(finding: Finding) -> str:
    value = finding.severity
    return str(getattr(value, "value", value))


class FindingIndex:
    """Findings numbered in order, looked up by (table, row path, column).

    Only findings with a marked cell in one of ``tables`` are numbered; numbers run from 1 in the findings' order.
    ``mark="first"`` marks a finding's first cell only (its location: the total that does not add up), ``"all"``
    every cell it involves (all the parts of the sum too).
    """

    def __init__(
        self, findings: Findings | None, tables: Iterable[str], *, language: str = "zh", mark: str = "first"
    ) -> None:
        if findings is not None and hasattr(findings, "findings"):
            findings = findings.findings
        wanted = set(tables)
        self.marks: list[tuple[str, Mark]] = []
        """(table key, mark) of every numbered finding, in order."""
        self._at: dict[tuple[str, str, str | None], list[Mark]] = {}
        for finding in findings or ():
            refs = [(c.table, c.row, c.column) for c in finding.cells]
            if mark == "first":
                refs = refs[:1]
            tables_hit = [t for t, _, _ in refs if t in wanted]
            if not tables_hit:
                continue
            message = finding.message_en if language == "en" else finding.message_zh
            found = Mark(number=len(self.marks) + 1, severity=_severity(finding), code=finding.code, message=message)
            self.marks.append((tables_hit[0], found))
            for ref in refs:
                if ref[0] in wanted:
                    bucket = self._at.setdefault(ref, [])
                    if found not in bucket:
                        bucket.append(found)

    def __bool__(self) -> bool:
        return bool(self.marks)

    def at(self, table: str, row: str, column: str | None) -> tuple[Mark, ...]:
        """The marks on one cell (``column`` None: on a row or group label)."""
        return tuple(self._at.get((table, row, column), ()))

    def for_table(self, table: str) -> list[Mark]:
        """The marks whose first cell is in this table, for its footnotes."""
        return [mark for key, mark in self.marks if key == table]
