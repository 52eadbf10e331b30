"""`lscb status` as a page: the heartbeat sentence, the plans and the delivery ledger."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from commands.page import Code
from commands.pages.status import heartbeat_line, status_page
from commands.status import OK, STALE, STARTING, Heartbeat, PlanStatus, Status
from tests.commands.page_shape import shape

CHECKED = datetime(2014, 10, 15, 11, 0, tzinfo=UTC)
FIFTEEN = timedelta(minutes=15)
NEVER_RAN = ("Scheduler: no cycle has ever finished: is the scheduler running "
             "(`lscb scheduler`, or `lscb serve` with LSCB_SCHEDULER on)?")


@pytest.mark.parametrize(("elapsed", "ago"), [
    (timedelta(seconds=59), "less than a minute ago"),
    (timedelta(seconds=60), "1 minute ago"),
    (timedelta(minutes=119), "119 minutes ago"),
    (timedelta(minutes=120), "2 hours ago"),
    (timedelta(minutes=150), "2 hours ago"),
    (timedelta(hours=47), "47 hours ago"),
    (timedelta(hours=48), "2 days ago"),
    (timedelta(hours=71), "2 days ago"),
])
def test_the_last_cycle_is_said_in_minutes_then_hours_then_days(
        elapsed: timedelta, ago: str) -> None:
    finished = CHECKED - elapsed
    beat = Heartbeat(OK, CHECKED, FIFTEEN, finished)
    assert heartbeat_line(beat) == (
        f"Scheduler: OK. The last cycle finished {finished:%Y-%m-%d %H:%M} UTC, {ago}.",)


def test_a_starting_scheduler_is_told_apart_from_one_that_never_ran() -> None:
    assert heartbeat_line(Heartbeat(STARTING, CHECKED, FIFTEEN)) == (
        "Scheduler: no cycle has finished yet; the scheduler runs one when it starts.",)
    assert heartbeat_line(Heartbeat(STALE, CHECKED, FIFTEEN)) == (NEVER_RAN,)


def test_a_stopped_scheduler_says_the_limit_in_minutes_and_the_last_cycle() -> None:
    beat = Heartbeat(STALE, CHECKED, FIFTEEN, CHECKED - timedelta(minutes=61))
    assert heartbeat_line(beat) == (
        "Scheduler: STOPPED? No cycle has finished for over 15 minutes (the last, "
        "2014-10-15 09:59 UTC, 61 minutes ago). Check the scheduler's log.",)


def test_the_status_page_with_no_plan_and_failed_nudges() -> None:
    beat = Heartbeat(STALE, CHECKED, FIFTEEN, last_started=CHECKED - timedelta(minutes=5),
                     last_outcome="failed", worker="web-1")
    page = status_page(Status(beat, [], {"failed": 2, "zzz": 1, "sent": 5, "pending": 0}))
    assert page.is_error
    assert shape(page) == [
        ("heading", "lscb status"),
        ("paragraph", (NEVER_RAN,)),
        ("paragraph", ("Latest cycle: started 2014-10-15 10:55 UTC in web-1, failed.",)),
        ("heading", "Plans"),
        ("paragraph", ("No plan is loaded yet: ", Code("lscb plan import FILE"), ".")),
        ("heading", "Nudges"),
        ("paragraph", ("5 sent, 2 failed, 1 zzz",)),
        ("note", ("Failed nudges are listed to the admins by direct message, with the fix.",)),
    ]


def test_the_status_page_lists_each_plan_with_its_counts_and_links() -> None:
    beat = Heartbeat(OK, CHECKED, FIFTEEN, CHECKED - timedelta(minutes=3))
    plans = [PlanStatus("lscb", "Business plan", 40, 1, 2, ["T1", "T2"], ["Chair", "Board"]),
             PlanStatus("other", "Other plan", 1, 3, 1, [], [])]
    page = status_page(Status(beat, plans, {}))
    assert not page.is_error
    assert shape(page)[2:] == [
        ("heading", "Plans"),
        ("items", "", [
            ("lscb: Business plan, 40 actions, 1 owner, 2 channels linked; nobody is linked "
             "to Chair, Board; used by T1, T2",),
            ("other: Other plan, 1 action, 3 owners, 1 channel linked; everyone is linked",)]),
        ("heading", "Nudges"),
        ("paragraph", ("None recorded yet.",)),
    ]
