"""Tests of govdisclosure.analysis._aggregate: sums of sub-units and the comparison with a parent report."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from strategies_analysis import sub_units

import govdisclosure as g
from govdisclosure import model as m
from govdisclosure.analysis import AggregationError, aggregate, compare_aggregate
from govdisclosure.testing import consistent_report


def _cells(report: g.Report) -> dict[str, object]:
    return {f"{t}.{r}.{c}": v for t, r, c, v in report.cells()}


class TestAggregate:
    """aggregate()."""

    @given(sub_units())
    @settings(max_examples=60, deadline=None)
    def test_sum_cell_by_cell_none_aware(self, units: list[g.Report]) -> None:
        """Every aggregate cell is the sum over sub-units, or None where any sub-unit is blank."""
        result = aggregate(units, agency="某某区人民政府")
        per_unit = [_cells(u) for u in units]
        summed = _cells(result.report)
        assert summed.keys() == per_unit[0].keys()
        noted = {note.path: note for note in result.notes}
        for path, value in summed.items():
            values = [cells[path] for cells in per_unit]
            blank_in = tuple(u.agency for u, v in zip(units, values, strict=True) if v is None)
            if blank_in:
                assert value is None
                if len(blank_in) < len(units):
                    assert noted[path].blank_in == blank_in
                    assert noted[path].summed is False
                else:
                    assert path not in noted
            else:
                assert value == sum(values[1:], start=values[0])  # type: ignore[call-overload]
                assert path not in noted

    @given(sub_units())
    @settings(max_examples=30, deadline=None)
    def test_skip_blanks_sums_known_values(self, units: list[g.Report]) -> None:
        """With blanks="skip" a partly blank cell is the sum of the known values, and still noted."""
        result = aggregate(units, agency="某某区人民政府", blanks="skip")
        per_unit = [_cells(u) for u in units]
        for note in result.notes:
            known = [cells[note.path] for cells in per_unit if cells[note.path] is not None]
            assert note.summed is True
            assert result.report.get(note.path) == sum(known[1:], start=known[0])

    @given(sub_units(blanks=False))
    @settings(max_examples=30, deadline=None)
    def test_sums_of_consistent_reports_are_consistent(self, units: list[g.Report]) -> None:
        """Sub-units that add up give an aggregate that adds up (C2 in the 总计 column), with no notes."""
        result = aggregate(units, agency="某某区人民政府", title="某某区汇总")
        apps = result.report.applications
        left = apps.new_received.total + apps.carried_over.total  # type: ignore[operator]
        assert left == apps.outcomes.total.total + apps.carried_forward.total  # type: ignore[operator]
        assert result.notes == ()
        assert result.report.agency == "某某区人民政府"
        assert result.report.title == "某某区汇总"
        assert result.units == tuple(u.agency for u in units)

    def test_amounts_are_exact_decimals(self) -> None:
        """Amount cells are summed as decimals."""
        units = [
            consistent_report(seed=1).with_cell("active_disclosure.fees.amount", Decimal("0.1")),
            consistent_report(seed=2).with_cell("active_disclosure.fees.amount", Decimal("0.2")),
        ]
        assert aggregate(units, agency="区").report.get("active_disclosure.fees.amount") == Decimal("0.3")

    def test_note_text(self) -> None:
        """A note names the cell, its label and the blank sub-units."""
        units = [consistent_report(seed=s, agency=f"第{s}街道") for s in (1, 2, 3)]
        units[0] = units[0].with_cell("applications.carried_forward.total", None)
        units[2] = units[2].with_cell("applications.carried_forward.total", None)
        (note,) = aggregate(units, agency="区").notes
        assert str(note) == (
            "表三 四、结转下年度继续办理 · 总计 (applications.carried_forward.total): "
            "blank in 第1街道、第3街道; left blank"
        )

    def test_mixed_other_handling_rows_are_folded(self) -> None:
        """A 2021 sub-unit printing the single （六） row makes the aggregate use one row, summed None-aware."""
        split = consistent_report(seed=4)
        single_src = consistent_report(seed=5)
        other = single_src.applications.outcomes.other_handling
        assert isinstance(other, m.OtherHandling)
        folded = m.ApplicantRow.of(
            *(sum(getattr(row, c) for _, row in other) for c in m.ApplicantRow.PARTS)  # type: ignore[misc]
        )
        outcomes = attrs.evolve(single_src.applications.outcomes, other_handling=folded)
        single = attrs.evolve(single_src, applications=attrs.evolve(single_src.applications, outcomes=outcomes))
        result = aggregate([split, single], agency="区").report
        assert result.uses_single_other_handling
        split_other = split.applications.outcomes.other_handling
        assert isinstance(split_other, m.OtherHandling)
        expected = sum(row.total for _, row in split_other) + folded.total  # type: ignore[misc]
        assert result.get("applications.outcomes.other_handling.total") == expected
        assert result.get("applications.outcomes.total.total") == (
            split.applications.outcomes.total.total + single.applications.outcomes.total.total  # type: ignore[operator]
        )

    def test_different_editions_refused(self) -> None:
        """Reports of two editions cannot be summed."""
        units = [
            consistent_report("2021", seed=1, year=2021, agency="甲"),
            consistent_report("2019", seed=1, agency="乙"),
        ]
        with pytest.raises(AggregationError) as info:
            aggregate(units, agency="区")
        assert str(info.value) == (
            "cannot sum reports of different editions: 甲 2021 is 2021, 乙 2020 is 2019; "
            "aggregate each edition separately"
        )

    def test_different_years_refused(self) -> None:
        """Reports of two data years cannot be summed."""
        units = [consistent_report(seed=1, year=2022, agency="甲"), consistent_report(seed=1, year=2023, agency="乙")]
        with pytest.raises(AggregationError) as info:
            aggregate(units, agency="区")
        assert str(info.value) == (
            "cannot sum reports of different data years: 甲 is 2022, 乙 is 2023; aggregate one year at a time"
        )

    def test_requested_year_must_match(self) -> None:
        """The year argument confirms the sub-units' year."""
        with pytest.raises(AggregationError) as info:
            aggregate([consistent_report(seed=1)], agency="区", year=2024)
        assert str(info.value) == "the sub-units report on 2023, not on the requested year 2024"

    def test_nothing_to_aggregate(self) -> None:
        """An empty input is refused with a clear message."""
        with pytest.raises(AggregationError) as info:
            aggregate([], agency="区")
        assert str(info.value) == "nothing to aggregate: give the reports of at least one sub-unit"

    def test_bad_blanks_option(self) -> None:
        """Only 'blank' and 'skip' are accepted."""
        with pytest.raises(ValueError, match="blanks must be 'blank' or 'skip', got 'zero'"):
            aggregate([consistent_report()], agency="区", blanks="zero")  # type: ignore[arg-type]

    def test_error_is_a_library_error(self) -> None:
        """AggregationError derives from the library's root error."""
        assert issubclass(AggregationError, g.GovDisclosureError)
        assert AggregationError is g.errors.AggregationError


class TestCompareAggregate:
    """compare_aggregate()."""

    @given(sub_units(blanks=False))
    @settings(max_examples=20, deadline=None)
    def test_matching_parent_has_no_differences(self, units: list[g.Report]) -> None:
        """A parent equal to the sum shows no differences."""
        parent = aggregate(units, agency="区").report
        assert compare_aggregate(parent, units) == ()

    def test_difference_reported_exactly(self) -> None:
        """Exactly the changed cell is reported, with both figures and the difference."""
        units = [consistent_report(seed=s) for s in (1, 2)]
        parent = aggregate(units, agency="区").report
        path = "applications.outcomes.granted.natural_person"
        summed = parent.get(path)
        (diff,) = compare_aggregate(parent.with_cell(path, summed + 5), units)
        assert (diff.path, diff.published, diff.summed, diff.difference) == (path, summed + 5, summed, 5)
        assert str(diff) == f"表三 （一）予以公开 · 自然人: published {summed + 5}, sub-units sum to {summed}"

    def test_blank_sum_not_compared(self) -> None:
        """A cell the sub-units leave blank is not compared."""
        units = [consistent_report(seed=s) for s in (1, 2)]
        parent = aggregate(units, agency="区").report
        units[0] = units[0].with_cell("review_litigation.reconsideration.upheld", None)
        changed = parent.with_cell("review_litigation.reconsideration.upheld", 999)
        assert compare_aggregate(changed, units) == ()

    def test_blank_parent_cell_is_a_difference(self) -> None:
        """A parent cell left blank where the sub-units sum to a figure is reported (difference None)."""
        units = [consistent_report(seed=s) for s in (1, 2)]
        parent = aggregate(units, agency="区").report.with_cell("review_litigation.reconsideration.total", None)
        (diff,) = compare_aggregate(parent, units)
        assert diff.published is None
        assert diff.difference is None

    def test_edition_mismatch_refused(self) -> None:
        """A parent of another edition than its sub-units is refused."""
        parent = consistent_report("2019", seed=1, year=2023, agency="区")
        with pytest.raises(AggregationError) as info:
            compare_aggregate(parent, [consistent_report(seed=1)])
        assert str(info.value) == "the parent report 区 2023 is 2019 but its sub-units are 2021"
