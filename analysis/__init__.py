"""Compare how outlets cover one news event: sources, quotes, claims, framing, charts.

>>> from analysis import load
>>> tables = load("seeds")                         # doctest: +SKIP
>>> tables.quotes[["speaker", "quote"]].head()     # doctest: +SKIP

``load`` (:func:`analysis.store.load`; ``analysis.map.load`` is also the loading module,
made callable) analyses a corpus once into a store and reuses it
(only new or changed files are analysed again, on every core); ``analyse`` analyses it in
memory, in this process.

See README.md for the tables and their columns.
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["analyse", "analyse_article", "load", "__version__"]


def __getattr__(name):  # lazy, so `python -m analysis --help` stays fast
    if name == "analyse":
        from .views.export import analyse

        return analyse
    if name == "load":  # the module analysis/map/load.py, callable as analysis.store.load
        import importlib

        return importlib.import_module(".load", __name__)
    if name == "analyse_article":
        from .map.pipeline import analyse_article

        return analyse_article
    raise AttributeError(name)
