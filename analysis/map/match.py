"""Finding many word-list cues in text at once: the shared matcher of the lexicons.

Cues are phrases ("cease fire", "negotiat*": words at word boundaries, any space or hyphen
between them, ``*`` = any continuation) or raw regular expressions (``re:`` prefix). A
:class:`Matcher` tokenises a text once, looks each candidate token up by its first word or stem
(one C-speed scan of a trie-shaped regex finds the candidates), and confirms a cue with its own
regex only there. Used by :mod:`analysis.map.framing` (frames, labels, hedges) and
:mod:`analysis.map.events` (actions, participant names).
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from typing import Optional

_TOKEN = re.compile(r"\w+")
_SEP = r"[\s\-\u2010-\u2014]+"


def phrase_regex(cue: str, *, case: bool = False) -> re.Pattern:
    r"""Compile a codebook cue: words matched at word boundaries, any whitespace or hyphen
    between words, ``*`` at a word's end = any continuation; ``re:`` prefix = raw regex.

    >>> bool(phrase_regex("cease fire").fullmatch("cease-fire"))
    True
    >>> bool(phrase_regex("negotiat*").fullmatch("Negotiations"))
    True
    """
    flags = 0 if case else re.IGNORECASE
    if cue.startswith("re:"):
        return re.compile(cue[3:], flags)
    parts = []
    for w in cue.split():
        star = w.endswith("*")
        parts.append(re.escape(w.rstrip("*")) + (r"\w*" if star else ""))
    body = _SEP.join(parts)
    pre = r"\b" if re.match(r"\w", cue) else ""
    post = r"\b" if re.search(r"[\w*]$", cue) else ""
    return re.compile(pre + body + post, flags)


def _phrase_key(cue: str) -> list[tuple[str, str]] | None:
    """Keys ('exact', word) / ('prefix', stem) / ('digit', '') a match must start with, or None (scan)."""
    if cue.startswith("re:"):
        return _regex_key(cue[3:])
    first = cue.split()[0]
    m = re.match(r"\w+", first)
    if not m:
        return None
    stem = m.group().lower()
    if m.end() == len(first) or first[m.end():] != "*":
        return [("exact", stem)]  # "U.S." starts with the token "u"
    return [("prefix", stem)]


def _regex_key(pattern: str) -> list[tuple[str, str]] | None:
    r"""Literal stems a regex's matches must start with (at a word start), when certain, else None.

    Understood shapes: ``\b`` then letters, ``\d``, or groups ``(?:a|b)`` / ``(?:a)?b`` of those;
    a whole pattern wrapped in ``(?-i:...)`` too.
    >>> _regex_key(r"\balleged(?:ly)?\b"), _regex_key(r"\b(?:un)?likely\b")
    ([('exact', 'allegedly'), ('exact', 'alleged')], [('exact', 'unlikely'), ('exact', 'likely')])
    >>> _regex_key(r"[$]\d") is None
    True
    >>> _regex_key(r"\bair[\s-]?strikes?\b"), _regex_key(r"\bcould\s+not\b")
    ([('prefix', 'air')], [('exact', 'could')])
    """
    if pattern.startswith("(?-i:") and _group_end(pattern, 0) == len(pattern) - 1:
        pattern = pattern[5:-1]
    if not pattern.startswith(r"\b"):
        return None
    stems = _stems(pattern[2:])
    if not stems or any(st == "" for st, _ in stems):
        return None
    return [("digit", "") if st == "\\d" else ("exact" if whole else "prefix", st)
            for st, whole in dict.fromkeys(stems)]


def _stems(p: str) -> list[tuple[str, bool]] | None:
    """(stem, whole_token) pairs a match of ``p`` (at a word start) must begin with, or None."""
    if p == "" or p.startswith((r"\b", r"\s", r"\W", "(?!", "(?=")):
        return [("", True)]
    alts = _split_top(p)
    if len(alts) > 1:
        out = []
        for alt in alts:
            st = _stems(alt)
            if st is None:
                return None
            out += st
        return out
    if p.startswith(r"\d"):
        return [("\\d", False)]
    if p.startswith("(?:"):
        j = _group_end(p, 0)
        if j < 0:
            return None
        inner, rest = p[3:j], p[j + 1:]
        if rest[:1] in ("?", "*"):
            a, b = _stems(f"(?:{inner}){rest[2:] if rest[1:2] == '?' else rest[1:]}"), _stems(rest[1:])
            return None if a is None or b is None else a + b
        if rest[:1] in ("{", "+"):
            return None
        return _stems("|".join(alt + rest for alt in _split_top(inner)))
    m = re.match(r"[A-Za-z0-9]+", p)
    if not m:
        return None
    stem, nxt = m.group(), p[m.end():]
    if nxt.startswith("(?:"):
        sub = _stems(nxt)
        if sub and all(st != "\\d" for st, _ in sub):
            return [(stem.lower() + st, whole) for st, whole in sub]
    if nxt[:1] in ("?", "*", "{"):
        return [(stem[:-1].lower(), False)] if len(stem) > 1 else None
    whole = nxt == "" or nxt.startswith((r"\s", r"\b", r"\W", r"[\s", " ", ")"))
    if whole and nxt.startswith(("\\s", "\\W", "[", " ")):
        # a separator that may be absent ("air[\s-]?strikes" matches "airstrikes"): a stem only
        atom = 2 if nxt.startswith("\\") else (nxt.find("]") + 1 if nxt.startswith("[") else 1)
        if atom <= 0 or nxt[atom:atom + 1] in ("?", "*", "{"):
            whole = False
    return [(stem.lower(), whole)]


def _group_end(p: str, i: int) -> int:
    """Index of the ``)`` closing the group opened at ``p[i]``, or -1."""
    depth, in_class = 0, False
    while i < len(p):
        ch = p[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _split_top(p: str) -> list[str]:
    """``p`` split at its top-level ``|``."""
    parts, depth, in_class, i, last = [], 0, False, 0, 0
    while i < len(p):
        ch = p[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(p[last:i])
            last = i + 1
        i += 1
    parts.append(p[last:])
    return parts


def _trie_regex(words) -> str:
    """A regex matching exactly ``words``, shaped as a trie (shared prefixes factored out).

    >>> _trie_regex(["war", "wars", "warn"])
    'war(?:n|s)?'
    """
    trie: dict = {}
    for w in words:
        d = trie
        for ch in w:
            d = d.setdefault(ch, {})
        d[""] = {}

    def build(d: dict) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(d.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in d:
            body = (body if len(alts) == 1 and len(alts[0]) == 1 else "(?:" + "|".join(alts) + ")") + "?"
        return body

    return build(trie)


class Matcher:
    """Find every cue of every lexicon in a stretch of text with one tokenisation.

    Cues whose first word (or its stem) is known are looked up per token (a dict hit), then
    confirmed with their regex at that position; the rest are scanned with their own regex.
    What a token string may start is worked out once per distinct token (its *plan*): the cues
    to confirm, in lookup order, and among them the one-word cues (``war``, ``negotiat*``) whose
    regex can only match the whole token, which need no confirming.
    """

    def __init__(self, entries: list[tuple[str, int, re.Pattern, Optional[list[tuple[str, str]]]]]):
        exact: dict[str, list] = defaultdict(list)
        pref: dict[str, list] = defaultdict(list)
        self.digit: list[tuple[str, int, re.Pattern]] = []
        self.scan: list[tuple[str, int, re.Pattern]] = []
        for lex, idx, rx, keys in entries:
            if not keys:
                self.scan.append((lex, idx, rx))
                continue
            for kind, stem in keys:
                if kind == "exact":
                    exact[stem].append((lex, idx, rx))
                elif kind == "digit":
                    self.digit.append((lex, idx, rx))
                else:
                    pref[stem[:3]].append((stem, lex, idx, rx))
        self.exact = dict(exact)
        self.pref = dict(pref)
        self.pref_lens = sorted({len(k) for k in self.pref}, reverse=True)
        # One trie-shaped regex finds the tokens worth looking up (a C-speed scan), whole: every
        # literal in it is word characters, so the ``\w*`` after it runs to the token's end.
        parts = []
        if self.exact:
            parts.append(f"(?:{_trie_regex(self.exact)})\\b")
        stems = {stem for v in self.pref.values() for stem, *_ in v}
        if stems:
            parts.append(_trie_regex(stems))
        if self.digit:
            parts.append(r"\d")
        pattern = r"\b(?:" + "|".join(parts or ["(?!)"]) + r")\w*"
        self.candidates = re.compile(pattern)
        self.candidates_i = re.compile(pattern, re.IGNORECASE)
        self._plans: dict[str, tuple] = {}

    def _plan(self, tok: str) -> tuple:
        """(lexicon, index, regex or None) for every cue token ``tok`` (lowercased) may start, in
        the order they are tried (None = the cue matches exactly the token, no regex needed);
        then :func:`_gate` of its regexes and the (lexicon, index) of the cues needing none."""
        plan = [(lex, idx, None if _whole_token(rx, tok, False) else rx) for lex, idx, rx in self.exact.get(tok, ())]
        for n in self.pref_lens:
            for stem, lex, idx, rx in self.pref.get(tok[:n], ()):
                if tok.startswith(stem):
                    plan.append((lex, idx, None if _whole_token(rx, stem, True) else rx))
        if self.digit and tok[0].isdigit():
            plan += self.digit
        plan = (tuple(plan), _gate([rx for _, _, rx in plan if rx is not None]),
                tuple((lex, idx) for lex, idx, rx in plan if rx is None))
        if len(self._plans) >= _PLAN_LIMIT:
            self._plans.clear()
        self._plans[tok] = plan
        return plan

    def find(self, text: str, low: Optional[str], spans: list[tuple[int, int]]) -> list[tuple[int, int, int, str, int]]:
        """(span_index, start, end, lexicon, entry_index) for every cue match inside ``spans``.

        ``low`` is ``text.lower()`` when that keeps every offset, else None.
        """
        out = []
        append = out.append
        plans = self._plans
        plan_of = self._plan
        if low is not None:
            src, cand = low, self.candidates
        else:
            src, cand = text, self.candidates_i
        for si, (s0, s1) in enumerate(spans):
            for c in cand.finditer(src, s0, s1):
                tok = c.group() if low is not None else c.group().lower()
                plan = plans.get(tok)
                if plan is None:
                    plan = plan_of(tok)
                pos, e = c.span()
                entries, gate, whole = plan
                if gate is not None and gate(text, pos, s1) is None:  # no regex of the plan matches
                    for lex, idx in whole:
                        append((si, pos, e, lex, idx))
                    continue
                for lex, idx, rx in entries:
                    if rx is None:
                        append((si, pos, e, lex, idx))
                    else:
                        mm = rx.match(text, pos, s1)
                        if mm and mm.end() > pos:
                            append((si, pos, mm.end(), lex, idx))
        if self.scan and spans:
            order = sorted(range(len(spans)), key=lambda i: spans[i])
            starts = [spans[i][0] for i in order]
            lo, hi = starts[0], max(e for _, e in spans)
            for lex, idx, rx in self.scan:
                for mm in rx.finditer(text, lo, hi):
                    if mm.end() <= mm.start():
                        continue
                    k = bisect.bisect_right(starts, mm.start()) - 1
                    if k >= 0 and mm.end() <= spans[order[k]][1]:
                        out.append((order[k], mm.start(), mm.end(), lex, idx))
        return out


def _gate(regexes: list[re.Pattern]):
    """The ``match`` of one regex that matches where any of ``regexes`` (two or more) does: their
    alternation, each under its own case flag; None when there is nothing to gain or the
    patterns cannot be joined (back-references, group names, flags other than case).

    >>> g = _gate([re.compile(r"\\bthe\\s+public\\b", re.I), re.compile(r"\\bthe\\s+Regime\\b")])
    >>> bool(g("The public", 0, 10)), bool(g("the Regime", 0, 10)), g("the regime", 0, 10)
    (True, True, None)
    """
    if len(regexes) < 2:
        return None
    parts = []
    for rx in regexes:
        if rx.flags & ~(re.IGNORECASE | re.UNICODE) or rx.groupindex or re.search(r"\\[1-9]|\(\?\(", rx.pattern):
            return None
        parts.append(("(?i:" if rx.flags & re.IGNORECASE else "(?-i:") + rx.pattern + ")")
    try:
        return re.compile("|".join(parts)).match
    except re.error:
        return None


_PLAN_LIMIT = 200_000  # distinct token strings remembered by a Matcher (forgotten beyond this)
_ASCII_WORD = re.compile(r"[a-z0-9_]+").fullmatch


def _whole_token(rx: re.Pattern, word: str, stem: bool) -> bool:
    r"""Does ``rx``, tried where a token starting (``stem``) or equal to ``word`` begins, match
    exactly that token? True for ``\bword\b`` / ``\bstem\w*\b`` compiled case-insensitively, with
    ``word`` lowercase ASCII word characters: at such a token the text's letters are those of
    ``word`` up to case (or the Kelvin sign, which matches "k" too), and the token ends where a
    non-word character follows.
    """
    return (bool(rx.flags & re.IGNORECASE) and _ASCII_WORD(word) is not None
            and rx.pattern == r"\b" + word + (r"\w*\b" if stem else r"\b"))
