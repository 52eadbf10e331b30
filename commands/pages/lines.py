"""The lines most pages share: one action, one dated item, a list of owners."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from commands.page import Bold, Line, line
from commands.text import day, overdue_by, shorten, status, when
from storage.rows import ActionLike, DueItem, OwnerLike


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
