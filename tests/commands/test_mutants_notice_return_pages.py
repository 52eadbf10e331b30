"""Admin notices, the planner, a status change and the quarterly return's request and
reminder, pinned whole: each sentence's ending, the narrower command, the bullets, the
count of what did not fit, and the button that opens the owner's own return."""

from __future__ import annotations

from datetime import date

from commands.page import (
    Bold,
    Button,
    Buttons,
    ChannelRef,
    Code,
    Command,
    Heading,
    Items,
    Note,
    Paragraph,
)
from commands.pages.lines import action_line
from commands.pages.notices import admin_notice, channel_problem, failure_notice, resumed_notice
from commands.pages.planner import planner_page
from commands.pages.progress import status_changed_line
from commands.pages.quarterly import return_reminder, return_request
from commands.planner import CadenceDates, PlannerRow
from commands.progress import StatusChanged
from commands.quarters import make_quarter
from storage.rows import ActionRow
from tests.commands.rows import action_row

Q2 = make_quarter(2014, 2, date(2014, 4, 1))
DUE = date(2014, 10, 10)
OPEN_BUTTON = Buttons("lscb_return", (Button("Give this quarter's update", "lscb_return",
                                             "7:2014:2", primary=True),))


def _rows(count: int) -> list[ActionRow]:
    return [action_row(f"1.{n}", "31 March 2015", date(2015, 3, 31), number=n)
            for n in range(1, count + 1)]


def test_a_channel_problem_is_one_sentence_ending_in_a_full_stop() -> None:
    assert channel_problem("C1", "is_archived") == (
        "The channel is archived (", ChannelRef("C1"), "): ", "unarchive it, or ",
        "link another with ", Command("channel #channel OWNER"), ".")


def test_an_admin_notice_lists_its_lines_with_the_preview_as_narrower() -> None:
    heading, items = admin_notice("Nudges nobody will hear", [("a",), ("b",)]).blocks
    assert isinstance(items, Items)
    assert (heading, list(items.entries), items.narrower) == (
        Heading("Nudges nobody will hear"), [("a",), ("b",)], "lscb nudges preview")


def test_a_failure_notice_gives_each_cause_a_sentence_and_each_nudge_a_bullet() -> None:
    page = failure_notice([("user_not_found", [("nudge one",), ("nudge two",)])], 3,
                          by_email=True)
    items = page.blocks[1]
    assert isinstance(items, Items)
    assert list(items.entries) == [
        (Bold("Slack knows no such user"), " (2 nudges): ", "check the IDs in LSCB_ADMINS", "."),
        ("• ", "nudge one"), ("• ", "nudge two")]


def test_the_resumed_notice_says_when_sending_stopped_and_what_happens_now() -> None:
    page = resumed_notice(["token", "token", "missing_scope"], date(2014, 10, 1), DUE)
    assert page.blocks[1] == Paragraph((
        "Slack stopped taking the bot's messages on ", Bold("1 Oct 2014"),
        " (token and missing_scope); it took them again on ", Bold("10 Oct 2014"),
        ". What was owed in between goes out now; anything older than the grace window is "
        "listed as missed."))


def test_a_planner_row_names_the_report_and_who_gives_it() -> None:
    row = PlannerRow("Monitoring report", ["Health", "Police"],
                     [CadenceDates("monitoring", "Quarterly", "board", "quarterly", [])])
    items = planner_page([row]).blocks[1]
    assert isinstance(items, Items)
    assert list(items.entries) == [(
        Bold("Monitoring report"), " · Health, Police",
        "\n   Quarterly → board · next: ", "no further dates", " · ", Code("monitoring"))]


def test_an_annual_actions_last_year_is_said_plainly() -> None:
    changed = StatusChanged("1.1", "on-track", "complete", last_year=True)
    assert status_changed_line(changed) == (
        Bold("1.1"), " is now ✅ complete (was 🟢 on track). That was its last year in this plan.")


def _listed(page_blocks: list[object]) -> tuple[list[object], list[object]]:
    items = next(block for block in page_blocks if isinstance(block, Items))
    return list(items.entries), [block for block in page_blocks if isinstance(block, Note)]


def test_a_return_request_lists_fifteen_actions_and_counts_the_rest() -> None:
    rows = _rows(16)
    page = return_request(7, "Health", Q2, DUE, rows)
    assert page.blocks[1] == Paragraph((
        Bold("Health"), ": give each open action's RAG and a short commentary on the quarter "
        "by ", Bold("10 Oct 2014"), ", for the board's monitoring report. Plan-level progress "
        "only, never a child's details."))
    entries, notes = _listed(page.blocks)
    assert entries == [(Bold("Open actions (16)"),), *[action_line(r) for r in rows[:15]]]
    assert notes == [Note(("… and 1 more in the return.",)),
                     Note(("Or one at a time: ", Command("update REF STATUS commentary"), "."))]
    assert page.blocks[-1] == OPEN_BUTTON


def test_fifteen_actions_are_all_listed_with_nothing_left_to_count() -> None:
    entries, notes = _listed(return_reminder(7, "Health", Q2, DUE, _rows(15)).blocks)
    assert (len(entries), notes) == (16, [])


def test_a_return_reminder_counts_the_actions_without_an_update_and_opens_the_return() -> None:
    one = return_reminder(7, "Health", Q2, DUE, _rows(1))
    assert one.blocks[1] == Paragraph((
        Bold("Health"), ": 1 open action has no update for the quarter yet."))
    assert one.blocks[-1] == OPEN_BUTTON
    two = return_reminder(7, "Health", Q2, DUE, _rows(2))
    assert two.blocks[1] == Paragraph((
        Bold("Health"), ": 2 open actions have no update for the quarter yet."))
