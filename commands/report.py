"""The quarterly business plan monitoring report, "on an exceptions and highlights basis"."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time

from commands.context import Context
from commands.quarters import Quarter
from commands.text import STATUS_BADGES, overdue_by
from storage.models import Action, Challenge, Risk, StatusChange
from storage.rows import ActionLike

RAG = (("off-track", "🔴"), ("at-risk", "🟠"), ("on-track", "🟢"), ("complete", "✅"),
       ("not-started", "⚪"))


@dataclass(frozen=True)
class ExceptionItem:
    action: ActionLike
    why: str
    note: str


@dataclass
class QuarterReport:
    plan_title: str
    quarter: Quarter
    as_of: date
    rag: list[tuple[int, str, Counter[str]]] = field(default_factory=list)
    exceptions: list[ExceptionItem] = field(default_factory=list)
    highlights: list[tuple[StatusChange, Action]] = field(default_factory=list)
    challenges: list[tuple[Challenge, Action]] = field(default_factory=list)
    risks: list[Risk] = field(default_factory=list)


def build_report(ctx: Context, quarter: Quarter) -> QuarterReport:
    """Gather the report for `quarter`, as things stood at its end (or today, if sooner)."""
    as_of = min(ctx.today, quarter.last)
    start = datetime.combine(quarter.first, time.min, tzinfo=ctx.tz)
    end = datetime.combine(as_of, time.max, tzinfo=ctx.tz)
    report = QuarterReport(ctx.repo.plan.title, quarter, as_of)
    themes: dict[int, tuple[str, Counter[str]]] = {}
    for number, title, status, count in ctx.repo.status_counts():
        themes.setdefault(number, (title, Counter()))[1][status] += count
    report.rag = [(n, title, counts) for n, (title, counts) in sorted(themes.items())]
    report.exceptions = _exceptions(ctx, as_of)
    report.highlights = [(c, a) for c, a in ctx.repo.changes_between(start, end)
                         if c.to_status == "complete" or (
                             c.to_status == "on-track" and c.from_status in ("at-risk",
                                                                             "off-track"))]
    report.challenges = [(c, a) for c, a in ctx.repo.challenges() if start <= c.at <= end]
    report.risks = ctx.repo.risks.open_risks()
    return report


def _exceptions(ctx: Context, as_of: date) -> list[ExceptionItem]:
    overdue = {i.action.id: i for i in ctx.repo.overdue(as_of) if i.milestone is None}
    flagged: list[tuple[ActionLike, str]] = []
    for action in ctx.repo.actions():
        late = overdue.get(action.id)
        reasons = [STATUS_BADGES[action.status]] if action.status in ("off-track",
                                                                      "at-risk") else []
        if late:
            reasons.append(overdue_by(late.due, as_of))
        if reasons:
            flagged.append((action, ", ".join(reasons)))
    notes = ctx.repo.latest_notes([a for a, _ in flagged])
    return [ExceptionItem(a, why, notes.get(a.id, "")) for a, why in flagged]
