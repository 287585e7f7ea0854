"""Framing, tone, naming and hedging per article: transparent, offline, evidence-backed.

Everything here is a regex/lexicon scan over the sentences the parser found, plus
TextBlob's own sentence figures (``ArticleAnalysis.sentiments``, exactly
``TextBlob(sentence).sentiment``). Every row carries the offsets of the words or sentence
it rests on, so ``text[start:end]`` is the reported string.

Tables (one call of :func:`framing_rows` per article):

* ``frames``: one row per (article, frame, evidence sentence). Frames are the five generic
  news frames of Semetko & Valkenburg (2000) plus a subset of the Policy Frames Codebook
  dimensions (Boydstun et al. 2014), coded from ``data/frames.csv``.
  **Score** = share of the frame's codebook questions answered "yes"; a question is "yes"
  when the distinct cues of that question found anywhere in the body weigh >= 1 together
  (weight 1 = sufficient on its own, 0.5 = needs a second, different cue).
* ``actor_sentiment``: per article, actor and voice (``all`` | ``narrator`` | ``quoted``): the
  sentences that mention the actor and the mean/SD of their TextBlob polarity.
  Plus the target-dependent tone toward each mention (:func:`analysis.map.tone.target_tone`):
  mentions scored, mean tone with a 95% t-interval, shares labelled negative/positive, and the
  model's name (``tone_method``).
* ``article_tone``: per article and voice (``all`` | ``narrator`` | ``quoted`` | ``headline``).
  Article tone is the **unweighted mean of sentence polarities** (zeros included);
  ``polar_sentences`` says how many sentences the lexicon scored at all.
* ``labels``: names and descriptors used for actors (``data/labels.csv``).
* ``hedges``: hedging/attribution markers (``data/hedges.csv``, shared with claims.py) and
  certainty markers (:data:`CERTAINTY`).

>>> from analysis.records import Article
>>> from analysis.map.pipeline import analyse_article
>>> a = analyse_article(Article("x", "x.txt", "Title\\n\\nCritics blamed the government for the war. It may end."))
>>> rows = framing_rows(a)
>>> sorted({r[1] for r in rows["frames"]}) >= ["conflict", "responsibility"]
True
>>> [r[6] for r in rows["hedges"]]
['modal']
"""
from __future__ import annotations

import bisect
import csv
import math
import re
from collections import defaultdict
from itertools import groupby
from operator import itemgetter
from typing import Iterable, NamedTuple, Optional

import pandas as pd

from ..config import DATA_DIR
from .match import Matcher, _phrase_key, _regex_key, phrase_regex  # noqa: F401 - phrase_regex: public here too
from ..tables import TABLES

# --------------------------------------------------------------------------------------
# Table columns
# --------------------------------------------------------------------------------------

FRAME_COLUMNS = TABLES["frames"]
FRAME_SCORE_COLUMNS = ("article_id", "frame", "family", "score", "questions_answered",
                       "questions", "sentences", "share")
ACTOR_SENTIMENT_COLUMNS = TABLES["actor_sentiment"]
TONE_COLUMNS = TABLES["article_tone"]
LABEL_COLUMNS = TABLES["labels"]
HEDGE_COLUMNS = TABLES["hedges"]
HEDGE_RATE_COLUMNS = ("article_id", "sentences", "hedges", "hedged_sentences", "hedges_per_100",
                      "hedged_per_100", "certainty", "certainty_per_100")

#: Tables :func:`framing_rows` returns, with their columns.
FRAMING_TABLES: dict[str, tuple[str, ...]] = {
    "frames": FRAME_COLUMNS,
    "actor_sentiment": ACTOR_SENTIMENT_COLUMNS,
    "article_tone": TONE_COLUMNS,
    "labels": LABEL_COLUMNS,
    "hedges": HEDGE_COLUMNS,
}
#: Tables whose rows point into the article text, and the column holding the string.
FRAMING_OFFSET_TABLES = {"frames": "evidence", "labels": "text", "hedges": "text"}

VOICES = ("all", "narrator", "quoted")
#: Mention kinds (from mentions.py) that count as actors for actor sentiment.
ACTOR_KINDS = frozenset({"actor", "organisation", "person"})
#: Hedge-table kinds that mark certainty rather than hedging (excluded from hedge rates).
CERTAINTY_KINDS = frozenset({"certainty", "booster"})

#: Fallback hedges (cue, kind, regex) used only when data/hedges.csv is absent.
HEDGES: tuple[tuple[str, str, str], ...] = (
    ("allegedly", "reporting", r"\ballegedly\b"),
    ("alleged", "reporting", r"\balleged\b"),
    ("reportedly", "reporting", r"\breportedly\b"),
    ("claims", "reporting", r"\bclaim(?:s|ed|ing)?\b"),
    ("purportedly", "reporting", r"\bpurported(?:ly)?\b"),
    ("appears", "epistemic", r"\b(?:appear(?:s|ed)?\s+to|it\s+appears)\b"),
    ("apparently", "epistemic", r"\bapparent(?:ly)?\b"),
    ("seems", "epistemic", r"\b(?:seem(?:s|ed)?|seemingly)\b"),
    ("likely", "epistemic", r"\b(?:un)?likely\b"),
    ("possibly", "epistemic", r"\b(?:possibl[ey]|perhaps|maybe)\b"),
    ("believes", "epistemic", r"\bbelieve[sd]?\b"),
    ("may", "modal", r"(?-i:\bmay\b)"),
    ("might", "modal", r"\bmight\b"),
    ("could", "modal", r"\bcould\b"),
    ("according to", "attribution", r"\baccording\s+to\b"),
)
#: Hedges the issue asks for, added when data/hedges.csv has no cue of that name.
SUPPLEMENT_HEDGES: tuple[tuple[str, str, str], ...] = (
    ("believes", "epistemic", r"\bbelieve[sd]?\b"),
)
#: Certainty (booster) markers, always added to the hedge lexicon with kind ``certainty``.
CERTAINTY: tuple[tuple[str, str, str], ...] = (
    ("clearly", "certainty", r"\bclearly\b"),
    ("certainly", "certainty", r"\bcertainly\b"),
    ("definitely", "certainty", r"\bdefinitely\b"),
    ("undoubtedly", "certainty", r"\b(?:undoubtedly|without\s+(?:a\s+)?doubt|no\s+doubt)\b"),
    ("obviously", "certainty", r"\bobviously\b"),
    ("confirmed", "certainty", r"\bconfirm(?:s|ed)\b"),
    ("in fact", "certainty", r"\bin\s+fact\b"),
    ("proves", "certainty", r"\bprov(?:es|ed|en)\b"),
    ("evidence shows", "certainty", r"\bevidence\s+(?:shows|showed|proves|proved)\b"),
    ("explicitly", "certainty", r"\bexplicitly\b"),
)


# --------------------------------------------------------------------------------------
# Lexicons: loaded once at import
# --------------------------------------------------------------------------------------

class FrameCue(NamedTuple):
    frame: str
    family: str
    qid: str
    question: str
    cue: str
    weight: float


class LabelEntry(NamedTuple):
    entity: str  # canonical actor, or "*" = resolved from context
    kind: str
    label_type: str  # name | descriptor
    label: str
    pattern: str
    case: bool  # case-sensitive
    connotation: str
    attaches: frozenset  # for "*": kinds of explicit names it may refer to
    window: int  # for "*": how many sentences back to look


class HedgeEntry(NamedTuple):
    cue: str
    kind: str
    pattern: str


def _read_csv(name: str) -> list[dict]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _load_frames() -> list[FrameCue]:
    return [FrameCue(r["frame"], r["family"], r["qid"], r["question"], r["cue"], float(r["weight"]))
            for r in _read_csv("frames.csv")]


def _load_labels() -> list[LabelEntry]:
    return [LabelEntry(r["entity"], r["kind"], r["label_type"], r["label"], r["pattern"],
                       r["case"].strip().lower() in ("sensitive", "yes", "true", "1"), r["connotation"],
                       frozenset(filter(None, r["attaches"].split("|"))), int(r["window"] or 0))
            for r in _read_csv("labels.csv")]


def _load_hedges() -> tuple[list[HedgeEntry], str]:
    if (DATA_DIR / "hedges.csv").exists():
        rows = [HedgeEntry(r["cue"], r["kind"], r["pattern"]) for r in _read_csv("hedges.csv")]
        have = {r.cue for r in rows}
        rows += [HedgeEntry(*h) for h in SUPPLEMENT_HEDGES if h[0] not in have]
        source = "data/hedges.csv"
    else:
        rows = [HedgeEntry(*h) for h in HEDGES]
        source = "framing.HEDGES"
    return rows + [HedgeEntry(*c) for c in CERTAINTY], source


FRAME_CUES: list[FrameCue] = _load_frames()
LABELS: list[LabelEntry] = _load_labels()
HEDGE_CUES, HEDGE_SOURCE = _load_hedges()

#: frame -> (family, [qid, ...]) in codebook order
FRAMES: dict[str, tuple[str, list[str]]] = {}
for _c in FRAME_CUES:
    _fam, _qids = FRAMES.setdefault(_c.frame, (_c.family, []))
    if _c.qid not in _qids:
        _qids.append(_c.qid)
FRAME_ORDER = {f: i for i, f in enumerate(FRAMES)}
#: per cue index: its frame and question; per frame: question -> its place in the codebook
_CUE_FRAME = tuple(c.frame for c in FRAME_CUES)
_CUE_QID = tuple(c.qid for c in FRAME_CUES)
_QID_RANK = {f: {q: k for k, q in enumerate(qids)} for f, (_, qids) in FRAMES.items()}


def codebook() -> pd.DataFrame:
    """The frame codebook (data/frames.csv) as a DataFrame.

    >>> set(codebook().columns) >= {"frame", "question", "cue", "weight"}
    True
    """
    return pd.DataFrame(FRAME_CUES, columns=FrameCue._fields)


# --------------------------------------------------------------------------------------
# One token-indexed matcher for every lexicon
# --------------------------------------------------------------------------------------


def _build_matcher() -> Matcher:
    entries = []
    for i, c in enumerate(FRAME_CUES):
        entries.append(("frame", i, phrase_regex(c.cue), _phrase_key(c.cue)))
    for i, e in enumerate(LABELS):
        entries.append(("label", i, phrase_regex(e.pattern, case=e.case), _phrase_key(e.pattern)))
    for i, h in enumerate(HEDGE_CUES):
        entries.append(("hedge", i, re.compile(h.pattern, re.IGNORECASE), _regex_key(h.pattern)))
    return Matcher(entries)


_MATCHER = _build_matcher()


def find_cues(text: str, spans: Optional[list[tuple[int, int]]] = None) -> list[tuple[int, int, int, str, int]]:
    """All lexicon matches in ``text`` (or in ``spans`` of it): (span, start, end, lexicon, index).

    >>> [(text, lex) for _, s, e, lex, i in find_cues("They blamed Daesh.") for text in ["They blamed Daesh."[s:e]]]
    [('blamed', 'frame'), ('Daesh', 'label')]
    """
    spans = spans if spans is not None else [(0, len(text))]
    low = text.lower()
    return sorted(_MATCHER.find(text, low if len(low) == len(text) else None, spans),
                  key=lambda h: (h[1], h[3], -h[2], h[4]))


def _longest_first(hits: Iterable[tuple]) -> list[tuple]:
    """Non-overlapping hits, preferring the earliest start, then the longest."""
    out, last_end = [], -1
    for h in sorted(hits, key=lambda h: (h[1], -h[2], h[4])):
        if h[1] >= last_end:
            out.append(h)
            last_end = h[2]
    return out


# --------------------------------------------------------------------------------------
# Per-article rows
# --------------------------------------------------------------------------------------

def _mean_sd(xs: list[float]) -> tuple[float, Optional[float]]:
    n = len(xs)
    mean = math.fsum(xs) / n
    if n < 2:
        return mean, None
    return mean, math.sqrt(math.fsum((x - mean) ** 2 for x in xs) / (n - 1))


def _in_spans(starts: list[int], ends: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and pos < ends[i]


def framing_rows(result) -> dict[str, list[tuple]]:
    """Rows of the framing tables (see :data:`FRAMING_TABLES`) for one ``ArticleAnalysis``."""
    p = result.parsed
    text = result.text
    aid = p.article.article_id
    sents = p.sentences
    senti = result.sentiments
    quoted = list(result.quoted) if result.quoted else [False] * len(sents)
    spans = [(s.start, s.end) for s in sents]
    head = p.headline if p.headline and p.headline.end <= (sents[0].start if sents else len(text)) else None
    if head is not None:
        spans.append((head.start, head.end))  # last span = headline (labels only)
    low = text.lower()
    hits = _MATCHER.find(text, low if len(low) == len(text) else None, spans)
    nsent = len(sents)
    qstarts = sorted(q.start for q in result.quotes)
    qends = [e for _, e in sorted((q.start, q.end) for q in result.quotes)]

    def voice(si: int, pos: int) -> str:
        if si >= nsent:
            return "headline"
        return "quoted" if quoted[si] or _in_spans(qstarts, qends, pos) else "narrator"

    frame_hits, label_hits, hedge_hits = [], [], []
    for h in hits:
        (frame_hits if h[3] == "frame" else label_hits if h[3] == "label" else hedge_hits).append(h)

    rows: dict[str, list[tuple]] = {}
    rows["frames"] = _frame_rows(aid, text, sents, [h for h in frame_hits if h[0] < nsent])
    labels = _label_rows(aid, text, sents, label_hits, voice)
    rows["labels"] = labels
    rows["hedges"] = [
        (aid, sents[si].sentence_id, s, e, text[s:e], HEDGE_CUES[i].cue, HEDGE_CUES[i].kind, voice(si, s))
        for si, s, e, _, i in _longest_first(h for h in hedge_hits if h[0] < nsent)
    ]
    rows["article_tone"] = _tone_rows(aid, p, senti, quoted)
    rows["actor_sentiment"] = _actor_rows(aid, result, labels, senti, quoted)
    return rows


def _frame_rows(aid, text, sents, hits) -> list[tuple]:
    by_frame: dict[str, list] = defaultdict(list)  # frame -> [(sentence, start, end, cue index)]
    for si, s, e, _, i in hits:
        by_frame[_CUE_FRAME[i]].append((si, s, e, i))
    out = []
    for frame in sorted(by_frame, key=FRAME_ORDER.get):
        family, qids = FRAMES[frame]
        found: dict[str, set] = defaultdict(set)  # qid -> {cue index}
        for h in by_frame[frame]:
            found[_CUE_QID[h[3]]].add(h[3])
        yes = {q for q, cues in found.items() if math.fsum(FRAME_CUES[i].weight for i in cues) >= 1 - 1e-9}
        if not yes:
            continue
        score = len(yes) / len(qids)
        rank = _QID_RANK[frame]
        evidence = sorted(h for h in by_frame[frame] if _CUE_QID[h[3]] in yes)
        for si, ms in groupby(evidence, key=itemgetter(0)):
            ms = list(ms)
            s = sents[si]
            qs = ";".join(sorted({_CUE_QID[h[3]] for h in ms}, key=rank.__getitem__))
            cues = ";".join(dict.fromkeys(text[h[1]:h[2]] for h in ms))
            out.append((aid, frame, family, score, s.sentence_id, s.start, s.end, s.text, qs, cues))
    return out


def _label_rows(aid, text, sents, hits, voice) -> list[tuple]:
    nsent = len(sents)
    names = _longest_first(h for h in hits if LABELS[h[4]].label_type == "name")
    descs = _longest_first(h for h in hits if LABELS[h[4]].label_type == "descriptor")
    explicit = [(h[0], h[1], h[2], LABELS[h[4]]) for h in names if LABELS[h[4]].entity != "*"]
    ex_starts = [(si, s) for si, s, _, _ in explicit]
    out = []
    for si, s, e, _, i in sorted(names + descs, key=lambda h: (h[1], h[2])):
        lab = LABELS[i]
        entity = lab.entity
        if entity == "*":
            entity = "(unresolved)"
            j = bisect.bisect_left(ex_starts, (si, s)) - 1
            while j >= 0:
                esi, es, ee, elab = explicit[j]
                if si - esi > lab.window or (esi >= nsent) != (si >= nsent):
                    break
                if ee <= s and elab.kind in lab.attaches:
                    entity = elab.entity
                    break
                j -= 1
        sid = sents[si].sentence_id if si < nsent else None
        out.append((aid, sid, entity, lab.label_type, lab.label, lab.connotation, voice(si, s), s, e, text[s:e]))
    return out


def _tone_rows(aid, p, senti, quoted) -> list[tuple]:
    from .sentiment import sentiment
    out = []
    for v in VOICES:
        idx = [i for i in range(len(senti)) if v == "all" or quoted[i] == (v == "quoted")]
        if not idx:
            continue
        pols = [senti[i][0] for i in idx]
        mean, sd = _mean_sd(pols)
        polar = [x for x in pols if x != 0]
        out.append((aid, v, len(idx), len(polar), mean, sd, math.fsum(senti[i][1] for i in idx) / len(idx),
                    math.fsum(polar) / len(polar) if polar else None))
    if p.headline_text:
        pol, subj = sentiment(p.headline_text)
        out.append((aid, "headline", 1, int(pol != 0), pol, None, subj, pol if pol != 0 else None))
    return out


def _actor_rows(aid, result, labels, senti, quoted) -> list[tuple]:
    from . import tone as T

    p = result.parsed
    text = result.text
    starts = [s.start for s in p.sentences]
    ends = [s.end for s in p.sentences]
    per: dict[str, set] = defaultdict(set)
    spans: dict[str, list[tuple[int, int, int]]] = defaultdict(list)  # entity -> (start, end, sentence)
    kinds: dict[str, str] = {}
    for m in result.mentions:
        if m.kind not in ACTOR_KINDS:
            continue
        i = bisect.bisect_right(starts, m.start) - 1
        if i >= 0 and m.start < ends[i]:
            per[m.entity].add(i)
            spans[m.entity].append((m.start, m.end, i))
            kinds.setdefault(m.entity, m.kind)
    for row in labels:
        sid, entity, ltype = row[1], row[2], row[3]
        if sid is None or ltype != "name" or entity == "(unresolved)":
            continue
        i = bisect.bisect_right(starts, row[7]) - 1
        per[entity].add(i)
        spans[entity].append((row[7], row[8], i))
        kinds.setdefault(entity, "actor")
    method = T.method()
    distinct = {entity: T.distinct_spans(spans[entity]) for entity in per}
    # the tone toward every span, scored sentence by sentence (a sentence's words are worked out
    # once and used while fresh), once even when two actors share a span
    todo = sorted({sp for v in distinct.values() for sp in v}, key=lambda sp: (sp[2], sp[0], sp[1]))
    tone_of = {sp: T.target_tone(text, sp[0], sp[1], sentence=(starts[sp[2]], ends[sp[2]])) for sp in todo}
    out = []
    for entity in sorted(per):
        idx_all = sorted(per[entity])
        tones = [(sp[2], tone_of[sp]) for sp in distinct[entity]]
        for v in VOICES:
            idx = [i for i in idx_all if v == "all" or quoted[i] == (v == "quoted")]
            if not idx:
                continue
            pols = [senti[i][0] for i in idx]
            mean, sd = _mean_sd(pols)
            keep = set(idx)
            scored = [t for i, t in tones if i in keep]
            n = len(scored)
            if n:
                tone, low, high = T.mean_interval([t.score for t in scored])
                neg = sum(1 for t in scored if t.label == "negative") / n
                pos = sum(1 for t in scored if t.label == "positive") / n
            else:
                tone = low = high = neg = pos = None
            out.append((aid, entity, kinds[entity], v, len(idx), sum(1 for x in pols if x != 0), mean, sd,
                        math.fsum(senti[i][1] for i in idx) / len(idx),
                        ";".join(str(p.sentences[i].sentence_id) for i in idx),
                        n, tone, low, high, neg, pos, method))
    return out


# --------------------------------------------------------------------------------------
# Corpus level: DataFrames
# --------------------------------------------------------------------------------------

def _frame(name: str, rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame.from_records(rows, columns=list(FRAMING_TABLES[name]))


def frame_scores(frames: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per article x frame (score 0 when the frame has no evidence).

    ``sentences`` = evidence sentences; ``share`` = their share of the article's sentences.
    """
    ids = list(articles["article_id"])
    nsent = dict(zip(articles["article_id"], articles["sentences"]))
    got = {}
    if len(frames):
        g = frames.groupby(["article_id", "frame"], sort=False)
        got = {k: (v["score"].iloc[0], v["sentence_id"].nunique()) for k, v in g}
    rows = []
    for aid in ids:
        for frame, (family, qids) in FRAMES.items():
            score, n = got.get((aid, frame), (0.0, 0))
            tot = nsent.get(aid) or 0
            rows.append((aid, frame, family, float(score), int(round(score * len(qids))), len(qids), n,
                         n / tot if tot else 0.0))
    return pd.DataFrame.from_records(rows, columns=list(FRAME_SCORE_COLUMNS))


def hedge_rates(hedges: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Per article: hedges (certainty markers excluded) and certainty markers per 100 sentences."""
    nsent = sentences.groupby("article_id")["sentence_id"].nunique()
    h = hedges[~hedges["kind"].isin(CERTAINTY_KINDS)]
    c = hedges[hedges["kind"].isin(CERTAINTY_KINDS)]
    n_h = h.groupby("article_id").size()
    n_hs = h.groupby("article_id")["sentence_id"].nunique()
    n_c = c.groupby("article_id").size()
    rows = []
    for aid, n in nsent.items():
        a, b, k = int(n_h.get(aid, 0)), int(n_hs.get(aid, 0)), int(n_c.get(aid, 0))
        rows.append((aid, int(n), a, b, 100 * a / n, 100 * b / n, k, 100 * k / n))
    return pd.DataFrame.from_records(rows, columns=list(HEDGE_RATE_COLUMNS))


def tone_by_voice(tone: pd.DataFrame, value: str = "polarity_mean") -> pd.DataFrame:
    """Article x voice table of ``value`` (headline, all, narrator, quoted)."""
    t = tone.pivot(index="article_id", columns="voice", values=value)
    return t.reindex(columns=[c for c in ("headline", "all", "narrator", "quoted") if c in t.columns])


def actor_tone(actor_sentiment: pd.DataFrame, *, voice: str = "all", min_sentences: int = 1) -> pd.DataFrame:
    """Article x actor mean polarity for one voice, actors with >= min_sentences sentences."""
    a = actor_sentiment[(actor_sentiment["voice"] == voice) & (actor_sentiment["sentences"] >= min_sentences)]
    return a.pivot(index="article_id", columns="entity", values="polarity_mean")


def naming_table(labels: pd.DataFrame, *, label_type: str = "name") -> pd.DataFrame:
    """Counts of each label per article and entity: which name each article uses for each actor."""
    lab = labels[labels["label_type"] == label_type]
    return (lab.groupby(["entity", "label", "article_id"]).size().unstack("article_id", fill_value=0)
            .sort_index())


def scored_words(text: str) -> list[tuple[str, float, float]]:
    """The words TextBlob scored in ``text`` (exactly its own assessments), with their figures.

    >>> scored_words("A brutal attack killed 20 people.")
    [('brutal', -0.875, 1.0), ('killed', -0.2, 0.0)]
    """
    from textblob.en import sentiment as pattern
    tokens = ((w.lower(), None) for w in " ".join(pattern.tokenizer(text)).split())
    return [(" ".join(words), pol, subj) for words, pol, subj, _ in pattern.assessments(tokens)]


#: Words of violence whose sentences show what TextBlob's lexicon cannot see (notebook 3.0).
VIOLENCE = re.compile(r"\b(?:kill\w*|bomb\w*|shell\w*|attack\w*|death|dead|destroy\w*|massacre\w*|"
                      r"airstrike\w*|wound\w*)", re.IGNORECASE)
#: Words looked up in TextBlob's lexicon to show what it scores and what it lacks.
LEXICON_PROBE = ("killed", "kill", "killing", "bombed", "bombing", "attack", "airstrikes", "massacre",
                 "terrorist", "terror", "extremist", "brutal", "heavy", "free", "moderate", "largest", "new",
                 "real", "top")


def lexicon_entries(words=LEXICON_PROBE) -> pd.DataFrame:
    """TextBlob's own lexicon entry (polarity, subjectivity) for each word, or none.

    >>> lexicon_entries(["brutal", "bombed"])[["word", "in_lexicon", "polarity"]].to_dict("records")[0]
    {'word': 'brutal', 'in_lexicon': True, 'polarity': -0.875}
    """
    from textblob.en import sentiment as pattern
    rows = []
    for w in words:
        entry = pattern.get(w.lower(), {}).get(None) if w.lower() in pattern else None
        rows.append((w, entry is not None, entry[0] if entry else None, entry[1] if entry else None))
    return pd.DataFrame.from_records(rows, columns=["word", "in_lexicon", "polarity", "subjectivity"])


def with_scored_words(sentences: pd.DataFrame) -> pd.DataFrame:
    """``sentences`` plus ``scored``: the words TextBlob scored in each, with their polarity."""
    scored = [", ".join(f"{w} {p:+.2f}" for w, p, _ in scored_words(t)) or "(nothing)" for t in sentences["text"]]
    return sentences.assign(scored=scored)


def violence_sentences(sentences: pd.DataFrame) -> pd.DataFrame:
    """Sentences about violence (:data:`VIOLENCE`), with the words TextBlob scored in them."""
    hit = sentences["text"].map(lambda t: bool(VIOLENCE.search(t)))
    return with_scored_words(sentences[hit.astype(bool)])


def framing_tables(tables) -> dict[str, pd.DataFrame]:
    """All framing tables for an ``export.Tables`` (from ``analysis.map.load`` or ``export.analyse``).

    Keys: frames, actor_sentiment, article_tone, labels, hedges, frame_scores, hedge_rates.
    """
    missing = [name for name in FRAMING_TABLES if name not in getattr(tables, "dataframes", {})]
    if missing:  # this module never runs the pipeline (pipeline.py imports it)
        raise ValueError(f"the tables have no {', '.join(missing)}; get them with "
                         "analysis.load(corpus) or analysis.views.export.analyse(corpus)")
    out = {name: tables[name] for name in FRAMING_TABLES}
    out["frame_scores"] = frame_scores(out["frames"], tables["articles"])
    out["hedge_rates"] = hedge_rates(out["hedges"], tables["sentences"])
    return out
