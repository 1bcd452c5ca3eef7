"""Expected figures of the real reports in ``../shared/corpus/real/``, typed in by reading each document.

These are not importer output: every figure was read off the document by a person (for the crawled ``.txt`` pages,
runs of digits were split by hand and checked against the sums and, for 005/006, against the original HTML page).
Tests of every reader (text, Markdown, HTML, PDF) compare their results with these.

``applications`` maps a 表三 row path to its seven values (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他,
总计); ``review_litigation`` maps a 表四 block to its five values; ``active_disclosure`` maps a 表二 row path to its
values in the order of the edition's layout. ``None`` is a blank cell. For a document whose tables are legible
(``legible=True``), every row of 表三 and 表四 is listed; for one that is not (010), only the rows that can be read
with certainty are listed, and the others are not asserted. ``active_unsplittable`` lists 表二 rows of crawled pages
whose run of digits cannot be split with certainty (no arithmetic rule applies): an importer must leave them blank.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

Row = tuple[int | None, ...]
Z7: Row = (0, 0, 0, 0, 0, 0, 0)
Z5: Row = (0, 0, 0, 0, 0)


def natural(n: int) -> Row:
    """A 表三 row where only 自然人 is non-zero."""
    return (n, 0, 0, 0, 0, 0, n)


ROWS_2021: tuple[str, ...] = (
    "new_received",
    "carried_over",
    "outcomes.granted",
    "outcomes.partially_granted",
    "outcomes.withheld.state_secret",
    "outcomes.withheld.prohibited_by_law",
    "outcomes.withheld.security_stability",
    "outcomes.withheld.third_party_rights",
    "outcomes.withheld.internal_affairs",
    "outcomes.withheld.process_information",
    "outcomes.withheld.enforcement_files",
    "outcomes.withheld.query_matters",
    "outcomes.unable_to_provide.not_held",
    "outcomes.unable_to_provide.requires_creation",
    "outcomes.unable_to_provide.unclear_after_correction",
    "outcomes.not_processed.complaint_petition",
    "outcomes.not_processed.repeated",
    "outcomes.not_processed.publications",
    "outcomes.not_processed.excessive",
    "outcomes.not_processed.confirmation",
    "outcomes.other_handling.no_correction",
    "outcomes.other_handling.unpaid_fee",
    "outcomes.other_handling.other",
    "outcomes.total",
    "carried_forward",
)
ROWS_SINGLE: tuple[str, ...] = (
    *ROWS_2021[:20],
    "outcomes.other_handling",
    *ROWS_2021[23:],
)


def table3(rows: tuple[str, ...], **nonzero: Row) -> dict[str, Row]:
    """A full 表三: every row zero except those given (keyword = path with ``__`` for ``.``)."""
    given = {key.replace("__", "."): value for key, value in nonzero.items()}
    unknown = set(given) - set(rows)
    assert not unknown, unknown
    return {path: given.get(path, Z7) for path in rows}


@attrs.frozen
class Expected:
    """What one corpus document prints."""

    file: str
    edition: str
    year: int
    agency: str
    applications: dict[str, Row]
    review_litigation: dict[str, Row]
    active_disclosure: dict[str, tuple[int | Decimal | None, ...]]
    legible: bool = True
    single_other_handling: bool = False
    active_unsplittable: tuple[str, ...] = ()
    remarks: str = ""


def review(a: Row, b: Row, c: Row) -> dict[str, Row]:
    """表四 by block."""
    return {"reconsideration": a, "litigation_direct": b, "litigation_after_reconsideration": c}


ACTIVE_ZERO_2021: dict[str, tuple[int | Decimal | None, ...]] = {
    "regulations": (0, 0, 0),
    "normative_documents": (0, 0, 0),
    "licensing": (0,),
    "penalties": (0,),
    "coercive_measures": (0,),
    "fees": (Decimal("0"),),
}

EXPECTED: dict[str, Expected] = {
    e.file: e
    for e in (
        Expected(
            file="000-tacheng-waishiban-2024.txt",
            edition="2021",
            year=2024,
            agency="塔城地区行署外事办公室",
            applications=table3(ROWS_2021),
            review_litigation=review(Z5, Z5, Z5),
            active_disclosure=ACTIVE_ZERO_2021,
            remarks="all zero; （六）/（七）/四 rows carry 12 cells of which the first 7 are the table's",
        ),
        Expected(
            file="002-pingtan-2019.txt",
            edition="2019",
            year=2019,
            agency="平潭综合实验区",
            applications=table3(
                ROWS_SINGLE,
                new_received=natural(23),
                outcomes__granted=natural(7),
                outcomes__partially_granted=natural(1),
                outcomes__unable_to_provide__not_held=natural(7),
                outcomes__unable_to_provide__unclear_after_correction=natural(5),
                outcomes__not_processed__repeated=natural(3),
                outcomes__total=natural(23),
            ),
            review_litigation=review(Z5, Z5, Z5),
            active_disclosure={"regulations": (0, 0, 0)},
            single_other_handling=True,
            active_unsplittable=(
                "normative_documents",
                "licensing",
                "other_services",
                "penalties",
                "coercive_measures",
                "fees",
                "procurement",
            ),
            remarks="表二 runs such as 898989 (three columns, no sum rule) cannot be split with certainty",
        ),
        Expected(
            file="003-pingtan-2020.txt",
            edition="2019",
            year=2020,
            agency="平潭综合实验区",
            applications=table3(
                ROWS_SINGLE,
                new_received=(20, 0, 0, 0, 0, 1, 21),
                outcomes__granted=(6, 0, 0, 0, 0, 1, 7),
                outcomes__partially_granted=natural(6),
                outcomes__unable_to_provide__not_held=natural(4),
                outcomes__unable_to_provide__unclear_after_correction=natural(3),
                outcomes__not_processed__repeated=natural(3),
                outcomes__other_handling=natural(4),
                outcomes__total=(20, 0, 0, 0, 0, 1, 21),
            ),
            review_litigation=review(Z5, Z5, Z5),
            active_disclosure={"regulations": (0, 0, 7)},
            single_other_handling=True,
            active_unsplittable=(
                "normative_documents",
                "licensing",
                "other_services",
                "penalties",
                "coercive_measures",
                "fees",
                "procurement",
            ),
            remarks="does not add up as printed: outcome rows sum to 27 (自然人 26), （七）总计 is 21 (自然人 20)",
        ),
        Expected(
            file="005-pingtan-2022.txt",
            edition="2021",
            year=2022,
            agency="平潭综合实验区",
            applications=table3(
                ROWS_2021,
                new_received=(71, 3, 0, 0, 0, 0, 74),
                carried_over=natural(1),
                outcomes__granted=natural(21),
                outcomes__partially_granted=(8, 1, 0, 0, 0, 0, 9),
                outcomes__withheld__internal_affairs=natural(1),
                outcomes__withheld__process_information=natural(2),
                outcomes__withheld__enforcement_files=natural(1),
                outcomes__unable_to_provide__not_held=natural(37),
                outcomes__other_handling__no_correction=natural(2),
                outcomes__other_handling__other=(0, 2, 0, 0, 0, 0, 2),
                outcomes__total=(72, 3, 0, 0, 0, 0, 75),
            ),
            review_litigation=review((0, 1, 1, 0, 2), (1, 0, 0, 0, 1), Z5),
            active_disclosure={
                "regulations": (0, 0, 0),
                "normative_documents": (88, 55, 698),
                "licensing": (10690,),
                "penalties": (2113,),
                "coercive_measures": (0,),
                "fees": (Decimal("9116.36"),),
            },
            active_unsplittable=("normative_documents",),
            remarks="表二 行政规范性文件 is the run 8855698 in the .txt; 88/55/698 as in the HTML page",
        ),
        Expected(
            file="006-pingtan-2023.txt",
            edition="2021",
            year=2023,
            agency="平潭综合实验区",
            applications=table3(
                ROWS_2021,
                new_received=(80, 1, 0, 0, 0, 0, 81),
                outcomes__granted=natural(22),
                outcomes__partially_granted=(19, 1, 0, 0, 0, 0, 20),
                outcomes__withheld__third_party_rights=natural(1),
                outcomes__withheld__process_information=natural(1),
                outcomes__withheld__enforcement_files=natural(1),
                outcomes__withheld__query_matters=natural(2),
                outcomes__unable_to_provide__not_held=natural(31),
                outcomes__not_processed__repeated=natural(1),
                outcomes__other_handling__no_correction=natural(1),
                outcomes__other_handling__other=natural(1),
                outcomes__total=(80, 1, 0, 0, 0, 0, 81),
            ),
            review_litigation=review((1, 1, 0, 0, 2), (4, 0, 0, 1, 5), (1, 0, 1, 0, 2)),
            active_disclosure={
                "regulations": (0, 0, 0),
                "normative_documents": (77, 132, 470),
                "licensing": (2629,),
                "penalties": (1330,),
                "coercive_measures": (54,),
                "fees": (Decimal("5949.088667"),),
            },
            active_unsplittable=("normative_documents",),
            remarks=(
                "（一） 220000022 and （二） 191000020 each split two ways that add up within the row "
                "(22/0 or 2/20; 19/1 or 1/19): only the column sums (C1) decide"
            ),
        ),
        Expected(
            file="007-pingtan-2024.txt",
            edition="2021",
            year=2024,
            agency="平潭综合实验区",
            applications=table3(
                ROWS_2021,
                new_received=(217, 1, 0, 0, 0, 0, 218),
                outcomes__granted=natural(71),
                outcomes__partially_granted=natural(29),
                outcomes__withheld__state_secret=natural(4),
                outcomes__withheld__third_party_rights=natural(3),
                outcomes__withheld__internal_affairs=natural(32),
                outcomes__unable_to_provide__not_held=natural(75),
                outcomes__not_processed__repeated=natural(1),
                outcomes__other_handling__no_correction=natural(1),
                outcomes__other_handling__other=(1, 1, 0, 0, 0, 0, 2),
                outcomes__total=(217, 1, 0, 0, 0, 0, 218),
            ),
            review_litigation=review((2, 1, 3, 1, 7), Z5, (13, 2, 4, 0, 19)),
            active_disclosure={
                "regulations": (0, 0, 0),
                "licensing": (4529,),
                "penalties": (1100,),
                "coercive_measures": (65,),
                "fees": (Decimal("18651.06"),),
            },
            active_unsplittable=("normative_documents",),
            remarks="表四 is the run 21317000001324019 (17 digits, 15 cells); 6233440 in 表二 cannot be split",
        ),
        Expected(
            file="009-shuyang-county-2025.md",
            edition="2021",
            year=2025,
            agency="沐阳县人民政府",
            applications=table3(
                ROWS_2021,
                new_received=(705, 3, 0, 0, 5, 0, 713),
                carried_over=natural(36),
                outcomes__granted=(290, 1, 0, 0, 3, 0, 294),
                outcomes__partially_granted=(99, 0, 0, 0, 2, 0, 101),
                outcomes__withheld__security_stability=natural(2),
                outcomes__withheld__third_party_rights=natural(2),
                outcomes__withheld__internal_affairs=natural(13),
                outcomes__withheld__process_information=natural(2),
                outcomes__withheld__enforcement_files=natural(4),
                outcomes__withheld__query_matters=natural(9),
                outcomes__unable_to_provide__not_held=natural(111),
                outcomes__unable_to_provide__requires_creation=natural(2),
                outcomes__not_processed__complaint_petition=natural(12),
                outcomes__not_processed__repeated=(6, 1, 0, 0, 0, 0, 7),
                outcomes__other_handling__no_correction=natural(9),
                outcomes__other_handling__unpaid_fee=natural(7),
                outcomes__other_handling__other=(142, 1, 0, 0, 0, 0, 143),
                outcomes__total=(710, 3, 0, 0, 5, 0, 718),
                carried_forward=natural(31),
            ),
            review_litigation=review((27, 10, 9, 15, 61), (3, 0, 0, 0, 3), (8, 0, 1, 1, 10)),
            active_disclosure={
                "regulations": (0, 0, 0),
                "normative_documents": (6, 1, 32),
                "licensing": (517645,),
                "penalties": (693957,),
                "coercive_measures": (2154,),
                "fees": (Decimal("4068.208"),),
            },
            remarks="the body is 沭阳县人民政府; the OCR prints 沐阳 throughout, and an importer keeps what is printed",
        ),
        Expected(
            file="010-shanghai-stcsm-2024.md",
            edition="2021",
            year=2024,
            agency="上海市科委",
            applications={
                "new_received": (32, 2, 0, 0, 0, 0, 34),
                "carried_over": (2, 0, 0, 0, 0, 0, 2),
                "outcomes.granted": natural(9),
                "outcomes.withheld.state_secret": Z7,
                "outcomes.withheld.security_stability": Z7,
                "outcomes.withheld.third_party_rights": Z7,
                "outcomes.withheld.process_information": natural(1),
                "outcomes.withheld.enforcement_files": Z7,
                "outcomes.withheld.query_matters": Z7,
                "outcomes.not_processed.complaint_petition": Z7,
                "outcomes.not_processed.repeated": Z7,
                "outcomes.not_processed.publications": Z7,
                "outcomes.other_handling.other": natural(4),
                "outcomes.total": (33, 2, 0, 0, 0, 0, 35),
                "carried_forward": (1, 0, 0, 0, 0, 0, None),
            },
            review_litigation=review((1, 0, 0, 0, 1), Z5, Z5),
            active_disclosure={
                "regulations": (0, 0, 0),
                "normative_documents": (13, 0, 55),
                "licensing": (97,),
                "penalties": (0,),
                "coercive_measures": (0,),
                "fees": (Decimal("0"),),
            },
            legible=False,
            remarks=(
                "表三 is garbled: eleven rows print their numbers apart from their labels in an order that cannot "
                "be trusted (the orphan runs do not pair one-to-one with the detached labels); only rows printed "
                "with their label are certain. The 四 row's 总计 is blank as printed. The agency is named 上海市科委 "
                "in the title (上海市科学技术委员会)."
            ),
        ),
        Expected(
            file="012-hongze-district-2023.txt",
            edition="2021",
            year=2023,
            agency="洪泽区人民政府",
            applications=table3(
                ROWS_SINGLE,
                new_received=natural(21),
                outcomes__partially_granted=natural(4),
                outcomes__withheld__state_secret=natural(1),
                outcomes__withheld__process_information=natural(1),
                outcomes__withheld__enforcement_files=natural(1),
                outcomes__unable_to_provide__not_held=natural(10),
                outcomes__unable_to_provide__requires_creation=natural(3),
                outcomes__not_processed__complaint_petition=natural(1),
                outcomes__total=natural(21),
            ),
            review_litigation=review((10, 1, 0, 0, 0), Z5, (5, 0, 0, 0, 0)),
            active_disclosure={
                "regulations": (0, 0, 0),
                "normative_documents": (0, 5, 5),
                "licensing": (550,),
                "penalties": (4119,),
                "coercive_measures": (195,),
                "fees": (Decimal("7730.28"),),
            },
            single_other_handling=True,
            remarks=(
                "pdfplumber prints seven rows' numbers on lines of their own, before or after the label (the label "
                "wraps); read in order they pair one-to-one with the labels and the columns then add up (21). "
                "表四 does not add up as printed (复议 10+1 but 总计 0; 复议后起诉 5 but 总计 0)."
            ),
        ),
    )
}


def expected_for(file: str) -> Expected:
    """The expectations of a corpus file by any of its formats: ``005-pingtan-2022.html`` uses those of the
    ``.txt`` copy (same figures), ``012-hongze-district-2023.pdf`` those of the pdfplumber text."""
    stem = file.rsplit(".", 1)[0]
    for name, expected in EXPECTED.items():
        if name.rsplit(".", 1)[0] == stem:
            return expected
    raise KeyError(file)


KEY_FIGURES: dict[str, tuple[int | None, ...]] = {
    "000": (0, 0, 0, 0, 0, 0, 0),
    "001": (859, 18, 805, 72, 7, 9, None),
    "002": (23, 0, 23, 0, 0, 0, 0),
    "003": (21, 0, 21, 0, 0, 0, 0),
    "005": (74, 1, 75, 0, 2, 1, 0),
    "006": (81, 0, 81, 0, 2, 5, 2),
    "007": (218, 0, 218, 0, 7, 0, 19),
    "009": (713, 36, 718, 31, 61, 3, 10),
    "010": (34, 2, 35, None, 1, 0, 0),
    "012": (21, 0, 21, 0, 0, 0, 0),
}
"""The corpus README's key figures (总计 column): 一, 二, （七）, 四, then 表四 总计 of 复议, 直接起诉, 复议后起诉."""

KEY_PATHS: tuple[str, ...] = (
    "applications.new_received.total",
    "applications.carried_over.total",
    "applications.outcomes.total.total",
    "applications.carried_forward.total",
    "review_litigation.reconsideration.total",
    "review_litigation.litigation_direct.total",
    "review_litigation.litigation_after_reconsideration.total",
)
"""Report paths of the columns of :data:`KEY_FIGURES`."""

APPLICANT_FIELDS: tuple[str, ...] = (
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_services",
    "other_org",
    "total",
)
REVIEW_FIELDS: tuple[str, ...] = ("upheld", "corrected", "other", "pending", "total")
