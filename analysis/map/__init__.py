"""The per-article map: one article in, its rows out (pure; no state across articles).

``pipeline.analyse_article`` runs, in order: ``parse`` (headline, outlet, date, body,
sentences), ``mentions``, ``attribution`` (quotes, sources, attributions), ``interview``,
``numbers``, ``sentiment`` (per sentence), ``claims`` (claim units), ``framing`` (frames, tone
toward actors: ``tone``, hedges, labels; ``match`` and ``events`` are their cue matchers);
``pipeline.article_rows`` turns the result into the per-article tables' rows. ``load`` reads
input files into articles; ``parallel`` runs the map over batches of files in this process, a
process pool or a Dask cluster. See docs/DESIGN.md.
"""
