"""Paths used across the project, in one place.

>>> SEEDS_DIR.name
'seeds'
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent
DATA_DIR = PACKAGE_DIR / "data"
SEEDS_DIR = ROOT / "seeds"
NOTEBOOKS_DIR = ROOT / "notebooks"
REPORTS_DIR = ROOT / "reports"
FIGURES_DIR = REPORTS_DIR / "figures"
TESTS_DIR = ROOT / "tests"
# Shared corpora live beside the project (../shared); absent in a user's clone.
SHARED_DIR = Path(os.environ.get("ANALYSIS_SHARED_DIR", ROOT.parent / "shared"))
ALLSIDES_DIR = SHARED_DIR / "corpora" / "allsides-2015"
HTML_NEWS_DIR = SHARED_DIR / "corpora" / "html" / "news"
HTML_ENCODINGS_DIR = SHARED_DIR / "corpora" / "html" / "encodings"

DEFAULT_CORPUS = SEEDS_DIR
