"""Tests of the plausibility rules: level of a body (X4), edition and year (X5), （六） layout (X6), size (X7)."""

from __future__ import annotations

import pytest

from govdisclosure.checks import check, infer_level
from govdisclosure.checks._plausibility import expected_edition
from govdisclosure.model import ApplicantRow, DocumentCounts2021, Report
from govdisclosure.testing import consistent_report


def _with_regulations(agency: str, issued: int = 2) -> Report:
    report = consistent_report("2021", seed=1, agency=agency)
    return report.with_cell("active_disclosure.regulations", DocumentCounts2021(issued=issued, repealed=0, in_force=5))


class TestInferLevel:
    """The level of a body, from its name, only when clear."""

    @pytest.mark.parametrize(
        ("agency", "level"),
        [
            ("淮安市洪泽区人民政府", "county"),
            ("沭阳县人民政府", "county"),
            ("沭阳县人民政府办公室", "county"),
            ("某某市某某区财政局", "county"),
            ("某某自治县民族宗教事务局", "county"),
            ("某某旗人民政府", "county"),
            ("某某镇人民政府", "township"),
            ("某某乡人民政府", "township"),
            ("某某区某某街道办事处", "township"),
            ("广东省人民政府", "provincial"),
            ("广西壮族自治区人民政府", "provincial"),
            ("上海市人民政府办公厅", "provincial"),
            ("上海市科学技术委员会", "provincial"),
            ("江川市自然资源和规划局", None),
            ("某某市住房和城乡建设局", None),
            ("某某市乡村振兴局", None),
            ("某某市市场监督管理局", None),
            ("平潭综合实验区", None),
            ("塔城地区行署外事办公室", None),
            ("某某经济技术开发区管理委员会", None),
            ("长三角区域合作办公室", None),
            ("商务部", None),
            ("某某市乡镇企业局", None),
            ("某某县城市管理局", "county"),
            ("某某县城镇化工作办公室", "county"),
            ("镇江市人民政府", None),
            ("上海市浦东新区人民政府", None),
            ("盐城市亭湖区人民政府", "county"),
            ("县城管理局", None),
            ("某某县城管理局", None),
            ("某某县城建设管理办公室", None),
            ("某某县城关镇人民政府", "township"),
            ("县人民政府", None),
            ("区财政局", None),
            ("某某县县城管理局", "county"),
        ],
    )
    def test_levels(self, agency: str, level: str | None) -> None:
        """Counties, districts and townships are recognised; cities and special zones are left undecided."""
        assert infer_level(agency) == level


class TestX4:
    """规章 from a body that cannot make them."""

    def test_county_body(self) -> None:
        """Each non-zero 规章 cell of a county-level body is a warning at that cell."""
        result = check(_with_regulations("某某县交通运输局"))
        assert result.flatten(["code", "severity", "row", "column"]) == [
            ["X4", "warning", "regulations", "issued"],
            ["X4", "warning", "regulations", "in_force"],
        ]
        assert result.findings[0].message_zh == (
            "表二 规章 · 本年制发件数：填报 2，但“某某县交通运输局”属县级机关，无权制定规章；"
            "请核对是否应填入行政规范性文件"
        )
        assert result.findings[0].message_en == (
            "表二 规章 · 本年制发件数: printed 2, but 某某县交通运输局 is a county-level body, which cannot make 规章; "
            "check whether the figure belongs to 行政规范性文件"
        )

    def test_2019_wording(self) -> None:
        """A 2019-edition report is pointed at its own row label, 规范性文件."""
        report = consistent_report("2019", seed=1, agency="某某县交通运输局")
        report = report.with_cell("active_disclosure.regulations.made", 2)
        finding = check(report, select="X4").findings[0]
        assert finding.message_zh == (
            "表二 规章 · 本年新制作数量：填报 2，但“某某县交通运输局”属县级机关，无权制定规章；"
            "请核对是否应填入规范性文件"
        )

    @pytest.mark.parametrize(
        "agency", ["上海市人民政府办公厅", "某某市人民政府", "某某自治州人民政府", "平潭综合实验区", "县城管理局"]
    )
    def test_can_or_unclear(self, agency: str) -> None:
        """Bodies that can make 规章, or whose level is unclear, are left alone."""
        assert check(_with_regulations(agency)).findings == ()

    @pytest.mark.parametrize(
        "agency",
        [
            "某某市教育局",
            "某某省教育厅",
            "某某市卫生健康委员会",
            "某某市发展改革委",
            "某某自治州外事办公室",
            "上海市规划和自然资源局",
        ],
    )
    def test_local_department(self, agency: str) -> None:
        """A working department of a province, city or prefecture cannot make 规章."""
        result = check(_with_regulations(agency))
        assert result.flatten(["code", "column"]) == [["X4", "issued"], ["X4", "in_force"]]

    def test_local_department_message(self) -> None:
        """The message says why, in both languages."""
        finding = check(_with_regulations("某某市教育局")).findings[0]
        assert finding.message_zh == (
            "表二 规章 · 本年制发件数：填报 2，但“某某市教育局”属地方政府工作部门，无权制定规章；"
            "请核对是否应填入行政规范性文件"
        )
        assert finding.message_en == (
            "表二 规章 · 本年制发件数: printed 2, but 某某市教育局 is a local government department, which cannot "
            "make 规章; check whether the figure belongs to 行政规范性文件"
        )

    @pytest.mark.parametrize(
        "agency",
        [
            "教育部",
            "国家税务总局",
            "国家税务总局某某市税务局",
            "某某市人民政府办公室",
            "某某省人民政府办公厅",
            "某某市红十字会",
            "市场监督管理局",
            "某某市中级人民法院",
        ],
    )
    def test_not_local_department(self, agency: str) -> None:
        """Ministries, governments and their offices, and names without a local place prefix are left alone."""
        assert check(_with_regulations(agency), select="X4").findings == ()

    def test_zero_figures(self) -> None:
        """Zeros are not 规章 figures."""
        report = consistent_report("2021", seed=1, agency="某某镇人民政府")
        assert check(report).findings == ()


class TestX5:
    """Edition against data year."""

    @pytest.mark.parametrize(("year", "edition"), [(2018, None), (2019, "2019"), (2020, "2019"), (2021, "2021")])
    def test_expected(self, year: int, edition: str | None) -> None:
        """2019 edition for 2019-2020, 2021 from 2021."""
        assert expected_edition(year) == edition

    def test_mismatch(self) -> None:
        """A 2019-edition report on 2022 is a warning."""
        result = check(consistent_report("2019", seed=4, year=2022))
        assert result.codes() == ["X5"]
        assert result.findings[0].message_zh == "数据年度 2022 应使用 2021 版格式，报告使用的是 2019 版"
        assert result.findings[0].message_en == (
            "data year 2022 calls for the 2021 edition, the report follows the 2019 edition"
        )

    def test_before_2019(self) -> None:
        """A data year before 2019 has no edition."""
        (finding,) = check(consistent_report("2019", seed=4, year=2018)).findings
        assert finding.message_en == "data year 2018 is before 2019: the 2019 edition does not apply"


class TestX6:
    """A 2021-era report with the single （六） row."""

    def test_warning(self) -> None:
        """The finding points at the （六） row."""
        report = consistent_report("2021", seed=2).with_cell(
            "applications.outcomes.other_handling", ApplicantRow.filled(0)
        )
        report = report.with_cell("applications", report.applications.totalled(carry_forward=True))
        result = check(report)
        assert result.flatten(["code", "table", "row", "column"]) == [
            ["X6", "applications", "outcomes.other_handling", None]
        ]
        assert result.findings[0].message_zh == (
            "表三 （六）其他处理：2021 版格式将（六）其他处理分为三行，本报告仍按 2019 版只列一行"
        )


class TestX7:
    """Implausibly large counts."""

    def test_large(self) -> None:
        """A count above a million is flagged at its cell (with the arithmetic errors it causes)."""
        report = consistent_report("2021", seed=5).with_cell("applications.new_received.natural_person", 2_300_000)
        x7 = check(report).filter(code="X7").findings
        assert [f.label for f in x7] == ["表三 一、本年新收政府信息公开申请数量 · 自然人"]
        assert x7[0].message_en == (
            "表三 一、本年新收政府信息公开申请数量 · 自然人: printed 2300000, above 1000000; "
            "check for a typing or digit-run error"
        )

    def test_review(self) -> None:
        """表四 is scanned too."""
        report = consistent_report("2019", seed=5).with_cell("review_litigation.litigation_direct.pending", 1_000_001)
        assert check(report, select="X7").flatten(["code", "row", "column"]) == [["X7", "litigation_direct", "pending"]]
