"""Tests for analysis.map.parse: headline, metadata, boilerplate, paragraphs, sentences."""
from __future__ import annotations

import json
import random
import re

import pytest

from analysis.map import parse
from analysis.config import ALLSIDES_DIR, DATA_DIR, SEEDS_DIR
from analysis.map.parse import clean_byline, normalise_date, parse_article, split_sentences
from analysis.records import Article


def art(text, **meta):
    return Article("t", "t.txt", text, **meta)


def check_offsets(p):
    """Every span points into the text exactly; sentences are trimmed and non-empty."""
    text = p.article.text
    if p.headline is not None:
        assert text[p.headline.start:p.headline.end] == p.headline.text
    for sp in p.paragraphs:
        assert text[sp.start:sp.end] == sp.text and sp.text == sp.text.strip() and sp.text
    for b in p.boilerplate:
        assert text[b.start:b.end] == b.text
    for i, s in enumerate(p.sentences):
        assert s.sentence_id == i
        assert text[s.start:s.end] == s.text
        assert s.text and s.text == s.text.strip()
        para = p.paragraphs[s.paragraph_id]
        assert para.start <= s.start and s.end <= para.end


# --------------------------------------------------------------------------- sentences

SPLIT_CASES = [
    ("One. Two.", ["One.", "Two."]),
    ("The U.S. Army moved in. It was late.", ["The U.S. Army moved in.", "It was late."]),
    ("They fled to the U.S. The army followed.", ["They fled to the U.S.", "The army followed."]),
    ("Gen. Ali and Col. Bakr met Lt. Sgt. Omar.", ["Gen. Ali and Col. Bakr met Lt. Sgt. Omar."]),
    ("Mr. and Mrs. Jones met Dr. Lee in St. Louis.", ["Mr. and Mrs. Jones met Dr. Lee in St. Louis."]),
    ("On Oct. 9 and Sept. 30 it rained. Then Jan. 2 came.", ["On Oct. 9 and Sept. 30 it rained.", "Then Jan. 2 came."]),
    ("J. R. Smith of Acme Inc. spoke. He left.", ["J. R. Smith of Acme Inc. spoke.", "He left."]),
    ("It rose 2.5 percent to 3.75. Prices fell.", ["It rose 2.5 percent to 3.75.", "Prices fell."]),
    ("Use tools, e.g. hammers, i.e. basics. Fine.", ["Use tools, e.g. hammers, i.e. basics.", "Fine."]),
    ("He won No. 3 in the vote. The answer is no. We left.",
     ["He won No. 3 in the vote.", "The answer is no.", "We left."]),
    ("It began at 9 a.m. and ended at 5 p.m. The crowd left.",
     ["It began at 9 a.m. and ended at 5 p.m.", "The crowd left."]),
    ("“Why?” he asked. “Because,” she said.", ["“Why?” he asked.", "“Because,” she said."]),
    ("“We will win,” he said. “They will lose.”", ["“We will win,” he said.", "“They will lose.”"]),
    ("He called it the end of the war.” The next day came.",
     ["He called it the end of the war.”", "The next day came."]),
    ('He said "stop!" and ran. "Now!" Then quiet.', ['He said "stop!" and ran.', '"Now!"', "Then quiet."]),
    ("Wait... what happened? Nobody knew! Really.", ["Wait... what happened?", "Nobody knew!", "Really."]),
    ("It was over… The end.", ["It was over…", "The end."]),
    ("Troops (about 500 of them.) Arrived later.", ["Troops (about 500 of them.)", "Arrived later."]),
    ("Q: Who are you? A: A fighter.", ["Q: Who are you?", "A: A fighter."]),
    ("Q. What happened? A. We fled.", ["Q. What happened?", "A. We fled."]),
    ("The U.N. and U.K. agreed. Vs. last year, fewer died.", ["The U.N. and U.K. agreed.", "Vs. last year, fewer died."]),
    ("Sen. John Smith Jr. voted. Rep. Ann Lee did not.", ["Sen. John Smith Jr. voted.", "Rep. Ann Lee did not."]),
    ("He said it was right.\"This move is wrong,\" she said.",
     ["He said it was right.\"", "This move is wrong,\" she said."]),
    ("No terminal punctuation here", ["No terminal punctuation here"]),
    ("  padded sentence.  ", ["padded sentence."]),
    ("", []),
]


@pytest.mark.parametrize("text,expected", SPLIT_CASES)
def test_split_sentences(text, expected):
    spans = split_sentences(text)
    assert [s.text for s in spans] == expected
    for s in spans:
        assert text[s.start:s.end] == s.text


def test_split_sentences_offsets_with_range():
    text = "HEAD\nFirst one. Second one.\nTAIL"
    spans = split_sentences(text, start=5, end=27)
    assert [s.text for s in spans] == ["First one.", "Second one."]
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_abbreviation_lists_are_constants():
    for name in ("NO_SPLIT_ABBREVS", "MAY_END_ABBREVS", "NUMBER_ABBREVS", "SENTENCE_STARTERS"):
        assert getattr(parse, name)
    assert "u.s." in parse.MAY_END_ABBREVS and "gen." in parse.NO_SPLIT_ABBREVS


# --------------------------------------------------------------------------- dates, bylines

@pytest.mark.parametrize("value,iso", [
    ("2015-10-09", "2015-10-09"),
    ("2015-10-09T14:03:00Z", "2015-10-09"),
    ("October 9, 2015", "2015-10-09"),
    ("Oct. 9, 2015", "2015-10-09"),
    ("Sept. 30, 2015", "2015-09-30"),
    ("13 October 2015", "2015-10-13"),
    ("Tue, 13 Oct 2015 08:00:00 GMT", "2015-10-13"),
    ("10/09/2015", "2015-10-09"),
    ("25/10/2015", "2015-10-25"),
    ("2015/10/09", "2015-10-09"),
    ("20151009", "2015-10-09"),
    (1444348800, "2015-10-09"),
    ("February 30, 2015", None),
    ("yesterday", None),
    ("", None),
    (None, None),
])
def test_normalise_date(value, iso):
    assert normalise_date(value) == iso


@pytest.mark.parametrize("raw,name", [
    ("By Jane Doe", "Jane Doe"),
    ("BY JANE DOE | March 3, 2015 |", "Jane Doe"),
    ("By Jane Doe jdoe@example.com @janedoe", "Jane Doe"),
    ("JOHN O'NEIL", "John O'Neil"),
    ("Jane McDonald and Bob Ray", "Jane McDonald and Bob Ray"),
    ("@handle", None),
])
def test_clean_byline(raw, name):
    assert clean_byline(raw) == name


# --------------------------------------------------------------------------- headline & header

HEADER_CASES = [
    # (text, metadata, headline, boilerplate kinds before the body, first body sentence)
    ("World\n\nRebels Take Hill Town\n\nRebels took the town on Monday.", {},
     "Rebels Take Hill Town", ["section"], "Rebels took the town on Monday."),
    ("Politics\n  • Print Friendly, PDF & Email\n  • Send to Kindle\n\nVote Delayed Again\n\nThe vote was delayed.",
     {}, "Vote Delayed Again", ["section", "share", "share"], "The vote was delayed."),
    ("3 min read\n\nFloods Hit Coast\n\nHeavy rain fell [...]\n\n\n2 March 2016\n\nHeavy rain fell for days.",
     {}, "Floods Hit Coast", ["read_time", "teaser", "date"], "Heavy rain fell for days."),
    ("Here is what my favourite paper had to say about the floods this week:\nFloods Hit Coast\nBY\n"
     "MARY LOU | March 2, 2016 |\nmlou@example.org |\n@marylou\nHeavy rain fell for days.",
     {}, "Floods Hit Coast", ["intro", "byline", "byline", "contact", "contact"], "Heavy rain fell for days."),
    ("Storm Nears Florida\n\nA hurricane seen from space AP\n\nThe storm grew.", {},
     "Storm Nears Florida", ["photo_credit"], "The storm grew."),
    ("Storm Nears Florida\n\nBy Ann Smith\nOct. 2, 2015\n\nThe storm grew.", {},
     "Storm Nears Florida", ["byline", "date"], "The storm grew."),
    # stated title located in the text (quote/whitespace-normalised)
    ("Junk line\n\n‘Historic’ deal  reached\n\nThe deal was signed.", {"title": "'Historic' deal reached"},
     "‘Historic’ deal  reached", ["section"], "The deal was signed."),
    # stated title not in the text: headline_text is the stated title, no span
    ("The deal was signed. Everyone cheered.", {"title": "Deal Signed"},
     "Deal Signed", [], "The deal was signed."),
]


@pytest.mark.parametrize("text,meta,headline,kinds,first", HEADER_CASES)
def test_header(text, meta, headline, kinds, first):
    p = parse_article(art(text, **meta))
    check_offsets(p)
    assert p.headline_text == headline
    if headline in text:
        assert p.headline is not None and p.headline.text == headline
    assert [b.kind for b in p.boilerplate if b.end <= p.body_start] == kinds
    assert p.sentences[0].text == first


def test_header_metadata_and_dates():
    text = "Storm Nears Florida\n\nBY\nANN SMITH | October 9, 2015 |\n\nOn October 1, 2014 the storm grew."
    p = parse_article(art(text))
    assert p.byline == "Ann Smith" and p.published == "2015-10-09"
    # a date inside a body sentence is not the publication date
    p = parse_article(art("Storm Nears Florida\n\nOn October 1, 2014 the storm grew."))
    assert p.published is None
    # metadata wins and is normalised
    p = parse_article(art(text, byline="by bob ray", published="Fri, 02 Jan 2015", outlet="Daily Planet"))
    assert (p.byline, p.published, p.outlet, p.outlet_evidence) == ("bob ray", "2015-01-02", "Daily Planet", "metadata")


def test_headline_is_not_a_share_line():
    p = parse_article(art("Share this article!\nFacebooktwittermail\n\nTalks Collapse\n\nTalks collapsed."))
    assert p.headline.text == "Talks Collapse"


# --------------------------------------------------------------------------- outlet inference

OUTLET_CASES = [
    ("Talks Collapse\n\nThe Guardian reports: Talks collapsed on Monday. More later.",
     "The Guardian", "credit line"),
    ("BEIRUT (Reuters) - Talks collapsed on Monday.", "Reuters", "dateline"),
    ("WASHINGTON (AP) — Talks collapsed.", "Associated Press", "dateline"),
    ("Talks collapsed, Reuters reported today. Nobody knows why.", None, ""),
    ("Talks collapsed.\n\nJohn Roe is a senior editor for The Long War Journal.", "The Long War Journal", "author bio"),
    ("“We left,” a fighter tells Syria Direct’s Ann Lee.\n\nThen they fled.", "Syria Direct", "interview credit"),
    ("Talks collapsed.\n\nThis article originally appeared in The Washington Post.", "The Washington Post",
     "republication note"),
    ("Talks collapsed.\n\nCopyright © 2015 The Washington Times, LLC.", "The Washington Times", "copyright line"),
    ("Talks collapsed on Monday. Officials said nothing.", None, ""),
]


@pytest.mark.parametrize("text,outlet,evidence", OUTLET_CASES)
def test_outlet_inference(text, outlet, evidence):
    p = parse_article(art(text))
    check_offsets(p)
    assert p.outlet == outlet
    assert p.outlet_evidence.startswith(evidence)


def test_credit_line_cut_from_body():
    p = parse_article(art("Talks Collapse\n\nThe Guardian reports: Talks collapsed. More later."))
    assert p.paragraphs[0].text == "Talks collapsed. More later."
    assert p.outlet_evidence == "credit line 'The Guardian reports:'"
    assert any(b.kind == "credit" and b.text == "The Guardian reports:" for b in p.boilerplate)


def test_outlets_csv_format():
    rows = (DATA_DIR / "outlets.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "outlet,aliases,domain"
    assert len(rows) > 61
    for r in rows[1:]:
        outlet, aliases, domain = r.split(",")
        assert outlet and aliases and "." in domain
    assert parse.outlet_name("Associated Press") == "Associated Press"
    assert parse.outlet_name("AFP") == "Agence France-Presse"


# --------------------------------------------------------------------------- body, paragraphs, boilerplate

BODY_CASES = [
    # (text, paragraphs, boilerplate kinds in the body/footer)
    ("Rebels Gain\n\nFirst para here.\n\nSecond para. [Continue reading…]\n\nFacebooktwittermail",
     ["First para here.", "Second para."], ["continue", "share"]),
    # single newlines between paragraphs
    ("Rebels Gain\nFirst para here.\nSecond para here.\nThird one.",
     ["First para here.", "Second para here.", "Third one."], []),
    # a line break inside a sentence: lowercase continuation
    ("Rebels Gain\n“We will win,” spokesman John Smith\nsaid earlier this week. Then more.",
     ["“We will win,” spokesman John Smith\nsaid earlier this week. Then more."], []),
    # a line ending with a function word continues on the next line
    ("Rebels Gain\nA translation obtained by\nThe Daily Bugle. He points out more.",
     ["A translation obtained by\nThe Daily Bugle. He points out more."], []),
    # open bracket and trailing comma continue
    ("Rebels Gain\nThe alliance formed. [See\nour report,\nAllies form coalition.] It grew.",
     ["The alliance formed. [See\nour report,\nAllies form coalition.] It grew."], []),
    # short title-like subhead is not merged with the next paragraph
    ("Rebels Gain\nThe rebels gained.\nWhat Comes Next\nNobody knows.",
     ["The rebels gained.", "What Comes Next", "Nobody knows."], []),
    ("Rebels Gain\n\nThe rebels gained.\n\nAdvertisement\n\nStory Continued Below\n\nMore fighting.\n\n"
     "[Photo: Ann Lee / Getty ]\n\n• Bob Ray contributed to this report.\n\nSign up for Daily Newsletters\n\n"
     "Copyright © 2015 Daily Planet.",
     ["The rebels gained.", "More fighting."],
     ["advert", "continue", "photo_credit", "credit", "newsletter", "copyright"]),
    ("Rebels Gain\n\nEnlarge this image toggle caption Ann Lee/AP Ann Lee/AP\n\nThe rebels gained.\n\n"
     "Follow Ann on Twitter @annlee\n\nShare on Facebook",
     ["The rebels gained."], ["photo_credit", "contact", "share"]),
    # audio and video player widgets (texts written for these tests)
    ("Rebels Gain\n\nThe rebels gained.\n\nFloods Hit The Valley Floods Hit The Valley Listen · 4:30 4:30\n\n"
     "More fighting.",
     ["The rebels gained.", "More fighting."], ["player"]),
    ("Rebels Gain\n\nThe rebels gained.\nMayor Speaks Listen · 12:05\nMore fighting.",
     ["The rebels gained.", "More fighting."], ["player"]),
    ("Rebels Gain\n\nJUST WATCHED Mayor on the floods Replay More Videos ...\n\n"
     "MUST WATCH Mayor on the floods 02:41\n\nThe rebels gained.",
     ["The rebels gained."], ["player", "player"]),
    ("Rebels Gain\n\nCLOSE The mayor spoke after the flood. Video provided by Newsy Newsy\n\n"
     "The rebels gained.\n\nPlay video\n\nWatch the full interview\n\n03:56\n\nMore fighting.",
     ["The rebels gained.", "More fighting."], ["player", "player", "player", "player"]),
    # a live blog's entry stamps and a labelled advert slot are no text (a quote after them is
    # not credited to "ET" or "Advertisement")
    ("Pope Speaks\n\nThe pope spoke.\n\nUpdated at 10:53 a.m. ET:\n\n“Peace matters.”\n\nAdvertisement:\n\n"
     "Posted 9:05 PM EST\n\nUpdated at noon, the police said more.",
     ["The pope spoke.", "“Peace matters.”", "Updated at noon, the police said more."],
     ["timestamp", "advert", "timestamp"]),
    # a sentence that only talks about a video stays
    ("Rebels Gain\n\nWe watched the video twice.\n\nI must watch it again, she said.",
     ["We watched the video twice.", "I must watch it again, she said."], []),
]


@pytest.mark.parametrize("text,paras,kinds", BODY_CASES)
def test_body(text, paras, kinds):
    p = parse_article(art(text))
    check_offsets(p)
    assert [x.text for x in p.paragraphs] == paras
    assert [b.kind for b in p.boilerplate] == kinds
    assert p.body_start == p.paragraphs[0].start and p.body_end == p.paragraphs[-1].end


def test_sentence_inside_line_break_keeps_newline():
    p = parse_article(art("Rebels Gain\n“We won,” said John Smith\nsaid later. Next one."))
    assert p.sentences[0].text == "“We won,” said John Smith\nsaid later."


def test_empty_and_blank_articles():
    for t in ("", "   \n\n  ", "Only A Title"):
        p = parse_article(art(t))
        check_offsets(p)
        assert p.sentences == [] or t == "Only A Title"


def test_q_and_a_lines_are_paragraphs():
    p = parse_article(art("Fighters Speak\n\nQ: Why did you leave?\n\nWe had no choice. It was bad.\n\nQ: And now?"))
    assert [x.text for x in p.paragraphs] == ["Q: Why did you leave?", "We had no choice. It was bad.", "Q: And now?"]


# --------------------------------------------------------------------------- seeds (general properties)

BOILER_STRINGS = re.compile(r"Print Friendly|Send to Kindle|Share this|Facebooktwittermail|min read|"
                            r"Continue reading|\[Photo:|@\w|[\w.]+@\w+\.\w+|\[…\]", re.I)
SHARE_LINE = re.compile(r"share|print|email|kindle|facebook|twitter|min read", re.I)


@pytest.mark.parametrize("path", sorted(SEEDS_DIR.glob("*.txt")), ids=lambda p: p.name)
def test_seed_properties(path):
    text = path.read_text(encoding="utf-8")
    p = parse_article(Article(path.stem, str(path), text))
    check_offsets(p)
    assert p.headline is not None and not SHARE_LINE.search(p.headline.text)
    assert len(p.headline.text.split()) <= 22 and not p.headline.text.endswith(":")
    assert p.sentences
    for s in p.sentences:
        assert not BOILER_STRINGS.search(s.text), s.text
        assert len(s.text.split()) <= 120
    # everything outside the body paragraphs is headline, boilerplate or whitespace
    covered = [(p.headline.start, p.headline.end)] + [(b.start, b.end) for b in p.boilerplate] + \
        [(x.start, x.end) for x in p.paragraphs]
    mask = bytearray(len(text))
    for a, b in covered:
        mask[a:b] = b"\x01" * (b - a)
    leftover = "".join(c for c, m in zip(text, mask) if not m)
    assert not leftover.strip(), leftover[:200]


# --------------------------------------------------------------------------- allsides sample

def _allsides_sample(n=150, seed=7):
    files = sorted(ALLSIDES_DIR.glob("*.json"))
    random.Random(seed).shuffle(files)
    out = []
    for f in files[:n]:
        d = json.loads(f.read_text(encoding="utf-8"))
        out.append(Article(d.get("ID", f.stem), str(f), d.get("content_original") or "", title=d.get("title"),
                           outlet=d.get("source"), byline=d.get("authors"), published=d.get("date")))
    return out


@pytest.mark.shared
@pytest.mark.skipif(not ALLSIDES_DIR.is_dir(), reason=f"shared corpus not available at {ALLSIDES_DIR}")
def test_allsides_sample():
    split_after = re.compile(r"(?:^|\s)(?:Gen|Sen|Rep|Gov|Mr|Mrs|Ms|Dr|Lt|Col|Sgt|Oct|Sept|Jan|Feb|Aug|Dec)\.$")
    for a in _allsides_sample():
        p = parse_article(a)
        check_offsets(p)
        title = (a.title or "").strip()
        if title and re.search(r"(?:^|\n)[ \t]*%s[ \t]*(?:\n|$)" % re.escape(title), a.text):
            assert p.headline is not None and p.headline.text == title  # on a line of its own
        if title:  # a record's own title is the headline
            assert p.headline_text in (title, p.headline.text if p.headline else None)
        assert p.outlet == a.outlet and p.outlet_evidence == "metadata"
        for s in p.sentences:
            assert len(s.text.split()) <= 150, s.text[:200]
            assert not split_after.search(s.text), s.text[-80:]


# --------------------------------------------------------------------------- a record's own title

def _titles_fixture():
    from pathlib import Path
    from analysis.map.load import load_file
    res, arts = load_file(Path(__file__).parent / "fixtures" / "formats" / "titles.jsonl")
    assert res.status == "loaded"
    return {a.article_id: a for a in arts}


@pytest.mark.parametrize("aid, headline, span, first_sentence, boiler_kinds", [
    # the title stands in the text word for word: its offsets
    ("t-1", "Bridge reopens after repairs", (0, 28), "The old bridge reopened", []),
    # not in the text: the title, no offsets, and the body's first line stays body
    ("t-2", "Council backs new library", None, "Library vote", []),
    # repeated in other letters: the title wins, no offsets, the repeat is not body
    ("t-3", "Floods close two schools", None, "Two schools shut", ["headline"]),
    # its words inside a body sentence are not where it stands
    ("t-4", "Night buses", None, "Drivers said the night buses plan", []),
    # after a label on the same line: still found
    ("t-5", "Market hall sold", (13, 29), "The market hall was sold", ["caption"]),
])
def test_record_title_is_the_headline(aid, headline, span, first_sentence, boiler_kinds):
    p = parse_article(_titles_fixture()[aid])
    check_offsets(p)
    assert p.headline_text == headline
    assert (None if p.headline is None else (p.headline.start, p.headline.end)) == span
    assert p.sentences[0].text.startswith(first_sentence)
    assert [b.kind for b in p.boilerplate] == boiler_kinds


@pytest.mark.parametrize("path, title, text, want_span, first_sentence", [
    # a stated title found only inside a sentence keeps the sentence whole (any container)
    ("a.csv", "Dam to close", "Unions said the Dam to close plan was bad.\n\nMore.", None,
     "Unions said the Dam to close plan was bad."),
    ("a.html", "Dam to close", "Unions said the Dam to close plan was bad.\n\nMore.", None,
     "Unions said the Dam to close plan was bad."),
    ("a.json", "Wind farm", "Wind farm is the plan, said the mayor.\n\nMore.", None,
     "Wind farm is the plan, said the mayor."),
    # a page title (HTML) near-identical to the first line: the line is the headline
    ("a.html", "Mayor quits over budget row", "Mayor quits over budget\n\nThe mayor quit.",
     (0, 23), "The mayor quit."),
    # the same in a record: the record's title, no offsets
    ("a.json", "Mayor quits over budget row", "Mayor quits over budget\n\nThe mayor quit.",
     None, "The mayor quit."),
])
def test_stated_title_placement(path, title, text, want_span, first_sentence):
    p = parse_article(Article("t", path, text, title=title))
    check_offsets(p)
    assert (None if p.headline is None else (p.headline.start, p.headline.end)) == want_span
    assert p.sentences[0].text == first_sentence
    if path.endswith((".json", ".csv")):
        assert p.headline_text == title


@pytest.mark.parametrize("line, kind", [
    ("Rebels in Idlib on Monday. (AP Photo/Hussein Malla)", "photo_credit"),
    ("Jane Roe contributed to this report.", "credit"),
    ("Jane Roe CONTRIBUTED to this story from Beirut", "credit"),
    ("Copyright 2015 The Associated Press. All rights reserved.", "copyright"),
    ("The rebels (who fled) said they contributed money to the cause.", ""),
    ("Share this article", "share"),
    ("The army took the airport on Monday.", ""),
])
def test_boiler_line_without_the_alternatives_a_line_cannot_match(line, kind):
    """A line is matched by the pattern without the "(" / "contributed" alternatives when it
    has neither: the kind is the one the whole pattern gives."""
    ln = parse._Line(0, len(line), line, True, 0)
    assert parse._boiler_kind(ln) == kind


def test_boiler_line_variants_agree_on_corpus_lines():
    paths = sorted(ALLSIDES_DIR.glob("*.json"))[:200] or sorted(SEEDS_DIR.glob("*"))
    lines = []
    for path in paths:
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            if path.suffix == ".json":
                text = json.loads(text).get("content", "") or ""
            lines += [ln for ln in parse._lines(text) if len(ln.text) <= 400]
    lines += [parse._Line(0, 40, "Photo (AP Photo) and Jim contributed to this report", True, 0)]
    assert lines
    for ln in lines:
        fast = parse._BOILER_LINES["(" in ln.text, parse._CONTRIBUTED.search(ln.text) is not None]
        a, b = fast.fullmatch(ln.text), parse._BOILER_LINE.fullmatch(ln.text)
        assert (a and (a.lastgroup, a.span())) == (b and (b.lastgroup, b.span())), ln.text


def test_title_spans_match_the_title_regex():
    """The regex-free title matcher finds exactly what _title_regex finds."""
    from analysis.map.parse import _title_regex, _title_spans

    text = ("Rebels Gain Ground\n\nRebels  Gain\u00a0Ground near the dam. Rebels Gain\n\tGround again;"
            " Rebels GainGround no. Rebels Gain Ground’s end. Tom’s War - Part Two\nTom's War – Part Two")
    for title in ("Rebels Gain Ground", "Gain Ground", "Rebels", "Tom’s War - Part Two",
                  "Missing Words Here", "Ground again;", "a\\b c"):
        rx = _title_regex(title, text)
        want = [] if rx is None else [(m.start(), m.end()) for m in rx.finditer(text)]
        assert list(_title_spans(title, text)) == want, title
    assert len(list(_title_spans("Rebels Gain Ground", text))) == 4
