"""Command line: ``python -m analysis export PATH --out DIR`` and ``python -m analysis store``."""
from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from .tables import TABLES

DESCRIPTION = """\
Analyse a corpus of news articles about one event into tidy CSV tables.

PATH is a file or a folder (searched recursively) of articles: .txt (one article per
file), .json (one record or a list), .jsonl, .csv, .html/.htm. Records' body text is
found among common field names (text, body, content_original, ...) or named with
--body-field. Every input file gets a row in files.csv saying whether it was loaded,
skipped or failed, and why.

Rows that point into an article carry start/end character offsets such that
text[start:end] is the reported string, text being the article as loaded (a .txt file's
whole decoded text, a record's body field, an HTML page's extracted main text).
"""


def _tables_epilog() -> str:
    lines = ["tables written (one CSV each; columns documented in README.md):"]
    for name, cols in TABLES.items():
        lines.append(textwrap.fill(f"{name}: {', '.join(cols)}", width=88,
                                   initial_indent="  ", subsequent_indent="      "))
    return "\n".join(lines)


STORE_HELP = """\
The analysis of a corpus is stored once (Parquet tables and a manifest of the corpus's
files with their sizes and content hashes) and reused: a later export, `make report` or a
notebook's load(CORPUS) analyses only new or changed files and drops removed ones. The store
lives in --store DIR, else $ANALYSIS_STORE, else ~/.cache/news-analysis ($XDG_CACHE_HOME);
`python -m analysis store --clear` (or `make clean`) removes it.
"""


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 1:
        raise argparse.ArgumentTypeError(f"--jobs takes a whole number of worker processes >= 1, not {text!r}")
    return n


def _add_run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                   help="worker processes for the per-article analysis (default: every core, here "
                        f"{_cores()}; 1 = in this process)")
    p.add_argument("--dask", metavar="ADDRESS", default=None,
                   help="run the per-article analysis on a dask.distributed cluster instead: 'local' "
                        "starts a LocalCluster of --jobs workers; tcp://HOST:8786 connects to a running "
                        "scheduler (its workers must see PATH at the same absolute path); needs "
                        "pip install 'analysis[dask]'")
    p.add_argument("--store", metavar="DIR", default=None,
                   help="root folder of stored analyses (default: $ANALYSIS_STORE, else "
                        "~/.cache/news-analysis)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bars")


def _cores() -> int:
    import os

    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("export", help="analyse PATH and write its tables to --out",
                        description=DESCRIPTION + "\n" + STORE_HELP, epilog=_tables_epilog(),
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    ex.add_argument("path", metavar="PATH", help="article file or folder")
    ex.add_argument("--out", required=True, metavar="DIR", help="folder for the tables (created)")
    ex.add_argument("--format", choices=("csv", "parquet"), default="csv",
                    help="csv (default; UTF-8, header row, RFC 4180 quoting) or parquet: one file per table")
    ex.add_argument("--body-field", metavar="NAME", default=None,
                    help="name of the body-text field in JSON/JSONL/CSV records")
    ex.add_argument("--skip", metavar="STAGES", default="",
                    help="comma-separated optional stages to leave out, for speed on big corpora: "
                         "claims (claims, links), framing (frames, actor_sentiment, article_tone, "
                         "labels, hedges); their tables are written empty")
    ex.add_argument("--rebuild", action="store_true",
                    help="discard PATH's stored analysis and analyse everything again")
    _add_run_options(ex)
    st = sub.add_parser("store", help="where stored analyses are; --clear removes them",
                        description=STORE_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    st.add_argument("path", metavar="PATH", nargs="?", default=None,
                    help="a corpus: show (or with --clear remove) its stored analysis only")
    st.add_argument("--store", metavar="DIR", default=None, help="store root (default as for export)")
    st.add_argument("--clear", action="store_true", help="remove the stored analyses (of PATH, or all)")
    return parser


def _store_command(args) -> int:
    from . import store

    root = store.default_root() if args.store is None else Path(args.store).expanduser()
    if args.clear:
        gone = store.clear(args.path, store=root)
        print("removed " + (", ".join(map(str, gone)) or "nothing (no stored analysis)"))
        return 0
    if args.path is None:
        folders = sorted(p for p in root.glob("*") if (p / store.MANIFEST).exists()) if root.is_dir() else []
        print(f"store: {root} ({len(folders)} stored corpora)")
        for f in folders:
            print(f"  {f.name}")
        return 0
    folder = store.corpus_dir(args.path, store=root)
    print(f"store of {args.path}: {folder}" + ("" if (folder / store.MANIFEST).exists() else " (empty)"))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "store":
        return _store_command(args)
    from .views.export import export  # imported late so --help is instant

    skip = [s.strip() for s in args.skip.split(",") if s.strip()]
    try:
        if args.rebuild:
            from . import store

            store.clear(args.path, store=args.store)
        paths = export(args.path, args.out, body_field=args.body_field, skip=skip, format=args.format,
                       jobs=args.jobs, dask=args.dask, store=args.store, quiet=args.quiet)
    except (FileNotFoundError, ValueError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    files = _file_rows(paths["files"], args.format)
    counts: dict[str, int] = {}
    for row in files:
        counts[row["status"]] = counts.get(row["status"], 0) + 1
    summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    print(f"{len(files)} files ({summary}); tables in {args.out}")
    for row in files:
        if row["status"] != "loaded":
            print(f"  {row['status']}: {row['path']}: {row['reason']}", file=sys.stderr)
    return 0


def _file_rows(path, fmt: str) -> list[dict]:
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return pq.read_table(path).to_pylist()
    import csv

    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


if __name__ == "__main__":
    sys.exit(main())
