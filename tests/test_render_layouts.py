"""Tests of govdisclosure.renderers._layouts: the official layouts as grids, built from the registry."""

from __future__ import annotations

from decimal import Decimal

import pytest
from strategies_render import report_2021, report_2021_single

import govdisclosure
from govdisclosure import errors, layout
from govdisclosure.model import ApplicantRow, Applications, ReviewLitigation
from govdisclosure.renderers import Grid, GridError, RenderError
from govdisclosure.renderers._layouts import (
    TableContext,
    format_value,
    report_table,
    table_context,
    table_grid,
    table_row,
)


def _grid(report: govdisclosure.Report, table: str) -> Grid:
    context, obj = report_table(report, table)
    return table_grid(context, obj)


def _by_text(grid: Grid, text: str) -> tuple[int, int, int, int]:
    cells = [c for c in grid.cells if c.text == text and c.kind != "value"]
    assert len(cells) == 1, text
    c = cells[0]
    return c.row, c.col, c.rowspan, c.colspan


class TestApplications:
    """表三: corner, header, label spans of both editions."""

    def test_2021_shape(self) -> None:
        """28 rows by 10 columns, like the official Word template."""
        grid = _grid(report_2021(), "三")
        grid.check()
        assert (grid.rows, grid.cols, grid.head) == (28, 10, 3)

    def test_2019_shape(self) -> None:
        """The single （六） row makes 26 rows."""
        grid = _grid(govdisclosure.sample_report("example-2019"), "三")
        grid.check()
        assert (grid.rows, grid.cols) == (26, 10)

    def test_corner_and_header(self) -> None:
        """Corner rowspan 3 colspan 3; 申请人情况 over 7 columns; 法人或其他组织 over 5; leaves span down."""
        grid = _grid(report_2021(), "三")
        assert _by_text(grid, layout.CORNER_NOTE) == (0, 0, 3, 3)
        header = layout.APPLICANT_HEADER[0]
        assert _by_text(grid, header.label) == (0, 3, 1, 7)
        natural, legal, total = header.children
        assert _by_text(grid, natural.label) == (1, 3, 2, 1)
        assert _by_text(grid, legal.label) == (1, 4, 1, 5)
        assert _by_text(grid, total.label) == (1, 9, 2, 1)
        assert _by_text(grid, legal.children[0].label) == (2, 4, 1, 1)

    @pytest.mark.parametrize(("report", "rowspan"), [(report_2021, 22), (report_2021_single, 20)])
    def test_outcomes_span(self, report: object, rowspan: int) -> None:
        """三、本年度办理结果 spans 22 rows in 2021, 20 with a single （六） row."""
        grid = _grid(report(), "三")  # type: ignore[operator]
        outcomes = layout.table("2021", "applications").node("outcomes")
        assert _by_text(grid, outcomes.label) == (5, 0, rowspan, 1)

    def test_group_spans(self) -> None:
        """（三） spans 8 rows, （四） 3, （五） 5, （六） 3; leaf rows and top rows span the label columns."""
        grid = _grid(report_2021(), "三")
        t = layout.table("2021", "applications")
        assert _by_text(grid, t.node("outcomes.withheld").label)[2:] == (8, 1)
        assert _by_text(grid, t.node("outcomes.unable_to_provide").label)[2:] == (3, 1)
        assert _by_text(grid, t.node("outcomes.not_processed").label)[2:] == (5, 1)
        assert _by_text(grid, t.node("outcomes.other_handling").label)[2:] == (3, 1)
        assert _by_text(grid, t.node("new_received").label) == (3, 0, 1, 3)
        assert _by_text(grid, t.node("outcomes.granted").label) == (5, 1, 1, 2)
        assert _by_text(grid, t.node("outcomes.withheld.state_secret").label) == (7, 2, 1, 1)
        assert _by_text(grid, t.node("carried_forward").label) == (27, 0, 1, 3)

    def test_single_other_handling_row(self) -> None:
        """A 2021 report printed with one （六） row shows that row, spanning two label columns."""
        grid = _grid(report_2021_single(), "三")
        grid.check()
        assert _by_text(grid, layout.OTHER_HANDLING_2019.label)[2:] == (1, 2)

    def test_blank_cell(self) -> None:
        """None is blank by default and the configured text otherwise."""
        context, table = report_table(report_2021(), "applications")
        cells = {c.ref: c.text for c in table_grid(context, table, blank="—").cells}
        assert cells[("carried_forward", "research")] == "—"
        assert cells[("carried_forward", "total")] == "21"


class TestReviewLitigation:
    """表四: two-level header over 15 columns."""

    def test_shape_and_spans(self) -> None:
        """行政复议 colspan 5 with leaves rowspan 2; 行政诉讼 colspan 10 over two colspan-5 groups."""
        grid = _grid(govdisclosure.sample_report(), "四")
        grid.check()
        assert (grid.rows, grid.cols, grid.head) == (4, 15, 3)
        t = layout.table("2021", "review_litigation")
        assert _by_text(grid, t.node("reconsideration").label) == (0, 0, 1, 5)
        assert _by_text(grid, t.root.children[1].label) == (0, 5, 1, 10)
        assert _by_text(grid, t.node("litigation_direct").label) == (1, 5, 1, 5)
        assert _by_text(grid, t.node("litigation_after_reconsideration").label) == (1, 10, 1, 5)
        leaves = sorted((c.row, c.col, c.rowspan) for c in grid.cells if c.kind == "header" and c.colspan == 1)
        assert leaves[:5] == [(1, c, 2) for c in range(5)]
        assert leaves[5:] == [(2, c, 1) for c in range(5, 15)]
        assert [c.col for c in grid.cells if c.kind == "value"] == list(range(15))


class TestActiveDisclosure:
    """表二: block titles, header rows, single-value blocks spanning the value columns."""

    def test_2021(self) -> None:
        """14 rows by 4 columns; the fee amount spans the three value columns and keeps its trailing zero."""
        grid = _grid(report_2021(), "二")
        grid.check()
        assert (grid.rows, grid.cols, grid.groups) == (14, 4, (0, 4, 7, 11))
        titles = [(c.row, c.colspan) for c in grid.cells if c.kind == "title"]
        assert titles == [(0, 4), (4, 4), (7, 4), (11, 4)]
        fee = next(c for c in grid.cells if c.ref == ("fees", "amount"))
        assert (fee.col, fee.colspan, fee.text) == (1, 3, "12.50")
        headers = [c.text for c in grid.cells if c.kind == "header" and c.col == 0]
        assert headers == ["信息内容"] * 4

    def test_2019(self) -> None:
        """Five blocks; the two-field blocks stretch their last field over the remaining column."""
        grid = _grid(govdisclosure.sample_report("example-2019"), "二")
        grid.check()
        assert (grid.rows, grid.cols) == (18, 4)
        amount = next(c for c in grid.cells if c.ref == ("procurement", "amount"))
        assert (amount.col, amount.colspan, amount.text) == (2, 2, "386.42")
        change = next(c for c in grid.cells if c.ref == ("licensing", "change"))
        assert change.text == "-3"


class TestContext:
    """Which layout a table object implies."""

    def test_classes(self) -> None:
        """Edition from the class; 表三 with one （六） row is 2019."""
        r19 = govdisclosure.sample_report("example-2019")
        r21 = govdisclosure.sample_report()
        assert table_context(r19.active_disclosure) == TableContext("2019", "active_disclosure")
        assert table_context(r21.active_disclosure) == TableContext("2021", "active_disclosure")
        assert table_context(r21.applications) == TableContext("2021", "applications")
        assert table_context(r19.applications) == TableContext("2019", "applications", True)
        assert table_context(ReviewLitigation()) == TableContext("2021", "review_litigation")
        single = Applications.filled(0, edition="2019")
        assert isinstance(single.outcomes.other_handling, ApplicantRow)
        assert table_context(single).layout.node("outcomes.other_handling") == layout.OTHER_HANDLING_2019

    def test_single_layout_from_the_registry(self) -> None:
        """The single （六） layout is the registry's, for a 2021 report printed the old way."""
        context = TableContext("2021", "applications", True)
        assert context.layout == layout.table("2021", "applications", single_other_handling=True)
        assert context.layout == report_2021_single().layout("applications")

    def test_table_row(self) -> None:
        """One helper walks a dotted row path in a table object."""
        report = govdisclosure.sample_report("example-2019")
        path = "outcomes.withheld.state_secret"
        assert table_row(report.applications, path) is report.get(f"applications.{path}")

    def test_errors_defined_once(self) -> None:
        """RenderError and GridError live in govdisclosure.errors and are re-exported here."""
        assert RenderError is errors.RenderError
        assert GridError is errors.GridError
        assert issubclass(RenderError, errors.GovDisclosureError)

    def test_not_a_table(self) -> None:
        """Anything else is refused in one line."""
        with pytest.raises(RenderError, match=r"^cannot render a int: expected a Report, Applications, "):
            table_context(3)

    def test_unknown_table(self) -> None:
        """An unknown table name lists the choices."""
        with pytest.raises(
            RenderError,
            match=r"^unknown table '五': expected one of 二 \(active_disclosure\), 三 \(applications\), "
            r"四 \(review_litigation\)$",
        ):
            report_table(govdisclosure.sample_report(), "五")


class TestFormatValue:
    """Values as printed."""

    def test_values(self) -> None:
        """None, ints, negative ints and Decimals without float artefacts."""
        assert format_value(None) == ""
        assert format_value(None, "-") == "-"
        assert format_value(-3) == "-3"
        assert format_value(Decimal("0.1") + Decimal("0.2")) == "0.3"
        assert format_value(Decimal("7730.28")) == "7730.28"
        assert format_value(Decimal("2.5E+3")) == "2500"
