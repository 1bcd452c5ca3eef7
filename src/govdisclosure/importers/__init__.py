"""Reading published reports: text, Markdown, HTML, PDF and Word into a :class:`~govdisclosure.Report`.

:func:`read` detects the format and the text encoding, hands the document to a format reader (which only finds
lines and table cells) and then to one shared assembler (which recognises labels, reads numbers, repairs what can
be repaired with certainty and notes everything it did). The result carries the report, the notes and, for every
cell, the text it was read from and where.

>>> result = read("某县2024年政府信息公开工作年度报告\\n一、本年新收政府信息公开申请数量\\t3\\t0\\t0\\t0\\t0\\t0\\t3")
>>> result.report.applications.new_received.total, result.provenance["applications.new_received.total"].text
(3, '3')
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from ..errors import MissingDependencyError, ReadError
from ._assemble import assemble
from ._detect import FORMATS, decode, format_from_suffix, sniff_format, unreadable
from ._result import CellOrigin, ImportResult, Note
from ._source import SourceCell, SourceDocument, SourceLine, SourceNote, SourceTable, Where
from ._text import read_markdown, read_text

__all__ = [
    "CellOrigin",
    "ImportResult",
    "Note",
    "SourceCell",
    "SourceDocument",
    "SourceLine",
    "SourceNote",
    "SourceTable",
    "Where",
    "assemble",
    "read",
]

Format = Literal["auto", "text", "markdown", "html", "pdf", "docx"]


def _load(source: str | bytes | os.PathLike[str], name: str | None) -> tuple[str | bytes, str | None, str | None]:
    """(content, name, format from the suffix)."""
    if isinstance(source, os.PathLike) or (
        isinstance(source, str) and "\n" not in source and len(source) < 4096 and _is_file(source)
    ):
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ReadError(f"cannot read {path}: {exc.strerror or exc}") from None
        return data, name or path.name, format_from_suffix(path.name)
    if isinstance(source, str) and _looks_like_path(source):
        raise ReadError(f"cannot read {source}: no such file; check the path")
    if isinstance(source, str | bytes):
        return source, name, format_from_suffix(name) if name else None
    raise TypeError(f"read() expects a path, bytes or text, got {type(source).__name__}")


def _looks_like_path(text: str) -> bool:
    """A one-line text that names a file rather than holding a report: a known suffix or a path separator."""
    if "\n" in text or len(text) >= 4096:
        return False
    stripped = text.strip()
    if not stripped or "\t" in stripped or "<" in stripped:  # a table row or markup is text, not a path
        return False
    if format_from_suffix(stripped) is not None:
        return True
    separator = "/" in stripped or os.sep in stripped
    return separator and len(stripped) < 260 and not any(ch.isspace() or ch in "。，；：" for ch in stripped)


def _is_file(text: str) -> bool:
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


def read(
    source: str | bytes | os.PathLike[str], *, format: Format | str = "auto", name: str | None = None
) -> ImportResult:
    """Read a published annual report and return the report with notes and provenance.

    ``source`` is a path (``str`` or path-like), the file's bytes, or its text (a ``str`` that is not the path of
    an existing file). ``format`` is detected when ``"auto"``: from the file suffix, else from the content
    (``%PDF``, a Word package, HTML tags, Markdown pipe tables, else plain text). A one-line ``str`` that looks
    like a path (a known suffix or a path separator) but names no file is a :class:`ReadError`, not report
    text. Text bytes are decoded as UTF-8 or GB18030 (a BOM is honoured); HTML bytes go to the HTML reader,
    which honours a declared charset.
    ``name`` (a file name or URL) is recorded as the report's ``source``.

    Raises :class:`~govdisclosure.errors.ReadError` (a :class:`ValueError`) for an unknown ``format`` and when
    the source cannot be read as a report at all (empty, not a report, the pre-2019 outline, a PDF without a text
    layer, a file of a format no reader takes: a legacy Word or WPS file, an image, an OFD or RTF document, which
    the message names with the way to make it readable), and
    :class:`~govdisclosure.errors.MissingDependencyError` when HTML, PDF or Word support is not installed.
    """
    content, name, suffix_format = _load(source, name)
    if isinstance(content, str) and content.startswith("\ufeff"):  # a byte-order mark left on decoded text
        content = content[1:]
    if isinstance(content, bytes):
        kind = unreadable(content, name)
        if kind is not None:  # whatever format= says: no reader can take it
            raise ReadError(f"{name or 'the input'} is {kind}")
    fmt: str = format
    if fmt == "auto":
        fmt = suffix_format or sniff_format(content if isinstance(content, bytes) else content[:65536])
    if fmt not in FORMATS:
        accepted = ", ".join(("auto", *FORMATS))
        raise ReadError(f"unknown format {format!r}: format= accepts {accepted}")
    if fmt == "pdf":
        if isinstance(content, str):
            raise ReadError("a PDF must be given as a path or as bytes, not as text")
        try:
            from ._pdf import read_pdf
        except ImportError as exc:
            raise MissingDependencyError("pypdfium2", "pdf", "reading PDF") from exc
        doc = read_pdf(content, name=name)
    elif fmt == "docx":
        if isinstance(content, str):
            raise ReadError("a Word document must be given as a path or as bytes, not as text")
        from ._docx import read_docx  # raises MissingDependencyError itself when python-docx is missing

        doc = read_docx(content, name=name)
    elif fmt == "html":
        try:
            from ._html import read_html
        except ImportError as exc:
            raise MissingDependencyError("lxml", "html", "reading HTML") from exc
        doc = read_html(content, name=name)  # bytes go as they are: the page may declare its charset
    else:
        notes: list[SourceNote] = []
        if isinstance(content, bytes):
            text, encoding = decode(content)
            if encoding == "utf-8-replace":
                notes.append(
                    SourceNote("encoding", "the bytes are neither UTF-8 nor GB18030: undecodable bytes replaced")
                )
        else:
            text = content
        doc = read_markdown(text, name=name) if fmt == "markdown" else read_text(text, name=name)
        if notes:
            doc = SourceDocument(doc.blocks, doc.format, doc.name, (*notes, *doc.notes))
    return assemble(doc)
