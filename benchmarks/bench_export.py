"""Export speed against bare TextBlob on the same bodies, and peak memory.

Run with ``make bench``. Reads ``../shared/corpora/allsides-2015`` (3,230 articles); exits
with a message (status 0) when it is absent. Each phase runs in its own child process so
that its peak resident memory can be read separately; both figures come from this run.

Prints: articles, words, seconds and words/s of the whole export (load, parse, tag,
TextBlob sentiment per sentence, corpus-level comparison, CSV writing), words/s of
``TextBlob(body).sentiment`` over the same bodies, their ratio, and peak memory.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path

from analysis.config import ALLSIDES_DIR


def _bodies(path: Path) -> list[str]:
    from analysis import load

    return [a.text for _, arts in load.iter_corpus(path) for a in arts]


def _phase_export(path: str, out: str, skip: tuple, q) -> None:
    from analysis.export import export

    t0 = time.perf_counter()
    export(path, out, skip=skip)
    q.put(time.perf_counter() - t0)


def _phase_textblob(path: str, q) -> None:
    from textblob import TextBlob

    bodies = _bodies(Path(path))
    t0 = time.perf_counter()
    for b in bodies:
        TextBlob(b).sentiment
    q.put(time.perf_counter() - t0)


def _phase_stages(path: str, q) -> None:
    """CPU seconds per stage, over the same articles (where the time goes)."""
    from analysis import attributions, claims, framing, load, mentions, numbers, parse, pipeline, quotes, sentiment

    arts = [a for _, batch in load.iter_corpus(Path(path)) for a in batch]
    sentiment.sentiment.cache_clear() if hasattr(sentiment.sentiment, "cache_clear") else None
    secs = dict.fromkeys(("parse", "mentions", "quotes+sources", "attributions", "numbers", "sentiment", "claims",
                          "framing", "links (corpus)"), 0.0)
    clock = time.process_time
    corpus = pipeline._CorpusState()
    for a in arts:
        t = clock(); p = parse.parse_article(a); secs["parse"] += clock() - t
        t = clock(); m = mentions.find_mentions(p); secs["mentions"] += clock() - t
        t = clock(); qs, sq = pipeline.find_all_quotes(p, m); src = quotes.find_sources(p, qs, m)
        secs["quotes+sources"] += clock() - t
        t = clock(); ns = numbers.find_numbers(p); secs["numbers"] += clock() - t
        t = clock(); sents = [sentiment.sentiment(s.text) for s in p.sentences]; secs["sentiment"] += clock() - t
        result = pipeline.ArticleAnalysis(p, m, qs, sq, src, ns, sents, pipeline._quoted_sentences(p, qs))
        t = clock(); attribution_rows = attributions.attribution_rows(result); secs["attributions"] += clock() - t
        t = clock(); claim_rows = claims.claim_rows(result); secs["claims"] += clock() - t
        t = clock(); framing.framing_rows(result); secs["framing"] += clock() - t
        aid = a.article_id
        sid = pipeline._sentence_index(p)
        quote_rows = [(aid, i, sid(x.start), x.start, x.end, x.quote, x.speaker, x.speaker_kind,
                       x.speaker_role, x.cue, x.how, x.speaker_start, x.speaker_end,
                       pipeline.count_words(x.quote)) for i, x in enumerate(qs)]
        quote_rows, _ = attributions.with_speaker_details(result, attribution_rows, quote_rows, [])
        corpus.add(result, {"claims": claim_rows, "quotes": quote_rows,
                            "articles": pipeline.article_rows(result, skip=frozenset({"claims", "framing"}))["articles"]})
    t = clock(); corpus.corpus_rows(); secs["links (corpus)"] += clock() - t
    q.put(secs)


def _run(target, *args) -> tuple[float, float]:
    """Seconds the phase reports, and peak RSS (MiB) of its child process."""
    ctx = mp.get_context("fork")
    q = ctx.Queue()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    p = ctx.Process(target=target, args=(*args, q))
    p.start()
    secs = q.get()
    p.join()
    if p.exitcode:
        raise SystemExit(f"benchmark phase {target.__name__} failed (exit {p.exitcode})")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return secs, max(peak, before) / 1024


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ALLSIDES_DIR))
    args = ap.parse_args(argv)
    path = Path(args.corpus)
    if not path.is_dir():
        print(f"skipped: benchmark corpus {path} not found (it lives in ../shared beside the project)")
        return 0
    bodies = _bodies(path)
    words = sum(len(b.split()) for b in bodies)
    print(f"corpus: {path} ({len(bodies)} articles, {words:,} words)")
    t_blob, mem_blob = _run(_phase_textblob, str(path))
    wps_blob = words / t_blob
    print(f"bare TextBlob(body).sentiment:      {t_blob:7.1f} s  {wps_blob:10,.0f} words/s  peak {mem_blob:7.0f} MiB")
    with tempfile.TemporaryDirectory() as out:
        t_core, mem_core = _run(_phase_export, str(path), out, ("claims", "framing"))
    wps_core = words / t_core
    print(f"export --skip claims,framing:       {t_core:7.1f} s  {wps_core:10,.0f} words/s  peak {mem_core:7.0f} MiB"
          f"  ratio {wps_core / wps_blob:.2f} (target >= 0.70)")
    with tempfile.TemporaryDirectory() as out:
        t_export, mem_export = _run(_phase_export, str(path), out, ())
        sizes = {p.stem: p.stat().st_size for p in Path(out).glob("*.csv")}
    wps_export = words / t_export
    print(f"export, every table:                {t_export:7.1f} s  {wps_export:10,.0f} words/s  peak {mem_export:7.0f} MiB"
          f"  ratio {wps_export / wps_blob:.2f}")
    stages, _ = _run(_phase_stages, str(path))
    print("CPU seconds per stage (as a share of bare TextBlob's time):")
    for name, secs in stages.items():
        print(f"  {name:16s} {secs:7.2f} s  {secs / t_blob:5.2f}")
    total = sum(stages.values())
    print(f"  {'sum of stages':16s} {total:7.2f} s  {total / t_blob:5.2f}")
    print("tables written (MiB): " + ", ".join(f"{k}={v / 2**20:.1f}" for k, v in sorted(sizes.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
