"""read(): sources, formats, encodings, dispatch, round trips and robustness."""

from __future__ import annotations

import contextlib
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govdisclosure import layout
from govdisclosure.errors import MissingDependencyError, ReadError
from govdisclosure.importers import ImportResult, read
from govdisclosure.model import Report
from govdisclosure.renderers import render
from govdisclosure.testing import consistent_report

from .strategies_read import consistent_reports, crawled_text, tab_text

SEED = consistent_report("2021", seed=3)
TEXT = tab_text(SEED)


TABLE3_LABELS: frozenset[str] = frozenset(
    node.label
    for edition in ("2019", "2021")
    for single in (False, True)
    for _, node in layout.table(edition, "applications", single_other_handling=single).rows()
)


def same_tables(result: ImportResult, report: Report) -> bool:
    """表三 and 表四 equal cell by cell."""
    got = result.report
    return got.applications == report.applications and got.review_litigation == report.review_litigation


class TestSources:
    """Paths, bytes and text."""

    def test_text(self) -> None:
        """A str that is not a path is the document's text."""
        result = read(TEXT)
        assert same_tables(result, SEED)
        assert result.report.active_disclosure == SEED.active_disclosure
        assert (result.format, result.report.source) == ("text", None)

    def test_path(self, tmp_path: Path) -> None:
        """A path (str or PathLike) is read; its name becomes the report's source."""
        path = tmp_path / "report.txt"
        path.write_text(TEXT, encoding="utf-8")
        assert read(path).report.source == "report.txt"
        assert read(str(path)).report.source == "report.txt"

    def test_gbk_bytes(self) -> None:
        """GBK bytes are decoded."""
        assert same_tables(read(TEXT.encode("gb18030"), name="r.txt"), SEED)

    def test_undecodable_bytes_noted(self) -> None:
        """Bytes that are neither UTF-8 nor GB18030 are read with replacement characters and a note."""
        result = read(TEXT.encode() + b"\xff", name="r.txt")
        assert same_tables(result, SEED)
        assert [n.message for n in result.notes_with("encoding")] == [
            "the bytes are neither UTF-8 nor GB18030: undecodable bytes replaced"
        ]

    def test_markdown_detected(self) -> None:
        """A pipe table makes Markdown."""
        text = TEXT.replace("\t", " | ").replace("\n行政复议 | ", "\n|---|---|\n行政复议 | ")
        assert read(text).format == "markdown"

    def test_mistyped_path(self) -> None:
        """A one-line str that looks like a path (a suffix or a separator) but names no file is a ReadError."""
        with pytest.raises(ReadError) as info:
            read("typo.txt")
        assert str(info.value) == "cannot read typo.txt: no such file; check the path"
        with pytest.raises(ReadError) as info:
            read("no/such/file")
        assert str(info.value) == "cannot read no/such/file: no such file; check the path"

    def test_one_line_text_is_text(self) -> None:
        """A one-line str that does not look like a path is read as text (and is no report)."""
        with pytest.raises(ReadError, match=r"^the source is not an annual report"):
            read("本机关2024年没有收到申请")
        with pytest.raises(ReadError, match=r"^the source is not an annual report"):
            read("<p>a/b</p>")

    def test_unknown_format(self) -> None:
        """An unknown format is a ReadError (also a ValueError) in one line naming the accepted formats."""
        with pytest.raises(ReadError) as info:
            read(TEXT, format="xlsx")
        assert str(info.value) == "unknown format 'xlsx': format= accepts auto, text, markdown, html, pdf, docx"
        assert isinstance(info.value, ValueError)

    def test_pdf_as_text_refused(self) -> None:
        """A PDF must come as bytes or a path."""
        with pytest.raises(ReadError, match=r"^a PDF must be given as a path or as bytes, not as text$"):
            read(TEXT, format="pdf")


class TestDispatch:
    """HTML and PDF go to their readers; missing optional packages are one clear error."""

    def test_html(self) -> None:
        """An HTML page is read by the HTML reader."""
        pytest.importorskip("govdisclosure.importers._html")
        rows = "".join(f"<tr>{''.join(f'<td>{c}</td>' for c in line.split(chr(9)))}</tr>" for line in TEXT.split("\n"))
        html = f"<html><body><p>{SEED.title}</p><table>{rows}</table></body></html>"
        result = read(html.encode(), name="r.html")
        assert result.format == "html"
        assert result.report.applications == SEED.applications

    def test_html_declared_charset(self) -> None:
        """An HTML page's bytes reach the HTML reader, which decodes them from the page's declared charset."""
        pytest.importorskip("govdisclosure.importers._html")

        def ascii_only(text: str) -> str:  # numeric references: the same whatever the charset
            return "".join(c if c.isascii() else f"&#{ord(c)};" for c in text)

        rows = "".join(
            f"<tr>{''.join(f'<td>{ascii_only(c)}</td>' for c in line.split(chr(9)))}</tr>" for line in TEXT.split("\n")
        )
        # 然业师 in GBK (c8bb d2b5 caa6) is also valid UTF-8 (Ȼҵʦ): only the declaration tells them apart
        title = "然业师" + ascii_only("2023年政府信息公开工作年度报告")
        page = f'<html><head><meta charset="gbk"></head><body><p>{title}</p><table>{rows}</table></body></html>'
        data = page.encode("gbk")
        assert "Ȼҵʦ2023" in data.decode("utf-8")
        result = read(data, name="r.html")
        assert result.report.title == "然业师2023年政府信息公开工作年度报告"
        assert result.report.applications == SEED.applications

    def test_missing_lxml(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without the HTML reader's dependency, MissingDependencyError names the extra."""
        monkeypatch.setitem(sys.modules, "govdisclosure.importers._html", None)
        with pytest.raises(MissingDependencyError) as info:
            read("<html><table></table></html>")
        assert str(info.value) == (
            "reading HTML needs the optional package 'lxml': install it with pip install 'govdisclosure[html]'"
        )

    def test_missing_pdfium(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without the PDF reader's dependency, MissingDependencyError names the extra."""
        monkeypatch.setitem(sys.modules, "govdisclosure.importers._pdf", None)
        with pytest.raises(MissingDependencyError, match=r"pip install 'govdisclosure\[pdf\]'$"):
            read(b"%PDF-1.7\n")


class TestWord:
    """Word documents reach the Word reader."""

    def test_path_round_trip(self, tmp_path: Path) -> None:
        """A report rendered as .docx and read back from its path has the same tables."""
        pytest.importorskip("docx")
        report = consistent_report("2021", seed=5)
        path = tmp_path / "report.docx"
        path.write_bytes(render(report, format="docx"))
        result = read(path)
        assert (result.format, result.report.source) == ("docx", "report.docx")
        assert same_tables(result, report)
        assert result.report.active_disclosure == report.active_disclosure

    def test_sample_through_the_package(self, tmp_path: Path) -> None:
        """govdisclosure.render(sample, format="docx") to a file, govdisclosure.read(path) back: tables equal."""
        pytest.importorskip("docx")
        import govdisclosure
        from govdisclosure.samples import sample_report

        for name in ("tacheng-2024", "example-2019"):
            report = sample_report(name)
            path = tmp_path / f"{name}.docx"
            path.write_bytes(govdisclosure.render(report, format="docx"))
            result = govdisclosure.read(str(path))
            assert result.format == "docx"
            assert same_tables(result, report)
            assert result.report.active_disclosure == report.active_disclosure
            assert (result.report.edition, result.report.published) == (report.edition, report.published)

    def test_bytes_sniffed(self) -> None:
        """The bytes of a Word package are recognised without a name."""
        pytest.importorskip("docx")
        from govdisclosure.renderers import render

        report = consistent_report("2019", seed=2)
        result = read(render(report, format="docx"))
        assert result.format == "docx"
        assert same_tables(result, report)

    def test_text_refused(self) -> None:
        """A Word document cannot be given as text."""
        with pytest.raises(ReadError) as info:
            read(TEXT, format="docx")
        assert str(info.value) == "a Word document must be given as a path or as bytes, not as text"

    def test_legacy_doc(self, tmp_path: Path) -> None:
        """A .doc file goes to the Word reader, which says to save it as .docx."""
        pytest.importorskip("docx")
        path = tmp_path / "old.doc"
        path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 512)
        with pytest.raises(ReadError) as info:
            read(path)
        assert str(info.value) == (
            "old.doc is a legacy Word 97-2003 (.doc) file: open it in Word or LibreOffice and save it as .docx"
        )

    _OLE = bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 512

    @pytest.mark.parametrize(
        ("file", "data", "says"),
        [
            (
                "年报.wps",
                _OLE,
                "is a WPS Writer (.wps) file: open it in WPS Office or LibreOffice and save it as .docx",
            ),
            ("renamed.docx", _OLE, "is a legacy Office compound file (a Word 97-2003 .doc, a WPS .wps or an Excel"),
            ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "is an image, not text: its text must be recognised (OCR)"),
            ("scan.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 64, "is an image, not text"),
            ("report.rtf", b"{\\rtf1\\ansi \\'d5\\'fe}", "is an RTF document: open it in Word, WPS or LibreOffice"),
            ("report.ofd", None, "is an OFD document (版式文档): print or export it to PDF and read that"),
            ("tables.xlsx", None, "is an Excel workbook: save the report as .docx or PDF, or the tables as text"),
            ("bundle.zip", None, "is a zip archive, not a report: extract the report's file from it"),
        ],
    )
    def test_formats_no_reader_takes_are_named_with_the_way_out(
        self, tmp_path: Path, file: str, data: bytes | None, says: str
    ) -> None:
        """Files of formats no reader takes are refused in one line saying what they are, whatever their name or
        format=, rather than read as text (garbage) or sent to a reader that fails obscurely."""
        path = tmp_path / file
        if data is None:  # a zip package with the parts that make it what it is
            parts = {"report.ofd": "OFD.xml", "tables.xlsx": "xl/workbook.xml", "bundle.zip": "readme.txt"}
            with zipfile.ZipFile(path, "w") as package:
                package.writestr(parts[file], "<x/>")
        else:
            path.write_bytes(data)
        for fmt in ("auto", "text", "html"):
            with pytest.raises(ReadError) as info:
                read(path, format=fmt)
            assert str(info.value).startswith(f"{file} {says}")
        with pytest.raises(ReadError) as info:
            read(path.read_bytes())
        assert str(info.value).startswith("the input is ")

    @pytest.mark.parametrize("source", ["\ufeff", "\ufeff\n  ", b"\xef\xbb\xbf"])
    def test_a_byte_order_mark_alone_is_empty(self, source: str | bytes) -> None:
        with pytest.raises(ReadError, match="is empty"):
            read(source)

    def test_a_byte_order_mark_on_text_is_not_read(self) -> None:
        assert read("\ufeff" + TEXT).report == read(TEXT).report

    def test_a_docx_is_not_taken_for_a_zip_archive(self) -> None:
        report = consistent_report("2019", seed=3)
        assert read(render(report, format="docx")).format == "docx"


class TestRoundTrip:
    """Reports printed as text and read back."""

    @pytest.mark.parametrize("sample", ["tacheng-2024", "example-2019"])
    @pytest.mark.parametrize(
        ("fmt", "page"), [("text", False), ("markdown", False), ("html", False), ("html", True), ("docx", False)]
    )
    def test_bundled_samples_come_back_whole(self, sample: str, fmt: str, page: bool) -> None:
        """A whole report rendered and read back is the same report: tables, metadata, narrative paragraphs and
        sub-sections, headings (``source`` is not printed: it is given back as ``name``)."""
        import govdisclosure

        report = govdisclosure.load(Path(govdisclosure.__file__).parent / "samples" / f"{sample}.json")
        if sample == "tacheng-2024":  # a section of two paragraphs: they stay two
            assert report.problems.text.count("\n\n") == 1
        result = read(render(report, format=fmt, page=page), format=fmt, name=report.source)
        assert result.report == report
        assert [n for n in result.notes if n.severity != "info"] == []

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(consistent_reports())
    def test_tab_text(self, report: Report) -> None:
        """Tab-separated tables come back cell by cell, with the edition and year."""
        result = read(tab_text(report))
        assert same_tables(result, report)
        assert result.report.active_disclosure == report.active_disclosure
        assert (result.report.edition, result.report.year) == (report.edition, report.year)
        assert result.inferred == ()

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(consistent_reports())
    def test_crawled_text_is_never_wrong(self, report: Report) -> None:
        """Cells run together are either recovered exactly or left blank with an error note, never guessed."""
        result = read(crawled_text(report))
        blank_rows = {n.path for n in result.notes if n.severity == "error"}
        for table, row, column, value in result.report.cells():
            if table == "active_disclosure":
                continue
            expected = report.get(f"{table}.{row}.{column}")
            if value is None:
                assert f"{table}.{row}" in blank_rows or table in blank_rows or expected is None
            else:
                assert value == expected

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(consistent_reports(), st.sampled_from(["markdown", "text"]))
    def test_rendered_text_and_markdown(self, report: Report, fmt: str) -> None:
        """What render() writes as Markdown (path labels, 表四 a row per block) or box-drawn text reads back."""
        from govdisclosure.renderers import render

        result = read(render(report, format=fmt), format="markdown" if fmt == "markdown" else "auto")
        assert list(result.report.cells()) == list(report.cells())
        assert result.notes_with("unplaced-row") == ()

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        consistent_reports(),
        st.integers(0, 30),
        st.integers(0, 6),
        st.sampled_from(["暂无", "不适用", "N/A", "X", "※", "约12", "12余", "1,0", "53,45"]),
    )
    def test_word_in_a_cell_never_shifts(self, report: Report, row: int, column: int, word: str) -> None:
        """One 表三 cell of a tab-separated copy replaced by a word: that cell is blank with a note, all others kept."""
        lines = tab_text(report).split("\n")
        rows = [i for i, ln in enumerate(lines) if "\t" in ln and ln.split("\t")[0] in TABLE3_LABELS]
        index = rows[row % len(rows)]
        cells = lines[index].split("\t")
        cells[1 + column] = word
        lines[index] = "\t".join(cells)
        result = read("\n".join(lines))
        changed = [
            (row_path, col)
            for table, row_path, col, value in result.report.cells()
            if table == "applications" and value != report.get(f"applications.{row_path}.{col}")
        ]
        assert len(changed) <= 1
        assert all(result.report.get(f"applications.{p}.{c}") is None for p, c in changed)
        assert result.notes_with("not-a-number") != ()
        assert result.report.review_litigation == report.review_litigation


class TestRobustness:
    """Arbitrary, truncated and garbled input: a result with notes, or ReadError; nothing else."""

    @settings(max_examples=60, deadline=None)
    @given(st.text(max_size=400))
    def test_arbitrary_text(self, text: str) -> None:
        """Any text."""
        with contextlib.suppress(ReadError):
            read(text, format="text")

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        st.sampled_from([TEXT, crawled_text(SEED)]),
        st.integers(min_value=0, max_value=len(TEXT)),
        st.lists(st.tuples(st.integers(min_value=0, max_value=len(TEXT)), st.text(max_size=5)), max_size=8),
    )
    def test_truncated_and_garbled(self, text: str, cut: int, edits: list[tuple[int, str]]) -> None:
        """A report cut short and with random insertions."""
        garbled = text[:cut]
        for pos, insert in edits:
            garbled = garbled[:pos] + insert + garbled[pos + 1 :]
        try:
            result = read(garbled, format="text")
        except ReadError:
            return
        assert isinstance(result.report, Report)

    @settings(max_examples=30, deadline=None)
    @given(st.binary(max_size=300))
    def test_arbitrary_bytes(self, data: bytes) -> None:
        """Any bytes read as text."""
        with contextlib.suppress(ReadError):
            read(data, format="text")

    def test_one_megabyte(self) -> None:
        """A 1 MB input (a report with a huge run of digits and many repeated rows) returns."""
        run = "9" * 500_000
        rows = "\n".join(f"1.属于国家秘密\t{i}" for i in range(20_000))
        big = TEXT.replace("二、上年结转政府信息公开申请数量", "二、上年结转政府信息公开申请数量" + run) + rows
        assert len(big.encode()) > 1_000_000
        result = read(big)
        assert result.report.applications.carried_over.total is None
        assert result.report.applications.new_received == SEED.applications.new_received
