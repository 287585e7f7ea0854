"""Checks of the hand-made cross-article fact gold (tests/fixtures/facts_gold.json).

The fixture is built by scripts/facts_gold/build.py; these tests make sure every mention still
points at its exact text in the source article, so the gold stays usable for measuring.
"""
from __future__ import annotations

import json

import pytest

from analysis.config import ALLSIDES_DIR, SEEDS_DIR, TESTS_DIR

GOLD = json.loads((TESTS_DIR / "fixtures" / "facts_gold.json").read_text(encoding="utf-8"))
STORIES = GOLD["stories"]
STANCES = {"states", "conflicts", "denies"}
KINDS = {"number", "event", "date", "place", "cause", "quote", "other"}


def _text(corpus: str, file: str) -> str:
    if corpus == "seeds":
        return (SEEDS_DIR / file).read_bytes().decode("utf-8-sig")
    return json.loads((ALLSIDES_DIR / file).read_text(encoding="utf-8"))["content_original"]


def _params(stories):
    """One pytest param per story; allsides stories carry the `shared` marker."""
    return [pytest.param(s, id=s["story"],
                         marks=[pytest.mark.shared] if s["corpus"] != "seeds" else [])
            for s in stories]


def test_fixture_has_the_stories():
    names = [s["story"] for s in STORIES]
    assert len(names) == len(set(names)) and len(names) >= 2
    assert "seeds" in {s["corpus"] for s in STORIES}


@pytest.mark.parametrize("story", _params(STORIES))
def test_structure(story):
    files = [a["file"] for a in story["articles"]]
    assert len(files) == len(set(files)) >= 2
    ids = [f["fact"] for f in story["facts"]]
    assert len(ids) == len(set(ids))
    for fact in story["facts"]:
        assert fact["kind"] in KINDS, fact["fact"]
        assert fact["description"].strip()
        assert {m["file"] for m in fact["mentions"]} <= set(files), fact["fact"]
        assert len({m["file"] for m in fact["mentions"]}) >= 2, \
            f"{story['story']}/{fact['fact']}: a fact needs mentions from two articles"
        for m in fact["mentions"]:
            assert m["stance"] in STANCES
            assert 0 <= m["start"] < m["end"] and m["end"] - m["start"] == len(m["text"])


@pytest.mark.parametrize("story", _params(STORIES))
def test_conflicts_and_denials_have_something_to_disagree_with(story):
    """A fact with a `conflicts`/`denies` mention also has a `states` mention in another
    article (so the disagreement is cross-article), and a conflict gives its value."""
    for fact in story["facts"]:
        odd = [m for m in fact["mentions"] if m["stance"] != "states"]
        states = [m for m in fact["mentions"] if m["stance"] == "states"]
        if odd:
            assert any(a["file"] != b["file"] for a in odd for b in states), \
                f"{story['story']}/{fact['fact']}: no cross-article disagreement"
        for m in odd:
            if m["stance"] == "conflicts":
                assert m.get("value"), f"{story['story']}/{fact['fact']}: conflicts needs a value"


@pytest.mark.parametrize("story", _params(STORIES))
def test_files_exist_and_text_round_trips(story):
    corpus = story["corpus"]
    if corpus == "seeds":
        root = SEEDS_DIR
    else:
        root = ALLSIDES_DIR
        if not root.is_dir():
            pytest.skip(f"allsides corpus not found at {root} (shared corpora absent)")
    texts = {}
    for a in story["articles"]:
        assert (root / a["file"]).is_file(), f"{a['file']} missing under {root}"
        texts[a["file"]] = _text(corpus, a["file"])
        if corpus != "seeds":
            d = json.loads((root / a["file"]).read_text(encoding="utf-8"))
            assert (a["outlet"], a["leaning"], a["title"]) == (d["source"], d["bias_text"], d["title"].strip())
            assert str(d["date"]).startswith(a["date"]), a["file"]
    for fact in story["facts"]:
        for m in fact["mentions"]:
            assert texts[m["file"]][m["start"]:m["end"]] == m["text"], \
                f"{story['story']}/{fact['fact']}: {m['file']}[{m['start']}:{m['end']}] changed"


@pytest.mark.parametrize("story", _params([s for s in STORIES if s["corpus"] == "allsides-2015"]))
def test_allsides_articles_are_from_different_outlets(story):
    outlets = [a["outlet"] for a in story["articles"]]
    assert len(outlets) == len(set(outlets))
