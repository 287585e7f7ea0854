"""Where the gold same-fact pairs of the TUNING stories are lost, stage by stage.

Each gold pair (two passages of one fact in two articles, tests/fixtures/facts_gold.json) is
put in the first stage that loses it:

0. no claim overlaps one of its passages (a record's title field outside the text, a
   question, a sentence under claims.FRONT_MIN_WORDS or without a checkable statement;
   headlines, subheadlines, intros and photo captions are claims of their own ``part``);
1. no pair of their claims is a paraphrase candidate (blocking: they share fewer than
   links.PARAPHRASE_MIN_CONCEPTS concepts);
2. a candidate, but a gate drops it before the matcher (negation, dates or places, articles
   not on one story, already linked otherwise, a shared passage);
3. scored by the matcher, under its threshold;
4. found (by a link or a shared fact).

Each stage also says how many of its pairs have a side that only a claim outside the body
sentences covers (claims.part: headline, subheadline, intro, caption), and how many a short
body claim (under claims.MIN_CLAIM_WORDS words).

It also prints the matcher's probabilities for the candidates it scored, same-fact or not.
Only the tuning stories are read (the others are held out: score them with score_facts only):

    python -m benchmarks.facts_diagnosis
    python -m benchmarks.facts_diagnosis --within /work/baseline/sub   # inside a bigger corpus

``--within DIR`` scores each tuning story analysed together with the articles of DIR, as a
user's corpus would be (score_facts analyses a story's articles alone, where every word is
rarer and every article is on the story): links and facts among the story's own articles are
scored, and the paraphrase links from them to DIR's articles are counted (all wrong).
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from benchmarks import score_facts as sf

STAGES = ("0 no claim", "1 not a candidate", "2 gated", "3 under the threshold", "4 found")


def diagnose(story: dict) -> tuple[Counter, list[float], list[float], Counter, Counter]:
    from analysis.map import claims
    from analysis.corpus import links
    from analysis.corpus import paraphrase

    raw: list[np.ndarray] = []
    real = links._candidate_pairs

    def recording(keys, article_of, **kw):
        out = real(keys, article_of, **kw)
        if (kw.get("min_shared") == links.PARAPHRASE_MIN_CONCEPTS and not kw.get("strong_prefix")
                and not kw.get("counts")):
            raw.append(out)  # the paraphrase candidates
        return out

    links._candidate_pairs, links._FEATURE_SINK = recording, []
    try:
        tables = sf.analyse_story(story)
        scored = {frozenset((a, b)): f for a, b, f in links._FEATURE_SINK}
    finally:
        links._candidate_pairs, links._FEATURE_SINK = real, None
    cl = tables.claims.sort_values(["article_id", "start", "end"], kind="mergesort").reset_index(drop=True)
    cid = cl.claim_id.astype(str).tolist()  # the order _link_rows indexes claims in
    candidates = {frozenset((cid[i], cid[j])) for p in raw for i, j in p.tolist()}
    found = {frozenset((a, b)) for a, b in zip(tables.links.claim_a, tables.links.claim_b)
             if isinstance(a, str) and a and isinstance(b, str) and b}
    for _, g in tables.facts.groupby("fact_id"):
        m = list(g.claim_id)
        found.update(frozenset((x, y)) for k, x in enumerate(m) for y in m[k + 1:])
    art_of_file = {Path(p).name: a for a, p in zip(tables.articles.article_id, tables.articles.path)}
    spans = defaultdict(list)
    for c, a, s, e in zip(cl.claim_id, cl.article_id, cl.start, cl.end):
        spans[a].append((int(s), int(e), c))
    front = set(cl.claim_id[cl.part != "body"]) if "part" in cl else set()
    short = set(cl.claim_id[(cl.part == "body") & (cl.words < claims.MIN_CLAIM_WORDS)]) if "part" in cl else set()
    facts_of = defaultdict(set)
    stages: Counter = Counter()
    via_front: Counter = Counter()
    via_short: Counter = Counter()
    for fact in story["facts"]:
        ms = []
        for m in fact["mentions"]:
            aid = art_of_file.get(m["file"])
            cs = {c for s, e, c in spans[aid] if sf._overlaps(s, e, m["start"], m["end"])}
            for c in cs:
                facts_of[c].add(fact["fact"])
            ms.append((aid, cs))
        for k, (aa, ga) in enumerate(ms):
            for ab, gb in ms[k + 1:]:
                if aa == ab:
                    continue
                pairs = {frozenset((x, y)) for x in ga for y in gb}
                stage = (0 if not pairs else 4 if pairs & found else 3 if any(p in scored for p in pairs)
                         else 2 if pairs & candidates else 1)
                stages[STAGES[stage]] += 1
                if (ga and ga <= front) or (gb and gb <= front):
                    via_front[STAGES[stage]] += 1
                if (ga and ga <= short) or (gb and gb <= short):
                    via_short[STAGES[stage]] += 1
    pos, neg = [], []
    for p, f in scored.items():
        a, b = tuple(p)
        (pos if facts_of[a] & facts_of[b] else neg).append(paraphrase.match_probability(f))
    return stages, pos, neg, via_front, via_short


def within(story: dict, folder: Path):
    """The Score of the story analysed inside ``folder``'s articles, and how many paraphrase
    links go from its articles to the others."""
    import shutil
    import tempfile

    from analysis.views.export import Tables, analyse

    with tempfile.TemporaryDirectory() as tmp:
        for f in [*Path(folder).iterdir(), *sf.story_files(story)]:
            if f.is_file():
                shutil.copy(f, Path(tmp) / f.name)
        tables = analyse(tmp)
    own = {a for a, p in zip(tables.articles.article_id, tables.articles.path)
           if Path(p).name in {f.name for f in sf.story_files(story)}}
    frames = dict(tables.dataframes)
    links = tables.links
    inside = links.article_a.isin(own) & links.article_b.isin(own)
    para = links.detail.astype(str).str.startswith("paraphrase")
    outside = int((para & (links.article_a.isin(own) != links.article_b.isin(own))).sum())
    frames["links"] = links[inside]
    f = tables.facts
    frames["facts"] = f[f.article_id.isin(own)]
    frames["claims"] = tables.claims[tables.claims.article_id.isin(own)]
    frames["articles"] = tables.articles[tables.articles.article_id.isin(own)]
    return sf.score_story(story, Tables(frames, tables.texts, tables.corpus)), outside


def main(argv=None) -> int:
    from analysis.corpus import paraphrase

    args = list(sys.argv[1:] if argv is None else argv)
    folder = None
    if "--within" in args:
        k = args.index("--within")
        folder = Path(args[k + 1])
        del args[k:k + 2]
    names = args or list(sf.TUNING_STORIES)
    held = [n for n in names if n not in sf.TUNING_STORIES]
    if held:
        print(f"{', '.join(held)}: held out; score them with benchmarks.score_facts only")
        return 2
    threshold = paraphrase.matcher()[2]
    for story in sf.load_gold():
        if story["story"] not in names:
            continue
        if folder is not None:
            score, outside = within(story, folder)
            print(f"{story['story']} within {folder}: recall {score.recall:.2f} ({score.found}/{score.gold_pairs}), "
                  f"precision {score.precision:.2f} ({score.right}/{score.predicted}); "
                  f"{outside} paraphrase links to its other articles")
            continue
        stages, pos, neg, via_front, via_short = diagnose(story)
        total = sum(stages.values())
        print(f"{story['story']}: {total} gold pairs")
        for s in STAGES:
            print(f"  {s:<24} {stages[s]:>4} ({stages[s] / total:.0%}); {via_front[s]:>3} through a "
                  f"headline/caption claim, {via_short[s]:>3} through a short sentence")
        for label, xs in (("same-fact", pos), ("other", neg)):
            if xs:
                q = np.quantile(xs, [0.25, 0.5, 0.75, 0.9])
                print(f"  scored {label:<9} {len(xs):>4} pairs: quartiles {q[0]:.2f} {q[1]:.2f} {q[2]:.2f}, "
                      f"90% {q[3]:.2f}; {sum(x >= threshold for x in xs)} at the threshold {threshold} or over")
    return 0


if __name__ == "__main__":
    sys.exit(main())
