"""`/lscb history REF`: every change to an action, who made it and when."""

from __future__ import annotations

import json

from commands.context import Context, Reply
from commands.detail import find_action
from commands.layout import ReplyBuilder
from commands.registry import subcommand
from commands.text import escape, shorten

VERBS = {"action.status": "status", "action.due": "due date", "action.snooze": "snoozed",
         "challenge.add": "challenge", "challenge.answer": "answer", "due.request":
         "asked to move the date", "due.approved": "approved the move",
         "due.rejected": "rejected the move"}


def describe(verb: str, detail: str) -> str:
    values = json.loads(detail or "{}")
    if verb == "action.status":
        note = f" · {escape(shorten(values.get('note', ''), 200))}" if values.get("note") else ""
        return f"{values.get('from')} → {values.get('to')}{note}"
    if verb in ("action.due", "due.request"):
        reason = f" · {escape(values['reason'])}" if values.get("reason") else ""
        return f"{values.get('from', '')} → {values.get('to')}{reason}".lstrip(" →")
    return escape(", ".join(f"{k}: {v}" for k, v in values.items() if v not in ("", None)))


@subcommand("history REF")
def history(ctx: Context, args: str) -> Reply:
    """every change to an action: who, when, from what to what, and why"""
    action = find_action(ctx, args)
    entries = ctx.repo.history(action.ref)
    lines = [f"{e.at.astimezone(ctx.tz):%d %b %Y %H:%M} <@{escape(e.actor)}> "
             f"{VERBS.get(e.verb, e.verb)}: {describe(e.verb, e.detail)}" for e in entries]
    return (ReplyBuilder().header(f"History of {action.ref}")
            .lines(lines or ["No changes yet."], "lscb audit export FILE").build())
