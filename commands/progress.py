"""Changing an action's status, with who may do it and the reasons the board asks for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from commands.context import CommandError, Context, NotPermitted
from commands.lookup import find_action
from commands.page import Command
from commands.quarters import Quarter
from commands.safety import typed_text
from commands.text import day
from storage.duedates import next_annual_due
from storage.models import STATUSES, Action
from storage.statuses import status_of

NEEDS_REASON = ("at-risk", "off-track")
EVIDENCE_LIMIT = 500  # the column's width


@dataclass(frozen=True)
class StatusChanged:
    ref: str
    was: str
    now: str
    note: str = ""
    due_again: date | None = None  # an annual action comes round again
    last_year: bool = False  # an annual action done for the last time in this plan


def read_status(word: str) -> str:
    status = status_of(word)
    if status is None:
        raise CommandError(f"“{word[:30]}” is not a status. Use one of: "
                           f"{', '.join(STATUSES)}.")
    return status


def check_may_change(ctx: Context, action: Action) -> None:
    """Only someone linked to the action's owner, or an admin, may change it."""
    if ctx.caller.is_admin or ctx.speaks_for(list(action.owners)):
        return
    owners = " / ".join(o.name for o in action.owners)
    raise NotPermitted(f"Only people linked to {owners}, or an admin, can change "
                       f"{action.ref}. If that's you, ask an admin to link you.")


def update_status(ctx: Context, ref: str, status_word: str, note: str) -> StatusChanged:
    """Set the status of the action `ref` names, from any status word people use."""
    return change_status(ctx, find_action(ctx, ref), read_status(status_word), note)


def change_status(ctx: Context, action: Action, status: str, note: str,
                  evidence: str = "", for_quarter: Quarter | None = None) -> StatusChanged:
    """Record the change; a completed annual action comes round again next year. With
    `for_quarter`, it is also the owner's quarterly return for that quarter."""
    check_may_change(ctx, action)
    if status in NEEDS_REASON and not note.strip():
        raise CommandError(f"Say why {action.ref} is {status}: ",
                           Command(f"update {action.ref} {status} REASON"), ".")
    typed_text(ctx, note, "note")
    typed_text(ctx, evidence, "evidence link", EVIDENCE_LIMIT)
    was = action.status
    ctx.repo.record_status(action, status, ctx.caller.user_id, note, ctx.now, evidence)
    if for_quarter is not None:
        ctx.repo.returns.give(action, for_quarter.last, status, note, ctx.caller.user_id,
                              ctx.now)
    changed = StatusChanged(action.ref, was, status, note)
    if status == "complete":
        for milestone in action.milestones:
            milestone.done = milestone.done or milestone.due_date <= ctx.today
        changed = _roll_annual(ctx, action, changed)
    return changed


def _roll_annual(ctx: Context, action: Action, changed: StatusChanged) -> StatusChanged:
    if action.due_kind != "annual" or action.due_date is None:
        return changed
    following = next_annual_due(action.due_date)
    if following > ctx.repo.plan.ends:
        return StatusChanged(changed.ref, changed.was, changed.now, changed.note,
                             last_year=True)
    ctx.repo.move_due_date(action, following, ctx.caller.user_id, ctx.now)
    ctx.repo.record_status(action, "not-started", "lscb", f"annual: next due {day(following)}",
                           ctx.now)
    return StatusChanged(changed.ref, changed.was, changed.now, changed.note, following)
