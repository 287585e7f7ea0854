"""Tests of speaker gender (analysis.map.attribution.gender)."""
from __future__ import annotations

import pytest

from attribution_helpers import attribs


@pytest.mark.parametrize("body, gender", [
    ("Mr. Ortiz said the river will flood.", "male"),
    ("Mrs. Ortiz said the river will flood.", "female"),
    ("The company's spokeswoman said the river will flood.", "female"),
    ("Maria Ortiz said the river will flood.", "female"),
    ("Ortiz said the river will flood.", ""),  # nothing decides: no guess
])
def test_gender(body, gender):
    rows = attribs(body)
    assert len(rows) == 1 and rows[0].speaker_gender == gender


def test_plural_source_has_no_single_gender():
    rows = attribs("Ann Lee and Bob Marsh said the bill would pass.\n\nMore text.")
    assert rows[0].source == "Ann Lee and Bob Marsh" and rows[0].speaker_gender == ""


@pytest.mark.parametrize("body, name, gender", [
    # no first-name list knows "Zoltar"; the pronoun credited to him decides for all his rows
    ("Zoltar Quimby said the river will flood.\n\n“We must leave,” he said.", "Zoltar Quimby", "male"),
    ("Zoltar Quimby said the river will flood.\n\n“We must leave,” she said.", "Zoltar Quimby", "female"),
    # nothing credited to him by a pronoun: no guess
    ("Zoltar Quimby said the river will flood.\n\nThe river rose.", "Zoltar Quimby", ""),
    # a given name only the derived list knows decides, when nothing in the article does
    ("Aleksandr Volkov said the river will flood.", "Aleksandr Volkov", "male"),
    ("Katharine Hayhoe said the river will flood.", "Katharine Hayhoe", "female"),
    # the article's own pronoun wins over the derived list ("Deven" is a man's in one list only,
    # so the pronoun resolution does not rule her out)
    ("Deven Quimby said the river will flood.\n\n“We must leave,” she said.", "Deven Quimby", "female"),
    # a name two lists give to men is no antecedent of "she"
    ("Aleksandr Volkov said the river will flood.\n\n“We must leave,” she said.", "Aleksandr Volkov", "male"),
    # a surname alone is never gendered by the derived list, even when it is a given name too
    ("Nolan said the river will flood.", "Nolan", ""),
])
def test_a_person_has_one_gender_in_all_their_rows(body, name, gender):
    from analysis.map.pipeline import analyse_article, article_rows
    from analysis.records import Article
    from analysis.tables import TABLES

    rows = article_rows(analyse_article(Article("t", "t.txt", "A headline\n\n" + body)),
                        skip=frozenset({"claims", "framing"}))
    for table, col in (("attributions", "source"), ("sources", "source"), ("quotes", "speaker")):
        cols = TABLES[table]
        got = {r[cols.index("speaker_gender")] for r in rows[table] if r[cols.index(col)] == name}
        assert got <= {gender} and (table == "quotes" or got == {gender}), (table, got)


def test_pronouns_that_disagree_decide_nothing():
    from analysis.map.attribution import one_gender_per_person
    from analysis.tables import TABLES

    cols = TABLES["attributions"]

    def row(i, gender, said):
        r = dict.fromkeys(cols, "")
        r.update(article_id="x", attribution_id=i, source="Kim Roe", source_kind="person",
                 speaker_gender=gender, source_text=said)
        return tuple(r[c] for c in cols)

    rows = [row(0, "", "Kim Roe"), row(1, "male", "he"), row(2, "female", "she")]
    got, _, _ = one_gender_per_person(rows, [], [])
    assert got == rows


@pytest.mark.parametrize("name, gender", [
    ("Aleksandr Volkov", "male"),
    ("Survivor Helen Titus", "female"),      # a descriptive word first
    ("J. Federica Rossi", "female"),         # an initial first
    ("Sylvia Mathews Burwell", "female"),    # the first given name, not the middle one
    ("Clinton aide Huma Abedin", ""),        # another name comes first: no guess
    ("Nolan", ""),
    ("Zoltar Quimby", ""),
])
def test_derived_first(name, gender):
    from analysis.map.attribution.lexicon import _derived_first

    assert _derived_first(name.split()) == gender
