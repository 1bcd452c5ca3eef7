"""Matching printed row labels to the official rows of tables 二 and 三.

The index is built from :mod:`govdisclosure.layout` at import time: for every row (and every group of rows) it
holds the official label, the label without its number ("属于国家秘密"), and the label without a trailing
parenthetical ("部分公开"). Printed labels are normalised before comparison (NFKC, so full-width digits and
parentheses become ASCII; whitespace and quotes removed; "1、" read as "1."; "合计" as "总计"), then matched
exactly, by prefix (annotations such as "规章（设区的市…）", truncations such as "5.要求行政机关确认或") and, as a
last resort, by similarity (typos such as "2.其他法律行政止公开"). A text that matches nothing, or matches two rows
equally well, is not a label: the caller never guesses.

>>> match("2、其他法律行政止公开", "applications").path
'outcomes.withheld.prohibited_by_law'
>>> match("（七） 合计", "applications").path
'outcomes.total'
>>> match("规章（设区的市、自治州人民政府应提供相关数据）", "active_disclosure").path
'regulations'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from difflib import SequenceMatcher
from typing import Final, Literal

import attrs

from .. import layout

__all__ = ["LabelMatch", "find_labels", "match", "normalize", "strip_number", "unify_marks"]

_SPACE = re.compile(r"[\s\u3000\u00a0\"'“”‘’「」]+")
_NUMBER = re.compile(r"^(?:\(([一二三四五六七八九十])\)|([一二三四五六七八九十])[、.,]|(\d{1,2})[.、,](?!\d))")


@functools.lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """A printed label in comparable form: NFKC, no whitespace or quotes, ``1、`` → ``1.``, 合计 → 总计.

    >>> normalize("（三） 不予公开")
    '(三)不予公开'
    >>> normalize("\\uff11、属于“国家秘密”")
    '1.属于国家秘密'
    """
    return unify_marks(_SPACE.sub("", unicodedata.normalize("NFKC", text)))


_NUMBER_MARK: Final = re.compile(r"(?<![\d.])(\d)[、,]")


def unify_marks(text: str) -> str:
    """The label spellings read as one, each character for one (so positions are kept): ``1、`` → ``1.``, 合计 → 总计.

    >>> unify_marks("3、合计")
    '3.总计'
    """
    return _NUMBER_MARK.sub(r"\1.", text).replace("合计", "总计")


def strip_number(norm: str) -> tuple[str, str]:
    """Split a normalised label into its number (``(三)``, ``一``, ``2``) and the rest.

    >>> strip_number("(三)不予公开")
    ('(三)', '不予公开')
    >>> strip_number("一.本年新收")
    ('一', '本年新收')
    """
    m = _NUMBER.match(norm)
    if not m:
        return "", norm
    if m.group(1):
        return f"({m.group(1)})", norm[m.end() :]
    return m.group(2) or m.group(3), norm[m.end() :]


@attrs.frozen
class LabelMatch:
    """A printed label recognised as an official row (or group of rows) of one table."""

    table: str
    """``applications`` or ``active_disclosure``."""
    path: str
    """Dotted canonical path of the row or group (``outcomes.withheld``)."""
    official: str
    """The official label."""
    is_row: bool
    """True for a data row, False for a group (（三）不予公开, 三、本年度办理结果)."""
    how: Literal["exact", "annotated", "truncated", "similar"] = "exact"
    """How the printed label was recognised: as printed, followed by an annotation, cut short, or by similarity
    (a typo). Anything but ``exact`` is worth a note."""

    @property
    def exact(self) -> bool:
        """True when the printed label is the official one (up to spacing, punctuation width and numbering)."""
        return self.how == "exact"


@attrs.frozen
class _Entry:
    match: LabelMatch
    number: str
    body: str
    short: str


def _entries() -> dict[str, tuple[_Entry, ...]]:
    index: dict[str, dict[tuple[str, str], _Entry]] = {"applications": {}, "active_disclosure": {}}
    for key in ("2019", "2021"):
        edition = layout.edition(key)
        for table_key in index:
            table = edition.table(table_key)
            for path, node in table.root.walk():
                dotted = ".".join(path)
                number, body = strip_number(normalize(node.label))
                short = re.sub(r"\(.*$", "", body) or body
                is_row = node.is_row
                if dotted == "outcomes.other_handling":
                    is_row = False  # decided by the values printed beside it (one row in 2019, a group in 2021)
                entry = _Entry(LabelMatch(table_key, dotted, node.label, is_row), number, body, short)
                index[table_key].setdefault((dotted, body), entry)
    # 2019 规范性文件 and 2021 行政规范性文件 are the same row; both bodies are in the index.
    return {table_key: tuple(entries.values()) for table_key, entries in index.items()}


_INDEX: Final = _entries()


def _exact_index() -> dict[str, dict[str, tuple[_Entry, ...]]]:
    out: dict[str, dict[str, list[_Entry]]] = {}
    for table, entries in _INDEX.items():
        by_body = out.setdefault(table, {})
        for e in entries:
            for key in dict.fromkeys((e.body, e.short)):
                by_body.setdefault(key, []).append(e)
    return {table: {k: tuple(v) for k, v in d.items()} for table, d in out.items()}


_EXACT: Final = _exact_index()
_MIN_PREFIX: Final = 4
_MIN_RATIO: Final = 0.75


def _ok_number(entry: _Entry, number: str) -> bool:
    # Short bodies (其他, 总计) are column headers too: accept them only with their number.
    if len(entry.body) <= 2:
        return number == entry.number
    return not number or not entry.number or number == entry.number or number.isdigit() == entry.number.isdigit()


@functools.cache  # few numbers are printed ((三), 一, 2…): the entries of each are chosen once
def _numbered(table: str, number: str) -> tuple[_Entry, ...]:
    """The official rows and groups of ``table`` that a label printed with ``number`` may stand for."""
    return tuple(e for e in _INDEX.get(table, ()) if _ok_number(e, number))


@functools.lru_cache(maxsize=8192)  # a pure function of immutable values: the same labels recur in every report
def match(text: str, table: str) -> LabelMatch | None:
    """The official row or group a printed label stands for, or None when it is not (certainly) one.

    >>> match("3.其他", "applications").path
    'outcomes.other_handling.other'
    >>> match("其他", "applications") is None
    True
    """
    norm = normalize(text)
    if not norm or len(norm) > 80:
        return None
    number, body = strip_number(norm)
    exact = [e for e in _EXACT.get(table, {}).get(body, ()) if _ok_number(e, number)]
    if len({e.match.path for e in exact}) == 1:
        return exact[0].match
    entries = _numbered(table, number)
    how: Literal["exact", "annotated", "truncated", "similar"] = "exact"
    found = {e.match.path: e for e in exact}
    if not found:
        # a label followed by an annotation, e.g. 规章（设区的市…）: the longest official label that starts it
        how = "annotated"
        starts = [e for e in entries if body.startswith(e.short) and len(e.short) >= 2]
        if starts:
            best = max(len(e.short) for e in starts)
            found = {e.match.path: e for e in starts if len(e.short) == best}
    if not found and number.startswith("(") and body:
        # （六）其他 for （六）其他处理: a numbered group label cut short
        how = "truncated"
        found = {e.match.path: e for e in entries if e.number == number and e.body.startswith(body)}
    if not found and len(body) >= _MIN_PREFIX:
        # a truncated label: the official label starts with what was printed
        how = "truncated"
        found = {e.match.path: e for e in entries if e.body.startswith(body)}
    if len(found) == 1:
        found_match = next(iter(found.values())).match
        return found_match if how == "exact" else attrs.evolve(found_match, how=how)
    if found or len(body) < _MIN_PREFIX:
        return None
    scored = sorted(_similar(body, entries), key=lambda pair: -pair[0])
    if scored and scored[0][0] >= _MIN_RATIO and (len(scored) == 1 or scored[1][0] < scored[0][0] - 0.1):
        return attrs.evolve(scored[0][1].match, how="similar")
    return None


def _similar(body: str, entries: tuple[_Entry, ...]) -> list[tuple[float, _Entry]]:
    """(ratio, entry) for the entries similar enough to be worth comparing (cheap upper bounds first).

    The bound is difflib's ``quick_ratio`` (characters in common, counted with multiplicity), computed from
    character counts of the official labels counted once, at import, instead of by difflib for every pair. Most
    printed texts that reach this point (column headers, notes) pass no bound, and no matcher is built for them.
    """
    matcher: SequenceMatcher[str] | None = None
    counts = _char_counts(body)
    out = []
    for e in entries:
        if len(e.body) < _MIN_PREFIX or not 0.6 <= len(e.body) / len(body) <= 1.7:
            continue
        official = _BODY_COUNTS[e.body]
        common = sum(min(n, official[c]) for c, n in counts.items() if c in official)
        if 2.0 * common / (len(e.body) + len(body)) < _MIN_RATIO:
            continue
        if matcher is None:
            matcher = SequenceMatcher(None, autojunk=False)
            matcher.set_seq2(body)
        matcher.set_seq1(e.body)
        out.append((matcher.ratio(), e))
    return out


def _char_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for c in text:
        counts[c] = counts.get(c, 0) + 1
    return counts


_BODY_COUNTS: Final = {e.body: _char_counts(e.body) for entries in _INDEX.values() for e in entries}


def _search_terms(table: str) -> list[tuple[str, _Entry]]:
    terms: dict[str, _Entry] = {}
    for e in _INDEX[table]:
        for term in (e.body, e.short):
            if len(term) > 2 or (len(term) == 2 and e.match.table == "active_disclosure"):
                terms.setdefault(term, e)
        if len(e.body) <= 2 and e.number:
            terms.setdefault((f"{e.number}." if e.number.isdigit() else e.number) + e.body, e)
    return sorted(terms.items(), key=lambda item: -len(item[0]))


_TERMS: Final = {table: _search_terms(table) for table in _INDEX}
_PATTERNS: Final = {
    table: re.compile("|".join(re.escape(term) for term, _ in terms)) for table, terms in _TERMS.items()
}


def find_labels(norm: str, table: str) -> list[tuple[int, int, LabelMatch]]:
    """Every official label found in a normalised text, as (start, end, match), left to right, not overlapping.

    A label's number printed just before it ("2.", "（三）") is included in the span.

    >>> [(s, e, m.path) for s, e, m in find_labels("规章000行政规范性文件8855698", "active_disclosure")]
    [(0, 2, 'regulations'), (5, 12, 'normative_documents')]
    """
    by_term = dict(_TERMS[table])
    found: list[tuple[int, int, LabelMatch]] = []
    for m in _PATTERNS[table].finditer(norm):
        entry = by_term[m.group(0)]
        start = m.start()
        if entry.number and not m.group(0).startswith(entry.number):
            if entry.number.isdigit():
                prefixes = [entry.number + "."]
            elif entry.number.startswith("("):
                prefixes = [entry.number]
            else:
                prefixes = [entry.number + "、", entry.number + "."]
            for prefix in prefixes:
                if start >= len(prefix) and norm.startswith(prefix, start - len(prefix)):
                    start -= len(prefix)
                    break
        found.append((start, m.end(), entry.match))
    return found
