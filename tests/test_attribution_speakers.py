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


def _fresh_ctx(text):
    from analysis.map.attribution.context import _Ctx

    from attribution_helpers import make_parsed

    return _Ctx(make_parsed(text), [])


def _counting(monkeypatch):
    """Count the speaker phrases classified anew (not answered from the memo)."""
    from analysis.map.attribution import speakers

    calls = []
    inner = speakers._classify_phrase

    def counted(*args):
        calls.append(args[1:3])
        return inner(*args)

    monkeypatch.setattr(speakers, "_classify_phrase", counted)
    return speakers, calls


def _answer(spk):
    return None if spk is None else (spk.name, spk.kind, spk.role, spk.s, spk.e, spk.ekind, spk.how)


def test_speaker_memo_answers_again_while_the_state_holds(monkeypatch):
    speakers, calls = _counting(monkeypatch)
    text = "Talks\n\nDefense Secretary Ann Lee spoke on Monday. She said the talks would go on."
    ctx = _fresh_ctx(text)
    s = text.index("Ann")
    first = speakers._classify(ctx, s, s + 7, "", s)
    k = text.index("She")
    pron = speakers._classify(ctx, k, k + 3, "", k)
    assert (first.name, pron.name, pron.how) == ("Ann Lee", "Ann Lee", "pronoun")
    n = len(calls)
    assert _answer(speakers._classify(ctx, k, k + 3, "", k)) == _answer(pron)
    assert _answer(speakers._classify(ctx, s, s + 7, "", s)) == _answer(first)
    assert len(calls) == n  # both from the memo
    # another argument (the position a pronoun looks back from) is another question
    speakers._classify(ctx, k, k + 3, "", k - 1)
    assert len(calls) == n + 1


def test_speaker_memo_asks_again_when_a_read_changed(monkeypatch):
    speakers, calls = _counting(monkeypatch)
    text = ("Talks\n\nGov. Rick Perry spoke first. Then the governor said the state was ready.")
    ctx = _fresh_ctx(text)
    s = text.index("Rick")
    speakers._classify(ctx, s, s + 10, "", s)
    g = text.index("the governor")
    desc = speakers._classify(ctx, g, g + 12, "", g)
    assert (desc.name, desc.how) == ("Rick Perry", "description")
    n = len(calls)
    # an unnamed governor seen since: "the governor" means that one now, so the phrase is
    # classified again (the memo's reads of anon_heads no longer hold)
    ctx.anon_heads.add("governor")
    again = speakers._classify(ctx, g, g + 12, "", g)
    assert len(calls) == n + 1
    assert again.kind == "anonymous" and again.name == "the governor"


def test_speaker_memo_replays_anonymous_speakers(monkeypatch):
    speakers, calls = _counting(monkeypatch)
    text = "Talks\n\nA rebel commander said the town had fallen."
    ctx = _fresh_ctx(text)
    s = text.index("A rebel")
    e = s + len("A rebel commander")
    one = speakers._classify(ctx, s, e, "", s)
    assert one.kind == "anonymous" and len(ctx.anon_at) == 1
    two = speakers._classify(ctx, s, e, "", s)
    assert _answer(two) == _answer(one) and len(calls) == 1
    # the answer from the memo appends to anon_at as the call itself does
    assert ctx.anon_at == [ctx.anon_at[0]] * 2


def test_speaker_memo_gives_the_answers_of_fresh_calls_on_the_corpus(monkeypatch):
    """On allsides articles: every answer from the memo equals that of the call it stands for
    (each call is also made anew here, with its changes to the state, as without the memo)."""
    from analysis.map.attribution import direct, indirect, sources, speakers
    from analysis.map.attribution.table import attribution_rows

    from analysis.map import mentions as found_mentions
    from analysis.map.pipeline import ArticleAnalysis, find_all_quotes

    from attribution_helpers import _allsides

    seen = {"hits": 0}
    memo_classify = speakers._classify

    def checked(ctx, s, e, extra="", pos=0):
        key = (s, e, extra, pos, ctx.after_quote)
        got = ctx.speaker_memo.get(key)
        if got is None or not got[1].still_holds(ctx):
            return memo_classify(ctx, s, e, extra, pos)
        n = len(ctx.anon_at)
        del ctx.speaker_memo[key]
        fresh = memo_classify(ctx, s, e, extra, pos)  # (made anew, so remembered again)
        assert _answer(fresh) == _answer(got[0]) and ctx.anon_at[n:] == got[1].anon
        seen["hits"] += 1
        return fresh

    for mod in (speakers, direct, sources, indirect):
        monkeypatch.setattr(mod, "_classify", checked)
    for parsed in _allsides(60):
        m = found_mentions.find_mentions(parsed)
        qs, scare = find_all_quotes(parsed, m)
        src = sources.find_sources(parsed, qs, m)
        attribution_rows(ArticleAnalysis(parsed, m, qs, scare, src, [], [], []))
    assert seen["hits"] > 20
