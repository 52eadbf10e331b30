"""The Word paper read back with python-docx, as a chair's Word and a screen reader see it:
a landscape page with 1.8 cm margins, Calibri 10 pt in en-GB, the title block's labels in
bold, a table per section whose first row is a bold header row marked "repeat as header
row", status cells (and only status cells) shaded by their status, no stray text in the
table's XML for Word to reject, the empty section's words with Word's own line break made
a space, and the chart 22 cm wide titled and described in the plan's own words.
Written against mutants mutmut left alive in commands/report_docx.py (issue 11, run G)."""

from __future__ import annotations

import io
from collections import Counter
from datetime import date

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from lxml import etree

from commands.paper import Column, Paper, Section, rag_section
from commands.report import ThemeRag
from commands.report_docx import paper_docx
from commands.words import Words

WORDS = Words("partnership", "priority")
RAG = (ThemeRag(1, "Neglect – early help", Counter({"off-track": 1, "on-track": 2})),
       ThemeRag(2, "Harm outside the home", Counter({"at-risk": 3, "complete": 1})))
EXCEPTIONS = Section(
    "Exceptions", "Exceptions", ("Actions “off track” or at\u00a0risk.",),
    (Column("Ref", 8), Column("Status", 12, status=True), Column("Latest commentary", 60)),
    (("2.1", "off track", "on track"),  # a status word outside the status column
     ("4.1", "at risk", "Advisory group\x0bpaused"),
     ("5.4", "withdrawn", None),  # not a status: no colour
     ("1.1c", "not started", date(2026, 9, 30))))
CHALLENGES = Section("Challenges", "Challenges", (), (Column("Challenge"),), (),
                     empty="No challenges were raised\x0bthis quarter.", level=2)
PAPER = Paper("Delivery report: Q3 2025/26",
              (("Quarter", "Q3 2025/26"), ("As at", date(2025, 12, 31))),
              RAG, (rag_section(RAG, words=WORDS), EXCEPTIONS, CHALLENGES), WORDS)


def read(paper: Paper) -> DocumentObject:
    return Document(io.BytesIO(paper_docx(paper)))


def fills(table: Table) -> list[list[str | None]]:
    """Each body cell's shading fill, None where the cell has no shading at all."""
    shown = []
    for row in table.rows[1:]:
        cells = []
        for cell in row.cells:
            shading = cell._tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
            cells.append(None if shading is None else shading.get(qn("w:fill")))
        shown.append(cells)
    return shown


def test_the_page_and_the_normal_style_are_set_for_a_landscape_paper_in_en_gb() -> None:
    document = read(PAPER)
    page = document.sections[0]
    assert page.orientation == WD_ORIENT.LANDSCAPE
    assert (page.page_width, page.page_height) == (Cm(27.94), Cm(21.59))  # US Letter, turned
    assert [round(getattr(page, side).cm, 2) for side in
            ("left_margin", "right_margin", "top_margin", "bottom_margin")] == [1.8] * 4
    assert (document.core_properties.title, document.core_properties.language) == (
        "Delivery report: Q3 2025/26", "en-GB")
    normal = document.styles["Normal"]
    assert (normal.font.name, normal.font.size) == ("Calibri", Pt(10))
    language = normal.element.rPr.find(qn("w:lang"))
    assert language.get(qn("w:val")) == "en-GB"


def test_the_paper_reads_in_order_with_the_facts_labels_in_bold() -> None:
    document = read(PAPER)
    assert [(p.style.name, p.text) for p in document.paragraphs] == [
        ("Title", "Delivery report: Q3 2025/26"),
        ("Normal", "Quarter: Q3 2025/26"),
        ("Normal", "As at: 31 Dec 2025"),
        ("Heading 1", "RAG by priority"),
        ("Normal", ""),  # the chart's paragraph
        ("Heading 1", "Exceptions"),
        ("Normal", "Actions “off track” or at\u00a0risk."),
        ("Heading 2", "Challenges"),
        ("Normal", "No challenges were raised this quarter."),
    ]
    facts = document.paragraphs[1:3]
    assert [[(r.text, r.bold) for r in p.runs] for p in facts] == [
        [("Quarter: ", True), ("Q3 2025/26", None)],
        [("As at: ", True), ("31 Dec 2025", None)]]


def test_each_table_has_a_bold_repeated_header_row_and_the_cells_as_written() -> None:
    document = read(PAPER)
    rag, exceptions = document.tables
    for table in (rag, exceptions):
        assert table.style.name == "Table Grid"
        markers = table.rows[0]._tr.trPr.findall(qn("w:tblHeader"))
        assert [m.get(qn("w:val")) for m in markers] == ["true"]
        header = [[(r.text, r.bold) for r in c.paragraphs[0].runs if r.text]
                  for c in table.rows[0].cells]
        assert header == [[(c.text, True)] for c in table.rows[0].cells]
    assert [[c.text for c in r.cells] for r in rag.rows] == [
        ["Priority", "Off track", "At risk", "On track", "Complete", "Not started", "Total"],
        ["1. Neglect – early help", "1", "0", "2", "0", "0", "3"],
        ["2. Harm outside the home", "0", "3", "0", "1", "0", "4"],
        ["All priorities", "1", "3", "2", "1", "0", "7"]]
    assert [[c.text for c in r.cells] for r in exceptions.rows] == [
        ["Ref", "Status", "Latest commentary"],
        ["2.1", "off track", "on track"],
        ["4.1", "at risk", "Advisory group paused"],
        ["5.4", "withdrawn", ""],
        ["1.1c", "not started", "30 Sep 2026"]]


def test_only_status_cells_holding_a_status_are_shaded_by_it() -> None:
    document = read(PAPER)
    rag, exceptions = document.tables
    assert fills(exceptions) == [[None, "FFC7CE", None],
                                 [None, "FFEB9C", None],
                                 [None, None, None],
                                 [None, "EDEDED", None]]
    assert fills(rag) == [[None] * 7] * 3  # counts, not status words
    shading = exceptions.rows[1].cells[1]._tc.tcPr.find(qn("w:shd"))
    assert shading.get(qn("w:val")) == "clear"


def test_no_text_stands_outside_a_text_run_in_the_tables() -> None:
    """Text loose in a row or cell is not WordprocessingML: Word calls the file corrupt."""
    document = read(PAPER)
    for table in document.tables:
        for element in etree.fromstring(etree.tostring(table._tbl)).iter():
            if element.tag != qn("w:t"):
                assert not (element.text or "").strip(), (element.tag, element.text)
            assert not (element.tail or "").strip(), (element.tag, element.tail)
        for row in table.rows[1:]:
            for cell in row.cells:
                assert [child.tag for child in cell._tc] in (
                    [qn("w:p")], [qn("w:tcPr"), qn("w:p")])
                runs = cell.paragraphs[0].runs
                assert [[child.tag for child in run._r] for run in runs] == [[qn("w:t")]]


def test_the_chart_is_22_cm_wide_titled_and_described_in_the_plans_words() -> None:
    document = read(PAPER)
    (picture,) = document.inline_shapes
    assert picture.width == Cm(22)
    properties = picture._inline.docPr
    assert (properties.get("title"), properties.get("descr")) == (
        "RAG by priority",
        "Stacked bar chart of actions by RAG status for each priority. "
        "1. Neglect – early help: 1 off track, 0 at risk, 2 on track, 0 complete, "
        "0 not started; 2. Harm outside the home: 0 off track, 3 at risk, 0 on track, "
        "1 complete, 0 not started.")
