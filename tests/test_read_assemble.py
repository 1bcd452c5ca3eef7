"""The shared assembler: any SourceDocument to a report, with notes and provenance."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from govdisclosure import layout
from govdisclosure.errors import ReadError
from govdisclosure.importers import assemble
from govdisclosure.importers._source import SourceCell, SourceDocument, SourceLine, SourceNote, SourceTable, Where

from .strategies_read import source_documents

TITLE = SourceLine("某县人民政府2024年政府信息公开工作年度报告")


def grid(*rows: list[str], table: int = 0) -> SourceTable:
    """A table from rows of texts (no spans)."""
    width = max(len(r) for r in rows)
    return SourceTable(
        tuple(
            tuple(SourceCell(r[c] if c < len(r) else "", Where(table=table, row=i, col=c)) for c in range(width))
            for i, r in enumerate(rows)
        )
    )


def applications_rows(edition: str = "2021", value: str = "1") -> list[list[str]]:
    """Every 表三 row with the given cell in every applicant column and the matching total."""
    rows = []
    for _, node in layout.table(edition, "applications").rows():
        total = str(int(value) * 6) if value.isdigit() else value
        rows.append([node.label, *([value] * 6), total])
    return rows


def document(*blocks: SourceLine | SourceTable, notes: tuple[SourceNote, ...] = ()) -> SourceDocument:
    """A document with a title and the given blocks."""
    return SourceDocument((TITLE, *blocks), "html", "page.html", notes)


class TestTables:
    """Grids of cells, as HTML and PDF readers produce them."""

    def test_full_report(self) -> None:
        """Every 表三 cell is placed by label, 表四 by position, provenance kept."""
        doc = document(
            SourceLine("三、收到和处理政府信息公开申请情况", kind="heading"),
            grid(*applications_rows()),
            SourceLine("四、政府信息公开行政复议、行政诉讼情况", kind="heading"),
            grid(["行政复议", "行政诉讼"], [str(v) for v in (1, 0, 0, 0, 1) * 3]),
        )
        result = assemble(doc)
        report = result.report
        assert report.edition == "2021"
        assert report.get("applications.outcomes.other_handling.other.total") == 6
        assert report.get("review_litigation.litigation_after_reconsideration.total") == 1
        origin = result.provenance["applications.outcomes.total.natural_person"]
        assert (origin.text, origin.inferred, origin.where.row) == ("1", False, 23)
        assert result.format == "html"

    def test_blank_markers_and_annotations(self) -> None:
        """ "-", "/", "无" are blank (None, never 0); "22（其中修订16件）" is 22; each with an info note."""
        rows = applications_rows()
        rows[0] = [rows[0][0], "22（其中修订16件）", "-", "/", "无", "", "0", "22"]
        result = assemble(document(SourceLine("三、收到和处理政府信息公开申请情况"), grid(*rows)))
        assert result.report.applications.new_received.values() == (22, None, None, None, None, 0, 22)
        assert [n.code for n in result.notes if n.path and n.path.startswith("applications.new_received")] == [
            "annotation",
            "blank-marker",
            "blank-marker",
            "blank-marker",
        ]

    def test_collapsed_zero_row(self) -> None:
        """A whole all-zero row printed as one merged cell is read as 0 in every column, with a note."""
        table = grid(*applications_rows())
        merged = SourceCell("0", Where(table=0, row=2, col=1), colspan=7)
        rows = list(table.rows)
        rows[2] = (rows[2][0], merged, *(attrs.evolve(merged, spanned=True) for _ in range(6)))
        result = assemble(document(SourceLine("三、收到和处理政府信息公开申请情况"), SourceTable(tuple(rows))))
        assert result.report.applications.outcomes.granted.values() == (0,) * 7
        assert result.provenance["applications.outcomes.granted.total"].inferred
        assert [n.message for n in result.notes_with("collapsed-row")] == [
            "applications.outcomes.granted: one merged cell '0' across the row, read as that value in every column"
        ]

    def test_tables_placed_by_content(self) -> None:
        """Without headings, tables are recognised by what they contain; the edition then follows the year."""
        result = assemble(document(grid(*applications_rows("2019", "0"))))
        assert (result.report.edition, result.report.uses_single_other_handling) == ("2021", True)
        assert result.report.get("applications.outcomes.other_handling.total") == 0
        assert [n.message for n in result.notes_with("edition-from-year")] == [
            "the tables do not show their edition: 2021 assumed from the year 2024"
        ]

    def test_single_other_handling_in_2021(self) -> None:
        """A 2021 表二 with a single （六） row in 表三 keeps the single row, with a note."""
        doc = document(
            SourceLine("二、主动公开政府信息情况"),
            grid(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "0", "0", "0"]),
            SourceLine("三、收到和处理政府信息公开申请情况"),
            grid(*applications_rows("2019", "0"), table=1),
        )
        result = assemble(doc)
        assert (result.report.edition, result.report.uses_single_other_handling) == ("2021", True)
        assert [n.code for n in result.notes_with("single-other-handling")] == ["single-other-handling"]

    def test_amounts_and_units(self) -> None:
        """表二 amounts are decimals; a unit written in the cell is dropped with a note."""
        doc = document(
            SourceLine("二、主动公开政府信息情况"),
            grid(["信息内容", "本年收费金额（单位：万元）"], ["行政事业性收费", "7730.28万元"]),
            SourceLine("三、收到和处理政府信息公开申请情况"),
            grid(*applications_rows(), table=1),
        )
        result = assemble(doc)
        assert result.report.get("active_disclosure.fees.amount") == Decimal("7730.28")
        assert [n.code for n in result.notes if n.path == "active_disclosure.fees.amount"] == ["annotation"]

    def test_unplaced_row_is_a_note(self) -> None:
        """Figures beside a label that matches no row are not used."""
        rows = [*applications_rows(), ["其他主动公开文件", "1", "1", "1", "1", "1", "1", "6"]]
        result = assemble(document(SourceLine("三、收到和处理政府信息公开申请情况"), grid(*rows)))
        assert [n.message for n in result.notes_with("row-unplaced")] == [
            "figures beside '其他主动公开文件' match no row of 表三: not used"
        ]

    def test_reader_notes_passed_on(self) -> None:
        """Notes of the format reader become import notes."""
        note = SourceNote("pdf-image", "page 3 has an image only", "warning", Where(page=3))
        result = assemble(document(grid(*applications_rows()), notes=(note,)))
        assert result.notes[0].code == "pdf-image"
        assert str(result.notes[0]) == "warning: page 3 has an image only [pdf-image] (page 3)"


class TestRefusals:
    """Documents that are not reports."""

    def test_empty(self) -> None:
        """No text at all."""
        with pytest.raises(ReadError, match=r"^page\.html is empty: there is no text to read a report from$"):
            assemble(SourceDocument((SourceLine("  "),), "html", "page.html"))

    def test_not_a_report(self) -> None:
        """Text without tables or the subject."""
        with pytest.raises(ReadError) as info:
            assemble(SourceDocument((SourceLine("今天天气很好。"),), "text"))
        assert str(info.value) == (
            "the source is not an annual report on government information disclosure (政府信息公开工作年度报告)"
        )

    def test_report_without_tables(self) -> None:
        """A report whose tables were images."""
        with pytest.raises(ReadError, match=r"has no 表三 \(收到和处理政府信息公开申请情况\) or 表四 that can be read"):
            assemble(document(SourceLine("一、总体情况"), SourceLine("我县政府信息公开工作稳步推进。")))

    def test_no_year(self) -> None:
        """A table without any year anywhere."""
        doc = SourceDocument((grid(*applications_rows()),), "text")
        with pytest.raises(ReadError, match=r"^no data year found"):
            assemble(doc)


class TestArbitraryDocuments:
    """Whatever a format reader produces: a result or ReadError."""

    @settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(source_documents)
    def test_never_crashes(self, doc: SourceDocument) -> None:
        """Grids of labels, numbers and noise, with spans, never raise anything but ReadError."""
        try:
            result = assemble(doc)
        except ReadError:
            return
        assert all(path.count(".") >= 2 for path in result.provenance)
