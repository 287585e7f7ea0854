"""The command line: help, export, errors."""
import csv
import subprocess
import sys

import pytest

from analysis.config import ROOT, SEEDS_DIR
from analysis.tables import TABLES


def run(*args):
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_help_lists_every_table_and_column():
    res = run("export", "--help")
    assert res.returncode == 0
    flat = " ".join(res.stdout.split())
    for name, cols in TABLES.items():
        assert f"{name}:" in flat
        for col in cols:
            assert col in flat
    assert "text[start:end]" in res.stdout


def test_export_seeds_writes_every_table(tmp_path):
    res = run("export", str(SEEDS_DIR), "--out", str(tmp_path))
    assert res.returncode == 0, res.stderr
    assert "5 files (5 loaded)" in res.stdout
    for name, cols in TABLES.items():
        with open(tmp_path / f"{name}.csv", encoding="utf-8", newline="") as f:
            header = next(csv.reader(f))
        assert tuple(header) == cols


def test_missing_path_is_a_clear_error(tmp_path):
    res = run("export", str(tmp_path / "nope"), "--out", str(tmp_path / "o"))
    assert res.returncode == 2
    assert "does not exist" in res.stderr and "nope" in res.stderr


@pytest.mark.parametrize("args", [[], ["export"], ["export", "x"]])
def test_bad_usage_exits_nonzero(args):
    assert run(*args).returncode != 0


def test_skip_leaves_optional_tables_empty_but_present(tmp_path):
    res = run("export", str(SEEDS_DIR), "--out", str(tmp_path), "--skip", "claims,framing")
    assert res.returncode == 0, res.stderr
    for name in ("claims", "links", "frames", "hedges"):
        rows = list(csv.reader(open(tmp_path / f"{name}.csv", encoding="utf-8", newline="")))
        assert rows == [list(TABLES[name])]
    quotes = list(csv.reader(open(tmp_path / "quotes.csv", encoding="utf-8", newline="")))
    assert len(quotes) > 5


def test_unknown_skip_is_a_clear_error(tmp_path):
    res = run("export", str(SEEDS_DIR), "--out", str(tmp_path), "--skip", "claimz")
    assert res.returncode == 2 and "claimz" in res.stderr and "claims, framing" in res.stderr
