"""Files for the board: the monitoring report, the yearly report and the audit log.

A report's format comes from the file's extension (`--format` overrides it); an
extension nobody knows is an error, never a Markdown file with an .xlsx name.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from bot.answers import Asker, in_context
from bot.config import Settings
from commands import Context
from commands.paper import Paper
from commands.quarters import read_quarter
from commands.report import build_report
from commands.report_docx import paper_docx
from commands.report_files import CSV_HEADER, csv_bytes, paper_markdown, report_rows
from commands.report_paper import quarter_paper
from commands.report_xlsx import paper_xlsx
from commands.year_paper import year_paper
from commands.year_report import build_year_report, read_year
from storage.audit import COLUMNS as AUDIT_COLUMNS
from storage.audit import every_entry
from storage.cells import safe_cell
from storage.database import Database

REPORT_FORMATS = ("md", "csv", "xlsx", "docx")
YEAR_FORMATS = ("md", "xlsx", "docx")
PAPER_WRITERS: dict[str, Callable[[Paper], bytes]] = {
    "md": lambda paper: paper_markdown(paper).encode("utf-8"),
    "xlsx": paper_xlsx,
    "docx": paper_docx,
}


class UnknownFormat(ValueError):
    """A report file whose format can't be told from its name, or isn't offered."""


def report_format(out: Path, fmt: str | None, yearly: bool = False) -> str:
    """`--format`, else the file's extension; one the report is offered in, or UnknownFormat."""
    offered = YEAR_FORMATS if yearly else REPORT_FORMATS
    chosen = (fmt or out.suffix.lstrip(".")).lower()
    if chosen not in offered:
        which = f"--format {fmt}" if fmt else (f"the extension “{out.suffix}”" if out.suffix
                                               else "a name without an extension")
        raise UnknownFormat(f"{out.name}: {which} is not a format the "
                            f"{'yearly' if yearly else 'quarterly'} report is written in; "
                            f"use {', '.join('.' + f for f in offered)} (or --format).")
    return chosen


def write_report(database: Database, settings: Settings, out: Path, fmt: str | None = None,
                 quarter: str = "", year: str = "", plan: str = "") -> str:
    """Write the quarterly report (or, given `year`, the yearly report) of the active plan
    (or the one `plan` names) to `out`."""
    chosen = report_format(out, fmt, bool(year))

    def build(ctx: Context) -> tuple[str, bytes]:
        starts = ctx.repo.plan.starts
        if year:
            report = build_year_report(ctx, read_year(year, starts))
            return f"{report.label} yearly report", PAPER_WRITERS[chosen](year_paper(report))
        value = build_report(ctx, read_quarter(quarter, ctx.today, starts))
        label = f"{value.quarter.label} monitoring report"
        if chosen == "csv":
            return label, csv_bytes(CSV_HEADER, report_rows(value))
        return label, PAPER_WRITERS[chosen](quarter_paper(value))

    label, content = in_context(database, settings, Asker("cli", is_admin=True, plan=plan),
                                build)
    out.write_bytes(content)
    return f"Wrote the {label} to {out}."


def export_audit(database: Database, out: Path) -> int:
    with database.unit_of_work() as session:
        rows = every_entry(session)
    suffix = out.suffix.lower()
    if suffix == ".json":
        out.write_text(json.dumps([dict(zip(AUDIT_COLUMNS, r, strict=True)) for r in rows],
                                  indent=1), encoding="utf-8")
    elif suffix == ".xlsx":
        out.write_bytes(_audit_xlsx(rows))
    else:
        out.write_bytes(csv_bytes(AUDIT_COLUMNS, [list(row) for row in rows]))
    return len(rows)


def _audit_xlsx(rows: list[list[str]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Audit"
    sheet.append(AUDIT_COLUMNS)
    sheet.freeze_panes = "A2"
    for row in rows:
        sheet.append([safe_cell(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
