"""The command line: help, export, store, errors."""
import csv
import shutil
import subprocess
import sys

import pytest

from analysis.__main__ import main
from analysis.config import ROOT, SEEDS_DIR
from analysis.tables import TABLES
from test_store import write_corpus  # the corpus written for the store tests


@pytest.fixture(autouse=True)
def own_store(tmp_path_factory, monkeypatch):
    """CLI runs store their analyses in the test's temporary folder, not the user's cache."""
    root = tmp_path_factory.getbasetemp() / "cli-store"
    monkeypatch.setenv("ANALYSIS_STORE", str(root))
    return root


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


def tables_bytes(folder):
    return {name: (folder / f"{name}.csv").read_bytes() for name in TABLES}


def test_jobs_and_dask_write_the_bytes_of_jobs_1(tmp_path, capsys):
    corpus = write_corpus(tmp_path / "c")
    shutil.copytree(SEEDS_DIR, corpus / "seeds")
    runs = {"jobs1": ["--jobs", "1"], "jobs2": ["--jobs", "2"]}
    try:
        import distributed  # noqa: F401

        runs["dask"] = ["--dask", "local", "--jobs", "2"]
    except ImportError:  # pragma: no cover - `make install` installs the [dask] extra
        pass
    out = {}
    for name, opts in runs.items():  # each with its own store, so each really analyses
        assert main(["export", str(corpus), "--out", str(tmp_path / name), "--store", str(tmp_path / f"s-{name}"),
                     "--quiet", *opts]) == 0
        out[name] = tables_bytes(tmp_path / name)
    assert len(out) == 3, "dask.distributed missing: pip install -e '.[dask]'"
    assert out["jobs2"] == out["jobs1"]
    assert out["dask"] == out["jobs1"]
    assert out["jobs1"]["links"].count(b"\n") > 1 and out["jobs1"]["sentences"].count(b"\n") > 50
    assert "skipped" in capsys.readouterr().err  # README.md, the hidden and the empty file


def test_format_parquet(tmp_path):
    import pyarrow.parquet as pq

    res = run("export", str(SEEDS_DIR), "--out", str(tmp_path), "--format", "parquet", "--quiet")
    assert res.returncode == 0, res.stderr
    assert "5 files (5 loaded)" in res.stdout
    assert pq.read_table(tmp_path / "quotes.parquet").schema.names == list(TABLES["quotes"])
    assert not list(tmp_path.glob("*.csv"))


def test_quiet_and_non_terminal_output_have_no_progress_bars(tmp_path):
    res = run("export", str(SEEDS_DIR), "--out", str(tmp_path), "--rebuild")
    assert res.returncode == 0, res.stderr
    assert "analysing" not in res.stderr and "\r" not in res.stderr  # stderr is not a terminal here


def test_store_command_shows_and_clears(tmp_path, own_store, capsys):
    assert main(["export", str(SEEDS_DIR), "--out", str(tmp_path), "--quiet", "--jobs", "1"]) == 0
    assert main(["store", str(SEEDS_DIR)]) == 0
    shown = capsys.readouterr().out
    assert str(own_store) in shown and "(empty)" not in shown
    assert main(["store"]) == 0
    assert "stored corpora" in capsys.readouterr().out
    assert main(["store", str(SEEDS_DIR), "--clear"]) == 0
    assert "removed" in capsys.readouterr().out
    main(["store", str(SEEDS_DIR)])
    assert "(empty)" in capsys.readouterr().out


@pytest.mark.parametrize("opts, message", [
    (["--jobs", "0"], "--jobs takes a whole number"),
    (["--jobs", "two"], "--jobs takes a whole number"),
    (["--format", "xlsx"], "invalid choice"),
])
def test_bad_options_are_clear_errors(tmp_path, opts, message):
    res = run("export", str(SEEDS_DIR), "--out", str(tmp_path), *opts)
    assert res.returncode == 2 and message in res.stderr
