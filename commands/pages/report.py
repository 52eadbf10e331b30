"""The quarterly monitoring report as a page: what `/lscb report` and the quarterly nudge show."""

from __future__ import annotations

from collections import Counter

from commands.page import Bold, Italic, Line, Page, line
from commands.report import RAG, QuarterReport
from commands.text import STATUS_BADGES, day, shorten


def rag_line(number: int, title: str, counts: Counter[str]) -> Line:
    cells = " ".join(f"{badge} {counts.get(status, 0)}" for status, badge in RAG)
    return line(Bold(f"{number}. {title}"), f" · {cells}")


def report_page(report: QuarterReport, shared: bool = False) -> Page:
    page = Page(shared=shared).heading(f"Business plan monitoring: {report.quarter.label}")
    page.note(f"{report.plan_title} · exceptions and highlights as at {day(report.as_of)}")
    page.lines([line(Bold("RAG by theme"), " (🔴 off track 🟠 at risk 🟢 on track ✅ complete "
                     "⚪ not started)")] + [rag_line(*row) for row in report.rag])
    page.lines([line(Bold(f"Exceptions ({len(report.exceptions)})"))] + [
        line(Bold(e.action.ref), f" {shorten(e.action.text, 80)} · {e.why}",
             (" · ", Italic(shorten(e.note, 200))) if e.note else "")
        for e in report.exceptions], "/lscb overdue OWNER")
    page.lines([line(Bold(f"Highlights ({len(report.highlights)})"))] + [
        line(Bold(a.ref), f" {shorten(a.text, 80)} · {STATUS_BADGES[c.to_status]} {c.at:%d %b}")
        for c, a in report.highlights])
    page.lines([line(Bold(f"Challenges ({len(report.challenges)})"))] + [
        line(Bold(a.ref), f" {shorten(c.text, 150)} · ",
             f"answered: {shorten(c.answer, 150)}" if c.answer else Bold("not yet answered"))
        for c, a in report.challenges])
    page.lines([line(Bold(f"Open risks ({len(report.risks)})"))] + [
        line(Bold(f"R{r.number}"), f" {shorten(r.text, 150)} · L{r.likelihood}×I{r.impact}="
             f"{r.score}") for r in report.risks], "/lscb risk list")
    return page
