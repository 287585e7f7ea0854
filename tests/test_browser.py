"""Open rendered reports in headless Chromium: pages load, figures decode, nothing injected runs.

Always tested: the fixture notebook rendered into a tmp folder on a corpus whose article
titles are script payloads. Also tested when present: the real reports in reports/.

Each page is loaded twice: as is (``--screenshot``: the PNG must not be a single colour;
``--dump-dom``: <img> elements carry data: URIs, <title> unchanged, payloads present as text)
and as a copy with a probe script prepended to <head> that replaces ``window.alert`` by a
DOM marker and, on load, records how many <img> decoded. A control page with the same
payloads *unescaped* proves the checks catch script execution.

Chromium: /usr/bin/chromium; when missing, scripts/install-chromium.sh is tried (root,
apt-get); only if that fails the tests skip, saying why.
"""
from __future__ import annotations

import os
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from analysis import config
from analysis.views import report

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
INSTALL_SCRIPT = config.ROOT / "scripts" / "install-chromium.sh"
FIXTURE = config.TESTS_DIR / "fixtures" / "notebooks" / "1.0-fixture-report.ipynb"
FIXTURE_TITLE = "Fixture report: corpus listing"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars",
]
TIMEOUT = 45  # seconds per Chromium run (a page loads in ~1 s)

# Article titles (first lines of corpus files). Each would leave a mark if it ran:
ALERT = "<script>alert(1)</script>"                                  # data-alert="1" via the probe
TITLE_XSS = "<script>document.title='XSS'+'-RAN'</script>"           # <title>XSS-RAN</title>
ONERROR_XSS = "<img src=x onerror=\"document.documentElement.dataset.xss='onerror'+'-ran'\">"
PAYLOADS = [ALERT, TITLE_XSS, ONERROR_XSS]
# A corpus folder name that is itself a payload (no "/" allowed in a name).
FOLDER_XSS = "<img src=x onerror=\"document.title='XSS'+'-RAN'\">"

PROBE = """<script>
window.alert = function (m) { document.documentElement.setAttribute('data-alert', String(m)); };
window.addEventListener('load', function () {
  var imgs = Array.prototype.slice.call(document.images);
  var ok = imgs.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;
  document.documentElement.setAttribute('data-images', ok + '/' + imgs.length);
});
</script>"""


# ----------------------------------------------------------------------------- chromium


@pytest.fixture(scope="session")
def chromium() -> Path:
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    why = f"{CHROMIUM} is missing"
    if INSTALL_SCRIPT.is_file():
        try:
            proc = subprocess.run(["sh", str(INSTALL_SCRIPT)], capture_output=True, text=True, timeout=900)
            why += f"; {INSTALL_SCRIPT.name} exited {proc.returncode}: {(proc.stderr or proc.stdout).strip()[-300:]}"
        except (OSError, subprocess.TimeoutExpired) as exc:
            why += f"; {INSTALL_SCRIPT.name} failed: {exc}"
    else:
        why += f"; {INSTALL_SCRIPT} not found"
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    pytest.skip(f"headless Chromium unavailable ({why}); install it with: sudo sh scripts/install-chromium.sh")


def _run(chromium: Path, tmp: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    try:
        proc = subprocess.run(
            [str(chromium), *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=TIMEOUT,
            env={**os.environ, "HOME": str(tmp)},  # keep Chromium's crash/cache dirs out of the user's home
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"chromium {' '.join(args)} hung for {TIMEOUT} s "
                    "(an alert()/confirm() dialog blocks headless Chromium)")
    assert proc.returncode == 0, f"chromium exited {proc.returncode}: {proc.stderr[-2000:]}"
    return proc


def dump_dom(chromium: Path, page: Path, tmp: Path) -> str:
    dom = _run(chromium, tmp, "--dump-dom", page.resolve().as_uri()).stdout
    assert "<body" in dom, f"page did not load: {page}\n{dom[:500]}"
    return dom


def screenshot(chromium: Path, page: Path, tmp: Path) -> Path:
    png = tmp / f"{page.stem}-{len(list(tmp.glob('*.png')))}.png"
    _run(chromium, tmp, f"--screenshot={png}", "--window-size=1280,2000", page.resolve().as_uri())
    assert png.is_file() and png.stat().st_size > 0, f"no screenshot of {page}"
    return png


def with_probe(page: Path, tmp: Path) -> Path:
    """A copy of ``page`` in ``tmp`` with PROBE first in <head> (reports are self-contained)."""
    html = page.read_text(encoding="utf-8")
    html, n = re.subn(r"<head[^>]*>", lambda m: m.group(0) + PROBE, html, count=1, flags=re.I)
    assert n == 1, f"no <head> in {page}"
    probed = tmp / f"probe-{page.name}"
    probed.write_text(html, encoding="utf-8")
    return probed


class _Dom(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.root: dict[str, str] = {}
        self.images: list[str] = []
        self.scripts: list[str] = []
        self.title = ""
        self.text: list[str] = []
        self._in: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.root = a
        elif tag == "img":
            self.images.append(a.get("src", ""))
        if tag in ("script", "title", "style"):
            self._in.append(tag)
            if tag == "script":
                self.scripts.append("")

    def handle_endtag(self, tag):
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

    @property
    def body_text(self) -> str:
        return "".join(self.text)


def assert_not_blank(png: Path) -> None:
    from PIL import Image

    with Image.open(png) as img:
        rgb = img.convert("RGB")
        assert rgb.width >= 1000, rgb.size
        colours = rgb.getcolors(maxcolors=1 << 16)
    assert colours is None or len(colours) > 8, f"{png} is (nearly) one colour: {colours and colours[:5]}"


def check_page(chromium: Path, page: Path, tmp: Path, *, title: str | None = None,
               min_images: int = 0, payloads: list[str] = ()) -> _Dom:
    """Everything a rendered page must satisfy; returns the dumped DOM of the page as is."""
    # First with the probe: alert() is neutralised there (a real one would hang Chromium).
    probed = _Dom(dump_dom(chromium, with_probe(page, tmp), tmp))
    assert "data-alert" not in probed.root, f"alert({probed.root.get('data-alert')}) ran in {page.name}"
    assert "data-xss" not in probed.root and "XSS-RAN" not in probed.title
    n = len(probed.images)
    assert probed.root.get("data-images") == f"{n}/{n}", (
        f"images that did not decode in {page.name}: {probed.root.get('data-images')} (decoded/total)")

    dom = _Dom(dump_dom(chromium, page, tmp))
    if title is not None:
        assert dom.title == title, f"<title> changed: {dom.title!r}"
    assert len(dom.images) >= min_images, f"expected >= {min_images} <img> in {page.name}"
    bad = [src[:60] for src in dom.images if not src.startswith("data:image/")]
    assert not bad, f"<img> without an embedded data: URI in {page.name}: {bad}"
    # a payload that ran leaves its marks: a changed title or a dataset attribute
    assert "XSS-RAN" not in dom.title and "data-xss" not in str(dom.root)
    for p in payloads:
        assert p in dom.body_text, f"{p!r} is not shown as text in {page.name}"
        assert p.removeprefix("<script>").removesuffix("</script>") not in dom.scripts

    assert_not_blank(screenshot(chromium, page, tmp))
    return dom


# ----------------------------------------------------------------------------- pages


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """The fixture notebook rendered on a corpus of script-payload article titles."""
    base = tmp_path_factory.mktemp("browser")
    try:
        corpus = base / FOLDER_XSS
        corpus.mkdir()
    except OSError:  # pragma: no cover - filesystems that refuse < > " in names
        corpus = base / "corpus"
        corpus.mkdir()
    for i, title in enumerate(PAYLOADS):
        (corpus / f"{i:03d}.txt").write_text(f"{title}\n\nSome body text for article {i}.\n", encoding="utf-8")
    out = base / "reports"
    paths = report.render_reports(notebooks=[FIXTURE], corpus=corpus, out_dir=out, timeout=120)
    return out, paths


def test_control_page_shows_the_checks_can_fail(chromium, tmp_path):
    """The same payloads written *unescaped* must trip every check."""
    def control(name: str, payloads: list[str]) -> Path:
        page = tmp_path / name
        page.write_text("<!DOCTYPE html><html><head><title>Control</title></head><body><p>control</p>"
                        + "".join(payloads) + "</body></html>", encoding="utf-8")
        return page

    probed = _Dom(dump_dom(chromium, with_probe(control("all.html", PAYLOADS), tmp_path), tmp_path))
    assert probed.root.get("data-alert") == "1"
    assert probed.title == "XSS-RAN" and probed.root.get("data-xss") == "onerror-ran"
    assert probed.root.get("data-images") == "0/1"  # the broken <img src=x> is counted as not decoded
    with pytest.raises(AssertionError, match="alert"):
        check_page(chromium, control("alert.html", [ALERT]), tmp_path, title="Control")
    # without the probe a real alert() would block Chromium, so the rest runs on the others
    noalert = control("noalert.html", [TITLE_XSS, ONERROR_XSS])
    dom = _Dom(dump_dom(chromium, noalert, tmp_path))
    assert dom.title == "XSS-RAN" and dom.root.get("data-xss") == "onerror-ran"
    with pytest.raises(AssertionError):
        check_page(chromium, noalert, tmp_path, title="Control", payloads=[TITLE_XSS, ONERROR_XSS])


def test_fixture_report_in_browser(chromium, rendered, tmp_path):
    out, _ = rendered
    dom = check_page(chromium, out / "1.0-fixture-report.html", tmp_path, title=FIXTURE_TITLE,
                     min_images=1, payloads=PAYLOADS)
    assert "corpus files: 3" in dom.body_text
    assert any(src.startswith("data:image/png;base64,") for src in dom.images)


def test_fixture_index_in_browser(chromium, rendered, tmp_path):
    out, _ = rendered
    dom = check_page(chromium, out / "index.html", tmp_path, title=report.INDEX_TITLE)
    assert FIXTURE_TITLE in dom.body_text
    assert "(3 files)" in dom.body_text
    if (out.parent / FOLDER_XSS).exists():
        assert FOLDER_XSS in dom.body_text  # the corpus path, shown as text


REAL_PAGES = sorted(config.REPORTS_DIR.glob("*.html")) if config.REPORTS_DIR.is_dir() else []


@pytest.mark.parametrize("page", REAL_PAGES or [None], ids=[p.name for p in REAL_PAGES] or ["no-reports"])
def test_real_reports_in_browser(chromium, page, tmp_path):
    if page is None:
        pytest.skip(f"no rendered reports in {config.REPORTS_DIR} (run `make report` first)")
    dom = check_page(chromium, page, tmp_path)
    if page.name != report.INDEX_NAME:
        assert dom.title, f"{page.name} has no <title>"
