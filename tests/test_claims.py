"""Claims, links between articles, attribution: analysis/map/claims.py."""
from __future__ import annotations

import json
import shutil
import time

import pandas as pd
import pytest

from analysis.map import claims as C
from analysis.corpus import links as L
from analysis.config import ALLSIDES_DIR, NOTEBOOKS_DIR, SEEDS_DIR
from analysis.map.pipeline import analyse_article
from analysis.records import Article, Number


def _article(aid: str, headline: str, *paragraphs: str, **meta) -> Article:
    return Article(aid, f"{aid}.txt", headline + "\n\n" + "\n\n".join(paragraphs) + "\n", **meta)


def _compare(*articles: Article, **kw):
    return L.compare_analyses([analyse_article(a) for a in articles], **kw)


def _check_offsets(claims: pd.DataFrame, links: pd.DataFrame, texts: dict[str, str]) -> None:
    for aid, s, e, t in zip(claims.article_id, claims.start, claims.end, claims.text):
        assert texts[aid][s:e] == t
    for side in ("a", "b"):
        for aid, s, e, t in zip(links[f"article_{side}"], links[f"start_{side}"], links[f"end_{side}"],
                                links[f"text_{side}"]):
            assert texts[aid][s:e] == t


# --------------------------------------------------------------------------- words

@pytest.mark.parametrize("text, cues", [
    ("The group reportedly seized the town.", ["reportedly"]),
    ("Officials said the strike allegedly hit a school.", ["allegedly"]),
    ("The army claims it retook the airport.", ["claims"]),
    ("The campaign appears to have mainly hit rebels.", ["appears"]),
    ("The offensive may last for weeks.", ["may"]),
    ("Fighting began in May in the north.", []),  # the month, not the modal
    ("The convoy could not be verified independently.", ["could not be verified"]),
    ("The group claimed responsibility for the bombing.", []),  # a claim of responsibility is not a hedge
    ("The army took the airport on Monday.", []),
])
def test_hedge_cues(text, cues):
    assert [c for c, kind in C.hedges(text) if kind != "attribution"] == cues


def _hedge_reference():
    """hedges() as one plain alternation of the cue patterns would give it (the reference)."""
    import re

    df = pd.read_csv(C.HEDGES_CSV, keep_default_na=False)
    regex = re.compile("|".join(f"(?P<g{i}>{p})" for i, p in enumerate(df.pattern)), re.IGNORECASE)

    def hedges(text):
        out = []
        for m in regex.finditer(text):
            cue = df.cue[int(m.lastgroup[1:])]
            if cue not in [c for c, _ in out]:
                out.append((cue, C.HEDGE_KINDS.get(cue, "")))
        return out
    return hedges


HEDGE_TEXTS = [
    "It is said to be true; it IS SAID TO be, was widely believed to be and were thought to be.",
    "Claims of responsibility, claimed, claiming; the claim could not be independently confirmed.",
    "Could it be? It could, perhaps, maybe; possibly probably probable; unlikely likely.",
    "“Apparently” (allegedly) [reportedly] -purportedly- an estimate, an  estimated 40, estimated.",
    "May may MAY; sources close to the army; source said; quoted by; citing; according to him.",
    "Seemingly it appears appearing appeared to; ſeems; İt appears; suggested suggesting suggests.",
    "unverified unsubstantiated unconfirmed unconfirmable mightily might",
]


def test_hedges_match_one_plain_alternation_of_the_patterns():
    """The first-letter dispatch finds what a plain alternation finds, in the same order."""
    ref = _hedge_reference()
    texts = list(HEDGE_TEXTS)
    for path in sorted(ALLSIDES_DIR.glob("*.json"))[:150]:
        texts.append(json.loads(path.read_text(encoding="utf-8")).get("content", "") or "")
    assert any(C.hedges(t) for t in HEDGE_TEXTS)
    for t in texts:
        assert C.hedges(t) == ref(t), t[:200]


@pytest.mark.parametrize("pattern, letters", [
    (r"\bclaim(?:s|ed)?\b", {"c"}),
    (r"\b(?:is|are|Was)\s+said", {"i", "a", "w"}),
    (r"\b(?:un)?likely\b", {"u", "l"}),
    (r"(?-i:\bmay\b)", {"m"}),
    (r"\b[Pp]robabl[ey]", {"p"}),
    (r"\w+ly", None),  # any word character
    (r"(?:ab)?", None),  # may match nothing
])
def test_first_chars(pattern, letters):
    got = C._first_chars(pattern)
    assert (set(got) if got is not None else None) == letters


@pytest.mark.parametrize("text", [
    "", "the of and", "Rebels captured villages", "The rebels’ gains, Mr Smith's 6 villages",
    "it is what it is", "Insurgents insurgents insurgents", "Ünïcode wörds städte dörfer",
])
def test_has_terms_counts_like_terms(text):
    for k in range(0, 5):
        assert C._has_terms(text, k) == (len(C.terms(text)) >= k)


def test_dates_without_digits_are_none():
    assert C.dates("On Oct. nine and tenth October") == []
    assert C.dates("On Oct. ٩") == ["10-09"]  # a digit of another script is a digit too


def test_hedges_csv_has_the_columns_framing_reads():
    df = pd.read_csv(C.HEDGES_CSV)
    assert list(df.columns) == ["cue", "kind", "pattern"]
    assert set(df.kind) <= {"reporting", "epistemic", "modal", "attribution"}
    assert df.cue.is_unique


@pytest.mark.parametrize("word, expected", [
    ("captured", "captur"), ("captures", "captur"), ("seized", "captur"), ("villages", "villag"),
    ("airstrikes", "strik"), ("bombing", "strik"), ("hitting", "strik"), ("killed", "kill"),
    ("insurgents", "rebel"), ("mostly", "most"),
])
def test_stem_folds_inflections_and_near_synonyms(word, expected):
    assert C.stem(word) == expected


@pytest.mark.parametrize("text, expected", [
    ("On Oct. 9 the town fell", ["10-09"]),
    ("between 3 March and March 5", ["03-03", "03-05"]),
    ("published 2015-10-11", ["10-11"]),
    ("on Sunday", []),
])
def test_dates(text, expected):
    assert C.dates(text) == expected


# --------------------------------------------------------------------------- numbers

def _n(text, value, unit, qualifier=""):
    return Number(0, len(text), text, value, unit, qualifier)


@pytest.mark.parametrize("a, na, b, nb, kw, detail", [
    # the same count of the same thing, different values
    ("Rebels captured six villages near the border.", [_n("six villages", 6, "villages")],
     "The rebels say they captured five villages near the border.", [_n("five villages", 5, "villages")],
     {}, "villages: 6 vs 5"),
    ("30 people were killed in the blast.", [_n("30 people", 30, "people")],
     "In the blast 25 people were killed.", [_n("25 people", 25, "people")], {}, "people: 30 vs 25"),
    ("The floods destroyed 120 homes in the valley.", [_n("120 homes", 120, "homes")],
     "Floods in the valley destroyed about 300 homes.", [_n("about 300 homes", 300, "homes", "about")],
     {}, "homes: 120 vs about 300"),
    # one counted event on either side of the number ("killed 41" / "41 ... dead")
    ("Gunmen killed 41 people at the market.", [_n("41 people", 41, "people")],
     "The market shooting left 38 people dead.", [_n("38 people", 38, "people")], {}, "people: 41 vs 38"),
    # an exact figure after "at least" is a running count: 127 and 132 are two tolls
    ("At least 127 people were killed in the attacks.", [_n("At least 127 people", 127, "people", "at least")],
     "The attacks killed 132 people.", [_n("132 people", 132, "people")], {}, "people: at least 127 vs 132"),
])
def test_number_conflict(a, na, b, nb, kw, detail):
    found = C.number_conflicts(a, na, b, nb, **kw)
    assert [c.detail for c in found] == [detail]


@pytest.mark.parametrize("a, na, b, nb, kw", [
    # same unit, different places: different events
    ("Militants seized 5 villages in Hama.", [_n("5 villages", 5, "villages")],
     "Militants seized 6 villages in Aleppo.", [_n("6 villages", 6, "villages")],
     {"places_a": ["Hama"], "places_b": ["Aleppo"]}),
    # same unit, different days
    ("On March 3 the army shelled 4 towns.", [_n("4 towns", 4, "towns")],
     "On March 9 the army shelled 7 towns.", [_n("7 towns", 7, "towns")], {}),
    # same unit, different actors
    ("Government jets killed 30 fighters.", [_n("30 fighters", 30, "fighters")],
     "Coalition jets killed 12 fighters.", [_n("12 fighters", 12, "fighters")],
     {"actors_a": ["Syrian government"], "actors_b": ["US-led coalition"]}),
    # same unit, different things measured
    ("The convoy travelled 40 km to the border.", [_n("40 km", 40, "km")],
     "The border is 12 km from the city.", [_n("12 km", 12, "km")], {}),
    ("The army advanced 15 km on Tuesday.", [_n("15 km", 15, "km")],
     "The army base lies 3 km from the airport.", [_n("3 km", 3, "km")], {}),
    # compatible values: "at least 30" and "35"; "about 100" and "110"
    ("At least 30 people were killed in the blast.", [_n("At least 30 people", 30, "people", "at least")],
     "In the blast 35 people were killed.", [_n("35 people", 35, "people")], {}),
    ("About 100 people were killed in the blast.", [_n("About 100 people", 100, "people", "about")],
     "In the blast 110 people were killed.", [_n("110 people", 110, "people")], {}),
    # one says it happened, the other that it did not
    ("The rebels captured six villages.", [_n("six villages", 6, "villages")],
     "The rebels have not captured five villages.", [_n("five villages", 5, "villages")], {}),
    # two counted events: the dead and the wounded of one blast
    ("In the blast 12 people were killed.", [_n("12 people", 12, "people")],
     "In the blast 40 people were wounded.", [_n("40 people", 40, "people")], {}),
    # a vague quantity is a bound: "hundreds" and "300"
    ("Hundreds of people were wounded in the riots.", [_n("Hundreds of people", 100, "people", "hundreds")],
     "In the riots 300 people were wounded.", [_n("300 people", 300, "people")], {}),
    # elapsed time grows with the publication date
    ("The bombing has gone on for 6 days.", [_n("6 days", 6, "day")],
     "The bombing has gone on for 10 days.", [_n("10 days", 10, "day")], {}),
])
def test_no_number_conflict(a, na, b, nb, kw):
    assert C.number_conflicts(a, na, b, nb, **kw) == []


def test_count_events_lexicon_is_read_and_extensible(tmp_path):
    shipped = C._count_events()
    assert shipped[C.stem("killed")] == shipped[C.stem("dead")] == "kill"
    assert shipped[C.stem("injured")] == "wound" and C.stem("live") not in shipped
    path = tmp_path / "events.csv"
    path.write_text("word,event,note\nevacuated,evacuation,\nstranded,,no event: skipped\n", encoding="utf-8")
    assert C._count_events(path) == {C.stem("evacuated"): "evacuation"}


def test_numbers_cell_round_trips():
    cell = ";".join(C._format_number(*x) for x in [("six villages", 6.0, "villages", ""),
                                                     ("over 2,000", 2000.0, "fighters", "over")])
    assert C.parse_numbers(cell) == [("six villages", 6.0, "villages", ""),
                                     ("over 2,000", 2000.0, "fighters", "over")]


@pytest.mark.parametrize("a, qa, b, qb, ok", [
    (6, "", 5, "", False), (8, "at least", 10, "", True), (8, "at least", 5, "", False),
    (700, "more than", 650, "", False), (100, "about", 110, "", True), (10, "up to", 12, "", False),
    # running counts and vague quantities
    (127, "at least", 132, "", False), (120, "more than", 132, "", True), (25, "at least", 30, "", True),
    (100, "hundreds", 300, "", True), (12, "dozens", 40, "", True),
])
def test_values_compatible(a, qa, b, qb, ok):
    assert C.values_compatible(a, qa, b, qb) is ok


# --------------------------------------------------------------------------- quotes

@pytest.mark.parametrize("qa, qb, linked", [
    ("The regime has exploited the Russian airstrikes and the confusion of the army in its battles",
     "The regime has exploited the Russian air strikes and the confusion of the (rebel) army in its battles.",
     True),
    ("We will not stop until the last terrorist has been driven out of our country",
     "We will not stop until our children can sleep safely at night again", False),
    ("the airport will reopen to civilian flights within a week, the minister said",
     "the airport will reopen to civilian flights, within a week", True),
])
def test_quote_similarity(qa, qb, linked):
    assert (L.quote_similarity(qa, qb) >= L.QUOTE_MIN_SCORE) is linked


def test_reused_quote_link_and_different_quotes_not_linked():
    a = _article("qa", "Army advances in the north",
                 "The army pushed north on Monday. “The regime has exploited the Russian airstrikes and "
                 "the confusion of the army in its battles in the south, and advanced in the north,” said "
                 "one rebel commander.",
                 "“We will not stop until the last terrorist has been driven out of our country,” the "
                 "defence minister told parliament.")
    b = _article("qb", "Rebels blame air campaign",
                 "A rebel commander quoted by a news agency said: “The regime has exploited the Russian air "
                 "strikes and the confusion of the (rebel) army in its battles in the south, and advanced "
                 "in the north.”",
                 "“We will not stop until our children can sleep safely at night again,” a local mother said.")
    claims, links = _compare(a, b)
    _check_offsets(claims, links, {x.article_id: x.text for x in (a, b)})
    rq = links[links.kind == "reused_quote"]
    assert len(rq) == 1
    assert (rq.article_a.iloc[0], rq.article_b.iloc[0]) == ("qa", "qb")
    assert "air strikes" in rq.text_b.iloc[0] and "airstrikes" in rq.text_a.iloc[0]
    assert not links.text_a.str.contains("last terrorist").any()


# --------------------------------------------------------------------------- passages

WIRE = ("The United Nations said on Tuesday that more than forty aid lorries had crossed into the "
        "besieged district overnight, carrying flour, medicine and blankets for families who have been "
        "cut off from supplies since the spring, and that more convoys were planned for the coming week.")


def test_shared_passage_found_and_short_overlap_not():
    a = _article("pa", "Aid reaches district", "Our correspondent reports from the border.", WIRE)
    b = _article("pb", "Convoys cross at last", WIRE, "Local officials welcomed the news on Wednesday.")
    c = _article("pc", "Officials welcome aid",
                 "The United Nations said on Tuesday that the talks would resume in Geneva next month.")
    claims, links = _compare(a, b, c)
    _check_offsets(claims, links, {x.article_id: x.text for x in (a, b, c)})
    sp = links[links.kind == "shared_passage"]
    assert list(zip(sp.article_a, sp.article_b)) == [("pa", "pb")]
    assert sp.text_a.iloc[0].startswith("The United Nations said on Tuesday that more than forty")
    # claims inside the shared passage are not repeated as `agree`
    assert not ((links.kind == "agree") & (links.article_a == "pa") & (links.article_b == "pb")).any()
    assert "pc" not in set(sp.article_a) | set(sp.article_b)


def test_shared_passage_same_when_shingle_hashes_collide(monkeypatch):
    segments = {"pa": [(0, "Our correspondent reports from the border. " + WIRE)],
                "pb": [(0, WIRE + " Local officials welcomed the news.")],
                "pc": [(0, "Officials said " + WIRE[:120]), (200, WIRE[120:])]}
    expected = L._passage_links(segments, min_words=20, df_cap=25)
    assert [(a, b) for a, _, _, b, *_ in expected] == [("pa", "pb"), ("pa", "pc"), ("pb", "pc")]
    # a hash that collides all the time: the words are checked and exact ids used instead
    monkeypatch.setattr(L, "_shingle_hash", lambda ids, at, k: (ids[at] % 3).astype("uint64"))
    assert L._passage_links(segments, min_words=20, df_cap=25) == expected


@pytest.mark.parametrize("text", ["Rebels captured Aleppo's villages", "  Mr. Smith said it", "",
                                  "The \u212aelvin sign and \u0130stanbul", "O’Neil’s men"])
def test_content_terms_match_term_spans(text):
    spans = C._term_spans(text)
    assert C._content_terms(text) == ([sp[0] for sp in spans if sp[3]],
                                      {sp[0] for sp in spans if sp[3] and not sp[4]})
    assert C.terms(text) == [sp[0] for sp in spans if sp[3]]


# --------------------------------------------------------------------------- agreement

def test_agree_paraphrase_but_not_same_names_or_negation():
    a = _article("aa", "Strikes hit opposition",
                 "Most of the Russian air strikes so far have hit moderate rebel groups rather than "
                 "jihadist fighters, monitors said.",
                 "Vladimir Putin met the Syrian foreign minister in Moscow on Friday.",
                 "The strikes destroyed a bakery in the town.")
    b = _article("ab", "Opposition bears brunt",
                 "Monitors say most Russian strikes have so far hit moderate rebel groups instead of jihadist "
                 "fighters.",
                 "Vladimir Putin said in Moscow that Russia would keep its base in Syria.",
                 "The strikes did not destroy a bakery in the town.")
    claims, links = _compare(a, b)
    ag = links[links.kind == "agree"]
    assert len(ag) == 1
    assert "moderate rebel groups rather than" in ag.text_a.iloc[0]
    assert ag.score.iloc[0] >= L.AGREE_MIN_SCORE


def test_paraphrase_links_reports_of_one_event_from_other_angles(monkeypatch):
    # the two articles share little beyond the one fact (their word profiles' cosine is about
    # 0.12, under the 0.25 a number conflict needs): a report on the fighting, one on refugees
    a = _article("pa", "Militants advance",
                 "Isis fighters seized five villages north of Aleppo on Friday, a monitoring group said.",
                 "Farmers in the region complained about the price of diesel and fertiliser this season.",
                 "Schools in the provincial capital stayed closed for a third week because of the fuel shortage.")
    b = _article("pb", "Refugees flee",
                 "The Islamic State captured several towns near Aleppo, activists reported.",
                 "Thousands of families crossed into Turkey, where aid agencies handed out blankets and tents.",
                 "Border guards registered the new arrivals at a camp outside Kilis, and fuel for the camp ran short.")
    claims, links = _compare(a, b)
    ag = links[links.kind == "agree"]
    assert len(ag) == 1 and ag.detail.iloc[0].startswith("paraphrase:")
    assert ag.text_a.iloc[0].startswith("Isis fighters seized") and ag.text_b.iloc[0].startswith("The Islamic State")
    _check_offsets(claims, links, {x.article_id: x.text for x in (a, b)})
    monkeypatch.setattr(L, "PARAPHRASE_MIN_STORY", L.ARTICLE_MIN_SIMILARITY)
    assert not len(_compare(a, b)[1])


def test_paraphrase_candidates_within_a_story_when_a_concept_is_common_in_the_corpus(monkeypatch):
    from analysis.corpus import paraphrase as P
    from analysis.map.pipeline import analyse_article

    arts = [_article("sa", "Militants advance",
                     "Isis fighters seized five villages north of Aleppo on Friday, a monitoring group said."),
            _article("sb", "Militants gain ground",
                     "The Islamic State captured several towns near Aleppo, activists reported."),
            _article("sc", "A year of war",
                     "Islamic State militants seized villages around Aleppo last spring, residents recalled.")]
    results = [analyse_article(a) for a in arts]
    claims = C.claims_frame([r for x in results for r in C.claim_rows(x)])
    texts = {x.parsed.article.article_id: x.text for x in results}
    # every key shared by all three articles is "too common to block on" in the whole corpus
    monkeypatch.setattr(L, "KEY_DF_CAP_MIN", 2)
    stories = {"sa": "1", "sb": "1", "sc": "2"}

    def agree(story_of):
        rows = L.link_rows(claims, None, texts, story_of=story_of)
        return {(r[4], r[5]) for r in rows if r[1] == "agree"}

    assert ("sa:0", "sb:0") in agree(stories)  # within story 1 those keys are rare
    assert not agree(None)
    monkeypatch.setattr(L._FlatKeys, "scoped", lambda self, st: L._FlatKeys(self.codes[:0], self.sizes * 0))
    assert ("sa:0", "sb:0") not in agree(stories)


# --------------------------------------------------------------------------- claims

def test_claim_rows_fields_and_offsets():
    a = _article("ca", "Town falls",
                 "The group reportedly captured six villages near the border on Oct. 9, according to "
                 "the Observatory.",
                 "Was the town ever safe?",
                 "Fighting continued; residents fled south toward the coast in their thousands.")
    r = analyse_article(a)
    claims = C.claims_frame(C.claim_rows(r))
    assert list(claims.columns) == list(C.CLAIM_COLUMNS)
    _check_offsets(claims, C.links_frame([]), {"ca": a.text})
    first = claims.iloc[0]
    assert first.hedged and "reportedly" in first.hedges
    assert first.dates == "10-09"
    assert not claims.text.str.contains(r"\?").any()  # questions are not claims
    assert claims.claim_id.is_unique


def test_unique_claims_and_matrix():
    a = _article("ua", "Aid arrives", WIRE, "A new school opened in the northern suburb on Thursday morning.")
    b = _article("ub", "Aid convoys", WIRE)
    claims, links = _compare(a, b)
    uniq = L.unique_claims(claims, links)
    assert list(uniq.article_id) == ["ua"]
    assert "school" in uniq.text.iloc[0]
    m = L.agreement_matrix(claims, links)
    assert m.loc["ub", "ua"] == 1.0 and 0 < m.loc["ua", "ub"] < 1


# --------------------------------------------------------------------------- seeds

@pytest.fixture(scope="module")
def seeds():
    from analysis.views.export import analyse

    tables = analyse(SEEDS_DIR)
    claims, links = L.compare(tables)
    return tables, claims, links


def test_seeds_offsets_and_columns(seeds):
    tables, claims, links = seeds
    assert list(links.columns) == list(C.LINK_COLUMNS)
    _check_offsets(claims, links, tables.texts)
    assert set(links.kind) <= set(L.LINK_KINDS)
    assert (links.article_a < links.article_b).all()


def test_seeds_villages_conflict_and_recycled_quote(seeds):
    tables, claims, links = seeds
    conflict = links[(links.kind == "number_conflict") & links.detail.str.contains("village")]
    assert len(conflict) == 1
    row = conflict.iloc[0]
    assert "six villages" in row.text_a and "five villages" in row.text_b
    quote = links[links.kind == "reused_quote"]
    assert len(quote) >= 1
    assert any("air strikes" in t for t in quote.text_b) and any("airstrikes" in t for t in quote.text_a)
    assert set(zip(quote.article_a, quote.article_b)) == {(row.article_a, row.article_b)}
    origin = L.likely_origin(tables, claims, links)
    assert "Reuters" in set(origin.likely_origin)


def test_seeds_attribution_edges(seeds):
    tables, claims, links = seeds
    edges = L.attribution_edges(tables, claims, links)
    assert list(edges.columns) == list(L.EDGE_COLUMNS)
    assert {"cites", "reuses"} <= set(edges.kind)
    assert ((edges.kind == "cites") & (edges.target_node == "Reuters")).any()


def test_link_rows_deterministic(seeds):
    tables, claims, links = seeds
    again = C.links_frame(L.link_rows(claims.sample(frac=1, random_state=3), tables.quotes, tables.texts,
                                      published=L._published(tables), story_of=L.story_map(tables)))
    pd.testing.assert_frame_equal(again, links)


# --------------------------------------------------------------------------- the shared corpus

CLUSTER_SOURCES = ("CNN", "NPR", "Washington Times", "CBN")


def _russia_cluster(dest) -> list[str]:
    """CNN / NPR / Washington Times / CBN articles, 30 Sep - 8 Oct 2015, on Russia's strikes in Syria."""
    picked = []
    for path in sorted(ALLSIDES_DIR.glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        body = rec.get("content_original") or rec.get("content") or ""
        if not ("2015-09-30" <= str(rec.get("date", "")) <= "2015-10-08"):
            continue
        if not any(s in str(rec.get("source", "")) for s in CLUSTER_SOURCES):
            continue
        head = str(rec.get("title", "")) + " " + body[:1500]
        if "Russia" in head and "Syria" in head and ("strike" in body or "airstrike" in body):
            shutil.copy(path, dest / path.name)
            picked.append(path.name)
    return picked


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    if not ALLSIDES_DIR.is_dir():
        pytest.skip(f"shared corpus not found at {ALLSIDES_DIR} (it lives in ../shared beside the project)")
    from analysis.views.export import analyse

    dest = tmp_path_factory.mktemp("russia_cluster")
    picked = _russia_cluster(dest)
    if len(picked) < 4:
        pytest.skip(f"only {len(picked)} cluster articles found in {ALLSIDES_DIR}")
    tables = analyse(dest)
    claims, links = L.compare(tables)
    return dest, tables, claims, links


@pytest.mark.shared
def test_real_cluster_links(cluster):
    dest, tables, claims, links = cluster
    outlets = set(tables.articles.outlet.dropna())
    assert sum(any(s in o for o in outlets) for s in CLUSTER_SOURCES) >= 3
    _check_offsets(claims, links, tables.texts)
    assert len(claims) > 100
    assert len(links) > 0
    linked_pairs = set(zip(links.article_a, links.article_b))
    assert len(linked_pairs) >= 3  # several articles share statements, quotes or passages
    for row in links[links.kind == "number_conflict"].itertuples():
        for part in row.detail.split("; "):
            unit, values = part.split(": ", 1)
            va, vb = values.split(" vs ")
            assert va != vb and unit
    for row in links[links.kind == "reused_quote"].itertuples():
        assert L.quote_similarity(row.text_a, row.text_b) >= L.QUOTE_MIN_SCORE
    uniq = L.unique_claims(claims, links)
    assert 0 < len(uniq) < len(claims)
    m = L.agreement_matrix(claims, links)
    assert (m.values.diagonal() == 1).all() and ((m.values >= 0) & (m.values <= 1)).all()


@pytest.mark.shared
@pytest.mark.slow
def test_notebook_runs_on_real_cluster(cluster, tmp_path):
    papermill = pytest.importorskip("papermill")
    dest = cluster[0]
    out = tmp_path / "out.ipynb"
    papermill.execute_notebook(str(NOTEBOOKS_DIR / "2.0-claim-comparison.ipynb"), str(out),
                               parameters={"CORPUS": str(dest)}, cwd=str(NOTEBOOKS_DIR),
                               kernel_name="python3", progress_bar=False)
    nb = json.loads(out.read_text(encoding="utf-8"))
    errors = [o for c in nb["cells"] for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    text = json.dumps(nb)
    assert "agreement" in text.lower()


# --------------------------------------------------------------------------- headlines, captions, short sentences

GALLERY = ("Photos: Night in town Photos: Night in town A medic treats a wounded man near the stadium "
           "on Friday. Rebels have claimed responsibility. Hide Caption 1 of 3 Photos: Night in town "
           "Police secure the square after the blasts. Hide Caption 2 of 3 Photos: Night in town "
           "Firefighters work at the market hall while residents watch from the windows of the old "
           "houses that line the river. Hide Caption 3 of 4 Photos: Night in town Mourners lay "
           "flowers at the gates of the stadium on Saturday morning. Hide Caption 4 of 4")  # > 400 chars


def _front(claims: pd.DataFrame) -> pd.DataFrame:
    return claims[claims.part != "body"]


def test_headline_caption_and_short_sentence_become_claims():
    a = _article("hc", "Rebels Seize Border Town After Long Siege",
                 "By JANE DOE",
                 "The rebels entered the town of Azaz on Monday after a siege of six weeks, residents said.",
                 GALLERY,
                 "Photo: Reuters",
                 "Share this article",
                 "ISIS fighters fled.",
                 "This needs to change.",
                 "Was the siege lifted?")
    r = analyse_article(a)
    claims = C.claims_frame(C.claim_rows(r))
    _check_offsets(claims, C.links_frame([]), {"hc": a.text})
    assert set(claims.part) <= set(C.CLAIM_PARTS)
    head = claims[claims.part == "headline"]
    assert list(head.text) == ["Rebels Seize Border Town After Long Siege"]
    assert (head.start == r.parsed.headline.start).all() and (head.sentence_id == -1).all()
    caps = claims[claims.part == "caption"]
    assert "Rebels have claimed responsibility." in set(caps.text)
    assert "Police secure the square after the blasts." in set(caps.text)
    assert not caps.text.str.contains("Hide Caption|Photos:|Reuters").any()  # gallery furniture, credits
    assert not claims.text.str.contains("JANE|Share this|\\?").any()  # byline, widget, question
    body = claims[claims.part == "body"]
    assert "ISIS fighters fled." in set(body.text)  # short, names an actor
    assert "This needs to change." not in set(claims.text)  # short, nothing to check it against
    assert claims.claim_id.is_unique
    # the body's claims come first, numbered as without the front parts
    assert list(claims.part[:len(body)]) == ["body"] * len(body)


def test_record_title_outside_the_text_is_no_claim():
    a = Article("rt", "rt.json", "The rebels entered the town of Azaz on Monday after a long siege.\n",
                title="Rebels Seize Border Town After Long Siege")
    r = analyse_article(a)
    assert r.parsed.headline is None and r.parsed.headline_text
    claims = C.claims_frame(C.claim_rows(r))
    assert "headline" not in set(claims.part)
    _check_offsets(claims, C.links_frame([]), {"rt": a.text})


def test_front_stretches_keep_credits_out():
    t = "Syrian rebels fight near Aleppo on Friday. (AP Photo/Hussein Malla)\nPhoto: Reuters\n"
    line = t.index("\n")
    got = C.front_stretches(t, None, [(0, line, "photo_credit"), (line + 1, len(t) - 1, "photo_credit"),
                                      (0, 5, "byline"), (0, 5, "share")])
    assert [t[s:e] for _, s, e in got] == ["Syrian rebels fight near Aleppo on Friday."]
    assert not C._is_front_claim("Your message has been sent successfully", "subheadline")
    assert C._is_front_claim("Russian airstrikes allow ISIS to advance", "headline")
    assert not C._is_front_claim("ISIS On The Move?", "headline")
    assert not C._is_front_claim("Getty Images", "caption")


def test_tables_path_gives_the_same_front_claims(seeds):
    """claims_from_tables (articles' headline offsets, boilerplate table) = claim_rows (Parsed)."""
    from analysis.map.load import load_file

    tables, claims, _ = seeds
    rows = []
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        for a in load_file(path)[1]:
            rows.extend(C.claim_rows(analyse_article(a)))
    direct = C.claims_frame(rows)
    assert (claims.part == "headline").sum() >= 3  # the seeds' headlines stand in their texts
    cols = ["claim_id", "start", "end", "text", "part"]
    pd.testing.assert_frame_equal(claims[cols].reset_index(drop=True), direct[cols].reset_index(drop=True))


def test_allsides_front_claims_round_trip():
    if not ALLSIDES_DIR.is_dir():
        pytest.skip(f"shared corpus not found at {ALLSIDES_DIR}")
    from analysis.map.load import load_file

    n_front = 0
    for path in sorted(ALLSIDES_DIR.glob("*.json"))[:200]:
        for a in load_file(path)[1]:
            r = analyse_article(a)
            claims = C.claims_frame(C.claim_rows(r))
            _check_offsets(claims, C.links_frame([]), {a.article_id: a.text})
            front = _front(claims)
            n_front += len(front)
            assert not front.text.str.contains("Hide Caption").any()
            for s, e in zip(front.start, front.end):  # never inside a body sentence
                assert not any(ss < e and se > s for ss, se in ((x.start, x.end) for x in r.parsed.sentences))
    assert n_front > 0


def test_blocking_pairs_on_many_items_and_distinct_values():
    """Blocking codes items as 32-bit ids but pair codes (a * n + b) need 64 bits: pairs of
    items far apart in a large corpus must come back exactly, as a brute force finds them."""
    import numpy as np

    rng = np.random.default_rng(7)
    n = 200_000  # a * n overflows 32 bits
    keys = [[] for _ in range(n)]
    members = {}
    for k in range(40):
        idx = sorted(rng.choice(n, size=6, replace=False).tolist())
        members[f"k{k}"] = idx
        for i in idx:
            keys[i].append(f"k{k}")
    for i in range(n - 3, n):  # two keys shared by the last items: a pair needing both
        keys[i] += ["x", "y"]
    art = np.arange(n)  # every item its own article
    got = {tuple(p) for p in L._candidate_pairs(keys, art, cap=60, min_shared=2).tolist()}
    shared = {}
    for idx in [*members.values(), [n - 3, n - 2, n - 1], [n - 3, n - 2, n - 1]]:
        for x, i in enumerate(idx):
            for j in idx[x + 1:]:
                shared[(i, j)] = shared.get((i, j), 0) + 1
    assert got == {p for p, c in shared.items() if c >= 2}
    assert (n - 3, n - 1) in got
    values = rng.integers(0, 50, 1000)
    assert L._distinct(values).tolist() == np.unique(values).tolist()
    assert L._distinct(values[:0]).tolist() == []
