"""Renderers that reproduce the official table layouts: text, HTML, Markdown and Word, single tables or whole reports.

>>> from govdisclosure import sample_report
>>> from govdisclosure.renderers import render
>>> print(render(sample_report(), table="四", border="ascii").splitlines()[0])
表四 政府信息公开行政复议、行政诉讼情况
"""

from __future__ import annotations

import inspect
from typing import Any, Final, Literal, overload

from ._docx import SHADING, DocxRenderer
from ._findings import CellRef, Finding, Findings
from ._grid import ASCII, BOX, BorderStyle, Cell, Grid, GridError, TextGrid, display_width, wrap_text
from ._html import CSS, PRINT_CSS, HtmlRenderer
from ._layouts import RenderError, format_value, table_grid
from ._markdown import MarkdownRenderer
from ._report import Renderer
from ._text import TextRenderer

__all__ = [
    "ASCII",
    "BOX",
    "CSS",
    "PRINT_CSS",
    "SHADING",
    "BorderStyle",
    "Cell",
    "CellRef",
    "DocxRenderer",
    "Finding",
    "Grid",
    "GridError",
    "HtmlRenderer",
    "MarkdownRenderer",
    "RenderError",
    "Renderer",
    "TextGrid",
    "TextRenderer",
    "display_width",
    "format_value",
    "grid",
    "render",
    "repr_html",
    "repr_text",
    "wrap_text",
]

RENDERERS: Final[dict[str, type[Renderer]]] = {
    "text": TextRenderer,
    "markdown": MarkdownRenderer,
    "html": HtmlRenderer,
}
_OPTIONS: Final = {
    name: tuple(p for p in inspect.signature(cls.__init__).parameters if p not in ("self", "table", "page"))
    for name, cls in RENDERERS.items()
}
"""Keyword options each format's renderer takes (besides ``table`` and ``page``), read from its signature."""
_DOCX_OPTIONS: Final = tuple(
    p for p in inspect.signature(DocxRenderer.__init__).parameters if p not in ("self", "table")
)


@overload
def render(
    report: Any,
    format: Literal["docx"],
    table: str | None = None,
    *,
    findings: Findings | None = None,
    page: bool = False,
    **options: Any,
) -> bytes: ...


@overload
def render(
    report: Any,
    format: str = "text",
    table: str | None = None,
    *,
    findings: Findings | None = None,
    page: bool = False,
    **options: Any,
) -> str: ...


def render(
    report: Any,
    format: str = "text",
    table: str | None = None,
    *,
    findings: Findings | None = None,
    page: bool = False,
    **options: Any,
) -> str | bytes:
    """Render a report (whole, or one table with ``table="三"``) or a table object as text, Markdown, HTML or Word.

    ``findings`` (an iterable of findings, or an object with a ``findings`` attribute) marks the flagged cells;
    ``page=True`` (HTML only) makes a standalone printable document. Other options go to the renderer class:
    :class:`TextRenderer`, :class:`MarkdownRenderer`, :class:`HtmlRenderer` or :class:`DocxRenderer`.
    ``format="docx"`` returns the bytes of a Word document (it needs the optional package python-docx); the
    other formats return text.
    """
    if format == "docx":
        if page:
            raise RenderError("page=True makes a standalone HTML document: use format='html', not 'docx'")
        unknown = sorted(set(options) - set(_DOCX_OPTIONS))
        if unknown:
            raise RenderError(
                f"unknown option {unknown[0]!r} for format 'docx': expected one of {', '.join(_DOCX_OPTIONS)}"
            )
        return DocxRenderer(table=table, **options)(report, findings=findings)
    try:
        cls = RENDERERS[format]
    except KeyError:
        raise RenderError(f"unknown format {format!r}: expected one of {', '.join((*RENDERERS, 'docx'))}") from None
    unknown = sorted(set(options) - set(_OPTIONS[format]))
    if unknown:
        raise RenderError(
            f"unknown option {unknown[0]!r} for format {format!r}: expected one of {', '.join(_OPTIONS[format])}"
        )
    if page:
        if format != "html":
            raise RenderError(f"page=True makes a standalone HTML document: use format='html', not {format!r}")
        options["page"] = True
    renderer = cls(table=table, **options)
    return renderer(report, findings=findings)


_REPR_HTML: Final = HtmlRenderer(css=True)
_REPR_TEXT: Final = TextRenderer()


def repr_html(obj: Any) -> str:
    """HTML for notebooks (``_repr_html_``): a report or a table object, with minimal CSS."""
    return _REPR_HTML(obj)


def repr_text(obj: Any) -> str:
    """Text for terminals (``__str__``): a report or a table object drawn with box-drawing borders."""
    return _REPR_TEXT(obj)


def grid(report: Any, table: str | None = None) -> Grid:
    """The span-aware :class:`Grid` of a table object, or of one table of a report (``table="三"``)."""
    from ..model import Report
    from ._layouts import report_table, table_context

    if isinstance(report, Report):
        if table is None:
            raise RenderError("grid() of a Report needs table=: one of '二', '三', '四'")
        context, obj = report_table(report, table)
    else:
        context, obj = table_context(report), report
    return table_grid(context, obj)
