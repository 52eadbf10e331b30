"""The nudges' pages pinned whole: the reporting nudge (who reports what to whom, what the
report tells, the open actions and how many did not fit, the carried report, the button),
the due-soon and overdue reminders of an action and of a milestone, and the weekly digest."""

from __future__ import annotations

from datetime import date

from commands.buttons import action_buttons, pick_button
from commands.page import Bold, Command, Heading, Items, Note, Page, Paragraph
from commands.pages.lines import action_line, undated_count
from commands.pages.nudges import digest, due_soon, overdue, reporting
from commands.words import Words
from storage.models import Cadence, ReportingRow
from storage.rows import DueItem, MilestoneRow, OwnerRef
from tests.commands.rows import action_row

SENT = date(2014, 10, 1)
OWNERS = [OwnerRef(1, "Health"), OwnerRef(2, "Police")]
ROW = ReportingRow(what="Monitoring report", tells="", when_text="Quarterly, by the 10th")
TO_BOARD = Cadence(label="Quarterly report", audience="")
LONG = "0123456789" * 100  # no spaces: a limit one longer keeps one more character


def _open(count: int, done: int = 0) -> list:
    rows = [action_row(f"1.{n}", "31 March 2015", date(2015, 3, 31), number=n)
            for n in range(1, count + 1)]
    return rows + [action_row(f"9.{n}", status="complete", number=100 + n)
                   for n in range(1, done + 1)]


def _entries(page: Page) -> list[object]:
    items = next(block for block in page.blocks if isinstance(block, Items))
    return [items.render(entry) for entry in items.entries]


def test_a_reporting_nudge_says_who_reports_what_to_the_board_this_month() -> None:
    page = reporting(ROW, TO_BOARD, OWNERS, [], SENT)
    assert page.blocks == [
        Heading("📅 Reporting due: Quarterly report"),
        Paragraph((Bold("Health / Police"), " reports ", Bold("Monitoring report"), " to ",
                   Bold("the board"), " this month (October 2014).\nPlanner: "
                   "Quarterly, by the 10th"))]


def test_a_partnerships_nudge_names_the_partnership_and_a_cadence_its_own_audience() -> None:
    partnership = Words("partnership", "priority")
    page = reporting(ROW, TO_BOARD, OWNERS[:1], [], SENT, words=partnership)
    assert page.blocks[1] == Paragraph((
        Bold("Health"), " reports ", Bold("Monitoring report"), " to ", Bold("the partnership"),
        " this month (October 2014).\nPlanner: Quarterly, by the 10th"))
    exec_group = Cadence(label="Bi-monthly", audience="the executive group")
    tells = ReportingRow(what="Audit", tells=LONG, when_text="Bi-monthly")
    page = reporting(tells, exec_group, OWNERS[:1], [], SENT, words=partnership)
    assert page.blocks[1] == Paragraph((
        Bold("Health"), " reports ", Bold("Audit"), " to ", Bold("the executive group"),
        " this month (October 2014).\nPlanner: Bi-monthly"))
    assert page.blocks[2] == Paragraph((
        Bold("What the report tells the partnership:"), " " + LONG[:599] + "…"))


def test_the_reporters_open_actions_are_listed_fifteen_at_most_and_the_rest_counted() -> None:
    actions = _open(17, done=2)
    page = reporting(ROW, TO_BOARD, OWNERS, actions, SENT)
    assert _entries(page) == [(Bold("Open actions (17)"),),
                              *[action_line(a) for a in actions[:15]]]
    notes = [block for block in page.blocks if isinstance(block, Note)]
    assert notes == [Note(("… and 2 more: ", Command("owner Health")))]
    assert page.blocks[-1] == pick_button([a.ref for a in actions[:17]])


def test_fifteen_open_actions_fit_and_finished_ones_are_left_out() -> None:
    page = reporting(ROW, TO_BOARD, OWNERS, _open(15, done=3), SENT)
    assert len(_entries(page)) == 16
    assert not [block for block in page.blocks if isinstance(block, Note)]
    only_done = reporting(ROW, TO_BOARD, OWNERS, _open(0, done=2), SENT)
    assert len(only_done.blocks) == 2


def test_the_carried_report_comes_after_the_actions_and_before_the_button() -> None:
    carried = Page().heading("Quarter 2 report").paragraph("Two actions moved.")
    page = reporting(ROW, TO_BOARD, OWNERS, _open(1), SENT, carried=carried)
    assert [type(block).__name__ for block in page.blocks] == [
        "Heading", "Paragraph", "Items", "Heading", "Paragraph", "Buttons"]
    assert page.blocks[3:5] == carried.blocks


def _item(text: str = "Audit the schools", milestone: MilestoneRow | None = None) -> DueItem:
    action = action_row("2.3", "May 2014", date(2014, 10, 31), text=text)
    return DueItem(action, date(2014, 10, 31) if milestone is None else milestone.due_date,
                   milestone)


BODY = ("Audit the schools", "\n", Bold("Owner:"), " Health / Police · ", Bold("When:"),
        " May 2014 → 31 Oct 2014 · ", Bold("Status:"), " 🟢 on track")


def test_a_reminder_says_how_many_days_are_left_and_what_the_action_holds() -> None:
    page = due_soon(_item(), OWNERS, date(2014, 10, 24))
    assert page.blocks == [
        Heading("⏰ Action 2.3 is due in 7 days"),
        Paragraph(("Due ", Bold("31 Oct 2014"), ".\n", *BODY)),
        Note((Command("action 2.3"), " for the detail; ", Command("update 2.3 STATUS note"),
              " to report progress.")),
        action_buttons("2.3")]
    assert due_soon(_item(), OWNERS, date(2014, 10, 30)).blocks[0] == Heading(
        "⏰ Action 2.3 is due in 1 day")


def test_an_overdue_milestone_is_named_and_its_long_text_cut_short() -> None:
    milestone = MilestoneRow(5, "Audit " + "of every school in the county " * 4, "July 2014",
                             date(2014, 7, 31))
    page = overdue(_item(LONG, milestone), OWNERS[:1], date(2014, 10, 1))
    assert page.blocks[0] == Heading(
        "🔴 Action 2.3 milestone “Audit of every school in the county of every school in the…” "
        "is overdue")
    paragraph = page.blocks[1]
    assert isinstance(paragraph, Paragraph)
    assert paragraph.line[:4] == ("It was due ", Bold("31 Jul 2014"), ".\n",
                                  LONG[:399] + "…")
    assert paragraph.line[4:6] == ("\n", Bold("Owner:"))
    assert page.blocks[2:] == [
        Note((Command("done 2.3"), " if it is finished, or ",
              Command("update 2.3 off-track reason"), ".")),
        action_buttons("2.3")]


def test_the_digest_counts_its_items_and_names_each_milestone_once_per_action() -> None:
    milestone = MilestoneRow(5, "Draft" + "x" * 60, "July 2014", date(2014, 7, 31))
    items = [_item(), _item(milestone=milestone)]
    page = digest(items, date(2014, 11, 7), undated=2)
    assert page.blocks[0] == Heading("Weekly overdue digest: 2 items")
    assert page.blocks[1] == Note(undated_count(2))
    assert _entries(page) == [
        action_line(items[0].action, "7 days overdue"),
        (*action_line(items[1].action, "3 months overdue"), " milestone: Draft" + "x" * 54 + "…")]
    listed = page.blocks[2]
    assert isinstance(listed, Items) and listed.narrower == "/lscb overdue OWNER"
    assert page.blocks[-1] == pick_button(["2.3"])
    assert len(digest(items, date(2014, 11, 7)).blocks) == 3
