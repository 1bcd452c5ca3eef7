"""Checking one report: :func:`check` and :func:`ensure_consistent`."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Report
from ._findings import SEVERITY_RANK, CheckReport, ConsistencyError, Finding, SumMismatch
from ._fix import likely_fixes
from ._registry import select_rules

__all__ = ["check", "ensure_consistent"]


def check(
    report: Report,
    *,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    tags: str | Iterable[str] | None = None,
    min_severity: str | None = None,
    fixes: bool = True,
) -> CheckReport:
    """Run the rules on one report and return what they found.

    ``select`` / ``ignore`` take rule codes (``"C1"``) or tags (``"arithmetic"``); ``ignore="NA"`` drops the
    not-assessable findings. ``tags`` keeps rules with any of the tags; ``min_severity`` (``"warning"``,
    ``"error"``) drops rules and findings below it. With ``fixes`` (the default), single-cell changes that would
    make every failing arithmetic rule pass are proposed in ``CheckReport.fixes``.

    >>> from govdisclosure.samples import sample_report
    >>> result = check(sample_report("example-2019"))
    >>> result.ok, result.counts
    (True, {'error': 0, 'warning': 0, 'info': 0})
    >>> bad = sample_report().with_cell("review_litigation.reconsideration.upheld", 2)
    >>> print(check(bad).to_text("en"))
    塔城地区行署外事办公室 2024: 1 error(s), 0 warning(s), 0 info
    code    severity    message
    ------  ----------  ----------------------------------------------------------------------------------------
    C4      error       表四 行政复议 · 总计: printed 0, 结果维持 + 结果纠正 + 其他结果 + 尚未审结 sum to 2 (-2)
    Likely fix:
      表四 行政复议 · 总计: printed 0, the parts sum to 2
      or one part of 行政复议: 结果维持 2→0
    """
    rules = select_rules(report.edition, select=select, ignore=ignore, tags=tags, min_severity=min_severity)
    out: list[Finding] = []
    for r in rules:
        r.function(report, out)
    if ignore is not None and "NA" in ((ignore,) if isinstance(ignore, str) else ignore):
        out = [f for f in out if f.code != "NA"]
    if min_severity is not None:
        floor = SEVERITY_RANK[min_severity]
        out = [f for f in out if SEVERITY_RANK[f.severity] >= floor]
    found = tuple(out)
    proposed = likely_fixes(report, found) if fixes and any(isinstance(f, SumMismatch) for f in found) else ()
    return CheckReport(findings=found, fixes=proposed, subject=f"{report.agency} {report.year}")


def ensure_consistent(
    report: Report,
    *,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    tags: str | Iterable[str] | None = None,
    min_severity: str | None = None,
) -> CheckReport:
    """Check a report and raise :class:`ConsistencyError` carrying every error finding if there is any.

    Returns the :class:`CheckReport` (warnings and infos included) when there is no error. The options are
    those of :func:`check`.

    >>> from govdisclosure.samples import sample_report
    >>> ensure_consistent(sample_report()).ok
    True
    """
    result = check(report, select=select, ignore=ignore, tags=tags, min_severity=min_severity)
    if not result.ok:
        raise ConsistencyError(result)
    return result
