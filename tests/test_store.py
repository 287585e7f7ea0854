"""analysis.store: load() returns what analyse() returns, and analyses only what changed."""
from __future__ import annotations

import json
import os
import shutil
import warnings

import pandas as pd
import pytest

from analysis.map import parallel
from analysis import store
from analysis.config import SEEDS_DIR
from analysis.views.export import analyse
from analysis.tables import TABLES

# Articles written for these tests (not from the seeds).
ARTICLES = {
    "a-harbour.txt": "Harbour reopens after storm\n\nBy Jane Doe\n\nThe harbour reopened on Monday, "
                     "officials said. \"We lost 12 boats,\" said Mayor Ann Lee. Critics blamed the "
                     "council for the delay.\n\nRepairs may cost $3 million, according to Reuters.",
    "b-storm.txt": "Storm damage smaller than feared\n\nThe storm damaged 10 boats, the mayor said on "
                   "Monday. \"It could have been worse,\" Lee told reporters.\n\nThe council denied "
                   "the delay was its fault.",
    "c-records.json": json.dumps([
        {"id": "rec-1", "title": "Council defends its response", "outlet": "Daily Bugle",
         "body": "The council said it acted quickly. \"We did everything we could,\" a spokesman said."},
        {"id": "rec-2", "title": "Fishermen count losses", "outlet": "Harbour Times",
         "body": "Fishermen said 12 boats were lost. Some blamed the weather service."},
    ]),
    "README.md": "Not an article.",
    ".hidden.txt": "Hidden, skipped.",
    "empty.txt": "",
}
EDIT = "\n\nOn Tuesday the mayor said 14 boats, not 12, had been lost."


def write_corpus(folder, articles=ARTICLES):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "corpus")


def assert_same_tables(got, want):
    assert list(got.dataframes) == list(want.dataframes) == list(TABLES)
    for name in TABLES:
        pd.testing.assert_frame_equal(got[name], want[name], check_exact=True, obj=name)
    assert got.texts == want.texts
    assert list(got.texts) == list(want.texts)
    assert got.corpus == want.corpus


def test_load_returns_what_analyse_returns(corpus, tmp_path):
    got = store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    assert_same_tables(got, analyse(corpus))
    assert got.stored.analysed_files == len(ARTICLES) and got.stored.analysed_articles == 4


def test_load_seeds_same_as_analyse(tmp_path):
    assert_same_tables(store.load(SEEDS_DIR, store=tmp_path, jobs=2, quiet=True), analyse(SEEDS_DIR))


def test_second_load_analyses_nothing(corpus, tmp_path):
    first = store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    second = store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    assert second.stored.analysed_files == 0 and second.stored.reused_files == len(ARTICLES)
    assert not second.stored.corpus_rebuilt
    assert_same_tables(second, first)


@pytest.mark.parametrize("jobs", [1, 2])
def test_edited_file_is_analysed_again_and_only_it(corpus, tmp_path, jobs):
    store.load(corpus, store=tmp_path / "s", jobs=jobs, quiet=True)
    with open(corpus / "b-storm.txt", "a", encoding="utf-8") as f:
        f.write(EDIT)
    got = store.load(corpus, store=tmp_path / "s", jobs=jobs, quiet=True)
    assert (got.stored.analysed_files, got.stored.analysed_articles) == (1, 1)
    assert got.stored.corpus_rebuilt
    assert_same_tables(got, analyse(corpus))
    assert "14 boats" in got.texts["b-storm"]


def test_new_file_is_analysed_in_corpus_order(corpus, tmp_path):
    store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    (corpus / "aa-new.txt").write_text("New arrival\n\nA new ferry arrived, the port said.", encoding="utf-8")
    got = store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    assert (got.stored.analysed_files, got.stored.analysed_articles) == (1, 1)
    assert_same_tables(got, analyse(corpus))
    assert list(got.articles.article_id)[:2] == ["a-harbour", "aa-new"]


def test_each_file_is_read_for_its_hash_once_per_run(corpus, tmp_path, monkeypatch):
    """A file new to the store is hashed by the worker that analyses it (not also by the
    scan); a stored file is hashed by the scan, to see whether it changed."""
    hashed = []

    def counting(real):
        def hashing(path, reason=""):
            if not reason:
                hashed.append(os.path.basename(path))
            return real(path, reason)
        return hashing

    monkeypatch.setattr(parallel, "fingerprint", counting(parallel.fingerprint))
    monkeypatch.setattr(store, "fingerprint", counting(store.fingerprint))
    monkeypatch.setattr(parallel, "read_fingerprinted", counting(parallel.read_fingerprinted))
    store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    loaded = sorted(n for n in ARTICLES if not n.startswith(".") and n != "README.md")
    assert sorted(hashed) == loaded
    hashed.clear()
    (corpus / "b-storm.txt").write_text(ARTICLES["b-storm.txt"] + EDIT, encoding="utf-8")
    got = store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    assert got.stored.analysed_files == 1
    # every stored file by the scan; the edited one again by the worker that analysed it
    assert sorted(hashed) == sorted(loaded + ["b-storm.txt"])
    assert_same_tables(got, analyse(corpus))


def test_removed_file_is_dropped(corpus, tmp_path):
    store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    (corpus / "c-records.json").unlink()
    got = store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    assert got.stored.analysed_files == 0 and got.stored.removed_files == 1
    assert "rec-1" not in set(got.articles.article_id) and "rec-1" not in got.texts
    assert not any(got.files.path.str.endswith("c-records.json"))
    assert_same_tables(got, analyse(corpus))


def test_file_replaced_then_restored(corpus, tmp_path):
    original = (corpus / "a-harbour.txt").read_text(encoding="utf-8")
    store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    (corpus / "a-harbour.txt").write_text("Changed\n\nEverything changed, he said.", encoding="utf-8")
    store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    (corpus / "a-harbour.txt").write_text(original, encoding="utf-8")
    got = store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    assert got.stored.analysed_files == 1
    assert_same_tables(got, analyse(corpus))
    parts = list((got.stored.folder / store.PARTS).iterdir())
    manifest = json.loads((got.stored.folder / store.MANIFEST).read_text())
    assert sorted(p.name for p in parts) == sorted(manifest["parts"])  # no orphan part left


class Interrupt(BaseException):
    pass


def test_interrupted_write_leaves_no_trusted_table(corpus, tmp_path, monkeypatch):
    calls = []
    real = store._write_table

    def dying(pq, table, path):
        calls.append(path)
        if len(calls) == 5:  # in the middle of a part
            raise Interrupt
        real(pq, table, path)

    monkeypatch.setattr(store, "_write_table", dying)
    monkeypatch.setattr(parallel, "make_batches",
                        lambda root, entries, workers: [parallel.Batch(i, root, [(r, why)])
                                                        for i, (r, why, _) in enumerate(entries)])
    with pytest.raises(Interrupt):
        store.update(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    folder = store.corpus_dir(corpus, store=tmp_path / "s")
    manifest = json.loads((folder / store.MANIFEST).read_text())
    done = {rel for rel, _, part, _ in manifest["files"]}
    for part in manifest["parts"]:  # only finished parts are named
        assert (folder / store.PARTS / part).is_dir()
    assert calls[4].parent.name.startswith(".tmp-")  # the half-written part was never renamed
    assert 0 < len(done) < len(ARTICLES)
    monkeypatch.setattr(store, "_write_table", real)
    got = store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    assert got.stored.analysed_files == len(ARTICLES) - len(done)  # finished files are reused
    assert_same_tables(got, analyse(corpus))
    assert not list((folder / store.PARTS).glob(".tmp-*"))


def test_code_change_invalidates_the_store(corpus, tmp_path, monkeypatch):
    store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    monkeypatch.setattr(store, "code_hash", lambda: "other code")
    got = store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    assert got.stored.analysed_files == len(ARTICLES)
    assert "code" in got.stored.rebuilt


def test_manifest_records_files_versions_and_options(corpus, tmp_path):
    got = store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True, skip=["framing"])
    m = json.loads((got.stored.folder / store.MANIFEST).read_text())
    assert m["code"] == store.code_hash() and m["library"]
    assert m["options"] == {"body_field": None, "skip": ["framing"]}
    files = {rel: fp for rel, fp, _, _ in m["files"]}
    size = len((corpus / "a-harbour.txt").read_bytes())
    assert files["a-harbour.txt"].startswith(f"{size}:") and len(files["a-harbour.txt"]) == len(f"{size}:") + 64
    assert files["README.md"].startswith("skip:")


def test_damaged_part_is_rebuilt_not_trusted(corpus, tmp_path):
    first = store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    victim = next((first.stored.folder / store.PARTS).glob("*/sentences.parquet"))
    victim.write_bytes(b"not parquet")
    with pytest.warns(UserWarning, match="damaged"):
        got = store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    assert_same_tables(got, analyse(corpus))


def test_skip_option_has_its_own_store(corpus, tmp_path):
    got = store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True, skip=["claims"])
    assert_same_tables(got, analyse(corpus, skip=["claims"]))
    assert got.links.empty and got.claims.empty
    full = store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    assert full.stored.analysed_files == len(ARTICLES) and len(full.claims)


def test_paths_are_spelled_as_the_caller_gave_them(corpus, tmp_path, monkeypatch):
    store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)  # stored via the absolute path
    monkeypatch.chdir(corpus.parent)
    got = store.load("corpus", store=tmp_path / "s", jobs=1, quiet=True)
    assert got.stored.analysed_files == 0  # same corpus, same store
    assert_same_tables(got, analyse("corpus"))
    assert got.files.path.iloc[0].startswith("corpus" + os.sep)


def test_single_file_corpus(corpus, tmp_path):
    got = store.load(corpus / "c-records.json", store=tmp_path / "s", jobs=1, quiet=True)
    assert_same_tables(got, analyse(corpus / "c-records.json"))
    assert len(got.articles) == 2


def test_empty_folder(tmp_path):
    (tmp_path / "none").mkdir()
    assert_same_tables(store.load(tmp_path / "none", store=tmp_path / "s", quiet=True), analyse(tmp_path / "none"))


def test_store_location(tmp_path, monkeypatch, corpus):
    monkeypatch.setenv("ANALYSIS_STORE", str(tmp_path / "env-store"))
    assert store.default_root() == tmp_path / "env-store"
    assert store.corpus_dir(corpus).parent == tmp_path / "env-store"
    monkeypatch.delenv("ANALYSIS_STORE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert store.default_root() == tmp_path / "cache" / "news-analysis"
    assert store.corpus_dir(corpus, body_field="x") != store.corpus_dir(corpus)


def test_unwritable_store_falls_back_to_a_temporary_one(corpus, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.warns(UserWarning, match="cannot write the analysis store"):
        got = store.load(corpus, store=blocker / "store", jobs=1, quiet=True)
    assert_same_tables(got, analyse(corpus))


def test_clear_removes_a_corpus_or_everything(corpus, tmp_path):
    got = store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    other = write_corpus(tmp_path / "other", {"x.txt": "X\n\nSomething happened, she said."})
    store.load(other, store=tmp_path / "s", jobs=1, quiet=True, skip=["framing"])
    assert store.clear(corpus, store=tmp_path / "s") == [got.stored.folder]
    assert len(list((tmp_path / "s").iterdir())) == 1
    assert store.clear(store=tmp_path / "s") == [tmp_path / "s"]
    assert not (tmp_path / "s").exists()


@pytest.mark.parametrize("values", [
    [1, 2, None], [0.5, None, -0.0, float("inf")], ["a", None, ""], [True, False, None],
    [None, None], [], [1, 2.5, None], [2**70, 1], [(1, 2), None], ["x", 3], [1, True],
])
def test_columns_round_trip_exactly(values):
    table = parallel.rows_table(["v"], [(v,) for v in values], list(range(len(values))))
    back = [r[0] for r in parallel.table_rows(table, ["v"])]
    assert back == values
    assert [type(v) for v in back] == [type(v) for v in values]
    assert [str(v) for v in back] == [str(v) for v in values]


def test_numpy_scalars_come_back_as_python_numbers():
    import numpy as np

    table = parallel.rows_table(["a", "b"], [(np.int64(3), np.float64(0.25))])
    assert parallel.table_rows(table, ["a", "b"]) == [(3, 0.25)]


def test_stale_temporary_parts_are_removed(corpus, tmp_path):
    got = store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    junk = got.stored.folder / store.PARTS / ".tmp-leftover"
    junk.mkdir()
    (junk / "sentences.parquet").write_bytes(b"half")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        again = store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    assert not junk.exists() and again.stored.analysed_files == 0
    shutil.rmtree(tmp_path / "s")


def test_analysis_load_and_export_load_are_store_load(corpus, tmp_path):
    import analysis
    import analysis.views.export as ax

    a = analysis.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    b = ax.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    assert a.stored.analysed_files == len(ARTICLES) and b.stored.analysed_files == 0
    assert_same_tables(a, b)
    assert analysis.map.load.iter_corpus  # still the loading module


def test_report_analyses_each_corpus_once_before_the_notebooks(corpus, tmp_path):
    from analysis.views import report

    root = report.analyse_corpora([corpus, corpus, None, tmp_path / "missing"], store=tmp_path / "s", jobs=1,
                                  quiet=True)
    assert root == (tmp_path / "s").resolve()
    again = store.load(corpus, store=root, jobs=1, quiet=True)  # what a notebook's load(CORPUS) does
    assert again.stored.analysed_files == 0


def test_stores_of_deleted_corpora_are_purged(tmp_path):
    gone = write_corpus(tmp_path / "temporary", {"x.txt": "X\n\nSomething happened, she said."})
    kept = write_corpus(tmp_path / "kept", {"y.txt": "Y\n\nSomething else happened, he said."})
    a = store.load(gone, store=tmp_path / "s", jobs=1, quiet=True).stored.folder
    b = store.load(kept, store=tmp_path / "s", jobs=1, quiet=True).stored.folder
    shutil.rmtree(gone)
    assert store.purge_orphans(tmp_path / "s") == [a]
    assert not a.exists() and b.exists()


def _dying_worker(batch, body_field=None, skip=frozenset()):
    """A worker process killed on the fourth batch (as by the OOM killer), once the first
    batches had time to finish."""
    if batch.index == 3:
        import time

        time.sleep(2)
        os._exit(9)
    return _REAL_ANALYSE_BATCH(batch, body_field, skip)


_REAL_ANALYSE_BATCH = parallel.analyse_batch


def test_a_killed_worker_is_a_clear_error_and_leaves_a_consistent_store(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "analyse_batch", _dying_worker)
    monkeypatch.setattr(parallel, "make_batches",
                        lambda root, entries, workers: [parallel.Batch(i, root, [(r, why)])
                                                        for i, (r, why, _) in enumerate(entries)])
    with pytest.raises(RuntimeError, match="worker process died"):
        store.update(corpus, store=tmp_path / "s", jobs=2, quiet=True)
    monkeypatch.undo()
    got = store.load(corpus, store=tmp_path / "s", jobs=1, quiet=True)
    assert 0 < got.stored.analysed_files < len(ARTICLES)  # the first batch was kept
    assert_same_tables(got, analyse(corpus))
