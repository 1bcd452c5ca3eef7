"""Build a report from scratch with the builders, check it, catch a typing mistake, and print table 三.

Run: ``python examples/build_and_check.py``. Nothing is written to disk.
"""

from __future__ import annotations

import sys

import attrs

import govdisclosure
from govdisclosure import ApplicantRow, Applications, ReviewLitigation, ReviewRow
from govdisclosure.checks import check
from govdisclosure.renderers import render


def build() -> govdisclosure.Report:
    """A 2021-edition report of a made-up county office whose figures add up."""
    report = govdisclosure.blank_report("2021", year=2024, agency="青山县人民政府办公室", fill=0)
    row = ApplicantRow.of  # the six applicant columns; 总计 is computed
    outcomes = report.applications.outcomes
    outcomes = attrs.evolve(
        outcomes,
        granted=row(41, 6, 1),
        partially_granted=row(9, 1),
        withheld=attrs.evolve(outcomes.withheld, third_party_rights=row(3), process_information=row(2)),
        unable_to_provide=attrs.evolve(outcomes.unable_to_provide, not_held=row(11, 2)),
        not_processed=attrs.evolve(outcomes.not_processed, repeated=row(4)),
    )
    applications = Applications(
        new_received=row(70, 9, 1),
        carried_over=row(3),
        outcomes=outcomes,
        carried_forward=row(),
    ).totalled(carry_forward=True)  # every 总计, （七）总计 and 四、结转下年度 from the parts
    review = ReviewLitigation(
        reconsideration=ReviewRow.of(upheld=3, corrected=1),
        litigation_direct=ReviewRow.of(upheld=1, pending=1),
        litigation_after_reconsideration=ReviewRow.of(),
    )
    report = attrs.evolve(report, applications=applications, review_litigation=review)
    return report.with_cell("active_disclosure.normative_documents.issued", 4)


def main() -> int:
    report = build()
    result = check(report)
    print(result.to_text("en"))
    assert result.ok

    # a figure copied by hand with a slip: the total of 表四 行政复议
    flawed = report.with_cell("review_litigation.reconsideration.total", 5)
    result = check(flawed)
    print()
    print(result.to_text("en"))
    assert not result.ok
    assert [f.code for f in result.errors] == ["C4"]

    print()
    print(render(report, table="三"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
