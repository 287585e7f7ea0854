"""The cue lexicon: the editable ``data/cues.csv`` (columns ``cue``, ``kind``, ``quotes``, ``note``),
read once at import, and the regexes compiled from it.

* ``kind`` (for attributions): ``speech``, ``tell`` (a hearer follows: "told reporters"),
  ``media`` ("reported"), ``belief``, ``intention``, ``according_to``, ``quoted_as`` ("quoted Y
  as saying"), ``participle`` ("..., saying"), or ``quote_only`` (a cue of direct quotes only:
  "sighed", "went on").
* ``quotes`` (for the quote finder): ``verb`` (introduces a quote: "said"), ``participle``
  ("saying"), ``source_only`` (marks an indirect source, never a quote: "believes").

>>> "said" in CUE_VERBS, CUES["believes"]
(True, 'belief')
"""
from __future__ import annotations

import bisect
import csv
import re

from ...config import DATA_DIR
from .lexicon import _alt

CUES_PATH = DATA_DIR / "cues.csv"


def _load_quote_cues(path=CUES_PATH) -> dict[str, tuple[str, ...]]:
    """The cue lexicon's words by their role for quotes (``quotes`` column of ``data/cues.csv``):
    ``verb`` (introduces a quote: "said"), ``participle`` ("saying"), ``source_only`` (marks an
    indirect source, never a quote: "believes", "quoted by")."""
    out: dict[str, list[str]] = {"verb": [], "participle": [], "source_only": []}
    with open(path, encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh), start=2):
            role = (row.get("quotes") or "").strip()
            if not role:
                continue
            if role not in out:
                raise ValueError(f"{path}, line {i}: cue {row.get('cue')!r} has quotes={role!r}; "
                                 f"use one of {', '.join(out)} or leave it empty")
            out[role].append(row["cue"].strip())
    return {k: tuple(v) for k, v in out.items()}


_QUOTE_CUES = _load_quote_cues()
#: cue verbs and phrases that introduce a quote ("said", "according to"), from data/cues.csv
CUE_VERBS = _QUOTE_CUES["verb"]
#: participles that introduce a quote after a clause ("..., saying “...”")
PARTICIPLE_CUES = _QUOTE_CUES["participle"]
# cues that only mark an indirect source (never introduce a direct quote on their own)
SOURCE_ONLY_CUES = _QUOTE_CUES["source_only"]


class _CueRegex:
    """A cue regex (``(?<![\\w’'-])(?:cue|...)(?![\\w’'-])``) whose ``finditer`` and ``search``
    try it only where some cue of the lexicon starts (:func:`_cue_starts`, one fast scan of each
    text), with the same matches as the compiled regex's own methods (which try every offset).
    """

    __slots__ = ("regex", "pattern")

    def __init__(self, words) -> None:
        self.regex = re.compile(r"(?<![\w’'-])(?:%s)(?![\w’'-])" % _alt(words))
        self.pattern = self.regex.pattern

    def finditer(self, text: str, lo: int, hi: int):
        """``self.regex.finditer(text, lo, hi)``."""
        match = self.regex.match
        p = lo
        # at ``lo`` the regex sees no character before it: try it there too
        m = match(text, lo, hi) if text[lo:lo + 1] in _FIRST_CHARS else None
        if m:
            yield m
            p = m.end()
        starts = _cue_starts(text)
        i = bisect.bisect_right(starts, lo)
        n = len(starts)
        while i < n and starts[i] < hi:
            c = starts[i]
            i += 1
            if c >= p:
                m = match(text, c, hi)
                if m:
                    yield m
                    p = m.end()

    def search(self, text: str, lo: int, hi: int):
        """``self.regex.search(text, lo, hi)``."""
        match = self.regex.match
        m = match(text, lo, hi) if text[lo:lo + 1] in _FIRST_CHARS else None
        if m:
            return m
        starts = _cue_starts(text)
        i = bisect.bisect_right(starts, lo)
        n = len(starts)
        while i < n and starts[i] < hi:
            m = match(text, starts[i], hi)
            if m:
                return m
            i += 1
        return None

    def fullmatch(self, string: str):
        return self.regex.fullmatch(string)


_CUE_RE = _CueRegex(CUE_VERBS)
_PART_RE = _CueRegex(PARTICIPLE_CUES)
NOT_SOURCE_CUES = {"continued", "continues", "went on", "asked", "asks", "answered", "sighed",
                   "concluded", "replied", "replies", "responded", "cried", "shouted", "whispered",
                   "joked", "quipped", "agreed", "recounted", "remarked", "asking", "writing",
                   "adds", "added", "adding", "began", "wondered", "mused", "scoffed", "snapped",
                   "demanded", "pleaded"}
_SRC_CUE_RE = _CueRegex([c for c in CUE_VERBS + PARTICIPLE_CUES + SOURCE_ONLY_CUES if c not in NOT_SOURCE_CUES])
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
            if kind != "quote_only":  # used by the quote finder only (analysis.map.quotes)
                out[cue] = kind
    return out


CUES = _load_cues()


def cue_kind(cue: str) -> str:
    """The kind of an attribution cue as written ("Said" as "said"), "" when it is none.

    >>> cue_kind("According to"), cue_kind("ballot")
    ('according_to', '')
    """
    return CUES.get(cue) or CUES.get(cue.lower(), "")


_ATTR_CUE_RE = _CueRegex(list(CUES) + [c[:1].upper() + c[1:] for c in CUES if CUES[c] == "according_to"])

#: every cue of the regexes above
_ALL_CUES = sorted({*CUE_VERBS, *PARTICIPLE_CUES, *SOURCE_ONLY_CUES, *CUES,
                    *(c[:1].upper() + c[1:] for c in CUES if CUES[c] == "according_to")})
# where a cue may start: after a space (a literal first, so ``re`` skips fast), or after any
# other character that is no ASCII letter or digit (rare; after a word character no cue regex
# matches); the regex itself decides at each place
_AFTER_SPACE_RE = re.compile(r" (?=%s)" % _alt(_ALL_CUES))
_AFTER_OTHER_RE = re.compile(r"[^ a-zA-Z0-9’'-](?=%s)" % _alt(_ALL_CUES))
_STARTS_CACHE: list = [None, []]
#: the first letters of the cues (no cue starts with any other character)
_FIRST_CHARS = frozenset(c[0] for c in _ALL_CUES)


def _cue_starts(text: str) -> list[int]:
    """Sorted offsets (> 0) in ``text`` where a cue may start, cached for the last text.

    >>> _cue_starts("He said (according to Lee) it was not asked.")
    [3, 9, 38]
    """
    if _STARTS_CACHE[0] is not text:
        starts = [m.end() for m in _AFTER_SPACE_RE.finditer(text)]
        other = [m.end() for m in _AFTER_OTHER_RE.finditer(text)]
        if other:
            starts = sorted(starts + other)
        _STARTS_CACHE[:] = [text, starts]
    return _STARTS_CACHE[1]
