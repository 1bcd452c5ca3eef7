"""Tests of govdisclosure.renderers._report: sections in order, preamble, dispatch of the base renderer."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import govdisclosure
from govdisclosure import layout
from govdisclosure.model import Contact, Narrative, Period, Subsection
from govdisclosure.renderers import Renderer, RenderError, TextRenderer
from govdisclosure.renderers._report import paragraphs, preamble, sections


class TestSections:
    """Sections 一 to 六 in official order."""

    def test_order_and_kinds(self) -> None:
        """Narratives 一, 五, 六; tables 二, 三, 四 with their contexts."""
        found = list(sections(govdisclosure.sample_report()))
        assert [s.key for s in found] == list(layout.SECTION_HEADINGS)
        assert [s.kind for s in found] == ["narrative", "table", "table", "table", "narrative", "narrative"]
        assert found[2].context is not None
        assert found[2].context.key == "applications"

    def test_heading_as_printed(self) -> None:
        """A narrative heading as printed replaces the official heading; tables keep the official one."""
        report = govdisclosure.sample_report("example-2019")
        assert next(s.heading for s in sections(report)) == "一、总体情况"
        report = attrs.evolve(report, problems=Narrative(heading="五、政府信息公开工作存在的主要问题及改进情况"))
        assert [s.heading for s in sections(report)][4] == "五、政府信息公开工作存在的主要问题及改进情况"


class TestPreamble:
    """Metadata lines."""

    def test_full(self) -> None:
        """Agency, period, date and the contact details that are present."""
        report = attrs.evolve(
            govdisclosure.sample_report(),
            period=Period(start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31)),
            published=dt.date(2025, 1, 20),
            contact=Contact(phone="0901-1", email="a@b.cn"),
        )
        assert preamble(report) == [
            ("发布机关", "塔城地区行署外事办公室"),
            ("统计期间", "2024年1月1日至2024年12月31日"),
            ("发布日期", "2025年1月20日"),
            ("联系电话", "0901-1"),
            ("电子邮箱", "a@b.cn"),
        ]

    def test_minimal(self) -> None:
        """Only the agency when nothing else is known."""
        report = govdisclosure.blank_report("2021", year=2024, agency="某局")
        assert preamble(report) == [("发布机关", "某局")]


class TestText:
    """The whole report as text."""

    def test_outline(self) -> None:
        """Title, preamble, headings, sub-section titles, tables in place."""
        report = attrs.evolve(
            govdisclosure.blank_report("2021", year=2024, agency="某局", fill=0),
            overview=Narrative(text="总述。\n\n第二段。", subsections=(Subsection(marker="（一）", title="主动公开"),)),
        )
        text = TextRenderer()(report)
        blocks = text.split("\n\n")
        assert blocks[:6] == [
            "某局2024年政府信息公开工作年度报告",
            "发布机关：某局",
            "一、总体情况",
            "总述。",
            "第二段。",
            "（一）主动公开",
        ]
        assert blocks[6] == "二、主动公开政府信息情况"
        assert blocks[7].startswith("┌")
        assert text.endswith("六、其他需要报告的事项\n")

    def test_paragraphs(self) -> None:
        """Blank lines split paragraphs; empty ones vanish."""
        assert paragraphs("a\r\n\r\n\n\nb\nc\n\n  ") == ["a", "b\nc"]


class TestBase:
    """The base class leaves the drawing to subclasses."""

    def test_bad_mark(self) -> None:
        """Only first and all are ways of marking findings."""
        message = r"^unknown mark 'some': expected 'first' \(a finding's location\) or 'all' \(every cell\)$"
        with pytest.raises(RenderError, match=message):
            TextRenderer(mark="some")

    def test_abstract(self) -> None:
        """Renderer itself draws nothing."""
        with pytest.raises(NotImplementedError):
            Renderer()(govdisclosure.sample_report())
