"""Tests for analysis.map.numbers: quantities with value, unit, qualifier and exact offsets."""
from __future__ import annotations

import json
import math
import random
import re
import time

import pytest

from analysis import config
from analysis.map.load import load_file
from analysis.map.numbers import find_numbers, find_numbers_in
from analysis.map.parse import parse_article
from analysis.records import Article

# (sentence, [(value, unit, qualifier, span text), ...]) -- sentences written for these tests
POSITIVE = [
    # digits
    ("The army deployed 2,000 fighters.", [(2000, "fighters", "", "2,000 fighters")]),
    ("They walked 10 kilometers north.", [(10, "km", "", "10 kilometers")]),
    ("The convoy drove 12 kilometres.", [(12, "km", "", "12 kilometres")]),
    ("The deal is worth 2.5 million dollars.", [(2.5e6, "USD", "", "2.5 million dollars")]),
    ("Aid reached $1.2 billion last year.", [(1.2e9, "USD", "", "$1.2 billion")]),
    ("It costs £5m a year.", [(5e6, "GBP", "", "£5m")]),
    ("The budget is €3 bn.", [(3e9, "EUR", "", "€3 bn")]),
    ("About 90 percent of voters agreed.", [(90, "percent", "about", "About 90 percent")]),
    ("Turnout was 90% in the north.", [(90, "percent", "", "90%")]),
    ("Turnout was 45 per cent.", [(45, "percent", "", "45 per cent")]),
    ("Oil rose 3 percentage points.", [(3, "percentage points", "", "3 percentage points")]),
    ("A 1,200-strong force arrived.", [(1200, "force", "", "1,200-strong force")]),
    ("ISIS advanced 10km overnight.", [(10, "km", "", "10km")]),
    ("They flew 1.5m people out.", [(1.5e6, "people", "", "1.5m people")]),
    ("The group has 1500 members.", [(1500, "members", "", "1500 members")]),
    ("He is 6 ft tall and weighs 80 kg.", [(6, "ft", "", "6 ft"), (80, "kg", "", "80 kg")]),
    # number words
    ("Militants seized six villages.", [(6, "villages", "", "six villages")]),
    ("Six small villages fell.", [(6, "villages", "", "Six small villages")]),
    ("2,000 Iranian fighters crossed.", [(2000, "fighters", "", "2,000 Iranian fighters")]),
    ("Some two dozen rebel groups joined.", [(24, "groups", "some", "Some two dozen rebel groups")]),
    ("A dozen people were hurt.", [(12, "people", "", "A dozen people")]),
    ("Twenty-five soldiers died.", [(25, "soldiers", "", "Twenty-five soldiers")]),
    ("One hundred and twenty protesters were held.",
     [(120, "protesters", "", "One hundred and twenty protesters")]),
    ("Up to one million people fled.", [(1e6, "people", "up to", "Up to one million people")]),
    ("The cost was half a million dollars.", [(5e5, "USD", "", "half a million dollars")]),
    ("He waited half an hour.", [(0.5, "hour", "", "half an hour")]),
    # vague plurals
    ("Hundreds of refugees fled.", [(100, "refugees", "hundreds of", "Hundreds of refugees")]),
    ("Tens of thousands of people marched.",
     [(1e4, "people", "tens of thousands of", "Tens of thousands of people")]),
    ("Several hundred troops moved in.", [(100, "troops", "several", "Several hundred troops")]),
    # fractions
    ("Half of the residents left.", [(0.5, "fraction", "", "Half")]),
    ("Nearly two-thirds of the town was destroyed.",
     [(2 / 3, "fraction", "nearly", "Nearly two-thirds")]),
    ("A third of the budget went to defence.", [(1 / 3, "fraction", "", "A third")]),
    # ranges: one row, value = lower bound
    ("The fighting lasted 10-14 days.", [(10, "day", "between", "10-14 days")]),
    ("Between 200 and 300 people were killed.",
     [(200, "people", "between", "Between 200 and 300 people")]),
    ("Two or three days later they left.", [(2, "day", "between", "Two or three days")]),
    ("Between two and three thousand people gathered.",
     [(2000, "people", "between", "Between two and three thousand people")]),
    ("Sales rose from 10 to 14 percent.", [(10, "percent", "from", "from 10 to 14 percent")]),
    # mixed units: two rows
    ("The town lies 2 km (1 mile) from the border.",
     [(2, "km", "", "2 km"), (1, "mile", "", "1 mile")]),
    # qualifiers
    ("They came within 2 km of the city.", [(2, "km", "within", "within 2 km")]),
    ("Fewer than 50 remain.", [(50, "", "fewer than", "Fewer than 50")]),
    ("As many as 300 may have died.", [(300, "", "as many as", "As many as 300")]),
    ("An estimated 4 million Syrians have fled.",
     [(4e6, "Syrians", "an estimated", "An estimated 4 million Syrians")]),
    ("Up to 10,000 troops are deployed.", [(10000, "troops", "up to", "Up to 10,000 troops")]),
    ("Greater than 90 percent of strikes missed.",
     [(90, "percent", "greater than", "Greater than 90 percent")]),
    ("Some 2,000-plus fighters joined.", [(2000, "fighters", "some", "Some 2,000-plus fighters")]),
    ("Police found 50-odd weapons.", [(50, "weapons", "about", "50-odd weapons")]),
    ("About 1500 troops arrived in 2015.", [(1500, "troops", "about", "About 1500 troops")]),
    # unit from context when no noun follows
    ("They killed 30 and wounded more than 700.",
     [(30, "killed", "", "30"), (700, "wounded", "more than", "more than 700")]),
    ("Police arrested 12 on Monday.", [(12, "arrested", "", "12")]),
    # ages
    ("A 25-year-old man was arrested.", [(25, "years old", "", "25-year-old")]),
    ("The victim, aged 40, was a teacher.", [(40, "years old", "", "40")]),
    # "one" only when plainly a count
    ("They came within one mile of the city.", [(1, "mile", "within", "within one mile")]),
    ("At least one of the groups left.", [(1, "groups", "at least", "At least one")]),
    # quotation marks around numbers
    ("Strikes killed at least “274 civilians,” a monitor said.",
     [(274, "civilians", "at least", "at least “274 civilians")]),
    ('He said "300 people" were missing.', [(300, "people", "", "300 people")]),
    # no-break space
    ("Rebels lost\xa0six villages.", [(6, "villages", "", "six villages")]),
    # elided and coordinated nouns: the count takes the noun of the count it pairs with
    ("Nine people died and another 30 were hurt.",
     [(9, "people", "", "Nine people"), (30, "people", "", "30")]),
    ("Police held eleven men. Four of them were freed.",
     [(11, "men", "", "eleven men"), (4, "men", "", "Four")]),
    ("Six of the wounded were children.", [(6, "wounded", "", "Six")]),
    ("Seven of the local teachers quit, and two more left in May.",
     [(7, "teachers", "", "Seven"), (2, "teachers", "", "two")]),
    ("Guards shot three smugglers and one officer.",
     [(3, "smugglers", "", "three smugglers"), (1, "officer", "", "one officer")]),
    ("Four miners and two engineers were trapped.",
     [(4, "miners", "", "Four miners"), (2, "engineers", "", "two engineers")]),
    ("Between 40 and 45 sailors were rescued.",
     [(40, "sailors", "between", "Between 40 and 45 sailors")]),
    # a known group ("the", "including") is passed over for the count it belongs to
    ("Raids netted 12 suspects, including three brothers; eight were charged.",
     [(12, "suspects", "", "12 suspects"), (3, "brothers", "", "three brothers"),
      (8, "suspects", "", "eight")]),
    # but never across a paragraph, nor into a parenthesis after a name
    ("Officers arrested 20 fans.\n\nLater, 5 were bailed.",
     [(20, "fans", "", "20 fans"), (5, "", "", "5")]),
    ("The town has 40 doctors; Leeds (9,000) and York (2,500) have more.",
     [(40, "doctors", "", "40 doctors"), (9000, "", "", "9,000"), (2500, "", "", "2,500")]),
    # words between the number and its noun
    ("He beat 14 other hopefuls.", [(14, "hopefuls", "", "14 other hopefuls")]),
    ("They plan 3 million more homes.", [(3e6, "homes", "", "3 million more homes")]),
    ("The three 2018 finalists met.", [(3, "finalists", "", "three 2018 finalists")]),
    ('The clip got 9,000 "shares" in a day.', [(9000, "shares", "", '9,000 "shares')]),
    ("They lost millions of dollars.", [(1e6, "USD", "millions of", "millions of dollars")]),
    # ages in appositions
    ("Maria Lopez, 61, was a nurse.", [(61, "years old", "", "61")]),
    ("The driver was named as Tom Reed, 19.", [(19, "years old", "", "19")]),
    ("She retired at age 70.", [(70, "years old", "", "70")]),
    # not after a weekday or an identifier
    ("On Friday, 12 was the limit.", [(12, "", "", "12")]),
    ("Under Section 215, 40 was the cap.", [(40, "", "", "40")]),
    # ratios
    ("More than 1 in 5 adults smoke.", [(0.2, "fraction", "more than", "More than 1 in 5 adults")]),
    ("One in four voters is undecided.", [(0.25, "fraction", "", "One in four voters")]),
    ("Lawns of 2,000 square feet need it.", [(2000, "sq ft", "", "2,000 square feet")]),
    ("One out of every 40 homes flooded.", [(1 / 40, "fraction", "", "One out of every 40 homes")]),
    # partitives over a number: the noun of the whole
    ("Rebels hold three of nine districts.",
     [(3, "districts", "", "three"), (9, "districts", "", "nine districts")]),
    ("A half-dozen rival bids came in.", [(6, "bids", "", "A half-dozen rival bids")]),
    ("Police found the two long guns.", [(2, "guns", "", "two long guns")]),
    # abbreviations, -ly words and compounds inside the noun phrase
    ("Some 900 U.N. peacekeepers left.", [(900, "peacekeepers", "some", "Some 900 U.N. peacekeepers")]),
    ("About 300 family members came.", [(300, "members", "about", "About 300 family members")]),
    ("Four heavily armed men fled.", [(4, "men", "", "Four heavily armed men")]),
    ("They did it in half as much time.", [(0.5, "fraction", "", "half")]),
    ("He had just turned 40 when he won.", [(40, "years old", "", "40")]),
    ("The audit found 12 flaws. Of these 12, five were new.",
     [(12, "flaws", "", "12 flaws"), (12, "flaws", "", "12"), (5, "flaws", "", "five")]),
    # after "of": a collective takes the noun, a place does not
    ("Some 812 cars crossed, beating the record of 790 set in May.",
     [(812, "cars", "some", "Some 812 cars"), (790, "cars", "", "790")]),
    ("Leeds had 40 burglaries, in a city of 800,000.",
     [(40, "burglaries", "", "40 burglaries"), (8e5, "", "", "800,000")]),
    ("The talks took three long days.", [(3, "day", "", "three long days")]),
    ("Police held two men; the two were freed.",
     [(2, "men", "", "two men"), (2, "men", "", "two")]),
]

NEGATIVE = [
    "On October 9, ISIS advanced.",
    "On Oct. 7, a brigade posted a video.",
    "The report came out on 9 October 2015.",
    "It happened in 2015.",
    "Russia began strikes on September 30.",
    "Attacks continued from October 10-14.",
    "He left last August.",
    "The push in 2013 was costly.",
    "In the 1990s the town grew.",
    "They met at 2:30 p.m. on Monday.",
    "The meeting is at 10 am.",
    "The attack was on the 9th.",
    "They helped one another.",
    "The brigade is one of the groups.",
    "No one was hurt.",
    "One rebel commander spoke.",
    "One source said so.",
    "Call (202) 555-0123 for details.",
    "See www.example.com/2015/10/09/story-12345 for more.",
    "Email john99@example.com now.",
    "COVID-19 spread fast.",
    "An F-16 crashed.",
    "The G7 met.",
    "Under Article 5 allies respond.",
    "Resolution 2254 was adopted.",
    "2 min read",
    "The 2016 election was close.",
    "It was 24/7 coverage.",
    "The 9/11 attacks changed everything.",
    "The Big Four met.",
    "Since 2011 the war has raged.",
    "Boeing 737 jets were grounded.",
    "The vote was 52-48 in favour.",
    "The 2015-16 season began.",
    "MH17 was downed in July 2014.",
    "At 10 Downing Street, officials met.",
    "Article ID 4061118601 was updated.",
    "Turnout fell on 7 May.",
    # durations before "ago" are points in time, like dates
    "Three weeks ago the dam broke.",
    "He left two years ago.",
    # years used as modifiers, or after "at", "in roughly"
    "Most 2016 presidential hopefuls agreed.",
    "A glance at 2012 shows the trend.",
    "The revolt began in roughly 1848.",
    # fixed compounds with one or two
    "They back a two-state solution.",
    "It is a two-man race.",
    # "the two" standing for people already named is a reference, not a figure
    "Smith and his wife met Jones. The two fled.",
    "It is not a contest between the two of us.",
    "Fill out Form 8962 by April.",
    "Flight 4U 9525 crashed in the Alps.",
    "Jones and Smith met; the two aren't friends.",
    "Under a 2008 ethics agreement, it was legal.",
]


def _rows(text):
    return [(n.value, n.unit, n.qualifier, n.text) for n in find_numbers_in(text)]


@pytest.mark.parametrize("text, expected", POSITIVE)
def test_quantities(text, expected):
    got = find_numbers_in(text)
    assert len(got) == len(expected), _rows(text)
    for n, (value, unit, qualifier, span) in zip(got, expected):
        assert n.value == pytest.approx(value), _rows(text)
        assert (n.unit, n.qualifier, n.text) == (unit, qualifier, span), _rows(text)
        assert text[n.start:n.end] == n.text


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_quantities(text):
    assert _rows(text) == []


def test_offsets_with_start_end():
    text = "Ignore 5 apples. Count 7 pears here. Ignore 9 plums."
    s, e = text.index("Count"), text.index(" Ignore 9")
    got = find_numbers_in(text, start=s, end=e)
    assert [(n.text, n.start) for n in got] == [("7 pears", text.index("7 pears"))]


def test_find_numbers_uses_body_sentences():
    text = "5 Things To Know\n\nIran sent over 2,000 fighters on October 9.\n\nSix villages fell."
    got = find_numbers(parse_article(Article("t", "t.txt", text)))
    assert [(n.text, n.value) for n in got] == [("over 2,000 fighters", 2000.0),
                                                ("Six villages", 6.0)]
    for n in got:
        assert text[n.start:n.end] == n.text


# ---------------------------------------------------------------- invariants on real text

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)")
_YEAR_NEAR_MONTH = re.compile(r"%s\.?,?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?$|^\s*%s\b" % (_MONTH, _MONTH))


def _check_invariants(text, numbers):
    last = -1
    for n in numbers:
        assert text[n.start:n.end] == n.text
        assert n.start >= last, "sorted, non-overlapping"
        last = n.end
        assert math.isfinite(n.value)
        raw = re.search(r"\d[\d,.]*", n.text)
        if raw and re.fullmatch(r"(1[89]|20)\d\d", raw.group()) and not n.qualifier:
            pos = n.start + raw.start()
            before, after = text[max(0, pos - 20):pos], text[pos + 4:pos + 15]
            assert not _YEAR_NEAR_MONTH.search(before), (n, before)
            assert not re.match(r"\s*%s\b" % _MONTH, after), (n, after)


def _seed_files():
    return sorted(config.SEEDS_DIR.glob("*.txt"))


@pytest.mark.parametrize("path", _seed_files(), ids=lambda p: p.name)
def test_seed_invariants(path):
    _, articles = load_file(path)
    for article in articles:
        parsed = parse_article(article)
        numbers = find_numbers(parsed)
        _check_invariants(article.text, numbers)
        inside = [(s.start, s.end) for s in parsed.sentences]
        for n in numbers:
            assert any(a <= n.start and n.end <= b for a, b in inside), n


def _allsides_sample(k=300):
    if not config.ALLSIDES_DIR.is_dir():
        pytest.skip(f"allsides corpus not found at {config.ALLSIDES_DIR} "
                    "(set ANALYSIS_SHARED_DIR to the folder holding corpora/)")
    files = sorted(config.ALLSIDES_DIR.glob("*.json"))
    if not files:
        pytest.skip(f"no *.json files in {config.ALLSIDES_DIR}")
    texts = []
    for f in random.Random(7).sample(files, min(k, len(files))):
        try:
            body = json.loads(f.read_text(encoding="utf-8")).get("content_original")
        except (OSError, ValueError, AttributeError):
            continue
        if isinstance(body, str) and body.strip():
            texts.append(body)
    return texts


def test_allsides_invariants():
    for text in _allsides_sample():
        _check_invariants(text, find_numbers_in(text))
        # the parsed path too: every row inside a body sentence
        parsed = parse_article(Article("a", "a.json", text))
        _check_invariants(text, find_numbers(parsed))




# ---------------------------------------------------------------- hand-annotated real articles

def _score_gold(rows):
    """(found, value and unit right, predicted, predicted that are gold) over gold rows."""
    by_file: dict = {}
    for r in rows:
        by_file.setdefault(r["file"], []).append(r)
    found = right = pred = pred_ok = 0
    for name, gold in by_file.items():
        _, articles = load_file(config.ALLSIDES_DIR / name)
        text = articles[0].text
        got = find_numbers(parse_article(articles[0]))
        for g in gold:
            assert text[g["start"]:g["end"]] == g["text"], g  # the gold still fits the text
            hit = [n for n in got if n.start < g["end"] and g["start"] < n.end]
            if hit:
                found += 1
                n = hit[0]
                unit_ok = n.unit.lower().rstrip("s") == g["unit"].lower().rstrip("s")
                right += unit_ok and n.value == pytest.approx(g["value"], rel=1e-3)
        pred += len(got)
        pred_ok += sum(any(n.start < g["end"] and g["start"] < n.end for g in gold) for n in got)
    return found, right, pred, pred_ok


@pytest.mark.shared
@pytest.mark.parametrize("sample, floors", [
    # tuned: the rules were improved on its misses (a regression guard, not an estimate)
    ("tuned", (0.98, 0.88, 0.93)),
    # held-out samples: annotated before they were scored; rules were later improved on
    # their misses too, so the floors sit a little under what they now measure
    ("heldout", (0.97, 0.9, 0.95)),
    ("fresh", (0.95, 0.85, 0.9)),
])
def test_allsides_gold(sample, floors):
    """Every figure in hand-annotated allsides-2015 articles (tests/fixtures/numbers_gold.json):
    found (recall), value and unit right, and precision, each above a floor."""
    if not config.ALLSIDES_DIR.is_dir():
        pytest.skip(f"allsides corpus not found at {config.ALLSIDES_DIR} "
                    "(set ANALYSIS_SHARED_DIR to the folder holding corpora/)")
    from pathlib import Path
    gold = json.loads((Path(__file__).parent / "fixtures" / "numbers_gold.json")
                      .read_text(encoding="utf-8"))["numbers"][sample]
    assert len(gold) >= 50
    found, right, pred, pred_ok = _score_gold(gold)
    recall_floor, right_floor, precision_floor = floors
    assert found / len(gold) >= recall_floor, (found, len(gold))
    assert right / len(gold) >= right_floor, (right, len(gold))
    assert pred_ok / pred >= precision_floor, (pred_ok, pred)
