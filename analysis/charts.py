"""Charts: one style, one colour per article across every figure, labels not IDs.

Every function takes tables (DataFrames) and returns a matplotlib Figure; nothing is shown
or saved here (see :func:`save`).

>>> import pandas as pd
>>> fig = stacked_bars(pd.DataFrame({"named": [2, 1], "anonymous": [0, 3]}, index=["A", "B"]),
...                    title="Quotes per article")
>>> fig.axes[0].get_title()
'Quotes per article'
"""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("agg", force=False)
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

#: Colour-blind-safe qualitative palette (Okabe & Ito), in order of use.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
#: Fixed colours for categories that recur across charts.
KIND_COLOURS = {
    "named": "#0072B2", "anonymous": "#E69F00", "unattributed": "#BBBBBB",
    "media": "#CC79A7", "organisation": "#009E73", "government": "#0072B2",
    "person": "#56B4E9", "anonymous_source": "#E69F00",
}
STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "legend.frameon": False,
    "svg.hashsalt": "analysis",  # deterministic SVG ids
}


def use_style() -> None:
    """Apply the project's matplotlib style (called by every chart function)."""
    plt.rcParams.update(STYLE)


def article_colours(article_ids) -> dict[str, str]:
    """A stable colour per article: sorted ids take palette colours in order."""
    ids = sorted(set(article_ids))
    return {aid: PALETTE[i % len(PALETTE)] for i, aid in enumerate(ids)}


def stacked_bars(counts: pd.DataFrame, *, title: str, xlabel: str = "", colours: dict | None = None,
                 note: str = "") -> plt.Figure:
    """Horizontal stacked bars: one bar per row of ``counts`` (index = labels), one segment per column."""
    use_style()
    n = max(len(counts), 1)
    fig, ax = plt.subplots(figsize=(8, 0.55 * n + 1.6))
    left = pd.Series(0.0, index=counts.index)
    for i, col in enumerate(counts.columns):
        colour = (colours or KIND_COLOURS).get(col, PALETTE[i % len(PALETTE)])
        ax.barh(list(counts.index), counts[col].values, left=left.values, color=colour, label=str(col))
        left += counts[col].values
    ax.invert_yaxis()
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    if len(counts.columns) > 1:
        ax.legend(loc="lower right", ncols=min(len(counts.columns), 4), fontsize=9)
    if note:
        fig.text(0.01, -0.02, note, fontsize=8, color="#555555", ha="left", va="top")
    fig.tight_layout()
    return fig


def source_profile(tables, *, by: str = "speaker_kind") -> plt.Figure:
    """Quotes per article split by speaker kind (named / anonymous / unattributed) or role."""
    from . import profile

    counts = profile.kind_counts(tables, by=by)
    counts.index = counts.index.map(profile.labels(tables))
    what = "speaker kind" if by == "speaker_kind" else "speaker role"
    return stacked_bars(counts, title=f"Direct quotes per article, by {what}", xlabel="quotes")


def save(fig: plt.Figure, name: str, *, folder: Path | None = None) -> list[Path]:
    """Save ``fig`` as PNG and SVG into ``folder`` (default reports/figures/); returns the paths."""
    from .config import FIGURES_DIR

    folder = Path(folder or FIGURES_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{name}.png", folder / f"{name}.svg"]
    fig.savefig(paths[0], metadata={"Software": None})
    fig.savefig(paths[1], metadata={"Date": None, "Creator": None})
    return paths


def source_kinds(tables) -> plt.Figure:
    """Cited sources per article, by kind (media, organisation, government, person, anonymous)."""
    from . import profile

    counts = profile.source_kind_counts(tables)
    counts.index = counts.index.map(profile.labels(tables))
    colours = dict(KIND_COLOURS, anonymous=KIND_COLOURS["anonymous_source"])
    return stacked_bars(counts, title="Cited sources per article, by kind", xlabel="citations",
                        colours=colours)
