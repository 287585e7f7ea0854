"""Cited sources: quoted speakers (one row per citation phrase, i.e. per distinct speaker span)
plus indirect attributions ("Reuters reported", "according to X", "Moscow says", "X told
Reuters", "NAME believes ...:" before a block quote), with the medium a source spoke through
(``via``).
"""
from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from ...records import Mention, Parsed, Quote, Source
from .context import _context
from .cues import _PART_RE, _SRC_CUE_RE
from .lexicon import _CALENDAR_WORDS, _KIND_FOR_SOURCE, _MEDIA_RE, _WS_RE, _entity_kind
from .marks import _SpanCover
from .phrases import _TRAIL_ADV_RE, _appos_after, _np_back, _np_fwd, _owned_medium, _subject
from .sentences import _sent_end, _sent_start
from .speakers import _classify

if TYPE_CHECKING:
    from .context import _Ctx

_VIA_RE = re.compile(r"\b(?:quoted\s+by|cited\s+by|told|tells|telling|speaking\s+to|speaking\s+with|"
                     r"in\s+an\s+interview\s+with|interviewed\s+by|obtained\s+by|published\s+by|"
                     r"according\s+to)\s+")
#: "X quoted Y as saying" / "X cited Y as saying": group 2 is Y
_QUOTED_AS_RE = re.compile(r"\b(quoted|cited)\s+((?:[^\s.;:“”\"]+\s+){1,8}?)as\s+(?:saying|telling|stating|writing)\b")
_AGENT_RE = re.compile(r"\b(?:obtained|published|released|quoted|cited|reported|posted|"
                       r"translated)\s+by\s+")


def _via(ctx: _Ctx, p: int, hi: int) -> str:
    """Medium named right after a speaker/cue: 'told Reuters', 'quoted by AP', "tells X's Y"."""
    text = ctx.text
    m = _VIA_RE.search(text, p, min(hi, p + 90))
    if not m:
        return ""
    word = m.group().split()[0].lower()
    if word == "according":
        a = _AGENT_RE.search(text, m.end(), min(hi, m.end() + 60))
        if not a:
            return ""
        np = _np_fwd(text, a.end(), hi)
    else:
        np = _np_fwd(text, m.end(), hi)
    if not np:
        return ""
    s, e = np
    phrase = text[s:e]
    owned = _owned_medium(ctx, s, e)
    if owned is not None:
        return owned
    mention = ctx.mention_in(s, e)
    name = mention.entity if mention else (phrase[4:] if phrase.lower().startswith("the ") and not _MEDIA_RE.fullmatch(phrase) else phrase)
    kind = _entity_kind(name, mention)
    if kind == "media" or word in ("quoted", "cited", "obtained", "published", "interviewed"):
        return name if name[:1].isupper() else ""
    return ""


#: a subject's apposition up to its cue: ", another activist group, "
_APPOS_GAP_RE = re.compile(r"\s*,[^,;:“”\"]{2,80},\s*(?:also\s+|later\s+)?")


def find_sources(parsed: Parsed, quotes: list[Quote], mentions: list[Mention]) -> list[Source]:
    """Every cited source: quoted speakers and indirect attributions, one row per citation phrase.

    >>> from analysis.records import Article
    >>> from analysis.map.parse import parse_article
    >>> p = parse_article(Article("a", "", "T\\n\\nThe town fell, Reuters reported."))
    >>> [(s.source, s.source_kind, s.cue) for s in find_sources(p, [], [])]
    [('Reuters', 'media', 'reported')]
    """
    ctx = _context(parsed, mentions)
    text = ctx.text
    out: list[Source] = []
    taken: list[tuple[int, int]] = []
    by_start: list[tuple[int, int]] = []  # the same spans, sorted

    def take(s, e):
        taken.append((s, e))
        bisect.insort(by_start, (s, e))

    def taken_near(ss, se, cs, ce):
        """A span taken inside the sentence text[ss:se], next to the cue text[cs:ce]?"""
        i = bisect.bisect_left(by_start, (ss, -1))
        while i < len(by_start) and by_start[i][0] <= se:
            ts, te = by_start[i]
            if te <= se and (0 <= cs - te < 200 or 0 <= ts - ce < 5):
                return True
            i += 1
        return False

    def overlaps(s, e):
        return any(s < te and ts < e for ts, te in taken)

    def block_of(pos):
        for bs, be in ctx.blocks:
            if bs <= pos < be:
                return bs, be
        return pos, min(len(text), pos + 300)

    # 1) quoted speakers (rows with a stated speaker phrase)
    for q in quotes:
        if q.speaker_start is None or q.speaker is None:
            continue
        s, e = q.speaker_start, q.speaker_end
        if overlaps(s, e):
            continue
        bs, be = block_of(s)
        se = _sent_end(text, e, be)
        kind = "anonymous" if q.speaker_kind == "anonymous" else _entity_kind(q.speaker, ctx.name_mention(s, e, q.speaker))
        if q.how == "pronoun" and q.speaker_kind == "named":  # he/she: a person; they/we: a group
            kind = _entity_kind(q.speaker, None)
        via = _via(ctx, e, se)
        if via and via == q.speaker:
            via = ""
        out.append(Source(s, e, text[s:e], q.speaker, _KIND_FOR_SOURCE.get(kind, "person"), via, q.cue))
        take(s, e)
    # quote spans: indirect cues inside a direct quote are not attributions
    in_quote = _SpanCover((q.start, q.end) for q in quotes)
    # 2) indirect attributions
    for bs, be in ctx.blocks:
        for cm in _SRC_CUE_RE.finditer(text, bs, be):
            cs, ce = cm.span()
            if in_quote(cs):
                continue
            cue = _WS_RE.sub(" ", cm.group())
            low = cue.lower()
            if low == "according to":
                cue = low
            ss = _sent_start(text, bs, cs)
            se = _sent_end(text, ce, be)
            # a source already taken next to this cue in the same sentence
            if low != "according to" and taken_near(ss, se, cs, ce):
                continue
            np = None
            if low == "according to":
                a = _AGENT_RE.search(text, ce, min(se, ce + 80))
                q0 = a.end() if a else ce + 1
                np = _np_fwd(text, q0, se)
            elif low in ("quoted by", "cited by"):
                np = _np_back(text, ss, cs)
            elif _PART_RE.fullmatch(cue):
                np = _subject(ctx, ss, cs) if text[ss:cs].rstrip().endswith(",") else None
            else:
                np = _np_back(text, max(ss, cs - 150), cs)
                if np is None:
                    pre = text[ss:cs].rstrip()
                    pre2 = _TRAIL_ADV_RE.sub("", pre)
                    if pre2.endswith(",") and not pre.endswith(("“", '"')):
                        # "X, a commander, told" / "A commander, X, also told"
                        k2 = text.rfind(",", ss, ss + len(pre2) - 1)
                        if k2 > ss:
                            seg = _np_fwd(text, k2 + 1 + (text[k2 + 1:k2 + 2] == " "), ss + len(pre2) - 1)
                            if seg and seg[0] > k2 and text[seg[0]:seg[0] + 1].isupper() \
                                    and _entity_kind(text[seg[0]:seg[1]], None) == "person":
                                np = seg
                            else:
                                np = _np_back(text, ss, k2)
                        # ", said X" inversion
                        if np is None and pre.endswith(","):
                            q0 = ce
                            while q0 < se and text[q0].isspace():
                                q0 += 1
                            np = _np_fwd(text, q0, se)
                    elif not pre.strip():
                        np = None
            if not np or overlaps(*np):
                continue
            s, e = np
            if in_quote(s):
                continue
            extra = _appos_after(text, e, se)
            spk = _classify(ctx, s, e, extra, s)
            if spk is not None and spk.kind == "anonymous" and ss < s:
                # "The Local Councils, another activist group, said": the name before the apposition
                subj = _subject(ctx, ss, s)
                if subj and subj[1] <= s and _APPOS_GAP_RE.fullmatch(text, subj[1], cs):
                    alt = _classify(ctx, subj[0], subj[1], "", subj[0])
                    if alt is not None and alt.kind == "named" and alt.name:
                        spk = alt
            if spk is None or spk.name is None:
                continue
            if _CALENDAR_WORDS.issuperset(spk.name.lower().split()):
                continue  # "X outlined his case Tuesday and said": a day is nobody
            if spk.ekind == "pronoun" and low in ("believes", "believe", "estimated", "estimates"):
                continue
            if text[s:e].lower() == "i":
                continue  # "I say", "I argued": the writer's own view is no cited source
            kind = spk.ekind if spk.kind == "named" else "anonymous"
            if spk.ekind == "pronoun":
                kind = "person"
            via = ""
            if low in ("quoted by", "cited by"):
                np2 = _np_fwd(text, ce + 1, se)
                if np2:
                    m2 = ctx.mention_in(*np2)
                    via = _owned_medium(ctx, *np2) or (m2.entity if m2 else text[np2[0]:np2[1]])
                    if via.lower().startswith("the ") and not _MEDIA_RE.fullmatch(via):
                        via = via[4:]
            else:
                via = _via(ctx, cs if low.startswith(("told", "tell")) else e, se)
            if via == spk.name:
                via = ""
            # block quote introduced by a name and a colon
            sent_tail = text[ce:se].rstrip()
            if text[se - 1:se] == ":" or (sent_tail.endswith(":") and se >= be - 1):
                cue = ":"
            elif se >= be and text[be - 1:be] == ":":
                cue = ":"
            ss_, es_ = spk.s, spk.e
            out.append(Source(ss_, es_, text[ss_:es_], spk.name, _KIND_FOR_SOURCE.get(kind, "person"), via, cue))
            take(ss_, es_)
    # 3) "Turkey's Anadolu news agency quoted Davutoglu as saying": the one quoted is the source,
    # the one quoting is how it came (``via``)
    quoted_as = "quoted" in text or "cited" in text
    for bs, be in ctx.blocks if quoted_as else ():
        if text.find("quoted", bs, be) < 0 and text.find("cited", bs, be) < 0:
            continue  # (the regex needs one of the words; ``re`` would try it at every offset)
        for m in _QUOTED_AS_RE.finditer(text, bs, be):
            if in_quote(m.start()):
                continue
            np = _np_fwd(text, m.start(2), m.end(2))
            if not np or overlaps(*np):
                continue
            spk = _classify(ctx, np[0], np[1], "", np[0])
            if spk is None or spk.name is None:
                continue
            xb = _np_back(text, _sent_start(text, bs, m.start()), m.start())
            via = ""
            if xb is not None:
                mm = ctx.head_mention(*xb)
                via = mm.entity if mm is not None and mm.kind == "media" else (
                    _owned_medium(ctx, *xb) or text[xb[0]:xb[1]])
                if via.lower().startswith("the ") and not _MEDIA_RE.fullmatch(via):
                    via = via[4:]
            kind = "person" if spk.ekind == "pronoun" else spk.ekind if spk.kind == "named" else "anonymous"
            out.append(Source(spk.s, spk.e, text[spk.s:spk.e], spk.name, _KIND_FOR_SOURCE.get(kind, "person"),
                              "" if via == spk.name else via, m.group(1).lower()))
            take(spk.s, spk.e)
    out.sort(key=lambda r: r.start)
    if ctx.source_text is not text:
        out = [r._replace(text=ctx.source_text[r.start:r.end]) for r in out]
    return out
