"""The monitoring report as a board-pack file: Markdown, or rows for CSV and XLSX."""

from __future__ import annotations

from commands.report import RAG, QuarterReport
from commands.text import STATUS_BADGES, day

HEADER = ["section", "ref", "item", "detail", "note"]


def report_rows(report: QuarterReport) -> list[list[str]]:
    """One table, section by section, for spreadsheets."""
    rows = [["RAG", str(n), title, " ".join(f"{s}: {counts.get(s, 0)}" for s, _ in RAG), ""]
            for n, title, counts in report.rag]
    rows += [["Exception", e.action.ref, e.action.text, e.why, e.note]
             for e in report.exceptions]
    rows += [["Highlight", a.ref, a.text, f"{c.from_status} → {c.to_status} {c.at:%Y-%m-%d}",
              c.note] for c, a in report.highlights]
    rows += [["Challenge", a.ref, c.text, "answered" if c.answer else "not yet answered",
              c.answer] for c, a in report.challenges]
    rows += [["Risk", f"R{r.number}", r.text, f"L{r.likelihood}×I{r.impact}={r.score}",
              r.owner.name if r.owner else ""] for r in report.risks]
    return rows


def report_markdown(report: QuarterReport) -> str:
    lines = [f"# Business plan monitoring report: {report.quarter.label}", "",
             f"{report.plan_title}. Exceptions and highlights as at {day(report.as_of)}.", "",
             "## RAG by theme", "", "| theme | " + " | ".join(s for s, _ in RAG) + " |",
             "|---|" + "---:|" * len(RAG)]
    lines += [f"| {n}. {title} | " + " | ".join(str(counts.get(s, 0)) for s, _ in RAG) + " |"
              for n, title, counts in report.rag]
    lines += ["", f"## Exceptions ({len(report.exceptions)})", ""]
    lines += [f"- **{e.action.ref}** {e.action.text} — {e.why}"
              + (f". Latest note: {e.note}" if e.note else "") for e in report.exceptions]
    lines += ["", f"## Highlights ({len(report.highlights)})", ""]
    lines += [f"- **{a.ref}** {a.text} — {STATUS_BADGES[c.to_status]} on {c.at:%d %b %Y}"
              for c, a in report.highlights]
    lines += ["", f"## Challenges ({len(report.challenges)})", ""]
    lines += [f"- **{a.ref}** {c.text} — " + (f"answered: {c.answer}" if c.answer
                                              else "not yet answered")
              for c, a in report.challenges]
    lines += ["", f"## Open risks ({len(report.risks)})", ""]
    lines += [f"- **R{r.number}** {r.text} — likelihood {r.likelihood}, impact {r.impact}, "
              f"score {r.score}" for r in report.risks]
    return "\n".join(lines) + "\n"
