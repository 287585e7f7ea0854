"""Compare how outlets cover one news event: sources, quotes, claims, framing, charts.

>>> from analysis import load
>>> tables = load("seeds")                         # doctest: +SKIP
>>> tables.quotes[["speaker", "quote"]].head()     # doctest: +SKIP

``load`` (:func:`analysis.store.load`) analyses a corpus once into a store and reuses it
(only new or changed files are analysed again, on every core); ``analyse`` analyses it in
memory, in this process; ``export`` writes the tables as CSV or Parquet files.

The package is laid out as the analysis runs (docs/DESIGN.md draws the map):

- ``map/``: the per-article map, pure (``pipeline.analyse_article``: article -> rows), and
  ``parallel`` that runs it over batches of files (in process, a pool, or Dask);
- ``store.py``: the stored analysis of a corpus (Parquet parts + manifest);
- ``corpus/``: corpus-level stages from the stored per-article tables (stories, links, facts,
  outlets);
- ``views/``: export (CSV/Parquet, ``Tables``), profile, charts, html, report.

``config.py`` (paths), ``records.py`` (typed records) and ``tables.py`` (every table's
columns: the public contract) are shared by all four.

See README.md for the tables and their columns.
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["analyse", "analyse_article", "export", "load", "__version__"]


def __getattr__(name):  # lazy, so `python -m analysis --help` stays fast
    if name in ("analyse", "export"):
        from .views import export

        return getattr(export, name)
    if name == "load":
        from .store import load

        return load
    if name == "analyse_article":
        from .map.pipeline import analyse_article

        return analyse_article
    raise AttributeError(name)
