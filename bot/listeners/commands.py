"""The `/lscb` slash command: acknowledge with the reply itself."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot.answers import answer
from bot.config import Settings
from bot.reply_cache import ReplyCache
from storage.database import Database


def register(app: App, database: Database, settings: Settings) -> None:
    cache = ReplyCache() if settings.reply_cache else None

    @app.command("/lscb")
    def lscb(ack: Ack, command: dict[str, Any]) -> None:
        reply = answer(database, settings, user_id=command["user_id"],
                       team_id=command.get("team_id"), text=command.get("text", ""),
                       cache=cache)
        ack(**reply.as_message())
