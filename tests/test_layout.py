"""Tests of the layout registry: it matches the spec and the model."""

from __future__ import annotations

import attrs
import pytest

from govdisclosure import layout, model


class TestRegistry:
    """The registry describes the official tables exactly."""

    @pytest.mark.parametrize(("edition", "height"), [("2019", 20), ("2021", 22)])
    def test_outcomes_span(self, edition: str, height: int) -> None:
        """三、本年度办理结果 spans 20 rows in 2019 and 22 in 2021."""
        outcomes = layout.table(edition, "三").node("outcomes")
        assert outcomes.label == "三、本年度办理结果"
        assert outcomes.height() == height

    def test_applications_rows_2021(self) -> None:
        """表三 (2021) has 25 data rows in official order."""
        paths = layout.table("2021", "applications").paths()
        assert len(paths) == 25
        assert paths[:3] == ("new_received", "carried_over", "outcomes.granted")
        assert paths[-4:] == (
            "outcomes.other_handling.unpaid_fee",
            "outcomes.other_handling.other",
            "outcomes.total",
            "carried_forward",
        )

    def test_applications_rows_2019(self) -> None:
        """表三 (2019) has one （六） row."""
        paths = layout.table("2019", "applications").paths()
        assert len(paths) == 23
        assert "outcomes.other_handling" in paths

    def test_header_widths(self) -> None:
        """申请人情况 spans 7 columns; 法人或其他组织 5."""
        (top,) = layout.APPLICANT_HEADER
        assert top.width() == 7
        assert top.depth() == 3
        assert [h.label for h in top.children] == ["自然人", "法人或其他组织", "总计"]
        assert top.children[1].width() == 5

    def test_review_litigation(self) -> None:
        """表四: 行政复议 one block; 行政诉讼 groups two blocks; 15 cells."""
        t = layout.table("2021", "四")
        assert [c.label for c in t.root.children] == ["行政复议", "行政诉讼"]
        assert t.root.children[1].height() == 2
        assert len(list(t.cells())) == 15

    @pytest.mark.parametrize(("edition", "count"), [("2019", 22), ("2021", 10)])
    def test_active_disclosure_cells(self, edition: str, count: int) -> None:
        """表二 has 22 cells in 2019 and 10 in 2021."""
        assert len(list(layout.table(edition, "二").cells())) == count

    def test_fee_unit(self) -> None:
        """Only the 2021 fees row prints a unit."""
        field = layout.table("2021", "二").node("fees").fields[0]
        assert (field.kind, field.unit, field.label) == ("amount", "万元", "本年收费金额（单位：万元）")

    def test_unknown_edition(self) -> None:
        """An unknown edition is a KeyError naming the known ones."""
        with pytest.raises(KeyError, match="expected one of 2019, 2021"):
            layout.edition("2018")

    def test_table_lookup(self) -> None:
        """Tables are found by key, number and name."""
        ed = layout.edition("2021")
        assert ed.table("applications") is ed.table("三") is ed.table("表三")
        with pytest.raises(KeyError):
            ed.table("五")


def _model_shape(obj: object) -> dict[str, object]:
    shape: dict[str, object] = {}
    for a in attrs.fields(type(obj)):
        value = getattr(obj, a.name)
        shape[a.name] = list(value.FIELDS) if isinstance(value, model._Row) else _model_shape(value)
    return shape


def _layout_shape(node: layout.Node) -> dict[str, object]:
    return {
        child.key: [f.key for f in child.fields] if child.is_row else _layout_shape(child)
        for child in node.keyed_children()
    }


class TestModelMatchesRegistry:
    """Model attribute names and order are exactly the registry's keys (one source of truth)."""

    @pytest.mark.parametrize("edition", ["2019", "2021"])
    def test_tables(self, edition: str) -> None:
        """Every table of the model has the registry's rows and columns, in order."""
        report = model.blank_report(edition, year=2020, agency="x")
        for table in layout.edition(edition).tables:
            assert _model_shape(getattr(report, table.key)) == _layout_shape(table.root), table.key

    def test_cells_follow_registry_order(self) -> None:
        """Report.cells() yields cells in the registry's reading order."""
        report = model.blank_report("2021", year=2022, agency="x")
        expected = [(t.key, path, f.key) for t in layout.edition("2021").tables for path, f in t.cells()]
        assert [c[:3] for c in report.cells()] == expected
