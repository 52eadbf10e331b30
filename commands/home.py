"""The App Home: a person's own actions and dates; for admins and the chair, the board's view."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from commands.context import Context
from commands.planner import next_dates
from commands.words import OURS, Words
from storage.names import name_key
from storage.rows import ActionRow, DueItem

CHAIR = "chair"


@dataclass(frozen=True)
class BoardView:
    overdue: int
    overdue_by_owner: list[tuple[str, int]]
    unlinked: list[str]
    pending_changes: int | None  # None: not shown (the caller is not an admin)
    undated: int = 0


@dataclass(frozen=True)
class HomeView:
    today: date
    owners: list[str]
    board: BoardView | None
    overdue: list[DueItem] = field(default_factory=list)
    open: list[ActionRow] = field(default_factory=list)
    reporting: list[tuple[str, str, date | None]] = field(default_factory=list)
    undated: int = 0  # the caller's open actions with no date the bot can read
    words: Words = OURS


def home_view(ctx: Context) -> HomeView:
    """What the caller's App Home shows, as at today."""
    owners = ctx.caller_owners()
    board = None
    if ctx.caller.is_admin or any(name_key(o.name) == CHAIR for o in owners):
        board = _board_view(ctx)
    if not owners:
        return HomeView(ctx.today, [], board, words=ctx.words)
    overdue = ctx.repo.overdue(ctx.today, owners)
    late = {i.action.id for i in overdue}
    mine = {o.id for o in owners}
    reporting = [(c.label, c.audience, next(iter(next_dates(ctx, c.rule, 1)), None))
                 for row in ctx.repo.reporting_rows() if mine & {o.id for o in row.owners}
                 for c in row.cadences]
    return HomeView(ctx.today, [o.name for o in owners], board, overdue,
                    [a for a in ctx.repo.actions(owners)
                     if a.status != "complete" and a.id not in late], reporting,
                    ctx.repo.count_undated(owners), ctx.words)


def _board_view(ctx: Context) -> BoardView:
    overdue = ctx.repo.overdue(ctx.today)
    counts: dict[str, int] = {}
    for item in overdue:
        for owner in item.action.owners:
            counts[owner.name] = counts.get(owner.name, 0) + 1
    pending = len(ctx.repo.risks.pending_due_changes()) if ctx.caller.is_admin else None
    return BoardView(len(overdue), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])),
                     [o.name for o in ctx.repo.unlinked_owners()], pending,
                     ctx.repo.count_undated())
