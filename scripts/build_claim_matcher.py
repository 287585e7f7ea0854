"""Build analysis/data/claim_matcher.json: the logistic model that decides whether two claims
of different articles state the same fact (analysis.corpus.paraphrase.match_probability).

Training data: the TUNING stories of tests/fixtures/facts_gold.json (hand-annotated passages
that state one fact, annotated blind to the system). Every paraphrase candidate pair the
comparison considers (analysis.corpus.links._paraphrase_links) is a row of
analysis.corpus.paraphrase.FEATURES, labelled 1 when its two claims overlap passages of one gold
fact. The other stories of the gold are held out: they are never read here, so the figures
benchmarks/score_facts.py prints for them are held-out figures.

The threshold is the one that maximises F0.5 (precision counted twice as much as recall: a
fact table must be trustworthy before it is complete) of gold pairs found (by a link or a
shared fact) on the tuning stories. The model is fitted here by Newton's method (numpy only),
with the objective of scikit-learn's LogisticRegression(C=1.0): log loss plus half the squared
weights (the intercept not penalised):

    python scripts/build_claim_matcher.py
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.corpus import links
from analysis import corpus  # noqa: E402
from analysis.corpus import paraphrase  # noqa: E402
from benchmarks import score_facts  # noqa: E402

TUNING = score_facts.TUNING_STORIES
OUT = paraphrase.MATCHER_JSON


def labelled(story, tables, feats):
    art_of_file = {Path(p).name: a for a, p in zip(tables.articles.article_id, tables.articles.path)}
    facts_of = defaultdict(set)
    for fact in story["facts"]:
        for m in fact["mentions"]:
            aid = art_of_file.get(m["file"])
            for cid, a, s, e in zip(tables.claims.claim_id, tables.claims.article_id,
                                    tables.claims.start, tables.claims.end):
                if a == aid and score_facts._overlaps(int(s), int(e), m["start"], m["end"]):
                    facts_of[cid].add(fact["fact"])
    return [(f, int(bool(facts_of[a] & facts_of[b]))) for a, b, f in feats]


def rescore(tables, story):
    """Links and facts of ``tables`` again with the matcher as it is now; the Score."""
    out = corpus.corpus_rows(tables.dataframes, tables.texts)
    import pandas as pd

    from analysis.tables import TABLES
    frames = dict(tables.dataframes)
    for name, rows in out.items():
        frames[name] = pd.DataFrame.from_records(rows, columns=list(TABLES[name]))
    from analysis.views.export import Tables
    return score_facts.score_story(story, Tables(frames, tables.texts, tables.corpus))


def fit_logistic(X, y, *, C: float = 1.0, iterations: int = 100) -> tuple[list[float], float]:
    """Weights and intercept minimising C * log loss + |w|^2 / 2 (Newton's method)."""
    import numpy as np

    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    A = np.hstack([X, np.ones((len(X), 1))])
    beta = np.zeros(A.shape[1])
    ridge = np.eye(A.shape[1]) / C
    ridge[-1, -1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(A @ beta, -30, 30)))
        grad = A.T @ (p - y) + ridge @ beta
        hess = (A * (p * (1 - p))[:, None]).T @ A + ridge + 1e-9 * np.eye(A.shape[1])
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-10:
            break
    return [float(w) for w in beta[:-1]], float(beta[-1])


def main() -> int:
    stories = [s for s in score_facts.load_gold() if s["story"] in TUNING]
    X, y, analysed = [], [], []
    paraphrase.matcher.cache_clear()
    real = paraphrase.matcher
    paraphrase.matcher = lambda: ((0.0,) * len(paraphrase.FEATURES), -50.0, 2.0)  # collect, link nothing
    try:
        for story in stories:
            links._FEATURE_SINK = []
            tables = score_facts.analyse_story(story)
            for f, label in labelled(story, tables, links._FEATURE_SINK):
                X.append(list(f))
                y.append(label)
            analysed.append((story, tables))
    finally:
        links._FEATURE_SINK = None
    coef, b = fit_logistic(X, y)
    weights = [round(w, 6) for w in coef]
    intercept = round(b, 6)
    best = None
    for threshold in [x / 100 for x in range(5, 96, 5)]:
        paraphrase.matcher = lambda t=threshold: (tuple(weights), intercept, t)
        scores = [rescore(t, s) for s, t in analysed]
        gold = sum(s.gold_pairs for s in scores)
        found = sum(s.found for s in scores)
        pred = sum(s.predicted for s in scores)
        right = sum(s.right for s in scores)
        r, p = found / gold, (right / pred if pred else 0.0)
        f1 = 1.25 * p * r / (0.25 * p + r) if p + r else 0.0  # F0.5
        print(f"threshold {threshold:.2f}: recall {r:.2f} precision {p:.2f} F0.5 {f1:.3f}")
        if best is None or f1 > best[0] + 1e-9:
            best = (f1, threshold)
    paraphrase.matcher = real
    doc = {"about": "logistic model over analysis.corpus.paraphrase.FEATURES; built by "
                    "scripts/build_claim_matcher.py from the tuning stories "
                    f"{', '.join(TUNING)} of tests/fixtures/facts_gold.json",
           "features": list(paraphrase.FEATURES), "weights": weights, "intercept": intercept,
           "threshold": best[1], "training_pairs": len(y), "positives": int(sum(y))}
    OUT.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    print(f"{len(y)} pairs ({sum(y)} same-fact); threshold {best[1]} (F0.5 {best[0]:.3f}) -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
