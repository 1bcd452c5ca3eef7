"""Arithmetic rules inside one report (spec §6): C1, C2, C3, C4.

Written for speed: rows are fetched with precomputed ``attrgetter`` objects and values compared as tuples; the
row paths and cell references are only built when something is found.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Final

from ..model import ApplicantRow, Outcomes, Report
from ._findings import (
    _OUTCOMES_TOTAL,
    _REVIEW_PARTS,
    C1Mismatch,
    C2Mismatch,
    C3Mismatch,
    C4Mismatch,
    CellRef,
    Finding,
    NotAssessable,
)
from ._registry import rule

__all__ = [
    "APPLICANT_COLUMNS",
    "APPLICANT_VALUES",
    "GET_REVIEW_ROWS",
    "REVIEW_COLUMNS",
    "REVIEW_ROWS",
    "REVIEW_VALUES",
    "applicant_rows",
    "outcome_rows",
]

_APPL: Final = "applications"
_REVIEW: Final = "review_litigation"
APPLICANT_COLUMNS: Final = ApplicantRow.FIELDS
APPLICANT_VALUES: Final = attrgetter(*APPLICANT_COLUMNS)
REVIEW_VALUES: Final = attrgetter("upheld", "corrected", "other", "pending", "total")
REVIEW_COLUMNS: Final = ("upheld", "corrected", "other", "pending", "total")

_HEAD_PATHS: Final = ("outcomes.granted", "outcomes.partially_granted")
_WITHHELD: Final = (
    "state_secret",
    "prohibited_by_law",
    "security_stability",
    "third_party_rights",
    "internal_affairs",
    "process_information",
    "enforcement_files",
    "query_matters",
)
_UNABLE: Final = ("not_held", "requires_creation", "unclear_after_correction")
_NOT_PROCESSED: Final = ("complaint_petition", "repeated", "publications", "excessive", "confirmation")
_OTHER: Final = ("no_correction", "unpaid_fee", "other")
_GET_WITHHELD: Final = attrgetter(*_WITHHELD)
_GET_UNABLE: Final = attrgetter(*_UNABLE)
_GET_NOT_PROCESSED: Final = attrgetter(*_NOT_PROCESSED)
_GET_OTHER: Final = attrgetter(*_OTHER)

_BASE_PATHS: Final = (
    *_HEAD_PATHS,
    *(f"outcomes.withheld.{k}" for k in _WITHHELD),
    *(f"outcomes.unable_to_provide.{k}" for k in _UNABLE),
    *(f"outcomes.not_processed.{k}" for k in _NOT_PROCESSED),
)
_PATHS_SINGLE: Final = (*_BASE_PATHS, "outcomes.other_handling")
_PATHS_SPLIT: Final = (*_BASE_PATHS, *(f"outcomes.other_handling.{k}" for k in _OTHER))
REVIEW_ROWS: Final = ("reconsideration", "litigation_direct", "litigation_after_reconsideration")
GET_REVIEW_ROWS: Final = attrgetter(*REVIEW_ROWS)


def outcome_rows(outcomes: Outcomes) -> tuple[tuple[str, ...], list[ApplicantRow]]:
    """Paths (inside 表三) and rows that add up to （七）总计, for either form of （六）.

    >>> from govdisclosure.samples import sample_report
    >>> paths, rows = outcome_rows(sample_report().applications.outcomes)
    >>> len(paths), paths[-1]
    (21, 'outcomes.other_handling.other')
    """
    rows = [outcomes.granted, outcomes.partially_granted]
    rows += _GET_WITHHELD(outcomes.withheld)
    rows += _GET_UNABLE(outcomes.unable_to_provide)
    rows += _GET_NOT_PROCESSED(outcomes.not_processed)
    other = outcomes.other_handling
    if isinstance(other, ApplicantRow):
        rows.append(other)
        return _PATHS_SINGLE, rows
    rows += _GET_OTHER(other)
    return _PATHS_SPLIT, rows


def _sum_known(values: tuple[int | None, ...] | list[int | None]) -> int:
    return sum(v for v in values if v is not None)


def _not_assessable(
    rule_code: str,
    edition: str,
    cells: tuple[CellRef, ...],
    values: tuple[int | None, ...],
    expected: int | None,
    actual: int | None,
) -> NotAssessable:
    """A not-assessable finding: the rule's main cell first, then the blank cells."""
    blanks = tuple(c for c, v in zip(cells, values, strict=True) if v is None)
    return NotAssessable(
        of_rule=rule_code,
        edition=edition,
        cells=(cells[0], *(c for c in blanks if c is not cells[0])),
        blanks=len(blanks),
        expected=expected,
        actual=actual,
    )


@rule(
    "C1",
    title=f"{_OUTCOMES_TOTAL} equals the sum of the outcome rows, in every column",
    title_zh=f"{_OUTCOMES_TOTAL}等于各项办理结果之和",
    severity="error",
    tags=("arithmetic", "applications"),
    emits=(C1Mismatch, NotAssessable),
)
def C1(report: Report, out: list[Finding]) -> None:
    """In every data column of 表三, （七）总计 = （一） + （二） + Σ（三）1-8 + Σ（四）1-3 + Σ（五）1-5 + （六）.

    Implied by the structure of the official table (spec §6): （七）总计 counts every application handled, each
    under one outcome only (部分公开 counts alone: "区分处理的，只计这一情形，不计其他情形"). （六）其他处理 is one
    row in the 2019 edition and three rows in the 2021 edition; a report is checked with the rows it has.
    """
    outcomes = report.applications.outcomes
    paths, rows = outcome_rows(outcomes)
    totals = APPLICANT_VALUES(outcomes.total)
    columns = list(zip(*map(APPLICANT_VALUES, rows), strict=True))
    for i, parts in enumerate(columns):
        target = totals[i]
        if target is None or None in parts:
            column = APPLICANT_COLUMNS[i]
            cells = (CellRef(_APPL, "outcomes.total", column), *(CellRef(_APPL, p, column) for p in paths))
            out.append(_not_assessable("C1", report.edition, cells, (target, *parts), _sum_known(parts), target))
            continue
        expected = sum(parts)
        if expected != target:
            column = APPLICANT_COLUMNS[i]
            cells = (CellRef(_APPL, "outcomes.total", column), *(CellRef(_APPL, p, column) for p in paths))
            out.append(C1Mismatch(edition=report.edition, cells=cells, expected=expected, actual=target))


@rule(
    "C2",
    title=f"一 + 二 equals {_OUTCOMES_TOTAL} + 四, in every column",
    title_zh=f"第一项加第二项之和等于第三项{_OUTCOMES_TOTAL}加第四项之和",
    severity="error",
    tags=("arithmetic", "applications"),
    emits=(C2Mismatch, NotAssessable),
)
def C2(report: Report, out: list[Finding]) -> None:
    """In every data column of 表三, 一 + 二 = 三（七）总计 + 四.

    Printed in the table's corner cell of both editions: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加
    第四项之和）".
    """
    a = report.applications
    columns = zip(
        APPLICANT_VALUES(a.new_received),
        APPLICANT_VALUES(a.carried_over),
        APPLICANT_VALUES(a.outcomes.total),
        APPLICANT_VALUES(a.carried_forward),
        strict=True,
    )
    for i, (new, old, done, forward) in enumerate(columns):
        if new is None or old is None or done is None or forward is None:
            values = (new, old, done, forward)
            expected = None if new is None or old is None else new + old
            actual = None if done is None or forward is None else done + forward
            out.append(_not_assessable("C2", report.edition, _c2_cells(APPLICANT_COLUMNS[i]), values, expected, actual))
            continue
        if new + old != done + forward:
            out.append(
                C2Mismatch(
                    edition=report.edition,
                    cells=_c2_cells(APPLICANT_COLUMNS[i]),
                    expected=new + old,
                    actual=done + forward,
                )
            )


def _c2_cells(column: str) -> tuple[CellRef, ...]:
    return (
        CellRef(_APPL, "new_received", column),
        CellRef(_APPL, "carried_over", column),
        CellRef(_APPL, "outcomes.total", column),
        CellRef(_APPL, "carried_forward", column),
    )


def applicant_rows(report: Report) -> tuple[tuple[str, ...], list[ApplicantRow]]:
    a = report.applications
    paths, rows = outcome_rows(a.outcomes)
    return (
        ("new_received", "carried_over", *paths, "outcomes.total", "carried_forward"),
        [a.new_received, a.carried_over, *rows, a.outcomes.total, a.carried_forward],
    )


@rule(
    "C3",
    title="总计 equals the sum of the six applicant columns, in every row",
    title_zh="每行总计等于六类申请人之和",
    severity="error",
    tags=("arithmetic", "applications"),
    emits=(C3Mismatch, NotAssessable),
)
def C3(report: Report, out: list[Finding]) -> None:
    """In every data row of 表三, 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他.

    Implied by the header of the official table: 申请人情况 is split into 自然人 and the five kinds of 法人或其他组织,
    and 总计 is their total; there is no 法人或其他组织 subtotal column.
    """
    paths, rows = applicant_rows(report)
    for index, values in enumerate(map(APPLICANT_VALUES, rows)):
        if None in values:
            path = paths[index]
            parts = values[:6]
            cells = (CellRef(_APPL, path, "total"), *(CellRef(_APPL, path, c) for c in APPLICANT_COLUMNS[:6]))
            out.append(_not_assessable("C3", report.edition, cells, (values[6], *parts), _sum_known(parts), values[6]))
            continue
        expected = sum(values[:6])
        if expected != values[6]:
            path = paths[index]
            cells = (CellRef(_APPL, path, "total"), *(CellRef(_APPL, path, c) for c in APPLICANT_COLUMNS[:6]))
            out.append(C3Mismatch(edition=report.edition, cells=cells, expected=expected, actual=values[6]))


@rule(
    "C4",
    title=f"表四 总计 equals {' + '.join(_REVIEW_PARTS)}, in each block",
    title_zh=f"表四各栏总计等于{'、'.join(_REVIEW_PARTS)}之和",
    severity="error",
    tags=("arithmetic", "review_litigation"),
    emits=(C4Mismatch, NotAssessable),
)
def C4(report: Report, out: list[Finding]) -> None:
    """In 表四, for 行政复议, 未经复议直接起诉 and 复议后起诉: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

    Implied by the structure of the official table: each block's four outcomes are exclusive and 总计 is their
    total.
    """
    blocks = GET_REVIEW_ROWS(report.review_litigation)
    for index, block in enumerate(blocks):
        upheld, corrected, other, pending, total = REVIEW_VALUES(block)
        if total is None or upheld is None or corrected is None or other is None or pending is None:
            out.append(
                _not_assessable(
                    "C4",
                    report.edition,
                    _c4_cells(REVIEW_ROWS[index]),
                    (total, upheld, corrected, other, pending),
                    _sum_known((upheld, corrected, other, pending)),
                    total,
                )
            )
            continue
        expected = upheld + corrected + other + pending
        if expected != total:
            out.append(
                C4Mismatch(edition=report.edition, cells=_c4_cells(REVIEW_ROWS[index]), expected=expected, actual=total)
            )


def _c4_cells(row: str) -> tuple[CellRef, ...]:
    return (CellRef(_REVIEW, row, "total"), *(CellRef(_REVIEW, row, c) for c in REVIEW_COLUMNS[:4]))
