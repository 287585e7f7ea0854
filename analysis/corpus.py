"""Corpus-level stages: tables computed across articles from the per-article tables.

Every corpus stage is a function of the per-article tables (DataFrames keyed by table
name, as in :data:`analysis.tables.TABLES`) and the article texts; it never re-analyses an
article. That is what lets the per-article work run anywhere (in-process, a pool of worker
processes, a Dask cluster, or read back from a store) and the corpus stages run once after.

>>> import pandas as pd
>>> from analysis.tables import TABLES
>>> empty = {name: pd.DataFrame(columns=list(cols)) for name, cols in TABLES.items()}
>>> sorted(corpus_rows(empty, {}))
['facts', 'links', 'outlet_profile', 'outlets', 'stories']
"""
from __future__ import annotations

from typing import Mapping

import pandas as pd

from .tables import CORPUS_TABLES


def _published(articles: pd.DataFrame) -> dict[str, str]:
    if articles is None or not len(articles):
        return {}
    pub = articles[["article_id", "published"]].dropna()
    return {str(a): str(p) for a, p in zip(pub["article_id"], pub["published"]) if p}


def _outlets(articles: pd.DataFrame) -> dict[str, str]:
    if articles is None or not len(articles):
        return {}
    return {str(a): (o if isinstance(o, str) else "") for a, o in zip(articles["article_id"], articles["outlet"])}


def _claim_tuples(claims: pd.DataFrame) -> list[tuple]:
    cols = ["claim_id", "article_id", "sentence_id", "start", "end", "text"]
    return list(claims[cols].itertuples(index=False, name=None)) if len(claims) else []


def corpus_rows(per_article: Mapping[str, pd.DataFrame], texts: Mapping[str, str], *,
                skip=frozenset()) -> dict[str, list[tuple]]:
    """Rows of every corpus-level table (``CORPUS_TABLES``), in TABLES column order.

    ``per_article``: the per-article tables of the whole corpus (``claims``, ``quotes``,
    ``articles``, ...); ``texts``: article id -> text as loaded. A stage group named in
    ``skip`` leaves its tables empty.
    """
    from . import claims, facts, outlets, stories

    out: dict[str, list[tuple]] = {name: [] for name in CORPUS_TABLES}
    # stories first: links and facts are compared within a story
    out["stories"] = stories.story_rows(per_article, texts)
    story_frame = pd.DataFrame.from_records(out["stories"], columns=list(stories.COLUMNS))
    story_of = {str(a): str(s) for s, a in zip(story_frame["story_id"], story_frame["article_id"])}
    if "claims" not in skip:
        out["links"] = claims.link_rows(per_article["claims"], per_article["quotes"], dict(texts),
                                        published=_published(per_article.get("articles")),
                                        story_of=story_of or None)
        out["facts"] = facts.fact_rows(out["links"], _claim_tuples(per_article["claims"]),
                                       outlets=_outlets(per_article.get("articles")))
    with_stories = dict(per_article, stories=story_frame)
    out["outlets"] = outlets.outlet_rows(with_stories)
    out["outlet_profile"] = outlets.outlet_profile_rows(with_stories)
    return out
