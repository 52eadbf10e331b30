"""Moving a due date ("re-baselining"): with a reason, and an admin's approval."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from commands.context import CommandError, Context, Reply
from commands.detail import find_action
from commands.layout import ReplyBuilder, simple
from commands.progress import check_may_change
from commands.registry import subcommand
from commands.safety import refuse_personal_data
from commands.text import day, escape, whole_number
from storage.models import DueChange
from storage.periods import Period
from storage.typed_dates import leading_date


def read_new_date(text: str, period: Period) -> tuple[date, str]:
    """The date at the start of `text`, read as the plan reads dates, and the words after."""
    found = leading_date(text, period)
    if found is not None:
        return found
    first, _, rest = text.strip().partition(" ")
    try:  # an ISO date outside the years a plan holds: refused below as far from the plan
        return date.fromisoformat(first), rest.strip()
    except ValueError:
        raise CommandError(f"“{escape(first[:20])}” is not a date: use 2015-03-31 or "
                           f"Mar-2015.") from None


@subcommand("move REF DATE REASON", changes_plan=True)
def move(ctx: Context, args: str) -> Reply:
    """change an action's due date, with a reason; waits for an admin unless you are one"""
    words = args.split(maxsplit=1)
    if len(args.split()) < 3:
        raise CommandError("Say which action, the new date and why, e.g. "
                           "`/lscb move 2.5 2015-06-30 survey supplier delayed`.")
    action = find_action(ctx, words[0])
    check_may_change(ctx, action)
    if action.due_kind not in ("date", "annual"):
        raise CommandError(f"{action.ref} has no fixed date (“{escape(action.when_text)}”).")
    new_date, why = read_new_date(words[1], ctx.repo.plan)
    if not why:
        raise CommandError("Say why the date moves, e.g. "
                           "`/lscb move 2.5 September 2015 survey supplier delayed`.")
    reason = refuse_personal_data(why)
    plan = ctx.repo.plan
    earliest, latest = plan.starts - relativedelta(years=1), plan.ends + relativedelta(years=5)
    if not earliest <= new_date <= latest:
        raise CommandError(f"{day(new_date)} is far outside this plan ({day(plan.starts)} to "
                           f"{day(plan.ends)}); choose a date between {day(earliest)} and "
                           f"{day(latest)}.")
    change = ctx.repo.risks.request_due_change(action, new_date, reason, ctx.caller.user_id,
                                               ctx.now)
    if ctx.caller.is_admin:
        ctx.repo.risks.decide(change, True, ctx.caller.user_id, ctx.now)
        original = action.baseline_due_date or change.from_date
        return simple(f"*{action.ref}* is now due {day(new_date)}"
                      + (f" (originally {day(original)})." if original else "."))
    return simple(f"Request #{change.id}: move *{action.ref}* from "
                  f"{day(change.from_date) if change.from_date else 'no date'} to "
                  f"{day(new_date)}. It waits for an admin's approval.")


def change_line(change: DueChange) -> str:
    was = day(change.from_date) if change.from_date else "no date"
    return (f"*#{change.id}* *{escape(change.action.ref)}* {was} → {day(change.to_date)} · "
            f"<@{escape(change.requested_by)}>: {escape(change.reason)}")


@subcommand("approvals", admin_only=True)
def approvals(ctx: Context, args: str) -> Reply:
    """due-date changes waiting for approval (admins)"""
    pending = ctx.repo.risks.pending_due_changes()
    if not pending:
        return simple("No due-date changes are waiting.")
    return (ReplyBuilder().header(f"Waiting for approval: {len(pending)}")
            .lines([change_line(c) for c in pending]).context(
                "`/lscb approve N` or `/lscb reject N`").build())


def _decide(ctx: Context, args: str, approved: bool) -> Reply:
    number = args.strip().lstrip("#").split(" ")[0]
    found = whole_number(number)
    change = ctx.repo.risks.due_change(found) if found is not None else None
    if change is None or change.status != "pending":
        raise CommandError(f"There is no waiting request #{escape(number[:10])}; "
                           f"`/lscb approvals` lists them.")
    ctx.repo.risks.decide(change, approved, ctx.caller.user_id, ctx.now)
    verdict = "approved: it is now due" if approved else "rejected: it stays due"
    shown = change.to_date if approved else change.from_date
    return simple(f"Request #{change.id} for *{change.action.ref}* {verdict} "
                  f"{day(shown) if shown else 'as before'}.")


@subcommand("approve N", admin_only=True, changes_plan=True)
def approve(ctx: Context, args: str) -> Reply:
    """approve a due-date change (admins)"""
    return _decide(ctx, args, True)


@subcommand("reject N", admin_only=True, changes_plan=True)
def reject(ctx: Context, args: str) -> Reply:
    """reject a due-date change (admins)"""
    return _decide(ctx, args, False)
