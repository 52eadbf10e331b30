"""The quarterly business plan monitoring report, "on an exceptions and highlights basis".

`build_report` gives a value, the plan as it stood at the quarter's end; every surface
renders that one value: `report_reply` here (Block Kit, for `/lscb report` and the
quarterly nudge), `commands.report_files` (Markdown, CSV) and the board paper
(`commands.report_paper`, then XLSX and DOCX).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from commands.context import Context, Reply
from commands.layout import MAX_BLOCKS, ReplyBuilder
from commands.quarters import Quarter, read_quarter
from commands.registry import subcommand
from commands.snapshot import Item, Period, exceptions, highlights, period
from commands.text import day, escape, shorten
from storage.as_at import ActionAsAt, ChallengeAsAt, RiskAsAt

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


def build_report(ctx: Context, quarter: Quarter) -> QuarterReport:
    """The report for `quarter`, as things stood at its end (or today, if sooner)."""
    found = period(ctx, quarter.first, quarter.last)
    plan = ctx.repo.plan
    return QuarterReport(plan.title, plan.board, quarter, found.as_of,
                         rag_by_theme(found.actions), exceptions(found), highlights(found),
                         silent(found), found.source.challenges(found.start),
                         found.source.risks())


def rag_line(rag: ThemeRag) -> str:
    cells = " ".join(f"{badge} {rag.counts.get(status, 0)}" for status, badge in RAG)
    return f"*{rag.number}. {escape(rag.title)}* · {cells}"


def item_line(item: Item) -> str:
    """An exception or highlight in mrkdwn: ref, text, why, owners, when, commentary."""
    due = f" → {day(item.due)}" if item.due and item.wording != day(item.due) else ""
    line = (f"*{escape(item.ref)}* {escape(shorten(item.text, 80))} · {item.why} · "
            f"{escape(shorten(item.owners, 80))} · {escape(item.wording)}{due}")
    if item.commentary:
        line += (f" · _{escape(shorten(item.commentary.note, 160))}_ "
                 f"({day(item.commentary.day)})")
    return line


def challenge_line(c: ChallengeAsAt) -> str:
    answer = (f"answered: {escape(shorten(c.answer, 150))}" if c.answer
              else "*not yet answered*")
    return f"*{escape(c.ref)}* {escape(shorten(c.text, 150))} · {answer}"


def risk_line(r: RiskAsAt) -> str:
    owner = f" · {escape(r.owner)}" if r.owner else ""
    return f"*R{r.number}* {escape(shorten(r.text, 150))} · L{r.likelihood}×I{r.impact}=" \
           f"{r.score}{owner}"


def report_reply(report: QuarterReport, share: bool = False,
                 max_blocks: int = MAX_BLOCKS) -> Reply:
    """The report as Block Kit: a thin rendering of the value, inside Slack's limits."""
    builder = ReplyBuilder(max_blocks).header(report.title)
    builder.context(f"{escape(report.plan_title)} · exceptions and highlights as at "
                    f"{day(report.as_of)}")
    builder.lines(["*RAG by theme* (🔴 off track 🟠 at risk 🟢 on track ✅ complete "
                   "⚪ not started)"] + [rag_line(r) for r in report.rag])
    builder.lines([f"*Exceptions ({len(report.exceptions)})*"] + (
        [item_line(e) for e in report.exceptions] or ["None."]), "/lscb overdue OWNER")
    builder.lines([f"*Highlights ({len(report.highlights)})*"]
                  + [item_line(h) for h in report.highlights])
    builder.lines([f"*No update this quarter ({len(report.silent)})*"] + [
        f"*{escape(owner)}*: {', '.join(refs)}" for owner, refs in report.silent_by_owner()],
        "/lscb owner NAME")
    builder.lines([f"*Challenges ({len(report.challenges)})*"]
                  + [challenge_line(c) for c in report.challenges], "/lscb challenges")
    builder.lines([f"*Open risks ({len(report.risks)})*"]
                  + [risk_line(r) for r in report.risks], "/lscb risk list")
    return builder.build(in_channel=share)


@subcommand("report [QUARTER] [--share]")
def report(ctx: Context, args: str) -> Reply:
    """the quarterly monitoring report: RAG, exceptions, highlights, challenges, risks"""
    share = "--share" in args.split()
    quarter = read_quarter(args.replace("--share", ""), ctx.today, ctx.repo.plan.starts)
    return report_reply(build_report(ctx, quarter), share)
