"""Consistency checks that point at the exact cell.

:func:`check` runs the rules on one report and returns a :class:`CheckReport`; :func:`ensure_consistent` raises
one :class:`ConsistencyError` carrying every error. The cross-report functions (:func:`check_continuity`,
:func:`check_in_force`, :func:`check_across`, :func:`check_aggregation`) take several reports.

Finding codes are stable and never reused:

- ``C1`` … ``C4`` (error): the arithmetic of 表三 and 表四 (spec §6).
- ``X1`` … ``X7`` (warning): continuity, in-force stock, narrative against tables, 规章 from a body that cannot
  make them, edition against data year, a 2021 report with the single （六） row, implausibly large counts.
- ``A1`` (warning): a parent report against the sum of its sub-units.
- ``NA`` (info): a rule could not be assessed because cells it needs are blank; ``finding.rule`` names the rule.

:func:`catalogue` lists every rule; :func:`catalogue_markdown` renders the list for the documentation.
"""

from __future__ import annotations

from . import _narrative, _plausibility, _within  # noqa: F401  (registers the rules)
from ._check import check, ensure_consistent
from ._cross import (
    AggregationMismatch,
    ContinuityMismatch,
    InForceMismatch,
    check_across,
    check_aggregation,
    check_continuity,
    check_in_force,
)
from ._findings import (
    C1Mismatch,
    C2Mismatch,
    C3Mismatch,
    C4Mismatch,
    CellRef,
    CheckReport,
    ConsistencyError,
    Finding,
    LikelyFix,
    NotAssessable,
    Severity,
    SumMismatch,
    cell_label,
)
from ._fix import likely_fixes
from ._narrative import NarrativeMismatch, NarrativeNotAssessable, narrative_claims
from ._plausibility import (
    EditionYearMismatch,
    ImplausibleCount,
    RegulationsFromLowerBody,
    SingleOtherHandling,
    infer_level,
)
from ._registry import Rule, RuleSelectionError, catalogue, catalogue_markdown, select_rules

__all__ = [
    "AggregationMismatch",
    "C1Mismatch",
    "C2Mismatch",
    "C3Mismatch",
    "C4Mismatch",
    "CellRef",
    "CheckReport",
    "ConsistencyError",
    "ContinuityMismatch",
    "EditionYearMismatch",
    "Finding",
    "ImplausibleCount",
    "InForceMismatch",
    "LikelyFix",
    "NarrativeMismatch",
    "NarrativeNotAssessable",
    "NotAssessable",
    "RegulationsFromLowerBody",
    "Rule",
    "RuleSelectionError",
    "Severity",
    "SingleOtherHandling",
    "SumMismatch",
    "catalogue",
    "catalogue_markdown",
    "cell_label",
    "check",
    "check_across",
    "check_aggregation",
    "check_continuity",
    "check_in_force",
    "ensure_consistent",
    "infer_level",
    "likely_fixes",
    "narrative_claims",
    "select_rules",
]
