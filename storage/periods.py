"""A plan's own calendar: plan years, quarters and "2015/16" years.

The plan year starts in the month the plan starts (April for UK public-sector plans);
Q1 is its first three months. A "2015/16" year only makes sense for a year that
straddles two calendar years, so a plan that runs January to December reads it as
the UK financial year, April to March.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from dateutil.relativedelta import relativedelta

#: The years a plan's dates may fall in; anything else is a typo, not a date.
YEARS = range(1900, 3000)
FINANCIAL_YEAR_MONTH = 4  # April: the UK financial year


class Period(Protocol):
    """Anything with a plan's first and last day: a Plan, a PlanDoc, a PlanPeriod."""

    @property
    def starts(self) -> date: ...

    @property
    def ends(self) -> date: ...


@dataclass(frozen=True)
class PlanPeriod:
    starts: date
    ends: date


def in_years(day: date | None) -> bool:
    return day is None or (YEARS.start <= day.year < YEARS.stop)


def plan_year_end(plan_starts: date, year: int) -> date:
    """The last day of the plan year that begins in `year` (April to March by default)."""
    end: date = plan_starts + relativedelta(years=year - plan_starts.year + 1, days=-1)
    return end


def plan_years(period: Period) -> list[int]:
    """The calendar years in which each of the plan's years begins."""
    count = 1
    while period.starts + relativedelta(years=count) <= period.ends and count < 50:
        count += 1
    return [period.starts.year + k for k in range(count)]


def split_year_starts(period: Period, first_year: int) -> date:
    """The first day of the year written "`first_year`/next": the plan's, or the UK FY."""
    month = period.starts.month if period.starts.month != 1 else FINANCIAL_YEAR_MONTH
    return date(first_year, month, 1)


def year_label(first_year: int) -> str:
    return f"{first_year}/{(first_year + 1) % 100:02d}"


@dataclass(frozen=True)
class Quarter:
    number: int
    year_start: int
    first: date
    last: date

    @property
    def label(self) -> str:
        return (f"Q{self.number} {year_label(self.year_start)} "
                f"({self.first:%b}–{self.last:%b %Y})")

    def previous(self, plan_starts: date) -> Quarter:
        return quarter_of(self.first - timedelta(days=1), plan_starts)


def quarter_of(day: date, plan_starts: date) -> Quarter:
    """The plan quarter `day` falls in."""
    months = (day.year - plan_starts.year) * 12 + day.month - plan_starts.month
    year_offset, month_in_year = divmod(months, 12)
    return make_quarter(plan_starts.year + year_offset, month_in_year // 3 + 1, plan_starts)


def make_quarter(year_start: int, number: int, plan_starts: date) -> Quarter:
    """Quarter `number` (1-4) of the plan year that begins in `year_start`."""
    year, month = months_on(year_start, plan_starts.month, 3 * (number - 1))
    last_year, last_month = months_on(year, month, 2)
    return Quarter(number, year_start, date(year, month, 1),
                   month_span(last_year, last_month)[1])


def month_span(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month."""
    return date(year, month, 1), date(year, month, monthrange(year, month)[1])


def months_on(year: int, month: int, count: int) -> tuple[int, int]:
    """The year and month `count` months after `month` of `year`."""
    years, index = divmod(year * 12 + month - 1 + count, 12)
    return years, index + 1


def year_from(first: date) -> tuple[date, date]:
    """A year that begins on the first of a month: its first and last day."""
    return first, date(first.year + 1, first.month, 1) - timedelta(days=1)
