"""HTML rendering: ``<table>`` elements with the official form's exact rowspan/colspan, and the whole report.

Header cells are ``<th scope="col">``, row labels ``<th scope="row">``, the block titles of 表二
``<th scope="rowgroup">`` (each block is its own ``<tbody>``); values are ``<td class="gd-num">``. Cells flagged by
findings get the class ``gd-error`` / ``gd-warning`` / ``gd-info``, a ``title`` with the messages and a numbered
``<sup>`` that matches the list of findings under the table.
"""

from __future__ import annotations

from html import escape
from typing import Any, Final

from ..model import Report
from ._findings import FindingIndex
from ._grid import Cell, Grid, Mark, wrap_text
from ._layouts import TableContext, table_grid
from ._report import Renderer, paragraphs, preamble, sections

__all__ = ["CSS", "PRINT_CSS", "HtmlRenderer"]

CSS: Final = """\
.gd-table{border-collapse:collapse;margin:.75em 0;font-size:14px;line-height:1.4}
.gd-table caption{font-weight:bold;padding-bottom:.4em}
.gd-table th,.gd-table td{border:1px solid #333;padding:.3em .5em;vertical-align:middle}
.gd-table th{font-weight:normal;text-align:center}
.gd-table thead th,.gd-table th.gd-keep{white-space:nowrap}
.gd-table th[scope=row]{text-align:left}
.gd-table th[scope=rowgroup]{font-weight:bold}
.gd-table td.gd-num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;min-width:2.5em}
.gd-table td.gd-corner{font-size:12px;text-align:left;max-width:16em}
.gd-table .gd-error{background:#fde2e2}
.gd-table .gd-warning{background:#fff3c4}
.gd-table .gd-info{background:#e3eefc}
.gd-mark{color:#a00;font-size:70%;margin-left:.15em}
.gd-findings{font-size:13px;margin:.25em 0 1em}
.gd-findings .gd-error{color:#a00}
.gd-findings .gd-warning{color:#7a5b00}
"""
"""Minimal CSS for the tables (borders, alignment, marks of findings)."""

PRINT_CSS: Final = """\
body{font-family:"Noto Serif CJK SC","Source Han Serif SC","SimSun","Songti SC",serif;color:#000;
max-width:60em;margin:2em auto;padding:0 1em;line-height:1.7}
h1{font-size:1.5em;text-align:center}
h2{font-size:1.15em;margin-top:1.5em}
h3{font-size:1em}
p{text-indent:2em;margin:.4em 0}
.gd-meta{display:grid;grid-template-columns:max-content auto;gap:.1em 1em;margin:1em 0}
.gd-meta dt{font-weight:bold}
.gd-meta dd{margin:0}
@page{size:A4;margin:2cm}
@media print{body{margin:0;max-width:none;padding:0}h2,h3{break-after:avoid}tr{break-inside:avoid}
.gd-table{font-size:10.5pt}}
"""
"""CSS of the standalone page: CJK serif fonts, A4 print margins, no row split across pages."""

_SEVERITY_ORDER: Final = {"error": 0, "warning": 1, "info": 2}


def _attr(name: str, value: object) -> str:
    return f' {name}="{escape(str(value), quote=True)}"'


def _worst(marks: tuple[Mark, ...]) -> str:
    return min((m.severity for m in marks), key=lambda s: _SEVERITY_ORDER.get(s, 3))


class HtmlRenderer(Renderer):
    """Renders reports and tables as HTML.

    Options: ``css`` adds a ``<style>`` element with minimal table CSS; ``page`` makes a standalone printable
    document (``<!DOCTYPE html>``, ``<meta charset="utf-8">``, print CSS); ``blank`` is written in blank cells;
    ``caption`` adds ``<caption>表X …</caption>`` to a single table.

    >>> from govdisclosure import sample_report
    >>> html = HtmlRenderer(table="三")(sample_report())
    >>> html.count('rowspan="22"'), html.count('rowspan="8"'), html.count('colspan="3" scope="row"')
    (1, 1, 3)
    """

    format = "html"

    def __init__(
        self,
        *,
        table: str | None = None,
        css: bool = False,
        page: bool = False,
        blank: str = "",
        caption: bool = True,
        language: str = "zh",
        mark: str = "first",
    ) -> None:
        super().__init__(table=table, blank=blank, caption=caption, language=language, mark=mark)
        self.css = css
        self.page = page
        self._style = f"<style>\n{CSS}{PRINT_CSS if page else ''}</style>\n" if css or page else ""

    # -- tables ---------------------------------------------------------------------------------------------

    @staticmethod
    def _cell(cell: Cell) -> str:
        classes: list[str] = []
        if cell.kind == "value":
            tag, scope = "td", None
            classes.append("gd-num")
        elif cell.kind == "corner":
            tag, scope = "td", None
            classes.append("gd-corner")
        elif cell.kind == "title":
            tag, scope = "th", "rowgroup"
        elif cell.kind == "label":
            tag, scope = "th", "row"
        else:
            tag, scope = "th", "col" if cell.colspan == 1 else "colgroup"
        attrs = ""
        if cell.rowspan > 1:
            attrs += _attr("rowspan", cell.rowspan)
        if cell.colspan > 1:
            attrs += _attr("colspan", cell.colspan)
        if scope:
            attrs += _attr("scope", scope)
        if cell.wrap is not None and cell.kind in ("label", "header"):
            # narrow label columns break where the text renderer breaks them, and only there: （三）<br>不予公开
            text = "<br>".join(escape(line, quote=False) for line in wrap_text(cell.text, cell.wrap))
            if cell.kind == "label":
                classes.append("gd-keep")
        else:
            text = escape(cell.text, quote=False)
        if cell.marks:
            classes.append(f"gd-{_worst(cell.marks)}")
            attrs += _attr("title", "\n".join(f"{m.code}: {m.message}" for m in cell.marks))
            text += "".join(f'<sup class="gd-mark">{m.number}</sup>' for m in cell.marks)
        if classes:
            attrs = _attr("class", " ".join(classes)) + attrs
        return f"<{tag}{attrs}>{text}</{tag}>"

    def _grid(self, grid: Grid, key: str, caption: str | None) -> str:
        out = [f'<table class="gd-table gd-{key}">']
        if caption:
            out.append(f"<caption>{escape(caption, quote=False)}</caption>")
        starts = set(grid.groups) or {grid.head}
        open_body = False
        for r, cells in enumerate(grid.row_cells()):
            if r == 0 and grid.head:
                out.append("<thead>")
            if r in starts:
                if r == grid.head and grid.head:
                    out.append("</thead>")
                if open_body:
                    out.append("</tbody>")
                out.append("<tbody>")
                open_body = True
            out.append("<tr>" + "".join(self._cell(cell) for cell in cells) + "</tr>")
        if open_body:
            out.append("</tbody>")
        out.append("</table>")
        return "\n".join(out)

    @staticmethod
    def _findings(marks: list[Mark]) -> str:
        if not marks:
            return ""
        items = "".join(
            f'<li value="{m.number}" class="gd-{escape(m.severity)}">'
            f"<code>{escape(m.code)}</code> {escape(m.message, quote=False)}</li>"
            for m in marks
        )
        return f'\n<ol class="gd-findings">{items}</ol>'

    def _table(self, context: TableContext, table: Any, index: FindingIndex, *, caption: bool) -> str:
        grid = table_grid(context, table, blank=self.blank, index=index)
        html = self._grid(grid, context.key, self.caption_text(context) if caption else None)
        return html + self._findings(index.for_table(context.key))

    def render_table(self, context: TableContext, table: Any, index: FindingIndex) -> str:
        """One ``<table>`` (with ``<style>`` or as a whole page when configured)."""
        body = self._table(context, table, index, caption=self.caption)
        return self._wrap(body, self.caption_text(context))

    # -- whole report -----------------------------------------------------------------------------------------

    def render_report(self, report: Report, index: FindingIndex) -> str:
        """The whole report as an ``<article>`` (or a standalone page)."""
        title = report.title or report.agency
        out = ['<article class="gd-report">', f"<h1>{escape(title, quote=False)}</h1>", '<dl class="gd-meta">']
        for label, value in preamble(report):
            out.append(f"<dt>{escape(label, quote=False)}</dt><dd>{escape(value, quote=False)}</dd>")
        out.append("</dl>")
        for section in sections(report):
            out.append(f'<section class="gd-{section.key}">')
            out.append(f"<h2>{escape(section.heading, quote=False)}</h2>")
            if section.narrative is not None:
                out.extend(_paragraphs(section.narrative.text))
                for sub in section.narrative.subsections:
                    head = f"{sub.marker}{sub.title}"
                    if head:
                        out.append(f"<h3>{escape(head, quote=False)}</h3>")
                    out.extend(_paragraphs(sub.text))
            else:
                assert section.context is not None
                out.append(self._table(section.context, section.table, index, caption=False))
            out.append("</section>")
        out.append("</article>\n")
        return self._wrap("\n".join(out), title)

    def _wrap(self, body: str, title: str) -> str:
        if not self.page:
            return f"{self._style}{body}"
        return (
            '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title, quote=False)}</title>\n{self._style}</head>\n"
            f"<body>\n{body.rstrip()}\n</body>\n</html>\n"
        )


def _paragraphs(text: str) -> list[str]:
    return [
        "<p>" + "<br>".join(escape(line, quote=False) for line in para.split("\n")) + "</p>"
        for para in paragraphs(text)
    ]
