"""Speaker gender: ``female`` / ``male`` from a he/she source, a title (Mr, Mrs, Ms), a gendered
role word (spokeswoman) or a first name in ``data/first_names.csv``; then, for a person nothing in
the article decides, the given name by ``data/first_names_derived.csv`` (one_gender_per_person);
empty when nothing decides.
"""
from __future__ import annotations

import re

from .lexicon import FIRST_NAMES, GENDER_WORDS, PRONOUN_GENDER, _GENDER_TITLE_RE, _derived_first

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


def one_gender_per_person(attributions: list[tuple], quotes: list[tuple], sources: list[tuple]):
    """The three tables' rows of one article, with a person's gender filled in where a he/she
    the article credits to that person decides it and nothing in the article says otherwise
    ("Barack Obama said ... He added": Obama's other rows are ``male`` too, although no first
    name list knows "Barack"). Rows stay as they are when the pronouns disagree, or when any
    row of that person has another gender. A person no row of the article gives a gender gets
    that of the given name before the surname in ``data/first_names_derived.csv``
    (:func:`_derived_first`): the larger, derived list is the last resort, after the article's
    own pronouns and titles. Returns (attributions, quotes, sources).

    >>> a = [("x", 0, "direct", 0, 5, "Hi.", "Ann Roe", 9, 16, "person", "", "said", 0, 0, "", 0, "", "", "Ann Roe"),
    ...      ("x", 1, "direct", 20, 25, "Bye.", "Ann Roe", 30, 33, "person", "", "said", 0, 0, "", 1, "", "female", "she")]
    >>> one_gender_per_person(a, [], [])[0][0][-2]
    'female'
    >>> b = [("x", 0, "direct", 0, 5, "Hi.", "Aleksandr Volkov", 9, 25, "person", "", "said", 0, 0, "", 0, "", "", "Aleksandr Volkov")]
    >>> one_gender_per_person(b, [], [])[0][0][-2]
    'male'
    """
    from ...tables import TABLES

    acol = {c: i for i, c in enumerate(TABLES["attributions"])}
    scol = {c: i for i, c in enumerate(TABLES["sources"])}
    qcol = {c: i for i, c in enumerate(TABLES["quotes"])}
    a_name, a_kind, a_g, a_text = acol["source"], acol["source_kind"], acol["speaker_gender"], acol["source_text"]
    s_name, s_kind, s_g, s_text = scol["source"], scol["source_kind"], scol["speaker_gender"], scol["text"]
    q_name, q_kind, q_g = qcol["speaker"], qcol["speaker_kind"], qcol["speaker_gender"]
    by_pronoun: dict[str, set] = {}
    stated: dict[str, set] = {}
    for rows, name, kind, g, span in ((attributions, a_name, a_kind, a_g, a_text), (sources, s_name, s_kind, s_g, s_text)):
        for r in rows:
            if r[kind] != "person" or not r[name] or not r[g]:
                continue
            stated.setdefault(r[name], set()).add(r[g])
            if (r[span] or "").strip().lower() in PRONOUN_GENDER:
                by_pronoun.setdefault(r[name], set()).add(r[g])
    for r in quotes:
        if r[q_kind] == "named" and r[q_name] and r[q_g]:
            stated.setdefault(r[q_name], set()).add(r[q_g])
    fill = {n: next(iter(gs)) for n, gs in by_pronoun.items() if len(gs) == 1 and stated[n] == gs}
    people = {r[name] for rows, name, kind in ((attributions, a_name, a_kind), (sources, s_name, s_kind))
              for r in rows if r[kind] == "person" and r[name]}
    for n in people - stated.keys():  # (a quote's speaker is a source too)
        g = _derived_first(n.split())
        if g:
            fill[n] = g
    if not fill:
        return attributions, quotes, sources

    def filled(rows, name, kind, g, person):
        return [r[:g] + (fill[r[name]],) + r[g + 1:] if not r[g] and r[kind] == person and r[name] in fill else r
                for r in rows]

    return (filled(attributions, a_name, a_kind, a_g, "person"), filled(quotes, q_name, q_kind, q_g, "named"),
            filled(sources, s_name, s_kind, s_g, "person"))
