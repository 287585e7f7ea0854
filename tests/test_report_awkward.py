"""The real notebooks rendered on awkward corpora the export accepts: one article, every file
skipped, articles with no headline / outlet / date / quotes, the bad-input fixtures. Each
notebook runs as `make report CORPUS=...` runs it (papermill, `CORPUS` injected); none may fail,
and a corpus with nothing loaded says so instead of drawing empty charts."""
from __future__ import annotations

import shutil

import pytest

from analysis.views import report
from analysis.config import TESTS_DIR

BAD = TESTS_DIR / "fixtures" / "bad"
NOTEBOOKS = [nb.stem for nb in report.find_notebooks()]
#: Page size limit of a report (figures are PNGs at modest dpi; long tables are cut).
MAX_PAGE_BYTES = 5_000_000


def _single(d):
    shutil.copy(BAD / "good.txt", d / "good.txt")


def _skipped(d):
    for name in ("empty.txt", "binary.txt", "whitespace.txt"):
        shutil.copy(BAD / name, d / name)


def _bare(d):
    # no headline (a one-paragraph text file; a CSV with only a text column), no outlet, no date, no quotes
    (d / "note.txt").write_text("The town council met on Tuesday and agreed to repair the old bridge over the "
                                "river before winter.\n", encoding="utf-8")
    (d / "rows.csv").write_text('text\n"Workers repaired the road near the station. The mayor visited the site."\n'
                                '"Heavy rain closed two schools in the valley. Classes resume on Monday."\n',
                                encoding="utf-8")


def _bad(d):
    for f in BAD.iterdir():
        shutil.copy(f, d / f.name)


CASES = {"skipped": _skipped, "single": _single, "bare": _bare, "bad": _bad}
#: Failures in notebooks this branch does not own, with the fix they need (kept visible as xfail).
#: (corpus case, notebook) pairs known to fail, with the reason (none at present).
KNOWN: dict[tuple[str, str], str] = {}


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    out = {}
    for name, build in CASES.items():
        d = tmp_path_factory.mktemp(f"corpus-{name}")
        build(d)
        out[name] = d
    return out


def render(corpora, tmp_path, case, notebook):
    out = tmp_path / "reports"
    try:
        report.render_reports(corpus=corpora[case], notebooks=[notebook], out_dir=out)
    except report.ReportError as exc:
        pytest.fail(f"{notebook} failed on the {case!r} corpus: {exc}")
    return (out / f"{notebook}.html").read_text(encoding="utf-8")


PARAMS = []
for case in CASES:
    for nb in NOTEBOOKS:
        marks = [pytest.mark.slow]
        if (case, nb) in KNOWN:
            marks.append(pytest.mark.xfail(reason=KNOWN[(case, nb)], strict=False))
        PARAMS.append(pytest.param(case, nb, marks=marks, id=f"{case}-{nb}"))


@pytest.mark.parametrize("case, notebook", PARAMS)
def test_notebook_renders_on_awkward_corpus(corpora, tmp_path, case, notebook):
    page = render(corpora, tmp_path, case, notebook)
    assert "Traceback (most recent call last)" not in page
    assert len(page.encode("utf-8")) <= MAX_PAGE_BYTES


@pytest.mark.slow
@pytest.mark.parametrize("notebook", [nb for nb in NOTEBOOKS if nb.startswith(("0.0", "4.0"))])
def test_nothing_loaded_is_said_not_drawn(corpora, tmp_path, notebook):
    page = render(corpora, tmp_path, "skipped", notebook)
    assert "No article could be loaded" in page
    assert "3 files skipped" in page and "empty file (0 bytes)" in page


def _two_stories(d):
    import json

    from test_stories import ARTICLES

    recs = [{"id": a, "title": h, "date": p, "source": o, "text": t} for a, h, p, o, t, _ in ARTICLES]
    (d / "records.jsonl").write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")


@pytest.mark.slow
def test_story_parameter_narrows_the_charts(tmp_path):
    corpus = tmp_path / "two-stories"
    corpus.mkdir()
    _two_stories(corpus)
    out = tmp_path / "reports"
    notebook = next(nb for nb in NOTEBOOKS if nb.startswith("4.0"))
    report.render_reports(corpus=corpus, notebooks=[notebook], out_dir=out, parameters={"STORY": "budget"})
    page = (out / f"{notebook}.html").read_text(encoding="utf-8")
    assert "2 of 7 articles" in page
    assert "Budget bill heads to the House" in page and "Aftershocks rattle Kathmandu" not in page
