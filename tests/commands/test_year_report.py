"""The yearly report: progress per priority, little or no progress, reviews, sign-off."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from types import SimpleNamespace

import pytest
from docx import Document
from openpyxl import load_workbook

from commands import Caller, CommandError, Context
from commands.report_docx import paper_docx
from commands.report_files import paper_markdown
from commands.report_xlsx import paper_xlsx
from commands.year_paper import year_paper
from commands.year_report import (
    COMPLETED,
    DEFAULT_SIGNATORIES,
    LITTLE,
    ON_TRACK,
    YearReport,
    build_year_report,
    read_year,
    signatories,
)
from storage.database import Database
from storage.repository import PlanRepository
from tests.commands.conftest import Ask

APRIL = date(2014, 4, 1)
JUNE = datetime(2014, 6, 10, 11, tzinfo=UTC)
NOVEMBER = datetime(2014, 11, 10, 11, tzinfo=UTC)
AFTER = datetime(2015, 5, 1, 11, tzinfo=UTC)


@pytest.fixture
def year(sample_database: Database, ask: Ask) -> YearReport:
    ask("done 1.4 membership reviewed", now=JUNE)
    ask("update 2.3 on-track returns coming in", now=NOVEMBER)
    ask("update 7.1 off-track chapter not agreed", now=NOVEMBER)
    ask("challenge 5.1 Is the framework working?", now=NOVEMBER)
    ask("answer 1 Reviewed in January", now=datetime(2015, 1, 20, 11, tzinfo=UTC))
    ask("done 1.1 agreed after the year", now=AFTER)
    with sample_database.committed() as session:
        ctx = Context(PlanRepository.for_team(session), AFTER, Caller("UCHAIR", True))
        return build_year_report(ctx, read_year("2014/15", APRIL))


def progress(report: YearReport) -> dict[str, str]:
    return {i.ref: p for t in report.themes for p, i in t.items}


def test_each_action_is_placed_by_where_it_stood_at_the_year_end(year: YearReport) -> None:
    assert year.as_of == date(2015, 3, 31) and year.label == "2014/15 (Apr 2014–Mar 2015)"
    placed = progress(year)
    assert placed["1.4"] == COMPLETED
    assert placed["2.3"] == ON_TRACK
    assert placed["7.1"] == LITTLE  # off track
    assert placed["1.1"] == LITTLE  # done only after the year: not started, long overdue
    little = {i.ref: i for i in year.little_progress()}
    assert "months overdue" in little["1.1"].why and little["1.1"].owners == "Chair"
    assert little["7.1"].commentary and little["7.1"].commentary.note == "chapter not agreed"
    theme1 = year.themes[0]
    assert theme1.outcomes and theme1.title == "Leadership and Governance"


def test_reviews_challenges_and_every_action(year: YearReport) -> None:
    assert {"5.1", "5.3"} <= {i.ref for i in year.reviews}
    assert [(c.ref, c.answer) for c in year.challenges] == [("5.1", "Reviewed in January")]
    assert len(year.actions) == 44


def test_the_yearly_paper_has_the_sections_the_guidance_asks_for(year: YearReport) -> None:
    document = Document(io.BytesIO(paper_docx(year_paper(year))))
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style.name.startswith("Heading")]
    top = [t for s, t in headings if s == "Heading 1"]
    assert top == ["About this report", "RAG by theme", "Progress and impact on our priorities",
                   "Where there has been little or no progress", "No date the bot can read",
                   "Action on review recommendations",
                   "Challenge and scrutiny: the challenge log", "Risks to delivering the plan",
                   "Not held in the tracker", "Every action at the year's end",
                   "Sign-off by the lead safeguarding partners"]
    assert ("Heading 2", "1. Leadership and Governance") in headings
    text = "\n".join(p.text for p in document.paragraphs)
    assert "What we are trying to achieve:" in text and "As at: 31 Mar 2015" in text
    sign_off = document.tables[-1]
    assert [c.text for c in sign_off.rows[0].cells][:2] == ["Lead partner", "Organisation"]
    assert [r.cells[0].text for r in sign_off.rows[1:]] == [
        "Chief Executive", "Chief Executive", "Chief Constable"]
    assert len(document.inline_shapes) == 1


def test_the_yearly_workbook_and_markdown(year: YearReport) -> None:
    paper = year_paper(year)
    book = load_workbook(io.BytesIO(paper_xlsx(paper)))
    assert {"RAG", "Theme 1", "Little progress", "All actions", "Sign-off"} <= set(
        book.sheetnames)
    assert book["Theme 1"]["A1"].value == "Yearly report 2014/15"
    markdown = paper_markdown(paper)
    assert "### 1. Leadership and Governance" in markdown
    assert "## Where there has been little or no progress" in markdown


def test_the_sign_off_names_the_plan_s_partners_when_it_has_them() -> None:
    assert signatories(SimpleNamespace()) == DEFAULT_SIGNATORIES
    named = SimpleNamespace(partners=[SimpleNamespace(role="Chief Constable",
                                                      organisation="Cumbria Constabulary",
                                                      name="A. Person")])
    assert [(s.role, s.body, s.name) for s in signatories(named)] == [
        ("Chief Constable", "Cumbria Constabulary", "A. Person")]


@pytest.mark.parametrize("text", ["2015/16", "2015-16", "2015/2016", "2015", " 2015 / 16 "])
def test_plan_years_as_people_write_them(text: str) -> None:
    year = read_year(text, APRIL)
    assert (year.first, year.last) == (date(2015, 4, 1), date(2016, 3, 31))


@pytest.mark.parametrize("text", ["2015/17", "next year", "15/16", "0000", ""])
def test_what_is_not_a_plan_year(text: str) -> None:
    with pytest.raises(CommandError):
        read_year(text, APRIL)
