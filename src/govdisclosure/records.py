"""Long format: one record per table cell (``../shared/spec/report-format.md`` §8).

Columns: ``agency``, ``year``, ``edition``, ``table`` (``active_disclosure`` | ``applications`` |
``review_litigation``), ``row`` (dotted path inside the table), ``column`` (field key), ``value`` (int, Decimal or
None). Only the tables travel in long format; narrative sections and metadata other than agency, year and edition
do not.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any, Final, TypedDict

from . import layout as _layout
from . import model as m
from .errors import DeserializationError, Problem

__all__ = ["RECORD_COLUMNS", "Record", "from_records", "iter_records", "to_records"]

RECORD_COLUMNS: Final = ("agency", "year", "edition", "table", "row", "column", "value")


class Record(TypedDict):
    """One cell of one report in long format."""

    agency: str
    year: int
    edition: str
    table: str
    row: str
    column: str
    value: int | Decimal | None


def iter_records(report: m.Report) -> Iterator[Record]:
    """Yield one record per cell of tables 二, 三 and 四, in official order."""
    agency, year, edition = report.agency, report.year, report.edition
    for table, row, column, value in report.cells():
        yield {
            "agency": agency,
            "year": year,
            "edition": edition,
            "table": table,
            "row": row,
            "column": column,
            "value": value,
        }


def to_records(report: m.Report) -> list[Record]:
    """Every cell of the report's tables as a list of records.

    >>> import govdisclosure
    >>> records = govdisclosure.to_records(govdisclosure.sample_report())
    >>> records[0]["table"], records[0]["row"], records[0]["column"]
    ('active_disclosure', 'regulations', 'issued')
    """
    return list(iter_records(report))


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value.copy_abs() if value.is_zero() else value, "f")
    return value


def from_records(records: Iterable[Mapping[str, Any]], *, title: str = "") -> m.Report:
    """Rebuild one report's tables from its long-format records (the inverse of :func:`to_records`).

    Cells absent from the records are blank (None). Every record must belong to the same agency, year and
    edition, and name a row and column of that edition's layout; problems are collected and raised together as
    one :class:`~govdisclosure.errors.DeserializationError` (paths ``records[i].column``).
    """
    problems: list[Problem] = []
    identity: tuple[Any, Any, Any] | None = None
    tables: dict[str, dict[str, Any]] = {key: {} for key in _layout.TABLE_KEYS}
    count = 0
    for index, record in enumerate(records):
        count += 1
        where = f"records[{index}]"
        try:
            key = (record["agency"], record["year"], record["edition"])
            table, row, column, value = record["table"], record["row"], record["column"], record["value"]
        except (KeyError, TypeError):
            problems.append(Problem(where, f"a record needs the keys {', '.join(RECORD_COLUMNS)}"))
            continue
        if identity is None:
            identity = key
        elif key != identity:
            problems.append(Problem(where, f"belongs to another report {key!r} than the first record {identity!r}"))
            continue
        if table not in tables:
            problems.append(Problem(f"{where}.table", f"unknown table {table!r}"))
            continue
        target = tables[table]
        parts = str(row).split(".")
        for part in parts[:-1]:
            nxt = target.setdefault(part, {})
            if not isinstance(nxt, dict):
                break
            target = nxt
        row_cells = target.setdefault(parts[-1], {})
        if (column in row_cells) and row_cells[column] != _json_value(value):
            problems.append(Problem(where, f"cell {table}.{row}.{column} given twice with different values"))
        row_cells[column] = _json_value(value)
    if identity is None:
        problems.append(Problem("records", "no records: cannot tell which report they describe"))
    if problems:
        raise DeserializationError(problems, "records")
    assert identity is not None
    agency, year, edition = identity
    if edition in _layout.EDITIONS:
        _fill_blanks(tables, edition)
    data = {"edition": edition, "year": year, "agency": agency, "title": title, **tables}
    try:
        return _from_dict(data)
    except DeserializationError as exc:
        raise DeserializationError(
            [Problem(p.path.replace("$", "records", 1), p.message) for p in exc.problems], "records"
        ) from None


def _fill_blanks(tables: dict[str, dict[str, Any]], edition: str) -> None:
    other = tables["applications"].get("outcomes", {}).get("other_handling", {})
    single = any(key in m.ApplicantRow.FIELDS for key in other)
    for table_key in _layout.TABLE_KEYS:
        layout = _layout.table(edition, table_key, single_other_handling=single)
        data = tables[layout.key]
        for path, node in layout.rows():
            target = data
            for part in path.split("."):
                target = target.setdefault(part, {})
            for field in node.fields:
                target.setdefault(field.key, None)


def _from_dict(data: dict[str, Any]) -> m.Report:
    from .serialize import from_dict

    return from_dict(data)
