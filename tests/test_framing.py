"""Tests for analysis.map.framing on short texts written for these tests (not the seeds)."""
from __future__ import annotations

import math
import random
import re
from pathlib import Path

import pytest
from textblob import TextBlob

from analysis.map import framing as F, tone as T
from analysis.config import ALLSIDES_DIR, SEEDS_DIR
from analysis.map.pipeline import ArticleAnalysis, iter_analyses
from analysis.records import Article, Mention, Parsed, Quote, Sentence, Span
from analysis.map.sentiment import sentiment


def make(lines: list[str], *, quoted: list[bool] | None = None, mentions: list[Mention] = (),
         quotes: list[Quote] = (), headline: str = "Headline") -> ArticleAnalysis:
    """An ArticleAnalysis built by hand: one sentence per line, independent of parse.py."""
    text = headline + "\n\n" + "\n".join(lines)
    sents, pos = [], len(headline) + 2
    for i, line in enumerate(lines):
        sents.append(Sentence(i, 0, pos, pos + len(line), line))
        pos += len(line) + 1
    art = Article("t", "t.txt", text)
    parsed = Parsed(art, Span(0, len(headline), headline), headline, None, "", None, None,
                    len(headline) + 2, len(text), [Span(len(headline) + 2, len(text), text[len(headline) + 2:])],
                    sents, [])
    return ArticleAnalysis(parsed, list(mentions), list(quotes), [], [], [],
                           [sentiment(s.text) for s in sents], quoted or [False] * len(sents))


def frames_of(lines):
    return {r[1]: r for r in F.framing_rows(make(lines))["frames"]}


# --- frames: each one firing and not firing ------------------------------------------------

FIRES = [
    ("responsibility", ["The mayor was blamed for the collapse of the bridge.",
                        "Engineers proposed a solution that could resolve the problem."]),
    ("conflict", ["The two parties clashed over the budget, and critics accused the minister of lying.",
                  "Both sides claimed victory after the vote."]),
    ("human_interest", ["A 34-year-old mother of three said she had lost her home in the flood.",
                        "Her children now sleep at a neighbour's house, and the tragedy has left the town in tears."]),
    ("economic", ["The storm will cost the region $2 billion in lost revenue.",
                  "Insurers expect higher prices and a slower economy next year."]),
    ("morality", ["The bishop called the decision immoral and urged people to pray.",
                  "We ought to help our neighbours, he said in the church."]),
    ("security_defense", ["The army moved troops and artillery to the border."]),
    ("political", ["The election campaign has split the parliament."]),
    ("legality", ["A judge ruled that the new law was unconstitutional."]),
]

NEUTRAL = ["The museum opened a new wing on Tuesday.",
           "Visitors can see paintings from the nineteenth century.",
           "The wing is on the second floor, next to the café."]


@pytest.mark.parametrize("frame,lines", FIRES, ids=[f for f, _ in FIRES])
def test_frame_fires(frame, lines):
    rows = [r for r in F.framing_rows(make(lines))["frames"] if r[1] == frame]
    assert rows, f"{frame} did not fire"
    assert 0 < rows[0][3] <= 1
    assert all(r[3] == rows[0][3] for r in rows)  # article-level score repeated
    assert all(r[8] and r[9] for r in rows)  # questions and cues named


@pytest.mark.parametrize("frame", [f for f, _ in FIRES] + ["crime_punishment", "public_opinion"])
def test_frame_does_not_fire_on_neutral_text(frame):
    assert frame not in frames_of(NEUTRAL)


@pytest.mark.parametrize("frame,lines", [
    # a single weak (weight 0.5) cue is not enough to answer a question
    ("economic", ["The team went shopping for oil paints."]),
    ("morality", ["You should see the view."]),
    ("human_interest", ["Many people came."]),
    # "opposition" (a name) is not a conflict cue; "Islamic State" is not a religious reference
    ("conflict", ["The opposition met on Monday."]),
    ("morality", ["Islamic State published a video."]),
])
def test_frame_does_not_fire_on_weak_or_misleading_cues(frame, lines):
    assert frame not in frames_of(lines)


def test_frame_score_is_share_of_questions_answered():
    # conflict has 4 questions; C2 (reproach) and C4 (winners/losers) answered
    rows = frames_of(["The senator accused the governor of corruption.", "The governor won the vote."])
    assert rows["conflict"][3] == pytest.approx(2 / 4)
    assert set(rows["conflict"][8].split(";")) <= {"C2", "C4"}


def test_two_weak_cues_answer_a_question():
    rows = frames_of(["You should read it.", "You must go."])
    assert rows["morality"][8] == "M3"


def test_frame_scores_fill_zeros():
    import pandas as pd
    a = make(FIRES[0][1])
    fr = pd.DataFrame(F.framing_rows(a)["frames"], columns=F.FRAME_COLUMNS)
    arts = pd.DataFrame({"article_id": ["t", "u"], "sentences": [2, 5]})
    sc = F.frame_scores(fr, arts)
    assert len(sc) == 2 * len(F.FRAMES)
    assert (sc[sc.article_id == "u"].score == 0).all()
    r = sc[(sc.article_id == "t") & (sc.frame == "responsibility")].iloc[0]
    assert r.score > 0 and r.sentences >= 1 and 0 < r.share <= 1


# --- labels ------------------------------------------------------------------------------

@pytest.mark.parametrize("line,entity,label,label_type", [
    ("Fighters loyal to Daesh took the town.", "Islamic State", "Daesh", "name"),
    ("ISIL claimed the attack.", "Islamic State", "ISIL", "name"),
    ("Isis has lost ground.", "Islamic State", "ISIS", "name"),
    ("IS controls the city.", "Islamic State", "IS", "name"),
    ("The so-called Islamic State said so.", "Islamic State", "so-called Islamic State", "name"),
    ("The Assad regime denied it.", "Syrian government", "regime", "name"),
    ("The Syrian government denied it.", "Syrian government", "government", "name"),
    ("Anti-Assad rebels held the road.", "Syrian opposition", "rebels", "name"),
    ("Weapons went to the moderate opposition.", "Syrian opposition", "moderate opposition", "descriptor"),
    ("Al-Qaeda, the terror group, grew.", "al-Qaeda", "terror group", "descriptor"),
])
def test_labels_found(line, entity, label, label_type):
    rows = F.framing_rows(make([line]))["labels"]
    assert (entity, label, label_type) in {(r[2], r[4], r[3]) for r in rows}, rows


def test_lowercase_is_is_not_a_name():
    rows = F.framing_rows(make(["This is what it is."]))["labels"]
    assert rows == []


def test_bare_regime_resolves_to_previous_government_name_or_stays_unresolved():
    rows = F.framing_rows(make(["Damascus said the Syrian government would respond.", "The regime then struck."]))["labels"]
    bare = [r for r in rows if r[9].lower().endswith("regime")]
    assert bare and bare[0][2] == "Syrian government"
    rows = F.framing_rows(make(["The regime then struck."]))["labels"]
    assert rows[0][2] == "(unresolved)"


def test_descriptor_attaches_to_previous_sentence_actor():
    rows = F.framing_rows(make(["ISIS advanced on the town.", "The extremist group captured two villages."]))["labels"]
    d = [r for r in rows if r[3] == "descriptor"]
    assert [(r[2], r[4]) for r in d] == [("Islamic State", "extremist group")]


def test_label_voice_follows_quotes():
    line = '"Daesh will lose," he said of ISIS.'
    q = Quote(len("Headline\n\n") + 1, len("Headline\n\n") + 17, "Daesh will lose,", "he", "named", "", "said")
    a = make([line], quotes=[q])
    rows = F.framing_rows(a)["labels"]
    assert {r[9]: r[6] for r in rows} == {"Daesh": "quoted", "ISIS": "narrator"}


# --- hedges ------------------------------------------------------------------------------

@pytest.mark.parametrize("line,cue", [
    ("The minister allegedly took bribes.", "allegedly"),
    ("He reportedly left the country.", "reportedly"),
    ("According to witnesses, the fire started at noon.", "according to"),
    ("The plan appears to have failed.", "appears"),
    ("The group may have moved.", "may"),
    ("Officials believe the number is higher.", "believes"),
])
def test_hedges_found(line, cue):
    rows = F.framing_rows(make([line]))["hedges"]
    if cue is None:
        return
    assert cue in {r[5] for r in rows}, rows


def test_month_may_is_not_a_hedge():
    assert F.framing_rows(make(["In May the river rose."]))["hedges"] == []


def test_hedge_rates_per_100_sentences():
    import pandas as pd
    a = make(["He allegedly fled.", "It may rain.", "The sky is blue.", "It clearly is."])
    rows = F.framing_rows(a)
    h = pd.DataFrame(rows["hedges"], columns=F.HEDGE_COLUMNS)
    s = pd.DataFrame({"article_id": ["t"] * 4, "sentence_id": range(4)})
    r = F.hedge_rates(h, s).iloc[0]
    assert (r.sentences, r.hedges, r.hedged_sentences, r.certainty) == (4, 2, 2, 1)
    assert r.hedges_per_100 == pytest.approx(50.0) and r.certainty_per_100 == pytest.approx(25.0)


# --- sentiment: actors, voices, reproducibility ---------------------------------------------

LINES = ["The rebels won a great victory.", "ISIS is a terrible and brutal group.",
         '"The rebels are wonderful people," a man said.', "The weather was calm."]


def test_actor_sentiment_is_mean_of_textblob_polarities():
    a = make(LINES, quoted=[False, False, True, False])
    rows = {(r[1], r[3]): r for r in F.framing_rows(a)["actor_sentiment"]}
    reb = rows[("Syrian opposition", "all")]
    pols = [TextBlob(LINES[i]).sentiment.polarity for i in (0, 2)]
    assert reb[4] == 2 and reb[9] == "0;2"
    assert reb[6] == pytest.approx(sum(pols) / 2, abs=1e-12)
    assert reb[7] == pytest.approx(math.sqrt(sum((p - sum(pols) / 2) ** 2 for p in pols)), abs=1e-12)
    assert rows[("Syrian opposition", "narrator")][9] == "0"
    assert rows[("Syrian opposition", "quoted")][9] == "2"
    assert rows[("Islamic State", "all")][6] == pytest.approx(TextBlob(LINES[1]).sentiment.polarity)
    assert ("Islamic State", "quoted") not in rows


def test_actor_sentiment_uses_mentions_from_mentions_module():
    m = Mention(10, 15, "Alice", "Alice Smith", "person", "capitalised")
    a = make(["Alice is happy."], mentions=[m])
    rows = F.framing_rows(a)["actor_sentiment"]
    assert rows[0][1:5] == ("Alice Smith", "person", "all", 1)
    assert rows[0][6] == pytest.approx(TextBlob("Alice is happy.").sentiment.polarity)


def test_actor_sentiment_tone_columns_score_each_mention():

    a = make(LINES, quoted=[False, False, True, False])
    cols = list(F.ACTOR_SENTIMENT_COLUMNS)
    out = F.framing_rows(a)
    rows = {(r[1], r[3]): dict(zip(cols, r)) for r in out["actor_sentiment"]}
    assert cols[-7:] == ["mentions_scored", "tone", "tone_low", "tone_high", "negative_share",
                         "positive_share", "tone_method"]
    reb = rows[("Syrian opposition", "all")]
    text = a.text
    sents = a.parsed.sentences
    names = [r for r in out["labels"] if r[2] == "Syrian opposition" and r[3] == "name"]
    assert [r[1] for r in names] == [0, 2]
    want = [T.target_tone(text, r[7], r[8], sentence=(sents[r[1]].start, sents[r[1]].end)) for r in names]
    assert reb["mentions_scored"] == 2
    assert reb["tone"] == pytest.approx(sum(t.score for t in want) / 2)
    assert reb["tone_low"] <= reb["tone"] <= reb["tone_high"]
    assert reb["negative_share"] == sum(t.label == "negative" for t in want) / 2
    assert reb["positive_share"] == sum(t.label == "positive" for t in want) / 2
    assert reb["tone_method"] == T.method()
    quoted = rows[("Syrian opposition", "quoted")]
    assert quoted["mentions_scored"] == 1 and (quoted["tone_low"], quoted["tone_high"]) == (-1.0, 1.0)
    # the brutal group is judged more negatively than the victorious rebels
    assert rows[("Islamic State", "all")]["tone"] < reb["tone"]


def test_tone_narrator_versus_quoted():
    a = make(LINES, quoted=[False, False, True, False])
    rows = {r[1]: r for r in F.framing_rows(a)["article_tone"]}
    tb = [TextBlob(x).sentiment for x in LINES]
    assert rows["all"][2] == 4 and rows["narrator"][2] == 3 and rows["quoted"][2] == 1
    assert rows["all"][4] == pytest.approx(sum(s.polarity for s in tb) / 4)
    assert rows["narrator"][4] == pytest.approx((tb[0].polarity + tb[1].polarity + tb[3].polarity) / 3)
    assert rows["quoted"][4] == pytest.approx(tb[2].polarity)
    assert rows["all"][3] == sum(1 for s in tb if s.polarity != 0)
    assert rows["headline"][4] == TextBlob("Headline").sentiment.polarity


def test_scored_words_are_textblobs_own():
    s = "A brutal attack killed 20 people in a quiet, beautiful town."
    words = F.scored_words(s)
    assert [w for w, _, _ in words] == ["brutal", "killed", "quiet", "beautiful"]
    assert sum(p for _, p, _ in words) / len(words) == pytest.approx(TextBlob(s).sentiment.polarity)


# --- the matcher: index == brute force -------------------------------------------------------

def _brute(text, spans):
    out = set()
    entries = ([("frame", i, F.phrase_regex(c.cue)) for i, c in enumerate(F.FRAME_CUES)]
               + [("label", i, F.phrase_regex(e.pattern, case=e.case)) for i, e in enumerate(F.LABELS)]
               + [("hedge", i, re.compile(h.pattern, re.I)) for i, h in enumerate(F.HEDGE_CUES)])
    for si, (s0, s1) in enumerate(spans):
        for lex, i, rx in entries:
            for m in rx.finditer(text, s0, s1):
                if m.end() > m.start() and (m.start() == s0 or not text[m.start() - 1].isalnum()
                                            or not text[m.start()].isalnum()):
                    out.add((si, m.start(), m.end(), lex, i))
    return out


def _seed_texts():
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))]


def test_indexed_matcher_equals_brute_force_scan():
    texts = ["Critics say the U.S.-backed rebels, allegedly unconfirmed, could not be verified. "
             "The 12-year-old girl's family paid $3 million. Negotiations and cease-fire talks "
             "were said to be probably doomed; ISIS, Da’esh or so-called Islamic State?"] + _seed_texts()
    for text in texts:
        spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
        got = set(F._MATCHER.find(text, text.lower(), spans))
        assert got == _brute(text, spans)


# --- offsets and reproducibility on real text -------------------------------------------------

def _check_rows(result, rows):
    text = result.text
    for r in rows["frames"]:
        assert text[r[5]:r[6]] == r[7]
        for cue in r[9].split(";"):
            assert cue in r[7]
    for r in rows["labels"]:
        assert text[r[7]:r[8]] == r[9]
    for r in rows["hedges"]:
        assert text[r[2]:r[3]] == r[4]
    sents = {s.sentence_id: s.text for s in result.parsed.sentences}
    for r in rows["actor_sentiment"]:
        ids = [int(i) for i in r[9].split(";")]
        pols = [TextBlob(sents[i]).sentiment.polarity for i in ids]
        assert r[4] == len(ids)
        assert r[6] == pytest.approx(sum(pols) / len(pols), abs=1e-9)
        subj = [TextBlob(sents[i]).sentiment.subjectivity for i in ids]
        assert r[8] == pytest.approx(sum(subj) / len(subj), abs=1e-9)
        assert r[10] >= len(ids) and -1 <= r[12] <= r[11] <= r[13] <= 1
        assert 0 <= r[14] + r[15] <= 1 and r[16] == T.method()
    for r in rows["article_tone"]:
        if r[1] == "headline":
            assert r[4] == TextBlob(result.parsed.headline_text).sentiment.polarity
        elif r[1] == "all":
            pols = [TextBlob(s).sentiment.polarity for s in sents.values()]
            assert r[4] == pytest.approx(sum(pols) / len(pols), abs=1e-9)


def test_seeds_offsets_and_polarities():
    n = 0
    for result in iter_analyses(SEEDS_DIR):
        rows = F.framing_rows(result)
        assert rows["frames"], f"no frame evidence for {result.article.article_id}"
        _check_rows(result, rows)
        n += 1
    assert n == 5


@pytest.mark.shared
@pytest.mark.skipif(not Path(ALLSIDES_DIR).is_dir(),
                    reason=f"shared corpus {ALLSIDES_DIR} absent (only on the project machine)")
def test_allsides_sample_offsets_and_polarities(tmp_path):
    files = sorted(Path(ALLSIDES_DIR).glob("*.json"))
    sample = random.Random(0).sample(files, 40)
    for f in sample:
        (tmp_path / f.name).write_bytes(f.read_bytes())
    n = 0
    for result in iter_analyses(tmp_path):
        _check_rows(result, F.framing_rows(result))
        n += 1
    assert n >= 30


def test_framing_tables_from_tables():
    import analysis.views.export as ax
    t = ax.analyse(SEEDS_DIR)
    ft = F.framing_tables(t)
    assert set(ft) >= set(F.FRAMING_TABLES) | {"frame_scores", "hedge_rates"}
    for name, cols in F.FRAMING_TABLES.items():
        assert tuple(ft[name].columns) == cols
    assert set(ft["frames"].article_id) == set(t.articles.article_id)
    for name, col in F.FRAMING_OFFSET_TABLES.items():
        for r in ft[name].itertuples():
            assert t.texts[r.article_id][r.start:r.end] == getattr(r, col)
    # tone 'all' equals the mean of the sentences table's polarity
    s = t.sentences.groupby("article_id").polarity.mean()
    tone = ft["article_tone"].set_index(["article_id", "voice"]).polarity_mean
    for aid, v in s.items():
        assert tone[(aid, "all")] == pytest.approx(v, abs=1e-12)
