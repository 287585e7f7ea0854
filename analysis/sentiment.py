"""Sentence sentiment, exactly ``TextBlob(text).sentiment``, without per-call overhead.

``PatternAnalyzer.analyze`` builds a new namedtuple class on every call; we call the
same pattern ``Sentiment`` object it wraps, which returns the same two numbers.

>>> from textblob import TextBlob
>>> sentiment("A terrible, awful war.") == tuple(TextBlob("A terrible, awful war.").sentiment)
True
"""
from __future__ import annotations

from functools import lru_cache

from textblob.en import sentiment as _pattern_sentiment


@lru_cache(maxsize=65536)
def sentiment(text: str) -> tuple[float, float]:
    """(polarity, subjectivity) of ``text``, identical to ``TextBlob(text).sentiment``."""
    polarity, subjectivity = _pattern_sentiment(text)
    return polarity, subjectivity
