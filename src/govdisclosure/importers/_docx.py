"""Read a report written in Word (.docx) into a :class:`~govdisclosure.importers._source.SourceDocument`.

The body's paragraphs become :class:`SourceLine` blocks (headings by their paragraph style) and its tables
:class:`SourceTable` grids, in document order. Merged cells are expanded from Word's own markup: a horizontal merge
is one ``w:tc`` spanning several grid columns (``w:gridSpan``), a vertical merge a ``w:tc`` marked ``restart``
followed by ``continue`` cells below it (``w:vMerge``); every grid position a merged cell covers repeats it. A
table of one cell is a frame around text: its content is read as running text. Nothing is interpreted.
python-docx is an optional dependency (``pip install 'govdisclosure[docx]'``).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any, Final

from ..errors import MissingDependencyError, ReadError
from ._source import SourceCell, SourceDocument, SourceLine, SourceNote, SourceTable, Where

__all__ = ["read_docx"]

_OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADING_STYLES: Final = ("heading", "title", "标题")
_TITLE_LIKE: Final = re.compile(r"(政府信息公开|政务公开).{0,12}(年度报告|年报)|年度报告$")
_SITE_SUFFIX: Final = re.compile(r"\s*[_|\uff5c]\s*|\s+[-－—]\s+")


def read_docx(data: bytes, *, name: str | None = None) -> SourceDocument:
    """Read a Word document holding a report: its paragraphs as lines and its tables as expanded grids.

    ``name`` (a file name or URL) is used in messages. Raises :class:`~govdisclosure.errors.ReadError` when the
    bytes are not a Word document (a legacy ``.doc`` file, not a zip package, no document part), and
    :class:`~govdisclosure.errors.MissingDependencyError` when python-docx is not installed.
    """
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as exc:
        raise MissingDependencyError("python-docx", "docx", "reading Word files") from exc
    label = name or "the Word input"
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ReadError(f"{label} must be given as bytes to be read as a Word document, not {type(data).__name__}")
    raw = bytes(data)
    if not raw:
        raise ReadError(f"{label} is empty: there is no Word document to read")
    if raw.startswith(_OLE_MAGIC):
        raise ReadError(
            f"{label} is a legacy Word 97-2003 (.doc) file: open it in Word or LibreOffice and save it as .docx"
        )
    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise ReadError(f"{label} cannot be read as a Word (.docx) document ({exc}); check that it is one") from exc
    reader = _Reader(name, _style_names(document.styles.element))
    reader.container(document.element.body)
    title = _document_title(document.core_properties.title)
    first = [b.text for b in reader.blocks[:3] if isinstance(b, SourceLine)]
    if title and not any(title in text or (len(text) >= 6 and text in title) for text in first):
        reader.blocks.insert(0, SourceLine(text=title, kind="heading", where=Where(detail="document title")))
    return SourceDocument(tuple(reader.blocks), "docx", name, tuple(reader.notes))


def _document_title(title: str | None) -> str | None:
    """The title in the document's properties when it names an annual report (a web page saved from a browser
    or converted keeps the page title there, site name after it): ``某区2022年度政府信息公开工作年度报告``."""
    if not title:
        return None
    head = _SITE_SUFFIX.split(title.strip(), maxsplit=1)[0].strip()
    return head if 6 <= len(head) <= 80 and _TITLE_LIKE.search(head) else None


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


_RUNS: Final = "w:r | w:hyperlink/w:r | w:ins/w:r | w:smartTag/w:r | w:sdt/w:sdtContent/w:r | w:fldSimple/w:r"
"""The runs of a paragraph whose text is printed: direct, in links, tracked insertions, tags, controls, fields."""
_CELL_PARAGRAPHS: Final = "w:p | w:sdt/w:sdtContent/w:p"
"""The paragraphs of a table cell, those in content controls included (nested tables are left out)."""


def _text(paragraph: Any) -> str:
    """The text of a ``w:p`` element: its runs with tabs and line breaks (deleted text and text boxes left out)."""
    return "".join(str(run.text) for run in paragraph.xpath(_RUNS))


def _style_names(styles: Any) -> dict[str, str]:
    """Style id -> style name (the ids of localised Word differ from the names)."""
    names: dict[str, str] = {}
    for style in styles.iterchildren(_qn("w:style")):
        name = style.find(_qn("w:name"))
        if name is not None:
            names[str(style.get(_qn("w:styleId")))] = str(name.get(_qn("w:val")))
    return names


class _Reader:
    def __init__(self, name: str | None, style_names: dict[str, str]) -> None:
        self.name = name
        self.style_names = style_names
        self.blocks: list[SourceLine | SourceTable] = []
        self.notes: list[SourceNote] = []
        self.paragraphs = 0
        self.tables = 0
        self._styles: dict[str, bool] = {}

    def container(self, element: Any) -> None:
        """Paragraphs and tables of a body or a frame cell, in order (content controls looked into)."""
        p, tbl, sdt = _qn("w:p"), _qn("w:tbl"), _qn("w:sdt")
        for child in element.iterchildren():
            if child.tag == p:
                self.paragraph(child)
            elif child.tag == tbl:
                self.table(child)
            elif child.tag == sdt:
                content = child.find(_qn("w:sdtContent"))
                if content is not None:
                    self.container(content)

    def paragraph(self, element: Any) -> None:
        self.paragraphs += 1
        text = _text(element)
        if not text.strip():
            return
        where = Where(detail=f"paragraph {self.paragraphs}")
        self.blocks.append(SourceLine(text=text, where=where, kind="heading" if self._is_heading(element) else "text"))

    def _is_heading(self, element: Any) -> bool:
        ppr = element.pPr
        if ppr is None:
            return False
        level = ppr.find(_qn("w:outlineLvl"))
        if level is not None:
            return bool(level.get(_qn("w:val")) != "9")  # level 9 is body text
        style = ppr.pStyle
        if style is None:
            return False
        style_id = str(style.val)
        known = self._styles.get(style_id)
        if known is None:
            found = self.style_names.get(style_id, style_id).lower()
            known = self._styles[style_id] = found.startswith(_HEADING_STYLES)
        return known

    def table(self, element: Any) -> None:
        index = self.tables
        grid, ragged = _expand(element)
        if not grid:
            return
        height = max(r for r, _ in grid) + 1
        width = max(c for _, c in grid) + 1
        if height * width == 1:  # a frame around text: read what is inside
            self.container(grid[(0, 0)])
            return
        self.tables += 1
        origins: dict[Any, tuple[int, int, int, int]] = {}
        for (r, c), tc in grid.items():
            r0, c0, r1, c1 = origins.get(tc, (r, c, r, c))
            origins[tc] = (min(r0, r), min(c0, c), max(r1, r), max(c1, c))
        texts = {tc: "\n".join(_text(p) for p in tc.xpath(_CELL_PARAGRAPHS)) for tc in origins}
        nested = sum(1 for tc in origins if tc.find(".//" + _qn("w:tbl")) is not None)
        rows: list[tuple[SourceCell, ...]] = []
        blank = SourceCell(text="", where=Where(table=index, detail="padding"))
        for r in range(height):
            row: list[SourceCell] = []
            for c in range(width):
                tc = grid.get((r, c))
                if tc is None:
                    row.append(blank)
                    continue
                r0, c0, r1, c1 = origins[tc]
                row.append(
                    SourceCell(
                        text=texts[tc],
                        where=Where(table=index, row=r0, col=c0),
                        rowspan=r1 - r0 + 1,
                        colspan=c1 - c0 + 1,
                        spanned=(r, c) != (r0, c0),
                    )
                )
            rows.append(tuple(row))
        where = Where(table=index)
        if ragged:
            listed = ", ".join(str(r + 1) for r in ragged[:10]) + (", …" if len(ragged) > 10 else "")
            self.notes.append(
                SourceNote(
                    code="docx-ragged-rows",
                    message=f"table {index + 1}: rows {listed} have fewer cells than the widest row ({width}); "
                    "padded with empty cells",
                    severity="info",
                    where=where,
                )
            )
        if nested:
            self.notes.append(
                SourceNote(
                    code="docx-nested-table",
                    message=f"table {index + 1}: {nested} cell(s) hold a table of their own; read as the cell's text",
                    where=where,
                )
            )
        self.blocks.append(SourceTable(rows=tuple(rows), where=where))


def _expand(tbl: Any) -> tuple[dict[tuple[int, int], Any], list[int]]:
    """Grid position -> the ``w:tc`` printed there, and the rows with empty grid positions.

    A ``continue`` cell of a vertical merge points at the cell above it; rows that start late (``w:gridBefore``)
    or whose cells do not reach the last column leave positions empty.
    """
    grid: dict[tuple[int, int], Any] = {}
    tc_tag, tr_tag = _qn("w:tc"), _qn("w:tr")
    rows = [tr for tr in tbl.iterchildren() if tr.tag == tr_tag]
    width = 0
    for r, tr in enumerate(rows):
        c = int(getattr(tr, "grid_before", 0) or 0)
        for tc in tr.iterchildren(tc_tag):
            span = max(int(tc.grid_span or 1), 1)
            owner = tc
            if tc.vMerge == "continue" and (r - 1, c) in grid:
                owner = grid[(r - 1, c)]
            for dc in range(span):
                grid[(r, c + dc)] = owner
            c += span
        width = max(width, c)
    ragged = [r for r in range(len(rows)) if any((r, c) not in grid for c in range(width))]
    return grid, ragged
