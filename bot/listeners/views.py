"""The *Update status* modal's submission."""

from __future__ import annotations

import json
import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.answers import Refused
from bot.listeners.actions import update_in_place
from bot.listeners.glue import Surface
from bot.slack_errors import SLACK_FAILURES
from commands import Context
from commands.buttons import (
    MODAL,
    RETURN_MODAL,
    modal_values,
    read_return_button,
    submit_update,
)
from commands.page import COMMAND, Line, plain
from commands.pages.clicks import updated_line
from commands.quarterly import give_return
from commands.return_modal import return_entries

log = logging.getLogger("lscb")
FIELDS = ("action", "status", "note", "evidence")


def register(app: App, surface: Surface) -> None:
    command = surface.settings.command

    @app.view(MODAL)
    def submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext,
                  client: WebClient) -> None:
        values = modal_values(view.get("state") or {})
        try:
            said = surface.run(context, lambda ctx: updated_line(
                ctx.caller.user_id, submit_update(ctx, values)))
        except Refused as refused:
            field = refused.field if refused.field in FIELDS else "note"
            ack(response_action="errors", errors={field: plain(refused.line, command)[:2000]})
            return
        ack()
        _update_origin(client, _origin(view), said, command)

    @app.view(RETURN_MODAL)
    def returned(ack: Ack, view: dict[str, Any], context: BoltContext) -> None:
        values = modal_values(view.get("state") or {})
        origin = _origin(view)

        def give(ctx: Context) -> list[str]:
            owner, quarter = read_return_button(
                f"{origin.get('owner')}:{origin.get('year')}:{origin.get('quarter')}",
                ctx.repo.plan.starts)
            return give_return(ctx, owner, quarter, return_entries(values))

        try:
            surface.run(context, give)
        except Refused as refused:
            field = refused.field if refused.field in values else next(iter(values), "note")
            ack(response_action="errors", errors={field: plain(refused.line, command)[:2000]})
            return
        ack()


def _origin(view: dict[str, Any]) -> dict[str, Any]:
    """The message the modal was opened from, as `update_modal` put it in private_metadata."""
    try:
        origin = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        return {}
    return origin if isinstance(origin, dict) else {}


def _update_origin(client: WebClient, origin: dict[str, Any], said: Line,
                   command: str = COMMAND) -> None:
    """Say on the original message who updated what; the change is saved whatever happens."""
    if not (origin.get("channel") and origin.get("ts")):
        return
    try:
        history = client.conversations_history(channel=origin["channel"], latest=origin["ts"],
                                               inclusive=True, limit=1)
    except SLACK_FAILURES:
        log.warning("Saved an update, but could not find the message it came from",
                    exc_info=True)
        return
    messages = history.get("messages") or []
    if messages:
        update_in_place(client, {"channel": {"id": origin["channel"]}, "message": messages[0]},
                        said, _logged, command)


def _logged(_said: str) -> None:
    """A modal has no response_url: a message that could not be updated is only logged
    (without what was said, which may quote the person's note)."""
    log.info("After a modal: the message it came from could not be updated")
