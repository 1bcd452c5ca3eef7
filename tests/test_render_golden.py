"""Golden files: every table, edition and format, and the whole sample reports, as rendered.

Regenerate with ``GOVDISCLOSURE_REGEN=1 python -m pytest tests/test_render_golden.py``, then read every changed
file (``git diff tests/golden/render``) before committing it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from strategies_render import FINDINGS, report_2021, report_2021_single

import govdisclosure
from govdisclosure import render
from govdisclosure.model import Report

GOLDEN = Path(__file__).parent / "golden" / "render"
REGEN = os.environ.get("GOVDISCLOSURE_REGEN") == "1"
EXTENSIONS = {"text": "txt", "markdown": "md", "html": "html"}

REPORTS: dict[str, Callable[[], Report]] = {
    "2019": lambda: govdisclosure.sample_report("example-2019"),
    "2021": report_2021,
    "2021-single": report_2021_single,
}
TABLE_CASES = [
    (edition, table, fmt) for edition in ("2019", "2021") for table in ("二", "三", "四") for fmt in EXTENSIONS
] + [("2021-single", "三", fmt) for fmt in EXTENSIONS]
TABLE_KEYS = {"二": "active_disclosure", "三": "applications", "四": "review_litigation"}


def check_golden(name: str, text: str) -> None:
    """Compare with the golden file (or write it when GOVDISCLOSURE_REGEN=1)."""
    path = GOLDEN / name
    text = text if text.endswith("\n") else text + "\n"
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"missing golden file {path}: run with GOVDISCLOSURE_REGEN=1"
    assert text == path.read_text(encoding="utf-8")


class TestTables:
    """Each official table of each edition, in each format."""

    @pytest.mark.parametrize(("edition", "table", "fmt"), TABLE_CASES)
    def test_table(self, edition: str, table: str, fmt: str) -> None:
        report = REPORTS[edition]()
        text = render(report, fmt, table)
        check_golden(f"table-{TABLE_KEYS[table]}-{edition}.{EXTENSIONS[fmt]}", text)


class TestReports:
    """The two bundled samples, whole, in each format (and the printable HTML page)."""

    @pytest.mark.parametrize("sample", ["tacheng-2024", "example-2019"])
    @pytest.mark.parametrize("fmt", list(EXTENSIONS))
    def test_report(self, sample: str, fmt: str) -> None:
        text = render(govdisclosure.sample_report(sample), fmt)
        check_golden(f"report-{sample}.{EXTENSIONS[fmt]}", text)

    def test_page(self) -> None:
        text = render(govdisclosure.sample_report("example-2019"), "html", page=True)
        check_golden("page-example-2019.html", text)


class TestFindings:
    """Cells flagged by findings, in each format."""

    @pytest.mark.parametrize("fmt", list(EXTENSIONS))
    def test_findings(self, fmt: str) -> None:
        report = govdisclosure.sample_report("example-2019")
        text = render(report, fmt, findings=FINDINGS)
        check_golden(f"findings-example-2019.{EXTENSIONS[fmt]}", text)
