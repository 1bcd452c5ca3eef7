"""Tests of the command line (govdisclosure.cli), run in-process through ``main(argv)``."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import govdisclosure
from govdisclosure import _cli_io, cli
from govdisclosure.testing import consistent_report


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command line; return (exit status, stdout, stderr)."""
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def stdin_bytes(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    """Make standard input read ``data``."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.fixture
def report_file(tmp_path: Path, example_2019: govdisclosure.Report) -> Path:
    """The bundled 2019 example as a JSON file."""
    path = tmp_path / "example.json"
    govdisclosure.dump(example_2019, path)
    return path


@pytest.fixture
def bad_json(tmp_path: Path) -> Path:
    """A file with a syntax error."""
    path = tmp_path / "bad.json"
    path.write_text('{"edition": ', encoding="utf-8")
    return path


class TestGeneral:
    """--version, --help, no command, unknown command."""

    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--version prints the package version."""
        assert run(capsys, "--version") == (0, f"govdisclosure {govdisclosure.__version__}\n", "")

    def test_help_documents_exit_status(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--help lists the commands and the exit codes."""
        status, out, _ = run(capsys, "--help")
        assert status == 0
        for word in ("demo", "read", "check", "render", "export", "schema"):
            assert word in out
        assert "exit status:\n  0  success" in out
        assert "  1  check: at least one report has errors" in out
        assert "  2  usage error, or an input could not be used" in out

    def test_command_help(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Each command has its own --help with the exit codes."""
        status, out, _ = run(capsys, "check", "--help")
        assert status == 0
        assert out.startswith("usage: govdisclosure check")
        assert "exit status:" in out

    def test_no_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without a command: one line, exit 2."""
        assert run(capsys) == (
            2,
            "",
            "govdisclosure: error: a command is required: demo, read, check, render, export, schema "
            "(see govdisclosure --help)\n",
        )

    def test_unknown_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown command is a one-line usage error."""
        status, out, err = run(capsys, "bogus")
        assert (status, out) == (2, "")
        assert err.startswith("govdisclosure: error: argument COMMAND: invalid choice: 'bogus'")
        assert err.endswith("(see govdisclosure --help)\n")
        assert err.count("\n") == 1

    def test_python_m(self) -> None:
        """``python -m govdisclosure`` runs the same command line."""
        done = subprocess.run(
            [sys.executable, "-m", "govdisclosure", "--version"], capture_output=True, text=True, check=False
        )
        assert (done.returncode, done.stdout) == (0, f"govdisclosure {govdisclosure.__version__}\n")


class TestUsageErrors:
    """Unknown formats and tables, stdin named twice: exact one-line messages, exit 2."""

    def test_unknown_input_format(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--from with an unknown format."""
        assert run(capsys, "check", "--from", "xlsx", "x.json") == (
            2,
            "",
            "govdisclosure check: error: argument --from: unknown input format 'xlsx': choose auto, json, text, "
            "markdown, html, pdf or docx (see govdisclosure check --help)\n",
        )

    def test_unknown_output_format(self, capsys: pytest.CaptureFixture[str]) -> None:
        """render --to with an unknown format."""
        assert run(capsys, "render", "x.json", "--to", "pdf") == (
            2,
            "",
            "govdisclosure render: error: argument --to: unknown output format 'pdf': "
            "choose text, markdown, html or docx (see govdisclosure render --help)\n",
        )

    def test_unknown_export_format(self, capsys: pytest.CaptureFixture[str]) -> None:
        """export --to with an unknown format."""
        assert run(capsys, "export", "x.json", "--to", "xlsx") == (
            2,
            "",
            "govdisclosure export: error: argument --to: unknown output format 'xlsx': choose csv or jsonl "
            "(see govdisclosure export --help)\n",
        )

    def test_unknown_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        """render --table with a table that does not exist."""
        assert run(capsys, "render", "x.json", "--table", "五") == (
            2,
            "",
            "govdisclosure render: error: argument --table: unknown table '五': choose 二, 三 or 四 "
            "(see govdisclosure render --help)\n",
        )

    def test_stdin_twice(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Standard input can be read once only."""
        assert run(capsys, "export", "-", "-") == (
            2,
            "",
            "govdisclosure: error: standard input (-) can be named only once (see govdisclosure export --help)\n",
        )

    def test_page_needs_html(self, capsys: pytest.CaptureFixture[str], report_file: Path) -> None:
        """--page is for HTML only."""
        assert run(capsys, "render", str(report_file), "--page") == (
            2,
            "",
            "govdisclosure: error: --page needs --to html (see govdisclosure render --help)\n",
        )

    def test_several_inputs_need_a_directory(
        self, capsys: pytest.CaptureFixture[str], report_file: Path, tmp_path: Path
    ) -> None:
        """read -o FILE with several inputs is refused before anything is written."""
        target = tmp_path / "out.json"
        assert run(capsys, "read", str(report_file), str(report_file), "-o", str(target)) == (
            2,
            "",
            f"govdisclosure: error: -o {target}: several inputs need a directory (an existing one, or a path ending "
            "in /) (see govdisclosure read --help)\n",
        )
        assert not target.exists()


class TestInputErrors:
    """Inputs that cannot be used: one line naming the file, exit 2, good inputs still processed."""

    def test_missing_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A path that does not exist."""
        missing = tmp_path / "missing.json"
        assert run(capsys, "export", str(missing)) == (
            2,
            "agency,year,edition,table,row,column,value\n",
            f"govdisclosure: {missing}: cannot read: No such file or directory\n",
        )

    def test_directory(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A directory is not a report."""
        status, _, err = run(capsys, "read", str(tmp_path))
        assert (status, err) == (2, f"govdisclosure: {tmp_path}: cannot read: Is a directory\n")

    def test_bad_json(self, capsys: pytest.CaptureFixture[str], bad_json: Path) -> None:
        """A JSON syntax error names the position."""
        assert run(capsys, "read", str(bad_json)) == (
            2,
            "",
            f"govdisclosure: {bad_json}: not valid JSON: Expecting value (line 1, column 13)\n",
        )

    def test_rtf_is_not_taken_for_json(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """An RTF document starts with a brace, like JSON: it is named as what it is, not as broken JSON."""
        path = tmp_path / "report.rtf"
        path.write_bytes(b"{\\rtf1\\ansi \\'d5\\'fe}")
        assert run(capsys, "read", str(path)) == (
            2,
            "",
            f"govdisclosure: {path} is an RTF document: open it in Word, WPS or LibreOffice and save it as .docx\n",
        )

    def test_invalid_report(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Valid JSON that is not a report: the problems on one line, with their paths."""
        path = tmp_path / "wrong.json"
        data = govdisclosure.to_dict(govdisclosure.sample_report())
        data["year"] = "2024"
        data["applications"]["new_received"]["total"] = -1
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        status, out, err = run(capsys, "read", str(path))
        assert (status, out) == (2, "")
        assert err.startswith(f"govdisclosure: {path}: invalid report: 2 problems: $.")
        assert "$.year" in err
        assert "$.applications.new_received.total" in err
        assert err.count("\n") == 1

    def test_not_utf8(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """JSON that is not UTF-8."""
        path = tmp_path / "gbk.json"
        path.write_bytes('{"agency": "外事办"}'.encode("gbk"))
        status, _, err = run(capsys, "read", str(path))
        assert (status, err) == (2, f"govdisclosure: {path}: not UTF-8 text: invalid continuation byte at byte 12\n")

    def test_empty_stdin(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        """Empty standard input."""
        stdin_bytes(monkeypatch, b"")
        assert run(capsys, "read", "-") == (2, "", "govdisclosure: <stdin>: empty input\n")

    def test_empty_json_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """An empty .json file."""
        path = tmp_path / "empty.json"
        path.write_bytes(b"\n")
        assert run(capsys, "read", str(path)) == (2, "", f"govdisclosure: {path}: empty input\n")

    def test_good_inputs_still_written(
        self, capsys: pytest.CaptureFixture[str], report_file: Path, bad_json: Path, tmp_path: Path
    ) -> None:
        """With one bad input among good ones, the good results are written and the exit status is 2."""
        out_dir = tmp_path / "out"
        status, out, err = run(capsys, "read", str(report_file), str(bad_json), "-o", f"{out_dir}/")
        assert (status, out) == (2, "")
        assert err == f"govdisclosure: {bad_json}: not valid JSON: Expecting value (line 1, column 13)\n"
        assert sorted(p.name for p in out_dir.iterdir()) == ["example.json"]

    def test_unwritable_output(self, capsys: pytest.CaptureFixture[str], report_file: Path, tmp_path: Path) -> None:
        """An output in a directory that does not exist."""
        target = tmp_path / "no" / "such" / "out.json"
        assert run(capsys, "read", str(report_file), "-o", str(target)) == (
            2,
            "",
            f"govdisclosure: {target}: cannot write: No such file or directory\n",
        )


class TestRead:
    """read: canonical JSON to stdout, a file, a directory, or JSON Lines."""

    def test_stdout(
        self, capsys: pytest.CaptureFixture[str], report_file: Path, example_2019: govdisclosure.Report
    ) -> None:
        """One input goes to stdout as canonical JSON."""
        status, out, err = run(capsys, "read", str(report_file))
        assert (status, err) == (0, "")
        assert out == govdisclosure.dumps(example_2019) + "\n"

    def test_stdin(
        self,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        example_2019: govdisclosure.Report,
    ) -> None:
        """``-`` reads standard input (JSON recognised by its content)."""
        stdin_bytes(monkeypatch, govdisclosure.dumps(example_2019, indent=None).encode())
        status, out, _ = run(capsys, "read", "-")
        assert status == 0
        assert govdisclosure.loads(out) == example_2019

    def test_output_file(
        self, capsys: pytest.CaptureFixture[str], report_file: Path, tmp_path: Path, example_2019: govdisclosure.Report
    ) -> None:
        """-o FILE writes the file and nothing else (no temporary file left behind)."""
        target = tmp_path / "out" / "r.json"
        target.parent.mkdir()
        assert run(capsys, "read", str(report_file), "-o", str(target)) == (0, "", "")
        assert govdisclosure.load(target) == example_2019
        assert [p.name for p in target.parent.iterdir()] == ["r.json"]

    def test_directory_names(self, capsys: pytest.CaptureFixture[str], report_file: Path, tmp_path: Path) -> None:
        """Several inputs go to a directory, one FILE-stem.json each; a repeated stem keeps its full name."""
        other = tmp_path / "sub"
        other.mkdir()
        second = other / "example.json"
        second.write_bytes(report_file.read_bytes())
        out_dir = tmp_path / "out"
        out_dir.mkdir()
        assert run(capsys, "read", str(report_file), str(second), "-o", str(out_dir)) == (0, "", "")
        assert sorted(p.name for p in out_dir.iterdir()) == ["example.json", "example.json.json"]

    def test_json_lines(self, capsys: pytest.CaptureFixture[str], report_file: Path) -> None:
        """Several inputs without -o: one compact report per line."""
        status, out, _ = run(capsys, "read", str(report_file), str(report_file))
        lines = out.splitlines()
        assert status == 0
        assert len(lines) == 2
        assert govdisclosure.loads(lines[0]) == govdisclosure.loads(lines[1])

    def test_replaces_atomically(
        self, capsys: pytest.CaptureFixture[str], report_file: Path, bad_json: Path, tmp_path: Path
    ) -> None:
        """A failed run leaves an existing output file as it was."""
        target = tmp_path / "keep.json"
        target.write_text("old", encoding="utf-8")
        status, _, _ = run(capsys, "read", str(bad_json), "-o", str(target))
        assert status == 2
        assert target.read_text(encoding="utf-8") == "old"


class TestExport:
    """export: long format for many reports, CSV or JSON Lines."""

    def test_csv(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Every cell of every report, blanks empty, amounts as plain decimals."""
        paths = []
        for seed in range(3):
            path = tmp_path / f"r{seed}.json"
            govdisclosure.dump(consistent_report("2021", seed=seed, agency=f"机关{seed}"), path)
            paths.append(str(path))
        target = tmp_path / "cells.csv"
        assert run(capsys, "export", *paths, "-o", str(target)) == (0, "", "")
        with target.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        per_report = len(govdisclosure.to_records(consistent_report("2021")))
        assert len(rows) == 3 * per_report
        assert {r["agency"] for r in rows} == {"机关0", "机关1", "机关2"}
        fee = next(r for r in rows if r["agency"] == "机关1" and r["row"] == "fees")
        expected = consistent_report("2021", seed=1).active_disclosure.fees.amount  # type: ignore[union-attr]
        assert fee["value"] == format(expected, "f")

    def test_blank_cells(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A blank cell is an empty CSV field and null in JSON Lines, never 0."""
        report = govdisclosure.blank_report("2021", year=2023, agency="某局")
        path = tmp_path / "blank.json"
        govdisclosure.dump(report, path)
        _, out, _ = run(capsys, "export", str(path))
        assert out.splitlines()[1] == "某局,2023,2021,active_disclosure,regulations,issued,"
        _, out, _ = run(capsys, "export", str(path), "--to", "jsonl")
        assert json.loads(out.splitlines()[0]) == {
            "agency": "某局",
            "year": 2023,
            "edition": "2021",
            "table": "active_disclosure",
            "row": "regulations",
            "column": "issued",
            "value": None,
        }

    def test_jsonl_amount(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Amounts travel as decimal strings in JSON Lines."""
        report = govdisclosure.sample_report().with_cell("active_disclosure.fees.amount", govdisclosure_decimal())
        path = tmp_path / "fee.json"
        govdisclosure.dump(report, path)
        _, out, _ = run(capsys, "export", str(path), "--to", "jsonl")
        fee = [json.loads(line) for line in out.splitlines() if '"fees"' in line]
        assert fee[0]["value"] == "7730.28"


def govdisclosure_decimal() -> object:
    """An amount with decimals."""
    from decimal import Decimal

    return Decimal("7730.28")


class TestImportNotes:
    """Import notes that are errors are never silent: a line on stderr (read) or under the findings (check)."""

    @pytest.mark.corpus
    def test_read_and_check_say_so(self, capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
        """002's crawled 表二 has digit runs that cannot be split: read and check both say cells were left blank."""
        source = str(corpus / "real" / "002-pingtan-2019.txt")
        status, out, err = run(capsys, "read", source)
        assert status == 0
        assert govdisclosure.loads(out).year == 2019
        assert err == (
            f"govdisclosure: {source}: 7 import notes are errors: figures left blank or not placed "
            "(govdisclosure read --notes lists every note)\n"
        )
        status, out, _ = run(capsys, "check", source)
        assert status == 0
        assert out.endswith(
            "导入时 7 处数字未能读取或定位，相应单元格留空（govdisclosure read --notes 列出全部提示）\n"
        )
        status, out, _ = run(capsys, "check", "--format", "json", source)
        assert json.loads(out)[0]["import_notes"]["error"] == 7


class TestStdoutFailure:
    """A standard output that cannot be written is one line and exit 2, never a traceback."""

    @pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
    def test_full_disk(self) -> None:
        """schema > /dev/full."""
        with open("/dev/full", "w") as full:
            done = subprocess.run(
                [sys.executable, "-m", "govdisclosure", "schema"], stdout=full, stderr=subprocess.PIPE, check=False
            )
        assert done.returncode == 2
        assert done.stderr.decode() == "govdisclosure: standard output: cannot write: No space left on device\n"


class TestSchema:
    """schema: the JSON Schema."""

    def test_schema(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The printed schema is json_schema()."""
        status, out, _ = run(capsys, "schema")
        assert status == 0
        assert json.loads(out) == govdisclosure.json_schema()

    def test_output_file_permissions(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """An output file gets the usual permissions (0666 less the umask), not the temporary file's 0600."""
        target = tmp_path / "schema.json"
        old = os.umask(0o022)
        try:
            assert run(capsys, "schema", "-o", str(target))[0] == 0
        finally:
            os.umask(old)
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
        assert json.loads(target.read_text(encoding="utf-8")) == govdisclosure.json_schema()


class TestProgress:
    """The progress bar is drawn on a terminal only."""

    class _Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    def test_drawn_on_a_terminal(self) -> None:
        """Several inputs on a terminal: a bar, cleared at the end."""
        stream = self._Tty()
        bar = _cli_io.Progress(2, stream)
        bar.advance("a.json")
        assert "[############............] 1/2 a.json" in stream.getvalue()
        bar.clear()
        assert stream.getvalue().endswith("\r")

    def test_not_drawn_when_piped(self) -> None:
        """Not a terminal: nothing."""
        stream = io.StringIO()
        bar = _cli_io.Progress(5, stream)
        bar.advance("a.json")
        bar.clear()
        assert stream.getvalue() == ""

    def test_not_drawn_for_one_input(self) -> None:
        """One input: no bar even on a terminal."""
        stream = self._Tty()
        _cli_io.Progress(1, stream).advance("a.json")
        assert stream.getvalue() == ""


class TestRender:
    """render: the official layout as text, Markdown or HTML, one table or the whole report."""

    def test_text_is_the_renderer_output(
        self, capsys: pytest.CaptureFixture[str], report_file: Path, example_2019: govdisclosure.Report
    ) -> None:
        """render FILE prints exactly what render(report) gives."""
        from govdisclosure.renderers import render

        status, out, err = run(capsys, "render", str(report_file))
        assert (status, err) == (0, "")
        assert out.rstrip("\n") == render(example_2019).rstrip("\n")

    def test_one_table(self, capsys: pytest.CaptureFixture[str], report_file: Path) -> None:
        """--table 四 renders 表四 only; 表四 is accepted as well as 四."""
        _, out, _ = run(capsys, "render", str(report_file), "--table", "四", "--border", "ascii")
        _, same, _ = run(capsys, "render", str(report_file), "--table", "表四", "--border", "ascii")
        assert out == same
        table = govdisclosure.layout.table("2019", "四")
        assert out.splitlines()[0] == f"{table.name} {table.title}"
        assert "表三" not in out
        assert "┌" not in out

    def test_markdown(self, capsys: pytest.CaptureFixture[str], report_file: Path) -> None:
        """--to markdown gives Markdown tables."""
        status, out, _ = run(capsys, "render", str(report_file), "--to", "markdown", "--table", "二")
        assert status == 0
        label = govdisclosure.layout.table("2019", "二").node("normative_documents").label
        assert f"| {label} " in out

    def test_html_page(self, capsys: pytest.CaptureFixture[str], report_file: Path, tmp_path: Path) -> None:
        """--to html --page writes a standalone document."""
        target = tmp_path / "report.html"
        assert run(capsys, "render", str(report_file), "--to", "html", "--page", "-o", str(target)) == (0, "", "")
        text = target.read_text(encoding="utf-8")
        assert text.startswith("<!DOCTYPE html>")
        assert "江川市自然资源和规划局" in text

    def test_html_fragment(self, capsys: pytest.CaptureFixture[str], report_file: Path) -> None:
        """Without --page, an HTML fragment."""
        _, out, _ = run(capsys, "render", str(report_file), "--to", "html", "--table", "三")
        assert not out.startswith("<!DOCTYPE")
        assert "<table" in out
        assert 'rowspan="' in out

    def test_missing_input(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A missing file is one line naming it."""
        missing = tmp_path / "nope.json"
        assert run(capsys, "render", str(missing)) == (
            2,
            "",
            f"govdisclosure: {missing}: cannot read: No such file or directory\n",
        )


@pytest.fixture
def flawed_file(tmp_path: Path) -> Path:
    """The seed report with one cell of 表四 that breaks C4."""
    path = tmp_path / "flawed.json"
    govdisclosure.dump(govdisclosure.sample_report().with_cell("review_litigation.reconsideration.upheld", 2), path)
    return path


class TestCheck:
    """check: findings as text or JSON; exit 0 without errors, 1 with errors, 2 for unusable inputs only."""

    def test_clean_report(self, capsys: pytest.CaptureFixture[str], report_file: Path) -> None:
        """A report that adds up: exit 0, the summary line of the check report."""
        from govdisclosure.checks import check

        status, out, err = run(capsys, "check", str(report_file))
        assert (status, err) == (0, "")
        assert out == check(govdisclosure.load(report_file)).to_text() + "\n"

    def test_errors_exit_1(self, capsys: pytest.CaptureFixture[str], flawed_file: Path) -> None:
        """A report with an error: exit 1, the finding names the cell."""
        status, out, err = run(capsys, "check", str(flawed_file), "--lang", "en")
        assert (status, err) == (1, "")
        assert out.splitlines()[0] == "塔城地区行署外事办公室 2024: 1 error(s), 0 warning(s), 0 info"
        assert "C4" in out
        assert "表四 行政复议 · 总计" in out

    def test_many_files(
        self, capsys: pytest.CaptureFixture[str], report_file: Path, flawed_file: Path, bad_json: Path
    ) -> None:
        """Several inputs: one block per file, a summary; errors win over unusable inputs (exit 1)."""
        status, out, err = run(capsys, "check", str(report_file), str(flawed_file), str(bad_json))
        assert status == 1
        assert err == f"govdisclosure: {bad_json}: not valid JSON: Expecting value (line 1, column 13)\n"
        assert out.startswith(f"{report_file}\n")
        assert f"\n{flawed_file}\n" in out
        assert out.endswith("\n共检查 2 份报告，1 份有错误，1 份无法使用\n")
        status, out, _ = run(capsys, "check", "--lang", "en", str(report_file), str(flawed_file), str(bad_json))
        assert out.endswith("\n2 reports checked: 1 with errors, 1 unusable\n")

    def test_only_unusable_exit_2(self, capsys: pytest.CaptureFixture[str], report_file: Path, bad_json: Path) -> None:
        """No report with errors but an unusable input: exit 2."""
        status, out, _ = run(capsys, "check", str(report_file), str(bad_json))
        assert status == 2
        assert out.endswith("\n共检查 1 份报告，0 份有错误，1 份无法使用\n")

    def test_json(
        self, capsys: pytest.CaptureFixture[str], report_file: Path, flawed_file: Path, bad_json: Path
    ) -> None:
        """--format json: an array with one object per input, unusable inputs included."""
        status, out, _ = run(capsys, "check", "--format", "json", str(report_file), str(flawed_file), str(bad_json))
        data = json.loads(out)
        assert status == 1
        assert [entry["file"] for entry in data] == [str(report_file), str(flawed_file), str(bad_json)]
        assert [entry.get("ok") for entry in data] == [True, False, None]
        assert data[1]["findings"][0]["code"] == "C4"
        assert data[2]["error"] == "not valid JSON: Expecting value (line 1, column 13)"

    def test_select_and_ignore(self, capsys: pytest.CaptureFixture[str], flawed_file: Path) -> None:
        """--ignore C4 drops the only error: exit 0; --select C1 does not run C4."""
        assert run(capsys, "check", str(flawed_file), "--ignore", "C4")[0] == 0
        assert run(capsys, "check", str(flawed_file), "--select", "C1,C3")[0] == 0
        assert run(capsys, "check", str(flawed_file), "--select", "C4")[0] == 1

    def test_unknown_rule(self, capsys: pytest.CaptureFixture[str], flawed_file: Path) -> None:
        """An unknown rule code is a usage error, said once."""
        assert run(capsys, "check", str(flawed_file), str(flawed_file), "--select", "C9") == (
            2,
            "",
            "govdisclosure: error: unknown rule code or tag C9: the codes and tags are listed by "
            "govdisclosure.checks.catalogue() (see govdisclosure check --help)\n",
        )

    def test_stdin(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, flawed_file: Path
    ) -> None:
        """``-`` checks standard input."""
        stdin_bytes(monkeypatch, flawed_file.read_bytes())
        status, out, _ = run(capsys, "check", "-", "--format", "json")
        assert status == 1
        assert json.loads(out)[0]["file"] == "<stdin>"

    def test_output_file(self, capsys: pytest.CaptureFixture[str], flawed_file: Path, tmp_path: Path) -> None:
        """-o FILE: the results go to the file; the exit status still says there are errors."""
        target = tmp_path / "findings.json"
        assert run(capsys, "check", str(flawed_file), "--format", "json", "-o", str(target)) == (1, "", "")
        assert json.loads(target.read_text(encoding="utf-8"))[0]["ok"] is False


class TestDemo:
    """demo: the bundled sample in the official layout, then its check results."""

    def test_demo(self, capsys: pytest.CaptureFixture[str], sample: govdisclosure.Report) -> None:
        """The official tables of the seed report and a clean check summary."""
        status, out, err = run(capsys, "demo")
        assert (status, err) == (0, "")
        for key in ("active_disclosure", "applications", "review_litigation"):
            number, heading = govdisclosure.layout.SECTION_HEADINGS[key]
            assert f"\n{number}、{heading}\n" in out
        assert "┌" in out
        assert govdisclosure.layout.table("2021", "三").node("outcomes.other_handling.unpaid_fee").label[:12] in out
        assert out.rstrip("\n").endswith(
            f"{cli.DEMO_CHECK_HEADING}\n塔城地区行署外事办公室 2024：错误 0，警告 0，提示 0"
        )

    def test_demo_2019(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--sample example-2019 shows the 2019 edition (its single （六） row)."""
        status, out, _ = run(capsys, "demo", "--sample", "example-2019")
        assert status == 0
        assert govdisclosure.layout.OTHER_HANDLING_2019.label in out
        assert "江川市自然资源和规划局" in out


class TestRenderFindings:
    """render --findings marks the cells the checks flag."""

    def test_marks(self, capsys: pytest.CaptureFixture[str], flawed_file: Path) -> None:
        """The HTML of a flawed report carries the error class; a clean one does not."""
        _, out, _ = run(capsys, "render", str(flawed_file), "--to", "html", "--table", "四", "--findings")
        _, plain, _ = run(capsys, "render", str(flawed_file), "--to", "html", "--table", "四")
        assert "gd-error" in out
        assert "gd-error" not in plain


class TestImport:
    """read/check/export on published reports (not JSON), through the importers."""

    @pytest.fixture
    def html_file(self, tmp_path: Path, example_2019: govdisclosure.Report) -> Path:
        """The 2019 example as a web page, written by the HTML renderer."""
        from govdisclosure.renderers import render

        path = tmp_path / "example.html"
        path.write_text(render(example_2019, format="html", page=True), encoding="utf-8")
        return path

    def test_read_html(
        self, capsys: pytest.CaptureFixture[str], html_file: Path, example_2019: govdisclosure.Report
    ) -> None:
        """A web page is imported; its tables equal the report it was rendered from."""
        status, out, err = run(capsys, "read", str(html_file))
        assert (status, err) == (0, "")
        report = govdisclosure.loads(out)
        assert (report.applications, report.review_litigation) == (
            example_2019.applications,
            example_2019.review_litigation,
        )
        assert report.source == "example.html"

    def test_read_stdin_with_format(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, html_file: Path
    ) -> None:
        """Standard input with --from html."""
        stdin_bytes(monkeypatch, html_file.read_bytes())
        status, out, _ = run(capsys, "read", "-", "--from", "html")
        assert status == 0
        assert govdisclosure.loads(out).agency == "江川市自然资源和规划局"

    def test_notes(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, example_2019: govdisclosure.Report
    ) -> None:
        """--notes prints what the importer noticed, one line each on stderr, naming the file."""
        from govdisclosure.renderers import render

        report = example_2019.with_cell("applications.carried_over.research", None)
        path = tmp_path / "slash.html"
        path.write_text(render(report, format="html", page=True, blank="/"), encoding="utf-8")
        status, out, err = run(capsys, "read", str(path), "--notes")
        assert status == 0
        assert govdisclosure.loads(out).get("applications.carried_over.research") is None
        assert err.startswith(f"govdisclosure: {path}: info: '/' read as a blank cell [blank-marker] (table 2, ")
        assert err.count("\n") == 1
        assert run(capsys, "read", str(path))[2] == ""

    def test_not_a_report(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A text file that is not a report: one line from the importer, exit 2."""
        path = tmp_path / "notes.txt"
        path.write_text("会议纪要\n今天天气很好。\n", encoding="utf-8")
        status, out, err = run(capsys, "check", str(path))
        assert (status, out) == (2, "")
        assert err == (
            f"govdisclosure: {path} is not an annual report on government information disclosure "
            "(政府信息公开工作年度报告)\n"
        )

    def test_not_a_report_json(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """In a JSON check result the error names the file once, as given."""
        path = tmp_path / "notes.txt"
        path.write_text("会议纪要\n今天天气很好。\n", encoding="utf-8")
        status, out, _ = run(capsys, "check", str(path), "--format", "json")
        assert status == 2
        assert json.loads(out) == [
            {
                "file": str(path),
                "error": f"{path} is not an annual report on government information disclosure "
                "(政府信息公开工作年度报告)",
            }
        ]

    def test_message_names_the_file_once(self) -> None:
        """A library message that starts with the file name is kept, with the name as typed; others are prefixed."""
        source = _cli_io.Source.parse("dir/x.pdf")
        assert _cli_io.about(source, "x.pdf has no usable text layer") == "dir/x.pdf has no usable text layer"
        assert _cli_io.about(source, "x.pdf: page 2 is blank") == "dir/x.pdf: page 2 is blank"
        assert _cli_io.about(source, "x.pdfs are not read") == "dir/x.pdf: x.pdfs are not read"
        assert _cli_io.about(source, "not valid JSON") == "dir/x.pdf: not valid JSON"
        assert _cli_io.about(_cli_io.Source.parse("-"), "the HTML input is empty") == (
            "<stdin>: the HTML input is empty"
        )


@pytest.mark.corpus
class TestCorpus:
    """The command line on the shared corpus of real reports, as a reviewer would use it."""

    def test_check_real_reports(self, capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
        """check real/*: findings for the flawed files, the legacy report refused in one line, exit 1."""
        files = sorted(str(p) for p in (corpus / "real").iterdir())
        status, out, err = run(capsys, "check", "--lang", "en", *files)
        assert status == 1
        blocks = {block.split("\n", 1)[0]: block for block in out.split("\n\n")}
        flawed = {name for name, block in blocks.items() if " 0 error(s)" not in block and name.startswith("/")}
        assert {Path(name).name for name in flawed} == {
            "003-pingtan-2020.txt",
            "012-hongze-district-2023.pdf",
            "012-hongze-district-2023.txt",
        }
        assert "C1" in blocks[str(corpus / "real" / "003-pingtan-2020.txt")]
        assert "C4" in blocks[str(corpus / "real" / "012-hongze-district-2023.pdf")]
        legacy = corpus / "real" / "015-pingtan-2018-legacy.txt"
        assert err == (
            f"govdisclosure: {legacy} follows the pre-2019 outline (概述 / 依申请公开 sections, no 表三 of the 2019 or "
            "2021 format): it cannot be read as either edition\n"
        )
        assert out.endswith("\n13 reports checked: 3 with errors, 1 unusable\n")

    def test_check_json(self, capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
        """--format json: 003 has two C1 errors."""
        status, out, _ = run(capsys, "check", "--format", "json", str(corpus / "real" / "003-pingtan-2020.txt"))
        data = json.loads(out)
        assert status == 1
        assert [f["code"] for f in data[0]["findings"]] == ["C1", "C1"]

    def test_read_text_and_html_of_one_report(
        self, capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
    ) -> None:
        """The .txt and .html of one report go to one directory without clobbering each other, same tables."""
        out_dir = tmp_path / "json"
        sources = [str(corpus / "real" / "005-pingtan-2022.txt"), str(corpus / "real" / "005-pingtan-2022.html")]
        # the .txt copy prints 表二's 行政规范性文件 as a digit run that cannot be split: that cell is left blank
        assert run(capsys, "read", *sources, "-o", f"{out_dir}/") == (
            0,
            "",
            f"govdisclosure: {sources[0]}: 1 import note is an error: figures left blank or not placed "
            "(govdisclosure read --notes lists every note)\n",
        )
        text = govdisclosure.load(out_dir / "005-pingtan-2022.json")
        html = govdisclosure.load(out_dir / "005-pingtan-2022.html.json")
        assert text.applications == html.applications
        assert text.get("applications.new_received.total") == 74

    def test_export_real_reports(self, capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path) -> None:
        """export of several real reports: one CSV, blanks empty (001 has blank 总计 cells)."""
        target = tmp_path / "cells.csv"
        names = ("001-shanghai-szfbgt-2019.html", "007-pingtan-2024.txt")
        assert run(capsys, "export", *(str(corpus / "real" / n) for n in names), "-o", str(target)) == (0, "", "")
        with target.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert {r["agency"] for r in rows} == {"上海市人民政府办公厅", "平潭综合实验区"}
        assert any(r["value"] == "" for r in rows if r["agency"] == "上海市人民政府办公厅")
