"""Tests of sentence bounds (analysis.map.attribution.sentences)."""
from __future__ import annotations

import pytest

from analysis.map.attribution.sentences import _sent_end, _sent_index, _sent_start


@pytest.mark.parametrize("text, sentences", [
    ("Dr. Ann Lee spoke. Then she left.", ["Dr. Ann Lee spoke.", "Then she left."]),
    ("Sen. Bob Marsh (D-N.Y.) said no. It ended.", ["Sen. Bob Marsh (D-N.Y.) said no.", "It ended."]),
    ("John F. Kennedy won. Yes!", ["John F. Kennedy won.", "Yes!"]),
    ("He left.Then the rain came.", ["He left.", "Then the rain came."]),  # a lost space
    ('“We won,” he said. “Again.”', ["“We won,” he said.", "“Again.”"]),
    ("One; two", ["One;", "two"]),
])
def test_sentences(text, sentences):
    got, p = [], 0
    while p < len(text):
        s = _sent_start(text, 0, p)
        e = _sent_end(text, s, len(text))
        got.append(text[s:e])
        p = e + 1 if e > p else len(text)
    assert got == sentences


def test_index_is_cached_per_text():
    t = "A b. C d."
    assert _sent_index(t)[1] is _sent_index(t)[1]
    assert _sent_index(t)[1] == [4, 9]
