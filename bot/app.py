"""The bolt App: wiring each Slack surface to the bot's logic."""

from __future__ import annotations

import json
import logging
from typing import Any

from slack_bolt import App
from slack_bolt.response import BoltResponse

from bot.config import Settings
from bot.listeners import actions, commands, events, lifecycle, views
from bot.listeners.glue import Surface
from bot.slack_client import make_client
from storage.database import Database

log = logging.getLogger("lscb")
BOLT_LOGGER = "slack_bolt.lscb"
"""bolt's own logger, under slack_bolt so `bot.logs` holds it at INFO: at DEBUG bolt logs
every response body, with the text people typed."""

SORRY = ("Sorry, something went wrong on our side and nothing was changed. It has been logged; "
         "please try again, or tell the board's business manager if it keeps happening.")


APP_NAME = "lscb-bot"
"""Named, so bolt need not find a name in the caller's stack frame (`inspect.stack()` reads
every frame's source, tens of milliseconds per app)."""


def create_app(settings: Settings, database: Database) -> App:
    """A bolt App that answers inside the request (`process_before_response`), so replies
    are as fast as the work takes and the same in HTTP and Socket Mode."""
    app = App(name=APP_NAME, client=make_client(settings, interactive=True),
              signing_secret=settings.signing_secret,
              process_before_response=True, logger=logging.getLogger(BOLT_LOGGER))
    surface = Surface(database, settings)
    for listeners in (commands, actions, views, events, lifecycle):
        listeners.register(app, surface)
    app.error(_answer_plainly)
    return app


def _answer_plainly(error: Exception, body: dict[str, Any], response: BoltResponse | None) -> None:
    """Log the failure with its traceback; tell the user plainly, never with a stack trace."""
    log.error("Failed to handle a %s request", body.get("type") or body.get("command"),
              exc_info=error)
    if response is not None:
        response.status = 200
        response.headers = {"content-type": ["application/json;charset=utf-8"]}
        response.body = json.dumps({"response_type": "ephemeral", "text": SORRY})
