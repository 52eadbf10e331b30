"""Buttons on nudges and reminders, the *Update status* modal, and what clicks do.

Clicks obey the same rules as commands: `change_status` checks who may change an
action, asks for reasons and refuses personal data, whichever way it is reached.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from slack_sdk.models.blocks import (
    InputBlock,
    Option,
    PlainTextInputElement,
    StaticSelectElement,
    UrlInputElement,
)
from slack_sdk.models.views import View

from commands.context import AlreadySo, CommandError, Context, FieldError, NotPermitted
from commands.lookup import find_action
from commands.page import Button, Buttons
from commands.progress import StatusChanged, change_status
from commands.quarters import Quarter, make_quarter
from commands.safety import MAX_TEXT
from commands.text import STATUS_BADGES, day, shorten
from storage.models import STATUSES, Action

COMPLETE, UPDATE, SNOOZE, PICK = "lscb_complete", "lscb_update", "lscb_snooze", "lscb_pick"
RETURN = "lscb_return"
MODAL, RETURN_MODAL = "lscb_update_modal", "lscb_return_modal"
SNOOZE_DAYS = 7
MAX_OPTIONS = 100


@dataclass(frozen=True)
class Snoozed:
    ref: str
    until: date


def action_buttons(ref: str) -> Buttons:
    """Mark complete, Update status and Snooze a week, for one action."""
    return Buttons(f"lscb_buttons_{ref}", (Button("Mark complete", COMPLETE, ref, primary=True),
                                           Button("Update status", UPDATE, ref),
                                           Button("Snooze a week", SNOOZE, ref)))


def pick_button(refs: list[str]) -> Buttons:
    """Update status for a message about several actions: the modal lets you pick one."""
    return Buttons("lscb_buttons", (Button("Update status", PICK, ",".join(refs)[:2000]),))


def return_button(owner_id: int, quarter: Quarter) -> Buttons:
    """*Give this quarter's update*: opens the owner's quarterly return."""
    return Buttons("lscb_return", (Button("Give this quarter's update", RETURN,
                                          f"{owner_id}:{quarter.year_start}:{quarter.number}",
                                          primary=True),))


def read_return_button(value: str, plan_starts: date) -> tuple[int, Quarter]:
    """The owner and quarter a *Give this quarter's update* button is for."""
    try:
        owner, year, number = (int(part) for part in value.split(":"))
    except ValueError:
        raise CommandError("That button is not one I made.") from None
    if not 1 <= number <= 4 or not 1900 <= year < 3000:
        raise CommandError("That button is not one I made.")
    return owner, make_quarter(year, number, plan_starts)


def update_modal(ctx: Context, refs: list[str], origin: dict[str, str]) -> dict[str, Any]:
    """The *Update status* modal; `origin` (channel, ts) rides in private_metadata."""
    actions = [find_action(ctx, ref) for ref in refs[:MAX_OPTIONS]]
    if not actions:
        raise CommandError("That message names no action to update.")
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
                       action_id="value", multiline=True, max_length=MAX_TEXT,
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
    for block_id, fields in (state.get("values") or {}).items():
        field = (fields or {}).get("value") or {}
        selected = field.get("selected_option") or {}
        values[block_id] = str(selected.get("value") or field.get("value") or "")
    return values


def submit_update(ctx: Context, values: dict[str, str]) -> StatusChanged:
    """Apply a submitted modal; a CommandError names what to fix."""
    if not values.get("action"):
        raise FieldError("action", "Choose an action.")
    if values.get("status") not in STATUSES:
        raise FieldError("status", "Choose one of the statuses offered.")
    action = find_action(ctx, values["action"])
    return change_status(ctx, action, values["status"], values.get("note", ""),
                         values.get("evidence", ""))


def complete(ctx: Context, ref: str) -> StatusChanged:
    """*Mark complete* on a reminder."""
    return change_status(ctx, find_action(ctx, ref), "complete", "")


def snooze(ctx: Context, ref: str) -> Snoozed:
    """Quiet an action's reminders for a week (owners only); its dates do not move."""
    action = find_action(ctx, ref)
    if not ctx.speaks_for(list(action.owners)):
        raise NotPermitted(f"Only the owners of {action.ref} can snooze its reminders.")
    until = ctx.today + timedelta(days=SNOOZE_DAYS)
    if action.snoozed_until is not None and action.snoozed_until >= until:
        raise AlreadySo(f"Reminders for {action.ref} are snoozed until "
                        f"{day(action.snoozed_until)} already. Nothing was changed.")
    ctx.repo.snooze(action, until, ctx.caller.user_id, ctx.now)
    return Snoozed(action.ref, until)
