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
import re
from typing import Final

__all__ = ["FORMATS", "decode", "format_from_suffix", "sniff_format"]

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
        if head[:4] == b"PK\x03\x04" and b"word/" in head:
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
