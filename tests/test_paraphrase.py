"""Paraphrase classes, term vectors and the claim-pair matcher: analysis/corpus/paraphrase.py."""
from __future__ import annotations

import csv
import json

import pytest

from analysis.corpus import paraphrase as P
from analysis.map.claims import terms


@pytest.mark.parametrize("a, b", [
    ("its biggest advance", "its largest advance"),
    ("strongest gains", "biggest advance"),
    ("the group took advantage of the strikes", "the group benefited from the strikes"),
    ("rebels were preoccupied", "rebels were distracted"),
    ("a derogatory term", "a pejorative term"),
    ("they seized villages", "they seized towns"),
    # general news paraphrases (classes not drawn from the gold stories' texts)
    ("jets struck the depots", "jets bombed the depots"),
    ("the army focused on insurgents", "the army targeted rebels"),
    ("gunmen captured the airport", "gunmen took control of the airport"),
    ("two guards were wounded", "two guards were injured"),
    ("the probe of the crash", "the investigation of the crash"),
])
def test_paraphrases_fold_to_one_concept(a, b):
    assert P.concepts(terms(a)) == P.concepts(terms(b))


@pytest.mark.parametrize("a, b", [
    ("the biggest advance", "the smallest retreat"),
    ("rebels were preoccupied", "rebels were defeated"),
    ("two guards were wounded", "two guards were killed"),
    ("the jets struck the depots", "the jets protected the depots"),
])
def test_different_things_stay_different(a, b):
    assert P.concepts(terms(a)) != P.concepts(terms(b))


def test_paraphrases_csv_is_well_formed():
    with open(P.PARAPHRASES_CSV, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and set(rows[0]) == {"class", "words", "note"}
    classes = [r["class"] for r in rows]
    assert len(classes) == len(set(classes)), "a class is listed twice"
    for r in rows:
        assert r["words"].strip(), f"class {r['class']} has no words"


@pytest.mark.parametrize("a, b, lo, hi", [
    (["rebel", "strik"], ["rebel", "strik"], 1.0, 1.0),
    (["rebel", "strik"], ["weather", "forecast"], 0.0, 0.3),
    ([], ["rebel"], 0.0, 0.0),
])
def test_soft_similarity_bounds(a, b, lo, hi):
    assert lo <= P.soft_similarity(a, b) <= hi


def test_soft_similarity_is_symmetric():
    a, b = ["~advance", "aleppo", "villag"], ["~advance", "villag", "north", "border"]
    assert P.soft_similarity(a, b) == pytest.approx(P.soft_similarity(b, a))


def test_vectors_ship_and_know_news_words():
    v = P.vectors()
    assert len(v.index) > 5000, "analysis/data/term_vectors.npz is missing or empty"
    assert v.matrix.shape == (len(v.index), 100)
    # nearer neighbours for words of one class than for unrelated words (trained, not random)
    assert P.term_similarity(terms("largest")[0], terms("biggest")[0]) > \
        P.term_similarity(terms("largest")[0], terms("weather")[0])


def test_matcher_file_matches_the_features():
    m = json.loads(P.MATCHER_JSON.read_text(encoding="utf-8"))
    assert m["features"] == list(P.FEATURES)
    assert len(m["weights"]) == len(P.FEATURES)
    assert 0.0 < m["threshold"] < 1.0


def test_more_shared_meaning_means_a_higher_probability():
    weak = P.pair_features(["~advance", "aleppo"], ["~advance", "hama"], weights={}, cosine=0.1)
    strong = P.pair_features(["~advance", "~big", "aleppo", "villag"], ["~advance", "~big", "aleppo", "villag"],
                             weights={}, cosine=0.8, actions_a={"advance"}, actions_b={"advance"},
                             entities_a={"e:isis"}, entities_b={"e:isis"})
    assert P.match_probability(strong) > P.match_probability(weak)
    assert len(strong) == len(P.FEATURES)


def test_scaled_idf_does_not_grow_with_the_corpus():
    # a word in one item weighs 1 in any corpus; a word in every item weighs the least
    small = P.scaled_idf({"rare": 1, "everywhere": 6}, 6)
    big = P.scaled_idf({"rare": 1, "everywhere": 3000}, 3000)
    assert small["rare"] == big["rare"] == 1.0
    assert 0 < big["everywhere"] < small["everywhere"] < 1.0
    assert all(0 < w <= 1.0 for w in (*small.values(), *big.values()))


def test_shared_units_count_one_thing_whatever_the_values():
    killed_127 = {(127.0, "people")}
    killed_132 = {(132.0, "people")}
    base = dict(weights={}, cosine=0.3)
    same_thing = P.pair_features(["~dead"], ["~dead"], numbers_a=killed_127, numbers_b=killed_132, **base)
    other_thing = P.pair_features(["~dead"], ["~dead"], numbers_a=killed_127, numbers_b={(6.0, "villages")}, **base)
    none = P.pair_features(["~dead"], ["~dead"], **base)
    i = P.FEATURES.index("shared_units")
    assert (same_thing[i], other_thing[i], none[i]) == (1, 0, 0)
    assert same_thing[P.FEATURES.index("shared_numbers")] == 0  # the values differ
    assert P.match_probability(same_thing) > P.match_probability(other_thing)


def test_rarest_shared_word_and_count_of_shared_concepts():
    w = {"bataclan": 1.0, "attack": 0.2, "~dead": 0.3, "night": 0.25}
    f = P.pair_features(["bataclan", "attack", "e:paris"], ["bataclan", "attack", "e:paris", "night"],
                        weights=w, cosine=0.5, entities_a={"e:paris"}, entities_b={"e:paris"})
    assert f[P.FEATURES.index("shared_concepts")] == 2  # entities are counted apart
    assert f[P.FEATURES.index("max_shared_weight")] == 1.0
    assert f[P.FEATURES.index("shared_weight")] == pytest.approx(1.2)


def test_pair_features_skips_pairs_that_cannot_reach_the_threshold():
    hopeless = dict(weights={}, cosine=0.0, entities_a={"e:x"}, entities_b={"e:y"})
    assert P.pair_features(["rebel"], ["weather"], min_prob=0.99, **hopeless) is None
    full = P.pair_features(["rebel"], ["weather"], **hopeless)
    assert full is not None and len(full) == len(P.FEATURES)
    # a pair that can reach it gets the same features as without min_prob
    strong = dict(weights={}, cosine=0.9, actions_a={"seize"}, actions_b={"seize"},
                  entities_a={"e:isis"}, entities_b={"e:isis"})
    a, b = ["~seize", "~settlement", "aleppo"], ["~seize", "~settlement", "aleppo", "north"]
    assert P.pair_features(a, b, min_prob=0.01, **strong) == P.pair_features(a, b, **strong)

