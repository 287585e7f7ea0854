"""Build analysis/data/tone_model.json: the target-tone model, from NewsMTSC's public train split.

Usage (needs the ``[train]`` extra, i.e. scikit-learn)::

    python scripts/build_tone_model.py [--data ../shared/corpora/newsmtsc/train.jsonl] [--out FILE]
    python scripts/build_tone_model.py --check     # rebuild in memory, compare with the shipped file

Steps, all deterministic:

1. Read ``train.jsonl`` (one sentence a line, ``targets[]`` with ``from``/``to``/``polarity``:
   2 = negative, 4 = neutral, 6 = positive).
2. Split by article: the article part of ``primary_gid`` (its first three ``_`` fields, e.g.
   ``allsides_1018_408`` or ``polusa_v1_113704059``) is hashed (SHA-1); hash % 5 == 0 is the
   held-out **dev** side, the rest is **train**. Sentences of one article stay on one side.
3. Features: ``analysis.map.tone.features`` (the code used at run time). Features seen in fewer
   than ``MIN_COUNT`` train items are dropped.
4. The regularisation strength C is chosen by 5-fold cross-validation on train only (folds
   grouped by article, macro-F1); then a multinomial logistic regression (classes weighted
   inversely to their frequency, ``CLASS_WEIGHT``) is fit on all of train.
5. Evaluated once on dev (never tuned on): macro-F1, per-class F1, accuracy, per-person mean
   tone correlation, the sentence-TextBlob baseline, two-target sentences.
6. Weights rounded to 4 decimals, near-zero ones dropped, written as JSON with the figures.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.map import tone as T  # noqa: E402
from analysis.config import SHARED_DIR  # noqa: E402
from analysis.map.sentiment import sentiment  # noqa: E402

DATA = SHARED_DIR / "corpora" / "newsmtsc" / "train.jsonl"
METHOD = "newsmtsc-logreg-v2"
#: Class weights of the regression (chosen by the cross-validation on train, like C).
CLASS_WEIGHT = "balanced"
POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
VALUE = {"negative": -1.0, "neutral": 0.0, "positive": 1.0}
MIN_COUNT = 2
C_GRID = (0.05, 0.1, 0.2, 0.4)
DECIMALS = 4
DEV_MOD = 5


def article_key(gid: str) -> str:
    return "_".join(gid.split("_")[:3])


def is_dev(gid: str) -> bool:
    return int(hashlib.sha1(article_key(gid).encode("utf-8")).hexdigest(), 16) % DEV_MOD == 0


def read_items(path: Path) -> list[dict]:
    """One dict per (sentence, target): sentence, start, end, mention, label, gid, article, dev, row."""
    items = []
    with open(path, encoding="utf-8") as f:
        for row_no, line in enumerate(f):
            if not line.strip():
                continue
            r = json.loads(line)
            s = r["sentence_normalized"]
            for t in r["targets"]:
                if s[t["from"]:t["to"]] != t["mention"]:
                    raise ValueError(f"{path} line {row_no + 1}: sentence[{t['from']}:{t['to']}] is not "
                                     f"{t['mention']!r}")
                items.append({"sentence": s, "start": t["from"], "end": t["to"], "mention": t["mention"],
                              "label": POLARITY[float(t["polarity"])], "gid": r["primary_gid"],
                              "article": article_key(r["primary_gid"]), "dev": is_dev(r["primary_gid"]),
                              "row": row_no})
    return items


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------------------- metrics

def f1_scores(gold: list[str], pred: list[str]) -> dict:
    per = {}
    for c in T.LABELS:
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        per[c] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    acc = sum(1 for g, p in zip(gold, pred) if g == p) / len(gold)
    return {"macro_f1": sum(per.values()) / len(per), "f1": per, "accuracy": acc, "n": len(gold)}


def person_key(mention: str) -> str | None:
    """Surname-like key for grouping mentions of one person ("Mr. Trump's" -> "trump"); None for pronouns."""
    words = [w for w in mention.replace("’", "'").split() if w]
    if not words:
        return None
    last = words[-1]
    for suf in ("'s", "'"):
        if last.endswith(suf):
            last = last[: -len(suf)]
    last = last.strip(".,;:\"'“”()")
    if not last or not last[0].isupper() or last.lower() in T.PRONOUNS:
        return None
    return last.lower()


def pearson(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else float("nan")


def person_r(items: list[dict], scores: list[float], *, min_mentions: int) -> dict:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        k = person_key(it["mention"])
        if k is not None:
            groups[k].append(i)
    keep = sorted(k for k, v in groups.items() if len(v) >= min_mentions)
    human = [sum(VALUE[items[i]["label"]] for i in groups[k]) / len(groups[k]) for k in keep]
    model = [sum(scores[i] for i in groups[k]) / len(groups[k]) for k in keep]
    return {"r": pearson(model, human), "persons": len(keep), "min_mentions": min_mentions,
            "mentions": sum(len(groups[k]) for k in keep)}


def two_targets(items: list[dict], pred: list[str], scores: list[float]) -> dict:
    """Sentences with two or more judged targets whose gold labels differ: does the model differ too?"""
    by_row: dict[int, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        by_row[it["row"]].append(i)
    multi = [ix for ix in by_row.values() if len(ix) >= 2]
    differ = [ix for ix in multi if len({items[i]["label"] for i in ix}) > 1]
    pred_differ = sum(1 for ix in differ if len({pred[i] for i in ix}) > 1)
    # pairs with different gold: is the more positive one (gold) scored higher?
    pairs = ordered = 0
    for ix in differ:
        for a in ix:
            for b in ix:
                if VALUE[items[a]["label"]] > VALUE[items[b]["label"]]:
                    pairs += 1
                    ordered += scores[a] > scores[b]
    acc = sum(1 for ix in multi for i in ix if pred[i] == items[i]["label"]) / max(1, sum(map(len, multi)))
    return {"sentences": len(multi), "gold_labels_differ": len(differ), "predicted_labels_differ": pred_differ,
            "pairs_ordered": ordered, "pairs": pairs, "accuracy_on_multi_target": acc}


def baseline_label(polarity: float) -> str:
    return "negative" if polarity < 0 else "positive" if polarity > 0 else "neutral"


# ---------------------------------------------------------------------------- training

def build(data: Path = DATA, *, C: float | None = None, cv_only: bool = False) -> dict:
    """Train on the train side, evaluate on dev, return the model file's content (a dict).

    ``C`` given: skip the cross-validation and fit with it (``C_grid_cv_macro_f1`` is then empty).
    ``cv_only``: stop after the cross-validation and return its figures (no dev figure is computed:
    for choosing features without looking at dev).
    """
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    items = read_items(data)
    train = [it for it in items if not it["dev"]]
    dev = [it for it in items if it["dev"]]
    # the features do not depend on any weights: extract them with an empty model (the shipped
    # file may be of an older feature version)
    saved = T.use_model(T._Model(METHOD, (0.0, 0.0, 0.0), {}, {}))
    try:
        feats_train = [T.features(it["sentence"], it["start"], it["end"]) for it in train]
    finally:
        T.use_model(saved)
    counts: dict[str, int] = defaultdict(int)
    for f in feats_train:
        for k in f:
            counts[k] += 1
    vocab = {k for k, c in counts.items() if c >= MIN_COUNT}
    feats_train = [{k: v for k, v in f.items() if k in vocab} for f in feats_train]
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform(feats_train)
    y = [T.LABELS.index(it["label"]) for it in train]
    groups = [it["article"] for it in train]

    def fit(c, Xs, ys, tol):
        return LogisticRegression(C=c, max_iter=5000, tol=tol, class_weight=CLASS_WEIGHT).fit(Xs, ys)

    cv = {}
    if C is None:
        folds = list(GroupKFold(n_splits=5).split(X, y, groups))
        for c in C_GRID:
            gold, pred = [], []
            for tr, te in folds:
                m = fit(c, X[tr], [y[i] for i in tr], 1e-4)
                pred += [T.LABELS[k] for k in m.predict(X[te])]
                gold += [T.LABELS[y[i]] for i in te]
            cv[str(c)] = round(f1_scores(gold, pred)["macro_f1"], 4)
        best_c = max(C_GRID, key=lambda c: (cv[str(c)], -c))
        if cv_only:
            return {"C_grid_cv_macro_f1": cv, "C": best_c, "features": len(vocab)}
    else:
        best_c = C
    model = fit(best_c, X, y, 1e-6)

    names = vec.get_feature_names_out()
    weights = {}
    coef = model.coef_
    for j, name in enumerate(names):
        w = [round(float(coef[k, j]), DECIMALS) for k in range(3)]
        if any(abs(x) >= 10 ** -DECIMALS for x in w):
            weights[str(name)] = [x + 0.0 for x in w]
    out = {
        "method": METHOD,
        "features_version": T.FEATURES_VERSION,
        "classes": list(T.LABELS),
        "intercept": [round(float(b), DECIMALS) + 0.0 for b in model.intercept_],
        "training": {
            "data": "NewsMTSC train split (Hamborg & Donnay, EACL 2021; MIT licence): "
                    "corpora/newsmtsc/train.jsonl",
            "data_sha256": sha256(data),
            "split": f"article part of primary_gid (first 3 '_' fields), SHA-1 % {DEV_MOD} == 0 -> dev",
            "train_items": len(train), "dev_items": len(dev),
            "train_articles": len(set(groups)), "dev_articles": len({it["article"] for it in dev}),
            "min_count": MIN_COUNT, "class_weight": CLASS_WEIGHT, "C_grid_cv_macro_f1": cv, "C": best_c,
            "features": len(weights),
        },
    }
    out["weights"] = weights
    out["evaluation"] = evaluate(dev, out)
    return out


def evaluate(dev: list[dict], model_json: dict) -> dict:
    """Held-out figures of the model in ``model_json`` (scored with the run-time code)."""
    saved = T.use_model(T._Model(model_json["method"], tuple(model_json["intercept"]),
                                 {k: tuple(v) for k, v in model_json["weights"].items()}, {}))
    try:
        tones = [T.target_tone(it["sentence"], it["start"], it["end"], sentence=(0, len(it["sentence"])))
                 for it in dev]
    finally:
        T.use_model(saved)
    gold = [it["label"] for it in dev]
    pred = [t.label for t in tones]
    scores = [t.score for t in tones]
    base_pol = [sentiment(it["sentence"])[0] for it in dev]
    base_pred = [baseline_label(p) for p in base_pol]
    return {
        "dev": f1_scores(gold, pred),
        "person_r": person_r(dev, scores, min_mentions=5),
        "person_r_min3": person_r(dev, scores, min_mentions=3),
        "two_targets": two_targets(dev, pred, scores),
        "baseline_textblob_sentence": {**f1_scores(gold, base_pred),
                                       "person_r": person_r(dev, base_pol, min_mentions=5)["r"],
                                       "two_targets": two_targets(dev, base_pred, base_pol)},
    }


def _round(x):
    if isinstance(x, float):
        return round(x, 4)
    if isinstance(x, dict):
        return {k: _round(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_round(v) for v in x]
    return x


def dumps(model_json: dict) -> str:
    m = dict(model_json)
    m["evaluation"] = _round(m["evaluation"])
    weights = m.pop("weights")
    head = json.dumps(m, indent=1, ensure_ascii=False)[:-2]
    body = ",\n".join(f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v)}" for k, v in sorted(weights.items()))
    return head + ',\n "weights": {\n' + body + "\n }\n}\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--out", default=str(T.MODEL_FILE))
    ap.add_argument("--check", action="store_true", help="rebuild and compare with --out instead of writing")
    ap.add_argument("--cv-only", action="store_true", help="print the cross-validation on train only (no dev figure)")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not data.exists():
        print(f"error: {data} not found: put NewsMTSC's train.jsonl there or pass --data", file=sys.stderr)
        return 2
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("error: scikit-learn is needed to train: pip install -e '.[train]'", file=sys.stderr)
        return 2
    if args.cv_only:
        print(json.dumps(build(data, cv_only=True), indent=1))
        return 0
    model = build(data)
    text = dumps(model)
    if args.check:
        same = Path(args.out).read_text(encoding="utf-8") == text
        print("shipped model matches a rebuild" if same else f"DIFFERS: {args.out} is not what this script builds")
        return 0 if same else 1
    Path(args.out).write_text(text, encoding="utf-8")
    ev = model["evaluation"]
    print(json.dumps(_round({k: v for k, v in model.items() if k not in ("weights",)}), indent=1))
    print(f"wrote {args.out}: {len(model['weights'])} features; dev macro-F1 {ev['dev']['macro_f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
