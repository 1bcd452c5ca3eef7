"""Tests of govdisclosure.analysis._collection: lazy collections of reports and per-file failures."""

from __future__ import annotations

from pathlib import Path

import pytest

import govdisclosure as g
import govdisclosure.importers
from govdisclosure.analysis import LoadFailure, ReportCollection, load_report
from govdisclosure.testing import consistent_report


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three good JSON reports (one in a sub-folder) and one broken file."""
    for i in range(3):
        target = tmp_path / ("sub" if i == 2 else "") / f"r{i}.json"
        target.parent.mkdir(exist_ok=True)
        g.dump(consistent_report(seed=i, year=2021 + i), target)
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    return tmp_path


class TestConstruction:
    """from_folder, from_glob, from_paths, from_reports."""

    def test_folder_recursive_sorted(self, folder: Path) -> None:
        """Files are read in sorted path order, sub-folders included."""
        corpus = ReportCollection.from_folder(folder)
        assert [r.year for r in corpus] == [2021, 2022, 2023]
        assert [Path(str(s)).name for s in corpus.sources()] == ["broken.json", "r0.json", "r1.json", "r2.json"]

    def test_folder_not_recursive(self, folder: Path) -> None:
        """recursive=False stays in the folder."""
        assert [r.year for r in ReportCollection.from_folder(folder, recursive=False)] == [2021, 2022]

    def test_missing_folder(self, tmp_path: Path) -> None:
        """A folder that does not exist is refused at once."""
        with pytest.raises(FileNotFoundError, match="no such folder"):
            ReportCollection.from_folder(tmp_path / "nothing")

    def test_glob(self, folder: Path) -> None:
        """A glob with ** finds the files."""
        corpus = ReportCollection.from_glob(str(folder / "**" / "r*.json"))
        assert [r.year for r in corpus] == [2021, 2022, 2023]

    def test_paths(self, folder: Path) -> None:
        """Explicit paths keep their order."""
        corpus = ReportCollection.from_paths([folder / "r1.json", folder / "r0.json"])
        assert [r.year for r in corpus] == [2022, 2021]

    def test_reports_list_iterable_twice(self) -> None:
        """A list of reports can be iterated more than once."""
        corpus = ReportCollection.from_reports([consistent_report(seed=1)])
        assert len(corpus.materialise()) == len(corpus.materialise()) == 1

    def test_generator_is_lazy(self) -> None:
        """A generator is consumed only as the collection is iterated."""
        made: list[int] = []

        def produce() -> object:
            for s in range(3):
                made.append(s)
                yield consistent_report(seed=s)

        corpus = ReportCollection.from_reports(produce())  # type: ignore[arg-type]
        assert made == []
        next(iter(corpus))
        assert made == [0]


class TestFailures:
    """A bad file is reported, the rest processed."""

    def test_bad_file_collected(self, folder: Path) -> None:
        """The broken file becomes a LoadFailure; the good ones load."""
        corpus = ReportCollection.from_folder(folder)
        assert len(corpus.materialise()) == 3
        (failure,) = corpus.failures
        assert failure.source == str(folder / "broken.json")
        assert failure.message.startswith("invalid report: 1 problem $: not valid JSON")
        assert "\n" not in failure.message
        assert str(failure) == f"{failure.source}: {failure.message}"

    def test_failures_reset_each_pass(self, folder: Path) -> None:
        """A second pass starts a fresh list."""
        corpus = ReportCollection.from_folder(folder)
        list(corpus)
        list(corpus)
        assert len(corpus.failures) == 1

    def test_missing_file(self, tmp_path: Path) -> None:
        """A path that does not exist is a failure, not an exception."""
        corpus = ReportCollection.from_paths([tmp_path / "gone.json"])
        assert list(corpus) == []
        assert corpus.failures[0].message.startswith("[Errno 2] No such file or directory")

    def test_not_a_report(self, tmp_path: Path) -> None:
        """A non-JSON file that is no report is a one-line failure from the importer."""
        (tmp_path / "a.html").write_text("<p>report</p>", encoding="utf-8")
        loaded = load_report(tmp_path / "a.html")
        assert loaded.report is None
        assert loaded.failure is not None
        assert "is not an annual report on government information disclosure" in loaded.failure.message

    def test_other_formats_use_read(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A non-JSON file goes through the importer and its result's report."""
        report = consistent_report(seed=9)

        class Result:
            def __init__(self) -> None:
                self.report = report

        seen: list[Path] = []

        def fake_read(path: Path) -> Result:
            seen.append(Path(path))
            return Result()

        monkeypatch.setattr(govdisclosure.importers, "read", fake_read, raising=False)
        (tmp_path / "a.html").write_text("<p>report</p>", encoding="utf-8")
        assert load_report(tmp_path / "a.html").report == report
        assert seen == [tmp_path / "a.html"]

    def test_reader_error_collected(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A reader's library error becomes a one-line failure."""

        def fake_read(path: Path) -> object:
            raise g.GovDisclosureError("not a report:\n  no table found")

        monkeypatch.setattr(govdisclosure.importers, "read", fake_read, raising=False)
        (tmp_path / "a.txt").write_text("x", encoding="utf-8")
        assert load_report(tmp_path / "a.txt").failure == LoadFailure(
            source=str(tmp_path / "a.txt"), message="not a report: no table found"
        )

    def test_report_source_name(self) -> None:
        """A report in memory is named by its source, or agency and year."""
        report = consistent_report(seed=1)
        assert load_report(report).source == "某某市人民政府办公室 2023"


class TestStreaming:
    """records() and chunks()."""

    def test_records(self) -> None:
        """The long format of every report, in order."""
        reports = [consistent_report(seed=s, year=2021 + s) for s in range(3)]
        records = list(ReportCollection.from_reports(reports).records())
        assert records == [rec for r in reports for rec in g.iter_records(r)]

    def test_chunks(self) -> None:
        """Chunks of at most the given size, in order."""
        corpus = ReportCollection.from_reports([consistent_report(seed=s, year=2021 + s) for s in range(5)])
        assert [[r.year for r in chunk] for chunk in corpus.chunks(2)] == [[2021, 2022], [2023, 2024], [2025]]
        with pytest.raises(ValueError, match="chunk size must be at least 1, got 0"):
            list(corpus.chunks(0))


@pytest.mark.corpus
class TestCorpus:
    """The shared corpus of real reports, read as one collection."""

    def test_read_all_and_compare_years(self, corpus: Path) -> None:
        """Every real report loads except the pre-2019 one; 平潭's consecutive years pair up and carry over."""
        from govdisclosure.analysis import compare_years

        collection = ReportCollection.from_folder(corpus / "real", "*")
        reports = collection.materialise()
        assert [Path(f.source).name for f in collection.failures] == ["015-pingtan-2018-legacy.txt"]
        assert "pre-2019" in collection.failures[0].message
        assert len(reports) >= 10
        result = compare_years(reports)
        pingtan = [(p.before.year, p.after.year) for p in result.pairs if "平潭" in p.agency]
        assert pingtan == [(2019, 2020), (2022, 2023), (2023, 2024)]
        assert [f for f in result.findings if f.code == "X1"] == []
