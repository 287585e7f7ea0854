"""Tests of the attribution word lists and what they decide (analysis.map.attribution.lexicon)."""
from __future__ import annotations

import re

import pytest

from analysis.map.attribution.lexicon import FIRST_NAMES, _alt, _entity_kind, _role_of
from analysis.records import Mention


@pytest.mark.parametrize("words, role", [
    ("a Foreign Ministry spokeswoman", "official"),
    ("an analyst at a think tank", "expert"),
    ("a rebel commander", "rebel"),  # rebel comes before official in ROLE_WORDS
    ("an Islamic State fighter and former officer", "militant"),
    ("a local resident", "other"),
    ("the weather today", ""),
    ("SPOKESMAN", "official"),
])
def test_role_of(words, role):
    assert _role_of(words) == role


@pytest.mark.parametrize("name, kind", [
    ("Reuters", "media"), ("the Springfield Herald", "media"), ("Moscow", "government"),
    ("the Defense Ministry", "government"), ("Amnesty International", "organisation"),
    ("NATO", "organisation"), ("Capitol Hill", "organisation"), ("Ann Lee", "person"),
])
def test_entity_kind_without_mentions(name, kind):
    assert _entity_kind(name, None) == kind


@pytest.mark.parametrize("mkind, entity, kind", [
    ("media", "Courier", "media"), ("place", "Lyon", "government"), ("person", "Ann Lee", "person"),
    ("organisation", "Ministry of Health", "government"), ("organisation", "Red Cross", "organisation"),
])
def test_entity_kind_follows_the_mention(mkind, entity, kind):
    assert _entity_kind(entity, Mention(0, len(entity), entity, entity, mkind, "gazetteer")) == kind


@pytest.mark.parametrize("words, yes, no", [
    (["said", "says", "saying"], ["said", "saying"], ["sai", "sayings"]),
    (["according to", "a"], ["according  to", "a"], ["according", ""]),
])
def test_alt_is_an_exact_alternation(words, yes, no):
    pat = re.compile(_alt(words))
    assert all(pat.fullmatch(w) for w in yes) and not any(pat.fullmatch(w) for w in no)


def test_first_names_are_read_once_with_genders():
    # empty: a given name whose gender the name alone does not decide ("Pat", "Robin")
    assert FIRST_NAMES and set(FIRST_NAMES.values()) <= {"male", "female", ""}
    assert {"male", "female"} <= set(FIRST_NAMES.values())
