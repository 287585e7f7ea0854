"""Build tests/fixtures/facts_gold.json from the hand-written story files in this folder.

Each story module defines STORY (name), CORPUS ("seeds" or "allsides-2015"), ARTICLES
(list of dicts: file, outlet, leaning, date, title) and FACTS: a list of
(fact_id, description, kind, [(file, passage, stance, value), ...]).  A passage is an exact
substring of the article text; when it occurs more than once, write "passage@@N" to take the
N-th occurrence (0-based).  Offsets are computed here and checked before writing.

Run: /work/main/.venv/bin/python scripts/facts_gold/build.py
"""
from __future__ import annotations

import importlib.util
import itertools
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
from analysis.config import ALLSIDES_DIR, SEEDS_DIR  # noqa: E402

ORDER = ["seeds", "paris", "germanwings", "baltimore", "iran"]
ABOUT = (
    "Hand-made gold for cross-article fact agreement. Annotated 2026-12-02 by one annotator "
    "(a helper session) blind to the claim-matching system: analysis/map/claims.py, events.py, "
    "match.py and their links/facts output were never opened or run on these articles. "
    "For each story, 5-6 news reports on the same event from different outlets were read in "
    "full; every checkable fact (who did what, a count, a date, a place, a stated cause, a "
    "quote) stated by at least two of the articles is listed with every passage (a sentence, "
    "or a clause when a sentence holds several facts) that states it. Paraphrases count as the "
    "same fact. stance: 'states' normally; 'conflicts' when the mention gives a different "
    "number/date for the same thing than the majority of the other mentions (on a tie, the "
    "mention in the later-listed article is marked; 'value' gives the number or date as "
    "stated), 'denies' when it negates (or, for an early report, disclaims knowledge of) what "
    "another article states. A passage may belong to several facts when it states several. "
    "Facts are kept narrow: near-miss pairs that are NOT the same fact are left unlinked "
    "(e.g. different raids, a request vs a deployment, a final round vs the whole talks). Offsets: allsides files "
    "index content_original as json.load returns it; seeds index "
    "Path.read_bytes().decode('utf-8-sig'). Built by scripts/facts_gold/build.py."
)


def text_of(corpus: str, file: str) -> str:
    if corpus == "seeds":
        return (SEEDS_DIR / file).read_bytes().decode("utf-8-sig")
    return json.loads((ALLSIDES_DIR / file).read_text(encoding="utf-8"))["content_original"]


def locate(text: str, passage: str, where: str) -> tuple[int, int, str]:
    """Find the passage (the N-th occurrence with "@@N"); a space in the passage also matches a
    no-break space or a newline+spaces run in the text, straight quotes match curly ones."""
    occ = 0
    if "@@" in passage:
        passage, n = passage.rsplit("@@", 1)
        occ = int(n)
    pat = ""
    for ch in passage:
        if ch == " ":
            pat += r"[ \xa0\n]+"
        elif ch in "'’":
            pat += "['’]"
        elif ch in '"“”':
            pat += '["“”]'
        else:
            pat += re.escape(ch)
    hits = list(re.finditer(pat, text))
    if len(hits) <= occ:
        raise SystemExit(f"passage not found in {where}: {passage!r}")
    if occ == 0 and len(hits) > 1:
        print(f"note: passage occurs {len(hits)} times in {where}, first taken: {passage[:60]!r}")
    m = hits[occ]
    return m.start(), m.end(), m.group()


def build_story(mod) -> dict:
    files = {a["file"] for a in mod.ARTICLES}
    texts = {f: text_of(mod.CORPUS, f) for f in files}
    facts, seen = [], set()
    for fid, desc, kind, mentions in mod.FACTS:
        assert fid not in seen, fid
        seen.add(fid)
        out = []
        for m in mentions:
            file, passage, stance, value = (list(m) + [None, None])[:4]
            stance = stance or "states"
            assert file in files, (mod.STORY, fid, file)
            assert stance in ("states", "conflicts", "denies"), stance
            s, e, p = locate(texts[file], passage, f"{mod.STORY}/{fid}/{file}")
            assert texts[file][s:e] == p
            assert "\n\n" not in p, (where_ := f"{mod.STORY}/{fid}/{file}", "passage spans paragraphs")
            row = {"file": file, "start": s, "end": e, "text": p, "stance": stance}
            if value is not None:
                row["value"] = value
            out.append(row)
        arts = {m["file"] for m in out}
        assert len(arts) >= 2, (mod.STORY, fid, "needs mentions from >= 2 articles")
        facts.append({"fact": fid, "description": desc, "kind": kind, "mentions": out})
    articles = []
    for a in mod.ARTICLES:
        a = dict(a)
        if mod.CORPUS != "seeds":  # outlet, leaning, title and date as the corpus file has them
            d = json.loads((ALLSIDES_DIR / a["file"]).read_text(encoding="utf-8"))
            a.update(outlet=d["source"], leaning=d["bias_text"], title=d["title"].strip(),
                     date=str(d["date"])[:10])
        articles.append(a)
    return {"story": mod.STORY, "corpus": mod.CORPUS, "notes": getattr(mod, "NOTES", ""),
            "articles": articles, "facts": facts}


def pairs(story: dict) -> int:
    n = 0
    for f in story["facts"]:
        for a, b in itertools.combinations(f["mentions"], 2):
            n += a["file"] != b["file"]
    return n


def main() -> None:
    stories = []
    for name in ORDER:
        path = HERE / f"{name}.py"
        if not path.exists():
            continue
        spec = importlib.util.spec_from_file_location(f"facts_gold_{name}", path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        st = build_story(mod)
        stories.append(st)
        nm = sum(len(f["mentions"]) for f in st["facts"])
        print(f"{st['story']}: {len(st['articles'])} articles, {len(st['facts'])} facts, "
              f"{nm} mentions, {pairs(st)} cross-article pairs")
    out = ROOT / "tests" / "fixtures" / "facts_gold.json"
    out.write_text(json.dumps({"about": ABOUT, "stories": stories}, ensure_ascii=False, indent=1)
                   + "\n", encoding="utf-8")
    print("wrote", out)


if __name__ == "__main__":
    main()
