"""The board page's views: what a partner who is not in Slack reads, decided once.

Each view is built from the services every surface shares (listing, detail, planner),
narrowed to one owner when the link is an owner's; `commands.render_html` renders them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from commands import detail, listing, planner
from commands.context import CommandError, Context
from commands.listing import SOON_DAYS
from commands.lookup import find_action
from commands.planner import PlannerRow
from storage.models import Owner
from storage.rows import ActionRow, DueItem, OwnerRef


@dataclass
class ThemeCounts:
    """A theme and how many of its live actions stand at each status."""

    number: int
    title: str
    by_status: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


class OutOfScope(Exception):
    """What was asked for is not in the plan, or not in the part this link opens."""


@dataclass(frozen=True)
class OwnerOverdue:
    owner: OwnerRef
    items: list[DueItem]

    @property
    def oldest(self) -> DueItem:
        return self.items[0]


@dataclass(frozen=True)
class Front:
    title: str
    board: str
    today: date
    scope: str | None
    themes: list[ThemeCounts]
    overdue: list[OwnerOverdue]
    overdue_count: int
    due: list[DueItem]
    due_until: date
    planner: list[PlannerRow]


@dataclass(frozen=True)
class ActionList:
    """A theme's actions or an owner's, with what of them is overdue."""

    heading: str
    today: date
    scope: str | None
    actions: list[ActionRow]
    overdue: list[DueItem]


@dataclass(frozen=True)
class ReturnLine:
    """An owner's quarterly return: the RAG and commentary for the quarter ending `period_end`."""

    period_end: date
    status: str
    commentary: str


@dataclass(frozen=True)
class ActionView:
    today: date
    scope: str | None
    status: str
    action: detail.ActionDetail
    history: detail.History
    returns: list[ReturnLine] = field(default_factory=list)


def _owners(scope: Owner | None) -> list[Owner] | None:
    return [scope] if scope is not None else None


def front(ctx: Context, scope: Owner | None) -> Front:
    """The plan by theme with its RAG counts, overdue by owner (oldest first), what falls
    due in the next 30 days, and the reporting schedule."""
    today, plan = ctx.today, ctx.repo.plan
    late = listing.overdue(ctx, scope.name if scope else "")
    overdue = [OwnerOverdue(_owner_named(g.owner, g.items), g.items) for g in late.groups]
    until = today + timedelta(days=SOON_DAYS)
    rows = planner.planner(ctx)
    if scope is not None:
        rows = [r for r in rows if scope.name in r.by]
    return Front(plan.title, plan.board, today, scope.name if scope else None,
                 theme_counts(ctx, scope), overdue, late.count,
                 ctx.repo.falling_due(today, until, _owners(scope)), until, rows)


def theme_counts(ctx: Context, scope: Owner | None) -> list[ThemeCounts]:
    """Each theme (with any of the scope's actions) and its actions counted by status."""
    themes: dict[int, ThemeCounts] = {}
    for number, title, status, count in ctx.repo.status_counts(_owners(scope)):
        themes.setdefault(number, ThemeCounts(number, title)).by_status[status] = count
    return list(themes.values())


def _owner_named(name: str, items: list[DueItem]) -> OwnerRef:
    return next(o for o in items[0].action.owners if o.name == name)


def theme(ctx: Context, scope: Owner | None, number: int) -> ActionList:
    """One theme's actions (the owner's only, for an owner's link)."""
    found = next((t for t in ctx.repo.themes() if t.number == number), None)
    if found is None:
        raise OutOfScope(f"theme {number}")
    actions = ctx.repo.actions(_owners(scope), theme=number)
    if scope is not None and not actions:
        raise OutOfScope(f"theme {number}")
    ids = {a.id for a in actions}
    overdue = [i for i in ctx.repo.overdue(ctx.today, _owners(scope)) if i.action.id in ids]
    return ActionList(f"Theme {found.number}: {found.title}", ctx.today,
                      scope.name if scope else None, actions, overdue)


def owner(ctx: Context, scope: Owner | None, owner_id: int) -> ActionList:
    """One owner's actions and what of them is overdue, oldest first."""
    found = ctx.repo.owner_by_id(owner_id)
    if found is None or (scope is not None and found.id != scope.id):
        raise OutOfScope(f"owner {owner_id}")
    return ActionList(found.name, ctx.today, scope.name if scope else None,
                      ctx.repo.actions([found]), ctx.repo.overdue(ctx.today, [found]))


def action(ctx: Context, scope: Owner | None, ref: str) -> ActionView:
    """One action with its milestones, updates and commentary, quarterly returns,
    challenges and history."""
    try:
        found = find_action(ctx, ref)
    except CommandError as error:
        raise OutOfScope(f"action {ref[:20]}") from error
    if scope is not None and scope.id not in {o.id for o in found.owners}:
        raise OutOfScope(f"action {ref[:20]}")
    returns = [ReturnLine(r.period_end, r.status, r.commentary)
               for r in ctx.repo.returns.of_action(found.id)]
    return ActionView(ctx.today, scope.name if scope else None, found.status,
                      detail.action_detail(ctx, found.ref), detail.history(ctx, found.ref),
                      returns)
