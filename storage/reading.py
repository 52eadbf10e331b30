"""From the dates found in a cell to what the cell asks for.

The words before a date change what it means ("by", "no later than", "before",
"from"); two dates joined by "to" or "/" are one range; dates apart are milestones,
each labelled with its part of the cell; the words left over are the qualifier
("subject to funding"), unless they hold another year or month, which makes the
cell ambiguous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from storage.periods import YEARS, year_label
from storage.wording import MONTH, YEAR, Found

_LEAD = re.compile(
    r"(?:(?P<by>\b(?:(?:no|not)\s+later\s+than|(?:by|before|at|in|to)\s+(?:the\s+)?end(?:\s+of)?"
    r"|(?:the\s+)?end(?:\s+of)?|by|until|till|up\s+to|due(?:\s+(?:by|in|on))?|deadline|target"
    r"(?:\s+date)?|in|during|within|for|at|on|across|throughout|between|completed?\s+by"
    r"|w/e|week\s+ending))"
    r"|(?P<before>\bbefore)"
    r"|(?P<begin>\b(?:by\s+)?(?:the\s+)?(?:beginning|start)\s+of)"
    r"|(?P<since>\b(?:from|after|following|since|starting(?:\s+(?:in|from|on))?"
    r"|commencing(?:\s+on)?|w/c|week\s+commencing)))[\s:-]*$", re.I)
_ONWARDS = re.compile(r"\s*(?:onwards?|and\s+(?:beyond|after))\b", re.I)
_RANGE = re.compile(r"\s*(?:[/–—-]|to|until|till|through|thru|or)\s*", re.I)
_BETWEEN = re.compile(r"\bbetween\s*$", re.I)
_AND = re.compile(r"\s*(?:and|&)\s*", re.I)
_SEPARATOR = re.compile(r"[;,&\n]|\b(?:and|then)\b|\s[–—-]\s", re.I)
_MONTH_WORD = re.compile(MONTH, re.I)
_YEAR_WORD = re.compile(YEAR)
_SEASON = re.compile(r"\b(?:spring|summer|autumn|fall|winter|easter|christmas)\b", re.I)
_VERBS = {"may", "march", "mar"}  # lower-case, these are verbs ("may slip"), not months
_FILLER = {"", "and", "or", "the", "a", "to", "then", "&"}


@dataclass(frozen=True)
class Dated:
    """A date in a cell read with the words before it ("by the end of", "from")."""

    start: int  # where its lead begins
    end: int
    first: date
    last: date  # the day it is due
    phrase: str  # "the end of May 2016", for "read as"
    written: str  # the date as written, without its lead: "May 2016"
    starts_only: bool = False  # "from April 2015": when it starts, not when it is due


def dated_parts(text: str, found: list[Found]) -> list[Dated]:
    """The dates of a cell with their leads; ranges joined. `found` has no problems."""
    parts: list[Dated] = []
    floor = 0
    for one in _joined(text, found):
        parts.append(_with_lead(text, one, floor))
        floor = one.end
    return parts


def _joined(text: str, found: list[Found]) -> list[Found]:
    """"Dec 2015 – Jan 2016", "between June 2015 and July 2015": one range each."""
    joined: list[Found] = []
    for one in found:
        if joined and _is_range(text, joined[-1], one):
            last = joined.pop()
            one = Found(last.start, one.end, min(_d(last.first), _d(one.first)),
                        max(_d(last.last), _d(one.last)), f"{last.means} to {one.means}",
                        unit="range")
        joined.append(one)
    return joined


def _is_range(text: str, before: Found, after: Found) -> bool:
    gap = text[before.end:after.start]
    return bool(_RANGE.fullmatch(gap) or (_AND.fullmatch(gap)
                                          and _BETWEEN.search(text, 0, before.start)))


def _d(day: date | None) -> date:
    assert day is not None, "a found date without a problem has its days"
    return day


def _with_lead(text: str, one: Found, floor: int) -> Dated:
    lead = _LEAD.search(text, floor, one.start)
    kind = lead.lastgroup if lead and one.unit != "range" else "by"
    if _ONWARDS.match(text, one.end):  # "April 2015 onwards"
        kind = "since"
    first, last, written = _d(one.first), _d(one.last), text[one.start:one.end]
    start = lead.start() if lead else one.start
    if kind == "since":
        return Dated(start, one.end, first, first, f"from {one.means}", written, True)
    if kind == "before":
        return Dated(start, one.end, first, first - timedelta(days=1),
                     f"the day before {one.means}", written)
    if kind == "begin" and first != last:
        return Dated(start, one.end, first, first, f"the start of {one.means}", written)
    phrase = one.means if first == last else f"the end of {one.means}"
    return Dated(start, one.end, first, last, phrase, written)


def segments(text: str, deadlines: list[Dated]) -> list[tuple[str, str]]:
    """Each date's part of the cell (its milestone label) and the words besides the date."""
    starts, ends = [0], []
    for before, after in pairwise(deadlines):
        cut = list(_SEPARATOR.finditer(text, before.end, after.start))
        ends.append(cut[-1].start() if cut else after.start)
        starts.append(cut[-1].end() if cut else after.start)
    ends.append(len(text))
    return [(clean(text[lo:hi]), clean(text[lo:part.start] + " " + text[part.end:hi]))
            for part, lo, hi in zip(deadlines, starts, ends, strict=True)]


def clean(words: str) -> str:
    """Words around a date, without the punctuation and brackets that held it."""
    text = " ".join(words.split()).strip(" ,;:.–—-/&")
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()
    text = text.strip(" ,;:–—-()") if text.count("(") != text.count(")") else text
    return "" if text.lower() in _FILLER else text


def leftover_problem(text: str, parts: list[Dated]) -> str:
    """Why a cell with dates is still ambiguous: another year or month outside them."""
    if outside := next((p for p in parts if p.last.year not in YEARS), None):
        return f"“{outside.written}” falls outside the years 1900 to 2999"
    rest = _outside(text, parts)
    stray = _YEAR_WORD.search(rest) or _month_word(rest)
    if stray is None:
        return ""
    return (f"it says “{stray[0]}” besides “{parts[0].written}”: which is the due date? "
            f"Write one date, or dates for each step separated by “;”")


def unread_reason(text: str, parts: list[Dated]) -> str:
    """Why a cell without a due date in it could not be read, in a user's words."""
    if parts:
        return f"“{parts[0].written}” says when it starts, not when it is due"
    if season := _SEASON.search(text):
        return f"“{season[0]}” is a season, not a month"
    if month := _month_word(text):
        return f"“{month[0]}” has no year"
    if year := _YEAR_WORD.search(text):
        number = int(year[0])
        return (f"“{number}” alone is a year, not a date: write a month (March {number}) or "
                f"a year ({year_label(number)})")
    return "it has no date, month, quarter or year in a form the bot reads"


def _outside(text: str, parts: list[Dated]) -> str:
    rest, at = [], 0
    for part in parts:
        rest.append(text[at:part.start])
        at = part.end
    return " ".join([*rest, text[at:]])


def _month_word(text: str) -> re.Match[str] | None:
    return next((m for m in _MONTH_WORD.finditer(text)
                 if not (m[0].rstrip(".").lower() in _VERBS and m[0][0].islower())), None)
