"""Article text shown as HTML is escaped; highlights cover the right characters."""
import pytest

from analysis.html import highlight

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
    from analysis.export import analyse
    from analysis.html import article_html

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
