"""analysis.views.report: run notebooks with papermill, render HTML reports and an escaped index.

Uses the fixture notebook in tests/fixtures/notebooks (not the real notebooks), rendered into
tmp folders. Each render starts one kernel (~2 s), so renders are shared per module.
"""
from __future__ import annotations

import base64
import hashlib
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from analysis import config
from analysis.views import report

FIXTURE_DIR = config.TESTS_DIR / "fixtures" / "notebooks"
FIXTURE = FIXTURE_DIR / "1.0-fixture-report.ipynb"
FIXTURE_TITLE = "Fixture report: corpus listing"
PAYLOAD = "<script>alert(1)</script>"


class _Page(HTMLParser):
    """Text, links, <img> sources, <script> bodies and <title> of an HTML page."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.links: dict[str, str] = {}
        self.images: list[str] = []
        self.scripts: list[str] = []
        self.title = ""
        self._in: list[str] = []
        self._href: str | None = None
        self._link_text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and "href" in a:
            self._href, self._link_text = a["href"], []
        if tag == "img":
            self.images.append(a.get("src") or "")
        if tag in ("script", "title", "style"):
            self._in.append(tag)
            if tag == "script":
                self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links[self._href] = "".join(self._link_text)
            self._href = None
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data):
        where = self._in[-1] if self._in else None
        if where == "script":
            self.scripts[-1] += data
        elif where == "title":
            self.title += data
        elif where != "style":
            self.text.append(data)
            if self._href is not None:
                self._link_text.append(data)

    @property
    def body_text(self) -> str:
        return "".join(self.text)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _copy_fixture(dest: Path, name: str, *, heading: str | None = None, extra_code: str | None = None) -> Path:
    nb = nbformat.read(FIXTURE, as_version=4)
    if heading is not None:
        nb.cells[0].source = nb.cells[0].source.replace(FIXTURE_TITLE, heading, 1)
    if extra_code is not None:
        nb.cells[2].source += "\n" + extra_code
    dest.mkdir(parents=True, exist_ok=True)
    path = dest / name
    nbformat.write(nb, path)
    return path


def _payload_corpus(base: Path) -> Path:
    """A corpus folder whose *path* contains "<script>alert(1)</script>" (nested: no "/" in names)."""
    try:
        folder = base / "<script>alert(1)<" / "script>"
        folder.mkdir(parents=True)
    except OSError:  # pragma: no cover - filesystems that refuse < >
        folder = base / "corpus"
        folder.mkdir(parents=True)
    (folder / "a.txt").write_text(f"{PAYLOAD}\n\nBody of article a.\n", encoding="utf-8")
    (folder / "b.txt").write_text("A plain headline\n\nBody of article b.\n", encoding="utf-8")
    return folder


# ----------------------------------------------------------------------------- renders


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    """The fixture notebook rendered on its default corpus (../../../seeds = repo seeds/)."""
    out = tmp_path_factory.mktemp("reports")
    before = _sha(FIXTURE)
    paths = report.render_reports(notebooks=[FIXTURE], out_dir=out, timeout=120)
    assert _sha(FIXTURE) == before, "the committed notebook must never be overwritten"
    return out, paths


@pytest.fixture(scope="module")
def escaped(tmp_path_factory):
    """A copy whose title holds <script>, run on a corpus whose path holds <script>, code hidden."""
    base = tmp_path_factory.mktemp("escape")
    nb = _copy_fixture(base / "nbs", "2.0-escape.ipynb", heading=f"Titles {PAYLOAD} & more")
    corpus = _payload_corpus(base / "corpora")
    out = base / "reports"
    paths = report.render_reports(notebooks=[nb], corpus=corpus, out_dir=out, hide_code=True, timeout=120)
    return out, paths, corpus


def test_returns_reports_then_index(plain):
    out, paths = plain
    assert [p.name for p in paths] == ["1.0-fixture-report.html", "index.html"]
    assert all(p.parent == out and p.is_file() for p in paths)


def test_report_embeds_the_figure_as_png(plain):
    out, _ = plain
    page = _Page((out / "1.0-fixture-report.html").read_text(encoding="utf-8"))
    pngs = [src for src in page.images if src.startswith("data:image/png;base64,")]
    assert len(pngs) == 1, page.images
    data = base64.b64decode(pngs[0].split(",", 1)[1])
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    from PIL import Image

    with Image.open(io.BytesIO(data)) as img:
        assert img.width > 100 and img.height > 100
    # self-contained: no remote scripts, no file references
    html = (out / "1.0-fixture-report.html").read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", html)
    assert not any(src and not src.startswith("data:") for src in page.images)


def test_report_shows_outputs_and_code(plain):
    out, _ = plain
    page = _Page((out / "1.0-fixture-report.html").read_text(encoding="utf-8"))
    n_seeds = sum(1 for p in config.SEEDS_DIR.rglob("*") if p.is_file())
    assert f"corpus files: {n_seeds}" in page.body_text
    assert "figure done" in page.body_text
    assert "rglob" in page.body_text  # code cells are shown by default
    assert page.title == FIXTURE_TITLE


def test_index_links_each_report_with_its_title(plain):
    out, paths = plain
    page = _Page((out / "index.html").read_text(encoding="utf-8"))
    for p in paths[:-1]:
        assert page.links.get(p.name) == FIXTURE_TITLE
        assert (out / p.name).is_file()
    text = page.body_text
    n_seeds = sum(1 for p in config.SEEDS_DIR.rglob("*") if p.is_file())
    assert f"{config.SEEDS_DIR} ({n_seeds} files)" in text  # the notebook's own default corpus
    assert f"analysis {report._version()}" in text
    assert re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", text)
    assert "all ok" in text
    assert page.scripts == []


def test_index_escapes_corpus_path_and_title(escaped):
    out, _, corpus = escaped
    raw = (out / "index.html").read_text(encoding="utf-8")
    page = _Page(raw)
    assert page.scripts == [], "nothing from the corpus or notebook may become a <script>"
    assert PAYLOAD not in raw
    assert f"Titles {PAYLOAD} & more" in page.body_text  # shown as text
    assert page.links.get("2.0-escape.html") == f"Titles {PAYLOAD} & more"
    assert f"{corpus} (2 files)" in page.body_text
    if "<script>" in str(corpus):
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in raw


def test_report_title_and_outputs_are_escaped(escaped):
    out, _, corpus = escaped
    raw = (out / "2.0-escape.html").read_text(encoding="utf-8")
    page = _Page(raw)
    assert page.title == f"Titles {PAYLOAD} & more"
    assert "<title>Titles &lt;script&gt;" in raw
    # the article title comes out of print() and a DataFrame: text, never markup
    assert f"- a.txt: {PAYLOAD}" in page.body_text
    assert not any("alert(1)" in s for s in page.scripts)
    assert "CORPUS = " not in page.body_text and "rglob" not in page.body_text  # hide_code


def test_failing_notebook_is_marked_and_cli_exits_nonzero(tmp_path, capsys):
    # the ok notebook also saves a figure into <out>/figures (path passed as an extra parameter)
    ok = _copy_fixture(tmp_path / "nbs", "1.0-ok.ipynb", extra_code=(
        "from matplotlib.figure import Figure\n"
        "Path(FIG).parent.mkdir(parents=True, exist_ok=True)\n"
        "Figure(figsize=(2, 2)).savefig(FIG)"))
    bad = _copy_fixture(tmp_path / "nbs", "2.0-broken.ipynb", heading="Broken one",
                        extra_code="ratio = len(files) / 0")
    out = tmp_path / "out"
    fig = out / "figures" / "sizes.png"
    code = report.main(["--notebook", str(ok), str(bad), "--out", str(out), "--corpus",
                        str(config.SEEDS_DIR), "--quiet", "-p", f"FIG={fig}"])
    assert code != 0
    err = capsys.readouterr().err
    assert "2.0-broken.ipynb failed at cell 3" in err
    assert "ratio = len(files) / 0" in err and "ZeroDivisionError" in err
    page = _Page((out / "index.html").read_text(encoding="utf-8"))
    assert "failed" in page.body_text and "ZeroDivisionError: division by zero" in page.body_text
    assert page.links.get("1.0-ok.html") == FIXTURE_TITLE
    assert page.links.get("2.0-broken.html") == "Broken one"  # the partial report shows the traceback
    assert "ZeroDivisionError" in (out / "2.0-broken.html").read_text(encoding="utf-8")
    assert (out / "1.0-ok.html").is_file()
    assert fig.is_file() and page.links.get("figures/sizes.png") == "sizes.png"


def test_missing_corpus_is_a_clear_error(tmp_path):
    with pytest.raises(report.ReportError, match="does not exist"):
        report.render_reports(notebooks=[FIXTURE], corpus=tmp_path / "nope", out_dir=tmp_path)


@pytest.mark.parametrize(
    "names, expected",
    [
        (["10.0-z.ipynb", "2.0-b.ipynb", "1.1-a.ipynb", "1.0-a.ipynb", "notes.ipynb"],
         ["1.0-a.ipynb", "1.1-a.ipynb", "2.0-b.ipynb", "10.0-z.ipynb"]),
        (["3-c.ipynb", "12-a.ipynb"], ["3-c.ipynb", "12-a.ipynb"]),
    ],
)
def test_numbered_notebooks_in_numeric_order(tmp_path, names, expected):
    for n in names:
        (tmp_path / n).write_text("{}", encoding="utf-8")
    assert [p.name for p in report.find_notebooks(notebooks_dir=tmp_path)] == expected


@pytest.mark.parametrize(
    "wanted, found",
    [("2.0", "2.0-b.ipynb"), ("2.0-b", "2.0-b.ipynb"), ("2.0-b.ipynb", "2.0-b.ipynb"), ("1", "1.0-a.ipynb")],
)
def test_notebook_names(tmp_path, wanted, found):
    for n in ["1.0-a.ipynb", "2.0-b.ipynb", "12.0-c.ipynb"]:
        (tmp_path / n).write_text("{}", encoding="utf-8")
    assert [p.name for p in report.find_notebooks([wanted], notebooks_dir=tmp_path)] == [found]


def test_unknown_notebook_name_lists_the_available_ones(tmp_path):
    (tmp_path / "1.0-a.ipynb").write_text("{}", encoding="utf-8")
    with pytest.raises(report.ReportError, match=r"'9' matches no notebook.*1\.0-a\.ipynb"):
        report.find_notebooks(["9"], notebooks_dir=tmp_path)


@pytest.mark.parametrize(
    "cells, title",
    [
        (["# Source profiling"], "Source profiling"),
        (["intro", "## Claims <b> ##\ntext"], "Claims <b>"),
        (["Framing\n=======\n"], "Framing"),
        (["no heading here"], ""),
    ],
)
def test_first_heading(cells, title):
    nb = {"cells": [{"cell_type": "code", "source": "# not markdown"}]
          + [{"cell_type": "markdown", "source": c} for c in cells]}
    assert report.first_heading(nb) == title


def test_default_corpus_is_read_from_the_parameters_cell():
    nb = nbformat.read(FIXTURE, as_version=4)
    assert report._default_corpus(nb, FIXTURE) == config.SEEDS_DIR.resolve()


def test_index_without_results_escapes_the_note(tmp_path):
    index = report.write_index([], out_dir=tmp_path, corpus=None, note=f"none in {PAYLOAD}")
    raw = index.read_text(encoding="utf-8")
    assert PAYLOAD not in raw and f"none in {PAYLOAD}" in _Page(raw).body_text


def test_no_numbered_notebooks_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "NOTEBOOKS_DIR", tmp_path / "empty")
    with pytest.raises(report.ReportError, match="No notebooks matching"):
        report.render_reports(out_dir=tmp_path / "out")
    assert (tmp_path / "out" / "index.html").is_file()


def test_fixture_is_clean():
    """The fixture is committed without outputs (it is rendered, never checked by nbval)."""
    nb = nbformat.read(FIXTURE, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")
    assert "parameters" in nb.cells[1].metadata.get("tags", [])
