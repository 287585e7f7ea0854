"""The tables are the contract: README data dictionary, TABLES and CLI agree.

A renamed or dropped column fails here; change README, TABLES and CONTRACT together,
deliberately, and say so in the changelog of the release.
"""
import re

import pytest

from analysis.config import ROOT
from analysis.tables import OFFSET_TABLES, TABLES

#: Frozen copy of the columns users rely on (the issue's minimum, plus what we promised).
CONTRACT = {
    "files": ["path", "status", "reason", "articles"],
    "articles": ["article_id", "path", "headline", "outlet", "byline", "published", "words"],
    "sentences": ["article_id", "sentence_id", "start", "end", "text", "polarity", "subjectivity"],
    "mentions": ["article_id", "start", "end", "text", "entity", "kind"],
    "quotes": ["article_id", "start", "end", "quote", "speaker", "speaker_kind", "speaker_role", "cue"],
    "sources": ["article_id", "source", "source_kind", "via"],
    "numbers": ["article_id", "start", "end", "text", "value", "unit", "qualifier"],
    "claims": ["claim_id", "article_id", "start", "end", "text", "source", "hedged"],
    "links": ["kind", "article_a", "article_b", "text_a", "text_b", "score", "start_a", "end_a", "start_b", "end_b"],
    "frames": ["article_id", "frame", "score", "evidence", "start", "end"],
    "actor_sentiment": ["article_id", "entity", "voice", "sentences", "polarity_mean"],
    "labels": ["article_id", "entity", "label", "start", "end", "text"],
    "hedges": ["article_id", "start", "end", "text", "cue"],
}


def readme_dictionary() -> dict[str, list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Data dictionary", 1)[1].split("\n## ", 1)[0]
    out: dict[str, list[str]] = {}
    for block in re.split(r"^### ", section, flags=re.M)[1:]:
        name = re.match(r"`(\w+)`", block).group(1)
        cols = []
        for line in block.splitlines():
            if line.startswith("| `"):
                first = line.split("|")[1]
                cols += re.findall(r"`(\w+)`", first)
        out[name] = cols
    return out


def test_readme_documents_every_table():
    assert set(readme_dictionary()) == set(TABLES)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_readme_documents_every_column_in_order(name):
    assert readme_dictionary()[name] == list(TABLES[name])


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_contract_columns_still_there(name):
    missing = [c for c in CONTRACT[name] if c not in TABLES[name]]
    assert not missing, f"breaking change: {name} lost {missing}"


def test_offset_tables_have_offsets():
    for name, col in OFFSET_TABLES.items():
        assert {"article_id", "start", "end", col} <= set(TABLES[name])
