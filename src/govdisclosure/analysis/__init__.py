"""Many reports at once: lazy collections, tidy frames, aggregation, year-over-year comparison, indicators.

See the documentation page *Many reports* (``docs/analysis.md``) for a guided tour.
"""

from __future__ import annotations

from ._aggregate import Aggregate, AggregationError, AggregationNote, CellDifference, aggregate, compare_aggregate
from ._checking import FINDING_COLUMNS, check_all, findings_frame
from ._collection import Loaded, LoadFailure, ReportCollection, load_report
from ._frame import LONG_COLUMNS, cell_label, to_dataframe, to_wide_dataframe, write_csv, write_parquet
from ._indicators import INDICATORS, Indicator, Indicators, indicator_frame, indicators
from ._parallel import map_reports, map_sources
from ._yoy import (
    NARRATIVE_SECTIONS,
    CellChange,
    SectionSimilarity,
    YearComparison,
    YearFinding,
    YearPair,
    compare_years,
    narrative_similarity,
    normalise_agency,
)

__all__ = [
    "FINDING_COLUMNS",
    "INDICATORS",
    "LONG_COLUMNS",
    "NARRATIVE_SECTIONS",
    "Aggregate",
    "AggregationError",
    "AggregationNote",
    "CellChange",
    "CellDifference",
    "Indicator",
    "Indicators",
    "LoadFailure",
    "Loaded",
    "ReportCollection",
    "SectionSimilarity",
    "YearComparison",
    "YearFinding",
    "YearPair",
    "aggregate",
    "cell_label",
    "check_all",
    "compare_aggregate",
    "compare_years",
    "findings_frame",
    "indicator_frame",
    "indicators",
    "load_report",
    "map_reports",
    "map_sources",
    "narrative_similarity",
    "normalise_agency",
    "to_dataframe",
    "to_wide_dataframe",
    "write_csv",
    "write_parquet",
]
