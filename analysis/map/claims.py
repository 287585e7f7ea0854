"""Claims and how they line up across articles: agreement, number conflicts, recycled quotes.

A **claim** is a body sentence, or a clause of one, that asserts something checkable
(questions and fragments are left out). Each claim carries its offsets, the actors and
places it mentions, its numbers, its dates, who it is credited to, and its hedging cues
(``data/hedges.csv``). Its ``part`` says where it stands: ``body``, or, after the body's
claims and with ``sentence_id`` -1, the ``headline`` (when it stands in the text: a record's
title field has no offsets and is no claim), a ``subheadline``, a blog ``intro`` or a photo
``caption`` (front_stretches; bylines, credits and widgets stay out). Those, and body
sentences under MIN_CLAIM_WORDS words that name an actor or place or give a number ("ISIS
has claimed responsibility."), need only FRONT_MIN_WORDS words and FRONT_MIN_TERMS terms.

**Links** pair stretches of two articles:

* ``agree`` -- two claims that say the same thing (TF-IDF cosine of content words and
  entities at least ``min_score``; paraphrase allowed, negation must match);
* ``number_conflict`` -- the same counted or measured thing about the same event with
  values that cannot both be true ("captured six villages" / "captured five villages");
* ``reused_quote`` -- the same direct quote in two articles, tolerant of spacing,
  punctuation and bracketed insertions ("air strikes" / "airstrikes", "(rebel)");
* ``shared_passage`` -- a long run of identical words (wire copy, boilerplate).

Claims no link touches are that article's **unique claims**. Pairs are never compared
all-against-all: candidates come from inverted indexes on rare terms, entities, number
units and quote word pairs (terms in too many claims are skipped), so thousands of
articles take minutes.

>>> from analysis.records import Number
>>> a = "Rebels captured six villages near the border."
>>> b = "The rebels say they captured five villages near the border."
>>> [c.detail for c in number_conflicts(a, [Number(16, 28, "six villages", 6.0, "villages", "")],
...                                     b, [Number(31, 44, "five villages", 5.0, "villages", "")])]
['villages: 6 vs 5']
"""
from __future__ import annotations

import bisect
import csv
import math
import re
from collections import Counter
from functools import lru_cache
from typing import Iterable, NamedTuple, Optional, Sequence

import pandas as pd

from ..config import DATA_DIR
from .events import _hits, agent_actions, code_events, event_key
from .parse import GALLERY_MARK as _GALLERY_MARK, PHOTO_CREDIT_IN_PARENS
from ..records import Number
from ..tables import TABLES

# --------------------------------------------------------------------------- tables

CLAIM_COLUMNS: tuple[str, ...] = TABLES["claims"]
LINK_COLUMNS: tuple[str, ...] = TABLES["links"]

# --------------------------------------------------------------------------- settings

MIN_CLAIM_WORDS = 5  # a claim has at least this many words ...
MIN_CLAIM_TERMS = 3  # ... and this many content terms
# headlines, subheadlines, blog intros and photo captions state facts in fewer words
# ("ISIS has claimed responsibility."): a claim there has this many words and content terms
FRONT_MIN_WORDS = 3
FRONT_MIN_TERMS = 2
# the claims table's `part`: where in the article a claim stands (body sentences first)
CLAIM_PARTS = ("body", "headline", "subheadline", "intro", "caption")
NUMBER_MIN_SIMILARITY = 0.2  # cosine for two sentences to be about the same counted thing
NUMBER_WINDOW = 5  # words either side of a number that give its predicate ("captured")
APPROX_TOLERANCE = 0.15  # "about 100" covers 85..115

# --------------------------------------------------------------------------- word lists

STOPWORDS = frozenset("""
a about above after again against all also although am among an and any are aren't around as
at be because been before being below between both but by can can't cannot could couldn't did
didn't do does doesn't doing don't down during each either else even ever every few for from
further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself
him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself just let's
least less like made make many may me might more much must mustn't my myself neither no nor not
now of off on once one only or other others otherwise ought our ours ourselves out over own per
perhaps quite rather really same shall shan't she she'd she'll she's should shouldn't since so
some such than that that's the their theirs them themselves then there there's these they
they'd they'll they're they've this those though through thus to too toward towards under until
up upon us very via was wasn't we we'd we'll we're we've were weren't what what's when when's
where where's whether which while who who's whom whose why why's will with within without won't
would wouldn't yet you you'd you'll you're you've your yours yourself yourselves
according added adding announced asked claim claimed claiming claims comment commented declared
explained insisted noted quoted reported reporting reportedly report reports said say saying
says stated statement statements tell telling tells told wrote write writes added
allegedly apparently appear appeared appears possibly probably seem seemed seems likely
already almost still including include includes included across along amid another back
become became get gets got go goes going gone however meanwhile new news now recently today
yesterday tomorrow week weeks month months year years day days time times way well whose mr
mrs ms dr also just since told percent percentage cent
""".split())
# words that negate a clause; two claims that differ in negation do not `agree`
NEGATIONS = frozenset("not no never nobody nothing none neither nor cannot can't don't doesn't "
                      "didn't isn't aren't wasn't weren't won't wouldn't haven't hasn't hadn't "
                      "deny denies denied".split())
NUMBER_WORDS = frozenset("""
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
thousand million billion trillion dozen dozens hundreds thousands millions billions half third
quarter first second third fourth fifth
""".split())
# general news-writing near-synonyms, folded onto one term (after suffix stripping)
SYNONYMS = {
    "airstrik": "strik", "strik": "strik", "struck": "strik", "bomb": "strik", "bombard": "strik",
    "bombardment": "strik", "raid": "strik", "airraid": "strik", "hit": "strik", "target": "strik",
    "pound": "strik", "shell": "strik", "sortie": "strik",
    "insurgent": "rebel", "opposition": "rebel", "rebel": "rebel",
    "majority": "most", "mostly": "most", "mainly": "most", "largely": "most", "most": "most",
    "primarily": "most", "predominantly": "most", "chiefly": "most", "exclusively": "most",
    "captur": "captur", "seiz": "captur", "overran": "captur", "overrun": "captur",
    "kill": "kill", "dead": "kill", "death": "kill", "died": "kill", "die": "kill", "slain": "kill",
    "wound": "wound", "injur": "wound", "injury": "wound",
    "warplan": "plane", "jet": "plane", "aircraft": "plane", "plan": "plan",
    "soldier": "troop", "troop": "troop",
    "town": "town", "village": "villag", "villag": "villag",
    "kilometer": "km", "kilometr": "km", "km": "km",
    "percent": "percent", "per": "per",
}
UNIT_ALIASES = {
    "kilometer": "km", "kilometre": "km", "kilometr": "km", "kms": "km", "km": "km",
    "mile": "mile", "mi": "mile", "meter": "m", "metre": "m", "metr": "m",
    "percent": "percent", "per cent": "percent", "%": "percent", "pct": "percent",
    "person": "people", "people": "people", "peopl": "people", "dead": "killed", "kill": "killed",
    "death": "killed", "injur": "wounded", "wound": "wounded", "$": "USD", "dollar": "USD",
    "usd": "USD",
}
# units that are positions on a scale, not amounts of a thing
# and elapsed times ("for 10 days"), which grow with the publication date
NON_COMPARABLE_UNITS = frozenset({"", "year", "years old", "date", "time", "o'clock", "day", "week",
                                  "month", "hour", "minute"})
LOWER_QUALIFIERS = frozenset("""at least|more than|over|above|greater than|upwards of|no fewer than|
no less than|not less than|in excess of|just over|well over|just more than|a little more than|
slightly more than|a little over|little more than|hundreds of|thousands of|tens of thousands of|
dozens of|millions of|several|a few|scores of|tens of|some|hundreds|thousands|dozens|scores|
millions|tens""".replace("\n", "").split("|"))
UPPER_QUALIFIERS = frozenset("""at most|less than|fewer than|under|below|up to|no more than|
not more than|just under|well under|just shy of|slightly less than|within""".replace("\n", "").split("|"))
APPROX_QUALIFIERS = frozenset("""about|around|approximately|roughly|nearly|almost|close to|
an estimated|estimated|some|circa|approx|as many as|as much as|between""".replace("\n", "").split("|"))
# kinds of mention that count as actors (the rest: places; media are sources, not actors)
ACTOR_KINDS = frozenset({"actor", "organisation", "organization", "person", "group", "government"})
PLACE_KINDS = frozenset({"place", "location", "country", "city", "region"})
HEDGES_CSV = DATA_DIR / "hedges.csv"
COUNT_EVENTS_CSV = DATA_DIR / "count_events.csv"
# a lower bound given with an exact figure ("at least 127 dead") is a running count, read as
# that figure: outlets giving 127 and 132 disagree. Round or small bounds ("more than 120",
# "at least 8") stay bounds.
RUNNING_COUNT_MIN = 20
RUNNING_COUNT_QUALIFIERS = frozenset({"at least", "no fewer than", "no less than", "not less than"})

# --------------------------------------------------------------------------- regexes

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_QUESTION_END = re.compile(r"\?[\"'”’)\]]*\s*$")
# clause boundaries: semicolons, ", but/while/whereas ..."; a leading "Although X, Y" clause
_CLAUSE_SPLIT = re.compile(r";\s+|,\s+(?=(?:but|while|whereas)\s)")
_LEADING_SUBORDINATE = re.compile(r"^(?:Although|Though|Whereas|While)\s[^,;]{15,}?,\s+(?=\S)")
_MON = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
        r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_MONTH_NO = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_DATE = re.compile(rf"\b(?:(?P<m1>{_MON})\.?\s+(?P<d1>[0-3]?\d)(?!\d)(?:st|nd|rd|th)?"
                   rf"|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MON})\b)"
                   rf"|\b(?P<y>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)\b")
_HAS_DIGIT = re.compile(r"\d").search
_NAME = r"[A-Z][\w’'&.-]*(?:\s+(?:(?:of|for|and|the|on|al|de)\s+)?[A-Z][\w’'&.-]*){0,5}"
_CUE_BEFORE = re.compile(rf"\b(?:according\s+to|quoted\s+by|reported\s+by|cited\s+by|citing|told)"
                         rf"\s+(?:the\s+|a\s+)?(?P<name>{_NAME})")
_CUE_AFTER = re.compile(rf"(?P<name>{_NAME})\s+(?:said|says|reported|reports|told|announced|"
                        rf"stated|claimed|claims)\b")
_QUOTE_MARKS = re.compile(r"“([^“”]{10,1500}?)”|\"([^\"\n]{10,1500}?)\"")


def _first_chars(pattern: str) -> Optional[frozenset]:
    """Lower-case letters a match of ``pattern`` (read case-insensitively) can start with, or
    None when that is not plain from the pattern (a class like ``\\w``, a possibly empty match).

    >>> sorted(_first_chars(r"\\b(?:is|are)\\s+said"))
    ['a', 'i']
    >>> _first_chars(r"\\w+ly") is None
    True
    """
    try:
        from re import _constants as C, _parser as P  # the parser behind re.compile

        parsed = P.parse(pattern, re.IGNORECASE)
    except Exception:  # another Python's internals, or a pattern re.compile will reject anyway
        return None

    def first(seq) -> tuple[Optional[set], bool]:  # (first characters, may match empty)
        out: set = set()
        for op, av in seq:
            if op is C.AT or op is C.ASSERT or op is C.ASSERT_NOT:
                continue  # zero-width
            if op is C.LITERAL:
                chars, empty = {chr(av)}, False
            elif op is C.IN:
                chars, empty = set(), False
                for o, a in av:
                    if o is C.LITERAL:
                        chars.add(chr(a))
                    elif o is C.RANGE and a[1] - a[0] < 64:
                        chars.update(map(chr, range(a[0], a[1] + 1)))
                    else:
                        return None, False
            elif op is C.SUBPATTERN:
                chars, empty = first(av[3])
            elif op is C.BRANCH:
                chars, empty = set(), False
                for branch in av[1]:
                    c, e = first(branch)
                    if c is None:
                        return None, False
                    chars |= c
                    empty = empty or e
            elif op is C.MAX_REPEAT or op is C.MIN_REPEAT:
                chars, empty = first(av[2])
                empty = empty or av[0] == 0
            else:
                return None, False
            if chars is None:
                return None, False
            out |= chars
            if not empty:
                return out, False
        return out, True

    chars, empty = first(parsed)
    if chars is None or empty or not all(c.isascii() and (c.isalpha() or c.isdigit()) for c in chars):
        return None
    return frozenset(c.lower() for c in chars)


def _load_hedges(path=HEDGES_CSV) -> tuple[dict[str, str], Optional[re.Pattern]]:
    """Cue -> kind, and one compiled alternation with a named group per cue.

    Each cue's pattern is tried only where the text has a letter it can start with: the
    alternation is split by first letter, ``(?=[aA])(?:cues starting with a)|...``, in the
    file's order within each letter (so the cue the plain alternation would pick at a position
    is the one picked), which makes it about twice as fast. Group ``h<i>_<letter>`` is cue i.
    """
    kinds: dict[str, str] = {}
    parts = []
    try:
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
    except OSError:
        rows = []
    for i, row in enumerate(rows):
        cue = (row.get("cue") or "").strip()
        if not cue:
            continue
        kinds[cue] = (row.get("kind") or "").strip()
        pattern = (row.get("pattern") or "").strip() or rf"\b{re.escape(cue)}\b"
        parts.append((i, pattern, _first_chars(pattern)))
    names = {f"h{i}": (row.get("cue") or "").strip() for i, row in enumerate(rows)}
    # a match starts with a letter of some word written in a pattern: look only there (2x faster)
    firsts = {w[0] for row in rows for w in re.findall(r"[a-z]{2,}", (row.get("pattern") or "")
                                                         + " " + (row.get("cue") or "").lower())}
    regex = None
    if parts and firsts and all(f is not None for _, _, f in parts):
        parts_by_letter = [(i, pattern, f & firsts) for i, pattern, f in parts]
        letters = sorted(set().union(*(f for _, _, f in parts_by_letter)))
        groups, by_letter = [], {}
        for ch in letters:
            by_letter.update({f"h{i}_{ch}": names[f"h{i}"] for i, _, f in parts_by_letter if ch in f})
            alts = "|".join(f"(?P<h{i}_{ch}>{pattern})" for i, pattern, f in parts_by_letter if ch in f)
            groups.append(f"(?=[{ch}{ch.upper()}])(?:{alts})")
        try:  # a pattern with groups of its own cannot be repeated: then the plain alternation
            regex = re.compile(rf"\b(?=[{''.join(letters)}])(?:" + "|".join(groups) + ")", re.IGNORECASE)
            names.update(by_letter)
        except re.error:
            regex = None
        if not groups:
            return kinds, None
    if regex is None and parts:
        lead = rf"\b(?=[{''.join(sorted(firsts))}])" if firsts else ""
        regex = re.compile(lead + "(?:" + "|".join(f"(?P<h{i}>{pattern})" for i, pattern, _ in parts) + ")",
                           re.IGNORECASE)
    _HEDGE_GROUPS.update(names)
    return kinds, regex


_HEDGE_GROUPS: dict[str, str] = {}
HEDGE_KINDS, _HEDGE_RE = _load_hedges()


# --------------------------------------------------------------------------- words

@lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """Lower-case a word, strip common English suffixes, fold near-synonyms.

    >>> [stem(w) for w in ["Captured", "captures", "villages", "airstrikes", "hitting"]]
    ['captur', 'captur', 'villag', 'strik', 'strik']
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'")
    n = len(w)
    if n > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif n > 5 and w.endswith("ing"):
        w = w[:-3]
        if w[-1] == w[-2] and w[-1] not in "lsz":
            w = w[:-1]  # hitting -> hit
    elif n > 4 and w.endswith("ed"):
        w = w[:-2]
        if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
            w = w[:-1]  # stopped -> stop
    elif n > 4 and w.endswith(("sses", "ches", "shes", "xes")):
        w = w[:-2]
    elif n > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return SYNONYMS.get(w, w)


_WORD_TERMS: dict[str, tuple[str, bool]] = {}  # lower-cased word -> (stem, is content)


def _word_term(w: str) -> tuple[str, bool]:
    """(stem, is_content) of a lower-cased word (’ as '), cached."""
    t = _WORD_TERMS.get(w)
    if t is None:
        content = not (w in STOPWORDS or w in NUMBER_WORDS or w[0].isdigit() or len(w) < 2)
        s = stem(w) if content else w
        t = (s, content and s not in STOPWORDS)
        if len(_WORD_TERMS) >= 1 << 20:
            _WORD_TERMS.clear()
        _WORD_TERMS[w] = t
    return t


def terms(text: str) -> list[str]:
    """Content terms of a text: words minus stopwords and numbers, stemmed.

    >>> terms("The rebels said they had captured 6 villages.")
    ['rebel', 'captur', 'villag']
    """
    return [t for t in map(_CONTENT_STEMS.__getitem__, _WORD.findall(text.lower().replace("’", "'")))
            if t is not False]


def _has_terms(text: str, k: int = MIN_CLAIM_TERMS) -> bool:
    """``len(terms(text)) >= k``, reading only as far as the k-th term."""
    get = _CONTENT_STEMS.get
    n = 0
    for m in _WORD.finditer(text.lower().replace("’", "'")):
        t = get(m.group())
        if t is None:
            t = _CONTENT_STEMS[m.group()]
        if t is not False:
            n += 1
            if n >= k:
                return True
    return n >= k


class _ContentStems(dict):
    """Lower-cased word (’ as ') -> its stem when it is a content term, else False; filled on use."""

    __slots__ = ()

    def __missing__(self, w: str):
        s, content = _word_term(w)
        if len(self) >= 1 << 20:
            self.clear()
        t = self[w] = s if content else False
        return t


_CONTENT_STEMS = _ContentStems()


def _term_spans(text: str) -> list[tuple[str, int, int, bool, bool]]:
    """(stem, start, end, is_content, is_name) for every word, in order.

    A name is a capitalised word not at the start of the text.
    """
    out = []
    low = text.lower().replace("’", "'")
    get = _WORD_TERMS.get
    for m in _WORD.finditer(low):
        w = m.group()
        s, content = get(w) or _word_term(w)
        st = m.start()
        out.append((s, st, m.end(), content, st > 0 and text[st].isupper()))
    return out


# the only characters whose lower case is longer or ASCII (so offsets or words would shift)
_ODD_LOWER = re.compile("[\u0130\u212a]")
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _content_terms(text: str) -> tuple[list[str], set[str]]:
    """Content stems in order, and those seen not capitalised (what _term_spans says, faster).

    >>> terms, lower = _content_terms("Rebels captured Aleppo's villages")
    >>> terms, sorted(lower)
    (['rebel', 'captur', 'aleppo', 'villag'], ['captur', 'rebel', 'villag'])
    """
    if _ODD_LOWER.search(text):
        spans = _term_spans(text)
        return [sp[0] for sp in spans if sp[3]], {sp[0] for sp in spans if sp[3] and not sp[4]}
    get = _WORD_TERMS.get
    content, lower_terms = [], set()
    # no character changes length or class when lower-cased: the same words at the same places
    at0 = text[:1] in _ALNUM
    for i, (w, o) in enumerate(zip(_WORD.findall(text.lower().replace("’", "'")), _WORD.findall(text))):
        s, c = get(w) or _word_term(w)
        if c:
            content.append(s)
            if not o[0].isupper() or (i == 0 and at0):
                lower_terms.add(s)
    return content, lower_terms


_NEGATION = re.compile(r"\b(?:" + "|".join(sorted(re.escape(w) for w in NEGATIONS)) + r")\b|n't\b")


def _negated(text: str) -> bool:
    return _NEGATION.search(text.lower().replace("’", "'")) is not None


def hedges(text: str) -> list[tuple[str, str]]:
    """Hedging cues in a text as (cue, kind), in order, each cue once.

    >>> hedges("ISIS reportedly captured villages and may advance, according to activists.")
    [('reportedly', 'reporting'), ('may', 'modal'), ('according to', 'attribution')]
    """
    if _HEDGE_RE is None:
        return []
    seen, out = set(), []
    for m in _HEDGE_RE.finditer(text):
        cue = _HEDGE_GROUPS.get(m.lastgroup or "", "")
        if cue and cue not in seen:
            seen.add(cue)
            out.append((cue, HEDGE_KINDS.get(cue, "")))
    return out


def dates(text: str) -> list[str]:
    """Calendar days named in a text, as 'MM-DD' (year ignored: stories are weeks long).

    >>> dates("On Oct. 9 and 10 October, not on 2015-10-11")
    ['10-09', '10-10', '10-11']
    """
    out = []
    if not _HAS_DIGIT(text):
        return out  # every date form has a digit
    for m in _DATE.finditer(text):
        if m.group("y"):
            mo, d = int(m.group("m3")), int(m.group("d3"))
        else:
            mon = (m.group("m1") or m.group("m2"))[:3].lower()
            mo, d = _MONTH_NO[mon], int(m.group("d1") or m.group("d2"))
        if 1 <= d <= 31:
            key = f"{mo:02d}-{d:02d}"
            if key not in out:
                out.append(key)
    return out


def normalise_unit(unit: str) -> str:
    """One spelling per unit: 'Villages' -> 'villag', 'kilometres' -> 'km', '%' -> 'percent'.

    >>> [normalise_unit(u) for u in ["villages", "Village", "kilometres", "km", "per cent"]]
    ['villag', 'villag', 'km', 'km', 'percent']
    """
    u = (unit or "").strip().lower()
    if u in UNIT_ALIASES:
        return UNIT_ALIASES[u]
    if u in NON_COMPARABLE_UNITS:
        return u
    words = [stem(w) for w in _WORD.findall(u)]
    if not words:
        return u
    words = [UNIT_ALIASES.get(w, w) for w in words]
    return " ".join(words)


# --------------------------------------------------------------------------- numbers

def _format_number(text: str, value: float, unit: str, qualifier: str) -> str:
    s = f"{text}={value:g}"
    if unit:
        s += f" {unit}"
    if qualifier:
        s += f" [{qualifier}]"
    return s


_NUMBER_ITEM = re.compile(r"^(?P<value>[-+0-9.eE]+|nan|inf)(?: (?P<unit>[^\[]*?))?(?: \[(?P<q>[^\]]*)\])?$")


def parse_numbers(cell) -> list[tuple[str, float, str, str]]:
    """Read back a claims.numbers cell: [(text, value, unit, qualifier)].

    >>> parse_numbers("six villages=6 villages;more than 700=700 wounded [more than]")
    [('six villages', 6.0, 'villages', ''), ('more than 700', 700.0, 'wounded', 'more than')]
    """
    if not isinstance(cell, str) or not cell:
        return []
    out = []
    for item in cell.split(";"):
        text, eq, rest = item.rpartition("=")
        m = _NUMBER_ITEM.match(rest) if eq else None
        if not m:
            continue
        try:
            value = float(m.group("value"))
        except ValueError:
            continue
        out.append((text, value, m.group("unit") or "", m.group("q") or ""))
    return out


def _interval(value: float, qualifier: str) -> tuple[float, float]:
    q = (qualifier or "").lower().strip()
    if q in LOWER_QUALIFIERS:
        if q in RUNNING_COUNT_QUALIFIERS and value >= RUNNING_COUNT_MIN and value % 5:
            return value, value  # "at least 127": the count so far
        return value, math.inf
    if q in UPPER_QUALIFIERS:
        return -math.inf if value < 0 else 0.0, value
    if q in APPROX_QUALIFIERS:
        return value * (1 - APPROX_TOLERANCE), value * (1 + APPROX_TOLERANCE)
    return value, value


def values_compatible(value_a: float, qualifier_a: str, value_b: float, qualifier_b: str) -> bool:
    """Can both statements be true? 'at least 8' and '10' can; '6' and '5' cannot. A lower
    bound with an exact figure of RUNNING_COUNT_MIN or more is the count so far: 'at least
    127' and '132' give two different tolls.

    >>> values_compatible(6, "", 5, ""), values_compatible(8, "at least", 10, ""), values_compatible(100, "about", 110, "")
    (False, True, True)
    >>> values_compatible(127, "at least", 132, ""), values_compatible(120, "more than", 132, "")
    (False, True)
    """
    lo_a, hi_a = _interval(value_a, qualifier_a)
    lo_b, hi_b = _interval(value_b, qualifier_b)
    return lo_a <= hi_b + 1e-9 and lo_b <= hi_a + 1e-9


class NumberConflict(NamedTuple):
    """Two numbers of the same unit, in similar sentences, whose values cannot both hold."""

    number_a: tuple  # (text, value, unit, qualifier)
    number_b: tuple
    unit: str  # normalised unit
    predicate: str  # the shared word near both numbers ("captur")
    detail: str  # "villages: 6 vs 5"


#: The empty set every claim without actors, places, dates, names ... shares (an empty
#: frozenset of its own costs 216 bytes, times every claim of a corpus).
_NONE: frozenset = frozenset()


def _frozen(items) -> frozenset:
    return frozenset(items) if items else _NONE


class _Info:
    """What the comparison needs to know about one claim. Its terms (content stems and
    canonical entities) are the keys of its term vector ``vec``."""

    __slots__ = ("vec", "names", "negated", "actors", "places", "ctx", "dates", "numbers",
                 "num_windows", "num_names", "article")

    def __init__(self, text: str, numbers: Sequence[tuple], *, actors=(), places=(), context=(),
                 dates_=None, weights: Optional[dict] = None, article: str = "",
                 content_terms: Optional[tuple[list[str], set[str]]] = None, ents=None) -> None:
        content, lower_terms = _content_terms(text) if content_terms is None else content_terms
        if ents is None:
            ents = {f"e:{e.lower()}" for e in (*actors, *places)}
        # terms only ever seen capitalised here are names: agreement needs more than names
        # (a tuple: a few items, tested for membership; a set of its own would cost 4 times as much)
        self.names = tuple(set(content).difference(lower_terms, ents).union(ents))
        counts: dict[str, int] = {}  # as Counter(content) then .update(ents), without its overhead
        for t in content:
            counts[t] = counts.get(t, 0) + 1
        for t in ents:
            counts[t] = counts.get(t, 0) + 1
        if weights:
            get = weights.get
            vec = {t: n * get(t, 1.0) for t, n in counts.items()}
        else:
            vec = {t: n * 1.0 for t, n in counts.items()}
        norm = math.sqrt(sum([v * v for v in vec.values()])) or 1.0
        self.vec = {t: v / norm for t, v in vec.items()}
        self.negated = _negated(text)
        self.actors = _frozen(actors)
        self.places = _frozen(places)
        self.ctx = _frozen((*context, *actors, *places))
        self.dates = _frozen(dates(text) if dates_ is None else dates_)
        self.article = article
        self.numbers = self.num_windows = self.num_names = ()
        if not numbers:
            return
        self.numbers, self.num_windows, self.num_names = [], [], []
        spans = None
        units = Counter(normalise_unit(num[2]) for num in numbers)
        for num in numbers:
            text_n, value, unit, qual = num[:4]
            u = normalise_unit(unit)
            if u in NON_COMPARABLE_UNITS or value is None or (isinstance(value, float) and math.isnan(value)):
                continue
            if units[u] > 1:
                continue  # several numbers of one unit (a poll, a list): which is which is unclear
            pos = text.find(text_n) if text_n else -1
            self.numbers.append((text_n, float(value), unit, qual, u))
            if spans is None and pos >= 0:
                spans = _term_spans(text)
            window, names = _window(spans, pos, pos + len(text_n), u) if pos >= 0 else (("", "", ""), set())
            self.num_windows.append(window)
            self.num_names.append(names)

    @property
    def terms(self):
        """The claim's terms (a set-like view of ``vec``'s keys)."""
        return self.vec.keys()


def _window(spans, start: int, end: int, unit: str) -> tuple[tuple[str, str, str], set[str]]:
    """Around a number: the nearest content word before it and after it that is not a name
    (its predicate or the thing counted: "captured", "killed"), the event it counts (the
    nearest word of ``data/count_events.csv`` either side: "killed 132 people" and "left 127
    people dead" both count deaths), and the names nearby. Words are looked for within
    NUMBER_WINDOW words; the unit itself is skipped.

    >>> spans = _term_spans("Attacks left at least 127 people dead.")
    >>> _window(spans, 22, 32, "people")[0]
    ('left', 'kill', 'kill')
    """
    unit_words = set(unit.split())
    before = [sp for sp in spans if sp[2] <= start][-NUMBER_WINDOW:]
    after = [sp for sp in spans if sp[1] >= end][:NUMBER_WINDOW]
    names = {sp[0] for sp in before + after if sp[3] and sp[4]}

    def nearest(seq):
        for sp in seq:
            if sp[3] and not sp[4] and sp[0] not in unit_words:
                return sp[0]
        return ""

    events = _count_events()
    counted = [(k, sp) for k, sp in enumerate(w for w in after if w[0] not in unit_words)]
    counted += [(k, sp) for k, sp in enumerate(reversed(before))]
    counted.sort(key=lambda ks: ks[0])  # nearest first; after before before at one distance
    event = next((events[sp[0]] for _, sp in counted if sp[0] in events), "")
    return (nearest(reversed(before)), nearest(after), event), names


@lru_cache(maxsize=1)
def _count_events(path=None) -> dict[str, str]:
    """Stem -> the event a count near it counts (``data/count_events.csv``: word, event)."""
    try:
        with open(path or COUNT_EVENTS_CSV, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
    except OSError:
        return {}
    return {stem(r["word"].strip()): r["event"].strip() for r in rows if (r.get("word") or "").strip()
            and (r.get("event") or "").strip()}


def _cosine(a: dict, b: dict) -> float:
    if len(a) > len(b):
        a, b = b, a
    get = b.get
    return sum([v * get(t, 0.0) for t, v in a.items()])


def _content_share(a: _Info, b: _Info) -> float:
    """Share of the cosine that comes from words other than names (what is said, not who)."""
    dot = _cosine(a.vec, b.vec)
    if dot <= 0:
        return 0.0
    names = {*a.names, *b.names}
    return sum(v * b.vec.get(t, 0.0) for t, v in a.vec.items() if t not in names) / dot


def _same_event(a: _Info, b: _Info, *, actors: bool = True) -> bool:
    """False when the two claims plainly concern different events (days, places, actors).

    ``actors=False`` skips the actor test (for claims already known to share a coded event)."""
    if a.dates and b.dates and not (a.dates & b.dates):
        return False
    if a.places and b.places and not (a.places & b.ctx or b.places & a.ctx):
        return False
    if actors and a.actors and b.actors and not (a.actors & b.ctx or b.actors & a.ctx):
        return False
    return True


def _conflicts(a: _Info, b: _Info, sim: float, min_similarity: float) -> list[NumberConflict]:
    if not a.numbers or not b.numbers or sim < min_similarity or a.negated != b.negated:
        return []
    if not _same_event(a, b):
        return []
    if (a.ctx or b.ctx) and not (a.ctx & b.ctx):
        return []  # entities are known for at least one side and none is shared
    out = []
    for na, wa, ma in zip(a.numbers, a.num_windows, a.num_names):
        for nb, wb, mb in zip(b.numbers, b.num_windows, b.num_names):
            if na[4] != nb[4]:
                continue
            if ma and mb and not (ma & mb):
                continue  # "Trump's 21 percent" vs "Rubio's 7 percent": different things
            # the same predicate on the same side ("captured six villages" / "captured five
            # villages"), or the same counted event on either side ("killed 132 people" /
            # "left 129 people dead")
            if wa[2] and wb[2] and wa[2] != wb[2]:
                continue  # "12 killed" / "40 wounded": two counts
            shared = [w for w, v in zip(wa, wb) if w and w == v]
            if not shared:
                continue
            if values_compatible(na[1], na[3], nb[1], nb[3]):
                continue
            unit = nb[2] if len(nb[2]) >= len(na[2]) else na[2]
            qa = f"{na[3]} " if na[3] else ""
            qb = f"{nb[3]} " if nb[3] else ""
            out.append(NumberConflict(na[:4], nb[:4], na[4], shared[0],
                                      f"{unit}: {qa}{na[1]:g} vs {qb}{nb[1]:g}"))
    return out


def number_conflicts(text_a: str, numbers_a: Iterable, text_b: str, numbers_b: Iterable, *,
                     actors_a=(), actors_b=(), places_a=(), places_b=(), context_a=(), context_b=(),
                     min_similarity: float = NUMBER_MIN_SIMILARITY) -> list[NumberConflict]:
    """Number conflicts between two sentences, each given with its numbers.

    ``numbers_*`` are :class:`~analysis.records.Number` records (or (text, value, unit,
    qualifier) tuples) whose text occurs in the sentence. A conflict needs: the same
    normalised unit, the same nearest word before or after both numbers (the predicate:
    "captured"; names aside, and names near both must overlap), similar sentences, no sign of different events (different
    days, disjoint places or actors when both name them), and values that cannot both be
    true given their qualifiers ("at least 8" and "10" can). ``context_*`` are entities of
    the neighbouring sentence (who "the group" is).

    >>> number_conflicts("5 villages fell in Hama.", [("5 villages", 5, "villages", "")],
    ...                  "6 villages fell in Aleppo.", [("6 villages", 6, "villages", "")],
    ...                  places_a=["Hama"], places_b=["Aleppo"])
    []
    """
    def rec(n):
        return (n.text, n.value, n.unit, n.qualifier) if isinstance(n, Number) else tuple(n)

    a = _Info(text_a, [rec(n) for n in numbers_a], actors=actors_a, places=places_a, context=context_a)
    b = _Info(text_b, [rec(n) for n in numbers_b], actors=actors_b, places=places_b, context=context_b)
    return _conflicts(a, b, _cosine(a.vec, b.vec), min_similarity)


# --------------------------------------------------------------------------- claims

def _split_clauses(text: str, protected: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) pieces of a sentence at clause boundaries outside quotes."""
    if ";" not in text and "," not in text:
        return [(0, len(text))]  # every boundary has one
    cuts = []
    m = _LEADING_SUBORDINATE.match(text)
    if m:
        cuts.append((text.rfind(",", 0, m.end()), m.end()))
    for m in _CLAUSE_SPLIT.finditer(text):
        cuts.append((m.start(), m.end()))
    cuts = [c for c in cuts if not any(s <= c[0] < e for s, e in protected)]
    if not cuts:
        return [(0, len(text))]
    pieces, pos = [], 0
    for cut_start, cut_end in sorted(set(cuts)):
        if cut_start < pos:
            continue
        pieces.append((pos, cut_start))
        pos = cut_end
    pieces.append((pos, len(text)))
    pieces = [(s, e) for s, e in pieces if e > s]

    def small(p):
        piece = text[p[0]:p[1]]
        return len(piece.split()) < MIN_CLAIM_WORDS or not _has_terms(piece)

    merged: list[tuple[int, int]] = []
    for p in pieces:  # a piece too small to stand alone stays with the one before it
        if merged and (small(p) or small(merged[-1])):
            merged[-1] = (merged[-1][0], p[1])
        else:
            merged.append(p)
    return merged


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _is_claim(text: str, n_words: Optional[int] = None) -> bool:
    """A statement (not a question) of MIN_CLAIM_WORDS words and MIN_CLAIM_TERMS content terms,
    not all in capitals; ``n_words`` is ``len(text.split())`` when the caller has it."""
    if "?" in text and _QUESTION_END.search(text):
        return False
    if (len(text.split()) if n_words is None else n_words) < MIN_CLAIM_WORDS or not _has_terms(text):
        return False
    return any(map(str.islower, text))


_GALLERY_TITLE = re.compile(r"\b((?:Photos?|Images?|Pictures?):\s+\S.{0,120}?)\s+\1\s")  # "Photos: T Photos: T"
_PAREN_CREDIT = re.compile(PHOTO_CREDIT_IN_PARENS, re.I)  # parse.py's, as its boilerplate lines see it
_SITE_NOTE = re.compile(r"https?://|pic\.twitter|\b(?:was|been) updated\b|\bmessage has been sent\b", re.I)
_LIST_ITEM = re.compile(r"\d{1,2}[.)]\s")  # "2. That private server."
_QUOTE_CHARS = re.compile("[\"“”‘’]|''|``")
_SENTENCE_END = re.compile(r"[.!:][\"'”’)\]]*$")  # a blog intro ends in ':' before its headline


def front_stretches(text: str, headline: Optional[tuple[int, int]] = None,
                    boilerplate: Iterable = ()) -> list[tuple[str, int, int]]:
    """(part, start, end) stretches of ``text`` outside the body sentences that may state a
    fact: the headline (a span of the text; a record's title field not found in the text has
    no offsets and is left out), subheadlines, blog intros and photo captions -- the words
    of a ``caption`` boilerplate line, and of a ``photo_credit`` line the caption text around
    its credit ("... near Aleppo. (AP Photo/Hussein Malla)") or the captions of a CNN photo
    gallery ("Photos: T Photos: T <caption> Hide Caption 1 of 32 Photos: T <caption> ...").
    Every other boilerplate (bylines, share widgets, bare credits) stays out.

    ``boilerplate``: (start, end, kind) as parse.Parsed.boilerplate holds them.

    >>> t = "Photos: Paris Photos: Paris Police secure the stadium. Hide Caption 1 of 2 Photos: Paris A vigil."
    >>> [(p, t[s:e]) for p, s, e in front_stretches(t, None, [(0, len(t), "photo_credit")])]
    [('caption', 'Police secure the stadium.'), ('caption', 'A vigil.')]
    """
    out = []
    if headline is not None and headline[0] is not None and headline[1] > headline[0]:
        out.append(("headline", int(headline[0]), int(headline[1])))
    for b_start, b_end, kind in boilerplate:
        if kind in ("subheadline", "intro", "caption"):
            out.append((kind, b_start, b_end))
        elif kind == "photo_credit":
            line = text[b_start:b_end]
            cuts = [m.span() for m in _PAREN_CREDIT.finditer(line)]
            if _GALLERY_MARK.search(line):
                marks = [m.span() for m in _GALLERY_MARK.finditer(line)]
                cuts += marks
                title = _gallery_title(line, marks)
                if title:
                    cuts += [m.span() for m in re.finditer(re.escape(title), line)]
            elif not cuts:
                continue  # a bare credit ("Photo: Reuters")
            pos = 0
            for cs, ce in sorted(cuts) + [(len(line), len(line))]:
                ps, pe = _trim(line, pos, cs)
                if pe > ps:
                    out.append(("caption", b_start + ps, b_start + pe))
                pos = max(pos, ce)
    return out


def _gallery_title(line: str, marks: Sequence[tuple[int, int]]) -> str:
    """The title a photo gallery repeats before every caption ("Photos: Night of terror"):
    stated twice at the start, else the words every item opens with (of two items or more).

    >>> t = "Photos: Life A B met. Hide Caption 1 of 2 Photos: Life C ran."
    >>> _gallery_title(t, [m.span() for m in _GALLERY_MARK.finditer(t)])
    'Photos: Life'
    """
    tm = _GALLERY_TITLE.search(line)
    if tm:
        return tm.group(1)
    items = [line[e:].split() for _, e in marks]
    items = [w for w in items if w and re.fullmatch(r"(?:Photos?|Images?|Pictures?):", w[0])]
    if len(items) < 1:
        return ""
    first = line[:marks[0][0]].split() if marks else []
    if first and first[0] == items[0][0]:
        items.append(first)
    if len(items) < 2:
        return ""
    n = 0
    while all(len(w) > n + 1 for w in items) and len({w[n] for w in items}) == 1:
        n += 1
    return " ".join(items[0][:n]) if n > 1 else ""


def _front_sentences(text: str, stretches: Iterable[tuple[str, int, int]],
                     body: Sequence[tuple[int, int]] = ()) -> list[tuple[str, int, int]]:
    """The stretches cut into sentences (a headline stays whole), trimmed; none overlapping a
    body sentence ``body`` (start, end)."""
    from .parse import split_sentences

    out = []
    for part, s, e in stretches:
        if any(bs < e and be > s for bs, be in body):
            continue
        if part == "headline":
            s, e = _trim(text, s, e)
            if e > s:
                out.append((part, s, e))
        else:
            out.extend((part, sp.start, sp.end) for sp in split_sentences(text, start=s, end=e))
    return out


def _is_front_claim(text: str, part: str) -> bool:
    """A headline, subheadline, intro or caption sentence that states something checkable:
    not a question, FRONT_MIN_WORDS words and FRONT_MIN_TERMS content terms, not all in
    capitals; outside a headline it has a content word that is not a name, and an intro or
    caption ends a sentence (a photo credit or a gallery title does not)."""
    if "?" in text and _QUESTION_END.search(text):
        return False
    if len(text.split()) < FRONT_MIN_WORDS or not any(map(str.islower, text)):
        return False
    content, lower = _content_terms(text)
    if len(content) < FRONT_MIN_TERMS:
        return False
    if part == "headline":
        return True
    if part == "subheadline" and _SITE_NOTE.search(text):
        return False
    return bool(lower) and (part == "subheadline" or _SENTENCE_END.search(text) is not None)


def _is_short_claim(text: str, mentions: Sequence, numbers: Sequence) -> bool:
    """A body sentence under MIN_CLAIM_WORDS words that still states something checkable
    ("ISIS has claimed responsibility."): _is_front_claim's test, ending in '.' or '!', not a
    piece of a quote, a transcript turn ("Perez: Oh, sure.") or a numbered list item, naming an
    actor or place or giving a number."""
    if not (mentions or numbers) or text[-1:] not in ".!" or _QUOTE_CHARS.search(text) \
            or ":" in text or _LIST_ITEM.match(text):
        return False
    if mentions and not numbers and not any(m[3] in ACTOR_KINDS or m[3] in PLACE_KINDS for m in mentions):
        return False
    return _is_front_claim(text, "caption")


def _cue_sources(text: str) -> list[str]:
    """Names credited by a cue ('according to X', 'X said') -- used when no sources are given."""
    out = []
    for regex in (_CUE_BEFORE, _CUE_AFTER):
        for m in regex.finditer(text):
            words = m.group("name").split()
            while words and words[0].lower() in STOPWORDS:
                words.pop(0)
            name = " ".join(words).rstrip(".,")
            if name and name.lower() not in STOPWORDS and name not in out:
                out.append(name)
    return out


def fallback_quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks of at least four words (when no quotes table is given)."""
    out = []
    for m in _QUOTE_MARKS.finditer(text):
        g = 1 if m.group(1) is not None else 2
        if len(m.group(g).split()) >= 4:
            out.append((m.start(g), m.end(g)))
    return out


def _join(items: Iterable[str]) -> str:
    seen = []
    for it in items:
        if it and it not in seen:
            seen.append(it)
    return ";".join(seen)


def build_claims(article_id: str, text: str, sentences: Iterable, *, mentions: Iterable = (),
                 numbers: Iterable = (), sources: Iterable = (), quotes: Iterable = (),
                 scare_quotes_found: bool = False, front: Iterable = ()) -> list[tuple]:
    """Claim rows (CLAIM_COLUMNS order) for one article from plain records.

    ``sentences``: (sentence_id, start, end, text); ``mentions``: (start, end, entity, kind);
    ``numbers``: (start, end, text, value, unit, qualifier); ``sources``: (start, end, source);
    ``quotes``: (start, end, speaker). When there are no quotes at all (and no scare quotes),
    quotation-mark spans of 4+ words stand in, without speakers. ``front``: (part, start, end)
    stretches outside the body (front_stretches): their sentences that state something
    (_is_front_claim) follow the body's claims, with sentence_id -1 and their ``part``.
    """
    mentions = sorted(mentions, key=lambda m: m[0])
    m_starts = [m[0] for m in mentions]
    numbers = sorted(numbers, key=lambda n: n[0])
    n_starts = [n[0] for n in numbers]
    sources = sorted(sources, key=lambda s: s[0])
    s_starts = [s[0] for s in sources]
    quotes = sorted(quotes, key=lambda q: q[0])
    if not quotes and not scare_quotes_found:
        quotes = [(s, e, None) for s, e in fallback_quote_spans(text)]
    q_spans = [(q[0], q[1]) for q in quotes]
    rows = []
    antecedent = ""  # the first actor of the last claim naming one: what "the group" points to
    units: Iterable = ((sid, s_start, s_end, s_text, "body") for sid, s_start, s_end, s_text in sentences)
    front = list(front)
    if front:
        units = list(units)
        body = [(u[1], u[2]) for u in units]
        units.append(None)  # the front parts: no antecedent from the body's last claim
        units.extend((-1, fs, fe, text[fs:fe], part) for part, fs, fe in _front_sentences(text, front, body))
    for unit in units:
        if unit is None:
            antecedent = ""
            continue
        sid, s_start, s_end, s_text, part = unit
        if s_end <= s_start:
            continue
        inside = [(max(qs, s_start) - s_start, min(qe, s_end) - s_start)
                  for qs, qe in q_spans if qs < s_end and qe > s_start] if q_spans else []
        sentence_src = None  # the sources credited in the sentence, when a claim asks
        pieces = _split_clauses(s_text, inside) if part == "body" else [(0, len(s_text))]
        for ps, pe in pieces:
            ps, pe = _trim(s_text, ps, pe)
            c_text = s_text[ps:pe]
            n_words = len(c_text.split())
            if part != "body":
                if not _is_front_claim(c_text, part):
                    continue
            elif not _is_claim(c_text, n_words) and not (
                    # a short whole sentence that states something ("ISIS claimed responsibility.")
                    n_words < MIN_CLAIM_WORDS and len(pieces) == 1 and _is_short_claim(
                        c_text, _within(m_starts, mentions, s_start + ps, s_start + pe),
                        _within(n_starts, numbers, s_start + ps, s_start + pe))):
                continue
            start, end = s_start + ps, s_start + pe
            if text[start:end] != c_text:  # sentence text not an exact slice: re-anchor
                found = text.find(c_text, s_start)
                if found < 0:
                    continue
                start, end = found, found + len(c_text)
            ms = _within(m_starts, mentions, start, end)
            if ms:
                actor_names = [m[2] for m in ms if m[3] in ACTOR_KINDS]
                actors = _join(sorted(set(actor_names)))
                places = _join(sorted({m[2] for m in ms if m[3] in PLACE_KINDS}))
            else:
                actor_names, actors, places = [], "", ""
            ns = _within(n_starts, numbers, start, end)
            nums = ";".join([_format_number(n[2], n[3], n[4] or "", n[5] or "") for n in ns]) if ns else ""
            if q_spans:
                quoted_chars = sum([min(end, qe) - max(start, qs) for qs, qe in q_spans if qs < end and qe > start])
                quoted = quoted_chars * 2 >= (end - start)
            else:
                quoted = 0 >= (end - start)
            if sentence_src is None:
                sentence_src = [s[2] for s in _within(s_starts, sources, s_start, s_end)] if sources else []
            src = sentence_src
            how = "sources" if src else ""
            if not src and quoted:
                src = [q[2] for q in quotes if q[0] < end and q[1] > start and q[2]]
                how = "speaker" if src else ""
            if not src and not sources:
                src = _cue_sources(c_text)
                how = "cue" if src else ""
            hs = [cue for cue, kind in hedges(c_text) if kind != "attribution"]
            hits = _hits(c_text)
            if hits and any([h[2] == "action" for h in hits]):  # no action cue: no event, no agent
                local = [(m[0] - start, m[1] - start, m[2], m[3]) for m in ms if m[0] >= start and m[1] <= end]
                full = {event_key(ev) for ev in code_events(c_text, local, _found=hits)}
                # who does what, whom not coded ("ISIS's push", "its gains": the actor named before)
                partial = {k for k in agent_actions(c_text, local, antecedent=antecedent, _found=hits)
                           if not any(f.startswith(k + ">") for f in full)}
                evs = ";".join(sorted(full | partial))
            else:
                evs = ""
            if actor_names:
                antecedent = actor_names[0]
            rows.append((
                f"{article_id}:{len(rows)}", article_id, sid, start, end, c_text,
                n_words, actors, places, nums, ";".join(dates(c_text)), _join(src), how,
                bool(quoted), bool(hs), ";".join(hs), evs, part,
            ))
    return rows


def _within(starts: list, items: list, lo: int, hi: int) -> list:
    """The ``items`` (sorted by start, ``starts`` their starts) overlapping [lo, hi)."""
    i = bisect.bisect_left(starts, lo)
    while i > 0 and items[i - 1][1] > lo:
        i -= 1
    out = []
    n = len(items)
    while i < n and items[i][0] < hi:
        if items[i][1] > lo:
            out.append(items[i])
        i += 1
    return out


def claim_rows(result) -> list[tuple]:
    """Claim rows (CLAIM_COLUMNS order) of one analysed article (pipeline.ArticleAnalysis)."""
    p = result.parsed
    return build_claims(
        p.article.article_id, p.article.text,
        [(s.sentence_id, s.start, s.end, s.text) for s in p.sentences],
        mentions=[(m.start, m.end, m.entity, m.kind) for m in result.mentions],
        numbers=[(n.start, n.end, n.text, n.value, n.unit, n.qualifier) for n in result.numbers],
        sources=[(s.start, s.end, s.source) for s in result.sources],
        quotes=[(q.start, q.end, q.speaker) for q in result.quotes],
        scare_quotes_found=bool(result.scare_quotes),
        front=front_stretches(p.article.text, (p.headline.start, p.headline.end) if p.headline else None,
                              [(b.start, b.end, b.kind) for b in p.boilerplate]),
    )


def claims_frame(rows: Iterable[tuple]) -> pd.DataFrame:
    return pd.DataFrame.from_records(list(rows), columns=list(CLAIM_COLUMNS))


def links_frame(rows: Iterable[tuple]) -> pd.DataFrame:
    return pd.DataFrame.from_records(list(rows), columns=list(LINK_COLUMNS))
