"""Indirect speech: the attribution around one cue outside quotation marks ("Carter said the
attacks did not hit ISIS", "X believes ...", "according to X, ...", "X quoted Y as saying
...", "CONTENT, X said"), with its content, source and cue spans (:class:`Attribution`), and
plural sources ("Ann Lee and Bob Marsh said").
"""
from __future__ import annotations

import re
from typing import NamedTuple, Optional

from .affiliation import _person_facts
from .cues import _ATTR_CUE_RE, cue_kind
from .lexicon import (
    ADVERBS_BEFORE_CUE, ANON_HEADS, COMMON_SENTENCE_STARTERS, DETERMINERS, IT_DOCUMENT_HEADS, LEXICON_TAGS,
    NP_HEADS, ORG_DESCRIPTION_HEADS, PLACES_AS_GOVERNMENT, PRONOUNS, STATEMENT_HEADS, _CALENDAR_WORDS,
    _entity_kind, _KIND_FOR_SOURCE, _MEDIA_RE, _role_of, _role_word, _WS_RE,
)
from .phrases import (
    _ADVERBIAL_RE, _appos_after, _before_paren, _cue_before_source, _np_back, _np_fwd, _owned_medium, _skip_space,
    _span, _subject,
)
from .sentences import _sent_end, _sent_start
from .speakers import _classify

#: what stands between a speech verb and its content: "that", "in a statement that", "on Monday that"
_TELL_THAT_RE = re.compile(r"[^,;:“”\"]{0,60}?\bthat\s+")
_THAT_RE = re.compile(r"(?:\s*(?:on|in|at|during|last|this|earlier|later|late|after|before|to|via|through|"
                      r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|recently|"
                      r"repeatedly|previously|again|also|publicly|privately|separately)\b[^,;:“”\"]{0,50}?)?"
                      r"\s*,?\s*\bthat\s+")
_AS_SAYING_RE = re.compile(r"\s+as\s+(?:saying|telling\s+[^,;:]{1,40}?)(?:\s+that)?\s+")
_WORD_CHAR_RE = re.compile(r"\w")
_AFTER_QUOTE = (",”", ",\"", "?”", "!”", "?\"", "!\"", "—”")


def lead_words_ok(lead: str) -> bool:
    return len(lead.split()) >= 3


#: between a subject and its cue: an apposition or relative clause set off by commas
_SUBJECT_APPOS_RE = re.compile(
    r"(?:\s*(?:\([^()]{1,80}\)\s*)?(?:"
    r",\s*\d{1,3}(?:,\s*$|(?=,))|"  # an age: "Marcel Lazar, 44, said"
    r",\s*(?:\d{1,3},\s*)?(?:an?|the|who|which|whose|one|another|its|his|her|their|[a-z][\w-]*)\b[^;“”\"]{0,160}?,"
    r"|\s[—–]\s?[^;“”\"—–]{2,120}?\s?[—–]|\s--\s?[^;“”\"—–]{2,120}?\s?--"  # (dashes typed as "--")
    r"|,\s*[RDI]-[A-Z][\w.]{0,12},"  # a party and state: "Rep. Chris Collins, R-NY, says"
    r"|,\s*[A-Z][^,;“”\"]{0,60}?[’']s\s+[a-z][^,;“”\"]{0,60}?,"  # "X, Color of Change's executive director,"
    r"|,\s*(?:[A-Z][\w.’'-]*\s){1,3}[A-Z][\w’'-]+(?=,\s*(?:an?|the)\s[^;“”\"]{0,160}?,)"  # "..., Brian Sandoval, a Republican,"
    r"))+\s*(?:(?:also|later|then|has|have|had)\s+)?")
#: a name in apposition after a description, before another comma ("the governor, Brian Sandoval,")
_NAME_APPOS_RE = re.compile(r",\s*((?:[A-Z][\w.’'-]*\s){1,3}[A-Z][\w’'-]+)(?=,)")
#: words that may open a sentence before its subject without making it a clause
_INTRO_RE = re.compile(r"^(?:(?:But|And|Yet|So|Still|However|Meanwhile|Now|Later|Earlier|Also|Instead)\b,?\s*)?$")


class Attribution(NamedTuple):
    kind: str  # direct | indirect | mixed
    content_start: int
    content_end: int
    content: str
    source: str  # canonical name or description, "" when no source is stated
    source_start: Optional[int]
    source_end: Optional[int]
    source_kind: str  # person | media | government | organisation | anonymous | unattributed
    speaker_role: str
    cue: str
    cue_start: Optional[int]
    cue_end: Optional[int]
    via: str
    speaker_affiliation: str
    speaker_gender: str


_NOT_SOURCE_WORDS = _CALENDAR_WORDS | {"hours", "latest", "today", "yesterday", "tonight", "morning",
                                         "evening", "night", "week", "weekend", "month", "year"}
_AND_BEFORE_RE = re.compile(r"((?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'.-]*),?\s+and\s+$")


#: an auxiliary between "it" and its cue: a passive or an expletive "it" ("It is said", "It has
#: been estimated"), no source
_PASSIVE_AUX_RE = re.compile(r"\b(?:is|was|are|were|be|been|being)\b")
#: heads of things written, which may "show" or "find" something
_WRITTEN_HEADS = STATEMENT_HEADS | IT_DOCUMENT_HEADS


def _source(ctx, s: int, e: int, hi: int):
    """(name, kind, role, s, e, pronoun) of the speaker phrase text[s:e], or None.

    Two people joined by "and" ("Ann Lee and Bob Marsh said") are one plural source.
    """
    text = ctx.text
    k = text.find(" and ", s, e)
    lo = max(0, s - 60)
    am = _AND_BEFORE_RE.search(text, lo, s) if text[lo:s].rstrip().endswith("and") else None
    if k > s and text[k + 5:k + 6].isupper():
        spans = ((s, k), (k + 5, e))
    elif am and text[s:s + 1].isupper():
        spans = (am.span(1), (s, e))
    else:
        spans = None
    if spans:
        first = _classify(ctx, spans[0][0], spans[0][1], "", spans[0][0])
        second = _classify(ctx, spans[1][0], spans[1][1], _appos_after(text, e, hi), spans[1][0])
        if first and second and first.kind == second.kind == "named" and first.ekind == second.ekind == "person":
            return (f"{first.name} and {second.name}", "person", second.role or first.role,
                    first.s, second.e, "")
    extra = _appos_after(text, e, hi)
    spk = _classify(ctx, s, e, extra, s)
    if spk is None:
        return None
    low = text[spk.s:spk.e].lower()
    if spk.name and spk.kind == "named" and spk.ekind != "pronoun":
        m = ctx.mention_in(spk.s, spk.e)
        if m is not None and m.kind == "place" and m.start <= spk.s and spk.e <= m.end \
                and spk.name not in PLACES_AS_GOVERNMENT and m.entity not in PLACES_AS_GOVERNMENT:
            return None  # "in New Hampshire said": a place is no source (a capital or country may be)
        if any(w in _NOT_SOURCE_WORDS for w in spk.name.lower().split()):
            return None  # "Tuesday", "The Latest"
    phrase = _WS_RE.sub(" ", text[spk.s:spk.e])
    pm = _POSS_NAME_RE.match(phrase) if spk.kind == "anonymous" or "’s " in phrase or "'s " in phrase else None
    if pm and _MEDIA_TAIL_RE.search(phrase):  # "Russia's state-run Sputnik International"
        return pm.group(1), "media", "media", spk.s, spk.e, low
    if spk.name is None:
        return "", "unattributed", "", spk.s, spk.e, low
    kind = "anonymous" if spk.kind == "anonymous" else (
        "person" if spk.ekind == "pronoun" else _KIND_FOR_SOURCE.get(spk.ekind, "person"))
    if spk.ekind == "pronoun" and low in ("they", "we") and spk.name:
        kind = _KIND_FOR_SOURCE.get(_entity_kind(spk.name, None), "person")
    return spk.name, kind, spk.role, spk.s, spk.e, low


def _indirect(ctx, cue: str, cs: int, ce: int, bs: int, be: int, in_quote) -> Optional[Attribution]:
    """The attribution around one cue occurrence, or None when it credits nobody."""
    text = ctx.text
    ss = _sent_start(text, bs, cs)
    se = _sent_end(text, ce, be)
    if se <= ce:
        se = be
    kind = cue_kind(cue)
    if cue.lower() in _THAT_PARTICIPLES and not _SPEECH_OPENER_RE.match(text, ce, se):
        return None  # "responding to a story", "is conceding defeat": no speech without "that"
    pre = text[ss:cs]
    np_end = cs  # where the source phrase before the cue ends
    refl = _REFLEXIVE_RE.search(pre)
    if refl:  # "Cruz himself said"
        np_end = ss + refl.start()
    if kind == "participle":
        aux = _PROGRESSIVE_RE.search(pre)
        if aux:  # "Trump is telling supporters that": a finite verb, its subject before "is"
            kind, np_end = ("tell" if cue.lower().startswith("telling") else "speech"), ss + aux.start()
            pre = text[ss:np_end]
    if kind not in ("according_to", "participle") and _NOUN_BEFORE_RE.search(text, max(ss, cs - 8), cs):
        return None  # "the plan", "her fears", "to say": a noun or an infinitive, no cue
    if cue == "states" and not _SPEECH_OPENER_RE.match(text, ce, se):
        return None  # "four Western states", "Eighteen states have": the noun; the verb introduces ("states that")
    if kind == "quoted_as" and _PASSIVE_RE.search(pre):
        return _passive_quoted(ctx, cs, ce, ss, se, pre)
    via = ""
    src = None
    content = None
    if kind == "according_to":
        k = _skip_space(text, ce, se)
        np = _np_fwd(text, k, se)
        if not np:  # "according to Kantar Media's political ad tracker": the words up to a comma
            m = _PHRASE_RE.match(text, k, se)
            np = (k, k + len(m.group().rstrip())) if m and m.group().strip() else None
            if not np:
                return None
        m = _COMPOUND_ADJ_COMMA_RE.match(text, np[0], se)
        if m is not None:  # "according to the UK-based, anti-Assad Syrian Observatory for Human Rights,":
            k = _skip_space(text, m.start(1), se)  # the name after the adjectives' comma, and
            stance = _STANCE_ADJ_RE.match(text, k, m.end(1))  # after an "anti-Assad" before it
            np = (stance.end() if stance else k, m.end(1))
        src = _source(ctx, np[0], np[1], se) or _described(text, np[0], np[1])
        if not pre.strip() or _INTRO_RE.match(pre.strip()):
            comma = text.find(",", np[1], se)
            if comma < 0:
                return None
            content = (comma + 1, se)
        else:
            content = (ss, cs)
    elif kind == "participle":
        if _DOCUMENT_BEFORE_RE.search(pre):
            # "Trump issued a statement saying that": who issued it, else the document
            np = _subject(ctx, ss, cs) or _np_back(text, max(ss, cs - 150), cs)
        elif not pre.rstrip().endswith((",", ",”", ',"')):  # (a comma inside the closing mark)
            return None
        else:
            np = _subject(ctx, ss, cs) or _cue_before_source(text, ss, cs)
        if not np:
            return None
        src = _source(ctx, np[0], np[1], se)
        content = (_after_that(text, ce, se), se)
    elif kind == "quoted_as":
        m = _AS_SAYING_RE.search(text, ce, min(se, ce + 120))
        if not m:
            return None
        k = _skip_space(text, ce, se)
        np = _np_fwd(text, k, m.start() + 1)
        agent = _np_back(text, max(ss, cs - 150), cs)
        if not np:
            return None
        src = _source(ctx, np[0], np[1], m.start())
        if agent:
            via = _media_name(ctx, *agent)
        content = (m.end(), se)
    else:
        if cue[-2:].lower() == "ed" and (_PASSIVE_RE.search(pre) or _BY_RE.match(text, ce, se)):
            return _passive_agent(ctx, cs, ce, se, via)  # "Rubio was asked by the moderator whether ..."
        np = _np_back(text, max(ss, np_end - 150), _before_paren(text, ss, np_end))
        if np is not None and _PREP_BEFORE_RE.search(text, max(ss, np[0] - 8), np[0]):
            np = None  # "referred to the massacre in Orlando and said": a preposition's object is no speaker
        tail_s = ce
        if kind == "tell":
            pm = _COMMA_PARTICIPLE_RE.match(text, ce, se)
            if pm and cue_kind(pm.group(1)) == "participle":
                return None  # "X told O'Reilly, noting that ...": the participle's attribution
            obj = _np_fwd(text, _skip_space(text, ce, se), se)
            if obj:
                tail_s = obj[1]
                o = ctx.mention_in(*obj)
                oname = o.entity if o else text[obj[0]:obj[1]]
                if _entity_kind(oname, o) == "media" or _MEDIA_RE.fullmatch(oname):
                    via = oname[4:] if oname.lower().startswith("the ") else oname
        qb = _QUOTED_BY_RE.match(text, ce, se)
        if qb:  # "..., the minister said, quoted by Norway's NTB news agency."
            agent = _np_fwd(text, qb.end(), se)
            via = _media_name(ctx, *agent) if agent else ""
        tail_e = se
        late = None if qb else _LATE_QUOTED_BY_RE.search(text, ce, se)
        if late:  # "Lavrov said the deal was final, quoted by Russia's Tass news agency.": the
            # medium that quoted him ends the sentence, and is no part of what he said
            agent = _np_fwd(text, late.end(), se)
            rest = text[agent[1]:se].rstrip(" .”\"'’\n") if agent else ","
            if agent and "," not in rest and len(rest.split()) <= 3:  # (" news agency")
                via, tail_e = _media_name(ctx, agent[0], agent[1] + len(rest)), late.start()
        tail = (_after_that(text, tail_s, tail_e, tell=kind == "tell"), tail_e)
        tail_words = len(text[tail[0]:tail[1]].split())
        coordinated = _AND_CUE_RE.search(text, max(ss, cs - 20), cs)
        if coordinated and not pre.rstrip().endswith(","):
            # "McConnell embraced the mogul and said this week that ...": the sentence's subject
            subj = _subject(ctx, ss, cs)
            if subj and tail_words >= 2:
                src = _source(ctx, subj[0], subj[1], se)
                content = tail
        appos_name = False
        if np is not None and text[np[1]:cs].strip() == ",":
            before = text[ss:np[0]].rstrip()
            if before.endswith(",") and text[np[0]:np[0] + 1].isupper() \
                    and _entity_kind(text[np[0]:np[1]], ctx.mention_in(*np)) == "person":
                appos_name = True  # "Clinton's communications director, Jennifer Palmieri, said"
            else:
                np = None  # "..., the group, said X": the words before the comma are content
        if content is not None:
            pass
        elif appos_name:
            if tail_words < 2:
                return None
            content = tail
            src = _source(ctx, np[0], np[1], se)
        elif pre.rstrip().endswith((",", "—", "–", "--")):
            # "X, a senator from Vermont, said ...": the sentence's subject, past its apposition
            subj = _subject(ctx, ss, np_end)
            if subj and subj[1] < np_end and _SUBJECT_APPOS_RE.fullmatch(text, subj[1], np_end) and tail_words >= 2:
                np = subj
                named = _NAME_APPOS_RE.match(text, subj[1], np_end)
                if named and text[subj[0]:subj[1]].split()[-1].islower():
                    np = named.span(1)  # "Nevada's governor, Brian Sandoval, a Republican, said": the name
            elif np is None and pre.rstrip().endswith(",") and kind != "tell":  # "CONTENT, said X." (after "told", the hearer)
                np2 = _np_fwd(text, _skip_space(text, ce, se), se)
                if not np2 or len(text[ss:cs].split()) < 3:
                    return None
                src = _source(ctx, np2[0], np2[1], se)
                content = (ss, cs)
        if content is None and np is None and tail_words >= 2 and not _passive_to(text, cue, tail[0]):
            src = _whole_subject(ctx, ss, cs, se)  # "People briefed on the talks say ..."
            if src is None:  # "..., and more than 4 in 10 said ...": the subject after a coordinator
                nm = _NEXT_SPEAKER_RE.search(text, max(ss, cs - 90), cs)
                if nm is not None:
                    src = _whole_subject(ctx, nm.start(1), cs, se)
            if src is not None:
                content = tail
        if content is None:
            if np is None:
                return None
            np = _widen_after_comma(text, ss, np)
            lead = text[ss:np[0]]
            if lead.rstrip().endswith(_AFTER_QUOTE):
                return None  # "“...,” State Department spokesman John Kirby said": the quote's cue
            if tail_words <= 5 and _ADVERBIAL_RE.match(text[tail[0]:tail[1]].lstrip()) \
                    and not _THAT_RE.match(text, tail_s, se) and not (lead.rstrip().endswith(",") and lead_words_ok(lead)):
                return None  # "said earlier this week": no content
            lead_words = len(lead.split())
            parenthetical = text[tail_s:se].lstrip().startswith(",")
            if lead.rstrip().endswith(",") and lead_words >= 3 and (
                    tail_words < 2 or parenthetical
                    or tail_words <= 10 and _ADVERBIAL_RE.match(text[tail[0]:tail[1]].lstrip())):
                content = (ss, np[0])  # "CONTENT, X said." / "CONTENT, X said, MORE"
            elif tail_words >= 2:
                content = tail
            else:
                return None
            src = _source(ctx, np[0], np[1], se)
            if src is None and kind == "media" and _EVIDENCE_RE.fullmatch(text, np[0], np[1]):
                src = _described(text, np[0], np[1])  # "..., campaign and federal records show."
            elif src is None and content == tail and "," not in lead and not _passive_to(text, cue, tail[0]):
                src = _whole_subject(ctx, ss, cs, se)  # "Iowa biofuels advocates say ..."
        if kind in ("belief", "intention") and src and src[1] == "unattributed":
            return None
    if src is None:
        return None
    name, skind, role, s0, e0, low = src
    if low == "i" or low in ("this", "that", "which", "who"):
        return None
    if name and " " not in name and text.startswith(name, s0) \
            and LEXICON_TAGS.get(name.lower(), "NN") in _ADJECTIVE_OPENER_TAGS \
            and _LOWER_WORD_AFTER_RE.match(text, s0 + len(name), cs) and not text[ss:s0].strip(" \"“”‘’'("):
        # "Early polls show", "Much of the party said": an adjective opening the sentence is no
        # name when lower-case words follow it before the cue ("Green said" stays a name)
        if e0 <= s0 + len(name) and kind == "participle":
            return None  # ("Early last week, he launched a strike, vowing": a clause, not a source)
        ps, pe = _span(text, s0, e0 if e0 > s0 + len(name) else cs)
        if len(text[ps:pe].split()) > 8:
            return None
        name, skind, role, s0, e0, low = _described(text, ps, pe)
        name = name[:1].lower() + name[1:]
    if low == "it" and (not name or (_PASSIVE_AUX_RE.search(text, e0, cs) and not cue.endswith("ing"))  # "It is said"
                        or kind == "media" and name.split()[-1].lower() not in _WRITTEN_HEADS):
        return None  # ("it" when it means an organisation or a document, speakers._it_speaker; what
        # "shows" or "found" is a document, not "the Iraqi military")
    c0, c1 = _span(text, content[0], _before_next_attribution(text, *content))
    if c1 - c0 < 3 or not _WORD_CHAR_RE.search(text, c0, c1) or in_quote(c0):
        return None
    if s0 < c1 and c0 < e0:  # the source inside the content: a misparse
        return None
    aff, g = _person_facts(ctx, name, skind, s0, e0, se)
    return Attribution("indirect", c0, c1, text[c0:c1], name or "", s0, e0, skind, role,
                       text[cs:ce], cs, ce, via, aff, g)


#: the words of a source phrase the noun-phrase finder does not take: up to a comma or the end
_PHRASE_RE = re.compile(r"[^,;:“”\"()]{2,90}?(?=\s*(?:[,;:.]\s|[,;:.]?$|\())")
#: tags of words that, opening a sentence, are adjectives or quantifiers rather than surnames
#: when lower-case words follow them ("Early polls", "Much of the party", "Most voters")
_ADJECTIVE_OPENER_TAGS = frozenset({"JJ", "JJR", "JJS", "RBS", "RBR", "RB", "CD", "DT", "PDT"})
#: a lower-case word after the opener that is not one of the adverbs that stand between a name and its cue
_LOWER_WORD_AFTER_RE = re.compile(r"\s+(?!(?:%s)\b)[a-z]" % "|".join(sorted(ADVERBS_BEFORE_CUE)))


#: tags of the words that may stand between a comma and the name or noun before a cue, in
#: "CONTENT, frontman Anthony Kiedis revealed", "CONTENT, the nominee's campaign announced"
_MODIFIER_TAGS = frozenset({"DT", "PRP$", "NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "POS"})
_MODIFIER_WORD_RE = re.compile(r"[A-Za-z][\w-]*(?:[’']s)?")


def _widen_after_comma(text: str, ss: int, np: tuple[int, int]) -> tuple[int, int]:
    """The phrase before a cue, widened back to the comma when up to four modifiers stand
    between them ("..., singer Anthony Kiedis revealed": "singer Anthony Kiedis"), so that the
    words before the comma are the content; else ``np`` as it is."""
    k = text.rfind(",", ss, np[0])
    if k < 0 or k + 1 >= np[0]:
        return np
    head = text[np[0]:np[1]].split()[0].lower()
    if head in PRONOUNS or head in DETERMINERS:
        return np  # "..., the year he said", "..., a process the pollster said": a clause, not modifiers
    words = text[k + 1:np[0]].split()
    if not 1 <= len(words) <= 4 or len(text[ss:k].split()) < 3:
        return np
    for i, w in enumerate(words):
        if w == "and" and 0 < i < len(words) - 1:
            continue  # ("campaign and corporate records")
        if not _MODIFIER_WORD_RE.fullmatch(w):
            return np
        base = w[:-2] if w.endswith(("’s", "'s")) else w
        tag = LEXICON_TAGS.get(base.lower(), "NN")
        if tag not in _MODIFIER_TAGS or tag in ("DT", "PRP$") and i > 0:
            return np
    return _skip_space(text, k + 1, np[0]), np[1]


#: a plural noun of written evidence, with modifiers before it, as the source of a cue such as
#: "show" or "found" ("records show", "campaign and corporate records show", "new polls found")
_EVIDENCE_RE = re.compile(r"(?:[a-z][\w-]*\s+(?:and\s+)?){0,3}(?:records|documents|polls|surveys|studies|data|"
                          r"figures|statistics|filings|tallies|estimates|results|numbers|reports|emails|"
                          r"e-mails|files|papers|receipts|transcripts)")


#: a share of people polled as the subject of a cue ("59 percent said", "Nearly half said",
#: "A mere 9 percent say", "Two-thirds of Republicans said")
_SHARE_RE = re.compile(r"(?i:(?:(?:nearly|almost|about|around|roughly|just|only|a\s+mere|more\s+than|less\s+than|"
                       r"fewer\s+than|over|under|some|another)\s+)*(?:\d[\d.,]*\s*(?:percent|per\s+cent|%)|"
                       r"[a-z]+(?:-[a-z]+)?\s+(?:percent|per\s+cent)|half|a\s+third|a\s+quarter|a\s+fifth|"
                       r"(?:one|two)-thirds|(?:one|three)-quarters|a\s+majority|a\s+minority|a\s+plurality|"
                       r"majorities|(?:one|two|three|four|five|six|seven|eight|nine|\d+)\s+(?:in|out\s+of)\s+(?:\d+|ten|five|four|three)|"
                       r"(?:many|most|some|few|several|those|all|none|others)(?=\s+(?:of|in|at|surveyed|polled|questioned|interviewed)\b))"
                       r"(?:\s+(?:surveyed|polled|questioned|interviewed))?"
                       r"(?:\s+(?:of|in|at)\s+(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})?)")


#: words that make the stretch before a cue a clause rather than its subject
_SUBJECT_STOP_WORDS = frozenset(("how", "what", "why", "that", "which", "whether", "where", "when", "also", "then",
                           "later", "now", "not", "never", "appear", "appears", "appeared", "seem", "seems",
                           "seemed"))
#: words no noun phrase ends in ("the lawyers for his said", "a former CEO like the ... said")
_NO_HEAD_WORDS = frozenset(("the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that",
                            "in", "on", "at", "for", "of", "to", "by", "with", "like", "from", "and", "or"))
_BE_FORMS = frozenset(("is", "are", "was", "were", "be", "been", "being"))
_AUXILIARIES = _BE_FORMS | {"has", "have", "had", "will", "would", "could", "should", "did", "does", "do", "may",
                            "might", "must", "can"}
#: cues that, before "to", are mostly a passive participle ("the hackers believed to be based in
#: China", "officials asked to leave"): a reduced relative clause, not an attribution
_PASSIVE_TO_CUES = frozenset(("believed", "expected", "asked", "told", "thought", "said", "reported", "alleged",
                              "known", "considered", "seen", "understood", "estimated", "urged", "ordered",
                              "required", "invited", "forced"))


#: a coordinator and the subject of another cue, at the end of a stretch ("..., and more than 4
#: in 10 said", "..., while Forbes says")
_NEXT_SPEAKER_RE = re.compile(r"(?:[,;]\s*|\s)(?:and|but|while|whereas|although|though|after)\s+"
                              r"(?!(?:that|who|which|what|if|whether|how|why|when|where|to)\b)((?:[\w’'.-]+\s+){1,7})$")
_OPENS_A_CLAUSE = frozenset(("that", "which", "who", "and", "but", "because", "if", "when", "while", "as"))
_NEXT_CUE_KINDS = frozenset(("speech", "tell", "belief", "intention", "media"))


def _before_next_attribution(text: str, c0: int, c1: int) -> int:
    """Where the content text[c0:c1] ends: before a coordinated clause with a cue and a subject
    of its own ("Most said they were worried, and more than 4 in 10 said ...": that is another
    attribution), else ``c1``."""
    for m in _ATTR_CUE_RE.finditer(text, c0, c1):
        kind = cue_kind(m.group())
        if kind == "according_to":  # "..., according to Politico": the source of what is before
            k = text.rfind(",", max(c0, m.start() - 3), m.start())
            before = text[c0:k].split() if k >= 0 else ()
            if k >= 0 and not text[k + 1:m.start()].strip() and len(before) >= 2 \
                    and before[-1].lower() not in _OPENS_A_CLAUSE:  # (not "that, according to X, the ...")
                return k
            continue
        if kind not in _NEXT_CUE_KINDS:
            continue
        nm = _NEXT_SPEAKER_RE.search(text, max(c0, m.start() - 90), m.start())
        if nm is not None and len(text[c0:nm.start()].split()) >= 2:
            return nm.start()
    return c1


#: what a passive cue's content opens with after its agent ("asked by X whether ...")
_PASSIVE_CONTENT_RE = re.compile(r"\s*,?\s*\b(?:whether|if|about|to|for|that|how|why|what|when)\b")


def _passive_agent(ctx, cs: int, ce: int, se: int, via: str) -> Optional[Attribution]:
    """A passive cue ("asked", "criticized", "expected"): its source is the agent after "by",
    and its content what follows the agent ("Rubio was asked by Fox Business moderator Gerard
    Baker whether ..."); the grammatical subject is no source. None without an agent ("Yellen
    is expected to ..." credits nobody)."""
    text = ctx.text
    by = _BY_RE.match(text, ce, se)
    opener = _PASSIVE_CONTENT_RE.search(text, by.end(), min(se, by.end() + 90)) if by else None
    if opener is None:
        return None
    a0, a1 = _span(text, by.end(), opener.start())  # the agent: the words up to the content
    if a1 <= a0 or len(text[a0:a1].split()) > 10 or _NO_SUBJECT_RE.search(text, a0, a1):
        return None
    src = _source(ctx, a0, a1, se) or _described(text, a0, a1)
    c0, c1 = _span(text, opener.end() - len(opener.group().lstrip(" ,")), se)
    if len(text[c0:c1].split()) < 2:
        return None
    name, skind, role, s0, e0, _low = src
    aff, g = _person_facts(ctx, name, skind, s0, e0, se)
    return Attribution("indirect", c0, c1, text[c0:c1], name or "", s0, e0, skind, role,
                       text[cs:ce], cs, ce, via, aff, g)


#: a stance adjective before a name ("anti-Assad Syrian Observatory"): no part of it
_STANCE_ADJ_RE = re.compile(r"(?:anti|pro|non)-[\w.’'-]+,?\s+(?=[A-Z])")
#: a source phrase whose compound adjectives are set off by a comma, up to its next comma: "the
#: UK-based, anti-Assad Syrian Observatory for Human Rights,"
_COMPOUND_ADJ_COMMA_RE = re.compile(r"(?:the\s+)?[\w.-]+-(?:based|backed|led|run|funded|affiliated|aligned|owned),"
                                    r"(\s+[^,;:“”\"]{3,80}?)(?=[,.]|$)")


#: participle cues that report speech only before "that", a colon or a quotation mark
#: ("responding that …", not "responding to a story"; "conceding that …", not "conceding defeat")
_THAT_PARTICIPLES = frozenset(("responding", "conceding", "complaining", "reiterating", "lamenting", "asserting",
                               "acknowledging", "predicting"))


#: a hearer after "told", then a comma and a participle ("told O’Reilly, noting that")
_COMMA_PARTICIPLE_RE = re.compile(r"\s+[^,;.:“”\"]{1,40}?,\s*([a-z]+ing)\b")


def _passive_to(text: str, cue: str, k: int) -> bool:
    """Is ``cue`` a participle before "to" at ``k`` ("believed to have died")?"""
    return cue.lower() in _PASSIVE_TO_CUES and text.startswith("to ", _skip_space(text, k, len(text)))


def _whole_subject(ctx, ss: int, cs: int, se: int):
    """The words from the sentence's start to the cue as a described source ("People briefed on
    the talks say", "Former prosecutors said", "The social media company said"), or None when
    they are no noun phrase of people, an organisation or a group."""
    text = ctx.text
    ps, pe = _span(text, ss, cs)
    while True:  # "the inspector general also said", "Federal authorities haven’t said": the subject alone
        tail = text.rfind(" ", ps, pe)
        last = text[tail + 1:pe].lower()
        if tail <= ps or not (last in ADVERBS_BEFORE_CUE or last in _AUXILIARIES or last.endswith(("n’t", "n't"))
                              or last.endswith("ly") and last.isalpha()):
            break
        if last in _BE_FORMS:
            return None  # "officials were asked to leave": a passive, whose subject said nothing
        pe = tail
    if _SHARE_RE.fullmatch(text, ps, pe):
        return _described(text, ps, pe)  # "59 percent said", "Nearly half said"
    words = text[ps:pe].split()
    clause = _NO_SUBJECT_RE.search(text, ps, pe)
    if clause and clause.group() == "and" and len(words) > 2 and words[1] == "and" and words[0][1:].islower() \
            and not _NO_SUBJECT_RE.search(text, clause.end(), pe):
        clause = None  # "Current and former officials"
    if not (2 <= len(words) <= 10) or clause \
            or not (words[0].lower() in DETERMINERS or words[0][:1].isupper()) \
            or words[0].lower() in COMMON_SENTENCE_STARTERS - DETERMINERS \
            or not _SUBJECT_STOP_WORDS.isdisjoint(w.lower() for w in words) \
            or words[-1].lower() in _NO_HEAD_WORDS \
            or any(cue_kind(w) in ("speech", "media", "tell") for w in words):
        return None  # ("the whistleblower related a story about how his superiors told": a clause)
    if not (any(_singular(w) in NP_HEADS or w.lower() in ANON_HEADS for w in words)
            or _people_head(_head_word(words)) or _singular(words[-1]) in ORG_DESCRIPTION_HEADS):
        return None
    if words[-1].lower().startswith(("who", "that", "which")):
        return None  # "... members who’ve said": the relative pronoun's antecedent is the source
    if "who" in words or "whose" in words:  # "Current and former officials who spoke with X": as written
        return _described(text, ps, pe)
    src = _source(ctx, ps, pe, se)
    if src is None or (src[0] or "").split() == words[:1]:  # "People briefed ...": all of it
        src = _described(text, ps, pe)
    return src


def _singular(word: str) -> str:
    """A word in lower case without its possessive or plural ending ("senators" -> "senator")."""
    w = word.lower()
    if w.endswith(("’s", "'s", "s’", "s'")):
        w = w[:-2] if w[-1] == "s" else w[:-1]
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def _head_word(words: list[str]) -> str:
    """The head of a noun phrase's words: the last word before its first preposition ("the deputy
    head of China’s delegation": "head"), else its last word."""
    for i, w in enumerate(words[1:], 1):
        if w in ("of", "at", "for", "from", "in", "with", "on"):
            return words[i - 1]
    return words[-1]


_AGENT_PLURALS = ("ors", "ers", "ians", "ants", "ents", "ates", "ees", "ics")
_THING_PLURALS = frozenset(("numbers", "papers", "letters", "orders", "matters", "others", "powers", "waters",
                            "centers", "centres", "computers", "chambers", "answers", "offers", "borders",
                            "meters", "headquarters", "quarters", "markers", "filters", "plants", "grants",
                            "talents", "rates", "dates", "states", "estates", "debates", "updates",
                            "mandates", "topics", "politics", "basics", "tactics", "metrics", "graphics",
                            "statistics", "lyrics", "fees", "trees", "degrees", "guarantees", "committees"))


def _people_head(word: str) -> bool:
    """Does a subject ending in ``word`` describe people ("Former prosecutors", "the
    self-described democratic socialist")? A plural common noun of the lexicon, a role word,
    or a word of the -ist class of activists and economists."""
    w = word.lower()
    if not w.isalpha() or word[:1].isupper():
        return False
    if _role_word(_singular(w)) or w.endswith(("ist", "ists")):
        return True
    # a plural of the lexicon with an agent ending ("prosecutors", "advocates", "participants"),
    # not a thing ("cutbacks", "remarks", "documents", "numbers")
    return LEXICON_TAGS.get(w) == "NNS" and w.endswith(_AGENT_PLURALS) and not w.endswith(("ments", "events")) \
        and w not in _THING_PLURALS


def _described(text: str, s: int, e: int):
    """A source phrase taken as written (no name in it): an anonymous description."""
    phrase = _WS_RE.sub(" ", text[s:e])
    first = phrase.split()[0].lower() if phrase.split() else ""
    if first in DETERMINERS or first in NP_HEADS or first in ANON_HEADS:
        phrase = phrase[:1].lower() + phrase[1:]  # "People briefed ..." -> "people briefed ..."
    return phrase, "anonymous", _role_of(phrase), s, e, phrase.lower()


#: what follows a cue that reports speech only before "that", a colon or a quotation mark: "states"
#: the verb, not the noun ("the report states that", "states: “"), "responding that …"
_SPEECH_OPENER_RE = re.compile(r"\s*(?:,\s*)?(?:that\b|:|[“\"‘'])")
#: a reflexive pronoun between a subject and its cue ("Cruz himself said")
_REFLEXIVE_RE = re.compile(r"(?<=\w)\s+(?:himself|herself|themselves|itself)\s+$")
#: a document right before a participle cue ("issued a statement saying")
_DOCUMENT_BEFORE_RE = re.compile(r"(?<![\w’'-])(?:%s)s?\s+$" % "|".join(sorted(STATEMENT_HEADS)))
#: a preposition right before a noun phrase (its object)
_PREP_BEFORE_RE = re.compile(r"(?<![\w’'])(?:in|on|at|to|from|into|onto|with|about|over|against|across|near|toward|towards)\s+(?:the\s+)?$")
#: an auxiliary before a participle cue: a progressive tense ("is telling", "was insisting")
_PROGRESSIVE_RE = re.compile(r"(?<![\w’'])(?:is|are|was|were|been|’s|'s)(?:\s+(?:also|now|still|again|repeatedly|publicly|privately))?\s+$")
_NOUN_BEFORE_RE = re.compile(r"(?:(?:^|(?<=[\s“\"(]))(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Mm]y|[Yy]our|[Tt]his|"
                             r"[Tt]hat|[Tt]hese|[Tt]hose|[Nn]o|[Ee]very|to)|[’']s)\s+$")
#: a form of "be" (and an adverb) before a participle cue: a passive ("was quoted by", "is widely
#: expected to")
_PASSIVE_RE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:[a-z]+ly\s+)?$")
#: a subject stretch that is a clause, not a noun phrase
_NO_SUBJECT_RE = re.compile(r"[,;:“”\"()]|\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|"
                            r"and|but|if|when|while|because|after|before)\b")
_AND_CUE_RE = re.compile(r"(?:,?\s(?:and|but))\s+(?:(?:also|then|later|now|has|have|had)\s+)?$")
_QUOTED_BY_RE = re.compile(r",?\s*(?:quoted|cited)\s+by\s+")
_LATE_QUOTED_BY_RE = re.compile(r",\s*(?:quoted|cited)\s+by\s+")
_BY_RE = re.compile(r"\s+by\s+")


def _passive_quoted(ctx, cs: int, ce: int, ss: int, se: int, pre: str) -> Optional[Attribution]:
    """"Y was quoted by X as saying CONTENT" / "CONTENT, Y was quoted by X as saying"."""
    text = ctx.text
    p = ss + len(_PASSIVE_RE.sub("", pre).rstrip())
    np = _np_back(text, ss, p)
    by = _BY_RE.match(text, ce, se)
    if not np or not by:
        return None
    agent = _np_fwd(text, by.end(), se)
    m = _AS_SAYING_RE.search(text, ce, min(se, ce + 160))
    lead = text[ss:np[0]]
    if m and len(text[m.end():se].split()) >= 2:
        content = (m.end(), se)
    elif lead.rstrip().endswith(",") and len(lead.split()) >= 3:
        content = (ss, np[0])
    else:
        return None
    src = _source(ctx, np[0], np[1], se)
    if src is None or not agent:
        return None
    via = _media_name(ctx, *agent)
    name, skind, role, s0, e0, low = src
    c0, c1 = _span(text, *content)
    if c1 - c0 < 3:
        return None
    aff, g = _person_facts(ctx, name, skind, s0, e0, se)
    return Attribution("indirect", c0, c1, text[c0:c1], name or "", s0, e0, skind, role,
                       text[cs:ce], cs, ce, via, aff, g)


_POSS_NAME_RE = re.compile(r"^(?:[A-Z][\w.-]*\s+){0,3}?[A-Z][\w.-]*[’']s\s+(?:[a-z][\w-]*\s+){0,3}"
                           r"((?:[A-Z][\w’'.&-]*)(?:\s+(?:[A-Z][\w’'.&-]*|al|de|of|the))*)"
                           r"(?:\s+(?:news\s+agency|agency|newspaper|daily|television|TV|radio|network|channel|website))?$")
_MEDIA_TAIL_RE = re.compile(r"\b(?:news\s+agency|agency|newspaper|daily|television|TV|radio|network|channel|"
                            r"website|magazine|broadcaster)$")


def _media_name(ctx, s: int, e: int) -> str:
    """The outlet named by text[s:e], as the ``sources`` table names it: "Russia's Tass news
    agency" -> "TASS" (the gazetteer's name), "Syria Direct’s Noura" -> "Syria Direct"."""
    text = ctx.text
    owned = _owned_medium(ctx, s, e)
    if owned is not None:
        return owned
    phrase = _WS_RE.sub(" ", text[s:e])  # (no owner: _POSS_NAME_RE cannot match it either)
    mention = ctx.mention_in(s, e)
    if mention is not None and mention.kind == "media":
        return mention.entity
    return phrase[4:] if phrase[:4].lower() == "the " else phrase


def _after_that(text: str, p: int, hi: int, *, tell: bool = False) -> int:
    """Where the content starts after a cue: past 'that', 'in a statement that', a colon; after
    a verb of telling, past its hearer too ("told reporters on Monday that")."""
    end = min(hi, p + 70)
    if text.find("that", p, end) < 0:
        return p  # (both regexes end in "that")
    m = (_TELL_THAT_RE if tell else _THAT_RE).match(text, p, end)
    if m:
        return m.end()
    return p
