"""Tests of tokens and noun phrases (analysis.map.attribution.phrases)."""
from __future__ import annotations

import pytest

from analysis.map.attribution.phrases import _appos_after, _np_back, _np_fwd, _span, _strip_title, _subject


@pytest.mark.parametrize("text, cue, phrase", [
    ("State Department spokesman John Kirby also said", " also said", "State Department spokesman John Kirby"),
    ("Later, a senior Western diplomat said", " said", "a senior Western diplomat"),
    ("He later added", " later added", "He"),
    ("Genevieve Casagrande at the Institute believes", " believes", "Genevieve Casagrande at the Institute"),
    ("the talks went badly, said", ", said", None),  # no noun phrase before the comma
    # a time between the subject and its cue is no part of the subject
    ("Gov. Ann Lee on Monday argued", " argued", "Gov. Ann Lee"),
    ("City officials Tuesday night announced", " announced", "City officials"),
    ("The mayor in March 2014 announced", " announced", "The mayor"),
    ("Tom Reed last week said", " said", "Tom Reed"),
    ("the minister yesterday pledged", " pledged", "the minister"),
    ("Tom Reed later Thursday told", " told", "Tom Reed"),
    # ... unless it ends an apposition, or names something
    ("Tom Reed, who spoke on Monday, said", ", said", None),
    ("Super Tuesday showed", " showed", "Super Tuesday"),
    ("preachers like Billy Sunday warned", " warned", "Billy Sunday"),
    ("He made his case Tuesday and said", " said", None),  # a day and a connector
    ("The alleged", " alleged", None),  # a connector alone
])
def test_np_back(text, cue, phrase):
    got = _np_back(text, 0, text.index(cue))
    assert (text[got[0]:got[1]] if got else None) == phrase


@pytest.mark.parametrize("text, phrase", [
    ("one rebel commander, who spoke", "one rebel commander"),
    ("Ann Lee in a statement", "Ann Lee"),
    ("The rain came", None),  # a determiner alone names nobody
    ("The announcement came", "The announcement"),  # a document speaks ("The announcement said")
    ("The businessman said", "The businessman"),  # a capital opening the sentence starts no name
    ("an official, who asked not to be named because of the talks", "an official, who asked not to be named"),
    ("however the rain", None),
])
def test_np_fwd(text, phrase):
    got = _np_fwd(text, 0, len(text))
    assert (text[got[0]:got[1]] if got else None) == phrase


@pytest.mark.parametrize("text, after, appos", [
    ("Jane Roe, a researcher at the institute, said", "Jane Roe", ", a researcher at the institute"),
    ("Tom Reed of the Free Syrian Army said", "Tom Reed", " of the Free Syrian Army "),
    ("Tom Reed said", "Tom Reed", ""),
])
def test_appos_after(text, after, appos):
    assert _appos_after(text, len(after), len(text)) == appos


@pytest.mark.parametrize("text, subject", [
    ("In May, the rebel group said", "the rebel group"),
    ("But Ann Lee, a senator, said", "Ann Lee"),
    ("“We won,” he said", None),  # a sentence that opens with a quote
    ("Eight years ago, he supported Obama and said", "he"),  # a time, not a person called Eight
    ("Two weeks later, the rebel group said", "the rebel group"),
    ("Two officials, who spoke on condition of anonymity, said", "Two officials, who spoke on condition of anonymity"),
])
def test_subject(text, subject):
    class Ctx:  # _subject reads ctx.text and the mentions (none here)
        def mention_in(self, s, e):
            return None

    ctx = Ctx()
    ctx.text = text
    got = _subject(ctx, 0, len(text))
    assert (text[got[0]:got[1]] if got else None) == subject


@pytest.mark.parametrize("text, name", [
    ("Syrian President Bashar al-Assad", "Bashar al-Assad"),
    ("Gov. Rick Perry", "Rick Perry"),
    ("Ann Lee", "Ann Lee"),
])
def test_strip_title(text, name):
    s, e = _strip_title(text, 0, len(text))
    assert text[s:e] == name


@pytest.mark.parametrize("text, kept", [(", the plan is ready.", "the plan is ready"), ("— “yes,” ", "“yes,”")])
def test_span_trims_punctuation(text, kept):
    s, e = _span(text, 0, len(text))
    assert text[s:e] == kept


@pytest.mark.parametrize("text, phrase", [
    ("Republican Presidential hopeful Sen. Ted Cruz was critical", "Republican Presidential hopeful Sen. Ted Cruz"),
    ("Democratic pollster Ann Lee agreed", "Democratic pollster Ann Lee"),
    ("Smith hopeful about the talks", "Smith"),  # no name after the noun: the name ends there
])
def test_np_fwd_person_noun_before_a_name(text, phrase):
    got = _np_fwd(text, 0, len(text))
    assert text[got[0]:got[1]] == phrase


@pytest.mark.parametrize("body, speaker", [
    # the place and the time that end an opening phrase are no subject
    ("At a campaign event in Ames, Iowa, on Sunday, Ann Lee expanded on her plan, saying, "
     "“We must be rallying our partners and allies.”", "Ann Lee"),
    ("In Des Moines, Iowa, Ann Lee said: “We must be rallying our partners and allies.”", "Ann Lee"),
    # a state after its city, not a mention: "in Aspen, Colo., the senator"
    ("At a conference in Aspen, Colo., the senator said: “We must be rallying our partners and allies.”",
     "Ann Lee"),
])
def test_subject_after_an_opening_place(body, speaker):
    from attribution_helpers import quote_starting

    assert quote_starting("Ann Lee toured the state.\n\n" + body, "We must").speaker == speaker
