"""The tables: names and columns, the library's public contract.

Every table is tidy (one row per thing). The README's data dictionary documents each
column; ``tests/test_tables.py`` checks that README, this module and the export agree, so a
renamed column is a caught, deliberate breaking change.

>>> TABLES["quotes"][:5]
('article_id', 'quote_id', 'sentence_id', 'start', 'end')
"""
from __future__ import annotations

TABLES: dict[str, tuple[str, ...]] = {
    "files": ("path", "status", "reason", "articles", "format", "encoding", "note"),
    "articles": (
        "article_id", "path", "record", "headline", "outlet", "outlet_evidence", "byline",
        "published", "url", "words", "paragraphs", "sentences", "headline_start", "headline_end",
        "body_start", "body_end", "encoding", "meta",
    ),
    "sentences": (
        "article_id", "sentence_id", "paragraph_id", "start", "end", "text", "polarity",
        "subjectivity", "quoted",
    ),
    "mentions": ("article_id", "sentence_id", "start", "end", "text", "entity", "kind", "method"),
    "quotes": (
        "article_id", "quote_id", "sentence_id", "start", "end", "quote", "speaker", "speaker_kind",
        "speaker_role", "cue", "how", "speaker_start", "speaker_end", "words", "speaker_affiliation", "speaker_gender",
    ),
    "scare_quotes": ("article_id", "sentence_id", "start", "end", "text", "reason"),
    "sources": ("article_id", "sentence_id", "start", "end", "text", "source", "source_kind", "via", "cue",
                "speaker_affiliation", "speaker_gender"),
    "numbers": ("article_id", "sentence_id", "start", "end", "text", "value", "unit", "qualifier"),
    "boilerplate": ("article_id", "start", "end", "text", "kind"),
    # claim comparison (analysis/map/claims.py); links are computed over the whole corpus
    "claims": ("claim_id", "article_id", "sentence_id", "start", "end", "text", "words", "actors",
               "places", "numbers", "dates", "source", "source_how", "quoted", "hedged", "hedges", "events",
               "part"),
    "links": ("link_id", "kind", "article_a", "article_b", "claim_a", "claim_b", "start_a", "end_a",
              "start_b", "end_b", "text_a", "text_b", "score", "detail"),
    # facts: claims of several articles that state one thing, grouped over the links
    "facts": ("fact_id", "article_id", "claim_id", "start", "end", "text", "outlet", "stance",
              "n_articles", "n_outlets", "summary"),
    # framing and sentiment (analysis/map/framing.py)
    "frames": ("article_id", "frame", "family", "score", "sentence_id", "start", "end",
               "evidence", "questions", "cues"),
    "actor_sentiment": ("article_id", "entity", "kind", "voice", "sentences", "polar_sentences",
                        "polarity_mean", "polarity_sd", "subjectivity_mean", "sentence_ids",
                        # target-dependent tone (analysis/map/tone.py), one score per mention
                        "mentions_scored", "tone", "tone_low", "tone_high", "negative_share",
                        "positive_share", "tone_method"),
    "article_tone": ("article_id", "voice", "sentences", "polar_sentences", "polarity_mean",
                     "polarity_sd", "subjectivity_mean", "polar_polarity_mean"),
    "labels": ("article_id", "sentence_id", "entity", "label_type", "label", "connotation",
               "voice", "start", "end", "text"),
    "hedges": ("article_id", "sentence_id", "start", "end", "text", "cue", "kind", "voice"),
    # who is credited with what, direct or indirect (analysis/map/attributions.py)
    "attributions": ("article_id", "attribution_id", "kind", "content_start", "content_end", "content",
                     "source", "source_start", "source_end", "source_kind", "speaker_role", "cue",
                     "cue_start", "cue_end", "via", "sentence_id", "speaker_affiliation",
                     "speaker_gender", "source_text"),
    # stories and outlets (analysis/corpus/stories.py, analysis/corpus/outlets.py); computed over the whole corpus
    "stories": ("story_id", "article_id", "label", "first_published", "last_published", "n_articles",
                "n_outlets"),
    "outlets": ("outlet", "leaning", "articles", "words", "stories", "quotes", "attributions", "speakers",
                "named_share", "anonymous_share", "unattributed_share", "women_share", "men_share",
                "hedges_per_100", "certainty_per_100"),
    "outlet_profile": ("outlet", "leaning", "measure", "category", "value", "n"),
}

#: Tables computed over the whole corpus after every article is analysed.
CORPUS_TABLES = ("stories", "links", "facts", "outlets", "outlet_profile")

#: Tables with two sides, each pointing into an article's text: (article, start, end, text) columns.
PAIR_OFFSETS = {"links": (("article_a", "start_a", "end_a", "text_a"),
                          ("article_b", "start_b", "end_b", "text_b"))}

#: Tables with several spans in one article's text: (start, end, string) columns per span; a
#: span may be empty (start is None: no source or cue stated).
SPAN_OFFSETS = {"attributions": (("content_start", "content_end", "content"),
                                 ("source_start", "source_end", "source_text"),
                                 ("cue_start", "cue_end", "cue"))}

#: Tables whose rows point into an article's text, and the column holding the string.
OFFSET_TABLES: dict[str, str] = {
    "sentences": "text",
    "mentions": "text",
    "quotes": "quote",
    "scare_quotes": "text",
    "sources": "text",
    "numbers": "text",
    "boilerplate": "text",
    "claims": "text",
    "facts": "text",
    "frames": "evidence",
    "labels": "text",
    "hedges": "text",
}


class Tables:
    """The tables of one corpus as DataFrames (attribute per table), plus the article texts.

    ``texts[article_id]`` is the text every ``start``/``end`` offset indexes.
    """

    #: What :func:`analysis.store.load` did to get these tables (an ``UpdateResult``), or None.
    stored = None

    def __init__(self, dataframes: dict[str, pd.DataFrame], texts: dict[str, str], corpus: str):
        self.dataframes = dataframes
        self.texts = texts
        self.corpus = corpus
        for name, df in dataframes.items():
            setattr(self, name, df)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.dataframes[name]

    def __contains__(self, name: str) -> bool:
        return name in self.dataframes

    def __iter__(self):
        return iter(self.dataframes)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{k}={len(v)}" for k, v in self.dataframes.items())
        return f"Tables({self.corpus!r}: {sizes})"
