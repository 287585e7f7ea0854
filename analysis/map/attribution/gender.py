"""Speaker gender: ``female`` / ``male`` from a he/she source, a title (Mr, Mrs, Ms), a gendered
role word (spokeswoman) or a first name in ``data/first_names.csv``; empty when nothing decides.
"""
from __future__ import annotations

import re

from .lexicon import FIRST_NAMES, GENDER_WORDS, PRONOUN_GENDER, _GENDER_TITLE_RE

_FIRST_BEFORE_RE = re.compile(r"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?$")
_TITLE_IN_RE = re.compile(r"(Mr|Mrs|Ms|Miss)\.?\s")
_GENDER_ROLE_RE = re.compile(r"\b(spokeswoman|spokesman|congresswoman|congressman|chairwoman|chairman|"
                             r"businesswoman|businessman|woman|man|mother|father|actress|mrs|ms|miss|mr)\b", re.I)


def gender(ctx, name: str, s: int, e: int, *, extra: str = "", pronoun: str = "") -> str:
    """'female' / 'male' from a he/she source, a title, a role word or a first name, else ''.

    >>> gender(None, "Ana Lima", 0, 0, extra="a spokeswoman")
    'female'
    >>> gender(None, "Lee", 0, 0)
    ''
    """
    if pronoun in PRONOUN_GENDER:
        return PRONOUN_GENDER[pronoun]
    phrase = extra
    if ctx is not None:
        text = ctx.text
        phrase = text[s:e] + " " + extra
        t = _GENDER_TITLE_RE.search(text, max(0, s - 8), s) or _TITLE_IN_RE.match(text, s, e)
        if t:
            return GENDER_WORDS[t.group(1).lower()]
        parts = name.split()
        if len(parts) == 1 and parts:  # a surname: the first name it was written with before
            i = text.find(parts[0], 0, s)
            while i > 0:
                m = _FIRST_BEFORE_RE.search(text, max(0, i - 25), i)
                if m and FIRST_NAMES.get(m.group(1)) and not text[i + len(parts[0]):i + len(parts[0]) + 1].isalpha():
                    return FIRST_NAMES[m.group(1)]
                i = text.find(parts[0], i + 1, s)
        for w in parts[:-1]:
            g = FIRST_NAMES.get(w)
            if g:
                return g
    m = _GENDER_ROLE_RE.search(phrase)
    if m:
        g = GENDER_WORDS.get(m.group(1).lower(), "")
        if g:
            return g
    first = name.split()[0] if name.split() else ""
    return FIRST_NAMES.get(first, "")
