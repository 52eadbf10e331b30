"""The App Home's page."""

from __future__ import annotations

from commands.home import BoardView, HomeView
from commands.page import Bold, Command, Page, line
from commands.pages.lines import action_line, item_line, undated_count
from commands.text import day, plural


def home_page(home: HomeView) -> Page:
    page = Page()
    if home.board:
        _board(page, home.board)
    page.heading("Your actions")
    if not home.owners:
        page.paragraph(f"You are not linked to a role or subgroup yet. Ask the "
                       f"{home.words.board}'s business manager to link you: ",
                       Command("link @you OWNER"), ".")
    else:
        page.note("As " + "; ".join(home.owners))
        if home.overdue:
            page.lines([line(Bold(f"Overdue ({len(home.overdue)})"))]
                       + [item_line(i, home.today) for i in home.overdue], "/lscb my-actions")
        elif not home.undated:
            page.paragraph("Nothing of yours is overdue.")
        else:
            page.paragraph("Nothing of yours with a date I can read is overdue.")
        if home.undated:
            page.note(undated_count(home.undated, "my-actions"))
        if home.open:
            page.lines([line(Bold(f"Open ({len(home.open)})"))]
                       + [action_line(a) for a in home.open], "/lscb my-actions")
        if home.reporting:
            page.heading("Your next reporting dates").lines(
                [line(f"{label} → {audience}: ", day(when) if when else "no further date")
                 for label, audience, when in home.reporting], "/lscb schedule")
    return page.note(f"As at {day(home.today)} · ", Command("help"), " for every command")


def _board(page: Page, board: BoardView) -> None:
    page.heading(f"Overdue across the plan: {plural(board.overdue, 'item')}")
    page.lines([line(Bold(name), f": {count}") for name, count in board.overdue_by_owner]
               or [line("Nothing with a date I can read." if board.undated else "Nothing.")],
               "/lscb overdue")
    if board.undated:
        page.note(undated_count(board.undated))
    page.lines([line(Bold(f"Owners nobody is linked to ({len(board.unlinked)})")),
                line(", ".join(board.unlinked) or "None.")])
    if board.pending_changes:
        page.paragraph(Bold(f"{plural(board.pending_changes, 'due-date change')} waiting for "
                            f"approval"), ": ", Command("approvals"))
    page.divider()
