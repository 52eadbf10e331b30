"""Where a due date sits in what people write, and which days it means.

Each pattern finds one way of writing a date ("15/06/2015", "Sept 2014", "Oct/Nov
2015", "Q2 2015/16", "FY 2015-16", "year 2"); `find_dates` returns every one in a
cell, the first and longest where they overlap. A wording that looks like a date but is not
one ("31/02/2015", "2015/17", "Q3" in a three-year plan) is found too, with the
problem, so the reader can say why it did not read it rather than skip it. Nothing
here completes a wording with a year it does not contain.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from storage.periods import YEARS, Period
from storage.wording.days import iso_day, month_range, month_year, named_day, numeric_day
from storage.wording.found import DASH, EDGE, MONTH, SPLIT, YEAR, Found, month_number
from storage.wording.years import (
    dashed_years,
    plan_end,
    plan_year,
    quarter,
    short_fy,
    the_financial_year,
    year_chain,
    year_end,
)

__all__ = ["MONTH", "YEAR", "Found", "find_dates", "month_number"]

_QUARTER = (r"\b(?:q|quarters?\s*)(?:(?P<n0>[1-4])\s*(?:[/&–—-]|\bto\b|\band\b)\s*"
            r"(?:q|quarter\s*)?)?(?P<n>[1-4])(?!\d)")
_FY = r"(?:(?:fy|financial\s+year)\s*)"
_Handler = Callable[[re.Match[str], Period], Found]
_PATTERNS: list[tuple[re.Pattern[str], _Handler]] = [(re.compile(p, re.I), h) for p, h in [
    (r"(?<![\w/.-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[t ]\d\d:\d\d(?::\d\d)?)?"
     + EDGE, iso_day),
    (r"(?<![\w/.-])(?P<d>\d{1,2})(?P<s>[/.-])(?P<m>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})" + EDGE,
     numeric_day),
    (rf"(?<![\d/.])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?[\s-]+(?P<mon>{MONTH})[\s,-]+"
     rf"(?P<y>{YEAR})", named_day),
    (rf"(?P<mon>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>{YEAR})", named_day),
    (rf"(?P<mon1>{MONTH})\s*(?:[/&–—-]|\bto\b|\bor\b|\band\b)\s*(?P<mon2>{MONTH})[\s,-]*"
     rf"(?P<y>{YEAR})", month_range),
    (rf"(?P<mon>{MONTH})[\s,-]*(?P<y>{YEAR})", month_year),
    (rf"(?P<mon>{MONTH})(?:-|\s*['’])(?P<yy>\d{{2}})" + EDGE, month_year),  # Excel's "Dec-15"
    (r"(?<![\d/.-])(?P<m>\d{1,2})/(?P<y>\d{4})" + EDGE, month_year),
    (rf"(?P<fy>\b{_FY})?(?<![\d/.-])" + SPLIT, dashed_years),
    (r"(?<![\d/.-])\d{4}(?:\s*[/–—-]\s*\d{2,4}){2,}(?!\d)", year_chain),
    (r"\bfy\s*(?P<y>\d{2})\s*[/–—-]\s*(?P<y2>\d{2})" + EDGE, short_fy),
    (_QUARTER + rf"(?:\s*(?:of\s+|,\s*|in\s+)?{_FY}?(?:{SPLIT}|(?P<sy>\d{{2}})\s*{DASH}\s*"
     rf"(?P<sy2>\d{{2}}){EDGE}|(?P<y1>{YEAR})(?!\s*{DASH}\s*\d)))?", quarter),
    (rf"{_FY}?{SPLIT}\s*,?\s*{_QUARTER}", quarter),
    (r"\b(?:plan\s+)?year\s+(?P<n>[1-9]|one|two|three|four|five)\b(?!\s*[/–—.-]?\s*\d)",
     plan_year),
    (r"\b(?:(?:this|current|the)\s+)?financial\s+year\b(?!\s*[\d(])", the_financial_year),
    (r"\bend\s+of\s+(?:the\s+|this\s+)?(?:business\s+)?plan(?:\s+period)?\b", plan_end),
    (r"\b(?:(?:the\s+)?end\s+of\s+(?:the\s+)?year|year[- ]end)\b(?!\s+(?:[1-9]|one|two|three|"
     r"four|five)\b)", year_end),
]]


def find_dates(text: str, period: Period) -> list[Found]:
    """Every date written in `text`, in order; where two overlap, the one that starts first,
    and of those the longest ("15 June 2015", not "June 2015")."""
    candidates = [handler(match, period) for pattern, handler in _PATTERNS
                  for match in pattern.finditer(text)]
    chosen: list[Found] = []
    for found in sorted(candidates, key=lambda f: (f.start, f.start - f.end)):
        if not chosen or found.start >= chosen[-1].end:
            chosen.append(_checked(found))
    return chosen


def _checked(found: Found) -> Found:
    """Dates outside the years a plan may hold are typos, not dates."""
    if found.problem or (found.first and found.first.year in YEARS
                         and found.last and found.last.year in YEARS):
        return found
    return Found(found.start, found.end, problem="it falls outside the years 1900 to 2999")
