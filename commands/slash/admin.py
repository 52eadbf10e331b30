"""`/lscb` subcommands for admins: linking people and channels to roles and subgroups."""

from __future__ import annotations

from commands import admin
from commands.context import CommandError, Context
from commands.owner_email import set_email
from commands.page import Command, Page, Spans
from commands.pages.admin import channel_page, email_page, linked_page, unlinked_page, who_page
from commands.slash.arguments import Args
from commands.slash.registry import subcommand

EXAMPLES = {"link": "link @sam pmqa", "unlink": "unlink @sam pmqa",
            "channel": "channel #pmqa pmqa", "who": "who pmqa",
            "email": "email pmqa pmqa@example.org"}
BY_EMAIL = {"link": "link sam.jones@council.gov.uk pmqa",
            "unlink": "unlink sam.jones@council.gov.uk pmqa"}


def _usage(usage: str) -> tuple[Spans, ...]:
    verb = usage.split()[0]
    email: tuple[Spans, ...] = (" or ", Command(BY_EMAIL[verb])) if verb in BY_EMAIL else ()
    return "Usage: ", Command(usage), ", e.g. ", Command(EXAMPLES[verb]), *email


def _owner(args: Args, usage: str) -> str:
    owner = args.rest()
    if not owner:
        raise CommandError(*_usage(usage))
    return owner


@subcommand("link @user OWNER", admin_only=True, changes_plan=True)
def link(ctx: Context, args: Args) -> Page:
    """link a person to a role or subgroup (admins)"""
    usage = "link @user OWNER"
    user = args.person(*_usage(usage))
    return linked_page(admin.link_user(ctx, user, _owner(args, usage)))


@subcommand("unlink @user OWNER", admin_only=True, changes_plan=True)
def unlink(ctx: Context, args: Args) -> Page:
    """unlink a person from a role or subgroup (admins)"""
    usage = "unlink @user OWNER"
    user = args.person(*_usage(usage))
    return unlinked_page(admin.unlink_user(ctx, user, _owner(args, usage)))


@subcommand("channel #channel OWNER", admin_only=True, changes_plan=True)
def channel(ctx: Context, args: Args) -> Page:
    """send a subgroup's nudges and reminders to a channel (admins)"""
    usage = "channel #channel OWNER"
    where = args.channel(*_usage(usage))
    return channel_page(admin.link_channel(ctx, where, _owner(args, usage)))


@subcommand("who OWNER")
def who(ctx: Context, args: Args) -> Page:
    """who is linked to a role or subgroup, and its channel"""
    return who_page(admin.who(ctx, _owner(args, "who OWNER")))


@subcommand("email OWNER ADDRESS [--also]", admin_only=True, changes_plan=True)
def email(ctx: Context, args: Args) -> Page:
    """send an owner's nudges by email; `none` removes the address (admins)"""
    usage = "email OWNER ADDRESS [--also]"
    also = args.flag("--also")
    address = args.last_address()
    if address is None:
        raise CommandError(*_usage(usage), " (", Command("email OWNER none"),
                           " removes it)")
    return email_page(set_email(ctx, _owner(args, usage), address, also))
