"""The RAG chart in the document: one bar per theme (at most 30), the statuses stacked in
RAG order in their own colours with thin white edges, labels cut at 48 characters with an
ellipsis, the title at the left, the legend one row below the plot, no frame, and a PNG
9 inches wide at 120 dpi whose height grows with the themes, whatever matplotlibrc says.

The picture is read back twice: the PNG itself (its format and pixel size), and the
figure it was drawn from (its bars, texts and legend as a reader sees them), caught by
recording the `Figure` the module makes.
Written against mutants mutmut left alive in commands/report_chart.py (issue 11, run G)."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator
from typing import Any

import matplotlib
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from PIL import Image

from commands import report_chart
from commands.report import ThemeRag
from commands.report_chart import rag_chart_png

# Pasted from Word: a non-breaking space, an en dash and curly quotes.
LONG = "Early help – “Think Family”\u00a0and the multi-agency front door for referrals"
# "12. " and this make exactly 49 characters: one more than a label may hold.
FORTY_NINE = "Neglect strategy and the graded care profiles"
THEMES = (
    ThemeRag(3, "Voice of the child", Counter({"complete": 2, "off-track": 1})),
    ThemeRag(7, LONG, Counter({"at-risk": 4, "not-started": 2, "on-track": 1})),
    ThemeRag(12, FORTY_NINE, Counter()),
)


@pytest.fixture
def figures(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Figure]]:
    """Every figure the module draws, kept after it has been saved."""
    made: list[Figure] = []

    class Recorded(Figure):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(report_chart, "Figure", Recorded)
    yield made


def drawn(rag: tuple[ThemeRag, ...], figures: list[Figure]) -> tuple[bytes, Figure]:
    png = rag_chart_png(rag)
    assert len(figures) == 1
    return png, figures[0]


def test_each_theme_is_a_bar_of_its_statuses_stacked_in_rag_order(
        figures: list[Figure]) -> None:
    _, figure = drawn(THEMES, figures)
    axes = figure.axes[0]
    assert len(FORTY_NINE) + len("12. ") == 49
    assert [t.get_text() for t in axes.get_yticklabels()] == [
        "3. Voice of the child",
        "7. Early help – “Think Family” and the multi-…",
        "12. Neglect strategy and the graded care…"]
    bars = [(c.get_label(), [(int(p.get_x()), int(p.get_width()), to_hex(p.get_facecolor()),
                              to_hex(p.get_edgecolor()), p.get_linewidth())
                             for p in c.patches])
            for c in axes.containers]
    white = "#ffffff"
    assert bars == [
        ("off track", [(0, 1, "#c00000", white, 0.5), (0, 0, "#c00000", white, 0.5),
                       (0, 0, "#c00000", white, 0.5)]),
        ("at risk", [(1, 0, "#ed7d31", white, 0.5), (0, 4, "#ed7d31", white, 0.5),
                     (0, 0, "#ed7d31", white, 0.5)]),
        ("on track", [(1, 0, "#70ad47", white, 0.5), (4, 1, "#70ad47", white, 0.5),
                      (0, 0, "#70ad47", white, 0.5)]),
        ("complete", [(1, 2, "#4472c4", white, 0.5), (5, 0, "#4472c4", white, 0.5),
                      (0, 0, "#4472c4", white, 0.5)]),
        ("not started", [(3, 0, "#a5a5a5", white, 0.5), (5, 2, "#a5a5a5", white, 0.5),
                         (0, 0, "#a5a5a5", white, 0.5)]),
    ]


def test_the_title_sits_at_the_left_over_an_axis_of_actions_with_two_spines(
        figures: list[Figure]) -> None:
    _, figure = drawn(THEMES, figures)
    axes = figure.axes[0]
    titles = {loc: (axes.get_title(loc), t.get_fontsize())
              for loc, t in (("left", axes._left_title), ("center", axes.title),
                             ("right", axes._right_title))}
    assert titles == {"left": ("Actions by RAG status and theme", 11.0),
                      "center": ("", 12.0), "right": ("", 12.0)}
    assert axes.get_xlabel() == "actions"
    assert {side: spine.get_visible() for side, spine in axes.spines.items()} == {
        "left": True, "right": False, "bottom": True, "top": False}


def test_the_legend_is_one_unframed_row_centred_below_the_plot(
        figures: list[Figure]) -> None:
    _, figure = drawn(THEMES, figures)
    axes = figure.axes[0]
    (legend,) = figure.legends
    texts = legend.get_texts()
    assert [(t.get_text(), t.get_fontsize()) for t in texts] == [
        ("off track", 8.0), ("at risk", 8.0), ("on track", 8.0), ("complete", 8.0),
        ("not started", 8.0)]
    assert legend.get_frame_on() is False
    figure.draw_without_rendering()
    rows = {round(t.get_window_extent().y0) for t in texts}
    assert len(rows) == 1  # all five side by side
    box = legend.get_window_extent()
    plot = axes.get_tightbbox()  # the bars, the theme names and the "actions" label
    width, height = figure.bbox.width, figure.bbox.height
    assert box.y0 >= 0 and box.y1 <= plot.y0  # below everything else, not over it
    assert abs((box.x0 + box.x1) / 2 - width / 2) < 2
    assert plot.x0 >= 0 and plot.x1 <= width and plot.y1 <= height  # nothing cut off


@pytest.mark.parametrize(("count", "bars", "height"), [
    (0, 0, 246), (1, 1, 246), (3, 3, 354), (31, 30, 1812)])
def test_the_png_is_1080_pixels_wide_and_grows_with_the_themes(
        figures: list[Figure], count: int, bars: int, height: int) -> None:
    rag = tuple(ThemeRag(n, f"Theme {n}", Counter({"on-track": n})) for n in range(1, count + 1))
    png, figure = drawn(rag, figures)
    with Image.open(io.BytesIO(png)) as image:
        assert (image.format, image.size) == ("PNG", (1080, height))
    assert [len(c.patches) for c in figure.axes[0].containers] == [bars] * 5


def test_a_png_whatever_the_machine_saves_by_default() -> None:
    with matplotlib.rc_context({"savefig.format": "svg"}):
        png = rag_chart_png(THEMES)
    with Image.open(io.BytesIO(png)) as image:
        assert (image.format, image.size) == ("PNG", (1080, 354))
