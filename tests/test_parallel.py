"""analysis.map.parallel: batches, ordered results, and the same rows whatever runs the map."""
from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from analysis.map import parallel
from analysis.map.load import corpus_entries
from analysis.tables import TABLES

from test_store import write_corpus  # the corpus written for the store tests


@pytest.mark.parametrize("sizes, workers, max_bytes, max_files, want", [
    ([10] * 10, 2, 1000, 256, [2, 2, 2, 2, 2]),  # four batches per worker at least
    ([10] * 10, 1, 1000, 256, [3, 3, 3, 1]),
    ([10] * 3, 8, 1000, 256, [1, 1, 1]),
    ([400] * 6 + [10] * 6, 1, 1000, 256, [2, 2, 3, 3, 2]),  # byte cap
    ([1] * 9, 1, 1000, 2, [2, 2, 2, 2, 1]),  # file cap
    ([5000, 1], 1, 1000, 256, [1, 1]),  # a file bigger than the cap is a batch of its own
    ([], 2, 1000, 256, []),
])
def test_make_batches(sizes, workers, max_bytes, max_files, want):
    entries = [(f"f{i}", "", n) for i, n in enumerate(sizes)]
    batches = parallel.make_batches("/c", entries, workers=workers, max_bytes=max_bytes, max_files=max_files)
    assert [len(b.entries) for b in batches] == want
    assert [rel for b in batches for rel, _ in b.entries] == [e[0] for e in entries]  # consecutive, all
    assert [b.index for b in batches] == list(range(len(batches)))


def test_results_come_back_in_batch_order_whatever_finishes_first():
    delays = [0.3, 0.0, 0.2, 0.0, 0.1]
    finished = []
    lock = threading.Lock()

    def work(i):
        time.sleep(delays[i])
        with lock:
            finished.append(i)
        return i

    with ThreadPoolExecutor(4) as pool:
        got = list(parallel._ordered(lambda i: pool.submit(work, i), list(range(5)), window=4))
    assert got == [0, 1, 2, 3, 4]
    assert finished != sorted(finished)  # they did finish out of order


def test_window_bounds_work_in_flight():
    in_flight, peak = [0], [0]

    class Done:
        def __init__(self, v):
            self.v = v

        def result(self):
            in_flight[0] -= 1
            return self.v

    def submit(b):
        in_flight[0] += 1
        peak[0] = max(peak[0], in_flight[0])
        return Done(b)

    assert list(parallel._ordered(submit, list(range(20)), window=3)) == list(range(20))
    assert peak[0] == 3


def _batches(folder, per=1):
    entries = [(str(p.relative_to(folder)), why) for p, why in corpus_entries(folder)]
    return [parallel.Batch(i, str(folder), entries[k:k + per]) for i, k in enumerate(range(0, len(entries), per))]


def _rows(results):
    return [(r.index, r.rels, {n: parallel.table_rows(t, t.schema.names) for n, t in r.tables.items()})
            for r in results]


def test_pool_returns_the_rows_of_in_process_runs(tmp_path):
    folder = write_corpus(tmp_path / "c")
    batches = _batches(folder)
    one = list(parallel.map_batches(batches, jobs=1))
    two = list(parallel.map_batches(batches, jobs=2))
    assert len({r.pid for r in two}) >= 1 and all(r.pid != one[0].pid for r in two)
    assert _rows(one) == _rows(two)


def test_workers_return_compact_tables_with_relative_paths(tmp_path):
    folder = write_corpus(tmp_path / "c")
    result = parallel.analyse_batch(_batches(folder, per=100)[0])
    assert set(result.tables) <= set(parallel.PER_FILE_TABLES) | {parallel.TEXTS}
    assert "links" not in result.tables  # corpus-level tables are not the workers' job
    files = parallel.table_rows(result.tables["files"], TABLES["files"])
    assert [f[0] for f in files] == result.rels  # relative to the corpus root
    arts = result.tables["articles"].column("path").to_pylist()
    assert "a-harbour.txt" in arts and not any(str(tmp_path) in p for p in arts)
    assert result.articles == 4 and result.words > 0


def test_unreachable_scheduler_is_a_clear_error(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setattr(parallel, "CONNECT_TIMEOUT", "1s")
    folder = write_corpus(tmp_path / "c")
    with pytest.raises(RuntimeError, match="cannot reach the Dask scheduler"):
        list(parallel.map_batches(_batches(folder), dask="tcp://127.0.0.1:9", jobs=1))


@pytest.mark.parametrize("chunk", [1, 3, 1024])
def test_rows_table_in_chunks_is_column_array_of_each_whole_column(monkeypatch, chunk):
    """Chunks that disagree on a column's type make it pickled, as one column_array of all
    its values does; None-only chunks take the column's type."""
    import pyarrow as pa

    monkeypatch.setattr(parallel, "CHUNK_ROWS", chunk)
    cols = ("a", "b", "c", "d", "e", "f", "g")
    rows = [(i, None if i < 4 else f"s{i}", 1 if i == 6 else 0.5 * i, i % 2 == 0,
             2 ** 70 if i == 5 else i, None, True if i == 2 else i) for i in range(8)]
    got = parallel.rows_table(cols, rows, files=[0] * len(rows))
    for j, name in enumerate(cols):
        arr, pickled = parallel.column_array([r[j] for r in rows])
        assert got.column(name).combine_chunks().equals(arr), name
        assert (got.schema.field(name).metadata == parallel.PICKLED) == pickled, name
    assert [got.schema.field(n).metadata == parallel.PICKLED for n in cols] == [
        False, False, True, False, True, False, True]
    assert got.column("b").type == pa.string() and got.column("f").type == pa.null()
    assert parallel.table_rows(got, cols) == rows


def test_table_builder_converting_as_rows_come_is_rows_table_of_all(monkeypatch):
    """Rows added and converted in uneven runs (a batch's groups of articles): the table of
    all of them at once, whatever the runs; a column that turns from ints to floats in a
    later run is pickled whole."""
    monkeypatch.setattr(parallel, "CHUNK_ROWS", 4)
    cols = ("n", "x", "s")
    rows = [(i, i if i < 9 else 0.5, None if i % 5 else f"t{i}") for i in range(13)]
    b = parallel.TableBuilder(cols)
    k, files = 0, []
    for f, size in enumerate((1, 5, 2, 0, 5)):
        b.extend(rows[k:k + size], f)
        files += [f] * size
        k += size
        b.convert()
    got = b.table()
    want = parallel.rows_table(cols, rows, files)
    assert got.equals(want) and got.schema == want.schema
    assert got.schema.field("x").metadata == parallel.PICKLED and got.schema.field("n").metadata is None
    assert parallel.table_rows(got, cols) == rows
