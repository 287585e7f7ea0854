"""Quotation marks: the view of the text in which two single quotes ('') count as one double mark,
the pairing of opening and closing marks, and a quick "inside a quote?" test.

>>> t = 'He said “We won” and "left".'
>>> [(o, c) for o, c in _pair_marks(t, 0, len(t))]
[(8, 15), (21, 26)]
"""
from __future__ import annotations

import bisect
import re

_MARK_RE = re.compile(r"[\"“”]")
_TWO_SINGLE_RE = re.compile(r"'''|''")


def _marks_view(text: str) -> str:
    """The text with each two-single-quote mark ('') as one double quote plus a space.

    Wire and archive copies (LexisNexis, the New York Times) print ``''`` for both quotation
    marks. The view keeps every offset: an opening '' becomes ' "', a closing one '" ', so the
    quote's words keep their places; three single quotes are a double mark beside a single one
    (a quote inside a quote that opens or closes with it). Strings reported to users are cut
    from the real text.

    >>> _marks_view("He said ''We won,'' twice.")
    'He said  "We won,"  twice.'
    """
    if "''" not in text:
        return text

    def rep(m):
        i = m.start()
        prev = text[i - 1] if i > 0 else " "
        opening = prev.isspace() or prev in "([—–-"
        if len(m.group()) == 3:
            return " \"'" if opening else "'\" "
        return ' "' if opening else '" '

    return _TWO_SINGLE_RE.sub(rep, text)


def _pair_marks(text: str, s: int, e: int) -> list[list]:
    """[[open, close_or_None], ...] for double quote marks in text[s:e]."""
    out = []
    open_at = None
    for m in _MARK_RE.finditer(text, s, e):
        i = m.start()
        ch = text[i]
        prev = text[i - 1] if i > s else " "
        nxt = text[i + 1] if i + 1 < e else " "
        if ch == "“":
            kind = "open"
            if open_at is not None and (nxt.isspace() or nxt in ",.;:!?)") and not prev.isspace():
                kind = "close"  # “ used as a closing mark
        elif ch == "”":
            kind = "close"
            if open_at is None and (prev.isspace() or prev in "([—–-") and not nxt.isspace():
                kind = "open"  # ” used as an opening mark
        else:
            if open_at is None:
                if prev.isdigit() or (prev.isalpha() and not nxt.isalnum()):
                    continue  # inch mark (5' 11") or stray
                kind = "open"
            else:
                kind = "close"
                if (prev.isspace() or prev in "([") and nxt.isalnum() and i - open_at > 1:
                    kind = "open"
        if kind == "open":
            if open_at is not None:
                out.append([open_at, None])  # previous never closed
            open_at = i
        else:
            if open_at is None:
                continue
            out.append([open_at, i])
            open_at = None
    if open_at is not None:
        out.append([open_at, None])
    return out


class _SpanCover:
    """``cover(pos)``: is ``pos`` inside one of the spans (``start <= pos < end``)?

    Spans may overlap; a bisect over the starts plus the running maximum of the ends.

    >>> cover = _SpanCover([(10, 50), (20, 30), (60, 70)])
    >>> [cover(p) for p in (5, 10, 45, 50, 65, 70)]
    [False, True, True, False, True, False]
    """

    __slots__ = ("starts", "max_ends")

    def __init__(self, spans) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.max_ends, top = [], -1
        for _, e in spans:
            top = max(top, e)
            self.max_ends.append(top)

    def __call__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos)
        return i > 0 and self.max_ends[i - 1] > pos
