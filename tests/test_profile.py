"""Source profiling over tables built from our own short texts."""
import pytest

from analysis.views import profile
from analysis.views.export import analyse

ARTICLES = {
    "a.txt": "Storm hits coast\n\nThe storm destroyed 40 homes, officials said.\n\n"
             "“We have never seen anything like it,” said Mayor Jane Doe. “Help is coming.”\n\n"
             "“The dykes held,” one engineer said.\n",
    "b.txt": "Coast counts the cost\n\nAccording to the Red Cross, 35 homes were destroyed.\n\n"
             "“It was terrifying,” a resident told Reuters.\n",
}


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    return analyse(d)


@pytest.mark.parametrize("headline, width, expected", [
    ("Short", 38, "Short"),
    ("A very long headline that will not fit in the width", 20, "A very long…"),
    ("", 38, "id"),
    (None, 38, "id"),
    (float("nan"), 38, "id"),  # tables read back from CSV/Parquet hold NaN for a missing headline
    ("  \n ", 38, "id"),
])
def test_short_label(headline, width, expected):
    assert profile.short_label(headline, "id", width=width) == expected


def test_article_profile_one_row_per_article(tables):
    p = profile.article_profile(tables)
    assert list(p.article_id) == ["a", "b"]
    assert (p.quotes == p.named_quotes + p.anonymous_quotes
            + p.article_id.map(tables.quotes[tables.quotes.speaker_kind == "unattributed"]
                               .groupby("article_id").size()).fillna(0).astype(int)).all()
    assert (p.quoted_share.between(0, 1)).all()


def test_kind_counts_keep_zero_rows(tables):
    k = profile.kind_counts(tables)
    assert list(k.index) == ["a", "b"]
    assert list(k.columns) == ["named", "anonymous", "unattributed"]
    assert k.values.sum() == len(tables.quotes)


def test_labels_are_unique(tables):
    labs = profile.labels(tables)
    assert len(set(labs.values())) == len(labs)


def test_provenance_check_all_match(tables):
    check = profile.provenance_check(tables)
    assert len(check) > 3 and check.matches.all()


def test_file_overview_paths_are_relative(tables):
    assert sorted(profile.file_overview(tables).path) == ["a.txt", "b.txt"]


def test_labels_with_missing_headlines(tables):
    t = type("T", (), {})()
    t.articles = tables.articles.assign(headline=[float("nan"), None])
    assert sorted(profile.labels(t).values()) == sorted(tables.articles.article_id)


@pytest.mark.parametrize("rows, n, printed", [(3, 5, ""), (5, 5, ""), (8, 5, "8 rows; the first 5 are shown.")])
def test_show_cuts_long_tables(capsys, rows, n, printed):
    import pandas as pd

    out = profile.show(pd.DataFrame({"x": range(rows)}), n=n)
    assert len(out) == min(rows, n)
    assert capsys.readouterr().out.strip() == printed


def test_corpus_with_no_article(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blank.txt").write_text("   \n", encoding="utf-8")
    t = analyse(tmp_path)
    message = profile.corpus_message(t)
    assert message.startswith(f"No article could be loaded from {tmp_path.name}: 2 files skipped")
    assert str(tmp_path) not in message  # no machine-specific path in a report
    assert profile.most_quoted(t) == ""
    from analysis.views.html import article_html

    assert "No article" in article_html(t, profile.most_quoted(t))


def test_corpus_message_counts(tables):
    assert profile.corpus_message(tables).startswith("2 articles from 2 files (0 skipped or failed)")
