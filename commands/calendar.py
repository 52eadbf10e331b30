"""Working days and reporting dates: 09:00 Europe/London on the first working day.

A working day is Monday to Friday and not an England and Wales bank holiday.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from dateutil.rrule import rrulestr

SEND_AT = time(9, 0)


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(d: date) -> bool:
    return d.weekday() < 5 and d not in _bank_holidays(d.year)


def first_working_day_from(d: date) -> date:
    """`d` itself if it is a working day, else the next one."""
    while not is_working_day(d):
        d += timedelta(days=1)
    return d


def next_working_day_after(d: date) -> date:
    return first_working_day_from(d + timedelta(days=1))


def send_time(d: date, tz: ZoneInfo) -> datetime:
    """09:00 local time on `d`, as an aware datetime (right across the clock changes)."""
    return datetime.combine(d, SEND_AT, tzinfo=tz)


@lru_cache(maxsize=4096)
def rule_dates(rule: str, starts: date, first: date, last: date) -> tuple[date, ...]:
    """The dates a recurrence rule yields from `first` to `last`, counted from `starts`."""
    recurrence = rrulestr(rule, dtstart=datetime.combine(starts, time()))
    return tuple(d.date() for d in recurrence.between(datetime.combine(first, time()),
                                                      datetime.combine(last, time()), inc=True))


def reporting_days(rule: str, starts: date, first: date, last: date) -> list[tuple[date, date]]:
    """(occurrence, send day) pairs: each rule date moved to its first working day."""
    return [(d, first_working_day_from(d)) for d in rule_dates(rule, starts, first - timedelta(
        days=14), last) if first <= first_working_day_from(d) <= last]
