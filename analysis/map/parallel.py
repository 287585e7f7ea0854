"""The per-article map over batches of corpus files: in-process, a process pool, or Dask.

A :class:`Batch` is a run of consecutive corpus entries (files, in corpus order). A worker
loads its files itself, runs :func:`analysis.map.pipeline.analyse_file` on each, and returns a
:class:`BatchResult`: compact columnar rows (one Arrow table per table, with a ``_f``
column saying which file of the batch each row came from), never ``ArticleAnalysis``
objects. :func:`map_batches` yields the results in batch order whatever runs them:

* ``jobs=1``: in this process;
* ``jobs=N``: a pool of N worker processes (``concurrent.futures``);
* ``dask="local"``: a ``dask.distributed`` LocalCluster of N single-threaded workers;
  ``dask="tcp://host:8786"``: an existing Dask scheduler (its workers must see the
  corpus files at the same absolute paths, e.g. on a shared file system).

Only a bounded window of batches is in flight at a time, so memory stays bounded.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Title\\n\\nIt rained, she said.", encoding="utf-8")
>>> [r.tables["sentences"].num_rows for r in map_batches([Batch(0, str(d), [("a.txt", "")])], jobs=1)]
[1]
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

import pyarrow as pa

from . import load, pipeline
from ..tables import CORPUS_TABLES, TABLES

#: Tables a worker fills: ``files`` and every per-article table (not the corpus-level ones).
PER_FILE_TABLES = tuple(name for name in TABLES if name not in CORPUS_TABLES)
#: The article texts ride along as one more table (``article_id``, ``text``).
TEXTS = "_texts"
TEXT_COLUMNS = ("article_id", "text")
#: Columns holding the article's path: stored relative to the corpus root.
PATH_COLUMNS = {"files": TABLES["files"].index("path"), "articles": TABLES["articles"].index("path")}
#: How long to wait for a Dask scheduler given by address.
CONNECT_TIMEOUT = "30s"
#: Column metadata marking a column of pickled values (mixed or unusual Python types).
PICKLED = {b"codec": b"pickle"}


def default_jobs() -> int:
    """The machine's cores available to this process."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


_HASH_CHUNK = 1 << 20


def fingerprint(path, reason: str = "") -> Optional[str]:
    """``size:sha256`` of a file's content; ``skip:<reason>`` for an entry that is not loaded;
    None when it cannot be read.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes(b"abc")
    >>> fingerprint(p)[:12], fingerprint(p, "hidden file"), fingerprint(p.with_name("b.txt"))
    ('3:ba7816bf8f', 'skip:hidden file', None)
    """
    if reason:
        return "skip:" + reason
    h = hashlib.sha256()
    size = 0
    try:
        with open(path, "rb") as f:
            while chunk := f.read(_HASH_CHUNK):
                h.update(chunk)
                size += len(chunk)
    except OSError:
        return None
    return f"{size}:{h.hexdigest()}"


def read_fingerprinted(path, reason: str = "") -> tuple[Optional[bytes], Optional[str]]:
    """A file's bytes (None for an entry not loaded, or unreadable) and their
    :func:`fingerprint`, from one read: what a worker hashes is what it analyses.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes(b"abc")
    >>> read_fingerprinted(p) == (b"abc", fingerprint(p)), read_fingerprinted(p, "hidden file")
    (True, (None, 'skip:hidden file'))
    """
    if reason:
        return None, fingerprint(path, reason)
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError:
        return None, None
    return raw, f"{len(raw)}:{hashlib.sha256(raw).hexdigest()}"


@dataclass
class Batch:
    """Consecutive corpus entries: ``(rel, reason)`` under ``root`` (``rel`` "" = root itself)."""

    index: int
    root: str
    entries: list[tuple[str, str]]


@dataclass
class BatchResult:
    """What a worker returns for one batch (compact: Arrow tables, picklable)."""

    index: int
    rels: list[str]
    tables: dict[str, pa.Table]
    fingerprints: list = field(default_factory=list)  # of each file as the worker read it
    articles: int = 0
    words: int = 0  # body words of its articles (the articles table's ``words``)
    seconds: float = 0.0
    pid: int = field(default_factory=os.getpid)


# ----------------------------------------------------------------------------- rows -> Arrow

_TYPES = {bool: "bool", int: "int", float: "float", str: "str"}
_ARROW = {"bool": pa.bool_(), "int": pa.int64(), "float": pa.float64(), "str": pa.string()}


def _kind(t: type) -> str:
    if t in _TYPES:
        return _TYPES[t]
    import numpy as np

    if issubclass(t, np.bool_):
        return "bool"
    if issubclass(t, np.integer):
        return "int"
    if issubclass(t, np.floating):
        return "float"
    return "other"


def column_array(values) -> tuple[pa.Array, bool]:
    """An Arrow array holding ``values`` exactly, and whether it is pickled.

    One Python type (bool, int, float or str, plus None) maps to its Arrow type, so the
    values read back are equal and of the same type (``str()`` of each is unchanged, which
    keeps CSV output byte-identical). Anything else (a column mixing ints and floats, a
    tuple) is pickled per value, exact by construction.

    >>> column_array([1, None, 3])[0].type, column_array([1, 2.5])[1]
    (DataType(int64), True)
    """
    kind = _column_kind(values)
    if kind is None:
        return pa.nulls(len(values)), False
    if kind != "other":
        arr = _plain_array(values, kind)
        if arr is not None:
            return arr, False
    return _pickled_array(values), True


def _column_kind(values) -> Optional[str]:
    """The one kind of the values that are not None (None: there are none), or "other"."""
    types = set(map(type, values))
    types.discard(type(None))
    if not types:
        return None
    if len(types) == 1:  # (the usual column)
        return _kind(types.pop())
    kinds = {_kind(t) for t in types}
    return kinds.pop() if len(kinds) == 1 else "other"


def _plain_array(values, kind: str) -> Optional[pa.Array]:
    try:
        return pa.array(values, type=_ARROW[kind])
    except (pa.ArrowException, OverflowError, TypeError, ValueError):
        return None  # e.g. an int beyond 64 bits


def _pickled_array(values) -> pa.Array:
    return pa.array([None if v is None else pickle.dumps(v, protocol=4) for v in values], pa.binary())


#: Rows turned into Arrow columns at a time by :func:`rows_table`: each value is looked at
#: (its type) and converted while its row is still in the CPU cache.
CHUNK_ROWS = 1024


def rows_table(columns: Iterable[str], rows: list[tuple], files: Optional[list[int]] = None) -> pa.Table:
    """Rows (tuples in ``columns`` order) as an Arrow table; ``files`` fills the ``_f`` column.

    Each column is what :func:`column_array` makes of all its values (see :class:`TableBuilder`).
    """
    b = TableBuilder(columns, files=files is not None)
    b.rows, b.files = rows, (files if files is not None else [])
    return b.table()


class TableBuilder:
    """Rows added as they are made, turned into Arrow columns on :meth:`convert` (while they
    are still in the CPU cache), :data:`CHUNK_ROWS` rows at a time; :meth:`table` is
    :func:`rows_table` of all the rows added: one Arrow type per column whatever the chunk
    (a column whose chunks disagree is pickled whole, as column_array pickles it)."""

    def __init__(self, columns: Iterable[str], *, files: bool = True) -> None:
        self.columns = tuple(columns)
        self.with_files = files
        self.rows: list[tuple] = []
        self.files: list[int] = []  # (the ``_f`` column)
        self._done = 0  # rows converted
        self._kinds: list[Optional[str]] = [None] * len(self.columns)  # so far ("other": pickled)
        self._pieces: list[list] = [[] for _ in self.columns]  # Arrow arrays, or a length (nulls)

    def extend(self, rows: list[tuple], file: int = 0) -> None:
        self.rows.extend(rows)
        if self.with_files:
            self.files.extend([file] * len(rows))

    def convert(self) -> None:
        """Convert the rows added since the last call."""
        kinds, pieces, rows = self._kinds, self._pieces, self.rows
        for i in range(self._done, len(rows), CHUNK_ROWS):
            for j, col in enumerate(zip(*rows[i:i + CHUNK_ROWS])):
                if kinds[j] == "other":
                    continue
                kind = _column_kind(col)
                if kind is None:
                    pieces[j].append(len(col))
                    continue
                if kind == "other" or (kinds[j] is not None and kind != kinds[j]):
                    kinds[j] = "other"
                    continue
                arr = _plain_array(col, kind)
                if arr is None:
                    kinds[j] = "other"
                    continue
                kinds[j] = kind
                pieces[j].append(arr)
        self._done = len(rows)

    def table(self) -> pa.Table:
        self.convert()
        arrays, fields = [], []
        if self.with_files:
            arrays.append(pa.array(self.files, pa.int32()))
            fields.append(pa.field("_f", pa.int32()))
        for j, (name, kind) in enumerate(zip(self.columns, self._kinds)):
            if kind is None:
                arr, pickled = pa.nulls(len(self.rows)), False
            elif kind == "other":
                arr, pickled = _pickled_array([r[j] for r in self.rows]), True
            else:
                t = _ARROW[kind]
                arr = pa.concat_arrays([p if not isinstance(p, int) else pa.nulls(p, t) for p in self._pieces[j]])
                pickled = False
            arrays.append(arr)
            fields.append(pa.field(name, arr.type, metadata=PICKLED if pickled else None))
        return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def table_rows(table: pa.Table, columns: Iterable[str]) -> list[tuple]:
    """The rows of an Arrow table written by :func:`rows_table`, as the original tuples."""
    cols = []
    for name in columns:
        values = table.column(name).to_pylist()
        md = table.schema.field(name).metadata
        if md and md.get(b"codec") == b"pickle":
            values = [None if v is None else pickle.loads(v) for v in values]
        cols.append(values)
    return list(zip(*cols)) if cols else []


# ----------------------------------------------------------------------------- the worker


def _relative(value, path: str, rel: str):
    return rel if value == path else value


def analyse_batch(batch: Batch, body_field: Optional[str] = None, skip: frozenset = frozenset()) -> BatchResult:
    """Load and analyse every entry of ``batch`` (runs in a worker; pure apart from reading files)."""
    t0 = time.perf_counter()
    root = Path(batch.root)
    tables = {name: TableBuilder(TABLES[name]) for name in PER_FILE_TABLES}
    texts = TableBuilder(TEXT_COLUMNS)
    n_articles = n_words = 0
    fps = []
    path_col = PATH_COLUMNS["articles"]
    words_col = TABLES["articles"].index("words")
    freeze = gc.get_freeze_count() == 0  # batch_gc then freezes, and unfreezes when done
    loaded: list = []  # (j, rel, path, FileResult, articles) of files loaded, not yet analysed
    waiting = 0  # their articles

    def analyse_loaded() -> None:
        """Analyse the files loaded so far (their articles together: pipeline.analyse_articles)."""
        nonlocal n_articles, n_words, waiting
        results = pipeline.analyse_articles([a for *_, articles in loaded for a in articles], skip=skip)
        k = 0
        for j, rel, path, fr, articles in loaded:
            fr, done = pipeline.file_results(fr, articles, results[k:k + len(articles)])
            k += len(articles)
            spath = str(path)
            frow = pipeline.file_row(fr)
            tables["files"].extend([(_relative(frow[0], spath, rel), *frow[1:])], j)
            for aid, text, art_rows in done:
                n_articles += 1
                n_words += art_rows["articles"][0][words_col]  # (counted already: not the text again)
                texts.extend([(aid, text)], j)
                for name, table_rows in art_rows.items():
                    if name == "articles":
                        table_rows = [r[:path_col] + (_relative(r[path_col], spath, rel),) + r[path_col + 1:]
                                      for r in table_rows]
                    tables[name].extend(table_rows, j)
            del done
        loaded.clear()
        waiting = 0
        del results
        for b in tables.values():
            b.convert()
        if freeze:  # what the batch keeps (its rows, the stages' caches) is left out of the
            gc.freeze()  # collections of the files after these (it is unfrozen with the rest)

    with pipeline.batch_gc():
        for j, (rel, reason) in enumerate(batch.entries):
            path = root / rel if rel else root
            raw, fp = read_fingerprinted(path, reason)
            fps.append(fp)
            fr, articles = load.load_entry(path, reason, body_field=body_field, raw=raw)
            del raw
            loaded.append((j, rel, path, fr, articles))
            waiting += len(articles)
            if waiting >= pipeline.GROUP_ARTICLES:
                analyse_loaded()
        if loaded:
            analyse_loaded()
    tables = {name: b.table() for name, b in tables.items() if b.rows}
    if texts.rows:
        tables[TEXTS] = texts.table()
    return BatchResult(batch.index, [rel for rel, _ in batch.entries], tables, fps, n_articles, n_words,
                       time.perf_counter() - t0)


# ----------------------------------------------------------------------------- batching


def make_batches(root: str, entries: list[tuple[str, str, int]], *, workers: int,
                 max_bytes: int = 2 << 20, max_files: int = 256) -> list[Batch]:
    """Split ``(rel, reason, size)`` entries into consecutive batches.

    At least four batches per worker when there are enough files (load balance), each at
    most ``max_bytes`` of input and ``max_files`` files (bounded memory per batch).

    >>> [len(b.entries) for b in make_batches("/c", [(str(i), "", 10) for i in range(10)], workers=2)]
    [2, 2, 2, 2, 2]
    """
    if not entries:
        return []
    per = max(1, min(max_files, -(-len(entries) // (4 * max(1, workers)))))
    batches: list[Batch] = []
    current: list[tuple[str, str]] = []
    size = 0
    for rel, reason, n in entries:
        if current and (len(current) >= per or size + n > max_bytes):
            batches.append(Batch(len(batches), root, current))
            current, size = [], 0
        current.append((rel, reason))
        size += n
    batches.append(Batch(len(batches), root, current))
    return batches


# ----------------------------------------------------------------------------- executors


def _ordered(submit: Callable, batches: list[Batch], window: int) -> Iterator:
    """Results of ``submit(batch).result()`` in batch order, ``window`` batches in flight."""
    it = iter(batches)
    pending: deque = deque()
    for b in it:
        pending.append(submit(b))
        if len(pending) >= window:
            break
    while pending:
        fut = pending.popleft()
        result = fut.result()
        nxt = next(it, None)
        if nxt is not None:
            pending.append(submit(nxt))
        yield result


def _pool_context():
    """Fork on Linux when this process runs no other thread (instant start, the stages
    already imported); else forkserver (a notebook kernel has threads), or spawn."""
    import multiprocessing as mp
    import threading

    methods = mp.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return mp.get_context("fork")
    if sys.platform != "win32" and "forkserver" in methods:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["analysis.map.parallel"])  # workers start with the stages imported
        return ctx
    return mp.get_context("spawn")


def _run_pool(batches, jobs, body_field, skip) -> Iterator[BatchResult]:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_pool_context())
    try:
        yield from _ordered(lambda b: pool.submit(analyse_batch, b, body_field, skip), batches, 2 * jobs)
    except BrokenProcessPool as exc:
        raise RuntimeError("a worker process died (killed, or out of memory?) while analysing the corpus; "
                           "the files finished before are stored and will not be analysed again: run again, "
                           "with fewer --jobs, or with --jobs 1 to see the error") from exc
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def dask_client(address: str, *, jobs: int):
    """A ``distributed.Client``: on a new LocalCluster of ``jobs`` workers for ``"local"``,
    else connected to the scheduler at ``address``. Returns (client, cluster or None)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise RuntimeError("--dask needs dask.distributed: pip install 'analysis[dask]' "
                           "(or `pip install dask distributed`)") from exc
    if address == "local":
        import logging

        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        return Client(cluster), cluster
    try:
        return Client(address, timeout=CONNECT_TIMEOUT), None
    except (OSError, TimeoutError) as exc:
        raise RuntimeError(f"cannot reach the Dask scheduler at {address!r} ({exc}); give its address "
                           "as tcp://HOST:PORT (printed when the scheduler starts), or 'local'") from exc


def _run_dask(batches, address, jobs, body_field, skip) -> Iterator[BatchResult]:
    client, cluster = dask_client(address, jobs=jobs)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs)
        yield from _ordered(lambda b: client.submit(analyse_batch, b, body_field, skip, pure=False),
                            batches, 2 * workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def map_batches(batches: list[Batch], *, jobs: int = 1, dask: Optional[str] = None,
                body_field: Optional[str] = None, skip: frozenset = frozenset()) -> Iterator[BatchResult]:
    """:func:`analyse_batch` over ``batches``, results in batch order (see the module docstring)."""
    skip = frozenset(skip)
    if dask:
        return _run_dask(batches, dask, max(1, jobs), body_field, skip)
    if jobs > 1 and len(batches) > 1:
        return _run_pool(batches, jobs, body_field, skip)
    return (analyse_batch(b, body_field, skip) for b in batches)


# ----------------------------------------------------------------------------- corpus stages

_FORKED: Optional[tuple] = None  # (fn, args) a forked worker of fork_call runs


def _run_forked():
    fn, args = _FORKED
    return fn(*args)


class _Forked:
    """A future's ``result()``, then its one-worker pool shut down."""

    def __init__(self, pool, future) -> None:
        self._pool, self._future = pool, future

    def result(self):
        try:
            return self._future.result()
        finally:
            self._pool.shutdown(wait=True)


def fork_call(fn: Callable, *args):
    """``fn(*args)`` in a worker process forked from this one, which inherits its memory (only
    the result is pickled): what a corpus stage uses to hand one part of its work, on state
    it has built, to another core. Returns an object whose ``result()`` waits for the value,
    or None where forking is not safe (not Linux, or this process runs other threads, as a
    notebook kernel does): the caller then calls ``fn`` itself.
    """
    global _FORKED
    ctx = _pool_context()
    if ctx.get_start_method() != "fork":
        return None
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=1, mp_context=ctx)
    _FORKED = (fn, args)
    try:
        future = pool.submit(_run_forked)  # (fork context: the worker is forked here, inheriting _FORKED)
    except Exception:
        pool.shutdown(wait=False)
        raise
    finally:
        _FORKED = None
    return _Forked(pool, future)
