"""Speaker finding: a speaker phrase (text span) turned into a speaker (:func:`_classify`: named,
anonymous, a pronoun or description resolved through coreference, with role and kind), and the
speaker phrase that goes with a cue before a quote (:func:`_cue_speaker`).
"""
from __future__ import annotations

import bisect
import re
from typing import Optional, TYPE_CHECKING

from .coref import ANTECEDENT_CHARS, _introduced_anonymously
from .cues import _CUE_RE, _PART_RE
from .lexicon import (
    ACRONYM_ROLES, ANON_HEADS, COMMON_SENTENCE_STARTERS, DETERMINERS, GENDER_WORDS, GROUP_HEADS, GROUP_NOUNS,
    ISSUE_VERBS_ALT, LEXICON_TAGS, MEDIA_HEADS, MEDIA_WORDS, NAME_CONNECTORS, NOT_NAME_TAGS,
    ORG_DESCRIPTION_HEADS, PERSON_HEADS, PRONOUNS, PRONOUN_GENDER, STATEMENT_HEADS, TITLES, _alt, _entity_kind,
    _MEDIA_RE, _role_of, _role_word, _WS_RE,
)
from .phrases import (
    _AGE_RE, _before_paren, _cue_before_source, _gap, INTRO_WORDS, _np_back, _np_fwd, _strip_title, _subject, _toks,
    _TRAIL_ADV_RE, _trim,
)
from .sentences import _sent_start
from ..mentions import DEMONYMS

if TYPE_CHECKING:
    from .context import _Ctx

_OF_PLACE_RE = re.compile(r"\s(?:of|in|from)\s+(?:the\s+)?[A-Z]")
_AFFIL_RE = re.compile(r"((?:[A-Z][\w’'.-]*|al|bin|ibn|abu|de|van|von)(?:\s+(?:[A-Z][\w’'.-]*|al|bin|ibn|abu|de|van|von))*)"
                       r"\s+(?:at|of|from|with)\s+(?:the\s+)?[A-Z(]")
_CAPITAL_WORD_RE = re.compile(r"(?<![\w’'.-])[A-Z][a-z]")
#: titles alone, maybe qualified ("Former Secretary" before "of State Hillary Clinton")
_TITLE_ONLY_RE = re.compile(r"(?:(?:Former|Ex-|Acting|Interim|Deputy|Then-|former|acting|interim|deputy)\s*)?"
                            r"(?:(?:%s)\.?\s*)+" % _alt(TITLES))


#: a country's state broadcaster, described: "(the) Syrian state TV", "Iran's state television"
_STATE_MEDIUM_RE = re.compile(r"(?:[Tt]he\s+)?(?:[A-Z][\w-]+(?:[’']s)?\s+)?(?:state|state-run|state-owned|government|official)"
                              r"(?:\s+(?:news|television|TV|radio))?\s+(?:TV|television|radio|media|news\s+agency|broadcaster|"
                              r"newspaper|daily|channel)")


class _Speaker:
    __slots__ = ("name", "kind", "role", "s", "e", "ekind", "how")

    def __init__(self, name, kind, role, s, e, ekind, how=""):
        self.name, self.kind, self.role, self.s, self.e, self.ekind = name, kind, role, s, e, ekind
        self.how = how  # "pronoun" / "description" when the name was resolved from elsewhere


def _statement_author(ctx: _Ctx, pos: int, head: str) -> Optional[_Speaker]:
    """Who issued the statement (report, letter ...) written about before ``pos``, when named."""
    text = ctx.text
    pat = _STATEMENT_CACHE.get(head)
    if pat is None:
        pat = _STATEMENT_CACHE[head] = re.compile(
            r"\b(?:%s|said in|wrote in|in)\s+(?:an?|its|their|his|her)\s+(?:[\w’'-]+\s+){0,2}%s\b"
            % (ISSUE_VERBS_ALT, re.escape(head)))
    last = None
    for m in pat.finditer(text, max(0, pos - ANTECEDENT_CHARS // 2), pos):
        last = m
    if last is None or ctx._in_quote(last.start()):
        return None
    i = bisect.bisect_right(ctx.blocks, (last.start(), 1 << 62)) - 1
    ss = _sent_start(text, ctx.blocks[i][0] if i >= 0 else 0, last.start())
    np = _subject(ctx, ss, last.start())
    if np is None:
        return None
    spk = _classify(ctx, np[0], np[1], "", np[0])
    return spk if spk is not None and spk.kind == "named" and spk.name else None


_STATEMENT_CACHE: dict = {}
#: plural demonyms ("Russians", "Syrians"): a group of people, like GROUP_NOUNS
_PLURAL_DEMONYMS = frozenset(w.capitalize() for w in DEMONYMS if w.endswith("s") and w[-2:] != "ss")
#: what may stand before a sentence's first word: quotation marks, brackets, dashes
_OPENING_CHARS = frozenset("\"“”‘’'([—–- \t")


def _opens_sentence(text: str, i: int) -> bool:
    """Does the word at text[i] open a sentence (after quotation marks, brackets, dashes)?"""
    while i > 0 and text[i - 1] in _OPENING_CHARS:
        i -= 1
    return i == 0 or text[i - 1] in ".!?:;\n"


def _names_nobody(text: str, toks, k: int) -> bool:
    """Is the one capitalised word toks[k], which opens its sentence, a word that names nobody:
    a conjunction, pronoun, adverb or past-tense verb of TextBlob's lexicon ("Or:", "Your:",
    "Said a third Iowa Republican:"), a verb before a determiner ("Take the following
    passage ...:"), or a common word in capitals ("UPDATE:")? Nouns and modals stay names
    ("Rice said:", "May told"), and so do short capitals ("WHO", "CARE").

    >>> t = "Take the following passage:"
    >>> _names_nobody(t, _toks(t, 0, len(t)), 0)
    True
    """
    if toks[k].w.isupper():  # "UPDATE:", "ANALYSIS:" label a passage; "WHO", "US", "CARE" may name
        return len(toks[k].w) > 4 and toks[k].lw in LEXICON_TAGS
    tag = LEXICON_TAGS.get(toks[k].lw)
    if tag in NOT_NAME_TAGS:
        return True
    return tag == "VB" and k + 1 < len(toks) and toks[k + 1].lw in DETERMINERS | {"this", "that"}


def _group_head(text: str, hs: int, words: list[str], last: str, m) -> str:
    """Does the head text[hs:...] (``words``) describe a group of people rather than name one?

    'plural': a capitalised plural of a party, creed or nationality ("Republicans", "House
    Democrats", "Americans"); 'opener': a one-word head capitalised only because it opens the
    sentence ("Officials said", "Critics say"); 'modifier': a plural head after a capitalised
    word that is no organisation's mention ("Virginia voters", "Trump aides"; "Pentagon
    officials" speak for the Pentagon); '' otherwise.

    >>> _group_head("Officials said", 0, ["Officials"], "officials", None)
    'opener'
    >>> _group_head("Rubio said", 0, ["Rubio"], "rubio", None)
    ''
    """
    w = words[-1]
    if (w in GROUP_NOUNS or w in _PLURAL_DEMONYMS) and all(x[:1].isupper() or x in ("the", "The") for x in words[:-1]):
        return "plural"
    if last not in GROUP_HEADS:
        return ""
    if len(words) == 1 and w[:1].isupper():
        return "opener" if _opens_sentence(text, hs) else ""
    if w.islower() and len(words) >= 2 and words[-2][:1].isupper() and (m is None or m.kind == "person"):
        return "modifier"
    return ""



def _classify(ctx: _Ctx, s: int, e: int, extra: str = "", pos: int = 0) -> Optional[_Speaker]:
    """Turn a speaker phrase text[s:e] (maybe with apposition) into a _Speaker."""
    text = ctx.text
    s, e = _trim(text, s, e)
    if s >= e:
        return None
    phrase = text[s:e]
    # head = before the first comma / parenthesis
    cut = len(phrase)
    for ch in (",", "("):
        k = phrase.find(ch)
        if 0 < k < cut:
            cut = k
    hs, he = _trim(text, s, s + cut)
    head = text[hs:he]
    appos = phrase[cut:] + " " + extra
    am = _AFFIL_RE.match(head)
    if (am and _entity_kind(am.group(1), None) == "person" and not _TITLE_ONLY_RE.fullmatch(am.group(1))
            and am.group(1)[:4] not in ("The ", "the ")):  # "The Office of Personnel Management" is one name
        appos = head[am.end(1):] + " " + appos
        he = hs + am.end(1)
        head = am.group(1)
    words = head.split()
    if not words:
        return None
    first = words[0].lower()
    if ("state" in head or "government" in head or "official" in head) and _STATE_MEDIUM_RE.fullmatch(head):
        hm = ctx.head_mention(hs, he)
        if hm is None or hm.kind == "place":
            # "Syrian state TV", "Iranian state television", "Russian state media": a medium
            # the text describes, not a person called Syrian
            return _Speaker(head[4:] if head[:4].lower() == "the " else head, "named", "media", hs, he, "media")
    if len(words) == 1 and first == "it":
        return _it_speaker(ctx, pos if pos else hs, hs, he)
    if len(words) == 1 and first in PRONOUNS:
        kind = "named"
        if first in PRONOUN_GENDER:
            found = ctx.antecedent(pos if pos else hs, PRONOUN_GENDER[first], anonymous=True,
                                   skip_own=ctx.after_quote)
            name, kind = found if found else (None, "")
        elif first in ("they", "we"):  # a group: an organisation or unnamed people, never one person
            found = ctx.group_antecedent(pos if pos else hs)
            name, kind = found if found else (None, "")
        else:  # "I": the writer
            name = ctx.byline
        if name is None:
            return _Speaker(None, "unattributed", "", hs, he, "pronoun", "pronoun")
        if kind == "group":
            return _Speaker(name, "named", "", hs, he, _entity_kind(name, None), "pronoun")
        if kind == "anonymous":  # "“...,” said one rebel commander. “...,” he added."
            role = next((r for p, d, r in reversed(ctx.anon_at) if d == name), "")
            return _Speaker(name, "anonymous", role, hs, he, "anonymous", "pronoun")
        return _Speaker(name, "named", ctx.roles.get(name, ""), hs, he, "pronoun", "pronoun")
    # "X, a rebel commander" with X a description and the apposition a name? keep head.
    m = ctx.head_mention(hs, he)
    if m is not None and m.kind != "person" and m.end < he and not text.startswith(("’s", "'s"), m.end) \
            and _CAPITAL_WORD_RE.search(text, m.end, he):  # (an owner, "Syria Direct’s Noura", stays)
        # "Republican Presidential hopeful Sen. Ted Cruz": the head of a phrase comes last; a
        # name after the mention is the speaker, not the mention before it
        m = None
    place_modified = False
    if first == "the" and (m is None or m.kind == "place"):
        # "the former Republican governor of Texas": a description, its head before "of"
        of = _OF_PLACE_RE.search(head)
        if m is not None and not of and words[-1].islower() and m.end <= he - len(words[-1]):
            m, place_modified = None, True  # "The Benghazi committee": a committee, not the place
        if of:
            before = head[:of.start()].split()
            lw = before[-1].lower()
            if len(before) >= 2 and before[-1].islower() and (lw in PERSON_HEADS or lw in ANON_HEADS
                                                               or _role_word(lw)):
                words = before
                m = None
    last = words[-1].lower().strip("’'")
    person_head = last in PERSON_HEADS or _AGE_RE.fullmatch(last) is not None  # "the 46-year-old"
    cap_last = words[-1][:1].isupper() and last not in ACRONYM_ROLES  # "president and CEO"
    # "the Pentagon", "the Rev. X" name someone; "the French minister" (a demonym, no mention) describes
    group = _group_head(text, hs, words, last, m)
    if group == "modifier":
        m = None  # "Virginia voters", "Trump aides": people described, not the person named
    anon = group or (first in DETERMINERS and not (first == "the" and len(words) > 1 and last not in ANON_HEADS
                                           and (words[1][:1].isupper() and (m is not None or words[1].lower() not in DEMONYMS)
                                                or cap_last))) \
        or (last in ANON_HEADS and not cap_last and m is None) or place_modified
    if anon:
        desc = head[0].lower() + head[1:] if first in DETERMINERS or group == "opener" else head
        role = _role_of(head + " " + appos)
        named_in_appos = not (not appos.strip() or appos.lstrip(" ,").startswith(("who ", "whose ", "which ")))
        if first == "the" and last in STATEMENT_HEADS and not named_in_appos:
            # "X said in a statement ... “…,” the statement said": X
            author = _statement_author(ctx, hs, last)
            if author is not None:
                return _Speaker(author.name, "named", author.role, hs, he, author.ekind, "description")
        if (first == "the" and len(words) >= 2 and last not in ctx.anon_heads and not named_in_appos
                and (person_head or last in MEDIA_HEADS) and not _introduced_anonymously(text, last, hs)):
            # a definite description points back: "the former Florida governor" -> Jeb Bush
            if person_head:
                name = ctx.antecedent(pos if pos else hs, GENDER_WORDS.get(last, ""),
                                      prefer=ctx.titled(last), skip_own=ctx.after_quote)
                if name:
                    return _Speaker(name, "named", role or ctx.roles.get(name, ""), hs, he, "person",
                                    "description")
            elif last in MEDIA_HEADS:
                name = ctx.last_media(pos if pos else hs)
                if name:
                    return _Speaker(name, "named", "media", hs, he, "media", "description")
        if (first == "the" and len(words) == 2 and last in ORG_DESCRIPTION_HEADS and not named_in_appos
                and not _introduced_anonymously(text, last, hs)):
            # "the group said", "the agency said": the organisation named just before
            om = ctx.org_antecedent(pos if pos else hs, last)
            if om is not None:
                return _Speaker(om.entity, "named", role, hs, he, _entity_kind(om.entity, om), "description")
        ctx.anon_heads.add(last)
        ctx.anon_at.append((hs, desc, role))
        return _Speaker(desc, "anonymous", role, hs, he, "anonymous")
    if not any(w[:1].isupper() for w in words):
        return None
    # named: prefer the mention's canonical name
    the = False
    if m is not None:
        name, ns, ne = m.entity, m.start, m.end
    else:
        # last capitalised run of the head, titles stripped
        toks = _toks(text, hs, he)
        j = len(toks) - 1
        while j >= 0 and not (toks[j].w[:1].isupper() or toks[j].lw.startswith(("al-", "el-", "bin-", "abu-"))):
            j -= 1
        if j < 0:
            return None
        k = j
        while k - 1 >= 0 and (toks[k - 1].w[:1].isupper() or toks[k - 1].lw in NAME_CONNECTORS
                              or toks[k - 1].lw.startswith(("al-", "el-"))) \
                and _gap(text, toks[k - 1], toks[k]) == "space":
            k -= 1
        while toks[k].lw in NAME_CONNECTORS and toks[k].lw != "the" and k < j:
            k += 1
        while k < j and toks[k].lw in COMMON_SENTENCE_STARTERS:
            k += 1
        if toks[k].lw in COMMON_SENTENCE_STARTERS:
            return None
        if k == j and _opens_sentence(text, toks[k].s) and _names_nobody(text, _toks(text, toks[k].s, toks[k].e + 40), 0):
            return None
        if toks[j].lw.endswith(("’s", "'s")):
            if j == len(toks) - 1:
                if _AUTHORED_RE.match(text, he) and he - 2 > hs:  # "Clinton’s response was:", "Bush's post:"
                    return _classify(ctx, hs, he - 2, extra, pos)
                return None
            desc = head[0].lower() + head[1:] if first in DETERMINERS else head
            return _Speaker(desc, "anonymous", _role_of(head + " " + appos), hs, he, "anonymous")
        ns, ne = _strip_title(text, toks[k].s, toks[j].e)
        the = text[ns:ns + 4] in ("the ", "The ") or text[max(hs, ns - 4):ns] in ("the ", "The ")
        if text[ns:ns + 4] in ("the ", "The ") and not _MEDIA_RE.fullmatch(text[ns:ne]):
            ns += 4
        name = _WS_RE.sub(" ", text[ns:ne])
    ekind = _entity_kind(name, m)
    if (ekind == "person" and m is None and the and " " not in name and name.lower() not in PERSON_HEADS
            and not _role_word(name.lower()) and not (name.endswith("s") and name.lower() not in MEDIA_WORDS)):
        # "The Vatican announced", "the Times reported": nobody's name takes "the" (but "the Pope",
        # "the President" are people, and "the Clintons" a family)
        ekind = "media" if name.lower() in MEDIA_WORDS else "organisation"
    if ekind == "person" and " " not in name:
        # surname only: reuse a fuller name seen before ("Mustafa" <- "Captain Mustafa")
        people = ctx.people()
        full = next((f for _, f in reversed(people) if f.split()[-1] == name), None)
        if full is None:  # a first name: "Arnie reports" <- "NPR's Arnie Seipel"
            full = next((f for _, f in reversed(people) if " " in f and f.split()[0] == name), None)
        name = full or name
    role = "media" if ekind == "media" else _role_of(head + " " + appos)
    if not role and ekind == "government":
        role = "official"
    if not role and ekind == "person":
        ctx.people()
        role = ctx.roles.get(name, "")
    if ekind == "person":
        ctx.add_person(ns, name)
        if role:
            ctx.roles.setdefault(name, role)
    return _Speaker(name, "named", role, hs, he, ekind)


#: what someone's words come in, after "X’s" ("Clinton’s response was:", "Bush's Facebook post:")
_AUTHORED_RE = re.compile(r"\s+(?:[A-Z][\w-]+\s+)?(?:response|reply|answer|message|words|remarks|comments?|post|"
                          r"tweet|statement|letter|email|e-mail|memo|op-ed|column|speech|blog|note)\b")


def _it_speaker(ctx: _Ctx, pos: int, hs: int, he: int) -> Optional[_Speaker]:
    """The speaker an "it" at text[hs:he] stands for ("“…,” it said"): the organisation or
    medium named before (coref.it_antecedent), or the document written about, under its
    author when one is named ("X issued a statement ... it said": X); None when nothing is."""
    found = ctx.it_antecedent(pos)
    if found is None:
        return None
    s, e, m = found
    if m is not None:
        ekind = _entity_kind(m.entity, m)
        return _Speaker(m.entity, "named", "media" if ekind == "media" else "", hs, he, ekind, "pronoun")
    text = ctx.text
    words = text[s:e].split()
    head = words[-1].lower()
    if head in ORG_DESCRIPTION_HEADS and len(words) == 2 and words[0].lower() == "the":
        om = ctx.org_antecedent(s, head)  # "The group said ... “…,” it added": the group named before
        if om is not None:
            return _Speaker(om.entity, "named", "", hs, he, _entity_kind(om.entity, om), "pronoun")
    author = _statement_author(ctx, e, head)
    if author is not None:
        return _Speaker(author.name, "named", author.role, hs, he, author.ekind, "pronoun")
    desc = " ".join(["the" if words[0].lower() in ("a", "an") else words[0].lower()] + words[1:])
    return _Speaker(desc, "anonymous", "", hs, he, "anonymous", "pronoun")


#: a speech verb (and the name after it) right before the comma of a participle cue: "Nefzi said,
#: adding, “", "said Ali Nefzi, adding: “"
_SAID_COMMA_RE = re.compile(r"\b(?:said|says|told|added|explained|wrote|writes)(?:\s+[A-Z][\w.’' -]{0,40})?,\s*$")
#: a word before a participle cue whose subject is the clause's ("... before saying, “")
_SUBJECT_BEFORE_PARTICIPLE = frozenset(("before", "after", "by", "while", "when", "then"))


def _cue_speaker(ctx: _Ctx, lo: int, ss: int, o: int):
    """(speaker phrase span, cue match) for a quote opening at ``o`` after a cue in text[lo:o].

    "X said: “", "X, a rebel commander, said “", "saying, “", "according to X, “",
    ", said X: “", "As X, professor of ..., wrote in an op-ed: “". (None, None) when none.
    """
    text = ctx.text
    cms = list(_CUE_RE.finditer(text, lo, o)) + list(_PART_RE.finditer(text, lo, o))
    if not cms:
        return None, None
    cm = max(cms, key=lambda m: m.start())
    cueword = cm.group().lower()
    if _PART_RE.fullmatch(cueword):
        if text[lo:cm.start()].rstrip().endswith(","):
            # "Nefzi said, adding, “": the speaker of the cue before; "X ..., saying: “": the subject
            before = None
            if text[cm.end():o].strip() in (":", ",", "") and _SAID_COMMA_RE.search(text, max(lo, cm.start() - 60), cm.start()):
                before = _cue_before_source(text, ss, cm.start())
            return before or _subject(ctx, ss, o), cm
        before = text[lo:cm.start()].split()[-1:]
        if before and before[0] in _SUBJECT_BEFORE_PARTICIPLE and text[cm.end():o].strip() in (":", ","):
            # "X deflected questions before saying, “": the subject of the clause, the last one
            # after "that" ("a survivor said that Roof answered by saying, “": Roof)
            that = text.rfind(" that ", ss, cm.start())
            return _subject(ctx, that + 6 if that >= 0 else ss, o), cm
        if text[cm.end():o].strip() in (":", ",", ""):
            return _np_back(text, lo, cm.start()), cm  # "with correspondent Nancy Cordes announcing: “"
        return None, cm
    if cueword.startswith("according"):
        return _np_fwd(text, cm.end() + 1, o), cm
    pre = _TRAIL_ADV_RE.sub("", text[lo:cm.start()].rstrip())
    if pre.split()[-1:] in (["and"], ["but"]) or pre.split()[-2:] == ["on", "to"]:
        # "Kerry vowed to destroy the Islamic State and said", "She went on to say, “": the
        # subject of the sentence (not after any "to": "it isn't enough to say “...”")
        return _subject(ctx, ss, cm.start()), cm
    np = _np_back(text, lo, _before_paren(text, lo, cm.start()))  # "Gov. Ann Lee (R-OH), said"
    if np and text[np[1]:cm.start()].strip().startswith(","):
        before = text[lo:np[0]].rstrip()
        # "her senior policy adviser, Jake Sullivan, said": a person's name in apposition speaks;
        # otherwise the words before the comma are no subject ("..., the group, said X")
        if not (before.endswith(",") and text[np[0]:np[0] + 1].isupper()
                and _entity_kind(_WS_RE.sub(" ", text[np[0]:np[1]]), ctx.mention_in(*np)) == "person"):
            np = None
    if np is None and pre.endswith(","):
        # appositive: "X, a rebel commander, said"
        k2 = text.rfind(",", lo, lo + len(pre) - 1)
        if k2 > lo:
            np0 = _np_back(text, lo, k2)
            before = text[max(lo, np0[0] - 6):np0[0]].split() if np0 else []
            if np0 and not (before and before[-1].lower() in ("in", "at", "of", "from", "for", "on")):
                np = (np0[0], lo + len(pre) - 1)  # (a name after a preposition is no subject)
        if np is None:
            # a long appositive with commas of its own: the sentence's subject, before its first
            # comma ("As Phil Zuckerman, professor of ... in Claremont, Calif., wrote")
            toks = _toks(text, lo, min(cm.start(), lo + 60))
            i = 1 if toks and toks[0].lw in INTRO_WORDS | {"as"} else 0
            if i < len(toks):
                np0 = _np_fwd(text, toks[i].s, cm.start())
                if np0 and text[np0[1]:np0[1] + 1] == "," and any(t.w[:1].isupper() for t in _toks(text, *np0)):
                    np = np0
    if np is None and text[lo:cm.start()].rstrip().endswith(","):
        q0 = cm.end()
        while q0 < o and text[q0].isspace():
            q0 += 1
        np = _np_fwd(text, q0, o)  # ", said X: “"
    return np, cm
