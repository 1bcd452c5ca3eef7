"""Tests of govdisclosure.importers._docx: paragraphs and tables in order, merged cells expanded, round trips."""

from __future__ import annotations

import copy
import io
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies_render import report_2021, report_2021_single

import govdisclosure
from govdisclosure.errors import MissingDependencyError, ReadError
from govdisclosure.importers import SourceDocument, SourceLine, SourceTable, assemble
from govdisclosure.importers._docx import read_docx
from govdisclosure.model import Report
from govdisclosure.renderers import render
from govdisclosure.testing import consistent_report

docx = pytest.importorskip("docx")
from docx.oxml.ns import qn  # noqa: E402

TABLES = ("active_disclosure", "applications", "review_litigation")


def _save(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _tables(doc: SourceDocument) -> list[SourceTable]:
    return [b for b in doc.blocks if isinstance(b, SourceTable)]


def _lines(doc: SourceDocument) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, SourceLine)]


def _texts(table: SourceTable) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


def _merged() -> bytes:
    """A paragraph, a 3 by 3 table with a 2 by 2 merge at the top left, and a closing heading."""
    document = docx.Document()
    document.add_paragraph("一、总体情况")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(1, 1)).text = "申请人情况"
    for r, c in ((0, 2), (1, 2), (2, 0), (2, 1), (2, 2)):
        table.cell(r, c).text = f"{r}{c}"
    document.add_heading("二、主动公开政府信息情况", level=1)
    return _save(document)


class TestRoundTrip:
    """What the Word renderer writes reads back, through the shared assembler, to the same tables."""

    @pytest.mark.parametrize(
        "report",
        [
            govdisclosure.sample_report(),
            govdisclosure.sample_report("example-2019"),
            report_2021(),
            report_2021_single(),
        ],
        ids=["tacheng-2024", "example-2019", "2021-blank-and-amount", "2021-single"],
    )
    def test_tables_equal(self, report: Report) -> None:
        """Tables 二, 三 and 四 equal; edition, title and agency kept; no notes but the old-style （六） row.

        The 2021 fixtures carry a period in another year than the report's: that is noted (period-year).
        """
        result = assemble(read_docx(render(report, "docx"), name="report.docx"))
        for key in TABLES:
            assert getattr(result.report, key) == getattr(report, key)
        assert (result.report.edition, result.report.title, result.report.agency) == (
            report.edition,
            report.title,
            report.agency,
        )
        assert result.report.uses_single_other_handling == report.uses_single_other_handling
        old_style = report.edition == "2021" and report.uses_single_other_handling
        other_year = report.period is not None and report.period.start.year != report.year
        expected = (["period-year"] if other_year else []) + (["single-other-handling"] if old_style else [])
        assert [note.code for note in result.notes] == expected

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(edition=st.sampled_from(["2019", "2021"]), seed=st.integers(0, 10_000))
    def test_consistent_reports(self, edition: str, seed: int) -> None:
        """Random reports that add up come back with the same tables."""
        report = consistent_report(edition, seed=seed)
        result = assemble(read_docx(render(report, "docx")))
        for key in TABLES:
            assert getattr(result.report, key) == getattr(report, key)

    def test_provenance_points_at_the_cell(self) -> None:
        """A value's origin is its table, row and column in the expanded grid."""
        result = assemble(read_docx(render(govdisclosure.sample_report("example-2019"), "docx")))
        origin = result.provenance["applications.new_received.total"]
        assert origin.text == "456"
        assert (origin.where.table, origin.where.row, origin.where.col) == (1, 3, 9)


class TestTemplate:
    """The circulated blank template reads as three tables of blanks."""

    @pytest.mark.corpus
    def test_blank_template(self, corpus: Path) -> None:
        """Grid sizes 14 by 4, 28 by 10, 4 by 15; with a title line every cell assembles to None."""
        doc = read_docx((corpus / "templates" / "2021-blank-template.docx").read_bytes(), name="template.docx")
        assert [(len(t.rows), len(t.rows[0])) for t in _tables(doc)] == [(14, 4), (28, 10), (4, 15)]
        assert _lines(doc)[:2] == ["政府信息公开工作年度报告格式模板", "一、总体情况"]
        titled = SourceDocument(
            (SourceLine("某县人民政府2024年政府信息公开工作年度报告"), *doc.blocks), "docx", doc.name, doc.notes
        )
        report = assemble(titled).report
        assert report.edition == "2021"
        values = [value for _, _, _, value in report.cells()]
        assert len(values) > 100
        assert all(value is None for value in values)


class TestSpans:
    """Merged cells repeat in every position they cover, spanned everywhere but the top-left."""

    def test_merge_expanded(self) -> None:
        doc = read_docx(_merged())
        table = _tables(doc)[0]
        assert _texts(table) == [
            ["申请人情况", "申请人情况", "02"],
            ["申请人情况", "申请人情况", "12"],
            ["20", "21", "22"],
        ]
        corner = [table.rows[r][c] for r in (0, 1) for c in (0, 1)]
        assert [cell.spanned for cell in corner] == [False, True, True, True]
        assert {(cell.rowspan, cell.colspan) for cell in corner} == {(2, 2)}
        assert {(cell.where.table, cell.where.row, cell.where.col) for cell in corner} == {(0, 0, 0)}
        assert (table.rows[2][2].where.row, table.rows[2][2].where.col, table.rows[2][2].spanned) == (2, 2, False)

    def test_document_order_and_headings(self) -> None:
        """Paragraph, table, heading in order; a Heading style makes a heading line."""
        doc = read_docx(_merged(), name="x.docx")
        kinds = [(type(b).__name__, getattr(b, "kind", None)) for b in doc.blocks]
        assert kinds == [("SourceLine", "text"), ("SourceTable", None), ("SourceLine", "heading")]
        assert doc.format == "docx"
        assert doc.name == "x.docx"
        assert doc.blocks[0].where.detail == "paragraph 1"

    def test_line_breaks_kept(self) -> None:
        """A line break inside a cell is a newline; paragraphs of a cell are joined with newlines."""
        document = docx.Document()
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).paragraphs[0].add_run("商业").add_break()
        table.cell(0, 0).paragraphs[0].add_run("企业")
        table.cell(0, 1).text = "一"
        table.cell(0, 1).add_paragraph("二")
        assert _texts(_tables(read_docx(_save(document)))[0]) == [["商业\n企业", "一\n二"]]

    def test_frame_table_read_as_text(self) -> None:
        """A one-cell table around the text is read as its content, nested tables included."""
        document = docx.Document()
        frame = document.add_table(rows=1, cols=1).cell(0, 0)
        frame.text = "一、总体情况"
        inner = frame.add_table(rows=1, cols=2)
        inner.cell(0, 0).text = "自然人"
        inner.cell(0, 1).text = "3"
        doc = read_docx(_save(document))
        assert _lines(doc) == ["一、总体情况"]
        assert [_texts(t) for t in _tables(doc)] == [[["自然人", "3"]]]
        assert _tables(doc)[0].rows[0][0].where.table == 0

    def test_ragged_row_padded(self) -> None:
        """A row with a cell missing is padded with an empty cell, with a note."""
        document = docx.Document()
        table = document.add_table(rows=2, cols=2)
        for r in range(2):
            for c in range(2):
                table.cell(r, c).text = f"{r}{c}"
        last = table.rows[1]._tr
        last.remove(last.findall(qn("w:tc"))[-1])
        doc = read_docx(_save(document))
        assert _texts(_tables(doc)[0]) == [["00", "01"], ["10", ""]]
        assert [(n.code, n.message, n.severity) for n in doc.notes] == [
            (
                "docx-ragged-rows",
                "table 1: rows 2 have fewer cells than the widest row (2); padded with empty cells",
                "info",
            )
        ]

    def test_row_starting_late(self) -> None:
        """A row that starts after the first grid column (w:gridBefore) keeps its cells in their columns."""
        document = docx.Document()
        table = document.add_table(rows=2, cols=2)
        for r in range(2):
            for c in range(2):
                table.cell(r, c).text = f"{r}{c}"
        last = table.rows[1]._tr
        last.remove(last.findall(qn("w:tc"))[0])
        trpr = last.get_or_add_trPr()
        trpr.append(trpr.makeelement(qn("w:gridBefore"), {qn("w:val"): "1"}))
        doc = read_docx(_save(document))
        assert _texts(_tables(doc)[0]) == [["00", "01"], ["", "11"]]
        assert [n.code for n in doc.notes] == ["docx-ragged-rows"]

    def test_content_control_in_cell(self) -> None:
        """Text inside a content control of a cell is the cell's text."""
        document = docx.Document()
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "自然人"
        tc = table.cell(0, 1)._tc
        paragraph = tc.find(qn("w:p"))
        sdt = tc.makeelement(qn("w:sdt"), {})
        content = sdt.makeelement(qn("w:sdtContent"), {})
        sdt.append(content)
        tc.remove(paragraph)
        content.append(paragraph)
        tc.append(sdt)
        paragraph_text = paragraph.makeelement(qn("w:r"), {})
        run_text = paragraph_text.makeelement(qn("w:t"), {})
        run_text.text = "7"
        paragraph_text.append(run_text)
        paragraph.append(paragraph_text)
        assert _texts(_tables(read_docx(_save(document)))[0]) == [["自然人", "7"]]

    def test_nested_table_noted(self) -> None:
        """A table inside a cell of a real table is noted."""
        document = docx.Document()
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "a"
        table.cell(0, 1).add_table(rows=1, cols=1)
        doc = read_docx(_save(document))
        assert [n.code for n in doc.notes] == ["docx-nested-table"]

    def test_deleted_text_left_out(self) -> None:
        """Tracked deletions are not read; tracked insertions are."""
        document = docx.Document()
        paragraph = document.add_paragraph("总计")
        run = paragraph.runs[0]._r
        inserted = paragraph._p.makeelement(qn("w:ins"), {qn("w:id"): "1", qn("w:author"): "a"})
        inserted.append(copy.deepcopy(run))
        deleted = paragraph._p.makeelement(qn("w:del"), {qn("w:id"): "2", qn("w:author"): "a"})
        gone = copy.deepcopy(run)
        text = gone.find(qn("w:t"))
        text.tag = qn("w:delText")
        deleted.append(gone)
        paragraph._p.append(inserted)
        paragraph._p.append(deleted)
        assert _lines(read_docx(_save(document))) == ["总计总计"]


class TestTitle:
    """A report title kept only in the document's properties (a saved web page) is read as the first line."""

    def test_title_from_properties(self) -> None:
        """The site name after the title is cut; the line is a heading from the document title."""
        document = docx.Document()
        document.core_properties.title = "某区2022年度政府信息公开工作年度报告_政府信息公开年报_某区人民政府"
        document.add_paragraph("一、总体情况")
        doc = read_docx(_save(document))
        assert _lines(doc) == ["某区2022年度政府信息公开工作年度报告", "一、总体情况"]
        first = doc.blocks[0]
        assert isinstance(first, SourceLine)
        assert (first.kind, first.where.detail) == ("heading", "document title")

    def test_title_not_repeated(self) -> None:
        """A title already printed at the top is not added again."""
        document = docx.Document()
        document.core_properties.title = "某区2022年度政府信息公开工作年度报告"
        document.add_paragraph("某区2022年度政府信息公开工作年度报告")
        assert _lines(read_docx(_save(document))) == ["某区2022年度政府信息公开工作年度报告"]

    def test_other_titles_ignored(self) -> None:
        """A document title that does not name an annual report is not text of the report."""
        document = docx.Document()
        document.core_properties.title = "Microsoft Word - 文档1"
        document.add_paragraph("一、总体情况")
        assert _lines(read_docx(_save(document))) == ["一、总体情况"]

    def test_outline_levels(self) -> None:
        """A paragraph with an outline level is a heading, except level 9 (body text)."""
        document = docx.Document()
        for text, level in (("一、总体情况", "0"), ("正文", "9")):
            paragraph = document.add_paragraph(text)
            ppr = paragraph._p.get_or_add_pPr()
            outline = ppr.makeelement(qn("w:outlineLvl"), {qn("w:val"): level})
            ppr.append(outline)
        kinds = [b.kind for b in read_docx(_save(document)).blocks if isinstance(b, SourceLine)]
        assert kinds == ["heading", "text"]


class TestErrors:
    """Only ReadError comes out, with one clear line."""

    def test_empty(self) -> None:
        with pytest.raises(ReadError) as info:
            read_docx(b"", name="report.docx")
        assert str(info.value) == "report.docx is empty: there is no Word document to read"

    def test_legacy_doc(self) -> None:
        with pytest.raises(ReadError) as info:
            read_docx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), name="report.doc")
        assert str(info.value) == (
            "report.doc is a legacy Word 97-2003 (.doc) file: open it in Word or LibreOffice and save it as .docx"
        )

    def test_not_a_package(self) -> None:
        with pytest.raises(ReadError, match=r"^the Word input cannot be read as a Word \(\.docx\) document \(.*\); "):
            read_docx(b"not a zip file")

    def test_zip_without_document(self) -> None:
        import zipfile

        raw = io.BytesIO()
        with zipfile.ZipFile(raw, "w") as package:
            package.writestr("hello.txt", "hi")
        with pytest.raises(ReadError, match=r"^x\.docx cannot be read as a Word \(\.docx\) document"):
            read_docx(raw.getvalue(), name="x.docx")

    def test_not_bytes(self) -> None:
        with pytest.raises(ReadError) as info:
            read_docx("一、总体情况")  # type: ignore[arg-type]
        assert str(info.value) == "the Word input must be given as bytes to be read as a Word document, not str"

    def test_memoryview(self) -> None:
        assert _lines(read_docx(memoryview(_merged())))[0] == "一、总体情况"  # type: ignore[arg-type]

    def test_missing_dependency(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setitem(sys.modules, "docx", None)
        with pytest.raises(MissingDependencyError) as info:
            read_docx(b"PK")
        assert str(info.value) == (
            "reading Word files needs the optional package 'python-docx': install it with "
            "pip install 'govdisclosure[docx]'"
        )
