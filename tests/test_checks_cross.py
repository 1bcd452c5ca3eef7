"""Tests of the rules across reports: continuity (X1), in-force stock (X2), aggregation (A1)."""

from __future__ import annotations

from decimal import Decimal

import attrs
from hypothesis import given, settings
from strategies_checks import consistent_reports

from govdisclosure.checks import check_across, check_aggregation, check_continuity, check_in_force
from govdisclosure.model import ApplicantRow, DocumentCounts2021, Report
from govdisclosure.testing import consistent_report


def _pair() -> tuple[Report, Report]:
    """Two consecutive years of one body, 四 of the first carried into 二 of the second."""
    before = consistent_report("2021", seed=21, year=2022, agency="某某县人民政府")
    after = consistent_report("2021", seed=22, year=2023, agency="某某县人民政府")
    after = after.with_cell("applications.carried_over", before.applications.carried_forward)
    return before, after


def _stock(before: Report, after: Report, in_force: int) -> tuple[Report, Report]:
    before = before.with_cell(
        "active_disclosure.normative_documents", DocumentCounts2021(issued=3, repealed=1, in_force=40)
    )
    after = after.with_cell(
        "active_disclosure.normative_documents", DocumentCounts2021(issued=5, repealed=2, in_force=in_force)
    )
    return before, after


class TestContinuity:
    """二 of N+1 = 四 of N."""

    def test_continuous(self) -> None:
        """Carried figures that agree give nothing; unrelated bodies and years are not paired."""
        before, after = _pair()
        other = consistent_report("2021", seed=3, year=2024, agency="另一机关")
        assert check_continuity([after, other, before]).findings == ()

    @given(consistent_reports(), consistent_reports())
    @settings(max_examples=40, deadline=None)
    def test_property(self, first: Report, second: Report) -> None:
        """Any year N+1 whose 二 is the 四 of year N passes; any other 二 fails exactly where it differs."""
        before = attrs.evolve(first, agency="甲", year=2021)
        after = attrs.evolve(second, agency="甲", year=2022)
        differs = {
            c
            for c in ApplicantRow.FIELDS
            if getattr(before.applications.carried_forward, c) != getattr(after.applications.carried_over, c)
        }
        result = check_continuity([before, after])
        assert {f.cells[0].column for f in result} == differs
        joined = after.with_cell("applications.carried_over", before.applications.carried_forward)
        assert check_continuity([before, joined]).findings == ()

    def test_break(self) -> None:
        """A different carried-over figure is a warning naming both reports."""
        before, after = _pair()
        forward = before.applications.carried_forward.natural_person
        assert forward is not None
        after = after.with_cell("applications.carried_over.natural_person", forward + 2)
        (finding,) = check_continuity([before, after]).filter(code="X1").findings
        assert [c.path for c in finding.cells] == [
            "applications.carried_over.natural_person",
            "applications.carried_forward.natural_person",
        ]
        assert [c.report for c in finding.cells] == ["某某县人民政府 2023", "某某县人民政府 2022"]
        assert (finding.expected, finding.actual, finding.severity) == (forward, forward + 2, "warning")
        assert finding.message_en == (
            f"某某县人民政府 2023 表三 二、上年结转政府信息公开申请数量 · 自然人: printed {forward + 2}, "
            f"but the previous year's 四、结转下年度继续办理 is {forward}"
        )

    def test_blank(self) -> None:
        """A blank carried figure is not assessable."""
        before, after = _pair()
        after = after.with_cell("applications.carried_over", ApplicantRow.filled(None))
        result = check_continuity([before, after])
        assert {(f.code, f.rule) for f in result} == {("NA", "X1")}
        assert len(result.findings) == 7


class TestInForce:
    """现行有效件数 follows from last year's."""

    def test_consistent(self) -> None:
        """40 + 5 - 2 = 43."""
        assert check_in_force(_stock(*_pair(), in_force=43)).findings == ()

    def test_mismatch(self) -> None:
        """Any other figure is a warning with the expected stock."""
        (finding,) = check_in_force(_stock(*_pair(), in_force=50)).findings
        assert (finding.code, finding.expected, finding.actual) == ("X2", 43, 50)
        assert finding.message_zh == (
            "某某县人民政府 2023 表二 行政规范性文件 · 现行有效件数：填报 50，"
            "上年现行有效件数加本年制发件数减本年废止件数为 43（相差 +7）"
        )

    def test_2019_edition_skipped(self) -> None:
        """The 2019 edition has no in-force stock."""
        before = consistent_report("2019", seed=1, year=2019, agency="甲")
        after = consistent_report("2019", seed=2, year=2020, agency="甲")
        assert check_in_force([before, after]).findings == ()

    def test_across(self) -> None:
        """check_across runs X1 and X2 together."""
        before, after = _stock(*_pair(), in_force=50)
        after = after.with_cell("applications.carried_over.research", 99)
        assert check_across([before, after]).codes() == ["X1", "X2"]


def _units() -> tuple[Report, list[Report]]:
    units = [consistent_report("2021", seed=s, agency=f"某某县第{s}局") for s in (31, 32, 33)]
    parent = units[0]
    for path in (p for p in (f"{t}.{r}.{c}" for t, r, c, _ in units[0].cells()) if not path_is_amount(p)):
        parent = parent.with_cell(path, sum(u.get(path) for u in units))
    return attrs.evolve(parent, agency="某某县人民政府"), units


def path_is_amount(path: str) -> bool:
    """Amounts are not summed by the aggregation rule."""
    return path.endswith(".amount")


class TestAggregation:
    """A parent report against the sum of its sub-units."""

    def test_sum(self) -> None:
        """A parent built as the sum passes."""
        parent, units = _units()
        assert check_aggregation(parent, units).findings == ()

    def test_mismatch(self) -> None:
        """A cell off the sum is a warning at the parent's cell."""
        parent, units = _units()
        total = parent.review_litigation.reconsideration.total
        assert total is not None
        parent = parent.with_cell("review_litigation.reconsideration.total", total + 1)
        (finding,) = check_aggregation(parent, units).findings
        assert finding.message_en == (
            f"某某县人民政府 2023 表四 行政复议 · 总计: printed {total + 1}, the 3 sub-units sum to {total}"
        )

    def test_blank_unit(self) -> None:
        """A blank cell in a sub-unit makes that cell not assessable; amounts are ignored."""
        parent, units = _units()
        units[1] = units[1].with_cell("applications.outcomes.granted.research", None)
        units[2] = units[2].with_cell("active_disclosure.fees.amount", Decimal("1.5"))
        result = check_aggregation(parent, units)
        assert result.flatten(["code", "rule", "row", "column"]) == [["NA", "A1", "outcomes.granted", "research"]]
