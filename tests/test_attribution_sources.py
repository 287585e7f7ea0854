"""Tests of cited sources (analysis.map.attribution.sources)."""
from __future__ import annotations

import pytest

from analysis.records import Article

from attribution_helpers import run


@pytest.mark.parametrize("body, source, kind, via, cue", [
    ("The town fell on Sunday, Reuters reported.", "Reuters", "media", "", "reported"),
    ("According to the Syrian Observatory for Human Rights, 40 people died.", "Syrian Observatory for Human Rights", "organisation", "", "according to"),
    ("The campaign, which Moscow says targets militants, continues.", "Moscow", "government", "", "says"),
    ("Omar Haddad, a rebel commander, also told Reuters that the depots were destroyed.", "Omar Haddad", "person", "Reuters", "told"),
    ("The fighting continued, said Karim, the military spokesman of the brigade.", "Karim", "person", "", "said"),
    ("Western diplomats believe the group could gain ground.", "Western diplomats", "anonymous", "", "believe"),
    # "X quoted Y as saying": Y is the source, X how it came
    ("Turkey's Anadolu news agency quoted Omar Haddad as saying the border would stay closed.",
     "Omar Haddad", "person", "Anadolu", "quoted"),
    ("Syrian state TV quoted a senior army officer as saying the town was retaken.",
     "a senior army officer", "anonymous", "Syrian state TV", "quoted"),
    # a medium with an owner is the medium, not its country
    ("The depots were destroyed, Omar Haddad was quoted by Russia's Tass news agency as saying.",
     "Omar Haddad", "person", "Tass", "quoted by"),
])
def test_indirect_sources(body, source, kind, via, cue):
    text, _, _, src = run(body)
    assert [(x.source, x.source_kind, x.via, x.cue) for x in src] == [(source, kind, via, cue)]


def test_quoted_speaker_source_with_via():
    body = 'One rebel commander quoted by Reuters criticised the raids, saying, “The bombs fall on us, not on them.”'
    _, q, _, src = run(body)
    assert q[0].speaker == "one rebel commander"
    assert [(x.text, x.source, x.source_kind, x.via) for x in src] == [
        ("One rebel commander", "one rebel commander", "anonymous", "Reuters")]


def test_block_quote_colon_source():
    body = ("Jane Roe at the Institute for the Study of War believes the raids help the regime:\n\n"
            "The regime has advanced on three fronts since the raids began.")
    _, q, _, src = run(body)
    assert q == []
    assert [(x.source, x.source_kind, x.cue) for x in src] == [("Jane Roe", "person", ":")]


def test_tells_possessive_via():
    body = "“The road is cut,” Sami Aziz, a member of a media campaign, tells Syria Direct’s Noura Ali."
    _, q, _, src = run(body)
    assert q[0].speaker == "Sami Aziz" and q[0].speaker_role == "activist"
    assert src[0].via == "Syria Direct"


@pytest.mark.parametrize("body, source, kind", [
    ("The Harbor Workers Union, another labor group, said the strike would continue.", "Harbor Workers Union", "organisation"),
    ("The ceasefire has collapsed, the minister was quoted by Norway's NTB news agency as saying.", "the minister", "anonymous"),
])
def test_sources_named_before_an_apposition_or_quoted_by(body, source, kind):
    _, _, _, src = run(body + "\n\nAnother paragraph follows here.")
    assert [(x.source, x.source_kind) for x in src] == [(source, kind)]


@pytest.mark.parametrize("body", [
    "Russia began conducting airstrikes in Syria on September 30.",
    "The minister wondered whether the talks would last.",
])
def test_quote_only_cues_cite_no_source(body):
    from analysis.map.pipeline import analyse_article
    a = analyse_article(Article("s", "s.txt", "A headline\n\n" + body))
    assert a.sources == []


@pytest.mark.parametrize("body, sources", [
    # a time between subject and cue is skipped; a day alone is no source
    ("Gov. Ann Lee on Monday announced a new budget for the schools.", ["Ann Lee"]),
    ("Tom Reed, who met the mayor on Friday, said he was shocked by the verdict.", ["Tom Reed"]),
    ("Theresa May has been home secretary for years. May said the plan would work.", ["Theresa May"]),  # a surname
])
def test_no_day_as_source(body, sources):
    _, _, _, src = run(body + "\n\nAnother paragraph follows here.")
    assert [x.source for x in src] == sources


@pytest.mark.parametrize("body, source, kind", [
    # a quoted speaker's kind is that of the name the phrase ends in, not of a longer mention
    # inside it (the department is the spokesman's affiliation)
    ("“We are done here,” said State Department spokesman John Kirby.", "John Kirby", "person"),
    ("“We are done here,” said Justice Dept spokesman Peter Carr.", "Peter Carr", "person"),
    ("“We are done here,” the State Department said.", "State Department", "government"),
])
def test_quoted_speaker_kind_is_the_head_name(body, source, kind):
    _, _, _, src = run(body + "\n\nAnother paragraph follows here.")
    assert [(x.source, x.source_kind) for x in src] == [(source, kind)]
