"""Buttons on nudges: Mark complete, Update status (opens the modal), Snooze a week."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.answers import Refused, in_context
from bot.config import Settings
from bot.interactive import open_view
from commands import Context
from commands.buttons import (
    COMPLETE,
    PICK,
    SNOOZE,
    UPDATE,
    after_click,
    complete,
    snooze,
    update_modal,
)
from storage.database import Database


def register(app: App, database: Database, settings: Settings) -> None:
    def clicked(work: Callable[[Context, str], str]) -> Callable[..., None]:
        def listener(ack: Ack, body: dict[str, Any], client: WebClient,
                     respond: Respond) -> None:
            ack()
            value = body["actions"][0].get("value", "")
            try:
                note = in_context(database, settings, lambda ctx: work(ctx, value),
                                  user_id=body["user"]["id"], team_id=_team(body))
            except Refused as refused:
                respond(text=str(refused), response_type="ephemeral", replace_original=False)
                return
            update_in_place(client, body, note)
        return listener

    app.action(COMPLETE)(clicked(complete))
    app.action(SNOOZE)(clicked(snooze))

    def open_modal(ack: Ack, body: dict[str, Any], client: WebClient,
                   respond: Respond) -> None:
        ack()
        refs = [r for r in body["actions"][0].get("value", "").split(",") if r]
        origin = {"channel": (body.get("channel") or {}).get("id", ""),
                  "ts": (body.get("message") or {}).get("ts", "")}
        try:
            view = in_context(database, settings, lambda ctx: update_modal(ctx, refs, origin),
                              user_id=body["user"]["id"], team_id=_team(body))
        except Refused as refused:
            respond(text=str(refused), response_type="ephemeral", replace_original=False)
            return
        open_view(client, body["trigger_id"], view, respond)

    app.action(UPDATE)(open_modal)
    app.action(PICK)(open_modal)


def _team(body: dict[str, Any]) -> str | None:
    return (body.get("team") or {}).get("id") or body.get("team_id")


def update_in_place(client: WebClient, body: dict[str, Any], note: str) -> None:
    """Replace the clicked message's buttons with who did what."""
    message = body.get("message") or {}
    channel = (body.get("channel") or {}).get("id")
    if channel and message.get("ts"):
        client.chat_update(channel=channel, ts=message["ts"], text=message.get("text", note),
                           blocks=after_click(message.get("blocks", []), note))
