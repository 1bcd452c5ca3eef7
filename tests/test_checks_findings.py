"""Tests of findings, cell references, labels, likely fixes and the check report."""

from __future__ import annotations

import json

import pytest

from govdisclosure.checks import (
    C4Mismatch,
    CellRef,
    CheckReport,
    ConsistencyError,
    LikelyFix,
    NotAssessable,
    cell_label,
    check,
)
from govdisclosure.errors import GovDisclosureError
from govdisclosure.samples import sample_report


def _c4() -> C4Mismatch:
    cells = (
        CellRef("review_litigation", "reconsideration", "total"),
        *(CellRef("review_litigation", "reconsideration", c) for c in ("upheld", "corrected", "other", "pending")),
    )
    return C4Mismatch(cells=cells, expected=11, actual=0)


def _report() -> CheckReport:
    fix = LikelyFix(cell=_c4().cells[0], printed=0, proposed=11, rules=("C4",), is_total=True)
    na = NotAssessable(of_rule="C1", cells=(CellRef("applications", "outcomes.total", "research"),), blanks=3)
    return CheckReport(findings=(_c4(), na), fixes=(fix,), subject="某区人民政府 2023")


class TestCellRef:
    """Cell references and their official labels."""

    def test_path(self) -> None:
        """The path is the canonical one accepted by Report.get."""
        assert CellRef("applications", "outcomes.withheld.state_secret", "total").path == (
            "applications.outcomes.withheld.state_secret.total"
        )
        assert CellRef("review_litigation", "litigation_direct").path == "review_litigation.litigation_direct"

    @pytest.mark.parametrize(
        ("cell", "edition", "label"),
        [
            (CellRef("applications", "outcomes.total", "natural_person"), "2021", "表三 （七）总计 · 自然人"),
            (
                CellRef("applications", "outcomes.other_handling.other", "total"),
                "2021",
                "表三 （六）其他处理 3.其他 · 总计",
            ),
            (CellRef("applications", "outcomes.other_handling", "total"), "2021", "表三 （六）其他处理 · 总计"),
            (CellRef("applications", "outcomes.other_handling", "total"), "2019", "表三 （六）其他处理 · 总计"),
            (
                CellRef("active_disclosure", "normative_documents", "in_force"),
                "2021",
                "表二 行政规范性文件 · 现行有效件数",
            ),
            (CellRef("active_disclosure", "normative_documents"), "2019", "表二 规范性文件"),
            (
                CellRef("review_litigation", "litigation_after_reconsideration", "pending"),
                "2019",
                "表四 复议后起诉 · 尚未审结",
            ),
            (
                CellRef("applications", "carried_over", "total", "某区 2022"),
                "2021",
                "某区 2022 表三 二、上年结转政府信息公开申请数量 · 总计",
            ),
        ],
    )
    def test_labels(self, cell: CellRef, edition: str, label: str) -> None:
        """Labels come from the layout registry, with the parent group for nested rows."""
        assert cell_label(cell, edition) == label


class TestFinding:
    """Class-level metadata, facts on the instance, computed messages."""

    def test_metadata(self) -> None:
        """Code, title and severity live on the class."""
        finding = _c4()
        assert (finding.code, finding.rule, finding.severity) == ("C4", "C4", "error")
        assert C4Mismatch.code == "C4"
        assert finding.location == CellRef("review_litigation", "reconsideration", "total")
        assert finding.difference == -11

    def test_messages_are_not_stored(self) -> None:
        """Instances hold no message attribute: messages are computed."""
        names = {a.name for a in type(_c4()).__attrs_attrs__}
        assert names == {"edition", "cells", "expected", "actual"}

    def test_not_assessable_rule(self) -> None:
        """A not-assessable finding has its own code and names the rule it could not assess."""
        na = _report().findings[1]
        assert (na.code, na.rule, na.severity) == ("NA", "C1", "info")
        assert na.message_en == "表三 （七）总计 · 科研机构: C1 cannot be assessed, 3 blank cells"


class TestCheckReport:
    """The report of a check: ok, counts, filter, flatten, text, dict and JSON."""

    def test_counts(self) -> None:
        """Counts by severity, and ok only without errors."""
        report = _report()
        assert report.counts == {"error": 1, "warning": 0, "info": 1}
        assert not report.ok
        assert report.filter(severity="info").ok
        assert report.codes() == ["C4", "NA"]

    def test_filter(self) -> None:
        """Filters by code, rule, severity, minimum severity and table."""
        report = _report()
        assert report.filter(code="NA").codes() == ["NA"]
        assert report.filter(rule=["C1"]).codes() == ["NA"]
        assert report.filter(min_severity="error").codes() == ["C4"]
        assert report.filter(table="review_litigation").codes() == ["C4"]
        assert report.filter(table="applications", severity="error").codes() == []

    def test_flatten(self) -> None:
        """Rows for tabular assertions."""
        assert _report().flatten() == [
            ["C4", "review_litigation", "reconsideration", "total"],
            ["NA", "applications", "outcomes.total", "research"],
        ]
        assert _report().flatten(["rule", "expected", "actual"]) == [["C4", 11, 0], ["C1", None, None]]

    def test_text(self) -> None:
        """A plain-text table; numbers are kept as printed."""
        assert _report().to_text("en") == (
            "某区人民政府 2023: 1 error(s), 0 warning(s), 1 info\n"
            "code    severity    message\n"
            "------  ----------  " + "-" * 90 + "\n"
            "C4      error       表四 行政复议 · 总计: printed 0, "
            "结果维持 + 结果纠正 + 其他结果 + 尚未审结 sum to 11 (-11)\n"
            "NA(C1)  info        表三 （七）总计 · 科研机构: C1 cannot be assessed, 3 blank cells\n"
            "Likely fix:\n"
            "  表四 行政复议 · 总计: printed 0, the parts sum to 11"
        )
        assert _report().to_text("zh", fixes=False).splitlines()[0] == "某区人民政府 2023：错误 1，警告 0，提示 1"

    def test_json(self) -> None:
        """The dict form round-trips through JSON, with labels and both messages."""
        data = json.loads(_report().to_json())
        assert data["ok"] is False
        assert data["findings"][0]["location"] == "表四 行政复议 · 总计"
        assert data["findings"][0]["cells"][1]["label"] == "表四 行政复议 · 结果维持"
        assert data["findings"][1]["rule"] == "C1"
        assert data["fixes"] == [
            {
                "table": "review_litigation",
                "row": "reconsideration",
                "column": "total",
                "label": "表四 行政复议 · 总计",
                "printed": 0,
                "proposed": 11,
                "rules": ["C4"],
                "group": 0,
                "message_zh": "表四 行政复议 · 总计：填报 0，各分项之和为 11",
                "message_en": "表四 行政复议 · 总计: printed 0, the parts sum to 11",
            }
        ]


class TestLikelyFix:
    """Messages of a likely fix."""

    def test_part_reading(self) -> None:
        """A part that would mend the sums is worded as such."""
        fix = LikelyFix(
            cell=CellRef("review_litigation", "reconsideration", "upheld"),
            printed=5,
            proposed=0,
            rules=("C4",),
            is_total=False,
        )
        assert fix.message_zh == "表四 行政复议 · 结果维持：填报 5，若为 0 则各项相符"
        assert fix.message_en == "表四 行政复议 · 结果维持: printed 5, 0 would make every sum agree"


class TestFixLines:
    """How the likely fixes read as text."""

    @staticmethod
    def _fix(row: str, column: str, *, is_total: bool = False, group: int = 0) -> LikelyFix:
        cell = CellRef("applications", row, column)
        return LikelyFix(cell=cell, printed=3, proposed=2, rules=("C1",), is_total=is_total, group=group)

    def test_parts_in_the_total_column(self) -> None:
        """Parts in the total's column are named by their row."""
        fixes = (
            self._fix("outcomes.total", "research", is_total=True),
            self._fix("outcomes.granted", "research"),
            self._fix("outcomes.withheld.state_secret", "research"),
        )
        assert CheckReport(fixes=fixes).fix_lines("zh") == [
            "表三 （七）总计 · 科研机构：填报 3，各分项之和为 2",
            "或改 科研机构 的分项：（一）予以公开 3→2、（三）不予公开 1.属于国家秘密 3→2",
        ]

    def test_parts_in_the_total_row(self) -> None:
        """Parts in the total's row (表四 复议后起诉) are tied to that row in both languages."""
        total = CellRef("review_litigation", "litigation_after_reconsideration", "total")
        part = CellRef("review_litigation", "litigation_after_reconsideration", "upheld")
        fixes = (
            LikelyFix(cell=total, printed=0, proposed=5, rules=("C4",), is_total=True),
            LikelyFix(cell=part, printed=5, proposed=0, rules=("C4",), is_total=False),
        )
        assert CheckReport(fixes=fixes).fix_lines("zh") == [
            "表四 复议后起诉 · 总计：填报 0，各分项之和为 5",
            "或改 复议后起诉 的分项：结果维持 5→0",
        ]
        assert CheckReport(fixes=fixes).fix_lines("en")[1] == "or one part of 复议后起诉: 结果维持 5→0"

    def test_parts_of_neither(self) -> None:
        """Parts sharing neither the total's row nor its column are listed without a block."""
        fixes = (
            self._fix("outcomes.total", "research", is_total=True),
            self._fix("outcomes.granted", "research"),
            self._fix("new_received", "commercial"),
        )
        assert CheckReport(fixes=fixes).fix_lines("zh")[1] == (
            "或改分项：（一）予以公开 3→2、表三 一、本年新收政府信息公开申请数量 · 商业企业 3→2"
        )

    def test_parts_without_a_total(self) -> None:
        """Alternative parts with no total reading are named in full; a lone part keeps its own message."""
        fixes = (
            self._fix("outcomes.granted", "research"),
            self._fix("new_received", "commercial"),
            self._fix("carried_over", "total", group=1),
        )
        assert CheckReport(fixes=fixes).fix_lines("en") == [
            "one of: 表三 （一）予以公开 · 科研机构 3→2, 表三 一、本年新收政府信息公开申请数量 · 商业企业 3→2",
            "表三 二、上年结转政府信息公开申请数量 · 总计: printed 3, 2 would make every sum agree",
        ]


class TestConsistencyError:
    """One error carrying every error finding."""

    def test_carries_errors(self) -> None:
        """Subclass of the library's root error; one line naming every error."""
        error = ConsistencyError(_report())
        assert isinstance(error, GovDisclosureError)
        assert error.findings == (_c4(),)
        assert str(error) == (
            "某区人民政府 2023: 1 consistency error: C4 表四 行政复议 · 总计: printed 0, "
            "结果维持 + 结果纠正 + 其他结果 + 尚未审结 sum to 11 (-11)"
        )

    def test_from_check(self) -> None:
        """A real report with two bad cells gives two errors in one exception."""
        bad = (
            sample_report()
            .with_cell("review_litigation.reconsideration.upheld", 2)
            .with_cell("review_litigation.litigation_direct.total", 1)
        )
        with pytest.raises(ConsistencyError) as info:
            raise ConsistencyError(check(bad))
        assert [f.code for f in info.value.findings] == ["C4", "C4"]
