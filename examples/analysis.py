"""Analyse many reports: a folder read lazily, a tidy DataFrame, indicators, sub-units summed, years compared.

The reports are generated (figures that add up) and written into a temporary directory, standing in for a folder
of reports a supervising office collects. Run: ``python examples/analysis.py`` (needs pandas: the ``pandas`` extra).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import govdisclosure
from govdisclosure import analysis
from govdisclosure.testing import consistent_report

DISTRICTS = ("东城街道办事处", "西城街道办事处", "南湖街道办事处")


def main() -> int:
    reports = [
        consistent_report("2021", seed=10 * i + year, year=year, agency=name)
        for i, name in enumerate(DISTRICTS)
        for year in (2022, 2023)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, report in enumerate(reports):
            govdisclosure.dump(report, folder / f"{i:02}.json")
        (folder / "unreadable.json").write_text("{", encoding="utf-8")

        corpus = analysis.ReportCollection.from_folder(folder)
        frame = analysis.to_dataframe(corpus)
        print(f"{len(frame)} cells from {frame['agency'].nunique()} bodies; unreadable: ", end="")
        print(", ".join(Path(f.source).name for f in corpus.failures) or "none")

    # 本年新收 by body and year, straight from the long format
    new = frame[(frame["row"] == "new_received") & (frame["column"] == "total")]
    print(new.pivot_table(index="agency", columns="year", values="value", aggfunc="sum", observed=True).to_string())

    # indicators: share granted, share carried forward
    shares = analysis.indicator_frame(reports)[["agency", "year", "granted_share", "carried_forward_share"]]
    print(shares.round(3).to_string(index=False))

    # the district as the sum of its sub-units for 2023
    district = analysis.aggregate([r for r in reports if r.year == 2023], agency="某某区人民政府")
    total = district.report.get("applications.new_received.total")
    print(f"某某区人民政府 2023, 本年新收 总计 (sum of {len(DISTRICTS)} sub-units): {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
