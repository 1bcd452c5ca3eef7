"""Markdown rendering: pipe tables cannot merge cells, so each table is flattened.

Rows are labelled with their path through the official layout (``三、本年度办理结果 / （三）不予公开 /
1.属于国家秘密``), columns with their header path (``法人或其他组织 / 商业企业``). 表四 becomes its three blocks
(行政复议, 行政诉讼 / 未经复议直接起诉, 行政诉讼 / 复议后起诉) as rows over 结果维持 … 总计. 表二, whose blocks
have different columns, becomes one small table per block under the block's title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Final

from tabulate import tabulate

from .. import layout as _layout
from ..model import Report
from ._findings import FindingIndex
from ._grid import Mark
from ._layouts import TableContext, format_value, table_row
from ._report import Renderer, paragraphs, preamble, sections

__all__ = ["MarkdownRenderer"]

_SEP: Final = " / "


_INLINE: Final = re.compile(r"[\\`*_\[\]|]")
"""Characters with a meaning inside a Markdown line (the pipe splits table cells): escaped with a backslash."""
_ENTITY: Final = re.compile(r"&(?=#?\w+;)")
"""An ampersand that would start an HTML entity (``&lt;``); a lone ``&`` is left as it is."""
_BLOCK: Final = re.compile(r"^([ \t]*)(#|>|[-+](?=\s)|[-=](?=[-= \t]*$)|\d+(?=[.)]\s))", re.MULTILINE)
"""What would make a line a heading (or underline the line above into one), a quote or a list item."""


def _inline(text: str) -> str:
    """Text shown as written inside a line: no HTML tag or entity, no emphasis, link or table-cell break."""
    return _INLINE.sub(r"\\\g<0>", _ENTITY.sub("&amp;", text)).replace("<", "&lt;")


def _escape(text: str) -> str:
    """Text for a table cell or a heading: one line, every special character escaped."""
    return _inline(text).replace("\r\n", " ").replace("\n", " ")


def _paragraph(text: str) -> str:
    """A narrative paragraph shown as written: lines kept, none of them taken for a heading, quote or list."""
    return _BLOCK.sub(lambda m: f"{m[1]}\\{m[2]}" if not m[2].isdigit() else f"{m[1]}{m[2]}\\", _inline(text))


def _row_paths(node: _layout.Node, path: str, labels: tuple[str, ...]) -> Iterator[tuple[str, tuple[str, ...], Any]]:
    for child in node.children:
        child_path = path if child.key is None else (f"{path}.{child.key}" if path else child.key)
        child_labels = (*labels, child.label)
        if child.is_row:
            yield child_path, child_labels, child
        yield from _row_paths(child, child_path, child_labels)


def _header_paths(headers: tuple[_layout.Header, ...], prefix: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    for h in headers:
        if h.children:
            yield from _header_paths(h.children, (*prefix, h.label))
        else:
            yield (*prefix, h.label)


class MarkdownRenderer(Renderer):
    """Renders reports and tables as Markdown (pipe tables via tabulate, flattened with path-like labels).

    >>> from govdisclosure import sample_report
    >>> md = MarkdownRenderer(table="四", caption=False)(sample_report())
    >>> print(md.splitlines()[2])
    | 行政复议                    | 0          | 0          | 0          | 0          | 0      |
    """

    format = "markdown"

    def _cell(self, value: object, marks: tuple[Mark, ...]) -> str:
        text = _escape(format_value(value, self.blank))
        if marks:
            text += "".join(f"[^{m.number}]" for m in marks)
        return text

    def _pipe(self, headers: list[str], rows: list[list[str]]) -> str:
        align = ["left"] + ["right"] * (len(headers) - 1)
        return tabulate(rows, headers=headers, tablefmt="pipe", disable_numparse=True, colalign=align)

    def _tables(self, context: TableContext, table: Any, index: FindingIndex) -> str:
        layout = context.layout
        key = context.key
        out: list[str] = []
        if key == "active_disclosure":
            for block in layout.root.children:
                fields = block.children[0].fields
                headers = [layout.row_header or ""] + [f.label for f in fields]
                rows = []
                for node in block.children:
                    assert node.key is not None
                    row = table_row(table, node.key)
                    label = _escape(node.label) + "".join(f"[^{m.number}]" for m in index.at(key, node.key, None))
                    rows.append(
                        [label] + [self._cell(getattr(row, f.key), index.at(key, node.key, f.key)) for f in fields]
                    )
                out.append(f"**{_escape(block.label)}**\n\n{self._pipe(headers, rows)}")
            return "\n\n".join(out)
        paths = list(_row_paths(layout.root, "", ()))
        fields = paths[0][2].fields
        if layout.header:
            top = layout.header[0]
            skip = len(layout.header) == 1 and top.width() == len(fields)
            columns = list(_header_paths(top.children if skip else layout.header, ()))
            headers = [""] + [_escape(_SEP.join(c)) for c in columns]
        else:
            headers = [""] + [_escape(f.label) for f in fields]
        rows = []
        for path, labels, node in paths:
            row = table_row(table, path)
            marks = index.at(key, path, None)
            label = _escape(_SEP.join(labels)) + "".join(f"[^{m.number}]" for m in marks)
            rows.append([label] + [self._cell(getattr(row, f.key), index.at(key, path, f.key)) for f in node.fields])
        return self._pipe(headers, rows)

    @staticmethod
    def _notes(marks: list[Mark]) -> str:
        return "".join(f"\n\n[^{m.number}]: [{m.severity}] {m.code} {_escape(m.message)}" for m in marks)

    def _table(self, context: TableContext, table: Any, index: FindingIndex, *, caption: bool) -> str:
        text = self._tables(context, table, index) + self._notes(index.for_table(context.key))
        if caption:
            text = f"**{self.caption_text(context)}**\n\n{text}"
        return text

    def render_table(self, context: TableContext, table: Any, index: FindingIndex) -> str:
        """One table (several small ones for 表二), with footnotes for findings."""
        return self._table(context, table, index, caption=self.caption)

    def render_report(self, report: Report, index: FindingIndex) -> str:
        """The whole report: ``#`` title, preamble list, ``##`` sections, ``###`` sub-sections, tables."""
        blocks = [f"# {_escape(report.title or report.agency)}"]
        blocks.append("\n".join(f"- **{label}**：{_escape(value)}" for label, value in preamble(report)))
        for section in sections(report):
            blocks.append(f"## {_escape(section.heading)}")
            if section.narrative is not None:
                blocks.extend(map(_paragraph, paragraphs(section.narrative.text)))
                for sub in section.narrative.subsections:
                    head = f"{sub.marker}{sub.title}"
                    if head:
                        blocks.append(f"### {_escape(head)}")
                    blocks.extend(map(_paragraph, paragraphs(sub.text)))
            else:
                assert section.context is not None
                blocks.append(self._table(section.context, section.table, index, caption=False))
        return "\n\n".join(blocks) + "\n"
