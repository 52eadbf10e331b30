"""The reporting planner: who reports what to whom, and the next dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from commands.calendar import reporting_days
from commands.context import CommandError, Context, require_admin
from commands.page import Code, Command
from storage.planfiles.checking import is_valid_rule

LOOKAHEAD_DAYS = 400
RULE_LIMIT = 300  # the column's width


@dataclass(frozen=True)
class CadenceDates:
    key: str
    label: str
    audience: str
    rule: str
    next: list[date]


@dataclass(frozen=True)
class PlannerRow:
    what: str
    by: list[str]
    cadences: list[CadenceDates]


def next_dates(ctx: Context, rule: str, count: int) -> list[date]:
    """The next `count` days a rule's reports go out (first working day, from today)."""
    horizon = ctx.today + timedelta(days=LOOKAHEAD_DAYS)
    return [sent for _, sent in reporting_days(rule, ctx.repo.plan.starts, ctx.today,
                                               horizon)[:count]]


def planner(ctx: Context) -> list[PlannerRow]:
    """Every row of the reporting planner with its cadences' next two dates."""
    return [PlannerRow(row.what, [o.name for o in row.owners], [
        CadenceDates(c.key, c.label, c.audience, c.rule, next_dates(ctx, c.rule, 2))
        for c in row.cadences]) for row in ctx.repo.reporting_rows()]


def set_cadence_rule(ctx: Context, key: str, rule: str) -> CadenceDates:
    """Change one cadence's recurrence rule (admins); the next nudges follow it."""
    require_admin(ctx, "change the reporting schedule")
    rule = rule.strip().removeprefix("RRULE:")
    if not key or not rule:
        raise CommandError("Usage: ", Command("schedule set KEY RULE"), ", e.g. ",
                           Command("schedule set scr-updates "
                                   "FREQ=YEARLY;BYMONTH=1,3,5,7,9,11;BYMONTHDAY=1"),
                           ". ", Command("schedule"), " shows each cadence's key.")
    if len(rule) > RULE_LIMIT:
        raise CommandError(f"Keep the rule under {RULE_LIMIT} characters.")
    cadence = ctx.repo.cadence(key)
    if cadence is None:
        raise CommandError(f"There is no cadence “{key[:60]}”; ", Command("schedule"),
                           " lists them.")
    if not is_valid_rule(rule):
        raise CommandError(f"“{rule[:200]}” is not a recurrence rule a board can report on "
                           f"(at most daily). Example: ",
                           Code("FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=1"), " (quarterly).")
    ctx.repo.set_rule(cadence, rule, ctx.caller.user_id, ctx.now)
    return CadenceDates(cadence.key, cadence.label, cadence.audience, rule,
                        next_dates(ctx, rule, 3))
