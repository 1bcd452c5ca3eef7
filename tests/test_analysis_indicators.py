"""Tests of govdisclosure.analysis._indicators: definitions, None rules, the DataFrame."""

from __future__ import annotations

import math
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from strategies_analysis import consistent_reports

import govdisclosure as g
from govdisclosure import model as m
from govdisclosure.analysis import INDICATORS, Indicators, indicator_frame, indicators
from govdisclosure.testing import consistent_report

DOCS = Path(__file__).resolve().parents[1] / "docs" / "analysis.md"


class TestIndicators:
    """indicators()."""

    def test_example_figures(self, example_2019: g.Report) -> None:
        """The bundled 2019 example, by hand."""
        out = example_2019.applications.outcomes
        values = indicators(example_2019)
        assert values.granted_share == (out.granted.total + out.partially_granted.total) / out.total.total  # type: ignore[operator]
        assert values.reconsideration_correction_rate == 2 / (13 - 1)
        assert values.litigation_correction_rate == (1 + 0) / (8 + 3 - 2 - 1)
        apps = example_2019.applications
        assert values.carried_forward_share == apps.carried_forward.total / (  # type: ignore[operator]
            apps.new_received.total + apps.carried_over.total  # type: ignore[operator]
        )
        assert values.natural_person_share == apps.new_received.natural_person / apps.new_received.total  # type: ignore[operator]

    @given(consistent_reports())
    @settings(max_examples=60, deadline=None)
    def test_outcome_shares_add_up_to_one(self, report: g.Report) -> None:
        """In a report that adds up, the six outcome shares sum to 1 (or are all None when nothing was handled)."""
        v = indicators(report)
        shares = [
            v.granted_share,
            v.withheld_share,
            v.unable_share,
            v.not_processed_share,
            v.other_handling_share,
        ]
        if report.applications.outcomes.total.total == 0:
            assert shares == [None] * 5
        else:
            assert math.isclose(sum(s for s in shares if s is not None), 1.0)
            assert None not in shares

    def test_zero_denominator(self, sample: g.Report) -> None:
        """Every indicator of an all-zero report is None (0 / 0)."""
        assert indicators(sample) == Indicators()

    def test_blank_operand(self) -> None:
        """A blank sub-row makes its group's share None, and only that one."""
        report = consistent_report(seed=3).with_cell("applications.outcomes.withheld.state_secret.total", None)
        v = indicators(report)
        assert v.withheld_share is None
        assert v.granted_share is not None

    def test_blank_pending(self) -> None:
        """A blank 尚未审结 leaves the correction rate undefined."""
        report = consistent_report(seed=3).with_cell("review_litigation.reconsideration.pending", None)
        assert indicators(report).reconsideration_correction_rate is None

    def test_single_other_handling_row(self) -> None:
        """A single （六） row counts as the whole group."""
        report = consistent_report("2019", seed=2)
        other = report.applications.outcomes.other_handling
        assert isinstance(other, m.ApplicantRow)
        assert indicators(report).other_handling_share == other.total / report.applications.outcomes.total.total  # type: ignore[operator]

    def test_fields_match_definitions(self) -> None:
        """Every field of Indicators has a definition, in the same order."""
        assert [a.name for a in attrs.fields(Indicators)] == [i.key for i in INDICATORS]

    def test_every_indicator_documented(self) -> None:
        """docs/analysis.md defines every indicator in its table."""
        if not DOCS.is_file():
            pytest.skip("docs/ not present")
        text = DOCS.read_text(encoding="utf-8")
        for indicator in INDICATORS:
            assert f"| `{indicator.key}` |" in text


class TestIndicatorFrame:
    """indicator_frame()."""

    def test_frame(self, example_2019: g.Report, sample: g.Report) -> None:
        """One row per report, Float64 with <NA> for None."""
        pytest.importorskip("pandas")
        frame = indicator_frame([example_2019, sample])
        assert list(frame.columns) == ["agency", "year", "edition", *(i.key for i in INDICATORS)]
        assert frame["granted_share"].dtype.name == "Float64"
        assert frame["granted_share"].isna().tolist() == [False, True]
        assert frame.loc[0, "reconsideration_correction_rate"] == pytest.approx(2 / 12)
