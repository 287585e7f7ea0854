"""Compare how outlets cover one news event: sources, quotes, claims, framing, charts.

>>> from analysis import analyse
>>> tables = analyse("seeds")                      # doctest: +SKIP
>>> tables.quotes[["speaker", "quote"]].head()     # doctest: +SKIP

See README.md for the tables and their columns.
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["analyse", "analyse_article", "__version__"]


def __getattr__(name):  # lazy, so `python -m analysis --help` stays fast
    if name == "analyse":
        from .export import analyse

        return analyse
    if name == "analyse_article":
        from .pipeline import analyse_article

        return analyse_article
    raise AttributeError(name)
