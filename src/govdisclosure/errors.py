"""Exceptions raised by govdisclosure. Every one derives from :class:`GovDisclosureError`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from .checks import CheckReport, Finding

__all__ = [
    "AggregationError",
    "ConsistencyError",
    "DeserializationError",
    "GovDisclosureError",
    "GridError",
    "MissingDependencyError",
    "ModelError",
    "Problem",
    "ReadError",
    "RenderError",
    "RuleSelectionError",
]


class GovDisclosureError(Exception):
    """Base class of every error the library raises on purpose."""


class ModelError(GovDisclosureError, ValueError):
    """A report object cannot be built: wrong type, negative count, unknown edition, a row of the wrong edition.

    Only hard facts are enforced at construction; sums that do not add up are findings of
    :func:`govdisclosure.check`, never this error.
    """


@attrs.frozen
class Problem:
    """One problem found in an input document, with its JSON path (``$.applications.total.natural_person``)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class DeserializationError(GovDisclosureError, ValueError):
    """A JSON document (or long-format records) does not describe a valid report.

    ``problems`` lists every problem found, each with its JSON path; no partial object is ever returned.
    """

    def __init__(self, problems: list[Problem] | tuple[Problem, ...], what: str = "report") -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        head = f"invalid {what}: {count} problem{'s' if count != 1 else ''}"
        super().__init__(head + "".join(f"\n  {p}" for p in self.problems))


class MissingDependencyError(GovDisclosureError, ImportError):
    """An optional dependency needed for this feature is not installed."""

    def __init__(self, package: str, extra: str, feature: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f"{feature} needs the optional package {package!r}: install it with pip install 'govdisclosure[{extra}]'"
        )


class ReadError(GovDisclosureError, ValueError):
    """A source cannot be read as a report at all: empty, not a report, a pre-2019 outline, no text layer.

    The message says what was found and, where possible, what to do. Imports that succeed with repairs do not
    raise: they carry notes instead.
    """


class RuleSelectionError(GovDisclosureError, ValueError):
    """A rule selection names a code, tag or severity that does not exist."""


class ConsistencyError(GovDisclosureError, ValueError):
    """A report has consistency errors; ``findings`` holds every error finding, ``report`` the whole check."""

    def __init__(self, report: CheckReport) -> None:
        self.report = report
        self.findings: tuple[Finding, ...] = report.errors
        count = len(self.findings)
        where = f"{report.subject}: " if report.subject else ""
        detail = "; ".join(f"{f.code} {f.message_en}" for f in self.findings)
        super().__init__(f"{where}{count} consistency error{'s' if count != 1 else ''}: {detail}")


class AggregationError(GovDisclosureError, ValueError):
    """Reports that cannot be summed into one: none given, different editions or different years."""


class RenderError(GovDisclosureError, ValueError):
    """A report or table cannot be rendered as asked: unknown table, format or option."""


class GridError(GovDisclosureError, ValueError):
    """A grid whose cells overlap, leave holes or reach outside the rectangle."""
