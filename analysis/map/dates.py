"""Dates the articles report: calendar expressions in body sentences, resolved to ISO dates.

:func:`find_dates` scans one text ("On October 9", "Sept. 30", "9 October 2015", "in July",
"last August", "since August 2015", "on Sunday", "in 2013"); :func:`resolve` turns what it
found into an ISO date using a reference date (the article's publication date); and
:func:`event_dates` does both for every body sentence of an analysed corpus.

A missing year is the one that puts the date closest before the reference date, allowing up
to :data:`FUTURE_WINDOW_DAYS` after it (news reports mostly what has happened; "next"/"last"
override). An article without a publication date borrows the corpus reference date (the
median publication date) for month names; weekdays and "yesterday"/"today" are resolved only
against the article's own date.

>>> [(d.text, d.month, d.day) for d in find_dates("On Oct. 7, rebels said. In early July, too.")]
[('Oct. 7', 10, 7), ('early July', 7, None)]
>>> resolve(find_dates("On October 9, ISIS advanced.")[0], "2016-01-05")
('2015-10-09', 'published')
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from typing import NamedTuple, Optional

import pandas as pd

#: A yearless date may lie at most this many days after the reference date.
FUTURE_WINDOW_DAYS = 60
#: Columns of :func:`event_dates`.
DATE_COLUMNS = ("article_id", "sentence_id", "start", "end", "text", "date", "precision", "basis",
                "sentence")

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
#: Words before a bare month, weekday or year that make it a date ("in July", "on Sunday").
DATE_PREPOSITIONS = ("in", "on", "since", "until", "till", "by", "from", "during", "through",
                     "throughout", "before", "after", "between", "early", "late", "mid", "around")

_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
# with a day number an abbreviation may go without its dot ("Oct 9"); alone it needs one ("Oct.")
_MON_DAY = rf"(?P<mon>(?:{_FULL})\b|(?:{_ABBR})(?:\.|\b))"
_MON_ALONE = rf"(?P<mon>(?:{_FULL})\b|(?:{_ABBR})\.)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?![:.,/]?\d)"
_RANGE = r"(?:\s*[-–]\s*[0-3]?\d\b(?![:.,/]?\d))?"  # "October 10-14": the first day is the date
_YEAR = r"(?P<year>(?:1[89]|20)\d{2})\b(?![-/]\d)"
_REL = r"(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id-|[Mm]id)\s*)"

#: (precision, pattern, needs a preposition or relative word before it), in priority order.
_PATTERNS: tuple[tuple[str, re.Pattern, bool], ...] = (
    ("day", re.compile(r"\b(?P<year>\d{4})-(?P<mo>[01]\d)-(?P<day>[0-3]\d)\b"), False),
    ("day", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON_DAY}(?:,?\s+{_YEAR})?"), False),
    ("day", re.compile(rf"\b{_MON_DAY}\s*{_DAY}{_RANGE}(?:,?\s+{_YEAR})?"), False),
    ("month", re.compile(rf"\b{_REL}?{_MON_ALONE}(?:,?\s+{_YEAR})?"), True),
    ("weekday", re.compile(rf"\b{_REL}?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
     True),
    ("relative", re.compile(r"\b(?P<relday>yesterday|today)\b(?!['’]s)", re.I), False),
    ("year", re.compile(rf"(?<![-/\d]){_YEAR}"), True),
)
_BEFORE = re.compile(rf"\b(?:{'|'.join(DATE_PREPOSITIONS)})[\s-]+$", re.I)


class DateMention(NamedTuple):
    """One date expression: offsets into the scanned text, and what it names."""

    start: int
    end: int
    text: str
    kind: str  # day | month | weekday | relative | year
    year: Optional[int]
    month: Optional[int]
    day: Optional[int]
    rel: str  # last | next | this | early | late | mid | yesterday | today | weekday number | ""


def find_dates(text: str) -> list[DateMention]:
    """Date expressions in ``text``, in order; ``text[d.start:d.end] == d.text``.

    >>> [d.text for d in find_dates("Fighting since last August; on Sunday; 9 October 2015; in 2013.")]
    ['last August', 'Sunday', '9 October 2015', '2013']
    """
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for kind, pat, needs_cue in _PATTERNS:
        for m in pat.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            g = m.groupdict()
            rel = (g.get("rel") or "").lower().rstrip("-")
            if needs_cue and not rel and not _BEFORE.search(text[max(0, s - 16):s]):
                continue
            year = int(g["year"]) if g.get("year") else None
            month = day = None
            if g.get("mo"):
                month = int(g["mo"])
            elif g.get("mon"):
                month = MONTHS[g["mon"].rstrip(".").lower()]
            if g.get("day"):
                day = int(g["day"])
                if not month or not 1 <= day <= calendar.monthrange(year or 2000, month)[1]:
                    continue
            if kind == "weekday":
                rel = f"{rel}:{WEEKDAYS[g['wd'].lower()]}" if rel else str(WEEKDAYS[g["wd"].lower()])
            elif kind == "relative":
                rel = g["relday"].lower()
            if kind in ("day", "month") and not month:
                continue
            taken.append((s, e))
            out.append(DateMention(s, e, m.group(0), "year" if kind == "year" else kind, year, month, day, rel))
    return sorted(out)


def _parse_iso(value) -> Optional[_dt.date]:
    if not isinstance(value, str) or not value:
        return None
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _year_for(month: int, day: int, ref: _dt.date, rel: str) -> int:
    """The year that puts month/day closest before ``ref`` (or within the future window)."""
    if rel == "last":
        return ref.year if month < ref.month else ref.year - 1
    if rel == "next":
        return ref.year if month > ref.month else ref.year + 1
    if rel == "this":
        return ref.year
    limit = ref + _dt.timedelta(days=FUTURE_WINDOW_DAYS)
    for year in (ref.year + 1, ref.year, ref.year - 1):
        last_day = calendar.monthrange(year, month)[1]
        if _dt.date(year, month, min(day, last_day)) <= limit:
            return year
    return ref.year - 1


def resolve(d: DateMention, published=None, *, fallback=None) -> tuple[Optional[str], str]:
    """(ISO date or None, basis) for a date expression.

    ``published``: the article's own date (ISO); ``fallback``: a corpus reference date used
    for a missing year when the article has none. ``basis`` is ``stated`` (the year is
    written), ``published`` or ``corpus`` (whose date gave the year or the day), or ``""``.

    >>> resolve(find_dates("last August")[0], "2015-10-13")
    ('2015-08', 'published')
    >>> resolve(find_dates("on Friday")[0], "2015-10-13")
    ('2015-10-09', 'published')
    >>> resolve(find_dates("on Friday")[0], None, fallback="2015-10-13")
    (None, '')
    """
    own = _parse_iso(published)
    ref, basis = (own, "published") if own else (_parse_iso(fallback), "corpus")
    if d.kind == "year":
        return f"{d.year:04d}", "stated"
    if d.kind in ("weekday", "relative"):
        if own is None:
            return None, ""
        if d.kind == "relative":
            delta = 1 if d.rel == "yesterday" else 0
            return (own - _dt.timedelta(days=delta)).isoformat(), "published"
        rel, _, wd = d.rel.rpartition(":")
        back = (own.weekday() - int(wd)) % 7
        if rel == "last" and back == 0:
            back = 7
        if rel == "next":
            ahead = (int(wd) - own.weekday()) % 7 or 7
            return (own + _dt.timedelta(days=ahead)).isoformat(), "published"
        return (own - _dt.timedelta(days=back)).isoformat(), "published"
    year = d.year
    if year is not None:
        basis = "stated"
    elif ref is None:
        return None, ""
    else:
        year = _year_for(d.month, d.day or 1, ref, d.rel)
    if d.kind == "month":
        return f"{year:04d}-{d.month:02d}", basis
    if d.day > calendar.monthrange(year, d.month)[1]:
        return None, ""
    return f"{year:04d}-{d.month:02d}-{d.day:02d}", basis


def reference_date(published) -> Optional[str]:
    """The corpus reference date: the (lower) median of the valid publication dates, or None.

    >>> reference_date(["2015-10-13", None, "2015-10-09", "bad"])
    '2015-10-09'
    """
    dates = sorted(d for d in (_parse_iso(p) for p in published) if d)
    return dates[(len(dates) - 1) // 2].isoformat() if dates else None


def event_dates(tables, *, fallback: Optional[str] = None) -> pd.DataFrame:
    """Every date expression in the body sentences of an analysed corpus, one row each.

    Columns :data:`DATE_COLUMNS`: offsets into ``tables.texts[article_id]`` (so
    ``text[start:end] == row.text``), ``date`` (ISO ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``
    as ``precision`` says: ``day``, ``month``, ``year``; empty when it cannot be resolved),
    ``basis`` (see :func:`resolve`) and the whole sentence. ``fallback`` overrides the
    corpus reference date.
    """
    arts = tables.articles
    published = {a: p for a, p in zip(arts["article_id"], arts["published"]) if isinstance(p, str) and p}
    ref = fallback or reference_date(arts["published"])
    rows = []
    s = tables.sentences
    for aid, sid, start, text in zip(s["article_id"], s["sentence_id"], s["start"], s["text"]):
        for d in find_dates(text):
            date, basis = resolve(d, published.get(aid), fallback=ref)
            precision = {"weekday": "day", "relative": "day"}.get(d.kind, d.kind)
            rows.append((aid, sid, int(start) + d.start, int(start) + d.end, d.text, date, precision, basis, text))
    df = pd.DataFrame.from_records(rows, columns=list(DATE_COLUMNS))
    return df.sort_values(["article_id", "start"], kind="mergesort").reset_index(drop=True)
