"""Outlets and leanings: per-outlet source profiles from tables we build ourselves."""
from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from analysis.corpus import outlets
from analysis.tables import TABLES


def tables(*, gender=False, tone=False):
    arts = pd.DataFrame({
        "article_id": ["a1", "a2", "b1", "c1"],
        "outlet": ["Left Daily", "Left Daily", "Right Post", None],
        "words": [100, 200, 50, 10],
        "sentences": [10, 10, 5, 1],
        "meta": [json.dumps({"bias_text": "left"}), json.dumps({"bias_text": "left"}),
                 json.dumps({"bias": 2, "bias_text": "Right"}), ""],
    })
    q = pd.DataFrame({
        "article_id": ["a1", "a1", "a2", "a2", "b1", "b1"],
        "speaker": ["Ann Lee", "Ann Lee", "Bob Roe", None, "one official", "Cy Dee"],
        "speaker_kind": ["named", "named", "named", "unattributed", "anonymous", "named"],
        "speaker_role": ["official", "official", "expert", "", "official", ""],
    })
    if gender:
        q["speaker_gender"] = ["female", "female", "male", "", "", "male"]
    h = pd.DataFrame({"article_id": ["a1", "a1", "b1"], "kind": ["modal", "certainty", "reporting"]})
    frames = pd.DataFrame({"article_id": ["a1", "a2", "b1"], "frame": ["conflict", "economic", "conflict"],
                           "score": [0.5, 1.0, 0.25]})
    act = pd.DataFrame({"article_id": ["a1", "a2", "b1", "b1"], "entity": ["Senate", "Senate", "Senate", "Mayor"],
                        "voice": ["all"] * 4, "sentences": [2, 2, 4, 1], "polarity_mean": [0.5, -0.5, 0.25, 0.1]})
    if tone:
        act["tone"] = [1.0, 1.0, -1.0, 0.0]
    stories = pd.DataFrame({"story_id": [1, 1, 2, 3], "article_id": ["a1", "b1", "a2", "c1"]})
    return {"articles": arts, "quotes": q, "hedges": h, "frames": frames, "actor_sentiment": act, "stories": stories}


def row(df, outlet):
    return df[df.outlet == outlet].iloc[0]


def test_columns_match_the_contract():
    t = outlets.outlets_table(tables())
    assert tuple(t.columns) == TABLES["outlets"] == outlets.COLUMNS
    p = outlets.profile_table(tables())
    assert tuple(p.columns) == TABLES["outlet_profile"] == outlets.PROFILE_COLUMNS


def test_counts_shares_and_rates():
    t = outlets.outlets_table(tables())
    left = row(t, "Left Daily")
    assert (left.articles, left.words, left.quotes, left.stories, left.speakers) == (2, 300, 4, 2, 2)
    assert left.named_share == 0.75 and left.unattributed_share == 0.25 and left.anonymous_share == 0.0
    assert left.hedges_per_100 == 5.0 and left.certainty_per_100 == 5.0  # 1 each over 20 sentences
    right = row(t, "Right Post")
    assert right.anonymous_share == 0.5 and right.hedges_per_100 == 20.0
    unknown = row(t, outlets.UNKNOWN)
    assert unknown.quotes == 0 and math.isnan(unknown.named_share)
    assert t.outlet.tolist()[0] == "Left Daily"  # most articles first
    assert t.attributions.eq(0).all()  # no attributions table given


def test_leaning_from_metadata_and_from_a_file(tmp_path):
    t = outlets.outlets_table(tables())
    assert row(t, "Left Daily").leaning == "left" and row(t, "Right Post").leaning == "right"
    assert row(t, outlets.UNKNOWN).leaning == ""
    f = tmp_path / "leanings.csv"
    f.write_text("outlet,leaning\nRight Post,lean right\n", encoding="utf-8")
    t2 = outlets.outlets_table(tables(), leanings=f)
    assert row(t2, "Right Post").leaning == "lean right" and row(t2, "Left Daily").leaning == "left"


def test_bad_leanings_file_says_what_is_wrong(tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("name,bias\nX,left\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.csv.*'outlet' and 'leaning'"):
        outlets.outlets_table(tables(), leanings=f)


def test_gender_shares_only_with_a_gender_column():
    assert outlets.outlets_table(tables()).women_share.isna().all()
    t = outlets.outlets_table(tables(gender=True))
    assert row(t, "Left Daily").women_share == 0.5 and row(t, "Left Daily").men_share == 0.5  # Ann, Bob
    assert row(t, "Right Post").men_share == 1.0  # Cy Dee (the anonymous official is not a named speaker)
    p = outlets.profile_table(tables(gender=True))
    assert set(p[p.measure == "speaker_gender"].category) == {"female", "male", "unknown"}  # the official


def test_profile_roles_frames_and_tone():
    p = outlets.profile_table(tables())
    left = p[p.outlet == "Left Daily"]
    roles = dict(zip(left[left.measure == "speaker_role"].category, left[left.measure == "speaker_role"].value))
    assert roles == {"official": 0.5, "expert": 0.25, "(no role)": 0.25}
    frames = left[left.measure == "frame"].set_index("category").value.to_dict()
    assert frames == {"conflict": 0.5, "economic": 0.5}
    tone = left[left.measure == "tone (polarity_mean)"].set_index("category")
    assert tone.loc["Senate", "value"] == 0.0 and tone.loc["Senate", "n"] == 4  # (2*0.5 + 2*-0.5) / 4
    with_tone = outlets.profile_table(tables(tone=True))
    assert (with_tone.measure == "tone (tone)").any() and not (with_tone.measure == "tone (polarity_mean)").any()


def test_leanings_pool_articles_not_outlets():
    lt = outlets.leanings(tables())
    left = lt[lt.leaning == "left"].iloc[0]
    assert left.outlets == 1 and left.articles == 2 and left.quotes == 4
    assert set(lt.leaning) == {"left", "right", ""}
    lp = outlets.leaning_profile(tables())
    assert {"leaning", "measure", "category", "value", "n"} == set(lp.columns)


def test_empty_corpus():
    empty = {name: pd.DataFrame(columns=list(cols)) for name, cols in TABLES.items()}
    assert list(outlets.outlets_table(empty).columns) == list(outlets.COLUMNS)
    assert not len(outlets.profile_table(empty)) and not len(outlets.leanings(empty))


def test_attributions_counted_when_present():
    t = tables()
    t["attributions"] = pd.DataFrame({"article_id": ["a1", "a1", "b1"]})
    out = outlets.outlets_table(t)
    assert row(out, "Left Daily").attributions == 2 and row(out, "Right Post").attributions == 1
