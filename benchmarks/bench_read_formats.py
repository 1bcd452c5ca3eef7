"""Benchmark of the HTML and PDF format readers on the corpus of real reports.

For every HTML file of ``../shared/corpus/`` it times (best of ``--repeat`` runs, in one process):

* ``lxml.html.document_fromstring`` of the bytes alone — the floor any lxml-based reader pays;
* ``read_html`` — decoding, body detection, span expansion (target ≤ 3x the bare parse);
* ``govdisclosure.read`` — the full import (reader and assembler): ``read()`` with the label caches warm (as for
  the second and later reports of a batch) and ``cold`` with them cleared before every run (a single import).

A second table splits an HTML import into what grows with the page and what does not: ``cells`` is the floor of any
reader that reads a page's table cells in Python (the parse, then every cell's text and spans taken from lxml, no
grid, no model), and ``assemble`` is the shared assembler alone on the page already read (labels, numbers, model,
provenance), which costs about the same for every report as every report has the same 280-odd cells.

For every PDF it times pypdfium2 extracting every character with its box (``count_chars``, ``get_text_range``,
``get_charbox`` on every page) against ``read_pdf`` (target ≤ 3x), and the full import when available. PDFs
that are refused (no usable text layer) are timed up to the refusal. Run: ``python benchmarks/bench_read_formats.py``.
"""

from __future__ import annotations

import argparse
import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.etree
import lxml.html
import pypdfium2 as pdfium

from govdisclosure.errors import GovDisclosureError
from govdisclosure.importers._assemble import assemble
from govdisclosure.importers._html import read_html
from govdisclosure.importers._pdf import read_pdf

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def best_of(function: Callable[[], Any], repeat: int) -> float:
    """The fastest of ``repeat`` runs of ``function``, in milliseconds (errors of the library count as runs)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        with contextlib.suppress(GovDisclosureError):
            function()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def cell_floor(data: bytes) -> int:
    """Parse the page and take every table cell's text and spans, the least a reader of its cells must do."""
    root = lxml.html.document_fromstring(data)
    tostring = lxml.etree.tostring
    cells = [
        (tostring(cell, method="text", encoding=str, with_tail=False), cell.get("rowspan"), cell.get("colspan"))
        for cell in root.iter("td", "th")
    ]
    return len(cells)


def bare_pdf(data: bytes) -> int:
    """Every character of every page with its box, the way a minimal pypdfium2 extraction does it."""
    document = pdfium.PdfDocument(data)
    count = 0
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            total = textpage.count_chars()
            textpage.get_text_range()
            for i in range(total):
                textpage.get_charbox(i)
            count += total
            textpage.close()
            page.close()
    finally:
        document.close()
    return count


def full_import() -> Callable[..., Any] | None:
    """The importer API ``govdisclosure.read`` when it exists in this checkout."""
    try:
        from govdisclosure.importers import read
    except ImportError:
        return None
    return read if callable(read) else None


def clear_caches() -> None:
    """Empty every function cache of the importer modules, so that a run measures a first import.

    The caches are found by looking for ``cache_clear`` on the modules' functions, so a cache added later is
    cleared too.
    """
    from govdisclosure.importers import _assemble, _detect, _digits, _html, _labels, _meta, _pdf, _result, _text

    for module in (_assemble, _detect, _digits, _html, _labels, _meta, _pdf, _result, _text):
        for value in vars(module).values():
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()


def best_cold(function: Callable[[], Any], repeat: int) -> float:
    """Like :func:`best_of`, the caches cleared before each run (clearing is not timed)."""
    best = float("inf")
    for _ in range(repeat):
        clear_caches()
        best = min(best, best_of(function, 1))
    return best


def outcome(function: Callable[[], Any]) -> str:
    try:
        function()
    except GovDisclosureError as exc:
        return f"refused: {type(exc).__name__}"
    return "ok"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="runs per measurement (best is kept)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the corpus folder")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus}: nothing to measure")
        return 0
    read = full_import()
    files = sorted(args.corpus.glob("*/*.html")) + sorted(args.corpus.glob("*/*.pdf"))
    header = (
        f"{'file':<46} {'bytes':>8} {'baseline':>9} {'reader':>8} {'ratio':>6} {'read()':>8} {'ratio':>6} "
        f"{'cold':>8} {'ratio':>6}  result"
    )
    print(header)
    print("-" * len(header))
    for path in files:
        data, label = path.read_bytes(), path.name
        if path.suffix == ".html":
            baseline = best_of(lambda data=data: lxml.html.document_fromstring(data), args.repeat)
            reader = best_of(lambda data=data, label=label: read_html(data, name=label), args.repeat)
            result = outcome(lambda data=data, label=label: read_html(data, name=label))
        else:
            baseline = best_of(lambda data=data: bare_pdf(data), args.repeat)
            reader = best_of(lambda data=data, label=label: read_pdf(data, name=label), args.repeat)
            result = outcome(lambda data=data, label=label: read_pdf(data, name=label))
        full = cold = "     n/a       n/a"
        if read is not None:
            warm_ms = best_of(lambda data=data, label=label: read(data, name=label), args.repeat)
            cold_ms = best_cold(lambda data=data, label=label: read(data, name=label), args.repeat)
            full = f"{warm_ms:>6.2f}ms {warm_ms / baseline:>5.1f}x"
            cold = f"{cold_ms:>6.2f}ms {cold_ms / baseline:>5.1f}x"
        name = str(path.relative_to(args.corpus))
        print(
            f"{name:<46} {len(data):>8} {baseline:>7.2f}ms {reader:>6.2f}ms {reader / baseline:>5.1f}x {full} {cold}  "
            f"{result}"
        )
    print("baseline: lxml.html.document_fromstring (HTML) / pypdfium2 chars+boxes (PDF); target ratio ≤ 3x")
    print("ratios are to the baseline; read(): label caches warm, cold: caches cleared before each run")
    pages = [path for path in files if path.suffix == ".html"]
    if pages:
        print()
        split_html(pages, args)
    return 0


def split_html(pages: list[Path], args: argparse.Namespace) -> None:
    """What grows with the page (the parse) and what does not (touching the cells, assembling the report)."""
    header = f"{'file':<46} {'baseline':>9} {'cells':>8} {'ratio':>6} {'assemble':>9} {'floor':>8} {'ratio':>6}"
    print(header)
    print("-" * len(header))
    for path in pages:
        data = path.read_bytes()
        baseline = best_of(lambda data=data: lxml.html.document_fromstring(data), args.repeat)
        cells = best_of(lambda data=data: cell_floor(data), args.repeat)
        try:
            doc = read_html(data, name=path.name)
        except GovDisclosureError:
            continue
        assembled = best_of(lambda doc=doc: assemble(doc), args.repeat)
        floor = cells + assembled
        name = str(path.relative_to(args.corpus))
        print(
            f"{name:<46} {baseline:>7.2f}ms {cells:>6.2f}ms {cells / baseline:>5.1f}x {assembled:>7.2f}ms "
            f"{floor:>6.2f}ms {floor / baseline:>5.1f}x"
        )
    print("cells: parse + every cell's text and spans read from lxml; assemble: the assembler alone (caches warm);")
    print("floor: their sum, the least a Python import of the page can take with the model's assembler as it is")


if __name__ == "__main__":
    raise SystemExit(main())
