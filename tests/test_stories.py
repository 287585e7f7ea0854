"""Stories: articles grouped by the event they cover, on texts we wrote, on the seeds, and
(purity/recall) on hand-labelled stories of the shared allsides-2015 corpus."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.corpus import stories
from analysis.config import ALLSIDES_DIR, SEEDS_DIR, TESTS_DIR
from analysis.views.export import analyse
from analysis.tables import TABLES

# (article_id, headline, published, outlet, text, event) -- three events, two of them in the same week
ARTICLES = [
    ("q1", "Earthquake strikes Nepal, hundreds dead", "2021-04-25", "Daily A",
     "A magnitude 7.8 earthquake struck Nepal near Kathmandu on Saturday, killing hundreds. "
     "Rescue teams searched collapsed temples in the Kathmandu valley.", "quake"),
    ("q2", "Nepal quake toll rises as rescuers dig", "2021-04-26", "Herald B",
     "Rescuers in Kathmandu dug through rubble as the toll of the Nepal earthquake rose. "
     "Aftershocks shook the valley and temples lay in ruins.", "quake"),
    ("q3", "Aftershocks rattle Kathmandu", "2021-04-28", "Times C",
     "Strong aftershocks rattled Kathmandu days after the earthquake. Nepal asked for tents "
     "and rescue teams as survivors slept outside near ruined temples.", "quake"),
    ("b1", "Senate passes budget after all-night session", "2021-04-26", "Daily A",
     "The Senate passed the budget bill early Tuesday after an all-night session. Senators voted "
     "52 to 48; the bill now goes to the House, where the speaker promised a vote.", "budget"),
    ("b2", "Budget bill heads to the House", "2021-04-27", "Times C",
     "After the Senate vote on the budget bill, the House speaker scheduled a vote for Friday. "
     "Senators had debated the bill through the night.", "budget"),
    ("f1", "Cup final ends in penalty drama", "2021-05-30", "Herald B",
     "The cup final went to penalties after a goalless draw; the keeper saved two penalties and "
     "the captain lifted the cup.", "final"),
    ("f2", "Keeper the hero as cup final goes to penalties", "2021-05-31", "Daily A",
     "A goalless cup final was settled on penalties, with the keeper saving twice before the "
     "captain lifted the trophy.", "final"),
]


def frame(rows=ARTICLES):
    arts = pd.DataFrame([r[:4] for r in rows], columns=["article_id", "headline", "published", "outlet"])
    return arts, {r[0]: (r[1] if isinstance(r[1], str) else "") + "\n\n" + r[4] for r in rows}


def groups(table):
    return sorted(sorted(g) for g in table.groupby("story_id").article_id.apply(list))


def test_events_become_stories():
    arts, texts = frame()
    t = stories.stories_table(arts, texts)
    expected = sorted(sorted(a for a, *_, e in ARTICLES if e == ev) for ev in {"quake", "budget", "final"})
    assert groups(t) == expected


def test_columns_and_per_story_summary():
    arts, texts = frame()
    t = stories.stories_table(arts, texts)
    assert tuple(t.columns) == TABLES["stories"] == stories.COLUMNS
    quake = t[t.article_id == "q1"].iloc[0]
    assert quake.story_id == 1  # the biggest story first
    assert (quake.first_published, quake.last_published) == ("2021-04-25", "2021-04-28")
    assert quake.n_articles == 3 and quake.n_outlets == 3
    assert quake.label in {r[1] for r in ARTICLES if r[5] == "quake"}
    assert sorted(t.article_id) == sorted(r[0] for r in ARTICLES)  # each article exactly once


def test_same_words_far_apart_in_time_are_two_stories():
    rows = [r for r in ARTICLES if r[5] == "final"]
    later = [(r[0] + "-next-year", r[1], "2022-" + r[2][5:], r[3], r[4], "final2") for r in rows]
    arts, texts = frame(rows + later)
    assert groups(stories.stories_table(arts, texts)) == [["f1", "f2"], ["f1-next-year", "f2-next-year"]]


@pytest.mark.parametrize("headline, published", [
    (None, "2021-04-26"),       # no headline (a bare text file)
    (float("nan"), None),       # no headline, no date (CSV without those columns)
    ("", "not a date"),
])
def test_missing_headline_or_date_does_not_crash(headline, published):
    rows = list(ARTICLES) + [("x", headline, published, None, "Rescue teams searched temples in Kathmandu "
                              "after the Nepal earthquake; aftershocks shook the valley.", "quake")]
    arts, texts = frame(rows)
    arts.loc[arts.article_id == "x", "headline"] = headline
    arts.loc[arts.article_id == "x", "published"] = published
    t = stories.stories_table(arts, texts)
    assert t.loc[t.article_id == "x", "story_id"].iloc[0] == t.loc[t.article_id == "q1", "story_id"].iloc[0]
    assert isinstance(t.label.iloc[0], str) and t.label.iloc[0]


def test_empty_and_single():
    empty = pd.DataFrame(columns=["article_id", "headline", "published", "outlet"])
    assert list(stories.stories_table(empty, {}).columns) == list(stories.COLUMNS)
    arts, texts = frame(ARTICLES[:1])
    t = stories.stories_table(arts, texts)
    assert t.story_id.tolist() == [1] and t.n_articles.tolist() == [1]


def test_comparisons_grow_linearly(monkeypatch):
    """Stories of 4 articles each, spread over a year: the similarity computations per article
    stay bounded as the corpus grows (blocking by index and date window, no all-pairs)."""
    calls = {"n": 0}
    cosine = stories._cosine

    def counting(*a):
        calls["n"] += 1
        return cosine(*a)

    monkeypatch.setattr(stories, "_cosine", counting)

    def corpus(n):
        rows = []
        for i in range(n):
            g = i // 4  # four articles per event, on consecutive days
            day = 1 + (g * 3) % 360
            rows.append((f"a{i}", f"Event {g} hits town{g}", f"2021-{1 + (day - 1) // 30:02d}-{1 + (day - 1) % 30 % 28:02d}",
                         f"outlet{i % 4}", f"The event{g} in town{g} with mayor{g} and people. " * 3, "e"))
        return frame(rows)

    per_article = []
    for n in (200, 800):
        arts, texts = corpus(n)
        calls["n"] = 0
        t = stories.stories_table(arts, texts)
        per_article.append(calls["n"] / n)
        assert t.story_id.nunique() == n // 4
    assert per_article[1] <= 1.5 * per_article[0] + 1, per_article


@pytest.fixture(scope="module")
def seeds():
    return analyse(SEEDS_DIR)


def test_seeds_are_one_story(seeds):
    assert seeds.stories.story_id.nunique() == 1
    assert len(seeds.stories) == len(seeds.articles)


def test_select_by_id_words_and_default(seeds):
    assert len(stories.select(seeds).articles) == len(seeds.articles)
    assert stories.find(seeds, "1") == 1 and stories.find(seeds, 1) == 1
    assert stories.find(seeds, "russian airstrikes") == 1
    with pytest.raises(ValueError, match="no story 99"):
        stories.select(seeds, 99)
    with pytest.raises(ValueError, match="contain all of"):
        stories.select(seeds, "zebra migration")


def test_select_narrows_every_table():
    arts, texts = frame()
    from analysis.views.export import Tables

    dfs = {name: pd.DataFrame(columns=list(cols)) for name, cols in TABLES.items()}
    dfs["articles"] = arts.assign(path=[f"/c/{a}.txt" for a in arts.article_id])
    dfs["files"] = pd.DataFrame({"path": [f"/c/{a}.txt" for a in arts.article_id], "status": "loaded"})
    dfs["quotes"] = pd.DataFrame({"article_id": ["q1", "b1"], "quote": ["x", "y"]})
    dfs["links"] = pd.DataFrame({"article_a": ["q1", "q1"], "article_b": ["q2", "b1"], "kind": ["agree", "agree"]})
    dfs["stories"] = stories.stories_table(arts, texts)
    t = Tables(dfs, texts, "/c")
    sel = stories.select(t, "Nepal")
    assert sorted(sel.articles.article_id) == ["q1", "q2", "q3"] and sel.story == 1
    assert sel.quotes.article_id.tolist() == ["q1"]
    assert sel.links[["article_a", "article_b"]].values.tolist() == [["q1", "q2"]]
    assert len(sel.files) == 3 and set(sel.texts) == {"q1", "q2", "q3"}
    assert sorted(stories.select(t, "budget").articles.article_id) == ["b1", "b2"]


# ----------------------------------------------------------------------------- allsides gold

GOLD = json.loads((TESTS_DIR / "fixtures" / "stories_gold.json").read_text(encoding="utf-8"))


def gold_scores(table: pd.DataFrame) -> dict[str, tuple[float, float, int]]:
    """event -> (recall, purity, story) of the story holding most of the event's core articles.

    Purity counts the story's articles that are core to the event among those not labelled
    `related` (related articles count neither way)."""
    story_of = dict(zip(table.article_id.astype(str), table.story_id))
    out = {}
    for name, ev in GOLD["events"].items():
        core = [a for a in ev["core"] if a in story_of]
        counts = pd.Series([story_of[a] for a in core]).value_counts()
        best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        members = set(table.article_id[table.story_id == best].astype(str))
        judged = members - set(ev["related"])
        out[name] = (counts[best] / len(ev["core"]), len(members & set(core)) / max(len(judged), 1), int(best))
    return out


@pytest.fixture(scope="module")
def allsides_stories():
    if not ALLSIDES_DIR.is_dir():
        pytest.skip(f"shared corpus not found at {ALLSIDES_DIR}")
    import glob

    rows, texts = [], {}
    for f in sorted(glob.glob(str(ALLSIDES_DIR / "*.json"))):
        d = json.loads(open(f, encoding="utf-8").read())
        rows.append((d["ID"], d.get("title"), d.get("date"), d.get("source")))
        texts[d["ID"]] = d.get("content_original") or ""
    arts = pd.DataFrame(rows, columns=["article_id", "headline", "published", "outlet"])
    return stories.stories_table(arts, texts)  # words only (no claims' entities): a lower bound


@pytest.mark.shared
@pytest.mark.slow
def test_allsides_held_out_events_are_their_own_stories(allsides_stories):
    scores = gold_scores(allsides_stories)
    held = {k: v for k, v in scores.items() if GOLD["events"][k]["split"] == "heldout"}
    assert len({v[2] for v in held.values()}) == len(held), "two held-out events share a story"
    for name, (recall, purity, _) in held.items():
        assert recall >= 0.5 and purity >= 0.75, (name, recall, purity)


def _event(aid, day):
    """An article on one (made-up) event: a flood at Riverton, on 2021-03-<day>, or undated."""
    return (aid, "Riverton flood levee breaks", None if day is None else f"2021-03-{day:02d}", "outlet",
            "Floodwater broke the Riverton levee and the Marsh valley flooded; sandbags and pumps "
            "arrived as the Riverton mayor ordered evacuations.", "flood")


@pytest.mark.parametrize("days, together", [
    ((1, 5, 20), [["a", "b"], ["c"]]),          # c comes 15 days after the story's last article
    ((1, 7, 13), [["a", "b", "c"]]),            # each within the window of the one before
    ((1, 7, 13, 20, 27), [["a", "b", "c", "d", "e"]]),
    ((1, 20, None), [["a", "c"], ["b"]]),       # undated: compared with every story (the first is best)
    ((1, 4, 30, 30), [["a", "b"], ["c", "d"]]),
])
def test_the_window_follows_each_story_s_latest_article(days, together):
    """A story stays open to an article within WINDOW_DAYS of its latest one, however old its
    first; past that, only undated articles still compare with it."""
    rows = [_event(aid, day) for aid, day in zip("abcde", days)]
    arts, texts = frame(rows)
    t = stories.stories_table(arts, texts)
    assert groups(t) == together
