"""Plausibility rules about one report: 规章 from a body that cannot make them (X4), edition against data year
(X5), a 2021-era report with the single （六） row (X6), implausibly large counts (X7)."""

from __future__ import annotations

import re
from typing import ClassVar, Final, Literal

import attrs

from .. import layout as _layout
from ..model import Report
from ._findings import CellRef, Finding, Severity
from ._registry import rule
from ._within import (
    APPLICANT_COLUMNS,
    APPLICANT_VALUES,
    GET_REVIEW_ROWS,
    REVIEW_COLUMNS,
    REVIEW_ROWS,
    REVIEW_VALUES,
    applicant_rows,
)

__all__ = [
    "IMPLAUSIBLE_COUNT",
    "EditionYearMismatch",
    "ImplausibleCount",
    "Level",
    "RegulationsFromLowerBody",
    "SingleOtherHandling",
    "infer_level",
]

Level = Literal["provincial", "city", "county", "township"]

IMPLAUSIBLE_COUNT: Final = 1_000_000
"""A count of 表三 or 表四 above this is flagged (X7): no single body receives a million requests a year."""

_OTHER_HANDLING: Final = _layout.row_label("2019", "applications", "outcomes.other_handling")
"""（六）其他处理, the single row of the 2019 edition."""
_MUNICIPALITIES: Final = ("北京市", "上海市", "天津市", "重庆市")
# Administrative designators, with the look-arounds that keep ordinary words out: 市场, 市民, 市政, 城市, 城乡,
# 乡村, 乡镇, 城镇, 区域, 县域, 县城 (the county seat: 县城管理局 says nothing of the body's level, while 某某县城市
# 管理局 and 某某县城镇化… are county bodies), 社区, and zones that are not a level of government (开发区, 实验区,
# 新区, 园区, 地区 …). A designator counts only after a place name: a name that starts with one is left undecided.
_DESIGNATOR: Final = re.compile(
    r"(?<=.)(?:"
    r"(?P<province>省|自治区)"
    r"|(?P<prefecture>自治州|地区|盟)"
    r"|(?P<city>(?<!城)市(?!场|民|政|容|县))"
    r"|(?P<county>自治县|县(?!域|级|城(?![市镇]))|旗|(?<![地社园片景港税发验范作区城新特辖片保功能小矿])区(?!域|划|块|间))"
    r"|(?P<township>(?<!城)乡(?!村|镇)|(?<![城乡])镇(?!压)|街道(?=办|党|$))"
    r")"
)
_SPECIAL_ZONES: Final = re.compile(r"开发区|实验区|试验区|示范区|合作区|新区|高新区|保税区|园区|管理区|自治区")


def infer_level(agency: str) -> Level | None:
    """The government level of a body, when its name makes it clear; None when in doubt.

    Only the last administrative designator of the name counts (淮安市洪泽区… is a district body). Cities other
    than the four municipalities give None: the name does not tell a 设区的市 from a 县级市.

    >>> infer_level("淮安市洪泽区人民政府"), infer_level("沭阳县人民政府办公室"), infer_level("某某镇人民政府")
    ('county', 'county', 'township')
    >>> infer_level("上海市人民政府办公厅"), infer_level("广东省人民政府"), infer_level("江川市自然资源和规划局")
    ('provincial', 'provincial', None)
    >>> infer_level("某某市住房和城乡建设局"), infer_level("平潭综合实验区"), infer_level("塔城地区行署外事办公室")
    (None, None, None)
    >>> infer_level("县城管理局"), infer_level("某某县城管理局"), infer_level("某某县城市管理局")
    (None, None, 'county')
    """
    last: str | None = None
    for match in _DESIGNATOR.finditer(agency):
        last = match.lastgroup
    if last == "township":
        return "township"
    if last == "county":
        return None if _SPECIAL_ZONES.search(agency) else "county"
    if last == "province":
        return "provincial"
    if last == "city" and agency.startswith(_MUNICIPALITIES) and not re.search("[市区县乡镇]", agency[3:]):
        return "provincial"
    return None


_DEPARTMENT: Final = re.compile(r".+(?:局|委员会|委|办公室|办|厅)")
"""Words a department's name ends in (教育局, 卫生健康委员会, 发展改革委, 外事办公室, 教育厅)."""
_NOT_DEPARTMENT: Final = re.compile(r"政府|行政公署|人大|人民代表大会|政协|法院|检察院")
"""Governments themselves (and their 办公厅), and bodies outside the administration."""
_CENTRAL: Final = ("国家", "国务院", "中华人民共和国", "中国", "中央")


def _is_local_department(agency: str) -> bool:
    """Whether the name clearly is a working department of a local government (a 局, 委员会, 办公室 or 厅 after a
    place name ending in 省/市/县/区/州/盟/旗 …), which cannot make 规章. Conservative: a government, its office,
    a body under a central name (教育部, 国家税务总局…) and a name without a place prefix give False.

    >>> [_is_local_department(name) for name in ("某某市教育局", "某某省教育厅", "某某市发展改革委")]
    [True, True, True]
    >>> [_is_local_department(name) for name in ("教育部", "国家税务总局", "某某市人民政府办公室")]
    [False, False, False]
    >>> _is_local_department("国家税务总局某某市税务局"), _is_local_department("市场监督管理局")
    (False, False)
    >>> _is_local_department("某某市红十字会"), _is_local_department("某某市")
    (False, False)
    """
    if agency.startswith(_CENTRAL) or _NOT_DEPARTMENT.search(agency):
        return False
    last = None
    for match in _DESIGNATOR.finditer(agency):
        last = match
    if last is None or last.lastgroup == "township":
        return False
    return _DEPARTMENT.fullmatch(agency, last.end()) is not None


@attrs.frozen(slots=True, kw_only=True)
class RegulationsFromLowerBody(Finding):
    """规章 figures from a body whose level cannot make 规章."""

    code: ClassVar[str] = "X4"
    title: ClassVar[str] = "规章 figures from a body that cannot make 规章"
    severity: ClassVar[Severity] = "warning"

    agency: str
    level: str

    def _message(self, lang: str) -> str:
        documents = _layout.row_label(self.edition, "active_disclosure", "normative_documents")
        if lang == "zh":
            kind = {"county": "县级机关", "township": "乡镇级机关", "department": "地方政府工作部门"}
            return (
                f"{self.label}：填报 {self.actual}，但“{self.agency}”属{kind.get(self.level, self.level)}，"
                f"无权制定规章；请核对是否应填入{documents}"
            )
        kind_en = "a local government department" if self.level == "department" else f"a {self.level}-level body"
        return (
            f"{self.label}: printed {self.actual}, but {self.agency} is {kind_en}, which cannot make "
            f"规章; check whether the figure belongs to {documents}"
        )


@rule(
    "X4",
    title="规章 figures only from bodies that can make 规章",
    title_zh="规章数据只应出自有权制定规章的机关",
    severity="warning",
    tags=("plausibility", "active_disclosure"),
    emits=(RegulationsFromLowerBody,),
)
def X4(report: Report, out: list[Finding]) -> None:
    """规章 can only be made by provincial governments and the governments of 设区的市 (立法法 Art. 93; spec §6 X4).

    Non-zero 规章 figures in 表二 from a township or street body, a county-level government or department, or a
    working department of a province or city (教育厅, 教育局, 卫生健康委员会 …; read from the body's name) are
    suspect: only provincial governments, governments of 设区的市 and State Council departments make 规章. Bodies
    whose level is not clear from the name, and central ones (教育部, 国家税务总局), are left alone.
    """
    regulations = report.active_disclosure.regulations
    values = regulations.values()
    if not any(values):
        return
    level: str | None = infer_level(report.agency)
    if level not in ("county", "township"):
        if not _is_local_department(report.agency):
            return
        level = "department"
    for column, value in zip(regulations.FIELDS, values, strict=True):
        if value:
            out.append(
                RegulationsFromLowerBody(
                    edition=report.edition,
                    cells=(CellRef("active_disclosure", "regulations", column),),
                    actual=int(value),
                    agency=report.agency,
                    level=level,
                )
            )


def expected_edition(year: int) -> str | None:
    """The edition that applies to a data year: 2019 for 2019-2020, 2021 from 2021; None before 2019."""
    if year < 2019:
        return None
    return "2019" if year <= 2020 else "2021"


@attrs.frozen(slots=True, kw_only=True)
class EditionYearMismatch(Finding):
    """The edition of the tables does not match the data year."""

    code: ClassVar[str] = "X5"
    title: ClassVar[str] = "Edition does not match the data year"
    severity: ClassVar[Severity] = "warning"

    year: int
    report_edition: str

    def _message(self, lang: str) -> str:
        wanted = expected_edition(self.year)
        if lang == "zh":
            if wanted is None:
                return f"数据年度 {self.year} 早于 2019 年，不适用 {self.report_edition} 版格式"
            return f"数据年度 {self.year} 应使用 {wanted} 版格式，报告使用的是 {self.report_edition} 版"
        if wanted is None:
            return f"data year {self.year} is before 2019: the {self.report_edition} edition does not apply"
        return (
            f"data year {self.year} calls for the {wanted} edition, the report follows the "
            f"{self.report_edition} edition"
        )


@rule(
    "X5",
    title="Edition matches the data year",
    title_zh="格式版本与数据年度相符",
    severity="warning",
    tags=("plausibility", "layout"),
    emits=(EditionYearMismatch,),
)
def X5(report: Report, out: list[Finding]) -> None:
    """The 2019 edition (国办公开办函〔2019〕60号) applies to data years 2019 and 2020, the 2021 edition
    (国办公开办函〔2021〕30号) to data years 2021 onward (spec §1, X5)."""
    if expected_edition(report.year) != report.edition:
        out.append(EditionYearMismatch(edition=report.edition, year=report.year, report_edition=report.edition))


@attrs.frozen(slots=True, kw_only=True)
class SingleOtherHandling(Finding):
    """A 2021-edition report printed with the single （六）其他处理 row of the 2019 edition."""

    code: ClassVar[str] = "X6"
    title: ClassVar[str] = f"2021 report with the single {_OTHER_HANDLING} row of the 2019 edition"
    severity: ClassVar[Severity] = "warning"

    def _message(self, lang: str) -> str:
        if lang == "zh":
            return f"{self.label}：2021 版格式将{_OTHER_HANDLING}分为三行，本报告仍按 2019 版只列一行"
        return (
            f"{self.label}: the 2021 edition splits {_OTHER_HANDLING} into three rows; "
            "this report prints the single 2019 row"
        )


@rule(
    "X6",
    title=f"2021 reports split {_OTHER_HANDLING} into three rows",
    title_zh=f"2021 版{_OTHER_HANDLING}应分三行",
    severity="warning",
    tags=("layout", "applications"),
    emits=(SingleOtherHandling,),
    editions=("2021",),
)
def X6(report: Report, out: list[Finding]) -> None:
    """国办公开办函〔2021〕30号 splits （六）其他处理 into 1.申请人无正当理由逾期不补正…, 2.申请人逾期未按收费通知要求
    缴纳费用… and 3.其他 (spec §4). A 2021-era report printing the single 2019 row is a layout deviation; its sums
    are still checked with the row it has."""
    if report.uses_single_other_handling:
        out.append(
            SingleOtherHandling(edition=report.edition, cells=(CellRef("applications", "outcomes.other_handling"),))
        )


@attrs.frozen(slots=True, kw_only=True)
class ImplausibleCount(Finding):
    """A count far beyond what one body can plausibly report."""

    code: ClassVar[str] = "X7"
    title: ClassVar[str] = "Implausibly large count"
    severity: ClassVar[Severity] = "warning"

    def _message(self, lang: str) -> str:
        if lang == "zh":
            return f"{self.label}：填报 {self.actual}，超过 {self.expected}，请核对是否录入有误（如数字粘连）"
        return f"{self.label}: printed {self.actual}, above {self.expected}; check for a typing or digit-run error"


@rule(
    "X7",
    title="Counts of 表三 and 表四 are plausible (at most 1,000,000)",
    title_zh="表三、表四数值在合理范围内",
    severity="warning",
    tags=("plausibility", "applications", "review_litigation"),
    emits=(ImplausibleCount,),
)
def X7(report: Report, out: list[Finding]) -> None:
    """No body receives a million information-disclosure applications or review cases in a year; such a value is
    almost always digits run together (spec §7: "230 000023") or a typing error."""
    for table, row_path, column, value in _large_cells(report):
        out.append(
            ImplausibleCount(
                edition=report.edition,
                cells=(CellRef(table, row_path, column),),
                expected=IMPLAUSIBLE_COUNT,
                actual=value,
            )
        )


def _large_cells(report: Report) -> list[tuple[str, str, str, int]]:
    paths, rows = applicant_rows(report)
    table = [APPLICANT_VALUES(row) for row in rows]
    blocks = [REVIEW_VALUES(block) for block in GET_REVIEW_ROWS(report.review_litigation)]
    # fast path: one pass over every value (filter(None, …) drops blanks and zeros)
    if max(filter(None, [v for values in (*table, *blocks) for v in values]), default=0) <= IMPLAUSIBLE_COUNT:
        return []
    found = []
    for path, values in zip(paths, table, strict=True):
        for name, value in zip(APPLICANT_COLUMNS, values, strict=True):
            if value is not None and value > IMPLAUSIBLE_COUNT:
                found.append(("applications", path, name, value))
    for path, values in zip(REVIEW_ROWS, blocks, strict=True):
        for name, value in zip(REVIEW_COLUMNS, values, strict=True):
            if value is not None and value > IMPLAUSIBLE_COUNT:
                found.append(("review_litigation", path, name, value))
    return found
