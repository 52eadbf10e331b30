"""The app's own lifecycle: uninstalled, or its bot token revoked. Sending stops at once.

After ``app_uninstalled`` or ``tokens_revoked`` every call with the old token fails
(``account_inactive`` / ``token_revoked``), so the scheduler holds what is owed rather than
failing it; a reinstall (the token works again) resumes it (bot/cycle.py).
Events from docs.slack.dev/reference/events/app_uninstalled and .../tokens_revoked.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App, BoltContext

from bot.listeners.glue import Surface
from storage.database import Database
from storage.failures import Failures
from storage.timestamps import utcnow

log = logging.getLogger("lscb.lifecycle")


def register(app: App, surface: Surface) -> None:
    @app.event("app_uninstalled")
    def uninstalled(context: BoltContext) -> None:
        hold(surface.database, context.team_id or "", "app_uninstalled")

    @app.event("tokens_revoked")
    def revoked(event: dict[str, Any], context: BoltContext) -> None:
        if (event.get("tokens") or {}).get("bot"):
            hold(surface.database, context.team_id or "", "tokens_revoked")


def hold(database: Database, team_id: str, reason: str) -> None:
    log.warning("Slack says %s for %s: nothing is sent until the bot's token works again",
                reason, team_id or "this workspace")
    with database.committed() as session:
        Failures(session).hold(team_id, reason, utcnow())
