"""Plan quarters: Q1 is the first three months of the plan year (April to June by default)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from commands.context import CommandError
from commands.page import Code
from storage.duedates import YEARS

_QUARTER = re.compile(r"^(?:q([1-4])\s*([0-9]{4})(?:\s*/\s*[0-9]{2,4})?|([0-9]{4})"
                      r"(?:\s*/\s*[0-9]{2,4})?\s*q([1-4]))$", re.I)


@dataclass(frozen=True)
class Quarter:
    number: int
    year_start: int
    first: date
    last: date

    @property
    def label(self) -> str:
        return (f"Q{self.number} {self.year_start}/{(self.year_start + 1) % 100:02d} "
                f"({self.first:%b}–{self.last:%b %Y})")

    def previous(self, plan_starts: date) -> Quarter:
        return quarter_of(self.first - relativedelta(days=1), plan_starts)


def quarter_of(day: date, plan_starts: date) -> Quarter:
    """The plan quarter `day` falls in."""
    months = (day.year - plan_starts.year) * 12 + day.month - plan_starts.month
    year_offset, month_in_year = divmod(months, 12)
    return make_quarter(plan_starts.year + year_offset, month_in_year // 3 + 1, plan_starts)


def make_quarter(year_start: int, number: int, plan_starts: date) -> Quarter:
    first = date(year_start, plan_starts.month, 1) + relativedelta(months=3 * (number - 1))
    return Quarter(number, year_start, first, first + relativedelta(months=3, days=-1))


def read_quarter(text: str, today: date, plan_starts: date) -> Quarter:
    """`Q2 2014/15`, `2014/15 Q2`, `q2 2014`; nothing means the quarter we are in."""
    words = " ".join(text.split())
    if not words:
        return quarter_of(today, plan_starts)
    match = _QUARTER.match(words)
    if not match:
        raise CommandError(f"I can't read “{words[:40]}” as a quarter. Try ", Code("Q2 2014/15"),
                           f" (plan quarters: Q1 starts in {plan_starts:%B}).")
    number, year = (match[1], match[2]) if match[1] else (match[4], match[3])
    if int(year) not in YEARS:
        raise CommandError(f"{year} is not a year this plan could report on.")
    return make_quarter(int(year), int(number), plan_starts)
