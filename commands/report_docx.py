"""A paper as a Word document the chair can take into the meeting, and a screen reader read.

Real heading styles (Title, Heading 1, Heading 2), tables whose first row is marked as a
header row (repeated on each page, announced as such), the chart as an image with alt text,
the document's title and language set. Not a spreadsheet: text is shown as written.
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell

from commands.paper import RAG_FILLS, STATUS_OF_WORDS, Paper, Section, cell_text, chart_summary
from commands.report_chart import rag_chart_png

LANGUAGE = "en-GB"


def paper_docx(paper: Paper) -> bytes:
    document = Document()
    _setup(document, paper)
    document.add_heading(paper.title, level=0)
    for label, value in paper.facts:
        line = document.add_paragraph()
        line.add_run(f"{label}: ").bold = True
        line.add_run(cell_text(value))
    for section in paper.sections:
        _section(document, paper, section)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _setup(document: DocumentObject, paper: Paper) -> None:
    page = document.sections[0]
    page.orientation = WD_ORIENT.LANDSCAPE
    page.page_width, page.page_height = page.page_height, page.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(page, side, Cm(1.8))
    document.core_properties.title = paper.title
    document.core_properties.language = LANGUAGE
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Calibri", Pt(10)
    properties = normal.element.get_or_add_rPr()
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), LANGUAGE)
    properties.append(language)


def _section(document: DocumentObject, paper: Paper, section: Section) -> None:
    document.add_heading(section.title, level=section.level)
    for text in section.intro:
        document.add_paragraph(text)
    if not section.rows:
        document.add_paragraph(section.empty)
        return
    _table(document, section)
    if section.chart and paper.rag:
        picture = document.add_paragraph().add_run().add_picture(
            io.BytesIO(rag_chart_png(paper.rag)), width=Cm(22))
        properties = picture._inline.docPr
        properties.set("title", "RAG by theme")
        properties.set("descr", chart_summary(paper.rag))


def _table(document: DocumentObject, section: Section) -> Table:
    table = document.add_table(rows=1, cols=len(section.columns))
    table.style = "Table Grid"
    header = table.rows[0]
    _mark_header(header._tr)
    for cell, column in zip(header.cells, section.columns, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(column.title).bold = True
    status_columns = {i for i, c in enumerate(section.columns) if c.status}
    for values in section.rows:
        cells = table.add_row().cells
        for index, (cell, value) in enumerate(zip(cells, values, strict=True)):
            cell.text = cell_text(value)
            if index in status_columns:
                _shade(cell, RAG_FILLS.get(STATUS_OF_WORDS.get(str(value), ""), ""))
    return table


def _mark_header(row: object) -> None:
    """Word's "repeat as header row": the row a screen reader announces as the header."""
    properties = row.get_or_add_trPr()  # type: ignore[attr-defined]
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def _shade(cell: _Cell, colour: str) -> None:
    if not colour:
        return
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)
