"""Score quotes and attributions against PolNeAR's human annotations (train and dev splits).

PolNeAR (Newell, Margolin & Ruths, LREC 2018; ``../shared/corpora/polnear``) marks every
attribution in 924 US political news articles: its content, cue and source spans. The test split
is withheld and never read here. Run ``python -m benchmarks.polnear [--split dev] [--limit N]``.

Figures (all computed from this module's own definitions, stated here so they can be checked):

* **direct quotes**: a gold attribution is *direct* when text inside double quotation marks
  (“ ”, ", or the '' of archive copies)
  covers at least half of its content characters and holds at least ``MIN_QUOTE_WORDS`` words
  (shorter quoted fragments, "called him “unhinged”", are paraphrases with a quoted word). Recall: share of direct gold attributions
  overlapped by a found quote. Precision: share of found quotes (in quotation marks, interview
  answers excluded) that overlap some gold content span (speech the annotators attributed).
* **speaker right**: for each direct gold attribution that a quote overlaps, is the quote's
  speaker the gold source? The gold source is resolved first: a pronoun ("he", "she") takes the
  name of the nearest earlier gold source that names a person. Right when the found speaker span
  overlaps the gold source span, or the found speaker's last word is a word of the resolved
  gold source (case-insensitive).
* **by hand**: the pronoun resolution above is a heuristic, and often wrong ("the nearest earlier
  named source" can be "Both houses of Congress" for a "she"). ``benchmarks/data/polnear_pronouns.json``
  holds the person each he/she source means, read by hand (by annotators blind to the system)
  for every pronoun source of dev and for a random 300 of train's: ``speaker right (by hand)``
  and ``source right (by hand)`` use it where it exists ("unclear" ones are left out of those
  two figures) and the heuristic elsewhere. On dev it covers every pronoun source.
* **content overlap F1**: token-level precision and recall of the words in predicted content
  spans against the words in gold content spans (every attribution, direct or indirect), as
  citron reports on PARC.
* **source right**: for each gold attribution that some predicted attribution overlaps (the one
  with most shared words), the same speaker test between the predicted and the gold source.

Predictions come from ``analysis.map.attributions`` (the ``attributions`` rows) when that module
exists, otherwise from the quotes alone (the baseline before indirect speech was added).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from analysis.config import SHARED_DIR

POLNEAR_DIR = SHARED_DIR / "corpora" / "polnear"
SPLITS = ("train", "dev")  # the test split is withheld: never read it

_WORD_RE = re.compile(r"\w+")
_QUOTED_RE = re.compile(r"“[^“”]*”|\"[^\"\n]*\"|''(?:(?!'')[^\n])*''")  # '' is a double mark in archive copies
MIN_QUOTE_WORDS = 4  # shorter quoted fragments ("called him “unhinged”") are not direct quotes
PRONOUNS = {"he", "she", "him", "her", "his", "they", "them", "we", "us", "i", "me", "it", "you"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
_NOT_NAME = {"the", "a", "an", "he", "she", "they", "we", "i", "it", "his", "her", "their", "its",
             "our", "this", "that", "these", "those", "mr", "mrs", "ms", "dr", "but", "and", "in"}


@dataclass
class Gold:
    content: list  # [(start, end)]
    source: list
    cue: list
    source_text: str
    resolved: str = ""  # the source with a pronoun resolved to a name
    direct: bool = False
    by_hand: str = ""  # the person a pronoun source means, read by hand ("unclear"), if annotated


@dataclass
class Pred:
    content: list  # [(start, end)]
    source: Optional[tuple]  # (start, end) or None
    name: str  # the source's canonical name, "" if none
    quote: bool = False  # a quote in quotation marks (not an interview answer, not indirect)


@dataclass
class Scores:
    articles: int = 0
    direct_gold: int = 0
    direct_found: int = 0
    quotes_found: int = 0
    quotes_right: int = 0  # found quotes that overlap gold content
    speaker_right: int = 0
    content_tp: int = 0
    content_pred: int = 0
    content_gold: int = 0
    gold_attributions: int = 0
    matched: int = 0
    source_right: int = 0
    speaker_hand: int = 0  # the two figures again with the hand-read pronoun referents
    speaker_hand_n: int = 0
    source_hand: int = 0
    source_hand_n: int = 0
    seconds: float = 0.0
    misses: list = field(default_factory=list)

    def ratio(self, a, b):
        return a / b if b else 0.0

    def figures(self) -> dict:
        p = self.ratio(self.content_tp, self.content_pred)
        r = self.ratio(self.content_tp, self.content_gold)
        return {
            "articles": self.articles,
            "direct_recall": self.ratio(self.direct_found, self.direct_gold),
            "direct_precision": self.ratio(self.quotes_right, self.quotes_found),
            "speaker_right": self.ratio(self.speaker_right, self.direct_found),
            "content_precision": p,
            "content_recall": r,
            "content_f1": 2 * p * r / (p + r) if p + r else 0.0,
            "source_right": self.ratio(self.source_right, self.matched),
            "attributions_matched": self.ratio(self.matched, self.gold_attributions),
            "speaker_right_by_hand": self.ratio(self.speaker_hand, self.speaker_hand_n),
            "source_right_by_hand": self.ratio(self.source_hand, self.source_hand_n),
        }


def available() -> bool:
    return all((POLNEAR_DIR / s / "text").is_dir() for s in SPLITS)


def load_split(split: str, *, limit: Optional[int] = None) -> list[tuple[str, str, list[Gold]]]:
    """``(article_id, text, gold attributions)`` of one split (train or dev), in file order."""
    if split not in SPLITS:
        raise ValueError(f"unknown PolNeAR split {split!r}; use one of {SPLITS} (test is withheld)")
    data = json.loads((POLNEAR_DIR / f"{split}-attributions.json").read_text(encoding="utf-8"))
    out = []
    for aid in sorted(data["articles"])[:limit]:
        text = (POLNEAR_DIR / split / "text" / f"{aid}.txt").read_text(encoding="utf-8")
        golds = [Gold([tuple(x) for x in a["content"]], [tuple(x) for x in a["source"]],
                      [tuple(x) for x in a["cue"]], a.get("source_text", ""))
                 for a in data["articles"][aid]["attributions"]]
        golds = [g for g in golds if g.content]
        _resolve(text, golds)
        hand = by_hand().get((split, aid), {})
        for g in golds:
            if g.source and tuple(g.source[0]) in hand:
                g.by_hand = hand[tuple(g.source[0])]
        out.append((aid, text, golds))
    return out


PRONOUNS_JSON = Path(__file__).resolve().parent / "data" / "polnear_pronouns.json"


def by_hand(path: Path = PRONOUNS_JSON) -> dict:
    """{(split, article): {(source_start, source_end): referent}} of the hand-read pronouns."""
    if not path.is_file():
        return {}
    out: dict = {}
    for x in json.loads(path.read_text(encoding="utf-8"))["items"]:
        out.setdefault((x["split"], x["article"]), {})[(x["start"], x["end"])] = x["referent"]
    return out


def _hand(g: Gold) -> Optional[Gold]:
    """``g`` with its hand-read referent as the resolved source; ``None`` when that is unclear."""
    if not g.by_hand:
        return g
    if g.by_hand == "unclear":
        return None
    return Gold(g.content, g.source, g.cue, g.source_text, resolved=g.by_hand, direct=g.direct)


def _is_name(s: str) -> bool:
    words = _WORD_RE.findall(s)
    return any(w[:1].isupper() and w.lower() not in _NOT_NAME for w in words)


def _resolve(text: str, golds: list[Gold]) -> None:
    """Mark direct attributions; resolve pronoun sources to the nearest earlier named source."""
    order = sorted(golds, key=lambda g: g.content[0][0])
    last_name = ""
    for g in order:
        chars = sum(e - s for s, e in g.content)
        marks = [m.group() for s, e in g.content for m in _QUOTED_RE.finditer(text, s, e)]
        quoted = sum(map(len, marks))
        g.direct = chars > 0 and quoted * 2 >= chars and sum(len(_WORD_RE.findall(m)) for m in marks) >= MIN_QUOTE_WORDS
        src = g.source_text.strip()
        if src.lower() in PERSON_PRONOUNS and last_name:
            g.resolved = last_name
        else:
            g.resolved = src
            if _is_name(src) and not src.lower().startswith(("the ", "a ", "an ")):
                last_name = src


def _words(text: str, spans) -> set:
    return {m.start() for s, e in spans for m in _WORD_RE.finditer(text, s, e)}


def _overlap(a, b) -> bool:
    return any(s < e2 and s2 < e for s, e in a for s2, e2 in b)


def same_source(text: str, gold: Gold, pred: Pred) -> bool:
    """Is the predicted source the gold one (span overlap, or last word of the name in the gold)?"""
    if not gold.source:
        return pred.source is None and not pred.name
    if pred.source is not None and _overlap([pred.source], gold.source) \
            and gold.source_text.strip().lower() not in PERSON_PRONOUNS:
        return True
    words = _WORD_RE.findall(pred.name.lower())
    if not words:
        return False
    return words[-1] in set(_WORD_RE.findall(gold.resolved.lower()))


def predict(text: str, article_id: str = "polnear") -> tuple[list[Pred], list[Pred]]:
    """The analysis of one article: (quotes in quotation marks, attributions)."""
    from analysis.map.pipeline import analyse_article
    from analysis.records import Article

    result = analyse_article(Article(article_id, "", text))
    quotes = [Pred([(q.start, q.end)], (q.speaker_start, q.speaker_end) if q.speaker_start is not None
                   else None, q.speaker or "", True)
              for q in result.quotes if q.how != "interview"]
    try:
        from analysis.map import attributions as attrib_mod
    except ImportError:  # the baseline: quotes (and interview answers) are the only attributions
        return quotes, [Pred([(q.start, q.end)], (q.speaker_start, q.speaker_end)
                             if q.speaker_start is not None else None, q.speaker or "")
                        for q in result.quotes]
    attribs = [Pred([(a.content_start, a.content_end)],
                    (a.source_start, a.source_end) if a.source_start is not None else None, a.source or "")
               for a in attrib_mod.find_attributions(result)]
    return quotes, attribs


def score(articles, *, keep_misses: int = 0) -> Scores:
    """Score the analysis on ``articles`` from :func:`load_split`."""
    sc = Scores()
    t0 = time.perf_counter()
    for aid, text, golds in articles:
        quotes, attribs = predict(text, aid)
        sc.articles += 1
        gold_content = [sp for g in golds for sp in g.content]
        for q in quotes:
            sc.quotes_found += 1
            sc.quotes_right += _overlap(q.content, gold_content)
        for g in golds:
            if not g.direct:
                continue
            sc.direct_gold += 1
            hit = [q for q in quotes if _overlap(q.content, g.content)]
            if hit:
                sc.direct_found += 1
                ok = same_source(text, g, hit[0])
                sc.speaker_right += ok
                h = _hand(g)
                if h is not None:
                    sc.speaker_hand_n += 1
                    sc.speaker_hand += same_source(text, h, hit[0])
                if not ok and len(sc.misses) < keep_misses:
                    sc.misses.append(("speaker", aid, g.source_text, g.resolved, hit[0].name,
                                      text[g.content[0][0]:g.content[0][0] + 60]))
        gw = _words(text, gold_content)
        pw = _words(text, [sp for p in attribs for sp in p.content])
        sc.content_tp += len(gw & pw)
        sc.content_gold += len(gw)
        sc.content_pred += len(pw)
        pred_words = [(p, _words(text, p.content)) for p in attribs]
        for g in golds:
            sc.gold_attributions += 1
            w = _words(text, g.content)
            best, n = None, 0
            for p, pwds in pred_words:
                k = len(w & pwds)
                if k > n:
                    best, n = p, k
            if best is None:
                continue
            sc.matched += 1
            ok = same_source(text, g, best)
            sc.source_right += ok
            h = _hand(g)
            if h is not None:
                sc.source_hand_n += 1
                sc.source_hand += same_source(text, h, best)
            if not ok and len(sc.misses) < keep_misses:
                sc.misses.append(("source", aid, g.source_text, g.resolved, best.name,
                                  text[g.content[0][0]:g.content[0][0] + 60]))
    sc.seconds = time.perf_counter() - t0
    return sc


def report(split: str, sc: Scores) -> str:
    f = sc.figures()
    return (f"PolNeAR {split} ({f['articles']} articles, {sc.seconds:.1f} s): "
            f"direct quotes recall {f['direct_recall']:.3f} precision {f['direct_precision']:.3f}; "
            f"speaker right {f['speaker_right']:.3f}; content P {f['content_precision']:.3f} "
            f"R {f['content_recall']:.3f} F1 {f['content_f1']:.3f}; source right {f['source_right']:.3f} "
            f"(of {f['attributions_matched']:.2f} attributions matched); with pronouns read by hand: "
            f"speaker right {f['speaker_right_by_hand']:.3f}, source right {f['source_right_by_hand']:.3f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", action="append", choices=SPLITS, help="train (tuned on) and/or dev (held out)")
    ap.add_argument("--limit", type=int, default=None, help="first N articles of each split")
    ap.add_argument("--misses", type=int, default=0, help="print the first N errors")
    args = ap.parse_args(argv)
    if not available():
        print(f"skipped: PolNeAR not found at {POLNEAR_DIR} (it lives in ../shared beside the project)")
        return 0
    for split in args.split or ["dev"]:
        sc = score(load_split(split, limit=args.limit), keep_misses=args.misses)
        print(report(split, sc) + ("  [held out]" if split == "dev" else "  [tuned on]"))
        for m in sc.misses:
            print("   ", m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
