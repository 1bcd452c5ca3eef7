"""Tests of the rule registry: every rule registered once, catalogue, selection."""

from __future__ import annotations

import inspect

import pytest

from govdisclosure import checks
from govdisclosure.checks import _cross, _narrative, _plausibility, _within, catalogue, catalogue_markdown, select_rules
from govdisclosure.checks._findings import Finding
from govdisclosure.checks._registry import RuleSelectionError, rule


def _all_finding_classes() -> set[type[Finding]]:
    found: set[type[Finding]] = set()
    todo = [Finding]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            found.add(sub)
            todo.append(sub)
    return found


class TestRegistry:
    """Every rule function is registered, every code unique."""

    def test_every_rule_function_registered(self) -> None:
        """Functions named after a rule code in the rule modules are all in the catalogue, with their code."""
        registered = {r.function for r in catalogue()}
        for module in (_within, _plausibility, _narrative, _cross):
            for name, function in inspect.getmembers(module, inspect.isfunction):
                if function.__module__ == module.__name__ and name[:1] in "CX" and name[1:].isdigit():
                    assert function in registered, name
        assert {r.function.__name__ for r in catalogue() if r.scope == "report"} == {
            "C1",
            "C2",
            "C3",
            "C4",
            "X3",
            "X4",
            "X5",
            "X6",
            "X7",
        }

    def test_codes_unique(self) -> None:
        """Rule codes are unique, and so are the codes of the kinds of finding (except the shared NA)."""
        codes = [r.code for r in catalogue()]
        assert codes == ["C1", "C2", "C3", "C4", "X1", "X2", "X3", "X4", "X5", "X6", "X7", "A1"]
        finding_codes = [cls.code for cls in _all_finding_classes() if "code" in vars(cls)]
        assert sorted(finding_codes) == sorted([*codes, "NA"])

    def test_registering_twice_fails(self) -> None:
        """A code cannot be registered twice."""
        with pytest.raises(ValueError, match=r"^rule code 'C1' is registered twice$"):
            rule("C1", title="", title_zh="", severity="error", tags=(), emits=())(lambda report, out: None)

    def test_metadata(self) -> None:
        """Every rule has titles, a docstring basis, finding classes, and editions."""
        for r in catalogue():
            assert r.title
            assert r.title_zh
            assert r.basis
            assert r.emits
            assert set(r.editions) <= {"2019", "2021"}
            assert all(cls.code in (r.code, "NA") for cls in r.emits)
            assert r.severity == r.emits[0].severity


class TestCatalogueMarkdown:
    """The catalogue rendered for the documentation."""

    def test_table(self) -> None:
        """One header, one separator, one row per rule and one for NA."""
        lines = catalogue_markdown().splitlines()
        assert lines[1] == "|---|---|---|---|---|---|---|---|"
        assert len(lines) == 2 + len(catalogue()) + 1
        assert lines[2].startswith("| `C1` | error | （七）总计 equals the sum of the outcome rows, in every column |")
        assert all(line.count("|") - line.count("\\|") == 9 for line in lines)

    def test_unwraps_chinese(self) -> None:
        """Docstring lines are joined without a space between Chinese characters."""
        row = next(line for line in catalogue_markdown().splitlines() if line.startswith("| `X6`"))
        assert "2.申请人逾期未按收费通知要求缴纳费用" in row


class TestSelection:
    """Pick and skip rules by code, tag or severity."""

    def test_by_code_and_tag(self) -> None:
        """Codes and tags mix in select and ignore."""
        assert [r.code for r in select_rules("2019", select="C4")] == ["C4"]
        assert [r.code for r in select_rules("2019", select=["plausibility"])] == ["X4", "X5", "X7"]
        assert [r.code for r in select_rules("2021", ignore=["arithmetic", "X3"])] == ["X4", "X5", "X6", "X7"]
        assert [r.code for r in select_rules("2021", tags="layout")] == ["X5", "X6"]

    def test_edition(self) -> None:
        """X6 applies to the 2021 edition only."""
        assert "X6" not in [r.code for r in select_rules("2019")]

    def test_severity(self) -> None:
        """min_severity drops the warnings."""
        assert [r.code for r in select_rules("2021", min_severity="error")] == ["C1", "C2", "C3", "C4"]

    def test_across(self) -> None:
        """Cross-report rules are listed under their own scope."""
        assert [r.code for r in select_rules("2021", scope="across")] == ["X1", "X2", "A1"]

    def test_unknown(self) -> None:
        """An unknown code or tag is one clear error."""
        with pytest.raises(
            RuleSelectionError,
            match=r"^unknown rule code or tag C9, nope: the codes and tags are listed by "
            r"govdisclosure.checks.catalogue\(\)$",
        ):
            select_rules("2021", select=["C9", "nope"])
        with pytest.raises(RuleSelectionError, match=r"^unknown severity 'fatal'"):
            select_rules("2021", min_severity="fatal")

    def test_public_names(self) -> None:
        """The package exports what its __all__ lists."""
        assert all(hasattr(checks, name) for name in checks.__all__)
        assert checks.__all__ == sorted(checks.__all__)
