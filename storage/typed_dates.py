"""Dates people type in commands: the window `/lscb due` covers, the date `/lscb move` sets.

Both read as the plan's own *when* cells do (`storage.duedates`), so "September 2015"
means 30 Sep 2015 in a file and in a command alike; a window also knows today.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from storage.duedates import DueKind, read_when
from storage.periods import YEARS, Period, make_quarter, month_span, quarter_of
from storage.wording import find_dates

#: "14 days", "6 weeks", "3650 days", "14"; a bare four-digit number is a year.
_DAYS = re.compile(r"^(?:next\s+)?(?:([0-9]{1,4})\s*(d|days?|w|weeks?)|([0-9]{1,3}))$", re.I)
_RELATIVE = re.compile(r"^(this|next|last)\s+(month|quarter)$", re.I)
#: "Q2" is this plan year's; "Q2 2015" the plan year from 2015, as `/lscb report` reads it.
_QUARTER = re.compile(r"^q([1-4])(?:\s+([0-9]{4}))?$", re.I)
_BY = re.compile(r"(?:(?:by\s+)?(?:the\s+)?end\s+of\s+|by\s+)?", re.I)
_STEP = {"this": 0, "next": 1, "last": -1}
MOST_WORDS = 6  # the longest date a command reads: "by the end of June 2015"


def read_window(text: str, today: date, period: Period) -> tuple[date, date] | None:
    """The first and last day `/lscb due TEXT` covers, or None if TEXT is not a window."""
    words = " ".join(text.split())
    if match := _DAYS.match(words):
        count = int(match[1] or match[3]) * (7 if (match[2] or "d").lower()[0] == "w" else 1)
        return today, today + timedelta(days=count)
    if words.isdigit() and len(words) == 4:
        return (date(int(words), 1, 1), date(int(words), 12, 31)) if int(words) in YEARS else None
    if match := _RELATIVE.match(words):
        return _relative(match[2].lower(), _STEP[match[1].lower()], today, period)
    if match := _QUARTER.match(words):
        year = int(match[2]) if match[2] else quarter_of(today, period.starts).year_start
        if year not in YEARS:
            return None
        quarter = make_quarter(year, int(match[1]), period.starts)
        return quarter.first, quarter.last
    found = find_dates(words, period)
    if len(found) != 1 or found[0].problem or (found[0].start, found[0].end) != (0, len(words)):
        return None
    first, last = found[0].first, found[0].last
    return (first, last) if first and last else None


def _relative(unit: str, step: int, today: date, period: Period) -> tuple[date, date]:
    if unit == "month":
        moved = today + relativedelta(months=step)
        return month_span(moved.year, moved.month)
    quarter = quarter_of(today + relativedelta(months=3 * step), period.starts)
    return quarter.first, quarter.last


def read_date(text: str, period: Period) -> date | None:
    """The one date TEXT names, read as the plan reads its *when* cells, or None.

    Only the date ("September 2015", "by 15/06/2015"): a word more is not a date."""
    words = " ".join(text.split())
    due = read_when(words, period)
    found = find_dates(words, period)
    if due.kind is not DueKind.DATE or due.milestones or len(found) != 1:
        return None
    before, after = words[:found[0].start], words[found[0].end:]
    return due.date if _BY.fullmatch(before) and not after.strip(" .") else None


def leading_date(text: str, period: Period) -> tuple[date, str] | None:
    """The date at the start of TEXT and what follows it: "September 2015 supplier late"."""
    words = text.split()
    for count in range(min(MOST_WORDS, len(words)), 0, -1):
        if (found := read_date(" ".join(words[:count]), period)) is not None:
            prefix = re.match(rf"\s*(?:\S+\s*){{{count}}}", text)
            return found, text[prefix.end() if prefix else len(text):].strip()
    return None
