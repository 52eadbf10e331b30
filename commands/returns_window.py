"""When a quarter's return is given: in the `RETURN_DAYS` after the quarter ends, by the
return's modal or `/lscb return REF STATUS commentary`. The report for the quarter takes
each action's RAG and commentary from it; an ordinary update after the quarter's end does
not count for the quarter (a report stands as at the quarter's end)."""

from __future__ import annotations

from datetime import date, timedelta

from commands.context import Context
from commands.quarters import Quarter, quarter_of

RETURN_DAYS = 21  # returns are due three weeks after a quarter ends, before the board meets
REMIND_BEFORE_DUE = 7  # owners who have not answered hear a reminder a week before


def due_date(quarter: Quarter) -> date:
    return quarter.last + timedelta(days=RETURN_DAYS)


def return_window(ctx: Context) -> Quarter | None:
    """The quarter whose return is being given today, if today is in its window."""
    ended = quarter_of(ctx.today, ctx.repo.plan.starts).previous(ctx.repo.plan.starts)
    return ended if ended.last < ctx.today <= due_date(ended) else None
