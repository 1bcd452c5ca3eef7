"""The checks on hand-built reports of real corpus documents (tests/corpus_fixtures_checks.py) and the samples."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from corpus_fixtures_checks import hongze_2023, pingtan_2020, shanghai_office_2019

from govdisclosure.checks import check
from govdisclosure.model import Report
from govdisclosure.samples import sample_report


class TestPingtan2020:
    """003: the outcome rows sum to 27 (自然人 26) while （七）总计 is 21 (自然人 20)."""

    def test_c1(self) -> None:
        """Exactly two C1 errors, at （七）总计 · 自然人 and · 总计, with the sums of the parts."""
        result = check(pingtan_2020())
        assert result.flatten(["code", "row", "column", "expected", "actual"]) == [
            ["C1", "outcomes.total", "natural_person", 26, 20],
            ["C1", "outcomes.total", "total", 27, 21],
        ]
        assert [f.message_zh for f in result] == [
            "表三 （七）总计 · 自然人：填报 20，办理结果各项之和为 26（相差 -6）",
            "表三 （七）总计 · 总计：填报 21，办理结果各项之和为 27（相差 -6）",
        ]

    def test_no_single_fix(self) -> None:
        """Two columns are off by the same amount: no single cell mends both, none is proposed."""
        assert check(pingtan_2020()).fixes == ()

    def test_scope_words(self) -> None:
        """ "全区各级行政机关共受理…21件" is a zone-wide count: no narrative finding."""
        assert check(pingtan_2020(), select="X3").findings == ()


class TestHongze2023:
    """012: 表四 复议 and 复议后起诉 do not add up; printed with the single （六） row."""

    def test_findings(self) -> None:
        """Two C4 errors and the layout warning; the district's 21 applications are not flagged."""
        result = check(hongze_2023())
        assert result.flatten(["code", "severity", "row", "column", "expected", "actual"]) == [
            ["C4", "error", "reconsideration", "total", 11, 0],
            ["C4", "error", "litigation_after_reconsideration", "total", 5, 0],
            ["X6", "warning", "outcomes.other_handling", None, None, None],
        ]

    def test_fixes(self) -> None:
        """The fixes name 11 for 行政复议 总计 and 5 for 复议后起诉 总计 (or 结果维持 0, the other reading)."""
        fixes = check(hongze_2023()).fixes
        assert [x.message_en for x in fixes] == [
            "表四 行政复议 · 总计: printed 0, the parts sum to 11",
            "表四 复议后起诉 · 总计: printed 0, the parts sum to 5",
            "表四 复议后起诉 · 结果维持: printed 5, 0 would make every sum agree",
        ]
        assert fixes[0].message_zh == "表四 行政复议 · 总计：填报 0，各分项之和为 11"


class TestShanghaiOffice2019:
    """001: blank cells everywhere, the 总计 column blank for every outcome row."""

    def test_no_false_errors(self) -> None:
        """No error and no warning: blanks are not zeros, and the narrative agrees with the table."""
        result = check(shanghai_office_2019())
        assert result.ok
        assert result.counts["warning"] == 0
        assert {f.code for f in result} == {"NA"}

    def test_not_assessable_totals(self) -> None:
        """C1 is not assessable in every column; the 总计 column lists its 19 blank outcome cells."""
        result = check(shanghai_office_2019()).filter(rule="C1")
        assert [f.location.column for f in result if f.location] == [
            "natural_person",
            "commercial",
            "research",
            "social_welfare",
            "legal_services",
            "other_org",
            "total",
        ]
        total = result.findings[-1]
        assert (
            total.message_zh == "表三 （七）总计 · 总计：C1 无法核对，19 个单元格空白（按空白为 0 计：0 对 805，不符）"
        )
        assert result.findings[0].message_en == (
            "表三 （七）总计 · 自然人: C1 cannot be assessed, 8 blank cells "
            "(reading blanks as 0: 767 against 767, they agree)"
        )

    def test_c2_where_known(self) -> None:
        """C2 holds in the 自然人 and 总计 columns, which are filled: 821 + 18 = 767 + 72, 859 + 18 = 805 + 72."""
        result = check(shanghai_office_2019()).filter(rule="C2")
        assert "natural_person" not in [f.location.column for f in result if f.location]
        assert "total" not in [f.location.column for f in result if f.location]
        assert len(result.findings) == 5

    def test_litigation_blank(self) -> None:
        """ "诉讼9件" cannot be compared: 复议后起诉 is blank."""
        (na,) = check(shanghai_office_2019()).filter(rule="X3").findings
        assert na.label == "表四 复议后起诉 · 总计"


class TestSamples:
    """The seed and the 2019 example pass every rule."""

    @pytest.mark.parametrize("name", ["tacheng-2024", "example-2019"])
    def test_clean(self, name: str) -> None:
        """No finding at all."""
        result = check(sample_report(name))
        assert result.ok
        assert result.findings == ()


def _key_figures(report: Report) -> list[int | None]:
    a, r = report.applications, report.review_litigation
    return [
        a.new_received.total,
        a.carried_over.total,
        a.outcomes.total.total,
        a.carried_forward.total,
        r.reconsideration.total,
        r.litigation_direct.total,
        r.litigation_after_reconsideration.total,
    ]


@pytest.mark.corpus
class TestFixturesAgainstCorpus:
    """The hand-built fixtures carry the key figures the corpus README lists for their documents."""

    @pytest.mark.parametrize(
        ("number", "build"), [("001", shanghai_office_2019), ("003", pingtan_2020), ("012", hongze_2023)]
    )
    def test_key_figures(self, corpus: Path, number: str, build: Callable[[], Report]) -> None:
        """一, 二, （七）, 四 and the three 表四 totals as printed."""
        readme = (corpus / "README.md").read_text(encoding="utf-8")
        line = next(x for x in readme.splitlines() if x.startswith(f"| {number} |") and x.count("|") == 9)
        printed = [None if c.strip() == "null" else int(c) for c in line.split("|")[2:9]]
        assert _key_figures(build()) == printed

    def test_source_runs(self, corpus: Path) -> None:
        """The runs the fixtures were keyed from are in the documents."""
        pingtan = (corpus / "real" / "003-pingtan-2020.txt").read_text(encoding="utf-8")
        assert "（六）其他处理4 0 0 0 0 0 4（七）总计20 0 00 0 121" in pingtan
        hongze = (corpus / "real" / "012-hongze-district-2023.txt").read_text(encoding="utf-8")
        assert "10 1 0 0 0 0 0 0 0 0 5 0 0 0 0" in hongze
