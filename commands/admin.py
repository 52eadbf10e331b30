"""Admin-only subcommands: linking people and channels to roles and subgroups."""

from __future__ import annotations

import re

from commands.context import CommandError, Context, Reply
from commands.layout import simple
from commands.listing import resolve_owner
from commands.registry import subcommand
from commands.text import escape

_USER = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$|^([UW][A-Z0-9]{2,})$")
_CHANNEL = re.compile(r"^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$|^([CG][A-Z0-9]{2,})$")


def _split_target(args: str, pattern: re.Pattern[str], example: str) -> tuple[str, str]:
    words = args.split(maxsplit=1)
    match = pattern.match(words[0]) if words else None
    if not match or len(words) < 2:
        raise CommandError(f"Usage: `/lscb {example}`")
    return match[1] or match[2], words[1]


@subcommand("link @user OWNER", admin_only=True, changes_plan=True)
def link(ctx: Context, args: str) -> Reply:
    """link a person to a role or subgroup (admins)"""
    user, name = _split_target(args, _USER, "link @user OWNER`, e.g. `/lscb link @sam pmqa")
    owner = resolve_owner(ctx, name)
    if not ctx.repo.link_user(user, owner, ctx.caller.user_id, ctx.now):
        return simple(f"<@{user}> was already linked to {escape(owner.name)}.")
    return simple(f"<@{user}> is now linked to {escape(owner.name)}.")


@subcommand("unlink @user OWNER", admin_only=True, changes_plan=True)
def unlink(ctx: Context, args: str) -> Reply:
    """unlink a person from a role or subgroup (admins)"""
    user, name = _split_target(args, _USER, "unlink @user OWNER")
    owner = resolve_owner(ctx, name)
    if not ctx.repo.unlink_user(user, owner, ctx.caller.user_id, ctx.now):
        return simple(f"<@{user}> was not linked to {escape(owner.name)}.")
    return simple(f"<@{user}> is no longer linked to {escape(owner.name)}.")


@subcommand("channel #channel OWNER", admin_only=True, changes_plan=True)
def channel(ctx: Context, args: str) -> Reply:
    """send a subgroup's nudges and reminders to a channel (admins)"""
    channel_id, name = _split_target(args, _CHANNEL, "channel #channel OWNER")
    owner = resolve_owner(ctx, name)
    ctx.repo.link_channel(channel_id, owner, ctx.caller.user_id, ctx.now)
    return simple(f"{escape(owner.name)} will hear its nudges and reminders in "
                  f"<#{channel_id}>.")
