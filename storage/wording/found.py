"""What the patterns find: a span of a cell, the days it means, or why it means none."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateutil import parser as dateparser

from storage.periods import month_span

_INFO = dateparser.parserinfo(dayfirst=True)
_NAMES = sorted({n.lower() for names in _INFO.MONTHS for n in names}, key=len, reverse=True)
MONTH = r"\b(?:" + "|".join(_NAMES) + r")(?![a-z])\.?"
YEAR = r"(?<!\d)(?:19\d\d|2\d{3})(?!\d)"
DASH = r"[/–—-]"
EDGE = r"(?![\d/.-]?\d)"  # not followed by more digits ("20155", "2015/16/17")
SPLIT = rf"(?P<y>\d{{4}})\s*{DASH}\s*(?P<y2>\d{{4}}|\d{{2}})(?!\d)(?!\s*/\s*\d)"
Span = tuple[int, int]


@dataclass(frozen=True)
class Found:
    """A date written in a cell: its span, the days it means, or why it means none."""

    start: int
    end: int
    first: date | None = None
    last: date | None = None
    means: str = ""
    problem: str = ""
    unit: str = ""  # day, month, months, quarter, year, plan: what a window reads it as


def month_number(name: str) -> int | None:
    """1-12 for an English month name or abbreviation ("Sept", "sept."), else None."""
    number: int | None = _INFO.month(name.rstrip(".").lower())
    return number


def month_found(span: tuple[int, int], y: int, m: int, written: str) -> Found:
    if not 1 <= m <= 12:
        return Found(*span, problem=f"“{written}”: there is no month {m}")
    first, last = month_span(y, m)
    return Found(*span, first, last, f"{first:%B %Y}", unit="month")


