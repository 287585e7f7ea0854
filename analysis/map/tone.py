"""Target-dependent tone: the tone of a sentence *toward one mention* in it.

:func:`target_tone` scores the mention ``text[start:end]`` within its sentence with a small
multinomial logistic regression (negative / neutral / positive) trained on the train split
of NewsMTSC (Hamborg & Donnay 2021: news sentences in which annotators judged the tone
toward a named person). The weights are a data file (``data/tone_model.json``) built by
``scripts/build_tone_model.py``; scoring is a sum of weights over the mention's features
(pure Python, no scikit-learn at run time).

Features are target-dependent: the words left and right of the mention with their side and
distance bucket (so "X attacked Y" gives X ``R1:attacked`` and Y ``L1:attacked``), the
two-word phrases next to it, whether it is inside a quotation or speaks one, the words in
its negation scope, classes of a small news lexicon (``data/tone_lexicon.csv``: attack,
praise, harm, scandal, success, failure, say, hedge) by side and distance, the TextBlob
polarity of the clause that holds the mention and (one feature) of the whole sentence; then
(features version 3) the lexicon classes counted by side and inside/outside the mention's
clause, and the mention's role toward the verb next to it: its subject ("X attacked"), the
patient of a passive ("X was praised"), the agent after "by", or the object ("attacked X"),
named by the verb's lexicon class or valued by its TextBlob polarity. The
mention's own words are *not* features: the tone must come from what the sentence says, not
from who is named.

>>> t = target_tone("Critics slammed Smith for the disastrous, corrupt deal.", 16, 21)
>>> t.label, -1 <= t.score <= 1
('negative', True)
"""
from __future__ import annotations

import csv
import json
import math
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from collections import Counter
from itertools import chain, compress, repeat
from operator import is_not
from typing import NamedTuple, Optional

from ..config import DATA_DIR
from .sentiment import sentiment

__all__ = ["Tone", "target_tone", "features", "MODEL_FILE", "METHOD", "LABELS", "mean_interval",
           "model_info"]

MODEL_FILE = DATA_DIR / "tone_model.json"
LEXICON_FILE = DATA_DIR / "tone_lexicon.csv"
LABELS = ("negative", "neutral", "positive")
#: Version of the feature extractor below; the model file must have been built with it.
FEATURES_VERSION = 3


class Tone(NamedTuple):
    """Tone toward one mention: ``label``, ``score`` = P(positive) - P(negative), class probabilities."""
    label: str
    score: float
    negative: float
    neutral: float
    positive: float


# --------------------------------------------------------------------------------------
# Lexicons (read once)
# --------------------------------------------------------------------------------------

def _load_lexicon() -> dict[str, str]:
    out: dict[str, str] = {}
    try:
        with open(LEXICON_FILE, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                for w in row["words"].split("|"):
                    w = w.strip().lower()
                    if w:
                        out.setdefault(w, row["class"].strip())
    except (OSError, KeyError) as e:
        raise RuntimeError(f"{LEXICON_FILE}: cannot read the tone lexicon ({e}); it needs columns "
                           "class,words (words separated by |). Restore it from the repository.") from e
    return out


LEXICON: dict[str, str] = _load_lexicon()
NEGATIONS = frozenset(w for w, c in LEXICON.items() if c == "negation")
#: Tokens that close a negation scope and mark clause boundaries.
CLAUSE_BREAK = frozenset({",", ";", ":", "—", "–", "(", ")", "but", "while", "although", "though",
                          "whereas", "because", "who", "which", "after", "before", "when", "if"})
QUOTE_OPEN = frozenset({"“", "‘"})
QUOTE_CLOSE = frozenset({"”", "’"})
PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "they", "them", "their", "it", "its",
                      "i", "me", "my", "we", "us", "our", "you", "your", "himself", "herself"})

TOKEN = re.compile(r"\w+(?:['’\-.]\w+)*|[^\w\s]")

_POLARITY: Optional[dict[str, float]] = None


def _polarities() -> dict[str, float]:
    """word -> TextBlob/pattern lexicon polarity (its word-level entry), loaded once."""
    global _POLARITY
    if _POLARITY is None:
        from textblob.en import sentiment as pattern

        len(pattern)  # loads the lexicon (a lazydict)
        _POLARITY = {w: float(e[None][0]) for w, e in dict.items(pattern) if None in e and e[None][0]}
    return _POLARITY


def _word_polarity(w: str) -> float:
    """TextBlob/pattern lexicon polarity of one lowercased word (0 when absent)."""
    return _polarities().get(w, 0.0)


# --------------------------------------------------------------------------------------
# Features
# --------------------------------------------------------------------------------------

def _bucket(d: int) -> int:
    return 1 if d == 1 else 2 if d <= 3 else 3 if d <= 8 else 4


_BUCKET = tuple(_bucket(d) if d else 0 for d in range(9))
_PRE_L = tuple(f"L{b}:" for b in range(5))
_PRE_R = tuple(f"R{b}:" for b in range(5))
_KPRE_L = tuple(f"KL{min(b, 3)}:" for b in range(5))
_KPRE_R = tuple(f"KR{min(b, 3)}:" for b in range(5))


_NEG_HINTS = ("n't", "n’t")


_START, _END, _GROUP = re.Match.start, re.Match.end, re.Match.group
_NONES = repeat(None)
#: :data:`TOKEN`, the same matches faster: possessive (nothing it matches is ever given back
#: anyway) and, for ASCII text, with ASCII classes (``\s`` of str patterns also takes \x1c-\x1f).
_TOKEN_FAST = re.compile(r"\w++(?:['’\-.]\w++)*+|[^\w\s]")
_TOKEN_ASCII = re.compile(r"\w++(?:['’\-.]\w++)*+|[^\w\s\x1c-\x1f]", re.ASCII)
_QUOTE_TOKENS = QUOTE_OPEN | QUOTE_CLOSE | {'"'}
_SCOPE_END = CLAUSE_BREAK | {".", "!", "?"}


@lru_cache(maxsize=256)  # callers score a sentence's mentions one after another (framing.py does)
def _tokens(sentence: str) -> tuple:
    """What the features of any mention in ``sentence`` are made of, computed once per sentence.

    (starts, ends, lowercased tokens, negated flags, inside-a-quotation flags, feature keys
    (``~`` = negated), lexicon classes, polarities, clause-break flags; then for
    :func:`_fast_tone`: the words' records (:class:`_Records`), what each word needs (0: its
    record entry, 1: a repeated key, 2: a lexicon word), and the indices of clause breaks and
    of the polar words).
    """
    low = sentence.lower()
    if len(low) == len(sentence):
        # lower() changed letters in place, word characters staying word characters (and
        # nothing else changing): the tokens of ``low`` are those of the sentence, lowercased
        found = list((_TOKEN_ASCII if sentence.isascii() else _TOKEN_FAST).finditer(low))
        toks = list(map(_GROUP, found))
    else:  # lower() changed the length (rare letters): lowercase token by token
        found = list(_TOKEN_FAST.finditer(sentence))
        toks = [m.group().lower() for m in found]
    n = len(toks)
    starts, ends = tuple(map(_START, found)), tuple(map(_END, found))
    # each distinct token's lexicon class, polarity, record and flags: one lookup (see _Words)
    if n:
        lexc, pol, recs, brk, marks, cues = zip(*map(_WORDS.__getitem__, toks))
    else:
        lexc = pol = recs = brk = marks = cues = ()
    toks = tuple(toks)
    # inside a quotation: the state before each token; it changes at quotation marks only
    depth = []
    inside = False
    straight = 0
    done = 0
    opens = '"' in sentence or "“" in sentence or "‘" in sentence  # else no token is ever inside
    for i in compress(range(n), marks) if opens else ():
        depth += [inside or straight % 2 == 1] * (i + 1 - done)
        done = i + 1
        t = toks[i]
        if t in QUOTE_OPEN:
            inside = True
        elif t in QUOTE_CLOSE and not (t == "’" and i and ends[i - 1] == starts[i]):
            inside = False
        elif t == '"':
            straight += 1
    depth += [inside or straight % 2 == 1] * (n - done)
    keys = toks
    if not any(cues):
        neg = (False,) * n
    else:
        # a negation marks the next three tokens, up to (and with) the first that ends a scope;
        # another negation starts its own scope
        neg = [False] * n
        for i in compress(range(n), cues):
            for k in range(i + 1, min(i + 4, n)):
                neg[k] = True
                if cues[k] or toks[k] in _SCOPE_END:
                    break
        keys, lexc, pol, recs = list(keys), list(lexc), list(pol), list(recs)
        for k in compress(range(n), neg):
            keys[k] = "~" + keys[k]
            if lexc[k] is not None:
                lexc[k] = "~" + lexc[k]
            pol[k] = -0.5 * pol[k]
            recs[k] = _RECORDS[keys[k]]
        keys, lexc, pol, recs, neg = tuple(keys), tuple(lexc), tuple(pol), tuple(recs), tuple(neg)
    # what each word needs of the scorer: 1 = a key that repeats (and has weights), 2 = a lexicon word
    kind = [0] * n
    counted = Counter(keys)
    if len(counted) < n:
        rep = {k for k, c in counted.items() if c > 1 and _RECORDS[k] is not _EMPTY}
        for i in compress(range(n), map(rep.__contains__, keys)):
            kind[i] = 1
    for i in compress(range(n), map(is_not, lexc, _NONES)):
        kind[i] = 2
    return (starts, ends, toks, neg, tuple(depth), keys, lexc, pol, brk, recs, kind,
            list(compress(range(n), brk)), list(compress(range(n), pol)),
            list(compress(range(n), map(is_not, lexc, _NONES))))


#: Words between a mention and the verb it is the subject of ("Smith has not yet attacked"),
#: and of them those that make a following past participle passive ("Smith was attacked").
_ROLE_SKIP = frozenset({"also", "has", "have", "had", "was", "were", "is", "are", "been", "being", "be",
                        "will", "would", "could", "should", "not", "~not", "never", "repeatedly", "again",
                        "publicly", "reportedly", "recently", "later", "then", "just", "already", "sharply",
                        "strongly", "openly", "once", "still", "even", "did", "does", "do", "can", "may",
                        "might", "must", "to", "got", "get", "gets"})
_PASSIVE_AUX = frozenset({"was", "were", "is", "are", "been", "being", "be", "got", "get", "gets"})
#: Words between a verb and its object that is the mention ("attacked the former President Smith").
_OBJECT_SKIP = frozenset({"the", "a", "an", "president", "sen.", "rep.", "former", "mr.", "ms.", "mrs.",
                          "dr.", "gov."})


def _verb_feature(f: dict, tag: str, lex: Optional[str], polarity: float) -> None:
    """The role feature ``tag`` of a verb: its lexicon class, else its TextBlob polarity."""
    if lex is not None:
        f[tag + lex] = 1.0
    elif polarity:
        f[tag + "pol"] = polarity


def _role_features(toks, keys, lexc, pol, n, li, ri, cl, cr, lexi) -> dict:
    """The features of the mention ``toks[li:ri]`` that come from what its clause does to it,
    in the order :func:`features` sets them (after all others):

    * ``KC:<side><in|out>:<class>``: the count of each lexicon class left (``L``) or right
      (``R``) of the mention, inside its clause or outside;
    * ``ROLE:SUBJ:<class>`` (the mention does it: "Smith attacked"), ``ROLE:PAT:<class>``
      (it is done to the mention: "Smith was attacked"), ``ROLE:AGENT:<class>`` ("attacked
      by Smith"), ``ROLE:OBJ:<class>`` ("attacked Smith"): the lexicon class of the verb, or
      ``...:pol`` = its TextBlob polarity when it has no class.
    """
    f: dict[str, float] = {}
    for i in lexi:
        if li <= i < ri:
            continue
        k = ("KC:L" if i < li else "KC:R") + ("in:" if cl <= i < cr else "out:") + lexc[i]
        f[k] = f.get(k, 0.0) + 1.0
    # the verb right of the mention (past its possessive and auxiliaries / adverbs)
    j = ri + 1 if ri < n and toks[ri] in _POSSESSIVE else ri
    passive = False
    stop = min(cr, ri + 5)
    while j < stop and keys[j] in _ROLE_SKIP:
        passive = passive or toks[j] in _PASSIVE_AUX
        j += 1
    if j < cr:
        tag = "ROLE:PAT:" if passive and toks[j].endswith("ed") else "ROLE:SUBJ:"
        _verb_feature(f, tag, lexc[j], pol[j])
    # the verb left of it: "by" makes the mention its agent, else its object
    if li >= 2 and toks[li - 1] == "by":
        k = li - 2
        while k >= cl and keys[k] in _ROLE_SKIP:
            k -= 1
        if k >= cl:
            _verb_feature(f, "ROLE:AGENT:", lexc[k], pol[k])
    elif li >= 1:
        k = li - 1
        low = max(cl, li - 3)
        while k >= low and toks[k] in _OBJECT_SKIP:
            k -= 1
        if k >= cl:
            _verb_feature(f, "ROLE:OBJ:", lexc[k], pol[k])
    return f


def features(sentence: str, start: int, end: int) -> dict[str, float]:
    """The features of the mention ``sentence[start:end]`` (name -> value).

    >>> f = features("Trump attacked Clinton.", 15, 22)
    >>> f["L1:attacked"], "R1:attacked" in f
    (1.0, False)
    """
    starts, ends, toks, neg, depth, keys, lexc, pol, brk = (tk := _tokens(sentence))[:9]
    lexi = tk[13]
    n = len(toks)
    # tokens left of the mention: those ending at or before its start; right: starting at/after its end
    li = bisect_right(ends, start)
    ri = max(li, bisect_left(starts, end, li))
    f: dict[str, float] = {}
    mention = toks[li:ri]
    if mention and all(t in PRONOUNS for t in mention):
        f["M:pronoun"] = 1.0
    if (mention and mention[-1] in ("'s", "’s")) or (ri < n and toks[ri] in ("'s", "’s", "’", "'")) \
            or (mention and (mention[-1].endswith("'s") or mention[-1].endswith("’s"))):
        f["M:possessive"] = 1.0
    if li == 0:
        f["M:first"] = 1.0
    if li < n and depth[li]:
        f["Q:inside"] = 1.0
    f["POS:" + ("start" if li < n / 3 else "middle" if li < 2 * n / 3 else "end")] = 1.0

    # clause around the mention
    cl = li
    while cl > 0 and not brk[cl - 1]:
        cl -= 1
    cr = ri
    while cr < n and not brk[cr]:
        cr += 1
    lpol = rpol = 0.0
    for side, rng, pre, kpre in (("L", range(li - 1, -1, -1), _PRE_L, _KPRE_L), ("R", range(ri, n), _PRE_R, _KPRE_R)):
        d = 0
        for i in rng:
            d += 1
            b = _BUCKET[d] if d < 9 else 4
            key = keys[i]
            f[pre[b] + key] = 1.0
            f["S:" + key] = 1.0  # the sentence's words, side-free
            c = lexc[i]
            if c is not None:
                ck = kpre[b] + c
                f[ck] = f.get(ck, 0.0) + 1.0
            if cl <= i < cr:
                f["C:" + key] = 1.0  # the words of the mention's clause
                if pol[i]:
                    if side == "L":
                        lpol += pol[i]
                    else:
                        rpol += pol[i]
            if d == 1:
                if side == "L":
                    if i > 0:
                        f["LB:" + toks[i - 1] + "_" + toks[i]] = 1.0
                elif i + 1 < n:
                    f["RB:" + toks[i] + "_" + toks[i + 1]] = 1.0
    if lpol:
        f["PL:left"] = max(-2.0, min(2.0, lpol))
    if rpol:
        f["PL:right"] = max(-2.0, min(2.0, rpol))
    # TextBlob polarity of the clause and of the whole sentence (the latter: one feature)
    c0 = starts[cl] if cl < n else start
    c1 = ends[cr - 1] if cr > 0 else end
    cpol = sentiment(sentence[c0:max(c1, end)])[0]
    spol = sentiment(sentence)[0]
    if cpol:
        f["TB:clause"] = cpol
    if spol:
        f["TB:sentence"] = spol
    f["TB:clause_sign:" + ("neg" if cpol < 0 else "pos" if cpol > 0 else "zero")] = 1.0
    f.update(_role_features(toks, keys, lexc, pol, n, li, ri, cl, cr, lexi))
    return f


# --------------------------------------------------------------------------------------
# Model
# --------------------------------------------------------------------------------------

class _Model(NamedTuple):
    method: str
    intercept: tuple
    weights: dict
    info: dict


def _load_model() -> _Model:
    try:
        data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
        if data.get("features_version") != FEATURES_VERSION:
            raise ValueError(f"built with features_version {data.get('features_version')}, "
                             f"this code extracts version {FEATURES_VERSION}")
        if tuple(data["classes"]) != LABELS:
            raise ValueError(f"classes {data['classes']} are not {list(LABELS)}")
        weights = {k: tuple(v) for k, v in data["weights"].items()}
        intercept = tuple(data["intercept"])
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise RuntimeError(f"{MODEL_FILE}: cannot use the tone model ({e}). Rebuild it with "
                           "`python scripts/build_tone_model.py` (needs the [train] extra and "
                           "../shared/corpora/newsmtsc/train.jsonl).") from e
    info = {k: v for k, v in data.items() if k != "weights"}
    return _Model(data["method"], intercept, weights, info)


_MODEL: Optional[_Model] = None


def _model() -> _Model:
    global _MODEL
    if _MODEL is None:
        _MODEL = _load_model()
    return _MODEL


def model_info() -> dict:
    """What the shipped model says about itself (method, training data, held-out figures)."""
    return dict(_model().info)


def __getattr__(name):  # METHOD is read from the model file on first use
    if name == "METHOD":
        return _model().method
    raise AttributeError(name)


_SENT_END = re.compile(r"[.!?][\"'”’)]*\s+")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """A cheap sentence around ``start:end`` (only when the caller gives none)."""
    s = 0
    for m in _SENT_END.finditer(text, 0, start):
        s = m.end()
    m = _SENT_END.search(text, end)
    e = m.start() + 1 if m else len(text)
    nl = text.rfind("\n\n", s, start)
    if nl >= 0:
        s = nl + 2
    nl = text.find("\n\n", end, e)
    if nl >= 0:
        e = nl
    return s, e


def score_features(f: dict[str, float]) -> Tone:
    """Apply the shipped weights to a feature dict (see :func:`features`)."""
    model = _model()
    w = model.weights
    a, b, c = model.intercept
    for k, v in f.items():
        wk = w.get(k)
        if wk is not None:
            a += v * wk[0]
            b += v * wk[1]
            c += v * wk[2]
    return _softmax(a, b, c)


#: Token-feature prefixes in the order of the slots of :func:`_token_weights`: the left
#: words by distance bucket 1-4, the right ones, then the side-free ``S:`` and clause ``C:``.
_SLOTS = ("L1", "L2", "L3", "L4", "R1", "R2", "R3", "R4", "S", "C")
_TOKEN_WEIGHTS: Optional[dict] = None


def _token_weights() -> dict:
    """feature key (a token, ``~`` = negated) -> the weights of its token features, one slot per
    prefix of :data:`_SLOTS` (None when the model has no such feature); built once."""
    global _TOKEN_WEIGHTS
    if _TOKEN_WEIGHTS is None:
        slot = {p: i for i, p in enumerate(_SLOTS)}
        acc: dict[str, list] = {}
        for name, wk in _model().weights.items():
            prefix, _, key = name.partition(":")
            i = slot.get(prefix)
            if i is not None:
                acc.setdefault(key, [None] * len(_SLOTS))[i] = wk
        _TOKEN_WEIGHTS = {k: tuple(v) for k, v in acc.items()}
    return _TOKEN_WEIGHTS


class _Records(dict):
    """feature key -> its record: per code (side 0 left, 1 right; times 8, plus 2 x (bucket - 1), plus 1 inside the clause), the weights its features add when each is
    new (bucket word, ``S:``, then ``C:`` inside the clause), in that order and flat (negative,
    neutral, positive, negative, ...); last, its slots. Built on first use of a key; keys the
    model does not know share :data:`_EMPTY`."""

    def __missing__(self, key: str) -> tuple:
        slots = _token_weights().get(key)
        if slots is None:
            rec = _EMPTY
        else:
            rec = []
            s, c = slots[8] or (), slots[9] or ()
            for side in (0, 1):
                for b in (1, 2, 3, 4):
                    base = (slots[side * 4 + b - 1] or ()) + s
                    rec += [base, base + c]
            rec = (*rec, slots)
        if len(self) >= _CACHE_KEYS:
            self.clear()
        self[key] = rec
        return rec




_EMPTY = ((),) * 16 + ((None,) * len(_SLOTS),)
_CACHE_KEYS = 500_000
_RECORDS = _Records()


class _Words(dict):
    """token (lowercased) -> (tone-lexicon class, TextBlob word polarity (0.0 when none), its
    record (:class:`_Records`), clause break?, quotation mark?, negation cue?): what
    :func:`_tokens` asks of a token, in one lookup; built on first use of a token."""

    def __missing__(self, tok: str) -> tuple:
        info = (LEXICON.get(tok), (_POLARITY or _polarities()).get(tok, 0.0), _RECORDS[tok],
                tok in CLAUSE_BREAK, tok in _QUOTE_TOKENS, tok in NEGATIONS or tok.endswith(_NEG_HINTS))
        if len(self) >= _CACHE_KEYS:
            self.clear()
        self[tok] = info
        return info


_WORDS = _Words()


def clear_caches() -> None:
    """Forget the memoised sentences and tokens (for benchmarks and tests)."""
    _tokens.cache_clear()
    _WORDS.clear()


def use_model(model: Optional[_Model]) -> Optional[_Model]:
    """Score with ``model`` from now on (None: the shipped file, loaded on next use); returns the
    previous one. Forgets everything built from the previous weights (the training script uses
    it: an empty model while it extracts features, the new one while it evaluates)."""
    global _MODEL, _TOKEN_WEIGHTS
    saved = _MODEL
    _MODEL = model
    _TOKEN_WEIGHTS = None
    _RECORDS.clear()
    clear_caches()
    return saved


#: Does plain ``sum`` add floats one by one, left to right (as ``a += x`` does)? Until Python
#: 3.12 it does; later ones compensate rounding, and then :func:`_fold` adds in a loop.
_SUM_IS_SEQUENTIAL = sum([1e16, 1.0, -1e16], 0.0) == 0.0


def _fold(xs, start: float) -> float:
    for x in xs:
        start += x
    return start


_add_up = sum if _SUM_IS_SEQUENTIAL else _fold
#: The distance buckets past the first word, as (bucket, first distance, last distance).
_RUNS = ((2, 2, 3), (3, 4, 8), (4, 9, 1 << 30))
_POSSESSIVE = ("'s", "’s")
_AFTER_POSSESSIVE = frozenset({"'s", "’s", "’", "'"})
_POS_NAMES = ("POS:start", "POS:middle", "POS:end")
_SIGN_NAMES = ("TB:clause_sign:neg", "TB:clause_sign:zero", "TB:clause_sign:pos")


def _fast_tone(sentence: str, start: int, end: int) -> Tone:
    """``score_features(features(sentence, start, end))``, bit for bit, without building the dict.

    The model's score is a sum of weights in the order :func:`features` first sets them. Walking
    out from the mention, a word whose key occurs once in the sentence (and is in no lexicon
    class) adds its record's entry for its side, bucket and clause whole; the others (repeated
    words, lexicon words) go one by one, adding a feature only where it is new. The weights are
    collected flat (negative, neutral, positive, ...) and summed per class in that order.
    """
    starts, ends, toks, _neg, depth, keys, lexc, pol, _brk, recs, spf, breaks, polar, lexi = _tokens(sentence)
    model = _model()
    w = model.weights
    get = w.get
    n = len(toks)
    li = bisect_right(ends, start)
    ri = max(li, bisect_left(starts, end, li))
    seq = []  # weights in feature order, flat: three per feature
    if li < ri:
        if PRONOUNS.issuperset(toks[li:ri]):
            seq += get("M:pronoun") or ()
        poss = toks[ri - 1].endswith(_POSSESSIVE)
    else:
        poss = False
    if poss or (ri < n and toks[ri] in _AFTER_POSSESSIVE):
        seq += get("M:possessive") or ()
    if li == 0:
        seq += get("M:first") or ()
    if li < n and depth[li]:
        seq += get("Q:inside") or ()
    seq += get(_POS_NAMES[0 if li < n / 3 else 1 if li < 2 * n / 3 else 2]) or ()
    # the clause around the mention: from after the last break left of it to the first one right
    k = bisect_left(breaks, li)
    cl = breaks[k - 1] + 1 if k else 0
    k = bisect_left(breaks, ri, k)
    cr = breaks[k] if k < len(breaks) else n
    counts = {}  # lexicon-class feature -> [its place in seq, count, weights]
    seen_s, seen_c = set(), set()  # keys (of words taken one by one) whose S: / C: feature is set
    seen_p = set()  # ... whose feature of the current side and bucket is set

    def one(i: int, side: int, b: int, inside: bool) -> None:
        """The features of word ``i``, one by one (as :func:`features` sets them)."""
        nonlocal seq
        rec = recs[i]
        slots = rec[16]
        key = keys[i]
        new = False
        if rec is not _EMPTY:
            if key not in seen_p:
                seen_p.add(key)
                seq += slots[side * 4 + b - 1] or ()
            new = key not in seen_s
            if new:
                seen_s.add(key)
                seq += slots[8] or ()
        c = lexc[i]
        if c is not None:
            name = (_KPRE_R if side else _KPRE_L)[b] + c
            got = counts.get(name)
            if got is not None:
                got[1] += 1.0
            else:
                wk = get(name)
                if wk is not None:
                    counts[name] = [len(seq), 1.0, wk]
                    seq += wk
        if inside and rec is not _EMPTY:
            if side == 0:
                if new:  # every word seen so far is in the clause: new in it too
                    seen_c.add(key)
                    seq += slots[9] or ()
            elif key not in seen_c:
                seen_c.add(key)
                seq += slots[9] or ()

    # left of the mention, walking away from it: i = li - d; bucket by bucket
    if li > 0:
        i = li - 1
        if spf[i]:
            one(i, 0, 1, i >= cl)
        else:
            seq += recs[i][i >= cl]
        if i > 0:
            seq += get("LB:" + toks[i - 1] + "_" + toks[i]) or ()
        for b, d0, d1 in _RUNS:
            hi = li - d0
            if hi < 0:
                break
            seen_p = set()
            base = (b - 1) * 2
            for i in range(hi, max(0, li - d1) - 1, -1):
                k = spf[i]
                if not k:
                    seq += recs[i][base + (i >= cl)]
                elif k == 1:  # a repeated word: each feature only where new
                    key = keys[i]
                    slots = recs[i][16]
                    if key not in seen_p:
                        seen_p.add(key)
                        seq += slots[b - 1] or ()
                    if key not in seen_s:
                        seen_s.add(key)
                        seq += slots[8] or ()
                        if i >= cl:
                            seen_c.add(key)
                            seq += slots[9] or ()
                else:
                    one(i, 0, b, i >= cl)
    # right of the mention: i = ri + d - 1
    if ri < n:
        seen_p = set()
        if spf[ri]:
            one(ri, 1, 1, ri < cr)
        else:
            seq += recs[ri][8 + (ri < cr)]
        if ri + 1 < n:
            seq += get("RB:" + toks[ri] + "_" + toks[ri + 1]) or ()
        for b, d0, d1 in _RUNS:
            lo = ri + d0 - 1
            if lo >= n:
                break
            seen_p = set()
            base = 8 + (b - 1) * 2
            for i in range(lo, min(n, ri + d1)):
                k = spf[i]
                if not k:
                    seq += recs[i][base + (i < cr)]
                elif k == 1:
                    key = keys[i]
                    slots = recs[i][16]
                    if key not in seen_p:
                        seen_p.add(key)
                        seq += slots[b + 3] or ()
                    if key not in seen_s:
                        seen_s.add(key)
                        seq += slots[8] or ()
                    if i < cr and key not in seen_c:
                        seen_c.add(key)
                        seq += slots[9] or ()
                else:
                    one(i, 1, b, i < cr)
    for pos, v, wk in counts.values():
        if v != 1.0:
            seq[pos:pos + 3] = (v * wk[0], v * wk[1], v * wk[2])
    # the polarity of the words of the clause left of the mention (walking away), then right
    lpol = rpol = 0.0
    k = bisect_left(polar, li)
    for t in range(k - 1, -1, -1):
        i = polar[t]
        if i < cl:
            break
        lpol += pol[i]
    for t in range(bisect_left(polar, ri, k), len(polar)):
        i = polar[t]
        if i >= cr:
            break
        rpol += pol[i]
    if lpol and (wk := get("PL:left")) is not None:
        v = max(-2.0, min(2.0, lpol))
        seq += (v * wk[0], v * wk[1], v * wk[2])
    if rpol and (wk := get("PL:right")) is not None:
        v = max(-2.0, min(2.0, rpol))
        seq += (v * wk[0], v * wk[1], v * wk[2])
    # TextBlob polarity of the clause and of the whole sentence
    c0 = starts[cl] if cl < n else start
    c1 = ends[cr - 1] if cr > 0 else end
    v = sentiment(sentence[c0:max(c1, end)])[0]
    if v and (wk := get("TB:clause")) is not None:
        seq += (v * wk[0], v * wk[1], v * wk[2])
    sign = _SIGN_NAMES[0 if v < 0 else 2 if v > 0 else 1]
    v = sentiment(sentence)[0]
    if v and (wk := get("TB:sentence")) is not None:
        seq += (v * wk[0], v * wk[1], v * wk[2])
    seq += get(sign) or ()
    for k, v in _role_features(toks, keys, lexc, pol, n, li, ri, cl, cr, lexi).items():
        wk = get(k)
        if wk is not None:
            seq += (v * wk[0], v * wk[1], v * wk[2])
    a, b, c = model.intercept
    return _softmax(_add_up(seq[0::3], a), _add_up(seq[1::3], b), _add_up(seq[2::3], c))


def _softmax(a: float, b: float, c: float) -> Tone:
    m = max(a, b, c)
    ea, eb, ec = math.exp(a - m), math.exp(b - m), math.exp(c - m)
    z = ea + eb + ec
    pn, pu, pp = ea / z, eb / z, ec / z
    label = LABELS[0] if a >= b and a >= c else LABELS[1] if b >= c else LABELS[2]
    return Tone(label, pp - pn, pn, pu, pp)


def target_tone(text: str, start: int, end: int, *, sentence: Optional[tuple[int, int]] = None) -> Tone:
    """Tone toward the mention ``text[start:end]`` within its sentence.

    ``sentence`` = (start, end) of the sentence in ``text``; without it the sentence is found
    around the mention (``text`` may be a single sentence or a whole article).

    >>> target_tone("Trump attacked Clinton.", 15, 22).label
    'negative'
    >>> target_tone("", 0, 0).label
    'neutral'
    """
    if not isinstance(text, str):
        raise TypeError(f"target_tone: text must be str, not {type(text).__name__}")
    if not (0 <= start <= end <= len(text)):
        raise ValueError(f"target_tone: mention {start}:{end} is outside the text (length {len(text)})")
    s0, s1 = sentence if sentence is not None else _sentence_bounds(text, start, end)
    s0, s1 = max(0, min(s0, start)), min(len(text), max(s1, end))
    sentence_text = text[s0:s1]
    if not sentence_text.strip():
        return Tone("neutral", 0.0, 0.0, 1.0, 0.0)
    return _fast_tone(sentence_text, start - s0, end - s0)


# --------------------------------------------------------------------------------------
# Aggregates
# --------------------------------------------------------------------------------------

# two-sided 95% quantiles of Student's t for df = 1..30
_T975 = (12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
         2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
         2.052, 2.048, 2.045, 2.042)


def _t975(df: int) -> float:
    if df <= 30:
        return _T975[df - 1]
    return 1.95996 + 2.3727 / df + 2.8 / df ** 2  # within 0.002 of the exact quantile for df > 30


def mean_interval(scores) -> tuple[float, float, float]:
    """(mean, low, high): the mean and its 95% t-interval, clipped to [-1, 1].

    One score gives the whole range (-1, 1): a single sentence says nothing about spread.

    >>> [round(x, 3) for x in mean_interval([0.5, 0.7, 0.6])]
    [0.6, 0.352, 0.848]
    >>> mean_interval([0.2])
    (0.2, -1.0, 1.0)
    """
    xs = list(scores)
    n = len(xs)
    if n == 0:
        raise ValueError("mean_interval: no scores")
    mean = math.fsum(xs) / n
    if n == 1:
        return mean, -1.0, 1.0
    sd = math.sqrt(math.fsum((x - mean) ** 2 for x in xs) / (n - 1))
    h = _t975(n - 1) * sd / math.sqrt(n)
    return mean, max(-1.0, mean - h), min(1.0, mean + h)


def method() -> str:
    """The short name and version of the shipped model, e.g. ``newsmtsc-logreg-v2``."""
    return _model().method


def distinct_spans(spans):
    """Spans ``(start, end, *rest)`` without overlaps: sorted, the earliest and longest kept.

    >>> distinct_spans([(5, 9, 0), (0, 3, 0), (5, 7, 0)])
    [(0, 3, 0), (5, 9, 0)]
    """
    out, last = [], -1
    for sp in sorted(set(spans), key=lambda x: (x[0], -x[1])):
        if sp[0] >= last:
            out.append(sp)
            last = sp[1]
    return out


MENTION_TONE_COLUMNS = ("article_id", "sentence_id", "start", "end", "text", "entity", "kind", "label",
                        "score", "negative", "neutral", "positive")
OUTLET_TONE_COLUMNS = ("outlet", "entity", "articles", "mentions_scored", "tone", "tone_low", "tone_high",
                       "negative_share", "positive_share", "tone_method")


def mention_tones(tables, *, kinds=("actor", "organisation", "person")):
    """One row per actor mention of an ``export.Tables`` with its target tone (the mentions that
    ``actor_sentiment`` scores: gazetteer mentions of actor kinds plus names of the naming lexicon).

    Columns :data:`MENTION_TONE_COLUMNS`; ``text[start:end]`` of the article is ``text``.
    """
    import pandas as pd

    sents = tables.sentences
    bounds = {(a, i): (s, e) for a, i, s, e in zip(sents.article_id, sents.sentence_id, sents.start, sents.end)}
    spans: dict[tuple, list] = {}
    m = tables.mentions
    m = m[m["kind"].isin(kinds)]
    for a, sid, s, e, ent, kind in zip(m.article_id, m.sentence_id, m.start, m.end, m.entity, m.kind):
        spans.setdefault((a, ent), []).append((int(s), int(e), sid, kind))
    if "labels" in tables:
        lab = tables.labels
        lab = lab[(lab["label_type"] == "name") & (lab["entity"] != "(unresolved)") & lab["sentence_id"].notna()]
        kind_of = {(a, ent): k for (a, ent), v in spans.items() for *_, k in v[:1]}
        for a, sid, s, e, ent in zip(lab.article_id, lab.sentence_id, lab.start, lab.end, lab.entity):
            spans.setdefault((a, ent), []).append((int(s), int(e), int(sid), kind_of.get((a, ent), "actor")))
    rows = []
    for (a, ent), sp in sorted(spans.items()):
        text = tables.texts[a]
        for s, e, sid, kind in distinct_spans(sp):
            b = bounds.get((a, sid))
            if b is None or sid is None or sid != sid:
                continue
            t = target_tone(text, s, e, sentence=b)
            rows.append((a, int(sid), s, e, text[s:e], ent, kind, t.label, t.score, t.negative, t.neutral,
                         t.positive))
    return pd.DataFrame.from_records(rows, columns=list(MENTION_TONE_COLUMNS))


def outlet_tone(mentions, articles, *, entities=None, top: int = 5, min_mentions: int = 1):
    """Tone toward each actor per outlet, pooling the mentions of all its articles, with 95% t-intervals.

    ``mentions``: :func:`mention_tones`; ``articles``: the articles table (for ``outlet``).
    ``entities``: the actors to show (default: the ``top`` most-mentioned).
    Columns :data:`OUTLET_TONE_COLUMNS`.
    """
    import pandas as pd

    outlet = {a: (o if isinstance(o, str) and o else "(unknown)")
              for a, o in zip(articles.article_id, articles.outlet)}
    if entities is None:
        entities = list(mentions["entity"].value_counts().sort_index().sort_values(
            ascending=False, kind="stable").index[:top])
    rows = []
    for ent in entities:
        sub = mentions[mentions["entity"] == ent]
        groups: dict[str, list] = {}
        for a, sc, lab in zip(sub.article_id, sub.score, sub.label):
            groups.setdefault(outlet.get(a, "(unknown)"), []).append((a, sc, lab))
        for o in sorted(groups):
            g = groups[o]
            if len(g) < min_mentions:
                continue
            mean, low, high = mean_interval([x[1] for x in g])
            n = len(g)
            rows.append((o, ent, len({x[0] for x in g}), n, mean, low, high,
                         sum(x[2] == "negative" for x in g) / n, sum(x[2] == "positive" for x in g) / n, method()))
    return pd.DataFrame.from_records(rows, columns=list(OUTLET_TONE_COLUMNS))


def validation_table(info: Optional[dict] = None):
    """The shipped model's held-out NewsMTSC figures next to the sentence-TextBlob baseline (a DataFrame)."""
    import pandas as pd

    ev = (info or model_info())["evaluation"]
    m, b = ev["dev"], ev["baseline_textblob_sentence"]
    rows = [("macro-F1", m["macro_f1"], b["macro_f1"])]
    rows += [(f"F1 {c}", m["f1"][c], b["f1"][c]) for c in LABELS]
    rows += [("accuracy", m["accuracy"], b["accuracy"]),
             (f"per-person mean tone r (persons with >= {ev['person_r']['min_mentions']} mentions)",
              ev["person_r"]["r"], b["person_r"]),
             ("two-target sentences with different gold labels: labels differ too",
              ev["two_targets"]["predicted_labels_differ"] / max(1, ev["two_targets"]["gold_labels_differ"]),
              b["two_targets"]["predicted_labels_differ"] / max(1, b["two_targets"]["gold_labels_differ"]))]
    return pd.DataFrame(rows, columns=["held-out dev figure", method(), "TextBlob sentence polarity"])


def outlet_tone_figure(outlet_tones, *, title: str = "Tone toward each actor, per outlet (95% intervals)"):
    """Dot-and-interval chart of :func:`outlet_tone` rows: one panel row per actor, one dot per outlet."""
    import matplotlib.pyplot as plt

    df = outlet_tones
    ents = list(dict.fromkeys(df["entity"]))
    fig, ax = plt.subplots(figsize=(8, 0.45 * max(3, len(df)) + 1))
    y, ticks, labels = 0, [], []
    for ent in ents:
        sub = df[df["entity"] == ent]
        for _, r in sub.iterrows():
            ax.errorbar(r["tone"], y, xerr=[[r["tone"] - r["tone_low"]], [r["tone_high"] - r["tone"]]],
                        fmt="o", color="C0" if r["tone"] >= 0 else "C3", capsize=3)
            ticks.append(y)
            labels.append(f"{ent} · {r['outlet']} (n={r['mentions_scored']})")
            y -= 1
        y -= 0.5
    ax.axvline(0, color="grey", lw=0.8)
    ax.set_yticks(ticks, labels, fontsize=8)
    ax.set_xlim(-1, 1)
    ax.set_xlabel(f"mean target tone toward the actor ({method()}): -1 negative … +1 positive")
    ax.set_title(title, fontsize=10)
    fig.tight_layout()
    return fig
