"""Metadata and narrative sections."""

from __future__ import annotations

import datetime as dt

import pytest

from govdisclosure.importers._meta import (
    SECTION_PATTERNS,
    find_agency_in_title,
    find_contact,
    find_date,
    find_period,
    find_published,
    find_title,
    narrative,
)


class TestHeadings:
    """Section headings, reworded and mistyped."""

    def test_variants(self) -> None:
        """Reworded and mistyped headings are recognised, inside a line too."""
        assert SECTION_PATTERNS["review_litigation"].search(
            "…成效。四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"
        )
        assert SECTION_PATTERNS["review_litigation"].search("0000000四、政府信息公开行政法复议、行政诉讼情况")
        assert SECTION_PATTERNS["active_disclosure"].search("二、主动公开政府政府情况")
        assert SECTION_PATTERNS["problems"].search("五、政府信息公开工作存在的主要问题及改进情况")
        assert SECTION_PATTERNS["problems"].search("五、存在问题及改进情况")

    def test_not_headings(self) -> None:
        """Table row labels and enumerations inside prose are not headings."""
        assert not SECTION_PATTERNS["applications"].search("四、结转下年度继续办理")
        assert not SECTION_PATTERNS["active_disclosure"].search("本报告包括总体情况、主动公开政府信息情况")


class TestMetadata:
    """Title, dates, period, contact."""

    def test_title_split_over_two_lines(self) -> None:
        """A title printed over two lines is joined, spaces removed."""
        assert find_title(["洪泽区人民政府", "2023 年政府信息公开工作年度报告", "本报告由…"]) == (
            "洪泽区人民政府2023年政府信息公开工作年度报告"
        )

    def test_a_name_cut_inside_joins_the_line_before_when_the_title_starts_with_a_kind_of_body(self) -> None:
        assert find_title(["江川市人民政府", "办公室2023年政府信息", "公开工作年度报告"]) == (
            "江川市人民政府办公室2023年政府信息公开工作年度报告"
        )
        assert find_title(["江川市自然资源", "局2023年政府信息公开工作年度报告"]) == (
            "江川市自然资源局2023年政府信息公开工作年度报告"
        )

    @pytest.mark.parametrize(
        ("before", "title"),
        [
            ("附件", "政府信息公开工作2023年度报告"),
            ("通知公告", "政府信息公开工作年度报告"),
            ("新闻中心", "政府信息公开工作年度报告"),
            ("工作动态", "办公室2023年度政府信息公开工作年度报告"),
            ("打印本页", "局2023年政府信息公开工作年度报告"),
        ],
    )
    def test_a_page_line_before_the_title_is_no_part_of_a_name(self, before: str, title: str) -> None:
        """Lines of a page's own (附件, column names, 打印本页) name no place: never the start of a body's name."""
        assert find_title([before, title]) == title

    def test_a_page_line_or_a_whole_name_before_the_title_is_not_joined(self) -> None:
        title = "办公室2023年政府信息公开工作年度报告"
        assert find_title(["政府信息公开", title]) == title
        assert find_title(["首页", "局2023年政府信息公开工作年度报告"]) == "局2023年政府信息公开工作年度报告"
        assert find_title(["江川市人民政府", "江川市教育局2023年政府信息公开工作年度报告"]) == (
            "江川市教育局2023年政府信息公开工作年度报告"
        )
        assert find_title(["发布时间：2024年1月5日", "办公室2023年政府信息公开工作年度报告"]) == (
            "办公室2023年政府信息公开工作年度报告"
        )

    def test_title_from_page_header(self) -> None:
        """A crawled page's 标题 line wins."""
        assert (
            find_title(["标题: 某区2019年度政府信息公开工作年度报告", "正文"]) == "某区2019年度政府信息公开工作年度报告"
        )

    def test_agency_in_title(self) -> None:
        """The body is the text before the year, or right after it."""
        assert find_agency_in_title("平潭综合实验区2019年度政府信息公开工作年度报告") == "平潭综合实验区"
        assert find_agency_in_title("2024年上海市科委政府信息公开工作年度报告") == "上海市科委"
        assert find_agency_in_title("年度报告") is None

    def test_agency_before_guanyu(self) -> None:
        """关于 between the body and the year is not part of the body."""
        assert find_agency_in_title("宿迁市交通运输局关于2025年度政府信息公开工作年度报告的公告") == "宿迁市交通运输局"

    def test_dates(self) -> None:
        """The last date wins; the 年→月 typo is flagged; impossible dates are ignored."""
        assert find_date("2025年1月20日 2026年2月3日") == (dt.date(2026, 2, 3), False)
        assert find_date("2025 月 1 月 20 日") == (dt.date(2025, 1, 20), True)
        assert find_date("2025年2月30日") == (None, False)

    def test_dates_in_chinese_numerals(self) -> None:
        """Signature dates printed in Chinese numerals."""
        assert find_date("二〇二五年一月二十日") == (dt.date(2025, 1, 20), False)
        assert find_date("二〇二四年十二月三十一日") == (dt.date(2024, 12, 31), False)
        assert find_date("二〇二四年十月十日") == (dt.date(2024, 10, 10), False)

    def test_published(self) -> None:
        """发布时间/发布日期/成文日期/时间 in ISO or 年月日 form; 统计时间 and the like are not publication dates."""
        assert find_published("发布时间: 2020-01-20") == dt.date(2020, 1, 20)
        assert find_published("来源：某县 时间：2023-02-20 15:07") == dt.date(2023, 2, 20)
        assert find_published("成文日期：2024年3月8日") == dt.date(2024, 3, 8)
        assert find_published("发布日期：2024/3/8") == dt.date(2024, 3, 8)
        assert find_published("统计时间：2024年1月1日至12月31日") is None
        assert find_published("发布时间：2024-02-30") is None

    def test_period_without_second_year(self) -> None:
        """ "2024 年 1 月 1 日至 12 月 31 日" ends in the same year."""
        period = find_period("统计周期为 2024 年 1 月 1 日至 12 月 31 日。")
        assert period is not None
        assert (period.start, period.end) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
        assert find_period("没有统计期限") is None

    def test_contact_with_spaces(self) -> None:
        """Spaces inside the contact details (PDF text) are ignored."""
        contact = find_contact(
            "（地址：淮安市洪泽区洪泽湖大道 90\n号 ， 邮 编 ： 223100 ， "
            "电 话 ： 0517-87222589 ， 电 子 邮 箱 ：\nhz@126.com）"
        )
        assert contact is not None
        assert (contact.address, contact.postcode, contact.phone, contact.email) == (
            "淮安市洪泽区洪泽湖大道90号",
            "223100",
            "0517-87222589",
            "hz@126.com",
        )
        assert find_contact("无联系方式") is None

    def test_contact_labels_on_lines_of_their_own(self) -> None:
        """Label and value on separate lines (dt/dd), and a Markdown list of details, give the address alone."""
        contact = find_contact("联系地址\n江川市人民路88号\n邮政编码\n650000\n联系电话\n0871-6000000")
        assert contact is not None
        assert (contact.address, contact.postcode, contact.phone) == ("江川市人民路88号", "650000", "0871-6000000")
        listed = find_contact("- 联系地址：塔城市六合大厦F区411\n- 邮政编码：834700")
        assert listed is not None
        assert listed.address == "塔城市六合大厦F区411"

    @pytest.mark.parametrize(
        "text", ["电话/传真：0591-23165370", "电话及传真 0591-23165370", "电话、传真：0591-23165370"]
    )
    def test_one_number_for_phone_and_fax(self, text: str) -> None:
        """One number printed for 电话 and 传真 together is both."""
        contact = find_contact(text)
        assert contact is not None
        assert (contact.phone, contact.fax) == ("0591-23165370", "0591-23165370")


class TestNarrative:
    """Sections 一/五/六 with sub-sections."""

    def test_subsections(self) -> None:
        """Lead text, then （一）… with their titles; ASCII parentheses are normalised."""
        section = narrative(
            ["总述。", "(一) 主动公开。正文一。", "（二）依申请公开", "正文二。"], "一、总体情况", "总体情况"
        )
        assert section.heading is None
        assert section.text == "总述。"
        assert [(s.marker, s.title, s.text) for s in section.subsections] == [
            ("（一）", "主动公开", "正文一。"),
            ("（二）", "依申请公开", "正文二。"),
        ]

    def test_title_run_into_text(self) -> None:
        """A known topic title running straight into its text (crawled pages) is split off."""
        section = narrative(
            [
                "（一）主动公开方面平潭综合实验区切实落实。",
                "（二）依申请公开2024年共收到申请3件。",
                "（三）政府信息管理一是进一步规范发布流程。",
                "（四）信息公开平台建设方面一是改版网站。",
                "（五）监督和保障方面常态化开展监测。",
            ],
            "一、总体情况",
            "总体情况",
        )
        assert [(s.title, s.text) for s in section.subsections] == [
            ("主动公开方面", "平潭综合实验区切实落实。"),
            ("依申请公开", "2024年共收到申请3件。"),
            ("政府信息管理", "一是进一步规范发布流程。"),
            ("信息公开平台建设方面", "一是改版网站。"),
            ("监督和保障方面", "常态化开展监测。"),
        ]

    def test_2019_titles_run_into_text(self) -> None:
        """基本情况 / 主要做法 of 2019-style overviews are split off too."""
        lines = ["（一）基本情况今年，我区公布信息2599条。", "（二）主要做法1.加强组织领导。"]
        section = narrative(lines, None, "总体情况")
        assert [(s.title, s.text) for s in section.subsections] == [
            ("基本情况", "今年，我区公布信息2599条。"),
            ("主要做法", "1.加强组织领导。"),
        ]

    def test_topic_used_as_verb_not_split(self) -> None:
        """主动公开 followed by its object is a sentence, not a title; unknown openings stay text."""
        lines = ["（一）主动公开政府文件20件，解读10件，回应社会关切的问题共计30个，均在规定时限内办结。"]
        lines.append("（二）强化组织协调，着力规范公开工作，积极贯彻国家、省里有关政务公开的部署。")
        section = narrative(lines, None, "总体情况")
        assert [(s.title, s.text) for s in section.subsections] == [("", line[3:]) for line in lines]

    def test_markers_only_at_a_sentence_start(self) -> None:
        """（一）… starts a sub-section at the start, after 。/：/；/whitespace, not inside a sentence."""
        text = "（一）甲方面。（二）乙方面：（三）丙方面；(四) 丁方面 （五）戊方面，见（六）所列。"
        section = narrative([text], None, "总体情况")
        assert [s.marker for s in section.subsections] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
        last = section.subsections[-1]
        assert "见（六）所列" in last.title + last.text

    def test_reworded_heading_kept(self) -> None:
        """A heading that differs from the official one is kept as printed."""
        section = narrative(["正文"], "五、政府信息公开工作存在的主要问题及改进情况", "存在的主要问题及改进情况")
        assert section.heading == "五、政府信息公开工作存在的主要问题及改进情况"
