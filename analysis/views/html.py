"""Article text as HTML, always escaped, with spans highlighted.

>>> highlight("<b>Hi</b> there", [(0, 9, "quote", "a tag")])
'<div class="analysis-text"><mark class="quote" title="a tag">&lt;b&gt;Hi&lt;/b&gt;</mark> there</div>'
"""
from __future__ import annotations

from html import escape

STYLE = """<style>
.analysis-text {white-space: pre-wrap; font-family: Georgia, serif; line-height: 1.5; max-width: 52em;}
.analysis-text mark.quote {background: #cfe5f5;}
.analysis-text mark.speaker {background: #f7dcb4;}
.analysis-text mark.source {background: #d4eed9;}
.analysis-text mark.number {background: #f3d1e5;}
.analysis-text mark.scare {background: #eeeeee; text-decoration: underline dotted;}
</style>"""


def highlight(text: str, spans, *, limit: tuple[int, int] | None = None) -> str:
    """HTML of ``text`` with ``spans`` = [(start, end, css_class, tooltip), ...] marked.

    Every piece of article text and every tooltip is escaped; overlapping spans are
    dropped after the first (earliest start, longest first).
    """
    lo, hi = limit or (0, len(text))
    out, pos = [], lo
    for start, end, cls, tip in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < pos or end > hi or start >= end:
            continue
        out.append(escape(text[pos:start]))
        out.append(f'<mark class="{escape(cls)}" title="{escape(tip)}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:hi]))
    return f'<div class="analysis-text">{"".join(out)}</div>'


def _s(value) -> str:
    """A table cell as text: "" for None / NaN (tables read back from a file hold NaN)."""
    return value if isinstance(value, str) else ("" if value is None or value != value else str(value))


def article_html(tables, article_id: str | None) -> str:
    """One article's body with its quotes, speakers, sources and numbers highlighted.

    An unknown or empty ``article_id`` (a corpus with no article) gives a short note instead.

    >>> class T: pass
    >>> t = T(); t.texts = {}
    >>> article_html(t, None)
    '<p><em>No article to show.</em></p>'
    """
    if not article_id or article_id not in tables.texts:
        return "<p><em>No article to show.</em></p>"
    text = tables.texts[article_id]
    a = tables.articles.set_index("article_id").loc[article_id]
    spans = []
    q = tables.quotes[tables.quotes.article_id == article_id]
    for r in q.itertuples():
        role = _s(r.speaker_role)
        who = f"{_s(r.speaker) or 'unattributed'} ({_s(r.speaker_kind)}{', ' + role if role else ''})"
        spans.append((int(r.start), int(r.end), "quote", f"quote by {who}"))
        if r.speaker_start == r.speaker_start and r.speaker_start is not None:  # not NaN
            spans.append((int(r.speaker_start), int(r.speaker_end), "speaker", f"speaker: {who}"))
    for r in tables.sources[tables.sources.article_id == article_id].itertuples():
        spans.append((int(r.start), int(r.end), "source", f"source: {_s(r.source)} ({_s(r.source_kind)})"))
    for r in tables.numbers[tables.numbers.article_id == article_id].itertuples():
        spans.append((int(r.start), int(r.end), "number", f"{r.value:g} {_s(r.unit)} {_s(r.qualifier)}".strip()))
    for r in tables.scare_quotes[tables.scare_quotes.article_id == article_id].itertuples():
        spans.append((int(r.start), int(r.end), "scare", f"not speech: {_s(r.reason)}"))
    start = int(a.body_start) if _s(a.body_start) else 0
    end = int(a.body_end) if _s(a.body_end) else len(text)
    body = highlight(text, spans, limit=(start, end))
    title = escape(_s(a.headline) or str(article_id))
    return f"{STYLE}<h4>{title}</h4>{body}"
