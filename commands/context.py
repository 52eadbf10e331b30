"""What every service is given: the plan, the time, and who is asking; and how it refuses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from commands.page import Line, Spans, line, plain
from commands.words import Words
from storage.links import LinkKeys
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


@dataclass(frozen=True)
class FoundUser:
    """Who Slack says has an email address: their user id, or why Slack would not say
    (its error code: ``users_not_found``, ``missing_scope``, ``unreachable``…)."""

    user_id: str = ""
    problem: str = ""


class SlackSide(Protocol):
    """What the bot can find out from Slack for a service that asks (the Slack edge gives
    one; the console and a command line without a token give none)."""

    def check_channel(self, channel_id: str) -> Line:
        """Why the bot cannot post in the channel and read it back; () when it can."""
        ...

    def find_user(self, email: str) -> FoundUser:
        """The Slack user whose account has this email address."""
        ...


@dataclass
class Context:
    repo: PlanRepository
    now: datetime
    caller: Caller
    tz: ZoneInfo = LONDON
    slack: SlackSide | None = None
    #: How to make links to the board page and the feeds (None: no key is set).
    links: LinkKeys | None = None

    @property
    def today(self) -> date:
        return self.now.astimezone(self.tz).date()

    def caller_owners(self) -> list[Owner]:
        """The owners the caller speaks for, and the groups those belong to (a police
        officer's actions include those of "the statutory partners")."""
        if self.caller.acting_as is not None:
            owners = [self.repo.resolve_owner(name) for name in self.caller.acting_as]
        else:
            owners = self.repo.owners_of_user(self.caller.user_id)
        known = {o.id for o in owners}
        return owners + [g for g in self.repo.groups_of(owners) if g.id not in known]

    @property
    def words(self) -> Words:
        """What the plan calls its board and its themes."""
        return Words.of(self.repo.plan)

    def speaks_for(self, owners: list[Owner]) -> bool:
        """Whether the caller is linked to any of `owners`."""
        mine = {o.id for o in self.caller_owners()}
        return bool(mine & {o.id for o in owners})


def require_admin(ctx: Context, what: str) -> None:
    """Refuse unless the caller is an admin; `what` completes "Only an admin can …"."""
    if not ctx.caller.is_admin:
        raise NotPermitted(f"Only an admin can {what}. Ask the {ctx.words.board}'s business "
                           "manager.")
