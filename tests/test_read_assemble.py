"""The shared assembler: any SourceDocument to a report, with notes and provenance."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from govdisclosure import layout
from govdisclosure.errors import ReadError
from govdisclosure.importers import ImportResult, assemble, read
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
        assert [n.message for n in result.notes_with("unplaced-row")] == [
            "表三: the printed row '其他主动公开文件' (table 1, row 26, column 1) matches no official row; "
            "its figures '1 1 1 1 1 1 6' are not used"
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


def tab_copy(replace: dict[str, str] | None = None) -> str:
    """表三 as a copied Word table: three header rows, a label column two grid columns wide, blank cells kept."""
    fields = [f.label for f in layout.APPLICANT_FIELDS]
    header = layout.APPLICANT_HEADER[0]
    lines = [
        "某县人民政府2024年政府信息公开工作年度报告",
        "三、收到和处理政府信息公开申请情况",
        "\t".join(["", "", header.label, "", "", "", "", "", fields[-1], ""]),
        "\t".join(["", "", fields[0], header.children[1].label, "", "", "", "", "", ""]),
        "\t".join(["", "", "", *fields[1:6], "", ""]),
        layout.CORNER_NOTE + "\t" * 9,  # a line of text once its trailing tabs are stripped
    ]
    for path, node in layout.table("2021", "applications").rows():
        row = "\t".join([node.label, "", *["0"] * 7, ""])
        lines.append((replace or {}).get(path, row))
    return "\n".join(lines) + "\n"


def label(path: str) -> str:
    """The official label of a 表三 row."""
    return layout.table("2021", "applications").node(path).label


def short_row(index: int, cells: list[str]) -> SourceTable:
    """表三 as a grid whose row ``index`` ends after ``cells``, squared with the readers' padding cells."""
    rows = [[*row, ""] for row in applications_rows()]
    table = grid(*rows)
    printed = [SourceCell(t, Where(table=0, row=index, col=c)) for c, t in enumerate([rows[index][0], *cells])]
    width = len(table.rows[0])
    padding = [SourceCell("", Where(table=0, row=index, col=c, detail="padding")) for c in range(len(printed), width)]
    return SourceTable((*table.rows[:index], (*printed, *padding), *table.rows[index + 1 :]))


class TestColumns:
    """Grid rows of 表三 are read by the header's columns; short rows are noted, never shifted."""

    def test_trailing_blanks_after_one_figure(self) -> None:
        """Only 自然人 printed, the rest (total included) blank: 18 stays under 自然人."""
        text = tab_copy({"carried_over": f"{label('carried_over')}\t\t18\t\t\t\t\t\t\t"})
        result = read(text)
        assert result.report.applications.carried_over.values() == (18, None, None, None, None, None, None)
        assert result.notes_with("missing-cells") == ()

    def test_short_row_noted(self) -> None:
        """A row that ends early keeps its figures under their columns, the rest blank, with a note."""
        text = tab_copy({"carried_over": f"{label('carried_over')}\t\t5\t0\t5"})
        result = read(text)
        assert result.report.applications.carried_over.values() == (5, 0, 5, None, None, None, None)
        assert [n.message for n in result.notes_with("missing-cells")] == [
            "applications.carried_over: the printed row ends after 3 of 7 cells; "
            "社会公益组织、法律服务机构、其他、总计 not printed: left blank "
            "(the printed cells are read under the header's columns)"
        ]

    def test_row_not_aligned_with_header_read_by_order(self) -> None:
        """A row without the filler cell (figures from the label's next column) is read by order."""
        text = tab_copy({"carried_over": f"{label('carried_over')}\t5\t0\t0\t0\t0\t0\t5"})
        result = read(text)
        assert result.report.applications.carried_over.values() == (5, 0, 0, 0, 0, 0, 5)
        assert result.notes_with("missing-cells") == ()

    def test_filler_dropped_before_trailing_blanks_without_header(self) -> None:
        """Without a header, the empty cell beside the label goes first, then empty cells at the end."""
        rows = applications_rows()
        rows[1] = [rows[1][0], "", "18", "", "", "", "", "", ""]
        result = assemble(document(SourceLine("三、收到和处理政府信息公开申请情况"), grid(*rows)))
        assert result.report.applications.carried_over.values() == (18, None, None, None, None, None, None)

    def test_short_cells_never_cut(self) -> None:
        """Three printed cells with seven digits between them are a short row, not a run to cut one digit a cell."""
        table = short_row(1, ["100", "0", "100"])
        result = assemble(document(SourceLine("三、收到和处理政府信息公开申请情况"), table))
        assert result.report.applications.carried_over.values() == (None,) * 7
        assert [n.message for n in result.notes_with("missing-cells")] == [
            "applications.carried_over: 3 cells where the layout has 7; the row was left blank"
        ]
        assert result.notes_with("digits-split") == ()

    def test_short_row_without_header_left_blank(self) -> None:
        """Without a header a short row cannot be placed: blank, with a note naming the cells."""
        table = short_row(1, ["", "5", "0"])
        result = assemble(document(SourceLine("三、收到和处理政府信息公开申请情况"), table))
        assert result.report.applications.carried_over.values() == (None,) * 7
        assert [n.message for n in result.notes_with("missing-cells")] == [
            "applications.carried_over: 3 cells where the layout has 7; the row was left blank"
        ]

    @pytest.mark.parametrize("cell", ["0", "12"])
    def test_lone_figure_is_a_short_row_not_a_run(self, cell: str) -> None:
        """Without a header, a row printing one cell with fewer digits than the row has cells ("0", as a merged
        cell copied as text prints) is a short row: blank with missing-cells, not "cannot be split"."""
        table = short_row(1, [cell])
        result = assemble(document(SourceLine("三、收到和处理政府信息公开申请情况"), table))
        assert result.report.applications.carried_over.values() == (None,) * 7
        assert [n.message for n in result.notes if n.path == "applications.carried_over"] == [
            "applications.carried_over: 1 cells where the layout has 7; the row was left blank"
        ]


class TestUnits:
    """Units printed in cells: 元 converted for the fees in 万元, counts in 万 refused."""

    def fees(self, cell: str) -> Any:
        """Read a report whose 2021 fees cell is ``cell``."""
        node = layout.table("2021", "active_disclosure").node("fees")
        doc = document(
            SourceLine("二、主动公开政府信息情况"),
            grid(["信息内容", node.fields[0].label], [node.label, cell]),
            SourceLine("三、收到和处理政府信息公开申请情况"),
            grid(*applications_rows(), table=1),
        )
        return assemble(doc)

    def test_yuan_converted(self) -> None:
        """15000元 in the 万元 cell is 1.5 (exactly), with a warning; the printed text stays in provenance."""
        result = self.fees("15000元")
        assert result.report.get("active_disclosure.fees.amount") == Decimal("1.5")
        assert [n.message for n in result.notes_with("unit-converted")] == [
            "'15000元' is printed in 元: read as 1.5 万元"
        ]
        assert result.provenance["active_disclosure.fees.amount"].text == "15000元"

    def test_wan_kept(self) -> None:
        """1.2万 in the 万元 cell is 1.2."""
        result = self.fees("1.2万")
        assert result.report.get("active_disclosure.fees.amount") == Decimal("1.2")
        assert result.notes_with("unit-converted") == ()

    def test_count_in_wan_left_blank(self) -> None:
        """A count printed as 1.2万 is not a count: blank, with an error note."""
        rows = applications_rows()
        rows[0] = [rows[0][0], "1.2万", "0", "0", "0", "0", "0", "1.2万"]
        result = assemble(document(SourceLine("三、收到和处理政府信息公开申请情况"), grid(*rows)))
        assert result.report.applications.new_received.natural_person is None
        assert [n.message for n in result.notes_with("not-a-count")][:1] == [
            "'1.2万' is written in ten thousands (万), not as a count: cell left blank"
        ]

    def test_2019_amount_keeps_printed_unit(self) -> None:
        """The 2019 采购总金额 names no unit: the printed number is kept and the printed unit noted."""
        table = layout.table("2019", "active_disclosure")
        path = next(p for p, node in table.rows() if any(f.kind == "amount" for f in node.fields))
        node = table.node(path)
        doc = document(
            SourceLine("二、主动公开政府信息情况"),
            grid(["采购项目", *(f.label for f in node.fields)], [node.label, "3", "3.5万元"]),
            SourceLine("三、收到和处理政府信息公开申请情况"),
            grid(*applications_rows("2019"), table=1),
        )
        result = assemble(doc)
        assert result.report.get(f"active_disclosure.{path}.amount") == Decimal("3.5")
        assert [n.message for n in result.notes if n.path == f"active_disclosure.{path}.amount"] == [
            "'3.5万元' read as 3.5, as printed (the form names no unit; printed in 万元)"
        ]


class TestUnplacedRows:
    """Every printed row that cannot be placed gives a note, in every table."""

    def test_active_disclosure_row(self) -> None:
        """An extra 表二 row is noted with its text and position."""
        node = layout.table("2021", "active_disclosure").node("regulations")
        doc = document(
            SourceLine("二、主动公开政府信息情况"),
            grid([node.label, "0", "0", "0"], ["其他主动公开文件", "5", "3", "9"]),
            SourceLine("三、收到和处理政府信息公开申请情况"),
            grid(*applications_rows(), table=1),
        )
        result = assemble(doc)
        assert [n.message for n in result.notes_with("unplaced-row")] == [
            "表二: the printed row '其他主动公开文件' (table 1, row 2, column 1) matches no official row; "
            "its figures '5 3 9' are not used"
        ]

    def test_review_row(self) -> None:
        """A 表四 grid row with an unknown label, and figures after 表四's fifteen, are noted."""
        doc = document(
            SourceLine("三、收到和处理政府信息公开申请情况"),
            grid(*applications_rows()),
            SourceLine("四、政府信息公开行政复议、行政诉讼情况"),
            grid(["行政复议", "行政诉讼"], ["0"] * 15, ["信访件数", "4"], table=1),
            grid(["7", "8"], table=2),
        )
        result = assemble(doc)
        assert result.report.review_litigation.reconsideration.total == 0
        assert [n.message for n in result.notes_with("unplaced-row")] == [
            "表四: the printed row '信访件数' (table 2, row 3, column 1) matches no official row; "
            "its figures '4' are not used",
            "表四: figures without a label (table 3, row 1, column 1) match no official row; "
            "its figures '7 8' are not used",
        ]

    def test_review_row_under_a_span(self) -> None:
        """The note of an unplaced 表四 row names its label's cell even when a spanning cell comes before it."""
        rows = [["行政复议", "行政诉讼"], ["0"] * 15, ["合并单元格", "信访件数", "4"]]
        cells = [
            tuple(SourceCell(text, Where(table=1, row=r, col=c)) for c, text in enumerate(row))
            for r, row in enumerate(rows)
        ]
        # the first cell of the last row is covered by a rowspan from the row above (spanned, as readers mark it)
        cells[2] = (SourceCell("合并单元格", Where(table=1, row=1, col=0), rowspan=2, spanned=True), *cells[2][1:])
        doc = document(
            SourceLine("三、收到和处理政府信息公开申请情况"),
            grid(*applications_rows()),
            SourceLine("四、政府信息公开行政复议、行政诉讼情况"),
            SourceTable(tuple(cells)),
        )
        result = assemble(doc)
        assert [n.message for n in result.notes_with("unplaced-row")] == [
            "表四: the printed row '信访件数' (table 2, row 3, column 2) matches no official row; "
            "its figures '4' are not used"
        ]

    def test_text_line(self) -> None:
        """A line of running text ending in figures whose label is no row is noted too."""
        text = tab_copy().replace(
            "三、收到和处理政府信息公开申请情况",
            "二、主动公开政府信息情况\n其他主动公开文件 5 3 9\n三、收到和处理政府信息公开申请情况",
        )
        result = read(text)
        assert [n.message for n in result.notes_with("unplaced-row")] == [
            "表二: the printed row '其他主动公开文件' (line 3:1) matches no official row; "
            "its figures '5 3 9' are not used"
        ]


class TestMessages:
    """Messages quote what was printed."""

    def test_digit_groups_in_one_cell(self) -> None:
        """'1 2' in one 表二 cell is quoted as printed, not taken for a label."""
        node = layout.table("2021", "active_disclosure").node("regulations")
        doc = document(
            SourceLine("二、主动公开政府信息情况"),
            grid([node.label, "1 2", "0", "0"]),
            SourceLine("三、收到和处理政府信息公开申请情况"),
            grid(*applications_rows(), table=1),
        )
        result = assemble(doc)
        assert result.report.get("active_disclosure.regulations.issued") is None
        assert [n.message for n in result.notes if n.path and n.path.startswith("active_disclosure.regulations")] == [
            "'1 2' is not a number: cell left blank"
        ]


class TestPublished:
    """The publication date: the signature's, else the one the preamble states."""

    def rows(self) -> SourceTable:
        """A readable 表三."""
        return grid(*applications_rows())

    def test_preamble_date(self) -> None:
        """Without a signature, 发布日期 under the title is the date (Word and PDF copies print it there)."""
        doc = document(
            SourceLine("发布日期：2024年2月1日"), SourceLine("三、收到和处理政府信息公开申请情况"), self.rows()
        )
        assert assemble(doc).report.published == dt.date(2024, 2, 1)

    def test_signature_preferred(self) -> None:
        """The signature date wins over the page's; the difference is noted."""
        doc = document(
            SourceLine("发布时间：2024-02-05"),
            SourceLine("三、收到和处理政府信息公开申请情况"),
            self.rows(),
            SourceLine("某县人民政府"),
            SourceLine("二〇二四年一月三十日"),
        )
        result = assemble(doc)
        assert (result.report.published, result.report.agency) == (dt.date(2024, 1, 30), "某县人民政府")
        assert [n.message for n in result.notes_with("date-differs")] == [
            "the report is signed 2024-01-30 but its page gives 2024-02-05: the signature date is kept"
        ]


APPLICANT_VALUES: dict[str, int] = {
    "natural_person": 10,
    "commercial": 1,
    "research": 2,
    "social_welfare": 3,
    "legal_services": 4,
    "other_org": 5,
    "total": 25,
}


def applications_in_order(keys: list[str], extra: tuple[str, str] | None = None) -> SourceTable:
    """表三 with one header row naming the columns in the order of ``keys`` (and an extra column at the end)."""
    labels = {f.key: f.label for f in layout.APPLICANT_FIELDS}
    head = ["", *(labels[k] for k in keys), *([extra[0]] if extra else [])]
    rows = [head]
    for _, node in layout.table("2021", "applications").rows():
        rows.append([node.label, *(str(APPLICANT_VALUES[k]) for k in keys), *([extra[1]] if extra else [])])
    return grid(*rows)


class TestHeaderColumns:
    """Value columns named by a header row are read under their names, whatever the printed order."""

    def test_applicant_columns_in_any_order(self) -> None:
        """总计 printed first and 自然人 last: each figure lands under the column its header names."""
        keys = ["total", "commercial", "research", "social_welfare", "legal_services", "other_org", "natural_person"]
        result = assemble(document(SourceLine("三、收到和处理政府信息公开申请情况"), applications_in_order(keys)))
        assert result.report.applications.new_received.values() == (10, 1, 2, 3, 4, 5, 25)
        assert result.report.applications.carried_forward.values() == (10, 1, 2, 3, 4, 5, 25)

    def test_extra_column_ignored_with_note(self) -> None:
        """A 小计 column the form does not have is ignored, with a note naming it and its figure."""
        keys = [f.key for f in layout.APPLICANT_FIELDS]
        table = applications_in_order(keys, ("小计", "15"))
        result = assemble(document(SourceLine("三、收到和处理政府信息公开申请情况"), table))
        assert result.report.applications.new_received.values() == (10, 1, 2, 3, 4, 5, 25)
        assert result.notes_with("extra-cells") == ()
        assert [n.message for n in result.notes_with("extra-column")][:1] == [
            "applications.new_received: column not in the form ignored: 小计 15"
        ]

    def test_run_in_a_merged_cell_under_the_header(self) -> None:
        """A row's seven figures run together in one cell merged across the seven columns ("12202310", of which
        only 1 2 2 0 2 3 10 adds up): cut apart by C3 and marked inferred, never read as 自然人 = 12202310."""
        keys = [f.key for f in layout.APPLICANT_FIELDS]
        table = applications_in_order(keys)
        run = "12202310"
        index = 2  # 二、上年结转 (the header row is 0)
        label_cell = table.rows[index][0]
        merged = [SourceCell(run, Where(table=0, row=index, col=1), colspan=7)]
        merged += [SourceCell(run, Where(table=0, row=index, col=c), colspan=7, spanned=True) for c in range(2, 8)]
        rows = (*table.rows[:index], (label_cell, *merged), *table.rows[index + 1 :])
        result = assemble(document(SourceLine("三、收到和处理政府信息公开申请情况"), SourceTable(rows)))
        assert result.report.applications.carried_over.values() == (1, 2, 2, 0, 2, 3, 10)
        assert result.provenance["applications.carried_over.natural_person"].inferred
        assert [n.code for n in result.notes if n.path == "applications.carried_over"] == ["digits-split"]

    def test_review_columns_by_header(self) -> None:
        """表四 with 总计 printed before 结果维持 under 行政复议: the two stay in their own fields."""
        root = layout.REVIEW_LITIGATION.root
        results = [f.label for f in root.child("reconsideration").fields]
        swapped = [results[-1], *results[1:-1], results[0]]
        groups = [
            root.child(r).label for r in ("reconsideration", "litigation_direct", "litigation_after_reconsideration")
        ]
        table = grid(
            [g for g in groups for _ in range(5)],
            [*swapped, *results, *results],
            ["9", "2", "3", "0", "4", *["0"] * 10],
            table=1,
        )
        doc = document(
            SourceLine("三、收到和处理政府信息公开申请情况"),
            grid(*applications_rows()),
            SourceLine("四、政府信息公开行政复议、行政诉讼情况"),
            table,
        )
        result = assemble(doc)
        assert result.report.review_litigation.reconsideration.values() == (4, 2, 3, 0, 9)

    def test_active_columns_by_header(self) -> None:
        """表二's 本年制发件数 and 现行有效件数 printed in swapped order are read under their names."""
        node = layout.table("2021", "active_disclosure").node("regulations")
        labels = [f.label for f in node.fields]
        doc = document(
            SourceLine("二、主动公开政府信息情况"),
            grid(["信息内容", labels[2], labels[1], labels[0]], [node.label, "74", "1", "3"]),
            SourceLine("三、收到和处理政府信息公开申请情况"),
            grid(*applications_rows(), table=1),
        )
        result = assemble(doc)
        assert result.report.get("active_disclosure.regulations.issued") == 3
        assert result.report.get("active_disclosure.regulations.in_force") == 74

    def test_active_header_against_the_order_left_blank(self) -> None:
        """表二's header names 本年制发件数 and 本年废止件数 in the second and third value columns, its first column
        under a name of its own (有效文件数): read by order, 本年制发件数 would take the first column's figure, so
        the row is blank with a note, never read in the form's order."""
        node = layout.table("2021", "active_disclosure").node("regulations")
        labels = [f.label for f in node.fields]
        doc = document(
            SourceLine("二、主动公开政府信息情况"),
            grid(["信息内容", "有效文件数", labels[0], labels[1]], [node.label, "74", "3", "1"]),
            SourceLine("三、收到和处理政府信息公开申请情况"),
            grid(*applications_rows(), table=1),
        )
        result = assemble(doc)
        assert result.report.active_disclosure.regulations.values() == (None, None, None)
        notes = [n for n in result.notes if n.path == "active_disclosure.regulations"]
        assert [(n.code, n.severity) for n in notes] == [("header-unmatched", "error")]
        assert "names 本年制发件数 over another cell" in notes[0].message

    def test_active_header_naming_some_columns_in_order_read_by_order(self) -> None:
        """A header naming two of 表二's three columns where the form's order puts them: the row is read by order."""
        node = layout.table("2021", "active_disclosure").node("regulations")
        labels = [f.label for f in node.fields]
        doc = document(
            SourceLine("二、主动公开政府信息情况"),
            grid(["信息内容", labels[0], labels[1], "有效文件数"], [node.label, "3", "1", "74"]),
            SourceLine("三、收到和处理政府信息公开申请情况"),
            grid(*applications_rows(), table=1),
        )
        result = assemble(doc)
        assert result.report.active_disclosure.regulations.values() == (3, 1, 74)
        assert result.notes_with("header-unmatched") == ()


class TestWordsInCells:
    """A word or an approximate figure in a data cell blanks that cell only, with a not-a-number note."""

    @pytest.mark.parametrize("word", ["暂无", "不适用", "N/A", "X", "※", "约5345", "5345余"])
    def test_grid_cell(self, word: str) -> None:
        """The word's cell is None, its text kept in provenance; the other six cells stay in their columns."""
        rows = applications_rows()
        rows[2] = [rows[2][0], word, "1", "2", "3", "4", "5", "25"]
        result = assemble(document(SourceLine("三、收到和处理政府信息公开申请情况"), grid(*rows)))
        assert result.report.applications.outcomes.granted.values() == (None, 1, 2, 3, 4, 5, 25)
        assert [n.path for n in result.notes_with("not-a-number")] == ["applications.outcomes.granted.natural_person"]
        assert result.provenance["applications.outcomes.granted.natural_person"].text == word

    def test_approximate_message(self) -> None:
        """An approximate figure is never guessed: the note says so."""
        rows = applications_rows()
        rows[2] = [rows[2][0], "约5345", "1", "2", "3", "4", "5", "25"]
        result = assemble(document(SourceLine("三、收到和处理政府信息公开申请情况"), grid(*rows)))
        assert [n.message for n in result.notes_with("not-a-number")] == [
            "'约5345' is an approximate figure, not a count: cell left blank (never guessed)"
        ]

    def test_tab_text(self) -> None:
        """In a tab-separated copy, 暂无 in the first cell keeps the next figures under 商业企业 and 科研机构."""
        text = tab_copy({"outcomes.granted": f"{label('outcomes.granted')}\t\t暂无\t1\t2\t0\t0\t0\t3\t"})
        result = read(text)
        assert result.report.applications.outcomes.granted.values() == (None, 1, 2, 0, 0, 0, 3)
        assert [n.message for n in result.notes_with("not-a-number")] == ["'暂无' is not a number: cell left blank"]


class TestDigitGroups:
    """Thousands separators are read only in groups of three; 0.0 in a count cell is 0 with a note."""

    def granted(self, cell: str) -> Any:
        """Read 表三 whose 予以公开 · 自然人 cell is ``cell``."""
        rows = applications_rows()
        rows[2] = [rows[2][0], cell, "1", "2", "3", "4", "5", "25"]
        return assemble(document(SourceLine("三、收到和处理政府信息公开申请情况"), grid(*rows)))

    @pytest.mark.parametrize(
        ("cell", "value"), [("1,234", 1234), ("12,345,678", 12345678), ("\uff11\uff13\uff0c\uff16\uff11\uff12", 13612)]
    )
    def test_groups_of_three(self, cell: str, value: int) -> None:
        """Groups of three digits after the first are read as one number."""
        result = self.granted(cell)
        assert result.report.applications.outcomes.granted.natural_person == value
        assert result.notes_with("not-a-number") == ()

    @pytest.mark.parametrize("cell", ["1,0", "53,45", "1,2345"])
    def test_malformed_groups(self, cell: str) -> None:
        """Any other grouping is not a number: the cell is blank with a note, the row in place."""
        result = self.granted(cell)
        assert result.report.applications.outcomes.granted.values() == (None, 1, 2, 3, 4, 5, 25)
        assert [n.message for n in result.notes_with("not-a-number")] == [
            f"{cell!r} has digit groups that are not of three (1,234): cell left blank"
        ]

    def test_whole_number_with_decimals(self) -> None:
        """0.0 is exactly 0: read as 0 with an info note."""
        result = self.granted("0.0")
        assert result.report.applications.outcomes.granted.natural_person == 0
        assert [(n.severity, n.message) for n in result.notes_with("decimal-count")] == [
            ("info", "'0.0' read as 0 (a whole number)")
        ]


class TestPeriodYear:
    """A statistical period in another year than the report's is kept, with a note."""

    def test_noted(self) -> None:
        """统计期限 in 2023 for a 2024 report: period kept, period-year warning."""
        doc = document(
            SourceLine("本报告统计期限为2023年1月1日至2023年12月31日。"),
            SourceLine("三、收到和处理政府信息公开申请情况"),
            grid(*applications_rows()),
        )
        result = assemble(doc)
        assert result.report.year == 2024
        assert result.report.period is not None
        assert result.report.period.start == dt.date(2023, 1, 1)
        assert [n.message for n in result.notes_with("period-year")] == [
            "the statistical period starts in 2023 but the report is on 2024: the period is kept as printed"
        ]


class TestActiveRowMissing:
    """A 表二 row not printed is noted like 表三's."""

    def test_noted(self) -> None:
        """Only 规章 printed: every other 2021 row gets a row-missing error note, in official order."""
        table = layout.table("2021", "active_disclosure")
        node = table.node("regulations")
        doc = document(
            SourceLine("二、主动公开政府信息情况"),
            grid(["信息内容", *(f.label for f in node.fields)], [node.label, "1", "0", "5"]),
            SourceLine("三、收到和处理政府信息公开申请情况"),
            grid(*applications_rows(), table=1),
        )
        result = assemble(doc)
        assert [n.message for n in result.notes_with("row-missing")] == [
            f"表二 row {n.label} not found: left blank" for p, n in table.rows() if p != "regulations"
        ]
        assert {n.severity for n in result.notes_with("row-missing")} == {"error"}


class TestOldReportWithNewRows:
    """A 2019 report printing 2021's three （六） sub-rows stays 2019: （六） is their sum."""

    def document_2019(self, sub: list[list[str]]) -> SourceDocument:
        """A 2019 表二 header and a 2019 表三 whose （六） row is printed as 2021's three sub-rows ``sub``."""
        node = layout.table("2019", "active_disclosure").node("regulations")
        rows = [r for r in applications_rows("2019") if r[0] != layout.OTHER_HANDLING_2019.label]
        at = [r[0] for r in rows].index(layout.table("2019", "applications").node("outcomes.total").label)
        other = layout.table("2021", "applications").node("outcomes.other_handling")
        printed = [[child.label, *cells] for child, cells in zip(other.children, sub, strict=True)]
        return document(
            SourceLine("二、主动公开政府信息情况"),
            grid(["信息内容", *(f.label for f in node.fields)], [node.label, "1", "1", "5"]),
            SourceLine("三、收到和处理政府信息公开申请情况"),
            grid(*rows[:at], *printed, *rows[at:], table=1),
        )

    def test_summed(self) -> None:
        """Edition 2019 from 表二; （六） holds the column sums, marked inferred; both notes given."""
        doc = self.document_2019([["1", "0", "0", "0", "0", "0", "1"], ["2", "0", "0", "0", "0", "0", "2"], ["3"] * 7])
        result = assemble(doc)
        assert result.report.edition == "2019"
        assert result.report.applications.outcomes.other_handling.values() == (6, 3, 3, 3, 3, 3, 6)
        assert result.provenance["applications.outcomes.other_handling.natural_person"].text == "1 + 2 + 3"
        assert result.provenance["applications.outcomes.other_handling.natural_person"].inferred
        assert [n.code for n in result.notes if n.code in ("edition-conflict", "other-handling-summed")] == [
            "edition-conflict",
            "other-handling-summed",
        ]
        assert result.report.get("active_disclosure.regulations.total_published") == 5

    def test_blank_sub_row_cell(self) -> None:
        """A blank in any sub-row leaves that column of （六） blank."""
        doc = self.document_2019([["1", "", "0", "0", "0", "0", "1"], ["0"] * 7, ["0"] * 7])
        result = assemble(doc)
        assert result.report.applications.outcomes.other_handling.values() == (1, None, 0, 0, 0, 0, 1)


class TestUnmatchedHeader:
    """A 表三 header naming some columns but not all: rows read in order only when the count is exact, noted once."""

    def table(self, extra: bool = False) -> SourceTable:
        """表三 under a header 类别 | 数据1 … 数据6 | 总计, row 本年新收 with an eighth cell when ``extra``."""
        rows = [["类别", *(f"数据{i}" for i in range(1, 7)), "总计"], *applications_rows()]
        if extra:
            rows[1] = [*rows[1], "9"]
        return grid(*rows)

    def test_read_in_order_with_one_note(self) -> None:
        """Seven cells a row: read in order; one header-unmatched warning naming the printed header."""
        result = assemble(document(SourceLine("三、收到和处理政府信息公开申请情况"), self.table()))
        assert result.report.applications.new_received.values() == (1, 1, 1, 1, 1, 1, 6)
        assert [n.message for n in result.notes_with("header-unmatched")] == [
            "表三's header (类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计) does not name every column "
            "(自然人 … 总计): its rows are read in order, and only when they have exactly 7 cells"
        ]

    def test_extra_cell_row_left_blank(self) -> None:
        """A row with eight cells under such a header is not cut to seven: blank, with an error note."""
        result = assemble(document(SourceLine("三、收到和处理政府信息公开申请情况"), self.table(extra=True)))
        assert result.report.applications.new_received.values() == (None,) * 7
        assert [n.message for n in result.notes_with("extra-cells")] == [
            "applications.new_received: 8 cells where the layout has 7, under a header that does not name every "
            "column: the row was left blank"
        ]


class TestPartialPairing:
    """Labels printed apart from their numbers: one bad run does not blank the rows that pair."""

    def lines(self, runs: dict[str, str]) -> list[SourceLine]:
        """表三 as lines of text, all zeros; the rows in ``runs`` print their label and their numbers apart."""
        out = [SourceLine("三、收到和处理政府信息公开申请情况")]
        for path, node in layout.table("2021", "applications").rows():
            if path in runs:
                out += [SourceLine(runs[path]), SourceLine(node.label)]
            else:
                out.append(SourceLine(" ".join([node.label, *["0"] * 7])))
        return out

    def test_good_pairs_placed(self) -> None:
        """部分公开's run does not add up: it stays blank with an error; the two other rows are paired in order."""
        runs = {
            "outcomes.partially_granted": "5 0 0 0 0 0 4",
            "outcomes.withheld.state_secret": "0 0 0 0 0 0 0",
            "outcomes.withheld.security_stability": "0 0 0 0 0 0 0",
        }
        result = assemble(document(*self.lines(runs)))
        outcomes = result.report.applications.outcomes
        assert outcomes.partially_granted.values() == (None,) * 7
        assert outcomes.withheld.state_secret.values() == (0,) * 7
        assert outcomes.withheld.security_stability.values() == (0,) * 7
        assert [n.path for n in result.notes_with("numbers-paired")] == [
            "applications.outcomes.withheld.state_secret",
            "applications.outcomes.withheld.security_stability",
        ]
        assert [n.message for n in result.notes_with("row-unplaced")] == [
            "applications.outcomes.partially_granted: the label is printed without numbers and the numbers in its "
            "place ('5 0 0 0 0 0 4') do not add up across the row; the row was left blank"
        ]
        assert result.provenance["applications.outcomes.withheld.state_secret.total"].inferred

    def test_all_bad_stays_all_or_nothing(self) -> None:
        """When every run is bad, nothing is paired."""
        runs = {"outcomes.partially_granted": "5 0 0 0 0 0 4", "outcomes.withheld.state_secret": "1 0 0 0 0 0 2"}
        result = assemble(document(*self.lines(runs)))
        assert result.notes_with("numbers-paired") == ()
        assert len(result.notes_with("row-unplaced")) == 2

    def test_blank_elsewhere_does_not_block(self) -> None:
        """A word in another row's cell keeps one column unconfirmed: the good pairs are placed, the sums checked
        in the other columns."""
        lines = self.lines({"outcomes.withheld.state_secret": "0 0 0 0 0 0 0"})
        granted = label("outcomes.granted")
        lines = [SourceLine(f"{granted} 暂无 0 0 0 0 0 0") if ln.text.startswith(granted) else ln for ln in lines]
        result = assemble(document(*lines))
        outcomes = result.report.applications.outcomes
        assert outcomes.granted.values() == (None, 0, 0, 0, 0, 0, 0)
        assert outcomes.withheld.state_secret.values() == (0,) * 7
        assert [n.message for n in result.notes_with("numbers-paired")] == [
            "applications.outcomes.withheld.state_secret: label printed apart from its numbers; paired in order with "
            "'0 0 0 0 0 0 0' (unknown position); the row adds up; the columns add up wherever all their cells are "
            "known (some cells of the table are blank)"
        ]


class TestWordsInLines:
    """A word in a cell's place on a line of text (PDF text, crawled pages) keeps the next figures in place."""

    @pytest.mark.parametrize("word", ["暂无", "约3", "N/A"])
    def test_line(self, word: str) -> None:
        """予以公开 暂无 1 2 0 0 0 3: the word's cell is None with a note, the six figures after it in place."""
        lines = [SourceLine("三、收到和处理政府信息公开申请情况")]
        for path, node in layout.table("2021", "applications").rows():
            cells = [word, "1", "2", "0", "0", "0", "3"] if path == "outcomes.granted" else ["0"] * 7
            lines.append(SourceLine(" ".join([node.label, *cells])))
        result = assemble(document(*lines))
        assert result.report.applications.outcomes.granted.values() == (None, 1, 2, 0, 0, 0, 3)
        assert [n.path for n in result.notes_with("not-a-number")] == ["applications.outcomes.granted.natural_person"]

    @staticmethod
    def granted_line(cells: list[str]) -> ImportResult:
        """A report on lines of text, （一）予以公开 printing ``cells``, the other rows zeros."""
        lines = [SourceLine("三、收到和处理政府信息公开申请情况")]
        for path, node in layout.table("2021", "applications").rows():
            lines.append(SourceLine(" ".join([node.label, *(cells if path == "outcomes.granted" else ["0"] * 7)])))
        return assemble(document(*lines))

    @pytest.mark.parametrize("word", ["2023年", "12月", "7年度"])
    def test_figure_with_a_word_is_not_a_number(self, word: str) -> None:
        """予以公开 14 3 0 0 0 2 2023年: the last cell is blank with a not-a-number note, never read as 2023."""
        result = self.granted_line(["14", "3", "0", "0", "0", "2", word])
        assert result.report.applications.outcomes.granted.values() == (14, 3, 0, 0, 0, 2, None)
        assert [(n.code, n.path) for n in result.notes if n.path and "granted" in n.path] == [
            ("not-a-number", "applications.outcomes.granted.total")
        ]

    @pytest.mark.parametrize("column", [1, 6])
    def test_count_with_a_unit_word(self, column: int) -> None:
        """予以公开 14 3人 0 0 0 2 19 (or 19人 last): the count is read, with an annotation note, as in a grid."""
        cells = ["14", "3", "0", "0", "0", "2", "19"]
        cells[column] += "人"
        result = self.granted_line(cells)
        assert result.report.applications.outcomes.granted.values() == (14, 3, 0, 0, 0, 2, 19)
        assert [n.code for n in result.notes if n.path and "granted" in n.path] == ["annotation"]

    def test_figures_run_into_the_next_text(self) -> None:
        """A figure with a long text run into it ("19第二十条…", page text joining cells) keeps the figure."""
        result = self.granted_line(["14", "3", "0", "0", "0", "2", "19四、结转下年度"])
        assert result.report.applications.outcomes.granted.values() == (14, 3, 0, 0, 0, 2, 19)

    def test_sentence_after_a_count(self) -> None:
        """予以公开 14 3 0 0 0 2 19件，其中…: the count ends the row, the sentence after it is no cell."""
        result = self.granted_line(["14", "3", "0", "0", "0", "2", "19件，其中", "5", "件"])
        assert result.report.applications.outcomes.granted.values() == (14, 3, 0, 0, 0, 2, 19)


class TestPathHeaders:
    """Labels and headers printed as paths (法人或其他组织 / 商业企业), and 表四 with a row per block."""

    def test_applications_paths(self) -> None:
        """Labels 三、本年度办理结果 / （一）予以公开 and headers 法人或其他组织 / 商业企业 read by the last level."""
        fields = layout.APPLICANT_FIELDS
        head = ["", fields[0].label, *(f"法人或其他组织 / {f.label}" for f in fields[1:6]), fields[6].label]
        rows = [head]
        for path, node in layout.table("2021", "applications").rows():
            prefix = "三、本年度办理结果 / " if path.startswith("outcomes.") else ""
            rows.append([prefix + node.label, "10", "1", "2", "3", "4", "5", "25"])
        result = assemble(document(SourceLine("三、收到和处理政府信息公开申请情况"), grid(*rows)))
        assert result.report.applications.outcomes.granted.values() == (10, 1, 2, 3, 4, 5, 25)
        assert result.notes_with("header-unmatched") == ()
        assert result.notes_with("unplaced-row") == ()

    def test_review_row_per_block(self) -> None:
        """表四 transposed: a row per block (a path for the two 行政诉讼 blocks, one all blank), results as columns."""
        root = layout.REVIEW_LITIGATION.root
        results = [f.label for f in root.child("reconsideration").fields]
        table = grid(
            ["", *results],
            [root.child("reconsideration").label, "5", "", "", "2", "7"],
            [f"行政诉讼 / {root.child('litigation_direct').label}", "8", "0", "0", "1", "9"],
            [f"行政诉讼 / {root.child('litigation_after_reconsideration').label}", "", "", "", "", ""],
            table=1,
        )
        doc = document(
            SourceLine("三、收到和处理政府信息公开申请情况"),
            grid(*applications_rows()),
            SourceLine("四、政府信息公开行政复议、行政诉讼情况"),
            table,
        )
        review = assemble(doc).report.review_litigation
        assert review.reconsideration.values() == (5, None, None, 2, 7)
        assert review.litigation_direct.values() == (8, 0, 0, 1, 9)
        assert review.litigation_after_reconsideration.values() == (None,) * 5


class TestExtraColumns:
    """A value column the form lacks, named by the header, is ignored with a note in 表二 and 表四."""

    def test_active_extra_column(self) -> None:
        """表二 with a 备注 column holding a figure: the three fields are read, the figure noted."""
        node = layout.table("2021", "active_disclosure").node("regulations")
        doc = document(
            SourceLine("二、主动公开政府信息情况"),
            grid(["信息内容", *(f.label for f in node.fields), "备注"], [node.label, "3", "1", "74", "2"]),
            SourceLine("三、收到和处理政府信息公开申请情况"),
            grid(*applications_rows(), table=1),
        )
        result = assemble(doc)
        assert result.report.active_disclosure.regulations.values() == (3, 1, 74)
        assert [n.message for n in result.notes_with("extra-column")] == [
            "active_disclosure.regulations: column not in the form ignored: 备注 2"
        ]

    def test_review_extra_column(self) -> None:
        """表四 with a sixteenth column (合计) after its fifteen: the fifteen are read, the figure noted."""
        root = layout.REVIEW_LITIGATION.root
        results = [f.label for f in root.child("reconsideration").fields]
        groups = [
            root.child(r).label for r in ("reconsideration", "litigation_direct", "litigation_after_reconsideration")
        ]
        table = grid(
            [*(g for g in groups for _ in range(5)), "全部"],
            [*results, *results, *results, "合计"],
            [*["1", "0", "0", "0", "1"] * 3, "3"],
            table=1,
        )
        doc = document(
            SourceLine("三、收到和处理政府信息公开申请情况"),
            grid(*applications_rows()),
            SourceLine("四、政府信息公开行政复议、行政诉讼情况"),
            table,
        )
        result = assemble(doc)
        assert result.report.review_litigation.litigation_after_reconsideration.values() == (1, 0, 0, 0, 1)
        assert [n.message for n in result.notes_with("extra-column")] == [
            "review_litigation: column not in the form ignored: 3"
        ]

    @pytest.mark.parametrize("lead", ["1", "—"])
    def test_review_figure_under_an_empty_corner(self, lead: str) -> None:
        """表四 under a header whose first column is an empty corner cell, the row printing "1" (a 序号) or "—" there:
        the fifteen figures are read under the header, the leading cell noted; none is moved a column along."""
        root = layout.REVIEW_LITIGATION.root
        results = [f.label for f in root.child("reconsideration").fields]
        groups = [
            root.child(r).label for r in ("reconsideration", "litigation_direct", "litigation_after_reconsideration")
        ]
        figures = ["1", "1", "0", "2", "4", "0", "0", "2", "2", "4", "5", "1", "3", "4", "13"]
        table = grid(["", *(g for g in groups for _ in range(5))], ["", *results * 3], [lead, *figures], table=1)
        doc = document(
            SourceLine("三、收到和处理政府信息公开申请情况"),
            grid(*applications_rows()),
            SourceLine("四、政府信息公开行政复议、行政诉讼情况"),
            table,
        )
        result = assemble(doc)
        review = result.report.review_litigation
        assert review.reconsideration.values() == (1, 1, 0, 2, 4)
        assert review.litigation_direct.values() == (0, 0, 2, 2, 4)
        assert review.litigation_after_reconsideration.values() == (5, 1, 3, 4, 13)
        assert [n.message for n in result.notes_with("extra-column")] == [
            f"review_litigation: column not in the form ignored: {lead}"
        ]

    def test_review_row_one_short_under_an_empty_corner(self) -> None:
        """表四's fifteen figures printed from the empty corner's column on, the row ending one cell before the
        header (the reader padded the grid): read by order, never one column along under the header."""
        root = layout.REVIEW_LITIGATION.root
        results = [f.label for f in root.child("reconsideration").fields]
        groups = [
            root.child(r).label for r in ("reconsideration", "litigation_direct", "litigation_after_reconsideration")
        ]
        figures = ["5", "2", "5", "3", "15", "2", "1", "5", "3", "11", "2", "2", "4", "1", "9"]
        table = grid(["", *(g for g in groups for _ in range(5))], ["", *results * 3], [*figures, ""], table=1)
        padded = attrs.evolve(table.rows[2][15], where=Where(table=1, row=2, col=15, detail="padding"))
        table = SourceTable((*table.rows[:2], (*table.rows[2][:15], padded)))
        doc = document(
            SourceLine("三、收到和处理政府信息公开申请情况"),
            grid(*applications_rows()),
            SourceLine("四、政府信息公开行政复议、行政诉讼情况"),
            table,
        )
        result = assemble(doc)
        review = result.report.review_litigation
        assert review.reconsideration.values() == (5, 2, 5, 3, 15)
        assert review.litigation_after_reconsideration.values() == (2, 2, 4, 1, 9)
        assert result.notes_with("extra-column") == ()


class TestNumberBeforeTheLabel:
    """A bare number printed in a cell before a row's label is no figure of the row: the label after it is read."""

    HEADER = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")

    def test_serial_column(self) -> None:
        """A 序号 column (| 1 | 一、本年新收… | 19 | …) on every row: every row is read under the header."""
        rows = [[str(i + 1), *row] for i, row in enumerate(applications_rows(value="2"))]
        doc = document(SourceLine("三、收到和处理政府信息公开申请情况"), grid(["序号", "", *self.HEADER], *rows))
        result = assemble(doc)
        assert result.report.applications.new_received.values() == (2, 2, 2, 2, 2, 2, 12)
        assert result.report.applications.outcomes.other_handling.other.values() == (2, 2, 2, 2, 2, 2, 12)
        assert result.notes_with("row-missing") == ()

    def test_sub_row_number_in_a_cell_of_its_own(self) -> None:
        """| （三）不予公开 | 1 | 属于国家秘密 | 2 | …: the sub-row's figures are read, not lost as text among them."""
        rows = applications_rows()
        first = next(i for i, row in enumerate(rows) if row[0] == "1.属于国家秘密")
        for number, row in enumerate(rows[first : first + 8], start=1):
            assert row[0].startswith(f"{number}.")
            row[0:1] = ["（三）不予公开", str(number), row[0].split(".", 1)[1]]
        rows[first][3] = "5"
        doc = document(SourceLine("三、收到和处理政府信息公开申请情况"), grid(["", "", *self.HEADER], *rows))
        result = assemble(doc)
        withheld = result.report.applications.outcomes.withheld
        assert withheld.state_secret.values() == (5, 1, 1, 1, 1, 1, 6)
        assert withheld.query_matters.values() == (1, 1, 1, 1, 1, 1, 6)
        assert result.notes_with("row-missing") == ()

    def test_label_among_the_figures_stays_a_cell(self) -> None:
        """A row's label printed into a figure's cell (| （二）部分公开… | 8 | （六）其他处理情况1 | 0 | …) leaves no
        room for a row's seven figures after it: it is that cell, blank, and the row keeps its other figures."""
        rows = applications_rows()
        row = next(r for r in rows if r[0].startswith("（二）部分公开"))
        row[1:3] = ["8", "（六）其他处理情况1"]
        result = assemble(document(SourceLine("三、收到和处理政府信息公开申请情况"), grid(*rows)))
        assert result.report.applications.outcomes.partially_granted.values() == (8, None, 1, 1, 1, 1, 6)
        assert [n.code for n in result.notes if n.path == "applications.outcomes.partially_granted.commercial"] == [
            "not-a-number"
        ]


class TestTextInTheFirstFigureCell:
    """Text in 自然人's cell of a 表三 row under the header: that cell, not a second level of the label."""

    HEADER = TestNumberBeforeTheLabel.HEADER

    def test_header_row_under_a_corner_cell_has_no_figures(self) -> None:
        """A header row printing the column names after a corner cell of its own text: every cell is a name (a
        label), none is taken for text in 自然人's figure cell; the data rows under it are read."""
        from govdisclosure.importers._assemble import _Context, _items

        corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
        items = _items([grid([corner, *self.HEADER], *applications_rows())], "applications", _Context())
        assert [text for text, _ in items[0].labels] == [corner, *self.HEADER]
        assert items[0].values == []
        assert [text for text, _ in items[1].values] == ["1", "1", "1", "1", "1", "1", "6"]

    def test_row_columns_right_of_the_header(self) -> None:
        """A text table printing its rows two grid columns right of the header's (| | | 6.属于四类过程性信息 | 5号 |
        0 | …): "5号" is 自然人's cell, blank with not-a-number, the six figures after it read under their columns."""
        rows = [["", "", *row] for row in applications_rows()]
        target = next(row for row in rows if row[2] == "6.属于四类过程性信息")
        target[3] = "5号"
        table = grid(["（本列数据的勾稽关系为：第一项加第二项之和）", *self.HEADER, "", ""], *rows)
        result = assemble(document(SourceLine("三、收到和处理政府信息公开申请情况"), table))
        row = result.report.applications.outcomes.withheld.process_information
        assert row.values() == (None, 1, 1, 1, 1, 1, 6)
        assert [n.code for n in result.notes if n.path and "process_information" in n.path] == ["not-a-number"]
        assert result.report.applications.new_received.values() == (1, 1, 1, 1, 1, 1, 6)


class TestLabelWording:
    """A label printed on with its official wording on a line without figures."""

    def test_scan_bounded_by_the_wording(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A line repeating a label thousands of times with no digit: each label's wording is looked for no further
        than the official wording reaches, not to the end of the line (time growing with the line's square)."""
        from govdisclosure.importers import _assemble

        scanned: list[int] = []

        class Spy:
            def match(self, text: str, pos: int = 0, endpos: int = 10**9) -> Any:
                scanned.append(min(endpos, len(text)) - pos)
                return pattern.match(text, pos, endpos)

        pattern = _assemble._NOT_DIGITS
        monkeypatch.setattr(_assemble, "_NOT_DIGITS", Spy())
        label = "（二）部分公开（区分处理的，只计这一情形，不"
        result = assemble(document(SourceLine("三、收到和处理政府信息公开申请情况"), SourceLine(label * 200)))
        official = layout.table("2021", "applications").node("outcomes.partially_granted").label
        assert len(scanned) >= 200
        assert max(scanned) <= len(official) + 1
        assert result.report.applications.outcomes.partially_granted.values() == (None,) * 7


class TestHelpers:
    """Private helpers written for speed give what the plain forms they replace give."""

    @pytest.mark.parametrize(
        "texts",
        [["规章", "13"], ["信息内容", "本年新制作数量"], ["", "①"], ["总计²"], ["\uff11\uff12"], ["", ""], ["a b"]],
    )
    def test_has_digit(self, texts: list[str]) -> None:
        """A row has a digit when any character of any cell is one for ``str.isdigit`` (², ① included)."""
        from govdisclosure.importers._assemble import _has_digit

        row = [SourceCell(text) for text in texts]
        assert _has_digit(row) == any(ch.isdigit() for text in texts for ch in text)

    @pytest.mark.parametrize(
        "text",
        [
            "（一）主动公开。(二)依申请公开：（三） 管理",
            "甲（一）乙。（二）丙 (三)丁",
            "无",
            "（十）(九)（八）",
            "。(一)（二）\n（三）",
        ],
    )
    def test_markers(self, text: str) -> None:
        """The sub-section markers found with one pattern per bracket are the ones the single pattern finds."""
        from govdisclosure.importers import _meta

        expected = [(m.span(), m.group(1)) for m in _meta._MARKER.finditer(text)]
        assert [(m.span(), m.group(1)) for m in _meta._markers(text)] == expected

    @pytest.mark.parametrize(
        "blocks",
        [
            (TITLE, grid(["规章", "1"], ["", " "]), SourceLine("  "), SourceLine("某县人民政府")),
            (SourceLine(" "), grid([" ", ""], ["\u3000", ""])),
            (SourceTable(((SourceCell("x", spanned=True), SourceCell(" ")),)),),
            (),
        ],
    )
    def test_document_text(self, blocks: tuple[SourceLine | SourceTable, ...]) -> None:
        """The lines read from the end, and the test for text, agree with the document's lines joined."""
        from govdisclosure.importers._assemble import _has_text, _lines_backwards, _text_of

        lines = _text_of(blocks)
        assert list(_lines_backwards(blocks)) == lines[::-1]
        assert _has_text(blocks) == bool("".join(lines).strip())

    @pytest.mark.parametrize(
        "text",
        [
            "一、总体情况",
            "一、概 述",
            "二、主动公开政府政府情况",
            "三、收到和处理政府信息公开申请的情况",
            "四、政府信息公开行政法复议、行政诉讼情况",
            "五、政府信息公开工作存在的主要问题及改进情况",
            "六、其他需要报告的事项",
            "（本页）一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况",
            "一是进一步规范、五是加强",
        ],
    )
    def test_headings(self, text: str) -> None:
        """Searching a pattern only where one of its words is printed finds what searching everywhere finds."""
        from govdisclosure.importers import _meta
        from govdisclosure.importers._assemble import _headings

        everywhere = sorted(
            (m.start(), m.end(), key) for key, pattern in _meta.SECTION_PATTERNS.items() for m in pattern.finditer(text)
        )
        assert _headings(text) == everywhere
        assert _meta.SECTION_WORDS.keys() == _meta.SECTION_PATTERNS.keys()
        for key, words in _meta.SECTION_WORDS.items():
            assert all(word in _meta.SECTION_PATTERNS[key].pattern for word in words)


class TestThirdReviewFindings:
    """A final review's cases: a 备注 column beside 表三, and 表四 with a 序号 under an empty corner."""

    TOP = "某县人民政府2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
    HEAD = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")

    @staticmethod
    def markdown(rows: list[list[str]]) -> str:
        lines = [rows[0], ["---"] * len(rows[0]), *rows[1:]]
        return "\n".join("| " + " | ".join(row) + " |" for row in lines)

    @staticmethod
    def html(rows: list[list[str]]) -> str:
        return "<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table>"

    @pytest.mark.parametrize("fmt", ["markdown", "html"])
    @pytest.mark.parametrize("note_column", [True, False])
    def test_text_under_natural_person_beside_a_blank_last_cell(self, fmt: str, note_column: bool) -> None:
        """A blank 备注 (or trailing) cell is no room for a figure: '见附件' is 自然人's cell, not part of the label,
        and the six figures after it stay under their own columns."""
        header = ["", *self.HEAD, "备注"] if note_column else ["", *self.HEAD]
        rows = [
            header,
            ["（一）予以公开", "见附件", "3", "0", "0", "0", "2", "19", ""],
            ["（七）总计", "14", "3", "0", "0", "0", "2", "19", "含转办" if note_column else ""],
        ]
        source = self.TOP + self.markdown(rows) if fmt == "markdown" else self.TOP + self.html(rows)
        result = read(source, format=fmt)
        assert result.report.applications.outcomes.granted.values() == (None, 3, 0, 0, 0, 2, 19)
        assert [n.code for n in result.notes if n.path == "applications.outcomes.granted.natural_person"] == [
            "not-a-number"
        ]

    REVIEW = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    FIGURES = ("1", "1", "0", "2", "4", "0", "0", "2", "2", "4", "5", "1", "3", "4", "13")

    def review(self, data: list[str]) -> ImportResult:
        top = (
            f"{self.TOP}一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n四、政府信息公开行政复议、行政诉讼情况\n"
        )
        blocks = ["行政复议"] * 5 + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5
        return read(top + self.markdown([["", *blocks], ["", *self.REVIEW * 3], list(data)]), format="markdown")

    def test_a_serial_number_under_the_corner_and_the_last_cell_left_out(self) -> None:
        """| 1 | fourteen figures |: the sums say the 1 is a 序号 — read under the header, never one column right."""
        result = self.review(["1", *self.FIGURES[:14]])
        review = result.report.review_litigation
        assert review.reconsideration.values() == (1, 1, 0, 2, 4)
        assert review.litigation_direct.values() == (0, 0, 2, 2, 4)
        assert review.litigation_after_reconsideration.values() == (5, 1, 3, 4, None)
        assert {"extra-column", "missing-cells"} <= {n.code for n in result.notes}

    def test_fifteen_figures_from_the_corner_column(self) -> None:
        """The same shape printed one column off the header: the sums say read in order."""
        review = self.review(self.FIGURES).report.review_litigation
        assert review.litigation_after_reconsideration.values() == (5, 1, 3, 4, 13)

    def test_a_row_the_sums_cannot_place_is_left_blank(self) -> None:
        """Neither reading adds up: no figure is placed, and a note says why."""
        result = self.review(["7", "1", "1", "0", "2", "9", "0", "0", "2", "2", "9", "5", "1", "3", "4"])
        review = result.report.review_litigation
        assert review.reconsideration.values() == (None,) * 5
        assert "row-misaligned" in {n.code for n in result.notes}

    @pytest.mark.parametrize("tail", ["2023年共24件", "2023年以来", "2023年12月", "12月31日"])
    def test_a_date_run_into_text_after_a_rows_figures_is_no_figure(self, tail: str) -> None:
        """On a line of text, "2023年共24件" after the figures is a date and prose: 总计 is blank (not 2023)."""
        header = "\t".join(["", *self.HEAD])
        line = f"一、本年新收政府信息公开申请数量 19 3 0 0 0 2 {tail}"
        result = read(f"{self.TOP}{header}\n{line}\n", format="text")
        assert result.report.applications.new_received.values() == (19, 3, 0, 0, 0, 2, None)
        assert "not-a-number" in {n.code for n in result.notes if n.path == "applications.new_received.total"}

    @pytest.mark.parametrize("fmt", ["markdown", "html"])
    def test_a_serial_number_after_the_label_under_a_corner_cell(self, fmt: str) -> None:
        """| 一、本年新收… | 1 | seven figures |: the header shows where 自然人 is, so the 1 under its second corner
        cell is no figure (it was read as 自然人, every figure one column right and 总计 dropped)."""
        rows = [["", "", *self.HEAD], ["一、本年新收政府信息公开申请数量", "1", "19", "3", "0", "0", "0", "2", "24"]]
        source = self.TOP + (self.markdown(rows) if fmt == "markdown" else self.html(rows))
        result = read(source, format=fmt)
        assert result.report.applications.new_received.values() == (19, 3, 0, 0, 0, 2, 24)
        assert [n.code for n in result.notes if n.path == "applications.new_received"] == ["extra-column"]

    def test_two_rows_printed_side_by_side_on_one_grid_row(self) -> None:
        """| 规章 | 1 | 2 | 3 | 行政规范性文件 | 6 | 3 | 11 |: both rows of 表二 are read (one was dropped)."""
        top = "某县人民政府2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        header = ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"] * 2
        rows = [header, ["规章", "1", "2", "3", "行政规范性文件", "6", "3", "11"]]
        result = read(
            top + self.markdown(rows) + "\n" + self.TOP + "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1"
        )
        disclosure = result.report.active_disclosure
        assert disclosure.regulations.values() == (1, 2, 3)
        assert disclosure.normative_documents.values() == (6, 3, 11)
