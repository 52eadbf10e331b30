"""Changing an action's status, with who may do it and the reasons the board asks for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from commands.context import AlreadySo, CommandError, Context, NotPermitted
from commands.lookup import find_action
from commands.page import Bold, Command
from commands.quarters import Quarter
from commands.safety import typed_text
from commands.text import STATUS_BADGES, day
from storage.duedates import next_annual_due
from storage.models import STATUSES, Action, StatusChange
from storage.statuses import status_of

NEEDS_REASON = ("at-risk", "off-track")
EVIDENCE_LIMIT = 500  # the column's width
ROLLED_BY, ROLLED_NOTE = "lscb", "annual: next due "
REPEAT_WINDOW = timedelta(days=30)
"""A `done` this soon after an annual action came round again is the same completion
asked twice (a second click on an old reminder, a command sent again), not next year's
done eleven months early: it says so and changes nothing."""


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
    if for_quarter is None:
        refuse_repeat(ctx, action, status, note, evidence)
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


def refuse_repeat(ctx: Context, action: Action, status: str, note: str, evidence: str) -> None:
    """AlreadySo when the change asked for is made already: the same status with nothing
    new said, or an annual action's completion asked again just after it came round."""
    latest = ctx.repo.latest_changes(action)
    if status == "complete" and action.due_date and _just_rolled(ctx, latest):
        done_on = latest[1].at.astimezone(ctx.tz).date()
        raise AlreadySo(Bold(action.ref), f" was marked complete on {day(done_on)}"
                        f"; it is annual and next due {day(action.due_date)}. "
                        "Nothing was changed.")
    said_before = latest[0] if latest else None
    if status == action.status and _nothing_new(note, evidence, said_before):
        raise AlreadySo(Bold(action.ref), f" is already {STATUS_BADGES[status]}. "
                        "Nothing was changed.")


def _just_rolled(ctx: Context, latest: list[StatusChange]) -> bool:
    return (len(latest) == 2 and latest[0].by == ROLLED_BY
            and latest[0].note.startswith(ROLLED_NOTE) and latest[1].to_status == "complete"
            and ctx.now - latest[0].at < REPEAT_WINDOW)


def _nothing_new(note: str, evidence: str, before: StatusChange | None) -> bool:
    same_note = not note.strip() or (before is not None and before.note == note)
    same_evidence = not evidence.strip() or (before is not None and before.evidence == evidence)
    return same_note and same_evidence


def _roll_annual(ctx: Context, action: Action, changed: StatusChanged) -> StatusChanged:
    if action.due_kind != "annual" or action.due_date is None:
        return changed
    following = next_annual_due(action.due_date)
    if following > ctx.repo.plan.ends:
        return StatusChanged(changed.ref, changed.was, changed.now, changed.note,
                             last_year=True)
    ctx.repo.move_due_date(action, following, ctx.caller.user_id, ctx.now)
    ctx.repo.record_status(action, "not-started", ROLLED_BY, f"{ROLLED_NOTE}{day(following)}",
                           ctx.now)
    return StatusChanged(changed.ref, changed.was, changed.now, changed.note, following)
