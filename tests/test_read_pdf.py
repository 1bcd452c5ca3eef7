"""Tests of the PDF format reader: text layer checks, lines, ruled tables, page breaks."""

from __future__ import annotations

import ctypes
import io
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from corpus_expected import APPLICANT_FIELDS, EXPECTED, KEY_FIGURES, KEY_PATHS, REVIEW_FIELDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govdisclosure.errors import MissingDependencyError, ReadError
from govdisclosure.importers import _pdf, read
from govdisclosure.importers._pdf import read_pdf
from govdisclosure.importers._source import SourceDocument, SourceLine, SourceNote, SourceTable

NO_TEXT = "{} has no usable text layer (scanned or image-only PDF); OCR it first"
GARBAGE = (
    "{} has no usable text layer (its characters are not readable Chinese text: scanned or image-only PDF, "
    "or a broken font encoding); OCR it first"
)


def make_pdf(texts: list[tuple[str, float, float]] | None = None, pages: int = 1) -> bytes:
    """A PDF written with pypdfium2: Helvetica text objects at the given positions (no Chinese font)."""
    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        page = pdf.new_page(595, 842)
        for text, x, y in texts or []:
            obj = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", 12.0)
            buffer = ctypes.create_string_buffer(text.encode("utf-16-le") + b"\0\0")
            pdfium_c.FPDFText_SetText(obj, ctypes.cast(buffer, pdfium_c.FPDF_WIDESTRING))
            pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
            pdfium_c.FPDFPage_InsertObject(page.raw, obj)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def chars(text: str, x: float, y: float, size: float = 10.0) -> list[_pdf._Char]:
    """Characters of one printed line, each a square box of the given size."""
    return [_pdf._Char(ch, x + i * size, y, x + (i + 1) * size - 0.5, y + size) for i, ch in enumerate(text)]


def tables(doc: SourceDocument) -> list[SourceTable]:
    return [b for b in doc.blocks if isinstance(b, SourceTable)]


def lines(doc: SourceDocument) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, SourceLine)]


def texts(table: SourceTable) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


class TestTextLayer:
    """PDFs without usable text are refused with one clear line."""

    def test_missing_dependency(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setitem(sys.modules, "pypdfium2", None)
        with pytest.raises(MissingDependencyError) as info:
            read_pdf(b"%PDF-1.4")
        assert (
            str(info.value)
            == "reading PDF needs the optional package 'pypdfium2': install it with pip install 'govdisclosure[pdf]'"
        )

    def test_empty_bytes(self) -> None:
        with pytest.raises(ReadError, match=r"^a\.pdf is empty: there is no PDF to read$"):
            read_pdf(b"", name="a.pdf")

    def test_not_a_pdf(self) -> None:
        with pytest.raises(ReadError) as info:
            read_pdf(b"<html>not a pdf</html>")
        assert str(info.value) == (
            "the PDF input cannot be opened as a PDF: Failed to load document (PDFium: Data format error); "
            "check that the file is complete"
        )

    def test_not_bytes(self) -> None:
        with pytest.raises(ReadError, match=r"^the PDF input must be given as bytes to be read as PDF, not str$"):
            read_pdf("%PDF-1.4")  # type: ignore[arg-type]

    def test_no_text(self) -> None:
        with pytest.raises(ReadError) as info:
            read_pdf(make_pdf(pages=2), name="scan.pdf")
        assert str(info.value) == NO_TEXT.format("scan.pdf")

    def test_no_chinese(self) -> None:
        with pytest.raises(ReadError) as info:
            read_pdf(make_pdf([("2023 annual report 1000 50", 72, 700)]))
        assert str(info.value) == GARBAGE.format("the PDF input")

    def test_mojibake(self) -> None:
        with pytest.raises(ReadError) as info:
            read_pdf(make_pdf([("æ¿å\u201cä¿¡æ 2023 å„·", 72, 700)]))
        assert str(info.value) == GARBAGE.format("the PDF input")

    @given(st.binary(max_size=300))
    @settings(max_examples=100, deadline=None)
    def test_random_bytes(self, data: bytes) -> None:
        with pytest.raises(ReadError):
            read_pdf(b"%PDF-1.4\n" + data)


class TestLines:
    """Characters are grouped into lines, left to right, top to bottom."""

    def test_two_lines(self) -> None:
        found = _pdf._lines(chars("总体情况", 100, 500) + chars("一、", 100, 520))
        assert [line.text() for line in found] == ["一、", "总体情况"]

    def test_quotes_join_their_line(self) -> None:
        line = chars("危及三安全", 100, 500)
        quote = _pdf._Char("“", line[2].x0 - 4, 507, line[2].x0 - 1, 510)  # tight box high on the line
        found = _pdf._lines([*line, quote])
        assert [x.text() for x in found] == ["危及“三安全"]

    def test_wide_gap_is_a_space(self) -> None:
        found = _pdf._lines(chars("规章", 100, 500) + chars("12", 200, 500))
        assert [x.text() for x in found] == ["规章 12"]

    def test_printed_space_kept_once(self) -> None:
        row = [*chars("商业", 100, 500), _pdf._Char(" ", 120, 500, 120, 500), *chars("企业", 122, 500)]
        assert [x.text() for x in _pdf._lines(row)] == ["商业 企业"]


def stroke(page: pdfium.PdfPage, x0: float, y0: float, x1: float, y1: float) -> None:
    path = pdfium_c.FPDFPageObj_CreateNewPath(x0, y0)
    pdfium_c.FPDFPath_LineTo(path, x1, y1)
    pdfium_c.FPDFPageObj_SetStrokeWidth(path, 1.0)
    pdfium_c.FPDFPath_SetDrawMode(path, pdfium_c.FPDF_FILLMODE_NONE, 1)
    pdfium_c.FPDFPage_InsertObject(page.raw, path)


class TestRulings:
    """Thin path objects are rulings, on the page or inside a form XObject."""

    IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

    def test_page_paths(self) -> None:
        pdf = pdfium.PdfDocument.new()
        page = pdf.new_page(595, 842)
        stroke(page, 100, 700, 300, 700)
        stroke(page, 100, 600, 100, 700)
        stroke(page, 100, 100, 150, 150)  # a diagonal is no ruling
        horizontal: list[tuple[float, float, float]] = []
        vertical: list[tuple[float, float, float]] = []
        _pdf._collect_rulings(pdfium_c, page.raw, None, self.IDENTITY, horizontal, vertical, 0)
        assert [tuple(round(v) for v in s) for s in horizontal] == [(700, 99, 301)]
        assert [tuple(round(v) for v in s) for s in vertical] == [(100, 599, 701)]

    def test_form_paths_mapped_to_the_page(self) -> None:
        source = pdfium.PdfDocument.new()
        inner = source.new_page(595, 842)
        stroke(inner, 100, 700, 300, 700)
        pdfium_c.FPDFPage_GenerateContent(inner.raw)
        pdf = pdfium.PdfDocument.new()
        page = pdf.new_page(595, 842)
        form = pdfium_c.FPDF_NewFormObjectFromXObject(pdfium_c.FPDF_NewXObjectFromPage(pdf.raw, source.raw, 0))
        pdfium_c.FPDFPageObj_Transform(form, 1, 0, 0, 1, 50, -10)
        pdfium_c.FPDFPage_InsertObject(page.raw, form)
        horizontal: list[tuple[float, float, float]] = []
        vertical: list[tuple[float, float, float]] = []
        _pdf._collect_rulings(pdfium_c, page.raw, None, self.IDENTITY, horizontal, vertical, 0)
        assert [tuple(round(v) for v in s) for s in horizontal] == [(690, 149, 351)]
        assert vertical == []


def ruled(xs: list[float], ys: list[float]) -> _pdf._Rulings:
    """Full rulings of a grid: every x boundary and every y boundary drawn across."""
    return _pdf._Rulings(
        [(y, xs[0], xs[-1]) for y in ys],
        [(x, min(ys), max(ys)) for x in xs],
    )


class TestRegions:
    """Rulings make table regions whose unruled boundaries merge cells."""

    def test_full_grid(self) -> None:
        regions = _pdf._regions(1, ruled([100, 200, 300], [700, 680, 660]))
        assert len(regions) == 1
        assert [(c.r0, c.r1, c.c0, c.c1) for c in regions[0].cells] == [
            (0, 1, 0, 1),
            (0, 1, 1, 2),
            (1, 2, 0, 1),
            (1, 2, 1, 2),
        ]

    def test_missing_ruling_merges(self) -> None:
        rulings = _pdf._Rulings(
            [(700, 100, 300), (680, 200, 300), (660, 100, 300)],  # no ruling under the left cell of row 1
            [(100, 660, 700), (200, 660, 700), (300, 660, 700)],
        )
        region = _pdf._regions(1, rulings)[0]
        assert [(c.r0, c.r1, c.c0, c.c1) for c in region.cells] == [(0, 2, 0, 1), (0, 1, 1, 2), (1, 2, 1, 2)]

    def test_rulings_not_closing_a_rectangle(self) -> None:
        rulings = _pdf._Rulings(  # no ruling between the top cells nor between the left cells: an L shape
            [(700, 100, 300), (680, 200, 300), (660, 100, 300)],
            [(100, 660, 700), (200, 660, 680), (300, 660, 700)],
        )
        region = _pdf._regions(1, rulings)[0]
        assert [(c.r0, c.r1, c.c0, c.c1) for c in region.cells] == [
            (0, 1, 0, 1),
            (0, 1, 1, 2),
            (1, 2, 0, 1),
            (1, 2, 1, 2),
        ]

    def test_characters_go_to_their_cell(self) -> None:
        region = _pdf._regions(1, ruled([100, 200, 300], [700, 660]))[0]
        outside = chars("二、", 100, 720)
        label = chars("结果", 110, 685) + chars("维持", 110, 670)  # wrapped over two lines in one cell
        rest = _pdf._assign(region, outside + label + chars("10", 210, 675))
        assert rest == outside
        assert [c.text for c in region.cells] == ["结果维持", "10"]

    def test_frame_is_not_a_table(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def frame(pdfium_c: object, page: object, form: object, matrix: object, h: list, v: list, depth: int) -> None:
            h += [(800.0, 50.0, 500.0), (50.0, 50.0, 500.0)]  # a border around the page
            v += [(50.0, 50.0, 800.0), (500.0, 50.0, 800.0)]

        monkeypatch.setattr(_pdf, "_collect_rulings", frame)
        page, seen = self.read_page(chars("一、总体情况", 100, 700) + chars("正文", 100, 680))
        assert [b.text() for _, b in page.blocks if isinstance(b, _pdf._Line)] == ["一、总体情况", "正文"]
        assert not any(isinstance(b, _pdf._Region) for _, b in page.blocks)
        assert seen == list("一、总体情况正文")

    def test_rows_between_two_side_rules_are_lines(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def rules(pdfium_c: object, page: object, form: object, matrix: object, h: list, v: list, depth: int) -> None:
            h += [(720.0, 50.0, 500.0), (690.0, 50.0, 500.0), (660.0, 50.0, 500.0)]
            v += [(50.0, 660.0, 720.0), (500.0, 660.0, 720.0)]

        monkeypatch.setattr(_pdf, "_collect_rulings", rules)
        page, _ = self.read_page(chars("规章", 100, 700) + chars("0", 310, 700) + chars("规范性文件", 100, 670))
        assert [b.text() for _, b in page.blocks if isinstance(b, _pdf._Line)] == ["规章 0", "规范性文件"]

    def test_drawing_is_not_table_rules(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def hatching(
            pdfium_c: object, page: object, form: object, matrix: object, h: list, v: list, depth: int
        ) -> None:
            h += [(100.0 + i / 10, 50.0, 500.0) for i in range(1001)]
            v += [(50.0 + i / 10, 50.0, 500.0) for i in range(1000)]

        monkeypatch.setattr(_pdf, "_collect_rulings", hatching)
        page, _ = self.read_page(chars("图表", 100, 300))
        assert page.drawn == 2001
        assert [type(b).__name__ for _, b in page.blocks] == ["_Line"]

    def test_ruled_table_on_a_page(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def grid(pdfium_c: object, page: object, form: object, matrix: object, h: list, v: list, depth: int) -> None:
            h += [(720.0, 50.0, 500.0), (660.0, 50.0, 500.0)]
            v += [(50.0, 660.0, 720.0), (300.0, 660.0, 720.0), (500.0, 660.0, 720.0)]

        monkeypatch.setattr(_pdf, "_collect_rulings", grid)
        page, _ = self.read_page(chars("一、总体情况", 100, 750) + chars("自然人", 100, 690) + chars("3", 310, 690))
        assert [type(b).__name__ for _, b in page.blocks] == ["_Line", "_Region"]
        region = page.blocks[1][1]
        assert isinstance(region, _pdf._Region)
        assert [c.text for c in region.cells] == ["自然人", "3"]

    @staticmethod
    def read_page(found: list[_pdf._Char]) -> tuple[_pdf._Page, list[str]]:
        """Extraction and layout of a fake document whose only page holds the given characters."""

        class TextPage:
            raw = None  # pdfium answers "cannot tell" (-1) when asked a character's direction without a text page

            def count_chars(self) -> int:
                return len(found)

            def get_text_range(self, start: int, count: int) -> str:
                return "".join(c.ch for c in found)

            def get_charbox(self, i: int) -> tuple[float, float, float, float]:
                c = found[i]
                return (c.x0, c.y0, c.x1, c.y1)

            def close(self) -> None:
                pass

        class Page:
            raw = None

            def get_height(self) -> float:
                return 842.0

            def get_width(self) -> float:
                return 595.0

            def get_rotation(self) -> int:
                return 0

            def get_textpage(self) -> TextPage:
                return TextPage()

            def close(self) -> None:
                pass

        height, seen, horizontal, vertical, _ = _pdf._extract([Page()], 0, pdfium_c)
        return _pdf._layout(1, height, seen, horizontal, vertical), [c.ch for c in seen]

    @given(
        rows=st.integers(min_value=1, max_value=5),
        cols=st.integers(min_value=1, max_value=5),
        dropped=st.sets(st.tuples(st.booleans(), st.integers(0, 5), st.integers(0, 5)), max_size=12),
    )
    @settings(max_examples=150, deadline=None)
    def test_any_ruling_pattern_gives_a_rectangular_grid(
        self, rows: int, cols: int, dropped: set[tuple[bool, int, int]]
    ) -> None:
        xs = [100.0 + 50 * c for c in range(cols + 1)]
        ys = [700.0 - 20 * r for r in range(rows + 1)]
        horizontal = [
            (ys[r], xs[c], xs[c + 1])
            for r in range(rows + 1)
            for c in range(cols)
            if r in (0, rows) or (True, r, c) not in dropped
        ]
        vertical = [
            (xs[c], ys[r + 1], ys[r])
            for c in range(cols + 1)
            for r in range(rows)
            if c in (0, cols) or (False, c, r) not in dropped
        ]
        region = _pdf._regions(1, _pdf._Rulings(_pdf._merge_segments(horizontal), _pdf._merge_segments(vertical)))[0]
        table = _pdf._table([region], 0, [])
        height = len({y for y, _, _ in horizontal}) - 1  # a boundary with no ruling at all is no boundary
        width = len({x for x, _, _ in vertical}) - 1
        assert len(table.rows) == height
        assert {len(row) for row in table.rows} == {width}
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row):
                if not cell.spanned:  # the positions a cell covers are its own
                    assert r + cell.rowspan <= height
                    assert c + cell.colspan <= width
                    covered = {table.rows[r + i][c + j].where for i in range(cell.rowspan) for j in range(cell.colspan)}
                    assert covered == {cell.where}

    def test_separate_tables(self) -> None:
        rulings = ruled([100, 300], [700, 680])
        lower = ruled([100, 300], [500, 480])
        both = _pdf._Rulings(rulings.h + lower.h, rulings.v + lower.v)
        assert [r.top for r in _pdf._regions(1, both)] == [700, 500]


def page(number: int, *blocks: _pdf._Line | _pdf._Region) -> _pdf._Page:
    return _pdf._Page(number, 842.0, [(b.y1 if isinstance(b, _pdf._Line) else b.top, b) for b in blocks])


def line(text: str, x: float, y: float) -> _pdf._Line:
    return _pdf._Line(chars(text, x, y))


def region(number: int, xs: list[float], ys: list[float], texts: list[str], rulings: _pdf._Rulings) -> _pdf._Region:
    out = _pdf._regions(number, rulings)[0]
    for cell, text in zip(out.cells, texts, strict=True):
        cell.text = text
    return out


class TestAssemble:
    """Pages become blocks: markers and running headers dropped, paragraphs and tables joined."""

    def test_page_markers_and_headers_dropped(self) -> None:
        pages = [
            page(1, line("某县政府信息公开年报", 100, 800), line("一、总体情况", 100, 600), line("- 1 -", 280, 40)),
            page(2, line("某县政府信息公开年报", 100, 800), line("二、主动公开", 100, 600), line("— 2 —", 280, 40)),
        ]
        assert [b.text for b in _pdf._assemble(pages, []) if isinstance(b, SourceLine)] == [
            "一、总体情况",
            "二、主动公开",
        ]

    def test_wrapped_paragraph_joined_across_pages(self) -> None:
        pages = [
            page(1, line("一、总体情况", 120, 700), line("文" * 20, 100, 680), line("文字文字", 100, 660)),
            page(2, line("续行", 100, 700), line("（一）主动公开", 120, 680)),
        ]
        blocks = _pdf._assemble(pages, [])
        assert [b.text for b in blocks if isinstance(b, SourceLine)] == [
            "一、总体情况",
            "文" * 20 + "文字文字",
            "续行",
            "（一）主动公开",
        ]
        pages[0].blocks[-1] = (670, line("字" * 20, 100, 660))
        blocks = _pdf._assemble(pages, [])
        assert [b.text for b in blocks if isinstance(b, SourceLine)][1] == "文" * 20 + "字" * 20 + "续行"

    def test_rows_of_a_table_without_rulings_not_joined(self) -> None:
        row1 = _pdf._Line(chars("一、新收", 100, 680) + chars("21", 290, 680))
        row2 = _pdf._Line(chars("二、结转", 100, 660) + chars("0", 300, 660))
        blocks = _pdf._assemble([page(1, line("文" * 20, 100, 700), row1, row2)], [])
        assert [b.text for b in blocks if isinstance(b, SourceLine)] == ["文" * 20, "一、新收 21", "二、结转 0"]

    def test_table_continued_on_next_page(self) -> None:
        xs = [100.0, 200.0, 300.0]
        top = _pdf._Rulings(  # the left cell spans both rows and is open at the page break
            [(700, 100, 300), (680, 200, 300), (660, 200, 300)],
            [(100, 660, 700), (200, 660, 700), (300, 660, 700)],
        )
        first = region(1, xs, [700, 680, 660], ["三、", "a", "b"], top)
        rest = _pdf._Rulings(  # open at the top on the left, ruled below
            [(800, 200, 300), (780, 100, 300)],
            [(100, 780, 800), (200, 780, 800), (300, 780, 800)],
        )
        second = region(2, xs, [800, 780], ["办理", "c"], rest)
        notes: list[SourceNote] = []
        blocks = _pdf._assemble([page(1, first), page(2, second)], notes)
        assert len(blocks) == 1
        table = blocks[0]
        assert isinstance(table, SourceTable)
        assert texts(table) == [["三、办理", "a"], ["三、办理", "b"], ["三、办理", "c"]]
        assert [(c.rowspan, c.spanned) for c in (table.rows[0][0], table.rows[2][0])] == [(3, False), (3, True)]
        assert [n.message for n in notes] == ["table 1 continues over pages 1 to 2; its parts were joined"]

    def test_repeated_header_dropped(self) -> None:
        xs = [100.0, 200.0, 300.0]
        first = region(1, xs, [700, 680, 660], ["自然人", "总计", "1", "1"], ruled(xs, [700, 680, 660]))
        second = region(2, xs, [800, 780, 760], ["自然人", "总计", "2", "2"], ruled(xs, [800, 780, 760]))
        notes: list[SourceNote] = []
        table = _pdf._assemble([page(1, first), page(2, second)], notes)[0]
        assert isinstance(table, SourceTable)
        assert texts(table) == [["自然人", "总计"], ["1", "1"], ["2", "2"]]
        assert [n.code for n in notes] == ["pdf-repeated-header", "pdf-table-joined"]
        assert notes[0].message == "table 1: 1 header row(s) repeated on page 2 were dropped"

    def test_table_not_joined_when_text_between(self) -> None:
        xs = [100.0, 300.0]
        first = region(1, xs, [700, 680], ["a"], ruled(xs, [700, 680]))
        second = region(2, xs, [800, 780], ["b"], ruled(xs, [800, 780]))
        blocks = _pdf._assemble([page(1, first), page(2, line("四、行政复议", 100, 810), second)], [])
        assert [type(b).__name__ for b in blocks] == ["SourceTable", "SourceLine", "SourceTable"]


@pytest.mark.corpus
class TestCorpus:
    """The real PDF of the corpus reads into the printed tables."""

    @pytest.fixture
    def doc(self, corpus: Path) -> SourceDocument:
        return read_pdf((corpus / "real/012-hongze-district-2023.pdf").read_bytes(), name="012.pdf")

    def test_tables(self, doc: SourceDocument) -> None:
        assert [(len(t.rows), len(t.rows[0])) for t in tables(doc)] == [(14, 4), (26, 10), (4, 15)]
        assert [t.where.page for t in tables(doc)] == [2, 3, 4]
        assert [n.code for n in doc.notes] == ["pdf-table-joined", "pdf-table-joined"]

    def test_applications(self, doc: SourceDocument) -> None:
        grid = texts(tables(doc)[1])
        assert grid[0][0] == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
        assert grid[2][3:] == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
        assert grid[3] == ["一、本年新收政府信息公开申请数量"] * 3 + ["21", "0", "0", "0", "0", "0", "21"]
        assert grid[6][1] == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
        assert grid[6][3:] == ["4", "0", "0", "0", "0", "0", "4"]
        assert grid[8][2] == "2.其他法律行政止公开"
        assert grid[9][2] == "3.危及“三安全一稳定”"
        assert grid[15][1:] == ["（四）无法提供", "1.本机关不掌握相关政府信息", "10", "0", "0", "0", "0", "0", "10"]
        assert grid[22][2] == "5.要求行政机关确认或重新出具已获取信息"  # wrapped over two lines
        assert grid[23][1:4] == ["（六）其他处理", "（六）其他处理", "0"]  # the 2019-style single row
        assert grid[24][1:] == ["（七）总计", "（七）总计", "21", "0", "0", "0", "0", "0", "21"]
        assert grid[25][0] == "四、结转下年度继续办理"

    def test_outcome_cell_spans_the_page_break(self, doc: SourceDocument) -> None:
        table = tables(doc)[1]
        outcome = table.rows[5][0]
        assert (outcome.text, outcome.rowspan, outcome.spanned) == ("三、本年度办理结果", 20, False)
        assert all(row[0].text == "三、本年度办理结果" and row[0].spanned for row in table.rows[6:25])
        assert table.rows[17][1].text == "（四）无法提供"  # 3.补正后… is on the next page
        assert {table.rows[17][2].where.page, table.rows[16][2].where.page} == {3, 4}

    def test_review(self, doc: SourceDocument) -> None:
        grid = texts(tables(doc)[2])
        assert grid[0][0] == "行政复议"
        assert grid[1][5] == "未经复议直接起诉"
        assert grid[2][5:10] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        assert grid[3] == ["10", "1", "0", "0", "0", "0", "0", "0", "0", "0", "5", "0", "0", "0", "0"]

    def test_active_disclosure_joined_over_pages(self, doc: SourceDocument) -> None:
        grid = texts(tables(doc)[0])
        assert grid[9][:2] == ["行政处罚", "4119"]
        assert grid[13][:2] == ["行政事业性收费", "7730.28"]

    def test_lines(self, doc: SourceDocument) -> None:
        found = lines(doc)
        assert found[:2] == ["洪泽区人民政府", "2023年政府信息公开工作年度报告"]
        assert "四、政府信息公开行政复议、行政诉讼情况" in found
        assert not any(text.strip("-— 0123456789") == "" for text in found)  # no page markers
        paragraph = next(text for text in found if text.startswith("加强区政府门户网站"))
        assert "严格执行“分级审核、先审后发”程序" in paragraph  # joined across the page break

    def test_garbage_text_layer(self, corpus: Path) -> None:
        for path in sorted((corpus / "synthetic").glob("S04-*.pdf")):
            with pytest.raises(ReadError) as info:
                read_pdf(path.read_bytes(), name=path.name)
            assert str(info.value) == GARBAGE.format(path.name)

    @given(cut=st.floats(min_value=0.0, max_value=1.0))
    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    def test_truncated(self, corpus: Path, cut: float) -> None:
        data = (corpus / "real/012-hongze-district-2023.pdf").read_bytes()
        try:
            doc = read_pdf(data[: int(len(data) * cut)])
        except ReadError:
            return
        for table in tables(doc):
            assert len({len(row) for row in table.rows}) == 1


@pytest.mark.corpus
class TestImport:
    """End to end through ``govdisclosure.read``: the PDF imports with the figures it prints."""

    def test_012_every_cell_as_printed(self, corpus: Path) -> None:
        expected = EXPECTED["012-hongze-district-2023.txt"]  # the same report as pdfplumber's text
        result = read(corpus / "real" / "012-hongze-district-2023.pdf")
        report = result.report
        assert (report.edition, report.year, report.agency) == (expected.edition, expected.year, expected.agency)
        assert report.uses_single_other_handling is expected.single_other_handling
        wrong = []
        for table, fields, rows in (
            ("applications", APPLICANT_FIELDS, expected.applications),
            ("review_litigation", REVIEW_FIELDS, expected.review_litigation),
        ):
            for row, values in rows.items():
                got = tuple(report.get(f"{table}.{row}.{field}") for field in fields)
                if got != values:
                    wrong.append((row, values, got))
        assert wrong == []
        for row, values in expected.active_disclosure.items():
            assert report.get(f"active_disclosure.{row}").values() == values
        assert tuple(report.get(path) for path in KEY_PATHS) == KEY_FIGURES["012"]

    def test_012_notes_point_at_pages(self, corpus: Path) -> None:
        result = read(corpus / "real" / "012-hongze-district-2023.pdf")
        typo = next(note for note in result.notes if note.code == "label-typo")
        assert "page 3" in str(typo)

    def test_s04_refused(self, corpus: Path) -> None:
        path = sorted((corpus / "synthetic").glob("S04-*.pdf"))[0]
        with pytest.raises(ReadError) as info:
            read(path)
        assert str(info.value) == GARBAGE.format(path.name)


class TestPrintedFromWord:
    """A whole report written by the project and printed to PDF by a word processor.

    ``tests/data/example-2019-libreoffice.pdf`` is the bundled 2019 sample rendered as Word
    (``govdisclosure render --to docx``) and converted by LibreOffice 7.4 (``soffice --headless --convert-to pdf``):
    its title wraps onto a second line, 表三 runs over a page break with its header repeated, and the contact details
    sit beside their labels without a colon.
    """

    PDF = Path(__file__).parent / "data" / "example-2019-libreoffice.pdf"

    def test_reads_back_whole(self) -> None:
        """Every table cell, the metadata and the narrative come back as the sample holds them."""
        from govdisclosure import sample_report

        sample = sample_report("example-2019")
        result = read(self.PDF, name=sample.source)
        assert result.report == sample
        assert sorted(n.code for n in result.notes) == ["pdf-repeated-header", "pdf-table-joined"]


def bare_page(*texts: tuple[str, float, float]) -> list[SourceTable | SourceLine]:
    """The blocks of one page without rulings holding the given printed texts (text, x, y)."""
    seen = [c for text, x, y in texts for c in chars(text, x, y)]
    return _pdf._assemble([_pdf._layout(1, 842.0, seen, [], [])], [])


def figures(y: float, *values: str) -> list[tuple[str, float, float]]:
    """Numbers printed in the columns at x = 300, 340, 380… on the baseline y."""
    return [(value, 300 + 40 * i, y) for i, value in enumerate(values)]


class TestBorderless:
    """A table printed without rulings is read as a grid from the position of its figures."""

    def test_label_wrapped_around_its_figures(self) -> None:
        """The figures of a wrapped label sit on a line of their own, between the label's two halves."""
        blocks = bare_page(
            ("一、本年新收", 100, 700),
            *figures(700, "1", "2", "3"),
            ("（二）部分公开（区分", 100, 683),
            *figures(677, "4", "5", "6"),
            ("处理的）", 100, 671),
            ("三、结转", 100, 650),
            *figures(650, "7", "8", "9"),
        )
        assert [type(b).__name__ for b in blocks] == ["SourceTable"]
        table = blocks[0]
        assert isinstance(table, SourceTable)
        assert texts(table) == [
            ["一、本年新收", "1", "2", "3"],
            ["（二）部分公开（区分处理的）", "4", "5", "6"],
            ["三、结转", "7", "8", "9"],
        ]
        label, value = table.rows[1][0].where, table.rows[1][1].where
        assert (label.page, label.table, label.row, label.col) == (1, 0, 1, 0)
        assert label.bbox == (100.0, 671.0, 199.5, 693.0)
        assert (value.row, value.col, value.bbox) == (1, 1, (300.0, 677.0, 309.5, 687.0))
        assert (table.where.page, table.where.table) == (1, 0)

    def test_group_label_beside_the_rows_left_out(self) -> None:
        """（三）不予公开 printed on the baselines of its rows, in a column of its own, is not part of their labels."""
        blocks = bare_page(
            ("（三）", 50, 700),
            ("1.属于国家秘密", 110, 700),
            *figures(700, "1", "2"),
            ("不予公", 50, 680),
            ("2.其他法律", 110, 686),
            *figures(680, "3", "4"),
            ("禁止", 110, 674),
            ("开", 50, 660),
            ("3.危及稳定", 110, 660),
            *figures(660, "5", "6"),
            ("（四）无法提供", 50, 640),
            *figures(640, "7", "8"),
        )
        assert [texts(b) for b in blocks if isinstance(b, SourceTable)] == [
            [
                ["1.属于国家秘密", "1", "2"],
                ["2.其他法律禁止", "3", "4"],
                ["3.危及稳定", "5", "6"],
                ["（四）无法提供", "7", "8"],
            ]
        ]

    def test_group_label_close_to_the_rows_labels(self) -> None:
        """A group label wrapped in a narrow column, less than a character from the rows' labels: its text runs
        into theirs on a line, and is cut off where the rows' label column starts (a label printed across the
        columns, its characters evenly spaced, is not cut)."""
        blocks = bare_page(
            ("（三", 80, 700),
            ("1.属于国家秘密", 106, 700),
            *figures(700, "1", "2"),
            ("不予", 80, 680),
            ("2.其他法律", 106, 686),
            *figures(680, "3", "4"),
            ("禁止", 106, 674),
            ("公开", 80, 660),
            ("3.危及稳定", 106, 660),
            *figures(660, "5", "6"),
            ("（四）无法提供信息", 80, 640),
            *figures(640, "7", "8"),
        )
        assert [texts(b) for b in blocks if isinstance(b, SourceTable)] == [
            [
                ["1.属于国家秘密", "1", "2"],
                ["2.其他法律禁止", "3", "4"],
                ["3.危及稳定", "5", "6"],
                ["（四）无法提供信息", "7", "8"],
            ]
        ]

    def test_label_with_spread_characters_not_cut(self) -> None:
        """A label printed with its characters spread out (gaps of half a character, no printed spaces), one of
        them landing where the rows' label column starts: the label is not cut there (it was read as '计')."""
        printed = [
            ("（三）", 50, 700),
            ("1.属于国家秘密", 110, 700),
            *figures(700, "1", "2"),
            ("不予公", 50, 680),
            ("2.其他法律", 110, 686),
            *figures(680, "3", "4"),
            ("禁止", 110, 674),
            ("开", 50, 660),
            ("3.危及稳定", 110, 660),
            *figures(660, "5", "6"),
            *figures(640, "7", "8"),
        ]
        seen = [c for text, x, y in printed for c in chars(text, x, y)]
        seen += [_pdf._Char(ch, 50 + 15 * i, 640, 59.5 + 15 * i, 650) for i, ch in enumerate("（四）总计")]
        blocks = _pdf._assemble([_pdf._layout(1, 842.0, seen, [], [])], [])
        assert [texts(b) for b in blocks if isinstance(b, SourceTable)] == [
            [
                ["1.属于国家秘密", "1", "2"],
                ["2.其他法律禁止", "3", "4"],
                ["3.危及稳定", "5", "6"],
                ["（四）总计", "7", "8"],
            ]
        ]

    def test_long_label_keeps_its_last_line(self) -> None:
        """A label of four lines before a one-line row: its last line is nearer the next row's figures, but the
        label is centred on its own."""
        blocks = bare_page(
            ("一、甲", 100, 750),
            *figures(750, "1", "2"),
            ("第一行", 100, 731),
            ("第二行", 100, 719),
            *figures(713, "3", "4"),
            ("第三行", 100, 707),
            ("第四行", 100, 695),
            ("三、丙", 100, 679.5),
            *figures(679.5, "5", "6"),
        )
        assert [texts(b) for b in blocks if isinstance(b, SourceTable)] == [
            [["一、甲", "1", "2"], ["第一行第二行第三行第四行", "3", "4"], ["三、丙", "5", "6"]]
        ]

    def test_first_label_reaching_above_its_band(self) -> None:
        """The first row's label of five lines reaches further up than halfway to the next row; the line above it
        is not part of it and stays a line, once."""
        blocks = bare_page(
            ("表头", 100, 738),
            ("第一行", 100, 724),
            ("第二行", 100, 712),
            ("第三行", 100, 700),
            *figures(700, "1", "2"),
            ("第四行", 100, 688),
            ("第五行", 100, 676),
            ("二、乙", 100, 661),
            *figures(661, "3", "4"),
            ("三、丙", 100, 641),
            *figures(641, "5", "6"),
        )
        assert [b.text if isinstance(b, SourceLine) else texts(b) for b in blocks] == [
            "表头",
            [["第一行第二行第三行第四行第五行", "1", "2"], ["二、乙", "3", "4"], ["三、丙", "5", "6"]],
        ]

    def test_row_without_label_ends_the_table(self) -> None:
        """Figures with no label beside them: the rows before are a table, these figures stay a line."""
        blocks = bare_page(
            ("一、甲", 100, 700),
            *figures(700, "1", "2"),
            ("二、乙", 100, 686),
            *figures(680, "3", "4"),
            ("（续）", 100, 674),
            ("三、丙", 100, 660),
            *figures(660, "5", "6"),
            *figures(640, "7", "8"),
        )
        table, line_ = blocks
        assert isinstance(table, SourceTable)
        assert isinstance(line_, SourceLine)
        assert texts(table) == [["一、甲", "1", "2"], ["二、乙（续）", "3", "4"], ["三、丙", "5", "6"]]
        assert line_.text == "7 8"

    def test_label_lines_a_line_apart(self) -> None:
        """A row printing no figure (三、丙, its label alone on its line) between rows labelled over two lines:
        its line, the next row's two and the first of the row after are as well centred on the next row's figures
        as that row's own two, but they are not a line apart as a wrapped label's lines are (they were read as
        that row's label, the figures under another row's name)."""
        blocks = bare_page(
            ("一、甲甲甲甲甲", 100, 780),
            ("（续）", 100, 768),
            *figures(774, "1", "1"),
            ("二、乙乙乙乙乙", 100, 756),
            ("（续）", 100, 744),
            *figures(750, "1", "5"),
            ("三、丙", 100, 726),
            ("四、丁丁丁丁丁", 100, 708),
            ("（续）", 100, 696),
            *figures(702, "30", "101"),
            ("五、戊戊戊戊戊", 100, 678),
            ("（续）", 100, 666),
            ("5", 340, 672),
        )
        rows = [row for b in blocks if isinstance(b, SourceTable) for row in texts(b)]
        assert ["四、丁丁丁丁丁（续）", "30", "101"] in rows or "30 101" in [
            b.text for b in blocks if isinstance(b, SourceLine)
        ]
        assert all("三、丙" not in row[0] for row in rows)

    def test_label_never_runs_into_the_next_item(self) -> None:
        """Rows printing no figure (三、丙丙丙, 五、戊) beside a row labelled on one line: the line before it and the
        line after are as far from its figures, but begin with an item's number or follow one, and are not its
        label (it was read as '丙丙丙四、丁五、戊')."""
        blocks = bare_page(
            ("一、甲", 100, 792),
            *figures(792, "1", "2"),
            ("二、乙", 100, 780),
            *figures(780, "3", "4"),
            ("三、丙丙丙", 100, 768),
            ("丙丙丙", 100, 756),
            ("四、丁", 100, 744),
            *figures(744, "5", "6"),
            ("五、戊", 100, 732),
            ("六、己己己", 100, 720),
            ("己己己", 100, 708),
            *figures(714, "7", "8"),
            ("七、庚", 100, 696),
            *figures(696, "9", "9"),
        )
        rows = [row for b in blocks if isinstance(b, SourceTable) for row in texts(b)]
        assert all(row[0].count("、") == 1 for row in rows)
        assert "四、丁 5 6" in [b.text for b in blocks if isinstance(b, SourceLine)] or ["四、丁", "5", "6"] in rows

    def test_centred_split(self) -> None:
        rows = [_pdf._Line(chars(text, 100, y)) for text, y in [("甲", 700), ("乙", 688), ("丙", 676), ("丁", 650)]]
        assert [[line.text() for line in group] for group in _pdf._centred_split(rows, [693, 655]) or []] == [
            ["甲", "乙", "丙"],
            ["丁"],
        ]
        assert _pdf._centred_split(rows, [705, 693, 681, 669, 655]) is None  # fewer lines than rows
        assert _pdf._centred_split(rows[:2], [720, 655]) is None  # no label centred on the first row's figures
        # lines above the first row and below the last may be left out, when they do not fit
        assert [[line.text() for line in group] for group in _pdf._centred_split(rows, [681, 655], True) or []] == [
            ["丙"],
            ["丁"],
        ]
        assert _pdf._centred_split(rows, [693], False, True) is not None
        assert _pdf._centred_split(rows, [693]) is None

    def test_rows_on_one_line_each_stay_lines(self) -> None:
        """No label is wrapped: the lines read as well as a grid (text laid out with tabs runs a group label into
        the row's, which the lines keep as printed)."""
        blocks = bare_page(
            ("（三）不予公开1.属于国家秘密", 100, 700),
            *figures(700, "1", "2"),
            ("2.其他法律禁止公开", 170, 680),
            *figures(680, "3", "4"),
            ("3.危及稳定", 170, 660),
            *figures(660, "5", "6"),
        )
        assert [b.text for b in blocks if isinstance(b, SourceLine)] == [
            "（三）不予公开1.属于国家秘密 1 2",
            "2.其他法律禁止公开 3 4",
            "3.危及稳定 5 6",
        ]

    def test_two_rows_stay_lines(self) -> None:
        blocks = bare_page(
            ("规章", 100, 700), *figures(700, "0", "0", "0"), ("规范性文件", 100, 680), *figures(680, "1", "2", "3")
        )
        assert [b.text for b in blocks if isinstance(b, SourceLine)] == ["规章 0 0 0", "规范性文件 1 2 3"]

    def test_rows_not_in_the_same_columns_stay_lines(self) -> None:
        blocks = bare_page(
            ("一、甲", 100, 700),
            *figures(700, "1", "2"),
            ("二、乙", 100, 686),
            ("3", 300, 680),
            ("4", 360, 680),
            ("（续）", 100, 674),
            ("三、丙", 100, 660),
            *figures(660, "5", "6"),
        )
        assert [b.text for b in blocks if isinstance(b, SourceLine)] == [
            "一、甲 1 2",
            "二、乙",
            "3 4",
            "（续）",
            "三、丙 5 6",
        ]

    def test_figures_without_labels_stay_lines(self) -> None:
        blocks = bare_page(*figures(700, "1", "2"), *figures(680, "3", "4"), *figures(660, "5", "6"))
        assert [b.text for b in blocks if isinstance(b, SourceLine)] == ["1 2", "3 4", "5 6"]

    def test_label_not_centred_stays_lines(self) -> None:
        """A row whose label cannot be centred on its figures: the geometry is not clear, nothing is guessed."""
        blocks = bare_page(
            ("一、甲", 100, 700),
            *figures(700, "1", "2"),
            ("二、乙", 100, 683),
            *figures(677, "3", "4"),
            ("三、丙", 100, 650),
            *figures(650, "5", "6"),
        )
        assert not [b for b in blocks if isinstance(b, SourceTable)]

    def test_prose_with_numbers_stays_lines(self) -> None:
        lines_ = [("全年新收申请456件，上年结转18件。", 100, 700 - 20 * i) for i in range(4)]
        assert not tables(SourceDocument(blocks=tuple(bare_page(*lines_)), format="pdf"))

    def test_label_never_taken_from_a_row_left_out(self) -> None:
        """A group label on a line of its own (三、本年度办理结果) leaves some rows unclear; a table of the rows
        before must not build its last row's label from the lines of the row below it (（二）部分公开（区分 is the
        first line of that row's label): each row keeps its own label, or the lines stay lines."""
        blocks = bare_page(
            ("一、本年新收", 100, 740),
            *figures(740, "1", "2"),
            ("二、上年结转", 100, 720),
            *figures(720, "3", "4"),
            ("三、本年度办理结果", 100, 700),
            ("（一）予以公开", 100, 680),
            *figures(680, "5", "6"),
            ("（二）部分公开（区分", 100, 663),
            *figures(657, "7", "8"),
            ("处理的）", 100, 651),
            ("（三）不予公开", 100, 630),
            ("1.属于国家秘密", 100, 610),
            *figures(610, "9", "10"),
            ("2.其他", 100, 590),
            *figures(590, "11", "12"),
        )
        own = {
            ("一、本年新收", "1", "2"),
            ("二、上年结转", "3", "4"),
            ("（一）予以公开", "5", "6"),
            ("（二）部分公开（区分处理的）", "7", "8"),
            ("1.属于国家秘密", "9", "10"),
            ("2.其他", "11", "12"),
        }
        rows = [tuple(row) for b in blocks if isinstance(b, SourceTable) for row in texts(b)]
        assert set(rows) <= own
        printed = [b.text for b in blocks if isinstance(b, SourceLine)]
        assert "三、本年度办理结果" in printed  # never part of a row's label
        assert "（三）不予公开" in printed
        # every figure is read once, in a table or in a line
        found = [v for row in rows for v in row[1:]] + [v for text in printed for v in text.split() if v.isdigit()]
        assert sorted(found, key=int) == [str(v) for v in range(1, 13)]

    def test_note_between_rows_not_part_of_a_label(self) -> None:
        """A note printed halfway between two rows fits either row's label as well: it belongs to neither."""
        blocks = bare_page(
            ("一、甲", 100, 720),
            *figures(720, "1", "2"),
            ("二、乙", 100, 700),
            *figures(700, "3", "4"),
            ("注：本表", 100, 690),
            ("三、丙", 100, 680),
            *figures(680, "5", "6"),
            ("四、丁", 100, 660),
            *figures(660, "7", "8"),
        )
        assert "注：本表" in [b.text for b in blocks if isinstance(b, SourceLine)]
        assert not [row for b in blocks if isinstance(b, SourceTable) for row in texts(b) if "注" in row[0]]

    def test_table_with_a_blank_column_not_renumbered(self) -> None:
        """Rows leaving the middle column blank after rows printing in all three: read on their own they would
        be a table of two columns, the 12 printed in the third column landing in the second. Each figure is placed
        in the column it is printed in, the blank cells empty."""
        blocks = bare_page(
            ("一、本年新收", 100, 720),
            *figures(720, "1", "2", "3"),
            ("（二）部分公开（区分", 100, 703),
            *figures(697, "4", "5", "6"),
            ("处理的）", 100, 691),
            ("三、结转", 100, 670),
            *figures(670, "7", "8", "9"),
            ("四、其他", 100, 650),
            ("10", 300, 650),
            ("12", 380, 650),
            ("五、甲", 100, 630),
            ("13", 300, 630),
            ("15", 380, 630),
            ("六、乙（很长的标签", 100, 613),
            ("16", 300, 607),
            ("18", 380, 607),
            ("折行）", 100, 601),
            ("七、丙", 100, 585),
            ("19", 300, 585),
            ("21", 380, 585),
        )
        assert [texts(b) for b in blocks if isinstance(b, SourceTable)] == [
            [
                ["一、本年新收", "1", "2", "3"],
                ["（二）部分公开（区分处理的）", "4", "5", "6"],
                ["三、结转", "7", "8", "9"],
                ["四、其他", "10", "", "12"],
                ["五、甲", "13", "", "15"],
                ["六、乙（很长的标签折行）", "16", "", "18"],
                ["七、丙", "19", "", "21"],
            ]
        ]
        assert not [b for b in blocks if isinstance(b, SourceLine)]

    def test_blank_column_before_the_rows_printing_in_all(self) -> None:
        """The same the other way round: the first rows leave a column blank, the rows below print in all (the
        columns are known once a row prints in all)."""
        blocks = bare_page(
            ("一、甲", 100, 720),
            ("1", 300, 720),
            ("3", 380, 720),
            ("二、乙（很长的标签", 100, 703),
            ("4", 300, 697),
            ("6", 380, 697),
            ("折行）", 100, 691),
            ("三、丙", 100, 670),
            ("7", 300, 670),
            ("9", 380, 670),
            ("四、丁", 100, 650),
            *figures(650, "10", "11", "12"),
        )
        assert [texts(b) for b in blocks if isinstance(b, SourceTable)] == [
            [
                ["一、甲", "1", "", "3"],
                ["二、乙（很长的标签折行）", "4", "", "6"],
                ["三、丙", "7", "", "9"],
                ["四、丁", "10", "11", "12"],
            ]
        ]

    def test_blank_column_in_every_row_of_the_table(self) -> None:
        """The only row printing in all is left out of the table (no label beside it): the table's rows leave the
        middle column blank in every row, still known from that row."""
        blocks = bare_page(
            *figures(740, "1", "2", "3"),
            ("二、乙", 100, 720),
            ("4", 300, 720),
            ("6", 380, 720),
            ("三、丙（很长", 100, 703),
            ("7", 300, 697),
            ("9", 380, 697),
            ("折行）", 100, 691),
            ("四、丁", 100, 670),
            ("10", 300, 670),
            ("12", 380, 670),
        )
        assert [b.text if isinstance(b, SourceLine) else texts(b) for b in blocks] == [
            "1 2 3",
            [["二、乙", "4", "", "6"], ["三、丙（很长折行）", "7", "", "9"], ["四、丁", "10", "", "12"]],
        ]
        table = blocks[1]
        assert isinstance(table, SourceTable)
        assert table.rows[0][2].where.bbox == (340.0, 720.0, 349.5, 730.0)  # the blank cell's place

    def test_blank_marks(self) -> None:
        """ "—", "-" and "/" printed for a blank cell are figures of the row, in their columns."""
        blocks = bare_page(
            ("一、甲", 100, 720),
            *figures(720, "—", "2", "3"),
            ("二、乙（很长的标签", 100, 703),
            *figures(697, "4", "-", "6"),
            ("折行）", 100, 691),
            ("三、丙", 100, 670),
            *figures(670, "7", "8", "/"),
        )
        assert [texts(b) for b in blocks if isinstance(b, SourceTable)] == [
            [["一、甲", "—", "2", "3"], ["二、乙（很长的标签折行）", "4", "-", "6"], ["三、丙", "7", "8", "/"]]
        ]

    def test_blank_cells_with_unclear_columns(self) -> None:
        """A figure printed between two columns of the rows printing in all: its column is not clear, and neither
        are theirs (the table may have a column there that they all leave blank, the 9 printed in its fourth): the
        lines stay lines (the rows above were a table of three columns)."""
        blocks = bare_page(
            ("一、甲", 100, 720),
            *figures(720, "1", "2", "3"),
            ("二、乙（很长的标签", 100, 703),
            *figures(697, "4", "5", "6"),
            ("折行）", 100, 691),
            ("三、丙", 100, 670),
            *figures(670, "7", "8", "9"),
            ("四、丁", 100, 650),
            ("10", 300, 650),
            ("12", 355, 650),
        )
        assert not [b for b in blocks if isinstance(b, SourceTable)]
        assert "三、丙 7 8 9" in [b.text for b in blocks if isinstance(b, SourceLine)]
        assert "四、丁 10 12" in [b.text for b in blocks if isinstance(b, SourceLine)]

    @pytest.mark.parametrize("beside", [("10", "11", "", ""), ("12", "", "", "")])
    def test_column_blank_in_every_row_of_the_run(self, beside: tuple[str, ...]) -> None:
        """Rows printing in the three columns right of the first, which they all leave blank, before (after) a
        row printing in the first two (in the first only): read on their own they would be a table of three
        columns, every figure one column left of where it is printed. The row beside says the table is wider:
        the lines stay lines (a page number below is not such a row)."""
        printed = [
            ("一、甲", 100, 720),
            *figures(720, "", "1", "2", "3"),
            ("二、乙（很长的标签", 100, 703),
            *figures(697, "", "4", "5", "6"),
            ("折行）", 100, 691),
            ("三、丙", 100, 670),
            *figures(670, "", "7", "8", "9"),
            ("- 1 -", 280, 40),
        ]
        wider = (
            [("四、丁", 100, 650), *figures(650, *beside)]
            if beside[1]
            else [("零、〇", 100, 740), *figures(740, *beside)]
        )
        blocks = bare_page(*[item for item in printed + wider if item[0]])
        assert not [b for b in blocks if isinstance(b, SourceTable)]
        assert "三、丙 7 8 9" in [b.text for b in blocks if isinstance(b, SourceLine)]
        alone = bare_page(*[item for item in printed if item[0]])  # nothing beside: no sign of a wider table
        assert [texts(b) for b in alone if isinstance(b, SourceTable)] == [
            [["一、甲", "1", "2", "3"], ["二、乙（很长的标签折行）", "4", "5", "6"], ["三、丙", "7", "8", "9"]]
        ]

    def test_figures_without_height_stay_lines(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Digits whose boxes have no height (a font without glyph boxes; once a ValueError out of read_pdf): where
        their figures sit is not clear, their lines stay lines and the rows printed properly are read."""
        printed = [
            ("一、甲", 100, 720),
            *figures(720, "1", "2"),
            ("二、乙（很长的标签", 100, 703),
            *figures(697, "3", "4"),
            ("折行）", 100, 691),
            ("三、丙", 100, 670),
            *figures(670, "5", "6"),
            ("四、丁", 100, 650),
            *figures(650, "7", "8"),
        ]
        seen = [c for text, x, y in printed for c in chars(text, x, y)]
        seen = [_pdf._Char(c.ch, c.x0, c.y0, c.x1, c.y0) if c.ch in "78" else c for c in seen]
        blocks = _pdf._assemble([_pdf._layout(1, 842.0, seen, [], [])], [])
        assert [b.text if isinstance(b, SourceLine) else texts(b) for b in blocks] == [
            [["一、甲", "1", "2"], ["二、乙（很长的标签折行）", "3", "4"], ["三、丙", "5", "6"]],
            "四、丁 7 8",
        ]
        seen = [_pdf._Char(c.ch, c.x0, c.y0, c.x1, c.y0) if c.ch.isdigit() else c for c in seen]
        monkeypatch.setattr(_pdf, "_extract", lambda document, index, pdfium_c: (842.0, seen, [], [], 0))
        assert "三、丙 5 6" in lines(read_pdf(make_pdf()))

    @pytest.mark.parametrize("count", [100, 300])
    def test_many_rows(self, count: int) -> None:
        """A page of many rows is read in about linear time (this once took minutes at 100 rows): a label
        wrapped on every fifth row makes one table of them all; labels printed off their figures leave lines."""
        printed: list[tuple[str, float, float]] = []
        y = 820.0
        for i in range(count):
            if i % 5 == 2:  # a label of two lines, its figures between them
                printed += [(f"第{i}项上", 100, y + 3.5), *figures(y - 0.5, "1", "2"), ("下", 100, y - 4.5)]
                y -= 16
            else:
                printed += [(f"第{i}项", 100, y), *figures(y, "1", "2")]
                y -= 8
        seen = [c for text, x, y_ in printed for c in chars(text, x, y_, 6.0)]
        blocks = _pdf._assemble([_pdf._layout(1, 842.0, seen, [], [])], [])
        assert len(blocks) == 1
        assert isinstance(blocks[0], SourceTable)
        assert texts(blocks[0]) == [[f"第{i}项上下" if i % 5 == 2 else f"第{i}项", "1", "2"] for i in range(count)]
        # every label 3.5 points above its figures (more than half a line off): no table
        offset = [(f"第{i}项", 100, 800 - 8 * i + 3.5) for i in range(count)]
        offset += [item for i in range(count) for item in figures(800 - 8 * i, "1", "2")]
        seen = [c for text, x, y_ in offset for c in chars(text, x, y_, 6.0)]
        blocks = _pdf._assemble([_pdf._layout(1, 842.0, seen, [], [])], [])
        assert not [b for b in blocks if isinstance(b, SourceTable)]
        assert sum(b.text.count("项") for b in blocks if isinstance(b, SourceLine)) == count


class TestWrappedFigures:
    """A figure too wide for its narrow cell wraps over two or three lines, centred on its row (lines 12 points
    apart here): its parts are put back together on the row's line, in their column, when that is clear-cut."""

    @staticmethod
    def page(*row: tuple[str, float, float], above: float = 725, below: float = 675) -> list[tuple[str, float, float]]:
        """A table whose first label wraps around its figures, then rows at ``above``, 700 (``row``) and ``below``."""
        return [
            ("一、甲", 100, 766),
            ("（续）", 100, 754),
            *figures(760, "1", "2", "3"),
            ("二、乙", 100, above),
            *figures(above, "4", "5", "6"),
            ("三、丙", 100, 700),
            *row,
            ("四、丁", 100, below),
            *figures(below, "9", "9", "9"),
        ]

    def layout(self, printed: list[tuple[str, float, float]]) -> _pdf._Page:
        return _pdf._layout(1, 842.0, [c for text, x, y in printed for c in chars(text, x, y)], [], [])

    def rows(self, printed: list[tuple[str, float, float]]) -> list[list[str]] | list[str]:
        """The table's rows, or the lines when there is no table."""
        blocks = _pdf._assemble([self.layout(printed)], [])
        found = [texts(b) for b in blocks if isinstance(b, SourceTable)]
        return found[0] if found else [b.text for b in blocks if isinstance(b, SourceLine)]

    def test_over_two_lines(self) -> None:
        """'101' printed as '10' half a line above the row's other figures and '1' half a line below."""
        printed = self.page(*figures(700, "7", "8"), ("10", 380, 706), ("1", 380, 694))
        assert self.rows(printed) == [
            ["一、甲（续）", "1", "2", "3"],
            ["二、乙", "4", "5", "6"],
            ["三、丙", "7", "8", "101"],
            ["四、丁", "9", "9", "9"],
        ]
        assert self.layout(printed).rejoined == [("101", ("10", "1"), (380.0, 700.0, 399.5, 710.0))]

    def test_over_two_lines_beside_a_wrapped_label(self) -> None:
        """The parts share the lines of the row's wrapped label; the row's line holds only figures."""
        printed = self.page(("（续）", 100, 694), *figures(700, "7", "8"), ("10", 380, 706), ("1", 380, 694))
        assert self.rows(printed)[2] == ["三、丙（续）", "7", "8", "101"]

    def test_over_three_lines(self) -> None:
        """'101' printed as '1' a line above, '0' on the row's line, '1' a line below: not a figure 0."""
        printed = self.page(*figures(700, "7", "8", "0"), ("1", 380, 712), ("1", 380, 688), above=730, below=670)
        assert self.rows(printed)[2] == ["三、丙", "7", "8", "101"]
        assert [figure for figure, _, _ in self.layout(printed).rejoined] == ["101"]

    @pytest.mark.parametrize("beside", [("", "", "1"), ("5", "", "1")])
    def test_rows_beside_are_not_parts(self, beside: tuple[str, ...]) -> None:
        """A one-line row between rows labelled over two lines, printing figures in some of its columns: their
        figures are a line and a half from the row's, as near as a line apart may be, but another row's label is
        printed between them. Not parts of a figure over three lines (the 0 was read as 101)."""
        printed = [
            ("一、甲", 100, 760),
            *figures(760, "1", "2", "3"),
            ("二、乙乙乙乙乙", 100, 736),
            ("（续）", 100, 724),
            *[item for item in figures(730, *beside) if item[0]],
            ("三、丙", 100, 712),
            *figures(712, "7", "8", "0"),
            ("四、丁丁丁丁丁", 100, 700),
            ("（续）", 100, 688),
            *[item for item in figures(694, *beside) if item[0]],
            ("五、戊", 100, 670),
            *figures(670, "4", "5", "6"),
        ]
        assert not self.layout(printed).rejoined
        found = self.rows(printed)
        assert "101" not in str(found)
        assert "575" not in str(found)
        assert ["三、丙", "7", "8", "0"] in found or "三、丙 7 8 0" in found

    def test_next_rows_parts_nearby(self) -> None:
        """Two rows in a row with a figure over two lines each (lines 14 points apart): the next row's part above
        is where the next part of a longer figure would be, but nothing is as far above: both are joined."""
        printed = [
            ("一、甲", 100, 770),
            ("（续）", 100, 758),
            *figures(764, "1", "2", "3"),
            ("二、乙", 100, 735),
            *figures(735, "4", "5", "6"),
            ("三、丙", 100, 700),
            *figures(700, "7", "8"),
            *[("10", 380, 707), ("1", 380, 693)],
            ("四、丁", 100, 672),
            *figures(672, "9", "9"),
            *[("12", 380, 679), ("3", 380, 665)],
        ]
        assert self.rows(printed)[2:] == [["三、丙", "7", "8", "101"], ["四、丁", "9", "9", "123"]]

    def test_part_read_into_the_rows_line(self) -> None:
        """Beside a label of four lines the one-line figures sit halfway between its second and third lines, and
        the parts of '14' on those lines: the part below overlaps the figures enough to be read into their line."""
        row = _pdf._Line(chars("只计", 100, 712) + chars("4", 300, 712) + chars("2", 340, 718) + chars("1", 380, 718))
        lines = [
            _pdf._Line(chars("（二）部分", 100, 736)),
            _pdf._Line(chars("（区分", 100, 724) + chars("1", 300, 724)),
        ]
        lines += [row, _pdf._Line(chars("不计）", 100, 700))]
        found, rejoined = _pdf._rejoin_wrapped(lines)
        assert [line.text() for line in found] == ["（二）部分", "（区分", "只计 14 2 1", "不计）"]
        assert [(figure, parts) for figure, parts, _ in rejoined] == [("14", ("1", "4"))]

    def test_parts_off_centre_stay(self) -> None:
        """Parts not as far above as below the row's figures: not clear-cut, nothing is joined."""
        printed = self.page(*figures(700, "7", "8"), ("10", 380, 706), ("1", 380, 691))
        assert not self.layout(printed).rejoined
        assert "10" in self.rows(printed)

    def test_parts_in_a_column_the_row_prints(self) -> None:
        """Parts half a line around a figure of the row itself are not one cell's lines: nothing is joined."""
        printed = self.page(*figures(700, "7", "8", "5"), ("10", 380, 706), ("1", 380, 694))
        assert not self.layout(printed).rejoined

    def test_longer_figure_left_as_it_is(self) -> None:
        """A figure over four lines (lines 14 points apart): the two parts next to the row are not the figure,
        and a part alone on its line where the next one would be says so."""
        printed = self.page(
            *figures(700, "7", "8"),
            *[("1", 380, 719), ("2", 380, 705), ("3", 380, 691), ("4", 380, 677)],
            above=745,
            below=655,
        )
        assert not self.layout(printed).rejoined
        assert "23" not in str(self.rows(printed))

    def test_note(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The repair is told in a note, with the parts as printed."""
        printed = self.page(*figures(700, "7", "8"), ("10", 380, 706), ("1", 380, 694))
        seen = [c for text, x, y in printed for c in chars(text, x, y)]
        monkeypatch.setattr(_pdf, "_extract", lambda document, index, pdfium_c: (842.0, seen, [], [], 0))
        notes = [n for n in read_pdf(make_pdf()).notes if n.code == "pdf-figure-rejoined"]
        assert [n.message for n in notes] == [
            "page 1: the figure '101' is printed over 2 lines of its narrow cell (10 / 1, centred on its row); "
            "its parts were read as one figure"
        ]


class TestContinuedOverPages:
    """Rows of a table without rulings left alone on one side of a page break: fewer than a table needs, they are a
    table when they clearly continue the one on the other side."""

    HEADER = ("申请人情况", 100.0, 560.0)

    @staticmethod
    def read(monkeypatch: pytest.MonkeyPatch, *pages: list[tuple[str, float, float]]) -> list[list[list[str]] | str]:
        """The tables (rows of texts) and lines read from pages holding the given printed texts."""
        seen = [[c for text, x, y in printed for c in chars(text, x, y)] for printed in pages]
        monkeypatch.setattr(_pdf, "_extract", lambda document, index, pdfium_c: (842.0, seen[index], [], [], 0))
        doc = read_pdf(make_pdf(pages=len(pages)))
        return [texts(b) if isinstance(b, SourceTable) else b.text for b in doc.blocks]

    def first_page(self, *after: tuple[str, float, float]) -> list[tuple[str, float, float]]:
        """The header, then two rows at the bottom of the page (the first label wrapped), then ``after``."""
        return [
            self.HEADER,
            ("一、甲（很长", 100, 536),
            *figures(530, "1", "2"),
            ("的标签）", 100, 524),
            ("二、乙", 100, 505),
            *figures(505, "3", "4"),
            *after,
            ("- 1 -", 280, 40),
        ]

    def second_page(self, x: float = 300) -> list[tuple[str, float, float]]:
        """The header repeated, then four rows (figures in the columns at ``x`` and ``x`` + 40)."""
        at = [(x, x + 40)]
        return [
            (self.HEADER[0], 100, 760),
            ("三、丙", 100, 736),
            *[(v, a + 40 * i, 736) for a, _ in at for i, v in enumerate(["5", "6"])],
            ("四、丁（很长", 100, 717),
            *[(v, a + 40 * i, 711) for a, _ in at for i, v in enumerate(["7", "8"])],
            ("的标签）", 100, 705),
            ("五、戊", 100, 686),
            *[(v, a + 40 * i, 686) for a, _ in at for i, v in enumerate(["9", "9"])],
            ("六、己", 100, 666),
            *[(v, a + 40 * i, 666) for a, _ in at for i, v in enumerate(["1", "1"])],
            ("- 2 -", 280, 40),
        ]

    def test_two_rows_before_the_break(self, monkeypatch: pytest.MonkeyPatch) -> None:
        assert self.read(monkeypatch, self.first_page(), self.second_page()) == [
            "申请人情况",
            [["一、甲（很长的标签）", "1", "2"], ["二、乙", "3", "4"]],
            "申请人情况",
            [["三、丙", "5", "6"], ["四、丁（很长的标签）", "7", "8"], ["五、戊", "9", "9"], ["六、己", "1", "1"]],
        ]

    def test_one_row_after_the_break(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The other way round: the table ends the first page, its last row is alone on the next."""
        first = self.second_page()[:-1]  # the header, then four rows
        second = [
            (self.HEADER[0], 100, 760),
            ("七、庚（很长", 100, 742),
            *figures(736, "2", "2"),
            ("的标签）", 100, 730),
        ]
        assert self.read(monkeypatch, first, second)[2:] == [
            "申请人情况",
            [["七、庚（很长的标签）", "2", "2"]],
        ]

    def test_text_after_the_rows(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A note printed after the rows: they do not run on to the next page, and stay lines."""
        blocks = self.read(monkeypatch, self.first_page(("注：以上为估计数。", 100, 480)), self.second_page())
        assert not isinstance(blocks[1], list)
        assert "注：以上为估计数。" in blocks

    def test_other_columns(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Figures printed in other columns on the next page: not the same table, the rows stay lines."""
        blocks = self.read(monkeypatch, self.first_page(), self.second_page(x=320))
        assert [b for b in blocks if isinstance(b, list)] == [
            [["三、丙", "5", "6"], ["四、丁（很长的标签）", "7", "8"], ["五、戊", "9", "9"], ["六、己", "1", "1"]]
        ]

    def test_other_header(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Another header above the next page's table: another table, the rows stay lines."""
        second = [
            ("另一张表", 100, 760) if text == self.HEADER[0] else (text, x, y) for text, x, y in self.second_page()
        ]
        blocks = self.read(monkeypatch, self.first_page(), second)
        assert sum(isinstance(b, list) for b in blocks) == 1


class TestColumnBlankOnOneSideOfABreak:
    """A table without rulings over a page break whose rows on one side all leave a column blank: read alone, that
    side is a table of fewer columns, every figure right of the blank column a column left of where it is
    printed. It takes the other side's columns."""

    HEADER = ("申请人情况", 100.0, 760.0)

    @staticmethod
    def full(y: float) -> list[tuple[str, float, float]]:
        """Rows printing in all three columns, from ``y`` down."""
        return [
            ("一、甲（很长", 100, y + 6),
            *figures(y, "1", "2", "3"),
            ("的标签）", 100, y - 6),
            ("二、乙", 100, y - 25),
            *figures(y - 25, "4", "5", "6"),
            ("三、丙", 100, y - 45),
            *figures(y - 45, "7", "8", "9"),
        ]

    @staticmethod
    def blank(y: float) -> list[tuple[str, float, float]]:
        """Rows leaving the middle column blank, from ``y`` down."""
        return [
            ("四、丁（很长", 100, y + 6),
            ("2", 300, y),
            ("3", 380, y),
            ("的标签）", 100, y - 6),
            ("五、戊", 100, y - 25),
            ("4", 300, y - 25),
            ("6", 380, y - 25),
            ("六、己", 100, y - 45),
            ("7", 300, y - 45),
            ("9", 380, y - 45),
        ]

    def test_after_the_break(self, monkeypatch: pytest.MonkeyPatch) -> None:
        first = [self.HEADER, *self.full(540), ("- 1 -", 280, 40)]
        second = [self.HEADER, *self.blank(736), ("- 2 -", 280, 40)]
        found = TestContinuedOverPages.read(monkeypatch, first, second)
        assert [b for b in found if isinstance(b, list)][1] == [
            ["四、丁（很长的标签）", "2", "", "3"],
            ["五、戊", "4", "", "6"],
            ["六、己", "7", "", "9"],
        ]

    def test_before_the_break(self, monkeypatch: pytest.MonkeyPatch) -> None:
        first = [self.HEADER, *self.blank(540), ("- 1 -", 280, 40)]
        second = [*self.full(736), ("- 2 -", 280, 40)]
        found = TestContinuedOverPages.read(monkeypatch, first, second)
        assert next(b for b in found if isinstance(b, list)) == [
            ["四、丁（很长的标签）", "2", "", "3"],
            ["五、戊", "4", "", "6"],
            ["六、己", "7", "", "9"],
        ]

    def test_another_table(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Another header above the rows on the next page: another table, left as it is."""
        first = [self.HEADER, *self.full(540), ("- 1 -", 280, 40)]
        second = [("另一张表", 100, 760), *self.blank(736), ("- 2 -", 280, 40)]
        found = TestContinuedOverPages.read(monkeypatch, first, second)
        assert [b for b in found if isinstance(b, list)][1][0] == ["四、丁（很长的标签）", "2", "3"]


class TestPrintedWithoutBorders:
    """The bundled samples rendered as Word with every table border removed, and printed to PDF.

    ``tests/data/example-2019-borderless.pdf`` and ``tests/data/tacheng-2024-borderless.pdf`` are the samples
    ``example-2019`` and ``tacheng-2024`` rendered as Word (``govdisclosure render --to docx``), every table's
    borders set to none (``<w:tblBorders>`` all ``nil``), and converted by LibreOffice 7.4
    (``soffice --headless --convert-to pdf``): 表三 has no ruling at all, its labels wrap in their narrow column
    with the figures centred beside them, and its group labels (三、本年度办理结果, （三）不予公开) print on the
    baselines of the rows.
    """

    DATA = Path(__file__).parent / "data"

    @pytest.mark.parametrize(
        ("sample_name", "pdf"),
        [("example-2019", "example-2019-borderless.pdf"), ("tacheng-2024", "tacheng-2024-borderless.pdf")],
    )
    def test_reads_back_whole(self, sample_name: str, pdf: str) -> None:
        from govdisclosure import sample_report

        sample = sample_report(sample_name)
        result = read((self.DATA / pdf).read_bytes(), name=sample.source)  # (tacheng-2024 has no source)
        assert list(result.report.cells()) == list(sample.cells())
        assert result.report == sample
        assert result.notes == ()
