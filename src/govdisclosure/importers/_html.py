"""Read a report published as a web page into a :class:`~govdisclosure.importers._source.SourceDocument`.

The page is decoded (declared charset, else UTF-8, else GB18030), parsed with lxml, stripped of site chrome
(scripts, styles, navigation, footers), and the element holding the report body is found: the deepest element
holding most of the page's running Chinese text (link text excluded) together with every data table. Its
paragraphs become :class:`SourceLine` blocks and its innermost tables become :class:`SourceTable` grids with
rowspan/colspan expanded, interleaved in reading order. Nothing is interpreted: cells keep their printed text,
with whitespace runs collapsed and text split over ``<p>``/``<br>``/``<span>`` pieces joined.
"""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING, Any

from ..errors import MissingDependencyError, ReadError
from ._source import SourceCell, SourceDocument, SourceLine, SourceNote, SourceTable, Where

if TYPE_CHECKING:
    from lxml.etree import _Element as HtmlElement

__all__ = ["read_html"]

_WS = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_TITLE_LIKE = re.compile(r"(政府信息公开|政务公开).{0,12}(年度报告|年报)|年度报告$")
_WESTERN = ("latin", "iso8859", "cp125", "ascii", "mac-roman")  # single-byte charsets (codecs names)
_SITE_SUFFIX = re.compile(r"\s*[_|\uff5c]\s*|\s+[-－—]\s+")

# Elements whose content is never part of a report body.
_DROP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "svg",
        "canvas",
        "audio",
        "video",
        "nav",
        "footer",
        "form",
        "button",
        "select",
        "input",
        "textarea",
        "option",
        "link",
        "meta",
        "map",
        "area",
        "dialog",
    ]
)
# Elements that start a new line of running text (everything else is inline).
_BLOCK = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "section",
        "article",
        "aside",
        "center",
        "main",
        "header",
        "address",
        "figure",
        "figcaption",
        "caption",
        "hr",
        "table",
        "tr",
        "td",
        "th",
        "tbody",
        "thead",
        "tfoot",
        "fieldset",
        "legend",
        "details",
        "summary",
    ]
)
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_MAX_SPAN = 1000


def read_html(data: bytes | str, *, name: str | None = None) -> SourceDocument:
    """Read a web page holding a report: its running text as lines and its data tables as expanded grids.

    ``data`` is the page as bytes (decoded from its ``<meta>`` charset or byte-order mark, else UTF-8, else
    GB18030) or as text. ``name`` (a file name or URL) is used in messages. Raises
    :class:`~govdisclosure.errors.ReadError` when the input is empty or cannot be parsed as HTML at all, and
    :class:`~govdisclosure.errors.MissingDependencyError` when lxml is not installed.

    >>> page = "<p>一、总体情况</p><table><tr><td rowspan='2'>自然人</td><td>1</td></tr><tr><td>2</td></tr></table>"
    >>> doc = read_html(page)
    >>> doc.blocks[0].text
    '一、总体情况'
    >>> [[cell.text for cell in row] for row in doc.blocks[1].rows]
    [['自然人', '1'], ['自然人', '2']]
    """
    try:
        import lxml.etree
    except ImportError as exc:
        raise MissingDependencyError("lxml", "html", "reading HTML") from exc
    label = name or "the HTML input"
    notes: list[SourceNote] = []
    if isinstance(data, bytes | bytearray | memoryview):
        text = _decode(bytes(data), label, notes)
    elif isinstance(data, str):
        text = data
    else:
        raise ReadError(f"{label} must be given as text or bytes to be read as HTML, not {type(data).__name__}")
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        raise ReadError(f"{label} is empty: there is no HTML to read")
    parser = lxml.etree.HTMLParser(remove_comments=True, remove_pis=True)
    try:
        try:
            root = lxml.etree.fromstring(text, parser=parser)
        except ValueError:  # control characters lxml refuses in text input: they are never printed, drop them
            root = lxml.etree.fromstring(_CONTROL.sub("", text), parser=parser)
    except (lxml.etree.LxmlError, ValueError) as exc:
        raise ReadError(f"{label} cannot be parsed as HTML ({exc}); check that the file is a web page") from exc
    if root is None:
        raise ReadError(f"{label} is empty: there is no HTML to read")
    return _Reader(root, name=name, notes=notes).read()


def _decode(raw: bytes, label: str, notes: list[SourceNote]) -> str:
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if raw.startswith(bom):
            return raw[len(bom) :].decode(encoding, errors="replace")
    declared = None
    match = _META_CHARSET.search(raw[:8192])
    if match:
        declared = _canonical_encoding(match.group(1).decode("ascii", errors="replace"))
    if declared and declared.startswith(_WESTERN):  # decodes any bytes: for a Chinese page, a wrong declaration
        candidates = ["utf-8", "gb18030", declared]
    else:
        candidates = [c for c in (declared, "utf-8", "gb18030") if c]
    for encoding in dict.fromkeys(candidates):
        try:
            decoded = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if declared and encoding != declared:
            notes.append(
                SourceNote(
                    code="html-charset-mismatch",
                    message=f"{label} declares charset {declared}, which does not fit its bytes; read as {encoding}",
                )
            )
        return decoded
    notes.append(
        SourceNote(
            code="html-undecodable",
            message=f"{label} is neither valid UTF-8 nor GB18030; undecodable bytes were replaced",
        )
    )
    return raw.decode(declared or "utf-8", errors="replace")


def _canonical_encoding(name: str) -> str | None:
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        return None
    # GB2312 and GBK pages routinely contain characters only GB18030 has; it is a superset of both.
    if canonical in {"gb2312", "gbk", "euc_cn"}:
        return "gb18030"
    return canonical


def _clean(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _join(pieces: list[str]) -> str:
    """Join the text pieces of one cell or paragraph split by layout breaks; no space between CJK neighbours."""
    out = ""
    for piece in pieces:
        if not piece or piece.isspace():
            continue
        piece = _clean(piece)
        if out and (out[-1].isascii() and out[-1].isalnum()) and (piece[0].isascii() and piece[0].isalnum()):
            out += " " + piece
        else:
            out += piece
    return out


_TAGS: dict[str, str] = {}
_HIDDEN = re.compile(r"display\s*:\s*none|mso-hide\s*:\s*all", re.IGNORECASE)


def _tag(element: Any) -> str:
    """The lower-case tag name ("" for comments and the like); Word's ``o:p`` stays ``o:p`` (inline)."""
    tag = element.tag
    if type(tag) is not str:
        return ""
    name = _TAGS.get(tag)
    if name is None:
        name = _TAGS[tag] = tag.lower()
    return name


def _all_text(element: HtmlElement) -> str:
    return "".join(t for t in element.itertext() if isinstance(t, str))


class _Reader:
    def __init__(self, root: HtmlElement, *, name: str | None, notes: list[SourceNote]) -> None:
        self.root = root
        self.name = name
        self.notes = notes
        self.tree = root.getroottree()
        self.blocks: list[SourceLine | SourceTable] = []
        self.pending: list[str] = []
        self.pending_where: str | None = None
        self.pending_kind: str = "text"
        self.block: HtmlElement | None = None

    # -- structure -------------------------------------------------------------------------------------------
    def read(self) -> SourceDocument:
        self.meta_title = self._meta_title()
        self._strip_chrome()
        self.counts = self._count()
        tables = [t for t in self.root.iter("table") if self._is_data_table(t)]
        body = self._find_body(tables)
        title = self._title_outside(body)
        self._walk(body)
        self._flush()
        first = [b.text for b in self.blocks[:3] if isinstance(b, SourceLine)]
        if title and not any(title in text or (len(text) >= 6 and text in title) for text in first):
            self.blocks.insert(0, SourceLine(text=title, kind="heading", where=Where(detail="page title")))
        images = sum(1 for _ in body.iter("img"))
        if images and not any(isinstance(b, SourceTable) for b in self.blocks):
            self.notes.append(
                SourceNote(
                    code="html-image-tables",
                    message=f"no table in the page text, but {images} image(s): the tables may be published as "
                    "images, which need OCR",
                    where=Where(detail=self.tree.getpath(body)),
                )
            )
        return SourceDocument(blocks=tuple(self.blocks), format="html", name=self.name, notes=tuple(self.notes))

    def _strip_chrome(self) -> None:
        import lxml.etree

        lxml.etree.strip_elements(self.root, *_DROP, with_tail=False)

    def _remove_hidden(self, hidden: list[HtmlElement]) -> None:
        for el in hidden:
            parent = el.getparent()
            if parent is None:
                continue
            tail, previous = el.tail, el.getprevious()
            if tail:  # the tail text belongs to the parent: keep it
                if previous is not None:
                    previous.tail = (previous.tail or "") + tail
                else:
                    parent.text = (parent.text or "") + tail
            parent.remove(el)

    def _is_data_table(self, table: HtmlElement) -> bool:
        """A table of figures, not a layout frame: no nested table, several cells, none holding running text."""
        if next(table.iterdescendants("table"), None) is not None:
            return False
        cells = list(table.iter("td", "th"))
        # the weight counts two per Chinese character: a cell of more than 300 characters is a text frame
        return len(cells) > 1 and all(self.counts.get(cell, 0) <= 600 for cell in cells)

    def _count(self) -> dict[HtmlElement, int]:
        """Chinese characters of running text under each element, link and hidden text excluded (one pass).

        Counted as the extra UTF-8 bytes of the text: two per character of the Chinese range, close enough to
        rank elements and much faster than matching every character.
        """
        counts: dict[HtmlElement, int] = {}
        hidden = []
        for el in reversed(list(self.root.iter())):
            if el.tag == "a":
                counts[el] = 0
                continue
            style = el.get("style")
            if style and ("display" in style or "mso-hide" in style or "DISPLAY" in style) and _HIDDEN.search(style):
                counts[el] = 0
                hidden.append(el)
                continue
            text = el.text
            n = len(text.encode("utf-8", "surrogatepass")) - len(text) if text else 0
            for child in el:
                n += counts[child]
                tail = child.tail
                if tail:
                    n += len(tail.encode("utf-8", "surrogatepass")) - len(tail)
            counts[el] = n
        self._remove_hidden(hidden)  # not shown on the page: neither counted nor read
        return counts

    def _find_body(self, tables: list[HtmlElement]) -> HtmlElement:
        counts = self.counts
        body = self.root.find("body")
        node: HtmlElement = body if body is not None else self.root
        total = counts.get(node, 0)
        while total:
            best = max(node, key=lambda c: counts.get(c, 0), default=None)
            if best is None or counts.get(best, 0) < 0.8 * total:
                break
            if not any(c.tag in _BLOCK for c in best):  # a paragraph, not a container of paragraphs
                break
            node = best
        for table in tables:
            if not self._contains(node, table):
                node = self._common_ancestor(node, table)
        return node

    @staticmethod
    def _contains(ancestor: HtmlElement, el: HtmlElement) -> bool:
        node: HtmlElement | None = el
        while node is not None:
            if node is ancestor:
                return True
            node = node.getparent()
        return False

    def _common_ancestor(self, a: HtmlElement, b: HtmlElement) -> HtmlElement:
        chain = set(a.iterancestors())
        chain.add(a)
        node: HtmlElement | None = b
        while node is not None and node not in chain:
            node = node.getparent()
        return node if node is not None else self.root

    def _title_outside(self, body: HtmlElement) -> str | None:
        found: str | None = None
        ancestors = set(body.iterancestors())
        for el in self.root.iter():
            if el is body:
                break
            if el in ancestors or not 8 <= self.counts.get(el, 0) <= 240:
                continue
            tag = _tag(el)
            marker = f"{el.get('class', '')} {el.get('id', '')}".lower()
            if tag in _HEADINGS or "title" in marker or tag in {"p", "div", "span", "strong", "b", "td"}:
                text = _clean(_all_text(el))
                if 6 <= len(text) <= 80 and _TITLE_LIKE.search(text):
                    found = text
        return found or self.meta_title

    def _meta_title(self) -> str | None:
        for meta in self.root.iter("meta"):
            if (meta.get("name") or meta.get("property") or "").lower() in {"articletitle", "og:title"}:
                text = _clean(meta.get("content") or "")
                if _TITLE_LIKE.search(text):
                    return text
        for title in self.root.iter("title"):
            for part in _SITE_SUFFIX.split(_clean(_all_text(title))):
                if _TITLE_LIKE.search(part):
                    return part
        return None

    # -- running text ----------------------------------------------------------------------------------------
    def _flush(self) -> None:
        text = _join(self.pending)
        if text:
            kind: Any = self.pending_kind
            self.blocks.append(SourceLine(text=text, kind=kind, where=Where(detail=self.pending_where)))
        self.pending = []
        self.pending_where = None
        self.pending_kind = "text"

    def _add_text(self, text: str | None, el: HtmlElement) -> None:
        if not text:
            return
        if self.pending_where is None and text.strip():
            self.pending_where = self.tree.getpath(self.block if self.block is not None else el)
        if self.pending:
            self.pending[-1] += text
        else:
            self.pending.append(text)

    def _walk(self, el: HtmlElement) -> None:
        tag = _tag(el)
        if tag == "table" and self._is_data_table(el):
            self._flush()
            self._table(el)
            return
        block = tag in _BLOCK
        if block or tag == "br":
            self._flush()
        if block:
            self.block = el
        if tag in _HEADINGS:
            self.pending_kind = "heading"
        self._add_text(el.text, el)
        for child in el:
            self._walk(child)
            self._add_text(child.tail, el)
        if block:
            self._flush()

    # -- tables ----------------------------------------------------------------------------------------------
    def _cell_text(self, cell: HtmlElement) -> str:
        if not len(cell):
            return _clean(cell.text or "")
        pieces: list[str] = [cell.text or ""]

        def visit(node: HtmlElement) -> None:
            tag = node.tag
            breaks = tag in _BLOCK or tag == "br"
            if breaks:
                pieces.append(node.text or "")
            elif node.text:
                pieces[-1] += node.text
            for child in node:
                visit(child)
            if breaks:
                pieces.append(node.tail or "")
            elif node.tail:
                pieces[-1] += node.tail

        for child in cell:
            visit(child)
        return _join(pieces)

    def _table(self, table: HtmlElement) -> None:
        index = sum(1 for b in self.blocks if isinstance(b, SourceTable))
        table_path = self.tree.getpath(table)
        rows = list(table.iter("tr"))  # a data table has no nested table: every row is its own
        grid: dict[tuple[int, int], SourceCell] = {}
        overruns = overlaps = 0
        for r, tr in enumerate(rows):
            c = 0
            for td in tr:
                if td.tag != "td" and td.tag != "th":
                    continue
                while (r, c) in grid:
                    c += 1
                rowspan = colspan = 1
                if td.attrib:
                    asked = td.get("rowspan")
                    rowspan = _span(asked, len(rows) - r)
                    colspan = _span(td.get("colspan"), _MAX_SPAN)
                    if asked is not None and rowspan < _span(asked, _MAX_SPAN):
                        overruns += 1
                text = self._cell_text(td)
                # every position of a spanning cell points at the printed cell (its top-left position)
                where = Where(table=index, row=r, col=c, detail=self.tree.getpath(td))
                origin = SourceCell(text=text, where=where, rowspan=rowspan, colspan=colspan)
                covered = (
                    SourceCell(text=text, where=where, rowspan=rowspan, colspan=colspan, spanned=True)
                    if rowspan > 1 or colspan > 1
                    else origin
                )
                for dr in range(rowspan):
                    for dc in range(colspan):
                        if (r + dr, c + dc) in grid:  # overlapping spans: the earlier cell wins
                            overlaps += 1
                        else:
                            grid[(r + dr, c + dc)] = covered if dr or dc else origin
                c += colspan
        if not grid:
            return
        height = max(r for r, _ in grid) + 1
        width = max(c for _, c in grid) + 1
        if height * width == 1:  # a one-cell box is a frame around text, not a table
            self.blocks.append(SourceLine(text=grid[(0, 0)].text, where=Where(detail=table_path)))
            return
        padded: list[int] = []
        out: list[tuple[SourceCell, ...]] = []
        blank = SourceCell(text="", where=Where(table=index, detail="padding"))
        for r in range(height):
            row: list[SourceCell] = []
            for c in range(width):
                cell = grid.get((r, c))
                if cell is None:
                    cell = blank
                    if not padded or padded[-1] != r:
                        padded.append(r)
                row.append(cell)
            out.append(tuple(row))
        where = Where(table=index, detail=table_path)
        if padded:
            listed = ", ".join(str(r + 1) for r in padded[:10]) + (", …" if len(padded) > 10 else "")
            self.notes.append(
                SourceNote(
                    code="html-ragged-rows",
                    message=f"table {index + 1}: rows {listed} have fewer cells than the widest row ({width}); "
                    "padded with empty cells",
                    severity="info",
                    where=where,
                )
            )
        if overruns:
            self.notes.append(
                SourceNote(
                    code="html-span-overrun",
                    message=f"table {index + 1}: {overruns} cell(s) span more rows than the table has; cut at its end",
                    severity="info",
                    where=where,
                )
            )
        if overlaps:
            self.notes.append(
                SourceNote(
                    code="html-overlapping-spans",
                    message=f"table {index + 1}: spanning cells overlap in {overlaps} position(s); "
                    "the cell printed first is kept there",
                    where=where,
                )
            )
        self.blocks.append(SourceTable(rows=tuple(out), where=where))


def _span(value: str | None, limit: int) -> int:
    """A rowspan/colspan attribute as a count in 1..limit (0 or garbage: 1; 0 for rowspan means 'to the end')."""
    if value is None:
        return 1
    match = re.match(r"\s*(\d+)", value)
    if not match:
        return 1
    n = int(match.group(1)[:6])
    if n == 0:
        return max(limit, 1) if limit < _MAX_SPAN else 1
    return max(1, min(n, limit))
