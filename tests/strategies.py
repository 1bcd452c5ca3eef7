"""Hypothesis strategies for reports of both editions: None cells, Decimal amounts, narrative text."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
from hypothesis import strategies as st

from govdisclosure import model as m

counts = st.none() | st.integers(min_value=0, max_value=10**7)
signed = st.none() | st.integers(min_value=-(10**5), max_value=10**5)
amounts = st.none() | st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31))


def rows(cls: type[Any]) -> st.SearchStrategy[Any]:
    """A row class with arbitrary cells of the right kind."""
    kwargs = {}
    for a in attrs.fields(cls):
        if a.validator is m._amount:
            kwargs[a.name] = amounts
        elif a.validator is m._signed:
            kwargs[a.name] = signed
        else:
            kwargs[a.name] = counts
    return st.builds(cls, **kwargs)


def groups(cls: type[Any], **overrides: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A group (or table) class with arbitrary rows."""
    kwargs: dict[str, st.SearchStrategy[Any]] = {}
    for a in attrs.fields(cls):
        if a.name in overrides:
            kwargs[a.name] = overrides[a.name]
        elif issubclass(a.type, m._Row):
            kwargs[a.name] = rows(a.type)
        else:
            kwargs[a.name] = groups(a.type)
    return st.builds(cls, **kwargs)


applicant = rows(m.ApplicantRow)


def applications(edition: str) -> st.SearchStrategy[m.Applications]:
    """表三 of an edition; a 2021 table sometimes printed with the single （六） row, as real reports do."""
    other = applicant if edition == "2019" else (groups(m.OtherHandling) | applicant)
    return groups(m.Applications, outcomes=groups(m.Outcomes, other_handling=other))


narratives = st.builds(
    m.Narrative,
    heading=st.none() | text,
    text=text,
    subsections=st.lists(st.builds(m.Subsection, marker=text, title=text, text=text), max_size=5).map(tuple),
)
contacts = st.none() | st.builds(m.Contact, address=st.none() | text, postcode=st.none() | text, phone=st.none() | text)
periods = st.none() | st.builds(m.Period, start=dates, end=dates)


@st.composite
def reports(draw: st.DrawFn, edition: str | None = None) -> m.Report:
    """A report of either edition (or the one given) with arbitrary figures, blanks included."""
    ed = edition or draw(st.sampled_from(["2019", "2021"]))
    return m.Report(
        edition=ed,
        year=draw(st.integers(2019, 2030)),
        agency=draw(text),
        title=draw(text),
        published=draw(st.none() | dates),
        period=draw(periods),
        contact=draw(contacts),
        source=draw(st.none() | text),
        overview=draw(narratives),
        active_disclosure=draw(groups(m.ACTIVE_DISCLOSURE_CLASSES[ed])),
        applications=draw(applications(ed)),
        review_litigation=draw(groups(m.ReviewLitigation)),
        problems=draw(narratives),
        other_matters=draw(narratives),
    )
