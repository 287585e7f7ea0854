"""Links between claims of different articles: the corpus-level evidence table.

Claims that state the same thing (``agree``: shared words, a coded event, or a paraphrase
through :mod:`analysis.corpus.paraphrase`), numbers that conflict (``number_conflict``),
quotes reused from one wire story (``reused_quote``) and identical passages
(``shared_passage``), found within candidate groups (blocking), never over all pairs.
The claims themselves are :mod:`analysis.map.claims` (per article).
"""
from __future__ import annotations

import bisect
import gc
import math
import re
import sys
from collections import Counter, defaultdict
from contextlib import contextmanager
from functools import lru_cache
from typing import Callable, Iterable, Optional, Sequence

import numpy as np
import pandas as pd

from ..map.events import ANAPHOR_HEADS
from ..map.claims import (NUMBER_MIN_SIMILARITY, _Info, _NONE, _WORD, _conflicts, _content_share,
    _content_terms, _cosine, _frozen, _same_event, build_claims, claim_rows, claims_frame,
    fallback_quote_spans, front_stretches, links_frame, parse_numbers)

# --------------------------------------------------------------------------- settings

LINK_KINDS = ("agree", "number_conflict", "reused_quote", "shared_passage")
EDGE_COLUMNS = ("source_node", "target_node", "kind", "target_type", "weight", "directed", "evidence")
ORIGIN_COLUMNS = ("group", "kind", "articles", "n_articles", "text", "likely_origin", "basis")
AGREE_MIN_SCORE = 0.45  # cosine for `agree`
AGREE_MIN_SHARED_TERMS = 3  # ... sharing at least this many terms (two short sentences can share two by chance)
AGREE_MIN_CONTENT_SHARE = 0.5  # ... of which at least this share from words that are not names
EVENT_MIN_SCORE = 0.1  # `agree` through a shared coded event (analysis.map.events) still needs this cosine
ARTICLE_MIN_SIMILARITY = 0.25  # ... and from articles about one story (cosine of their word profiles)
NUMBER_MAX_DAYS = 7  # articles published further apart report different moments, not a conflict
QUOTE_MIN_WORDS = 8  # shorter quote of a reused pair has at least this many words ...
QUOTE_MIN_WORDS_SAME_SPEAKER = 5  # ... or this many when both name the same speaker
QUOTE_MIN_SCORE = 0.8  # share of the shorter quote's character 5-grams found in the other
PASSAGE_MIN_WORDS = 20  # shared_passage: identical run of at least this many words
PASSAGE_SHINGLE = 8  # words per shingle when looking for shared passages
KEY_DF_CAP_MIN = 60  # blocking: a key in more claims than max(this, KEY_DF_CAP_FRAC * claims)
KEY_DF_CAP_FRAC = 0.002  #   is too common to block on
PASSAGE_DF_CAP = 25  # a shingle in more articles than this is site furniture, not a passage
_PLAIN_WORD = re.compile(r"[a-z0-9]+")
_BRACKETED = re.compile(r"\([^()]{0,60}\)|\[[^\[\]]{0,80}\]")


# --------------------------------------------------------------------------- blocking

class _FlatKeys:
    """Items' blocking keys as integers: ``codes`` (one per key of each item, item after item;
    0, 1, 2, ... in order of first appearance) and ``sizes`` (keys per item).
    :func:`_candidate_pairs` reads them as it reads lists of keys, and :meth:`scoped` makes
    keys per story without a string per (story, key).

    >>> fk = _FlatKeys.of([["isis", "~target"], ["isis"], ["isis"]])
    >>> fk.codes.tolist(), fk.sizes.tolist()
    ([0, 1, 0, 0], [2, 1, 1])
    >>> st = fk.scoped(["1", "2", None])
    >>> st.codes.tolist(), st.sizes.tolist()  # isis and ~target in story 1, isis in story 2
    ([0, 1, 2], [2, 1, 0])
    """

    __slots__ = ("codes", "sizes")

    def __init__(self, codes: np.ndarray, sizes: np.ndarray) -> None:
        self.codes, self.sizes = codes, sizes

    def __len__(self) -> int:
        return len(self.sizes)

    @classmethod
    def of(cls, keys: Sequence[Sequence]) -> "_FlatKeys":
        sizes = np.fromiter((len(ks) for ks in keys), dtype=np.int64, count=len(keys))
        total = int(sizes.sum())
        flat = np.fromiter((k for ks in keys for k in ks), dtype=object, count=total)
        codes = pd.factorize(flat, sort=False)[0].astype(np.int64) if total else np.zeros(0, np.int64)
        return cls(codes, sizes)

    def scoped(self, stories: Sequence[Optional[str]]) -> "_FlatKeys":
        """Each item's keys within its story (item i's story ``stories[i]``): a key counts
        within one story only; items of no story (None) get no keys."""
        story = pd.factorize(pd.Series(list(stories), dtype=object))[0].astype(np.int64)  # None: -1
        per_key = np.repeat(story, self.sizes)
        keep = per_key >= 0
        width = int(self.codes.max()) + 1 if len(self.codes) else 1
        codes = pd.factorize(per_key[keep] * width + self.codes[keep], sort=False)[0].astype(np.int64)
        return _FlatKeys(codes, np.where(story >= 0, self.sizes, 0))


def _candidate_pairs(keys, article_of: np.ndarray, *, cap: int,
                     min_shared: int, strong_prefix: str = "", counts: bool = False):
    """Pairs (i < j, different articles) sharing >= min_shared keys (or one strong key).

    ``keys``: per item its keys (a list of lists), or a :class:`_FlatKeys` (no strong keys).
    An inverted index over keys; keys held by more than ``cap`` items are skipped.
    Returns an (n, 2) int array, sorted (and the shared-key counts when ``counts``).
    The pairs found key by key are kept as 32-bit codes in buckets of first items
    (:class:`_PairCodes`), so memory stays at half the occurrences' 64-bit codes; and when
    there are more than _PAIR_BUDGET of them, they are made in passes over ranges of first
    items (:func:`_pass_bounds`), each pass counted and let go of before the next.
    """
    n = len(keys)
    flat_keys = isinstance(keys, _FlatKeys)
    sizes = keys.sizes if flat_keys else np.fromiter((len(ks) for ks in keys), dtype=np.int64, count=n)
    found, found_counts, found_strong = [], [], []
    if sizes.sum():
        if flat_keys:  # (already dense codes)
            if strong_prefix:
                raise ValueError("strong keys need keys as strings, not _FlatKeys")
            codes, uniq = keys.codes.astype(np.int32), range(int(keys.codes.max()) + 1)
        else:
            flat = np.fromiter((k for ks in keys for k in ks), dtype=object, count=int(sizes.sum()))
            codes, uniq = pd.factorize(flat, sort=False)
            del flat
            codes = codes.astype(np.int32)
        owner = np.repeat(np.arange(n, dtype=np.int32), sizes)
        order = np.argsort(codes, kind="stable")  # postings: items in ascending order per key
        posting = owner[order]
        del owner, order
        n_keys = len(uniq)
        df = np.bincount(codes, minlength=n_keys)
        del codes
        first = np.concatenate([[0], np.cumsum(df)[:-1]])
        usable = (df >= 2) & (df <= cap)
        if strong_prefix:
            strong = np.fromiter((isinstance(k, str) and k.startswith(strong_prefix) for k in uniq),
                                 dtype=bool, count=n_keys)
        else:
            strong = np.zeros(n_keys, dtype=bool)
        del uniq
        art = np.asarray(article_of)
        # per posting: the pairs it is the first item of (the later postings of its key), and
        # whether its key is paired (1), strongly (2), or not at all (0)
        as_first = np.repeat((first + df).astype(np.int32), df)
        as_first -= np.arange(1, len(posting) + 1, dtype=np.int32)
        kind = np.repeat(np.where(usable, np.where(strong, 2, 1), 0).astype(np.int8), df)
        as_first[kind == 0] = 0
        del df, first, usable, strong
        bounds = _pass_bounds(posting, as_first, n)
        for lo, hi in zip(bounds[:-1], bounds[1:]):
            chunks, strong_chunks = _PairCodes(n), _PairCodes(n)
            in_pass = as_first > 0
            if len(bounds) > 2:
                in_pass &= (posting >= lo) & (posting < hi)
            for which, out in ((1, chunks), (2, strong_chunks)):
                rows = np.flatnonzero(in_pass & (kind == which))
                _add_pairs(out, rows, as_first[rows], posting, art)
            del in_pass
            if chunks:
                c, k = chunks.unique_counts(repeated=min_shared >= 2, at_least=min_shared)
                found.append(c)
                found_counts.append(k)
            if strong_chunks and not counts:
                found_strong.append(strong_chunks.unique_counts()[0])
            del chunks, strong_chunks
        del posting, art, as_first, kind
    if counts:
        if not found:
            return np.zeros((0, 2), dtype=np.int64), np.zeros(0, dtype=np.int64)
        return _split_codes(np.concatenate(found), n), np.concatenate(found_counts)
    del found_counts
    if not found and not found_strong:
        return np.zeros((0, 2), dtype=np.int64)
    # (each pass's codes are sorted and above the last pass's: the passes' union is in order)
    codes = np.concatenate(found) if found else np.zeros(0, dtype=np.int64)
    if found_strong:
        codes = _unique_counts(np.concatenate([codes, *found_strong]))[0]
    del found, found_strong
    release_memory()  # (the postings and pair buckets: freed, but kept by the heap until trimmed)
    return _split_codes(codes, n)


def _pass_bounds(posting: np.ndarray, as_first: np.ndarray, n: int) -> list[int]:
    """First items' ranges [b[k], b[k + 1]) of :func:`_candidate_pairs`'s passes: each makes
    about _PAIR_BUDGET pairs (before the same-article pairs are dropped), one pass when all do
    fit. ``posting[x]`` is the first item of ``as_first[x]`` pairs."""
    total = int(as_first.sum(dtype=np.int64))
    if total <= _PAIR_BUDGET:
        return [0, n]
    per_item = np.cumsum(np.bincount(posting, weights=as_first, minlength=n))
    cuts = np.searchsorted(per_item, np.arange(1, -(-total // _PAIR_BUDGET)) * _PAIR_BUDGET, side="right")
    return sorted({0, n, *cuts.tolist()})


def _add_pairs(out: "_PairCodes", rows: np.ndarray, n_pairs: np.ndarray, posting: np.ndarray,
               art: np.ndarray) -> None:
    """Add to ``out`` the pairs (posting[x], posting[y]) of different articles, for each x of
    ``rows`` and the ``n_pairs`` places y after it (the later postings of its key), at most
    about _PAIR_BATCH at a time (bounded temporaries)."""
    ends = np.cumsum(n_pairs, dtype=np.int64)
    lo = 0
    while lo < len(rows):
        base = int(ends[lo - 1]) if lo else 0
        hi = max(lo + 1, int(np.searchsorted(ends, base + _PAIR_BATCH, side="right")))
        c = n_pairs[lo:hi]
        x = np.repeat(rows[lo:hi], c)
        y = np.arange(1, len(x) + 1, dtype=np.int64) + x
        y -= np.repeat(ends[lo:hi] - base - c, c)
        a, b = posting[x], posting[y]
        del x, y
        keep = art[a] != art[b]
        out.add(a[keep], b[keep])
        lo = hi


def _split_codes(codes: np.ndarray, n: int) -> np.ndarray:
    """The pairs (code // n, code % n) of item-pair codes, as an (m, 2) int64 array (written in
    place: no temporary columns)."""
    out = np.empty((len(codes), 2), dtype=np.int64)
    np.floor_divide(codes, n, out=out[:, 0])
    np.remainder(codes, n, out=out[:, 1])
    return out


def _iter_pairs(pairs: np.ndarray, chunk: int = 1 << 16):
    """The rows of an (n, 2) array as [i, j] lists, a chunk at a time (not all n at once)."""
    for lo in range(0, len(pairs), chunk):
        yield from pairs[lo:lo + chunk].tolist()


#: Item pairs made at a time by _candidate_pairs (bounds its temporary arrays).
_PAIR_BATCH = 1 << 19
#: Item pairs _candidate_pairs holds at most (about) before counting them: more, and it makes
#: them in passes (4 bytes a pair: 16 MB of pair codes at a time).
_PAIR_BUDGET = 1 << 22


class _PairCodes:
    """Item pairs (a < b of n items) collected in buckets of ``a``, each pair as the 32-bit
    offset of its code ``a * n + b`` from its bucket's first code; :meth:`unique_counts`
    gives the distinct codes (int64, sorted) with their counts, bucket by bucket.

    >>> p = _PairCodes(3)
    >>> p.add(np.array([0, 1, 0]), np.array([2, 2, 2]))
    >>> [c.tolist() for c in p.unique_counts()]
    [[2, 5], [2, 1]]
    """

    def __init__(self, n: int) -> None:
        self.n = max(1, n)
        self.width = max(1, int(np.iinfo(np.uint32).max) // self.n)  # first items per bucket
        self.buckets: dict[int, list[np.ndarray]] = defaultdict(list)

    def __bool__(self) -> bool:
        return bool(self.buckets)

    def add(self, a: np.ndarray, b: np.ndarray) -> None:
        if not len(a):
            return
        a, b = a.astype(np.int64, copy=False), b.astype(np.int64, copy=False)  # (a * n: 64-bit, not wrapped)
        bucket = a // self.width
        lo, hi = int(bucket.min()), int(bucket.max())
        for k in range(lo, hi + 1):
            sel = bucket == k if lo != hi else slice(None)
            off = (a[sel] - k * self.width) * self.n + b[sel]
            if len(off):
                self.buckets[k].append(off.astype(np.uint32))

    def unique_counts(self, repeated: bool = False, at_least: int = 1) -> tuple[np.ndarray, np.ndarray]:
        codes, counts = [], []
        for k in sorted(self.buckets):
            values = np.concatenate(self.buckets.pop(k))
            u, c = _unique_counts(values, repeated=repeated)
            keep = c >= at_least
            codes.append(u[keep].astype(np.int64) + k * self.width * self.n)
            counts.append(c[keep])
        if not codes:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(codes), np.concatenate(counts)


def _unique_counts(values: np.ndarray, repeated: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """np.unique(values, return_counts=True), sorting in place (values is a scratch array);
    only the values seen more than once when ``repeated``."""
    values.sort()
    if not len(values):
        return values, np.zeros(0, dtype=np.int64)
    if repeated:
        values = values[:-1][values[1:] == values[:-1]]  # each repeat once per extra copy
        if not len(values):
            return values, np.zeros(0, dtype=np.int64)
    first = np.flatnonzero(np.concatenate([[True], values[1:] != values[:-1]]))
    n = np.diff(np.append(first, len(values)))
    return values[first], n + 1 if repeated else n


def _distinct(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)``, by sorting: numpy's hashing unique is many times slower on
    large integer arrays."""
    values = np.sort(values)
    if not len(values):
        return values
    return values[np.concatenate([[True], values[1:] != values[:-1]])]


@lru_cache(maxsize=16)  # (all sizes up to a cap of 280 would hold 56 MB)
def _triu(size: int) -> tuple[np.ndarray, np.ndarray]:
    return tuple(ix.astype(np.int32) for ix in np.triu_indices(size, 1))


class _KeyRows:
    """Each item's distinct keys as one sorted array of codes ``item * n_keys + key id`` (with a
    value per key): what two items share is found for many pairs at once (:meth:`shared`).

    >>> rows = _KeyRows([{"a": 1.0, "b": 2.0}, {"b": 3.0, "c": 1.0}, {}])
    >>> hit, x, y = rows.shared(np.array([0, 0]), np.array([1, 2]))
    >>> hit.tolist(), (rows.values[x] * rows.values[y]).tolist()
    ([0], [6.0])
    """

    def __init__(self, items: Sequence, values: bool = True) -> None:
        """``items``: per item its keys (a dict of key -> value when ``values``)."""
        sizes = np.fromiter((len(ks) for ks in items), dtype=np.int64, count=len(items))
        total = int(sizes.sum())
        ids: dict = {}
        key_ids = np.fromiter((ids.setdefault(k, len(ids)) for ks in items for k in ks),
                              dtype=np.int64, count=total)
        self.index = ids  # key -> id
        self.width = max(1, len(ids))
        owner = np.repeat(np.arange(len(items), dtype=np.int64), sizes)
        codes = owner * self.width + key_ids
        order = np.argsort(codes, kind="stable")
        self.codes = codes[order]
        self.sizes = sizes
        self.first = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
        self.values = (np.fromiter((v for ks in items for v in ks.values()), dtype=np.float64,
                                   count=total)[order] if values else None)

    def key_of(self, at) -> np.ndarray:
        """The key ids of the codes at ``at`` (not stored: codes are item * width + key id)."""
        return self.codes[at] % self.width

    def shared(self, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The keys pairs (i[p], j[p]) share: (p, place of the key in i's row, in j's row) per
        shared key, as indices into ``codes``/``values``. Each key of the shorter row of a pair
        is looked up in the other's (a binary search over all codes)."""
        if not len(self.codes):
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        swap = self.sizes[i] > self.sizes[j]
        short, long_ = np.where(swap, j, i), np.where(swap, i, j)
        n = self.sizes[short]
        p = np.repeat(np.arange(len(i), dtype=np.int64), n)
        at = np.repeat(self.first[short] - np.cumsum(n) + n, n) + np.arange(int(n.sum()), dtype=np.int64)
        wanted = long_[p] * self.width + self.key_of(at)
        found = np.minimum(np.searchsorted(self.codes, wanted), len(self.codes) - 1)
        hit = self.codes[found] == wanted
        p, at, found = p[hit], at[hit], found[hit]
        s = swap[p]
        return p, np.where(s, found, at), np.where(s, at, found)


class _Profiles:
    """Articles' word profiles: each article's claim term vectors summed, normalised to length 1,
    held as arrays (term ids in the order a dict of them would have, their values, and the
    order that sorts the ids) rather than as a dict per article: a third of the memory.
    :meth:`cosine` is ``_cosine`` of the two dicts bit for bit (the same products, summed in
    the same order by ``sum``).

    >>> p = _Profiles([{"a": 1.0}, {"b": 2.0}, {"a": 3.0, "b": 4.0}], ["x", "x", "y"], {"a": 0, "b": 1})
    >>> p.cosine("x", "y") == _cosine({"a": 1 / 5 ** 0.5, "b": 2 / 5 ** 0.5}, {"a": 0.6, "b": 0.8})
    True
    """

    def __init__(self, vecs: Sequence[dict], art: Sequence[str], index: dict) -> None:
        """``vecs``: the claims' term vectors; ``art``: each claim's article; ``index``: term -> id
        for every term of the vectors."""
        by_article: dict[str, list[int]] = defaultdict(list)
        for i, a in enumerate(art):
            by_article[a].append(i)
        self.rows: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        for a, claims in by_article.items():
            acc: dict[str, float] = {}
            for i in claims:
                for t, v in vecs[i].items():
                    acc[t] = acc.get(t, 0.0) + v
            norm = math.sqrt(sum(v * v for v in acc.values())) or 1.0
            ids = np.fromiter((index[t] for t in acc), dtype=np.int32, count=len(acc))
            values = np.fromiter((v / norm for v in acc.values()), dtype=np.float64, count=len(acc))
            self.rows[a] = (ids, values, np.argsort(ids).astype(np.int32))

    def cosine(self, a: str, b: str) -> float:
        """``_cosine`` of the two articles' profiles: the shorter one's terms in its order, each
        value times the other's (0.0 without it), added up from left to right."""
        ids_a, values_a, _ = self.rows[a]
        ids_b, values_b, order_b = self.rows[b]
        if len(ids_a) > len(ids_b):
            ids_a, values_a, ids_b, values_b, order_b = ids_b, values_b, ids_a, values_a, self.rows[a][2]
        if not len(ids_a):
            return sum([])
        at = order_b[np.minimum(np.searchsorted(ids_b, ids_a, sorter=order_b), len(ids_b) - 1)]
        other = np.where(ids_b[at] == ids_a, values_b[at], 0.0)
        return sum((values_a * other).tolist())


def _agree_candidates(pairs: np.ndarray, infos: Sequence[_Info], vec_rows: _KeyRows, *,
                      min_score: float, min_sim_numbers: float) -> np.ndarray:
    """The pairs that pass the first tests of :func:`_link_rows`'s claim loop, all at once: both
    claims give numbers or they share AGREE_MIN_SHARED_TERMS terms, and the dot product of their
    term vectors is at least min_sim_numbers (both give numbers) or min_score. The products are
    summed in another order than the loop's (whose own test allows 1e-9 for that), so this keeps
    pairs up to _SUM_SLACK under the threshold: a superset, which the loop then tests exactly."""
    if not len(pairs):
        return pairs
    rows = vec_rows
    has_numbers = np.fromiter((bool(info.numbers) for info in infos), dtype=bool, count=len(infos))
    keep = []
    for lo in range(0, len(pairs), _FILTER_BATCH):
        i, j = pairs[lo:lo + _FILTER_BATCH, 0], pairs[lo:lo + _FILTER_BATCH, 1]
        hit, x, y = rows.shared(i, j)
        n_shared = np.bincount(hit, minlength=len(i))
        dot = np.bincount(hit, weights=rows.values[x] * rows.values[y], minlength=len(i))
        both = has_numbers[i] & has_numbers[j]
        threshold = np.where(both, min_sim_numbers, min_score)
        keep.append(lo + np.flatnonzero((both | (n_shared >= AGREE_MIN_SHARED_TERMS))
                                        & (dot >= threshold - _SUM_SLACK)))
    return pairs[np.concatenate(keep)]


#: Pairs tested at a time by the vectorised pre-filters (bounds their temporary arrays).
_FILTER_BATCH = 1 << 16
#: How far under a threshold a vectorised pre-filter keeps a sum (its float sums are in
#: another order than the exact test's: they differ by ~1e-16, far less than this).
_SUM_SLACK = 1e-6


# --------------------------------------------------------------------------- quotes

def _squash_words(text: str) -> list[str]:
    """Lower-case words of a quote with bracketed insertions dropped."""
    return _PLAIN_WORD.findall(_BRACKETED.sub(" ", text.lower().replace("’", "'")))


def _shingles(squashed: str, n: int = 5) -> set[str]:
    return {squashed[i:i + n] for i in range(max(1, len(squashed) - n + 1))}


def quote_similarity(quote_a: str, quote_b: str) -> float:
    """Share of the shorter quote's character 5-grams (letters and digits only, bracketed
    insertions dropped) found in the other: 1.0 for 'air strikes' vs 'airstrikes'.

    >>> quote_similarity("Russian air strikes hit the (rebel) army", "Russian airstrikes hit the army")
    1.0
    """
    return _shingle_score(_shingles("".join(_squash_words(quote_a))),
                          _shingles("".join(_squash_words(quote_b))))


def _shingle_score(sa: set, sb: set) -> float:
    if not sa or not sb or sa == {""} or sb == {""}:
        return 0.0
    return round(len(sa & sb) / min(len(sa), len(sb)), 3)


def _quote_links(quotes: list[tuple], cap: int) -> list[tuple]:
    """[(i, j, score)] for reused quotes; quotes are (article, start, end, text, speaker)."""
    words = [_squash_words(q[3]) for q in quotes]
    keys = [sorted({a + " " + b for a, b in zip(w, w[1:])}) for w in words]
    arts = np.array([q[0] for q in quotes], dtype=object)
    art_codes = pd.factorize(arts)[0] if len(quotes) else np.zeros(0, dtype=np.int64)
    out = []
    shingles: dict[int, set] = {}
    pairs, shared = _candidate_pairs(keys, art_codes, cap=cap, min_shared=2, counts=True)
    for (i, j), k in zip(_iter_pairs(pairs), shared.tolist()):
        short = min(len(words[i]), len(words[j]))
        if k < 0.5 * (short - 1):
            continue  # most of the shorter quote's word pairs must recur
        same_speaker = bool(quotes[i][4]) and quotes[i][4] == quotes[j][4]
        if short < (QUOTE_MIN_WORDS_SAME_SPEAKER if same_speaker else QUOTE_MIN_WORDS):
            continue
        for x in (i, j):
            if x not in shingles:
                shingles[x] = _shingles("".join(words[x]))
        score = _shingle_score(shingles[i], shingles[j])
        if score >= QUOTE_MIN_SCORE:
            out.append((i, j, score))
    return out


# --------------------------------------------------------------------------- passages

def _passage_links(segments: dict[str, list[tuple[int, str]]], *, min_words: int,
                   df_cap: int) -> list[tuple]:
    """Runs of >= min_words identical words between articles.

    ``segments[article] = [(offset, text), ...]``. Returns
    [(article_a, start_a, end_a, article_b, start_b, end_b, words, score)].
    """
    k = PASSAGE_SHINGLE
    arts = sorted(segments)
    # word ids in order of first appearance, segment by segment (no list of every word);
    # words contain no spaces: a segment's are lower-cased in one go
    vocab: dict[str, int] = {}
    pieces: list[np.ndarray] = []
    n_words = []
    batch: list[str] = []

    def flush() -> None:  # a batch's words coded at once, its distinct words given global ids
        codes, uniq = pd.factorize(np.asarray(batch, dtype=object))
        ids_ = np.fromiter((vocab.setdefault(w, len(vocab)) for w in uniq), dtype=np.int64, count=len(uniq))
        pieces.append(ids_[codes])
        batch.clear()

    for aid in arts:
        count = 0
        for _, seg in segments[aid]:
            found = _WORD.findall(seg)
            if found:
                lowered = " ".join(found).lower().replace("’", "'").split(" ")
                batch.extend(lowered)
                count += len(lowered)
                if len(batch) >= _WORD_BATCH:
                    flush()
        n_words.append(count)
    if batch:
        flush()
    if not pieces:
        return []
    n_words = np.asarray(n_words, dtype=np.int64)
    n_sh = np.maximum(n_words - k + 1, 0)
    if not n_sh.sum():
        return []
    ids = np.concatenate(pieces)
    del pieces, vocab
    first_word = np.concatenate([[0], np.cumsum(n_words)[:-1]])
    own = np.repeat(np.arange(len(arts), dtype=np.int64), n_sh)
    at = np.arange(int(n_sh.sum()), dtype=np.int64)  # index of each shingle's first word:
    at += np.repeat(first_word - (np.cumsum(n_sh) - n_sh), n_sh)  # (its article's words, then its place)
    h = _shingle_hash(ids, at, k)
    order = np.argsort(h, kind="stable")  # by shingle, then article, then position
    h = h[order]  # (one array at a time: four copies of millions of shingles at once weigh)
    own = own[order]
    at = at[order]
    del order
    same = h[1:] == h[:-1]
    if same.any():  # a 64-bit hash can collide: check the words, and rank exactly if it did
        x = np.flatnonzero(same)
        if any((ids[at[x] + j] != ids[at[x + 1] + j]).any() for j in range(k)):
            h = _shingle_rank(ids, at, k)
            order = np.argsort(h, kind="stable")
            h, own, at = h[order], own[order], at[order]
    del same, ids
    ps = at - first_word[own]  # each shingle's place in its article
    del at
    new_group = np.concatenate([[True], h[1:] != h[:-1]])
    starts = np.flatnonzero(new_group)
    sizes = np.diff(np.append(starts, len(h)))
    new_art = new_group | np.concatenate([[True], own[1:] != own[:-1]])
    n_arts = np.add.reduceat(new_art.astype(np.int64), starts)
    ok = (sizes >= 2) & (n_arts >= 2) & (n_arts <= df_cap)
    pa_parts, pb_parts, a_parts, b_parts = [], [], [], []
    for size in _distinct(sizes[ok]).tolist():
        block = starts[ok & (sizes == size)][:, None] + np.arange(size)
        ii, jj = _triu(size)
        x, y = block[:, ii].ravel(), block[:, jj].ravel()
        keep = own[x] != own[y]  # sorted by article: own[x] < own[y]
        x, y = x[keep], y[keep]
        a_parts.append(own[x]); b_parts.append(own[y]); pa_parts.append(ps[x]); pb_parts.append(ps[y])
    if not a_parts:
        return []
    A, B = np.concatenate(a_parts), np.concatenate(b_parts)
    PA, PB = np.concatenate(pa_parts), np.concatenate(pb_parts)
    # article pairs with enough matched shingles
    pair = A * len(arts) + B
    order = np.lexsort((PA, PB - PA, pair))
    pair, PA, PB = pair[order], PA[order], PB[order]
    bounds = np.flatnonzero(np.concatenate([[True], pair[1:] != pair[:-1]]))
    counts = np.diff(np.append(bounds, len(pair)))
    enough = np.repeat(counts + k - 1 >= min_words, counts)
    pair, PA, PB = pair[enough], PA[enough], PB[enough]
    if not len(pair):
        return []
    # runs: consecutive positions on one diagonal of one article pair
    D = PB - PA
    run_start = np.concatenate([[True], (pair[1:] != pair[:-1]) | (D[1:] != D[:-1]) | (PA[1:] != PA[:-1] + 1)])
    rs = np.flatnonzero(run_start)
    re_ = np.append(rs[1:], len(pair)) - 1
    run_pair = pair[rs].tolist()
    run_rows = zip(PA[rs].tolist(), PA[re_].tolist(), PB[rs].tolist(), PB[re_].tolist(),
                   (re_ - rs + 1).tolist())
    by_pair: dict[int, list[list[int]]] = defaultdict(list)
    for p, r in zip(run_pair, run_rows):
        by_pair[p].append(list(r))
    toks: dict[int, list[tuple[int, int]]] = {}

    def spans_of(ai: int) -> list[tuple[int, int]]:
        if ai not in toks:
            toks[ai] = [(off + m.start(), off + m.end()) if off else m.span()
                        for off, seg in segments[arts[ai]] for m in _WORD.finditer(seg)]
        return toks[ai]

    out = []
    for p in sorted(by_pair):
        a, b = divmod(p, len(arts))
        runs = by_pair[p]
        runs.sort()
        merged = []  # join runs split by a changed or inserted word
        for r in runs:
            if merged and 0 <= r[0] - merged[-1][1] <= k + 3 and 0 <= r[2] - merged[-1][3] <= k + 3:
                merged[-1][1] = max(merged[-1][1], r[1])
                merged[-1][3] = max(merged[-1][3], r[3])
                merged[-1][4] += r[4]
            else:
                merged.append(list(r))
        used_b: list[tuple[int, int]] = []
        for sa, ea, sb, eb, n_match in sorted(merged, key=lambda r: -(r[1] - r[0])):
            words = ea - sa + k
            if words < min_words:
                continue
            if any(sb < ub1 and eb + k > ub0 for ub0, ub1 in used_b):
                continue  # the same text of b already matched a longer stretch of a
            used_b.append((sb, eb + k))
            ta, tb = spans_of(a), spans_of(b)
            score = round(min(1.0, (n_match + k - 1) / max(words, eb - sb + k)), 3)
            out.append((arts[a], ta[sa][0], ta[ea + k - 1][1], arts[b], tb[sb][0], tb[eb + k - 1][1],
                        words, score))
    return out


#: Words coded at a time by _passage_links (the ids are the same as one by one: in order of
#: first appearance).
_WORD_BATCH = 1 << 16


def _shingle_hash(ids: np.ndarray, at: np.ndarray, k: int) -> np.ndarray:
    """A 64-bit hash of the k words from each position ``at`` (splitmix64 of each word id
    and its place in the shingle, summed)."""
    h = np.zeros(len(at), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for lo in range(0, len(at), _HASH_BATCH):  # (bounded temporaries)
            part, hp = at[lo:lo + _HASH_BATCH], h[lo:lo + _HASH_BATCH]
            for j in range(k):
                z = ids[part + j].astype(np.uint64) * np.uint64(k) + np.uint64(j) + np.uint64(0x9E3779B97F4A7C15)
                z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
                z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
                hp += z ^ (z >> np.uint64(31))
    return h


_HASH_BATCH = 1 << 18


def _shingle_rank(ids: np.ndarray, at: np.ndarray, k: int) -> np.ndarray:
    """An exact id of the k words from each position ``at`` (ranks of word pairs, then of
    pairs of pairs, ...)."""
    rank, width = ids, 1
    while width < k:
        step = min(width, k - width)
        left, right = rank[:-step], rank[step:]
        rank = np.unique(left * (int(rank.max()) + 1) + right, return_inverse=True)[1].astype(np.int64)
        width += step
    return rank[at]


# --------------------------------------------------------------------------- links

def _quotes_from_frame(quotes: Optional[pd.DataFrame], texts: Optional[dict],
                       claims: pd.DataFrame) -> list[tuple]:
    """(article, start, end, text, speaker) of every quote; quotation-mark fallback when none."""
    out = []
    if quotes is not None and len(quotes):
        text_col = "quote" if "quote" in quotes.columns else "text"
        speakers = quotes["speaker"] if "speaker" in quotes.columns else [None] * len(quotes)
        for aid, s, e, t, sp in zip(quotes["article_id"], quotes["start"], quotes["end"],
                                    quotes[text_col], speakers):
            out.append((str(aid), int(s), int(e), str(t), sp if isinstance(sp, str) else None))
    elif texts:
        for aid in sorted(set(claims["article_id"].astype(str))):
            t = texts.get(aid, "")
            out.extend((aid, s, e, t[s:e], None) for s, e in fallback_quote_spans(t))
    else:
        for aid, s0, t in zip(claims["article_id"], claims["start"], claims["text"]):
            out.extend((str(aid), s0 + s, s0 + e, t[s:e], None) for s, e in fallback_quote_spans(t))
    return sorted(set(out), key=lambda q: (q[0], q[1], q[2]))


def _interner() -> Callable:
    """A function giving, for each value, the first equal value it was given: equal items then
    share one object (an article id repeated on each of its claims, a set of actors repeated on
    neighbouring claims, is held once).

    >>> one = _interner()
    >>> one("x" * 3) is one("".join(["x"] * 3))
    True
    """
    canon: dict = {}
    return lambda v: canon.setdefault(v, v)


def _split_cell(cell) -> Sequence[str]:
    """The items of a ';'-joined cell (an empty tuple, shared, when there are none)."""
    return [x for x in cell.split(";") if x] if isinstance(cell, str) and cell else ()


def link_rows(claims: pd.DataFrame, quotes: Optional[pd.DataFrame] = None,
              texts: Optional[dict[str, str]] = None, *, min_score: float = AGREE_MIN_SCORE,
              number_min_similarity: float = NUMBER_MIN_SIMILARITY,
              passage_min_words: int = PASSAGE_MIN_WORDS,
              published: Optional[dict[str, str]] = None,
              number_max_days: int = NUMBER_MAX_DAYS,
              story_of: Optional[dict[str, str]] = None, jobs: int = 1,
              reuse: Optional[Callable[[], tuple]] = None) -> list[tuple]:
    """Links between articles (LINK_COLUMNS order), sorted by kind, articles and offsets.

    ``claims``: the claims table; ``quotes``: the quotes table (article_id, start, end,
    quote, speaker); ``texts``: article texts, for shared passages anywhere in the text
    (without it, passages are sought in claim text only), or a function that returns them
    (called once; the texts are then let go of once the passages are found); ``published``: article -> ISO
    date, so that numbers from articles more than ``number_max_days`` apart are not called
    a conflict (the count has moved on); ``story_of``: article -> story id (the ``stories``
    table). Two articles count as "on one story" (needed for a conflict or an agreement in
    other words) when their story is the same or the cosine of their word profiles is at
    least ARTICLE_MIN_SIMILARITY: story clustering splits some events (a small corpus, a
    story told from several angles), and a split must not hide their shared facts.
    """
    with _gc_paused():  # many long-lived small objects, no cycles: collections only cost time
        return _link_rows(claims, quotes, texts, min_score=min_score,
                          number_min_similarity=number_min_similarity,
                          passage_min_words=passage_min_words, published=published,
                          number_max_days=number_max_days, story_of=story_of, jobs=jobs, reuse=reuse)


@contextmanager
def _gc_paused():
    """Pause the cyclic garbage collector (reference counting still frees memory)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def release_memory() -> None:
    """Hand the heap's free pages back to the system (glibc's ``malloc_trim``, and Arrow's
    memory pool when pyarrow is in use): the big temporary arrays of one step of the links do
    not stay resident through the next."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass
    pa = sys.modules.get("pyarrow")  # Arrow's own allocator keeps what the tables read let go of
    if pa is not None:
        pa.default_memory_pool().release_unused()


def reuse_links(claims: pd.DataFrame, quotes: Optional[pd.DataFrame] = None, texts=None, *,
                passage_min_words: int = PASSAGE_MIN_WORDS) -> tuple[list[tuple], list[tuple], int]:
    """The ``reused_quote`` and ``shared_passage`` links of :func:`link_rows` (unsorted, no ids),
    the passages' spans, and the number of quotes compared: what a worker can find beside the
    rest of the links (``link_rows(..., reuse=...)``). ``claims`` needs claim_id, article_id,
    start, end and text."""
    if callable(texts):
        texts = texts()
    claims = claims.sort_values(["article_id", "start", "end"], kind="mergesort").reset_index(drop=True)
    cid = claims["claim_id"].astype(str).tolist()
    art = claims["article_id"].astype(str).tolist()
    starts = claims["start"].astype(int).tolist()
    ends = claims["end"].astype(int).tolist()
    ctext = claims["text"].astype(str).tolist()
    return _reuse_sections(claims, quotes, texts, cid, art, starts, ends, ctext, passage_min_words)


def _reuse_sections(claims, quotes, texts, cid, art, starts, ends, ctext, passage_min_words):
    n = len(cid)
    links: list[tuple] = []
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(art):
        by_article[a].append(i)

    def claim_at(aid: str, s: int, e: int) -> str:
        """The claim of article ``aid`` overlapping [s, e) most, or ''."""
        best, best_ov = "", 0
        idx = by_article.get(aid, [])
        lo = bisect.bisect_left([starts[i] for i in idx], s) - 1
        for i in idx[max(0, lo - 2):]:
            if starts[i] >= e:
                break
            ov = min(e, ends[i]) - max(s, starts[i])
            if ov > best_ov:
                best, best_ov = cid[i], ov
        return best

    # reused quotes
    qs = _quotes_from_frame(quotes, texts, claims)
    cap = max(KEY_DF_CAP_MIN, int(KEY_DF_CAP_FRAC * max(n, len(qs))))
    linked_claim_pairs: set[tuple[str, str]] = set()
    for i, j, score in _quote_links(qs, cap):
        qa, qb = qs[i], qs[j]
        if qa[0] > qb[0]:
            qa, qb = qb, qa
        ca, cb = claim_at(qa[0], qa[1], qa[2]), claim_at(qb[0], qb[1], qb[2])
        linked_claim_pairs.add((ca, cb))
        detail = " | ".join(sp or "?" for sp in (qa[4], qb[4])) if (qa[4] or qb[4]) else ""
        links.append(("reused_quote", qa[0], qb[0], ca, cb, qa[1], qa[2], qb[1], qb[2], qa[3], qb[3],
                      score, detail))

    # shared passages
    if texts:
        segments = {a: [(0, texts[a])] for a in sorted(set(art)) if a in texts}
    else:
        segments = defaultdict(list)
        for i in range(n):
            segments[art[i]].append((starts[i], ctext[i]))
    quote_cover: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for l in links:
        quote_cover[l[1]].append((l[5], l[6]))
        quote_cover[l[2]].append((l[7], l[8]))
    passage_spans: list[tuple] = []
    n_art = len(segments)
    for a, sa, ea, b, sb, eb, words, score in _passage_links(
            segments, min_words=passage_min_words, df_cap=max(PASSAGE_DF_CAP, n_art // 100)):
        covered = sum(max(0, min(ea, qe) - max(sa, qs_)) for qs_, qe in quote_cover[a])
        if covered >= 0.8 * (ea - sa):
            continue  # the passage is a reused quote, already linked
        ta, tb = (texts[a][sa:ea], texts[b][sb:eb]) if texts else (None, None)
        if ta is None:
            ta = _slice_claims(a, sa, ea, by_article[a], starts, ends, ctext)
            tb = _slice_claims(b, sb, eb, by_article[b], starts, ends, ctext)
            if ta is None or tb is None:
                continue
        links.append(("shared_passage", a, b, claim_at(a, sa, ea), claim_at(b, sb, eb), sa, ea, sb, eb,
                      ta, tb, score, f"{words} words"))
        passage_spans.append((a, sa, ea, b, sb, eb))
    return links, passage_spans, len(qs)


def _link_rows(claims: pd.DataFrame, quotes: Optional[pd.DataFrame], texts: Optional[dict[str, str]], *,
               min_score: float, number_min_similarity: float, passage_min_words: int,
               published: Optional[dict[str, str]], number_max_days: int,
               story_of: Optional[dict[str, str]] = None, jobs: int = 1,
               reuse: Optional[Callable[[], tuple]] = None) -> list[tuple]:
    if callable(texts):  # read here, dropped after the passages (this is then their only holder)
        texts = texts()
    claims = claims.sort_values(["article_id", "start", "end"], kind="mergesort").reset_index(drop=True)
    n = len(claims)
    cid = claims["claim_id"].astype(str).tolist()
    art = list(map(_interner(), claims["article_id"].astype(str).tolist()))
    starts = claims["start"].astype(int).tolist()
    ends = claims["end"].astype(int).tolist()
    ctext = claims["text"].astype(str).tolist()
    actors = [_split_cell(c) for c in claims["actors"]]
    places = [_split_cell(c) for c in claims["places"]]
    numbers = [parse_numbers(c) or () for c in claims["numbers"]]
    cdates = [_split_cell(c) for c in claims["dates"]]
    art_codes = pd.factorize(pd.Series(art, dtype=object))[0] if n else np.zeros(0, dtype=np.int64)
    # links: (kind, a, b, claim_a, claim_b, sa, ea, sb, eb, ta, tb, score, detail)

    # reused quotes and shared passages: here, or (``reuse``) by a worker meanwhile, taken below
    reused = None
    if reuse is None:
        reused = _reuse_sections(claims, quotes, texts, cid, art, starts, ends, ctext, passage_min_words)
    # the sorted copy of the claims is read as lists from here on, but for its coded events
    events = claims["events"].tolist() if "events" in claims.columns else None
    del texts, claims
    release_memory()  # (the texts, the claims' copy, and the passages' temporary arrays)

    def take_reused() -> tuple[list[tuple], set, dict, int]:
        found, spans, n_quotes = reused if reused is not None else reuse()
        in_passage_: dict[tuple[str, str], list[tuple]] = defaultdict(list)
        for a, sa, ea, b, sb, eb in spans:
            in_passage_[(a, b)].append((sa, ea, sb, eb))
        pairs_ = {(l[3], l[4]) for l in found if l[0] == "reused_quote"}
        return list(found), pairs_, in_passage_, max(KEY_DF_CAP_MIN, int(KEY_DF_CAP_FRAC * max(n, n_quotes)))

    # claims: agree / number_conflict
    if not n:
        links, linked_claim_pairs, in_passage, cap = take_reused()
    else:
        content_terms = [_content_terms(t) for t in ctext]
        ents = [_frozen({f"e:{e.lower()}" for e in (*actors[i], *places[i])}) for i in range(n)]
        df = Counter()
        for i in range(n):
            df.update(set(content_terms[i][0]) | ents[i])
        weights = {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}
        infos = []
        prev_ents: tuple = ()
        same = _interner()
        for i in range(n):
            if i == 0 or art[i] != art[i - 1]:
                prev_ents = ()
            info = _Info(ctext[i], numbers[i], actors=actors[i], places=places[i],
                         context=prev_ents, dates_=cdates[i], weights=weights, article=art[i],
                         content_terms=content_terms[i], ents=ents[i])
            # one object per distinct set (most claims repeat their neighbours' actors)
            info.actors, info.places, info.ctx, info.dates = (
                same(info.actors), same(info.places), same(info.ctx), same(info.dates))
            ents[i] = same(ents[i])
            infos.append(info)
            prev_ents = (*actors[i], *places[i])
            content_terms[i] = (content_terms[i][0],)  # the paraphrases read the terms alone
        del df, actors, places, numbers, cdates
        keys = []
        for i, info in enumerate(infos):
            if info.numbers:
                ks = set(info.vec)
                for num, win in zip(info.numbers, info.num_windows):
                    ks.update(f"n:{num[4]}:{w}" for w in win)
                keys.append(tuple(ks))  # (the order of an item's keys does not matter)
            else:
                keys.append(tuple(info.vec))  # (a tuple: a fifth of a set's size)
        links, linked_claim_pairs, in_passage, cap = take_reused()
        pairs = _candidate_pairs(keys, art_codes, cap=cap, min_shared=2, strong_prefix="n:")
        del keys
        release_memory()
        vec_rows = _KeyRows([info.vec for info in infos])  # (the claims' term vectors, for the pre-filters)
        # article profiles (summed claim vectors): a number conflict needs articles on one story
        profiles = _Profiles([info.vec for info in infos], art, vec_rows.index)
        story_sim: dict[tuple[str, str], float] = {}

        def story_score(a_: str, b_: str) -> float:
            if story_of:
                sa_ = story_of.get(a_)
                if sa_ is not None and sa_ == story_of.get(b_):
                    return 1.0
            return profiles.cosine(a_, b_)

        days: dict[tuple[str, str], float] = {}
        min_sim_numbers = min(min_score, number_min_similarity)

        # agree in other words (the slowest part), in a forked worker when jobs > 1 while
        # this process goes through the pairs: fed the links found so far, its links whose
        # claims the pairs below link too are dropped after (what `done` skips in-process)
        agent_acts = [_frozen({">".join(k.split(">")[:2]) for k in _split_cell(c)})
                      for c in (events if events is not None else [""] * n)]

        def paraphrase_links(done):
            return _paraphrase_links(
                infos, content_terms, ents, art, art_codes, cid, starts, ends, ctext, cap=cap,
                done=done, story_score=story_score, agent_acts=agent_acts, story_of=story_of,
                story_sim=story_sim, days=days, published=published, number_max_days=number_max_days,
                in_passage=in_passage, vec_rows=vec_rows)

        background, found_before = None, len(links)
        if jobs > 1 and _FEATURE_SINK is None:
            from ..map.parallel import fork_call

            bool(story_of)  # (stories a worker computes are waited for here, not in the fork)
            background = fork_call(paraphrase_links, linked_claim_pairs | {(l[3], l[4]) for l in links})
        pairs = _agree_candidates(pairs, infos, vec_rows, min_score=min_score, min_sim_numbers=min_sim_numbers)
        if background is not None:
            vec_rows = None  # (the worker has its own; in-process, the paraphrases still need it)
        for i, j in _iter_pairs(pairs):
            a, b = infos[i], infos[j]
            if art[i] > art[j]:
                i, j, a, b = j, i, b, a
            both_numbers = bool(a.numbers and b.numbers)
            # cheap tests first: without numbers on both sides only `agree` is possible, and it
            # needs shared terms and a similarity of min_score (a conflict, number_min_similarity)
            va, vb = a.vec, b.vec
            shared_terms = va.keys() & vb.keys()
            if not both_numbers and len(shared_terms) < AGREE_MIN_SHARED_TERMS:
                continue
            threshold = min_sim_numbers if both_numbers else min_score
            if sum([va[t] * vb[t] for t in shared_terms]) < threshold - 1e-9:
                continue  # (the similarity summed in another order: equal up to rounding)
            if (cid[i], cid[j]) in linked_claim_pairs:
                continue
            if in_passage and any(_covered(starts[i], ends[i], sa, ea) and _covered(starts[j], ends[j], sb, eb)
                                  for sa, ea, sb, eb in in_passage.get((art[i], art[j]), ())):
                continue  # both claims are inside one shared passage: already linked
            sim = _cosine(va, vb)
            if sim < threshold:
                continue
            conflicts = []
            key = (art[i], art[j])
            if both_numbers:
                if key not in days:
                    days[key] = _days_apart(published, art[i], art[j])
            if both_numbers and days[key] <= number_max_days:
                if key not in story_sim:
                    story_sim[key] = story_score(art[i], art[j])
                if story_sim[key] >= ARTICLE_MIN_SIMILARITY:
                    conflicts = _conflicts(a, b, sim, number_min_similarity)
            if conflicts:
                links.append(("number_conflict", art[i], art[j], cid[i], cid[j], starts[i], ends[i],
                              starts[j], ends[j], ctext[i], ctext[j], round(sim, 3),
                              "; ".join(c.detail for c in conflicts)))
            elif (sim >= min_score and a.negated == b.negated and _same_event(a, b)
                  and len(shared_terms) >= AGREE_MIN_SHARED_TERMS
                  and _content_share(a, b) >= AGREE_MIN_CONTENT_SHARE):
                shared = sorted(set(a.vec) & set(b.vec), key=lambda t: (-a.vec[t] * b.vec[t], t))[:5]
                links.append(("agree", art[i], art[j], cid[i], cid[j], starts[i], ends[i],
                              starts[j], ends[j], ctext[i], ctext[j], round(sim, 3),
                              "shared: " + ", ".join(t[2:] if t.startswith("e:") else t for t in shared)))

        del pairs
        release_memory()  # (the candidates: the paraphrases below make their own)

        # agree through a shared coded event: the same who-does-what-to-whom in other words
        # ("Russia's strikes on the opposition" / "Russian airstrikes are hitting rebel positions")
        if events is not None:
            done = linked_claim_pairs | {(l[3], l[4]) for l in links}
            by_event: dict[str, list[int]] = defaultdict(list)
            for i, cell in enumerate(events):
                for key in _split_cell(cell):
                    if key.count(">") == 2:  # agent>action>patient; agent>action alone is too loose
                        by_event[key].append(i)
            shared_events: dict[tuple[int, int], list[str]] = defaultdict(list)
            for key in sorted(by_event):
                idx = by_event[key]
                if len(idx) > cap:
                    continue  # in too many claims to single out a statement
                for x, i in enumerate(idx):
                    for j in idx[x + 1:]:
                        if art[i] != art[j]:
                            shared_events[(i, j) if art[i] < art[j] else (j, i)].append(key)
            for (i, j), keys in sorted(shared_events.items()):
                if (cid[i], cid[j]) in done:
                    continue
                a, b = infos[i], infos[j]
                if a.negated != b.negated or not _same_event(a, b, actors=False):
                    continue
                key = (art[i], art[j])  # and the two articles are on one story, within days
                if key not in days:
                    days[key] = _days_apart(published, art[i], art[j])
                if key not in story_sim:
                    story_sim[key] = story_score(art[i], art[j])
                if days[key] > number_max_days or story_sim[key] < ARTICLE_MIN_SIMILARITY:
                    continue
                if in_passage and any(_covered(starts[i], ends[i], sa, ea) and _covered(starts[j], ends[j], sb, eb)
                                      for sa, ea, sb, eb in in_passage.get((art[i], art[j]), ())):
                    continue
                sim = _cosine(a.vec, b.vec)
                if sim < EVENT_MIN_SCORE:
                    continue
                links.append(("agree", art[i], art[j], cid[i], cid[j], starts[i], ends[i],
                              starts[j], ends[j], ctext[i], ctext[j], round(sim, 3), "event: " + "; ".join(keys)))

        # agree in other words: paraphrase classes and word vectors (analysis.corpus.paraphrase)
        if background is None:
            links.extend(paraphrase_links(linked_claim_pairs | {(l[3], l[4]) for l in links}))
        else:
            later = {(l[3], l[4]) for l in links[found_before:]}
            links.extend(l for l in background.result() if (l[3], l[4]) not in later)

    order = {k: i for i, k in enumerate(LINK_KINDS)}
    links.sort(key=lambda l: (order[l[0]], l[1], l[2], l[5], l[7], l[6], l[8]))
    return [(k, *l) for k, l in enumerate(links)]


#: Definite descriptions and pronouns that point back to the actor named before.
_ANAPHOR = re.compile(r"(?:(?:but|and|however|meanwhile|still|yet|now|indeed)\W+){0,2}"
                      rf"(?:(?:the|this|that) (?:\w+ )?(?:{ANAPHOR_HEADS})|it|its|they|their)\b", re.IGNORECASE)
#: When a list, every paraphrase candidate's (claim_a, claim_b, features) is appended to it
#: (scripts/build_claim_matcher.py collects its training data so).
_FEATURE_SINK: Optional[list] = None
PARAPHRASE_MIN_CONCEPTS = 2  # paraphrase candidates share this many concepts, one at least not an entity
#: Paraphrase candidates come from articles whose word profiles have at least this cosine (and
#: within NUMBER_MAX_DAYS): lower than ARTICLE_MIN_SIMILARITY, since reports of one event from
#: other angles ("no known threat to the homeland", "anti-migrant backlash") share few words.
PARAPHRASE_MIN_STORY = 0.1


def _paraphrase_links(infos, content_terms, ents, art, art_codes, cid, starts, ends, ctext, *,
                      cap, done, story_score, story_of, story_sim, days, published, number_max_days,
                      in_passage, agent_acts=None, min_prob: Optional[float] = None,
                      vec_rows: Optional[_KeyRows] = None) -> list[tuple]:
    """`agree` links between claims that say the same in other words.

    Candidates share at least PARAPHRASE_MIN_CONCEPTS concepts, at least one of them content
    (stems with paraphrase classes folded in), the others content or canonical entities, the actor named before counting for "the
    group"); the matcher (analysis.corpus.paraphrase.match_probability) must give them its threshold
    (``min_prob``, default the one shipped with the matcher); they must agree in negation, concern the same event (dates, places; actors
    are left to the matcher's canonical entities) and come from articles within NUMBER_MAX_DAYS
    on one story (the ``stories`` table's, or word profiles with a cosine of PARAPHRASE_MIN_STORY).
    Concept weights are IDF scaled to 0..1 (:func:`analysis.corpus.paraphrase.scaled_idf`).
    ``content_terms`` and ``ents`` (per claim) are read once and let go of: their items are set
    to None.
    """
    from ..map import events
    from . import paraphrase

    min_prob = paraphrase.matcher()[2] if min_prob is None else min_prob
    n = len(infos)
    actions, concepts = [], []
    for i in range(n):
        found = events._hits(ctext[i])
        actions.append(events.action_classes(ctext[i], _found=found) or _NONE)
        # canonical entities: the gazetteer's, plus the naming lexicon's and demonyms
        # ("rebels" -> Syrian opposition, "Russian airstrikes" -> Russia)
        own = ents[i] | {f"e:{p[2].lower()}" for p in events.participants(ctext[i], (), _found=found)}
        if _ANAPHOR.match(ctext[i]):
            # "the group ...", "But the campaign ...", "Its gains ...": the actors named just before
            own = own | {f"e:{e.lower()}" for e in infos[i].ctx - infos[i].places - infos[i].actors}
        # names count once, as canonical entities ("Vladimir Putin" is e:vladimir putin, not
        # two more shared words): what is said must be shared, not only who
        names = infos[i].names
        concepts.append([c for c in paraphrase.concepts(content_terms[i][0]) if c not in names] + sorted(own))
        content_terms[i] = ents[i] = None  # (read only here: their memory is the concepts' now)
    # each claim's distinct concepts: the blocking keys (in any order; a tuple is a fifth of a
    # set's size), made sets again only for the claims compared (concept_sets)
    distinct = [tuple(set(cs)) for cs in concepts]
    df = Counter()
    for cs in distinct:
        df.update(cs)
    weights = paraphrase.scaled_idf(df, n)
    del df
    keys = _FlatKeys.of(distinct)
    pairs = _candidate_pairs(keys, art_codes, cap=cap, min_shared=PARAPHRASE_MIN_CONCEPTS)
    if story_of:
        # and within each story: a concept too common in the corpus to block on ("Isis", "strikes"
        # in a year of news) still singles out a few claims among one story's articles
        size = Counter(story_of.get(a) for a in set(art))
        stories = [st if size[st] > 1 else None for st in (story_of.get(a) for a in art)]  # 2+ articles
        pairs = _union_pairs(pairs, _candidate_pairs(
            keys.scoped(stories), art_codes, cap=cap, min_shared=PARAPHRASE_MIN_CONCEPTS), n)
    del keys
    pairs = _paraphrase_candidates(
        pairs, infos=infos, distinct=distinct, weights=weights, actions=actions, agent_acts=agent_acts,
        art=art, published=published, number_max_days=number_max_days,
        vec_rows=_KeyRows([info.vec for info in infos]) if vec_rows is None else vec_rows,
        min_prob=min_prob if _FEATURE_SINK is None else None)
    out = []
    # per claim, its sets built once while it is the first claim of the pairs (the pairs come
    # sorted by it): the sets of every claim compared would hold 100 MB on a large corpus
    concept_sets: dict[int, set] = {}
    entity_sets: dict[int, set] = {}
    number_sets: dict[int, set] = {}
    first = -1
    for i, j in _iter_pairs(pairs):
        if art[i] > art[j]:
            i, j = j, i
        if i != first:
            first = i
            concept_sets.clear(), entity_sets.clear(), number_sets.clear()
        if (cid[i], cid[j]) in done:
            continue
        a, b = infos[i], infos[j]
        # (actors as written are not compared: "Isis" / "the Islamic State" / "Daesh" are one; the
        # matcher weighs the canonical entities instead, entity_clash among them)
        if a.negated != b.negated:
            continue
        key = (art[i], art[j])  # the article-pair gates first: cached, and cheap
        if key not in days:
            days[key] = _days_apart(published, art[i], art[j])
        if days[key] > number_max_days:
            continue
        if key not in story_sim:
            story_sim[key] = story_score(art[i], art[j])
        if story_sim[key] < PARAPHRASE_MIN_STORY:
            continue
        if not _same_event(a, b, actors=False):
            continue
        both = (_per_claim(concept_sets, i, lambda: set(distinct[i]))
                & _per_claim(concept_sets, j, lambda: set(distinct[j])))
        n_content = sum(1 for t in both if not t.startswith("e:"))
        if not n_content or (n_content < PARAPHRASE_MIN_CONCEPTS and n_content == len(both)):
            continue  # who alone is not what: a thing said and who (or two things said) must be shared
        if in_passage and any(_covered(starts[i], ends[i], sa, ea_) and _covered(starts[j], ends[j], sb, eb_)
                              for sa, ea_, sb, eb_ in in_passage.get(key, ())):
            continue
        feats = paraphrase.pair_features(
            concepts[i], concepts[j], weights=weights, cosine=_cosine(a.vec, b.vec),
            actions_a=actions[i], actions_b=actions[j],
            numbers_a=_per_claim(number_sets, i, lambda: {(x[1], x[4]) for x in a.numbers}),
            numbers_b=_per_claim(number_sets, j, lambda: {(x[1], x[4]) for x in b.numbers}),
            entities_a=_per_claim(entity_sets, i, lambda: {t for t in concepts[i] if t.startswith("e:")}),
            entities_b=_per_claim(entity_sets, j, lambda: {t for t in concepts[j] if t.startswith("e:")}),
            agent_actions_a=agent_acts[i] if agent_acts else (), agent_actions_b=agent_acts[j] if agent_acts else (),
            min_prob=min_prob if _FEATURE_SINK is None else None)
        if feats is None:
            continue  # cannot reach min_prob
        if _FEATURE_SINK is not None:
            _FEATURE_SINK.append((cid[i], cid[j], feats))
        score = paraphrase.match_probability(feats)
        if score < min_prob:
            continue
        shared = sorted(both, key=lambda t: (-weights.get(t, 1.0), t))[:5]
        out.append(("agree", art[i], art[j], cid[i], cid[j], starts[i], ends[i], starts[j], ends[j],
                    ctext[i], ctext[j], round(score, 3),
                    "paraphrase: " + ", ".join(t[2:] if t.startswith("e:") else t for t in shared)))
    return out


def _paraphrase_candidates(pairs: np.ndarray, *, infos, distinct, weights, actions, agent_acts,
                           art, published, number_max_days, vec_rows: "_KeyRows",
                           min_prob: Optional[float]) -> np.ndarray:
    """The pairs that pass the plain tests of :func:`_paraphrase_links`'s loop, all at once: the
    same negation, articles at most ``number_max_days`` apart (:func:`_article_days`), a shared
    content concept (two when no entity is shared), and, with ``min_prob``, features that may
    reach it (:func:`analysis.corpus.paraphrase.may_reach`: the test by which pair_features returns
    None). The counts are exact and the sums kept with a margin, so this is a superset of what
    those tests let through; the loop then makes every test itself."""
    from ..corpus.paraphrase import FEATURES, may_reach

    if not len(pairs):
        return pairs
    n = len(infos)
    negated = np.fromiter((info.negated for info in infos), dtype=bool, count=n)
    day_of = _article_days(published, art)
    concept_rows = _KeyRows(distinct, values=False)
    is_entity = np.zeros(concept_rows.width, dtype=bool)
    key_weight = np.zeros(concept_rows.width, dtype=np.float64)
    for key, k in concept_rows.index.items():
        if key.startswith("e:"):
            is_entity[k] = True
        else:
            key_weight[k] = weights.get(key, 1.0)
    owner = np.repeat(np.arange(n, dtype=np.int64), concept_rows.sizes)
    n_entities = np.bincount(owner, weights=is_entity[concept_rows.key_of(slice(None))], minlength=n)
    del owner
    if min_prob is not None:
        number_rows = _KeyRows([{(x[1], x[4]) for x in info.numbers} for info in infos], values=False)
        unit_rows = _KeyRows([{x[4] for x in info.numbers if x[4]} for info in infos], values=False)
        action_rows = _KeyRows(actions, values=False)
        agent_rows = _KeyRows(agent_acts or [()] * n, values=False)
        column = {f: k for k, f in enumerate(FEATURES)}
    keep = []
    for lo in range(0, len(pairs), _FILTER_BATCH):
        i, j = pairs[lo:lo + _FILTER_BATCH, 0], pairs[lo:lo + _FILTER_BATCH, 1]
        at = lo + np.flatnonzero((negated[i] == negated[j])
                                 & (_pair_days(day_of, i, j, art, published) <= number_max_days))
        i, j = pairs[at, 0], pairs[at, 1]
        m = len(i)
        hit, x, _ = concept_rows.shared(i, j)
        kid = concept_rows.key_of(x)
        n_shared = np.bincount(hit, minlength=m)
        n_content = np.bincount(hit, weights=~is_entity[kid], minlength=m)
        ok = (n_content > 0) & ((n_content >= PARAPHRASE_MIN_CONCEPTS) | (n_content != n_shared))
        if min_prob is not None:
            shared_weight = np.bincount(hit, weights=key_weight[kid], minlength=m)
            top = np.zeros(m, dtype=np.float64)
            np.maximum.at(top, hit, key_weight[kid])  # (entities weigh 0 here: under any content weight)
            # the remaining features, of the pairs still in
            at, i, j, n_shared, n_content = at[ok], i[ok], j[ok], n_shared[ok], n_content[ok]
            shared_weight, top, m = shared_weight[ok], top[ok], int(ok.sum())
            feats = np.zeros((m, len(FEATURES)), dtype=np.float64)
            feats[:, column["shared_weight"]] = shared_weight
            hit_v, xv, yv = vec_rows.shared(i, j)
            feats[:, column["cosine"]] = np.bincount(hit_v, weights=vec_rows.values[xv] * vec_rows.values[yv],
                                                     minlength=m)
            feats[:, column["shared_actions"]] = np.bincount(action_rows.shared(i, j)[0], minlength=m)
            feats[:, column["shared_numbers"]] = np.bincount(number_rows.shared(i, j)[0], minlength=m)
            shared_entities = n_shared - n_content
            feats[:, column["shared_entities"]] = np.minimum(2, shared_entities)
            feats[:, column["entity_clash"]] = (n_entities[i] > 0) & (n_entities[j] > 0) & (shared_entities == 0)
            feats[:, column["shared_agent_actions"]] = np.bincount(agent_rows.shared(i, j)[0], minlength=m)
            feats[:, column["shared_concepts"]] = np.minimum(4, n_content)
            feats[:, column["max_shared_weight"]] = top
            feats[:, column["shared_units"]] = np.bincount(unit_rows.shared(i, j)[0], minlength=m) > 0
            ok = may_reach(feats, min_prob, _SUM_SLACK)
        keep.append(at[ok])
    return pairs[np.concatenate(keep)]


def _article_days(published: Optional[dict], art: Sequence[str]):
    """Per claim: its article's publication time in nanoseconds (for :func:`_pair_days`), whether
    that is a plain date (tz-naive, 1900-2100; other articles are left to _days_apart), and
    the rank of its article id; None when there are no dates (every pair is 0 days apart)."""
    if not published:
        return None
    names = sorted(set(art))
    rank = {a: r for r, a in enumerate(names)}
    value = np.zeros(len(names), dtype=np.int64)
    plain = np.zeros(len(names), dtype=bool)
    for r, a in enumerate(names):
        p = published.get(a)
        if p and isinstance(p, str):
            try:
                ts = _timestamp(p)
            except (ValueError, TypeError):
                continue
            if isinstance(ts, pd.Timestamp) and ts.tzinfo is None and 1900 <= ts.year <= 2100:
                value[r], plain[r] = ts.value, True
    of = np.fromiter((rank[a] for a in art), dtype=np.int64, count=len(art))
    return value[of], plain[of], of


def _pair_days(day_of, i: np.ndarray, j: np.ndarray, art: Sequence[str], published) -> np.ndarray:
    """:func:`_days_apart` of the pairs' articles (the lower id first), all at once: the
    earlier-id article's time minus the other's in whole days, floored like ``Timedelta.days``,
    made positive. Pairs with an article of no plain date are asked of _days_apart itself."""
    if day_of is None:
        return np.zeros(len(i), dtype=np.int64)
    value, plain, rank = day_of
    first = rank[i] <= rank[j]
    a, b = np.where(first, i, j), np.where(first, j, i)
    out = np.abs((value[a] - value[b]) // (86_400 * 10 ** 9))
    for p in np.flatnonzero(~(plain[a] & plain[b])).tolist():
        out[p] = _days_apart(published, art[a[p]], art[b[p]])
    return out


def _per_claim(cache: dict, i: int, make):
    """``cache[i]``, made by ``make()`` the first time (a claim's sets are built once, not per pair)."""
    got = cache.get(i)
    if got is None:
        got = cache[i] = make()
    return got


def _union_pairs(a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
    """The sorted union of two (k, 2) arrays of pairs of items among ``n``."""
    if not len(b):
        return a
    codes = _distinct(np.concatenate([a[:, 0] * n + a[:, 1], b[:, 0] * n + b[:, 1]]))
    return np.stack([codes // n, codes % n], axis=1)


def _covered(s: int, e: int, ps: int, pe: int) -> bool:
    """Is most (80%) of [s, e) inside [ps, pe)?"""
    return min(e, pe) - max(s, ps) >= 0.8 * (e - s)


def _days_apart(published: Optional[dict], a: str, b: str) -> float:
    """Days between two articles' publication dates; 0 when either is unknown."""
    if not published:
        return 0
    pa, pb = published.get(a), published.get(b)
    try:
        return abs((_timestamp(pa) - _timestamp(pb)).days) if pa and pb else 0
    except (ValueError, TypeError):
        return 0


@lru_cache(maxsize=1 << 14)
def _timestamp(published: str) -> pd.Timestamp:
    """``pd.Timestamp(published)``, each date read once (not once per article pair)."""
    return pd.Timestamp(published)


def _slice_claims(aid, s, e, idx, starts, ends, ctext) -> Optional[str]:
    """Text of [s, e) rebuilt from one claim that contains it (no texts given)."""
    for i in idx:
        if starts[i] <= s and e <= ends[i]:
            return ctext[i][s - starts[i]:e - starts[i]]
    return None


# --------------------------------------------------------------------------- corpus views

def link_counts(claims: pd.DataFrame, links: pd.DataFrame, article_ids=None) -> pd.DataFrame:
    """Per article: links of each kind it takes part in (each side counted), and its unique claims.

    One row per article (index ``article_id``, every id of ``article_ids`` or of ``claims``),
    columns ``LINK_KINDS`` + ``unique`` + ``claims``.

    >>> c = pd.DataFrame({"article_id": ["a", "b"], "start": [0, 0], "end": [5, 5]})
    >>> l = pd.DataFrame({"kind": ["agree"], "article_a": ["a"], "article_b": ["b"], "start_a": [0],
    ...                   "end_a": [5], "start_b": [9], "end_b": [12]})
    >>> link_counts(c, l).to_dict("index")["b"]
    {'agree': 1, 'number_conflict': 0, 'reused_quote': 0, 'shared_passage': 0, 'unique': 1, 'claims': 1}
    """
    ids = sorted({str(a) for a in (article_ids if article_ids is not None else claims["article_id"])})
    out = pd.DataFrame(0, index=pd.Index(ids, name="article_id"), columns=[*LINK_KINDS, "unique", "claims"])
    for kind in LINK_KINDS:
        sub = links[links["kind"] == kind]
        for side in ("a", "b"):
            for aid, n in sub.groupby(sub[f"article_{side}"].astype(str)).size().items():
                if aid in out.index:
                    out.loc[aid, kind] += int(n)
    uniq = unique_claims(claims, links)["article_id"].astype(str).value_counts()
    tot = claims["article_id"].astype(str).value_counts()
    out["unique"] = [int(uniq.get(a, 0)) for a in ids]
    out["claims"] = [int(tot.get(a, 0)) for a in ids]
    return out


def unique_claims(claims: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    """Claims that no link touches: what only that article says (among the articles compared)."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for side in ("a", "b"):
        for aid, s, e in zip(links[f"article_{side}"], links[f"start_{side}"], links[f"end_{side}"]):
            spans[str(aid)].append((int(s), int(e)))
    keep = []
    for aid, s, e in zip(claims["article_id"], claims["start"], claims["end"]):
        keep.append(not any(ls < e and le > s for ls, le in spans.get(str(aid), ())))
    out = claims[np.asarray(keep, dtype=bool)] if len(claims) else claims
    return out.sort_values(["article_id", "start"], kind="mergesort").reset_index(drop=True)


def agreement_matrix(claims: pd.DataFrame, links: pd.DataFrame, *,
                     kinds: Sequence[str] = ("agree", "reused_quote", "shared_passage")) -> pd.DataFrame:
    """Share of the row article's claims that the column article also makes.

    A claim counts as made by the other article when a link of one of ``kinds`` joins a
    span overlapping it to that article. Asymmetric (a short article can be covered by a
    long one); the diagonal is 1.
    """
    arts = sorted(set(claims["article_id"].astype(str)))
    total = claims.groupby(claims["article_id"].astype(str)).size()
    spans: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    sub = links[links["kind"].isin(kinds)] if len(links) else links
    for row in sub.itertuples(index=False):
        spans[(row.article_a, row.article_b)].append((row.start_a, row.end_a))
        spans[(row.article_b, row.article_a)].append((row.start_b, row.end_b))
    mat = pd.DataFrame(0.0, index=pd.Index(arts, name="article"), columns=pd.Index(arts, name="other"))
    by_art = {a: list(zip(g["start"], g["end"])) for a, g in claims.groupby(claims["article_id"].astype(str))}
    for a in arts:
        for b in arts:
            if a == b:
                mat.loc[a, b] = 1.0
                continue
            sp = spans.get((a, b))
            if not sp:
                continue
            hit = sum(1 for s, e in by_art[a] if any(ls < e and le > s for ls, le in sp))
            mat.loc[a, b] = round(hit / total[a], 3)
    return mat


def _table(tables, name: str) -> Optional[pd.DataFrame]:
    """A table of an export.Tables (or any object with DataFrame attributes / a frames dict)."""
    frames = getattr(tables, "frames", None)
    if isinstance(frames, dict) and isinstance(frames.get(name), pd.DataFrame):
        return frames[name]
    df = getattr(tables, name, None)
    return df if isinstance(df, pd.DataFrame) else None


def _published(tables) -> dict[str, str]:
    arts = _table(tables, "articles")
    if arts is None or "published" not in arts.columns:
        return {}
    return {str(a): p for a, p in zip(arts["article_id"], arts["published"]) if isinstance(p, str) and p}


def _frames(tables, claims, links):
    if claims is None:
        claims = _table(tables, "claims")
    if links is None:
        links = _table(tables, "links")
    if claims is None or links is None:
        claims, links = compare(tables)
    return claims, links


def attribution_edges(tables, claims: Optional[pd.DataFrame] = None,
                      links: Optional[pd.DataFrame] = None) -> pd.DataFrame:
    """Edges article -> cited source (``cites``) and article -> article it reuses (``reuses``).

    Cited sources come from the sources table (the source, and the medium it came through,
    ``via``) or, without one, from the claims' ``source``. A ``reuses`` edge points from the
    later-published article to the earlier one; with no dates, or the same date, from
    article_b to article_a with ``directed`` False. ``weight`` counts the evidence.
    """
    claims, links = _frames(tables, claims, links)
    edges: dict[tuple, list] = {}

    def add(src, tgt, kind, ttype, directed, evidence):
        key = (src, tgt, kind, ttype, directed)
        if key in edges:
            edges[key][0] += 1
        else:
            edges[key] = [1, evidence]

    sources = _table(tables, "sources")
    if sources is not None and len(sources):
        for row in sources.itertuples(index=False):
            add(str(row.article_id), row.source, "cites", row.source_kind or "", True, row.text)
            if isinstance(row.via, str) and row.via:
                add(str(row.article_id), row.via, "cites", "media", True, f"{row.text} (via {row.via})")
    else:
        for aid, src, how, text in zip(claims["article_id"], claims["source"], claims["source_how"],
                                       claims["text"]):
            for s in _split_cell(src):
                add(str(aid), s, "cites", how, True, text[:120])
    published = _published(tables)
    for row in links[links["kind"].isin(["reused_quote", "shared_passage"])].itertuples(index=False):
        a, b = row.article_a, row.article_b
        pa, pb = published.get(a), published.get(b)
        if pa and pb and pa != pb:
            later, earlier = (a, b) if pa > pb else (b, a)
            add(later, earlier, "reuses", "article", True, f"{row.kind}: {row.text_a[:100]}")
        else:
            add(b, a, "reuses", "article", False, f"{row.kind}: {row.text_a[:100]}")
    rows = [(s, t, k, tt, w, d, ev) for (s, t, k, tt, d), (w, ev) in edges.items()]
    df = pd.DataFrame.from_records(rows, columns=list(EDGE_COLUMNS))
    return df.sort_values(["kind", "source_node", "target_node", "target_type"], kind="mergesort").reset_index(drop=True)


def likely_origin(tables, claims: Optional[pd.DataFrame] = None,
                  links: Optional[pd.DataFrame] = None) -> pd.DataFrame:
    """For each group of articles relaying the same quote or passage, the likely original.

    Groups are connected reused_quote / shared_passage links over overlapping spans. The
    origin is, in order: a medium the articles credit in the sentences carrying the text
    ("quoted by Reuters", ``via``), a medium or organisation cited by most of the group's
    articles, else the earliest-published article. ``basis`` says which.
    """
    claims, links = _frames(tables, claims, links)
    sub = links[links["kind"].isin(["reused_quote", "shared_passage"])].reset_index(drop=True)
    if not len(sub):
        return pd.DataFrame(columns=list(ORIGIN_COLUMNS))
    # union-find over (article, start, end) spans; overlapping spans in one article are one node
    nodes: list[tuple[str, int, int]] = []
    for row in sub.itertuples(index=False):
        nodes.append((row.article_a, row.start_a, row.end_a))
        nodes.append((row.article_b, row.start_b, row.end_b))
    parent = list(range(len(nodes)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x, y):
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    for k in range(len(sub)):
        union(2 * k, 2 * k + 1)
    order = sorted(range(len(nodes)), key=lambda i: nodes[i])
    for x, y in zip(order, order[1:]):
        if nodes[x][0] == nodes[y][0] and nodes[y][1] < nodes[x][2]:
            union(x, y)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(nodes)):
        groups[find(i)].append(i)
    sources = _table(tables, "sources")
    published = _published(tables)
    claim_src = {(str(a), s, e): src for a, s, e, src in
                 zip(claims["article_id"], claims["start"], claims["end"], claims["source"])}
    rows = []
    for g, members in enumerate(sorted(groups.values(), key=lambda m: min(nodes[i] for i in m))):
        spans = sorted({nodes[i] for i in members})
        arts = sorted({s[0] for s in spans})
        kinds = sorted({sub.kind[i // 2] for i in members})
        text = min((sub.text_a[i // 2] if i % 2 == 0 else sub.text_b[i // 2]) for i in members)
        origin, basis = "", ""
        near: Counter = Counter()
        cited: Counter = Counter()
        if sources is not None and len(sources):
            for row in sources.itertuples(index=False):
                aid = str(row.article_id)
                if aid not in arts:
                    continue
                media = row.via if isinstance(row.via, str) and row.via else (
                    row.source if row.source_kind == "media" else "")
                if not media:
                    continue
                cited[media] += 1
                if any(aid == a and abs(row.start - s) < 400 and row.start < e + 200 for a, s, e in spans):
                    near[media] += 1
        else:
            for (aid, s, e), src in claim_src.items():
                if aid in arts:
                    for name in _split_cell(src):
                        cited[name] += 1
                        if any(aid == a and s < se and e > ss for a, ss, se in spans):
                            near[name] += 1
        if near:
            origin, n_ = sorted(near.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            basis = f"credited next to the text in {n_} place(s)"
        elif cited:
            name, n_ = sorted(cited.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            if n_ >= 2:
                origin, basis = name, f"medium cited {n_} times by these articles"
        if not origin:
            dated = sorted((published[a], a) for a in arts if a in published)
            if dated and (len(dated) == 1 or dated[0][0] < dated[1][0]):
                origin, basis = dated[0][1], "earliest-published article"
            else:
                basis = "no credit line or dates to tell"
        rows.append((g, ";".join(kinds), ";".join(arts), len(arts), text, origin, basis))
    return pd.DataFrame.from_records(rows, columns=list(ORIGIN_COLUMNS))


# --------------------------------------------------------------------------- entry points

def claims_from_tables(tables) -> pd.DataFrame:
    """The claims table built from an analysed corpus (export.Tables), without re-parsing."""
    rows: list[tuple] = []

    def grouped(name, cols):
        df = _table(tables, name)
        if df is None or not len(df):
            return {}
        out: dict[str, list] = defaultdict(list)
        for aid, *vals in zip(df["article_id"].astype(str), *(df[c].tolist() for c in cols)):
            out[aid].append(tuple(vals))
        return out

    sents = grouped("sentences", ["sentence_id", "start", "end", "text"])
    ments = grouped("mentions", ["start", "end", "entity", "kind"])
    nums = grouped("numbers", ["start", "end", "text", "value", "unit", "qualifier"])
    srcs = grouped("sources", ["start", "end", "source"])
    qts = grouped("quotes", ["start", "end", "speaker"])
    scare = grouped("scare_quotes", ["start", "end"])
    boiler = grouped("boilerplate", ["start", "end", "kind"])
    arts = _table(tables, "articles")
    heads = {}
    if arts is not None and "headline_start" in arts:
        for aid, hs, he in zip(arts["article_id"].astype(str), arts["headline_start"], arts["headline_end"]):
            if pd.notna(hs) and pd.notna(he):
                heads[aid] = (int(hs), int(he))
    for aid in sorted(tables.texts):
        rows.extend(build_claims(
            aid, tables.texts[aid], sents.get(aid, []), mentions=ments.get(aid, []),
            numbers=[(s, e, t, v, u if isinstance(u, str) else "", q if isinstance(q, str) else "")
                     for s, e, t, v, u, q in nums.get(aid, [])],
            sources=srcs.get(aid, []),
            quotes=[(s, e, sp if isinstance(sp, str) else None) for s, e, sp in qts.get(aid, [])],
            scare_quotes_found=bool(scare.get(aid)),
            front=front_stretches(tables.texts[aid], heads.get(aid), boiler.get(aid, []))))
    return claims_frame(rows)


def compare(tables, *, min_score: float = AGREE_MIN_SCORE) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(claims, links) of an analysed corpus (export.Tables).

    The tables' own ``claims`` and ``links`` when they have them (the export computes both)
    and ``min_score`` is the default; otherwise they are computed here.
    """
    have = getattr(tables, "dataframes", {})
    if "claims" in have and "links" in have and min_score == AGREE_MIN_SCORE:
        return have["claims"], have["links"]
    claims = claims_from_tables(tables)
    quotes = _table(tables, "quotes")
    links = links_frame(link_rows(claims, quotes, tables.texts, min_score=min_score,
                                  published=_published(tables), story_of=story_map(tables)))
    return claims, links


def story_map(tables) -> Optional[dict[str, str]]:
    """Article id -> story id from the tables' ``stories`` table, or None without one."""
    st = _table(tables, "stories")
    if st is None or not len(st):
        return None
    return {str(a): str(s) for s, a in zip(st["story_id"], st["article_id"])}


def compare_analyses(results: Iterable, *, min_score: float = AGREE_MIN_SCORE
                     ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(claims, links) from pipeline.ArticleAnalysis objects (no Tables needed)."""
    rows, qrows, texts, published = [], [], {}, {}
    for r in results:
        aid = r.parsed.article.article_id
        texts[aid] = r.text
        rows.extend(claim_rows(r))
        qrows.extend((aid, q.start, q.end, q.quote, q.speaker) for q in r.quotes)
        if r.parsed.published:
            published[aid] = r.parsed.published
    claims = claims_frame(rows)
    quotes = pd.DataFrame.from_records(qrows, columns=["article_id", "start", "end", "quote", "speaker"])
    links = links_frame(link_rows(claims, quotes, texts, min_score=min_score, published=published))
    return claims, links
