"""Charts over tables built from our own short articles, and over empty tables."""
import json

import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from analysis.views import charts, profile  # noqa: E402
from analysis.views.export import analyse  # noqa: E402

RECORDS = [
    {"id": "art-one", "title": "Rail strike spreads from Paris to Brussels", "publisher": "Rail Weekly",
     "date_publish": "2020-10-13",
     "maintext": "Unions in Paris extended the strike on October 9, Reuters reported.\n\n"
                 "“We will not go back until the talks resume,” said union leader Marie Dupont.\n\n"
                 "Trains to Brussels and London were cancelled, according to the operator. "
                 "About 400 trains were cancelled in September."},
    {"id": "art-two", "title": "Strike talks collapse in Brussels", "publisher": "Euro Daily",
     "date_publish": "2020-10-12",
     "maintext": "Talks in Brussels collapsed on Oct. 7, officials said.\n\n"
                 "“We will not go back until the talks resume,” one union leader told Reuters.\n\n"
                 "Some 300 trains were cancelled in Paris, the Brussels transport ministry said."},
    {"id": "art-three", "title": "Commuters count the cost of a long strike", "publisher": "City Paper",
     "maintext": "Commuters in London faced a third week of delays in October.\n\n"
                 "Marie Dupont said the unions were ready to talk."},
]


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    d = tmp_path_factory.mktemp("charts")
    (d / "records.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS), encoding="utf-8")
    return analyse(d)


@pytest.fixture(scope="module")
def empty(tmp_path_factory):
    d = tmp_path_factory.mktemp("empty")
    (d / "one.txt").write_text("A quiet day\n\nnothing happened and nobody said anything.\n", encoding="utf-8")
    return analyse(d)


LINK_COLUMNS = ["link_id", "kind", "article_a", "article_b", "claim_a", "claim_b", "start_a", "end_a", "start_b",
                "end_b", "text_a", "text_b", "score", "detail"]


def links_frame():
    rows = [
        (0, "reused_quote", "art-one", "art-two", "c1", "c2", 0, 10, 0, 10, "We will not go back",
         "We will not go back", 1.0, "Marie Dupont | one union leader"),
        (1, "number_conflict", "art-one", "art-two", "c3", "c4", 0, 10, 0, 10, "About 400 trains were cancelled",
         "Some 300 trains were cancelled", 0.5, "trains: about 400 vs some 300"),
    ]
    return pd.DataFrame.from_records(rows, columns=LINK_COLUMNS)


def frame_scores():
    rows = []
    for aid, conflict, economic in (("art-one", 0.75, 1 / 3), ("art-two", 0.25, 0.0), ("art-three", 0.0, 2 / 3)):
        rows.append((aid, "conflict", "generic", conflict, round(conflict * 4), 4, 1, 0.2))
        rows.append((aid, "economic", "generic", economic, round(economic * 3), 3, 1, 0.2))
    return pd.DataFrame.from_records(rows, columns=["article_id", "frame", "family", "score", "questions_answered",
                                                    "questions", "sentences", "share"])


def actor_sentiment():
    cols = ["article_id", "entity", "kind", "voice", "sentences", "polar_sentences", "polarity_mean", "polarity_sd",
            "subjectivity_mean", "sentence_ids"]
    rows = [("art-one", "Unions", "organisation", "all", 5, 3, 0.2, 0.1, 0.3, "0;1;2;3;4"),
            ("art-two", "Unions", "organisation", "all", 1, 1, -0.4, None, 0.5, "0"),
            ("art-one", "Unions", "organisation", "quoted", 1, 1, 0.5, None, 0.5, "1")]
    return pd.DataFrame.from_records(rows, columns=cols)


def matrix():
    ids = ["art-one", "art-three", "art-two"]
    return pd.DataFrame([[1.0, 0.0, 0.5], [0.0, 1.0, 0.0], [0.25, 0.0, 1.0]], index=ids, columns=ids)


#: (name, call(tables, full) -> figure, title start); full=False passes empty extra tables
CHARTS = [
    ("source_profile", lambda t, full: charts.source_profile(t), "Direct quotes per article"),
    ("source_kinds", lambda t, full: charts.source_kinds(t), "Cited sources per article"),
    ("citation_network", lambda t, full: charts.citation_network(t, links_frame() if full else
                                                                 pd.DataFrame(columns=LINK_COLUMNS)),
     "Who cites whom"),
    ("actor_heatmap", lambda t, full: charts.actor_heatmap(t, kinds=("actor", "organisation", "person", "place")),
     "Who is mentioned where"),
    ("actor_tone", lambda t, full: charts.actor_tone(t, actor_sentiment() if full else actor_sentiment().head(0)),
     "Tone towards each actor"),
    ("frame_heatmap", lambda t, full: charts.frame_heatmap(t, frame_scores() if full else frame_scores().head(0)),
     "Frames per article"),
    ("agreement_heatmap", lambda t, full: charts.agreement_heatmap(t, matrix=matrix() if full else
                                                                   matrix().iloc[:1, :1]),
     "Agreement"),
    ("number_conflicts", lambda t, full: charts.number_conflicts(t, links_frame() if full else
                                                                 links_frame().head(0)),
     "Conflicting numbers"),
    ("timeline", lambda t, full: charts.timeline(t), "Timeline"),
    ("places_map", lambda t, full: charts.places_map(t), "Places mentioned"),
    ("voice_tone", lambda t, full: charts.voice_tone(t, None if full else t.article_tone.head(0)),
     "Tone per article: the narrator"),
    ("actor_voice_tone", lambda t, full: charts.actor_voice_tone(t, None if full else t.actor_sentiment.head(0)),
     "Tone around the most-mentioned actors"),
    ("hedging", lambda t, full: charts.hedging(t, None if full else hedge_rates(t).head(0)), "Hedging and certainty"),
    ("link_profile", lambda t, full: charts.link_profile(t, t.claims if full else t.claims.head(0),
                                                         links_frame() if full else links_frame().head(0)),
     "What each article shares"),
]


def hedge_rates(t):
    from analysis.map.framing import hedge_rates as rates

    return rates(t.hedges, t.sentences)


def texts_of(fig):
    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


def nothing(fig):
    return any(s.startswith("Nothing to show") for s in texts_of(fig))


@pytest.mark.parametrize("name, make, title", CHARTS, ids=[c[0] for c in CHARTS])
def test_chart_on_small_tables(tables, name, make, title):
    fig = make(tables, True)
    assert isinstance(fig, Figure)
    assert charts.title(fig).startswith(title)
    assert not nothing(fig), f"{name} drew nothing"


@pytest.mark.parametrize("name, make, title", CHARTS, ids=[c[0] for c in CHARTS])
def test_chart_on_empty_tables(empty, name, make, title):
    fig = make(empty, False)
    assert isinstance(fig, Figure)
    assert charts.title(fig).startswith(title)
    assert nothing(fig)


@pytest.mark.parametrize("call", [
    lambda t: charts.frame_heatmap(t, None),
    lambda t: charts.number_conflicts(t, None),
    lambda t: charts.agreement_heatmap(t),
])
def test_missing_claims_or_framing_tables_say_so(tables, call):
    frames = {k: v for k, v in tables.dataframes.items() if k not in ("frames", "links", "claims")} \
        if hasattr(tables, "dataframes") else tables.frames

    class Bare:  # the core tables only, no framing or claims tables
        articles, texts, corpus = tables.articles, tables.texts, tables.corpus

        def __getitem__(self, name):
            return frames[name]

    for name, df in frames.items():
        setattr(Bare, name, df)
    fig = call(Bare())
    assert nothing(fig)


@pytest.mark.parametrize("name, make, title", CHARTS, ids=[c[0] for c in CHARTS])
def test_labels_are_headlines_not_ids(tables, name, make, title):
    fig = make(tables, True)
    text = " ".join(texts_of(fig))
    for aid in tables.articles.article_id:
        assert aid not in text
    if name in ("actor_heatmap", "frame_heatmap", "agreement_heatmap"):
        ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
        assert set(ticks) <= set(profile.labels(tables).values())
        assert ticks


def legend_colours(fig):
    leg = fig.axes[0].get_legend()
    return {t.get_text(): matplotlib.colors.to_hex(h.get_color())
            for t, h in zip(leg.get_texts(), leg.legend_handles)}


def test_article_colours_same_across_charts(tables):
    labels = profile.labels(tables)
    expected = {labels[a]: c for a, c in charts.article_colours(tables.articles.article_id).items()}
    tone = legend_colours(charts.actor_tone(tables, actor_sentiment()))
    places = legend_colours(charts.places_map(tables))
    assert tone and places
    for lab, colour in {**tone, **places}.items():
        assert colour == expected[lab].lower()
    shared = set(tone) & set(places)
    assert shared and all(tone[k] == places[k] for k in shared)


def test_article_colours_stable_and_distinct():
    ids = [f"a{i:02d}" for i in range(12)]
    c = charts.article_colours(ids)
    assert c == charts.article_colours(list(reversed(ids)))
    assert len(set(c.values())) == 12


def test_too_many_articles_are_capped(tables):
    ids, note = charts._pick_articles(tables, limit=2)
    assert ids == ["art-one", "art-two"] and "2 of 3 articles" in note  # the two longest
    ids, note = charts._pick_articles(tables, ["art-two"])
    assert ids == ["art-two"] and note == ""


@pytest.mark.parametrize("mean, sd, n, lo, hi", [
    (0.1, 0.2, 4, 0.1 - 3.182 * 0.1, 0.1 + 3.182 * 0.1),
    (0.0, 0.5, 1, 0.0, 0.0),
    (0.3, float("nan"), 5, 0.3, 0.3),
    (0.0, 1.0, 1000, -1.96 / 1000 ** 0.5, 1.96 / 1000 ** 0.5),
])
def test_t_interval(mean, sd, n, lo, hi):
    got = charts.t_interval(mean, sd, n)
    assert got == pytest.approx((lo, hi), abs=1e-6)


def test_actor_polarity_fallback_matches_sentences(tables):
    a = charts.actor_polarity(tables)
    assert len(a)
    s = tables.sentences.set_index(["article_id", "sentence_id"]).polarity
    for r in a.itertuples():
        ids = [int(i) for i in r.sentence_ids.split(";")]
        assert r.sentences == len(ids)
        assert r.polarity_mean == pytest.approx(sum(s[(r.article_id, i)] for i in ids) / len(ids))


def test_conflict_pairs_parse_detail():
    links = links_frame()
    links.loc[1, "detail"] = "trains: about 400 vs some 300; km: 2.5 vs 10"
    p = charts.conflict_pairs(links)
    assert p[["unit", "qualifier_a", "value_a", "qualifier_b", "value_b"]].values.tolist() == [
        ["trains", "about", 400.0, "some", 300.0], ["km", "", 2.5, "", 10.0]]


def test_place_coordinates_from_gazetteer():
    c = charts.place_coordinates().set_index("entity")
    assert {"Paris", "London", "Brussels"} <= set(c.index)
    assert c.loc["Paris", "lat"] == pytest.approx(48.9, abs=0.5)


def test_save_writes_png_and_svg_deterministically(tables, tmp_path):
    fig = charts.actor_heatmap(tables)
    paths = charts.save(fig, "heat", folder=tmp_path)
    assert [p.name for p in paths] == ["heat.png", "heat.svg"]
    first = [p.read_bytes() for p in paths]
    assert first[0].startswith(b"\x89PNG") and b"<svg" in first[1]
    again = [p.read_bytes() for p in charts.save(fig, "heat", folder=tmp_path)]
    assert again == first
    # a fresh figure of the same data gives the same SVG too
    third = charts.save(charts.actor_heatmap(tables), "heat2", folder=tmp_path)[1].read_bytes()
    assert third == first[1]


def test_voice_tone_draws_each_voice_with_its_sentence_count(tables):
    fig = charts.voice_tone(tables)
    shown = sorted(int(t[2:]) for t in texts_of(fig) if t.startswith("n="))
    tone = tables.article_tone[tables.article_tone.voice.isin(["narrator", "quoted"]) & (tables.article_tone.sentences > 0)]
    assert shown == sorted(tone.sentences.astype(int))
    assert (tone.voice == "quoted").any(), "the test articles have quoted sentences"


def test_actor_voice_tone_pools_distinct_sentences(tables):
    act = tables.actor_sentiment
    fig = charts.actor_voice_tone(tables, act, top=50)
    shown = sorted(int(t[2:]) for t in texts_of(fig) if t.startswith("n="))
    expected = []
    for (_, voice), g in act[act.voice.isin(["narrator", "quoted"])].groupby(["entity", "voice"]):
        expected.append(sum(len(str(x).split(";")) for x in g.sentence_ids))
    assert shown == sorted(expected) and shown


def test_hedging_bars_are_the_rates(tables):
    rates = hedge_rates(tables)
    fig = charts.hedging(tables, rates)
    widths = sorted(round(p.get_width(), 6) for p in fig.axes[0].patches)
    expected = sorted(round(float(v), 6) for v in [*rates.hedges_per_100, *rates.certainty_per_100])
    assert widths == expected
    assert max(widths) > 0


def test_link_counts_count_both_sides_and_unique_claims(tables):
    from analysis.corpus.links import link_counts

    counts = link_counts(tables.claims, links_frame(), tables.articles.article_id)
    assert counts.loc["art-one", "reused_quote"] == 1 and counts.loc["art-two", "reused_quote"] == 1
    assert counts.loc["art-one", "number_conflict"] == 1 and counts.loc["art-three", "number_conflict"] == 0
    assert (counts.unique <= counts.claims).all()
    assert counts.loc["art-three", "unique"] == counts.loc["art-three", "claims"] > 0


# ----------------------------------------------------------------------------- big corpora stay legible

def big_tables(n: int = 3000):
    """Tables of ``n`` synthetic articles built directly as DataFrames (no analysis run):
    every article quotes and cites a few sources; articles come in stories of 10 (30 stories)."""
    from analysis.views.export import Tables
    from analysis.tables import TABLES

    ids = [f"art{i:05d}" for i in range(n)]
    dfs = {name: pd.DataFrame(columns=list(cols)) for name, cols in TABLES.items()}
    dfs["articles"] = pd.DataFrame({
        "article_id": ids, "path": [f"/c/{a}.json" for a in ids],
        "headline": [f"Headline number {i} about event {i // 10}" if i % 7 else None for i in range(n)],
        "outlet": [f"Outlet {i % 120}" for i in range(n)], "published": [f"2015-{1 + i % 12:02d}-10" for i in range(n)],
        "words": [100 + i % 50 for i in range(n)], "sentences": [10] * n,
        "meta": ['{"bias_text": "%s"}' % ("left", "center", "right")[i % 3] for i in range(n)]})
    dfs["files"] = pd.DataFrame({"path": dfs["articles"].path, "status": "loaded", "reason": "", "articles": 1})
    q = [(a, k, 0, 0, 5, "words", f"Speaker {k} of {a}" if k else None, ("named", "anonymous", "unattributed")[k],
          ("official", "expert", "")[k], "said", "after", None, None, 1, "", ("female", "male", "")[k])
         for a in ids for k in range(3)]
    dfs["quotes"] = pd.DataFrame.from_records(q, columns=list(TABLES["quotes"]))
    s = [(a, 0, 0, 5, "Reuters", f"Source {i % 400}", ("media", "person", "government")[i % 3], "", "said", "", "")
         for i, a in enumerate(ids) for _ in range(2)]
    dfs["sources"] = pd.DataFrame.from_records(s, columns=list(TABLES["sources"]))
    m = [(a, 0, 0, 5, "x", f"Actor {(i + k) % 60}", "person", "gazetteer") for i, a in enumerate(ids) for k in range(3)]
    dfs["mentions"] = pd.DataFrame.from_records(m, columns=list(TABLES["mentions"]))
    dfs["stories"] = pd.DataFrame({"story_id": [1 + i // 100 for i in range(n)], "article_id": ids,
                                   "label": [f"Event {i // 100}" for i in range(n)], "first_published": "2015-01-10",
                                   "last_published": "2015-02-10", "n_articles": 100, "n_outlets": 50})
    return Tables(dfs, {a: "x" * 200 for a in ids}, "/c")


def saved_pixels(fig) -> tuple[int, int]:
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format="png")  # savefig.dpi and bbox "tight" of the project style
    buf.seek(0)
    h, w = plt.imread(buf).shape[:2]
    return w, h


@pytest.fixture(scope="module")
def big():
    return big_tables()


@pytest.mark.parametrize("chart", ["source_profile", "source_kinds", "citation_network", "actor_heatmap",
                                   "actor_tone", "stories_overview", "outlets_by_leaning", "outlet_sources",
                                   "timeline", "places_map", "agreement_heatmap", "hedging", "link_profile"])
def test_charts_of_a_big_corpus_stay_under_4000_px(big, chart):
    fig = getattr(charts, chart)(big)
    w, h = saved_pixels(fig)
    assert w <= 4000 and h <= 4000, (chart, w, h)


def test_bar_charts_show_top_rows_and_others(big):
    fig = charts.source_profile(big)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == charts.MAX_ROWS + 1 and labels[-1] == f"others ({3000 - charts.MAX_ROWS} articles)"
    fig = charts.outlets_by_leaning(big)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[-1] == f"others ({120 - charts.MAX_ROWS} outlets)"


def test_per_article_charts_draw_the_biggest_story_not_the_first_ids(big):
    big.stories.loc[big.stories.article_id >= "art02000", "story_id"] = 0  # story 0: 1000 articles, the biggest
    try:
        ids, note = charts._pick_articles(big)
    finally:
        big.stories.loc[:, "story_id"] = [1 + i // 100 for i in range(3000)]
    assert len(ids) == charts.MAX_ARTICLES and all(a >= "art02000" for a in ids)
    assert "biggest story (story 0" in note and "3000 articles in all" in note


def test_cap_rows_keeps_order_and_sums_the_rest():
    counts = pd.DataFrame({"a": [1, 5, 3, 0], "b": [0, 1, 1, 2]}, index=["w", "x", "y", "z"])
    shown, note = charts._cap_rows(counts, top=2, what="articles")
    assert shown.index.tolist() == ["x", "y", "others (2 articles)"]
    assert shown.loc["others (2 articles)"].tolist() == [1, 2]
    assert "2 are summed" in note
