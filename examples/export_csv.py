"""Export the tables of many reports to one CSV file in long format (one row per cell).

Generates a few consistent reports (standing in for a folder of reports), writes them as JSON files into a temporary
directory, exports them with the command line (``govdisclosure export``) and with the library (``to_records``), and
shows that both agree. Run from anywhere: ``python examples/export_csv.py``; nothing is written into the project.
"""

from __future__ import annotations

import csv
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import govdisclosure
from govdisclosure.cli import main as cli
from govdisclosure.testing import consistent_report


def cell_text(value: object) -> str:
    """A cell as CSV text: blanks empty, amounts as plain decimals."""
    if value is None:
        return ""
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        reports = [
            consistent_report("2021", seed=seed, year=2021 + seed % 3, agency=f"第{seed // 3 + 1}区人民政府办公室")
            for seed in range(9)
        ]
        reports.append(govdisclosure.sample_report("example-2019"))
        paths = []
        for i, report in enumerate(reports):
            path = folder / f"report-{i:02}.json"
            govdisclosure.dump(report, path)
            paths.append(str(path))

        # 1. from the shell: govdisclosure export reports/*.json -o cells.csv
        target = folder / "cells.csv"
        status = cli(["export", *paths, "-o", str(target)])
        if status != 0:
            return status
        with target.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))

        # 2. in Python: the same records
        records = [r for report in reports for r in govdisclosure.to_records(report)]
        assert len(rows) == len(records)
        assert all(row["value"] == cell_text(rec["value"]) for row, rec in zip(rows, records, strict=True))

        received = [r for r in rows if r["row"] == "new_received" and r["column"] == "total"]
        print(f"{len(reports)} reports, {len(rows)} cells exported to {target.name}")
        print("本年新收申请 (总计) per report:")
        for row in received:
            print(f"  {row['agency']} {row['year']}: {row['value']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
