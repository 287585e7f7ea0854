"""Dates the articles report: found in our own sentences, offsets exact, years resolved."""
import json

import pytest

from analysis.map import dates
from analysis.views.export import analyse


@pytest.mark.parametrize("text, found", [
    ("On October 9, rebels advanced.", ["October 9"]),
    ("Talks resumed on Oct. 7 and Sept. 30 was quiet.", ["Oct. 7", "Sept. 30"]),
    ("The vote of 9 October 2015 was annulled.", ["9 October 2015"]),
    ("It happened on October 9, 2015, at dawn.", ["October 9, 2015"]),
    ("Strikes from October 10-14 hit the port.", ["October 10-14"]),
    ("The ISO date 2015-10-11 is also a date.", ["2015-10-11"]),
    ("In early July, the group formed; in July it failed.", ["early July", "July"]),
    ("Its biggest advance since last August.", ["last August"]),
    ("Fighting has gone on since August 2015.", ["August 2015"]),
    ("The market reopened on Sunday and closed last Friday.", ["Sunday", "last Friday"]),
    ("The mayor spoke yesterday; today the roads are open.", ["yesterday", "today"]),
    ("The push into the city in 2013 failed.", ["2013"]),
    # not dates
    ("He may go. May I ask? Prime Minister May said no.", []),
    ("Over 2,000 fighters and 30 villages; the March towards the sea.", []),
    ("The 2015 budget and Friday prayers.", []),
    ("Today's news is about other things.", []),
])
def test_find_dates(text, found):
    got = dates.find_dates(text)
    assert [d.text for d in got] == found
    assert all(text[d.start:d.end] == d.text for d in got)


@pytest.mark.parametrize("text, published, expected", [
    ("On October 9, rebels advanced.", "2015-10-13", ("2015-10-09", "published")),
    ("On December 28, the dam broke.", "2016-01-05", ("2015-12-28", "published")),   # year before
    ("The talks start in January.", "2015-12-20", ("2016-01", "published")),         # soon after
    ("Fighting since last August.", "2015-08-20", ("2014-08", "published")),         # "last" = before
    ("Fighting since last August.", "2015-10-13", ("2015-08", "published")),
    ("Elections are due next March.", "2015-10-13", ("2016-03", "published")),
    ("On March 1, a truce began.", "2015-10-13", ("2015-03-01", "published")),       # past, not next year
    ("The vote of 9 October 2014 was annulled.", "2015-10-13", ("2014-10-09", "stated")),
    ("The market closed on Friday.", "2015-10-13", ("2015-10-09", "published")),     # 13 Oct 2015 = Tuesday
    ("The market closed last Tuesday.", "2015-10-13", ("2015-10-06", "published")),
    ("The market closed on Tuesday.", "2015-10-13", ("2015-10-13", "published")),
    ("The mayor spoke yesterday.", "2015-10-13", ("2015-10-12", "published")),
    ("The push in 2013 failed.", None, ("2013", "stated")),
    ("On October 9, rebels advanced.", None, (None, "")),                            # no reference at all
    ("The market closed on Friday.", None, (None, "")),
])
def test_resolve(text, published, expected):
    (d,) = dates.find_dates(text)
    assert dates.resolve(d, published) == expected


def test_resolve_uses_corpus_date_for_undated_articles():
    (d,) = dates.find_dates("On October 9, rebels advanced.")
    assert dates.resolve(d, None, fallback="2015-10-13") == ("2015-10-09", "corpus")
    (w,) = dates.find_dates("The market closed on Friday.")
    assert dates.resolve(w, None, fallback="2015-10-13") == (None, "")  # weekdays need the article's own date


@pytest.mark.parametrize("published, expected", [
    (["2015-10-13", None, "2015-10-09", "bad"], "2015-10-09"),
    (["2015-10-13", "2015-10-01", "2015-10-09"], "2015-10-09"),
    ([None, ""], None),
])
def test_reference_date(published, expected):
    assert dates.reference_date(published) == expected


RECORDS = [
    {"id": "a", "title": "Flood waters reach the capital", "publisher": "River News", "date_publish": "2016-01-05",
     "maintext": "On December 28, the river burst its banks near the old bridge.\n\n"
                 "Engineers had warned in November that the levee was weak.\n\n"
                 "The water fell again on Sunday, officials said."},
    {"id": "b", "title": "Clean-up begins after the flood", "publisher": "Valley Post",
     "maintext": "Volunteers arrived on Jan. 2 to clear the streets.\n\nRepairs will take until March."},
]


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    d = tmp_path_factory.mktemp("dated")
    (d / "records.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS), encoding="utf-8")
    return analyse(d)


def test_event_dates_offsets_exact_and_years_resolved(tables):
    ev = dates.event_dates(tables)
    assert list(ev.columns) == list(dates.DATE_COLUMNS)
    for r in ev.itertuples():
        assert tables.texts[r.article_id][r.start:r.end] == r.text
        assert r.text in r.sentence
    got = {(r.article_id, r.text): (r.date, r.basis) for r in ev.itertuples()}
    assert got[("a", "December 28")] == ("2015-12-28", "published")
    assert got[("a", "November")] == ("2015-11", "published")
    assert got[("a", "Sunday")] == ("2016-01-03", "published")     # 5 Jan 2016 = Tuesday
    # article b has no date: the corpus reference date (a's) gives the year
    assert got[("b", "Jan. 2")] == ("2016-01-02", "corpus")
    assert got[("b", "March")] == ("2016-03", "corpus")


def test_event_dates_empty(tmp_path):
    (tmp_path / "x.txt").write_text("Nothing dated\n\nThe council met and nothing was decided.\n", encoding="utf-8")
    ev = dates.event_dates(analyse(tmp_path))
    assert ev.empty and list(ev.columns) == list(dates.DATE_COLUMNS)
