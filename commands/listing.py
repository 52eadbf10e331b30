"""Subcommands that list actions: mine, overdue, due, by owner, by theme."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import groupby

from commands.context import CommandError, Context, Reply
from commands.layout import ReplyBuilder
from commands.registry import subcommand
from commands.text import action_line, day, escape, overdue_by, plural, shorten, whole_number
from storage.errors import OwnerNotFound
from storage.models import Owner
from storage.periods import Period, PlanPeriod
from storage.rows import ActionRow, DueItem
from storage.typed_dates import read_window

SOON_DAYS = 30


def item_line(item: DueItem, today: date) -> str:
    """An action or milestone with how its date stands against today."""
    lateness = overdue_by(item.due, today) if item.due < today else f"due {day(item.due)}"
    if item.milestone is None:
        return action_line(item.action, lateness)
    return (f"*{escape(item.action.ref)}* milestone: {escape(shorten(item.milestone.label))} · "
            f"{escape(item.milestone.when_text)} · {lateness}")


def resolve_owner(ctx: Context, name: str) -> Owner:
    try:
        return ctx.repo.resolve_owner(name)
    except OwnerNotFound as error:
        if error.candidates:
            raise CommandError(escape(str(error))) from error
        raise CommandError(f"No owner is called “{escape(name[:80])}”. "
                           f"`/lscb owners` lists them all.") from error


@subcommand("my-actions", aliases=("mine", "my"))
def my_actions(ctx: Context, args: str) -> Reply:
    """your actions through every role and subgroup you are linked to"""
    owners = ctx.caller_owners()
    if not owners:
        return ReplyBuilder().section(
            "You are not linked to any role or subgroup yet, so I can't tell which actions "
            "are yours. Ask an admin (the board's business manager) to run "
            f"`/lscb link <@{escape(ctx.caller.user_id)}> OWNER`, e.g. `... Case Review`."
        ).build()
    actions = ctx.repo.actions(owners)
    builder = ReplyBuilder().header(f"Your actions ({len(actions)})")
    builder.context("As " + escape("; ".join(o.name for o in owners)))
    for title, lines in _my_groups(ctx, owners, actions):
        if lines:
            builder.section(f"*{title}* ({len(lines)})").lines(lines, "/lscb overdue OWNER")
    return builder.build()


def _my_groups(ctx: Context, owners: list[Owner],
               actions: list[ActionRow]) -> list[tuple[str, list[str]]]:
    today, soon = ctx.today, ctx.today + timedelta(days=SOON_DAYS)
    overdue = ctx.repo.overdue(today, owners)
    late = {i.action.id for i in overdue if i.milestone is None}
    open_dated = [a for a in actions if a.status != "complete" and a.due_date and a.id not in late]
    return [
        ("Overdue", [item_line(i, today) for i in overdue]),
        (f"Due in the next {SOON_DAYS} days",
         [action_line(a) for a in open_dated if a.due_date and a.due_date <= soon]),
        ("Later", [action_line(a) for a in open_dated if a.due_date and a.due_date > soon]),
        ("Ongoing", [action_line(a) for a in actions
                     if a.status != "complete" and a.due_date is None]),
        ("Complete", [action_line(a) for a in actions if a.status == "complete"]),
    ]


@subcommand("overdue [OWNER]")
def overdue(ctx: Context, args: str) -> Reply:
    """every overdue action and missed milestone, by owner, oldest first"""
    owners = [resolve_owner(ctx, args)] if args.strip() else None
    items = ctx.repo.overdue(ctx.today, owners)
    scope = f" for {owners[0].name}" if owners else ""
    if not items:
        return ReplyBuilder().section(f"Nothing is overdue{escape(scope)} on "
                                      f"{day(ctx.today)}. 🎉").build()
    builder = ReplyBuilder().header(f"Overdue{scope} on {day(ctx.today)}: "
                                    f"{plural(len(items), 'item')}")
    for owner, owned in _by_owner(items, owners):
        if builder.full:
            builder.leave_out(len(owned), "/lscb overdue OWNER")
            continue
        builder.section(f"*{escape(owner)}*").items(owned, lambda i: item_line(i, ctx.today),
                                                    "/lscb overdue OWNER")
    return builder.build()


def _by_owner(items: list[DueItem], only: list[Owner] | None) -> list[tuple[str, list[DueItem]]]:
    """Group items under each of their owners; groups ordered by their oldest item."""
    pairs = [(o.name, i) for i in items for o in i.action.owners
             if only is None or o.id in {w.id for w in only}]
    pairs.sort(key=lambda p: p[0])
    groups = [(name, [i for _, i in group]) for name, group in groupby(pairs, key=lambda p: p[0])]
    return sorted(groups, key=lambda g: (g[1][0].due, g[0]))


def window(args: str, today: date, period: Period | None = None) -> tuple[date, date]:
    """The dates `due` covers: N days/weeks from today, a year, a month, a quarter, a plan
    year (`storage.typed_dates`); without a plan, plan years run April to March."""
    text = " ".join(args.split())
    if not text:
        return today, today + timedelta(days=SOON_DAYS)
    plan = period or PlanPeriod(date(today.year, 4, 1), date(today.year + 1, 3, 31))
    if found := read_window(text, today, plan):
        return found
    raise CommandError(f"I can't read “{escape(text[:60])}” as a window. Try `/lscb due 14 days`, "
                       f"`/lscb due 6 weeks` or `/lscb due May 2014`.")


@subcommand("due [N days | MONTH YEAR]")
def due(ctx: Context, args: str) -> Reply:
    """what falls due in a window (default: the next 30 days)"""
    first, last = window(args, ctx.today, ctx.repo.plan)
    items = ctx.repo.falling_due(first, last)
    span = f"{day(first)} to {day(last)}"
    if not items:
        return ReplyBuilder().section(f"Nothing falls due from {span}.").build()
    return (ReplyBuilder().header(f"Due from {span}: {plural(len(items), 'item')}")
            .lines([item_line(i, ctx.today) for i in items], "/lscb due 7 days").build())


@subcommand("owner NAME")
def owner(ctx: Context, args: str) -> Reply:
    """actions of one role or subgroup (any spelling or abbreviation)"""
    if not args.strip():
        raise CommandError("Which owner? e.g. `/lscb owner pmqa` or `/lscb owner case review`.")
    found = resolve_owner(ctx, args)
    actions = ctx.repo.actions([found])
    people = ", ".join(f"<@{escape(u)}>" for u in ctx.repo.users_of(found)) or "nobody yet"
    channel = ctx.repo.channel_of(found)
    builder = ReplyBuilder().header(f"{found.name}: {plural(len(actions), 'action')}")
    builder.context(f"{found.kind.title()} · linked: {people} · channel: "
                    f"{f'<#{escape(channel)}>' if channel else 'none'}")
    return builder.lines([action_line(a) for a in actions], "/lscb action REF").build()


@subcommand("theme N")
def theme(ctx: Context, args: str) -> Reply:
    """actions of one theme of the plan (1 to 9 in the sample)"""
    themes = {t.number: t for t in ctx.repo.themes()}
    number = whole_number(args.strip().rstrip("."))
    if number not in themes:
        listed = "; ".join(f"{n} {escape(t.title)}" for n, t in themes.items())
        raise CommandError(f"Which theme? The plan has: {listed}.")
    chosen = themes[number]
    actions = ctx.repo.actions(theme=chosen.number)
    return (ReplyBuilder().header(f"Theme {chosen.number}: {chosen.title}")
            .lines([action_line(a) for a in actions], "/lscb action REF").build())


@subcommand("owners")
def owners(ctx: Context, args: str) -> Reply:
    """every role and subgroup, who is linked to it and its channel"""
    lines = []
    for found in ctx.repo.owners():
        people = len(ctx.repo.users_of(found))
        channel = ctx.repo.channel_of(found)
        lines.append(f"*{escape(found.name)}* ({found.kind}) · {people} linked · "
                     f"{f'<#{escape(channel)}>' if channel else 'no channel'}")
    return ReplyBuilder().header("Owners").lines(lines, "/lscb owner NAME").build()
