"""The plain-text and Markdown format readers."""

from __future__ import annotations

from govdisclosure.importers._source import SourceLine, SourceTable, Where
from govdisclosure.importers._text import read_markdown, read_text


class TestReadText:
    """Lines and tab-separated tables."""

    def test_tab_rows_make_one_table(self) -> None:
        """Consecutive tab-separated lines (blank lines between them allowed) are one rectangular table."""
        doc = read_text("标题\n规章\t0\t0\n\n规范性文件\t1\n正文")
        kinds = [type(b).__name__ for b in doc.blocks]
        assert kinds == ["SourceLine", "SourceTable", "SourceLine"]
        table = doc.blocks[1]
        assert isinstance(table, SourceTable)
        assert [[c.text for c in row] for row in table.rows] == [["规章", "0", "0"], ["规范性文件", "1", ""]]
        assert table.rows[1][1].where == Where(line=4, column=7, table=0, row=1, col=1)

    def test_headings_bold_and_page_marks(self) -> None:
        """Markdown heading and bold marks go; PDF page markers are dropped; form feeds end a line."""
        doc = read_text("## 一、总体情况\n**（一）主动公开。**正文\n- 1 -\f第二页\n— 2 —")
        lines = [(b.text, b.kind, b.where.line) for b in doc.blocks if isinstance(b, SourceLine)]
        assert lines == [("一、总体情况", "heading", 1), ("（一）主动公开。正文", "text", 2), ("第二页", "text", 3)]

    def test_format_and_name(self) -> None:
        """The document records its format and name."""
        doc = read_text("x", name="a.txt")
        assert (doc.format, doc.name) == ("text", "a.txt")


class TestReadMarkdown:
    """Pipe tables."""

    def test_pipe_table(self) -> None:
        """Separator rows are dropped; outer pipes do not make empty cells; inner empty cells are kept."""
        doc = read_markdown("| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 |  |\n")
        table = doc.blocks[0]
        assert isinstance(table, SourceTable)
        assert [[c.text for c in row] for row in table.rows] == [["信息内容", "本年制发件数"], ["规章", ""]]
        assert doc.format == "markdown"

    def test_pipe_and_tab_tables_are_separate(self) -> None:
        """A pipe table followed by tab lines gives two tables."""
        doc = read_markdown("| a | 1 |\nb\t2")
        assert [type(b).__name__ for b in doc.blocks] == ["SourceTable", "SourceTable"]


class TestBoxDrawnTables:
    """Tables drawn with box characters (the text renderer's output): rules skipped, wrapped cells joined."""

    BOX = "\n".join(
        [
            "┌──────────────┬────────┬──────┐",
            "│ 信息内容     │ 本年制 │ 总计 │",
            "│              │ 发件数 │      │",
            "├──────────────┼────────┼──────┤",
            "│ 规章         │      3 │    3 │",
            "├──────┬───────┼────────┼──────┤",
            "│      │ 1.属于│        │      │",
            "│（三）│ 国家秘│      2 │    2 │",
            "│      │ 密    │        │      │",
            "│      ├───────┼────────┼──────┤",
            "└──────┴───────┴────────┴──────┘",
        ]
    )

    def test_rules_skipped_and_cells_joined(self) -> None:
        """One table; a cell wrapped over lines is one cell; a line with a partial rule is a row of its own."""
        doc = read_text(self.BOX)
        assert [type(b).__name__ for b in doc.blocks] == ["SourceTable"]
        rows = [[cell.text for cell in row] for row in doc.blocks[0].rows]
        assert rows[0][:3] == ["信息内容", "本年制发件数", "总计"]
        assert rows[1][:3] == ["规章", "3", "3"]
        assert rows[2][:4] == ["（三）", "1.属于国家秘密", "2", "2"]
        assert rows[3] == ["", "", "", ""]

    def test_wide_characters_align(self) -> None:
        """Lines whose bars sit at the same display columns are joined even with different character counts."""
        doc = read_text("│ 一二 │ 1 │\n│ ab   │   │")
        assert [cell.text for cell in doc.blocks[0].rows[0]] == ["一二ab", "1"]
