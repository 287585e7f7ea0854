"""Load articles from a file or a folder (recursively), one FileResult per input file.

Supported formats (by extension, case-insensitive):

* ``.txt`` / ``.text`` -- one article per file; ``Article.text`` is the whole decoded file.
* ``.json`` (one record, a list of records, or ``{"articles": [...]}``), ``.jsonl`` /
  ``.ndjson`` (one record per line), ``.csv`` / ``.tsv`` (one record per row) -- the body is
  taken from a common field name (see ``BODY_FIELDS``) or the one named by ``body_field``.
  ``Article.record`` is the 0-based record index; ``article_id`` is the record's own id,
  else ``<stem>-<record>`` (``<stem>`` for a single-record JSON file).
* ``.html`` / ``.htm`` / ``.xhtml`` / ``.shtml`` -- main text and metadata extracted offline
  with trafilatura.

Nothing here raises for bad *content*: problems become a :class:`FileResult` with status
``"skipped"`` (nothing to load: empty, binary, unsupported type, no main text) or
``"failed"`` (broken or unusable content, unreadable file) and a reason that says what was
wrong and what to do. Decoding is done by :func:`decode_bytes`, which records in its note
everything it did (BOM removed, declared charset overruled, stray bytes, mojibake repaired,
NUL bytes replaced).

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Rain fell.\\n", encoding="utf-8")
>>> _ = (d / "notes.md").write_text("# notes", encoding="utf-8")
>>> [(r.status, len(arts)) for r, arts in iter_corpus(d)]
[('loaded', 1), ('skipped', 0)]
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import stat
import sys
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Optional

from ..records import Article, FileResult

# --------------------------------------------------------------------------- constants

TXT_EXTS = frozenset({".txt", ".text"})
JSON_EXTS = frozenset({".json"})
JSONL_EXTS = frozenset({".jsonl", ".ndjson"})
CSV_EXTS = frozenset({".csv", ".tsv"})
HTML_EXTS = frozenset({".html", ".htm", ".xhtml", ".shtml"})
SUPPORTED_EXTS = TXT_EXTS | JSON_EXTS | JSONL_EXTS | CSV_EXTS | HTML_EXTS
# An HTML page whose extracted main text has fewer non-space characters is not an article
# (trafilatura returns e.g. "Home" for a navigation-only page).
MIN_HTML_CHARS = 40
SUPPORTED_LIST = ".txt, .json, .jsonl, .csv, .tsv, .html, .htm"

# Names (upper-cased stem) of files that accompany a corpus but are not articles; skipped
# when met while walking a folder (an explicitly named file is still loaded).
DOC_STEMS = frozenset({
    "README", "LICENSE", "LICENCE", "COPYING", "NOTICE", "CHANGELOG", "AUTHORS",
    "CONTRIBUTORS", "CONTRIBUTING", "SOURCES", "MANIFEST", "CITATION",
})
DOC_PREFIXES = ("LICENSE-", "LICENSE_", "LICENCE-", "LICENCE_", "README-", "README_")

# Record field names, most preferred first; matched exactly, then case-insensitively.
# ``content_original`` comes before ``content``: in the allsides-2015 corpus ``content`` is
# a tokenised copy ("it 's") and ``content_original`` the real body.
BODY_FIELDS = (
    "content_original", "text", "body", "maintext", "full_text", "fulltext", "article_text",
    "article_body", "articlebody", "body_text", "article", "content", "story", "text_content",
)
TITLE_FIELDS = ("title", "headline", "heading", "head")
OUTLET_FIELDS = (
    "source", "outlet", "publisher", "site_name", "sitename", "source_name", "publication",
    "newspaper", "media_outlet", "medium",
)
DATE_FIELDS = (
    "date", "published", "publish_date", "date_publish", "published_at", "publishedat",
    "date_published", "publication_date", "pubdate", "pub_date", "datetime",
)
AUTHOR_FIELDS = ("authors", "author", "byline", "writers", "creator", "creators")
URL_FIELDS = ("url", "link", "article_url", "canonical_url", "permalink", "href")
ID_FIELDS = ("id", "article_id", "uuid", "doc_id", "docid", "_id", "guid", "record_id")

BINARY_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"GIF87a", "GIF image"), (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"), (b"%PDF-", "PDF document"), (b"PK\x03\x04", "ZIP archive/Office document"),
    (b"\x1f\x8b", "gzip archive"), (b"BZh", "bzip2 archive"), (b"\x7fELF", "executable"),
    (b"\xfd7zXZ\x00", "xz archive"), (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Office document"), (b"SQLite format 3\x00", "SQLite database"),
)
# C0 control bytes that do not occur in text (tab, LF, VT, FF, CR, ESC are allowed).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_BINARY_SAMPLE = 65536

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),  # before UTF-16 LE: same first 2 bytes
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)

# Declared charsets that browsers (WHATWG) read as windows-1252.
_AS_CP1252 = frozenset({"latin_1", "iso8859_1", "ascii", "cp1252"})
# Codecs treated as single-byte Western when charset_normalizer offers them as equivalents.
_WESTERN_SINGLE_BYTE = frozenset({"cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2"})

_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.+\-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9_.:+\-]+)["']""")
_XML_DECL_STR = re.compile(r"^\s*<\?xml[^>]*\?>")
_TITLE_RE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_WS_RE = re.compile(r"\s+")


def _cp1252_table() -> str:
    """cp1252 for every byte, undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) as latin-1."""
    out = []
    for b in range(256):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


_CP1252 = _cp1252_table()
_CP1252_INV = {ch: i for i, ch in enumerate(_CP1252)}


def _cp1252_errors(exc: UnicodeError):
    """Codec error handler: decode the offending bytes as cp1252 instead of failing."""
    if isinstance(exc, UnicodeDecodeError):
        bad = exc.object[exc.start:exc.end]
        return "".join(_CP1252[b] for b in bad), exc.end
    raise exc


codecs.register_error("analysis.cp1252", _cp1252_errors)

# Double-encoded UTF-8 (UTF-8 bytes read as cp1252, saved again as UTF-8): "Ã©" for "é",
# "â€™" for "’". A run is repaired only if it decodes to a Latin letter or punctuation.
_CONT = re.escape(_CP1252[0x80:0xC0])
_MOJIBAKE_RE = re.compile(
    f"[\u00c2-\u00df][{_CONT}]|[\u00e0-\u00ef][{_CONT}]{{2}}|[\u00f0-\u00f4][{_CONT}]{{3}}")

_MOJIBAKE_LEAD_RE = re.compile("[\u00c2-\u00f4]")  # cheap pre-check


def _fix_mojibake_match(m: re.Match) -> str:
    s = m.group(0)
    try:
        fixed = bytes(_CP1252_INV[c] for c in s).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return s
    cp = ord(fixed)
    if 0xA0 <= cp <= 0x24F or 0x2000 <= cp <= 0x206F or cp in (0x20AC, 0x2122):
        return fixed
    return s


# --------------------------------------------------------------------------- decoding


def _norm_codec(name: Optional[str]) -> Optional[str]:
    """Python's canonical codec name for a declared charset, or None if unknown."""
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    alias = {"x-sjis": "shift_jis", "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
             "ks_c_5601-1987": "cp949", "euc-kr": "cp949", "unicode": "utf-16", "utf8": "utf-8"}
    name = alias.get(name, name)
    try:
        return codecs.lookup(name).name.replace("-", "_")
    except LookupError:
        return None


def sniff_declared(raw: bytes) -> Optional[str]:
    """The charset an HTML/XML document declares in its first 16 KB, as written, or None.

    >>> sniff_declared(b'<html><head><meta charset="windows-1252"><title>x</title>')
    'windows-1252'
    >>> sniff_declared(b'<?xml version="1.0" encoding="ISO-8859-1"?><rss/>')
    'ISO-8859-1'
    """
    head = raw[:16384]
    m = _XML_DECL.match(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii", "replace") if m else None


def looks_binary(raw: bytes) -> Optional[str]:
    """Why ``raw`` looks like a binary (non-text) file, or None if it looks like text.

    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n" + bytes(100))
    'PNG image'
    >>> looks_binary(b"plain words with one\\x00stray NUL") is None
    True
    """
    for magic, what in BINARY_MAGIC:
        if raw.startswith(magic):
            return what
    sample = raw[:_BINARY_SAMPLE]
    if not sample or _utf16_without_bom(sample):
        return None
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    nuls = sample.count(0)
    if controls > max(8, 0.05 * len(sample)) or nuls > max(8, 0.01 * len(sample)):
        return f"{controls} of the first {len(sample)} bytes are control/NUL bytes"
    return None


def _utf16_without_bom(sample: bytes) -> Optional[str]:
    """'utf-16-le'/'utf-16-be' if the bytes look like BOM-less UTF-16 (ASCII-heavy)."""
    n = len(sample) - len(sample) % 2
    if n < 8 or sample.count(0) < n // 4:
        return None
    even, odd = sample[0:n:2], sample[1:n:2]
    half = n // 2
    if odd.count(0) > 0.7 * half and even.count(0) < 0.05 * half:
        return "utf-16-le"
    if even.count(0) > 0.7 * half and odd.count(0) < 0.05 * half:
        return "utf-16-be"
    return None


_SURROGATE_RE = re.compile("[\udc80-\udcff]")
_NONASCII_RE = re.compile("[^\x00-\x7f\udc80-\udcff]")


def decode_bytes(raw: bytes, *, declared: str | None = None) -> tuple[str, str, str]:
    """Decode file bytes to text; return ``(text, encoding_used, note)``.

    Order: byte-order mark; valid UTF-8 (wins over a wrong declaration); UTF-8 with a few
    stray legacy bytes (those read as cp1252); the declared charset (latin-1/ascii read as
    windows-1252, as browsers do); charset_normalizer's guess (cp1252 when equivalent).
    Afterwards double-encoded UTF-8 ("Ã©") is repaired and NUL bytes become spaces (one
    character each, so offsets keep). ``note`` says what was done ("" for plain UTF-8).

    >>> decode_bytes("caf\\u00e9".encode("utf-8"), declared="iso-8859-1")[:2]
    ('café', 'utf-8')
    >>> decode_bytes(b"\\x93Yes,\\x94 she said.")[:2]
    ('“Yes,” she said.', 'cp1252')
    >>> decode_bytes(b"\\xef\\xbb\\xbfHi")
    ('Hi', 'utf-8', 'UTF-8 byte-order mark removed')
    """
    notes: list[str] = []
    text: Optional[str] = None
    enc = ""
    dec_codec = _norm_codec(declared)
    dec_label = declared.strip() if declared else ""
    if dec_codec and dec_codec.startswith(("utf_16", "utf_32")):
        dec_codec = "utf_8"  # a UTF-16 page cannot declare itself in ASCII; browsers read UTF-8

    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            body = raw[len(bom):]
            text = body.decode(codec, errors="replace")
            enc = codec
            notes.append(f"{label} byte-order mark removed")
            if "\ufffd" in text and "\ufffd".encode(codec) not in body:
                notes.append(f"{text.count(chr(0xFFFD))} undecodable byte sequences replaced by U+FFFD")
            break

    if text is None:
        guess16 = _utf16_without_bom(raw[:_BINARY_SAMPLE])
        if guess16:
            try:
                text, enc = raw.decode(guess16), guess16
                notes.append(f"no byte-order mark; bytes look like {guess16.upper()}")
            except UnicodeDecodeError:
                text = None

    if text is None:
        try:
            text, enc = raw.decode("utf-8"), "utf-8"
            if dec_codec and dec_codec not in ("utf_8", "ascii") and not raw.isascii():
                notes.append(f"declared {dec_label} but the bytes are valid UTF-8; decoded as UTF-8")
        except UnicodeDecodeError:
            text = None

    if text is None:
        loose = raw.decode("utf-8", errors="surrogateescape")
        invalid = len(_SURROGATE_RE.findall(loose))
        valid = len(_NONASCII_RE.findall(loose))
        multibyte_declared = dec_codec and dec_codec not in _AS_CP1252 and dec_codec != "utf_8" \
            and _strict_ok(raw, dec_codec)
        if valid and valid >= 4 * invalid and not multibyte_declared:
            text = raw.decode("utf-8", errors="analysis.cp1252")
            enc = "utf-8"
            notes.append(f"UTF-8 with {invalid} stray non-UTF-8 byte(s), read as cp1252"
                         + (f" (declared {dec_label})" if dec_codec and dec_codec != "utf_8" else ""))
        elif dec_codec and dec_codec != "utf_8":
            use = "cp1252" if dec_codec in _AS_CP1252 else dec_codec
            if use == "cp1252":
                text, enc = raw.decode("cp1252", errors="analysis.cp1252"), "cp1252"
                if dec_codec != "cp1252":
                    notes.append(f"declared {dec_label}; decoded as windows-1252 (its superset, as browsers do)")
                else:
                    notes.append(f"decoded as declared {dec_label}")
            elif _strict_ok(raw, use):
                text, enc = raw.decode(use), use
                notes.append(f"decoded as declared {dec_label}")
        if text is None:
            text, enc, why = _detect(raw)
            if dec_label:
                notes.append(f"declared {dec_label} but the bytes do not decode as that; {why}")
            else:
                notes.append(f"not valid UTF-8; {why}")

    lead = None if text.isascii() else _MOJIBAKE_LEAD_RE.search(text)
    if lead and _MOJIBAKE_RE.search(text, lead.start()):
        repaired = [0]

        def fix(m: re.Match) -> str:
            out = _fix_mojibake_match(m)
            repaired[0] += out != m.group(0)
            return out

        fixed = _MOJIBAKE_RE.sub(fix, text)
        if repaired[0]:
            text = fixed
            notes.append(f"repaired {repaired[0]} double-encoded UTF-8 sequence(s) (mojibake like 'Ã©' -> 'é')")

    if "\x00" in text:
        notes.append(f"{text.count(chr(0))} NUL byte(s) replaced by spaces")
        text = text.replace("\x00", " ")
    if "\ufffd" in text and not any("U+FFFD" in n for n in notes):
        notes.append(f"text contains {text.count(chr(0xFFFD))} U+FFFD replacement character(s) "
                     "(damaged before this file was saved)")
    return text, enc, "; ".join(notes)


def _strict_ok(raw: bytes, codec: str) -> bool:
    try:
        raw.decode(codec)
        return True
    except (UnicodeDecodeError, LookupError):
        return False


# In windows-1252 readings of text that is really in another legacy codepage, symbols turn
# up inside words ("bli¿ej" for Polish "bliżej") and non-ASCII letters come in long runs
# ("Ïðèâåò" for Russian "Привет"); neither happens in Western European writing.
_NOT_WESTERN_RE = re.compile(
    r"[^\W\d_][\u0080-\u00bf\u00d7\u00f7\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2030\u2039\u203a\u2122][^\W\d_]"
    r"|[^\x00-\x7f\W]{4,}")


def _western_plausible(text: str) -> bool:
    """True if a windows-1252 reading looks like Western European text."""
    return _NOT_WESTERN_RE.search(text) is None


def _detect(raw: bytes) -> tuple[str, str, str]:
    """Legacy-encoding guess: windows-1252 when its reading is plausible, else charset_normalizer."""
    as1252 = raw.decode("cp1252", errors="analysis.cp1252")
    if _western_plausible(as1252):
        return as1252, "cp1252", "read as windows-1252"
    best = None
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(raw[:262144] if len(raw) > 262144 else raw).best()
    except Exception:  # noqa: BLE001 - detection is best effort
        best = None
    if best is not None:
        candidates = {_norm_codec(c) or c for c in best.could_be_from_charset} | {best.encoding}
        if "cp1252" in candidates or best.encoding in _AS_CP1252:
            return raw.decode("cp1252", errors="analysis.cp1252"), "cp1252", "detected windows-1252"
        codec = _norm_codec(best.encoding) or best.encoding
        try:
            return raw.decode(codec), codec, f"detected {codec} (charset_normalizer)"
        except (UnicodeDecodeError, LookupError):
            pass
    return (raw.decode("cp1252", errors="analysis.cp1252"), "cp1252",
            "encoding unknown; read as windows-1252 (check accented characters)")


# --------------------------------------------------------------------------- helpers


def _result(path, status, reason, n=0, fmt="", enc="", note="") -> FileResult:
    return FileResult(str(path), status, reason, n, fmt, enc, note)


def _format_of(ext: str) -> str:
    if ext in TXT_EXTS:
        return "txt"
    if ext in JSON_EXTS:
        return "json"
    if ext in JSONL_EXTS:
        return "jsonl"
    if ext in CSV_EXTS:
        return "csv"
    if ext in HTML_EXTS:
        return "html"
    return ""


def _is_doc_file(p: Path) -> bool:
    stem = p.name.split(".", 1)[0].upper()
    return stem in DOC_STEMS or p.name.upper().startswith(DOC_PREFIXES) or p.suffix.lower() in (".md", ".rst")


def _find_key(keys: dict, names: Iterable[str]) -> Optional[str]:
    """The first of ``names`` among ``keys`` (a lower->original map), exact case first."""
    for n in names:
        if n in keys.values():
            return n
    for n in names:
        k = keys.get(n.lower())
        if k is not None:
            return k
    return None


def _as_text(v) -> Optional[str]:
    """A metadata value as a string (None when missing/empty); lists joined with ', '."""
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, dict):
        v = v.get("name") or v.get("title") or v.get("id")
        return _as_text(v)
    if isinstance(v, (list, tuple)):
        parts = [t for t in (_as_text(x) for x in v) if t]
        return ", ".join(parts) or None
    s = str(v).strip()
    return s or None


def _body_value(v) -> Optional[str]:
    if isinstance(v, str):
        return v.replace("\x00", " ") if v.strip() else None
    if isinstance(v, list) and v and all(isinstance(x, str) for x in v):
        s = "\n\n".join(v)
        return s if s.strip() else None
    return None


class _Fields:
    """Which record field plays which role, fixed per file from the first record."""

    __slots__ = ("body", "title", "outlet", "date", "authors", "url", "id", "drop")

    def __init__(self, keys: Iterable[str], body_field: Optional[str]):
        lower = {}
        for k in keys:
            if isinstance(k, str):
                lower.setdefault(k.lower(), k)
        if body_field:
            self.body = body_field if body_field in lower.values() else lower.get(body_field.lower())
        else:
            self.body = _find_key(lower, BODY_FIELDS)
        self.title = _find_key(lower, TITLE_FIELDS)
        self.outlet = _find_key(lower, OUTLET_FIELDS)
        self.date = _find_key(lower, DATE_FIELDS)
        self.authors = _find_key(lower, AUTHOR_FIELDS)
        self.url = _find_key(lower, URL_FIELDS)
        self.id = _find_key(lower, ID_FIELDS)
        used = {self.body, self.title, self.outlet, self.date, self.authors, self.url, self.id}
        # Other candidate bodies (e.g. allsides' tokenised ``content``) are dropped, not kept in meta.
        self.drop = {lower[n] for n in BODY_FIELDS if n in lower} | used
        self.drop.discard(None)


@lru_cache(maxsize=64)
def _fields_of(keys: tuple, body_field: Optional[str]) -> _Fields:
    """``_Fields`` for a record's keys; a corpus of one-record files repeats the same keys."""
    return _Fields(keys, body_field)


class _Tally:
    """Counts of records without a usable body or otherwise rejected, for the reason text."""

    def __init__(self):
        self.records = 0
        self.no_body = 0
        self.not_object = 0
        self.broken: list[str] = []  # first few broken-line messages
        self.broken_n = 0


def _record_article(rec: dict, fields: _Fields, *, path: Path, stem: str, index: Optional[int],
                    enc: str, tally: _Tally) -> Optional[Article]:
    tally.records += 1
    body = _body_value(rec.get(fields.body)) if fields.body else None
    if body is None:
        tally.no_body += 1
        return None
    rid = _as_text(rec.get(fields.id)) if fields.id else None
    if rid is None:
        rid = stem if index is None else f"{stem}-{index}"
    meta = {k: v for k, v in rec.items() if k not in fields.drop and k is not None}
    return Article(
        article_id=rid,
        path=str(path),
        text=body,
        title=_as_text(rec.get(fields.title)) if fields.title else None,
        outlet=_as_text(rec.get(fields.outlet)) if fields.outlet else None,
        byline=_as_text(rec.get(fields.authors)) if fields.authors else None,
        published=_as_text(rec.get(fields.date)) if fields.date else None,
        url=_as_text(rec.get(fields.url)) if fields.url else None,
        record=index,
        encoding=enc,
        meta=meta,
    )


def _records_reason(tally: _Tally, fields: Optional[_Fields], body_field: Optional[str],
                    unit: str = "records") -> str:
    parts = []
    if tally.broken_n:
        shown = "; ".join(tally.broken[:3]) + ("; ..." if tally.broken_n > 3 else "")
        parts.append(f"{tally.broken_n} broken line(s) skipped ({shown}); fix or remove them")
    if tally.not_object:
        parts.append(f"{tally.not_object} of {tally.records + tally.not_object} {unit} were not "
                     "JSON objects and were skipped")
    if tally.no_body:
        if body_field:
            what = f"no text in body field '{body_field}'"
            fix = "check the field name passed as body_field (--body-field)"
        elif fields is not None and fields.body:
            what = f"no text in body field '{fields.body}'"
            fix = "name another field with body_field (--body-field)"
        else:
            what = "no body field"
            fix = "name it with body_field (--body-field)"
        parts.append(f"{tally.no_body} of {tally.records} {unit} had {what}; {fix}")
    return "; ".join(parts)


def _no_body_reason(columns: Iterable, body_field: Optional[str], what: str) -> str:
    cols = ", ".join(repr(str(c)) for c in list(columns)[:40]) or "(none)"
    if body_field:
        return (f"{what} has no field {body_field!r} (body_field); it has: {cols}; "
                "pass the name of the field that holds the article text")
    return (f"{what} has no body field (looked for {', '.join(BODY_FIELDS[:8])}, ...); it has: {cols}; "
            "pass body_field='...' (--body-field) naming the field that holds the article text")


# --------------------------------------------------------------------------- per-format loaders


def _load_txt(path: Path, text: str, enc: str, note: str):
    art = Article(article_id=path.stem, path=str(path), text=text, encoding=enc)
    return _result(path, "loaded", "", 1, "txt", enc, note), [art]


def _json_error(e: json.JSONDecodeError, path: Path, line_offset: int = 0) -> str:
    return (f"broken JSON at line {e.lineno + line_offset} column {e.colno}: {e.msg}; "
            f"fix the file or remove it ({path.name})")


def _load_json(path: Path, text: str, enc: str, note: str, body_field: Optional[str]):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        if e.msg == "Extra data":  # several JSON values: most likely JSON Lines saved as .json
            fr, arts = _load_jsonl(path, text, enc, note, body_field)
            if arts:
                extra = "file holds one JSON record per line (JSON Lines); read it as .jsonl"
                return _result(path, fr.status, "; ".join(x for x in (extra, fr.reason) if x),
                               fr.articles, "json", enc, note), arts
        return _result(path, "failed", _json_error(e, path), 0, "json", enc, note), []
    if isinstance(data, dict):
        keys = {str(k).lower() for k in data}
        has_body = (body_field and body_field.lower() in keys) or any(b in keys for b in BODY_FIELDS)
        if not has_body:  # a wrapper like {"articles": [...]}: use its one list of objects
            lists = [v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
            if len(lists) == 1:
                data = lists[0]
    if isinstance(data, dict):
        fields = _fields_of(tuple(data.keys()), body_field)
        if not fields.body:
            return _result(path, "failed", _no_body_reason(data.keys(), body_field, "JSON record"),
                           0, "json", enc, note), []
        tally = _Tally()
        art = _record_article(data, fields, path=path, stem=path.stem, index=None, enc=enc, tally=tally)
        if art is None:
            return _result(path, "skipped", f"the record's body field '{fields.body}' is empty; "
                           "nothing to load (name another field with body_field)", 0, "json", enc, note), []
        return _result(path, "loaded", "", 1, "json", enc, note), [art]
    if isinstance(data, list):
        if not data:
            return _result(path, "skipped", "JSON file holds an empty list; nothing to load",
                           0, "json", enc, note), []
        return _finish_records(path, enumerate(data), "json", enc, note, body_field)
    return _result(path, "failed", f"JSON file holds a {type(data).__name__}, not a record or a list "
                   "of records; expected {...} or [{...}, ...]", 0, "json", enc, note), []


def _finish_records(path: Path, items: Iterable, fmt: str, enc: str, note: str,
                    body_field: Optional[str], tally: Optional[_Tally] = None):
    """Build articles from (index, record) pairs; fields fixed by the first object record."""
    tally = tally or _Tally()
    fields: Optional[_Fields] = None
    arts: list[Article] = []
    first_keys = None
    for i, rec in items:
        if not isinstance(rec, dict):
            tally.not_object += 1
            continue
        if fields is None:
            fields = _Fields(rec.keys(), body_field)
            first_keys = list(rec.keys())
        art = _record_article(rec, fields, path=path, stem=path.stem, index=i, enc=enc, tally=tally)
        if art is not None:
            arts.append(art)
    if fields is not None and not fields.body:
        reason = _no_body_reason(first_keys or [], body_field, f"{fmt.upper()} file {path.name}")
        return _result(path, "failed", reason, 0, fmt, enc, note), []
    reason = _records_reason(tally, fields, body_field)
    if not arts:
        if not reason:
            return _result(path, "skipped", "no records in file; nothing to load", 0, fmt, enc, note), []
        return _result(path, "failed", "no article loaded: " + reason, 0, fmt, enc, note), []
    return _result(path, "loaded", reason, len(arts), fmt, enc, note), arts


def _load_jsonl(path: Path, text: str, enc: str, note: str, body_field: Optional[str]):
    tally = _Tally()
    decoder = json.JSONDecoder()

    def items():
        index = 0
        # split on "\n" only: JSON strings may hold U+2028 etc., which splitlines() would cut at
        for lineno, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                rec = decoder.decode(line)
            except json.JSONDecodeError as e:
                tally.broken_n += 1
                if len(tally.broken) < 3:
                    tally.broken.append(f"line {lineno} column {e.colno}: {e.msg}")
                continue
            yield index, rec
            index += 1

    return _finish_records(path, items(), "jsonl", enc, note, body_field, tally)


def _raise_csv_limit() -> None:
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 10


def _load_csv(path: Path, text: str, enc: str, note: str, body_field: Optional[str]):
    _raise_csv_limit()
    nl = text.find("\n")
    first = text[:nl] if nl >= 0 else text
    if path.suffix.lower() == ".tsv":
        delim = "\t"
    else:
        counts = {d: first.count(d) for d in (",", ";", "\t", "|")}
        delim = max(counts, key=counts.get) if max(counts.values()) else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    try:
        header = next(reader, None)
    except csv.Error as e:
        return _result(path, "failed", f"broken CSV header: {e}; fix the file or remove it",
                       0, "csv", enc, note), []
    if not header or not any(h.strip() for h in header):
        return _result(path, "skipped", "CSV file has no header row; nothing to load "
                       "(the first row must name the columns)", 0, "csv", enc, note), []
    header = [h.strip() for h in header]
    fields = _Fields(header, body_field)
    if not fields.body:
        return _result(path, "failed", _no_body_reason(header, body_field, f"CSV file {path.name}"),
                       0, "csv", enc, note), []
    tally = _Tally()
    arts: list[Article] = []
    ragged = 0
    index = 0
    try:
        for row in reader:
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            if len(row) != len(header):
                ragged += 1
            rec = {h: (v if v != "" else None) for h, v in zip(header, row)}
            art = _record_article(rec, fields, path=path, stem=path.stem, index=index, enc=enc, tally=tally)
            index += 1
            if art is not None:
                arts.append(art)
    except csv.Error as e:
        tally.broken_n += 1
        tally.broken.append(f"line {reader.line_num}: {e}; rows after it were not read")
    reason = _records_reason(tally, fields, body_field, unit="rows")
    if ragged:
        reason = "; ".join(x for x in (reason, f"{ragged} row(s) had a different number of "
                                       f"columns than the header ({len(header)})") if x)
    if not arts:
        if not tally.records and not tally.broken_n:
            return _result(path, "skipped", "CSV file has a header but no rows; nothing to load",
                           0, "csv", enc, note), []
        return _result(path, "failed", "no article loaded: " + reason, 0, "csv", enc, note), []
    return _result(path, "loaded", reason, len(arts), "csv", enc, note), arts


def _raw_title(text: str) -> Optional[str]:
    """The <title> element's text as a browser reads it (RCDATA: no tags inside)."""
    import html as _html

    m = _TITLE_RE.search(text, 0, 200000)
    if not m:
        return None
    t = _WS_RE.sub(" ", _html.unescape(m.group(1))).strip()
    return t or None


# Dates only from what the page states (meta tags, <time>, URL), not guessed from free text
# such as a copyright line; the parser may still find a dateline in the text itself.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def _load_html(path: Path, text: str, enc: str, note: str):
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - dependency of the package
        return _result(path, "failed", "trafilatura is not installed; pip install trafilatura",
                       0, "html", enc, note), []
    src = _XML_DECL_STR.sub("", text, count=1)  # lxml refuses str input with an encoding declaration
    try:
        doc = trafilatura.bare_extraction(src, with_metadata=True, include_comments=False,
                                          include_tables=True, url=None,
                                          date_extraction_params=_DATE_PARAMS)
    except Exception as e:  # noqa: BLE001 - a bad page must not stop the corpus
        return _result(path, "failed", f"HTML extraction failed ({type(e).__name__}: {e}); "
                       "check the file is a web page or remove it", 0, "html", enc, note), []
    if doc is None:
        d = {}
    elif isinstance(doc, dict):
        d = doc
    else:
        d = doc.as_dict() if hasattr(doc, "as_dict") else vars(doc)
    body = d.get("text") or ""
    chars = len(_WS_RE.sub("", body))
    if chars < MIN_HTML_CHARS:
        found = f"only {chars} character(s) of" if chars else "no"
        return _result(path, "skipped", f"{found} main text found in this page (index page, paywall or "
                       "script-only page?); save the article text as .txt instead", 0, "html", enc, note), []
    body = body.replace("\x00", " ")
    title = _as_text(d.get("title")) or _raw_title(text)
    meta = {}
    for k in ("hostname", "description", "categories", "tags", "language", "pagetype", "image", "license"):
        v = d.get(k)
        if v:
            meta[k] = v
    art = Article(
        article_id=path.stem,
        path=str(path),
        text=body,
        title=title,
        outlet=_as_text(d.get("sitename")),
        byline=_as_text(d.get("author")),
        published=_as_text(d.get("date")),
        url=_as_text(d.get("url")),
        encoding=enc,
        meta=meta,
    )
    return _result(path, "loaded", "", 1, "html", enc, note), [art]


# --------------------------------------------------------------------------- public API


def load_file(path, *, body_field: str | None = None, raw: bytes | None = None) -> tuple[FileResult, list[Article]]:
    """Load one file; never raises for bad content (see the FileResult status and reason).

    ``body_field`` names the record field holding the article text (JSON/JSONL/CSV);
    without it the first of ``BODY_FIELDS`` present is used. ``raw``: the file's bytes when
    the caller has read them already (they are not read again).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.json"
    >>> _ = p.write_text('[{"id": "a1", "body": "Snow.", "outlet": "Daily"}]', encoding="utf-8")
    >>> res, arts = load_file(p)
    >>> res.status, arts[0].article_id, arts[0].text, arts[0].outlet
    ('loaded', 'a1', 'Snow.', 'Daily')
    >>> load_file(p.with_suffix(".png"))[0].status
    'skipped'
    """
    path = Path(path)
    ext = path.suffix.lower()
    fmt = _format_of(ext)
    if not fmt:
        what = f"'{ext}'" if ext else "no extension"
        return _result(path, "skipped", f"unsupported file type ({what}); supported: {SUPPORTED_LIST}; "
                       "convert it or move it out of the corpus folder"), []
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            kind = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file (pipe, socket or device)"
            return _result(path, "skipped", f"is {kind}, not a file to read; remove it from the corpus "
                           "or pass a folder to iter_corpus", 0, fmt), []
        if raw is None:
            raw = path.read_bytes()
    except FileNotFoundError:
        return _result(path, "failed", "file not found (moved or deleted while loading?)", 0, fmt), []
    except PermissionError:
        return _result(path, "failed", "cannot read the file: permission denied; fix its permissions "
                       "(chmod +r) or remove it", 0, fmt), []
    except OSError as e:
        return _result(path, "failed", f"cannot read the file: {e.strerror or e}; check it or remove it",
                       0, fmt), []
    if not raw:
        return _result(path, "skipped", "empty file (0 bytes); nothing to load", 0, fmt), []
    why = looks_binary(raw)
    if why:
        return _result(path, "skipped", f"looks binary ({why}), not text; convert it to text or remove it",
                       0, fmt), []
    try:
        declared = sniff_declared(raw) if fmt == "html" else None
        text, enc, note = decode_bytes(raw, declared=declared)
    except Exception as e:  # noqa: BLE001 - should not happen; keep the corpus going
        return _result(path, "failed", f"could not decode the file ({type(e).__name__}: {e}); "
                       "save it as UTF-8", 0, fmt), []
    if not text.strip():
        return _result(path, "skipped", "file holds only whitespace; nothing to load", 0, fmt, enc, note), []
    if fmt == "txt":
        return _load_txt(path, text, enc, note)
    if fmt == "json":
        return _load_json(path, text, enc, note, body_field)
    if fmt == "jsonl":
        return _load_jsonl(path, text, enc, note, body_field)
    if fmt == "csv":
        return _load_csv(path, text, enc, note, body_field)
    return _load_html(path, text, enc, note)


def _walk(root: Path) -> Iterator[tuple[Path, str]]:
    """(path, skip reason or "") for every entry under root, in sorted order."""
    entries: list[tuple[tuple[str, ...], Path, str]] = []

    def unreadable(err: OSError) -> None:
        p = Path(err.filename or root)
        entries.append((p.relative_to(root).parts if p != root else (), p,
                        f"!cannot list this folder ({err.strerror or err}); fix its permissions"))

    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=unreadable):
        d = Path(dirpath)
        rel = d.relative_to(root).parts
        keep = []
        for name in dirnames:
            if name.startswith("."):
                entries.append((rel + (name,), d / name,
                                "hidden folder, not searched; rename it without the leading '.' to include it"))
            elif (d / name).is_symlink():
                entries.append((rel + (name,), d / name, "symbolic link to a folder, not followed; "
                                "pass its target to iter_corpus to include it"))
            else:
                keep.append(name)
        dirnames[:] = keep
        for name in filenames:
            p = d / name
            if name.startswith("."):
                reason = "hidden file; rename it without the leading '.' to include it"
            elif _is_doc_file(p):
                reason = "looks like a documentation/licence/source-list file, not an article; " \
                         "load it with load_file if it is one"
            else:
                reason = ""
            entries.append((rel + (name,), p, reason))
    entries.sort(key=lambda e: e[0])
    for _, p, reason in entries:
        yield p, reason


def iter_corpus(path, *, body_field: str | None = None) -> Iterator[tuple[FileResult, list[Article]]]:
    """Yield ``(FileResult, articles)`` for a file, or for every file under a folder.

    Folders are searched recursively in sorted path order, one file in memory at a time.
    Every entry is accounted for: hidden files and folders, README/LICENSE/SOURCES files and
    unsupported types come back as ``skipped`` with a reason. Raises FileNotFoundError at
    once if ``path`` does not exist.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "b.txt").write_text("Two.", encoding="utf-8")
    >>> _ = (d / "a.txt").write_text("One.", encoding="utf-8")
    >>> [arts[0].text for _, arts in iter_corpus(d)]
    ['One.', 'Two.']
    """
    root = Path(path)
    if not root.exists():
        raise FileNotFoundError(f"corpus path not found: {str(path)!r} (looked at {root.resolve()}); "
                                "pass an existing file or folder")
    return _iter(root, body_field)


def _iter(root: Path, body_field: Optional[str]) -> Iterator[tuple[FileResult, list[Article]]]:
    for p, reason in corpus_entries(root):
        yield load_entry(p, reason, body_field=body_field)


def corpus_entries(path) -> list[tuple[Path, str]]:
    """``(path, reason)`` for every entry :func:`iter_corpus` reports, in its order.

    ``reason`` is why the entry is not loaded ("" for a file to load; a leading ``!`` marks
    a failure). A file, not a folder, is its own single entry. Lets callers fingerprint or
    distribute the files and load each with :func:`load_entry`.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("One.", encoding="utf-8")
    >>> _ = (d / ".b.txt").write_text("Two.", encoding="utf-8")
    >>> [(p.name, bool(r)) for p, r in corpus_entries(d)]
    [('.b.txt', True), ('a.txt', False)]
    """
    root = Path(path)
    if not root.is_dir():
        return [(root, "")]
    return list(_walk(root))


def load_entry(path, reason: str = "", *, body_field: str | None = None,
               raw: bytes | None = None) -> tuple[FileResult, list[Article]]:
    """Load one entry of :func:`corpus_entries` (as :func:`iter_corpus` does for it);
    ``raw`` as in :func:`load_file`."""
    p = Path(path)
    if reason:
        fmt = "" if p.is_dir() else _format_of(p.suffix.lower())
        status = "failed" if reason.startswith("!") else "skipped"
        return _result(p, status, reason.lstrip("!"), 0, fmt), []
    return load_file(p, body_field=body_field, raw=raw)

