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
polarity of the clause that holds the mention and (one feature) of the whole sentence. The
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
from typing import NamedTuple, Optional

from .config import DATA_DIR
from .sentiment import sentiment

__all__ = ["Tone", "target_tone", "features", "MODEL_FILE", "METHOD", "LABELS", "mean_interval",
           "model_info"]

MODEL_FILE = DATA_DIR / "tone_model.json"
LEXICON_FILE = DATA_DIR / "tone_lexicon.csv"
LABELS = ("negative", "neutral", "positive")
#: Version of the feature extractor below; the model file must have been built with it.
FEATURES_VERSION = 2


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


_QUOTE_CHARS = ('"', "“", "‘")
_NEG_HINTS = ("n't", "n’t")


@lru_cache(maxsize=8192)
def _tokens(sentence: str) -> tuple:
    """(starts, ends, lowercased tokens, negated flags, inside-a-quotation flags) of a sentence."""
    spans = [m.span() for m in TOKEN.finditer(sentence)]
    low = sentence.lower()
    if len(low) == len(sentence):
        toks = [low[a:b] for a, b in spans]
    else:  # lower() changed the length (rare letters): lowercase token by token
        toks = [sentence[a:b].lower() for a, b in spans]
    starts = [a for a, _ in spans]
    ends = [b for _, b in spans]
    n = len(toks)
    if any(q in sentence for q in _QUOTE_CHARS):
        depth = []
        inside = False
        straight = 0
        for i, t in enumerate(toks):
            depth.append(inside or straight % 2 == 1)
            if t in QUOTE_OPEN:
                inside = True
            elif t in QUOTE_CLOSE and not (t == "’" and i and ends[i - 1] == starts[i]):
                inside = False
            elif t == '"':
                straight += 1
    else:
        depth = [False] * n
    if NEGATIONS.isdisjoint(toks) and not any(h in low for h in _NEG_HINTS):
        neg = [False] * n
    else:
        neg = []
        scope = 0
        for t in toks:
            neg.append(scope > 0)
            if t in NEGATIONS or t.endswith(_NEG_HINTS):
                scope = 3
            elif t in CLAUSE_BREAK or t in (".", "!", "?"):
                scope = 0
            elif scope:
                scope -= 1
    keys = tuple(("~" + t) if ng else t for t, ng in zip(toks, neg))
    lexc = tuple(None if c is None else ("~" + c if ng else c) for c, ng in zip(map(LEXICON.get, toks), neg))
    get = (_POLARITY or _polarities()).get
    pol = tuple((-0.5 * p if ng else p) for p, ng in zip([get(t, 0.0) for t in toks], neg))
    brk = tuple(t in CLAUSE_BREAK for t in toks)
    return tuple(starts), tuple(ends), tuple(toks), tuple(neg), tuple(depth), keys, lexc, pol, brk


def features(sentence: str, start: int, end: int) -> dict[str, float]:
    """The features of the mention ``sentence[start:end]`` (name -> value).

    >>> f = features("Trump attacked Clinton.", 15, 22)
    >>> f["L1:attacked"], "R1:attacked" in f
    (1.0, False)
    """
    starts, ends, toks, neg, depth, keys, lexc, pol, brk = _tokens(sentence)
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
    if not text[s0:s1].strip():
        return Tone("neutral", 0.0, 0.0, 1.0, 0.0)
    return score_features(features(text[s0:s1], start - s0, end - s0))


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
    """The short name and version of the shipped model, e.g. ``newsmtsc-logreg-v1``."""
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
