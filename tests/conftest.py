"""Shared fixtures: the bundled samples and the shared corpus of real reports (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

import govdisclosure

# No per-example deadline: CI machines are slower and shared; example counts stay as each test sets them.
settings.register_profile("govdisclosure", deadline=None)
settings.load_profile("govdisclosure")

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.fixture
def sample() -> govdisclosure.Report:
    """The seed report: 塔城地区行署外事办公室 2024, 2021 edition, all figures 0."""
    return govdisclosure.sample_report("tacheng-2024")


@pytest.fixture
def example_2019() -> govdisclosure.Report:
    """The bundled 2019-edition example with non-zero figures that add up."""
    return govdisclosure.sample_report("example-2019")


@pytest.fixture
def corpus() -> Path:
    """The shared corpus folder; the test is skipped where it is absent (a user's own clone)."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus/ is not present")
    return CORPUS
