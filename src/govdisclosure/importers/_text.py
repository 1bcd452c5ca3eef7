"""Format readers for plain text and Markdown: lines and tables, nothing interpreted.

Tab-separated lines become a table (a copy of a Word table pasted as text), Markdown pipe rows become a table
(separator rows dropped), a box-drawn table (│ bars, ─ rules) becomes a table with the lines of a wrapped cell
joined, everything else is a line; Markdown heading marks and bold marks are removed, and page
markers left by PDF extraction ("- 1 -", "— 2 —") are dropped. Form feeds (page breaks) end a line. Labels and
numbers are left to the assembler.

>>> doc = read_text("## 四、政府信息公开行政复议、行政诉讼情况\\n| 1 | 0 |\\n|---|---|\\n| 2 | 3 |")
>>> [type(b).__name__ for b in doc.blocks]
['SourceLine', 'SourceTable']
>>> doc.blocks[1].rows[1][1].text, str(doc.blocks[1].rows[1][1].where)
('3', 'line 4:7, table 1, row 2, column 2')
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise
from typing import Final

from ._source import SourceCell, SourceDocument, SourceLine, SourceTable, Where, grid_cell, line_where

__all__ = ["read_markdown", "read_text"]

_PAGE_MARK: Final = re.compile("^\\s*[-—\u2013－]\\s*\\d{1,3}\\s*[-—\u2013－]\\s*$")
_SEPARATOR: Final = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HEADING: Final = re.compile(r"^\s*#{1,6}\s*")


_BOX_RULE: Final = re.compile("^\\s*[┌├└╞╘╒][─━┬┴┼┐┤┘╤╧╪═\\s]*$")
"""A horizontal rule of a box-drawn table (as the text renderer draws them)."""
_BOX_SPLIT: Final = re.compile("[│├┤┼╪┬┴]")
_BOX_DRAWING: Final = re.compile("^[─━┬┴┼┐┌┘└├┤═\\s]*$")


def _box_cells(line: str) -> list[tuple[int, str]]:
    """(1-based column, text) of each cell of a box-drawn table line; pieces of rules inside it are blank cells."""
    out: list[tuple[int, str]] = []
    bounds = [m.start() for m in _BOX_SPLIT.finditer(line)]
    for a, b in pairwise(bounds):
        part = line[a + 1 : b]
        text = "" if _BOX_DRAWING.match(part) else part.strip()
        out.append((a + 2 + (len(part) - len(part.lstrip())), text))
    return out


def _bar_columns(line: str) -> tuple[int, ...]:
    """Display columns of the bars of a box-drawn line (wide characters count two)."""
    out: list[int] = []
    width = 0
    for ch in line:
        if _BOX_SPLIT.match(ch):
            out.append(width)
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return tuple(out)


def _box_rows(band: list[tuple[int, str]]) -> list[tuple[int, list[tuple[int, str]]]]:
    """Rows of a box-drawn table from lines between two rules: one row when the lines share their bars (a cell
    wrapped over several lines, its pieces joined), else one row per line."""
    bars = {_bar_columns(line) for _, line in band}
    rows = [(number, _box_cells(line)) for number, line in band]
    if len(band) < 2 or len(bars) != 1:
        return rows
    first_number, first = rows[0]
    merged = [(col, "".join(cells[i][1] for _, cells in rows)) for i, (col, _) in enumerate(first)]
    return [(first_number, merged)]


def _cells(line: str, pipe: bool) -> list[tuple[int, str]]:
    """(1-based column, text) of each cell of a table line."""
    out: list[tuple[int, str]] = []
    if pipe:
        body = line.strip()
        offset = line.index(body[0]) if body else 0
        parts = body.split("|")
        if parts and parts[0] == "":
            parts = parts[1:]
            offset += 1
        if parts and parts[-1].strip() == "":
            parts = parts[:-1]
    else:
        parts, offset = line.split("\t"), 0
    for part in parts:
        out.append((offset + 1 + (len(part) - len(part.lstrip())), part.strip()))
        offset += len(part) + 1
    return out


def _table(rows: list[tuple[int, list[tuple[int, str]]]], index: int) -> SourceTable:
    width = max(len(cells) for _, cells in rows)
    grid: list[tuple[SourceCell, ...]] = []
    for r, (line_no, cells) in enumerate(rows):
        row = [
            grid_cell(text, line_where(line_no, col, index, r, c, None), 1, 1, False)
            for c, (col, text) in enumerate(cells)
        ]
        row += [  # the line ended before the widest row: cells added to square the grid, marked as such
            grid_cell("", line_where(line_no, None, index, r, c, "padding"), 1, 1, False)
            for c in range(len(row), width)
        ]
        grid.append(tuple(row))
    return SourceTable(tuple(grid), Where(line=rows[0][0], table=index))


def read_text(text: str, *, name: str | None = None, markdown: bool = False) -> SourceDocument:
    """Read plain text (or Markdown, with ``markdown=True``) into a :class:`SourceDocument`."""
    blocks: list[SourceLine | SourceTable] = []
    pending: list[tuple[int, list[tuple[int, str]]]] = []
    pending_pipe = False
    band: list[tuple[int, str]] = []  # lines of a box-drawn table since its last rule
    tables = 0

    def flush() -> None:
        nonlocal tables
        if pending:
            blocks.append(_table(pending, tables))
            tables += 1
            pending.clear()

    numbered = (
        (number, piece)
        for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1)
        for piece in raw.split("\f")
    )
    for number, raw in numbered:
        line = raw.rstrip()
        if not line.strip():
            continue  # blank lines do not end a table: copies often have one inside
        if _PAGE_MARK.match(line):
            continue
        if _BOX_RULE.match(line):
            pending.extend(_box_rows(band))  # a rule between rows of a box-drawn table: the table goes on
            band.clear()
            continue
        if line.lstrip().startswith("│"):  # a row of a box-drawn table: read as the cells between its bars
            if pending and not pending_pipe:
                flush()
            pending_pipe = True
            if "─" in line:  # a rule across some columns: a row of its own, and the end of the lines above
                pending.extend(_box_rows(band))
                band.clear()
                pending.append((number, _box_cells(line)))
            else:
                band.append((number, line))
            continue
        pending.extend(_box_rows(band))
        band.clear()
        pipe = line.lstrip().startswith("|") and line.count("|") >= 2
        if pipe and _SEPARATOR.match(line):
            continue
        if pipe or "\t" in line:
            if pending and pipe != pending_pipe:
                flush()
            pending_pipe = pipe
            # trailing tabs are cells printed blank (a copied Word row), not the end of the row: keep them
            pending.append((number, _cells(line if pipe else raw.rstrip(" \u3000\r\v"), pipe)))
            continue
        flush()
        kind: str = "text"
        if _HEADING.match(line):
            line, kind = _HEADING.sub("", line), "heading"
        line = line.replace("**", "").strip()
        if line:
            blocks.append(SourceLine(line, Where(line=number), "heading" if kind == "heading" else "text"))
    pending.extend(_box_rows(band))
    flush()
    return SourceDocument(tuple(blocks), "markdown" if markdown else "text", name)


def read_markdown(text: str, *, name: str | None = None) -> SourceDocument:
    """Read Markdown (pipe tables, ``#`` headings) into a :class:`SourceDocument`."""
    return read_text(text, name=name, markdown=True)
