"""Tests of speaker gender (analysis.map.attribution.gender)."""
from __future__ import annotations

import pytest

from attribution_helpers import attribs


@pytest.mark.parametrize("body, gender", [
    ("Mr. Ortiz said the river will flood.", "male"),
    ("Mrs. Ortiz said the river will flood.", "female"),
    ("The company's spokeswoman said the river will flood.", "female"),
    ("Maria Ortiz said the river will flood.", "female"),
    ("Ortiz said the river will flood.", ""),  # nothing decides: no guess
])
def test_gender(body, gender):
    rows = attribs(body)
    assert len(rows) == 1 and rows[0].speaker_gender == gender


def test_plural_source_has_no_single_gender():
    rows = attribs("Ann Lee and Bob Marsh said the bill would pass.\n\nMore text.")
    assert rows[0].source == "Ann Lee and Bob Marsh" and rows[0].speaker_gender == ""
