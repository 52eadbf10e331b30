"""A paper as a Word document the chair can take into the meeting, and a screen reader read.

Real heading styles (Title, Heading 1, Heading 2), tables whose first row is marked as a
header row (repeated on each page, announced as such), the chart as an image with alt text,
the document's title and language set. Not a spreadsheet: text is shown as written.
"""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from docx.table import Table

from commands.paper import (
    RAG_FILLS,
    STATUS_OF_WORDS,
    Cell,
    Paper,
    Section,
    cell_text,
    chart_summary,
)
from commands.report_chart import rag_chart_png

LANGUAGE = "en-GB"
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def paper_docx(paper: Paper) -> bytes:
    document = Document()
    _setup(document, paper)
    document.add_heading(plain(paper.title), level=0)
    for label, value in paper.facts:
        line = document.add_paragraph()
        line.add_run(f"{label}: ").bold = True
        line.add_run(plain(cell_text(value)))
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
    document.add_heading(plain(section.title), level=section.level)
    for text in section.intro:
        document.add_paragraph(plain(text))
    if not section.rows:
        document.add_paragraph(plain(section.empty))
        return
    _table(document, section)
    if section.chart and paper.rag:
        picture = document.add_paragraph().add_run().add_picture(
            io.BytesIO(rag_chart_png(paper.rag)), width=Cm(22))
        properties = picture._inline.docPr
        properties.set("title", section.title)
        properties.set("descr", chart_summary(paper.rag, paper.words))


def _table(document: DocumentObject, section: Section) -> Table:
    table: Table = document.add_table(rows=1, cols=len(section.columns))
    table.style = "Table Grid"
    header = table.rows[0]
    _mark_header(header._tr)
    for cell, column in zip(header.cells, section.columns, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(column.title).bold = True
    status_columns = {i for i, c in enumerate(section.columns) if c.status}
    body = "".join(_row_xml(values, status_columns) for values in section.rows)
    for row in parse_xml(f"<w:tbl {nsdecls('w')}>{body}</w:tbl>"):
        table._tbl.append(row)
    return table


def _row_xml(values: tuple[Cell, ...], status_columns: set[int]) -> str:
    """One body row as WordprocessingML: python-docx's cell API costs a millisecond a cell,
    and a 10,000-action plan's report has tens of thousands."""
    cells = []
    for index, value in enumerate(values):
        fill = RAG_FILLS.get(STATUS_OF_WORDS.get(str(value), ""), "") \
            if index in status_columns else ""
        shading = f'<w:tcPr><w:shd w:val="clear" w:fill="{fill}"/></w:tcPr>' if fill else ""
        text = xml_text(cell_text(value))
        cells.append(f'<w:tc>{shading}<w:p><w:r><w:t xml:space="preserve">{text}</w:t>'
                     "</w:r></w:p></w:tc>")
    return f"<w:tr>{''.join(cells)}</w:tr>"


def xml_text(text: str) -> str:
    """Text for an XML element: escaped, and without the control characters XML forbids
    (Word's own line and page breaks, pasted in, are \\x0b and \\x0c)."""
    return escape(plain(text))


def plain(text: str) -> str:
    return _ILLEGAL.sub(" ", text)


def _mark_header(row: object) -> None:
    """Word's "repeat as header row": the row a screen reader announces as the header."""
    properties = row.get_or_add_trPr()  # type: ignore[attr-defined]
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)
