"""The days a cadence's reports go out, at the window's edges: a send day on the window's
last day is in it, and a rule date before the window whose first working day falls inside
it is sent inside it. Written against mutants mutmut left alive in commands/calendar.py
(issue 11)."""

from __future__ import annotations

from datetime import date

from commands.calendar import reporting_days

MONTHLY = "FREQ=MONTHLY;BYMONTHDAY=1"
STARTS = date(2014, 4, 1)


def test_a_send_day_on_the_windows_last_day_is_in_the_window() -> None:
    assert reporting_days(MONTHLY, STARTS, date(2014, 10, 2), date(2014, 12, 1)) == [
        (date(2014, 11, 1), date(2014, 11, 3)), (date(2014, 12, 1), date(2014, 12, 1))]


def test_a_rule_date_before_the_window_is_sent_on_its_working_day_inside_it() -> None:
    """1 Nov 2014 is a Saturday: its report goes on Monday 3 Nov, which is in the window."""
    assert reporting_days(MONTHLY, STARTS, date(2014, 11, 3), date(2014, 11, 30)) == [
        (date(2014, 11, 1), date(2014, 11, 3))]
    assert reporting_days(MONTHLY, STARTS, date(2014, 11, 4), date(2014, 11, 30)) == []
