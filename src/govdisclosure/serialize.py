"""JSON interchange format: ``loads``/``dumps``/``load``/``dump`` through a private cattrs converter.

Keys are the canonical keys of :mod:`govdisclosure.layout`; counts are integers or ``null``; amounts are decimal
strings (``"7730.28"``); dates are ISO strings. Chinese text is written unescaped, UTF-8.

Reading is strict: unknown keys, wrong types, negative counts and missing fields raise one
:class:`~govdisclosure.errors.DeserializationError` listing every problem with its JSON path
(``$.applications.outcomes.total.natural_person``). The common case (a valid document) takes a fast path; a
document that fails it is read again with detailed validation to collect every problem.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
from collections.abc import Callable
from decimal import Decimal
from typing import IO, Any, Final

import attrs
import cattrs
from cattrs.errors import AttributeValidationNote, ClassValidationError, ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from . import model as m
from .errors import DeserializationError, ModelError, Problem

__all__ = ["dump", "dumps", "from_dict", "load", "loads", "make_converter", "to_dict"]

_AMOUNT_RE: Final = re.compile(r"^[0-9]+(\.[0-9]+)?$")
_JSON_TYPES: Final = {
    dict: "an object",
    list: "an array",
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}


class _Invalid(ValueError):
    """A value rejected with a message meant for the user."""


def _json_type(value: object) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _noted(exc: Exception, name: str) -> Exception:
    exc.__notes__ = [*getattr(exc, "__notes__", []), AttributeValidationNote(f"@ {name}", name, object)]
    return exc


def _count(value: object) -> int | None:
    if value is None or (type(value) is int and value >= 0):
        return value
    if type(value) is int:
        raise _Invalid(f"a count cannot be negative, got {value}")
    raise _Invalid(
        f"expected an integer count or null, got {_json_type(value)} {json.dumps(value, ensure_ascii=False)}"
    )


def _signed(value: object) -> int | None:
    if value is None or type(value) is int:
        return value
    raise _Invalid(f"expected an integer or null, got {_json_type(value)} {json.dumps(value, ensure_ascii=False)}")


def _amount(value: object) -> Decimal | None:
    if value is None:
        return None
    if type(value) is int:
        if value < 0:
            raise _Invalid(f"an amount cannot be negative, got {value}")
        return Decimal(value)
    if type(value) is str and _AMOUNT_RE.match(value):
        return Decimal(value)
    if type(value) is str:
        raise _Invalid(f'expected a non-negative decimal string such as "7730.28", got {value!r}')
    raise _Invalid(
        f"expected a decimal string or null, got {_json_type(value)} {json.dumps(value, ensure_ascii=False)}"
    )


def _field_kinds(cls: type[m._Row]) -> tuple[tuple[str, Callable[[object], Any]], ...]:
    kinds: list[tuple[str, Callable[[object], Any]]] = []
    for a in attrs.fields(cls):  # type: ignore[arg-type]
        if a.validator is m._amount:
            kinds.append((a.name, _amount))
        elif a.validator is m._signed:
            kinds.append((a.name, _signed))
        else:
            kinds.append((a.name, _count))
    return tuple(kinds)


_CELL_TESTS: Final[dict[Callable[[object], Any], str]] = {
    _count: "{v} is not None and (type({v}) is not int or {v} < 0)",
    _signed: "{v} is not None and type({v}) is not int",
}


def _compiled_row_reader(
    cls: type[m._Row], kinds: tuple[tuple[str, Callable[[object], Any]], ...]
) -> Callable[[Any, Any], Any]:
    """A straight-line reader for a row of integer cells (the hot path of ``loads``).

    It checks each cell with the same hard facts as the class's validators, then fills the frozen instance's slots
    directly: no call per cell. Anything unexpected (not a dict, a key missing or extra, a bad value) raises, and
    ``from_dict`` then re-reads the whole document with detailed validation to name every problem.
    """
    lines = ["def read(data, _):", f"    if type(data) is not dict or len(data) != {len(kinds)}: raise _Invalid()"]
    for i, (name, kind) in enumerate(kinds):
        lines.append(f"    v{i} = data[{name!r}]")
        lines.append(f"    if {_CELL_TESTS[kind].format(v=f'v{i}')}: raise _Invalid()")
    lines.append("    row = _new(cls)")
    lines += [f"    _set(row, {name!r}, v{i})" for i, (name, _) in enumerate(kinds)]
    lines.append("    return row")
    namespace: dict[str, Any] = {"_Invalid": _Invalid, "_new": object.__new__, "_set": object.__setattr__, "cls": cls}
    exec(compile("\n".join(lines), f"<govdisclosure row reader {cls.__name__}>", "exec"), namespace)
    reader: Callable[[Any, Any], Any] = namespace["read"]
    return reader


def _compiled_group_reader(conv: cattrs.Converter, cls: type) -> Callable[[Any, Any], Any]:
    """A straight-line reader for a group of rows (every key required, none extra).

    Each part is read by the converter's own hook for its declared type, so the slots receive exactly the types the
    class's validators would accept; the instance is filled directly.
    """
    fields = attrs.fields(cls)
    namespace: dict[str, Any] = {"_Invalid": _Invalid, "_new": object.__new__, "_set": object.__setattr__, "cls": cls}
    lines = ["def read(data, _):", f"    if type(data) is not dict or len(data) != {len(fields)}: raise _Invalid()"]
    lines.append("    group = _new(cls)")
    for i, a in enumerate(fields):
        namespace[f"h{i}"], namespace[f"t{i}"] = conv.get_structure_hook(a.type), a.type
        lines.append(f"    _set(group, {a.name!r}, h{i}(data[{a.name!r}], t{i}))")
    lines.append("    return group")
    exec(compile("\n".join(lines), f"<govdisclosure group reader {cls.__name__}>", "exec"), namespace)
    reader: Callable[[Any, Any], Any] = namespace["read"]
    return reader


def _row_structure_hook(cls: type[m._Row], detailed: bool) -> Callable[[Any, Any], Any]:
    keys = frozenset(cls.FIELDS)
    kinds = _field_kinds(cls)
    amounts = tuple(name for name, fn in kinds if fn is _amount)

    if not detailed:
        if not amounts:
            return _compiled_row_reader(cls, kinds)

        def fast_amounts(data: Any, _: Any) -> Any:
            if type(data) is dict and data.keys() == keys:
                data = dict(data)
                for name in amounts:
                    data[name] = _amount(data[name])
                return cls(**data)
            raise _Invalid("row")

        return fast_amounts

    def hook(data: Any, _: Any) -> Any:
        if type(data) is not dict:
            raise _Invalid(f"expected an object with the keys {', '.join(cls.FIELDS)}, got {_json_type(data)}")
        errors: list[Exception] = []
        extra = data.keys() - keys
        if extra:
            errors.append(ForbiddenExtraKeysError("", cls, set(extra)))
        values = {}
        for name, convert in kinds:
            if name not in data:
                errors.append(_noted(KeyError(name), name))
                continue
            try:
                values[name] = convert(data[name])
            except _Invalid as exc:
                errors.append(_noted(exc, name))
        if errors:
            raise ClassValidationError(f"While structuring {cls.__name__}", errors, cls)
        return cls(**values)

    return hook


def _group_structure_hook(
    conv: cattrs.Converter, cls: type, detailed: bool, optional: frozenset[str] = frozenset()
) -> Callable[[Any, Any], Any]:
    generated: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=detailed
    )
    names = tuple(a.name for a in attrs.fields(cls))
    required = frozenset(names) - optional

    if not detailed and optional:

        def fast_optional(data: Any, _: Any) -> Any:
            if type(data) is dict and required <= data.keys():
                return generated(data, cls)
            raise _Invalid("group")

        return fast_optional

    if not detailed:
        # Compiled on first use, once every hook of the converter is registered.
        compiled: list[Callable[[Any, Any], Any]] = []

        def fast(data: Any, _: Any) -> Any:
            if not compiled:
                compiled.append(_compiled_group_reader(conv, cls))
            return compiled[0](data, cls)

        return fast

    def hook(data: Any, _: Any) -> Any:
        if type(data) is not dict:
            raise _Invalid(f"expected an object with the keys {', '.join(names)}, got {_json_type(data)}")
        errors: list[Exception] = [_noted(KeyError(n), n) for n in names if n in required and n not in data]
        try:
            result = generated(data, cls)
        except ClassValidationError as exc:
            errors.extend(exc.exceptions)
        except ForbiddenExtraKeysError as exc:
            errors.append(exc)
        except ModelError as exc:
            errors.append(_Invalid(str(exc)))
        if errors:
            raise ClassValidationError(f"While structuring {cls.__name__}", errors, cls)
        return result

    return hook


_APPLICANT_KEYS: Final = frozenset(m.ApplicantRow.FIELDS)


def _other_handling_hook(conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    def hook(data: Any, _: Any) -> Any:
        if type(data) is dict and not data.keys() & _APPLICANT_KEYS:
            return conv.structure(data, m.OtherHandling)
        return conv.structure(data, m.ApplicantRow)

    return hook


_NARRATIVE_KEYS: Final = frozenset({"heading", "text", "subsections"})
_SUBSECTION_KEYS: Final = frozenset({"marker", "title", "text"})


def _fast_subsection(data: Any) -> m.Subsection:
    if type(data) is dict and data.keys() <= _SUBSECTION_KEYS:
        return m.Subsection(**data)
    raise _Invalid("subsection")


def _fast_narrative(data: Any, _: Any) -> m.Narrative:
    """Narratives are read often and are simple: a hand-written fast path (validation is in the class)."""
    if type(data) is dict and data.keys() <= _NARRATIVE_KEYS:
        subsections = data.get("subsections", ())
        if type(subsections) is not list:
            raise _Invalid("subsections")
        return m.Narrative(
            heading=data.get("heading"),
            text=data.get("text", ""),
            subsections=tuple(map(_fast_subsection, subsections)),
        )
    raise _Invalid("narrative")


def _date(value: Any, _: Any) -> _dt.date:
    if type(value) is str:
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _Invalid(f'expected an ISO date such as "2025-01-20", got {json.dumps(value, ensure_ascii=False)}')


def _string(value: Any, _: Any) -> str:
    if type(value) is str:
        return value
    raise _Invalid(f"expected a string, got {_json_type(value)}")


def _optional_string(value: Any, _: Any) -> str | None:
    return None if value is None else _string(value, None)


def _int(value: Any, _: Any) -> int:
    if type(value) is int:
        return value
    raise _Invalid(f"expected an integer, got {_json_type(value)}")


_REPORT_OPTIONAL: Final = frozenset(
    {"title", "published", "period", "contact", "source", "overview", "problems", "other_matters"}
)


def _active_disclosure(conv: cattrs.Converter, value: Any, edition: str, detailed: bool) -> Any:
    try:
        return conv.structure(value, m.ACTIVE_DISCLOSURE_CLASSES[edition])
    except (ClassValidationError, _Invalid) as exc:
        if not detailed:
            raise
        other = "2021" if edition == "2019" else "2019"
        try:
            conv.structure(value, m.ACTIVE_DISCLOSURE_CLASSES[other])
        except (ClassValidationError, _Invalid):
            raise exc from None
        raise _Invalid(f'this is 表二 of the {other} edition, but "edition" is "{edition}"') from None


def _report_hook(conv: cattrs.Converter, detailed: bool) -> Callable[[Any, Any], Any]:
    fields = attrs.fields(m.Report)
    names = tuple(a.name for a in fields)
    name_set = frozenset(names)
    required = name_set - _REPORT_OPTIONAL
    types: dict[str, Any] = {a.name: a.type for a in fields}

    if not detailed:
        hooks: dict[str, Callable[[Any, Any], Any]] = {}
        plain = frozenset({"edition", "active_disclosure"})

        def fast(data: Any, _: Any) -> m.Report:
            if not hooks:  # looked up on first use, once every hook is registered
                hooks.update({name: conv.get_structure_hook(types[name]) for name in names if name not in plain})
                for edition_key, cls in m.ACTIVE_DISCLOSURE_CLASSES.items():
                    hooks[edition_key] = conv.get_structure_hook(cls)
            if type(data) is not dict or not required <= data.keys() or not data.keys() <= name_set:
                raise _Invalid("report")
            edition = data["edition"]
            values = {"edition": edition, "active_disclosure": hooks[edition](data["active_disclosure"], None)}
            for name, value in data.items():
                if name not in plain:
                    values[name] = hooks[name](value, types[name])
            return m.Report(**values)

        return fast

    def hook(data: Any, _: Any) -> m.Report:
        if type(data) is not dict:
            raise _Invalid(f"expected a JSON object describing a report, got {_json_type(data)}")
        errors: list[Exception] = []
        extra = data.keys() - name_set
        if extra:
            errors.append(ForbiddenExtraKeysError("", m.Report, set(extra)))
        edition = data.get("edition")
        if edition not in m.ACTIVE_DISCLOSURE_CLASSES:
            edition = None
        values: dict[str, Any] = {}
        for name in names:
            if name not in data:
                if name in required:
                    errors.append(_noted(KeyError(name), name))
                continue
            value = data[name]
            try:
                if name == "edition":
                    if edition is None:
                        raise _Invalid(
                            f'unknown edition {json.dumps(value, ensure_ascii=False)}: expected "2019" or "2021"'
                        )
                    values[name] = value
                elif name == "active_disclosure":
                    if edition is None:
                        continue
                    values[name] = _active_disclosure(conv, value, edition, detailed)
                else:
                    values[name] = conv.structure(value, types[name])
            except (ClassValidationError, _Invalid, KeyError, ForbiddenExtraKeysError, ModelError) as exc:
                if not detailed:
                    raise
                errors.append(_noted(exc if not isinstance(exc, ModelError) else _Invalid(str(exc)), name))
        if not errors and edition == "2019":
            outcomes = values.get("applications")
            if outcomes is not None and isinstance(outcomes.outcomes.other_handling, m.OtherHandling):
                errors.append(
                    _Invalid(
                        "the 2019 edition has a single （六）其他处理 row; "
                        "got the three rows of the 2021 edition @ applications.outcomes.other_handling"
                    )
                )
        if errors:
            if not detailed:
                raise _Invalid("report")
            raise ClassValidationError("While structuring Report", errors, m.Report)
        try:
            return m.Report(**values)
        except ModelError as exc:
            if not detailed:
                raise
            raise ClassValidationError("While structuring Report", [_Invalid(str(exc))], m.Report) from None

    return hook


def _decimal_text(value: Decimal) -> str:
    return format(value.copy_abs() if value.is_zero() else value, "f")


def make_converter(*, detailed: bool = False) -> cattrs.Converter:
    """A new cattrs converter configured for the interchange format (strict; canonical keys)."""
    conv = cattrs.Converter(detailed_validation=detailed, forbid_extra_keys=True)
    conv.register_structure_hook(str, _string)
    conv.register_structure_hook(str | None, _optional_string)
    conv.register_structure_hook(int, _int)
    conv.register_structure_hook(_dt.date, _date)
    conv.register_unstructure_hook(_dt.date, _dt.date.isoformat)
    conv.register_unstructure_hook(Decimal, _decimal_text)
    for cls in m.row_classes().values():
        conv.register_structure_hook(cls, _row_structure_hook(cls, detailed))
    other_handling = attrs.fields_dict(m.Outcomes)["other_handling"].type
    conv.register_structure_hook_func(lambda t: t == other_handling, _other_handling_hook(conv))
    for group in (
        m.Withheld,
        m.UnableToProvide,
        m.NotProcessed,
        m.OtherHandling,
        m.Outcomes,
        m.Applications,
        m.ReviewLitigation,
        m.ActiveDisclosure2019,
        m.ActiveDisclosure2021,
        m.Period,
    ):
        conv.register_structure_hook(group, _group_structure_hook(conv, group, detailed))
    for optional_group, optional in (
        (m.Narrative, frozenset({"heading", "text", "subsections"})),
        (m.Subsection, frozenset({"marker", "title", "text"})),
        (m.Contact, frozenset({"address", "postcode", "phone", "fax", "email"})),
    ):
        conv.register_structure_hook(optional_group, _group_structure_hook(conv, optional_group, detailed, optional))
    if not detailed:
        conv.register_structure_hook(m.Narrative, _fast_narrative)
    conv.register_structure_hook(m.Report, _report_hook(conv, detailed))
    for cls in (*m.row_classes().values(), m.Narrative, m.Subsection, m.Contact, m.Period):
        conv.register_unstructure_hook(cls, make_dict_unstructure_fn(cls, conv))
    return conv


_FAST: Final = make_converter()
_DETAILED: Final = make_converter(detailed=True)


def _format(exc: BaseException, type_: Any) -> str:
    if isinstance(exc, _Invalid):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown key{'s' if len(exc.extra_fields) > 1 else ''}: {', '.join(sorted(exc.extra_fields))}"
    return cattrs.v.format_exception(exc, type_)


def _problems(exc: BaseException) -> list[Problem]:
    problems = []
    for line in cattrs.transform_error(exc, path="$", format_exception=_format):
        message, _, path = line.rpartition(" @ ")
        if " @ " in message:  # a message that names a deeper path itself
            message, _, sub = message.rpartition(" @ ")
            path = f"{path}.{sub}"
        problems.append(Problem(path=path, message=message))
    return problems


def from_dict(data: Any) -> m.Report:
    """Build a report from the parsed JSON value (dicts, lists, strings, numbers, None)."""
    try:
        return _FAST.structure(data, m.Report)
    except Exception:  # noqa: BLE001 - any failure on the fast path is re-diagnosed below
        pass
    try:
        report = _DETAILED.structure(data, m.Report)
    except (ClassValidationError, _Invalid) as exc:
        raise DeserializationError(_problems(exc)) from None
    except ModelError as exc:
        raise DeserializationError([Problem("$", str(exc))]) from None
    return report


def to_dict(report: m.Report) -> dict[str, Any]:
    """The report as a JSON-ready dict, keys in canonical order."""
    data: dict[str, Any] = _FAST.unstructure(report)
    return data


def loads(text: str | bytes) -> m.Report:
    """Read a report from JSON text.

    >>> import govdisclosure
    >>> report = govdisclosure.loads(govdisclosure.dumps(govdisclosure.sample_report()))
    >>> report.agency
    '塔城地区行署外事办公室'
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DeserializationError(
            [Problem("$", f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")]
        ) from None
    except UnicodeDecodeError as exc:
        raise DeserializationError([Problem("$", f"not UTF-8 text: {exc.reason} at byte {exc.start}")]) from None
    return from_dict(data)


def dumps(report: m.Report, *, indent: int | None = 2) -> str:
    """The report as JSON text (UTF-8, Chinese unescaped, canonical keys and order)."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=indent)


def load(source: str | os.PathLike[str] | IO[str] | IO[bytes]) -> m.Report:
    """Read a report from a JSON file (path or open file)."""
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as fh:
            return loads(fh.read())
    return loads(source.read())


def dump(report: m.Report, target: str | os.PathLike[str] | IO[str], *, indent: int | None = 2) -> None:
    """Write a report as JSON to a file (path or open text file). The text is built before anything is written."""
    text = dumps(report, indent=indent) + "\n"
    if isinstance(target, (str, os.PathLike)):
        with open(target, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        target.write(text)
