"""Numbers and quantities in article text, with value, unit and qualifier.

One :class:`~analysis.records.Number` per quantity phrase. The span
(``start``/``end``/``text``) covers the whole phrase: the qualifier, a
currency sign, the number, a scale word, and the unit or counted noun *when it
follows the number* ("more than 700", "six small villages", "within 2 km",
"$1.2 billion", "hundreds of refugees").  ``text[start:end] == Number.text``
always holds; nothing is normalised in place.

>>> [(n.value, n.unit, n.qualifier, n.text)
...  for n in find_numbers_in("ISIS captured six villages within 2 km (1 mile) of Aleppo.")]
[(6.0, 'villages', '', 'six villages'), (2.0, 'km', 'within', 'within 2 km'), (1.0, 'mile', '', '1 mile')]

Decisions (general English news conventions, not tuned to any article):

* **value** is a float: "2,000" -> 2000, "2.5 million" -> 2500000, "two dozen" -> 24,
  "one hundred and twenty" -> 120, "half a million" -> 500000.
* **Vague plurals** ("hundreds of", "tens of thousands of", "dozens of") give the
  order of magnitude as value (100, 10000, 12) and the phrase as qualifier;
  "several hundred" / "a few thousand" give 100 / 1000 with qualifier "several" / "a few".
* **Ranges** ("10-14 km", "10 to 14", "between 10 and 14", "two or three days") are one
  row spanning the whole range; value is the *lower* bound and qualifier is
  "between" unless a stated qualifier is present. "N-M" with M <= N is a score or
  vote ("5-4") and is skipped.
* **Fractions** are tagged only where they are shares or multipliers: "half of",
  "two-thirds of", "a third of the" -> value 0.5/0.667/0.333, unit "fraction";
  "half a million" -> 500000; "half an hour" -> 0.5 hour.
* **unit** is the measure, normalised (km, mile, m, sq km, kg, tonne, percent,
  USD/EUR/GBP, hour, day, week, month, year, ...), else the counted noun as written
  (the first plural noun within four words, skipping adjectives: "2,000 Iranian
  fighters" -> "fighters"), else a casualty word around it ("50 dead",
  "wounded more than 700" -> "wounded"), else "".
  Words between the number and its noun: "11 other candidates", "10 million more
  immigrants", "four 2016 candidates", '40,000 "likes"'.
  Ages: "a 25-year-old man", "25 years old", "aged 25", "at age 25", "over the age of 16",
  and a bare 1-120 set off by commas after a name ("Cynthia Hurd, 54,") -> unit "years old".
* **Elided nouns**: a partitive takes the noun of the whole ("twelve of the dead" -> "dead",
  "two of seven crossings" -> "crossings"); a bare count takes the noun of the nearest counted
  quantity before it in the same sentence ("Fourteen people were killed and another 21
  were injured" -> 21 "people"; "rose in eight cities and fell in seven"), or in the sentence
  before when the text points back ("five of them", "another 21", "the other four", "two
  more"). A known group ("the two gunmen", "including seven tourists") is passed over for the
  count it belongs to. Never from a measure, a percentage or a sum, never across a
  paragraph, never into a parenthesis, nor for "a city of 8.4 million" or "a year or two".
  "one" after a coordinated count is a count too ("two gunmen and one officer").
* **Ratios** "1 in 7 residents", "one out of every 78 jobs" -> 1/7, 1/78 with unit "fraction".
* **"one"** is tagged only when it is plainly a count: with a qualifier ("at least
  one"), a measure ("one mile", "one percent"), a scale ("one million") or a range
  ("one or two"). Determiner/pronoun uses ("one source", "one of", "one another",
  "no one", "One rebel commander") are not quantities.
* **Not quantities**: dates ("October 9", "Oct. 7", "9 October 2015", "October 10-14",
  "9/11", "2015-10-09"), years and decades ("in 2013", "the 2016 race", "1990s"),
  times ("2:30 p.m.", "10 am", "1500 GMT"), ordinals ("9th"), phone numbers,
  numbers inside URLs/e-mails/handles, identifiers ("COVID-19", "F-16", "G7",
  "Article 5", "Resolution 2254", "Boeing 737", leading-zero and 7+-digit codes),
  capitalised number words inside names ("the Big Four"), "2 min read", durations before
  "ago" ("two years ago" is a point in time), years as modifiers ("the 2016 presidential
  candidates", "a look at 2012 shows", "in roughly 1880"), fixed compounds with one or two
  ("a two-state solution", "a two-man race", "one-way"), and "the two" standing for people
  already named ("the two fled").
  A 4-digit 1000-2100 number counts only with a qualifier/currency or a counted
  noun/unit after it ("about 1500 troops", "2000 fighters"), never after "in", "since",
  "the", ... and never as a range of years ("between 2011 and 2014").

Known limits: no part-of-speech tagging, so the counted noun is the first plural-looking
word within four words ("3 rounds", but "five says" would be taken); "one" as a count with a
singular noun ("killed one civilian") is not tagged; phrasal verbs can look like qualifiers
("took over 2 towns" -> "over"); spelled-out ordinals and Roman numerals are ignored.
Speed: two C-level regex scans find candidates; only those are examined in Python.
"""
from __future__ import annotations

import bisect
import math
import re
from functools import lru_cache

from ..records import Number, Parsed

# --------------------------------------------------------------------------- word lists

SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9,
}
TEEN_NUMBERS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_NUMBERS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALE_WORDS = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
ABBREV_SCALES = {"bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3, "b": 1e9, "tn": 1e12}
DOZEN = 12
# vague plurals: "hundreds of" -> 100
VAGUE_PLURALS = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3,
                 "millions": 1e6, "billions": 1e9}
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4}

QUALIFIERS = (
    "no more than", "no fewer than", "no less than", "not more than", "not less than",
    "just more than", "a little more than", "slightly more than", "slightly less than",
    "little more than", "a little over", "just over", "just under", "well over",
    "well under", "just shy of", "fewer than", "less than", "more than", "greater than",
    "as many as", "as few as", "as much as", "as little as", "upwards of", "in excess of",
    "a maximum of", "a minimum of", "close to", "nearly", "almost", "roughly",
    "approximately", "approx.", "about", "around", "some", "an estimated", "estimated",
    "at least", "at most", "up to", "over", "under", "above", "below", "within",
    "between", "from",
)
# "several hundred", "a few thousand"
SCALE_QUALIFIERS = ("a couple of", "a few", "several", "many", "few")
RIGHT_QUALIFIERS = {"or more": "or more", "or so": "about", "or fewer": "or fewer",
                    "or less": "or less", "plus": "or more", "-plus": "or more",
                    "-odd": "about", "odd": "about"}

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr",
          "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")

# normalised measure units: regex alternative -> canonical unit. Longest first.
UNITS = (
    (r"square\s+kilomet(?:er|re)s?|sq\.?\s*km|km2|km²", "sq km"),
    (r"square\s+miles?|sq\.?\s*mi(?:les?)?", "sq mile"),
    (r"square\s+met(?:er|re)s?|sq\.?\s*m|m2|m²", "sq m"),
    (r"percentage\s+points?", "percentage points"),
    (r"per\s*cent|percent|pct|%", "percent"),
    (r"kilomet(?:er|re)s?|kms?", "km"),
    (r"miles?", "mile"),
    (r"centimet(?:er|re)s?|cm", "cm"),
    (r"millimet(?:er|re)s?|mm", "mm"),
    (r"met(?:er|re)s?", "m"),
    (r"square[\s-]+f(?:oo|ee)t|sq\.?\s*ft", "sq ft"),
    (r"feet|foot|ft", "ft"),
    (r"inch(?:es)?", "inch"),
    (r"yards?", "yard"),
    (r"hectares?", "ha"),
    (r"acres?", "acre"),
    (r"kilo(?:gram(?:me)?)?s?|kg", "kg"),
    (r"tonnes?|tons?", "tonne"),
    (r"barrels?", "barrel"),
    (r"litres?|liters?", "litre"),
    (r"gallons?", "gallon"),
    (r"kph|km/h|mph|knots?", "speed"),
    (r"seconds?|secs?", "second"),
    (r"minutes?|mins?", "minute"),
    (r"hours?|hrs?", "hour"),
    (r"days?", "day"),
    (r"weeks?", "week"),
    (r"fortnights?", "fortnight"),
    (r"months?", "month"),
    (r"years?|yrs?", "year"),
    (r"decades?", "decade"),
    (r"century|centuries", "century"),
    (r"(?:US\s+|U\.S\.\s+)?dollars?|USD", "USD"),
    (r"euros?|EUR", "EUR"),
    (r"pounds\s+sterling|sterling|GBP", "GBP"),
    (r"roubles?|rubles?", "RUB"),
    (r"yuan|renminbi", "CNY"),
    (r"yen", "JPY"),
    (r"rupees?", "INR"),
    (r"riyals?|rials?", "rial"),
    (r"lira|liras", "lira"),
)
CURRENCY_SIGNS = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB"}
CURRENCY_PREFIXES = {"US": "USD", "A": "AUD", "C": "CAD", "NZ": "NZD", "HK": "HKD", "S": "SGD"}
# single-letter units written attached ("5m", "10km") that are also scale abbreviations
ATTACHED_SUFFIXES = ("km", "kms", "mi", "mm", "cm", "kg", "ft", "mph", "kph", "bn", "mn", "tn",
                     "m", "k", "b", "pc", "pct", "km2", "m2")

# the word just before a number makes it a name/code ("Article 5", "Flight 17")
ID_PREFIXES = frozenset("""
article resolution chapter section route highway interstate flight no no. nos nos. number
num page pages channel room unit gate platform terminal paragraph para clause amendment
proposition prop prop. measure bill rule level category phase stage grade game episode
season part volume vol vol. issue figure fig fig. table model type mark version windows
boeing airbus apollo code decree order law act case tier class district precinct ward block
building bus train line lot apartment apt apt. suite exit pier camp brigade battalion regiment
squadron division corps formula radio fox abc cbs nbc cnn hr h.r. s. item question slide
photo image video week day year form
""".split())
# words before a 4-digit number that make it a year
YEAR_PREPOSITIONS = frozenset(
    "in since by until till til from the this that during after before between through "
    "early late mid circa c. year 's ’s".split())
# participles/adjectives that name what is counted when no noun follows
CASUALTY_WORDS = frozenset(
    "killed wounded injured dead hurt missing displaced arrested detained kidnapped "
    "abducted executed evacuated rescued captured deported jailed imprisoned "
    "sentenced hospitalised hospitalized dying died".split())
# irregular plurals and mass nouns that are counted in news
PLURAL_NOUNS = frozenset(
    "people men women children police personnel staff cattle sheep aircraft livestock "
    "clergy militia youth deer fish crew infantry cavalry artillery data media".split())
# words that end in -s but are not plural nouns, or that end the noun window
STOP_WORDS = frozenset("""
a an the of in on at to from by with for and or nor but as that which who whom whose were was is
are be been being have has had will would could should may might must can do does did not no
this these those its it their his her our your my than then into onto over under since during
after before between against across through per each ago more less about around including
like near toward towards up down out off so such there here when where while if because only
also still already just too very said says say told tells according among amid within without
upon via plus minus versus vs vs. apiece alone altogether ahead away back long old earlier later
again instead always perhaps thus yet unless whether both either neither all any some every
other another most much many few several own same less least each further
""".split())
NOT_PLURAL = frozenset("""
was has is its this his us yes thus plus minus news series species always perhaps towards
besides unless across various famous previous serious numerous anxious dangerous whereas
afterwards sometimes nevertheless regardless analysis crisis basis thesis diagnosis
ethics politics economics physics mathematics
""".split())
# words that may stand between a number and its noun without ending it ("11 other
# candidates", "10 million more immigrants"); only right after the number
NP_SKIP = frozenset("other more additional further extra fewer long old".split())
# the word before a count that makes it a known group, not a new count: an elided noun
# is not taken from it ("the two gunmen", "including seven tourists")
DEFINITE_BEFORE = frozenset("the these those including among".split())
# partitive determiners: "twelve of the dead", "eight of the potential contenders"
PARTITIVE_DETERMINERS = frozenset("the these those its their his her our".split())
# pronouns of a partitive whose noun is elided: "five of them"
PARTITIVE_PRONOUNS = frozenset("them those these".split())
WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
# words after a bare year that make it a year, not a count ("the 2016 presidential race")
YEAR_MODIFIERS = frozenset("""
presidential election elections electoral midterm midterms fiscal budget campaign campaigns
primary primaries caucus caucuses parliamentary legislative census olympic olympics world
cycle season model class graduating vintage
""".split())
# stop words that can stand before a noun ("the two long guns", "the three other men")
NOUN_MODIFIERS = frozenset("long old own same other more most much many few several".split())
# "a group of 20", "the previous record of 5,809": the count is of the members, which a
# bare number takes from the count before it (unlike "a city of 8.4 million")
COLLECTIVE_NOUNS = frozenset("group groups total record crowd number tally batch contingent "
                             "handful".split())
# nouns ending in -ly (not adverbs): "1,000 family members"
LY_NOUNS = frozenset("family ally rally assembly supply reply anomaly monopoly belly bully".split())
# verbs after which a bare number is an age: "she had just turned 30"
AGE_VERBS = frozenset("turned turns turning turn".split())
TIME_UNITS = frozenset("second minute hour day week fortnight month year decade century".split())
STREET_WORDS = frozenset(
    "street st st. avenue ave ave. road rd rd. boulevard blvd lane drive place square".split())

# --------------------------------------------------------------------------- regexes

def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMBER_WORDS = {**SMALL_NUMBERS, **TEEN_NUMBERS, **TENS_NUMBERS}
_ALL_NUMBER_WORDS = (set(_NUMBER_WORDS) | set(SCALE_WORDS) | {"dozen"} | set(VAGUE_PLURALS)
                     | set(FRACTIONS))
_QUALIFIER_SET = frozenset(QUALIFIERS)
_QUALIFIER_LAST = frozenset(q.split()[-1] for q in QUALIFIERS)
_SCALE_QUALIFIER_SET = frozenset(SCALE_QUALIFIERS)
_MONTH_SET = frozenset(MONTHS)
_MEASURES = frozenset(c for _, c in UNITS) | {"years old", "fraction"}
_OPENERS = " \t\n\xa0\"“‘'(["


def _word_trie() -> str:
    by_first: dict = {}
    for w in _ALL_NUMBER_WORDS:
        by_first.setdefault(w[0], []).append(re.escape(w[1:]))
    parts = []
    for first, rests in sorted(by_first.items()):
        rest = "|".join(sorted(rests, key=len, reverse=True))
        parts += ["%s(?:%s)" % (first, rest), "%s(?:%s)" % (first.upper(), rest)]
    return "|".join(parts)


# Candidate starts come from two C-speed scans (much faster than one combined regex):
# digit runs / currency signs, and number words after a space or opening mark.
_DIGIT_CANDIDATE = re.compile(r"[0-9$£€¥₹₽][0-9,.]*")
# (the lookahead only skips, in C, the many spaces before a word no number word starts like)
_WORD_FIRSTS = "".join(sorted({c for w in _ALL_NUMBER_WORDS for c in (w[0], w[0].upper())}))
_WORD_CANDIDATE = re.compile(r"[\s\"“‘(\[\-—–/](?=[%s])(?:%s)(?![a-z])" % (_WORD_FIRSTS, _word_trie()))
_WORD_AT_START = re.compile(r"(?:%s)(?![a-z])" % _word_trie())
_DIGITS = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
_RUN = re.compile(r"[\w$£€%]*(?:[.,:/\-–@#_+=][\w$£€%]+)*")
_PHONE = re.compile(r"\(?[0-9]{3}\)?[ .\-][0-9]{3}[ .\-][0-9]{4}(?![0-9])|[0-9]{3}-[0-9]{4}(?![0-9])")
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b")
_ATTACHED = re.compile(r"(?:%s)(?![\w])" % _alt(ATTACHED_SUFFIXES))
_MONTH = "(?:%s)" % _alt(MONTHS)
_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?(?:\s+of)?\s+%s\b\.?(?:,?\s+[0-9]{4}\b)?" % _MONTH)
_DATE_TAIL = re.compile(r"(?:st|nd|rd|th)?(?:\s*[-–]\s*[0-9]{1,2}(?:st|nd|rd|th)?)?(?:,?\s+[0-9]{4}\b)?")
_TIME_AFTER = re.compile(
    r"\s*(?:[ap]\.m\.|[ap]m\b|[AP]\.M\.|[AP]M\b|GMT\b|UTC\b|[ECMP][SD]T\b|BST\b|CES?T\b|"
    r"o['’]clock\b|hours?\s+(?:GMT|UTC|local)\b)")
_READ_TIME = re.compile(r"\s*-?\s*min(?:ute)?s?\.?\s+read\b", re.I)
_NOT_QUANTITY_AFTER = re.compile("|".join(
    "(?:%s)" % rx.pattern for rx in (_MONTH_AFTER, _TIME_AFTER)) + r"|(?i:\s*-?\s*min(?:ute)?s?\.?\s+read\b)")
_WORD_TOKEN = re.compile(r"(\s+and\s+|\s+|-)?([A-Za-z]+)\b")
_SCALE_AFTER = re.compile(r"(?:\s+|-)(million|billion|trillion|thousand|hundred|dozen|bn|mn|tn)\b",
                          re.I)
_RANGE = re.compile(r"(\s*[-–—]\s*|\s+(?:to|and|or)\s+)(?=[$£€0-9a-z])")
_UNIT = re.compile(r"(?:\s+|-)?(%s)(?![\w])" % "|".join("(?:%s)" % p for p, _ in UNITS), re.I)
_UNIT_CANON = [(re.compile(r"(?:%s)\Z" % p, re.I), canon) for p, canon in UNITS]
_AGE = re.compile(r"(?:\s+|-)years?(?:\s+|-)old\b|-year-olds?\b", re.I)
_HYPHEN_WORD = re.compile(r"-([A-Za-z]+)\b")
_RIGHT_QUAL = re.compile(r"(\s+or\s+(?:more|so|fewer|less)|\s+plus|-plus|-odd|\s+odd)\b", re.I)
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.I)
_FRACTION_AFTER = re.compile(r"[\s-](halves|half|thirds?|quarters?)\b", re.I)
_SHARE_FOLLOWS = re.compile(r"\s+(?:of|the|as\s+(?:much|many|long|large|big|high|fast|likely))\b", re.I)
_A_FOLLOWS = re.compile(r"\s+(?:a|an)\s+", re.I)
_NP_WORD = re.compile(r"([^\S\n]+[\"“‘]?|\s*-\s*)?((?:[A-Z]\.){2,}(?![A-Za-z])|[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")
_YEAR_IN_NP = re.compile(r"[^\S\n]+(?:1[89]|20)[0-9]{2}(?=[^\S\n]+[A-Za-z])")
_HALF_DOZEN = re.compile(r"(?:-|\s+)(?:a\s+)?dozen\b", re.I)
_OF_NUMBER = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?=[0-9]|(?:%s)\b)" % "|".join(
    sorted(set(SMALL_NUMBERS) | set(TEEN_NUMBERS) | set(TENS_NUMBERS), key=len, reverse=True)))
_CODE_TOKEN = re.compile(r"[0-9]+[A-Z][0-9A-Z]*|[A-Z]+[0-9][0-9A-Z]*")  # "4U", "MH17"
_AGO = re.compile(r"\s+ago\b", re.I)
_PARTITIVE = re.compile(r"\s+of\s+([A-Za-z]+)\b")
_RATIO = re.compile(r"\s+(?:in|out\s+of)\s+(?:every\s+)?(?:([0-9]{1,3}(?:,[0-9]{3})*)(?![0-9,.:/])|(%s)(?![\w-]))"
                    % "|".join(sorted(set(SMALL_NUMBERS) | set(TEEN_NUMBERS) | set(TENS_NUMBERS),
                                      key=len, reverse=True)), re.I)
# a sentence end inside a region (find_numbers_in has no sentences)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n")
_VAGUE = re.compile(r"(tens|dozens|scores|hundreds|thousands|millions|billions)"
                    r"((?:\s+of\s+(?:thousands|millions|billions))*)(\s+of\b)?", re.I)


# --------------------------------------------------------------------------- small helpers

@lru_cache(maxsize=4096)
def _canon_unit(s: str) -> str:
    if s == "%":
        return "percent"
    for rx, canon in _UNIT_CANON:
        if rx.match(s):
            return canon
    return s


def _is_plural(w: str) -> bool:
    lw = w.lower()
    if lw in PLURAL_NOUNS or (lw.endswith("men") and len(lw) > 4):
        return True
    if lw in NOT_PLURAL or lw in STOP_WORDS or len(lw) < 3:
        return False
    return lw.endswith("s") and not lw.endswith(("ss", "us", "is", "'s", "’s", "ous"))


def _sentence_initial(text: str, p: int, start: int) -> bool:
    """True if only opening marks stand between the region start (or a sentence end) and p."""
    i = p - 1
    while i >= start and text[i] in _OPENERS:
        i -= 1
    return i < start or text[i] in ".!?:;\n"


def _before(text: str, p: int, lo: int, n: int = 4) -> list:
    """Up to n whitespace-separated tokens before p (within 60 characters), nearest first,
    as (token, start). Opening quotes/brackets are skipped ("at least “274" -> least, at)."""
    w0 = max(lo, p - 60)
    window = text[w0:p].rstrip(_OPENERS)
    parts = window.rsplit(None, n)
    if len(parts) > n or (w0 > lo and parts and not text[w0 - 1].isspace()
                          and not window[:1].isspace()):
        parts = parts[1:]  # the rest of the window, or a token cut by the window
    out = []
    cur = len(window)
    for tok in reversed(parts):
        k = window.rfind(tok, 0, cur)
        stripped = tok.lstrip("\"“‘'([")
        out.append((stripped, w0 + k + len(tok) - len(stripped)))
        cur = k
    return out


def _qualifier(toks: list):
    """Longest qualifier that ends the tokens -> (phrase, number of tokens) or ("", 0)."""
    if not toks or toks[0][0].lower() not in _QUALIFIER_LAST:
        return "", 0
    for n in (4, 3, 2, 1):
        if len(toks) >= n:
            phrase = " ".join(t.lower() for t, _ in reversed(toks[:n]))
            if phrase in _QUALIFIER_SET:
                return phrase, n
    return "", 0


def _scale_qualifier(toks: list):
    for n in (3, 2, 1):
        if len(toks) >= n:
            phrase = " ".join(t.lower() for t, _ in reversed(toks[:n]))
            if phrase in _SCALE_QUALIFIER_SET:
                return phrase, n
    return "", 0


def _skip_run(text: str, p: int, end: int) -> int:
    m = _RUN.match(text, p, end)
    return max(m.end(), p + 1)


class _Found:
    __slots__ = ("start", "end", "value", "unit", "qualifier", "high")

    def __init__(self, start, end, value, unit="", qualifier=""):
        self.start, self.end, self.value, self.unit, self.qualifier = start, end, value, unit, qualifier
        self.high = None


# --------------------------------------------------------------------------- parsing

def _parse_words(text: str, p: int, end: int, first_a: bool):
    """Parse a run of number words at p -> (value, end position) or (None, p).

    "twenty-five" -> 25, "one hundred and twenty" -> 120, "two dozen" -> 24,
    "a hundred" (first_a) -> 100."""
    total, cur = 0.0, (1.0 if first_a else 0.0)
    last, q, pos, biggest, first = ("a" if first_a else None), p, p, math.inf, True
    while True:
        m = _WORD_TOKEN.match(text, pos, end)
        if not m:
            break
        sep, w = m.group(1) or "", m.group(2).lower()
        if (first and sep) or (not first and not sep):
            break
        if "and" in sep and last not in ("hundred", "big"):
            break
        if w in SMALL_NUMBERS or w in TEEN_NUMBERS:
            v = _NUMBER_WORDS[w]
            if not (last in (None, "hundred", "big") or (last == "tens" and w in SMALL_NUMBERS and v)):
                break
            cur += v
            kind = "small" if w in SMALL_NUMBERS else "teen"
        elif w in TENS_NUMBERS:
            if last not in (None, "hundred", "big"):
                break
            cur += TENS_NUMBERS[w]
            kind = "tens"
        elif w == "hundred":
            if last not in ("small", "teen", "a"):
                break
            cur = (cur or 1) * 100
            kind = "hundred"
        elif w in SCALE_WORDS:
            scale = SCALE_WORDS[w]
            if last not in ("small", "teen", "tens", "hundred", "a") or scale >= biggest:
                break
            total += (cur or 1) * scale
            cur, biggest, kind = 0.0, scale, "big"
        elif w == "dozen":
            if last not in ("small", "teen", "tens", "a"):
                break
            cur *= DOZEN
            kind = "dozen"
        else:
            break
        last, q, pos, first = kind, m.end(), m.end(), False
    if last is None or last == "a":
        return None, p
    return total + cur, q


def _noun_head(text: str, q: int, end: int, value: float, *, singular: bool = False):
    """The counted noun after q: the first plural within four words, skipping adjectives
    ("six small villages" -> "villages"). Returns (unit, end) or ("", q)."""
    pos, last_word, last_end, n = q, None, q, 0
    while n < 4:
        m = _NP_WORD.match(text, pos, end)
        if not m and n == 0 and pos == q:
            ym = _YEAR_IN_NP.match(text, pos, end)  # "the four 2016 candidates"
            if ym:
                pos, n = ym.end(), 1
                continue
        if not m or not m.group(1):
            break
        w = m.group(2)
        lw = w.lower()
        if n == 0 and lw in NP_SKIP and pos == q:  # "11 other candidates"
            pos, n = m.end(), 1
            continue
        if lw in STOP_WORDS or lw.endswith(("n't", "n’t")):  # "two aren't friends"
            break
        if lw in CASUALTY_WORDS:
            if n == 0:
                return lw, m.end()
            break
        if _is_plural(w):  # "three more days" -> day, like "three days"
            return _canon_unit(w), m.end()
        if lw in STREET_WORDS and w[0].isupper():
            return "address", m.end()
        if (lw.endswith("ly") and lw not in LY_NOUNS and not _NP_WORD.match(text, m.end(), end)) or (
                n > 0 and lw.endswith("ing")):
            break
        last_word, last_end, pos, n = w, m.end(), m.end(), n + 1
        if singular and w.islower():  # "a 1,200-strong force"
            return w, m.end()
    if last_word is not None and last_word.islower() and value == 1 and n == 1:
        return last_word, last_end
    return "", q


def _noun_after(text: str, q: int, end: int) -> str:
    m = _NP_WORD.match(text, q, end)
    return m.group(2).lower() if m and m.group(1) else ""


def _read_range(text: str, q: int, end: int, digits: bool):
    """A second number after q ("-14", " to 14", " or three") -> (sep, hi, end) or None."""
    if q >= end or text[q] not in " -–—\xa0":
        return None
    m = _RANGE.match(text, q, end)
    if not m:
        return None
    sep, r = m.group(1).strip().lower(), m.end()
    if digits:
        if r < end and text[r] in CURRENCY_SIGNS:
            r += 1
        dm = _DIGITS.match(text, r, end)
        if not dm:
            return None
        r2 = dm.end()
        if r2 < end and (text[r2] in ":/" or (text[r2].isalnum() and not _ATTACHED.match(text, r2, end))):
            return None
        hi = float(dm.group().replace(",", ""))
    else:
        hi, r2 = _parse_words(text, r, end, False)
        if hi is None:
            return None
    return sep, hi, r2


def _scale_at(text: str, q: int, end: int):
    sm = _SCALE_AFTER.match(text, q, end) if q < end and text[q] in " -\xa0" else None
    if not sm:
        return 1.0, q
    w = sm.group(1).lower()
    return float(SCALE_WORDS.get(w) or (DOZEN if w == "dozen" else ABBREV_SCALES[w])), sm.end()


def _finish(text: str, f: _Found, q: int, start: int, end: int, toks: list, ntok: int, *,
            currency: str = "", year_like: bool = False, one_word: bool = False):
    """Unit, right-hand qualifier and acceptance rules; returns f or None."""
    unit, uend = "", q
    c = text[q] if q < end else ""
    follows = bool(c) and (c.isspace() or c in "-–%")  # "700." "700," -> nothing follows
    if currency:
        unit = currency
        m = _UNIT.match(text, q, end) if follows else None
        if m and _canon_unit(m.group(1)) == currency:  # "$5 million dollars"
            uend = m.end()
    elif follows:
        m = _AGE.match(text, q, end)
        if m:
            unit, uend = "years old", m.end()
        else:
            m = _UNIT.match(text, q, end)
            if m and not (m.group(0)[0] == "-" and m.group(1) == "%"):
                unit, uend = _canon_unit(m.group(1)), m.end()
    rq = ""
    if c and not unit and (c.isspace() or c in "-–"):
        m = _RIGHT_QUAL.match(text, q, end)
        if m:
            rq = RIGHT_QUALIFIERS.get(" ".join(m.group(1).lower().split()), "")
            q = uend = m.end()
        hm = _HYPHEN_WORD.match(text, q, end)
        if hm and not rq:
            w = hm.group(1).lower()
            if w == "strong":  # "a 1,200-strong force"
                noun, nend = _noun_head(text, hm.end(), end, f.value, singular=True)
                unit, uend = (noun, nend) if noun else ("", hm.end())
            elif w not in STOP_WORDS:  # "a 15-member council"
                if f.value <= 2 and f.high is None and not f.qualifier:
                    return None  # fixed compounds: "a two-state solution", "one-way"
                unit, uend = w, hm.end()
        else:
            unit, uend = _noun_head(text, q, end, f.value)
    if not rq and unit:
        m = _RIGHT_QUAL.match(text, uend, end)
        if m:
            rq = RIGHT_QUALIFIERS.get(" ".join(m.group(1).lower().split()), "")
            if rq:
                uend = m.end()
    if not f.qualifier and rq:
        f.qualifier = rq
    if unit == "address":
        return None
    if unit in TIME_UNITS and _AGO.match(text, uend, end):
        return None  # "two years ago" is a point in time, like a date
    if one_word and unit not in _MEASURES and not f.qualifier and f.high is None:
        return None
    if year_like and (not unit or unit.lower() in YEAR_MODIFIERS or _noun_after(text, q, end)
                      in YEAR_MODIFIERS):
        return None  # "in 2013", "the 2016 presidential candidates"
    if not unit and ntok < len(toks):
        w = toks[ntok][0].lower()
        if w in ("aged", "age") or (w in AGE_VERBS and f.value <= 120 and f.high is None) or (
                w == "of" and ntok + 1 < len(toks)
                                    and toks[ntok + 1][0].lower() == "age"):
            unit = "years old"  # "aged 40", "at age 70", "over the age of 16"
        elif w in CASUALTY_WORDS:
            unit = w
    if not unit:
        pm = _PARTITIVE.match(text, q, end)
        om = _OF_NUMBER.match(text, q, end)
        if pm and pm.group(1).lower() in PARTITIVE_DETERMINERS:  # "twelve of the dead"
            unit = _noun_head(text, pm.end(), end, 2.0)[0]
        elif om:  # "two of seven crossings": the noun of the whole
            nm = _DIGITS.match(text, om.end(), end)
            after = nm.end() if nm else _parse_words(text, om.end(), end, False)[1]
            unit = _noun_head(text, after, end, 2.0)[0] if after > om.end() else ""
        elif _age_apposition(text, f, q, end, toks):  # "Cynthia Hurd, 54, ..."
            unit = "years old"
    f.unit = unit
    f.end = max(uend, q)
    return f


def _age_apposition(text: str, f: _Found, q: int, end: int, toks: list) -> bool:
    """A bare whole number 1-120 set off by commas right after a name: an age
    ("Cynthia Hurd, 54, ..."; "said Ethan Smith, 19.")."""
    if f.qualifier or f.high is not None or not 1 <= f.value <= 120:
        return False
    if not toks or f.start != toks[0][1] + len(toks[0][0]) + 1 or not text[f.start].isdigit():
        return False
    if f.value != int(f.value) or (q < end and text[q] not in ",.;)") or (
            q + 1 < end and text[q] == "." and text[q + 1].isdigit()):
        return False
    name = toks[0][0]
    bare = name.rstrip(",")
    return (name.endswith(",") and name[:1].isupper() and bare[-1:].isalpha()
            and bare.rstrip(".") not in _MONTH_SET and bare not in WEEKDAYS
            and bare.lower() not in ID_PREFIXES)


def _ratio(text: str, f: _Found, q: int, end: int, toks: list):
    """'1 in 7 residents', 'one in five Americans' -> share 1/7 (unit fraction)."""
    m = _RATIO.match(text, q, end)
    if not m:
        return None
    if m.group(1):
        raw = m.group(1)
        hi = float(raw.replace(",", ""))
        if "," not in raw and 1000 <= hi <= 2100:
            return None  # "1 in 2015"
    else:
        hi = float(_NUMBER_WORDS[m.group(2).lower()])
    if not 0 < f.value < hi:
        return None
    f.value, f.unit = f.value / hi, "fraction"
    _apply_qualifier(f, toks)
    noun, nend = _noun_head(text, m.end(), end, 2.0)
    f.end = nend if noun else m.end()
    return f


def _apply_qualifier(f: _Found, toks: list):
    """Attach the left qualifier (if any) to f; returns how many tokens it used."""
    qual, n = _qualifier(toks)
    if qual in ("between", "from") and f.high is None:
        qual, n = "", 0
    if n:
        f.qualifier, f.start = qual, toks[n - 1][1]
    elif f.high is not None:
        f.qualifier = "between"
    return n


def _digits_at(text: str, p: int, span_start: int, start: int, end: int, currency: str):
    prev = text[p - 1] if p > 0 else " "
    # glued to a word, code, path, time or another number: not a quantity
    if prev.isalpha() or prev.isdigit() or prev in "#@_/:'’\\&=+" or (
            prev in "-–.," and p >= 2 and text[p - 2].isalnum()):
        return None, _skip_run(text, p, end)
    dm = _DIGITS.match(text, p, end)
    raw, q = dm.group(), dm.end()
    nxt = text[q] if q < end else " "
    nxt2 = text[q + 1] if q + 1 < end else " "
    if (nxt in ":/" and nxt2.isdigit()) or (nxt in "./@_=" and nxt2.isalnum()):
        return None, _skip_run(text, p, end)  # 2:30, 9/11, 1.2.3, 911.gov, a@b
    plain = "," not in raw and "." not in raw
    if plain and ((len(raw) > 1 and raw[0] == "0") or len(raw) >= 7):
        return None, _skip_run(text, p, end)  # codes, IDs
    if (len(raw) == 3 and nxt in " .-") or prev == "(":
        pm = _PHONE.match(text, p - 1 if prev == "(" else p, end)
        if pm:
            return None, max(pm.end(), q)
    scale, unit = 1.0, ""
    if nxt.isalpha():
        if _ORDINAL.match(text, q, end):
            mm = _MONTH_AFTER.match(text, q, end)
            return None, (mm.end() if mm else _skip_run(text, p, end))
        am = _ATTACHED.match(text, q, end)
        if not am:
            return None, _skip_run(text, p, end)  # 1990s, 4G, 3D
        suf = am.group().lower()
        if suf in ("bn", "mn", "tn", "k", "b"):
            scale = ABBREV_SCALES[suf]
        elif suf == "m":  # "£5m", "1.5m people" -> million; "a 5m wall" -> metres
            nm = _NP_WORD.match(text, am.end(), end)
            if currency or (nm and nm.group(1) and _is_plural(nm.group(2))
                            and not _UNIT.match(text, am.end(), end)):
                scale = 1e6
            else:
                unit = "m"
        else:
            unit = _canon_unit(suf)
        q = am.end()
    toks = _before(text, span_start, start)
    t0 = toks[0][0] if toks else ""
    # dates: "October 9", "Oct. 7", "October 10-14", "9 October 2015"
    if t0.rstrip(".,") in _MONTH_SET or (t0 == "the" and len(toks) > 1 and
                                         toks[1][0].rstrip(".,") in _MONTH_SET):
        return None, max(_DATE_TAIL.match(text, q, end).end(), q)
    if not unit and scale == 1.0 and nxt.isspace():
        mm = _NOT_QUANTITY_AFTER.match(text, q, end)  # 9 October, 2:30 pm, 2 min read
        if mm:
            return None, mm.end()
    value = float(raw.replace(",", ""))
    year_like = plain and len(raw) == 4 and 1000 <= value <= 2100 and not currency and scale == 1.0
    if year_like:
        if (t0.lower() in YEAR_PREPOSITIONS and t0.lower() not in ("between", "from")) or (
                nxt in "-–" and nxt2.isdigit()) or (
                t0.lower() == "at" and not _UNIT.match(text, q, end)):  # "a look at 2012 shows"
            return None, _skip_run(text, p, end)  # in 2013, the 2016 race, 2014-15
    # names and codes: "Article 5", "Boeing 737", "Flight 4U 9525"
    if toks and span_start == p and _CODE_TOKEN.fullmatch(t0):
        return None, _skip_run(text, p, end)
    id_word = False
    if toks and span_start == p:
        lw = t0.lower()
        if lw in ID_PREFIXES and (t0[0].isupper() or lw in ("no.", "number", "nos.")):
            return None, _skip_run(text, p, end)
        if (t0[:1].isupper() and t0.isalpha() and plain and scale == 1.0 and not currency
                and not _sentence_initial(text, toks[0][1], start)
                and toks[0][1] + len(t0) + 1 == p):
            id_word = True
    f = _Found(span_start, q, value * scale, unit)
    if unit:  # attached unit: "10km", "5m"
        ntok = _apply_qualifier(f, toks)
        rm = _RIGHT_QUAL.match(text, q, end)
        if not f.qualifier and rm and RIGHT_QUALIFIERS.get(" ".join(rm.group(1).lower().split())):
            f.qualifier, q = RIGHT_QUALIFIERS[" ".join(rm.group(1).lower().split())], rm.end()
        f.end = q
        return f, q
    if scale == 1.0:
        scale, q = _scale_at(text, q, end)
        f.value = value * scale
    rg = _read_range(text, q, end, True)
    if rg:
        sep, hi, r2 = rg
        if sep in ("-", "–", "—") and hi <= value and not year_like:
            return None, _skip_run(text, r2, end) if r2 < end else r2  # a 5-4 vote
        if hi > value and not (sep == "and" and _qualifier(toks)[0] != "between"):
            scale2, r2 = _scale_at(text, r2, end)
            if scale == 1.0 and scale2 != 1.0:
                f.value, scale = value * scale2, scale2
            f.high = hi * (scale2 if scale2 != 1.0 else scale)
            q = r2
    elif scale == 1.0 and not currency:
        ratio = _ratio(text, f, q, end, toks)
        if ratio:
            return ratio, ratio.end
    ntok = _apply_qualifier(f, toks)
    if year_like and (f.value != value or (f.high is not None and not 1000 <= f.high <= 2100)
                      or f.qualifier not in ("", "between", "from")) and not (
            ntok and ntok < len(toks) and toks[ntok][0].lower() in YEAR_PREPOSITIONS):
        year_like = False  # "about 1500 troops", "1500-2000 troops"; not "1980 to 1988",
        # "in roughly 1880"
    res = _finish(text, f, q, start, end, toks, ntok, currency=currency, year_like=year_like)
    if res is None:
        return None, _skip_run(text, p, end)
    if year_like and ((f.high is None and t0.lower() in ("between", "from"))
                      or (f.high is not None and value >= 1900)):  # "between 2011 and 2014"
        return None, res.end
    if id_word and not res.unit and not res.qualifier:
        return None, max(res.end, p + 1)
    return res, res.end


def _words_at(text: str, p: int, start: int, end: int):
    m = _WORD_TOKEN.match(text, p, end)
    if m is None:  # "one1", "twoé": glued to something else
        return None, p + 1
    w = m.group(2)
    lw = w.lower()
    # capitalised number words inside names ("the Big Four", "Channel One")
    if w[0].isupper() and not _sentence_initial(text, p, start):
        return None, m.end()
    toks = _before(text, p, start)
    # vague plurals: "hundreds of", "tens of thousands of"
    if lw in VAGUE_PLURALS:
        vm = _VAGUE.match(text, p, end)
        if not vm or (lw in ("tens", "scores") and not vm.group(3)):
            return None, m.end()
        value = VAGUE_PLURALS[lw]
        for x in vm.group(2).lower().split():
            if x != "of":
                value *= VAGUE_PLURALS[x]
        phrase = " ".join(vm.group(0).lower().split())
        f = _Found(p, vm.end(), float(value), "", phrase)
        sq, n = _scale_qualifier(toks)
        if n:
            f.start, f.qualifier = toks[n - 1][1], sq + " " + phrase
        noun, nend = _noun_head(text, vm.end(), end, value)
        if noun:  # "billions of dollars" -> USD, "hundreds of miles" -> mile
            f.unit, f.end = _canon_unit(noun), nend
        elif not vm.group(3) and n < len(toks) and toks[n][0].lower() in CASUALTY_WORDS:
            f.unit = toks[n][0].lower()
        return f, f.end
    # fractions: "half of", "a third of the", "half a million"
    if lw in FRACTIONS:
        a_before = bool(toks) and toks[0][0].lower() in ("a", "an") and toks[0][1] + len(toks[0][0]) + 1 == p
        hd = _HALF_DOZEN.match(text, m.end(), end) if lw == "half" else None
        if hd:  # "a half-dozen groups", "half a dozen"
            f = _Found(toks[0][1] if a_before else p, hd.end(), DOZEN / 2)
            ntok = _apply_qualifier(f, toks[1:] if a_before else toks)
            res = _finish(text, f, hd.end(), start, end, toks[1:] if a_before else toks, ntok)
            return (res, res.end) if res else (None, hd.end())
        if lw != "half" and not a_before:
            return None, m.end()
        fstart = toks[0][1] if a_before and lw != "half" else p
        ntoks = toks[1:] if fstart != p else toks
        return _fraction_tail(text, fstart, m.end(), 1.0 / FRACTIONS[lw], start, end, ntoks)
    first_a, span_start = False, p
    if lw in SCALE_WORDS or lw == "dozen":
        if toks and toks[0][0].lower() in ("a", "an") and toks[0][1] + len(toks[0][0]) + 1 == p:
            first_a, span_start, toks = True, toks[0][1], toks[1:]
        else:  # "several hundred", "a few thousand"
            sq, n = _scale_qualifier(toks)
            if not n:
                return None, m.end()
            f = _Found(toks[n - 1][1], m.end(), float(DOZEN if lw == "dozen" else SCALE_WORDS[lw]),
                       "", sq)
            res = _finish(text, f, m.end(), start, end, toks, n)
            return (res, res.end) if res else (None, m.end())
    value, q = _parse_words(text, p, end, first_a)
    if value is None:
        return None, m.end()
    fm = _FRACTION_AFTER.match(text, q, end)  # "two-thirds of", "three quarters of"
    if fm and not first_a and value < 20:
        return _fraction_tail(text, p, fm.end(), value / FRACTIONS[fm.group(1).lower()],
                              start, end, toks)
    hm = _AND_A_HALF.match(text, q, end)
    if hm:
        value, q = value + 0.5, hm.end()
    f = _Found(span_start, q, value)
    if not first_a and value == int(value):
        ratio = _ratio(text, f, q, end, toks)
        if ratio:
            return ratio, ratio.end
    rg = _read_range(text, q, end, False)
    if rg:
        sep, hi, r2 = rg
        if hi > value and sep not in ("-", "–", "—") and not (
                sep == "and" and _qualifier(toks)[0] != "between"):
            for scale in (1e9, 1e6, 1e3, 1e2):  # "two or three million": scale both ends
                if value < scale <= hi and hi % scale == 0:
                    f.value = value * scale
                    break
            f.high, q = hi, r2
    ntok = _apply_qualifier(f, toks)
    one_word = lw == "one" and q == m.end()
    res = _finish(text, f, q, start, end, toks, ntok, one_word=one_word)
    if res is None:
        return None, q
    return res, res.end


def _fraction_tail(text, fstart, q, value, start, end, toks):
    """After a fraction: 'of'/'the' -> share; 'a million' -> multiplier; 'an hour' -> measure."""
    f = _Found(fstart, q, value)
    if _SHARE_FOLLOWS.match(text, q, end):
        f.unit = "fraction"
        _apply_qualifier(f, toks)
        return f, q
    am = _A_FOLLOWS.match(text, q, end)
    if not am:
        return None, q
    wm = _WORD_TOKEN.match(text, am.end(), end)
    if not wm or wm.group(1):
        return None, q
    w = wm.group(2).lower()
    ntok = _apply_qualifier(f, toks)
    if w in SCALE_WORDS or w == "dozen":
        f.value = value * (DOZEN if w == "dozen" else SCALE_WORDS[w])
        res = _finish(text, f, wm.end(), start, end, toks, ntok)
        return (res, res.end) if res else (None, q)
    um = _UNIT.match(text, am.end() - 1, end)
    if um:
        f.unit, f.end = _canon_unit(um.group(1)), um.end()
        return f, f.end
    return None, q


def _number_at(text: str, p: int, start: int, end: int):
    """Read a quantity whose number starts at p -> (_Found | None, position to resume)."""
    c = text[p]
    if c in CURRENCY_SIGNS:
        currency, span_start = CURRENCY_SIGNS[c], p
        for prefix, code in CURRENCY_PREFIXES.items():  # US$, A$, C$
            k = p - len(prefix)
            if k >= start and text[k:p] == prefix and (k == start or not text[k - 1].isalnum()):
                currency, span_start = code, k
                break
        d = p + 1
        if d < end and text[d] == " ":
            d += 1
        if d >= end or not ("0" <= text[d] <= "9"):
            return None, p + 1
        return _digits_at(text, d, span_start, start, end, currency)
    if "0" <= c <= "9":
        return _digits_at(text, p, p, start, end, "")
    return _words_at(text, p, start, end)


# --------------------------------------------------------------------------- public API

def _candidates(text: str, start: int, end: int) -> list:
    """Sorted offsets in text[start:end] where a number may start."""
    found = [m.start() for m in _DIGIT_CANDIDATE.finditer(text, start, end)]
    words = [m.start() + 1 for m in _WORD_CANDIDATE.finditer(text, start, end)]
    if _WORD_AT_START.match(text, start, end):
        words.insert(0, start)
    if words:
        found += words
        found.sort()
    return found


def _scan(text: str, bounds: list, cands: list, out: list) -> None:
    """Read a quantity at each candidate inside sorted, non-overlapping ``bounds``
    (sentences); no quantity crosses a region's edge."""
    if not bounds:
        return
    k, nb = 0, len(bounds)
    s_start, s_end = bounds[0]
    pos = s_start
    for p in cands:
        if p < pos:
            continue
        while p >= s_end:
            k += 1
            if k >= nb:
                return
            s_start, s_end = bounds[k]
            pos = s_start
        if p < s_start:
            continue
        f, nxt = _number_at(text, p, s_start, s_end)
        if f is None and out and out[-1].start >= s_start and text.startswith("one", p):
            f = _coordinated_one(text, p, out[-1], s_end)  # "two gunmen and one officer"
        if f is not None and math.isfinite(f.value):
            fs = f.start if f.start >= pos else p  # never overlap the previous row
            out.append(Number(fs, f.end, text[fs:f.end], float(f.value), f.unit, f.qualifier))
        pos = max(nxt, p + 1)


_YEAR_TEXT = re.compile(r"(?:\w+\s+)*(?:1[0-9]|20)[0-9]{2}")
_NO_ELISION_AFTER = re.compile(r"\s*(?:[-–]\s*[0-9]|to\s+[0-9]|out\s+of\b)|-")
_MORE_AFTER = re.compile(r"\s+more\b")
_SMALL_WORDS = frozenset(list(SMALL_NUMBERS) + ["ten"])
_COORDINATION = re.compile(r"\s*,?\s+(?:and|or|but|plus)\s+\Z")


def _counted(unit: str) -> bool:
    """Can a later bare number take this unit as its elided noun? Counted nouns only:
    a bare number after a percentage or a sum is as often something else."""
    if not unit or unit in _MEASURES or unit == "address":
        return False
    return not (unit in CASUALTY_WORDS and unit.endswith("ed"))  # "killed 30": a verb


def _coordinated_one(text: str, p: int, prev: Number, end: int):
    """'one' + singular noun right after a coordinated count: 'two gunmen and one officer'."""
    if not _counted(prev.unit) or p - prev.end > 12 or not \
            _COORDINATION.match(text[prev.end:p]):
        return None
    noun, nend = _noun_head(text, p + 3, end, 1.0)
    return _Found(p, nend, 1.0, noun) if noun else None


def _fill_elided(text: str, out: list, sentence_of) -> None:
    """Give a bare count the noun it elides, from the nearest earlier counted quantity in
    its sentence or the one before ("Fourteen people were killed and another 21 were
    injured" -> 21 people; "five of them"). An antecedent that names a known group ("the
    two gunmen", "including seven tourists") is passed over for an earlier one.
    ``sentence_of(offset)`` -> (paragraph, sentence) numbers."""
    for i, n in enumerate(out):
        if n.unit or not i or not n.value or n.value != int(n.value) or _YEAR_TEXT.fullmatch(
                n.text) or text[n.start - 1:n.start] == "(" or _NO_ELISION_AFTER.match(text, n.end):
            continue  # "Atlanta (447,000)", "six to 12 years", "17 out of 100", "in 2011"
        before = text[max(0, n.start - 24):n.start].split()
        w0 = before[-1].lower() if before else ""
        if w0 == "or" and not n.qualifier:
            continue  # "a year or two"
        if w0 == "of" and (len(before) < 2 or before[-2].lower() not in COLLECTIVE_NOUNS):
            continue  # "a city of 8.4 million", "a mother of two"; not "a group of 20"
        pm = _PARTITIVE.match(text, n.end)
        if pm and pm.group(1).lower() not in PARTITIVE_PRONOUNS:
            continue  # "the two of us"
        # the sentence before counts only when the text points back: "five of them",
        # "another 21", "the other four", "two more"
        back = bool(pm) or w0 in ("another", "other", "these", "those") or _MORE_AFTER.match(text, n.end)
        para, sent = sentence_of(n.start)
        best = None
        for j in range(i - 1, -1, -1):
            a = out[j]
            apara, asent = sentence_of(a.start)
            if apara != para or sent - asent > (1 if back else 0):
                break
            if not _counted(a.unit):
                continue
            before = text[max(0, a.start - 12):a.start].split()
            if before and before[-1].lower() in DEFINITE_BEFORE:
                best = best or a
                continue
            best = a
            break
        if best is not None:
            out[i] = n._replace(unit=best.unit)
    # "the two fled", "the three of us": a small number word standing for a known group
    # is a reference, not a figure
    out[:] = [n for n in out if n.unit or n.qualifier or n.text.lower() not in _SMALL_WORDS
              or text[max(0, n.start - 4):n.start].lower() != "the " or not _verb_or_end(text, n.end)]


def _verb_or_end(text: str, q: int) -> bool:
    """Does a clause go on after q without a noun ("the two fled", "the two are", "the
    two.")? Then a bare number before it stands for a group named earlier."""
    m = _NP_WORD.match(text, q)
    if not m or not m.group(1):
        return True
    w = m.group(2).lower()
    if w in NOUN_MODIFIERS:
        return False  # "the two long guns"
    return w in STOP_WORDS or w.endswith(("ly", "ed", "n't", "n’t"))


def _region_sentences(text: str, start: int, end: int):
    """sentence_of() for a region without parsed sentences: sentence ends and blank lines."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start, end)]
    paras = [m.end() for m in re.finditer(r"\n\s*\n", text[start:end])]
    paras = [start + e for e in paras]
    return lambda off: (bisect.bisect_right(paras, off), bisect.bisect_right(ends, off))


def find_numbers_in(text: str, *, start: int = 0, end: int | None = None) -> list[Number]:
    """Quantities in ``text[start:end]``, offsets into ``text``, sorted by start.

    >>> [(n.text, n.value, n.unit, n.qualifier) for n in find_numbers_in(
    ...     "On October 9, 2015, at least 274 civilians died; hundreds of others fled.")]
    [('at least 274 civilians', 274.0, 'civilians', 'at least'), ('hundreds of others', 100.0, 'others', 'hundreds of')]
    """
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    out: list[Number] = []
    if start < end:
        _scan(text, [(start, end)], _candidates(text, start, end), out)
        if out:
            _fill_elided(text, out, _region_sentences(text, start, end))
    return out


def find_numbers(parsed: Parsed) -> list[Number]:
    """Quantities in the body sentences of ``parsed``; none spans two sentences.

    >>> from analysis.records import Article
    >>> from analysis.map.parse import parse_article
    >>> p = parse_article(Article("a", "a.txt", "Headline\\n\\nIran sent over 2,000 fighters."))
    >>> [(n.text, n.value, n.unit, n.qualifier) for n in find_numbers(p)]
    [('over 2,000 fighters', 2000.0, 'fighters', 'over')]
    """
    text = parsed.article.text
    sents = sorted((s.start, s.end, s.paragraph_id) for s in parsed.sentences if s.end > s.start)
    bounds = [(a, b) for a, b, _ in sents]
    out: list[Number] = []
    if bounds:
        _scan(text, bounds, _candidates(text, bounds[0][0], max(e for _, e in bounds)), out)
        if out:
            starts = [a for a, _, _ in sents]

            def sentence_of(off):
                k = max(0, bisect.bisect_right(starts, off) - 1)
                return sents[k][2], k
            _fill_elided(text, out, sentence_of)
    return out
