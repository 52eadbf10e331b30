"""A paper as a workbook: a title block on every sheet, one sheet per section.

Header rows are frozen, columns sized and text wrapped; statuses are filled in their RAG
colours; counts are numbers and dates are dates; the RAG sheet carries a native Excel
chart of RAG by theme. Every text cell goes through `safe_cell`, so nothing typed into
the bot can become a formula.
"""

from __future__ import annotations

import io
import re
from copy import copy
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from commands.paper import RAG_COLOURS, RAG_FILLS, STATUS_OF_WORDS, Cell, Paper, Section
from commands.report import RAG
from storage.cells import safe_cell

DATE_FORMAT = "d mmm yyyy"
TITLE = Font(bold=True, size=14)
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
FILLS = {status: PatternFill("solid", fgColor=colour) for status, colour in RAG_FILLS.items()}
_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def paper_xlsx(paper: Paper) -> bytes:
    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for section in paper.sections:
        sheet = book.create_sheet(_sheet_name(section.sheet, used))
        header_row = _title_block(sheet, paper, section)
        _table(sheet, section, header_row)
        if section.chart and section.rows:
            _chart(sheet, section, header_row)
    book.properties.title = paper.title
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_name(name: str, used: set[str]) -> str:
    base = _SHEET_NAME.sub("-", name)[:31] or "Sheet"
    candidate, n = base, 2
    while candidate.lower() in used:
        candidate = f"{base[:28]} {n}"
        n += 1
    used.add(candidate.lower())
    return candidate


def _title_block(sheet: Worksheet, paper: Paper, section: Section) -> int:
    """Title, facts, the section's heading and intro; returns the table's header row."""
    sheet.cell(1, 1, _value(paper.title)).font = TITLE
    row = 2
    for label, value in paper.facts:
        sheet.cell(row, 1, label).font = BOLD
        cell = sheet.cell(row, 2, _value(value))
        if isinstance(value, date):
            cell.number_format, cell.alignment = DATE_FORMAT, Alignment(horizontal="left")
        row += 1
    sheet.cell(row + 1, 1, _value(section.title)).font = Font(bold=True, size=12)
    row += 2
    for text in section.intro:
        sheet.cell(row, 1, _value(text))
        row += 1
    return row + 1


def _table(sheet: Worksheet, section: Section, header_row: int) -> None:
    if not section.columns:
        return
    for index, column in enumerate(section.columns, start=1):
        cell = sheet.cell(header_row, index, column.title)
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, WRAP
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = f"A{header_row + 1}"
    if not section.rows:
        sheet.cell(header_row + 1, 1, safe_cell(section.empty))
        return
    status_columns = {i for i, c in enumerate(section.columns) if c.status}
    styles = _Styles()
    for number, values in enumerate(section.rows, start=header_row + 1):
        for index, value in enumerate(values):
            cell = sheet.cell(number, index + 1, _value(value))
            if isinstance(value, date):
                styles.apply(cell, "date")
            elif index in status_columns and str(value) in STATUS_OF_WORDS:
                styles.apply(cell, STATUS_OF_WORDS[str(value)])
            elif isinstance(value, str):
                styles.apply(cell, "wrap")
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(section.columns))}" \
                            f"{sheet.max_row}"


class _Styles:
    """Each kind of body cell styled once through openpyxl's API, then its style copied:
    setting fonts and fills cell by cell hashes them every time, a second per 30,000."""

    def __init__(self) -> None:
        self._made: dict[str, StyleArray] = {}

    def apply(self, cell: Any, kind: str) -> None:
        made = self._made.get(kind)
        if made is not None:
            cell._style = copy(made)
            return
        if kind == "date":
            cell.number_format = DATE_FORMAT
        else:
            cell.alignment = WRAP
            if kind in FILLS:
                cell.fill = FILLS[kind]
        self._made[kind] = copy(cell._style)


def _value(value: Cell) -> Cell:
    """Text made formula-safe, without the control characters a workbook cannot hold
    (Word's line break, pasted into a note, is one); numbers and dates as they are."""
    if isinstance(value, str):
        return safe_cell(ILLEGAL_CHARACTERS_RE.sub(" ", value))
    return value


def _chart(sheet: Worksheet, section: Section, header_row: int) -> None:
    """A stacked bar of the RAG counts by theme (the table's rows, less its total)."""
    themes = len(section.rows) - 1
    for index, (status, _) in enumerate(RAG, start=2):
        sheet.cell(header_row, index).fill = FILLS[status]
    chart = BarChart()
    chart.type, chart.grouping, chart.overlap = "bar", "stacked", 100
    chart.title = section.title
    chart.y_axis.title = "actions"
    data = Reference(sheet, min_col=2, max_col=1 + len(RAG), min_row=header_row,
                     max_row=header_row + themes)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=header_row + 1,
                                   max_row=header_row + themes))
    for series, (status, _) in zip(chart.series, RAG, strict=True):
        series.graphicalProperties.solidFill = RAG_COLOURS[status]
    chart.x_axis.scaling.orientation = "maxMin"  # theme 1 at the top, as in the table
    chart.width, chart.height = 22, max(7.5, 1.2 + 0.7 * themes)
    sheet.add_chart(chart, f"{get_column_letter(len(section.columns) + 2)}{header_row}")
