"""Who gets which link to the board page and the calendar feeds, and withdrawing them."""

from __future__ import annotations

from dataclasses import dataclass

from commands.context import CommandError, Context, require_admin
from commands.lookup import resolve_owner
from commands.page import Command
from storage import audit, links
from storage.links import LinkKeys
from storage.models import Owner

WHOLE_PLAN = "the whole plan"


@dataclass(frozen=True)
class BoardLinks:
    """One scope's two links: the board page and its calendar feed."""

    who: str
    board: str
    calendar: str


def _keys(ctx: Context) -> LinkKeys:
    if ctx.links is None or not ctx.links.secret:
        raise CommandError("Board links need a key: set LSCB_LINK_SECRET (or "
                           "SLACK_SIGNING_SECRET) where the bot runs.")
    if not ctx.links.public_url:
        raise CommandError("Board links need the address people reach the bot at: set "
                           "LSCB_PUBLIC_URL, e.g. https://lscb-bot.example.org.")
    return ctx.links


def _links_of(ctx: Context, owners: list[Owner | None], rotate: bool) -> list[BoardLinks]:
    keys = _keys(ctx)
    out = []
    for owner in owners:
        token = links.issue(ctx.repo.session, keys, ctx.repo.plan, owner, ctx.caller.user_id,
                            ctx.now, rotate=rotate)
        out.append(BoardLinks(owner.name if owner else WHOLE_PLAN, keys.board_url(token),
                              keys.calendar_url(token)))
    return out


def board_links(ctx: Context, owner: str = "", rotate: bool = False) -> list[BoardLinks]:
    """The whole plan's links and every owner's (or one owner's), issued when first asked
    for; `rotate` replaces them, so the links handed out before answer 404 (admins)."""
    require_admin(ctx, "hand out or withdraw board links")
    chosen: list[Owner | None] = [resolve_owner(ctx, owner)] if owner.strip() \
        else [None, *ctx.repo.owners()]
    found = _links_of(ctx, chosen, rotate)
    if rotate:
        audit.record(ctx.repo.session, ctx.repo.plan.id, ctx.caller.user_id, "links.rotate",
                     owner.strip() or WHOLE_PLAN, ctx.now, links=len(found))
    return found


def my_calendar(ctx: Context) -> list[BoardLinks]:
    """The caller's own links: one per role or subgroup they speak for (and, for an admin,
    the whole plan's)."""
    owners: list[Owner | None] = list(ctx.caller_owners())
    if ctx.caller.is_admin:
        owners.insert(0, None)
    if not owners:
        raise CommandError("You are not linked to any role or subgroup, so there is no "
                           "calendar of yours. Ask an admin to link you: ",
                           Command("link @name OWNER"), ".")
    return _links_of(ctx, owners, rotate=False)
