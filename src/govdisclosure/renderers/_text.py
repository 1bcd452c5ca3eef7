"""Plain-text rendering: the official tables drawn with merged cells, and the whole report as text."""

from __future__ import annotations

from typing import Any, Final

from ..model import Report
from ._findings import FindingIndex
from ._grid import ASCII, BOX, BorderStyle, Mark, TextGrid
from ._layouts import RenderError, TableContext, table_grid
from ._report import Renderer, paragraphs, preamble, sections

__all__ = ["TextRenderer", "footnote"]

_STYLES: Final[dict[str, BorderStyle]] = {"box": BOX, "ascii": ASCII}


def footnote(mark: Mark, marker: str) -> str:
    """One line under a table: ``*1 [error] C1 message``."""
    return f"{marker} [{mark.severity}] {mark.code} {mark.message}"


class TextRenderer(Renderer):
    """Renders reports and tables as plain text with box-drawing (or ASCII) borders.

    Options: ``border`` ``"box"`` or ``"ascii"``; ``ambiguous_wide`` counts characters such as “ ” — … (and the
    box-drawing glyphs) as two columns, for CJK terminals; ``wrap`` is the widest a label line gets before it
    wraps; ``blank`` is printed for blank cells; ``caption`` prints 表X and the table's title above a single table;
    ``marker`` formats the footnote number of a finding next to a flagged value.

    >>> from govdisclosure import sample_report
    >>> text = TextRenderer(table="四", border="ascii", caption=False)(sample_report())
    >>> print(text.splitlines()[1])
    |             行政复议             |                              行政诉讼                               |
    """

    format = "text"

    def __init__(
        self,
        *,
        table: str | None = None,
        border: str = "box",
        ambiguous_wide: bool = False,
        wrap: int = 28,
        blank: str = "",
        caption: bool = True,
        language: str = "zh",
        marker: str = "*{}",
        mark: str = "first",
    ) -> None:
        super().__init__(table=table, blank=blank, caption=caption, language=language, mark=mark)
        try:
            style = _STYLES[border]
        except KeyError:
            raise RenderError(f"unknown border {border!r}: expected 'box' or 'ascii'") from None
        if wrap < 2:
            raise RenderError(f"wrap={wrap} is too narrow: a CJK character needs 2 columns")
        self.border = border
        self.ambiguous_wide = ambiguous_wide
        self.wrap = wrap
        self.marker = marker
        self._draw = TextGrid(style=style, ambiguous_wide=ambiguous_wide, wrap=wrap, marker=marker.format)

    def _table(self, context: TableContext, table: Any, index: FindingIndex, *, caption: bool) -> str:
        grid = table_grid(context, table, blank=self.blank, index=index)
        parts = [self.caption_text(context)] if caption else []
        parts.append(self._draw(grid))
        parts.extend(footnote(m, self.marker.format(m.number)) for m in index.for_table(context.key))
        return "\n".join(parts)

    def render_table(self, context: TableContext, table: Any, index: FindingIndex) -> str:
        """One table, with its caption (optional) and the footnotes of the findings on it."""
        return self._table(context, table, index, caption=self.caption)

    def render_report(self, report: Report, index: FindingIndex) -> str:
        """The whole report: title, preamble, sections 一 to 六 with their tables."""
        blocks: list[str] = [report.title or report.agency]
        blocks.append("\n".join(f"{label}：{value}" for label, value in preamble(report)))
        for section in sections(report):
            blocks.append(section.heading)
            if section.narrative is not None:
                blocks.extend(paragraphs(section.narrative.text))
                for sub in section.narrative.subsections:
                    head = f"{sub.marker}{sub.title}"
                    if head:
                        blocks.append(head)
                    blocks.extend(paragraphs(sub.text))
            else:
                assert section.context is not None
                blocks.append(self._table(section.context, section.table, index, caption=False))
        return "\n\n".join(blocks) + "\n"
