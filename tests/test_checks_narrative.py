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
            ("全年共收到政府信息公开申请二十一件，均按时答复。", [("new", "new+old"), 21]),
            ("全年办理政府信息公开申请一百零五件。", [("new", "new+old", "handled"), 105]),
            ("因政府信息公开引起的行政复议案件两件。", [("review",), 2]),
            ("本年度发生行政诉讼案件十件。", [("litigation",), 10]),
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
            "全年共收到政府信息公开申请十余件。",
            "全年共收到政府信息公开申请数十件。",
            "全年共受理政府信息公开申请三五件。",
            "收到政府信息公开申请一件一件认真办理。",
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

    def test_chinese_numerals(self) -> None:
        """A figure written in Chinese numerals is read and compared like one written in digits."""
        report = _with_text("")
        total = report.applications.new_received.total
        assert total is not None
        assert total != 1005
        result = check(_with_text("2023年共收到政府信息公开申请一千零五件。"))
        assert result.flatten(["code", "row", "column"]) == [["X3", "new_received", "total"]]
        assert "称 1005 件" in result.findings[0].message_zh

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


def _pingtan_like(text: str) -> Report:
    """A report with the totals of 006 (新收 81, 结转 0, 办结 81, 复议 2, 直接起诉 5, 复议后起诉 2) and ``text``."""
    cells = {
        "applications.new_received.total": 81,
        "applications.carried_over.total": 0,
        "applications.outcomes.total.total": 81,
        "review_litigation.reconsideration.total": 2,
        "review_litigation.litigation_direct.total": 5,
        "review_litigation.litigation_after_reconsideration.total": 2,
    }
    report = _with_text(text)
    for path, value in cells.items():
        report = report.with_cell(path, value)
    return report


class TestFalseAlarms:
    """Sentences of real reports that are not about 表三 / 表四's quantities, or name one block: no finding."""

    @pytest.mark.parametrize(
        "text",
        [
            "2023年，本机关收到行政复议申请3件，均已办结。",
            "共受理行政复议申请2件。",
            "全年受理行政许可申请2629件，办结率100%。",
            "接收群众来信申请12件。",
            "办理人大代表建议和政协提案答复申请45件。",
            "受理依申请公开事项81件，受理公开申请2件的补正。",
            "其中复议后起诉的行政诉讼2件。",
            "经复议后起诉的行政诉讼2件。",
            "未经复议直接起诉的行政诉讼5件。",
            "直接起诉的行政诉讼案件5件。",
            "被提起行政诉讼7件。",
        ],
    )
    def test_no_finding(self, text: str) -> None:
        """The sentence agrees with the table or is not a claim about it."""
        assert check(_pingtan_like(text), select="X3").findings == ()

    @pytest.mark.parametrize(
        ("text", "claims"),
        [
            ("2023年，本机关收到行政复议申请3件。", []),
            ("全年受理行政许可申请2629件。", []),
            ("接收群众来信申请12件。", []),
            ("办理人大代表建议和政协提案答复申请45件。", []),
            ("受理依申请公开事项81件，受理公开申请2件的补正。", [(("new", "new+old"), 81)]),
            ("办结依申请公开81件。", [(("handled",), 81)]),
            ("其中复议后起诉的行政诉讼2件。", [(("litigation_after",), 2)]),
            ("未经复议直接起诉的行政诉讼5件。", [(("litigation_direct",), 5)]),
            ("未经复议直接起诉和复议后起诉的行政诉讼共7件。", [(("litigation",), 7)]),
        ],
    )
    def test_readings(self, text: str, claims: list[object]) -> None:
        """Other requests are no claim; the figure attached to the disclosure requests is; 诉讼 names its block."""
        assert [(c[1], c[2]) for c in narrative_claims(text, 2023)] == claims


class TestStillFires:
    """Real disagreements are still reported, against the right row(s)."""

    def test_received(self) -> None:
        """共收到政府信息公开申请90件 against 新收 81."""
        (finding,) = check(_pingtan_like("共收到政府信息公开申请90件。"), select="X3").findings
        assert finding.message_zh == (
            "正文“共收到政府信息公开申请90件”称 90 件，而表三 一、本年新收政府信息公开申请数量 · 总计为 81"
        )

    def test_request_matters(self) -> None:
        """受理依申请公开事项90件 is a disclosure figure too."""
        (finding,) = check(_pingtan_like("受理依申请公开事项90件。"), select="X3").findings
        assert (finding.expected, finding.actual) == (90, 81)

    def test_after_reconsideration(self) -> None:
        """复议后起诉的行政诉讼3件 is compared with 复议后起诉 only."""
        (finding,) = check(_pingtan_like("复议后起诉的行政诉讼3件。"), select="X3").findings
        assert finding.cells[0].row == "litigation_after_reconsideration"
        assert finding.message_zh == "正文“复议后起诉的行政诉讼3件”称 3 件，而表四 复议后起诉 · 总计为 2"
        assert finding.message_en == "the narrative says 3 (“复议后起诉的行政诉讼3件”), but 表四 复议后起诉 · 总计 is 2"

    def test_direct(self) -> None:
        """未经复议直接起诉的行政诉讼7件 is compared with 未经复议直接起诉 only."""
        (finding,) = check(_pingtan_like("未经复议直接起诉的行政诉讼7件。"), select="X3").findings
        assert finding.message_zh == ("正文“未经复议直接起诉的行政诉讼7件”称 7 件，而表四 未经复议直接起诉 · 总计为 5")

    def test_sum_names_both_rows(self) -> None:
        """A bare 行政诉讼 figure is compared with the sum, and the message names both rows."""
        (finding,) = check(_pingtan_like("涉及行政诉讼案件5件。"), select="X3").findings
        assert (finding.expected, finding.actual) == (5, 7)
        assert finding.message_zh == (
            "正文“涉及行政诉讼案件5件”称 5 件，而表四 未经复议直接起诉 · 总计与表四 复议后起诉 · 总计之和为 7"
        )
        assert finding.message_en == (
            "the narrative says 5 (“涉及行政诉讼案件5件”), but the sum of 表四 未经复议直接起诉 · 总计 and "
            "表四 复议后起诉 · 总计 is 7"
        )


@pytest.mark.corpus
class TestCorpusSentences:
    """Sentences of the real reports: no false alarm, the right readings."""

    @pytest.mark.parametrize(
        ("name", "year", "expected"),
        [
            ("003-pingtan-2020.txt", 2020, []),
            ("005-pingtan-2022.txt", 2022, []),
            (
                "006-pingtan-2023.txt",
                2023,
                [(("handled",), 81), (("review",), 2), (("litigation",), 7)],
            ),
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
