"""Events: who does what to whom in a claim, coded from word lists, offline.

A small dictionary-based event coder in the tradition of political event data (KEDS/TABARI,
PETRARCH: actor dictionaries plus verb classes, read by shallow patterns rather than a full
parse). It lets two articles that say the same thing in different words be matched: "Russia's
strikes on the Syrian opposition" and "Russian airstrikes are hitting rebel positions" both
code as ``Russia > attack > Syrian opposition``.

- **Participants**: the canonical actors the gazetteer found (``mentions`` of kind actor,
  organisation or person), the names of the naming lexicon (``data/labels.csv``: "rebels",
  "opposition forces", "Assad regime" ...) and demonyms (``data/demonyms.csv``: "Russian"
  airstrikes -> Russia). Overlaps keep the longest.
- **Actions**: verb and noun classes of ``data/actions.csv`` (attack, capture, advance, kill,
  support, benefit, withdraw, fight), one regular expression per class.
- **Modality**: an action after "to" or a modal ("to fight ISIS", "could strike") is an
  intention or a possibility, not an event: it is not coded.
- **Negation** within three words before the action is kept: ``Russia>not attack>Islamic State``.
  An event put in doubt before its agent ("doubted that", "denied that", "whether") is not coded.
- **Roles**: the agent is the nearest participant before the action (at most
  ``AGENT_WINDOW`` words away), the patient the nearest after it (``PATIENT_WINDOW`` words);
  a passive ("were hit by Russian jets") swaps them. An event needs all three, and two
  different participants. Clause punctuation (``;`` ``:``, a dash) stops the search.

Coding is shallow on purpose: it can miss events and mis-assign roles in long sentences, so
it only ever adds ``agree`` links between claims that also pass the claim comparison's
same-event checks (dates, places, negation); see :mod:`analysis.map.claims`.

>>> [event_key(e) for e in code_events("Russian airstrikes are hitting rebel positions.")]
['Russia>attack>Syrian opposition']
>>> [event_key(e) for e in code_events("Rebel positions were hit by Russian jets.")]
['Russia>attack>Syrian opposition']
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from typing import Iterable, NamedTuple, Sequence

from ..config import DATA_DIR
from .match import Matcher, _phrase_key, _regex_key, phrase_regex

#: Participant kinds (gazetteer ``kind``) that can be agents or patients.
PARTICIPANT_KINDS = frozenset({"actor", "organisation", "organization", "person", "group", "government"})
#: The agent stands at most this many words before the action ...
AGENT_WINDOW = 8
#: ... the patient at most this many words after it.
PATIENT_WINDOW = 4
ACTIONS_CSV = DATA_DIR / "actions.csv"
DEMONYMS_CSV = DATA_DIR / "demonyms.csv"
LABELS_CSV = DATA_DIR / "labels.csv"

_WORD = re.compile(r"[\w’'-]+")
_CLAUSE_BREAK = re.compile(r"[;:,()]|\s[–—-]\s|–|—")
#: Words between agent and action that mean the agent is a speaker or thinker, not the doer
#: ("ISW believes the attacks will ...") or that a new clause begins.
_AGENT_STOP = re.compile(r"\b(?:say|says|said|saying|believes?|believed|thinks?|thought|fears?|feared|claims?|"
                         r"claimed|insists?|insisted|argues?|argued|told|warns?|warned|hopes?|expects?|"
                         r"that|which|who|whom|whose|while|whereas|because|although|though|but)\b",
                         re.IGNORECASE)
#: Words just before the action that make it intended, possible or demanded rather than done
#: ("to fight ISIS", "could strike", "threatens to bomb"): such actions are not coded.
_IRREALIS_BEFORE = re.compile(r"\b(?:to|will|would|could|should|might|may|can|must|shall|cannot|can't|won't|"
                              r"wouldn't|couldn't|shouldn't)\s+(?:\w+\s+){0,1}$", re.IGNORECASE)
#: Words before the agent that put the whole event in doubt ("he doubted that Russia was
#: fighting ISIS", "would question Russia's intentions", "denied that its jets hit ..."): the
#: sentence does not assert the event, so it is not coded.
_CONTESTED_BEFORE = re.compile(r"\b(?:doubts?|doubted|doubtful|den(?:y|ies|ied)|questions?|questioned|"
                               r"whether|unclear|unlikely|rejects?|rejected|dismiss(?:es|ed)?|"
                               r"disputes?|disputed|skeptical|sceptical|if|unless)\b", re.IGNORECASE)
#: Words that may not stand between an action and its patient: the name after them belongs to
#: another phrase ("airstrikes after a request from Assad", "opponents of Assad", "strikes in Syria").
_PATIENT_STOP = re.compile(r"\b(?:after|before|from|with|for|since|during|while|because|as|to|of|by|and|or|but|"
                           r"than|in|inside|near|across|over|under|through|within|outside|around|like)\b",
                           re.IGNORECASE)
#: ... except "from" after a capture ("captured six villages from rebels": the rebels lost them).
_PATIENT_STOP_CAPTURE = re.compile(_PATIENT_STOP.pattern.replace("|from|", "|"), re.IGNORECASE)
#: A negation at most three words before the action: the event is coded as ``not <action>``.
_NEGATED_BEFORE = re.compile(r"(?:\b(?:not|never|no)\b|n['’]t\b)\s*(?:\w+\s+){0,2}$", re.IGNORECASE)
#: A pronoun object right after the action: the patient is that pronoun, not a later name.
_PRONOUN_AFTER = re.compile(r"^\s+(?:them|it|him|her|us|you|me|themselves|itself)\b", re.IGNORECASE)
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|being|be|get|got|gets)\s+(?:\w+ly\s+|also\s+|not\s+)?$",
                        re.IGNORECASE)
_BY_AFTER = re.compile(r"^\s+by\b", re.IGNORECASE)
_OF_AFTER = re.compile(r"^\s+of\b", re.IGNORECASE)


class Event(NamedTuple):
    """One coded event; ``start``/``end`` are the action cue's offsets in the text given."""

    agent: str
    action: str
    patient: str
    start: int
    end: int
    cue: str


def event_key(event: Event) -> str:
    """``agent>action>patient``, the form stored in the ``claims.events`` column."""
    return f"{event.agent}>{event.action}>{event.patient}"


class _Lexicon(NamedTuple):
    matcher: Matcher
    actions: tuple[str, ...]  # entry index -> action class
    names: tuple[str, ...]  # entry index -> entity


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """The action classes and participant names, in one token-indexed matcher (read once)."""
    entries, actions, names = [], [], []
    with open(ACTIONS_CSV, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            pattern = r["pattern"]
            raw = pattern[3:] if pattern.startswith("re:") else None
            rx = re.compile(raw, re.IGNORECASE) if raw is not None else phrase_regex(pattern)
            entries.append(("action", len(actions), rx, _regex_key(raw) if raw is not None else _phrase_key(pattern)))
            actions.append(r["action"])
    forms: list[tuple[str, str, bool]] = []
    with open(LABELS_CSV, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["label_type"] == "name" and r["entity"] != "*" and not r["pattern"].startswith("re:"):
                forms.append((r["pattern"], r["entity"], r["case"].strip().lower() in ("sensitive", "yes", "true", "1")))
    with open(DEMONYMS_CSV, encoding="utf-8", newline="") as f:
        forms.extend((r["demonym"], r["entity"], True) for r in csv.DictReader(f))
    for pattern, entity, case in forms:
        entries.append(("name", len(names), phrase_regex(pattern, case=case), _phrase_key(pattern)))
        names.append(entity)
    return _Lexicon(Matcher(entries), tuple(actions), tuple(names))


def _hits(text: str) -> list[tuple[int, int, str, int]]:
    """(start, end, 'action'|'name', entry index) of every lexicon match in ``text``."""
    low = text.lower()
    found = _lexicon().matcher.find(text, low if len(low) == len(text) else None, [(0, len(text))])
    if len(found) < 2:
        return [(h[1], h[2], h[3], h[4]) for h in found]
    return sorted(((h[1], h[2], h[3], h[4]) for h in found), key=lambda h: (h[0], -h[1], h[2], h[3]))


def action_classes(text: str, *, _found=None) -> frozenset:
    """The action classes (data/actions.csv) whose cues occur in ``text``.

    >>> sorted(action_classes("Russian jets struck rebels as ISIS advanced."))
    ['advance', 'attack']
    """
    actions = _lexicon().actions
    found = _hits(text) if _found is None else _found
    return frozenset(actions[i] for s, e, lex, i in found if lex == "action")


#: Between a participant and an action noun: a possessive ("ISIS's push", "Russia’s strikes").
_POSSESSIVE_GAP = re.compile(r"^['’]s?\s+(?:\w+\s+){0,2}$")
#: An action noun after "its"/"their" ("its gains", "their offensive"): the agent is the antecedent.
_ITS_BEFORE = re.compile(r"\b(?:its|their)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_BY_AGENT = re.compile(r"^\s+(?:\w+\s+){0,3}?by\s+", re.IGNORECASE)
#: A definite description that points back to the actor named before ("the group is taking ...").
#: Heads of definite descriptions that point back to the actor named before ("the group", "the
#: terror group", "the campaign"); claims.py resolves claims opening with one the same way.
ANAPHOR_HEADS = (r"group|organi[sz]ation|militants?|jihadists?|fighters|extremists?|insurgents?|campaign|"
                 r"offensive|operation|regime|government|movement|network|coalition|country|ministry")
_ANAPHOR_NP = re.compile(rf"\b(?:the|this|that) (?:\w+ )?(?:{ANAPHOR_HEADS})\b", re.IGNORECASE)


def agent_actions(text: str, mentions: Iterable[Sequence] = (), *, antecedent: str = "",
                  _found=None) -> frozenset:
    """Who does which kind of action in ``text``, without needing a patient: ``agent>action``.

    The agent is the participant just before the action (at most AGENT_WINDOW words, no
    clause break or reporting verb between), the owner of a nominalised action ("ISIS's push",
    "Russia's strikes"), the doer after "by" ("the advance by ISIS", "were hit by Russian
    jets"), or, for "its gains" / "their offensive", the ``antecedent`` (the actor named
    before). Intended or possible actions ("to fight", "could strike") are left out.

    >>> sorted(agent_actions("ISIS's push towards Aleppo marks its biggest advance."))
    ['Islamic State>advance']
    >>> sorted(agent_actions("Its gains came fast.", antecedent="Islamic State"))
    ['Islamic State>advance']
    >>> sorted(agent_actions("The largest advance by ISIS in months."))
    ['Islamic State>advance']
    """
    found = _hits(text) if _found is None else _found
    actions = _lexicon().actions
    cues = [(s, e, actions[i]) for s, e, lex, i in found if lex == "action"]
    if not cues:
        return frozenset()
    parts = participants(text, mentions, _found=found)
    out = set()
    for s, e, action in cues:
        if any(p[0] < e and s < p[1] for p in parts):
            continue
        if _IRREALIS_BEFORE.search(text[max(0, s - 40):s]):
            continue
        agent = None
        before = [p for p in parts if p[1] <= s]
        if before:
            p = before[-1]
            gap = text[p[1]:s]
            if _POSSESSIVE_GAP.match(gap) or (_words(gap) <= AGENT_WINDOW and not _CLAUSE_BREAK.search(gap)
                                               and not _AGENT_STOP.search(gap)):
                agent = p[2]
        by = _BY_AGENT.match(text[e:])
        if by:
            rest = e + by.end()
            after = next((p for p in parts if p[0] >= rest and _words(text[rest:p[0]]) <= 2), None)
            if after:
                agent = after[2]
        if agent is None and antecedent:
            window = text[max(0, s - 60):s]
            tail = _CLAUSE_BREAK.split(window)[-1]
            if (_ITS_BEFORE.search(window) or text[s:e].lower().startswith(("its ", "their "))
                    or (_ANAPHOR_NP.search(tail) and not _AGENT_STOP.search(tail))):
                agent = antecedent
        if agent:
            negated = bool(_NEGATED_BEFORE.search(text[max(0, s - 40):s]))
            out.add(f"{agent}>{'not ' if negated else ''}{action}")
    return frozenset(out)


def participants(text: str, mentions: Iterable[Sequence] = (), *, _found=None) -> list[tuple[int, int, str]]:
    """Participants in ``text`` as (start, end, entity), in order, overlaps resolved to the longest.

    ``mentions``: (start, end, entity, kind) with offsets into ``text``.

    >>> participants("Syrian rebels fought Russian troops.")
    [(0, 13, 'Syrian opposition'), (21, 28, 'Russia')]
    """
    names = _lexicon().names
    found = [(int(m[0]), int(m[1]), str(m[2])) for m in mentions if m[3] in PARTICIPANT_KINDS]
    found += [(s, e, names[i]) for s, e, lex, i in (_found if _found is not None else _hits(text)) if lex == "name"]
    found.sort(key=lambda p: (p[0], -(p[1] - p[0]), p[2]))
    out: list[tuple[int, int, str]] = []
    for p in found:
        if out and p[0] < out[-1][1]:
            continue  # overlaps a longer (or earlier) one
        out.append(p)
    return out


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _chained(between: list[tuple], s: int, text: str) -> bool:
    """Do the cues between an agent and the cue at ``s`` form a chain ("bombing raids have
    mostly targeted"), each at most two words from the next?"""
    ends = [c[1] for c in between] + [None]
    starts = [c[0] for c in between[1:]] + [s]
    return all(_words(text[e:st]) <= 2 for e, st in zip(ends[:-1], starts))


def code_events(text: str, mentions: Iterable[Sequence] = (), *, _found=None) -> list[Event]:
    """Events in one claim: (agent, action, patient) with the action cue's offsets.

    >>> [event_key(e) for e in code_events("ISIS captured six villages from rebels.")]
    ['Islamic State>capture>Syrian opposition']
    >>> code_events("The talks in Geneva were held on Monday.")
    []
    >>> [event_key(e) for e in code_events("ISIS fighters attacked Russian troops near Aleppo.")]
    ['Islamic State>attack>Russia']
    >>> [event_key(e) for e in code_events("Moscow says its jets struck ISIS, but they hit rebels.")]
    []
    >>> [event_key(e) for e in code_events("Russian jets could strike rebel bases.")]
    []
    >>> [event_key(e) for e in code_events("He doubted that Russia was interested in fighting ISIS.")]
    []
    """
    found = _hits(text) if _found is None else _found
    actions = _lexicon().actions
    cues = [(s, e, actions[i], text[s:e]) for s, e, lex, i in found if lex == "action"]
    cues = [c for k, c in enumerate(cues) if not (k and c[0] < cues[k - 1][1])]  # overlapping: the first
    if not cues:
        return []
    parts = participants(text, mentions, _found=found)
    if len(parts) < 2:
        return []
    events = []
    for s, e, action, cue in cues:
        if any(p[0] < e and s < p[1] for p in parts):
            continue  # the cue is inside a name ("Free Syrian Army" is no action)
        if _IRREALIS_BEFORE.search(text[max(0, s - 40):s]):
            continue  # intended or possible, not done
        # the agent may stand before a chain of cues ("Russian airstrikes are hitting ...") only
        # when the cue in between is close; the patient never lies beyond another cue
        prev_cues = [c for c in cues if c[1] <= s]
        next_cue = next((c[0] for c in cues if c[0] >= e), len(text))
        gap_ok = [p[1] <= s and _words(text[p[1]:s]) <= AGENT_WINDOW and not _CLAUSE_BREAK.search(text[p[1]:s])
                  and not _AGENT_STOP.search(text[p[1]:s])
                  and _chained([c for c in prev_cues if c[0] >= p[1]], s, text) for p in parts]
        before = [p for p, ok in zip(parts, gap_ok) if ok]
        after = [p for p in parts if e <= p[0] <= next_cue
                 and _words(text[e:p[0]]) <= PATIENT_WINDOW and not _CLAUSE_BREAK.search(text[e:p[0]])
                 and not (_PATIENT_STOP_CAPTURE if action == "capture" else _PATIENT_STOP).search(text[e:p[0]])]
        if _PRONOUN_AFTER.match(text[e:]):
            after = []
        agent = before[-1] if before else None
        patient = after[0] if after else None
        by = _BY_AFTER.match(text[e:])
        if _BE_BEFORE.search(text[:s]) and not cue.lower().endswith("ing"):
            # passive: "were hit (by X)": the participant before is the patient
            patient = agent
            agent = None
            if by:
                rest = e + by.end()
                agent = next((p for p in parts if p[0] >= rest and _words(text[rest:p[0]]) <= PATIENT_WINDOW
                              and not _CLAUSE_BREAK.search(text[rest:p[0]])
                              and not _PATIENT_STOP.search(text[rest:p[0]])), None)
        elif by or _OF_AFTER.match(text[e:]):
            # "the advance by/of ISIS": the doer follows; whom it was done to is not coded
            agent, patient = None, None
        if agent and _CONTESTED_BEFORE.search(text, 0, min(agent[0], s)):
            continue  # "he doubted that Russia was fighting ISIS": not asserted
        if agent and patient and agent[2] != patient[2]:
            negated = bool(_NEGATED_BEFORE.search(text[max(0, s - 40):s]))
            events.append(Event(agent[2], f"not {action}" if negated else action, patient[2], s, e, cue))
    return events
