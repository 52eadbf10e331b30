"""What working out a span of nudges shares: the plan, the days, the routes, the actions.

An owner's route is where its nudges go: its Slack channel, else its email address
(``mailto:ADDRESS``), or both when it asked for email as well (`--also`). Each route is a
ledger channel of its own, so each is sent exactly once.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from zoneinfo import ZoneInfo

from commands.calendar import send_time
from commands.context import Caller, Context
from commands.mail_message import ActionLink, email_message, is_mail, mail_channel
from commands.page import COMMAND, Page
from commands.pages.report import report_page
from commands.quarters import quarter_of
from commands.render_blocks import to_reply
from commands.report import build_report
from storage.ledger import Message
from storage.repository import PlanRepository
from storage.rows import ActionRow, OwnerLike, OwnerRef

NOBODY = ""  # the channel of a nudge for an owner with none: nobody will hear it


@dataclass
class Span:
    """A span of days being worked out for one plan: what every kind of nudge reads, from
    as few queries as possible."""

    repo: PlanRepository
    first: date
    last: date
    tz: ZoneInfo
    routes: dict[int, tuple[str, ...]]
    """Where each owner's nudges go, by owner id (see `routes_of`)."""
    links: ActionLink | None = None
    """Where an email's reader can see an action on the board (None: no links yet)."""
    command: str = COMMAND  # the slash command as the workspace installed it
    _by_owner: dict[int, list[ActionRow]] | None = None
    _members: dict[int, list[OwnerRef]] | None = None
    _reports: dict[date, Page] = field(default_factory=dict)
    _undated: Counter[str] | None = None

    def undated_in(self, channel: str) -> int:
        """How many open actions of the channel's owners have no date the bot can read."""
        if self._undated is None:
            self._undated = Counter(
                heard for item in self.repo.undated()
                for heard in {t for o in self.reached(item.action.owners)
                              for t in self.targets(o)})
        return self._undated[channel]

    def actions_of(self, owners: Sequence[OwnerLike]) -> list[ActionRow]:
        """The owners' live actions in plan order, from one query for the whole plan."""
        if self._by_owner is None:
            self._by_owner = defaultdict(list)
            for action in self.repo.actions():
                for owner in action.owners:
                    self._by_owner[owner.id].append(action)
        found = {a.id: a for o in owners for a in self._by_owner.get(o.id, [])}
        return sorted(found.values(), key=lambda a: (a.sort_key, a.id))

    def report_on(self, day: date) -> Page:
        """The monitoring report for the quarter before `day`, built once per span."""
        if day not in self._reports:
            ctx = Context(self.repo, self.at(day), Caller("lscb", is_admin=True), self.tz)
            quarter = quarter_of(day, self.repo.plan.starts).previous(self.repo.plan.starts)
            self._reports[day] = report_page(build_report(ctx, quarter))
        return self._reports[day]

    def at(self, day: date) -> datetime:
        return send_time(day, self.tz)

    def targets(self, owner: OwnerLike) -> tuple[str, ...]:
        """The owner's routes, or (NOBODY,) when it has none."""
        return self.routes.get(owner.id) or (NOBODY,)

    def reached(self, owners: Sequence[OwnerLike]) -> list[OwnerLike]:
        """Who hears about the owners' actions: each owner, but a group with no route of
        its own through each of its members ("the statutory partners" are three)."""
        if self._members is None:
            self._members = self.repo.group_members()
        found: dict[int, OwnerLike] = {}
        for owner in owners:
            if owner.id in self._members and not self.routes.get(owner.id):
                found.update((m.id, m) for m in self._members[owner.id])
            else:
                found[owner.id] = owner
        return list(found.values())

    def by_channel(self, owners: Sequence[OwnerLike]) -> dict[str, list[OwnerLike]]:
        grouped: dict[str, list[OwnerLike]] = defaultdict(list)
        for owner in self.reached(owners):
            for target in self.targets(owner):
                grouped[target].append(owner)
        return grouped

    def render(self, channel: str, page: Callable[[], Page]) -> Callable[[], Message]:
        """A nudge's renderer: the page as a Slack message, or as an email for an address."""
        return partial(_rendered, channel, page, self.links, self.command)


def routes_of(repo: PlanRepository) -> dict[int, tuple[str, ...]]:
    """Where each owner's nudges go: its channel, else its address, or both (`--also`)."""
    channels = repo.channels()
    routes: dict[int, tuple[str, ...]] = {}
    for owner in repo.owners():
        channel = channels.get(owner.id, NOBODY)
        mail = mail_channel(owner.email) if owner.email else NOBODY
        routed = (channel, mail if owner.email_also or not channel else NOBODY)
        routes[owner.id] = tuple(target for target in routed if target)
    return routes


def _rendered(channel: str, page: Callable[[], Page], links: ActionLink | None,
              command: str) -> Message:
    return email_message(page(), links) if is_mail(channel) else as_message(page(), command)


def as_message(page: Page, command: str = COMMAND) -> Message:
    """A nudge's page as the Slack message the ledger keeps."""
    reply = to_reply(page, command=command)
    return reply.text, reply.blocks
