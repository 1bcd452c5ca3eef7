"""Tests of govdisclosure.analysis._frame: long and wide DataFrames, CSV and Parquet files."""

from __future__ import annotations

import csv
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies_analysis import consistent_reports, with_blanks

import govdisclosure as g
from govdisclosure.analysis import (
    LONG_COLUMNS,
    ReportCollection,
    cell_label,
    to_dataframe,
    to_wide_dataframe,
    write_csv,
    write_parquet,
)
from govdisclosure.testing import consistent_report

pd = pytest.importorskip("pandas")


@st.composite
def corpora(draw: st.DrawFn) -> list[g.Report]:
    """One to four reports of either edition, some cells blank."""
    reports = draw(st.lists(consistent_reports(), min_size=1, max_size=4))
    return [draw(with_blanks(r)) for r in reports]


class TestLongFrame:
    """to_dataframe()."""

    @given(corpora())
    @settings(max_examples=40, deadline=None)
    def test_same_cells_as_the_long_format(self, reports: list[g.Report]) -> None:
        """Row for row, the frame holds the records of govdisclosure.iter_records."""
        frame = to_dataframe(reports)
        records = [rec for r in reports for rec in g.iter_records(r)]
        assert len(frame) == len(records)
        assert frame["row"].astype(str).tolist() == [rec["row"] for rec in records]
        assert frame["column"].astype(str).tolist() == [rec["column"] for rec in records]
        assert frame["agency"].astype(str).tolist() == [rec["agency"] for rec in records]
        values = [None if v is pd.NA else int(v) for v in frame["value"]]
        amounts = list(frame["amount"])
        for rec, value, amount in zip(records, values, amounts, strict=True):
            if isinstance(rec["value"], Decimal):
                assert (value, amount) == (None, rec["value"])
            else:
                assert (value, amount) == (rec["value"], None)

    def test_dtypes(self) -> None:
        """Counts nullable Int64, keys categories, amounts exact decimals."""
        frame = to_dataframe([consistent_report(seed=1)])
        assert list(frame.columns) == list(LONG_COLUMNS)
        assert {c: frame[c].dtype.name for c in frame.columns} == {
            "agency": "category",
            "year": "int64",
            "edition": "category",
            "table": "category",
            "row": "category",
            "column": "category",
            "label": "category",
            "value": "Int64",
            "amount": "object",
        }
        assert frame.loc[frame["amount"].notna(), "amount"].map(type).tolist() == [Decimal]

    def test_labels_agree_with_the_model(self, example_2019: g.Report, sample: g.Report) -> None:
        """The label column is Report.label of each cell."""
        frame = to_dataframe([example_2019, sample])
        expected = [r.label(f"{t}.{row}.{c}") for r in (example_2019, sample) for t, row, c, _ in r.cells()]
        assert frame["label"].astype(str).tolist() == expected

    def test_labels_name_one_cell_each(self) -> None:
        """Every label names one cell of a report: 1.属于国家秘密 carries its block （三）不予公开."""
        for report in (consistent_report("2019", seed=1), consistent_report("2021", seed=1)):
            frame = to_dataframe([report])
            assert frame["label"].astype(str).is_unique
        assert cell_label("2019", "applications", "outcomes.withheld.state_secret", "research") == (
            "表三 （三）不予公开 1.属于国家秘密 · 科研机构"
        )
        assert cell_label("2021", "applications", "outcomes.other_handling.other", "total") == (
            "表三 （六）其他处理 3.其他 · 总计"
        )
        assert cell_label("2021", "applications", "outcomes.other_handling", "total") == "表三 （六）其他处理 · 总计"

    def test_without_labels(self) -> None:
        """labels=False leaves the column out."""
        assert "label" not in to_dataframe([consistent_report()], labels=False).columns

    def test_blank_is_na_not_zero(self) -> None:
        """A blank cell is <NA>."""
        report = consistent_report().with_cell("applications.new_received.total", None)
        frame = to_dataframe([report])
        cell = frame[(frame["row"] == "new_received") & (frame["column"] == "total")]
        assert cell["value"].isna().tolist() == [True]

    def test_empty(self) -> None:
        """No reports give an empty frame with the same columns and types."""
        frame = to_dataframe([])
        assert len(frame) == 0
        assert frame["value"].dtype.name == "Int64"
        assert list(frame.columns) == list(LONG_COLUMNS)

    def test_single_other_handling_row_in_2021(self) -> None:
        """A 2021 report printing the single （六） row gets the 2019 row's label."""
        report = g.from_records(
            [
                rec
                if not rec["row"].startswith("outcomes.other_handling.")
                else {**rec, "row": "outcomes.other_handling"}
                for rec in g.to_records(consistent_report(seed=3))
                if rec["row"] not in ("outcomes.other_handling.unpaid_fee", "outcomes.other_handling.other")
            ]
        )
        assert report.uses_single_other_handling
        frame = to_dataframe([report])
        labels = frame.loc[frame["row"] == "outcomes.other_handling", "label"].astype(str).tolist()
        assert labels[0] == "表三 （六）其他处理 · 自然人"

    def test_missing_pandas(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without pandas, a clear MissingDependencyError."""
        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(g.MissingDependencyError) as info:
            to_dataframe([])
        assert str(info.value) == (
            "DataFrames needs the optional package 'pandas': install it with pip install 'govdisclosure[pandas]'"
        )


class TestCellLabel:
    """cell_label()."""

    def test_unknown_cell(self) -> None:
        """An unknown cell is a KeyError naming it."""
        with pytest.raises(KeyError, match=r"no cell applications\.nothing\.total in the 2021 edition"):
            cell_label("2021", "applications", "nothing", "total")


class TestWideFrame:
    """to_wide_dataframe()."""

    def test_one_row_per_report(self, example_2019: g.Report, sample: g.Report) -> None:
        """Columns are the cell paths of both editions; a cell an edition lacks is <NA>."""
        wide = to_wide_dataframe([sample, example_2019])
        assert list(wide.columns[:3]) == ["agency", "year", "edition"]
        assert wide["year"].tolist() == [2024, 2019]
        assert int(wide.loc[1, "applications.outcomes.total.total"]) == 453
        assert wide["active_disclosure.regulations.in_force"].isna().tolist() == [False, True]
        assert wide["active_disclosure.procurement.amount"].tolist()[1] == example_2019.get(
            "active_disclosure.procurement.amount"
        )
        assert wide["applications.new_received.total"].dtype.name == "Int64"

    def test_paths_readable_back(self) -> None:
        """Every cell column is a path Report.get understands, with the same value."""
        report = consistent_report(seed=4)
        wide = to_wide_dataframe([report])
        for column in wide.columns[3:]:
            value = wide.loc[0, column]
            assert (None if value is pd.NA else value) == report.get(column)


class TestFiles:
    """write_csv() and write_parquet()."""

    def test_csv(self, tmp_path: Path) -> None:
        """CSV rows are the long format; blanks empty, amounts exact."""
        reports = [
            consistent_report(seed=1),
            consistent_report(seed=2).with_cell("applications.carried_over.total", None),
        ]
        target = tmp_path / "cells.csv"
        assert write_csv(reports, target) == 400
        with open(target, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert list(rows[0]) == list(LONG_COLUMNS)
        assert len(rows) == 400
        blank = next(r for r in rows[200:] if r["row"] == "carried_over" and r["column"] == "total")
        assert (blank["value"], blank["amount"]) == ("", "")
        fee = next(r for r in rows if r["row"] == "fees")
        assert Decimal(fee["amount"]) == reports[0].get("active_disclosure.fees.amount")
        assert fee["label"] == "表二 行政事业性收费 · 本年收费金额（单位：万元）"

    def test_csv_without_labels(self, tmp_path: Path) -> None:
        """labels=False drops the label column."""
        target = tmp_path / "cells.csv"
        write_csv([consistent_report()], target, labels=False)
        assert target.read_text(encoding="utf-8").splitlines()[0] == "agency,year,edition,table,row,column,value,amount"

    def test_parquet_round_trip(self, tmp_path: Path) -> None:
        """The Parquet file reads back to the same cells, written in chunks."""
        pytest.importorskip("pyarrow")
        reports = [consistent_report(seed=s, year=2021 + s) for s in range(5)]
        target = tmp_path / "cells.parquet"
        assert write_parquet(reports, target, chunk_size=2) == 1000
        back = pd.read_parquet(target)
        frame = to_dataframe(reports)
        assert back["value"].tolist() == frame["value"].tolist()
        assert back["row"].astype(str).tolist() == frame["row"].astype(str).tolist()
        amounts = back["amount"].dropna().tolist()
        assert amounts == [r.get("active_disclosure.fees.amount") for r in reports]

    def test_parquet_empty(self, tmp_path: Path) -> None:
        """An empty input still writes a readable file with the columns."""
        pytest.importorskip("pyarrow")
        target = tmp_path / "none.parquet"
        assert write_parquet([], target) == 0
        assert list(pd.read_parquet(target).columns) == list(LONG_COLUMNS)

    def test_collection_helpers(self, tmp_path: Path) -> None:
        """ReportCollection's frame and file helpers agree with the functions."""
        reports = ReportCollection.from_reports([consistent_report(seed=s) for s in range(3)])
        assert len(reports.to_dataframe()) == 600
        assert [len(f) for f in reports.iter_dataframes(2)] == [400, 200]
        assert reports.to_wide_dataframe().shape[0] == 3
        assert reports.to_csv(tmp_path / "a.csv") == 600
        assert reports.to_parquet(tmp_path / "a.parquet") == 600
