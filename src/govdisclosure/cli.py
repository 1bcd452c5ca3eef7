"""The ``govdisclosure`` command line: read, check, render and export annual reports from the shell.

``main(argv)`` runs it and returns the exit status: 0 success, 1 a checked report has errors, 2 a usage error or
an input that cannot be used. Every error is one line on stderr naming the input; results of the good inputs are
still written when some inputs are bad. ``python -m govdisclosure`` runs the same command line.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Final, NoReturn

from . import _cli_io as cio
from . import layout
from ._version import __version__

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

PROG: Final = "govdisclosure"
EXIT_OK: Final = 0
"""Success; for ``check``: no report has errors."""
EXIT_FINDINGS: Final = 1
"""``check`` found errors in at least one report."""
EXIT_USAGE: Final = 2
"""A usage error, or an input that cannot be used (missing, unreadable, not a report)."""

EXIT_STATUS_HELP: Final = """\
exit status:
  0  success (check: no report has errors)
  1  check: at least one report has errors
  2  usage error, or an input could not be used (missing, unreadable, not a report);
     check returns 1 rather than 2 when some report has errors
Errors are one line on stderr, "govdisclosure: FILE: problem". Results for the good inputs are still written when
some inputs are bad; output files are replaced atomically, never left half-written. FILE may be - (stdin)."""

DEMO_CHECK_HEADING: Final = "—— 检查结果 (govdisclosure check) ——"
RENDER_FORMATS: Final = ("text", "markdown", "html", "docx")
BINARY_FORMATS: Final = ("docx",)
"""Render formats written as bytes (a file given with -o, or a redirected stdout)."""
EXPORT_FORMATS: Final = ("csv", "jsonl")
TABLES: Final = tuple(table.number for table in layout.edition("2021").tables)
"""Values of ``--table``: the tables' Chinese ordinals, from the layout registry (二, 三, 四)."""


class _Parser(argparse.ArgumentParser):
    """argparse with usage errors as one line (and a pointer to ``--help``)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _choice(what: str, choices: Sequence[str]) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if value not in choices:
            listed = ", ".join(choices[:-1]) + f" or {choices[-1]}"
            raise argparse.ArgumentTypeError(f"unknown {what} {value!r}: choose {listed}")
        return value

    parse.__name__ = what  # argparse names the type in some messages
    return parse


def _table_choice(value: str) -> str:
    return _choice("table", TABLES)(value.removeprefix("表"))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the command line (also used to generate the CLI reference)."""
    formatter = argparse.RawDescriptionHelpFormatter
    parser = _Parser(
        prog=PROG,
        description="Read, check, render and export 政府信息公开工作年度报告 (annual reports on government "
        "information disclosure).",
        epilog=EXIT_STATUS_HELP,
        formatter_class=formatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help_text: str, description: str) -> argparse.ArgumentParser:
        return sub.add_parser(
            name, help=help_text, description=description, epilog=EXIT_STATUS_HELP, formatter_class=formatter
        )

    def inputs(p: argparse.ArgumentParser, many: bool = True) -> None:
        if many:
            p.add_argument("files", nargs="+", metavar="FILE", help="report files (- for stdin)")
        else:
            p.add_argument("files", nargs=1, metavar="FILE", help="a report file (- for stdin)")
        p.add_argument(
            "--from",
            dest="source_format",
            default="auto",
            type=_choice("input format", cio.IMPORT_FORMATS),
            metavar="FORMAT",
            help=f"input format: {', '.join(cio.IMPORT_FORMATS)} (default: auto; JSON is the interchange format)",
        )

    p = command(
        "demo",
        "show the bundled sample report in the official layout, checked",
        "Render a bundled sample report in the official layout (tables 二, 三, 四) and show its check results.",
    )
    p.add_argument(
        "--sample",
        default="tacheng-2024",
        metavar="NAME",
        type=_choice("sample", ("tacheng-2024", "example-2019")),
        help="tacheng-2024 (2021 edition, the default) or example-2019 (2019 edition)",
    )

    p = command(
        "read",
        "import reports to canonical JSON",
        "Import reports (text, Markdown, HTML, PDF or JSON) and write them as canonical JSON. One input goes to "
        "stdout or -o FILE; several go to -o DIR (one FILE-stem.json each) or to stdout as JSON Lines.",
    )
    inputs(p)
    p.add_argument("-o", "--output", metavar="PATH", help="output file, or directory for several inputs")
    p.add_argument("--notes", action="store_true", help="print the importer's notes (repairs made) on stderr")

    p = command(
        "check",
        "check reports; exit 1 if any has errors",
        "Check reports against the arithmetic rules of the official format and list the findings.",
    )
    inputs(p)
    p.add_argument(
        "--format",
        dest="output_format",
        default="text",
        metavar="FORMAT",
        type=_choice("output format", ("text", "json")),
        help="text (default) or json (an array with one object per input)",
    )
    p.add_argument("--select", metavar="CODES", help="only these rules: codes or tags, comma-separated (C1,C3)")
    p.add_argument("--ignore", metavar="CODES", help="skip these rules: codes or tags, comma-separated")
    p.add_argument(
        "--min-severity",
        metavar="SEVERITY",
        type=_choice("severity", ("info", "warning", "error")),
        help="leave out findings below this severity: info, warning or error",
    )
    p.add_argument(
        "--lang",
        default="zh",
        metavar="LANG",
        type=_choice("language", ("zh", "en")),
        help="language of the text output: zh (default) or en",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write the results to FILE instead of stdout")

    p = command(
        "render",
        "render a report as text, Markdown, HTML or Word",
        "Render a report in the official layout, with merged cells.",
    )
    inputs(p, many=False)
    p.add_argument(
        "--to",
        dest="to",
        default="text",
        metavar="FORMAT",
        type=_choice("output format", RENDER_FORMATS),
        help="text (default), markdown, html or docx (a Word file: needs -o FILE unless stdout is redirected)",
    )
    p.add_argument(
        "--table", metavar="TABLE", type=_table_choice, help="only this table: 二, 三 or 四 (default: the whole report)"
    )
    p.add_argument("--page", action="store_true", help="with --to html: a standalone HTML page")
    p.add_argument(
        "--border",
        default="box",
        metavar="STYLE",
        type=_choice("border", ("box", "ascii")),
        help="with --to text: box-drawing (default) or ascii borders",
    )
    p.add_argument("--findings", action="store_true", help="check the report and mark the cells with findings")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")

    p = command(
        "export",
        "export the tables of many reports in long format",
        "Export every table cell of the reports in long format (columns agency, year, edition, table, row, "
        "column, value): CSV or JSON Lines.",
    )
    inputs(p)
    p.add_argument(
        "--to",
        dest="to",
        default="csv",
        metavar="FORMAT",
        type=_choice("output format", EXPORT_FORMATS),
        help="csv (default) or jsonl",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")

    p = command("schema", "print the JSON Schema of the interchange format", "Print the JSON Schema (draft 2020-12).")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    return parser


# ----------------------------------------------------------------------------------------------------------------
# commands


class _Run:
    """State shared by the commands: the error count and how to report an error."""

    def __init__(self) -> None:
        self.failed = 0
        self.bar: cio.Progress | None = None

    def error(self, text: str) -> None:
        self.failed += 1
        line = f"{PROG}: {text}"
        if self.bar is not None:
            self.bar.message(line)
        else:
            print(line, file=sys.stderr)

    def note(self, text: str) -> None:
        line = f"{PROG}: {text}"
        if self.bar is not None:
            self.bar.message(line)
        else:
            print(line, file=sys.stderr)

    @property
    def status(self) -> int:
        return EXIT_USAGE if self.failed else EXIT_OK


def _cmd_demo(args: argparse.Namespace, run: _Run) -> int:
    from .samples import sample_report

    report = sample_report(args.sample)
    result = cio.run_check(report)
    text = cio.run_render(report, "text", None)
    checked = result.to_text().rstrip("\n")
    cio.write_text(None, f"{text.rstrip()}\n\n{DEMO_CHECK_HEADING}\n{checked}\n")
    return EXIT_OK


def _cmd_read(args: argparse.Namespace, run: _Run) -> int:
    from .serialize import dumps

    sources = cio.parse_sources(args.files)
    directory = cio.output_dir(args.output, len(sources)) if args.output else None
    used: set[str] = set()
    lines: list[str] = []
    with cio.progress(len(sources)) as bar:
        run.bar = bar
        for source in sources:
            try:
                report, notes = cio.load_report(source, args.source_format)
                if args.notes:
                    for note in notes:
                        run.note(f"{source.name}: {note}")
                elif (summary := cio.import_summary(notes)) is not None:
                    run.note(f"{source.name}: {summary}")
                if directory is not None:
                    name = f"{source.stem}.json"
                    if name in used:
                        name = f"{Path(source.name).name}.json"
                    used.add(name)
                    cio.write_text(str(directory / name), dumps(report) + "\n")
                elif len(sources) == 1:
                    cio.write_text(args.output, dumps(report) + "\n")
                else:
                    lines.append(dumps(report, indent=None) + "\n")
            except cio.CliError as exc:
                run.error(str(exc))
            bar.advance(source.name)
    if lines:
        cio.write_text(None, "".join(lines))
    return run.status


def _cmd_check(args: argparse.Namespace, run: _Run) -> int:
    sources = cio.parse_sources(args.files)
    as_json = args.output_format == "json"
    options = _check_options(args)
    entries: list[dict[str, Any]] = []
    chunks: list[str] = []
    with_errors = 0
    checked = 0
    with cio.progress(len(sources)) as bar:
        run.bar = bar
        for source in sources:
            try:
                report, notes = cio.load_report(source, args.source_format)
                result = cio.run_check(report, **options)
            except cio.CliError as exc:
                run.error(str(exc))
                if as_json:
                    entries.append({"file": source.name, "error": str(exc).removeprefix(f"{source.name}: ")})
                bar.advance(source.name)
                continue
            checked += 1
            with_errors += not result.ok
            if as_json:
                counts = {
                    level: sum(note.severity == level for note in notes) for level in ("error", "warning", "info")
                }
                entries.append({"file": source.name, **result.to_dict(), "import_notes": counts})
            else:
                body = result.to_text(args.lang).rstrip("\n")
                summary = cio.import_summary(notes, args.lang)
                if summary is not None:
                    body += f"\n{summary}"
                chunks.append(f"{source.name}\n{body}\n" if len(sources) > 1 else f"{body}\n")
            bar.advance(source.name)
    if as_json:
        text = json.dumps(entries, ensure_ascii=False, indent=2, default=_json_default) + "\n"
    else:
        text = "\n".join(chunks)
        if len(sources) > 1:
            text += "\n" + _check_summary(args.lang, checked, with_errors, run.failed) + "\n"
    cio.write_text(args.output, text)
    if with_errors:
        return EXIT_FINDINGS
    return run.status


def _check_summary(lang: str, checked: int, with_errors: int, unusable: int) -> str:
    """The closing line of ``check`` over several inputs, in the language of the findings."""
    if lang == "zh":
        tail = f"，{unusable} 份无法使用" if unusable else ""
        return f"共检查 {checked} 份报告，{with_errors} 份有错误{tail}"
    tail = f", {unusable} unusable" if unusable else ""
    return f"{checked} report{'s' if checked != 1 else ''} checked: {with_errors} with errors{tail}"


def _codes(value: str | None) -> list[str] | None:
    return None if value is None else [code.strip() for code in value.split(",") if code.strip()]


def _check_options(args: argparse.Namespace) -> dict[str, Any]:
    from .checks import select_rules

    options: dict[str, Any] = {"select": _codes(args.select), "ignore": _codes(args.ignore)}
    if args.min_severity is not None:
        options["min_severity"] = args.min_severity
    try:  # unknown codes are a usage error, said once rather than once per input
        select_rules("2021", **options)
    except ValueError as exc:
        raise cio.UsageError(cio.one_line(exc)) from None
    return options


def _cmd_render(args: argparse.Namespace, run: _Run) -> int:
    (source,) = cio.parse_sources(args.files)
    if args.page and args.to != "html":
        raise cio.UsageError("--page needs --to html")
    to_file = args.output is not None and args.output != "-"
    if args.to == "docx" and not to_file and sys.stdout.isatty():
        raise cio.UsageError("--to docx writes a binary Word file: give -o FILE, or redirect stdout to a file")
    report, _ = cio.load_report(source, args.source_format)
    findings = cio.run_check(report).findings if args.findings else None
    if args.to == "docx":
        _write_docx(args.output if to_file else None, report, args.table, findings)
        return EXIT_OK
    text = cio.run_render(report, args.to, args.table, findings=findings, page=args.page, border=args.border)
    cio.write_text(args.output, text if text.endswith("\n") else text + "\n")
    return EXIT_OK


def _write_docx(target: str | None, report: Any, table: str | None, findings: Any) -> None:
    """Render a Word file and write it to ``target`` (atomically: a temporary file renamed into place) or stdout."""
    from .errors import GovDisclosureError
    from .renderers import render

    try:
        data = render(report, "docx", table, findings=findings)
    except GovDisclosureError as exc:
        raise cio.CliError(cio.one_line(exc)) from None
    cio.write_bytes(target, data)


def _json_default(value: object) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _cmd_export(args: argparse.Namespace, run: _Run) -> int:
    from .records import RECORD_COLUMNS, iter_records

    sources = cio.parse_sources(args.files)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n") if args.to == "csv" else None
    if writer is not None:
        writer.writerow(RECORD_COLUMNS)
    with cio.progress(len(sources)) as bar:
        run.bar = bar
        for source in sources:
            try:
                report, _ = cio.load_report(source, args.source_format)
            except cio.CliError as exc:
                run.error(str(exc))
                bar.advance(source.name)
                continue
            for record in iter_records(report):
                if writer is not None:
                    value = record["value"]
                    cell = "" if value is None else format(value, "f") if isinstance(value, Decimal) else value
                    writer.writerow([record[c] for c in RECORD_COLUMNS[:-1]] + [cell])
                else:
                    buffer.write(json.dumps(record, ensure_ascii=False, default=_json_default) + "\n")
            bar.advance(source.name)
    cio.write_text(args.output, buffer.getvalue())
    return run.status


def _cmd_schema(args: argparse.Namespace, run: _Run) -> int:
    from .schema import json_schema

    cio.write_text(args.output, json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


_COMMANDS: Final[dict[str, Callable[[argparse.Namespace, _Run], int]]] = {
    "demo": _cmd_demo,
    "read": _cmd_read,
    "check": _cmd_check,
    "render": _cmd_render,
    "export": _cmd_export,
    "schema": _cmd_schema,
}


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding not in ("utf-8", "utf8") and reconfigure is not None:
            reconfigure(encoding="utf-8", errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit status."""
    _utf8_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.command is None:
        print(f"{PROG}: error: a command is required: {', '.join(_COMMANDS)} (see {PROG} --help)", file=sys.stderr)
        return EXIT_USAGE
    run = _Run()
    try:
        return _COMMANDS[args.command](args, run)
    except cio.UsageError as exc:
        print(f"{PROG}: error: {exc} (see {PROG} {args.command} --help)", file=sys.stderr)
        return EXIT_USAGE
    except cio.CliError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # the reader went away (``govdisclosure export … | head``): stop quietly, as Unix tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 128 + 13  # the shell's status for a process ended by SIGPIPE
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
