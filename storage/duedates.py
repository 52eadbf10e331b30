"""Due dates as people write them ("May 2014", "Annually", "Ongoing – following a review").

The original wording is always kept; this module derives the machine date from it.
Nothing here reads the clock: a wording without a year is never completed with
today's year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from dateutil import parser as dateparser
from dateutil.relativedelta import relativedelta


class DueKind(StrEnum):
    DATE = "date"
    ANNUAL = "annual"
    EVENT = "event"
    UNPARSED = "unparsed"


@dataclass(frozen=True)
class Due:
    kind: DueKind
    date: date | None = None


_MONTH_YEAR = re.compile(r"^(?P<month>[A-Za-z]{3,9})\.?\s*,?\s*(?P<year>[0-9]{4})$")
#: The years a plan's dates may fall in; anything else is a typo, not a date.
YEARS = range(1900, 3000)
_ANNUAL = re.compile(r"^(annually|annual|yearly|every year)(\s+from\s+(?P<year>[0-9]{4}))?$",
                     re.I)
_EVENT = re.compile(r"^(ongoing|following|after|as and when|on each|each)\b", re.I)
_MONTHS = dateparser.parserinfo()


def parse_when(text: str, plan_starts: date) -> Due:
    """Derive the due kind and first due date of a plan's *when* wording."""
    wording = " ".join(text.split())
    month_end = month_end_of(wording)
    if month_end is not None:
        return Due(DueKind.DATE, month_end)
    annual = _ANNUAL.match(wording)
    if annual:
        first_year = int(annual["year"]) if annual["year"] else plan_starts.year
        if first_year not in YEARS:
            return Due(DueKind.UNPARSED)
        return Due(DueKind.ANNUAL, plan_year_end(plan_starts, first_year))
    if _EVENT.match(wording):
        return Due(DueKind.EVENT)
    return Due(DueKind.UNPARSED)


def month_end_of(wording: str) -> date | None:
    """The last day of a written month and year ("Sept 2014"), or None."""
    match = _MONTH_YEAR.match(" ".join(wording.split()))
    if not match:
        return None
    month = _MONTHS.month(match["month"])
    if month is None or int(match["year"]) not in YEARS:
        return None
    end: date = date(int(match["year"]), month, 1) + relativedelta(day=31)
    return end


def plan_year_end(plan_starts: date, year: int) -> date:
    """The last day of the plan year that begins in `year` (April to March by default)."""
    begins = date(year, plan_starts.month, plan_starts.day)
    end: date = begins + relativedelta(years=1, days=-1)
    return end


def next_annual_due(due: date) -> date:
    """The same action's due date one year on, for recurring (annual) actions."""
    following: date = due + relativedelta(years=1)
    return following
