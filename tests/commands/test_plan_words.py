"""A partnership's plan says "partnership" and "priority": so do the bot's replies."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from commands import Caller, Context
from commands.pages.report import report_page
from commands.quarters import make_quarter
from commands.render_blocks import to_reply
from commands.report import build_report
from commands.report_files import report_markdown
from commands.report_paper import quarter_paper
from commands.report_xlsx import paper_xlsx
from commands.words import Words
from commands.year_paper import year_paper
from commands.year_report import build_year_report, read_year
from storage.database import Database
from storage.importer import import_plan
from storage.planfiles import read_plan_file
from storage.repository import PlanRepository
from tests.commands.conftest import Ask, asker
from tests.planyaml import dump_raw, sample_raw

OCTOBER = datetime(2014, 10, 15, 11, tzinfo=UTC)


@pytest.fixture
def worded(database: Database, tmp_path: Path) -> Iterator[Database]:
    """The sample plan, saying it has a partnership and priorities."""
    raw = sample_raw()
    raw["plan"]["words"] = {"board": "partnership", "theme": "priority"}
    path = tmp_path / "partnership.yaml"
    path.write_text(dump_raw(raw, allow_unicode=True), encoding="utf-8")
    with database.committed() as session:
        import_plan(session, read_plan_file(path), "test", OCTOBER)
    yield database


@pytest.fixture
def ask_worded(worded: Database) -> Ask:
    return asker(worded)


def test_words_put_the_plans_nouns_in_the_bots_sentences() -> None:
    words = Words("partnership", "priority")
    assert words.said("RAG by theme") == "RAG by priority"
    assert words.said("All themes") == "All priorities"
    assert words.said("Ask the board's business manager") == (
        "Ask the partnership's business manager")
    assert Words("Safeguarding Adults Board", "outcome").said("Theme 2, the board") == (
        "Outcome 2, the Safeguarding Adults Board")
    assert Words().said("the board's themes") == "the board's themes"


def test_the_help_says_priority_and_priority_n_works(ask_worded: Ask) -> None:
    help_text = ask_worded("help").text
    assert "`/lscb priority N` actions of one priority of the plan" in help_text
    assert "`/lscb theme N`" not in help_text
    assert ask_worded("priority 2").blocks[0]["text"]["text"].startswith("Priority 2: ")
    assert ask_worded("theme 2").text == ask_worded("priority 2").text
    assert ask_worded("priority 99").text.startswith("Which priority? The plan has: 1 ")


def test_refusals_name_the_partnership_and_its_priorities(ask_worded: Ask) -> None:
    assert "The plan's priorities are 1 to 9: `/lscb theme N` lists a priority's actions." in (
        ask_worded("action 99.1").text)
    refused = ask_worded("link <@U2|sam> chair", user="U1", admin=False)
    assert refused.is_error and "Ask the partnership's business manager." in refused.text
    assert "(the partnership's business manager)" in ask_worded(
        "my-actions", user="UNOBODY", admin=False).text


def test_the_sample_keeps_the_bots_own_words(ask: Ask) -> None:
    assert "`/lscb theme N` actions of one theme of the plan" in ask("help").text
    assert ask("theme 2").blocks[0]["text"]["text"].startswith("Theme 2: ")


def test_the_reports_say_priority_and_partnership(worded: Database) -> None:
    with worded.committed() as session:
        ctx = Context(PlanRepository.for_team(session), OCTOBER, Caller("U1", True))
        quarter = build_report(ctx, make_quarter(2014, 2, ctx.repo.plan.starts))
        year = build_year_report(ctx, read_year("2014/15", ctx.repo.plan.starts))
    assert "*RAG by priority*" in to_reply(report_page(quarter)).text
    markdown = report_markdown(quarter)
    assert "## RAG by priority" in markdown and "- **Partnership:**" in markdown
    book = load_workbook(io.BytesIO(paper_xlsx(quarter_paper(quarter))))
    cells = [c.value for row in book["RAG"].iter_rows() for c in row]
    assert "Priority" in cells and "All priorities" in cells and "Theme" not in cells
    paper = year_paper(year)
    assert ("Partnership", year.board or year.plan_title) in paper.facts
    assert "Priority 1" in [s.sheet for s in paper.sections]
