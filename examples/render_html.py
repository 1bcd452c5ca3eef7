"""Render reports as standalone HTML pages (and text, Markdown), into a temporary directory.

Renders the bundled samples with ``govdisclosure.render`` and with the command line
(``govdisclosure render FILE --to html --page``), marks the cells of a flawed report with its findings, and checks
that the pages are complete documents. Run: ``python examples/render_html.py``; nothing is written to the project.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import govdisclosure
from govdisclosure.checks import check
from govdisclosure.cli import main as cli
from govdisclosure.renderers import render


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name in ("tacheng-2024", "example-2019"):
            report = govdisclosure.sample_report(name)
            page = folder / f"{name}.html"
            page.write_text(render(report, format="html", page=True), encoding="utf-8")
            (folder / f"{name}.md").write_text(render(report, format="markdown"), encoding="utf-8")
            (folder / f"{name}.txt").write_text(render(report), encoding="utf-8")
            print(f"{page.name}: {page.stat().st_size:,} bytes")

        # the same from the shell, with the findings of a flawed report marked in the tables
        flawed = govdisclosure.sample_report("example-2019").with_cell("applications.new_received.total", 450)
        source = folder / "flawed.json"
        govdisclosure.dump(flawed, source)
        target = folder / "flawed.html"
        status = cli(["render", str(source), "--to", "html", "--page", "--findings", "-o", str(target)])
        html = target.read_text(encoding="utf-8")
        assert status == 0
        assert html.startswith("<!DOCTYPE html>")
        assert html.rstrip().endswith("</html>")
        assert "gd-error" in html
        errors = [f.code for f in check(flawed).errors]
        print(f"{target.name}: {len(html):,} characters, cells marked for {', '.join(errors)}")
        print(sorted(p.name for p in folder.iterdir()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
