"""Tidy data: the long format of many reports as a pandas DataFrame, a wide frame, CSV and Parquet files.

Column types of the long frame (one row per cell):

``agency`` category · ``year`` int64 · ``edition``, ``table``, ``row``, ``column``, ``label`` category ·
``value`` nullable ``Int64`` (counts, and the signed 本年增/减 of 2019; ``<NA>`` for a blank cell and for amount
cells) · ``amount`` object holding :class:`~decimal.Decimal` (the two amount cells: 2021 收费金额 in 万元, 2019
采购总金额; ``None`` elsewhere). Amounts stay exact decimals; ``frame["amount"].astype("Float64")`` gives floats.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import cache
from typing import Any

from .. import layout as _layout
from ..errors import MissingDependencyError
from ..model import Report
from ..records import RECORD_COLUMNS

__all__ = ["LONG_COLUMNS", "cell_label", "to_dataframe", "to_wide_dataframe", "write_csv", "write_parquet"]

LONG_COLUMNS = (*RECORD_COLUMNS[:-1], "label", "value", "amount")
"""Columns of the long frame, CSV and Parquet file, in order (``label`` is left out with ``labels=False``)."""


def _pandas(feature: str = "DataFrames") -> Any:
    try:
        import pandas
    except ImportError:
        raise MissingDependencyError("pandas", "pandas", feature) from None
    return pandas


def _pyarrow(feature: str) -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise MissingDependencyError("pyarrow", "parquet", feature) from None
    return pyarrow


@cache
def _catalogue() -> tuple[dict[tuple[str, str, str, str], int], list[tuple[str, str, str, str]]]:
    """Every (edition, table, row, column) cell of both editions, as printed either way (a 2021-era 表三 may have
    the single （六） row of 2019), numbered, with its label from :func:`govdisclosure.layout.cell_label`."""
    index: dict[tuple[str, str, str, str], int] = {}
    entries: list[tuple[str, str, str, str]] = []
    for key in _layout.EDITIONS:
        for single in (False, True):
            for table_key in _layout.TABLE_KEYS:
                for path, field in _layout.table(key, table_key, single_other_handling=single).cells():
                    cell = (key, table_key, path, field.key)
                    if cell not in index:
                        index[cell] = len(entries)
                        label = _layout.cell_label(key, table_key, path, field.key, single_other_handling=single)
                        entries.append((table_key, path, field.key, label))
    return index, entries


def cell_label(edition: str, table: str, row: str, column: str) -> str:
    """The official label of a cell, as :func:`govdisclosure.layout.cell_label` and :meth:`Report.label` write it.

    >>> cell_label("2021", "applications", "outcomes.total", "natural_person")
    '表三 （七）总计 · 自然人'
    >>> cell_label("2021", "applications", "outcomes.withheld.state_secret", "research")
    '表三 （三）不予公开 1.属于国家秘密 · 科研机构'
    """
    index, entries = _catalogue()
    try:
        return entries[index[(edition, table, row, column)]][3]
    except KeyError:
        raise KeyError(f"no cell {table}.{row}.{column} in the {edition} edition") from None


@cache
def _categories() -> dict[str, list[str]]:
    _, entries = _catalogue()
    out: dict[str, list[str]] = {"table": list(_layout.TABLE_KEYS), "row": [], "column": [], "label": []}
    for _table, row, column, label in entries:
        for name, value in (("row", row), ("column", column), ("label", label)):
            if value not in out[name]:
                out[name].append(value)
    out["edition"] = list(_layout.EDITIONS)
    return out


@cache
def _amount_cells(edition: str) -> frozenset[tuple[str, str, str]]:
    """(table, row, column) of the cells that hold amounts (Decimal) in an edition."""
    return frozenset(
        (table.key, path, field.key)
        for table in _layout.edition(edition).tables
        for path, field in table.cells()
        if field.kind == "amount"
    )


def _values(report: Report) -> list[Any]:
    """The report's cell values in official order (as ``Report.cells`` gives them, without the keys)."""
    out: list[Any] = []
    for table_key in _layout.TABLE_KEYS:
        for _, row in getattr(report, table_key).rows():
            out.extend(row.values())
    return out


def _columns(reports: Iterable[Report]) -> dict[str, Any]:
    """The long format column by column, the fast way: per-report keys, per-cell codes and values."""
    index, _ = _catalogue()
    edition_code = {v: i for i, v in enumerate(_categories()["edition"])}
    agencies: dict[str, int] = {}
    per_report: dict[str, list[int]] = {"agency": [], "year": [], "edition": [], "cells": []}
    cells: list[int] = []
    values: list[Any] = []
    amounts: list[tuple[int, Decimal]] = []
    shapes: dict[tuple[str, bool], tuple[list[int], list[int]]] = {}
    for report in reports:
        shape_key = (report.edition, report.uses_single_other_handling)
        shape = shapes.get(shape_key)
        if shape is None:
            keyed = list(report.cells())
            codes = [index[(report.edition, t, r, c)] for t, r, c, _ in keyed]
            amount_at = [i for i, (t, r, c, _) in enumerate(keyed) if (t, r, c) in _amount_cells(report.edition)]
            shape = shapes[shape_key] = (codes, amount_at)
        codes, amount_at = shape
        row_values = _values(report)
        offset = len(values)
        for i in amount_at:
            value = row_values[i]
            if value is not None:
                amounts.append((offset + i, value))
            row_values[i] = None
        values.extend(row_values)
        cells.extend(codes)
        per_report["agency"].append(agencies.setdefault(report.agency, len(agencies)))
        per_report["year"].append(report.year)
        per_report["edition"].append(edition_code[report.edition])
        per_report["cells"].append(len(codes))
    return {**per_report, "cell": cells, "value": values, "amount": amounts, "agency_names": list(agencies)}


def to_dataframe(reports: Iterable[Report], *, labels: bool = True) -> Any:
    """The long format of many reports as a pandas DataFrame (one row per cell; dtypes in the module docs).

    Needs the optional ``pandas`` extra.

    >>> from govdisclosure.analysis import to_dataframe
    >>> from govdisclosure.testing import consistent_report
    >>> frame = to_dataframe([consistent_report(seed=1), consistent_report(seed=2, year=2024)])
    >>> len(frame), frame["value"].dtype.name, frame["row"].dtype.name
    (400, 'Int64', 'category')
    >>> frame.loc[frame["label"] == "表三 （七）总计 · 总计", ["year", "value"]].to_string(index=False)
    ' year  value\\n 2023     84\\n 2024     96'
    """
    pd = _pandas()
    cols = _columns(reports)
    _, entries = _catalogue()
    cats = _categories()
    code_of = {name: {v: i for i, v in enumerate(values)} for name, values in cats.items()}
    cell_codes = {
        name: [code_of[name][entry[pos]] for entry in entries]
        for pos, name in enumerate(("table", "row", "column", "label"))
    }
    import numpy as np

    cells = np.asarray(cols["cell"], dtype=np.int64)
    counts = np.asarray(cols["cells"], dtype=np.int64)

    def spread(name: str) -> Any:
        return np.repeat(np.asarray(cols[name], dtype=np.int64), counts)

    data: dict[str, Any] = {
        "agency": pd.Categorical.from_codes(spread("agency"), cols["agency_names"]),
        "year": spread("year"),
        "edition": pd.Categorical.from_codes(spread("edition"), cats["edition"]),
    }
    for name in ("table", "row", "column", *(("label",) if labels else ())):
        lookup = np.asarray(cell_codes[name], dtype=np.int64)
        data[name] = pd.Categorical.from_codes(lookup[cells], cats[name])
    data["value"] = pd.array(cols["value"], dtype="Int64")
    amount = np.full(len(cells), None, dtype=object)
    for position, value in cols["amount"]:
        amount[position] = value
    data["amount"] = amount
    return pd.DataFrame(data)


def _wide_key(table: str, row: str, column: str) -> str:
    return f"{table}.{row}.{column}"


def to_wide_dataframe(reports: Iterable[Report]) -> Any:
    """One row per report (``agency``, ``year``, ``edition``, then one column per cell path ``table.row.column``).

    Count columns are ``Int64``; the amount columns hold :class:`~decimal.Decimal` (object). Columns come in
    official order, editions in order of first appearance; a cell a report's edition lacks is ``<NA>``.

    >>> from govdisclosure.analysis import to_wide_dataframe
    >>> from govdisclosure import sample_report
    >>> wide = to_wide_dataframe([sample_report(), sample_report("example-2019")])
    >>> wide.shape
    (2, 229)
    >>> wide["applications.outcomes.total.total"].tolist()
    [0, 453]
    """
    pd = _pandas()
    columns: dict[str, list[Any]] = {"agency": [], "year": [], "edition": []}
    amount_columns: set[str] = set()
    for count, report in enumerate(reports, start=1):
        columns["agency"].append(report.agency)
        columns["year"].append(report.year)
        columns["edition"].append(report.edition)
        for table, row, column, value in report.cells():
            key = _wide_key(table, row, column)
            target = columns.get(key)
            if target is None:
                target = columns[key] = [None] * (count - 1)
            target.append(value)
            if type(value) is Decimal:
                amount_columns.add(key)
        for values in columns.values():
            if len(values) < count:
                values.append(None)
    data: dict[str, Any] = {
        "agency": pd.array(columns.pop("agency"), dtype="string"),
        "year": pd.array(columns.pop("year"), dtype="Int64"),
        "edition": pd.Categorical(columns.pop("edition"), categories=list(_layout.EDITIONS)),
    }
    for key, values in columns.items():
        is_amount = key in amount_columns or key.endswith(".amount")
        data[key] = pd.Series(values, dtype=object) if is_amount else pd.array(values, dtype="Int64")
    return pd.DataFrame(data)


def _rows(reports: Iterable[Report], labels: bool) -> Iterator[list[Any]]:
    for report in reports:
        for table, row, column, value in report.cells():
            line: list[Any] = [report.agency, report.year, report.edition, table, row, column]
            if labels:
                line.append(cell_label(report.edition, table, row, column))
            if type(value) is Decimal:
                line += ["", format(value, "f")]
            else:
                line += ["" if value is None else value, ""]
            yield line


def write_csv(reports: Iterable[Report], target: str | os.PathLike[str], *, labels: bool = True) -> int:
    """Write the long format to a UTF-8 CSV file (blank cells empty, amounts as exact decimals), streaming.

    Needs no optional package. Returns the number of data rows written.
    """
    header = [c for c in LONG_COLUMNS if labels or c != "label"]
    count = 0
    with open(target, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        for line in _rows(reports, labels):
            writer.writerow(line)
            count += 1
    return count


def write_parquet(
    reports: Iterable[Report], target: str | os.PathLike[str], *, chunk_size: int = 1000, labels: bool = True
) -> int:
    """Write the long format to a Parquet file, one row group per chunk of reports (flat memory).

    Needs pandas and pyarrow (the ``parquet`` extra). ``amount`` is stored as ``decimal128(38, 10)``; the
    categorical columns as dictionary-encoded strings. Returns the number of rows written.
    """
    from ._collection import _chunks

    _pandas("Parquet export")
    pa = _pyarrow("Parquet export")
    writer = None
    count = 0
    try:
        for chunk in _chunks(reports, chunk_size):
            frame = to_dataframe(chunk, labels=labels)
            frame["agency"] = frame["agency"].astype("string")
            table = pa.Table.from_pandas(frame, schema=_parquet_schema(pa, labels), preserve_index=False)
            if writer is None:
                writer = pa.parquet.ParquetWriter(os.fspath(target), table.schema)
            writer.write_table(table)
            count += len(frame)
        if writer is None:  # no reports: still write a valid, empty file
            empty = to_dataframe([], labels=labels)
            empty["agency"] = empty["agency"].astype("string")
            table = pa.Table.from_pandas(empty, schema=_parquet_schema(pa, labels), preserve_index=False)
            writer = pa.parquet.ParquetWriter(os.fspath(target), table.schema)
            writer.write_table(table)
    finally:
        if writer is not None:
            writer.close()
    return count


def _parquet_schema(pa: Any, labels: bool) -> Any:
    text = pa.dictionary(pa.int16(), pa.string())
    fields = [
        pa.field("agency", pa.string()),
        pa.field("year", pa.int64()),
        pa.field("edition", text),
        pa.field("table", text),
        pa.field("row", text),
        pa.field("column", text),
    ]
    if labels:
        fields.append(pa.field("label", text))
    fields += [pa.field("value", pa.int64()), pa.field("amount", pa.decimal128(38, 10))]
    return pa.schema(fields)
