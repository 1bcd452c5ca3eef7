"""Findings, cell references, likely fixes and the report of a check.

Modelled on frictionless-py's errors: what a kind of finding *is* (code, title, severity, message template) lives
on the class; an instance holds only the facts (edition, cells, expected and actual values). Messages in Chinese
and English are computed on access, never stored.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, ClassVar, Final, Literal

import attrs
from tabulate import tabulate

from .. import layout as _layout
from ..errors import ConsistencyError

__all__ = [
    "SEVERITIES",
    "C1Mismatch",
    "C2Mismatch",
    "C3Mismatch",
    "C4Mismatch",
    "CellRef",
    "CheckReport",
    "ConsistencyError",
    "Finding",
    "LikelyFix",
    "NotAssessable",
    "Severity",
    "SumMismatch",
    "cell_label",
]

Severity = Literal["error", "warning", "info"]
SEVERITIES: Final[tuple[Severity, ...]] = ("info", "warning", "error")
"""Severities from lowest to highest."""
SEVERITY_RANK: Final[dict[str, int]] = {name: rank for rank, name in enumerate(SEVERITIES)}


@functools.lru_cache(maxsize=4096)
def _official_label(edition: str, table: str, row: str, column: str | None) -> str:
    """``layout.cell_label``, for a table printed either way: a 2021-era 表三 may have the single （六） row."""
    for single in (False, True):
        try:
            return _layout.cell_label(edition, table, row, column, single_other_handling=single)
        except KeyError:
            continue
    # not an official cell: keep the keys, so that a label never hides what was asked for
    try:
        name = _layout.edition(edition).table(table).name
    except KeyError:
        name = table
    return f"{name} {row}" + (f" · {column}" if column is not None else "")


def _fields(table: str) -> tuple[_layout.Field, ...]:
    """The value columns of 表三 or 表四 (the same in every row and both editions)."""
    return next(_layout.table("2021", table).rows())[1].fields


_REVIEW_PARTS: Final = tuple(f.label for f in _fields("review_litigation") if f.key != "total")
"""结果维持, 结果纠正, 其他结果, 尚未审结, read from the layout."""
_OUTCOMES_TOTAL: Final = _layout.row_label("2021", "applications", "outcomes.total")
"""（七）总计."""


@attrs.frozen(slots=True)
class CellRef:
    """One cell (or, with ``column=None``, one row) of a table: canonical keys, as in the long format.

    >>> CellRef("applications", "outcomes.total", "natural_person").path
    'applications.outcomes.total.natural_person'
    """

    table: str
    """``active_disclosure``, ``applications`` or ``review_litigation``."""
    row: str
    """Dotted row path inside the table (``outcomes.withheld.state_secret``)."""
    column: str | None = None
    """Column key (``natural_person``), or None for a whole row."""
    report: str | None = None
    """Which report the cell belongs to (``agency year``), for findings across several reports."""

    @property
    def path(self) -> str:
        """The canonical path of the cell, as accepted by ``Report.get``."""
        tail = f".{self.column}" if self.column is not None else ""
        return f"{self.table}.{self.row}{tail}"


def cell_label(cell: CellRef, edition: str = "2021") -> str:
    """Official Chinese labels of a cell, as :func:`govdisclosure.layout.cell_label` names it (with the report
    the cell belongs to in front, if any); a row or column the layout does not know is shown by its key.

    >>> cell_label(CellRef("review_litigation", "reconsideration", "total"))
    '表四 行政复议 · 总计'
    >>> cell_label(CellRef("applications", "outcomes.withheld.state_secret", "research"), "2019")
    '表三 （三）不予公开 1.属于国家秘密 · 科研机构'
    """
    text = _official_label(edition, cell.table, cell.row, cell.column)
    return f"{cell.report} {text}" if cell.report else text


def _column_label(table: str, column: str) -> str:
    """Official label of a column of 表三 or 表四 (``自然人``)."""
    for field in _fields(table):
        if field.key == column:
            return field.label
    return column


def _num(value: object) -> str:
    return "空白" if value is None else str(value)


def _num_en(value: object) -> str:
    return "blank" if value is None else str(value)


@attrs.frozen(slots=True, kw_only=True)
class Finding:
    """Something a rule found in a report: which rule, where, and the values involved.

    Class attributes describe the kind of finding; an instance holds the facts only.
    """

    code: ClassVar[str] = "?"
    """Stable code of the kind of finding (``C1`` … ``X7``, ``A1``, ``NA``)."""
    title: ClassVar[str] = ""
    severity: ClassVar[Severity] = "error"
    """``error``, ``warning`` or ``info``."""

    edition: str = "2021"
    """Edition of the report, to label cells with the right official wording."""
    cells: tuple[CellRef, ...] = ()
    """The cells involved; the first one is the finding's location."""
    expected: int | None = None
    actual: int | None = None

    @property
    def rule(self) -> str:
        """Code of the rule that produced the finding (differs from ``code`` for not-assessable findings)."""
        return self.code

    @property
    def location(self) -> CellRef | None:
        """The main cell, or None for a finding about the whole report."""
        return self.cells[0] if self.cells else None

    @property
    def label(self) -> str:
        """Official labels of the main cell (empty for a finding about the whole report)."""
        return cell_label(self.cells[0], self.edition) if self.cells else ""

    @property
    def message_zh(self) -> str:
        """The message in Chinese."""
        return self._message("zh")

    @property
    def message_en(self) -> str:
        """The message in English."""
        return self._message("en")

    def _message(self, lang: str) -> str:
        raise NotImplementedError

    def to_dict(self) -> dict[str, Any]:
        """Plain data, for JSON."""
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity,
            "title": self.title,
            "location": self.label,
            "cells": [
                {
                    "table": c.table,
                    "row": c.row,
                    "column": c.column,
                    "report": c.report,
                    "label": cell_label(c, self.edition),
                }
                for c in self.cells
            ],
            "expected": self.expected,
            "actual": self.actual,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
        }

    def __str__(self) -> str:
        return f"{self.code} {self.message_en}"


@attrs.frozen(slots=True, kw_only=True)
class SumMismatch(Finding):
    """A printed total differs from the sum of its parts.

    ``cells[0]`` is the printed total, the other cells are its parts; ``expected`` is the sum of the parts and
    ``actual`` the printed total.
    """

    parts_zh: ClassVar[str] = "各分项"
    parts_en: ClassVar[str] = "the parts"

    @property
    def difference(self) -> int:
        """Printed total minus the sum of the parts."""
        return (self.actual or 0) - (self.expected or 0)

    def proposal(self, index: int, value: int) -> int:
        """The value cell ``index`` (now ``value``) should have for this equation to hold."""
        if index == 0:
            return value - self.difference
        return value + self.difference

    def _message(self, lang: str) -> str:
        if lang == "zh":
            return (
                f"{self.label}：填报 {self.actual}，{self.parts_zh}之和为 {self.expected}（相差 {self.difference:+d}）"
            )
        return f"{self.label}: printed {self.actual}, {self.parts_en} sum to {self.expected} ({self.difference:+d})"


@attrs.frozen(slots=True, kw_only=True)
class C1Mismatch(SumMismatch):
    """（七）总计 differs from the sum of the outcome rows in one column of 表三."""

    code: ClassVar[str] = "C1"
    title: ClassVar[str] = f"{_OUTCOMES_TOTAL} = sum of the outcome rows"
    parts_zh: ClassVar[str] = "办理结果各项"
    parts_en: ClassVar[str] = "the outcome rows"


@attrs.frozen(slots=True, kw_only=True)
class C2Mismatch(SumMismatch):
    """一 + 二 differs from （七） + 四 in one column of 表三.

    ``cells`` are 一, 二, （七）总计, 四 of the column; ``expected`` is 一 + 二, ``actual`` is （七） + 四.
    """

    code: ClassVar[str] = "C2"
    title: ClassVar[str] = f"一 + 二 = {_OUTCOMES_TOTAL} + 四"

    def proposal(self, index: int, value: int) -> int:
        """Cells 一 and 二 move with the difference, （七） and 四 against it."""
        return value + self.difference if index < 2 else value - self.difference

    def _message(self, lang: str) -> str:
        column = _column_label("applications", self.cells[0].column or "")
        if lang == "zh":
            return (
                f"表三 {column}列：一+二 = {self.expected}，{_OUTCOMES_TOTAL}+四 = {self.actual}"
                f"（相差 {self.difference:+d}）"
            )
        return (
            f"表三 column {column}: 一 + 二 = {self.expected} but {_OUTCOMES_TOTAL} + 四 = {self.actual} "
            f"({self.difference:+d})"
        )


@attrs.frozen(slots=True, kw_only=True)
class C3Mismatch(SumMismatch):
    """总计 differs from the sum of the six applicant columns in one row of 表三."""

    code: ClassVar[str] = "C3"
    title: ClassVar[str] = "总计 = sum of the six applicant columns"
    parts_zh: ClassVar[str] = "六类申请人"
    parts_en: ClassVar[str] = "the six applicant columns"


@attrs.frozen(slots=True, kw_only=True)
class C4Mismatch(SumMismatch):
    """总计 differs from 结果维持 + 结果纠正 + 其他结果 + 尚未审结 in one block of 表四."""

    code: ClassVar[str] = "C4"
    title: ClassVar[str] = "表四 总计 = " + " + ".join(_REVIEW_PARTS)
    parts_zh: ClassVar[str] = "、".join(_REVIEW_PARTS)
    parts_en: ClassVar[str] = " + ".join(_REVIEW_PARTS)


@attrs.frozen(slots=True, kw_only=True)
class NotAssessable(Finding):
    """A rule could not be assessed because cells it needs are blank.

    ``cells[0]`` is the cell the rule would have checked (or the first of its operands), the blank cells follow;
    ``expected`` is the sum of the known parts and ``actual`` the printed value, as far as known.
    """

    code: ClassVar[str] = "NA"
    title: ClassVar[str] = "Rule not assessable: blank cells"
    severity: ClassVar[Severity] = "info"

    of_rule: str
    """Code of the rule that could not be assessed."""
    blanks: int = 0
    """How many of the cells involved are blank."""

    @property
    def rule(self) -> str:
        """The rule that could not be assessed."""
        return self.of_rule

    def _message(self, lang: str) -> str:
        if lang == "zh":
            text = f"{self.label}：{self.of_rule} 无法核对，{self.blanks} 个单元格空白"
            if self.expected is not None and self.actual is not None:
                relation = "相符" if self.expected == self.actual else "不符"
                text += f"（按空白为 0 计：{self.expected} 对 {self.actual}，{relation}）"
            return text
        plural = "s" if self.blanks != 1 else ""
        text = f"{self.label}: {self.of_rule} cannot be assessed, {self.blanks} blank cell{plural}"
        if self.expected is not None and self.actual is not None:
            relation = "agree" if self.expected == self.actual else "disagree"
            text += f" (reading blanks as 0: {self.expected} against {self.actual}, they {relation})"
        return text


# --------------------------------------------------------------------------------------------------------------
# likely fixes


@attrs.frozen(slots=True, kw_only=True)
class LikelyFix:
    """A single cell whose change would make every failing arithmetic rule pass."""

    cell: CellRef
    printed: int | None
    proposed: int
    rules: tuple[str, ...]
    """Codes of the failing rules this change would satisfy."""
    is_total: bool
    """True when the cell is the printed total of every failing equation (then the parts are taken as right)."""
    edition: str = "2021"
    group: int = 0
    """Which set of failing equations the change mends. Fixes of the same group are alternative readings (change
    one of them); fixes of different groups mend independent failures (each is needed)."""

    @property
    def label(self) -> str:
        """Official labels of the cell."""
        return cell_label(self.cell, self.edition)

    @property
    def message_zh(self) -> str:
        """The fix in Chinese."""
        if self.is_total:
            return f"{self.label}：填报 {_num(self.printed)}，各分项之和为 {self.proposed}"
        return f"{self.label}：填报 {_num(self.printed)}，若为 {self.proposed} 则各项相符"

    @property
    def message_en(self) -> str:
        """The fix in English."""
        if self.is_total:
            return f"{self.label}: printed {_num_en(self.printed)}, the parts sum to {self.proposed}"
        return f"{self.label}: printed {_num_en(self.printed)}, {self.proposed} would make every sum agree"

    def to_dict(self) -> dict[str, Any]:
        """Plain data, for JSON."""
        return {
            "table": self.cell.table,
            "row": self.cell.row,
            "column": self.cell.column,
            "label": self.label,
            "printed": self.printed,
            "proposed": self.proposed,
            "rules": list(self.rules),
            "group": self.group,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
        }


# --------------------------------------------------------------------------------------------------------------
# the report of a check

_FLAT_GETTERS: Final[dict[str, Callable[[Finding], object]]] = {
    "code": lambda f: f.code,
    "rule": lambda f: f.rule,
    "severity": lambda f: f.severity,
    "table": lambda f: f.cells[0].table if f.cells else None,
    "row": lambda f: f.cells[0].row if f.cells else None,
    "column": lambda f: f.cells[0].column if f.cells else None,
    "report": lambda f: f.cells[0].report if f.cells else None,
    "label": lambda f: f.label,
    "expected": lambda f: f.expected,
    "actual": lambda f: f.actual,
    "message_zh": lambda f: f.message_zh,
    "message_en": lambda f: f.message_en,
}


def _short_label(cell: CellRef, near: CellRef, edition: str) -> str:
    """The labels of ``cell`` that tell it apart next to ``near``: the column in the same row, the row in the
    same column, else every label."""
    if cell.table == near.table and cell.row == near.row and cell.column is not None:
        return _column_label(cell.table, cell.column)
    if cell.table == near.table and cell.column == near.column:
        for single in (False, True):
            try:
                return _layout.row_label(edition, cell.table, cell.row, single_other_handling=single)
            except KeyError:
                continue
    return cell_label(cell, edition)


def _block_label(parts: list[CellRef], near: CellRef, edition: str) -> str:
    """What the parts of a failing sum share with its total: the row (表四 复议后起诉, whose columns are the parts)
    or the column (表三 科研机构, whose rows are the parts); empty when they share neither."""
    if not parts or any(cell.table != near.table for cell in parts):
        return ""
    if all(cell.row == near.row for cell in parts):
        for single in (False, True):
            try:
                return _layout.row_label(edition, near.table, near.row, single_other_handling=single)
            except KeyError:
                continue
        return near.row
    if near.column is not None and all(cell.column == near.column for cell in parts):
        return _column_label(near.table, near.column)
    return ""


def _fix_lines(fixes: Iterable[LikelyFix], lang: str) -> list[str]:
    zh = lang == "zh"
    groups: dict[int, list[LikelyFix]] = {}
    for fix in fixes:
        groups.setdefault(fix.group, []).append(fix)
    lines: list[str] = []
    for readings in groups.values():
        totals = [x for x in readings if x.is_total]
        parts = [x for x in readings if not x.is_total]
        lines.extend(x.message_zh if zh else x.message_en for x in totals)
        if not totals and len(parts) == 1:
            lines.append(parts[0].message_zh if zh else parts[0].message_en)
            continue
        if not parts:
            continue
        if totals:
            near = totals[0].cell
            items = [f"{_short_label(x.cell, near, x.edition)} {_num(x.printed)}→{x.proposed}" for x in parts]
            block = _block_label([x.cell for x in parts], near, totals[0].edition)
            if zh:
                lines.append((f"或改 {block} 的分项：" if block else "或改分项：") + "、".join(items))
            else:
                lines.append((f"or one part of {block}: " if block else "or one part: ") + ", ".join(items))
        else:
            items = [f"{x.label} {_num(x.printed)}→{x.proposed}" for x in parts]
            lines.append(("改其中一项：" + "、".join(items)) if zh else ("one of: " + ", ".join(items)))
    return lines


def _as_set(value: str | Iterable[str] | None) -> frozenset[str] | None:
    if value is None:
        return None
    return frozenset((value,) if isinstance(value, str) else value)


@attrs.frozen(slots=True, kw_only=True)
class CheckReport:
    """What :func:`check` found in a report (or a cross-report check in several): findings and likely fixes."""

    findings: tuple[Finding, ...] = ()
    fixes: tuple[LikelyFix, ...] = ()
    """Single-cell changes that would make every failing arithmetic rule pass (several when readings differ)."""
    subject: str = ""
    """What was checked: ``agency year`` of the report, or a description of the reports."""

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings and infos are allowed)."""
        return not any(f.severity == "error" for f in self.findings)

    @property
    def counts(self) -> dict[str, int]:
        """Number of findings by severity: ``{"error": …, "warning": …, "info": …}``."""
        counts = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            counts[f.severity] += 1
        return counts

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity ``error``."""
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity ``warning``."""
        return tuple(f for f in self.findings if f.severity == "warning")

    @property
    def infos(self) -> tuple[Finding, ...]:
        """The findings of severity ``info``."""
        return tuple(f for f in self.findings if f.severity == "info")

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def codes(self) -> list[str]:
        """Codes of the findings, in order."""
        return [f.code for f in self.findings]

    def filter(
        self,
        *,
        code: str | Iterable[str] | None = None,
        rule: str | Iterable[str] | None = None,
        severity: str | Iterable[str] | None = None,
        min_severity: str | None = None,
        table: str | None = None,
    ) -> CheckReport:
        """A report with only the findings that match every given condition (fixes are kept)."""
        codes, rules, severities = _as_set(code), _as_set(rule), _as_set(severity)
        floor = SEVERITY_RANK[min_severity] if min_severity is not None else 0
        kept = tuple(
            f
            for f in self.findings
            if (codes is None or f.code in codes)
            and (rules is None or f.rule in rules)
            and (severities is None or f.severity in severities)
            and SEVERITY_RANK[f.severity] >= floor
            and (table is None or any(c.table == table for c in f.cells))
        )
        return attrs.evolve(self, findings=kept)

    def flatten(self, spec: Iterable[str] = ("code", "table", "row", "column")) -> list[list[object]]:
        """One list per finding with the requested facts, for tabular assertions.

        Keys: code, rule, severity, table, row, column, report, label, expected, actual, message_zh, message_en.
        """
        getters = [_FLAT_GETTERS[key] for key in spec]
        return [[get(f) for get in getters] for f in self.findings]

    def to_text(self, lang: Literal["zh", "en"] = "zh", *, fixes: bool = True) -> str:
        """A plain-text table of the findings (and likely fixes)."""
        zh = lang == "zh"
        head = ("代码", "级别", "说明") if zh else ("code", "severity", "message")
        names = {"error": "错误", "warning": "警告", "info": "提示"}
        rows = [
            (
                f.code if f.code == f.rule else f"{f.code}({f.rule})",
                names[f.severity] if zh else f.severity,
                f.message_zh if zh else f.message_en,
            )
            for f in self.findings
        ]
        counts = self.counts
        if zh:
            summary = f"{self.subject}：错误 {counts['error']}，警告 {counts['warning']}，提示 {counts['info']}"
        else:
            summary = (
                f"{self.subject}: {counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info"
            )
        parts = [summary.lstrip("：: ")]
        if rows:
            parts.append(tabulate(rows, headers=head, disable_numparse=True))
        if fixes and self.fixes:
            parts.append("可能的更正：" if zh else "Likely fix:")
            parts.extend(f"  {line}" for line in self.fix_lines(lang))
        return "\n".join(parts)

    def fix_lines(self, lang: Literal["zh", "en"] = "zh") -> list[str]:
        """The likely fixes as people read them: for each set of failing sums, the printed total's reading
        first, then every single-part reading on one line, naming the row or column the parts belong to
        (「或改 行政复议 的分项：结果维持 9→8、结果纠正 2→1」 / "or one part of 行政复议: 结果维持 9→8, 结果纠正 2→1").
        :attr:`fixes` keeps every reading as data."""
        return _fix_lines(self.fixes, lang)

    def to_dict(self) -> dict[str, Any]:
        """Plain data, for JSON."""
        return {
            "subject": self.subject,
            "ok": self.ok,
            "counts": self.counts,
            "findings": [f.to_dict() for f in self.findings],
            "fixes": [x.to_dict() for x in self.fixes],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON text (Chinese kept as is)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
