"""analysis.map.sentiment.sentiment must equal tuple(TextBlob(text).sentiment) bit for bit."""
from __future__ import annotations

import doctest
import json
import random

import pytest
from textblob import TextBlob

from analysis.map import sentiment as S
from analysis.config import ALLSIDES_DIR, SEEDS_DIR
from analysis.map.load import load_file
from analysis.map.parse import parse_article, split_sentences
from analysis.records import Article
from analysis.map.sentiment import sentiment


def expected(text: str) -> tuple[float, float]:
    return tuple(TextBlob(text).sentiment)


def same(a, b) -> bool:
    """Equal and bit-identical (``==`` would accept 0.0 for -0.0)."""
    return len(a) == len(b) and all(x == y and repr(x) == repr(y) and type(x) is type(y) for x, y in zip(a, b))


def assert_same(text: str) -> None:
    got, want = sentiment(text), expected(text)
    assert same(got, want), f"{text[:300]!r}: got {got!r}, TextBlob says {want!r}"


def test_fast_path_in_use():
    # textblob 0.20.1 is the verified version; anything else falls back to TextBlob itself
    from importlib.metadata import version

    assert S.uses_fast_path() == (version("textblob") == S.VERIFIED_TEXTBLOB)


def test_doctests():
    res = doctest.testmod(S)
    assert res.attempted > 0 and res.failed == 0


TRICKY = [
    # negation and modifiers
    "good", "not good", "Not good.", "not a good day", "not very good", "really not good",
    "truly not good", "very not good", "not really good", "never good", "no good", "not bad",
    "not not good", "not the good, bad thing", "not a very good idea", "very very bad",
    "very, very bad", "extremely good", "really good really bad", "good very", "very",
    "too very much good", "is it not a good and not a bad idea?", "terribly nice",
    "it is really a good idea", "it really isn't a good idea", "never ever good",
    # exclamation marks, irony
    "good!", "good!!!", "bad!", "not good!", "! good", "!!!", "very bad!!!!!!", "great (!)",
    "great(!)", "great ( ! ) idea", "great ( !) idea", "great (! ) idea", "(!)", "( ! )",
    "a(!)b", "wow!) ok", "(wow!) great", "(!!)", "Good news (!) for all.",
    # emoticons
    ":-)", ":)", ":(", ":-(", "<3", "♥", ":D", "xD", "XD", "X-D", ">:(", ":'(", ";)", ";-)",
    "good :-) bad :(", "i love it <3 <3", "ratio: 3 to 1", "see footnote 8)", "(Exodus 28:8)",
    "Reality Check: O'Malley", "o.O", "o . O", "ago. Oh", ":-.", ">.>", "°O°", ":p", ":P",
    "Note: Democrats", "Note: D", ": D", "8 - )", "=)", "= )", ":^)", ":'''(", ":-/", ":/",
    # contractions and quotes
    "don't", "Don't like it", "can't", "won't", "isn't good", "it's good", "I'd've", "we'll",
    "they're great", "I'm fine", "you've", "O'Malley's", "rock 'n' roll", "'good'", "''good''",
    '"good"', '"Good," she said.', "“Nice,” she said. “Not nice.”", "‘fine’ and ’ugly‘",
    "It's ‘not’ “good”", "'not' good", "''", "'", '"', "“”", "n't good", "not' good",
    # periods, ellipses, abbreviations, numbers
    "Good... bad...", "good...", "...", "....", ". . .", "good.bad", "The U.S. is great.",
    "e.g. good", "i.e. bad", "Dr. Good", "Mr. Nice", "etc. good", "T. De Smedt is good.",
    "It rose 2.5 percent.", "3.14159 good", "$2.5bn deal", "10% bad", "1,000 good", "21st",
    "2nd best", "a.m. p.m. good", "St. Louis", "Ph.D. good", "U.N. bad",
    # urls, emails, symbols
    "See https://example.com/good?x=1&y=(2) now!", "mail good@bad.com", "#good @bad",
    "a/b good", "f*cking great", "f*cking", "crap!", "w/ good", "[good]", "{bad}", "<good>",
    # whitespace, line breaks
    "", " ", "   \t  ", "\n", "\r\n", "\n\n", "\r\n\r\n", "good\n\nbad", "good\r\n\r\nbad",
    "good\nbad", "good\r\r\nbad", "good\n \nbad", "not\n\ngood", "very\n\ngood", "good\n\n!",
    "END-OF-SENTENCE", "not END-OF-SENTENCE good", "end-of-sentence", "good\u00a0bad",
    "good\u2028bad", "good\x1cbad", "good\tbad\vugly\fnice",
    # case, hyphens, non-ASCII
    "GOOD", "NOT GOOD!", "VERY BAD", "Good Bad Ugly", "well-known", "light-hearted",
    "mind-boggling", "good-bad", "-good-", "--good--", "good—bad", "good – bad",
    "café good", "naïve", "İstanbul good", "جيد جدا", "好", "good 😀", "😀😀😀", "bad 👍 !",
    "Ｇｏｏｄ", "ﬁne", "ß good",
    # long text
    "It was a good day. " * 200,
    "Not good, not bad, very very terrible!!! (!) :-) " * 150,
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky(text):
    assert_same(text)


def test_tricky_cold_and_warm():
    S.clear_caches()
    for t in TRICKY:
        assert_same(t)
    for t in reversed(TRICKY):  # every memo warm now
        assert_same(t)


def test_fallback_when_version_differs(monkeypatch):
    import importlib.metadata

    monkeypatch.setattr(importlib.metadata, "version", lambda name: "0.0.1")
    assert S._build() is None
    # and the fallback itself is TextBlob's computation
    for t in ["not a good day", "great (!) :-)", ""]:
        assert same(S.reference_sentiment(t), expected(t))


def test_non_str_goes_to_textblob():
    class Sub(str):
        pass

    assert same(sentiment(Sub("not good")), expected("not good"))


# --------------------------------------------------------------------------- real sentences

def _seed_articles():
    arts = []
    for p in sorted(SEEDS_DIR.glob("*.txt")):
        arts.extend(load_file(p)[1])
    return arts


def test_seed_sentences():
    arts = _seed_articles()
    assert arts, f"no seeds in {SEEDS_DIR}"
    n = 0
    for a in arts:
        texts = [s.text for s in parse_article(a).sentences]
        texts += [s.text for s in split_sentences(a.text)]
        texts += [p for p in a.text.split("\n\n")] + [a.text]
        for t in texts:
            assert_same(t)
            n += 1
    assert n > 50


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.skipif(not ALLSIDES_DIR.is_dir(), reason=f"shared corpus not available at {ALLSIDES_DIR}")
def test_allsides_sample():
    files = sorted(ALLSIDES_DIR.glob("*.json"))
    if not files:
        pytest.skip(f"no *.json in {ALLSIDES_DIR}")
    sample = random.Random(0).sample(files, min(300, len(files)))
    S.clear_caches()
    n = 0
    for f in sample:
        body = json.loads(f.read_text(encoding="utf-8")).get("content_original") or ""
        texts = [s.text for s in parse_article(Article(f.stem, str(f), body)).sentences] + [body]
        for t in texts:
            assert_same(t)
            n += 1
    assert n > 1000


# --------------------------------------------------------------------------- randomised

def _random_cases(count: int, seed: int = 0) -> list[str]:
    from textblob.en import sentiment as lexicon

    rng = random.Random(seed)
    len(lexicon)  # a lazydict: load it before reading it with dict methods
    words = sorted(dict.keys(lexicon))
    assert words
    adverbs = [w for w in words if "RB" in dict.__getitem__(lexicon, w)]
    plain = ["the", "a", "is", "it", "of", "and", "war", "Obama", "said", "to", "I", "be", "U.S.",
             "Dr.", "e.g.", "2.5", "1,000", "http://x.org/a(b)", "O'Malley", "3", "8", "D", "O", "o",
             "x", "X", "s", "p", "c", "b"]
    glue = ["not", "no", "never", "n't", "Not", "NOT", "don't", "can't", "isn't", "won't", "very",
            "really", "truly", "too", "so", "extremely"]
    punct = [".", ",", "!", "!!", "!!!", "?", "...", "(!)", "(", ")", "( !", "! )", ":", ";", "-",
             "--", "–", "'", '"', "“", "”", "‘", "’", "'s", "'d", "'ll", "(", "[", "]", "*", "/",
             "#", "@", "END-OF-SENTENCE", "<", ">", "=", "^", "_", "°", "\\"]
    faces = [":-)", ":)", ":(", "<3", ":D", "xD", ";)", ":'(", "o.O", ":-/", ">:(", "=)", "8)", ":3",
             ":-.", "(:", "♥", "😀"]
    seps = [" "] * 12 + ["", "", "\n", "\n\n", "\r\n", "\r\n\r\n", "\t", "  ", "\u00a0"]
    mild_punct = [".", ",", "!", "!!!", "?", "...", "'", '"', "“", "”", "’", "'s", "-", "(", ")"]
    cases = []
    for k in range(count):
        # half "mild" (words, negations, modifiers, ordinary punctuation: the fast path),
        # half "wild" (faces, sarcasm marks, stray symbols: often TextBlob's own tokenizer)
        mild = k % 2 == 0
        parts = []
        for _ in range(rng.randint(0, 25)):
            r = rng.random()
            if mild and r >= 0.65:
                parts.append(rng.choice(mild_punct) if r < 0.85 else rng.choice(words))
                parts.append(rng.choice(seps))
                continue
            if r < 0.30:
                w = rng.choice(words)
            elif r < 0.42:
                w = rng.choice(adverbs)
            elif r < 0.55:
                w = rng.choice(glue)
            elif r < 0.65:
                w = rng.choice(plain)
            elif r < 0.88:
                w = rng.choice(punct)
            else:
                w = rng.choice(faces)
            c = rng.random()
            if c < 0.08:
                w = w.upper()
            elif c < 0.16:
                w = w.capitalize()
            parts.append(w)
            parts.append(rng.choice(seps))
        cases.append("".join(parts))
    return cases


def test_randomised(monkeypatch):
    from textblob import _text

    fast = S.uses_fast_path()  # build the scorer before spying on the tokenizer
    S.clear_caches()
    cases = _random_cases(2000)
    exact = []  # texts our scorer handed to TextBlob's own tokenizer
    real = _text.find_tokens

    def spy(string, *args, **kwargs):
        exact.append(string)
        return real(string, *args, **kwargs)

    got = []
    monkeypatch.setattr(_text, "find_tokens", spy)
    for t in cases:
        got.append(sentiment(t))
    monkeypatch.setattr(_text, "find_tokens", real)
    bad = [t for t, g in zip(cases, got) if not same(g, expected(t))]
    assert not bad, f"{len(bad)} of {len(cases)} differ, e.g. {bad[:3]!r}"
    if fast:  # both paths were exercised
        assert 200 < len(exact) < 1500, len(exact)


# Texts aimed at the per-chunk fast path (plain chunks, a word and one mark, chunks that
# are glued or whose tokens do not start/end with the chunk's own characters, pairs
# across chunks, tokens that do nothing) and at the careful path beside it.
CHUNK_SHAPES = [
    "It was good, he said. Not bad; not great: fine?",
    "The U.S. and Mr. Smith were good. Gen. Lee was bad.",
    "Good radio. Bad video. Great photo.",  # "o." is an emoticon pair inside the chunk
    "so good 8) and bad o _O really",  # glued, and a pair across two chunks
    "not a good day", "not , good", "not of good", "really not good", "very , good",
    "END-OF-SENTENCE, good END-OF-SENTENCE. bad",
    "“Good,” she said. 'Bad' (really) [not] good!",
    "It's good; they're bad, aren't they? Trump’s great.",
    "xD good :-) bad :( terrible <3 nice ;)",
    "good (!) bad ( ! ) ok",
    "",
]


@pytest.mark.parametrize("text", CHUNK_SHAPES)
def test_chunk_shapes(text):
    S.clear_caches()
    assert_same(text)  # cold: every chunk new
    assert_same(text + " ")  # warm: every chunk known (a new sentence, same chunks)


def test_fast_and_careful_paths_agree():
    if not S.uses_fast_path():
        pytest.skip("TextBlob version not verified: no fast path")
    careful = dict(zip(S._score.__code__.co_freevars, (c.cell_contents for c in S._score.__closure__)))["careful"]
    for t in CHUNK_SHAPES + TRICKY:
        assert same(careful(t), expected(t)), t
