"""Writers of report text for import tests: a report printed as a published page would print it.

``tab_text`` prints the tables as tab-separated lines (a Word table pasted as text); ``crawled_text`` prints them the
way crawled pages lose cell borders (all cells of a row run together). Both use the official labels from the
layout registry.
"""

from __future__ import annotations

from hypothesis import strategies as st

from govdisclosure import layout
from govdisclosure.importers import SourceCell, SourceDocument, SourceLine, SourceTable
from govdisclosure.model import Report
from govdisclosure.testing import consistent_report

SECTION = layout.SECTION_HEADINGS


def heading(key: str) -> str:
    """The official heading of a section, with its number."""
    number, title = SECTION[key]
    return f"{number}、{title}"


def _value(value: object) -> str:
    return "" if value is None else str(value)


def _preamble(report: Report) -> list[str]:
    return [
        report.title,
        f"本报告所列数据的统计期限自{report.year}年1月1日起至{report.year}年12月31日止。",
        heading("overview"),
        "（一）主动公开。全年主动公开信息若干条。",
    ]


def _active_rows(report: Report) -> list[tuple[str, list[str]]]:
    table = report.layout("active_disclosure")
    out = []
    for block in table.root.children:
        out.append((block.label, []))
        first = next(block.keyed_children())
        out.append((table.row_header or "", [f.label for f in first.fields]))
        for node in block.keyed_children():
            row = report.get(f"active_disclosure.{node.key}")
            out.append((node.label, [_value(v) for v in row.values()]))
    return out


def _applications_rows(report: Report) -> list[tuple[str, list[str]]]:
    out = []
    table = layout.table(report.edition, "applications", single_other_handling=report.uses_single_other_handling)
    for path, row in report.applications.rows():
        out.append((table.node(path).label, [_value(v) for v in row.values()]))
    return out


def _review_values(report: Report) -> list[str]:
    return [_value(v) for _, row in report.review_litigation.rows() for v in row.values()]


def _closing(report: Report) -> list[str]:
    return [
        heading("problems"),
        "存在的主要问题：一是……。",
        heading("other_matters"),
        "无。",
        report.agency,
        "2025年1月20日",
    ]


def tab_text(report: Report) -> str:
    """The report as text with tab-separated tables."""
    lines = [*_preamble(report), heading("active_disclosure")]
    lines += ["\t".join([label, *cells]) for label, cells in _active_rows(report)]
    lines.append(heading("applications"))
    lines.append("\t\t申请人情况\t\t\t\t\t\t总计")
    lines += ["\t".join([label, *cells]) for label, cells in _applications_rows(report)]
    lines.append(heading("review_litigation"))
    lines.append("行政复议\t\t\t\t\t行政诉讼")
    lines.append("\t".join(_review_values(report)))
    return "\n".join(lines + _closing(report)) + "\n"


def crawled_text(report: Report) -> str:
    """The report as one line of crawled page text: cells of a row run together with no separators."""
    parts = [*_preamble(report), heading("active_disclosure")]
    parts += [label + "".join(cells) for label, cells in _active_rows(report)]
    parts.append(heading("applications") + "申请人情况自然人法人或其他组织总计")
    parts += [label + "".join(cells) for label, cells in _applications_rows(report)]
    parts.append(heading("review_litigation") + "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计")
    parts.append("".join(_review_values(report)))
    return "".join(parts + _closing(report))


editions = st.sampled_from(["2019", "2021"])
seeds = st.integers(min_value=0, max_value=10**6)


@st.composite
def consistent_reports(draw: st.DrawFn) -> Report:
    """A report whose figures satisfy every arithmetic rule, for either edition."""
    return consistent_report(draw(editions), seed=draw(seeds))


_LABELS = [
    node.label
    for edition in ("2019", "2021")
    for table in ("applications", "active_disclosure")
    for _, node in layout.table(edition, table).root.walk()
]
_CELL_TEXTS = st.one_of(
    st.sampled_from(_LABELS),
    st.integers(min_value=0, max_value=10**6).map(str),
    st.sampled_from(["", "-", "/", "无", "12元", "3（其中1）", "1.5", "行政复议", "结果维持", "总计"]),
    st.text(max_size=8),
)


@st.composite
def source_tables(draw: st.DrawFn) -> SourceTable:
    """A grid of official labels, numbers, blank markers and noise, some cells marked as spanned."""
    width = draw(st.integers(min_value=1, max_value=16))
    height = draw(st.integers(min_value=1, max_value=30))
    return SourceTable(
        tuple(
            tuple(SourceCell(draw(_CELL_TEXTS), spanned=draw(st.booleans())) for _ in range(width))
            for _ in range(height)
        )
    )


source_lines = st.one_of(
    st.sampled_from(
        [
            "某县2023年政府信息公开工作年度报告",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
        ]
    ),
    st.text(max_size=30),
).map(SourceLine)
source_documents = st.builds(
    SourceDocument,
    st.lists(st.one_of(source_tables(), source_lines), max_size=8).map(tuple),
    st.sampled_from(["text", "markdown", "html", "pdf"]),
)
"""Documents as any format reader could produce them, mostly nonsense."""
