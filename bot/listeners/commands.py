"""The slash command (`/lscb`, or `LSCB_COMMAND`): acknowledge with the answer itself."""

from __future__ import annotations

from functools import partial
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.answers import answer
from bot.listeners.glue import Surface
from bot.reply_cache import ReplyCache
from bot.slack_side import WorkspaceSlack
from bot.slack_text import typed
from commands.render_blocks import Reply, to_reply


def register(app: App, surface: Surface) -> None:
    cache: ReplyCache[Reply] | None = (ReplyCache(keep=lambda reply: not reply.is_error)
                                       if surface.settings.reply_cache else None)

    render = partial(to_reply, command=surface.settings.command)

    @app.command(surface.settings.command)
    def lscb(ack: Ack, command: dict[str, Any], context: BoltContext,
             client: WebClient) -> None:
        reply = answer(surface.database, surface.settings, surface.asker(context),
                       typed(str(command.get("text") or "")), render, cache,
                       WorkspaceSlack(client))
        ack(**reply.as_message())
