"""How long claim comparison takes on the whole shared corpus (3,230 articles).

Run with ``.venv/bin/python -m benchmarks.bench_claims``. Reads
``../shared/corpora/allsides-2015``; exits with a message (status 0) when it is absent.

Prints the seconds of the per-article analysis (load, parse, tag) and, separately, of the
claim stage: building the claims table from the analysed tables, and linking claims,
quotes and passages across the corpus (inverted-index blocking, never all pairs), with
the number of claims and of links of each kind, and of grouping the links into facts
(analysis.corpus.facts: average linkage over the link graph, linear in the links).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from analysis.config import ALLSIDES_DIR


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ALLSIDES_DIR))
    args = ap.parse_args(argv)
    path = Path(args.corpus)
    if not path.exists():
        print(f"skipped: benchmark corpus {path} not found (it lives in ../shared beside the project)")
        return 0
    from analysis.map import claims
    from analysis.corpus import links
    from analysis.corpus import facts
    from analysis.corpus import _claim_tuples, _outlets
    from analysis.views.export import analyse

    t0 = time.perf_counter()
    tables = analyse(path)
    t_analyse = time.perf_counter() - t0
    t0 = time.perf_counter()
    claims_df = links.claims_from_tables(tables)
    t_claims = time.perf_counter() - t0
    t0 = time.perf_counter()
    links_df = claims.links_frame(links.link_rows(claims_df, tables.quotes, tables.texts))
    t_links = time.perf_counter() - t0
    t0 = time.perf_counter()
    fact_rows = facts.fact_rows(list(links_df.itertuples(index=False, name=None)), _claim_tuples(claims_df),
                                outlets=_outlets(tables.articles))
    t_facts = time.perf_counter() - t0
    print(f"corpus: {path} ({len(tables.texts)} articles)")
    print(f"analysis (load, parse, tag):  {t_analyse:8.1f} s")
    print(f"claims table:                 {t_claims:8.1f} s  {len(claims_df):,} claims")
    print(f"links across the corpus:      {t_links:8.1f} s  {len(links_df):,} links")
    counts = links_df["kind"].value_counts()
    print("links by kind: " + ", ".join(f"{k}={int(counts.get(k, 0)):,}" for k in links.LINK_KINDS))
    n_facts = len({r[0] for r in fact_rows})
    print(f"facts from the links:         {t_facts:8.1f} s  {n_facts:,} facts, {len(fact_rows):,} claims in them")
    print(f"claim stage total:            {t_claims + t_links + t_facts:8.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
