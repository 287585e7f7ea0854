"""Tests of quotation marks (analysis.map.attribution.marks)."""
from __future__ import annotations

import pytest

from attribution_helpers import run


@pytest.mark.parametrize("body, quote, speaker", [
    ("''We will rebuild the bridge,'' said Ana Lima, the mayor.", "We will rebuild the bridge,", "Ana Lima"),
    ("Ana Lima said: ''The bridge opens in May.''", "The bridge opens in May.", "Ana Lima"),    ("''He told me, 'Leave the bridge,''' said Ana Lima.", "He told me, 'Leave the bridge,'", "Ana Lima"),
    ("As Ana Lima put it: ''The bridge opens in May.''", "The bridge opens in May.", "Ana Lima"),
])
def test_two_single_quote_marks_of_archive_copies(body, quote, speaker):
    text, q, _, src = run(body)
    assert [(x.quote, x.speaker) for x in q] == [(quote, speaker)]
    assert all(text[x.start:x.end] == x.text for x in src)


@pytest.mark.parametrize("text, pairs", [
    ('He said "we won" and "left".', [(8, 15), (21, 26)]),
    ("“Curly” and ”reversed”", [(0, 6), (12, 21)]),  # ” used as an opening mark
    ('A 6\' 2" man said "yes"', [(17, 21)]),  # an inch mark is no quotation mark
    ('"Never closed', [(0, None)]),
    ('"One "two', [(0, None), (5, None)]),  # a mark after a space, before a word, opens again
])
def test_pair_marks(text, pairs):
    from analysis.map.attribution.marks import _pair_marks

    assert [tuple(p) for p in _pair_marks(text, 0, len(text))] == pairs


@pytest.mark.parametrize("text", ["He said ''We won,'' twice.", "''''A'' b", "No marks at all", "it''s odd"])
def test_marks_view_keeps_every_offset(text):
    from analysis.map.attribution.marks import _marks_view

    view = _marks_view(text)
    assert len(view) == len(text)
    assert [i for i, ch in enumerate(text) if ch != "'"] == [i for i, ch in enumerate(view) if ch == text[i] and ch != "'"]


@pytest.mark.parametrize("spans, inside, outside", [
    ([(10, 50), (20, 30)], [10, 25, 49], [9, 50]),
    ([(0, 5), (3, 4), (8, 9)], [0, 4, 8], [5, 7, 9]),
    ([], [], [0, 100]),
])
def test_span_cover(spans, inside, outside):
    from analysis.map.attribution.marks import _SpanCover

    cover = _SpanCover(spans)
    assert all(cover(p) for p in inside) and not any(cover(p) for p in outside)
