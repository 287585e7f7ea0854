"""Load articles from a file or a folder (recursively). (Initial version; being replaced.)"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from .records import Article, FileResult


def load_file(path, *, body_field: str | None = None) -> tuple[FileResult, list[Article]]:
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    return FileResult(str(path), "loaded", "", 1, "txt", "utf-8"), [Article(path.stem, str(path), text)]


def iter_corpus(path, *, body_field: str | None = None) -> Iterator[tuple[FileResult, list[Article]]]:
    path = Path(path)
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for p in files:
        yield load_file(p, body_field=body_field)
