"""Moving a due date ("re-baselining"): with a reason, and an admin's approval."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from commands.context import CommandError, Context, require_admin
from commands.lookup import find_action
from commands.page import Command
from commands.progress import check_may_change
from commands.safety import typed_text
from commands.text import day
from storage.duedates import DATED_KINDS
from storage.models import DueChange
from storage.periods import Period
from storage.typed_dates import leading_date


@dataclass(frozen=True)
class MoveRequest:
    number: int
    ref: str
    from_date: date | None
    to_date: date
    by: str
    reason: str
    status: str
    original: date | None = None  # the date the plan first gave, once it has moved


def read_new_date(text: str, period: Period) -> tuple[date, str]:
    """The date at the start of `text`, read as the plan reads dates, and the words after."""
    found = leading_date(text, period)
    if found is not None:
        return found
    first, _, rest = text.strip().partition(" ")
    try:  # an ISO date outside the years a plan holds: refused below as far from the plan
        return date.fromisoformat(first), rest.strip()
    except ValueError:
        raise CommandError(f"“{first[:20]}” is not a date: use 2015-03-31 or "
                           f"Mar-2015.") from None


def _request(change: DueChange) -> MoveRequest:
    action = change.action
    return MoveRequest(change.id, action.ref, change.from_date, change.to_date,
                       change.requested_by, change.reason, change.status,
                       action.baseline_due_date or change.from_date)


def request_move(ctx: Context, ref: str, new_date: date, reason: str) -> MoveRequest:
    """Ask to move an action's due date; an admin's request is approved at once."""
    if not ref or not reason.strip():
        raise CommandError("Say which action, the new date and why, e.g. ",
                           Command("move 2.5 2015-06-30 survey supplier delayed"), ".")
    action = find_action(ctx, ref)
    check_may_change(ctx, action)
    if action.due_kind not in DATED_KINDS:
        raise CommandError(f"{action.ref} has no fixed date (“{action.when_text}”).")
    plan = ctx.repo.plan
    earliest, latest = plan.starts - relativedelta(years=1), plan.ends + relativedelta(years=5)
    if not earliest <= new_date <= latest:
        raise CommandError(f"{day(new_date)} is far outside this plan ({day(plan.starts)} to "
                           f"{day(plan.ends)}); choose a date between {day(earliest)} and "
                           f"{day(latest)}.")
    change = ctx.repo.risks.request_due_change(action, new_date, typed_text(ctx, reason, "reason"),
                                               ctx.caller.user_id, ctx.now)
    if ctx.caller.is_admin:
        ctx.repo.risks.decide(change, True, ctx.caller.user_id, ctx.now)
    return _request(change)


def pending_moves(ctx: Context) -> list[MoveRequest]:
    """Due-date changes waiting for an admin (admins)."""
    require_admin(ctx, "see the due-date changes waiting")
    return [_request(c) for c in ctx.repo.risks.pending_due_changes()]


def decide_move(ctx: Context, number: int | None, approved: bool) -> MoveRequest:
    """Approve or reject a waiting due-date change (admins)."""
    require_admin(ctx, "approve or reject a due-date change")
    change = ctx.repo.risks.due_change(number) if number is not None else None
    if change is None or change.status != "pending":
        raise CommandError(f"There is no waiting request #{number if number is not None else ''}"
                           f"; ", Command("approvals"), " lists them.")
    ctx.repo.risks.decide(change, approved, ctx.caller.user_id, ctx.now)
    return _request(change)
