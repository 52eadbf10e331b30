"""Actions the bot has no date for are never hidden: every answer about lateness counts them.

The plan is the sample with 3.3 (the Triage board's only action) due "TBC" and 8.1 (the
Neglect subgroup's only action, overdue as the sample dates it) "to be agreed with partners".
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import TypeVar

from openpyxl import load_workbook

from bot.config import Settings
from bot.console import Who, ask_page, run_console
from commands import Context
from commands.home import home_view
from commands.nudges import nudges_between
from commands.pages.home import home_page
from commands.pages.report import report_page
from commands.quarters import make_quarter
from commands.render_blocks import MAX_VIEW_BLOCKS, to_blocks, to_reply
from commands.render_text import to_text
from commands.report import QuarterReport, build_report
from commands.report_files import report_markdown, report_rows
from commands.report_paper import quarter_paper
from commands.report_xlsx import paper_xlsx
from commands.year_paper import year_paper
from commands.year_report import build_year_report, read_year
from storage.database import Database
from storage.repository import PlanRepository
from tests.commands.conftest import Ask, committed

OCTOBER = datetime(2014, 10, 15, 11, tzinfo=UTC)
TRIAGE = "LSCB Triage Programme Board"
NOTHING = "nothing is overdue"
T = TypeVar("T")


def as_caller(database: Database, work: Callable[[Context], T], acting_as: str | None = None,
              admin: bool = False) -> T:
    return committed(database, work, now=OCTOBER, user="U1", admin=admin,
                     acting_as=(acting_as,) if acting_as else None)


def test_undated_lists_each_action_with_its_wording_owner_and_why(ask_undated: Ask) -> None:
    text = ask_undated("undated").text
    assert "No date I can read: 2 actions" in text
    assert "*3.3*" in text and f"{TRIAGE} · when: “_TBC_”" in text
    assert "*8.1*" in text and "“_to be agreed with partners_”" in text
    assert "it has no date, month, quarter or year in a form the bot reads" in text
    assert ask_undated("undated triage").text.count("*8.1*") == 0


def test_a_plan_with_every_date_read_says_so(ask: Ask) -> None:
    assert ask("undated").text == "Every open action has a date I can read."


def test_overdue_never_says_nothing_while_an_owner_has_undated_actions(ask_undated: Ask
                                                                       ) -> None:
    text = ask_undated("overdue triage").text
    assert NOTHING not in text.lower()
    assert text.startswith(f"Nothing with a date I can read is overdue for {TRIAGE}")
    assert "1 open action has no date I can read" in text
    assert f"`/lscb undated {TRIAGE}` lists it" in text


def test_overdue_counts_the_undated_beside_what_is_overdue(ask_undated: Ask) -> None:
    reply = ask_undated("overdue")
    assert "2 open actions have no date I can read" in reply.text
    assert "`/lscb undated` lists them" in reply.text
    assert "*8.1*" not in reply.text  # overdue as the sample dates it; undated here


def test_no_owner_is_told_nothing_is_overdue_while_it_has_undated_actions(
        ask_undated: Ask, undated_database: Database) -> None:
    owners = as_caller(undated_database, lambda c: [(o.name, c.repo.count_undated([o]))
                                                     for o in c.repo.owners()])
    assert sum(count for _, count in owners) == 2
    for name, count in owners:
        said = ask_undated(f"overdue {name}").text.lower()
        assert ("no date i can read" in said) == (count > 0), name
        assert not (count and NOTHING in said), name


def test_my_actions_shows_the_undated_in_a_group_of_their_own(ask_undated: Ask) -> None:
    text = ask_undated("my-actions", user="U1", admin=False, acting_as=("neglect",)).text
    assert "*No date I can read* (1)" in text and "*8.1*" in text
    assert "*Ongoing*" not in text and "*Overdue*" not in text


def test_the_app_home_counts_the_undated_for_the_owner_and_the_board(
        undated_database: Database) -> None:
    mine = as_caller(undated_database, home_view, "triage")
    texts = " ".join(_texts(to_blocks(home_page(mine), MAX_VIEW_BLOCKS)))
    assert "Nothing of yours with a date I can read is overdue." in texts
    assert "1 open action has no date I can read" in texts and "`/lscb my-actions`" in texts
    assert NOTHING not in texts.lower() and "nothing of yours is overdue" not in texts.lower()
    board = as_caller(undated_database, home_view, admin=True)
    texts = " ".join(_texts(to_blocks(home_page(board), MAX_VIEW_BLOCKS)))
    assert "2 open actions have no date I can read" in texts and "`/lscb undated`" in texts


def test_the_app_home_of_an_owner_with_every_date_read_is_unchanged(
        sample_database: Database) -> None:
    mine = as_caller(sample_database, home_view, "triage")
    texts = " ".join(_texts(to_blocks(home_page(mine), MAX_VIEW_BLOCKS)))
    assert "Nothing of yours is overdue." in texts and "no date I can read" not in texts


def _texts(blocks: list[dict[str, object]]) -> list[str]:
    found = []
    for block in blocks:
        if isinstance(text := block.get("text"), dict):
            found.append(str(text["text"]))
        for element in block.get("elements") or []:  # type: ignore[attr-defined]
            if isinstance(element, dict) and isinstance(element.get("text"), str):
                found.append(element["text"])
    return found


def q2(database: Database) -> QuarterReport:
    return as_caller(database, lambda c: build_report(
        c, make_quarter(2014, 2, c.repo.plan.starts)), admin=True)


def test_the_report_lists_the_undated_on_every_surface(undated_database: Database) -> None:
    report = q2(undated_database)
    assert [a.row.ref for a in report.undated] == ["3.3", "8.1"]
    page = " ".join(_texts(to_reply(report_page(report)).blocks))
    assert "*No date I can read (2)*" in page and "“to be agreed with partners”" in page
    assert "No date the bot can read" in report_markdown(report)
    assert [r[1] for r in report_rows(report) if r[0] == "No date"] == ["3.3", "8.1"]
    book = load_workbook(io.BytesIO(paper_xlsx(quarter_paper(report))))
    cells = [c.value for row in book["Undated"].iter_rows() for c in row]
    assert "TBC" in cells and TRIAGE in cells


def test_a_report_with_every_date_read_says_so(sample_database: Database) -> None:
    report = q2(sample_database)
    assert report.undated == [] and "No date I can read" not in to_reply(
        report_page(report)).text
    assert "Every open action has a date the bot can read." in report_markdown(report)


def test_the_console_says_so_too(undated_database: Database) -> None:
    settings = Settings(today=OCTOBER.date())
    page = ask_page(undated_database, settings, Who(), "/lscb overdue triage")
    assert "1 open action has no date I can read" in to_text(page)
    said: list[str] = []
    run_console(undated_database, settings, ["as Neglect Subgroup", "overdue neglect", "mine"],
                lambda text: said.append(" ".join(text.split())))
    assert all(NOTHING not in s.lower() for s in said)
    assert "`/lscb undated Neglect Subgroup` lists it" in said[-2]
    assert "No date I can read (1)" in said[-1]


def test_the_weekly_digest_counts_the_channels_undated_actions(
        undated_database: Database) -> None:
    with undated_database.committed() as session:
        repo = PlanRepository.for_team(session)
        for owner in ("chair", "neglect"):
            repo.link_channel("CBOARD", repo.resolve_owner(owner), "test", OCTOBER)
        repo.link_channel("CPMQA", repo.resolve_owner("pmqa"), "test", OCTOBER)
        tz = Settings().timezone
        nudges = nudges_between(repo, datetime.combine(date(2014, 10, 20), time.min, tz),
                                datetime.combine(date(2014, 10, 20), time.max, tz), tz)
        digests = {n.channel: str(n.blocks) for n in nudges if n.key == "digest"}
    assert "1 open action has no date I can read" in digests["CBOARD"]
    assert "no date I can read" not in digests["CPMQA"]


def test_the_yearly_report_lists_the_undated_too(undated_database: Database) -> None:
    year = as_caller(undated_database, lambda c: build_year_report(
        c, read_year("2014/15", c.repo.plan.starts)), admin=True)
    assert [a.row.ref for a in year.undated] == ["3.3", "8.1"]
    [section] = [s for s in year_paper(year).sections if s.sheet == "Undated"]
    assert [row[0] for row in section.rows] == ["3.3", "8.1"]
