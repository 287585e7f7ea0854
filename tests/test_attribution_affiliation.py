"""Tests of speaker affiliation (analysis.map.attribution.affiliation)."""
from __future__ import annotations

import pytest

from attribution_helpers import attribs


@pytest.mark.parametrize("body, affiliation", [
    ("Lena Ortiz at the Center for Water Policy believes the river will flood.", "Center for Water Policy"),
    ("Harbor Union's commander, Omar Said, said the port was quiet.", "Harbor Union"),
    ("A spokeswoman for Lakeside Hotels, Mia Chen, said the rooms were full.", "Lakeside Hotels"),
    ("Treasury Department spokesman Rob Hale said the bonds were sold.", "Treasury Department"),
    ("Rob Hale said the bonds were sold.", ""),
    # a relation to a person is no employer
    ("Rob Hale, a close friend of Senator Ann Lee's, said the bonds were sold.", ""),
    ("Mia Chen, the widow of Tom Chen, said the rooms were full.", ""),
    ("Mia Chen, a lawyer for Lakeside Hotels, said the rooms were full.", "Lakeside Hotels"),
])
def test_affiliation(body, affiliation):
    rows = attribs(body)
    assert len(rows) == 1 and rows[0].speaker_affiliation == affiliation
