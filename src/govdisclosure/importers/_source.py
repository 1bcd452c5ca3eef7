"""The intermediate form every importer produces: a document as blocks of text and grids of cells.

Format readers (text, Markdown, HTML, PDF) turn a file into a :class:`SourceDocument` — paragraphs and tables,
each cell with its raw printed text and where it was found — and one shared assembler turns that into a
:class:`~govdisclosure.Report` with notes and provenance. Readers do not interpret labels or numbers; the
assembler does, the same way for every format.
"""

from __future__ import annotations

from typing import Any, Final, Literal

import attrs

__all__ = ["SourceCell", "SourceDocument", "SourceLine", "SourceNote", "SourceTable", "Where"]


@attrs.frozen
class Where:
    """Where something was found in the source, as precisely as the format allows.

    ``line``/``column`` are 1-based positions in text sources; ``page`` (1-based) and ``bbox`` (x0, y0, x1, y1 in
    PDF points, origin bottom-left) in PDFs; ``table``/``row``/``col`` are 0-based positions in the expanded grid
    of the n-th table of the document. ``detail`` holds anything else worth saying (an XPath, a span).
    """

    line: int | None = None
    column: int | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    detail: str | None = None

    def __str__(self) -> str:
        parts = []
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.line is not None:
            parts.append(f"line {self.line}" + (f":{self.column}" if self.column is not None else ""))
        if self.table is not None:
            parts.append(f"table {self.table + 1}")
            if self.row is not None:
                parts.append(f"row {self.row + 1}")
            if self.col is not None:
                parts.append(f"column {self.col + 1}")
        if self.detail:
            parts.append(self.detail)
        return ", ".join(parts) or "unknown position"


@attrs.frozen
class SourceCell:
    """One cell of an expanded grid: the text as printed (whitespace inside kept) and its origin.

    A cell covered by a rowspan/colspan is repeated in every grid position it covers, with ``spanned`` True
    everywhere but its top-left position, and ``rowspan``/``colspan`` giving the size of the original cell.
    """

    text: str
    where: Where = Where()
    rowspan: int = 1
    colspan: int = 1
    spanned: bool = False


@attrs.frozen
class SourceTable:
    """A table as a rectangular grid of cells (spans expanded), in reading order."""

    rows: tuple[tuple[SourceCell, ...], ...]
    where: Where = Where()


@attrs.frozen
class SourceLine:
    """A line or paragraph of running text outside tables (headings, narrative, metadata)."""

    text: str
    where: Where = Where()
    kind: Literal["text", "heading"] = "text"


@attrs.frozen
class SourceNote:
    """Something a format reader noticed (a PDF page without text, an undecodable byte, an image table)."""

    code: str
    """Stable identifier, e.g. ``pdf-no-text``."""
    message: str
    severity: Literal["error", "warning", "info"] = "warning"
    where: Where = Where()


@attrs.frozen
class SourceDocument:
    """A document read by a format reader: its blocks in reading order (lines and tables interleaved)."""

    blocks: tuple[SourceLine | SourceTable, ...]
    format: Literal["text", "markdown", "html", "pdf", "docx"]
    name: str | None = None
    """File name or URL, when known."""
    notes: tuple[SourceNote, ...] = ()
    """What the format reader noticed; the assembler passes these on as import notes."""


def _slot_setters(cls: type, names: tuple[str, ...]) -> tuple[Any, ...]:
    """The slot setters of a frozen attrs class, checked against its fields (a changed class fails at import)."""
    fields = tuple(field.name for field in attrs.fields(cls))
    if fields != names:  # pragma: no cover - a guard for whoever changes the classes above
        raise TypeError(f"{cls.__name__} fields changed: {fields}; update the fast builders in _source.py")
    return tuple(cls.__dict__[name].__set__ for name in names)


_WHERE_SET: Final = _slot_setters(Where, ("line", "column", "page", "bbox", "table", "row", "col", "detail"))
_CELL_SET: Final = _slot_setters(SourceCell, ("text", "where", "rowspan", "colspan", "spanned"))
_new = object.__new__


def grid_where(table: int, row: int, col: int, detail: str | None) -> Where:
    """``Where(table=table, row=row, col=col, detail=detail)``, built faster (one per table cell read).

    >>> grid_where(0, 1, 2, "/table/tr[2]/td[3]") == Where(table=0, row=1, col=2, detail="/table/tr[2]/td[3]")
    True
    """
    where = _new(Where)
    s_line, s_column, s_page, s_bbox, s_table, s_row, s_col, s_detail = _WHERE_SET
    s_line(where, None)
    s_column(where, None)
    s_page(where, None)
    s_bbox(where, None)
    s_table(where, table)
    s_row(where, row)
    s_col(where, col)
    s_detail(where, detail)
    return where


def line_where(line: int, column: int | None, table: int, row: int, col: int, detail: str | None) -> Where:
    """``Where(line=line, column=column, table=table, row=row, col=col, detail=detail)``, built faster.

    >>> line_where(3, 5, 0, 1, 2, None) == Where(line=3, column=5, table=0, row=1, col=2)
    True
    """
    where = _new(Where)
    s_line, s_column, s_page, s_bbox, s_table, s_row, s_col, s_detail = _WHERE_SET
    s_line(where, line)
    s_column(where, column)
    s_page(where, None)
    s_bbox(where, None)
    s_table(where, table)
    s_row(where, row)
    s_col(where, col)
    s_detail(where, detail)
    return where


def grid_cell(text: str, where: Where, rowspan: int, colspan: int, spanned: bool) -> SourceCell:
    """``SourceCell(text=text, where=where, rowspan=rowspan, colspan=colspan, spanned=spanned)``, built faster.

    >>> grid_cell("3", Where(), 1, 2, False) == SourceCell(text="3", colspan=2)
    True
    """
    cell = _new(SourceCell)
    s_text, s_where, s_rowspan, s_colspan, s_spanned = _CELL_SET
    s_text(cell, text)
    s_where(cell, where)
    s_rowspan(cell, rowspan)
    s_colspan(cell, colspan)
    s_spanned(cell, spanned)
    return cell


def table_cell(text: str, table: int, row: int, col: int, detail: str | None) -> SourceCell:
    """``SourceCell(text=text, where=Where(table=table, row=row, col=col, detail=detail))``: the commonest cell of
    a grid (no span).

    >>> table_cell("3", 0, 1, 2, "/td") == SourceCell(text="3", where=Where(table=0, row=1, col=2, detail="/td"))
    True
    """
    return grid_cell(text, grid_where(table, row, col, detail), 1, 1, False)
