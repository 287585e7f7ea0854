"""Views of a stored analysis: ``export`` (Tables, CSV/Parquet), ``profile`` (notebook-1
tables), ``charts`` (matplotlib figures), ``html`` (escaped article text with highlights),
``report`` (papermill notebooks rendered to HTML). They read tables; they never analyse.
"""
