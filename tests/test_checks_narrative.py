"""Tests of the narrative rule X3: precise readings of figures in the text, scope words, corpus sentences."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govdisclosure.checks import check, narrative_claims
from govdisclosure.model import Narrative, Report, Subsection
from govdisclosure.testing import consistent_report


def _with_text(text: str, year: int = 2023) -> Report:
    report = consistent_report("2021", seed=11, year=year)
    return report.with_cell(
        "overview", Narrative(subsections=(Subsection(marker="（二）", title="依申请公开", text=text),))
    )


class TestClaims:
    """Which sentences state a figure about the body's own table."""

    @pytest.mark.parametrize(
        ("text", "claims"),
        [
            ("全年新收申请456件，上年结转18件。", [("new",), 456]),
            ("2023年共收到政府信息公开申请 34 件，上年结转政府信息公开申请 2 件。", [("new", "new+old"), 34]),
            ("本机关共受理政府信息公开申请859件，申请数量较去年回落12.3%。", [("new", "new+old"), 859]),
            ("答复政府信息公开申请805件（含上年度结转申请18件）。", [("handled",), 805]),
            ("全年办理政府信息公开申请218件。", [("new", "new+old", "handled"), 218]),
            ("因政府信息公开引起的行政复议案件2件。", [("review",), 2]),
            ("本年度发生行政诉讼案件7件。", [("litigation",), 7]),
            ("２０２３年共收到政府信息公开申请２１件。", [("new", "new+old"), 21]),
        ],
    )
    def test_readings(self, text: str, claims: list[object]) -> None:
        """Each wording maps to the table quantities it may mean."""
        (found,) = narrative_claims(text, 2023)
        assert [found[1], found[2]] == claims

    @pytest.mark.parametrize(
        "text",
        [
            "2020年全区各级行政机关共受理政府信息公开申请21件。",
            "全县全年共受理政府信息公开申请 749 件。",
            "2022年，全区政府信息公开工作方面共有行政诉讼案件1件、行政复议案件2件。",
            "全市各部门共收到政府信息公开申请1200件。",
            "2022年共收到政府信息公开申请30件。",
            "申请数量较去年减少12件。",
            "涉及自然人72件、商业企业3件。",
            "复议后起诉3件。",
            "发布政府信息公开工作年报1件。",
            "比去年收到政府信息公开申请30件有所增加。",
            "与上年同期受理政府信息公开申请12件相比。",
        ],
    )
    def test_not_claims(self, text: str) -> None:
        """Wider scope, another year, and figures that are not the body's totals are ignored."""
        assert narrative_claims(text, 2023) == []


class TestX3:
    """Narrative against table."""

    def test_agreeing(self) -> None:
        """A figure that matches one reading is fine."""
        report = _with_text("")
        total = report.applications.new_received.total
        assert check(_with_text(f"2023年共收到政府信息公开申请{total}件。")).findings == ()

    def test_disagreeing(self) -> None:
        """A figure matching no reading is a warning at the table cell, quoting the sentence."""
        report = _with_text("")
        total = report.applications.new_received.total
        assert total is not None
        result = check(_with_text(f"2023年共收到政府信息公开申请{total + 100}件，均按时答复。"))
        assert result.flatten(["code", "severity", "row", "column"]) == [["X3", "warning", "new_received", "total"]]
        assert result.findings[0].message_zh == (
            f"正文“2023年共收到政府信息公开申请{total + 100}件，均按时答复”称 {total + 100} 件，"
            f"而表三 一、本年新收政府信息公开申请数量 · 总计为 {total}"
        )

    def test_review(self) -> None:
        """行政复议 figures are compared with 表四 行政复议 总计."""
        report = _with_text("")
        total = report.review_litigation.reconsideration.total
        assert total is not None
        result = check(_with_text(f"全年发生政府信息公开行政复议案件{total + 1}件。"))
        assert result.flatten(["code", "row", "column"]) == [["X3", "reconsideration", "total"]]

    def test_blank_table(self) -> None:
        """A figure whose table cell is blank is not assessable."""
        report = _with_text("行政复议3件。").with_cell("review_litigation.reconsideration.total", None)
        (na,) = check(report, select="X3").findings
        assert (na.code, na.rule, na.severity) == ("NA", "X3", "info")
        assert (na.expected, na.actual) == (3, 0)
        assert na.message_zh == (
            "正文“行政复议3件”称 3 件，而表四 行政复议 · 总计空白，无法核对（按空白为 0 计：3 对 0，不符）"
        )
        assert na.message_en == (
            "the narrative says 3 (“行政复议3件”), but 表四 行政复议 · 总计 is blank: X3 cannot be assessed "
            "(reading blanks as 0: 3 against 0, they disagree)"
        )

    def test_blank_table_agrees_as_zero(self) -> None:
        """Read as 0, a blank 行政诉讼 block next to a known one may agree with the narrative: said so."""
        report = (
            _with_text("行政诉讼2件。")
            .with_cell("review_litigation.litigation_direct.total", 2)
            .with_cell("review_litigation.litigation_after_reconsideration.total", None)
        )
        (na,) = check(report, select="X3").findings
        assert (na.blanks, na.expected, na.actual) == (1, 2, 2)
        assert na.message_zh == (
            "正文“行政诉讼2件”称 2 件，而表四 复议后起诉 · 总计空白，无法核对（按空白为 0 计：2 对 2，相符）"
        )
        assert na.message_en.endswith("(reading blanks as 0: 2 against 2, they agree)")


@pytest.mark.corpus
class TestCorpusSentences:
    """Sentences of the real reports: no false alarm, the right readings."""

    @pytest.mark.parametrize(
        ("name", "year", "expected"),
        [
            ("003-pingtan-2020.txt", 2020, []),
            ("005-pingtan-2022.txt", 2022, []),
            ("006-pingtan-2023.txt", 2023, [(("review",), 2), (("litigation",), 7)]),
            ("007-pingtan-2024.txt", 2024, [(("new", "new+old", "handled"), 218)]),
            ("009-shuyang-county-2025.md", 2025, []),
            ("012-hongze-district-2023.txt", 2023, []),
        ],
    )
    def test_claims(self, corpus: Path, name: str, year: int, expected: list[object]) -> None:
        """Scope words (全区, 全县, 各级) silence the city-wide counts; the body's own figures are read."""
        text = (corpus / "real" / name).read_text(encoding="utf-8")
        body = text.split("二、主动公开政府信息情况")[0]
        assert [(c[1], c[2]) for c in narrative_claims(body, year)] == expected

    def test_shanghai(self, corpus: Path) -> None:
        """The 2019 Shanghai office report states 859 received, 805 answered, 7 reviews, 9 suits."""
        text = (corpus / "real" / "001-shanghai-szfbgt-2019.html").read_text(encoding="utf-8")
        plain = re.sub(r"<[^>]+>", "", text)
        claims = [(c[1], c[2]) for c in narrative_claims(plain, 2019)]
        assert claims == [
            (("new", "new+old"), 859),
            (("handled",), 805),
            (("review",), 7),
            (("litigation",), 9),
        ]
