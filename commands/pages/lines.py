"""The lines most pages share: one action, one dated item, a list of owners."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from commands.page import Bold, Command, Italic, Line, line
from commands.text import agreeing, day, overdue_by, plural, shorten, status, when
from storage.rows import ActionLike, DueItem, OwnerLike, Undated


def action_line(action: ActionLike, extra: str = "") -> Line:
    """One action on one line: ref, short text, when, status."""
    return line(Bold(action.ref), f" {shorten(action.text)} · {when(action)} · {status(action)}",
                f" · {extra}" if extra else "")


def lateness(due: date, today: date) -> str:
    return overdue_by(due, today) if due < today else f"due {day(due)}"


def item_line(item: DueItem, today: date) -> Line:
    """An action or milestone with how its date stands against today."""
    if item.milestone is None:
        return action_line(item.action, lateness(item.due, today))
    return line(Bold(item.action.ref), f" milestone: {shorten(item.milestone.label)} · "
                f"{item.milestone.when_text} · {lateness(item.due, today)}")


def names(owners: Sequence[OwnerLike], separator: str = " / ") -> str:
    return separator.join(o.name for o in owners)


def undated_line(item: Undated) -> Line:
    """An action the bot has no date for: its wording as written, whose it is, and why."""
    owners = names(item.action.owners) or "no owner"
    return line(Bold(item.action.ref), f" {shorten(item.action.text)} · {owners} · when: “",
                Italic(shorten(item.action.when_text, 120)), f"” · {shorten(item.why, 160)}")


def undated_count(count: int, listed_by: str = "undated") -> Line:
    """How many open actions have no date the bot can read, and where they are listed.

    Said beside every answer about lateness, so "nothing overdue" is never the whole truth."""
    return line(f"{plural(count, 'open action')} {agreeing(count, 'has', 'have')} no date I "
                "can read, so I can't tell whether "
                f"{agreeing(count, 'it is', 'they are')} late: ", Command(listed_by),
                f" lists {agreeing(count, 'it', 'them')}.")
