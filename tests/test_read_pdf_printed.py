"""PDFs as printers and writers leave them: pages printed turned (a landscape page on a portrait sheet, its text
running down or up the page), and files locked by a password."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

pdfium = pytest.importorskip("pypdfium2")

from govdisclosure import sample_report  # noqa: E402
from govdisclosure.importers import read  # noqa: E402

PDF = Path(__file__).parent / "data" / "example-2019-libreoffice.pdf"
"""The bundled 2019 sample printed by LibreOffice (see ``test_read_pdf.TestPrintedFromWord``)."""


def turned(data: bytes, quarters: int, pages: set[int] | None = None) -> bytes:
    """The PDF with everything on some pages turned ``quarters`` quarter turns anticlockwise on the sheet.

    Each page to turn is copied as a whole (a form holding its content, its text left as it is) onto a sheet of
    the turned shape, with a ``/Rotate`` that shows it upright again, as a printer driver writes a landscape page:
    the characters then run up the page (1), upside down (2) or down it (3).
    """
    source = pdfium.PdfDocument(data)
    out = pdfium.PdfDocument.new()
    for index in range(len(source)):
        width, height = source[index].get_size()
        if pages is not None and index not in pages:
            out.import_pages(source, [index])
            continue
        form = source.page_as_xobject(index, out).as_pageobject()
        matrix = {1: (0, 1, -1, 0, height, 0), 2: (-1, 0, 0, -1, width, height), 3: (0, -1, 1, 0, 0, width)}
        form.transform(pdfium.PdfMatrix(*matrix[quarters]))
        sheet = out.new_page(height, width) if quarters % 2 else out.new_page(width, height)
        sheet.insert_obj(form)
        sheet.gen_content()
        sheet.set_rotation((360 - 90 * quarters) % 360)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def first_char_steps(data: bytes) -> tuple[float, float]:
    """How far the second character of the first page is from the first one (x, y): the direction of the text."""
    document = pdfium.PdfDocument(data)
    textpage = document[0].get_textpage()
    (a, b, _, _), (c, d, _, _) = textpage.get_charbox(0), textpage.get_charbox(1)
    document.close()
    return c - a, d - b


class TestTurnedPages:
    @pytest.mark.parametrize(("quarters", "runs"), [(1, "bottom to top"), (2, "upside down"), (3, "top to bottom")])
    def test_a_report_printed_turned_reads_back_whole(self, quarters: int, runs: str) -> None:
        """Every page turned: the report comes back as the sample holds it, each page noted as turned."""
        data = turned(PDF.read_bytes(), quarters)
        dx, dy = first_char_steps(data)
        assert {1: dy > abs(dx), 2: -dx > abs(dy), 3: -dy > abs(dx)}[quarters]  # the text really runs that way
        sample = sample_report("example-2019")
        result = read(data, format="pdf", name=sample.source)
        assert result.report == sample
        turned_notes = result.notes_with("pdf-page-turned")
        assert [n.where.page for n in turned_notes] == [1, 2, 3]
        assert all(f"its text runs {runs}" in n.message for n in turned_notes)
        assert all(n.severity == "info" for n in turned_notes)

    def test_one_page_turned_among_upright_ones(self) -> None:
        """Only the page printed turned is turned back; the table running over it is still joined."""
        data = turned(PDF.read_bytes(), 3, pages={1})
        sample = sample_report("example-2019")
        result = read(data, format="pdf", name=sample.source)
        assert result.report == sample
        assert [n.where.page for n in result.notes_with("pdf-page-turned")] == [2]

    def test_positions_on_a_turned_page_are_on_the_upright_page(self) -> None:
        """A cell's box is given on the page turned upright: its figures sit right of its label, as printed."""
        upright = read(PDF.read_bytes(), format="pdf")
        result = read(turned(PDF.read_bytes(), 1), format="pdf")
        path = "applications.new_received.natural_person"
        assert result.provenance[path].text == upright.provenance[path].text
        box = result.provenance[path].where.bbox
        label_box = upright.provenance[path].where.bbox
        assert box is not None
        assert label_box is not None
        assert box[2] - box[0] == pytest.approx(label_box[2] - label_box[0], abs=0.5)  # not turned sideways

    def test_upright_pages_are_not_noted(self) -> None:
        assert not read(PDF.read_bytes(), format="pdf").notes_with("pdf-page-turned")


class TestDirection:
    """Which way a page's text runs, from the angles pdfium gives a sample of its characters."""

    @staticmethod
    def quarter(angles: list[float]) -> int:
        from types import SimpleNamespace

        from govdisclosure.importers import _pdf

        fake = SimpleNamespace(FPDFText_GetCharAngle=lambda _page, i: angles[i])
        return _pdf._quarter(fake, None, "字" * len(angles))

    @pytest.mark.parametrize(
        ("angles", "quarter"),
        [
            ([0.0] * 40, 0),
            ([1.5708] * 40, 1),
            ([3.1416] * 34 + [0.0] * 6, 2),
            ([4.7124] * 32 + [0.0] * 8, 3),
            ([1.5708] * 20 + [0.0] * 20, 0),  # no majority: left as it is
            ([4.7124] * 28 + [0.0] * 12, 0),  # a note up the margin longer than an upright title: not turned
            ([0.7854] * 30 + [4.7124] * 10, 0),  # a watermark slanted across the page is no direction
            ([2.3562] * 30 + [0.0] * 10, 0),  # nor is one slanted the other way (it is not upside down)
            ([-1.0] * 30 + [1.5708] * 10, 1),  # characters pdfium cannot tell about do not count
        ],
    )
    def test_majority_of_square_angles(self, angles: list[float], quarter: int) -> None:
        assert self.quarter(angles) == quarter


class TestProtected:
    def test_a_pdf_locked_by_a_password_says_so(self) -> None:
        """``tests/data/password-protected.pdf``: one line printed by LibreOffice with an open password ("secret").
        The refusal names the password rather than suggesting the file is broken."""
        from govdisclosure.errors import ReadError

        path = Path(__file__).parent / "data" / "password-protected.pdf"
        with pytest.raises(ReadError) as info:
            read(path)
        assert str(info.value) == (
            "password-protected.pdf is protected by a password: open it with the password and save or print a copy "
            "without one, then read that"
        )
