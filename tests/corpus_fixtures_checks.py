"""Reports of real corpus documents, built by hand for the checks' tests.

Each function re-keys the figures of one document of ``../shared/corpus/real/`` (read by a person, not by the
importer) into a :class:`~govdisclosure.model.Report`. Blank cells are ``None``. Only the parts the checks need
are filled: 表三 and 表四 completely, 表二 where the printed runs can be split, and the narrative sentences that
state figures.
"""

from __future__ import annotations

from decimal import Decimal

from govdisclosure import model as m

__all__ = ["hongze_2023", "pingtan_2020", "shanghai_office_2019"]

_ = None  # a blank cell, as printed


def _row(*values: int | None) -> m.ApplicantRow:
    """A 表三 row from its seven printed cells: 自然人, five 法人或其他组织 columns, 总计."""
    return m.ApplicantRow(**dict(zip(m.ApplicantRow.FIELDS, values, strict=True)))


def _zero() -> m.ApplicantRow:
    return _row(0, 0, 0, 0, 0, 0, 0)


def _person(n: int) -> m.ApplicantRow:
    """Only 自然人 applications: n in the first column and in 总计."""
    return _row(n, 0, 0, 0, 0, 0, n)


def _block(*values: int | None) -> m.ReviewRow:
    return m.ReviewRow(**dict(zip(m.ReviewRow.FIELDS, values, strict=True)))


def pingtan_2020() -> m.Report:
    """003-pingtan-2020.txt: 2019 edition; the outcome rows sum to 27 (自然人 26) while （七）总计 is 21 (自然人 20)."""
    outcomes = m.Outcomes(
        granted=_row(6, 0, 0, 0, 0, 1, 7),
        partially_granted=_person(6),
        withheld=m.Withheld.filled(0),
        unable_to_provide=m.UnableToProvide(
            not_held=_person(4), requires_creation=_zero(), unclear_after_correction=_person(3)
        ),
        not_processed=m.NotProcessed(
            complaint_petition=_zero(),
            repeated=_person(3),
            publications=_zero(),
            excessive=_zero(),
            confirmation=_zero(),
        ),
        other_handling=_person(4),
        total=_row(20, 0, 0, 0, 0, 1, 21),
    )
    return m.Report(
        edition="2019",
        year=2020,
        agency="平潭综合实验区",
        title="平潭综合实验区2020年政府信息公开工作年度报告",
        active_disclosure=m.ActiveDisclosure2019(
            regulations=m.DocumentCounts2019(made=0, published=0, total_published=7),
        ),
        applications=m.Applications(
            new_received=_row(20, 0, 0, 0, 0, 1, 21),
            carried_over=_zero(),
            outcomes=outcomes,
            carried_forward=_zero(),
        ),
        review_litigation=m.ReviewLitigation.filled(0),
        overview=m.Narrative(
            text="4.认真办理依申请公开2020年全区各级行政机关共受理政府信息公开申请21件，受理的申请件已按规定在法定期限内予以答复。"
        ),
    )


def hongze_2023() -> m.Report:
    """012-hongze-district-2023: 2021 edition printed with the single （六） row; 表四 复议 and 复议后起诉 总计 0."""
    outcomes = m.Outcomes(
        granted=_zero(),
        partially_granted=_person(4),
        withheld=m.Withheld(
            state_secret=_person(1),
            prohibited_by_law=_zero(),
            security_stability=_zero(),
            third_party_rights=_zero(),
            internal_affairs=_zero(),
            process_information=_person(1),
            enforcement_files=_person(1),
            query_matters=_zero(),
        ),
        unable_to_provide=m.UnableToProvide(
            not_held=_person(10), requires_creation=_person(3), unclear_after_correction=_zero()
        ),
        not_processed=m.NotProcessed(
            complaint_petition=_person(1),
            repeated=_zero(),
            publications=_zero(),
            excessive=_zero(),
            confirmation=_zero(),
        ),
        other_handling=_zero(),
        total=_person(21),
    )
    return m.Report(
        edition="2021",
        year=2023,
        agency="淮安市洪泽区人民政府",
        title="洪泽区人民政府2023年政府信息公开工作年度报告",
        active_disclosure=m.ActiveDisclosure2021(
            regulations=m.DocumentCounts2021(issued=0, repealed=0, in_force=0),
            normative_documents=m.DocumentCounts2021(issued=0, repealed=5, in_force=5),
            licensing=m.Decisions(decisions=550),
            penalties=m.Decisions(decisions=4119),
            coercive_measures=m.Decisions(decisions=195),
            fees=m.FeeAmount(amount=Decimal("7730.28")),
        ),
        applications=m.Applications(
            new_received=_person(21), carried_over=_zero(), outcomes=outcomes, carried_forward=_zero()
        ),
        review_litigation=m.ReviewLitigation(
            reconsideration=_block(10, 1, 0, 0, 0),
            litigation_direct=_block(0, 0, 0, 0, 0),
            litigation_after_reconsideration=_block(5, 0, 0, 0, 0),
        ),
        overview=m.Narrative(
            subsections=(
                m.Subsection(
                    marker="（二）",
                    title="依申请公开情况",
                    text=(
                        "进一步规范依申请公开流程，畅通依申请公开受理渠。"
                        "2023 年全区受理政府信息公开申请 21 件，均在法定期限答复。"
                    ),
                ),
            )
        ),
    )


def shanghai_office_2019() -> m.Report:
    """001-shanghai-szfbgt-2019.html: 2019 edition; many blank cells, the 总计 column blank for every outcome
    row, 复议后起诉 all blank."""
    outcomes = m.Outcomes(
        granted=_row(258, 12, _, _, 1, 1, _),
        partially_granted=_row(3, _, _, _, _, _, _),
        withheld=m.Withheld(
            state_secret=_row(14, _, _, _, _, _, _),
            prohibited_by_law=_row(_, _, _, _, _, _, _),
            security_stability=_row(_, _, _, _, _, _, _),
            third_party_rights=_row(_, _, _, _, _, _, _),
            internal_affairs=_row(5, _, _, _, _, _, _),
            process_information=_row(3, 1, _, _, _, _, _),
            enforcement_files=_row(_, _, _, _, _, _, _),
            query_matters=_row(10, 2, _, _, _, _, _),
        ),
        unable_to_provide=m.UnableToProvide(
            not_held=_row(252, 12, _, _, 1, _, _),
            requires_creation=_row(44, 3, _, _, _, _, _),
            unclear_after_correction=_row(25, _, _, _, _, _, _),
        ),
        not_processed=m.NotProcessed(
            complaint_petition=_row(148, 1, _, _, _, _, _),
            repeated=_row(5, 4, _, _, _, _, _),
            publications=_row(_, _, _, _, _, _, _),
            excessive=_row(_, _, _, _, _, _, _),
            confirmation=_row(_, _, _, _, _, _, _),
        ),
        other_handling=_row(_, _, _, _, _, _, _),
        total=_row(767, 35, _, _, 2, 1, 805),
    )
    return m.Report(
        edition="2019",
        year=2019,
        agency="上海市人民政府办公厅",
        title="2019年上海市人民政府办公厅政府信息公开工作年度报告",
        active_disclosure=m.ActiveDisclosure2019(
            regulations=m.DocumentCounts2019(made=13, published=13, total_published=524),
            normative_documents=m.DocumentCounts2019(made=60, published=60, total_published=368),
            licensing=m.ItemCounts.filled(0),
            other_services=m.ItemCounts.filled(0),
            penalties=m.ItemCounts.filled(0),
            coercive_measures=m.ItemCounts.filled(0),
            fees=m.FeeItems.filled(0),
            procurement=m.Procurement(projects=6, amount=Decimal("251000")),
        ),
        applications=m.Applications(
            new_received=_row(821, 35, _, _, 2, 1, 859),
            carried_over=_row(18, _, _, _, _, _, 18),
            outcomes=outcomes,
            carried_forward=_row(72, _, _, _, _, _, 72),
        ),
        review_litigation=m.ReviewLitigation(
            reconsideration=_block(5, _, _, 2, 7),
            litigation_direct=_block(8, _, _, 1, 9),
            litigation_after_reconsideration=_block(_, _, _, _, _),
        ),
        overview=m.Narrative(
            subsections=(
                m.Subsection(
                    marker="（二）",
                    title="依申请公开方面",
                    text=(
                        "市政府办公厅代表市政府共受理政府信息公开申请859件，申请数量较去年回落12.3%；"
                        "答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复），"
                        "均在法定期限内予以答复。予以公开及部分公开258件，占33.9%；不予公开35件，占4.34%；"
                        "信息公开类行政复议7件，诉讼9件，均获维持。"
                    ),
                ),
            )
        ),
    )
