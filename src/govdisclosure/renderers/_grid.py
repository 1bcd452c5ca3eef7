"""A span-aware table grid and its plain-text drawing.

A :class:`Grid` is a rectangle of :class:`Cell` objects that cover it exactly once, each with a row span and a
column span, as in an HTML table or a Word form. :class:`TextGrid` draws a grid with box-drawing or ASCII borders,
measuring text in terminal display columns (CJK characters are two columns wide), wrapping long labels inside a
maximum cell width and aligning labels left and numbers right. Every line it draws has the same display width.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Sequence
from typing import Final, Literal

import attrs
import wcwidth

from ..errors import GridError

__all__ = [
    "ASCII",
    "BOX",
    "Align",
    "BorderStyle",
    "Cell",
    "CellKind",
    "Grid",
    "GridError",
    "Mark",
    "TextGrid",
    "display_width",
    "measure_lines",
    "wrap_text",
]

CellKind = Literal["corner", "header", "title", "label", "value"]
Align = Literal["left", "right", "center"]


@attrs.frozen(kw_only=True)
class Mark:
    """A finding attached to a rendered cell: its footnote number, severity and message."""

    number: int
    severity: str
    code: str
    message: str


@attrs.frozen(kw_only=True)
class Cell:
    """One (possibly merged) cell of a grid, placed at its top-left corner."""

    row: int
    col: int
    text: str = ""
    rowspan: int = 1
    colspan: int = 1
    kind: CellKind = "value"
    align: Align = "left"
    wrap: int | None = None
    """Maximum display width of the cell's text before it wraps (None: the renderer's default)."""
    ref: tuple[str, str | None] | None = None
    """(row path, column key) of the report cell shown here; column None for a row or group label."""
    marks: tuple[Mark, ...] = ()


@attrs.frozen(kw_only=True)
class Grid:
    """A table as a rectangle of merged cells, in reading order."""

    rows: int
    cols: int
    cells: tuple[Cell, ...]
    head: int = 0
    """Number of header rows at the top (``<thead>``)."""
    groups: tuple[int, ...] = ()
    """First rows of the body's row groups (``<tbody>``), when the body has several."""

    def check(self) -> None:
        """Raise :class:`GridError` unless the cells cover the rectangle exactly once."""
        seen = [[False] * self.cols for _ in range(self.rows)]
        for cell in self.cells:
            if cell.rowspan < 1 or cell.colspan < 1:
                raise GridError(f"cell at row {cell.row}, column {cell.col}: spans must be at least 1")
            if (
                cell.row < 0
                or cell.col < 0
                or cell.row + cell.rowspan > self.rows
                or cell.col + cell.colspan > self.cols
            ):
                raise GridError(
                    f"cell at row {cell.row}, column {cell.col}: reaches outside the {self.rows} by {self.cols} grid"
                )
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    if seen[r][c]:
                        raise GridError(f"cell at row {cell.row}, column {cell.col}: overlaps another at ({r}, {c})")
                    seen[r][c] = True
        for r, line in enumerate(seen):
            if not all(line):
                raise GridError(f"row {r}: column {line.index(False)} is not covered by any cell")

    def row_cells(self) -> list[list[Cell]]:
        """The cells that start on each row, left to right."""
        out: list[list[Cell]] = [[] for _ in range(self.rows)]
        for cell in sorted(self.cells, key=lambda c: (c.row, c.col)):
            out[cell.row].append(cell)
        return out


# --------------------------------------------------------------------------------------------------------------
# display width and wrapping


@functools.lru_cache(maxsize=8192)
def _char_width(ch: str, ambiguous_wide: bool) -> int:
    width = wcwidth.wcwidth(ch)
    if width < 0:
        return 0
    if ambiguous_wide and width == 1 and unicodedata.east_asian_width(ch) == "A":
        return 2
    return int(width)


@functools.lru_cache(maxsize=16384)
def display_width(text: str, ambiguous_wide: bool = False) -> int:
    """Terminal display width of a line of text; with ``ambiguous_wide``, characters such as “ ” — … count 2.

    >>> display_width("总计12")
    6
    >>> display_width("“三安全一稳定”"), display_width("“三安全一稳定”", ambiguous_wide=True)
    (14, 16)
    """
    if text.isascii():
        return len(text)
    return sum(_char_width(ch, ambiguous_wide) for ch in text)


_BREAK_AFTER: Final = frozenset("）、，；：。 )")
_NO_LINE_START: Final = frozenset("）、，；：。”’》〕】)]},.;:!?")


@functools.lru_cache(maxsize=4096)
def wrap_text(text: str, width: int, ambiguous_wide: bool = False) -> tuple[str, ...]:
    """Lines of ``text`` no wider than ``width`` display columns (explicit newlines are kept).

    Lines break between any two CJK characters, preferably after punctuation such as ``）`` or ``、`` when that
    leaves the line at least half full, and never before closing punctuation.

    >>> wrap_text("（三）不予公开", 8)
    ('（三）', '不予公开')
    >>> wrap_text("三、本年度办理结果", 4)
    ('三、', '本年', '度办', '理结', '果')
    """
    out: list[str] = []
    for para in text.split("\n"):
        if display_width(para, ambiguous_wide) <= width:
            out.append(para)
            continue
        line: list[str] = []
        used = 0
        for ch in para:
            w = _char_width(ch, ambiguous_wide)
            if used + w > width and line:
                cut = len(line)
                if ch in _NO_LINE_START and len(line) > 1:
                    cut = len(line) - 1
                else:
                    acc = 0
                    for i, prev in enumerate(line):
                        acc += _char_width(prev, ambiguous_wide)
                        if prev in _BREAK_AFTER and acc * 2 >= width:
                            cut = i + 1
                out.append("".join(line[:cut]).rstrip(" "))
                line = line[cut:]
                while line and line[0] == " ":
                    line.pop(0)
                used = sum(_char_width(c, ambiguous_wide) for c in line)
                if line and used + w > width:
                    out.append("".join(line))
                    line, used = [], 0
            line.append(ch)
            used += w
        out.append("".join(line))
    return tuple(out)


# --------------------------------------------------------------------------------------------------------------
# borders

# junction glyphs indexed by up | down << 1 | left << 2 | right << 3
_UP, _DOWN, _LEFT, _RIGHT = 1, 2, 4, 8


@attrs.frozen(kw_only=True)
class BorderStyle:
    """The glyphs that draw a grid's borders: horizontal, vertical and the 16 junctions."""

    name: str
    horizontal: str
    vertical: str
    junctions: tuple[str, ...]
    """Glyph for each combination of the lines meeting at a point (bit 1 up, 2 down, 4 left, 8 right)."""


def _box_junctions() -> tuple[str, ...]:
    table = {
        0: " ",
        _UP: "│",
        _DOWN: "│",
        _UP | _DOWN: "│",
        _LEFT: "─",
        _RIGHT: "─",
        _LEFT | _RIGHT: "─",
        _DOWN | _RIGHT: "┌",
        _DOWN | _LEFT: "┐",
        _UP | _RIGHT: "└",
        _UP | _LEFT: "┘",
        _UP | _DOWN | _RIGHT: "├",
        _UP | _DOWN | _LEFT: "┤",
        _LEFT | _RIGHT | _DOWN: "┬",
        _LEFT | _RIGHT | _UP: "┴",
        _UP | _DOWN | _LEFT | _RIGHT: "┼",
    }
    return tuple(table[i] for i in range(16))


BOX: Final = BorderStyle(name="box", horizontal="─", vertical="│", junctions=_box_junctions())
"""Unicode box-drawing borders."""
ASCII: Final = BorderStyle(
    name="ascii",
    horizontal="-",
    vertical="|",
    junctions=tuple(
        " " if not i else "|" if not i & (_LEFT | _RIGHT) else "-" if not i & (_UP | _DOWN) else "+" for i in range(16)
    ),
)
"""Plain ASCII borders (``+``, ``-``, ``|``)."""


# --------------------------------------------------------------------------------------------------------------
# text drawing


class TextGrid:
    """Draws grids as text: a configured callable (``TextGrid(style=ASCII)(grid)``).

    ``wrap`` is the default maximum display width of a cell's text; ``ambiguous_wide`` counts East-Asian
    ambiguous characters (“ ” — … and the box-drawing glyphs) as two columns, as CJK terminals show them.
    ``marker`` formats a finding's footnote number next to a cell's text.
    """

    def __init__(
        self,
        *,
        style: BorderStyle = BOX,
        ambiguous_wide: bool = False,
        wrap: int = 28,
        padding: int = 1,
        marker: Callable[[int], str] = "*{}".format,
    ) -> None:
        self.style = style
        self.ambiguous_wide = ambiguous_wide
        self.wrap = wrap
        self.padding = padding
        self.marker = marker
        glyphs = (style.horizontal, style.vertical, *style.junctions)
        self._glyph = max(display_width(g, ambiguous_wide) for g in glyphs)
        # every glyph occupies the same number of columns: a narrow glyph in a wide setting is padded
        self._h = self._fit(style.horizontal)
        self._v = self._fit(style.vertical)
        self._j = tuple(self._fit(g) for g in style.junctions)

    def _fit(self, glyph: str) -> list[str]:
        w = display_width(glyph, self.ambiguous_wide)
        return [glyph + " " * (self._glyph - w)] + [""] * (self._glyph - 1)

    def text_of(self, cell: Cell) -> str:
        """The text drawn in a cell: its text, then its finding markers."""
        text = cell.text if cell.text.isprintable() else _clean(cell.text)
        if cell.marks:
            markers = " ".join(self.marker(m.number) for m in cell.marks)
            text = f"{text} {markers}" if text else markers
        return text

    def __call__(self, grid: Grid) -> str:
        """The grid drawn as lines of text joined by newlines (no trailing newline)."""
        amb = self.ambiguous_wide
        pad = self.padding
        g = self._glyph
        cells = grid.cells
        texts = [self.text_of(cell) for cell in cells]

        # column widths: single-column cells first, then spans widen their last column
        col_w = [1] * grid.cols
        spans: list[tuple[int, int, int]] = []
        for cell, text in zip(cells, texts, strict=True):
            if "\n" in text:
                need = max(display_width(line, amb) for line in text.split("\n"))
            else:
                need = display_width(text, amb)
            limit = cell.wrap or self.wrap
            if need > limit:
                need = max(limit, _widest_char(text, amb))
            if cell.colspan == 1:
                if need > col_w[cell.col]:
                    col_w[cell.col] = need
            else:
                spans.append((cell.colspan, cell.col, need))
        gap = g + 2 * pad
        for span, col, need in sorted(spans):
            have = sum(col_w[col : col + span]) + (span - 1) * gap
            if need > have:
                col_w[col + span - 1] += need - have
        if g > 1:
            col_w = [w + (-(w + 2 * pad)) % g for w in col_w]
        col_x = [0]
        for w in col_w:
            col_x.append(col_x[-1] + g + w + 2 * pad)

        # wrap every cell at its final width, then row heights
        lines_of: list[tuple[str, ...]] = []
        heights = [1] * grid.rows
        tall: list[tuple[int, int, int]] = []
        inner = g + 2 * pad
        for cell, text in zip(cells, texts, strict=True):
            lines = wrap_text(text, col_x[cell.col + cell.colspan] - col_x[cell.col] - inner, amb)
            lines_of.append(lines)
            if cell.rowspan == 1:
                if len(lines) > heights[cell.row]:
                    heights[cell.row] = len(lines)
            else:
                tall.append((cell.rowspan, cell.row, len(lines)))
        for span, row, need in sorted(tall):
            have = sum(heights[row : row + span]) + span - 1
            if need > have:
                heights[row + span - 1] += need - have
        row_y = [0]
        for h in heights:
            row_y.append(row_y[-1] + 1 + h)

        # edges between cells: h[r][c + 1] is the border above row r over column c, v[r + 1][c] the border left
        # of column c along row r (the padding makes the neighbours of the outer edges read as False)
        rows, cols = grid.rows, grid.cols
        h_edge = [[False] * (cols + 2) for _ in range(rows + 1)]
        v_edge = [[False] * (cols + 1) for _ in range(rows + 2)]
        for cell in cells:
            r0, r1, c0, c1 = cell.row, cell.row + cell.rowspan, cell.col, cell.col + cell.colspan
            top, bottom = h_edge[r0], h_edge[r1]
            for c in range(c0 + 1, c1 + 1):
                top[c] = bottom[c] = True
            for r in range(r0 + 1, r1 + 1):
                along = v_edge[r]
                along[c0] = along[c1] = True

        width = col_x[-1] + g
        canvas = [[" "] * width for _ in range(row_y[-1] + 1)]
        hglyph, vglyph, junctions = self._h, self._v, self._j
        for r in range(rows + 1):
            y = row_y[r]
            out = canvas[y]
            edges = h_edge[r]
            up, down = v_edge[r], v_edge[r + 1]
            for c in range(cols + 1):
                x = col_x[c]
                if c < cols and edges[c + 1]:
                    out[x + g : col_x[c + 1]] = hglyph * ((col_x[c + 1] - x - g) // g)
                bits = up[c] * _UP | down[c] * _DOWN | edges[c] * _LEFT | edges[c + 1] * _RIGHT
                if bits:
                    out[x : x + g] = junctions[bits]
            if r < rows:
                for c in range(cols + 1):
                    if down[c]:
                        x = col_x[c]
                        for y2 in range(y + 1, row_y[r + 1]):
                            canvas[y2][x : x + g] = vglyph

        # cell text
        for cell, lines in zip(cells, lines_of, strict=True):
            x0 = col_x[cell.col] + g + pad
            avail = col_x[cell.col + cell.colspan] - x0 - pad
            y0 = row_y[cell.row] + 1
            top_line = y0 + (row_y[cell.row + cell.rowspan] - y0 - len(lines)) // 2
            align = cell.align
            for i, line in enumerate(lines):
                w = display_width(line, amb)
                if not w:
                    continue
                if align == "right":
                    x = x0 + avail - w
                elif align == "center":
                    x = x0 + (avail - w) // 2
                else:
                    x = x0
                canvas[top_line + i][x : x + w] = [line] + [""] * (w - 1)
        return "\n".join("".join(line) for line in canvas)


def _widest_char(text: str, ambiguous_wide: bool) -> int:
    return max((_char_width(ch, ambiguous_wide) for ch in text), default=0)


_CONTROL: Final = dict.fromkeys((*range(10), *range(11, 32), 127), " ")


def _clean(text: str) -> str:
    return text.translate(_CONTROL) if not text.isprintable() else text


def measure_lines(text: str, ambiguous_wide: bool = False) -> Sequence[int]:
    """Display width of every line of a drawn table (a helper for tests and callers that check layouts)."""
    return [display_width(line, ambiguous_wide) for line in text.split("\n")]
