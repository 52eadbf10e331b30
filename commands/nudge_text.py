"""What each nudge says: readable as plain text, and as Block Kit."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from commands.buttons import action_buttons, pick_button
from commands.layout import MAX_BLOCKS, ReplyBuilder
from commands.text import action_line, day, escape, overdue_by, plural, shorten, status, when
from storage.models import Cadence, ReportingRow
from storage.rows import ActionLike, DueItem, OwnerLike

Message = tuple[str, list[dict[str, Any]]]
ItemBuilder = Callable[[DueItem, Sequence[OwnerLike], date], Message]
MAX_LISTED = 15
MAX_NUDGE_BLOCKS = 8  # a reporting nudge's own blocks, leaving room for a report it carries


def _names(owners: Sequence[OwnerLike]) -> str:
    return escape(" / ".join(o.name for o in owners))


def _finish(builder: ReplyBuilder, buttons: dict[str, Any] | None = None) -> Message:
    reply = builder.build()
    return reply.text, reply.blocks + ([buttons] if buttons else [])


def _builder() -> ReplyBuilder:
    """Room is kept for the buttons block."""
    return ReplyBuilder(max_blocks=MAX_BLOCKS - 1)


def reporting(row: ReportingRow, cadence: Cadence, owners: Sequence[OwnerLike],
              actions: Sequence[ActionLike],
              sent_on: date) -> Message:
    """Who reports what to whom by when, with the reporters' open actions."""
    builder = ReplyBuilder(max_blocks=MAX_NUDGE_BLOCKS - 1).header(
        f"📅 Reporting due: {cadence.label}")
    builder.section(f"*{_names(owners)}* reports *{escape(row.what)}* to "
                    f"*{escape(cadence.audience or 'the LSCB')}* this month "
                    f"({sent_on:%B %Y}).\nPlanner: {escape(row.when_text)}")
    if row.tells:
        builder.section(f"*What the report tells the board:* {escape(shorten(row.tells, 600))}")
    open_actions = [a for a in actions if a.status != "complete"]
    if open_actions:
        builder.lines([f"*Open actions ({len(open_actions)})*"]
                      + [action_line(a) for a in open_actions[:MAX_LISTED]])
        if len(open_actions) > MAX_LISTED:
            builder.context(f"… and {len(open_actions) - MAX_LISTED} more: "
                            f"`/lscb owner {escape(owners[0].name)}`")
    return _finish(builder, pick_button([a.ref for a in open_actions]) if open_actions else None)


def _item_title(item: DueItem) -> str:
    if item.milestone is None:
        return f"Action {item.action.ref}"
    return f"Action {item.action.ref} milestone “{shorten(item.milestone.label, 60)}”"


def _item_body(item: DueItem, owners: Sequence[OwnerLike]) -> str:
    return "\n".join([
        escape(shorten(item.action.text, 400)),
        f"*Owner:* {_names(owners)} · *When:* {when(item.action)} · "
        f"*Status:* {status(item.action)}",
    ])


def due_soon(item: DueItem, owners: Sequence[OwnerLike], sent_on: date) -> Message:
    days = (item.due - sent_on).days
    builder = _builder().header(f"⏰ {_item_title(item)} is due in {plural(days, 'day')}")
    builder.section(f"Due *{day(item.due)}*.\n{_item_body(item, owners)}")
    builder.context(f"`/lscb action {item.action.ref}` for the detail; "
                    f"`/lscb update {item.action.ref} STATUS note` to report progress.")
    return _finish(builder, action_buttons(item.action.ref))


def overdue(item: DueItem, owners: Sequence[OwnerLike], sent_on: date) -> Message:
    builder = _builder().header(f"🔴 {_item_title(item)} is overdue")
    builder.section(f"It was due *{day(item.due)}*.\n{_item_body(item, owners)}")
    builder.context(f"`/lscb done {item.action.ref}` if it is finished, or "
                    f"`/lscb update {item.action.ref} off-track reason`.")
    return _finish(builder, action_buttons(item.action.ref))


def digest(items: list[DueItem], sent_on: date) -> Message:
    builder = _builder().header(f"Weekly overdue digest: {plural(len(items), 'item')}")
    lines = []
    for item in items:
        label = (f" milestone: {escape(shorten(item.milestone.label, 60))}"
                 if item.milestone else "")
        lines.append(f"{action_line(item.action, overdue_by(item.due, sent_on))}{label}")
    builder.lines(lines, "/lscb overdue OWNER")
    refs = list(dict.fromkeys(i.action.ref for i in items))
    return _finish(builder, pick_button(refs))


NOTICE_BLOCKS = 5
"""A header, three sections of at most 3,000 characters and the "… and N more" line: well
under the 12,000 characters of block text Slack takes in one message."""
INVITE = "type `/invite @lscb` in the channel"
RELINK = "link another with `/lscb channel #channel OWNER`"
REINSTALL = "reinstall the app from manifest.yml and set SLACK_BOT_TOKEN to its new token"
CAUSES: dict[str, tuple[str, str]] = {
    "not_in_channel": ("The bot is not in the channel", INVITE),
    "channel_not_found": ("The bot cannot see the channel",
                          f"if it is private, {INVITE}; if it was deleted, {RELINK}"),
    "is_archived": ("The channel is archived", f"unarchive it, or {RELINK}"),
    "missing_scope": ("The app lacks a permission it needs", REINSTALL),
    "token": ("Slack refuses the bot's token", REINSTALL),
    "msg_blocks_too_long": ("Slack refused the message as too long",
                            "a fault in the bot: please report it; these will not be sent"),
    "invalid_blocks": ("Slack refused the message as malformed",
                       "a fault in the bot: please report it; these will not be sent"),
    "user_not_found": ("Slack knows no such user", "check the IDs in LSCB_ADMINS"),
    "unreachable": ("Slack did not answer",
                    "nothing to do: the bot checks again before it sends anything there"),
}
"""Slack's error (``token`` for any refusal of the token) -> what is wrong, and what fixes
it: one place for every admin message."""


def cause_text(cause: str) -> tuple[str, str]:
    """What is wrong and what fixes it, for a Slack error a nudge failed with."""
    return CAUSES.get(cause, (f"Slack refused them ({escape(cause)})",
                              "check the channel; the bot will not try these again"))


def channel_problem(channel_id: str, cause: str) -> str:
    """One sentence for the admin linking a channel the bot cannot use yet."""
    what, fix = cause_text(cause)
    return f"{what} (<#{channel_id}>): {fix}."


def admin_notice(title: str, lines: list[str]) -> Message:
    """For admins: nudges nobody will hear, or that were missed while the bot was down."""
    return _finish(ReplyBuilder(max_blocks=NOTICE_BLOCKS).header(title)
                   .lines(lines, "lscb nudges preview"))


def failure_notice(groups: Sequence[tuple[str, Sequence[str]]], grace_days: int) -> Message:
    """For admins: the nudges Slack refused this cycle, by cause, each with its fix."""
    lines: list[str] = []
    for cause, items in groups:
        what, fix = cause_text(cause)
        lines.append(f"*{what}* ({plural(len(items), 'nudge')}): {fix}.")
        lines += [f"• {item}" for item in items]
    return _finish(ReplyBuilder(max_blocks=NOTICE_BLOCKS)
                   .header("Nudges Slack would not take")
                   .context(f"Once the channel is fixed they go out by themselves, if they are "
                            f"less than {plural(grace_days, 'day')} late.")
                   .lines(lines))


def resumed_notice(reasons: Sequence[str], since: date, today: date) -> Message:
    """For admins, after a reinstall: sending stopped, and what happens to what was owed."""
    why = " and ".join(dict.fromkeys(reasons))
    return _finish(ReplyBuilder(max_blocks=NOTICE_BLOCKS)
                   .header("Nudges are going out again")
                   .section(f"Slack stopped taking the bot's messages on *{day(since)}* "
                            f"({escape(why)}); it took them again on *{day(today)}*. What was "
                            f"owed in between goes out now; anything older than the grace "
                            f"window is listed as missed."))
