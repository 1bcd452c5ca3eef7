"""Tests of govdisclosure.renderers._html: spans of the official form read back with lxml, escaping, pages, marks."""

from __future__ import annotations

import attrs
import pytest
from lxml import html as lxml_html
from strategies_render import FINDINGS, StubReport, report_2021, report_2021_single

import govdisclosure
from govdisclosure import layout
from govdisclosure.model import Report
from govdisclosure.renderers import CSS, HtmlRenderer


def _cells(html: str) -> dict[str, tuple[int, int, str, str | None]]:
    """Text → (rowspan, colspan, tag, scope) of every header-ish cell of the first table."""
    table = lxml_html.fragment_fromstring(html, create_parent="div").find(".//table")
    assert table is not None
    out = {}
    for cell in table.iter("th", "td"):
        text = cell.text_content()
        if not text or text.isdigit():
            continue
        out[text] = (int(cell.get("rowspan", "1")), int(cell.get("colspan", "1")), cell.tag, cell.get("scope"))
    return out


def _widths(html: str) -> set[int]:
    """The number of grid columns each row covers, resolving spans as browsers do (every row must cover the same)."""
    table = lxml_html.fragment_fromstring(html, create_parent="div").find(".//table")
    assert table is not None
    taken: set[tuple[int, int]] = set()
    rows = list(table.iter("tr"))
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            rs, cs = int(cell.get("rowspan", "1")), int(cell.get("colspan", "1"))
            for dr in range(rs):
                for dc in range(cs):
                    assert (r + dr, c + dc) not in taken
                    taken.add((r + dr, c + dc))
            c += cs
    assert max(r for r, _ in taken) == len(rows) - 1
    return {sum(1 for rr, _ in taken if rr == r) for r in range(len(rows))}


class TestSpans:
    """The exact rowspan/colspan of the spec's skeleton (report-format.md §3 to §5)."""

    def test_applications_2021(self) -> None:
        """Corner 3 by 3, 三、本年度办理结果 rowspan 22, （三） 8, （四） 3, （五） 5, （六） 3; header spans."""
        cells = _cells(HtmlRenderer(table="三")(report_2021()))
        t = layout.table("2021", "applications")
        assert cells[layout.CORNER_NOTE] == (3, 3, "td", None)
        assert cells["申请人情况"] == (1, 7, "th", "colgroup")
        assert cells["自然人"] == (2, 1, "th", "col")
        assert cells["法人或其他组织"] == (1, 5, "th", "colgroup")
        assert cells["总计"] == (2, 1, "th", "col")
        assert cells[t.node("outcomes").label] == (22, 1, "th", "row")
        assert cells[t.node("outcomes.withheld").label] == (8, 1, "th", "row")
        assert cells[t.node("outcomes.unable_to_provide").label] == (3, 1, "th", "row")
        assert cells[t.node("outcomes.not_processed").label] == (5, 1, "th", "row")
        assert cells[t.node("outcomes.other_handling").label] == (3, 1, "th", "row")
        assert cells[t.node("new_received").label] == (1, 3, "th", "row")
        assert cells[t.node("outcomes.granted").label] == (1, 2, "th", "row")
        assert cells[t.node("outcomes.total").label] == (1, 2, "th", "row")

    @pytest.mark.parametrize("report", [lambda: govdisclosure.sample_report("example-2019"), report_2021_single])
    def test_applications_single_other_handling(self, report: object) -> None:
        """With one （六） row, 三、本年度办理结果 spans 20 rows and （六）其他处理 spans two label columns."""
        cells = _cells(HtmlRenderer(table="三")(report()))  # type: ignore[operator]
        assert cells[layout.table("2019", "applications").node("outcomes").label][:2] == (20, 1)
        assert cells[layout.OTHER_HANDLING_2019.label][:2] == (1, 2)

    def test_review_litigation(self) -> None:
        """行政复议 colspan 5, 行政诉讼 colspan 10, its two groups colspan 5; 行政复议's leaves rowspan 2."""
        html = HtmlRenderer(table="四")(govdisclosure.sample_report())
        cells = _cells(html)
        assert cells["行政复议"] == (1, 5, "th", "colgroup")
        assert cells["行政诉讼"] == (1, 10, "th", "colgroup")
        assert cells["未经复议直接起诉"] == (1, 5, "th", "colgroup")
        assert cells["复议后起诉"] == (1, 5, "th", "colgroup")
        doc = lxml_html.fragment_fromstring(html, create_parent="div")
        second = doc.findall(".//thead/tr")[1]
        assert [int(c.get("rowspan", "1")) for c in second][:5] == [2] * 5
        assert len(doc.findall(".//tbody/tr/td")) == 15

    @pytest.mark.parametrize("edition", ["2019", "2021"])
    def test_active_disclosure(self, edition: str) -> None:
        """Block titles span the full width, each block is a <tbody>, single-value blocks span 3 columns."""
        report = govdisclosure.sample_report("example-2019") if edition == "2019" else report_2021()
        html = HtmlRenderer(table="二")(report)
        doc = lxml_html.fragment_fromstring(html, create_parent="div")
        bodies = doc.findall(".//tbody")
        assert len(bodies) == (5 if edition == "2019" else 4)
        for body in bodies:
            title = body.find("tr/th")
            assert title is not None
            assert (title.get("colspan"), title.get("scope")) == ("4", "rowgroup")
        if edition == "2021":
            assert _cells(html)["本年处理决定数量"] == (1, 3, "th", "colgroup")

    @pytest.mark.parametrize("table", ["二", "三", "四"])
    @pytest.mark.parametrize(
        "report", [report_2021, report_2021_single, lambda: govdisclosure.sample_report("example-2019")]
    )
    def test_rows_cover_the_grid(self, table: str, report: object) -> None:
        """Every row of every table covers the same number of grid columns."""
        widths = _widths(HtmlRenderer(table=table)(report()))  # type: ignore[operator]
        assert len(widths) == 1


class TestEscaping:
    """Text from a report cannot inject markup."""

    def test_agency_and_narrative(self) -> None:
        """Angle brackets and ampersands are escaped in headings, metadata and paragraphs."""
        report = govdisclosure.sample_report()
        report = attrs.evolve(
            report,
            title="<script>alert(1)</script>",
            agency="A & B",
            overview=attrs.evolve(report.overview, text="x < y\n第二行"),
        )
        html = HtmlRenderer()(report)
        assert "<script>" not in html
        assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in html
        assert "<dd>A &amp; B</dd>" in html
        assert "<p>x &lt; y<br>第二行</p>" in html


class TestOptions:
    """CSS, pages, blanks and captions."""

    def test_css(self) -> None:
        """css=True puts the minimal CSS in a <style> element before the table."""
        html = HtmlRenderer(table="四", css=True)(govdisclosure.sample_report())
        assert html.startswith(f"<style>\n{CSS}</style>\n<table")

    def test_page(self) -> None:
        """page=True makes a whole document with charset, title and print CSS."""
        html = HtmlRenderer(page=True)(govdisclosure.sample_report())
        assert html.startswith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n')
        assert "<title>塔城地区行署外事办公室2024年政府信息公开工作年度报告</title>" in html
        assert "@page{size:A4;margin:2cm}" in html
        assert html.endswith("</article>\n</body>\n</html>\n")
        doc = lxml_html.document_fromstring(html)
        assert next(h.text_content() for h in doc.iter("h2")) == "一、总体情况"

    def test_blank_and_caption(self) -> None:
        """Blank cells carry the configured text; caption=False drops the caption."""
        html = HtmlRenderer(table="三", blank="—", caption=False)(report_2021())
        assert "<caption>" not in html
        assert '<td class="gd-num">—</td>' in html


class TestFindings:
    """Flagged cells carry a class, a title and a numbered mark."""

    def test_marks(self) -> None:
        """Error on a value, warning on a row label, the list of findings under the table."""
        report: Report = govdisclosure.sample_report("example-2019")
        html = HtmlRenderer(table="三")(report, findings=StubReport(FINDINGS))
        assert (
            '<td class="gd-num gd-error" title="C1: （七）总计·自然人 应为 409，实为 410">'
            '409<sup class="gd-mark">1</sup></td>'
        ) in html
        assert '<th class="gd-warning" scope="row" title="C3: 1.属于国家秘密：总计与各列之和不符">' in html
        assert '<ol class="gd-findings"><li value="1" class="gd-error"><code>C1</code>' in html
        assert "C4" not in html

    def test_english(self) -> None:
        """language='en' uses the English messages."""
        html = HtmlRenderer(table="四", language="en")(govdisclosure.sample_report(), findings=FINDINGS)
        assert 'title="C4: review &lt;total&gt; &amp; direct"' in html
