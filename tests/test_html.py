"""Article text shown as HTML is escaped; highlights cover the right characters."""
import pytest

from analysis.views.html import highlight

EVIL = "<script>alert(1)</script>"


@pytest.mark.parametrize("text, spans, expected", [
    ("a <b> c", [], '<div class="analysis-text">a &lt;b&gt; c</div>'),
    ("He said “hi”.", [(9, 11, "quote", "q")],
     '<div class="analysis-text">He said “<mark class="quote" title="q">hi</mark>”.</div>'),
    (EVIL, [(0, 8, "quote", EVIL)],
     '<div class="analysis-text"><mark class="quote" title="&lt;script&gt;alert(1)&lt;/script&gt;">'
     '&lt;script&gt;</mark>alert(1)&lt;/script&gt;</div>'),
])
def test_highlight_escapes(text, spans, expected):
    assert highlight(text, spans) == expected


def test_overlapping_spans_keep_the_first():
    out = highlight("abcdef", [(0, 4, "a", ""), (2, 6, "b", "")])
    assert out.count("<mark") == 1


def test_article_html_escapes_headline_and_body(tmp_path):
    from analysis.views.export import analyse
    from analysis.views.html import article_html

    (tmp_path / "evil.txt").write_text(
        f"{EVIL}\n\nThe minister said the <b>talks</b> failed. “We will not stop,” she said.\n",
        encoding="utf-8")
    t = analyse(tmp_path)
    page = article_html(t, "evil")
    assert "<script>" not in page and "<b>" not in page
    assert "&lt;b&gt;talks&lt;/b&gt;" in page


def test_pandas_tables_escape_article_text():
    import pandas as pd

    html = pd.DataFrame({"headline": [EVIL]})._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_article_html_with_missing_cells():
    """Tables read back from a file hold NaN where analyse() holds None: no 'nan', no crash."""
    import pandas as pd

    t = type("T", (), {})()
    text = "Head\n\n“Yes,” said Ann."
    t.texts = {"a": text}
    t.articles = pd.DataFrame({"article_id": ["a"], "headline": [float("nan")], "body_start": [6],
                               "body_end": [len(text)]})
    t.quotes = pd.DataFrame({"article_id": ["a"], "start": [6], "end": [12], "speaker": [float("nan")],
                             "speaker_kind": ["unattributed"], "speaker_role": [float("nan")],
                             "speaker_start": [float("nan")], "speaker_end": [float("nan")]})
    empty = pd.DataFrame({"article_id": []})
    t.sources = t.numbers = t.scare_quotes = empty
    from analysis.views.html import article_html

    html = article_html(t, "a")
    assert "<h4>a</h4>" in html and "nan" not in html and "quote by unattributed (unattributed)" in html
