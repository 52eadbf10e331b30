"""The plan's own periods: "2015/16", "FY 2015-16", "Q2 2015/16", "year 2", "the financial year".

Quarters and "2015/16" years follow the plan's year (`storage.periods`); a wording
that needs the plan to be one year long ("Q3", "the financial year") is read only
when it is.
"""

from __future__ import annotations

import re
from datetime import date

from storage.periods import (
    Period,
    make_quarter,
    plan_years,
    split_year_starts,
    year_from,
    year_label,
)
from storage.wording.found import Found, Span, month_found

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def _split_year(span: Span, y: int, y2: str, written: str) -> Found | int:
    """The first calendar year of a "2015/16" year, or a Found saying why it is not one."""
    if int(y2) == (y + 1 if len(y2) == 4 else (y + 1) % 100):
        return y
    return Found(*span, problem=f"“{written}” is not one year (a year is written like "
                                f"{year_label(y)})")


def _year_span(period: Period, y: int) -> tuple[date, date]:
    return year_from(split_year_starts(period, y))


def dashed_years(m: re.Match[str], period: Period) -> Found:
    """"2015/16", "FY 2015-16", "2015-2016"; "2015-06" is a month; "2011-12" is both."""
    y, y2, span = int(m["y"]), m["y2"], m.span()
    month = int(y2) if len(y2) == 2 and m[0].count("-") == 1 and not m["fy"] else 0
    year = _split_year(span, y, y2, m[0])
    if isinstance(year, int) and 1 <= month <= 12:
        return Found(*span, problem=f"“{m[0]}” could be {date(y, month, 1):%B %Y} or the "
                                    f"year {year_label(y)}: write {year_label(y)} or "
                                    f"{date(y, month, 1):%b %Y}")
    if not isinstance(year, int):
        return month_found(span, y, month, m[0]) if 1 <= month <= 12 else year
    first, last = _year_span(period, year)
    return Found(*span, first, last, year_label(year), unit="year")


def short_fy(m: re.Match[str], period: Period) -> Found:
    """"FY15/16": two-digit years only after FY, where they cannot be a day and month."""
    y = 2000 + int(m["y"])
    year = _split_year(m.span(), y, m["y2"], m[0])
    if not isinstance(year, int):
        return year
    first, last = _year_span(period, year)
    return Found(*m.span(), first, last, year_label(year), unit="year")


def quarter(m: re.Match[str], period: Period) -> Found:
    span, groups = m.span(), m.groupdict()
    if groups.get("y1"):
        return _quarter_of_a_calendar_year(span, groups, int(groups["y1"]), m[0], period)
    if groups.get("sy"):
        y, y2 = 2000 + int(groups["sy"]), groups["sy2"]
    elif groups.get("y"):
        y, y2 = int(groups["y"]), groups["y2"]
    else:
        return _quarter_of_the_plan(span, groups, m[0], period)
    year = _split_year(span, y, y2, m[0])
    if not isinstance(year, int):
        return year
    return _quarters(span, groups, year, split_year_starts(period, year), year_label(year))


def _quarters(span: Span, groups: dict[str, str | None], year: int,
              year_starts: date, label: str) -> Found:
    """"Q2 2015/16", or "Q1-Q2 2015/16" (due at the end of the later quarter)."""
    number, since = int(groups["n"] or 1), int(groups.get("n0") or groups["n"] or 1)
    first = make_quarter(year, min(number, since), year_starts).first
    last = make_quarter(year, max(number, since), year_starts).last
    shown = f"Q{number}" if since == number else f"Q{since}–Q{number}"
    return Found(*span, first, last, f"{shown} {label}", unit="quarter")


def _quarter_of_the_plan(span: Span, groups: dict[str, str | None], written: str,
                         period: Period) -> Found:
    years = plan_years(period)
    if len(years) != 1:
        example = year_label(years[1 if len(years) > 1 else 0])
        return Found(*span, problem=f"“{written}” has no year, and this plan runs "
                                    f"{len(years)} years: write it like Q{groups['n']} {example}")
    return _quarters(span, groups, years[0], period.starts, "of this one-year plan")


def _quarter_of_a_calendar_year(span: Span, groups: dict[str, str | None], y: int,
                                written: str, period: Period) -> Found:
    number = int(groups["n"] or 1)
    if period.starts.month != 1:
        plan = make_quarter(y, number, period.starts)
        calendar = make_quarter(y, number, date(y, 1, 1))
        return Found(*span, problem=f"“{written}” could be the plan's Q{number} "
                                    f"{year_label(y)} ({plan.first:%b}–{plan.last:%b %Y}) or "
                                    f"the calendar's ({calendar.first:%b}–"
                                    f"{calendar.last:%b %Y}): write Q{number} {year_label(y)}")
    return _quarters(span, groups, y, date(y, 1, 1), str(y))


def plan_year(m: re.Match[str], period: Period) -> Found:
    """"year 2" of the plan: the end of its second plan year."""
    number = _NUMBER_WORDS.get(m["n"].lower()) or int(m["n"])
    years = plan_years(period)
    if number > len(years):
        return Found(*m.span(), problem=f"“{m[0]}”: this plan runs {len(years)} "
                                        f"year{'s' if len(years) > 1 else ''}")
    first, last = year_from(date(years[number - 1], period.starts.month, 1))
    return Found(*m.span(), first, last, f"plan year {number} ({year_label(first.year)})",
                 unit="year")


def the_financial_year(m: re.Match[str], period: Period) -> Found:
    """"the financial year": only where one financial year ends inside the plan."""
    spans = [_year_span(period, y) for y in range(period.starts.year - 1, period.ends.year + 1)]
    inside = [s for s in spans if period.starts <= s[1] <= period.ends]
    if len(inside) != 1:
        years = plan_years(period)
        return Found(*m.span(), problem=f"“{m[0]}”: which one? This plan runs "
                                        f"{len(years)} years; write it like "
                                        f"{year_label(years[-1])}")
    first, last = inside[0]
    return Found(*m.span(), first, last, f"the plan's financial year {year_label(first.year)}",
                 unit="year")


def plan_end(m: re.Match[str], period: Period) -> Found:
    return Found(*m.span(), period.starts, period.ends, "the plan", unit="plan")


def year_chain(m: re.Match[str], period: Period) -> Found:
    return Found(*m.span(), problem=f"“{m[0]}” spans more than one year: which is it?")


def year_end(m: re.Match[str], period: Period) -> Found:
    return Found(*m.span(), problem=f"“{m[0]}”: the calendar year or the financial year? "
                                    f"Write the month (March 2016) or the year (2015/16)")


