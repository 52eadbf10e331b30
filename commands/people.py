"""Naming a person to the bot: a Slack mention or user id, or their work email address,
which Slack turns into a user id (users.lookupByEmail), so nobody needs to find an id."""

from __future__ import annotations

import re

from commands.context import CommandError, Context, FoundUser
from commands.page import Code, Command, Line, line
from commands.pages.notices import REINSTALL, cause_text

EMAIL = re.compile(r"^[^@\s<>|]+@[^@\s<>|]+\.[^@\s<>|.]+$")


def is_email(who: str) -> bool:
    return bool(EMAIL.match(who))


def user_id_of(ctx: Context, who: str) -> str:
    """The Slack user id for `who` (an id already, or an email address Slack knows)."""
    if not is_email(who):
        return who
    if ctx.slack is None:
        raise CommandError("Finding someone by email address needs Slack: set SLACK_BOT_TOKEN, "
                           "or give their Slack user ID (", Code("U0123ABCD"), ").")
    found = ctx.slack.find_user(who)
    if found.problem:
        raise CommandError(*lookup_refusal(who, found))
    return found.user_id


def lookup_refusal(email: str, found: FoundUser) -> Line:
    """Why nobody was found for `email`, and what to do instead."""
    if found.problem == "users_not_found":
        return line(f"Nobody in this Slack workspace has the email address {email}. Check the "
                    "spelling, or name them as ", Command("link @name OWNER"), ".")
    if found.problem == "missing_scope":
        return line("The app may not look people up by email address (it needs the "
                    "users:read.email permission): ", REINSTALL, ".")
    if found.problem == "deleted":
        return line(f"The Slack account with the email address {email} is deactivated.")
    if found.problem == "unreachable":  # nothing was asked of Slack: asking again may work
        return line(f"Slack did not answer when asked who has {email}: try again in a "
                    "minute, or name them as ", Command("link @name OWNER"), ".")
    what, fix = cause_text(found.problem)
    return line(f"{what} when asked who has {email}: ", fix, ".")
