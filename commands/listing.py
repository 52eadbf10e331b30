"""What lists of actions answer: mine, overdue, due in a window, by owner, by theme."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import groupby

from commands.context import CommandError, Context
from commands.lookup import resolve_owner
from commands.page import Command
from commands.words import OURS, Words
from storage.duedates import DueKind
from storage.models import Owner
from storage.rows import ActionRow, DueItem, Undated

SOON_DAYS = 30


@dataclass(frozen=True)
class OwnerItems:
    owner: str
    items: list[DueItem]


@dataclass(frozen=True)
class Overdue:
    """Every overdue action and missed milestone, under each of its owners."""

    today: date
    scope: str | None
    count: int
    groups: list[OwnerItems]
    undated: int = 0  # open actions in scope whose date the bot cannot read: never "nothing"


@dataclass(frozen=True)
class MyActions:
    user_id: str
    owners: list[str]
    today: date
    total: int = 0
    overdue: list[DueItem] = field(default_factory=list)
    soon: list[ActionRow] = field(default_factory=list)
    later: list[ActionRow] = field(default_factory=list)
    ongoing: list[ActionRow] = field(default_factory=list)
    complete: list[ActionRow] = field(default_factory=list)
    undated: list[ActionRow] = field(default_factory=list)
    words: Words = OURS


@dataclass(frozen=True)
class UndatedActions:
    """Open actions whose *when* the bot cannot read, so none of them is ever called overdue."""

    scope: str | None
    items: list[Undated]


@dataclass(frozen=True)
class DueWindow:
    first: date
    last: date
    today: date
    items: list[DueItem]


@dataclass(frozen=True)
class OwnerActions:
    name: str
    kind: str
    people: list[str]
    channel: str | None
    actions: list[ActionRow]
    members: list[str] = field(default_factory=list)  # a group's, each an owner itself


@dataclass(frozen=True)
class ThemeActions:
    number: int
    title: str
    actions: list[ActionRow]
    label: str = ""  # what the plan calls it, where not its number ("Priority 1a")
    words: Words = OURS


@dataclass(frozen=True)
class OwnerSummary:
    name: str
    kind: str
    people: int
    channel: str | None


def my_actions(ctx: Context) -> MyActions:
    """The caller's actions through every role and subgroup they speak for."""
    owners = ctx.caller_owners()
    names = [o.name for o in owners]
    if not owners:
        return MyActions(ctx.caller.user_id, names, ctx.today, words=ctx.words)
    actions = ctx.repo.actions(owners)
    today, soon = ctx.today, ctx.today + timedelta(days=SOON_DAYS)
    overdue = ctx.repo.overdue(today, owners)
    late = {i.action.id for i in overdue if i.milestone is None}
    open_dated = [a for a in actions if a.status != "complete" and a.due_date and a.id not in late]
    return MyActions(
        ctx.caller.user_id, names, today, len(actions), overdue,
        soon=[a for a in open_dated if a.due_date and a.due_date <= soon],
        later=[a for a in open_dated if a.due_date and a.due_date > soon],
        ongoing=[a for a in actions if a.status != "complete" and a.due_date is None
                 and not unread(a)],
        complete=[a for a in actions if a.status == "complete"],
        undated=[a for a in actions if a.status != "complete" and unread(a)], words=ctx.words)


def unread(action: ActionRow) -> bool:
    """Whether the bot could not read the action's *when* as a date (kept as written)."""
    return action.due_kind == DueKind.UNPARSED.value


def overdue(ctx: Context, owner: str = "") -> Overdue:
    """Every overdue action and missed milestone, by owner, oldest group first."""
    only = [resolve_owner(ctx, owner)] if owner.strip() else None
    items = ctx.repo.overdue(ctx.today, only)
    return Overdue(ctx.today, only[0].name if only else None, len(items), _by_owner(items, only),
                   ctx.repo.count_undated(only))


def undated(ctx: Context, owner: str = "") -> UndatedActions:
    """Every open action (of one owner, if named) with no date the bot can read."""
    only = [resolve_owner(ctx, owner)] if owner.strip() else None
    return UndatedActions(only[0].name if only else None, ctx.repo.undated(only))


def _by_owner(items: list[DueItem], only: list[Owner] | None) -> list[OwnerItems]:
    """Group items under each of their owners; groups ordered by their oldest item."""
    wanted = {o.id for o in only} if only else None
    pairs = [(o.name, i) for i in items for o in i.action.owners
             if wanted is None or o.id in wanted]
    pairs.sort(key=lambda p: p[0])
    groups = [OwnerItems(name, [i for _, i in group])
              for name, group in groupby(pairs, key=lambda p: p[0])]
    return sorted(groups, key=lambda g: (g.items[0].due, g.owner))


def falling_due(ctx: Context, first: date, last: date) -> DueWindow:
    """Open actions and milestones due from `first` to `last`."""
    if last < first:
        raise CommandError("The window ends before it starts.")
    return DueWindow(first, last, ctx.today, ctx.repo.falling_due(first, last))


def owner_actions(ctx: Context, name: str) -> OwnerActions:
    """One role's or subgroup's actions, who is linked to it and its channel."""
    if not name.strip():
        raise CommandError("Which owner? e.g. ", Command("owner pmqa"), " or ",
                           Command("owner case review"), ".")
    found = resolve_owner(ctx, name)
    return OwnerActions(found.name, found.kind, ctx.repo.users_of(found),
                        ctx.repo.channel_of(found), ctx.repo.actions([found]),
                        [m.name for m in found.members])


def theme_actions(ctx: Context, number: int | None) -> ThemeActions:
    """The actions of one theme of the plan."""
    themes = {t.number: t for t in ctx.repo.themes()}
    if number not in themes:
        listed = "; ".join(f"{n} {t.title}" + (f" ({t.label})" if t.label else "")
                           for n, t in themes.items())
        raise CommandError(ctx.words.said("Which theme? The plan has: ") + f"{listed}.")
    chosen = themes[number]
    return ThemeActions(chosen.number, chosen.title, ctx.repo.actions(theme=chosen.number),
                        chosen.label, ctx.words)


def owners(ctx: Context) -> list[OwnerSummary]:
    """Every role and subgroup, how many people are linked to it, and its channel."""
    return [OwnerSummary(o.name, o.kind, len(ctx.repo.users_of(o)), ctx.repo.channel_of(o))
            for o in ctx.repo.owners()]

