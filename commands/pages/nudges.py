"""What each nudge says: a reporting nudge, a reminder, an overdue notice, the weekly digest,
and the admins' notices."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from commands.buttons import action_buttons, pick_button
from commands.page import Bold, Command, Line, Page, line
from commands.pages.lines import action_line, names, undated_count
from commands.text import day, overdue_by, plural, shorten, status, when
from commands.words import OURS, Words
from storage.models import Cadence, ReportingRow
from storage.rows import ActionLike, DueItem, OwnerLike

ItemPage = Callable[[DueItem, Sequence[OwnerLike], date], Page]
MAX_LISTED = 15


def reporting(row: ReportingRow, cadence: Cadence, owners: Sequence[OwnerLike],
              actions: Sequence[ActionLike], sent_on: date, carried: Page | None = None,
              words: Words = OURS) -> Page:
    """Who reports what to whom by when, with the reporters' open actions (and the report
    the cadence carries, if any)."""
    page = Page().heading(f"📅 Reporting due: {cadence.label}")
    page.paragraph(Bold(names(owners)), " reports ", Bold(row.what), " to ",
                   Bold(cadence.audience or f"the {words.board}"),
                   f" this month ({sent_on:%B %Y}).\nPlanner: {row.when_text}")
    if row.tells:
        page.paragraph(Bold(f"What the report tells the {words.board}:"),
                       f" {shorten(row.tells, 600)}")
    open_actions = [a for a in actions if a.status != "complete"]
    if open_actions:
        page.lines([line(Bold(f"Open actions ({len(open_actions)})"))]
                   + [action_line(a) for a in open_actions[:MAX_LISTED]])
        if len(open_actions) > MAX_LISTED:
            page.note(f"… and {len(open_actions) - MAX_LISTED} more: ",
                      Command(f"owner {owners[0].name}"))
    if carried:
        page.extend(carried)
    if open_actions:
        page.blocks.append(pick_button([a.ref for a in open_actions]))
    return page


def _item_title(item: DueItem) -> str:
    if item.milestone is None:
        return f"Action {item.action.ref}"
    return f"Action {item.action.ref} milestone “{shorten(item.milestone.label, 60)}”"


def _item_body(item: DueItem, owners: Sequence[OwnerLike]) -> Line:
    return line(shorten(item.action.text, 400), "\n", Bold("Owner:"), f" {names(owners)} · ",
                Bold("When:"), f" {when(item.action)} · ", Bold("Status:"),
                f" {status(item.action)}")


def due_soon(item: DueItem, owners: Sequence[OwnerLike], sent_on: date) -> Page:
    days = (item.due - sent_on).days
    page = Page().heading(f"⏰ {_item_title(item)} is due in {plural(days, 'day')}")
    page.paragraph("Due ", Bold(day(item.due)), ".\n", _item_body(item, owners))
    page.note(Command(f"action {item.action.ref}"), " for the detail; ",
              Command(f"update {item.action.ref} STATUS note"), " to report progress.")
    page.blocks.append(action_buttons(item.action.ref))
    return page


def overdue(item: DueItem, owners: Sequence[OwnerLike], sent_on: date) -> Page:
    page = Page().heading(f"🔴 {_item_title(item)} is overdue")
    page.paragraph("It was due ", Bold(day(item.due)), ".\n", _item_body(item, owners))
    page.note(Command(f"done {item.action.ref}"), " if it is finished, or ",
              Command(f"update {item.action.ref} off-track reason"), ".")
    page.blocks.append(action_buttons(item.action.ref))
    return page


def digest(items: list[DueItem], sent_on: date, undated: int = 0) -> Page:
    """The week's overdue items for a channel, and how many of its actions have no date."""
    page = Page().heading(f"Weekly overdue digest: {plural(len(items), 'item')}")
    if undated:
        page.note(undated_count(undated))
    page.items(items, lambda i: line(
        action_line(i.action, overdue_by(i.due, sent_on)),
        f" milestone: {shorten(i.milestone.label, 60)}" if i.milestone else ""),
        "/lscb overdue OWNER")
    page.blocks.append(pick_button(list(dict.fromkeys(i.action.ref for i in items))))
    return page
