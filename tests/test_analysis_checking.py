"""Tests of govdisclosure.analysis._checking, and of the analysis results against govdisclosure.checks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies_analysis import sub_units, year_sequences

import govdisclosure as g
from govdisclosure import checks
from govdisclosure.analysis import (
    FINDING_COLUMNS,
    ReportCollection,
    aggregate,
    check_all,
    compare_aggregate,
    compare_years,
    findings_frame,
)
from govdisclosure.testing import consistent_report


class TestCheckAll:
    """check_all() and ReportCollection.check()."""

    def test_one_result_per_report_in_order(self) -> None:
        """Each report gets its CheckReport, in input order, serial or parallel."""
        reports = [consistent_report(seed=s) for s in range(5)]
        reports[2] = reports[2].with_cell("applications.outcomes.total.total", 0)
        serial = [r.codes() for r in check_all(reports)]
        parallel = [r.codes() for r in check_all(reports, workers=2, chunk_size=1)]
        assert serial == parallel
        assert serial[2] != []
        assert [i for i, codes in enumerate(serial) if codes] == [2]

    def test_options_passed(self) -> None:
        """check() options such as select reach the rules."""
        bad = consistent_report(seed=1).with_cell("applications.outcomes.total.total", 0)
        (result,) = check_all([bad], select="C1")
        assert set(result.codes()) == {"C1"}

    def test_collection_check(self) -> None:
        """The collection streams one CheckReport per readable report."""
        corpus = ReportCollection.from_reports([consistent_report(seed=s) for s in range(3)])
        assert [r.ok for r in corpus.check()] == [True, True, True]


class TestFindingsFrame:
    """findings_frame()."""

    def test_columns_and_rows(self) -> None:
        """One row per finding, with the main cell's keys and label."""
        pytest.importorskip("pandas")
        bad = consistent_report(seed=2).with_cell("review_litigation.reconsideration.upheld", 99)
        frame = findings_frame([consistent_report(seed=1), bad], fixes=False)
        assert list(frame.columns) == list(FINDING_COLUMNS)
        assert len(frame) == 1
        row = frame.iloc[0]
        assert (row["code"], row["severity"], row["label"]) == ("C4", "error", "表四 行政复议 · 总计")
        assert row["message"] == checks.check(bad).findings[0].message_en

    def test_chinese_messages(self) -> None:
        """lang='zh' gives the Chinese message."""
        pytest.importorskip("pandas")
        bad = consistent_report(seed=2).with_cell("review_litigation.reconsideration.upheld", 99)
        frame = findings_frame([bad], lang="zh")
        assert frame["message"].tolist() == [checks.check(bad).findings[0].message_zh]

    def test_bad_lang(self) -> None:
        """Only en and zh."""
        pytest.importorskip("pandas")
        with pytest.raises(ValueError, match="lang must be 'en' or 'zh', got 'fr'"):
            findings_frame([], lang="fr")


class TestAgainstChecks:
    """The analysis results agree with the rules of govdisclosure.checks."""

    @given(year_sequences(), st.data())
    @settings(max_examples=30, deadline=None)
    def test_continuity_findings_agree(self, reports: list[g.Report], data: st.DataObject) -> None:
        """compare_years' X1/X2 findings are the cells of the checks' X1/X2 findings."""
        index = data.draw(st.integers(min_value=1, max_value=len(reports) - 1))
        column = data.draw(st.sampled_from(g.ApplicantRow.FIELDS))
        broken = list(reports)
        broken[index] = broken[index].with_cell(f"applications.carried_over.{column}", 1000)
        result = compare_years(broken)
        ours = [(f.code, f.year, f.path) for f in result.findings]
        theirs = [
            (f.code, int(f.cells[0].report.rsplit(" ", 1)[1]), f.cells[0].path)  # type: ignore[union-attr]
            for f in result.check_report().findings
            if f.code in ("X1", "X2")
        ]
        assert ours == theirs

    def test_check_report_uses_matched_names(self) -> None:
        """Bodies matched by normalised name are checked as one body."""
        first = consistent_report(seed=1, year=2022, agency="某某县 人民政府").with_cell(
            "applications.carried_forward.total", 3
        )
        second = consistent_report(seed=2, year=2023, agency="某某县人民政府").with_cell(
            "applications.carried_over.total", 5
        )
        report = compare_years([first, second]).check_report()
        x1 = [f for f in report.findings if f.code == "X1" and f.cells[0].column == "total"]
        assert [(f.expected, f.actual) for f in x1] == [(3, 5)]

    @given(sub_units(blanks=False), st.data())
    @settings(max_examples=20, deadline=None)
    def test_aggregation_agrees_with_a1(self, units: list[g.Report], data: st.DataObject) -> None:
        """compare_aggregate finds the same count cells as the checks' aggregation rule A1."""
        parent = aggregate(units, agency="区").report
        paths = [f"{t}.{r}.{c}" for t, r, c, v in parent.cells() if type(v) is int]
        path = data.draw(st.sampled_from(paths))
        parent = parent.with_cell(path, parent.get(path) + 1)
        ours = [d.path for d in compare_aggregate(parent, units)]
        theirs = [f.cells[0].path for f in checks.check_aggregation(parent, units).findings if f.code == "A1"]
        assert ours == theirs == [path]
