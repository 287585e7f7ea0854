"""Facts: claims of different articles that state the same checkable thing, grouped.

The ``links`` table is the pairwise evidence (two claims agree, their numbers conflict, a
quote or passage is reused). A **fact** is a connected group of claims under those links,
so every two claims of one fact are joined by a path of links; grouping is union-find over
the links, linear in their number. Each claim of a fact gets a ``stance``:

- ``states``: it says what the others say;
- ``conflicts``: its number or date for the same thing differs (a ``number_conflict`` link)
  from the value most of the fact's articles give (every side conflicts when no value has a
  majority);
- ``denies``: it negates what the others state.

>>> links = [(0, "agree", "a", "b", "a:0", "b:3", 0, 9, 0, 9, "x", "y", 0.5, "")]
>>> claims = [("a:0", "a", 0, 0, 9, "ISIS gained"), ("b:3", "b", 1, 0, 9, "ISIS advanced")]
>>> rows = fact_rows(links, claims, outlets={"a": "Reuters", "b": "AP"})
>>> [(r[0], r[2], r[7], r[8], r[9]) for r in rows]
[('F0001', 'a:0', 'states', 2, 2), ('F0001', 'b:3', 'states', 2, 2)]
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable, Mapping, Optional, Sequence

#: Two groups of claims merge into one fact when at least this share of their claim pairs
#: are linked (average linkage over the link graph); 0 would be connected components, which
#: chain unrelated claims together through one loose link.
MIN_LINK_DENSITY = 0.5
#: Link kinds that put two claims into one fact.
FACT_LINK_KINDS = ("agree", "number_conflict", "reused_quote", "shared_passage")
FACT_COLUMNS = ("fact_id", "article_id", "claim_id", "start", "end", "text", "outlet", "stance",
                "n_articles", "n_outlets", "summary")
_CONFLICT_DETAIL = re.compile(r"(?P<unit>[^:;]+): (?P<a>[^;]+?) vs (?P<b>[^;]+?)(?:;|$)")


def cluster(edges: Iterable[tuple[str, str]], *, min_density: float = MIN_LINK_DENSITY) -> list[list[str]]:
    """Groups of nodes from undirected edges by average linkage: two groups merge while the
    share of linked pairs between them is at least ``min_density`` (densest first, ties by
    name). Every group is connected; work grows with the number of edges, not of all pairs.

    >>> cluster([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d")], min_density=0.5)
    [['a', 'b', 'c'], ['d']]
    >>> cluster([("a", "b"), ("b", "c"), ("c", "d")], min_density=0.0)
    [['a', 'b', 'c', 'd']]
    """
    import heapq

    members: dict[str, list[str]] = {}
    neigh: dict[str, dict[str, int]] = defaultdict(dict)
    for a, b in edges:
        if a == b or b in neigh[a]:
            continue
        neigh[a][b] = 1
        neigh[b][a] = 1
        members.setdefault(a, [a])
        members.setdefault(b, [b])
    heap = [(-1.0, a, b) for a in neigh for b in neigh[a] if a < b]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members or b not in neigh[a]:
            continue  # merged away since
        density = neigh[a][b] / (len(members[a]) * len(members[b]))
        if abs(density + neg) > 1e-12:
            continue  # stale entry: a fresher one is in the heap
        if density < min_density:
            continue
        keep, gone = (a, b) if (len(members[a]), b) >= (len(members[b]), a) else (b, a)
        members[keep].extend(members.pop(gone))
        for c, n in neigh.pop(gone).items():
            if c == keep:
                continue
            del neigh[c][gone]
            neigh[keep][c] = neigh[keep].get(c, 0) + n
            neigh[c][keep] = neigh[keep][c]
        del neigh[keep][gone]
        for c, n in neigh[keep].items():
            d = n / (len(members[keep]) * len(members[c]))
            heapq.heappush(heap, (-d, *sorted((keep, c))))
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


def _negated(text: str) -> bool:
    from ..map.claims import _negated as negated

    return negated(text)


def fact_rows(links: Iterable[Sequence], claims: Iterable[Sequence], *,
              outlets: Optional[Mapping[str, str]] = None,
              min_density: Optional[float] = None) -> list[tuple]:
    """Rows of the ``facts`` table (FACT_COLUMNS order).

    ``links``: rows of the links table (LINK_COLUMNS order: link_id, kind, article_a,
    article_b, claim_a, claim_b, ...); ``claims``: (claim_id, article_id, sentence_id, start,
    end, text) tuples; ``outlets``: article id -> outlet name (articles without one count
    as their own outlet).
    """
    outlets = outlets or {}
    info = {str(c[0]): c for c in claims}
    edges: set[tuple[str, str]] = set()
    degree: Counter = Counter()
    conflict_values: dict[str, list[tuple[str, str]]] = defaultdict(list)  # claim -> (unit, value)
    for link in links:
        kind, ca, cb = link[1], str(link[4] or ""), str(link[5] or "")
        if kind not in FACT_LINK_KINDS or not ca or not cb or ca not in info or cb not in info:
            continue
        if info[ca][1] == info[cb][1]:
            continue
        pair = (ca, cb) if ca < cb else (cb, ca)
        if pair not in edges:
            edges.add(pair)
            degree[ca] += 1
            degree[cb] += 1
        if kind == "number_conflict":
            for m in _CONFLICT_DETAIL.finditer(str(link[13] or "")):
                conflict_values[ca].append((m["unit"].strip(), m["a"].strip()))
                conflict_values[cb].append((m["unit"].strip(), m["b"].strip()))
    groups = cluster(edges, min_density=MIN_LINK_DENSITY if min_density is None else min_density)

    def order(cid: str):
        c = info[cid]
        return (str(c[1]), int(c[3]), int(c[4]))

    facts = []
    for members in groups:
        members.sort(key=order)
        arts = sorted({str(info[c][1]) for c in members})
        if len(arts) < 2:
            continue
        outs = {outlets.get(a) or f"({a})" for a in arts}
        central = min(members, key=lambda c: (-degree[c], members.index(c)))  # most linked, then first
        facts.append((members, arts, outs, central))
    facts.sort(key=lambda f: (-len(f[1]), -len(f[0]), order(f[0][0])))
    rows = []
    for k, (members, arts, outs, central) in enumerate(facts, start=1):
        stance = _stances(members, info, conflict_values)
        for c in members:
            cl = info[c]
            rows.append((f"F{k:04d}", str(cl[1]), c, int(cl[3]), int(cl[4]), str(cl[5]),
                         outlets.get(str(cl[1]), "") or "", stance[c], len(arts), len(outs),
                         str(info[central][5])))
    return rows


def _stances(members: list[str], info, conflict_values) -> dict[str, str]:
    out = {c: "states" for c in members}
    # numbers: the value most articles give for a unit is the fact's; the others conflict
    by_unit: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for c in members:
        for unit, value in conflict_values.get(c, ()):
            by_unit[unit][value].add(str(info[c][1]))
    for c in members:
        for unit, value in conflict_values.get(c, ()):
            counts = {v: len(a) for v, a in by_unit[unit].items()}
            top = max(counts.values())
            winners = [v for v, n in counts.items() if n == top]
            if len(winners) > 1 or value not in winners:
                out[c] = "conflicts"
    negated = {c: _negated(str(info[c][5])) for c in members}
    n_neg = sum(negated.values())
    if 0 < n_neg < len(members) - n_neg:
        for c in members:
            if negated[c] and out[c] == "states":
                out[c] = "denies"
    return out


# --------------------------------------------------------------------------- views (notebook 2)

def leanings(articles) -> dict[str, str]:
    """Article id -> its outlet's leaning, where the records' metadata give one
    (``analysis.corpus.outlets.article_groups``: allsides' ``bias_text`` and the like).

    >>> import pandas as pd
    >>> leanings(pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                        "meta": ['{"bias_text": "left"}', ""]}))
    {'a': 'left'}
    """
    from .outlets import article_groups

    if articles is None or not len(articles):
        return {}
    groups = article_groups(articles)
    return {a: l for a, l in zip(groups["article_id"], groups["leaning"]) if l}


def fact_overview(tables, *, top: int | None = None):
    """One row per fact: how many articles and outlets state it, how many conflict or deny,
    its summary, the outlets and (where the records carry them) the leanings stating it.
    Sorted by articles, then outlets, then fact id; ``top`` keeps the first rows.
    """
    import pandas as pd

    f = tables.facts
    cols = ["fact_id", "n_articles", "n_outlets", "conflicts", "denies", "outlets", "leanings", "summary"]
    if not len(f):
        return pd.DataFrame(columns=cols)
    lean = leanings(tables.articles)
    rows = []
    for fid, g in f.groupby("fact_id", sort=True):
        outs = sorted({o for o in g["outlet"] if isinstance(o, str) and o})
        leans = sorted({lean[a] for a in g["article_id"] if a in lean})
        rows.append((fid, int(g["n_articles"].iloc[0]), int(g["n_outlets"].iloc[0]),
                     int((g["stance"] == "conflicts").sum()), int((g["stance"] == "denies").sum()),
                     ", ".join(outs), ", ".join(leans), g["summary"].iloc[0]))
    out = pd.DataFrame(rows, columns=cols).sort_values(
        ["n_articles", "n_outlets", "fact_id"], ascending=[False, False, True], kind="mergesort")
    out = out.reset_index(drop=True)
    return out.head(top) if top else out


def contested(tables):
    """Facts with a claim that conflicts (a different number or date) or denies, one row per
    claim of such a fact, so the versions stand side by side."""
    f = tables.facts
    ids = sorted(set(f.loc[f["stance"].isin(["conflicts", "denies"]), "fact_id"])) if len(f) else []
    return evidence(tables, ids)


def evidence(tables, fact_ids):
    """The claims of the given facts side by side: fact, outlet, article, stance, the claim's
    text and its offsets into ``tables.texts[article_id]``."""
    f = tables.facts
    cols = ["fact_id", "outlet", "article_id", "stance", "text", "start", "end"]
    if isinstance(fact_ids, str):
        fact_ids = [fact_ids]
    sub = f[f["fact_id"].isin(list(fact_ids))] if len(f) else f
    return sub[cols].sort_values(["fact_id", "article_id", "start"], kind="mergesort").reset_index(drop=True)


def blind_spots(tables, *, by: str = "outlet"):
    """What only one outlet (``by="outlet"``) or only one leaning (``by="leaning"``) reports.

    For ``outlet``: the claims in no fact, i.e. that no other article states, with their
    outlet (claims of one-article corpora are all blind spots, and mean nothing). For
    ``leaning``: the facts whose articles all come from one leaning (needs leanings in the
    records' metadata; empty otherwise), with that leaning.
    """
    import pandas as pd

    f, claims = tables.facts, tables.claims
    if by == "leaning":
        lean = leanings(tables.articles)
        cols = ["fact_id", "leaning", "n_articles", "n_outlets", "summary"]
        if not lean or not len(f):
            return pd.DataFrame(columns=cols)
        rows = []
        for fid, g in f.groupby("fact_id", sort=True):
            ls = {lean.get(a) for a in g["article_id"]}
            if len(ls) == 1 and None not in ls:
                rows.append((fid, ls.pop(), int(g["n_articles"].iloc[0]), int(g["n_outlets"].iloc[0]),
                             g["summary"].iloc[0]))
        return pd.DataFrame(rows, columns=cols)
    if by != "outlet":
        raise ValueError(f"blind_spots(by={by!r}): by is 'outlet' or 'leaning'")
    in_fact = set(f["claim_id"]) if len(f) else set()
    out = claims[~claims["claim_id"].isin(in_fact)][["claim_id", "article_id", "start", "end", "text"]]
    outlet = dict(zip(tables.articles["article_id"], tables.articles["outlet"]))
    out = out.assign(outlet=[outlet.get(a) if isinstance(outlet.get(a), str) else "" for a in out["article_id"]])
    return out[["outlet", "article_id", "claim_id", "start", "end", "text"]].reset_index(drop=True)
