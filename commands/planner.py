"""The reporting planner: who reports what to whom, and when next."""

from __future__ import annotations

from datetime import timedelta

from commands.calendar import reporting_days
from commands.context import Context, Reply
from commands.layout import ReplyBuilder
from commands.registry import subcommand
from commands.text import day, escape

LOOKAHEAD_DAYS = 400


@subcommand("schedule")
def schedule(ctx: Context, args: str) -> Reply:
    """the reporting planner: who reports what to the board, and the next dates"""
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
