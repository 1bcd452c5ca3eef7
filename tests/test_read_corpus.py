"""The real reports of the shared corpus: every text and Markdown file imports, figures as printed."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from govdisclosure.errors import ReadError
from govdisclosure.importers import ImportResult, read

from .corpus_expected import (
    APPLICANT_FIELDS,
    EXPECTED,
    KEY_FIGURES,
    KEY_PATHS,
    REVIEW_FIELDS,
    Expected,
    expected_for,
)

pytestmark = pytest.mark.corpus

TEXT_FILES = sorted(EXPECTED)


def _read(corpus: Path, file: str) -> ImportResult:
    return read(corpus / "real" / file)


def cell_results(result: ImportResult, expected: Expected) -> list[tuple[str, object, object]]:
    """(path, expected, got) for every asserted cell of 表三 and 表四."""
    report = result.report
    out: list[tuple[str, object, object]] = []
    for row, values in expected.applications.items():
        for field, value in zip(APPLICANT_FIELDS, values, strict=True):
            path = f"applications.{row}.{field}"
            out.append((path, value, report.get(path)))
    for row, values in expected.review_litigation.items():
        for field, value in zip(REVIEW_FIELDS, values, strict=True):
            path = f"review_litigation.{row}.{field}"
            out.append((path, value, report.get(path)))
    return out


class TestCorpusFiles:
    """Each text or Markdown report of the corpus."""

    @pytest.mark.parametrize("file", TEXT_FILES)
    def test_metadata(self, corpus: Path, file: str) -> None:
        """Edition (from the tables), year, agency and the shape of （六） are as printed."""
        expected = EXPECTED[file]
        report = _read(corpus, file).report
        assert (report.edition, report.year, report.agency) == (expected.edition, expected.year, expected.agency)
        assert report.uses_single_other_handling is expected.single_other_handling

    @pytest.mark.parametrize("file", TEXT_FILES)
    def test_tables_three_and_four(self, corpus: Path, file: str) -> None:
        """Every asserted cell of 表三 and 表四 equals what the document prints."""
        result = _read(corpus, file)
        wrong = [(p, e, g) for p, e, g in cell_results(result, EXPECTED[file]) if e != g]
        assert wrong == []

    @pytest.mark.parametrize("file", TEXT_FILES)
    def test_table_two(self, corpus: Path, file: str) -> None:
        """表二 rows that can be read are read; runs that cannot be split are left blank, with a note."""
        expected = EXPECTED[file]
        result = _read(corpus, file)
        for row, values in expected.active_disclosure.items():
            if row in expected.active_unsplittable:
                continue
            assert result.report.get(f"active_disclosure.{row}").values() == values
        for row in expected.active_unsplittable:
            assert set(result.report.get(f"active_disclosure.{row}").values()) == {None}
            assert [n.code for n in result.notes if n.path == f"active_disclosure.{row}"] in (
                ["digits-unsplit"],
                ["missing-cells"],
            )

    @pytest.mark.parametrize("file", TEXT_FILES)
    def test_key_figures(self, corpus: Path, file: str) -> None:
        """The corpus README's key figures."""
        report = _read(corpus, file).report
        assert tuple(report.get(p) for p in KEY_PATHS) == KEY_FIGURES[file[:3]]

    @pytest.mark.parametrize("file", TEXT_FILES)
    def test_inferred_cells_are_noted(self, corpus: Path, file: str) -> None:
        """Every inferred cell belongs to a row with a note explaining the inference."""
        result = _read(corpus, file)
        explained = {n.path for n in result.notes if n.code in ("digits-split", "numbers-paired")}
        for path in result.inferred:
            assert path.rsplit(".", 1)[0] in explained or path.split(".")[0] in explained


class TestOtherFormats:
    """HTML and PDF copies of corpus reports, through read(): the same figures as their text copies."""

    @pytest.mark.parametrize(
        ("file", "module"),
        [
            ("005-pingtan-2022.html", "govdisclosure.importers._html"),
            ("006-pingtan-2023.html", "govdisclosure.importers._html"),
            ("012-hongze-district-2023.pdf", "govdisclosure.importers._pdf"),
        ],
    )
    def test_same_figures(self, corpus: Path, file: str, module: str) -> None:
        """Every cell of 表三 and 表四 as printed; 表二 complete (no runs to split)."""
        pytest.importorskip(module)
        expected = expected_for(file)
        result = _read(corpus, file)
        assert [(p, e, g) for p, e, g in cell_results(result, expected) if e != g] == []
        for row, values in expected.active_disclosure.items():
            assert result.report.get(f"active_disclosure.{row}").values() == values
        assert result.report.uses_single_other_handling is expected.single_other_handling

    def test_key_figures_001(self, corpus: Path) -> None:
        """001 (HTML only): the README's key figures, blanks as None; 2019 edition with its single （六） row."""
        pytest.importorskip("govdisclosure.importers._html")
        report = _read(corpus, "001-shanghai-szfbgt-2019.html").report
        assert tuple(report.get(p) for p in KEY_PATHS) == KEY_FIGURES["001"]
        assert (report.edition, report.year, report.uses_single_other_handling) == ("2019", 2019, True)


class TestCorpusRepairs:
    """Specific repairs, each explained by a note."""

    def test_seed_extra_cells(self, corpus: Path) -> None:
        """The seed's （六）/（七）/四 rows carry 12 cells: the first 7 are kept, with a note per row."""
        result = _read(corpus, "000-tacheng-waishiban-2024.txt")
        paths = [n.path for n in result.notes_with("extra-cells")]
        assert paths == [
            "applications.outcomes.other_handling.no_correction",
            "applications.outcomes.other_handling.unpaid_fee",
            "applications.outcomes.other_handling.other",
            "applications.outcomes.total",
            "applications.carried_forward",
        ]

    def test_seed_label_variants(self, corpus: Path) -> None:
        """The seed's 规范性文件 (2019 wording) and its label split over two lines are noted."""
        result = _read(corpus, "000-tacheng-waishiban-2024.txt")
        assert [n.message for n in result.notes if n.code.startswith("label-")] == [
            "'5. 要求行政机关确认或' read as '5.要求行政机关确认或重新出具已获取信息' (label cut short)",
            "'规范性文件' read as '行政规范性文件'",
        ]

    def test_seed_date_typo(self, corpus: Path) -> None:
        """ "2025 月 1 月 20 日" is read as 2025-01-20, with a note."""
        result = _read(corpus, "000-tacheng-waishiban-2024.txt")
        assert result.report.published is not None
        assert result.report.published.isoformat() == "2025-01-20"
        assert [n.message for n in result.notes_with("date-typo")] == [
            "signature date '2025 月 1 月 20 日' read as 2025-01-20"
        ]

    def test_seed_metadata(self, corpus: Path) -> None:
        """Title, statistical period and contact details of the seed."""
        report = _read(corpus, "000-tacheng-waishiban-2024.txt").report
        assert report.title == "塔城地区行署外事办公室2024年政府信息公开工作年度报告"
        assert report.period is not None
        assert (report.period.start.isoformat(), report.period.end.isoformat()) == ("2024-01-01", "2024-12-31")
        assert report.contact is not None
        assert (report.contact.postcode, report.contact.phone) == ("834700", "0901-6223328")
        assert report.overview["（二）"].title == "依申请公开"

    def test_subsection_titles_run_into_text(self, corpus: Path) -> None:
        """006's crawled text runs each （一）… title into its text: the titles are split off as in its HTML copy."""
        text = _read(corpus, "006-pingtan-2023.txt").report.overview
        html = read(corpus / "real" / "006-pingtan-2023.html").report.overview
        assert [s.title for s in text.subsections] == [
            "主动公开方面",
            "依申请公开方面",
            "政府信息管理方面",
            "信息公开平台建设方面",
            "监督保障方面",
        ]
        assert [(s.title, s.text) for s in text.subsections] == [(s.title, s.text) for s in html.subsections]

    def test_2019_subsection_titles_run_into_text(self, corpus: Path) -> None:
        """002's overview: 基本情况 and 主要做法 split off their text."""
        overview = _read(corpus, "002-pingtan-2019.txt").report.overview
        assert [s.title for s in overview.subsections] == ["基本情况", "主要做法"]
        assert overview["（一）"].text.startswith("今年，我区政府信息公开单位共公布政府信息2599条")

    def test_concatenated_review_digits(self, corpus: Path) -> None:
        """006's 表四 "110024001510102" is split, every cell marked inferred, with one note."""
        result = _read(corpus, "006-pingtan-2023.txt")
        origin = result.provenance["review_litigation.litigation_direct.total"]
        assert (origin.text, origin.inferred) == ("110024001510102", True)
        assert len([n for n in result.notes_with("digits-split") if n.path == "review_litigation"]) == 1

    def test_column_sums_decide(self, corpus: Path) -> None:
        """006's （一） row splits two ways within the row; the column sums (C1) choose one."""
        result = _read(corpus, "006-pingtan-2023.txt")
        messages = [n.message for n in result.notes_with("digits-split") if n.path == "applications.outcomes.granted"]
        assert messages == [
            "applications.outcomes.granted: '220000022' read as 22 0 0 0 0 0 22, the only split for which the "
            "columns add up (C1, C2)"
        ]

    def test_pdf_text_pairing(self, corpus: Path) -> None:
        """012's numbers printed on their own lines are paired with their labels, each with a note."""
        result = _read(corpus, "012-hongze-district-2023.txt")
        assert len(result.notes_with("numbers-paired")) == 7
        assert [n.code for n in result.notes if n.code in ("label-typo", "single-other-handling")] == [
            "label-typo",
            "single-other-handling",
        ]

    def test_garbled_rows_left_blank(self, corpus: Path) -> None:
        """010's detached labels are not guessed: rows left blank with an error note each."""
        result = _read(corpus, "010-shanghai-stcsm-2024.md")
        assert result.report.get("applications.outcomes.partially_granted.total") is None
        unplaced = [n.path for n in result.notes_with("row-unplaced")]
        assert "applications.outcomes.partially_granted" in unplaced

    def test_legacy_refused(self, corpus: Path) -> None:
        """The pre-2019 outline is refused with one clear line."""
        with pytest.raises(ReadError) as info:
            _read(corpus, "015-pingtan-2018-legacy.txt")
        assert str(info.value) == (
            "015-pingtan-2018-legacy.txt follows the pre-2019 outline (概述 / 依申请公开 sections, no 表三 of the "
            "2019 or 2021 format): it cannot be read as either edition"
        )

    def test_share_of_cells_correct(self, corpus: Path) -> None:
        """Over the legible text corpus, every asserted cell of 表三 and 表四 is right."""
        results = [
            (e == g)
            for file in TEXT_FILES
            for _, e, g in cell_results(_read(corpus, file), EXPECTED[file])
            if EXPECTED[file].legible
        ]
        assert sum(results) == len(results)


def _seed_edited(corpus: Path, edit: Callable[[list[str]], None]) -> ImportResult:
    """The seed text with its lines edited in memory (the corpus file is never copied or changed)."""
    lines = (corpus / "real" / SEED).read_text(encoding="utf-8").split("\n")
    edit(lines)
    return read("\n".join(lines))


def _index(lines: list[str], start: str) -> int:
    return next(i for i, line in enumerate(lines) if line.startswith(start))


SEED = "000-tacheng-waishiban-2024.txt"


class TestReviewFindings:
    """The reviewer's repros on the seed and on 010, each fixed and noted."""

    def test_only_natural_person_printed(self, corpus: Path) -> None:
        """001's pattern in the seed (only 自然人 printed, total blank): 18 stays under 自然人, nothing shifts."""

        def edit(lines: list[str]) -> None:
            i = _index(lines, "二、上年结转")
            lines[i] = lines[i].split("\t")[0] + "\t\t18" + "\t" * 7

        result = _seed_edited(corpus, edit)
        assert result.report.applications.carried_over.values() == (18, None, None, None, None, None, None)
        assert result.notes_with("missing-cells") == ()

    def test_short_row_noted(self, corpus: Path) -> None:
        """A row of the seed that ends after three cells is noted, its figures under their own columns."""

        def edit(lines: list[str]) -> None:
            i = _index(lines, "二、上年结转")
            lines[i] = lines[i].split("\t")[0] + "\t\t5\t0\t5"

        result = _seed_edited(corpus, edit)
        assert result.report.applications.carried_over.values() == (5, 0, 5, None, None, None, None)
        assert [n.path for n in result.notes_with("missing-cells")] == ["applications.carried_over"]

    def test_fee_in_yuan(self, corpus: Path) -> None:
        """The seed's fee cell printed as 15000元 is 1.5 万元, with a warning."""

        def edit(lines: list[str]) -> None:
            i = _index(lines, "行政事业性收费")
            lines[i] = lines[i].split("\t")[0] + "\t15000元"

        result = _seed_edited(corpus, edit)
        assert result.report.get("active_disclosure.fees.amount") == Decimal("1.5")
        assert [n.severity for n in result.notes_with("unit-converted")] == ["warning"]

    def test_extra_active_row(self, corpus: Path) -> None:
        """A row inserted after 规范性文件 is noted with its text and position."""
        result = _seed_edited(
            corpus, lambda lines: lines.insert(_index(lines, "规范性文件") + 1, "其他主动公开文件\t5\t3\t9")
        )
        assert [str(n) for n in result.notes_with("unplaced-row")] == [
            "warning: 表二: the printed row '其他主动公开文件' (line 27:1, table 1, row 4, column 1) matches no "
            "official row; its figures '5 3 9' are not used [unplaced-row] (line 27:1, table 1, row 4, column 1)"
        ]
        assert result.report.active_disclosure == _read(corpus, SEED).report.active_disclosure

    def test_digit_groups_quoted(self, corpus: Path) -> None:
        """'1 2' in the seed's 规范性文件 row is quoted as printed."""

        def edit(lines: list[str]) -> None:
            lines[_index(lines, "规范性文件")] = "规范性文件\t1 2\t0\t0"

        result = _seed_edited(corpus, edit)
        assert [n.message for n in result.notes_with("not-a-number")] == ["'1 2' is not a number: cell left blank"]

    def test_own_outline_kept(self, corpus: Path) -> None:
        """010: 一 stops at its own 二、…六、 headings (kept as sub-sections), the problems after 表四 go to 五."""
        result = _read(corpus, "010-shanghai-stcsm-2024.md")
        overview = result.report.overview
        assert [s.marker + s.title for s in overview.subsections] == [
            "二、工作机制保障",
            "三、主动公开工作情况",
            "四、政府信息公开申请情况",
            "五、政府信息管理",
            "六、政府信息公开平台建设",
        ]
        assert overview.text.endswith("涉及的行政诉讼数为0 件。")
        problems = result.report.problems
        assert [s.marker + s.title for s in problems.subsections] == ["（一）主要问题", "（二）改进情况"]
        assert "张江高新区" in problems["改进情况"].text
        assert [n.message for n in result.notes_with("text-moved")] == [
            "237 characters of text after 表四 (line 192:1, starting '（一）主要问题') belong to no section of the "
            "format: kept in 五、存在的主要问题及改进情况"
        ]
        assert [n.path for n in result.notes_with("outline-headings")] == ["overview"]


PUBLISHED = {
    "000-tacheng-waishiban-2024.txt": "2025-01-20",
    "001-shanghai-szfbgt-2019.html": "2020-01-31",
    "002-pingtan-2019.txt": "2020-01-20",
    "005-pingtan-2022.html": "2023-02-20",
    "005-pingtan-2022.txt": "2023-02-20",
    "006-pingtan-2023.html": "2024-03-08",
    "006-pingtan-2023.txt": "2024-03-08",
    "009-shuyang-county-2025.md": "2026-01-23",
    "010-shanghai-stcsm-2024.md": None,
}


class TestPublished:
    """Publication dates: the signature, else the page's or preamble's 发布时间/时间."""

    @pytest.mark.parametrize(("file", "date"), sorted(PUBLISHED.items()))
    def test_dates(self, corpus: Path, file: str, date: str | None) -> None:
        """Each file's date as printed (None when it prints none)."""
        if file.endswith(".html"):
            pytest.importorskip("govdisclosure.importers._html")
        published = _read(corpus, file).report.published
        assert (published.isoformat() if published else None) == date
