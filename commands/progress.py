"""Changing an action's status: `update` and `done`, with who may do it."""

from __future__ import annotations

from commands.context import CommandError, Context, Reply
from commands.detail import find_action
from commands.layout import simple
from commands.registry import subcommand
from commands.safety import refuse_personal_data
from commands.text import STATUS_BADGES, day, escape
from storage.duedates import next_annual_due
from storage.models import STATUSES, Action

STATUS_WORDS = {s: s for s in STATUSES} | {
    "notstarted": "not-started", "ontrack": "on-track", "green": "on-track",
    "atrisk": "at-risk", "amber": "at-risk", "offtrack": "off-track", "red": "off-track",
    "done": "complete", "completed": "complete", "finished": "complete",
}
MAX_NOTE = 1000
NEEDS_REASON = ("at-risk", "off-track")


def read_status(word: str) -> str:
    status = STATUS_WORDS.get(word.lower().replace("-", "").replace("_", ""),
                              STATUS_WORDS.get(word.lower()))
    if status is None:
        raise CommandError(f"“{escape(word[:30])}” is not a status. Use one of: "
                           f"{', '.join(STATUSES)}.")
    return status


def check_may_change(ctx: Context, action: Action) -> None:
    """Only someone linked to the action's owner, or an admin, may change it."""
    if ctx.caller.is_admin:
        return
    mine = {o.id for o in ctx.caller_owners()}
    if not mine & {o.id for o in action.owners}:
        owners = " / ".join(o.name for o in action.owners)
        raise CommandError(f"Only people linked to {escape(owners)}, or an admin, can change "
                           f"{action.ref}. If that's you, ask an admin to link you.")


def change_status(ctx: Context, action: Action, status: str, note: str,
                  evidence: str = "") -> str:
    """Record the change; a completed annual action comes round again next year."""
    check_may_change(ctx, action)
    if len(note) > MAX_NOTE:
        raise CommandError(f"Keep the note under {MAX_NOTE} characters; link to a document "
                           f"for more.")
    if status in NEEDS_REASON and not note.strip():
        raise CommandError(f"Say why {action.ref} is {status}: "
                           f"`/lscb update {action.ref} {status} REASON`.")
    refuse_personal_data(f"{note}\n{evidence}")
    was = action.status
    ctx.repo.record_status(action, status, ctx.caller.user_id, note, ctx.now, evidence)
    message = f"*{action.ref}* is now {STATUS_BADGES[status]} (was {STATUS_BADGES[was]})."
    if status == "complete":
        for milestone in action.milestones:
            milestone.done = milestone.done or milestone.due_date <= ctx.today
        message += _roll_annual(ctx, action)
    return message


def _roll_annual(ctx: Context, action: Action) -> str:
    if action.due_kind != "annual" or action.due_date is None:
        return ""
    following = next_annual_due(action.due_date)
    if following > ctx.repo.plan.ends:
        return " That was its last year in this plan."
    ctx.repo.move_due_date(action, following, ctx.caller.user_id, ctx.now)
    ctx.repo.record_status(action, "not-started", "lscb", f"annual: next due {day(following)}",
                           ctx.now)
    return f" It is annual, so it is due again on {day(following)}."


@subcommand("update REF STATUS [note]", changes_plan=True)
def update(ctx: Context, args: str) -> Reply:
    """set an action's status: not-started, on-track, at-risk, off-track or complete"""
    words = args.split(maxsplit=2)
    if len(words) < 2:
        raise CommandError("Say which action and its new status, e.g. "
                           "`/lscb update 2.3 at-risk waiting for two agencies' returns`.")
    action = find_action(ctx, words[0])
    status = read_status(words[1])
    return simple(change_status(ctx, action, status, words[2] if len(words) > 2 else ""))


@subcommand("done REF [note]", changes_plan=True)
def done(ctx: Context, args: str) -> Reply:
    """mark an action complete (short for `update REF complete`)"""
    words = args.split(maxsplit=1)
    action = find_action(ctx, args)
    return simple(change_status(ctx, action, "complete", words[1] if len(words) > 1 else ""))
