"""Tests of govdisclosure.renderers._grid: display width, wrapping, grid checks and text drawing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from strategies_render import grids

from govdisclosure.renderers import ASCII, BOX, Cell, Grid, GridError, TextGrid, display_width, wrap_text
from govdisclosure.renderers._grid import Mark, measure_lines


class TestDisplayWidth:
    """Display width in terminal columns."""

    def test_cjk_counts_two(self) -> None:
        """CJK characters and full-width brackets take two columns."""
        assert display_width("（七）总计") == 10
        assert display_width("abc") == 3

    def test_ambiguous(self) -> None:
        """East-Asian ambiguous characters count 1 by default, 2 on request."""
        assert display_width("“”—…") == 4
        assert display_width("“”—…", ambiguous_wide=True) == 8
        assert display_width("─│┼", ambiguous_wide=True) == 6

    def test_combining_mark_is_zero(self) -> None:
        """A combining accent adds no width."""
        assert display_width("e\u0301") == 1


class TestWrap:
    """Wrapping of labels inside a maximum width."""

    def test_fits(self) -> None:
        """Text that fits is one line."""
        assert wrap_text("（七）总计", 10) == ("（七）总计",)

    def test_prefers_break_after_bracket(self) -> None:
        """The marker stays on its own line when that leaves the line at least half full."""
        assert wrap_text("（五）不予处理", 8) == ("（五）", "不予处理")

    def test_long_label(self) -> None:
        """A long （六） label breaks after the enumeration comma."""
        label = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
        assert wrap_text(label, 28) == ("1.申请人无正当理由逾期不补", "正、行政机关不再处理其政府信", "息公开申请")
        assert wrap_text(label, 40) == ("1.申请人无正当理由逾期不补正、", "行政机关不再处理其政府信息公开申请")

    def test_no_closing_punctuation_at_line_start(self) -> None:
        """A closing bracket pulls the previous character down with it."""
        assert wrap_text("甲乙丙）", 6) == ("甲乙", "丙）")

    def test_newlines_kept(self) -> None:
        """Explicit newlines start new lines."""
        assert wrap_text("ab\ncd", 10) == ("ab", "cd")

    def test_latin_words(self) -> None:
        """Latin text breaks at spaces, without trailing spaces."""
        assert wrap_text("total of all rows", 10) == ("total of", "all rows")

    def test_every_line_fits(self) -> None:
        """No line is wider than the width."""
        for width in range(2, 30):
            assert all(display_width(line) <= width for line in wrap_text("三、本年度办理结果（区分处理的）", width))


class TestGridCheck:
    """Grid.check finds overlaps, holes and cells outside."""

    def test_valid(self) -> None:
        """A grid covered exactly once passes."""
        Grid(rows=1, cols=2, cells=(Cell(row=0, col=0, colspan=2),)).check()

    def test_overlap(self) -> None:
        """Two cells on one position."""
        grid = Grid(rows=1, cols=2, cells=(Cell(row=0, col=0, colspan=2), Cell(row=0, col=1)))
        with pytest.raises(GridError, match=r"^cell at row 0, column 1: overlaps another at \(0, 1\)$"):
            grid.check()

    def test_hole(self) -> None:
        """A position no cell covers."""
        grid = Grid(rows=2, cols=1, cells=(Cell(row=0, col=0),))
        with pytest.raises(GridError, match=r"^row 1: column 0 is not covered by any cell$"):
            grid.check()

    def test_outside(self) -> None:
        """A span reaching past the edge."""
        grid = Grid(rows=1, cols=1, cells=(Cell(row=0, col=0, rowspan=2),))
        with pytest.raises(GridError, match=r"^cell at row 0, column 0: reaches outside the 1 by 1 grid$"):
            grid.check()


SMALL = Grid(
    rows=2,
    cols=3,
    cells=(
        Cell(row=0, col=0, rowspan=2, text="项目"),
        Cell(row=0, col=1, colspan=2, text="合计", align="center"),
        Cell(row=1, col=1, text="1", align="right"),
        Cell(row=1, col=2, text="22", align="right"),
    ),
)


class TestTextGrid:
    """Drawing grids as text."""

    def test_box(self) -> None:
        """Merged cells lose their inner borders; junctions follow the lines that meet."""
        assert TextGrid()(SMALL) == (
            "┌──────┬────────┐\n│      │  合计  │\n│ 项目 ├───┬────┤\n│      │ 1 │ 22 │\n└──────┴───┴────┘"
        )

    def test_ascii(self) -> None:
        """The ASCII style uses + - |."""
        assert TextGrid(style=ASCII)(SMALL).splitlines()[2] == "| 项目 +---+----+"

    def test_ambiguous_wide_box(self) -> None:
        """With ambiguous characters wide, each box glyph takes two columns and lines stay equal."""
        text = TextGrid(style=BOX, ambiguous_wide=True)(SMALL)
        assert text.splitlines()[0] == "┌───┬─────┐"
        assert set(measure_lines(text, ambiguous_wide=True)) == {22}

    def test_marks(self) -> None:
        """Finding numbers follow the text of a marked cell."""
        mark = Mark(number=3, severity="error", code="C1", message="x")
        grid = Grid(rows=1, cols=1, cells=(Cell(row=0, col=0, text="5", marks=(mark,)),))
        assert TextGrid(marker="[{}]".format)(grid) == "┌───────┐\n│ 5 [3] │\n└───────┘"

    def test_control_characters_become_spaces(self) -> None:
        """A tab inside a cell cannot break the layout."""
        grid = Grid(rows=1, cols=1, cells=(Cell(row=0, col=0, text="a\tb"),))
        assert TextGrid(style=ASCII)(grid).splitlines()[1] == "| a b |"

    @settings(max_examples=150, deadline=None)
    @given(grid=grids())
    def test_lines_equal_width(self, grid: Grid) -> None:
        """Every line of every drawn grid has the same display width, in both ambiguous-width settings."""
        grid.check()
        for style in (BOX, ASCII):
            for wide in (False, True):
                text = TextGrid(style=style, ambiguous_wide=wide, wrap=10)(grid)
                assert len(set(measure_lines(text, ambiguous_wide=wide))) == 1
