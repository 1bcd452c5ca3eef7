"""What an import returns: the report, notes on every repair, and where every cell came from."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

import attrs

from ..model import Report
from ._source import Where

__all__ = ["CellOrigin", "ImportResult", "Note", "Severity"]

Severity = Literal["error", "warning", "info"]


@attrs.frozen
class Note:
    """Something the importer noticed or repaired, with a stable ``code`` and where in the source it happened.

    ``error``: figures could not be read and were left blank; ``warning``: a repair or an inference that a reader
    should know about; ``info``: a harmless variant (a label printed differently, a blank marker such as "-").
    """

    code: str
    message: str
    severity: Severity = "warning"
    where: Where = Where()
    path: str | None = None
    """Canonical path of the cell or row concerned, when there is one."""

    def __str__(self) -> str:
        return f"{self.severity}: {self.message} [{self.code}] ({self.where})"


@attrs.frozen
class CellOrigin:
    """Where one cell's value came from: the text as printed, its position, and whether it was inferred."""

    text: str
    """The printed text the value was read from (a whole run of digits when it was split)."""
    where: Where = Where()
    inferred: bool = False
    """True when the value was not printed on its own: cut from a run of digits, or paired across lines."""


def _freeze(value: Mapping[str, CellOrigin]) -> Mapping[str, CellOrigin]:
    return MappingProxyType(dict(value))


@attrs.frozen
class ImportResult:
    """A report read from a published document, with notes and provenance.

    ``provenance`` maps each cell path that received a value, a printed blank or printed text that is not a
    number (``applications.outcomes.total.natural_person``) to its :class:`CellOrigin`; cells absent from it were not
    found in the source and are blank in the report.
    """

    report: Report
    notes: tuple[Note, ...] = ()
    provenance: Mapping[str, CellOrigin] = attrs.field(factory=dict, converter=_freeze)
    format: str = "text"
    """The source format that was read: ``text``, ``markdown``, ``html``, ``pdf`` or ``docx``."""

    def notes_with(self, code: str) -> tuple[Note, ...]:
        """The notes with one code."""
        return tuple(n for n in self.notes if n.code == code)

    @property
    def inferred(self) -> tuple[str, ...]:
        """Paths of the cells whose values were inferred rather than printed on their own."""
        return tuple(path for path, origin in self.provenance.items() if origin.inferred)


_SET_TEXT, _SET_WHERE, _SET_INFERRED = (CellOrigin.__dict__[name].__set__ for name in ("text", "where", "inferred"))
if tuple(field.name for field in attrs.fields(CellOrigin)) != ("text", "where", "inferred"):  # pragma: no cover
    raise TypeError("CellOrigin fields changed: update printed_origin() in _result.py")
_new = object.__new__


def printed_origin(text: str, where: Where) -> CellOrigin:
    """``CellOrigin(text, where)`` for a value printed in its own cell, built faster (one per cell read).

    >>> printed_origin("3", Where(line=2)) == CellOrigin("3", Where(line=2), False)
    True
    """
    origin = _new(CellOrigin)
    _SET_TEXT(origin, text)
    _SET_WHERE(origin, where)
    _SET_INFERRED(origin, False)
    return origin
