"""Tests of govdisclosure.analysis._parallel (process pool, input order) and the Dask recipe of the docs."""

from __future__ import annotations

from pathlib import Path

import pytest

import govdisclosure as g
from govdisclosure.analysis import LoadFailure, ReportCollection, indicators, map_reports, map_sources, to_dataframe
from govdisclosure.testing import consistent_report


def _new_total(report: g.Report) -> int | None:
    return report.applications.new_received.total


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    """Seven JSON reports and one broken file in the middle."""
    paths = []
    for s in range(7):
        path = tmp_path / f"{s:02}.json"
        g.dump(consistent_report(seed=s, year=2021 + s % 3, agency=f"局{s // 3}"), path)
        paths.append(path)
    broken = tmp_path / "03-broken.json"
    broken.write_text("[]", encoding="utf-8")
    paths.insert(3, broken)
    return paths


class TestMapSources:
    """map_sources() and ReportCollection.map()."""

    def test_pool_keeps_input_order(self, files: list[Path]) -> None:
        """On two processes with small chunks, results come back in input order, failures in place."""
        serial = list(map_sources(_new_total, files, workers=1))
        parallel = list(map_sources(_new_total, files, workers=2, chunk_size=1))
        assert parallel == serial
        assert isinstance(parallel[3], LoadFailure)
        assert parallel[3].source == str(files[3])
        expected = [g.load(p).applications.new_received.total for i, p in enumerate(files) if i != 3]
        assert [r for r in parallel if not isinstance(r, LoadFailure)] == expected

    def test_collection_map(self, files: list[Path]) -> None:
        """ReportCollection.map runs over the collection's sources."""
        corpus = ReportCollection.from_paths(files)
        results = list(corpus.map(_new_total, workers=2, chunk_size=3))
        assert len(results) == 8
        assert sum(isinstance(r, LoadFailure) for r in results) == 1

    def test_workers_validated(self) -> None:
        """At least one worker."""
        with pytest.raises(ValueError, match="workers must be at least 1, got 0"):
            list(map_sources(_new_total, [], workers=0))

    def test_map_reports_in_memory(self) -> None:
        """Reports in memory are pickled to the workers; order kept."""
        reports = [consistent_report(seed=s) for s in range(9)]
        assert list(map_reports(indicators, reports, workers=2, chunk_size=2)) == [indicators(r) for r in reports]


def _partition(paths: list[str]) -> object:
    return to_dataframe(ReportCollection.from_paths(paths))


class TestDaskRecipe:
    """The Dask recipe of docs/analysis.md, on a small corpus."""

    def test_from_delayed(self, files: list[Path]) -> None:
        """One partition per chunk of files; the distributed sum equals the pandas one."""
        dask = pytest.importorskip("dask")
        dd = pytest.importorskip("dask.dataframe")
        paths = [str(p) for p in files]
        chunks = [paths[i : i + 3] for i in range(0, len(paths), 3)]
        meta = to_dataframe([])
        cells = dd.from_delayed([dask.delayed(_partition)(c) for c in chunks], meta=meta, verify_meta=False)
        assert cells.npartitions == 3
        got = cells[cells["row"] == "new_received"].groupby("year")["value"].sum().compute().sort_index()
        frame = _partition(paths)
        want = frame[frame["row"] == "new_received"].groupby("year")["value"].sum().sort_index()  # type: ignore[index]
        assert got.to_dict() == want.to_dict()

    def test_from_pandas(self) -> None:
        """A frame in memory goes through dd.from_pandas."""
        dd = pytest.importorskip("dask.dataframe")
        frame = to_dataframe([consistent_report(seed=s) for s in range(4)])
        cells = dd.from_pandas(frame, npartitions=2)
        assert int(cells["value"].sum().compute()) == int(frame["value"].sum())
