"""The App Home as a page: the board's view, the caller's actions and reporting dates."""

from __future__ import annotations

from datetime import date

from commands.home import BoardView, HomeView
from commands.page import Bold, Command
from commands.pages.home import home_page
from commands.pages.lines import undated_count
from storage.rows import ActionRow, DueItem, MilestoneRow
from tests.commands.page_shape import Shape, shape
from tests.commands.rows import action_row

TODAY = date(2014, 10, 15)
FOOTER: Shape = ("note", ("As at 15 Oct 2014 · ", Command("help"), " for every command"))


def row(ref: str, due: date, status: str = "on-track") -> ActionRow:
    return action_row(ref, f"{due.day} {due:%b %Y}", due, status=status, owners=("Chair",))


def test_a_caller_linked_to_nobody_is_told_how_to_be_linked() -> None:
    assert shape(home_page(HomeView(TODAY, [], None))) == [
        ("heading", "Your actions"),
        ("paragraph", ("You are not linked to a role or subgroup yet. Ask the board's business "
                       "manager to link you: ", Command("link @you OWNER"), ".")),
        FOOTER,
    ]


def test_an_owner_sees_overdue_then_open_actions_and_reporting_dates() -> None:
    late = row("1.1", date(2014, 10, 1))
    milestone = MilestoneRow(7, "Draft", "Sep 2014", date(2014, 9, 30))
    home = HomeView(TODAY, ["Chair", "Board"], None,
                    overdue=[DueItem(late, late.due_date or TODAY),
                             DueItem(late, milestone.due_date, milestone)],
                    open=[row("2.3", date(2015, 3, 31), "not-started")],
                    reporting=[("S.11 report", "LSCB", date(2015, 4, 1)),
                               ("Annual report", "Chair", None)],
                    undated=1)
    assert shape(home_page(home)) == [
        ("heading", "Your actions"),
        ("note", ("As Chair; Board",)),
        ("items", "/lscb my-actions", [
            (Bold("Overdue (2)"),),
            (Bold("1.1"), " Audit · 1 Oct 2014 · 🟢 on track", " · 2 weeks overdue"),
            (Bold("1.1"), " milestone: Draft · Sep 2014 · 2 weeks overdue")]),
        ("note", undated_count(1, "my-actions")),
        ("items", "/lscb my-actions", [
            (Bold("Open (1)"),), (Bold("2.3"), " Audit · 31 Mar 2015 · ⚪ not started")]),
        ("heading", "Your next reporting dates"),
        ("items", "/lscb schedule", [("S.11 report → LSCB: ", "1 Apr 2015"),
                                     ("Annual report → Chair: ", "no further date")]),
        FOOTER,
    ]


def test_the_board_view_counts_overdue_by_owner_unlinked_owners_and_pending_changes() -> None:
    board = BoardView(3, [("Chair", 2), ("Board", 1)], ["Chair", "Board"], 1)
    assert shape(home_page(HomeView(TODAY, [], board)))[:5] == [
        ("heading", "Overdue across the plan: 3 items"),
        ("items", "/lscb overdue", [(Bold("Chair"), ": 2"), (Bold("Board"), ": 1")]),
        ("items", "", [(Bold("Owners nobody is linked to (2)"),), ("Chair, Board",)]),
        ("paragraph", (Bold("1 due-date change waiting for approval"), ": ",
                       Command("approvals"))),
        ("divider",),
    ]


def test_a_board_view_with_nothing_overdue_says_whether_some_dates_are_unread() -> None:
    undated = BoardView(0, [], [], None, undated=2)
    assert shape(home_page(HomeView(TODAY, [], undated)))[:5] == [
        ("heading", "Overdue across the plan: 0 items"),
        ("items", "/lscb overdue", [("Nothing with a date I can read.",)]),
        ("note", undated_count(2, "undated")),
        ("items", "", [(Bold("Owners nobody is linked to (0)"),), ("None.",)]),
        ("divider",),
    ]
    nothing = BoardView(0, [], [], None)
    assert shape(home_page(HomeView(TODAY, [], nothing)))[1] == (
        "items", "/lscb overdue", [("Nothing.",)])
