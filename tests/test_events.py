"""analysis.map.events: who does what to whom, on sentences written for these tests."""
import pytest

from analysis.map import events as E
from analysis.map.pipeline import analyse_article
from analysis.records import Article

from test_claims import _article, _compare, _check_offsets  # noqa: F401 - shared helpers


def keys(text, mentions=()):
    return sorted({E.event_key(e) for e in E.code_events(text, mentions)})


@pytest.mark.parametrize("text, expected", [
    # active verbs, nouns with a possessive or demonym, progressive
    ("Russian jets bombed rebel positions near Hama.", ["Russia>attack>Syrian opposition"]),
    ("Russia's strikes on the opposition continued.", ["Russia>attack>Syrian opposition"]),
    ("Iranian militias are attacking Turkish soldiers.", ["Iran>attack>Turkey"]),
    ("Turkish troops captured the border post from ISIS.", ["Turkey>capture>Islamic State"]),
    ("The Islamic State advanced against rebels overnight.", ["Islamic State>advance>Syrian opposition"]),
    # passive with and without an agent
    ("Rebel bases were pounded by Russian warplanes.", ["Russia>attack>Syrian opposition"]),
    ("Rebel bases were pounded overnight.", []),
    # the doer after "by"/"of" of a noun: whom it was done to is unknown
    ("The advance of ISIS worried Russian officials.", []),
    # a speaker or thinker is not the doer
    ("Russia says the airstrikes hit ISIS.", []),
    ("American officials believe the strikes targeted rebels.", []),
    # a pronoun object, or a name beyond a clause break, is not the patient
    ("Russian jets struck them, and ISIS fled.", []),
    ("Russian jets struck hard; ISIS fled.", []),
    # an action word inside a name is no action; one participant is no event
    ("The Free Syrian Army met in Istanbul.", []),
    ("ISIS attacked the town.", []),
    # negation next to the action is kept; a name inside another phrase is no patient
    ("Russian airstrikes are not targeting ISIS.", ["Russia>not attack>Islamic State"]),
    ("Russian jets never struck ISIS positions.", ["Russia>not attack>Islamic State"]),
    ("Russian forces are hitting opponents of Assad.", []),
    ("Russia conducted airstrikes after a request from Assad.", []),
    ("Russian airstrikes in Syria continued.", []),
    # intended or possible, not done
    ("Russian jets could strike rebel bases.", []),
    ("Congress voted to fight ISIS.", []),
    # put in doubt before the agent: not asserted
    ("NATO doubted that Russia was interested in fighting ISIS.", []),
    ("Moscow denied that Russian jets bombed rebel positions.", []),
    ("It is unclear whether Russian jets bombed rebel positions.", []),
    # ... but doubt after the event does not undo it
    ("Russian jets bombed rebel positions, a claim Moscow disputed.", ["Russia>attack>Syrian opposition"]),
    # nothing of the sort
    ("The weather in Aleppo was mild.", []),
])
def test_code_events(text, expected):
    assert keys(text) == expected


def test_mentions_from_the_gazetteer_are_participants():
    text = "Acme Corp attacked Beta Ltd on Monday."
    mentions = [(0, 9, "Acme Corporation", "organisation"), (19, 27, "Beta Limited", "organisation"),
                (31, 37, "Monday", "date")]  # a kind that is no participant is ignored
    assert keys(text, mentions) == ["Acme Corporation>attack>Beta Limited"]
    assert keys(text) == []


def test_cue_offsets_point_at_the_action():
    text = "Russian jets bombed rebel positions."
    (ev,) = E.code_events(text)
    assert text[ev.start:ev.end] == ev.cue == "bombed"


def test_participants_prefer_the_longest_name():
    text = "Syrian rebels and Syrian officials met."
    parts = E.participants(text)
    assert [(text[s:e], ent) for s, e, ent in parts] == [("Syrian rebels", "Syrian opposition"),
                                                         ("Syrian", "Syria")]


# --------------------------------------------------------------------------- links through events

def test_paraphrase_in_other_words_agrees_through_the_event():
    story = "Moscow began its air campaign in Syria last week, saying it would target Islamic State militants."
    a = _article("ea", "Strikes on the opposition", story,
                 "Russia's bombing raids have mostly targeted the moderate opposition, monitors said.")
    b = _article("eb", "A different campaign", story,
                 "Western officials complain that Russian warplanes keep pounding rebel bases instead.")
    claims, links = _compare(a, b)
    ag = links[links.detail.str.startswith("event:")]
    assert len(ag) == 1 and (ag.kind == "agree").all()
    assert ag.detail.iloc[0] == "event: Russia>attack>Syrian opposition"
    assert "pounding rebel bases" in ag.text_b.iloc[0]
    assert "Russia>attack>Syrian opposition" in set(claims[claims.article_id == "ea"].events)
    _check_offsets(claims, links, {"ea": a.text, "eb": b.text})


@pytest.mark.parametrize("other", [
    # the same coded event on another day, in another place, or negated: not the same statement
    "On October 2, Russian warplanes pounded rebel bases near Hama.",
    "Russian warplanes pounded rebel bases near Latakia.",
    "Russian warplanes did not pound rebel bases near Homs.",
    # a different event between the same parties
    "Russian diplomats met rebel leaders in Geneva.",
])
def test_same_parties_different_statement_not_linked(other):
    story = "Moscow began its air campaign in Syria last week, saying it would target Islamic State militants."
    a = _article("fa", "Strikes", story, "On October 5, Russian warplanes pounded rebel bases near Homs.")
    b = _article("fb", "Strikes", story, other)
    _, links = _compare(a, b)
    assert len(links[links.kind == "agree"]) == 1  # the shared background sentence ...
    assert not links.detail.str.startswith("event:").any(), links.detail.tolist()  # ... only
