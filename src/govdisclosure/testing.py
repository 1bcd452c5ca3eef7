"""Helpers for tests — yours and ours: reports whose figures add up, built from a seed.

>>> from govdisclosure.testing import consistent_report
>>> report = consistent_report("2021", seed=7)
>>> a = report.applications
>>> a.new_received.total + a.carried_over.total == a.outcomes.total.total + a.carried_forward.total
True
"""

from __future__ import annotations

import random
from decimal import Decimal

import attrs

from . import model as m
from .samples import sample_report

__all__ = ["consistent_report", "random_applications", "random_review_litigation", "sample_report"]


def _row(rng: random.Random, scale: int) -> m.ApplicantRow:
    natural = rng.randint(0, scale)
    others = [rng.randint(0, max(1, scale // 8)) if rng.random() < 0.4 else 0 for _ in range(5)]
    return m.ApplicantRow.of(natural, *others)


def random_applications(rng: random.Random, edition: str = "2021", *, scale: int = 20) -> m.Applications:
    """A 表三 whose figures satisfy C1, C2 and C3 (every column), with the （六） row(s) of ``edition``."""
    table = m.Applications.filled(0, edition=edition)
    outcomes = table.outcomes
    changes: dict[str, object] = {}
    for name, group in outcomes:
        if name == "total":
            continue
        if isinstance(group, m.ApplicantRow):
            changes[name] = _row(rng, scale)
        else:
            changes[name] = attrs.evolve(group, **{k: _row(rng, scale // 4 + 1) for k, _ in group})
    outcomes = attrs.evolve(outcomes, **changes)  # type: ignore[arg-type]
    # split what was handled into new and carried-over applications, then carry some forward
    handled = m.Applications(outcomes=outcomes).totalled().outcomes.total
    new, old, forward = {}, {}, {}
    for col in m.ApplicantRow.PARTS:
        done = getattr(handled, col)
        carried = rng.randint(0, min(done, 3))
        left = rng.randint(0, 3) if rng.random() < 0.3 else 0
        old[col], new[col], forward[col] = carried, done - carried + left, left
    return m.Applications(
        new_received=m.ApplicantRow.of(**new),
        carried_over=m.ApplicantRow.of(**old),
        outcomes=outcomes,
        carried_forward=m.ApplicantRow.of(**forward),
    ).totalled()


def random_review_litigation(rng: random.Random, *, scale: int = 5) -> m.ReviewLitigation:
    """A 表四 whose three blocks add up (C4)."""

    def block() -> m.ReviewRow:
        return m.ReviewRow.of(*(rng.randint(0, scale) for _ in range(4)))

    return m.ReviewLitigation(
        reconsideration=block(), litigation_direct=block(), litigation_after_reconsideration=block()
    )


def consistent_report(
    edition: str = "2021",
    *,
    seed: int = 0,
    year: int | None = None,
    agency: str = "某某市人民政府办公室",
    scale: int = 20,
) -> m.Report:
    """A report of ``edition`` with random figures (from ``seed``) that satisfy every rule of spec §6.

    ``year`` defaults to a data year matching the edition (2020 for 2019, 2023 for 2021).
    """
    rng = random.Random(seed)
    if year is None:
        year = 2020 if edition == "2019" else 2023
    report = m.blank_report(edition, year=year, agency=agency, fill=0)
    active = report.active_disclosure
    if isinstance(active, m.ActiveDisclosure2021):
        docs = m.DocumentCounts2021(issued=rng.randint(0, 9), repealed=rng.randint(0, 3), in_force=rng.randint(9, 60))
        active = attrs.evolve(
            active,
            normative_documents=docs,
            licensing=m.Decisions(decisions=rng.randint(0, 500)),
            penalties=m.Decisions(decisions=rng.randint(0, 80)),
            fees=m.FeeAmount(amount=Decimal(rng.randint(0, 99999)) / 100),
        )
    else:
        active = attrs.evolve(
            active,
            normative_documents=m.DocumentCounts2019(made=3, published=3, total_published=rng.randint(3, 40)),
            licensing=m.ItemCounts(
                previous_items=rng.randint(0, 40), change=rng.randint(-3, 3), decisions=rng.randint(0, 900)
            ),
            procurement=m.Procurement(projects=rng.randint(0, 9), amount=Decimal(rng.randint(0, 99999)) / 100),
        )
    return attrs.evolve(
        report,
        active_disclosure=active,
        applications=random_applications(rng, edition, scale=scale),
        review_litigation=random_review_litigation(rng),
    )
