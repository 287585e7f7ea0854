"""Sentence sentiment, exactly ``TextBlob(text).sentiment``, at a fraction of its cost.

``sentiment(text)`` returns the ``(polarity, subjectivity)`` pair that
``tuple(TextBlob(text).sentiment)`` returns, bit for bit, for every string.

>>> from textblob import TextBlob
>>> text = "A terrible, awful war. Not a good day!"
>>> sentiment(text) == tuple(TextBlob(text).sentiment)
True
>>> sentiment("")
(0.0, 0.0)

How: TextBlob's default analyzer is pattern's ``Sentiment`` (``textblob/_text.py``). For a
string it runs ``find_tokens`` (contractions, quotes, whitespace, punctuation splitting,
sentence assembly, then the sarcasm ``(!)`` and emoticon regexes), lowercases every
token and walks them once (``Sentiment.assessments``): known words, modifiers,
negations, ``!`` boosting, ``(!)`` irony, emoticons; then averages polarity and
subjectivity in order. All of that is a pure function of the text, so this module
re-implements it with the work moved out of the per-call path:

* Every whitespace-separated chunk is tokenised once (memoised): the contraction and
  quote replacements and the punctuation splitting only ever act inside a chunk.
* Every lowercased token is looked up once (memoised) in a plain ``dict`` copy of
  TextBlob's own loaded lexicon (no ``lazydict`` wrapper), giving a small tuple with
  everything ``assessments`` asks of it.
* Sentence assembly only matters through the sarcasm/emoticon regexes (and by dropping
  ``END-OF-SENTENCE`` marks), and those change the text only where a match spans two
  tokens. When no such match is possible (checked per token boundary, then with one
  regex; the usual case) the token stream is used as is; otherwise (about 1 sentence in
  5,000 of news text: "(Exodus 28:8)", "Check: O'Malley") the text goes through TextBlob's
  own tokenizer (exact, slower). Literal ``END-OF-SENTENCE`` text goes there too.
* The usual text is scored with C-level work per chunk: each *plain* chunk (one word,
  or a word and one mark, or any chunk that tokenises into tokens starting and ending
  with its own first and last characters and not glued) maps to its token facts in one
  dict, and one regex over the whole text looks for a sarcasm/emoticon pair across two
  chunks; anything else takes the chunk-by-chunk path above. Tokens that cannot change
  the state (",", "a") are left out of the stream, and the scoring loop tests the two
  commonest facts (an unknown word, a short word) by identity first.
* The state machine and the averages do the same float operations in the same order.

If the installed TextBlob is not the version this was verified against (0.20.1), or its
internals look different, every call goes to TextBlob's own ``Sentiment`` object instead
(correct, slower). Whole sentences are cached too (boilerplate repeats).
"""
from __future__ import annotations

from functools import lru_cache
from itertools import chain

from textblob.en import sentiment as _pattern_sentiment

__all__ = ["sentiment", "reference_sentiment", "uses_fast_path", "clear_caches", "target_tone"]

#: The TextBlob release whose ``_text.py`` this module mirrors.
VERIFIED_TEXTBLOB = "0.20.1"

_CACHE_LIMIT = 400_000  # memoised chunks / tokens; cleared (not grown) beyond this


def reference_sentiment(text: str) -> tuple[float, float]:
    """TextBlob's own computation (what ``TextBlob(text).sentiment`` calls), uncached."""
    polarity, subjectivity = _pattern_sentiment(text)
    return polarity, subjectivity


def _build():
    """Return the fast scorer, or ``None`` when TextBlob's internals are not the verified ones."""
    try:
        from importlib.metadata import version

        if version("textblob") != VERIFIED_TEXTBLOB:
            return None
        import re

        import sys

        from textblob import TextBlob
        from textblob import _text as T

        S = _pattern_sentiment
        if not isinstance(S, T.Sentiment) or not isinstance(S, T.lazydict):
            return None
        # TextBlob(text).sentiment is PatternAnalyzer().analyze(text) -> this very object
        analyzer = type(TextBlob.analyzer)
        if analyzer.__name__ != "PatternAnalyzer":
            return None
        if getattr(sys.modules[analyzer.__module__], "pattern_sentiment", None) is not S:
            return None
        # The tokenizer TextBlob's sentiment uses: Parser.find_tokens -> _text.find_tokens
        # with its default punctuation/abbreviations/replacements.
        if getattr(S.tokenizer, "__func__", None) is not T.Parser.find_tokens:
            return None
        if T.find_tokens.__defaults__ != (T.PUNCTUATION, T.ABBREVIATIONS, T.replacements, r"\n{2,}"):
            return None
        if tuple(S.negations) != ("no", "not", "n't", "never") or tuple(S.modifiers) != ("RB",):
            return None
        if not (S.modifier("fully") is True and S.modifier("full") is False):
            return None
        PUNCTUATION, ABBREVIATIONS, REPLACE = T.PUNCTUATION, T.ABBREVIATIONS, T.replacements
        EOS, EMOTICONS = T.EOS, T.EMOTICONS
        RE_ABBR1, RE_ABBR2, RE_ABBR3 = T.RE_ABBR1, T.RE_ABBR2, T.RE_ABBR3
        len(S)  # loads the lexicon (lazydict)
        lex = dict.copy(S)  # plain dict: word -> {pos: (p, s, i)}; inner dicts shared, read-only
        if not lex:
            return None
    except Exception:  # anything unexpected: use TextBlob itself
        return None

    negations = tuple(S.negations)
    modifiers = tuple(S.modifiers)
    modifier = S.modifier
    tokenizer = S.tokenizer

    # ---------------------------------------------------------------- tokenisation
    punct_lead = tuple(PUNCTUATION.replace(".", ""))
    punct_trail = punct_lead + (".",)
    contractions = [(re.compile(a), b) for a, b in list(REPLACE.items())]
    # each contraction pattern is plain text with an apostrophe ("'ll", "n't"): a chunk
    # without one is left as is by all of them
    apostrophe_only = all("'" in a and re.escape(a) == a for a in REPLACE)
    # plain text replaced by plain text: str.replace does what re.sub does
    literal_contractions = apostrophe_only and not any("\\" in b for b in REPLACE.values())
    # a chunk split_chunk leaves whole: no quote mark anywhere (so no contraction either),
    # no punctuation at its start and neither punctuation nor a period at its end
    ends = re.escape(PUNCTUATION + "'\"“”‘’")
    plain_chunk = re.compile(rf"[^\s{ends}](?:[^\s'\"“”‘’]*[^\s{ends}])?").fullmatch
    if not apostrophe_only:
        plain_chunk = re.compile("(?!)").fullmatch

    def is_abbreviation(t: str) -> bool:
        """A token ending in "." that keeps its period (find_tokens' test)."""
        return (
            t in ABBREVIATIONS
            or RE_ABBR1.match(t) is not None
            or RE_ABBR2.match(t) is not None
            or RE_ABBR3.match(t) is not None
        )

    # the marks split_chunk cuts off the end of a plain word by themselves ("said," "war.")
    split_off = frozenset(PUNCTUATION) - set("'\"")

    def split_chunk(chunk: str) -> list[str]:
        """``find_tokens``' per-token work for one whitespace-free chunk (verbatim logic)."""
        if plain_chunk(chunk):
            return [chunk]  # nothing below would change it (the usual word)
        if literal_contractions:
            if "'" in chunk:
                for a, b in REPLACE.items():
                    if a in chunk:
                        chunk = chunk.replace(a, b)
        else:
            for rx, b in contractions:
                chunk = rx.sub(b, chunk)
        chunk = (
            chunk.replace("“", " “ ")
            .replace("”", " ” ")
            .replace("‘", " ‘ ")
            .replace("’", " ’ ")
            .replace("'", " ' ")
            .replace('"', ' " ')
        )
        tokens = []
        for t in chunk.split():
            tail = []
            while t.startswith(punct_lead) and t not in REPLACE:
                if t.startswith(punct_lead):
                    tokens.append(t[0])
                    t = t[1:]
            while t.endswith(punct_trail) and t not in REPLACE:
                if t.endswith(punct_lead):
                    tail.append(t[-1])
                    t = t[:-1]
                if t.endswith("..."):
                    tail.append("...")
                    t = t[:-3].rstrip(".")
                if t.endswith("."):
                    if is_abbreviation(t):
                        break
                    else:
                        tail.append(t[-1])
                        t = t[:-1]
            if t != "":
                tokens.append(t)
            tokens.extend(reversed(tail))
        return tokens

    # Sentence assembly matters only through the sarcasm and emoticon substitutions, and
    # those change a sentence only where a match spans a token boundary (the matched
    # spaces are removed). Such a match needs two adjacent tokens whose boundary chars
    # form a pair below (cheap screen, per chunk); and then a match of SPACED (below) in
    # the tokens joined by spaces, EOS dropped: every per-sentence match with a space is
    # one, since sentences are runs of that stream and their end (`$`) is a space there.
    # When neither holds, both substitutions are the identity and the stream is exact.
    pairs = {"(!", "!)"}
    spaced = [r"\( ! ?\)", r"\(! \)"]  # RE_SARCASM = \( ?\! ?\) with at least one space
    for faces in EMOTICONS.values():
        for e in faces:
            for k in range(1, len(e)):
                pairs.add(e[k - 1] + e[k])
                left = " ?".join(re.escape(c) for c in e[:k])
                right = " ?".join(re.escape(c) for c in e[k:])
                spaced.append(left + " " + right + r"(?:$|\s)")
    SPACED = re.compile("|".join(spaced))
    tail_chars = {p[0] for p in pairs}
    head_chars = {p[1] for p in pairs}
    # the same screen over a whole text at once, for chunks whose first and last
    # characters are those of their first and last tokens: a pair's first character
    # ending one chunk and its second starting the next (``str.split`` and ``\s`` agree
    # on what whitespace is)
    seconds = {a: "".join(sorted(re.escape(p[1]) for p in pairs if p[0] == a)) for a in tail_chars}
    pair_across = re.compile("|".join(rf"{re.escape(a)}\s+[{b}]" for a, b in sorted(seconds.items()))).search

    # ---------------------------------------------------------------- per-token facts
    emoticon_p = {}
    for (_type, p), faces in EMOTICONS.items():  # dict order: the first face set wins
        for e in faces:
            emoticon_p.setdefault(e.lower(), p)

    RESET = (0,)  # unknown word that clears both the pending negation and modifier
    CLEAR_NEGATION = (2, False, True, False, False, False, None)  # a short word: "of", "is"
    # A token whose only possible effect is the "really not good" rule (a pending negation
    # after a pending -ly modifier) does nothing at all: that state never outlasts a token,
    # since a negation is handled by the token that sets it (a known negation word leaves
    # no -ly modifier pending, checked here). Such tokens (",", "a") are left out of the
    # stream; NOTHING stands for them in token_cache.
    NOTHING = (2, False, False, False, False, False, None)
    if any(modifier(w) for w in negations):
        NOTHING = None  # the argument above does not hold: keep every token
    token_cache: dict[str, tuple] = {}
    ONLY_RESET = (RESET,)  # the infos of most chunks, one object

    def token_info(w: str) -> tuple:
        """What ``Sentiment.assessments`` needs to know about lowercased token ``w``."""
        entry = lex.get(w)
        is_neg = w in negations
        if entry is not None and None in entry:
            p, s, i = entry[None]
            is_mod = any(map(entry.__contains__, modifiers))
            # state of m afterwards: 0 none, 1 modifier, 2 modifier accepted before a
            # negation ("really not good"; modifier(m[0]) with pos None)
            m = (2 if modifier(w) else 1) if is_mod else 0
            info = (1, p, s, i, m, is_neg)
        else:
            strip_gt1 = len(w.strip("'")) > 1
            len_gt2 = len(w) > 2
            emo = None
            if w.isalpha() is False and len(w) <= 5 and w not in PUNCTUATION:
                emo = emoticon_p.get(w)
            bang = w == "!"
            irony = w == "(!)"
            if not is_neg and strip_gt1 and len_gt2 and not bang and not irony and emo is None:
                info = RESET
            else:
                info = (2, is_neg, strip_gt1, len_gt2, bang, irony, emo)
                if info == CLEAR_NEGATION:
                    info = CLEAR_NEGATION  # one object: score() tests it by identity
                elif info == NOTHING:
                    info = NOTHING
        if len(token_cache) >= _CACHE_LIMIT:
            token_cache.clear()
        token_cache[w] = info
        return info

    chunk_cache: dict[str, tuple] = {}

    def chunk_info(chunk: str) -> tuple:
        toks = split_chunk(chunk)
        glued = any(toks[k - 1][-1] + toks[k][0] in pairs for k in range(1, len(toks)))
        infos = infos_of(toks)
        head = toks[0][0] if toks[0][0] in head_chars else ""
        tail = toks[-1][-1] if toks[-1][-1] in tail_chars else ""
        if EOS in toks:  # a literal END-OF-SENTENCE: leave it to TextBlob's tokenizer
            glued = 2
        entry = (infos, head, tail, glued, toks)
        if len(chunk_cache) >= _CACHE_LIMIT:
            chunk_cache.clear()
        chunk_cache[chunk] = entry
        return entry

    def infos_of(toks) -> tuple:
        """The token facts of ``toks`` in order, tokens that do nothing left out."""
        infos = tuple(token_cache.get(w) or token_info(w) for w in map(str.lower, toks))
        if NOTHING in infos:
            infos = tuple(i for i in infos if i is not NOTHING)
        return ONLY_RESET if infos == ONLY_RESET else infos

    # chunk -> its token facts, for chunks the fast path takes as they are: not glued,
    # no END-OF-SENTENCE, first and last characters those of the chunk (see pair_across)
    plain_infos: dict[str, tuple] = {}

    def plain_info(chunk: str):
        """``plain_infos[chunk]``, computed on a miss; None for a chunk that is not plain."""
        if plain_chunk(chunk):  # one token, the chunk itself
            if chunk == EOS:
                return None
            w = chunk.lower()
            info = token_cache.get(w) or token_info(w)
            infos = () if info is NOTHING else ONLY_RESET if info is RESET else (info,)
        elif chunk[-1] in split_off and plain_chunk(chunk, 0, len(chunk) - 1):
            # a plain word and one mark ("said,", "war.", "U.S."): what split_chunk gives
            word, mark = chunk[:-1], chunk[-1]
            if mark == "." and is_abbreviation(chunk):
                toks = (chunk,)
            elif word[-1] + mark in pairs or word == EOS:
                return None  # glued ("8)"): see careful()
            else:
                toks = (word, mark)
            infos = infos_of(toks)
        else:
            ci, _head, _tail, glued, toks = chunk_cache.get(chunk) or chunk_info(chunk)
            if glued or toks[0][0] != chunk[0] or toks[-1][-1] != chunk[-1]:
                return None
            infos = ci
        if len(plain_infos) >= _CACHE_LIMIT:
            plain_infos.clear()
        plain_infos[chunk] = infos
        return infos

    # ---------------------------------------------------------------- scoring
    def score(infos) -> tuple[float, float]:
        """``Sentiment.assessments`` + ``Sentiment.__call__``'s averages, same float ops."""
        a = []  # [p, s, i, n] per assessment
        m = 0  # pending modifier: 0 none, 1 yes, 2 yes and it ends in -ly
        n = False  # pending negation
        for info in infos:
            if info is RESET:  # most tokens
                n = False
                m = 0
                continue
            if info is CLEAR_NEGATION:
                n = False
                continue
            kind = info[0]
            if kind == 0:
                n = False
                m = 0
            elif kind == 1:
                _, p, s, i, mod, neg = info
                if m == 0:
                    a.append([p, s, i, 1])
                else:
                    e = a[-1]
                    e[0] = max(-1.0, min(p * e[2], +1.0))
                    e[1] = max(-1.0, min(s * e[2], +1.0))
                    e[2] = i
                if n:
                    e = a[-1]
                    e[2] = 1.0 / e[2]
                    e[3] = -1
                m = mod
                n = neg
            else:
                _, is_neg, strip_gt1, len_gt2, bang, irony, emo = info
                if is_neg:
                    n = True
                elif n and strip_gt1:
                    n = False
                if n and m == 2:
                    a[-1][3] = -1
                    n = False
                elif m and len_gt2:
                    m = 0
                if bang and a:
                    e = a[-1]
                    e[0] = max(-1.0, min(e[0] * 1.25, +1.0))
                if irony:
                    a.append([0.0, 1.0, 1.0, 1])
                if emo is not None:
                    a.append([emo, 1.0, 1.0, 1])
        sp = 0
        ss = 0
        for p, s, _i, neg in a:
            sp += p * -0.5 if neg < 0 else p
            ss += s
        k = float(len(a) or 1)
        return sp / k, ss / k

    def exact_tokens(text: str):
        """TextBlob's own tokenizer, for texts the fast path cannot vouch for."""
        return infos_of(" ".join(tokenizer(text)).split())

    plain_get = plain_infos.get
    chained = chain.from_iterable

    def fast(text: str) -> tuple[float, float]:
        """The usual text: every chunk plain and no pair across chunks -> the chunks' facts
        as they are (C-level lookups); otherwise ``careful``."""
        chunks = text.split()
        infos = list(map(plain_get, chunks))
        if None in infos:  # a chunk not seen yet, or not plain
            for k, ci in enumerate(infos):
                if ci is None:
                    ci = infos[k] = plain_info(chunks[k])
                    if ci is None:
                        return careful(text)
        if pair_across(text) is not None:
            return careful(text)
        return score(chained(infos))

    def careful(text: str) -> tuple[float, float]:
        """Chunk by chunk: a pair across or inside chunks -> the SPACED check."""
        infos = []
        prev_tail = ""
        suspect = False
        get = chunk_cache.get
        for chunk in text.split():
            ci, head, tail, glued, _toks = get(chunk) or chunk_info(chunk)
            if glued or (prev_tail and head and prev_tail + head in pairs):
                if glued == 2:
                    return score(exact_tokens(text))
                suspect = True
            infos += ci
            prev_tail = tail
        if suspect:
            joined = " ".join(t for chunk in text.split() for t in (get(chunk) or chunk_info(chunk))[4])
            if SPACED.search(joined) is not None:
                return score(exact_tokens(text))
        return score(infos)

    def self_check() -> bool:
        probes = [
            "", "   ", "Not good.", "not a good idea", "really not good", "very very bad!!!",
            "Great (!) news :-) and :( <3", "Don't, can't, won't.", "“Nice,” she said.",
            "He was very good. But not bad either...\n\nA truly terrible, awful day!",
            "The U.S. e.g. Dr. Smith rated it 2.5 (footnote 8) ratio: 3",
        ]
        return all(fast(t) == reference_sentiment(t) == careful(t) for t in probes)

    try:
        if not self_check():
            return None
    except Exception:
        return None
    chunk_cache.clear()
    token_cache.clear()
    plain_infos.clear()
    fast.chunk_cache = chunk_cache
    fast.token_cache = token_cache
    fast.plain_infos = plain_infos
    return fast


def _first_call(text: str) -> tuple[float, float]:
    """Build the scorer on first use (loading the lexicon is not free), then delegate."""
    global _score
    _score = _build() or reference_sentiment
    return _score(text)


_score = _first_call


def uses_fast_path() -> bool:
    """True when the re-implementation is in use; False: every call goes to TextBlob."""
    if _score is _first_call:
        _first_call("")
    return _score is not reference_sentiment


def clear_caches() -> None:
    """Forget every memoised sentence, chunk and token (for benchmarks and tests)."""
    sentiment.cache_clear()
    for name in ("chunk_cache", "token_cache", "plain_infos"):
        cache = getattr(_score, name, None)
        if cache is not None:
            cache.clear()


@lru_cache(maxsize=65536)
def sentiment(text: str) -> tuple[float, float]:
    """(polarity, subjectivity) of ``text``, bit-identical to ``tuple(TextBlob(text).sentiment)``.

    >>> sentiment("Not a good day.")
    (-0.35, 0.6000000000000001)
    """
    if type(text) is not str:
        return reference_sentiment(text)
    return _score(text)


def target_tone(text: str, start: int, end: int, *, sentence=None):
    """Tone toward the mention ``text[start:end]`` within its sentence (see :mod:`analysis.map.tone`).

    Returns a ``Tone`` with ``.label`` (``negative``, ``neutral``, ``positive``) and ``.score``
    (-1..1). ``sentence`` = (start, end) of the sentence in ``text`` when known.

    >>> t = target_tone("Rebels praised the brave general.", 19, 32)
    >>> t.label in ("negative", "neutral", "positive"), -1 <= t.score <= 1
    (True, True)
    """
    from .tone import target_tone as _target_tone  # lazy: tone imports this module

    return _target_tone(text, start, end, sentence=sentence)
