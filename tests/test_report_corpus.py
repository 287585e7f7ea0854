"""The real notebooks rendered on a corpus other than the seeds: a cluster of allsides-2015 JSON
files (Russia's first strikes in Syria, CNN / NPR / Washington Times / CBN, 30 Sep - 8 Oct 2015),
as `make report CORPUS=folder` does. Skips with the reason when ../shared is absent."""
from __future__ import annotations

import json
import re

import pytest

from analysis.views import report
from analysis.config import ALLSIDES_DIR

pytestmark = pytest.mark.skipif(not ALLSIDES_DIR.is_dir(),
                                reason=f"shared corpus not found at {ALLSIDES_DIR}")

OUTLETS = ("CNN", "NPR", "Washington Times", "CBN")


def cluster_files():
    out = []
    for f in sorted(ALLSIDES_DIR.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        head = d.get("title", "") + " " + d.get("content_original", "")[:600]
        if ("2015-09-30" <= (d.get("date") or "") <= "2015-10-08"
                and any(o in d.get("source", "") for o in OUTLETS)
                and "Syria" in head and "Russia" in head):
            out.append(f)
    return out


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("cluster")
    files = cluster_files()
    assert len(files) >= 6, "the Russia-Syria cluster should be in the shared corpus"
    for f in files:
        (corpus / f.name).symlink_to(f)
    out = tmp_path_factory.mktemp("reports")
    pages = report.render_reports(corpus=corpus, out_dir=out)
    return corpus, out, pages, len(files)


def test_every_notebook_rendered_for_the_cluster(rendered):
    corpus, out, pages, n = rendered
    names = sorted(p.name for p in pages)
    expected = sorted(p.stem + ".html" for p in report.find_notebooks()) + ["index.html"]
    assert names == expected
    index = (out / "index.html").read_text(encoding="utf-8")
    assert str(corpus) in index and f"{n} files" in index


def test_reports_describe_the_cluster_not_the_seeds(rendered):
    corpus, out, pages, n = rendered
    page = (out / "1.0-source-profiling.html").read_text(encoding="utf-8")
    assert "Russia" in page
    assert len(re.findall(r"<img[^>]+src=\"data:image/png;base64", page)) >= 1
    for p in pages:
        text = p.read_text(encoding="utf-8")
        assert "Traceback (most recent call last)" not in text, p.name


def test_chart_figures_land_beside_these_reports(rendered):
    """Notebook 4 saves its PNG/SVG files into <out>/figures, not into the repo's reports/."""
    corpus, out, pages, n = rendered
    pngs = sorted((out / "figures").glob("4.0-*.png"))
    assert len(pngs) >= 8
    assert len(sorted((out / "figures").glob("4.0-*.svg"))) == len(pngs)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "figures/" + pngs[0].name in index or pngs[0].name in index


def test_parameters_cell_names_the_corpus_relative_to_the_notebooks(rendered):
    corpus, out, pages, n = rendered
    page = (out / "1.0-source-profiling.html").read_text(encoding="utf-8")
    assert "CORPUS" in page and corpus.name in page
    for quote in ('"', "&quot;", "'", "&#39;"):  # the injected string literal starts with the path
        assert f"{quote}{corpus}" not in page, "the report should not show this machine's absolute path"
    assert re.search(r"CORPUS</span>\s*<span[^>]*>=</span>\s*<span[^>]*>(\"|&quot;)\.\./", page)
