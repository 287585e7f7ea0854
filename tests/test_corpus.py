"""Corpus-level stages: the same rows in one process or split over workers, from memory or a store."""
from __future__ import annotations

import itertools
import random

import numpy as np
import pandas as pd
import pytest

from analysis.map import parallel
from analysis.corpus import links
from analysis import corpus, store
from analysis.config import ALLSIDES_DIR, SEEDS_DIR
from analysis.views.export import analyse
from analysis.tables import CORPUS_TABLES, TABLES


def _per_article(tables):
    return {name: tables[name] for name in TABLES if name not in CORPUS_TABLES}


@pytest.fixture(scope="module")
def allsides_sample(tmp_path_factory):
    """60 allsides-2015 articles (one story and its neighbours: links, facts, stories)."""
    if not ALLSIDES_DIR.is_dir():
        pytest.skip("shared allsides-2015 corpus not found")
    folder = tmp_path_factory.mktemp("allsides")
    for p in sorted(p for p in ALLSIDES_DIR.iterdir() if p.is_file() and not p.name.startswith("."))[:60]:
        (folder / p.name).symlink_to(p.resolve())
    return folder, analyse(folder)


@pytest.mark.parametrize("which", ["seeds", "allsides"])
def test_workers_give_the_rows_of_one_process(which, request):
    tables = analyse(SEEDS_DIR) if which == "seeds" else request.getfixturevalue("allsides_sample")[1]
    one = corpus.corpus_rows(_per_article(tables), tables.texts, jobs=1)
    two = corpus.corpus_rows(_per_article(tables), tables.texts, jobs=2)
    assert repr(one) == repr(two)  # (NaN shares in outlets: equal as text, as in the CSV)
    assert {"stories", "links", "facts", "outlets"} <= set(corpus.LAST_SECONDS)
    if which == "allsides":
        assert one["links"] and one["facts"] and len(one["stories"]) == len(tables.articles)


def test_texts_may_be_a_reader_called_by_each_stage():
    tables = analyse(SEEDS_DIR)
    calls = []

    def texts():
        calls.append(1)
        return tables.texts

    got = corpus.corpus_rows(_per_article(tables), texts, jobs=1)
    assert repr(got) == repr(corpus.corpus_rows(_per_article(tables), tables.texts, jobs=1))
    assert len(calls) == 2  # stories, links; neither keeps them


def test_a_store_reads_only_the_columns_asked_for(allsides_sample, tmp_path):
    folder, tables = allsides_sample
    with store.opened(folder, store=tmp_path / "s") as s:
        store.refresh(s, jobs=1, quiet=True)
        for name, cols in [("claims", ["text", "article_id"]), ("articles", ["path", "outlet"]),
                           ("quotes", ["speaker_gender"])]:
            pd.testing.assert_frame_equal(s.frame(name, cols), tables[name][cols], check_exact=True)
        with pytest.raises(KeyError):
            s.frame("claims", ["no such column"])


def _brute_pairs(keys, art, cap, min_shared, strong_prefix=""):
    df = {}
    for ks in keys:
        for k in set(ks):
            df[k] = df.get(k, 0) + 1
    out = {}
    for i, j in itertools.combinations(range(len(keys)), 2):
        if art[i] == art[j]:
            continue
        shared = {k for k in set(keys[i]) & set(keys[j]) if 2 <= df[k] <= cap}
        strong = any(k.startswith(strong_prefix) for k in shared) if strong_prefix else False
        weak = sum(1 for k in shared if not (strong_prefix and k.startswith(strong_prefix)))
        if weak >= min_shared or strong:
            out[(i, j)] = weak
    return out


@pytest.mark.parametrize("seed", range(4))
def test_candidate_pairs_are_every_pair_sharing_enough_keys(seed, monkeypatch):
    rng = random.Random(seed)
    monkeypatch.setattr(links, "_PAIR_BATCH", 7)  # many small batches
    n = 90
    vocab = [f"w{i}" for i in range(40)] + [f"n:{i}" for i in range(6)]
    keys = [rng.sample(vocab, rng.randint(0, 8)) for _ in range(n)]
    art = np.array([i // 3 for i in range(n)])
    got = links._candidate_pairs(keys, art, cap=12, min_shared=2, strong_prefix="n:")
    want = _brute_pairs(keys, art, 12, 2, "n:")
    assert [tuple(p) for p in got.tolist()] == sorted(want)
    pairs, shared = links._candidate_pairs(keys, art, cap=12, min_shared=2, counts=True)
    want = _brute_pairs(keys, art, 12, 2)
    assert [tuple(p) for p in pairs.tolist()] == sorted(want)
    assert shared.tolist() == [want[p] for p in sorted(want)]


@pytest.mark.parametrize("seed", range(3))
def test_flat_keys_pair_as_their_string_keys_do(seed):
    rng = random.Random(seed)
    n = 80
    vocab = [f"w{i}" for i in range(30)]
    keys = [rng.sample(vocab, rng.randint(0, 7)) for _ in range(n)]
    stories = [rng.choice(["s1", "s2", None]) for _ in range(n)]
    art = np.array([i // 4 for i in range(n)])
    flat = links._FlatKeys.of(keys)
    got = links._candidate_pairs(flat, art, cap=9, min_shared=2)
    assert got.tolist() == links._candidate_pairs(keys, art, cap=9, min_shared=2).tolist()
    # keys per story: a key counts within its story only; items of no story have none
    scoped = [[f"{st}|{k}" for k in ks] if st is not None else [] for ks, st in zip(keys, stories)]
    got = links._candidate_pairs(flat.scoped(stories), art, cap=9, min_shared=2)
    want = _brute_pairs(scoped, art, 9, 2)
    assert [tuple(p) for p in got.tolist()] == sorted(want) and want


@pytest.mark.parametrize("budget", [1, 5, 40])
def test_candidate_pairs_in_passes_are_those_of_one_pass(budget, monkeypatch):
    rng = random.Random(budget)
    n = 120
    vocab = [f"w{i}" for i in range(35)] + [f"n:{i}" for i in range(5)]
    keys = [rng.sample(vocab, rng.randint(0, 9)) for _ in range(n)]
    art = np.array([i // 3 for i in range(n)])
    one = links._candidate_pairs(keys, art, cap=15, min_shared=2, strong_prefix="n:")
    one_counted = links._candidate_pairs(keys, art, cap=15, min_shared=2, counts=True)
    flat = links._FlatKeys.of(keys)
    one_flat = links._candidate_pairs(flat, art, cap=15, min_shared=1)
    monkeypatch.setattr(links, "_PAIR_BUDGET", budget)
    bounds = []
    real = links._pass_bounds
    monkeypatch.setattr(links, "_pass_bounds", lambda *a: bounds.append(real(*a)) or bounds[-1])
    got = links._candidate_pairs(keys, art, cap=15, min_shared=2, strong_prefix="n:")
    assert len(bounds[-1]) > 3  # (several passes, really)
    assert got.tolist() == one.tolist() == [list(p) for p in sorted(_brute_pairs(keys, art, 15, 2, "n:"))]
    pairs, shared = links._candidate_pairs(keys, art, cap=15, min_shared=2, counts=True)
    assert pairs.tolist() == one_counted[0].tolist() and shared.tolist() == one_counted[1].tolist()
    assert links._candidate_pairs(flat, art, cap=15, min_shared=1).tolist() == one_flat.tolist()


@pytest.mark.parametrize("seed", range(3))
def test_profiles_cosine_is_the_dicts_cosine_bit_for_bit(seed):
    import math

    from analysis.map.claims import _cosine

    rng = random.Random(seed)
    vocab = [f"t{i}" for i in range(60)]
    art = sorted(rng.choice("abcdef") for _ in range(70))
    vecs = [{t: rng.random() for t in rng.sample(vocab, rng.randint(0, 12))} for _ in art]
    index = {t: k for k, t in enumerate(reversed(vocab))}  # (ids in another order than the terms')
    profiles = links._Profiles(vecs, art, index)
    want = {}  # the dicts, as the links built them before
    for vec, a in zip(vecs, art):
        acc = want.setdefault(a, {})
        for t, v in vec.items():
            acc[t] = acc.get(t, 0.0) + v
    for a, acc in want.items():
        norm = math.sqrt(sum(v * v for v in acc.values())) or 1.0
        want[a] = {t: v / norm for t, v in acc.items()}
    for a, b in itertools.product(sorted(want), repeat=2):
        assert profiles.cosine(a, b) == _cosine(want[a], want[b])
    assert 0.999 < profiles.cosine(art[0], art[0]) < 1.001


def test_pair_codes_span_several_buckets():
    n = 200_000  # 32-bit offsets: buckets of 21,474 first items
    p = links._PairCodes(n)
    a = np.array([0, 199_998, 21_474, 0, 150_000, 21_473], dtype=np.int64)
    b = np.array([5, 199_999, 21_475, 5, 150_001, 199_999], dtype=np.int64)
    p.add(a, b)
    codes, counts = p.unique_counts()
    assert codes.tolist() == sorted({int(x) * n + int(y) for x, y in zip(a, b)})
    assert counts.tolist() == [2, 1, 1, 1, 1]


def test_fork_call_runs_in_another_process_or_says_it_cannot():
    import os

    state = {"big": list(range(1000))}
    job = parallel.fork_call(lambda k: (os.getpid(), sum(state["big"]) + k), 5)  # a closure: not pickled
    if job is None:  # not Linux, or threads running
        pytest.skip("fork is not safe here")
    pid, value = job.result()
    assert value == sum(range(1000)) + 5 and pid != os.getpid()
