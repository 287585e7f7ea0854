"""Source profiling: who each article quotes and cites, and how.

All functions take a :class:`analysis.views.export.Tables` (or its DataFrames) and return tidy
DataFrames, sorted so that output is deterministic.

>>> from analysis.views.export import analyse
>>> from analysis.config import SEEDS_DIR
>>> p = article_profile(analyse(SEEDS_DIR))
>>> list(p.columns[:3])
['article_id', 'label', 'headline']
"""
from __future__ import annotations

import pandas as pd

SPEAKER_KINDS = ("named", "anonymous", "unattributed")
SOURCE_KINDS = ("media", "organisation", "government", "person", "anonymous")


def short_label(headline: str | None, article_id: str, *, width: int = 38) -> str:
    """A readable label for an article: its headline shortened, else its id.

    >>> short_label("Russian airstrikes allow ISIS to advance on Aleppo city", "a1", width=30)
    'Russian airstrikes allow…'
    >>> short_label(float("nan"), "a1")    # no headline (a bare text file, a CSV without titles)
    'a1'
    """
    text = " ".join(headline.split()) if isinstance(headline, str) else ""
    text = text or str(article_id)
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0]
    return cut + "…"


def labels(tables) -> dict[str, str]:
    """article_id -> short headline label, unique per article."""
    out: dict[str, str] = {}
    seen: dict[str, int] = {}
    for aid, head in sorted(zip(tables.articles.article_id, tables.articles.headline)):
        lab = short_label(head, aid)
        seen[lab] = seen.get(lab, 0) + 1
        out[aid] = lab if seen[lab] == 1 else f"{lab} ({seen[lab]})"
    return out


def article_profile(tables) -> pd.DataFrame:
    """One row per article: headline, outlet, byline, date, size, quotes and sources."""
    a = tables.articles
    q = tables.quotes
    s = tables.sources
    qn = q.groupby("article_id").size()
    named = q[q.speaker_kind == "named"].groupby("article_id").size()
    anon = q[q.speaker_kind == "anonymous"].groupby("article_id").size()
    speakers = q.dropna(subset=["speaker"]).groupby("article_id").speaker.nunique()
    sn = s.groupby("article_id").size()
    lab = labels(tables)
    out = pd.DataFrame({
        "article_id": a.article_id,
        "label": a.article_id.map(lab),
        "headline": a.headline,
        "outlet": a.outlet,
        "byline": a.byline,
        "published": a.published,
        "words": a.words,
        "sentences": a.sentences,
        "quotes": a.article_id.map(qn).fillna(0).astype(int),
        "named_quotes": a.article_id.map(named).fillna(0).astype(int),
        "anonymous_quotes": a.article_id.map(anon).fillna(0).astype(int),
        "speakers": a.article_id.map(speakers).fillna(0).astype(int),
        "sources": a.article_id.map(sn).fillna(0).astype(int),
    })
    words = out.words.where(out.words > 0)
    out["quoted_share"] = (a.article_id.map(q.groupby("article_id").words.sum()).fillna(0) / words).round(3)
    return out.sort_values("article_id").reset_index(drop=True)


def speaker_profile(tables) -> pd.DataFrame:
    """One row per article and speaker: how often quoted, kind, role, words quoted."""
    q = tables.quotes.copy()
    q["speaker"] = q.speaker.fillna("(unattributed)")
    g = q.groupby(["article_id", "speaker", "speaker_kind", "speaker_role"], dropna=False)
    out = g.agg(quotes=("quote", "size"), words=("words", "sum"), first_start=("start", "min")).reset_index()
    return out.sort_values(["article_id", "first_start"]).drop(columns="first_start").reset_index(drop=True)


def kind_counts(tables, *, by: str = "speaker_kind") -> pd.DataFrame:
    """Articles × kinds (speaker_kind or speaker_role of quotes), counts of quotes; zeros kept."""
    q = tables.quotes
    cols = list(SPEAKER_KINDS) if by == "speaker_kind" else sorted(set(q[by].fillna("")) - {""} | {"other"})
    table = pd.crosstab(q.article_id, q[by].replace("", "other").fillna("other"))
    table = table.reindex(index=sorted(tables.articles.article_id), columns=cols, fill_value=0)
    table.columns.name = by
    return table


def citation_profile(tables) -> pd.DataFrame:
    """One row per article and cited source: kind, via, how many citations."""
    s = tables.sources.copy()
    s["via"] = s.via.fillna("")
    g = s.groupby(["article_id", "source", "source_kind", "via"], dropna=False)
    out = g.agg(citations=("text", "size"), first_start=("start", "min")).reset_index()
    return out.sort_values(["article_id", "first_start"]).drop(columns="first_start").reset_index(drop=True)


def source_kind_counts(tables) -> pd.DataFrame:
    """Articles × source kinds, number of citations; zeros kept."""
    s = tables.sources
    table = pd.crosstab(s.article_id, s.source_kind)
    table = table.reindex(index=sorted(tables.articles.article_id), columns=list(SOURCE_KINDS), fill_value=0)
    table.columns.name = "source_kind"
    return table


def relayed_sources(tables) -> pd.DataFrame:
    """Sources cited by more than one article, with the articles that cite them."""
    s = tables.sources
    cited = pd.concat([s[["article_id", "source"]], s.loc[s.via.fillna("") != "", ["article_id", "via"]]
                       .rename(columns={"via": "source"})])
    g = cited.drop_duplicates().groupby("source").article_id
    out = pd.DataFrame({"articles": g.nunique(), "article_ids": g.apply(lambda x: ", ".join(sorted(x)))})
    out = out[out.articles > 1].reset_index()
    return out.sort_values(["articles", "source"], ascending=[False, True]).reset_index(drop=True)


def file_overview(tables) -> pd.DataFrame:
    """The files table with paths relative to the corpus folder (stable across machines)."""
    from pathlib import Path

    root = Path(tables.corpus)
    base = root if root.is_dir() else root.parent

    def rel(p: str) -> str:
        try:
            return str(Path(p).relative_to(base))
        except ValueError:
            return p

    f = tables.files.assign(path=tables.files.path.map(rel))
    return f[["path", "status", "reason", "articles", "format", "encoding", "note"]] \
        .sort_values("path").reset_index(drop=True)


def quote_table(tables, *, width: int = 110) -> pd.DataFrame:
    """The quotes with article labels, speakers and cues; long quotes shortened for display."""
    q = tables.quotes
    short = q.quote.map(lambda s: " ".join(s.split()) if len(s) <= width else " ".join(s[:width].split()) + "…")
    out = pd.DataFrame({
        "article": q.article_id.map(labels(tables)), "quote_id": q.quote_id, "start": q.start, "end": q.end,
        "speaker": q.speaker.fillna(""), "speaker_kind": q.speaker_kind, "speaker_role": q.speaker_role,
        "cue": q.cue, "how": q.how, "quote": short,
    })
    return out.sort_values(["article", "start"]).reset_index(drop=True)


def provenance_check(tables, *, per_table: int = 2) -> pd.DataFrame:
    """A few rows of each offset table with ``text[start:end]`` next to the reported string.

    ``matches`` is True when they are identical, as they must be for every row.
    """
    from ..tables import OFFSET_TABLES

    rows = []
    for name, col in OFFSET_TABLES.items():
        df = tables[name].sort_values(["article_id", "start"]).head(per_table)
        for r in df.itertuples():
            reported = getattr(r, col)
            sliced = tables.texts[r.article_id][int(r.start):int(r.end)]
            rows.append((name, r.article_id, int(r.start), int(r.end), reported, sliced == reported))
    return pd.DataFrame(rows, columns=["table", "article_id", "start", "end", "reported", "matches"])


def most_quoted(tables) -> str:
    """The article with the most direct quotes (first by id on ties; first article if none;
    "" when the corpus has no article)."""
    counts = tables.quotes.groupby("article_id").size()
    if counts.empty:
        ids = sorted(tables.articles.article_id)
        return ids[0] if ids else ""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def show(df: pd.DataFrame, *, n: int = 20) -> pd.DataFrame:
    """``df`` in full when it has at most ``n`` rows; else its first ``n``, after a line saying how many.

    >>> show(pd.DataFrame({"x": range(3)}), n=2)
    3 rows; the first 2 are shown.
       x
    0  0
    1  1
    """
    if len(df) <= n:
        return df
    print(f"{len(df):,} rows; the first {n} are shown.")
    return df.head(n)


def corpus_message(tables) -> str:
    """A sentence on what the corpus holds, or why it holds nothing (every file skipped or failed).

    >>> class T: pass
    >>> t = T(); t.corpus = "x"; t.articles = pd.DataFrame({"article_id": []})
    >>> t.files = pd.DataFrame({"path": ["x/a.bin"], "status": ["skipped"], "reason": ["binary file"]})
    >>> corpus_message(t)
    'No article could be loaded from x: 1 file skipped (a.bin: binary file). Fix or remove the files listed in the files table, or point CORPUS at another folder; the tables and charts below are empty.'
    """
    from pathlib import Path

    files = tables.files
    n_art = len(tables.articles)
    counts = files.status.value_counts() if len(files) else pd.Series(dtype=int)
    if n_art:
        stories = getattr(tables, "stories", None)
        n_st = stories.story_id.nunique() if isinstance(stories, pd.DataFrame) and len(stories) else 0
        outlets = tables.articles.outlet.dropna()
        n_out = outlets[outlets.astype(str).str.strip() != ""].nunique()
        bad = int(len(files) - counts.get("loaded", 0))
        return (f"{n_art:,} articles from {len(files):,} files ({bad} skipped or failed), {n_out} named outlets"
                + (f", {n_st:,} stories." if n_st else "."))
    where = Path(str(tables.corpus)).name or str(tables.corpus)  # no machine-specific absolute path
    if not len(files):
        return f"No file found in {where}: point CORPUS at a file or folder of articles."
    parts = ", ".join(f"{k} {v}" for k, v in counts.items())
    what = "; ".join(f"{Path(p).name}: {r}" for p, r in zip(files.path[:3], files.reason[:3]))
    more = f"; and {len(files) - 3} more" if len(files) > 3 else ""
    status = counts.index[0] if len(counts) == 1 else f"({parts})"
    return (f"No article could be loaded from {where}: {len(files)} file{'s' if len(files) > 1 else ''} "
            f"{status} ({what}{more}). Fix or remove the files "
            "listed in the files table, or point CORPUS at another folder; the tables and charts below are empty.")
