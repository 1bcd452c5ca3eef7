"""Format and encoding detection."""

from __future__ import annotations

import codecs

import pytest

from govdisclosure.importers._detect import decode, format_from_suffix, sniff_format, unreadable


class TestFormat:
    """Suffix first, then content."""

    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("a.PDF", "pdf"),
            ("b.htm", "html"),
            ("c.md", "markdown"),
            ("d.txt", "text"),
            ("e.docx", "docx"),
            ("g.DOC", "docx"),
            ("f", None),
        ],
    )
    def test_suffix(self, name: str, expected: str | None) -> None:
        """Known suffixes, case-insensitive."""
        assert format_from_suffix(name) == expected

    @pytest.mark.parametrize(
        ("head", "expected"),
        [
            (b"%PDF-1.7\n", "pdf"),
            (b"PK\x03\x04\x14\x00\x00\x00[Content_Types].xml...word/document.xml", "docx"),
            (b"PK\x03\x04\x14\x00\x00\x00xl/workbook.xml", "text"),
            ("<html><body>x</body></html>", "html"),
            ("正文<table><tr><td>1</td></tr></table>", "html"),
            ("| a | b |\n|---|---|\n| 1 | 2 |", "markdown"),
            ("一、总体情况\n规章\t0\t0", "text"),
        ],
    )
    def test_content(self, head: str | bytes, expected: str) -> None:
        """%PDF, a Word package, HTML tags, pipe tables, else text."""
        assert sniff_format(head) == expected


class TestDecode:
    """UTF-8, GB18030, BOMs."""

    def test_utf8_and_bom(self) -> None:
        """UTF-8 with or without a BOM."""
        assert decode("年度报告".encode()) == ("年度报告", "utf-8")
        assert decode(codecs.BOM_UTF8 + "年度报告".encode()) == ("年度报告", "utf-8-sig")
        assert decode("年度报告".encode("utf-16")) == ("年度报告", "utf-16")

    def test_gbk(self) -> None:
        """GBK/GB18030 bytes are recognised."""
        assert decode("政府信息公开工作年度报告".encode("gbk")) == ("政府信息公开工作年度报告", "gb18030")

    def test_undecodable(self) -> None:
        """Bytes that are neither are decoded with replacement characters."""
        text, encoding = decode(b"\x81\x30\xff\xfe\x00")
        assert encoding == "utf-8-replace"
        assert "\ufffd" in text


ENCRYPTED_ENTRY = "EncryptedPackage".encode("utf-16-le") + bytes(30) + b"\x22\x00" + bytes(62)
"""The directory entry of the stream of a password-protected .docx (the word alone, in a .doc's text, is not one)."""


class TestUnreadable:
    """Formats no reader takes, told apart from the ones a reader does."""

    @pytest.mark.parametrize(
        ("head", "name", "starts"),
        [
            (bytes.fromhex("d0cf11e0a1b11ae1"), "a.doc", "a legacy Word 97-2003 (.doc) file"),
            (bytes.fromhex("d0cf11e0a1b11ae1"), "A.XLS", "a legacy Excel 97-2003 (.xls) workbook"),
            (bytes.fromhex("d0cf11e0a1b11ae1"), "a.et", "a WPS spreadsheet (.et)"),
            (bytes.fromhex("d0cf11e0a1b11ae1"), None, "a legacy Office compound file"),
            (bytes.fromhex("d0cf11e0a1b11ae1") + ENCRYPTED_ENTRY, "a.docx", "an Office document protected"),
            (bytes.fromhex("d0cf11e0a1b11ae1") + "EncryptedPackage".encode("utf-16-le"), "a.doc", "a legacy Word"),
            (b"GIF89a....", None, "an image"),
            (b"II*\x00....", "scan.tif", "an image"),
            (b"  {\\rtf1", None, "an RTF document"),
        ],
    )
    def test_named(self, head: bytes, name: str | None, starts: str) -> None:
        found = unreadable(head + bytes(32), name)
        assert found is not None
        assert found.startswith(starts)

    @pytest.mark.parametrize(
        "head",
        [b"%PDF-1.7", b"PK\x03\x04....word/document.xml", b"<html>", "一、总体情况".encode(), b'{"edition": 1}', b""],
    )
    def test_readable_formats_are_not(self, head: bytes) -> None:
        assert unreadable(head, "x.bin") is None


class TestPackages:
    """Zip files told apart by what they hold, not by a part's folder name."""

    @staticmethod
    def package(parts: dict[str, str]) -> bytes:
        import io
        import zipfile

        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
            for name, text in parts.items():
                out.writestr(name, text)
        return buffer.getvalue()

    def test_a_word_document_with_its_parts_elsewhere_is_word(self) -> None:
        main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
        types = f'<Types><Override PartName="/doc/main.xml" ContentType="{main}"/></Types>'
        data = self.package({"[Content_Types].xml": types, "doc/main.xml": "<w/>"})
        assert sniff_format(data) == "docx"
        assert unreadable(data, "a.docx") is None

    def test_a_damaged_word_file_goes_to_the_word_reader(self) -> None:
        data = self.package({"word/document.xml": "<w/>"})[:-30]  # the central directory cut off
        assert unreadable(data, "a.docx") is None
        assert sniff_format(data) == "docx"
