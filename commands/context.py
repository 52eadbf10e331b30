"""What every subcommand is given, and what it gives back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from storage.models import Owner
from storage.repository import PlanRepository

LONDON = ZoneInfo("Europe/London")


class CommandError(Exception):
    """A problem with what the user asked; its message is the whole reply."""


@dataclass(frozen=True)
class Caller:
    """Who is asking. `acting_as` (the console's `as Chair`) replaces their Slack links."""

    user_id: str
    is_admin: bool = False
    acting_as: tuple[str, ...] | None = None


@dataclass
class Context:
    repo: PlanRepository
    now: datetime
    caller: Caller
    tz: ZoneInfo = LONDON

    @property
    def today(self) -> date:
        return self.now.astimezone(self.tz).date()

    def caller_owners(self) -> list[Owner]:
        """The roles and subgroups the caller speaks for."""
        if self.caller.acting_as is not None:
            return [self.repo.resolve_owner(name) for name in self.caller.acting_as]
        return self.repo.owners_of_user(self.caller.user_id)


@dataclass
class Reply:
    """A reply as Slack wants it: Block Kit, a plain-text fallback, and who sees it."""

    text: str
    blocks: list[dict[str, Any]] = field(default_factory=list)
    in_channel: bool = False
    is_error: bool = False

    def as_message(self) -> dict[str, Any]:
        return {"text": self.text, "blocks": self.blocks,
                "response_type": "in_channel" if self.in_channel else "ephemeral"}
