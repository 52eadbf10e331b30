"""The yearly report the partners publish: progress on each priority, and where there was
little or none, as the plan stood at the year's end.

Working Together asks the yearly report for what was done on the priorities and its
impact, an analysis of where there has been little or no progress, and what was done on
review recommendations; the lead safeguarding partners sign it off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta

from commands.context import CommandError, Context
from commands.page import Code
from commands.report import ThemeRag, rag_by_theme, undated
from commands.snapshot import Item, Period, item_of, period
from commands.text import STATUS_BADGES, day, overdue_by
from commands.words import OURS, Words
from storage.as_at import ActionAsAt, ChallengeAsAt, RiskAsAt
from storage.duedates import DATED_KINDS, YEARS

#: Overdue for longer than this is "little or no progress", whatever the status says.
A_QUARTER = 91
_YEAR = re.compile(r"^([0-9]{4})(?:\s*[/-]\s*([0-9]{2}|[0-9]{4}))?$")
_REVIEWS = re.compile(r"\b(serious case reviews?|SCRs?|case reviews?|practice reviews?|"
                      r"learning reviews?|recommendations?|lessons)\b", re.I)
COMPLETED, ON_TRACK, LITTLE = "completed", "on track", "little or no progress"


@dataclass(frozen=True)
class PlanYear:
    start: int
    first: date
    last: date

    @property
    def label(self) -> str:
        return f"{self.start}/{(self.start + 1) % 100:02d} ({self.first:%b %Y}–{self.last:%b %Y})"


@dataclass(frozen=True)
class Signatory:
    role: str
    body: str
    name: str = ""


#: The lead safeguarding partners (Working Together 2023), when the plan names none.
DEFAULT_SIGNATORIES = (Signatory("Chief Executive", "Local authority"),
                       Signatory("Chief Executive", "Integrated care board"),
                       Signatory("Chief Constable", "Police"))


@dataclass
class ThemeYear:
    number: int
    title: str
    outcomes: list[str] = field(default_factory=list)
    items: list[tuple[str, Item]] = field(default_factory=list)
    earlier: list[str] = field(default_factory=list)

    def count(self, progress: str) -> int:
        return sum(1 for p, _ in self.items if p == progress)


@dataclass
class YearReport:
    plan_title: str
    board: str
    year: PlanYear
    as_of: date
    rag: list[ThemeRag]
    themes: list[ThemeYear]
    reviews: list[Item]
    challenges: list[ChallengeAsAt]
    risks: list[RiskAsAt]
    actions: list[Item]
    signatories: tuple[Signatory, ...]
    words: Words = OURS
    undated: list[ActionAsAt] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.year.label

    def little_progress(self) -> list[Item]:
        return [i for t in self.themes for p, i in t.items if p == LITTLE]


def read_year(text: str, plan_starts: date) -> PlanYear:
    """`2015/16`, `2015-16`, `2015/2016` or `2015`: the plan year that starts in 2015."""
    match = _YEAR.match(" ".join(text.split()))
    if not match or int(match[1]) not in YEARS:
        raise CommandError(f"I can't read “{text[:40]}” as a plan year. Try ", Code("2015/16"),
                           f" (plan years start in {plan_starts:%B}).")
    start = int(match[1])
    if match[2] and int(match[2]) % 100 != (start + 1) % 100:
        raise CommandError(f"{text[:40]} is not one plan year: try "
                           f"{start}/{(start + 1) % 100:02d}.")
    first = date(start, plan_starts.month, 1)
    return PlanYear(start, first, first + relativedelta(years=1, days=-1))


def signatories(plan: Any) -> tuple[Signatory, ...]:
    """The lead partners the plan names (its `partners`, once plan files carry them), else
    the three statutory roles with room for their names."""
    named = tuple(Signatory(getattr(p, "role", ""), getattr(p, "organisation", ""),
                            getattr(p, "name", "")) for p in getattr(plan, "partners", ()) or ())
    return named or DEFAULT_SIGNATORIES


def progress_of(action: ActionAsAt, found: Period, completed: dict[int, date]) -> str:
    row = action.row
    if row.id in completed:
        return COMPLETED
    late = row.due_date is not None and row.status != "complete" and \
        row.due_kind in DATED_KINDS and (found.as_of - row.due_date).days > A_QUARTER
    return LITTLE if row.status in ("not-started", "off-track") or late else ON_TRACK


def _line(action: ActionAsAt, progress: str, found: Period, completed: dict[int, date]) -> Item:
    if progress == COMPLETED:
        return item_of(action, found, f"✅ completed on {day(completed[action.row.id])}")
    reasons = [STATUS_BADGES[action.row.status]]
    due = action.row.due_date
    if due and action.row.due_kind in DATED_KINDS and due < found.as_of:
        reasons.append(overdue_by(due, found.as_of))
    return item_of(action, found, " · ".join(reasons))


def build_year_report(ctx: Context, year: PlanYear) -> YearReport:
    """The plan year `year`, as the plan stood at its end (or today, if sooner)."""
    found = period(ctx, year.first, year.last)
    completed = {u.action_id: found.day_of(u.at) for u in found.updates
                 if u.to_status == "complete"}
    themes: dict[int, ThemeYear] = {}
    lines: list[Item] = []
    for action in found.actions:
        theme = themes.setdefault(action.theme, ThemeYear(action.theme, action.theme_title))
        if action.outcome and action.outcome not in theme.outcomes:
            theme.outcomes.append(action.outcome)
        progress = progress_of(action, found, completed)
        line = _line(action, progress, found, completed)
        lines.append(line)
        if progress == ON_TRACK and action.row.status == "complete":
            theme.earlier.append(action.row.ref)
        else:
            theme.items.append((progress, line))
    order = {COMPLETED: 0, ON_TRACK: 1, LITTLE: 2}
    for theme in themes.values():
        theme.items.sort(key=lambda pair: order[pair[0]])
    plan = ctx.repo.plan
    return YearReport(plan.title, plan.board, year, found.as_of, rag_by_theme(found.actions),
                      [themes[n] for n in sorted(themes)],
                      [i for i in lines if _REVIEWS.search(f"{i.action.row.text} "
                                                           f"{i.action.outcome}")],
                      found.source.challenges(found.start), found.source.risks(found.start),
                      lines, signatories(plan), ctx.words, undated(found))
