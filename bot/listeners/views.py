"""The *Update status* modal's submission."""

from __future__ import annotations

import json
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.answers import Refused, in_context
from bot.config import Settings
from bot.listeners.actions import update_in_place
from commands.buttons import MODAL, modal_values, submit_update
from storage.database import Database


def register(app: App, database: Database, settings: Settings) -> None:
    @app.view(MODAL)
    def submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any],
                  client: WebClient) -> None:
        values = modal_values(view.get("state", {}))
        try:
            note = in_context(database, settings, lambda ctx: submit_update(ctx, values),
                              user_id=body["user"]["id"],
                              team_id=(body.get("team") or {}).get("id"))
        except Refused as refused:
            ack(response_action="errors", errors={"note": str(refused)[:2000]})
            return
        ack()
        origin = json.loads(view.get("private_metadata") or "{}")
        if origin.get("channel") and origin.get("ts"):
            _update_origin(client, origin, note)


def _update_origin(client: WebClient, origin: dict[str, str], note: str) -> None:
    history = client.conversations_history(channel=origin["channel"], latest=origin["ts"],
                                           inclusive=True, limit=1)
    messages = history.get("messages") or []
    if messages:
        update_in_place(client, {"channel": {"id": origin["channel"]}, "message": messages[0]},
                        note)
