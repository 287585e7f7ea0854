"""Typed records passed between the library's stages.

Every record that points into an article carries ``start``/``end`` character
offsets into ``Article.text`` (the text exactly as loaded), such that
``article.text[start:end]`` is the record's reported string.

>>> s = Span(0, 5, "Hello")
>>> "Hello world"[s.start:s.end] == s.text
True
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple, Optional


class Span(NamedTuple):
    """A stretch of an article's text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class FileResult:
    """What happened to one input file; every input file gets exactly one."""

    path: str
    status: str  # "loaded" | "skipped" | "failed"
    reason: str  # "" when loaded cleanly; otherwise what happened and what to do
    articles: int = 0
    format: str = ""  # txt | json | jsonl | csv | html | ""
    encoding: str = ""  # the codec the bytes were decoded with
    note: str = ""  # what was done to decode (BOM removed, declared charset wrong, ...)


@dataclass(slots=True)
class Article:
    """One article as loaded. ``text`` is what every offset indexes.

    For ``.txt`` files it is the whole file decoded (newlines untouched); for
    records (JSON/JSONL/CSV) it is the body field as given; for HTML it is the
    extracted main text. Metadata fields hold what the *container* stated (JSON
    field, HTML meta tag); the parser may find more in the text itself.
    """

    article_id: str
    path: str
    text: str
    title: Optional[str] = None
    outlet: Optional[str] = None
    byline: Optional[str] = None
    published: Optional[str] = None  # as stated by the container, not yet normalised
    url: Optional[str] = None
    record: Optional[int] = None  # row number within a multi-record file
    encoding: str = ""
    meta: dict = field(default_factory=dict)  # any other fields (bias, topic, ...)


class Sentence(NamedTuple):
    sentence_id: int  # 0-based within the article
    paragraph_id: int  # 0-based index into Parsed.paragraphs
    start: int
    end: int
    text: str


class Boilerplate(NamedTuple):
    start: int
    end: int
    text: str
    kind: str  # share | read_time | continue | photo_credit | contact | section | intro | ...


@dataclass(slots=True)
class Parsed:
    """An article split into headline, metadata, body, paragraphs and sentences."""

    article: Article
    headline: Optional[Span]  # where the headline stands in the text, if it does
    headline_text: Optional[str]  # the headline to report (the span's text, else the stated title)
    outlet: Optional[str]
    outlet_evidence: str  # where the outlet came from: "metadata", "credit line", "dateline", ...
    byline: Optional[str]
    published: Optional[str]  # ISO YYYY-MM-DD or None
    body_start: int
    body_end: int
    paragraphs: list  # list[Span], body paragraphs only, boilerplate removed
    sentences: list  # list[Sentence]
    boilerplate: list  # list[Boilerplate]


class Mention(NamedTuple):
    start: int
    end: int
    text: str
    entity: str  # canonical name ("Islamic State")
    kind: str  # actor | organisation | person | place | media
    method: str  # "gazetteer" | "capitalised"


class Quote(NamedTuple):
    start: int  # offsets of the quoted words, without the quotation marks
    end: int
    quote: str
    speaker: Optional[str]  # canonical speaker name or description ("one rebel commander")
    speaker_kind: str  # named | anonymous | unattributed
    speaker_role: str  # official | expert | militant | rebel | activist | journalist | media | other | ""
    cue: str  # the cue verb/phrase ("said", "according to"), "" if none
    speaker_start: Optional[int] = None  # offsets of the speaker's words in the text, if stated
    speaker_end: Optional[int] = None
    how: str = ""  # how the speaker was found: after | before | colon | continuation | pronoun | description | paragraph | clause | interview | ""


class ScareQuote(NamedTuple):
    """Quotation marks around words that are not speech: scare quotes, titles, terms."""

    start: int
    end: int
    text: str
    reason: str  # "short fragment" | "title" | ...


class Source(NamedTuple):
    start: int  # offsets of the phrase that names the source
    end: int
    text: str
    source: str  # canonical name ("Reuters", "Syrian Observatory for Human Rights", "one source")
    source_kind: str  # media | organisation | government | person | anonymous
    via: str  # medium through which it reached the article ("Reuters"), "" if direct
    cue: str  # "reported", "according to", "told", "quoted by", "said", ":" ...


class Number(NamedTuple):
    start: int
    end: int
    text: str
    value: float
    unit: str  # the thing counted or measured ("villages", "km", "percent"), "" if unknown
    qualifier: str  # "more than", "at least", "about", ... or ""
