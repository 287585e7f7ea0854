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


@pytest.mark.parametrize("body, person", [
    ("It was the president.\nObama left early.", "Obama"),  # a title before a full stop still counts
    ("He met spokesman Kirby later.", "Kirby"),
    ("EPA Administrator Gina McCarthy spoke.", "Gina McCarthy"),  # the acronym is no part of the name
    ("NPR's Arnie Seipel reported it.", "Arnie Seipel"),  # nor the owner
    ("She was a resident named Caroline.", "Caroline"),  # "named" introduces a person
])
def test_titled_one_word_names_and_runs_with_acronyms_or_owners(body, person):
    ctx = _context(make_parsed("Headline\n\n" + body), [])
    assert person in [n for _, n in ctx.people()]


@pytest.mark.parametrize("body, not_person", [
    ("He met the spokesman (Kirby) later.", "Kirby"),  # a mark between the role and the name
    ("The group asked: Kirby?", "Kirby"),
    ("GOP House members voted.", "House"),
    # a sentence ends after the word: "named Clinton. Intentionally" is no name
    ("Even if the frontrunner is named Clinton. Intentionally or not, she won.", "Clinton. Intentionally"),
    # people described by a demonym are no name ("younger African Americans")
    ("Both candidates appealed to younger African Americans on Tuesday.", "African Americans"),
])
def test_no_person_without_a_title_right_before_it(body, not_person):
    ctx = _context(make_parsed("Headline\n\n" + body), [])
    assert not_person not in [n for _, n in ctx.people()]


def test_antecedent_candidates_leave_out_quotes_and_openers():
    text = "Headline\n\nSen. Ann Lee met Bob Marsh. “Ask Tom Hill,” it said. Then he left."
    named = [Mention(text.index(n), text.index(n) + len(n), n, n, "person", "test") for n in ("Bob Marsh", "Tom Hill")]
    ctx = _context(make_parsed(text), named)
    o, c = text.index("“"), text.index("”")
    ctx.quoted = [(o, c)]
    cands = {p: n for p, n in ctx.people()} | {m.start: m.entity for m in named}
    assert ctx._outside_quotes(cands.items()) == sorted((p, n) for p, n in cands.items() if not o < p < c)
    assert (text.index("Tom"), "Tom Hill") not in ctx._outside_quotes(cands.items())
    assert ctx.antecedent(text.index("he left"), "male") == "Bob Marsh"  # Tom Hill is inside the quote
