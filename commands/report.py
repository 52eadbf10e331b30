"""The quarterly business plan monitoring report, "on an exceptions and highlights basis"."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time

from commands.context import Context, Reply
from commands.layout import MAX_BLOCKS, ReplyBuilder
from commands.quarters import Quarter, read_quarter
from commands.registry import subcommand
from commands.text import STATUS_BADGES, day, escape, overdue_by, shorten
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


def rag_line(number: int, title: str, counts: Counter[str]) -> str:
    cells = " ".join(f"{badge} {counts.get(status, 0)}" for status, badge in RAG)
    return f"*{number}. {escape(title)}* · {cells}"


def report_reply(report: QuarterReport, share: bool = False,
                 max_blocks: int = MAX_BLOCKS) -> Reply:
    builder = ReplyBuilder(max_blocks).header(f"Business plan monitoring: {report.quarter.label}")
    builder.context(f"{escape(report.plan_title)} · exceptions and highlights as at "
                    f"{day(report.as_of)}")
    builder.lines(["*RAG by theme* (🔴 off track 🟠 at risk 🟢 on track ✅ complete "
                   "⚪ not started)"] + [rag_line(*row) for row in report.rag])
    builder.lines([f"*Exceptions ({len(report.exceptions)})*"] + [
        f"*{escape(e.action.ref)}* {escape(shorten(e.action.text, 80))} · {e.why}"
        + (f" · _{escape(shorten(e.note, 200))}_" if e.note else "")
        for e in report.exceptions] or ["None."], "/lscb overdue OWNER")
    builder.lines([f"*Highlights ({len(report.highlights)})*"] + [
        f"*{escape(a.ref)}* {escape(shorten(a.text, 80))} · {STATUS_BADGES[c.to_status]} "
        f"{c.at:%d %b}" for c, a in report.highlights])
    builder.lines([f"*Challenges ({len(report.challenges)})*"] + [
        f"*{escape(a.ref)}* {escape(shorten(c.text, 150))} · "
        + (f"answered: {escape(shorten(c.answer, 150))}" if c.answer else "*not yet answered*")
        for c, a in report.challenges])
    builder.lines([f"*Open risks ({len(report.risks)})*"] + [
        f"*R{r.number}* {escape(shorten(r.text, 150))} · L{r.likelihood}×I{r.impact}="
        f"{r.score}" for r in report.risks], "/lscb risk list")
    return builder.build(in_channel=share)


@subcommand("report [QUARTER] [--share]")
def report(ctx: Context, args: str) -> Reply:
    """the quarterly monitoring report: RAG, exceptions, highlights, challenges, risks"""
    share = "--share" in args.split()
    quarter = read_quarter(args.replace("--share", ""), ctx.today, ctx.repo.plan.starts)
    return report_reply(build_report(ctx, quarter), share)
