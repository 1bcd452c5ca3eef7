"""Shared helpers of the render tests: random span grids, stand-in findings, fixed reports of both editions."""

from __future__ import annotations

from decimal import Decimal

import attrs
from hypothesis import strategies as st

import govdisclosure
from govdisclosure import model as m
from govdisclosure.renderers import Cell, Grid

_TEXTS = st.text(
    alphabet=st.sampled_from("0123456789abc 、（）“”—…三本年度办理结果申请人情况é\u0301"),
    max_size=40,
)


@st.composite
def grids(draw: st.DrawFn) -> Grid:
    """A random grid whose cells cover the rectangle exactly once, with random spans, texts and wraps."""
    rows = draw(st.integers(1, 6))
    cols = draw(st.integers(1, 6))
    taken = [[False] * cols for _ in range(rows)]
    cells = []
    for r in range(rows):
        for c in range(cols):
            if taken[r][c]:
                continue
            max_cs = 1
            while c + max_cs < cols and not taken[r][c + max_cs]:
                max_cs += 1
            cs = draw(st.integers(1, max_cs))
            rs = draw(st.integers(1, rows - r))
            for rr in range(r, r + rs):
                for cc in range(c, c + cs):
                    taken[rr][cc] = True
            cells.append(
                Cell(
                    row=r,
                    col=c,
                    rowspan=rs,
                    colspan=cs,
                    text=draw(_TEXTS),
                    align=draw(st.sampled_from(["left", "right", "center"])),
                    wrap=draw(st.none() | st.integers(2, 12)),
                )
            )
    return Grid(rows=rows, cols=cols, cells=tuple(cells))


@attrs.frozen
class StubCell:
    """A stand-in for a checks cell reference."""

    table: str
    row: str
    column: str | None = None


@attrs.frozen
class StubFinding:
    """A stand-in for a finding of govdisclosure.check (the duck-typed contract of the renderers)."""

    code: str
    severity: str
    cells: tuple[StubCell, ...]
    message_zh: str
    message_en: str


@attrs.frozen
class StubReport:
    """A stand-in for a check report: an object with a ``findings`` attribute."""

    findings: tuple[StubFinding, ...]


FINDINGS = (
    StubFinding(
        code="C1",
        severity="error",
        cells=(StubCell("applications", "outcomes.total", "natural_person"),),
        message_zh="（七）总计·自然人 应为 409，实为 410",
        message_en="(7) total, natural person: expected 409, found 410",
    ),
    StubFinding(
        code="C3",
        severity="warning",
        cells=(StubCell("applications", "outcomes.withheld.state_secret"),),
        message_zh="1.属于国家秘密：总计与各列之和不符",
        message_en="1. state secret: total differs from the sum of the columns",
    ),
    StubFinding(
        code="C4",
        severity="info",
        cells=(
            StubCell("review_litigation", "reconsideration", "total"),
            StubCell("review_litigation", "litigation_direct"),
        ),
        message_zh="行政复议 <总计> & 直接起诉",
        message_en="review <total> & direct",
    ),
)


def report_2021() -> m.Report:
    """A fixed 2021-edition report with non-zero figures, a blank cell and an amount with a trailing zero.

    Figures are taken from the bundled 2019 example; the single （六） row becomes the first of the three 2021 rows.
    """
    old = govdisclosure.sample_report("example-2019")
    seed = govdisclosure.sample_report("tacheng-2024")
    outcomes = old.applications.outcomes
    assert isinstance(outcomes.other_handling, m.ApplicantRow)
    other = m.OtherHandling(
        no_correction=outcomes.other_handling,
        unpaid_fee=m.ApplicantRow.filled(0),
        other=m.ApplicantRow.filled(0),
    )
    applications = attrs.evolve(
        old.applications,
        outcomes=attrs.evolve(outcomes, other_handling=other),
        carried_forward=old.applications.carried_forward.replace(research=None),
    )
    active = m.ActiveDisclosure2021(
        regulations=m.DocumentCounts2021(issued=0, repealed=0, in_force=0),
        normative_documents=m.DocumentCounts2021(issued=7, repealed=2, in_force=53),
        licensing=m.Decisions(decisions=2874),
        penalties=m.Decisions(decisions=163),
        coercive_measures=m.Decisions(decisions=None),
        fees=m.FeeAmount(amount=Decimal("12.50")),
    )
    return attrs.evolve(
        seed,
        title="某某市人民政府办公室2023年政府信息公开工作年度报告",
        agency="某某市人民政府办公室",
        year=2023,
        active_disclosure=active,
        applications=applications,
        review_litigation=old.review_litigation,
    )


def report_2021_single() -> m.Report:
    """The 2021 report above, printed with the 2019-style single （六）其他处理 row."""
    report = report_2021()
    outcomes = report.applications.outcomes
    single = govdisclosure.sample_report("example-2019").applications.outcomes.other_handling
    return attrs.evolve(
        report, applications=attrs.evolve(report.applications, outcomes=attrs.evolve(outcomes, other_handling=single))
    )
