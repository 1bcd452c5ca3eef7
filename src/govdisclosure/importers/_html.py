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
from itertools import repeat
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import urlsplit

from ..errors import MissingDependencyError, ReadError
from ._meta import find_published
from ._source import (
    SourceCell,
    SourceDocument,
    SourceLine,
    SourceNote,
    SourceTable,
    Where,
    grid_cell,
    grid_where,
    table_cell,
)

if TYPE_CHECKING:
    from lxml.etree import _Element as HtmlElement

__all__ = ["read_html"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_TITLE_LIKE = re.compile(r"(政府信息公开|政务公开).{0,12}(年度报告|年报)|年度报告$")
_WESTERN = ("latin", "iso8859", "cp125", "ascii", "mac-roman")  # single-byte charsets (codecs names)
# codecs in which ASCII text may not be the same ASCII bytes (codecs names)
_NOT_ASCII_SAFE = ("utf-16", "utf_16", "utf-32", "utf_32", "utf-7", "utf_7", "iso2022", "hz")
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
_BREAKS = _BLOCK | {"br"}  # elements that split the text of a table cell
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_TITLE_TAGS = _HEADINGS | {"p", "div", "span", "strong", "b", "td"}  # where a page prints its title
_MAX_SPAN = 1000
_OWN_TEXT = 16  # weight (two per Chinese character) of text beside its tables that makes an element the body


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
    hiding_words: int | None = None
    if isinstance(data, bytes | bytearray | memoryview):
        raw = bytes(data)
        text, encoding = _decode(raw, label, notes)
        if not encoding.startswith(_NOT_ASCII_SAFE):  # ASCII text is the same ASCII bytes: count those, faster
            hiding_words = sum(len(word.findall(raw)) for word in _HIDING_BYTES)
    elif isinstance(data, str):
        text = data
    else:
        raise ReadError(f"{label} must be given as text or bytes to be read as HTML, not {type(data).__name__}")
    text = _XML_DECL.sub("", text, count=1)
    if not text or text.isspace():  # not text.strip(), which copies the page
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
    if hiding_words is None:
        hiding_words = _hiding_words(text)
    doc = _Reader(root, name=name, notes=notes, hiding_words=hiding_words).read()
    if not doc.blocks:
        _explain_no_text(text, label)
    if not any(isinstance(block, SourceTable) for block in doc.blocks):
        found = _elsewhere(text, sum(len(b.text) for b in doc.blocks if isinstance(b, SourceLine)))
        if found:
            doc = SourceDocument(doc.blocks, doc.format, doc.name, (*doc.notes, *found))
    return doc


def _next_text(el: HtmlElement, tail: bool) -> str:
    """The text that follows ``el``'s text (or its tail) in reading order: its tail (or the next element), or ""."""
    if not tail:
        if el.tail:
            return el.tail
        following = el.getnext()
        return _all_text(following) if following is not None and type(following.tag) is str else ""
    following = el.getnext()
    return _all_text(following) if following is not None else ""


def _text_order(text: tuple[HtmlElement, bool, str]) -> tuple[float, ...]:
    """A sort key putting an element's text (``tail`` False) or tail (True) in document order.

    The key is the element's position as child indices from the root, then -1 for its text (before any child)
    or, for its tail, its own index plus a half (after its subtree, before its next sibling).
    """
    el, tail, _ = text
    steps: list[float] = []
    node = el
    parent = node.getparent()
    while parent is not None:
        steps.append(parent.index(node))
        node, parent = parent, parent.getparent()
    steps.reverse()
    if not tail:
        steps.append(-1)
    elif steps:
        steps[-1] += 0.5
    else:  # the tail of the root
        steps.append(0.5)
    return tuple(steps)


_TAG: Final = re.compile(r"<[^>]*>")
_OPEN_TAG: Final = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)")
_SCRIPT: Final = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


_ATTACHED: Final = (".pdf", ".doc", ".docx", ".wps", ".xls", ".xlsx", ".et", ".ofd", ".zip", ".rar")
"""Suffixes of the files a page may attach its report as."""
_LITTLE_TEXT = 300  # characters: a page holding less has no report in its own text


def _elsewhere(text: str, read: int) -> list[SourceNote]:
    """Where the report of a page without tables may be instead: attached files it links to, pages it shows in
    frames, or content its scripts load (a page holding little text and scripts).

    Looked for only when the page gave no table, in a fresh parse of the page (the one read has lost its frames
    and scripts), so a page read normally pays nothing for it. The assembler names these in its refusal; a page
    whose report is read from its text does not get them.
    """
    import lxml.etree

    try:
        root = lxml.etree.fromstring(
            _CONTROL.sub("", text), parser=lxml.etree.HTMLParser(remove_comments=True, remove_pis=True)
        )
    except (lxml.etree.LxmlError, ValueError):
        return []
    if root is None:
        return []
    notes: list[SourceNote] = []
    links: list[tuple[bool, str, str]] = []  # (names no report?, text, address)
    for link in root.iter("a"):
        href = (link.get("href") or "").strip()
        try:
            path = urlsplit(href).path.lower()
        except ValueError:  # not an address (an unclosed [ taken for an IPv6 host)
            continue
        if path.endswith(_ATTACHED):
            inner = _clean(_all_text(link))
            links.append((not any(word in inner + href for word in ("报告", "年报")), inner, href))
    if links:
        links.sort(key=lambda found: found[0])  # stable: those naming a report first, in page order
        shown = ", ".join(f"{inner[:40]} ({href})" if inner else href for _, inner, href in links[:3])
        more = f" and {len(links) - 3} more" if len(links) > 3 else ""
        notes.append(
            SourceNote(
                code="html-attachment",
                message=f"the page links to {len(links)} attached file(s) that may hold the report: {shown}{more}; "
                "download the report's file and read that",
                severity="info",
            )
        )
    frames = [
        address.strip()
        for el in root.iter("iframe", "frame", "embed", "object")
        if (address := el.get("data" if el.tag == "object" else "src")) and address.strip()
    ]
    if frames:
        shown = ", ".join(frames[:3]) + (f" and {len(frames) - 3} more" if len(frames) > 3 else "")
        notes.append(
            SourceNote(
                code="html-frame",
                message=f"the page shows other content in frames ({shown}); read the framed page",
                severity="info",
            )
        )
    scripts = sum(1 for _ in root.iter("script"))
    if scripts and read < _LITTLE_TEXT and not links and not frames:
        notes.append(
            SourceNote(
                code="html-scripted",
                message=f"the page holds {read} characters of text and {scripts} script(s): its content is "
                "probably loaded by JavaScript; save the page from a browser once it has loaded, and read that",
                severity="info",
            )
        )
    return notes


def _explain_no_text(text: str, label: str) -> None:
    """Raise a ReadError saying why a page with text outside its tags gave none (nesting beyond lxml's limit)."""
    tags = _OPEN_TAG.findall(text)
    if len(tags) <= 255:  # too few to reach the parser's depth limit: the page really has nothing to read
        return
    outside = len("".join(_TAG.sub("", _SCRIPT.sub("", text)).split()))
    if not outside:
        return
    most = max(set(tags), key=tags.count) if tags else "?"
    raise ReadError(
        f"{label} has {outside} characters of text but none could be read: its {len(tags)} tags (the most, "
        f"{tags.count(most)} <{most}>) nest deeper than the HTML parser follows (255 levels); save the page as "
        "text and read that"
    )


def _decode(raw: bytes, label: str, notes: list[SourceNote]) -> tuple[str, str]:
    """The page as text, and the encoding it was decoded with."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if raw.startswith(bom):
            return raw[len(bom) :].decode(encoding, errors="replace"), encoding
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
        return decoded, encoding
    notes.append(
        SourceNote(
            code="html-undecodable",
            message=f"{label} is neither valid UTF-8 nor GB18030; undecodable bytes were replaced",
        )
    )
    return raw.decode(declared or "utf-8", errors="replace"), declared or "utf-8"


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
    """Whitespace runs (Unicode whitespace, as ``\\s``) collapsed to one space, ends stripped."""
    return " ".join(text.split())


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
_HIDING = ("display", "DISPLAY", "mso-hide")  # a style hides an element only if it holds one of these
# The same words, searched in the page's bytes: on pages of many kilobytes, re's literal search is faster than
# bytes.count (which switches to a slower algorithm for long haystacks).
_HIDING_BYTES: Final = tuple(re.compile(re.escape(word.encode())) for word in _HIDING)


def _hiding_words(text: str) -> int:
    """How often the words a hiding style needs occur in ``text`` (the page: an upper bound for its styles)."""
    return sum(text.count(word) for word in _HIDING)


def _tag(element: Any) -> str:
    """The lower-case tag name ("" for comments and the like); Word's ``o:p`` stays ``o:p`` (inline)."""
    tag = element.tag
    if type(tag) is not str:
        return ""
    name = _TAGS.get(tag)
    if name is None:
        name = _TAGS[tag] = tag.lower()
    return name


def _breaks_below(element: HtmlElement) -> bool:
    """True when an element splitting text (a block element or ``<br>``) is below ``element``.

    Looked for under each cell, stopping at the first break: cells hold a handful of elements, and this is cheaper
    than marking the ancestors of every break of the table in one pass (measured on pages saved by Word, where
    every cell is a ``<p>`` of ``<span>`` elements). A plain loop, as ``any()`` over a generator is slower.
    """
    for node in element.iterdescendants():  # noqa: SIM110
        if node.tag in _BREAKS:
            return True
    return False


def _all_text(element: HtmlElement) -> str:
    return "".join(t for t in element.itertext() if isinstance(t, str))


class _Reader:
    def __init__(
        self, root: HtmlElement, *, name: str | None, notes: list[SourceNote], hiding_words: int | None = None
    ) -> None:
        import lxml.etree

        self.tostring = lxml.etree.tostring
        self.root = root
        self.hiding_words = hiding_words  # None: unknown, check every style
        self.name = name
        self.notes = notes
        self.tree = root.getroottree()
        self.blocks: list[SourceLine | SourceTable] = []
        self.pending: list[str] = []
        self.pending_where: str | None = None
        self.pending_kind: str = "text"
        self.block: HtmlElement | None = None
        self.tables = 0  # tables added to the blocks so far
        self.data_tables: set[HtmlElement] = set()
        self.weights: dict[HtmlElement, int] = {}
        self.paths: dict[HtmlElement, str] = {}  # XPaths worked out so far (see _path)
        self.dated: list[tuple[HtmlElement, bool, str]] = []  # (element, its tail?, text): texts with 时间/日期

    def _text(self, element: HtmlElement) -> str:
        """All text under ``element`` (its tail excluded), in document order, gathered by lxml in one call."""
        return self.tostring(element, method="text", encoding=str, with_tail=False)

    # -- structure -------------------------------------------------------------------------------------------
    def read(self) -> SourceDocument:
        self.meta_title = self._meta_title()
        self._remove_hidden(self._hidden())  # not shown on the page: neither weighed nor read
        self._strip_chrome()
        self._weigh()
        tables = [t for t in self.root.iter("table") if self._is_data_table(t)]
        self.data_tables = set(tables)
        body = self._find_body(tables)
        title = self._title_outside(body)
        self._walk(body)
        self._flush()
        first = [b.text for b in self.blocks[:3] if isinstance(b, SourceLine)]
        if title and not any(title in text or (len(text) >= 6 and text in title) for text in first):
            self.blocks.insert(0, SourceLine(text=title, kind="heading", where=Where(detail="page title")))
        self._page_date()
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

    def _page_date(self) -> None:
        """Keep the page's publication date (``时间：2023-02-20 15:07`` in the article bar) as a line under the title.

        The article bar is page chrome and is not read as text; the first ``时间：``/``发布日期：``… of the page
        is added as ``发布时间：YYYY-MM-DD`` unless the text read already states a date that way. The texts holding
        时间 or 日期 were noted by :meth:`_weigh`; the first 20 of them in document order are tried, each with the
        text that follows it.
        """
        if not self.dated or any(isinstance(b, SourceLine) and find_published(b.text) for b in self.blocks[:12]):
            return
        found = sorted(self.dated, key=_text_order)[:20]
        # the label and the date may be separate texts (<span>时间：</span>2023-02-20): each with the next
        candidates = (text + _next_text(el, tail) for el, tail, text in found)
        date = next((d for d in map(find_published, candidates) if d is not None), None)
        if date is not None:
            at = 1 if self.blocks and isinstance(self.blocks[0], SourceLine) else 0
            line = SourceLine(text=f"发布时间：{date.isoformat()}", where=Where(detail="page header"))
            self.blocks.insert(at, line)

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
        return len(cells) > 1 and max(map(self.weights.get, cells, repeat(0))) <= 600

    def _hidden(self) -> list[HtmlElement]:
        """Elements whose style hides them (``display:none``, Word's ``mso-hide:all``), in document order.

        The walk stops once the styles seen hold every occurrence of the words a hiding style needs that the page
        text has (``hiding_words``): on most pages that is at once, or early in the site header.
        """
        hidden: list[HtmlElement] = []
        left = self.hiding_words
        if left == 0:
            return hidden
        for el in self.root.iter():
            style = el.get("style")
            if not style:
                continue
            words = _hiding_words(style)
            if not words:
                continue
            if _HIDDEN.search(style):
                hidden.append(el)
            if left is not None:
                left -= words
                if left <= 0:
                    break
        return hidden

    def _weigh(self) -> None:
        """Chinese characters of running text under each element, link text excluded (one pass).

        Counted as the extra UTF-8 bytes of the text: two per character of the Chinese range, close enough to
        rank elements and much faster than matching every character. Elements are visited children first
        (reverse document order); each adds its weight and its tail's to its parent's running total. ASCII texts
        (most are whitespace between tags) weigh nothing and are not encoded, and a zero is not passed up.

        The same pass notes the texts holding 时间 or 日期 (for :meth:`_page_date`): every text is at hand here,
        which is much cheaper than an XPath over the page's text nodes afterwards.
        """
        weights = self.weights
        dated = self.dated
        below: dict[HtmlElement, int] = {}  # weight of the children (and their tails) seen so far
        take_below = below.pop
        for el in reversed(list(self.root.iter())):
            n = take_below(el, 0)
            text = el.text
            if text and not text.isascii():
                if "时间" in text or "日期" in text:
                    dated.append((el, False, text))
                n += len(text.encode("utf-8", "surrogatepass")) - len(text)
            if n and el.tag == "a":
                n = 0
            weights[el] = n  # zeros too: the dictionary keeps every element's proxy alive for the later passes
            tail = el.tail
            if tail and not tail.isascii():
                if "时间" in tail or "日期" in tail:
                    dated.append((el, True, tail))
                n += len(tail.encode("utf-8", "surrogatepass")) - len(tail)
            if n:
                parent = el.getparent()
                if parent is not None:
                    below[parent] = below.get(parent, 0) + n

    def _weight(self, el: HtmlElement) -> int:
        return self.weights.get(el, 0)

    def _find_body(self, tables: list[HtmlElement]) -> HtmlElement:
        """The element holding the report: from ``<body>`` down, the child holding most of the page's text while
        it holds 80 % of it, then widened to hold every data table.

        A data table is never the body, and neither is an element holding nothing but data tables (a wrapper
        around the only table of a page whose title and headings are printed beside it): the body is then widened
        to the nearest element holding some text of its own beside its tables.
        """
        weight = self._weight
        body = self.root.find("body")
        top: HtmlElement = body if body is not None else self.root
        node = top
        total = weight(node)
        while total:
            best = max(node, key=weight, default=None)
            if best is None or weight(best) < 0.8 * total or best in self.data_tables:
                break
            if not any(c.tag in _BLOCK for c in best):  # a paragraph, not a container of paragraphs
                break
            node = best
        if node is not top and tables:
            in_tables: dict[HtmlElement, int] = {}  # weight of the data tables under each element
            for table in tables:
                for ancestor in table.iterancestors():
                    in_tables[ancestor] = in_tables.get(ancestor, 0) + weight(table)
            while node is not top and weight(node) - in_tables.get(node, 0) < _OWN_TEXT:
                parent = node.getparent()
                if parent is None:
                    break
                node = parent
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
        """The last title-like text printed before ``body`` (in the page header), else the ``<meta>``/``<title>`` one.

        The elements before ``body`` are looked at from the nearest backwards, so the first title found is the one
        wanted: the nearest preceding siblings of ``body`` (each subtree from its end), then those of its parent,
        and so on up (the ancestors themselves hold ``body`` and are never a title).
        """
        weights = self.weights
        for node in (body, *body.iterancestors()):
            for sibling in node.itersiblings(preceding=True):
                for el in reversed(list(sibling.iter())):
                    if not 8 <= weights.get(el, 0) <= 240:
                        continue
                    tag = _tag(el)
                    if (
                        tag in _TITLE_TAGS
                        or "title" in el.get("class", "").lower()
                        or "title" in el.get("id", "").lower()
                    ):
                        text = _clean(self._text(el))
                        if 6 <= len(text) <= 80 and _TITLE_LIKE.search(text):
                            return text
        return self.meta_title

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
            self.pending_where = self._path(self.block if self.block is not None else el)
        if self.pending:
            self.pending[-1] += text
        else:
            self.pending.append(text)

    def _walk(self, el: HtmlElement) -> None:
        tag = _tag(el)
        if tag == "table" and el in self.data_tables:
            self._flush()
            self._table(el)
            return
        block = tag in _BLOCK
        if block or tag == "br":
            self._flush()
        outer = self.block
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
            self.block = outer  # text after this block (its tail) is its parent's

    # -- tables ----------------------------------------------------------------------------------------------
    def _cell_text(self, cell: HtmlElement) -> str:
        """The text of a cell with child elements (a cell without any is read by :meth:`_table` itself)."""
        if len(cell) == 1:
            only = cell[0]
            if only.tag in _BLOCK:  # the usual <td><p>…</p></td>, when nothing but blanks is around the <p>
                text, tail = cell.text, only.tail
                if (not text or text.isspace()) and (not tail or tail.isspace()):
                    if not len(only):
                        text = only.text
                        return " ".join(text.split()) if text else ""
                    if not _breaks_below(only):  # the paragraph holds inline markup only (<span>s): its text
                        return " ".join(self._text(only).split())
        if not _breaks_below(cell):  # inline markup only: one piece of text
            return " ".join(self._text(cell).split())
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

    def _path(self, el: HtmlElement) -> str:
        """``getpath(el)``, built from its parent's XPath and kept for the page read (getpath is slow on deep pages,
        scanning the siblings at every level). The paths of all of its siblings are set at once."""
        paths = self.paths
        path = paths.get(el)
        if path is None:
            parent = el.getparent()
            if parent is None:  # the root
                return self.tree.getpath(el)
            siblings = list(parent)
            base = self._path(parent)
            for child, child_path in zip(siblings, _sibling_paths([s.tag for s in siblings], base), strict=True):
                paths[child] = child_path
            path = paths[el]
        return path

    def _place_span(
        self,
        grid: list[list[SourceCell | None]],
        filled: list[int],
        r: int,
        c: int,
        text: str,
        path: str,
        rowspan: int,
        colspan: int,
    ) -> int:
        """Put a spanning cell at every position it covers; the number of positions already taken (overlaps).

        Every position points at the printed cell: the top-left one as printed, the others as ``spanned``.
        """
        where = grid_where(self.tables, r, c, path)
        origin = grid_cell(text, where, rowspan, colspan, False)
        covered = grid_cell(text, where, rowspan, colspan, True)
        overlaps = 0
        for dr in range(rowspan):
            target = grid[r + dr]
            if len(target) < c + colspan:
                target.extend([None] * (c + colspan - len(target)))
            for dc in range(colspan):
                if target[c + dc] is not None:  # overlapping spans: the earlier cell wins
                    overlaps += 1
                else:
                    target[c + dc] = covered if dr or dc else origin
                    filled[r + dr] += 1
        return overlaps

    def _table(self, table: HtmlElement) -> None:
        index = self.tables
        table_path = self._path(table)
        rows = list(table.iter("tr"))  # a data table has no nested table: every row is its own
        nrows = len(rows)
        # grid[r][c]: the cell at each position of the expanded grid (None where nothing is printed yet)
        grid: list[list[SourceCell | None]] = [[] for _ in range(nrows)]
        filled = [0] * nrows  # positions of each row holding a cell (rows are compared by count, not by cell)
        overruns = overlaps = 0
        cell_text = self._cell_text
        for r, tr in enumerate(rows):
            children = list(tr)
            tags = [child.tag for child in children]
            if "td" not in tags and "th" not in tags:
                continue
            # the XPaths of the cells as getpath writes them, built once a row from the tags read once
            cell_paths = _sibling_paths(tags, self._path(tr))
            line = grid[r]
            c = placed = 0  # the next position, and the cells placed without a span
            for td, tag, path in zip(children, tags, cell_paths, strict=True):
                if tag != "td" and tag != "th":
                    continue
                while c < len(line) and line[c] is not None:  # positions filled by cells spanning from above
                    c += 1
                if len(td):
                    text = cell_text(td)
                else:  # a cell holding nothing but text, the commonest: read here
                    raw = td.text
                    text = " ".join(raw.split()) if raw else ""
                if td.attrib:
                    asked, wide = td.get("rowspan"), td.get("colspan")
                    if asked is not None or wide is not None:
                        rowspan = colspan = 1
                        if asked is not None:
                            rowspan = _span(asked, nrows - r)
                            if rowspan < _span(asked, _MAX_SPAN):
                                overruns += 1
                        if wide is not None:
                            colspan = _span(wide, _MAX_SPAN)
                        if rowspan != 1 or colspan != 1:
                            overlaps += self._place_span(grid, filled, r, c, text, path, rowspan, colspan)
                            c += colspan
                            continue
                cell = table_cell(text, index, r, c, path)  # a cell without a span: one position
                if c == len(line):
                    line.append(cell)
                else:
                    line[c] = cell
                placed += 1
                c += 1
            filled[r] += placed
        while grid and not filled[len(grid) - 1]:
            grid.pop()
        if not grid:
            return
        height = len(grid)
        width = max(len(line) for line in grid)
        if height * width == 1:  # a one-cell box is a frame around text, not a table
            only = grid[0][0]
            assert only is not None
            self.blocks.append(SourceLine(text=only.text, where=Where(detail=table_path)))
            return
        padded: list[int] = []
        out: list[tuple[SourceCell, ...]] = []
        blank = SourceCell(text="", where=Where(table=index, detail="padding"))
        for r, line in enumerate(grid):
            if filled[r] < width:
                padded.append(r)
                line.extend([None] * (width - len(line)))
                out.append(tuple(blank if cell is None else cell for cell in line))
            else:
                out.append(tuple(line))  # type: ignore[arg-type]  # no None left in a full row
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
        self.tables += 1


_LEADING_NUMBER = re.compile(r"\s*(\d+)")


_NTH: Final = tuple(f"[{i}]" for i in range(1, 201))  # "[1]", "[2]", …: made once, as formatting numbers is slow


def _sibling_paths(tags: list[Any], base: str) -> list[str]:
    """The XPath of each of a run of siblings with these tags, under a parent whose XPath is ``base``, as
    ``getpath`` writes them: ``…/td[2]``, or ``…/td`` for a tag that occurs once among the siblings."""
    count = len(tags)
    if 1 < count <= len(_NTH) and tags.count(tags[0]) == count:  # the usual row: td, td, …
        step = f"{base}/{tags[0]}"
        return [step + nth for nth in _NTH[:count]]
    total: dict[Any, int] = {}
    for tag in tags:
        total[tag] = total.get(tag, 0) + 1
    seen: dict[Any, int] = {}
    paths = []
    for tag in tags:
        if total[tag] > 1:
            seen[tag] = seen.get(tag, 0) + 1
            paths.append(f"{base}/{tag}[{seen[tag]}]")
        else:
            paths.append(f"{base}/{tag}")
    return paths


def _span(value: str | None, limit: int) -> int:
    """A rowspan/colspan attribute as a count in 1..limit (0 or garbage: 1; 0 for rowspan means 'to the end')."""
    if value is None:
        return 1
    if value.isascii() and value.isdigit():
        n = int(value[:6])
    else:
        match = _LEADING_NUMBER.match(value)
        if not match:
            return 1
        n = int(match.group(1)[:6])
    if n == 0:
        return max(limit, 1) if limit < _MAX_SPAN else 1
    return max(1, min(n, limit))
