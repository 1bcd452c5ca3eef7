"""The rule registry: every rule registered once, by decorator, with its metadata and official basis."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable
from typing import Final, Literal, TypeVar

import attrs

from ..errors import RuleSelectionError
from ..model import Report
from ._findings import SEVERITY_RANK, Finding, Severity

__all__ = ["Rule", "RuleSelectionError", "catalogue", "catalogue_markdown", "rule", "select_rules"]

Scope = Literal["report", "across"]
RuleFunction = Callable[[Report, list[Finding]], None]

_EDITIONS: Final = ("2019", "2021")
_F = TypeVar("_F", bound=Callable[..., object])


@attrs.frozen(slots=True, kw_only=True)
class Rule:
    """Metadata of a rule: stable code, title, severity, tags, editions, scope and the official basis."""

    code: str
    """Stable code, never reused: ``C1`` … ``C4`` (hard rules), ``X1`` … (plausibility), ``A1`` (aggregation)."""
    title: str
    title_zh: str
    severity: Severity
    tags: tuple[str, ...]
    editions: tuple[str, ...]
    scope: Scope
    """``report``: run by :func:`~govdisclosure.checks.check` on one report; ``across``: several reports."""
    basis: str
    """The rule's docstring: the official wording or the reason for the rule."""
    emits: tuple[type[Finding], ...]
    function: Callable[..., object] = attrs.field(eq=False, repr=False)


_RULES: dict[str, Rule] = {}


def rule(
    code: str,
    *,
    title: str,
    title_zh: str,
    severity: Severity,
    tags: Iterable[str],
    emits: Iterable[type[Finding]],
    editions: Iterable[str] = _EDITIONS,
    scope: Scope = "report",
) -> Callable[[_F], _F]:
    """Register a rule function under a stable code (each code once)."""

    def register(function: _F) -> _F:
        if code in _RULES:
            raise ValueError(f"rule code {code!r} is registered twice")
        _RULES[code] = Rule(
            code=code,
            title=title,
            title_zh=title_zh,
            severity=severity,
            tags=tuple(tags),
            editions=tuple(editions),
            scope=scope,
            basis=inspect.cleandoc(function.__doc__ or ""),
            emits=tuple(emits),
            function=function,
        )
        _select.cache_clear()
        return function

    return register


def catalogue() -> tuple[Rule, ...]:
    """Every registered rule, in code order (C…, X…, A…).

    >>> [r.code for r in catalogue()][:4]
    ['C1', 'C2', 'C3', 'C4']
    """
    order = {"C": 0, "X": 1, "A": 2}
    return tuple(sorted(_RULES.values(), key=lambda r: (order.get(r.code[0], 9), r.code[0], int(r.code[1:]))))


def _join_lines(text: str) -> str:
    """Unwrap a docstring: lines are joined with a space, except between two CJK characters."""
    out = ""
    for line in text.split():
        if out and not (ord(out[-1]) > 0x2E80 and ord(line[0]) > 0x2E80):
            out += " "
        out += line
    return out


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def catalogue_markdown() -> str:
    """The rule catalogue as a MyST Markdown table (for the documentation; generated, never hand-written).

    >>> print(catalogue_markdown().splitlines()[0])
    | Code | Severity | Title | 名称 | Editions | Scope | Tags | Basis |
    """
    lines = [
        "| Code | Severity | Title | 名称 | Editions | Scope | Tags | Basis |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in catalogue():
        basis = _join_lines(r.basis)
        lines.append(
            f"| `{r.code}` | {r.severity} | {_cell(r.title)} | {_cell(r.title_zh)} | {', '.join(r.editions)} "
            f"| {r.scope} | {', '.join(r.tags)} | {_cell(basis)} |"
        )
    lines.append(
        "| `NA` | info | Rule not assessable: blank cells | 无法核对 | 2019, 2021 | report, across | not-assessable "
        "| Emitted by any arithmetic rule whose operands include blank cells; names the rule in `rule`. |"
    )
    return "\n".join(lines) + "\n"


def _norm(value: str | Iterable[str] | None) -> frozenset[str] | None:
    if value is None:
        return None
    return frozenset((value,) if isinstance(value, str) else value)


@functools.lru_cache(maxsize=256)
def _select(
    edition: str,
    scope: str,
    select: frozenset[str] | None,
    ignore: frozenset[str] | None,
    tags: frozenset[str] | None,
    min_severity: str | None,
) -> tuple[Rule, ...]:
    unknown: set[str] = set()
    known = set(_RULES) | {t for r in _RULES.values() for t in r.tags} | {"NA"}
    for group in (select, ignore, tags):
        if group:
            unknown |= group - known
    if unknown:
        raise RuleSelectionError(
            f"unknown rule code or tag {', '.join(sorted(unknown))}: "
            "the codes and tags are listed by govdisclosure.checks.catalogue()"
        )
    floor = SEVERITY_RANK[min_severity] if min_severity is not None else 0
    chosen = []
    for r in catalogue():
        if r.scope != scope or edition not in r.editions:
            continue
        names = {r.code, *r.tags}
        if select is not None and not names & select:
            continue
        if ignore is not None and names & ignore:
            continue
        if tags is not None and not set(r.tags) & tags:
            continue
        if SEVERITY_RANK[r.severity] < floor:
            continue
        chosen.append(r)
    return tuple(chosen)


def select_rules(
    edition: str,
    *,
    scope: Scope = "report",
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    tags: str | Iterable[str] | None = None,
    min_severity: str | None = None,
) -> tuple[Rule, ...]:
    """The rules that apply to a report of ``edition`` under a selection (cached).

    ``select`` and ``ignore`` take rule codes or tags; ``tags`` keeps rules with any of the tags; ``min_severity``
    drops rules whose severity is lower.

    >>> [r.code for r in select_rules("2021", select=["arithmetic"], ignore="C2")]
    ['C1', 'C3', 'C4']
    """
    if min_severity is not None and min_severity not in SEVERITY_RANK:
        raise RuleSelectionError(f"unknown severity {min_severity!r}: expected one of info, warning, error")
    return _select(edition, scope, _norm(select), _norm(ignore), _norm(tags), min_severity)
