"""Analyse a corpus into tidy tables: in memory (:func:`analyse`) or as CSV files (:func:`export`).

>>> from analysis.config import SEEDS_DIR
>>> t = analyse(SEEDS_DIR)
>>> sorted(t.files.status.unique())
['loaded']
"""
from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pandas as pd

from .. import corpus
from ..map import pipeline
from ..tables import TABLES, Tables  # noqa: F401  (Tables: the result of analyse(), defined with the table names)


def _frame(name: str, rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame.from_records(rows, columns=list(TABLES[name]))


class _CollectSink(pipeline.RowSink):
    pass


def _csv_field(value) -> str:
    """One field as ``csv.writer`` (excel dialect, QUOTE_MINIMAL) writes it."""
    if isinstance(value, str):
        if '"' in value:
            return '"' + value.replace('"', '""') + '"'
        if "," in value or "\n" in value or "\r" in value:
            return '"' + value + '"'
        return value
    return "" if value is None else str(value)


def csv_lines(rows) -> str:
    """The CSV text ``csv.writer(f).writerows(rows)`` writes, as one string.

    Same bytes as the csv module (checked by tests/test_export.py), built with str
    operations: faster than csv's per-character loop on long text fields.

    >>> csv_lines([("a", 1, 0.5, None, True), ('say "hi", ok', "")])
    'a,1,0.5,,True\\r\\n"say ""hi"", ok",\\r\\n'
    """
    lines = [",".join(map(_csv_field, row)) if len(row) != 1 else _csv_single(row[0]) for row in rows]
    return "\r\n".join(lines) + "\r\n" if lines else ""


def _csv_single(value) -> str:
    text = _csv_field(value)
    return text or '""'  # csv quotes a row's only field when it is empty


#: Characters that make csv quote a text field (a ``"`` is also doubled).
_CSV_SPECIAL = '[",\r\n]'


def _csv_column(column, pickled: bool, spell=None):
    """One column of a stored Arrow table as the Arrow strings :func:`_csv_field` makes of its
    values (no nulls). Text, integer and boolean columns are formatted by Arrow; floats
    (Python's repr), pickled values and spelled paths by Python, value by value."""
    import pyarrow as pa
    import pyarrow.compute as pc

    t = column.type
    if pa.types.is_float64(t) and not pickled and spell is None:  # str(float) is its repr
        if column.null_count:
            return pa.array(["" if v is None else float.__repr__(v) for v in column.to_pylist()], pa.string())
        # each distinct bit pattern (so -0.0 is not 0.0, nor one NaN another) formatted once
        where, bits = pd.factorize(column.to_numpy().view(np.int64))  # (hashed: no sort)
        text = pa.array(list(map(float.__repr__, bits.view(np.float64).tolist())), pa.string())
        return text.take(pa.array(where))
    if pickled or spell is not None or not (pa.types.is_string(t) or pa.types.is_integer(t)
                                            or pa.types.is_boolean(t) or pa.types.is_null(t)):
        values = column.to_pylist()
        if pickled:
            values = [None if v is None else pickle.loads(v) for v in values]
        if spell is not None:
            values = list(map(spell, values))
        return pa.array(list(map(_csv_field, values)), pa.string())
    if pa.types.is_null(t):
        return pa.array([""] * len(column), pa.string())
    if pa.types.is_string(t):
        text = column
        special = pc.match_substring_regex(column, _CSV_SPECIAL)
        if pc.any(special).as_py():  # (most columns have no value to quote)
            quoted = pc.binary_join_element_wise('"', pc.replace_substring(column, '"', '""'), '"', "")
            text = pc.if_else(special, quoted, column)
    elif pa.types.is_boolean(t):
        text = pc.if_else(column, "True", "False")
    else:
        text = pc.cast(column, pa.string())
    return pc.fill_null(text, "") if text.null_count else text


def csv_bytes(table, spelling=None) -> bytes:
    """The UTF-8 bytes of ``csv_lines(rows)`` for the rows of an Arrow table as the store
    keeps them (:func:`analysis.map.parallel.rows_table`: one Arrow type per column, or pickled
    values); ``spelling``: ``(column index, spell)`` turns that column's values into
    ``spell(value)`` first. Formats whole columns at once (the same bytes as formatting
    each value in Python: checked by tests/test_export.py).
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    from ..map.parallel import PICKLED

    if not table.num_rows:
        return b""
    if table.num_columns < 2:  # csv spells a lone empty field '""': the rows' own way
        return csv_lines(_rows(table, spelling)).encode("utf-8")
    cols = []
    try:
        for i, field in enumerate(table.schema):
            spell = spelling[1] if spelling is not None and spelling[0] == i else None
            cols.append(_csv_column(table.column(i), field.metadata == PICKLED, spell))
    except (pa.ArrowException, UnicodeError):  # e.g. a lone surrogate: the rows' own way (and error)
        return csv_lines(_rows(table, spelling)).encode("utf-8")
    lines = pc.binary_join_element_wise(pc.binary_join_element_wise(*cols, ","), "", "\r\n")  # "...\r\n"
    out = []
    for chunk in (lines.chunks if isinstance(lines, pa.ChunkedArray) else [lines]):
        if len(chunk):
            _, offsets, data = chunk.buffers()
            ends = np.frombuffer(offsets, dtype=np.int32 if chunk.type == pa.string() else np.int64)
            ends = ends[chunk.offset: chunk.offset + len(chunk) + 1]
            out.append(memoryview(data)[ends[0]:ends[-1]])
    return b"".join(out)


def _rows(table, spelling) -> list[tuple]:
    from ..map.parallel import table_rows

    rows = table_rows(table, table.schema.names)
    if spelling is None:
        return rows
    i, spell = spelling
    return [r[:i] + (spell(r[i]),) + r[i + 1:] for r in rows]


class CsvSink(pipeline.RowSink):
    """Streams rows straight into ``DIR/<table>.csv`` (UTF-8, header row, RFC 4180 quoting)."""

    def __init__(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.paths = {name: out_dir / f"{name}.csv" for name in TABLES}
        self._files = {name: open(p, "w", encoding="utf-8", newline="") for name, p in self.paths.items()}
        for name, f in self._files.items():
            f.write(csv_lines([TABLES[name]]))

    def add(self, table: str, rows) -> None:
        self._files[table].write(csv_lines(rows))

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
    corpus.run(path, sink, body_field=body_field, skip=skip,
                 keep=texts.__setitem__)
    frames = {name: _frame(name, rows) for name, rows in sink.rows.items()}
    return Tables(frames, texts, str(path))


FORMATS = ("csv", "parquet")


def load(path, **options) -> Tables:
    """The stored analysis of corpus ``path``: :func:`analysis.store.load` (same options)."""
    from ..store import load as stored

    return stored(path, **options)


def export(path, out_dir, *, body_field: str | None = None, skip=(), format: str = "csv",
           jobs: int | None = None, dask: str | None = None, store=None, quiet: bool = False) -> dict[str, Path]:
    """Analyse ``path`` and write one file per table into ``out_dir``; returns their paths.

    The analysis goes through the corpus's stored analysis (:mod:`analysis.store`; ``store``
    is its root folder): only new or changed files are analysed, by ``jobs`` worker
    processes (default: every core) or on a Dask cluster (``dask``: ``"local"`` or a
    scheduler address). Tables are then written from the store, table by table, in corpus
    order: the bytes do not depend on ``jobs`` or ``dask``. ``format``: ``"csv"`` (UTF-8,
    header row, RFC 4180 quoting) or ``"parquet"``. ``skip`` as in :func:`analyse`.
    """
    from .. import progress, store as stores

    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; use one of: {', '.join(FORMATS)}")
    path = pipeline.check_path(path)
    skip = pipeline.check_skip(skip)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    with stores.opened(path, store=store, body_field=body_field, skip=skip) as s:
        stores.refresh(s, jobs=jobs, dask=dask, quiet=quiet)
        with progress.bar(total=len(TABLES), desc="writing tables", unit="table", quiet=quiet) as b:
            for name in TABLES:
                dest = out_dir / f"{name}.{format}"
                tmp = dest.with_name(f".{dest.name}.tmp")
                if format == "csv":
                    chunks, spelling = s.table_chunks(name)
                    with open(tmp, "wb") as f:
                        f.write(csv_lines([TABLES[name]]).encode("utf-8"))
                        for chunk in chunks:
                            f.write(csv_bytes(chunk, spelling))
                else:
                    write_parquet(name, [r for chunk in s.table_rows(name) for r in chunk], tmp)
                tmp.replace(dest)
                paths[name] = dest
                b.update()
    return paths


def write_parquet(name: str, rows: list[tuple], dest: Path) -> None:
    """Rows of table ``name`` as a Parquet file: one plain Arrow type per column."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ..map.parallel import column_array

    arrays = []
    for col in (list(c) for c in (zip(*rows) if rows else [() for _ in TABLES[name]])):
        arr, pickled = column_array(col)
        if pickled:  # mixed types: Arrow's own inference (ints and floats -> double), else text
            try:
                arr = pa.array(col)
            except (pa.ArrowException, TypeError, ValueError):
                arr = pa.array([None if v is None else str(v) for v in col], pa.string())
        arrays.append(arr)
    pq.write_table(pa.Table.from_arrays(arrays, names=list(TABLES[name])), dest, compression="zstd")
