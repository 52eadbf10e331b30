"""The quarterly business plan monitoring report, "on an exceptions and highlights basis".

`build_report` gives a value, the plan as it stood at the quarter's end; every surface
renders that one value: `commands.pages.report` (the page `/lscb report` and the
quarterly nudge show), `commands.report_files` (Markdown, CSV) and the board paper
(`commands.report_paper`, then XLSX and DOCX).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from commands.context import Context, NotPermitted
from commands.page import Command
from commands.quarters import Quarter
from commands.snapshot import Item, Period, exceptions, highlights, period
from commands.words import OURS, Words
from storage.as_at import ActionAsAt, ChallengeAsAt, RiskAsAt
from storage.duedates import DueKind

RAG = (("off-track", "🔴"), ("at-risk", "🟠"), ("on-track", "🟢"), ("complete", "✅"),
       ("not-started", "⚪"))
RAG_WORDS = {"off-track": "off track", "at-risk": "at risk", "on-track": "on track",
             "complete": "complete", "not-started": "not started"}


@dataclass(frozen=True)
class ThemeRag:
    number: int
    title: str
    counts: Counter[str]


@dataclass
class QuarterReport:
    plan_title: str
    board: str
    quarter: Quarter
    as_of: date
    rag: list[ThemeRag] = field(default_factory=list)
    exceptions: list[Item] = field(default_factory=list)
    highlights: list[Item] = field(default_factory=list)
    silent: list[ActionAsAt] = field(default_factory=list)
    challenges: list[ChallengeAsAt] = field(default_factory=list)
    risks: list[RiskAsAt] = field(default_factory=list)
    undated: list[ActionAsAt] = field(default_factory=list)
    words: Words = OURS

    @property
    def title(self) -> str:
        return f"Business plan monitoring: {self.quarter.label}"

    def silent_by_owner(self) -> list[tuple[str, list[str]]]:
        """The actions with no update this quarter, by owner, owners in name order."""
        return by_owner(self.silent)


def by_owner(actions: list[ActionAsAt]) -> list[tuple[str, list[str]]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for action in actions:
        for owner in action.owners or ():
            grouped[owner.name].append(action.row.ref)
        if not action.owners:
            grouped["(no owner)"].append(action.row.ref)
    return sorted(grouped.items())


def rag_by_theme(actions: list[ActionAsAt]) -> list[ThemeRag]:
    themes: dict[int, ThemeRag] = {}
    for action in actions:
        theme = themes.setdefault(action.theme, ThemeRag(action.theme, action.theme_title,
                                                         Counter()))
        theme.counts[action.row.status] += 1
    return [themes[n] for n in sorted(themes)]


def silent(found: Period) -> list[ActionAsAt]:
    """Open actions nobody updated in the period: "no update this quarter"."""
    return [a for a in found.actions
            if a.row.status != "complete" and a.row.id not in found.updated]


def undated(found: Period) -> list[ActionAsAt]:
    """Open actions whose *when* the bot cannot read: never overdue, so the board is told."""
    return [a for a in found.actions
            if a.row.status != "complete" and a.row.due_kind == DueKind.UNPARSED.value]


def build_report(ctx: Context, quarter: Quarter) -> QuarterReport:
    """The report for `quarter`, as things stood at its end (or today, if sooner)."""
    found = period(ctx, quarter.first, quarter.last)
    plan = ctx.repo.plan
    return QuarterReport(plan.title, plan.board, quarter, found.as_of,
                         rag_by_theme(found.actions), exceptions(found), highlights(found),
                         silent(found), found.source.challenges(found.start),
                         found.source.risks(), undated(found), ctx.words)


def check_may_share(ctx: Context) -> None:
    """Posting the report where everyone in the channel sees it is for admins and for
    people who speak for the plan (linked to the Chair or any other owner)."""
    if ctx.caller.is_admin or ctx.caller_owners():
        return
    raise NotPermitted("Only admins and people linked to the Chair or another owner can "
                       "share the report in a channel. ",
                       Command("report"), " shows it to you alone.")
