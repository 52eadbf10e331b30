"""Calendar feeds (RFC 5545) of the plan, or of one owner's part of it, with `icalendar`.

Every event is all-day, so it shows on the day whatever the subscriber's time zone.
UIDs are made from what names a thing in the plan (the plan's slug with an action's
ref, a milestone's label, a cadence's key), never from database ids, so a calendar
keeps the same events across refreshes and re-imports. A reporting cadence is one event
with its rule as an RRULE; a date the rule gives that is not a working day is moved, as
the bot's nudges are, to the next working day (an EXDATE and an RDATE), up to a year
past the plan's end. Only open items are listed: a completed action leaves the feed.

Each action's or milestone's event is serialised once and kept (`_item_ics`, keyed by
everything it shows), so after one change to a 10,000-action plan its feed is rebuilt
from 9,999 kept events and one new one: icalendar folds every line character by
character, and writing the whole of such a feed takes seconds.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta
from functools import lru_cache

from icalendar import Calendar, Event, vDDDTypes, vRecur, vText, vUri

from commands.calendar import first_working_day_from, is_working_day, rule_dates
from commands.context import Context
from commands.planner import LOOKAHEAD_DAYS
from commands.text import shorten, status, when
from storage.models import Cadence, Owner, ReportingRow
from storage.rows import DueItem

DOMAIN = "lscb-bot"
KEPT_EVENTS = 50_000
EVER = (date(1900, 1, 1), date(9999, 12, 31))


def plan_feed(ctx: Context, scope: Owner | None, board_url: str) -> bytes:
    """The calendar of the plan's open actions, milestones and reporting dates (the
    owner's only, for an owner's link); `board_url` is where its events link to."""
    plan = ctx.repo.plan
    cal = Calendar()
    cal.add("prodid", "-//lscb-bot//board calendar//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"{plan.title}{f' – {scope.name}' if scope else ''}")
    cal.add("x-wr-timezone", str(ctx.tz))
    owners = [scope] if scope else None
    stamp = vDDDTypes(plan.imported_at)
    events = [_item_ics(plan.slug, item, board_url, plan.imported_at)
              for item in ctx.repo.falling_due(*EVER, owners)]
    for row in ctx.repo.reporting_rows():
        if scope is None or scope.id in {o.id for o in row.owners}:
            for cadence in row.cadences:
                if event := _cadence_event(ctx, row, cadence, stamp):
                    events.append(bytes(event.to_ical()))
    frame = bytes(cal.to_ical())
    end = frame.rindex(b"END:VCALENDAR")
    return frame[:end] + b"".join(events) + frame[end:]


@lru_cache(maxsize=KEPT_EVENTS)
def _item_ics(slug: str, item: DueItem, board_url: str, stamp: datetime) -> bytes:
    return bytes(_item_event(slug, item, board_url, vDDDTypes(stamp)).to_ical())


def _uid(*parts: str) -> str:
    return ".".join(parts) + f"@{DOMAIN}"


def _event(uid: str, summary: str, start: date, description: str, url: str,
           stamp: vDDDTypes) -> Event:
    """An all-day event: with a DATE start and no end it lasts the day (RFC 5545 3.6.1).
    Values are given as property objects, which spares icalendar's type lookup per value
    (a 10,000-action plan's feed is 10,000 events)."""
    event = Event()
    event["UID"] = vText(uid)
    event["DTSTAMP"] = stamp
    event["DTSTART"] = vDDDTypes(start)
    event["SUMMARY"] = vText(summary)
    event["DESCRIPTION"] = vText(description)
    if url:
        event["URL"] = vUri(url)
    return event


def _item_event(slug: str, item: DueItem, board_url: str, stamp: vDDDTypes) -> Event:
    action = item.action
    owners = " / ".join(o.name for o in action.owners)
    url = f"{board_url}/action/{action.ref}" if board_url else ""
    if item.milestone is None:
        return _event(_uid(slug, "action", action.ref),
                      f"{action.ref} due: {shorten(action.text, 80)}", item.due,
                      f"{action.text}\n\nOwners: {owners}\nWhen: {when(action)}\n"
                      f"Status: {status(action)}", url, stamp)
    label = item.milestone.label
    key = hashlib.sha256(label.encode()).hexdigest()[:16]
    return _event(_uid(slug, "milestone", action.ref, key),
                  f"{action.ref} milestone: {shorten(label, 80)}", item.due,
                  f"{label}\n\nOf action {action.ref}: {action.text}\nOwners: {owners}\n"
                  f"When: {item.milestone.when_text}", url, stamp)


def _cadence_event(ctx: Context, row: ReportingRow, cadence: Cadence,
                   stamp: vDDDTypes) -> Event | None:
    plan = ctx.repo.plan
    last = max(plan.ends, ctx.today) + timedelta(days=LOOKAHEAD_DAYS)
    dates = rule_dates(cadence.rule, plan.starts, plan.starts, last)
    if not dates:
        return None
    by = ", ".join(o.name for o in row.owners)
    to = f" to {cadence.audience}" if cadence.audience else ""
    event = _event(_uid(plan.slug, "cadence", cadence.key), f"Report: {cadence.label}{to}",
                   dates[0], f"{row.what}\nReported by: {by}\nSent on the first working "
                   f"day on or after each date, at 09:00 UK time.", "", stamp)
    event.add("rrule", vRecur.from_ical(cadence.rule.removeprefix("RRULE:")))
    moved = [d for d in dates if not is_working_day(d)]
    if moved:
        event.add("exdate", moved)
        event.add("rdate", [first_working_day_from(d) for d in moved])
    return event
