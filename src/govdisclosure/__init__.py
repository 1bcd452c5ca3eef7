"""govdisclosure: the Chinese 政府信息公开工作年度报告 as typed Python objects.

The public façade: everything listed in ``__all__`` is stable API; modules whose names start with an underscore,
and names not listed here, are internal.
"""

from __future__ import annotations

from . import layout
from ._version import __version__
from .errors import DeserializationError, GovDisclosureError, MissingDependencyError, ModelError, Problem
from .model import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    ApplicantRow,
    Applications,
    Contact,
    Decisions,
    DocumentCounts2019,
    DocumentCounts2021,
    FeeAmount,
    FeeItems,
    ItemCounts,
    Narrative,
    NotProcessed,
    OtherHandling,
    Outcomes,
    Period,
    Procurement,
    Report,
    ReviewLitigation,
    ReviewRow,
    Subsection,
    UnableToProvide,
    Withheld,
    blank_report,
)
from .records import from_records, iter_records, to_records
from .samples import sample_report
from .schema import json_schema
from .serialize import dump, dumps, from_dict, load, loads, to_dict

__all__ = [
    "ActiveDisclosure2019",
    "ActiveDisclosure2021",
    "ApplicantRow",
    "Applications",
    "Contact",
    "Decisions",
    "DeserializationError",
    "DocumentCounts2019",
    "DocumentCounts2021",
    "FeeAmount",
    "FeeItems",
    "GovDisclosureError",
    "ItemCounts",
    "MissingDependencyError",
    "ModelError",
    "Narrative",
    "NotProcessed",
    "OtherHandling",
    "Outcomes",
    "Period",
    "Problem",
    "Procurement",
    "Report",
    "ReviewLitigation",
    "ReviewRow",
    "Subsection",
    "UnableToProvide",
    "Withheld",
    "__version__",
    "blank_report",
    "dump",
    "dumps",
    "from_dict",
    "from_records",
    "iter_records",
    "json_schema",
    "layout",
    "load",
    "loads",
    "sample_report",
    "to_dict",
    "to_records",
]
