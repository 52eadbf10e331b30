"""The reporting planner: who reports what to whom, and when next."""

from __future__ import annotations

from datetime import timedelta

from commands.calendar import reporting_days
from commands.context import CommandError, Context, Reply
from commands.layout import ReplyBuilder, simple
from commands.registry import subcommand
from commands.text import day, escape
from storage.planfiles.checking import is_valid_rule

LOOKAHEAD_DAYS = 400


@subcommand("schedule [set KEY RULE]", changes_plan=True)
def schedule(ctx: Context, args: str) -> Reply:
    """the reporting planner and next dates; admins change a cadence with `set`"""
    words = args.split(maxsplit=2)
    if words and words[0].lower() == "set":
        return set_rule(ctx, words[1:])
    rows = ctx.repo.reporting_rows()
    builder = ReplyBuilder().header("Reporting planner")
    horizon = ctx.today + timedelta(days=LOOKAHEAD_DAYS)
    for row in rows:
        by = escape(", ".join(o.name for o in row.owners))
        lines = [f"*{escape(row.what)}* · {by}"]
        for cadence in row.cadences:
            dates = reporting_days(cadence.rule, ctx.repo.plan.starts, ctx.today, horizon)[:2]
            upcoming = ", ".join(day(sent) for _, sent in dates) or "no further dates"
            lines.append(f"   {escape(cadence.label)} → {escape(cadence.audience)} · next: "
                         f"{upcoming} · `{escape(cadence.key)}`")
        builder.lines(["\n".join(lines)])
    builder.context("Dates are the first working day of the month, 09:00 UK time.")
    return builder.build()


def set_rule(ctx: Context, words: list[str]) -> Reply:
    """Change one cadence's recurrence rule; the next nudges follow it."""
    if not ctx.caller.is_admin:
        raise CommandError("Only an admin can change the reporting schedule.")
    if len(words) < 2:
        raise CommandError("Usage: `/lscb schedule set KEY RULE`, e.g. `/lscb schedule set "
                           "scr-updates FREQ=YEARLY;BYMONTH=1,3,5,7,9,11;BYMONTHDAY=1`. "
                           "`/lscb schedule` shows each cadence's key.")
    key, rule = words[0], words[1].strip().removeprefix("RRULE:")
    cadence = ctx.repo.cadence(key)
    if cadence is None:
        raise CommandError(f"There is no cadence `{escape(key[:60])}`; `/lscb schedule` lists "
                           f"them.")
    if not is_valid_rule(rule):
        raise CommandError(f"“{escape(rule[:200])}” is not a recurrence rule a board can "
                           f"report on (at most daily). Example: "
                           f"`FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=1` (quarterly).")
    ctx.repo.set_rule(cadence, rule, ctx.caller.user_id, ctx.now)
    upcoming = reporting_days(rule, ctx.repo.plan.starts, ctx.today,
                              ctx.today + timedelta(days=LOOKAHEAD_DAYS))[:3]
    dates = ", ".join(day(sent) for _, sent in upcoming) or "none within a year"
    return simple(f"`{escape(key)}` now follows `{escape(rule)}`. Next: {dates}.")
