"""Command line: ``python -m analysis export PATH --out DIR``."""
from __future__ import annotations

import argparse
import sys
import textwrap

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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("export", help="analyse PATH and write CSV tables to --out",
                        description=DESCRIPTION, epilog=_tables_epilog(),
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    ex.add_argument("path", metavar="PATH", help="article file or folder")
    ex.add_argument("--out", required=True, metavar="DIR", help="folder for the CSV tables (created)")
    ex.add_argument("--body-field", metavar="NAME", default=None,
                    help="name of the body-text field in JSON/JSONL/CSV records")
    ex.add_argument("--skip", metavar="STAGES", default="",
                    help="comma-separated optional stages to leave out, for speed on big corpora: "
                         "claims (claims, links), framing (frames, actor_sentiment, article_tone, "
                         "labels, hedges); their CSV files are written empty")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from .export import export  # imported late so --help is instant

    skip = [s.strip() for s in args.skip.split(",") if s.strip()]
    try:
        paths = export(args.path, args.out, body_field=args.body_field, skip=skip)
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    import csv

    with open(paths["files"], encoding="utf-8", newline="") as f:
        files = list(csv.DictReader(f))
    counts: dict[str, int] = {}
    for row in files:
        counts[row["status"]] = counts.get(row["status"], 0) + 1
    summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    print(f"{len(files)} files ({summary}); tables in {args.out}")
    for row in files:
        if row["status"] != "loaded":
            print(f"  {row['status']}: {row['path']}: {row['reason']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
