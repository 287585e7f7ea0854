"""Paraphrase classes, term vectors and the claim-pair matcher: analysis/paraphrase.py."""
from __future__ import annotations

import csv
import json

import pytest

from analysis import paraphrase as P
from analysis.claims import terms


@pytest.mark.parametrize("a, b", [
    ("its biggest advance", "its largest advance"),
    ("strongest gains", "biggest advance"),
    ("the group took advantage of the strikes", "the group benefited from the strikes"),
    ("rebels were preoccupied", "rebels were distracted"),
    ("a derogatory term", "a pejorative term"),
    ("they seized villages", "they seized towns"),
])
def test_paraphrases_fold_to_one_concept(a, b):
    assert P.concepts(terms(a)) == P.concepts(terms(b))


@pytest.mark.parametrize("a, b", [
    ("the biggest advance", "the smallest retreat"),
    ("rebels were preoccupied", "rebels were defeated"),
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
