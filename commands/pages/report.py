"""The quarterly monitoring report as a page: what `/lscb report` and the quarterly nudge
show, with the same content as the board-pack files."""

from __future__ import annotations

from commands.page import Bold, Italic, Line, Page, line
from commands.report import RAG, QuarterReport, ThemeRag
from commands.snapshot import Item
from commands.text import day, shorten
from storage.as_at import ActionAsAt, ChallengeAsAt, RiskAsAt


def rag_line(rag: ThemeRag) -> Line:
    cells = " ".join(f"{badge} {rag.counts.get(status, 0)}" for status, badge in RAG)
    return line(Bold(f"{rag.number}. {rag.title}"), f" · {cells}")


def item_line(item: Item) -> Line:
    """An exception or highlight: ref, text, why, owners, when, commentary."""
    due = f" → {day(item.due)}" if item.due and item.wording != day(item.due) else ""
    commentary = (line(" · ", Italic(shorten(item.commentary.note, 160)),
                       f" ({day(item.commentary.day)})") if item.commentary else "")
    return line(Bold(item.ref), f" {shorten(item.text, 80)} · {item.why} · "
                f"{shorten(item.owners, 80)} · {item.wording}{due}", commentary)


def undated_line(action: ActionAsAt) -> Line:
    owners = " / ".join(o.name for o in action.owners) or "no owner"
    return line(Bold(action.row.ref), f" {shorten(action.row.text, 80)} · {shorten(owners, 80)}"
                f" · “{shorten(action.row.when_text, 80)}”")


def challenge_line(c: ChallengeAsAt) -> Line:
    answer = f"answered: {shorten(c.answer, 150)}" if c.answer else Bold("not yet answered")
    return line(Bold(c.ref), f" {shorten(c.text, 150)} · ", answer)


def risk_line(r: RiskAsAt) -> Line:
    return line(Bold(f"R{r.number}"), f" {shorten(r.text, 150)} · L{r.likelihood}×I{r.impact}="
                f"{r.score}", f" · {r.owner}" if r.owner else "")


def report_page(report: QuarterReport, shared: bool = False) -> Page:
    page = Page(shared=shared).heading(report.title)
    page.note(f"{report.plan_title} · exceptions and highlights as at {day(report.as_of)}")
    page.lines([line(Bold(report.words.said("RAG by theme")), " (🔴 off track 🟠 at risk "
                     "🟢 on track ✅ complete ⚪ not started)")]
               + [rag_line(r) for r in report.rag])
    page.lines([line(Bold(f"Exceptions ({len(report.exceptions)})"))]
               + ([item_line(e) for e in report.exceptions] or [line("None.")]),
               "/lscb overdue OWNER")
    if report.undated:
        page.lines([line(Bold(f"No date I can read ({len(report.undated)})"),
                         ": never called overdue, so listed here")]
                   + [undated_line(a) for a in report.undated], "/lscb undated")
    page.lines([line(Bold(f"Highlights ({len(report.highlights)})"))]
               + [item_line(h) for h in report.highlights])
    page.lines([line(Bold(f"No update this quarter ({len(report.silent)})"))] + [
        line(Bold(owner), f": {', '.join(refs)}") for owner, refs in report.silent_by_owner()],
        "/lscb owner NAME")
    page.lines([line(Bold(f"Challenges ({len(report.challenges)})"))]
               + [challenge_line(c) for c in report.challenges], "/lscb challenges")
    page.lines([line(Bold(f"Open risks ({len(report.risks)})"))]
               + [risk_line(r) for r in report.risks], "/lscb risk list")
    return page
