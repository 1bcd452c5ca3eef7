"""Execute a Jupyter notebook with nbclient, in memory; exit non-zero on any error.

Usage: ``python .ci/run_notebook.py examples/analysis.ipynb [--timeout SECONDS]``. The notebook runs with its own
folder as the working directory and the kernel ``python3`` of the current environment; the file is not modified.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook", type=Path)
    parser.add_argument("--timeout", type=int, default=300, help="per cell, in seconds (default 300)")
    args = parser.parse_args(argv)

    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    path: Path = args.notebook
    try:
        notebook = nbformat.read(path, as_version=4)
    except (OSError, ValueError) as exc:
        print(f"{path}: cannot read the notebook: {exc}", file=sys.stderr)
        return 2
    client = NotebookClient(
        notebook,
        timeout=args.timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.resolve().parent)}},
    )
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        print(f"{path}: {exc}", file=sys.stderr)
        return 1
    errors = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    if errors:
        print(
            f"{path}: {len(errors)} cell(s) raised: {errors[0].get('ename')}: {errors[0].get('evalue')}",
            file=sys.stderr,
        )
        return 1
    cells = sum(cell.cell_type == "code" for cell in notebook.cells)
    print(f"{path}: {cells} code cells ran without error")
    return 0


if __name__ == "__main__":
    sys.exit(main())
