"""Deviations seen in real reports (spec §7), each printed into a small report and read back with ``read()``.

Every case starts from a consistent report printed as a published page prints it — tab-separated text (a Word
table pasted as text), a Markdown pipe table (a PDF converted to Markdown) or an HTML page with the official merged
cells inside site chrome — damages it the way real reports are damaged, and checks the result cell by cell against
what the damaged page prints, with the notes that explain each repair. Cases the assembler tests already cover on
hand-made grids are run here through the format readers, in every format where the deviation occurs.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from html import escape

import pytest

from govdisclosure import layout
from govdisclosure.errors import ReadError
from govdisclosure.importers import ImportResult, read
from govdisclosure.model import Report
from govdisclosure.testing import consistent_report

from .strategies_read import heading

FORMATS = ["text", "markdown", "html"]
APPLICANT_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
REVIEW_RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
REVIEW_BLOCKS = ["行政复议", "未经复议直接起诉", "复议后起诉"]
GROUP_LABELS = {
    "outcomes": "三、本年度办理结果",
    "withheld": "（三）不予公开",
    "unable_to_provide": "（四）无法提供",
    "not_processed": "（五）不予处理",
    "other_handling": "（六）其他处理",
}

FULL_WIDTH = str.maketrans("0123456789.", "".join(chr(0xFF10 + d) for d in range(10)) + "．")
"""ASCII digits and dot to their full-width forms, as some reports print row numbers."""

REPORT = consistent_report("2021", seed=1)
REPORT_2019 = consistent_report("2019", seed=1)


def _text(value: object) -> str:
    return "" if value is None else str(value)


class Printed:
    """The cell texts of a report's tables, to be damaged and then printed as a page.

    ``applications`` holds ``[path, label, cells]`` for each row of 表三 (path ``None`` for a row the form does not
    have), ``active`` holds ``[label, cells]`` for each line of 表二 (block titles and column headers included),
    ``review`` the fifteen cells of 表四 and ``order`` the printed order of 表三's seven columns.
    """

    def __init__(self, report: Report) -> None:
        self.report = report
        table = layout.table(report.edition, "applications", single_other_handling=report.uses_single_other_handling)
        self.applications: list[list] = [
            [path, node.label, [_text(v) for v in report.get(f"applications.{path}").values()]]
            for path, node in table.rows()
        ]
        self.active: list[list] = []
        active = report.layout("active_disclosure")
        for block in active.root.children:
            self.active.append([block.label, []])
            first = next(block.keyed_children())
            self.active.append([active.row_header or "", [f.label for f in first.fields]])
            for node in block.keyed_children():
                row = report.get(f"active_disclosure.{node.key}")
                self.active.append([node.label, [_text(v) for v in row.values()]])
        self.review = [_text(v) for _, row in report.review_litigation.rows() for v in row.values()]
        self.order = list(range(7))

    def row(self, path: str) -> list:
        """The printed 表三 row of a path."""
        return next(r for r in self.applications if r[0] == path)

    def insert_after(self, path: str, label: str, cells: list[str]) -> None:
        """A row the form does not have, printed after the row of ``path`` (inside the same group)."""
        index = next(i for i, r in enumerate(self.applications) if r[0] == path)
        self.applications.insert(index + 1, [None, label, cells])

    def _ordered(self, cells: list[str]) -> list[str]:
        """Cells in the printed column order; a row printed short stays short (nothing to reorder)."""
        if len(cells) < len(self.order):
            return cells
        return [cells[i] for i in self.order] + cells[len(self.order) :]

    def _opening(self) -> list[str]:
        year = self.report.year
        return [
            self.report.title,
            f"本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
            heading("overview"),
            "（一）主动公开。全年主动公开信息若干条。",
        ]

    def _closing(self) -> list[str]:
        return [heading("problems"), "存在的主要问题：一是……。", heading("other_matters"), "无。", self.report.agency]

    def page(self, fmt: str) -> str:
        """The report printed as ``text`` (tab-separated tables), ``markdown`` (pipe tables) or ``html``."""
        return self._html() if fmt == "html" else self._lines(pipe=fmt == "markdown")

    def _lines(self, *, pipe: bool) -> str:
        def line(cells: list[str]) -> str:
            return "| " + " | ".join(cells) + " |" if pipe else "\t".join(cells)

        lines = [*self._opening(), heading("active_disclosure")]
        for i, (label, cells) in enumerate(self.active):
            lines.append(line([label, *cells]))
            if pipe and i == 0:
                lines.append(line(["---"] * 4))
        lines += [heading("applications"), line(["", *self._ordered(APPLICANT_COLUMNS)])]
        if pipe:
            lines.append(line(["---"] * 8))
        lines += [line([label, *self._ordered(cells)]) for _, label, cells in self.applications]
        lines.append(heading("review_litigation"))
        lines.append(line([block for block in REVIEW_BLOCKS for _ in range(5)]))
        if pipe:
            lines.append(line(["---"] * 15))
        lines.append(line(self.review))
        return "\n".join(lines + self._closing()) + "\n"

    def _html(self) -> str:
        out = [f"<html><head><meta charset='utf-8'><title>{escape(self.report.title)}</title></head><body>"]
        out.append("<div class='nav'><a href='/'>首页</a> &gt; <a>政府信息公开年报</a></div><div class='article'>")
        out.append(f"<h1>{escape(self.report.title)}</h1>")
        out += [f"<p>{text}</p>" for text in self._opening()[1:]]
        out.append(f"<p>{heading('active_disclosure')}</p><table border='1'>")
        for label, cells in self.active:
            if not cells:
                out.append(f"<tr><td colspan='4'>{label}</td></tr>")
            else:
                span = 3 // len(cells) if len(cells) in (1, 3) else 1
                out.append(f"<tr><td>{label}</td>" + "".join(f"<td colspan='{span}'>{c}</td>" for c in cells) + "</tr>")
        out.append(f"</table><p>{heading('applications')}</p><table border='1'>")
        out.append(
            "<tr><td rowspan='3' colspan='3'>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>"
        )
        out.append("<td colspan='7'>申请人情况</td></tr>")
        if self.order == list(range(7)):
            out.append(
                "<tr><td rowspan='2'>自然人</td><td colspan='5'>法人或其他组织</td><td rowspan='2'>总计</td></tr>"
            )
            out.append("<tr>" + "".join(f"<td>{c}</td>" for c in APPLICANT_COLUMNS[1:6]) + "</tr>")
        else:
            out.append("<tr>" + "".join(f"<td rowspan='2'>{c}</td>" for c in self._ordered(APPLICANT_COLUMNS)))
            out.append("</tr><tr></tr>")
        out += self._html_applications()
        out.append(f"</table><p>{heading('review_litigation')}</p><table border='1'>")
        out.append("<tr><td colspan='5'>行政复议</td><td colspan='10'>行政诉讼</td></tr><tr>")
        out.append(
            "".join(f"<td rowspan='2'>{r}</td>" for r in REVIEW_RESULTS) + "<td colspan='5'>未经复议直接起诉</td>"
        )
        out.append("<td colspan='5'>复议后起诉</td></tr><tr>" + "".join(f"<td>{r}</td>" for r in REVIEW_RESULTS * 2))
        out.append("</tr><tr>" + "".join(f"<td>{c}</td>" for c in self.review) + "</tr></table>")
        out += [f"<p>{text}</p>" for text in self._closing()]
        out.append(
            "</div><div class='footer'>版权所有 <table><tr><td>联系我们</td><td>网站地图</td></tr></table></div>"
        )
        return "\n".join([*out, "</body></html>"])

    def _html_applications(self) -> list[str]:
        """表三's rows with the official merged group cells (三、本年度办理结果 over 22 rows, （三）… over theirs)."""
        out = []
        opened: set[str] = set()
        for index, (path, label, cells) in enumerate(self.applications):
            # a row the form does not have belongs to the groups of the row printed before it
            groups = (path or self._group_path(index)).split(".")[:-1]
            tds = []
            for depth, key in enumerate(groups):
                group = ".".join(groups[: depth + 1])
                if group not in opened:
                    opened.add(group)
                    span = sum(1 for i in range(len(self.applications)) if self._in_group(i, group))
                    tds.append(f"<td rowspan='{span}'>{GROUP_LABELS[key]}</td>")
            width = 3 - len(groups)
            tds.append(f"<td colspan='{width}'>{label}</td>" if width > 1 else f"<td>{label}</td>")
            tds += [f"<td>{c}</td>" for c in self._ordered(cells)]
            out.append("<tr>" + "".join(tds) + "</tr>")
        return out

    def _group_path(self, index: int) -> str:
        before = [r[0] for r in self.applications[:index] if r[0]]
        return before[-1] if before else "extra"

    def _in_group(self, index: int, group: str) -> bool:
        path = self.applications[index][0] or self._group_path(index)
        return path.startswith(group + ".")


def read_printed(printed: Printed, fmt: str) -> ImportResult:
    """Read a printed report in a format (HTML needs the html extra)."""
    if fmt == "html":
        pytest.importorskip("govdisclosure.importers._html")
    return read(printed.page(fmt), format=fmt)


def differences(
    result: ImportResult, report: Report, *, besides: Callable[[str], bool] = lambda path: False
) -> list[tuple[str, object, object]]:
    """(path, read, expected) of every cell read differently from the report, except paths ``besides`` accepts."""
    out: list[tuple[str, object, object]] = []
    for table, row, column, value in report.cells():
        path = f"{table}.{row}.{column}"
        if not besides(path) and result.report.get(path) != value:
            out.append((path, result.report.get(path), value))
    return out


def codes(result: ImportResult, prefix: str) -> list[str]:
    """Codes of the notes on a path and the paths below it."""
    return [n.code for n in result.notes if n.path and (n.path == prefix or n.path.startswith(prefix + "."))]


@pytest.mark.parametrize("fmt", FORMATS)
def test_undamaged_pages_read_back_whole(fmt: str) -> None:
    """The pages the cases below damage read back whole in both editions, without a warning."""
    for report in (REPORT, REPORT_2019):
        result = read_printed(Printed(report), fmt)
        assert differences(result, report) == []
        assert [n.code for n in result.notes if n.severity != "info"] == []


class TestCells:
    """What a cell prints: blanks are never zeros, units and annotations are dropped with a note."""

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_blank_markers_in_every_table(self, fmt: str) -> None:
        """ "/", "-", "—", "无" and an empty cell are None in 表二, 表三 and 表四; provenance keeps the printed text."""
        printed = Printed(REPORT)
        printed.row("outcomes.granted")[2][:5] = ["/", "-", "—", "无", ""]
        printed.review[0], printed.review[5], printed.review[10], printed.review[14] = "/", "—", "无", "-"
        regulations = next(r for r in printed.active if r[0] == "规章")
        regulations[1] = ["/", "—", "无"]
        result = read_printed(printed, fmt)
        granted = result.report.applications.outcomes.granted
        assert granted.values() == (None, None, None, None, None, *REPORT.applications.outcomes.granted.values()[5:])
        review = result.report.review_litigation
        assert (review.reconsideration.upheld, review.litigation_direct.upheld) == (None, None)
        assert (review.litigation_after_reconsideration.upheld, review.litigation_after_reconsideration.total) == (
            None,
            None,
        )
        assert result.report.get("active_disclosure.regulations").values() == (None, None, None)
        texts = [
            result.provenance[f"applications.outcomes.granted.{key}"].text for key in ("natural_person", "research")
        ]
        assert texts == ["/", "—"]
        assert result.provenance["review_litigation.litigation_direct.upheld"].text == "—"
        assert result.provenance["active_disclosure.regulations.in_force"].text == "无"
        assert len(result.notes_with("blank-marker")) == 4 + 4 + 3
        blanked = {
            "review_litigation.reconsideration.upheld",
            "review_litigation.litigation_direct.upheld",
            "review_litigation.litigation_after_reconsideration.upheld",
            "review_litigation.litigation_after_reconsideration.total",
        }
        assert (
            differences(
                result,
                REPORT,
                besides=lambda p: (
                    p.startswith(("applications.outcomes.granted.", "active_disclosure.regulations.")) or p in blanked
                ),
            )
            == []
        )

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_html_nbsp_cells_are_blank(self, fmt: str) -> None:
        """A cell holding only &nbsp; (HTML) or spaces is blank, never 0."""
        printed = Printed(REPORT)
        blank = "&nbsp;" if fmt == "html" else " "
        printed.row("carried_over")[2][1:3] = [blank, f" {blank} "]
        result = read_printed(printed, fmt)
        assert result.report.applications.carried_over.values()[1:3] == (None, None)
        assert result.provenance["applications.carried_over.commercial"].text == ""
        blanked = ("applications.carried_over.commercial", "applications.carried_over.research")
        assert differences(result, REPORT, besides=lambda p: p in blanked) == []
        assert [n for n in result.notes if n.severity != "info"] == []

    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize(
        ("cell", "value", "code"),
        [
            ("14（其中网上申请5件）", 14, "annotation"),
            ("14件", 14, "annotation"),
            ("14人", 14, "annotation"),
            ("14人次", 14, "annotation"),
            ("14户", 14, "annotation"),
            ("14家", 14, "annotation"),
            ("14件次", 14, "annotation"),
            ("\uff11\uff14", 14, None),  # full-width digits
            ("14.00", 14, "decimal-count"),
            ("-14", None, "negative-count"),
            ("约14", None, "not-a-number"),
        ],
    )
    def test_count_cell(self, fmt: str, cell: str, value: int | None, code: str | None) -> None:
        """A 表三 cell with an annotation, a unit, full-width digits, zero decimals or no usable count: its value,
        the printed text in provenance, its note, and no other cell touched."""
        printed = Printed(REPORT)
        printed.row("outcomes.granted")[2][0] = cell
        result = read_printed(printed, fmt)
        assert result.report.applications.outcomes.granted.natural_person == value
        assert result.provenance["applications.outcomes.granted.natural_person"].text == cell
        assert codes(result, "applications.outcomes.granted") == ([code] if code else [])
        assert differences(result, REPORT, besides=lambda p: p == "applications.outcomes.granted.natural_person") == []

    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize("cell", ["3人", "5件次", "三人", "见附件", "3 x"])
    @pytest.mark.parametrize("column", [1, 3, 6])
    def test_cell_among_the_figures_never_moves_them(self, fmt: str, cell: str, column: int) -> None:
        """A count with a unit word is that count (noted); any other text among a row's figures blanks only its own
        cell: the figures before it are kept and those after it stay in their columns."""
        printed = Printed(REPORT)
        printed.row("outcomes.granted")[2][column] = cell
        result = read_printed(printed, fmt)
        path = f"applications.outcomes.granted.{layout.APPLICANT_FIELDS[column].key}"
        expected = int(cell[0]) if cell[0].isdigit() and " " not in cell else None
        assert result.report.get(path) == expected
        assert result.provenance[path].text == cell
        assert codes(result, "applications.outcomes.granted") == ["annotation" if expected else "not-a-number"]
        assert differences(result, REPORT, besides=lambda p: p == path) == []

    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize("cell", ["见附件", "2023年", "177标题"])
    def test_text_in_the_first_column_blanks_only_its_cell(self, fmt: str, cell: str) -> None:
        """Text in 自然人's cell under the header is that cell, blank with not-a-number, as in any other column: never
        taken for part of the label (which blanked the row with a note saying the label spans 自然人)."""
        printed = Printed(REPORT)
        printed.row("outcomes.granted")[2][0] = cell
        result = read_printed(printed, fmt)
        path = "applications.outcomes.granted.natural_person"
        assert result.report.get(path) is None
        assert result.provenance[path].text == cell
        assert codes(result, "applications.outcomes.granted") == ["not-a-number"]
        assert differences(result, REPORT, besides=lambda p: p == path) == []

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_count_with_unit_word_in_table_two(self, fmt: str) -> None:
        """ "60人次" in 行政许可's 本年处理决定数量 cell is 60, noted: the row is found, no figure lost."""
        printed = Printed(REPORT)
        next(r for r in printed.active if r[0] == "行政许可")[1] = ["60人次"]
        result = read_printed(printed, fmt)
        assert result.report.get("active_disclosure.licensing.decisions") == 60
        assert codes(result, "active_disclosure.licensing") == ["annotation"]
        assert differences(result, REPORT, besides=lambda p: p == "active_disclosure.licensing.decisions") == []

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_units_in_table_two(self, fmt: str) -> None:
        """2019: "251000元" in the 采购总金额 cell is 251000 (the form names no unit) and 本年增/减 may be negative;
        2021: "15000元" in the 万元 fees cell is converted exactly to 1.5, the printed text kept in provenance."""
        printed = Printed(REPORT_2019)
        for label, cells in printed.active:
            if label == "政府集中采购":
                cells[1] = "251000元"
            if label == "行政许可":
                cells[1] = "-3"
        result = read_printed(printed, fmt)
        assert result.report.get("active_disclosure.procurement.amount") == Decimal(251000)
        assert result.report.get("active_disclosure.licensing.change") == -3
        assert result.provenance["active_disclosure.procurement.amount"].text == "251000元"
        assert codes(result, "active_disclosure.procurement") == ["annotation"]

        printed = Printed(REPORT)
        next(r for r in printed.active if r[0] == "行政事业性收费")[1] = ["15000元"]
        result = read_printed(printed, fmt)
        assert result.report.get("active_disclosure.fees.amount") == Decimal("1.5")
        assert result.provenance["active_disclosure.fees.amount"].text == "15000元"
        assert codes(result, "active_disclosure.fees") == ["unit-converted"]
        assert differences(result, REPORT, besides=lambda p: p == "active_disclosure.fees.amount") == []

    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize("cell", ["3次", "2.5人", "3件"])
    def test_count_unit_in_a_money_cell(self, fmt: str, cell: str) -> None:
        """ "3次" in the 万元 fees cell is a count, not an amount: the cell is blank with a not-a-number note."""
        printed = Printed(REPORT)
        next(r for r in printed.active if r[0] == "行政事业性收费")[1] = [cell]
        result = read_printed(printed, fmt)
        assert result.report.get("active_disclosure.fees.amount") is None
        assert result.provenance["active_disclosure.fees.amount"].text == cell
        assert codes(result, "active_disclosure.fees") == ["not-a-number"]
        assert differences(result, REPORT, besides=lambda p: p == "active_disclosure.fees.amount") == []


class TestRows:
    """Rows with too many cells, rows the form does not have, missing and repeated rows."""

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_twelve_cell_rows(self, fmt: str) -> None:
        """The seed's （六） and （七） rows carry 12 cells: the first 7 are read, the rest listed in a warning."""
        printed = Printed(REPORT)
        paths = ["outcomes.other_handling.no_correction", "outcomes.other_handling.other", "outcomes.total"]
        for path in paths:
            printed.row(path)[2] += ["0", "0", "0", "0", "9"]
        result = read_printed(printed, fmt)
        assert differences(result, REPORT) == []
        notes = result.notes_with("extra-cells")
        assert [(n.path, n.severity) for n in notes] == [(f"applications.{p}", "warning") for p in paths]
        assert all(n.message.endswith("the first 7 were kept, ignored: 0 0 0 0 9") for n in notes)

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_extra_rows_are_notes(self, fmt: str) -> None:
        """ "其他主动公开文件" in 表二, a "其中" row and a （三） subtotal in 表三: each an unplaced-row note naming
        its figures, none of them used."""
        printed = Printed(REPORT)
        index = next(i for i, r in enumerate(printed.active) if r[0] == "行政规范性文件")
        printed.active.insert(index + 1, ["其他主动公开文件", ["5", "3", "9"]])
        printed.insert_after("outcomes.granted", "其中：网上申请", ["7", "0", "0", "0", "0", "0", "7"])
        printed.insert_after("outcomes.partially_granted", "（三）不予公开", ["21", "1", "0", "2", "1", "1", "26"])
        result = read_printed(printed, fmt)
        assert differences(result, REPORT) == []
        messages = sorted(n.message for n in result.notes_with("unplaced-row"))
        assert len(messages) == 3
        assert messages[0].startswith("表三: the printed row '其中：网上申请'")
        assert messages[0].endswith("its figures '7 0 0 0 0 0 7' are not used")
        assert messages[1].startswith("表三: the printed row '（三）不予公开'")
        assert messages[1].endswith("its figures '21 1 0 2 1 1 26' are not used")
        assert messages[2].startswith("表二: the printed row '其他主动公开文件'")
        assert messages[2].endswith("its figures '5 3 9' are not used")

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_other_handling_subtotal_is_a_note(self, fmt: str) -> None:
        """A 2021 表三 printing （六）其他处理 with figures of its own (a subtotal) before its three sub-rows: the
        subtotal is no cell of the form, so it is not used, and an unplaced-row note names its figures."""
        printed = Printed(REPORT)
        printed.insert_after(
            "outcomes.not_processed.confirmation", "（六）其他处理", ["12", "0", "0", "1", "1", "1", "15"]
        )
        result = read_printed(printed, fmt)
        assert differences(result, REPORT) == []
        assert not any(path.startswith("applications.outcomes.other_handling.natural") for path in result.provenance)
        messages = [n.message for n in result.notes_with("unplaced-row")]
        assert len(messages) == 1
        assert messages[0].startswith("表三: the printed row （六）其他处理 (")
        assert messages[0].endswith("its figures '12 0 0 1 1 1 15' are not used")

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_missing_row_is_blank(self, fmt: str) -> None:
        """A row not printed is None in every column, with a row-missing note; its neighbours keep their figures."""
        printed = Printed(REPORT)
        printed.applications.remove(printed.row("outcomes.withheld.query_matters"))
        result = read_printed(printed, fmt)
        assert result.report.applications.outcomes.withheld.query_matters.values() == (None,) * 7
        assert codes(result, "applications.outcomes.withheld.query_matters") == ["row-missing"]
        prefix = "applications.outcomes.withheld.query_matters."
        assert differences(result, REPORT, besides=lambda p: p.startswith(prefix)) == []

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_repeated_row_keeps_the_first(self, fmt: str) -> None:
        """A row printed twice with other figures: the first printing is kept and the repeat noted."""
        printed = Printed(REPORT)
        printed.insert_after("outcomes.withheld.state_secret", "1.属于国家秘密", ["9", "9", "9", "9", "9", "9", "54"])
        result = read_printed(printed, fmt)
        assert differences(result, REPORT) == []
        assert [n.code for n in result.notes if n.severity != "info"] == ["row-repeated"]

    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize("path", ["carried_over", "outcomes.withheld.internal_affairs"])
    def test_row_without_label_is_not_given_to_a_neighbour(self, fmt: str, path: str) -> None:
        """Figures printed without their label: the row is None with a row-missing note, the figures are noted as
        not used, and no other row takes them."""
        printed = Printed(REPORT)
        printed.row(path)[1] = ""
        result = read_printed(printed, fmt)
        assert result.report.get(f"applications.{path}").values() == (None,) * 7
        assert codes(result, f"applications.{path}") == ["row-missing"]
        assert len(result.notes_with("numbers-unplaced") + result.notes_with("unplaced-row")) == 1
        assert differences(result, REPORT, besides=lambda p: p.startswith(f"applications.{path}.")) == []

    @pytest.mark.parametrize("fmt", ["text", "markdown"])
    def test_page_break_inside_table_three(self, fmt: str) -> None:
        """A page marker, blank lines and the header printed again in the middle of 表三 (a copy of a table that
        ran over a page): one table, every row in place."""
        lines = Printed(REPORT).page(fmt).split("\n")
        header = next(line for line in lines if "自然人" in line)
        at = next(i for i, line in enumerate(lines) if "5.属于三类内部事务信息" in line)
        lines[at:at] = ["", "- 3 -", "", header] + (["|---|---|---|---|---|---|---|---|"] if fmt == "markdown" else [])
        result = read("\n".join(lines), format=fmt)
        assert differences(result, REPORT) == []
        assert [n for n in result.notes if n.severity != "info"] == []

    def test_table_three_split_over_two_html_tables(self) -> None:
        """表三 cut into two <table>s at a page break, the second without header or group cells: every row read."""
        pytest.importorskip("govdisclosure.importers._html")
        page = Printed(REPORT).page("html")
        cut = "<tr><td>5.属于三类内部事务信息</td>"
        assert cut in page
        result = read(page.replace(cut, "</table><table border='1'>" + cut), format="html")
        assert differences(result, REPORT) == []
        assert [n for n in result.notes if n.severity != "info"] == []


class TestLabels:
    """Row labels as real reports print them."""

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_label_variants_in_table_three(self, fmt: str) -> None:
        """Full-width digits, a space inside a label, "1、" numbering and "合计" are read silently; an annotation
        after a label, a truncation and a typo are read with an info note each."""
        printed = Printed(REPORT)
        for row in printed.applications:
            row[1] = row[1].translate(FULL_WIDTH)
        printed.row("new_received")[1] = "一、本年新收政府信息 公开申请数量"
        printed.row("outcomes.withheld.security_stability")[1] = "3.危及“三安全 一稳定”"
        printed.row("outcomes.other_handling.unpaid_fee")[1] = (
            "2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
        )
        printed.row("outcomes.total")[1] = "（七）合计"
        printed.row("outcomes.not_processed.confirmation")[1] = "5.要求行政机关确认或"
        printed.row("outcomes.withheld.prohibited_by_law")[1] = "2.其他法律行政止公开"
        printed.row("carried_over")[1] = "二、上年结转政府信息公开申请数量（含上级转办）"
        result = read_printed(printed, fmt)
        assert differences(result, REPORT) == []
        label_notes = [(n.code, n.path) for n in result.notes if n.code.startswith("label")]
        assert sorted(label_notes) == [
            ("label-annotated", "applications.carried_over"),
            ("label-truncated", "applications.outcomes.not_processed.confirmation"),
            ("label-typo", "applications.outcomes.withheld.prohibited_by_law"),
        ]

    @pytest.mark.parametrize("fmt", ["markdown", "html"])
    def test_line_breaks_inside_labels(self, fmt: str) -> None:
        """A label broken by <br> (in a Markdown cell or an HTML cell) is one label."""
        printed = Printed(REPORT)
        printed.row("new_received")[1] = "一、本年新收政府<br/>信息公开申请数量"
        printed.row("outcomes.partially_granted")[1] = "（二）部分公开（区分处理的，只计这一情形，<br>不计其他情形）"
        result = read_printed(printed, fmt)
        assert differences(result, REPORT) == []

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_table_two_labels(self, fmt: str) -> None:
        """A provincial annotation after 规章 and 2019's 规范性文件 in a 2021 表二: read, with a note each."""
        printed = Printed(REPORT)
        for row in printed.active:
            if row[0] == "规章":
                row[0] = "规章（设区的市、自治州人民政府应提供相关数据）"
            elif row[0] == "行政规范性文件":
                row[0] = "规范性文件"
        result = read_printed(printed, fmt)
        assert differences(result, REPORT) == []
        assert codes(result, "active_disclosure.regulations") == ["label-annotated"]
        assert codes(result, "active_disclosure.normative_documents") == ["label-variant"]


class TestColumns:
    """Cells are read by the header text naming their column, whatever the printed order."""

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_table_three_columns_in_another_order(self, fmt: str) -> None:
        """总计 printed first, 商业企业 and 科研机构 swapped: every cell under its header."""
        printed = Printed(REPORT)
        printed.order = [6, 0, 2, 1, 3, 4, 5]
        result = read_printed(printed, fmt)
        assert differences(result, REPORT) == []
        assert result.notes_with("header-unmatched") == ()

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_table_two_columns_in_another_order(self, fmt: str) -> None:
        """现行有效件数 printed first in 表二's header and rows."""
        printed = Printed(REPORT)
        for row in printed.active:
            if len(row[1]) == 3:
                row[1] = [row[1][2], row[1][0], row[1][1]]
        result = read_printed(printed, fmt)
        assert differences(result, REPORT) == []

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_headers_cut_short_in_another_order(self, fmt: str) -> None:
        """社会公益组 (表三) and 现行有效件 (表二) in headers printing their columns in another order: each header
        cut short is read as the one column it begins, with an info note, and every cell under its header."""
        printed = Printed(REPORT)
        printed.order = [6, 0, 2, 1, 3, 4, 5]
        for row in printed.active:
            if len(row[1]) == 3:
                row[1] = [row[1][2], row[1][0], row[1][1]]
        page = printed.page(fmt)
        assert "社会公益组织" in page
        assert "现行有效件数" in page
        result = read(page.replace("社会公益组织", "社会公益组").replace("现行有效件数", "现行有效件"), format=fmt)
        assert differences(result, REPORT) == []
        assert [n.message for n in result.notes_with("header-truncated")] == [
            "表三's column header '社会公益组' read as '社会公益组织' (cut short)",
            *["表二's column header '现行有效件' read as '现行有效件数' (cut short)"] * page.count("现行有效件数"),
        ]
        assert result.notes_with("header-unmatched") == ()
        assert [n for n in result.notes if n.severity != "info"] == []

    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize("lead", ["", "数量", "件数"])
    def test_review_row_with_a_leading_cell(self, fmt: str, lead: str) -> None:
        """表四's row printed with a cell of its own (empty, or a row label) before its fifteen figures, one grid
        column wider than the header: the figures are read in order, never one column to the right of where they
        are printed, and the table is not lost."""
        printed = Printed(REPORT)
        page = printed.page(fmt)
        row = {
            "html": "<tr>" + "".join(f"<td>{c}</td>" for c in printed.review),
            "markdown": "| " + " | ".join(printed.review) + " |",
            "text": "\n" + "\t".join(printed.review) + "\n",
        }[fmt]
        shifted = {
            "html": f"<tr><td>{lead}</td>" + row[4:],
            "markdown": f"| {lead} " + row,
            "text": f"\n{lead}\t" + row[1:],
        }[fmt]
        assert page.count(row) == 1
        result = read(page.replace(row, shifted), format=fmt)
        assert result.report.review_litigation == REPORT.review_litigation
        assert codes(result, "review_litigation") == []
        assert differences(result, REPORT) == []

    def test_review_columns_in_another_order(self) -> None:
        """表四 with 总计 first in each block (HTML, two header rows): read by the header."""
        pytest.importorskip("govdisclosure.importers._html")
        printed = Printed(REPORT)
        order = [4, 0, 1, 2, 3]
        page = printed.page("html")
        old = printed.review
        new = [old[block * 5 + i] for block in range(3) for i in order]
        names = [REVIEW_RESULTS[i] for i in order]
        replacements = [
            (
                "".join(f"<td rowspan='2'>{r}</td>" for r in REVIEW_RESULTS),
                "".join(f"<td rowspan='2'>{r}</td>" for r in names),
            ),
            ("".join(f"<td>{r}</td>" for r in REVIEW_RESULTS * 2), "".join(f"<td>{r}</td>" for r in names * 2)),
            ("".join(f"<td>{c}</td>" for c in old), "".join(f"<td>{c}</td>" for c in new)),
        ]
        for before, after in replacements:
            assert before in page
            page = page.replace(before, after)
        result = read(page, format="html")
        assert result.report.review_litigation == REPORT.review_litigation


class TestHtml:
    """Tables inside page chrome, merged cells that do not line up, markup inside cells."""

    LABEL = "<td colspan='3'>一、本年新收政府信息公开申请数量</td>"

    @pytest.mark.parametrize(
        "label",
        [
            "<td colspan='2'>一、本年新收政府信息公开申请数量</td>",  # the row one grid column short
            "<td colspan='4'>一、本年新收政府信息公开申请数量</td>",  # one too wide
        ],
    )
    def test_label_span_not_lining_up(self, label: str) -> None:
        """A label spanning one grid column less or more than the header's label block, then its seven figures:
        read in order, every cell in place."""
        pytest.importorskip("govdisclosure.importers._html")
        page = Printed(REPORT).page("html")
        assert self.LABEL in page
        result = read(page.replace(self.LABEL, label), format="html")
        assert differences(result, REPORT) == []
        assert [n for n in result.notes if n.severity != "info"] == []

    def test_wide_label_with_one_figure_short_left_blank(self) -> None:
        """A label spanning four grid columns (the header's label block is three) then six figures: they sit under
        商业企业 … 总计 but read one to the right they would fall off the row; neither reading is certain, so the row
        is blank with a note naming the covered column and the figures, never shifted into other columns."""
        pytest.importorskip("govdisclosure.importers._html")
        page = Printed(REPORT).page("html")
        figures = "".join(f"<td>{v}</td>" for v in REPORT.applications.new_received.values())
        assert page.count(self.LABEL + figures) == 1
        six = "".join(f"<td>{v}</td>" for v in REPORT.applications.new_received.values()[:6])
        wide = "<td colspan='4'>一、本年新收政府信息公开申请数量</td>"
        result = read(page.replace(self.LABEL + figures, wide + six), format="html")
        assert result.report.applications.new_received.values() == (None,) * 7
        notes = [n for n in result.notes if n.path == "applications.new_received"]
        assert [(n.code, n.severity) for n in notes] == [("row-misaligned", "error")]
        assert "spans the header's column 自然人" in notes[0].message
        assert "'66 0 0 4 2 4'" in notes[0].message
        assert differences(result, REPORT, besides=lambda p: p.startswith("applications.new_received.")) == []

    @pytest.mark.parametrize("cell", ["0", ""])
    def test_collapsed_row_under_the_header(self, cell: str) -> None:
        """An all-zero (or blank) 表三 row printed as one cell merged across the seven columns, under the official
        header: that value in every column, inferred, with one collapsed-row note (not "not printed")."""
        pytest.importorskip("govdisclosure.importers._html")
        path = "outcomes.withheld.third_party_rights"
        assert REPORT.get(f"applications.{path}").values() == (0,) * 7
        page = Printed(REPORT).page("html")
        row = f"<td>{layout.table('2021', 'applications').node(path).label}</td>" + "<td>0</td>" * 7
        assert page.count(row) == 1
        result = read(page.replace(row, row[: -len("<td>0</td>") * 7] + f"<td colspan='7'>{cell}</td>"), format="html")
        expected = 0 if cell else None
        assert result.report.get(f"applications.{path}").values() == (expected,) * 7
        assert result.provenance[f"applications.{path}.total"].inferred
        assert codes(result, f"applications.{path}") == ["collapsed-row"]
        assert differences(result, REPORT, besides=lambda p: p.startswith(f"applications.{path}.") and not cell) == []

    def test_review_with_a_corner_and_a_row_label(self) -> None:
        """表四 with a corner cell (类别) over its header rows and a row label (件数) before its fifteen figures:
        read under the header, the table not lost."""
        pytest.importorskip("govdisclosure.importers._html")
        printed = Printed(REPORT)
        page = printed.page("html")
        head = "<tr><td colspan='5'>行政复议</td>"
        row = "<tr>" + "".join(f"<td>{c}</td>" for c in printed.review)
        assert page.count(head) == 1
        assert page.count(row) == 1
        page = page.replace(head, "<tr><td rowspan='3'>类别</td>" + head[4:])
        page = page.replace(row, "<tr><td>件数</td>" + row[4:])
        result = read(page, format="html")
        assert result.report.review_litigation == REPORT.review_litigation
        assert codes(result, "review_litigation") == []
        assert differences(result, REPORT) == []

    def test_leaf_label_spanning_two_columns(self) -> None:
        """A sub-row label spanning two grid columns under its group's merged cell: the row is one column wide too
        many and is read in order."""
        pytest.importorskip("govdisclosure.importers._html")
        page = Printed(REPORT).page("html")
        result = read(page.replace("<td>1.属于国家秘密</td>", "<td colspan='2'>1.属于国家秘密</td>"), format="html")
        assert differences(result, REPORT) == []

    @pytest.mark.parametrize("report", [REPORT, REPORT_2019], ids=["2021", "2019"])
    def test_table_two_in_six_grid_columns(self, report: Report) -> None:
        """表二 drawn on six grid columns (label over two, values over one, two or four): read by its headers."""
        pytest.importorskip("govdisclosure.importers._html")
        spans = {1: [4], 2: [2, 2], 3: [1, 1, 2]}
        rows = []
        for label, cells in Printed(report).active:
            values = "".join(
                f"<td colspan='{s}'>{c}</td>" for s, c in zip(spans.get(len(cells), []), cells, strict=True)
            )
            rows.append(f"<tr><td colspan='{6 if not cells else 2}'>{label}</td>{values}</tr>")
        page = Printed(report).page("html")
        start = page.index("<table border='1'>")
        end = page.index("</table>", start) + len("</table>")
        page = page[:start] + "<table border='1'>" + "".join(rows) + "</table>" + page[end:]
        assert "<td colspan='6'>第二十条第（一）项</td>" in page
        result = read(page, format="html")
        assert differences(result, report) == []
        assert [n for n in result.notes if n.severity != "info"] == []

    def test_word_markup_and_split_labels(self) -> None:
        """Word-exported markup (MsoNormalTable, mso styles, <o:p>, conditional comments), labels split across
        <span>s and <p>s, header text split ("商业<br>企业", "结果维" / "持"): every cell read."""
        pytest.importorskip("govdisclosure.importers._html")
        printed = Printed(REPORT)
        printed.row("outcomes.withheld.third_party_rights")[1] = (
            "<span style='font-family:宋体'>4.保护</span><span lang=EN-US>第三方</span><span>合法权益</span>"
        )
        printed.row("carried_over")[1] = (
            "<p class=MsoNormal><span>二、上年结转政府信息</span></p>"
            "<p class=MsoNormal><span>公开申请数量<o:p></o:p></span></p>"
        )
        row = printed.row("new_received")
        row[2] = [
            f"<p class=MsoNormal align=center><span lang=EN-US style='mso-bidi-font-family:宋体'>{c}<o:p></o:p></span>"
            "</p>"
            for c in row[2]
        ]
        page = printed.page("html")
        page = page.replace("<td>商业企业</td>", "<td><span>商业</span><br><span>企业</span></td>")
        page = page.replace("<td rowspan='2'>结果维持</td>", "<td rowspan='2'><p>结果维</p><p>持</p></td>")
        page = page.replace(
            "<table border='1'>", "<table class=MsoNormalTable border=1 style='mso-table-layout-alt:fixed'>"
        )
        page = page.replace("<td", "<td valign=top style='border:solid windowtext 1.0pt;mso-border-alt:solid .5pt'")
        page = page.replace(
            "<head>", "<head><!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->"
        )
        result = read(page, format="html")
        assert differences(result, REPORT) == []
        assert [n for n in result.notes if n.severity != "info"] == []

    def test_report_inside_a_layout_table(self) -> None:
        """The whole article inside a page layout table, with navigation tables around it."""
        pytest.importorskip("govdisclosure.importers._html")
        body = Printed(REPORT).page("html").split("<body>")[1].split("</body>")[0]
        page = (
            "<html><body><table width=1000><tr><td><div>网站导航</div><table><tr><td>首页</td><td>政务公开</td></tr>"
            f"</table></td></tr><tr><td>{body}</td></tr></table></body></html>"
        )
        result = read(page, format="html")
        assert differences(result, REPORT) == []


class TestPdfText:
    """pdfplumber-style text: figures separated by spaces, labels apart from their figures, page markers."""

    @staticmethod
    def lines() -> list[str]:
        return Printed(REPORT).page("text").replace("\t", " ").split("\n")

    @staticmethod
    def at(lines: list[str], start: str) -> int:
        return next(i for i, line in enumerate(lines) if line.startswith(start))

    @staticmethod
    def figures(line: str) -> str:
        return " ".join(line.split(" ")[-7:])

    def test_page_markers_and_stacked_header(self) -> None:
        """Page markers between rows and 012's header broken over nine lines do not disturb any row."""
        lines = self.lines()
        i = self.at(lines, " 自然人")
        lines[i : i + 1] = [
            "申请人情况",
            "法人或其他组织",
            "（本列数据的勾稽关系为：第一项加第二项之和，等",
            "于第三项加第四项之和）",
            "自然人 社会 法律 总计",
            "商业 科研",
            "公益 服务 其他",
            "企业 机构",
            "组织 机构",
        ]
        i = self.at(lines, "5.属于三类内部事务信息")
        lines[i:i] = ["- 3 -", "— 4 —"]
        result = read("\n".join(lines))
        assert differences(result, REPORT) == []
        assert [n for n in result.notes if n.severity != "info"] == []

    def test_labels_apart_from_their_figures(self) -> None:
        """A label wrapped around its figures, figures printed before their label (012), and two labels followed
        by two lines of figures: paired in order, confirmed by the column sums, each with a numbers-paired note."""
        lines = self.lines()
        i = self.at(lines, "（二）部分公开")
        lines[i : i + 1] = ["（二）部分公开（区分处理的，只计这一情 形，不", self.figures(lines[i]), "计其他情形）"]
        i = self.at(lines, "1.本机关不掌握相关政府信息")
        lines[i : i + 1] = [self.figures(lines[i]), "1.本机关不掌握相关政府信息"]
        i, j = self.at(lines, "3.要求提供公开出版物"), self.at(lines, "4.无正当理由大量反复申请")
        first, second = self.figures(lines[i]), self.figures(lines[j])
        lines[i], lines[j] = "3.要求提供公开出版物", "4.无正当理由大量反复申请"
        lines[j + 1 : j + 1] = [first, second]
        result = read("\n".join(lines))
        assert differences(result, REPORT) == []
        assert [n.path for n in result.notes_with("numbers-paired")] == [
            "applications.outcomes.partially_granted",
            "applications.outcomes.unable_to_provide.not_held",
            "applications.outcomes.not_processed.publications",
            "applications.outcomes.not_processed.excessive",
        ]

    @pytest.mark.parametrize("on", ["first", "continuation"])
    def test_wrapped_label_with_its_figures_on_one_of_its_lines(self, on: str) -> None:
        """（二）'s label wrapped over two lines, its figures at the end of the first or of the second: read as
        that row's figures (the two pieces are the official label exactly), with no note."""
        lines = self.lines()
        i = self.at(lines, "（二）部分公开")
        head, tail, figures = "（二）部分公开（区分处理的，只计这一情 形，不", "计其他情形）", self.figures(lines[i])
        if on == "first":
            lines[i : i + 1] = [f"{head} {figures}", tail]
        else:
            lines[i : i + 1] = [head, f"{tail} {figures}"]
        result = read("\n".join(lines))
        assert differences(result, REPORT) == []
        assert [n for n in result.notes if n.severity != "info"] == []
        assert codes(result, "applications.outcomes.partially_granted") == []

    def test_line_not_completing_the_label_is_not_joined(self) -> None:
        """A line whose text does not complete the wrapped label exactly keeps its figures to itself: the row stays
        blank, both pieces noted, nothing guessed."""
        lines = self.lines()
        i = self.at(lines, "（二）部分公开")
        figures = self.figures(lines[i])
        lines[i : i + 1] = ["（二）部分公开（区分处理的，只计这一情形，不", f"计入其他情况 {figures}"]
        result = read("\n".join(lines))
        assert result.report.applications.outcomes.partially_granted.values() == (None,) * 7
        assert [d for d in differences(result, REPORT) if d[1] is not None] == []
        assert "row-unplaced" in codes(result, "applications.outcomes.partially_granted")
        assert any("计入其他情况" in n.message for n in result.notes_with("unplaced-row"))

    def test_unpaired_labels_stay_blank(self) -> None:
        """Two labels without figures and one line of figures after them: neither row is guessed."""
        lines = self.lines()
        i, j = self.at(lines, "1.本机关不掌握"), self.at(lines, "2.没有现成信息")
        second = self.figures(lines[j])
        lines[i], lines[j] = "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作"
        lines.insert(j + 1, second)
        result = read("\n".join(lines))
        prefix = "applications.outcomes.unable_to_provide."
        wrong = [d for d in differences(result, REPORT) if d[1] is not None]
        assert wrong == []
        assert result.report.applications.outcomes.unable_to_provide.not_held.values() == (None,) * 7
        assert "row-unplaced" in codes(result, prefix.rstrip("."))


class TestDigitRuns:
    """Cells run together in crawled text: split only when one cut satisfies the sums, else blank with a note."""

    @staticmethod
    def printed_with_run(total_blank: bool) -> tuple[Printed, tuple[int, ...]]:
        """The report with 3.其他 = 1 0 0 0 0 10 11 ("100001011" cuts two ways that add up) printed as a crawled
        line, its figures run into its label; the other rows adjusted so that every sum holds."""
        printed = Printed(REPORT)
        new = (1, 0, 0, 0, 0, 10, 11)
        old = [int(c) for c in printed.row("outcomes.other_handling.other")[2]]
        for path in ("outcomes.total", "new_received"):
            row = printed.row(path)
            row[2] = [str(int(c) + n - o) for c, n, o in zip(row[2], new, old, strict=True)]
        if total_blank:
            printed.row("outcomes.total")[2] = ["/"] * 7
        printed.row("outcomes.other_handling.other")[1:] = ["3.其他100001011", []]
        return printed, new

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_run_split_by_the_column_sums(self, fmt: str) -> None:
        """Two cuts add up across the row; （七）总计 (C1) leaves one: the cells are inferred, with a note. In
        Markdown and HTML the label and its run are one cell of the table."""
        printed, new = self.printed_with_run(total_blank=False)
        result = read_printed(printed, fmt)
        assert result.report.applications.outcomes.other_handling.other.values() == new
        origin = result.provenance["applications.outcomes.other_handling.other.other_org"]
        assert (origin.text, origin.inferred) == ("100001011", True)
        assert codes(result, "applications.outcomes.other_handling.other") == ["digits-split"]

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_ambiguous_run_left_blank(self, fmt: str) -> None:
        """With （七）总计 blank nothing decides between the two cuts: the row is None with an error note."""
        printed, _ = self.printed_with_run(total_blank=True)
        result = read_printed(printed, fmt)
        assert result.report.applications.outcomes.other_handling.other.values() == (None,) * 7
        notes = [n for n in result.notes if n.path == "applications.outcomes.other_handling.other"]
        assert [(n.code, n.severity) for n in notes] == [("digits-ambiguous", "error")]
        assert "'100001011' can be split in 2 ways that add up" in notes[0].message

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_run_with_spaces_in_a_cell(self, fmt: str) -> None:
        """A cell printing the row as digit groups ("66 0042 476"): split by C3 into the seven cells, inferred."""
        printed = Printed(REPORT)
        printed.row("new_received")[2] = ["66 0042 476"]
        result = read_printed(printed, fmt)
        assert result.report.applications.new_received == REPORT.applications.new_received
        origin = result.provenance["applications.new_received.total"]
        assert (origin.text, origin.inferred) == ("66 0042 476", True)
        assert codes(result, "applications.new_received") == ["digits-split"]

    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize("path", ["new_received", "carried_over"])
    def test_run_in_one_cell_under_the_header(self, fmt: str, path: str) -> None:
        """A row's figures printed as one run of digits in one cell under 表三's header ("660042476"): cut apart
        (C3, then the column sums), inferred, never read as one figure of 自然人."""
        printed = Printed(REPORT)
        expected = REPORT.get(f"applications.{path}")
        run = "".join(str(v) for v in expected.values())
        printed.row(path)[2] = [run]
        result = read_printed(printed, fmt)
        assert result.report.get(f"applications.{path}") == expected
        origin = result.provenance[f"applications.{path}.natural_person"]
        assert (origin.text, origin.inferred) == (run, True)
        assert codes(result, f"applications.{path}") == ["digits-split"]
        assert differences(result, REPORT) == []

    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize("blank", ["", "—"])
    def test_run_in_one_cell_beside_cells_printed_blank(self, fmt: str, blank: str) -> None:
        """The run "660042476" in 自然人's cell with the six other cells printed empty or "—" (not cells a reader
        added): cut apart as when the row ends after it, never read as 自然人 = 660042476."""
        printed = Printed(REPORT)
        expected = REPORT.applications.new_received
        run = "".join(str(v) for v in expected.values())
        printed.row("new_received")[2] = [run, *[blank] * 6]
        result = read_printed(printed, fmt)
        assert result.report.applications.new_received == expected
        origin = result.provenance["applications.new_received.natural_person"]
        assert (origin.text, origin.inferred) == (run, True)
        assert codes(result, "applications.new_received") == ["digits-split"]
        assert differences(result, REPORT) == []

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_review_run_in_one_cell(self, fmt: str) -> None:
        """表四's fifteen figures printed as one run in one cell: cut apart by its block sums (C4), inferred."""
        printed = Printed(REPORT)
        run = "".join(printed.review)
        printed.review = [run]
        result = read_printed(printed, fmt)
        assert result.report.review_litigation == REPORT.review_litigation
        assert result.provenance["review_litigation.reconsideration.upheld"].inferred
        assert codes(result, "review_litigation") == ["digits-split"]
        assert differences(result, REPORT) == []

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_review_block_per_cell(self, fmt: str) -> None:
        """表四 printed as three cells, each holding a block's five figures separated by spaces: the fifteen read in
        order (the block sums hold), with a note saying so, never three cells that are "not a number"."""
        printed = Printed(REPORT)
        printed.review = [" ".join(printed.review[block * 5 : block * 5 + 5]) for block in range(3)]
        result = read_printed(printed, fmt)
        assert result.report.review_litigation == REPORT.review_litigation
        notes = [n for n in result.notes if n.path == "review_litigation"]
        assert [n.code for n in notes] == ["digits-split"]
        assert "3 cells print the 15 figures separated by spaces" in notes[0].message
        assert differences(result, REPORT) == []

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_review_cells_not_printed_have_no_provenance(self, fmt: str) -> None:
        """表四's row ending after ten cells: the five cells the note calls not printed have no provenance (as in
        表三's short rows); the ten printed ones keep theirs."""
        printed = Printed(REPORT)
        printed.review = printed.review[:10]
        result = read_printed(printed, fmt)
        kept = [p for p in result.provenance if p.startswith("review_litigation.")]
        assert len(kept) == 10
        assert not any(p.startswith("review_litigation.litigation_after_reconsideration.") for p in kept)

    def test_review_row_ending_early_under_a_short_header(self) -> None:
        """表四's row printing four cells under a header of six (the grid squared to six, not fifteen): too few cells
        to read, the row is left blank with a note (and nothing raised)."""
        printed = Printed(REPORT)
        page = printed.page("text")
        header = "\t".join(block for block in REVIEW_BLOCKS for _ in range(5))
        row = "\t".join(printed.review)
        assert page.count(f"{header}\n{row}\n") == 1
        result = read(page.replace(f"{header}\n{row}\n", "行政复议\t\t\t\t\t行政诉讼\n2\t5\t0\t4\n"), format="text")
        assert result.report.review_litigation.reconsideration.values() == (None,) * 5
        assert [n.code for n in result.notes if n.path == "review_litigation"][:1] == ["missing-cells"]

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_review_row_ending_early(self, fmt: str) -> None:
        """表四's row printed with its first ten cells only, under its header: the ten are read, 复议后起诉 is blank
        and a note says the printed row ends there."""
        printed = Printed(REPORT)
        printed.review = printed.review[:10]
        result = read_printed(printed, fmt)
        review = result.report.review_litigation
        assert review.litigation_after_reconsideration.values() == (None,) * 5
        assert (review.reconsideration, review.litigation_direct) == (
            REPORT.review_litigation.reconsideration,
            REPORT.review_litigation.litigation_direct,
        )
        notes = [n for n in result.notes if n.path == "review_litigation"]
        assert [(n.code, n.severity) for n in notes] == [("missing-cells", "warning")]
        assert notes[0].message == (
            "review_litigation: the printed row ends after 10 of 15 cells; 复议后起诉 not printed: left blank"
        )


class TestEditions:
    """Editions mixed, and reports that do not add up."""

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_2021_report_with_the_single_other_handling_row(self, fmt: str) -> None:
        """A 2021 表二 with 2019's single （六） row in 表三: kept as printed, with a note."""
        single = consistent_report("2019", seed=5, year=2023)
        printed = Printed(single)
        printed.active = Printed(REPORT).active
        result = read_printed(printed, fmt)
        assert (result.report.edition, result.report.uses_single_other_handling) == ("2021", True)
        assert result.report.applications == single.applications
        assert [n.code for n in result.notes if n.severity != "info"] == ["single-other-handling"]

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_2019_report_with_three_other_handling_rows(self, fmt: str) -> None:
        """A 2019 表二 with 2021's three （六） sub-rows: （六） is their sum, column by column, inferred."""
        three = consistent_report("2021", seed=7, year=2020)
        printed = Printed(three)
        printed.active = Printed(REPORT_2019).active
        result = read_printed(printed, fmt)
        assert result.report.edition == "2019"
        handling = three.applications.outcomes.other_handling
        sums = tuple(
            sum(values)
            for values in zip(
                handling.no_correction.values(), handling.unpaid_fee.values(), handling.other.values(), strict=True
            )
        )
        assert result.report.get("applications.outcomes.other_handling").values() == sums
        assert result.provenance["applications.outcomes.other_handling.total"].inferred
        assert sorted({n.code for n in result.notes if n.severity != "info"}) == [
            "edition-conflict",
            "other-handling-summed",
        ]

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_report_not_adding_up_is_read_as_printed(self, fmt: str) -> None:
        """（七）总计, 一's 总计 and 表四's 总计 printed wrong: read as printed, without a note (check() finds them)."""
        printed = Printed(REPORT)
        printed.row("outcomes.total")[2][0] = "73"
        printed.row("new_received")[2][6] = "77"
        printed.review[4] = "7"
        result = read_printed(printed, fmt)
        assert differences(result, REPORT) == [
            ("applications.new_received.total", 77, 76),
            ("applications.outcomes.total.natural_person", 73, REPORT.applications.outcomes.total.natural_person),
            ("review_litigation.reconsideration.total", 7, 4),
        ]
        assert [n for n in result.notes if n.severity != "info"] == []


class TestRefusals:
    """Documents that cannot be read give one clear ReadError, whatever the format."""

    LEGACY = "\n".join(
        [
            "某区2018年度政府信息公开工作年度报告",
            "一、概述",
            "二、主动公开政府信息情况",
            "三、政府信息依申请公开工作情况",
            "（一）申请情况\t5",
        ]
    )
    NOT_A_REPORT = (
        "关于开展2024年安全生产检查的通知\n各单位：\n现就有关事项通知如下。\n一、检查时间\n二、检查内容\t1\t2"
    )

    @staticmethod
    def printed(text: str, fmt: str) -> str:
        if fmt == "markdown":
            return "# " + text
        if fmt == "html":
            return "<html><body>" + "".join(f"<p>{line}</p>" for line in text.split("\n")) + "</body></html>"
        return text

    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize("as_bytes", [False, True])
    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (LEGACY, "the source follows the pre-2019 outline"),
            (NOT_A_REPORT, "the source is not an annual report on government information disclosure"),
            (" \n\t\n", "the source is empty: there is no text to read a report from"),
        ],
    )
    def test_refused(self, fmt: str, as_bytes: bool, text: str, message: str) -> None:
        if fmt == "html":
            pytest.importorskip("govdisclosure.importers._html")
        source = self.printed(text, fmt)
        with pytest.raises(ReadError) as info:
            read(source.encode() if as_bytes else source, format=fmt)
        assert str(info.value).startswith(message)
