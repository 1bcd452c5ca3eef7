"""Sphinx extension: write the generated documentation pages before Sphinx reads the sources.

Everything that describes the format or the library is generated from the code, so the documentation cannot drift:

* ``format-*.md`` — the interchange format reference, from :mod:`govdisclosure.layout` (keys next to official labels,
  both editions) and ``schema.json`` from :func:`govdisclosure.json_schema`;
* ``checks-catalogue.md`` — the rule catalogue, from the checks' rule registry;
* ``cli-help.md`` — the ``--help`` of every command, from the argparse parser;
* ``gallery-*`` — the bundled samples rendered by the renderers;
* ``api.rst`` — autodoc directives for every name in ``govdisclosure.__all__``.

The pages go to ``docs/_generated/`` (excluded from the sources; pages include them) and are rewritten only when their
content changes. ``python docs/_ext/govdisclosure_docs.py`` writes them without running Sphinx.
"""

from __future__ import annotations

import importlib
import inspect
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parents[1]
OUT = DOCS / "_generated"


def _write(name: str, text: str) -> None:
    path = OUT / name
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    path.write_text(text, encoding="utf-8")


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    """A function of a module that may not exist yet in this version (its page says so instead)."""
    try:
        return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]
    except (ImportError, AttributeError):
        return None


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# ---------------------------------------------------------------------------------------------------------------
# interchange format reference


def _row_lines(table: Any) -> Iterator[str]:
    from govdisclosure import layout

    def walk(node: layout.Node, prefix: tuple[str, ...], depth: int, block: str) -> Iterator[str]:
        for child in node.children:
            if child.key is None:
                # a presentational group: a 表二 block title, or 行政诉讼 in 表四
                yield from walk(child, prefix, depth, child.label)
                continue
            path = (*prefix, child.key)
            indent = "\u3000" * depth
            columns = ", ".join(f"`{f.key}`" for f in child.fields) if child.fields else "(group)"
            yield f"| `{'.'.join(path)}` | {indent}{_cell(child.label)} | {_cell(block)} | {columns} |"
            yield from walk(child, path, depth + 1, block)

    yield from walk(table.root, (), 0, "")


def _format_page() -> str:
    from govdisclosure import layout

    out = [
        "<!-- generated from govdisclosure.layout by docs/_ext/govdisclosure_docs.py: do not edit -->",
        "",
    ]
    for key, ed in layout.EDITIONS.items():
        out += [f"## The {key} edition", "", f"{ed.document}, published {ed.published}.", ""]
        for table in ed.tables:
            out += [f"### {table.name} {table.title} (`{table.key}`)", ""]
            lines = list(_row_lines(table))
            if table.key == "applications":  # no presentational groups: drop the empty group column
                out += ["| row path | official label | columns |", "|---|---|---|"]
                out += [line.replace(" |  | ", " | ", 1) for line in lines]
            else:
                out += ["| row path | official label | group | columns |", "|---|---|---|---|"]
                out += lines
            out += ["", "Columns:", ""]
            seen: dict[str, Any] = {}
            for _, field in table.cells():
                seen.setdefault(field.key + "\0" + field.label, field)
            out += ["| column key | official label | value |", "|---|---|---|"]
            kinds = {"count": "integer ≥ 0 or null", "signed": "integer or null", "amount": "decimal string or null"}
            for field in seen.values():
                out.append(f"| `{field.key}` | {_cell(field.label)} | {kinds[field.kind]} |")
            out.append("")
            if table.key == "applications" and key == "2021":
                single = layout.OTHER_HANDLING_2019
                out += [
                    f"A 2021 report printed with the old single {single.label} row keeps `outcomes.other_handling` as "
                    "one row (the columns above) instead of the three sub-rows.",
                    "",
                ]
    return "\n".join(out)


def _metadata_page() -> str:
    from govdisclosure import json_schema, layout

    schema = json_schema()
    out = [
        "<!-- generated from govdisclosure.json_schema() and govdisclosure.layout: do not edit -->",
        "",
        "| key | meaning | JSON |",
        "|---|---|---|",
    ]
    for key, prop in schema["properties"].items():
        title = prop.get("title") or _METADATA.get(key, "")
        if key in layout.SECTION_HEADINGS:
            number, heading = layout.SECTION_HEADINGS[key]
            title = f"{number}、{heading}"
        out.append(f"| `{key}` | {_cell(title)} | {_json_kind(prop)} |")
    out.append("")
    return "\n".join(out)


_REF_KINDS = {"date": "ISO date string", "narrative": "narrative object (`heading`, `text`, `subsections`)"}
_METADATA = {
    "title": "title as printed",
    "published": "date of publication",
    "period": "statistical period (`start`, `end`)",
    "contact": "contact details from the preamble (`address`, `postcode`, `phone`, `fax`, `email`)",
    "source": "where the report was read from (URL or file name)",
}


def _json_kind(prop: dict[str, Any]) -> str:
    if "enum" in prop:
        return " or ".join(f'`"{v}"`' for v in prop["enum"])
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return _REF_KINDS.get(name, f"`{name}` object")
    if "anyOf" in prop:
        return " or ".join(_json_kind(p) for p in prop["anyOf"])
    kind = prop.get("type", "object")
    return " or ".join(kind) if isinstance(kind, list) else str(kind)


# ---------------------------------------------------------------------------------------------------------------
# CLI reference


def _cli_page() -> str:
    import argparse

    from govdisclosure.cli import build_parser

    parser = build_parser()
    out = ["<!-- generated from govdisclosure.cli.build_parser(): do not edit -->", ""]
    out += ["### govdisclosure", "", "```text", parser.format_help().rstrip(), "```", ""]
    for action in parser._actions:  # argparse has no public accessor for sub-parsers
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                out += [f"### govdisclosure {name}", "", "```text", sub.format_help().rstrip(), "```", ""]
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------------------------
# gallery and checks catalogue


GALLERY_SAMPLES = ("tacheng-2024", "example-2019")


def _gallery() -> None:
    from govdisclosure import sample_report

    render = _optional("govdisclosure.renderers", "render")
    css = getattr(importlib.import_module("govdisclosure.renderers"), "CSS", "") if render is not None else ""
    for name in GALLERY_SAMPLES:
        if render is None:
            missing = "This version of govdisclosure has no renderers.\n"
            text = markdown = missing
            html = f"<p>{missing}</p>\n"
        else:
            report = sample_report(name)
            text = render(report, format="text")
            markdown = render(report, format="markdown", table="三")
            html = "\n".join(render(report, format="html", table=number) for number in ("二", "三", "四"))
        _write(f"gallery-{name}.txt", text)
        _write(f"gallery-{name}-table3.md", markdown)
        _write(f"gallery-{name}.html", f'<style>{css}</style>\n<div class="gd-gallery">\n{html}\n</div>\n')


def _catalogue() -> str | None:
    catalogue = _optional("govdisclosure.checks", "catalogue_markdown")
    return None if catalogue is None else str(catalogue())


# ---------------------------------------------------------------------------------------------------------------
# API reference


def _api_page() -> str:
    import govdisclosure

    out = [".. generated from govdisclosure.__all__ by docs/_ext/govdisclosure_docs.py: do not edit", ""]
    groups: dict[str, list[str]] = {"Functions": [], "Classes": [], "Exceptions": [], "Modules": [], "Data": []}
    for name in sorted(govdisclosure.__all__, key=str.lower):
        obj = getattr(govdisclosure, name)
        if inspect.ismodule(obj):
            groups["Modules"].append(f".. automodule:: {obj.__name__}\n   :members:\n   :no-index:\n")
        elif inspect.isclass(obj) and issubclass(obj, BaseException):
            groups["Exceptions"].append(f".. autoexception:: govdisclosure.{name}\n")
        elif inspect.isclass(obj):
            groups["Classes"].append(f".. autoclass:: govdisclosure.{name}\n   :members:\n")
        elif callable(obj):
            groups["Functions"].append(f".. autofunction:: govdisclosure.{name}\n")
        else:
            groups["Data"].append(f".. autodata:: govdisclosure.{name}\n   :no-value:\n")
    for title, directives in groups.items():
        if directives:
            out += [title, "-" * len(title), "", *directives]
    return "\n".join(out)


def generate() -> None:
    """Write every generated page."""
    from govdisclosure import json_schema

    OUT.mkdir(exist_ok=True)
    _write(".gitignore", "# generated at build time by docs/_ext/govdisclosure_docs.py\n*\n")
    _write("format-tables.md", _format_page())
    _write("format-report.md", _metadata_page())
    _write("schema.json", json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    _write("cli-help.md", _cli_page())
    _write("api.rst", _api_page())
    catalogue = _catalogue()
    _write(
        "checks-catalogue.md",
        catalogue if catalogue is not None else "This version of govdisclosure has no rule catalogue yet.\n",
    )
    _gallery()


def _on_builder_inited(app: Any) -> None:
    generate()


def setup(app: Any) -> dict[str, Any]:
    """Register the generator with Sphinx."""
    app.connect("builder-inited", _on_builder_inited)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


if __name__ == "__main__":
    generate()
