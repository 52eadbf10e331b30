"""Pages for the reporting planner."""

from __future__ import annotations

from commands.page import Bold, Code, Line, Page, line
from commands.planner import CadenceDates, PlannerRow
from commands.text import day


def _row_lines(row: PlannerRow) -> Line:
    cadences = [line(f"\n   {c.label} → {c.audience} · next: ",
                     ", ".join(day(d) for d in c.next) or "no further dates", " · ", Code(c.key))
                for c in row.cadences]
    return line(Bold(row.what), f" · {', '.join(row.by)}", cadences)


def planner_page(rows: list[PlannerRow]) -> Page:
    page = Page().heading("Reporting planner")
    for row in rows:
        page.lines([_row_lines(row)])
    return page.note("Dates are the first working day of the month, 09:00 UK time.")


def rule_set_page(cadence: CadenceDates) -> Page:
    dates = ", ".join(day(d) for d in cadence.next) or "none within a year"
    return Page().paragraph(Code(cadence.key), " now follows ", Code(cadence.rule),
                            f". Next: {dates}.")
