"""The App Home: a person's own actions and dates; for admins and the chair, the board's view."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from commands.calendar import reporting_days
from commands.context import Context
from commands.layout import ReplyBuilder
from commands.listing import item_line
from commands.planner import LOOKAHEAD_DAYS
from commands.text import action_line, day, escape, plural
from storage.names import name_key

MAX_HOME_BLOCKS = 100
CHAIR = "chair"


def home_view(ctx: Context) -> dict[str, Any]:
    """The Home tab's view, rebuilt whenever it is opened; never over 100 blocks."""
    owners = ctx.caller_owners()
    builder = ReplyBuilder(max_blocks=MAX_HOME_BLOCKS)
    if ctx.caller.is_admin or any(name_key(o.name) == CHAIR for o in owners):
        _board_view(ctx, builder)
    builder.header("Your actions")
    if not owners:
        builder.section("You are not linked to a role or subgroup yet. Ask the board's "
                        "business manager to `/lscb link` you.")
    else:
        _own_actions(ctx, owners, builder)
        _reporting_dates(ctx, owners, builder)
    builder.context(f"As at {day(ctx.today)} · `/lscb help` for every command")
    return {"type": "home", "blocks": builder.build().blocks}


def _own_actions(ctx: Context, owners: list[Any], builder: ReplyBuilder) -> None:
    builder.context("As " + escape("; ".join(o.name for o in owners)))
    overdue = ctx.repo.overdue(ctx.today, owners)
    late = {i.action.id for i in overdue}
    rest = [a for a in ctx.repo.actions(owners) if a.status != "complete" and a.id not in late]
    builder.lines([f"*Overdue ({len(overdue)})*"] + [item_line(i, ctx.today) for i in overdue]
                  if overdue else ["Nothing of yours is overdue."], "/lscb my-actions")
    if rest:
        builder.lines([f"*Open ({len(rest)})*"] + [action_line(a) for a in rest],
                      "/lscb my-actions")


def _reporting_dates(ctx: Context, owners: list[Any], builder: ReplyBuilder) -> None:
    mine = {o.id for o in owners}
    horizon = ctx.today + timedelta(days=LOOKAHEAD_DAYS)
    lines = []
    for row in ctx.repo.reporting_rows():
        if mine & {o.id for o in row.owners}:
            for cadence in row.cadences:
                upcoming = reporting_days(cadence.rule, ctx.repo.plan.starts, ctx.today,
                                          horizon)[:1]
                when = day(upcoming[0][1]) if upcoming else "no further date"
                lines.append(f"{escape(cadence.label)} → {escape(cadence.audience)}: {when}")
    if lines:
        builder.header("Your next reporting dates").lines(lines, "/lscb schedule")


def _board_view(ctx: Context, builder: ReplyBuilder) -> None:
    overdue = ctx.repo.overdue(ctx.today)
    counts: dict[str, int] = {}
    for item in overdue:
        for owner in item.action.owners:
            counts[owner.name] = counts.get(owner.name, 0) + 1
    builder.header(f"Overdue across the plan: {plural(len(overdue), 'item')}")
    builder.lines([f"*{escape(name)}*: {count}" for name, count in
                   sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))] or ["Nothing."],
                  "/lscb overdue")
    unlinked = ctx.repo.unlinked_owners()
    builder.lines([f"*Owners nobody is linked to ({len(unlinked)})*",
                   escape(", ".join(o.name for o in unlinked)) or "None."])
    if ctx.caller.is_admin:
        pending = ctx.repo.risks.pending_due_changes()
        if pending:
            builder.section(f"*{plural(len(pending), 'due-date change')} waiting for "
                            f"approval*: `/lscb approvals`")
    builder.divider()
