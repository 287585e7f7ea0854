"""Helpers shared by the tests of analysis.map.attribution (texts built here, offsets checked)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from analysis.map.attribution import find_attributions, find_quotes, find_sources
from analysis.config import ALLSIDES_DIR
from analysis.map.parse import parse_article
from analysis.map.pipeline import analyse_article
from analysis.records import Article, Parsed, Span


_PARA = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")


def make_parsed(text: str) -> Parsed:
    """A Parsed with the first paragraph as headline and blank-line paragraphs as body
    (built here so these tests do not depend on parse.py's heuristics)."""
    paras = [Span(m.start(), m.end(), m.group()) for m in _PARA.finditer(text)]
    body = paras[1:]
    return Parsed(article=Article("t", "", text), headline=paras[0], headline_text=paras[0].text,
                  outlet=None, outlet_evidence="", byline=None, published=None,
                  body_start=body[0].start, body_end=len(text), paragraphs=body, sentences=[],
                  boilerplate=[])


def run(body: str, mentions=()):
    text = "Headline here\n\n" + body
    p = make_parsed(text)
    q, s = find_quotes(p, list(mentions))
    for x in q:
        assert text[x.start:x.end] == x.quote
        if x.speaker_start is not None:
            assert text[x.speaker_start:x.speaker_end]
    for x in s:
        assert text[x.start:x.end] == x.text
    src = find_sources(p, q, list(mentions))
    for x in src:
        assert text[x.start:x.end] == x.text
    return text, q, s, src


def quote_starting(body: str, start: str, lead: str = "A headline\n\n"):
    """The quote beginning with ``start`` in the analysed article ``lead + body`` (offsets checked)."""
    from analysis.map.pipeline import analyse_article
    text = lead + body
    a = analyse_article(Article("t", "t.txt", text))
    q = next(q for q in a.quotes if q.quote.startswith(start))
    assert text[q.start:q.end] == q.quote
    return q


def _allsides(n):
    files = sorted(Path(ALLSIDES_DIR).glob("*.json"))[:n] if Path(ALLSIDES_DIR).is_dir() else []
    if not files:
        pytest.skip(f"allsides corpus not found at {ALLSIDES_DIR} (shared corpora absent)")
    out = []
    for f in files:
        d = json.loads(f.read_text(encoding="utf-8"))
        out.append(parse_article(Article(d.get("ID", f.stem), str(f), d.get("content_original") or "")))
    return out


def attribs(body: str):
    text = "A headline\n\n" + body
    r = analyse_article(Article("t", "t.txt", text))
    out = find_attributions(r)
    for a in out:  # every span round-trips
        assert text[a.content_start:a.content_end] == a.content
        if a.cue_start is not None:
            assert text[a.cue_start:a.cue_end] == a.cue
        if a.source_start is not None:
            assert text[a.source_start:a.source_end].strip()
    return out
