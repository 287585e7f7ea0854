"""Score the links and facts against hand-annotated same-fact passages.

``tests/fixtures/facts_gold.json`` lists, per story, the facts that at least two of its
articles state and every passage (file, start, end) stating each; it was annotated blind to
the system. A gold **pair** is two passages of one fact in two different articles; it is
*found* when a link, or a shared fact, joins claims overlapping the two passages. A
predicted pair (a link, or two claims of one fact from two articles) is *right* when its
claims overlap passages of one gold fact in their two articles; the annotation is
exhaustive over the chosen articles, so any other predicted pair counts as wrong.

    python -m benchmarks.score_facts             # every story whose files are here
    python -m benchmarks.score_facts seeds-aleppo paris-attacks   # only these

The matcher (scripts/build_claim_matcher.py) is tuned on TUNING_STORIES; the others are
held out, and their figures are the ones the README reports as held-out.
"""
from __future__ import annotations

import json
import shutil
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from analysis.config import ALLSIDES_DIR, SEEDS_DIR, TESTS_DIR

GOLD = TESTS_DIR / "fixtures" / "facts_gold.json"
PAIR_KINDS = ("agree", "number_conflict", "reused_quote", "shared_passage")
TUNING_STORIES = ("seeds-aleppo", "paris-attacks")
MIN_OVERLAP = 0.5  # share of a gold passage (or of the claim, if shorter) the claim must cover


@dataclass
class Score:
    story: str
    gold_pairs: int
    found: int
    predicted: int
    right: int
    conflicts: int
    conflicts_found: int

    @property
    def recall(self) -> float:
        return self.found / self.gold_pairs if self.gold_pairs else float("nan")

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else float("nan")


def load_gold(path=GOLD) -> list[dict]:
    return json.loads(Path(path).read_text(encoding="utf-8"))["stories"]


def corpus_dir(story: dict) -> Path | None:
    return SEEDS_DIR if story["corpus"] == "seeds" else ALLSIDES_DIR if story["corpus"] == "allsides-2015" else None


def story_files(story: dict) -> list[Path]:
    base = corpus_dir(story)
    return [base / a["file"] for a in story["articles"]] if base else []


def analyse_story(story: dict):
    """The Tables of the story's articles alone (copied into a temporary folder)."""
    from analysis.views.export import analyse

    files = story_files(story)
    with tempfile.TemporaryDirectory() as tmp:
        for f in files:
            shutil.copy(f, Path(tmp) / f.name)
        return analyse(tmp)


def _overlaps(cs: int, ce: int, ms: int, me: int) -> bool:
    ov = min(ce, me) - max(cs, ms)
    return ov > 0 and ov >= MIN_OVERLAP * min(me - ms, ce - cs)


def score_story(story: dict, tables) -> Score:
    art_of_file = {Path(p).name: a for a, p in zip(tables.articles.article_id, tables.articles.path)}
    claims = tables.claims
    spans = defaultdict(list)  # article -> [(start, end, claim_id)]
    for cid, aid, s, e in zip(claims.claim_id, claims.article_id, claims.start, claims.end):
        spans[aid].append((int(s), int(e), cid))
    # gold mention -> the claims overlapping it
    claim_facts: dict[str, set] = defaultdict(set)
    gold_pairs, conflict_pairs = [], []
    for fact in story["facts"]:
        ms = []
        for m in fact["mentions"]:
            aid = art_of_file.get(m["file"])
            if aid is None:
                continue
            cl = {c for s, e, c in spans[aid] if _overlaps(s, e, m["start"], m["end"])}
            for c in cl:
                claim_facts[c].add(fact["fact"])
            ms.append((aid, cl, m.get("stance", "states")))
        for i in range(len(ms)):
            for j in range(i + 1, len(ms)):
                if ms[i][0] != ms[j][0]:
                    gold_pairs.append((ms[i][1], ms[j][1]))
                    if "conflicts" in (ms[i][2], ms[j][2]) and fact.get("kind") in ("number", "date"):
                        conflict_pairs.append((ms[i][1], ms[j][1]))
    links = tables.links
    pred = set()
    conflict_pred = set()
    for kind, ca, cb in zip(links.kind, links.claim_a, links.claim_b):
        if kind in PAIR_KINDS and isinstance(ca, str) and isinstance(cb, str) and ca and cb:
            pred.add(tuple(sorted((ca, cb))))
            if kind == "number_conflict":
                conflict_pred.add(tuple(sorted((ca, cb))))
    if "facts" in tables:
        f = tables.facts
        by_fact = defaultdict(list)
        for fid, aid, cid, stance in zip(f.fact_id, f.article_id, f.claim_id, f.stance):
            by_fact[fid].append((aid, cid, stance))
        for members in by_fact.values():
            for i in range(len(members)):
                for j in range(i + 1, len(members)):
                    if members[i][0] != members[j][0]:
                        pair = tuple(sorted((members[i][1], members[j][1])))
                        pred.add(pair)
                        if "conflicts" in (members[i][2], members[j][2]):
                            conflict_pred.add(pair)

    def found_in(pairs, ga, gb):
        return any(tuple(sorted((x, y))) in pairs for x in ga for y in gb)

    found = sum(found_in(pred, ga, gb) for ga, gb in gold_pairs)
    right = sum(bool(claim_facts[a] & claim_facts[b]) for a, b in pred)
    cfound = sum(found_in(conflict_pred, ga, gb) for ga, gb in conflict_pairs)
    return Score(story["story"], len(gold_pairs), found, len(pred), right, len(conflict_pairs), cfound)


def main(argv=None) -> int:
    names = sys.argv[1:] if argv is None else argv
    stories = [s for s in load_gold() if not names or s["story"] in names]
    print(f"{'story':<31} {'gold pairs':>10} {'found':>6} {'recall':>7} {'predicted':>9} {'right':>6} "
          f"{'precision':>9} {'conflicts found':>16}")
    for story in stories:
        if not all(p.exists() for p in story_files(story)):
            print(f"{story['story']:<31} skipped: its files are not here ({corpus_dir(story)})")
            continue
        s = score_story(story, analyse_story(story))
        tag = " (tuning)" if s.story in TUNING_STORIES else " (held out)"
        print(f"{s.story + tag:<31} {s.gold_pairs:>10} {s.found:>6} {s.recall:>7.2f} {s.predicted:>9} {s.right:>6} "
              f"{s.precision:>9.2f} {s.conflicts_found:>8}/{s.conflicts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
