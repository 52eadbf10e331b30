"""The App Home, rebuilt each time it is opened."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.answers import Refused
from bot.listeners.glue import Surface
from commands.home import home_view
from commands.page import Page
from commands.pages.home import home_page
from commands.render_blocks import MAX_VIEW_BLOCKS, to_blocks


def register(app: App, surface: Surface) -> None:
    @app.event("app_home_opened")
    def home_opened(event: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        if event.get("tab", "home") != "home":
            return
        try:
            page = surface.run(context, lambda ctx: home_page(home_view(ctx)))
        except Refused as refused:
            page = Page().paragraph(refused.line)
        client.views_publish(user_id=str(event.get("user") or context.user_id),
                             view={"type": "home", "blocks": to_blocks(page, MAX_VIEW_BLOCKS,
                                                                  surface.settings.command)})
