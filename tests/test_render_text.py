"""Tests of govdisclosure.renderers._text: tables of equal line width, options, footnotes of findings."""

from __future__ import annotations

import pytest
from strategies_render import FINDINGS, report_2021, report_2021_single

import govdisclosure
from govdisclosure.renderers import RenderError, TextRenderer, display_width
from govdisclosure.testing import consistent_report

REPORTS = {
    "tacheng-2024": lambda: govdisclosure.sample_report("tacheng-2024"),
    "example-2019": lambda: govdisclosure.sample_report("example-2019"),
    "2021": report_2021,
    "2021-single": report_2021_single,
    "consistent-2019": lambda: consistent_report("2019", seed=5),
    "consistent-2021": lambda: consistent_report("2021", seed=5),
}


class TestEqualWidth:
    """Every line of every text table has the same display width."""

    @pytest.mark.parametrize("name", list(REPORTS))
    @pytest.mark.parametrize("table", ["二", "三", "四"])
    @pytest.mark.parametrize("wide", [False, True])
    @pytest.mark.parametrize("border", ["box", "ascii"])
    def test_tables(self, name: str, table: str, wide: bool, border: str) -> None:
        """Both ambiguous-width settings, both border styles, blanks and findings markers included."""
        renderer = TextRenderer(table=table, border=border, ambiguous_wide=wide, caption=False, blank="—")
        text = renderer(REPORTS[name](), findings=FINDINGS)
        lines = [line for line in text.splitlines() if not line.startswith("*")]
        assert len({display_width(line, wide) for line in lines}) == 1

    @pytest.mark.parametrize("wrap", [4, 12, 40])
    def test_wrap_widths(self, wrap: int) -> None:
        """Narrow and wide label widths keep the lines equal."""
        text = TextRenderer(table="三", wrap=wrap, caption=False)(report_2021())
        assert len({display_width(line) for line in text.splitlines()}) == 1


class TestOptions:
    """Captions, blanks, borders and bad options."""

    def test_caption(self) -> None:
        """A single table starts with 表X and its title."""
        text = TextRenderer(table="二")(govdisclosure.sample_report())
        assert text.splitlines()[0] == "表二 主动公开政府信息情况"
        assert text.splitlines()[1].startswith("┌")

    def test_blank(self) -> None:
        """The blank option fills None cells."""
        text = TextRenderer(table="二", blank="—", caption=False)(report_2021())
        assert "│ 行政强制       │" in text
        row = next(line for line in text.splitlines() if "行政强制" in line)
        assert row.rstrip("│ ").endswith("—")

    def test_table_object(self) -> None:
        """A table object renders in the layout its class implies."""
        report = govdisclosure.sample_report("example-2019")
        assert TextRenderer()(report.applications) == TextRenderer(table="三")(report)

    def test_bad_border(self) -> None:
        """An unknown border style is refused in one line."""
        with pytest.raises(RenderError, match=r"^unknown border 'double': expected 'box' or 'ascii'$"):
            TextRenderer(border="double")

    def test_bad_wrap(self) -> None:
        """A wrap narrower than one CJK character is refused."""
        with pytest.raises(RenderError, match=r"^wrap=1 is too narrow: a CJK character needs 2 columns$"):
            TextRenderer(wrap=1)

    def test_bad_language(self) -> None:
        """Only zh and en messages exist."""
        with pytest.raises(RenderError, match=r"^unknown language 'fr': expected 'zh' or 'en'$"):
            TextRenderer(language="fr")


class TestFindings:
    """Markers next to flagged values and footnotes under the table."""

    def test_markers_and_footnotes(self) -> None:
        """*1 on the value, *2 on the row label, footnotes in order, findings of other tables left out."""
        text = TextRenderer(table="三", caption=False)(govdisclosure.sample_report("example-2019"), findings=FINDINGS)
        assert "│ 409 *1 │" in text
        assert "│ 1.属于国家秘密 *2" in text
        assert text.splitlines()[-2:] == [
            "*1 [error] C1 （七）总计·自然人 应为 409，实为 410",
            "*2 [warning] C3 1.属于国家秘密：总计与各列之和不符",
        ]

    def test_custom_marker_and_english(self) -> None:
        """The marker format and the message language are options."""
        renderer = TextRenderer(table="四", caption=False, marker="[{}]", language="en")
        text = renderer(govdisclosure.sample_report(), findings=FINDINGS)
        assert text.splitlines()[-1] == "[1] [info] C4 review <total> & direct"
        assert "│ 0 [1] │" in text
