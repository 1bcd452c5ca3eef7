"""Format and text-encoding detection for :func:`govdisclosure.read`.

>>> sniff_format("| 一 | 2 |\\n|---|---|")
'markdown'
>>> sniff_format("<TABLE><tr><td>1</td></tr></TABLE>")
'html'
>>> decode("政府信息公开工作年度报告".encode("gb18030"))
('政府信息公开工作年度报告', 'gb18030')
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from typing import Final

__all__ = ["FORMATS", "decode", "format_from_suffix", "sniff_format", "unreadable"]

FORMATS: Final = ("text", "markdown", "html", "pdf", "docx")
_SUFFIXES: Final = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "docx",  # a legacy file then gets the Word reader's "save it as .docx" message
}
_PIPE_SEPARATOR: Final = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*\|", re.MULTILINE)
_HTML: Final = re.compile(r"<\s*(?:table|html|body|tr|td|!doctype)\b", re.IGNORECASE)


def format_from_suffix(name: str) -> str | None:
    """The format a file name's suffix stands for, if it is a known one."""
    dot = name.rfind(".")
    return _SUFFIXES.get(name[dot:].lower()) if dot >= 0 else None


def sniff_format(head: str | bytes) -> str:
    """The format of a document from its content.

    ``%PDF`` → pdf, a zip package with a ``word/`` part → docx, HTML tags → html, pipe tables → markdown.
    """
    if isinstance(head, bytes):
        if head.lstrip()[:5] == b"%PDF-":
            return "pdf"
        if head[:4] == b"PK\x03\x04" and _package(head) == "docx":
            return "docx"
        head = head[:65536].decode("utf-8", "replace")
    if head.lstrip().startswith("%PDF-"):
        return "pdf"
    sample = head[:65536]
    if _HTML.search(sample):
        return "html"
    if _PIPE_SEPARATOR.search(sample):
        return "markdown"
    return "text"


_OLE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: Word 97-2003, WPS, Excel 97-2003
_OLE_KINDS: Final = {
    ".doc": "a legacy Word 97-2003 (.doc) file: open it in Word or LibreOffice and save it as .docx",
    ".dot": "a legacy Word 97-2003 template (.dot): open it in Word or LibreOffice and save it as .docx",
    ".wps": "a WPS Writer (.wps) file: open it in WPS Office or LibreOffice and save it as .docx",
    ".xls": "a legacy Excel 97-2003 (.xls) workbook: save the report as .docx or PDF, or the tables as text",
    ".et": "a WPS spreadsheet (.et): save the report as .docx or PDF, or the tables as text",
}
_ENCRYPTED: Final = "EncryptedPackage".encode("utf-16-le") + bytes(30) + b"\x22\x00"
"""The directory entry of the stream a password-protected .docx/.xlsx keeps: its name in UTF-16, padded to 64
bytes, then the name's length in bytes (34) — an entry, not the word printed in a document's text."""
_IMAGES: Final = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")


def unreadable(head: bytes, name: str | None = None) -> str | None:
    """What a file of a format no reader takes is, and how to make it readable; None for every other file.

    Recognised from the first bytes, whatever the file is called (a ``.docx`` that is really a ``.doc``), with the
    suffix of ``name`` choosing between the kinds of compound file (Word 97-2003, WPS, Excel):

    >>> unreadable(b"\\xd0\\xcf\\x11\\xe0\\xa1\\xb1\\x1a\\xe1" + bytes(100), "年报.wps")
    'a WPS Writer (.wps) file: open it in WPS Office or LibreOffice and save it as .docx'
    >>> unreadable(b"\\x89PNG\\r\\n\\x1a\\n" + bytes(100))
    'an image, not text: its text must be recognised (OCR) before it can be read'
    >>> unreadable(b"<html><body>...") is None
    True
    """
    if head.startswith(_OLE):
        if _ENCRYPTED in head:  # an Office file saved with a password is a compound file holding the package
            return "an Office document protected by a password: open it with the password and save a copy without one"
        dot = name.rfind(".") if name else -1
        kind = _OLE_KINDS.get(name[dot:].lower()) if name and dot >= 0 else None
        return kind or (
            "a legacy Office compound file (a Word 97-2003 .doc, a WPS .wps or an Excel .xls): open it and save "
            "it as .docx"
        )
    if head.startswith(b"PK\x03\x04"):
        kind = _package(head)
        if kind == "ofd":
            return "an OFD document (版式文档): print or export it to PDF and read that"
        if kind == "xlsx":
            return "an Excel workbook: save the report as .docx or PDF, or the tables as text"
        if kind == "zip":
            return "a zip archive, not a report: extract the report's file from it and read that"
    if head.startswith(_IMAGES):
        return "an image, not text: its text must be recognised (OCR) before it can be read"
    if head.lstrip()[:5] == b"{\\rtf":
        return "an RTF document: open it in Word, WPS or LibreOffice and save it as .docx"
    return None


def _package(data: bytes) -> str | None:
    """What a zip file holds: ``docx`` (a Word document), ``xlsx``, ``ofd``, ``zip`` (anything else), or None when
    it cannot be opened as a zip (left to the reader the name or ``format=`` chooses, which says what is wrong;
    ``docx`` when it names Word parts).

    A Word document is told by its content types (``wordprocessingml``), wherever its parts are stored, or, when
    those cannot be read, by a ``word/`` part as Word writes it.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = package.namelist()
            types = package.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError, EOFError):
        return "docx" if b"word/" in data else None  # a damaged Word file: the Word reader says what is wrong
    if b"wordprocessingml" in types or any(name.startswith("word/") for name in names):
        return "docx"
    if b"spreadsheetml" in types or any(name.startswith("xl/") for name in names):
        return "xlsx"
    if "OFD.xml" in names or any(name.startswith("Doc_0/") for name in names):
        return "ofd"
    return "zip"


def decode(data: bytes) -> tuple[str, str]:
    """Bytes as text, and the encoding used: a BOM if present, else UTF-8, else GB18030 (a superset of GBK).

    Bytes that are neither are decoded as UTF-8 with replacement characters (encoding ``utf-8-replace``).
    """
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, "replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        return data.decode("utf-8", "replace"), "utf-8-replace"
