"""How fast sentence sentiment is, against bare TextBlob over the same article bodies.

Run with ``.venv/bin/python -m benchmarks.bench_sentiment [--corpus DIR] [--limit N]``.
Reads ``../shared/corpora/allsides-2015`` (JSON, body ``content_original``); falls back to
the seeds (``seeds/*.txt``) when the shared corpus is absent.

Prints words/s (words = whitespace-separated words of the texts scored) of:

* ``TextBlob(body).sentiment`` over each article body (the yardstick);
* ``TextBlob(sentence).sentiment`` over every sentence ``parse_article`` finds;
* ``analysis.map.sentiment.sentiment`` over the same sentences, every cache cleared first
  (so the run pays for building its chunk/token memo), and again warm;

and each one's time relative to the yardstick (the goal: sentences in <= 0.5x the time
of bare TextBlob over the bodies). Sentence splitting is not timed.

Then mentions/s of ``analysis.map.sentiment.target_tone`` (the target-dependent tone, goal >= 2,000
on one core), every cache cleared first, over the judged mentions of NewsMTSC's train split
(``../shared/corpora/newsmtsc/train.jsonl``) or, when that is absent, over the actor mentions
of the seeds. ``--tone-only`` prints just that.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from analysis.config import ALLSIDES_DIR, SEEDS_DIR


def _bodies(corpus: Path, limit: int | None) -> list[tuple[str, str]]:
    if corpus.is_dir() and any(corpus.glob("*.json")):
        out = []
        for f in sorted(corpus.glob("*.json"))[:limit]:
            rec = json.loads(f.read_text(encoding="utf-8"))
            body = rec.get("content_original") or rec.get("content") or ""
            out.append((f.stem, body))
        return out
    return [(f.stem, f.read_text(encoding="utf-8")) for f in sorted(SEEDS_DIR.glob("*.txt"))[:limit]]


def _timed(fn, texts, repeat: int = 1, before=None) -> float:
    best = float("inf")
    for _ in range(repeat):
        if before is not None:
            before()
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ALLSIDES_DIR))
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--repeat", type=int, default=1, help="best of N runs per measurement")
    ap.add_argument("--tone-only", action="store_true", help="only the target-tone mentions/s")
    args = ap.parse_args(argv)
    if args.tone_only:
        return bench_tone(args.repeat)
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"note: {corpus} not found; using the seeds in {SEEDS_DIR}")
    from textblob import TextBlob

    from analysis.map import sentiment as S
    from analysis.map.parse import parse_article
    from analysis.records import Article

    bodies = _bodies(corpus, args.limit)
    sentences = [s.text for aid, body in bodies for s in parse_article(Article(aid, aid, body)).sentences]
    body_texts = [b for _, b in bodies]
    body_words = sum(len(b.split()) for b in body_texts)
    sent_words = sum(len(s.split()) for s in sentences)

    def textblob(t):
        return TextBlob(t).sentiment

    textblob("Warm up the lexicon.")
    S.sentiment("Warm up the lexicon.")
    t_body = _timed(textblob, body_texts, args.repeat)
    t_tb_sent = _timed(textblob, sentences, args.repeat)
    t_cold = _timed(S.sentiment, sentences, args.repeat, before=S.clear_caches)
    t_warm = _timed(S.sentiment, sentences, args.repeat)

    def line(label, seconds, words):
        print(f"{label:<46} {seconds:7.2f} s {words / seconds:>11,.0f} words/s   x{seconds / t_body:5.2f} time")

    print(f"corpus: {corpus if corpus.is_dir() else SEEDS_DIR}: {len(bodies):,} articles, "
          f"{body_words:,} body words, {len(sentences):,} sentences ({sent_words:,} words)")
    print(f"fast path in use: {S.uses_fast_path()}")
    line("TextBlob(body).sentiment, per body", t_body, body_words)
    line("TextBlob(sentence).sentiment, per sentence", t_tb_sent, sent_words)
    line("analysis.map.sentiment.sentiment, caches cleared", t_cold, sent_words)
    line("analysis.map.sentiment.sentiment, warm caches", t_warm, sent_words)
    print(f"speed-up per sentence over TextBlob(sentence): x{t_tb_sent / t_cold:.1f} (cold)")
    return bench_tone(args.repeat)


def _tone_mentions() -> tuple[str, list[tuple[str, int, int]]]:
    from analysis.config import SHARED_DIR

    path = SHARED_DIR / "corpora" / "newsmtsc" / "train.jsonl"
    if path.exists():
        out = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                out += [(r["sentence_normalized"], t["from"], t["to"]) for t in r["targets"]]
        return f"{path} (judged mentions)", out
    from analysis.views.export import analyse

    t = analyse(SEEDS_DIR)
    sents = {(a, i): (s, e) for a, i, s, e in zip(t.sentences.article_id, t.sentences.sentence_id,
                                                   t.sentences.start, t.sentences.end)}
    out = []
    for a, i, s, e in zip(t.mentions.article_id, t.mentions.sentence_id, t.mentions.start, t.mentions.end):
        if (a, i) in sents:
            b0, b1 = sents[(a, i)]
            out.append((t.texts[a][b0:b1], s - b0, e - b0))
    return f"{SEEDS_DIR} (mentions)", out


def bench_tone(repeat: int = 1) -> int:
    """Print target_tone mentions/s (cold caches), the figure the issue asks >= 2,000 of."""
    from analysis.map import sentiment as S
    from analysis.map import tone as T

    where, mentions = _tone_mentions()
    S.target_tone("Warm up the model.", 0, 4)

    def clear():
        S.clear_caches()
        T.clear_caches()  # memoised sentences and tokens

    best = cpu = float("inf")
    for _ in range(repeat):
        clear()
        t0, c0 = time.perf_counter(), time.process_time()
        for text, a, b in mentions:
            S.target_tone(text, a, b, sentence=(0, len(text)))
        best = min(best, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
    n = len(mentions)
    print(f"target_tone ({T.method()}) over {n:,} mentions of {where}, caches cleared:")
    print(f"  {n / cpu:>9,.0f} mentions/s of CPU time on one core (goal >= 2,000); "
          f"{n / best:,.0f} mentions/s wall clock ({best:.2f} s; lower when the machine is busy)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
