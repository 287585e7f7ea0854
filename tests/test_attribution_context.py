"""Tests of the per-article context (analysis.map.attribution.context)."""
from __future__ import annotations

import pytest

from analysis.map.attribution.context import _context
from analysis.map.parse import parse_article
from analysis.records import Article, Mention

from attribution_helpers import make_parsed


def test_hard_wrapped_paragraphs_are_one_block():
    text = "Headline\n\nThe minister said the\nplan would fail.\n\nA new paragraph."
    ctx = _context(make_parsed(text), [])
    assert [text[s:e] for s, e in ctx.blocks] == ["The minister said the\nplan would fail.", "A new paragraph."]


@pytest.mark.parametrize("body, person, role", [
    ("Captain Mustafa Haj led the unit.", "Mustafa Haj", None),
    ("Jane Roe, a researcher at the institute, disagreed.", "Jane Roe", "expert"),
    ("spokesman John Kirby spoke.", "John Kirby", "official"),
])
def test_people_are_found_by_title_role_or_apposition(body, person, role):
    ctx = _context(make_parsed("Headline\n\n" + body), [])
    assert person in [n for _, n in ctx.people()]
    assert ctx.roles.get(person) == role


@pytest.mark.parametrize("body, mentions", [
    ("The Weather Service said rain.", []),
    ("New Hampshire voted on Tuesday.", [Mention(10, 23, "New Hampshire", "New Hampshire", "place", "gazetteer")]),
])
def test_places_and_organisations_are_no_people(body, mentions):
    ctx = _context(make_parsed("Headline\n\n" + body), mentions)
    assert ctx.people() == []


def test_context_is_reused_for_the_same_article_only():
    p = parse_article(Article("a", "", "T\n\nOne body."))
    assert _context(p, []) is _context(p, [])
    q = parse_article(Article("b", "", "T\n\nOne body."))
    assert _context(q, []) is not _context(p, [])


def test_two_single_quotes_are_read_as_double_marks_but_the_text_stays():
    text = "Headline\n\nHe said ''We won.''"
    ctx = _context(make_parsed(text), [])
    assert ctx.source_text == text and "\"We won.\"" in ctx.text and len(ctx.text) == len(text)
