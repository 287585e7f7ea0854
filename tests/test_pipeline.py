"""Whole-pipeline properties: provenance of every row, every file accounted for, sentiment."""
import json
import random
from pathlib import Path

import pytest
from textblob import TextBlob

from analysis.views import export as ax
from analysis.config import ALLSIDES_DIR, SEEDS_DIR, TESTS_DIR
from analysis.tables import OFFSET_TABLES, PAIR_OFFSETS, SPAN_OFFSETS, TABLES

FIXTURES = TESTS_DIR / "fixtures"
needs_allsides = pytest.mark.skipif(not ALLSIDES_DIR.is_dir(),
                                    reason=f"shared corpus not found at {ALLSIDES_DIR}")


def assert_provenance(tables):
    """text[start:end] is exactly the reported string, in every table that has offsets."""
    checked = 0
    for name, col in OFFSET_TABLES.items():
        df = tables[name]
        for aid, start, end, s in zip(df.article_id, df.start, df.end, df[col]):
            text = tables.texts[aid]
            assert text[int(start):int(end)] == s, (name, aid, start, end, s)
            checked += 1
    for name, sides in PAIR_OFFSETS.items():
        df = tables[name]
        for aid_col, s_col, e_col, t_col in sides:
            for aid, start, end, s in zip(df[aid_col], df[s_col], df[e_col], df[t_col]):
                assert tables.texts[aid][int(start):int(end)] == s, (name, aid, start, end, s)
                checked += 1
    for name, spans in SPAN_OFFSETS.items():  # several spans per row; a missing span has no start
        df = tables[name]
        for s_col, e_col, t_col in spans:
            for aid, start, end, s in zip(df.article_id, df[s_col], df[e_col], df[t_col]):
                if start is None or start != start:  # None, or NaN in a float column
                    continue
                assert tables.texts[aid][int(start):int(end)] == s, (name, aid, start, end, s)
                checked += 1
    return checked


@pytest.fixture(scope="module")
def seeds():
    return ax.analyse(SEEDS_DIR)


def test_seed_tables_have_contract_columns(seeds):
    for name, cols in TABLES.items():
        assert tuple(seeds[name].columns) == cols, name


def test_seed_provenance(seeds):
    assert assert_provenance(seeds) > 50


def test_seed_sentiment_is_textblob(seeds):
    s = seeds.sentences
    assert len(s) > 40
    for text, pol, subj in zip(s.text, s.polarity, s.subjectivity):
        assert (pol, subj) == tuple(TextBlob(text).sentiment)


def test_every_seed_file_accounted_for(seeds):
    files = sorted(str(p) for p in SEEDS_DIR.glob("*.txt"))
    assert sorted(seeds.files.path) == files
    assert set(seeds.articles.path) == set(files)


def _all_files(folder: Path):
    return sorted(str(p) for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize("folder", ["bad", "formats"])
def test_fixture_folders_complete_with_every_file_accounted_for(folder):
    path = FIXTURES / folder
    if not path.is_dir():
        pytest.skip(f"fixture folder {path} not present")
    t = ax.analyse(path)
    assert sorted(t.files.path) == _all_files(path)
    assert set(t.files.status) <= {"loaded", "skipped", "failed"}
    not_loaded = t.files[t.files.status != "loaded"]
    assert (not_loaded.reason.str.len() > 10).all(), "every skip or failure says why"
    assert t.files.articles.sum() == len(t.articles)
    assert_provenance(t)


@needs_allsides
def test_allsides_sample_provenance_and_accounting(tmp_path):
    files = sorted(ALLSIDES_DIR.glob("*.json"))
    sample = random.Random(7).sample(files, 40)
    for f in sample:
        (tmp_path / f.name).symlink_to(f)
    t = ax.analyse(tmp_path)
    assert len(t.files) == 40 and (t.files.status == "loaded").all()
    assert assert_provenance(t) > 1000
    by_id = {json.loads(f.read_text(encoding="utf-8"))["ID"]: f for f in sample}
    assert set(t.articles.article_id) == set(by_id)
    for aid, text in t.texts.items():
        assert text == json.loads(by_id[aid].read_text(encoding="utf-8"))["content_original"]


def test_article_rows_with_attribution_rows_given_are_the_same():
    from analysis.map import attributions, pipeline
    from analysis.records import Article

    text = ("Rebels Hold Town\n\nThe rebels held the town, Col. Ahmed Saleh, a commander, told Reuters. "
            "“We will not leave,” he said. Officials in Damascus said the army would advance.")
    result = pipeline.analyse_article(Article("a", "a.txt", text))
    given = attributions.attribution_rows(result)
    assert given  # the text has attributed speech, so the shortcut has something to carry
    assert pipeline.article_rows(result, attribution_rows=given) == pipeline.article_rows(result)


def test_count_words_is_split_length():
    from analysis.map.pipeline import count_words

    rng = random.Random(11)
    alphabet = "ab .,\n\t\xa0\u2003\u200b\x1c"
    texts = ["", " ", "a", "a b", " a", "a ", "a  b", "a\nb", "a\xa0b", "It rained, she said."]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(5000)]
    for t in texts:
        assert count_words(t) == len(t.split()), repr(t)


def _sample_articles(n=30, seed=5):
    from analysis.map import load
    from analysis.records import Article

    own = [Article("own1", "own1.txt", "Rebels Hold Town\n\nThe rebels held the town, Col. Ahmed Saleh, a "
                   "commander, told Reuters. “We will not leave,” he said. Officials said 2,000 troops came."),
           Article("own2", "own2.txt", ""),
           Article("own3", "own3.txt", "Q&A\n\nQ. What now?\n\nA. We wait, she said. Not a good day!")]
    if not ALLSIDES_DIR.is_dir():
        return own
    files = random.Random(seed).sample(sorted(ALLSIDES_DIR.glob("*.json")), n)
    return own + [a for f in files for a in load.load_file(f)[1]]


def test_analyse_articles_gives_article_rows_of_each_article(monkeypatch):
    """Stage by stage over groups of articles: the rows of each article on its own."""
    from analysis.map import pipeline

    arts = _sample_articles()
    want = [pipeline.article_rows(pipeline.analyse_article(a)) for a in arts]
    for group in (1, 4, 64):
        monkeypatch.setattr(pipeline, "GROUP_ARTICLES", group)
        assert pipeline.analyse_articles(arts) == want


def test_analyse_articles_reports_the_first_failing_stage_of_analyse_article(monkeypatch):
    """An article that breaks stages is reported with the error analyse_article meets first
    (numbers and sentiment run before the quotes, but their errors come after them); the
    other articles are analysed as usual."""
    from analysis.map import numbers, pipeline, quotes
    from analysis.records import FileResult

    arts = _sample_articles(6)
    bad = {arts[1].article_id, arts[4].article_id}
    real_numbers, real_quotes = numbers.find_numbers, quotes.find_quotes

    def broken_numbers(parsed):
        if parsed.article.article_id in bad:
            raise ValueError("numbers broke")
        return real_numbers(parsed)

    def broken_quotes(parsed, found):
        if parsed.article.article_id == arts[4].article_id:
            raise KeyError("quotes broke")
        return real_quotes(parsed, found)

    want = [pipeline.article_rows(pipeline.analyse_article(a)) for a in arts]
    monkeypatch.setattr(numbers, "find_numbers", broken_numbers)
    monkeypatch.setattr(quotes, "find_quotes", broken_quotes)
    monkeypatch.setattr(pipeline, "GROUP_ARTICLES", 4)
    got = pipeline.analyse_articles(arts)
    assert got[1] == f"{arts[1].article_id!r}: ValueError: numbers broke"
    assert got[4] == f"{arts[4].article_id!r}: KeyError: 'quotes broke'"
    for i in (0, 2, 3, 5):
        assert got[i] == want[i]
    fr, done = pipeline.analyse_file(FileResult("f.jsonl", "loaded", "", len(arts), "jsonl"), arts)
    assert fr.status == "loaded" and f"analysis failed on 2 of {len(arts)} articles" in fr.reason
    assert fr.reason.index("numbers broke") < fr.reason.index("quotes broke")  # article order
    assert [d[0] for d in done] == [a.article_id for i, a in enumerate(arts) if i not in (1, 4)]


def test_records_unpacked_into_rows_have_their_tables_columns():
    """article_rows unpacks these records into rows: their fields must be the columns."""
    from analysis.records import Boilerplate, Mention, Number, Sentence

    assert Sentence._fields == TABLES["sentences"][1:6]
    assert Mention._fields == TABLES["mentions"][2:]
    assert Number._fields == TABLES["numbers"][2:]
    assert Boilerplate._fields == TABLES["boilerplate"][1:]
