"""Due dates as people write them: "May 2014", "Q2 2015/16", "Annually", "Ongoing".

The original wording is always kept; `read_when` derives the machine date from it
and says how it read it ("read as the end of Q2 2015/16: 30 Sep 2015"), or why it
could not. Nothing here reads the clock: a wording without a year is never
completed with today's year. Where the wording sits in a cell and what each form
means is `storage.wording`; the plan's years and quarters are `storage.periods`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from storage.periods import YEARS, Period, PlanPeriod, in_years, plan_year_end, year_label
from storage.reading import Dated, dated_parts, leftover_problem, segments, unread_reason
from storage.wording import find_dates

__all__ = ["YEARS", "Due", "DueKind", "DueMilestone", "month_end_of", "next_annual_due",
           "plan_year_end", "read_when"]


class DueKind(StrEnum):
    DATE = "date"
    ANNUAL = "annual"
    EVENT = "event"
    UNPARSED = "unparsed"


#: The kinds whose due date is a deadline: an action of these can be overdue.
DATED_KINDS = (DueKind.DATE.value, DueKind.ANNUAL.value)


@dataclass(frozen=True)
class DueMilestone:
    """A second date in the same cell ("September 2015; review by March 2016")."""

    label: str
    when: str
    date: date


@dataclass(frozen=True)
class Due:
    """How a *when* wording was read: the kind, the date, and what a user should see."""

    kind: DueKind
    date: date | None = None
    qualifier: str = ""
    read_as: str = ""
    warning: str = ""
    milestones: tuple[DueMilestone, ...] = ()


_ANNUAL = re.compile(r"^(annually|annual|yearly|every year)(\s+from\s+(?P<year>[0-9]{4}))?$",
                     re.I)
_EVENT = re.compile(r"^(ongoing|following|after|as and when|on each|each)\b", re.I)
_REPEATS = re.compile(r"\b(?:annually|yearly|every\s+year|each\s+year|quarterly|monthly|"
                      r"bi-?monthly|every\s+\w+\s+months)\b", re.I)
EVENT_READ_AS = "read as event-driven: no fixed date, never overdue by date alone"
CACHED_LENGTH = 200  # a *when* column's width: longer text is read afresh, never kept
#: What Word and PDFs put into pasted text: zero-width marks, and hyphens of other widths.
_PASTED = str.maketrans({"\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "",
                         "\u00ad": "", "\u2010": "-", "\u2011": "-", "\u2012": "-",
                         "\u2212": "-"})


def read_when(text: str, period: Period) -> Due:
    """Derive the due kind, date, qualifier and milestones of a plan's *when* wording."""
    wording, plan = " ".join(text.translate(_PASTED).split()), PlanPeriod(period.starts,
                                                                          period.ends)
    return _read(wording, plan) if len(wording) <= CACHED_LENGTH else _read.__wrapped__(wording,
                                                                                        plan)


@lru_cache(maxsize=4096)
def _read(wording: str, period: PlanPeriod) -> Due:
    """A plan says "May 2014" many times over: each wording is read once per plan period."""
    annual = _ANNUAL.match(wording)
    if annual:
        return _annual(int(annual["year"]) if annual["year"] else period.starts.year, period)
    found = find_dates(wording, period)
    if _EVENT.match(wording):
        dated = dated_parts(wording, [f for f in found if not f.problem])
        return Due(DueKind.EVENT, read_as=EVENT_READ_AS,
                   warning=_event_warning([p for p in dated if not p.starts_only]))
    if problem := next((f.problem for f in found if f.problem), ""):
        return Due(DueKind.UNPARSED, warning=problem)
    parts = dated_parts(wording, found)
    deadlines = [p for p in parts if not p.starts_only]
    if not deadlines:
        return Due(DueKind.UNPARSED, warning=unread_reason(wording, parts))
    if problem := leftover_problem(wording, parts):
        return Due(DueKind.UNPARSED, warning=problem)
    return _dated(wording, deadlines, period)


def _annual(first_year: int, period: Period) -> Due:
    due = plan_year_end(period.starts, first_year) if first_year in YEARS else None
    if due is None or not in_years(due):
        return Due(DueKind.UNPARSED, warning=f"{first_year} is not a year a plan could hold")
    return Due(DueKind.ANNUAL, due, read_as=f"read as yearly, first at the end of the plan "
                                            f"year {year_label(first_year)}: {day(due)}")


def _event_warning(deadlines: list[Dated]) -> str:
    if not deadlines:
        return ""
    return (f"“{deadlines[0].written}” in it is not taken as a due date: the wording reads as "
            f"event-driven, so the action is never overdue by date")


def _dated(wording: str, deadlines: list[Dated], period: Period) -> Due:
    due = max(deadlines, key=lambda d: (d.last, d.start))
    pieces = segments(wording, deadlines)
    seen = {due.last}
    milestones = []
    for part, (label, _) in zip(deadlines, pieces, strict=True):
        if part.last not in seen:
            seen.add(part.last)
            milestones.append(DueMilestone(label, part.written, part.last))
    qualifier = pieces[deadlines.index(due)][1]
    repeats = _REPEATS.search(qualifier)
    warning = (f"“{repeats[0]}” is kept but not followed: the action is due once, on "
               f"{day(due.last)}" if repeats else _far_from(due.last, period))
    return Due(DueKind.DATE, due.last, qualifier=qualifier,
               read_as=_read_as(due, milestones), warning=warning,
               milestones=tuple(sorted(milestones, key=lambda m: m.date)))


def _read_as(due: Dated, milestones: list[DueMilestone]) -> str:
    shown = day(due.last) if due.phrase == day(due.last) else f"{due.phrase}: {day(due.last)}"
    if not milestones:
        return f"read as {shown}"
    steps = "; ".join(f"“{m.label}”: {day(m.date)}" for m in sorted(milestones,
                                                                     key=lambda m: m.date))
    return (f"read as {shown}, with {len(milestones)} milestone"
            f"{'s' if len(milestones) > 1 else ''} from the same cell: {steps}")


def _far_from(due: date, period: Period) -> str:
    """A date years away from the plan is likelier a typo than a plan: say so, still read it."""
    if due < period.starts - timedelta(days=365):
        return f"{day(due)} is more than a year before the plan starts ({day(period.starts)})"
    if due > period.ends + timedelta(days=5 * 365 + 1):
        return f"{day(due)} is more than five years after the plan ends ({day(period.ends)})"
    return ""


def day(when: date) -> str:
    """A date as a user reads it: 30 Sep 2015."""
    return f"{when.day} {when:%b %Y}"


_ANY_PLAN = PlanPeriod(date(2000, 4, 1), date(2001, 3, 31))


def month_end_of(wording: str) -> date | None:
    """The last day of a written month and year ("Sept 2014", "Mar-2015"), or None."""
    text = " ".join(wording.split())
    found = find_dates(text, _ANY_PLAN)
    whole = len(found) == 1 and (found[0].start, found[0].end) == (0, len(text))
    return found[0].last if whole and found[0].unit == "month" else None


def next_annual_due(due: date) -> date:
    """The same action's due date one year on, for recurring (annual) actions."""
    following: date = due + relativedelta(years=1)
    return following
