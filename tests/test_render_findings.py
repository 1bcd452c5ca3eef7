"""Tests of govdisclosure.renderers._findings: the duck-typed contract and the numbering of findings."""

from __future__ import annotations

import enum

import attrs
from strategies_render import FINDINGS, StubCell, StubFinding, StubReport

from govdisclosure.renderers import CellRef, Finding
from govdisclosure.renderers._findings import FindingIndex


class Severity(enum.Enum):
    """An enum severity, as a checks module might define it."""

    ERROR = "error"


class TestContract:
    """The stand-in classes satisfy the protocols."""

    def test_protocols(self) -> None:
        """Finding and CellRef are runtime-checkable."""
        assert isinstance(FINDINGS[0], Finding)
        assert isinstance(FINDINGS[0].cells[0], CellRef)


class TestIndex:
    """Numbering and lookup."""

    def test_numbering_per_tables(self) -> None:
        """Only findings touching the rendered tables are numbered, in order."""
        index = FindingIndex(FINDINGS, ["review_litigation"], mark="all")
        assert [m.number for _, m in index.marks] == [1]
        assert index.at("review_litigation", "reconsideration", "total")[0].code == "C4"
        assert index.at("review_litigation", "litigation_direct", None)[0].number == 1
        assert index.at("applications", "outcomes.total", "natural_person") == ()

    def test_object_with_findings(self) -> None:
        """An object with a findings attribute is accepted, like a check report."""
        index = FindingIndex(StubReport(FINDINGS), ["applications", "review_litigation"])
        assert [(t, m.number, m.severity) for t, m in index.marks] == [
            ("applications", 1, "error"),
            ("applications", 2, "warning"),
            ("review_litigation", 3, "info"),
        ]
        assert [m.code for m in index.for_table("applications")] == ["C1", "C3"]

    def test_enum_severity_and_generator_cells(self) -> None:
        """An enum severity gives its value; cells may be a one-shot iterable."""

        @attrs.frozen
        class Lazy:
            code: str = "X1"
            severity: Severity = Severity.ERROR
            message_zh: str = "中"
            message_en: str = "en"

            @property
            def cells(self) -> object:
                return (c for c in (StubCell("applications", "new_received", "total"),))

        index = FindingIndex([Lazy()], ["applications"], language="en")
        (mark,) = index.at("applications", "new_received", "total")
        assert (mark.severity, mark.message) == ("error", "en")

    def test_first_cell_only(self) -> None:
        """By default only a finding's first cell, its location, is marked."""
        index = FindingIndex(FINDINGS, ["review_litigation"])
        assert index.at("review_litigation", "reconsideration", "total")[0].code == "C4"
        assert index.at("review_litigation", "litigation_direct", None) == ()

    def test_none_and_empty(self) -> None:
        """No findings: an empty, falsy index."""
        assert not FindingIndex(None, ["applications"])
        assert not FindingIndex([StubFinding("C1", "error", (), "a", "b")], ["applications"])
