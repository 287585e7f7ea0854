"""Tests for analysis.map.load: formats, encodings, bad input, shared corpora (skipped when absent)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from analysis import config
from analysis.map.load import (
    decode_bytes,
    iter_corpus,
    load_file,
    looks_binary,
    sniff_declared,
)
from analysis.records import Article, FileResult

FIXTURES = Path(__file__).parent / "fixtures"
BAD = FIXTURES / "bad"
FORMATS = FIXTURES / "formats"

# Typical mojibake: UTF-8 read as cp1252/latin-1 (and the replacement character).
MOJIBAKE = ("\ufffd", "Ã©", "Ã¨", "Ã¤", "Ã¶", "Ã¼", "ÃŸ", "Ã³", "â€™", "â€œ", "â€“", "â€”", "â€", "Å¼", "Ä™", "Ã…")


def _mojibake(text: str) -> list[str]:
    return [m for m in MOJIBAKE if m in text]


# --------------------------------------------------------------------------- bad fixtures

BAD_CASES = [
    # file, status, articles, words the reason must contain
    ("empty.txt", "skipped", 0, ["empty"]),
    ("whitespace.txt", "skipped", 0, ["whitespace"]),
    ("binary.txt", "skipped", 0, ["looks binary"]),
    ("cp1252.txt", "loaded", 1, []),
    ("nul.txt", "loaded", 1, []),
    ("broken.json", "failed", 0, ["broken JSON at line 3 column", "fix the file or remove it"]),
    ("nobody.csv", "failed", 0, ["no body field", "'id', 'title', 'outlet', 'date', 'url'", "body_field"]),
    ("partial.jsonl", "loaded", 2, ["1 broken line", "line 2", "1 of 3 records had no text in body field 'text'"]),
    ("script-title.html", "loaded", 1, []),
    ("good.txt", "loaded", 1, []),
]


@pytest.mark.parametrize("name, status, n, words", BAD_CASES)
def test_bad_fixture(name, status, n, words):
    res, arts = load_file(BAD / name)
    assert isinstance(res, FileResult)
    assert (res.status, res.articles, len(arts)) == (status, n, n)
    assert res.path == str(BAD / name)
    for w in words:
        assert w in res.reason, res.reason
    if status == "loaded" and name != "partial.jsonl":
        assert res.reason == ""
    if status != "loaded":
        assert res.reason  # every non-loaded file says why


def test_every_bad_fixture_accounted_for():
    results = list(iter_corpus(BAD))
    files = sorted(p for p in BAD.rglob("*") if p.is_file())
    assert [r.path for r, _ in results] == [str(p) for p in files]
    expected = {name: status for name, status, _, _ in BAD_CASES}
    assert set(expected) == {p.name for p in files}, "add new fixtures to BAD_CASES"
    for res, _ in results:
        assert res.status == expected[Path(res.path).name]


def test_cp1252_fixture_has_curly_quotes():
    res, (art,) = load_file(BAD / "cp1252.txt")
    assert res.encoding == "cp1252" and "windows-1252" in res.note
    assert "\u201csafe again\u201d" in art.text and "We\u2019ve" in art.text and "\u2014" in art.text
    assert not _mojibake(art.text)


def test_nul_replaced_by_space_keeping_offsets():
    raw = (BAD / "nul.txt").read_bytes()
    res, (art,) = load_file(BAD / "nul.txt")
    assert "\x00" not in art.text and "nine votes to four" in art.text
    assert len(art.text) == len(raw.decode("utf-8"))
    assert "NUL" in res.note


def test_script_title_stays_plain_text():
    res, (art,) = load_file(BAD / "script-title.html")
    assert art.title == "<script>alert(1)</script>"
    assert "footbridge over the Mill River" in art.text
    assert "<script>" not in art.text and "alert(1)" not in art.text
    assert art.byline == "Dana Whitfield"
    assert art.published is None  # the copyright line is not a stated date


# --------------------------------------------------------------------------- formats

FORMAT_CASES = [
    # file, index, expected attributes of that article
    ("list.json", 0, dict(article_id="vp-101", title="Snow closes mountain pass", outlet="Valley Post",
                          byline="Ana Ruiz, Tom Lee", published="2022-01-14", url="https://example.org/pass",
                          record=0, meta={"topic": "weather"},
                          text="The mountain pass was closed on Friday after heavy snow.\n\n"
                               "Plough crews expect to reopen it by Sunday.")),
    ("list.json", 1, dict(article_id="vp-102", byline="Ana Ruiz", record=1)),
    ("single.json", 0, dict(article_id="single", record=None, outlet="Hill Gazette", published="2023-05-02",
                            title="Market day moves")),
    ("two-bodies.json", 0, dict(article_id="tb-9", text="The tide reached a record height, officials said.",
                                outlet="Coast Times", meta={"bias_text": "center"})),
    ("records.jsonl", 0, dict(article_id="c-1", outlet="Rail Weekly", byline="Sam Okafor", published="2020-09-01",
                              text="Unions called off Monday's train strike after late talks.")),
    ("records.jsonl", 1, dict(article_id="records-1", record=1, byline=None)),
    ("records.jsonl", 2, dict(article_id="c-3", text="A café opened on platform two, serving crêpes and tea.")),
    ("table.csv", 0, dict(article_id="k1", title="Dam inspection due", outlet="River News", byline="Lee Park",
                          meta={"section": "local"},
                          text="Engineers will inspect the dam next week, the water board said.\n\n"
                               "The reservoir stays open.")),
    ("table.csv", 1, dict(article_id="k2", title="Fish return, study says", byline=None, record=1)),
    ("bom.txt", 0, dict(article_id="bom", encoding="utf-8", title=None, record=None,
                        text="Wind farm approved\r\n\r\nPlanners approved twelve turbines on the ridge "
                             "\u2013 fewer than first proposed.\r\n")),
    ("page.html", 0, dict(article_id="page", title="Ferry fares to rise in spring", outlet="Harbour Herald",
                          byline="Priya Nair", published="2021-02-03", url="https://example.org/news/ferry-fares",
                          encoding="cp1252")),
]


@pytest.mark.parametrize("name, index, expected", FORMAT_CASES)
def test_format_fixture(name, index, expected):
    res, arts = load_file(FORMATS / name)
    assert res.status == "loaded" and res.reason == "" and res.articles == len(arts)
    art = arts[index]
    assert isinstance(art, Article) and art.path == str(FORMATS / name)
    for field, value in expected.items():
        assert getattr(art, field) == value, field


@pytest.mark.parametrize("name, fmt, note", [
    ("list.json", "json", ""), ("records.jsonl", "jsonl", ""), ("table.csv", "csv", ""),
    ("bom.txt", "txt", "UTF-8 byte-order mark removed"), ("page.html", "html", "declared iso-8859-1"),
])
def test_format_result(name, fmt, note):
    res, _ = load_file(FORMATS / name)
    assert res.format == fmt and note in res.note


def test_html_fixture_text():
    _, (art,) = load_file(FORMATS / "page.html")
    assert "the café on board" in art.text and "six percent in April" in art.text
    assert "Harbour Herald" not in art.text.split("\n")[-1]


def test_tokenised_content_never_used():
    _, (art,) = load_file(FORMATS / "two-bodies.json")
    assert " ," not in art.text and "content" not in art.meta and "content_original" not in art.meta


@pytest.mark.parametrize("name, body_field, status, n, words", [
    ("nobody.csv", "title", "loaded", 2, []),
    ("nobody.csv", "story", "failed", 0, ["no field 'story'", "'title'"]),
    ("table.csv", "section", "loaded", 2, []),
    ("list.json", "headline", "loaded", 2, []),
    ("records.jsonl", "nothing", "failed", 0, ["no field 'nothing'"]),
    ("single.json", "TEXT", "loaded", 1, []),  # field names match case-insensitively
])
def test_body_field_option(name, body_field, status, n, words):
    folder = BAD if (BAD / name).exists() else FORMATS
    res, arts = load_file(folder / name, body_field=body_field)
    assert (res.status, len(arts)) == (status, n), res.reason
    for w in words:
        assert w in res.reason


# --------------------------------------------------------------------------- inline records

JSON_CASES = [
    # file name, content, status, texts, reason words
    ("wrap.json", '{"articles": [{"text": "One."}, {"text": "Two."}], "count": 2}', "loaded", ["One.", "Two."], []),
    ("lines.json", '{"text": "One."}\n{"text": "Two."}\n', "loaded", ["One.", "Two."], ["JSON Lines"]),
    ("empty-list.json", "[]", "skipped", [], ["empty list"]),
    ("scalar.json", "42", "failed", [], ["not a record"]),
    ("strings.json", '["a", "b"]', "failed", [], ["2 of 2 records were not JSON objects"]),
    ("paras.json", '{"body": ["First para.", "Second para."]}', "loaded", ["First para.\n\nSecond para."], []),
    ("numbody.json", '{"body": 5, "title": "x"}', "skipped", [], ["empty"]),
    ("mixed.json", '[{"text": "A."}, {"text": ""}, {"text": null}, {"title": "t"}]', "loaded", ["A."],
     ["3 of 4 records had no text in body field 'text'"]),
    ("nobody.json", '[{"title": "t", "when": "2020"}]', "failed", [], ["no body field", "'title', 'when'"]),
    ("newsapi.json", '[{"source": {"id": null, "name": "Wire"}, "author": "A. Writer", "publishedAt": "2020-01-02",'
                     ' "content": "Body."}]', "loaded", ["Body."], []),
    ("bad.jsonl", '{"text": "x"\n{oops\n', "failed", [], ["2 broken line(s)", "line 1", "line 2"]),
    ("blank.jsonl", "\n\n", "skipped", [], ["whitespace"]),
    ("sep.jsonl", '{"text": "One\u2028line"}\n', "loaded", ["One\u2028line"], []),  # raw U+2028 in a string
    ("unicode-escape.jsonl", '{"text": "caf\\u00e9 \\u0000end"}\n', "loaded", ["café  end"], []),
    ("semi.csv", "titel;text;quelle\nA;Erster Text.;X\nB;Zweiter Text.;Y\n", "loaded", ["Erster Text.", "Zweiter Text."], []),
    ("ragged.csv", "title,text\nA,One.,extra\nB\n", "loaded", ["One."],
     ["1 of 2 rows had no text", "different number of columns"]),
    ("header-only.csv", "title,text\n", "skipped", [], ["no rows"]),
    ("tabs.tsv", "title\tbody\nA\tTabbed body.\n", "loaded", ["Tabbed body."], []),
]


@pytest.mark.parametrize("name, content, status, texts, words", JSON_CASES)
def test_record_files(tmp_path, name, content, status, texts, words):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    res, arts = load_file(p)
    assert res.status == status, res.reason
    assert [a.text for a in arts] == texts
    for w in words:
        assert w in res.reason, res.reason


def test_newsapi_style_metadata(tmp_path):
    p = tmp_path / "n.json"
    p.write_text(next(c[1] for c in JSON_CASES if c[0] == "newsapi.json"), encoding="utf-8")
    _, (art,) = load_file(p)
    assert (art.outlet, art.byline, art.published, art.article_id) == ("Wire", "A. Writer", "2020-01-02", "n-0")


def test_csv_huge_field(tmp_path):
    body = "word " * 60000  # 300,000 characters, above csv's default field limit
    p = tmp_path / "big.csv"
    p.write_text('id,text\n1,"' + body + '"\n', encoding="utf-8")
    res, (art,) = load_file(p)
    assert res.status == "loaded" and art.text == body and art.article_id == "1"


def test_csv_keeps_crlf_inside_quoted_body(tmp_path):
    p = tmp_path / "crlf.csv"
    p.write_bytes(b'title,text\r\nA,"Line one.\r\nLine two."\r\n')
    _, (art,) = load_file(p)
    assert art.text == "Line one.\r\nLine two."


# --------------------------------------------------------------------------- decoding

DECODE_CASES = [
    # raw bytes, declared, expected text, encoding, words in note
    ("plain café".encode("utf-8"), None, "plain café", "utf-8", []),
    (b"\xef\xbb\xbfBOM text", None, "BOM text", "utf-8", ["UTF-8 byte-order mark removed"]),
    (b"\xff\xfe" + "Zürich “x”".encode("utf-16-le"), None, "Zürich “x”", "utf-16-le", ["UTF-16 LE"]),
    (b"\xfe\xff" + "Zürich".encode("utf-16-be"), None, "Zürich", "utf-16-be", ["UTF-16 BE"]),
    ("No BOM here, plain words.".encode("utf-16-le"), None, "No BOM here, plain words.", "utf-16-le", ["no byte-order mark"]),
    (b"He said \x93no\x94 \x96 it\x92s over.", None, "He said “no” – it’s over.", "cp1252", ["windows-1252"]),
    ("Déjà vu".encode("utf-8"), "iso-8859-1", "Déjà vu", "utf-8", ["declared iso-8859-1", "valid UTF-8"]),
    (b"caf\xe9 \x93ok\x94", "utf-8", "café “ok”", "cp1252", ["declared utf-8", "windows-1252"]),
    (b"\x93quoted\x94", "iso-8859-1", "“quoted”", "cp1252", ["windows-1252"]),
    (b"Unijne fundusze coraz bli\xbfej", "windows-1250", "Unijne fundusze coraz bliżej", "cp1250", ["declared"]),
    ("Mostly UTF-8: naïve résumé ".encode("utf-8") * 3 + b"K\xfcche", "utf-8",
     "Mostly UTF-8: naïve résumé " * 3 + "Küche", "utf-8", ["1 stray"]),
    ("CafÃ© â€œyesâ€\x9d".encode("utf-8"), None, "Café “yes”", "utf-8", ["repaired 3 double-encoded"]),
    ("Ein „Gruß“ aus Köln".encode("utf-8"), None, "Ein „Gruß“ aus Köln", "utf-8", []),  # not mojibake
    (b"a\x00b", None, "a b", "utf-8", ["1 NUL byte"]),
    ("话剧巡演结束".encode("gb18030"), "gb2312", "话剧巡演结束", "gb18030", ["declared gb2312"]),
    (b"plain ascii", "no-such-charset", "plain ascii", "utf-8", []),
    (b"Stra\xdfe \x93zu\x94", "utf-16", "Straße “zu”", "cp1252", ["declared utf-16"]),  # ignored, as browsers do
    ("Grüße aus Köln ".encode("utf-8") * 2 + b"\xe9", "iso-8859-1", "Grüße aus Köln " * 2 + "é", "utf-8",
     ["1 stray", "declared iso-8859-1"]),
]


@pytest.mark.parametrize("raw, declared, text, encoding, words", DECODE_CASES)
def test_decode_bytes(raw, declared, text, encoding, words):
    got, enc, note = decode_bytes(raw, declared=declared)
    assert (got, enc) == (text, encoding)
    for w in words:
        assert w in note, note
    if not words:
        assert note == ""


@pytest.mark.parametrize("raw, expected", [
    (b'<meta charset="windows-1252">', "windows-1252"),
    (b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=ISO-8859-2'>", "ISO-8859-2"),
    (b'<?xml version="1.0" encoding="utf-8"?><html>', "utf-8"),
    (b'<style>a{background:url(data:x;charset=utf-8;base64,AAA)}</style>', None),  # not a <meta>
    (b"<html><head><title>x</title>", None),
])
def test_sniff_declared(raw, expected):
    assert sniff_declared(raw) == expected


@pytest.mark.parametrize("raw, binary", [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, True),
    (b"%PDF-1.7\n", True),
    (b"PK\x03\x04rest", True),
    (bytes(range(256)) * 2, True),
    (b"words\x00and words " * 3, False),  # a few stray NULs
    ("Plain words, “quoted”.".encode("cp1252"), False),
    ("Wide text here.".encode("utf-16-le"), False),
    (b"tabs\tand\r\nnewlines\x0cform feed", False),
])
def test_looks_binary(raw, binary):
    assert (looks_binary(raw) is not None) == binary


# --------------------------------------------------------------------------- corpus walking


def test_iter_corpus_missing_path_raises_at_once(tmp_path):
    with pytest.raises(FileNotFoundError, match="corpus path not found"):
        iter_corpus(tmp_path / "nope")  # raised before the first next()


def test_iter_corpus_accounts_for_everything(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Ay.", encoding="utf-8")
    (tmp_path / "b.json").write_text('{"text": "Bee."}', encoding="utf-8")
    (tmp_path / "README.md").write_text("# about", encoding="utf-8")
    (tmp_path / "LICENSE").write_text("MIT", encoding="utf-8")
    (tmp_path / "notes.py").write_text("x = 1", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("secret", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("x", encoding="utf-8")
    got = [(Path(r.path).relative_to(tmp_path).as_posix(), r.status, [a.text for a in arts])
           for r, arts in iter_corpus(tmp_path)]
    assert got == [
        (".git", "skipped", []),
        (".hidden.txt", "skipped", []),
        ("LICENSE", "skipped", []),
        ("README.md", "skipped", []),
        ("a.txt", "loaded", ["Ay."]),
        ("b/z.txt", "loaded", ["Zed."]),  # sorted like pathlib paths: folder b before b.json
        ("b.json", "loaded", ["Bee."]),
        ("notes.py", "skipped", []),
    ]
    reasons = {Path(r.path).name: r.reason for r, _ in iter_corpus(tmp_path)}
    assert "hidden folder" in reasons[".git"] and "hidden file" in reasons[".hidden.txt"]
    assert "unsupported file type ('.py')" in reasons["notes.py"]
    assert "not an article" in reasons["LICENSE"]


def test_iter_corpus_single_file_and_explicit_readme(tmp_path):
    p = tmp_path / "README.txt"
    p.write_text("An explicitly named file is loaded.", encoding="utf-8")
    [(res, arts)] = list(iter_corpus(p))
    assert res.status == "loaded" and arts[0].article_id == "README"


def test_unreadable_file_fails(tmp_path, monkeypatch):
    p = tmp_path / "locked.txt"
    p.write_text("x", encoding="utf-8")

    def deny(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", deny)
    res, arts = load_file(p)
    assert (res.status, arts) == ("failed", []) and "permission denied" in res.reason


def test_unlistable_folder_fails_but_walk_goes_on(tmp_path, monkeypatch):
    import os

    (tmp_path / "locked").mkdir()
    (tmp_path / "ok.txt").write_text("Fine.", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    got = [(Path(r.path).name, r.status) for r, _ in iter_corpus(tmp_path)]
    assert got == [("locked", "failed"), ("ok.txt", "loaded")]


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="needs os.mkfifo (POSIX)")
def test_pipe_is_skipped_not_read(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe.txt")
    res, arts = load_file(tmp_path / "pipe.txt")
    assert (res.status, arts) == ("skipped", []) and "not a regular file" in res.reason


def test_html_without_main_text_is_skipped(tmp_path):
    p = tmp_path / "nav.html"
    p.write_text("<html><head><title>Index</title></head><body><nav><a href='/'>Home</a></nav>"
                 "<script>var x = 1;</script></body></html>", encoding="utf-8")
    res, arts = load_file(p)
    assert (res.status, arts) == ("skipped", []) and "main text found" in res.reason


def test_html_escaped_script_title(tmp_path):
    body = "".join(f"<p>Paragraph {i} tells what the council decided about the road and why it matters "
                   f"to the people living nearby.</p>" for i in range(4))
    p = tmp_path / "esc.html"
    p.write_text(f"<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt;</title></head>"
                 f"<body><article>{body}</article></body></html>", encoding="utf-8")
    res, (art,) = load_file(p)
    assert art.title == "<script>alert(1)</script>"


# --------------------------------------------------------------------------- shared corpora

allsides = pytest.mark.skipif(not config.ALLSIDES_DIR.is_dir(),
                              reason=f"shared corpus {config.ALLSIDES_DIR} is absent")


@pytest.mark.shared
@allsides
def test_allsides_sample_matches_source_fields():
    files = sorted(config.ALLSIDES_DIR.glob("*.json"))[::97]
    assert files
    for p in files:
        src = json.loads(p.read_text(encoding="utf-8"))
        res, (art,) = load_file(p)
        assert res.status == "loaded" and res.reason == "", res
        assert art.text == src["content_original"]
        assert art.article_id == src["ID"]
        assert art.outlet == src["source"]
        assert art.title == src["title"].strip() and art.published == src["date"] and art.url == src["url"]
        assert "content" not in art.meta and art.meta["bias_text"] == src["bias_text"]


@pytest.mark.shared
@allsides
def test_allsides_whole_corpus_accounted_for():
    names = sorted(p.name for p in config.ALLSIDES_DIR.iterdir())
    results = list((r.status, Path(r.path).name, r.articles) for r, _ in iter_corpus(config.ALLSIDES_DIR))
    assert [n for _, n, _ in results] == names
    for status, name, n in results:
        assert (status, n) == (("loaded", 1) if name.endswith(".json") else ("skipped", 0)), name


HTML_DIRS = [config.HTML_NEWS_DIR, config.HTML_ENCODINGS_DIR]


@pytest.fixture(scope="module", params=HTML_DIRS, ids=["news", "encodings"])
def html_corpus(request):
    folder = request.param
    if not folder.is_dir():
        pytest.skip(f"shared corpus {folder} is absent")
    return folder, list(iter_corpus(folder))


@pytest.mark.shared
def test_shared_html_every_file_accounted_for(html_corpus):
    folder, results = html_corpus
    files = sorted(str(p) for p in folder.rglob("*") if p.is_file())
    assert [r.path for r, _ in results] == files
    html = [(r, arts) for r, arts in results if r.path.endswith(".html")]
    for res, arts in html:
        assert res.status != "failed", res
        assert res.articles == len(arts)
        assert res.status == "loaded" or res.reason
    assert sum(r.status == "loaded" for r, _ in html) >= 0.95 * len(html)


@pytest.mark.shared
def test_shared_html_no_mojibake(html_corpus):
    _, results = html_corpus
    for res, arts in results:
        for art in arts:
            assert not _mojibake(art.text), (res.path, res.encoding, res.note, _mojibake(art.text))
            assert not _mojibake(art.title or ""), (res.path, art.title)
            assert art.text.strip()


ENCODING_SPOTS = [
    # file, expected encoding, a string the extracted text or title contains
    ("enc-02.html", "utf-8", "grünes"),
    ("enc-04.html", "cp1250", "bliżej"),
    ("enc-07.html", "gb18030", "话剧"),
    ("enc-28.html", "cp1252", "Erlösobergrenze"),
]


@pytest.mark.shared
@pytest.mark.parametrize("name, encoding, needle", ENCODING_SPOTS)
def test_shared_html_encoding_spots(name, encoding, needle):
    p = config.HTML_ENCODINGS_DIR / name
    if not p.is_file():
        pytest.skip(f"{p} is absent")
    text, enc, _ = decode_bytes(p.read_bytes(), declared=sniff_declared(p.read_bytes()))
    assert enc == encoding and needle in text
