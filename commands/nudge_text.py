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


def admin_notice(title: str, lines: list[str]) -> Message:
    """For admins: nudges nobody will hear, or that were missed while the bot was down."""
    return _finish(ReplyBuilder().header(title).lines(lines, "lscb nudges preview"))
