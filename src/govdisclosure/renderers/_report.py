"""What every renderer shares: dispatch on a report or a table object, and the parts of a whole report.

A whole report is drawn as its title, its preamble (issuing body, statistical period, date of publication, contact
details), then sections 一 to 六 in official order: the narrative sections with their numbered sub-sections, the
table sections with their table.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import Any, Literal

import attrs

from .. import layout as _layout
from ..model import Narrative, Report
from ._findings import FindingIndex, Findings
from ._layouts import RenderError, TableContext, report_table, table_context

__all__ = ["Renderer", "Section", "preamble", "sections"]


def _date(value: _dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def preamble(report: Report) -> list[tuple[str, str]]:
    """(label, value) pairs of the report's metadata that are present, in reading order."""
    items = [("发布机关", report.agency)]
    if report.period is not None:
        items.append(("统计期间", f"{_date(report.period.start)}至{_date(report.period.end)}"))
    if report.published is not None:
        items.append(("发布日期", _date(report.published)))
    contact = report.contact
    if contact is not None:
        for label, value in (
            ("联系地址", contact.address),
            ("邮政编码", contact.postcode),
            ("联系电话", contact.phone),
            ("传真", contact.fax),
            ("电子邮箱", contact.email),
        ):
            if value:
                items.append((label, value))
    return items


@attrs.frozen
class Section:
    """One of the six sections: its key, heading, and either its narrative or its table."""

    key: str
    heading: str
    kind: Literal["narrative", "table"]
    narrative: Narrative | None = None
    context: TableContext | None = None
    table: Any = None


def sections(report: Report) -> Iterator[Section]:
    """Sections 一 to 六 in official order (a narrative's printed heading wins over the official one)."""
    for key, (number, title) in _layout.SECTION_HEADINGS.items():
        heading = f"{number}、{title}"
        if key in _layout.TABLE_KEYS:
            context, table = report_table(report, key)
            yield Section(key, heading, "table", context=context, table=table)
        else:
            narrative: Narrative = getattr(report, key)
            yield Section(key, narrative.heading or heading, "narrative", narrative=narrative)


def paragraphs(text: str) -> list[str]:
    """Paragraphs of a narrative text: split at blank lines, stripped, empty ones dropped."""
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


class Renderer:
    """Base of the format renderers: options in ``__init__``, ``__call__(report_or_table, findings=...)``.

    With ``table=None`` a :class:`~govdisclosure.model.Report` is rendered whole; with ``table="三"`` (or
    ``"applications"``, ``"表三"``) only that table. A table object (``report.applications``) is always rendered
    as that table, in the layout its class implies. Every renderer takes ``blank`` (text of a blank cell),
    ``caption`` (表X title above a single table), ``language`` of finding messages (``"zh"`` or ``"en"``) and
    ``mark``: ``"first"`` marks a finding's first cell, its location; ``"all"`` every cell it involves.
    """

    format: str = ""

    def __init__(
        self,
        *,
        table: str | None = None,
        blank: str = "",
        caption: bool = True,
        language: str = "zh",
        mark: str = "first",
    ) -> None:
        if language not in ("zh", "en"):
            raise RenderError(f"unknown language {language!r}: expected 'zh' or 'en'")
        if mark not in ("first", "all"):
            raise RenderError(f"unknown mark {mark!r}: expected 'first' (a finding's location) or 'all' (every cell)")
        self.mark = mark
        self.table = table
        self.blank = blank
        self.caption = caption
        self.language = language

    def __call__(self, obj: object, *, findings: Findings | None = None) -> str:
        """Render a report (whole, or the configured table) or a table object."""
        if isinstance(obj, Report):
            if self.table is None:
                index = FindingIndex(findings, _layout.TABLE_KEYS, language=self.language, mark=self.mark)
                return self.render_report(obj, index)
            context, table = report_table(obj, self.table)
        else:
            context, table = table_context(obj), obj
        index = FindingIndex(findings, (context.key,), language=self.language, mark=self.mark)
        return self.render_table(context, table, index)

    def render_table(self, context: TableContext, table: Any, index: FindingIndex) -> str:
        """One table; subclasses implement it."""
        raise NotImplementedError

    def render_report(self, report: Report, index: FindingIndex) -> str:
        """A whole report; subclasses implement it."""
        raise NotImplementedError

    @staticmethod
    def caption_text(context: TableContext) -> str:
        """表三 收到和处理政府信息公开申请情况."""
        layout = context.layout
        return f"{layout.name} {layout.title}"
