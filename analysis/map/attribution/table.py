"""The ``attributions`` table: every stretch of content credited to a source, direct or indirect.

A direct quote is one attribution; so is reported speech, a belief or an intention, "according
to X", "X quoted Y as saying". ``kind`` is ``direct`` (a quote in quotation marks),
``indirect`` (a paraphrase) or ``mixed`` (a paraphrase with a quoted stretch: "Trump said that
the system is “rigged”"; the quote is then part of the mixed row, not a row of its own). The
``quotes`` and ``sources`` rows get the same ``speaker_affiliation`` and ``speaker_gender``
(:func:`with_speaker_details`).

>>> from analysis.records import Article
>>> from analysis.map.pipeline import analyse_article
>>> r = analyse_article(Article("a", "", "T\\n\\nDefense Secretary Sam Bell said the strikes missed their targets."))
>>> [(a.kind, a.content, a.source, a.cue) for a in find_attributions(r)]
[('indirect', 'the strikes missed their targets', 'Sam Bell', 'said')]
"""
from __future__ import annotations

import bisect
import re
from typing import Optional

from .affiliation import _person_facts
from .context import _context
from .cues import _ATTR_CUE_RE
from .indirect import Attribution, _indirect
from .lexicon import PRONOUN_GENDER, _KIND_FOR_SOURCE, _entity_kind, _role_of
from .marks import _SpanCover
from .phrases import _span

_CUE_NEAR_CACHE: dict = {}


def _cue_near(text: str, cue: str, lo: int, hi: int, anchor: int) -> tuple[Optional[int], Optional[int]]:
    """Offsets of ``cue`` between ``lo`` and ``hi``, the occurrence nearest ``anchor``."""
    if not cue:
        return None, None
    best = None
    pat = _CUE_NEAR_CACHE.get(cue)
    if pat is None:
        # (?<![\w’'-]) after the first character (the same test), so ``re`` can skip to it
        pat = _CUE_NEAR_CACHE[cue] = re.compile(r"%s(?<![\w’'-].)%s(?![\w’'-])" % (re.escape(cue[0]), re.escape(cue[1:])),
                                                re.I | re.S)
    for m in pat.finditer(text, lo, hi):
        d = abs(m.start() - anchor)
        if best is None or d < best[0]:
            best = (d, m.start(), m.end())
    return (best[1], best[2]) if best else (None, None)


def find_attributions(result) -> list[Attribution]:
    """Every attribution of an analysed article (``pipeline.ArticleAnalysis``), in text order."""
    parsed, quotes = result.parsed, result.quotes
    ctx = _context(parsed, result.mentions)
    text = ctx.text
    sources = {(s.start, s.end): s for s in result.sources}
    out: list[Attribution] = []
    quote_spans = sorted((q.start, q.end) for q in quotes)
    in_quote = _SpanCover(quote_spans)
    qstarts = [s for s, _ in quote_spans]

    def quotes_in(s, e):
        i = bisect.bisect_left(qstarts, s)
        while i < len(quote_spans) and quote_spans[i][0] < e:
            yield quote_spans[i]
            i += 1

    # 1) direct quotes
    direct: dict[tuple[int, int], Attribution] = {}
    for q in quotes:
        ss, se = q.speaker_start, q.speaker_end
        src = sources.get((ss, se)) if ss is not None else None
        if q.speaker is None:
            kind = "unattributed"
        elif q.speaker_kind == "anonymous":
            kind = "anonymous"
        else:
            kind = src.source_kind if src else _entity_kind(q.speaker, ctx.name_mention(ss, se, q.speaker) if ss is not None else None)
        anchor = ss if ss is not None else q.start
        lo, hi = max(0, min(q.start, anchor) - 160), min(len(text), max(q.end, se or q.end) + 160)
        if q.cue == ":":
            k = text.rfind(":", lo, q.start)
            cs, ce = (k, k + 1) if k >= 0 else (None, None)
        elif q.how == "interview":
            cs = ce = None
        else:
            cs, ce = _cue_near(text, q.cue, lo, hi, anchor)
        pron = text[ss:se].lower() if ss is not None else ""
        aff, g = _person_facts(ctx, q.speaker or "", kind, ss, se, min(len(text), (se or 0) + 200))
        if pron in PRONOUN_GENDER and not g:
            g = PRONOUN_GENDER[pron]
        direct[(q.start, q.end)] = Attribution(
            "direct", q.start, q.end, q.quote, q.speaker or "", ss, se, kind, q.speaker_role,
            text[cs:ce] if cs is not None else "", cs, ce,
            src.via if src else "", aff, g)

    # 2) indirect speech, sentence by sentence
    taken: list[tuple[int, int]] = []
    for bs, be in ctx.blocks:
        for cm in _ATTR_CUE_RE.finditer(text, bs, be):
            cs, ce = cm.span()
            if in_quote(cs) or any(a <= cs < b for a, b in taken[-3:]):
                continue
            att = _indirect(ctx, cm.group(), cs, ce, bs, be, in_quote)
            if att is None:
                continue
            s, e = att.content_start, att.content_end
            inside = list(quotes_in(s, e))
            if inside:
                qchars = sum(min(b, e) - max(a, s) for a, b in inside)
                if any(a < s or b > e for a, b in inside) or qchars * 10 >= (e - s) * 6:
                    # the quote is the content (or sticks out of it): the direct row stays
                    first = inside[0]
                    if first[0] - 1 > s and not (first[0] <= cs < first[1]) and first[0] > ce:
                        e2 = _span(text, s, first[0] - 1)[1]
                        if e2 - s > 15:
                            att = att._replace(content_end=e2, content=text[s:e2])
                        else:
                            continue
                    else:
                        continue
                else:
                    att = att._replace(kind="mixed")
                    for sp in inside:
                        direct.pop(sp, None)
            out.append(att)
            taken.append((min(att.content_start, cs), max(att.content_end, ce)))
    head = _headline(ctx, parsed)
    if head is not None and not any(head.content_start < b and a < head.content_end for a, b in quote_spans):
        out.append(head)
    out.extend(direct.values())
    out.sort(key=lambda a: (a.content_start, a.content_end))
    real = ctx.source_text
    if real is not text:  # strings as written ('' marks), not as the quote finder saw them
        out = [a._replace(content=real[a.content_start:a.content_end],
                          cue=real[a.cue_start:a.cue_end] if a.cue_start is not None else a.cue)
               for a in out]
    return out


#: a headline that credits its words to a name and a colon ("Sanders: It Is Not A Radical Idea")
_HEAD_COLON_RE = re.compile(r"((?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*):\s+(?=\S)")
_HEAD_NOT_SOURCE = {"Update", "Updated", "Breaking", "Exclusive", "Watch", "Video", "Live", "Opinion",
                    "Analysis", "Poll", "Report", "Editorial", "Review", "Photos", "Read"}


def _headline(ctx, parsed) -> Optional[Attribution]:
    """The attribution of a headline "Name: words", or None."""
    h = parsed.headline
    if h is None and parsed.paragraphs and len(parsed.paragraphs[0].text.split()) <= 25:
        h = parsed.paragraphs[0]  # a headline the parser kept in the body (it ends with a full stop)
    if h is None or not h.text:
        return None
    text = ctx.text
    m = _HEAD_COLON_RE.match(text, h.start, h.end)
    if not m or m.group(1).split()[0] in _HEAD_NOT_SOURCE or m.group(1).split()[-1] in _HEAD_NOT_SOURCE:
        return None
    c0, c1 = _span(text, m.end(), h.end)
    if c1 - c0 < 8:
        return None
    s0, e0 = m.span(1)
    mention = ctx.mention_in(s0, e0)
    name = mention.entity if mention else m.group(1)
    kind = _KIND_FOR_SOURCE.get(_entity_kind(name, mention), "person")
    aff, g = _person_facts(ctx, name, kind, s0, e0, h.end)
    return Attribution("indirect", c0, c1, text[c0:c1], name, s0, e0, kind, _role_of(name), ":",
                       m.end(1), m.end(1) + 1, "", aff, g)


def attribution_rows(result) -> list[tuple]:
    """Rows of the ``attributions`` table for one analysed article (TABLES column order)."""
    aid = result.parsed.article.article_id
    sents = result.parsed.sentences
    starts = [s.start for s in sents]
    rows = []
    text = result.parsed.article.text
    for i, a in enumerate(find_attributions(result)):
        k = bisect.bisect_right(starts, a.content_start) - 1
        sid = sents[k].sentence_id if k >= 0 and a.content_start < sents[k].end else None
        rows.append((aid, i, a.kind, a.content_start, a.content_end, a.content, a.source,
                     a.source_start, a.source_end, a.source_kind, a.speaker_role, a.cue,
                     a.cue_start, a.cue_end, a.via, sid, a.speaker_affiliation, a.speaker_gender,
                     text[a.source_start:a.source_end] if a.source_start is not None else ""))
    return rows


def with_speaker_details(result, attribution_rows: list, quote_rows: list, source_rows: list):
    """``quotes`` and ``sources`` rows with ``speaker_affiliation`` and ``speaker_gender`` appended.

    A speaker span that is also an attribution's source gets that row's values (the tables
    agree); any other is worked out the same way.
    """
    from ...tables import TABLES

    ctx = _context(result.parsed, result.mentions)
    known = {(r[7], r[8]): (r[16], r[17]) for r in attribution_rows if r[7] is not None}
    qcol = {c: i for i, c in enumerate(TABLES["quotes"])}
    scol = {c: i for i, c in enumerate(TABLES["sources"])}

    def details(name, kind, s, e):
        if s is None:
            return "", ""
        got = known.get((s, e))
        if got is None:
            got = known[(s, e)] = _person_facts(ctx, name or "", kind, s, e, min(len(ctx.text), e + 200))
        return got

    quotes = []
    for r in quote_rows:
        kind = "anonymous" if r[qcol["speaker_kind"]] == "anonymous" else "person"
        quotes.append(r + details(r[qcol["speaker"]], kind, r[qcol["speaker_start"]], r[qcol["speaker_end"]]))
    sources = [r + details(r[scol["source"]], r[scol["source_kind"]], r[scol["start"]], r[scol["end"]])
               for r in source_rows]
    return quotes, sources
