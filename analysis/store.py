"""One stored analysis per corpus: analyse once, reuse everywhere (notebooks, export, report).

:func:`load` returns the same :class:`~analysis.views.export.Tables` as :func:`analysis.views.export.analyse`,
but keeps the per-article tables in a store on disk and analyses only what is missing or
changed: a new or edited file is analysed (in parallel), a removed one is dropped, and the
corpus-level tables (:func:`analysis.corpus.corpus_rows`) are rebuilt from the stored
per-article tables when any file changed.

Where: ``store=DIR`` (``--store DIR``), else ``$ANALYSIS_STORE``, else the per-user cache
``$XDG_CACHE_HOME/news-analysis`` (``~/.cache/news-analysis``; ``%LOCALAPPDATA%`` on
Windows). Each corpus (its absolute path, ``body_field`` and ``skip``) has one folder there::

    <root>/<corpus-name>-<hash>/
        manifest.json            files (size + SHA-256 of the content), library version,
                                 hash of analysis/*.py + analysis/data/*, options, parts
        parts/<id>/<table>.parquet   per-article tables of one batch of files (+ _texts)
        corpus-<key>/<table>.parquet corpus-level tables (links, ...) of one corpus state

Every write goes to a temporary name first and is renamed into place; the manifest (also
replaced atomically) is what a later load trusts, and it only names finished parts. So an
interrupted run (Ctrl-C, a killed worker) leaves nothing a later load would trust: the
files already analysed are reused and the rest is analysed again. A code or library
change (any analysis/*.py or data file) invalidates the whole store of a corpus.

>>> from analysis.config import SEEDS_DIR
>>> import tempfile
>>> t = load(SEEDS_DIR, store=tempfile.mkdtemp(), jobs=1, quiet=True)
>>> t.stored.analysed_files, len(t.articles)
(5, 5)
>>> load(SEEDS_DIR, store=t.stored.root, jobs=1, quiet=True).stored.analysed_files
0
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
import uuid
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Mapping, Optional

import numpy as np

from . import __version__, config, progress
from .map import parallel, pipeline
from .map import load as loader
from .tables import CORPUS_TABLES, TABLES

STORE_ENV = "ANALYSIS_STORE"
FORMAT = 1
MANIFEST = "manifest.json"
PARTS = "parts"
#: Seconds between manifest saves while a long analysis runs (resume point after a kill).
SAVE_EVERY = 5.0


class StoreError(RuntimeError):
    """The store holds something unusable (it is then rebuilt, never trusted)."""


# ----------------------------------------------------------------------------- where


def default_root() -> Path:
    """The store root: ``$ANALYSIS_STORE``, else the per-user cache folder."""
    env = os.environ.get(STORE_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "news-analysis"
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "news-analysis"


def _options(body_field, skip) -> dict:
    return {"body_field": body_field, "skip": sorted(skip)}


def corpus_dir(path, *, store=None, body_field: Optional[str] = None, skip=()) -> Path:
    """The folder holding the stored analysis of corpus ``path`` with these options."""
    absolute = Path(path).expanduser().resolve()
    key = json.dumps({"corpus": str(absolute), **_options(body_field, pipeline.check_skip(skip))},
                     sort_keys=True)
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", absolute.name or "corpus")[:40]
    root = Path(store).expanduser() if store is not None else default_root()
    return root / f"{slug}-{hashlib.sha256(key.encode()).hexdigest()[:16]}"


@lru_cache(maxsize=1)
def code_hash() -> str:
    """SHA-256 of analysis/**/*.py and analysis/data/* (names and bytes), with the versions of
    the libraries the stages depend on: any change invalidates stored analyses."""
    h = hashlib.sha256()
    files = sorted(config.PACKAGE_DIR.rglob("*.py")) + sorted(p for p in config.DATA_DIR.rglob("*") if p.is_file())
    for p in files:
        h.update(p.relative_to(config.PACKAGE_DIR).as_posix().encode() + b"\0")
        h.update(p.read_bytes() + b"\0")
    from importlib import metadata

    for dist in ("textblob", "trafilatura", "charset-normalizer", "numpy"):
        try:
            h.update(f"{dist}={metadata.version(dist)}\0".encode())
        except metadata.PackageNotFoundError:
            pass
    h.update(f"python={sys.version_info[0]}.{sys.version_info[1]}".encode())
    return h.hexdigest()


fingerprint = parallel.fingerprint
#: The fingerprint of a scanned file that is new to the store (not hashed: it is analysed anyway).
NOT_HASHED = "new:"


# ----------------------------------------------------------------------------- the store


@dataclass
class UpdateResult:
    """What :meth:`Store.update` did."""

    root: Path  # the store root (pass as store= to reuse it)
    folder: Path  # this corpus's folder in it
    files: int = 0
    analysed_files: int = 0
    analysed_articles: int = 0
    reused_files: int = 0
    removed_files: int = 0
    corpus_rebuilt: bool = False
    rebuilt: str = ""  # why the whole store was discarded, if it was
    seconds: float = 0.0


@dataclass
class _Entry:
    rel: str
    path: Path
    reason: str
    size: int
    fp: Optional[str] = None


@dataclass
class _Manifest:
    files: dict = field(default_factory=dict)  # rel -> [fingerprint, part, index in part], corpus order
    parts: dict = field(default_factory=dict)  # part -> [rel, ...] (index = the _f column)
    corpus: dict = field(default_factory=dict)  # {"key": ..., "dir": ..., "tables": [...]}

    def to_json(self, header: dict) -> dict:
        return {**header, "files": [[rel, *v] for rel, v in self.files.items()],
                "parts": self.parts, "corpus_tables": self.corpus}


class Store:
    """The stored analysis of one corpus (see the module docstring); use it as
    ``with Store(path).open() as s: s.update(); s.tables()``."""

    def __init__(self, path, *, store=None, body_field: Optional[str] = None, skip=()) -> None:
        self.path = pipeline.check_path(path)  # as given: path columns are spelled from it
        self.absolute = self.path.expanduser().resolve()
        self.body_field = body_field
        self.skip = pipeline.check_skip(skip)
        self.root = Path(store).expanduser() if store is not None else default_root()
        self.folder = corpus_dir(path, store=self.root, body_field=body_field, skip=self.skip)
        self.manifest = _Manifest()
        self._lock = None

    # -- header, manifest ----------------------------------------------------------

    def _header(self) -> dict:
        return {"format": FORMAT, "library": __version__, "code": code_hash(),
                "options": _options(self.body_field, self.skip), "corpus": str(self.absolute)}

    def _read_manifest(self) -> str:
        """Load the manifest; returns why it cannot be trusted ("" when it can, or is absent)."""
        self.manifest = _Manifest()
        p = self.folder / MANIFEST
        if not p.exists():
            return ""
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            return f"unreadable manifest ({exc})"
        header = self._header()
        for key in ("format", "library", "code", "options", "corpus"):
            if data.get(key) != header[key]:
                return f"{key} changed" if key != "code" else "the analysis code or its data changed"
        try:
            files = {str(rel): [fp, part, int(j)] for rel, fp, part, j in data["files"]}
            parts = {str(k): [str(r) for r in v] for k, v in data["parts"].items()}
            corpus = dict(data.get("corpus_tables") or {})
        except (KeyError, TypeError, ValueError) as exc:
            return f"malformed manifest ({exc})"
        if any(part not in parts for _, part, _ in files.values()):
            return "manifest names a missing part"
        self.manifest = _Manifest(files, parts, corpus)
        return ""

    def _save_manifest(self) -> None:
        data = json.dumps(self.manifest.to_json(self._header()), ensure_ascii=False)
        tmp = self.folder / f".{MANIFEST}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.folder / MANIFEST)

    # -- locking ---------------------------------------------------------------------

    @contextlib.contextmanager
    def open(self):
        """Hold the store's lock (one writer or reader at a time per corpus)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        lock = open(self.folder / ".lock", "a+")
        try:
            try:
                import fcntl

                fcntl.flock(lock, fcntl.LOCK_EX)
            except ImportError:  # Windows: no advisory lock
                pass
            yield self
        finally:
            lock.close()

    # -- update ------------------------------------------------------------------------

    def _scan(self, quiet: bool) -> list[_Entry]:
        entries = []
        root = str(self.path)
        for p, reason in loader.corpus_entries(self.path):
            s = str(p)
            rel = "" if s == root else str(p.relative_to(self.path))
            try:
                size = p.stat().st_size if not reason else 0
            except OSError:
                size = 0
            entries.append(_Entry(rel, p, reason, size))
        stored = self.manifest.files
        with progress.bar(total=len(entries), desc="checking files", unit="file", quiet=quiet) as b:
            for e in entries:
                # a file the store does not hold is analysed whatever its content: the worker
                # that reads it hashes it (once)
                e.fp = fingerprint(e.path, e.reason) if e.rel in stored or e.reason else NOT_HASHED
                b.update()
        return entries

    def _wipe(self) -> None:
        for child in self.folder.iterdir():
            if child.name == ".lock":
                continue
            if child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)
        self.manifest = _Manifest()

    def _write_part(self, result: parallel.BatchResult) -> str:
        import pyarrow.parquet as pq

        pid = f"{int(time.time() * 1000):x}-{uuid.uuid4().hex[:8]}"
        parts = self.folder / PARTS
        tmp = parts / f".tmp-{pid}"
        tmp.mkdir(parents=True)
        for name, table in result.tables.items():
            _write_table(pq, table, tmp / f"{name}.parquet")
        os.replace(tmp, parts / pid)
        return pid

    def update(self, *, jobs: Optional[int] = None, dask: Optional[str] = None,
               quiet: bool = False) -> UpdateResult:
        """Bring the store up to date with the corpus; call inside :meth:`open`."""
        t0 = time.perf_counter()
        res = UpdateResult(self.root, self.folder)
        res.rebuilt = self._read_manifest()
        if res.rebuilt:
            self._wipe()
        parts_dir = self.folder / PARTS
        parts_dir.mkdir(exist_ok=True)
        for stale in parts_dir.glob(".tmp-*"):  # left by an interrupted run: never trusted
            shutil.rmtree(stale, ignore_errors=True)
        entries = self._scan(quiet)
        res.files = len(entries)
        old = self.manifest.files
        current = {e.rel for e in entries}
        res.removed_files = sum(rel not in current for rel in old)
        todo = [e for e in entries if e.fp is None or old.get(e.rel, [None])[0] != e.fp]
        res.reused_files = len(entries) - len(todo)
        # the manifest in corpus order, without removed files; files to analyse keep their
        # old (still consistent) rows until their new part is written
        self.manifest.files = {e.rel: old[e.rel] for e in entries if e.rel in old}
        by_rel = {e.rel: e for e in entries}
        if todo:
            jobs = jobs or parallel.default_jobs()
            batches = parallel.make_batches(str(self.absolute), [(e.rel, e.reason, e.size) for e in todo],
                                            workers=jobs)
            last_save = time.monotonic()
            try:
                with progress.bar(total=len(todo), desc="analysing", unit="file", quiet=quiet) as b:
                    for result in parallel.map_batches(batches, jobs=jobs, dask=dask,
                                                       body_field=self.body_field, skip=self.skip):
                        self._check_read(result, by_rel)
                        pid = self._write_part(result)
                        self.manifest.parts[pid] = result.rels
                        for j, (rel, fp) in enumerate(zip(result.rels, result.fingerprints)):
                            self.manifest.files[rel] = [fp, pid, j]  # what the worker analysed
                        res.analysed_files += len(result.rels)
                        res.analysed_articles += result.articles
                        b.update(len(result.rels))
                        b.set_postfix_str(f"{res.analysed_articles} articles", refresh=False)
                        if time.monotonic() - last_save > SAVE_EVERY:
                            self._save_manifest()
                            last_save = time.monotonic()
            finally:
                self.manifest.files = {e.rel: self.manifest.files[e.rel] for e in entries
                                       if e.rel in self.manifest.files}
                self._drop_unused_parts()
                self._save_manifest()
        elif res.removed_files or list(old) != list(self.manifest.files) or not (self.folder / MANIFEST).exists():
            self._drop_unused_parts()
            self._save_manifest()
        res.corpus_rebuilt = self._update_corpus_tables(quiet, jobs=jobs or parallel.default_jobs())
        self._drop_unused_parts()
        res.seconds = time.perf_counter() - t0
        return res

    @staticmethod
    def _check_read(result: parallel.BatchResult, by_rel: dict) -> None:
        """A worker that cannot read a file this process can read is not analysing the corpus."""
        for rel, fp in zip(result.rels, result.fingerprints):
            seen = by_rel[rel].fp
            if fp is None and (seen if seen != NOT_HASHED else fingerprint(by_rel[rel].path, "")) is not None:
                raise RuntimeError(
                    f"a worker (process {result.pid}) cannot read {by_rel[rel].path}, which this process "
                    "can: with --dask, every worker must see the corpus at the same absolute path "
                    "(a shared file system)")

    def _drop_unused_parts(self) -> None:
        used = {part for _, part, _ in self.manifest.files.values()}
        self.manifest.parts = {k: v for k, v in self.manifest.parts.items() if k in used}
        parts_dir = self.folder / PARTS
        if parts_dir.is_dir():
            for child in parts_dir.iterdir():
                if not child.name.startswith(".") and child.name not in self.manifest.parts:
                    shutil.rmtree(child, ignore_errors=True)
        keep = self.manifest.corpus.get("dir")
        for child in self.folder.glob("corpus-*"):
            if child.name != keep:
                shutil.rmtree(child, ignore_errors=True)

    # -- corpus-level tables ----------------------------------------------------------

    def _corpus_key(self) -> str:
        state = [[rel, v[0]] for rel, v in self.manifest.files.items()]
        return hashlib.sha256(json.dumps([state, sorted(self.skip)]).encode()).hexdigest()[:24]

    def _update_corpus_tables(self, quiet: bool, jobs: int = 1) -> bool:
        import pyarrow.parquet as pq

        from . import corpus

        key = self._corpus_key()
        c = self.manifest.corpus
        if c.get("key") == key and (self.folder / c.get("dir", "")).is_dir() and c.get("dir"):
            return False
        with progress.bar(total=2, desc="corpus stages", unit="step", quiet=quiet) as b:
            frames = _LazyFrames(self)
            texts = self.texts  # (read by each stage that needs them, and let go of after)
            b.update()
            with pipeline.batch_gc():  # (what exists now is not walked by each stage's collections)
                out = corpus.corpus_rows(frames, texts, skip=self.skip, jobs=jobs)
            del frames, texts
            b.update()
        name = f"corpus-{key}"
        tmp = self.folder / f".tmp-{name}"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        for table, rows in out.items():
            if table not in TABLES:
                raise StoreError(f"corpus_rows returned {table!r}, which is not in tables.TABLES")
            _write_table(pq, parallel.rows_table(TABLES[table], rows), tmp / f"{table}.parquet")
        shutil.rmtree(self.folder / name, ignore_errors=True)
        os.replace(tmp, self.folder / name)
        self.manifest.corpus = {"key": key, "dir": name, "tables": sorted(out)}
        self._save_manifest()
        return True

    # -- reading -----------------------------------------------------------------------

    def _positions(self) -> dict[str, np.ndarray]:
        """Per part: the corpus position of each of its files, or -1 where a row is dead."""
        order = {rel: i for i, rel in enumerate(self.manifest.files)}
        out = {}
        for pid, rels in self.manifest.parts.items():
            pos = np.full(len(rels), -1, dtype=np.int64)
            for j, rel in enumerate(rels):
                v = self.manifest.files.get(rel)
                if v is not None and v[1] == pid and v[2] == j:
                    pos[j] = order[rel]
            out[pid] = pos
        return out

    def _runs(self, name: str, columns, only=None) -> Iterator[list[tuple]]:
        """The stored rows of per-file table ``name`` in corpus order, in chunks (of the
        columns ``only``, in that order, when given: the others are not read)."""
        fix = self._path_fixer(name, columns) if only is None else None
        for t in self._run_tables(name, columns, only):
            chunk = parallel.table_rows(t, columns if only is None else only)
            yield fix(chunk) if fix else chunk

    def _run_tables(self, name: str, columns, only=None):
        """:meth:`_runs` as the stored Arrow tables (slices of the parts, in corpus order;
        the path columns as stored, relative to the corpus root)."""
        import pyarrow.parquet as pq

        positions = self._positions()
        tables, keys, pieces, rows_ix = [], [], [], []
        for pid in self.manifest.parts:
            p = self.folder / PARTS / pid / f"{name}.parquet"
            if not p.exists():
                continue
            try:
                if only is None:
                    t = pq.read_table(p)
                    names = t.schema.names
                else:
                    f = pq.ParquetFile(p)
                    names = f.schema_arrow.names
                    t = f.read(columns=["_f", *only]) if names == ["_f", *columns] else None
            except Exception as exc:  # noqa: BLE001 - any damage means: rebuild
                raise StoreError(f"cannot read {p}: {exc}") from exc
            if names != ["_f", *columns]:
                raise StoreError(f"{p} has columns {names}, expected {['_f', *columns]}")
            f = t.column("_f").to_numpy()
            if len(f) and f.max() >= len(positions[pid]):
                raise StoreError(f"{p} names a file the manifest does not list")
            keys.append(positions[pid][f])
            pieces.append(np.full(len(f), len(tables), dtype=np.int64))
            rows_ix.append(np.arange(len(f), dtype=np.int64))
            tables.append(t)
        if not tables:
            return
        key, piece, row = np.concatenate(keys), np.concatenate(pieces), np.concatenate(rows_ix)
        live = key >= 0
        key, piece, row = key[live], piece[live], row[live]
        order = np.argsort(key, kind="stable")
        piece, row = piece[order], row[order]
        if not len(row):
            return
        breaks = np.flatnonzero((np.diff(piece) != 0) | (np.diff(row) != 1)) + 1
        starts = np.concatenate([[0], breaks])
        ends = np.concatenate([breaks, [len(row)]])
        for s, e in zip(starts, ends):
            yield tables[piece[s]].slice(int(row[s]), int(e - s))

    def _spelling(self, name: str):
        """``(column index, spell)`` for table ``name``'s column of paths, stored relative to
        the corpus root (``spell(rel)`` is the path as the corpus was given), else None."""
        if name not in parallel.PATH_COLUMNS:
            return None
        base = self.path

        def spelled(rel: str) -> str:
            return str(base / rel) if rel else str(base)

        return parallel.PATH_COLUMNS[name], spelled

    def _path_fixer(self, name: str, columns):
        spelling = self._spelling(name)
        if spelling is None:
            return None
        i, spelled = spelling
        return lambda rows: [r[:i] + (spelled(r[i]),) + r[i + 1:] for r in rows]

    def table_rows(self, name: str) -> Iterator[list[tuple]]:
        """Rows of table ``name`` (TABLES column order) in corpus order, in chunks."""
        columns = TABLES[name]
        if name in CORPUS_TABLES:
            c = self.manifest.corpus
            p = self.folder / c.get("dir", "-") / f"{name}.parquet"
            if name not in c.get("tables", ()):
                return iter(())
            return iter([_read_rows(p, columns)])
        return self._runs(name, columns)

    def table_chunks(self, name: str):
        """:meth:`table_rows` as Arrow tables (columns as :func:`parallel.rows_table` stores
        them), and the table's :meth:`_spelling` (None for a corpus table)."""
        columns = TABLES[name]
        if name in CORPUS_TABLES:
            c = self.manifest.corpus
            if name not in c.get("tables", ()):
                return iter(()), None
            return iter([_read_table(self.folder / c.get("dir", "-") / f"{name}.parquet", columns)]), None
        return (t.select(list(columns)) for t in self._run_tables(name, columns)), self._spelling(name)

    def frame(self, name: str, columns=None):
        """Table ``name`` as a DataFrame, exactly as :func:`analysis.views.export.analyse` builds it;
        with ``columns``, only those (of a per-article table, read from the store alone)."""
        import pandas as pd

        if columns is not None and name not in CORPUS_TABLES:
            columns = list(columns)
            if not set(columns) <= set(TABLES[name]):
                raise KeyError(f"table {name!r} has no column(s) {sorted(set(columns) - set(TABLES[name]))}")
            if name in parallel.PATH_COLUMNS and TABLES[name][parallel.PATH_COLUMNS[name]] in columns:
                return self.frame(name)[columns]
            rows = [r for chunk in self._runs(name, TABLES[name], only=columns) for r in chunk]
            return pd.DataFrame.from_records(rows, columns=columns)
        rows = [r for chunk in self.table_rows(name) for r in chunk]
        frame = pd.DataFrame.from_records(rows, columns=list(TABLES[name]))
        return frame if columns is None else frame[list(columns)]

    def texts(self) -> dict[str, str]:
        """Article id -> text as loaded, in corpus order."""
        out: dict[str, str] = {}
        for chunk in self._runs(parallel.TEXTS, parallel.TEXT_COLUMNS):
            out.update(chunk)
        return out

    def tables(self):
        """Every table as a :class:`~analysis.views.export.Tables` (with ``texts``)."""
        from .tables import Tables

        frames = {name: self.frame(name) for name in TABLES}
        return Tables(frames, self.texts(), str(self.path))

    def clear(self) -> None:
        """Remove this corpus's stored analysis."""
        shutil.rmtree(self.folder, ignore_errors=True)


def _write_table(pq, table, path: Path) -> None:
    """A table of the store as Parquet: LZ4 (fast to read back), without dictionary pages or
    column statistics (the store is read whole, never filtered)."""
    pq.write_table(table, path, compression="lz4", use_dictionary=False, write_statistics=False)


def _read_table(path: Path, columns):
    import pyarrow.parquet as pq

    try:
        t = pq.read_table(path)
    except Exception as exc:  # noqa: BLE001
        raise StoreError(f"cannot read {path}: {exc}") from exc
    if t.schema.names != list(columns):
        raise StoreError(f"{path} has columns {t.schema.names}, expected {list(columns)}")
    return t


def _read_rows(path: Path, columns) -> list[tuple]:
    return parallel.table_rows(_read_table(path, columns), columns)


class _LazyFrames(Mapping):
    """Per-article tables read from the store on use: :meth:`columns` reads only the columns
    a corpus stage needs and keeps nothing (the stages hold what they read, and drop it)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def __getitem__(self, name: str):
        if name not in TABLES or name in CORPUS_TABLES:
            raise KeyError(name)
        return self._store.frame(name)

    def columns(self, name: str, columns):
        """Table ``name`` with only ``columns`` (a DataFrame, rows in corpus order)."""
        if name not in TABLES or name in CORPUS_TABLES:
            raise KeyError(name)
        return self._store.frame(name, columns)

    def __iter__(self):
        return (n for n in TABLES if n not in CORPUS_TABLES)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def purge_orphans(root: Path) -> list[Path]:
    """Remove the stored analyses of corpora that no longer exist (a deleted temporary
    folder, say), unless another process holds them; returns what was removed."""
    gone = []
    if not root.is_dir():
        return gone
    for folder in root.iterdir():
        try:
            corpus = json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("corpus")
        except (OSError, ValueError, AttributeError):
            continue
        if not isinstance(corpus, str) or Path(corpus).exists():
            continue
        try:
            import fcntl

            with open(folder / ".lock", "a+") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # in use: leave it
                shutil.rmtree(folder, ignore_errors=True)
        except (ImportError, OSError):
            continue
        gone.append(folder)
    return gone


_PURGED: set = set()


# ----------------------------------------------------------------------------- public API


@contextlib.contextmanager
def opened(path, *, store=None, body_field=None, skip=()) -> Iterator[Store]:
    """An up-to-date-able :class:`Store` for ``path``, locked; a temporary one (with a
    warning) when the store folder cannot be written."""
    s = Store(path, store=store, body_field=body_field, skip=skip)
    try:
        s.folder.mkdir(parents=True, exist_ok=True)
        probe = s.folder / f".probe-{os.getpid()}"
        probe.touch()
        probe.unlink()
    except OSError as exc:
        warnings.warn(f"cannot write the analysis store {s.folder} ({exc}); analysing into a temporary "
                      f"store instead. Set {STORE_ENV} or pass --store DIR to a writable folder.",
                      stacklevel=3)
        with tempfile.TemporaryDirectory(prefix="analysis-store-") as tmp:
            s = Store(path, store=tmp, body_field=body_field, skip=skip)
            with s.open():
                yield s
        return
    if s.root not in _PURGED:  # once per process and root
        _PURGED.add(s.root)
        purge_orphans(s.root)
    with s.open():
        yield s


def refresh(s: Store, *, jobs=None, dask=None, quiet: bool = False) -> UpdateResult:
    """``s.update()``; a damaged store is wiped (with a warning) and analysed again, once."""
    try:
        return s.update(jobs=jobs, dask=dask, quiet=quiet)
    except StoreError as exc:  # damaged store: start again, once
        warnings.warn(f"the analysis store {s.folder} was damaged ({exc}); analysing again", stacklevel=3)
        s._wipe()
        res = s.update(jobs=jobs, dask=dask, quiet=quiet)
        res.rebuilt = str(exc)
        return res


def update(path, *, store=None, jobs: Optional[int] = None, dask: Optional[str] = None,
           quiet: bool = False, body_field: Optional[str] = None, skip=()) -> UpdateResult:
    """Analyse into the store whatever of corpus ``path`` is missing or changed."""
    with opened(path, store=store, body_field=body_field, skip=skip) as s:
        return refresh(s, jobs=jobs, dask=dask, quiet=quiet)


def load(path, *, store=None, jobs: Optional[int] = None, dask: Optional[str] = None,
         quiet: bool = False, body_field: Optional[str] = None, skip=()):
    """The :class:`~analysis.views.export.Tables` of corpus ``path``, from its stored analysis.

    Analyses only files that are new or changed since the store was written (``jobs``
    worker processes, default: every core; or ``dask``: ``"local"`` or a scheduler address),
    drops removed ones, and rebuilds the corpus-level tables when anything changed. Same
    DataFrames and texts as :func:`analysis.views.export.analyse`; ``tables.stored`` says what
    was done (:class:`UpdateResult`).

    >>> tables = load("seeds")                 # doctest: +SKIP
    >>> tables.stored.analysed_files           # doctest: +SKIP
    0
    """
    with opened(path, store=store, body_field=body_field, skip=skip) as s:
        res = refresh(s, jobs=jobs, dask=dask, quiet=quiet)
        try:
            tables = s.tables()
        except StoreError as exc:
            warnings.warn(f"the analysis store {s.folder} was damaged ({exc}); analysing again", stacklevel=2)
            s._wipe()
            res = s.update(jobs=jobs, dask=dask, quiet=quiet)
            tables = s.tables()
    tables.stored = res
    return tables


def clear(path=None, *, store=None) -> list[Path]:
    """Remove the stored analyses of corpus ``path`` (with any options), or with no ``path``
    the whole store root; returns the folders removed."""
    root = Path(store).expanduser() if store is not None else default_root()
    if path is None:
        if not root.exists():
            return []
        shutil.rmtree(root, ignore_errors=True)
        return [root]
    absolute = str(Path(path).expanduser().resolve())
    gone = []
    for folder in sorted(root.glob("*")) if root.is_dir() else []:
        try:
            corpus = json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("corpus")
        except (OSError, ValueError, AttributeError):
            corpus = None
        if corpus == absolute or folder == corpus_dir(path, store=root):
            shutil.rmtree(folder, ignore_errors=True)
            gone.append(folder)
    return gone
