"""Read a report published as a PDF into a :class:`~govdisclosure.importers._source.SourceDocument`.

pypdfium2 gives every character with its box and every path object of a page. Thin path objects are the table
rulings: they are grouped into table regions, the regions into a grid of elementary cells, and elementary cells
not separated by a ruling are merged back into the printed (spanning) cells. Characters inside a region go to
their cell — so a label wrapped over two lines, or printed vertically one character per line, stays one cell
text — and the rest become lines of running text, wrapped lines of one paragraph joined. A table printed
without rulings is found among those lines by its figures, printed in the same columns row after row, and read
as a grid of one label and the figures per row (see "Tables printed without rulings" below). Page markers
("- 1 -") and headers/footers repeated on every page are dropped, and a table cut by a page break is joined
with its continuation (cells left open at the cut are merged again). Nothing is interpreted.

A PDF without a usable text layer (no characters, or characters that are not Chinese text) is refused with a
:class:`~govdisclosure.errors.ReadError`: an OCR step is needed first, and guessing would produce garbage figures.
"""

from __future__ import annotations

import ctypes
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from ..errors import MissingDependencyError, ReadError
from ._source import SourceCell, SourceDocument, SourceLine, SourceNote, SourceTable, Where

__all__ = ["read_pdf"]

_TOL = 2.0  # points: rulings closer than this are one ruling
_THIN = 3.0  # points: a path object this thin in one direction is a ruling
_PAGE_MARKER = re.compile(r"^(?:[-－—\u2013―~]+\d+[-－—\u2013―~]+|第\d+页(?:共\d+页)?|\d+/\d+|\d{1,3})$")
_QUOTES = frozenset("“”‘’\"'")
_MAX_RULINGS = 2000  # more thin paths than this on a page is a drawing, not table rules
_MARGIN = 0.08  # fraction of the page height where running headers and footers live


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _is_bad(ch: str) -> bool:
    o = ord(ch)
    return 0xE000 <= o <= 0xF8FF or o == 0xFFFD or o < 0x20 or 0x7F <= o <= 0xFF


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class _Char:
    __slots__ = ("ch", "x0", "x1", "y0", "y1")

    def __init__(self, ch: str, x0: float, y0: float, x1: float, y1: float) -> None:
        self.ch = ch
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1


class _Line:
    """Characters on one baseline, left to right, with their union box."""

    __slots__ = ("_figures", "_gapped", "_text", "chars", "x0", "x1", "y0", "y1")

    def __init__(self, chars: list[_Char]) -> None:
        self._text: str | None = None
        self._figures: tuple[list[_Char], list[list[_Char]]] | None = None  # see :func:`_figures`
        self._gapped = False
        chars.sort(key=lambda c: c.x0 + c.x1)
        self.chars = chars
        self.x0 = min(c.x0 for c in chars)
        self.x1 = max(c.x1 for c in chars)
        self.y0 = min(c.y0 for c in chars)
        self.y1 = max(c.y1 for c in chars)

    @property
    def height(self) -> float:
        return max(self.y1 - self.y0, 1.0)

    @property
    def gapped(self) -> bool:
        """A wide gap inside: cells of a table without rulings, not running text."""
        self.text()
        return self._gapped

    def text(self) -> str:
        if self._text is None:
            self._text = self._compose()
        return self._text

    def _compose(self) -> str:
        out: list[str] = []
        previous: _Char | None = None
        size = self.height
        for c in self.chars:
            if c.ch == " ":
                if out and out[-1] != " ":
                    out.append(" ")
                continue
            if previous is not None and c.x0 - previous.x1 > 1.2 * size and out:
                self._gapped = True
                if out[-1] != " ":
                    out.append(" ")  # a wide gap: separate words (cells of a table without rulings)
            out.append(c.ch)
            previous = c
        return "".join(out).strip()


def _lines(chars: list[_Char]) -> list[_Line]:
    """Group characters into lines, top to bottom (PDF y grows upwards)."""
    # quotation marks sit high on the line and spaces have no height: place them once the lines are known
    floating = [c for c in chars if c.ch in _QUOTES or c.y1 - c.y0 < 0.5]
    if floating:
        chars = [c for c in chars if not (c.ch in _QUOTES or c.y1 - c.y0 < 0.5)]
    ordered = sorted(chars, key=lambda c: -(c.y0 + c.y1))
    lines: list[list[_Char]] = []
    low, high = 0.0, 0.0
    for c in ordered:
        overlap = min(high, c.y1) - max(low, c.y0)
        if lines and overlap >= 0.5 * max(min(high - low, c.y1 - c.y0), 0.1):
            lines[-1].append(c)
            low, high = min(low, c.y0), max(high, c.y1)
        else:
            lines.append([c])
            low, high = c.y0, c.y1
    bands = [(min(c.y0 for c in line), max(c.y1 for c in line)) for line in lines]
    for q in floating:
        middle = (q.y0 + q.y1) / 2
        near = [(abs((lo + hi) / 2 - middle), i) for i, (lo, hi) in enumerate(bands) if lo - 1 <= middle <= hi + 1]
        if near:
            lines[min(near)[1]].append(q)
        elif q.ch != " ":
            lines.append([q])
            bands.append((q.y0, q.y1))
    if floating:
        lines.sort(key=lambda line: -max(c.y1 + c.y0 for c in line))
    return [_Line(chars) for chars in lines if chars]


def _join(pieces: list[str]) -> str:
    out = ""
    for piece in pieces:
        piece = " ".join(piece.split())
        if not piece:
            continue
        out += " " + piece if out and _ascii_word(out[-1]) and _ascii_word(piece[0]) else piece
    return out


def _cluster(values: list[float]) -> list[float]:
    """Sorted representatives of values closer than the tolerance."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= _TOL:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(group) / len(group) for group in out]


class _Cell:
    __slots__ = ("bbox", "c0", "c1", "chars", "open_bottom", "open_top", "page", "r0", "r1", "text")

    def __init__(self, page: int, r0: int, r1: int, c0: int, c1: int, bbox: tuple[float, float, float, float]) -> None:
        self.page = page
        self.r0, self.r1, self.c0, self.c1 = r0, r1, c0, c1
        self.bbox = bbox
        self.chars: list[_Char] = []
        self.text = ""
        self.open_top = False
        self.open_bottom = False


class _Region:
    """A ruled table on one page: its cells in page coordinates and its row boundaries."""

    def __init__(self, page: int, xs: list[float], ys: list[float], cells: list[_Cell]) -> None:
        self.page = page
        self.xs = xs  # column boundaries, left to right
        self.ys = ys  # row boundaries, top to bottom (descending y)
        self.cells = cells

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.xs[0], self.ys[-1], self.xs[-1], self.ys[0])


class _Rulings:
    def __init__(self, horizontal: list[tuple[float, float, float]], vertical: list[tuple[float, float, float]]):
        self.h = horizontal  # (y, x0, x1)
        self.v = vertical  # (x, y0, y1)

    def has_h(self, y: float, xa: float, xb: float) -> bool:
        middle = (xa + xb) / 2
        return any(abs(s[0] - y) <= _TOL and s[1] - _TOL <= middle <= s[2] + _TOL for s in self.h)

    def has_v(self, x: float, ya: float, yb: float) -> bool:
        middle = (ya + yb) / 2
        return any(abs(s[0] - x) <= _TOL and s[1] - _TOL <= middle <= s[2] + _TOL for s in self.v)


def _merge_segments(segments: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    out: list[list[float]] = []
    for pos, a, b in sorted(segments):
        for seg in out:
            if abs(seg[0] - pos) <= _TOL and a <= seg[2] + _TOL and b >= seg[1] - _TOL:
                seg[1], seg[2] = min(seg[1], a), max(seg[2], b)
                break
        else:
            out.append([pos, a, b])
    return [(s[0], s[1], s[2]) for s in out]


def _regions(page_no: int, rulings: _Rulings) -> list[_Region]:
    hs, vs = rulings.h, rulings.v
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (y, x0, x1) in enumerate(hs):
        for j, (x, y0, y1) in enumerate(vs):
            if x0 - _TOL <= x <= x1 + _TOL and y0 - _TOL <= y <= y1 + _TOL:
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for i in range(len(hs)):
        groups.setdefault(find(i), ([], []))[0].append(i)
    for j in range(len(vs)):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(j)
    regions = []
    for h_ids, v_ids in groups.values():
        if len(v_ids) < 2 or not h_ids or len(h_ids) + len(v_ids) < 4:
            continue
        local = _Rulings([hs[i] for i in h_ids], [vs[j] for j in v_ids])
        left = min([s[0] for s in local.v] + [s[1] for s in local.h])
        right = max([s[0] for s in local.v] + [s[2] for s in local.h])
        bottom = min([s[0] for s in local.h] + [s[1] for s in local.v])
        top = max([s[0] for s in local.h] + [s[2] for s in local.v])
        xs = _cluster([s[0] for s in local.v] + [left, right])
        ys = _cluster([s[0] for s in local.h] + [bottom, top])[::-1]
        if len(xs) < 2 or len(ys) < 2:
            continue
        regions.append(_grid(page_no, xs, ys, local))
    regions.sort(key=lambda r: -r.top)
    return regions


def _grid(page_no: int, xs: list[float], ys: list[float], rulings: _Rulings) -> _Region:
    n, m = len(ys) - 1, len(xs) - 1
    parent = list(range(n * m))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(n):
        for c in range(m):
            if c + 1 < m and not rulings.has_v(xs[c + 1], ys[r + 1], ys[r]):
                parent[find(r * m + c)] = find(r * m + c + 1)
            if r + 1 < n and not rulings.has_h(ys[r + 1], xs[c], xs[c + 1]):
                parent[find(r * m + c)] = find((r + 1) * m + c)
    groups: dict[int, list[tuple[int, int]]] = {}
    for r in range(n):
        for c in range(m):
            groups.setdefault(find(r * m + c), []).append((r, c))
    boxes: list[tuple[int, int, int, int]] = []
    for members in groups.values():
        r0, r1 = min(r for r, _ in members), max(r for r, _ in members)
        c0, c1 = min(c for _, c in members), max(c for _, c in members)
        if len(members) == (r1 - r0 + 1) * (c1 - c0 + 1):
            boxes.append((r0, r1, c0, c1))
        else:  # rulings that do not close a rectangle: keep the elementary cells apart
            boxes.extend((r, r, c, c) for r, c in members)
    cells = []
    for r0, r1, c0, c1 in sorted(boxes, key=lambda b: (b[0], b[2])):
        cell = _Cell(page_no, r0, r1 + 1, c0, c1 + 1, (xs[c0], ys[r1 + 1], xs[c1 + 1], ys[r0]))
        cell.open_top = r0 == 0 and not rulings.has_h(ys[0], xs[c0], xs[c1 + 1])
        cell.open_bottom = r1 == n - 1 and not rulings.has_h(ys[n], xs[c0], xs[c1 + 1])
        cells.append(cell)
    return _Region(page_no, xs, ys, cells)


def _assign(region: _Region, chars: list[_Char]) -> list[_Char]:
    """Put the characters inside the region into its cells; return the others."""
    x0, y0, x1, y1 = region.bbox
    lookup: dict[tuple[int, int], _Cell] = {}
    for cell in region.cells:
        for r in range(cell.r0, cell.r1):
            for c in range(cell.c0, cell.c1):
                lookup.setdefault((r, c), cell)
    neg_ys = [-y for y in region.ys]
    rest = []
    for ch in chars:
        cx, cy = (ch.x0 + ch.x1) / 2, (ch.y0 + ch.y1) / 2
        if not (x0 <= cx <= x1 and y0 <= cy <= y1):
            rest.append(ch)
            continue
        c = min(max(bisect_right(region.xs, cx) - 1, 0), len(region.xs) - 2)
        r = min(max(bisect_right(neg_ys, -cy) - 1, 0), len(region.ys) - 2)
        lookup[(r, c)].chars.append(ch)
    for cell in region.cells:
        cell.text = _join([line.text() for line in _lines(cell.chars)]) if cell.chars else ""
    return rest


# Tables printed without rulings -----------------------------------------------------------------------------------
#
# A table whose borders are not drawn reaches us as lines of characters. Its data rows are recognised by their
# figures: a run of lines each ending in numbers (or the marks of blank cells, "—", "-", "/") printed in the same
# columns; a row leaving cells blank has each figure placed in the column it is printed in, when that column is
# clear (the span of one column of the rows printing in all), and an empty cell where nothing is. Everything left
# of the first column of numbers is the label area; it may hold several label columns (三、本年度办理结果 |
# （三）不予公开 | 1.属于国家秘密), found as the x positions where label fragments start. A row's label is the
# text of the rightmost label column printed beside its figures: outer group labels are left out, as a row's own
# label names it. Word processors centre figures vertically in their cells, so a label wrapped over several
# lines has its figures beside its middle; the lines of one label column are cut between the rows so that every
# row's label is centred on its figures. The header lines above the first row stay lines of text, each page's
# rows are a table (one or two rows left by a page break are one when they clearly continue the table on the
# other side: see :func:`_continued`), and the lines are left as they are when no label is wrapped (the lines
# read as well) or when any of this is not clear-cut (fewer than three rows, rows with figures in other columns,
# a label not centred on its figures). A row whose label is not clear ends the table before it, whose last row's
# label never takes that row's lines; rows leaving a column blank that did not join the rows printing in all
# beside them stay lines, as their figures would be numbered by count, not by the column printed in (so do rows
# next to a row with a figure printed outside their columns: they may all leave a column of the table blank).
# Each line is looked at once and each run of rows labelled a few times at most, so a page of hundreds of rows
# takes milliseconds.

_NUMBER = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?%?$")
_BLANK_MARK = re.compile("^(?:[-－—\u2013/／]|--|——)$")  # printed in a figure's place when there is none
# the number beginning a row's label: 三、 （三） 3.
_ITEM_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、](?!\d))")
_MIN_ROWS = 3  # fewer data rows than this is not enough geometry to go by
_MIN_VALUES = 2  # numbers per row


_Text = tuple[str, tuple[float, float, float, float]]  # a cell's text and its box


class _Bare:
    """A table printed without rulings: rows of (label, figures), each with its box, in page coordinates."""

    def __init__(self, page: int, rows: list[list[_Text]], lines: list[_Line], pitch: float | None = None):
        self.page = page
        self.rows = rows  # per row: the label, then one entry per column of figures
        self.pitch = pitch  # the distance between its rows' figures (None for a single row)
        self.x0 = min(line.x0 for line in lines)  # the extent of the lines it was read from
        self.x1 = max(line.x1 for line in lines)
        self.y0 = min(line.y0 for line in lines)
        self.top = max(line.y1 for line in lines)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.x0, self.y0, self.x1, self.top)

    @property
    def columns(self) -> list[tuple[float, float]]:
        """The span of each column of figures."""
        return [
            (min(row[c][1][0] for row in self.rows), max(row[c][1][2] for row in self.rows))
            for c in range(1, len(self.rows[0]))
        ]


class _Edge:
    """A table without rulings at the top (bottom) of the next (previous) page, for the rows of figures at the
    bottom (top) of a page that may continue it: its figure columns, its row pitch and the texts of the lines
    printed above it on its page (its header, repeated above its continuation)."""

    def __init__(self, table: _Bare, above: list[str]) -> None:
        self.table = table
        self.columns = table.columns
        self.pitch = table.pitch
        self.above = above

    def matches(self, columns: list[list[float]]) -> bool:
        """Whether figures in these columns are printed in the table's columns, one for one."""
        return len(columns) == len(self.columns) and all(
            a[0] <= b[1] and b[0] <= a[1] and not any(a[0] <= o[1] and o[0] <= a[1] for o in self.columns if o is not b)
            for a, b in zip(columns, self.columns, strict=True)
        )


def _box(chars: list[_Char]) -> tuple[float, float, float, float]:
    return (min(c.x0 for c in chars), min(c.y0 for c in chars), max(c.x1 for c in chars), max(c.y1 for c in chars))


def _middle(chars: list[_Char]) -> float:
    return sum(c.y0 + c.y1 for c in chars) / (2 * len(chars))


def _figures(line: _Line) -> tuple[list[_Char], list[list[_Char]]]:
    """A line split into its label characters and the figures printed apart at its end: words of digits, and
    the marks of a blank cell among them ("—", "-", "/"; at least one figure is a number). Worked out once per
    line: a line is looked at as a row, and beside the rows near it. A line whose figures have a digit of no
    height (a glyph without a box) has none: rows are found and placed by the height of their figures, and the
    line stays a line."""
    if line._figures is None:
        line._figures = _split_figures(line)
    return line._figures


def _split_figures(line: _Line) -> tuple[list[_Char], list[list[_Char]]]:
    words: list[list[_Char]] = []
    for c in line.chars:
        if c.ch == " ":
            continue
        if words and c.x0 - words[-1][-1].x1 <= 0.5 * max(c.y1 - c.y0, words[-1][-1].y1 - words[-1][-1].y0):
            words[-1].append(c)
        else:
            words.append([c])
    count, numeric = 0, False
    while count < len(words):
        word = "".join(c.ch for c in words[-1 - count])
        if _NUMBER.match(word):
            numeric = True
        elif not _BLANK_MARK.match(word):
            break
        count += 1
    numbers = words[len(words) - count :] if numeric else []
    if any(c.y1 <= c.y0 for w in numbers for c in w if c.ch.isdigit()):
        numbers = []  # a digit without height (no glyph box): where its figure sits is not clear, nor its row
    if not numbers:
        return line.chars, numbers
    label = [c for c in line.chars if c.x1 <= numbers[0][0].x0]  # printed spaces kept: they join words
    return label, numbers


# Figures wrapped in their narrow cell -------------------------------------------------------------------------
#
# A figure too wide for its column wraps over two or more lines of its cell ("101" printed as "10" over "1"). The
# word processor centres the cell's lines on the row: the parts sit as far above as below the row's other figures.
# Wrapped over two lines, the row's line lacks that column and its parts are half a line above and below, on lines
# of their own or on the lines of the row's wrapped label; over three, the middle part is on the row's line, taken
# for the whole figure, and the others are a line above and below, alone on their lines. Read as they are, the row
# has fewer columns or a wrong figure, and the parts are numbers of no row. The parts are put back together on
# their row's line, in the column they are printed in, only when that is clear-cut: every figure printed near the
# row (within 1.9 figure heights, on a line that is not another row's: a line with a label of its own beside
# figures is, unless it overlaps the row's figures) pairs with one below it in the same column (their spans
# overlap), equally far from the row's figures; half a line apart (their boxes overlap the figures') where the
# row prints nothing and right of its label, a line apart (alone on their lines, and not in every column: those
# would be rows) around the row's figure. Figures alone on their lines as far above as below, in the column of a
# part and where the next parts would be, may be parts too (of a figure over four lines or more): the row is left
# as it is. So is a figure printed with wider line spacing than this.

_Rejoined = tuple[str, tuple[str, ...], tuple[float, float, float, float]]  # the figure, its printed parts, its box
_Part = tuple[int, list[_Char], float, bool]  # a part's line index, its characters, distance from the row, touching


def _rejoin_wrapped(lines: list[_Line]) -> tuple[list[_Line], list[_Rejoined]]:
    """The lines (top to bottom) with the figures wrapped in their cells put back on their rows' lines, and what
    was rejoined. Each line is looked at with the few lines beside it."""
    replaced: dict[int, _Line | None] = {}  # by index: the line rebuilt, or None when nothing is left of it
    rejoined: list[_Rejoined] = []
    for k in range(len(lines)):
        if k in replaced:  # a line that gave parts to a row above
            continue
        found = _rejoined_row(lines, k)
        if found is not None and not replaced.keys() & found[0].keys():
            replaced.update(found[0])
            rejoined.extend(found[1])
    if not replaced:
        return lines, rejoined
    kept = [replaced.get(k, line) for k, line in enumerate(lines)]
    return [line for line in kept if line is not None], rejoined


def _rejoined_row(lines: list[_Line], k: int) -> tuple[dict[int, _Line | None], list[_Rejoined]] | None:
    """The lines changed (by index) when the parts of figures wrapped around ``lines[k]`` are put on its line, and
    what was rejoined; None when there are no such parts or they are not clear-cut.

    A part half a line from the row's figures may overlap them enough to be read into their line (beside a label
    wrapped over four lines, a word processor puts a one-line figure halfway between the two lines of a wrapped
    one): the row's figures are those at the height of most of them, a word a third of a figure's height or more
    above or below them is a part.
    """
    label, words = _figures(lines[k])
    if not words:
        return None
    level = sorted(_middle(w) for w in words)[len(words) // 2]  # the height of most of the row's figures
    heights = sorted(c.y1 - c.y0 for w in words for c in w if c.ch.isdigit())  # a blank cell's mark is flat
    height = heights[len(heights) // 2]
    numbers = [w for w in words if abs(_middle(w) - level) < 0.35 * height]
    digits = [c for w in numbers for c in w]
    band = (min(c.y0 for c in digits), max(c.y1 for c in digits), _middle(digits))
    on_line = [(k, w, abs(_middle(w) - band[2]), True) for w in words if abs(_middle(w) - level) >= 0.35 * height]
    ups, up_further = _wrapped_parts(lines, k, -1, band)
    ups += [part for part in on_line if _middle(part[1]) > band[2]]
    if not ups:
        return None
    downs, down_further = _wrapped_parts(lines, k, 1, band)
    downs += [part for part in on_line if _middle(part[1]) < band[2]]
    if len(ups) != len(downs):
        return None
    if sum(not touching for *_, touching in ups) >= len(numbers):
        return None  # lines of figures a line above and below in every column: rows, not parts of the row's cells
    size = band[1] - band[0]
    if any(
        abs(d - e) <= 0.25 * size and a[0].x0 <= b[-1].x1 and b[0].x0 <= a[-1].x1
        for a, d in up_further
        for b, e in down_further
    ):
        return None  # as far above as below, where the next parts would be: a figure over four lines or more
    edge = max((c.x1 for c in label if c.ch != " "), default=float("-inf"))
    taken: set[int] = set()  # ids of the characters moved or replaced
    added: list[_Char] = []
    figures: list[_Rejoined] = []
    for above, up, over, touching in ups:
        x0, x1 = up[0].x0, up[-1].x1
        partners = [p for p in downs if p[1][0].x0 <= x1 and p[1][-1].x1 >= x0]
        middle = [w for w in numbers if w[0].x0 <= x1 and w[-1].x1 >= x0]
        if len(partners) != 1 or len(middle) > 1 or abs(partners[0][2] - over) > 0.25 * size:
            return None
        below, down, _, touching_down = partners[0]
        x0, x1 = min(x0, down[0].x0), max(x1, down[-1].x1)
        if middle:  # over three lines: a line apart, alone on their lines, around the row's figure
            if touching or touching_down or any(p[1] is not up and p[1][0].x0 <= x1 and p[1][-1].x1 >= x0 for p in ups):
                return None
            if edge > float("-inf") and _labelled_between(lines, above, below, k):
                return None  # another row's label between: the "parts" are the figures of the rows beside it
            x0, x1 = min(x0, middle[0][0].x0), max(x1, middle[0][-1].x1)
        elif not (touching and touching_down) or x0 <= edge:
            return None  # over two lines: half a line apart, where the row prints nothing, right of its label
        pieces = [up, *middle, down]
        if not all(_NUMBER.match("".join(c.ch for c in piece)) for piece in pieces):
            return None  # a blank cell's mark is not part of a figure
        text = "".join(c.ch for piece in pieces for c in piece)
        width = (x1 - x0) / len(text)  # the figure laid out on the row's line, within the span of its parts
        added += [_Char(ch, x0 + j * width, band[0], x0 + (j + 1) * width, band[1]) for j, ch in enumerate(text)]
        taken.update(id(c) for piece in pieces for c in piece)
        figures.append((text, tuple("".join(c.ch for c in piece) for piece in pieces), (x0, band[0], x1, band[1])))
    changed: dict[int, _Line | None] = {k: _Line([c for c in lines[k].chars if id(c) not in taken] + added)}
    for i in {p[0] for p in ups + downs} - {k}:
        rest = [c for c in lines[i].chars if id(c) not in taken]
        changed[i] = _Line(rest) if any(c.ch != " " for c in rest) else None
    return changed, figures


def _labelled_between(lines: list[_Line], above: int, below: int, k: int) -> bool:
    """Whether label text is printed on a line between the row ``lines[k]`` and the line ``above`` it, or between
    the row and the line ``below`` it.

    A row whose label is printed on its line has nothing of its label between its line and the lines a line
    apart (a label of one line, or of three or more centred on the row, whose other lines are a line apart): label
    text there is another row's, wrapped around figures of its own half a line further on (the rows on both sides
    of a one-line row labelled over two lines, printing a figure in the one column), and those figures are that
    row's, not the parts of a figure of this row over three lines.
    """
    return any(any(c.ch != " " for c in _figures(lines[i])[0]) for i in (*range(above + 1, k), *range(k + 1, below)))


def _wrapped_parts(
    lines: list[_Line], k: int, step: int, band: tuple[float, float, float]
) -> tuple[list[_Part], list[tuple[list[_Char], float]]]:
    """The figures printed near the row ``lines[k]`` (``band``: the bottom, top and middle of its figures) on the
    lines above it (``step`` -1) or below (1), that may be parts of its wrapped figures, and the figures alone on
    their lines further on, in the column of one of them, where the next part of a longer figure would be (with
    their distance from the row's figures). Those may as well be the parts of the next row's wrapped figure: only
    when there are such figures as far above as below is the row's figure longer.

    The parts of a cell's lines are a line apart: half a line from the row's figures (over two lines) or a whole
    line (over three); the figures of the next row start no nearer than a line and a half beyond the last part
    (the next row's line is at least half a line beyond the cell's last line, and its label is on its figures'
    line or wrapped around them).
    """
    low, high, middle = band
    reach = 1.9 * (high - low)  # a line apart: some 1.5 figure heights; the next row's figures: 2.3 at least
    parts: list[_Part] = []
    further: list[tuple[list[_Char], float]] = []
    i = k + step
    limit = reach
    while 0 <= i < len(lines):
        line = lines[i]
        head, words = _figures(line)
        chars = [c for w in words for c in w] or line.chars
        distance = abs(_middle(chars) - middle)
        labelled = any(c.ch != " " for c in head)
        if distance > limit or (words and labelled and distance > reach):
            break
        if distance > reach:  # beyond the parts, where the next part would be
            if words and not labelled:
                further += [
                    (w, distance)
                    for w in words
                    if any(w[0].x0 <= p[1][-1].x1 and w[-1].x1 >= p[1][0].x0 for p in parts)
                ]
        elif words:
            touching = min(c.y0 for c in chars) < high if step < 0 else max(c.y1 for c in chars) > low
            if not touching and labelled:
                break  # the figures of the next row
            parts += [(i, w, distance, touching) for w in words]
            # the next part would be a line further: half a line from the row makes a line twice that
            limit = max(limit, *(d + 1.25 * (2 * d if t else d) for _, _, d, t in parts))
        i += step
    return parts, further


def _borderless(
    number: int, lines: list[_Line], height: float = 0.0, before: _Edge | None = None, after: _Edge | None = None
) -> tuple[list[_Bare], list[_Line]]:
    """The tables printed without rulings among a page's lines (top to bottom), and the other lines.

    Each line is looked at once as the first row of a run of figures: the run is collected (:func:`_bare_rows`),
    read as tables where its labels are clear (:func:`_bare_tables`), and the search goes on after it. A run that
    gives no table is not tried again from each of its later lines: that made the work grow with a high power of
    the number of rows on a page. A run of fewer rows than a table needs, ending (starting) the page, is a table
    when it continues the table starting the next page, ``after`` (ending the previous one, ``before``): see
    :func:`_continued`. ``height`` is the page's.
    """
    tables: list[_Bare] = []
    taken: set[int] = set()  # indexes of the lines read into a table
    i = floor = 0  # lines before ``floor`` belong to a table found already
    while i < len(lines):
        run = _bare_rows(lines, i)
        if run is None:
            i += 1
            continue
        rows, columns = run
        if not _part_of_wider(lines, rows, columns, height):
            found = _bare_tables(number, lines, rows, floor)
            if not found and len(rows) < _MIN_ROWS and (before or after):
                found = _continued(number, lines, rows, columns, floor, height, (before, after))
            for table, first, end in found:
                tables.append(table)
                taken.update(range(first, end))  # with the label lines above its first row and below its last
                floor = end
        i = max(rows[-1][0] + 1, floor)
    return tables, [line for k, line in enumerate(lines) if k not in taken]


def _in_margin(line: _Line, height: float) -> bool:
    """Whether the line is printed where running headers, footers and page numbers are."""
    return line.y1 < _MARGIN * height or line.y0 > (1 - _MARGIN) * height


def _continued(
    number: int,
    lines: list[_Line],
    rows: list[_Row],
    columns: list[list[float]],
    floor: int,
    height: float,
    edges: tuple[_Edge | None, _Edge | None],
) -> list[tuple[_Bare, int, int]]:
    """The run of fewer rows than a table needs as a table continuing one on the next page or the previous one
    (with the indexes of its first line and after its last), or nothing.

    A table cut by a page break may leave one or two rows on one side. They are a table when it is clear-cut that
    they continue the other side's: their figures are printed in its columns, one for one, nothing but headers,
    footers and page numbers is printed between them (after the rows at the bottom of the page, or before the
    rows at the top but the lines printed above the table on the page before: its header, repeated), and their
    labels are centred on their figures, reaching as far as the other side's rows are apart.
    """
    before, after = edges
    centres = [_middle([c for w in numbers for c in w]) for _, _, numbers in rows]
    left = min(w[0].x0 for _, _, numbers in rows for w in numbers if w)
    for edge, at_end in ((after, True), (before, False)):
        if edge is None or edge.pitch is None or not edge.matches(columns):
            continue
        if not at_end and (floor or any(len(_figures(line)[1]) >= _MIN_VALUES for line in lines[: rows[0][0]])):
            continue  # figures printed above the rows on their page
        result = _bare_table_of(number, lines, rows, centres, 0, len(rows), left, floor, edge.pitch)
        if result is None:
            continue
        table, first, end, _ = result
        if at_end and not all(_in_margin(line, height) for line in lines[end:]):
            continue  # printed after the rows on their page
        above = [line.text() for line in lines[:first] if not _in_margin(line, height)]
        later, earlier = (edge.above, above) if at_end else (above, edge.above)  # the header, then repeated
        if len(later) > len(earlier) or earlier[len(earlier) - len(later) :] != later:
            continue
        return [(table, first, end)]
    return []


def _widen_over_break(ending: _Edge | None, starting: _Edge | None) -> None:
    """A table without rulings run over a page break, one side of it in fewer columns than the other, widened to
    the other's columns (blank cells where it prints nothing); ``ending`` ends a page, ``starting`` starts the
    next.

    Rows leaving a column blank, every one of them, are read as a table of fewer columns, every figure right of
    the blank column a column left of where it is printed. When the other side of the page break is the same table
    (nothing but headers, footers and page numbers between, its header repeated or none) and its columns hold the
    side's one for one, each figure is put in the column it is printed in. Otherwise the sides are left as they
    are.
    """
    if ending is None or starting is None:
        return
    earlier, later = ending.above, starting.above  # the header, then repeated (or not)
    if len(later) > len(earlier) or earlier[len(earlier) - len(later) :] != later:
        return
    narrow, wide = sorted((ending, starting), key=lambda edge: len(edge.columns))
    slots = _slots([list(span) for span in narrow.columns], [list(span) for span in wide.columns])
    if len(narrow.columns) == len(wide.columns) or slots is None:
        return
    widened: list[list[_Text]] = []
    for row in narrow.table.rows:
        low, high = min(box[1] for _, box in row[1:]), max(box[3] for _, box in row[1:])
        cells: list[_Text] = [("", (a, low, b, high)) for a, b in wide.columns]
        for cell, slot in zip(row[1:], slots, strict=True):
            cells[slot] = cell
        widened.append([row[0], *cells])
    narrow.table.rows = widened


_Row = tuple[int, list[_Char], list[list[_Char]]]  # a data row: its line's index, label characters, numbers


def _bare_rows(lines: list[_Line], start: int) -> tuple[list[_Row], list[list[float]]] | None:
    """The rows of figures from ``lines[start]`` on, printed in the same columns, and the span of each column;
    None when ``lines[start]`` is not a row of figures or the columns run into each other.

    A row printing nothing in some columns (blank cells) has its figures placed by the column each is printed in,
    an empty cell where nothing is: only when every figure is within the span of a single column of the rows
    printing in all (at least two figures), each in its own. A row printing in more columns than the rows before,
    one in each of theirs, widens the run the same way.
    """
    label, numbers = _figures(lines[start])
    if len(numbers) < _MIN_VALUES:
        return None
    columns = [[w[0].x0, w[-1].x1] for w in numbers]  # the span of each column of figures so far
    rows: list[_Row] = [(start, label, numbers)]
    for k in range(start + 1, len(lines)):
        line = lines[k]
        label, numbers = _figures(line)
        left = columns[0][0] - 0.5 * line.height
        if not numbers and line.x1 < left:  # label text only: a wrapped label or a group label
            continue
        if len(numbers) < _MIN_VALUES or (label and max(c.x1 for c in label) >= left):
            break
        spans = [[w[0].x0, w[-1].x1] for w in numbers]
        if len(numbers) > len(columns):  # a wider row: the run's columns are some of its own
            slots = _slots(columns, spans)
            if slots is None:
                break
            rows = [(i, text, _placed(cells, slots, len(spans))) for i, text, cells in rows]
            for span, slot in zip(columns, slots, strict=True):
                spans[slot] = [min(span[0], spans[slot][0]), max(span[1], spans[slot][1])]
            columns = spans
            rows.append((k, label, numbers))
            continue
        slots = _slots(spans, columns)
        if slots is None:
            break
        for w, slot in zip(numbers, slots, strict=True):
            columns[slot] = [min(columns[slot][0], w[0].x0), max(columns[slot][1], w[-1].x1)]
        rows.append((k, label, _placed(numbers, slots, len(columns))))
    if any(a[1] >= b[0] for a, b in pairwise(columns)):
        return None
    return rows, columns


def _slots(spans: list[list[float]], columns: list[list[float]]) -> list[int] | None:
    """The column each span is printed in, left to right; None when a span is within none or several columns, or
    two share one."""
    slots: list[int] = []
    for a, b in spans:
        within = [i for i, (c, d) in enumerate(columns) if a <= d and b >= c]
        if len(within) != 1 or (slots and within[0] <= slots[-1]):
            return None
        slots.append(within[0])
    return slots


def _placed(cells: list[list[_Char]], slots: list[int], width: int) -> list[list[_Char]]:
    """The cells put in their columns (``slots``) of a row ``width`` columns wide; an empty cell where none is."""
    out: list[list[_Char]] = [[] for _ in range(width)]
    for cell, slot in zip(cells, slots, strict=True):
        out[slot] = cell
    return out


def _part_of_wider(lines: list[_Line], rows: list[_Row], columns: list[list[float]], height: float) -> bool:
    """Whether the row of figures printed next above or below the run (label lines between; not a page number,
    ``height`` the page's) has a figure outside the run's columns: the run is the rows of a wider table that leave
    a column blank (every one of them).

    Read on its own, the run's figures would be numbered by their count, not by the columns they are printed in
    (a figure of the third column would land in the second): its lines stay lines.
    """
    left = columns[0][0]
    for k, step in ((rows[0][0] - 1, -1), (rows[-1][0] + 1, 1)):
        while 0 <= k < len(lines) and not _figures(lines[k])[1] and lines[k].x1 < left - 0.5 * lines[k].height:
            k += step  # label text only
        if not 0 <= k < len(lines) or _page_marker(lines[k], height):
            continue
        numbers = _figures(lines[k])[1]
        if any(not any(w[0].x0 <= span[1] and w[-1].x1 >= span[0] for span in columns) for w in numbers):
            return True
    return False


def _page_marker(line: _Line, height: float) -> bool:
    """Whether the line is a page number ("- 3 -", "第3页", or a bare number in the page's margin), as the
    assembler drops it."""
    compact = line.text().replace(" ", "")
    return bool(_PAGE_MARKER.match(compact)) and (not compact.isdigit() or bool(height and _in_margin(line, height)))


def _bare_tables(number: int, lines: list[_Line], rows: list[_Row], floor: int) -> list[tuple[_Bare, int, int]]:
    """The tables of a run of rows, with the indexes of their first line and after their last.

    The run is one table when every row's label is clear (the usual case, labelled once). Otherwise the table is
    its longest stretch of rows from the first whose labels are clear, and the rows after may start another; a
    first row with no clear stretch of rows after it stays a line. A stretch whose labels are all printed on
    their rows' lines stays lines (they read as well as a grid).
    """
    centres = [_middle([c for w in numbers for c in w]) for _, _, numbers in rows]
    left = min(w[0].x0 for _, _, numbers in rows for w in numbers if w)  # the left edge of the figures
    found: list[tuple[_Bare, int, int]] = []

    def attempt(s: int, e: int) -> _Labelled | None:  # the table of rows s to e - 1
        return _bare_table_of(number, lines, rows, centres, s, e, left, floor)

    s = 0
    whole = attempt(0, len(rows)) if len(rows) >= _MIN_ROWS else None
    while len(rows) - s >= _MIN_ROWS:
        if whole is not None:
            e, result = len(rows), whole
        else:
            stretch = _longest_clear(attempt, s, len(rows))
            if stretch is None:
                s += 1  # no clear table starts at this row: it stays a line
                continue
            e, result = stretch
        table, first, end, wrapped = result
        # rows each printed on one line read as well as lines (and a label run into the next column's, as in
        # text laid out with tabs, reads better there): a grid only when some label is wrapped
        if wrapped:
            found.append((table, first, end))
            floor = end
        s, whole = e, None
    return found


_Labelled = tuple[_Bare, int, int, bool]


def _longest_clear(attempt: Callable[[int, int], _Labelled | None], s: int, e: int) -> tuple[int, _Labelled] | None:
    """The longest stretch of rows ``s`` to ``k - 1`` (k at most ``e``) that ``attempt(s, k)`` reads as a table, with
    what it gives; None when no stretch of at least three rows does.

    The stretch is grown by doubling and then narrowed by halving, which reads about ``log`` as many tables as
    there are rows instead of one per row dropped from the end: a longer stretch is taken to be clear only if the
    shorter ones are (a row's label is found among the lines beside it and its neighbours).
    """
    good, best, bad = 0, None, e + 1
    k = s + _MIN_ROWS
    while k < bad:
        result = attempt(s, min(k, e))
        if result is None:
            bad = min(k, e)
            break
        good, best = min(k, e), result
        if k >= e:
            break
        k = s + 2 * (k - s)
    if best is None:
        return None
    while bad - good > 1:
        middle = (good + bad) // 2
        result = attempt(s, middle)
        if result is None:
            bad = middle
        else:
            good, best = middle, result
    return good, best


def _bare_table_of(
    number: int,
    lines: list[_Line],
    rows: list[_Row],
    centres: list[float],
    s: int,
    e: int,
    left: float,
    floor: int,
    pitch: float = 0.0,
) -> _Labelled | None:
    """The table of the rows ``s`` to ``e - 1`` of a run with their labels, the indexes of its first line and after
    its last, and whether some label is printed (partly) on other lines than its figures; None when the labels
    are not clear.

    The label-only lines above the first row and below the last one are candidates as far as the first (last) row
    could reach were its neighbour a single line; those its label does not use stay lines. They never reach the
    figures of a row of the run left out of the table, nor, when that row's label is wrapped around its figures
    (its line holds no label), halfway to them: a label is never built from another row's lines. A table of a
    single row (continuing one on another page) reaches as if its neighbours were ``pitch`` away.
    """
    below, above = (centres[s + 1], centres[e - 2]) if e - s > 1 else (centres[s] - pitch, centres[s] + pitch)
    top, cut_top = _reach(centres[s], below, rows[s - 1] if s > 0 else None, centres[s - 1] if s else 0.0)
    bottom, cut_bottom = _reach(
        centres[e - 1], above, rows[e] if e < len(rows) else None, centres[e] if e < len(rows) else 0.0
    )
    mine = rows[s:e]
    first, end = mine[0][0], mine[-1][0] + 1
    while first > floor and lines[first - 1].x1 < left - 0.5 * lines[first - 1].height:
        if (lines[first - 1].y0 + lines[first - 1].y1) / 2 > top:
            break
        first -= 1
    while end < len(lines) and lines[end].x1 < left - 0.5 * lines[end].height:
        if (lines[end].y0 + lines[end].y1) / 2 < bottom:
            break
        end += 1
    in_rows = {k for k, _, _ in mine}
    label_lines = [(line, line.chars) for k, line in enumerate(lines[first:end], first) if k not in in_rows]
    label_lines += [(lines[k], label) for k, label, _ in mine if label]
    found = _bare_labels(label_lines, centres[s:e], (top, cut_top), (bottom, cut_bottom))
    if found is None:
        return None
    labels, taken = found
    used = set().union(*taken)
    wrapped = any(ids - {id(c) for c in lines[k].chars} for (k, _, _), ids in zip(mine, taken, strict=True))
    while first < mine[0][0] and not any(id(c) in used for c in lines[first].chars):
        first += 1  # a line above the table, not part of the first row's label
    while end > mine[-1][0] + 1 and not any(id(c) in used for c in lines[end - 1].chars):
        end -= 1
    out: list[list[_Text]] = []
    spans = [  # each column's, for a blank cell's box (a row of the run prints in all)
        (min(row[2][c][0].x0 for row in rows if row[2][c]), max(row[2][c][-1].x1 for row in rows if row[2][c]))
        for c in range(len(mine[0][2]))
    ]
    for text_box, (_, _, numbers) in zip(labels, mine, strict=True):
        low, high = text_box[1][1], text_box[1][3]
        if any(numbers):
            digits = [c for w in numbers for c in w]
            low, high = min(c.y0 for c in digits), max(c.y1 for c in digits)
        out.append(
            [text_box]
            + [
                (_Line(list(w)).text(), _box(w)) if w else ("", (a, low, b, high))
                for w, (a, b) in zip(numbers, spans, strict=True)
            ]
        )
    gap = (centres[s] - centres[e - 1]) / (e - s - 1) if e - s > 1 else None
    return _Bare(number, out, lines[first:end], gap), first, end, wrapped


def _reach(centre: float, inner: float, outer: _Row | None, outer_centre: float) -> tuple[float, float]:
    """How far beyond its figures (at ``centre``) the label of a table's first or last row may reach, and where
    its band ends, given the figures of the next row inside the table (at ``inner``) and the row of the run
    beyond it (left out of the table), if any.

    On its own a row reaches as far as it could were its neighbour a single line, and its band half as far. A row
    of the run beyond bounds both: at its figures when its label is printed on its line, else halfway to them
    (the lines beside its figures are its label).
    """
    far, band = centre + (centre - inner), centre + (centre - inner) / 2
    if outer is not None:
        limit = outer_centre if any(c.ch != " " for c in outer[1]) else (centre + outer_centre) / 2
        if inner < centre:  # the first row: its label reaches up
            far, band = min(far, limit), min(band, limit)
        else:
            far, band = max(far, limit), max(band, limit)
    return far, band


def _bare_labels(
    label_lines: list[tuple[_Line, list[_Char]]],
    centres: list[float],
    top: tuple[float, float],
    bottom: tuple[float, float],
) -> tuple[list[_Text], list[set[int]]] | None:
    """Each row's label (text and box) from the label characters of the table's lines, and the ids of the
    characters each uses; None when unclear. ``top`` holds how far up the first row's label may reach and where
    its band starts, ``bottom`` the same for the last row."""
    heights = sorted(c.y1 - c.y0 for _, chars in label_lines for c in chars if c.ch != " ")
    if not heights:
        return None
    size = heights[len(heights) // 2]  # the labels' character size
    # fragments: the label characters of a line, cut at gaps about a character wide (the space between columns;
    # punctuation leaves gaps of up to 0.75 em, its ink filling half its box). A gap holding a printed space is
    # spacing inside a text (3. 属于国家秘密): table cells are not separated by printed spaces.
    fragments: list[list[_Char]] = []
    spaced_before: set[int] = set()  # ids of the characters printed after a space
    for _, chars in label_lines:
        previous: _Char | None = None
        spaced = False
        for c in chars:
            if c.ch == " ":
                spaced = True
                continue
            if previous is None or (c.x0 - previous.x1 > 0.9 * size and not spaced):
                fragments.append([])
            elif spaced:
                spaced_before.add(id(c))
            fragments[-1].append(c)
            previous, spaced = c, False
    # label columns: where fragments start (a bracket's ink starts right of its box: a column is 0.8 em wide)
    starts: list[float] = []
    for x in sorted(f[0].x0 for f in fragments):
        if not starts or x - starts[-1] > 0.8 * size:
            starts.append(x)
        # else: the same column, its start stays the leftmost
    fragments = [piece for fragment in fragments for piece in _cut_at_columns(fragment, starts, size, spaced_before)]
    by_column: list[list[_Char]] = [[] for _ in starts]
    for fragment in fragments:
        by_column[bisect_right(starts, fragment[0].x0 + 0.5) - 1].extend(fragment)
    columns = [_Column(_lines(list(chars)) if chars else []) for chars in by_column]
    # the bands between the rows (halfway between their figures): a row's label is in the rightmost label column
    # printed in its band
    cuts = [top[1], *((a + b) / 2 for a, b in pairwise(centres)), bottom[1]]
    choice: list[int] = []
    for r in range(len(centres)):
        present = [k for k, col in enumerate(columns) if col.within(cuts[r + 1], cuts[r])]
        if not present:
            return None
        choice.append(max(present))
    labels: list[_Text] = []
    used: list[set[int]] = []
    r = 0
    while r < len(centres):  # rows reading the same label column one after the other share its lines
        s = r
        while r < len(centres) and choice[r] == choice[s]:
            r += 1
        high = top[0] if s == 0 else cuts[s]  # the first and the last row's labels may reach beyond their band
        low = bottom[0] if r == len(centres) else cuts[r]
        groups = _centred_split(columns[choice[s]].within(low, high), centres[s:r], s == 0, r == len(centres))
        if groups is None:
            return None
        for group in groups:
            chars = [c for line in group for c in line.chars]
            labels.append((_join([line.text() for line in group]), _box(chars)))
            used.append({id(c) for c in chars})
    return labels, used


def _cut_at_columns(fragment: list[_Char], starts: list[float], size: float, spaced: set[int]) -> list[list[_Char]]:
    """A fragment of label text cut where a character starts another label column, after a gap.

    Label columns printed close together (a group label wrapped in a narrow column beside the rows' labels) leave
    gaps narrower than a character between them, and their texts run into one fragment ("（三4.保护第三方"). Where
    a character begins within half a character of a column's start (found from the fragments starting there), a
    column other than the fragment's so far, after a gap from a character or digit (not punctuation, whose ink
    leaves gaps as wide inside a text, nor a printed space) 0.4 em wider than the narrowest such gap of the
    fragment, the next column's text begins. A label printed with its characters spread out (expanded spacing,
    distributed alignment: "（四）总 计") has gaps as wide between all its characters: one of them landing on a
    column's start does not cut it.
    """

    def column(x: float) -> int:
        return max(bisect_right(starts, x + 0.5) - 1, 0)

    def after_letter(a: _Char, b: _Char) -> bool:
        return (_is_cjk(a.ch) or a.ch.isalnum()) and id(b) not in spaced

    spacing = max(min((b.x0 - a.x1 for a, b in pairwise(fragment) if after_letter(a, b)), default=0.0), 0.0)
    pieces = [[fragment[0]]]
    for previous, c in pairwise(fragment):
        k = column(c.x0)
        if (
            k != column(pieces[-1][0].x0)
            and c.x0 - starts[k] <= 0.5 * size
            and c.x0 - previous.x1 > spacing + 0.4 * size
            and after_letter(previous, c)
        ):
            pieces.append([])
        pieces[-1].append(c)
    return pieces


class _Column:
    """The lines of one label column, found by the height of their middle (a bisection, not a scan per row)."""

    def __init__(self, lines: list[_Line]) -> None:
        self.lines = lines
        self.order = sorted(range(len(lines)), key=lambda i: -(lines[i].y0 + lines[i].y1) / 2)
        self.keys = [-(lines[i].y0 + lines[i].y1) / 2 for i in self.order]  # ascending: top to bottom

    def within(self, low: float, high: float) -> list[_Line]:
        """The lines whose middle is between ``low`` and ``high`` (bounds included), in their order."""
        found = self.order[bisect_left(self.keys, -high) : bisect_right(self.keys, -low)]
        return [self.lines[i] for i in sorted(found)]


def _centred_split(
    lines: list[_Line], centres: list[float], loose_head: bool = False, loose_tail: bool = False
) -> list[list[_Line]] | None:
    """Cut the lines (top to bottom) into one group per row, each group centred on its row's figures.

    Every row gets at least one line; the cut with the least total distance between a group's middle and its
    row's centre is kept, and refused (None) when some group is off by more than half a line. With
    ``loose_head`` (``loose_tail``) lines before the first group (after the last) may be left out — lines
    above (below) the table — at a small cost each, so that a line is left out only when it does not fit. The
    lines of a wrapped label follow each other a line apart (a third of a line's height between them): a group
    with more than a line's height between two of its lines (where another row's lines are) is not a label, even
    when centred on a row; nor is a group with a line after its first beginning with an item's number (三、,
    （三）, 3.), which begins another row's label (a row printing no figure, whose label would run into the
    labels beside it).

    A group within half a line of its row's centre lies below the figures of the row above and above those of
    the row below, give or take a line: only such groups are tried (when the lines are in order), so the work
    grows with the rows times the square of the lines beside one row, not with the rows times the square of all
    the lines. Every cut that would not be refused is among those tried: the cut kept is the same when clear.
    """
    n, m = len(centres), len(lines)
    if m < n:
        return None
    skip = 0.1  # points: the cost of leaving a line out

    # apart[i]: how many lines among the first i are further than a line's height above the next one
    apart = [0]
    for upper, lower in pairwise(lines):
        apart.append(apart[-1] + (upper.y0 - lower.y1 > max(upper.height, lower.height)))
    steps = [(upper.y0 + upper.y1 - lower.y0 - lower.y1) / 2 for upper, lower in pairwise(lines)]
    numbered = [0]  # numbered[i]: how many of the first i lines begin with an item's number
    for line in lines:
        numbered.append(numbered[-1] + bool(_ITEM_NUMBER.match(line.text())))

    def offset(a: int, b: int, row: int) -> float:  # lines a..b-1 for the row: how far off its centre
        return abs((lines[a].y1 + lines[b - 1].y0) / 2 - centres[row])

    def cost(a: int, b: int, row: int) -> float:  # the offset of lines a..b-1 for the row, when they are a label
        if apart[b - 1] != apart[a] or numbered[b] != numbered[a + 1]:
            return math.inf
        if b - a > 2 and max(steps[a : b - 1]) > 1.25 * min(steps[a : b - 1]):
            return math.inf
        return offset(a, b, row)

    # each row's group is among lines[lo[row]] to lines[hi[row]]
    lo, hi = [0] * n, [m - 1] * n
    keys = [-(line.y0 + line.y1) / 2 for line in lines]
    if all(a <= b for a, b in pairwise(keys)):
        margin = max(line.height for line in lines)
        for row in range(1, n):
            lo[row] = bisect_left(keys, -(centres[row - 1] + margin))
        for row in range(n - 1):
            hi[row] = bisect_right(keys, -(centres[row + 1] - margin)) - 1
    # best[rows][lines] = (cost, where the last group starts) for the first ``lines`` lines cut into ``rows`` groups
    best: list[dict[int, tuple[float, int]]] = [{a: (skip * a, a) for a in range(m if loose_head else 1)}]
    for row in range(n):
        here: dict[int, tuple[float, int]] = {}
        for b in range(max(row, lo[row]) + 1, hi[row] + 2):
            options = [(best[row][a][0] + cost(a, b, row), a) for a in range(lo[row], b) if a in best[row]]
            if options:
                here[b] = min(options)
        if not here:
            return None
        best.append(here)
    ends = [(total + skip * (m - b), -b) for b, (total, _) in best[n].items() if loose_tail or b == m]
    if not ends:
        return None
    b = -min(ends)[1]
    bounds: list[int] = [b]  # where each group starts, last to first, then where the last one ends
    for row in range(n, 0, -1):
        a = best[row][b][1]
        if cost(a, b, row - 1) > 0.5 * lines[a].height:
            return None
        bounds.append(a)
        b = a
    bounds.reverse()
    # a line as well placed with the row below as with its own (a note printed halfway between two rows) is not
    # part of either label: the cut is not clear
    for row in range(n - 1):
        a, b, c = bounds[row], bounds[row + 1], bounds[row + 2]
        kept = offset(a, b, row) + offset(b, c, row + 1)
        if b - a > 1 and offset(a, b - 1, row) + offset(b - 1, c, row + 1) <= kept + skip:
            return None
        if c - b > 1 and offset(a, b + 1, row) + offset(b + 1, c, row + 1) <= kept + skip:
            return None
    return [lines[a:b] for a, b in pairwise(bounds)]


class _Page:
    def __init__(self, number: int, height: float, blocks: list[tuple[float, _Line | _Region | _Bare]]) -> None:
        self.number = number
        self.height = height
        self.blocks = blocks  # (top y, block), top to bottom
        self.drawn = 0  # thin path objects found on the page
        self.rejoined: list[_Rejoined] = []  # figures wrapped in their cells, put back on their rows' lines


def _reason(exc: BaseException) -> str:
    """An exception's message fit to run on in a sentence: no trailing full stop.

    >>> _reason(ValueError("Failed to load document (PDFium: Data format error)."))
    'Failed to load document (PDFium: Data format error)'
    """
    return (str(exc) or type(exc).__name__).strip().rstrip("。.")


def read_pdf(data: bytes, *, name: str | None = None) -> SourceDocument:
    """Read a PDF with a text layer: running text as lines, tables (ruled, or clearly aligned) as expanded grids.

    ``name`` (a file name or URL) is used in messages. Raises :class:`~govdisclosure.errors.ReadError` when the
    bytes are not a readable PDF or the PDF has no usable text layer (scanned, image-only, or a broken font
    encoding), and :class:`~govdisclosure.errors.MissingDependencyError` when pypdfium2 is not installed.
    """
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as pdfium_c
    except ImportError as exc:
        raise MissingDependencyError("pypdfium2", "pdf", "reading PDF") from exc
    label = name or "the PDF input"
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ReadError(f"{label} must be given as bytes to be read as PDF, not {type(data).__name__}")
    raw = bytes(data)
    if not raw.strip():
        raise ReadError(f"{label} is empty: there is no PDF to read")
    try:
        document = pdfium.PdfDocument(raw)
    except (pdfium.PdfiumError, ValueError, OSError) as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise ReadError(
                f"{label} is protected by a password: open it with the password and save or print a copy without "
                "one, then read that"
            ) from exc
        raise ReadError(f"{label} cannot be opened as a PDF: {_reason(exc)}; check that the file is complete") from exc
    try:
        extracted = [_extract(document, index, pdfium_c) for index in range(len(document))]
    except (pdfium.PdfiumError, ValueError, OSError) as exc:
        raise ReadError(f"{label} cannot be read as a PDF: {_reason(exc)}; check that the file is complete") from exc
    finally:
        document.close()
    chars_seen = [[c.ch for c in chars] for _, chars, _, _, _ in extracted]
    _check_text(label, chars_seen)
    pages = [_layout(index + 1, *parts[:4]) for index, parts in enumerate(extracted)]
    for k, page in enumerate(pages):  # rows at a page break continuing a table without rulings on the other side
        rows = [b for _, b in page.blocks if not isinstance(b, _Line) or len(_figures(b)[1]) >= _MIN_VALUES]
        if not rows:
            continue
        edges = (  # only where the page starts (ends) with figures left as lines
            _edge(pages[k - 1], last=True) if k and isinstance(rows[0], _Line) else None,
            _edge(pages[k + 1]) if k + 1 < len(pages) and isinstance(rows[-1], _Line) else None,
        )
        if edges != (None, None):
            again = _layout(k + 1, *extracted[k][:4], edges=edges)
            if sum(isinstance(b, _Bare) for _, b in again.blocks) > sum(isinstance(b, _Bare) for _, b in page.blocks):
                pages[k] = again
    for first, second in pairwise(pages):  # a table without rulings over a page break, a column blank on one side
        _widen_over_break(_edge(first, last=True), _edge(second))
    notes = [
        SourceNote(
            code="pdf-no-text",
            message=f"page {i + 1} has no text layer (an image?); its content was not read",
            where=Where(page=i + 1),
        )
        for i, chars in enumerate(chars_seen)
        if not chars
    ]
    notes += [
        SourceNote(
            code="pdf-drawing",
            message=f"page {page.number} has {page.drawn} line segments, a drawing rather than a table: "
            "its text was read as lines",
            severity="info",
            where=Where(page=page.number),
        )
        for page in pages
        if page.drawn > _MAX_RULINGS
    ]
    notes += [
        SourceNote(
            code="pdf-page-turned",
            message=f"page {index + 1}: its text runs {_DIRECTIONS[parts[4]]} (a page printed turned); it was read "
            "turned upright, and positions on it are given on the upright page",
            severity="info",
            where=Where(page=index + 1),
        )
        for index, parts in enumerate(extracted)
        if parts[4]
    ]
    notes += [
        SourceNote(
            code="pdf-figure-rejoined",
            message=f"page {page.number}: the figure {figure!r} is printed over {len(parts)} lines of its narrow "
            f"cell ({' / '.join(parts)}, centred on its row); its parts were read as one figure",
            severity="info",
            where=Where(page=page.number, bbox=bbox),
        )
        for page in pages
        for figure, parts, bbox in page.rejoined
    ]
    blocks = _assemble(pages, notes)
    return SourceDocument(blocks=tuple(blocks), format="pdf", name=name, notes=tuple(notes))


def _edge(page: _Page, last: bool = False) -> _Edge | None:
    """The table without rulings a page starts with (ends with, when ``last``), as the side of a table that rows
    on the previous (next) page may continue; None when the page does not start (end) with one."""
    content = [b for _, b in page.blocks if not (isinstance(b, _Line) and _in_margin(b, page.height))]
    found = [(i, b) for i, b in enumerate(content) if isinstance(b, _Bare)]
    if not found:
        return None
    i, table = found[-1] if last else found[0]
    if last and i + 1 < len(content):
        return None  # something printed after it
    if not last and any(
        isinstance(b, _Region) or (isinstance(b, _Line) and len(_figures(b)[1]) >= _MIN_VALUES) for b in content[:i]
    ):
        return None  # figures printed before it
    return _Edge(table, [b.text() for b in content[:i] if isinstance(b, _Line)])


def _check_text(label: str, chars_per_page: list[list[str]]) -> None:
    text = "".join(ch for page in chars_per_page for ch in page)
    if not text:
        raise ReadError(f"{label} has no usable text layer (scanned or image-only PDF); OCR it first")
    cjk = sum(1 for ch in text if _is_cjk(ch))
    bad = sum(1 for ch in text if _is_bad(ch))
    if cjk == 0 or bad > 0.3 * len(text) or cjk < 0.05 * len(text):
        raise ReadError(
            f"{label} has no usable text layer (its characters are not readable Chinese text: "
            "scanned or image-only PDF, or a broken font encoding); OCR it first"
        )


_Rule = tuple[float, float, float]
_DIRECTIONS = {1: "top to bottom", 2: "upside down", 3: "bottom to top"}


def _extract(document: Any, index: int, pdfium_c: Any) -> tuple[float, list[_Char], list[_Rule], list[_Rule], int]:
    """The page's height, its characters and its thin path objects (horizontal and vertical rulings), turned
    upright when its text runs down, up or upside down (see :func:`_turned`), and the quarter turns that took."""
    page = document[index]
    try:
        width, height = float(page.get_width()), float(page.get_height())
        if page.get_rotation() in (90, 270):  # pdfium gives the size as shown; characters are placed on the sheet
            width, height = height, width
        textpage = page.get_textpage()
        try:
            count = textpage.count_chars()
            text = textpage.get_text_range(0, count) if count else ""
            if len(text) != count:  # surrogate pairs: fall back to one code point per character index
                text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i) or 0xFFFD) for i in range(count))
            chars: list[_Char] = []
            for i, ch in enumerate(text):
                if ch.isspace():
                    if ch != " " or pdfium_c.FPDFText_IsGenerated(textpage.raw, i):
                        continue  # line breaks and spaces pdfium made up: the geometry says where words are
                elif ch == "\x00":
                    continue
                x0, y0, x1, y1 = textpage.get_charbox(i)
                if x1 < x0 or y1 < y0:
                    continue
                chars.append(_Char(ch, x0, y0, x1, y1))
            quarter = _quarter(pdfium_c, textpage.raw, text)
        finally:
            textpage.close()
        horizontal: list[tuple[float, float, float]] = []
        vertical: list[tuple[float, float, float]] = []
        _collect_rulings(pdfium_c, page.raw, None, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), horizontal, vertical, 0)
    finally:
        page.close()
    if quarter:
        return (*_turned(quarter, width, height, chars, horizontal, vertical), quarter)
    return height, chars, horizontal, vertical, 0


_SAMPLE = 64  # characters whose direction is asked for, spread over the page
_TURNED = 0.8  # share of them running one other way that makes a page turned (a page printed turned is all turned)


def _quarter(pdfium_c: Any, textpage: Any, text: str) -> int:
    """Which way most of a page's text runs, in quarter turns clockwise from left-to-right: 0, 1 (top to bottom),
    2 (upside down) or 3 (bottom to top).

    A landscape page may be printed onto a portrait sheet with everything on it turned (a table too wide for the
    page, a printer driver turning landscape pages): its characters then follow each other down or up the page.
    The direction of a sample of the page's characters is asked of pdfium (their angle); the page is taken as
    turned when four in five of them run the same other way (a cover with a short upright title beside a longer
    note printed up its margin is not turned). Characters printed upright one under the other (a narrow header
    cell's stacked label) are upright, so they do not count as turned, and slanted ones (a watermark across the
    page) count for no direction.
    """
    step = max(1, len(text) // _SAMPLE)
    votes = [0, 0, 0, 0]
    seen = 0
    angle = pdfium_c.FPDFText_GetCharAngle
    for i in range(0, len(text), step):
        if text[i].isspace() or text[i] == "\x00":
            continue
        radians = angle(textpage, i)
        if radians < 0:  # pdfium could not tell
            continue
        seen += 1
        quarters = radians / (math.pi / 2)
        if abs(quarters - round(quarters)) < 0.1:  # slanted characters (a watermark) vote for no direction
            votes[round(quarters) % 4] += 1
    quarter = max(range(4), key=votes.__getitem__)
    return quarter if quarter and votes[quarter] >= _TURNED * seen else 0


def _turned(
    quarter: int, width: float, height: float, chars: list[_Char], horizontal: list[_Rule], vertical: list[_Rule]
) -> tuple[float, list[_Char], list[_Rule], list[_Rule]]:
    """A page turned upright: its height, characters and rulings in a frame where its text runs left to right.

    ``quarter`` is the direction of the text (:func:`_quarter`); the page is turned back that many quarter turns.
    Boxes keep the PDF's convention (origin bottom-left, y upwards) in the upright frame.

    >>> height, chars, h, v = _turned(1, 600, 800, [_Char("一", 100, 700, 110, 712)], [(400, 50, 90)], [])
    >>> height, [(c.x0, c.y0, c.x1, c.y1) for c in chars], h, v
    (600, [(88, 100, 100, 110)], [], [(400, 50, 90)])
    """

    def point(x: float, y: float) -> tuple[float, float]:
        if quarter == 1:  # text running down: turned anticlockwise
            return height - y, x
        if quarter == 3:  # text running up: turned clockwise
            return y, width - x
        return width - x, height - y  # upside down

    turned_chars = []
    for c in chars:
        (ax, ay), (bx, by) = point(c.x0, c.y0), point(c.x1, c.y1)
        turned_chars.append(_Char(c.ch, min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)))
    rules: tuple[list[_Rule], list[_Rule]] = ([], [])  # horizontal, vertical in the upright frame
    for across, segments in ((True, horizontal), (False, vertical)):
        for at, low, high in segments:
            (ax, ay), (bx, by) = (point(low, at), point(high, at)) if across else (point(at, low), point(at, high))
            if ay == by:  # horizontal once turned
                rules[0].append((ay, min(ax, bx), max(ax, bx)))
            else:
                rules[1].append((ax, min(ay, by), max(ay, by)))
    upright_height = width if quarter % 2 else height
    return upright_height, turned_chars, rules[0], rules[1]


def _layout(
    number: int,
    height: float,
    chars: list[_Char],
    horizontal: list[_Rule],
    vertical: list[_Rule],
    edges: tuple[_Edge | None, _Edge | None] = (None, None),
) -> _Page:
    """Tables from the rulings, characters into their cells, the rest into lines. ``edges``: the tables without
    rulings ending the previous page and starting the next one, which rows at the top or bottom may continue."""
    drawn = len(horizontal) + len(vertical)
    if drawn > _MAX_RULINGS:  # a drawing (a chart, a seal), not table rules: read the page as lines
        horizontal, vertical = [], []
    rulings = _Rulings(_merge_segments(horizontal), _merge_segments(vertical))
    regions = _regions(number, rulings) if rulings.h and rulings.v else []
    rest = chars
    kept = []
    for region in regions:
        rest = _assign(region, rest)
        if len(region.xs) > 2 and len(region.cells) > 1 and all(len(cell.text) <= 300 for cell in region.cells):
            kept.append(region)
        else:  # a frame around the page or around running text, or rules between lines: not a table grid
            rest.extend(ch for cell in region.cells for ch in cell.chars)
        for cell in region.cells:
            cell.chars = []
    regions = kept
    lines, rejoined = _rejoin_wrapped(_lines(rest))
    bare, lines = _borderless(number, lines, height, *edges)
    blocks: list[tuple[float, _Line | _Region | _Bare]] = [(line.y1, line) for line in lines]
    blocks += [(table.top, table) for table in bare]
    blocks += [(region.top, region) for region in regions]
    blocks.sort(key=lambda b: -b[0])
    page = _Page(number, height, blocks)
    page.drawn = drawn
    page.rejoined = rejoined
    return page


def _collect_rulings(
    pdfium_c: Any,
    page: Any,
    form: Any,
    matrix: tuple[float, float, float, float, float, float],
    horizontal: list[tuple[float, float, float]],
    vertical: list[tuple[float, float, float]],
    depth: int,
) -> None:
    """Thin path objects of a page (or of a form XObject on it, mapped by its matrix) as rulings."""
    box = (ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float())
    refs = [ctypes.byref(v) for v in box]
    count = pdfium_c.FPDFPage_CountObjects(page) if form is None else pdfium_c.FPDFFormObj_CountObjects(form)
    a, b, c, d, e, f = matrix
    for k in range(max(count, 0)):
        obj = pdfium_c.FPDFPage_GetObject(page, k) if form is None else pdfium_c.FPDFFormObj_GetObject(form, k)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 4:
            m = pdfium_c.FS_MATRIX()
            if pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
                inner = (  # the form's matrix, then the enclosing one
                    m.a * a + m.b * c,
                    m.a * b + m.b * d,
                    m.c * a + m.d * c,
                    m.c * b + m.d * d,
                    m.e * a + m.f * c + e,
                    m.e * b + m.f * d + f,
                )
                _collect_rulings(pdfium_c, page, obj, inner, horizontal, vertical, depth + 1)
            continue
        if kind != pdfium_c.FPDF_PAGEOBJ_PATH or not pdfium_c.FPDFPageObj_GetBounds(obj, *refs):
            continue
        x0, y0, x1, y1 = (v.value for v in box)
        if form is not None:  # bounds of objects inside a form are in the form's space
            xs = [a * x + c * y + e for x, y in ((x0, y0), (x0, y1), (x1, y0), (x1, y1))]
            ys = [b * x + d * y + f for x, y in ((x0, y0), (x0, y1), (x1, y0), (x1, y1))]
            x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        w, h = x1 - x0, y1 - y0
        if h <= _THIN and w > 3 * max(h, 1.0):
            horizontal.append(((y0 + y1) / 2, x0, x1))
        elif w <= _THIN and h > 3 * max(w, 1.0):
            vertical.append(((x0 + x1) / 2, y0, y1))


def _assemble(pages: list[_Page], notes: list[SourceNote]) -> list[SourceLine | SourceTable]:
    repeated = _repeated_margin_lines(pages)
    flow: list[tuple[int, _Line | _Region | _Bare]] = []
    for page in pages:
        for _top, block in page.blocks:
            if isinstance(block, _Line):
                text = block.text()
                compact = text.replace(" ", "")
                if _PAGE_MARKER.match(compact) and (
                    not compact.isdigit() or block.y1 < _MARGIN * page.height or block.y0 > (1 - _MARGIN) * page.height
                ):
                    continue
                if _margin_key(block, text, page) in repeated:
                    continue
            flow.append((page.number, block))
    # paragraphs: a line reaching the right edge of the text continues on the next, unindented, line
    # the text's margins (a table without rulings counts with the lines it was read from, as it did as lines)
    lines = [b for _, b in flow if isinstance(b, _Line | _Bare)]
    left = min((line.x0 for line in lines), default=0.0)
    right = max((line.x1 for line in lines), default=0.0)
    out: list[SourceLine | list[_Region] | _Bare] = []  # a list of regions: one table, possibly over several pages
    pending: list[tuple[int, _Line]] = []

    def flush() -> None:
        if pending:
            page_no, first = pending[0]
            text = _join([line.text() for _, line in pending])
            bbox = (first.x0, first.y0, first.x1, first.y1)
            out.append(SourceLine(text=text, where=Where(page=page_no, bbox=bbox)))
            pending.clear()

    for page_no, block in flow:
        if isinstance(block, _Region):
            flush()
            previous = out[-1] if out and isinstance(out[-1], list) else None
            if previous is not None and _continues(previous[-1], block):
                previous.append(block)
            else:
                out.append([block])
            continue
        if isinstance(block, _Bare):
            flush()
            out.append(block)
            continue
        if pending:
            last = pending[-1][1]
            size = last.height
            wide = right - left > 15 * size  # a column of running text, not a few short lines
            block.text()  # sets block.gapped
            if (
                last.gapped
                or block.gapped
                or not (wide and last.x1 >= right - 1.5 * size and block.x0 <= left + 0.6 * size)
            ):
                flush()
        pending.append((page_no, block))
    flush()
    result: list[SourceLine | SourceTable] = []
    count = 0
    for item in out:
        if isinstance(item, list):
            result.append(_table(item, count, notes))
            count += 1
        elif isinstance(item, _Bare):
            result.append(_bare_table(item, count))
            count += 1
        else:
            result.append(item)
    return result


def _continues(previous: _Region, region: _Region) -> bool:
    return (
        region.page == previous.page + 1
        and abs(previous.xs[0] - region.xs[0]) <= 3 * _TOL
        and abs(previous.xs[-1] - region.xs[-1]) <= 3 * _TOL
    )


def _margin_key(line: _Line, text: str, page: _Page) -> str | None:
    if line.y1 < _MARGIN * page.height:
        where = "bottom"
    elif line.y0 > (1 - _MARGIN) * page.height:
        where = "top"
    else:
        return None
    return where + ":" + re.sub(r"\d+", "#", text.replace(" ", ""))


def _repeated_margin_lines(pages: list[_Page]) -> set[str]:
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        keys = {_margin_key(b, b.text(), page) for _, b in page.blocks if isinstance(b, _Line)}
        counts.update(k for k in keys if k)
    return {key for key, n in counts.items() if n >= 2 and n >= len(pages) / 2}


def _repeated_header(cells: list[_Cell], start: int, height: int) -> int:
    """How many rows from ``start`` repeat the table's first rows (at most 3, never the whole part)."""

    def row(r: int) -> tuple[str, ...]:
        return tuple(c.text for c in sorted((c for c in cells if c.r0 <= r < c.r1), key=lambda c: c.c0))

    n = 0
    for i in range(min(3, height - 1)):
        first = row(i)
        if not any(first) or row(start + i) != first:
            break
        n = i + 1
    while n and any(start <= c.r0 < start + n < c.r1 for c in cells):  # a cell reaching below: not a header
        n -= 1
    return n


def _table(parts: list[_Region], index: int, notes: list[SourceNote]) -> SourceTable:
    xs = _cluster([x for part in parts for x in part.xs])
    width = len(xs) - 1

    def column(x: float) -> int:
        i = bisect_right(xs, x)
        return i if i < len(xs) and (i == 0 or xs[i] - x < x - xs[i - 1]) else i - 1

    cells: list[_Cell] = []
    offset = 0
    for k, part in enumerate(parts):
        previous_open = {(c.c0, c.c1): c for c in cells if c.open_bottom and c.r1 == offset} if k else {}
        for cell in part.cells:
            placed = _Cell(
                cell.page, cell.r0 + offset, cell.r1 + offset, column(cell.bbox[0]), column(cell.bbox[2]), cell.bbox
            )
            placed.text, placed.open_top, placed.open_bottom = cell.text, cell.open_top, cell.open_bottom
            above = previous_open.get((placed.c0, placed.c1)) if placed.open_top else None
            if above is not None:  # the same printed cell, cut by the page break
                above.r1 = placed.r1
                above.text = _join([above.text, placed.text])
                above.open_bottom = placed.open_bottom
                continue
            cells.append(placed)
        height = len(part.ys) - 1
        repeated = _repeated_header(cells, offset, height) if k else 0
        if repeated:  # the header rows printed again on the new page: keep them once
            cells = [kept for kept in cells if not (offset <= kept.r0 and kept.r1 <= offset + repeated)]
            for moved in cells:
                if moved.r0 >= offset + repeated:
                    moved.r0, moved.r1 = moved.r0 - repeated, moved.r1 - repeated
            notes.append(
                SourceNote(
                    code="pdf-repeated-header",
                    message=f"table {index + 1}: {repeated} header row(s) repeated on page {part.page} were dropped",
                    severity="info",
                    where=Where(page=part.page, table=index),
                )
            )
        offset += height - repeated
    grid: dict[tuple[int, int], SourceCell] = {}
    for cell in cells:
        rowspan, colspan = cell.r1 - cell.r0, max(cell.c1 - cell.c0, 1)
        # every position of a spanning cell points at the printed cell (its top-left position)
        where = Where(page=cell.page, bbox=cell.bbox, table=index, row=cell.r0, col=cell.c0)
        origin = SourceCell(text=cell.text, where=where, rowspan=rowspan, colspan=colspan)
        covered = SourceCell(text=cell.text, where=where, rowspan=rowspan, colspan=colspan, spanned=True)
        for r in range(cell.r0, cell.r1):
            for c in range(cell.c0, cell.c0 + colspan):
                if (r, c) not in grid:
                    grid[(r, c)] = covered if (r, c) != (cell.r0, cell.c0) else origin
    rows = tuple(
        tuple(grid.get((r, c), SourceCell(text="", where=Where(table=index, row=r, col=c))) for c in range(width))
        for r in range(offset)
    )
    first = parts[0]
    pages = sorted({p.page for p in parts})
    if len(pages) > 1:
        notes.append(
            SourceNote(
                code="pdf-table-joined",
                message=f"table {index + 1} continues over pages {pages[0]} to {pages[-1]}; its parts were joined",
                severity="info",
                where=Where(page=first.page, table=index),
            )
        )
    return SourceTable(rows=rows, where=Where(page=first.page, bbox=first.bbox, table=index))


def _bare_table(table: _Bare, index: int) -> SourceTable:
    """A table printed without rulings as a grid: the label, then the figures, one row per printed row."""
    rows = tuple(
        tuple(
            SourceCell(text=text, where=Where(page=table.page, bbox=bbox, table=index, row=r, col=c))
            for c, (text, bbox) in enumerate(row)
        )
        for r, row in enumerate(table.rows)
    )
    return SourceTable(rows=rows, where=Where(page=table.page, bbox=table.bbox, table=index))
