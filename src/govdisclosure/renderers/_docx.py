"""Word (.docx) rendering: the official tables with Word's merged cells, and the whole report as a document.

Tables are drawn from the same span-aware :class:`~govdisclosure.renderers.Grid` as the text and HTML renderers,
so 表二 (14 by 4), 表三 (28 by 10) and 表四 (4 by 15) have the grid sizes and merged cells of the circulated blank
template. python-docx is an optional dependency (``pip install 'govdisclosure[docx]'``), imported on first use.
The bytes written are reproducible: the same report gives the same file.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING, Any, Final

from ..errors import MissingDependencyError
from ..model import Report
from ._findings import FindingIndex, Findings
from ._grid import Cell, Grid, Mark, display_width, wrap_text
from ._layouts import RenderError, TableContext, report_table, table_context, table_grid
from ._report import paragraphs, preamble, sections
from ._text import footnote

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

__all__ = ["SHADING", "DocxRenderer"]

SHADING: Final = {"error": "FDE2E2", "warning": "FFF3C4", "info": "E3EEFC"}
"""Cell background (hex RGB) of a cell flagged by a finding, by the worst severity on it."""

_SEVERITY_ORDER: Final = {"error": 0, "warning": 1, "info": 2}
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_FIXED_TIME: Final = (1980, 1, 1, 0, 0, 0)

# page: A4 with the margins of GB/T 9704 (official documents), in twentieths of a point (twips)
_TWIPS_PER_CM: Final = 1440 / 2.54
_PAGE: Final = {"width": 21.0, "height": 29.7, "top": 3.7, "bottom": 3.5, "left": 2.8, "right": 2.6}
_TEXT_WIDTH: Final = round((_PAGE["width"] - _PAGE["left"] - _PAGE["right"]) * _TWIPS_PER_CM)
_CELL_MARGIN: Final = 57  # twips (0.1 cm) left and right of a cell's text
_ROW_HEIGHT: Final = 340  # twips: the least height of a row, as on the blank template
_AFTER_CANT_SPLIT: Final = ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del")
"""Children of ``w:trPr`` that follow ``w:cantSplit`` (the schema fixes their order)."""
# label columns of 表三, as proportions of the label block (the blank template's 754 : 921 : 3271)
_APPLICATION_LABELS: Final = (754, 921, 3271)
_APPLICATION_VALUE: Final = 685


def _docx() -> Any:
    try:
        import docx
    except ImportError as exc:
        raise MissingDependencyError("python-docx", "docx", "writing Word files") from exc
    return docx


def _clean(text: str) -> str:
    """Text Word can store: characters XML forbids are dropped."""
    return _CONTROL.sub("", text)


def _worst(marks: tuple[Mark, ...]) -> str:
    return min((m.severity for m in marks), key=lambda s: _SEVERITY_ORDER.get(s, 3))


def _column_widths(grid: Grid, key: str) -> list[int]:
    """Column widths in twips filling the text width: 表三's label columns as on the template, others even."""
    if key == "applications":
        labels = grid.cols - sum(1 for c in grid.cells if c.row == grid.head and c.kind == "value")
        label_weights = list(_APPLICATION_LABELS[-labels:]) if labels <= len(_APPLICATION_LABELS) else [1] * labels
        scale = sum(_APPLICATION_LABELS) / sum(label_weights)
        weights = [w * scale for w in label_weights] + [_APPLICATION_VALUE] * (grid.cols - labels)
    elif key == "active_disclosure":
        weights = [2.0] + [1.0] * (grid.cols - 1)
    else:
        weights = [1.0] * grid.cols
    total = sum(weights)
    widths = [int(_TEXT_WIDTH * w / total) for w in weights]
    widths[-1] += _TEXT_WIDTH - sum(widths)
    return widths


class DocxRenderer:
    """Renders reports and tables as Word documents: a configured callable returning the ``.docx`` bytes.

    With ``table=None`` a :class:`~govdisclosure.model.Report` is written whole (title, preamble, sections 一 to
    六 with their tables); with ``table="三"`` only that table, under its caption when ``caption``. A table object
    (``report.applications``) is written as that table. ``blank`` is written in blank cells; ``font`` is the
    Chinese font of the text and tables, ``heading_font`` that of the title and headings; ``size`` the size in
    points of the text (tables are set 1.5 points smaller). Findings shade the flagged cells (:data:`SHADING`),
    add their footnote number and list them under the table; ``language`` and ``mark`` are as for the other
    renderers. Needs the optional package python-docx.
    """

    format = "docx"

    def __init__(
        self,
        *,
        table: str | None = None,
        blank: str = "",
        caption: bool = True,
        language: str = "zh",
        mark: str = "first",
        font: str = "仿宋",
        heading_font: str = "黑体",
        size: float = 12,
    ) -> None:
        if language not in ("zh", "en"):
            raise RenderError(f"unknown language {language!r}: expected 'zh' or 'en'")
        if mark not in ("first", "all"):
            raise RenderError(f"unknown mark {mark!r}: expected 'first' (a finding's location) or 'all' (every cell)")
        if not 5 <= size <= 30:
            raise RenderError(f"size={size} is out of range: give the text size in points, from 5 to 30")
        self.table = table
        self.blank = blank
        self.caption = caption
        self.language = language
        self.mark = mark
        self.font = font
        self.heading_font = heading_font
        self.size = size

    def __call__(self, obj: object, *, findings: Findings | None = None) -> bytes:
        """The ``.docx`` bytes of a report (whole, or the configured table) or of a table object."""
        from .. import layout as _layout

        _docx()  # python-docx present, or one clear MissingDependencyError before any other import of it

        if isinstance(obj, Report):
            if self.table is None:
                index = FindingIndex(findings, _layout.TABLE_KEYS, language=self.language, mark=self.mark)
                return self._save(self._report(obj, index), obj.title or obj.agency)
            context, table = report_table(obj, self.table)
        else:
            context, table = table_context(obj), obj
        index = FindingIndex(findings, (context.key,), language=self.language, mark=self.mark)
        document = self._new()
        caption = f"{context.layout.name} {context.layout.title}"
        if self.caption:
            self._caption(document, caption)
        self._table(document, context, table, index)
        return self._save(document, caption)

    # -- document -------------------------------------------------------------------------------------------

    def _new(self) -> Document:
        docx = _docx()
        from docx.enum.style import WD_STYLE_TYPE
        from docx.shared import Cm, Pt, RGBColor

        document: Document = docx.Document()
        section = document.sections[0]
        section.page_width, section.page_height = Cm(_PAGE["width"]), Cm(_PAGE["height"])
        section.top_margin, section.bottom_margin = Cm(_PAGE["top"]), Cm(_PAGE["bottom"])
        section.left_margin, section.right_margin = Cm(_PAGE["left"]), Cm(_PAGE["right"])
        normal = document.styles["Normal"]
        normal.font.size = Pt(self.size)
        _east_asian(normal.element, self.font)
        normal.paragraph_format.space_after = Pt(0)
        normal.paragraph_format.line_spacing = 1.5
        for name, size in (("Title", self.size + 8), ("Heading 1", self.size + 1), ("Heading 2", self.size)):
            style = document.styles[name]
            assert style.type == WD_STYLE_TYPE.PARAGRAPH
            style.font.size = Pt(size)
            style.font.bold = name != "Title"
            style.font.italic = False
            style.font.color.rgb = RGBColor(0, 0, 0)
            _east_asian(style.element, self.heading_font)
            fmt = style.paragraph_format
            fmt.space_before = Pt(12 if name != "Heading 2" else 6)
            fmt.space_after = Pt(6)
        title = document.styles["Title"]
        ppr = title.element.pPr
        if ppr is not None:  # the default template underlines the title: an official report does not
            for border in ppr.findall(_qn("w:pBdr")):
                ppr.remove(border)
        return document

    def _save(self, document: Document, title: str) -> bytes:
        props = document.core_properties
        props.title = _clean(title)
        props.author = props.last_modified_by = "govdisclosure"
        props.language = "zh-CN"
        raw = io.BytesIO()
        document.save(raw)
        return _reproducible(raw.getvalue())

    def _caption(self, document: Document, text: str) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(_clean(text))
        run.bold = True
        _east_asian(run._r, self.heading_font)

    def _text(self, document: Document, text: str) -> None:
        from docx.shared import Pt

        for para in paragraphs(text):
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.first_line_indent = Pt(self.size * 2)
            _lines(paragraph, _clean(para).split("\n"))

    def _report(self, report: Report, index: FindingIndex) -> Document:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        document = self._new()
        title = document.add_paragraph(_clean(report.title or report.agency), style="Title")
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for label, value in preamble(report):
            document.add_paragraph(_clean(f"{label}：{value}"))
        for section in sections(report):
            document.add_heading(_clean(section.heading), level=1)
            if section.narrative is not None:
                self._text(document, section.narrative.text)
                for sub in section.narrative.subsections:
                    head = f"{sub.marker}{sub.title}"
                    if head:
                        document.add_heading(_clean(head), level=2)
                    self._text(document, sub.text)
            else:
                assert section.context is not None
                self._table(document, section.context, section.table, index)
        return document

    # -- tables ---------------------------------------------------------------------------------------------

    def _table(self, document: Document, context: TableContext, obj: Any, index: FindingIndex) -> None:
        from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
        from docx.shared import Pt, Twips
        from docx.table import _Cell

        grid = table_grid(context, obj, blank=self.blank, index=index)
        table: Table = document.add_table(rows=grid.rows, cols=grid.cols)
        table.style = document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        widths = _column_widths(grid, context.key)
        _table_setup(table, widths)
        size = Pt(max(self.size - 1.5, 5))
        for cell, tc in _merge(table, grid, widths):
            self._cell(_Cell(tc, table), cell, size)
        for r, row in enumerate(table.rows):  # rows stay whole; header rows repeat on every page the table runs over
            row.height = Twips(_ROW_HEIGHT)
            row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
            trpr = row._tr.get_or_add_trPr()
            trpr.insert_element_before(_element("w:cantSplit"), *_AFTER_CANT_SPLIT)
            if r < grid.head:
                trpr.insert_element_before(_element("w:tblHeader"), *_AFTER_CANT_SPLIT[1:])
        notes = index.for_table(context.key)
        for mark in notes:
            paragraph = document.add_paragraph()
            run = paragraph.add_run(_clean(footnote(mark, f"{mark.number}.")))
            run.font.size = size
        document.add_paragraph()

    def _cell(self, target: Any, cell: Cell, size: Any) -> None:
        from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraph: Paragraph = target.paragraphs[0]
        paragraph.paragraph_format.line_spacing = 1.0
        if cell.kind in ("value", "header", "title") or cell.align == "center":  # numbers centred, as on the form
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        text = _clean(cell.text)
        if cell.wrap is not None and cell.kind in ("label", "header") and display_width(text) > cell.wrap:
            lines: list[str] = list(wrap_text(text, cell.wrap))
        else:
            lines = text.split("\n")
        runs = _lines(paragraph, lines)
        for run in runs:
            run.font.size = size
            if cell.kind == "title":
                run.bold = True
        if cell.marks:  # the footnote numbers as a superscript after the value
            run = paragraph.add_run(",".join(str(mark.number) for mark in cell.marks))
            run.font.size = size
            run.font.superscript = True
            _shade(target, SHADING.get(_worst(cell.marks), SHADING["info"]))


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def _element(tag: str, **attributes: str) -> Any:
    """A new WordprocessingML element, ``w:``-prefixed attributes given by local name."""
    from docx.oxml.parser import OxmlElement

    return OxmlElement(tag, {_qn(f"w:{name}"): value for name, value in attributes.items()})


def _east_asian(element: Any, font: str) -> None:
    """Set the East Asian font of a style or run element (python-docx only sets the Latin one)."""
    rpr = element.get_or_add_rPr()
    rfonts = rpr.find(_qn("w:rFonts"))
    if rfonts is None:
        rfonts = _element("w:rFonts")
        rpr.insert(0, rfonts)
    rfonts.set(_qn("w:eastAsia"), font)
    rfonts.attrib.pop(_qn("w:eastAsiaTheme"), None)


def _lines(paragraph: Paragraph, lines: list[str]) -> list[Any]:
    """Lines of text in one paragraph, separated by line breaks."""
    runs = []
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        if i < len(lines) - 1:
            run.add_break()
        runs.append(run)
    return runs


def _shade(cell: Any, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = _element("w:shd", val="clear", color="auto", fill=fill)
    tcpr.insert_element_before(
        shd, "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark", "w:tcPrChange"
    )


def _merge(table: Table, grid: Grid, widths: list[int]) -> list[tuple[Cell, Any]]:
    """Merge the cells of a new table as the grid says; (grid cell, its ``w:tc``) of every printed cell.

    Word's markup for merged cells, written directly (python-docx's ``merge()`` does the same, one cell at a time
    and far slower): the first ``w:tc`` of a horizontal span gets ``w:gridSpan`` and the others go; the top
    ``w:tc`` of a vertical span gets ``w:vMerge="restart"`` and the ones below it ``continue``.
    """
    from docx.shared import Twips

    owner: dict[tuple[int, int], Cell] = {}
    for cell in grid.cells:
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                owner[(r, c)] = cell
    printed: list[tuple[Cell, Any]] = []
    for r, tr in enumerate(table._tbl.tr_lst):
        for c, tc in enumerate(tr.tc_lst):
            cell = owner[(r, c)]
            if c != cell.col:
                tr.remove(tc)
                continue
            if cell.colspan > 1:
                tc.grid_span = cell.colspan
                tc.width = Twips(sum(widths[c : c + cell.colspan]))
            if cell.rowspan > 1:
                tc.vMerge = "restart" if r == cell.row else "continue"
            if r == cell.row:
                printed.append((cell, tc))
    return printed


def _table_setup(table: Table, widths: list[int]) -> None:
    """Fixed layout, the given column widths (twips) and narrow cell margins."""
    from docx.shared import Twips

    table.autofit = False  # w:tblLayout fixed
    tblpr = table._tbl.tblPr
    margins = _element("w:tblCellMar")
    for side in ("left", "right"):
        margins.append(_element(f"w:{side}", w=str(_CELL_MARGIN), type="dxa"))
    tblpr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Twips(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Twips(width)


def _reproducible(data: bytes) -> bytes:
    """The same package with fixed member timestamps, so equal documents are equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, source.read(info))
    return out.getvalue()
