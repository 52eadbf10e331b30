"""What the bot should post, and when: reporting nudges and due-date reminders.

`nudges_between` is the pure heart of the scheduler: given a plan and a span of
time, it lists every message due in that span, with its channel. It sends
nothing and writes nothing; the delivery ledger decides what has gone. A
nudge's text is rendered only when asked for, since most cycles find nudges
the ledger already holds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import partial
from zoneinfo import ZoneInfo

from commands.calendar import (
    first_working_day_from,
    next_working_day_after,
    reporting_days,
)
from commands.mail_message import ActionLink
from commands.nudge_span import NOBODY, Span, as_message, routes_of
from commands.page import COMMAND, Page
from commands.pages import nudges as nudge_pages
from commands.return_nudges import quarterly_returns
from commands.words import Words
from storage.ledger import DIGEST, DUE_SOON, OVERDUE, REPORTING, Nudge
from storage.models import Cadence, ReportingRow
from storage.repository import PlanRepository
from storage.rows import DueItem, OwnerLike

REMIND_DAYS_BEFORE = 14

__all__ = ["NOBODY", "Nudge", "as_message", "nudges_between"]


def nudges_between(repo: PlanRepository, first: datetime, last: datetime,
                   tz: ZoneInfo, command: str = COMMAND,
                   links: ActionLink | None = None) -> list[Nudge]:
    """Every nudge whose send time falls from `first` to `last`, in send order; their
    commands written as the workspace types them (`command`), and `links`: where an email
    may link to an action on the board."""
    span = Span(repo, first.astimezone(tz).date(), last.astimezone(tz).date(), tz,
                routes_of(repo), links, command)
    found = [*_reporting(span), *_due_soon(span), *_overdue(span), *_digests(span),
             *quarterly_returns(span)]
    return sorted((n for n in found if first <= n.send_at <= last),
                  key=lambda n: (n.send_at, n.channel, n.key))


def _reporting(span: Span) -> list[Nudge]:
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
                    nudges.append(Nudge(key=REPORTING.format(cadence=cadence.key),
                                        occurrence=occurrence,
                                        send_at=span.at(day), channel=channel,
                                        audience=_names(owners),
                                        render=span.render(channel, partial(
                                            _reporting_page, span, row, cadence, owners,
                                            day))))
    return nudges


def _reporting_page(span: Span, row: ReportingRow, cadence: Cadence,
                    owners: list[OwnerLike], day: date) -> Page:
    carried = span.report_on(day) if cadence.carries_report else None
    return nudge_pages.reporting(row, cadence, owners, span.actions_of(owners), day, carried,
                                 Words.of(span.repo.plan))


def _due_soon(span: Span) -> list[Nudge]:
    earliest = span.first + timedelta(days=REMIND_DAYS_BEFORE - 5)
    latest = span.last + timedelta(days=REMIND_DAYS_BEFORE)
    nudges = []
    for item in span.repo.falling_due(earliest, latest):
        day = first_working_day_from(item.due - timedelta(days=REMIND_DAYS_BEFORE))
        if span.first <= day <= span.last and not snoozed(item, day):
            nudges += _per_channel(span, item, day, DUE_SOON, nudge_pages.due_soon)
    return nudges


def _overdue(span: Span) -> list[Nudge]:
    nudges = []
    for item in span.repo.falling_due(span.first - timedelta(days=7), span.last):
        day = next_working_day_after(item.due)
        if span.first <= day <= span.last and not snoozed(item, day):
            nudges += _per_channel(span, item, day, OVERDUE, nudge_pages.overdue)
    return nudges


def _per_channel(span: Span, item: DueItem, day: date, kind: str,
                 build: nudge_pages.ItemPage) -> list[Nudge]:
    suffix = f":m{item.milestone.id}" if item.milestone else ""
    key = kind.format(ref=item.action.ref) + suffix
    nudges = []
    for channel, owners in span.by_channel(item.action.owners).items():
        nudges.append(Nudge(key=key, occurrence=item.due,
                            send_at=span.at(day), channel=channel, audience=_names(owners),
                            render=span.render(channel, partial(build, item, owners, day))))
    return nudges


def _digests(span: Span) -> list[Nudge]:
    """One message a week per channel listing all its overdue actions."""
    nudges = []
    monday = span.first - timedelta(days=span.first.weekday())
    while monday <= span.last:
        day = first_working_day_from(monday)
        if span.first <= day <= span.last and day - monday < timedelta(days=7):
            nudges += _digests_on(span, monday, day)
        monday += timedelta(days=7)
    return nudges


def _digests_on(span: Span, monday: date, day: date) -> list[Nudge]:
    items_by_channel: dict[str, list[DueItem]] = defaultdict(list)
    for item in span.repo.overdue(day):
        if snoozed(item, day):
            continue
        for channel in {t for o in span.reached(item.action.owners) for t in span.targets(o)}:
            items_by_channel[channel].append(item)
    items_by_channel.pop(NOBODY, None)
    nudges = []
    for channel, items in sorted(items_by_channel.items()):
        owners = {o.name for i in items for o in span.reached(i.action.owners)
                  if channel in span.targets(o)}
        nudges.append(Nudge(key=DIGEST, occurrence=monday, send_at=span.at(day),
                            channel=channel, audience="; ".join(sorted(owners)),
                            render=span.render(channel, partial(
                                nudge_pages.digest, items, day, span.undated_in(channel)))))
    return nudges


def snoozed(item: DueItem, day: date) -> bool:
    """A snoozed action is not reminded until its snooze ends; its dates never move."""
    return item.action.snoozed_until is not None and day <= item.action.snoozed_until


def _names(owners: Sequence[OwnerLike]) -> str:
    return "; ".join(o.name for o in owners)
