"""Tests of the JSON interchange format: lossless round trips, strict reading with every problem reported."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import reports

import govdisclosure as g
from govdisclosure import DeserializationError, Problem, model, serialize

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _problems(data: Any) -> list[tuple[str, str]]:
    with pytest.raises(DeserializationError) as info:
        g.from_dict(data)
    return [(p.path, p.message) for p in info.value.problems]


def _doc() -> dict[str, Any]:
    return g.to_dict(g.sample_report())


class TestRoundTrip:
    """Every report that can be built round-trips to an equal object."""

    @given(reports())
    @settings(max_examples=150, deadline=None)
    def test_json(self, report: g.Report) -> None:
        """dumps → loads gives an equal report (None cells, Decimal amounts, both editions)."""
        assert g.loads(g.dumps(report)) == report

    @given(reports())
    @settings(max_examples=50, deadline=None)
    def test_compact(self, report: g.Report) -> None:
        """Compact JSON round-trips too."""
        assert g.loads(g.dumps(report, indent=None).encode()) == report

    def test_samples_are_canonical(self) -> None:
        """The bundled samples are exactly what dumps writes."""
        for name in ("tacheng-2024", "example-2019"):
            text = (EXAMPLES / f"{name}.json").read_text(encoding="utf-8")
            assert g.dumps(g.loads(text)) + "\n" == text

    def test_chinese_unescaped(self, sample: g.Report) -> None:
        """Chinese text is written as is, not as \\u escapes."""
        text = g.dumps(sample)
        assert "塔城地区行署外事办公室" in text
        assert "\\u" not in text

    def test_amount_as_decimal_string(self, example_2019: g.Report) -> None:
        """Amounts are decimal strings in JSON."""
        assert g.to_dict(example_2019)["active_disclosure"]["procurement"]["amount"] == "386.42"

    def test_file_io(self, sample: g.Report, tmp_path: Path) -> None:
        """dump/load work with paths and open files."""
        target = tmp_path / "r.json"
        g.dump(sample, target)
        assert g.load(target) == sample
        buffer = io.StringIO()
        g.dump(sample, buffer)
        assert g.load(io.StringIO(buffer.getvalue())) == sample


class TestStrictReading:
    """Malformed documents raise one DeserializationError listing every problem with its JSON path."""

    def test_every_problem_at_once(self) -> None:
        """Unknown keys, wrong types, negative counts and missing fields are all reported together."""
        doc = _doc()
        doc["extra"] = 1
        doc["applications"]["outcomes"]["total"]["natural_person"] = -1
        doc["applications"]["new_received"]["total"] = "3"
        del doc["review_litigation"]["reconsideration"]["upheld"]
        doc["active_disclosure"]["fees"]["amount"] = 1.5
        doc["applications"]["outcomes"]["withheld"]["state_secret"]["bogus"] = 0
        assert sorted(_problems(doc)) == [
            ("$", "unknown key: extra"),
            ("$.active_disclosure.fees.amount", "expected a decimal string or null, got a number 1.5"),
            ("$.applications.new_received.total", 'expected an integer count or null, got a string "3"'),
            ("$.applications.outcomes.total.natural_person", "a count cannot be negative, got -1"),
            ("$.applications.outcomes.withheld.state_secret", "unknown key: bogus"),
            ("$.review_litigation.reconsideration.upheld", "required field missing"),
        ]

    def test_missing_required(self) -> None:
        """Missing top-level fields are each named."""
        assert sorted(_problems({"edition": "2021"})) == [
            ("$.active_disclosure", "required field missing"),
            ("$.agency", "required field missing"),
            ("$.applications", "required field missing"),
            ("$.review_litigation", "required field missing"),
            ("$.year", "required field missing"),
        ]

    def test_missing_row(self) -> None:
        """A missing row of a table is named."""
        doc = _doc()
        del doc["applications"]["outcomes"]["withheld"]["query_matters"]
        assert _problems(doc) == [("$.applications.outcomes.withheld.query_matters", "required field missing")]

    def test_unknown_edition(self) -> None:
        """An unknown edition is reported; its tables are not guessed at."""
        doc = _doc()
        doc["edition"] = "2018"
        assert _problems(doc) == [("$.edition", 'unknown edition "2018": expected "2019" or "2021"')]

    def test_wrong_edition_table(self) -> None:
        """A 2021 表二 in a 2019 report is one problem, not one per cell."""
        doc = _doc()
        doc["edition"] = "2019"
        assert _problems(doc) == [("$.active_disclosure", 'this is 表二 of the 2021 edition, but "edition" is "2019"')]

    def test_2021_rows_in_2019_report(self, example_2019: g.Report) -> None:
        """The three （六） rows of 2021 are refused in a 2019 report."""
        doc = g.to_dict(example_2019)
        row = doc["applications"]["outcomes"]["other_handling"]
        doc["applications"]["outcomes"]["other_handling"] = {"no_correction": row, "unpaid_fee": row, "other": row}
        assert _problems(doc) == [
            (
                "$.applications.outcomes.other_handling",
                "the 2019 edition has a single （六）其他处理 row; got the three rows of the 2021 edition",
            )
        ]

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            (True, "expected an integer count or null, got a boolean true"),
            (1.0, "expected an integer count or null, got a number 1.0"),
            ([], "expected an integer count or null, got an array []"),
        ],
    )
    def test_cell_types(self, value: object, message: str) -> None:
        """Booleans, floats and arrays are not counts."""
        doc = _doc()
        doc["review_litigation"]["litigation_direct"]["pending"] = value
        assert _problems(doc) == [("$.review_litigation.litigation_direct.pending", message)]

    def test_bad_amount_string(self) -> None:
        """An amount string must be a plain decimal."""
        doc = _doc()
        doc["active_disclosure"]["fees"]["amount"] = "12万"
        assert _problems(doc) == [
            (
                "$.active_disclosure.fees.amount",
                "expected a non-negative decimal string such as \"7730.28\", got '12万'",
            )
        ]

    def test_bad_date_and_types(self) -> None:
        """Dates are ISO strings; text fields are strings."""
        doc = _doc()
        doc["published"] = "2025 月 1 月 20 日"
        doc["agency"] = 5
        doc["year"] = "2024"
        assert sorted(_problems(doc)) == [
            ("$.agency", "expected a string, got an integer"),
            ("$.published", 'expected an ISO date such as "2025-01-20", got "2025 月 1 月 20 日"'),
            ("$.year", "expected an integer, got a string"),
        ]

    def test_not_an_object(self) -> None:
        """A JSON array is not a report."""
        assert _problems([1]) == [("$", "expected a JSON object describing a report, got an array")]

    def test_row_not_an_object(self) -> None:
        """A row given as a list is named."""
        doc = _doc()
        doc["applications"]["carried_over"] = [0] * 7
        (problem,) = _problems(doc)
        assert problem[0] == "$.applications.carried_over"
        assert problem[1].startswith("expected an object with the keys natural_person, commercial")

    def test_subsection_index_in_path(self) -> None:
        """A bad sub-section names its index."""
        doc = _doc()
        doc["overview"]["subsections"][2]["title"] = None
        assert _problems(doc) == [("$.overview.subsections[2].title", "expected a string, got null")]

    def test_invalid_json_text(self) -> None:
        """Text that is not JSON gives one problem with its position."""
        with pytest.raises(DeserializationError) as info:
            g.loads('{"edition": ')
        assert info.value.problems == (Problem("$", "not valid JSON: Expecting value (line 1, column 13)"),)

    def test_message(self) -> None:
        """The exception text lists the problems, one per line."""
        with pytest.raises(DeserializationError) as info:
            g.from_dict({"edition": "2021", "year": 2024, "agency": "x"})
        assert str(info.value).splitlines()[0] == "invalid report: 3 problems"
        assert isinstance(info.value, g.GovDisclosureError)

    def test_json_null_optional(self) -> None:
        """Optional metadata may be null or absent."""
        doc = _doc()
        for key in ("published", "period", "contact", "source"):
            doc[key] = None
        del doc["title"], doc["overview"]
        report = g.from_dict(doc)
        assert report.period is None
        assert report.title == ""
        assert json.loads(g.dumps(report))["overview"] == {"heading": None, "text": "", "subsections": []}


_ANY_CELL = st.one_of(
    st.none(),
    st.integers(min_value=-5, max_value=5),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-2, max_value=2),
    st.text(max_size=2),
    st.just([]),
)


class TestFastPath:
    """The compiled fast readers accept exactly what the classes' validators accept."""

    @pytest.mark.parametrize(
        "cls", [c for c in model.row_classes().values() if not c.AMOUNTS], ids=lambda c: c.__name__
    )
    @given(data=st.data())
    @settings(max_examples=80, deadline=None)
    def test_rows_agree_with_constructor(self, cls: type[Any], data: st.DataObject) -> None:
        """Same result, or both refuse, for arbitrary cell values and key sets."""
        keys = data.draw(st.lists(st.sampled_from([*cls.FIELDS, "bogus"]), unique=True), label="keys")
        doc = {k: data.draw(_ANY_CELL, label=k) for k in keys}
        hook = serialize._FAST.get_structure_hook(cls)
        try:
            expected = cls(**doc) if set(keys) == set(cls.FIELDS) else None
        except g.ModelError:
            expected = None
        try:
            actual = hook(doc, cls)
        except Exception:  # noqa: BLE001 - any refusal sends the document to the detailed path
            actual = None
        assert actual == expected

    def test_groups_refuse_extra_and_missing(self) -> None:
        """A group with an extra or a missing key is refused by the fast path and reported by the detailed one."""
        doc = _doc()
        doc["review_litigation"]["extra"] = doc["review_litigation"]["reconsideration"]
        hook = serialize._FAST.get_structure_hook(g.ReviewLitigation)
        with pytest.raises(Exception):  # noqa: B017, PT011 - the fast path's refusal is not user-facing
            hook(doc["review_litigation"], g.ReviewLitigation)
        assert _problems(doc) == [("$.review_litigation", "unknown key: extra")]
