"""Typed, immutable classes for the annual report, both editions.

Attribute names are the canonical keys of ``layout`` (and of the JSON format); official labels are read from
:mod:`govdisclosure.layout`, never typed here. Construction enforces only hard facts: types, counts ≥ 0, a known
edition, rows of the right edition. Whether the figures add up is a matter for :func:`govdisclosure.check`.

A count is ``int | None``: ``None`` is a blank or non-numeric cell ("/", "-", "无") and is never turned into 0.
"""

from __future__ import annotations

import datetime as _dt
import operator
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any, ClassVar, Self, TypeAlias, cast

import attrs

from . import layout as _layout
from .errors import ModelError

__all__ = [
    "ActiveDisclosure2019",
    "ActiveDisclosure2021",
    "ApplicantRow",
    "Applications",
    "Contact",
    "Decisions",
    "DocumentCounts2019",
    "DocumentCounts2021",
    "FeeAmount",
    "FeeItems",
    "ItemCounts",
    "Narrative",
    "NotProcessed",
    "OtherHandling",
    "Outcomes",
    "Period",
    "Procurement",
    "Report",
    "ReviewLitigation",
    "ReviewRow",
    "Subsection",
    "UnableToProvide",
    "Withheld",
    "blank_report",
]

Count: TypeAlias = int | None
Amount: TypeAlias = Decimal | None
CellValue: TypeAlias = int | Decimal | None


# --------------------------------------------------------------------------------------------------------------
# validators


def _count(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if type(value) is not int:
        raise ModelError(f"{type(inst).__name__}.{attr.name}: expected an integer or None, got {value!r}")
    if value < 0:
        raise ModelError(f"{type(inst).__name__}.{attr.name}: a count cannot be negative, got {value}")


def _signed(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if value is not None and type(value) is not int:
        raise ModelError(f"{type(inst).__name__}.{attr.name}: expected an integer or None, got {value!r}")


def _amount(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if type(value) is not Decimal:
        raise ModelError(f"{type(inst).__name__}.{attr.name}: expected a Decimal or None, got {value!r}")
    if not value.is_finite():
        raise ModelError(f"{type(inst).__name__}.{attr.name}: an amount must be finite, got {value}")
    if value < 0:
        raise ModelError(f"{type(inst).__name__}.{attr.name}: an amount cannot be negative, got {value}")


def _count_field() -> Any:
    return attrs.field(default=None, validator=_count)


def _instance_of(*types: type) -> Any:
    names = " or ".join(t.__name__ for t in types)

    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, types):
            raise ModelError(f"{type(inst).__name__}.{attr.name}: expected {names}, got {type(value).__name__}")

    return check


def _part(cls: type) -> Any:
    """A nested part, defaulting to a blank one."""
    return attrs.field(factory=cls, validator=_instance_of(cls))


# --------------------------------------------------------------------------------------------------------------
# rows


class _Row:
    """Shared behaviour of data rows: values in official column order, builders."""

    __slots__ = ()
    FIELDS: ClassVar[tuple[str, ...]]

    def values(self) -> tuple[CellValue, ...]:
        """The row's values in official column order."""
        return tuple(getattr(self, name) for name in self.FIELDS)

    def as_dict(self) -> dict[str, CellValue]:
        """Column key → value, in official order."""
        return {name: getattr(self, name) for name in self.FIELDS}

    AMOUNTS: ClassVar[tuple[str, ...]]

    @classmethod
    def filled(cls, value: CellValue = 0) -> Self:
        """A row with every cell set to ``value`` (0 by default; ``None`` for a blank row).

        Amount cells get ``Decimal(value)``.
        """
        values: dict[str, CellValue] = dict.fromkeys(cls.FIELDS, value)
        if value is not None:
            for name in cls.AMOUNTS:
                values[name] = Decimal(value)
        return cls(**values)

    def replace(self, **changes: CellValue) -> Self:
        """A copy with some cells changed."""
        return attrs.evolve(self, **changes)  # type: ignore[misc]


def _row_fields(cls: type[_Row]) -> type[_Row]:
    fields = attrs.fields(cls)  # type: ignore[arg-type]
    cls.FIELDS = tuple(a.name for a in fields)
    cls.AMOUNTS = tuple(a.name for a in fields if a.validator is _amount)
    return cls


@_row_fields
@attrs.frozen(kw_only=True)
class ApplicantRow(_Row):
    """A data row of 表三: one count per applicant column, and the 总计 column."""

    natural_person: Count = _count_field()
    commercial: Count = _count_field()
    research: Count = _count_field()
    social_welfare: Count = _count_field()
    legal_services: Count = _count_field()
    other_org: Count = _count_field()
    total: Count = _count_field()

    PARTS: ClassVar[tuple[str, ...]] = (
        "natural_person",
        "commercial",
        "research",
        "social_welfare",
        "legal_services",
        "other_org",
    )

    @classmethod
    def of(
        cls,
        natural_person: Count = 0,
        commercial: Count = 0,
        research: Count = 0,
        social_welfare: Count = 0,
        legal_services: Count = 0,
        other_org: Count = 0,
    ) -> ApplicantRow:
        """A row from its six applicant columns, with 总计 computed (None if any part is None)."""
        parts = (natural_person, commercial, research, social_welfare, legal_services, other_org)
        total = None if any(p is None for p in parts) else sum(cast(tuple[int, ...], parts))
        return cls(
            natural_person=natural_person,
            commercial=commercial,
            research=research,
            social_welfare=social_welfare,
            legal_services=legal_services,
            other_org=other_org,
            total=total,
        )

    def parts(self) -> tuple[Count, ...]:
        """The six applicant columns (everything but 总计)."""
        return (
            self.natural_person,
            self.commercial,
            self.research,
            self.social_welfare,
            self.legal_services,
            self.other_org,
        )

    def parts_sum(self) -> Count:
        """Sum of the six applicant columns, or None if any is blank."""
        parts = self.parts()
        if None in parts:
            return None
        return sum(cast(tuple[int, ...], parts))

    def totalled(self) -> ApplicantRow:
        """A copy whose 总计 is the sum of the six applicant columns (unchanged if any is blank)."""
        total = self.parts_sum()
        return self if total is None or total == self.total else attrs.evolve(self, total=total)


@_row_fields
@attrs.frozen(kw_only=True)
class ReviewRow(_Row):
    """A block of 表四: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计."""

    upheld: Count = _count_field()
    corrected: Count = _count_field()
    other: Count = _count_field()
    pending: Count = _count_field()
    total: Count = _count_field()

    PARTS: ClassVar[tuple[str, ...]] = ("upheld", "corrected", "other", "pending")

    @classmethod
    def of(cls, upheld: Count = 0, corrected: Count = 0, other: Count = 0, pending: Count = 0) -> ReviewRow:
        """A block from its four parts, with 总计 computed (None if any part is None)."""
        parts = (upheld, corrected, other, pending)
        total = None if any(p is None for p in parts) else sum(cast(tuple[int, ...], parts))
        return cls(upheld=upheld, corrected=corrected, other=other, pending=pending, total=total)

    def parts(self) -> tuple[Count, ...]:
        """结果维持, 结果纠正, 其他结果, 尚未审结."""
        return (self.upheld, self.corrected, self.other, self.pending)

    def parts_sum(self) -> Count:
        """Sum of the four parts, or None if any is blank."""
        parts = self.parts()
        if None in parts:
            return None
        return sum(cast(tuple[int, ...], parts))


@_row_fields
@attrs.frozen(kw_only=True)
class DocumentCounts2021(_Row):
    """表二 (2021) 规章 / 行政规范性文件: 本年制发件数, 本年废止件数, 现行有效件数."""

    issued: Count = _count_field()
    repealed: Count = _count_field()
    in_force: Count = _count_field()


@_row_fields
@attrs.frozen(kw_only=True)
class Decisions(_Row):
    """表二 (2021) 行政许可 / 行政处罚 / 行政强制: 本年处理决定数量."""

    decisions: Count = _count_field()


@_row_fields
@attrs.frozen(kw_only=True)
class FeeAmount(_Row):
    """表二 (2021) 行政事业性收费: 本年收费金额（单位：万元）."""

    amount: Amount = attrs.field(default=None, validator=_amount)


@_row_fields
@attrs.frozen(kw_only=True)
class DocumentCounts2019(_Row):
    """表二 (2019) 规章 / 规范性文件: 本年新制作数量, 本年新公开数量, 对外公开总数量."""

    made: Count = _count_field()
    published: Count = _count_field()
    total_published: Count = _count_field()


@_row_fields
@attrs.frozen(kw_only=True)
class ItemCounts(_Row):
    """表二 (2019) 行政许可 / 其他对外管理服务事项 / 行政处罚 / 行政强制: 上一年项目数量, 本年增/减, 处理决定数量."""

    previous_items: Count = _count_field()
    change: Count = attrs.field(default=None, validator=_signed)
    decisions: Count = _count_field()


@_row_fields
@attrs.frozen(kw_only=True)
class FeeItems(_Row):
    """表二 (2019) 行政事业性收费: 上一年项目数量, 本年增/减."""

    previous_items: Count = _count_field()
    change: Count = attrs.field(default=None, validator=_signed)


@_row_fields
@attrs.frozen(kw_only=True)
class Procurement(_Row):
    """表二 (2019) 政府集中采购: 采购项目数量, 采购总金额."""

    projects: Count = _count_field()
    amount: Amount = attrs.field(default=None, validator=_amount)


# --------------------------------------------------------------------------------------------------------------
# groups of rows


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(a.name for a in attrs.fields(cls))
    return names


class _Group:
    """Shared behaviour of row groups and tables: ordered access to the keyed parts."""

    __slots__ = ()

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        for name in _field_names(type(self)):
            yield name, getattr(self, name)

    def rows(self, prefix: str = "") -> Iterator[tuple[str, _Row]]:
        """Every data row below this group with its dotted path, in official order."""
        for name, value in self:
            path = f"{prefix}{name}"
            if isinstance(value, _Row):
                yield path, value
            elif isinstance(value, _Group):
                yield from value.rows(path + ".")

    @classmethod
    def filled(cls, value: CellValue = 0) -> Self:
        """A group whose every cell is ``value``."""
        kwargs: dict[str, Any] = {}
        for a in attrs.fields(cls):  # type: ignore[arg-type]
            part = a.default.factory if isinstance(a.default, attrs.Factory) else None  # type: ignore[arg-type]
            if isinstance(part, type) and issubclass(part, (_Row, _Group)):
                kwargs[a.name] = part.filled(value)
        return cls(**kwargs)


class _Rendered:
    """Notebook and terminal display: the official layout, drawn by :mod:`govdisclosure.renderers`."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        from .renderers import repr_html

        return repr_html(self)

    def __str__(self) -> str:
        from .renderers import repr_text

        return repr_text(self)


def _applicant_row() -> Any:
    return _part(ApplicantRow)


@attrs.frozen(kw_only=True)
class Withheld(_Group):
    """（三）不予公开: eight reasons."""

    state_secret: ApplicantRow = _applicant_row()
    prohibited_by_law: ApplicantRow = _applicant_row()
    security_stability: ApplicantRow = _applicant_row()
    third_party_rights: ApplicantRow = _applicant_row()
    internal_affairs: ApplicantRow = _applicant_row()
    process_information: ApplicantRow = _applicant_row()
    enforcement_files: ApplicantRow = _applicant_row()
    query_matters: ApplicantRow = _applicant_row()


@attrs.frozen(kw_only=True)
class UnableToProvide(_Group):
    """（四）无法提供: three reasons."""

    not_held: ApplicantRow = _applicant_row()
    requires_creation: ApplicantRow = _applicant_row()
    unclear_after_correction: ApplicantRow = _applicant_row()


@attrs.frozen(kw_only=True)
class NotProcessed(_Group):
    """（五）不予处理: five reasons."""

    complaint_petition: ApplicantRow = _applicant_row()
    repeated: ApplicantRow = _applicant_row()
    publications: ApplicantRow = _applicant_row()
    excessive: ApplicantRow = _applicant_row()
    confirmation: ApplicantRow = _applicant_row()


@attrs.frozen(kw_only=True)
class OtherHandling(_Group):
    """（六）其他处理 as split by the 2021 edition into three rows."""

    no_correction: ApplicantRow = _applicant_row()
    unpaid_fee: ApplicantRow = _applicant_row()
    other: ApplicantRow = _applicant_row()


def _other_handling_default() -> OtherHandling:
    return OtherHandling()


@attrs.frozen(kw_only=True)
class Outcomes(_Group):
    """三、本年度办理结果.

    ``other_handling`` is an :class:`OtherHandling` (three rows, 2021 edition) or a single :class:`ApplicantRow`
    (2019 edition; also printed by some 2021-era reports, which :func:`govdisclosure.check` flags).
    """

    granted: ApplicantRow = _applicant_row()
    partially_granted: ApplicantRow = _applicant_row()
    withheld: Withheld = _part(Withheld)
    unable_to_provide: UnableToProvide = _part(UnableToProvide)
    not_processed: NotProcessed = _part(NotProcessed)
    other_handling: ApplicantRow | OtherHandling = attrs.field(
        factory=_other_handling_default, validator=_instance_of(ApplicantRow, OtherHandling)
    )
    total: ApplicantRow = _applicant_row()

    def outcome_rows(self) -> Iterator[tuple[str, ApplicantRow]]:
        """The rows that add up to （七）总计 (everything but ``total``), with their paths below ``outcomes``."""
        for path, row in self.rows():
            if path != "total":
                yield path, cast(ApplicantRow, row)

    @classmethod
    def filled(cls, value: CellValue = 0, *, edition: str = "2021") -> Outcomes:
        """All outcome rows filled with ``value``, with the （六） row(s) of the given edition."""
        row = ApplicantRow.filled(value)
        other: ApplicantRow | OtherHandling = row if edition == "2019" else OtherHandling.filled(value)
        return cls(
            granted=row,
            partially_granted=row,
            withheld=Withheld.filled(value),
            unable_to_provide=UnableToProvide.filled(value),
            not_processed=NotProcessed.filled(value),
            other_handling=other,
            total=row,
        )


@attrs.frozen(kw_only=True)
class Applications(_Rendered, _Group):
    """表三 收到和处理政府信息公开申请情况."""

    new_received: ApplicantRow = _applicant_row()
    carried_over: ApplicantRow = _applicant_row()
    outcomes: Outcomes = _part(Outcomes)
    carried_forward: ApplicantRow = _applicant_row()

    @classmethod
    def filled(cls, value: CellValue = 0, *, edition: str = "2021") -> Applications:
        """A table whose every cell is ``value`` (None for a blank form), with the （六） row(s) of ``edition``."""
        row = ApplicantRow.filled(value)
        return cls(
            new_received=row,
            carried_over=row,
            outcomes=Outcomes.filled(value, edition=edition),
            carried_forward=row,
        )

    def totalled(self, *, carry_forward: bool = False) -> Applications:
        """A copy with the totals computed from the parts.

        Every row's 总计 becomes the sum of its six applicant columns (where all six are known); then each column
        of （七）总计 becomes the sum of the outcome rows (where all are known). With ``carry_forward``, 四、结转下年度
        is set so that 一 + 二 = （七） + 四 holds (where the operands are known and the result is not negative).
        """
        table = _map_rows(self, ApplicantRow.totalled)
        outcomes = table.outcomes
        columns: dict[str, Count] = {}
        for name in ApplicantRow.FIELDS:
            values = [getattr(row, name) for _, row in outcomes.outcome_rows()]
            columns[name] = None if None in values else sum(values)
        total = ApplicantRow(**columns)
        table = attrs.evolve(table, outcomes=attrs.evolve(outcomes, total=total))
        if carry_forward:
            forward: dict[str, Count] = {}
            for name in ApplicantRow.FIELDS:
                a, b, c = getattr(table.new_received, name), getattr(table.carried_over, name), columns[name]
                rest = None if a is None or b is None or c is None else a + b - c
                forward[name] = rest if rest is not None and rest >= 0 else getattr(table.carried_forward, name)
            table = attrs.evolve(table, carried_forward=ApplicantRow(**forward))
        return cast(Applications, table)


def _map_rows(group: Any, fn: Any) -> Any:
    changes = {}
    for name, value in group:
        if isinstance(value, _Row):
            new = fn(value)
        elif isinstance(value, _Group):
            new = _map_rows(value, fn)
        else:
            continue
        if new is not value:
            changes[name] = new
    return attrs.evolve(group, **changes) if changes else group


@attrs.frozen(kw_only=True)
class ReviewLitigation(_Rendered, _Group):
    """表四 政府信息公开行政复议、行政诉讼情况."""

    reconsideration: ReviewRow = _part(ReviewRow)
    litigation_direct: ReviewRow = _part(ReviewRow)
    litigation_after_reconsideration: ReviewRow = _part(ReviewRow)


@attrs.frozen(kw_only=True)
class ActiveDisclosure2021(_Rendered, _Group):
    """表二 主动公开政府信息情况, 2021 edition."""

    regulations: DocumentCounts2021 = _part(DocumentCounts2021)
    normative_documents: DocumentCounts2021 = _part(DocumentCounts2021)
    licensing: Decisions = _part(Decisions)
    penalties: Decisions = _part(Decisions)
    coercive_measures: Decisions = _part(Decisions)
    fees: FeeAmount = _part(FeeAmount)


@attrs.frozen(kw_only=True)
class ActiveDisclosure2019(_Rendered, _Group):
    """表二 主动公开政府信息情况, 2019 edition."""

    regulations: DocumentCounts2019 = _part(DocumentCounts2019)
    normative_documents: DocumentCounts2019 = _part(DocumentCounts2019)
    licensing: ItemCounts = _part(ItemCounts)
    other_services: ItemCounts = _part(ItemCounts)
    penalties: ItemCounts = _part(ItemCounts)
    coercive_measures: ItemCounts = _part(ItemCounts)
    fees: FeeItems = _part(FeeItems)
    procurement: Procurement = _part(Procurement)


ACTIVE_DISCLOSURE_CLASSES: dict[str, type[ActiveDisclosure2019] | type[ActiveDisclosure2021]] = {
    "2019": ActiveDisclosure2019,
    "2021": ActiveDisclosure2021,
}

# --------------------------------------------------------------------------------------------------------------
# narrative and metadata


def _str(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not str:
        raise ModelError(f"{type(inst).__name__}.{attr.name}: expected a string, got {type(value).__name__}")


def _opt_str(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _str(inst, attr, value)


def _opt_date(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if value is not None and type(value) is not _dt.date:
        raise ModelError(f"{type(inst).__name__}.{attr.name}: expected a datetime.date or None, got {value!r}")


def _tuple_of(cls: type) -> Any:
    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not tuple or not all(isinstance(v, cls) for v in value):
            raise ModelError(f"{type(inst).__name__}.{attr.name}: expected a tuple of {cls.__name__}")

    return check


def _to_tuple(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


@attrs.frozen(kw_only=True)
class Subsection:
    """A numbered sub-section of a narrative section, e.g. （一）主动公开."""

    marker: str = attrs.field(default="", validator=_str)
    """The number as printed, e.g. ``（一）``; empty when the sub-section is not numbered."""
    title: str = attrs.field(default="", validator=_str)
    text: str = attrs.field(default="", validator=_str)
    """The sub-section's text; paragraphs are separated by a blank line, as in :attr:`Narrative.text`."""


@attrs.frozen(kw_only=True)
class Narrative:
    """A narrative section (一, 五 or 六): lead text, then numbered sub-sections, each addressable."""

    heading: str | None = attrs.field(default=None, validator=_opt_str)
    """The heading as printed, when it differs from or adds to the official one."""
    text: str = attrs.field(default="", validator=_str)
    """Text before the first sub-section (all the text when there are none).

    Paragraphs are separated by a blank line (``"\\n\\n"``), a single ``"\\n"`` is a line break inside a
    paragraph: the renderers print them so, and the importers read printed paragraphs back so.
    """
    subsections: tuple[Subsection, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(Subsection))

    def __getitem__(self, key: int | str) -> Subsection:
        """A sub-section by position, marker (``（二）``) or title (``依申请公开``)."""
        if isinstance(key, int):
            return self.subsections[key]
        for sub in self.subsections:
            if key in (sub.marker, sub.title) or (key and sub.title.startswith(key)):
                return sub
        raise KeyError(key)

    @property
    def full_text(self) -> str:
        """The whole section as plain text: lead text and every sub-section."""
        parts = [self.text] if self.text else []
        for sub in self.subsections:
            head = f"{sub.marker}{sub.title}"
            parts.append(f"{head}\n{sub.text}" if head and sub.text else head or sub.text)
        return "\n\n".join(parts)

    def __bool__(self) -> bool:
        return bool(self.text or self.subsections or self.heading)


@attrs.frozen(kw_only=True)
class Period:
    """The statistical period stated in the preamble."""

    start: _dt.date = attrs.field(validator=_instance_of(_dt.date))
    end: _dt.date = attrs.field(validator=_instance_of(_dt.date))


@attrs.frozen(kw_only=True)
class Contact:
    """Contact details given in the preamble (every part optional)."""

    address: str | None = attrs.field(default=None, validator=_opt_str)
    postcode: str | None = attrs.field(default=None, validator=_opt_str)
    phone: str | None = attrs.field(default=None, validator=_opt_str)
    fax: str | None = attrs.field(default=None, validator=_opt_str)
    email: str | None = attrs.field(default=None, validator=_opt_str)


def _edition(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if value not in _layout.EDITIONS:
        raise ModelError(f"Report.edition: unknown edition {value!r}: expected one of {', '.join(_layout.EDITIONS)}")


def _year(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or not 1900 <= value <= 2999:
        raise ModelError(f"Report.year: expected a data year such as 2024, got {value!r}")


def _optional(cls: type) -> Any:
    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, cls):
            raise ModelError(f"Report.{attr.name}: expected {cls.__name__} or None, got {type(value).__name__}")

    return check


def _narrative() -> Any:
    return _part(Narrative)


@attrs.frozen(kw_only=True)
class Report(_Rendered):
    """One 政府信息公开工作年度报告.

    >>> from govdisclosure import blank_report
    >>> report = blank_report("2021", year=2024, agency="某某县人民政府办公室", fill=0)
    >>> report.get("applications.outcomes.total.natural_person")
    0
    >>> report.label("applications.outcomes.total.natural_person")
    '表三 （七）总计 · 自然人'
    """

    edition: str = attrs.field(validator=_edition)
    """``"2019"`` or ``"2021"``: the edition of the format the tables follow."""
    year: int = attrs.field(validator=_year)
    """The data year (the year reported on, not the year of publication)."""
    agency: str = attrs.field(validator=_str)
    title: str = attrs.field(default="", validator=_str)
    published: _dt.date | None = attrs.field(default=None, validator=_opt_date)
    period: Period | None = attrs.field(default=None, validator=_optional(Period))
    contact: Contact | None = attrs.field(default=None, validator=_optional(Contact))
    source: str | None = attrs.field(default=None, validator=_opt_str)
    """Where the report was read from (URL or file name), when known."""
    overview: Narrative = _narrative()
    active_disclosure: ActiveDisclosure2019 | ActiveDisclosure2021 = attrs.field(
        validator=_instance_of(ActiveDisclosure2019, ActiveDisclosure2021)
    )
    applications: Applications = _part(Applications)
    review_litigation: ReviewLitigation = _part(ReviewLitigation)
    problems: Narrative = _narrative()
    other_matters: Narrative = _narrative()

    def __attrs_post_init__(self) -> None:
        expected = ACTIVE_DISCLOSURE_CLASSES[self.edition]
        if type(self.active_disclosure) is not expected:
            raise ModelError(
                f"Report.active_disclosure: a {self.edition} report needs {expected.__name__}, "
                f"got {type(self.active_disclosure).__name__}"
            )
        if self.edition == "2019" and isinstance(self.applications.outcomes.other_handling, OtherHandling):
            raise ModelError(
                "Report.applications.outcomes.other_handling: the 2019 edition has a single （六）其他处理 row, "
                "got the three rows of the 2021 edition"
            )

    # -- access by canonical path -------------------------------------------------------------------------

    def get(self, path: str) -> Any:
        """The value or part at a dotted canonical path.

        ``report.get("applications.outcomes.total.natural_person")`` is one cell;
        ``report.get("review_litigation.reconsideration")`` is a row.
        """
        obj: Any = self
        for part in path.split("."):
            if not attrs.has(type(obj)) or part not in attrs.fields_dict(type(obj)):
                raise KeyError(f"no {part!r} in {path!r}")
            obj = getattr(obj, part)
        return obj

    def with_cell(self, path: str, value: CellValue) -> Report:
        """A copy with one cell (or part) replaced; ``path`` as in :meth:`get`."""
        return cast(Report, _evolve_path(self, path.split("."), value, path))

    def label(self, path: str) -> str:
        """Official labels of a cell or row: ``表三 （七）总计 · 自然人``, ``表三 （三）不予公开 1.属于国家秘密``."""
        table_key, _, rest = path.partition(".")
        try:
            layout = self.layout(table_key)
        except KeyError:
            raise KeyError(
                f"no table {table_key!r} in {path!r}: expected {', '.join(_layout.TABLE_KEYS)} (or 二, 三, 四)"
            ) from None
        if not rest:
            return layout.name
        row_path, field_key = _split_cell_path(self, layout.key, rest)
        node = layout.node(row_path)
        if not node.is_row:
            return f"{layout.name} {node.label}"
        return _layout.cell_label(
            self.edition, layout.key, row_path, field_key, single_other_handling=self.uses_single_other_handling
        )

    def layout(self, table: str) -> _layout.TableLayout:
        """The official layout of one of this report's tables, by key or number (as this report prints it)."""
        return _layout.table(self.edition, table, single_other_handling=self.uses_single_other_handling)

    def cells(self) -> Iterator[tuple[str, str, str, CellValue]]:
        """Every cell of tables 二, 三 and 四: (table key, row path, column key, value), in official order."""
        for table_key, row_path, get_row, names in _cell_plan(self.edition, self.uses_single_other_handling):
            row = get_row(self)
            for name in names:
                yield table_key, row_path, name, getattr(row, name)

    @property
    def uses_single_other_handling(self) -> bool:
        """True when 表三 has one （六）其他处理 row (2019 edition, or a 2021 report printed the old way)."""
        return isinstance(self.applications.outcomes.other_handling, ApplicantRow)


_CELL_PLANS: dict[tuple[str, bool], tuple[tuple[str, str, Callable[[Any], Any], tuple[str, ...]], ...]] = {}


def _cell_plan(
    edition: str, single_other_handling: bool
) -> tuple[tuple[str, str, Callable[[Any], Any], tuple[str, ...]], ...]:
    """Where every row of a report of this shape is, computed once per shape: (table, row path, getter, columns)."""
    key = (edition, single_other_handling)
    plan = _CELL_PLANS.get(key)
    if plan is None:
        shape = blank_report(edition, year=2000, agency="")
        if single_other_handling and edition == "2021":
            other = ApplicantRow()
            shape = attrs.evolve(
                shape,
                applications=attrs.evolve(
                    shape.applications, outcomes=attrs.evolve(shape.applications.outcomes, other_handling=other)
                ),
            )
        plan = tuple(
            (table_key, row_path, operator.attrgetter(f"{table_key}.{row_path}"), row.FIELDS)
            for table_key in _layout.TABLE_KEYS
            for row_path, row in getattr(shape, table_key).rows()
        )
        _CELL_PLANS[key] = plan
    return plan


def _split_cell_path(report: Report, table_key: str, rest: str) -> tuple[str, str | None]:
    group = getattr(report, table_key)
    obj: Any = group
    parts = rest.split(".")
    for i, part in enumerate(parts):
        if isinstance(obj, _Row):
            if part not in obj.FIELDS or i != len(parts) - 1:
                raise KeyError(f"no {part!r} in {table_key}.{rest!r}: a row's columns are {', '.join(obj.FIELDS)}")
            return ".".join(parts[:i]), part
        if not attrs.has(type(obj)) or part not in attrs.fields_dict(type(obj)):
            known = ", ".join(_field_names(type(obj))) if attrs.has(type(obj)) else ""
            raise KeyError(f"no {part!r} in {table_key}.{rest!r}" + (f": expected one of {known}" if known else ""))
        obj = getattr(obj, part)
    return rest, None


def _evolve_path(obj: Any, parts: list[str], value: Any, path: str) -> Any:
    name = parts[0]
    if not attrs.has(type(obj)) or name not in attrs.fields_dict(type(obj)):
        raise KeyError(f"no {name!r} in {path!r}")
    new = value if len(parts) == 1 else _evolve_path(getattr(obj, name), parts[1:], value, path)
    return attrs.evolve(obj, **{name: new})


def blank_report(
    edition: str,
    *,
    year: int,
    agency: str,
    title: str | None = None,
    fill: int | None = None,
    **metadata: Any,
) -> Report:
    """A report with empty narrative and every table cell set to ``fill`` (blank by default).

    >>> r = blank_report("2019", year=2020, agency="某市统计局", fill=0)
    >>> r.applications.outcomes.other_handling.total
    0
    >>> r.title
    '某市统计局2020年政府信息公开工作年度报告'
    """
    if edition not in _layout.EDITIONS:
        raise ModelError(f"unknown edition {edition!r}: expected one of {', '.join(_layout.EDITIONS)}")
    active_cls = ACTIVE_DISCLOSURE_CLASSES[edition]
    active = active_cls.filled(fill)
    return Report(
        edition=edition,
        year=year,
        agency=agency,
        title=title if title is not None else f"{agency}{year}年政府信息公开工作年度报告",
        active_disclosure=active,
        applications=Applications.filled(fill, edition=edition),
        review_litigation=ReviewLitigation.filled(fill),
        **metadata,
    )


def row_classes() -> Mapping[str, type[_Row]]:
    """Every data-row class by name (for serializers and schema generators)."""
    return {cls.__name__: cls for cls in _Row.__subclasses__()}


for _cls in (
    *row_classes().values(),
    Withheld,
    UnableToProvide,
    NotProcessed,
    OtherHandling,
    Outcomes,
    Applications,
    ReviewLitigation,
    ActiveDisclosure2021,
    ActiveDisclosure2019,
    Subsection,
    Narrative,
    Period,
    Contact,
    Report,
):
    attrs.resolve_types(_cls, globals(), locals())
del _cls
