"""Export speed against bare TextBlob on the same bodies, the store's reuse, and peak memory.

Run with ``make bench``. Reads ``../shared/corpora/allsides-2015`` (3,230 articles); exits
with a message (status 0) when it is absent. Each phase runs in its own child process, with
a fresh store in a temporary folder, so that its time and the peak resident memory of its
processes (the phase's own, and the largest of its worker processes) are its own. Every
ratio compares figures from this one run; on a shared machine they are noisy.

Prints, as ratios to the words/s of bare ``TextBlob(body).sentiment`` over the same bodies:

Bare TextBlob is timed three times (before, between and after the export phases) and the
ratios use the median, since the machine's speed drifts within a run.

* core export (``--skip claims,framing``) with 2 workers (target >= 1.2), and in one
  process (``--jobs 1``, target >= 0.6); the one-process export is timed a second time with
  bare TextBlob running on the other core over the same seconds (paired: both see the machine
  as it is then, where sequential timings here have drifted by a third within two minutes);
* full export (every table) with 2 workers (target >= 0.5), and with 1 (in-process);
* the speed-up of 2 workers over 1 (target >= 1.5), and whether their bytes are identical;
* a second run on the stored corpus: ``load()`` of every table and a CSV export, as a share
  of the first, analysing export (target <= 0.5);
* half the corpus against the whole (target <= 0.55);
* peak RSS of any process (target <= 1024 MiB);
* CPU seconds per stage in one process: the per-article stages, then the corpus-level ones
  (stories, links with their paraphrase part, facts, outlets).
"""
from __future__ import annotations

import argparse
import hashlib
import multiprocessing as mp
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from analysis.config import ALLSIDES_DIR


def _bodies(path: Path) -> list[str]:
    from analysis.map import load

    return [a.text for _, arts in load.iter_corpus(path) for a in arts]


def _peaks() -> tuple[float, float, float]:
    """Peak RSS (MiB) of this process and of its largest finished child (worker), and the
    machine's load average over the last minute (how much the cores were shared)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids, os.getloadavg()[0]


def _phase_export(path: str, out: str, store: str, skip: tuple, jobs: int, q) -> None:
    from analysis.views.export import export

    t0 = time.perf_counter()
    export(path, out, skip=skip, jobs=jobs, store=store, quiet=True)
    q.put((time.perf_counter() - t0, *_peaks()))


def _phase_load(path: str, store: str, q) -> None:
    from analysis.store import load

    t0 = time.perf_counter()
    tables = load(path, store=store, quiet=True)
    assert tables.stored.analysed_files == 0, "the store was not reused"
    q.put((time.perf_counter() - t0, *_peaks()))


def _phase_textblob(path: str, q) -> None:
    from textblob import TextBlob

    bodies = _bodies(Path(path))
    t0 = time.perf_counter()
    for b in bodies:
        TextBlob(b).sentiment
    q.put((time.perf_counter() - t0, *_peaks()))


def _blob_alongside(path: str, stop, q) -> None:
    """Bare TextBlob over the bodies, round and round until ``stop``: (time, words done so far)
    after each body, so a paired phase can count the words it did over the same seconds."""
    from textblob import TextBlob

    bodies = _bodies(Path(path))
    counts = [len(b.split()) for b in bodies]
    marks, done = [(time.perf_counter(), 0)], 0
    q.put("ready")
    while not stop.is_set():
        for body, n in zip(bodies, counts):
            TextBlob(body).sentiment
            done += n
            marks.append((time.perf_counter(), done))
            if stop.is_set():
                break
    q.put(marks)


def _phase_paired(path: str, out: str, store: str, skip: tuple, q) -> None:
    """A one-process export while bare TextBlob runs on the other core over the same seconds:
    both see the machine as it is in those seconds, so their ratio does not carry the drift
    of the machine's speed between phases. (Each slows the other a little: they share the
    memory bus.) Puts (export seconds, TextBlob words/s over those seconds, own peak, 0, load)."""
    from analysis.views.export import export

    ctx = mp.get_context("fork")
    stop, back = ctx.Event(), ctx.Queue()
    blob = ctx.Process(target=_blob_alongside, args=(path, stop, back))
    blob.start()
    back.get()  # its bodies are loaded and it is running
    t0 = time.perf_counter()
    export(path, out, skip=skip, jobs=1, store=store, quiet=True)
    t1 = time.perf_counter()
    stop.set()
    marks = back.get()
    blob.join()
    inside = [m for m in marks if t0 <= m[0] <= t1]
    if len(inside) < 2:
        raise SystemExit("benchmark: bare TextBlob alongside finished too few articles to be timed")
    (a, wa), (b, wb) = inside[0], inside[-1]
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    q.put((t1 - t0, (wb - wa) / (b - a), own, 0.0, os.getloadavg()[0]))


def _phase_stages(path: str, q) -> None:
    """CPU seconds per stage, over the same articles (where the time goes)."""
    from analysis.map import attributions, claims, framing, load, mentions, numbers, parse, pipeline, quotes, sentiment
    from analysis.corpus import links

    arts = [a for _, batch in load.iter_corpus(Path(path)) for a in batch]
    from analysis import corpus

    secs = dict.fromkeys(("parse", "mentions", "quotes+sources", "attributions", "numbers", "sentiment", "claims",
                          "framing", "rows", *CORPUS_STAGES), 0.0)
    paraphrase = links._paraphrase_links

    def timed_paraphrase(*args, **kwargs):  # the paraphrase part of the links, timed on its own
        t = time.process_time()
        try:
            return paraphrase(*args, **kwargs)
        finally:
            secs["  paraphrase"] += time.process_time() - t

    links._paraphrase_links = timed_paraphrase
    clock = time.process_time
    state = corpus._CorpusState()
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
        t = clock(); rows = pipeline.article_rows(result, skip=frozenset(pipeline.OPTIONAL_STAGES),
                                                attribution_rows=attribution_rows)
        secs["rows"] += clock() - t
        rows["claims"] = claim_rows
        state.add(a.article_id, a.text, rows)
    state.corpus_rows()  # analysis.corpus.corpus_rows, in this process (jobs=1)
    for name, stage_secs in corpus.LAST_SECONDS.items():
        secs[name] += stage_secs
    q.put(secs)


#: The corpus-level stages in the stage breakdown (``  paraphrase`` is part of ``links``,
#: not added to the sum).
CORPUS_STAGES = ("stories", "links", "  paraphrase", "facts", "outlets")


def _run(target, *args):
    """What the phase puts on its queue, after its process ended cleanly."""
    ctx = mp.get_context("fork")
    q = ctx.Queue()
    p = ctx.Process(target=target, args=(*args, q))
    p.start()
    got = q.get()
    p.join()
    if p.exitcode:
        raise SystemExit(f"benchmark phase {target.__name__} failed (exit {p.exitcode})")
    return got


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(folder.glob("*.csv")):
        h.update(f.name.encode() + f.read_bytes())
    return h.hexdigest()


def _half(path: Path, dest: Path) -> Path:
    files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
    dest.mkdir()
    for p in files[: len(files) // 2]:
        (dest / p.name).symlink_to(p.resolve())
    return dest


def _line(label: str, secs: float, words: int, blob_wps: float, own: float, kids: float, load: float,
          target: str = "") -> str:
    wps = words / secs
    mem = f"peak {own:5.0f} MiB" + (f", workers {kids:5.0f} MiB" if kids > 1 else "")
    return (f"{label:34s} {secs:7.1f} s {wps:9,.0f} words/s  ratio {wps / blob_wps:4.2f}"
            f"{'  (target ' + target + ')' if target else '':18s}  {mem}  load {load:.1f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ALLSIDES_DIR))
    ap.add_argument("--no-stages", action="store_true", help="leave out the CPU seconds per stage (one more pass)")
    args = ap.parse_args(argv)
    path = Path(args.corpus)
    if not path.is_dir():
        print(f"skipped: benchmark corpus {path} not found (it lives in ../shared beside the project)")
        return 0
    bodies = _bodies(path)
    words = sum(len(b.split()) for b in bodies)
    n_articles = len(bodies)
    del bodies  # the phases are forked from this process: keep it small
    import analysis.views.export  # noqa: F401 - imported once here, so no phase times the imports
    import analysis.store

    analysis.store.code_hash()  # once, so every phase keys its store on the same code
    print(f"corpus: {path} ({n_articles} articles, {words:,} words); each phase starts from an empty store")
    # Bare TextBlob is timed three times, between the export phases (before, in the middle, after),
    # and every ratio uses the median of the three: the machine's speed drifts within a run
    # (by up to a third on this shared 2-core box), and one timing at the start would carry that
    # drift into every ratio. All three are printed.
    blobs = [_run(_phase_textblob, str(path))]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        core2 = _run(_phase_export, str(path), str(tmp / "core"), str(tmp / "s-core"), ("claims", "framing"), 2)
        core1 = _run(_phase_export, str(path), str(tmp / "core1"), str(tmp / "s-core1"), ("claims", "framing"), 1)
        blobs.append(_run(_phase_textblob, str(path)))
        full2 = _run(_phase_export, str(path), str(tmp / "full2"), str(tmp / "s-full2"), (), 2)
        full1 = _run(_phase_export, str(path), str(tmp / "full1"), str(tmp / "s-full1"), (), 1)
        blobs.append(_run(_phase_textblob, str(path)))
        t_blob = sorted(b[0] for b in blobs)[1]
        own, load = max(b[1] for b in blobs), max(b[3] for b in blobs)
        wps_blob = words / t_blob
        print(f"{'bare TextBlob(body).sentiment':34s} {t_blob:7.1f} s {wps_blob:9,.0f} words/s  (median of "
              f"{', '.join(f'{b[0]:.1f}' for b in blobs)} s, timed before, between and after the exports; "
              f"load average up to {load:.1f} on {os.cpu_count()} cores: the ratios below are only as steady as that)")
        print(_line("export --skip claims,framing -j2", core2[0], words, wps_blob, *core2[1:], ">= 1.2"))
        print(_line("export --skip claims,framing -j1", core1[0], words, wps_blob, *core1[1:], ">= 0.6"))
        paired = None
        if (os.cpu_count() or 1) >= 2:
            paired = _run(_phase_paired, str(path), str(tmp / "paired"), str(tmp / "s-paired"), ("claims", "framing"))
            print(_line("  the same, TextBlob alongside", paired[0], words, paired[1], *paired[2:], ">= 0.6")
                  + f"  (TextBlob {paired[1]:,.0f} words/s over the same seconds, on the other core)")
        print(_line("export, every table, --jobs 2", full2[0], words, wps_blob, *full2[1:], ">= 0.5"))
        print(_line("export, every table, --jobs 1", full1[0], words, wps_blob, *full1[1:]))
        same = _digest(tmp / "full1") == _digest(tmp / "full2")
        print(f"--jobs 2 speed-up over --jobs 1: {full1[0] / full2[0]:.2f} (target >= 1.5); "
              f"identical bytes: {'yes' if same else 'NO'}")
        again = _run(_phase_export, str(path), str(tmp / "again"), str(tmp / "s-full2"), (), 2)
        loaded = _run(_phase_load, str(path), str(tmp / "s-full2"))
        print(f"second run on the stored corpus: export {again[0]:5.1f} s = {again[0] / full2[0]:.2f} of the first; "
              f"load() of every table {loaded[0]:5.1f} s = {loaded[0] / full2[0]:.2f} (target <= 0.5); "
              f"peak {max(again[1], loaded[1]):.0f} MiB")
        half = _run(_phase_export, str(_half(path, tmp / "half")), str(tmp / "halfout"), str(tmp / "s-half"), (), 2)
        print(f"half the corpus, --jobs 2: {half[0]:5.1f} s = {half[0] / full2[0]:.2f} of the whole (target <= 0.55)")
        sizes = {p.stem: p.stat().st_size for p in (tmp / "full2").glob("*.csv")}
        store_mib = sum(f.stat().st_size for f in (tmp / "s-full2").rglob("*") if f.is_file()) / 2**20
        peaks = [own, core2[1], core2[2], core1[1], full2[1], full2[2], full1[1], again[1], loaded[1], half[1], half[2]]
        peaks += [paired[2]] if paired else []
    print(f"peak RSS of any process: {max(peaks):.0f} MiB (target <= 1024)")
    print(f"store: {store_mib:.1f} MiB of Parquet; tables written (MiB): "
          + ", ".join(f"{k}={v / 2**20:.1f}" for k, v in sorted(sizes.items())))
    if not args.no_stages:
        stages = _run(_phase_stages, str(path))
        print("CPU seconds per stage, in one process (as a share of bare TextBlob's time):")
        for name, secs in stages.items():
            print(f"  {name:16s} {secs:7.2f} s  {secs / t_blob:5.2f}")
        total = sum(v for k, v in stages.items() if not k.startswith(" "))
        print(f"  {'sum of stages':16s} {total:7.2f} s  {total / t_blob:5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
