"""Tests of the JSON Schema: generated from the registry; examples and generated reports validate."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from strategies import reports

import govdisclosure as g

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
VALIDATOR = jsonschema.Draft202012Validator(g.json_schema(), format_checker=jsonschema.FormatChecker())


class TestSchema:
    """The schema accepts what loads accepts, for the cases that matter."""

    def test_schema_is_valid(self) -> None:
        """The schema itself is valid draft 2020-12."""
        jsonschema.Draft202012Validator.check_schema(g.json_schema())

    @pytest.mark.parametrize("name", ["tacheng-2024.json", "example-2019.json"])
    def test_examples_validate(self, name: str) -> None:
        """The example files validate."""
        VALIDATOR.validate(_load(name))

    @given(reports())
    @settings(max_examples=60, deadline=None)
    def test_generated_reports_validate(self, report: g.Report) -> None:
        """Every report dumps to a document the schema accepts."""
        VALIDATOR.validate(g.to_dict(report))

    def test_negative_count_rejected(self) -> None:
        """A negative count fails validation at its path."""
        doc = g.to_dict(g.sample_report())
        doc["applications"]["outcomes"]["total"]["natural_person"] = -1
        (error,) = VALIDATOR.iter_errors(doc)
        assert list(error.absolute_path) == ["applications", "outcomes", "total", "natural_person"]

    def test_edition_selects_tables(self) -> None:
        """A 2019 document with the 2021 表二 fails."""
        doc = g.to_dict(g.sample_report())
        doc["edition"] = "2019"
        assert not VALIDATOR.is_valid(doc)

    def test_labels_as_titles(self) -> None:
        """Official labels are the titles of the schema's properties."""
        defs = g.json_schema()["$defs"]
        assert defs["applications_2021"]["properties"]["outcomes"]["title"] == "三、本年度办理结果"
        row = defs["review_litigation_2019"]["properties"]["reconsideration"]
        assert row["properties"]["upheld"]["title"] == "结果维持"


def _load(name: str) -> object:
    import json

    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
