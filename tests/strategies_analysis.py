"""Hypothesis strategies for the analysis tests: corpora of consistent reports, blanked cells, sequences of years."""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import strategies as st

from govdisclosure import model as m
from govdisclosure.testing import consistent_report

editions = st.sampled_from(["2019", "2021"])
seeds = st.integers(min_value=0, max_value=10**6)
agency_names = st.sampled_from(["甲街道办事处", "乙镇人民政府", "丙乡人民政府", "丁局", "戊委员会"])


def cell_paths(report: m.Report) -> list[str]:
    """Dotted paths of every cell of a report's tables, in official order."""
    return [f"{t}.{r}.{c}" for t, r, c, _ in report.cells()]


@st.composite
def consistent_reports(draw: st.DrawFn, edition: str | None = None, year: int | None = None) -> m.Report:
    """A report satisfying every arithmetic rule (random seed, agency and year)."""
    chosen = edition if edition is not None else draw(editions)
    when = year if year is not None else draw(st.integers(2019, 2020) if chosen == "2019" else st.integers(2021, 2025))
    return consistent_report(chosen, seed=draw(seeds), year=when, agency=draw(agency_names))


@st.composite
def with_blanks(draw: st.DrawFn, report: m.Report, max_blanks: int = 6) -> m.Report:
    """The report with a few random cells blanked (set to None)."""
    paths = draw(st.lists(st.sampled_from(cell_paths(report)), max_size=max_blanks, unique=True))
    for path in paths:
        report = report.with_cell(path, None)
    return report


@st.composite
def sub_units(draw: st.DrawFn, blanks: bool = True) -> list[m.Report]:
    """Two to five reports of one edition and year, from different sub-units, some cells possibly blank."""
    edition = draw(editions)
    year = 2020 if edition == "2019" else 2023
    count = draw(st.integers(min_value=2, max_value=5))
    units = []
    for i in range(count):
        report = consistent_report(edition, seed=draw(seeds), year=year, agency=f"第{i + 1}街道办事处")
        units.append(draw(with_blanks(report)) if blanks else report)
    return units


def follow(previous: m.Report, report: m.Report) -> m.Report:
    """``report`` adjusted to follow ``previous`` one year later, keeping C1-C4 true.

    二、上年结转 becomes last year's 四、结转下年度 (X1), 一、本年新收 is recomputed so that 一 + 二 = （七） + 四 (C2),
    and for the 2021 edition 现行有效件数 = last year's + 本年制发 - 本年废止 (X2).
    """
    apps = report.applications
    handled = apps.outcomes.total
    carried: dict[str, Any] = {}
    new: dict[str, Any] = {}
    forward: dict[str, Any] = {}
    for col in m.ApplicantRow.PARTS:
        c = getattr(previous.applications.carried_forward, col)
        f = getattr(apps.carried_forward, col)
        n = getattr(handled, col) + f - c
        if n < 0:
            f, n = f - n, 0
        carried[col], new[col], forward[col] = c, n, f
    apps = attrs.evolve(
        apps,
        new_received=m.ApplicantRow.of(**new),
        carried_over=m.ApplicantRow.of(**carried),
        carried_forward=m.ApplicantRow.of(**forward),
    )
    report = attrs.evolve(report, applications=apps)
    active = report.active_disclosure
    if isinstance(active, m.ActiveDisclosure2021) and isinstance(previous.active_disclosure, m.ActiveDisclosure2021):
        changes = {}
        for row in ("regulations", "normative_documents"):
            old, docs = getattr(previous.active_disclosure, row), getattr(active, row)
            repealed = min(docs.repealed, old.in_force + docs.issued)
            changes[row] = attrs.evolve(docs, repealed=repealed, in_force=old.in_force + docs.issued - repealed)
        report = attrs.evolve(report, active_disclosure=attrs.evolve(active, **changes))
    return report


@st.composite
def year_sequences(draw: st.DrawFn, min_years: int = 2, max_years: int = 5) -> list[m.Report]:
    """Reports of one body for consecutive years (2021 edition), each following the one before (X1, X2 hold)."""
    length = draw(st.integers(min_value=min_years, max_value=max_years))
    start = draw(st.integers(min_value=2021, max_value=2030 - length))
    agency = draw(agency_names)
    reports: list[m.Report] = []
    for i in range(length):
        report = consistent_report("2021", seed=draw(seeds), year=start + i, agency=agency)
        reports.append(follow(reports[-1], report) if reports else report)
    return reports
