"""Sphinx configuration: MyST Markdown, furo, autodoc of the public façade, pages generated at build time.

The generated pages (checks catalogue, interchange format reference, CLI help, rendering gallery, API directives)
are written under ``docs/_generated/`` by the local extension ``_ext/govdisclosure_docs.py`` before reading
starts; they are never edited by hand.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))
sys.path.insert(0, str(HERE.parent / "src"))

import govdisclosure  # noqa: E402

project = "govdisclosure"
author = "govdisclosure developers"
copyright = "govdisclosure developers"
release = govdisclosure.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
    "govdisclosure_docs",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
language = "en"
exclude_patterns = ["_build", "_generated", "_ext", "conftest.py", "Thumbs.db", ".DS_Store"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"show-inheritance": False}

html_theme = "furo"
html_title = f"govdisclosure {release}"
html_static_path = ["_static"]
html_css_files = ["gallery.css"]
