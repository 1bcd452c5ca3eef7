"""Tests of the HTML format reader: decoding, finding the report body, expanding table spans."""

from __future__ import annotations

import codecs
import copy
import sys
from pathlib import Path

import pytest
from corpus_expected import APPLICANT_FIELDS, EXPECTED, KEY_FIGURES, KEY_PATHS, REVIEW_FIELDS, Expected
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govdisclosure.errors import MissingDependencyError, ReadError
from govdisclosure.importers import read
from govdisclosure.importers._html import read_html
from govdisclosure.importers._source import SourceDocument, SourceLine, SourceTable
from govdisclosure.model import Report
from govdisclosure.renderers import render as render_report
from govdisclosure.samples import sample_report


def tables(doc: SourceDocument) -> list[SourceTable]:
    return [b for b in doc.blocks if isinstance(b, SourceTable)]


def lines(doc: SourceDocument) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, SourceLine)]


def texts(table: SourceTable) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


PAGE = """<html><head><meta charset="{charset}"><title>某县2023年政府信息公开工作年度报告_某县人民政府</title>
<style>p {{ color: red }}</style><script>var x = "脚本里的中文不算";</script></head>
<body><nav><a href="/">首页</a><a href="/a">政务公开</a><a href="/b">政府信息公开年报</a></nav>
<div class="header">当前位置：<a href="/">首页</a> &gt; <a href="/b">年报</a></div>
<h1 class="article-title">某县2023年政府信息公开工作年度报告</h1>
<div class="content">
<p>本报告根据《中华人民共和国政府信息公开条例》编制，所列数据统计期限为2023年1月1日至12月31日。</p>
<p>一、总体情况</p><p>2023年，本县扎实推进政务公开工作，主动公开政府信息一千余条，依法办理政府信息公开申请。</p>
<p>三、收到和处理政府信息公开申请情况</p>
<table><tr><td>自然人</td><td>商业<br/>企业</td></tr><tr><td>5</td><td>&nbsp;</td></tr></table>
<p>五、存在的主要问题及改进情况</p><p>公开内容还需进一步丰富，政策解读形式较为单一，下一步将持续改进。</p>
</div>
<footer>主办单位：某县人民政府办公室 <a href="/c">网站地图</a></footer></body></html>"""


class TestDecoding:
    """Bytes are decoded from the declared charset, a BOM, UTF-8 or GB18030."""

    def test_declared_gbk(self) -> None:
        doc = read_html(PAGE.format(charset="gbk").encode("gbk"))
        assert "一、总体情况" in lines(doc)
        assert doc.notes == ()

    def test_declared_gb2312_with_gb18030_only_characters(self) -> None:
        page = PAGE.format(charset="gb2312").replace("本县", "本县㐀")  # U+3400 is not in GB2312 or GBK
        doc = read_html(page.encode("gb18030"))
        assert any("本县㐀" in line for line in lines(doc))

    def test_undeclared_gb18030(self) -> None:
        doc = read_html(PAGE.replace('<meta charset="{charset}">', "").format().encode("gb18030"))
        assert "一、总体情况" in lines(doc)

    def test_utf8_bom(self) -> None:
        doc = read_html(codecs.BOM_UTF8 + PAGE.format(charset="utf-8").encode("utf-8"))
        assert "一、总体情况" in lines(doc)

    def test_utf16_bom(self) -> None:
        doc = read_html(codecs.BOM_UTF16_LE + PAGE.format(charset="utf-16").encode("utf-16-le"))
        assert "一、总体情况" in lines(doc)

    def test_wrong_declaration_is_noted(self) -> None:
        doc = read_html(PAGE.format(charset="gbk").encode("utf-8"))
        assert "一、总体情况" in lines(doc)
        assert [n.code for n in doc.notes] == ["html-charset-mismatch"]
        assert (
            doc.notes[0].message
            == "the HTML input declares charset gb18030, which does not fit its bytes; read as utf-8"
        )

    def test_western_declaration_of_a_chinese_page(self) -> None:
        doc = read_html(PAGE.format(charset="iso-8859-1").encode("utf-8"))
        assert "一、总体情况" in lines(doc)
        assert doc.notes[0].message == (
            "the HTML input declares charset iso8859-1, which does not fit its bytes; read as utf-8"
        )

    def test_http_equiv_declaration(self) -> None:
        page = PAGE.replace(
            '<meta charset="{charset}">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        )
        doc = read_html(page.encode("gb18030"))
        assert "一、总体情况" in lines(doc)
        assert doc.notes == ()

    def test_text_with_xml_declaration(self) -> None:
        doc = read_html('<?xml version="1.0" encoding="utf-8"?>\n' + PAGE.format(charset="utf-8"))
        assert "一、总体情况" in lines(doc)


class TestBody:
    """The report body is found inside the page chrome, in reading order."""

    def test_chrome_dropped_and_order_kept(self) -> None:
        doc = read_html(PAGE.format(charset="utf-8"), name="page.html")
        assert doc.format == "html"
        assert doc.name == "page.html"
        kinds = [type(b).__name__ for b in doc.blocks]
        assert kinds == ["SourceLine"] * 5 + ["SourceTable"] + ["SourceLine"] * 2
        assert lines(doc)[1:3] == [
            "本报告根据《中华人民共和国政府信息公开条例》编制，所列数据统计期限为2023年1月1日至12月31日。",
            "一、总体情况",
        ]
        joined = "".join(lines(doc))
        for chrome in ("首页", "当前位置", "脚本", "主办单位", "网站地图"):
            assert chrome not in joined

    def test_page_date_kept(self) -> None:
        """The article bar's 时间： (page chrome) is kept as a 发布时间 line under the title."""
        page = PAGE.format(charset="utf-8").replace(
            '<div class="content">',
            '<div class="info">来源：某县人民政府 时间：2023-02-20 15:07</div><div class="content">',
        )
        assert lines(read_html(page))[:2] == ["某县2023年政府信息公开工作年度报告", "发布时间：2023-02-20"]
        assert "发布时间" not in "".join(lines(read_html(PAGE.format(charset="utf-8"))))

    def test_page_date_in_two_nodes(self) -> None:
        """A date printed after its label's element (<span>发布日期：</span>2023-02-20) is found too."""
        bar = '<div class="info"><span>发布日期：</span>2023-02-20</div>'
        page = PAGE.format(charset="utf-8").replace('<div class="content">', bar + '<div class="content">')
        assert lines(read_html(page))[1] == "发布时间：2023-02-20"

    def test_page_date_first_in_document_order(self) -> None:
        """The first dated text of the page wins: an element's text before its children's, a tail after them."""
        bar = (
            '<div class="info">日期：2021-01-01<span>时间：2022-02-02</span></div>'
            '<div class="info"><span>来源</span>时间：2023-03-03</div>'
        )
        page = PAGE.format(charset="utf-8").replace('<div class="content">', bar + '<div class="content">')
        assert lines(read_html(page))[1] == "发布时间：2021-01-01"
        later = bar.replace("日期：2021-01-01", "")
        page = PAGE.format(charset="utf-8").replace('<div class="content">', later + '<div class="content">')
        assert lines(read_html(page))[1] == "发布时间：2022-02-02"
        tail_first = '<div class="info"><b>x</b>时间：2024-04-04<i>发布日期：2020-05-05</i></div>'
        page = PAGE.format(charset="utf-8").replace('<div class="content">', tail_first + '<div class="content">')
        assert lines(read_html(page))[1] == "发布时间：2024-04-04"

    def test_page_date_in_a_link(self) -> None:
        """A date in link text (weighed as nothing when the body is sought) is still the page's date."""
        bar = '<div class="info"><a href="/d">发布时间：2023-06-30</a></div>'
        page = PAGE.format(charset="utf-8").replace('<div class="content">', bar + '<div class="content">')
        assert lines(read_html(page))[1] == "发布时间：2023-06-30"

    def test_page_date_only_first_twenty_dated_texts(self) -> None:
        """Only the first 20 texts naming 时间/日期 are tried: a date after 20 of them is not looked for."""
        noise = "".join(f'<a href="/{i}">办理时间较长</a>' for i in range(20))  # links: not weighed
        bar = f'<div class="info">{noise}<span>时间：2023-02-20</span></div>'
        page = PAGE.format(charset="utf-8").replace('<div class="content">', bar + '<div class="content">')
        assert "发布时间" not in "".join(lines(read_html(page)))
        page = page.replace('<a href="/0">办理时间较长</a>', "")
        assert lines(read_html(page))[1] == "发布时间：2023-02-20"

    def test_page_date_label_and_value_cells(self) -> None:
        """发布日期 and its date in two cells (<dt>/<dd>, as render() writes them) give the publication date."""
        from govdisclosure.renderers import render
        from govdisclosure.samples import sample_report

        report = sample_report("example-2019")
        assert read(render(report, format="html"), format="html").report.published == report.published

    def test_title_outside_body_kept_first(self) -> None:
        doc = read_html(PAGE.format(charset="utf-8"))
        first = doc.blocks[0]
        assert isinstance(first, SourceLine)
        assert first.text == "某县2023年政府信息公开工作年度报告"
        assert first.kind == "heading"

    def test_title_from_title_element(self) -> None:
        page = PAGE.format(charset="utf-8").replace(
            '<h1 class="article-title">某县2023年政府信息公开工作年度报告</h1>', ""
        )
        first = read_html(page).blocks[0]
        assert isinstance(first, SourceLine)
        assert first.text == "某县2023年政府信息公开工作年度报告"

    def test_title_nearest_before_body_wins(self) -> None:
        """Of several title-like texts before the body, the last printed is kept; one after the body is not."""
        paragraph = "<p>本县扎实推进政务公开工作，依法办理政府信息公开申请，主动公开政府信息。</p>"
        report = "<p>一、总体情况</p>" + paragraph * 6
        page = (
            "<html><body><div><p class='title'>某县2021年政府信息公开工作年度报告</p><div><span>导航</span></div>"
            "</div><h2 class='article-title'>某县2022年政府信息公开工作年度报告</h2>"
            f"<div class='content'>{report}</div><div class='title'>某县2024年政府信息公开工作年度报告</div>"
            "</body></html>"
        )
        first = read_html(page).blocks[0]
        assert isinstance(first, SourceLine)
        assert (first.text, first.kind) == ("某县2022年政府信息公开工作年度报告", "heading")

    def test_page_without_wrapper(self) -> None:
        doc = read_html("<p>一、总体情况</p><p>二、主动公开政府信息情况</p>")
        assert lines(doc) == ["一、总体情况", "二、主动公开政府信息情况"]

    def test_tables_as_images_noted(self) -> None:
        doc = read_html("<div><p>三、收到和处理政府信息公开申请情况</p><p><img src='t3.png'></p></div>")
        assert tables(doc) == []
        assert [(n.code, n.message) for n in doc.notes] == [
            (
                "html-image-tables",
                "no table in the page text, but 1 image(s): the tables may be published as images, which need OCR",
            )
        ]

    def test_heading_kind(self) -> None:
        doc = read_html("<h2>一、总体情况</h2><p>正文</p>")
        assert [(b.text, b.kind) for b in doc.blocks if isinstance(b, SourceLine)] == [
            ("一、总体情况", "heading"),
            ("正文", "text"),
        ]

    def test_lines_point_at_their_element(self) -> None:
        doc = read_html("<div><p>一、总体情况</p></div>")
        assert doc.blocks[0].where.detail == "/html/body/div/p"

    def test_nested_layout_table(self) -> None:
        page = (
            "<table><tr><td><p>一、总体情况</p>"
            "<table><tr><td>自然人</td><td>总计</td></tr><tr><td>1</td><td>1</td></tr></table>"
            "</td></tr></table>"
        )
        doc = read_html(page)
        assert lines(doc) == ["一、总体情况"]
        assert [texts(t) for t in tables(doc)] == [[["自然人", "总计"], ["1", "1"]]]

    def test_one_cell_table_is_text(self) -> None:
        doc = read_html("<table><tr><td><p>一、总体情况</p><p>正文</p></td></tr></table>")
        assert lines(doc) == ["一、总体情况", "正文"]
        assert tables(doc) == []

    def test_layout_table_around_running_text(self) -> None:
        narrative = "本年度政务公开工作稳步推进。" * 30
        doc = read_html(f"<table><tr><td>导航</td><td><p>一、总体情况</p><p>{narrative}</p></td></tr></table>")
        assert lines(doc) == ["一、总体情况", narrative]  # the navigation cell is outside the body
        assert tables(doc) == []


class TestCells:
    """Cell text keeps every printed character, whitespace normalised, split pieces joined."""

    @pytest.mark.parametrize(
        ("html", "expected"),
        [
            ("<td>&nbsp;</td>", ""),
            ("<td> <p>&nbsp;</p> </td>", ""),
            ("<td>本年新<br/>制作数量</td>", "本年新制作数量"),
            ("<td><p>结果维</p><p>持</p></td>", "结果维持"),
            ("<td><span>商业</span><span> </span><p>企业</p></td>", "商业企业"),
            ("<td><span>结</span><span>果</span></td>", "结果"),
            ("<td>商业 企业</td>", "商业 企业"),
            ("<td>  12 \n\t 3  </td>", "12 3"),
            ("<td>1<br>2</td>", "1 2"),
            ("<td>22<br/>（其中修订16件）</td>", "22（其中修订16件）"),
            ("<td>251000元</td>", "251000元"),
            ("<td><p class=MsoNormal><span>0<o:p>&nbsp;</o:p></span></p></td>", "0"),
            ("<td><![if !supportLists]><span>1.</span><![endif]>属于国家秘密</td>", "1.属于国家秘密"),
            ("<td><!--[if gte mso 9]><xml>隐藏</xml><![endif]-->7</td>", "7"),
            ("<td><span style='display:none'>隐藏</span>7</td>", "7"),
            ("<td><a style='display:none'>隐藏</a>7</td>", "7"),
            ("<td> <p>结果</p> </td>", "结果"),
            ("<td><p>结果</p>维持</td>", "结果维持"),
            ("<td>结果<p>维持</p></td>", "结果维持"),
            ("<td><p><b>总</b><span>计</span></p></td>", "总计"),
            ("<td><p>a<br>b</p></td>", "a b"),
            ("<td><p>A1</p><p>B2</p></td>", "A1 B2"),
            ("<td><p><span><b>1</b>2</span><span>3</span></p></td>", "123"),
            ("<td><div><p>甲</p>乙</div></td>", "甲乙"),
            ("<td><p><span>A</span><span><br/>B</span></p></td>", "A B"),
        ],
    )
    def test_cell_text(self, html: str, expected: str) -> None:
        doc = read_html(f"<table><tr>{html}<td>x</td></tr></table>")
        assert texts(tables(doc)[0]) == [[expected, "x"]]

    @pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16"])
    def test_hidden_in_bytes(self, encoding: str) -> None:
        """Hidden text is dropped from pages given as bytes too, whatever their encoding."""
        page = (
            "<div style='DISPLAY: none'>菜单</div><table><tr><td><span style='mso-hide:all'>隐藏</span>7</td>"
            "<td><span style='display:block'>显示</span></td><td><p style='display : none'>隐藏</p>8</td></tr></table>"
        )
        doc = read_html(page.encode(encoding))
        assert texts(tables(doc)[0]) == [["7", "显示", "8"]]


class TestCellPaths:
    """Each cell's XPath is the one lxml's getpath gives for the printed cell."""

    PAGE = (
        "<html><body><div><p>一、总体情况</p></div><div><p>说明</p>"
        "<table><thead><tr><th>a</th><th>b</th><td>c</td></tr></thead>"
        "<tbody><tr><td rowspan='2'>d</td><td>1</td><th>2</th></tr><tr><td>3</td><td>4</td></tr></tbody></table>"
        "<table><tr><td>x</td><td colspan='2'>y</td></tr><tr><td>z</td><td>w</td><td>v</td></tr></table>"
        "</div></body></html>"
    )

    def test_paths(self) -> None:
        import lxml.etree

        tree = lxml.etree.fromstring(self.PAGE, lxml.etree.HTMLParser()).getroottree()
        paths = [cell.where.detail for table in tables(read_html(self.PAGE)) for row in table.rows for cell in row]
        assert paths[:4] == [
            "/html/body/div[2]/table[1]/thead/tr/th[1]",
            "/html/body/div[2]/table[1]/thead/tr/th[2]",
            "/html/body/div[2]/table[1]/thead/tr/td",
            "/html/body/div[2]/table[1]/tbody/tr[1]/td[1]",
        ]
        for path in paths:
            assert path is not None
            found = tree.xpath(path)
            assert len(found) == 1
            assert tree.getpath(found[0]) == path

    def test_paths_of_wide_rows_and_row_groups(self) -> None:
        """Rows wider than the steps made in advance, several row groups and mixed cells: still getpath's XPaths."""
        import lxml.etree

        wide = "".join(f"<td>{i}</td>" for i in range(205))
        page = (
            "<html><body><div><p>一</p></div><div><div><p>二</p></div><div><p>说明</p>"
            f"<table><caption>表</caption><tbody><tr>{wide}</tr></tbody><tbody><tr><th>甲</th><td>1</td></tr>"
            "<tr><td>乙</td><th>2</th><td>3</td><td>4</td></tr></tbody><tfoot><tr><td>丙</td></tr></tfoot></table>"
            "</div></div></body></html>"
        )
        tree = lxml.etree.fromstring(page, lxml.etree.HTMLParser()).getroottree()
        table = tables(read_html(page))[0]
        printed = [cell for row in table.rows for cell in row if not cell.spanned and cell.where.detail != "padding"]
        assert len(printed) == 205 + 2 + 4 + 1
        assert printed[204].where.detail == "/html/body/div[2]/div[2]/table/tbody[1]/tr/td[205]"
        for cell in printed:
            found = tree.xpath(cell.where.detail)
            assert [tree.getpath(el) for el in found] == [cell.where.detail]
            assert found[0].text == cell.text

    def test_cell_text_split_only_by_breaks(self) -> None:
        """A cell's paragraph of spans is one piece; a <br> or block inside it splits the text."""
        doc = read_html(
            "<table><tr><td><p><span>自然</span><span><b>人</b></span></p></td><td><p><span>a</span><br>b</p></td>"
            "<td> <p>法人<span><div>或其他组织</div></span></p> </td><td><p>1</p></td></tr></table>"
        )
        assert texts(tables(doc)[0]) == [["自然人", "a b", "法人或其他组织", "1"]]

    @pytest.mark.corpus
    def test_corpus_paths(self, corpus: Path) -> None:
        import lxml.etree

        data = (corpus / "real" / "001-shanghai-szfbgt-2019.html").read_bytes()
        tree = lxml.etree.fromstring(data, lxml.etree.HTMLParser()).getroottree()
        for table in tables(read_html(data)):
            for row in table.rows:
                for cell in row:
                    found = tree.xpath(cell.where.detail)
                    assert [tree.getpath(el) for el in found] == [cell.where.detail]
                    assert found[0].tag in {"td", "th"}


class TestLinePaths:
    """Each text line's XPath is the one lxml's getpath gives for its paragraph."""

    @staticmethod
    def check(page: str | bytes) -> int:
        import lxml.etree

        tree = lxml.etree.fromstring(page, lxml.etree.HTMLParser()).getroottree()
        checked = 0
        for line in read_html(page).blocks:
            if isinstance(line, SourceLine) and line.where.detail and line.where.detail.startswith("/"):
                found = tree.xpath(line.where.detail)
                assert [tree.getpath(el) for el in found] == [line.where.detail]
                checked += 1
        return checked

    def test_page(self) -> None:
        assert self.check(PAGE.format(charset="utf-8")) >= 5

    @pytest.mark.corpus
    @pytest.mark.parametrize(
        "name", ["001-shanghai-szfbgt-2019.html", "005-pingtan-2022.html", "006-pingtan-2023.html"]
    )
    def test_corpus(self, corpus: Path, name: str) -> None:
        assert self.check((corpus / "real" / name).read_bytes()) >= 10

    def test_text_after_a_paragraph_is_its_parents(self) -> None:
        """Text printed after a paragraph, inside the paragraph's parent, points at the parent, not the paragraph."""
        page = "<html><body><div><p>一、总体情况</p>本年度主动公开信息一千余条。<p>二、主动公开</p></div></body></html>"
        assert [(b.text, b.where.detail) for b in read_html(page).blocks] == [
            ("一、总体情况", "/html/body/div/p[1]"),
            ("本年度主动公开信息一千余条。", "/html/body/div"),
            ("二、主动公开", "/html/body/div/p[2]"),
        ]


class TestGrid:
    """Row and column spans are expanded into a rectangular grid."""

    def test_spans_expanded(self) -> None:
        doc = read_html(
            "<table><tr><td rowspan=2 colspan=2>角</td><td>a</td></tr><tr><td>b</td></tr>"
            "<tr><td>c</td><td>d</td><td>e</td></tr></table>"
        )
        table = tables(doc)[0]
        assert texts(table) == [["角", "角", "a"], ["角", "角", "b"], ["c", "d", "e"]]
        corner = [[cell.spanned for cell in row[:2]] for row in table.rows[:2]]
        assert corner == [[False, True], [True, True]]
        assert {(cell.rowspan, cell.colspan) for row in table.rows[:2] for cell in row[:2]} == {(2, 2)}
        covered = table.rows[1][1].where  # positions covered by a span point at the printed cell
        assert (covered.table, covered.row, covered.col, covered.detail) == (0, 0, 0, "/html/body/table/tr[1]/td[1]")
        assert (table.rows[2][1].where.row, table.rows[2][1].where.col) == (2, 1)
        assert table.rows[2][2].where.detail == "/html/body/table/tr[3]/td[3]"
        assert doc.notes == ()

    def test_overrunning_rowspan_cut_and_noted(self) -> None:
        doc = read_html("<table><tr><td rowspan=22>三</td><td>1</td></tr><tr><td>2</td></tr></table>")
        table = tables(doc)[0]
        assert texts(table) == [["三", "1"], ["三", "2"]]
        assert table.rows[0][0].rowspan == 2
        assert [n.code for n in doc.notes] == ["html-span-overrun"]
        assert doc.notes[0].message == "table 1: 1 cell(s) span more rows than the table has; cut at its end"

    def test_ragged_rows_padded_and_noted(self) -> None:
        doc = read_html("<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>d</td></tr></table>")
        assert texts(tables(doc)[0]) == [["a", "b", "c"], ["d", "", ""]]
        assert [n.code for n in doc.notes] == ["html-ragged-rows"]
        assert doc.notes[0].message == (
            "table 1: rows 2 have fewer cells than the widest row (3); padded with empty cells"
        )

    def test_overlapping_spans_noted(self) -> None:
        doc = read_html("<table><tr><td>a</td><td rowspan=2>b</td><td>x</td></tr><tr><td colspan=3>c</td></tr></table>")
        assert texts(tables(doc)[0]) == [["a", "b", "x"], ["c", "b", "c"]]
        assert [(n.code, n.message) for n in doc.notes] == [
            (
                "html-overlapping-spans",
                "table 1: spanning cells overlap in 1 position(s); the cell printed first is kept there",
            )
        ]

    @given(
        st.lists(
            st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3), st.sampled_from(["", "1", "自然人"])), max_size=5),
            min_size=1,
            max_size=6,
        )
    )
    @settings(max_examples=150, deadline=None)
    def test_any_spans_give_a_rectangular_grid(self, spec: list[list[tuple[int, int, str]]]) -> None:
        body = "".join(
            "<tr>" + "".join(f"<td rowspan={r} colspan={c}>{t}</td>" for r, c, t in row) + "</tr>" for row in spec
        )
        doc = read_html(f"<p>表</p><table>{body}</table><p>完</p>")
        for table in tables(doc):
            assert len({len(row) for row in table.rows}) == 1
            if any(n.code == "html-overlapping-spans" for n in doc.notes):
                continue
            for r, row in enumerate(table.rows):
                for c, cell in enumerate(row):
                    if not cell.spanned and cell.where.detail != "padding":
                        covered = {
                            table.rows[r + i][c + j].where for i in range(cell.rowspan) for j in range(cell.colspan)
                        }
                        assert covered == {cell.where}

    def test_rowspan_zero_reaches_the_end(self) -> None:
        doc = read_html("<table><tr><td rowspan=0>a</td><td>1</td></tr><tr><td>2</td></tr></table>")
        assert texts(tables(doc)[0]) == [["a", "1"], ["a", "2"]]

    def test_garbage_span_attributes(self) -> None:
        doc = read_html("<table><tr><td colspan='x'>a</td><td rowspan='-3'>b</td></tr><tr><td>c</td></tr></table>")
        assert texts(tables(doc)[0]) == [["a", "b"], ["c", ""]]

    def test_header_section_rows_counted(self) -> None:
        doc = read_html(
            "<table><thead><tr><th>自然人</th><th>总计</th></tr></thead>"
            "<tbody><tr><td>1</td><td>1</td></tr></tbody></table>"
        )
        assert texts(tables(doc)[0]) == [["自然人", "总计"], ["1", "1"]]


class TestErrors:
    """Only ReadError comes out, with one clear line."""

    def test_missing_dependency(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setitem(sys.modules, "lxml.etree", None)
        with pytest.raises(MissingDependencyError) as info:
            read_html("<p>一</p>")
        assert (
            str(info.value)
            == "reading HTML needs the optional package 'lxml': install it with pip install 'govdisclosure[html]'"
        )

    def test_empty(self) -> None:
        with pytest.raises(ReadError, match=r"^report\.html is empty: there is no HTML to read$"):
            read_html(b"  \n", name="report.html")

    def test_memoryview(self) -> None:
        assert lines(read_html(memoryview("<p>一、总体情况</p>".encode()))) == ["一、总体情况"]

    def test_not_text(self) -> None:
        with pytest.raises(
            ReadError, match=r"^the HTML input must be given as text or bytes to be read as HTML, not int$"
        ):
            read_html(3)  # type: ignore[arg-type]

    def test_nesting_too_deep(self) -> None:
        """Text nested deeper than the parser follows is explained, not reported as an empty page."""
        with pytest.raises(ReadError) as info:
            read_html("<table>" * 20000 + "正文" + "</table>" * 20000, name="deep.html")
        assert str(info.value) == (
            "deep.html has 2 characters of text but none could be read: its 20000 tags (the most, 20000 <table>) "
            "nest deeper than the HTML parser follows (255 levels); save the page as text and read that"
        )

    def test_empty_text(self) -> None:
        with pytest.raises(ReadError, match=r"^the HTML input is empty: there is no HTML to read$"):
            read_html("")

    @given(st.binary(max_size=400))
    @settings(max_examples=150, deadline=None)
    def test_random_bytes(self, data: bytes) -> None:
        try:
            doc = read_html(data)
        except ReadError:
            return
        assert doc.format == "html"

    @given(st.text(alphabet="<>/=\"' tdrableTRhpspan0123456789自然人&;#x", max_size=200))
    @settings(max_examples=150, deadline=None)
    def test_random_markup(self, data: str) -> None:
        try:
            doc = read_html(data)
        except ReadError:
            return
        for table in tables(doc):
            assert len({len(row) for row in table.rows}) == 1


_MUTATIONS = ("remove", "copy", "text", "tail", "br", "rowspan", "colspan", "hide", "paragraph", "unwrap")
_WORDS = ("", " ", "暂无", "1,234", "约5", "-", "12万元", "0.0", "／", "1 2 3", "合计", "（六）其他处理情况", "9" * 30)


class TestMutatedPages:
    """A whole page with its markup damaged at random: the import gives a report or one ReadError, nothing else,
    and the report it gives serializes and can be checked."""

    PAGE = render_report(sample_report("example-2019"), format="html", page=True)

    @settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        st.lists(
            st.tuples(st.integers(0, 10_000), st.sampled_from(_MUTATIONS), st.sampled_from(_WORDS)),
            min_size=1,
            max_size=6,
        )
    )
    def test_rendered_page(self, edits: list[tuple[int, str, str]]) -> None:
        import lxml.etree
        import lxml.html

        import govdisclosure

        root = lxml.html.document_fromstring(self.PAGE)
        for index, op, word in edits:
            elements = list(root.iter())
            el = elements[index % len(elements)]
            parent = el.getparent()
            if op == "remove" and parent is not None:
                parent.remove(el)
            elif op == "copy" and parent is not None:
                el.addnext(copy.deepcopy(el))
            elif op == "text":
                el.text = word
            elif op == "tail":
                el.tail = word
            elif op == "br":
                lxml.etree.SubElement(el, "br").tail = word
            elif op == "rowspan":
                el.set("rowspan", str(index % 7))
            elif op == "colspan":
                el.set("colspan", word or "0")
            elif op == "hide":
                el.set("style", "display:none")
            elif op == "paragraph":
                lxml.etree.SubElement(el, "p").text = word or "五、存在的主要问题及改进情况"
            elif op == "unwrap" and parent is not None:
                el.drop_tag()
        page = lxml.html.tostring(root, encoding="utf-8")
        try:
            result = read(page, format="html", name="mutated.html")
        except ReadError:
            return
        assert govdisclosure.loads(govdisclosure.dumps(result.report)) == result.report
        govdisclosure.check(result.report)


@pytest.mark.corpus
class TestCorpus:
    """The real pages of the corpus read into the expected grids."""

    def read(self, corpus: Path, name: str) -> SourceDocument:
        return read_html((corpus / name).read_bytes(), name=name)

    def test_005_word_export(self, corpus: Path) -> None:
        doc = self.read(corpus, "real/005-pingtan-2022.html")
        assert [(len(t.rows), len(t.rows[0])) for t in tables(doc)] == [(14, 4), (28, 10), (4, 15)]
        applications = tables(doc)[1]
        outcome = applications.rows[5][0]
        assert (outcome.text, outcome.rowspan, outcome.colspan, outcome.spanned) == ("三、本年度办理结果", 22, 1, False)
        assert all(row[0].text == "三、本年度办理结果" and row[0].spanned for row in applications.rows[6:27])
        corner = applications.rows[0][0]
        assert (corner.rowspan, corner.colspan) == (3, 3)
        assert corner.text == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
        assert texts(applications)[2][3:] == [
            "自然人",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
            "总计",
        ]
        assert texts(applications)[26] == [
            "三、本年度办理结果",
            "（七）总计",
            "（七）总计",
            "72",
            "3",
            "0",
            "0",
            "0",
            "0",
            "75",
        ]
        review = texts(tables(doc)[2])
        assert review[1][:5] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        assert review[3] == ["0", "1", "1", "0", "2", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"]
        assert lines(doc)[0] == "平潭综合实验区2022年度政府信息公开工作年度报告"
        assert "四、政府信息公开行政法复议、行政诉讼情况" in lines(doc)
        assert not any("扫一扫" in line or "附件下载" in line for line in lines(doc))
        assert doc.notes == ()

    def test_001_no_wrapper_blank_cells(self, corpus: Path) -> None:
        doc = self.read(corpus, "real/001-shanghai-szfbgt-2019.html")
        assert [(len(t.rows), len(t.rows[0])) for t in tables(doc)] == [(18, 5), (26, 10), (4, 15)]
        active, applications, review = (texts(t) for t in tables(doc))
        assert active[17] == ["政府集中采购", "6", "6", "251000元", "251000元"]
        assert active[6] == ["行政许可", "0", "0", "0", "0"]  # data colspans do not line up with the header
        assert active[5] == ["信息内容", "上一年项目数量", "本年增/减", "本年增/减", "处理决定数量"]
        assert applications[3] == ["一、本年新收政府信息公开申请数量"] * 3 + ["821", "35", "", "", "2", "1", "859"]
        assert applications[5][9] == ""  # 总计 blank on outcome rows
        assert applications[23][:4] == ["三、本年度办理结果", "（六）其他处理", "（六）其他处理", ""]
        assert applications[24][3:] == ["767", "35", "", "", "2", "1", "805"]
        assert review[3] == ["5", "", "", "2", "7", "8", "", "", "1", "9", "", "", "", "", ""]
        assert lines(doc)[0] == "2019年上海市人民政府办公厅政府信息公开工作年度报告"

    def test_006_br_in_cells(self, corpus: Path) -> None:
        doc = self.read(corpus, "real/006-pingtan-2023.html")
        assert [(len(t.rows), len(t.rows[0])) for t in tables(doc)] == [(14, 4), (28, 10), (4, 15)]
        applications = texts(tables(doc)[1])
        assert applications[3][3:] == ["80", "1", "0", "0", "0", "0", "81"]
        assert applications[27][3:] == ["0"] * 7
        review = texts(tables(doc)[2])
        assert review[3] == ["1", "1", "0", "0", "2", "4", "0", "0", "1", "5", "1", "0", "1", "0", "2"]

    def test_s05_clean(self, corpus: Path) -> None:
        name = next((corpus / "synthetic").glob("S05-*.html")).relative_to(corpus)
        doc = self.read(corpus, str(name))
        assert [(len(t.rows), len(t.rows[0])) for t in tables(doc)] == [(14, 4), (28, 10), (4, 15)]
        assert texts(tables(doc)[1])[3][3:] == ["13612", "252", "0", "45", "128", "32", "14069"]

    @pytest.mark.parametrize("name", ["real/001-shanghai-szfbgt-2019.html", "real/005-pingtan-2022.html"])
    @given(cut=st.floats(min_value=0.0, max_value=1.0))
    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    def test_truncated(self, corpus: Path, name: str, cut: float) -> None:
        data = (corpus / name).read_bytes()
        data = data[: int(len(data) * cut)]
        try:
            doc = read_html(data)
        except ReadError:
            return
        for table in tables(doc):
            assert len({len(row) for row in table.rows}) == 1


def printed_cells(report: Report, expected: Expected) -> list[tuple[str, object, object]]:
    """(path, as printed, as imported) for every cell of 表三 and 表四 listed in the expectations."""
    out: list[tuple[str, object, object]] = []
    for row, values in expected.applications.items():
        for field, value in zip(APPLICANT_FIELDS, values, strict=True):
            out.append((f"applications.{row}.{field}", value, report.get(f"applications.{row}.{field}")))
    for row, values in expected.review_litigation.items():
        for field, value in zip(REVIEW_FIELDS, values, strict=True):
            path = f"review_litigation.{row}.{field}"
            out.append((path, value, report.get(path)))
    return out


@pytest.mark.corpus
class TestImport:
    """End to end through ``govdisclosure.read``: the pages import with the figures they print."""

    @pytest.mark.parametrize(
        ("file", "same_as"),
        [("005-pingtan-2022.html", "005-pingtan-2022.txt"), ("006-pingtan-2023.html", "006-pingtan-2023.txt")],
    )
    def test_every_cell_as_printed(self, corpus: Path, file: str, same_as: str) -> None:
        expected = EXPECTED[same_as]
        report = read(corpus / "real" / file).report
        assert (report.edition, report.year, report.agency) == (expected.edition, expected.year, expected.agency)
        assert report.uses_single_other_handling is expected.single_other_handling
        assert [(p, e, g) for p, e, g in printed_cells(report, expected) if e != g] == []
        for row, values in expected.active_disclosure.items():
            assert report.get(f"active_disclosure.{row}").values() == values

    @pytest.mark.parametrize(
        "file", ["001-shanghai-szfbgt-2019.html", "005-pingtan-2022.html", "006-pingtan-2023.html"]
    )
    def test_key_figures(self, corpus: Path, file: str) -> None:
        report = read(corpus / "real" / file).report
        assert tuple(report.get(path) for path in KEY_PATHS) == KEY_FIGURES[file[:3]]

    def test_001_blank_cells_stay_blank(self, corpus: Path) -> None:
        result = read(corpus / "real" / "001-shanghai-szfbgt-2019.html")
        report = result.report
        assert (report.edition, report.year, report.agency) == ("2019", 2019, "上海市人民政府办公厅")
        assert report.get("applications.outcomes.granted.natural_person") == 258
        assert report.get("applications.outcomes.granted.total") is None
        assert report.get("applications.new_received.research") is None


class TestReportElsewhere:
    """A page without tables that says where its report is: attached files, frames, scripts, images."""

    HEAD = "<html><head><title>某区2023年政府信息公开工作年度报告_某区人民政府</title>{}</head><body>{}</body></html>"

    def refusal(self, page: str) -> str:
        with pytest.raises(ReadError) as info:
            read(page, format="html", name="nb.html")
        return str(info.value)

    def test_attached_files_are_named_those_naming_a_report_first(self) -> None:
        body = (
            "<p>某区2023年政府信息公开工作年度报告</p><p>附件：<a href='/u/notice.doc'>通知</a> "
            "<a href='/u/a&amp;b/2023nb.pdf?v=2'><span>某区2023年政府信息公开\n工作年度报告</span>.pdf</a></p>"
        )
        assert self.refusal(self.HEAD.format("", body)) == (
            "nb.html mentions government information disclosure but has no 表三 (收到和处理政府信息公开申请情况) "
            "or 表四 that can be read: the page links to 2 attached file(s) that may hold the report: "
            "某区2023年政府信息公开 工作年度报告.pdf (/u/a&b/2023nb.pdf?v=2), 通知 (/u/notice.doc); download the "
            "report's "
            "file and read that"
        )

    def test_many_attachments_are_counted_not_all_listed(self) -> None:
        links = "".join(f"<a href='/f{i}.PDF'>文件{i}</a>" for i in range(5))
        message = self.refusal(self.HEAD.format("", f"<p>政府信息公开</p>{links}"))
        assert (
            "links to 5 attached file(s) that may hold the report: 文件0 (/f0.PDF), 文件1 (/f1.PDF), 文件2 (/f2.PDF)"
            in (message)
        )
        assert "and 2 more; download" in message

    def test_a_framed_page(self) -> None:
        body = "<div class=nav>首页</div><iframe src='/content/2023/nb.html' width=100%></iframe>"
        assert self.refusal(self.HEAD.format("", body)).endswith(
            "that can be read: the page shows other content in frames (/content/2023/nb.html); read the framed page"
        )

    def test_a_page_its_scripts_fill(self) -> None:
        page = self.HEAD.format("<script src=app.js></script>", "<div id=app></div><script>start()</script>")
        assert self.refusal(page).endswith(
            "that can be read: the page holds 19 characters of text and 2 script(s): its content is probably "
            "loaded by JavaScript; save the page from a browser once it has loaded, and read that"
        )

    def test_images_for_tables(self) -> None:
        page = "<div><p>三、收到和处理政府信息公开申请情况</p><p><img src='t3.png'></p></div>"
        assert self.refusal(page).endswith(
            "that can be read: no table in the page text, but 1 image(s): the tables may be published as images, "
            "which need OCR"
        )

    def test_a_page_that_is_no_report_at_all_gets_no_advice(self) -> None:
        """A page that does not even mention government information disclosure is simply not a report."""
        page = "<html><body><p>欢迎访问</p><img src='a.jpg'><a href='/guide.pdf'>办事指南</a></body></html>"
        assert self.refusal(page) == (
            "nb.html is not an annual report on government information disclosure (政府信息公开工作年度报告)"
        )

    def test_only_files_are_attachments(self) -> None:
        """An address is an attached file by the end of its path: a site whose name holds ".et" or ".doc" is not."""
        links = (
            "<a href='http://www.etax.gov.cn/index'>税务</a><a href='http://docs.example.cn/'>文档</a>"
            "<a href='/nb.PDF#page=2'>年度报告</a><a href='http://[broken/a.pdf'>坏链接</a>"
        )
        message = self.refusal(self.HEAD.format("", f"<p>政府信息公开</p>{links}"))
        assert "links to 1 attached file(s) that may hold the report: 年度报告 (/nb.PDF#page=2);" in message

    def test_a_report_read_from_the_page_text_gets_no_advice(self) -> None:
        """A page whose report is printed as text, not tables, is read; its links and scripts are not noted."""
        from strategies_read import tab_text

        lines = "".join(f"<p>{line.replace(chr(9), ' ')}</p>" for line in tab_text(sample_report()).splitlines())
        page = f"<html><body>{lines}<a href='/nb.pdf'>年度报告.pdf</a><script></script></body></html>"
        result = read(page, format="html")
        assert result.report.applications == sample_report().applications
        assert not [n for n in result.notes if n.code in ("html-attachment", "html-frame", "html-scripted")]

    def test_unclosed_links_and_frames_are_no_trouble(self) -> None:
        """Markup cut short thousands of times over (the hints come from a parse of the page, not from patterns)."""
        junk = "<a href=x.pdf " * 4000 + "<iframe " * 4000 + "<a " * 4000
        message = self.refusal(self.HEAD.format("", "<p>政府信息公开</p>" + junk))
        assert message.startswith("nb.html mentions government information disclosure")

    def test_a_page_with_its_tables_is_not_searched(self) -> None:
        """A page giving tables is read as usual: links to its PDF version or a script are not noted."""
        page = render_report(sample_report(), format="html").replace(
            "</article>",
            "<p><a href='/nb.pdf'>年度报告.pdf</a></p><iframe src='/x'></iframe><script></script></article>",
        )
        doc = read_html(page)
        assert not [n for n in doc.notes if n.code in ("html-attachment", "html-frame", "html-scripted")]
        assert read(page, format="html").report.applications == sample_report().applications


class TestPageMostlyOneTable:
    """A page whose text is mostly one table: the title and headings printed around it are still read."""

    TITLE, HEAD = "某县人民政府2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况"

    @staticmethod
    def table() -> str:
        from govdisclosure import layout

        header = ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
        rows = "".join(
            f"<tr><td>{node.label}</td>" + "<td>1</td>" * 6 + "<td>6</td></tr>"
            for _, node in layout.table("2021", "applications").rows()
        )
        return "<table><tr>" + "".join(f"<td>{h}</td>" for h in header) + f"</tr>{rows}</table>"

    def test_a_sidebar_beside_the_tables_is_not_read(self) -> None:
        """Tables and a title in the main column, a sidebar of plain text and last year's report beside it: the
        main column is the body (the sidebar's link would give the wrong title and year)."""
        para = (
            "<p>联系我们：某县人民政府办公室，地址：某县城关镇人民路一号政府大院综合楼三楼，邮政编码：123456，"
            "联系电话：0123-1234567，传真：0123-7654321，电子邮箱：gov@example.cn，工作时间：周一至周五上午九时至"
            "十二时，下午一时半至五时半（法定节假日除外）。依申请公开受理地点：某县政务服务中心一楼综合窗口。</p>"
        )
        link = "<a href='/r2022.html'>某县人民政府2022年政府信息公开工作年度报告</a>"
        side = f"<div class=side><p>{link}</p>{para * 3}</div>"
        main = f"<div class=main><p>{self.TITLE}</p><p>{self.HEAD}</p><div>{self.table() * 8}</div></div>"
        result = read(f"<body>{side}{main}</body>", format="html")
        assert (result.report.title, result.report.year) == (self.TITLE, 2023)

    @pytest.mark.parametrize(
        "layout_",
        [
            "<body>{title}<br>{head}<br>{table}</body>",
            "<body><p>{title}</p><p>{head}</p>{table}</body>",
            "<body><div>{title}<br>{head}</div>{table}</body>",
            "<body>{title}<br>{head}<div class=t>{table}</div></body>",
            "<body><div class=main><p>{title}</p><p>{head}</p><div><div>{table}</div></div></div></body>",
        ],
    )
    def test_text_around_the_table_is_kept(self, layout_: str) -> None:
        page = layout_.format(title=self.TITLE, head=self.HEAD, table=self.table())
        doc = read_html(page)
        assert lines(doc)[:2] == [self.TITLE, self.HEAD]
        assert len(tables(doc)) == 1
        result = read(page, format="html")
        assert result.report.year == 2023
        assert result.report.applications.new_received.total == 6
