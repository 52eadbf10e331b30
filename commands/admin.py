"""Linking people and channels to roles and subgroups (admins)."""

from __future__ import annotations

from dataclasses import dataclass

from commands.context import Context, require_admin
from commands.lookup import resolve_owner
from commands.page import Line
from commands.people import is_email, user_id_of


@dataclass(frozen=True)
class Linked:
    """A person or channel linked to (or unlinked from) an owner; `changed` is False when
    it already was (or was not)."""

    target: str
    owner: str
    changed: bool
    problem: Line = ()  # for a channel: what stops the bot posting there
    checked: bool = True  # whether Slack was asked (not from the console)
    email: str = ""  # for a person named by email address: the address


def link_user(ctx: Context, who: str, owner: str) -> Linked:
    """Link a Slack user (a user id, or their email address) to a role or subgroup."""
    require_admin(ctx, "link people to owners")
    found = resolve_owner(ctx, owner)
    user_id = user_id_of(ctx, who)
    return Linked(user_id, found.name,
                  ctx.repo.link_user(user_id, found, ctx.caller.user_id, ctx.now),
                  email=who if is_email(who) else "")


def unlink_user(ctx: Context, who: str, owner: str) -> Linked:
    """Unlink a Slack user (a user id, or their email address) from a role or subgroup."""
    require_admin(ctx, "unlink people from owners")
    found = resolve_owner(ctx, owner)
    user_id = user_id_of(ctx, who)
    return Linked(user_id, found.name,
                  ctx.repo.unlink_user(user_id, found, ctx.caller.user_id, ctx.now),
                  email=who if is_email(who) else "")


@dataclass(frozen=True)
class Linkees:
    """Who is linked to an owner."""

    owner: str
    user_ids: list[str]
    channel_id: str | None


def who(ctx: Context, owner: str) -> Linkees:
    """The people linked to a role or subgroup, and its channel."""
    found = resolve_owner(ctx, owner)
    return Linkees(found.name, ctx.repo.users_of(found), ctx.repo.channel_of(found))


def link_channel(ctx: Context, channel_id: str, owner: str) -> Linked:
    """Send an owner's nudges and reminders to a channel, and say if the bot cannot post
    there yet (it joins a public channel by itself; a private one needs an invitation)."""
    require_admin(ctx, "give an owner a channel")
    found = resolve_owner(ctx, owner)
    previous = ctx.repo.channel_of(found)
    if previous != channel_id:  # linking it again changes nothing, and audits nothing
        ctx.repo.link_channel(channel_id, found, ctx.caller.user_id, ctx.now)
    problem = ctx.slack.check_channel(channel_id) if ctx.slack else ()
    return Linked(channel_id, found.name, previous != channel_id, problem,
                  checked=ctx.slack is not None)
