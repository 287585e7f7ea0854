"""export.csv_lines writes exactly what csv.writer writes."""
from __future__ import annotations

import csv
import io
import random

import pytest

from analysis.views.export import csv_lines


def reference(rows) -> str:
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue()


@pytest.mark.parametrize("rows", [
    [],
    [()],
    [("",)], [(None,)], [("x",)], [(0,)],
    [("a", 1, 2.5, None, True, False, "")],
    [('He said "no", twice', "line\nbreak", "cr\rhere", "crlf\r\n", "a,b", "'single'")],
    [(-0.0, float("nan"), float("inf"), 1e-300, 10**30, 0.1 + 0.2)],
    [("\u2028", "\x00", "\t", " lead", "trail ", '"', '""', ",")],
    [("x", None), (None, "y"), ("",), ()],
])
def test_same_as_csv_writer(rows):
    assert csv_lines(rows) == reference(rows)


def test_every_character():
    rows = [(chr(c), f"a{chr(c)}b", c) for c in range(0x3100) if not 0xD800 <= c < 0xE000]
    assert csv_lines(rows) == reference(rows)


def test_random_rows():
    rng = random.Random(0)
    chars = ['"', ",", "\n", "\r", " ", "a", "\t", "'", "\u201c", ";"]
    values = [None, "", 0, -1, 1.5, -0.0, True, 3.0e-7]
    for _ in range(2000):
        row = tuple(rng.choice(values) if rng.random() < 0.4 else
                    "".join(rng.choice(chars) for _ in range(rng.randint(0, 6)))
                    for _ in range(rng.randint(0, 5)))
        assert csv_lines([row, row]) == reference([row, row]), row


def test_random_tables():
    """Many rows of one width, each column of one type or of several (the column-wise path)."""
    rng = random.Random(1)
    pools = [["a", "b c", "", "x,y", 'q"q', "l\nl", "\r"], ["plain", "words", ""], [0, -3, 10**20],
             [1.5, -0.0, float("nan"), 1e-300], [True, False], [None, "a", 1, 2.5, True]]
    for _ in range(300):
        cols = [rng.choice(pools) for _ in range(rng.randint(2, 6))]
        rows = [tuple(rng.choice(c) if rng.random() < 0.9 else None for c in cols)
                for _ in range(rng.randint(1, 30))]
        assert csv_lines(rows) == reference(rows), rows


# ----------------------------------------------------------------------------- csv_bytes (Arrow)

from analysis.views.export import csv_bytes  # noqa: E402
from analysis.map.parallel import rows_table  # noqa: E402


def arrow_csv(rows, width, spelling=None):
    """csv_bytes of the rows as the store keeps them (one Arrow table, typed or pickled columns)."""
    return csv_bytes(rows_table([f"c{i}" for i in range(width)], rows), spelling)


@pytest.mark.parametrize("rows", [
    [("a", 1, 2.5, None, True, False, "")],
    [('He said "no", twice', "line\nbreak", "cr\rhere", "crlf\r\n", "a,b", "'single'")],
    [(-0.0, float("nan"), float("inf"), 1e-300, 10**30, 0.1 + 0.2)],
    [(1e16, 1e-5, 123456789.0, -2.5e-7, 1.0, 2**63 - 1)],
    [("\u2028", "\x00", "\t", " lead", "trail ", '"', '""', ","), ("é", "日本", "😀", "", "", "", "", "")],
    [("x", None), (None, "y"), (None, None)],
    [(1, 2.5), (True, "s"), (("a", 1), None), (10**30, -1)],  # mixed and unusual types: pickled
])
def test_csv_bytes_are_the_bytes_of_csv_lines(rows):
    assert arrow_csv(rows, len(rows[0])) == csv_lines(rows).encode("utf-8")


def test_csv_bytes_of_random_tables_and_slices():
    rng = random.Random(2)
    pools = [["a", "b c", "", "x,y", 'q"q', "l\nl", "\r", "é\"\n"], [0, -3, 2**62], [1.5, -0.0, 1e22, 3e-5],
             [True, False], [None, "a", 1, 2.5, True], [None]]
    for _ in range(200):
        cols = [rng.choice(pools) for _ in range(rng.randint(2, 6))]
        rows = [tuple(rng.choice(c) if rng.random() < 0.85 else None for c in cols)
                for _ in range(rng.randint(1, 40))]
        table = rows_table([f"c{i}" for i in range(len(cols))], rows)
        lo = rng.randint(0, len(rows) - 1)
        hi = rng.randint(lo, len(rows))
        assert csv_bytes(table.slice(lo, hi - lo)) == csv_lines(rows[lo:hi]).encode("utf-8"), rows[lo:hi]


def test_csv_bytes_spell_one_column():
    rows = [("a.txt", 1), ("", 2), ("sub/b.json", 3)]
    spell = (0, lambda rel: f"/corpus/{rel}" if rel else "/corpus")
    want = [(spell[1](r[0]), r[1]) for r in rows]
    assert arrow_csv(rows, 2, spell) == csv_lines(want).encode("utf-8")


def test_csv_bytes_keep_the_csv_module_error_on_a_lone_surrogate():
    rows = [("ok", "\ud800")]  # not UTF-8: stored pickled, and not writable as UTF-8 either
    with pytest.raises(UnicodeEncodeError):
        arrow_csv(rows, 2)


# ----------------------------------------------------------------------------- export via the store

from analysis import corpus as corpus_stages  # noqa: E402
from analysis.map import pipeline  # noqa: E402
from analysis.config import SEEDS_DIR  # noqa: E402
from analysis.views.export import CsvSink, export  # noqa: E402
from analysis.tables import TABLES  # noqa: E402
from test_store import write_corpus  # noqa: E402  (the corpus written for the store tests)


def streamed_csv(path, out):
    """The CSV tables the in-process pipeline streams (the export before the store)."""
    corpus_stages.run(path, CsvSink(out))
    return {name: (out / f"{name}.csv").read_bytes() for name in TABLES}


@pytest.mark.parametrize("which", ["ours", "seeds"])
def test_export_writes_the_bytes_of_the_streaming_pipeline(tmp_path, which):
    corpus = write_corpus(tmp_path / "c") if which == "ours" else SEEDS_DIR
    want = streamed_csv(corpus, tmp_path / "want")
    paths = export(corpus, tmp_path / "got", store=tmp_path / "s", jobs=1, quiet=True)
    assert list(paths) == list(TABLES)
    assert {name: p.read_bytes() for name, p in paths.items()} == want
    assert not list((tmp_path / "got").glob(".*"))  # no temporary file left


def test_export_from_a_stored_corpus_analyses_nothing(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "c")
    first = export(corpus, tmp_path / "one", store=tmp_path / "s", jobs=1, quiet=True)
    calls = []
    real = pipeline.analyse_file
    monkeypatch.setattr(pipeline, "analyse_file", lambda *a, **k: calls.append(a) or real(*a, **k))
    second = export(corpus, tmp_path / "two", store=tmp_path / "s", jobs=1, quiet=True)
    assert calls == []
    assert [p.read_bytes() for p in first.values()] == [p.read_bytes() for p in second.values()]


def _nan_free(rows):
    """Rows with NaN as a marker string: NaN never equals NaN, so tuples holding it never do."""
    return [tuple("<NaN>" if isinstance(v, float) and v != v else v for v in r) for r in rows]


def test_parquet_holds_the_same_rows(tmp_path):
    import pyarrow.parquet as pq

    corpus = write_corpus(tmp_path / "c")
    sink = pipeline.RowSink()
    corpus_stages.run(corpus, sink)
    paths = export(corpus, tmp_path / "pq", format="parquet", store=tmp_path / "s", jobs=1, quiet=True)
    for name, p in paths.items():
        t = pq.read_table(p)
        assert t.schema.names == list(TABLES[name])
        got = list(zip(*(t.column(c).to_pylist() for c in TABLES[name]))) if t.num_rows else []
        assert _nan_free(got) == _nan_free(sink.rows[name]), name
        assert [type(v) for r in got for v in r] == [type(v) for r in sink.rows[name] for v in r]


def test_unknown_format_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="csv, parquet"):
        export(SEEDS_DIR, tmp_path, format="xlsx")
