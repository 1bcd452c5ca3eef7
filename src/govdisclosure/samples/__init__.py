"""Reports bundled with the package, written by the project (figures may be real)."""

from __future__ import annotations

from importlib import resources
from typing import Final

from ..model import Report

__all__ = ["SAMPLES", "sample_report", "sample_text"]

SAMPLES: Final = {
    "tacheng-2024": "tacheng-2024.json",
    "example-2019": "example-2019.json",
}
"""Bundled samples: ``tacheng-2024`` (the seed report: 塔城地区行署外事办公室, 2024, 2021 edition, all figures 0)
and ``example-2019`` (a made-up city bureau, 2019 edition, non-zero figures that add up)."""


def sample_text(name: str = "tacheng-2024") -> str:
    """The JSON text of a bundled sample."""
    try:
        filename = SAMPLES[name]
    except KeyError:
        raise KeyError(f"no sample {name!r}: choose one of {', '.join(SAMPLES)}") from None
    return resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")


def sample_report(name: str = "tacheng-2024") -> Report:
    """A bundled sample report.

    >>> sample_report().year
    2024
    >>> sample_report("example-2019").edition
    '2019'
    """
    from ..serialize import loads

    return loads(sample_text(name))
