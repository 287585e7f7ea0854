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


def test_derived_names_are_for_gender_only_and_the_curated_list_wins():
    from analysis.map.attribution.lexicon import LEXICON_TAGS, NAME_GENDERS, _load_derived_names

    derived = {n: g for n, g, _ in _load_derived_names()}
    assert len(derived) > 10_000 and set(derived.values()) == {"male", "female"}
    # no common English word, no curated name: those stay the curated list's (Pat stays undecided)
    assert not [n for n in derived if n.lower() in LEXICON_TAGS or n in FIRST_NAMES]
    assert NAME_GENDERS["Pat"] == "" and NAME_GENDERS["Katharine"] == "female"
    assert "Katharine" not in FIRST_NAMES  # the derived list never makes a word a given name


def test_the_shipped_derived_names_are_what_the_script_builds():
    pytest.importorskip("faker", reason="Faker (the [train] extra) is needed to rebuild the list")
    import csv
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "scripts"))
    import build_first_names
    import faker

    if faker.VERSION != build_first_names.BUILT_WITH:
        pytest.skip(f"built with Faker {build_first_names.BUILT_WITH}, {faker.VERSION} installed")
    with open(build_first_names.OUT, encoding="utf-8", newline="") as fh:
        shipped = [(r["first_name"], r["gender"], int(r["locales"])) for r in csv.DictReader(fh)]
    assert shipped == build_first_names.build()
