"""What every listener shares: who is asking (from bolt's context) and running a service
for them in a unit of work."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from slack_bolt import BoltContext

from bot.answers import Asker, in_context
from bot.config import Settings
from commands import Context
from storage.database import Database

T = TypeVar("T")
log = logging.getLogger("lscb")


@dataclass(frozen=True)
class Surface:
    """The database and settings a Slack surface works with."""

    database: Database
    settings: Settings

    @staticmethod
    def asker(context: BoltContext) -> Asker:
        """The user and workspace bolt found in the request, whatever its kind."""
        return Asker(context.user_id or "", context.team_id)

    def run(self, context: BoltContext, work: Callable[[Context], T]) -> T:
        """`work` for the request's user, committed if it returns (Refused if refused)."""
        return in_context(self.database, self.settings, self.asker(context), work)
