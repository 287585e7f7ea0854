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
  Ages: "a 25-year-old man", "25 years old", "aged 25" -> unit "years old".
* **"one"** is tagged only when it is plainly a count: with a qualifier ("at least
  one"), a measure ("one mile", "one percent"), a scale ("one million") or a range
  ("one or two"). Determiner/pronoun uses ("one source", "one of", "one another",
  "no one", "One rebel commander") are not quantities.
* **Not quantities**: dates ("October 9", "Oct. 7", "9 October 2015", "October 10-14",
  "9/11", "2015-10-09"), years and decades ("in 2013", "the 2016 race", "1990s"),
  times ("2:30 p.m.", "10 am", "1500 GMT"), ordinals ("9th"), phone numbers,
  numbers inside URLs/e-mails/handles, identifiers ("COVID-19", "F-16", "G7",
  "Article 5", "Resolution 2254", "Boeing 737", leading-zero and 7+-digit codes),
  capitalised number words inside names ("the Big Four"), and "2 min read".
  A 4-digit 1000-2100 number counts only with a qualifier/currency or a counted
  noun/unit after it ("about 1500 troops", "2000 fighters").
"""
from __future__ import annotations

import math
import re

from .records import Number, Parsed

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
photo image video week day year
""".split())
# words before a 4-digit number that make it a year
YEAR_PREPOSITIONS = frozenset(
    "in since by until till til from of the this that for during after before between to "
    "through early late mid around circa c. year since, 's ’s".split())
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
""".split())
STREET_WORDS = frozenset(
    "street st st. avenue ave ave. road rd rd. boulevard blvd lane drive place square".split())

# --------------------------------------------------------------------------- regexes

def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMBER_WORDS = {**SMALL_NUMBERS, **TEEN_NUMBERS, **TENS_NUMBERS}
_ALL_NUMBER_WORDS = set(_NUMBER_WORDS) | set(SCALE_WORDS) | {"dozen"} | set(VAGUE_PLURALS) | {
    "half", "third", "thirds", "quarter", "quarters"}
# Candidate starts, found by two C-speed scans (much faster than one combined regex):
# currency signs/digit runs, and number words (lower-case, or capitalised) as a trie.
_DIGIT_CANDIDATE = re.compile(r"[0-9$£€¥₹₽][0-9,.]*")


def _word_trie() -> str:
    by_first: dict = {}
    for w in _ALL_NUMBER_WORDS:
        by_first.setdefault(w[0], []).append(re.escape(w[1:]))
    parts = []
    for first, rests in sorted(by_first.items()):
        rest = "|".join(sorted(rests, key=len, reverse=True))
        parts += ["%s(?:%s)" % (first, rest), "%s(?:%s)" % (first.upper(), rest)]
    return "|".join(parts)


_WORD_CANDIDATE = re.compile(r"(?<![A-Za-z])(?:%s)(?![a-z])" % _word_trie())
_DIGITS = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
_RUN = re.compile(r"[\w$£€%]*(?:[.,:/\-–@#_+=][\w$£€%]+)*")
_PHONE = re.compile(r"\(?\d{3}\)?[ .\-]\d{3}[ .\-]\d{4}(?!\d)|\d{3}-\d{4}(?!\d)|\d{1,3}-\d{3}-\d{3}-\d{4}")
_URLISH = re.compile(r"@|://|www\.|\.(?:com|org|net|gov|edu|html?|php|aspx?)\b|/\w|\w/|=|_")
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b")
_ATTACHED = re.compile(r"(?:%s)(?![\w])" % _alt(ATTACHED_SUFFIXES))
_MONTH = "(?:%s)" % "|".join(m if len(m) > 3 or m == "May" else m + r"\.?" for m in
                             sorted(MONTHS, key=len, reverse=True))
_MONTH_BEFORE = re.compile(r"\b%s\.?,?\s+(?:the\s+)?\Z" % _MONTH)
_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?(?:\s+of)?\s+%s\b(?:,?\s+\d{4}\b)?" % _MONTH)
_DATE_TAIL = re.compile(r"(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4}\b)?")
_TIME_AFTER = re.compile(
    r"\s*(?:[ap]\.m\.|[ap]m\b|[AP]\.M\.|[AP]M\b|GMT\b|UTC\b|[ECMP][SD]T\b|BST\b|CES?T\b|"
    r"o['’]clock\b|hours?\s+(?:GMT|UTC|local)\b)")
_READ_TIME = re.compile(r"\s*-?\s*min(?:ute)?s?\.?\s+read\b", re.I)
_QUAL_LEFT = re.compile(r"(?<![\w])(%s)\s+[\"“‘']?\Z" % _alt(QUALIFIERS), re.I)
_SCALE_QUAL_LEFT = re.compile(r"(?<![\w])(%s)\s+\Z" % _alt(SCALE_QUALIFIERS), re.I)
_A_LEFT = re.compile(r"(?<![\w])(?:a|an|A|An)\s+\Z")
_CASUALTY_LEFT = re.compile(r"(?<![\w])(%s)\s+\Z" % _alt(CASUALTY_WORDS), re.I)
_AGED_LEFT = re.compile(r"(?<![\w])aged\s+\Z", re.I)
_PREV_WORD = re.compile(r"([A-Za-z][\w.'’]*)[ \t]+\Z")
_WORD_TOKEN = re.compile(r"(\s+and\s+|\s+|-)?([A-Za-z]+)\b")
_SCALE_AFTER = re.compile(r"(?:\s+|-)(million|billion|trillion|thousand|hundred|dozen|bn|mn|tn)\b",
                          re.I)
_RANGE = re.compile(r"(\s*[-–—]\s*|\s+(?:to|and|or)\s+)(?=[$£€\d]|[a-z])")
_UNIT = re.compile(r"(?:\s+|-)?(%s)(?![\w])" % "|".join("(?:%s)" % p for p, _ in UNITS), re.I)
_UNIT_CANON = [(re.compile(r"(?:%s)\Z" % p, re.I), canon) for p, canon in UNITS]
_AGE = re.compile(r"(?:\s+|-)years?(?:\s+|-)old\b|-year-olds?\b", re.I)
_HYPHEN_WORD = re.compile(r"-([A-Za-z]+)\b")
_RIGHT_QUAL = re.compile(r"(\s+or\s+(?:more|so|fewer|less)|\s+plus|-plus|-odd|\s+odd)\b", re.I)
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.I)
_FRACTION_AFTER = re.compile(r"[\s-](halves|half|thirds?|quarters?)\b", re.I)
_OF = re.compile(r"\s+of\b", re.I)
_SHARE_FOLLOWS = re.compile(r"\s+(?:of|the)\b", re.I)
_A_FOLLOWS = re.compile(r"\s+(?:a|an)\s+", re.I)
_NP_WORD = re.compile(r"([ \t]+|\s*-\s*)?([A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")
_VAGUE = re.compile(r"(tens|dozens|scores|hundreds|thousands|millions|billions)"
                    r"((?:\s+of\s+(?:thousands|millions|billions))*)(\s+of\b)?", re.I)


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
    """True if nothing but opening punctuation stands between ``start`` (or a sentence end) and p."""
    i = p - 1
    while i >= start and text[i] in " \t\n\"“‘'([":
        i -= 1
    return i < start or text[i] in ".!?:;\n"


# --------------------------------------------------------------------------- parsing helpers

def _parse_words(text: str, p: int, end: int, first_a: bool):
    """Parse a run of number words at p -> (value, end position) or (None, p)."""
    total, cur, last, q, pos = 0.0, 1.0 if first_a else 0.0, "a" if first_a else None, p, p
    biggest = math.inf
    first = True
    while True:
        m = _WORD_TOKEN.match(text, pos, end)
        if not m:
            break
        sep, w = m.group(1) or "", m.group(2).lower()
        if first and sep:
            break
        if not first and not sep:
            break
        if "and" in sep and last not in ("hundred", "big"):
            break
        if w in SMALL_NUMBERS or w in TEEN_NUMBERS:
            v = _NUMBER_WORDS[w]
            if last == "tens" and w in SMALL_NUMBERS and v > 0:
                cur += v
            elif last in (None, "hundred", "big"):
                cur += v
            else:
                break
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
            cur, biggest = 0.0, scale
            kind = "big"
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


class _Found:
    __slots__ = ("start", "end", "value", "unit", "qualifier", "high")

    def __init__(self, start, end, value, unit="", qualifier=""):
        self.start, self.end, self.value, self.unit, self.qualifier = start, end, value, unit, qualifier
        self.high = None


def _skip_run(text: str, p: int, end: int) -> int:
    m = _RUN.match(text, p, end)
    return max(m.end(), p + 1)


def _noun_head(text: str, q: int, end: int, value: float):
    """The counted noun after position q: (unit, end of unit) or ("", q)."""
    pos, last_word, last_end, n = q, None, q, 0
    while n < 4:
        m = _NP_WORD.match(text, pos, end)
        if not m or (n == 0 and not m.group(1)) or (n > 0 and not m.group(1)):
            break
        w = m.group(2)
        lw = w.lower()
        if lw in STOP_WORDS:
            break
        if lw in CASUALTY_WORDS:
            if n == 0:
                return lw, m.end()
            break
        if _is_plural(w):
            return w, m.end()
        if lw in STREET_WORDS and w[0].isupper():
            return "address", m.end()
        if lw.endswith("ly") or lw.endswith("ing") and n > 0:
            break
        last_word, last_end, pos, n = w, m.end(), m.end(), n + 1
    if value == 1 and last_word is not None and last_word.islower() and n == 1:
        return last_word, last_end
    return "", q


def _number_at(text: str, p: int, start: int, end: int):
    """Try to read a quantity whose number starts at p. Returns (_Found | None, resume_pos)."""
    c = text[p]
    currency = ""
    span_start = p
    # ---- currency sign -------------------------------------------------------------
    if c in CURRENCY_SIGNS:
        currency = CURRENCY_SIGNS[c]
        for prefix, code in CURRENCY_PREFIXES.items():
            k = p - len(prefix)
            if k >= start and text[k:p] == prefix and (k == start or not text[k - 1].isalnum()):
                currency, span_start = code, k
                break
        d = p + 1
        while d < end and text[d] == " ":
            d += 1
        if d >= end or not text[d].isdigit():
            return None, p + 1
        p = d
        c = text[p]
    if c.isdigit():
        return _digits_at(text, p, span_start, start, end, currency)
    return _words_at(text, p, start, end)


def _left_context(text, span_start, start, p, found_value_is_one=False):
    lo = max(start, span_start - 40)
    m = _QUAL_LEFT.search(text, lo, span_start)
    if m:
        return " ".join(m.group(1).lower().split()), m.start(1)
    return "", span_start


def _finish(text, f: _Found, q: int, start: int, end: int, currency: str, p_num: int,
            allow_noun=True, year_like=False, one_word=False):
    """Common tail: scale/percent/units/noun/right qualifier. Returns _Found or None."""
    # unit / measure
    unit, uend = "", q
    if currency:
        unit = currency
        m = _UNIT.match(text, q, end)
        if m and _canon_unit(m.group(1)) == currency:
            uend = m.end()
    else:
        m = _AGE.match(text, q, end)
        if m:
            unit, uend = "years old", m.end()
        else:
            m = _UNIT.match(text, q, end)
            if m and not (m.group(0)[0] == "-" and m.group(1) == "%"):
                canon = _canon_unit(m.group(1))
                unit, uend = canon, m.end()
    rq = ""
    if not unit and allow_noun:
        m = _RIGHT_QUAL.match(text, q, end)
        if m:
            rq = RIGHT_QUALIFIERS.get(m.group(1).strip().lower().replace(" ", " "), "")
            rq = RIGHT_QUALIFIERS.get(" ".join(m.group(1).lower().split()), rq)
            q = uend = m.end()
        hm = _HYPHEN_WORD.match(text, q, end)
        if hm and not rq:
            w = hm.group(1).lower()
            if w == "strong":
                noun, nend = _noun_head(text, hm.end(), end, f.value)
                unit, uend = (noun, nend) if noun else ("", hm.end())
            elif w in STOP_WORDS:
                pass
            else:
                unit, uend = w, hm.end()
        else:
            noun, nend = _noun_head(text, q, end, f.value)
            if noun:
                unit, uend = noun, nend
    elif not unit:
        pass
    if not rq:
        m = _RIGHT_QUAL.match(text, uend, end)
        if m and unit:
            rq = RIGHT_QUALIFIERS.get(" ".join(m.group(1).lower().split()), "")
            if rq:
                uend = m.end()
    if not f.qualifier and rq:
        f.qualifier = rq
    if one_word and not (unit and unit in _MEASURES) and not f.qualifier and not f.high:
        return None
    if year_like and not (f.qualifier or currency) and not (unit and unit != "address"):
        return None
    if unit == "address":
        return None
    if not unit:
        if _AGED_LEFT.search(text, max(start, f.start - 8), f.start):
            unit = "years old"
        else:
            cm = _CASUALTY_LEFT.search(text, max(start, f.start - 20), f.start)
            if cm:
                unit = cm.group(1).lower()
    f.unit = unit
    f.end = max(uend, q)
    return f


_MEASURES = frozenset(c for _, c in UNITS) | {"years old", "fraction"}


def _read_range(text, q, end, lo_value, digits: bool):
    """After a number ending at q: ('-14' / ' to 14' / ' or three') -> (hi_value, new_q) or None."""
    m = _RANGE.match(text, q, end)
    if not m:
        return None
    sep = m.group(1).strip().lower()
    r = m.end()
    if digits:
        if r < end and text[r] in CURRENCY_SIGNS:
            r += 1
        dm = _DIGITS.match(text, r, end)
        if not dm or (dm.end() < end and (text[dm.end()].isalnum() and not
                                          _ATTACHED.match(text, dm.end(), end))):
            return None
        if dm.end() < end and text[dm.end()] in ":/" :
            return None
        hi = float(dm.group().replace(",", ""))
        r2 = dm.end()
    else:
        if not text[r].isalpha():
            return None
        hi, r2 = _parse_words(text, r, end, False)
        if hi is None:
            return None
    return sep, hi, r2


def _digits_at(text: str, p: int, span_start: int, start: int, end: int, currency: str):
    prev = text[p - 1] if p > 0 else " "
    # attached to a word, code, decimal, path or time: not a quantity
    if prev.isalpha() or prev in "#@_/:'’\\&=+" or (
            prev in "-–." and p >= 2 and text[p - 2].isalnum()) or prev.isdigit():
        return None, _skip_run(text, p, end)
    dm = _DIGITS.match(text, p, end)
    raw = dm.group()
    q = dm.end()
    nxt = text[q] if q < end else " "
    # phone numbers
    pm = _PHONE.match(text, p - 1 if prev == "(" else p, end)
    if pm:
        return None, max(pm.end(), q)
    # URLs / e-mails / handles: look at the whitespace-delimited chunk
    lo = p
    while lo > start and not text[lo - 1].isspace():
        lo -= 1
    hi = q
    while hi < end and not text[hi].isspace():
        hi += 1
    if hi - lo > len(raw) + 1 and _URLISH.search(text, lo, hi):
        return None, hi
    if nxt in ":/" and q + 1 < end and text[q + 1].isdigit():
        return None, _skip_run(text, p, end)
    if nxt == "." and q + 1 < end and text[q + 1].isdigit():  # 1.2.3 version
        return None, _skip_run(text, p, end)
    attached_scale = 1.0
    attached_unit = ""
    if nxt.isalpha():
        if _ORDINAL.match(text, q, end):
            if _MONTH_AFTER.match(text, q, end):
                return None, _MONTH_AFTER.match(text, q, end).end()
            return None, _skip_run(text, p, end)
        am = _ATTACHED.match(text, q, end)
        if not am:
            return None, _skip_run(text, p, end)
        suf = am.group().lower()
        if suf in ("bn", "mn", "tn", "k", "b"):
            attached_scale = ABBREV_SCALES[suf]
        elif suf == "m":
            nm = _NP_WORD.match(text, am.end(), end)
            if currency or (nm and nm.group(1) and _is_plural(nm.group(2))
                            and not _UNIT.match(text, am.end(), end)):
                attached_scale = 1e6
            else:
                attached_unit = "m"
        else:
            attached_unit = _canon_unit(suf)
        q = am.end()
    plain = "," not in raw and "." not in raw
    if plain and ((len(raw) > 1 and raw[0] == "0") or len(raw) >= 7):
        return None, _skip_run(text, p, end)
    # dates and times
    if _MONTH_BEFORE.search(text, max(start, p - 14), p):
        dt = _DATE_TAIL.match(text, q, end)
        return None, max(dt.end(), q)
    if not attached_unit and attached_scale == 1.0:
        mm = _MONTH_AFTER.match(text, q, end)
        if mm:
            return None, mm.end()
        tm = _TIME_AFTER.match(text, q, end)
        if tm:
            return None, tm.end()
        if _READ_TIME.match(text, q, end):
            return None, _READ_TIME.match(text, q, end).end()
    value = float(raw.replace(",", "")) * attached_scale
    year_like = plain and len(raw) == 4 and 1000 <= value <= 2100 and not currency
    if year_like:
        pw = _PREV_WORD.search(text, max(start, p - 12), p)
        if pw and pw.group(1).lower() in YEAR_PREPOSITIONS:
            return None, _skip_run(text, p, end)
        if q < end and text[q] in "-–" and q + 1 < end and text[q + 1].isdigit():
            return None, _skip_run(text, p, end)  # 2014-15, 2015-10-09
    # identifiers: "Article 5", "Boeing 737"
    id_word = ""
    pw = _PREV_WORD.search(text, max(start, p - 16), p) if span_start == p else None
    if pw:
        w = pw.group(1)
        if w.lower() in ID_PREFIXES and (w[0].isupper() or w.lower() in ("no.", "number", "nos.")):
            return None, _skip_run(text, p, end)
        if w[0].isupper() and not _sentence_initial(text, pw.start(1), start) and \
                not _MONTH_BEFORE.search(text, pw.start(1), p) and \
                not _QUAL_LEFT.search(text, max(start, p - 30), p):
            id_word = w
    f = _Found(span_start, q, value)
    qual, qstart = _left_context(text, span_start, start, p)
    # scale words
    if attached_scale == 1.0 and not attached_unit:
        sm = _SCALE_AFTER.match(text, q, end)
        if sm:
            f.value *= SCALE_WORDS.get(sm.group(1).lower(), None) or (
                DOZEN if sm.group(1).lower() == "dozen" else ABBREV_SCALES[sm.group(1).lower()])
            q = sm.end()
            year_like = False
    # ranges
    if not attached_unit:
        rg = _read_range(text, q, end, value, True)
        if rg:
            sep, hi, r2 = rg
            if sep in ("-", "–", "—") and hi <= value and not (qual in ("between", "from")):
                return None, _skip_run(text, r2, end) if r2 < end else r2
            if sep == "and" and qual != "between":
                rg = None
            elif sep == "or" and hi <= value:
                rg = None
            elif hi > value:
                scale = f.value / value if value else 1.0
                sm = _SCALE_AFTER.match(text, r2, end)
                if sm and scale == 1.0:
                    scale = SCALE_WORDS.get(sm.group(1).lower(), 1.0)
                    r2 = sm.end()
                    f.value = value * scale
                f.high = hi * scale
                q = r2
            else:
                rg = None
    if qual in ("between", "from") and f.high is None:
        qual, qstart = "", span_start
    if f.high is not None and not qual:
        qual = "between"
    f.qualifier, f.start = qual, qstart
    if attached_unit:
        f.unit = attached_unit
        f.end = q
        rm = _RIGHT_QUAL.match(text, q, end)
        if not f.qualifier and rm:
            rq = RIGHT_QUALIFIERS.get(" ".join(rm.group(1).lower().split()), "")
            if rq:
                f.qualifier, f.end = rq, rm.end()
        return f, f.end
    if year_like and f.qualifier:
        year_like = False
    res = _finish(text, f, q, start, end, currency, p, year_like=year_like)
    if res is None:
        return None, _skip_run(text, p, end)
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
        f = _Found(p, vm.end(), value, "", phrase)
        lq = _SCALE_QUAL_LEFT.search(text, max(start, p - 14), p)
        if lq:
            f.start = lq.start(1)
            f.qualifier = " ".join(lq.group(1).lower().split()) + " " + phrase
        noun, nend = _noun_head(text, vm.end(), end, value)
        if noun:
            f.unit, f.end = noun, nend
        elif not vm.group(3):
            cm = _CASUALTY_LEFT.search(text, max(start, p - 20), p)
            if cm:
                f.unit = cm.group(1).lower()
        return f, f.end
    # fractions: "half of", "a third of the", "half a million"
    if lw in FRACTIONS:
        am = _A_LEFT.search(text, max(start, p - 4), p)
        if lw != "half" and not am:
            return None, m.end()
        value = 1.0 / FRACTIONS[lw]
        fstart = am.start() if am and lw != "half" else p
        return _fraction_tail(text, fstart, m.end(), value, start, end)
    first_a = False
    span_start = p
    if lw in SCALE_WORDS or lw == "dozen":
        am = _A_LEFT.search(text, max(start, p - 4), p)
        if am:
            first_a, span_start = True, am.start()
        else:
            lq = _SCALE_QUAL_LEFT.search(text, max(start, p - 14), p)
            if not lq:
                return None, m.end()
            value = DOZEN if lw == "dozen" else SCALE_WORDS[lw]
            f = _Found(lq.start(1), m.end(), float(value), "", " ".join(lq.group(1).lower().split()))
            return _tail_or_skip(text, f, m.end(), start, end, p)
    value, q = _parse_words(text, p, end, first_a)
    if value is None:
        return None, m.end()
    # "two-thirds of", "three quarters of"
    fm = _FRACTION_AFTER.match(text, q, end)
    if fm and not first_a and value < 20:
        return _fraction_tail(text, p, fm.end(), value / FRACTIONS[fm.group(1).lower()], start, end)
    hm = _AND_A_HALF.match(text, q, end)
    if hm:
        value += 0.5
        q = hm.end()
    f = _Found(span_start, q, value)
    qual, qstart = _left_context(text, span_start, start, p)
    rg = _read_range(text, q, end, value, False)
    if rg:
        sep, hi, r2 = rg
        if hi > value and not (sep == "and" and qual != "between") and sep not in ("-", "–", "—"):
            f.high = hi
            q = r2
    if qual in ("between", "from") and f.high is None:
        qual, qstart = "", span_start
    if f.high is not None and not qual:
        qual = "between"
    f.qualifier, f.start = qual, qstart
    one_word = (value == 1 and lw == "one" and q == m.end())
    res = _finish(text, f, q, start, end, "", p, one_word=one_word)
    if res is None:
        return None, q
    return res, res.end


def _tail_or_skip(text, f, q, start, end, p):
    res = _finish(text, f, q, start, end, "", p)
    if res is None:
        return None, q
    return res, res.end


def _fraction_tail(text, fstart, q, value, start, end):
    """After a fraction word: 'of'/'the' -> share; 'a million' -> multiply; 'an hour' -> measure."""
    if _SHARE_FOLLOWS.match(text, q, end):
        f = _Found(fstart, q, value, "fraction")
        return f, q
    am = _A_FOLLOWS.match(text, q, end)
    if am:
        wm = _WORD_TOKEN.match(text, am.end(), end)
        if wm and not wm.group(1):
            w = wm.group(2).lower()
            if w in SCALE_WORDS or w == "dozen":
                f = _Found(fstart, wm.end(), value * (DOZEN if w == "dozen" else SCALE_WORDS[w]))
                qual, qstart = _left_context(text, fstart, start, fstart)
                f.qualifier, f.start = qual, qstart
                return _tail_or_skip(text, f, wm.end(), start, end, fstart)
            um = _UNIT.match(text, am.end() - 1, end)
            if um:
                qual, qstart = _left_context(text, fstart, start, fstart)
                return _Found(qstart, um.end(), value, _canon_unit(um.group(1)), qual), um.end()
    return None, q


# --------------------------------------------------------------------------- public API

def _candidates(text: str, start: int, end: int) -> list:
    """Sorted start offsets of possible numbers in text[start:end]."""
    digits = [m.start() for m in _DIGIT_CANDIDATE.finditer(text, start, end)]
    words = [m.start() for m in _WORD_CANDIDATE.finditer(text, start, end)]
    if not words:
        return digits
    if not digits:
        return words
    digits += words
    digits.sort()
    return digits


def _scan(text: str, bounds, cands: list, out: list) -> None:
    """Read a quantity at each candidate; ``bounds`` are sorted (start, end) regions
    (sentences) and no quantity crosses a region's edge."""
    k, nb = 0, len(bounds)
    if not nb:
        return
    s_start, s_end = bounds[0]
    pos = 0
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
        if f is not None:
            if f.start < pos:  # never overlap the previous row
                f.start = p
            if math.isfinite(f.value):
                out.append(Number(f.start, f.end, text[f.start:f.end], float(f.value), f.unit,
                                  f.qualifier))
        pos = max(nxt, p + 1)


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
    return out


def find_numbers(parsed: Parsed) -> list[Number]:
    """Quantities in the body sentences of ``parsed`` (no number spans two sentences).

    >>> from analysis.records import Article
    >>> from analysis.parse import parse_article
    >>> p = parse_article(Article("a", "a.txt", "Headline\\n\\nIran sent over 2,000 fighters."))
    >>> [(n.text, n.value, n.unit, n.qualifier) for n in find_numbers(p)]
    [('over 2,000 fighters', 2000.0, 'fighters', 'over')]
    """
    text = parsed.article.text
    out: list[Number] = []
    bounds = sorted((s.start, s.end) for s in parsed.sentences)
    if bounds:
        _scan(text, bounds, _candidates(text, bounds[0][0], max(e for _, e in bounds)), out)
    out.sort(key=lambda n: n.start)
    return out
