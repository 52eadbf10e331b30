"""What every service is given: the plan, the time, and who is asking; and how it refuses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from commands.page import Line, Spans, line, plain
from storage.models import Owner
from storage.repository import PlanRepository

LONDON = ZoneInfo("Europe/London")


class CommandError(Exception):
    """A problem with what was asked; its line is the whole answer, for any surface."""

    def __init__(self, *spans: Spans) -> None:
        self.line: Line = line(*spans)
        super().__init__(plain(self.line))


class NotPermitted(CommandError):
    """The caller may not do this (not an admin, not linked to the owner)."""


class AlreadySo(CommandError):
    """What was asked is so already (a "set" asked twice): nothing was changed, and the
    line says what is so (in a form, beside the status asked for)."""

    field = "status"


class FieldError(CommandError):
    """A problem with one field of a form (a modal's `field` block)."""

    def __init__(self, field: str, *spans: Spans) -> None:
        super().__init__(*spans)
        self.field = field


@dataclass(frozen=True)
class Caller:
    """Who is asking. `acting_as` (the console's `as Chair`) replaces their Slack links."""

    user_id: str
    is_admin: bool = False
    acting_as: tuple[str, ...] | None = None


class SlackSide(Protocol):
    """What the bot can find out from Slack for a service that asks (the Slack edge gives
    one; the console and a command line without a token give none)."""

    def check_channel(self, channel_id: str) -> Line:
        """Why the bot cannot post in the channel and read it back; () when it can."""
        ...


@dataclass
class Context:
    repo: PlanRepository
    now: datetime
    caller: Caller
    tz: ZoneInfo = LONDON
    slack: SlackSide | None = None

    @property
    def today(self) -> date:
        return self.now.astimezone(self.tz).date()

    def caller_owners(self) -> list[Owner]:
        """The roles and subgroups the caller speaks for."""
        if self.caller.acting_as is not None:
            return [self.repo.resolve_owner(name) for name in self.caller.acting_as]
        return self.repo.owners_of_user(self.caller.user_id)

    def speaks_for(self, owners: list[Owner]) -> bool:
        """Whether the caller is linked to any of `owners`."""
        mine = {o.id for o in self.caller_owners()}
        return bool(mine & {o.id for o in owners})


def require_admin(ctx: Context, what: str) -> None:
    """Refuse unless the caller is an admin; `what` completes "Only an admin can …"."""
    if not ctx.caller.is_admin:
        raise NotPermitted(f"Only an admin can {what}. Ask the board's business manager.")
