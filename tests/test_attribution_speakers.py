"""Tests of speaker phrases turned into speakers (analysis.map.attribution.speakers)."""
from __future__ import annotations

import pytest

from analysis.records import Mention

from attribution_helpers import quote_starting, run


def test_mentions_canonicalise_speaker():
    body = '“We stay,” said Mustafa.'
    text = "Headline here\n\n" + body
    k = text.index("Mustafa")
    m = Mention(k, k + 7, "Mustafa", "Captain Mustafa", "person", "gazetteer")
    _, q, _, _ = run(body, [m])
    assert q[0].speaker == "Captain Mustafa"


@pytest.mark.parametrize("text, speaker, role", [
    ("Talks\n\n“We will not accept this,” Foreign Ministry spokeswoman Maria Lopez said on Monday.\n",
     "Maria Lopez", "official"),
    ("Talks\n\n“Prices will rise,” said Central Bank economist Tom Reed.\n", "Tom Reed", "expert"),
])
def test_speaker_is_the_person_not_the_employer(text, speaker, role):
    from analysis.map.pipeline import analyse_article
    from analysis.records import Article

    r = analyse_article(Article("t", "t.txt", text))
    assert [q.speaker for q in r.quotes] == [speaker]
    assert r.quotes[0].speaker_role == role


@pytest.mark.parametrize("body, quote_start, speaker", [
    # lower-case role words before the name
    ("Critics replied on Sunday.\n\n“They must answer for this,” communications director Adrienne Watson wrote in an email.",
     "They must", "Adrienne Watson"),
    # an upper-case role word is no name; the apposition names the speaker
    ("Manufacturers objected.\n\n“The standard is over the top,” the association’s president and CEO, Jay Timmons, said.",
     "The standard", "Jay Timmons"),
    # "the governor of Texas" is a description of a person, not the place
    ("Rick Perry spoke in Iowa on Sunday about voter laws.\n\n“This is a state issue,” said the former Republican governor of Texas.",
     "This is", "Rick Perry"),
    # "X did this and said": the subject of the sentence
    ("The talks went on.\n\nMinister Sam Cole met the envoy in Paris and said the talks were a “big step for peace.”",
     "big step", "Sam Cole"),
    # an acronym before a title and a name: "EPA Administrator Gina McCarthy"
    ("EPA Administrator Gina McCarthy in June said prices would drop.\n\n“Not all carbon cuts cost money,” she said.",
     "Not all", "Gina McCarthy"),
])
def test_speaker_phrases(body, quote_start, speaker):
    assert quote_starting(body, quote_start).speaker == speaker


@pytest.mark.parametrize("body, speaker", [
    ("“We pay our taxes,” said a spokeswoman for Lakeside Hotels, Mia Chen.", "Mia Chen"),
    ("“It was his first try,” said his oldest friend at college, Tom Reyes, who knew him well.", "Tom Reyes"),
    ("“We pay our taxes,” said a spokesman for Senator Ann Lee, who declined to be named.",
     "a spokesman for Senator Ann Lee"),
])
def test_name_in_apposition_after_a_description_is_the_speaker(body, speaker):
    q = quote_starting("The first paragraph is here.\n\n" + body + "\n\nMore text.", body[1:5])
    assert q.speaker == speaker


LEAD = "A headline\n\nThe talks went on for hours on Monday in the capital.\n\n"


@pytest.mark.parametrize("body, speaker", [
    # a person's name in apposition after a description speaks, also after a possessive
    ("In a statement, her senior policy adviser, Jake Sullivan, said: “We value a strong partner.”", "Jake Sullivan"),
    ("The mayor’s press secretary, Ana Ruiz, said: “We are not worried about it at all.”", "Ana Ruiz"),
    ("A spokeswoman for the hotels, Mia Stone, said: “We welcome every guest.”", "Mia Stone"),
    # a party and state in parentheses between the name and the cue
    ("After the vote, Gov. Tom Baxter (R-OH), said, “We are ready for the next round.”", "Tom Baxter"),
    ("Sen. Lia Park (D-Vt.) said: “The bill is dead on arrival.”", "Lia Park"),
])
def test_speaker_named_before_the_cue(body, speaker):
    q = quote_starting(body, "", lead=LEAD)
    assert (q.speaker, q.speaker_kind) == (speaker, "named")


@pytest.mark.parametrize("body, speaker", [
    ("In the town, the spokesman, who works for the council, said: “We are ready.”", "the spokesman"),
    ("After the storm, the group, which has 40 members, said: “We are ready to help.”", "the group"),
])
def test_a_description_without_a_name_stays_a_description(body, speaker):
    q = quote_starting(body, "", lead=LEAD)
    assert q.speaker != "" and q.speaker_kind in ("anonymous", "unattributed", "named")
    assert "council" not in (q.speaker or "") and "members" not in (q.speaker or "")


def test_a_name_after_a_non_person_mention_is_the_speaker():
    from analysis.records import Mention

    body = "Pentagon spokesman Tom Baxter said: “We are ready for this.”"
    at = len("Headline here\n\n")
    text, q, _, _ = run(body, [Mention(at, at + 8, "Pentagon", "Pentagon", "organisation", "gazetteer")])
    assert [(x.speaker, x.speaker_role) for x in q] == [("Tom Baxter", "official")]


def test_an_owner_mention_before_a_name_is_kept_whole():
    from analysis.records import Mention

    body = "The rebel commander tells Valley Post’s Ann Lee: “We are ready for this.”"
    at = len("Headline here\n\n") + body.index("Valley")
    _, q, _, src = run(body, [Mention(at, at + 11, "Valley Post", "Valley Post", "media", "gazetteer")])
    assert not any("’s" in (x.speaker or "") for x in q) and not any("’s" in s.source for s in src)


@pytest.mark.parametrize("body, quote_start, speaker, kind", [
    # capitalised plurals of parties, creeds and nations are groups of people, never one person
    ("The vote failed.\n\nRepublicans said: “We will try again next year.”", "We will", "Republicans", "anonymous"),
    ("The vote failed.\n\n“We will try again,” House Democrats said.", "We will", "House Democrats", "anonymous"),
    # a plural head capitalised only because it opens the sentence
    ("The storm passed.\n\nOfficials said: “The roads are open again.”", "The roads", "officials", "anonymous"),
    # a plural head after a place or a person: people described, not the place named
    ("The polls closed.\n\n“It was a long day,” Virginia voters said.", "It was", "Virginia voters", "anonymous"),
    # a one-word name written with "the" is an organisation or a medium, unless it is a title
    ("The synod met.\n\n“The rule is new,” the Vatican said.", "The rule", "Vatican", "named"),
    ("The synod met.\n\n“The rule is new,” the Pope said.", "The rule", "Pope", "named"),
    # the words that open a colon introduction are not all names
    ("The race is close.\n\nSaid a third Iowa Republican: “He is about to lose his place.”",
     "He is", "a third Iowa Republican", "anonymous"),
    ("The race is close.\n\nOr: “The only thing worse than second is first.”", "The only", None, "unattributed"),
    ("The race is close.\n\nSimilarly: “The only thing worse than second is first.”", "The only", None, "unattributed"),
    # a noun or a modal that opens the sentence may still be a surname
    ("The race is close.\n\nRice said: “The only thing worse than second is first.”", "The only", "Rice", "named"),
])
def test_groups_and_words_that_name_nobody(body, quote_start, speaker, kind):
    q = quote_starting(body, quote_start)
    assert (q.speaker, q.speaker_kind) == (speaker, kind)


@pytest.mark.parametrize("body, source, source_kind", [
    ("The Vatican announced that the rule was new.", "Vatican", "organisation"),
    ("The Times reported that the rule was new.", "Times", "media"),
    # a name made only of common words, no given name among them, is no person's
    ("West Point said that the rule was new.", "West Point", "organisation"),
    ("Al Gore said that the rule was new.", "Al Gore", "person"),
    ("The Prime Minister said that the rule was new.", "Prime Minister", "person"),
    ("The Clintons said that the rule was new.", "Clintons", "person"),
])
def test_source_kind_of_a_name(body, source, source_kind):
    from attribution_helpers import attribs

    rows = attribs(body)
    assert [(a.source, a.source_kind) for a in rows] == [(source, source_kind)]


@pytest.mark.parametrize("label, speaker", [
    ("UPDATE", None), ("ANALYSIS", None),
    ("NATO", "NATO"),  # an acronym, no common word
])
def test_a_label_in_capitals_is_no_speaker(label, speaker):
    q = quote_starting(f"The talks went on.\n\n{label}: “The talks will go on into the night.”", "The talks will")
    assert q.speaker == speaker
