"""Tests of the cue lexicon data/cues.csv (analysis.map.attribution.cues)."""
from __future__ import annotations

import pytest

from analysis.map import attribution as A


def test_cue_lexicon_comes_from_the_data_file(tmp_path):
    from analysis.map import quotes as Q
    assert "said" in Q.CUE_VERBS and "saying" in Q.PARTICIPLE_CUES and "believes" in Q.SOURCE_ONLY_CUES
    p = tmp_path / "cues.csv"
    p.write_text("cue,kind,quotes,note\nmurmured,quote_only,verb,\nsaid,speech,verbb,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 3.*verbb"):
        Q._load_quote_cues(p)


def test_bad_cue_kind_is_a_clear_error(tmp_path):
    p = tmp_path / "cues.csv"
    p.write_text("cue,kind,quotes,note\nsaid,speach,verb,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2.*speach"):
        A.cues._load_cues(p)


@pytest.mark.parametrize("text", [
    "He said it.", "ABCsaid it (said Lee).", "X3said.\nsaid Lee", "“said,” she added", "said first",
    "According to Lee, it rained; according to Roe it did not.", "Lee_said-said'said",
])
def test_cue_regexes_find_what_the_compiled_regexes_find(text):
    from analysis.map.attribution import cues
    for rx in (cues._CUE_RE, cues._PART_RE, cues._SRC_CUE_RE, cues._ATTR_CUE_RE):
        for lo, hi in ((0, len(text)), (1, len(text)), (3, len(text) - 2)):
            assert [m.span() for m in rx.finditer(text, lo, hi)] == [m.span() for m in rx.regex.finditer(text, lo, hi)]
            got, want = rx.search(text, lo, hi), rx.regex.search(text, lo, hi)
            assert (got and got.span()) == (want and want.span())
