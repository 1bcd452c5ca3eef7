"""Plumbing of the command line: inputs, atomic outputs, one-line error messages, a progress bar.

Nothing here is public API. The command line (:mod:`govdisclosure.cli`) reaches the checks, renderers and importers
through the three small functions at the end of this module, so that each is wired in one place.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Final

import attrs

from .errors import DeserializationError, GovDisclosureError
from .importers import Note
from .model import Report

STDIN_NAME: Final = "<stdin>"
IMPORT_FORMATS: Final = ("auto", "json", "text", "markdown", "html", "pdf", "docx")
"""Values of ``--from``: ``json`` is the interchange format; the others are passed to the importers."""


class CliError(GovDisclosureError):
    """An input or output the command line cannot use; the message is one line without the program name."""


class UsageError(CliError):
    """The command line itself is wrong (exit status 2, with a hint to ``--help``)."""


@attrs.frozen
class Source:
    """One input named on the command line: a path, or ``-`` for standard input."""

    name: str
    path: Path | None

    @classmethod
    def parse(cls, arg: str) -> Source:
        """The input for a command-line argument (``-`` is standard input)."""
        return cls(STDIN_NAME, None) if arg == "-" else cls(arg, Path(arg))

    @property
    def stem(self) -> str:
        """Base name without suffix, for output files derived from this input."""
        return "stdin" if self.path is None else self.path.stem

    def read_bytes(self) -> bytes:
        """The raw content (standard input is read once, in full)."""
        if self.path is None:
            return sys.stdin.buffer.read()
        try:
            return self.path.read_bytes()
        except OSError as exc:
            raise CliError(f"{self.name}: cannot read: {_os_reason(exc)}") from None


def parse_sources(args: list[str]) -> list[Source]:
    """The inputs of a command; standard input may be named once."""
    if args.count("-") > 1:
        raise UsageError("standard input (-) can be named only once")
    return [Source.parse(a) for a in args]


def _os_reason(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def one_line(exc: BaseException) -> str:
    """A library error as one line (a multi-line message becomes ``first; second; …``)."""
    if isinstance(exc, DeserializationError):
        problems = list(exc.problems)
        if len(problems) == 1 and problems[0].path == "$":
            return problems[0].message
        shown = "; ".join(str(p) for p in problems[:3])
        more = f"; … and {len(problems) - 3} more" if len(problems) > 3 else ""
        count = len(problems)
        return f"invalid report: {count} problem{'s' if count != 1 else ''}: {shown}{more}"
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 text: byte 0x{exc.object[exc.start]:02x} at position {exc.start}"
    if isinstance(exc, OSError):
        return _os_reason(exc)
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return "; ".join(lines) or exc.__class__.__name__


def _looks_like_json(data: bytes) -> bool:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:1] == b"{" and head[:5] != b"{\\rtf"  # an RTF document starts with a brace too


def load_report(source: Source, fmt: str = "auto") -> tuple[Report, tuple[Note, ...]]:
    """The report in an input and the importer's notes; raises :class:`CliError` naming the input.

    JSON (by ``--from json``, a ``.json`` suffix, or content that starts with ``{``) is the interchange format;
    anything else goes to the importers.
    """
    data = source.read_bytes()
    try:
        if fmt == "json" or (
            fmt == "auto"
            and ((source.path is not None and source.path.suffix.lower() == ".json") or _looks_like_json(data))
        ):
            from .serialize import loads

            if not data.strip():
                raise CliError(f"{source.name}: empty input")
            return loads(data), ()
        if not data.strip():
            raise CliError(f"{source.name}: empty input")
        return import_report(source, data, fmt)
    except CliError:
        raise
    except (GovDisclosureError, UnicodeDecodeError, OSError, ValueError) as exc:
        raise CliError(about(source, one_line(exc))) from None


def about(source: Source, message: str) -> str:
    """A message about one input, naming it once as the user gave it.

    The importers name the file in their messages (``x.pdf has no usable text layer``): such a message is kept,
    its leading file name replaced by the argument as typed (``dir/x.pdf``). Any other message is prefixed with
    ``name: ``.
    """
    base = source.path.name if source.path is not None else None
    if base and message.startswith(base) and message[len(base) : len(base) + 1] in (" ", ":"):
        return source.name + message[len(base) :]
    return f"{source.name}: {message}"


# ----------------------------------------------------------------------------------------------------------------
# outputs


def write_text(target: str | None, text: str) -> None:
    """Write ``text`` (UTF-8) to a file atomically, or to stdout for None/``-``."""
    if target is None or target == "-":
        with _stdout_errors():
            sys.stdout.write(text)
            sys.stdout.flush()
        return
    write_bytes(target, text.encode("utf-8"))


def write_bytes(target: str | None, data: bytes) -> None:
    """Write ``data`` to a file atomically (a temporary file renamed into place), or to stdout for None/``-``.

    The file gets the permissions a newly created file would (0666 less the umask), not the temporary file's 0600.
    """
    if target is None or target == "-":
        with _stdout_errors():
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        return
    path = Path(target)
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise CliError(f"{target}: cannot write: {_os_reason(exc)}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), 0o666 & ~_umask())
            fh.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise CliError(f"{target}: cannot write: {_os_reason(exc)}") from None


@contextlib.contextmanager
def _stdout_errors() -> Iterator[None]:
    """A failed write to standard output (a full disk, a closed file) is one line, not a traceback.

    A reader that went away (``BrokenPipeError``) is left to :func:`govdisclosure.cli.main`, which stops quietly.
    """
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        _silence_stdout()
        raise CliError(f"standard output: cannot write: {_os_reason(exc)}") from None


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush does not fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def output_dir(target: str, count: int) -> Path | None:
    """The directory ``-o`` names when it is one (an existing directory, or a path ending in a separator)."""
    if target.endswith(("/", os.sep)) or Path(target).is_dir():
        path = Path(target)
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CliError(f"{target}: cannot create directory: {_os_reason(exc)}") from None
        return path
    if count > 1:
        raise UsageError(f"-o {target}: several inputs need a directory (an existing one, or a path ending in /)")
    return None


# ----------------------------------------------------------------------------------------------------------------
# progress and messages


class Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal and there is more than one input."""

    def __init__(self, total: int, stream: IO[str] | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        self.done = 0
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = total > 1 and callable(isatty) and bool(isatty())
        self._drawn = False

    def advance(self, name: str) -> None:
        """Count one input as done and redraw."""
        self.done += 1
        if not self.enabled:
            return
        width = shutil.get_terminal_size((80, 20)).columns
        bar_width = 24
        filled = bar_width * self.done // max(self.total, 1)
        counter = f"{self.done}/{self.total}"
        line = f"[{'#' * filled}{'.' * (bar_width - filled)}] {counter} {name}"
        self.stream.write("\r" + line[: max(width - 1, 10)].ljust(max(width - 1, 10)))
        self.stream.flush()
        self._drawn = True

    def clear(self) -> None:
        """Remove the bar from the terminal."""
        if self._drawn:
            width = shutil.get_terminal_size((80, 20)).columns
            self.stream.write("\r" + " " * max(width - 1, 10) + "\r")
            self.stream.flush()
            self._drawn = False

    def message(self, text: str) -> None:
        """Print a line on stderr without garbling the bar."""
        self.clear()
        print(text, file=self.stream)


@contextlib.contextmanager
def progress(total: int) -> Iterator[Progress]:
    """A :class:`Progress` cleared on exit."""
    bar = Progress(total)
    try:
        yield bar
    finally:
        bar.clear()


# ----------------------------------------------------------------------------------------------------------------
# the library functions the command line uses (each wired here, once)


def import_report(source: Source, data: bytes, fmt: str) -> tuple[Report, tuple[Note, ...]]:
    """Import a published report (text, Markdown, HTML, PDF, Word) through :func:`govdisclosure.read`."""
    from .importers import read

    name = source.path.name if source.path is not None else None
    result = read(data, format=fmt, name=name)
    return result.report, tuple(result.notes)


def import_summary(notes: tuple[Note, ...], lang: str = "en") -> str | None:
    """One line saying how many import notes are errors (figures left blank or not placed), or None if none are."""
    errors = sum(note.severity == "error" for note in notes)
    if not errors:
        return None
    if lang == "zh":
        return f"导入时 {errors} 处数字未能读取或定位，相应单元格留空（govdisclosure read --notes 列出全部提示）"
    return (
        f"{errors} import note{'s' if errors != 1 else ''} {'are errors' if errors != 1 else 'is an error'}: "
        "figures left blank or not placed (govdisclosure read --notes lists every note)"
    )


def run_check(report: Report, **options: Any) -> Any:
    """:func:`govdisclosure.checks.check` on one report (returns its ``CheckReport``)."""
    from .checks import check

    try:
        return check(report, **options)
    except GovDisclosureError as exc:
        raise CliError(one_line(exc)) from None


def run_render(
    report: Report, fmt: str, table: str | None, *, findings: Any = None, page: bool = False, border: str | None = None
) -> str:
    """:func:`govdisclosure.render` on one report (``border`` for text only)."""
    from .renderers import render

    options = {"border": border} if border is not None and fmt == "text" else {}
    try:
        return render(report, format=fmt, table=table, findings=findings, page=page, **options)
    except GovDisclosureError as exc:
        raise CliError(one_line(exc)) from None
