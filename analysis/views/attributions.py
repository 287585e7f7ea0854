"""Views of the attributions table for notebook 1: counts per article, the indirect attributions,
affiliations, and the shares of women among quoted people per outlet.
"""
from __future__ import annotations


def _labels(tables) -> dict:
    from .profile import labels

    return labels(tables)


def attribution_counts(tables):
    """One row per article: its direct, mixed and indirect attributions, and the indirect share.

    >>> from analysis.views.export import analyse
    >>> from analysis.config import SEEDS_DIR
    >>> list(attribution_counts(analyse(SEEDS_DIR)).columns)
    ['article', 'direct', 'mixed', 'indirect', 'total', 'indirect_share']
    """
    import pandas as pd

    a = tables.attributions
    lab = _labels(tables)
    counts = a.groupby(["article_id", "kind"]).size().unstack(fill_value=0) if len(a) else pd.DataFrame()
    rows = []
    for aid in sorted(tables.articles.article_id):
        r = {k: int(counts.at[aid, k]) if aid in counts.index and k in counts.columns else 0
             for k in ("direct", "mixed", "indirect")}
        total = sum(r.values())
        rows.append({"article": lab[aid], **r, "total": total,
                     "indirect_share": round((r["indirect"] + r["mixed"]) / total, 2) if total else None})
    return pd.DataFrame(rows, columns=["article", "direct", "mixed", "indirect", "total", "indirect_share"])


def indirect_table(tables, *, width: int = 100):
    """The indirect and mixed attributions: who is credited with what, through which cue."""
    import pandas as pd

    a = tables.attributions
    a = a[a.kind != "direct"]
    short = a.content.map(lambda s: " ".join(s.split()) if len(s) <= width else " ".join(s[:width].split()) + "…")
    out = pd.DataFrame({
        "article": a.article_id.map(_labels(tables)), "start": a.content_start, "kind": a.kind,
        "source": a.source, "source_kind": a.source_kind, "cue": a.cue, "via": a.via,
        "speaker_affiliation": a.speaker_affiliation, "speaker_gender": a.speaker_gender, "content": short,
    })
    return out.sort_values(["article", "start"]).reset_index(drop=True)


def affiliations(tables):
    """Speakers with an affiliation, and how many attributions each has."""
    import pandas as pd

    a = tables.attributions
    a = a[a.speaker_affiliation.fillna("") != ""]
    if not len(a):
        return pd.DataFrame(columns=["source", "speaker_affiliation", "attributions", "articles"])
    g = a.groupby(["source", "speaker_affiliation"]).agg(attributions=("kind", "size"),
                                                        articles=("article_id", "nunique")).reset_index()
    return g.sort_values(["attributions", "source"], ascending=[False, True]).reset_index(drop=True)


def gender_shares(tables, *, by: str = "outlet"):
    """Per outlet (or ``by="article"``): attributions to women, to men, undecided, and the share
    of women among those whose gender the text decides (the Gender Gap Tracker's measure)."""
    import pandas as pd

    if by not in ("outlet", "article"):
        raise ValueError(f"gender_shares: by={by!r}; use 'outlet' or 'article'")
    a = tables.attributions
    a = a[a.source_kind == "person"]
    arts = tables.articles
    key = (arts.set_index("article_id").outlet.fillna("(outlet unknown)") if by == "outlet"
           else pd.Series(_labels(tables)))
    col = a.article_id.map(key)
    g = a.speaker_gender.fillna("").replace("", "undecided")
    t = pd.crosstab(col, g) if len(a) else pd.DataFrame()
    rows = []
    for k in sorted(set(key)):
        f = int(t.at[k, "female"]) if k in t.index and "female" in t.columns else 0
        m = int(t.at[k, "male"]) if k in t.index and "male" in t.columns else 0
        u = int(t.at[k, "undecided"]) if k in t.index and "undecided" in t.columns else 0
        rows.append({by: k, "female": f, "male": m, "undecided": u,
                     "share_women": round(f / (f + m), 2) if f + m else None})
    return pd.DataFrame(rows, columns=[by, "female", "male", "undecided", "share_women"])
