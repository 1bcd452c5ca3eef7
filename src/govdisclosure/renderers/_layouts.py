"""The official layouts of tables 二, 三 and 四 as grids, built from the layout registry.

Every label, span and order comes from :mod:`govdisclosure.layout`: label spans follow ``Node.height()`` and
``Node.depth()``, header spans ``Header.width()`` and ``Header.depth()``. The structure of each table (its labels
and headers) is built once per edition and cached; values are filled in per call.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Any, Final

import attrs

from .. import layout as _layout
from ..errors import RenderError
from ..model import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    ApplicantRow,
    Applications,
    Report,
    ReviewLitigation,
)
from ._findings import FindingIndex
from ._grid import Cell, Grid

__all__ = [
    "RenderError",
    "TableContext",
    "format_value",
    "report_table",
    "table_context",
    "table_grid",
    "table_layout",
    "table_row",
]

_OUTCOME_WRAP: Final = 4
"""三、本年度办理结果 spans 20+ rows in a narrow column: two CJK characters a line, as on the printed form."""
_GROUP_WRAP: Final = 8
"""（三）不予公开 and its siblings: the marker on one line, the words on the next."""
_CORNER_WRAP: Final = 24
_APPLICANT_HEADER_WRAP: Final = 8
_REVIEW_HEADER_WRAP: Final = 4


@attrs.frozen
class TableContext:
    """Which official layout a table object is drawn with."""

    edition: str
    key: str
    single_other_handling: bool = False

    @property
    def layout(self) -> _layout.TableLayout:
        """The layout, with the single 2019 （六） row substituted where the table has one."""
        return table_layout(self.edition, self.key, self.single_other_handling)


def table_layout(edition: str, key: str, single_other_handling: bool = False) -> _layout.TableLayout:
    """The official layout of a table, with a single （六）其他处理 row when ``single_other_handling``
    (:func:`govdisclosure.layout.table`)."""
    return _layout.table(edition, key, single_other_handling=single_other_handling)


def table_row(table: Any, path: str) -> Any:
    """The row object of a table object at a dotted row path (``outcomes.withheld.state_secret``).

    >>> from govdisclosure import sample_report
    >>> table_row(sample_report().applications, "outcomes.withheld.state_secret").total
    0
    """
    obj = table
    for name in path.split("."):
        obj = getattr(obj, name)
    return obj


def table_context(obj: object) -> TableContext:
    """The layout a table object implies: edition from the class (表三: a single （六） row means 2019)."""
    if isinstance(obj, Applications):
        single = isinstance(obj.outcomes.other_handling, ApplicantRow)
        return TableContext("2019" if single else "2021", "applications", single)
    if isinstance(obj, ReviewLitigation):
        return TableContext("2021", "review_litigation")
    if isinstance(obj, ActiveDisclosure2021):
        return TableContext("2021", "active_disclosure")
    if isinstance(obj, ActiveDisclosure2019):
        return TableContext("2019", "active_disclosure")
    raise RenderError(
        f"cannot render a {type(obj).__name__}: expected a Report, Applications, ReviewLitigation, "
        "ActiveDisclosure2019 or ActiveDisclosure2021"
    )


def report_table(report: Report, table: str) -> tuple[TableContext, Any]:
    """The context and table object of one of a report's tables, by key (``applications``) or number (三, 表三)."""
    try:
        key = _layout.edition(report.edition).table(table).key
    except KeyError:
        choices = ", ".join(f"{t.number} ({t.key})" for t in _layout.edition(report.edition).tables)
        raise RenderError(f"unknown table {table!r}: expected one of {choices}") from None
    single = key == "applications" and report.uses_single_other_handling
    return TableContext(report.edition, key, single), getattr(report, key)


def format_value(value: object, blank: str = "") -> str:
    """A cell value as printed: ``blank`` for None, a Decimal without float artefacts or exponent.

    >>> format_value(None, "—"), format_value(12), format_value(Decimal("7730.280")), format_value(Decimal("1E+2"))
    ('—', '12', '7730.280', '100')
    """
    if value is None:
        return blank
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


# --------------------------------------------------------------------------------------------------------------
# skeletons: the fixed cells of each table, and where its values go


@attrs.frozen
class _Slot:
    row: int
    col: int
    colspan: int
    path: str
    field: str


@attrs.frozen
class _Skeleton:
    rows: int
    cols: int
    fixed: tuple[Cell, ...]
    slots: tuple[_Slot, ...]
    head: int = 0
    groups: tuple[int, ...] = ()


@functools.cache
def _skeleton(edition: str, key: str, single: bool) -> _Skeleton:
    layout = table_layout(edition, key, single)
    if key == "applications":
        return _applications(layout)
    if key == "review_litigation":
        return _review_litigation(layout)
    return _active_disclosure(layout)


def _applications(layout: _layout.TableLayout) -> _Skeleton:
    root = layout.root
    label_cols = root.depth() - 1
    head = max(h.depth() for h in layout.header)
    value_cols = sum(h.width() for h in layout.header)
    fixed: list[Cell] = [
        Cell(row=0, col=0, text=_layout.CORNER_NOTE, rowspan=head, colspan=label_cols, kind="corner", wrap=_CORNER_WRAP)
    ]

    def header(h: _layout.Header, row: int, col: int) -> None:
        leaf = not h.children
        fixed.append(
            Cell(
                row=row,
                col=col,
                text=h.label,
                rowspan=head - row if leaf else 1,
                colspan=h.width(),
                kind="header",
                align="center",
                wrap=_APPLICANT_HEADER_WRAP if leaf else None,
            )
        )
        for child in h.children:
            header(child, row + 1, col)
            col += child.width()

    col = label_cols
    for h in layout.header:
        header(h, 0, col)
        col += h.width()

    slots: list[_Slot] = []

    def place(node: _layout.Node, path: str, row: int, level: int) -> None:
        wrap = None
        if node.children:
            wrap = _OUTCOME_WRAP if level == 0 else _GROUP_WRAP
        fixed.append(
            Cell(
                row=row,
                col=level,
                text=node.label,
                rowspan=node.height(),
                colspan=1 if node.children else label_cols - level,
                kind="label",
                wrap=wrap,
                ref=(path, None),
            )
        )
        for i, field in enumerate(node.fields):
            slots.append(_Slot(row, label_cols + i, 1, path, field.key))
        for child in node.children:
            place(child, f"{path}.{child.key}", row, level + 1)
            row += child.height()

    row = head
    for node in root.children:
        assert node.key is not None
        place(node, node.key, row, 0)
        row += node.height()
    return _Skeleton(rows=row, cols=label_cols + value_cols, fixed=tuple(fixed), slots=tuple(slots), head=head)


def _review_litigation(layout: _layout.TableLayout) -> _Skeleton:
    root = layout.root
    head = root.depth()  # one row per label level, and the field row
    fixed: list[Cell] = []
    slots: list[_Slot] = []

    def width(node: _layout.Node) -> int:
        return len(node.fields) + sum(width(child) for child in node.children)

    def place(node: _layout.Node, path: str | None, row: int, col: int) -> None:
        ref = (path, None) if path is not None else None
        fixed.append(
            Cell(row=row, col=col, text=node.label, colspan=width(node), kind="header", align="center", ref=ref)
        )
        for field in node.fields:
            assert path is not None
            fixed.append(
                Cell(
                    row=row + 1,
                    col=col,
                    text=field.label,
                    rowspan=head - row - 1,
                    kind="header",
                    align="center",
                    wrap=_REVIEW_HEADER_WRAP,
                )
            )
            slots.append(_Slot(head, col, 1, path, field.key))
            col += 1
        for child in node.children:
            child_path = child.key if path is None else f"{path}.{child.key}"
            place(child, child_path if child.key is not None else path, row + 1, col)
            col += width(child)

    col = 0
    for node in root.children:
        place(node, node.key, 0, col)
        col += width(node)
    return _Skeleton(rows=head + 1, cols=col, fixed=tuple(fixed), slots=tuple(slots), head=head)


def _active_disclosure(layout: _layout.TableLayout) -> _Skeleton:
    blocks = layout.root.children
    value_cols = max(len(node.fields) for _, node in layout.rows())
    cols = 1 + value_cols
    fixed: list[Cell] = []
    slots: list[_Slot] = []
    groups: list[int] = []
    row = 0
    for block in blocks:
        groups.append(row)
        fixed.append(Cell(row=row, col=0, text=block.label, colspan=cols, kind="title", align="center"))
        fields = block.children[0].fields
        spans = [1] * (len(fields) - 1) + [value_cols - len(fields) + 1]
        fixed.append(Cell(row=row + 1, col=0, text=layout.row_header or "", kind="header", align="center"))
        col = 1
        for field, span in zip(fields, spans, strict=True):
            fixed.append(Cell(row=row + 1, col=col, text=field.label, colspan=span, kind="header", align="center"))
            col += span
        row += 2
        for node in block.children:
            assert node.key is not None
            fixed.append(Cell(row=row, col=0, text=node.label, kind="label", ref=(node.key, None)))
            col = 1
            for field, span in zip(node.fields, spans, strict=True):
                slots.append(_Slot(row, col, span, node.key, field.key))
                col += span
            row += 1
    return _Skeleton(rows=row, cols=cols, fixed=tuple(fixed), slots=tuple(slots), groups=tuple(groups))


# --------------------------------------------------------------------------------------------------------------


def table_grid(context: TableContext, table: Any, *, blank: str = "", index: FindingIndex | None = None) -> Grid:
    """The grid of one table object drawn with the official layout ``context`` names."""
    sk = _skeleton(context.edition, context.key, context.single_other_handling)
    cells: list[Cell] = []
    if index:
        for cell in sk.fixed:
            marks = index.at(context.key, *cell.ref) if cell.ref is not None else ()
            cells.append(attrs.evolve(cell, marks=marks) if marks else cell)
    else:
        cells.extend(sk.fixed)
    rows: dict[str, Any] = {}
    for slot in sk.slots:
        row = rows.get(slot.path)
        if row is None:
            row = rows[slot.path] = table_row(table, slot.path)
        text = format_value(getattr(row, slot.field), blank)
        marks = index.at(context.key, slot.path, slot.field) if index else ()
        cells.append(
            Cell(
                row=slot.row,
                col=slot.col,
                text=text,
                colspan=slot.colspan,
                align="right",
                ref=(slot.path, slot.field),
                marks=marks,
            )
        )
    return Grid(rows=sk.rows, cols=sk.cols, cells=tuple(cells), head=sk.head, groups=sk.groups)
