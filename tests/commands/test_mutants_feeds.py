"""The calendar feed of the second shipped sample (Larkmoor) parsed back with icalendar, as a
subscriber's calendar reads it: an action's event whole (shortened summary, every owner,
its link to the board or no link without a board), a milestone's event whole with the
stable UID made from its label (pasted from Word, longer than a summary), a reporting
cadence with no audience and a rule written with its "RRULE:" prefix, and a plan whose
title holds "END:VCALENDAR" still giving one calendar with every event in it.
Written against mutants mutmut left alive in commands/feeds.py (issue 11, run G)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from icalendar import Calendar, Event

from commands.context import Context
from commands.feeds import _item_ics, plan_feed
from storage.database import Database
from tests.commands.conftest import context

NOW = datetime(2025, 10, 15, 11, 0, tzinfo=UTC)
BOARD = "https://larkmoor.example.org/board/T0KEN"
SLUG = "larkmoor-scp-2025-2028"
STAMP = datetime(2014, 4, 1, 9, 0, tzinfo=UTC)  # when the sample was imported
#: A milestone label as pasted from Word: curly apostrophes, an en dash, a no-break space.
LABEL = ("Audit findings to the Quality Assurance Subgroup – how the neglect tool’s been "
         "used, with\u00a0families’ views")


@pytest.fixture(autouse=True)
def no_kept_events() -> Iterator[None]:
    """Each test serialises its events afresh: none kept from another test's feed."""
    _item_ics.cache_clear()
    yield
    _item_ics.cache_clear()


def fields(event: Event) -> dict[str, Any]:
    """An event's properties as a calendar shows them: text as text, dates as dates, the
    rule as written, moved dates as lists."""
    shown: dict[str, Any] = {}
    for name, value in event.items():
        if name == "RRULE":
            shown[name] = value.to_ical().decode()
        elif name in ("EXDATE", "RDATE"):
            shown[name] = [d.dt for d in value.dts]
        elif name in ("DTSTART", "DTSTAMP"):
            shown[name] = value.dt
        else:
            shown[name] = str(value)
    return shown


def events(ctx: Context, board_url: str = BOARD) -> dict[str, dict[str, Any]]:
    calendar = Calendar.from_ical(plan_feed(ctx, None, board_url))
    return {str(e["UID"]): fields(e) for e in calendar.walk("VEVENT")}


def test_an_action_with_two_owners_is_an_all_day_event_linking_to_the_board(
        samples: dict[str, Database]) -> None:
    with samples["partnership"].unit_of_work() as session:
        found = events(context(session, NOW))
    assert found[f"{SLUG}.action.1.2@lscb-bot"] == {
        "UID": f"{SLUG}.action.1.2@lscb-bot",
        "DTSTAMP": STAMP,
        "DTSTART": date(2026, 6, 30),
        "SUMMARY": "1.2 due: Map early help across the three localities and close the gaps "
                   "families tell us…",
        "DESCRIPTION": "Map early help across the three localities and close the gaps "
                       "families tell us about, starting with the offer for children under "
                       "five\n\nOwners: Larkmoor Council / Larkmoor Integrated Care Board\n"
                       "When: end of June 2026 → 30 Jun 2026\nStatus: 🟢 on track",
        "URL": f"{BOARD}/action/1.2",
    }


def test_without_a_board_an_event_has_no_link(samples: dict[str, Database]) -> None:
    with samples["partnership"].unit_of_work() as session:
        found = events(context(session, NOW), board_url="")
    assert len(found) == 19 and [uid for uid, event in found.items() if "URL" in event] == []
    assert sorted(found[f"{SLUG}.action.1.2@lscb-bot"]) == [
        "DESCRIPTION", "DTSTAMP", "DTSTART", "SUMMARY", "UID"]


def test_a_milestone_pasted_from_word_keeps_a_uid_made_from_its_label(
        samples: dict[str, Database]) -> None:
    with samples["partnership"].unit_of_work() as session:
        ctx = context(session, NOW)
        (milestone,) = ctx.repo.action("1.1c").milestones
        milestone.label = LABEL
        found = events(ctx)
    milestones = [uid for uid in found if ".milestone." in uid]
    uid = f"{SLUG}.milestone.1.1c.43de3c2d1c73317b@lscb-bot"
    assert milestones == [uid]
    assert found[uid] == {
        "UID": uid,
        "DTSTAMP": STAMP,
        "DTSTART": date(2026, 9, 30),
        "SUMMARY": "1.1c milestone: Audit findings to the Quality Assurance Subgroup – how "
                   "the neglect tool’s been…",
        "DESCRIPTION": f"{LABEL}\n\nOf action 1.1c: Audit a sample of cases where the "
                       "neglect tool was used and report the findings\n"
                       "Owners: Quality Assurance Subgroup\nWhen: September 2026",
        "URL": f"{BOARD}/action/1.1c",
    }


def test_a_cadence_with_no_audience_and_a_prefixed_rule(
        samples: dict[str, Database]) -> None:
    """A plan file may give a rule as "RRULE:FREQ=…" (dateutil reads it so); the feed's
    RRULE is the rule itself. New Year's Day, a bank holiday, moves to the next working day."""
    with samples["partnership"].unit_of_work() as session:
        ctx = context(session, NOW)
        cadence = ctx.repo.cadence("agency-returns-yearly")
        cadence.audience, cadence.rule = "", "RRULE:FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1"
        found = events(ctx)
    assert found[f"{SLUG}.cadence.agency-returns-yearly@lscb-bot"] == {
        "UID": f"{SLUG}.cadence.agency-returns-yearly@lscb-bot",
        "DTSTAMP": STAMP,
        "DTSTART": date(2026, 1, 1),
        "SUMMARY": "Report: Agency assurance return to the quality assurance subgroup",
        "DESCRIPTION": "Section 11 and agency assurance returns\nReported by: Each Agency\n"
                       "Sent on the first working day on or after each date, at 09:00 UK "
                       "time.",
        "RRULE": "FREQ=YEARLY;BYMONTHDAY=1;BYMONTH=1",
        "EXDATE": [date(2026, 1, 1), date(2027, 1, 1), date(2028, 1, 1), date(2029, 1, 1)],
        "RDATE": [date(2026, 1, 2), date(2027, 1, 4), date(2028, 1, 4), date(2029, 1, 2)],
    }


def test_a_title_holding_end_vcalendar_still_gives_one_whole_calendar(
        samples: dict[str, Database]) -> None:
    with samples["partnership"].unit_of_work() as session:
        ctx = context(session, NOW)
        count = len(events(ctx))
        ctx.repo.plan.title = "Larkmoor END:VCALENDAR notes"
        feed = plan_feed(ctx, None, BOARD)
    calendar = Calendar.from_ical(feed)
    assert str(calendar["X-WR-CALNAME"]) == "Larkmoor END:VCALENDAR notes"
    assert len(calendar.walk("VEVENT")) == count == 19
    assert feed.endswith(b"END:VEVENT\r\nEND:VCALENDAR\r\n")
