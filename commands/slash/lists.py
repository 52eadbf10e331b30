"""`/lscb` subcommands that read the plan: mine, overdue, due, owners, themes, one action."""

from __future__ import annotations

from datetime import date, timedelta

from commands import detail, listing
from commands.context import CommandError, Context
from commands.links import my_calendar as board_links_of_caller
from commands.page import Command, Page
from commands.pages.detail import action_page, history_page
from commands.pages.links import calendar_page
from commands.pages.listing import (
    due_page,
    my_actions_page,
    overdue_page,
    owner_page,
    owners_page,
    theme_page,
    undated_page,
)
from commands.slash.arguments import Args
from commands.slash.registry import subcommand
from commands.text import whole_number
from storage.periods import Period, PlanPeriod
from storage.typed_dates import read_window


@subcommand("my-actions", aliases=("mine", "my"))
def my_actions(ctx: Context, args: Args) -> Page:
    """your actions through every role and subgroup you are linked to"""
    return my_actions_page(listing.my_actions(ctx))


@subcommand("overdue [OWNER]")
def overdue(ctx: Context, args: Args) -> Page:
    """every overdue action and missed milestone, by owner, oldest first"""
    return overdue_page(listing.overdue(ctx, args.rest()))


@subcommand("undated [OWNER]")
def undated(ctx: Context, args: Args) -> Page:
    """open actions with no date the bot can read, as the plan words them, with their owners"""
    return undated_page(listing.undated(ctx, args.rest()))


def window(text: str, today: date, period: Period | None = None) -> tuple[date, date]:
    """The dates `due` covers: N days/weeks from today, a year, a month, a quarter, a plan
    year (`storage.typed_dates`); without a plan, plan years run April to March."""
    text = " ".join(text.split())
    if not text:
        return today, today + timedelta(days=listing.SOON_DAYS)
    plan = period or PlanPeriod(date(today.year, 4, 1), date(today.year + 1, 3, 31))
    if found := read_window(text, today, plan):
        return found
    raise CommandError(f"I can't read “{text[:60]}” as a window. Try ", Command("due 14 days"),
                       ", ", Command("due 6 weeks"), " or ", Command("due May 2014"), ".")


@subcommand("due [N days | MONTH YEAR]")
def due(ctx: Context, args: Args) -> Page:
    """what falls due in a window (default: the next 30 days)"""
    return due_page(listing.falling_due(ctx, *window(args.rest(), ctx.today, ctx.repo.plan)))


@subcommand("action REF")
def action(ctx: Context, args: Args) -> Page:
    """everything about one action: owner, when, outcome, milestones, updates, challenges"""
    return action_page(detail.action_detail(ctx, args.next_word()), ctx.tz)


@subcommand("history REF")
def history(ctx: Context, args: Args) -> Page:
    """every change to an action: who, when, from what to what, and why"""
    return history_page(detail.history(ctx, args.next_word()), ctx.tz)


@subcommand("owner NAME")
def owner(ctx: Context, args: Args) -> Page:
    """actions of one role or subgroup (any spelling or abbreviation)"""
    return owner_page(listing.owner_actions(ctx, args.rest()))


@subcommand("owners")
def owners(ctx: Context, args: Args) -> Page:
    """every role and subgroup, who is linked to it and its channel"""
    return owners_page(listing.owners(ctx))


@subcommand("theme N", aliases=("priority",))
def theme(ctx: Context, args: Args) -> Page:
    """actions of one theme of the plan (1 to 9 in the sample)"""
    return theme_page(listing.theme_actions(ctx, whole_number(args.rest().rstrip("."))))


@subcommand("calendar", changes_plan=True)
def calendar(ctx: Context, args: Args) -> Page:
    """your own calendar feed and board page links, to subscribe to outside Slack"""
    return calendar_page(board_links_of_caller(ctx))
