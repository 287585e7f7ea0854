"""Paraphrase-aware similarity of two claims: synonym classes and word vectors.

Two sentences can state one fact in other words: "its biggest advance since August" and
"Isis has made its strongest gains in many months". Bag-of-words cosine sees nothing in
common; this module sees ``big`` + ``advance`` in both. It works on the content terms of
:func:`analysis.map.claims.terms` (lower-cased, stemmed) in two steps:

1. **Paraphrase classes** (``analysis/data/paraphrases.csv``, editable): every word or phrase of
   a class becomes the class's term (``~advance``), so "gains", "advance" and "push" match
   exactly.
2. **Word vectors** (``analysis/data/term_vectors.npz``, built by
   ``scripts/build_term_vectors.py`` with gensim from the public allsides-2015 corpus): a term
   without an exact partner counts by its closest term of the other claim, when their cosine
   is at least :data:`VECTOR_FLOOR`.

:func:`soft_similarity` is the IDF-weighted share of each claim's terms that the other covers,
averaged over both directions (1.0 for the same terms, 0.0 for nothing in common).

>>> concepts(["biggest", "advanc"])
['~big', '~advance']
>>> round(soft_similarity(concepts(["biggest", "gain"]), concepts(["largest", "advanc"])), 2)
1.0
"""
from __future__ import annotations

import csv
import math
from functools import lru_cache
from typing import Mapping, Optional, Sequence

import numpy as np

from ..config import DATA_DIR

PARAPHRASES_CSV = DATA_DIR / "paraphrases.csv"
MATCHER_JSON = DATA_DIR / "claim_matcher.json"
VECTORS_NPZ = DATA_DIR / "term_vectors.npz"
#: Cosine below which two different terms' vectors count as unrelated.
VECTOR_FLOOR = 0.55
#: A vector match counts at most this much (an exact or class match counts 1).
VECTOR_WEIGHT = 0.8


def _terms(text: str) -> list[str]:
    from ..map.claims import terms

    return terms(text)


def _load_classes(path=PARAPHRASES_CSV) -> tuple[dict[str, str], dict[tuple[str, ...], str]]:
    """Single terms and multi-term phrases -> ``~class``."""
    single: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            cls = "~" + row["class"].strip()
            for word in (row.get("words") or "").split("|"):
                ts = tuple(_terms(word.strip()))
                if len(ts) == 1:
                    single.setdefault(ts[0], cls)
                elif ts:
                    phrases.setdefault(ts, cls)
    return single, phrases


_SINGLE: Optional[dict[str, str]] = None
_PHRASES: dict[tuple[str, ...], str] = {}
_PHRASE_FIRST: set[str] = set()


def _classes():
    global _SINGLE, _PHRASES, _PHRASE_FIRST
    if _SINGLE is None:
        _SINGLE, _PHRASES = _load_classes()
        _PHRASE_FIRST = {p[0] for p in _PHRASES}
    return _SINGLE


def concepts(terms: Sequence[str]) -> list[str]:
    """Content terms with paraphrase classes folded in (phrases first, then single terms).

    >>> concepts(["rebel", "tak", "advantag", "strik"])
    ['~insurgent', '~benefit', '~target']
    >>> concepts(["gain", "push"])
    ['~advance', '~advance']
    """
    single = _classes()
    out: list[str] = []
    i, n = 0, len(terms)
    while i < n:
        t = terms[i]
        if t in _PHRASE_FIRST:
            for length in (3, 2):
                cls = _PHRASES.get(tuple(terms[i:i + length])) if i + length <= n else None
                if cls:
                    out.append(cls)
                    i += length
                    break
            else:
                out.append(single.get(t, t))
                i += 1
            continue
        out.append(single.get(t, t))
        i += 1
    return out


class _Vectors:
    def __init__(self, path=VECTORS_NPZ) -> None:
        self.index: dict[str, int] = {}
        self.matrix = np.zeros((0, 1), dtype=np.float32)
        if path.exists():
            with np.load(path, allow_pickle=False) as z:
                words = [str(w) for w in z["terms"]]
                self.matrix = z["vectors"].astype(np.float32) / 127.0
            self.index = {w: i for i, w in enumerate(words)}

    def rows(self, terms: Sequence[str]) -> tuple[list[str], np.ndarray]:
        known = [t for t in terms if t in self.index]
        return known, self.matrix[[self.index[t] for t in known]] if known else self.matrix[:0]


@lru_cache(maxsize=1)
def vectors() -> _Vectors:
    """The shipped term vectors (empty when the data file is absent)."""
    return _Vectors()


def term_similarity(a: str, b: str) -> float:
    """Cosine of two terms' vectors (1.0 for the same term, 0.0 when either is unknown).

    >>> term_similarity("rebel", "rebel")
    1.0
    """
    if a == b:
        return 1.0
    v = vectors()
    if a not in v.index or b not in v.index:
        return 0.0
    return float(v.matrix[v.index[a]] @ v.matrix[v.index[b]])


def _coverage(a: Sequence[str], b: Sequence[str], best: Optional[np.ndarray],
              ka: Mapping[str, int], weights: Mapping[str, float]) -> float:
    """IDF-weighted share of ``a``'s terms that ``b`` has, or whose vector is near one of its
    (``best[ka[t]]``: the highest cosine of term ``t`` to a term of ``b``)."""
    bset = set(b)
    total = got = 0.0
    for t in a:
        w = weights.get(t, 1.0)
        total += w
        if t in bset:
            got += w
        elif best is not None and t in ka:
            sim = float(best[ka[t]])
            if sim >= VECTOR_FLOOR:
                got += w * VECTOR_WEIGHT * sim
    return got / total if total else 0.0


def soft_similarity(a: Sequence[str], b: Sequence[str], *,
                    weights: Optional[Mapping[str, float]] = None) -> float:
    """How much of each claim's terms the other covers, exactly or by vectors, in 0..1.

    ``a``/``b``: concept terms (see :func:`concepts`); ``weights``: term -> IDF weight.

    >>> soft_similarity(["rebel", "strik"], ["rebel", "strik"])
    1.0
    >>> soft_similarity(["rebel"], ["weather"]) < 0.5
    True
    """
    a, b = list(dict.fromkeys(a)), list(dict.fromkeys(b))
    if not a or not b:
        return 0.0
    weights = weights or {}
    v = vectors()
    sa, sb = set(a), set(b)
    ta, ma = v.rows([t for t in a if t not in sb])
    tb, mb = v.rows([t for t in b if t not in sa])
    sims = ma @ mb.T if len(ta) and len(tb) else None
    ka = {t: i for i, t in enumerate(ta)}
    kb = {t: i for i, t in enumerate(tb)}
    ab = _coverage(a, b, sims.max(axis=1) if sims is not None else None, ka, weights)
    ba = _coverage(b, a, sims.max(axis=0) if sims is not None else None, kb, weights)
    return (ab + ba) / 2


def scaled_idf(counts: Mapping[str, int], n: int) -> dict[str, float]:
    """Term -> IDF scaled to 0..1 by the largest IDF possible among ``n`` items (a term in one
    item), so that a rare word weighs about the same in a story of six articles and in a corpus
    of thousands (the matcher is fitted on the first and run on both).

    >>> w = scaled_idf({"bataclan": 1, "paris": 40}, 40)
    >>> w["bataclan"], round(w["paris"], 2)
    (1.0, 0.25)
    """
    top = math.log((n + 1) / 2) + 1.0
    return {t: (math.log((n + 1) / (c + 1)) + 1.0) / top for t, c in counts.items()}


#: The features of a candidate claim pair, in the order the matcher's weights use.
FEATURES = ("shared_weight", "cosine", "soft", "shared_actions", "shared_numbers",
            "shared_entities", "entity_clash", "shared_agent_actions",
            "shared_concepts", "max_shared_weight", "shared_units")


def _shared_units(numbers_a, numbers_b) -> int:
    """1 when both claims count or measure one thing: a number of one unit each ("at least 127
    people killed" / "killed 132 people"), whatever the values."""
    return int(bool({u for _, u in numbers_a if u} & {u for _, u in numbers_b if u}))


def pair_features(concepts_a: Sequence[str], concepts_b: Sequence[str], *, weights: Mapping[str, float],
                  cosine: float, actions_a=frozenset(), actions_b=frozenset(),
                  numbers_a=frozenset(), numbers_b=frozenset(),
                  entities_a=frozenset(), entities_b=frozenset(),
                  agent_actions_a=frozenset(), agent_actions_b=frozenset(),
                  min_prob: Optional[float] = None) -> Optional[tuple[float, ...]]:
    """FEATURES of two claims: the IDF weight of the content concepts they share (entities
    aside), their bag-of-words cosine, :func:`soft_similarity` of their content concepts
    (entities aside), how many action classes
    (data/actions.csv), (value, unit) numbers and canonical entities (at most 2) they share, and whether
    both name entities but none in common, and how many ``agent>action`` codes (the claims'
    ``events``, patients dropped: "ISIS's push" and "ISIS advanced" are both
    ``Islamic State>advance``) they share; then how many content concepts they share (at
    most 4) and the IDF weight of the rarest one (one rare word shared, "Bataclan", says more
    than three common ones), and whether both give a number of one unit (:func:`_shared_units`).
    ``weights`` are best scaled to 0..1 (:func:`scaled_idf`), so that the features mean the same
    in a corpus of six articles and of thousands. With ``min_prob``: None when the pair cannot
    reach that :func:`match_probability` whatever its soft similarity (which is then not
    computed: most candidates are far under the threshold).

    >>> pair_features(["~advance", "e:isis"], ["~advance", "e:isis"], weights={"~advance": 2.0},
    ...               cosine=1.0, entities_a={"e:isis"}, entities_b={"e:isis"})
    (2.0, 1.0, 1.0, 0, 0, 1, 0, 0, 1, 2.0, 0)
    """
    shared = [t for t in set(concepts_a) & set(concepts_b) if not t.startswith("e:")]
    ws = [weights.get(t, 1.0) for t in shared]
    feats = [sum(ws), cosine, 0.0,
             len(set(actions_a) & set(actions_b)), len(set(numbers_a) & set(numbers_b)),
             min(2, len(set(entities_a) & set(entities_b))),
             int(bool(entities_a and entities_b and not set(entities_a) & set(entities_b))),
             len(set(agent_actions_a) & set(agent_actions_b)),
             min(4, len(shared)), max(ws, default=0.0), _shared_units(numbers_a, numbers_b)]
    if min_prob is not None:
        # the soft similarity (the costly feature, in 0..1) cannot lift the pair to min_prob
        w, b, _ = matcher()
        soft_w = w[FEATURES.index("soft")]
        if _probability(feats, w, b + max(soft_w, 0.0)) < min_prob:
            return None
    content_a = [t for t in concepts_a if not t.startswith("e:")]
    content_b = [t for t in concepts_b if not t.startswith("e:")]
    feats[2] = soft_similarity(content_a, content_b, weights=weights)
    return tuple(feats)


def may_reach(features: np.ndarray, min_prob: float, slack: float = 1e-6) -> np.ndarray:
    """Rows of FEATURES (soft similarity left 0), many pairs at once: whether each pair may reach
    ``min_prob`` whatever its soft similarity, the test by which :func:`pair_features` returns
    None. numpy sums in another order than :func:`_probability`, so pairs up to ``slack`` under
    min_prob are kept too: a superset of the pairs pair_features lets through.

    >>> bool(may_reach(np.array([[0.0] * len(FEATURES)]), 0.5)[0])
    False
    """
    w, b, _ = matcher()
    z = b + max(w[FEATURES.index("soft")], 0.0) + features @ np.asarray(w, dtype=np.float64)
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-z)) >= min_prob - slack


@lru_cache(maxsize=1)
def matcher() -> tuple[tuple[float, ...], float, float]:
    """(weights, intercept, threshold) of the claim-pair matcher, read from claim_matcher.json
    (built by scripts/build_claim_matcher.py from the tuning stories of the facts gold)."""
    import json

    with open(MATCHER_JSON, encoding="utf-8") as f:
        m = json.load(f)
    if list(m["features"]) != list(FEATURES):
        raise ValueError(f"{MATCHER_JSON}: its features {m['features']} are not {list(FEATURES)}; "
                         "rebuild it with scripts/build_claim_matcher.py")
    return tuple(float(x) for x in m["weights"]), float(m["intercept"]), float(m["threshold"])


def _probability(features: Sequence[float], weights: Sequence[float], intercept: float) -> float:
    z = intercept + sum(x * y for x, y in zip(weights, features))
    return 1.0 / (1.0 + math.exp(-z))


def match_probability(features: Sequence[float]) -> float:
    """How likely two claims state one fact (logistic model over :data:`FEATURES`), 0..1.

    >>> match_probability((0.0, 0.0, 0.0, 0, 0, 0, 1, 0, 0, 0.0, 0)) < match_probability((2.0, 0.6, 0.6, 1, 1, 2, 0, 1, 3, 0.9, 1))
    True
    """
    w, b, _ = matcher()
    return _probability(features, w, b)
