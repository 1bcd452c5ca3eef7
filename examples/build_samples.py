"""Build the two bundled sample reports from scratch with the builders.

``python examples/build_samples.py`` checks that the bundled samples equal what this script builds;
``python examples/build_samples.py --write`` (from the project root) writes them to ``src/govdisclosure/samples/``
and ``examples/``.
"""

import datetime as dt
import sys
from decimal import Decimal

import govdisclosure as g
from govdisclosure import (
    ActiveDisclosure2019,
    ApplicantRow,
    Applications,
    Contact,
    DocumentCounts2019,
    FeeItems,
    ItemCounts,
    Narrative,
    NotProcessed,
    Outcomes,
    Period,
    Procurement,
    Report,
    ReviewLitigation,
    ReviewRow,
    Subsection,
    UnableToProvide,
    Withheld,
)

tc = g.blank_report(
    "2021",
    year=2024,
    agency="塔城地区行署外事办公室",
    fill=0,
    title="塔城地区行署外事办公室2024年政府信息公开工作年度报告",
    published=dt.date(2025, 1, 20),
    period=Period(start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31)),
    contact=Contact(address="塔城市六合大厦F区411", postcode="834700", phone="0901-6223328", fax="0901-6223328"),
    overview=Narrative(
        text="2024年，本办围绕外事工作和群众关切推进政务公开，提高外事工作透明度。",
        subsections=(
            Subsection(
                marker="（一）", title="主动公开", text="全年制发公文类信息20期，其中发布政府信息公开工作年报1件。"
            ),
            Subsection(
                marker="（二）",
                title="依申请公开",
                text="依照条例办理依申请公开。全年未收到政府信息公开申请，未发生因政府信息公开引起的行政复议或行政诉讼。",
            ),
            Subsection(
                marker="（三）", title="政府信息管理", text="执行信息发布审核制度，规范发布流程，逐条把关拟公开信息。"
            ),
            Subsection(
                marker="（四）",
                title="政府信息公开平台建设",
                text="本办未自建网站，政务信息通过塔城地区政府网站信息公开专栏发布。",
            ),
            Subsection(
                marker="（五）",
                title="监督保障",
                text="调整政务公开工作领导小组，加强考核；网站发布信息须填写《信息发布审批单》并按程序审批。",
            ),
        ),
    ),
    problems=Narrative(
        text="问题：科室对公开工作重视不够，政策解读的方式和质量有待提高。\n\n改进：加强组织领导和分工协作，组织学习《中华人民共和国政府信息公开条例》，拓宽公开渠道，提升政策解读质量。"
    ),
    other_matters=Narrative(
        text="本办依照国办函〔2020〕109号《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。"
    ),
)

R = ApplicantRow.of
apps = Applications(
    new_received=R(412, 23, 4, 2, 9, 6),
    carried_over=R(15, 2, 0, 0, 1, 0),
    outcomes=Outcomes(
        granted=R(168, 11, 2, 1, 4, 3),
        partially_granted=R(37, 3, 1, 0, 1, 0),
        withheld=Withheld(
            state_secret=R(2, 0, 0, 0, 0, 0),
            prohibited_by_law=R(3, 0, 0, 0, 0, 0),
            security_stability=R(1, 0, 0, 0, 0, 0),
            third_party_rights=R(6, 1, 0, 0, 1, 0),
            internal_affairs=R(9, 0, 0, 0, 0, 0),
            process_information=R(12, 1, 0, 0, 0, 1),
            enforcement_files=R(4, 0, 0, 0, 1, 0),
            query_matters=R(21, 1, 0, 0, 0, 0),
        ),
        unable_to_provide=UnableToProvide(
            not_held=R(88, 4, 1, 1, 2, 1),
            requires_creation=R(11, 1, 0, 0, 0, 0),
            unclear_after_correction=R(7, 0, 0, 0, 0, 0),
        ),
        not_processed=NotProcessed(
            complaint_petition=R(14, 0, 0, 0, 0, 0),
            repeated=R(10, 1, 0, 0, 0, 0),
            publications=R(2, 0, 0, 0, 0, 0),
            excessive=R(5, 0, 0, 0, 0, 0),
            confirmation=R(3, 0, 0, 0, 0, 0),
        ),
        other_handling=R(6, 1, 0, 0, 0, 0),
    ),
).totalled(carry_forward=True)
ex = Report(
    edition="2019",
    year=2019,
    agency="江川市自然资源和规划局",
    title="江川市自然资源和规划局2019年政府信息公开工作年度报告",
    published=dt.date(2020, 3, 27),
    period=Period(start=dt.date(2019, 1, 1), end=dt.date(2019, 12, 31)),
    contact=Contact(address="江川市人民路88号", postcode="650000", phone="0871-6000000"),
    source="govdisclosure example (made-up body, realistic figures)",
    overview=Narrative(
        text="2019年，本局按照新修订的《中华人民共和国政府信息公开条例》做好政府信息公开工作。",
        subsections=(
            Subsection(
                marker="（一）",
                title="主动公开",
                text="全年主动公开政府信息1126条，其中规划批前公示214条、土地供应结果公告97条。",
            ),
            Subsection(
                marker="（二）", title="依申请公开", text="全年新收申请456件，上年结转18件，办结453件，结转下年度21件。"
            ),
            Subsection(
                marker="（三）", title="政府信息管理", text="建立公开属性源头认定机制，公文拟制时同步确定公开方式。"
            ),
            Subsection(marker="（四）", title="平台建设", text="完成门户网站信息公开专栏改版，新增规划公示栏目。"),
            Subsection(marker="（五）", title="监督保障", text="将政务公开纳入科室年度考核，开展两次专项检查。"),
        ),
    ),
    active_disclosure=ActiveDisclosure2019(
        regulations=DocumentCounts2019(made=0, published=0, total_published=0),
        normative_documents=DocumentCounts2019(made=6, published=6, total_published=41),
        licensing=ItemCounts(previous_items=38, change=-3, decisions=2874),
        other_services=ItemCounts(previous_items=12, change=1, decisions=931),
        penalties=ItemCounts(previous_items=57, change=4, decisions=163),
        coercive_measures=ItemCounts(previous_items=6, change=0, decisions=9),
        fees=FeeItems(previous_items=3, change=-1),
        procurement=Procurement(projects=14, amount=Decimal("386.42")),
    ),
    applications=apps,
    review_litigation=ReviewLitigation(
        reconsideration=ReviewRow.of(9, 2, 1, 1),
        litigation_direct=ReviewRow.of(5, 1, 0, 2),
        litigation_after_reconsideration=ReviewRow.of(2, 0, 0, 1),
    ),
    problems=Narrative(
        text="一是部分科室对公开属性认定把握不准；二是政策解读形式较单一。下一步将开展业务培训，增加图解和视频解读。"
    ),
    other_matters=Narrative(text="本年度无其他需要报告的事项。"),
)


def main(argv: list[str]) -> int:
    """Compare the built reports with the bundled samples; with --write, write them instead."""
    built = {"tacheng-2024": tc, "example-2019": ex}
    for name, report in built.items():
        if "--write" in argv:
            for folder in ("src/govdisclosure/samples", "examples"):
                g.dump(report, f"{folder}/{name}.json")
        elif g.sample_report(name) != report:
            print(f"{name}: the bundled sample differs from what this script builds", file=sys.stderr)
            return 1
    a = ex.applications
    print(
        f"example-2019: 新收 {a.new_received.total}, 上年结转 {a.carried_over.total}, "
        f"办理 {a.outcomes.total.total}, 结转下年度 {a.carried_forward.total}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
