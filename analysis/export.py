"""Analyse a corpus into tidy tables: in memory (:func:`analyse`) or as CSV files (:func:`export`).

>>> from analysis.config import SEEDS_DIR
>>> t = analyse(SEEDS_DIR)
>>> sorted(t.files.status.unique())
['loaded']
"""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from . import pipeline
from .tables import TABLES


class Tables:
    """The tables of one corpus as DataFrames (attribute per table), plus the article texts.

    ``texts[article_id]`` is the text every ``start``/``end`` offset indexes.
    """

    def __init__(self, dataframes: dict[str, pd.DataFrame], texts: dict[str, str], corpus: str):
        self.dataframes = dataframes
        self.texts = texts
        self.corpus = corpus
        for name, df in dataframes.items():
            setattr(self, name, df)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.dataframes[name]

    def __contains__(self, name: str) -> bool:
        return name in self.dataframes

    def __iter__(self):
        return iter(self.dataframes)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{k}={len(v)}" for k, v in self.dataframes.items())
        return f"Tables({self.corpus!r}: {sizes})"


def _frame(name: str, rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame.from_records(rows, columns=list(TABLES[name]))


class _CollectSink(pipeline.RowSink):
    pass


class CsvSink(pipeline.RowSink):
    """Streams rows straight into ``DIR/<table>.csv`` (UTF-8, header row, RFC 4180 quoting)."""

    def __init__(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.paths = {name: out_dir / f"{name}.csv" for name in TABLES}
        self._files = {name: open(p, "w", encoding="utf-8", newline="") for name, p in self.paths.items()}
        self._writers = {name: csv.writer(f) for name, f in self._files.items()}
        for name, w in self._writers.items():
            w.writerow(TABLES[name])

    def add(self, table: str, rows) -> None:
        self._writers[table].writerows(rows)

    def close(self) -> None:
        for f in self._files.values():
            f.close()


def analyse(path, *, body_field: str | None = None, skip=()) -> Tables:
    """Analyse a file or folder of articles into :class:`Tables` held in memory.

    ``skip`` names optional stages to leave out (``"claims"``, ``"framing"``); their tables
    are then empty.
    """
    path = pipeline.check_path(path)
    sink = _CollectSink()
    texts: dict[str, str] = {}
    pipeline.run(path, sink, body_field=body_field, skip=skip,
                 keep=lambda r: texts.__setitem__(r.article.article_id, r.text))
    frames = {name: _frame(name, rows) for name, rows in sink.rows.items()}
    return Tables(frames, texts, str(path))


def export(path, out_dir, *, body_field: str | None = None, skip=()) -> dict[str, Path]:
    """Analyse ``path`` and write one CSV per table into ``out_dir``; returns their paths.

    Rows are streamed to the files as each article is analysed; ``skip`` as in :func:`analyse`.
    """
    path = pipeline.check_path(path)
    skip = pipeline.check_skip(skip)
    out_dir = Path(out_dir)
    sink = CsvSink(out_dir)
    pipeline.run(path, sink, body_field=body_field, skip=skip)
    return sink.paths
