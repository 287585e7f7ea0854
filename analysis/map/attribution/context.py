"""The per-article context shared by the quote, source and attribution finders: the text as the
quote finder sees it, the blocks (paragraphs joined across hard wraps), the mentions index, and
the people the article names (scanned lazily: titles, roles, appositions). The coreference rules
are mixed in from :mod:`analysis.map.attribution.coref`. :func:`_context` keeps the last article's
context, so ``find_sources`` and ``find_attributions`` reuse what ``find_quotes`` built.
"""
from __future__ import annotations

import bisect
from contextlib import contextmanager
import re
from typing import Optional

from ...records import Mention, Parsed, Span
from ..mentions import DEMONYMS
from .coref import _Coref
from .lexicon import (
    ABBREVIATIONS, COMMON_SENTENCE_STARTERS, FIRST_NAMES, KIN_WORDS, TITLES, WEEKDAYS, _entity_kind, _role_of,
)
from .marks import _marks_view
from .phrases import _appos_after


class _Ctx(_Coref):
    """Per-article state: text, blocks, mentions index, people seen so far."""

    def __init__(self, parsed: Parsed, mentions: list):
        self.source_text = parsed.article.text
        self.text = text = _marks_view(parsed.article.text)
        paras = sorted(parsed.paragraphs or [], key=lambda s: s.start)
        if not paras:
            lo = getattr(parsed, "body_start", 0) or 0
            paras = [Span(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text[lo:])]
            paras = [Span(s.start + lo, s.end + lo, s.text) for s in paras if s.text.strip()]
        # merge paragraphs split by a single line break inside a sentence (hard wraps)
        blocks: list[list[int]] = []
        for sp in paras:
            if blocks:
                gap = text[blocks[-1][1]:sp.start]
                prev_last = text[blocks[-1][1] - 1] if blocks[-1][1] > 0 else "."
                nxt = text[sp.start:sp.start + 1]
                if (not gap.strip() and gap.count("\n") <= 1
                        and (nxt.islower() or prev_last not in ".!?:\"”’)]|")):
                    blocks[-1][1] = sp.end
                    continue
            blocks.append([sp.start, sp.end])
        self.blocks = [(s, e) for s, e in blocks]
        ms = sorted(mentions, key=lambda m: m.start)
        self.mentions = ms
        self.m_starts = [m.start for m in ms]
        self.person_mentions = [(m.start, m.entity) for m in ms if m.kind == "person"]
        self.person_starts = [p for p, _ in self.person_mentions]
        self.person_at: list[tuple[int, str]] = []  # (position, name) of people seen
        self.roles: dict[str, str] = {}
        self.scanned = False
        self.spoken: list = []  # named speakers found before the lazy scan
        self.quoted: list = []  # (open, close) of every pair of quotation marks, for antecedents
        self.anon_heads: set = set()  # heads of anonymous speaker descriptions seen ("official")
        self.anon_at: list = []  # (position, description, role) of anonymous speakers found
        self.after_quote = None  # (block start, quote start) while resolving a speaker after its quote
        self.titled_cache: dict = {}
        self.gender_cache: dict = {}
        self.cand_ok: dict = {}  # (position, name) -> may be an antecedent (coref), for cand_ok_for
        self.cand_ok_for = None
        self.byline = (parsed.byline or "").split(" and ")[0].split(",")[0].strip() or None

    @contextmanager
    def trial(self):
        """Read something now that a later stage reads again: what the speaker finders note
        meanwhile about the people they meet (names at places, roles, anonymous speakers) is
        undone on leaving, so the reading leaves the article's state as it found it."""
        self.people()  # (scanned first: the scan is part of the state, not of the trial)
        saved = list(self.person_at), dict(self.roles), set(self.anon_heads), list(self.anon_at)
        try:
            yield self
        finally:
            self.person_at[:], self.anon_at[:] = saved[0], saved[3]
            self.roles.clear()
            self.roles.update(saved[1])
            self.anon_heads.clear()
            self.anon_heads.update(saved[2])

    def people(self) -> list:
        """Persons seen in the article (scanned lazily, only when a quote needs them)."""
        if not self.scanned:
            self.scanned = True
            _scan_people(self)
            self.person_at.extend(self.spoken)
            self.person_at.sort()
        return self.person_at

    def fuller_name(self, word: str, pos: int, part: int) -> Optional[str]:
        """The last name of two or more words before ``pos`` whose first (``part`` 0) or last
        (``part`` -1) word is ``word``: a person the scan found so far, else a person mention."""
        full = next((f for _, f in reversed(self.person_at) if " " in f and f.split()[part] == word), None)
        if full is None:
            full = next((p.entity for p in reversed(self.mentions[:bisect.bisect_left(self.m_starts, pos)])
                         if p.kind == "person" and " " in p.entity and p.entity.split()[part] == word), None)
        return full

    def mention_in(self, s: int, e: int) -> Optional[Mention]:
        """Longest mention overlapping [s, e), preferring ones inside it."""
        i = bisect.bisect_left(self.m_starts, s - 80)
        best = None
        while i < len(self.mentions) and self.mentions[i].start < e:
            m = self.mentions[i]
            if m.end > s and (best is None or m.end - m.start > best.end - best.start):
                best = m
            i += 1
        return best

    def head_mention(self, s: int, e: int) -> Optional[Mention]:
        """The mention that names a speaker phrase text[s:e].

        In English the head of a noun phrase comes last ("State Department spokesman John
        Kirby" names Kirby), so: the last person mention inside the phrase, else the last
        mention inside it, else a mention overlapping it by at most a character each side.
        """
        i = bisect.bisect_left(self.m_starts, s - 80)
        inside, loose = [], None
        while i < len(self.mentions) and self.mentions[i].start < e:
            m = self.mentions[i]
            if m.start >= s and m.end <= e:
                inside.append(m)
            elif m.end > s and m.start >= s - 1 and m.end <= e + 1:
                loose = m
            i += 1
        people = [m for m in inside if m.kind == "person"]
        if people:
            return people[-1]
        if inside:
            return max(inside, key=lambda m: (m.end, m.end - m.start))
        return loose

    def name_mention(self, s: int, e: int, name: str) -> Optional[Mention]:
        """The mention that decides the kind of ``name``, the source the phrase text[s:e] names:
        one inside it of that entity, else its head mention when that ends the phrase ("State
        Department spokesman John Kirby" is a person: the department is his affiliation)."""
        i = bisect.bisect_left(self.m_starts, s)
        while i < len(self.mentions) and self.mentions[i].start < e:
            m = self.mentions[i]
            if m.entity == name and m.end <= e:
                return m
            i += 1
        m = self.head_mention(s, e)
        return m if m is not None and m.end >= e - 1 else None

    def _in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quoted, (pos, 1 << 62)) - 1
        return i >= 0 and self.quoted[i][0] < pos < self.quoted[i][1]

    def add_person(self, pos: int, name: str) -> None:
        if self.scanned:
            bisect.insort(self.person_at, (pos, name))
        else:
            self.spoken.append((pos, name))


# the look-behind comes after the first capital (same test) so ``re`` can skip to capitals
_NAME_RUN_RE = re.compile(r"[A-Z](?<![\w’'-][A-Z])[\w’'-]+(?:\.(?= [A-Z]))?(?: (?:[A-Z][\w’'-]+|al-[\w’'-]+|(?:al|bin|ibn|abu|de|van|von)(?= [A-Z]))){0,4}")
_TITLE_SET = {t.lower() for t in TITLES if " " not in t}
_PERSON_CUE_WORDS = {"spokesman", "spokeswoman", "activist", "commander", "analyst", "researcher",
                     "reporter", "correspondent", "minister", "official", "professor", "expert",
                     "fellow", "editor", "diplomat", "resident", "president", "ambassador", "envoy",
                     "student", "voter", "teacher", "pollster", "strategist", "lawmaker", "host",
                     "co-host", "anchor", "supporter", "organizer", "lawyer", "attorney", "economist",
                     "named"}  # ("a resident named Caroline")
_TITLE_OR_ROLE = _TITLE_SET | _PERSON_CUE_WORDS
# ", a researcher at ...", ", co-founder of ...", ", chief economist at ..."
_APPOS_START_RE = re.compile(r",\s+(?:(?:a|an|the)\s|[a-z][\w-]+(?:\s+[a-z][\w-]+)?\s+(?:of|at|for|with)\s)[^,.;]{0,80}")
#: an age in apposition, which only people have: "Carole Bower, 75, a retiree", "Groberg, 33, said"
#: (not "Gaza, 3,000 rockets": a space follows the second comma)
_AGE_APPOS_RE = re.compile(r",\s\d{1,3},(?=\s)")
#: a relative or partner named by the first name in apposition ("his wife, Jane,", "Clinton's
#: husband, Bill,"), the name's own comma after it: the owner, the kin word, a comma
_KIN_BEFORE_RE = re.compile(r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur)|[A-Z][\w-]+[’']s)\s+(?:\w+\s+)?"
                            r"(?:%s),\s$" % "|".join(KIN_WORDS))


def _after_title(text: str, lo: int, rs: int) -> bool:
    """Is the word before ``rs`` (within 20 characters) a title or role word ("spokesman John")?"""
    pre = text[max(lo, rs - 20):rs].rsplit(None, 1)
    if not pre:
        return False
    word = pre[-1].rstrip(".").lower()
    if word not in _TITLE_OR_ROLE:
        return False
    # "... the president. No one": a sentence end is no title
    return pre[-1][-1:] not in ".!?:;,\"”" or word in _TITLE_SET


_ARTICLE_WORDS = frozenset(("The", "A", "An"))
#: where a run's word may be an acronym or an owner (a word whose second character is no
#: lower-case letter, or one ending in 's): the runs that need the word-by-word test
_OWNER_OR_CAPS_HINT_RE = re.compile(r"(?:^| )[^ ][^a-z]|[’']s(?: |$)")


def _scan_people(ctx: _Ctx) -> None:
    """Record person names introduced by a title/role word or an apposition (no mentions needed).

    One pass over capitalised runs: "Captain Mustafa", "spokesman John Kirby",
    "Jane Roe, a researcher at ...".
    """
    text = ctx.text
    if not ctx.blocks:
        return
    lo, hi = ctx.blocks[0][0], ctx.blocks[-1][1]
    for m in _NAME_RUN_RE.finditer(text, lo, hi):
        run = m.group()
        if run[run.rfind(" ") + 1:].lower() in DEMONYMS:
            continue  # "African Americans", "Mexican American": people described, no name
        dot = run.find(". ")
        if dot > 2 and run[:dot].lower() not in _TITLE_SET and run[:dot].lower() not in ABBREVIATIONS:
            continue  # "... is named Clinton. Intentionally or not": a sentence ends, no name runs on
        one_word = " " not in run
        by_age = False  # a name known only by the age after it
        if one_word:
            # one word is a name only after a title or role word (most runs are not), or with
            # an age after it ("Groberg, 33,"): one after no space or full stop is not (the
            # word before would end in that character)
            c = text[m.start() - 1:m.start()]
            if c != " " and c != "." and not c.isspace():
                continue
            if not _after_title(text, lo, m.start()):
                if text[m.end():m.end() + 1] != "," or run.lower() in COMMON_SENTENCE_STARTERS or run in WEEKDAYS:
                    continue
                if not _AGE_APPOS_RE.match(text, m.end(), hi):
                    if _KIN_BEFORE_RE.search(text, max(lo, m.start() - 40), m.start()):
                        # "his wife, Jane,", "Caldwell's mother, Terry,": a person by her first
                        # name, or by the fuller name she was given before
                        full = ctx.fuller_name(run, m.start(), 0)
                        if full or _entity_kind(run, None) == "person":
                            ctx.person_at.append((m.start(), full or run))
                    continue
                by_age = True
        rs, re_ = m.span()
        parts = run.split()
        if len(parts) > 1 and _OWNER_OR_CAPS_HINT_RE.search(run):
            acr = [i for i, w in enumerate(parts) if w.isupper() and len(w) > 1 or w.endswith(("’s", "'s"))]
            if acr:  # an acronym or an owner is no part of a name: "EPA Administrator Gina McCarthy",
                # "NPR's Arnie Seipel"
                parts = parts[acr[-1] + 1:]
                if len(parts) < 2:
                    continue  # "GOP House"
                rs = re_ - len(" ".join(parts))
                run = text[rs:re_]
        if len(parts) > 1 and parts[-1] in WEEKDAYS:  # a weekday is no part of a name: "Broaddrick Sunday night"
            parts = parts[:-1]
            re_ = rs + len(" ".join(parts))
            run = text[rs:re_]
        n = len(parts)
        name_s = rs
        k = 0
        while k < n - 1 and parts[k].rstrip(".").lower() in _TITLE_SET:
            k += 1
        if k:
            name_s = rs + len(" ".join(parts[:k])) + 1
        # titled: a title in the run, or before it (a one-word run got here after one); the
        # test of the word before the run is made only where its answer counts (it is pure)
        titled = k > 0 or one_word
        if not _ARTICLE_WORDS.isdisjoint(parts[1:]):
            continue  # "Image The French ...": a caption label run into a sentence
        if not titled and (n == 1 or parts[0].lower() in COMMON_SENTENCE_STARTERS) \
                and not _after_title(text, lo, rs):
            continue  # untitled: a plain or appositive name needs 2+ words, not a sentence opener
        ap = _APPOS_START_RE.match(text, re_, hi)
        plain = n <= 3 and text[re_ + 1:re_ + 2].islower() and run.replace(" ", "").isalpha()  # (run: the parts)
        if not titled and not plain and not ap and not _after_title(text, lo, rs):
            if not _AGE_APPOS_RE.match(text, re_, hi):
                continue
            by_age = True
            # "Student Sarah Cobb, 17,", "Arizona Republican Joan Ewart, 81,": the name starts
            # at its first name, when the lexicon knows one
            first = next((i for i in range(1, n - 1) if parts[i] in FIRST_NAMES), 0)
            if first:
                name_s = rs + len(" ".join(parts[:first])) + 1
        name = text[name_s:re_]
        if by_age and one_word:  # a surname with an age ("Cowley, 34,"): the fuller name used before
            name = ctx.fuller_name(name, rs, -1) or name
        if _entity_kind(name, None) != "person":
            continue
        m = ctx.mention_in(name_s, re_)
        if m is not None and m.kind != "person" and m.start < re_ and m.end > name_s:
            continue  # "New Jersey", "Center for Economic Policy": the mentions know better
        ctx.person_at.append((name_s, name))
        if name in ctx.roles:
            continue  # (the first role found for a name stays)
        ctx_words = text[max(lo, rs - 40):rs] + run + (ap.group() if ap else _appos_after(text, re_, min(hi, re_ + 200)))
        r = _role_of(ctx_words)
        if r:
            ctx.roles[name] = r
    ctx.person_at.sort()


_CTX_CACHE: list = [None, None, None]


def _context(parsed: Parsed, mentions: list) -> _Ctx:
    """Per-article context, reused when find_sources follows find_quotes on the same article."""
    if _CTX_CACHE[0] is parsed and _CTX_CACHE[1] == mentions:
        return _CTX_CACHE[2]
    ctx = _Ctx(parsed, mentions)
    _CTX_CACHE[:] = [parsed, list(mentions), ctx]
    return ctx
