"""Attributions: every stretch of content credited to a source, direct or indirect.

A direct quote ("“We will win,” said X") is one attribution; so is reported speech ("Carter
said the attacks did not hit ISIS"), a belief or an intention ("X believes ...", "X plans to
..."), "according to X, ...", "X quoted Y as saying ...". Each row has three spans into the
text: the content, the source (who is credited) and the cue (the words that credit it).

* ``kind``: ``direct`` (a quote in quotation marks), ``indirect`` (a paraphrase) or ``mixed``
  (a paraphrase with a quoted stretch: "Trump said that the system is “rigged”"; the quote is
  then part of the mixed row, not a row of its own).
* The cues are the editable lexicon ``data/cues.csv`` (columns ``cue``, ``kind``, ``quotes``,
  ``note``; ``quotes`` says how the quote finder uses a cue, see ``analysis.quotes``): kind
  ``speech``, ``tell`` (a hearer follows: "told reporters"), ``media`` ("reported"), ``belief``,
  ``intention``, ``according_to``, ``quoted_as`` ("quoted Y as saying"), ``participle``
  ("..., saying"), or ``quote_only`` (a cue of direct quotes only: "sighed", "went on").
* Speakers are found and resolved (pronouns, descriptions, mentions) by ``analysis.quotes``.
* ``speaker_affiliation``: the organisation, government or outlet a person speaks for, from the
  words around the name ("at the Institute for the Study of War", "Suqour al Jabal's commander",
  "a spokeswoman for Trump Hotels", "State Department spokesman"). ``speaker_gender``:
  ``female``/``male`` from a title (Mr, Mrs, Ms), a gendered role word (spokeswoman), a ``he``/
  ``she`` source, or a first name in ``data/first_names.csv``; empty when nothing decides.

>>> from analysis.records import Article
>>> from analysis.pipeline import analyse_article
>>> r = analyse_article(Article("a", "", "T\\n\\nDefense Secretary Sam Bell said the strikes missed their targets."))
>>> [(a.kind, a.content, a.source, a.cue) for a in find_attributions(r)]
[('indirect', 'the strikes missed their targets', 'Sam Bell', 'said')]
"""
from __future__ import annotations

import bisect
import csv
import re
from typing import NamedTuple, Optional

from . import quotes as Q
from .config import DATA_DIR

CUES_PATH = DATA_DIR / "cues.csv"
CUE_KINDS = ("speech", "tell", "media", "belief", "intention", "according_to", "quoted_as", "participle",
             "quote_only")


def _load_cues(path=CUES_PATH) -> dict[str, str]:
    """cue -> kind, from ``data/cues.csv`` (read once, at import)."""
    out: dict[str, str] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh), start=2):
            cue, kind = (row.get("cue") or "").strip(), (row.get("kind") or "").strip()
            if not cue:
                continue
            if kind not in CUE_KINDS:
                raise ValueError(f"{path}, line {i}: cue {cue!r} has kind {kind!r}; "
                                 f"use one of {', '.join(CUE_KINDS)}")
            if kind != "quote_only":  # used by the quote finder only (analysis.quotes)
                out[cue] = kind
    return out


CUES = _load_cues()
_CUE_RE = re.compile(r"(?<![\w’'-])(?:%s)(?![\w’'-])" % Q._alt(
    list(CUES) + [c[:1].upper() + c[1:] for c in CUES if CUES[c] == "according_to"]))
#: what stands between a speech verb and its content: "that", "in a statement that", "on Monday that"
_TELL_THAT_RE = re.compile(r"[^,;:“”\"]{0,60}?\bthat\s+")
_THAT_RE = re.compile(r"(?:\s*(?:on|in|at|during|last|this|earlier|later|late|after|before|to|via|through|"
                      r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|recently|"
                      r"repeatedly|previously|again|also|publicly|privately|separately)\b[^,;:“”\"]{0,50}?)?"
                      r"\s*,?\s*\bthat\s+")
_AS_SAYING_RE = re.compile(r"\s+as\s+(?:saying|telling\s+[^,;:]{1,40}?)(?:\s+that)?\s+")
#: a clause tail that is no content ("on Monday", "in a statement", "during a rally in Ohio")
_ADVERBIAL_RE = re.compile(r"(?:on|in|at|during|last|this|late|early|earlier|later|after|before|from|"
                           r"with|via|through|when|while|to|Monday|Tuesday|Wednesday|Thursday|Friday|"
                           r"Saturday|Sunday|today|yesterday|recently|again|repeatedly)\b")
_AFTER_QUOTE = (",”", ",\"", "?”", "!”", "?\"", "!\"", "—”")


def lead_words_ok(lead: str) -> bool:
    return len(lead.split()) >= 3


#: between a subject and its cue: an apposition or relative clause set off by commas
_APPOS_GAP_RE = re.compile(r"\s*(?:\([^()]{1,25}\)\s*)?(?:,\s*(?:\d{1,3},\s*)?(?:an?|the|who|which|whose|one|another|its|his|her|their|[a-z][\w-]*)\b"
                           r"[^;“”\"]{0,160}?,|\s[—–]\s?[^;“”\"—–]{2,120}?\s?[—–])\s*(?:(?:also|later|then|has|have|had)\s+)?")
_LEAD_RE = re.compile(r"[\s,:—–-]+")
_TRAIL_RE = re.compile(r"[\s,.;:!?—–-]+$")
#: words that may open a sentence before its subject without making it a clause
_INTRO_RE = re.compile(r"^(?:(?:But|And|Yet|So|Still|However|Meanwhile|Now|Later|Earlier|Also|Instead)\b,?\s*)?$")

# --- affiliation -------------------------------------------------------------------------
_CAP = r"(?:[A-Z][\w’'.&-]*|al|bin|ibn|abu|de|of|for|the|and|on)"
_ORG_RUN = r"(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+%s)*(?:\s+(?:%s))?" % (_CAP, "|".join(sorted(
    {"campaign", "administration", "government", "ministry", "department", "hotels", "party",
     "committee", "office", "agency", "group", "foundation", "institute", "team"})))
_AFFIL_AFTER_RE = re.compile(r"\b(?:at|of|for|with|from)\s+(%s)" % _ORG_RUN)
_AFFIL_POSS_RE = re.compile(r"(%s)[’']s\s+(?:[a-z][\w-]*\s+){0,3}?(?=%s)" % (
    r"[A-Z][\w’'.&-]*(?:\s+(?:[A-Z][\w’'.&-]*|al|bin|ibn|of|the|for))*",
    "|".join(r"%s\b" % re.escape(w) for w in sorted(Q._ALL_ROLE_SINGLE | {"director", "manager",
             "chairman", "chairwoman", "chief", "aide", "adviser", "advisor", "lawyer", "attorney",
             "strategist", "head", "founder", "leader", "deputy", "commander", "spokesman", "spokeswoman", "spokesperson"}, key=len, reverse=True))))
_AFFIL_PRE_RE = re.compile(r"((?:[A-Z][\w’'.&-]*\s+){1,4}?)(?:%s)\b" % "|".join(
    re.escape(w) for w in ("spokesman", "spokeswoman", "spokesperson", "campaign manager", "campaign chairman",
                           "press secretary", "communications director", "official", "officials",
                           "aide", "adviser", "advisor", "analyst", "economist", "researcher",
                           "strategist", "director", "chairman", "chairwoman", "lawyer", "commander")))
_NOT_ORG = {"Mr", "Mrs", "Ms", "Dr", "The", "A", "An", "He", "She", "It", "They", "President",
            "Sen", "Rep", "Gov", "Senator", "Governor", "Secretary", "Former", "Then", "Vice"}

_FIRST_BEFORE_RE = re.compile(r"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?$")
_TITLE_IN_RE = re.compile(r"(Mr|Mrs|Ms|Miss)\.?\s")
_GENDER_ROLE_RE = re.compile(r"\b(spokeswoman|spokesman|congresswoman|congressman|chairwoman|chairman|"
                             r"businesswoman|businessman|woman|man|mother|father|actress|mrs|ms|miss|mr)\b", re.I)


class Attribution(NamedTuple):
    kind: str  # direct | indirect | mixed
    content_start: int
    content_end: int
    content: str
    source: str  # canonical name or description, "" when no source is stated
    source_start: Optional[int]
    source_end: Optional[int]
    source_kind: str  # person | media | government | organisation | anonymous | unattributed
    speaker_role: str
    cue: str
    cue_start: Optional[int]
    cue_end: Optional[int]
    via: str
    speaker_affiliation: str
    speaker_gender: str


def affiliation(text: str, s: int, e: int, *, extra: str = "", name: str = "") -> str:
    """The organisation a speaker speaks for, from the words around the speaker phrase.

    >>> t = "Genevieve Casagrande at the Institute for the Study of War believes it"
    >>> affiliation(t, 0, 20, extra=t[20:58])
    'Institute for the Study of War'
    >>> t = "Suqour al Jabal's commander, Hassan Haj Ali, said"
    >>> affiliation(t, 0, 43)
    'Suqour al Jabal'
    """
    phrase = text[s:e] + " " + extra
    name_words = set(name.split())
    m = _AFFIL_POSS_RE.search(phrase)
    if m and not set(m.group(1).split()) <= name_words:
        return _clean_org(m.group(1))
    m = _AFFIL_AFTER_RE.search(phrase)
    if m:
        org = _clean_org(m.group(1))
        if org and not set(org.split()) <= name_words:
            return org
    m = _AFFIL_PRE_RE.search(phrase)
    if m:
        org = _clean_org(m.group(1))
        if org and not set(org.split()) & name_words:
            return org
    return ""


def _clean_org(org: str) -> str:
    org = re.sub(r"[’']s$", "", org.strip())
    if org[:4] in ("the ", "The "):
        org = org[4:]
    words = org.split()
    while words and words[0].rstrip(".") in _NOT_ORG:
        words.pop(0)
    while words and words[-1].lower() in ("of", "for", "the", "and", "on"):
        words.pop()
    return " ".join(words)


def gender(ctx, name: str, s: int, e: int, *, extra: str = "", pronoun: str = "") -> str:
    """'female' / 'male' from a he/she source, a title, a role word or a first name, else ''.

    >>> gender(None, "Ana Lima", 0, 0, extra="a spokeswoman")
    'female'
    >>> gender(None, "Lee", 0, 0)
    ''
    """
    if pronoun in Q.PRONOUN_GENDER:
        return Q.PRONOUN_GENDER[pronoun]
    phrase = extra
    if ctx is not None:
        text = ctx.text
        phrase = text[s:e] + " " + extra
        t = Q._GENDER_TITLE_RE.search(text, max(0, s - 8), s) or _TITLE_IN_RE.match(text, s, e)
        if t:
            return Q.GENDER_WORDS[t.group(1).lower()]
        parts = name.split()
        if len(parts) == 1 and parts:  # a surname: the first name it was written with before
            i = text.find(parts[0], 0, s)
            while i > 0:
                m = _FIRST_BEFORE_RE.search(text, max(0, i - 25), i)
                if m and Q.FIRST_NAMES.get(m.group(1)) and not text[i + len(parts[0]):i + len(parts[0]) + 1].isalpha():
                    return Q.FIRST_NAMES[m.group(1)]
                i = text.find(parts[0], i + 1, s)
        for w in parts[:-1]:
            g = Q.FIRST_NAMES.get(w)
            if g:
                return g
    m = _GENDER_ROLE_RE.search(phrase)
    if m:
        g = Q.GENDER_WORDS.get(m.group(1).lower(), "")
        if g:
            return g
    first = name.split()[0] if name.split() else ""
    return Q.FIRST_NAMES.get(first, "")


def _person_facts(ctx, name: str, kind: str, s: Optional[int], e: Optional[int], hi: int) -> tuple[str, str]:
    """(affiliation, gender) of a source; both empty for organisations and unstated sources."""
    if s is None or not name:
        return "", ""
    text = ctx.text
    extra = Q._appos_after(text, e, hi)
    # "Clinton's communications director, Jennifer Palmieri,": the words before the name count
    lo = max(0, s - 80)
    cut = lo - 1
    for m in _BOUNDARY_RE.finditer(text, lo, s):
        cut = m.start()
    before = text[cut + 1:s]
    if not before.rstrip().endswith(","):
        before = ""  # only an apposition before the name ("X's director, NAME,") counts
    phrase_s = s - len(before)
    aff = affiliation(text, phrase_s, e, extra=extra, name=name) if kind in ("person", "anonymous") else ""
    g = ""
    if kind in ("person",) and " and " not in name:  # a plural source has no one gender
        low = text[s:e].strip().lower()
        g = gender(ctx, name, s, e, extra=extra + " " + before, pronoun=low if low in Q.PRONOUN_GENDER else "")
    elif kind == "anonymous":
        m = _GENDER_ROLE_RE.search(text[s:e])
        g = Q.GENDER_WORDS.get(m.group(1).lower(), "") if m else ""
    return aff, g


_CUE_NEAR_CACHE: dict = {}
_BOUNDARY_RE = re.compile(r"[.;:!?”\"\n]")


def _cue_near(text: str, cue: str, lo: int, hi: int, anchor: int) -> tuple[Optional[int], Optional[int]]:
    """Offsets of ``cue`` between ``lo`` and ``hi``, the occurrence nearest ``anchor``."""
    if not cue:
        return None, None
    best = None
    pat = _CUE_NEAR_CACHE.get(cue)
    if pat is None:
        pat = _CUE_NEAR_CACHE[cue] = re.compile(r"(?<![\w’'-])%s(?![\w’'-])" % re.escape(cue), re.I)
    for m in pat.finditer(text, lo, hi):
        d = abs(m.start() - anchor)
        if best is None or d < best[0]:
            best = (d, m.start(), m.end())
    return (best[1], best[2]) if best else (None, None)


def _span(text: str, s: int, e: int) -> tuple[int, int]:
    """``text[s:e]`` without leading/trailing punctuation and spaces (closing quotes kept)."""
    m = _LEAD_RE.match(text, s, e)
    if m:
        s = m.end()
    seg = text[s:e]
    t = _TRAIL_RE.search(seg)
    if t:
        e = s + t.start()
    return s, e


def find_attributions(result) -> list[Attribution]:
    """Every attribution of an analysed article (``pipeline.ArticleAnalysis``), in text order."""
    parsed, quotes = result.parsed, result.quotes
    ctx = Q._context(parsed, result.mentions)
    text = ctx.text
    sources = {(s.start, s.end): s for s in result.sources}
    out: list[Attribution] = []
    quote_spans = sorted((q.start, q.end) for q in quotes)
    in_quote = Q._SpanCover(quote_spans)
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
            kind = src.source_kind if src else Q._entity_kind(q.speaker, ctx.mention_in(ss, se) if ss is not None else None)
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
        if pron in Q.PRONOUN_GENDER and not g:
            g = Q.PRONOUN_GENDER[pron]
        direct[(q.start, q.end)] = Attribution(
            "direct", q.start, q.end, q.quote, q.speaker or "", ss, se, kind, q.speaker_role,
            text[cs:ce] if cs is not None else "", cs, ce,
            src.via if src else "", aff, g)

    # 2) indirect speech, sentence by sentence
    taken: list[tuple[int, int]] = []
    for bs, be in ctx.blocks:
        for cm in _CUE_RE.finditer(text, bs, be):
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
    kind = Q._KIND_FOR_SOURCE.get(Q._entity_kind(name, mention), "person")
    aff, g = _person_facts(ctx, name, kind, s0, e0, h.end)
    return Attribution("indirect", c0, c1, text[c0:c1], name, s0, e0, kind, Q._role_of(name), ":",
                       m.end(1), m.end(1) + 1, "", aff, g)


_NOT_SOURCE_WORDS = Q._CALENDAR_WORDS | {"hours", "latest", "today", "yesterday", "tonight", "morning",
                                         "evening", "night", "week", "weekend", "month", "year"}
_AND_BEFORE_RE = re.compile(r"((?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'.-]*),?\s+and\s+$")


def _source(ctx, s: int, e: int, hi: int):
    """(name, kind, role, s, e, pronoun) of the speaker phrase text[s:e], or None.

    Two people joined by "and" ("Ann Lee and Bob Marsh said") are one plural source.
    """
    text = ctx.text
    k = text.find(" and ", s, e)
    am = _AND_BEFORE_RE.search(text, max(0, s - 60), s)
    if k > s and text[k + 5:k + 6].isupper():
        spans = ((s, k), (k + 5, e))
    elif am and text[s:s + 1].isupper():
        spans = (am.span(1), (s, e))
    else:
        spans = None
    if spans:
        first = Q._classify(ctx, spans[0][0], spans[0][1], "", spans[0][0])
        second = Q._classify(ctx, spans[1][0], spans[1][1], Q._appos_after(text, e, hi), spans[1][0])
        if first and second and first.kind == second.kind == "named" and first.ekind == second.ekind == "person":
            return (f"{first.name} and {second.name}", "person", second.role or first.role,
                    first.s, second.e, "")
    extra = Q._appos_after(text, e, hi)
    spk = Q._classify(ctx, s, e, extra, s)
    if spk is None:
        return None
    low = text[spk.s:spk.e].lower()
    if spk.name and spk.kind == "named" and spk.ekind != "pronoun":
        m = ctx.mention_in(spk.s, spk.e)
        if m is not None and m.kind == "place" and m.start <= spk.s and spk.e <= m.end \
                and spk.name not in Q.PLACES_AS_GOVERNMENT and m.entity not in Q.PLACES_AS_GOVERNMENT:
            return None  # "in New Hampshire said": a place is no source (a capital or country may be)
        if any(w in _NOT_SOURCE_WORDS for w in spk.name.lower().split()):
            return None  # "Tuesday", "The Latest"
    phrase = Q._WS_RE.sub(" ", text[spk.s:spk.e])
    pm = _POSS_NAME_RE.match(phrase) if spk.kind == "anonymous" or "’s " in phrase or "'s " in phrase else None
    if pm and _MEDIA_TAIL_RE.search(phrase):  # "Russia's state-run Sputnik International"
        return pm.group(1), "media", "media", spk.s, spk.e, low
    if spk.name is None:
        return "", "unattributed", "", spk.s, spk.e, low
    kind = "anonymous" if spk.kind == "anonymous" else (
        "person" if spk.ekind == "pronoun" else Q._KIND_FOR_SOURCE.get(spk.ekind, "person"))
    if spk.ekind == "pronoun" and low in ("they", "we") and spk.name:
        kind = Q._KIND_FOR_SOURCE.get(Q._entity_kind(spk.name, None), "person")
    return spk.name, kind, spk.role, spk.s, spk.e, low


def _indirect(ctx, cue: str, cs: int, ce: int, bs: int, be: int, in_quote) -> Optional[Attribution]:
    """The attribution around one cue occurrence, or None when it credits nobody."""
    text = ctx.text
    ss = Q._sent_start(text, bs, cs)
    se = Q._sent_end(text, ce, be)
    if se <= ce:
        se = be
    kind = CUES.get(cue) or CUES.get(cue.lower(), "")
    pre = text[ss:cs]
    if kind not in ("according_to", "participle") and _NOUN_BEFORE_RE.search(text, max(ss, cs - 8), cs):
        return None  # "the plan", "her fears", "to say": a noun or an infinitive, no cue
    if kind == "quoted_as" and _PASSIVE_RE.search(pre):
        return _passive_quoted(ctx, cs, ce, ss, se, pre)
    via = ""
    src = None
    content = None
    if kind == "according_to":
        k = _skip_space(text, ce, se)
        np = Q._np_fwd(text, k, se)
        if not np:  # "according to Kantar Media's political ad tracker": the words up to a comma
            m = _PHRASE_RE.match(text, k, se)
            np = (k, k + len(m.group().rstrip())) if m and m.group().strip() else None
            if not np:
                return None
        src = _source(ctx, np[0], np[1], se) or _described(text, np[0], np[1])
        if not pre.strip() or _INTRO_RE.match(pre.strip()):
            comma = text.find(",", np[1], se)
            if comma < 0:
                return None
            content = (comma + 1, se)
        else:
            content = (ss, cs)
    elif kind == "participle":
        if not pre.rstrip().endswith(","):
            return None
        np = Q._subject(ctx, ss, cs)
        if not np:
            return None
        src = _source(ctx, np[0], np[1], se)
        content = (_after_that(text, ce, se), se)
    elif kind == "quoted_as":
        m = _AS_SAYING_RE.search(text, ce, min(se, ce + 120))
        if not m:
            return None
        k = _skip_space(text, ce, se)
        np = Q._np_fwd(text, k, m.start() + 1)
        agent = Q._np_back(text, max(ss, cs - 150), cs)
        if not np:
            return None
        src = _source(ctx, np[0], np[1], m.start())
        if agent:
            via = _media_name(ctx, *agent)
        content = (m.end(), se)
    else:
        np = Q._np_back(text, max(ss, cs - 150), _before_paren(text, ss, cs))
        tail_s = ce
        if kind == "tell":
            obj = Q._np_fwd(text, _skip_space(text, ce, se), se)
            if obj:
                tail_s = obj[1]
                o = ctx.mention_in(*obj)
                oname = o.entity if o else text[obj[0]:obj[1]]
                if Q._entity_kind(oname, o) == "media" or Q._MEDIA_RE.fullmatch(oname):
                    via = oname[4:] if oname.lower().startswith("the ") else oname
        qb = _QUOTED_BY_RE.match(text, ce, se)
        if qb:  # "..., the minister said, quoted by Norway's NTB news agency."
            agent = Q._np_fwd(text, qb.end(), se)
            via = _media_name(ctx, *agent) if agent else ""
        tail = (_after_that(text, tail_s, se, tell=kind == "tell"), se)
        tail_words = len(text[tail[0]:tail[1]].split())
        coordinated = _AND_CUE_RE.search(text, max(ss, cs - 20), cs)
        if coordinated and not pre.rstrip().endswith(","):
            # "McConnell embraced the mogul and said this week that ...": the sentence's subject
            subj = Q._subject(ctx, ss, cs)
            if subj and tail_words >= 2:
                src = _source(ctx, subj[0], subj[1], se)
                content = tail
        appos_name = False
        if np is not None and text[np[1]:cs].strip() == ",":
            before = text[ss:np[0]].rstrip()
            if before.endswith(",") and text[np[0]:np[0] + 1].isupper() \
                    and Q._entity_kind(text[np[0]:np[1]], ctx.mention_in(*np)) == "person":
                appos_name = True  # "Clinton's communications director, Jennifer Palmieri, said"
            else:
                np = None  # "..., the group, said X": the words before the comma are content
        if content is not None:
            pass
        elif appos_name:
            if tail_words < 2:
                return None
            content = tail
            src = _source(ctx, np[0], np[1], se)
        elif pre.rstrip().endswith((",", "—", "–")):
            # "X, a senator from Vermont, said ...": the sentence's subject, past its apposition
            subj = Q._subject(ctx, ss, cs)
            if subj and subj[1] < cs and _APPOS_GAP_RE.fullmatch(text, subj[1], cs) and tail_words >= 2:
                np = subj
            elif np is None and pre.rstrip().endswith(","):  # "CONTENT, said X."
                np2 = Q._np_fwd(text, _skip_space(text, ce, se), se)
                if not np2 or len(text[ss:cs].split()) < 3:
                    return None
                src = _source(ctx, np2[0], np2[1], se)
                content = (ss, cs)
        if content is None and np is None and tail_words >= 2:
            # "People briefed on the talks say ...": the whole subject, a description
            ps, pe = _span(text, ss, cs)
            words = text[ps:pe].split()
            if 2 <= len(words) <= 10 and not _NO_SUBJECT_RE.search(text, ps, pe) \
                    and (words[0].lower() in Q.DETERMINERS or words[0][:1].isupper()) \
                    and words[0].lower() not in Q.COMMON_SENTENCE_STARTERS - Q.DETERMINERS \
                    and any(w.lower().strip("’'s") in Q.NP_HEADS or w.lower() in Q.ANON_HEADS for w in words):
                src = _source(ctx, ps, pe, se)
                if src is None or (src[0] or "").split() == words[:1]:  # "People briefed ...": all of it
                    src = _described(text, ps, pe)
                content = tail
        if content is None:
            if np is None:
                return None
            lead = text[ss:np[0]]
            if lead.rstrip().endswith(_AFTER_QUOTE):
                return None  # "“...,” State Department spokesman John Kirby said": the quote's cue
            if tail_words <= 5 and _ADVERBIAL_RE.match(text[tail[0]:tail[1]].lstrip()) \
                    and not _THAT_RE.match(text, tail_s, se) and not (lead.rstrip().endswith(",") and lead_words_ok(lead)):
                return None  # "said earlier this week": no content
            lead_words = len(lead.split())
            parenthetical = text[tail_s:se].lstrip().startswith(",")
            if lead.rstrip().endswith(",") and lead_words >= 3 and (
                    tail_words < 2 or parenthetical
                    or tail_words <= 10 and _ADVERBIAL_RE.match(text[tail[0]:tail[1]].lstrip())):
                content = (ss, np[0])  # "CONTENT, X said." / "CONTENT, X said, MORE"
            elif tail_words >= 2:
                content = tail
            else:
                return None
            src = _source(ctx, np[0], np[1], se)
        if kind in ("belief", "intention") and src and src[1] == "unattributed":
            return None
    if src is None:
        return None
    name, skind, role, s0, e0, low = src
    if low == "i" or low in ("it", "this", "that", "which", "who"):
        return None
    c0, c1 = _span(text, *content)
    if c1 - c0 < 3 or not re.search(r"\w", text[c0:c1]) or in_quote(c0):
        return None
    if s0 < c1 and c0 < e0:  # the source inside the content: a misparse
        return None
    aff, g = _person_facts(ctx, name, skind, s0, e0, se)
    return Attribution("indirect", c0, c1, text[c0:c1], name or "", s0, e0, skind, role,
                       text[cs:ce], cs, ce, via, aff, g)


#: the words of a source phrase the noun-phrase finder does not take: up to a comma or the end
_PHRASE_RE = re.compile(r"[^,;:“”\"()]{2,90}?(?=\s*(?:[,;:.]\s|[,;:.]?$|\())")
_PAREN_END_RE = re.compile(r"\s*\([^()]{1,25}\)\s*,?\s*$")


def _before_paren(text: str, lo: int, p: int) -> int:
    """``p`` moved before a short parenthesis that ends text[lo:p] ("Sen. Ann Lee (D-Vt.) said")."""
    m = _PAREN_END_RE.search(text, max(lo, p - 40), p)
    return m.start() if m else p


def _described(text: str, s: int, e: int):
    """A source phrase taken as written (no name in it): an anonymous description."""
    phrase = Q._WS_RE.sub(" ", text[s:e])
    first = phrase.split()[0].lower() if phrase.split() else ""
    if first in Q.DETERMINERS or first in Q.NP_HEADS or first in Q.ANON_HEADS:
        phrase = phrase[:1].lower() + phrase[1:]  # "People briefed ..." -> "people briefed ..."
    return phrase, "anonymous", Q._role_of(phrase), s, e, phrase.lower()


_NOUN_BEFORE_RE = re.compile(r"(?:(?:^|(?<=[\s“\"(]))(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Mm]y|[Yy]our|[Tt]his|"
                             r"[Tt]hat|[Tt]hese|[Tt]hose|[Nn]o|[Ee]very|to)|[’']s)\s+$")
_PASSIVE_RE = re.compile(r"\b(?:was|were|is|are|been|being)\s+$")
#: a subject stretch that is a clause, not a noun phrase
_NO_SUBJECT_RE = re.compile(r"[,;:“”\"()]|\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|"
                            r"and|but|if|when|while|because|after|before)\b")
_AND_CUE_RE = re.compile(r"(?:,?\s(?:and|but))\s+(?:(?:also|then|later|now|has|have|had)\s+)?$")
_QUOTED_BY_RE = re.compile(r",?\s*(?:quoted|cited)\s+by\s+")
_BY_RE = re.compile(r"\s+by\s+")


def _skip_space(text: str, k: int, end: int) -> int:
    """The first offset at or after ``k`` (before ``end``) that is not whitespace.

    >>> _skip_space("said   Kirby", 4, 12)
    7
    """
    while k < end and text[k].isspace():
        k += 1
    return k


def _passive_quoted(ctx, cs: int, ce: int, ss: int, se: int, pre: str) -> Optional[Attribution]:
    """"Y was quoted by X as saying CONTENT" / "CONTENT, Y was quoted by X as saying"."""
    text = ctx.text
    p = ss + len(_PASSIVE_RE.sub("", pre).rstrip())
    np = Q._np_back(text, ss, p)
    by = _BY_RE.match(text, ce, se)
    if not np or not by:
        return None
    agent = Q._np_fwd(text, by.end(), se)
    m = _AS_SAYING_RE.search(text, ce, min(se, ce + 160))
    lead = text[ss:np[0]]
    if m and len(text[m.end():se].split()) >= 2:
        content = (m.end(), se)
    elif lead.rstrip().endswith(",") and len(lead.split()) >= 3:
        content = (ss, np[0])
    else:
        return None
    src = _source(ctx, np[0], np[1], se)
    if src is None or not agent:
        return None
    via = _media_name(ctx, *agent)
    name, skind, role, s0, e0, low = src
    c0, c1 = _span(text, *content)
    if c1 - c0 < 3:
        return None
    aff, g = _person_facts(ctx, name, skind, s0, e0, se)
    return Attribution("indirect", c0, c1, text[c0:c1], name or "", s0, e0, skind, role,
                       text[cs:ce], cs, ce, via, aff, g)


_POSS_NAME_RE = re.compile(r"^(?:[A-Z][\w.-]*\s+){0,3}?[A-Z][\w.-]*[’']s\s+(?:[a-z][\w-]*\s+){0,3}"
                           r"((?:[A-Z][\w’'.&-]*)(?:\s+(?:[A-Z][\w’'.&-]*|al|de|of|the))*)"
                           r"(?:\s+(?:news\s+agency|agency|newspaper|daily|television|TV|radio|network|channel|website))?$")
_MEDIA_TAIL_RE = re.compile(r"\b(?:news\s+agency|agency|newspaper|daily|television|TV|radio|network|channel|"
                            r"website|magazine|broadcaster)$")


def _media_name(ctx, s: int, e: int) -> str:
    """The outlet named by text[s:e]: "Russia's Tass news agency" -> "Tass"."""
    text = ctx.text
    phrase = Q._WS_RE.sub(" ", text[s:e])
    m = _POSS_NAME_RE.match(phrase)
    if m:
        return m.group(1)
    mention = ctx.mention_in(s, e)
    if mention is not None and mention.kind == "media":
        return mention.entity
    return phrase[4:] if phrase[:4].lower() == "the " else phrase


def _after_that(text: str, p: int, hi: int, *, tell: bool = False) -> int:
    """Where the content starts after a cue: past 'that', 'in a statement that', a colon; after
    a verb of telling, past its hearer too ("told reporters on Monday that")."""
    m = (_TELL_THAT_RE if tell else _THAT_RE).match(text, p, min(hi, p + 70))
    if m:
        return m.end()
    return p


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
    from .tables import TABLES

    ctx = Q._context(result.parsed, result.mentions)
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


# --------------------------------------------------------------------------- views (notebook 1)


def _labels(tables) -> dict:
    from .profile import labels

    return labels(tables)


def attribution_counts(tables):
    """One row per article: its direct, mixed and indirect attributions, and the indirect share.

    >>> from analysis.export import analyse
    >>> from analysis.config import SEEDS_DIR
    >>> list(attribution_counts(analyse(SEEDS_DIR)).columns)
    ['article', 'direct', 'mixed', 'indirect', 'total', 'indirect_share']
    """
    import pandas as pd

    a = tables.attributions
    lab = _labels(tables)
    counts = a.groupby(["article_id", "kind"]).size().unstack(fill_value=0) if len(a) else pd.DataFrame()
    rows = []
    for aid in sorted(tables.articles.article_id):
        r = {k: int(counts.at[aid, k]) if aid in counts.index and k in counts.columns else 0
             for k in ("direct", "mixed", "indirect")}
        total = sum(r.values())
        rows.append({"article": lab[aid], **r, "total": total,
                     "indirect_share": round((r["indirect"] + r["mixed"]) / total, 2) if total else None})
    return pd.DataFrame(rows, columns=["article", "direct", "mixed", "indirect", "total", "indirect_share"])


def indirect_table(tables, *, width: int = 100):
    """The indirect and mixed attributions: who is credited with what, through which cue."""
    import pandas as pd

    a = tables.attributions
    a = a[a.kind != "direct"]
    short = a.content.map(lambda s: " ".join(s.split()) if len(s) <= width else " ".join(s[:width].split()) + "…")
    out = pd.DataFrame({
        "article": a.article_id.map(_labels(tables)), "start": a.content_start, "kind": a.kind,
        "source": a.source, "source_kind": a.source_kind, "cue": a.cue, "via": a.via,
        "speaker_affiliation": a.speaker_affiliation, "speaker_gender": a.speaker_gender, "content": short,
    })
    return out.sort_values(["article", "start"]).reset_index(drop=True)


def affiliations(tables):
    """Speakers with an affiliation, and how many attributions each has."""
    import pandas as pd

    a = tables.attributions
    a = a[a.speaker_affiliation.fillna("") != ""]
    if not len(a):
        return pd.DataFrame(columns=["source", "speaker_affiliation", "attributions", "articles"])
    g = a.groupby(["source", "speaker_affiliation"]).agg(attributions=("kind", "size"),
                                                        articles=("article_id", "nunique")).reset_index()
    return g.sort_values(["attributions", "source"], ascending=[False, True]).reset_index(drop=True)


def gender_shares(tables, *, by: str = "outlet"):
    """Per outlet (or ``by="article"``): attributions to women, to men, undecided, and the share
    of women among those whose gender the text decides (the Gender Gap Tracker's measure)."""
    import pandas as pd

    if by not in ("outlet", "article"):
        raise ValueError(f"gender_shares: by={by!r}; use 'outlet' or 'article'")
    a = tables.attributions
    a = a[a.source_kind == "person"]
    arts = tables.articles
    key = (arts.set_index("article_id").outlet.fillna("(outlet unknown)") if by == "outlet"
           else pd.Series(_labels(tables)))
    col = a.article_id.map(key)
    g = a.speaker_gender.fillna("").replace("", "undecided")
    t = pd.crosstab(col, g) if len(a) else pd.DataFrame()
    rows = []
    for k in sorted(set(key)):
        f = int(t.at[k, "female"]) if k in t.index and "female" in t.columns else 0
        m = int(t.at[k, "male"]) if k in t.index and "male" in t.columns else 0
        u = int(t.at[k, "undecided"]) if k in t.index and "undecided" in t.columns else 0
        rows.append({by: k, "female": f, "male": m, "undecided": u,
                     "share_women": round(f / (f + m), 2) if f + m else None})
    return pd.DataFrame(rows, columns=[by, "female", "male", "undecided", "share_women"])
