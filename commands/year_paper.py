"""The yearly report as a paper, in the sections the statutory guidance asks for."""

from __future__ import annotations

from collections import Counter

from commands.paper import Cell, Column, Paper, Section, rag_section
from commands.report import RAG_WORDS
from commands.report_paper import (
    CHALLENGE_COLUMNS,
    ITEM_COLUMNS,
    RISK_COLUMNS,
    challenge_rows,
    item_cells,
    risk_rows,
    undated_section,
)
from commands.snapshot import Item
from commands.text import agreeing, plural
from commands.words import Words
from commands.year_report import A_QUARTER, LITTLE, ThemeYear, YearReport

NO_COMMENTARY = "no commentary this year"
PROGRESS_COLUMNS = (Column("Progress", 16), *ITEM_COLUMNS)
NOT_HELD = (
    "Feedback from children and families, and how it shaped the partners' work.",
    "Evidence of impact on outcomes for children and families (data, audits, inspection).",
    "Training delivered and what difference it made to practice.",
    "Independent scrutiny of the arrangements, and the partners' response.",
    "Local and national child safeguarding practice reviews in the year, beyond the plan's "
    "own actions listed above.",
)


def _cells(progress: str, item: Item) -> tuple[Cell, ...]:
    return (progress, *item_cells(item, NO_COMMENTARY))


def _theme(theme: ThemeYear, words: Words) -> Section:
    counts = (f"In the year: {theme.count('completed')} completed, {theme.count('on track')} "
              f"on track or in progress, {theme.count(LITTLE)} with little or no progress.")
    intro = [f"What we are trying to achieve: {' '.join(theme.outcomes)}"
             if theme.outcomes else words.said("The plan states no outcome for this theme."),
             counts]
    if theme.earlier:
        intro.append(f"Completed in earlier years: {', '.join(theme.earlier)}.")
    return Section(f"{theme.number}. {theme.title}", words.said("Theme")[:20] + f" {theme.number}",
                   tuple(intro),
                   PROGRESS_COLUMNS, tuple(_cells(p, i) for p, i in theme.items), level=2)


def _little(report: YearReport) -> Section:
    items = report.little_progress()
    reasons = Counter(
        "overdue by more than a quarter" if i.overdue_days > A_QUARTER
        else RAG_WORDS.get(i.status, i.status) for i in items)
    summary = "; ".join(f"{n} {why}" for why, n in reasons.most_common()) or "none"
    return Section("Where there has been little or no progress", "Little progress", (
        f"{plural(len(items), 'action')} {agreeing(len(items), 'was', 'were')} not started, "
        f"off track, or overdue by more than a quarter at the year's end ({summary}). Each "
        "is listed with its owners and their latest commentary in the year.",), ITEM_COLUMNS,
        tuple(item_cells(i, NO_COMMENTARY) for i in items),
        empty="Every action made progress in the year.")


def year_paper(report: YearReport) -> Paper:
    """About, RAG, each theme's progress, little progress, reviews, challenges, risks,
    what the tracker does not hold, every action, and the sign-off."""
    words = report.words
    sections = (
        Section("About this report", "About", (
            f"The yearly report of {report.board or report.plan_title} for "
            f"{report.label}, drawn from the business plan tracker as at the year's end: "
            "each action's status, its owners' commentary, the challenge log and the risk "
            "log.",)),
        rag_section(report.rag, ("Every action's status at the year's end.",), words),
        Section("Progress and impact on our priorities", "Priorities", (
            words.said("For each theme: what it is for, what was completed, what is on "
                       "track, and where there has been little or no progress, with the "
                       "owners' commentary."),)),
        *(_theme(t, words) for t in report.themes),
        _little(report),
        undated_section(report.undated),
        *_logs(report),
    )
    facts: tuple[tuple[str, Cell], ...] = (
        ("Plan", report.plan_title), (words.said("Board"), report.board or report.plan_title),
        ("Year", report.label), ("As at", report.as_of))
    return Paper(f"Yearly report {report.year.start}/{(report.year.start + 1) % 100:02d}",
                 facts, tuple(report.rag), sections, words)


def _logs(report: YearReport) -> tuple[Section, ...]:
    sign = tuple((s.role, s.body, s.name, "", "") for s in report.signatories)
    return (
        Section("Action on review recommendations", "Reviews", (
            "The plan's actions on case reviews, practice reviews and their "
            "recommendations, and where each stood at the year's end.",), ITEM_COLUMNS,
            tuple(item_cells(i, NO_COMMENTARY) for i in report.reviews),
            empty="The plan has no actions on review recommendations."),
        Section("Challenge and scrutiny: the challenge log", "Challenges", (
            f"Challenges the {report.words.board} put to partners in the year (or still open "
            "at its start), and the answers given by its end.",), CHALLENGE_COLUMNS,
            challenge_rows(report.challenges), empty="No challenges were logged."),
        Section("Risks to delivering the plan", "Risks", (
            "Risks open at any time in the year, highest score first.",), RISK_COLUMNS,
            risk_rows(report.risks), empty="No risks were logged."),
        Section("Not held in the tracker", "Also needed", (
            "The guidance also asks the yearly report for the following, which the tracker "
            "does not hold; the partners add them before publication:", *NOT_HELD)),
        Section("Every action at the year's end", "All actions", (), ITEM_COLUMNS,
                tuple(item_cells(i, NO_COMMENTARY) for i in report.actions)),
        Section("Sign-off by the lead safeguarding partners", "Sign-off", (
            "We, the lead safeguarding partners, agree this report for publication.",),
            (Column("Lead partner", 20), Column("Organisation", 30), Column("Name", 30),
             Column("Signature", 30), Column("Date", 14)), sign),
    )
