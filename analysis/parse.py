"""Split an article into headline, metadata, body, paragraphs and sentences.

(Initial naive version; being replaced.)
"""
from __future__ import annotations

import re

from .records import Article, Parsed, Sentence, Span

_PARA = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_SENT = re.compile(r"\S.*?(?:[.!?][\"”’)]*(?=\s|$)|$)", re.S)


def split_sentences(text: str, *, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of ``text[start:end]`` as spans into ``text``."""
    end = len(text) if end is None else end
    return [Span(m.start() + start, m.end() + start, m.group())
            for m in _SENT.finditer(text[start:end])]


def parse_article(article: Article) -> Parsed:
    text = article.text
    paras = [Span(m.start(), m.end(), m.group()) for m in _PARA.finditer(text) if m.group().strip()]
    headline = paras[0] if paras else None
    body = paras[1:]
    sentences = []
    for pid, p in enumerate(body):
        for s in split_sentences(text, start=p.start, end=p.end):
            sentences.append(Sentence(len(sentences), pid, s.start, s.end, s.text))
    return Parsed(article=article, headline=headline, headline_text=headline.text if headline else article.title, outlet=article.outlet,
                  outlet_evidence="metadata" if article.outlet else "", byline=article.byline,
                  published=None, body_start=body[0].start if body else len(text),
                  body_end=len(text), paragraphs=body, sentences=sentences, boilerplate=[])
