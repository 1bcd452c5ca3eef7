"""Tests of check() and ensure_consistent(): options, subject, fixes."""

from __future__ import annotations

import pytest

from govdisclosure import errors
from govdisclosure.checks import ConsistencyError, RuleSelectionError, check, ensure_consistent
from govdisclosure.model import ApplicantRow, Report
from govdisclosure.samples import sample_report


def _bad() -> Report:
    return (
        sample_report()
        .with_cell("review_litigation.reconsideration.upheld", 2)
        .with_cell("applications.outcomes.granted.research", None)
        .with_cell("applications.outcomes.other_handling", ApplicantRow.filled(0))
    )


class TestCheck:
    """Options of check()."""

    def test_everything(self) -> None:
        """By default every rule runs; findings come in rule order."""
        assert check(_bad()).codes() == ["NA", "NA", "C4", "X6"]
        assert [f.rule for f in check(_bad())] == ["C1", "C3", "C4", "X6"]

    def test_select_ignore(self) -> None:
        """Select and ignore by code or tag; ignore NA drops the not-assessable findings."""
        assert check(_bad(), select="C4").codes() == ["C4"]
        assert check(_bad(), ignore="NA").codes() == ["C4", "X6"]
        assert check(_bad(), ignore=["arithmetic"]).codes() == ["X6"]
        assert check(_bad(), tags="layout").codes() == ["X6"]

    def test_min_severity(self) -> None:
        """min_severity drops rules and findings below it."""
        assert check(_bad(), min_severity="warning").codes() == ["C4", "X6"]
        assert check(_bad(), min_severity="error").codes() == ["C4"]

    def test_fixes_optional(self) -> None:
        """Fixes are computed unless switched off."""
        assert len(check(_bad()).fixes) == 2
        assert check(_bad(), fixes=False).fixes == ()

    def test_unknown_rule(self) -> None:
        """An unknown rule code is a RuleSelectionError that names it and says where the codes are, once."""
        with pytest.raises(RuleSelectionError) as info:
            check(sample_report(), select=["ZZ"])
        assert str(info.value) == (
            "unknown rule code or tag ZZ: the codes and tags are listed by govdisclosure.checks.catalogue()"
        )

    def test_subject(self) -> None:
        """The subject names the body and the year."""
        assert check(_bad()).subject == "塔城地区行署外事办公室 2024"


class TestEnsureConsistent:
    """Raise once with every error, or return the report."""

    def test_raises(self) -> None:
        """Errors raise a ConsistencyError carrying them."""
        with pytest.raises(ConsistencyError, match=r"^塔城地区行署外事办公室 2024: 1 consistency error: C4 ") as info:
            ensure_consistent(_bad())
        assert [f.code for f in info.value.findings] == ["C4"]
        assert info.value.report.counts == {"error": 1, "warning": 1, "info": 2}

    def test_returns(self) -> None:
        """Without errors the check report is returned, warnings included."""
        result = ensure_consistent(_bad(), ignore="C4")
        assert result.ok
        assert result.codes() == ["NA", "NA", "X6"]


class TestErrorClasses:
    """The checks' errors are defined in govdisclosure.errors and still importable from the package."""

    def test_one_definition(self) -> None:
        """Same classes, rooted at GovDisclosureError and ValueError."""
        assert ConsistencyError is errors.ConsistencyError
        assert RuleSelectionError is errors.RuleSelectionError
        for cls in (ConsistencyError, RuleSelectionError):
            assert issubclass(cls, errors.GovDisclosureError)
            assert issubclass(cls, ValueError)
