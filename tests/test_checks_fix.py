"""Tests of likely fixes: the single cell that would make the failing sums agree."""

from __future__ import annotations

from govdisclosure.checks import CellRef, check, likely_fixes
from govdisclosure.samples import sample_report
from govdisclosure.testing import consistent_report


class TestLikelyFixes:
    """Which cell, which value, and when there is none."""

    def test_outcome_cell(self) -> None:
        """A changed outcome cell breaks C1 and C3; the only cell in both is named."""
        report = consistent_report("2019", seed=8)
        before = report.applications.outcomes.not_processed.repeated.commercial
        assert before is not None
        changed = report.with_cell("applications.outcomes.not_processed.repeated.commercial", before + 4)
        (fix,) = check(changed).fixes
        assert fix.cell == CellRef("applications", "outcomes.not_processed.repeated", "commercial")
        assert (fix.printed, fix.proposed, fix.rules, fix.is_total) == (before + 4, before, ("C1", "C3"), False)
        assert fix.message_en == (
            f"表三 （五）不予处理 2.重复申请 · 商业企业: printed {before + 4}, {before} would make every sum agree"
        )

    def test_total_cell(self) -> None:
        """A changed （七）总计 cell breaks C1, C2 and C3; the fix says what the parts sum to."""
        report = consistent_report("2021", seed=9)
        before = report.applications.outcomes.total.total
        assert before is not None
        (fix,) = check(report.with_cell("applications.outcomes.total.total", before + 1)).fixes
        assert (fix.rules, fix.is_total, fix.proposed) == (("C1", "C2", "C3"), True, before)
        assert fix.message_zh == f"表三 （七）总计 · 总计：填报 {before + 1}，各分项之和为 {before}"

    def test_two_readings(self) -> None:
        """A failing 表四 block can be mended at 总计 or at a part: both are given, the total first."""
        report = sample_report().with_cell("review_litigation.litigation_after_reconsideration.upheld", 5)
        fixes = check(report).fixes
        assert [(x.cell.column, x.printed, x.proposed) for x in fixes] == [("total", 0, 5), ("upheld", 5, 0)]

    def test_two_groups(self) -> None:
        """Independent failures get their own fixes; every reading is listed, printed totals first."""
        report = (
            sample_report()
            .with_cell("review_litigation.reconsideration.upheld", 10)
            .with_cell("review_litigation.reconsideration.corrected", 1)
            .with_cell("review_litigation.litigation_direct.total", 3)
        )
        fixes = check(report).fixes
        assert [(x.cell.row, x.cell.column, x.proposed) for x in fixes] == [
            ("reconsideration", "total", 11),
            ("litigation_direct", "total", 0),
            ("litigation_direct", "upheld", 3),
            ("litigation_direct", "corrected", 3),
            ("litigation_direct", "other", 3),
            ("litigation_direct", "pending", 3),
        ]
        assert [x.group for x in fixes] == [0, 1, 1, 1, 1, 1]
        assert check(report).fix_lines("en") == [
            "表四 行政复议 · 总计: printed 0, the parts sum to 11",
            "表四 未经复议直接起诉 · 总计: printed 3, the parts sum to 0",
            "or one part of 未经复议直接起诉: 结果维持 0→3, 结果纠正 0→3, 其他结果 0→3, 尚未审结 0→3",
        ]

    def test_total_off_by_one(self) -> None:
        """A 表四 total off by one: five readings as data, two lines as text (the total, then the parts)."""
        report = sample_report()
        for column, value in (("upheld", 9), ("corrected", 2), ("other", 1), ("pending", 1), ("total", 12)):
            report = report.with_cell(f"review_litigation.reconsideration.{column}", value)
        result = check(report)
        assert len(result.fixes) == 5
        assert result.fix_lines("zh") == [
            "表四 行政复议 · 总计：填报 12，各分项之和为 13",
            "或改 行政复议 的分项：结果维持 9→8、结果纠正 2→1、其他结果 1→0、尚未审结 1→0",
        ]
        assert result.to_text("en").splitlines()[-3:] == [
            "Likely fix:",
            "  表四 行政复议 · 总计: printed 12, the parts sum to 13",
            "  or one part of 行政复议: 结果维持 9→8, 结果纠正 2→1, 其他结果 1→0, 尚未审结 1→0",
        ]

    def test_no_single_cell(self) -> None:
        """When no single cell mends a group, nothing is proposed."""
        report = (
            consistent_report("2021", seed=10)
            .with_cell("applications.outcomes.granted.natural_person", 500)
            .with_cell("applications.outcomes.granted.total", 900)
        )
        result = check(report)
        assert not result.ok
        assert result.fixes == ()

    def test_no_failures(self) -> None:
        """Nothing failing, nothing to fix."""
        assert likely_fixes(sample_report(), ()) == ()
