"""Narrative against tables (X3): figures the text states about this body's own 表三 / 表四 quantities.

Precise rather than eager: a sentence is used only when it names the quantity unambiguously (a verb of receiving
or handling right before 政府信息公开申请 / 依申请公开事项 … X件, or 行政复议/行政诉讼…X件), carries no wider scope
(全市, 全区, 各级 …), and names no other year. Requests of other kinds (行政复议申请, 行政许可申请, 来信, 建议,
提案, 补正 …) are not 表三's; 复议后起诉 / 未经复议直接起诉 before 行政诉讼 name one block of 表四. A figure is
flagged only when it matches none of the readings the wording allows.
"""

from __future__ import annotations

import re
from typing import ClassVar, Final

import attrs

from ..model import Report
from ._findings import CellRef, Finding, NotAssessable, Severity, cell_label
from ._registry import rule

__all__ = ["NarrativeMismatch", "NarrativeNotAssessable", "narrative_claims"]

_SCOPE: Final = re.compile(
    r"全省|全市|全区|全县|全州|全旗|全盟|全镇|全乡|全街道|全国|全系统|各级|各地|各区|各县|各市|各乡镇|各部门|各单位|"
    r"所属|下属|系统内|辖区|区直|市直|县直|省直|共同|汇总"
)
_YEAR: Final = re.compile(r"(\d{4})\s*年")
_OTHER_PERIOD: Final = re.compile(r"去年|上年|上一年|前年|同期|同比|较上")
_CLAUSE_STOPS: Final = ("，", ",", "。", "；", ";", "（", "(", "\n")
_FILLER: Final = r"(?:共计|共|总计|合计|总数为|数量为|为)?\s*"
_STOPS: Final = ("。", "；", ";", "\n")
_NUMERALS: Final = "〇零一二两三四五六七八九十百千万"
"""The characters of a count written in Chinese numerals (十二, 一百零五, 两千三百)."""
_COUNT: Final = rf"(?:\d+|[{_NUMERALS}]+)"
_CLAIM: Final = re.compile(
    r"(?P<verb>新收|收到|接收|受理|办理|办结|答复)(?:到)?(?P<obj>[^。；，,、\d]{0,20}?申请(?:公开)?(?:事项)?)"
    + _FILLER
    + rf"(?P<n1>{_COUNT})\s*件\Z"
    r"|行政复议(?:案件|申请)?" + _FILLER + rf"(?P<n2>{_COUNT})\s*(?:件|起)\Z"
    r"|(?:行政)?诉讼(?:案件)?" + _FILLER + rf"(?P<n3>{_COUNT})\s*(?:件|起)\Z"
)
_REQUEST: Final = re.compile(r"信息公开|依申请公开|公开申请|申请公开")
"""An object naming government-information-disclosure requests (政府信息公开申请, 依申请公开事项 …)."""
_OTHER_REQUEST: Final = re.compile(
    r"复议|诉讼|许可|审批|来信|来访|信访|建议|提案|补正|投诉|举报|咨询|热线|留言|听证|延期|减免|收费|登记|征求|转办"
)
"""Objects that are requests of another kind (行政复议申请, 行政许可申请, 群众来信, 人大建议 …)."""
_BARE_REQUEST: Final = re.compile(r"(?:共|共计|累计|总计|合计|全年|各类|了|的)*申请")
"""A bare 申请 after the verb (新收申请X件): in this report, a disclosure request."""
_DIRECT: Final = re.compile(r"未经复议|直接起诉")
_AFTER: Final = re.compile(r"复议后")
_WINDOW: Final = 40
"""How far before a figure its wording is looked for (verb, up to 20 characters, 申请, filler)."""
# which table quantities a wording may mean
_READINGS: Final = {
    "新收": ("new",),
    "收到": ("new", "new+old"),
    "接收": ("new", "new+old"),
    "受理": ("new", "new+old"),
    "办理": ("new", "new+old", "handled"),
    "办结": ("handled",),
    "答复": ("handled",),
}
_QUANTITY_CELLS: Final = {
    "new": (CellRef("applications", "new_received", "total"),),
    "new+old": (CellRef("applications", "new_received", "total"), CellRef("applications", "carried_over", "total")),
    "handled": (CellRef("applications", "outcomes.total", "total"),),
    "review": (CellRef("review_litigation", "reconsideration", "total"),),
    "litigation": (
        CellRef("review_litigation", "litigation_direct", "total"),
        CellRef("review_litigation", "litigation_after_reconsideration", "total"),
    ),
    "litigation_direct": (CellRef("review_litigation", "litigation_direct", "total"),),
    "litigation_after": (CellRef("review_litigation", "litigation_after_reconsideration", "total"),),
}


def _table_value(report: Report, quantity: str) -> int | None:
    a, r = report.applications, report.review_litigation
    if quantity == "new":
        return a.new_received.total
    if quantity == "new+old":
        new, old = a.new_received.total, a.carried_over.total
        return None if new is None or old is None else new + old
    if quantity == "handled":
        return a.outcomes.total.total
    if quantity == "review":
        return r.reconsideration.total
    if quantity == "litigation_direct":
        return r.litigation_direct.total
    if quantity == "litigation_after":
        return r.litigation_after_reconsideration.total
    direct, after = r.litigation_direct.total, r.litigation_after_reconsideration.total
    return None if direct is None or after is None else direct + after


def _value_blanks_as_zero(report: Report, quantity: str) -> int:
    return sum(report.get(cell.path) or 0 for cell in _QUANTITY_CELLS[quantity])


def _figures(text: str) -> list[tuple[int, int]]:
    """(start, end) of every figure followed by 件 or 起, in digits or in Chinese numerals; str.find keeps this
    cheap on long texts."""
    found = []
    for unit in ("件", "起"):
        i = text.find(unit)
        while i >= 0:
            j = i
            while j > 0 and text[j - 1] in " \u3000\xa0":
                j -= 1
            k = j
            while k > 0 and text[k - 1].isdecimal():
                k -= 1
            if k == j:  # no digits: a count in Chinese numerals (十二件)
                while k > 0 and text[k - 1] in _NUMERALS:
                    k -= 1
            if k < j:
                found.append((k, i + 1))
            i = text.find(unit, i + 1)
    found.sort()
    return found


_DIGITS: Final = {ch: n for n, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_UNITS: Final = {"十": 10, "百": 100, "千": 1000}


def _count(text: str) -> int | None:
    """A count written in digits or in Chinese numerals, None when the numerals are not a well-formed number.

    零 (〇) only stands between units (一百零五); a digit after a unit without 零 counts in the next lower unit, as
    it is spoken (一百五 is 150, 两千三 is 2300).

    >>> [_count(t) for t in ("21", "十二", "二十", "一百零五", "两千三百四十五", "一万二千", "一百五", "两千三")]
    [21, 12, 20, 105, 2345, 12000, 150, 2300]
    >>> [_count(t) for t in ("三五", "十十", "二〇", "五零", "三零五", "零")]
    [None, None, None, None, None, None]
    """
    if text.isdecimal():
        return int(text)
    total = section = 0  # the value of the 万s, and the value below them
    digit: int | None = None  # the digit waiting for its unit
    last_unit = 100_000  # the unit last written: units fall within a section (千 before 百 before 十)
    zero = False  # a 零 was written after the last unit
    for ch in text:
        if ch in _DIGITS:
            value = _DIGITS[ch]
            if digit is not None or (value == 0 and (zero or last_unit == 100_000)):
                return None  # two digits in a row (三五, 二〇), or a 零 not after a unit
            if value == 0:
                zero = True
            else:
                digit = value
        elif ch in _UNITS or ch == "万":
            unit = _UNITS.get(ch, 10_000)
            if unit >= last_unit or (digit is None and zero):
                return None
            if unit == 10_000:
                if total or not (section or digit):
                    return None
                total, section = (section + (digit or 0)) * 10_000, 0
            else:
                section += (1 if digit is None else digit) * unit  # 十二: a bare 十 is ten
            digit, last_unit, zero = None, unit, False
        else:
            return None
    if digit is None:
        return total + section if total or section else None
    if not zero and 10 < last_unit <= 10_000:  # 一百五: the digit counts in the unit below the last one
        digit *= last_unit // 10
    return total + section + digit


def _span(text: str, start: int, end: int, stops: tuple[str, ...]) -> str:
    left = max(text.rfind(mark, 0, start) for mark in stops) + 1
    ends = [i for i in (text.find(mark, end) for mark in stops) if i >= 0]
    return text[left : min(ends) if ends else len(text)].strip()


def _sentence_at(text: str, start: int, end: int) -> str:
    return _span(text, start, end, _STOPS)


def _clause_at(text: str, start: int, end: int) -> str:
    return _span(text, start, end, _CLAUSE_STOPS)


def _is_request(obj: str) -> bool:
    """Whether the object of a receiving verb is government-information-disclosure requests."""
    if _OTHER_REQUEST.search(obj):
        return False
    return bool(_REQUEST.search(obj) or _BARE_REQUEST.fullmatch(obj))


def _litigation(text: str, start: int, end: int) -> str:
    """Which 行政诉讼 block a figure means: the clause before it may name one (复议后起诉的行政诉讼2件)."""
    left = max(text.rfind(mark, 0, start) for mark in _CLAUSE_STOPS) + 1
    before = text[left:start]
    direct, after = bool(_DIRECT.search(before)), bool(_AFTER.search(before))
    if direct != after:
        return "litigation_direct" if direct else "litigation_after"
    return "litigation"


def narrative_claims(text: str, year: int | None = None) -> list[tuple[str, tuple[str, ...], int]]:
    """Figures a text states unambiguously about the body's own table quantities: (sentence, readings, figure).

    Readings are ``new`` (一 总计), ``new+old`` (一 + 二), ``handled`` (（七）总计), ``review`` (表四 行政复议 总计),
    ``litigation`` (the two 行政诉讼 总计 together), ``litigation_direct`` (未经复议直接起诉 总计) and
    ``litigation_after`` (复议后起诉 总计).

    >>> narrative_claims("2023年共收到政府信息公开申请21件，均按时答复。", 2023)
    [('2023年共收到政府信息公开申请21件，均按时答复', ('new', 'new+old'), 21)]
    >>> narrative_claims("2020年全区各级行政机关共受理政府信息公开申请21件", 2020)
    []
    >>> narrative_claims("全年受理行政许可申请2629件，其中复议后起诉的行政诉讼2件")
    [('全年受理行政许可申请2629件，其中复议后起诉的行政诉讼2件', ('litigation_after',), 2)]
    """
    claims = []
    for first, end in _figures(text):
        # the wording must end exactly at the figure: search a short window before it
        m = _CLAIM.search(text, max(0, first - _WINDOW), end)
        if m is None:
            continue
        if _OTHER_PERIOD.search(_clause_at(text, m.start(), m.end())):
            continue
        sentence = _sentence_at(text, m.start(), m.end())
        if _SCOPE.search(sentence):
            continue
        if year is not None and any(int(y) != year for y in _YEAR.findall(sentence)):
            continue
        figure = _count(m["n1"] or m["n2"] or m["n3"])
        if figure is None or text.startswith("件", end) or text.startswith(text[first:end], end):
            continue  # not a number, or a count said twice (一件一件, 一件件): a manner, not a claim
        if m["verb"]:
            if not _is_request(m["obj"]) or text.startswith("的", end):
                continue  # another kind of request, or a count qualifying another noun (2件的补正)
            claims.append((sentence, _READINGS[m["verb"]], figure))
        elif m["n2"]:
            claims.append((sentence, ("review",), figure))
        else:
            claims.append((sentence, (_litigation(text, m.start(), m.end()),), figure))
    return claims


@attrs.frozen(slots=True, kw_only=True)
class NarrativeMismatch(Finding):
    """A figure stated in the narrative disagrees with the table."""

    code: ClassVar[str] = "X3"
    title: ClassVar[str] = "Narrative figure disagrees with the table"
    severity: ClassVar[Severity] = "warning"

    quote: str
    """The sentence of the narrative that states the figure."""

    def _message(self, lang: str) -> str:
        labels = [cell_label(c, self.edition) for c in self.cells]
        if lang == "zh":
            what = labels[0] if len(labels) == 1 else "与".join(labels) + "之和"
            return f"正文“{self.quote}”称 {self.expected} 件，而{what}为 {self.actual}"
        what = labels[0] if len(labels) == 1 else "the sum of " + " and ".join(labels)
        return f"the narrative says {self.expected} (“{self.quote}”), but {what} is {self.actual}"


@attrs.frozen(slots=True, kw_only=True)
class NarrativeNotAssessable(NotAssessable):
    """A figure stated in the narrative whose table cell is blank (code ``NA``, rule ``X3``).

    ``expected`` is the figure of the narrative, ``actual`` the table's value reading blank cells as 0 (the
    reading that agrees with the figure, if any).
    """

    quote: str

    def _message(self, lang: str) -> str:
        zero = self.actual is not None
        if lang == "zh":
            text = f"正文“{self.quote}”称 {self.expected} 件，而{self.label}空白，无法核对"
            if zero:
                relation = "相符" if self.expected == self.actual else "不符"
                text += f"（按空白为 0 计：{self.expected} 对 {self.actual}，{relation}）"
            return text
        text = f"the narrative says {self.expected} (“{self.quote}”), but {self.label} is blank: X3 cannot be assessed"
        if zero:
            relation = "agree" if self.expected == self.actual else "disagree"
            text += f" (reading blanks as 0: {self.expected} against {self.actual}, they {relation})"
        return text


def _narrative_text(report: Report) -> str:
    return "\n".join(n.full_text for n in (report.overview, report.problems, report.other_matters) if n)


@rule(
    "X3",
    title="Figures in the narrative agree with 表三 and 表四",
    title_zh="正文所述数字与表格一致",
    severity="warning",
    tags=("narrative", "applications", "review_litigation"),
    emits=(NarrativeMismatch, NarrativeNotAssessable),
)
def X3(report: Report, out: list[Finding]) -> None:
    """Figures quoted in the narrative ("共收到政府信息公开申请X件", "行政复议X件") should agree with 表三/表四
    (spec §6 X3). A city-wide count in the text is not the table's figure, so sentences with a wider scope are
    skipped, and a figure is flagged only when it matches no reading its wording allows. Figures are read in
    digits (full-width too) and in Chinese numerals (二十一件, 一百零五件); approximate counts (十余件, 数十件) are not
    claims."""
    overview = report.overview
    if not (overview.text or overview.subsections or report.problems or report.other_matters):
        return
    for sentence, readings, figure in narrative_claims(_narrative_text(report), report.year):
        values = [_table_value(report, q) for q in readings]
        if figure in values:
            continue
        known = [(q, v) for q, v in zip(readings, values, strict=True) if v is not None]
        if not known:
            cells = _QUANTITY_CELLS[readings[0]]
            blank = tuple(c for c in cells if report.get(c.path) is None)
            as_zero = [_value_blanks_as_zero(report, q) for q in readings]
            out.append(
                NarrativeNotAssessable(
                    of_rule="X3",
                    edition=report.edition,
                    cells=blank or cells,
                    blanks=len(blank),
                    expected=figure,
                    actual=figure if figure in as_zero else as_zero[0],
                    quote=sentence,
                )
            )
            continue
        quantity, value = known[0]
        out.append(
            NarrativeMismatch(
                edition=report.edition,
                cells=_QUANTITY_CELLS[quantity],
                expected=figure,
                actual=value,
                quote=sentence,
            )
        )
