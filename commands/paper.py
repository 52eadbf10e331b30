"""A board paper as plain values: a title block, then sections of text and tables.

The quarterly and the yearly report each become a `Paper` once (`commands.report_paper`,
`commands.year_paper`); the workbook, the document and the Markdown are renderers of the
paper, so the three files always say the same thing. Cells are values, not text: counts
are ints and dates are dates, for each renderer to show in its own way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from commands.report import RAG, RAG_WORDS, ThemeRag
from commands.text import day
from commands.words import OURS, Words

Cell = str | int | date | None

#: Fill colours for statuses (Excel's own "good, neutral, bad" shades, plus blue and grey).
RAG_FILLS = {"off-track": "FFC7CE", "at-risk": "FFEB9C", "on-track": "C6EFCE",
             "complete": "BDD7EE", "not-started": "EDEDED"}
#: The same statuses as chart colours, strong enough to tell apart in print.
RAG_COLOURS = {"off-track": "C00000", "at-risk": "ED7D31", "on-track": "70AD47",
               "complete": "4472C4", "not-started": "A5A5A5"}
STATUS_OF_WORDS = {words: status for status, words in RAG_WORDS.items()}


@dataclass(frozen=True)
class Column:
    title: str
    width: int = 14
    status: bool = False  # the column holds status words: fill each cell with its colour


@dataclass(frozen=True)
class Section:
    title: str
    sheet: str
    intro: tuple[str, ...] = ()
    columns: tuple[Column, ...] = ()
    rows: tuple[tuple[Cell, ...], ...] = ()
    empty: str = "None."
    chart: bool = False
    level: int = 1


@dataclass(frozen=True)
class Paper:
    title: str
    facts: tuple[tuple[str, Cell], ...]
    rag: tuple[ThemeRag, ...]
    sections: tuple[Section, ...]
    words: Words = OURS

    @property
    def as_at(self) -> date | None:
        return next((v for k, v in self.facts if k == "As at" and isinstance(v, date)), None)


def cell_text(value: Cell) -> str:
    """A cell as a reader sees it: dates the UK way, nothing as blank."""
    if value is None:
        return ""
    if isinstance(value, date):
        return day(value)
    return str(value)


def rag_section(rag: Sequence[ThemeRag], intro: tuple[str, ...] = (),
                words: Words = OURS) -> Section:
    """RAG counts by theme, as numbers, with a total per theme and for the plan."""
    columns = (Column(words.said("Theme"), 40),
               *(Column(RAG_WORDS[s].capitalize(), 11) for s, _ in RAG), Column("Total", 9))
    rows: list[tuple[Cell, ...]] = [
        (f"{t.number}. {t.title}", *(t.counts.get(s, 0) for s, _ in RAG),
         sum(t.counts.values())) for t in rag]
    rows.append((words.said("All themes"), *(sum(t.counts.get(s, 0) for t in rag) for s, _ in RAG),
                 sum(sum(t.counts.values()) for t in rag)))
    return Section(words.said("RAG by theme"), "RAG", intro, columns, tuple(rows), chart=True)


def chart_summary(rag: Sequence[ThemeRag], words: Words = OURS) -> str:
    """The chart in words: its alt text, for a reader who cannot see it."""
    parts = [f"{t.number}. {t.title}: " + ", ".join(
        f"{t.counts.get(s, 0)} {RAG_WORDS[s]}" for s, _ in RAG) for t in rag]
    return (words.said("Stacked bar chart of actions by RAG status for each theme. ")
            + "; ".join(parts)
            + ".")
