"""Full dates (day, month and year) in a text, and what each could be: a plan date or a birth date.

UK dates are written day first, but a numeric date is read both ways when both are real
("03/12/2009" is 3 December or 12 March): refusing is the safe side. Two-digit years are this
century unless that would be more than ten years ahead of today.

With `today`, a date is placed:

* "plan": every reading is within the last year or later (a deadline, a meeting, a birth
  this year, which only a birth marker or a child's details beside it can tell);
* "past": a reading more than a year ago but less than nineteen years: the age of a child;
* "old": every reading is older: not a child's date of birth.

Without `today` every date is "unknown", and only the words around it decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

Role = Literal["plan", "past", "old", "unknown"]

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_ORDINAL = r"(?:st|nd|rd|th)?"

# 12/03/2009, 12-03-2009, 12.03.09
_DATE_NUMERIC = re.compile(
    r"(?<![0-9])(?P<a>[0-9]{1,2})(?P<sep>[/.-])(?P<b>[0-9]{1,2})(?P=sep)"
    r"(?P<year>[0-9]{4}|[0-9]{2})(?![0-9])"
)
# 2009-03-12, 2009/03/12
_DATE_ISO = re.compile(
    r"(?<![0-9])(?P<year>(?:19|20)[0-9]{2})(?P<sep>[/.-])(?P<b>[0-9]{1,2})(?P=sep)"
    r"(?P<a>[0-9]{1,2})(?![0-9])"
)
# 12 March 2009, 12th Mar 2009, 12-Mar-09, 12 of March 2009
_DATE_DAY_MONTH = re.compile(
    rf"(?<![0-9])(?P<a>[0-9]{{1,2}}){_ORDINAL}[\s/-]{{0,3}}(?:of\s{{1,3}})?{_MONTH}\.?,?"
    rf"[\s/-]{{1,3}}(?P<year>[0-9]{{4}}|'?[0-9]{{2}})(?![0-9])",
    re.IGNORECASE,
)
# March 12, 2009 / Mar 12th 2009
_DATE_MONTH_DAY = re.compile(
    rf"\b{_MONTH}\.?[\s-]{{1,3}}(?P<a>[0-9]{{1,2}}){_ORDINAL},?[\s-]{{1,3}}"
    rf"(?P<year>[0-9]{{4}})(?![0-9])",
    re.IGNORECASE,
)
PATTERNS = (_DATE_NUMERIC, _DATE_ISO, _DATE_DAY_MONTH, _DATE_MONTH_DAY)


@dataclass(frozen=True)
class FullDate:
    start: int
    end: int
    readings: tuple[date, ...]


def _year(digits: str, today: date | None) -> int:
    number = int(digits.lstrip("'"))
    if len(digits.lstrip("'")) == 4:
        return number
    horizon = (today.year if today else 2040) + 10
    return 2000 + number if 2000 + number <= horizon else 1900 + number


def _readings(match: re.Match[str], today: date | None) -> tuple[date, ...]:
    groups = match.groupdict()
    year, first = _year(groups["year"], today), int(groups["a"])
    if groups.get("mon"):
        pairs = [(first, _MONTHS.index(groups["mon"][:3].lower()) + 1)]
    else:  # day first as written in the UK, and month first if that is a real date too
        second = int(groups["b"])
        pairs = [(first, second), (second, first)]
    readings = []
    for day, month in pairs:
        try:
            readings.append(date(year, month, day))
        except ValueError:
            continue
    return tuple(dict.fromkeys(readings))


def full_dates(text: str, today: date | None = None) -> list[FullDate]:
    """Every real full date in `text`, in order of where it starts."""
    found = []
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            if readings := _readings(match, today):
                found.append(FullDate(match.start(), match.end(), readings))
    return sorted(found, key=lambda d: d.start)


def _years_before(day: date, years: int) -> date:
    return date(max(1, day.year - years), day.month, min(day.day, 28))


def role(found: FullDate, today: date | None) -> Role:
    """Where the date falls for someone writing on `today` (see the module's docstring)."""
    if today is None:
        return "unknown"
    recent = _years_before(today, 1)
    if all(reading >= recent for reading in found.readings):
        return "plan"
    oldest_child = _years_before(today, 19)
    if any(oldest_child <= reading < recent for reading in found.readings):
        return "past"
    return "old"
