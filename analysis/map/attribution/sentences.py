"""Sentence bounds for the attribution finders: the ends of sentences in a text (cached per text),
the start and end of the sentence around an offset. Abbreviations ("Dr.", "Calif.") and short
parentheses ("(D-N.Y.)") end no sentence.

>>> t = "Dr. Lee spoke. Then he left."
>>> _sent_end(t, 0, len(t)), _sent_start(t, 0, 20)
(14, 15)
"""
from __future__ import annotations

import bisect
import re

# a sentence end: punctuation before a space, or run straight into the next sentence in
# scraped text that lost its spaces ('... Boehner.In a column', 'he wrote."Instead')
# (one pattern that starts with the punctuation class, so the scan is fast)
_SENT_END_RE = re.compile(r"[.!?;](?:(?<=[a-z][.!?])[\"”’]?(?=[\"“]?[A-Z][a-z])|[.!?;]*[\"”’)]*(?=\s|$))")
# "(R-La.)", "(D-N.Y.)": a full stop inside a short parenthesis ends no sentence
_SHORT_PAREN_RE = re.compile(r"\([^\s()]{1,10}$")
_ABBREVIATIONS = ("dr", "mr", "mrs", "ms", "st", "gen", "sen", "rep", "gov", "lt", "col",
                  "capt", "maj", "sgt", "prof", "adm", "rev", "no", "oct", "sept", "nov",
                  "dec", "jan", "feb", "aug", "mt", "ft", "vs", "calif", "fla", "mass", "wash",
                  "ariz", "conn", "ill", "mich", "minn", "tenn", "va", "pa", "md", "ga",
                  "ky", "la", "mo", "wis", "colo", "ore", "okla", "ala", "miss", "nev",
                  "del", "jr", "sr", "inc", "corp", "co")
_NOT_END_BEFORE = re.compile(r"(?:^|[^\w.])(?:[A-Z]|%s)$" % "|".join(a.capitalize() for a in _ABBREVIATIONS))
#: every abbreviation above starts with a capital at most this many characters before its stop
_ABBREVIATION_REACH = max(map(len, _ABBREVIATIONS))
_SE_CACHE: list = [None, [], []]


def _sent_index(text: str) -> tuple[list, list]:
    """(match starts, match ends) of sentence-final punctuation in ``text``, cached per text."""
    if _SE_CACHE[0] is not text:
        starts, ends = [], []
        for m in _SENT_END_RE.finditer(text):
            a = m.start()
            # (only where a capital stands close enough before the stop to start an abbreviation)
            if text[a] == "." and m.end() - a == 1 and not text[max(0, a - _ABBREVIATION_REACH):a].islower() \
                    and _NOT_END_BEFORE.search(text, max(0, a - _ABBREVIATION_REACH - 1), a):
                continue  # "Dr. Smith", "John F. Kennedy"
            if text[a] == "." and text[a + 1:m.end()] == ")" and _SHORT_PAREN_RE.search(text, max(0, a - 11), a):
                continue
            starts.append(a)
            ends.append(m.end())
        _SE_CACHE[:] = [text, starts, ends]
    return _SE_CACHE[1], _SE_CACHE[2]


def _sent_start(text: str, lo: int, pos: int) -> int:
    """Start of the sentence containing ``pos`` (not before ``lo``)."""
    ends = _SE_CACHE[2] if _SE_CACHE[0] is text else _sent_index(text)[1]
    i = bisect.bisect_right(ends, pos) - 1
    last = ends[i] if i >= 0 and ends[i] > lo else lo
    while last < pos and text[last].isspace():
        last += 1
    return last


def _sent_end(text: str, pos: int, hi: int) -> int:
    """End of the sentence that contains ``pos`` (at most ``hi``)."""
    starts, ends = (_SE_CACHE[1], _SE_CACHE[2]) if _SE_CACHE[0] is text else _sent_index(text)
    i = bisect.bisect_left(starts, pos)
    return ends[i] if i < len(starts) and ends[i] <= hi else hi
