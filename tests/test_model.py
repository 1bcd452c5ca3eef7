"""Tests of the typed model: hard facts at construction, builders, access by path and label."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import govdisclosure as g
from govdisclosure import ApplicantRow, ModelError, ReviewRow


class TestConstruction:
    """Construction rejects only hard errors."""

    def test_negative_count(self) -> None:
        """A negative count is rejected with the field named."""
        with pytest.raises(ModelError, match=r"^ApplicantRow.total: a count cannot be negative, got -1$"):
            ApplicantRow(total=-1)

    @pytest.mark.parametrize("value", ["3", 3.0, True, Decimal(3)])
    def test_wrong_type(self, value: object) -> None:
        """Strings, floats, booleans and Decimals are not counts."""
        with pytest.raises(ModelError, match=r"^ReviewRow.upheld: expected an integer or None"):
            ReviewRow(upheld=value)  # type: ignore[arg-type]

    def test_signed_change(self) -> None:
        """The 2019 本年增/减 may be negative."""
        assert g.ItemCounts(change=-3).change == -3

    def test_amounts(self) -> None:
        """Amounts are non-negative finite Decimals."""
        assert g.FeeAmount(amount=Decimal("7730.28")).amount == Decimal("7730.28")
        with pytest.raises(ModelError, match="expected a Decimal"):
            g.FeeAmount(amount=1.5)  # type: ignore[arg-type]
        with pytest.raises(ModelError, match="must be finite"):
            g.FeeAmount(amount=Decimal("NaN"))
        with pytest.raises(ModelError, match="cannot be negative"):
            g.Procurement(amount=Decimal("-1"))

    def test_unknown_edition(self) -> None:
        """An unknown edition is rejected."""
        with pytest.raises(ModelError, match="unknown edition '2018'"):
            g.blank_report("2018", year=2018, agency="x")

    def test_wrong_table_edition(self) -> None:
        """A 2019 report needs the 2019 表二."""
        report = g.blank_report("2021", year=2021, agency="x")
        with pytest.raises(ModelError, match="a 2019 report needs ActiveDisclosure2019"):
            g.Report(edition="2019", year=2020, agency="x", active_disclosure=report.active_disclosure)

    def test_2021_rows_in_2019_table(self) -> None:
        """The three （六） rows of 2021 cannot appear in a 2019 table."""
        apps = g.Applications.filled(0, edition="2021")
        with pytest.raises(ModelError, match="the 2019 edition has a single （六）其他处理 row"):
            g.Report(
                edition="2019", year=2020, agency="x", active_disclosure=g.ActiveDisclosure2019(), applications=apps
            )

    def test_single_other_handling_in_2021(self) -> None:
        """A 2021 report printed with the old single （六） row still loads (checks flag it)."""
        apps = g.Applications.filled(0, edition="2019")
        report = g.Report(
            edition="2021", year=2023, agency="x", active_disclosure=g.ActiveDisclosure2021(), applications=apps
        )
        assert report.uses_single_other_handling
        assert report.label("applications.outcomes.other_handling.total") == "表三 （六）其他处理 · 总计"

    def test_sums_need_not_add_up(self) -> None:
        """A report whose figures do not add up is still a valid object."""
        row = ApplicantRow(natural_person=5, total=1)
        assert row.parts_sum() is None
        assert ApplicantRow.of(5).total == 5
        assert ReviewRow(upheld=10, corrected=1, other=0, pending=0, total=0).parts_sum() == 11

    def test_bad_year(self) -> None:
        """The data year is an integer."""
        with pytest.raises(ModelError, match=r"^Report\.year: expected a data year such as 2024, got '2024'$"):
            g.blank_report("2021", year="2024", agency="x")  # type: ignore[arg-type]


class TestBuilders:
    """Builders for people writing a report."""

    def test_row_of(self) -> None:
        """ApplicantRow.of computes 总计; a blank part makes it blank."""
        assert ApplicantRow.of(3, 1, 0, 0, 2, 0).total == 6
        assert ApplicantRow.of(3, None).total is None

    def test_blank_report_is_blank(self) -> None:
        """blank_report leaves every cell None unless asked to fill."""
        report = g.blank_report("2021", year=2024, agency="x")
        assert {v for *_, v in report.cells()} == {None}
        filled = g.blank_report("2021", year=2024, agency="x", fill=0)
        assert filled.active_disclosure.fees.amount == Decimal(0)  # type: ignore[union-attr]

    def test_totalled(self) -> None:
        """totalled() computes row totals, （七）总计 and, optionally, 四."""
        apps = g.Applications(
            new_received=ApplicantRow.of(5, 1),
            carried_over=ApplicantRow.of(1),
            outcomes=g.Outcomes(
                granted=ApplicantRow(
                    natural_person=3, commercial=1, research=0, social_welfare=0, legal_services=0, other_org=0
                ),
                partially_granted=ApplicantRow.of(1),
                withheld=g.Withheld.filled(0),
                unable_to_provide=g.UnableToProvide.filled(0),
                not_processed=g.NotProcessed.filled(0),
                other_handling=g.OtherHandling.filled(0),
            ),
        ).totalled(carry_forward=True)
        assert apps.outcomes.granted.total == 4
        assert apps.outcomes.total.total == 5
        assert apps.outcomes.total.natural_person == 4
        assert apps.carried_forward.total == 2  # 6 + 1 - 5
        assert apps.carried_forward.natural_person == 2  # 5 + 1 - 4

    def test_filled_2019(self) -> None:
        """Applications.filled uses the （六） row(s) of the edition."""
        assert isinstance(g.Applications.filled(0, edition="2019").outcomes.other_handling, ApplicantRow)
        assert isinstance(g.Applications.filled(0).outcomes.other_handling, g.OtherHandling)


class TestAccess:
    """Access by canonical path and label."""

    def test_get_and_with_cell(self, example_2019: g.Report) -> None:
        """get() reads a cell; with_cell() returns a changed copy."""
        path = "review_litigation.reconsideration.total"
        assert example_2019.get(path) == 13
        changed = example_2019.with_cell(path, 0)
        assert changed.get(path) == 0
        assert example_2019.get(path) == 13

    def test_bad_path(self, sample: g.Report) -> None:
        """An unknown path is a KeyError naming the part."""
        with pytest.raises(KeyError, match="no 'nope'"):
            sample.get("applications.nope.total")

    def test_labels(self, sample: g.Report) -> None:
        """Labels come from the registry."""
        assert sample.label("review_litigation.litigation_direct.upheld") == "表四 未经复议直接起诉 · 结果维持"
        assert sample.label("active_disclosure.fees.amount") == "表二 行政事业性收费 · 本年收费金额（单位：万元）"
        assert sample.label("applications.outcomes.withheld") == "表三 （三）不予公开"
        assert sample.label("applications") == "表三"

    def test_nested_labels_name_their_block(self, example_2019: g.Report) -> None:
        """A reason row is named with its block, the same way everywhere (layout.cell_label)."""
        path = "applications.outcomes.withheld.state_secret.research"
        assert example_2019.label(path) == "表三 （三）不予公开 1.属于国家秘密 · 科研机构"
        assert example_2019.label(path) == g.layout.cell_label(
            "2019", "applications", "outcomes.withheld.state_secret", "research"
        )

    def test_bad_label_paths(self, sample: g.Report) -> None:
        """Unknown tables, rows and columns are KeyErrors that say what exists."""
        with pytest.raises(KeyError, match=r"no table 'x' in 'x\.y': expected active_disclosure, applications"):
            sample.label("x.y")
        with pytest.raises(KeyError, match="expected one of reconsideration, litigation_direct"):
            sample.label("review_litigation.appeal.total")
        with pytest.raises(KeyError, match="a row's columns are upheld, corrected, other, pending, total"):
            sample.label("review_litigation.reconsideration.sum")

    def test_narrative(self, sample: g.Report) -> None:
        """Sub-sections are addressable by marker, title and position."""
        overview = sample.overview
        assert overview["（二）"].title == "依申请公开"
        assert overview["依申请公开"] is overview[1]
        assert "（五）监督保障" in overview.full_text
        with pytest.raises(KeyError):
            overview["（九）"]

    def test_metadata(self, sample: g.Report) -> None:
        """The sample carries its metadata."""
        assert sample.published == dt.date(2025, 1, 20)
        assert sample.period is not None
        assert sample.period.end == dt.date(2024, 12, 31)
        assert sample.contact is not None
        assert sample.contact.postcode == "834700"
