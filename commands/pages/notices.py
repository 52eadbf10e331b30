"""What the admins are told: nudges nobody will hear or that were missed, what Slack would
not take and how to fix it, and that sending has resumed. One place for every cause."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from commands.page import Bold, ChannelRef, Code, Command, Line, Page, line
from commands.text import day, plural

INVITE = line("type ", Code("/invite @lscb"), " in the channel")
RELINK = line("link another with ", Command("channel #channel OWNER"))
REINSTALL = line("reinstall the app from manifest.yml and set SLACK_BOT_TOKEN to its new token")
A_FAULT = line("a fault in the bot: please report it; these will not be sent")
CAUSES: dict[str, tuple[str, Line]] = {
    "not_in_channel": ("The bot is not in the channel", INVITE),
    "channel_not_found": ("The bot cannot see the channel",
                          line("if it is private, ", INVITE, "; if it was deleted, ", RELINK)),
    "is_archived": ("The channel is archived", line("unarchive it, or ", RELINK)),
    "missing_scope": ("The app lacks a permission it needs", REINSTALL),
    "token": ("Slack refuses the bot's token", REINSTALL),
    "msg_blocks_too_long": ("Slack refused the message as too long", A_FAULT),
    "invalid_blocks": ("Slack refused the message as malformed", A_FAULT),
    "user_not_found": ("Slack knows no such user", line("check the IDs in LSCB_ADMINS")),
    "unreachable": ("Slack did not answer",
                    line("nothing to do: the bot checks again before it sends anything there")),
    "mail_refused": ("The mail server refused the address",
                     line("check it with the owner and give the right one with ",
                          Command("email OWNER ADDRESS"), "; these will not be sent again")),
    "mail_rejected": ("The mail server refused the message",
                      line("its reply is in the ledger; these will not be sent again")),
    "mail_outcome_unknown": ("The mail server may or may not have taken them (its reply "
                             "was lost)", line("ask the owner whether they arrived: the "
                                               "bot never emails the same nudge twice")),
    "mail_not_set_up": ("Email is not set up",
                        line("set LSCB_SMTP_URL and LSCB_MAIL_FROM, or remove the address "
                             "with ", Command("email OWNER none"))),
}
"""Slack's error (``token`` for any refusal of the token), or the mail server's refusal
(bot.mail) -> what is wrong, and what fixes it."""


def cause_text(cause: str) -> tuple[str, Line]:
    """What is wrong and what fixes it, for a Slack error a nudge failed with."""
    return CAUSES.get(cause, (f"Slack refused them ({cause})",
                              line("check the channel; the bot will not try these again")))


def channel_problem(channel_id: str, cause: str) -> Line:
    """One sentence for the admin linking a channel the bot cannot use yet."""
    what, fix = cause_text(cause)
    return line(f"{what} (", ChannelRef(channel_id), "): ", fix, ".")


def admin_notice(title: str, lines: Sequence[Line]) -> Page:
    """Nudges nobody will hear, or that were missed while the bot was down."""
    return Page().heading(title).lines(list(lines), "lscb nudges preview")


def failure_notice(groups: Sequence[tuple[str, Sequence[Line]]], grace_days: int,
                   by_email: bool = False) -> Page:
    """The nudges Slack (or, `by_email`, the mail server) refused this cycle, by cause,
    each with its fix."""
    lines: list[Line] = []
    for cause, items in groups:
        what, fix = cause_text(cause)
        lines.append(line(Bold(what), f" ({plural(len(items), 'nudge')}): ", fix, "."))
        lines += [line("• ", item) for item in items]
    if by_email:
        return Page().heading("Emails that were not delivered").lines(lines)
    return (Page().heading("Nudges Slack would not take")
            .note(f"Once the channel is fixed they go out by themselves, if they are less "
                  f"than {plural(grace_days, 'day')} late.")
            .lines(lines))


def resumed_notice(reasons: Sequence[str], since: date, today: date) -> Page:
    """After a reinstall: sending stopped, and what happens to what was owed."""
    why = " and ".join(dict.fromkeys(reasons))
    return Page().heading("Nudges are going out again").paragraph(
        "Slack stopped taking the bot's messages on ", Bold(day(since)), f" ({why}); it took "
        "them again on ", Bold(day(today)), ". What was owed in between goes out now; anything "
        "older than the grace window is listed as missed.")
