"""The report as text files: a paper in Markdown, and the quarterly report as CSV rows.

Markdown is not a spreadsheet: text is shown as written (Markdown's own punctuation is
escaped so a note renders as typed). CSV is read by spreadsheets, so every text cell goes
through `safe_cell`, and the file starts with a BOM so Excel reads it as UTF-8.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date

from commands.paper import Cell, Paper, Section, cell_text
from commands.report import RAG_WORDS, QuarterReport
from commands.report_paper import NO_COMMENTARY, quarter_paper
from commands.snapshot import Item
from storage.cells import safe_cell

CSV_HEADER = ["section", "ref", "item", "owners", "status", "detail", "when", "due_date",
              "days_overdue", "commentary", "commentary_date"]
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|#])")


def md(text: str) -> str:
    """Text as written, once Markdown has rendered it: one line, punctuation escaped."""
    return _MARKDOWN.sub(r"\\\1", " ".join(text.split()))


def paper_markdown(paper: Paper) -> str:
    lines = [f"# {md(paper.title)}", ""]
    lines += [f"- **{label}:** {md(cell_text(value))}" for label, value in paper.facts]
    for section in paper.sections:
        lines += ["", f"{'#' * (section.level + 1)} {md(section.title)}", ""]
        lines += [p for text in section.intro for p in (md(text), "")]
        lines += _md_table(section) if section.rows else [md(section.empty)]
    return "\n".join(lines) + "\n"


def report_markdown(report: QuarterReport) -> str:
    """The quarterly report as a Markdown board paper."""
    return paper_markdown(quarter_paper(report))


def _md_table(section: Section) -> list[str]:
    numeric = [all(isinstance(r[i], int) or r[i] is None for r in section.rows)
               for i in range(len(section.columns))]
    lines = ["| " + " | ".join(md(c.title) for c in section.columns) + " |",
             "|" + "|".join("---:" if n else "---" for n in numeric) + "|"]
    lines += ["| " + " | ".join(md(cell_text(v)) for v in row) + " |" for row in section.rows]
    return lines


def report_rows(report: QuarterReport) -> list[list[Cell]]:
    """One row per item, with its owners and dates; for CSV (text made formula-safe)."""
    rows: list[list[Cell]] = [
        ["RAG", str(t.number), t.title, "", "", "; ".join(
            f"{RAG_WORDS[s]}: {t.counts.get(s, 0)}" for s in RAG_WORDS), "", None, None, "",
         None] for t in report.rag]
    rows += [_item_row("Exception", e) for e in report.exceptions]
    rows += [_item_row("Highlight", h) for h in report.highlights]
    rows += [["No update", a.row.ref, a.row.text, " / ".join(o.name for o in a.owners),
              RAG_WORDS.get(a.row.status, a.row.status), NO_COMMENTARY, a.row.when_text,
              a.row.due_date, None, "", None] for a in report.silent]
    rows += [["No date", a.row.ref, a.row.text, " / ".join(o.name for o in a.owners),
              RAG_WORDS.get(a.row.status, a.row.status), "no date the bot can read",
              a.row.when_text, None, None, "", None] for a in report.undated]
    rows += [["Challenge", c.ref, c.text, "", "answered" if c.answer else "not yet answered",
              f"raised {c.raised_on.isoformat()}", "", None, None, c.answer, c.answered_on]
             for c in report.challenges]
    rows += [["Risk", f"R{r.number}", r.text, r.owner, "open",
              f"L{r.likelihood}×I{r.impact}={r.score}; actions {', '.join(r.actions) or '-'}",
              "", None, None, "", None] for r in report.risks]
    return rows


def _item_row(section: str, item: Item) -> list[Cell]:
    said = item.commentary
    return [section, item.ref, item.text, item.owners, RAG_WORDS.get(item.status, item.status),
            item.why, item.wording, item.due, item.overdue_days or None,
            said.note if said else NO_COMMENTARY, said.day if said else None]


def csv_bytes(header: list[str], rows: list[list[Cell]]) -> bytes:
    """CSV with a UTF-8 BOM; text formula-safe, dates ISO, blanks empty."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([_csv_cell(v) for v in row] for row in rows)
    return out.getvalue().encode("utf-8-sig")


def _csv_cell(value: Cell) -> str | int:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return safe_cell(value)
