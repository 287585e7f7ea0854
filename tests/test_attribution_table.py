"""Tests of the attributions table (analysis.map.attribution.table)."""
from __future__ import annotations

from analysis.map.pipeline import analyse_article, article_rows
from analysis.records import Article
from analysis.tables import SPAN_OFFSETS, TABLES

from attribution_helpers import attribs


def test_mixed_paraphrase_with_a_quoted_stretch():
    rows = attribs('Sam Bell said the new tax rules were “a gift to the richest families in the state” and unfair.')
    assert [a.kind for a in rows] == ["mixed"]
    assert rows[0].source == "Sam Bell"


def test_rows_match_the_table_and_quotes_agree():
    text = 'A headline\n\n“We will appeal today,” said Ms. Ada Park, a lawyer at Stone Partners. Park said the fine was unfair.'
    r = analyse_article(Article("t", "t.txt", text))
    rows = article_rows(r)
    cols = TABLES["attributions"]
    assert all(len(x) == len(cols) for x in rows["attributions"])
    for row in rows["attributions"]:
        d = dict(zip(cols, row))
        for s, e, t in SPAN_OFFSETS["attributions"]:
            if d[s] is not None:
                assert text[d[s]:d[e]] == d[t]
    q = dict(zip(TABLES["quotes"], rows["quotes"][0]))
    a = next(dict(zip(cols, x)) for x in rows["attributions"] if x[2] == "direct")
    assert (q["speaker"], q["speaker_affiliation"], q["speaker_gender"]) == \
        (a["source"], a["speaker_affiliation"], a["speaker_gender"]) == ("Ada Park", "Stone Partners", "female")


def test_nested_quote_is_credited_to_the_outer_speaker():
    body = ('Ana Lima stood at the door of her house.\n\n“My neighbor told me, ‘We must leave now,’ '
            'and we did,” Ana Lima said.\n\nThe water kept rising.')
    rows = [a for a in attribs(body) if a.kind == "direct"]
    assert len(rows) == 1 and rows[0].source == "Ana Lima"
    assert "We must leave now" in rows[0].content
