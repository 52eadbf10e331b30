"""What the bot should post, and when: reporting nudges and due-date reminders.

`nudges_between` is the pure heart of the scheduler: given a plan and a span of
time, it lists every message due in that span, with its channel and text. It
sends nothing and writes nothing; the delivery ledger decides what has gone.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from commands import nudge_text
from commands.calendar import (
    first_working_day_from,
    next_working_day_after,
    reporting_days,
    send_time,
)
from commands.context import Caller, Context
from commands.layout import MAX_BLOCKS
from commands.nudge_text import MAX_NUDGE_BLOCKS, Message
from commands.quarters import quarter_of
from commands.report import build_report, report_reply
from storage.ledger import Nudge
from storage.models import Action, Owner
from storage.repository import PlanRepository
from storage.rows import DueItem

REMIND_DAYS_BEFORE = 14
NOBODY = ""

__all__ = ["NOBODY", "Nudge", "nudges_between"]


@dataclass
class _Span:
    repo: PlanRepository
    first: date
    last: date
    tz: ZoneInfo
    channels: dict[int, str]
    _by_owner: dict[int, list[Action]] | None = None
    _reports: dict[date, Message] = field(default_factory=dict)

    def actions_of(self, owners: list[Owner]) -> list[Action]:
        """The owners' live actions in plan order, from one query for the whole plan."""
        if self._by_owner is None:
            self._by_owner = defaultdict(list)
            for action in self.repo.actions():
                for owner in action.owners:
                    self._by_owner[owner.id].append(action)
        found = {a.id: a for o in owners for a in self._by_owner.get(o.id, [])}
        return sorted(found.values(), key=lambda a: (a.sort_key, a.id))

    def report_on(self, day: date, room: int) -> Message:
        """The monitoring report for the quarter before `day`, built once per span."""
        if day not in self._reports:
            ctx = Context(self.repo, self.at(day), Caller("lscb", is_admin=True), self.tz)
            quarter = quarter_of(day, self.repo.plan.starts).previous(self.repo.plan.starts)
            reply = report_reply(build_report(ctx, quarter), max_blocks=room)
            self._reports[day] = (reply.text, reply.blocks)
        return self._reports[day]

    def at(self, day: date) -> datetime:
        return send_time(day, self.tz)

    def by_channel(self, owners: list[Owner]) -> dict[str, list[Owner]]:
        grouped: dict[str, list[Owner]] = defaultdict(list)
        for owner in owners:
            grouped[self.channels.get(owner.id, NOBODY)].append(owner)
        return grouped


def nudges_between(repo: PlanRepository, first: datetime, last: datetime,
                   tz: ZoneInfo) -> list[Nudge]:
    """Every nudge whose send time falls from `first` to `last`, in send order."""
    span = _Span(repo, first.astimezone(tz).date(), last.astimezone(tz).date(), tz,
                 repo.channels())
    found = [*_reporting(span), *_due_soon(span), *_overdue(span), *_digests(span)]
    return sorted((n for n in found if first <= n.send_at <= last),
                  key=lambda n: (n.send_at, n.channel, n.key))


def _reporting(span: _Span) -> list[Nudge]:
    plan = span.repo.plan
    by_name = {o.name: o for o in span.repo.owners()}
    nudges = []
    for row in span.repo.reporting_rows():
        for cadence in row.cadences:
            copies = [by_name[n] for n in cadence.copy_to.splitlines() if n in by_name]
            recipients = list({o.id: o for o in [*row.owners, *copies]}.values())
            for occurrence, day in reporting_days(cadence.rule, plan.starts, span.first,
                                                  min(span.last, plan.ends)):
                for channel, owners in span.by_channel(recipients).items():
                    mine = span.actions_of(owners)
                    text, blocks = nudge_text.reporting(row, cadence, owners, mine, day)
                    if cadence.carries_report:
                        text, blocks = _with_report(span, day, text, blocks)
                    nudges.append(Nudge(key=f"report:{cadence.key}", occurrence=occurrence,
                                        send_at=span.at(day), channel=channel,
                                        audience=_names(owners), text=text, blocks=blocks))
    return nudges


def _with_report(span: _Span, day: date, text: str, blocks: list[dict[str, Any]]) -> Message:
    """A nudge that carries the monitoring report for the quarter just ended."""
    report_text, report_blocks = span.report_on(day, MAX_BLOCKS - MAX_NUDGE_BLOCKS)
    return f"{text}\n\n{report_text}", blocks[:-1] + report_blocks + blocks[-1:]


def _due_soon(span: _Span) -> list[Nudge]:
    earliest = span.first + timedelta(days=REMIND_DAYS_BEFORE - 5)
    latest = span.last + timedelta(days=REMIND_DAYS_BEFORE)
    nudges = []
    for item in span.repo.falling_due(earliest, latest):
        day = first_working_day_from(item.due - timedelta(days=REMIND_DAYS_BEFORE))
        if span.first <= day <= span.last and not snoozed(item, day):
            nudges += _per_channel(span, item, day, "due-soon", nudge_text.due_soon)
    return nudges


def _overdue(span: _Span) -> list[Nudge]:
    nudges = []
    for item in span.repo.falling_due(span.first - timedelta(days=7), span.last):
        day = next_working_day_after(item.due)
        if span.first <= day <= span.last and not snoozed(item, day):
            nudges += _per_channel(span, item, day, "overdue", nudge_text.overdue)
    return nudges


def _per_channel(span: _Span, item: DueItem, day: date, kind: str,
                 build: nudge_text.ItemBuilder) -> list[Nudge]:
    suffix = f":m{item.milestone.id}" if item.milestone else ""
    nudges = []
    for channel, owners in span.by_channel(list(item.action.owners)).items():
        text, blocks = build(item, owners, day)
        nudges.append(Nudge(key=f"{kind}:{item.action.ref}{suffix}", occurrence=item.due,
                            send_at=span.at(day), channel=channel, audience=_names(owners),
                            text=text, blocks=blocks))
    return nudges


def _digests(span: _Span) -> list[Nudge]:
    """One message a week per channel listing all its overdue actions."""
    nudges = []
    monday = span.first - timedelta(days=span.first.weekday())
    while monday <= span.last:
        day = first_working_day_from(monday)
        if span.first <= day <= span.last and day - monday < timedelta(days=7):
            nudges += _digests_on(span, monday, day)
        monday += timedelta(days=7)
    return nudges


def _digests_on(span: _Span, monday: date, day: date) -> list[Nudge]:
    items_by_channel: dict[str, list[DueItem]] = defaultdict(list)
    for item in span.repo.overdue(day):
        if snoozed(item, day):
            continue
        for channel in {span.channels.get(o.id, NOBODY) for o in item.action.owners}:
            items_by_channel[channel].append(item)
    items_by_channel.pop(NOBODY, None)
    nudges = []
    for channel, items in sorted(items_by_channel.items()):
        owners = {o.name for i in items for o in i.action.owners
                  if span.channels.get(o.id) == channel}
        text, blocks = nudge_text.digest(items, day)
        nudges.append(Nudge(key="digest", occurrence=monday, send_at=span.at(day),
                            channel=channel, audience="; ".join(sorted(owners)), text=text,
                            blocks=blocks))
    return nudges


def snoozed(item: DueItem, day: date) -> bool:
    """A snoozed action is not reminded until its snooze ends; its dates never move."""
    return item.action.snoozed_until is not None and day <= item.action.snoozed_until


def _names(owners: list[Owner]) -> str:
    return "; ".join(o.name for o in owners)
