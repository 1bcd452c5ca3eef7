"""Tests of govdisclosure.renderers (the package): render(), repr_html(), repr_text(), grid()."""

from __future__ import annotations

import pytest
from strategies_render import FINDINGS

import govdisclosure
from govdisclosure.model import Applications, ReviewLitigation
from govdisclosure.renderers import (
    HtmlRenderer,
    MarkdownRenderer,
    RenderError,
    TextRenderer,
    grid,
    render,
    repr_html,
    repr_text,
)


class TestRender:
    """The one-call entry point."""

    def test_formats(self) -> None:
        """Each format is its renderer class with the same options."""
        report = govdisclosure.sample_report("example-2019")
        assert render(report) == TextRenderer()(report)
        assert render(report, "markdown", "三") == MarkdownRenderer(table="三")(report)
        assert render(report, "html", "四", css=True) == HtmlRenderer(table="四", css=True)(report)
        assert render(report, "text", border="ascii", ambiguous_wide=True) == TextRenderer(
            border="ascii", ambiguous_wide=True
        )(report)

    def test_findings_and_page(self) -> None:
        """findings= and page= pass through."""
        report = govdisclosure.sample_report("example-2019")
        assert "gd-error" in render(report, "html", findings=FINDINGS)
        assert render(report, "html", page=True).startswith("<!DOCTYPE html>")

    def test_unknown_format(self) -> None:
        """One line naming the choices."""
        with pytest.raises(RenderError, match=r"^unknown format 'pdf': expected one of text, markdown, html, docx$"):
            render(govdisclosure.sample_report(), "pdf")

    def test_unknown_option(self) -> None:
        """Options of another format are refused with the list of valid ones."""
        with pytest.raises(
            RenderError,
            match=r"^unknown option 'border' for format 'markdown': expected one of blank, caption, language, mark$",
        ):
            render(govdisclosure.sample_report(), "markdown", border="ascii")

    def test_page_needs_html(self) -> None:
        """page=True is only for HTML."""
        with pytest.raises(
            RenderError, match=r"^page=True makes a standalone HTML document: use format='html', not 'text'$"
        ):
            render(govdisclosure.sample_report(), page=True)


class TestRepr:
    """Hooks for notebooks and terminals, for reports and every table object."""

    def test_report(self) -> None:
        """A report renders whole."""
        report = govdisclosure.sample_report()
        assert repr_text(report) == TextRenderer()(report)
        html = repr_html(report)
        assert html.startswith("<style>")
        assert '<article class="gd-report">' in html

    @pytest.mark.parametrize("key", ["active_disclosure", "applications", "review_litigation"])
    @pytest.mark.parametrize("sample", ["tacheng-2024", "example-2019"])
    def test_tables(self, key: str, sample: str) -> None:
        """Each table object renders as its table with a caption."""
        report = govdisclosure.sample_report(sample)
        table = getattr(report, key)
        assert repr_text(table) == render(report, "text", key)
        assert repr_html(table) == render(report, "html", key, css=True)

    def test_bare_tables(self) -> None:
        """Tables built on their own: 表三 with one （六） row is drawn in the 2019 layout."""
        assert "（六）其他处理" in repr_text(Applications.filled(0, edition="2019"))
        assert "1.申请人无正当理由" in repr_text(Applications.filled(0, edition="2021"))
        assert repr_text(ReviewLitigation()).startswith("表四 ")


class TestGrid:
    """The grid of a table."""

    def test_grid(self) -> None:
        """grid() gives the span grid of a report's table or of a table object."""
        report = govdisclosure.sample_report()
        assert grid(report, "三") == grid(report.applications)
        assert (grid(report.review_litigation).rows, grid(report.review_litigation).cols) == (4, 15)

    def test_grid_needs_table(self) -> None:
        """A whole report has no single grid."""
        with pytest.raises(RenderError, match=r"^grid\(\) of a Report needs table=: one of '二', '三', '四'$"):
            grid(govdisclosure.sample_report())
