"""The workbook as a reader opens it: the title block cell by cell and its fonts, the
table under it (header styles, frozen rows, filter, the empty message), body cells styled
by kind (dates, status fills only in status columns, wrapped text), sheet names made legal
and unique the way Excel compares them, the native chart (titles, colours, size, place)
and the file's own title. Papers are built by hand, unlike the Cumbria sample: text pasted
from Word, long names, repeated sheet names, empty sections.
Written against mutants mutmut left alive in commands/report_xlsx.py (issue 11, run G)."""

from __future__ import annotations

import io
from collections import Counter
from datetime import date, datetime
from typing import Any

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from commands.paper import Column, Paper, Section, rag_section
from commands.report import ThemeRag
from commands.report_xlsx import paper_xlsx

TITLE = "Business plan – “Year end” 2015/16"
FACTS = (("As at", date(2016, 3, 31)), ("Board", "Westmorland\u00a0and Furness LSCB"),
         ("Quarter", "Q4 2015/16"))
COLUMNS = (Column("Ref", 8), Column("Status", 12, status=True), Column("Note", 30),
           Column("Due", 12), Column("Count", 9))
ROWS = (("1.1", "at risk", "complete", date(2016, 1, 31), 3),
        ("1.2", "off track", "=SUM(A1:A9) – pasted", date(2016, 2, 29), 0),
        ("2.1", "at risk", "on track", None, 12))
EMU_PER_CM = 360000


def book(*sections: Section, rag: tuple[ThemeRag, ...] = ()) -> Workbook:
    return load_workbook(io.BytesIO(paper_xlsx(Paper(TITLE, FACTS, rag, sections))))


def grid(sheet: Any) -> list[tuple[Any, ...]]:
    return list(sheet.iter_rows(values_only=True))


def font(cell: Any) -> tuple[bool, float | None]:
    return bool(cell.font.b), cell.font.sz


def test_the_title_block_facts_heading_and_intro_stand_above_the_table() -> None:
    section = Section("Exceptions – “red” and amber", "Exceptions",
                      intro=("Actions off track or at risk.", "+2 since last quarter"),
                      columns=COLUMNS, rows=ROWS)
    sheet = book(section)["Exceptions"]
    header = 10
    assert grid(sheet)[:header] == [
        (TITLE, None, None, None, None),
        ("As at", datetime(2016, 3, 31), None, None, None),
        ("Board", "Westmorland\u00a0and Furness LSCB", None, None, None),
        ("Quarter", "Q4 2015/16", None, None, None),
        (None, None, None, None, None),
        ("Exceptions – “red” and amber", None, None, None, None),
        ("Actions off track or at risk.", None, None, None, None),
        ("'+2 since last quarter", None, None, None, None),
        (None, None, None, None, None),
        ("Ref", "Status", "Note", "Due", "Count"),
    ]
    assert [font(sheet.cell(r, 1)) for r in range(1, 9)] == [
        (True, 14), (True, None), (True, None), (True, None), (False, 11), (True, 12),
        (False, 11), (False, 11)]
    as_at = sheet["B2"]
    assert (as_at.number_format, as_at.alignment.horizontal) == ("d mmm yyyy", "left")
    assert (sheet["B3"].number_format, sheet["B3"].alignment.horizontal) == ("General", None)
    assert sheet.freeze_panes == f"A{header + 1}"
    heads = [(c.value, font(c), c.fill.fgColor.rgb, c.alignment.wrap_text) for c in sheet[header]]
    assert heads == [(t, (True, None), "00D9D9D9", True)
                     for t in ("Ref", "Status", "Note", "Due", "Count")]
    assert [sheet.column_dimensions[x].width for x in "ABCDE"] == [8, 12, 30, 12, 9]
    assert sheet.auto_filter.ref == "A10:E13"


def test_body_cells_are_styled_by_kind_and_status_fills_only_in_status_columns() -> None:
    sheet = book(Section("Exceptions", "Exceptions", columns=COLUMNS, rows=ROWS))["Exceptions"]

    def look(cell: Any) -> tuple[Any, ...]:
        fill = cell.fill.fgColor.rgb if cell.fill.fill_type else None
        return (cell.value, cell.number_format, fill, cell.alignment.wrap_text,
                cell.alignment.vertical)

    wrap = ("General", None, True, "top")
    body = [[look(c) for c in row] for row in sheet.iter_rows(min_row=9, max_row=11)]
    assert body == [
        [("1.1", *wrap), ("at risk", "General", "00FFEB9C", True, "top"),
         ("complete", *wrap), (datetime(2016, 1, 31), "d mmm yyyy", None, None, None),
         (3, "General", None, None, None)],
        [("1.2", *wrap), ("off track", "General", "00FFC7CE", True, "top"),
         ("'=SUM(A1:A9) – pasted", *wrap),
         (datetime(2016, 2, 29), "d mmm yyyy", None, None, None),
         (0, "General", None, None, None)],
        [("2.1", *wrap), ("at risk", "General", "00FFEB9C", True, "top"),
         ("on track", *wrap), (None, "General", None, None, None),
         (12, "General", None, None, None)],
    ]


def test_an_empty_table_says_so_under_its_header_made_safe() -> None:
    section = Section("Challenges", "Challenges", columns=COLUMNS[:3],
                      empty="-none raised – “quiet” quarter")
    sheet = book(section)["Challenges"]
    assert grid(sheet)[7:] == [("Ref", "Status", "Note"),
                               ("'-none raised – “quiet” quarter", None, None)]
    assert sheet.freeze_panes == "A9"


def test_sheet_names_are_legal_and_unique_however_excel_cases_them() -> None:
    long = "Actions with no date the bot can read at all"
    names = ("Q1/Q2 [draft]: *?\\", "", long, long, "Risks", "risks", "RISKS", "Sheet")
    workbook = book(*(Section(f"Section {n}", name) for n, name in enumerate(names)))
    assert workbook.sheetnames == [
        "Q1-Q2 -draft-- ---", "Sheet", long[:31], long[:28] + " 2", "Risks", "risks 2",
        "RISKS 3", "Sheet 2"]
    assert [s["A6"].value for s in workbook.worksheets] == [f"Section {n}" for n in range(8)]
    assert workbook.properties.title == TITLE


def rag_of(count: int) -> tuple[ThemeRag, ...]:
    return tuple(ThemeRag(n, f"Theme {n} – “pasted”", Counter({"on-track": n, "at-risk": 1}))
                 for n in range(1, count + 1))


def test_the_rag_sheet_has_a_chart_in_rag_colours_beside_the_table() -> None:
    rag = rag_of(12)
    sheet = book(rag_section(rag), rag=rag)["RAG"]
    header = 8
    assert grid(sheet)[header - 1] == (
        "Theme", "Off track", "At risk", "On track", "Complete", "Not started", "Total")
    assert [c.fill.fgColor.rgb for c in sheet[header]] == [
        "00D9D9D9", "00FFC7CE", "00FFEB9C", "00C6EFCE", "00BDD7EE", "00EDEDED", "00D9D9D9"]
    (chart,) = sheet._charts
    assert chart.title.tx.rich.p[0].r[0].t == "RAG by theme"
    assert chart.y_axis.title.tx.rich.p[0].r[0].t == "actions"
    assert [s.graphicalProperties.solidFill.srgbClr for s in chart.series] == [
        "C00000", "ED7D31", "70AD47", "4472C4", "A5A5A5"]
    place = chart.anchor._from
    assert (place.col, place.row) == (8, header - 1)  # I8: two columns right of the table
    size = chart.anchor.ext
    assert (size.cx, round(size.cy / EMU_PER_CM, 3)) == (22 * EMU_PER_CM, 9.6)


def test_a_chart_of_few_themes_keeps_its_least_height() -> None:
    rag = rag_of(2)
    (chart,) = book(rag_section(rag), rag=rag)["RAG"]._charts
    assert (chart.anchor.ext.cx, chart.anchor.ext.cy) == (22 * EMU_PER_CM, 7.5 * EMU_PER_CM)
