"""Run every stage on every article, streaming rows into the tables.

>>> from analysis.records import Article
>>> a = analyse_article(Article("x", "x.txt", "Headline\\n\\nIt was a good day, he said."))
>>> a.parsed.sentences[0].text
'It was a good day, he said.'
"""
from __future__ import annotations

import bisect
import gc
import json
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from . import attributions, claims, framing, interview, load, mentions, numbers, parse, quotes, sentiment
from ..records import Article, FileResult, Mention, Number, Parsed, Quote, ScareQuote, Source
from ..tables import TABLES


@dataclass(slots=True)
class ArticleAnalysis:
    """Everything the per-article stages found in one article."""

    parsed: Parsed
    mentions: list[Mention]
    quotes: list[Quote]
    scare_quotes: list[ScareQuote]
    sources: list[Source]
    numbers: list[Number]
    sentiments: list[tuple[float, float]]  # one (polarity, subjectivity) per sentence
    quoted: list[bool] = field(default_factory=list)  # per sentence: mostly inside a quote

    @property
    def article(self) -> Article:
        return self.parsed.article

    @property
    def text(self) -> str:
        return self.parsed.article.text


def find_all_quotes(parsed: Parsed, found_mentions: list[Mention]) -> tuple[list[Quote], list[ScareQuote]]:
    """Quotes in quotation marks plus the answers of a Q&A interview, in text order; scare quotes."""
    found, scare = quotes.find_quotes(parsed, found_mentions)
    found = sorted(found + interview.interview_answers(parsed, found), key=lambda q: q.start)
    return found, scare


def analyse_article(article: Article) -> ArticleAnalysis:
    """Parse and tag one article."""
    parsed = parse.parse_article(article)
    found_mentions = mentions.find_mentions(parsed)
    found_quotes, scare = find_all_quotes(parsed, found_mentions)
    found_sources = quotes.find_sources(parsed, found_quotes, found_mentions)
    found_numbers = numbers.find_numbers(parsed)
    sents = [sentiment.sentiment(s.text) for s in parsed.sentences]
    quoted = _quoted_sentences(parsed, found_quotes)
    return ArticleAnalysis(parsed, found_mentions, found_quotes, scare, found_sources,
                           found_numbers, sents, quoted)


def _quoted_sentences(parsed: Parsed, found_quotes: list[Quote]) -> list[bool]:
    """True for a sentence whose words are at least half inside direct quotes."""
    out = []
    qi = 0
    qs = sorted((q.start, q.end) for q in found_quotes)
    for s in parsed.sentences:
        inside = 0
        while qi < len(qs) and qs[qi][1] <= s.start:
            qi += 1
        j = qi
        while j < len(qs) and qs[j][0] < s.end:
            inside += min(s.end, qs[j][1]) - max(s.start, qs[j][0])
            j += 1
        out.append(inside * 2 >= (s.end - s.start) > 0)
    return out


def _sentence_index(parsed: Parsed) -> Callable[[int], Optional[int]]:
    starts = [s.start for s in parsed.sentences]
    ends = [s.end for s in parsed.sentences]

    def find(offset: int) -> Optional[int]:
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < ends[i]:
            return parsed.sentences[i].sentence_id
        return None

    return find


def count_words(text: str) -> int:
    """Whitespace-separated tokens, the word count every table and benchmark uses.

    >>> count_words("It rained, she said."), count_words(" a\\n b\\xa0c  "), count_words("")
    (4, 3, 0)
    """
    # the usual text has no whitespace but single spaces between words (a printable
    # string has no other whitespace): count them instead of building the words
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text.count(" ") + 1 if text else 0
    return len(text.split())


#: Optional stage groups and the tables they fill; ``skip`` leaves those tables empty
#: (their CSV files are still written, with headers, so the table set never changes).
OPTIONAL_STAGES: dict[str, tuple[str, ...]] = {
    "claims": ("claims", "links", "facts"),
    "framing": ("frames", "actor_sentiment", "article_tone", "labels", "hedges"),
}


def check_skip(skip) -> frozenset:
    """The stage names in ``skip``, or a clear error naming the ones that do not exist."""
    skip = frozenset(skip or ())
    unknown = skip - set(OPTIONAL_STAGES)
    if unknown:
        raise ValueError(f"unknown stage(s) to skip: {', '.join(sorted(unknown))}; "
                         f"optional stages are: {', '.join(OPTIONAL_STAGES)}")
    return skip


def article_rows(result: ArticleAnalysis, *, skip: frozenset = frozenset(),
                 attribution_rows: Optional[list[tuple]] = None) -> dict[str, list[tuple]]:
    """Rows of each per-article table for one analysed article, in TABLES column order.

    ``attribution_rows``: what :func:`analysis.map.attributions.attribution_rows` gave for this
    ``result``, when the caller has it already (a benchmark timing that stage on its own);
    otherwise it is computed here (it is most of this function's time).
    """
    p = result.parsed
    a = p.article
    aid = a.article_id
    sid = _sentence_index(p)
    body_words = sum(count_words(par.text) for par in p.paragraphs)
    rows: dict[str, list[tuple]] = {}
    rows["articles"] = [(
        aid, a.path, a.record, p.headline_text, p.outlet, p.outlet_evidence, p.byline, p.published,
        a.url, body_words, len(p.paragraphs), len(p.sentences),
        p.headline.start if p.headline else None, p.headline.end if p.headline else None,
        p.body_start, p.body_end, a.encoding,
        json.dumps(a.meta, sort_keys=True, ensure_ascii=False, default=str) if a.meta else "",
    )]
    # (a record's fields are the row's columns in order: unpacked, not read one by one)
    rows["sentences"] = [  # aid, sentence_id, paragraph_id, start, end, text, polarity, subjectivity, quoted
        (aid, *s, pol, subj, q) for s, (pol, subj), q in zip(p.sentences, result.sentiments, result.quoted)
    ]
    rows["mentions"] = [(aid, sid(m[0]), *m) for m in result.mentions]  # start, end, text, entity, kind, method
    rows["quotes"] = [
        (aid, i, sid(q.start), q.start, q.end, q.quote, q.speaker, q.speaker_kind, q.speaker_role,
         q.cue, q.how, q.speaker_start, q.speaker_end, count_words(q.quote))
        for i, q in enumerate(result.quotes)
    ]
    rows["scare_quotes"] = [(aid, sid(s.start), s.start, s.end, s.text, s.reason)
                            for s in result.scare_quotes]
    rows["sources"] = [(aid, sid(s.start), s.start, s.end, s.text, s.source, s.source_kind, s.via, s.cue)
                       for s in result.sources]
    rows["numbers"] = [(aid, sid(n[0]), *n) for n in result.numbers]  # start, end, text, value, unit, qualifier
    rows["boilerplate"] = [(aid, *b) for b in p.boilerplate]  # start, end, text, kind
    rows["attributions"] = (attributions.attribution_rows(result) if attribution_rows is None
                            else list(attribution_rows))
    rows["quotes"], rows["sources"] = attributions.with_speaker_details(
        result, rows["attributions"], rows["quotes"], rows["sources"])
    rows["attributions"], rows["quotes"], rows["sources"] = attributions.one_gender_per_person(
        rows["attributions"], rows["quotes"], rows["sources"])
    if "claims" not in skip:
        rows["claims"] = claims.claim_rows(result)
    if "framing" not in skip:
        rows.update(framing.framing_rows(result))
    return rows


def file_row(fr: FileResult) -> tuple:
    return (fr.path, fr.status, fr.reason, fr.articles, fr.format, fr.encoding, fr.note)


def _with_errors(fr: FileResult, done: int, total: int, errors: list[str]) -> FileResult:
    """``fr`` turned into ``failed`` (or kept ``loaded`` with a reason) when articles failed."""
    if not errors:
        return fr
    status = "loaded" if done else "failed"
    reason = (f"analysis failed on {len(errors)} of {total} articles "
              f"({'; '.join(errors[:3])}); please report this file as a bug")
    return FileResult(fr.path, status, "; ".join(filter(None, [fr.reason, reason])),
                      done, fr.format, fr.encoding, fr.note)


def iter_analyses(path, *, body_field: str | None = None,
                  on_file: Callable[[FileResult], None] | None = None) -> Iterator[ArticleAnalysis]:
    """Analyse every article under ``path``, one at a time.

    ``on_file`` is called with each file's FileResult. An article that makes a stage
    fail does not stop the corpus: its file's result is turned into ``failed`` with the
    error, and the next file goes on.
    """
    for fr, articles in load.iter_corpus(path, body_field=body_field):
        done, errors = [], []
        for art in articles:
            try:
                done.append(analyse_article(art))
            except Exception as exc:  # a bug in a stage must not lose the rest of the corpus
                errors.append(f"{art.article_id!r}: {type(exc).__name__}: {exc}")
        if on_file:
            on_file(_with_errors(fr, len(done), len(articles), errors))
        yield from done


#: What the per-article map returns for one article: (article_id, text as loaded, rows per table).
ArticleRows = tuple[str, str, dict[str, list[tuple]]]


def analyse_file(fr: FileResult, articles: list[Article], *,
                 skip: frozenset = frozenset()) -> tuple[FileResult, list[ArticleRows]]:
    """The per-article map of one loaded file: pure, article -> rows (no ArticleAnalysis kept).

    Returns the file's result (``failed``, or ``loaded`` with a reason, when a stage failed
    on some of its articles) and ``(article_id, text, rows)`` per article analysed, where
    ``rows`` are :func:`article_rows`. This is what worker processes run.

    >>> from analysis.records import FileResult
    >>> fr = FileResult("x.txt", "loaded", "", 1, "txt")
    >>> fr2, done = analyse_file(fr, [Article("x", "x.txt", "Title\\n\\nIt rained, she said.")])
    >>> fr2 == fr, done[0][0], len(done[0][2]["sentences"])
    (True, 'x', 1)
    """
    return file_results(fr, articles, analyse_articles(articles, skip=skip))


def file_results(fr: FileResult, articles: list[Article],
                 results: list) -> tuple[FileResult, list[ArticleRows]]:
    """:func:`analyse_file`'s result from what :func:`analyse_articles` gave for ``articles``."""
    done: list[ArticleRows] = []
    errors: list[str] = []
    for art, res in zip(articles, results):
        if type(res) is str:
            errors.append(res)
        else:
            done.append((art.article_id, art.text, res))
    return _with_errors(fr, len(done), len(articles), errors), done


#: Articles :func:`analyse_articles` takes through the stages together.
GROUP_ARTICLES = 64


def analyse_articles(articles: list[Article], *, skip: frozenset = frozenset()) -> list:
    """:func:`article_rows` of :func:`analyse_article` of each article, or, for an article
    that makes a stage fail, the error (a str: ``'<id>': <Exception>: <message>``).

    The same calls on each article as ``article_rows(analyse_article(a))``; but parsing,
    mentions, numbers and sentence sentiment each run on :data:`GROUP_ARTICLES` articles in
    a row before the next of them starts, so that a stage's lexicons, regexes and caches are
    still in the CPU's caches from one article to the next (those stages are pure functions
    of their article). The quote, source and attribution stages then run article by article,
    in their own order (they share a per-article context, see
    ``analysis.map.attribution.context._context``).

    >>> rows = analyse_articles([Article("x", "x.txt", "Title\\n\\nIt rained, she said."), None])
    >>> len(rows[0]["sentences"]), rows[1].split(":")[1].strip()
    (1, 'AttributeError')
    """
    out: list = []
    for k in range(0, len(articles), GROUP_ARTICLES):
        out += _stagewise(articles[k:k + GROUP_ARTICLES], skip)
    return out


class _Failed:
    """A stage's exception, raised later (see _stagewise)."""

    __slots__ = ("exc",)

    def __init__(self, exc: Exception) -> None:
        self.exc = exc


def _stagewise(articles: list[Article], skip: frozenset) -> list:
    out: list = [None] * len(articles)
    live = list(range(len(articles)))

    def each(stage: Callable[[int], object], later: bool = False) -> list:
        """``stage(i)`` for every article still in; one that raises is out, with its error
        (``later``: the exception is kept in its place, for ``attributed`` to raise where
        analyse_article would have met it)."""
        nonlocal live
        got: list = [None] * len(articles)
        kept = []
        for i in live:
            try:
                got[i] = stage(i)
            except Exception as exc:  # a bug in a stage must not lose the rest of the corpus
                if later:
                    got[i] = _Failed(exc)
                    kept.append(i)
                    continue
                art = articles[i]
                out[i] = f"{getattr(art, 'article_id', art)!r}: {type(exc).__name__}: {exc}"
            else:
                kept.append(i)
        live = kept
        return got

    parsed = each(lambda i: parse.parse_article(articles[i]))
    found_mentions = each(lambda i: mentions.find_mentions(parsed[i]))
    found_numbers = each(lambda i: numbers.find_numbers(parsed[i]), later=True)
    sents = each(lambda i: [sentiment.sentiment(s.text) for s in parsed[i].sentences], later=True)

    def attributed(i: int) -> dict[str, list[tuple]]:
        # one article at a time from its quotes to its rows: these stages hand each other
        # what they found in the article (a context they share, kept for the last article)
        p, m = parsed[i], found_mentions[i]
        found_quotes, scare = find_all_quotes(p, m)
        found_sources = quotes.find_sources(p, found_quotes, m)
        for got in (found_numbers[i], sents[i]):  # (analyse_article's order of stages)
            if type(got) is _Failed:
                raise got.exc
        result = ArticleAnalysis(p, m, found_quotes, scare, found_sources, found_numbers[i], sents[i],
                                 _quoted_sentences(p, found_quotes))
        return article_rows(result, skip=skip)

    rows = each(attributed)
    for i in live:
        out[i] = rows[i]
    return out


class RowSink:
    """Collects rows per table; subclasses stream them elsewhere (see export.CsvSink)."""

    def __init__(self) -> None:
        self.rows: dict[str, list[tuple]] = {name: [] for name in TABLES}

    def add(self, table: str, rows: Iterable[tuple]) -> None:
        self.rows[table].extend(rows)

    def close(self) -> None:
        pass


#: Allocations between two young-generation garbage collections during a run (Python's
#: default is 700): most of an article's records die before a collection ever scans them.
GC_YOUNG_THRESHOLD = 10_000


@contextmanager
def batch_gc():
    """Fewer, cheaper garbage collections while a corpus runs; settings restored afterwards.

    Objects that exist before the run (modules, lexicons, the gazetteer, the caller's data)
    are frozen, so full collections do not walk them again and again, and young collections
    run every ``GC_YOUNG_THRESHOLD`` allocations. Nothing else changes: cycles are still
    collected.

    >>> with batch_gc():
    ...     gc.get_threshold()[0] == GC_YOUNG_THRESHOLD
    True
    """
    threshold = gc.get_threshold()
    freeze = gc.get_freeze_count() == 0  # the caller's own frozen objects stay as they are
    if freeze:
        gc.freeze()
    gc.set_threshold(max(threshold[0], GC_YOUNG_THRESHOLD), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if freeze:
            gc.unfreeze()


def check_path(path) -> Path:
    """The corpus path, or a clear error when it does not exist."""
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(
            f"corpus path {str(p)!r} does not exist; give a file or a folder of articles "
            "(.txt, .json, .jsonl, .csv, .html)")
    return p
