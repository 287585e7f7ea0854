"""Outlets and leanings: how each outlet (and each political leaning) sources and frames its news.

Two tidy tables, both computed from the per-article tables:

* ``outlets`` (:func:`outlets_table`), one row per outlet, fixed columns (:data:`COLUMNS`):
  articles, words, stories covered, quotes and attributions, the shares of quotes whose speaker
  is named / anonymous / unattributed, the share of women and men among gendered speakers,
  hedges and certainty markers per 100 sentences;
* ``outlet_profile`` (:func:`profile_table`), long, one row per outlet × measure × category
  (:data:`PROFILE_COLUMNS`): quotes by speaker role, articles using each frame, tone toward the
  corpus's most-mentioned actors, speakers by gender.

:func:`leanings` and :func:`leaning_profile` give the same two views with one row per
political leaning instead of per outlet (pooled over the leaning's articles, not averaged
over its outlets). An outlet's ``leaning`` comes from a user's ``outlet,leaning`` CSV file
when one is given, else from the records' metadata (``bias_text``, ``leaning``, ``bias`` ...,
as kept in the articles table's ``meta`` JSON column; the most common value per outlet).

>>> import pandas as pd
>>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"], "words": [100, 50],
...                      "sentences": [10, 5], "meta": ['{"bias_text": "left"}', ""]})
>>> q = pd.DataFrame({"article_id": ["a", "a", "b"], "speaker": ["Ann", None, "one official"],
...                   "speaker_kind": ["named", "unattributed", "anonymous"], "speaker_role": ["", "", "official"]})
>>> t = outlets_table({"articles": arts, "quotes": q})
>>> t[["outlet", "leaning", "articles", "quotes", "named_share"]].values.tolist()
[['X', 'left', 1, 2, 0.5], ['Y', '', 1, 1, 0.0]]
"""
from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path
from typing import Mapping

import pandas as pd

#: Columns of the ``outlets`` table (and, with ``leaning`` first and ``outlets`` instead of
#: ``outlet``, of :func:`leanings`).
COLUMNS = ("outlet", "leaning", "articles", "words", "stories", "quotes", "attributions", "speakers",
           "named_share", "anonymous_share", "unattributed_share", "women_share", "men_share",
           "hedges_per_100", "certainty_per_100")
#: Columns of the long ``outlet_profile`` table.
PROFILE_COLUMNS = ("outlet", "leaning", "measure", "category", "value", "n")
#: Keys of a record's metadata that may hold the outlet's political leaning, in order of preference.
LEANING_KEYS = ("leaning", "bias_text", "political_leaning", "political_bias", "bias_rating", "bias")
#: Outlet name used for articles whose outlet is unknown.
UNKNOWN = "(unknown)"
#: Actors whose tone is profiled: the corpus's most-mentioned ones.
TOP_ACTORS = 5
#: Speaker-gender values counted as women / men (a ``speaker_gender`` column of quotes).
WOMEN = frozenset({"female", "woman", "women", "f", "w"})
MEN = frozenset({"male", "man", "men", "m"})


def _certainty_kinds() -> frozenset:
    from ..map.framing import CERTAINTY_KINDS

    return CERTAINTY_KINDS


def _get(tables, name):
    try:
        df = tables[name]
    except (KeyError, TypeError, AttributeError, IndexError):
        return None
    return df if isinstance(df, pd.DataFrame) else None


def _empty(df) -> bool:
    return df is None or not len(df)


def read_leanings(path) -> dict[str, str]:
    """outlet -> leaning from a CSV file with columns ``outlet,leaning`` (header row required).

    Raises ValueError naming the file and what is missing when the columns are not there.
    """
    path = Path(path)
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        cols = {c.strip().lower(): c for c in (reader.fieldnames or [])}
        if "outlet" not in cols or "leaning" not in cols:
            raise ValueError(f"{path}: a leanings file needs a header row with columns 'outlet' and 'leaning' "
                             f"(found {reader.fieldnames}); one outlet per line, e.g. 'Reuters,center'")
        return {r[cols["outlet"]].strip(): (r[cols["leaning"]] or "").strip()
                for r in reader if (r.get(cols["outlet"]) or "").strip()}


def _meta_leaning(meta) -> str:
    if not isinstance(meta, str) or not meta.strip():
        return ""
    try:
        d = json.loads(meta)
    except ValueError:
        return ""
    if not isinstance(d, dict):
        return ""
    for k in LEANING_KEYS:
        v = d.get(k)
        if isinstance(v, str) and v.strip() and not v.strip().lstrip("-").isdigit():
            return v.strip().lower()
    return ""


def article_groups(articles: pd.DataFrame, *, leanings=None) -> pd.DataFrame:
    """Per article: article_id, outlet (``(unknown)`` when empty) and leaning.

    ``leanings``: a mapping outlet -> leaning or the path of an ``outlet,leaning`` CSV file;
    it wins over the records' metadata.
    """
    if leanings is not None and not isinstance(leanings, Mapping):
        leanings = read_leanings(leanings)
    ids = articles.article_id.astype(str)
    outlet = articles.outlet if "outlet" in articles else pd.Series([None] * len(articles))
    outlet = [o.strip() if isinstance(o, str) and o.strip() else UNKNOWN for o in outlet]
    metas = articles.meta if "meta" in articles else [""] * len(articles)
    votes: dict[str, Counter] = {}
    for o, m in zip(outlet, metas):
        lean = _meta_leaning(m)
        if lean:
            votes.setdefault(o, Counter())[lean] += 1
    lean_of = {o: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for o, c in votes.items()}
    if leanings:
        lean_of.update({k: v for k, v in leanings.items() if v})
    return pd.DataFrame({"article_id": list(ids), "outlet": outlet,
                         "leaning": [lean_of.get(o, "") for o in outlet]})


def _share(num, den) -> float:
    return round(num / den, 4) if den else float("nan")


def _aggregate(tables, groups: pd.DataFrame, key: str) -> pd.DataFrame:
    """The fixed-column aggregates per value of ``key`` (outlet or leaning) of ``groups``."""
    a = _get(tables, "articles")
    g = groups.set_index("article_id")[key]
    art = a.assign(article_id=a.article_id.astype(str))
    art = art.assign(_k=art.article_id.map(g))
    rows = {}
    words = art.groupby("_k").words.sum() if "words" in art else pd.Series(dtype=float)
    sents = art.groupby("_k").sentences.sum() if "sentences" in art else pd.Series(dtype=float)
    n_art = art.groupby("_k").size()
    stories = _get(tables, "stories")
    n_story = pd.Series(dtype=int)
    if not _empty(stories):
        s = stories.assign(_k=stories.article_id.astype(str).map(g))
        n_story = s.groupby("_k").story_id.nunique()
    q = _get(tables, "quotes")
    q = q.assign(_k=q.article_id.astype(str).map(g)) if not _empty(q) else None
    at = _get(tables, "attributions")
    n_attr = (at.assign(_k=at.article_id.astype(str).map(g)).groupby("_k").size()
              if not _empty(at) and "article_id" in at else pd.Series(dtype=int))
    h = _get(tables, "hedges")
    h = h.assign(_k=h.article_id.astype(str).map(g)) if not _empty(h) else None
    has_gender = q is not None and "speaker_gender" in q
    # each group's rows once (what q[q._k == k] selects, in the same order), not a scan per group
    q_of = dict(iter(q.groupby("_k", sort=False))) if q is not None else {}
    h_of = dict(iter(h.groupby("_k", sort=False))) if h is not None else {}
    for k in sorted(n_art.index):
        nq = 0
        kinds = Counter()
        speakers = 0
        women = men = 0
        if q is not None:
            qk = q_of.get(k, q.iloc[:0])
            nq = len(qk)
            kinds = Counter(qk.speaker_kind.fillna("unattributed"))
            named = qk[qk.speaker.notna() & (qk.speaker_kind != "unattributed")]
            distinct = named.drop_duplicates(["article_id", "speaker"])
            speakers = len(distinct)
            if "speaker_gender" in qk:
                sp = distinct.speaker_gender.fillna("").astype(str).str.lower()
                women, men = int(sp.isin(WOMEN).sum()), int(sp.isin(MEN).sum())
        hedges = certainty = 0
        if h is not None:
            hk = h_of.get(k, h.iloc[:0])
            certainty = int(hk.kind.isin(_certainty_kinds()).sum())
            hedges = len(hk) - certainty
        ns = float(sents.get(k, 0) or 0)
        gendered = women + men if has_gender else 0  # no gender column: NaN shares
        rows[k] = (int(n_art[k]), int(words.get(k, 0) or 0), int(n_story.get(k, 0)), nq, int(n_attr.get(k, 0)),
                   speakers, _share(kinds["named"], nq), _share(kinds["anonymous"], nq),
                   _share(kinds["unattributed"], nq), _share(women, gendered), _share(men, gendered),
                   round(100 * hedges / ns, 2) if ns and h is not None else float("nan"),
                   round(100 * certainty / ns, 2) if ns and h is not None else float("nan"))
    return pd.DataFrame.from_dict(rows, orient="index", columns=list(COLUMNS[2:]))


def outlets_table(tables, *, leanings=None) -> pd.DataFrame:
    """The ``outlets`` table: one row per outlet (:data:`COLUMNS`), by articles then name.

    ``tables``: a :class:`analysis.views.export.Tables` or a mapping of table name -> DataFrame
    (``articles`` required; ``quotes``, ``hedges``, ``stories``, ``attributions`` used when there).
    Shares are of quotes (speaker kinds) or of distinct gendered speakers (women/men, empty
    without a ``speaker_gender`` column); rates are per 100 sentences. NaN: nothing to divide by.
    """
    a = _get(tables, "articles")
    if _empty(a):
        return pd.DataFrame(columns=list(COLUMNS))
    groups = article_groups(a, leanings=leanings)
    agg = _aggregate(tables, groups, "outlet")
    lean = groups.drop_duplicates("outlet").set_index("outlet").leaning
    out = agg.assign(outlet=agg.index, leaning=agg.index.map(lean).fillna(""))
    out = out[list(COLUMNS)].sort_values(["articles", "outlet"], ascending=[False, True])
    return out.reset_index(drop=True)


def leanings(tables, *, leanings=None) -> pd.DataFrame:
    """The outlets table aggregated by leaning: ``leaning``, ``outlets`` (count), then the same columns.

    Articles of outlets with no known leaning are pooled under ``""``.
    """
    a = _get(tables, "articles")
    cols = ["leaning", "outlets"] + list(COLUMNS[2:])
    if _empty(a):
        return pd.DataFrame(columns=cols)
    groups = article_groups(a, leanings=leanings)
    agg = _aggregate(tables, groups, "leaning")
    n_out = groups.groupby("leaning").outlet.nunique()
    out = agg.assign(leaning=agg.index, outlets=agg.index.map(n_out))
    return out[cols].sort_values(["articles", "leaning"], ascending=[False, True]).reset_index(drop=True)


def top_actors(tables, *, n: int = TOP_ACTORS) -> list[str]:
    """The ``n`` actors of actor_sentiment (voice ``all``) in most sentences over the corpus."""
    act = _get(tables, "actor_sentiment")
    if _empty(act):
        return []
    a = act[act.voice == "all"] if "voice" in act else act
    tot = a.groupby("entity").sentences.sum()
    return [e for e, _ in sorted(tot.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def _profile(tables, groups: pd.DataFrame, key: str, *, actors: int = TOP_ACTORS) -> pd.DataFrame:
    g = groups.set_index("article_id")[key]
    lean = dict(zip(groups.outlet, groups.leaning))
    rows = []
    q = _get(tables, "quotes")
    if not _empty(q):
        q = q.assign(_k=q.article_id.astype(str).map(g),
                     _role=q.speaker_role.fillna("").replace("", "(no role)"))
        n = q.groupby("_k").size()
        for (k, role), c in q.groupby(["_k", "_role"]).size().items():
            rows.append((k, "speaker_role", role, round(c / n[k], 4), int(c)))
        if "speaker_gender" in q:
            sp = q[q.speaker.notna() & (q.speaker_kind != "unattributed")].drop_duplicates(["article_id", "speaker"])
            sp = sp.assign(_g=sp.speaker_gender.fillna("").astype(str).str.lower().replace("", "unknown"))
            ns = sp.groupby("_k").size()
            for (k, gender), c in sp.groupby(["_k", "_g"]).size().items():
                rows.append((k, "speaker_gender", gender, round(c / ns[k], 4), int(c)))
    frames = _get(tables, "frames")
    if not _empty(frames):
        used = frames[frames.score.astype(float) > 0].drop_duplicates(["article_id", "frame"])
        used = used.assign(_k=used.article_id.astype(str).map(g))
        n_art = groups.groupby(key).size()
        for (k, frame), c in used.groupby(["_k", "frame"]).size().items():
            rows.append((k, "frame", frame, round(c / n_art[k], 4), int(c)))
    act = _get(tables, "actor_sentiment")
    names = top_actors(tables, n=actors)
    if names:
        s = act[(act.voice == "all") & act.entity.isin(names) & (act.sentences > 0)] if "voice" in act else act
        col = "tone" if "tone" in s and s["tone"].notna().any() else "polarity_mean"
        s = s[s[col].notna()].assign(_k=s.article_id.astype(str).map(g))
        s = s.assign(_w=s[col].astype(float) * s.sentences)
        for (k, ent), d in s.groupby(["_k", "entity"]):
            n = int(d.sentences.sum())
            rows.append((k, f"tone ({col})", ent, round(float(d._w.sum()) / n, 4) if n else float("nan"), n))
    out = pd.DataFrame.from_records(rows, columns=[key, "measure", "category", "value", "n"])
    if key == "outlet":
        out.insert(1, "leaning", out.outlet.map(lean).fillna(""))
    return out.sort_values([key, "measure", "category"]).reset_index(drop=True)


def profile_table(tables, *, leanings=None, actors: int = TOP_ACTORS) -> pd.DataFrame:
    """The long ``outlet_profile`` table (:data:`PROFILE_COLUMNS`), by outlet, measure, category.

    measures: ``speaker_role`` (share of the outlet's quotes; n = quotes), ``speaker_gender``
    (share of its distinct speakers; only with a ``speaker_gender`` column), ``frame`` (share
    of its articles with evidence of the frame; n = articles), ``tone (tone)`` or
    ``tone (polarity_mean)`` (sentence-weighted mean tone toward each of the corpus's
    ``actors`` most-mentioned actors; n = sentences).
    """
    a = _get(tables, "articles")
    if _empty(a):
        return pd.DataFrame(columns=list(PROFILE_COLUMNS))
    return _profile(tables, article_groups(a, leanings=leanings), "outlet", actors=actors)


def leaning_profile(tables, *, leanings=None, actors: int = TOP_ACTORS) -> pd.DataFrame:
    """:func:`profile_table` pooled by leaning (columns leaning, measure, category, value, n)."""
    a = _get(tables, "articles")
    if _empty(a):
        return pd.DataFrame(columns=["leaning", "measure", "category", "value", "n"])
    return _profile(tables, article_groups(a, leanings=leanings), "leaning", actors=actors)


def outlet_rows(per_article: Mapping[str, pd.DataFrame]) -> list[tuple]:
    """Rows of the ``outlets`` table for :func:`analysis.corpus.corpus_rows`."""
    return list(outlets_table(per_article).itertuples(index=False, name=None))


def outlet_profile_rows(per_article: Mapping[str, pd.DataFrame]) -> list[tuple]:
    """Rows of the ``outlet_profile`` table for :func:`analysis.corpus.corpus_rows`."""
    return list(profile_table(per_article).itertuples(index=False, name=None))
