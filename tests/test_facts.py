"""Facts across articles (analysis/corpus/facts.py) and their measurement against the facts gold."""
from __future__ import annotations

import pytest

from analysis.corpus import facts as F
from analysis.config import ALLSIDES_DIR
from analysis.views.export import analyse
from benchmarks import score_facts as S


def _link(kind, ca, cb, detail=""):
    aa, ab = ca.split(":")[0], cb.split(":")[0]
    return (0, kind, aa, ab, ca, cb, 0, 1, 0, 1, "x", "y", 0.5, detail)


def _claims(*ids):
    return [(c, c.split(":")[0], 0, 10 * k, 10 * k + 5, f"claim {c}") for k, c in enumerate(ids)]


# --------------------------------------------------------------------------- clustering

@pytest.mark.parametrize("edges, density, groups", [
    ([("a", "b")], 0.5, [["a", "b"]]),
    ([("a", "b"), ("b", "c"), ("a", "c")], 0.5, [["a", "b", "c"]]),
    # a chain: components would join all four; average linkage stops where density drops
    ([("a", "b"), ("b", "c"), ("c", "d")], 0.5, [["a", "b"], ["c", "d"]]),
    ([("a", "b"), ("b", "c"), ("c", "d")], 0.0, [["a", "b", "c", "d"]]),
    # two triangles joined by one edge stay two facts
    ([("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("e", "f"), ("d", "f"), ("c", "d")], 0.5,
     [["a", "b", "c"], ["d", "e", "f"]]),
    ([], 0.5, []),
])
def test_cluster(edges, density, groups):
    assert F.cluster(edges, min_density=density) == groups


def test_every_group_is_connected_by_its_links():
    edges = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("e", "c"), ("x", "y")]
    for group in F.cluster(edges, min_density=0.3):
        inside = {frozenset(e) for e in edges if set(e) <= set(group)}
        reached, frontier = {group[0]}, [group[0]]
        while frontier:
            n = frontier.pop()
            for e in inside:
                if n in e:
                    (m,) = e - {n}
                    if m not in reached:
                        reached.add(m)
                        frontier.append(m)
        assert reached == set(group)


# --------------------------------------------------------------------------- fact rows

def test_fact_rows_columns_and_counts():
    links = [_link("agree", "a:0", "b:0"), _link("agree", "b:0", "c:0"), _link("agree", "a:0", "c:0")]
    rows = F.fact_rows(links, _claims("a:0", "b:0", "c:0"), outlets={"a": "AP", "b": "AP", "c": "BBC"})
    assert [len(r) for r in rows] == [len(F.FACT_COLUMNS)] * 3
    by = {r[2]: dict(zip(F.FACT_COLUMNS, r)) for r in rows}
    assert {r["fact_id"] for r in by.values()} == {"F0001"}
    assert by["a:0"]["n_articles"] == 3 and by["a:0"]["n_outlets"] == 2
    assert by["c:0"]["outlet"] == "BBC"


def test_claims_of_one_article_are_no_fact():
    assert F.fact_rows([_link("agree", "a:0", "a:1")], _claims("a:0", "a:1")) == []


def test_links_of_other_kinds_or_unknown_claims_are_ignored():
    links = [_link("agree", "a:0", "b:9"), (0, "something_else", "a", "b", "a:0", "b:0", 0, 1, 0, 1, "", "", 1, "")]
    assert F.fact_rows(links, _claims("a:0", "b:0")) == []


def test_facts_are_numbered_by_articles():
    links = [_link("agree", "a:0", "b:0"), _link("agree", "a:1", "b:1"), _link("agree", "b:1", "c:1"),
             _link("agree", "a:1", "c:1")]
    rows = F.fact_rows(links, _claims("a:0", "b:0", "a:1", "b:1", "c:1"))
    first = {r[2]: r[0] for r in rows}
    assert first["c:1"] == "F0001" and first["a:0"] == "F0002"


def test_stance_conflicts_against_the_majority_value():
    links = [_link("agree", "a:0", "b:0"), _link("agree", "b:0", "c:0"), _link("agree", "a:0", "c:0"),
             _link("number_conflict", "a:0", "c:0", "villages: 6 vs 5"),
             _link("number_conflict", "b:0", "c:0", "villages: 6 vs 5")]
    stance = {r[2]: r[7] for r in F.fact_rows(links, _claims("a:0", "b:0", "c:0"))}
    assert stance == {"a:0": "states", "b:0": "states", "c:0": "conflicts"}


def test_stance_tie_means_every_side_conflicts():
    stance = {r[2]: r[7] for r in F.fact_rows([_link("number_conflict", "a:0", "b:0", "villages: 6 vs 5")],
                                               _claims("a:0", "b:0"))}
    assert stance == {"a:0": "conflicts", "b:0": "conflicts"}


def test_stance_denies_for_the_negated_minority():
    claims = [("a:0", "a", 0, 0, 5, "The army took the airport."),
              ("b:0", "b", 0, 0, 5, "The army captured the airport."),
              ("c:0", "c", 0, 0, 5, "The army did not take the airport.")]
    links = [_link("agree", "a:0", "b:0"), _link("agree", "b:0", "c:0"), _link("agree", "a:0", "c:0")]
    stance = {r[2]: r[7] for r in F.fact_rows(links, claims)}
    assert stance["c:0"] == "denies" and stance["a:0"] == "states"


# --------------------------------------------------------------------------- on real text

@pytest.fixture(scope="module")
def seeds():
    return analyse("seeds")


def test_seed_facts_round_trip_and_are_multi_article(seeds):
    f = seeds.facts
    assert len(f) and list(f.columns) == list(F.FACT_COLUMNS)
    for aid, s, e, t in zip(f.article_id, f.start, f.end, f.text):
        assert seeds.texts[aid][s:e] == t
    assert (f.groupby("fact_id").article_id.nunique() >= 2).all()
    assert set(f.claim_id) <= set(seeds.claims.claim_id)


def test_views(seeds):
    over = F.fact_overview(seeds)
    assert list(over.n_articles) == sorted(over.n_articles, reverse=True)
    assert len(F.evidence(seeds, over.fact_id.iloc[0])) == (seeds.facts.fact_id == over.fact_id.iloc[0]).sum()
    blind = F.blind_spots(seeds)
    assert not set(blind.claim_id) & set(seeds.facts.claim_id)
    assert len(blind) + seeds.facts.claim_id.nunique() == len(seeds.claims)
    with pytest.raises(ValueError, match="outlet.*leaning"):
        F.blind_spots(seeds, by="topic")


def test_blind_spots_by_leaning(tmp_path):
    import json

    body = ("Rebels captured the airport of the northern city on Monday after a week of heavy "
            "fighting, officials said. ")
    for i, (outlet, lean) in enumerate([("Left Daily", "left"), ("Left Weekly", "left"), ("Right Post", "right")]):
        text = body + ("The mayor resigned on Tuesday amid protests." if lean == "left" else "Prices rose again.")
        (tmp_path / f"{i}.json").write_text(json.dumps(
            {"title": f"Story {i}", "source": outlet, "bias_text": lean, "date": "2015-05-01",
             "content_original": text}), encoding="utf-8")
    t = analyse(tmp_path)
    assert F.leanings(t.articles) == {a: l for a, l in zip(t.articles.article_id, ["left", "left", "right"])}
    only = F.blind_spots(t, by="leaning")
    assert set(only.leaning) <= {"left"}


# --------------------------------------------------------------------------- measured on the gold

def test_seeds_gold_regression():
    """The seeds are a tuning story: a regression guard, not an estimate."""
    story = next(s for s in S.load_gold() if s["story"] == "seeds-aleppo")
    score = S.score_story(story, S.analyse_story(story))
    assert score.recall >= 0.1 and score.precision >= 0.4
    assert score.conflicts_found >= 1


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize("name", ["germanwings-crash", "baltimore-unrest", "iran-nuclear-deal"])
def test_held_out_story(name):
    if not ALLSIDES_DIR.is_dir():
        pytest.skip(f"needs the shared allsides-2015 corpus at {ALLSIDES_DIR}")
    story = next(s for s in S.load_gold() if s["story"] == name)
    score = S.score_story(story, S.analyse_story(story))
    # floors well under the figures the README reports: a guard against regressions
    assert score.precision >= 0.25 and score.found >= 3


def test_diagnosis_reads_only_tuning_stories(capsys):
    from benchmarks import facts_diagnosis as D

    assert D.main(["germanwings-crash"]) == 2
    assert "held out" in capsys.readouterr().out
    assert set(D.STAGES) and len(D.STAGES) == 5
