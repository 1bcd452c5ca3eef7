"""Tests of govdisclosure.renderers._markdown: flattened pipe tables with path-like labels."""

from __future__ import annotations

import re

import attrs
from strategies_render import FINDINGS, report_2021

import govdisclosure
from govdisclosure import layout
from govdisclosure.model import Contact, Narrative, Subsection
from govdisclosure.renderers import MarkdownRenderer


class TestTables:
    """Row and column labels come from the layout; numbers are not re-formatted."""

    def test_applications_paths(self) -> None:
        """Row labels are paths through the layout; columns name their header group."""
        md = MarkdownRenderer(table="三", caption=False)(report_2021())
        t = layout.table("2021", "applications")
        nodes = ("outcomes", "outcomes.withheld", "outcomes.withheld.state_secret")
        path = " / ".join(t.node(n).label for n in nodes)
        lines = md.splitlines()
        assert lines[0].split("|")[3].strip() == "法人或其他组织 / 商业企业"
        assert any(line.startswith(f"| {path} ") for line in lines)
        assert len(lines) == 2 + 25

    def test_review_litigation_rows(self) -> None:
        """表四 becomes three rows over its five columns."""
        md = MarkdownRenderer(table="四", caption=False)(govdisclosure.sample_report())
        labels = [line.split("|")[1].strip() for line in md.splitlines()[2:]]
        assert labels == ["行政复议", "行政诉讼 / 未经复议直接起诉", "行政诉讼 / 复议后起诉"]

    def test_active_disclosure_blocks(self) -> None:
        """表二 is one small table per block; amounts keep their printed form."""
        md = MarkdownRenderer(table="二", caption=False)(report_2021())
        assert md.count("| 信息内容") == 4
        assert md.startswith("**第二十条第（一）项**\n\n")
        assert "|                        12.50 |" in md

    def test_caption_and_blank(self) -> None:
        """Caption in bold; blank text for None."""
        md = MarkdownRenderer(table="二", blank="-")(report_2021())
        assert md.startswith("**表二 主动公开政府信息情况**\n\n")
        row = next(line for line in md.splitlines() if line.startswith("| 行政强制"))
        assert row.rstrip(" |").endswith("-")

    def test_findings_footnotes(self) -> None:
        """Flagged cells get footnote references; messages are escaped."""
        md = MarkdownRenderer(table="四", caption=False)(govdisclosure.sample_report(), findings=FINDINGS)
        assert re.search(r"\| +0\[\^1\] \|$", md.splitlines()[2])
        assert md.endswith("[^1]: [info] C4 行政复议 &lt;总计> & 直接起诉")


class TestReport:
    """The whole report as Markdown."""

    def test_structure(self) -> None:
        """Title, preamble list, six ## sections in order, ### sub-sections."""
        md = MarkdownRenderer()(govdisclosure.sample_report())
        lines = md.splitlines()
        assert lines[0] == "# 塔城地区行署外事办公室2024年政府信息公开工作年度报告"
        assert lines[2] == "- **发布机关**：塔城地区行署外事办公室"
        headings = [line for line in lines if line.startswith("## ")]
        assert headings == [f"## {n}、{t}" for n, t in layout.SECTION_HEADINGS.values()]
        assert "### （四）政府信息公开平台建设" in lines

    def test_pipe_in_text_is_escaped(self) -> None:
        """A pipe inside a label cannot break a table row (labels come from the layout; test via blank)."""
        md = MarkdownRenderer(table="四", caption=False, blank="a|b")(
            attrs.evolve(govdisclosure.sample_report(), review_litigation=govdisclosure.ReviewLitigation())
        )
        assert "a\\|b" in md
        assert len(re.findall(r"(?<!\\)\|", md.splitlines()[2])) == 7

    def test_printed_heading_wins(self) -> None:
        """A narrative's printed heading replaces the official one."""
        report = attrs.evolve(govdisclosure.sample_report(), problems=Narrative(heading="五、问题", text="无"))
        assert "## 五、问题\n\n无" in MarkdownRenderer()(report)


class TestEscaping:
    """Narrative and metadata are shown as written: no HTML, no Markdown structure sneaks in."""

    @staticmethod
    def _render(**changes: object) -> str:
        return MarkdownRenderer()(attrs.evolve(govdisclosure.sample_report(), **changes))

    def test_metadata(self) -> None:
        """Agency, title and contact details: tags and entities become text, pipes and underscores are escaped."""
        md = self._render(
            agency="A<script>alert(1)</script>",
            title="标题 &lt;b&gt; | *要点*",
            contact=Contact(email="gov_info@example.cn", phone="1 & 2"),
        )
        lines = md.splitlines()
        assert lines[0] == "# 标题 &amp;lt;b&amp;gt; \\| \\*要点\\*"
        assert lines[2] == "- **发布机关**：A&lt;script>alert(1)&lt;/script>"
        assert "- **联系电话**：1 & 2" in lines
        assert "- **电子邮箱**：gov\\_info@example.cn" in lines
        assert "<script>" not in md

    def test_narrative(self) -> None:
        """Paragraphs keep their text; tags, table pipes and line-start markers are neutralised."""
        overview = Narrative(
            text="正文<img src=x onerror=alert(1)>结束。\n\n# 不是标题\n> 不是引用\n- 不是列表\n1. 不是编号\n---",
            subsections=(Subsection(marker="（一）", title="主动<b>公开</b>", text="a | b | c"),),
        )
        md = self._render(overview=overview)
        assert "正文&lt;img src=x onerror=alert(1)>结束。" in md
        assert "\\# 不是标题\n\\> 不是引用\n\\- 不是列表\n1\\. 不是编号\n\\---" in md
        assert "### （一）主动&lt;b>公开&lt;/b>" in md
        assert "\n\na \\| b \\| c\n\n" in md
        assert "<img" not in md
        assert "<b>" not in md

    def test_plain_text_unchanged(self) -> None:
        """Ordinary report text passes through as it is."""
        text = "2024年共收到政府信息公开申请21件，均已按时答复（详见表三）。"
        assert f"\n{text}\n" in self._render(overview=Narrative(text=text))
