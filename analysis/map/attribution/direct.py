"""Direct quotes: quotation marks paired in body paragraphs, who said each quote (a cue before or
after it, a pronoun, a continuation of the previous quote), and scare quotes / titles told
apart from speech (returned as :class:`ScareQuote`).

Works with ``mentions == []`` (own capitalised-name heuristics) and uses mentions when given
(canonical names, person/media/place kinds).

>>> from analysis.records import Article
>>> from analysis.map.parse import parse_article
>>> p = parse_article(Article("a", "", 'Title\\n\\n"We will win," said John Smith, a rebel commander.'))
>>> q, s = find_quotes(p, [])
>>> q[0].quote, q[0].speaker, q[0].speaker_role, q[0].how
('We will win,', 'John Smith', 'rebel', 'after')
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from ...records import Mention, Parsed, Quote, ScareQuote
from .context import _context
from .cues import _ATTR_CUE_RE, _CUE_RE
from .indirect import _SUBJECT_APPOS_RE, _indirect
from .lexicon import (
    ADVERBS_BEFORE_CUE, ANON_HEADS, COMMON_SENTENCE_STARTERS, DETERMINERS, ISSUE_VERBS_ALT, LEXICON_TAGS,
    MODIFIERS, NAME_CONNECTORS, PRONOUNS, STATEMENT_HEADS, _ALL_ROLE_SINGLE, _CALENDAR_WORDS, _entity_kind,
    _WS_RE,
)
from .marks import _MARK_RE, _pair_marks
from .phrases import (
    CLAUSE_WORDS, INTRO_WORDS, _TRAIL_ADV_RE, _appos_after, _described_head, _gap, _np_back, _np_fwd, _subject, _toks,
)
from .sentences import _sent_end, _sent_start
from .speakers import _Speaker, _classify, _cue_speaker

if TYPE_CHECKING:
    from .context import _Ctx

# a phrase of lower-case words ending in a two-word capitalised name (the speaker's name)
_ROLE_NAME_RE = re.compile(r"^(?:[a-z0-9][\w’'-]*\s+){1,5}[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3}$")
#: ", NAME" closing a description after a cue ("said his best friend at Lehigh, Bruce Turry,")
_APPOS_NAME_AFTER_RE = re.compile(r"[^,.;:“”\"]{0,70}?,\s+((?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'-]+)"
                                  r"(?=\s*(?:[,.;]|$|\s+(?:who|whose|said|says)\b))")
#: words that start a clause, not a speaker phrase: "“...,” but the White House said" is no
#: speaker phrase with "but" dropped
_CLAUSE_WORDS = INTRO_WORDS | CLAUSE_WORDS | {"than", "nor", "be", "been", "not", "of", "about", "after", "before"}


def _np_past_adjectives(text: str, p: int, hi: int):
    """A speaker phrase after a cue that opens with up to four plain lower-case words and ends
    with a name of two or more capitalised words ("said undecided Republican voter Stephanie
    Hooton of Derry"), or None."""
    toks = _toks(text, p, min(hi, p + 120), 8)
    if not toks or toks[0].s != p:
        return None
    lower = 0
    end = None
    the = toks[0].lw == "the"  # "said the younger Mr. Trump": a name after "the" and plain words
    for k, t in enumerate(toks[1:] if the else toks, 1 if the else 0):
        if k and _gap(text, toks[k - 1], t) != "space":
            break
        if t.w[0].islower():
            role_of = t.w == "of" and lower and k + 1 < len(toks) and toks[k + 1].w[0].islower()
            if (t.w in _CLAUSE_WORDS and not role_of) or t.w in DETERMINERS or end is not None or lower == 4:
                break  # ("master of ceremonies Asab Al-Tabchi": "of" inside a role)
            lower += 1
        elif k and toks[k - 1].w[0].isupper():
            end = t.e  # (a second capitalised word in a row)
    if the and end is not None and not _CLAUSE_END_RE.match(text, end, hi):
        return None  # ("said the annual Super Bowl ad would ...": no speaker)
    return (p, end) if lower and end is not None else None


#: a clause that ends with a document its subject issued, before a comma and a quote ("Trump
#: issued a statement, “…”")
_ISSUED_DOCUMENT_RE = re.compile(r"\b(%s)\s+(?:a|an|his|her|its|their|the)\s+(?:[\w’'-]+\s+){0,2}(?:%s)\s*,$"
                                 % (ISSUE_VERBS_ALT, "|".join(sorted(STATEMENT_HEADS))))
#: "that" right before an opening quotation mark: the quote is a reported clause's object
_THAT_BEFORE_RE = re.compile(r"\bthat\s*$")
#: a description's name given after it ("the base chief known as Bob", "a man identified only as Ali")
_KNOWN_AS_RE = re.compile(r",?\s+(?:known|identified)(?:\s+only)?\s+as\s+((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)"
                          r"(?=\s*(?:[,.;:!?—–]|$))")
#: what may follow a speaker phrase after a quote's cue: the end of the clause, an apposition
_CLAUSE_END_RE = re.compile(r"\s*(?:[,.;:!?—–]|$|\s(?:who|whose)\b)")


def _the_described_after_cue(text: str, p: int, hi: int):
    """A definite description that ends the clause after a quote's cue: "“…,” said the second
    official." (a word the noun-phrase reader does not know, "second", "angry", before its head
    noun), or None. Only where nothing follows the head but the end of the clause: "said the deal
    would hurt workers" is no speaker."""
    toks = _toks(text, p, min(hi, p + 100), 8)
    if len(toks) < 2 or toks[0].s != p or toks[0].lw != "the":
        return None
    k = _described_head(text, toks)
    if k is None or any(LEXICON_TAGS.get(t.lw, "JJ")[:2] not in ("JJ", "NN", "CD") for t in toks[1:k]):
        return None  # ("would", "hurt": a clause, not a description)
    rest = text[toks[k].e:hi].lstrip(" ")
    known = _KNOWN_AS_RE.match(text, toks[k].e, hi)
    if known:  # "said the base chief known as Bob": the name
        return known.span(1)
    if rest[:1] == "," and rest[1:].lstrip()[:1].isupper():
        return None  # "said the group's president, Loris De Filippi": the name in apposition speaks
    return (p, toks[k].e) if not rest or rest[0] in ".,;:!?—–" else None


#: nouns that end "said a ..." as a time, not a speaker ("said a day later" ends elsewhere anyway)
_TIME_NOUNS = frozenset(("day", "week", "month", "year", "time", "moment", "minute", "hour", "while", "bit",
                         "lot", "second", "decade", "century"))


def _a_described_after_cue(text: str, p: int, hi: int):
    """An indefinite description that ends the clause after a quote's cue, whose head noun no
    list of person words holds: "“…,” says a narrator.", "said one longtime attendee," (plain
    lower-case words of the tagger's lexicon, the last a singular noun); or None."""
    toks = _toks(text, p, min(hi, p + 80), 6)
    if len(toks) < 2 or toks[0].s != p or toks[0].lw not in ("a", "an", "one", "another"):
        return None
    for k in range(1, min(len(toks), 5)):
        t = toks[k]
        if not t.w.isalpha() or not t.w.islower() or _gap(text, toks[k - 1], t) != "space":
            return None
        rest = text[t.e:hi].lstrip(" ")
        if not rest or rest[0] in ".,;:!?—–":
            ok = LEXICON_TAGS.get(t.lw) == "NN" and t.lw not in _TIME_NOUNS
            return (p, t.e) if ok else None
        if LEXICON_TAGS.get(t.lw, "")[:2] not in ("JJ", "NN"):
            return None  # ("said a lot has changed": a clause)
    return None


def _reported_before(ctx: _Ctx, bs: int, ss: int, o: int):
    """The speaker of the sentence before ``ss`` (in the same paragraph) when that sentence
    reports speech without quotation marks and opens with its speaker: "X says ...",
    "X said that ..."; a named speaker only.

    >>> from analysis.records import Article
    >>> from analysis.map.parse import parse_article
    >>> t = ("Title\\n\\nThe report came out on Monday.\\n\\nTom Perez says many mothers feel guilty at "
    ...      "work. “They feel like a bad employee and a bad mom.”\\n\\nThe end.")
    >>> [(q.speaker, q.how) for q in find_quotes(parse_article(Article("a", "", t)), [])[0]]
    [('Tom Perez', 'paragraph')]
    """
    text = ctx.text
    pend = ss
    while pend > bs and text[pend - 1].isspace():
        pend -= 1
    if pend <= bs or text[pend - 1] not in ".!?":
        return None
    pss = _sent_start(text, bs, pend - 1)
    if _MARK_RE.search(text, pss, pend) or text[bs:pss].rstrip()[-1:] in ("\"", "”", "’", "'"):
        return None  # it quotes someone itself, or is the cue of the quote before (a continuation)
    np = _subject(ctx, pss, pend)
    if np is None:
        return None
    p = np[1]
    appos = _SUBJECT_APPOS_RE.match(text, p, pend)
    if appos and "," in appos.group():  # "John Lawrence, former chief of staff to Pelosi, says ..."
        p = appos.end()
    for _ in range(3):  # "X also said", "X has long said"
        while p < pend and text[p].isspace():
            p += 1
        w = re.match(r"[a-z]+", text[p:p + 20])
        if w is None or w.group() not in ADVERBS_BEFORE_CUE:
            break
        p += w.end()
    if _CUE_RE.regex.match(text, p, pend) is None:
        return None
    spk = _classify(ctx, np[0], np[1], "", o)
    return spk if spk is not None and spk.name and spk.kind == "named" else None


_CONTRAST_WORDS = frozenset({"but", "and", "yet", "while", "although", "though", "whereas"})
_HEARER_CUE_RE = re.compile(r"(?:told|tells|tell|telling)\b", re.I)


def _speaker_past_phrase(ctx: _Ctx, lead: int, cm: re.Match, se: int, o: int):
    """The speaker of a quote when words stand between its closing mark and the cue.

    Two shapes: the quoted sentence goes on outside the marks and ends with the cue
    ("“...” but to take the lead in advertising, says Evan Tracey, a consultant." /
    "“...” that Sanders can win, Elmendorf said."), and a speaker phrase whose first words are
    no name ("“...,” super PAC spokeswoman Kellyanne Conway said."). Only a named speaker (or,
    after a comma, an unnamed one) counts.

    >>> from analysis.records import Article
    >>> from analysis.map.parse import parse_article
    >>> t = "Title\\n\\n“They don't have a choice” but to lead in advertising, says Evan Tracey, a consultant."
    >>> [q.speaker for q in find_quotes(parse_article(Article("a", "", t)), [])[0]]
    ['Evan Tracey']
    """
    text = ctx.text
    phrase = text[lead:cm.start()]
    comma = phrase.rstrip().rfind(",")
    if phrase.rstrip().endswith(","):  # "..., says Evan Tracey"
        if not phrase[:1].islower() or len(phrase.split()) > 10 or _HEARER_CUE_RE.match(cm.group()):
            return None  # a new sentence; "..., Jane Roe told Slate": Slate only heard it
        q0 = cm.end()
        while q0 < se and text[q0].isspace():
            q0 += 1
        np = _np_fwd(text, q0, se)
        if np is None:
            return None
        if text[np[0]:np[1]].lower() in _CALENDAR_WORDS:
            return None  # "..., Tucson, said Monday"
        spk = _classify(ctx, np[0], np[1], _appos_after(text, np[1], se), o)
        return spk if spk is not None and spk.name and spk.kind in ("named", "anonymous") else None
    seg = lead + comma + 1 if comma >= 0 else lead  # "..., Elmendorf said" / "super PAC spokeswoman X said"
    np = _np_back(text, seg, cm.start())
    if np is None or len(text[seg:cm.start()].split()) > 8:
        return None
    dropped = text[seg:np[0]].split()
    if comma >= 0 and dropped or len(dropped) > 2 or any(w.lower() in _CLAUSE_WORDS for w in dropped):
        return None
    if comma < 0 and not dropped:
        return None  # (the whole phrase was classified before)
    spk = _classify(ctx, np[0], np[1], "", o)
    return spk if spk is not None and spk.name and spk.kind == "named" else None


# words just before a quoted title: "his book, “...”", "CNN's “...”", "a symposium titled “...”"
_WORK_CUE_RE = re.compile(
    r"(?:\b(?:book|titled|entitled|called|named|show|program|programme|film|movie|series|column|"
    r"op-ed|article|headline|song|album|novel|documentary|symposium|conference|essay|memoir|"
    r"slogan|tagline|campaign|hashtag)[,:]?|[A-Za-z][’']s)\s*$")
# words after which the quoted words are a printed text, in any case: 'running the headline “...”'
_PRINTED_CUE_RE = re.compile(
    r"\b(?:headline|headlined|titled|entitled|slogan|tagline|hashtag|motto|banner|placards?|signs?"
    r"(?: that)? (?:read|reading|said)|(?:sign|banner|placard|headline) (?:read|reading))[,:]?\s*$")


def _names_a_work(text: str, ss: int, o: int, q: str) -> bool:
    """Is the quote the title of a work (after "book", "titled", a possessive) or a printed text
    (after "the headline", "a sign reading")?"""
    core = q.rstrip(" ,.:;")
    tail = text[max(ss, o - 30):o]
    low = tail.lower()
    lo = max(ss, o - 30)
    if any(w in low for w in _PRINTED_HINTS) and _PRINTED_CUE_RE.search(text, lo, o) and len(core.split()) <= 12:
        return True
    return (_looks_title(core) and not core.endswith(("!", "?"))
            and _WORK_CUE_RE.search(text, lo, o) is not None)


_PRINTED_HINTS = ("head", "titl", "slogan", "tagline", "hashtag", "motto", "banner", "placard", "sign")
#: Lower-case words a title in Title Case may contain ("Conquest of Aleppo", "State of the Union").
TITLE_SMALL_WORDS = NAME_CONNECTORS | {"a", "an", "in", "on", "to", "is", "as", "at", "by", "&"}


def _looks_title(q: str) -> bool:
    words = q.split()
    if not words or q.rstrip()[-1:] in ".!?," or not words[0][:1].isupper() or len(words) > 10:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w in TITLE_SMALL_WORDS for w in words)


def find_quotes(parsed: Parsed, mentions: list[Mention]) -> tuple[list[Quote], list[ScareQuote]]:
    """Direct quotes with speakers, and scare quotes/titles, in the body paragraphs.

    >>> from analysis.records import Article
    >>> from analysis.map.parse import parse_article
    >>> t = 'T\\n\\n“We are ready,” he said. Rebels hold the “capital” of the region.'
    >>> q, s = find_quotes(parse_article(Article("a", "", t)), [])
    >>> q[0].quote, q[0].speaker_kind, s[0].text, s[0].reason
    ('We are ready,', 'unattributed', 'capital', 'short fragment')
    """
    ctx = _context(parsed, mentions)
    found, scare = _find_quotes(ctx)
    real = ctx.source_text
    if real is not ctx.text:  # cut the strings from the text as written
        found = [q._replace(quote=real[q.start:q.end]) for q in found]
        scare = [x._replace(text=real[x.start:x.end]) for x in scare]
    return found, scare



def _name_before(ctx: _Ctx, lo: int, p: int) -> Optional[tuple]:
    """The span of a person's name (titles and roles before it allowed) that ends at ``p``, or None."""
    text = ctx.text
    np = _np_back(text, lo, p)
    if np is None or np[1] != p or not text[np[0]:np[0] + 1].isupper():
        return None
    name = _WS_RE.sub(" ", text[np[0]:np[1]])
    words = name.split()
    mention = ctx.head_mention(*np)
    if len(words) < 2 or len(words) > 6 or words[0].lower() in COMMON_SENTENCE_STARTERS \
            or not words[-1][:1].isupper() or _entity_kind(name, mention) != "person":
        return None
    return np


#: a quoted fragment inside a sentence of reported speech ("Dave Gorab called the show “the
#: conservative news show of record”") is a quote of the clause's source from this many words;
#: shorter ones ("called him “dopey”") stay scare quotes
CLAUSE_QUOTE_MIN_WORDS = 4


def _clause_speaker(ctx: _Ctx, bs: int, be: int, ss: int, o: int, e: int) -> Optional[tuple[_Speaker, str]]:
    """(speaker, cue) of the reported speech whose content holds the quote text[o+1:e], from the
    nearest attribution cue before the quote in its sentence whose content holds it ("Mike Huckabee is labeling Obama’s
    actions “a blatant abuse of power”"); or None."""
    text = ctx.text
    cues = list(_ATTR_CUE_RE.finditer(text, ss, o))
    if not cues:
        return None
    with ctx.trial():  # the attributions stage reads this sentence again later
        for cm in reversed(cues):  # the nearest cue first
            att = _indirect(ctx, cm.group(), cm.start(), cm.end(), bs, be, _NOWHERE)
            if att is not None and att.content_start <= o + 1 and att.content_end >= e - 1:
                break
        else:
            return None
    if not att.source or att.source_kind == "unattributed":
        return None
    kind = "anonymous" if att.source_kind == "anonymous" else "named"
    return (_Speaker(att.source, kind, att.speaker_role, att.source_start, att.source_end, att.source_kind),
            _WS_RE.sub(" ", att.cue))


def _cue_source(ctx: _Ctx, cm: re.Match, bs: int, be: int, o: int, e: int) -> Optional[tuple[_Speaker, str]]:
    """(speaker, cue) of the reported speech of the one cue ``cm`` when its content holds the
    quote text[o+1:e] ("Another source familiar with Lee’s thinking said, “"); or None."""
    with ctx.trial():  # the attributions stage reads this sentence again later
        att = _indirect(ctx, cm.group(), cm.start(), cm.end(), bs, be, _NOWHERE)
    if att is None or not (att.content_start <= o + 1 and att.content_end >= e - 1) \
            or not att.source or att.source_kind == "unattributed" or att.source_start is None \
            or att.source_start >= cm.start():
        return None
    kind = "anonymous" if att.source_kind == "anonymous" else "named"
    return (_Speaker(att.source, kind, att.speaker_role, att.source_start, att.source_end, att.source_kind),
            _WS_RE.sub(" ", att.cue))


def _NOWHERE(_p: int) -> bool:
    return False


def _find_quotes(ctx: _Ctx):
    text = ctx.text
    raw = []  # dicts with positions
    nb = len(ctx.blocks)
    for bi, (bs, be) in enumerate(ctx.blocks):
        for o, c in _pair_marks(text, bs, be):
            s, e = o + 1, (c if c is not None else be)
            s2, e2 = s, e
            while s2 < e2 and text[s2].isspace():
                s2 += 1
            while e2 > s2 and text[e2 - 1].isspace():
                e2 -= 1
            if s2 >= e2:
                continue
            cont_next = False
            if c is None and bi + 1 < nb:
                ns = ctx.blocks[bi + 1][0]
                cont_next = text[ns:ns + 1] in "\"“”"
            raw.append({"o": o, "c": c, "s": s2, "e": e2, "b": bi, "cont_next": cont_next})
    ctx.quoted = sorted((r["o"], r["c"] if r["c"] is not None else r["e"]) for r in raw)
    scares: list[ScareQuote] = []
    kept = []  # (raw, Quote)
    prev_close_in_block = {}
    for k, r in enumerate(raw):
        o, c, s, e, bi = r["o"], r["c"], r["s"], r["e"], r["b"]
        bs, be = ctx.blocks[bi]
        qtext = text[s:e]
        nwords = len(qtext.split())
        spk, how, cue = None, "", ""
        adjacent = False
        # ---- after: “...,” said X / “...,” X said
        if c is not None:
            p = c + 1
            nxt_mark = _MARK_RE.search(text, p, be)
            hi = min(be, p + 220, nxt_mark.start() if nxt_mark else be)
            se = _sent_end(text, p, hi)
            lead = p
            while lead < se and (text[lead].isspace() or text[lead] in ",—–-"):
                lead += 1
            # a comma or question mark before the closing mark, also inside a closing single
            # quote ("... he said, ‘I sort of hope that happens,’” Clinton told ...)
            soft = qtext.rstrip("’'")[-1:] in ",?!—–-…" or text[c - 1:c] in ",?!"
            cm = _CUE_RE.search(text, lead, se)
            ctx.after_quote = (bs, o)  # (is there no cue before the quote? decided when needed)
            if cm and lead < se and (soft or text[lead:lead + 1].islower()
                                     or len(text[cm.end():se].split()) <= 4):
                phrase = text[lead:cm.start()]
                if not phrase.strip():
                    if cm.group().startswith("according"):
                        np = _np_fwd(text, cm.end() + 1, se)
                    else:
                        q0 = cm.end()
                        while q0 < se and text[q0].isspace():
                            q0 += 1
                        np = (_np_fwd(text, q0, se) or _np_past_adjectives(text, q0, se)
                              or _the_described_after_cue(text, q0, se) or _a_described_after_cue(text, q0, se))
                    if np:
                        extra = _appos_after(text, np[1], se)
                        spk = _classify(ctx, np[0], np[1], extra, o)
                    if (spk is None or spk.kind == "anonymous") and not cm.group().startswith("according"):
                        # "said his best friend at Lehigh, Bruce Turry," / "said a spokeswoman for
                        # the hotels, Jennifer Rodstrom.": the name in apposition is the speaker
                        am = _APPOS_NAME_AFTER_RE.match(text, np[1] if np else cm.end(), se)
                        if am:
                            alt = _classify(ctx, am.start(1), am.end(1), "", o)
                            if alt is not None and alt.kind == "named" and alt.ekind == "person":
                                spk = alt
                elif (len(phrase.split()) <= (26 if "," in phrase else 12) and not _MARK_RE.search(phrase)
                      and phrase.split()[0].lower() not in _CONTRAST_WORDS  # "“...,” but the White House said"
                      and (phrase.split()[0].lower() in PRONOUNS or phrase.split()[0].lower() in DETERMINERS
                           or phrase[:1].isupper() or phrase.split()[0].lower() in MODIFIERS | _ALL_ROLE_SINGLE
                           or phrase.split()[0] == "it"
                           or phrase.split()[0].lower() in ANON_HEADS
                           # "communications director Adrienne Watson", "31-year-old fan Robert Williams"
                           or (len(phrase.split()) <= 8 and "," not in phrase
                               and _ROLE_NAME_RE.search(phrase.rstrip())))):
                    cut = phrase.find(",")
                    head_end = lead + cut if cut > 0 else cm.start()
                    p_end = lead + len(_TRAIL_ADV_RE.sub("", phrase.rstrip()))  # "he later said"
                    # "X, a rebel commander, told" or "A rebel commander, X, told"
                    spk = _classify(ctx, lead, p_end, "", o)
                    if spk and spk.kind == "anonymous" and cut > 0:
                        alt = _classify(ctx, head_end + 1, p_end, phrase[:cut], o)
                        if alt and alt.kind == "named":
                            spk = alt
                if spk is None and phrase.strip() and not cm.group().startswith("according"):
                    spk = _speaker_past_phrase(ctx, lead, cm, se, o)
                if spk and cm.group().lower() == "read" and phrase.strip().lower() in PRONOUNS:
                    spk = None  # "“Help Syrians,” they read": the signs held up, not whoever was named before
                if spk:
                    how, cue, adjacent = "after", _WS_RE.sub(" ", cm.group()), True
            ctx.after_quote = None
            if spk is not None and _THAT_BEFORE_RE.search(text, max(bs, o - 12), o):
                # "Trump claimed that “…,” one of the prosecutors said the cases differ": a quote
                # that is the object of "that" belongs to the cue before it
                ss = _sent_start(text, bs, o)
                np, cm = _cue_speaker(ctx, max(ss, prev_close_in_block.get(bi, bs)), ss, o)
                alt = _classify(ctx, np[0], np[1], "", np[0]) if np else None
                if alt is not None:
                    spk, how, cue, adjacent = alt, "before", _WS_RE.sub(" ", cm.group()), False
        # ---- before: X said: “...” / saying, “...” / X said the plan was “...”
        if spk is None:
            ss = _sent_start(text, bs, o)
            lo = max(ss, prev_close_in_block.get(bi, bs))
            clause = text[lo:o]
            tail = clause.rstrip()
            ends_punct = tail[-1:] in (",", ":", "—", "–")
            np, cm = _cue_speaker(ctx, lo, ss, o)
            if np:
                spk = _classify(ctx, np[0], np[1], "", np[0])
                if spk:
                    how, cue = "before", _WS_RE.sub(" ", cm.group())
                    adjacent = ends_punct and len(text[cm.end():o].split()) <= 5
            if spk is None and tail.endswith(",") and _ISSUED_DOCUMENT_RE.search(tail):
                # "Trump issued a statement, “…”": who issued it
                np = _subject(ctx, ss, o)
                if np:
                    spk = _classify(ctx, np[0], np[1], "", np[0])
                    if spk:
                        how, cue, adjacent = "before", _ISSUED_DOCUMENT_RE.search(tail).group(1), True
            if spk is None and tail.endswith(":"):
                # "... doesn't surprise Republican pollster Daron Shaw: “": a person's name before
                # the colon speaks; else the sentence's subject
                np = _name_before(ctx, lo, lo + len(tail) - 1)
                if np is None:
                    np = _subject(ctx, ss, o) if ss < o - 1 else None
                if np:
                    spk = _classify(ctx, np[0], np[1], "", np[0])
                    if spk:
                        how, cue, adjacent = "colon", ":", True
            if spk is None and ends_punct and cm is not None and o - lo > 8:
                # "Another source familiar with Lee’s thinking said, “", "Sen. X (D-Ill.), noting
                # ..., said, “": a subject the phrase rules miss; the reported-speech rules of
                # the nearest cue (the whole subject, past its appositions) may name it
                found = _cue_source(ctx, cm, bs, be, o, e)
                if found is not None:
                    spk, cue = found
                    how, adjacent = "before", len(text[cm.end():o].split()) <= 5
            # previous paragraph ends with "X said:" / "As X wrote," and this one opens with the quote
            if spk is None and not clause.strip() and o == bs and bi > 0:
                pbs, pbe = ctx.blocks[bi - 1]
                ptail = text[pbs:pbe].rstrip()
                if ptail.endswith((":", ",")):
                    pend = pbs + len(ptail) - 1
                    pss = _sent_start(text, pbs, pend)
                    np, cm = _cue_speaker(ctx, pss, pss, pend)
                    if np:
                        spk = _classify(ctx, np[0], np[1], "", np[0])
                        if spk:
                            how, cue, adjacent = "before", _WS_RE.sub(" ", cm.group()), True
                    if spk is None and ptail.endswith(":"):
                        np = _subject(ctx, pss, pbe)
                        if np:
                            spk = _classify(ctx, np[0], np[1], "", np[0])
                            if spk:
                                how, cue, adjacent = "colon", ":", True
        if spk is not None and spk.how:
            how = spk.how if spk.name else how
        # ---- not attributed: scare quote, title, fragment, continuation?
        ss = _sent_start(text, bs, o)
        before = text[ss:o].strip()
        embedded = bool(before) and not before.endswith((":",)) and not (before.endswith(",") and spk)
        starts_upper = qtext[:1].isupper() or qtext[:1] in "‘'(["
        reason = ""
        if nwords <= 12 and not r.get("prev_cont") and _names_a_work(text, ss, o, qtext):
            reason = "title"  # “The Hidden Welfare State,” after "in his book,"; CNN’s “State of the Union”
        elif spk is None or not adjacent:
            if _looks_title(qtext) and nwords <= 8 and not adjacent:
                reason = "title"
            elif nwords <= 3 and not r.get("prev_cont") and (
                    embedded or not starts_upper or qtext.rstrip()[-1:] not in ".!?"):
                reason = "short fragment"
            elif spk is None and embedded and (not starts_upper or nwords <= 5):
                reason = "unattributed fragment" if not starts_upper else "short fragment"
                if nwords >= CLAUSE_QUOTE_MIN_WORDS and not r.get("prev_cont"):
                    found = _clause_speaker(ctx, bs, be, ss, o, e)
                    if found is not None:  # "X called the show “the news show of record”"
                        (spk, cue), reason, how = found, "", "clause"
        if reason and not r.get("prev_cont"):
            scares.append(ScareQuote(s, e, qtext, reason))
            r["scare"] = True
            if c is not None and reason != "title":  # "in his book, “Title,” “quote”": the cue still counts
                prev_close_in_block[bi] = c + 1
            continue
        if spk is None and starts_upper and not before:
            # the sentence before reports the same speaker ("Perez says too many women feel
            # guilty. “They feel like a bad employee.”")
            spk = _reported_before(ctx, bs, ss, o)
            if spk is None and o == bs and bi > 0:
                # or the last sentence of the paragraph before ("Dean continued his scathing
                # remarks.¶“Eight years ago she was the presumed nominee.”")
                spk = _reported_before(ctx, ctx.blocks[bi - 1][0], ctx.blocks[bi - 1][1], o)
            if spk is not None:
                how, cue = "paragraph", ""
        if spk is None:
            # continuation of previous quote (same or previous block)
            prevq = kept[-1] if kept else None
            if prevq and (prevq[0]["b"] == bi or (prevq[0]["b"] == bi - 1 and o == bs) or r.get("prev_cont")) \
                    and prevq[1].speaker is not None:
                pq = prevq[1]
                quotes_row = Quote(s, e, qtext, pq.speaker, pq.speaker_kind, pq.speaker_role, "",
                                   None, None, "continuation")
            else:
                quotes_row = Quote(s, e, qtext, None, "unattributed", "", "", None, None, "")
        else:
            kind = "named" if spk.name and spk.kind == "named" else spk.kind
            quotes_row = Quote(s, e, qtext, spk.name, kind if spk.name else "unattributed",
                               spk.role, cue, spk.s, spk.e, how)
        if r["cont_next"] and k + 1 < len(raw):
            raw[k + 1]["prev_cont"] = True
        kept.append((r, quotes_row))
        if c is not None:
            prev_close_in_block[bi] = c + 1
    # multi-paragraph chains: fill unattributed members from an attributed member
    out = [q for _, q in kept]
    for i in range(len(kept) - 2, -1, -1):
        r, q = kept[i]
        if r["cont_next"] and q.speaker is None and kept[i + 1][1].speaker is not None:
            n = kept[i + 1][1]
            out[i] = q._replace(speaker=n.speaker, speaker_kind=n.speaker_kind,
                                speaker_role=n.speaker_role, how="continuation")
            kept[i] = (r, out[i])
    # roles learnt later in the article fill earlier rows of the same speaker
    for i, q in enumerate(out):
        if q.speaker and not q.speaker_role and q.speaker_kind == "named" and ctx.people() is not None:
            role = ctx.roles.get(q.speaker, "")
            if role:
                out[i] = q._replace(speaker_role=role)
    return out, scares
