"""Coreference: who a he/she pronoun, a "they"/"we" or a definite description ("the governor",
"the paper") means. The rules are methods of the article context (the :class:`_Coref` mixin of
``context._Ctx``): walk back sentence by sentence and prefer the subject of the nearest
reporting clause ("..., Biden said. “...,” he added": Biden), people introduced with the title
a description names, the group or medium named last.
"""
from __future__ import annotations

import bisect
import re
from typing import Optional

from .cues import _CUE_RE
from .lexicon import (
    ANY_ORG_HEADS, COMMON_SENTENCE_STARTERS, FIRST_NAMES, GENDER_WORDS, IT_BODY_HEADS, IT_DOCUMENT_HEADS,
    LEXICON_TAGS, NAME_GENDERS_SURE, ORG_DESCRIPTION_HEADS, PERSON_HEADS, PRONOUNS, PRONOUN_GENDER, STATEMENT_HEADS,
    STATE_BODY_WORDS, TITLE_FORMS, _CALENDAR_WORDS, _derived_first, _entity_kind, _GENDER_TITLE_RE,
)
from .phrases import _np_back, _subject
from .sentences import _sent_index, _sent_start

#: How far back a pronoun or a definite description looks for the person it means.
ANTECEDENT_SENTENCES = 6
ANTECEDENT_CHARS = 3000
SUBJECT_WINDOW = 350
#: How many sentences before its own an "it" that speaks looks back for what it means.
IT_SENTENCES = 2
#: what an "it" that speaks may stand for, written with a determiner: a document ("the letter",
#: "a statement", "its website", "a banner"), or an organisation described ("the coalition")
_IT_HEADS = STATEMENT_HEADS | ORG_DESCRIPTION_HEADS | IT_DOCUMENT_HEADS | IT_BODY_HEADS
_DOCUMENT_RE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]his)\s+(?:(?:(?:[A-Z]\.)+-?[\w’'-]*|[\w’'-]+)\s+){0,2}((?i:%s))\b"
                          % "|".join(sorted(_IT_HEADS)))
#: a sentence whose subject is "it" ("It said the strikes ..."): its "it" means what the one before does
_IT_SUBJECT_RE = re.compile(r"[\"“”‘’'(\s]*(?:(?:But|And|Then|Later|Still|However|Meanwhile|Yet|So|Instead),?\s+)?It\b")
# a sentence whose subject is a he/she pronoun ("He later added", "But she said")
_PRONOUN_SUBJECT_RE = re.compile(r"[\"“”‘’'(\s]*(?:(?:But|And|Then|Later|Still|However|Meanwhile|Yet|So),?\s+)?(He|She)\b")
_LONG_APPOS_GAP_RE = re.compile(r"\s*,[^;:“”\"]{2,200}?,\s*(?:(?:also|later|then)\s+)?")
_NAME_ENDS_CLAUSE_RE = re.compile(r"(?:[A-Z][\w’'.-]*\s?){1,4}\s*(?:[,.;]|$)")
_CLAUSE_BREAK_RE = re.compile(r"[.,;:!?“”\"]")
# a sentence whose subject is a he/she after a subjectless opening clause ("Asked about Clinton, she replied")
_PARTICIPLE_SUBJECT_RE = re.compile(r"[\"“”‘’'(\s]*(?:Asked|Pressed|Questioned|Speaking|Responding|Reached|"
                                    r"Interviewed|Talking|Writing|Appearing|Addressing|Reacting|Campaigning)"
                                    r"\b[^.;:!?“”\"]{0,200}?,\s*([Hh]e|[Ss]he)\b")
# a sentence that is a quote and its he/she cue ("“Really,” she added.")
_QUOTE_PRONOUN_CUE_RE = re.compile(r"\s*[\"“][^\"“”]{1,300}[\"”],?\s+(he|she)\s+[a-z]+(?:\s+[a-z]+)?\s*[.,]")
# a sentence that opens with a subordinate clause: its people are not the sentence's subject
#: a sentence that opens with one capitalised word, then a lower-case word ("Calderon regretted")
_OPENING_NAME_RE = re.compile(r"[\s\"“”‘’'(]*(?:(?:But|And|Then|Later|Still|However|Meanwhile|Yet|So),?\s+)?"
                              r"([A-Z][\w’'-]+)(?:,\s+however,)?\s+(?=[a-z])")
_NEXT_WORD_RE = re.compile(r"([a-z]+)\b")
#: a sentence that opens with a definite description of a person, then a lower-case word ("The
#: Florida senator sought"); group 1 is its head
_OPENING_DESCRIPTION_RE = re.compile(r"[\s\"“”‘’'(]*(?:(?:But|And|Then|Later|Still|However|Meanwhile|Yet|So),?\s+)?"
                                     r"The\s+(?:[\w’'-]+\s+){0,3}?(%s)\s+(?=[a-z])(?!(?:of|at|for|from|in|with|who)\b)"
                                     % "|".join(sorted(h for h in PERSON_HEADS if h.islower())))
_LEADING_CLAUSE_RE = re.compile(r"[\"“”‘’'(\s]*(?:(?:But|And|Yet|So),?\s+)?(?:[Ww]hen|[Aa]s|[Aa]fter|[Bb]efore|[Ww]hile|"
                                r"[Ii]f|[Aa]lthough|[Tt]hough|[Ss]ince|[Bb]ecause|[Oo]nce|[Uu]ntil|[Uu]nless|"
                                r"[Ww]hereas)\b[^,;:.!?]{0,150},")


class _Coref:
    """Coreference for the article context (mixed into ``context._Ctx``): who a pronoun or a
    definite description means, the subject of the nearest reporting clause, people by title."""

    def gender(self, name: str, at: int) -> str:
        """'male' / 'female' when a title before ``at`` or a known first name says so (the
        curated list, then the derived names two national lists give: gender._derived_first),
        else ''."""
        m = _GENDER_TITLE_RE.search(self.text, max(0, at - 8), at) if at >= 0 else None
        if m:
            return GENDER_WORDS[m.group(1).lower()]
        parts = name.split()
        if len(parts) == 1:  # a surname: use a fuller name seen in the article
            fulls = {full for _, full in self.people() if full != name and full.split()[-1] == name}
            if len(fulls) > 1 and len({self.gender(f, -1) for f in fulls}) > 1:
                return ""  # "Clinton" after Bill and Hillary Clinton: either
            for _, full in reversed(self.people()):
                if full != name and full.split()[-1] == name:
                    parts = full.split()
                    break
        for w in parts[:-1]:
            g = FIRST_NAMES.get(w) or GENDER_WORDS.get(w.lower().rstrip("."))
            if g:
                return g
        return _derived_first(parts, names=NAME_GENDERS_SURE)

    def antecedent(self, pos: int, want: str = "", anonymous: bool = False, prefer=None,
                   skip_own: bool = False):
        """The person a he/she pronoun or a definite description at ``pos`` most likely means.

        Walks back sentence by sentence (at most ``ANTECEDENT_SENTENCES`` and
        ``ANTECEDENT_CHARS``): a sentence whose subject is itself "he"/"she" hands over to the
        sentence before it; otherwise the first person it names outside quotation marks (in news
        English, the subject) whose gender does not clash with ``want``. Falls back to the
        nearest compatible person within reach. With ``anonymous``, unnamed speakers found
        before ("said one rebel commander") count too, and the answer is (name, kind). With
        ``prefer`` (a set of names), those are tried first; with ``skip_own``, people named in
        the sentence of ``pos`` itself are left out ("Mr. Carter is “...,” the spokesman said":
        Carter is the topic, not the speaker).
        """
        text = self.text
        lo = max(0, pos - ANTECEDENT_CHARS)
        people = self.people()
        # (position, name) of the people named in reach, a person mention before a name the
        # scan found at the same place (the first of each kind when there are several)
        cands = dict(reversed(people[bisect.bisect_left(people, (lo, "")):bisect.bisect_left(people, (pos, ""))]))
        named, starts = self.person_mentions, self.person_starts
        cands.update(reversed(named[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, pos)]))
        order = self._outside_quotes(cands.items())
        if want:
            cache = self.gender_cache
            ok = []
            for c in order:
                g = cache.get(c)
                if g is None:
                    g = cache[c] = self.gender(c[1], c[0])
                if g in ("", want):
                    ok.append(c)
        else:
            ok = order
        anon = {}
        if anonymous:
            for p, desc, _ in self.anon_at:
                if lo <= p < pos and not (want and any(GENDER_WORDS.get(w, want) != want for w in desc.split())):
                    anon[p] = desc
            ok = sorted(ok + list(anon.items()))
        if prefer:
            ok = [c for c in ok if c[1] in prefer] or ok
        if not ok:
            return None
        answer = (lambda c: (c[1], "anonymous" if c[0] in anon else "named")) if anonymous \
            else (lambda c: c[1])
        starts, ends = _sent_index(text)
        sent_of = lambda p: bisect.bisect_right(ends, p)  # noqa: E731 - sentence number
        k = sent_of(pos)
        first_k = max(0, k - ANTECEDENT_SENTENCES)
        if skip_own and not isinstance(skip_own, bool):
            bs, o = skip_own
            skip_own = _CUE_RE.search(text, _sent_start(text, bs, o), o) is None
        own = k if skip_own else -1
        by_sent: dict[int, list] = {}
        after = bisect.bisect_right
        for c in ok:
            by_sent.setdefault(after(ends, c[0]), []).append(c)
        while k >= first_k:
            s0 = ends[k - 1] if k > 0 else 0
            if s0 < lo:
                break
            # the subject of a run-on "sentence" (text without spaces after full stops) is far
            # away: look only at its last SUBJECT_WINDOW characters
            s_end = min(ends[k] if k < len(ends) else len(text), pos)
            in_sent = [c for c in by_sent.get(k, []) if max(s0, s_end - SUBJECT_WINDOW) <= c[0] < pos
                       and k != own]
            sub = _LEADING_CLAUSE_RE.match(text, s0) if len(in_sent) > 1 else None
            if sub:  # "When Quintanilla tried to follow up, ... Carson took the out": the main clause first
                in_sent = [c for c in in_sent if c[0] >= sub.end()] + [c for c in in_sent if c[0] < sub.end()]
            ps = (_PRONOUN_SUBJECT_RE.match(text, s0) or _PARTICIPLE_SUBJECT_RE.match(text, s0)
                  or _QUOTE_PRONOUN_CUE_RE.match(text, s0))
            if ps and ps.start(1) <= pos and (not want or PRONOUN_GENDER[ps.group(1).lower()] == want) \
                    and not (in_sent and in_sent[0][0] < ps.start(1)):
                k -= 1  # "He said that ... Obama": the subject is the pronoun's own antecedent
                first_k = max(0, first_k - 1)  # (a sentence of the chain does not count to the limit)
                continue
            rs = self._reporting_subject(in_sent, s0, s_end, want) if k != own else None
            if rs is not None:
                return answer(rs)
            first = self._opening_surname(s0, s_end, want) if k != own else None
            if first is not None and (not in_sent or first[0] < in_sent[0][0]):
                return answer(first)  # "Calderon regretted that ... Trump .... “...,” he said": the subject
            desc = self._opening_description(s0, s_end, want) if k != own and in_sent else None
            if desc is not None and desc[0] < in_sent[0][0]:
                return answer(desc)  # "The Florida senator sought to calm ... Trump's rallies. He said": the senator
            if in_sent:
                return answer(in_sent[0])
            k -= 1
        return answer(ok[-1])

    def _outside_quotes(self, cands) -> list:
        """The (position, name) candidates outside quotation marks that may be antecedents (no
        sentence opener, no calendar word), sorted; each candidate is tested once."""
        seen = self.cand_ok
        if self.cand_ok_for is not self.quoted:  # (the answers hold for one set of quotes)
            seen = self.cand_ok = {}
            self.cand_ok_for = self.quoted
        out = []
        for c in cands:
            ok = seen.get(c)
            if ok is None:
                low = c[1].lower()
                ok = seen[c] = (not self._in_quote(c[0]) and low not in COMMON_SENTENCE_STARTERS
                                and low not in _CALENDAR_WORDS)
            if ok:
                out.append(c)
        out.sort()
        return out

    def _opening_description(self, s0: int, s_end: int, want: str = ""):
        """(position, name) when the sentence at ``s0`` opens with a definite description of a
        person ("The Florida senator sought ...") that points back to someone named before; else
        None."""
        m = _OPENING_DESCRIPTION_RE.match(self.text, s0, s_end)
        if m is None:
            return None
        head = m.group(1).lower()
        name = self.antecedent(m.start(1), GENDER_WORDS.get(head, want), prefer=self.titled(head))
        if not name or (want and self.gender(name, m.start(1)) not in ("", want)):
            return None
        return (m.start(), name)

    def _opening_surname(self, s0: int, s_end: int, want: str = ""):
        """(position, full name) when the sentence at ``s0`` opens with the surname of a person
        named before in full, then a lower-case word ("Calderon regretted that ..."); else None."""
        m = _OPENING_NAME_RE.match(self.text, s0, s_end)
        if m is None or self._in_quote(m.start(1)):
            return None
        word, at = m.group(1), m.start(1)
        # the last full name before ``at`` that ends in ``word`` (both lists are sorted by position)
        people = self.people()
        full = next((f for _, f in _before(people, bisect.bisect_left(people, (at, "")))
                     if word in f and " " in f and f.split()[-1] == word), None)
        if full is None:
            full = next((mm.entity for mm in _before(self.mentions, bisect.bisect_left(self.m_starts, at))
                         if mm.kind == "person" and word in mm.entity and " " in mm.entity
                         and mm.entity.split()[-1] == word), None)
        if full is None:
            # a one-word name never given in full, then a past-tense verb ("Carson defied the
            # question", "Nega defended his decision"): a person the article calls by surname
            # alone, when nothing says it is a word, a place or an organisation
            nxt = _NEXT_WORD_RE.match(self.text, m.end(), s_end)
            if (nxt is None or LEXICON_TAGS.get(nxt.group(1)) != "VBD" or word.lower() in LEXICON_TAGS
                    or word.lower() in _CALENDAR_WORDS or word.lower() in COMMON_SENTENCE_STARTERS
                    or _entity_kind(word, self.mention_in(at, at + len(word))) != "person"):
                return None
            full = self.fuller_name(word, len(self.text), -1) or word  # (given in full later on)
        if want and self.gender(full, m.start(1)) not in ("", want):
            return None
        return (m.start(1), full)

    def _reporting_subject(self, cands: list, s0: int, s_end: int, want: str = ""):
        """The subject of a reporting verb in text[s0:s_end] ("..., Biden said."; "said Biden";
        "Barden says"), the likeliest person a following "he said" means; else None. A name
        right before the verb counts even when no other rule took it for a person."""
        text = self.text
        for cm in _CUE_RE.finditer(text, s0, s_end):
            if self._in_quote(cm.start()):
                continue
            for c in cands:
                p = c[0]
                if p < cm.start() and len(text[p:cm.start()].split()) <= len(c[1].split()) + 2 \
                        and not _CLAUSE_BREAK_RE.search(text, p, cm.start()):
                    return c
                if 0 <= p - cm.end() <= 2 and _NAME_ENDS_CLAUSE_RE.match(text, p):
                    return c  # "..., said Biden." (not "said Obamacare allows ...")
            np = _np_back(text, s0, cm.start())
            if np and text[np[1]:cm.start()].strip():  # "X, a professor at ... Act, said"
                subj = _subject(self, s0, cm.start())
                np = subj if subj and _LONG_APPOS_GAP_RE.fullmatch(text, subj[1], cm.start()) else None
            if np and text[np[0]:np[0] + 1].isupper() and np[0] >= s0:
                words = text[np[0]:np[1]].split()
                if 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) \
                        and words[0].lower() not in COMMON_SENTENCE_STARTERS and words[0].lower() not in PRONOUNS:
                    m = self.mention_in(*np)
                    if m is not None and m.kind != "person":
                        continue
                    name = m.entity if m is not None else " ".join(words)
                    if _entity_kind(name, m) != "person":
                        continue
                    if " " not in name:  # a surname: the fuller name it was introduced with
                        name = next((f for _, f in reversed(self.people()) if f.split()[-1] == name), name)
                    if want and self.gender(name, np[0]) not in ("", want):
                        continue
                    return (np[0], name)
        return None

    def titled(self, head: str) -> set:
        """People the article names with the title ``head`` anywhere ("President Barack Obama",
        "Gov. Rick Perry"): the likely referents of "the president", "the governor"."""
        got = self.titled_cache.get(head)
        if got is None:
            titles = TITLE_FORMS.get(head, (head.capitalize(),))
            text = self.text
            got = self.titled_cache[head] = {
                m.entity for m in self.mentions if m.kind == "person"
                and text[max(0, m.start - 30):m.start].split()[-1:]
                and text[max(0, m.start - 30):m.start].split()[-1].rstrip(".") in titles}
        return got

    def group_antecedent(self, pos: int):
        """(name, kind) of the group "they"/"we" at ``pos`` most likely means: the nearest
        organisation, government or medium named, or unnamed people described in the plural
        ("two officials"), in this sentence or the two before it; None when there is none."""
        starts, ends = _sent_index(self.text)
        k = bisect.bisect_right(ends, pos)
        lo = ends[k - 3] if k >= 3 else 0
        best = None
        i = bisect.bisect_left(self.m_starts, lo)
        while i < len(self.mentions) and self.mentions[i].start < pos:
            m = self.mentions[i]
            if m.kind in ("organisation", "actor", "government", "media") and not self._in_quote(m.start):
                best = (m.start, m.entity, "group")
            i += 1
        for p, desc, _ in self.anon_at:
            if lo <= p < pos and desc.split()[-1].endswith("s") and (best is None or p > best[0]):
                best = (p, desc, "anonymous")
        return (best[1], best[2]) if best else None

    def org_antecedent(self, pos: int, head: str):
        """The mention of the organisation "the group" / "the ministry" at ``pos`` most likely
        means: the nearest one named outside quotation marks, in this sentence or the two before
        it, whose name holds the head ("the ministry": a "... Ministry"); for a head no name
        needs to hold ("group", "organization"), the nearest organisation (never a state or a
        government: "the group" is not the United States); None when there is none."""
        starts, ends = _sent_index(self.text)
        k = bisect.bisect_right(ends, pos)
        lo = ends[k - 3] if k >= 3 else 0
        best = None
        named_by_head = head not in ANY_ORG_HEADS
        i = bisect.bisect_left(self.m_starts, lo)
        while i < len(self.mentions) and self.mentions[i].start < pos:
            m = self.mentions[i]
            if m.end <= pos and not self._in_quote(m.start):
                if head in m.entity.lower().split() if named_by_head else (
                        m.kind == "organisation" and STATE_BODY_WORDS.isdisjoint(m.entity.split())):
                    best = m
            i += 1
        return best

    def it_antecedent(self, pos: int):
        """(start, end, mention or None) of what an "it" speaking at ``pos`` means ("“…,” it
        said"): an organisation, government, armed group or medium named, a document written
        about ("the letter", "a statement", "a banner") or an organisation described ("the
        coalition"), outside quotation marks. The nearest sentence (this one or the
        ``IT_SENTENCES`` before it) that holds one gives its first, the likeliest subject; a
        sentence whose own subject is "it" hands over to the one before. None when there is
        none (a place or a person is never "it")."""
        text = self.text
        starts, ends = _sent_index(text)
        k = bisect.bisect_right(ends, pos)
        lo = ends[k - IT_SENTENCES - 1] if k > IT_SENTENCES else 0
        cands = []
        i = bisect.bisect_left(self.m_starts, lo)
        while i < len(self.mentions) and self.mentions[i].start < pos:
            m = self.mentions[i]
            if m.kind in ("organisation", "actor", "government", "media") and m.end <= pos \
                    and not self._in_quote(m.start):
                cands.append((m.start, m.end, m))
            i += 1
        for dm in _DOCUMENT_RE.finditer(text, lo, pos):
            ds, de = dm.span()
            if self._in_quote(ds):
                continue
            inside = [c for c in cands if ds <= c[0] < de]
            if any(c[1] == de for c in inside):
                continue  # "the Justice Department": the organisation's name
            cands = [c for c in cands if c not in inside]  # "the U.S. Embassy": not the United States
            cands.append((ds, de, None))
        by_sent: dict[int, list] = {}
        for c in sorted(cands, key=lambda c: c[0]):
            by_sent.setdefault(bisect.bisect_right(ends, c[0]), []).append(c)
        for j in sorted(by_sent, reverse=True):
            s0 = ends[j - 1] if j > 0 else 0
            it = _IT_SUBJECT_RE.match(text, s0)
            if it and it.end() <= by_sent[j][0][0] and j > k - IT_SENTENCES:
                continue  # "It reported that ... ISIS": the "it" before, not ISIS
            for c in by_sent[j]:  # "..., CNN said. It added": the one a cue follows, else the first
                cm = _CUE_RE.search(text, c[1], min(c[1] + 40, pos))
                if cm and not text[c[1]:cm.start()].strip(" ") and not self._in_quote(cm.start()):
                    return c
            return by_sent[j][0]
        return None

    def last_media(self, pos: int) -> Optional[str]:
        """The news medium named last before ``pos`` (for "the paper reported")."""
        i = bisect.bisect_left(self.m_starts, pos) - 1
        while i >= 0 and pos - self.mentions[i].start < ANTECEDENT_CHARS:
            if self.mentions[i].kind == "media" and not self._in_quote(self.mentions[i].start):
                return self.mentions[i].entity
            i -= 1
        return None


def _before(items: list, i: int):
    """``items[:i]`` from the last one back (without copying them)."""
    return (items[j] for j in range(i - 1, -1, -1))


def _introduced_anonymously(text: str, head: str, pos: int) -> bool:
    """Was "a/an/one ... <head>" written before ``pos`` ("A French official ... said")?

    Then "the official" means that unnamed person, not the last person named.
    """
    pat = _INDEF_CACHE.get(head)
    if pat is None:
        pat = _INDEF_CACHE[head] = re.compile(
            r"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w’'.-]+\s+){0,4}%ss?\b" % re.escape(head))
    return pat.search(text, max(0, pos - ANTECEDENT_CHARS), pos) is not None


_INDEF_CACHE: dict = {}
