"""Tests of indirect speech (analysis.map.attribution.indirect)."""
from __future__ import annotations

import pytest

from attribution_helpers import attribs


@pytest.mark.parametrize("body, kind, content, source, cue", [
    ("Defense Secretary Sam Bell said the strikes missed their targets.", "indirect",
     "the strikes missed their targets", "Sam Bell", "said"),
    ("The strikes missed their targets, Sam Bell said on Monday.", "indirect",
     "The strikes missed their targets", "Sam Bell", "said"),
    ("The bridge will reopen in May, said Ada Park, director of the transport agency.", "indirect",
     "The bridge will reopen in May", "Ada Park", "said"),
    ("According to the Rural Water Council, the wells ran dry in June.", "indirect",
     "the wells ran dry in June", "Rural Water Council", "According to"),
    ("Tom Reyes believes the vote will be delayed again.", "indirect",
     "the vote will be delayed again", "Tom Reyes", "believes"),
    ("The Rural Water Council plans to close three wells next year.", "indirect",
     "to close three wells next year", "Rural Water Council", "plans"),
    ("Ana Lima told reporters that the talks had failed.", "indirect",
     "the talks had failed", "Ana Lima", "told"),
    ("Nora Vale, a senator from Ohio, said the bill would pass easily.", "indirect",
     "the bill would pass easily", "Nora Vale", "said"),
    ("The coach's spokesman, Dan Fitch, said the team would appeal the fine.", "indirect",
     "the team would appeal the fine", "Dan Fitch", "said"),
    ("Nora Vale, 44, a nurse from Dayton, said the clinic would close.", "indirect",
     "the clinic would close", "Nora Vale", "said"),
    ("Nora Vale — a nurse from Dayton — says the clinic will close.", "indirect",
     "the clinic will close", "Nora Vale", "says"),
    ("Nora Vale toured the ward and said the clinic would close.", "indirect",
     "the clinic would close", "Nora Vale", "said"),
    ('“We will appeal the decision today,” said Ada Park.', "direct",
     "We will appeal the decision today,", "Ada Park", "said"),
    # "May" is a surname as well as a month; a time before the cue is skipped
    ("Theresa May said the plan would work.", "indirect", "the plan would work", "Theresa May", "said"),
    ("Gov. Ann Lee on Monday argued that the schools needed money.", "indirect",
     "the schools needed money", "Ann Lee", "argued"),
])
def test_attribution(body, kind, content, source, cue):
    rows = attribs(body)
    assert [(a.kind, a.content, a.source, a.cue) for a in rows] == [(kind, content, source, cue)]


def test_quoted_as_saying_credits_the_quoted_person_via_the_agency():
    rows = attribs("The Harbor News Agency quoted Ivan Petrov as saying that the port was closed.")
    assert [(a.content, a.source, a.cue) for a in rows] == [("the port was closed", "Ivan Petrov", "quoted")]
    assert rows[0].via == "Harbor News Agency"


def test_pronoun_source_is_resolved():
    rows = attribs("Ana Lima runs the clinic. She said the clinic needs more nurses.")
    assert [(a.source, a.speaker_gender) for a in rows] == [("Ana Lima", "female")]


def test_no_attribution_without_a_source():
    assert attribs("The river will flood in May and the town will be evacuated.") == []


@pytest.mark.parametrize("body, content, source, kind, via", [
    ("The ceasefire has collapsed, the minister was quoted by Norway's NTB news agency as saying.",
     "The ceasefire has collapsed", "the minister", "anonymous", "NTB"),
    ("The talks were postponed, the minister said, quoted by Norway's NTB news agency.",
     "The talks were postponed", "the minister", "anonymous", "NTB"),
    ("Portugal's state-run Lusa news agency reported that the port was closed.",
     "the port was closed", "Lusa", "media", ""),
    ("Chile's El Mercurio newspaper quoted Rosa Ortega as saying that the mine would reopen.",
     "the mine would reopen", "Rosa Ortega", "person", "El Mercurio"),
    ("The Harbor Workers Union, another labor group, said the strike would continue.",
     "the strike would continue", "Harbor Workers Union", "organisation", ""),
    ("Peruvian state TV quoted an unnamed army official as saying the road was cut.",
     "the road was cut", "an unnamed army official", "anonymous", "Peruvian state TV"),
    ("Senators Ann Lee and Bob Marsh said the bill would pass.",
     "the bill would pass", "Ann Lee and Bob Marsh", "person", ""),
    ("The plan will fail, said Tom Reyes, director of the Rural Water Council.",
     "The plan will fail", "Tom Reyes", "person", ""),
    # the medium that quoted the speaker ends the sentence: no part of what he said
    ("Ortega said the mine would reopen, quoted by Chile's El Mercurio newspaper.",
     "the mine would reopen", "Ortega", "person", "El Mercurio"),
    # a state broadcaster described, not a person called Peruvian
    ("Peruvian state television said the road was cut.", "the road was cut", "Peruvian state television", "media", ""),
    ("The road was cut, Bolivia's state radio reported.", "The road was cut", "Bolivia's state radio", "media", ""),
])
def test_cited_sources(body, content, source, kind, via):
    rows = attribs(body + "\n\nAnother paragraph follows here.")
    assert [(a.content, a.source, a.source_kind, a.via) for a in rows] == [(content, source, kind, via)]


def test_a_noun_is_no_cue():
    assert attribs("The plan was a failure from the start.\n\nMore text.") == []


def test_that_inside_the_content_is_kept():
    rows = attribs("Ann Lee said he saw no evidence in the report that the mill was polluting.\n\nMore text.")
    assert [a.content for a in rows] == ["he saw no evidence in the report that the mill was polluting"]


@pytest.mark.parametrize("body, source", [
    ("People briefed on the talks say the deal is close.", "people briefed on the talks"),
    ("A person familiar with the planning says the meeting will focus on unity.", "a person familiar with the planning"),
])
def test_described_sources_with_modifiers(body, source):
    rows = attribs("First paragraph here.\n\n" + body + "\n\nMore text here.")
    assert [(a.source, a.source_kind) for a in rows] == [(source, "anonymous")]


@pytest.mark.parametrize("body, source", [
    ("The strikes, which Moscow says are aimed at militants, went on all week.", "Moscow"),
    ("The Kremlin said the strikes would go on.", "Kremlin"),
])
def test_governments_named_by_their_capital_are_sources(body, source):
    rows = attribs("First paragraph here.\n\n" + body + "\n\nMore text here.")
    assert [a.source for a in rows] == [source]


def test_via_is_named_alike_in_sources_and_attributions():
    from analysis.map.pipeline import analyse_article
    from analysis.map.attributions import find_attributions
    from analysis.records import Article

    r = analyse_article(Article("t", "t.txt", "A headline\n\nLavrov said the deal was final, quoted by "
                                "Russia's Tass news agency.\n\nAnother paragraph follows here."))
    assert [s.via for s in r.sources] == [a.via for a in find_attributions(r)] == ["TASS"]


@pytest.mark.parametrize("body, content, source, cue", [
    # a participle after "is/was": a finite verb, its subject before the auxiliary
    ("Mayor Ruth Okafor is telling residents that the dam will hold.", "the dam will hold", "Ruth Okafor", "telling"),
    ("The union was insisting the strike would go on.", "the strike would go on", "the union", "insisting"),
    # a participle after a sentence that opens with a quote: the source of the verb before it
    ("“We are ready,” Ivo Brandt said, adding that the trucks would leave at noon.",
     "the trucks would leave at noon", "Ivo Brandt", "adding"),
    ("“We are ready,” said Ivo Brandt, adding that the trucks would leave at noon.",
     "the trucks would leave at noon", "Ivo Brandt", "adding"),
    ("“We are ready,” Harbor Ferries said in a statement, adding that the boats would sail.",
     "the boats would sail", "Harbor Ferries", "adding"),
    # a document before the participle: who issued it
    ("Harbor Ferries issued a statement saying the boats would sail at noon.",
     "the boats would sail at noon", "Harbor Ferries", "saying"),
    # a reflexive pronoun before the cue
    ("Ivo Brandt himself said the trucks would leave at noon.", "the trucks would leave at noon", "Ivo Brandt", "said"),
])
def test_participles_and_progressives(body, content, source, cue):
    rows = [a for a in attribs(body) if a.kind != "direct"]
    assert [(a.content, a.source, a.cue) for a in rows] == [(content, source, cue)]


@pytest.mark.parametrize("body, source", [
    ("The complaint, which was filed in March, alleged that the mill polluted the river.", "the complaint"),
    ("The ad says the senator voted against the bridge.", "the ad"),
    ("The businessman said the factory would stay open.", "the businessman"),
])
def test_documents_and_descriptions_opening_a_sentence_are_sources(body, source):
    assert [a.source for a in attribs(body)] == [source]


def test_the_object_of_a_preposition_is_no_source():
    # "in Lisbon" before "and said" is no speaker: the sentence's subject is
    rows = attribs("Marta Silva spoke about the floods in Lisbon and said the city needed more pumps.")
    assert [(a.source, a.content) for a in rows] == [("Marta Silva", "the city needed more pumps")]


@pytest.mark.parametrize("body, want", [
    ("Eighteen states have abolished the death penalty.", []),  # the noun
    ("Four Western states asked the court to delay the rule.", []),
    ("The report states that the wells ran dry.", [("the wells ran dry", "the report", "states")]),
])
def test_states_is_a_cue_only_as_a_verb(body, want):
    assert [(a.content, a.source, a.cue) for a in attribs(body)] == want


@pytest.mark.parametrize("body, source", [
    # an adjective opening the sentence is no name when lower-case words follow it
    ("Early polls show voters in the area rejecting the plan.", "early polls"),
    ("Much of the party said the plan would fail.", "much of the party"),
    # a surname right before the cue stays a name
    ("Green said the plan would fail.", "Green"),
    ("Green also said the plan would fail.", "Green"),
])
def test_an_adjective_opening_the_sentence_is_no_name(body, source):
    from attribution_helpers import attribs

    assert [a.source for a in attribs(body) if a.kind == "indirect"] == [source]


@pytest.mark.parametrize("body, want", [
    # modifiers between the comma and the name belong to the source, not the content
    ("The record is nearly complete, singer Anthony Kiedis revealed.",
     [("The record is nearly complete", "Anthony Kiedis")]),
    ("The couple will campaign in Ohio, the nominee's campaign announced.",
     [("The couple will campaign in Ohio", "the nominee's campaign")]),
    ("Many donors no longer exist, campaign and corporate records show.",
     [("Many donors no longer exist", "campaign and corporate records")]),
    # a subject of people described, with no name in it
    ("Former prosecutors said investigators were feeling the pressure of time.",
     [("investigators were feeling the pressure of time", "Former prosecutors")]),
    ("Iowa biofuels advocates say they already have promises from the governor.",
     [("they already have promises from the governor", "Iowa biofuels advocates")]),
    ("Several senators said they were willing to let bygones be bygones.",
     [("they were willing to let bygones be bygones", "several senators")]),
    ("The social media company said on Friday that it had suspended the accounts.",
     [("it had suspended the accounts", "the social media company")]),
    # shares of people polled
    ("Fifty-nine percent said the deal was a mistake.", [("the deal was a mistake", "Fifty-nine percent")]),
    ("Nearly half said they prefer an outsider.", [("they prefer an outsider", "Nearly half")]),
    # things are no speakers ("cutbacks", "remarks"), nor a clause before the cue
    ("The cutbacks announced Friday affect rights holders.", []),
    ("The remarks added to the tense mood.", []),
    # two appositions, a party tag, a possessive role between subject and cue
    ("Nevada's governor, Brian Sandoval, a Republican, said Tuesday that he had voted early.",
     [("he had voted early", "Brian Sandoval")]),
    ("Rep. Chris Collins, R-NY, says the delegates outlined a plan.",
     [("the delegates outlined a plan", "Chris Collins")]),
    ("Rashad Robinson, Color of Change's executive director, said his group will keep pressing.",
     [("his group will keep pressing", "Rashad Robinson")]),
])
def test_described_sources_and_post_posed_cues(body, want):
    assert [(a.content, a.source) for a in attribs(body)] == want


@pytest.mark.parametrize("body, want", [
    ("About three in 10 said they prefer a more liberal agenda.", [("they prefer a more liberal agenda", "About three in 10")]),
    ("Those surveyed say the country should move to clean energy.",
     [("the country should move to clean energy", "those surveyed")]),
    ("Many in the crowd said the senator was the only candidate they trusted.",
     [("the senator was the only candidate they trusted", "many in the crowd")]),
    # an age, a long parenthesis, a relative clause, an auxiliary or adverb before the cue
    ("Marcel Lehel Lazar, 44, said that he hacked nearly 100 accounts.", [("he hacked nearly 100 accounts", "Marcel Lehel Lazar")]),
    ("Kasich (who has 25 delegates to date) said it is possible to win.", [("it is possible to win", "Kasich")]),
    ("Current and former officials who spoke with the paper said the group is a shell.",
     [("the group is a shell", "Current and former officials who spoke with the paper")]),
    ("Federal authorities haven’t said who is behind the attack.", [("who is behind the attack", "Federal authorities")]),
    ("Many of his rivals have forcefully condemned such an idea.", [("such an idea", "many of his rivals")]),
    # a passive or a reduced relative clause credits nobody
    ("Two attackers believed to have died were found.", []),
    ("Several top officials at the agency were asked to leave.", []),
    ("Administration officials point to other members who’ve publicly said they back it.", []),
])
def test_subjects_of_people_described(body, want):
    assert [(a.content, a.source) for a in attribs(body)] == want


@pytest.mark.parametrize("body, want", [
    # a coordinated clause with its own subject and cue is another attribution
    ("Forbes says it is big, while many analysts say it is small.",
     [("it is big", "Forbes"), ("it is small", "many analysts")]),
    ("Most voters said they were worried about the economy, and more than 4 in 10 said they were angry.",
     [("they were worried about the economy", "most voters"), ("they were angry", "more than 4 in 10")]),
    ("Marta Silva said the plan would fail and that voters knew it.",
     [("the plan would fail and that voters knew it", "Marta Silva")]),
    # a passive cue: the agent after "by" is the source; without one, nobody is
    ("Marco Rubio was asked by the debate moderator Gerard Baker whether his plan would work.",
     [("whether his plan would work", "Gerard Baker")]),
    ("The mayor was criticized by some of his rivals for failing to visit the flooded towns.",
     [("for failing to visit the flooded towns", "some of his rivals")]),
    ("Janet Yellen is widely expected to lay the groundwork for a rate hike.", []),
    # after "told" the noun phrase is the hearer: a quote before "X, a Democrat, told Mr. Lee" is X's
    ("“That was a good speech,” Representative Steve Cohen, a Democrat, told Mr. Lee.",
     [("That was a good speech,", "Steve Cohen")]),
    # speech participles after a comma, and dashes typed as "--" around an apposition
    ("Sen. Pat Toomey refused to entertain the idea, responding that his campaign was on track.",
     [("his campaign was on track", "Pat Toomey")]),
    ("John McCain -- who lost in 2008 -- said the plan was weak.", [("the plan was weak", "John McCain")]),
    # "X told Y, adding that ...": the participle's attribution, not one of "told" with "Y, adding" in it
    ("Newt Gingrich told reporters, adding that the plan was dead.", [("the plan was dead", "Newt Gingrich")]),
    # ... but "responding to", "conceding defeat" report no speech
    ("Mike Huckabee spoke out on Monday, responding to a story in the Washington Times.", []),
    ("David Vitter is conceding defeat and preparing for an exit from the Senate.", []),
    # compound adjectives set off by a comma are part of the source, and the name after them is it
    ("According to the UK-based, anti-Assad Syrian Observatory for Human Rights, the group seized six villages.",
     [("the group seized six villages", "Syrian Observatory for Human Rights")]),
])
def test_coordinated_and_passive_cues(body, want):
    assert [(a.content, a.source) for a in attribs(body)] == want
