"""Calendar dates: "15/06/2015", "15th June 2015", "2015-06-15", "Sept 2014", "Oct/Nov 2015"."""

from __future__ import annotations

import re
from datetime import date

from storage.periods import Period, month_span
from storage.wording.found import Found, Span, month_found, month_number


def _day(span: Span, y: int, m: int, d: int, written: str, read: str = "") -> Found:
    try:
        day = date(y, m, d)
    except ValueError:
        return Found(*span, problem=f"“{written}” is not a real date{read}")
    return Found(*span, day, day, f"{day.day} {day:%b %Y}", unit="day")


def iso_day(m: re.Match[str], period: Period) -> Found:
    return _day(m.span(), int(m["y"]), int(m["m"]), int(m["d"]), m[0],
                " (read as year-month-day)")


def numeric_day(m: re.Match[str], period: Period) -> Found:
    year = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"])
    return _day(m.span(), year, int(m["m"]), int(m["d"]), m[0],
                f" (read day first: day {int(m['d'])} of month {int(m['m'])})")


def named_day(m: re.Match[str], period: Period) -> Found:
    return _day(m.span(), int(m["y"]), month_number(m["mon"]) or 0, int(m["d"]), m[0])


def month_year(m: re.Match[str], period: Period) -> Found:
    """"Sept 2014", "06/2015", and a spreadsheet's "Dec-15" or "March '16" (20yy)."""
    groups = m.groupdict()
    month = month_number(groups["mon"]) if groups.get("mon") else int(m["m"])
    year = int(groups["y"]) if groups.get("y") else 2000 + int(groups["yy"])
    return month_found(m.span(), year, month or 0, m[0])


def month_range(m: re.Match[str], period: Period) -> Found:
    """"Oct/Nov 2015", "June and July 2012": due at the end of the later month."""
    one, two, year = month_number(m["mon1"]) or 1, month_number(m["mon2"]) or 1, int(m["y"])
    first = month_span(year - 1 if one > two else year, one)[0]
    last = month_span(year, two)[1]
    return Found(*m.span(), first, last, f"{first:%b}–{last:%b %Y}", unit="months")


