"""Tests of pronouns and descriptions resolved (analysis.map.attribution.coref)."""
from __future__ import annotations

import pytest

from analysis.records import Article

from attribution_helpers import quote_starting, run


def test_pronoun_she_sighed_after_period():
    body = 'Officer Dana Kim waited. “We asked for help many times.” she sighed. “Nothing came.”'
    _, q, _, _ = run(body)
    assert q[0].speaker == "Dana Kim" and q[0].how == "pronoun" and q[0].cue == "sighed"
    assert q[1].speaker == "Dana Kim"


@pytest.mark.parametrize("body, quote_start, speaker, kind, how", [
    # gender: "she" is not the man named last
    ("Mary Walsh met John Brown on Monday in Leeds.\n\n“It went well,” she said.",
     "It went", "Mary Walsh", "named", "pronoun"),
    ("Mary Walsh met John Brown on Monday in Leeds.\n\n“It went well,” he said.",
     "It went", "John Brown", "named", "pronoun"),
    # a name inside the quote is not the speaker
    ("Senator Tom Reed spoke after the vote on Monday.\n\n“Nobody should blame Frank Ortiz for this,” he said.",
     "Nobody", "Tom Reed", "named", "pronoun"),
    # the subject of the sentence before, not the last name in it
    ("Governor Ann Lee criticised Senator Ruth Park on Monday.\n\n“It was a mistake,” she said.",
     "It was", "Ann Lee", "named", "pronoun"),
    # "He said that ... X": the pronoun's own antecedent, not X
    ("Tom Reed spoke first at the hearing. He said that Bill Stone was wrong about the budget.\n\n"
     "“It is a mistake,” he said.", "It is", "Tom Reed", "named", "pronoun"),
    # an adverb between pronoun and cue
    ("Tom Reed spoke first at the hearing in Albany.\n\nHe later added, “We will vote against it.”",
     "We will", "Tom Reed", "named", "pronoun"),
    # an anonymous speaker is the antecedent of "he"
    ("The town fell on Monday.\n\n“We will hold the line,” said one rebel commander. “We have no choice,” he added.",
     "We have", "one rebel commander", "anonymous", "pronoun"),
    # a definite description points back to the person named before
    ("Jeb Bush spoke in Miami on Tuesday about taxes.\n\n“We will cut them,” the former Florida governor said.",
     "We will", "Jeb Bush", "named", "description"),
    # ... unless an unnamed person of that kind was introduced ("A senior official ...")
    ("A senior official, who asked not to be named, criticised Tom Reed on Monday.\n\n"
     "“It was a mistake,” the official said.", "It was", "the official", "anonymous", "after"),
    # a party-and-state tag is no sentence end
    ("The vote failed.\n\n“There is no such deal,” Rep. Steve Scalise (R-La.) said on Sunday.",
     "There is", "Steve Scalise", "named", "after"),
    # the previous paragraph ends with the cue and a comma
    ("Benefits have shifted over the years.\n\nAs The New York Times reported in 2012,\n\n"
     "“The safety net was created to keep Americans from poverty.”",
     "The safety", "The New York Times", "named", "before"),
    # a long apposition with commas of its own
    ("Families are changing.\n\nAs Phil Zuckerman, professor of sociology at Pitzer College in Claremont, "
     "Calif., wrote in an op-ed:\n\n“Secular households provide a sound foundation for children.”",
     "Secular", "Phil Zuckerman", "named", "before"),
])
def test_speaker_resolved_from_context(body, quote_start, speaker, kind, how):
    q = quote_starting(body, quote_start, lead="A headline about the vote\n\n")
    assert (q.speaker, q.speaker_kind, q.how) == (speaker, kind, how)


def test_media_description_points_back_to_the_medium():
    q = quote_starting("The New York Times reports that workers were called in.\n\n“About 250 employees were "
                       "told in late October that they would be laid off,” according to the paper.", "About 250",
                       lead="Layoffs at the park\n\n")
    assert (q.speaker, q.speaker_role, q.how) == ("The New York Times", "media", "description")


@pytest.mark.parametrize("body, speaker", [
    ("The Department of Homeland Security said in a statement that data had been compromised.\n\n"
     "“The FBI is conducting an investigation,” the statement said.", "Department of Homeland Security"),
    ("Hackers stole the data.\n\n“The FBI is conducting an investigation,” the statement said.", "the statement"),
])
def test_statement_points_back_to_its_author(body, speaker):
    assert quote_starting(body, "The FBI").speaker.endswith(speaker)


@pytest.mark.parametrize("body, quote_start, speaker", [
    # the person named with the title is preferred for "the president", even if named earlier
    ("President Barack Obama spoke at the U.N. on Monday. Obama also had harsh words for Vladimir Putin.\n\n"
     "“We cannot stand by,” the president said.", "We cannot", "Barack Obama"),
    # the topic of the quote's own sentence is not its speaker
    ("At the White House, Josh Earnest was asked about the new secretary.\n\n"
     "Ashton Carter is “a strong believer in the chain of command,” the press spokesman said.",
     "a strong", "Josh Earnest"),
    # a pronoun after a sentence whose subject is a description means whom it describes, not a
    # person named later in that sentence
    ("Marco Rubio spoke in Miami on Tuesday.\n\nThe senator sought to calm his supporters, a swipe at "
     "the disturbances at Donald Trump’s rallies. “We will pray for him,” he said.", "We will pray", "Marco Rubio"),
    # ... but a description with a name in apposition is that name
    ("Jane Roe met the envoy on Monday.\n\nThe minister of the Emirates, Sheikh Abdullah bin Zayed, also "
     "condemned the killing. “It is an ugly crime,” he said.", "It is an ugly", "Abdullah bin Zayed"),
    # a description whose only name is a place stays a description
    ("The hearing ended.\n\nThe Benghazi committee, in a statement, said it denies the claims.\n\n"
     "“The employee was terminated,” the statement said.", "The employee", "the statement"),
])
def test_descriptions_resolve_to_the_right_referent(body, quote_start, speaker):
    assert quote_starting(body, quote_start).speaker == speaker


@pytest.mark.parametrize("body, quote_start, speaker", [
    # "they" is a group named before, never the last person
    ("John Smith met the committee on Monday. The Natural Resources Committee rejected the plan.\n\n"
     "“It cannot work,” they said.", "It cannot", "Natural Resources Committee"),
    ("John Smith left early.\n\n“We are worried,” two officials said on Monday. “It cannot work,” they added.",
     "It cannot", "two officials"),
    ("John Smith left early.\n\n“It cannot work,” they said.", "It cannot", None),
])
def test_they_means_a_group(body, quote_start, speaker):
    assert quote_starting(body, quote_start).speaker == speaker


def test_a_leading_subordinate_clause_is_not_the_subject():
    from analysis.map.pipeline import analyse_article
    text = ("A headline\n\nThe debate went on. But when Carl Quintanilla tried to follow up, the crowd booed "
            "and Ben Carson took the out: “See,” he said, “they know.”")
    a = analyse_article(Article("w", "w.txt", text))
    assert {q.speaker for q in a.quotes} == {"Ben Carson"}


@pytest.mark.parametrize("body, start, speaker", [
    # the subject of the last reporting verb, not the first name of its sentence
    ("Since the Lake Erie floods, Dana Cole says, the town has changed. "
     "“We rebuilt every house on the shore,” she said.\n\nMore text.", "We rebuilt", "Dana Cole"),
    # a subjectless opening clause: the pronoun is the subject, its person is named before
    ("Mara Lind spoke first.\n\nAsked about Tom Reyes and the vote, she replied: “We will see what happens.”"
     "\n\nMore text.", "We will see", "Mara Lind"),
])
def test_pronoun_prefers_the_subject_of_a_reporting_clause(body, start, speaker):
    q = quote_starting(body, start)
    assert q.speaker == speaker and q.how == "pronoun"


@pytest.mark.parametrize("body, speaker", [
    # a sentence that opens with the surname of someone named in full before: its subject,
    # although it names another person after it
    ("President Felipe Calderon spoke in Madrid.\n\nDonald Trump was not there.\n\n"
     "Calderon regretted that voters gave President Donald Trump a shot. “It is incredible,” he said.", "Felipe Calderon"),
    ("Senator Ann Lee met Mary Ross on Monday.\n\nLee, however, said little about Ross. “We disagree,” she said.",
     "Ann Lee"),
])
def test_a_sentence_opening_with_a_known_surname_is_its_subject(body, speaker):
    _, quotes, _, _ = run(body)  # no mentions: the surname alone is known from the full name only
    assert [q.speaker for q in quotes] == [speaker]


@pytest.mark.parametrize("body, speaker", [
    # a surname never given in full opens the sentence before, then a past-tense verb
    ("Mayor Tom Baxter spoke first.\n\nQuimby defied the question. “I will predict the winner,” he said.", "Quimby"),
    # ... and one given in full later is that person
    ("Mayor Tom Baxter spoke first.\n\nQuimby defied the question. “I will predict the winner,” he said.\n\n"
     "Zoltar Quimby is a senator.", "Zoltar Quimby"),
    # a common word is no surname ("Early" is a lexicon word)
    ("Mayor Tom Baxter spoke first.\n\nEarly described it as news. “I will predict the winner,” he said.", "Tom Baxter"),
])
def test_a_sentence_opening_with_an_unknown_surname_and_a_verb_is_its_subject(body, speaker):
    _, quotes, _, _ = run(body)
    assert quotes[0].speaker == speaker


@pytest.mark.parametrize("body, speaker", [
    ("Ann Lee spoke on Monday night in Cleveland.\n\n“He is an amazing leader,” said the 46-year-old.", "Ann Lee"),
    ("Mayor Tom Baxter toured the site.\n\n“We will rebuild,” the 61-year-old said.", "Tom Baxter"),
])
def test_an_age_as_a_description_points_back_to_the_person(body, speaker):
    q = quote_starting(body, "")
    assert (q.speaker, q.how) == (speaker, "description")


@pytest.mark.parametrize("body, source", [
    # "the group" is the organisation named just before
    ("The Delta Water Institute released its figures. The group said 40 wells had run dry.", "Delta Water Institute"),
    # "the ministry" needs a name that holds the head
    ("The Portuguese Interior Ministry released its figures. The ministry said 40 wells had run dry.",
     "Portuguese Interior Ministry"),
    ("The Delta Water Institute released its figures. The ministry said 40 wells had run dry.", "the ministry"),
    # a state body is no "group"
    ("The White House released its figures. The group said 40 wells had run dry.", "the group"),
    # a group introduced without a name stays a description
    ("A little-known group posted a video. The group said it carried out the attack.", "the group"),
])
def test_the_group_points_back_to_the_organisation(body, source):
    from attribution_helpers import attribs

    assert [a.source for a in attribs(body) if a.kind != "direct"][-1:] == [source]


@pytest.mark.parametrize("body, speaker", [
    # an organisation named before
    ("The Delta Water Institute rejected the claim on Monday.\n\n“These figures are simply wrong,” it said.",
     "Delta Water Institute"),
    # a document written about, under its author when one is named
    ("The Delta Water Institute issued a statement on Monday.\n\n“These figures are simply wrong,” it said.",
     "Delta Water Institute"),
    ("A letter reached the council on Monday.\n\n“These figures are simply wrong,” it said.", "the letter"),
    ("On one corner is a small sign with two flags.\n\n“These figures are simply wrong,” it reads.",
     "the small sign"),
    # the first one of the sentence, its likeliest subject
    ("The staff memo criticised the Delta Water Institute.\n\n“These figures are simply wrong,” it said.",
     "the staff memo"),
    # a sentence whose subject is "it" hands over to the one before
    ("The Delta Water Institute issued figures. It reported that the Farm Bureau had lost wells.\n\n"
     "“These figures are simply wrong,” it said.", "Delta Water Institute"),
    # "the U.S.-backed coalition" is no United States; "the Justice Department" is the name
    ("The U.S.-backed coalition announced the raid.\n\n“These figures are simply wrong,” it said.",
     "the U.S.-backed coalition"),
    # nothing it could mean: no speaker (never a person, never a place)
    ("John Smith walked through Boston on Monday.\n\n“These figures are simply wrong,” it said.", None),
])
def test_it_means_an_organisation_or_a_document(body, speaker):
    lead = "Water dispute\n\n"
    q = quote_starting(body, "These figures", lead=lead)
    assert q.speaker == speaker
    if speaker:
        assert q.how == "pronoun" and (lead + body)[q.speaker_start:q.speaker_end] == "it"


def test_a_long_chain_of_pronoun_sentences_keeps_its_referent():
    # seven sentences of "she" back to Ann Lee; Mary Clinton, named on the way, is no subject
    body = ("“We will win this,” Ann Lee, 69, told reporters on Monday.\n\n"
            "“Nobody expected it,” she said. “But it came.”\n\n"
            "Asked about the vote, she replied: “I don’t know yet.”\n\n"
            "“Really,” she added.\n\n"
            "She said she was tired of the status quo.\n\n"
            "She appeared to imply that the plan could work better than Mary Clinton's.\n\n"
            "“Some people feel it will bring change at once,” she said.")
    assert quote_starting(body, "Some people").speaker == "Ann Lee"


def test_a_surname_two_people_of_different_gender_share_gives_no_gender():
    from analysis.map.attribution.context import _context
    from attribution_helpers import make_parsed

    text = "Headline\n\nPresident Bill Clinton spoke. Senator Hillary Clinton spoke. Then Clinton left."
    ctx = _context(make_parsed(text), [])
    assert ctx.gender("Clinton", text.rindex("Clinton")) == ""
    assert ctx.gender("Hillary Clinton", text.index("Hillary")) == "female"
