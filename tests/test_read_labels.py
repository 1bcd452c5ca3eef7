"""Label matching: official labels, variants, typos, truncations; never a guess."""

from __future__ import annotations

import pytest

from govdisclosure import layout
from govdisclosure.importers._labels import find_labels, match, normalize, strip_number, unify_marks


class TestNormalize:
    """Printed labels in comparable form."""

    def test_full_width_and_spaces(self) -> None:
        """Full-width digits and parentheses become ASCII; spaces, line breaks and quotes go."""
        assert normalize("（三）不予\n公开") == "(三)不予公开"
        assert normalize("\uff13．危及“三安全一稳定”") == "3.危及三安全一稳定"

    def test_enumeration_comma(self) -> None:
        """ "1、" is read as "1."; 合计 as 总计."""
        assert normalize("1、其他") == "1.其他"
        assert normalize("（七）合计") == "(七)总计"

    def test_one_rule_for_labels_and_lines(self) -> None:
        """Labels and the lines searched for labels unify 1、 and 合计 by the same helper, keeping positions."""
        from govdisclosure.importers._assemble import _Norm

        for text in ("3、合计", "（七） 合计", "12、3,4", "1,234"):
            assert _Norm(text).text == normalize(text) == unify_marks(normalize(text))
        assert unify_marks("3、合计") == "3.总计"
        assert len(unify_marks("3、合计 1、x")) == len("3、合计 1、x")

    def test_strip_number(self) -> None:
        """Numbers of every style are split off."""
        assert strip_number("(六)其他处理") == ("(六)", "其他处理")
        assert strip_number("四、结转下年度继续办理") == ("四", "结转下年度继续办理")
        assert strip_number("12.5万元") == ("", "12.5万元")


class TestMatch:
    """One printed label, one official row (or None)."""

    @pytest.mark.parametrize("edition", ["2019", "2021"])
    def test_every_official_label(self, edition: str) -> None:
        """Every official row and group of 表三 and 表二 matches itself exactly."""
        for table_key in ("applications", "active_disclosure"):
            for path, node in layout.table(edition, table_key).root.walk():
                found = match(node.label, table_key)
                assert found is not None
                assert (found.path, found.exact) == (".".join(path), True)

    @pytest.mark.parametrize(
        ("printed", "path"),
        [
            ("三、本年度办 理结果", "outcomes"),
            ("(六) 其他处理", "outcomes.other_handling"),
            ("（六）其他", "outcomes.other_handling"),
            ("5. 要求行政机关确认或", "outcomes.not_processed.confirmation"),
            (
                "1、申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请",
                "outcomes.other_handling.no_correction",
            ),
            ("部分公开 (区分处理的, 只计这一情形, 不计其他情形)", "outcomes.partially_granted"),
            ("（二）部分公开（区分处理的，只计这一情 形，不", "outcomes.partially_granted"),
            ("（七）合计", "outcomes.total"),
            ("\uff11．属于国家秘密", "outcomes.withheld.state_secret"),
        ],
    )
    def test_variants(self, printed: str, path: str) -> None:
        """Spaces, ASCII parentheses, truncations, "1、", 合计 and full-width digits are recognised."""
        found = match(printed, "applications")
        assert found is not None
        assert found.path == path

    def test_typo_is_flagged(self) -> None:
        """A typo matches by similarity, flagged as not exact."""
        found = match("2.其他法律行政止公开", "applications")
        assert found is not None
        assert (found.path, found.exact) == ("outcomes.withheld.prohibited_by_law", False)

    @pytest.mark.parametrize(
        ("printed", "path"),
        [
            ("规范性文件", "normative_documents"),
            ("行政规范性文件", "normative_documents"),
            ("规章（设区的市、自治州人民政府应提供相关数据）", "regulations"),
            ("行政事业性收费", "fees"),
        ],
    )
    def test_active_disclosure(self, printed: str, path: str) -> None:
        """表二 labels of both editions and annotated labels."""
        found = match(printed, "active_disclosure")
        assert found is not None
        assert found.path == path

    @pytest.mark.parametrize(
        "printed",
        [
            "其他",
            "总计",
            "商业企业",
            "重新出具已获取信息",
            "申请人情况",
            "（本列数据的勾稽关系为：第一项加第二项之和）",
            "",
        ],
    )
    def test_not_a_row(self, printed: str) -> None:
        """Column headers, label fragments and notes are not rows."""
        assert match(printed, "applications") is None


class TestFindLabels:
    """Labels inside running text."""

    def test_concatenated(self) -> None:
        """Labels are found in crawled text, their printed numbers included in the span."""
        text = normalize("（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000000（七）总计23 0 00 0 023")
        spans = [(text[s:e], m.path) for s, e, m in find_labels(text, "applications")]
        assert spans == [
            ("(三)不予公开", "outcomes.withheld"),
            ("1.属于国家秘密", "outcomes.withheld.state_secret"),
            ("2.其他法律行政法规禁止公开", "outcomes.withheld.prohibited_by_law"),
            ("(七)总计", "outcomes.total"),
        ]

    def test_short_body_needs_number(self) -> None:
        """ "其他" in a header is not the （六）3 row; "3.其他" is."""
        assert find_labels("商业企业科研机构其他", "applications") == []
        assert [m.path for _, _, m in find_labels("3.其他1000001", "applications")] == ["outcomes.other_handling.other"]
