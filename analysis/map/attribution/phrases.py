"""Tokens and noun phrases: the speaker phrase before a cue (:func:`_np_back`), after it
(:func:`_np_fwd`), a sentence's subject (:func:`_subject`), the apposition after a name
(:func:`_appos_after`), and trimming helpers.

>>> t = "Jane Roe, a rebel commander, said"
>>> t[slice(*_np_fwd(t, 0, len(t)))], _appos_after(t, 8, len(t))
('Jane Roe', ', a rebel commander')
"""
from __future__ import annotations

import re
from itertools import islice
from typing import Optional, TYPE_CHECKING

from .cues import _ATTR_CUE_RE, CUE_VERBS, cue_kind
from .lexicon import (
    ABBREVIATIONS, ADVERBS_BEFORE_CUE, ANON_HEADS, COMMON_SENTENCE_STARTERS, DETERMINERS, FIRST_NAMES,
    LEXICON_TAGS, MEDIA_HEADS, MEDIA_MODIFIERS, MEDIA_WORDS, MODIFIERS, MONTHS, NAME_CONNECTORS, NP_HEADS,
    ORG_WORDS, PERSON_HEADS, PRONOUNS, WEEKDAYS, _CALENDAR_WORDS, _role_word, _TITLE_RE,
)

if TYPE_CHECKING:
    from .context import _Ctx

INTRO_WORDS = {"but", "and", "or", "yet", "so", "however", "meanwhile", "still", "also", "now",
               "then", "indeed", "instead", "later", "earlier"}
#: cue verbs that may open a sentence before their speaker ("Said the adviser: “...”")
_INVERTING_CUES = frozenset("said says added adds wrote writes asked asks explained noted recalled".split())
_TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W_][\w’'\-]*(?:\.(?=\w))?[\w’'\-]*")
_ANON_POST_RE = re.compile(r",?\s+who\s+(?:asked|spoke|requested|declined|was|were|is|are|did)\b"
                           r"[^.,;“”\"]{0,60}?\b(?:named|anonymity|identified|publicly|record|"
                           r"authori[sz]ed)\b")



def _per_text(fn):
    """``fn(text, *args)`` remembered for the text it last saw (the finders of one article ask
    for the same phrases again: sources and attributions look at the same cues). ``fn`` must
    be pure and return something immutable."""
    cache: dict = {}
    seen = [None]

    def remembered(text, *args):
        if seen[0] is not text:
            cache.clear()
            seen[0] = text
        got = cache.get(args, cache)
        if got is cache:
            got = cache[args] = fn(text, *args)
        return got

    remembered.__doc__, remembered.__name__, remembered.__wrapped__ = fn.__doc__, fn.__name__, fn
    return remembered


class _Tok:
    """A token: offsets ``s``, ``e``, the word ``w`` and ``lw`` in lower case (from a match)."""

    __slots__ = ("s", "e", "w", "lw")

    def __init__(self, m: re.Match):
        self.s, self.e = m.span()
        self.w = w = m.group()
        self.lw = w.lower()


def _toks(text: str, s: int, e: int, limit: Optional[int] = None) -> list:
    """The tokens of text[s:e]; with ``limit``, only the first ``limit`` of them."""
    found = _TOKEN_RE.finditer(text, s, e)
    out = []
    add = out.append
    for m in found if limit is None else islice(found, limit):
        t = _new_tok(_Tok)  # (a _Tok(m) without the call of __init__: tokens are many)
        t.s, t.e = m.span()
        t.w = w = m.group()
        t.lw = w.lower()
        add(t)
    return out


_new_tok = object.__new__


def _gap(text: str, a: _Tok, b: _Tok) -> str:
    """'space' | 'comma' | 'break' for the characters between tokens a and b."""
    g = text[a.e:b.s]
    if not g.strip():
        return "space" if g.count("\n") <= 1 else "break"
    if g.strip() == "." and (a.lw in ABBREVIATIONS or len(a.w) == 1 and a.w.isupper()):
        return "space"  # "Gov. Perry", "Robert W. Goodlatte"
    if g.strip() == ",":
        return "comma"
    return "break"


def _strip_title(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop leading titles/nationality words: 'Syrian President Bashar al-Assad' -> name."""
    last = None
    for m in _TITLE_RE.finditer(text, s, e):
        last = m
    if last is not None and last.end() < e:
        return last.end(), e
    return s, e


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",;:—–-("):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-"):
        e -= 1
    return s, e


def _word_ok(t: _Tok, first: bool) -> bool:
    lw = t.lw
    return (t.w[:1].isupper() or lw in NAME_CONNECTORS or lw in NP_HEADS or lw in MODIFIERS or lw in ANON_HEADS
            or lw in MEDIA_HEADS or lw in MEDIA_MODIFIERS or lw in ORG_WORDS or lw == "family" or _role_word(lw) or (first and lw in DETERMINERS) or lw.startswith(("al-", "el-"))
            or _AGE_RE.fullmatch(lw) is not None)


#: an age before a name ("17-year-old Jared Potts")
_AGE_RE = re.compile(r"\d{1,3}-year-old")


@_per_text
def _np_back(text: str, lo: int, p: int) -> Optional[tuple[int, int]]:
    """Noun phrase ending just before ``p`` (skipping auxiliaries/adverbs), or None.

    >>> t = "State Department spokesman John Kirby also said"
    >>> s, e = _np_back(t, 0, t.index(" also"))
    >>> t[s:e]
    'State Department spokesman John Kirby'
    """
    t = _TIME_BEFORE_CUE_RE.search(text, max(lo, p - 48), p)
    if t is not None and (t.group(1) is not None or not _names_day(text[max(lo, t.start() - 12):t.start()])):
        p = t.start()  # "Hogan on Monday argued": the time is no part of the subject
    s0 = max(lo, p - 110)
    # most phrases are short: first the tokens of the last _NP_BACK_TAIL characters or so, from a
    # space on (so the same tokens as the whole window's last ones); the whole window when the
    # phrase may reach further back
    cut = text.rfind(" ", s0, p - _NP_BACK_TAIL) + 1
    if 0 < cut <= p:  # (a negative end counts from the end of the text: then there is no tail)
        tail = _toks(text, cut, p)
        got = _np_back_in(text, list(tail), p, True)
        if got is not _FURTHER:
            return got
        # no token spans the space before ``cut``: the window's tokens are those before it and the tail's
        return _np_back_in(text, _toks(text, s0, cut) + tail, p, False)
    return _np_back_in(text, _toks(text, s0, p), p, False)


#: a time between a subject and its cue: "Hogan on Monday argued", "officials Monday announced",
#: "Walker in January announced", "Cruz last week said" (group 1: the word before a weekday); not
#: one before a comma, which ends an apposition ("Khan, who spoke on Thursday, said")
_TIME_BEFORE_CUE_RE = re.compile(
    r"(?<=[\w.’'])(?:\s+(?:(on|late|early|earlier|later)\s+)?(?:%s)" % "|".join(sorted(WEEKDAYS)) +
    r"(?:\s+(?:night|morning|afternoon|evening))?"
    r"|\s+in\s+(?:%s)(?:\s+\d{4})?" % "|".join(MONTHS) +
    r"|\s+(?:last|this|earlier\s+this|later\s+this)\s+(?:week|month|year|morning|afternoon|evening|weekend)"
    r"|\s+(?:yesterday|today|tonight))\s*$")
#: words that make a weekday the name of something ("Super Tuesday", "Black Friday")
_DAY_NAMES = frozenset(("Super", "Black", "Cyber", "Good", "Holy", "Ash", "Palm", "Easter", "Giving"))


def _names_day(before: str) -> bool:
    """Does the word ending ``before`` make the weekday after it a name ("Super Tuesday", or a
    surname after a first name: "Billy Sunday")?"""
    w = before.rsplit(None, 1)[-1:]
    return bool(w) and (w[0] in _DAY_NAMES or w[0] in FIRST_NAMES)

#: the characters before a cue :func:`_np_back` tokenises first
_NP_BACK_TAIL = 40
_FURTHER = object()


def _np_back_in(text: str, toks: list, p: int, partial: bool):
    """:func:`_np_back` on the tokens ``toks`` before ``p``; with ``partial`` (more tokens may come
    before the first of ``toks``), ``_FURTHER`` when the answer could depend on them."""
    if partial and len(toks) < 4:
        return _FURTHER
    # skip auxiliaries / adverbs directly before the cue ("He later added")
    while toks and (toks[-1].lw in ADVERBS_BEFORE_CUE or toks[-1].lw.endswith("ly") and not toks[-1].w[:1].isupper()):
        if partial and len(toks) < 3:
            return _FURTHER
        if len(toks) >= 2 and _gap(text, toks[-2], toks[-1]) != "space":
            break
        if text[toks[-1].e:p].strip(" \n") not in ("", ","):
            break
        p = toks.pop().s
    if not toks or text[toks[-1].e:p].strip(" \n") not in ("", ","):
        return None
    if toks[-1].lw in PRONOUNS:
        return toks[-1].s, toks[-1].e
    i = len(toks) - 1
    start = None
    while i >= 0:
        if partial and i < 3:  # (below, the tokens before toks[i - 2] count)
            return _FURTHER
        t = toks[i]
        if i < len(toks) - 1 and _gap(text, t, toks[i + 1]) != "space":
            break
        if t.lw in DETERMINERS and not (t.lw == "the" and i + 1 < len(toks) and toks[i + 1].w[:1].isupper()
                                         and i > 0 and (toks[i - 1].lw in ("of", "for") or toks[i - 1].w[:1].isupper())
                                         and _gap(text, toks[i - 1], t) == "space"):
            start = i
            # "Name at the Institute" -> extend to the person before the preposition
            if (t.lw == "the" and i >= 2 and toks[i - 1].lw in ("at", "of", "from", "with")
                    and toks[i - 2].w[:1].isupper() and _gap(text, toks[i - 2], toks[i - 1]) == "space"
                    and _gap(text, toks[i - 1], t) == "space"):
                j = i - 2
                while j - 1 >= 0 and toks[j - 1].w[:1].isupper() and _gap(text, toks[j - 1], toks[j]) == "space":
                    j -= 1
                if partial and j == 0:  # the capitalised run may go on before toks
                    return _FURTHER
                start = j
            break
        if not _word_ok(t, False):
            break
        start = i
        i -= 1
    if start is None:
        return None
    # no leading connectors; sentence-initial common words are not names
    while start < len(toks) and toks[start].lw in NAME_CONNECTORS and toks[start].lw != "the":
        start += 1
    if start >= len(toks):
        return None
    if toks[start].lw in COMMON_SENTENCE_STARTERS and toks[start].lw not in DETERMINERS and start + 1 < len(toks):
        start += 1
    words = toks[start:]
    if not any(w.w[:1].isupper() or w.lw in ANON_HEADS or w.lw in MEDIA_HEADS or w.lw in NP_HEADS for w in words):
        return None
    if all(w.lw in _CALENDAR_WORDS or w.lw in NAME_CONNECTORS for w in words):
        return None  # a day ("X, who spoke on Friday, said", "his case Tuesday and said") or a
        # connector alone ("The alleged shooter": no cue there) names nobody
    return toks[start].s, toks[-1].e


#: a pronoun with a contracted auxiliary ("he's", "she'd", "they've")
_CLITIC_RE = re.compile(r"([a-z]+)[’'](?:s|d|ll|ve|re|m)")
#: how many words a noun phrase after a cue may have (plus one, to look past its end)
_NP_FWD_TOKENS = 13


@_per_text
def _np_fwd(text: str, p: int, hi: int) -> Optional[tuple[int, int]]:
    """Noun phrase starting at ``p`` ("one rebel commander", "John Kirby"), or None.

    >>> t = "one rebel commander, who spoke"
    >>> s, e = _np_fwd(t, 0, len(t)); t[s:e]
    'one rebel commander'
    """
    toks = _toks(text, p, min(hi, p + 110), _NP_FWD_TOKENS)  # the loop below looks at no more
    if not toks or text[p:toks[0].s].strip():
        return None
    if toks[0].lw in PRONOUNS:
        return toks[0].s, toks[0].e
    clitic = _CLITIC_RE.fullmatch(toks[0].lw)
    if clitic and clitic.group(1) in ("he", "she", "they", "we"):  # "he’s said", "she’d told"
        return toks[0].s, toks[0].s + len(clitic.group(1))
    if toks[0].lw in COMMON_SENTENCE_STARTERS and toks[0].lw not in DETERMINERS:
        return None
    end = None
    i = 0
    if toks[0].lw in DETERMINERS:
        end = 0
        i = 1
    while i < len(toks) and i < _NP_FWD_TOKENS - 1:
        t = toks[i]
        if i > 0 and _gap(text, toks[i - 1], t) != "space":
            break
        if not _word_ok(t, i == 0):
            break
        # a lowercase word after a capitalised run ends a name ("Smith in a statement")
        if (not t.w[:1].isupper() and t.lw not in NAME_CONNECTORS and i > 0 and toks[i - 1].w[:1].isupper()
                and not (i == 1 and toks[0].lw in DETERMINERS and t.lw in NP_HEADS)  # ("The businessman" opening a sentence)
                and not (t.lw in ANON_HEADS or t.lw in ORG_WORDS or t.lw in ("family", "lawyers", "attorneys")
                         or _role_word(t.lw))
                # "Republican presidential hopeful Sen. Ted Cruz": a person noun before a name goes on
                and not (t.lw in PERSON_HEADS and i + 1 < len(toks) and toks[i + 1].w[:1].isupper()
                         and _gap(text, t, toks[i + 1]) == "space")):
            break
        end = i
        i += 1
    if end is not None:
        while end > 0 and toks[end].lw in NAME_CONNECTORS | DETERMINERS:
            end -= 1
    words = toks[:end + 1] if end is not None and not (end == 0 and toks[0].lw in DETERMINERS) else ()
    if not any(w.w[:1].isupper() or w.lw in ANON_HEADS or w.lw in MEDIA_HEADS or w.lw in NP_HEADS
               or _AGE_RE.fullmatch(w.lw) for w in words):  # "said the 46-year-old"
        # "a former senior law enforcement official", "one of those advisers": a determiner,
        # then a few plain words up to a person's head noun
        end = _described_head(text, toks) if toks[0].lw in DETERMINERS and toks[0].lw != "the" else None
        if end is None:
            return None  # ("The announcement": a determiner alone names nobody)
    e = toks[end].e
    m = _ANON_POST_RE.match(text, e, hi)
    if m and toks[0].lw in DETERMINERS:
        e = m.end()
    return toks[0].s, e


#: words a description before its head noun, or a speaker phrase, cannot hold (a clause has begun)
CLAUSE_WORDS = frozenset({"who", "whom", "whose", "that", "which", "what", "said", "says", "told", "and", "or",
                          "but", "is", "was", "are", "were", "has", "have", "had", "in", "at", "on", "to",
                          "for", "with", "by", "from", "as", "when", "if", "because", "while", "where", "how"})
_PARTITIVE_DETERMINERS = frozenset({"the", "those", "these", "his", "her", "their", "its", "our"})


def _described_head(text: str, toks: list) -> Optional[int]:
    """Index of the head noun of a description opened by ``toks[0]`` (a determiner): the first
    person noun within six words, all of them plain words ("a former senior law enforcement
    official"), after "one of the/those/his" for a partitive ("one of those advisers")."""
    i = 1
    if toks[0].lw in ("one", "two", "three", "some", "several", "many", "most", "few", "both", "all") and \
            len(toks) > 2 and toks[1].lw == "of" and toks[2].lw in _PARTITIVE_DETERMINERS:
        i = 3
    for k in range(i, min(len(toks), i + 6)):
        t = toks[k]
        if _gap(text, toks[k - 1], t) != "space" or t.lw in CLAUSE_WORDS:
            return None
        if t.lw in ANON_HEADS or t.lw in NP_HEADS or _role_word(t.lw):  # (NP_HEADS has PERSON_HEADS)
            return k
    return None


_APPOS1_RE = re.compile(r",\s*(?:a|an|the|who|one|[a-z]+ (?:of|for|at))\b[^.;:“”\"]{0,120}?(?=[,.;:]|$)")
_APPOS2_RE = re.compile(r"\s+(?:of|at|from|with)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s*|(?:of|the|for|al|and)\s+|\([A-Z]{2,}\)\s*){1,8}")
_TRAIL_ADV_RE = re.compile(r"(?:\s+(?:%s))+$" % "|".join(sorted(ADVERBS_BEFORE_CUE)))


@_per_text
def _appos_after(text: str, e: int, hi: int) -> str:
    """', a rebel commander,' / ' of the FSA' right after a name: words for the role."""
    m = _APPOS1_RE.match(text, e, hi)
    if m:
        return m.group()
    m = _APPOS2_RE.match(text, e, hi)
    return m.group() if m else ""


def _subject(ctx: _Ctx, ss: int, hi: int) -> Optional[tuple[int, int]]:
    """Subject noun phrase of the sentence starting at ``ss`` (skipping 'In May,', 'But', and a
    place and a time that end an opening phrase: "At an event in Ames, Iowa, on Sunday, Mrs.
    Clinton said")."""
    text = ctx.text
    np = _text_subject(text, ss, hi)
    if np is not None and np[0] > ss and text[ss:np[0]].rstrip().endswith(","):
        m = ctx.mention_in(*np)
        if (m is not None and m.kind == "place" and m.start <= np[0] and np[1] <= m.end
                or " " not in text[np[0]:np[1]] and _CITY_BEFORE_RE.search(text, max(ss, np[0] - 40), np[0])):
            # (a place mention, or the state after a city: "in Aspen, Colo., the graduate")
            am = _AFTER_PLACE_RE.match(text, np[1], hi)
            if am:
                return _np_fwd(text, am.end(), hi) or np
    return np


#: what may follow the place that ends an opening phrase, before the subject: ", on Sunday,"
_AFTER_PLACE_RE = re.compile(r"\.?,\s+(?:(?:on|in|last|this|early|late|earlier|later)\s+[\w.]+(?:\s+\d{1,2})?"
                             r"(?:\s+(?:night|morning|afternoon|evening))?,\s+)?(?=[A-Z]|(?:the|a|an)\s)")
#: "in <City>, " right before a word: the word is the city's state or country
_CITY_BEFORE_RE = re.compile(r"\b(?:in|at|from|near|outside)\s+(?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'.-]*,\s+$")


#: words that make a number opening a sentence a time ("Eight years ago,")
_TIME_AGO_WORDS = frozenset({"ago", "later", "earlier", "before", "after"})


@_per_text
def _text_subject(text: str, ss: int, hi: int) -> Optional[tuple[int, int]]:
    if text[ss:ss + 1] in "\"“”":
        return None  # the sentence opens with a quote: "“...,” he said, adding, “...”"
    toks = _toks(text, ss, min(hi, ss + 200), _NP_FWD_TOKENS)  # (the loops below look at no more)
    i = 0
    while i < len(toks) and toks[i].lw in INTRO_WORDS and i < 2:
        i += 1
    if i < len(toks) - 1 and toks[i].lw in _INVERTING_CUES and toks[i].w[:1].isupper():
        i += 1  # "Said a third Iowa Republican who named Christie: “": the speaker follows the verb
    # leading adverbials, each ending with a comma within 10 words ("In May,", "On Oct. 7,"; two:
    # "In the speech, two days before the breakfast, X noted")
    for _ in range(2):
        skipped = False
        for j in range(i, min(i + 10, len(toks) - 1)):
            if _gap(text, toks[j], toks[j + 1]) == "comma":
                if (toks[i].lw in COMMON_SENTENCE_STARTERS and toks[i].lw not in DETERMINERS | {"one", "two"}
                        or LEXICON_TAGS.get(toks[i].lw) in ("VBG", "VBN", "IN", "RB")
                        and not any(t.w[:1].isupper() for t in toks[i + 1:j + 1])
                        # "Eight years ago,", "Two weeks later,": a time, not "Two officials, who ..."
                        or (LEXICON_TAGS.get(toks[i].lw) == "CD" or toks[i].lw in DETERMINERS)
                        and any(t.lw in _TIME_AGO_WORDS for t in toks[i + 1:j + 1])):
                    # "Continuing to explain it, X said", "Outside the courtroom, X said" (but
                    # "South Carolina Sen. Lindsey Graham, a friend of ..., said" opens with its subject)
                    i, skipped = j + 1, True
                break
        if not skipped or i >= len(toks):
            break
    if i >= len(toks):
        return None
    return _np_fwd(text, toks[i].s, hi)


_PAREN_END_RE = re.compile(r"\s*\((?:[^()]{1,25}|(?:who|which|whose|a|an|the)\s[^()]{1,75})\)\s*,?\s*$")


def _before_paren(text: str, lo: int, p: int) -> int:
    """``p`` moved before a short parenthesis that ends text[lo:p] ("Sen. Ann Lee (D-Vt.) said")."""
    m = _PAREN_END_RE.search(text, max(lo, p - 90), p)
    return m.start() if m else p


_LEAD_RE = re.compile(r"[\s,:—–-]+")
_TRAIL_PUNCT = ",.;:!?—–-"


def _span(text: str, s: int, e: int) -> tuple[int, int]:
    """``text[s:e]`` without leading/trailing punctuation and spaces (closing quotes kept)."""
    m = _LEAD_RE.match(text, s, e)
    if m:
        s = m.end()
    while e > s and (text[e - 1] in _TRAIL_PUNCT or text[e - 1].isspace()):
        e -= 1
    return s, e


#: the owner of a phrase ("Syria Direct’s Noura al-Hourani")
_OWNER_RE = re.compile(r"^(.*?)[’']s\b")


def _owned_medium(ctx: _Ctx, s: int, e: int) -> Optional[str]:
    """For a phrase text[s:e] with an owner ("X's Y"): the medium it names, or None without an
    owner. "Syria Direct’s Noura al-Hourani" -> Syria Direct; "Russia's Tass news agency" ->
    Tass (a medium, not its country)."""
    text = ctx.text
    pm = _OWNER_RE.search(text[s:e])
    if not pm or not pm.group(1)[:1].isupper():
        return None
    mention = ctx.head_mention(s + pm.end(), e)
    if mention is not None and mention.kind == "media":
        return mention.entity
    rest = text[s + pm.end():e].split()
    after = text[e:e + 30].split()[:2]
    generic = MEDIA_WORDS | MEDIA_HEADS
    if rest and any(w.lower().strip(",.") in generic for w in rest[-1:] + after):
        while len(rest) > 1 and rest[-1].lower() in generic:
            rest.pop()  # "Anadolu news agency" -> Anadolu
        return " ".join(w for w in rest if not w.islower()) or " ".join(rest)  # (not "state-run")
    return pm.group(1)


#: a clause tail that is no content ("on Monday", "in a statement", "during a rally in Ohio")
_ADVERBIAL_RE = re.compile(r"(?:on|in|at|during|last|this|late|early|earlier|later|after|before|from|"
                           r"with|via|through|when|while|to|Monday|Tuesday|Wednesday|Thursday|Friday|"
                           r"Saturday|Sunday|today|yesterday|recently|again|repeatedly)\b")


#: what stands between a speech verb and the comma before a participle cue: "“…,” Anderson said,
#: adding", "said Ann Lee, adding", "Twitter said in a statement, adding"
_UP_TO_COMMA_RE = re.compile(r"([^,;“”\"]{0,60}),\s*")


def _cue_before_source(text: str, ss: int, cs: int) -> Optional[tuple[int, int]]:
    """The source of the speech cue (``data/cues.csv``) just before a participle cue when the
    sentence opens with a quote ("“…,” Anderson said, adding that", "“…,” said Ann Lee, adding")."""
    cm = None
    for cm in _ATTR_CUE_RE.finditer(text, max(ss, cs - 160), cs):
        pass
    kind = cue_kind(cm.group()) if cm else ""
    m = _UP_TO_COMMA_RE.fullmatch(text, cm.end(), cs) if kind in ("speech", "tell") else None
    if m is None:
        return None
    rest = m.group(1).split()
    if rest and cm.group().lower() in CUE_VERBS and kind != "tell" and not _ADVERBIAL_RE.match(rest[0]):
        # "said Ann Lee, adding" (a verb whose subject may follow it; "criticized Trump's visit,
        # saying" names its object)
        return _np_fwd(text, _skip_space(text, m.start(1), m.end(1)), m.end(1))
    return _np_back(text, max(ss, cm.start() - 150), cm.start())  # "Twitter said in a statement, adding"


def _skip_space(text: str, k: int, end: int) -> int:
    """The first offset at or after ``k`` (before ``end``) that is not whitespace.

    >>> _skip_space("said   Kirby", 4, 12)
    7
    """
    while k < end and text[k].isspace():
        k += 1
    return k
