"""Stories: the articles of a corpus grouped by the event they cover.

A *story* is the coverage of one event: articles published within a few days of each other
that share the event's rare words and names. :func:`story_rows` groups the articles in one
pass in publication order (first-story detection, as in TDT systems): each article is
compared only with the stories that are still *active* (an article within ``window_days``)
and share one of its distinctive terms, found through an inverted index, so the work grows
linearly with the corpus. An article joins the most similar story when the cosine between
its TF-IDF vector and the story's centroid reaches ``min_similarity``, else it starts a new
story. Every article is in exactly one story (a story may be a single article).

Vectors: the stemmed content words of the headline (counted :data:`HEADLINE_WEIGHT` times)
and of the body's first :data:`LEAD_WORDS` words, plus the entities (actors, places) of the
article's claims, weighted by smoothed IDF.

:func:`select` narrows the tables of a corpus to one story (an id or search words; the
biggest by default), which is how notebooks look at one story of a large corpus.

>>> import pandas as pd
>>> arts = pd.DataFrame({"article_id": ["a", "b", "c"],
...     "headline": ["Earthquake strikes Nepal", "Nepal earthquake kills hundreds", "Senate passes budget"],
...     "published": ["2015-04-25", "2015-04-26", "2015-04-26"], "outlet": ["X", "Y", "X"]})
>>> texts = {"a": "A powerful earthquake struck Nepal near Kathmandu.",
...          "b": "Hundreds died when an earthquake hit Kathmandu, Nepal.",
...          "c": "The Senate passed a budget bill on Tuesday."}
>>> s = stories_table(arts, texts)
>>> s.groupby("story_id").article_id.apply(list).tolist()
[['a', 'b'], ['c']]
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from datetime import date
from heapq import heappop, heappush
from itertools import repeat
from operator import itemgetter, mul
from typing import Mapping

import pandas as pd

#: Columns of the ``stories`` table (see README data dictionary).
COLUMNS = ("story_id", "article_id", "label", "first_published", "last_published", "n_articles", "n_outlets")
#: An article may join a story whose latest article is at most this many days older (or newer).
WINDOW_DAYS = 7
#: Cosine (article vector · story centroid) needed to join a story.
MIN_SIMILARITY = 0.15
#: Headline terms count this many times (a headline names the event).
HEADLINE_WEIGHT = 3
#: Words of the body read (the lead says what the story is; the rest wanders).
LEAD_WORDS = 150
#: Entities (from claims' actors/places) count this many times.
ENTITY_WEIGHT = 1
#: Terms of an article looked up in the index (its most distinctive ones).
INDEX_TERMS = 12
#: Terms kept per story centroid (keeps memory and time per story bounded).
CENTROID_TERMS = 60
#: A term in more than max(MAX_DF_MIN, this share of the articles) is not used for blocking (too common).
MAX_DF_SHARE = 0.05
MAX_DF_MIN = 20

_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _day(value) -> int | None:
    """Day number (proleptic ordinal) of an ISO date string, or None."""
    if not isinstance(value, str):
        return None
    m = _DATE.match(value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).toordinal()
    except ValueError:
        return None


def _str(value) -> str:
    return value if isinstance(value, str) else ""


def article_terms(headline, text: str, entities=()) -> Counter:
    """Term counts of one article: headline terms (weighted), lead terms, ``ent:`` entities.

    >>> sorted(article_terms("Quake hits Nepal", "A quake hit Nepal.", ["Nepal"]).items())[:3]
    [('ent:nepal', 1), ('nepal', 4), ('quak', 4)]
    """
    from ..map.claims import terms

    c: Counter = Counter()
    for t in terms(_str(headline)):
        c[t] += HEADLINE_WEIGHT
    lead = " ".join(_str(text).split(None, LEAD_WORDS)[:LEAD_WORDS])  # (the text split no further)
    c.update(terms(lead))
    for e in entities if ENTITY_WEIGHT > 0 else ():
        if e:
            c["ent:" + e.lower()] += ENTITY_WEIGHT
    return c


def _entities(per_article: Mapping[str, pd.DataFrame]) -> dict[str, set[str]]:
    """article_id -> entity names, from claims (actors, places) or else mentions."""
    out: dict[str, set[str]] = defaultdict(set)
    claims = per_article.get("claims")
    if claims is not None and len(claims):
        for col in ("actors", "places"):
            if col in claims:
                for aid, val in zip(claims.article_id.astype(str).tolist(), claims[col].tolist()):
                    if isinstance(val, str) and val:
                        out[aid].update(val.split(";"))
        return out
    mentions = per_article.get("mentions")
    if mentions is not None and len(mentions):
        m = mentions[mentions.kind.isin(["actor", "organisation", "person", "place"])]
        for aid, ent in zip(m.article_id.astype(str).tolist(), m.entity.tolist()):
            if isinstance(ent, str):
                out[aid].add(ent)
    return out


def _cosine(vec: dict[str, float], norm: float, cent: dict[str, float], cnorm: float) -> float:
    if not norm or not cnorm:
        return 0.0
    if len(vec) > len(cent):
        vec, cent = cent, vec
    # sum(w * cent.get(t, 0.0) for t, w in vec.items()), the same products added in the same order
    return sum(map(mul, vec.values(), map(cent.get, vec, repeat(0.0)))) / (norm * cnorm)


def _norm(vec: dict[str, float]) -> float:
    """Euclidean norm of a term vector (its squares added in the dict's order)."""
    return math.sqrt(sum(map(mul, vec.values(), vec.values())))


def _keys(vec: dict[str, float], blocking) -> list[str]:
    """The article's :data:`INDEX_TERMS` heaviest terms that block (ties by term)."""
    # (sorted()[:n] is nsmallest(n, ...), in C: the keys (-weight, term) are distinct)
    return [t for _, t in sorted([(-w, t) for t, w in vec.items() if t in blocking])[:INDEX_TERMS]]


def _top(vec: dict[str, float], n: int) -> dict[str, float]:
    """The ``n`` heaviest terms, heaviest first (ties by term)."""
    if len(vec) <= n:
        return vec
    # by term (the keys are distinct), then (a stable sort) by weight, heaviest first: the
    # order of key (-weight, term)
    return dict(sorted(sorted(vec.items(), key=itemgetter(0)), key=itemgetter(1), reverse=True)[:n])


class _TermWeights(dict):
    """count -> ``1.0 + log(count)``, computed once per count."""

    __slots__ = ()

    def __missing__(self, k: int) -> float:
        w = self[k] = 1.0 + math.log(k)
        return w


def assign(articles: pd.DataFrame, texts: Mapping[str, str], *, entities: Mapping[str, set] | None = None,
           window_days: int = WINDOW_DAYS, min_similarity: float = MIN_SIMILARITY) -> dict[str, int]:
    """article_id -> story number (0, 1, ... in order of creation), one pass in date order.

    Undated articles are compared with every story (through the index) after the dated ones.
    """
    return _assign(articles, texts, entities=entities, window_days=window_days, min_similarity=min_similarity)[0]


def _assign(articles, texts, *, entities, window_days, min_similarity):
    """(:func:`assign`'s mapping, article_id -> term counts)."""
    entities = entities or {}
    ids = [str(a) for a in articles.article_id]
    heads = dict(zip(ids, articles.headline if "headline" in articles else [None] * len(ids)))
    days = dict(zip(ids, map(_day, articles.published if "published" in articles else [None] * len(ids))))
    counts = {a: article_terms(heads.get(a), texts.get(a, ""), sorted(entities.get(a, ()))) for a in ids}
    n = len(ids)
    df: Counter = Counter()
    for c in counts.values():
        df.update(c.keys())
    idf = {t: math.log((n + 1) / (d + 1)) + 1.0 for t, d in df.items()}
    max_df = max(MAX_DF_MIN, int(MAX_DF_SHARE * n))
    blocking = {t for t, d in df.items() if d <= max_df}  # terms used to find candidate stories
    order = sorted(ids, key=lambda a: (days[a] is None, days[a] or 0, a))

    story_of: dict[str, int] = {}
    centroids: list[dict[str, float]] = []
    cnorms: list[float] = []
    last_day: list[int | None] = []
    index: dict[str, set[int]] = defaultdict(set)  # term -> stories whose centroid holds it
    # the same without the stories no dated article can join any more: the dated articles come
    # first, in date order, so a story whose last day is out of the window stays out of it
    active: dict[str, set[int]] = defaultdict(set)
    ends: list[tuple[int, int]] = []  # (last day, story), a heap (stale entries skipped)
    vectors = {}
    tf = _TermWeights()
    for aid in order:
        vec = {t: tf[k] * idf[t] for t, k in counts[aid].items()}
        norm = _norm(vec)
        keys = _keys(vec, blocking)
        vectors[aid] = (vec, norm, keys)
        day = days[aid]
        if day is not None:
            while ends and ends[0][0] < day - window_days:
                ended, s = heappop(ends)
                if last_day[s] == ended:
                    for t in centroids[s]:
                        if t in blocking:  # (only those were indexed)
                            active[t].discard(s)
        look = active if day is not None else index
        candidates = set()
        for t in keys:
            got = look.get(t)
            if got:
                candidates |= got
        best, best_sim = -1, 0.0
        for s in sorted(candidates):
            if day is not None and last_day[s] is not None and abs(day - last_day[s]) > window_days:
                continue
            sim = _cosine(vec, norm, centroids[s], cnorms[s])
            if sim > best_sim:
                best, best_sim = s, sim
        unit = norm or 1.0
        if best >= 0 and best_sim >= min_similarity:
            s = best
            cent = centroids[s]
            before = set(cent)
            for t, w in vec.items():
                cent[t] = cent.get(t, 0.0) + w / unit
            cent = _top(cent, CENTROID_TERMS)
            centroids[s] = cent
            cnorms[s] = _norm(cent)
            if day is not None:
                last_day[s] = day if last_day[s] is None else max(last_day[s], day)
            # the index follows the centroid's terms: only those it lost or gained change
            for t in before.difference(cent):
                index[t].discard(s)
                active[t].discard(s)
            gained = [t for t in cent if t not in before]
        else:
            s = len(centroids)
            cent = _top({t: w / unit for t, w in vec.items()}, CENTROID_TERMS)
            centroids.append(cent)
            cnorms.append(_norm(cent))
            last_day.append(day)
            gained = cent
        for t in gained:
            if t in blocking:
                index[t].add(s)
                if day is not None:
                    active[t].add(s)
        if day is not None:
            heappush(ends, (last_day[s], s))
        story_of[aid] = s
    return _refine(order, story_of, vectors, days, blocking, window_days, min_similarity), counts


def _refine(order, story_of, vectors, days, blocking, window_days, min_similarity) -> dict[str, int]:
    """Second pass: each article moves to the story whose final centroid (without the article
    itself) it is most similar to, when that reaches ``min_similarity`` (folds in articles that
    came before the rest of their story had built up its vocabulary)."""
    members: dict[int, list[str]] = defaultdict(list)
    for aid in order:
        members[story_of[aid]].append(aid)
    cent: dict[int, dict[str, float]] = {}
    span: dict[int, tuple[int | None, int | None]] = {}
    index: dict[str, set[int]] = defaultdict(set)
    for s, ms in members.items():
        c: dict[str, float] = {}
        for m in ms:
            vec, norm, _ = vectors[m]
            unit = norm or 1.0
            for t, w in vec.items():
                c[t] = c.get(t, 0.0) + w / unit
        d = [days[m] for m in ms if days[m] is not None]
        span[s] = (min(d), max(d)) if d else (None, None)
        cent[s] = _top(c, CENTROID_TERMS)
    held = {s: [t for t in c if t in blocking] for s, c in cent.items()}  # the index terms of each
    for s, ts in held.items():
        for t in ts:
            index[t].add(s)
    cnorm = {s: _norm(c) for s, c in cent.items()}
    # for the dated articles (first, in date order): the index of the stories whose span,
    # widened by the window, holds the day (stories without a date always)
    active: dict[str, set[int]] = defaultdict(set)
    for s in cent:
        if span[s][0] is None:
            for t in held[s]:
                active[t].add(s)
    starts = sorted((span[s][0] - window_days, s) for s in cent if span[s][0] is not None)
    ends: list[tuple[int, int]] = []
    started = 0
    out = dict(story_of)
    for aid in order:
        vec, norm, keys = vectors[aid]
        own = story_of[aid]
        day = days[aid]
        if day is not None:
            while started < len(starts) and starts[started][0] <= day:
                s = starts[started][1]
                for t in held[s]:
                    active[t].add(s)
                heappush(ends, (span[s][1] + window_days, s))
                started += 1
            while ends and ends[0][0] < day:
                s = heappop(ends)[1]
                for t in held[s]:
                    active[t].discard(s)
        look = active if day is not None else index
        candidates = {own}
        for t in keys:
            got = look.get(t)
            if got:
                candidates |= got
        best, best_sim = own, -1.0
        for s in sorted(candidates):
            c, cn = cent[s], cnorm[s]
            if s == own:
                if len(members[s]) == 1:
                    continue
                unit = norm or 1.0
                get = vec.get
                c = {t: w - get(t, 0.0) / unit for t, w in c.items()}  # without the article
                cn = _norm(c)
            elif day is not None and span[s][0] is not None and \
                    not (span[s][0] - window_days <= day <= span[s][1] + window_days):
                continue
            sim = _cosine(vec, norm, c, cn)
            if sim > best_sim:
                best, best_sim = s, sim
        if best != own and best_sim >= min_similarity:
            out[aid] = best
    return out


def stories_table(articles: pd.DataFrame, texts: Mapping[str, str], *,
                  entities: Mapping[str, set] | None = None, window_days: int = WINDOW_DAYS,
                  min_similarity: float = MIN_SIMILARITY) -> pd.DataFrame:
    """The ``stories`` table (:data:`COLUMNS`): one row per article, with its story's summary.

    ``story_id`` 1 is the story with the most articles (then the earliest, then by article id).
    ``label`` is the headline of the story's most central article (else its top terms).
    """
    if articles is None or not len(articles):
        return pd.DataFrame(columns=list(COLUMNS))
    story_of, counts = _assign(articles, texts, entities=entities, window_days=window_days,
                               min_similarity=min_similarity)
    a = articles.assign(article_id=articles.article_id.astype(str))
    a = a.assign(story=a.article_id.map(story_of))
    heads = dict(zip(a.article_id, a.headline if "headline" in a else [None] * len(a)))
    outlets = dict(zip(a.article_id, a.outlet if "outlet" in a else [None] * len(a)))
    pub = dict(zip(a.article_id, a.published if "published" in a else [None] * len(a)))
    members: dict[int, list[str]] = defaultdict(list)
    for aid, s in sorted(story_of.items(), key=lambda kv: kv[0]):
        members[s].append(aid)

    def first(ms):
        d = sorted(_str(pub[m])[:10] for m in ms if _day(pub[m]) is not None)
        return d[0] if d else ""

    ranked = sorted(members, key=lambda s: (-len(members[s]), first(members[s]) or "9999", members[s][0]))
    rows = []
    for number, s in enumerate(ranked, start=1):
        ms = members[s]
        dated = sorted(_str(pub[m])[:10] for m in ms if _day(pub[m]) is not None)
        label = _label(ms, heads, counts)
        n_outlets = len({o for o in (outlets[m] for m in ms) if isinstance(o, str) and o})
        for m in ms:
            rows.append((number, m, label, dated[0] if dated else None, dated[-1] if dated else None,
                         len(ms), n_outlets))
    return pd.DataFrame.from_records(rows, columns=list(COLUMNS))


def _label(members: list[str], heads, counts) -> str:
    """Headline of the member closest to the others (most shared terms), else top terms."""
    total: Counter = Counter()
    for m in members:
        total.update(set(counts[m]))
    with_head = [m for m in members if _str(heads.get(m)).strip()]
    if with_head:
        best = max(with_head, key=lambda m: (sum(total[t] for t in set(counts[m])) / (len(counts[m]) or 1)
                                             if len(members) > 1 else 0, -members.index(m)))
        return " ".join(_str(heads[best]).split())[:120]
    top = [t.removeprefix("ent:") for t, _ in sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:5]]
    return ", ".join(top) if top else "(no text)"


def story_rows(per_article: Mapping[str, pd.DataFrame], texts: Mapping[str, str]) -> list[tuple]:
    """Rows of the ``stories`` table from the per-article tables (``articles``, ``claims``)."""
    articles = per_article.get("articles")
    if articles is None or not len(articles):
        return []
    table = stories_table(articles, texts, entities=_entities(per_article))
    return list(table.itertuples(index=False, name=None))


# ----------------------------------------------------------------------------- narrowing

def stories_of(tables) -> pd.DataFrame:
    """The stories table of ``tables``, computed when the tables do not carry one."""
    s = _table(tables, "stories")
    if s is not None and (len(s) or not len(tables.articles)):
        return s
    frames = {name: _table(tables, name) for name in ("articles", "claims", "mentions")}
    return stories_table(tables.articles, tables.texts,
                         entities=_entities({k: v for k, v in frames.items() if v is not None}))


def _table(tables, name):
    try:
        df = tables[name]
    except (KeyError, TypeError, AttributeError):
        return None
    return df if isinstance(df, pd.DataFrame) else None


def summary(tables) -> pd.DataFrame:
    """One row per story: story_id, label, first/last published, n_articles, n_outlets, outlets."""
    s = stories_of(tables)
    cols = ["story_id", "label", "first_published", "last_published", "n_articles", "n_outlets"]
    if not len(s):
        return pd.DataFrame(columns=cols + ["outlets"])
    out = tables.articles[["article_id", "outlet"]].assign(article_id=lambda d: d.article_id.astype(str))
    j = s.merge(out, on="article_id", how="left")
    names = j.groupby("story_id").outlet.agg(lambda x: ", ".join(sorted({o for o in x if isinstance(o, str) and o})))
    per = s.drop_duplicates("story_id")[cols].set_index("story_id")
    return per.assign(outlets=names).reset_index().sort_values("story_id").reset_index(drop=True)


def find(tables, story=None) -> int | None:
    """The story_id meant by ``story``: None -> the biggest; an int or digits -> that id;
    words -> the story with most articles whose headline or label holds all of them.

    Raises ValueError (saying which ids exist) when nothing matches.
    """
    s = stories_of(tables)
    if not len(s):
        return None
    if story is None or (isinstance(story, str) and not story.strip()):
        return int(s.story_id.min())
    ids = set(int(x) for x in s.story_id)
    if isinstance(story, (int,)) or (isinstance(story, str) and story.strip().isdigit()):
        sid = int(story)
        if sid not in ids:
            raise ValueError(f"no story {sid}: story ids run from {min(ids)} to {max(ids)} "
                             "(see analysis.corpus.stories.summary(tables))")
        return sid
    words = [w.lower() for w in str(story).split()]
    heads = dict(zip(tables.articles.article_id.astype(str), tables.articles.headline))
    hits: Counter = Counter()
    for sid, aid, label in zip(s.story_id, s.article_id, s.label):
        text = (_str(heads.get(aid)) + " " + _str(label)).lower()
        if all(w in text for w in words):
            hits[int(sid)] += 1
    if not hits:
        raise ValueError(f"no story's headlines contain all of {story!r}; give other words or a story id "
                         "(see analysis.corpus.stories.summary(tables))")
    return sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def select(tables, story=None):
    """The tables narrowed to one story (``story``: id, search words, or None for the biggest).

    Every table with an ``article_id`` keeps the story's rows; ``links`` keeps pairs inside
    the story; ``files`` keeps the files the story's articles came from; texts likewise.
    A corpus with no articles is returned unchanged.

    >>> from analysis.views.export import analyse
    >>> from analysis.config import SEEDS_DIR
    >>> t = analyse(SEEDS_DIR)
    >>> len(select(t).articles) == len(t.articles)   # the seeds are one story
    True
    """
    from ..tables import Tables

    s = stories_of(tables)
    sid = find(tables, story)
    if sid is None:
        return tables
    keep = set(s.loc[s.story_id == sid, "article_id"].astype(str))
    frames = {}
    for name in tables:
        df = tables[name]
        if not isinstance(df, pd.DataFrame):
            frames[name] = df
        elif name == "links" and "article_a" in df:
            frames[name] = df[df.article_a.astype(str).isin(keep) & df.article_b.astype(str).isin(keep)]
        elif name == "files" and "path" in df:
            paths = set(tables.articles.loc[tables.articles.article_id.astype(str).isin(keep), "path"])
            frames[name] = df[df.path.isin(paths)]
        elif "article_id" in df:
            frames[name] = df[df.article_id.astype(str).isin(keep)]
        else:
            frames[name] = df
    if "stories" not in frames:
        frames["stories"] = s[s.story_id == sid]
    frames = {k: (v.reset_index(drop=True) if isinstance(v, pd.DataFrame) else v) for k, v in frames.items()}
    out = Tables(frames, {a: t for a, t in tables.texts.items() if a in keep}, tables.corpus)
    out.story = sid
    return out
