"""Speaker affiliation: the organisation, government or outlet a person speaks for, from the
words around the name ("at the Institute for the Study of War", "Suqour al Jabal's commander",
"a spokeswoman for Trump Hotels", "State Department spokesman"); and :func:`_person_facts`,
a source's (affiliation, gender).
"""
from __future__ import annotations

import re
from typing import Optional

from .gender import _GENDER_ROLE_RE, gender
from .lexicon import GENDER_WORDS, KIN_WORDS, PRONOUN_GENDER, _ALL_ROLE_SINGLE
from .phrases import _appos_after

_CAP = r"(?:[A-Z][\w’'.&-]*|al|bin|ibn|abu|de|of|for|the|and|on)"
_ORG_RUN = r"(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+%s)*(?:\s+(?:%s))?" % (_CAP, "|".join(sorted(
    {"campaign", "administration", "government", "ministry", "department", "hotels", "party",
     "committee", "office", "agency", "group", "foundation", "institute", "team"})))
_AFFIL_AFTER_RE = re.compile(r"\b(?:at|of|for|with|from)\s+(%s)" % _ORG_RUN)
_AFFIL_POSS_RE = re.compile(r"(%s)[’']s\s+(?:[a-z][\w-]*\s+){0,3}?(?=%s)" % (
    r"[A-Z][\w’'.&-]*(?:\s+(?:[A-Z][\w’'.&-]*|al|bin|ibn|of|the|for))*",
    "|".join(r"%s\b" % re.escape(w) for w in sorted(_ALL_ROLE_SINGLE | {"director", "manager",
             "chairman", "chairwoman", "chief", "aide", "adviser", "advisor", "lawyer", "attorney",
             "strategist", "head", "founder", "leader", "deputy", "commander", "spokesman", "spokeswoman", "spokesperson"}, key=len, reverse=True))))
_AFFIL_PRE_RE = re.compile(r"((?:[A-Z][\w’'.&-]*\s+){1,4}?)(?:%s)\b" % "|".join(
    re.escape(w) for w in ("spokesman", "spokeswoman", "spokesperson", "campaign manager", "campaign chairman",
                           "press secretary", "communications director", "official", "officials",
                           "aide", "adviser", "advisor", "analyst", "economist", "researcher",
                           "strategist", "director", "chairman", "chairwoman", "lawyer", "commander")))
#: "a close friend of McCain's", "the widow of ...": a relation to someone, not an employer
#: ("partner" is left out: "a partner at Kirkland & Ellis" works there)
_KIN_BEFORE_RE = re.compile(r"\b(?:%s)\s*$" % "|".join(
    [w for w in KIN_WORDS if w != "partner"] + ["friends?", "fan", "admirer", "critic", "biographer", "classmate",
                                                "neighbou?r", "fiancee?"]))
_OWNER_END_RE = re.compile(r"[’']s$")
_NOT_ORG = {"Mr", "Mrs", "Ms", "Dr", "The", "A", "An", "He", "She", "It", "They", "President",
            "Sen", "Rep", "Gov", "Senator", "Governor", "Secretary", "Former", "Then", "Vice"}


def affiliation(text: str, s: int, e: int, *, extra: str = "", name: str = "") -> str:
    """The organisation a speaker speaks for, from the words around the speaker phrase.

    >>> t = "Genevieve Casagrande at the Institute for the Study of War believes it"
    >>> affiliation(t, 0, 20, extra=t[20:58])
    'Institute for the Study of War'
    >>> t = "Suqour al Jabal's commander, Hassan Haj Ali, said"
    >>> affiliation(t, 0, 43)
    'Suqour al Jabal'
    >>> t = "Lindsey Graham, a close friend of McCain's, said"
    >>> affiliation(t, 0, 14, extra=t[14:42])
    ''
    """
    phrase = text[s:e] + " " + extra
    name_words = set(name.split())
    m = _AFFIL_POSS_RE.search(phrase)
    if m and not set(m.group(1).split()) <= name_words:
        return _clean_org(m.group(1))
    m = _AFFIL_AFTER_RE.search(phrase)
    if m and not _KIN_BEFORE_RE.search(phrase, 0, m.start()):
        org = _clean_org(m.group(1))
        if org and not set(org.split()) <= name_words:
            return org
    m = _AFFIL_PRE_RE.search(phrase)
    if m:
        org = _clean_org(m.group(1))
        if org and not set(org.split()) & name_words:
            return org
    return ""


def _clean_org(org: str) -> str:
    org = _OWNER_END_RE.sub("", org.strip())
    if org[:4] in ("the ", "The "):
        org = org[4:]
    words = org.split()
    while words and words[0].rstrip(".") in _NOT_ORG:
        words.pop(0)
    while words and words[-1].lower() in ("of", "for", "the", "and", "on"):
        words.pop()
    return " ".join(words)


def _person_facts(ctx, name: str, kind: str, s: Optional[int], e: Optional[int], hi: int) -> tuple[str, str]:
    """(affiliation, gender) of a source; both empty for organisations and unstated sources."""
    if s is None or not name:
        return "", ""
    text = ctx.text
    extra = _appos_after(text, e, hi)
    # "Clinton's communications director, Jennifer Palmieri,": the words before the name count
    lo = max(0, s - 80)
    cut = lo - 1
    for m in _BOUNDARY_RE.finditer(text, lo, s):
        cut = m.start()
    before = text[cut + 1:s]
    if not before.rstrip().endswith(","):
        before = ""  # only an apposition before the name ("X's director, NAME,") counts
    phrase_s = s - len(before)
    aff = affiliation(text, phrase_s, e, extra=extra, name=name) if kind in ("person", "anonymous") else ""
    g = ""
    if kind in ("person",) and " and " not in name:  # a plural source has no one gender
        low = text[s:e].strip().lower()
        g = gender(ctx, name, s, e, extra=extra + " " + before, pronoun=low if low in PRONOUN_GENDER else "")
    elif kind == "anonymous":
        m = _GENDER_ROLE_RE.search(text[s:e])
        g = GENDER_WORDS.get(m.group(1).lower(), "") if m else ""
    return aff, g


_BOUNDARY_RE = re.compile(r"[.;:!?”\"\n]")
