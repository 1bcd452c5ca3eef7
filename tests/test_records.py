"""Tests of the long format: one record per cell, and back."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from strategies import reports

import govdisclosure as g
from govdisclosure import DeserializationError
from govdisclosure.records import RECORD_COLUMNS


def _tables_only(report: g.Report) -> g.Report:
    return g.Report(
        edition=report.edition,
        year=report.year,
        agency=report.agency,
        active_disclosure=report.active_disclosure,
        applications=report.applications,
        review_litigation=report.review_litigation,
    )


class TestRecords:
    """to_records / from_records."""

    @given(reports())
    @settings(max_examples=100, deadline=None)
    def test_round_trip(self, report: g.Report) -> None:
        """Long format round-trips the tables unchanged."""
        assert g.from_records(g.to_records(report)) == _tables_only(report)

    def test_columns_and_count(self, example_2019: g.Report) -> None:
        """Every cell is one record with the spec's columns."""
        records = g.to_records(example_2019)
        assert len(records) == 22 + 23 * 7 + 15
        assert tuple(records[0]) == RECORD_COLUMNS
        procurement = [r for r in records if r["row"] == "procurement" and r["column"] == "amount"]
        assert procurement[0]["value"] == Decimal("386.42")
        cell = next(r for r in records if r["row"] == "outcomes.withheld.state_secret" and r["column"] == "total")
        assert cell == {
            "agency": "江川市自然资源和规划局",
            "year": 2019,
            "edition": "2019",
            "table": "applications",
            "row": "outcomes.withheld.state_secret",
            "column": "total",
            "value": 2,
        }

    def test_missing_cells_are_blank(self, sample: g.Report) -> None:
        """Cells absent from the records are None, never 0."""
        records = [r for r in g.to_records(sample) if r["row"] != "carried_forward"]
        report = g.from_records(records)
        assert report.applications.carried_forward.total is None

    def test_problems(self, sample: g.Report) -> None:
        """Records of several reports, unknown tables and bad values are reported together."""
        records = [dict(r) for r in g.to_records(sample)[:3]]
        records[1]["year"] = 2023
        records[2]["table"] = "nope"
        records.append({**records[0], "row": "licensing", "column": "decisions", "value": -2})
        with pytest.raises(DeserializationError) as info:
            g.from_records(records)
        assert [str(p) for p in info.value.problems] == [
            "records[1]: belongs to another report ('塔城地区行署外事办公室', 2023, '2021') than the first record "
            "('塔城地区行署外事办公室', 2024, '2021')",
            "records[2].table: unknown table 'nope'",
        ]

    def test_bad_value(self, sample: g.Report) -> None:
        """A bad value is reported at its path."""
        records = [dict(r) for r in g.to_records(sample)]
        records[3]["value"] = -2
        with pytest.raises(DeserializationError) as info:
            g.from_records(records)
        assert [str(p) for p in info.value.problems] == [
            "records.active_disclosure.normative_documents.issued: a count cannot be negative, got -2"
        ]

    def test_empty(self) -> None:
        """No records is an error."""
        with pytest.raises(DeserializationError, match="no records"):
            g.from_records([])
