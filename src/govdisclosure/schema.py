"""JSON Schema (draft 2020-12) of the interchange format, generated from the layout registry."""

from __future__ import annotations

import copy
from typing import Any, Final

from . import layout as _layout

__all__ = ["SCHEMA_ID", "json_schema"]

SCHEMA_ID: Final = "https://govdisclosure.invalid/schema/report.json"

_COUNT: Final[dict[str, Any]] = {"type": ["integer", "null"], "minimum": 0}
_SIGNED: Final[dict[str, Any]] = {"type": ["integer", "null"]}
_AMOUNT: Final[dict[str, Any]] = {
    "anyOf": [
        {"type": "string", "pattern": r"^[0-9]+(\.[0-9]+)?$"},
        {"type": "integer", "minimum": 0},
        {"type": "null"},
    ]
}
_TEXT_OR_NULL: Final = {"type": ["string", "null"]}


def _field_schema(field: _layout.Field) -> dict[str, Any]:
    base = {"count": _COUNT, "signed": _SIGNED, "amount": _AMOUNT}[field.kind]
    schema: dict[str, Any] = copy.deepcopy(base)
    schema["title"] = field.label
    return schema


def _obj(properties: dict[str, Any], *, title: str | None = None, required: bool = True) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        schema["required"] = list(properties)
    if title:
        schema["title"] = title
    return schema


def _node_schema(node: _layout.Node) -> dict[str, Any]:
    if node.is_row:
        return _obj({f.key: _field_schema(f) for f in node.fields}, title=node.label)
    children = {child.key: _node_schema(child) for child in node.keyed_children() if child.key is not None}
    return _obj(children, title=node.label or None)


def _table_schema(layout: _layout.TableLayout, *, single_other_handling_allowed: bool) -> dict[str, Any]:
    schema = _node_schema(layout.root)
    schema["title"] = f"{layout.name} {layout.title}"
    if layout.key == "applications" and single_other_handling_allowed:
        outcomes = schema["properties"]["outcomes"]["properties"]
        outcomes["other_handling"] = {
            "title": "（六）其他处理",
            "oneOf": [outcomes["other_handling"], _node_schema(_layout.OTHER_HANDLING_2019)],
        }
    return schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a report document (draft 2020-12), with official labels as titles.

    >>> schema = json_schema()
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    """
    defs: dict[str, Any] = {
        "narrative": _obj(
            {
                "heading": _TEXT_OR_NULL,
                "text": {"type": "string"},
                "subsections": {
                    "type": "array",
                    "items": _obj(
                        {"marker": {"type": "string"}, "title": {"type": "string"}, "text": {"type": "string"}},
                        required=False,
                    ),
                },
            },
            required=False,
        ),
        "date": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    }
    variants = []
    for key, edition in _layout.EDITIONS.items():
        for layout in edition.tables:
            defs[f"{layout.key}_{key}"] = _table_schema(layout, single_other_handling_allowed=key == "2021")
        variants.append(
            {
                "if": {"properties": {"edition": {"const": key}}},
                "then": {"properties": {t.key: {"$ref": f"#/$defs/{t.key}_{key}"} for t in edition.tables}},
            }
        )
    headings = _layout.SECTION_HEADINGS
    properties: dict[str, Any] = {
        "edition": {"enum": list(_layout.EDITIONS), "title": "edition of the official format"},
        "year": {"type": "integer", "minimum": 1900, "maximum": 2999, "title": "data year"},
        "agency": {"type": "string", "title": "issuing body"},
        "title": {"type": "string"},
        "published": {"anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]},
        "period": {
            "anyOf": [
                _obj({"start": {"$ref": "#/$defs/date"}, "end": {"$ref": "#/$defs/date"}}),
                {"type": "null"},
            ]
        },
        "contact": {
            "anyOf": [
                _obj(dict.fromkeys(("address", "postcode", "phone", "fax", "email"), _TEXT_OR_NULL), required=False),
                {"type": "null"},
            ]
        },
        "source": _TEXT_OR_NULL,
    }
    for key in ("overview", "active_disclosure", "applications", "review_litigation", "problems", "other_matters"):
        number, heading = headings[key]
        if key in ("overview", "problems", "other_matters"):
            properties[key] = {"$ref": "#/$defs/narrative", "title": f"{number}、{heading}"}
        else:
            properties[key] = {"type": "object", "title": f"{number}、{heading}"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "政府信息公开工作年度报告 (govdisclosure interchange format)",
        "type": "object",
        "properties": properties,
        "required": ["edition", "year", "agency", "active_disclosure", "applications", "review_litigation"],
        "additionalProperties": False,
        "allOf": variants,
        "$defs": defs,
    }
