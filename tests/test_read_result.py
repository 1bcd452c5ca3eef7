"""ImportResult, Note and CellOrigin."""

from __future__ import annotations

import pytest

from govdisclosure.importers import CellOrigin, ImportResult, Note, Where
from govdisclosure.samples import sample_report


class TestNote:
    """Notes render in one line."""

    def test_str(self) -> None:
        """Severity, message, code and position."""
        note = Note("extra-cells", "too many cells", "warning", Where(line=3, column=2), "applications.outcomes.total")
        assert str(note) == "warning: too many cells [extra-cells] (line 3:2)"

    def test_defaults(self) -> None:
        """A warning at an unknown position, about no particular cell."""
        note = Note("x", "y")
        assert (note.severity, str(note.where), note.path) == ("warning", "unknown position", None)


class TestImportResult:
    """The report with its notes and provenance."""

    def test_provenance_is_read_only(self) -> None:
        """Provenance cannot be changed after the import."""
        result = ImportResult(report=sample_report(), provenance={"a.b.c": CellOrigin("0")})
        with pytest.raises(TypeError):
            result.provenance["a.b.c"] = CellOrigin("1")  # type: ignore[index]

    def test_inferred_and_notes_with(self) -> None:
        """Inferred cells and notes by code."""
        result = ImportResult(
            report=sample_report(),
            notes=(Note("digits-split", "m1"), Note("date-typo", "m2"), Note("digits-split", "m3")),
            provenance={"x.y.a": CellOrigin("12", inferred=True), "x.y.b": CellOrigin("3")},
        )
        assert result.inferred == ("x.y.a",)
        assert [n.message for n in result.notes_with("digits-split")] == ["m1", "m3"]
