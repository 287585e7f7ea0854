"""Tests of the notebook views of the attributions table (analysis.views.attributions)."""
from __future__ import annotations

import pytest

from analysis.views import attributions
from analysis.views.export import analyse


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    d = tmp_path_factory.mktemp("views")
    (d / "a.txt").write_text("Outlet: Daily One\n\nRain Talks\n\nMs. Ann Lee, a spokeswoman for the Red Cross, "
                             "said the roads were closed. “We are ready,” she said.\n", encoding="utf-8")
    (d / "b.txt").write_text("Storm Warning\n\nMr. Bob Marsh said the storm would pass. Officials fear "
                             "more rain.\n", encoding="utf-8")
    return analyse(d, skip=("claims", "framing"))


def test_counts_add_up(tables):
    c = attributions.attribution_counts(tables)
    assert len(c) == 2 and (c.direct + c.mixed + c.indirect == c.total).all()
    assert set(c.indirect_share.dropna()) <= {x / 100 for x in range(101)}


def test_indirect_table_has_no_direct_rows(tables):
    t = attributions.indirect_table(tables, width=10)
    assert set(t.kind) <= {"indirect", "mixed"} and len(t) >= 2
    assert all(len(c) <= 11 for c in t.content)


def test_affiliations_and_gender_shares(tables):
    aff = attributions.affiliations(tables)
    assert ("Ann Lee", "Red Cross") in set(zip(aff.source, aff.speaker_affiliation))
    g = attributions.gender_shares(tables, by="article")
    assert g.female.sum() >= 1 and g.male.sum() >= 1
    with pytest.raises(ValueError, match="by="):
        attributions.gender_shares(tables, by="speaker")
