"""pytest collection of the documentation: doctests of the hand-written pages only.

Generated pages (``_generated/``), the build output and the Sphinx extension are not collected, so the doctest run
never depends on a previous docs build.
"""

collect_ignore = ["conf.py"]
collect_ignore_glob = ["_generated/*", "_build/*", "_ext/*"]
