"""The quarterly monitoring report as a board paper: the sections every file carries."""

from __future__ import annotations

from commands.paper import Cell, Column, Paper, Section, rag_section
from commands.report import RAG_WORDS, QuarterReport
from commands.snapshot import Item
from commands.text import agreeing, plural
from storage.as_at import ActionAsAt, ChallengeAsAt, RiskAsAt

ITEM_COLUMNS = (Column("Ref", 8), Column("Action or milestone", 50), Column("Owners", 30),
                Column("Status", 12, status=True), Column("Why listed", 28),
                Column("When (plan's words)", 20), Column("Due", 12),
                Column("Days overdue", 10), Column("Latest commentary", 50),
                Column("Commentary date", 14))
NO_COMMENTARY = "no update this quarter"


def item_cells(item: Item, none_said: str = NO_COMMENTARY) -> tuple[Cell, ...]:
    said = item.commentary
    return (item.ref, item.text, item.owners, RAG_WORDS.get(item.status, item.status),
            item.why, item.wording, item.due, item.overdue_days or None,
            said.note if said else none_said, said.day if said else None)


def challenge_rows(challenges: list[ChallengeAsAt]) -> tuple[tuple[Cell, ...], ...]:
    return tuple((c.ref, c.raised_on, c.text, c.answer or "not yet answered", c.answered_on)
                 for c in challenges)


UNDATED_COLUMNS = (Column("Ref", 8), Column("Action", 50), Column("Owners", 30),
                   Column("Status", 12, status=True), Column("When (plan's words)", 40))
CHALLENGE_COLUMNS = (Column("Ref", 8), Column("Raised", 12), Column("Challenge", 50),
                     Column("Answer", 50), Column("Answered", 12))
RISK_COLUMNS = (Column("Risk", 7), Column("Description", 50), Column("Likelihood", 10),
                Column("Impact", 9), Column("Score", 8), Column("Owner", 30),
                Column("Actions", 16), Column("Raised", 12), Column("Closed", 12))


def risk_rows(risks: list[RiskAsAt]) -> tuple[tuple[Cell, ...], ...]:
    return tuple((f"R{r.number}", r.text, r.likelihood, r.impact, r.score, r.owner,
                  ", ".join(r.actions), r.raised_on, r.closed_on) for r in risks)


def undated_section(actions: list[ActionAsAt]) -> Section:
    """Open actions whose *when* the bot cannot read: never overdue, so listed instead."""
    count = len(actions)
    return Section("No date the bot can read", "Undated", (
        f"{plural(count, 'open action')} {agreeing(count, 'has', 'have')} a due date written "
        "in words the bot cannot read as a date, so "
        f"{agreeing(count, 'it is never', 'none of them is ever')} counted as overdue. "
        f"{agreeing(count, 'It is', 'They are')} kept as the plan words "
        f"{agreeing(count, 'it', 'them')}.",), UNDATED_COLUMNS,
        tuple((a.row.ref, a.row.text, " / ".join(o.name for o in a.owners),
               RAG_WORDS.get(a.row.status, a.row.status), a.row.when_text) for a in actions),
        empty="Every open action has a date the bot can read.")


def quarter_paper(report: QuarterReport) -> Paper:
    """Title block, RAG (with the chart), exceptions, highlights, silence, challenges, risks."""
    silent = report.silent_by_owner()
    total = sum(sum(t.counts.values()) for t in report.rag)
    sections = (
        rag_section(report.rag, (f"{total} actions in the plan as at the quarter's end.",),
                    report.words),
        Section("Exceptions", "Exceptions", (
            "Off track, at risk, overdue, or a milestone missed, as at the quarter's end, "
            "with each action's latest commentary in the quarter.",), ITEM_COLUMNS,
            tuple(item_cells(e) for e in report.exceptions)),
        Section("Highlights", "Highlights", (
            "Completed, or back on track, within the quarter.",), ITEM_COLUMNS,
            tuple(item_cells(h) for h in report.highlights)),
        Section("No update this quarter", "No update", (
            f"{plural(len(report.silent), 'open action')} had no update from "
            f"{agreeing(len(report.silent), 'its', 'their')} owners in the quarter.",),
            (Column("Owner", 40), Column("Actions", 10), Column("Refs", 60)),
            tuple((owner, len(refs), ", ".join(refs)) for owner, refs in silent),
            empty="Every open action had an update."),
        undated_section(report.undated),
        Section("Challenges", "Challenges", (
            "Challenges raised in the quarter, or still open at its start, and the answers "
            "given by its end.",), CHALLENGE_COLUMNS, challenge_rows(report.challenges)),
        Section("Open risks", "Risks", ("Risks open at the quarter's end, highest score "
                                        "first.",), RISK_COLUMNS, risk_rows(report.risks)),
    )
    facts: tuple[tuple[str, Cell], ...] = (
        ("Plan", report.plan_title),
        (report.words.said("Board"), report.board or report.plan_title),
        ("Quarter", report.quarter.label), ("As at", report.as_of))
    return Paper(f"Business plan monitoring report: {report.quarter.label}", facts,
                 tuple(report.rag), sections, report.words)
