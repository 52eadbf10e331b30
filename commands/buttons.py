"""Buttons on nudges and reminders, the *Update status* modal, and what clicks do.

Clicks obey the same rules as commands: `change_status` checks who may change
an action, asks for reasons and refuses personal data, whichever way it is reached.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    ContextBlock,
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    StaticSelectElement,
    UrlInputElement,
)
from slack_sdk.models.views import View

from commands.context import CommandError, Context
from commands.detail import find_action
from commands.progress import change_status
from commands.text import STATUS_BADGES, day, escape, shorten
from storage.models import STATUSES, Action

COMPLETE, UPDATE, SNOOZE, PICK = "lscb_complete", "lscb_update", "lscb_snooze", "lscb_pick"
MODAL = "lscb_update_modal"
SNOOZE_DAYS = 7
MAX_OPTIONS = 100


def action_buttons(ref: str) -> dict[str, Any]:
    """Mark complete, Update status and Snooze a week, for one action."""
    return ActionsBlock(block_id=f"lscb_buttons_{ref}", elements=[
        ButtonElement(text="Mark complete", action_id=COMPLETE, value=ref, style="primary"),
        ButtonElement(text="Update status", action_id=UPDATE, value=ref),
        ButtonElement(text="Snooze a week", action_id=SNOOZE, value=ref),
    ]).to_dict()


def pick_button(refs: list[str]) -> dict[str, Any]:
    """Update status for a message about several actions: the modal lets you pick one."""
    return ActionsBlock(block_id="lscb_buttons", elements=[
        ButtonElement(text="Update status", action_id=PICK, value=",".join(refs)[:2000]),
    ]).to_dict()


def after_click(blocks: list[dict[str, Any]], note: str) -> list[dict[str, Any]]:
    """The message as it is updated in place: the buttons give way to who did what."""
    kept = [b for b in blocks if b.get("type") != "actions"]
    return [*kept, ContextBlock(elements=[MarkdownTextObject(text=note)]).to_dict()]


def update_modal(ctx: Context, refs: list[str], origin: dict[str, str]) -> dict[str, Any]:
    """The *Update status* modal; `origin` (channel, ts) rides in private_metadata."""
    actions = [find_action(ctx, ref) for ref in refs[:MAX_OPTIONS]]
    blocks: list[Any] = [InputBlock(
        block_id="action", label="Action",
        element=StaticSelectElement(action_id="value", placeholder="Choose an action",
                                    options=[_option(a) for a in actions],
                                    initial_option=_option(actions[0]) if len(actions) == 1
                                    else None))]
    blocks += [
        InputBlock(block_id="status", label="Status", element=StaticSelectElement(
            action_id="value", placeholder="Choose a status",
            options=[Option(text=STATUS_BADGES[s], value=s) for s in STATUSES])),
        InputBlock(block_id="note", label="Note (needed for at risk or off track)",
                   optional=True, element=PlainTextInputElement(
                       action_id="value", multiline=True, max_length=1000,
                       placeholder="Plan-level progress only: never a child's details")),
        InputBlock(block_id="evidence", label="Evidence link", optional=True,
                   element=UrlInputElement(action_id="value")),
    ]
    return View(type="modal", callback_id=MODAL, title="Update status", submit="Save",
                close="Cancel", private_metadata=json.dumps(origin), blocks=blocks).to_dict()


def _option(action: Action) -> Option:
    return Option(text=shorten(f"{action.ref} {action.text}", 75), value=action.ref)


def modal_values(state: dict[str, Any]) -> dict[str, str]:
    """The submitted values of the modal, by block id."""
    values = {}
    for block_id, fields in state.get("values", {}).items():
        field = fields.get("value", {})
        selected = field.get("selected_option") or {}
        values[block_id] = selected.get("value") or field.get("value") or ""
    return values


def submit_update(ctx: Context, values: dict[str, str]) -> str:
    """Apply a submitted modal; a CommandError names what to fix."""
    if not values.get("action") or not values.get("status"):
        raise CommandError("Choose an action and a status.")
    action = find_action(ctx, values["action"])
    change_status(ctx, action, values["status"], values.get("note", ""),
                  values.get("evidence", ""))
    return (f"{STATUS_BADGES[values['status']]} <@{ctx.caller.user_id}> updated "
            f"*{action.ref}*" + (f": {escape(shorten(values['note'], 200))}"
                                 if values.get("note") else ""))


def complete(ctx: Context, ref: str) -> str:
    action = find_action(ctx, ref)
    change_status(ctx, action, "complete", "")
    return f"✅ <@{ctx.caller.user_id}> marked *{action.ref}* complete."


def snooze(ctx: Context, ref: str) -> str:
    """Quiet an action's reminders for a week (owners only); its dates do not move."""
    action = find_action(ctx, ref)
    mine = {o.id for o in ctx.caller_owners()}
    if not mine & {o.id for o in action.owners}:
        raise CommandError(f"Only the owners of {action.ref} can snooze its reminders.")
    until = ctx.today + timedelta(days=SNOOZE_DAYS)
    ctx.repo.snooze(action, until, ctx.caller.user_id, ctx.now)
    return f"😴 <@{ctx.caller.user_id}> snoozed reminders for *{action.ref}* until {day(until)}."
