"""Split an article into headline, metadata, body, paragraphs and sentences.

The parser works line by line over ``Article.text`` (never a normalised copy), so
every span it reports satisfies ``text[start:end] == span.text``:

1. *Header*: leading lines are classified as section label, blog intro, share
   buttons, read-time, byline, date, photo caption, teaser or headline until
   the first body-like line.
2. *Body*: remaining lines minus boilerplate (share/print buttons, "Continue
   reading", captions, contact lines, credits, bios, copyright ...). Lines
   separated by a single newline are joined into one paragraph when the break
   falls inside a sentence.
3. *Sentences*: a regex finds candidate boundaries; abbreviations, initials,
   decimals and quotes followed by lower-case attribution are not split.
4. *Outlet*: metadata, else a credit line, dateline, interview credit, author
   bio, copyright line or an outlet-name line, using ``data/outlets.csv``.

>>> from analysis.records import Article
>>> p = parse_article(Article("a", "", "World\\n\\nRebels Gain Ground\\n\\nBy JANE DOE\\n"
...     "Oct. 9, 2015\\n\\nBEIRUT (Reuters) - Rebels advanced. Gen. Ali said so."))
>>> p.headline_text, p.byline, p.published, p.outlet
('Rebels Gain Ground', 'Jane Doe', '2015-10-09', 'Reuters')
>>> [s.text for s in p.sentences]
['BEIRUT (Reuters) - Rebels advanced.', 'Gen. Ali said so.']
"""
from __future__ import annotations

import csv
import datetime as _dt
import re

from ..config import DATA_DIR
from .load import CSV_EXTS, JSONL_EXTS
from ..records import Article, Boilerplate, Parsed, Sentence, Span

# --------------------------------------------------------------------------- word lists

#: abbreviations that (almost) never end a sentence: titles, months, "No.", "vs." ...
NO_SPLIT_ABBREVS = frozenset("""
mr. mrs. ms. messrs. dr. prof. gen. col. lt. sgt. capt. cmdr. cmdt. adm. maj. cpl. pvt.
brig. lt.-gen. maj.-gen. sen. sens. rep. reps. gov. govt. pres. rev. fr. hon. amb.
supt. insp. det. atty. st. mt. ft. vs. v. e.g. i.e. cf. viz. approx. est. ave. blvd.
gov't. dept.
jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.
""".split())

#: abbreviations that stand before a number ("No. 3", "Fig. 2"); split otherwise ("the answer is no.")
NUMBER_ABBREVS = frozenset("no. nos. fig. figs. vol. p. pp. art. sec. ch. nr. tel.".split())

#: abbreviations that may end a sentence: split only before a typical sentence opener
MAY_END_ABBREVS = frozenset("""
u.s. u.k. u.n. u.s.a. e.u. u.a.e. d.c. l.a. n.y. inc. co. corp. ltd. llc. plc. bros.
jr. sr. a.m. p.m. etc. al. mass. calif. fla. ill. tex. ariz. colo. conn. wash. va.
""".split())

#: capitalised words that typically open a sentence (used after U.S., Inc., initials ...)
SENTENCE_STARTERS = frozenset("""
The A An He She It They We I You This That These Those There Then Thus But And Or So Yet
In On At For With As If When While After Before Since Although Though However Meanwhile
Still Also His Her Its Their Our My Your Some Many Most All No Not One Two Three What Why
How Who Where Which Officials Other Others Both Each Every Such Last Next Earlier Later
According During Despite Under Over Among Now Today Yesterday Instead Even Only Just
""".split())

#: words that cannot end a sentence: a line ending in one continues on the next line
CONTINUATION_WORDS = frozenset("""
a an the of to in on at by for with from into onto about as and or but nor than that
which who whom whose said says told tells according including via per between among
is are was were be been has have had will would could should may might must not his
her its their our my your this these those
""".split())

#: one-to-three word labels that sit above a headline
SECTION_LABELS = frozenset("""
world news politics business opinion analysis exclusive breaking middle east us u.s.
europe asia africa americas tech technology science health sports culture entertainment
national international local home latest update live video photos commentary editorial
""".split())

#: photo agencies whose name ends a caption line ("Airstrikes over Idlib AP")
PHOTO_CREDITS = ("AP", "AP Photo", "Reuters", "AFP", "Getty Images", "Getty", "EPA",
                 "AFP/Getty Images", "Shutterstock", "Xinhua", "Anadolu Agency")

# --------------------------------------------------------------------------- outlets


def _load_outlets():
    """Read ``data/outlets.csv`` once: alias -> canonical outlet name."""
    alias_to_outlet = {}
    path = DATA_DIR / "outlets.csv"
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                name = (row.get("outlet") or "").strip()
                if not name:
                    continue
                alias_to_outlet.setdefault(name, name)
                for alias in (row.get("aliases") or "").split("|"):
                    if alias.strip():
                        alias_to_outlet.setdefault(alias.strip(), name)
    except OSError:  # pragma: no cover - data file missing: inference just finds nothing
        pass
    return alias_to_outlet


OUTLET_ALIASES = _load_outlets()
_ALIAS_ALT = "|".join(re.escape(a) for a in sorted(OUTLET_ALIASES, key=len, reverse=True)) or "(?!)"
_OUTLET_RE = re.compile(rf"(?<![\w.])(?:{_ALIAS_ALT})(?![\w])")
_OUTLET_LOWER = {a.lower(): o for a, o in OUTLET_ALIASES.items()}


def outlet_name(alias: str) -> str | None:
    """Canonical outlet for an alias, or None.

    >>> outlet_name("The Associated Press"), outlet_name("nobody")
    ('Associated Press', None)
    """
    return OUTLET_ALIASES.get(alias) or _OUTLET_LOWER.get(alias.strip().lower())


# --------------------------------------------------------------------------- dates

_MONTHS = {m: i for i, names in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
    ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
    ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")], start=1) for m in names}
_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_DATE_RE = re.compile(
    rf"(?P<iso>(?P<iy>\d{{4}})[-/.](?P<im>\d{{1,2}})[-/.](?P<id>\d{{1,2}}))(?!\d)"
    rf"|(?P<mdy>(?P<m1>{_MON})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}}))"
    rf"|(?P<dmy>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MON})\.?,?\s+(?P<y2>\d{{4}}))"
    rf"|(?P<num>(?<![\d/])(?P<n1>\d{{1,2}})/(?P<n2>\d{{1,2}})/(?P<ny>\d{{4}}|\d{{2}})(?![\d/]))",
    re.I)
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T.*)?")


def _ymd(y, m, d):
    try:
        return _dt.date(int(y), int(m), int(d)).isoformat()
    except (TypeError, ValueError):
        return None


def _date_from_match(m) -> str | None:
    if m.group("iso"):
        return _ymd(m.group("iy"), m.group("im"), m.group("id"))
    if m.group("mdy"):
        return _ymd(m.group("y1"), _MONTHS[m.group("m1").lower()], m.group("d1"))
    if m.group("dmy"):
        return _ymd(m.group("y2"), _MONTHS[m.group("m2").lower()], m.group("d2"))
    a, b, y = int(m.group("n1")), int(m.group("n2")), int(m.group("ny"))
    y = y + 2000 if y < 100 else y
    return _ymd(y, a, b) if a <= 12 else _ymd(y, b, a)  # US month/day unless impossible


def normalise_date(value) -> str | None:
    """ISO ``YYYY-MM-DD`` from a stated date in any common format, else None.

    >>> [normalise_date(s) for s in ("Oct. 9, 2015", "13 October 2015", "2015-10-09T08:00Z",
    ...  "Fri, 09 Oct 2015 10:00:00 GMT", "10/09/2015", "20151009", "soon")]
    ['2015-10-09', '2015-10-13', '2015-10-09', '2015-10-09', '2015-10-09', '2015-10-09', None]
    """
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value > 1e11:  # milliseconds
            value /= 1000
        try:
            return _dt.datetime.fromtimestamp(value, _dt.timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.strftime("%Y-%m-%d")
    s = str(value).strip()
    m = _DATE_RE.search(s)
    if m:
        return _date_from_match(m)
    m = _COMPACT_DATE.fullmatch(s)
    return _ymd(*m.groups()) if m else None


# --------------------------------------------------------------------------- line patterns

_BULLET = r"[\s•·*\-–—|>]*"
# Kinds that may open with any text: a photo credit in parentheses, a contributor line.
# a credit in parentheses, "(AP Photo/Name)"; claims.py cuts it out of a caption line
PHOTO_CREDIT_IN_PARENS = r"\((?:ap |afp |reuters |file |getty )?(?:photo|image|picture|video|photograph)s?\b[^)]{0,100}\)"
_PHOTO_IN_PARENS = r"|.{0,300}" + PHOTO_CREDIT_IN_PARENS
_CONTRIBUTED_ALT = r"|.{0,160}\bcontributed (?:to )?(?:this |the )?(?:report|reporting|story)\b.{0,80}"
# Whole-line boilerplate; the group name is the Boilerplate kind.
_BOILER_LINE_PATTERN = (
    rf"{_BULLET}(?:"
    r"(?P<share>(?:print friendly,? pdf (?:&|and) email|send to kindle|print(?: this)?(?: article| story| page)?"
    r"|e-?mail(?: this)?(?: article| story| page)?|share(?: this)?(?: article| story| post| page)?(?: on \w+)?[!.:]?"
    r"|share via \w+|tweet(?: this)?|pin it|(?:facebook|twitter|google\+?|linkedin|pinterest|reddit|whatsapp|tumblr|mail|email)"
    r"(?:[\s,|/]*(?:facebook|twitter|google\+?|linkedin|pinterest|reddit|whatsapp|tumblr|mail|email|print|share))*"
    r"|read or share this story:.*|click to (?:share|print|email).*|\d+\s+comments?|comments?|view comments|leave a comment"
    r"|share this:?|like this:?|related|related (?:articles|stories|posts)|more on this story))"
    r"|(?P<read_time>\d+\s*(?:-\s*)?(?:min|mins|minute|minutes)\.?\s+read)"
    r"|(?P<continue>\[?\s*(?:continue|keep) reading[^\]\n]{0,40}\]?|read more[^\n]{0,40}|story continue[sd] below"
    r"|article continues (?:below|after (?:the )?advertisement)|\[(?:\.\.\.|…)\]|\(?more\)?)"
    # audio/video player widgets: NPR "<story> Listen · 4:30 4:30", CNN "JUST WATCHED <clip>
    # Replay More Videos ..." / "MUST WATCH <clip> 02:33", USA Today "CLOSE <summary> Video
    # provided by Newsy", "Play video", "Watch the full interview", a bare duration "03:56"
    # (widgets that end a line are found by _PLAYER_TAIL, only in lines that name them)
    r"|(?P<player>(?-i:JUST WATCHED|MUST WATCH)\b.{0,300}"
    r"|(?:play|replay|watch|listen to)(?: the)?(?: full)? (?:video|audio|clip|interview|segment)s?\b.{0,60}"
    r"|(?:loading (?:the )?(?:video|player)|video (?:player )?(?:is )?loading)\W{0,8}"
    r"|\(?\d{1,2}:\d\d(?::\d\d)?\)?)"
    r"|(?P<advert>(?:advertisement|sponsored(?: content)?|ad|adchoices|paid content):?)"
    # a live blog's entry stamp: "Updated at 10:53 a.m. ET:", "Posted 5:00 PM EST" (a line
    # that is a date as well is a ``date`` line, see _is_date_line)
    r"|(?P<timestamp>(?:last )?(?:updated?|posted|published)(?: at| on)? \d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?"
    r"(?: [a-z]{1,4}\.?)?:?)"
    r"|(?P<newsletter>(?:sign up|subscribe)\b.{0,80}(?:newsletter|email|updates|subscription|today).{0,40})"
    r"|(?P<copyright>(?:copyright|©|\(c\)).{0,160})"
    r"|(?P<photo_credit>\[?\s*(?:photo|image|picture|video|photograph|illustration|graphic)s?(?: credit)?\s*(?:by|:)[^\n]{0,150}"
    r"|enlarge this image.{0,200}|toggle caption.{0,200}|image (?:copyright|caption|source).{0,200}"
    rf"{_PHOTO_IN_PARENS}"
    r"|(?:getty images|ap photo|afp photo|reuters photo)[^\n]{0,80})"
    r"|(?P<contact>(?:(?:e-?mail|contact|follow)(?: \w+){0,4}(?: on twitter)?(?: at)?:?\s*)?"
    r"(?:[\w.+-]+@[\w-]+\.[\w.-]+|@\w{2,})(?:[\s|,;/]*(?:[\w.+-]+@[\w-]+\.[\w.-]+|@\w{2,}|on twitter))*[\s|,;.]*)"
    r"|(?P<credit>contributing:.{0,300}" rf"{_CONTRIBUTED_ALT}"
    r"|(?:additional )?reporting by .{0,200}|(?:editing|edited|writing) by .{0,200}|(?:via|source|h/t|hat tip):? .{0,100})"
    r")\s*")


def _boiler_line(paren: bool, contributed: bool) -> re.Pattern:
    """The whole-line pattern for a line with/without "(" and "contributed": a line without
    one cannot match the alternative that needs it, so that alternative (a scan of up to 300
    characters) is left out; the result is the same."""
    p = _BOILER_LINE_PATTERN
    assert p.count(_PHOTO_IN_PARENS) == 1 and p.count(_CONTRIBUTED_ALT) == 1
    if not paren:
        p = p.replace(_PHOTO_IN_PARENS, "")
    if not contributed:
        p = p.replace(_CONTRIBUTED_ALT, "")
    return re.compile(p, re.I)


_BOILER_LINES = {(a, b): _boiler_line(a, b) for a in (False, True) for b in (False, True)}
_BOILER_LINE = _BOILER_LINES[True, True]
_CONTRIBUTED = re.compile("contributed", re.I)
# Inline boilerplate at the end of a body line: "... the city. [Continue reading…]"
_TRAILING_BOILER = re.compile(
    r"\s*(?:\[\s*(?:continue|keep) reading[^\]\n]{0,40}\]|(?:continue|keep) reading(?: the (?:full |main )?(?:story|article))?\s*(?:\.\.\.|…|»|>>)"
    r"|\[?read more(?:\.\.\.|…)?\]?)\s*$", re.I)
# Credit line opening the body: "The Guardian reports:" / "Via Reuters:"
_CREDIT_OPEN = re.compile(
    rf"(?:(?:via|from|source:?)\s+)?(?P<o>{_ALIAS_ALT})(?:\s+(?:reports|reported|writes|wrote|says|notes|explains|has more|adds))?\s*:\s+")
_DATELINE = re.compile(rf"[A-Z][A-Za-z.'’ ,/-]{{1,60}}?\s*\((?P<o>{_ALIAS_ALT})\)\s*(?:[-–—:]\s*)?(?=\S)")
_INTERVIEW = re.compile(rf"\btells? (?P<o>{_ALIAS_ALT})['’]s\b")
_ORIGINALLY = re.compile(rf"\b(?:originally (?:appeared|published|ran)|first (?:appeared|published)|republished|reprinted)"
                         rf"(?: \w+){{0,3}} (?:in|on|by|at|from) (?:the )?(?P<o>{_ALIAS_ALT})\b", re.I)
_ROLES = r"(?i:editor|correspondent|reporter|writer|columnist|contributor|fellow|journalist|producer|analyst|blogger|director)s?"
# closing author bio: "Jane Roe is a senior editor for The Daily Planet." / "... is the author of ..."
_BIO = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+){1,4}(?:is|was|has been|serves as)\s+(?:a|an|the|one of)\b.{0,200}?"
    rf"(?:\b{_ROLES}\s+(?:for|at|of|with|in)\s+(?:the\s+)?[A-Z]|\bauthor of\b).{{0,300}}", re.S)
_BIO_OUTLET = re.compile(rf"\b(?i:editor|correspondent|reporter|writer|columnist|contributor|journalist|producer|"
                         rf"chief|analyst|blogger|host|anchor)s?\b\s+(?i:for|at|of|with)\s+(?P<o>{_ALIAS_ALT})")
_COPYRIGHT_OUTLET = re.compile(rf"(?:copyright|©)[^\n]{{0,30}}?(?P<o>{_ALIAS_ALT})", re.I)

_BY_LINE = re.compile(r"(?:by|written by|posted by|words by)\s*:?\s+(?P<name>\S.*)", re.I)
_BY_ALONE = re.compile(r"(?:by|written by|posted by)\s*:?", re.I)
_NAME = r"(?:[A-Z][a-zA-Z'’.-]*\.?\s+){0,2}[A-Z][a-zA-Z'’-]+"
_NAMES_ONLY = re.compile(rf"{_NAME}(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){_NAME}){{0,4}}")
_EMAIL_HANDLE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|(?<!\w)@\w+")
_DATE_LINE_REST = re.compile(
    r"[\s,|•·:/\-–—()]*(?:(?:published|updated|posted|last updated|first published|on|at|date|"
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|"
    r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?|[ap]\.?m\.?|gmt|utc|edt|est|cdt|cst|pdt|pst|bst|cet|cest|et|pt|"
    r"\d{1,2}|hours? ago|mins? ago)[\s,|•·:/\-–—()]*)*", re.I)
_CREDIT_TAIL = re.compile(r"\s(?:" + "|".join(re.escape(c) for c in sorted(PHOTO_CREDITS, key=len, reverse=True))
                          + r")(?:\s*/\s*[A-Z][\w ]{0,30})?$")
_WORDS = re.compile(r"\S+")
_PLAYER_TAIL = re.compile(
    r"(?:\blisten\s*[·•|:-]?\s*\d{1,2}:\d\d(?:\s*\d{1,2}:\d\d)?(?:\s+(?:queue|download|embed|transcript"
    r"|playlist)\b.{0,80})?|\breplay more videos\b.{0,12}|\bvideo provided by\b.{0,60})\s*\Z", re.I)
_PLAYER_WORDS = ("isten", "ISTEN", "eplay", "EPLAY", "rovided by", "ROVIDED BY")  # any case
_PLAYER_WORD = re.compile("|".join(_PLAYER_WORDS))  # one search for any of them
GALLERY_MARK = re.compile(r"\bHide Caption \d+ of \d+")  # photo-gallery widget text (also cut by claims.py)
_HANDLE_OR_MAIL_LINE = re.compile(r"[\s|,;]*(?:(?:[\w.+-]+@[\w-]+\.[\w.-]+|@\w+)[\s|,;]*)+")

_OPEN_QUOTES = "\"'“‘«([{"
_CLOSERS = "\"'”’»)]}"

# --------------------------------------------------------------------------- sentences

# a candidate boundary: terminal punctuation (+ closing quotes) before whitespace, or glued
# to the next sentence as scraped text often is: "right.\"This move", "fall.Many".
_CAND = re.compile(r"[.!?…]+[\"'”’»)\]]*(?:(?=\s+([^\sa-z]))|(?<=[a-z]{2}[.!?])(?=([A-Z][a-z]))|(?<=[.!?][\"”])(?=([A-Z])))")
_NEXT_WORD = re.compile(r"[\"'“‘«(\[]*([\w’'-]+)")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")


def split_sentences(text: str, *, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of ``text[start:end]`` as spans into ``text`` (trimmed, never empty).

    >>> [s.text for s in split_sentences('Gen. J. R. Smith of the U.S. Army said 2.5 km. '
    ...                                  '“Why?” he asked. It ended.” The U.N. met.')]
    ['Gen. J. R. Smith of the U.S. Army said 2.5 km.', '“Why?” he asked.', 'It ended.”', 'The U.N. met.']
    """
    end = len(text) if end is None else end
    return [Span(s, e, text[s:e]) for s, e in _sentence_bounds(text, start, end)]


def _sentence_bounds(text: str, start: int, end: int) -> list:
    """``split_sentences`` as (start, end) pairs (parse_article makes Sentences of them)."""
    # trim the stretch itself
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    out = []
    if start >= end:
        return out
    cur = start
    for m in _CAND.finditer(text, start, end):
        nxt = m.start(m.lastindex)
        if nxt >= end or m.end() <= cur:
            continue
        if not _is_boundary(text, m, cur, end):
            continue
        out.append((cur, m.end()))
        cur = nxt
    out.append((cur, end))
    return out


def _is_boundary(text: str, m, lo: int, hi: int) -> bool:
    """Decide whether the candidate boundary ``m`` ends a sentence."""
    punct = m.group()
    nxt = m.start(m.lastindex)
    wm = _NEXT_WORD.match(text, nxt, hi)
    first = wm.group(1)[0] if wm else text[nxt]
    if first.islower():
        return False  # "“Why?” he asked", "e.g. the", "U.S. officials" lowercase -> same sentence
    if not (first.isupper() or first.isdigit() or text[nxt] in _OPEN_QUOTES):
        return False  # dashes, symbols: keep together
    core = punct.rstrip(_CLOSERS)
    if core != ".":
        return True  # ? ! … and runs like "?!" / "..." before a capital
    dot = m.start() + len(core) - 1
    tok = text[_word_start(text, lo, dot):dot + 1].lstrip(_OPEN_QUOTES)
    low = tok.lower()
    if dot - lo <= 2:
        return False  # "Q. What ..." / "A. We ..." labels opening a sentence
    if low in NO_SPLIT_ABBREVS:
        return False
    if low in NUMBER_ABBREVS and first.isdigit():
        return False
    if low in MAY_END_ABBREVS or (_INITIALS.fullmatch(tok) and len(tok) <= 8):
        if len(punct) > len(core):
            return True  # "... in the U.S.” Then" - a closing quote confirms the end
        return bool(wm) and wm.group(1) in SENTENCE_STARTERS
    return True


def _word_start(text: str, lo: int, dot: int) -> int:
    """Start of the word ending at ``dot``: after the last space, newline, no-break space or
    tab in ``text[lo:dot]`` (else ``lo``). Looked for in the 40 characters before first (the
    usual word), so a long paragraph is not searched back to its start at every period."""
    w = max(lo, dot - 40)
    k = max(text.rfind(" ", w, dot), text.rfind("\n", w, dot), text.rfind("\xa0", w, dot),
            text.rfind("\t", w, dot))
    if k < 0 and w > lo:
        k = max(text.rfind(" ", lo, w), text.rfind("\n", lo, w), text.rfind("\xa0", lo, w),
                text.rfind("\t", lo, w))
    return max(k, lo - 1) + 1


# --------------------------------------------------------------------------- helpers


def _title_case(name: str) -> str:
    """Title-case an ALL-CAPS name; leave mixed case alone.

    >>> _title_case("THOMAS O'NEIL-SMITH"), _title_case("Jane McDonald")
    ("Thomas O'Neil-Smith", 'Jane McDonald')
    """
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 2:
        return re.sub(r"[^\W\d_]+", lambda w: w.group().capitalize(), name)
    return name


def clean_byline(raw: str) -> str | None:
    """Byline without 'By', e-mails, handles, dates, pipes; ALL-CAPS names title-cased.

    >>> clean_byline("BY JOHN SMITH | October 9, 2015 | jsmith@x.com | @jsmith")
    'John Smith'
    """
    if not raw:
        return None
    s = _EMAIL_HANDLE.sub(" ", str(raw))
    s = _DATE_RE.sub(" ", s)
    s = re.sub(r"^\s*(?:by|written by|posted by)\b\s*:?", " ", s, flags=re.I)
    parts = [p.strip(" ,;-–—•") for p in re.split(r"[|\n•]", s)]
    parts = [p for p in parts if p and not _DATE_LINE_REST.fullmatch(p)]
    s = ", ".join(parts)
    s = re.sub(r"\s+", " ", s).strip(" ,;:-–—")
    return _title_case(s) or None


def _strip_words(s: str) -> list[str]:
    return _WORDS.findall(s)


def _is_date_line(s: str) -> str | None:
    """ISO date if the line is just a date (with optional weekday/time/'Updated')."""
    if len(s) > 90:
        return None
    m = _DATE_RE.search(s)
    if not m:
        return None
    if _DATE_LINE_REST.fullmatch(s[:m.start()]) and _DATE_LINE_REST.fullmatch(s[m.end():]):
        return _date_from_match(m)
    return None


def _title_like(s: str, nwords: int) -> bool:
    """Short line without sentence-final period: could be a headline or label."""
    if nwords == 0 or nwords > 22 or len(s) > 200:
        return False
    if s[-1] in ".,;:" or s.endswith(("…", "...")):
        return False
    c = s.lstrip(_OPEN_QUOTES)[:1]
    if not c or not (c.isupper() or c.isdigit()):
        return False
    if s.count("[") > s.count("]") or s.count("(") > s.count(")"):
        return False
    if s[-1].isalpha() and s[s.rfind(" ") + 1:].lower() in CONTINUATION_WORDS:
        return False  # "... obtained by" breaks off mid-sentence
    return not s.startswith(("Q:", "A:"))


def _section_label(s: str, nw: int, lines, j: int) -> bool:
    """A one/two-word label (or known section words) above a longer title-like line."""
    if nw > 4:
        return False
    known = all(w.lower().strip(":|") in SECTION_LABELS for w in _strip_words(s))
    if not known and nw > 2:
        return False
    if j >= len(lines):
        return False
    nxt = lines[j]
    if j + 1 < len(lines) and not lines[j + 1].gap_before and _joins(nxt, lines[j + 1]):
        return False
    if not _title_like(nxt.text, nxt.nwords) or _is_date_line(nxt.text) or _CREDIT_TAIL.search(nxt.text):
        return False
    if nxt.text.endswith(("[…]", "[...]")) or _BY_LINE.fullmatch(nxt.text) or _BY_ALONE.fullmatch(nxt.text):
        return False
    return known or nxt.nwords >= max(3, nw + 2)


def _names_only(s: str, nwords: int) -> bool:
    return nwords <= 10 and bool(_NAMES_ONLY.fullmatch(s)) and not any(
        w.lower() in CONTINUATION_WORDS for w in _strip_words(s) if w.lower() != "and")


def _outlet_in(s: str) -> str | None:
    m = _OUTLET_RE.fullmatch(s.strip(" .:|-–—"))
    return outlet_name(m.group()) if m else None


_TOKEN_CORE = re.compile(r"[^\W_]{3,}")


def _title_regex(title: str, text: str | None = None):
    """Regex matching ``title`` with any whitespace and straight/curly quote or dash.

    With ``text``, returns None early when a word of the title is missing from it
    (cheap filter: most stated titles do not occur in the body at all).
    """
    toks = _strip_words(title)
    if not toks:
        return None
    if text is not None and not all(c in text for c in _TOKEN_CORE.findall(title)):
        return None
    parts = []
    for t in toks:
        if "\\" in t:  # a backslash before a quote or dash: the substitutions below, as written
            t = re.escape(t)
            t = re.sub(r"(?:\\?['’‘`])", "['’‘`]", t)
            t = re.sub(r'(?:\\?["“”])', '["“”]', t)
            t = re.sub(r"(?:\\?[-–—])", "[-–—]", t)
        else:  # the same, character by character (re.escape works that way)
            t = "".join(_TITLE_CHAR.get(c) or re.escape(c) for c in t)
        parts.append(t)
    return re.compile(r"\s+".join(parts))


def _title_spans(title: str, text: str):
    """(start, end) of each non-overlapping match of ``_title_regex(title, text)`` in
    ``text``, left to right, without compiling a regex (one per article otherwise): the
    title's words in order, separated by whitespace (``\\s`` is ``str.isspace``), found
    with ``str.find``. A quote or dash in the title matches any of its kind: title and
    text are then compared with every quote and dash folded onto one character of its
    kind (one character for one, so the offsets hold). A backslash takes the regex."""
    toks = _strip_words(title)
    if not toks or not all(c in text for c in _TOKEN_CORE.findall(title)):
        return
    if "\\" in title:
        rx = _title_regex(title)
        for m in rx.finditer(text, 0, len(text)):
            yield m.start(), m.end()
        return
    if any(c in _TITLE_CHAR for c in title):
        toks = [t.translate(_TITLE_FOLD) for t in toks]
        text = text.translate(_TITLE_FOLD)
    first, rest = toks[0], toks[1:]
    n = len(text)
    pos = 0
    while True:
        i = text.find(first, pos)
        if i < 0:
            return
        j = i + len(first)
        for t in rest:
            k = j
            while k < n and text[k].isspace():
                k += 1
            if k == j or not text.startswith(t, k):
                break
            j = k + len(t)
        else:
            yield i, j
            pos = j
            continue
        pos = i + 1


# any quote or dash in a stated title matches any of its kind
_TITLE_CHAR = {**dict.fromkeys("'’‘`", "['’‘`]"), **dict.fromkeys('"“”', '["“”]'), **dict.fromkeys("-–—", "[-–—]")}
#: each of those characters -> the first of its kind (what _title_spans compares)
_TITLE_FOLD = str.maketrans({c: cls[1] for c, cls in _TITLE_CHAR.items()})


class _Line:
    __slots__ = ("start", "end", "text", "nwords", "gap_before", "kind", "idx")

    def __init__(self, start, end, text, gap_before, idx):
        self.start, self.end, self.text, self.gap_before, self.idx = start, end, text, gap_before, idx
        self.nwords = text.count(" ") + 1  # cheap word count; refined when needed
        self.kind = ""


def _lines(text: str) -> list[_Line]:
    """Non-blank lines with stripped offsets; ``gap_before`` marks a blank line before."""
    out = []
    pos = 0
    gap = True
    for raw in text.split("\n"):
        n = len(raw)
        stripped = raw.strip()
        if stripped:
            s = pos + (n - len(raw.lstrip()))
            out.append(_Line(s, s + len(stripped), stripped, gap, len(out)))
            gap = False
        else:
            gap = True
        pos += n + 1
    return out


def _boiler_kind(line: _Line) -> str:
    t = line.text
    if len(t) > 400:
        return "photo_credit" if "Hide Caption" in t and GALLERY_MARK.search(t) else ""
    m = _BOILER_LINES["(" in t, _CONTRIBUTED.search(t) is not None].fullmatch(t)
    if not m:
        tail = line.text[-120:]
        if _PLAYER_WORD.search(tail) and line.nwords <= 80 and _PLAYER_TAIL.search(line.text):
            return "player"  # "<story> Listen · 4:30 4:30", "<clip> Replay More Videos ..."
        return ""
    kind = m.lastgroup or ""
    # a credit/source line that is really a sentence of the story stays in the body
    if kind == "credit" and line.nwords > 30:
        return ""
    if kind == "photo_credit" and line.nwords > 60:
        return ""
    if kind == "copyright" and line.nwords > 30:
        return ""
    if kind == "player" and line.nwords > 80:
        return ""
    return kind


def _joins(a: _Line, b: _Line) -> bool:
    """Does line ``b`` continue the sentence of line ``a`` (single newline between)?"""
    at = a.text
    tail = at.rstrip(_CLOSERS)[-1:]
    if tail in ".!?…:" or not tail:
        return False
    if at.count("[") > at.count("]") or at.count("(") > at.count(")"):
        return True
    if at[-1] in ",;-–—(/&":
        return True
    c = b.text.lstrip(_OPEN_QUOTES)[:1]
    if c.islower():
        return True
    if at[-1].isalpha() and at[at.rfind(" ") + 1:].lower() in CONTINUATION_WORDS:
        return True
    return a.nwords > 12 and at[-1].isalnum() and not at[-1].isdigit()


# --------------------------------------------------------------------------- main


_RECORD_EXTS = frozenset({".json"}) | JSONL_EXTS | CSV_EXTS


def _is_record(article: Article) -> bool:
    """Did the article come from a JSON/JSONL/CSV record (whose fields are the author's)?"""
    p = article.path or ""
    return p[p.rfind("."):].lower() in _RECORD_EXTS if "." in p else False


def _inside_sentence(before: str, after: str) -> bool:
    """A stated title found in a line, with ``before``/``after`` the rest of that line:
    True when it runs on from or into lowercase words, i.e. it is part of a sentence."""
    b = before.rstrip()
    a = after.lstrip()
    return (bool(b) and b[-1].isalpha() and b.rsplit(None, 1)[-1][:1].islower()) or \
        (bool(a) and a[0].islower())


def parse_article(article: Article) -> Parsed:
    """Headline, outlet, byline, date, body, paragraphs and sentences of an article.

    >>> from analysis.records import Article
    >>> t = "Iran\\n\\nShare this article!\\n\\nRebels Hold Out in Idlib\\n\\nThe rebels held.\\n\\nFacebooktwittermail"
    >>> p = parse_article(Article("x", "", t))
    >>> p.headline.text, [b.kind for b in p.boilerplate], [s.text for s in p.sentences]
    ('Rebels Hold Out in Idlib', ['section', 'share', 'share'], ['The rebels held.'])
    """
    text = article.text or ""
    lines = _lines(text)
    boiler: list[Boilerplate] = []
    outlet = (article.outlet or "").strip() or None
    evidence = "metadata" if outlet else ""
    byline = clean_byline(article.byline) if article.byline else None
    published = normalise_date(article.published) if article.published else None
    date_from_text = None
    byline_from_text = None
    title = (article.title or "").strip() or None
    # a record's own title field (JSON, JSONL, CSV) is the headline; a body line only
    # says where it stands when it repeats the title word for word
    record_title = title if title and _is_record(article) else None

    def mark(line, kind):
        line.kind = kind
        if kind != "headline":
            boiler.append(Boilerplate(line.start, line.end, line.text, kind))

    # ---- locate a stated title
    headline = None
    title_line = None
    if title:
        first_hit = None
        for ms, me in _title_spans(title, text):
            ls = text.rfind("\n", 0, ms) + 1
            le = text.find("\n", me)
            le = len(text) if le < 0 else le
            if _inside_sentence(text[ls:ms], text[me:le]):
                continue  # "... the Dam to close plan ...": words of a body sentence
            if first_hit is None:
                first_hit = (ms, me)
            if not text[ls:ms].strip() and not text[me:le].strip():
                first_hit = (ms, me)
                break
        if first_hit is not None:
            headline = Span(first_hit[0], first_hit[1], text[first_hit[0]:first_hit[1]])
            for ln in lines:
                if ln.start <= headline.start < ln.end + 1 and headline.end <= ln.end:
                    title_line = ln
                    break

    # ---- header
    body_from = 0
    n = len(lines)
    i = 0
    headline_seen = False
    max_header = min(n, 16)

    def next_content(j):
        """Index of the next line that is not whole-line boilerplate."""
        while j < n and _boiler_kind(lines[j]):
            j += 1
        return j

    while i < max_header:
        ln = lines[i]
        s = ln.text
        if title_line is not None and ln is title_line:
            if headline.start > ln.start:
                cap = text[ln.start:headline.start].rstrip()
                boiler.append(Boilerplate(ln.start, ln.start + len(cap), cap, "caption"))
            if headline.end < ln.end:
                rs = headline.end + (len(text[headline.end:ln.end]) - len(text[headline.end:ln.end].lstrip()))
                boiler.append(Boilerplate(rs, ln.end, text[rs:ln.end], "subheadline"))
            ln.kind = "headline"
            headline_seen = True
            i += 1
            continue
        kind = _boiler_kind(ln)
        if kind:
            mark(ln, kind)
            i += 1
            continue
        iso = _is_date_line(s)
        if iso:
            mark(ln, "date")
            date_from_text = date_from_text or iso
            i += 1
            continue
        if _BY_ALONE.fullmatch(s) and i + 1 < n:
            mark(ln, "byline")
            nl = lines[i + 1]
            mark(nl, "byline")
            byline_from_text = byline_from_text or nl.text
            dm = _DATE_RE.search(nl.text)
            if dm:
                date_from_text = date_from_text or _date_from_match(dm)
            i += 2
            continue
        bm = _BY_LINE.fullmatch(s)
        if bm and ln.nwords <= 16 and bm.group("name")[:1].isupper():
            mark(ln, "byline")
            byline_from_text = byline_from_text or s
            dm = _DATE_RE.search(s)
            if dm:
                date_from_text = date_from_text or _date_from_match(dm)
            i += 1
            continue
        if _HANDLE_OR_MAIL_LINE.fullmatch(s):
            mark(ln, "contact")
            i += 1
            continue
        if s.endswith("[…]") or s.endswith("[...]"):
            mark(ln, "teaser")
            i += 1
            continue
        nw = ln.nwords
        tl = _title_like(s, nw)
        if title_line is not None and not headline_seen and title_line.idx <= 3:
            # material above a stated headline: section label, kicker or blog intro
            mark(ln, "section" if tl and nw <= 4 else "intro")
            i += 1
            continue
        if not headline_seen and title_line is None:
            # blog intro before the real headline: a sentence ending in ':'
            if s.endswith(":") and nw >= 5:
                j = next_content(i + 1)
                if j < n and _title_like(lines[j].text, lines[j].nwords):
                    mark(ln, "intro")
                    i += 1
                    continue
            if tl and _section_label(s, nw, lines, next_content(i + 1)):
                mark(ln, "section")
                i += 1
                continue
            if tl and title is None:
                headline = Span(ln.start, ln.end, s)
                ln.kind = "headline"
                headline_seen = True
                i += 1
                continue
            if title is not None and tl:
                # stated title not found verbatim: accept a near-identical line
                tw = {w.lower().strip("'’\"“”:,") for w in _strip_words(title)}
                lw = [w.lower().strip("'’\"“”:,") for w in _strip_words(s)]
                if tw and lw and sum(w in tw for w in lw) >= 0.7 * max(len(tw), len(lw)):
                    if record_title:  # the record's title stays the headline; the line
                        # repeating it in other words is not body (and not its offsets)
                        ln.kind = "headline"
                        boiler.append(Boilerplate(ln.start, ln.end, ln.text, "headline"))
                    else:
                        headline = Span(ln.start, ln.end, s)
                        ln.kind = "headline"
                    headline_seen = True
                    i += 1
                    continue
        if tl:
            o = _outlet_in(s)
            if o:
                mark(ln, "outlet")
                if not outlet:
                    outlet, evidence = o, f"header line '{s}'"
                i += 1
                continue
            if (headline_seen or title) and _CREDIT_TAIL.search(s):
                mark(ln, "photo_credit")
                i += 1
                continue
            if (headline_seen or title) and _names_only(s, nw) and i + 1 < n:
                mark(ln, "byline")
                byline_from_text = byline_from_text or s
                i += 1
                continue
            if headline_seen and nw >= 3 and i + 1 < n and not (
                    not lines[i + 1].gap_before and _joins(ln, lines[i + 1])):
                mark(ln, "subheadline")
                i += 1
                continue
        break
    body_from = i

    # ---- body lines: whole-line boilerplate, inline trailing boilerplate
    body_lines = []
    for ln in lines[body_from:]:
        if ln.kind:
            continue
        if headline is not None and ln.start <= headline.start and headline.end <= ln.end \
                and ln.end - ln.start == headline.end - headline.start:
            ln.kind = "headline"  # stated title found as a full line further down
            continue
        kind = _boiler_kind(ln)
        if not kind and _HANDLE_OR_MAIL_LINE.fullmatch(ln.text):
            kind = "contact"
        if not kind and ln.nwords <= 12 and _is_date_line(ln.text):
            kind = "date"
        if kind:
            mark(ln, kind)
            continue
        w0 = max(ln.start, ln.end - 60)
        # every form of trailing boilerplate says "read" (cheap test before the regex)
        tm = _TRAILING_BOILER.search(text, w0, ln.end) if "read" in text[w0:ln.end].lower() else None
        if tm and tm.start() > ln.start:
            cut = tm.start()
            cs = cut + (len(text[cut:ln.end]) - len(text[cut:ln.end].lstrip()))
            boiler.append(Boilerplate(cs, ln.end, text[cs:ln.end], "continue"))
            ln.end = cut
            ln.text = text[ln.start:cut]
        body_lines.append(ln)

    # ---- opening credit line / dateline (outlet of the content)
    if body_lines:
        first = body_lines[0]
        cm = _CREDIT_OPEN.match(text, first.start, first.end)
        if cm and cm.end() < first.end:
            o = outlet_name(cm.group("o"))
            cred = text[first.start:cm.end()].rstrip()
            boiler.append(Boilerplate(first.start, first.start + len(cred), cred, "credit"))
            if not outlet or evidence != "metadata":
                outlet, evidence = o, f"credit line '{cred}'"
            first.start = cm.end()
            first.text = text[first.start:first.end]
        elif not outlet:
            dm = _DATELINE.match(text, first.start, first.end)
            if dm:
                outlet = outlet_name(dm.group("o"))
                evidence = f"dateline '{text[first.start:dm.end()].strip()}'"

    # ---- closing author bio
    bio_outlet = None
    if body_lines:
        last = body_lines[-1]
        if last.nwords <= 70 and _BIO.fullmatch(last.text):
            bm = _BIO_OUTLET.search(last.text) or _OUTLET_RE.search(last.text)
            if bm:
                o = bm.group("o") if "o" in (bm.groupdict() or {}) else bm.group()
                bio_outlet = (outlet_name(o), bm.group())
            mark(last, "bio")
            body_lines.pop()

    # ---- paragraphs: blank lines separate; single newlines join only mid-sentence
    paragraphs: list[Span] = []
    prev = None
    pstart = pend = None
    for ln in body_lines:
        if ln.start >= ln.end:
            continue
        if prev is not None and not ln.gap_before and prev.idx == ln.idx - 1 and _joins(prev, ln):
            pend = ln.end
        else:
            if pstart is not None:
                paragraphs.append(Span(pstart, pend, text[pstart:pend]))
            pstart, pend = ln.start, ln.end
        prev = ln
    if pstart is not None:
        paragraphs.append(Span(pstart, pend, text[pstart:pend]))

    sentences = []
    new = tuple.__new__  # (what Sentence(...) calls, without its Python-level __new__)
    for pid, p in enumerate(paragraphs):
        for s, e in _sentence_bounds(text, p.start, p.end):
            sentences.append(new(Sentence, (len(sentences), pid, s, e, text[s:e])))

    # ---- remaining outlet evidence
    if not outlet and paragraphs:
        head = text[paragraphs[0].start:paragraphs[min(2, len(paragraphs) - 1)].end]
        im = _INTERVIEW.search(head)
        om = _ORIGINALLY.search(text)
        if om:
            outlet, evidence = outlet_name(om.group("o")), f"republication note '{om.group()}'"
        elif bio_outlet and bio_outlet[0]:
            outlet, evidence = bio_outlet[0], f"author bio '...{bio_outlet[1]}'"
        elif im:
            outlet, evidence = outlet_name(im.group("o")), f"interview credit '{im.group()}'"
    if not outlet:
        for b in boiler:
            if b.kind == "copyright":
                cm = _COPYRIGHT_OUTLET.search(b.text)
                if cm:
                    outlet, evidence = outlet_name(cm.group("o")), f"copyright line '{b.text}'"
                    break

    if not byline and byline_from_text:
        byline = clean_byline(byline_from_text)
    if not published:
        published = date_from_text

    boiler.sort(key=lambda b: b.start)
    headline_text = headline.text if headline is not None else title
    body_start = paragraphs[0].start if paragraphs else len(text)
    body_end = paragraphs[-1].end if paragraphs else len(text)
    return Parsed(article=article, headline=headline, headline_text=headline_text, outlet=outlet,
                  outlet_evidence=evidence, byline=byline, published=published,
                  body_start=body_start, body_end=body_end, paragraphs=paragraphs,
                  sentences=sentences, boilerplate=boiler)
