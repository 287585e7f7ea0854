"""Charts: one style, one colour per article across every figure, labels not IDs.

Every function takes tables (the :class:`analysis.views.export.Tables` of a corpus, plus, where
needed, a table from :mod:`analysis.map.claims`, :mod:`analysis.map.framing` or :mod:`analysis.map.dates`)
and returns a matplotlib Figure; nothing is shown or saved here (see :func:`save`). The
chart's title, on its first axes, says what it shows. A chart with nothing to show (no
quotes, no links, no dates ...) returns a figure that says so instead of raising.

Articles are labelled with their shortened headlines (:func:`analysis.views.profile.labels`) and
coloured by :func:`article_colours` over *all* the corpus's articles, so one article has the
same colour in every chart.

>>> import pandas as pd
>>> fig = stacked_bars(pd.DataFrame({"named": [2, 1], "anonymous": [0, 3]}, index=["A", "B"]),
...                    title="Quotes per article")
>>> title(fig)
'Quotes per article'
"""
from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import matplotlib
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

#: Colour-blind-safe qualitative palette (Okabe & Ito), in order of use.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
#: Further colours for corpora of more than eight articles (Paul Tol's muted scheme).
PALETTE_EXTRA = ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677",
                 "#882255", "#AA4499", "#DDDDDD")
#: Fixed colours for categories that recur across charts.
KIND_COLOURS = {
    "named": "#0072B2", "anonymous": "#E69F00", "unattributed": "#BBBBBB",
    "media": "#CC79A7", "organisation": "#009E73", "government": "#0072B2",
    "person": "#56B4E9", "anonymous_source": "#E69F00",
}
#: Sequential colour map of every heatmap; diverging one for polarity.
HEAT_CMAP = "Blues"
MUTED = "#555555"
STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "legend.frameon": False,
    "svg.hashsalt": "analysis",  # deterministic SVG ids
    "svg.fonttype": "path",
}
#: Readable names of the frame families of data/frames.csv.
FRAME_FAMILIES = {"semetko_valkenburg": "generic news frames (Semetko & Valkenburg 2000)",
                  "policy_frames": "policy frames (Boydstun et al. 2014)"}
#: At most this many articles per chart (the first by id); pass ``articles=[...]`` to choose.
MAX_ARTICLES = 12
#: Mention kinds counted as actors in the actor charts.
ACTOR_KINDS = ("actor", "organisation", "person")
#: Link kinds drawn as article -> article reuse in the network.
REUSE_KINDS = ("reused_quote", "shared_passage")
#: Two-sided 95% quantiles of Student's t by degrees of freedom (1.96 beyond the table).
T95 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262,
       10: 2.228, 11: 2.201, 12: 2.179, 13: 2.160, 14: 2.145, 15: 2.131, 16: 2.120, 17: 2.110,
       18: 2.101, 19: 2.093, 20: 2.086, 21: 2.080, 22: 2.074, 23: 2.069, 24: 2.064, 25: 2.060,
       26: 2.056, 27: 2.052, 28: 2.048, 29: 2.045, 30: 2.042, 40: 2.021, 60: 2.000, 120: 1.980}


def use_style() -> None:
    """Apply the project's matplotlib style (called by every chart function)."""
    plt.rcParams.update(STYLE)


def title(fig: plt.Figure) -> str:
    """The title of a chart made here (the left title of its first axes)."""
    return fig.axes[0].get_title(loc="left") if fig.axes else ""


def article_colours(article_ids) -> dict[str, str]:
    """A stable colour per article: sorted ids take palette colours in order.

    Pass *all* the corpus's article ids (``tables.articles.article_id``), not a chart's
    subset, so that an article keeps its colour across charts.

    >>> article_colours(["b", "a"])
    {'a': '#0072B2', 'b': '#E69F00'}
    """
    ids = sorted(set(article_ids))
    colours = PALETTE + PALETTE_EXTRA
    return {aid: colours[i % len(colours)] for i, aid in enumerate(ids)}


# ----------------------------------------------------------------------------- helpers

def _colours(tables) -> dict[str, str]:
    return article_colours(tables.articles.article_id)


def _labels(tables) -> dict[str, str]:
    from . import profile

    return profile.labels(tables)


def _frame(tables, name: str):
    """The table ``name`` when ``tables`` carries it (``tables[name]``: actor_sentiment, links, ...), else None."""
    try:
        df = tables[name]
    except (KeyError, TypeError, IndexError, AttributeError):
        return None
    return df if isinstance(df, pd.DataFrame) else None


def _pick_articles(tables, articles=None, *, limit: int = MAX_ARTICLES) -> tuple[list[str], str]:
    """(article ids to draw, note): the given ones, else all; past ``limit``, the articles of the
    corpus's biggest story (:mod:`analysis.corpus.stories`), the ones with most words first."""
    ids = sorted(tables.articles.article_id.astype(str))
    if articles is not None:
        wanted = {str(a) for a in articles}
        ids = [a for a in ids if a in wanted]
    if len(ids) <= limit:
        return ids, ""
    total = len(ids)
    note = ""
    try:
        from ..corpus.stories import stories_of

        st = stories_of(tables)
        st = st[st.article_id.astype(str).isin(ids)]
    except Exception:  # noqa: BLE001 - a chart must not fail on a story-grouping problem
        st = None
    pool, what = ids, f"{total} articles"
    if st is not None and len(st) and st.story_id.nunique() > 1:
        sid = st.groupby("story_id").size().sort_values(ascending=False, kind="mergesort").index[0]
        label = st.loc[st.story_id == sid, "label"].iloc[0]
        pool = sorted(st.loc[st.story_id == sid, "article_id"].astype(str))
        what = (f"the {len(pool)} articles of the biggest story (story {sid}: {_shorten(label, 60)}; "
                f"{total} articles in all)")
    words = dict(zip(tables.articles.article_id.astype(str), tables.articles.words)) if "words" in tables.articles else {}
    shown = sorted(sorted(pool, key=lambda a: (-(words.get(a) or 0), a))[:limit])
    note = (f"Showing {len(shown)} of {what}, longest first; "
            "pass articles=[...] or narrow the tables with analysis.corpus.stories.select(tables, story).")
    return shown, note


def _cap_rows(counts: pd.DataFrame, *, top: int, what: str = "rows") -> tuple[pd.DataFrame, str]:
    """The ``top`` rows with the largest totals (in their order), plus an "others (k)" row summing the rest."""
    if len(counts) <= top:
        return counts, ""
    total = counts.sum(axis=1)
    order = sorted(range(len(counts)), key=lambda i: (-float(total.iloc[i]), i))
    keep = sorted(order[:top])
    rest = [i for i in range(len(counts)) if i not in set(keep)]
    shown = counts.iloc[keep]
    others = counts.iloc[rest].sum(axis=0).to_frame().T
    others.index = [f"others ({len(rest)} {what})"]
    return pd.concat([shown, others]), f"The {top} {what} with most, in order; the other {len(rest)} are summed as 'others'."


#: Largest figure side, in inches at savefig.dpi (150): 4,000 px / 150 dpi ≈ 26 in.
MAX_INCHES = 24.0
#: Rows drawn in a bar chart (the rest are summed as "others").
MAX_ROWS = 25


def _size(w: float, h: float) -> tuple[float, float]:
    """A figure size capped at :data:`MAX_INCHES` a side."""
    return min(w, MAX_INCHES), min(h, MAX_INCHES)


def _note(fig: plt.Figure, *notes: str) -> None:
    """Small grey text under the chart (what is left out, how it was computed)."""
    text = "\n".join(n for n in notes if n)
    if text:
        fig.text(0.01, 0.0, text, fontsize=8, color=MUTED, ha="left", va="top", wrap=True)


def nothing_to_show(title_: str, reason: str, *, figsize=(8, 2.2)) -> plt.Figure:
    """A figure with the chart's title and a note saying why there is nothing to draw."""
    use_style()
    fig, ax = plt.subplots(figsize=figsize)
    ax.set_title(title_)
    ax.axis("off")
    ax.text(0.5, 0.45, f"Nothing to show: {reason}", ha="center", va="center", fontsize=10,
            color=MUTED, transform=ax.transAxes, wrap=True)
    return fig


def _finish(fig: plt.Figure, ax=None) -> plt.Figure:
    """Tight layout, then move the chart title to the figure's left edge (long titles fit)."""
    fig.tight_layout()
    ax = ax if ax is not None else fig.axes[0]
    x0 = ax.transAxes.inverted().transform(fig.transFigure.transform((0.01, 0.0)))[0]
    ax.set_title(ax.get_title(loc="left"), loc="left", x=min(0.0, float(x0)))
    return fig


def _article_legend(ax, ids, labels, colours, *, loc="upper left", bbox=(1.01, 1.0), marker="o", title_=None,
                    ncols=1):
    handles = [Line2D([], [], marker=marker, linestyle="", markersize=7, color=colours[a], label=labels.get(a, a))
               for a in ids]
    return ax.legend(handles=handles, loc=loc, bbox_to_anchor=bbox, fontsize=8, title=title_,
                     title_fontsize=8, alignment="left", ncols=ncols)


def _row_squares(ax, ids, colours) -> None:
    """A square in each article's colour just left of the y axis, one per row (tick labels need pad=16)."""
    from matplotlib.transforms import ScaledTranslation

    shift = ax.get_yaxis_transform() + ScaledTranslation(-8 / 72, 0, ax.figure.dpi_scale_trans)
    for i, a in enumerate(ids):
        ax.scatter([0], [i], marker="s", s=60, color=colours[a], clip_on=False, zorder=3, transform=shift)


def _shorten(text: str, width: int = 32) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _heatmap(ax, values: np.ndarray, row_labels, col_ids, labels, colours, *, annot=None, vmin=0.0, vmax=None,
             cmap=HEAT_CMAP, mask=None, row_squares=False):
    """Heatmap with articles as columns: coloured squares above the columns, headline labels below."""
    vmax = vmax if vmax is not None else (float(np.nanmax(values)) if values.size and np.nanmax(values) > 0 else 1.0)
    shown = np.ma.masked_where(mask, values) if mask is not None else values
    cm = plt.get_cmap(cmap).with_extremes(bad="#EEEEEE")
    im = ax.imshow(shown, cmap=cm, vmin=vmin, vmax=vmax, aspect="auto", interpolation="nearest")
    ax.grid(False)
    ax.set_yticks(range(len(row_labels)), list(row_labels))
    ax.set_xticks(range(len(col_ids)), [labels.get(a, a) for a in col_ids], rotation=30, ha="right",
                  rotation_mode="anchor", fontsize=9)
    ax.tick_params(length=0)
    ax.tick_params(axis="y", pad=16 if row_squares else 4)
    for spine in ax.spines.values():
        spine.set_visible(False)
    for j, a in enumerate(col_ids):
        ax.scatter([j], [-0.75], marker="s", s=70, color=colours[a], clip_on=False, zorder=3)
    ax.set_ylim(len(row_labels) - 0.5, -1.1)
    if annot is not None:
        for i in range(values.shape[0]):
            for j in range(values.shape[1]):
                if mask is not None and mask[i, j]:
                    text, colour = annot[i][j], MUTED
                else:
                    text = annot[i][j]
                    colour = "white" if values[i, j] > 0.6 * vmax else "#222222"
                if text:
                    ax.text(j, i, text, ha="center", va="center", fontsize=8, color=colour)
    return im


# ----------------------------------------------------------------------------- existing charts

def stacked_bars(counts: pd.DataFrame, *, title: str, xlabel: str = "", colours: dict | None = None,
                 note: str = "", max_rows: int = MAX_ROWS, what: str = "rows") -> plt.Figure:
    """Horizontal stacked bars: one bar per row of ``counts`` (index = labels), one segment per column.

    Past ``max_rows`` rows, the rows with the largest totals are drawn and the rest summed
    into one "others" bar (``what`` names the rows in its label: "articles", "outlets").
    """
    use_style()
    counts, cap = _cap_rows(counts, top=max_rows, what=what)
    note = " ".join(x for x in (note, cap) if x)
    n = max(len(counts), 1)
    fig, ax = plt.subplots(figsize=_size(8, 0.55 * n + 1.6))
    left = pd.Series(0.0, index=counts.index)
    for i, col in enumerate(counts.columns):
        colour = (colours or KIND_COLOURS).get(col, PALETTE[i % len(PALETTE)])
        ax.barh(list(counts.index), counts[col].values, left=left.values, color=colour, label=str(col))
        left += counts[col].values
    ax.invert_yaxis()
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    if len(counts.columns) > 1:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9)
    if note:
        fig.text(0.01, -0.02, note, fontsize=8, color="#555555", ha="left", va="top")
    return _finish(fig)


def source_profile(tables, *, by: str = "speaker_kind") -> plt.Figure:
    """Quotes per article split by speaker kind (named / anonymous / unattributed) or role."""
    from . import profile

    what = "speaker kind" if by == "speaker_kind" else "speaker role"
    title_ = f"Direct quotes per article, by {what}"
    if not len(tables.articles):
        return nothing_to_show(title_, "no articles.")
    counts = profile.kind_counts(tables, by=by)
    counts.index = counts.index.map(profile.labels(tables))
    if not len(tables.quotes):
        return nothing_to_show(title_, "no direct quotes in these articles.")
    return stacked_bars(counts, title=title_, xlabel="quotes", what="articles")


def source_kinds(tables) -> plt.Figure:
    """Cited sources per article, by kind (media, organisation, government, person, anonymous)."""
    from . import profile

    title_ = "Cited sources per article, by kind"
    if not len(tables.sources):
        return nothing_to_show(title_, "no cited sources in these articles.")
    counts = profile.source_kind_counts(tables)
    counts.index = counts.index.map(profile.labels(tables))
    colours = dict(KIND_COLOURS, anonymous=KIND_COLOURS["anonymous_source"])
    return stacked_bars(counts, title=title_, xlabel="citations", colours=colours, what="articles")


# ----------------------------------------------------------------------------- who cites whom

def citation_network(tables, links: pd.DataFrame | None = None, *, top: int = 25, articles=None) -> plt.Figure:
    """Who cites whom: articles (left) linked to the sources they cite (right).

    Edge width = citations; a dashed edge goes to the medium a source came through (``via``,
    "quoted by Reuters"). Sources are grouped by kind; the ``top`` sources cited by most
    articles are drawn. Curved dark edges between articles are reuse links from
    :func:`analysis.corpus.links.compare` (``reused_quote`` / ``shared_passage``) when ``links``
    is given (or carried in ``tables``).
    """
    from .profile import SOURCE_KINDS

    title_ = "Who cites whom: each article (left) and the sources it cites (right)"
    ids, cap_note = _pick_articles(tables, articles)
    s = tables.sources
    s = s[s.article_id.astype(str).isin(ids)]
    if not ids or not len(s):
        return nothing_to_show(title_, "no cited sources in these articles.")
    links = links if links is not None else _frame(tables, "links")
    # edges (article, node, style) -> citations
    edges: dict[tuple[str, str, str], int] = {}
    kind_of: dict[str, str] = {}
    for aid, src, kind, via in zip(s.article_id.astype(str), s.source, s.source_kind, s.via):
        edges[(aid, src, "cites")] = edges.get((aid, src, "cites"), 0) + 1
        kind_of.setdefault(src, kind if isinstance(kind, str) and kind else "person")
        if isinstance(via, str) and via:
            edges[(aid, via, "via")] = edges.get((aid, via, "via"), 0) + 1
            kind_of[via] = "media"
    n_art = {n: len({a for a, m, _ in edges if m == n}) for n in kind_of}
    n_cit = {n: sum(c for (a, m, _), c in edges.items() if m == n) for n in kind_of}
    ranked = sorted(kind_of, key=lambda n: (-n_art[n], -n_cit[n], n))
    nodes = ranked[:top]
    order = {k: i for i, k in enumerate(SOURCE_KINDS)}
    nodes.sort(key=lambda n: (order.get(kind_of[n], len(order)), -n_art[n], -n_cit[n], n))

    use_style()
    rows = max(len(ids), len(nodes))
    fig, ax = plt.subplots(figsize=_size(10, 0.34 * rows + 1.8))
    ax.axis("off")
    ax.set_title(title_)

    def ys(n):
        return [1.0] if n == 1 else list(np.linspace(1.0, 0.0, n))

    ya = dict(zip(ids, ys(len(ids))))
    yn = dict(zip(nodes, ys(len(nodes))))
    colours, labels = _colours(tables), _labels(tables)
    xa, xn = 0.0, 1.0
    for (aid, node, style), n in sorted(edges.items()):
        if node not in yn:
            continue
        ax.plot([xa, xn], [ya[aid], yn[node]], color=colours[aid], alpha=0.65,
                lw=0.8 + 1.1 * min(n, 6), ls="--" if style == "via" else "-", solid_capstyle="round", zorder=1)
    for aid in ids:
        ax.scatter([xa], [ya[aid]], s=110, color=colours[aid], zorder=3, edgecolor="white")
        ax.text(xa - 0.03, ya[aid], labels.get(aid, aid), ha="right", va="center", fontsize=9)
    skind = dict(KIND_COLOURS, anonymous=KIND_COLOURS["anonymous_source"])
    for node in nodes:
        ax.scatter([xn], [yn[node]], s=70, marker="s", color=skind.get(kind_of[node], "#999999"), zorder=3,
                   edgecolor="white")
        extra = f"  ({n_art[node]} articles)" if n_art[node] > 1 else ""
        ax.text(xn + 0.03, yn[node], _shorten(node, 34) + extra, ha="left", va="center", fontsize=9)
    # article -> article reuse
    reuse = 0
    if links is not None and len(links):
        sub = links[links.kind.isin(REUSE_KINDS)]
        pairs: dict[tuple[str, str], dict[str, int]] = {}
        for a, b, kind in zip(sub.article_a.astype(str), sub.article_b.astype(str), sub.kind):
            if a in ya and b in ya and a != b:
                kinds = pairs.setdefault(tuple(sorted((a, b))), {})
                kinds[kind] = kinds.get(kind, 0) + 1
        t = np.linspace(0, 1, 50)
        for (a, b), kinds in sorted(pairs.items()):
            reuse += 1
            n = sum(kinds.values())
            bulge = 0.08 + 0.25 * abs(ya[a] - ya[b])
            ax.plot(xa + bulge * np.sin(np.pi * t), ya[a] + (ya[b] - ya[a]) * t, color="#333333",
                    lw=1.2 + 0.8 * min(n, 5), zorder=2, solid_capstyle="round")
            what = ", ".join(f"{k} {kind.replace('_', ' ')}{'s' if k > 1 else ''}" for kind, k in sorted(kinds.items()))
            ax.text(xa + bulge + 0.015, (ya[a] + ya[b]) / 2, what, fontsize=8, color="#333333", va="center",
                    ha="left", bbox=dict(fc="white", ec="none", pad=0.5), zorder=4)
    ax.set_xlim(-0.75, 1.75)
    ax.set_ylim(-0.08, 1.08)
    handles = [Line2D([], [], marker="s", ls="", color=skind[k], label=k) for k in SOURCE_KINDS
               if any(kind_of[n] == k for n in nodes)]
    handles += [Line2D([], [], color="#777777", lw=2, label="cites (width = citations)"),
                Line2D([], [], color="#777777", lw=2, ls="--", label="through medium (via)")]
    if reuse:
        handles.append(Line2D([], [], color="#333333", lw=2, label="articles share quotes/passages"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncols=4, fontsize=8)
    left_out = len(kind_of) - len(nodes)
    _note(fig, f"{left_out} less-cited sources not shown (top={top})." if left_out > 0 else "", cap_note)
    return _finish(fig)


# ----------------------------------------------------------------------------- actors

def actor_heatmap(tables, *, top: int = 15, kinds=ACTOR_KINDS, articles=None) -> plt.Figure:
    """Actors (rows) × articles (columns): how many times each article mentions each actor.

    The ``top`` entities of ``kinds`` mentioned by most articles (then most often) are shown;
    cells are annotated with the counts.
    """
    title_ = "Who is mentioned where: mentions of each actor per article"
    ids, cap_note = _pick_articles(tables, articles)
    m = tables.mentions
    m = m[m.kind.isin(kinds) & m.article_id.astype(str).isin(ids)]
    if not ids or not len(m):
        return nothing_to_show(title_, "no actors mentioned in these articles.")
    counts = pd.crosstab(m.entity, m.article_id.astype(str)).reindex(columns=ids, fill_value=0)
    rank = pd.DataFrame({"arts": (counts > 0).sum(axis=1), "total": counts.sum(axis=1)})
    rank = rank.assign(name=rank.index).sort_values(["arts", "total", "name"], ascending=[False, False, True])
    keep = list(rank.index[:top])
    counts = counts.loc[keep]
    use_style()
    fig, ax = plt.subplots(figsize=_size(max(6.0, 1.15 * len(ids) + 3.5), 0.38 * len(keep) + 2.6))
    values = counts.to_numpy(dtype=float)
    annot = [[str(int(v)) if v else "·" for v in row] for row in values]
    im = _heatmap(ax, values, [_shorten(e, 30) for e in keep], ids, _labels(tables), _colours(tables), annot=annot)
    ax.set_title(title_)
    fig.colorbar(im, ax=ax, fraction=0.03, pad=0.02, label="mentions")
    left_out = len(rank) - len(keep)
    _note(fig, f"Top {len(keep)} of {len(rank)} actors by number of articles mentioning them"
               + (" (the rest are not shown)." if left_out > 0 else "."), cap_note)
    return _finish(fig)


def actor_polarity(tables, *, kinds=ACTOR_KINDS) -> pd.DataFrame:
    """Per article and actor: the TextBlob polarity of the sentences that mention it.

    A small stand-in for :mod:`analysis.map.framing`'s ``actor_sentiment`` (voice ``all``), computed
    from ``tables.sentences`` and ``tables.mentions``: each sentence counts once per actor.
    Columns: article_id, entity, kind, voice, sentences, polar_sentences, polarity_mean,
    polarity_sd, sentence_ids.
    """
    cols = ["article_id", "entity", "kind", "voice", "sentences", "polar_sentences", "polarity_mean",
            "polarity_sd", "sentence_ids"]
    m = tables.mentions
    m = m[m.kind.isin(kinds) & m.sentence_id.notna()]
    if not len(m):
        return pd.DataFrame(columns=cols)
    m = m.assign(sentence_id=m.sentence_id.astype(int)).drop_duplicates(["article_id", "entity", "sentence_id"])
    s = tables.sentences[["article_id", "sentence_id", "polarity"]].assign(
        sentence_id=lambda d: d.sentence_id.astype(int))
    j = m.merge(s, on=["article_id", "sentence_id"], how="inner")
    rows = []
    for (aid, ent), g in j.groupby(["article_id", "entity"], sort=True):
        pol = g.polarity.astype(float)
        rows.append((aid, ent, g.kind.iloc[0], "all", len(g), int((pol != 0).sum()), float(pol.mean()),
                     float(pol.std(ddof=1)) if len(g) > 1 else float("nan"),
                     ";".join(str(i) for i in sorted(g.sentence_id))))
    return pd.DataFrame.from_records(rows, columns=cols)


def t_interval(mean: float, sd: float, n: int) -> tuple[float, float]:
    """95% t-interval of a mean from its SD and n; (mean, mean) when n < 2.

    >>> [round(x, 3) for x in t_interval(0.1, 0.2, 4)]
    [-0.218, 0.418]
    """
    if n < 2 or sd is None or not np.isfinite(sd):
        return mean, mean
    df = n - 1
    t = T95.get(df) or next((v for k, v in sorted(T95.items()) if k >= df), 1.96)
    half = t * sd / math.sqrt(n)
    return mean - half, mean + half


def actor_tone(tables, actor_sentiment: pd.DataFrame | None = None, *, top: int = 8, voice: str = "all",
               articles=None) -> plt.Figure:
    """Tone towards each actor per article: mean polarity of the sentences mentioning it.

    A dot is the mean TextBlob polarity (−1 … +1) of the sentences of one article that
    mention the actor; the bar is its 95% t-interval (clipped to −1 … +1; none when n = 1,
    drawn hollow) and ``n`` the number of sentences. From :mod:`analysis.map.framing`'s
    ``actor_sentiment`` table (rows of ``voice``) when given, else from
    :func:`actor_polarity`. The ``top`` actors found in most articles are shown.
    """
    title_ = "Tone towards each actor, per article: mean sentence polarity with 95% interval"
    ids, cap_note = _pick_articles(tables, articles)
    source_note = "Polarity: TextBlob, of the sentences that mention the actor"
    if actor_sentiment is None:
        actor_sentiment = _frame(tables, "actor_sentiment")
    if actor_sentiment is None:
        a = actor_polarity(tables)
        source_note += " (computed here from sentences and mentions)."
    else:
        a = actor_sentiment[actor_sentiment.voice == voice] if "voice" in actor_sentiment else actor_sentiment
        source_note += f" (analysis.map.framing actor_sentiment, voice '{voice}')."
    a = a[a.article_id.astype(str).isin(ids) & (a.sentences > 0)] if len(a) else a
    if not ids or not len(a):
        return nothing_to_show(title_, "no sentences mentioning actors in these articles.")
    rank = a.groupby("entity").agg(arts=("article_id", "nunique"), sents=("sentences", "sum"))
    rank = rank.assign(name=rank.index).sort_values(["arts", "sents", "name"], ascending=[False, False, True])
    actors = list(rank.index[:top])
    a = a[a.entity.isin(actors)]
    present = [x for x in ids if x in set(a.article_id.astype(str))]
    colours, labels = _colours(tables), _labels(tables)
    use_style()
    fig, ax = plt.subplots(figsize=_size(9.5, max(3.0, (0.15 * len(present) + 0.2) * len(actors) + 2.2)))
    band = 0.8
    step = band / max(len(present), 1)
    lo_all, hi_all = [0.0], [0.0]
    for r in a.itertuples(index=False):
        i = actors.index(r.entity)
        k = present.index(str(r.article_id))
        y = i - band / 2 + step * (k + 0.5)
        n = int(r.sentences)
        sd = r.polarity_sd if pd.notna(r.polarity_sd) else float("nan")
        lo, hi = t_interval(float(r.polarity_mean), sd, n)
        lo, hi = max(lo, -1.0), min(hi, 1.0)
        lo_all.append(lo)
        hi_all.append(hi)
        c = colours[str(r.article_id)]
        if n > 1:
            ax.plot([lo, hi], [y, y], color=c, lw=1.6, alpha=0.8, solid_capstyle="butt")
        ax.scatter([r.polarity_mean], [y], s=34, zorder=3, color=c if n > 1 else "white", edgecolor=c, lw=1.4)
        ax.annotate(f"n={n}", (max(hi, float(r.polarity_mean)), y), xytext=(6, 0), textcoords="offset points",
                    fontsize=7, va="center", ha="left", color=MUTED)
    ax.axvline(0, color="#999999", lw=0.8, zorder=0)
    for i in range(1, len(actors)):
        ax.axhline(i - 0.5, color="#DDDDDD", lw=0.6, zorder=0)
    lim = min(1.0, max(0.25, math.ceil(max(-min(lo_all), max(hi_all)) / 0.25) * 0.25)) + 0.08
    ax.set_xlim(-lim, lim)
    ax.set_yticks(range(len(actors)), [_shorten(x, 28) for x in actors])
    ax.set_ylim(len(actors) - 0.5, -0.5)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("polarity of sentences mentioning the actor  (− negative … + positive)")
    ax.set_title(title_)
    _article_legend(ax, present, labels, colours, loc="upper left", bbox=(0.0, -0.1), ncols=2)
    _note(fig, source_note + " Hollow dot: a single sentence (no interval).", cap_note)
    return _finish(fig)


# ----------------------------------------------------------------------------- framing

def frame_heatmap(tables, frame_scores: pd.DataFrame | None = None, *, articles=None) -> plt.Figure:
    """Frames (rows) × articles (columns): share of each frame's codebook questions answered yes.

    ``frame_scores`` is :func:`analysis.map.framing.frame_scores` (``framing_tables(t)["frame_scores"]``);
    cells show questions answered / questions.
    """
    title_ = "Frames per article: share of each frame's codebook questions the article answers yes"
    ids, cap_note = _pick_articles(tables, articles)
    fs = frame_scores if frame_scores is not None else _frame(tables, "frame_scores")
    if fs is None and _frame(tables, "frames") is not None and "frame" in _frame(tables, "frames"):
        from ..map.framing import frame_scores as scores

        fs = scores(_frame(tables, "frames"), tables.articles)
    if fs is None:
        return nothing_to_show(title_, "no frame scores given (pass analysis.map.framing.framing_tables(tables)"
                                       "['frame_scores']).")
    fs = fs[fs.article_id.astype(str).isin(ids)]
    if not ids or not len(fs):
        return nothing_to_show(title_, "no frame scores for these articles.")
    if not (fs.score.astype(float) > 0).any():
        return nothing_to_show(title_, "no frame cues found in these articles (or framing was skipped).")
    if "family" in fs:
        fam_order = {f: i for i, f in enumerate(dict.fromkeys(fs.family))}
        frames = list(dict.fromkeys(fs.sort_values("family", key=lambda c: c.map(fam_order), kind="mergesort").frame))
    else:
        frames = list(dict.fromkeys(fs.frame))
    score = fs.pivot_table(index="frame", columns=fs.article_id.astype(str), values="score", aggfunc="max")
    score = score.reindex(index=frames, columns=ids).fillna(0.0)
    if {"questions_answered", "questions"} <= set(fs.columns):
        qa = fs.pivot_table(index="frame", columns=fs.article_id.astype(str), values="questions_answered",
                            aggfunc="max").reindex(index=frames, columns=ids)
        qn = fs.groupby("frame").questions.max().reindex(frames)
        annot = [[f"{int(qa.iloc[i, j])}/{int(qn.iloc[i])}" if pd.notna(qa.iloc[i, j]) and qa.iloc[i, j] else "·"
                  for j in range(len(ids))] for i in range(len(frames))]
    else:
        annot = [[f"{v:.2f}" if v else "·" for v in row] for row in score.to_numpy()]
    family = dict(zip(fs.frame, fs.family)) if "family" in fs else {}
    use_style()
    fig, ax = plt.subplots(figsize=_size(max(6.0, 1.15 * len(ids) + 3.8), 0.36 * len(frames) + 2.6))
    im = _heatmap(ax, score.to_numpy(dtype=float), [f.replace("_", " ") for f in frames], ids, _labels(tables),
                  _colours(tables), annot=annot, vmax=1.0)
    for i in range(1, len(frames)):
        if family.get(frames[i]) != family.get(frames[i - 1]):
            ax.axhline(i - 0.5, color="white", lw=3)
    ax.set_title(title_)
    fig.colorbar(im, ax=ax, fraction=0.03, pad=0.02, label="frame score")
    fams = [FRAME_FAMILIES.get(f, f.replace("_", " ")) for f in dict.fromkeys(family[x] for x in frames)]
    _note(fig, ("Frame families, top to bottom, separated by a white line: " + "; ".join(fams) + ".") if fams else "",
          "Cell: codebook questions answered yes / questions (· none).", cap_note)
    return _finish(fig)


# ----------------------------------------------------------------------------- claims

def agreement_heatmap(tables, claims: pd.DataFrame | None = None, links: pd.DataFrame | None = None, *,
                      matrix: pd.DataFrame | None = None, articles=None) -> plt.Figure:
    """Articles × articles: share of the row article's claims that the column article also makes.

    ``matrix`` is :func:`analysis.corpus.links.agreement_matrix` (computed from ``claims`` and
    ``links`` when not given). Asymmetric: a short article can be covered by a long one.
    """
    title_ = "Agreement: share of the row article's claims that the column article also makes"
    ids, cap_note = _pick_articles(tables, articles)
    if matrix is None:
        claims = claims if claims is not None else _frame(tables, "claims")
        links = links if links is not None else _frame(tables, "links")
        if claims is None or links is None:
            return nothing_to_show(title_, "no claims/links given (pass analysis.corpus.links.compare(tables)).")
        if not len(claims):
            return nothing_to_show(title_, "no claims in these articles.")
        from ..corpus.links import agreement_matrix

        keep = set(ids)
        claims = claims[claims.article_id.astype(str).isin(keep)]
        links = links[links.article_a.astype(str).isin(keep) & links.article_b.astype(str).isin(keep)]
        matrix = agreement_matrix(claims, links)
    matrix = matrix.copy()
    matrix.index = matrix.index.astype(str)
    matrix.columns = matrix.columns.astype(str)
    ids = [a for a in ids if a in matrix.index]
    if len(ids) < 2:
        return nothing_to_show(title_, "fewer than two articles with claims to compare.")
    mat = matrix.reindex(index=ids, columns=ids).fillna(0.0).to_numpy(dtype=float)
    labels = _labels(tables)
    eye = np.eye(len(ids), dtype=bool)
    annot = [["—" if i == j else (_pct(mat[i, j]) if mat[i, j] else "·") for j in range(len(ids))]
             for i in range(len(ids))]
    use_style()
    fig, ax = plt.subplots(figsize=_size(max(6.5, 1.2 * len(ids) + 4.5), 0.55 * len(ids) + 2.8))
    off = mat[~eye]
    vmax = max(0.1, float(off.max()) if off.size else 0.1)
    im = _heatmap(ax, mat, [labels.get(a, a) for a in ids], ids, labels, _colours(tables), annot=annot, vmax=vmax,
                  mask=eye, row_squares=True)
    colours = _colours(tables)
    _row_squares(ax, ids, colours)
    ax.set_title(title_)
    ax.set_ylabel("claims of this article …", fontsize=9)
    ax.set_xlabel("… also made by this article", fontsize=9)
    fig.colorbar(im, ax=ax, fraction=0.03, pad=0.02, label="share of claims", format=lambda x, _: f"{100 * x:.0f}%")
    _note(fig, "A claim counts as shared when an agree, reused-quote or shared-passage link joins it to the "
               "other article.", cap_note)
    return _finish(fig)


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%" if x < 0.1 else f"{100 * x:.0f}%"


_DETAIL = re.compile(r"^(?P<unit>.*?):\s*(?P<qa>[^\d+-]*?)\s*(?P<va>[-+]?\d[\d.eE+-]*)\s+vs\s+"
                     r"(?P<qb>[^\d+-]*?)\s*(?P<vb>[-+]?\d[\d.eE+-]*)\s*$")


def conflict_pairs(links: pd.DataFrame) -> pd.DataFrame:
    """The ``number_conflict`` links split into one row per conflicting pair of numbers.

    Parses ``detail`` ("villages: 6 vs 5; fighters: more than 700 vs 2000"). Columns:
    link_id, article_a, article_b, unit, qualifier_a, value_a, qualifier_b, value_b, text_a, text_b.

    >>> l = pd.DataFrame({"link_id": [0], "kind": ["number_conflict"], "article_a": ["a"], "article_b": ["b"],
    ...                   "text_a": ["x"], "text_b": ["y"], "detail": ["villages: at least 6 vs 5"]})
    >>> conflict_pairs(l)[["unit", "qualifier_a", "value_a", "value_b"]].values.tolist()
    [['villages', 'at least', 6.0, 5.0]]
    """
    cols = ["link_id", "article_a", "article_b", "unit", "qualifier_a", "value_a", "qualifier_b", "value_b",
            "text_a", "text_b"]
    rows = []
    if links is not None and len(links):
        sub = links[links.kind == "number_conflict"]
        for r in sub.itertuples(index=False):
            for part in str(r.detail or "").split("; "):
                m = _DETAIL.match(part.strip())
                if not m:
                    continue
                try:
                    va, vb = float(m["va"]), float(m["vb"])
                except ValueError:
                    continue
                rows.append((r.link_id, str(r.article_a), str(r.article_b), m["unit"].strip(), m["qa"].strip(), va,
                             m["qb"].strip(), vb, r.text_a, r.text_b))
    return pd.DataFrame.from_records(rows, columns=cols)


def _fmt(value: float, qualifier: str = "") -> str:
    v = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    return f"{qualifier} {v}".strip()


def number_conflicts(tables, links: pd.DataFrame | None = None, *, top: int = 12) -> plt.Figure:
    """Conflicting numbers side by side: per conflict, the two articles' values on one scale.

    One row per ``number_conflict`` link of :func:`analysis.corpus.links.compare` (the same counted
    thing about the same event with values that cannot both be true), labelled with the unit;
    each dot has its article's colour and label.
    """
    title_ = "Conflicting numbers: the same counted thing, two articles, two values"
    links = links if links is not None else _frame(tables, "links")
    if links is None:
        return nothing_to_show(title_, "no links given (pass analysis.corpus.links.compare(tables)).")
    pairs = conflict_pairs(links)
    if not len(pairs):
        return nothing_to_show(title_, "no conflicting numbers were found between these articles.")
    shown = pairs.head(top)
    colours, labels = _colours(tables), _labels(tables)
    use_style()
    n = len(shown)
    fig, axes = plt.subplots(n, 1, figsize=_size(9, 0.95 * n + 1.3), squeeze=False)
    for ax, r in zip(axes[:, 0], shown.itertuples(index=False)):
        lo, hi = sorted((r.value_a, r.value_b))
        left = min(0.0, lo)
        right = max(hi, 0.0) or 1.0
        ax.plot([r.value_a, r.value_b], [0, 0], color="#BBBBBB", lw=3, zorder=1, solid_capstyle="butt")
        ends = [(r.article_a, r.value_a, r.qualifier_a), (r.article_b, r.value_b, r.qualifier_b)]
        ends.sort(key=lambda e: e[1])
        for k, (aid, v, q) in enumerate(ends):
            c = colours.get(aid, "#777777")
            ax.scatter([v], [0], s=90, color=c, zorder=3, edgecolor="white")
            dx, ha = (-7, "right") if k == 0 else (7, "left")
            ax.annotate(f"{_fmt(v, q)} {r.unit}", (v, 0), xytext=(dx, 3), textcoords="offset points",
                        ha=ha, va="bottom", fontsize=9, fontweight="bold", color="#222222")
            ax.annotate(_shorten(labels.get(aid, aid), 34), (v, 0), xytext=(dx, -3), textcoords="offset points",
                        ha=ha, va="top", fontsize=8, color=c if c != "#F0E442" else "#999933")
        width = right - left
        ax.set_xlim(left - 0.45 * width, right + 0.45 * width)
        ax.set_ylim(-1, 1)
        ax.set_yticks([])
        ax.set_ylabel(_shorten(r.unit, 16), rotation=0, ha="right", va="center", fontsize=9)
        ax.spines["left"].set_visible(False)
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="x", labelsize=7, colors=MUTED)
        ax.set_xticks([t for t in ax.get_xticks() if left <= t <= right])
    axes[0, 0].set_title(title_)
    _note(fig, f"{len(pairs) - n} more conflicts not shown (top={top})." if len(pairs) > n else "",
          "Each row has its own scale, from 0; the two values are labelled with the article that states them.")
    return _finish(fig)


# ----------------------------------------------------------------------------- timeline

def timeline(tables, dates: pd.DataFrame | None = None, *, articles=None, window_days: int = 400) -> plt.Figure:
    """The dated events the articles report: one lane per article, a dot per date mentioned.

    ``dates`` is :func:`analysis.map.dates.event_dates` (computed when not given). Filled dots
    are days (size = times mentioned), a bar with a hollow dot spans a month named without a
    day; a black tick marks the article's publication date. Years alone are left out, and so
    are dates more than ``window_days`` before the earliest (or after the latest) publication
    date, so that one historical reference does not squash the chart; the note counts them.
    """
    title_ = "Timeline: the dates each article reports (dots) and its publication date (|)"
    ids, cap_note = _pick_articles(tables, articles)
    if dates is None:
        from ..map.dates import event_dates

        dates = event_dates(tables)
    d = dates[dates.article_id.astype(str).isin(ids)]
    usable = d[d.date.notna() & d.precision.isin(["day", "month"])]
    published = {str(a): p for a, p in zip(tables.articles.article_id, tables.articles.published)
                 if isinstance(p, str) and p}
    when = pd.to_datetime(usable.date.map(lambda x: x if len(x) == 10 else x + "-15"), errors="coerce")
    pubs = sorted(pd.Timestamp(published[a][:10]) for a in ids if a in published)
    anchor_lo, anchor_hi = (pubs[0], pubs[-1]) if pubs else ((when.median(), when.median()) if len(when) else (0, 0))
    outside = 0
    if len(usable):
        inside = when.notna() & (when >= anchor_lo - pd.Timedelta(days=window_days)) & \
            (when <= anchor_hi + pd.Timedelta(days=window_days))
        outside = int((~inside).sum())
        usable = usable[inside.values]
    if not ids or not len(usable):
        return nothing_to_show(title_, "no dates with a day or month in these articles' sentences.")
    colours, labels = _colours(tables), _labels(tables)
    use_style()
    fig, ax = plt.subplots(figsize=_size(10, 0.62 * len(ids) + 2.0))
    lane = {a: i for i, a in enumerate(ids)}
    xs = [pd.Timestamp(x if len(x) == 10 else x + "-15") for x in usable.date] + \
         [pd.Timestamp(published[a][:10]) for a in ids if a in published]
    lo, hi = min(xs), max(xs)
    pad = max(pd.Timedelta(days=4), (hi - lo) * 0.06)
    close = max(pd.Timedelta(days=1), (hi - lo + 2 * pad) * 0.06)  # labels nearer than this alternate
    for aid, g_art in usable.groupby(usable.article_id.astype(str), sort=True):
        y, c = lane[aid], colours[aid]
        points = []
        for (date, prec), g in g_art.groupby(["date", "precision"], sort=True):
            n = len(g)
            if prec == "day":
                x = pd.Timestamp(date)
                ax.scatter([x], [y], s=34 + 26 * (n - 1), color=c, zorder=3, edgecolor="white")
                points.append((x, f"{x.day} {x.strftime('%b')}"))
            else:
                start = pd.Timestamp(date + "-01")
                end = start + pd.offsets.MonthEnd(0)
                x = start + (end - start) / 2
                ax.plot([start, end], [y, y], color=c, lw=6, alpha=0.3, solid_capstyle="butt", zorder=2)
                ax.scatter([x], [y], s=34 + 26 * (n - 1), facecolor="white", edgecolor=c, lw=1.5, zorder=3)
                points.append((x, x.strftime("%b")))
        points.sort()
        last: dict[int, pd.Timestamp] = {}
        for x, text in points:  # first level (above, below, higher, lower) with room since its last label
            level = next((lv for lv in (8, -9, 17, -18) if lv not in last or x - last[lv] >= close), 8)
            last[level] = x
            ax.annotate(text, (x, y), xytext=(0, level), textcoords="offset points", ha="center",
                        va="bottom" if level > 0 else "top", fontsize=7, color="#333333")
    for aid in ids:
        p = published.get(aid)
        if p:
            ax.scatter([pd.Timestamp(p[:10])], [lane[aid]], marker="|", s=300, color="black", lw=2, zorder=4)
        if aid not in set(usable.article_id.astype(str)):
            ax.text(0.01, lane[aid], "no dated events shown", transform=ax.get_yaxis_transform(),
                    fontsize=8, color=MUTED, va="center", style="italic")
    ax.set_yticks(range(len(ids)), [labels.get(a, a) for a in ids])
    ax.tick_params(axis="y", pad=16, length=0)
    ax.set_ylim(len(ids) - 0.5, -0.6)
    ax.grid(axis="y", visible=False)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlim(lo - pad - pd.Timedelta(days=16), hi + pad + pd.Timedelta(days=16))
    _row_squares(ax, ids, colours)
    ax.set_title(title_)
    year_only = int((d.precision == "year").sum())
    unresolved = int((d.date.isna() & (d.precision != "year")).sum())
    bases = sorted(set(usable.basis) - {""})
    _note(fig,
          "Filled dot: a day (bigger = mentioned more often); bar with hollow dot: a month named without a day.",
          f"Missing years taken from the article's publication date"
          + (" or, for undated articles, the corpus's median publication date." if "corpus" in bases else "."),
          (f"Not shown: {year_only} year-only mention(s)" if year_only else "")
          + (("; " if year_only else "Not shown: ") + f"{unresolved} weekday/relative date(s) in undated articles."
             if unresolved else ("." if year_only else "")),
          f"{outside} date(s) more than {window_days} days from the publication dates not shown." if outside else "",
          cap_note)
    return _finish(fig)


# ----------------------------------------------------------------------------- places

def place_coordinates(path: Path | None = None) -> pd.DataFrame:
    """entity, lat, lon of every gazetteer row that has coordinates (``data/gazetteer.csv``)."""
    from ..config import DATA_DIR

    path = Path(path or DATA_DIR / "gazetteer.csv")
    rows = []
    if path.exists():
        with open(path, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                try:
                    lat, lon = float(r.get("lat") or ""), float(r.get("lon") or "")
                except ValueError:
                    continue
                rows.append((r["entity"], lat, lon))
    return pd.DataFrame.from_records(rows, columns=["entity", "lat", "lon"]).drop_duplicates("entity")


#: Places farther from the median mention than max(FAR_DEGREES, 3 × the median distance) are
#: listed under the map, not drawn (so one mention of Moscow does not shrink a map of Syria).
FAR_DEGREES = 8.0
#: Label positions tried around a place, in points (dx, dy, ha, va), in order.
_LABEL_SPOTS = ((7, 4, "left", "bottom"), (-7, 4, "right", "bottom"), (7, -4, "left", "top"),
                (-7, -4, "right", "top"), (0, 9, "center", "bottom"), (0, -9, "center", "top"))


def _place_labels(fig, ax, items, obstacles=()) -> None:
    """Greedy label placement: each label takes the first spot that overlaps no earlier label or dot.

    ``obstacles``: (x, y) data points to keep clear (the dots).
    """
    from matplotlib.transforms import Bbox

    renderer = fig.canvas.get_renderer()
    taken = []
    for x, y in obstacles:
        px, py = ax.transData.transform((x, y))
        taken.append(Bbox.from_extents(px - 4, py - 4, px + 4, py + 4))
    for text, x, y in items:
        best = None
        for dx, dy, ha, va in _LABEL_SPOTS:
            t = ax.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va,
                            fontsize=8.5, color="#222222", zorder=4)
            box = t.get_window_extent(renderer).expanded(1.04, 1.1)
            hits = sum(box.overlaps(b) for b in taken)
            if best is None or hits < best[0]:
                if best is not None:
                    best[1].remove()
                best = (hits, t, box)
            else:
                t.remove()
            if hits == 0:
                break
        taken.append(best[2])


def places_map(tables, coordinates: pd.DataFrame | None = None, *, top: int = 30, articles=None) -> plt.Figure:
    """A schematic map of the places mentioned: gazetteer coordinates on a longitude/latitude grid.

    One dot per place and article (the article's colour, size = mentions), placed around
    the place's coordinates; no country outlines or map tiles (nothing is downloaded). Places
    without coordinates, and places far from the rest (:data:`FAR_DEGREES`), are listed
    under the chart. ``coordinates`` (entity, lat, lon) defaults to :func:`place_coordinates`.
    """
    title_ = "Places mentioned, per article (schematic: gazetteer coordinates, no map)"
    ids, cap_note = _pick_articles(tables, articles)
    m = tables.mentions
    m = m[(m.kind == "place") & m.article_id.astype(str).isin(ids)]
    if not ids or not len(m):
        return nothing_to_show(title_, "no places mentioned in these articles.")
    coords = coordinates if coordinates is not None else place_coordinates()
    where = {e: (float(la), float(lo)) for e, la, lo in zip(coords.entity, coords.lat, coords.lon)
             if pd.notna(la) and pd.notna(lo)}
    counts = m.groupby(["entity", m.article_id.astype(str)]).size()
    totals = counts.groupby(level=0).sum()
    totals = totals.iloc[sorted(range(len(totals)), key=lambda i: (-totals.iloc[i], totals.index[i]))]
    placed = [e for e in totals.index if e in where]
    missing = [e for e in totals.index if e not in where]
    if not placed:
        return nothing_to_show(title_, "none of the places mentioned has coordinates in the gazetteer.")
    w = totals[placed].to_numpy()
    lat0 = float(np.median(np.repeat([where[e][0] for e in placed], w)))
    lon0 = float(np.median(np.repeat([where[e][1] for e in placed], w)))
    dist = {e: max(abs(where[e][0] - lat0), abs(where[e][1] - lon0)) for e in placed}
    cut = max(FAR_DEGREES, 3 * float(np.median(np.repeat([dist[e] for e in placed], w))))
    far = [e for e in placed if dist[e] > cut]
    near = [e for e in placed if e not in far][:top]
    colours, labels = _colours(tables), _labels(tables)
    lats = [where[e][0] for e in near]
    lons = [where[e][1] for e in near]
    span = max(max(lats) - min(lats), max(lons) - min(lons), 3.0)
    ring = span * 0.012
    pad = span * 0.15 + 0.5
    aspect = 1 / max(math.cos(math.radians(sum(lats) / len(lats))), 0.2)
    height = (max(lats) - min(lats) + 2 * pad) * aspect / (max(lons) - min(lons) + 2 * pad) * 6.0
    use_style()
    fig, ax = plt.subplots(figsize=_size(9.5, min(max(height, 2.5), 9.0) + 1.4))
    present: list[str] = []
    dots: list[tuple[float, float]] = []
    for e in near:
        la, lo = where[e]
        arts = [a for a in ids if (e, a) in counts.index]
        for a in arts:
            ang = math.pi / 2 - 2 * math.pi * ids.index(a) / max(len(ids), 1)
            dx, dy = (ring * math.cos(ang), ring * math.sin(ang)) if len(arts) > 1 else (0.0, 0.0)
            dots.append((lo + dx, la + dy))
            ax.scatter([lo + dx], [la + dy], s=22 + 40 * math.sqrt(counts[(e, a)] - 1), color=colours[a],
                       edgecolor="white", lw=0.6, zorder=3, alpha=0.9)
            if a not in present:
                present.append(a)
    ax.set_xlim(min(lons) - pad, max(lons) + pad)
    ax.set_ylim(min(lats) - pad, max(lats) + pad)
    ax.set_aspect(aspect)
    step = next((s for s in (0.5, 1, 2, 5, 10, 15, 30) if (span + 2 * pad) / s <= 10), 45)
    ax.xaxis.set_major_locator(matplotlib.ticker.MultipleLocator(step))
    ax.yaxis.set_major_locator(matplotlib.ticker.MultipleLocator(step))
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{abs(v):g}°{'E' if v >= 0 else 'W'}"))
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{abs(v):g}°{'N' if v >= 0 else 'S'}"))
    ax.grid(True, color="#BBBBBB", alpha=0.6, lw=0.6, ls=":")
    for sp in ("top", "right"):
        ax.spines[sp].set_visible(True)
    for sp in ax.spines.values():
        sp.set_color("#CCCCCC")
    ax.set_title(title_)
    _article_legend(ax, [a for a in ids if a in present], labels, colours)
    more = [e for e in placed if e not in far and e not in near]
    _note(fig,
          "Label: place (mentions in all articles). Dots around a place: one per article, bigger = more mentions.",
          ("Far from the rest, not drawn: " + ", ".join(f"{e} ({int(totals[e])})" for e in far) + ".") if far else "",
          ("No coordinates in the gazetteer: " + ", ".join(f"{e} ({int(totals[e])})" for e in missing[:15])
           + (" …" if len(missing) > 15 else "") + ".") if missing else "",
          f"{len(more)} less-mentioned places not drawn (top={top})." if more else "",
          cap_note)
    _finish(fig)
    _place_labels(fig, ax, [(f"{e} ({int(totals[e])})", where[e][1], where[e][0]) for e in near], dots)
    return fig


# ----------------------------------------------------------------------------- voices, hedging, links

#: Colours of the two voices of an article: the narrator's own sentences and quoted speech.
VOICE_COLOURS = {"narrator": "#0072B2", "quoted": "#D55E00"}
#: Colours of the link kinds of analysis.map.claims, and of an article's unique claims.
LINK_COLOURS = {"agree": "#009E73", "number_conflict": "#D55E00", "reused_quote": "#CC79A7",
                "shared_passage": "#56B4E9", "unique": "#BBBBBB"}


def _interval_dots(ax, rows, *, lim_floor: float = 0.25) -> None:
    """Dots with 95% t-intervals and ``n=`` labels: rows of (y, mean, sd, n, colour, marker)."""
    lo_all, hi_all = [0.0], [0.0]
    for y, mean, sd, n, colour, marker in rows:
        lo, hi = t_interval(float(mean), sd if pd.notna(sd) else float("nan"), int(n))
        lo, hi = max(lo, -1.0), min(hi, 1.0)
        if n > 1 and not math.isnan(lo):
            ax.plot([lo, hi], [y, y], color=colour, lw=1.6, alpha=0.8, solid_capstyle="butt")
            lo_all.append(lo)
            hi_all.append(hi)
        ax.scatter([mean], [y], s=36, zorder=3, marker=marker, color=colour if n > 1 else "white",
                   edgecolor=colour, lw=1.4)
        right = hi if n > 1 and not math.isnan(hi) else float(mean)
        ax.annotate(f"n={int(n)}", (max(right, float(mean)), y), xytext=(6, 0), textcoords="offset points",
                    fontsize=7, va="center", ha="left", color=MUTED)
    ax.axvline(0, color="#999999", lw=0.8, zorder=0)
    lim = min(1.0, max(lim_floor, math.ceil(max(-min(lo_all), max(hi_all)) / 0.25) * 0.25)) + 0.1
    ax.set_xlim(-lim, lim)
    ax.grid(axis="y", visible=False)


def voice_tone(tables, article_tone: pd.DataFrame | None = None, *, articles=None) -> plt.Figure:
    """Per article: mean polarity of the narrator's own sentences vs quoted speech, with 95% intervals.

    From :mod:`analysis.map.framing`'s ``article_tone`` table (voices ``narrator`` and ``quoted``);
    ``n`` is the number of sentences each mean rests on, a hollow marker a single sentence.
    """
    title_ = "Tone per article: the narrator's own sentences vs quoted speech"
    ids, cap_note = _pick_articles(tables, articles)
    tone = article_tone if article_tone is not None else _frame(tables, "article_tone")
    if tone is None:
        return nothing_to_show(title_, "no article_tone table (framing was skipped; see analysis.map.framing).")
    tone = tone[tone.voice.isin(list(VOICE_COLOURS)) & tone.article_id.astype(str).isin(ids) & (tone.sentences > 0)]
    if not len(tone):
        return nothing_to_show(title_, "no sentences in these articles.")
    present = [a for a in ids if a in set(tone.article_id.astype(str))]
    labels, colours = _labels(tables), _colours(tables)
    use_style()
    fig, ax = plt.subplots(figsize=_size(9.0, 0.6 * len(present) + 2.0))
    offset = {"narrator": -0.16, "quoted": 0.16}
    marker = {"narrator": "o", "quoted": "D"}
    rows = [(present.index(str(r.article_id)) + offset[r.voice], r.polarity_mean, r.polarity_sd, r.sentences,
             VOICE_COLOURS[r.voice], marker[r.voice]) for r in tone.itertuples(index=False)]
    _interval_dots(ax, rows)
    ax.set_yticks(range(len(present)), [labels.get(a, a) for a in present])
    ax.tick_params(axis="y", pad=16)
    _row_squares(ax, present, colours)
    ax.set_ylim(len(present) - 0.5, -0.5)
    ax.set_xlabel("mean TextBlob polarity of the sentences  (− negative … + positive)")
    ax.set_title(title_)
    ax.legend(handles=[Line2D([], [], marker=marker[v], linestyle="", color=c, label=f"{v} ({'own sentences' if v == 'narrator' else 'at least half quotation'})")
                       for v, c in VOICE_COLOURS.items()], loc="upper left", bbox_to_anchor=(0.0, -0.14 - 0.6 / (len(present) + 3)),
              ncols=2, fontsize=8)
    _note(fig, "Bars: 95% t-intervals of the mean; hollow marker: a single sentence (no interval). "
               "Sentences scoring 0 are included.", cap_note)
    return _finish(fig)


def actor_voice_tone(tables, actor_sentiment: pd.DataFrame | None = None, *, top: int = 6) -> plt.Figure:
    """Per actor, over all articles: polarity of narrator vs quoted sentences that mention it.

    Pools the sentences listed in ``actor_sentiment`` (``sentence_ids``, voices ``narrator``
    and ``quoted``) and takes their polarities from ``tables.sentences``, so each mean, its
    interval and ``n`` rest on distinct sentences. The ``top`` actors by sentences are drawn.
    """
    title_ = "Tone around the most-mentioned actors: narrator vs quoted speech, all articles"
    act = actor_sentiment if actor_sentiment is not None else _frame(tables, "actor_sentiment")
    if act is None or not len(act):
        return nothing_to_show(title_, "no actor_sentiment rows (no actors mentioned, or framing was skipped).")
    pol = dict(zip(zip(tables.sentences.article_id.astype(str), tables.sentences.sentence_id.astype(int)),
                   tables.sentences.polarity.astype(float)))
    values: dict[tuple[str, str], list[float]] = {}
    for r in act[act.voice.isin(list(VOICE_COLOURS))].itertuples(index=False):
        for sid in str(r.sentence_ids).split(";"):
            if sid.strip().lstrip("-").isdigit() and (str(r.article_id), int(sid)) in pol:
                values.setdefault((r.entity, r.voice), []).append(pol[(str(r.article_id), int(sid))])
    if not values:
        return nothing_to_show(title_, "no sentences listed for the actors.")
    total: dict[str, int] = {}
    for (entity, _), v in values.items():
        total[entity] = total.get(entity, 0) + len(v)
    actors = sorted(total, key=lambda e: (-total[e], e))[:top]
    use_style()
    fig, ax = plt.subplots(figsize=_size(9.0, 0.62 * len(actors) + 2.0))
    offset = {"narrator": -0.16, "quoted": 0.16}
    marker = {"narrator": "o", "quoted": "D"}
    rows = []
    for i, entity in enumerate(actors):
        for voice in VOICE_COLOURS:
            v = values.get((entity, voice))
            if v:
                sd = float(np.std(v, ddof=1)) if len(v) > 1 else float("nan")
                rows.append((i + offset[voice], float(np.mean(v)), sd, len(v), VOICE_COLOURS[voice], marker[voice]))
    _interval_dots(ax, rows)
    ax.set_yticks(range(len(actors)), [_shorten(a, 28) for a in actors])
    ax.set_ylim(len(actors) - 0.5, -0.5)
    ax.set_xlabel("mean TextBlob polarity of the sentences mentioning the actor")
    ax.set_title(title_)
    ax.legend(handles=[Line2D([], [], marker=marker[v], linestyle="", color=c, label=v) for v, c in VOICE_COLOURS.items()],
              loc="lower right", fontsize=8)
    more = len(total) - len(actors)
    _note(fig, "A sentence naming two actors counts for both; TextBlob cannot tell whom an adjective describes.",
          f"{more} less-mentioned actors not drawn (top={top})." if more > 0 else "")
    return _finish(fig)


def hedging(tables, hedge_rates: pd.DataFrame | None = None, *, articles=None) -> plt.Figure:
    """Per article: hedges and certainty markers per 100 sentences (counts on the bars).

    ``hedge_rates`` is :func:`analysis.map.framing.hedge_rates` (computed from ``tables.hedges``
    when not given).
    """
    title_ = "Hedging and certainty: markers per 100 sentences, per article"
    ids, cap_note = _pick_articles(tables, articles)
    if hedge_rates is None:
        hedges = _frame(tables, "hedges")
        if hedges is None:
            return nothing_to_show(title_, "no hedges table (framing was skipped; see analysis.map.framing).")
        from ..map.framing import hedge_rates as rates

        hedge_rates = rates(hedges, tables.sentences)
    hr = hedge_rates[hedge_rates.article_id.astype(str).isin(ids)]
    hr = hr.set_index(hr.article_id.astype(str))
    present = [a for a in ids if a in hr.index]
    if not present:
        return nothing_to_show(title_, "no sentences in these articles.")
    labels, colours = _labels(tables), _colours(tables)
    use_style()
    fig, ax = plt.subplots(figsize=_size(9.0, 0.6 * len(present) + 2.0))
    series = (("hedges_per_100", "hedges", "hedges (reportedly, claims, may, according to ...)", "#8172B3"),
              ("certainty_per_100", "certainty", "certainty markers (clearly, confirmed ...)", "#009E73"))
    for k, (rate, count, name, colour) in enumerate(series):
        y = np.arange(len(present)) + (-0.18 if k == 0 else 0.18)
        vals = hr.loc[present, rate].astype(float).to_numpy()
        ax.barh(y, vals, height=0.34, color=colour, label=name)
        for yy, v, n in zip(y, vals, hr.loc[present, count].astype(int)):
            ax.annotate(str(n), (v, yy), xytext=(3, 0), textcoords="offset points", fontsize=7, va="center",
                        color=MUTED)
    ax.set_yticks(range(len(present)), [labels.get(a, a) for a in present])
    ax.tick_params(axis="y", pad=16)
    _row_squares(ax, present, colours)
    ax.set_ylim(len(present) - 0.5, -0.6)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("markers per 100 sentences (number at the bar end: markers found)")
    ax.set_title(title_)
    ax.legend(loc="lower right", fontsize=8)
    _note(fig, "Cues: analysis/data/hedges.csv. With few sentences per article one marker moves a rate by "
               "several points.", cap_note)
    return _finish(fig)


def link_profile(tables, claims: pd.DataFrame | None = None, links: pd.DataFrame | None = None, *,
                 articles=None) -> plt.Figure:
    """Per article: the links it shares with the others, by kind, and its claims no link touches.

    From :func:`analysis.corpus.links.link_counts` (``claims``/``links`` from
    :func:`analysis.corpus.links.compare`, else the tables' own).
    """
    title_ = "What each article shares with the others, and what only it says"
    ids, cap_note = _pick_articles(tables, articles)
    claims = claims if claims is not None else _frame(tables, "claims")
    links = links if links is not None else _frame(tables, "links")
    if claims is None or links is None:
        return nothing_to_show(title_, "no claims/links given (pass analysis.corpus.links.compare(tables)).")
    if not len(claims):
        return nothing_to_show(title_, "no claims in these articles.")
    from ..corpus.links import link_counts

    counts = link_counts(claims, links, tables.articles.article_id).reindex(ids).fillna(0).astype(int)
    labels = _labels(tables)
    shown = counts.drop(columns="claims")
    shown.index = [labels.get(a, a) for a in ids]
    return stacked_bars(shown, title=title_, xlabel="links (each side counted) and unique claims",
                        colours=LINK_COLOURS, what="articles",
                        note=("Unique: claims no link touches (said by this article only, in wording close enough to "
                              "match). " + cap_note).strip())


# ----------------------------------------------------------------------------- stories and outlets

#: Colours of the political leanings (AllSides' left / center / right and common variants).
LEANING_COLOURS = {"left": "#2166AC", "lean left": "#67A9CF", "center": "#7F7F7F", "centre": "#7F7F7F",
                   "lean right": "#EF8A62", "right": "#B2182B", "": "#BBBBBB"}


def _leaning_colour(leaning) -> str:
    return LEANING_COLOURS.get(str(leaning or "").lower(), "#999933")


def stories_overview(tables, stories: pd.DataFrame | None = None, *, top: int = 20) -> plt.Figure:
    """The ``top`` biggest stories: one bar per story from its first to its last publication
    date, labelled with its size, outlets and label (:mod:`analysis.corpus.stories`)."""
    from ..corpus.stories import stories_of

    title_ = "Stories: the biggest, from first to last article"
    st = stories if stories is not None else stories_of(tables)
    per = st.drop_duplicates("story_id") if len(st) else st
    if not len(per):
        return nothing_to_show(title_, "no articles.")
    per = per.sort_values(["n_articles", "story_id"], ascending=[False, True]).head(top)
    dated = per[per.first_published.notna() & (per.first_published.astype(str) != "")]
    use_style()
    fig, ax = plt.subplots(figsize=_size(10, 0.42 * len(per) + 1.8))
    y = {sid: i for i, sid in enumerate(per.story_id)}
    if len(dated):
        for r in dated.itertuples(index=False):
            a, b = pd.Timestamp(str(r.first_published)[:10]), pd.Timestamp(str(r.last_published)[:10])
            ax.plot([a, b + pd.Timedelta(hours=20)], [y[r.story_id]] * 2, lw=6, color="#0072B2",
                    solid_capstyle="butt", alpha=0.8)
            ax.annotate(f"{r.n_articles} art., {r.n_outlets} outlets", (b + pd.Timedelta(days=1), y[r.story_id]),
                        xytext=(4, 0), textcoords="offset points", fontsize=7, va="center", color=MUTED)
        locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    else:
        ax.barh(list(range(len(per))), per.n_articles, color="#0072B2")
        ax.set_xlabel("articles")
    ax.set_yticks(range(len(per)), [f"{sid}: {_shorten(lab, 55)}" for sid, lab in zip(per.story_id, per.label)],
                  fontsize=8)
    ax.set_ylim(len(per) - 0.5, -0.5)
    ax.grid(axis="y", visible=False)
    ax.set_title(title_)
    n_all = st.story_id.nunique()
    _note(fig, f"{len(per)} of {n_all} stories shown (the most articles first)." if n_all > len(per) else "",
          "Undated stories are not drawn on the time axis." if len(dated) < len(per) and len(dated) else "")
    return _finish(fig)


def outlets_by_leaning(tables, outlets: pd.DataFrame | None = None, *, top: int = MAX_ROWS) -> plt.Figure:
    """Articles per outlet (the ``top`` outlets, the rest as "others"), coloured by leaning."""
    from ..corpus.outlets import outlets_table

    title_ = "Outlets: articles per outlet, coloured by leaning"
    o = outlets if outlets is not None else outlets_table(tables)
    if not len(o):
        return nothing_to_show(title_, "no articles.")
    o = o.sort_values(["articles", "outlet"], ascending=[False, True])
    shown = o.head(top)
    rest = o.iloc[top:]
    names = [_shorten(x, 32) for x in shown.outlet] + ([f"others ({len(rest)} outlets)"] if len(rest) else [])
    values = list(shown.articles) + ([int(rest.articles.sum())] if len(rest) else [])
    colours = [_leaning_colour(x) for x in shown.leaning] + (["#DDDDDD"] if len(rest) else [])
    use_style()
    fig, ax = plt.subplots(figsize=_size(8, 0.32 * len(names) + 1.8))
    ax.barh(range(len(names)), values, color=colours)
    ax.set_yticks(range(len(names)), names, fontsize=8)
    ax.set_ylim(len(names) - 0.5, -0.5)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("articles")
    ax.set_title(title_)
    present = list(dict.fromkeys(str(x or "") for x in shown.leaning))
    ax.legend(handles=[Line2D([], [], marker="s", ls="", color=_leaning_colour(x), label=x or "unknown")
                       for x in present], loc="lower right", fontsize=8, title="leaning", title_fontsize=8)
    return _finish(fig)


def outlet_sources(tables, outlets: pd.DataFrame | None = None, *, top: int = MAX_ROWS) -> plt.Figure:
    """Per outlet (the ``top`` by articles): shares of its quotes with named, anonymous and unattributed speakers."""
    from ..corpus.outlets import outlets_table

    title_ = "Whom each outlet quotes: share of quotes by speaker kind"
    o = outlets if outlets is not None else outlets_table(tables)
    o = o[o.quotes > 0] if len(o) else o
    if not len(o):
        return nothing_to_show(title_, "no direct quotes in these articles.")
    o = o.sort_values(["articles", "outlet"], ascending=[False, True]).head(top)
    shares = pd.DataFrame({k: o[f"{k}_share"].astype(float).fillna(0).to_numpy() for k in ("named", "anonymous", "unattributed")},
                          index=[f"{_shorten(x, 30)} ({lean or '?'}; {q} quotes)" for x, lean, q in
                                 zip(o.outlet, o.leaning, o.quotes)])
    return stacked_bars(shares, title=title_, xlabel="share of the outlet's quotes", max_rows=top, what="outlets",
                        note=f"The {len(o)} outlets with most articles." if len(o) == top else "")


# ----------------------------------------------------------------------------- saving

def save(fig: plt.Figure, name: str, *, folder: Path | None = None) -> list[Path]:
    """Save ``fig`` as PNG and SVG into ``folder`` (default reports/figures/); returns the paths.

    Deterministic: no dates or software versions in the files, fixed SVG ids, so saving the
    same figure twice writes the same bytes.
    """
    from ..config import FIGURES_DIR

    folder = Path(folder or FIGURES_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{name}.png", folder / f"{name}.svg"]
    with plt.rc_context({"svg.hashsalt": STYLE["svg.hashsalt"], "svg.fonttype": STYLE["svg.fonttype"]}):
        fig.savefig(paths[0], metadata={"Software": None})
        fig.savefig(paths[1], metadata={"Date": None, "Creator": None})
    return paths
