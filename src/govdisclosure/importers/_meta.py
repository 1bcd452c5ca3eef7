"""Metadata and narrative sections: title, issuing body, data year, dates, contact details, 一/五/六.

Everything here works on plain lines of text (with where they came from) and returns values plus notes; no
guessing beyond what is printed: a value that cannot be found stays ``None``.

>>> find_period("本年报中所列数据的统计期限自 2024 年 1 月 1 日起至 2024 年 12 月 31 日止。")
Period(start=datetime.date(2024, 1, 1), end=datetime.date(2024, 12, 31))
>>> find_date("2025 月 1 月 20 日")
(datetime.date(2025, 1, 20), True)
>>> find_contact("（地址：塔城市六合大厦 F 区 411，邮编 834700，电话及传真 0901-6223328）").phone
'0901-6223328'
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from typing import Final

from ..layout import OVERVIEW_TOPICS
from ..model import Contact, Narrative, Period, Subsection

__all__ = [
    "SECTION_PATTERNS",
    "SECTION_WORDS",
    "find_agency_in_title",
    "find_contact",
    "find_date",
    "find_period",
    "find_published",
    "find_title",
    "narrative",
]

_ORD: Final = "一二三四五六七"
# The numeral comes first and the lookbehind checks the character before it (not a Chinese character other than
# 元, nor 、，,): the regex engine then skips from numeral to numeral instead of trying every position of a line.
SECTION_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    key: re.compile(r"([" + _ORD + r"])(?<![\u4e00-\u5142\u5144-\u9fff、，,].)\s*[、.．]\s*(" + body + ")")
    for key, body in {
        "overview": r"总体情况|概述|概\s*述",
        "active_disclosure": r"主动公开政府\s*(?:信息|政府)?\s*情况",
        "applications": r"收到和处理政府信息公开申请的?情况",
        "review_litigation": r"[^。\d\n]{0,20}?行政法?复议[^。\d\n]{0,20}?情况",
        "problems": r"[^。\d\n]{0,15}?存在的?(?:主要)?问题(?:及|和)?(?:其?改进情况|改进措施)?",
        "other_matters": r"其他需要报告的事项",
    }.items()
}
"""Section headings as printed, tolerating rewordings and typos (行政法复议, 主动公开政府政府情况)."""
SECTION_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "overview": ("总体情况", "概"),
    "active_disclosure": ("主动公开政府",),
    "applications": ("收到和处理政府信息公开申请",),
    "review_litigation": ("复议",),
    "problems": ("问题",),
    "other_matters": ("其他需要报告的事项",),
}
"""For each of ``SECTION_PATTERNS``, words one of which every match of the pattern contains: a text without them
cannot hold that heading, and the pattern need not be searched for (a substring test is much faster)."""

_DATE: Final = re.compile(r"(\d{4})\s*([年月])\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO: Final = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_PERIOD: Final = re.compile(
    r"统计(?:期限|周期|时限|期间|时间)[^\d]{0,8}(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
    r"[^\d]{0,8}?(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日"
)


def _date(y: str, m: str, d: str) -> _dt.date | None:
    try:
        return _dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


_CN_DIGITS: Final = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "O": "0", "○": "0"}
_CN_DATE: Final = re.compile(
    r"([〇零○O一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日"
)


def _cn_number(text: str) -> str:
    """A month or day in Chinese numerals as digits: 十 → 10, 十二 → 12, 二十 → 20, 二十一 → 21."""
    if "十" not in text:
        return "".join(_CN_DIGITS[c] for c in text)
    tens, _, units = text.partition("十")
    return str(int(_CN_DIGITS.get(tens, "1") if tens else "1") * 10 + (int(_CN_DIGITS[units]) if units else 0))


def find_date(text: str) -> tuple[_dt.date | None, bool]:
    """The last date written as ``YYYY年M月D日`` in ``text``, and whether it had the typo ``YYYY月M月D日``.

    Dates in Chinese numerals, as signatures often print them, are read too:

    >>> find_date("二〇二五年一月二十日")
    (datetime.date(2025, 1, 20), False)
    """
    found: tuple[_dt.date | None, bool] = (None, False)
    if "日" not in text:  # both patterns end with 日: most lines are ruled out without a regex search
        return found
    for m in _DATE.finditer(text):
        date = _date(m.group(1), m.group(3), m.group(4))
        if date is not None:
            found = (date, m.group(2) == "月")
    if found[0] is None:
        for m in _CN_DATE.finditer(text):
            date = _date(_cn_number(m.group(1)), _cn_number(m.group(2)), _cn_number(m.group(3)))
            if date is not None:
                found = (date, False)
    return found


_PUBLISHED: Final = re.compile(
    r"(?:(?:发布|成文|印发)(?:时间|日期)\s*[:：]?|(?<![\u4e00-\u9fff])(?:时间|日期)\s*[:：])\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
)


def find_published(text: str) -> _dt.date | None:
    """The date a page or document header gives as ``发布时间：``, ``发布日期：``, ``成文日期：`` or ``时间：``.

    The colon may be missing after 发布/成文/印发 (a label and a value in two cells: 发布日期 | 2020年1月31日).

    >>> find_published("来源：平潭综合实验区 时间：2023-02-20 15:07")
    datetime.date(2023, 2, 20)
    >>> find_published("发布日期：2020年1月31日"), find_published("发布日期 2020年1月31日")
    (datetime.date(2020, 1, 31), datetime.date(2020, 1, 31))
    """
    if "时间" not in text and "日期" not in text:  # every label has one of them; much faster than the regex
        return None
    for m in _PUBLISHED.finditer(text):
        date = _date(m.group(1), m.group(2), m.group(3))
        if date is not None:
            return date
    return None


def find_period(text: str) -> Period | None:
    """The statistical period stated in the preamble, if any."""
    m = _PERIOD.search(text)
    if not m:
        return None
    start = _date(m.group(1), m.group(2), m.group(3))
    end = _date(m.group(4) or m.group(1), m.group(5), m.group(6))
    if start is None or end is None or end < start:
        return None
    return Period(start=start, end=end)


_CONTACT_LABEL_LINE: Final = re.compile(r"(?m)^\s*(联系地址|地址|邮政编码|邮编|联系电话|电话|传真|电子邮箱|邮箱)\s*\n")
"""A contact label on a line of its own, its value on the next (dt/dd lists, table cells)."""
_ADDRESS_BESIDE: Final = re.compile(
    r"(?m)^([^\S\n]*(?:[-*•][^\S\n]*)?(?:(?:联系|通讯|办公)地址[^\S\n]*|地址[^\S\n]+))(?:位于|设在)?"
    r"(?=[^\s:：和及与、，,。；;变][^\n。，,；;]{1,58}?(?:省|市|区|县|镇|乡|村|路|街|道|巷|号|楼|室|大厦|院)[^\n。]*$)"
)
"""An address label starting a line with its value beside it and no colon (a two-column table or a dt/dd list
printed to PDF): ``联系地址江川市…``, ``地址 江川市…``. The rest of the line must read as an address (a place
word such as 市, 路 or 号 before any comma, no full stop, not starting with 和/及/变…), so that prose starting with
the label (联系地址变更情况已在网站公布。) is not taken for one; a bare 地址 needs a space after it as well."""
_ADDRESS: Final = re.compile(r"(?:联系)?地址[:：]((?:[^，,；;。）)\n]|\n(?![-*•]|邮|电话|联系|传真|电子))+)")
"""An address runs to punctuation, or to the end of its line when the next one is another detail or list item."""


_INNER_SPACE: Final = re.compile(r"[^\S\n]+")
_POSTCODE: Final = re.compile(r"邮(?:政)?编(?:码)?[:：]?(\d{6})")
_PHONE: Final = re.compile(r"电话(?:[及和、/／]传真)?[:：]?((?:\d{3,4}-)?\d{7,8})")
_FAX: Final = re.compile(r"传真[:：]?((?:\d{3,4}-)?\d{7,8})")
_EMAIL: Final = re.compile(r"([A-Za-z0-9._-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")


def find_contact(text: str) -> Contact | None:
    """Address, postcode, phone, fax and e-mail given in the text (spaces inside ignored).

    One number printed for both (电话/传真, 电话及传真) is the phone and the fax:

    >>> contact = find_contact("电话/传真：0591-23165370")
    >>> contact.phone, contact.fax
    ('0591-23165370', '0591-23165370')

    A label on a line of its own names the next line; a list of details ends the address at its line:

    >>> find_contact("联系地址\\n江川市人民路88号\\n邮政编码\\n650000").address
    '江川市人民路88号'
    >>> find_contact("- 联系地址：江川市人民路88号\\n- 邮政编码：650000").address
    '江川市人民路88号'

    A label starting a line with its value beside it, without a colon (a table printed to PDF), names it too:

    >>> find_contact("联系地址江川市人民路88号\\n邮政编码650000").address
    '江川市人民路88号'
    >>> find_contact("本办在网站公布了联系地址和电话。") is None
    True
    >>> [find_contact(line) for line in ("通讯地址和联系电话均在网站公开", "联系地址变更情况已在网站公布。")]
    [None, None]
    >>> find_contact("办公地址位于江川市人民路88号").address
    '江川市人民路88号'
    >>> find_contact("地址 江川市人民路88号，邮编650000").address
    '江川市人民路88号'
    """
    # Each pattern is searched for only when the word it starts with is in the text (a plain substring test, much
    # faster than a regex over the whole preamble, and most preambles print no contact details at all).
    if "地址" in text or "邮" in text or "电话" in text or "传真" in text:
        text = _CONTACT_LABEL_LINE.sub(r"\1：", text)
        if "地址" in text:
            text = _ADDRESS_BESIDE.sub(r"\1：", text)
    lines = _INNER_SPACE.sub("", text)
    flat = lines.replace("\n", "")
    address = _ADDRESS.search(lines) if "地址" in lines else None
    if address is not None and not 4 <= len(address.group(1).replace("\n", "")) <= 60:
        address = None
    postcode = _POSTCODE.search(flat) if "邮" in flat else None
    phone = _PHONE.search(flat) if "电话" in flat else None
    fax = _FAX.search(flat) if "传真" in flat else None
    email = _EMAIL.search(flat) if "@" in flat else None
    if not any((address, postcode, phone, fax, email)):
        return None
    return Contact(
        address=address.group(1).replace("\n", "") if address else None,
        postcode=postcode.group(1) if postcode else None,
        phone=phone.group(1) if phone else None,
        fax=fax.group(1) if fax else None,
        email=email.group(1) if email else None,
    )


def find_title(lines: Sequence[str]) -> str | None:
    """The report's title: a ``标题:`` line, or the first line naming the annual report (joined if split).

    A title split over two or three lines is joined, whether a line starts with the year or the line before holds
    it (a centred heading wrapped in a PDF, even inside a word):

    >>> find_title(["江川市自然资源和规划局", "2019年政府信息公开工作年度报告"])
    '江川市自然资源和规划局2019年政府信息公开工作年度报告'
    >>> find_title(["江川市自然资源和规划局2019年政府信息公开", "工作年度报告", "发布机关：江川市自然资源和规划局"])
    '江川市自然资源和规划局2019年政府信息公开工作年度报告'
    >>> find_title(["江川市自然资源和规划局2019年政府信息公开工", "作年度报告（2020年修订）"])
    '江川市自然资源和规划局2019年政府信息公开工作年度报告'
    >>> find_title(["江川市人民政府", "2019年度政府信息公开", "工作年度报告"])
    '江川市人民政府2019年度政府信息公开工作年度报告'
    >>> find_title(["发布日期：2020年3月27日", "上海市浦东新区人民政府办公室2019年政府信息公开工作年度报告"])
    '上海市浦东新区人民政府办公室2019年政府信息公开工作年度报告'

    A body's name cut inside is joined too, when the title line starts with a word naming a kind of body:

    >>> find_title(["江川市人民政府", "办公室2023年政府信息", "公开工作年度报告"])
    '江川市人民政府办公室2023年政府信息公开工作年度报告'
    >>> find_title(["政务公开", "江川市教育局2023年政府信息公开工作年度报告"])
    '江川市教育局2023年政府信息公开工作年度报告'
    """
    for line in lines[:12]:
        m = re.match(r"\s*标题\s*[:：]\s*(.+)", line)
        if m:
            return re.sub(r"\s+", "", m.group(1))
    flats = [re.sub(r"\s+", "", line) for line in lines[:15]]
    for i, flat in enumerate(flats):
        first = i  # the first line the title is printed on
        own = _TITLE.search(flat)
        if i > 0 and _joins(flats[i - 1]) and _wrapped_title(flats[i - 1]) and not (own and _YEAR.search(own[1])):
            first, flat = i - 1, flats[i - 1] + flat  # a heading wrapped after its year
        m = _TITLE.search(flat)
        if not m or "报告" not in flat[:80] or ("工作" not in flat[: m.end()] and flat[: m.end()] != "年度报告"):
            continue
        title = m.group(1)
        if first > 0 and _joins(flats[first - 1]):
            before = flats[first - 1]
            if re.match(r"^(\d{4}年|年度报告)", title):
                title = before + title  # the body's name on the line before
            elif _name_cut(before, title):
                title = before + title  # the body's name cut inside (江川市人民政府 / 办公室2023年…)
        return title
    return None


_TITLE: Final = re.compile(r"^(.{0,60}?年度?报告)")
_ORGAN_WORDS: Final = ("人民政府", "政府", "办公室", "办公厅", "委员会", "局", "厅", "委", "办", "分局", "中心")
"""Words naming a kind of body, never a whole name: a title line starting with one continues the line before."""
_NAME_PART: Final = re.compile(r"^[\u4e00-\u9fff]{2,20}$")
"""A line that may be the start of a body's name: a few Chinese characters, no year, figure or punctuation."""
_PAGE_WORDS: Final = ("首页", "公开", "位置", "报告", "年报", "正文", "专栏")
"""Last words of a web page's own lines (breadcrumbs, column names), which never start a body's name."""
_PLACE: Final = re.compile(r"[省市县区州盟旗镇乡村]|街道|国家|中国|自治|兵团")
"""What the first part of a body's name holds: a place (江川市, 某某街道) or the state (国家…)."""


def _name_cut(before: str, title: str) -> bool:
    """True when the line ``before`` a title is the start of the body's name the title goes on with.

    The title starts with a word naming a kind of body (办公室2023年…, not 政府信息公开…), and the line before is a
    few Chinese characters naming a place, not a page's own line (附件, 通知公告, 打印本页, 政务公开):

    >>> _name_cut("江川市人民政府", "办公室2023年政府信息公开工作年度报告")
    True
    >>> [_name_cut(line, "办公室2023年政府信息公开工作年度报告") for line in ("工作动态", "打印本页", "政府信息公开")]
    [False, False, False]
    >>> _name_cut("通知公告", "政府信息公开工作年度报告")
    False
    """
    if not title.startswith(_ORGAN_WORDS) or title.startswith(("政府信息", "政务公开")):
        return False
    return bool(_NAME_PART.match(before) and _PLACE.search(before)) and not before.endswith(_PAGE_WORDS)


_YEAR: Final = re.compile(r"\d{4}年")
_TITLE_STARTS: Final = ("度政府信息公开工作", "政府信息公开工作", "度政务公开工作", "政务公开工作")
_PAGE_LABELS: Final = re.compile(r"^(?:信息)?来源|^发布|^时间|^日期|^作者|^索引|^文号|^浏览|^字号|^分类")


def _joins(line: str) -> bool:
    """True when ``line`` (whitespace removed) may be the first part of a title printed over several lines."""
    if not line or len(line) > 40 or line.endswith("。") or line == "正文":
        return False
    return not _PAGE_LABELS.match(line)  # a page's own labels (来源, 发布时间…) are not part of a title


def _wrapped_title(line: str) -> bool:
    """True when ``line`` (whitespace removed) is the start of a title cut after its year: ``…2019年政府信息公开``.

    >>> _wrapped_title("江川市自然资源和规划局2019年政府信息公开工"), _wrapped_title("发布日期：2020年3月27日")
    (True, False)
    """
    year = _YEAR.search(line)
    if year is None or "：" in line or ":" in line:
        return False
    rest = line[year.end() :]
    return any(start.startswith(rest) for start in _TITLE_STARTS)


def find_agency_in_title(title: str) -> str | None:
    """The issuing body named in a title: the text before (or right after) the data year, without 关于.

    >>> find_agency_in_title("宿迁市交通运输局关于2025年度政府信息公开工作年度报告的公告")
    '宿迁市交通运输局'
    >>> find_agency_in_title("政府信息公开工作2023年度报告") is None  # the words of the title, not a body
    True
    """
    m = re.match(r"^(.+?)(?:关于)?(\d{4})年", title)
    if m:
        return None if m.group(1).startswith(("政府信息", "政务公开")) else m.group(1)
    m = re.match(r"^\d{4}年度?(.+?)(?:政府信息公开|政务公开)", title)
    return m.group(1) if m else None


# A sub-section marker （一）…（十） at the start or after 。/whitespace/：/；. The bracket comes first and the
# lookbehind checks the character before it, so that the regex engine can skip to the next bracket instead of
# trying every position of a long section (ten times faster on a page of text).
_MARKER: Final = re.compile(r"[（(](?<![^。\s：:；;][（(])([一二三四五六七八九十])[）)]\s*")
_MARKERS: Final = tuple(
    re.compile(bracket + r"(?<![^。\s：:；;][（(])([一二三四五六七八九十])[）)]\s*") for bracket in ("（", r"\(")
)
"""``_MARKER`` once per opening bracket: a pattern starting with one literal character is searched for three times
faster. A marker holds no opening bracket but its first character, so their matches are ``_MARKER``'s."""
_SENTENCE_END: Final = tuple("。！？：；;:!?」”）)")


def _markers(text: str) -> list[re.Match[str]]:
    """Every match of ``_MARKER`` in ``text``, in order (as ``finditer`` gives them)."""
    return sorted((m for pattern in _MARKERS for m in pattern.finditer(text)), key=lambda m: m.start())


def narrative(lines: Sequence[str], heading: str | None, official: str) -> Narrative:
    """A narrative section from its lines: lead text, then sub-sections （一）…（十） with their titles."""
    text = _join_wrapped([stripped for stripped in map(str.strip, lines) if stripped])
    printed = heading if heading and _HEADING_NUMBER.sub("", heading) != official else None
    parts = _markers(text)
    if not parts:
        return Narrative(heading=printed, text=text)
    lead = text[: parts[0].start()].strip()
    subsections = []
    for i, m in enumerate(parts):
        end = parts[i + 1].start() if i + 1 < len(parts) else len(text)
        body = text[m.end() : end].strip()
        title, rest = _split_title(body)
        subsections.append(Subsection(marker=f"（{m.group(1)}）", title=title, text=rest))
    return Narrative(heading=printed, text=lead, subsections=tuple(subsections))


def _join_wrapped(lines: list[str]) -> str:
    """Lines joined into paragraphs, separated by a blank line as in the model's narrative texts.

    A line that does not end a sentence was wrapped (PDF text) and continues the paragraph.
    """
    out: list[str] = []
    for line in lines:
        if out and not out[-1].endswith(_SENTENCE_END) and not _MARKER.match(line) and len(out[-1]) >= 20:
            out[-1] += line
        else:
            out.append(line)
    return "\n\n".join(out)


_HEADING_NUMBER: Final = re.compile(r"^[一二三四五六七][、.．]\s*")
_SHORT_TITLE: Final = re.compile(r"^([^。：:\n\s]{2,30}?)(?:[。：:]|\s+)")
"""A sub-section title of two to thirty characters ended by a stop, a colon or whitespace."""
_TITLE_TO_COLON: Final = re.compile(r"^([^。：:\n]{1,30}?)[。：:]")


def _split_title(body: str) -> tuple[str, str]:
    title, text = _split_known_title(body, strict=True)
    if title:
        return title, text
    first, _, rest = body.partition("\n")
    m = _SHORT_TITLE.match(first) or _TITLE_TO_COLON.match(first)
    if m:
        return m.group(1).strip(), (first[m.end() :] + ("\n" + rest if rest else "")).strip()
    if len(first) <= 30 and rest:
        return first.strip(" 。"), rest.strip()
    return _split_known_title(body, strict=False)


# Titles that run straight into their text in crawled pages ("（一）基本情况今年…"): the 2021 topics of section 一,
# their usual variants, and the common titles of 2019-style overviews and of section 五.
_VARIANTS: Final = ("信息公开平台建设", "平台建设", "监督和保障", "政府信息公开监督保障", "政府信息公开监督和保障")
_OTHER_TITLES: Final = ("基本情况", "主要做法", "存在的主要问题", "主要问题", "改进措施", "改进情况")
_KNOWN_TITLE: Final = re.compile(
    "^(?P<topic>"
    + "|".join(sorted({*OVERVIEW_TOPICS, *_VARIANTS, *_OTHER_TITLES}, key=len, reverse=True))
    + ")(?P<suffix>方面(?:的?工作)?|(?:工作)?情况)?"
)
# 主动公开 / 依申请公开 are also verbs ("主动公开政府文件…"): without 方面/情况 they are a title only when a
# sentence visibly starts after them.
_VERBS: Final = frozenset(topic for topic in OVERVIEW_TOPICS if topic.endswith("公开"))
_TITLE_END: Final = re.compile(r"^[\s：:，,。.]+")
_SENTENCE_START: Final = re.compile(r"\d|[一二三四五六七八九十]是|今年|本年|全年|年内|我")


def _split_known_title(body: str, *, strict: bool) -> tuple[str, str]:
    """("主动公开方面", "平潭…") from "主动公开方面平潭…"; ("", body) when the text starts with no known title.

    ``strict``: only a title with 方面/情况 or followed by a visible sentence start ("今年", "一是", a digit).
    Otherwise a bare noun title (政府信息管理, 基本情况) is enough, but never a bare 主动公开/依申请公开.
    """
    m = _KNOWN_TITLE.match(body)
    if not m:
        return "", body
    rest = _TITLE_END.sub("", body[m.end() :], count=1).rstrip()
    if not rest:
        return "", body
    if m["suffix"] or _SENTENCE_START.match(rest) or (not strict and m["topic"] not in _VERBS):
        return m.group(0), rest
    return "", body
