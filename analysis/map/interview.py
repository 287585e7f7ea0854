"""Interviews: the answers of a question-and-answer article are the interviewee's speech.

An interview prints its questions ("Q: What have you noticed ...?") and the interviewee's
answers as plain paragraphs, without quotation marks. The quote finder, which looks for
quotation marks, would leave all of that speech to the narrator. This module finds the Q&A
layout and returns each answer paragraph as a quote of the interviewee:

- an article is an interview when at least ``MIN_QUESTIONS`` body paragraphs open with a
  question label (``Q:``, ``Question:``, ``Interviewer:``);
- the answers are the paragraphs after each question up to the next one (an ``A:`` label is
  left out of the quote); paragraphs already inside direct quotes are left to those;
- the interviewee is the named speaker quoted most often before the first question (the
  introduction usually quotes them: "..., Mohammed al-Saleh ... tells Syria Direct");
- an explainer in Q&A form ("Q: What makes this agreement historic?") is the writer's own text:
  without a named interviewee, or when fewer than ``MIN_FIRST_PERSON_SHARE`` of the answers speak
  in the first person ("I", "we"), nothing is returned.

Rows carry ``cue = "interview answer"`` and ``how = "interview"`` so they can be told apart from
quotes in quotation marks.

>>> from analysis.records import Article
>>> from analysis.map.parse import parse_article
>>> t = ("Talks with a mayor\\n\\n“We rebuild,” the mayor, Ana Lima, told us.\\n\\n"
...      "Q: What comes first?\\n\\nThe school. Then our bridge.\\n\\nQ: And money?\\n\\nA: We have none.\\n")
>>> p = parse_article(Article("a", "", t))
>>> from analysis.records import Quote
>>> intro = Quote(t.index("We"), t.index("We") + 11, "We rebuild,", "Ana Lima", "named", "official", "told")
>>> [(q.quote, q.speaker, q.cue) for q in interview_answers(p, [intro])]
[('The school. Then our bridge.', 'Ana Lima', 'interview answer'), ('We have none.', 'Ana Lima', 'interview answer')]
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from ..records import Parsed, Quote

#: A paragraph that opens with one of these labels is an interviewer's question.
QUESTION = re.compile(r"^\s*(?:Q|Question|Interviewer)\s*[:.)\]–—-]\s*\S", re.IGNORECASE)
#: An answer label at the start of an answer paragraph (left out of the quote).
ANSWER_LABEL = re.compile(r"\s*(?:A|Answer)\s*[:.)\]–—-]\s*")
#: Fewer question paragraphs than this is not an interview layout.
MIN_QUESTIONS = 2
#: First-person words: an interviewee speaks of "I" and "we", an explainer's Q&A does not.
FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|[Ww]e|[Ww]e['’](?:re|ve|d|ll)|[Oo]ur|[Mm]y|me|us)\b")
#: ... in at least this share of the answers.
MIN_FIRST_PERSON_SHARE = 1 / 3
CUE = "interview answer"


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Is at least half of [start, end) inside the spans?"""
    covered = sum(max(0, min(end, e) - max(start, s)) for s, e in spans)
    return covered * 2 >= end - start


def interview_answers(parsed: Parsed, quotes: Sequence[Quote]) -> list[Quote]:
    """The answer paragraphs of a Q&A interview as quotes of the interviewee; [] when not one."""
    paras = parsed.paragraphs
    q_idx = [i for i, p in enumerate(paras) if QUESTION.match(p.text)]
    if len(q_idx) < MIN_QUESTIONS:
        return []
    first_question = paras[q_idx[0]].start
    intro = [q for q in quotes if q.end <= first_question and q.speaker_kind == "named" and q.speaker]
    if not intro:
        return []  # nobody is interviewed: a Q&A explainer in the writer's voice
    counts = Counter(q.speaker for q in intro)
    speaker = max(counts.items(), key=lambda kv: (kv[1], -min(q.start for q in intro if q.speaker == kv[0])))[0]
    ref = next(q for q in intro if q.speaker == speaker)
    quoted = [(q.start, q.end) for q in quotes]
    text = parsed.article.text
    out = []
    answers = []  # every answer paragraph, quoted or not: the first-person test reads them all
    for k, qi in enumerate(q_idx):
        stop = q_idx[k + 1] if k + 1 < len(q_idx) else len(paras)
        for p in paras[qi + 1:stop]:
            s, e = p.start, p.end
            label = ANSWER_LABEL.match(text, s, e)
            if label:
                s = label.end()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e - s < 2:
                continue
            answers.append(text[s:e])
            if _inside(s, e, quoted):
                continue
            out.append(Quote(s, e, text[s:e], speaker, "named", ref.speaker_role, CUE, ref.speaker_start,
                             ref.speaker_end, "interview"))
    first_person = sum(1 for a in answers if FIRST_PERSON.search(a))
    return out if out and first_person >= MIN_FIRST_PERSON_SHARE * len(answers) else []
