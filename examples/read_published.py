"""Read a published report (plain text, as copied from a government web page), check it, and save it as JSON.

The published text is written by this script — labels from ``govdisclosure.layout``, figures from the bundled
2019-edition example — with two things real reports do: a blank cell printed as "/" and a total that does not add
up. The script reads it with ``govdisclosure.read``, shows where a cell came from, checks the result, then does
the same from the shell (``govdisclosure read`` / ``govdisclosure check``). Run: ``python examples/read_published.py``;
files go to a temporary directory.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import govdisclosure
from govdisclosure import layout
from govdisclosure.checks import check
from govdisclosure.cli import main as cli
from govdisclosure.importers import read


def published_text(report: govdisclosure.Report) -> str:
    """The report as a body might publish it: headings, narrative, tables as tab-separated rows."""
    lines = [report.title, "", f"本报告由{report.agency}编制。", ""]
    for key, (number, heading) in layout.SECTION_HEADINGS.items():
        lines.append(f"{number}、{heading}")
        if key in layout.TABLE_KEYS:
            for path, node in report.layout(key).rows():
                row = report.get(f"{key}.{path}")
                values = [getattr(row, field.key) for field in node.fields]
                lines.append("\t".join([node.label, *("/" if v is None else str(v) for v in values)]))
        else:
            lines.append(getattr(report, key).full_text or "无。")
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    original = govdisclosure.sample_report("example-2019")
    as_printed = original.with_cell("applications.carried_over.research", None).with_cell(  # printed "/"
        "review_litigation.reconsideration.total",
        12,  # a slip: the parts sum to 13
    )
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "江川市自然资源和规划局-2019.txt"
        source.write_text(published_text(as_printed), encoding="utf-8")

        result = read(source)
        report = result.report
        print(f"read {source.name} as {result.format}: {report.agency}, {report.year}, edition {report.edition}")
        print(f"notes: {len(result.notes)}")
        for note in result.notes[:5]:
            print(f"  {note}")
        cell = "applications.carried_over.research"
        print(f"{report.label(cell)} = {report.get(cell)} (printed {result.provenance[cell].text!r})")
        assert report.get(cell) is None  # a printed "/" is blank, never 0

        findings = check(report)
        print(findings.to_text("en"))
        assert [f.code for f in findings.errors] == ["C4"]

        # the same from the shell
        target = Path(tmp) / "report.json"
        assert cli(["read", str(source), "-o", str(target)]) == 0
        assert govdisclosure.load(target) == report
        status = cli(["check", str(target), "--lang", "en"])
        print(f"govdisclosure check exit status: {status} (1: the report has errors)")
        assert status == 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
