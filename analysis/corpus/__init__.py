"""Corpus-level stages: tables computed across articles from the per-article tables.

Every corpus stage is a function of the per-article tables (DataFrames keyed by table
name, as in :data:`analysis.tables.TABLES`) and the article texts; it never re-analyses an
article. That is what lets the per-article work run anywhere (in-process, a pool of worker
processes, a Dask cluster, or read back from a store) and the corpus stages run once after.

Each stage reads only the columns it needs (:data:`NEEDS`; from a store, only those are
read from disk) and drops them when it is done. The stages form a small graph: ``stories``
first; ``links`` (then ``facts``) and ``outlets`` need the stories. With ``jobs`` > 1 the
stories, then the outlets, are computed in a worker process while this one finds the links
(which wait for the stories only when they first compare two articles' stories); every
stage is the same function either way, so the rows are the same.

>>> import pandas as pd
>>> from analysis.tables import TABLES
>>> empty = {name: pd.DataFrame(columns=list(cols)) for name, cols in TABLES.items()}
>>> sorted(corpus_rows(empty, {}))
['facts', 'links', 'outlet_profile', 'outlets', 'stories']
"""
from __future__ import annotations

import gc
import time
from typing import Callable, Mapping, Optional

import pandas as pd

from ..tables import CORPUS_TABLES, TABLES

#: The columns of the per-article tables each corpus stage reads.
NEEDS: dict[str, dict[str, tuple[str, ...]]] = {
    "stories": {"articles": ("article_id", "headline", "published", "outlet"),
                "claims": ("article_id", "actors", "places"),
                "mentions": ("article_id", "entity", "kind")},  # (only when there are no claims)
    "links": {"claims": ("claim_id", "article_id", "start", "end", "text", "actors", "places", "numbers",
                         "dates", "events"),
              "quotes": ("article_id", "start", "end", "quote", "speaker"),
              "articles": ("article_id", "published")},
    "reuse": {"claims": ("claim_id", "article_id", "start", "end", "text"),  # (part of the links)
              "quotes": ("article_id", "start", "end", "quote", "speaker")},
    "facts": {"claims": ("claim_id", "article_id", "sentence_id", "start", "end", "text"),
              "articles": ("article_id", "outlet")},
    "outlets": {"articles": ("article_id", "outlet", "meta", "words", "sentences"),
                "quotes": ("article_id", "speaker", "speaker_kind", "speaker_role", "speaker_gender"),
                "attributions": ("article_id",),
                "hedges": ("article_id", "kind"),
                "frames": ("article_id", "frame", "score"),
                "actor_sentiment": ("article_id", "entity", "voice", "sentences", "tone", "polarity_mean")},
}

#: CPU seconds of each corpus stage in the last :func:`corpus_rows` of this process (and of
#: the worker that ran it, if one did): what ``make bench`` prints.
LAST_SECONDS: dict[str, float] = {}


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


def _columns(per_article: Mapping[str, pd.DataFrame], name: str, columns) -> Optional[pd.DataFrame]:
    """Table ``name`` narrowed to ``columns`` (those it has), read lazily from a store when
    ``per_article`` can (``per_article.columns``); None when there is no such table."""
    reader = getattr(per_article, "columns", None)
    if callable(reader) and name in TABLES:
        return reader(name, [c for c in columns if c in TABLES[name]])
    try:
        df = per_article[name]
    except KeyError:
        return None
    if not isinstance(df, pd.DataFrame):
        return df
    return df[[c for c in columns if c in df.columns]]


def _narrowed(per_article, stages) -> dict[str, pd.DataFrame]:
    """The tables the ``stages`` read, each with the columns any of them reads."""
    wanted: dict[str, list[str]] = {}
    for stage in stages:
        for name, columns in NEEDS[stage].items():
            wanted.setdefault(name, [])
            wanted[name] += [c for c in columns if c not in wanted[name]]
    out = {}
    for name, columns in wanted.items():
        df = _columns(per_article, name, columns)
        if df is not None:
            out[name] = df
    return out


def _inputs(per_article, stage: str, names=None) -> dict[str, pd.DataFrame]:
    out = {}
    for name, columns in NEEDS[stage].items():
        if names is not None and name not in names:
            continue
        df = _columns(per_article, name, columns)
        if df is not None:
            out[name] = df
    return out


def release() -> None:
    """Collect garbage and hand freed heap memory back to the system, so that the next
    stage starts from a small resident size."""
    from .links import release_memory

    gc.collect()
    release_memory()


# ----------------------------------------------------------------------------- the stages


def stories_stage(per_article, texts) -> tuple[list[tuple], float]:
    """Rows of the ``stories`` table, and the CPU seconds taken."""
    from . import stories

    t = time.process_time()
    texts = texts() if callable(texts) else texts
    articles, claims, mentions = _story_input(per_article)
    tables = {"articles": articles, "claims": claims}
    if mentions is not None:
        tables["mentions"] = mentions
    rows = stories.story_rows({k: v for k, v in tables.items() if v is not None}, texts)
    return rows, time.process_time() - t


def outlets_stage(per_article, story_rows: list[tuple]) -> tuple[list[tuple], list[tuple], float]:
    """Rows of the ``outlets`` and ``outlet_profile`` tables, and the CPU seconds taken."""
    from . import outlets, stories

    t = time.process_time()
    with_stories = dict(_inputs(per_article, "outlets"), stories=pd.DataFrame.from_records(story_rows, columns=list(stories.COLUMNS)))
    out = outlets.outlet_rows(with_stories), outlets.outlet_profile_rows(with_stories)
    return (*out, time.process_time() - t)


class _StoryMap(Mapping):
    """article id -> story id, from the stories rows a worker is still computing (the first
    item of its result): the first look-up waits for them, and calls ``ready(result)``."""

    def __init__(self, future, ready: Callable[[tuple], None]) -> None:
        self._future, self._ready, self._map = future, ready, None

    def resolve(self) -> dict:
        if self._map is None:
            result = self._future.result()
            self._map = {str(a): str(s) for s, a, *_ in result[0]}
            self._ready(result)
        return self._map

    _get = resolve

    def __getitem__(self, key):
        return self._get()[key]

    def __iter__(self):
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())

    def __bool__(self) -> bool:
        return bool(self._get())


def _story_input(per_article):
    st = _inputs(per_article, "stories", ("articles", "claims"))
    claims = st.get("claims")
    mentions = None
    if claims is None or not len(claims):  # stories fall back on mentions for entities
        mentions = _columns(per_article, "mentions", NEEDS["stories"]["mentions"])
    return st.get("articles"), claims, mentions


def stories_and_outlets(per_article, texts, reuse: bool = False) -> tuple:
    """:func:`stories_stage`, then :func:`outlets_stage` on its stories, then (``reuse``) the
    links' reused quotes and shared passages (:func:`analysis.corpus.links.reuse_links`), with
    their CPU seconds: what a worker runs beside the rest of the links."""
    story_rows, story_secs = stories_stage(per_article, texts)
    out = (story_rows, story_secs, *outlets_stage(per_article, story_rows))
    if not reuse:
        return out
    from . import links

    t = time.process_time()
    lk = _inputs(per_article, "reuse")
    found = links.reuse_links(lk["claims"], lk.get("quotes"), texts)
    return (*out, found, time.process_time() - t)


def corpus_rows(per_article: Mapping[str, pd.DataFrame], texts: Mapping[str, str], *,
                skip=frozenset(), jobs: int = 1) -> dict[str, list[tuple]]:
    """Rows of every corpus-level table (``CORPUS_TABLES``), in TABLES column order.

    ``per_article``: the per-article tables of the whole corpus (``claims``, ``quotes``,
    ``articles``, ...), a mapping of DataFrames or a store's lazy reader; ``texts``: article
    id -> text as loaded, or a function returning that (called by each stage that reads
    texts, which lets go of them when done: a store's reader). A stage group named in ``skip`` leaves its tables empty. ``jobs``
    > 1: stories, outlets and the links' reused quotes and passages run in a worker process
    beside the rest of the links, which hand their paraphrase part to another (same rows).
    """
    out: dict[str, list[tuple]] = {name: [] for name in CORPUS_TABLES}
    secs = LAST_SECONDS
    secs.clear()
    if jobs <= 1 or "claims" in skip:
        out["stories"], secs["stories"] = stories_stage(per_article, texts)
        release()
        out["outlets"], out["outlet_profile"], secs["outlets"] = outlets_stage(per_article, out["stories"])
        release()
        if "claims" not in skip:
            story_of = {str(a): str(s) for s, a, *_ in out["stories"]} or None
            _links_and_facts(per_article, texts, story_of, out, secs, jobs=jobs)
        return out
    from concurrent.futures import ProcessPoolExecutor

    from ..map.parallel import _pool_context

    # the worker reads its columns itself from a store; else it is sent them
    lazy = callable(getattr(per_article, "columns", None))
    source = per_article if lazy else _narrowed(per_article, ("stories", "outlets", "reuse"))
    pool = ProcessPoolExecutor(max_workers=1, mp_context=_pool_context())
    try:
        future = pool.submit(stories_and_outlets, source, texts, True)
        del source
        reused = {}

        def ready(result):  # the worker's part is in; it is no longer needed
            (out["stories"], secs["stories"], out["outlets"], out["outlet_profile"],
             secs["outlets"], reused["links"], secs["links (reused text)"]) = result
            pool.shutdown(wait=True)  # (no thread left behind: the links may fork)

        story_of = _StoryMap(future, ready)  # (empty: as no story map, like None)

        def reuse():
            story_of.resolve()
            return reused.pop("links")

        _links_and_facts(per_article, None, story_of, out, secs, jobs=jobs, reuse=reuse)
        story_of.resolve()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return out


def _links_and_facts(per_article, texts, story_of, out, secs, *, jobs: int = 1, reuse=None) -> None:
    from . import facts, links

    t = time.process_time()
    lk = _inputs(per_article, "links", None if reuse is None else ("claims", "articles"))
    out["links"] = links.link_rows(lk["claims"], lk.get("quotes"), texts, reuse=reuse,
                                    published=_published(lk.get("articles")), story_of=story_of, jobs=jobs)
    del lk
    release()
    secs["links"] = time.process_time() - t
    t = time.process_time()
    fa = _inputs(per_article, "facts")
    out["facts"] = facts.fact_rows(out["links"], _claim_tuples(fa["claims"]),
                                   outlets=_outlets(fa.get("articles")))
    del fa
    release()
    secs["facts"] = time.process_time() - t


# --------------------------------------------------------------------------- in memory

class _CorpusState:
    """What the corpus-level stages (analysis.corpus) keep of each article."""

    KEPT = ("articles", "claims", "quotes", "attributions", "frames", "hedges", "actor_sentiment")  # corpus stages read these

    def __init__(self) -> None:
        self.rows: dict[str, list[tuple]] = {name: [] for name in self.KEPT}
        self.texts: dict[str, str] = {}

    def add(self, article_id: str, text: str, rows: dict[str, list[tuple]]) -> None:
        for name in self.KEPT:
            self.rows[name].extend(rows.get(name, ()))
        self.texts[article_id] = text

    def corpus_rows(self, *, skip=frozenset()) -> dict[str, list[tuple]]:
        """The corpus-level tables' rows (:func:`corpus_rows`); uses up the
        rows kept (each table's tuples are let go of once its DataFrame is built)."""
        frames = {}
        for name in list(self.rows):
            frames[name] = pd.DataFrame.from_records(self.rows.pop(name), columns=list(TABLES[name]))
        self.rows = {name: [] for name in self.KEPT}
        return corpus_rows(frames, self.texts, skip=skip)


def run(path, sink, *, body_field: str | None = None,
        keep: Callable[[str, str], None] | None = None, skip=()) -> None:
    """Analyse ``path`` into ``sink`` in this process; ``keep(article_id, text)`` sees every article.

    Per-article rows stream into the sink as each article is done; what the corpus-level
    stages need (claims, quotes, articles, texts) is kept until the end, then their tables
    (:func:`corpus_rows`) are added. ``sink`` is a :class:`analysis.map.pipeline.RowSink`. The stored, parallel path is
    :mod:`analysis.store`.
    """
    from ..map import load, pipeline

    skip = pipeline.check_skip(skip)
    corpus = _CorpusState()
    with pipeline.batch_gc():
        for fr, articles in load.iter_corpus(path, body_field=body_field):
            fr, done = pipeline.analyse_file(fr, articles, skip=skip)
            sink.add("files", [pipeline.file_row(fr)])
            for aid, text, rows in done:
                for table, table_rows in rows.items():
                    sink.add(table, table_rows)
                corpus.add(aid, text, rows)
                if keep:
                    keep(aid, text)
        for table, table_rows in corpus.corpus_rows(skip=skip).items():
            sink.add(table, table_rows)
    sink.close()
