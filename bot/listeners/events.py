"""The App Home, rebuilt each time it is opened."""

from __future__ import annotations

from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.answers import Refused, in_context
from bot.config import Settings
from commands.home import home_view
from storage.database import Database


def register(app: App, database: Database, settings: Settings) -> None:
    @app.event("app_home_opened")
    def home_opened(event: dict[str, Any], body: dict[str, Any], client: WebClient) -> None:
        if event.get("tab", "home") != "home":
            return
        user = event["user"]
        try:
            view = in_context(database, settings, home_view, user_id=user,
                              team_id=body.get("team_id"))
        except Refused as refused:
            view = {"type": "home", "blocks": [{"type": "section", "text": {
                "type": "mrkdwn", "text": str(refused)[:2900]}}]}
        client.views_publish(user_id=user, view=view)
