"""The official layouts of tables 二, 三 and 四, as data.

This module is the project's single source of truth for the report format: every row and column of every table,
its canonical key (``../shared/spec/report-format.md`` §8), its official label, its order and nesting. Models,
serialization, the JSON Schema, renderers, importers and the documentation all read it; no official label is
typed anywhere else.

The layout of a table is a tree of :class:`Node` objects. A node with a ``key`` appears in canonical paths
(``outcomes.withheld.state_secret``); a node without a key is a presentational group (a 表二 block title such
as 第二十条第（一）项, or the 行政诉讼 group of 表四). A node with ``fields`` is a data row: it holds one value per
field. Merged cells follow from the tree: a node's label spans its descendants' rows (表三) or columns (表四).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final, Literal

import attrs

__all__ = [
    "APPLICANT_HEADER",
    "CORNER_NOTE",
    "EDITIONS",
    "TABLE_KEYS",
    "Edition",
    "EditionKey",
    "Field",
    "FieldKind",
    "Header",
    "Node",
    "TableKey",
    "TableLayout",
    "cell_label",
    "edition",
    "row_label",
    "table",
]

EditionKey = Literal["2019", "2021"]
TableKey = Literal["active_disclosure", "applications", "review_litigation"]
FieldKind = Literal["count", "signed", "amount"]
"""``count``: integer ≥ 0; ``signed``: integer of either sign (2019 本年增/减); ``amount``: a decimal number."""

TABLE_KEYS: Final[tuple[TableKey, ...]] = ("active_disclosure", "applications", "review_litigation")


@attrs.frozen
class Field:
    """A value column of a data row: canonical key, official label and kind of value."""

    key: str
    label: str
    kind: FieldKind = "count"
    unit: str | None = None
    """Unit printed in the official label (only 万元 for the 2021 fees row)."""


@attrs.frozen
class Node:
    """A row of a table, or a group of rows (表三, 表二) or of column blocks (表四)."""

    key: str | None
    label: str
    fields: tuple[Field, ...] = ()
    children: tuple[Node, ...] = ()

    @property
    def is_row(self) -> bool:
        """True for a data row, which holds one value per field."""
        return bool(self.fields)

    def child(self, key: str) -> Node:
        """The keyed child (looking through unkeyed groups)."""
        for node in self.children:
            if node.key == key:
                return node
            if node.key is None:
                try:
                    return node.child(key)
                except KeyError:
                    continue
        raise KeyError(key)

    def keyed_children(self) -> Iterator[Node]:
        """Children that carry a key, looking through unkeyed groups, in order."""
        for node in self.children:
            if node.key is None:
                yield from node.keyed_children()
            else:
                yield node

    def walk(self, prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Node]]:
        """Every keyed node below this one with its path, depth first, in official order."""
        for node in self.keyed_children():
            path = (*prefix, node.key) if node.key is not None else prefix
            yield path, node
            yield from node.walk(path)

    def rows(self) -> Iterator[tuple[str, Node]]:
        """Every data row below this node with its dotted path, in official order."""
        for path, node in self.walk():
            if node.is_row:
                yield ".".join(path), node

    def height(self) -> int:
        """Number of data rows this node spans."""
        if not self.children:
            return 1
        return sum(child.height() for child in self.children)

    def depth(self) -> int:
        """Number of label levels below and including this node."""
        if not self.children:
            return 1
        return 1 + max(child.depth() for child in self.children)


@attrs.frozen
class Header:
    """A column header cell of 表三: a label over one field or over a group of header cells."""

    label: str
    field: str | None = None
    children: tuple[Header, ...] = ()

    def width(self) -> int:
        """Number of value columns spanned."""
        return 1 if not self.children else sum(child.width() for child in self.children)

    def depth(self) -> int:
        """Number of header rows from this cell down."""
        return 1 if not self.children else 1 + max(child.depth() for child in self.children)


@attrs.frozen
class TableLayout:
    """One official table of one edition."""

    key: TableKey
    number: str
    """The table's Chinese ordinal as used in reports: 二, 三 or 四."""
    title: str
    root: Node
    header: tuple[Header, ...] = ()
    """Column headers above the value columns (表三 and 表四)."""
    row_header: str | None = None
    """Header of the label column (表二: 信息内容)."""

    def rows(self) -> Iterator[tuple[str, Node]]:
        """Every data row with its dotted path, in official order."""
        return self.root.rows()

    def node(self, path: str) -> Node:
        """The node at a dotted canonical path (``outcomes.withheld.state_secret``)."""
        node = self.root
        for part in path.split("."):
            node = node.child(part)
        return node

    def paths(self) -> tuple[str, ...]:
        """Dotted paths of every data row, in official order."""
        return tuple(path for path, _ in self.rows())

    def cells(self) -> Iterator[tuple[str, Field]]:
        """Every (row path, field) pair, in official reading order."""
        for path, node in self.rows():
            for field in node.fields:
                yield path, field

    @property
    def name(self) -> str:
        """表二 / 表三 / 表四."""
        return f"表{self.number}"


@attrs.frozen
class Edition:
    """One edition of the official format."""

    key: EditionKey
    document: str
    published: str
    tables: tuple[TableLayout, ...]

    def table(self, key: str) -> TableLayout:
        """A table by canonical key (``applications``) or number (``三``, ``表三``)."""
        for layout in self.tables:
            if key in (layout.key, layout.number, layout.name):
                return layout
        raise KeyError(key)


# --------------------------------------------------------------------------------------------------------------
# Table 三 (same in both editions except （六）)

APPLICANT_FIELDS: Final = (
    Field("natural_person", "自然人"),
    Field("commercial", "商业企业"),
    Field("research", "科研机构"),
    Field("social_welfare", "社会公益组织"),
    Field("legal_services", "法律服务机构"),
    Field("other_org", "其他"),
    Field("total", "总计"),
)
CORNER_NOTE: Final = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANT_HEADER: Final = (
    Header(
        "申请人情况",
        children=(
            Header("自然人", "natural_person"),
            Header("法人或其他组织", children=tuple(Header(f.label, f.key) for f in APPLICANT_FIELDS[1:6])),
            Header("总计", "total"),
        ),
    ),
)


def _r(key: str, label: str) -> Node:
    return Node(key, label, APPLICANT_FIELDS)


OTHER_HANDLING_2019: Final = _r("other_handling", "（六）其他处理")
OTHER_HANDLING_2021: Final = Node(
    "other_handling",
    "（六）其他处理",
    children=(
        _r("no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        _r("unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        _r("other", "3.其他"),
    ),
)


def _applications(other_handling: Node) -> TableLayout:
    outcomes = Node(
        "outcomes",
        "三、本年度办理结果",
        children=(
            _r("granted", "（一）予以公开"),
            _r("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
            Node(
                "withheld",
                "（三）不予公开",
                children=(
                    _r("state_secret", "1.属于国家秘密"),
                    _r("prohibited_by_law", "2.其他法律行政法规禁止公开"),
                    _r("security_stability", "3.危及“三安全一稳定”"),
                    _r("third_party_rights", "4.保护第三方合法权益"),
                    _r("internal_affairs", "5.属于三类内部事务信息"),
                    _r("process_information", "6.属于四类过程性信息"),
                    _r("enforcement_files", "7.属于行政执法案卷"),
                    _r("query_matters", "8.属于行政查询事项"),
                ),
            ),
            Node(
                "unable_to_provide",
                "（四）无法提供",
                children=(
                    _r("not_held", "1.本机关不掌握相关政府信息"),
                    _r("requires_creation", "2.没有现成信息需要另行制作"),
                    _r("unclear_after_correction", "3.补正后申请内容仍不明确"),
                ),
            ),
            Node(
                "not_processed",
                "（五）不予处理",
                children=(
                    _r("complaint_petition", "1.信访举报投诉类申请"),
                    _r("repeated", "2.重复申请"),
                    _r("publications", "3.要求提供公开出版物"),
                    _r("excessive", "4.无正当理由大量反复申请"),
                    _r("confirmation", "5.要求行政机关确认或重新出具已获取信息"),
                ),
            ),
            other_handling,
            _r("total", "（七）总计"),
        ),
    )
    root = Node(
        None,
        "",
        children=(
            _r("new_received", "一、本年新收政府信息公开申请数量"),
            _r("carried_over", "二、上年结转政府信息公开申请数量"),
            outcomes,
            _r("carried_forward", "四、结转下年度继续办理"),
        ),
    )
    return TableLayout(
        key="applications",
        number="三",
        title="收到和处理政府信息公开申请情况",
        root=root,
        header=APPLICANT_HEADER,
    )


# --------------------------------------------------------------------------------------------------------------
# Table 四 (same in both editions)

REVIEW_FIELDS: Final = (
    Field("upheld", "结果维持"),
    Field("corrected", "结果纠正"),
    Field("other", "其他结果"),
    Field("pending", "尚未审结"),
    Field("total", "总计"),
)
REVIEW_LITIGATION: Final = TableLayout(
    key="review_litigation",
    number="四",
    title="政府信息公开行政复议、行政诉讼情况",
    root=Node(
        None,
        "",
        children=(
            Node("reconsideration", "行政复议", REVIEW_FIELDS),
            Node(
                None,
                "行政诉讼",
                children=(
                    Node("litigation_direct", "未经复议直接起诉", REVIEW_FIELDS),
                    Node("litigation_after_reconsideration", "复议后起诉", REVIEW_FIELDS),
                ),
            ),
        ),
    ),
)

# --------------------------------------------------------------------------------------------------------------
# Table 二

_ROW_HEADER: Final = "信息内容"
_ITEM_2019: Final = (
    Field("previous_items", "上一年项目数量"),
    Field("change", "本年增/减", "signed"),
    Field("decisions", "处理决定数量"),
)
_DOCS_2019: Final = (
    Field("made", "本年新制作数量"),
    Field("published", "本年新公开数量"),
    Field("total_published", "对外公开总数量"),
)
_DOCS_2021: Final = (
    Field("issued", "本年制发件数"),
    Field("repealed", "本年废止件数"),
    Field("in_force", "现行有效件数"),
)
_DECISIONS_2021: Final = (Field("decisions", "本年处理决定数量"),)


def _block(label: str, *rows: Node) -> Node:
    return Node(None, label, children=rows)


ACTIVE_DISCLOSURE_2019: Final = TableLayout(
    key="active_disclosure",
    number="二",
    title="主动公开政府信息情况",
    row_header=_ROW_HEADER,
    root=Node(
        None,
        "",
        children=(
            _block(
                "第二十条第（一）项",
                Node("regulations", "规章", _DOCS_2019),
                Node("normative_documents", "规范性文件", _DOCS_2019),
            ),
            _block(
                "第二十条第（五）项",
                Node("licensing", "行政许可", _ITEM_2019),
                Node("other_services", "其他对外管理服务事项", _ITEM_2019),
            ),
            _block(
                "第二十条第（六）项",
                Node("penalties", "行政处罚", _ITEM_2019),
                Node("coercive_measures", "行政强制", _ITEM_2019),
            ),
            _block("第二十条第（八）项", Node("fees", "行政事业性收费", _ITEM_2019[:2])),
            _block(
                "第二十条第（九）项",
                Node(
                    "procurement",
                    "政府集中采购",
                    (Field("projects", "采购项目数量"), Field("amount", "采购总金额", "amount")),
                ),
            ),
        ),
    ),
)
ACTIVE_DISCLOSURE_2021: Final = TableLayout(
    key="active_disclosure",
    number="二",
    title="主动公开政府信息情况",
    row_header=_ROW_HEADER,
    root=Node(
        None,
        "",
        children=(
            _block(
                "第二十条第（一）项",
                Node("regulations", "规章", _DOCS_2021),
                Node("normative_documents", "行政规范性文件", _DOCS_2021),
            ),
            _block("第二十条第（五）项", Node("licensing", "行政许可", _DECISIONS_2021)),
            _block(
                "第二十条第（六）项",
                Node("penalties", "行政处罚", _DECISIONS_2021),
                Node("coercive_measures", "行政强制", _DECISIONS_2021),
            ),
            _block(
                "第二十条第（八）项",
                Node("fees", "行政事业性收费", (Field("amount", "本年收费金额（单位：万元）", "amount", "万元"),)),
            ),
        ),
    ),
)

EDITIONS: Final[dict[str, Edition]] = {
    "2019": Edition(
        key="2019",
        document="国办公开办函〔2019〕60号",
        published="2019-11-27",
        tables=(ACTIVE_DISCLOSURE_2019, _applications(OTHER_HANDLING_2019), REVIEW_LITIGATION),
    ),
    "2021": Edition(
        key="2021",
        document="国办公开办函〔2021〕30号",
        published="2021-09-29",
        tables=(ACTIVE_DISCLOSURE_2021, _applications(OTHER_HANDLING_2021), REVIEW_LITIGATION),
    ),
}

SECTION_HEADINGS: Final[dict[str, tuple[str, str]]] = {
    "overview": ("一", "总体情况"),
    "active_disclosure": ("二", "主动公开政府信息情况"),
    "applications": ("三", "收到和处理政府信息公开申请情况"),
    "review_litigation": ("四", "政府信息公开行政复议、行政诉讼情况"),
    "problems": ("五", "存在的主要问题及改进情况"),
    "other_matters": ("六", "其他需要报告的事项"),
}
"""The six sections of every report, by canonical key: (Chinese ordinal, official heading)."""

OVERVIEW_TOPICS: Final = ("主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障")
"""The five topics the 2021 format asks section 一 to cover; most reports use them as （一）…（五）."""


def edition(key: str) -> Edition:
    """The edition with this key (``"2019"`` or ``"2021"``)."""
    try:
        return EDITIONS[key]
    except KeyError:
        raise KeyError(f"unknown edition {key!r}: expected one of {', '.join(EDITIONS)}") from None


def table(edition_key: str, table_key: str, *, single_other_handling: bool = False) -> TableLayout:
    """Shortcut for ``edition(edition_key).table(table_key)``.

    With ``single_other_handling``, 表三 is the layout with one （六）其他处理 row — the 2019 form, which some
    2021-era reports still print; other tables are unaffected.

    >>> table("2021", "三", single_other_handling=True).node("outcomes").height()
    20
    """
    layout = edition(edition_key).table(table_key)
    if single_other_handling and layout.key == "applications":
        return EDITIONS["2019"].table("applications")
    return layout


def _row_labels(layout: TableLayout) -> dict[str, str]:
    labels: dict[str, str] = {}

    def visit(node: Node, prefix: str, parents: str) -> None:
        for child in node.keyed_children():
            assert child.key is not None
            path = f"{prefix}{child.key}"
            label = f"{parents} {child.label}" if parents else child.label
            if child.is_row:
                labels[path] = label
            else:
                # 三、本年度办理结果 is left out: （一）…（七） are unambiguous without it
                visit(child, f"{path}.", "" if child.key == "outcomes" else label)

    visit(layout.root, "", "")
    return labels


_ROW_LABELS: Final[dict[tuple[str, str, bool], dict[str, str]]] = {
    (key, layout.key, single): _row_labels(table(key, layout.key, single_other_handling=single))
    for key, ed in EDITIONS.items()
    for layout in ed.tables
    for single in (False, True)
}


def row_label(edition_key: str, table_key: str, row: str, *, single_other_handling: bool = False) -> str:
    """Official label of a data row, with the block it belongs to where the row label alone is ambiguous.

    >>> row_label("2021", "applications", "outcomes.withheld.state_secret")
    '（三）不予公开 1.属于国家秘密'
    >>> row_label("2021", "applications", "outcomes.total")
    '（七）总计'
    """
    key = table_key if table_key in TABLE_KEYS else edition(edition_key).table(table_key).key
    try:
        return _ROW_LABELS[(edition_key, key, single_other_handling)][row]
    except KeyError:
        raise KeyError(f"no row {row!r} in {key} of the {edition_key} edition") from None


def cell_label(
    edition_key: str, table_key: str, row: str, column: str | None = None, *, single_other_handling: bool = False
) -> str:
    """The official labels of a cell (or, without ``column``, a row): the one way cells are named to people.

    >>> cell_label("2021", "applications", "outcomes.total", "natural_person")
    '表三 （七）总计 · 自然人'
    >>> cell_label("2019", "review_litigation", "litigation_direct", "upheld")
    '表四 未经复议直接起诉 · 结果维持'
    """
    layout = table(edition_key, table_key, single_other_handling=single_other_handling)
    text = f"{layout.name} {row_label(edition_key, layout.key, row, single_other_handling=single_other_handling)}"
    if column is not None:
        node = layout.node(row)
        for field in node.fields:
            if field.key == column:
                return f"{text} · {field.label}"
        raise KeyError(f"no column {column!r} in row {row!r} of {layout.key}")
    return text
