"""Tests of govdisclosure.renderers._docx: Word tables read back with python-docx, merges, values, marks, options."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from strategies_render import FINDINGS, report_2021, report_2021_single

import govdisclosure
from govdisclosure import layout
from govdisclosure.errors import MissingDependencyError
from govdisclosure.model import Report
from govdisclosure.renderers import SHADING, DocxRenderer, RenderError, grid, render

docx = pytest.importorskip("docx")
from docx.oxml.ns import qn  # noqa: E402

Span = tuple[int, int, int, int]


def _document(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def _spans(table: Any) -> set[Span]:
    """(row, column, rowspan, colspan) of every cell of a Word table, merges resolved through the shared ``w:tc``."""
    positions: dict[Any, list[tuple[int, int]]] = {}
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            positions.setdefault(cell._tc, []).append((r, c))
    out = set()
    for cells in positions.values():
        rows = [r for r, _ in cells]
        cols = [c for _, c in cells]
        out.add((min(rows), min(cols), max(rows) - min(rows) + 1, max(cols) - min(cols) + 1))
    return out


def _grid_spans(report: Report, table: str) -> set[Span]:
    return {(c.row, c.col, c.rowspan, c.colspan) for c in grid(report, table).cells}


def _texts(table: Any) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def _lines(data: bytes) -> list[str]:
    return [p.text for p in _document(data).paragraphs if p.text]


class TestTemplate:
    """The tables have the grid sizes and merged cells of the circulated blank template."""

    @pytest.mark.corpus
    def test_merges_match_template(self, corpus: Path) -> None:
        """表二 14 by 4, 表三 28 by 10, 表四 4 by 15: every merged cell where the template has it."""
        template = docx.Document(str(corpus / "templates" / "2021-blank-template.docx"))
        mine = _document(render(govdisclosure.sample_report(), "docx"))
        assert len(template.tables) == len(mine.tables) == 3
        for theirs, ours in zip(template.tables, mine.tables, strict=True):
            assert (len(ours.rows), len(ours.columns)) == (len(theirs.rows), len(theirs.columns))
            assert _spans(ours) == _spans(theirs)
        assert [(len(t.rows), len(t.columns)) for t in mine.tables] == [(14, 4), (28, 10), (4, 15)]


class TestMerges:
    """Merges follow the shared span-aware grid, for both editions and the single （六） row."""

    @pytest.mark.parametrize(
        "report",
        [govdisclosure.sample_report("example-2019"), report_2021(), report_2021_single()],
        ids=["2019", "2021", "2021-single"],
    )
    def test_same_as_grid(self, report: Report) -> None:
        """Each table's merges are the grid's cells."""
        tables = _document(render(report, "docx")).tables
        for table, number in zip(tables, "二三四", strict=True):
            assert _spans(table) == _grid_spans(report, number)

    def test_labels_in_merged_cells(self) -> None:
        """三、本年度办理结果 spans 22 rows of the first label column; the corner note spans 3 by 3."""
        table = _document(render(report_2021(), "docx", table="三")).tables[0]
        spans = _spans(table)
        assert (5, 0, 22, 1) in spans
        assert (0, 0, 3, 3) in spans
        texts = _texts(table)
        assert texts[0][0].replace("\n", "") == layout.CORNER_NOTE
        assert texts[26][1] == texts[26][2] == "（七）总计"


class TestValues:
    """Values as printed: None blank, amounts without float artefacts, a chosen blank text."""

    def test_blank_and_amount(self) -> None:
        """强制 decisions None prints nothing; the fee 12.50 prints as 12.50."""
        table = _document(render(report_2021(), "docx", table="二")).tables[0]
        texts = _texts(table)
        assert texts[10] == ["行政强制", "", "", ""]
        assert texts[13] == ["行政事业性收费", "12.50", "12.50", "12.50"]

    def test_blank_option(self) -> None:
        """blank="—" fills blank cells."""
        table = _document(render(report_2021(), "docx", table="二", blank="—")).tables[0]
        assert _texts(table)[10][1] == "—"

    def test_2019_amount(self) -> None:
        """The 2019 sample's procurement amount keeps its decimals."""
        table = _document(render(govdisclosure.sample_report("example-2019"), "docx", table="二")).tables[0]
        assert _texts(table)[-1] == ["政府集中采购", "14", "386.42", "386.42"]


class TestDocument:
    """A whole report: title, preamble, sections 一 to 六 with headings, then single tables and table objects."""

    def test_report_order(self) -> None:
        """The title first, the preamble, then the six headings in order as Heading 1."""
        report = govdisclosure.sample_report("example-2019")
        document = _document(render(report, "docx"))
        paragraphs = [p for p in document.paragraphs if p.text]
        assert paragraphs[0].text == report.title
        assert paragraphs[0].style.name == "Title"
        assert paragraphs[1].text == f"发布机关：{report.agency}"
        headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
        assert headings == [
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项",
        ]
        subheadings = [p.text for p in paragraphs if p.style.name == "Heading 2"]
        assert subheadings[0] == "（一）主动公开"

    def test_tables_follow_their_headings(self) -> None:
        """Each table comes right after the heading of its section."""
        body = _document(render(report_2021(), "docx")).element.body
        order = []
        for child in body.iterchildren():
            if child.tag == qn("w:tbl"):
                order.append("table")
            elif child.tag == qn("w:p") and "".join(child.itertext()).startswith(("二、", "三、", "四、", "五、")):
                order.append("".join(child.itertext())[:2])
        assert order == ["二、", "table", "三、", "table", "四、", "table", "五、"]

    def test_single_table_caption(self) -> None:
        """table="四" writes its caption and one table; caption=False leaves it out."""
        data = render(report_2021(), "docx", table="四")
        assert _lines(data) == ["表四 政府信息公开行政复议、行政诉讼情况"]
        assert len(_document(data).tables) == 1
        assert _lines(render(report_2021(), "docx", table="四", caption=False)) == []

    def test_table_object(self) -> None:
        """A table object is written in the layout its class implies."""
        report = report_2021_single()
        table = _document(DocxRenderer()(report.applications)).tables[0]
        assert _spans(table) == _grid_spans(report, "三")

    def test_reproducible(self) -> None:
        """The same report gives the same bytes."""
        report = report_2021()
        assert render(report, "docx") == render(report, "docx")

    def test_page_and_fonts(self) -> None:
        """A4 portrait; the East Asian font of the text is the one asked for."""
        document = _document(render(report_2021(), "docx", font="宋体"))
        section = document.sections[0]
        assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
        fonts = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == "宋体"

    def test_control_characters_dropped(self) -> None:
        """Characters XML cannot hold are left out instead of failing."""
        report = report_2021()
        data = render(attrs.evolve(report, title="某某\x07市2023年政府信息公开工作年度报告"), "docx")
        assert _lines(data)[0] == "某某市2023年政府信息公开工作年度报告"


class TestFindings:
    """Flagged cells are shaded and numbered; the findings are listed under their table."""

    def test_marks(self) -> None:
        """C1 on （七）总计 · 自然人: error shading, superscript 1, footnote under 表三."""
        document = _document(render(report_2021(), "docx", table="三", findings=FINDINGS))
        cell = document.tables[0].cell(26, 3)
        fill = cell._tc.tcPr.find(qn("w:shd")).get(qn("w:fill"))
        assert fill == SHADING["error"]
        runs = cell.paragraphs[0].runs
        assert runs[-1].text == "1"
        assert runs[-1].font.superscript is True
        label = document.tables[0].cell(7, 2)
        assert label._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == SHADING["warning"]
        assert [p.text for p in document.paragraphs if p.text.startswith(("1.", "2."))] == [
            "1. [error] C1 （七）总计·自然人 应为 409，实为 410",
            "2. [warning] C3 1.属于国家秘密：总计与各列之和不符",
        ]

    def test_english(self) -> None:
        """language="en" lists the English messages."""
        data = render(report_2021(), "docx", table="三", findings=FINDINGS, language="en")
        assert "1. [error] C1 (7) total, natural person: expected 409, found 410" in _lines(data)

    def test_no_findings_no_shading(self) -> None:
        """Without findings no cell is shaded."""
        document = _document(render(report_2021(), "docx"))
        assert not document.element.body.findall(".//" + qn("w:shd"))


class TestOptions:
    """Options are checked with one clear line."""

    def test_returns_bytes(self) -> None:
        """format="docx" returns the bytes of a zip package."""
        data = render(report_2021(), "docx")
        assert isinstance(data, bytes)
        assert data.startswith(b"PK")

    def test_unknown_option(self) -> None:
        with pytest.raises(RenderError) as info:
            render(report_2021(), "docx", border="ascii")
        assert str(info.value) == (
            "unknown option 'border' for format 'docx': expected one of blank, caption, language, mark, font, "
            "heading_font, size"
        )

    def test_page(self) -> None:
        with pytest.raises(RenderError) as info:
            render(report_2021(), "docx", page=True)
        assert str(info.value) == "page=True makes a standalone HTML document: use format='html', not 'docx'"

    def test_unknown_format(self) -> None:
        with pytest.raises(RenderError) as info:
            render(report_2021(), "rtf")
        assert str(info.value).startswith("unknown format 'rtf': expected one of text, markdown, html")

    @pytest.mark.parametrize(
        ("options", "message"),
        [
            ({"language": "fr"}, "unknown language 'fr': expected 'zh' or 'en'"),
            ({"mark": "some"}, "unknown mark 'some': expected 'first' (a finding's location) or 'all' (every cell)"),
            ({"size": 2}, "size=2 is out of range: give the text size in points, from 5 to 30"),
        ],
    )
    def test_invalid(self, options: dict[str, Any], message: str) -> None:
        with pytest.raises(RenderError) as info:
            DocxRenderer(**options)
        assert str(info.value) == message

    def test_unknown_table(self) -> None:
        with pytest.raises(RenderError, match=r"^unknown table '七'"):
            render(report_2021(), "docx", table="七")

    def test_missing_dependency(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without python-docx: MissingDependencyError naming the extra."""
        monkeypatch.setitem(sys.modules, "docx", None)
        with pytest.raises(MissingDependencyError) as info:
            render(report_2021(), "docx")
        assert str(info.value) == (
            "writing Word files needs the optional package 'python-docx': install it with "
            "pip install 'govdisclosure[docx]'"
        )


class TestCli:
    """``govdisclosure render --to docx`` writes the Word file to -o FILE or to a redirected stdout."""

    SAMPLE = Path(govdisclosure.__file__).parent / "samples" / "example-2019.json"

    def test_output_file(self, tmp_path: Path) -> None:
        from govdisclosure.cli import main

        target = tmp_path / "report.docx"
        assert main(["render", str(self.SAMPLE), "--to", "docx", "--table", "三", "-o", str(target)]) == 0
        document = _document(target.read_bytes())
        assert [(len(t.rows), len(t.columns)) for t in document.tables] == [(26, 10)]  # 2019: one （六） row
        assert list(tmp_path.iterdir()) == [target]

    def test_redirected_stdout(self, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
        from govdisclosure.cli import main

        assert main(["render", str(self.SAMPLE), "--to", "docx"]) == 0
        data = capsysbinary.readouterr().out
        assert data == render(govdisclosure.sample_report("example-2019"), "docx")

    def test_terminal_refused(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A Word file is not written to a terminal: usage error, exit 2, nothing written."""
        from govdisclosure.cli import main

        monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
        assert main(["render", str(self.SAMPLE), "--to", "docx"]) == 2
        err = capsys.readouterr().err
        assert "--to docx writes a binary Word file: give -o FILE, or redirect stdout to a file" in err

    def test_unwritable(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        from govdisclosure.cli import main

        target = tmp_path / "missing" / "x.docx"
        assert main(["render", str(self.SAMPLE), "--to", "docx", "-o", str(target)]) == 2
        assert capsys.readouterr().err == f"govdisclosure: {target}: cannot write: No such file or directory\n"
