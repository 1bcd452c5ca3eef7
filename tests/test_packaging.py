"""Tests of the package as installed: version, public façade, typing marker."""

from __future__ import annotations

import importlib.metadata
import importlib.resources
import zipfile
from pathlib import Path

import pytest

import govdisclosure


class TestPackaging:
    """What pip install gives."""

    def test_version_matches_metadata(self) -> None:
        """__version__ is the installed distribution's version."""
        assert govdisclosure.__version__ == importlib.metadata.version("govdisclosure")

    def test_py_typed(self) -> None:
        """The package carries its py.typed marker."""
        assert importlib.resources.files("govdisclosure").joinpath("py.typed").is_file()

    def test_all_is_sorted_and_importable(self) -> None:
        """__all__ is sorted and every name exists."""
        names = govdisclosure.__all__
        assert names == sorted(set(names))
        for name in names:
            assert hasattr(govdisclosure, name), name

    def test_console_script(self) -> None:
        """The console script govdisclosure is declared."""
        eps = importlib.metadata.entry_points(group="console_scripts")
        assert any(ep.name == "govdisclosure" and ep.value == "govdisclosure.cli:main" for ep in eps)

    def test_wheel_contents(self, tmp_path: Path) -> None:
        """A wheel built from the source tree holds py.typed and the samples."""
        wheel = pytest.importorskip("hatchling.builders.wheel")
        root = Path(__file__).resolve().parents[1]
        builder = wheel.WheelBuilder(str(root))
        (path,) = builder.build(directory=str(tmp_path), versions=["standard"])
        names = zipfile.ZipFile(path).namelist()
        assert "govdisclosure/py.typed" in names
        assert "govdisclosure/samples/tacheng-2024.json" in names
        assert not any(n.startswith("tests/") for n in names)
