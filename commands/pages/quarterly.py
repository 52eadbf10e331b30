"""What the quarterly return's request and reminder say, with the button that opens it."""

from __future__ import annotations

from datetime import date

from commands.buttons import return_button
from commands.page import Bold, Command, Page, line
from commands.pages.lines import action_line
from commands.quarters import Quarter
from commands.text import agreeing, day, plural
from commands.words import OURS, Words
from storage.rows import ActionRow

MAX_LISTED = 15


def _listed(page: Page, actions: list[ActionRow]) -> None:
    page.lines([line(Bold(f"Open actions ({len(actions)})"))]
               + [action_line(a) for a in actions[:MAX_LISTED]])
    if len(actions) > MAX_LISTED:
        page.note(f"… and {len(actions) - MAX_LISTED} more in the return.")


def return_request(owner_id: int, owner: str, quarter: Quarter, due: date,
                   actions: list[ActionRow], words: Words = OURS) -> Page:
    page = Page().heading(f"📝 Quarterly return: {quarter.label}")
    page.paragraph(Bold(owner), ": give each open action's RAG and a short commentary on "
                   "the quarter by ", Bold(day(due)),
                   f", for the {words.board}'s monitoring report. Plan-level progress only, "
                   "never a child's details.")
    _listed(page, actions)
    page.note("Or one at a time: ", Command("update REF STATUS commentary"), ".")
    page.blocks.append(return_button(owner_id, quarter))
    return page


def return_reminder(owner_id: int, owner: str, quarter: Quarter, due: date,
                    actions: list[ActionRow], words: Words = OURS) -> Page:
    page = Page().heading(f"⏳ Quarterly return due {day(due)}: {quarter.label}")
    page.paragraph(Bold(owner), f": {plural(len(actions), 'open action')} "
                   f"{agreeing(len(actions), 'has', 'have')} no update for the quarter yet.")
    _listed(page, actions)
    page.blocks.append(return_button(owner_id, quarter))
    return page
