"""Inside a request Slack waits on (a click, a command): answer within its 3 seconds.

Slack drops a request not acknowledged within 3 seconds, and a click's trigger_id expires
3 seconds after the click (docs.slack.dev/interactivity/handling-user-interaction,
"Acknowledgment response"; views.open: ``expired_trigger_id``). So nothing in a request may
sleep: the app's client never retries (bot/slack_client.py), and a modal Slack will not open
right now gets a plain "try again" instead of a stack trace or a late, useless retry.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack_errors import CONNECTION_ERRORS, TEMPORARY

log = logging.getLogger("lscb.interactive")
TRY_AGAIN = "Slack is busy and could not open that form just now. Please try again in a moment."
BUSY = TEMPORARY | {"expired_trigger_id", "exchanged_trigger_id"}
"""Refusals a second click fixes: Slack's rate limits and hiccups, and a trigger_id that
expired (or was used) while Slack was slow."""


def open_view(client: WebClient, trigger_id: str, view: dict[str, Any],
              respond: Respond) -> bool:
    """Open `view` for the click's user, or tell them to try again; True if it opened."""
    try:
        client.views_open(trigger_id=trigger_id, view=view)
    except SlackApiError as error:
        code = str(error.response.get("error", ""))
        if error.response.status_code != 429 and code not in BUSY:
            raise
        log.warning("views.open refused (%s); the user is asked to try again", code)
    except CONNECTION_ERRORS as error:
        log.warning("views.open did not answer (%s); the user is asked to try again", error)
    else:
        return True
    respond(text=TRY_AGAIN, response_type="ephemeral", replace_original=False)
    return False
