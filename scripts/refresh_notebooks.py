"""Re-execute the committed notebooks in place so their stored outputs match the library.

Run after changing the library (``make notebooks``); nbval then checks in CI that a fresh
run reproduces exactly these outputs. Executes with the default parameters (seeds/),
cwd = notebooks/, the venv's python3 kernel.

    python scripts/refresh_notebooks.py [NOTEBOOK ...]
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"


def refresh(path: Path, *, timeout: int = 900) -> None:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, path)


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(NOTEBOOKS.glob("[0-9]*.ipynb"))
    for p in paths:
        print(f"executing {p.name} ...", flush=True)
        refresh(p.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
