"""The RAG-by-theme chart as a PNG, for the document (the workbook draws its own).

matplotlib's object API with the Agg canvas: no pyplot, so no global figure state and no
display needed, and safe to call from any thread.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from commands.paper import RAG_COLOURS
from commands.report import RAG, RAG_WORDS, ThemeRag

#: Past this many themes the bars are too thin to read; the table carries them all.
MAX_BARS = 30


def rag_chart_png(rag: Sequence[ThemeRag], title: str = "Actions by RAG status and theme"
                  ) -> bytes:
    """A horizontal stacked bar per theme, statuses in RAG order, with a legend."""
    themes = list(rag)[:MAX_BARS]
    figure = Figure(figsize=(9, 1.6 + 0.45 * max(1, len(themes))), dpi=120,
                    layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    labels = [textwrap.shorten(f"{t.number}. {t.title}", 48, placeholder="…") for t in themes]
    left = [0] * len(themes)
    for status, _ in RAG:
        counts = [t.counts.get(status, 0) for t in themes]
        axes.barh(labels, counts, left=left, color=f"#{RAG_COLOURS[status]}",
                  label=RAG_WORDS[status], edgecolor="white", linewidth=0.5)
        left = [a + b for a, b in zip(left, counts, strict=True)]
    axes.invert_yaxis()
    axes.set_xlabel("actions")
    axes.set_title(title, loc="left", fontsize=11)
    axes.spines[["top", "right"]].set_visible(False)
    figure.legend(ncols=5, loc="outside lower center", frameon=False, fontsize=8)
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()
