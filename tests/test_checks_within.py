"""Tests of the arithmetic rules inside one report: C1, C2, C3, C4 and not-assessable findings."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies_checks import Change, arithmetic_cells, consistent_reports, expected_codes, single_changes

from govdisclosure.checks import C1Mismatch, CellRef, NotAssessable, check
from govdisclosure.checks._within import outcome_rows
from govdisclosure.model import ApplicantRow, OtherHandling, Report
from govdisclosure.samples import sample_report
from govdisclosure.testing import consistent_report


class TestConsistentReports:
    """Reports consistent by construction give no error."""

    @given(consistent_reports())
    @settings(max_examples=60, deadline=None)
    def test_no_findings(self, report: Report) -> None:
        """No error, no warning, nothing not assessable."""
        result = check(report)
        assert result.ok
        assert result.findings == ()
        assert result.fixes == ()

    def test_samples(self) -> None:
        """Both bundled samples pass every rule."""
        for name in ("tacheng-2024", "example-2019"):
            assert check(sample_report(name)).findings == ()


class TestSingleChange:
    """Changing one cell gives exactly the expected codes, at that cell, and the likely fix names it."""

    @given(single_changes())
    @settings(max_examples=150, deadline=None)
    def test_codes_at_the_cell(self, change: Change) -> None:
        """The error codes are those of the equations the cell takes part in, and every error involves the cell."""
        result = check(change.changed)
        cell = CellRef(change.table, change.row, change.column)
        assert {f.code for f in result.errors} == expected_codes(change.table, change.row)
        assert all(cell in f.cells for f in result.findings)
        assert result.counts == {"error": len(result.findings), "warning": 0, "info": 0}

    @given(single_changes())
    @settings(max_examples=150, deadline=None)
    def test_likely_fix(self, change: Change) -> None:
        """A fix names the changed cell, its printed value and its original value."""
        fixes = check(change.changed).fixes
        matching = [x for x in fixes if x.cell == CellRef(change.table, change.row, change.column)]
        assert len(matching) == 1
        assert (matching[0].printed, matching[0].proposed) == (change.after, change.before)
        if change.table == "applications":
            assert len(fixes) == 1

    @given(consistent_reports(), st.data())
    @settings(max_examples=60, deadline=None)
    def test_blank_cell(self, report: Report, data: st.DataObject) -> None:
        """A blank cell makes its rules not assessable: infos, never an error."""
        table, row, column, _ = data.draw(st.sampled_from(arithmetic_cells(report)))
        result = check(report.with_cell(f"{table}.{row}.{column}", None))
        assert result.errors == ()
        assert {f.rule for f in result.findings} == expected_codes(table, row)
        assert all(isinstance(f, NotAssessable) and f.blanks == 1 for f in result.findings)
        assert all(CellRef(table, row, column) in f.cells for f in result.findings)


class TestC1:
    """（七）总计 against the outcome rows."""

    def test_outcome_rows_by_edition(self) -> None:
        """The （六） is one row in 2019 and three rows in 2021."""
        paths_2019, _ = outcome_rows(consistent_report("2019").applications.outcomes)
        paths_2021, rows_2021 = outcome_rows(consistent_report("2021").applications.outcomes)
        assert (len(paths_2019), len(paths_2021), len(rows_2021)) == (19, 21, 21)
        assert paths_2019[-1] == "outcomes.other_handling"

    def test_message(self) -> None:
        """The message names the cell by its official labels and gives both values."""
        report = sample_report().with_cell("applications.outcomes.total.natural_person", 3)
        c1 = next(f for f in check(report).findings if f.code == "C1")
        assert isinstance(c1, C1Mismatch)
        assert c1.message_zh == "表三 （七）总计 · 自然人：填报 3，办理结果各项之和为 0（相差 +3）"
        assert c1.message_en == "表三 （七）总计 · 自然人: printed 3, the outcome rows sum to 0 (+3)"
        assert (c1.expected, c1.actual, len(c1.cells)) == (0, 3, 22)

    def test_single_row_in_2021(self) -> None:
        """A 2021 report printed with one （六） row is summed with that row."""
        report = consistent_report("2021", seed=3)
        other = report.applications.outcomes.other_handling
        assert isinstance(other, OtherHandling)
        parts = [sum(getattr(row, c) for _, row in other) for c in ApplicantRow.PARTS]
        single = ApplicantRow.of(*parts)
        changed = report.with_cell("applications.outcomes.other_handling", single)
        assert check(changed, select="arithmetic").findings == ()
        assert check(changed).codes() == ["X6"]


class TestC2:
    """一 + 二 against （七） + 四."""

    def test_message(self) -> None:
        """The column is named; both sides are given."""
        report = sample_report().with_cell("applications.carried_forward.research", 2)
        c2 = next(f for f in check(report).findings if f.code == "C2")
        assert c2.message_zh == "表三 科研机构列：一+二 = 0，（七）总计+四 = 2（相差 +2）"
        assert c2.message_en == "表三 column 科研机构: 一 + 二 = 0 but （七）总计 + 四 = 2 (+2)"


class TestC3C4:
    """Row totals of 表三 and block totals of 表四."""

    def test_c3_message(self) -> None:
        """A nested row is labelled with its group."""
        report = sample_report().with_cell("applications.outcomes.withheld.state_secret.commercial", 1)
        c3 = next(f for f in check(report).findings if f.code == "C3")
        assert c3.message_zh == "表三 （三）不予公开 1.属于国家秘密 · 总计：填报 0，六类申请人之和为 1（相差 -1）"

    def test_c4_message(self) -> None:
        """表四 blocks are labelled by their official names."""
        report = sample_report().with_cell("review_litigation.litigation_direct.total", 4)
        (c4,) = check(report).findings
        assert c4.message_en == (
            "表四 未经复议直接起诉 · 总计: printed 4, 结果维持 + 结果纠正 + 其他结果 + 尚未审结 sum to 0 (+4)"
        )

    def test_not_assessable_message(self) -> None:
        """Not assessable says how many cells are blank and what a blank-as-0 reading gives."""
        report = sample_report().with_cell("review_litigation.reconsideration.upheld", None)
        (na,) = check(report).findings
        assert (na.code, na.rule, na.severity) == ("NA", "C4", "info")
        assert na.message_zh == "表四 行政复议 · 总计：C4 无法核对，1 个单元格空白（按空白为 0 计：0 对 0，相符）"
        assert na.message_en == (
            "表四 行政复议 · 总计: C4 cannot be assessed, 1 blank cell (reading blanks as 0: 0 against 0, they agree)"
        )
