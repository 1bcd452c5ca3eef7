"""From a :class:`SourceDocument` (any format) to a report, with notes and provenance.

The steps, the same for every format:

1. Cut the document into sections at the headings 一…六 (found by title, so renumbered or mistyped headings are
   recognised; inside a line too, for crawled page text). Tables outside the table sections are placed by content.
2. Turn each table section into *items*: a printed label and the value tokens beside it. Grid rows give cells;
   lines of text are searched for official labels, the text after each label giving its value tokens; lines of
   numbers only are kept as orphan runs.
3. Place items on official rows by label (never by position in 表三), read the values (blank markers, units and
   annotations handled), cut runs of digits with the arithmetic rules, pair labels printed without numbers with
   orphan runs only when the arithmetic confirms it, and note every repair.
4. Detect the edition from the tables, then build the :class:`~govdisclosure.model.Report`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal, InvalidOperation
from itertools import product
from typing import Any, Final

import attrs

from .. import layout
from ..errors import ReadError
from ..model import (
    ACTIVE_DISCLOSURE_CLASSES,
    ApplicantRow,
    Applications,
    Narrative,
    NotProcessed,
    OtherHandling,
    Outcomes,
    Report,
    ReviewLitigation,
    ReviewRow,
    Subsection,
    UnableToProvide,
    Withheld,
)
from . import _digits, _labels, _meta
from ._result import CellOrigin, ImportResult, Note, Severity, printed_origin
from ._source import SourceCell, SourceDocument, SourceLine, SourceTable, Where

__all__ = ["assemble"]

_NOWHERE: Final = Where()  # no position: one frozen value, shared by every note and item that has none
_SECTIONS: Final = tuple(layout.SECTION_HEADINGS)
_TABLE_SECTIONS: Final = ("active_disclosure", "applications", "review_litigation")
_BLANKS: Final = frozenset({"", "-", "--", "—", "——", "/", "／", "无", "空", "－", "\u2013", "_", "\\", "&nbsp;"})
_COUNT_UNITS: Final = "件次|人次|条次|件|个|项|条|人|户|家|次|份|宗|起|例|篇"
"""Short words printed after a count ("3人", "5件次", "2户"): the cell is that number, read with an annotation note."""
_MONEY_UNITS: Final = ("万元", "元", "万")
"""The units an amount may be printed in; a count unit in a money cell says it holds no amount."""
_UNITS: Final = f"{'|'.join(_MONEY_UNITS)}|{_COUNT_UNITS}"
_VALUE: Final = re.compile(rf"^[-\u2212]?\d[\d,]*(?:\.\d+)?\s*(?:{_UNITS})?\s*(?:[（(][^）)]*[）)])?$|^\d+(?:\s+\d+)+$")
_DIGIT: Final = re.compile(r"\d")  # compiled once: searched for in every value of every row
_WORD_CELL: Final = re.compile(
    rf"^(?:暂无|不适用|不涉及|n/?a|x|※|\*|(?P<approx>约\s*\d[\d,.]*|\d[\d,.]*\s*(?:余|多))\s*(?:{_COUNT_UNITS})?)$",
    re.I,
)
"""A word or an approximate figure printed in a data cell: the cell holds no count (not-a-number), the row is kept."""
_NUMBER_ONLY: Final = re.compile("^[\\s\\d.\\-\u2212—/]*$")
_RUN: Final = re.compile("^[\\s\\d.,\\-\u2212—/]*(?:万元|元)?")
_CLOSERS: Final = "\"'”’」）)]"
_APPLICANT_KEYS: Final = ApplicantRow.FIELDS
_REVIEW_ROWS: Final = ("reconsideration", "litigation_direct", "litigation_after_reconsideration")
_REVIEW_WORDS: Final = re.compile(
    r"行政复议|行政诉讼|未经复议直接起诉|复议后起诉|结果|维持|纠正|其他|尚未|审结|总\s*计|表四|[（(][^）)]*[）)]|[:：]"
)
_2021_WORDS: Final = ("本年制发件数", "本年废止件数", "现行有效件", "本年收费金额", "本年处理决定数量")
_2019_WORDS: Final = (
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "政府集中采购",
)
_OLD_OUTLINE: Final = ("依申请公开政府信息情况", "政府信息依申请公开", "依申请公开办理情况", "政府信息公开情况统计表")


@attrs.define
class _Item:
    """A printed label (possibly none) and the value tokens printed beside it."""

    labels: list[tuple[str, Where]]
    values: list[tuple[str, Where]]
    cells: bool
    """True for grid cells (blank cells count), False for whitespace tokens of a line."""
    cols: list[int] = attrs.Factory(list)
    """For grid cells: the grid column of each value cell."""
    label_col: int = -1
    """For grid cells: the grid column of the last label cell (-1 when the row has no label)."""
    positions: tuple[int, ...] | None = None
    """For grid cells of 表三: the grid column of each applicant column, from the table's header rows."""
    extras: dict[int, str] = attrs.Factory(dict)
    """For grid cells of 表三: header columns naming no applicant column (a printed 小计), by grid column."""
    header: dict[int, str] = attrs.Factory(dict)
    """For grid cells of 表二: the normalised text of the last header row, by grid column."""
    loose: _Loose | None = None
    """For grid cells of 表三 under a header that does not name every applicant column."""
    row: Sequence[SourceCell] = ()
    """For a grid row: the row itself, whose cells give :attr:`widths`."""
    wording: str = ""
    """For a label on a line of text: the rest of its official wording printed after it up to the end of the line
    or its figures ("（区分处理的，只计这一情形，不" after （二）部分公开), so a line completing it can be joined."""

    # The two properties below are derived when needed rather than stored for every cell of every row: most rows
    # are read under their header's columns, which needs neither.

    @property
    def widths(self) -> list[int]:
        """For grid cells: the colspan of each value cell (a merged cell covers several columns)."""
        return [self.row[col].colspan for col in self.cols] if self.row else []

    @property
    def padding(self) -> list[bool]:
        """For grid cells: True for a cell added by the reader to square the grid (the printed row ended before it)."""
        return [not text and where.detail == _PADDING for text, where in self.values] if self.row else []


def _is_padding(text: str, where: Where) -> bool:
    """True for an empty cell a reader added to square a grid (the printed row ended before it)."""
    return not text and where.detail == _PADDING


@attrs.define
class _Loose:
    """A 表三 header naming some applicant columns but not all: its rows are read in order, noted once."""

    printed: str
    noted: bool = False


@attrs.define
class _Segment:
    text: str
    where: Where


@attrs.define
class _Context:
    notes: list[Note] = attrs.Factory(list)
    provenance: dict[str, CellOrigin] = attrs.Factory(dict)

    def note(
        self,
        code: str,
        message: str,
        where: Where | None = None,
        severity: Severity = "warning",
        path: str | None = None,
    ) -> None:
        self.notes.append(Note(code, message, severity, where or _NOWHERE, path))


# ---------------------------------------------------------------------------------------------------------------
# 1. sections


_MAYBE_HEADING: Final = re.compile(r"[一二三四五六七]\s*[、.．]")  # what every section pattern starts with


def _headings(text: str) -> list[tuple[int, int, str]]:
    """(start, end, section) of every heading pattern's match in ``text``, in order.

    A pattern is searched for only in a text with one of its words (``_meta.SECTION_WORDS``): a heading line names
    one section, and the other patterns are ruled out without a regex search.
    """
    found: list[tuple[int, int, str]] = []
    for key, pattern in _meta.SECTION_PATTERNS.items():
        for word in _meta.SECTION_WORDS[key]:
            if word in text:
                found.extend((m.start(), m.end(), key) for m in pattern.finditer(text))
                break
    found.sort()
    return found


def _sections(doc: SourceDocument) -> tuple[dict[str, list[SourceLine | SourceTable | _Segment]], dict[str, str]]:
    """Blocks per section (``preamble`` first), and each section's heading as printed."""
    parts: dict[str, list[SourceLine | SourceTable | _Segment]] = {"preamble": []}
    printed: dict[str, str] = {}
    current = -1
    key = "preamble"
    for block in doc.blocks:
        if isinstance(block, SourceTable):
            parts.setdefault(key, []).append(block)
            continue
        text = block.text
        pos = 0
        for start, end, section in _headings(text) if _MAYBE_HEADING.search(text) else ():
            index = _SECTIONS.index(section)
            if start < pos or index <= current:
                continue
            if text[pos:start].strip():
                parts.setdefault(key, []).append(_Segment(text[pos:start], _at(block.where, pos)))
            current, key, pos = index, section, end
            printed[section] = re.sub(r"\s+", "", text[start:end])
            parts.setdefault(key, [])
        if text[pos:].strip():
            if pos == 0 and block.where.line is None:  # the whole line, where it was: the block itself
                parts.setdefault(key, []).append(block)
            else:
                parts.setdefault(key, []).append(_Segment(text[pos:], _at(block.where, pos)))
    return parts, printed


def _at(where: Where, offset: int) -> Where:
    """``where`` moved ``offset`` characters right on its line (itself when it has no line).

    Built with the constructor rather than ``attrs.evolve``, which looks up the fields for every call (one per
    token of a text line); ``_WHERE_FIELDS`` checks at import that the arguments are still all of them.
    """
    if where.line is None:
        return where
    return Where(
        where.line,
        (where.column or 1) + offset,
        where.page,
        where.bbox,
        where.table,
        where.row,
        where.col,
        where.detail,
    )


_WHERE_FIELDS: Final = ("line", "column", "page", "bbox", "table", "row", "col", "detail")
if tuple(field.name for field in attrs.fields(Where)) != _WHERE_FIELDS:  # pragma: no cover
    raise TypeError("Where fields changed: update _at() in _assemble.py")


def _table_kind(table: SourceTable) -> str | None:
    text = "".join(cell.text for row in table.rows for cell in row)
    if "本年新收" in text or "予以公开" in text or "不予公开" in text:
        return "applications"
    if "复议" in text or "结果维持" in text:
        return "review_litigation"
    if "第二十条" in text or "信息内容" in text or "行政许可" in text or "规章" in text:
        return "active_disclosure"
    return None


# ---------------------------------------------------------------------------------------------------------------
# 2. items


@functools.lru_cache(maxsize=4096)  # cell texts recur ("0", "", "1"…)
def _is_value(text: str) -> bool:
    if text.isdigit() and text.isascii():
        return True
    t = unicodedata.normalize("NFKC", text).strip()
    return t in _BLANKS or bool(_VALUE.match(t)) or bool(_WORD_CELL.match(t))


@functools.lru_cache(maxsize=4096)  # cell texts recur ("0", "", the labels of the form…)
def _cell_text(text: str) -> tuple[str, bool]:
    """A grid cell's text stripped, and whether it is a value (:func:`_is_value`): one cached call per cell."""
    stripped = text.strip()
    return stripped, _is_value(stripped)


def _row_item(
    row: Sequence[SourceCell],
    table: str,
    positions: tuple[int, ...] | None = None,
    extras: dict[int, str] | None = None,
    header: dict[int, str] | None = None,
    loose: _Loose | None = None,
    first_column: int = -1,
    before: list[_Item] | None = None,
) -> _Item | None:
    """A grid row as an item: its label cells, and the value cells after the last of them.

    ``table`` is the section's (``applications``…), whose row labels are known; ``positions``, ``extras``,
    ``header`` and ``loose`` are the table's, shared by its rows (see :class:`_Item`); ``first_column`` is the
    leftmost of ``positions``, found once for the table (-1 without them, and for a header row). A grid row
    printing two rows of the form side by side (| 规章 | 1 | 2 | 3 | 行政规范性文件 | 6 | 3 | 11 |) gives the first
    of them to ``before`` when given (else its figures are dropped), and returns the second.
    """
    labels: list[tuple[str, Where]] = []
    values: list[tuple[str, Where]] = []
    cols: list[int] = []
    label_col = -1
    for col, cell in enumerate(row):
        text, is_value = _cell_text(cell.text)
        if is_value:
            if cell.spanned or not (text or labels):  # without a label, the values start at the first printed one
                continue
            values.append((text, cell.where))
            cols.append(col)
        elif (values or 0 <= first_column <= col) and (  # (most text cells, labels, are ruled out by this alone)
            not _label_after_number(row, col, positions, table)
            if any(t for t, _ in values)
            else 0 <= first_column <= col and bool(labels) and _text_in_first_cell(row, col)
        ):
            # A figure printed since the last label: the cells have started. Text among the figures ("3人数", "见附件")
            # is one unreadable cell of the row, read (and noted) as such: taken for a label, it would drop the
            # figures before it and move those after it to other columns. So is text before the first figure, in
            # a column the header has for figures, when the row keeps no room after it for all its figures.
            # A merged cell reaching into the row from above is not printed in it: it is skipped like a blank.
            if not cell.spanned:
                values.append((text, cell.where))
                cols.append(col)
        else:
            earlier = len(labels)
            if " / " in text:  # a header path (三、… / （一）…): each level is a label
                for part in _PATH_SEP.split(text):
                    if not labels or labels[-1][0] != part:
                        labels.append((part, cell.where))
            elif not labels or labels[-1][0] != text:  # (a merged label cell repeats its text)
                labels.append((text, cell.where))
            if values:  # values come after the last label
                if before is not None and earlier and len(labels) > earlier and any(t for t, _ in values):
                    # the figures of a row of the form printed before this label on the same grid row
                    done = _Item(
                        labels[:earlier],
                        values,
                        True,
                        cols,
                        label_col,
                        positions,
                        extras or {},
                        header or {},
                        loose,
                        row,
                    )
                    before.append(done)
                values, cols = [], []
            label_col = col
    if not labels and not values:
        return None
    if extras is None:
        extras = {}
    if header is None:
        header = {}
    return _Item(labels, values, True, cols, label_col, positions, extras, header, loose, row)


def _label_after_number(row: Sequence[SourceCell], col: int, positions: tuple[int, ...] | None, table: str) -> bool:
    """True when the text cell at grid column ``col`` of ``row``, printed after a number, is the row's label all the
    same: a 序号 column (| 1 | 一、本年新收… |) or a sub-row's number in a cell of its own (| （三）不予公开 | 1 |
    属于国家秘密 |) comes before the label, not among its figures.

    It is when printed before the first applicant column of 表三's header (``positions``, None when the header
    does not name them all), or when it names a row of the form with room after it for all the row's figures
    (a label printed in a figure's cell, "（六）其他处理情况1" among seven figures, has not).
    """
    if positions and col < min(positions):
        return True
    room = len(row) - col - 1
    return room >= _ROW_FIGURES.get(table, 1) and _labels.match(row[col].text.strip(), table) is not None


def _text_in_first_cell(row: Sequence[SourceCell], col: int) -> bool:
    """True when the text cell at grid column ``col`` of a 表三 row, after its label and before any figure, in the
    header's columns of figures, is the row's first figure cell ("见附件" under 自然人), not a second level of its
    label (the columns of a row may lie one or two to the right of the header's, as text tables print them): it names
    no row of the form, the row prints fewer than seven cells after it (a sub-row's label printed where the
    header has 自然人, | （三）不予公开 | 1.属于国家秘密 | 2 | … |, has seven; a blank 备注 cell after 总计 is no
    figure's). Header rows are not asked (their
    ``first_column`` is -1): they print column names there."""
    room = sum(1 for cell in row[col + 1 :] if cell.text.strip())  # cells printed after it (not a blank 备注)
    return room < len(layout.APPLICANT_FIELDS) and _labels.match(row[col].text.strip(), "applications") is None


_ROW_FIGURES: Final = {"applications": len(layout.APPLICANT_FIELDS)}
"""The figures of a row of the table (表三's seven columns; 表二's rows have one or three)."""


_PATH_SEP: Final = re.compile(r"\s+/\s+")
"""Between the levels of a label or header printed as one path (三、本年度办理结果 / （一）予以公开)."""


def _header_names(text: str) -> list[str]:
    """The normalised names in a header cell: itself, and each level of a path (法人或其他组织 / 商业企业)."""
    if " / " not in text:
        return [_labels.normalize(text)]
    return [_labels.normalize(part) for part in _PATH_SEP.split(text)]


_PADDING: Final = "padding"  # Where.detail of the empty cells readers add to square a grid
_HEADER_KEYS: Final = {_labels.normalize(f.label): f.key for f in layout.APPLICANT_FIELDS}


def _has_digit(row: Sequence[SourceCell]) -> bool:
    """True when some cell of a grid row has a digit (``str.isdigit``): a data row, not a header row.

    The row's text is joined once and searched with a regex for the decimal digits (in C); only a row
    without one (a header row) is tested character by character, for the other characters ``str.isdigit``
    accepts (², ①), and that answer is cached: header rows are printed alike from report to report.
    """
    text = "".join([cell.text for cell in row])
    return _DIGIT.search(text) is not None or _has_other_digit(text)


@functools.lru_cache(maxsize=1024)
def _has_other_digit(text: str) -> bool:
    """True when a character of ``text`` is a digit for ``str.isdigit`` (², ① as well as 0-9)."""
    return not text.isascii() and any(map(str.isdigit, text))


def _header_rows(table: SourceTable) -> list[Sequence[SourceCell]]:
    """The rows of a grid without a digit anywhere (its header rows), found once for every header reader."""
    return [row for row in table.rows if not _has_digit(row)]


_MIN_TRUNCATED: Final = 3
"""Fewest characters of a column header cut short (社会公益组, 现行有效件) that is read as the one name it begins."""


def _truncated(name: str, names: Iterable[str]) -> str | None:
    """The only one of ``names`` that the header ``name`` begins without being it (a header cut short), else None."""
    if len(name) < _MIN_TRUNCATED:
        return None
    found = [full for full in names if full.startswith(name) and full != name]
    return found[0] if len(found) == 1 else None


def _cut_columns(header_rows: Sequence[Sequence[SourceCell]], found: dict[str, int]) -> list[tuple[str, str, Where]]:
    """Add to ``found`` (field key → grid column) the applicant columns of 表三 named by a header cut short
    (社会公益组 for 社会公益组织), and list them as (printed, official name, where)."""
    cut: list[tuple[str, str, Where]] = []
    for row in header_rows:
        for col, cell in enumerate(row):
            if cell.spanned or not cell.text or col in found.values():
                continue
            name = _truncated(_header_names(cell.text)[-1], _HEADER_KEYS)
            if name is not None and _HEADER_KEYS[name] not in found:
                found[_HEADER_KEYS[name]] = col
                cut.append((cell.text.strip(), name, cell.where))
    return cut


def _header_positions(
    header_rows: Sequence[Sequence[SourceCell]], truncated: list[tuple[str, str, Where]] | None = None
) -> tuple[int, ...] | None:
    """The grid column of each applicant column of 表三, read from the header rows (None when not all are seen).

    A row with a digit anywhere is a data row and is not among ``header_rows``; the first cell naming each column
    is taken. A header cut short is added to ``truncated`` as (printed, official name, where).
    """
    found: dict[str, int] = {}
    for row in header_rows:
        for col, cell in enumerate(row):
            if cell.spanned or not cell.text:
                continue
            key = _HEADER_KEYS.get(_header_names(cell.text)[-1])
            if key is not None and key not in found:
                found[key] = col
    if len(found) != len(layout.APPLICANT_FIELDS) and truncated is not None:
        cut = _cut_columns(header_rows, found)  # looked for only when some column is not named in full
        if len(found) == len(layout.APPLICANT_FIELDS):
            truncated.extend(cut)
    if len(found) != len(layout.APPLICANT_FIELDS):
        return None
    positions = tuple(found[f.key] for f in layout.APPLICANT_FIELDS)
    if len(set(positions)) != len(positions):
        return None
    return positions  # in any printed order: each column is read under the header naming it


def _partial_header(table: SourceTable) -> str | None:
    """The printed header row of a 表三 grid naming some applicant column but not all of them, else None."""
    for row in table.rows:
        texts: list[str] = []  # the row's printed texts, when none of them is a value
        for cell in row:
            text, is_value = _cell_text(cell.text)
            if text and not cell.spanned:
                if is_value:
                    break  # a data row: its first figure ends the search
                texts.append(text)
        else:
            if texts and any(_header_names(t)[-1] in _HEADER_KEYS for t in texts[1:]):
                return " | ".join(re.sub(r"\s+", "", t) for t in texts)
    return None


def _header_extras(header_rows: Sequence[Sequence[SourceCell]], positions: tuple[int, ...]) -> dict[int, str]:
    """Grid columns among 表三's applicant columns whose header names no applicant column (小计…), with that name."""
    first = min(positions)
    extras: dict[int, str] = {}
    for row in header_rows:
        for col, cell in enumerate(row):
            text = cell.text.strip()
            if col < first or col in positions or cell.colspan > 1 or not text:
                continue
            if _header_names(text)[-1] not in _HEADER_KEYS:
                extras.setdefault(col, re.sub(r"\s+", "", text))
    return extras


_UNIT: Final = re.compile(r"\([^)]*\)")


@functools.lru_cache(maxsize=1024)  # header texts recur (本年新制作数量…), and every field's label is looked up per row
def _column_label(text: str) -> str:
    """A printed column header in comparable form, without its parenthesised unit (本年收费金额（单位：万元）)."""
    return _UNIT.sub("", _labels.normalize(text))


_ACTIVE_COLUMNS: Final = frozenset(
    _column_label(f.label)
    for edition in ("2019", "2021")
    for _path, node in layout.edition(edition).table("active_disclosure").rows()
    for f in node.fields
)


def _header_row(row: Sequence[SourceCell], ctx: _Context) -> dict[int, str]:
    """表二's column names by grid column when ``row`` is a header row naming at least one of its columns, else {}.

    A header cut short is noted (``header-truncated``) each time its row is found.
    """
    if _has_digit(row):
        return {}
    columns, cut = _header_columns(tuple([cell.text for cell in row]))
    for col in cut:
        _header_note(row[col].text.strip(), dict(columns)[col], "表二", row[col].where, ctx)
    return dict(columns)


@functools.lru_cache(maxsize=1024)  # 表二's header rows are printed alike from report to report
def _header_columns(texts: tuple[str, ...]) -> tuple[tuple[tuple[int, str], ...], tuple[int, ...]]:
    """(grid column, column name) of the cells of a header row of 表二, () unless one names a column of the form;
    and the grid columns of the headers cut short (现行有效件), given the one column name they begin (现行有效件数).
    """
    header = {col: _column_label(text) for col, text in enumerate(texts) if text.strip()}
    cut: list[int] = []
    for col, name in header.items():
        if name not in _ACTIVE_COLUMNS and (full := _truncated(name, _ACTIVE_COLUMNS)) is not None:
            header[col] = full
            cut.append(col)
    if not any(t in _ACTIVE_COLUMNS for t in header.values()):
        return (), ()
    return tuple(header.items()), tuple(cut)


def _by_header(item: _Item, fields: Sequence[layout.Field], prefix: str, ctx: _Context) -> dict[str, Any] | None:
    """A grid row of 表二 read under the header cells naming its fields, or None when the header does not name them all.

    A figure under a header cell that names no field of the row is ignored with a note; a figure under no header
    cell, or a field whose column the row does not reach, sends the row back to reading by order. So does a header
    naming some fields but not all, unless it names one over another cell than reading by order would give it
    (现行有效件数 printed first): then the row is left blank with a note, never read in the form's order.
    """
    header = item.header
    cols: list[int] = []
    named: dict[int, int] = {}  # field index → the one grid column whose header names it
    for i, field in enumerate(fields):
        label = _column_label(field.label)
        found = [col for col, text in header.items() if text == label]
        if len(found) == 1:
            named[i] = found[0]
        cols.append(found[0] if len(found) == 1 else -1)
    if len(named) < len(fields):
        return _against_order(item, fields, named, prefix, ctx) if named else None
    at = {col: i for i, col in enumerate(item.cols)}
    if any(col not in at or _is_padding(*item.values[at[col]]) for col in cols):
        return None
    ignored: list[str] = []
    for i, col in enumerate(item.cols):
        text = item.values[i][0]
        if col in cols or not text:
            continue
        if col not in header:
            return None
        ignored.append(f"{header[col]} {text}")
    out = _read_cells(fields, [item.values[at[col]] for col in cols], prefix, ctx)
    if ignored:
        ctx.note(
            "extra-column",
            f"{prefix}: column not in the form ignored: {'、'.join(ignored)}",
            item.values[0][1],
            "warning",
            prefix,
        )
    return out


def _against_order(
    item: _Item, fields: Sequence[layout.Field], named: dict[int, int], prefix: str, ctx: _Context
) -> dict[str, Any] | None:
    """None (read the row by order) unless the header names a field of the row over another cell than reading by
    order would give it: then {} (the row left blank), with a note. ``named``: field index → grid column named."""
    kept, _ = _in_order(item, len(fields))
    if len(kept) != len(fields):
        return None  # reading by order will not place the row either, and says so
    for i, col in named.items():
        if col != item.cols[kept[i]]:
            ctx.note(
                "header-unmatched",
                f"{prefix}: the header names {fields[i].label} over another cell than the form's order gives it, "
                "and does not name every column: the row was left blank",
                item.values[kept[0]][1],
                "error",
                prefix,
            )
            return {}
    return None


_DROPPED: Final = "\"'“”‘’「」"  # quotes, dropped from texts searched for labels, as whitespace is


class _Norm:
    """A text without whitespace or quotes, NFKC-normalised, with the position of each character in the original."""

    def __init__(self, text: str) -> None:
        chars: list[str] = []
        index: list[int] = []
        nfkc = unicodedata.normalize("NFKC", text)
        if len(nfkc) == len(text):  # the usual case: one character for one, the positions are kept
            index = [i for i, c in enumerate(nfkc) if not (c.isspace() or c in _DROPPED)]
            chars = [nfkc[i] for i in index]
        else:
            for i, ch in enumerate(text):
                for c in unicodedata.normalize("NFKC", ch):
                    if c.isspace() or c in _DROPPED:
                        continue
                    chars.append(c)
                    index.append(i)
        self.text = _labels.unify_marks("".join(chars))
        self.index = index
        self.length = len(text)

    def orig(self, pos: int) -> int:
        """Original position of normalised position ``pos`` (end positions map past the last character)."""
        if pos >= len(self.index):
            return self.length
        return self.index[pos]


_TOKEN: Final = re.compile(r"\S+")


def _tokens(run: str, where: Where, offset: int) -> list[tuple[str, Where]]:
    return [(m.group(0), _at(where, offset + m.start())) for m in _TOKEN.finditer(run)]


def _line_items(segment: _Segment, table: str) -> list[_Item]:
    text = segment.text
    norm = _Norm(text)
    found = _labels.find_labels(norm.text, table)
    items: list[_Item] = []
    head_end = norm.orig(found[0][0]) if found else len(text)
    head = text[:head_end]
    if head.strip():
        if _NUMBER_ONLY.match(head) and _DIGIT.search(head):
            items.append(_Item([], _tokens(head, segment.where, 0), cells=False))
        elif not found:
            fuzzy = _fuzzy_line(text, segment.where, table)
            if fuzzy is not None:
                items.append(fuzzy)
    for i, (start, end, match) in enumerate(found):
        s, e = norm.orig(start), norm.orig(end - 1) + 1
        nxt = norm.orig(found[i + 1][0]) if i + 1 < len(found) else len(text)
        while e < nxt and text[e] in _CLOSERS:
            e += 1
        tokens = _run_tokens(text[e:nxt], segment.where, e)
        wording = ""
        if not tokens and (rest := _rest_of_label(norm.text, start, end, match)):
            # the label printed on with its official wording ("（二）部分公开（区分处理的，只计这一情形，不", cut
            # where the line wraps): its figures come after that wording
            after = norm.orig(end + rest)
            wording = text[e:after]
            tokens = _run_tokens(text[after:nxt], segment.where, after)
        items.append(_Item([(text[s:e], _at(segment.where, s))], tokens, cells=False, wording=wording))
    return items


_NOT_DIGITS: Final = re.compile(r"\D*")


def _rest_of_label(norm: str, start: int, end: int, match: _labels.LabelMatch) -> int:
    """How many characters of ``norm`` after a label found at ``start:end`` carry on its official wording up to the
    first digit (the parenthetical of （二）部分公开（区分处理的…）, possibly cut short), else 0.

    The text without digits is looked at no further than the official wording could reach (one character more,
    to tell a longer text): scanning to the next digit, which may be the end of a long line, for every label on
    it would take time growing with the square of the line.
    """
    official = _labels.normalize(match.official)
    at = official.find(norm[start:end])
    if at < 0:
        return 0
    rest = len(official) - (at + end - start)  # the official wording after what was found
    words = _NOT_DIGITS.match(norm, end, end + rest + 1)
    size = words.end() - end if words else 0
    if not size or size > rest or not official.startswith(norm[end : end + size], at + end - start):
        return 0
    return size


def _run_tokens(run: str, where: Where, offset: int) -> list[tuple[str, Where]]:
    """The tokens of the figures printed after a label on a line: numbers, blank markers and words in a cell's place.

    A token is read as a grid's cell is: a word or approximate figure (暂无, N/A, 约3) and a count with its unit
    word ("3人", "5件") are cells of the run, so the figures after them keep their places. A figure with any other
    word ("2023年", "12月") is one cell, unreadable (not-a-number), and ends the run, as does the first word not
    led by a figure and the end of a sentence ("5件，其中…" gives "5件"): what follows is no cell of the row.
    """
    tokens: list[tuple[str, Where]] = []
    for m in _TOKEN.finditer(run):
        token = m.group(0)
        if _RUN.fullmatch(token):
            if _DIGIT.search(token) or token in _BLANKS:
                tokens.append((token, _at(where, offset + m.start())))
            continue
        cell = _SENTENCE_END.split(token, 1)[0]
        if cell and _is_value(cell):
            tokens.append((cell, _at(where, offset + m.start())))
            if cell == token:
                continue
        else:
            head = _RUN.match(cell)
            if head and _DIGIT.search(head.group(0)):
                word = cell[head.end() :]
                # a figure with a short word of its own ("2023年", "12月份") is that unreadable cell; with a longer
                # text run into it ("60第二十条…", as page text joins cells) the figure is kept, the text is not
                short = len(word) <= _CELL_WORD and not _DIGIT.search(word)
                if not short and word[:1] in _DATE_UNITS:  # "2023年共24件", "12月31日": a date, never a figure
                    cell, short = head.group(0) + word[:1], True
                tokens.append((cell if short else head.group(0), _at(where, offset + m.start())))
        break
    return tokens


_CELL_WORD: Final = 2
_DATE_UNITS: Final = "年月日"
"""A figure followed by one of these is a date ("2023年以来"), an unreadable cell whatever text follows it."""
"""Most characters of a word printed after a figure on a line that is taken for part of its cell ("2023年度")."""
_SENTENCE_END: Final = re.compile("[，。；;：:]")
"""Punctuation ending a sentence or clause, after which a line's text is prose, not cells ("5件，其中…")."""


def _fuzzy_line(text: str, where: Where, table: str) -> _Item | None:
    m = re.match(r"^(.*?)((?:\s+[-\d.]+)+)\s*$", text)
    label_part, run = (m.group(1), m.group(2)) if m else (text, "")
    for piece in reversed(label_part.split()):
        if _labels.match(piece, table) is not None:
            tokens = _tokens(run, where, len(label_part)) if run else []
            return _Item([(piece, _at(where, text.index(piece)))], tokens, cells=False)
    if run and label_part.strip() and len(label_part.strip()) <= 40:  # a printed row of figures, label unknown
        label = label_part.strip()
        return _Item([(label, _at(where, text.index(label)))], _tokens(run, where, len(label_part)), cells=False)
    return None


def _header_note(printed: str, name: str, table: str, where: Where, ctx: _Context) -> None:
    """An info note on a column header cut short, read as the one column name it begins."""
    ctx.note("header-truncated", f"{table}'s column header {printed!r} read as {name!r} (cut short)", where, "info")


def _items(blocks: Sequence[SourceLine | SourceTable | _Segment], table: str, ctx: _Context) -> list[_Item]:
    """The items of a table section's blocks; column headers cut short are noted here, once per header row."""
    items: list[_Item] = []
    positions: tuple[int, ...] | None = None
    extras: dict[int, str] = {}
    header: dict[int, str] = {}
    looses: dict[str, _Loose] = {}
    for block in blocks:
        if isinstance(block, SourceTable):
            loose = None
            header_ids: set[int] = set()  # the rows printing no digit, by id: they have no figure columns
            if table == "applications":  # a table without header rows continues the last one's columns
                header_rows = _header_rows(block)
                header_ids = {id(row) for row in header_rows}
                truncated: list[tuple[str, str, Where]] = []
                found = _header_positions(header_rows, truncated)
                if found is not None:
                    positions, extras = found, _header_extras(header_rows, found)
                    for printed, name, where in truncated:
                        _header_note(printed, name, "表三", where, ctx)
                else:
                    partial = _partial_header(block)
                    if partial is not None:  # one note for every table under the same printed header
                        positions, extras, loose = None, {}, looses.setdefault(partial, _Loose(partial))
            header = {}
            first_column = min(positions) if positions else -1
            for row in block.rows:
                if table == "active_disclosure":
                    header = _header_row(row, ctx) or header
                first = -1 if id(row) in header_ids else first_column
                beside: list[_Item] = []
                item = _row_item(row, table, positions, extras, header, loose, first, beside)
                items.extend(beside)
                if item is None:
                    continue
                if item.labels and item.labels[-1][0][-1:].isdigit() and not _has_numbers(item):
                    # a row whose last text cell ends in digits and has no figure after it ("3.其他100001011": a
                    # label and its figures run together, as converted page text prints them): that cell is read
                    # as a line of text (the group labels merged beside it name no row of their own)
                    text, where = item.labels[-1]
                    items.extend(_line_items(_Segment(text, where), table))
                else:
                    items.append(item)
        else:
            segment = block if isinstance(block, _Segment) else _Segment(block.text, block.where)
            line_items = _line_items(segment, table)
            if line_items and items and _wrapped_label(items[-1], line_items[0], table):
                items[-1].labels.append(line_items[0].labels[0])  # the figures printed after the label's last piece
                items[-1].values = line_items.pop(0).values
            items.extend(line_items)
    return items


def _wrapped_label(before: _Item, item: _Item, table: str) -> bool:
    """True when ``item`` (a line of text: an unknown label and its figures) is the end of the label ``before``
    printed on the line above without figures, the two pieces together being the official label exactly
    ("（二）部分公开（区分处理的，只计这一情形，不" / "计其他情形） 0 0 0 0 1 0 1", as PDF text wraps a long label)."""
    if before.cells or before.values or item.cells or not item.values or len(before.labels) != 1:
        return False
    if len(item.labels) != 1 or _labels.match(item.labels[0][0], table) is not None:
        return False
    head, tail = before.labels[0][0] + before.wording, item.labels[0][0]
    whole, first = _labels.match(head + tail, table), _labels.match(head, table)
    return whole is not None and whole.exact and first is not None and whole.path == first.path


# ---------------------------------------------------------------------------------------------------------------
# 3. values


_GROUPED: Final = re.compile(r"^-?[\d,]+")
_GROUPS: Final = re.compile(r"-?\d{1,3}(?:,\d{3})+")
_NUMBER_WITH_UNIT: Final = re.compile(rf"^(-?\d+(?:\.\d+)?)\s*({_UNITS})?\s*(?:[（(][^）)]*[）)])?$")


def _ten_thousandths(number: Decimal) -> Decimal:
    """``number`` divided by 10000 exactly, without trailing zeros after the point.

    >>> _ten_thousandths(Decimal("15000")), _ten_thousandths(Decimal("20000")), _ten_thousandths(Decimal("3"))
    (Decimal('1.5'), Decimal('2'), Decimal('0.0003'))
    """
    shifted = number.scaleb(-4).normalize()
    return shifted.quantize(Decimal(1)) if shifted.as_tuple().exponent > 0 else shifted  # type: ignore[operator]


def _value(text: str, kind: str, ctx: _Context, where: Where, path: str, unit: str | None = None) -> tuple[Any, bool]:
    """A printed cell as a value of ``kind``; (value, printed) where printed is False when nothing usable.

    ``unit`` is the unit the form prints in the label (万元 for the 2021 fees): an amount printed in 元 is
    converted to it exactly; a count printed in 万 is not a count.
    """
    if text.isdigit() and text.isascii():  # the common case: plain ASCII digits
        return (Decimal(text) if kind == "amount" else int(text)), True
    if not text:  # the other common case: a blank cell, printed as such
        return None, True
    t = unicodedata.normalize("NFKC", text).strip().replace("\u2212", "-")
    if "," in t:
        grouped = _GROUPED.match(t)
        if grouped is None or not _GROUPS.fullmatch(grouped.group(0)):
            ctx.note(
                "not-a-number",
                f"{text!r} has digit groups that are not of three (1,234): cell left blank",
                where,
                "error",
                path,
            )
            return None, False
        t = t.replace(",", "")
    if t in _BLANKS:
        if t:
            ctx.note("blank-marker", f"{text!r} read as a blank cell", where, "info", path)
        return None, True
    m = _NUMBER_WITH_UNIT.match(t)
    if not m:
        word = _WORD_CELL.match(t)
        if word is not None and word.group("approx"):
            message = f"{text!r} is an approximate figure, not a count: cell left blank (never guessed)"
        else:
            message = f"{text!r} is not a number: cell left blank"
        ctx.note("not-a-number", message, where, "error", path)
        return None, False
    number, printed_unit = m.group(1), m.group(2)
    if kind == "amount":
        if printed_unit and printed_unit not in _MONEY_UNITS:  # "3次", "2.5人" in a money column: no amount
            ctx.note(
                "not-a-number",
                f"{text!r} is a count ({printed_unit}), not an amount: cell left blank",
                where,
                "error",
                path,
            )
            return None, False
        try:
            amount = Decimal(number)
        except InvalidOperation:  # pragma: no cover - the pattern only lets decimal numbers through
            return None, False
        if unit == "万元" and printed_unit == "元":
            converted = _ten_thousandths(amount)
            ctx.note("unit-converted", f"{text!r} is printed in 元: read as {converted} 万元", where, "warning", path)
            return converted, True
        if printed_unit and unit is None:
            ctx.note(
                "annotation",
                f"{text!r} read as {number}, as printed (the form names no unit; printed in {printed_unit})",
                where,
                "info",
                path,
            )
        elif m.group(0) != number:
            ctx.note("annotation", f"{text!r} read as {number} (unit or annotation in the cell)", where, "info", path)
        return amount, True
    if printed_unit in ("万", "万元"):
        ctx.note(
            "not-a-count",
            f"{text!r} is written in ten thousands (万), not as a count: cell left blank",
            where,
            "error",
            path,
        )
        return None, False
    if m.group(0) != number:
        ctx.note("annotation", f"{text!r} read as {number} (unit or annotation in the cell)", where, "info", path)
    if "." in number:
        if re.fullmatch(r"-?\d+\.0+", number):
            number = number.split(".")[0]
            ctx.note("decimal-count", f"{text!r} read as {int(number)} (a whole number)", where, "info", path)
        else:
            ctx.note("not-a-count", f"{text!r} is not a whole number: cell left blank", where, "error", path)
            return None, False
    value = int(number)
    if value < 0 and kind != "signed":
        ctx.note("negative-count", f"{text!r} is negative: cell left blank", where, "error", path)
        return None, False
    return value, True


def _read_cells(
    fields: Sequence[layout.Field],
    cells: Sequence[tuple[str, Where] | None],
    prefix: str,
    ctx: _Context,
    missing: list[str] | None = None,
) -> dict[str, Any]:
    """The values of a row's cells by field key, each printed cell's provenance recorded.

    A blank cell or one of plain ASCII digits, nearly every cell of a report, is read here directly; the others
    go through :func:`_value` (markers, units, annotations, notes). With ``missing`` (a row read under its header's
    columns), a cell that is None or padding (:func:`_is_padding`) was not printed: its value is None, it has no
    provenance and its field's label is added to ``missing``.
    """
    out: dict[str, Any] = {}
    provenance = ctx.provenance
    for field, cell in zip(fields, cells, strict=True):
        key = field.key
        if cell is None:
            out[key] = None
            if missing is not None:
                missing.append(field.label)
            continue
        text, where = cell
        path = f"{prefix}.{key}"
        if not text:
            out[key] = None
            if missing is not None and where.detail == _PADDING:  # padding: not printed (_is_padding)
                missing.append(field.label)
                continue
        elif text.isdigit() and text.isascii():
            out[key] = Decimal(text) if field.kind == "amount" else int(text)
        else:
            out[key] = _value(text, field.kind, ctx, where, path, field.unit)[0]
        provenance[path] = printed_origin(text, where)
    return out


def _read_row(
    item: _Item,
    fields: Sequence[layout.Field],
    prefix: str,
    ctx: _Context,
    rule: Any = None,
) -> tuple[dict[str, Any], list[tuple[int, ...]]]:
    """Values of one row keyed by field, and the candidate cuts when a run of digits is ambiguous.

    Grid rows of 表三 are read by the columns of the header when the table has one and the row's figures sit in
    them; other rows by their order, after dropping the empty filler cell beside a label that spans two grid
    columns and empty cells at the end. A row with fewer cells than the layout is never shifted: it is noted.
    """
    if item.cells and item.positions is not None and len(item.positions) == len(fields):
        placed = _by_position(item, fields, prefix, ctx)
        if placed is not None:
            return placed, []
    if item.cells and item.header:
        placed = _by_header(item, fields, prefix, ctx)
        if placed is not None:
            return placed, []
    count = len(fields)
    values = item.values
    widths = item.widths
    first: int | None = 0 if values else None
    if item.cells and (len(values) > count or any(item.padding)):  # cells not read (padding, filler…)
        kept, first = _in_order(item, count)
        values = [values[i] for i in kept]
        widths = [widths[i] for i in kept] if widths else widths
    where = item.values[first][1] if first is not None else (item.labels[0][1] if item.labels else _NOWHERE)
    if item.loose is not None:
        if not item.loose.noted:
            item.loose.noted = True
            ctx.note(
                "header-unmatched",
                f"表三's header ({item.loose.printed}) does not name every column (自然人 … 总计): its rows are read "
                f"in order, and only when they have exactly {count} cells",
                where,
                "warning",
            )
        if len(values) > count:
            ctx.note(
                "extra-cells",
                f"{prefix}: {len(values)} cells where the layout has {count}, under a header that does not name every "
                "column: the row was left blank",
                where,
                "error",
                prefix,
            )
            return {}, []
    if len(values) > count:
        extra = " ".join(t or "□" for t, _ in values[count:])
        ctx.note(
            "extra-cells",
            f"{prefix}: {len(values)} cells where the layout has {count}; the first {count} were kept, "
            f"ignored: {extra}",
            where,
            "warning",
            prefix,
        )
        values = values[:count]
    out: dict[str, Any] = {}
    if item.cells and len(values) == 1 < count and widths and widths[0] > 1:
        text, w = values[0]
        value, printed = _value(text, "count", _Context(), w, prefix)
        if printed and value in (0, None):
            for field in fields:
                out[field.key] = Decimal(0) if value == 0 and field.kind == "amount" else value
                ctx.provenance[f"{prefix}.{field.key}"] = CellOrigin(text, w, True)
            ctx.note(
                "collapsed-row",
                f"{prefix}: one merged cell {text or '(blank)'!r} across the row, read as that value in every column",
                w,
                "warning",
                prefix,
            )
            return out, []
    if item.cells and len(values) > 1 and any(len(t) >= count for t, _ in values) and _whole_run(values, count):
        values = [cell for cell in values if cell[0] not in _BLANKS]  # the run alone, cut apart below
    if len(values) == count:
        return _read_cells(fields, values, prefix, ctx), []
    texts = [token for t, _ in values for token in unicodedata.normalize("NFKC", t).split()]
    digits = all(t for t, _ in values) and all(t.isascii() and t.isdigit() for t in texts) and texts
    if digits and item.cells and len(values) > 1 and len(texts) != count:
        digits = []  # separate printed cells are never cut across: too few of them is a short row, not a run
    if digits and sum(map(len, texts)) < count:
        digits = []  # fewer digits than cells ("0" alone): a short row, no run to cut
    if not digits:
        if values:
            ctx.note(
                "missing-cells",
                f"{prefix}: {len(values)} cells where the layout has {count}; the row was left blank",
                where,
                "error",
                prefix,
            )
        return {}, []
    if count == len("".join(texts)):
        found = [tuple(int(c) for c in "".join(texts))]
    elif rule is not None:
        found = _digits.candidates(texts, count, rule)
    else:
        found = []
    if len(found) == 1:
        _put(found[0], fields, prefix, values, ctx, out)
        if count == len("".join(texts)):
            ctx.note("digits-split", f"{prefix}: {' '.join(texts)!r} read one digit per cell", where, "info", prefix)
        elif len(texts) == count:  # every figure separated, but several of them printed in one cell
            ctx.note(
                "digits-split",
                f"{prefix}: {len(values)} cells print the {count} figures separated by spaces "
                f"({' | '.join(t for t, _ in values)!r}): read one figure per column in order, the sums hold",
                where,
                "warning",
                prefix,
            )
        else:
            ctx.note(
                "digits-split",
                f"{prefix}: {' '.join(texts)!r} has no separators; read as {' '.join(map(str, found[0]))}, "
                "the only split that adds up",
                where,
                "warning",
                prefix,
            )
        return out, []
    if not found:
        ctx.note(
            "digits-unsplit",
            f"{prefix}: {' '.join(texts)!r} cannot be split into {count} cells with certainty; the row was left blank",
            where,
            "error",
            prefix,
        )
    return {}, found


def _in_order(item: _Item, count: int) -> tuple[list[int], int | None]:
    """The value cells of a row read by order (indices into ``item.values``), and the first printed one (for notes).

    Cells a reader added after the end of a short printed row are not read; of a grid row with more cells than
    ``count``, the empty filler cell beside a label spanning two grid columns goes first, then empty cells at the
    ends.
    """
    values = item.values
    kept = list(range(len(values)))
    if item.cells and item.row:
        padding = item.padding
        if any(padding):
            kept = [i for i in kept if not padding[i]]
    first = kept[0] if kept else None
    if item.cells and len(kept) > count:
        if item.labels and not values[kept[0]][0]:
            kept.pop(0)
        while len(kept) > count and (not values[kept[-1]][0] or not values[kept[0]][0]):
            kept.pop(-1 if not values[kept[-1]][0] else 0)
    return kept, first


def _by_position(item: _Item, fields: Sequence[layout.Field], prefix: str, ctx: _Context) -> dict[str, Any] | None:
    """A grid row of 表三 read by the header's columns, or None when its figures do not sit in them.

    A label spanning more grid columns than the header's label column (（三）不予公开 | 1.属于国家秘密) moves the
    columns right by the difference. Cells the printed row did not reach stay blank, with a note. A row with a
    figure outside the header's columns (before them, between them or after them) is not aligned with the header
    (text copies of merged cells often are not) and is read by order instead.
    """
    positions = item.positions
    assert positions is not None
    offset = max(0, item.label_col + 1 - min(positions))
    if offset and max(positions) + offset >= len(item.row):
        # The label covers a figure column of the header and the row is no wider than the header: its figures
        # cannot be moved right under the header's columns, nor read where they are printed (one column short).
        covered = "、".join(f.label for f, col in zip(fields, positions, strict=True) if col <= item.label_col)
        figures = " ".join(t or "□" for t, _ in item.values)
        ctx.note(
            "row-misaligned",
            f"{prefix}: the label spans the header's column {covered} and the figures after it ({figures!r}) do "
            "not line up with the header's columns: the row was left blank",
            item.labels[-1][1] if item.labels else _NOWHERE,
            "error",
            prefix,
        )
        return {}
    targets = [p + offset for p in positions] if offset else list(positions)
    values = item.values
    slots: Sequence[tuple[str, Where] | None]  # the value cell under each of the header's columns, if any
    count = len(fields)
    if item.cols == targets:  # the usual row: a value cell under each of the header's columns, in order
        for text, _ in values:
            if len(text) > 2 and (_is_run(text) or (len(text) >= count and _whole_run(values, count))):
                return None  # (most cells are shorter than a run: no call for them)
        slots = values
    else:
        if len(values) == 1 and item.cols[0] <= targets[0] and item.cols[0] + item.widths[0] > targets[-1]:
            return None  # one cell merged across every column of the header: a collapsed row, read by order
        slots = [None] * len(targets)
        slot_of = {col: k for k, col in enumerate(targets)}
        extras = item.extras
        ignored: list[str] = []
        for i, col in enumerate(item.cols):
            text = values[i][0]
            k = slot_of.get(col)
            if k is not None:
                if len(text) > 2 and (_is_run(text) or (len(text) >= count and _whole_run(values, count))):
                    return None
                slots[k] = values[i]
            elif text:
                if col - offset in extras:
                    ignored.append(f"{extras[col - offset]} {text}")
                elif col < targets[0] and slot_of.keys() <= {
                    c for c, (t, _) in zip(item.cols, values, strict=True) if t
                }:
                    # before the header's first figure column, with a figure printed under every one of them: a
                    # 序号 printed after the label (under a corner cell of the header), no figure of the row
                    ignored.append(text)
                else:
                    return None  # a figure outside the header's columns: the header does not fit this row
        if ignored:
            ctx.note(
                "extra-column",
                f"{prefix}: column not in the form ignored: {'、'.join(ignored)}",
                values[0][1],
                "warning",
                prefix,
            )
    missing: list[str] = []
    out = _read_cells(fields, slots, prefix, ctx, missing)
    if missing:
        where = item.values[0][1] if item.values else (item.labels[-1][1] if item.labels else _NOWHERE)
        ctx.note(
            "missing-cells",
            f"{prefix}: the printed row ends after {count - len(missing)} of {count} cells; "
            f"{'、'.join(missing)} not printed: left blank (the printed cells are read under the header's columns)",
            where,
            "warning",
            prefix,
        )
    return out


def _whole_run(cells: Sequence[tuple[str, Where]], count: int) -> bool:
    """True when the only printed cell of a row is a run of digits long enough to hold all its ``count`` cells
    ("660042476" under 自然人, the others empty or a blank marker such as "—"): the row's figures printed without
    separators, to be cut apart by the digit splitter, not one figure of the first column."""
    printed = [text for text, _ in cells if text not in _BLANKS]
    return len(printed) == 1 and len(printed[0]) >= count and printed[0].isascii() and printed[0].isdigit()


def _is_run(text: str) -> bool:
    """True for a run of figures printed in one cell ("12 3"), to be read by order (the digit splitter).

    A run has two tokens, so three characters at least: the length is tested first, as most cells are short.
    """
    return len(text) > 2 and not text.isdigit() and len(text.split()) > 1


def _put(
    cut: Sequence[int],
    fields: Sequence[layout.Field],
    prefix: str,
    values: Sequence[tuple[str, Where]],
    ctx: _Context,
    out: dict[str, Any],
) -> None:
    text = " ".join(t for t, _ in values if t not in _BLANKS)  # (the blank cells beside a run are no part of it)
    where = values[0][1] if values else _NOWHERE
    for field, value in zip(fields, cut, strict=True):
        out[field.key] = Decimal(value) if field.kind == "amount" else value
        ctx.provenance[f"{prefix}.{field.key}"] = CellOrigin(text, where, True)


# ---------------------------------------------------------------------------------------------------------------
# 3a. 表三


@attrs.define
class _Applications:
    rows: dict[str, dict[str, Any]] = attrs.Factory(dict)
    where: dict[str, Where] = attrs.Factory(dict)
    three_rows: bool = False
    single_row: bool = False
    found: int = 0


def _applications(items: Sequence[_Item], ctx: _Context) -> _Applications:
    table = layout.edition("2021").table("applications")
    fields = table.root.child("new_received").fields
    result = _Applications()
    pending: list[tuple[str, _Item]] = []
    orphans: list[_Item] = []
    ambiguous: dict[str, tuple[_Item, list[tuple[int, ...]]]] = {}
    for item in items:
        row: _labels.LabelMatch | None = None
        for text, where in item.labels:
            match = _labels.match(text, "applications")
            if match is None:
                continue
            if match.how != "exact":
                _label_note(text, match, where, ctx)
            if match.is_row or (match.path == "outcomes.other_handling" and _carries_row(item)):
                row = match
            result.found += 1
        if row is None:
            if _has_numbers(item):
                if not item.labels:
                    orphans.append(item)
                else:
                    _unplaced(item, "表三", ctx)
            continue
        path = row.path
        if path.startswith("outcomes.other_handling."):
            result.three_rows = True
        elif path == "outcomes.other_handling":
            result.single_row = True
        if not item.values or (not item.cells and not _has_numbers(item)):  # a label printed without its numbers
            pending.append((path, item))
            continue
        if path in result.rows or path in ambiguous:
            ctx.note(
                "row-repeated", f"表三 row {row.official!r} printed twice: the first one was kept", item.labels[-1][1]
            )
            continue
        result.where[path] = item.labels[-1][1]
        values, found = _read_row(item, fields, f"applications.{path}", ctx, _digits.row_total)
        if found:
            ambiguous[path] = (item, found)
        else:
            result.rows[path] = values
    _resolve(result, ambiguous, fields, ctx)
    _pair(result, pending, orphans, fields, ctx)
    return result


def _unplaced(item: _Item, table: str, ctx: _Context) -> None:
    """A warning on a printed row with figures that matches no official row of ``table``."""
    label, where = item.labels[-1] if item.labels else ("", item.values[0][1])
    texts = [t for t, _ in item.values]
    while texts and not texts[-1]:
        texts.pop()
    figures = " ".join(t or "□" for t in texts)
    row = f"the printed row {label!r} ({where}) matches" if label else f"figures without a label ({where}) match"
    ctx.note("unplaced-row", f"{table}: {row} no official row; its figures {figures!r} are not used", where)


def _label_note(text: str, match: _labels.LabelMatch, where: Where, ctx: _Context, official: str = "") -> None:
    """An info note on a label printed otherwise than officially (typo, truncation, annotation, other edition)."""
    official = official or match.official
    path = f"{match.table}.{match.path}"
    if match.how == "similar":
        ctx.note("label-typo", f"{text!r} read as {official!r}", where, "info", path)
    elif match.how == "truncated":
        ctx.note("label-truncated", f"{text!r} read as {official!r} (label cut short)", where, "info", path)
    elif match.how == "annotated":
        ctx.note("label-annotated", f"{text!r} read as {official!r} (annotation after the label)", where, "info", path)
    elif match.official != official:
        ctx.note("label-variant", f"{text!r} read as {official!r}", where, "info", path)


def _carries_row(item: _Item) -> bool:
    """True when an item has the values of a whole row (printed numbers, or a full row of grid cells)."""
    return _has_numbers(item) or (item.cells and len(item.values) >= len(_APPLICANT_KEYS))


def _has_numbers(item: _Item) -> bool:
    """True when a digit is printed among the item's values (their texts are searched at once, joined)."""
    return _DIGIT.search(" ".join([t for t, _ in item.values])) is not None


def _outcome_paths(rows: dict[str, dict[str, Any]]) -> list[str]:
    three = any(p.startswith("outcomes.other_handling.") for p in rows)
    paths = []
    for edition in ("2021",) if three else ("2019",):
        for path, _ in _rows(edition, "applications"):
            if path.startswith("outcomes.") and path != "outcomes.total":
                paths.append(path)
    return paths


def _balanced(rows: dict[str, dict[str, Any]], *, require_all: bool) -> bool:
    """C1 and C2 hold in every column where all operands are known (and, with ``require_all``, they are)."""
    outcome = _outcome_paths(rows)
    for key in _APPLICANT_KEYS:
        parts = [rows.get(p, {}).get(key) for p in outcome]
        total = rows.get("outcomes.total", {}).get(key)
        if None in parts or total is None:
            if require_all:
                return False
            continue
        if sum(int(p) for p in parts if p is not None) != total:
            return False
        a, b, f = (rows.get(p, {}).get(key) for p in ("new_received", "carried_over", "carried_forward"))
        if a is not None and b is not None and f is not None and a + b != total + f:
            return False
    return True


def _resolve(
    result: _Applications,
    ambiguous: dict[str, tuple[_Item, list[tuple[int, ...]]]],
    fields: Sequence[layout.Field],
    ctx: _Context,
) -> None:
    """Choose among ambiguous cuts with the column rules C1/C2, when exactly one combination satisfies them."""
    if not ambiguous:
        return
    paths = list(ambiguous)
    size = 1
    for _, found in ambiguous.values():
        size *= len(found)
    good: list[tuple[tuple[int, ...], ...]] = []
    if size <= 4096:
        for combo in product(*(found for _, found in ambiguous.values())):
            rows = dict(result.rows)
            for path, cut in zip(paths, combo, strict=True):
                rows[path] = dict(zip(_APPLICANT_KEYS, cut, strict=True))
            if _balanced(rows, require_all=True):
                good.append(combo)
                if len(good) > 1:
                    break
    for i, path in enumerate(paths):
        item, found = ambiguous[path]
        prefix = f"applications.{path}"
        where = item.values[0][1]
        # (the blank cells beside a run are no part of it)
        run = " ".join(t for t, _ in item.values if t not in _BLANKS)
        if len(good) == 1:
            out: dict[str, Any] = {}
            _put(good[0][i], fields, prefix, item.values, ctx, out)
            result.rows[path] = out
            ctx.note(
                "digits-split",
                f"{prefix}: {run!r} read as {' '.join(map(str, good[0][i]))}, the "
                "only split for which the columns add up (C1, C2)",
                where,
                "warning",
                prefix,
            )
        else:
            ctx.note(
                "digits-ambiguous",
                f"{prefix}: {run!r} can be split in {len(found)} ways that add up; the row was left blank",
                where,
                "error",
                prefix,
            )


def _place_paired(
    result: _Applications,
    ctx: _Context,
    path: str,
    label: _Item,
    item: _Item,
    values: dict[str, Any],
    why: str,
    joint: str,
    how: str = "",
) -> None:
    """Put a run of numbers printed apart from its label into that label's row, inferred, with a note saying why."""
    result.rows[path] = values
    result.where[path] = label.labels[-1][1]
    text = " ".join(t for t, _ in item.values)
    for key in _APPLICANT_KEYS:
        ctx.provenance[f"applications.{path}.{key}"] = CellOrigin(text, item.values[0][1], True)
    ctx.note(
        "numbers-paired",
        f"applications.{path}: label printed apart from its numbers; paired {how}with {text!r} "
        f"({item.values[0][1]}){joint}{why}",
        label.labels[-1][1],
        "warning",
        f"applications.{path}",
    )


def _pair(
    result: _Applications,
    pending: list[tuple[str, _Item]],
    orphans: list[_Item],
    fields: Sequence[layout.Field],
    ctx: _Context,
) -> None:
    """Give labels printed without numbers the runs of numbers printed on lines of their own, in order.

    Accepted only when there are as many of each and every column then adds up (C1, C2, C3); otherwise the rows
    stay blank, with a note.
    """
    waiting = [(p, item) for p, item in pending if p not in result.rows]
    seen: set[str] = set()
    waiting = [(p, i) for p, i in waiting if not (p in seen or seen.add(p))]  # type: ignore[func-returns-value]
    if not waiting:
        if orphans:
            for item in orphans:
                ctx.note(
                    "numbers-unplaced",
                    f"numbers {' '.join(t for t, _ in item.values)!r} printed without a label: not used",
                    item.values[0][1],
                )
        return
    trial = dict(result.rows)
    scratch = _Context()
    ok = len(waiting) == len(orphans)
    if ok:
        for (path, _), item in zip(waiting, orphans, strict=True):
            values, found = _read_row(item, fields, f"applications.{path}", scratch, _digits.row_total)
            if found or len(values) != len(fields) or None in values.values():
                ok = False
                break
            if values["total"] != sum(values[k] for k in _APPLICANT_KEYS[:-1]):
                ok = False
                break
            trial[path] = values
    if ok and _balanced(trial, require_all=True):
        for (path, label), item in zip(waiting, orphans, strict=True):
            _place_paired(result, ctx, path, label, item, trial[path], "confirmed by the column sums", ", ")
        return
    if len(waiting) == len(orphans) and _pair_partly(result, waiting, orphans, fields, ctx):
        return
    for path, label in waiting:
        ctx.note(
            "row-unplaced",
            f"applications.{path}: the label is printed without numbers and its numbers cannot be placed with "
            "certainty; the row was left blank",
            label.labels[-1][1],
            "error",
            f"applications.{path}",
        )
    for item in orphans:
        ctx.note(
            "numbers-unplaced",
            f"numbers {' '.join(t for t, _ in item.values)!r} printed without a label: not used",
            item.values[0][1],
        )


def _some_column_known(rows: dict[str, dict[str, Any]]) -> bool:
    """True when some applicant column has every outcome row and the total known (C1 can be checked there)."""
    outcome = _outcome_paths(rows)
    return any(
        rows.get("outcomes.total", {}).get(key) is not None
        and all(rows.get(p, {}).get(key) is not None for p in outcome)
        for key in _APPLICANT_KEYS
    )


def _pair_partly(
    result: _Applications,
    waiting: list[tuple[str, _Item]],
    orphans: list[_Item],
    fields: Sequence[layout.Field],
    ctx: _Context,
) -> bool:
    """Pair labels and runs in order when some runs are bad (unreadable, or not adding up across the row) or a
    blank cell elsewhere keeps the column sums from confirming every pair.

    The good pairs are placed when the columns then add up wherever all their cells are known (and, with no bad
    run, at least one column is fully known); the bad ones stay blank with a note. False (nothing placed)
    otherwise: the order itself is in doubt.
    """
    good: list[tuple[str, _Item, _Item, dict[str, Any]]] = []
    bad: list[tuple[str, _Item, _Item]] = []
    for (path, label), item in zip(waiting, orphans, strict=True):
        values, found = _read_row(item, fields, f"applications.{path}", _Context(), _digits.row_total)
        complete = not found and len(values) == len(fields) and None not in values.values()
        if complete and values["total"] == sum(values[k] for k in _APPLICANT_KEYS[:-1]):
            good.append((path, label, item, values))
        else:
            bad.append((path, label, item))
    if not good:
        return False
    trial = dict(result.rows)
    trial.update({path: values for path, _, _, values in good})
    if not _balanced(trial, require_all=False):
        return False
    if not bad and not _some_column_known(trial):
        return False  # nothing bad, but nothing confirms the order either
    unpaired = "、".join(path for path, _, _ in bad)
    reason = (
        f", but the column sums cannot confirm it while {unpaired} stays blank"
        if bad
        else "; the columns add up wherever all their cells are known (some cells of the table are blank)"
    )
    for path, label, item, values in good:
        _place_paired(result, ctx, path, label, item, values, f"the row adds up{reason}", "; ", "in order ")
    for path, label, item in bad:
        text = " ".join(t for t, _ in item.values)
        ctx.note(
            "row-unplaced",
            f"applications.{path}: the label is printed without numbers and the numbers in its place ({text!r}) "
            "do not add up across the row; the row was left blank",
            label.labels[-1][1],
            "error",
            f"applications.{path}",
        )
    return True


# ---------------------------------------------------------------------------------------------------------------
# 3b. 表四 and 表二


_REVIEW_FIELDS: Final = layout.REVIEW_LITIGATION.root.child("reconsideration").fields
_REVIEW_FLAT: Final = tuple(f"{r}.{f.key}" for r in _REVIEW_ROWS for f in _REVIEW_FIELDS)
_REVIEW_FLAT_SORTED: Final = sorted(_REVIEW_FLAT)
_REVIEW_KEYS: Final = {flat: tuple(flat.split(".")) for flat in _REVIEW_FLAT}
"""Each of 表四's fifteen cells (``reconsideration.total``) as its row and field keys."""
_REVIEW_FLAT_FIELDS: Final = tuple(layout.Field(f"{r}.{f.key}", f.label) for r in _REVIEW_ROWS for f in _REVIEW_FIELDS)
"""表四's fifteen cells as the fields of one row (``reconsideration.total``…), read as one run of figures."""
_REVIEW_GROUPS: Final = {_labels.normalize(layout.REVIEW_LITIGATION.root.child(r).label): r for r in _REVIEW_ROWS}
"""The block headers of 表四 (行政复议, 未经复议直接起诉, 复议后起诉), normalised, to their row keys."""
_REVIEW_RESULTS: Final = {_labels.normalize(f.label): f.key for f in _REVIEW_FIELDS}
"""The result headers of 表四 (结果维持 … 总计), normalised, to their field keys."""


def _review_header(table: SourceTable) -> dict[int, str]:
    """表四's grid column of each of its fifteen cells (``reconsideration.total``…) named by the header rows, or {}.

    A column is named by one block header (行政复议, 未经复议直接起诉, 复议后起诉) and one result header (结果维持…)
    printed above it, merged cells included; {} unless all fifteen are named, each once.
    """
    header_rows = tuple(tuple([cell.text for cell in row]) for row in _header_rows(table))
    return dict(_review_columns(header_rows))


@functools.lru_cache(maxsize=256)  # 表四's header is printed alike from report to report
def _review_columns(header_rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[int, str], ...]:
    """(grid column, cell) for :func:`_review_header`, from the texts of the header rows' cells."""
    columns: dict[int, list[str]] = {}  # the header texts printed above each grid column
    for row in header_rows:
        for col, text in enumerate(row):
            if text.strip():
                columns.setdefault(col, []).append(text)
    out: dict[int, str] = {}
    for col, texts in columns.items():
        groups: set[str] = set()  # a merged cell repeats its text down the rows: the names are sets
        results: set[str] = set()
        for text in texts:
            text_groups, text_results = _review_names(text)
            groups |= text_groups
            results |= text_results
        if len(groups) == 1 and len(results) == 1:
            out[col] = f"{next(iter(groups))}.{next(iter(results))}"
    return tuple(out.items()) if sorted(out.values()) == _REVIEW_FLAT_SORTED else ()


@functools.lru_cache(maxsize=1024)  # the same few header texts in every report
def _review_names(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The 表四 blocks (row keys) and results (field keys) a header cell names, itself or as a level of its path."""
    names = _header_names(text)
    return (
        frozenset(_REVIEW_GROUPS[n] for n in names if n in _REVIEW_GROUPS),
        frozenset(_REVIEW_RESULTS[n] for n in names if n in _REVIEW_RESULTS),
    )


def _review_transposed(table: SourceTable) -> list[tuple[str, Where]] | None:
    """表四 printed with a row per block (行政复议 / 未经复议直接起诉 / 复议后起诉, paths such as 行政诉讼 / 复议后起诉
    included) under a header of results (结果维持 … 总计): its fifteen cells in official order, or None.

    The first row with a digit must name a block: when it does not (表四 printed with a column per block, as usual),
    the answer is None, found without reading the header rows first.
    """
    first = next((row for row in table.rows if _DIGIT.search("".join([cell.text for cell in row]))), None)
    if first is not None and not any(
        text and not is_value and _review_names(text)[0] for text, is_value in map(_cell_text, [c.text for c in first])
    ):
        return None
    columns: dict[int, str] = {}
    found: dict[str, tuple[str, Where]] = {}
    for row in table.rows:
        texts = [cell.text.strip() for cell in row]
        named: set[str] = set()
        for text in texts:
            if text and not _is_value(text):
                named |= _review_names(text)[0]
        if not columns or not named:  # a header row (or a row before the header)
            if _DIGIT.search("".join(texts)):
                return None
            for col, text in enumerate(texts):
                if text:
                    results = _review_names(text)[1]
                    if len(results) == 1:
                        columns[col] = next(iter(results))
            continue
        if len(named) != 1:
            return None
        group = named.pop()
        for col, cell in enumerate(row):
            if cell.spanned or col not in columns or not _is_value(texts[col]):
                continue
            key = f"{group}.{columns[col]}"
            if key in found:
                return None
            found[key] = (texts[col], cell.where)
    if sorted(found) != _REVIEW_FLAT_SORTED:
        return None
    return [found[key] for key in _REVIEW_FLAT]


def _review_cells(
    row: Sequence[SourceCell], header: dict[int, str], table: SourceTable, ctx: _Context
) -> list[tuple[str, Where]] | None:
    """表四's fifteen cells of a grid row in official order, read under the header naming them.

    None (the row is read by order) when the row does not reach every named column, when it prints a figure in a
    column the header does not name and either that column is beyond the header's printed cells or the printed
    row ends before the header's last named column (the row is shifted against the header), or
    when its only figure is a run of digits holding the whole table. ``table``: the grid of the row.
    """
    by_col = {col: (cell.text.strip(), cell.where) for col, cell in enumerate(row) if not cell.spanned}
    if any(col not in by_col for col in header):
        return None
    extra_cols = [col for col in by_col if col not in header and by_col[col][0] and _is_value(by_col[col][0])]
    column_of = {name: col for col, name in header.items()}  # the header names each of the fifteen cells once
    if extra_cols:  # (looked for only when there are some)
        if not _headed_columns(table).issuperset(extra_cols):
            return None
        if any(_is_padding(*by_col[col]) for col in header):
            # A figure under a column the header does not name, and the row ends before the header's last column:
            # either the row is printed one column off the header (its fifteen figures from the corner's column,
            # read in order) or it prints a 序号 there and leaves its last cell out (read under the header). The
            # same shape: only the sums of the three blocks tell which.
            in_order = [text for col, (text, _) in sorted(by_col.items()) if text and _is_value(text)]
            under_header = [by_col[column_of[name]][0] for name in _REVIEW_FLAT]
            order_adds, header_adds = _review_adds_up(in_order), _review_adds_up(under_header)
            if order_adds and not header_adds:
                return None
            if not (header_adds and not order_adds):
                ctx.note(
                    "row-misaligned",
                    "review_litigation: the row prints a figure under a column the header does not name and ends "
                    "before the header's last column; read in order or under the header, its blocks add up either "
                    "way or neither: the row was left blank",
                    by_col[extra_cols[0]][1],
                    "error",
                    "review_litigation",
                )
                return []
    extra = [by_col[col] for col in extra_cols]
    first = by_col[column_of[_REVIEW_FLAT[0]]][0]
    if len(first) >= len(header) and _whole_run([by_col[col] for col in header], len(header)):
        return None
    if extra:
        ctx.note(
            "extra-column",
            f"review_litigation: column not in the form ignored: {' '.join(t for t, _ in extra)}",
            extra[0][1],
            "warning",
            "review_litigation",
        )
    return [by_col[column_of[name]] for name in _REVIEW_FLAT]


def _review_adds_up(texts: Sequence[str]) -> bool:
    """True when 表四's cells in official order (the first fifteen of ``texts``) add up in every block where all five
    are plain counts (维持 + 纠正 + 其他 + 尚未审结 = 总计), and some block can be checked."""
    checked = False
    for start in range(0, 15, 5):
        block = list(texts[start : start + 5])
        if len(block) < 5 or not all(text.isascii() and text.isdigit() for text in block):
            continue
        if sum(map(int, block[:4])) != int(block[4]):
            return False
        checked = True
    return checked


def _headed_columns(table: SourceTable) -> set[int]:
    """The grid columns some header row of ``table`` prints a cell over, with a text or empty (a corner cell over a
    序号 column), merged cells included: not the cells a reader added to square the grid after a header row ended."""
    return {
        col
        for row in _header_rows(table)
        for col, cell in enumerate(row)
        if cell.text.strip() or cell.where.detail != _PADDING
    }


def _review_cell_names(flat: Sequence[str]) -> str:
    """表四's cells (``reconsideration.total``…) named for a message: a block by its name when all of it is listed."""
    names: list[str] = []
    for row in _REVIEW_ROWS:
        block = layout.REVIEW_LITIGATION.root.child(row)
        listed = [f.label for f in block.fields if f"{row}.{f.key}" in flat]
        if len(listed) == len(block.fields):
            names.append(block.label)
        elif listed:
            names.append(f"{block.label} {'、'.join(listed)}")
    return "、".join(names)


def _labelled_figures(classified: Sequence[tuple[str, bool]]) -> bool:
    """True for a grid row of one label cell of its own (数量, 件数) followed by 表四's fifteen cells or more, all
    values: 表四's figures, whatever the label says (the table has a single row of figures)."""
    return len(classified) > len(_REVIEW_FLAT) and not classified[0][1] and all(v for _, v in classified[1:])


def _review(blocks: Sequence[SourceLine | SourceTable | _Segment], ctx: _Context) -> dict[str, dict[str, Any]]:
    tokens: list[tuple[str, Where]] = []
    cells = False
    done = False  # 表四's 15 cells found: figures in later blocks are not 表四's
    for block in blocks:
        if isinstance(block, SourceTable):
            transposed = _review_transposed(block) if not done and not tokens else None
            if transposed is not None:
                tokens, cells, done = transposed, True, True
                continue
            header = _review_header(block)
            for row in block.rows:
                printed = [c for c in row if not c.spanned]  # each printed cell once
                classified = [_cell_text(c.text) for c in printed]  # (stripped text, is a value)
                if not any(text and is_value for text, is_value in classified):
                    continue
                if not done and (
                    all(is_value or _REVIEW_WORDS.sub("", text).strip() == "" for text, is_value in classified)
                    or (not tokens and _labelled_figures(classified))
                ):
                    cells = True
                    named = _review_cells(row, header, block, ctx) if header and not tokens else None
                    if named is not None:
                        tokens.extend(named)
                    else:
                        tokens.extend((c.text.strip(), c.where) for c in printed if _is_value(c.text))
                else:
                    row_values = [(c.text.strip(), c.where) for c in printed if _is_value(c.text)]
                    labels = [
                        (text, c.where)
                        for (text, is_value), c in zip(classified, printed, strict=True)
                        if text and not is_value
                    ]
                    _unplaced(_Item(labels[-1:], row_values, cells=True), "表四", ctx)
        elif not done:
            text = block.text
            rest = _REVIEW_WORDS.sub(lambda m: " " * len(m.group(0)), text)
            if _DIGIT.search(rest) and _NUMBER_ONLY.match(rest):
                tokens.extend(_tokens(rest, block.where, 0))
        if len(tokens) >= 15:
            done = True
    if not tokens:
        return {}
    if cells and _whole_run(tokens, len(_REVIEW_FLAT)):  # the fifteen figures without separators, in one cell
        # cut apart by the digit splitter, not read as 结果维持 (the blank cells beside the run are no part of it)
        tokens = [token for token in tokens if token[0] not in _BLANKS]
    short = 0  # the cells printed when the printed row ends before the fifteenth (the reader padded the grid)
    if cells:
        reached = len(tokens)
        while reached and _is_padding(*tokens[reached - 1]):
            reached -= 1
        if reached < len(tokens):
            if any(_is_run(text) for text, _ in tokens[:reached]):  # "1 1 0 2 4" a block: the figures of fewer
                tokens = tokens[:reached]  # cells, read by order (and checked by the sums), not as padded cells
            elif reached < len(_REVIEW_FLAT):
                short = reached
    if short and len(tokens) == len(_REVIEW_FLAT):
        # the cells a reader added after the printed row are not printed: no value, no provenance
        values = _read_cells(_REVIEW_FLAT_FIELDS, tokens, "review_litigation", ctx, missing=[])
    else:
        item = _Item([], tokens, cells=cells)
        values, _ = _read_row(item, _REVIEW_FLAT_FIELDS, "review_litigation", ctx, _digits.review_totals)
    if short and values:
        ctx.note(
            "missing-cells",
            f"review_litigation: the printed row ends after {short} of {len(_REVIEW_FLAT)} cells; "
            f"{_review_cell_names(_REVIEW_FLAT[short:])} not printed: left blank",
            tokens[0][1],
            "warning",
            "review_litigation",
        )
    out: dict[str, dict[str, Any]] = {}
    for key, value in values.items():
        row_key, field_key = _REVIEW_KEYS[key]
        out.setdefault(row_key, {})[field_key] = value
    # provenance keys were written as review_litigation.<row>.<field> already
    return out


def _active(items: Sequence[_Item], edition: str, ctx: _Context) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for item in items:
        row = None
        printed = ("", _NOWHERE)
        for text, where in item.labels:
            match = _labels.match(text, "active_disclosure")
            if match is not None and match.is_row:
                row, printed = match, (text, where)
        if row is None:
            if _has_numbers(item):
                _unplaced(item, "表二", ctx)
            continue
        if not item.values:
            continue
        try:
            node = _node(edition, "active_disclosure", row.path)
        except KeyError:
            ctx.note(
                "row-other-edition",
                f"表二 row {row.official!r} does not exist in the {edition} edition: not used",
                item.labels[-1][1],
            )
            continue
        if row.path in out:
            continue
        _label_note(printed[0], row, printed[1], ctx, node.label)
        values, _ = _read_row(item, node.fields, f"active_disclosure.{row.path}", ctx)
        out[row.path] = values
    return out


# ---------------------------------------------------------------------------------------------------------------
# 4. the report


def _edition(active_text: str, apps: _Applications, year: int, ctx: _Context) -> str:
    norm = _labels.normalize(active_text)
    votes_2021 = sum(w in norm for w in _2021_WORDS)
    votes_2019 = sum(_labels.normalize(w) in norm for w in _2019_WORDS)
    if apps.three_rows:
        if votes_2019 > votes_2021:
            ctx.note(
                "edition-conflict",
                "the tables disagree: 表二's header follows the 2019 edition but 表三 splits （六） as in 2021; "
                "read as 2019 (表二's header wins)",
            )
            return "2019"
        return "2021"
    if votes_2021 > votes_2019:
        edition = "2021"
    elif votes_2019 > votes_2021:
        edition = "2019"
    else:
        edition = "2021" if year >= 2021 else "2019"
        ctx.note("edition-from-year", f"the tables do not show their edition: {edition} assumed from the year {year}")
    return edition


@functools.lru_cache(maxsize=256)  # the layout is fixed: each row is looked up once per edition
def _node(edition: str, table: str, path: str) -> layout.Node:
    """The layout node of a row of a table of an edition (KeyError when the edition has no such row)."""
    return layout.edition(edition).table(table).node(path)


@functools.lru_cache(maxsize=16)  # the layout is fixed: its rows are listed once per edition and table
def _rows(edition: str, table: str) -> tuple[tuple[str, layout.Node], ...]:
    """(path, node) of every data row of a table of an edition, in official order."""
    return tuple(layout.edition(edition).table(table).rows())


@functools.cache  # the layout is fixed: its rows are listed once per edition and table
def _row_paths(edition: str, table: str) -> tuple[str, ...]:
    return layout.edition(edition).table(table).paths()


def _merge_other_handling(apps: _Applications, ctx: _Context) -> None:
    """A 2019 report printing 2021's three （六） sub-rows: its single （六） row is their sum, column by column.

    The 2019 （六）其他处理 counts what 2021 splits in three, so the sum is that row as 2019 defines it; a column
    with a blank in any sub-row stays blank. The printed sub-rows are listed in a note and stay in provenance.
    """
    keys = [f"outcomes.other_handling.{node.key}" for node in _OTHER_HANDLING_2021.children]
    printed = [apps.rows.get(key) for key in keys]
    if all(row is None for row in printed):
        return
    merged: dict[str, Any] = {}
    for field in _APPLICANT_KEYS:
        cells = [(row or {}).get(field) for row in printed]
        merged[field] = None if any(c is None for c in cells) else sum(cells)
        texts = [ctx.provenance.get(f"applications.{key}.{field}") for key in keys]
        if all(t is not None for t in texts):
            origin = texts[0]
            assert origin is not None
            joined = " + ".join(t.text for t in texts if t is not None)
            ctx.provenance[f"applications.outcomes.other_handling.{field}"] = CellOrigin(joined, origin.where, True)
    for key in keys:
        apps.rows.pop(key, None)
    apps.rows.setdefault("outcomes.other_handling", merged)
    shown = "; ".join(
        f"{node.label}: {' '.join('□' if v is None else str(v) for v in (row or {}).values()) or '(not printed)'}"
        for node, row in zip(_OTHER_HANDLING_2021.children, printed, strict=True)
    )
    ctx.note(
        "other-handling-summed",
        f"表三 prints 2021's three （六） sub-rows in a 2019 report: （六）其他处理 is their sum per column "
        f"(blank where a sub-row is blank); printed: {shown}",
        apps.where.get(keys[0], _NOWHERE),
        "warning",
        "applications.outcomes.other_handling",
    )


_OTHER_HANDLING_2021: Final = layout.edition("2021").table("applications").node("outcomes.other_handling")


def _unused_subtotal(apps: _Applications, ctx: _Context) -> None:
    """A （六）其他处理 row printed with figures above the three sub-rows that 2021's form has instead: a subtotal
    that no cell of the form holds. Its figures are not used; a note names them, and they leave the provenance.
    A row of blank cells (the group's own line in a grid) is no subtotal and is left as it is."""
    paths = [f"applications.outcomes.other_handling.{key}" for key in _APPLICANT_KEYS]
    origins = [ctx.provenance.get(path) for path in paths]
    texts = [origin.text if origin is not None and origin.text else "□" for origin in origins]
    if not any(_DIGIT.search(text) for text in texts):
        return
    apps.rows.pop("outcomes.other_handling")
    for path in paths:
        ctx.provenance.pop(path, None)
    where = apps.where.get("outcomes.other_handling", _NOWHERE)
    ctx.note(
        "unplaced-row",
        f"表三: the printed row （六）其他处理 ({where}) has figures of its own besides its three sub-rows, which the "
        f"2021 form has instead; its figures {' '.join(texts)!r} are not used",
        where,
    )


@functools.lru_cache(maxsize=8)  # four groups of the model: their fields are listed once
def _group_paths(cls: type, prefix: str) -> tuple[tuple[str, str], ...]:
    """(field name, row path) of each row of a group of 表三 rows (``outcomes.withheld.state_secret``…)."""
    return tuple((a.name, f"{prefix}.{a.name}") for a in attrs.fields(cls))


def _applicant(values: dict[str, Any] | None) -> ApplicantRow:
    return ApplicantRow(**(values or {}))


def _build_applications(apps: _Applications, single: bool) -> Applications:
    rows = apps.rows

    def group(cls: type, prefix: str) -> Any:
        return cls(**{name: _applicant(rows.get(path)) for name, path in _group_paths(cls, prefix)})

    other: ApplicantRow | OtherHandling
    if single:
        other = _applicant(rows.get("outcomes.other_handling"))
    else:
        other = group(OtherHandling, "outcomes.other_handling")
    outcomes = Outcomes(
        granted=_applicant(rows.get("outcomes.granted")),
        partially_granted=_applicant(rows.get("outcomes.partially_granted")),
        withheld=group(Withheld, "outcomes.withheld"),
        unable_to_provide=group(UnableToProvide, "outcomes.unable_to_provide"),
        not_processed=group(NotProcessed, "outcomes.not_processed"),
        other_handling=other,
        total=_applicant(rows.get("outcomes.total")),
    )
    return Applications(
        new_received=_applicant(rows.get("new_received")),
        carried_over=_applicant(rows.get("carried_over")),
        outcomes=outcomes,
        carried_forward=_applicant(rows.get("carried_forward")),
    )


class _Text:
    """A document's text as :func:`_text_of` gives it (a line per paragraph or table row), made when first needed.

    A report usually gives its year, date and period in its preamble: the whole text is then never joined.
    """

    def __init__(self, blocks: Sequence[SourceLine | SourceTable]) -> None:
        self._blocks = blocks

    @functools.cached_property
    def lines(self) -> list[str]:
        return _text_of(self._blocks)

    @functools.cached_property
    def full(self) -> str:
        return "\n".join(self.lines)


def _has_text(blocks: Sequence[SourceLine | SourceTable]) -> bool:
    """True when some line, or some cell of a table that it prints, has a character other than whitespace."""
    for block in blocks:
        if isinstance(block, SourceTable):
            if any(cell.text.strip() for row in block.rows for cell in row if not cell.spanned):
                return True
        elif block.text.strip():
            return True
    return False


def _lines_backwards(blocks: Sequence[SourceLine | SourceTable]) -> Iterator[str]:
    """The lines of :func:`_text_of`, last first, each made when it is asked for (a signature is read from the end)."""
    for block in reversed(blocks):
        if isinstance(block, SourceTable):
            for row in reversed(block.rows):
                yield " ".join([c.text for c in row if not c.spanned])
        else:
            yield block.text


def _text_of(blocks: Sequence[SourceLine | SourceTable | _Segment]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, SourceTable):
            lines.extend([" ".join([c.text for c in row if not c.spanned]) for row in block.rows])
        else:
            lines.append(block.text)
    return lines


_REFUSAL_HINTS: Final = ("html-attachment", "html-frame", "html-scripted")
"""Codes of reader notes saying where the report of a page without tables may be: named in a refusal only (a page
whose report is read from its text does not need them)."""
_ELSEWHERE: Final = (*_REFUSAL_HINTS, "html-image-tables")
"""The reader notes a refusal of a document mentioning government information disclosure names."""


def assemble(doc: SourceDocument) -> ImportResult:
    """Turn a document read by any format reader into an :class:`ImportResult`.

    Raises :class:`~govdisclosure.errors.ReadError` when the document is empty, is not an annual report on
    government information disclosure, or follows the pre-2019 outline.
    """
    ctx = _Context()
    for note in doc.notes:
        if note.code not in _REFUSAL_HINTS:
            ctx.note(note.code, note.message, note.where, note.severity)
    name = doc.name or "the source"
    text = _Text(doc.blocks)
    if not _has_text(doc.blocks):
        raise ReadError(f"{name} is empty: there is no text to read a report from")
    parts, printed = _sections(doc)
    # tables outside the table sections are placed by what they contain
    for key in [k for k in parts if k not in _TABLE_SECTIONS]:
        keep: list[SourceLine | SourceTable | _Segment] = []
        for block in parts[key]:
            kind = _table_kind(block) if isinstance(block, SourceTable) else None
            if kind is not None:
                parts.setdefault(kind, []).append(block)
            else:
                keep.append(block)
        parts[key] = keep

    apps = _applications(_items(parts.get("applications", []), "applications", ctx), ctx)
    review = _review(parts.get("review_litigation", []), ctx)
    if apps.found == 0 and not review:
        compact = re.sub(r"\s+", "", text.full)
        if any(mark in compact for mark in _OLD_OUTLINE) or re.search(
            r"20(0\d|1[0-8])年度?政府信息公开", compact[:400]
        ):
            raise ReadError(
                f"{name} follows the pre-2019 outline (概述 / 依申请公开 sections, no 表三 of the 2019 or 2021 "
                "format): it cannot be read as either edition"
            )
        if "政府信息公开" in compact:
            # what the format reader saw of a report kept elsewhere (attached files, frames, images) says what to do
            hints = "; ".join(note.message for note in doc.notes if note.code in _ELSEWHERE)
            raise ReadError(
                f"{name} mentions government information disclosure but has no 表三 (收到和处理政府信息公开申请情况) "
                "or 表四 that can be read: " + (hints or "is it an annual report, or are its tables images?")
            )
        raise ReadError(
            f"{name} is not an annual report on government information disclosure (政府信息公开工作年度报告)"
        )

    # metadata
    preamble = _text_of(parts.get("preamble", []))
    title = _meta.find_title(preamble or text.lines) or ""
    year = _year(title, text, ctx)
    agency, published = _signature(_lines_backwards(doc.blocks), title, ctx)
    stated = _meta.find_published("\n".join(preamble)[:3000]) or _meta.find_published(text.full[:2000])
    if published is None:
        published = stated
    elif stated is not None and stated != published:
        ctx.note(
            "date-differs",
            f"the report is signed {published.isoformat()} but its page gives {stated.isoformat()}: "
            "the signature date is kept",
            _NOWHERE,
            "info",
        )
    if not agency:
        agency = _meta.find_agency_in_title(title) or ""
        if not agency:
            ctx.note("agency-missing", "the issuing body is named neither in the title nor in a signature", _NOWHERE)
    lead = "\n".join(preamble)
    period = _meta.find_period(lead) or _meta.find_period(text.full)
    if period is not None and period.start.year != year:
        ctx.note(
            "period-year",
            f"the statistical period starts in {period.start.year} but the report is on {year}: "
            "the period is kept as printed",
            _NOWHERE,
        )
    contact = _meta.find_contact(lead) if lead else None

    active_blocks = parts.get("active_disclosure", [])
    edition = _edition("\n".join(_text_of(active_blocks)), apps, year, ctx)
    single = edition == "2019" or (apps.single_row and not apps.three_rows)
    if edition == "2019" and apps.three_rows:
        _merge_other_handling(apps, ctx)
    if not single and "outcomes.other_handling" in apps.rows:
        _unused_subtotal(apps, ctx)
    if edition == "2021" and single:
        ctx.note(
            "single-other-handling",
            "表三 has a single （六）其他处理 row, as in the 2019 edition: kept as printed",
            apps.where.get("outcomes.other_handling", _NOWHERE),
        )
    active = _active(_items(active_blocks, "active_disclosure", ctx), edition, ctx)
    _missing(edition, single, apps, active, review, ctx)

    active_cls = ACTIVE_DISCLOSURE_CLASSES[edition]
    active_paths = set(_row_paths(edition, "active_disclosure"))
    active_obj = active_cls(
        **{
            a.name: a.default.factory(**active.get(a.name, {}))
            for a in attrs.fields(active_cls)
            if a.name in active_paths
        }
    )
    review_obj = ReviewLitigation(**{k: ReviewRow(**review.get(k, {})) for k in _REVIEW_ROWS})
    _stray_text(parts, ctx)
    sections = {}
    for key in ("overview", "problems", "other_matters"):
        heading = printed.get(key)
        official = layout.SECTION_HEADINGS[key][1]
        sections[key] = _narrative(_text_of(parts.get(key, [])), heading, key, ctx)
        if key not in printed:
            ctx.note(
                "section-missing", f"section {layout.SECTION_HEADINGS[key][0]}、{official} not found", _NOWHERE, "info"
            )
    report = Report(
        edition=edition,
        year=year,
        agency=agency,
        title=title,
        published=published,
        period=period,
        contact=contact,
        source=doc.name,
        active_disclosure=active_obj,
        applications=_build_applications(apps, single),
        review_litigation=review_obj,
        **sections,
    )
    return ImportResult(report=report, notes=tuple(ctx.notes), provenance=ctx.provenance, format=doc.format)


_TABLE_NAMES: Final = {"active_disclosure": "表二", "applications": "表三", "review_litigation": "表四"}
_PROSE: Final = re.compile(r"[。；;！？]")
_OWN_HEADING: Final = re.compile(r"^([一二三四五六七八九十])\s*[、.．]\s*([^。，,；;：:！？!?\d]{2,24})$")


def _section_name(key: str) -> str:
    number, title = layout.SECTION_HEADINGS[key]
    return f"{number}、{title}"


def _stray_text(parts: dict[str, list[SourceLine | SourceTable | _Segment]], ctx: _Context) -> None:
    """Running text printed after the last table of a table section, moved to a narrative section with a note.

    A report with its own outline may print, say, its problems and improvements after 表四 without a heading.
    Text after 表四, or that speaks of problems (问题/改进), goes to 五 (before its own text); other text to 一.
    """
    for key in _TABLE_SECTIONS:
        blocks = parts.get(key, [])
        last = max((i for i, b in enumerate(blocks) if isinstance(b, SourceTable)), default=None)
        if last is None:
            continue
        prose = [b for b in blocks[last + 1 :] if not isinstance(b, SourceTable)]
        text = "".join(b.text for b in prose)
        size = len("".join(text.split()))
        if size < 20 or not _PROSE.search(text):
            continue  # a stray figure or a remnant of the table, not prose
        parts[key] = blocks[: last + 1]
        if key == "review_litigation" or "问题" in text or "改进" in text:
            target = "problems"
            parts["problems"] = [*prose, *parts.get("problems", [])]
        else:
            target = "overview"
            parts.setdefault("overview", []).extend(prose)
        start = "".join(prose[0].text.split())[:12]
        ctx.note(
            "text-moved",
            f"{size} characters of text after {_TABLE_NAMES[key]} ({prose[0].where}, starting {start!r}) belong to "
            f"no section of the format: kept in {_section_name(target)}",
            prose[0].where,
        )


def _narrative(lines: list[str], heading: str | None, key: str, ctx: _Context) -> Narrative:
    """A narrative section; numbered headings of a report's own outline inside it become sub-sections, noted."""
    official = layout.SECTION_HEADINGS[key][1]
    cuts = [i for i, line in enumerate(lines) if _OWN_HEADING.match(line.strip())]
    if not cuts:
        return _meta.narrative(lines, heading, official)
    lead = _meta.narrative(lines[: cuts[0]], heading, official)
    extra: list[Subsection] = []
    for j, i in enumerate(cuts):
        m = _OWN_HEADING.match(lines[i].strip())
        assert m is not None
        body = _meta.narrative(lines[i + 1 : cuts[j + 1] if j + 1 < len(cuts) else len(lines)], None, "")
        extra.append(Subsection(marker=f"{m.group(1)}、", title=m.group(2).strip(), text=body.full_text))
    ctx.note(
        "outline-headings",
        f"{_section_name(key)} continues under headings of the report's own outline "
        f"({'; '.join(sub.marker + sub.title for sub in extra)}): kept as its sub-sections",
        _NOWHERE,
        "info",
        key,
    )
    return attrs.evolve(lead, subsections=(*lead.subsections, *extra))


def _year(title: str, text: _Text, ctx: _Context) -> int:
    m = re.search(r"(\d{4})\s*年", title)
    if m and 2000 <= int(m.group(1)) <= 2100:
        return int(m.group(1))
    full = text.full
    period = _meta.find_period(full)
    if period is not None:
        return period.start.year
    m = re.search(r"(20\d{2})\s*年度?政府信息公开", full)
    if m:
        return int(m.group(1))
    raise ReadError("no data year found: neither the title nor a statistical period names the year reported on")


_DATE_CHARS: Final = re.compile(r"[\s\d年月日()（）〇零○一二三四五六七八九十]")
"""The characters of a date line; a signature date has at most two others (a line of prose is not one)."""


def _signature(lines_backwards: Iterable[str], title: str, ctx: _Context) -> tuple[str | None, Any]:
    """The issuing body and date signed at the end (or under the title), with a note on a mistyped date.

    ``lines_backwards``: the document's lines, last first (see :func:`_lines_backwards`).
    """
    tail: list[str] = []  # the last four lines with text, stripped
    for line in lines_backwards:
        if stripped := line.strip():
            tail.append(stripped)
            if len(tail) == 4:
                break
    tail.reverse()
    for i in range(len(tail) - 1, -1, -1):
        date, typo = _meta.find_date(tail[i])
        if date is None or len(_DATE_CHARS.sub("", tail[i])) > 2:
            continue
        if typo:
            ctx.note("date-typo", f"signature date {tail[i]!r} read as {date.isoformat()}", _NOWHERE, "warning")
        agency = tail[i - 1] if i > 0 else None
        if agency and (len(agency) > 30 or re.search(r"[。，,；\d]", agency)):
            agency = None
        return (re.sub(r"\s+", "", agency) if agency else None), date
    return None, None


def _missing(
    edition: str,
    single: bool,
    apps: _Applications,
    active: dict[str, dict[str, Any]],
    review: dict[str, dict[str, Any]],
    ctx: _Context,
) -> None:
    table = layout.edition("2019" if single else "2021").table("applications")
    absent = [p for p in _row_paths("2019" if single else "2021", "applications") if p not in apps.rows]
    noted = {n.path for n in ctx.notes}
    for path in absent:
        if f"applications.{path}" not in noted:
            ctx.note(
                "row-missing",
                f"表三 row {table.node(path).label if path != 'outcomes.other_handling' else '（六）其他处理'} "
                "not found: left blank",
                _NOWHERE,
                "error",
                f"applications.{path}",
            )
    if not review:
        ctx.note("table-missing", "表四 figures not found: left blank", _NOWHERE, "error", "review_litigation")
    if not active:
        ctx.note("table-missing", "表二 figures not found: left blank", _NOWHERE, "error", "active_disclosure")
        return
    for path, node in _rows(edition, "active_disclosure"):
        if path not in active and f"active_disclosure.{path}" not in noted:
            ctx.note(
                "row-missing",
                f"表二 row {node.label} not found: left blank",
                _NOWHERE,
                "error",
                f"active_disclosure.{path}",
            )
