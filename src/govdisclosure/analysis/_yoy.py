"""Year over year: the same body's reports of consecutive years, compared cell by cell and section by section.

For each body (matched by :func:`normalise_agency`) and each pair of consecutive data years N, N+1:

- every cell the two reports share, with its change (:class:`CellChange`);
- **X1 continuity**: in every column of 表三, 二、上年结转 of N+1 equals 四、结转下年度继续办理 of N;
- **X2 in-force stock** (2021 edition both years): 现行有效件数(N+1) = 现行有效件数(N) + 本年制发件数(N+1) -
  本年废止件数(N+1), for 规章 and 行政规范性文件;
- **narrative similarity** of sections 一, 五 and 六 (:func:`narrative_similarity`); a section whose text is
  nearly the same as last year's is flagged as copied.

Rules are skipped, not failed, where an operand is blank.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from ..model import ApplicantRow, Report
from ._frame import cell_label

if TYPE_CHECKING:
    from ..checks import CheckReport

__all__ = [
    "NARRATIVE_SECTIONS",
    "CellChange",
    "SectionSimilarity",
    "YearComparison",
    "YearFinding",
    "YearPair",
    "compare_years",
    "narrative_similarity",
    "normalise_agency",
]

NARRATIVE_SECTIONS: Final = ("overview", "problems", "other_matters")
"""The narrative sections compared between years: 一 总体情况, 五 存在的主要问题及改进情况, 六 其他需要报告的事项."""

FindingCode = Literal["X1", "X2", "copied"]
_SPACE = re.compile(r"\s+")


def normalise_agency(name: str) -> str:
    """The key that identifies a body across years: NFKC form, no white space, case-folded.

    >>> normalise_agency("平潭综合实验区 管委会") == normalise_agency("平潭综合实验区管委会")
    True
    >>> normalise_agency("（某某县）人民政府") == normalise_agency("(某某县)人民政府")
    True
    """
    return _SPACE.sub("", unicodedata.normalize("NFKC", name)).casefold()


def _skeleton(text: str) -> str:
    """Letters only: NFKC, without white space, digits, punctuation and symbols."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if unicodedata.category(ch)[0] in "LM")


def narrative_similarity(before: str, after: str) -> float | None:
    """Similarity of two texts in [0, 1]: the Jaccard index of their sets of character bigrams.

    Both texts are reduced to their letters first (NFKC; white space, digits, punctuation and symbols removed),
    so a copy with only the figures updated still scores 1.0. None when both texts are empty.

    >>> narrative_similarity("全年新收申请12件。", "全年新收申请15件！")
    1.0
    >>> narrative_similarity("行政许可", "规章制度")
    0.0
    >>> round(narrative_similarity("本机关全年主动公开信息", "本机关全年依申请公开信息"), 2)
    0.5
    """
    a, b = _skeleton(before), _skeleton(after)
    if not a and not b:
        return None
    grams_a = {a[i : i + 2] for i in range(max(len(a) - 1, 1))}
    grams_b = {b[i : i + 2] for i in range(max(len(b) - 1, 1))}
    union = grams_a | grams_b
    return len(grams_a & grams_b) / len(union)


@attrs.frozen(kw_only=True)
class CellChange:
    """One cell both years' reports have: the value before (year N) and after (year N+1)."""

    path: str
    label: str
    before: int | Decimal | None
    after: int | Decimal | None

    @property
    def delta(self) -> int | Decimal | None:
        """after - before, or None when either is blank."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def changed(self) -> bool:
        """True when the two values differ (a cell going blank counts as a change)."""
        return self.before != self.after


@attrs.frozen(kw_only=True)
class YearFinding:
    """A year-over-year finding: continuity (X1), in-force stock (X2) or a copied narrative section."""

    code: FindingCode
    agency: str
    year: int
    """The later year of the pair (N+1)."""
    path: str
    """The cell (``applications.carried_over.total``) or section (``overview``) of the later report."""
    expected: Any
    actual: Any

    @property
    def message(self) -> str:
        """One line saying what disagrees, with the figures."""
        if self.code == "X1":
            return (
                f"{self.agency} {self.year}: {self.path} is {self.actual}, but the {self.year - 1} report carried "
                f"forward {self.expected} (四、结转下年度继续办理)"
            )
        if self.code == "X2":
            return (
                f"{self.agency} {self.year}: {self.path} is {self.actual}, but last year's stock plus issued minus "
                f"repealed gives {self.expected}"
            )
        return (
            f"{self.agency} {self.year}: section {self.path} is {self.actual:.0%} similar to the {self.year - 1} "
            f"text (threshold {self.expected:.0%}); it may be copied"
        )

    def __str__(self) -> str:
        return f"{self.code} {self.message}"


@attrs.frozen(kw_only=True)
class SectionSimilarity:
    """How similar one narrative section is between the two years."""

    section: str
    similarity: float | None
    copied: bool


@attrs.frozen(kw_only=True)
class YearPair:
    """Two reports of one body for consecutive data years, compared."""

    agency: str
    before: Report
    after: Report
    changes: tuple[CellChange, ...]
    """Every cell both reports have, in official order (use :attr:`CellChange.changed` to filter)."""
    similarities: tuple[SectionSimilarity, ...]
    findings: tuple[YearFinding, ...]


@attrs.frozen(kw_only=True)
class YearComparison:
    """The result of :func:`compare_years`."""

    pairs: tuple[YearPair, ...]
    duplicates: tuple[tuple[str, int], ...] = ()
    """(agency, year) of reports left out because the same body and year came earlier in the input."""

    @property
    def findings(self) -> tuple[YearFinding, ...]:
        """Every finding of every pair, in pair order."""
        return tuple(f for pair in self.pairs for f in pair.findings)

    def check_report(self) -> CheckReport:
        """The cross-report rules of :mod:`govdisclosure.checks` (X1, X2, with not-assessable findings) on the pairs.

        The rules pair reports by their exact agency name; here each pair is the one this comparison matched (a
        year N report is checked under the name its year N+1 report prints).
        """
        from ..checks import CheckReport, Finding, check_across

        found: list[Finding] = []
        for pair in self.pairs:
            before = pair.before
            if before.agency != pair.after.agency:
                before = attrs.evolve(before, agency=pair.after.agency)
            found.extend(check_across([before, pair.after]).findings)
        return CheckReport(findings=tuple(found), subject=f"{len(self.pairs)} pairs of consecutive years")

    def changes_frame(self) -> Any:
        """Every cell change as a pandas DataFrame: agency, year (N+1), path, label, before, after, delta.

        ``before``/``after``/``delta`` are ``Int64`` for counts; amount cells are left out (see
        :attr:`YearPair.changes` for them). Needs the optional ``pandas`` extra.
        """
        from ._frame import _pandas

        pd = _pandas()
        rows: dict[str, list[Any]] = {k: [] for k in ("agency", "year", "path", "label", "before", "after", "delta")}
        for pair in self.pairs:
            for change in pair.changes:
                if isinstance(change.before, Decimal) or isinstance(change.after, Decimal):
                    continue
                rows["agency"].append(pair.agency)
                rows["year"].append(pair.after.year)
                rows["path"].append(change.path)
                rows["label"].append(change.label)
                rows["before"].append(change.before)
                rows["after"].append(change.after)
                rows["delta"].append(change.delta)
        return pd.DataFrame(
            {
                "agency": pd.array(rows["agency"], dtype="string"),
                "year": pd.array(rows["year"], dtype="Int64"),
                "path": pd.Categorical(rows["path"]),
                "label": pd.Categorical(rows["label"]),
                **{k: pd.array(rows[k], dtype="Int64") for k in ("before", "after", "delta")},
            }
        )


def _changes(before: Report, after: Report) -> tuple[CellChange, ...]:
    old = {(t, r, c): v for t, r, c, v in before.cells()}
    out = []
    for table, row, column, value in after.cells():
        key = (table, row, column)
        if key in old:
            out.append(
                CellChange(
                    path=f"{table}.{row}.{column}",
                    label=cell_label(after.edition, table, row, column),
                    before=old[key],
                    after=value,
                )
            )
    return tuple(out)


def _continuity(before: Report, after: Report, agency: str) -> Iterator[YearFinding]:
    forward, carried = before.applications.carried_forward, after.applications.carried_over
    for column in ApplicantRow.FIELDS:
        expected, actual = getattr(forward, column), getattr(carried, column)
        if expected is not None and actual is not None and expected != actual:
            path = f"applications.carried_over.{column}"
            yield YearFinding(code="X1", agency=agency, year=after.year, path=path, expected=expected, actual=actual)


def _in_force(before: Report, after: Report, agency: str) -> Iterator[YearFinding]:
    if before.edition != "2021" or after.edition != "2021":
        return
    for row in ("regulations", "normative_documents"):
        old, new = before.get(f"active_disclosure.{row}"), after.get(f"active_disclosure.{row}")
        operands = (old.in_force, new.issued, new.repealed, new.in_force)
        if any(v is None for v in operands):
            continue
        expected = old.in_force + new.issued - new.repealed
        if expected != new.in_force:
            path = f"active_disclosure.{row}.in_force"
            yield YearFinding(
                code="X2", agency=agency, year=after.year, path=path, expected=expected, actual=new.in_force
            )


def _similarities(
    before: Report, after: Report, agency: str, threshold: float, min_chars: int
) -> tuple[tuple[SectionSimilarity, ...], list[YearFinding]]:
    sims: list[SectionSimilarity] = []
    findings: list[YearFinding] = []
    for section in NARRATIVE_SECTIONS:
        old, new = getattr(before, section).full_text, getattr(after, section).full_text
        value = narrative_similarity(old, new)
        long_enough = min(len(_skeleton(old)), len(_skeleton(new))) >= min_chars
        copied = value is not None and long_enough and value >= threshold
        sims.append(SectionSimilarity(section=section, similarity=value, copied=copied))
        if copied:
            findings.append(
                YearFinding(
                    code="copied", agency=agency, year=after.year, path=section, expected=threshold, actual=value
                )
            )
    return tuple(sims), findings


def compare_years(
    reports: Iterable[Report],
    *,
    threshold: float = 0.9,
    min_chars: int = 50,
    key: Callable[[str], str] = normalise_agency,
) -> YearComparison:
    """Compare each body's reports of consecutive data years (input in any order).

    Bodies are matched by ``key(report.agency)``; for the same body and year only the first report is used (the
    rest are listed in :attr:`YearComparison.duplicates`). A narrative section is flagged as copied when its
    :func:`narrative_similarity` to last year's is at least ``threshold`` and both texts have at least
    ``min_chars`` letters (so a one-line "无。" every year is not flagged).

    >>> import attrs
    >>> from govdisclosure.analysis import compare_years
    >>> from govdisclosure.testing import consistent_report
    >>> first = consistent_report(seed=1, year=2022)
    >>> second = consistent_report(seed=2, year=2023)
    >>> result = compare_years([second, first])
    >>> [(p.before.year, p.after.year) for p in result.pairs]
    [(2022, 2023)]
    >>> [f.path for f in result.findings if f.code == "X1"][:2]
    ['applications.carried_over.natural_person', 'applications.carried_over.commercial']
    """
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be between 0 and 1, got {threshold}")
    bodies: dict[str, dict[int, Report]] = {}
    duplicates: list[tuple[str, int]] = []
    for report in reports:
        years = bodies.setdefault(key(report.agency), {})
        if report.year in years:
            duplicates.append((report.agency, report.year))
        else:
            years[report.year] = report
    pairs: list[YearPair] = []
    for years in bodies.values():
        for year in sorted(years):
            after = years[year]
            before = years.get(year - 1)
            if before is None:
                continue
            agency = after.agency
            sims, copied = _similarities(before, after, agency, threshold, min_chars)
            findings = [*_continuity(before, after, agency), *_in_force(before, after, agency), *copied]
            pairs.append(
                YearPair(
                    agency=agency,
                    before=before,
                    after=after,
                    changes=_changes(before, after),
                    similarities=sims,
                    findings=tuple(findings),
                )
            )
    return YearComparison(pairs=tuple(pairs), duplicates=tuple(duplicates))
