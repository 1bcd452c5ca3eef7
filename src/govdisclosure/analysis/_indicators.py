"""Derived indicators: shares and rates computed from 表三 and 表四, each defined by a formula.

Every indicator is a float in [0, 1] (or above 1 for a report that does not add up), or None when an operand is
blank or the denominator is 0. 表三 figures are taken from the 总计 column; a group such as （三）不予公开 is the sum
of its sub-rows (None if any sub-row is blank).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Final

import attrs

from ..model import ApplicantRow, Report, ReviewRow

__all__ = ["INDICATORS", "Indicator", "Indicators", "indicator_frame", "indicators"]


@attrs.frozen(kw_only=True)
class Indicator:
    """The definition of one indicator: key, English description and the formula over the official rows."""

    key: str
    description: str
    formula: str


INDICATORS: Final[tuple[Indicator, ...]] = (
    Indicator(
        key="granted_share",
        description="share of handled requests granted in full or in part",
        formula="(（一）予以公开 + （二）部分公开) / （七）总计",
    ),
    Indicator(
        key="withheld_share",
        description="share of handled requests refused (不予公开)",
        formula="（三）不予公开 / （七）总计",
    ),
    Indicator(
        key="unable_share",
        description="share of handled requests where the information could not be provided",
        formula="（四）无法提供 / （七）总计",
    ),
    Indicator(
        key="not_processed_share",
        description="share of handled requests not processed (不予处理)",
        formula="（五）不予处理 / （七）总计",
    ),
    Indicator(
        key="other_handling_share",
        description="share of handled requests closed otherwise (其他处理)",
        formula="（六）其他处理 / （七）总计",
    ),
    Indicator(
        key="natural_person_share",
        description="share of new requests made by natural persons",
        formula="一、本年新收 (自然人) / 一、本年新收 (总计)",
    ),
    Indicator(
        key="carried_forward_share",
        description="share of the year's workload carried into the next year",
        formula="四、结转下年度 / (一、本年新收 + 二、上年结转)",
    ),
    Indicator(
        key="reconsideration_correction_rate",
        description="share of concluded administrative reconsiderations whose result corrected the body",
        formula="行政复议 结果纠正 / (行政复议 总计 - 行政复议 尚未审结)",
    ),
    Indicator(
        key="litigation_correction_rate",
        description="share of concluded lawsuits (direct and after reconsideration) whose result corrected the body",
        formula="(两类行政诉讼 结果纠正之和) / (两类行政诉讼 总计之和 - 两类行政诉讼 尚未审结之和)",
    ),
)
"""Every indicator, in the order of :class:`Indicators`' fields (the documentation table is built from it)."""


@attrs.frozen(kw_only=True)
class Indicators:
    """The derived indicators of one report (definitions in :data:`INDICATORS`)."""

    granted_share: float | None = None
    withheld_share: float | None = None
    unable_share: float | None = None
    not_processed_share: float | None = None
    other_handling_share: float | None = None
    natural_person_share: float | None = None
    carried_forward_share: float | None = None
    reconsideration_correction_rate: float | None = None
    litigation_correction_rate: float | None = None

    def as_dict(self) -> dict[str, float | None]:
        """Indicator key → value, in definition order."""
        return attrs.asdict(self)


def _add(*values: int | None) -> int | None:
    if any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None)


def _ratio(numerator: int | None, denominator: int | None) -> float | None:
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator


def _group_total(group: Any) -> int | None:
    """总计 column of a row, or the sum of the 总计 column over a group's rows."""
    if isinstance(group, ApplicantRow):
        return group.total
    return _add(*(row.total for _, row in group.rows()))


def _concluded(*blocks: ReviewRow) -> tuple[int | None, int | None]:
    corrected = _add(*(b.corrected for b in blocks))
    total = _add(*(b.total for b in blocks))
    pending = _add(*(b.pending for b in blocks))
    concluded = None if total is None or pending is None else total - pending
    return corrected, concluded


def indicators(report: Report) -> Indicators:
    """Compute the derived indicators of one report.

    >>> from govdisclosure import sample_report
    >>> from govdisclosure.analysis import indicators
    >>> values = indicators(sample_report("example-2019"))
    >>> round(values.granted_share, 3), round(values.reconsideration_correction_rate, 3)
    (0.51, 0.167)
    >>> indicators(sample_report()).granted_share is None  # nothing handled: 0 / 0
    True
    """
    apps = report.applications
    out = apps.outcomes
    handled = out.total.total
    review = report.review_litigation
    rc_corrected, rc_concluded = _concluded(review.reconsideration)
    lit_corrected, lit_concluded = _concluded(review.litigation_direct, review.litigation_after_reconsideration)
    return Indicators(
        granted_share=_ratio(_add(out.granted.total, out.partially_granted.total), handled),
        withheld_share=_ratio(_group_total(out.withheld), handled),
        unable_share=_ratio(_group_total(out.unable_to_provide), handled),
        not_processed_share=_ratio(_group_total(out.not_processed), handled),
        other_handling_share=_ratio(_group_total(out.other_handling), handled),
        natural_person_share=_ratio(apps.new_received.natural_person, apps.new_received.total),
        carried_forward_share=_ratio(
            apps.carried_forward.total, _add(apps.new_received.total, apps.carried_over.total)
        ),
        reconsideration_correction_rate=_ratio(rc_corrected, rc_concluded),
        litigation_correction_rate=_ratio(lit_corrected, lit_concluded),
    )


def indicator_frame(reports: Iterable[Report], *, compute: Callable[[Report], Indicators] = indicators) -> Any:
    """One row per report: ``agency``, ``year``, ``edition`` and every indicator (``Float64``, ``<NA>`` for None).

    Needs the optional ``pandas`` extra.
    """
    from ._frame import _pandas

    pd = _pandas()
    rows: dict[str, list[Any]] = {"agency": [], "year": [], "edition": []}
    rows.update({ind.key: [] for ind in INDICATORS})
    for report in reports:
        rows["agency"].append(report.agency)
        rows["year"].append(report.year)
        rows["edition"].append(report.edition)
        for key, value in compute(report).as_dict().items():
            rows[key].append(value)
    data: dict[str, Any] = {
        "agency": pd.array(rows.pop("agency"), dtype="string"),
        "year": pd.array(rows.pop("year"), dtype="Int64"),
        "edition": pd.array(rows.pop("edition"), dtype="string"),
    }
    data.update({key: pd.array(values, dtype="Float64") for key, values in rows.items()})
    return pd.DataFrame(data)
